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

from tui.rtl.bidi import BIDI_CONTROLS, MIRRORS, reorder_line
from tui.rtl.cells import cell_len, char_cells, split_graphemes
from tui.rtl.direction import Direction, document_direction, is_rtl_language
from tui.rtl.joining import FILLER
from tui.rtl.paragraph import Prepared, first_strong, prepare, resolve
from tui.text.sanitize import visible_controls

__all__ = ["MODES", "Layout", "LineShape", "VisualLine", "layout", "layout_paragraph", "paragraph_spans"]

Mode = Literal["app", "terminal", "off"]
MODES: tuple[str, ...] = ("app", "terminal", "off")

_WORD = re.compile(r"(?:[^\s]|[\u00a0\u202f\u2007])+")
_LINE = re.compile(r"[^\n]+")
_CACHE_SIZE = 4096
_LAM_ALEF = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))


@lru_cache(maxsize=8192)
def _char_cells(ch: str) -> int:
    return 0 if ch in BIDI_CONTROLS else char_cells(ch)


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
    """(start, end) of each paragraph: non-empty lines, breakable white space
    trimmed (a no-break space at either end is kept: it is drawn)."""
    spans = []
    for m in _LINE.finditer(text):
        words = list(_WORD.finditer(m.group()))
        if words:
            spans.append((m.start() + words[0].start(), m.start() + words[-1].end()))
    return spans


_UNDRAWN = frozenset(BIDI_CONTROLS | {FILLER})
_ISOLATING = re.compile("[\u202a-\u202e\u2066-\u2069]")
_DROP_UNDRAWN = dict.fromkeys(map(ord, _UNDRAWN))


def _drawn(ch: str) -> bool:
    """False for what app mode never draws: bidi controls, lam-alef fillers."""
    return ch not in BIDI_CONTROLS and ch != FILLER


def _app_pieces(prep: Prepared, shaped: str) -> list[_Piece]:
    """Each word of the working text with the cells its shaped form takes.

    ``ls``/``le`` and ``s2l`` are *working* indices here; lines map them to
    paragraph offsets through ``prep.owner`` once reordered.
    """
    out = []
    for a, b in prep.words:
        word = shaped[a:b]
        out.append(_Piece(a, b, word, tuple(range(a, b)), cell_len(word.translate(_DROP_UNDRAWN))))
    return out


def _logical_pieces(para: str) -> list[_Piece]:
    return [_Piece(m.start(), m.end(), m.group(), tuple(range(m.start(), m.end())), cell_len(m.group()))
            for m in _WORD.finditer(para)]


def _split_long(piece: _Piece, width: int) -> list[_Piece]:
    """Break an over-long word between grapheme clusters, never inside one."""
    keep = [k for k, ch in enumerate(piece.shaped) if _drawn(ch)]
    drawn = "".join(piece.shaped[k] for k in keep)
    spans, _ = split_graphemes(drawn)
    out: list[_Piece] = []
    a = 0  # index into piece.shaped where the current part starts
    used = 0
    for gs, _ge, gw in spans:
        start = keep[gs]
        if used + gw > width and used > 0:
            out.append(_sub_piece(piece, a, start, used))
            a, used = start, 0
        used += gw
    out.append(_sub_piece(piece, a, len(piece.shaped), used))
    return out


def _sub_piece(piece: _Piece, a: int, b: int, width: int) -> _Piece:
    s2l = piece.s2l[a:b]
    ls = s2l[0] if s2l else piece.ls
    le = piece.s2l[b] if b < len(piece.s2l) else piece.le
    return _Piece(ls, le, piece.shaped[a:b], s2l, width)


def _wrap(pieces: list[_Piece], width: int, drawn_width=None) -> list[list[_Piece]]:
    """Greedy fill: as many words per row as fit, one space between them.

    ``drawn_width(a, b)``, when given, measures a candidate row exactly; it is
    asked only when the row would be one cell too wide, since reordering
    around isolates can carry the joining space to the row's end, where it
    is not drawn.
    """
    lines: list[list[_Piece]] = []
    cur: list[_Piece] = []
    used = 0
    unsure = False  # a ZWJ in the row: Rich joins ZWJ + digit into one cell, reordering may part them
    for piece in pieces:
        zwj = drawn_width is not None and "\u200d" in piece.shaped
        too_long = piece.width > width or (zwj and drawn_width(piece.ls, piece.le) > width)
        parts = _split_long(piece, width) if too_long else [piece]
        for k, part in enumerate(parts):
            glued = k > 0  # the rest of an over-long word starts its own row
            need = part.width if not cur else used + 1 + part.width
            if cur and not glued and need == width + 1 and drawn_width is not None \
                    and drawn_width(cur[0].ls, part.le) <= width:
                need = width
            elif cur and not glued and (unsure or zwj) and need <= width:
                need = max(need, drawn_width(cur[0].ls, part.le))
            if cur and (need > width or glued):
                lines.append(cur)
                cur, used, unsure = [part], part.width, zwj
            else:
                cur.append(part)
                used, unsure = need, unsure or zwj
    if cur:
        lines.append(cur)
    return lines


def _app_line(prep: Prepared, levels: tuple[int, ...], shaped: str, a: int, b: int,
              rtl: bool) -> tuple[list[str], list[int]]:
    """Visual characters of working span [a, b) and their paragraph offsets."""
    text = prep.text[a:b]
    sh = shaped[a:b]
    lv = list(levels[a:b])
    order = reorder_line(text, lv, rtl)
    own = list(prep.owner[a:b])
    if FILLER in sh:
        # A lam-alef glyph stands at the alef; its cell belongs to the lam,
        # where the word's letters start (the alef maps to the same cell).
        for k in range(1, len(sh)):
            if sh[k - 1] == FILLER and sh[k] in _LAM_ALEF:
                own[k] = own[k - 1]
    present = set(sh)
    if present.isdisjoint(_UNDRAWN) and _UNDRAWN.isdisjoint(text):
        keep = order
    else:
        undrawn = _UNDRAWN
        keep = [k for k in order if sh[k] not in undrawn and text[k] not in undrawn]
    chars = [sh[k] for k in keep]
    if not present.isdisjoint(MIRRORS):
        get = MIRRORS.get
        chars = [get(ch, ch) if lv[k] & 1 else ch for ch, k in zip(chars, keep)]
    return chars, [own[k] for k in keep]


def _strip_ends(chars: list[str], offs: list[int]) -> tuple[list[str], list[int]]:
    """No space at either visual end of a row: it would read as misalignment
    (a space inside an isolate can land there after reordering)."""
    i, j = 0, len(chars)
    while i < j and chars[i] == " ":
        i += 1
    while j > i and chars[j - 1] == " ":
        j -= 1
    return chars[i:j], offs[i:j]


def _place(chars: list[str], offs: list[int], start: int, end: int, width: int, right: bool) -> LineShape:
    """Cells and maps of one visual row, padded to ``width``."""
    visual = "".join(chars)
    l2c = [-1] * (end - start)
    n_l2c = len(l2c)
    widths = list(map(_char_cells, chars))
    if not widths or min(widths) == max(widths) == 1:  # every glyph one cell
        cells = list(offs)
        for col, off in enumerate(offs):
            rel = off - start
            if 0 <= rel < n_l2c and l2c[rel] < 0:
                l2c[rel] = col
    else:
        cells = []
        for w, off in zip(widths, offs):
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
    if len(cells) != used:  # grapheme-aware width differs (emoji sequences)
        cells = (cells + [cells[-1] if cells else -1] * used)[:used]
    pad = max(0, width - used)
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


def _layout_app(para: str, width: int, rtl: bool) -> tuple[LineShape, ...]:
    prep = prepare(para)
    levels, shaped = resolve(prep.text, rtl)
    rows = []
    owner = prep.owner
    def drawn_width(a: int, b: int) -> int:
        return cell_len("".join(_strip_ends(*_app_line(prep, levels, shaped, a, b, rtl))[0]))

    exact = drawn_width if _ISOLATING.search(prep.text) or "\u200d" in prep.text else None
    for line in _wrap(_app_pieces(prep, shaped), width, exact):
        a, b = line[0].ls, line[-1].le
        chars, offs = _strip_ends(*_app_line(prep, levels, shaped, a, b, rtl))
        start = owner[a] if a < len(owner) else prep.para_len
        end = owner[b - 1] + 1 if b > a else start
        rows.append(_place(chars, offs, start, end, width, rtl))
    return tuple(rows)


def _layout_logical(para: str, width: int, mode: str, rtl: bool) -> tuple[LineShape, ...]:
    """terminal/off: logical order (the terminal reorders, or nobody does)."""
    rows = []
    for line in _wrap(_logical_pieces(para), width):
        chars: list[str] = []
        offs: list[int] = []
        for k, p in enumerate(line):
            if k and p.ls != line[k - 1].le:
                chars.append(" ")
                offs.append(line[k - 1].le)
            chars.extend(p.shaped)
            offs.extend(p.s2l)
        rows.append(_place(chars, offs, line[0].ls, line[-1].le, width, rtl and mode != "off"))
    return tuple(rows)


_cache: OrderedDict[tuple[str, int, str, str, bool], tuple[LineShape, ...]] = OrderedDict()


def layout_paragraph(para: str, width: int, mode: str = "app", direction: Direction = "ltr",
                     honour_overrides: bool = False) -> tuple[LineShape, ...]:
    """Rows of one paragraph (offsets relative to ``para``), cached (LRU).

    ``direction`` is the paragraph's resolved direction (see
    ``Layout.direction_of``): levels are resolved over the whole paragraph
    at that direction, then each wrapped row is reordered on its own.

    ``honour_overrides``: LRO/RLO reorder their run as UAX #9 says (``marsad
    render`` of a file the user names). Otherwise the draw-time guard shows
    them as U+FFFD: text from outside must not silently reverse itself
    (docs/security.md); the ingest door already replaced them in the store.
    """
    key = (para, width, mode, direction, honour_overrides)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    # The draw-time guard (docs/security.md); same length, same offsets. Overrides
    # are never printed: in app mode they are resolved here, else shown as U+FFFD.
    para = visible_controls(para, keep_overrides=honour_overrides and mode == "app")
    width = max(1, width)
    rtl = direction == "rtl"
    if not para.strip():
        rows: tuple[LineShape, ...] = (_place([], [], 0, len(para), width, rtl and mode != "off"),)
    elif mode == "app":
        rows = _layout_app(para, width, rtl)
    else:
        rows = _layout_logical(para, width, mode, rtl)
    if not rows:  # a paragraph of direction marks only: one empty row
        rows = (_place([], [], 0, len(para), width, rtl and mode != "off"),)
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
    fallback: Direction | None = None
    honour_overrides: bool = False
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
        """The user's override, else UAX #9 P2/P3 (first strong letter, skipping
        isolates, with URLs/handles isolated), else the article's direction
        (``fallback``, its language, or the word majority of the whole text)
        for a paragraph with no strong letter at all."""
        if self.direction in ("rtl", "ltr"):
            return self.direction
        if self.mode == "off":
            return "ltr"
        found = first_strong(prepare(self.paragraph_text(i)).text)
        if found is not None:
            return "rtl" if found else "ltr"
        return "rtl" if self.article_rtl() else "ltr"

    def article_rtl(self) -> bool:
        """The article's own direction: given, else its language, else the majority."""
        if self.fallback in ("rtl", "ltr"):
            return self.fallback == "rtl"
        if self.language:
            return is_rtl_language(self.language)
        return self._document_rtl()

    def paragraph_lines(self, i: int) -> list[VisualLine]:
        lines = self._lines.get(i)
        if lines is None:
            direction = self.direction_of(i)
            base = self.spans[i][0]
            rows = layout_paragraph(self.paragraph_text(i), self.width, self.mode, direction,
                                    self.honour_overrides)
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
    fallback: Direction | None = None,
    honour_overrides: bool = False,
) -> Layout:
    """Lay out ``text`` (already sanitised) for ``width`` cells. Lazy per paragraph.

    ``direction`` overrides every paragraph's direction (the user's ``D``);
    ``fallback`` is the article's direction, used only for paragraphs with no
    strong letter (as is ``language``); ``honour_overrides`` as in
    :func:`layout_paragraph`."""
    return Layout(text, width, mode, direction, language, fallback, honour_overrides)
