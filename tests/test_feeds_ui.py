"""Refreshing feeds in the app: Pilot against a real library and a real local HTTP server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fixtures_http import HTTPFixture, http_server  # noqa: F401 (pytest fixture)
from pilot_helpers import workers_done

from tui.app import make_app
from tui.config import Config
from tui.controllers.feeds import progress_line, summary
from tui.ingest.fetch import FetchReport, RetryPolicy
from tui.ingest.opml import feed_id_for
from tui.models import Feed
from tui.screens.dialogs import ConfirmDialog
from tui.screens.feeds_screen import AddFeedDialog, FeedsScreen, status_label, when
from tui.screens.main import MainScreen
from tui.store import Store
from tui.widgets.article_list import ArticleList
from tui.widgets.fetch_status import FetchStatus

FAST_RETRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


def make_config(tmp_path: Path, **kw: object) -> Config:
    cfg = Config(library=tmp_path / "lib", theme="marsad-dark", seed_samples=False,
                 fetch_timeout=2.0, concurrency=4)
    for k, v in kw.items():
        setattr(cfg, k, v)
    return cfg


def subscribe(cfg: Config, *urls: str) -> None:
    store = Store(cfg.library)
    store.save_feeds([Feed(id=feed_id_for(u), url=u) for u in urls])
    store.close()


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the fetch, and the list re-read it starts, are both done."""
    for _ in range(3):
        await pilot.pause()
        await workers_done(app)
    await pilot.pause()


async def start(app, pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, MainScreen)
    screen.feeds.retry = FAST_RETRY
    return screen


def titles(screen: MainScreen) -> set[str]:
    return {item.article.title for item in screen.query_one(ArticleList).items}


async def test_refresh_shows_progress_and_new_articles(tmp_path: Path, http_server: HTTPFixture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = make_config(tmp_path)
    subscribe(cfg, http_server.url("/etag.xml"), http_server.url("/feeds/atom_he.xml"),
              http_server.url("/feeds/nope.xml"))
    shown: list[str] = []
    original = FetchStatus.show
    monkeypatch.setattr(FetchStatus, "show", lambda self, d, t, text: (shown.append(text), original(self, d, t, text)))
    app = make_app(cfg)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await start(app, pilot)
        assert screen.query_one(ArticleList).items == []
        await pilot.press("r")
        status = screen.query_one(FetchStatus)
        assert status.display and shown[0] == "Fetching 0/3 feeds · 0 new"
        await settle(app, pilot)
        assert len(screen.query_one(ArticleList).items) == 5  # 3 Arabic + 2 Hebrew
        assert "מבזקי המצפה" in {i.article.source for i in screen.query_one(ArticleList).items}
        assert any(s.startswith("Fetching 3/3") for s in shown)
        assert status.display and status.text == "Fetched 3 feeds · 5 new · 1 error"
        note = list(app._notifications)[-1]
        assert "5 new articles" in note.message and "1 failed" in note.message
        assert note.severity == "warning"

        # Again: the ETag feed answers 304, the other is unchanged; nothing is added.
        hits = http_server.state.hits["/etag.xml"]
        await pilot.press("r")
        await settle(app, pilot)
        assert http_server.state.hits["/etag.xml"] == hits + 1
        by_url = {f.url: f for f in app.store.feeds()}
        assert by_url[http_server.url("/etag.xml")].last_status == "not-modified"
        assert len(screen.query_one(ArticleList).items) == 5
        assert "No new articles" in list(app._notifications)[-1].message


async def test_feeds_screen_shows_errors_and_refreshes_one(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    subscribe(cfg, http_server.url("/feeds/malformed.xml"), http_server.url("/feeds/rss1_en.rdf"))
    app = make_app(cfg)
    async with app.run_test(size=(140, 36)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert len(screen.query_one(ArticleList).items) == 2  # the broken feed did not stop the other
        await pilot.press("F")
        await pilot.pause()
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        by_url = {f.url.rsplit("/", 1)[-1]: f for f in feeds.feeds}
        assert "malformed" in by_url["malformed.xml"].last_error
        assert not by_url["rss1_en.rdf"].last_error
        # The error is in the table and, in full, in the detail line of the selected row.
        row = [f.id for f in feeds.feeds].index(by_url["malformed.xml"].id)
        table = feeds.query_one("#feeds-table")
        table.move_cursor(row=row)
        await pilot.pause()
        assert "malformed" in str(table.get_row_at(row)[-1])
        assert "malformed" in str(feeds.query_one("#feeds-detail").content)
        # enter refreshes only the selected feed (forced), while the screen stays up.
        before = http_server.state.hits["/feeds/rss1_en.rdf"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert http_server.state.hits["/feeds/malformed.xml"] == 2
        assert http_server.state.hits["/feeds/rss1_en.rdf"] == before
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_add_and_remove_a_feed_from_the_feeds_screen(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    app = make_app(cfg)
    async with app.run_test(size=(140, 36)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("F", "a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedDialog)
        await pilot.press(*"not a url", "enter")
        assert isinstance(app.screen, AddFeedDialog)  # refused in place, with the reason
        assert "not a feed URL" in str(app.screen.query_one("#add-error").content)
        app.screen.query_one("#add-url").value = http_server.url("/feeds/atom_he.xml")
        app.screen.query_one("#add-tags").value = "israel, local"
        await pilot.press("enter")
        await settle(app, pilot)
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen) and len(feeds.feeds) == 1
        assert feeds.feeds[0].tags == ["israel", "local"] and feeds.feeds[0].name == "מבזקי המצפה"
        assert len(screen.query_one(ArticleList).items) == 2  # fetched as soon as it was added
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert app.store.feeds() == [] and feeds.feeds == []
        assert len(screen.query_one(ArticleList).items) == 2  # the articles stay


async def test_refresh_without_feeds_rereads_the_library(tmp_path: Path) -> None:
    cfg = make_config(tmp_path)
    app = make_app(cfg)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await start(app, pilot)
        assert screen.query_one(ArticleList).items == []
        other = Store(cfg.library)  # an import from the shell meanwhile
        from tui.models import Article
        other.add_articles([Article(id="", title="من الصدفة", body="نص", guid="shell-1")])
        other.close()
        await pilot.press("r")
        await settle(app, pilot)
        assert titles(screen) == {"من الصدفة"}
        assert "re-read" in list(app._notifications)[-1].message


def test_labels() -> None:
    now = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
    assert when("", now) == "never"
    assert when((now - timedelta(seconds=20)).isoformat(), now) == "just now"
    assert when((now - timedelta(minutes=12)).isoformat(), now) == "12 min ago"
    assert when((now - timedelta(hours=3)).isoformat(), now) == "3 h ago"
    assert status_label(Feed(id="a", url="u", last_status="304"), False)[0] == "✓ ok 304"
    assert status_label(Feed(id="a", url="u", last_status="error", last_error="x"), False)[1] == "error"
    assert status_label(Feed(id="a", url="u"), True)[0] == "fetching…"
    from tui.ingest.fetch import FetchProgress

    assert progress_line(FetchProgress(12, 50, 34, 2)) == "Fetching 12/50 feeds · 34 new · 2 errors"
    ok = FetchReport("a", "u", "A", "ok", added=3)
    bad = FetchReport("b", "v", "B", "error", error="HTTP 404")
    assert summary([ok])[1] == "information" and summary([bad])[1] == "error"
    assert summary([ok, bad]) == ("3 new articles from 2 feeds\n1 failed — press F to see why", "warning")


async def test_auto_refresh_fetches_on_its_own(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path, auto_refresh_minutes=0.004)  # every 0.24 s, for the test
    subscribe(cfg, http_server.url("/feeds/rss1_en.rdf"))
    app = make_app(cfg)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await start(app, pilot)
        await pilot.pause(0.4)
        await settle(app, pilot)
        assert http_server.state.hits["/feeds/rss1_en.rdf"] >= 1
        assert len(screen.query_one(ArticleList).items) == 2
