"""Looks that must hold in any terminal: without colour (NO_COLOR), in the light theme, at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import started

from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.widgets.reader import Reader


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
