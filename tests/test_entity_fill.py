"""The app's background entity fill uses the store's SQLite index: pending rows only, in bounded
batches, articles on screen first, and never a list of the whole library."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.app import make_app
from tui.config import Config
from tui.controllers.entities import EntityController
from tui.entities.cache import EntityCache, fill
from tui.models import Article, Entity
from tui.screens.main import MainScreen
from tui.store import Store
from tui.store.entity_index import EntityIndex
from tui.widgets.article_list import ArticleList

CITIES = ("طهران", "بغداد", "دمشق", "عمّان", "بيروت", "القاهرة")


def _articles(count: int) -> list[Article]:
    """Short Arabic items of our own, each naming a city and a minister."""
    return [Article(id="", title=f"خبر رقم {i} من {CITIES[i % len(CITIES)]}",
                    body=f"قال وزير الخارجية في {CITIES[i % len(CITIES)]} إن المحادثات ستستمر الأسبوع المقبل. "
                         f"وأضاف أن الوفد سيزور {CITIES[(i + 1) % len(CITIES)]} بعد ذلك.",
                    url=f"https://news.example/{i}", language="ar", published=f"2026-01-{1 + i % 28:02d}T10:00:00Z")
            for i in range(count)]


def _whole_library_forbidden(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Iterator[object]:
        raise AssertionError("the background fill read the whole library")
    monkeypatch.setattr(store, "articles", refuse)
    monkeypatch.setattr(store, "iter_bodies", refuse)


def test_fill_reads_pending_rows_only_never_the_whole_library(store: Store,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_articles(_articles(25))
    index = EntityIndex(store, "engine-x")
    _whole_library_forbidden(store, monkeypatch)
    steps = list(fill(index, EntityCache(store), store, batch=4, pause=False))
    assert steps[0] == (0, 25) and steps[-1] == (25, 25)
    assert index.complete and index.pending_count() == 0 and len(index) == 25
    assert index.count_mentioning("loc:" + "tehran") >= 0  # answers from SQL
    # A second pass has nothing to do and reads no body at all.
    again = EntityIndex(store, "engine-x")
    assert list(fill(again, EntityCache(store), store, pause=False)) == [(0, 0), (0, 0)]


def test_batches_are_bounded_and_prioritised_articles_go_first(store: Store) -> None:
    store.add_articles(_articles(30))
    index = EntityIndex(store, "engine-x")
    oldest = index.pending_batch(100)[-1][1]
    assert len(index.pending_batch(7)) == 7
    index.prioritise([oldest])
    steps = fill(index, EntityCache(store), store, batch=5, pause=False)
    assert next(steps) == (0, 30)
    assert next(steps) == (1, 30)  # the asked-for article, alone, before any batch
    index.flush()
    assert oldest not in {row[1] for row in index.pending_batch(100)}
    assert next(steps) == (6, 30)  # then bounded batches, newest rows first
    steps.close()  # stopping early keeps what was read
    assert index.pending_count() == 24


def test_an_empty_store_index_is_the_one_the_app_uses(store: Store) -> None:
    index = EntityIndex(store, "engine-x")
    assert len(index) == 0
    assert EntityController(index=index).index is index


async def test_keys_are_handled_while_the_fill_runs(library: Path, config: Config,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(library)
    store.add_articles(_articles(20))
    _whole_library_forbidden(store, monkeypatch)
    # The fill is held inside its first extraction until the keys were handled:
    # the keys must not wait for it (a GIL-bound or UI-thread fill would block them).
    release = threading.Event()
    import tui.entities as entities_pkg

    engine = entities_pkg.entities

    def held(text: str, language: str | None = None) -> list[Entity]:
        release.wait(10)
        return engine(text, language)
    monkeypatch.setattr(entities_pkg, "entities", held)  # (the app's fill and the cache's read through it)
    monkeypatch.setattr("tui.screens.main.ENTITY_INDEX_DELAY", 0.05)
    app = make_app(config, store)
    async with app.run_test(size=(120, 40)) as pilot:
        running = []
        for _ in range(400):
            await pilot.pause(0.02)
            running = [w for w in app.workers if w.group == "entity-index" and not w.is_finished]
            if running:
                break
        assert running, "the entity fill did not start"
        screen = app.screen
        assert isinstance(screen, MainScreen) and isinstance(screen.entities.index, EntityIndex)
        listing = screen.query_one(ArticleList)
        listing.focus()
        await pilot.press("j", "j")
        assert listing.cursor == 2
        assert not running[0].is_finished, "the key press waited for the fill"
        release.set()
    store.close()
