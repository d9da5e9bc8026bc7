"""Resolved bidi levels (python-bidi) plus our own UAX #9 L1-L4.

Why not ``bidi.get_display``: it neither mirrors brackets (L4) nor keeps
combining marks after their base in RTL runs (L3), and it gives no
visual->logical map, which the reader needs for cursor and highlights. The
*levels* python-bidi resolves are right (36/36 against libfribidi, see
notes/rtl-findings.md), but 0.6 exposes them only in its ``debug=True``
text. We parse that text (pinned ``python-bidi~=0.6``; ``test_rtl_bidi``
fails loudly if its format changes) and skip it entirely for the common
lines that hold only one direction, where the levels are known.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi import get_display
from bidi.mirror import MIRRORED
from rich.cells import split_graphemes

__all__ = ["BIDI_CONTROLS", "DebugFormatError", "levels", "mirror", "reorder", "reorder_line", "visual_order"]

# Explicit embeddings, overrides, isolates and the three marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

_STRONG_LTR_CLASSES = frozenset({"L"})
# Classes whose presence means a line is not a single RTL level run.
_NOT_PLAIN_RTL = frozenset({"L", "EN", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_NOT_PLAIN_LTR = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_LEVEL_RE = re.compile(r"Level\(\s*(\d+),?\s*\)")
_EXTRA_MIRRORS = {"\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u2039": "\u203a", "\u203a": "\u2039"}


class DebugFormatError(RuntimeError):
    """python-bidi's debug output no longer has the shape we parse."""


@lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


MIRRORS: dict[str, str] = {**_EXTRA_MIRRORS, **MIRRORED}


@lru_cache(maxsize=4096)
def _is_nsm(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "NSM"


def mirror(ch: str) -> str:
    """Mirrored glyph for an odd-level character (UAX #9 L4)."""
    return MIRRORS.get(ch, ch)


def _utf8_len(ch: str) -> int:
    cp = ord(ch)
    return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4


def parse_debug_levels(debug: str, text: str) -> list[int]:
    """Per-character levels from python-bidi's ``BidiInfo`` debug text.

    The debug text lists one ``Level(n)`` per UTF-8 *byte*; a character takes
    the level of its first byte. Raises DebugFormatError on any surprise.
    """
    start = debug.find("\n    levels: [")
    end = debug.find("\n    paragraphs:", start)
    if start < 0 or end < 0:
        raise DebugFormatError("no 'levels: [' block in python-bidi debug output")
    byte_levels = _LEVEL_RE.findall(debug, start, end)
    out: list[int] = []
    pos = 0
    for ch in text:
        if pos >= len(byte_levels):
            raise DebugFormatError("python-bidi gave fewer levels than the text has bytes")
        out.append(int(byte_levels[pos]))
        pos += _utf8_len(ch)
    if pos != len(byte_levels):
        raise DebugFormatError("python-bidi level count does not match the text's UTF-8 length")
    return out


def _python_bidi_levels(text: str, rtl: bool) -> list[int]:
    debug = get_display(text, base_dir="R" if rtl else "L", debug=True)
    return parse_debug_levels(debug, text)


def levels(text: str, rtl: bool) -> list[int]:
    """Resolved embedding level of each character of one line.

    Fast path: a line with only RTL letters and neutrals (or only LTR ones) is
    one run at the paragraph level, no need to ask python-bidi.
    """
    base = 1 if rtl else 0
    if not text:
        return []
    classes = {bidi_class(ch) for ch in set(text)}
    if classes.isdisjoint(_NOT_PLAIN_RTL if rtl else _NOT_PLAIN_LTR):
        return [base] * len(text)
    try:
        return _python_bidi_levels(text, rtl)
    except DebugFormatError:
        # Degrade, do not crash: one run at the paragraph level.
        return [base] * len(text)


def reorder(lv: list[int], text: str) -> list[int]:
    """Visual order as logical indices (L2), keeping each base + its marks in
    logical order (L3), so terminals draw a haraka on its own letter.
    """
    n = len(lv)
    if n == 0:
        return []
    top = max(lv)
    if top == 0:
        return list(range(n))
    # Cluster: a base followed by its non-spacing marks. Reorder clusters.
    starts = [i for i, ch in enumerate(text) if i == 0 or not _is_nsm(ch)]
    clusters = [(s, starts[k + 1] if k + 1 < len(starts) else n) for k, s in enumerate(starts)]
    if top == 1 and min(lv) == 1:  # one RTL run: plain reversal of clusters
        out: list[int] = []
        for s, e in reversed(clusters):
            out.extend(range(s, e))
        return out
    return _reorder_units(lv, clusters, top, n)


def _reorder_units(lv: list[int], units: list[tuple[int, int]], top: int, n: int) -> list[int]:
    """UAX #9 L2 over whole units (a base with its marks, an emoji cluster):
    from the highest level down to the lowest odd one, reverse every run of
    units at that level or higher; then expand units back to indices."""
    ulv = [lv[s] for s, _ in units]
    odd = [v for v in ulv if v & 1]
    if not odd:
        return list(range(n))
    lowest_odd = min(odd)
    order = list(range(len(units)))
    m = len(order)
    for level in range(top, lowest_odd - 1, -1):
        k = 0
        while k < m:
            if ulv[order[k]] >= level:
                j = k
                while j < m and ulv[order[j]] >= level:
                    j += 1
                order[k:j] = order[k:j][::-1]
                k = j
            else:
                k += 1
    out: list[int] = []
    for u in order:
        s, e = units[u]
        out.extend(range(s, e))
    return out


def visual_order(text: str, rtl: bool) -> tuple[list[int], list[int]]:
    """(levels, visual->logical indices) for one line, L1 included.

    L1: trailing whitespace and isolate/format controls at the end of the
    line go back to the paragraph level, so a line never starts (in RTL)
    with a dangling space.
    """
    lv = levels(text, rtl)
    base = 1 if rtl else 0
    i = len(text) - 1
    while i >= 0 and (text[i].isspace() or text[i] in BIDI_CONTROLS):
        lv[i] = base
        i -= 1
    return lv, reorder(lv, text)


def _is_symbol_cluster(cluster: str) -> bool:
    """An emoji-like grapheme cluster (a symbol with a skin tone, a ZWJ
    sequence, a flag): terminals draw it right only in logical order."""
    return len(cluster) > 1 and any(unicodedata.category(c) in ("So", "Sk") for c in cluster)


def _units(text: str) -> list[tuple[int, int]]:
    """Spans reordered as one piece: a base with its non-spacing marks (L3,
    FriBidi's REORDER_NSM) and each emoji-like grapheme cluster."""
    symbols: dict[int, int] = {}
    if any(ord(ch) > 0x2000 and unicodedata.category(ch) in ("So", "Sk") for ch in text):
        for s, e, _ in split_graphemes(text)[0]:
            if _is_symbol_cluster(text[s:e]):
                symbols[s] = e
    units: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        end = symbols.get(i)
        if end is not None:
            units.append((i, end))
            i = end
            continue
        if units and _is_nsm(text[i]) and units[-1][1] == i and i - 1 not in symbols:
            units[-1] = (units[-1][0], i + 1)
        else:
            units.append((i, i + 1))
        i += 1
    return units


@lru_cache(maxsize=4096)
def _joins_unit(ch: str) -> bool:
    """A mark that follows its base, or a character of an emoji cluster."""
    return ch == "\u200d" or _is_nsm(ch) or unicodedata.category(ch) in ("So", "Sk")


_TRAILING_RESET = frozenset({"WS", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "S"})


def reorder_line(text: str, lv: list[int], rtl: bool) -> list[int]:
    """Visual order (logical indices) of one line cut from a paragraph whose
    levels were resolved as a whole: UAX #9 L1 (trailing white space and
    controls back to the paragraph level), L2 (reverse from the highest level
    down to the lowest odd one), L3 (marks stay after their base), with
    emoji clusters kept whole. ``lv`` is modified."""
    n = len(text)
    base = 1 if rtl else 0
    i = n - 1
    while i >= 0 and bidi_class(text[i]) in _TRAILING_RESET:
        lv[i] = base
        i -= 1
    if n == 0:
        return []
    top = max(lv)
    if top == 0:
        return list(range(n))
    low = min(lv)
    plain = not any(_joins_unit(ch) for ch in set(text))
    if plain and low == top and top & 1:  # one RTL run
        return list(range(n - 1, -1, -1))
    units = [(i, i + 1) for i in range(n)] if plain else _units(text)
    return _reorder_units(lv, units, top, n)
