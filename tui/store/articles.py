"""Articles in ``library.sqlite``: metadata, bodies, search text, tags.

The list reads only the rows it shows (:meth:`ArticlesMixin.window`, with
:meth:`ArticlesMixin.count`), through indexes on the list's sort orders and
filters; bodies live in their own table so scanning metadata never pages a
body in. ``articles()`` (every row as an ``Article``) stays for callers that
really want the whole library (export, entity fill), and costs what it says.

What the analyst writes stays in TinyDB (see :mod:`tui.store.notes`); a
mirror of it lives here (annotation count, note text and tags per article)
so that the list can sort by notes, filter by note tags and search notes in
the same query. TinyDB is the truth: the mirror is refreshed on every save
through the Store, and rebuilt when the annotation files changed behind its
back (see :meth:`tui.store.library.Store.sync_notes`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tui.errors import StoreError
from tui.models import Annotation, Article
from tui.search import topk
from tui.search.fts import WEIGHTS, index_values, match_expression
from tui.search.query import Query
from tui.store.files import LibraryFiles
from tui.store.ids import article_id_for, new_id
from tui.store.sql import Database
from tui.tags import clean_tag
from tui.text.normalize import normalise

META_COLUMNS = ("id", "title", "url", "guid", "source", "feed_id", "language", "direction", "author",
                "published", "fetched", "hash", "read", "tags")
_COLUMNS = ", ".join(f"a.{c}" for c in META_COLUMNS) + ", a.notes"
_SELECT_META = f"SELECT {_COLUMNS} FROM articles a"
_SELECT_META_N = f"SELECT {_COLUMNS}, a.n, a.sort_date FROM articles a"  # for keyset pages
_UPDATABLE = {"title", "url", "guid", "source", "feed_id", "language", "direction", "author",
              "published", "fetched", "read", "tags"}
BATCH = 500  # articles per write transaction in a long import
Body = str | bytes  # an article's body as it is bound: text, or UTF-8 bytes from the import's parser process
Indexed = tuple[str, Body, str, str]  # an article's search columns (the folded body may be UTF-8 bytes)
SORTS = {
    "newest": "a.sort_date DESC, a.n ASC",
    "oldest": "a.sort_date ASC, a.n DESC",
    "source": "a.source_key ASC, a.sort_date DESC, a.n ASC",
    "annotated": "a.notes DESC, a.sort_date DESC, a.n ASC",
}


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: filter parts (empty ones do not filter) and an order.

    Mirrors :class:`tui.filters.Filter`; ``article_ids`` narrows to a set
    resolved elsewhere (an entity with the analyst's corrections applied,
    search results) and ``search`` to an FTS query.
    """

    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    has_notes: bool | None = None
    read: bool | None = None
    entity: str = ""
    article_ids: frozenset[str] | None = None
    search: Query | None = None
    sort: str = "newest"

    @classmethod
    def from_filter(cls, flt: Any, **more: Any) -> ListQuery:
        """From a :class:`tui.filters.Filter` (duck-typed: no import of the UI's module)."""
        parts = {name: getattr(flt, name) for name in ("tags", "sources", "languages", "date_from",
                                                      "date_to", "has_notes", "read", "sort")}
        return cls(**parts, **more)


@dataclass
class Row:
    """One list row: the article without its body, and its annotation count."""

    article: Article
    annotations: int = 0


class ArticlesMixin(LibraryFiles):
    """Article reads and writes of the Store (needs ``self.db``)."""

    db: Database

    # -- reading -----------------------------------------------------------

    def articles(self) -> list[Article]:
        """All article metadata, newest first; bodies are left empty until asked for."""
        rows = self.db.conn().execute(f"{_SELECT_META} ORDER BY {SORTS['newest']}").fetchall()
        return [_article(r) for r in rows]

    def tagged_articles(self) -> list[Article]:
        """Metadata of the articles that carry tags of their own, newest first."""
        rows = self.db.conn().execute(
            f"{_SELECT_META} WHERE a.n IN (SELECT n FROM article_tags WHERE on_note = 0) ORDER BY {SORTS['newest']}")
        return [_article(r) for r in rows.fetchall()]

    def article_count(self) -> int:
        return int(self.db.conn().execute("SELECT count(*) FROM articles").fetchone()[0])

    def get_article(self, article_id: str) -> Article | None:
        """The full article, with its body."""
        conn = self.db.conn()
        row = conn.execute(f"{_SELECT_META} WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        body = conn.execute("SELECT b.body FROM bodies b JOIN articles a ON a.n = b.n WHERE a.id = ?",
                            (article_id,)).fetchone()
        return _article(row, body[0] if body else "")

    def articles_by_ids(self, ids: Iterable[str]) -> dict[str, Article]:
        """Metadata of the given articles (no bodies), by id; unknown ids are left out."""
        return {r[0]: _article(r) for r in _rows_by_ids(self.db.conn(), f"{_SELECT_META} WHERE a.id IN", ids)}

    def iter_articles(self, batch: int = 2000) -> Iterator[list[Article]]:
        """Every article's metadata, newest first (as :meth:`articles`), ``batch`` at a time:
        one keyset query per batch over the date index, so a pass over 1,000,000
        articles holds one batch, never the library."""
        conn = self.db.conn()
        rows = conn.execute(f"{_SELECT_META_N} ORDER BY {SORTS['newest']} LIMIT ?", (batch,)).fetchall()
        while rows:
            yield [_article(r) for r in rows]
            last_n, last_date = rows[-1][-2], rows[-1][-1]
            rows = conn.execute(f"{_SELECT_META_N} WHERE a.sort_date <= ? AND NOT (a.sort_date = ? AND a.n <= ?) "
                                f"ORDER BY {SORTS['newest']} LIMIT ?", (last_date, last_date, last_n, batch)).fetchall()

    def bodies_by_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """Bodies of the given articles, by id (unknown ids left out), 900 per query."""
        sql = "SELECT a.id, b.body FROM articles a JOIN bodies b ON b.n = a.n WHERE a.id IN"
        return dict(_rows_by_ids(self.db.conn(), sql, ids))

    def iter_bodies(self) -> Iterator[tuple[str, str]]:
        """(article id, body) for every article, streamed in id order."""
        cursor = self.db.conn().execute("SELECT a.id, b.body FROM articles a JOIN bodies b ON b.n = a.n")
        while batch := cursor.fetchmany(256):
            yield from batch

    def count(self, query: ListQuery | None = None) -> int:
        """How many articles the list shows for ``query``."""
        query = query or ListQuery()
        expr = self._expr(query)
        if query.search is not None and replace(query, search=None, sort="newest") == ListQuery():
            # A search and nothing else: counted in the search index alone. Through the
            # articles table a common word at 1,000,000 articles (80,000 matches) read
            # their rows: 2.1 s cold, 0.17 s warm; here 10-80 ms.
            expr = expr or match_expression(query.search)
            if not expr:
                return 0
            return int(self.db.conn().execute("SELECT count(*) FROM search WHERE search MATCH ?",
                                              (expr,)).fetchone()[0])
        where, params = _where(query, expr=expr)
        sql = f"SELECT count(*) FROM articles a {where}"
        return int(self.db.conn().execute(sql, params).fetchone()[0])

    def window(self, query: ListQuery | None = None, offset: int = 0, limit: int = 100) -> list[Row]:
        """Rows ``offset`` .. ``offset + limit`` of the list for ``query``, in its order.

        With a search, rows come best match first unless ``query.sort`` asks
        for another order than the default. Two steps, so that a deep offset
        (row 90,000) walks only an index, never the rows it skips: the row
        numbers of the window first, then those rows.
        """
        query = query or ListQuery()
        expr = self._expr(query)
        offset, limit = max(offset, 0), max(limit, 0)
        conn = self.db.conn()
        with self.db.read():
            if expr and query.sort == "newest" and replace(query, search=None) == ListQuery():
                ns = [n for n, _ in _ranked(conn, expr, offset + limit)][offset:]  # a search alone: rank order
            else:
                sql, params = _ordered(query, columns="a.n", expr=expr)
                ns = [r[0] for r in conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])]
            if not ns:
                return []
            found = conn.execute(f"SELECT {_COLUMNS}, a.n FROM articles a "
                                 "WHERE a.n IN (SELECT value FROM json_each(?))", (json.dumps(ns),)).fetchall()
        by_n = {r[-1]: Row(_article(r), int(r[-2])) for r in found}
        return [by_n[n] for n in ns if n in by_n]

    def ids(self, query: ListQuery | None = None) -> list[str]:
        """Every article id of the list for ``query``, in its order (cheap: ids only)."""
        query = query or ListQuery()
        sql, params = _ordered(query, columns="a.id", expr=self._expr(query))
        return [r[0] for r in self.db.conn().execute(sql, params)]

    def index_of(self, article_id: str, query: ListQuery | None = None) -> int | None:
        """Position of an article in the list for ``query`` (to keep the cursor on it).

        For the sort orders, one count of the rows that sort before it (an
        index range, not a walk over the list); for rank order, the ids.
        """
        query = query or ListQuery()
        conn = self.db.conn()
        me = conn.execute("SELECT n, sort_date, source_key, notes FROM articles WHERE id = ?",
                          (article_id,)).fetchone()
        if me is None:
            return None
        if query.search is not None and query.sort == "newest":
            try:
                return self.ids(query).index(article_id)
            except ValueError:
                return None
        where, params = _where(query, expr=self._expr(query))
        member = f"{where} {'AND' if where else 'WHERE'} a.n = ?"
        if conn.execute(f"SELECT 1 FROM articles a {member}", [*params, me[0]]).fetchone() is None:
            return None
        before, extra = _before(query.sort, me)
        sql = f"SELECT count(*) FROM articles a {where} {'AND' if where else 'WHERE'} ({before})"
        return int(conn.execute(sql, [*params, *extra]).fetchone()[0])

    def feed_counts(self) -> dict[str, int]:
        """Articles per feed id."""
        rows = self.db.conn().execute("SELECT feed_id, count(*) FROM articles WHERE feed_id <> '' GROUP BY feed_id")
        return {fid: int(c) for fid, c in rows}

    def match(self, query: Query) -> str:
        """The FTS5 MATCH string for ``query``, with only the clitic forms the index holds."""
        conn = self.db.conn()
        if not _has_vocab(conn):
            return match_expression(query)

        def known(word: str) -> bool:
            return conn.execute("SELECT 1 FROM temp.search_terms WHERE term = ? LIMIT 1", (word,)).fetchone() is not None

        def known_prefix(prefix: str) -> bool:
            return conn.execute("SELECT 1 FROM temp.search_terms WHERE term >= ? AND term < ? LIMIT 1",
                                (prefix, prefix + "\U0010ffff")).fetchone() is not None

        return match_expression(query, known, known_prefix)

    def _expr(self, query: ListQuery) -> str:
        return self.match(query.search) if query.search is not None else ""

    def search(self, query: Query, limit: int | None = None) -> list[tuple[str, float]]:
        """(article id, score) best first for an FTS query; score higher is better."""
        expr = self.match(query)
        if not expr:
            return []
        conn = self.db.conn()
        try:
            with self.db.read():
                ranked = _ranked(conn, expr, limit)
                ids = dict(conn.execute("SELECT n, id FROM articles WHERE n IN (SELECT value FROM json_each(?))",
                                        (json.dumps([n for n, _ in ranked]),)).fetchall())
        except sqlite3.OperationalError:
            return []  # a query FTS5 cannot parse matches nothing, it does not crash
        return [(ids[n], float(f"{-float(rank):.4g}")) for n, rank in ranked if n in ids]

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Sources and languages with their article counts (for the filter dialog)."""
        conn = self.db.conn()
        sources = conn.execute("SELECT source, count(*) FROM articles WHERE source <> '' "
                               "GROUP BY source_key ORDER BY source_key").fetchall()
        langs = conn.execute("SELECT language, count(*) FROM articles WHERE language <> '' "
                             "GROUP BY language ORDER BY language").fetchall()
        return {"sources": [(s, int(c)) for s, c in sources], "languages": [(s, int(c)) for s, c in langs]}

    # -- writing -----------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
        """Add new articles, update changed ones; returns (added, updated).

        The same article is recognised by guid, URL or content hash. An
        update keeps the article's id, read state and tags, so annotations
        stay attached (re-anchoring is the annotation module's job). Long
        streams are written ``BATCH`` articles per transaction.
        """
        added: list[Article] = []
        updated: list[Article] = []
        for kind, art in self.upsert_articles(articles):
            (added if kind == "added" else updated).append(art)
        return added, updated

    def upsert_articles(self, articles: Iterable[Article]) -> Iterator[tuple[str, Article]]:
        """Like :meth:`add_articles`, as a stream of ("added"|"updated", article).

        Unchanged articles yield nothing. Each batch is committed before its
        results are yielded, so what was yielded is saved.
        """
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= BATCH:
                yield from self.upsert_batch(batch)
                batch = []
        if batch:
            yield from self.upsert_batch(batch)

    def upsert_batch(self, arts: Sequence[Article], indexed: Sequence[Indexed | None] | None = None,
                     bodies: Sequence[Body] | None = None) -> list[tuple[str, Article]]:
        """Upsert ``arts`` in one transaction; ("added"|"updated", article) for each change.

        ``indexed``, when given, holds each article's search columns as a new
        article gets them (``index_values(title, body, tags, "", "")``),
        computed beforehand (the import's parser process folds them, so the
        writer does not; None for one it left to the writer). ``bodies``, when
        given, are the bodies (the articles' own are left empty), as UTF-8
        ``bytes`` from the parser process: bound as they came, never decoded
        here (the folded body in ``indexed`` may be bytes too), or as text. Why batched: one identity query per batch instead of
        one per article, and new rows written a few statements per batch.
        """
        if not arts:
            return []
        with self.db.write() as conn:
            return _upsert_batch(conn, arts, indexed, bodies)

    def update_article(self, article_id: str, **changes: Any) -> None:
        """Change metadata fields (read state, tags, direction override)."""
        changes.pop("body", None)
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise StoreError(f"cannot change {', '.join(sorted(unknown))} of an article")
        with self.db.write() as conn:
            row = conn.execute("SELECT n, published, fetched, source FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"no article with id {article_id}")
            n = row[0]
            indexed = bool({"tags", "title"} & changes.keys())
            if indexed:
                _unindex(conn, n)
            values = dict(changes)
            if "tags" in values:
                values["tags"] = json.dumps(list(values["tags"]), ensure_ascii=False)
            if "read" in values:
                values["read"] = int(bool(values["read"]))
            if {"published", "fetched"} & values.keys():
                values["sort_date"] = changes.get("published", row[1]) or changes.get("fetched", row[2])
            if "source" in values:
                values["source_key"] = str(values["source"]).casefold()
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                conn.execute(f"UPDATE articles SET {sets} WHERE n = ?", [*values.values(), n])
            if "tags" in changes:
                _set_tags(conn, n, list(changes["tags"]), on_note=0)
            if indexed:
                _index(conn, n)

    def delete_article(self, article_id: str) -> None:
        with self.db.write() as conn:
            row = conn.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                return
            _unindex(conn, row[0])
            for table in ("articles", "bodies", "note_text", "entity_done"):
                conn.execute(f"DELETE FROM {table} WHERE n = ?", row)
            for table in ("article_tags", "article_entities"):
                conn.execute(f"DELETE FROM {table} WHERE n = ?", row)

    # -- the annotation mirror -------------------------------------------------

    def mirror_notes(self, article_id: str, annotations: Sequence[Annotation]) -> None:
        """Refresh what the list and search know of one article's annotations."""
        with self.db.write() as conn:
            _mirror(conn, article_id, annotations)

    def mirror_all_notes(self, by_article: dict[str, list[Annotation]]) -> None:
        """Rebuild the whole mirror (annotation files changed outside this Store)."""
        with self.db.write() as conn:
            stale = {r[0] for r in conn.execute(
                "SELECT a.id FROM articles a WHERE a.notes > 0 OR a.n IN (SELECT n FROM note_text)")}
            for article_id in stale | by_article.keys():
                _mirror(conn, article_id, by_article.get(article_id, []))


def _ranked(conn: sqlite3.Connection, expr: str, limit: int | None) -> list[tuple[int, float]]:
    """(rowid, bm25) of the best ``limit`` matches of ``expr``, as :func:`_rank` gives them, for less.

    A word with no clitic form in the index is one phrase listed twice, and
    ``bm25()`` of ``a OR a`` is twice that of ``a`` exactly (X + X = 2X in
    floating point): one phrase, one IDF pass, no OR. Otherwise the rows of
    a rare clitic form, when :func:`tui.search.topk.best` can show they hold
    the list.
    """
    single = topk.doubled(expr)
    if single is not None:
        return _rank(conn, single, limit, scale=2)
    if limit is not None and (best := topk.best(conn, expr, limit, lambda e, n: _rank(conn, e, n))) is not None:
        return best
    return _rank(conn, expr, limit)


def _rank(conn: sqlite3.Connection, expr: str, limit: int | None, scale: int = 1) -> list[tuple[int, float]]:
    """(rowid, bm25 * scale) of the matches of ``expr``, best first (bm25 is lower for better)."""
    score = f"bm25(search, {', '.join(map(str, WEIGHTS))})"
    sql = (f"SELECT rowid, {f'{scale} * ' if scale != 1 else ''}{score} AS rank FROM search "
           "WHERE search MATCH ? ORDER BY rank, rowid")
    params: list[Any] = [expr]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [(int(n), float(rank)) for n, rank in conn.execute(sql, params)]


def _has_vocab(conn: sqlite3.Connection) -> bool:
    """Each connection gets a temp ``fts5vocab`` view of the index's words (cheap to make).

    Of the 'instance' kind: asked whether a word is there, it stops at the
    word's first occurrence, where the 'row' kind counts every row holding
    it (a common clitic form at 1,000,000 articles: 10-30 ms a lookup).
    """
    try:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search, 'instance')")
    except sqlite3.Error:
        return False  # an in-memory library (read-only folder) names its schema differently
    return True


# -- rows <-> Articles -------------------------------------------------------------


def _rows_by_ids(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> Iterator[Any]:
    """Rows of ``sql`` (ending in ``IN``) for each id, once each, 900 ids per query
    (SQLite's limit on bound parameters is 999 in older builds)."""
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), 900):
        chunk = wanted[i:i + 900]
        yield from conn.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk)


def _article(row: Sequence[Any], body: str = "") -> Article:
    (aid, title, url, guid, source, feed_id, language, direction, author,
     published, fetched, hash_, read, tags) = row[:14]
    return Article(id=aid, title=title, body=body, url=url, guid=guid, source=source, feed_id=feed_id,
                   language=language, direction=direction, author=author, published=published,
                   fetched=fetched, hash=hash_, read=bool(read), tags=json.loads(tags) if tags else [])


_Known = tuple[int, str, str, int, str]  # n, id, hash, read, tags of a stored article


class _Identities:
    """Who is already stored, for one batch: guid, URL and hash -> the stored row.

    Looked up with one query per key column for the whole batch (each on its
    index), then kept current as the batch adds and updates rows, so two
    items of one batch that are the same article find each other exactly as
    one-at-a-time upserts did. For each value the lowest row number wins,
    as ``ORDER BY n`` did.
    """

    COLUMNS = ("guid", "url", "hash")

    def __init__(self, conn: sqlite3.Connection, arts: Sequence[Article]) -> None:
        self.by: dict[str, dict[str, _Known]] = {c: {} for c in self.COLUMNS}
        self.keys_of: dict[int, tuple[str, str, str]] = {}
        for column in self.COLUMNS:
            values = list({getattr(a, column) for a in arts if getattr(a, column)})
            if not values:
                continue
            rows = conn.execute(f"SELECT n, id, hash, read, tags, guid, url FROM articles "
                                f"WHERE {column} IN (SELECT value FROM json_each(?)) ORDER BY n",
                                (json.dumps(values, ensure_ascii=False),)).fetchall()
            for row in rows:
                self._learn(row[:5], row[5], row[6], row[2])

    def _learn(self, known: _Known, guid: str, url: str, hash_: str) -> None:
        self.keys_of[known[0]] = (guid, url, hash_)
        for column, value in zip(self.COLUMNS, (guid, url, hash_), strict=True):
            if value:
                self.by[column].setdefault(value, known)

    def find(self, art: Article) -> _Known | None:
        """The stored article ``art`` is: by guid, then URL, then content hash."""
        for column, value in (("guid", art.guid), ("url", art.url), ("hash", art.hash)):
            if value:
                known = self.by[column].get(value)
                if known is not None:
                    return known
        return None

    def stored(self, n: int, art: Article) -> None:
        """Row ``n`` now holds ``art`` (added or rewritten)."""
        old = self.keys_of.get(n)
        if old is not None:
            for column, value in zip(self.COLUMNS, old, strict=True):
                if value and self.by[column].get(value, (None,))[0] == n:
                    del self.by[column][value]
        tags = json.dumps(list(art.tags), ensure_ascii=False) if art.tags else "[]"
        self._learn((n, art.id, art.hash, int(bool(art.read)), tags), art.guid, art.url, art.hash)


def _upsert_batch(conn: sqlite3.Connection, arts: Sequence[Article], indexed: Sequence[Indexed | None] | None,
                  raw: Sequence[Body] | None = None) -> list[tuple[str, Article]]:
    """Insert or update a batch inside one transaction (see :meth:`ArticlesMixin.upsert_batch`)."""
    known = _Identities(conn, arts)
    taken = _taken_ids(conn, arts)
    next_n = int(conn.execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()[0]) + 1
    new_rows: list[tuple[Any, ...]] = []
    bodies: list[tuple[int, Body]] = []
    search: list[tuple[Any, ...]] = []
    results: list[tuple[str, Article]] = []
    for i, art in enumerate(arts):
        old = known.find(art)
        if old is not None:
            n, old_id, old_hash, read, tags = old
            if old_hash == art.hash:
                continue
            art.id, art.read, art.tags = old_id, bool(read), json.loads(tags) if tags else []
            if raw is not None:  # (an update needs the text: its notes are re-anchored on it)
                art.body = _text(raw[i])
            _flush(conn, new_rows, bodies, search)  # rows this one may be (same batch)
            _write_row(conn, art, n)
            known.stored(n, art)
            results.append(("updated", art))
            continue
        if not art.id or art.id in taken:  # (ids made from keys are all in ``taken`` if stored)
            art.id = article_id_for(art.url, art.guid, art.hash)
            while art.id in taken:
                art.id = _fresh_id(conn)
        taken.add(art.id)
        n, next_n = next_n, next_n + 1
        new_rows.append((n, *_row_values(art), 0))
        bodies.append((n, raw[i] if raw is not None else art.body))
        values = indexed[i] if indexed is not None else None
        if values is None:  # (the parser process left this one to the writer: see tui.ingest.pipeline.FoldShare)
            values = index_values(art.title, _text(raw[i]) if raw is not None else art.body, list(art.tags), "", "")
        search.append((n, *values))
        if art.tags:
            _set_tags(conn, n, list(art.tags), on_note=0)
        known.stored(n, art)
        results.append(("added", art))
    _flush(conn, new_rows, bodies, search)
    return results


def _text(body: Body) -> str:
    return body.decode("utf-8") if isinstance(body, bytes) else body


def _fresh_id(conn: sqlite3.Connection) -> str:
    """A random id no stored article has (when the id made from keys is taken)."""
    article_id = new_id()
    while _exists(conn, article_id):
        article_id = new_id()
    return article_id


def _taken_ids(conn: sqlite3.Connection, arts: Sequence[Article]) -> set[str]:
    """Ids the batch's new articles could collide with (given ids and the ones made from keys)."""
    candidates = {a.id for a in arts if a.id} | {article_id_for(a.url, a.guid, a.hash)
                                                  for a in arts if a.guid or a.url or a.hash}
    rows = conn.execute("SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(list(candidates), ensure_ascii=False),))
    return {r[0] for r in rows}


def _flush(conn: sqlite3.Connection, rows: list[tuple[Any, ...]], bodies: list[tuple[int, Body]],
           search: list[tuple[Any, ...]]) -> None:
    """Write the new rows gathered so far (and empty the lists)."""
    if not rows:
        return
    _insert_rows(conn, "INSERT INTO articles(n, id, title, url, guid, source, feed_id, language, direction, author, "
                 "published, fetched, sort_date, source_key, hash, read, tags, notes) VALUES ", rows)
    # (CAST: a body may come as UTF-8 bytes, which SQLite would keep as a BLOB; as TEXT it is those bytes)
    _insert_rows(conn, "INSERT INTO bodies(n, body) VALUES ", bodies, "(?, CAST(? AS TEXT))")
    _insert_rows(conn, "INSERT INTO search(rowid, title, body, notes, tags) VALUES ", search,
                 "(?, ?, CAST(? AS TEXT), ?, ?)")
    rows.clear()
    bodies.clear()
    search.clear()


ROWS_PER_STATEMENT = 200  # rows of one multi-row INSERT (at most 18 x 200 parameters: far under SQLite's 32,766)


def _insert_rows(conn: sqlite3.Connection, head: str, rows: Sequence[tuple[Any, ...]], one: str = "") -> None:
    """``head`` + ``(?, ...), (?, ...)``: up to ``ROWS_PER_STATEMENT`` rows per statement.

    Why not ``executemany``: it steps SQLite once per row, and each step gives
    up the GIL and takes it back; with the import's parser running in a thread
    (:class:`tui.ingest.pipeline.ThreadParser`) each take-back waits for the
    parser. One statement per batch is one wait per batch, at the same cost in
    SQLite (measured: the same CPU for 10,000 articles either way). ``one``
    is one row's placeholders when they are not plain (``(?, ?, ...)``).
    """
    if not rows:
        return
    one = one or "(" + ", ".join("?" * len(rows[0])) + ")"
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        part = rows[start:start + ROWS_PER_STATEMENT]
        conn.execute(head + ", ".join([one] * len(part)), [v for row in part for v in row])


def _row_values(art: Article) -> tuple[Any, ...]:
    """The ``articles`` columns id .. tags of ``art``, in table order."""
    return (art.id, art.title, art.url, art.guid, art.source, art.feed_id, art.language, art.direction,
            art.author, art.published, art.fetched, art.published or art.fetched, art.source.casefold(),
            art.hash, int(bool(art.read)), json.dumps(list(art.tags), ensure_ascii=False) if art.tags else "[]")


def _exists(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def insert_article(conn: sqlite3.Connection, art: Article, notes: int = 0) -> int:
    """Insert an article as it is, id included (migration); returns its row number."""
    return _write_row(conn, art, None, notes)


def _write_row(conn: sqlite3.Connection, art: Article, n: int | None, notes: int = 0) -> int:
    values = _row_values(art)
    if n is None:
        cur = conn.execute(
            "INSERT INTO articles(id, title, url, guid, source, feed_id, language, direction, author, "
            "published, fetched, sort_date, source_key, hash, read, tags, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, notes))
        n = int(cur.lastrowid or 0)
        conn.execute("INSERT INTO bodies(n, body) VALUES (?, ?)", (n, art.body))
        if art.tags:
            _set_tags(conn, n, list(art.tags), on_note=0)
        note_text = ("", "")
    else:
        _unindex(conn, n)
        conn.execute(
            "UPDATE articles SET id = ?, title = ?, url = ?, guid = ?, source = ?, feed_id = ?, language = ?, "
            "direction = ?, author = ?, published = ?, fetched = ?, sort_date = ?, source_key = ?, hash = ?, "
            "read = ?, tags = ? WHERE n = ?", (*values, n))
        conn.execute("INSERT OR REPLACE INTO bodies(n, body) VALUES (?, ?)", (n, art.body))
        row = conn.execute("SELECT notes, tags FROM note_text WHERE n = ?", (n,)).fetchone()
        note_text = (row[0], row[1]) if row else ("", "")
    conn.execute("INSERT INTO search(rowid, title, body, notes, tags) VALUES (?, ?, ?, ?, ?)",
                 (n, *index_values(art.title, art.body, list(art.tags), note_text[0], note_text[1])))
    return n


def _set_tags(conn: sqlite3.Connection, n: int, tags: list[str], on_note: int) -> None:
    conn.execute("DELETE FROM article_tags WHERE n = ? AND on_note = ?", (n, on_note))
    keys = {_tag(t) for t in tags if _tag(t)}
    conn.executemany("INSERT OR IGNORE INTO article_tags(tag, n, on_note) VALUES (?, ?, ?)",
                     [(k, n, on_note) for k in keys])


def _tag(tag: str) -> str:
    """A tag as the list's tag filter compares it: cleaned and folded like search."""
    return normalise(clean_tag(tag))


def _indexed(conn: sqlite3.Connection, n: int) -> tuple[str, str, str, str] | None:
    """What the search index holds for article ``n``, recomputed from the stored fields."""
    row = conn.execute("SELECT a.title, b.body, a.tags, coalesce(t.notes, ''), coalesce(t.tags, '') "
                       "FROM articles a JOIN bodies b ON b.n = a.n LEFT JOIN note_text t ON t.n = a.n "
                       "WHERE a.n = ?", (n,)).fetchone()
    if row is None:
        return None
    title, body, tags, notes, note_tags = row
    return index_values(title, body, json.loads(tags) if tags else [], notes, note_tags)


def _unindex(conn: sqlite3.Connection, n: int) -> None:
    """Take article ``n`` out of the (contentless) index: call before changing what it indexes."""
    values = _indexed(conn, n)
    if values is not None:
        conn.execute("INSERT INTO search(search, rowid, title, body, notes, tags) VALUES ('delete', ?, ?, ?, ?, ?)",
                     (n, *values))


def _index(conn: sqlite3.Connection, n: int) -> None:
    """Put article ``n`` (back) into the index from its stored fields."""
    values = _indexed(conn, n)
    if values is not None:
        conn.execute("INSERT INTO search(rowid, title, body, notes, tags) VALUES (?, ?, ?, ?, ?)", (n, *values))


def _mirror(conn: sqlite3.Connection, article_id: str, annotations: Sequence[Annotation]) -> None:
    row = conn.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return  # an orphan annotation: its article is gone; TinyDB keeps it
    n = row[0]
    _unindex(conn, n)
    notes = "\n\n".join(a.note for a in annotations if a.note)
    tags = list(dict.fromkeys(t for a in annotations for t in a.tags))
    conn.execute("UPDATE articles SET notes = ? WHERE n = ?", (len(annotations), n))
    if notes or tags:
        conn.execute("INSERT OR REPLACE INTO note_text(n, notes, tags) VALUES (?, ?, ?)",
                     (n, notes, " | ".join(tags)))
    else:
        conn.execute("DELETE FROM note_text WHERE n = ?", (n,))
    _set_tags(conn, n, tags, on_note=1)
    _index(conn, n)


# -- the list's WHERE clause ---------------------------------------------------------


def _where(q: ListQuery, search_joined: bool = False, expr: str = "") -> tuple[str, list[Any]]:
    """WHERE clause of the list; ``search_joined``: the FTS table is in the FROM already."""
    clauses: list[str] = []
    params: list[Any] = []

    def one_of(column: str, values: Iterable[str]) -> None:
        clauses.append(f"{column} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(values), ensure_ascii=False))

    if q.search is not None:
        expr = expr or match_expression(q.search)
        if not expr:
            clauses.append("0")
        else:
            clauses.append("search MATCH ?" if search_joined
                           else "a.n IN (SELECT rowid FROM search WHERE search MATCH ?)")
            params.append(expr)
    if q.tags:
        clauses.append("a.n IN (SELECT n FROM article_tags WHERE tag IN (SELECT value FROM json_each(?)))")
        params.append(json.dumps([_tag(t) for t in q.tags], ensure_ascii=False))
    if q.sources:
        one_of("a.source_key", (s.casefold() for s in q.sources))
    if q.languages:
        one_of("a.language", q.languages)
    if q.date_from:
        clauses.append("substr(a.sort_date, 1, 10) >= ?")
        params.append(q.date_from)
    if q.date_to:
        clauses.append(f"substr(a.sort_date, 1, {len(q.date_to)}) <= ?")
        params.append(q.date_to)
    if q.has_notes is not None:
        clauses.append("a.notes > 0" if q.has_notes else "a.notes = 0")
    if q.read is not None:
        clauses.append("a.read = ?")
        params.append(int(q.read))
    if q.entity:
        clauses.append("a.n IN (SELECT n FROM article_entities WHERE entity = ?)")
        params.append(q.entity)
    if q.article_ids is not None:
        one_of("a.id", q.article_ids)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _before(sort: str, me: Sequence[Any]) -> tuple[str, list[Any]]:
    """Rows that come before ``me`` (n, sort_date, source_key, notes) in ``sort`` order."""
    n, date, source, notes = me
    newest = "(a.sort_date > ? OR (a.sort_date = ? AND a.n < ?))"
    if sort == "oldest":
        return "a.sort_date < ? OR (a.sort_date = ? AND a.n > ?)", [date, date, n]
    if sort == "source":
        return f"a.source_key < ? OR (a.source_key = ? AND {newest})", [source, source, date, date, n]
    if sort == "annotated":
        return f"a.notes > ? OR (a.notes = ? AND {newest})", [notes, notes, date, date, n]
    return newest, [date, date, n]


def _ordered(q: ListQuery, columns: str = _COLUMNS, expr: str = "") -> tuple[str, list[Any]]:
    """SELECT of the list in its order (rank order for a search with the default sort).

    A search with nothing else to filter asks the FTS table alone, without a
    join: ranking 60,000 matches of a common word is then twice as fast.
    """
    if q.search is not None and q.sort == "newest":
        weights = ", ".join(map(str, WEIGHTS))
        if columns == "a.n" and replace(q, search=None) == ListQuery():
            expr = expr or match_expression(q.search)
            return (f"SELECT search.rowid FROM search WHERE search MATCH ? "
                    f"ORDER BY bm25(search, {weights}), search.rowid"), [expr or '""']
        where, params = _where(q, search_joined=True, expr=expr)
        return (f"SELECT {columns} FROM search JOIN articles a ON a.n = search.rowid {where} "
                f"ORDER BY bm25(search, {weights}), a.n"), params
    where, params = _where(q, expr=expr)
    return f"SELECT {columns} FROM articles a {where} ORDER BY {SORTS.get(q.sort, SORTS['newest'])}", params
