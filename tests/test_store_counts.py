"""The list's counts at scale (issue #13): a search alone is counted in the search index,
without reading article rows; the figure must be the one the joined count gives."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

from tui.models import Article
from tui.search import parse_query
from tui.store import ListQuery, Store


def _art(i: int, body: str, language: str = "ar") -> Article:
    return Article(id=f"c{i:03d}", title=f"خبر {i}", body=body, language=language,
                   url=f"https://example.org/news-{i}", published=f"2021-03-{1 + i % 28:02d}T00:00:00+00:00")


def _joined_count(store: Store, query: ListQuery) -> int:
    """The same count through the articles table (a filter that passes every article forces it)."""
    return store.count(replace(query, languages=("ar", "fa", "en", "he", "")))


def test_a_search_alone_counts_what_the_list_shows(store: Store) -> None:
    store.add_articles([_art(i, "وصل الوفد إلى طهران صباح اليوم." if i % 3 else "اجتماع في بغداد.")
                        for i in range(30)])
    store.add_articles([_art(40, "Talks in Tehran resumed.", "en")])
    for text, live in (("طهران", False), ("طه", True), ("بغداد", False), ("tehran", False), ("zzqx", False)):
        query = ListQuery(search=parse_query(text, live=live))
        listed = len(store.window(query, 0, 1000))
        assert store.count(query) == listed == _joined_count(store, query), text


def test_the_search_count_follows_a_changed_article(store: Store) -> None:
    """An article re-imported with another text leaves the index: the count does not keep it."""
    store.add_articles([_art(1, "زيارة إلى طهران."), _art(2, "زيارة إلى طهران أيضا.")])
    query = ListQuery(search=parse_query("طهران"))
    assert store.count(query) == 2
    store.add_articles([_art(2, "زيارة إلى دمشق.")])
    assert store.count(query) == 1 == len(store.window(query, 0, 10)) == _joined_count(store, query)


def test_a_search_with_a_filter_is_still_counted_with_it(store: Store) -> None:
    store.add_articles([_art(1, "طهران"), _art(2, "Tehran طهران", "en")])
    query = ListQuery(search=parse_query("طهران"), languages=("en",))
    assert store.count(query) == 1


# -- typing: the query of an earlier key is stopped when the next key comes ----------------

async def test_a_newer_query_stops_the_sql_of_the_one_still_running(config, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first letter's query is held in SQL that never ends on its own (a stand-in for
    ranking 500,000 matches); typing on must stop it, and the list shows the word's matches."""
    import asyncio

    from pilot_helpers import started, workers_done

    from tui.app import make_app

    store = Store(config.library)
    store.add_articles([_art(i, "وصل الوفد إلى طهران." if i % 2 else "اجتماع في بغداد.") for i in range(12)])
    store.close()
    running, stopped = threading.Event(), threading.Event()
    held: list[sqlite3.Connection] = []
    real_match = Store.match

    def match(self: Store, query):  # type: ignore[no-untyped-def]
        if query.raw.strip() == "ط":
            conn = self.db.conn()
            held.append(conn)
            conn.create_function("running", 0, lambda: running.set() or 1)  # said from inside the statement
            try:
                conn.execute("WITH RECURSIVE c(x) AS (SELECT running() UNION ALL SELECT x + 1 FROM c) "
                             "SELECT count(*) FROM c").fetchone()  # until interrupted
            finally:
                stopped.set()
        return real_match(self, query)

    monkeypatch.setattr(Store, "match", match)
    app = make_app(config)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        for _ in range(100):  # the search index is ready a moment after the first paint
            if screen.search.index is not None:
                break
            await pilot.pause(0.05)
        screen.search.typed("ط")
        screen._run_search("ط")
        assert await asyncio.to_thread(running.wait, 10)
        screen.search.typed("طهران")
        screen._run_search("طهران")
        try:
            assert await asyncio.to_thread(stopped.wait, 10), "the first letter's SQL was left running"
        finally:
            held[0].interrupt()  # never leave a thread spinning, whatever happened
        await workers_done(app)
        await pilot.pause()
        assert len(screen.article_list.items) == 6
        assert screen.search.text == "طهران"
