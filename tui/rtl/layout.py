"""Logical text -> visual terminal lines, with maps both ways.

Pipeline per paragraph (notes/rtl-findings.md §4): decide its direction once,
shape it once (shaping never crosses whitespace, so the shaped words line up
1:1 with the logical words), wrap the *logical* words greedily by the cell
width of their *shaped* form, then for each line resolve bidi levels, reorder
(L1-L4) and pad. Never reorder a whole paragraph and then wrap: that puts its
last words on the first row.

A paragraph is one non-empty line of the input; blank lines only separate.
Runs of whitespace between words are drawn as one space (what the eye and
the fribidi oracle expect); leading/trailing whitespace of a paragraph is not
drawn. Every logical offset of a drawn word maps to a cell and every cell
back to a logical offset, so highlights and the cursor, kept in logical
offsets, land on the right glyphs in RTL and LTR runs alike.

Results are cached per (paragraph text, width, mode, direction) with offsets
relative to the paragraph, so the same paragraph at another position, or
re-opened, costs a dict lookup.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rich.cells import cell_len, get_character_cell_size, split_graphemes

from tui.rtl.bidi import BIDI_CONTROLS, MIRRORS, visual_order
from tui.text.sanitize import visible_controls
from tui.rtl.direction import Direction, document_direction, explicit_direction, is_rtl_language, paragraph_direction
from tui.rtl.shape import shape

__all__ = ["MODES", "LineShape", "VisualLine", "Layout", "layout", "layout_paragraph", "paragraph_spans"]

Mode = Literal["app", "terminal", "off"]
MODES: tuple[str, ...] = ("app", "terminal", "off")

_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
_CACHE_SIZE = 4096


@lru_cache(maxsize=8192)
def _char_cells(ch: str) -> int:
    return 0 if ch in BIDI_CONTROLS else get_character_cell_size(ch)


@dataclass(frozen=True, slots=True)
class LineShape:
    """One drawn row of a paragraph, offsets relative to the paragraph text.

    ``cells[col]`` is the logical offset drawn in that column (-1 = padding).
    ``l2c[i]`` is the column of logical offset ``start + i`` for i < end-start.
    ``used`` is how many cells the text takes before padding.
    """

    text: str
    start: int
    end: int
    cells: tuple[int, ...]
    l2c: tuple[int, ...]
    used: int
    rtl: bool


@dataclass(frozen=True, slots=True)
class VisualLine:
    """A row of the laid-out text, with absolute offsets into the whole input."""

    shape: LineShape
    para: int
    base: int
    direction: Direction

    @property
    def text(self) -> str:
        return self.shape.text

    @property
    def start(self) -> int:
        return self.base + self.shape.start

    @property
    def end(self) -> int:
        return self.base + self.shape.end

    @property
    def cells(self) -> tuple[int, ...]:
        """Absolute logical offset per column, -1 for padding."""
        b = self.base
        return tuple(c + b if c >= 0 else -1 for c in self.shape.cells)

    def cell_to_logical(self, col: int) -> int | None:
        cells = self.shape.cells
        if 0 <= col < len(cells) and cells[col] >= 0:
            return cells[col] + self.base
        return None

    def logical_to_cell(self, offset: int) -> int:
        """Column of ``offset``; offsets past the line's text get the cell
        right after it in reading direction (where a cursor would sit)."""
        s = self.shape
        rel = offset - self.base
        if s.start <= rel < s.end:
            return s.l2c[rel - s.start]
        width = len(s.cells)
        if rel < s.start:
            return s.l2c[0] if s.l2c else 0
        if s.rtl:
            return max(0, width - s.used - 1)
        return min(width - 1, s.used) if width else 0


@dataclass(slots=True)
class _Piece:
    """A word or part of a word: logical [ls, le) and its shaped text."""

    ls: int
    le: int
    shaped: str
    s2l: tuple[int, ...]
    width: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: non-empty lines, surrounding whitespace trimmed."""
    spans = []
    for m in _LINE.finditer(text):
        words = list(_WORD.finditer(m.group()))
        if words:
            spans.append((m.start() + words[0].start(), m.start() + words[-1].end()))
    return spans


def _split_long(piece: _Piece, width: int) -> list[_Piece]:
    """Break an over-long word between grapheme clusters, never inside one."""
    spans, _ = split_graphemes(piece.shaped)
    out: list[_Piece] = []
    a = 0
    used = 0
    for gs, ge, gw in spans:
        if used + gw > width and ge > a and gs > a:
            out.append(_sub_piece(piece, a, gs, used))
            a, used = gs, 0
        used += gw
    out.append(_sub_piece(piece, a, len(piece.shaped), used))
    return out


def _sub_piece(piece: _Piece, a: int, b: int, width: int) -> _Piece:
    s2l = piece.s2l[a:b]
    ls = s2l[0] if s2l else piece.ls
    le = piece.s2l[b] if b < len(piece.s2l) else piece.le
    return _Piece(ls, le, piece.shaped[a:b], s2l, width)


def _words(para: str, mode: str) -> list[_Piece]:
    """Logical words with their shaped text (app mode) and cell widths."""
    logical = [(m.start(), m.end()) for m in _WORD.finditer(para)]
    if mode == "app":
        shaped, s2l = shape(para)
        spans = [(m.start(), m.end()) for m in _WORD.finditer(shaped)]
        if len(spans) == len(logical):
            return [
                _Piece(ls, le, shaped[ss:se], s2l[ss:se], cell_len(shaped[ss:se]))
                for (ls, le), (ss, se) in zip(logical, spans)
            ]
    return [_Piece(ls, le, para[ls:le], tuple(range(ls, le)), cell_len(para[ls:le])) for ls, le in logical]


def _wrap(pieces: list[_Piece], width: int) -> list[list[_Piece]]:
    """Greedy fill: as many words per row as fit, one space between them."""
    lines: list[list[_Piece]] = []
    cur: list[_Piece] = []
    used = 0
    for piece in pieces:
        parts = _split_long(piece, width) if piece.width > width else [piece]
        for part in parts:
            need = part.width if not cur else used + 1 + part.width
            if cur and need > width:
                lines.append(cur)
                cur, used = [part], part.width
            else:
                cur.append(part)
                used = need
    if cur:
        lines.append(cur)
    return lines


def _build_line(pieces: list[_Piece], width: int, mode: str, rtl: bool, para_end: int) -> LineShape:
    """Reorder one row (app mode), map its cells, pad it to ``width``."""
    chars: list[str] = []
    dmap: list[int] = []
    for k, p in enumerate(pieces):
        if k:
            chars.append(" ")
            dmap.append(pieces[k - 1].le)
        chars.extend(p.shaped)
        dmap.extend(p.s2l)
    line = "".join(chars)
    start, end = pieces[0].ls, pieces[-1].le
    if mode == "app":
        lv, order = visual_order(line, rtl)
        if not BIDI_CONTROLS.isdisjoint(line):
            order = [i for i in order if line[i] not in BIDI_CONTROLS]
        get = MIRRORS.get
        vis_chars = [get(line[i], line[i]) if lv[i] & 1 else line[i] for i in order]
        vis_idx = order
    else:
        vis_chars, vis_idx = chars, list(range(len(chars)))
    visual = "".join(vis_chars)
    cells: list[int] = []
    l2c = [-1] * (end - start)
    n_l2c = len(l2c)
    for ch, i in zip(vis_chars, vis_idx):
        w = _char_cells(ch)
        off = dmap[i]
        col = len(cells)
        if w == 1:
            cells.append(off)
        elif w:
            cells.extend([off] * w)
        elif col:
            col -= 1
        rel = off - start
        if 0 <= rel < n_l2c and l2c[rel] < 0:
            l2c[rel] = col
    used = cell_len(visual)
    if len(cells) != used:  # grapheme-aware width differs (emoji ZWJ sequences)
        cells = (cells + [cells[-1] if cells else -1] * used)[:used]
    pad = max(0, width - used)
    right = rtl and mode != "off"
    if right:
        text = " " * pad + visual
        cells = [-1] * pad + cells
        l2c = [c + pad if c >= 0 else c for c in l2c]
    else:
        text = visual + " " * pad
        cells = cells + [-1] * pad
    last = l2c[0] if l2c and l2c[0] >= 0 else (pad if right else 0)
    for i, c in enumerate(l2c):
        if c < 0:
            l2c[i] = last
        else:
            last = c
    return LineShape(text, start, end, tuple(cells), tuple(l2c), used, right)


_cache: OrderedDict[tuple[str, int, str, str], tuple[LineShape, ...]] = OrderedDict()


def layout_paragraph(para: str, width: int, mode: str = "app", direction: Direction = "ltr") -> tuple[LineShape, ...]:
    """Rows of one paragraph (offsets relative to ``para``), cached (LRU)."""
    key = (para, width, mode, direction)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    para = visible_controls(para)  # the draw-time guard (docs/security.md); same length, same offsets
    width = max(1, width)
    rtl = direction == "rtl"
    pieces = _words(para, mode)
    rows = tuple(_build_line(line, width, mode, rtl, len(para)) for line in _wrap(pieces, width))
    _cache[key] = rows
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return rows


def clear_cache() -> None:
    _cache.clear()


@dataclass
class Layout:
    """The whole text laid out for one width and mode, paragraph by paragraph.

    Paragraphs are laid out on demand (``paragraph_lines``), so a widget can
    draw the first screen of a long article before the rest is computed;
    ``row_estimate`` gives a cheap row count for paragraphs not yet laid out.
    """

    text: str
    width: int
    mode: str = "app"
    direction: Direction | None = None
    language: str | None = None
    spans: list[tuple[int, int]] = field(init=False)
    _lines: dict[int, list[VisualLine]] = field(init=False, default_factory=dict)
    _doc_rtl: bool | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown bidi mode {self.mode!r}; use one of {', '.join(MODES)}")
        self.width = max(1, int(self.width))
        self.spans = paragraph_spans(self.text)

    def __len__(self) -> int:
        return len(self.spans)

    def paragraph_text(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def _document_rtl(self) -> bool:
        if self._doc_rtl is None:
            self._doc_rtl = document_direction(self.text, self.language) == "rtl"
        return self._doc_rtl

    def direction_of(self, i: int) -> Direction:
        """Override, else explicit marks, else the article's language (given or
        inferred from the whole text when RTL), else this paragraph's majority."""
        para = self.paragraph_text(i)
        if self.direction in ("rtl", "ltr"):
            return self.direction
        if self.mode == "off":
            return "ltr"
        explicit = explicit_direction(para)
        if explicit:
            return explicit
        if is_rtl_language(self.language) or self._document_rtl():
            return "rtl"
        return paragraph_direction(para, default="ltr")

    def paragraph_lines(self, i: int) -> list[VisualLine]:
        lines = self._lines.get(i)
        if lines is None:
            direction = self.direction_of(i)
            base = self.spans[i][0]
            rows = layout_paragraph(self.paragraph_text(i), self.width, self.mode, direction)
            eff: Direction = direction if self.mode != "off" else "ltr"
            lines = [VisualLine(r, i, base, eff) for r in rows]
            self._lines[i] = lines
        return lines

    def is_laid_out(self, i: int) -> bool:
        return i in self._lines

    def row_estimate(self, i: int) -> int:
        """Exact row count if laid out, else a cheap estimate from the width."""
        lines = self._lines.get(i)
        if lines is not None:
            return len(lines)
        s, e = self.spans[i]
        return max(1, -(-(e - s) // max(1, self.width - 4)))

    @property
    def lines(self) -> list[VisualLine]:
        """Every row of every paragraph, in order (lays out all)."""
        out: list[VisualLine] = []
        for i in range(len(self.spans)):
            out.extend(self.paragraph_lines(i))
        return out


def layout(
    text: str,
    width: int,
    mode: str = "app",
    direction: Direction | None = None,
    language: str | None = None,
) -> Layout:
    """Lay out ``text`` (already sanitised) for ``width`` cells. Lazy per paragraph."""
    return Layout(text, width, mode, direction, language)
