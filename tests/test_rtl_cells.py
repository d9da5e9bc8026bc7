"""Cell widths: never below Rich's count (how Textual lays out) nor wcwidth's
(how terminals and the paragraph-level check advance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len as rich_cell_len
from rich.cells import get_character_cell_size
from wcwidth import wcswidth, wcwidth

from tui.cli import main
from tui.rtl.cells import cell_len, char_cells, split_graphemes

LONE_RI, FLAG, TONE, THUMB = "\U0001f1e6", "\U0001f1ee\U0001f1f1", "\U0001f3fb", "\U0001f44d"
TANGUT_SUPPLEMENT = "\U00018d00"


def both(text: str) -> int:
    return max(rich_cell_len(text), wcswidth(text))


def test_no_character_is_counted_narrower_than_either_tool() -> None:
    """Every code point of planes 0 and 1 (where the two tables differ) and a
    sample of the rest (whole-plane ideographs and private use, a full scan
    of which takes ten times as long)."""
    points = [*range(0x20, 0xD800), *range(0xE000, 0x20000), *range(0x20000, 0x110000, 97)]
    short = [cp for cp in points if char_cells(chr(cp)) < max(get_character_cell_size(chr(cp)), wcwidth(chr(cp)))]
    assert short == []


@pytest.mark.parametrize("text", [LONE_RI, FLAG, TONE, THUMB + TONE, TANGUT_SUPPLEMENT, f"a{LONE_RI}b",
                                  f"{LONE_RI}{FLAG}", "سلام 🇦 عليكم", "abc", "مرحبا"])
def test_text_is_counted_as_the_wider_tool_counts_it(text: str) -> None:
    assert cell_len(text) == both(text)
    spans, total = split_graphemes(text)
    assert total == cell_len(text)
    assert "".join(text[a:b] for a, b, _w in spans) == text


def test_a_flag_stays_one_cluster() -> None:
    spans, total = split_graphemes(f"x{FLAG}")
    assert [(a, b) for a, b, _w in spans] == [(0, 1), (1, 3)] and total == 3


@pytest.mark.parametrize("text", [f"[b]{LONE_RI}", f"שלום {LONE_RI} עולם {TONE} סוף", f"مرحبا {TANGUT_SUPPLEMENT}x{LONE_RI}",
                                  f"a {THUMB}{TONE} {FLAG} {LONE_RI}{LONE_RI}{LONE_RI} b", "\u200d\u200d000"])
@pytest.mark.parametrize("width", [2, 3, 5, 9])
def test_render_keeps_to_the_width_by_both_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  text: str, width: int) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["render", str(path), "--width", str(width)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(both(line) <= width for line in lines), lines
