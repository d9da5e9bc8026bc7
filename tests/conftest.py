"""Shared fixtures: real libraries in temp folders, the real app factory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.config import THEMES_DIR, Config
from tui.samples import seed_library
from tui.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# The suite must not depend on the terminal or shell it runs in: colour switches
# (NO_COLOR makes Textual draw monochrome; FORCE_COLOR, CLICOLOR*), the size a
# shell exports (COLUMNS, LINES), the terminal type and Textual's own overrides.
# Textual reads some of these when the first App is built, so clear them at
# import time as well as per test.
UNSET = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "LINES", "TTY_COMPATIBLE",
         "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "MARSAD_BIDI", "MARSAD_THEME", "TEXTUAL",
         "TEXTUAL_DRIVER", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_ANIMATIONS", "TEXTUAL_DEBUG", "TEXTUAL_FPS",
         "TEXTUAL_THEME", "ESCDELAY")
FIXED = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"}
for _name in UNSET:
    os.environ.pop(_name, None)
os.environ.update(FIXED)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real library or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MARSAD_HOME", str(home / "library"))
    monkeypatch.setenv("HOME", str(home))
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    for name, value in FIXED.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def store(library: Path) -> Store:
    s = Store(library)
    yield s
    s.close()


@pytest.fixture
def sample_store(store: Store) -> Store:
    seed_library(store)
    return store


@pytest.fixture
def config(library: Path) -> Config:
    return Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR)
