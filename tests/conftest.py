"""Shared fixtures: real libraries in temp folders, the real app factory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import THEMES_DIR, Config
from tui.samples import seed_library
from tui.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real library or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MARSAD_HOME", str(home / "library"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("MARSAD_BIDI", raising=False)
    monkeypatch.delenv("MARSAD_THEME", raising=False)


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
