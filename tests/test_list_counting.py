"""The list shows its rows first and its count when a worker has it (issue #13).

Counting is the one list read that grows with the library, so it never runs
on the UI thread: at start and on every filter the rows are drawn, the
header says "counting…", and the count follows. Here the store's count is
held at a gate (a real count, released by the test) so the state in between
can be seen; everything else is the real app on a real SQLite library.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pilot_helpers import started, until, workers_done

from tui.app import make_app
from tui.config import Config
from tui.filters import Filter
from tui.models import Article
from tui.store import ListQuery, Store, StoreRows
from tui.store.rows import PAGE
from tui.widgets.article_list import ArticleList

TOTAL = PAGE + 130
TAGGED = PAGE + 40


def _articles() -> list[Article]:
    return [Article(id="", title=f"خبر رقم {i}", body=f"نص الخبر {i}", url=f"https://e.org/{i}",
                    published=f"2026-01-{1 + i // 1440:02d}T{i // 60 % 24:02d}:{i % 60:02d}:00+00:00",
                    tags=["عاجل"] if i < TAGGED else [])
            for i in range(TOTAL)]


class Gate:
    """Holds every ``Store.count`` until released (then they run for real)."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.waiting = threading.Event()

    def release(self) -> None:
        self.open.set()


@pytest.fixture
def gated(config: Config, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Gate]]:
    config.seed_samples = False
    store = Store(config.library)
    store.add_articles(_articles())
    gate = Gate()
    real = Store.count

    def count(self: Store, query=None) -> int:  # type: ignore[no-untyped-def]
        gate.waiting.set()
        assert gate.open.wait(30)
        return real(self, query)

    monkeypatch.setattr(Store, "count", count)
    yield store, gate
    gate.release()


def test_an_uncounted_list_reads_one_page_and_takes_its_count_later(config: Config) -> None:
    config.seed_samples = False
    store = Store(config.library)
    store.add_articles(_articles())
    rows = StoreRows.uncounted(store)
    assert (len(rows), rows.exact) == (PAGE, False)
    assert rows[0].article.title == f"خبر رقم {TOTAL - 1}"  # newest first, as the counted list
    rows.set_count(store.count(rows.query))
    assert (len(rows), rows.exact) == (TOTAL, True)
    assert rows[TOTAL - 1].article.title == "خبر رقم 0"
    small = StoreRows.uncounted(store, ListQuery(tags=("لا يوجد",)))
    assert (len(small), small.exact) == (0, True)  # a short first page is the whole list


async def test_rows_are_drawn_before_the_library_is_counted(gated: tuple[Store, Gate], config: Config) -> None:
    store, gate = gated
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one(ArticleList)
        assert len(listed.items) == PAGE and listed.current is not None
        assert app.screen.list_header_text.startswith(f"{PAGE}+ articles, counting…")
        await pilot.press("j", "j")  # keys work while the count is held
        assert listed.cursor == 2
        gate.release()
        await started(app, pilot)
        assert len(listed.items) == TOTAL
        assert app.screen.list_header_text.startswith(f"{TOTAL:,} articles")
        assert listed.cursor == 2
        await pilot.press("end")
        assert listed.current is not None and listed.current.title == "خبر رقم 0"


async def test_a_filter_shows_its_rows_then_its_count(gated: tuple[Store, Gate], config: Config) -> None:
    store, gate = gated
    gate.release()
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        gate.open.clear()  # hold the next counts
        gate.waiting.clear()
        screen.set_list_filter(Filter(tags=("عاجل",)))
        # the rows come from a worker; wait for them, not for a time (slow under load: up to 20 s)
        await until(pilot, lambda: screen.list_header_text.startswith(f"{PAGE}+ of"), seconds=20)
        listed = screen.query_one(ArticleList)
        assert screen.list_header_text.startswith(f"{PAGE}+ of {TOTAL:,} articles, counting…")
        assert all("عاجل" in row.article.tags for row in listed.items[:PAGE])
        assert gate.waiting.wait(10)
        gate.release()
        await workers_done(app)
        await pilot.pause()
        assert screen.list_header_text.startswith(f"{TAGGED:,} of {TOTAL:,} articles")
        assert len(listed.items) == TAGGED


async def test_end_pressed_before_the_count_lands_goes_to_the_real_end(gated: tuple[Store, Gate],
                                                                       config: Config) -> None:
    store, gate = gated
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one(ArticleList)
        assert not listed.items.exact  # type: ignore[attr-defined]
        await pilot.press("end")
        assert listed.cursor == PAGE - 1  # the end of what is known so far
        gate.release()
        await started(app, pilot)
        assert listed.cursor == TOTAL - 1
        assert listed.current is not None and listed.current.title == "خبر رقم 0"
        assert app.screen.list_header_text.startswith(f"{TOTAL:,} articles")
