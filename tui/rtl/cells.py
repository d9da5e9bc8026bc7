"""How many terminal cells drawn text takes: Rich's count, raised to
wcwidth's for the few characters where wcwidth counts more.

Why both: Textual lays the pane out with Rich's table, but terminals (and
the paragraph-level check in ``shared/tools``) follow wcwidth, which gives
two cells to characters Rich still gives one or none: a lone regional
indicator letter (🇦 outside a flag pair), a lone skin-tone modifier, and
ideographs of scripts newer than Rich's table (Tangut and Khitan
supplements). Counting the larger keeps every row within its width for
both; where Rich counts less, a row simply ends one cell short in Textual.
Only text holding one of those characters pays for the second count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len as _rich_cell_len
from rich.cells import get_character_cell_size
from rich.cells import split_graphemes as _rich_split_graphemes

from tui.text.normalize import has_astral

# Every code point (Unicode 16, wcwidth 0.9) that wcwidth draws wider than Rich 14 does,
# found by comparing the two over the whole code space (tests/test_rtl_cells.py).
_WIDER = re.compile(
    "[\U00018cd6-\U00018cda\U00018d1f-\U00018d20\U00018e00-\U00019191\U000191a0-\U000191d2"
    "\U0001b123-\U0001b128\U0001b168\U0001f1ae\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff"
    "\U0001f6d9\U0001f7da\U0001fa8b-\U0001fa8d\U0001facc\U0001fadd\U0001faeb\U0001faf9-\U0001fafa]"
)


def _has_wider(text: str) -> bool:
    """Every ``_WIDER`` character is above U+FFFF: the byte scan of
    :func:`has_astral` rules out most text faster than the regex alone."""
    return has_astral(text) and _WIDER.search(text) is not None


def _wc_len(text: str) -> int:
    import wcwidth  # only for the rare text that needs it

    width = wcwidth.wcswidth(text)
    return width if width >= 0 else sum(max(0, wcwidth.wcwidth(ch)) for ch in text)


def cell_len(text: str) -> int:
    """Cells ``text`` takes (grapheme-aware, as both tools count clusters).
    Words are short and repeat, so they are remembered, as Rich does."""
    return _word_cells(text) if len(text) <= 64 else _cells(text)


def _cells(text: str) -> int:
    width = _rich_cell_len(text)
    if not _has_wider(text):
        return width
    return max(width, _wc_len(text))


_word_cells = lru_cache(maxsize=16384)(_cells)


def char_cells(ch: str) -> int:
    """Cells of one character drawn alone (the layout remembers them per character)."""
    width = get_character_cell_size(ch)
    return max(width, _wc_len(ch)) if _WIDER.match(ch) else width


def split_graphemes(text: str) -> tuple[list[tuple[int, int, int]], int]:
    """Grapheme spans ``(start, end, cells)`` and their total, each cluster
    counted by :func:`cell_len`, so the parts of a broken word add up to the
    word. Rich's split unless the text holds a character of ``_WIDER``; then
    wcwidth's (it keeps a flag's two regional indicators in one cluster,
    where Rich splits them). (Rich's own split counts a cluster opened by a
    ZWJ, "\u200d0", as no cell where its ``cell_len`` counts one: a word of
    them was never broken and overflowed its row.)"""
    if _has_wider(text):
        import wcwidth

        clusters = list(wcwidth.iter_graphemes(text))
    else:
        clusters = [text[a:b] for a, b, _w in _rich_split_graphemes(text)[0]]
    spans, pos = [], 0
    for cluster in clusters:
        spans.append((pos, pos + len(cluster), cell_len(cluster)))
        pos += len(cluster)
    return spans, sum(w for _a, _b, w in spans)
