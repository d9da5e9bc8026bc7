"""Which articles mention which entities, in ``library.sqlite``.

Rows ``article_entities(entity, n, surfaces)`` say that article ``n``
mentions the (raw, uncorrected) entity with these spellings;
``entity_done(n, hash, stamp)`` says which text of the article, read by
which engine, the rows describe. They persist, so a restart only reads the
articles that are new or changed since (or all of them once when the
engine changed): "articles mentioning X" and the sidebar's library counts
are then index lookups, not a pass over every article.

:class:`EntityIndex` has the interface of the in-memory
:class:`tui.entities.cache.LibraryIndex` (``add``, ``has``,
``articles_mentioning`` with the analyst's corrections, ...), so the
entity feature fills and asks it the same way. Writes are buffered and
flushed in one transaction per batch.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from tui.models import Article, Entity
from tui.store.sql import ENTITY_ROWS_TABLE
from tui.text.normalize import normalise

if TYPE_CHECKING:
    from tui.entities.corrections import Corrections
    from tui.store.library import Store

FLUSH_EVERY = 200
Extract = Callable[[str, str], list[Entity]]
"""(body, language) -> the engine's entities: handed in, so the store never imports the engine."""


class EntityIndex:
    """Raw entity id -> articles, kept in the store; thread-safe."""

    def __init__(self, store: Store, stamp: str | Callable[[], str]) -> None:
        """``stamp``: the engine's, or a function giving it when first needed (the app's
        first paint does not wait for it: it hashes the engine's code and tables)."""
        self.store = store
        self._stamp = stamp
        self.complete = False
        self._lock = threading.RLock()
        self._done: dict[str, str] | None = None  # article id -> hash indexed (current engine only)
        # article id -> (hash, {entity id: spellings}, packed entities as JSON or None), or None: dropped
        self._pending: dict[str, tuple[str, dict[str, tuple[str, ...]], str | None] | None] = {}
        self._rows_table = False  # entity_rows made sure of (older libraries of this version lack it)
        self._first: list[str] = []  # article ids to index before the rest (opened, on screen)

    @property
    def stamp(self) -> str:
        if callable(self._stamp):
            self._stamp = self._stamp()
        return self._stamp

    # -- what is indexed -------------------------------------------------------

    def _hashes(self) -> dict[str, str]:
        with self._lock:
            if self._done is None:
                self.flush()
                rows = self.store.db.conn().execute(
                    "SELECT a.id, d.hash FROM entity_done d JOIN articles a ON a.n = d.n WHERE d.stamp = ?",
                    (self.stamp,))
                self._done = dict(rows.fetchall())
            return self._done

    def __len__(self) -> int:
        self.flush()
        row = self.store.db.conn().execute("SELECT count(*) FROM entity_done WHERE stamp = ?", (self.stamp,))
        return int(row.fetchone()[0])

    def has(self, article: Article) -> bool:
        return self._hashes().get(article.id) == article.hash

    def article_ids(self) -> set[str]:
        return set(self._hashes())

    def pending(self) -> list[tuple[str, str, str]]:
        """(id, hash, language) of articles not indexed (or changed) for this engine."""
        rows = self.store.db.conn().execute(
            "SELECT a.id, a.hash, a.language FROM articles a LEFT JOIN entity_done d ON d.n = a.n "
            "WHERE d.n IS NULL OR d.hash <> a.hash OR d.stamp <> ?", (self.stamp,))
        return [tuple(r) for r in rows.fetchall()]

    _PENDING = ("SELECT a.n, a.id, a.hash, a.language FROM articles a LEFT JOIN entity_done d ON d.n = a.n "
                "WHERE (d.n IS NULL OR d.hash <> a.hash OR d.stamp <> ?)")

    def pending_count(self) -> int:
        """How many articles :meth:`pending` would list, counted in SQL (no rows read into Python)."""
        self.flush()
        row = self.store.db.conn().execute(f"SELECT count(*) FROM ({self._PENDING})", (self.stamp,)).fetchone()
        return int(row[0])

    def pending_batch(self, limit: int, below: int | None = None) -> list[tuple[int, str, str, str]]:
        """Up to ``limit`` (row, id, hash, language) not indexed yet, newest rows first, rows under ``below``.

        The background fill walks the library with this, one bounded batch
        at a time, so its memory does not grow with the library; the row
        number is the cursor for the next batch.
        """
        self.flush()
        sql: str = self._PENDING
        args: list[object] = [self.stamp]
        if below is not None:
            sql += " AND a.n < ?"
            args.append(below)
        rows = self.store.db.conn().execute(sql + " ORDER BY a.n DESC LIMIT ?", (*args, limit))
        return [tuple(r) for r in rows.fetchall()]

    def prioritise(self, article_ids: Iterable[str]) -> None:
        """Index these articles (the ones on screen, the one opened) before any other."""
        with self._lock:
            self._first = [a for a in article_ids if a not in self._first][:100] + self._first[:100]

    def pending_batches(self, batch: int) -> Iterator[list[tuple[int, str, str, str]]]:
        """Every pending row, ``batch`` at a time, newest first; before each batch, the
        articles asked for by :meth:`prioritise` (what both fills walk the library by)."""
        below: int | None = None
        while True:
            rows = self.take_first()
            if not rows:
                rows = self.pending_batch(batch, below)
                if not rows:
                    return
                below = rows[-1][0]
            yield rows

    def take_first(self) -> list[tuple[int, str, str, str]]:
        """The prioritised articles that still need indexing (and forget the request)."""
        with self._lock:
            ids, self._first = self._first, []
        if not ids:
            return []
        self.flush()
        marks = ",".join("?" * len(ids))
        rows = self.store.db.conn().execute(f"{self._PENDING} AND a.id IN ({marks})", (self.stamp, *ids))
        return [tuple(r) for r in rows.fetchall()]

    # -- writing -----------------------------------------------------------------

    def add(self, article_id: str, content_hash: str, found: Iterable[Entity]) -> None:
        """Index one article from the engine's entities, kept whole too: the sidebar
        then shows them from here (:meth:`entities_of`) without loading the engine."""
        found = list(found)
        self._add(article_id, content_hash, {e.id: e.surfaces for e in found}, pack_entities(found))

    def add_raw(self, article_id: str, content_hash: str, surfaces: Mapping[str, Iterable[str]]) -> None:
        """Index one article from ``{entity id: spellings}`` (written with the next flush)."""
        self._add(article_id, content_hash, surfaces, None)

    def _add(self, article_id: str, content_hash: str, surfaces: Mapping[str, Iterable[str]],
             rows: str | None) -> None:
        with self._lock:
            if self._done is not None:  # kept current only once something asked for it
                self._done[article_id] = content_hash
            self._pending[article_id] = (content_hash, {k: tuple(v) for k, v in surfaces.items()}, rows)
            full = len(self._pending) >= FLUSH_EVERY
        if full:
            self.flush()

    def discard(self, article_id: str) -> None:
        with self._lock:
            if self._done is not None:
                self._done.pop(article_id, None)
            self._pending[article_id] = None
        self.flush()

    def flush(self) -> None:
        """Write what was added since the last flush, in one transaction."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending or self.store.db.readonly:
            return
        with self.store.db.write(bump=False) as conn:
            if not self._rows_table:
                conn.execute(ENTITY_ROWS_TABLE)
                self._rows_table = True
            for article_id, entry in pending.items():
                row = conn.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
                if row is None:
                    continue
                n = row[0]
                conn.execute("DELETE FROM article_entities WHERE n = ?", (n,))
                if entry is None or entry[2] is None:
                    conn.execute("DELETE FROM entity_rows WHERE n = ?", (n,))
                if entry is None:
                    conn.execute("DELETE FROM entity_done WHERE n = ?", (n,))
                    continue
                content_hash, surfaces, rows = entry
                conn.executemany("INSERT OR REPLACE INTO article_entities(entity, n, surfaces) VALUES (?, ?, ?)",
                                 [(eid, n, json.dumps(list(s), ensure_ascii=False)) for eid, s in surfaces.items()])
                conn.execute("INSERT OR REPLACE INTO entity_done(n, hash, stamp) VALUES (?, ?, ?)",
                             (n, content_hash, self.stamp))
                if rows is not None:
                    conn.execute("INSERT OR REPLACE INTO entity_rows(n, rows) VALUES (?, ?)", (n, rows))

    # -- filling -------------------------------------------------------------------

    def fill(self, extract: Extract, *, batch: int = 10, pause: bool = True) -> Generator[tuple[int, int], None, None]:
        """Index every article not indexed for this engine; yields (done, to do) after each batch.

        Bounded at any library size: ``batch`` pending rows are read (newest
        first; the articles asked for by :meth:`prioritise` before them),
        their bodies in one query, each extracted and added, and the batch
        written before the next is read, so nothing proportional to the
        library, and no more than one batch of entities, is held. With
        ``pause`` it rests as long as each extraction took (a background
        thread holding the GIL never makes typing feel slow).
        """
        total = self.pending_count()
        done = 0
        self.complete = total == 0
        yield done, total
        try:
            for rows in self.pending_batches(batch):
                bodies = self.store.bodies_by_ids(r[1] for r in rows)
                for _n, article_id, content_hash, language in rows:
                    body = bodies.pop(article_id, None)
                    if body is None:
                        continue
                    started = time.perf_counter()
                    self.add(article_id, content_hash, extract(body, language))
                    done += 1
                    if pause:
                        time.sleep(min(time.perf_counter() - started, 0.05))
                self.flush()
                yield done, total
        finally:  # also when the caller stops early (the app quitting): keep what was read
            self.flush()
        self.complete = True
        yield done, total

    # -- reading -------------------------------------------------------------------

    def entities_of(self, article_id: str, content_hash: str) -> list[Entity] | None:
        """The engine's entities of an article indexed with this text by this engine, or None.

        One indexed lookup (or the batch not written yet): what the sidebar
        shows for an article the background fill has read, without the
        engine in memory.
        """
        with self._lock:
            pending = self._pending.get(article_id, ...)
        if pending is not ...:
            if pending is None or pending[0] != content_hash or pending[2] is None:
                return None
            return unpack_entities(pending[2])
        try:
            row = self.store.db.conn().execute(
                "SELECT r.rows FROM articles a JOIN entity_done d ON d.n = a.n JOIN entity_rows r ON r.n = a.n "
                "WHERE a.id = ? AND d.hash = ? AND d.stamp = ?", (article_id, content_hash, self.stamp)).fetchone()
        except sqlite3.OperationalError:
            return None  # no entity_rows yet (a library indexed before it existed, opened read-only)
        return unpack_entities(row[0]) if row else None

    def _rows(self, entity_id: str) -> list[tuple[str, list[str]]]:
        self.flush()
        rows = self.store.db.conn().execute(
            "SELECT a.id, e.surfaces FROM article_entities e JOIN articles a ON a.n = e.n "
            "JOIN entity_done d ON d.n = e.n AND d.stamp = ? WHERE e.entity = ?", (self.stamp, entity_id))
        return [(aid, json.loads(s)) for aid, s in rows.fetchall()]

    def articles_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> set[str]:
        """Articles that show ``entity_id`` once corrections are applied (merged ids
        answer for their target; split-off spellings count for the split entity)."""
        from tui.entities.corrections import Corrections, split_id

        corr = corrections or Corrections()
        entity_id = corr.target(entity_id)
        if entity_id in corr.rejects:
            return set()
        found: set[str] = set()
        sources = {entity_id} | {src for src in corr.merges if corr.target(src) == entity_id}
        for raw_id in sources:
            gone = {normalise(s) for s in corr.splits.get(raw_id, [])}
            found |= {aid for aid, spellings in self._rows(raw_id)
                      if not gone or any(normalise(s) not in gone for s in spellings)}
        for raw_id, surfaces in corr.splits.items():
            for surface in surfaces:
                if corr.target(split_id(raw_id, surface)) == entity_id:
                    key = normalise(surface)
                    found |= {aid for aid, spellings in self._rows(raw_id)
                              if any(normalise(s) == key for s in spellings)}
        return found

    def count_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> int:
        """How many articles mention ``entity_id``: one index count when no correction touches it."""
        from tui.entities.corrections import Corrections

        corr = corrections or Corrections()
        plain = (entity_id not in corr.rejects and entity_id not in corr.merges and entity_id not in corr.splits
                 and entity_id not in corr.merges.values() and "/" not in entity_id)
        if not plain:
            return len(self.articles_mentioning(entity_id, corr))
        self.flush()
        row = self.store.db.conn().execute(
            "SELECT count(*) FROM article_entities e JOIN entity_done d ON d.n = e.n AND d.stamp = ? "
            "WHERE e.entity = ?", (self.stamp, entity_id)).fetchone()
        return int(row[0])

    def mapping(self, corrections: Corrections | None = None) -> dict[str, set[str]]:
        """The whole index as ``{entity id: article ids}``, corrections applied."""
        from tui.entities.cache import corrected_ids
        from tui.entities.corrections import Corrections

        corr = corrections or Corrections()
        self.flush()
        raw: dict[str, dict[str, Any]] = {}
        rows = self.store.db.conn().execute(
            "SELECT a.id, e.entity, e.surfaces FROM article_entities e JOIN articles a ON a.n = e.n "
            "JOIN entity_done d ON d.n = e.n AND d.stamp = ?", (self.stamp,))
        for aid, eid, surfaces in rows:
            raw.setdefault(aid, {})[eid] = tuple(json.loads(surfaces))
        out: dict[str, set[str]] = {}
        for article_id, entities in raw.items():
            for entity_id in corrected_ids(entities, corr):
                out.setdefault(entity_id, set()).add(article_id)
        return out


def pack_entities(found: Iterable[Entity]) -> str:
    """Entities as compact JSON rows: [id, type, name, gloss, surfaces, flat spans]."""
    return json.dumps([[e.id, e.type, e.name, e.gloss, list(e.surfaces), [x for span in e.spans for x in span]]
                       for e in found], ensure_ascii=False, separators=(",", ":"))


def unpack_entities(text: str) -> list[Entity]:
    rows = json.loads(text)
    return [Entity(id=r[0], type=r[1], name=r[2], gloss=r[3], surfaces=list(r[4]),
                   spans=list(zip(r[5][::2], r[5][1::2], strict=True))) for r in rows]
