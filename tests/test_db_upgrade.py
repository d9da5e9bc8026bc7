"""A library.sqlite written by an older Marsad is upgraded once, visibly (issue #13).

The older database is made here, at test time, from a current one: the list's
indexes of db_version 2 are put back in place of today's, and the version is
set to 2, which is exactly what opening such a library must repair (new
indexes built over every row, the search index rebuilt). The CLI says so on
stderr; the app paints a progress screen at once and upgrades in a worker,
then shows the main screen with every article and every note still attached.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from pilot_helpers import started

import tui.store.sql as sql
from tui.app import make_app
from tui.cli import main
from tui.config import Config
from tui.models import Annotation, Article
from tui.screens.main import MainScreen
from tui.screens.upgrade import UpgradeScreen
from tui.store import Store
from tui.store.library import library_needs_upgrade
from tui.store.sql import DB_NAME, DB_VERSION
from tui.widgets.article_list import ArticleList

ARTICLES = 120
OLD_INDEXES = {"articles_date": "sort_date DESC", "articles_source": "source_key, sort_date DESC"}


def older_library(folder: Path) -> str:
    """A library at db_version 2 (the article id carrying a note is returned)."""
    store = Store(folder)
    store.add_articles([Article(id="", title=f"مفاوضات طهران رقم {i}", body=f"وصل الوفد إلى طهران اليوم {i}.",
                                url=f"https://e.org/{i}", published=f"2026-02-01T{i // 60:02d}:{i % 60:02d}:00+00:00")
                        for i in range(ARTICLES)])
    first = store.window(None, 0, 1)[0].article
    store.save_annotation(Annotation(id="", article_id=first.id, note="ملاحظة المحلل تبقى"))
    store.close()
    conn = sqlite3.connect(folder / DB_NAME)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'articles_by_%'").fetchall():
        conn.execute(f"DROP INDEX {name}")
    for name, columns in OLD_INDEXES.items():
        conn.execute(f"CREATE INDEX {name} ON articles({columns})")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'db_version'")
    conn.commit()
    conn.close()
    return first.id


def db_state(folder: Path) -> tuple[str, set[str]]:
    conn = sqlite3.connect(folder / DB_NAME)
    version = conn.execute("SELECT value FROM meta WHERE key = 'db_version'").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    return version, names


def test_the_cli_says_it_upgrades_and_then_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    older_library(lib)
    assert library_needs_upgrade(lib)
    code = main(["--library", str(lib), "search", "طهران", "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "upgrading the library (once): building the list's indexes" in err
    assert "upgrading the library (once): rebuilding the search index" in err
    assert f"rebuilding the search index: done ({ARTICLES:,})" in err
    assert len(json.loads(out)) > 0  # the rebuilt search index finds the articles
    version, names = db_state(lib)
    assert version == str(DB_VERSION) and "articles_by_date" in names and not set(OLD_INDEXES) & names
    assert not library_needs_upgrade(lib)
    main(["--library", str(lib), "search", "طهران", "--json"])
    assert "upgrading" not in capsys.readouterr().err  # once


async def test_the_app_paints_a_progress_screen_then_the_library(config: Config,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    noted = older_library(config.library)
    hold, reached = threading.Event(), threading.Event()
    real = sql._rebuild_search

    def held(conn: sqlite3.Connection, report: sql.UpgradeProgress | None = None) -> None:
        reached.set()
        assert hold.wait(30)
        real(conn, report)

    monkeypatch.setattr(sql, "_rebuild_search", held)
    app = make_app(config)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UpgradeScreen)  # painted before the library is opened
        for _ in range(6000):  # up to a minute on a loaded machine; the indexes are built in the worker; wait for the search step to start
            await pilot.pause(0.01)
            if reached.is_set():
                break
        assert reached.is_set() and isinstance(app.screen, UpgradeScreen)
        assert app.screen.steps == ["building the list's indexes"]
        await pilot.press("j")  # the app answers keys meanwhile
        hold.set()
        for _ in range(6000):
            await pilot.pause(0.01)
            if isinstance(app.screen, MainScreen):
                break
        screen = await started(app, pilot)
        assert len(screen.query_one(ArticleList).items) == ARTICLES
        assert [a.note for a in app.store.annotations_for(noted)] == ["ملاحظة المحلل تبقى"]
    assert db_state(config.library)[0] == str(DB_VERSION)


async def test_a_current_library_opens_without_the_progress_screen(config: Config) -> None:
    config.seed_samples = False
    Store(config.library).close()
    app = make_app(config)
    async with app.run_test(size=(110, 30)) as pilot:
        await started(app, pilot)
        assert isinstance(app.screen, MainScreen)
