"""The app against hostile links, markup and bursts of input (Pilot, real library).

``o`` opens only http(s)/mailto, after a yes to the URL shown as text; a URL
holding markup can neither crash the app nor plant an action; the filter
dialog's date field takes any text; a ctrl+s arriving in the same burst as a
paste saves the pasted text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import started, workers_done
from textual import events

from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.controllers.links import check_link
from tui.models import Article
from tui.screens.dialogs import ConfirmDialog, NoteEditor
from tui.store import Store
from tui.widgets.article_list import ArticleList

MARKUP_URL = "https://news.example/a[/x]?q=[@click=app.quit]boom[/]"


def make_library(path: Path, urls: list[str]) -> Config:
    store = Store(path)
    store.add_articles([Article(id="", title=f"خبر رقم {i}", body=f"نص الخبر رقم {i} في المدينة.", url=url,
                                guid=f"g{i}") for i, url in enumerate(urls)])
    store.close()
    return Config(library=path, theme="marsad-dark", themes_dir=THEMES_DIR, seed_samples=False)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


def no_live_actions(app) -> bool:  # type: ignore[no-untyped-def]
    for strip in app.screen._compositor.render_strips():
        for seg in strip:
            meta = seg.style.meta if seg.style else {}
            if "app.quit" in str(meta.get("@click", "")):
                return False
    return True


@pytest.mark.parametrize("url, opens", [
    ("https://news.example/a", True), ("http://news.example/a", True), ("mailto:desk@news.example", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("file:///etc/passwd", False),
    ("data:text/html,<b>x</b>", False), ("vbscript:x", False), ("ssh://host", False), ("//host/path", False),
    ("news.example/a", False), ("https:///nohost", False), ("https://x.example/\x1b]0;T\x07", False),
    ("https://x.example/a b", True), ("https://x.example/a\tb", False), ("", False),
])
def test_which_links_open(url: str, opens: bool) -> None:
    link = check_link(url)
    assert link.ok is opens, (url, link)
    assert "\x1b" not in link.url and "\x07" not in link.url
    if not opens and url:
        assert link.message.startswith("Not opened")


async def _open_first(app, pilot) -> None:  # type: ignore[no-untyped-def]
    screen = await started(app, pilot)
    screen.query_one(ArticleList).focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_o_refuses_other_schemes_with_a_literal_message(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib", ["javascript:alert(1)//[/x][@click=app.quit]q[/]"]))
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)  # the browser is outside the test
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _open_first(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert opened == [] and app.is_running
        assert any(m.startswith("Not opened: a javascript: link") for m in messages(app))
        assert all(not n.markup for n in app._notifications)
        assert no_live_actions(app)


async def test_o_asks_shows_the_url_literally_and_opens_on_yes(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib", [MARKUP_URL]))
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await _open_first(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert MARKUP_URL in screen_text(app).replace(" ", "") or "[@click=app.quit]" in screen_text(app)
        assert opened == []
        await pilot.press("n")
        await pilot.pause()
        assert opened == [] and not isinstance(app.screen, ConfirmDialog)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert opened == [MARKUP_URL]
        assert app.is_running and no_live_actions(app)
        assert f"Opening {MARKUP_URL}" in messages(app)  # the notification, as text
        assert all(not n.markup for n in app._notifications)


async def test_notifications_are_plain_text_everywhere(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib", ["https://x.example"]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await started(app, pilot)
        app.screen.notify("[/x] [@click=app.quit]Q[/] \x1b]0;TITLE\x07 [bold]b")
        await pilot.pause(0.2)
        await pilot.pause()
        text = screen_text(app)
        assert "[/x] [@click=app.quit]Q[/]" in text and "[bold]b" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "\x1b" not in messages(app)[-1]
        assert app.is_running and no_live_actions(app)


async def test_filter_date_field_takes_markup_without_crashing(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib", ["https://x.example"]))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        field = app.screen.query_one("#date_from")
        field.focus()
        await pilot.press(*"[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert any("[/]" in m and "Dates look like" in m for m in messages(app))


async def test_ctrl_s_in_the_same_burst_as_a_paste_saves_the_pasted_text(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib", ["https://x.example"]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _open_first(app, pilot)
        article_id = app.screen.article.id
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        # One burst: the paste and the key arrive before the app gets a chance to run anything.
        app.post_message(events.Paste("ملاحظة ملصوقة [/x]"))
        app.post_message(events.Key("ctrl+s", None))
        await pilot.pause()
        await workers_done(app)
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        notes = [a.note for a in app.store.annotations_for(article_id)]
        assert notes == ["ملاحظة ملصوقة [/x]"]
