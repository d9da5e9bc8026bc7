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
