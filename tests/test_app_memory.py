"""What the app keeps in memory at scale (issue #13): connections, the gazetteer, the entity index.

Memory itself is measured in benchmarks/scale; these tests pin the behaviour
that keeps it flat, on real stores in temporary folders.
"""

from __future__ import annotations

import threading

from tui.entities import gazetteer
from tui.store import Store


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
