"""Keys that go back: ``q`` leaves the feeds screen and dialogs, quits only from the main screen;
dialogs are drawn over the main screen, not on a blank one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import started, until, workers_done
from textual.screen import ModalScreen

from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.screens.dialogs import ConfirmDialog, ExportChoice
from tui.screens.entity_dialogs import PickDialog, RenameDialog
from tui.screens.feeds_screen import FeedsScreen
from tui.screens.filter_dialog import FilterDialog
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar


@pytest.fixture
def app_config(library: Path) -> Config:
    return Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR)


def _see_through(screen: ModalScreen) -> bool:  # type: ignore[type-arg]
    return screen.styles.background.a < 1


async def test_q_goes_back_from_the_feeds_screen_and_dialogs(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and app.is_running

        await pilot.press("x")  # export: which notes?
        await pilot.pause()
        assert isinstance(app.screen, ExportChoice) and _see_through(app.screen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("enter")  # open the article so the sidebar has entities
        await pilot.pause()
        await workers_done(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.focused, EntitySidebar) and app.focused.selected_entity is not None
        await pilot.press("Y")  # retype: a pick list
        await pilot.pause()
        assert isinstance(app.screen, PickDialog) and _see_through(app.screen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("X")  # reject: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and _see_through(app.screen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("R")  # rename has a text box: q is a letter there, escape goes back
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog) and _see_through(app.screen)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f")  # the filter dialog, from the sidebar's entity, toggles a filter;
        await pilot.press("f")  # from the sidebar again: off
        app.screen.query_one("#articles").focus()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog) and _see_through(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        await pilot.press("q")  # one key quits from the main screen
        await pilot.pause()
    assert not app.is_running


async def test_an_article_opened_any_way_or_annotated_is_read(app_config: Config) -> None:
    from tui.widgets.article_list import ArticleList
    from tui.widgets.reader import Reader

    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        assert not any(it.article.read for it in listing.items)
        await pilot.press("j")  # passing over a row previews it: still unread
        await pilot.pause(0.3)
        assert screen.article is not None and not screen.article.read
        await pilot.press("tab")  # into the reader: now it is being read
        await pilot.pause()
        assert app.focused is screen.query_one(Reader)
        second = screen.article.id
        assert app.store.get_article(second).read and listing.items[1].article.read
        await pilot.press("m")  # the analyst marks it unread again...
        await pilot.press("question_mark", "escape")  # ...and coming back from a dialog keeps that
        await pilot.pause()
        assert not app.store.get_article(second).read

        listing.focus()
        await pilot.press("j")
        await pilot.pause(0.3)
        third = screen.article.id
        await pilot.press("n")  # a note straight from the list: annotated means read
        await pilot.pause()
        from tui.widgets.bidi_text_area import BidiTextArea

        app.screen.query_one(BidiTextArea).insert("ملاحظة")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.store.get_article(third).read)

        listing.focus()
        await pilot.press("j")
        await pilot.pause(0.3)
        fourth = screen.article.id
        await pilot.press("v")  # v from the list goes to the reader: read
        assert await until(pilot, lambda: app.store.get_article(fourth).read)


async def test_keys_are_rebound_by_id_old_ids_too(library: Path) -> None:
    from tui.screens.help import HelpScreen
    from tui.widgets.article_list import ArticleList
    from tui.widgets.search_box import SearchBox

    library.mkdir(parents=True, exist_ok=True)
    (library / "settings.toml").write_text('[keymap]\nsearch = "ctrl+f"\nlist.down = "ctrl+n"\n', encoding="utf-8")
    from tui.config import load_config

    config = load_config(library, theme="marsad-dark")
    app = make_app(config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        await pilot.press("ctrl+n", "ctrl+n")
        assert listing.cursor == 2
        await pilot.press("ctrl+f")  # the old id "search" still rebinds the search key
        await pilot.pause()
        assert isinstance(app.focused, SearchBox)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {what: keys for _, keys, what in app.screen.rows}
        assert rows["Search"] == "ctrl+f"  # the help screen lists the keys in force


async def test_r_shows_articles_from_another_process_at_once(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.screens.main as main_screen
    from tui.models import Article, Feed
    from tui.store import Store
    from tui.widgets.article_list import ArticleList

    monkeypatch.setattr(main_screen, "LIBRARY_POLL", 3600)  # no help from the timer: r itself must look
    store = Store(config.library)
    store.save_feed(Feed(id="dead", url="http://127.0.0.1:9/feed.xml", name="unreachable"))
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        listed = screen.query_one(ArticleList)
        before = len(listed.items)
        Store(config.library).add_articles([Article(id="", title="من الطرفية الأخرى", body="نص",
                                                    url="https://e.org/other")])
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.05)
            if len(listed.items) == before + 1:
                break
        assert len(listed.items) == before + 1


async def test_reading_an_article_does_not_make_the_app_reread_the_library(
        config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.screens.main as main_screen

    monkeypatch.setattr(main_screen, "LIBRARY_POLL", 0.05)
    loads: list[object] = []
    app = make_app(config)
    async with app.run_test(size=(120, 36), message_hook=lambda m: loads.append(m)
                            if isinstance(m, MainScreen.ArticlesLoaded) else None) as pilot:
        await started(app, pilot)
        # start-up work of other threads may commit late on a loaded machine: let the poll see it first
        await pilot.pause(0.3)
        first = len(loads)
        await pilot.press("enter", "j", "tab")  # read, then preview and read another
        await pilot.pause(0.4)
        assert app.store.get_article(app.screen.article.id).read
        assert len(loads) == first  # our own writes are not "another process"


async def test_a_jump_to_an_article_is_not_undone_by_a_pending_preview(
        app_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """A highlight schedules a preview; an explicit open (search, stories, a command) right after wins."""
    import tui.screens.main as main_screen

    # long enough that a loaded machine cannot let the preview fire before the jump is made
    monkeypatch.setattr(main_screen, "PREVIEW_DELAY", 3.0)
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        target = listing.items[3].article.id
        await pilot.press("j")  # schedules a preview of the second row...
        # the highlight reached the screen (a machine loaded six times over its cores took > 5 s)
        assert await until(pilot, lambda: screen._preview_timer is not None, seconds=60)
        screen.open_article(target)  # ...and a jump lands before it fires
        await pilot.pause(3.3)  # past the preview's time: it must not fire
        assert screen.article is not None and screen.article.id == target


async def test_an_article_opened_while_the_list_is_re_read_stays_open(
        app_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list re-read (another window's import, a repair) started before an article was opened
    arrives after it: the list keeps the article being read, not the row asked for when the
    read began (on a loaded machine this re-opened the start-up article over the user's)."""
    import threading

    import tui.screens.main as main_screen
    from tui.store import StoreRows

    release = threading.Event()
    prepare = StoreRows.prepare

    def slow_prepare(self: StoreRows, keep_id: str | None) -> None:
        release.wait(10)
        prepare(self, keep_id)

    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        first, target = listing.items[0].article.id, listing.items[3].article.id
        assert await until(pilot, lambda: screen.article is not None and screen.article.id == first)
        monkeypatch.setattr(StoreRows, "prepare", slow_prepare)
        screen.load_articles(keep_id=first)  # a re-read starts while the first article is open...
        screen.open_article(target)  # ...the user opens another before it lands
        release.set()
        await workers_done(app)
        await pilot.pause(main_screen.PREVIEW_DELAY + 0.3)
        await workers_done(app)
        assert screen.article is not None and screen.article.id == target
        assert listing.current is not None and listing.current.id == target
