"""Layout and cursor rules for text being typed (notes, tags, search, dialogs).

Text the user types is stored and edited in logical order and drawn through
the same engine as the reader: the line's direction by UAX #9 P2/P3 (an
empty or neutral line takes the widget's default), levels over the whole
line, shaped, reordered per wrapped row, RTL rows right-aligned. Two things
differ from reading: every space the user typed is drawn (none collapsed, so
the cursor moves when a space is typed), and a row's trailing spaces hang at
its reading end instead of wrapping.

Cursor model (documented rule, as in browsers and Emacs): the insertion
point is a *logical* offset; it is drawn as a block on the character that
follows it in logical order, or, at the end of a line, on the cell just past
the line's last character in the line's reading direction (left of an RTL
line, right of an LTR one). Left/Right move the block to the visually
adjacent character on the row. At a boundary between an RTL and an LTR run
the two logical neighbours are far apart on screen, so the insertion point
stays logical: typing inserts before the character under the block. Past the
first or last position of a row, Left/Right step one character in logical
order onto the neighbouring row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.rtl.cells import cell_len
from tui.rtl.layout import (
    _DROP_UNDRAWN,
    LineShape,
    _app_line,
    _Piece,
    _place,
    _split_long,
)
from tui.rtl.paragraph import first_strong, isolate_identifiers, resolve

__all__ = ["EditRow", "edit_rows", "line_direction", "move_visually", "visual_stops"]

_TOKEN = re.compile(r"(?:[^\s]|[\u00a0\u202f\u2007])*[^\S\u00a0\u202f\u2007]*")


@dataclass(frozen=True, slots=True)
class EditRow:
    """One drawn row of a logical line: the laid-out shape and whether it is the line's last row."""

    shape: LineShape
    last: bool


def line_direction(text: str, default: str = "ltr") -> str:
    """P2/P3 on the line (identifiers isolated), else ``default``."""
    found = first_strong(isolate_identifiers(text)[0])
    return default if found is None else ("rtl" if found else "ltr")


@lru_cache(maxsize=512)
def edit_rows(text: str, width: int, direction: str = "ltr", mode: str = "app") -> tuple[EditRow, ...]:
    """Rows of one logical line being edited, wrapped at ``width`` cells.

    Offsets in the shapes are relative to ``text``; every offset of ``text``
    lies in exactly one row span, and the last row's span ends at len(text).
    """
    width = max(2, width)
    rtl = direction == "rtl"
    right = rtl and mode != "off"
    if not text:
        return (EditRow(_place([], [], 0, 0, width, right), True),)
    work, owner = isolate_identifiers(text) if mode == "app" else (text, list(range(len(text))))
    levels, shaped = resolve(work, rtl, mode == "app") if mode == "app" else ((), work)
    rows = []
    lines = _wrap_keep_spaces(work, shaped, width)
    for k, (a, b) in enumerate(lines):
        if mode == "app":
            chars, offs = _app_line_of(work, tuple(owner), levels, shaped, a, b, rtl)
        else:
            chars = [c for c in work[a:b]]
            offs = list(range(a, b))
        chars, offs = _fit_hanging(chars, offs, width, right)
        start = owner[a] if a < len(owner) else len(text)
        end = len(text) if k == len(lines) - 1 else (owner[b] if b < len(owner) else len(text))
        rows.append(EditRow(_place(chars, offs, start, end, width, right), k == len(lines) - 1))
    return tuple(rows)


def _app_line_of(work: str, owner: tuple[int, ...], levels: tuple[int, ...], shaped: str,
                 a: int, b: int, rtl: bool) -> tuple[list[str], list[int]]:
    from tui.rtl.paragraph import Prepared

    prep = Prepared(work, owner, (), len(work))
    return _app_line(prep, levels, shaped, a, b, rtl)


def _wrap_keep_spaces(work: str, shaped: str, width: int) -> list[tuple[int, int]]:
    """Greedy rows [a, b) over the working text; a word's following spaces
    stay on its row (they hang), a word wider than the row is split."""
    rows: list[tuple[int, int]] = []
    start, used = 0, 0
    pos = 0
    for m in _TOKEN.finditer(work):
        if m.start() == m.end():
            continue
        word_end = m.start() + len(m.group().rstrip(" \t"))
        if word_end == m.start():  # spaces only (leading spaces)
            used += m.end() - m.start()
            pos = m.end()
            continue
        drawn = shaped[m.start():word_end].translate(_DROP_UNDRAWN)
        w = cell_len(drawn)
        if used and used + w > width:
            rows.append((start, m.start()))
            start, used = m.start(), 0
        if w > width:
            piece = _Piece(m.start(), word_end, shaped[m.start():word_end], tuple(range(m.start(), word_end)), w)
            parts = _split_long(piece, width)
            for part in parts[:-1]:
                if part.ls > start:
                    rows.append((start, part.ls))
                    start = part.ls
                rows.append((start, part.le))
                start = part.le
            used = parts[-1].width
        else:
            used += w
        used += m.end() - word_end
        pos = m.end()
    rows.append((start, max(pos, len(work))))
    return [r for r in rows if r[1] > r[0]] or [(0, len(work))]


def _fit_hanging(chars: list[str], offs: list[int], width: int, right: bool) -> tuple[list[str], list[int]]:
    """Trailing spaces past the row's width are not drawn (they hang at the reading end)."""
    excess = cell_len("".join(chars)) - width
    if excess <= 0:
        return chars, offs
    chars, offs = list(chars), list(offs)
    end = 0 if right else -1
    while excess > 0 and chars and chars[end] == " ":
        chars.pop(end)
        offs.pop(end)
        excess -= 1
    return chars, offs


def visual_stops(row: EditRow) -> list[tuple[int, int]]:
    """(column, logical offset) of every place the block cursor can be on
    this row, left to right: each drawn character once, plus the end of the
    line on its last row."""
    shape = row.shape
    stops: dict[int, int] = {}
    seen: set[int] = set()
    for col, off in enumerate(shape.cells):
        if off >= 0 and off not in seen:
            seen.add(off)
            stops[col] = off
    if row.last:
        col = _end_col(shape)
        stops.setdefault(col, shape.end)
    return sorted(stops.items())


def _end_col(shape: LineShape) -> int:
    width = len(shape.cells)
    if shape.rtl:
        return max(0, width - shape.used - 1)
    return min(max(width - 1, 0), shape.used)


def cursor_col(row: EditRow, offset: int) -> int:
    """Column of the block cursor for logical ``offset`` on ``row``."""
    shape = row.shape
    if offset >= shape.end and row.last:
        return _end_col(shape)
    stops = visual_stops(row)
    for col, off in stops:
        if off == offset:
            return col
    # An offset with no cell of its own (a mark, a control, a lam under its
    # ligature): the block sits on the next character that has one.
    later = [(off, col) for col, off in stops if off > offset]
    if later:
        return min(later)[1]
    return stops[-1][0] if stops else 0


def move_visually(rows: list[EditRow], row_index: int, offset: int, step: int) -> tuple[int, int]:
    """(row index, offset) after one Left (step -1) or Right (+1) press."""
    row = rows[row_index]
    stops = visual_stops(row)
    col = cursor_col(row, offset)
    cols = [c for c, _ in stops]
    try:
        k = cols.index(col)
    except ValueError:
        k = min(range(len(cols)), key=lambda i: abs(cols[i] - col)) if cols else 0
    k2 = k + step
    if 0 <= k2 < len(stops):
        return row_index, stops[k2][1]
    # Off the row's edge: continue in reading order onto the neighbour row.
    forward = (step < 0) == row.shape.rtl
    if forward and row_index + 1 < len(rows):
        nxt = rows[row_index + 1]
        return row_index + 1, nxt.shape.start
    if not forward and row_index > 0:
        prev = rows[row_index - 1]
        return row_index - 1, max(prev.shape.start, prev.shape.end - 1)
    return row_index, offset
