"""Entities per article, cached by content hash, and which articles mention what.

Pure logic (no Textual). Two parts:

* :class:`EntityCache` keeps the engine's *uncorrected* results per article
  content hash in ``cache/entities/NNN.json`` (128 buckets by hash) inside the
  library folder. Why its own bucket files rather than one ``put_doc`` per
  article: a put rewrites its whole file, and filling the cache for 10,000
  articles one put at a time would rewrite megabytes thousands of times.
  Here one write stores a whole batch, and opening one article rewrites
  one bucket (1/128 of the cache). Each bucket carries the engine's stamp
  (a hash of the engine's code and gazetteer tables), so an improved engine
  recomputes instead of serving stale results. Corrections are never baked
  in: they are applied when shown, so a new correction holds at once for
  every article, cached or not.
* :class:`LibraryIndex` maps raw entity ids to the articles that mention
  them, filled incrementally by :func:`fill` (a generator the app drives
  from a background thread, a batch at a time). Corrections are applied at
  query time, so ``f`` on a merged or split entity finds the right articles.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.entities import read_names
from tui.entities.corrections import Corrections, split_id
from tui.errors import StoreError
from tui.models import Article, Entity
from tui.store import Store, atomic_write
from tui.text.normalize import normalise

__all__ = [
    "CORRECTIONS_DOC",
    "EntityCache",
    "LibraryIndex",
    "corrected_ids",
    "engine_stamp",
    "fill",
    "library_index",
    "load_corrections",
    "save_corrections",
]

CACHE_DIR = "cache/entities"
BUCKETS = 128  # ~140 KB a bucket at 10,000 articles: a cold read on open costs ~2 ms
FORMAT = "3"  # rows: [id, type, name, gloss, surfaces, flat spans]; part of the stamp
MEMORY_BUCKETS = 12  # parsed buckets kept in memory; all of a 10,000-article cache would be ~100 MB
CORRECTIONS_DOC = ("corrections", "global")  # store.get_doc name and key
_ENGINE_FILES = ("engine.py", "doc.py", "persons.py", "orgs.py", "places.py", "latin.py", "resolve.py",
                 "rules.py", "gazetteer.py", "grouping.py", "lexicon.py", "guards.py", "__init__.py", "model.py",
                 "prebuilt.py", "gates.py", "foreign.py")


@lru_cache(maxsize=1)
def engine_stamp() -> str:
    """Hash of what decides the engine's output: its code, its tables, the normaliser."""
    here = Path(__file__).resolve().parent
    paths = [here / name for name in _ENGINE_FILES]
    paths.append(here.parent / "text" / "normalize.py")
    try:
        from tui.entities.gazetteer import data_dir

        paths += sorted(data_dir().glob("*.tsv"))
        paths += sorted((data_dir().parent / "lexicon").glob("*.t*"))  # the rules' word lists and frequencies
        paths.append(data_dir().parent / "model" / "weights.json")  # the statistical layer's weights
    except FileNotFoundError:
        pass
    digest = hashlib.blake2b(FORMAT.encode(), digest_size=8)
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()


# -- packing: compact rows, so the cache stays small on disk ---------------------


def _pack(found: list[Entity]) -> list[list[Any]]:
    return [[e.id, e.type, e.name, e.gloss, list(e.surfaces), [x for span in e.spans for x in span]] for e in found]


def _unpack(rows: list[list[Any]]) -> list[Entity]:
    return [Entity(id=r[0], type=r[1], name=r[2], gloss=r[3], surfaces=list(r[4]),
                   spans=list(zip(map(int, r[5][::2]), map(int, r[5][1::2])))) for r in rows]


class EntityCache:
    """Engine results keyed by (content hash, language). Thread-safe; best effort on disk."""

    def __init__(self, store: Store, stamp: str | None = None) -> None:
        self.store = store
        self.stamp = stamp or engine_stamp()
        self.folder = store.folder / CACHE_DIR
        self._lock = threading.RLock()
        self._buckets: dict[str, dict[str, Any]] = {}  # most recently used last
        self._file_stamps: dict[str, tuple[int, int] | None] = {}
        self._unsaved: dict[str, dict[str, Any]] = {}  # read-only library: results kept in memory

    def get(self, content_hash: str, language: str = "") -> list[Entity] | None:
        """The cached entities, or None when this text was never read by this engine."""
        with self._lock:
            entry = self._bucket(_bucket_of(content_hash)).get(content_hash)
        if entry is None or entry.get("l", "") != (language or ""):
            return None
        try:
            return _unpack(entry["e"])
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def raw(self, content_hash: str, language: str = "") -> dict[str, list[str]] | None:
        """Just ``{entity id: spellings}`` (what the library index needs), without building entities."""
        with self._lock:
            entry = self._bucket(_bucket_of(content_hash)).get(content_hash)
        if entry is None or entry.get("l", "") != (language or ""):
            return None
        try:
            return {row[0]: row[4] for row in entry["e"]}
        except (KeyError, TypeError, IndexError):
            return None

    def put(self, content_hash: str, language: str, found: list[Entity]) -> None:
        self.put_many({content_hash: (language, found)})

    def put_many(self, entries: Mapping[str, tuple[str, list[Entity]]]) -> None:
        """Store a batch: one write per bucket touched; a read-only library keeps it in memory."""
        by_bucket: dict[str, dict[str, Any]] = {}
        for content_hash, (language, found) in entries.items():
            by_bucket.setdefault(_bucket_of(content_hash), {})[content_hash] = {
                "l": language or "", "e": _pack(found)}
        for bucket, docs in by_bucket.items():
            self._write(bucket, docs)

    # -- files ---------------------------------------------------------------

    def _path(self, bucket: str) -> Path:
        return self.folder / f"{bucket}.json"

    def _bucket(self, bucket: str) -> dict[str, Any]:
        """The bucket's entries, re-read only when another process changed the file."""
        stamp = _file_stamp(self._path(bucket))
        if bucket in self._buckets and stamp == self._file_stamps.get(bucket):
            self._buckets[bucket] = self._buckets.pop(bucket)  # most recently used
            return self._buckets[bucket]
        entries: dict[str, Any] = {}
        if stamp is not None:
            try:
                data = json.loads(self._path(bucket).read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("engine") == self.stamp:
                    entries = dict(data.get("entries") or {})
            except (OSError, ValueError):
                entries = {}  # a broken cache file is rebuilt, never fatal
        entries.update(self._unsaved.get(bucket, {}))
        self._buckets.pop(bucket, None)
        self._buckets[bucket], self._file_stamps[bucket] = entries, stamp
        while len(self._buckets) > MEMORY_BUCKETS:
            del self._buckets[next(iter(self._buckets))]
        return entries

    def _write(self, bucket: str, docs: dict[str, Any]) -> None:
        """Merge ``docs`` into a bucket file. The slow part (JSON and the disk)
        runs outside both in-memory locks, so opening an article in the app
        never waits for a background fill to write its results."""
        try:
            with self.store.file_lock():
                with self._lock:
                    entries = self._bucket(bucket)
                    entries.update(docs)
                    snapshot = dict(entries)
                text = json.dumps({"engine": self.stamp, "entries": snapshot},
                                  ensure_ascii=False, separators=(",", ":"))
                atomic_write(self._path(bucket), text)
                with self._lock:
                    self._file_stamps[bucket] = _file_stamp(self._path(bucket))
        except (StoreError, OSError):
            with self._lock:
                self._unsaved.setdefault(bucket, {}).update(docs)
                self._bucket(bucket).update(docs)


def _bucket_of(content_hash: str) -> str:
    try:
        return f"{int(content_hash[:4], 16) % BUCKETS:03d}"
    except ValueError:
        digest = hashlib.blake2b(content_hash.encode("utf-8"), digest_size=2).digest()
        return f"{int.from_bytes(digest, 'big') % BUCKETS:03d}"


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


# -- corrections in the store -------------------------------------------------------


def load_corrections(store: Store) -> Corrections:
    """The analyst's corrections (one document); an unreadable one counts as none."""
    try:
        doc = store.get_doc(*CORRECTIONS_DOC)
        return Corrections.from_dict(doc or {})
    except (StoreError, TypeError, ValueError, AttributeError):
        return Corrections()


def save_corrections(store: Store, corrections: Corrections) -> None:
    store.put_doc(*CORRECTIONS_DOC, corrections.to_dict())


def article_entities(store: Store, article: Article, cache: EntityCache | None = None,
                     corrections: Corrections | None = None) -> list[Entity]:
    """An article's entities as the sidebar shows them: cached (or extracted
    and cached), with the analyst's corrections applied."""
    cache = cache or EntityCache(store)
    found = cache.get(article.hash, article.language)
    if found is None:
        found, error = read_names(article.body, article.language or None)
        if not error:  # (an article the engine fails on is exported without names, and read again next time)
            cache.put(article.hash, article.language, found)
    return (corrections or load_corrections(store)).apply(found, article.body)


def entity_names(store: Store, articles: Iterable[Article]) -> dict[str, list[str]]:
    """Entity display names per article id, most salient first (for exports)."""
    cache, corrections = EntityCache(store), load_corrections(store)
    return {a.id: [e.name for e in article_entities(store, a, cache, corrections)] for a in articles}


# -- which articles mention which entity ---------------------------------------------


def corrected_ids(raw: Mapping[str, Iterable[str]], corrections: Corrections) -> set[str]:
    """Entity ids an article shows after corrections, from its raw ``{id: surfaces}``.

    The same steps as :meth:`Corrections.apply` (split, merge, reject) on ids
    alone, so the library index needs no spans and no copies.
    """
    ids: list[str] = []
    for entity_id, surfaces in raw.items():
        left = list(surfaces)
        for surface in corrections.splits.get(entity_id, []):
            key = normalise(surface)
            taken = [s for s in left if normalise(s) == key]
            if taken:
                left = [s for s in left if s not in taken]
                ids.append(split_id(entity_id, surface))
        if left:
            ids.append(entity_id)
    return {corrections.target(i) for i in ids} - corrections.rejects


class LibraryIndex:
    """Raw entity id -> article ids, kept per article so a changed article is replaced. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hashes: dict[str, str] = {}
        self._raw: dict[str, dict[str, tuple[str, ...]]] = {}
        self._by_entity: dict[str, set[str]] = {}
        self.complete = False

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, article_id: str, content_hash: str, found: Iterable[Entity]) -> None:
        self.add_raw(article_id, content_hash, {e.id: e.surfaces for e in found})

    def add_raw(self, article_id: str, content_hash: str, surfaces: Mapping[str, Iterable[str]]) -> None:
        """Index one article from ``{entity id: spellings}``."""
        # Interned: the same ids and spellings recur across thousands of articles.
        raw = {sys.intern(k): tuple(sys.intern(x) for x in v) for k, v in surfaces.items()}
        with self._lock:
            self._discard(article_id)
            self._hashes[article_id] = content_hash
            self._raw[article_id] = raw
            for entity_id in raw:
                self._by_entity.setdefault(entity_id, set()).add(article_id)

    def discard(self, article_id: str) -> None:
        with self._lock:
            self._discard(article_id)

    def _discard(self, article_id: str) -> None:
        for entity_id in self._raw.pop(article_id, {}):
            ids = self._by_entity.get(entity_id)
            if ids is not None:
                ids.discard(article_id)
                if not ids:
                    del self._by_entity[entity_id]
        self._hashes.pop(article_id, None)

    def has(self, article: Article) -> bool:
        return self._hashes.get(article.id) == article.hash

    def article_ids(self) -> set[str]:
        with self._lock:
            return set(self._hashes)

    def articles_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> set[str]:
        """Articles that show ``entity_id`` once corrections are applied.

        An id that was since merged into another answers for its target, so a
        saved filter on it keeps working after the merge.
        """
        corr = corrections or Corrections()
        entity_id = corr.target(entity_id)
        if entity_id in corr.rejects:
            return set()
        with self._lock:
            found: set[str] = set()
            sources = {entity_id} | {src for src in corr.merges if corr.target(src) == entity_id}
            for raw_id in sources:
                found |= self._with_surface_left(raw_id, corr.splits.get(raw_id, []))
            for raw_id, surfaces in corr.splits.items():
                for surface in surfaces:
                    if corr.target(split_id(raw_id, surface)) == entity_id:
                        found |= self._with_surface(raw_id, surface)
            return found

    def count_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> int:
        """``len(articles_mentioning(...))`` without copying the set in the common, uncorrected case."""
        corr = corrections or Corrections()
        plain = (entity_id not in corr.rejects and entity_id not in corr.merges and entity_id not in corr.splits
                 and entity_id not in corr.merges.values() and "/" not in entity_id)
        if plain:
            with self._lock:
                return len(self._by_entity.get(entity_id, ()))
        return len(self.articles_mentioning(entity_id, corr))

    def _with_surface_left(self, raw_id: str, split_off: list[str]) -> set[str]:
        """Articles where ``raw_id`` keeps a spelling after ``split_off`` are taken out."""
        ids = self._by_entity.get(raw_id, set())
        if not split_off:
            return set(ids)
        gone = {normalise(s) for s in split_off}
        return {a for a in ids if any(normalise(s) not in gone for s in self._raw[a][raw_id])}

    def _with_surface(self, raw_id: str, surface: str) -> set[str]:
        key = normalise(surface)
        return {a for a in self._by_entity.get(raw_id, set())
                if any(normalise(s) == key for s in self._raw[a][raw_id])}

    def mapping(self, corrections: Corrections | None = None) -> dict[str, set[str]]:
        """The whole index as ``{entity id: article ids}``, corrections applied."""
        corr = corrections or Corrections()
        out: dict[str, set[str]] = {}
        with self._lock:
            for article_id, raw in self._raw.items():
                for entity_id in corrected_ids(raw, corr):
                    out.setdefault(entity_id, set()).add(article_id)
        return out


def fill(index: LibraryIndex, cache: EntityCache, store: Store, *, batch: int = 50, flush: int = 1000,
         pause: bool = True) -> Iterator[tuple[int, int]]:
    """Bring ``index`` up to date with the library; yields (done, to do) after each batch.

    Cached articles are indexed at once (bucket by bucket, so few parsed
    buckets are held at a time); the rest are read from their body buckets
    and extracted, ``flush`` at a time written to the cache (each write
    rewrites the buckets it touches, so fewer, larger writes cost less).
    With ``pause`` the loop sleeps as long as it worked, so a background
    thread holding the GIL never makes typing in the app feel slow.
    """
    if callable(getattr(index, "pending_batch", None)):
        yield from _fill_in_batches(index, cache, store, batch=batch, flush=flush, pause=pause)
        return
    ask_pending = getattr(index, "pending", None)
    if callable(ask_pending):
        stale = [Article(id=aid, title="", body="", hash=h, language=lang) for aid, h, lang in ask_pending()]
    else:
        articles = {a.id: a for a in store.articles()}
        for gone in index.article_ids() - articles.keys():
            index.discard(gone)
        stale = [a for a in articles.values() if not index.has(a)]
    missing: dict[str, Article] = {}
    for art in sorted(stale, key=lambda a: _bucket_of(a.hash)):
        raw = cache.raw(art.hash, art.language)
        if raw is None:
            missing[art.id] = art
        else:
            index.add_raw(art.id, art.hash, raw)
    _flush_index(index)
    done, total = 0, len(missing)
    index.complete = not missing
    yield done, total
    pending: dict[str, tuple[str, list[Entity]]] = {}
    try:
        for article_id, body in _bodies_of(store, missing):
            todo = missing.get(article_id)
            if todo is None:
                continue
            _extract_into(index, pending, article_id, todo.hash, todo.language, body, pause)
            done += 1
            if len(pending) >= flush:
                cache.put_many(pending)
                pending = {}
            if done % batch == 0:
                yield done, total
    finally:  # also when the caller stops early (app quitting): keep what was read
        if pending:
            cache.put_many(pending)
        _flush_index(index)
    index.complete = True
    yield done, total


def _fill_in_batches(index: Any, cache: EntityCache, store: Store, *, batch: int, flush: int,
                     pause: bool) -> Iterator[tuple[int, int]]:
    """The store's own index (tui.store.entity_index): only pending rows, ``batch`` at a time.

    Nothing proportional to the library is held: each batch is read from
    SQL by row number (newest first), the articles the app asked for
    (opened, on screen) go before it, and a body is read only when the
    cache has no entities for it. Memory stays flat at 1,000,000 articles.
    """
    total = index.pending_count()
    done = 0
    index.complete = total == 0
    yield done, total
    pending: dict[str, tuple[str, list[Entity]]] = {}
    try:
        for rows in index.pending_batches(batch):
            for _n, article_id, content_hash, language in rows:
                raw = cache.raw(content_hash, language)
                if raw is not None:
                    index.add_raw(article_id, content_hash, raw)
                else:
                    art = store.get_article(article_id)
                    if art is None:
                        continue
                    _extract_into(index, pending, article_id, content_hash, language, art.body, pause)
                done += 1
            if len(pending) >= flush:
                cache.put_many(pending)
                pending = {}
            yield done, total
    finally:  # also when the caller stops early (app quitting): keep what was read
        if pending:
            cache.put_many(pending)
        _flush_index(index)
    index.complete = True
    yield done, total


def _extract_into(index: Any, pending: dict[str, tuple[str, list[Entity]]], article_id: str, content_hash: str,
                  language: str, body: str, pause: bool) -> None:
    """Extract one article into the index and the cache's pending writes.

    With ``pause``, rest as long as the extraction took (lowest priority:
    a background thread holding the GIL never makes typing feel slow).
    """
    started = time.perf_counter()
    found, error = read_names(body, language or None)
    index.add(article_id, content_hash, found)  # (a failed article: indexed with no names, the fill goes on)
    if not error:
        pending[content_hash] = (language, found)
    if pause:
        time.sleep(min(time.perf_counter() - started, 0.05))


def _flush_index(index: LibraryIndex) -> None:
    """The store-backed index buffers its writes; the in-memory one has nothing to flush."""
    flush = getattr(index, "flush", None)
    if callable(flush):
        flush()


def _bodies_of(store: Store, missing: Mapping[str, Article]) -> Iterator[tuple[str, str]]:
    """Bodies of the articles still to read: one indexed lookup each when few, else one pass."""
    if not missing:
        return
    if len(missing) * 4 < max(store.article_count(), 1):
        for article_id in list(missing):
            art = store.get_article(article_id)
            if art is not None:
                yield article_id, art.body
        return
    yield from store.iter_bodies()


def library_index(store: Store, corrections: Corrections | None = None,
                  index: LibraryIndex | None = None) -> dict[str, set[str]]:
    """``{entity id: article ids}`` for the whole library, filling the cache as it goes."""
    index = index if index is not None else LibraryIndex()
    for _ in fill(index, EntityCache(store), store, pause=False):
        pass
    return index.mapping(corrections if corrections is not None else load_corrections(store))
