"""``library.sqlite``: the articles' database (metadata, bodies, search, entities).

Why SQLite: a feed reader that holds up at 100,000+ articles keeps them in
SQL (newsboat, newsraft, Liferea, Miniflux, FreshRSS all do). Opening the
library then reads nothing but the rows the screen shows, and a search or a
filter is an index lookup instead of a pass over every body.

Concurrency: WAL mode, so readers never wait for the writer and the app can
stay open while ``marsad import`` or a cron ``marsad fetch`` writes. One
connection per thread (``sqlite3`` connections are not to be shared); writes
take ``BEGIN IMMEDIATE`` under a process-wide lock, and SQLite's own lock
(with a generous busy timeout) serialises writers of different processes.
Every write transaction bumps ``changes.counter``, which other processes
read as the library's change stamp.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.errors import StoreError
from tui.search.fts import COLUMNS, FOLD_VERSION, TOKENIZER

DB_NAME = "library.sqlite"
DB_VERSION = 5  # 2: article_entities.surfaces; 3: indexes in the list's exact orders; 4: contentless FTS; 5: ascii tokenizer on spaced text
BUSY_TIMEOUT_MS = 30_000
CACHE_KB = 16_000  # SQLite page cache per connection (KiB); see Database.set_cache_kb
UPGRADE_STEP = 500  # articles between progress reports while the search index is rebuilt

UpgradeProgress = Callable[[str, int, int], None]
"""(what is being done, done, total): called while an older database is upgraded, which
can take seconds at 100,000 articles and minutes at 1,000,000 (the CLI prints a line
and a bar, the app shows a progress screen)."""

ENTITY_ROWS_TABLE = "CREATE TABLE IF NOT EXISTS entity_rows(n INTEGER PRIMARY KEY, rows TEXT NOT NULL)"
"""The engine's entities of an indexed article, as the sidebar shows them (names, types, spans):
valid while ``entity_done`` says the article's text and the engine are the ones indexed. Libraries
of this ``DB_VERSION`` made before it existed get it on their first entity-index write."""

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes(id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL);
INSERT OR IGNORE INTO changes(id, counter) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS articles(
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    guid TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    feed_id TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    direction TEXT,
    author TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    fetched TEXT NOT NULL DEFAULT '',
    sort_date TEXT NOT NULL DEFAULT '',
    source_key TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL DEFAULT '',
    read INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    notes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_by_date ON articles(sort_date DESC, n);
CREATE INDEX IF NOT EXISTS articles_by_source ON articles(source_key, sort_date DESC, n);
CREATE INDEX IF NOT EXISTS articles_by_notes ON articles(notes DESC, sort_date DESC, n);
CREATE INDEX IF NOT EXISTS articles_by_language ON articles(language, sort_date DESC, n);
CREATE INDEX IF NOT EXISTS articles_by_read ON articles(read, sort_date DESC, n);
CREATE INDEX IF NOT EXISTS articles_feed ON articles(feed_id);
CREATE INDEX IF NOT EXISTS articles_guid ON articles(guid);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
CREATE TABLE IF NOT EXISTS bodies(n INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article_tags(
    tag TEXT NOT NULL, n INTEGER NOT NULL, on_note INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(tag, n, on_note)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_tags_n ON article_tags(n);
CREATE TABLE IF NOT EXISTS note_text(n INTEGER PRIMARY KEY, notes TEXT NOT NULL, tags TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article_entities(
    entity TEXT NOT NULL, n INTEGER NOT NULL, surfaces TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY(entity, n)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_n ON article_entities(n);
CREATE TABLE IF NOT EXISTS entity_done(n INTEGER PRIMARY KEY, hash TEXT NOT NULL, stamp TEXT NOT NULL);
{ENTITY_ROWS_TABLE};
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5({", ".join(COLUMNS)}, tokenize='{TOKENIZER}', content='');
"""


BUMPS_KEPT = 4096  # how many of this process's own counter bumps are remembered


class NewerDatabase(StoreError):
    """The database was written by a newer Marsad: left as it is (never set aside as damaged)."""


class Database:
    """Connections to one ``library.sqlite``: one per thread, writes serialised."""

    def __init__(self, path: Path | None, readonly: bool = False, uri: str | None = None,
                 upgrade_progress: UpgradeProgress | None = None) -> None:
        self.path = path
        self.upgrade_progress = upgrade_progress
        self.readonly = readonly
        self._uri = uri
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._all: list[tuple[threading.Thread, sqlite3.Connection]] = []  # (owner, connection)
        self.cache_kb = CACHE_KB
        self._all_lock = threading.Lock()
        self._keep: sqlite3.Connection | None = None
        self._bumps: dict[int, int] = {}  # recent counter values -> the thread that committed them
        self._bumps_lock = threading.Lock()  # (its own: a write never waits on the connection list)
        conn = self.conn()
        if uri is not None:
            self._keep = conn  # an in-memory database lives as long as one connection does
        if not readonly or uri is not None:
            self._create(conn)

    # -- connections -------------------------------------------------------

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use).

        Opening one also closes the connections of threads that have ended
        (a thread started for one job, a worker pool that shrank): they were
        kept, each with its page cache (up to ``cache_kb``), until the library
        closed. Textual's thread workers run in a reused pool, so in the app
        this bounds the connections by the pool's size.
        """
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._all_lock:
                self._close_orphans()
                self._all.append((threading.current_thread(), conn))
        return conn

    def _close_orphans(self) -> None:
        """Close the connections whose thread has ended (never the one an in-memory database lives in)."""
        live: list[tuple[threading.Thread, sqlite3.Connection]] = []
        for owner, conn in self._all:
            if owner.is_alive() or conn is self._keep:
                live.append((owner, conn))
            else:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
        self._all = live

    def connection_count(self) -> int:
        """Connections open now (one per live thread that read or wrote)."""
        with self._all_lock:
            return len(self._all)

    def set_cache_kb(self, kb: int) -> None:
        """Page cache per connection from now on (and for this thread's open one).

        The CLI's import keeps the larger default for its writes; the app,
        which only reads in most threads, asks for less (RSS at 100,000
        articles: every reading thread's cache filled up to the limit).
        """
        self.cache_kb = kb
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.execute(f"PRAGMA cache_size = -{int(kb)}")

    def _open(self) -> sqlite3.Connection:
        try:
            if self._uri is not None:
                conn = sqlite3.connect(self._uri, uri=True, isolation_level=None, check_same_thread=False)
            elif self.readonly:
                conn = _open_readonly(self.path)
            else:
                conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self._uri is None and not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{int(self.cache_kb)}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the article database {self.path}: {exc}") from exc
        return conn

    def _create(self, conn: sqlite3.Connection) -> None:
        """Create or check the schema; no write at all when it is current (opening
        the library must not look like a change to other processes)."""
        try:
            current = (self.meta(conn, "db_version") == str(DB_VERSION)
                       and self.meta(conn, "fold_version") == FOLD_VERSION)
        except sqlite3.OperationalError:
            current = False  # no meta table yet: a new database
        if current:
            return
        report = self.upgrade_progress or _no_progress
        with self.write() as c:
            version = self.meta(c, "db_version") if _has_table(c, "meta") else None
            missing = _missing_indexes(c) if version else []
            done = 0
            for statement in _statements(SCHEMA):
                name = _index_name(statement)
                if name in missing:  # CREATE INDEX over every row of an older library: seconds to minutes
                    report("building the list's indexes", done, len(missing))
                c.execute(statement)
                if name in missing:
                    done += 1
                    report("building the list's indexes", done, len(missing))
            if version and int(version) > DB_VERSION:
                raise NewerDatabase("library.sqlite was written by a newer Marsad; upgrade Marsad to open it")
            if version == "1":
                c.execute("ALTER TABLE article_entities ADD COLUMN surfaces TEXT NOT NULL DEFAULT '[]'")
            if version in ("1", "2"):
                for old in ("articles_date", "articles_source", "articles_language", "articles_read", "articles_notes"):
                    c.execute(f"DROP INDEX IF EXISTS {old}")
            rebuilt = False
            # 1-3: the search table kept a folded copy of every text; 4: it split words with unicode61
            # (the same words as now, at twice the cost): rebuilt, with progress
            if version in ("1", "2", "3", "4"):
                c.execute("DROP TABLE IF EXISTS search")
                c.execute(next(st for st in _statements(SCHEMA) if "VIRTUAL TABLE IF NOT EXISTS search" in st))
                _rebuild_search(c, report)
                rebuilt = True
            self.set_meta(c, "db_version", str(DB_VERSION))
            if self.meta(c, "fold_version") not in (None, FOLD_VERSION) and not rebuilt:
                _rebuild_search(c, report)
            self.set_meta(c, "fold_version", FOLD_VERSION)

    # -- transactions --------------------------------------------------------

    @contextlib.contextmanager
    def write(self, bump: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction; the change counter is bumped inside it (unless
        ``bump`` is False: derived data such as the entity index, which changes
        nothing the list shows)."""
        if self.readonly and self._uri is None:
            raise StoreError(f"the library {self.path.parent if self.path else ''} is read-only")
        conn = self.conn()
        with self._write_lock:
            if conn.in_transaction:  # nested: join the outer transaction
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"the article database is busy or unwritable: {exc}") from exc
            try:
                yield conn
                value = self._bump(conn) if bump else None
                conn.execute("COMMIT")
                if value is not None:
                    self._remember_bump(value)
            except sqlite3.OperationalError as exc:
                _rollback(conn)  # SQLite may have rolled back already (a full disk)
                raise StoreError(sqlite_write_message(exc, self.path)) from None
            except BaseException:
                _rollback(conn)
                raise

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Several reads that must see one snapshot."""
        conn = self.conn()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def data_version(self) -> int:
        """Changes when another connection (another process, or another thread
        of this one) commits; this thread's own writes leave it alone."""
        return int(self.conn().execute("PRAGMA data_version").fetchone()[0])

    def counter(self) -> int:
        row = self.conn().execute("SELECT counter FROM changes WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> int | None:
        row = conn.execute("UPDATE changes SET counter = counter + 1 WHERE id = 1 RETURNING counter").fetchone()
        return int(row[0]) if row else None

    def _remember_bump(self, value: int) -> None:
        """Counter values only grow, so the dict's oldest key is its first: trimming is O(1)."""
        with self._bumps_lock:
            self._bumps[value] = threading.get_ident()
            if len(self._bumps) > BUMPS_KEPT:
                del self._bumps[next(iter(self._bumps))]

    def changed_by_others(self, since: int) -> tuple[bool, int]:
        """Whether a commit after counter ``since`` came from another thread or process, and the counter now.

        Why: SQLite's data version also moves when a background thread stores derived data
        (the entity index) while this thread marks an article read; the counter alone cannot
        tell whose bump it was, this record can.
        """
        now, mine = self.counter(), threading.get_ident()
        with self._bumps_lock:
            others = any(self._bumps.get(v) != mine for v in range(since + 1, now + 1))
        return others, now

    @staticmethod
    def meta(conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        with self._all_lock:
            conns, self._all = self._all, []
        for _owner, conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()
        self._keep = None


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def _rebuild_search(conn: sqlite3.Connection, report: UpgradeProgress | None = None) -> None:
    """Re-fold every article into the search table (after the folding rules changed).

    Streamed (a few hundred bodies in memory at a time, not the library), with
    progress every ``UPGRADE_STEP`` articles.
    """
    import json

    from tui.search.fts import index_values

    report = report or _no_progress
    what = "rebuilding the search index"
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    report(what, 0, total)
    conn.execute("INSERT INTO search(search) VALUES ('delete-all')")
    rows = conn.execute(
        "SELECT a.n, a.title, b.body, a.tags, coalesce(t.notes, ''), coalesce(t.tags, '') FROM articles a "
        "JOIN bodies b ON b.n = a.n LEFT JOIN note_text t ON t.n = a.n")
    done = 0
    while batch := rows.fetchmany(UPGRADE_STEP):
        conn.executemany("INSERT INTO search(rowid, title, body, notes, tags) VALUES (?, ?, ?, ?, ?)",
                         [(n, *index_values(title, body, json.loads(tags), notes, note_tags))
                          for n, title, body, tags, notes, note_tags in batch])
        done += len(batch)
        if done < total:
            report(what, done, total)
    report(what, total, total)


def _no_progress(what: str, done: int, total: int) -> None:
    """No one to tell (a read-only or in-memory database)."""


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _index_name(statement: str) -> str | None:
    words = statement.split()
    if words[:5] == ["CREATE", "INDEX", "IF", "NOT", "EXISTS"]:
        return words[5]
    return None


def _missing_indexes(conn: sqlite3.Connection) -> list[str]:
    """Indexes of the current schema an older database does not have yet."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    wanted = [name for st in _statements(SCHEMA) if (name := _index_name(st)) is not None]
    return [name for name in wanted if name not in have]


def needs_upgrade(path: Path) -> bool:
    """True when opening this database would upgrade it first (an older Marsad wrote it).

    Read-only and cheap (two rows of ``meta``), so the app can decide to show
    its progress screen before it opens the library; any doubt answers False
    and the ordinary open reports what is wrong.
    """
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('db_version', 'fold_version')"))
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return meta.get("db_version") != str(DB_VERSION) or meta.get("fold_version") != FOLD_VERSION


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def sqlite_write_message(exc: sqlite3.Error, path: Path | None) -> str:
    """One line for the user when the article database cannot be written."""
    text = str(exc)
    where = path or "the article database"
    if "full" in text:
        return (f"the disk is full: could not save {where}; free some space and try again "
                "(nothing already saved was changed)")
    if "readonly" in text or "read-only" in text:
        return f"the library is read-only: could not save {where}"
    return f"could not save {where}: {text}"


def _open_readonly(path: Path | None) -> sqlite3.Connection:
    """A read-only connection, also on a read-only medium.

    A WAL database needs its ``-shm`` file; on a medium nobody can write
    (a CD, a read-only mount, a snapshot) SQLite cannot create it, so the
    file is then opened as immutable: nothing can change it anyway.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    return conn
