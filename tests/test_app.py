"""The app as a user drives it: Pilot against a real library in a temp folder."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import started

from tui.app import make_app
from tui.config import Config, load_config
from tui.models import Article
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.store import Store
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader


async def test_first_run_seeds_samples_and_lists_them(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        assert len(listing.items) == len(list(Path(__file__).parents[1].glob("data/samples/*.txt")))
        assert screen.focused is listing


async def test_move_and_open_an_article(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        await pilot.press("j", "j")
        assert listing.cursor == 2
        await pilot.press("enter")
        await pilot.pause()
        chosen = listing.items[2].article
        assert screen.article is not None and screen.article.id == chosen.id
        assert screen.focused is screen.query_one(Reader)
        assert app.store.get_article(chosen.id).read is True


async def test_focus_cycles_through_the_panes(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        seen = []
        for _ in range(4):
            seen.append(screen.focused.id)
            await pilot.press("tab")
        assert seen == ["articles", "reader", "entities", "annotations"]
        assert screen.focused.id == "articles"


async def test_help_lists_every_main_key(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {what for _, _, what in app.screen.rows}
        for binding in MainScreen.BINDINGS:
            assert binding.description in described
        assert {"Quit", "Next pane"} <= described
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_toggle_read_and_quit(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        first = screen.query_one(ArticleList).current
        await pilot.press("m")
        assert app.store.get_article(first.id).read is True
        await pilot.press("m")
        assert app.store.get_article(first.id).read is False
        await pilot.press("q")
    assert app.return_code == 0


async def test_narrow_terminal_collapses_right_pane_and_bracket_restores(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        right = screen.query_one("#right")
        assert right.has_class("hidden")
        await pilot.press("right_square_bracket")
        assert not right.has_class("hidden")
        await pilot.press("left_square_bracket")
        assert screen.query_one("#left").has_class("hidden")


async def test_corrupt_library_file_is_reported_and_kept(config: Config) -> None:
    store = Store(config.library)
    store.add_articles([Article(id="", title="kept", body="body")])
    store.close()
    for extra in ("library.sqlite-wal", "library.sqlite-shm"):
        (config.library / extra).unlink(missing_ok=True)
    (config.library / "library.sqlite").write_text("not a database" * 100, encoding="utf-8")
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("moved aside" in m for m in messages)
    assert list(config.library.glob("library.corrupt-*.sqlite"))


async def test_bidi_mode_cycles_and_persists(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("B")
        assert screen.query_one(Reader).bidi_mode == "terminal"
        assert screen.query_one(ArticleList).bidi_mode == "terminal"
    assert 'bidi = "terminal"' in (config.library / "settings.toml").read_text()


async def test_b_press_keeps_the_comments_of_settings_toml(config: Config) -> None:
    from tui.widgets.annotation_panel import AnnotationPanel
    from tui.widgets.entity_sidebar import EntitySidebar

    settings = config.library / "settings.toml"
    config.library.mkdir(parents=True, exist_ok=True)
    settings.write_text('# my Marsad settings\nbidi = "app"  # GNOME Terminal here\n\n[keymap]\n'
                        '# I search with ctrl+f\nmain.search = "ctrl+f"\n', encoding="utf-8")
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        # one reactive on the screen, bound into every pane
        assert screen.bidi_mode == "terminal"
        for pane in (Reader, ArticleList, EntitySidebar, AnnotationPanel):
            assert screen.query_one(pane).bidi_mode == "terminal"
    text = settings.read_text(encoding="utf-8")
    assert "# my Marsad settings" in text and "# I search with ctrl+f" in text
    assert 'bidi = "terminal"  # GNOME Terminal here' in text


async def test_list_header_is_laid_out_like_the_reader(config: Config) -> None:
    """An Arabic search term in the header is drawn in visual order, not logical."""
    from textual.widgets import Static

    from tui.rtl.line import visual_line

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        screen.search.label = lambda: "/طهران"  # type: ignore[method-assign]
        screen.update_list_header()
        drawn = str(screen.query_one("#list-header", Static).render())
        assert screen.list_header_text == "7 articles  /طهران"
        assert drawn == visual_line(screen.list_header_text, 200, "app", direction="ltr")
        assert "طهران" not in drawn  # shaped and reordered, never the raw logical run


async def test_flip_direction_overrides_and_persists(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        await pilot.pause(0.2)
        article = screen.article
        assert article is not None
        await pilot.press("D")
        assert screen.reader.direction_override == "rtl"
        assert app.store.get_article(article.id).direction == "rtl"
        await pilot.press("D", "D")
        assert screen.reader.direction_override is None
        assert app.store.get_article(article.id).direction is None


async def test_command_palette_offers_every_keyed_action(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        titles = {command.title for command in app.get_system_commands(screen)}
        for binding in MainScreen.BINDINGS:
            assert binding.description in titles
        [export] = [c for c in app.get_system_commands(screen) if c.title == "Export"]
        assert "(key: x)" in export.help


async def test_theme_choice_persists_and_restyles_the_list(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        dark = list(listing.render_line(0))[0].style
        app.theme = "marsad-light"
        await pilot.pause()
        light = list(listing.render_line(0))[0].style
        assert dark != light
    assert 'theme = "marsad-light"' in (config.library / "settings.toml").read_text()
    again = make_app(load_config(config.library))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "marsad-light"


async def test_broken_settings_file_is_reported_in_the_app(library: Path) -> None:
    library.mkdir(parents=True)
    (library / "settings.toml").write_text("theme = \n", encoding="utf-8")
    app = make_app(load_config(library))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(app, pilot)
        assert any("settings.toml" in n.message for n in app._notifications)
