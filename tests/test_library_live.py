"""The app and another process on one library: articles written elsewhere show up on their own."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pilot_helpers import started

import tui.screens.main as main_screen
from tui.app import make_app
from tui.config import Config
from tui.models import Article
from tui.store import Store
from tui.widgets.article_list import ArticleList

IMPORTER = """
import sys
from tui.store import Store
from tui.models import Article
Store(sys.argv[1]).add_articles(
    Article(id="", title=f"from cron {i}", body=f"نص {i}", url=f"https://e.org/cron/{i}") for i in range(40))
"""


async def test_articles_imported_by_another_process_appear(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "LIBRARY_POLL", 0.1)
    config.seed_samples = False
    store = Store(config.library)
    store.add_articles([Article(id="", title=f"here {i}", body=f"body {i}", url=f"https://e.org/{i}")
                        for i in range(3)])
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        listed = app.screen.query_one(ArticleList)
        assert len(listed.items) == 3
        proc = subprocess.run([sys.executable, "-c", IMPORTER, str(config.library)], timeout=120)
        assert proc.returncode == 0
        for _ in range(200):  # polls every 0.1 s here; waits for the condition, not a time
            await pilot.pause(0.05)
            if len(listed.items) == 43:
                break
        assert len(listed.items) == 43
        assert "43 articles" in app.screen.list_header_text


async def test_list_reads_only_the_pages_it_draws(config: Config) -> None:
    from tui.store import StoreRows
    from tui.store.rows import PAGE

    config.seed_samples = False
    store = Store(config.library)
    store.add_articles([Article(id="", title=f"خبر رقم {i}", body=f"نص {i}", url=f"https://e.org/{i}",
                                published=f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}+00:00")
                        for i in range(PAGE * 5)])
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        listed = screen.query_one(ArticleList)
        rows = listed.items
        assert isinstance(rows, StoreRows) and len(rows) == PAGE * 5
        assert list(rows._pages) == [0]  # noqa: SLF001 - first paint read one page
        assert "1,000 articles" in screen.list_header_text
        await pilot.press("G")
        await pilot.pause()
        assert listed.cursor == PAGE * 5 - 1
        assert sorted(rows._pages) == [0, 4]  # noqa: SLF001 - the end is one more page, not the rows between
        last = rows[PAGE * 5 - 1].article
        assert not last.read
        await pilot.press("m")  # read state of a row far down the list
        await pilot.pause()
        assert Store(config.library).get_article(last.id).read
        assert listed.items[PAGE * 5 - 1].article.read
