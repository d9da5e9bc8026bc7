"""Looks that must hold in any terminal: without colour (NO_COLOR), in the light theme, at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import started

from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.widgets.reader import Reader
from tui.widgets.styles import component_style


@pytest.fixture
def app_config(library: Path) -> Config:
    return Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR)


async def test_no_color_keeps_selection_highlight_and_search_hits_apart(
        app_config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR every colour is gone, so each kind of mark carries a text style of its own."""
    monkeypatch.setenv("NO_COLOR", "1")  # Textual reads (and removes) it when the app is built
    app = make_app(app_config)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        assert app.no_color
        reader = app.screen.query_one(Reader)
        looks = {name: reader.get_component_rich_style(f"reader--{name}")
                 for name in ("selection", "highlight", "search", "entity")}
        flags = {name: (bool(s.reverse), bool(s.bold), bool(s.italic), bool(s.underline))
                 for name, s in looks.items()}
        assert len(set(flags.values())) == 4, flags  # four different looks without any colour
        assert flags["selection"][0] and flags["highlight"][1] and flags["search"][2]


def test_the_suite_runs_without_the_users_terminal_settings() -> None:
    """conftest clears NO_COLOR, COLUMNS, LINES and the like (the README's test command must pass anywhere)."""
    import os

    assert not {"NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR"} & set(os.environ)
    assert os.environ["TERM"] == "xterm-256color"


def _contrast(fg, bg) -> float:  # type: ignore[no-untyped-def]
    """WCAG contrast ratio of two Rich colours."""
    def lum(c) -> float:  # type: ignore[no-untyped-def]
        r, g, b = (v / 255 for v in c.get_truecolor())
        r, g, b = ((x / 12.92) if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in (r, g, b))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["marsad-light", "marsad-dark"])
async def test_sidebar_legend_counts_and_glosses_are_readable(library: Path, theme: str) -> None:
    from tui.widgets.annotation_panel import AnnotationPanel
    from tui.widgets.entity_sidebar import EntitySidebar

    app = make_app(Config(library=library, theme=theme, themes_dir=THEMES_DIR))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        for widget, component in ((EntitySidebar, "entity-sidebar--dim"), (AnnotationPanel, "annotation-panel--dim"),
                                  (AnnotationPanel, "annotation-panel--orphaned")):
            pane = app.screen.query_one(widget)
            style = component_style(pane, component)
            bg = pane.background_colors[1].rich_color
            assert _contrast(style.color, bg) >= 3, (theme, component, style)


async def test_reader_recolours_on_a_theme_switch(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(Reader)

        def backgrounds() -> set[str]:
            return {str(seg.style.bgcolor) for y in range(5) for seg in reader.render_line(y) if seg.style}

        before = backgrounds()
        app.theme = "marsad-light"
        await pilot.pause()
        await pilot.pause()
        after = backgrounds()
        assert before and after and not before & after  # no line kept a dark-theme background


def _footer_text(app) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    region = footer.region
    return app.screen._compositor.render_strips()[region.y].text[:region.width]


@pytest.mark.parametrize("focus", ["list", "reader", "entities"])
async def test_footer_shows_help_and_quit_at_80_columns(app_config: Config, focus: str) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        if focus == "reader":
            await pilot.press("enter")
        elif focus == "entities":
            await pilot.press("enter", "e")
        await pilot.pause()
        line = _footer_text(app)
        assert "? Help" in line and "q Quit" in line, line


async def test_panes_give_way_to_the_reader_and_the_side_pane_widens(app_config: Config) -> None:
    from tui.controllers.panes import READER_MIN

    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        right, left, reader = screen.query_one("#right"), screen.query_one("#left"), screen.query_one(Reader)
        assert right.display and right.size.width == 30
        await pilot.press("plus", "plus")  # wider entity/notes pane, remembered in the settings
        await pilot.pause()
        assert right.size.width == 38
        assert 'right_pane_width = 38' in (app_config.library / "settings.toml").read_text()
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert right.size.width == 30

        await pilot.resize_terminal(90, 30)  # narrow: the right pane folds away
        await pilot.pause()
        assert not right.display and left.display
        await pilot.press("right_square_bracket")  # the analyst brings it back...
        await pilot.pause()
        assert right.display and reader.size.width >= READER_MIN
        await pilot.resize_terminal(70, 30)  # ...and the window shrinks: it folds again, the reader stays readable
        await pilot.pause()
        assert not right.display and reader.size.width >= READER_MIN
        await pilot.press("right_square_bracket")  # no room: it says so instead of squeezing the reader
        await pilot.pause()
        assert not right.display
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        assert not left.display and reader.size.width >= READER_MIN - 2


async def test_line_caches_are_bounded(app_config: Config) -> None:
    """Scrolling a long list or article keeps a bounded number of drawn lines (LRU), not all of them."""
    from textual.cache import LRUCache

    from tui.widgets.article_list import ArticleList

    app = make_app(app_config)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("enter")
        assert isinstance(screen.query_one(ArticleList)._cache, LRUCache)
        assert isinstance(screen.query_one(Reader)._strips, LRUCache)
        assert screen.query_one(Reader)._strips.maxsize <= 1024


async def test_feeds_screen_footer_shows_back_and_help_at_80_columns(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        await pilot.press("F")
        await pilot.pause()
        line = _footer_text(app)
        assert "q Back" in line and "? Help" in line, line
