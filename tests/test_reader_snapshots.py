"""Snapshots of the reader with Arabic, Persian, Hebrew and mixed articles.

Update with ``pytest --snapshot-update`` after checking the SVGs by eye.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "snapshot_apps"))

from reader_app import ReaderApp, fixture_article  # noqa: E402


@pytest.mark.parametrize("name,lang", [("arabic.txt", "ar"), ("persian.txt", "fa"),
                                       ("hebrew.txt", "he"), ("mixed.txt", "")])
def test_reader_snapshot(snap_compare, name: str, lang: str) -> None:
    assert snap_compare(ReaderApp(fixture_article(name, lang)), terminal_size=(80, 24))


@pytest.mark.parametrize("mode", ["terminal", "off"])
def test_reader_snapshot_modes(snap_compare, mode: str) -> None:
    assert snap_compare(ReaderApp(fixture_article("mixed.txt"), bidi=mode), terminal_size=(80, 24))


def test_reader_snapshot_selection(snap_compare) -> None:
    assert snap_compare(ReaderApp(fixture_article("mixed.txt")), press=["v", "w", "w", "w"],
                        terminal_size=(80, 24))
