"""What the app keeps in memory at scale (issue #13): connections, the gazetteer, the entity index.

Memory itself is measured in benchmarks/scale; these tests pin the behaviour
that keeps it flat, on real stores in temporary folders.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from pilot_helpers import workers_done

from tui.app import make_app
from tui.config import Config
from tui.entities import entities, gazetteer, get_engine
from tui.entities.cache import engine_stamp
from tui.errors import StoreError
from tui.models import Article, Entity
from tui.screens.main import MainScreen
from tui.store import Store, sql
from tui.store.entity_index import EntityIndex
from tui.widgets.entity_sidebar import EntitySidebar


def _in_thread(fn) -> None:  # type: ignore[no-untyped-def]
    t = threading.Thread(target=fn)
    t.start()
    t.join()


def test_connections_of_finished_threads_are_closed(tmp_path) -> None:
    """Every worker thread opens its own connection; once the thread has ended
    that connection is closed (it was kept, page cache and all, until the app quit)."""
    store = Store(tmp_path / "lib")
    try:
        store.article_count()
        for _ in range(6):
            _in_thread(store.article_count)
        # the main thread's, and the last worker's (closed when the next one opens)
        assert store.db.connection_count() <= 2
        holder_ready, release = threading.Event(), threading.Event()

        def hold() -> None:
            store.article_count()
            holder_ready.set()
            release.wait(10)

        alive = threading.Thread(target=hold)
        alive.start()
        holder_ready.wait(10)
        _in_thread(store.article_count)
        assert store.db.connection_count() >= 2  # a live thread keeps its connection
        release.set()
        alive.join()
        assert store.article_count() == 0  # the main thread's connection still works
    finally:
        store.close()


def test_cache_size_applies_to_new_and_current_connections(tmp_path) -> None:
    store = Store(tmp_path / "lib")
    try:
        store.db.set_cache_kb(1024)
        assert store.db.conn().execute("PRAGMA cache_size").fetchone()[0] == -1024
        seen: list[int] = []
        _in_thread(lambda: seen.append(store.db.conn().execute("PRAGMA cache_size").fetchone()[0]))
        assert seen == [-1024]
    finally:
        store.close()


def test_the_gazetteer_is_built_once_when_threads_ask_together() -> None:
    """The index fill and an article read in a worker asked at the same moment
    and each built (and kept) its own copy of the tables."""
    gazetteer._load_default.cache_clear()
    start = threading.Barrier(4)
    got: list[object] = []

    def ask() -> None:
        start.wait(10)
        got.append(gazetteer.default_gazetteer())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(g is got[0] for g in got)
    assert gazetteer.gazetteer_loaded()


# -- the library's entity index keeps whole entities: the sidebar needs no engine for them --

TEHRAN = "loc:city:Tehran"
PARA = "وقال وزير الخارجية الإيراني في طهران إن المحادثات مع واشنطن مستمرة في مسقط هذا الأسبوع."


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i:03d}", title=f"محادثات {i}", body=f"{PARA}\n\nالجولة رقم {i}.", language="ar",
                    url=f"https://example.org/talks-{i}", published=f"2020-01-{1 + i % 28:02d}T00:00:00+00:00")
            for i in range(n)]


def _extract(body: str, language: str) -> list[Entity]:
    return entities(body, language or None)


def test_the_fill_writes_each_batch_before_reading_the_next(store: Store) -> None:
    """Bounded at any size: another connection sees every batch written as the fill yields it."""
    store.add_articles(_articles(12))
    index = EntityIndex(store, engine_stamp())
    other = Store(store.folder)
    try:
        steps = index.fill(_extract, batch=5, pause=False)
        assert next(steps) == (0, 12)
        seen = []
        for done, _total in steps:
            seen.append((done, EntityIndex(other, engine_stamp()).pending_count()))
        assert seen[:3] == [(5, 7), (10, 2), (12, 0)]
        assert index.complete
    finally:
        other.close()


def test_indexed_entities_are_read_back_for_their_text_and_engine_only(store: Store) -> None:
    store.add_articles(_articles(1))
    art = store.get_article("a000")
    assert art is not None
    index = EntityIndex(store, engine_stamp())
    for _ in index.fill(_extract, pause=False):
        pass
    again = EntityIndex(store, engine_stamp())  # a new session: from library.sqlite, not memory
    kept = again.entities_of(art.id, art.hash)
    fresh = _extract(art.body, "ar")
    assert kept == fresh and TEHRAN in {e.id for e in kept}
    assert again.entities_of(art.id, "another-text") is None
    assert EntityIndex(store, "another-engine").entities_of(art.id, art.hash) is None


async def test_the_sidebar_shows_an_indexed_article_without_loading_the_engine(config: Config) -> None:
    store = Store(config.library)
    store.add_articles(_articles(3))
    for _ in EntityIndex(store, engine_stamp()).fill(_extract, pause=False):
        pass
    store.close()
    gazetteer._load_default.cache_clear()  # as in a fresh process: the tables not loaded
    get_engine.cache_clear()
    app = make_app(config)
    async with app.run_test(size=(140, 40)) as pilot:
        await workers_done(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_article("a001")
        await workers_done(app)
        await pilot.pause()
        shown = {e.id for e in screen.query_one(EntitySidebar).entities}
        assert TEHRAN in shown
        assert not gazetteer.gazetteer_loaded(), "the engine was loaded for an indexed article"


def test_the_index_asks_for_the_engine_stamp_when_first_used(store: Store) -> None:
    """Hashing the engine's code and tables (~10 ms) is not paid before the app's first paint."""
    asked: list[int] = []

    def stamp() -> str:
        asked.append(1)
        return engine_stamp()

    index = EntityIndex(store, stamp)
    assert asked == []
    store.add_articles(_articles(2))
    assert index.pending_count() == 2
    assert index.pending_count() == 2 and asked == [1]


# -- a database that is busy or newer is not damaged: it is never moved aside --

def _set_meta(path, key: str, value: str) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.commit()
    conn.close()


def test_a_database_another_process_is_writing_is_not_set_aside(library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Opening a library whose upgrade another process is running (it holds the write lock
    for minutes at 1,000,000 articles) reports it busy; it moved the database aside as damaged."""
    store = Store(library)
    store.add_articles(_articles(2))
    store.close()
    path = library / "library.sqlite"
    _set_meta(path, "fold_version", "old")  # so that opening it has to write (an upgrade)
    monkeypatch.setattr(sql, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the other process's write transaction
    try:
        with pytest.raises(StoreError, match="busy"):
            Store(library)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(library.glob("library.corrupt-*")), "a busy database was moved aside"
    assert Store(library).article_count() == 2


def test_a_database_from_a_newer_release_is_not_set_aside(library) -> None:  # type: ignore[no-untyped-def]
    store = Store(library)
    store.add_articles(_articles(1))
    store.close()
    _set_meta(library / "library.sqlite", "db_version", str(sql.DB_VERSION + 1))
    with pytest.raises(StoreError, match="newer Marsad"):
        Store(library)
    assert not list(library.glob("library.corrupt-*")), "a newer database was moved aside"
