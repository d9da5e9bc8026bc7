"""A multi-line editor that draws each line as it is read: shaped, in visual
order, RTL lines right-aligned, each line in its own direction.

Textual's ``TextArea`` draws logical order, so an Arabic note is reversed
while it is written. Here the text is stored and edited in logical order
(a list of lines) and every line is laid out by ``tui.rtl.editing``, the
reader's engine with every typed space kept and long lines wrapped. The
cursor is a block on the visual cell of the logical insertion point;
Left/Right move visually (the rule at direction boundaries is in
``tui.rtl.editing``), Up/Down keep the column across wrapped rows. Selection
(shift+arrows, ctrl+a), undo/redo (ctrl+z / ctrl+y, word by word), cut/copy
and paste work in logical order. ``ctrl+s`` and ``escape`` are left to the
dialog that holds the editor; ``enter`` starts a new line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.rtl.editing import (
    EditRow,
    cursor_col,
    edit_rows,
    line_direction,
    move_visually,
    visual_stops,
)
from tui.widgets.bidi_input import styled_segments

__all__ = ["BidiTextArea"]

Pos = tuple[int, int]  # (line, offset in line), logical


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    row: EditRow


class BidiTextArea(ScrollView, can_focus=True):
    """Logical text, visual drawing; see the module docstring."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    COMPONENT_CLASSES = {"bidi-text-area--cursor", "bidi-text-area--selection", "bidi-text-area--placeholder"}

    # Editing and movement keys are handled in ``_on_key`` with the typed
    # characters, in arrival order (a binding's action would run after the
    # characters typed just before it when keys arrive in a burst, so an
    # enter could land after the next line's text). Listed here for help.
    BINDINGS = [
        Binding("ctrl+a", "select_all", "Select all", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False),
        Binding("ctrl+c", "copy", "Copy", show=False),
        Binding("ctrl+x", "cut", "Cut", show=False),
        Binding("ctrl+v", "paste", "Paste", show=False),
    ]
    _KEYS = {
        "left": ("move", -1, False), "right": ("move", 1, False),
        "shift+left": ("move", -1, True), "shift+right": ("move", 1, True),
        "up": ("vertical", -1, False), "down": ("vertical", 1, False),
        "shift+up": ("vertical", -1, True), "shift+down": ("vertical", 1, True),
        "home": ("line_edge", 0, False), "end": ("line_edge", 1, False),
        "shift+home": ("line_edge", 0, True), "shift+end": ("line_edge", 1, True),
        "backspace": ("delete", -1, False), "delete": ("delete", 1, False),
        "enter": ("newline", 0, False),
    }

    bidi_mode: reactive[str] = reactive("app")

    @dataclass
    class Changed(Message):
        """The text changed (every edit)."""

        text_area: BidiTextArea
        text: str

        @property
        def control(self) -> BidiTextArea:
            return self.text_area

    def __init__(self, text: str = "", *, placeholder: str = "", direction: str | None = None,
                 bidi_mode: str = "app", name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """``direction``: the direction of lines with no strong letter (an empty
        line, digits): "rtl" for an Arabic note; each other line takes its own."""
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(BidiTextArea.bidi_mode, bidi_mode)
        self.lines: list[str] = text.replace("\r\n", "\n").split("\n")
        self.cursor: Pos = (len(self.lines) - 1, len(self.lines[-1]))
        self.sel_anchor: Pos | None = None
        self.placeholder = placeholder
        self.default_direction = direction or "ltr"
        self._undo: list[tuple[str, Pos]] = []
        self._redo: list[tuple[str, Pos]] = []
        self._typing = False
        self._rows: list[_Row] = []
        self._line_first_row: list[int] = []
        self._width = 0

    # -- public API ---------------------------------------------------------------

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @text.setter
    def text(self, value: str) -> None:
        self.lines = value.replace("\r\n", "\n").split("\n")
        self.cursor = (len(self.lines) - 1, len(self.lines[-1]))
        self.sel_anchor = None
        self._changed(record=False)

    @property
    def selection(self) -> tuple[Pos, Pos] | None:
        """(start, end) in logical order, or None."""
        if self.sel_anchor is None or self.sel_anchor == self.cursor:
            return None
        return (min(self.sel_anchor, self.cursor), max(self.sel_anchor, self.cursor))

    @property
    def selected_text(self) -> str:
        sel = self.selection
        return self._slice(*sel) if sel else ""

    def insert(self, text: str) -> None:
        """Type or paste ``text`` at the cursor, replacing the selection."""
        self._record(typing=len(text) == 1 and not text.isspace())
        self._delete_selection()
        line, off = self.cursor
        cur = self.lines[line]
        parts = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").split("\n")
        if len(parts) == 1:
            self.lines[line] = cur[:off] + parts[0] + cur[off:]
            self.cursor = (line, off + len(parts[0]))
        else:
            first, *middle, last = parts
            self.lines[line:line + 1] = [cur[:off] + first, *middle, last + cur[off:]]
            self.cursor = (line + len(parts) - 1, len(last))
        self._changed()

    def watch_bidi_mode(self) -> None:
        self._relayout()

    # -- layout -------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(4, self.scrollable_content_region.width - 1)

    def _relayout(self) -> None:
        width = self._width = self._text_width()
        mode = self.bidi_mode if self.bidi_mode in ("app", "terminal", "off") else "app"
        rows: list[_Row] = []
        firsts: list[int] = []
        for i, line in enumerate(self.lines):
            firsts.append(len(rows))
            direction = line_direction(line, self.default_direction)
            rows.extend(_Row(i, r) for r in edit_rows(line, width, direction, mode))
        self._rows, self._line_first_row = rows, firsts
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.refresh()

    def _row_index(self, pos: Pos) -> int:
        line, off = pos
        first = self._line_first_row[line]
        last = self._line_first_row[line + 1] if line + 1 < len(self.lines) else len(self._rows)
        starts = [self._rows[k].row.shape.start for k in range(first, last)]
        return first + max(0, bisect.bisect_right(starts, off) - 1)

    def on_resize(self) -> None:
        if self._text_width() != self._width:
            self._relayout()

    def on_mount(self) -> None:
        self._relayout()

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._text_width() != self._width:  # sized after the last layout
            self._relayout()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._rows:
            return Strip.blank(width, base)
        if index == 0 and self.placeholder and self.lines == [""]:
            strip = self._placeholder_strip(base)
        elif index >= len(self._rows):
            return Strip.blank(width, base)
        else:
            strip = Strip(self._segments(index, base))
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _placeholder_strip(self, base: Style) -> Strip:
        row = self._rows[0].row
        placeholder = self.placeholder
        style = base + self.get_component_rich_style("bidi-text-area--placeholder")
        text = row.shape.text
        if row.shape.rtl:
            text = text[: max(0, len(text) - len(placeholder) - 1)] + placeholder + " "
        else:
            text = " " + placeholder
        styles = [style] * len(text)
        if self.has_focus:
            col = cursor_col(row, 0)
            if 0 <= col < len(styles):
                styles[col] = base + self.get_component_rich_style("bidi-text-area--cursor")
        return Strip(styled_segments(text, styles, base))

    def _segments(self, index: int, base: Style) -> list:
        r = self._rows[index]
        shape = r.row.shape
        styles = [base] * max(len(shape.cells), self._width + 1)
        sel = self.selection
        if sel is not None:
            sel_style = base + self.get_component_rich_style("bidi-text-area--selection")
            (la, oa), (lb, ob) = sel
            for col, off in enumerate(shape.cells):
                if off >= 0 and (la, oa) <= (r.line, off) < (lb, ob):
                    styles[col] = sel_style
            if la <= r.line < lb and r.row.last:  # the selected line break
                col = cursor_col(r.row, shape.end)
                if 0 <= col < len(styles):
                    styles[col] = sel_style
        text = shape.text
        if self.has_focus and self.cursor[0] == r.line and self._row_index(self.cursor) == index:
            col = cursor_col(r.row, self.cursor[1])
            if col >= len(text):
                text = text + " " * (col - len(text) + 1)
            styles[col] = styles[col] + self.get_component_rich_style("bidi-text-area--cursor")
        return styled_segments(text, styles, base)

    # -- editing helpers -------------------------------------------------------

    def _slice(self, a: Pos, b: Pos) -> str:
        if a[0] == b[0]:
            return self.lines[a[0]][a[1]:b[1]]
        out = [self.lines[a[0]][a[1]:]]
        out += self.lines[a[0] + 1:b[0]]
        out.append(self.lines[b[0]][:b[1]])
        return "\n".join(out)

    def _delete_range(self, a: Pos, b: Pos) -> None:
        head = self.lines[a[0]][:a[1]]
        tail = self.lines[b[0]][b[1]:]
        self.lines[a[0]:b[0] + 1] = [head + tail]
        self.cursor = a

    def _delete_selection(self) -> bool:
        sel = self.selection
        self.sel_anchor = None
        if sel is None:
            return False
        self._delete_range(*sel)
        return True

    def _record(self, typing: bool = False) -> None:
        if not (typing and self._typing):
            self._undo.append((self.text, self.cursor))
            del self._undo[:-200]
        self._redo.clear()
        self._typing = typing

    def _changed(self, record: bool = True) -> None:
        if self.is_mounted:
            self._relayout()
            self._scroll_to_cursor()
        self.post_message(self.Changed(self, self.text))

    def _moved(self) -> None:
        self._typing = False
        self.refresh()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if not self._rows:
            return
        row = self._row_index(self.cursor)
        col = cursor_col(self._rows[row].row, self.cursor[1])
        self.scroll_to_region(Region(col, row, 1, 1), animate=False, force=True)

    def _select(self, select: bool) -> None:
        if select and self.sel_anchor is None:
            self.sel_anchor = self.cursor
        elif not select:
            self.sel_anchor = None

    # -- keys ---------------------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        spec = self._KEYS.get(event.key)
        if spec is not None:
            event.stop()
            event.prevent_default()
            name, arg, select = spec
            if name == "newline":
                self.action_newline()
            elif name == "delete":
                self.action_delete(arg)
            else:
                getattr(self, f"action_{name}")(arg, select)
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.insert(event.character)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        if event.text:
            self.insert(event.text)

    def action_move(self, step: int, select: bool = False) -> None:
        if not select and self.selection is not None:
            a, b = self.selection
            ra, rb = self._row_index(a), self._row_index(b)
            ca = cursor_col(self._rows[ra].row, a[1])
            cb = cursor_col(self._rows[rb].row, b[1])
            left_first = (ra, ca) < (rb, cb) if ra != rb else ca < cb
            self.cursor = (a if left_first == (step < 0) else b) if ra == rb else (a if step < 0 else b)
            self.sel_anchor = None
            self._moved()
            return
        self._select(select)
        line, off = self.cursor
        first = self._line_first_row[line]
        last = self._line_first_row[line + 1] if line + 1 < len(self.lines) else len(self._rows)
        rows = [self._rows[k].row for k in range(first, last)]
        k = self._row_index(self.cursor) - first
        k2, new = move_visually(rows, k, off, step)
        if (k2, new) == (k, off):  # the edge of the line: go on to the next/previous line
            rtl = rows[k].shape.rtl
            forward = (step < 0) == rtl
            if forward and line + 1 < len(self.lines):
                self.cursor = (line + 1, 0)
            elif not forward and line > 0:
                self.cursor = (line - 1, len(self.lines[line - 1]))
        else:
            self.cursor = (line, new)
        self._moved()

    def action_vertical(self, step: int, select: bool = False) -> None:
        self._select(select)
        index = self._row_index(self.cursor)
        target = index + step
        if not 0 <= target < len(self._rows):
            self.cursor = (0, 0) if step < 0 else (len(self.lines) - 1, len(self.lines[-1]))
            self._moved()
            return
        col = cursor_col(self._rows[index].row, self.cursor[1])
        r = self._rows[target]
        stops = visual_stops(r.row)
        if not stops:
            self.cursor = (r.line, r.row.shape.start)
        else:
            self.cursor = (r.line, min(stops, key=lambda s: (abs(s[0] - col), s[0]))[1])
        self._moved()

    def action_line_edge(self, end: int, select: bool = False) -> None:
        self._select(select)
        line = self.cursor[0]
        self.cursor = (line, len(self.lines[line]) if end else 0)
        self._moved()

    def action_delete(self, step: int) -> None:
        self._record()
        if self._delete_selection():
            self._changed()
            return
        line, off = self.cursor
        if step < 0:
            if off > 0:
                self._delete_range((line, off - 1), (line, off))
            elif line > 0:
                self._delete_range((line - 1, len(self.lines[line - 1])), (line, 0))
            else:
                return
        else:
            if off < len(self.lines[line]):
                self._delete_range((line, off), (line, off + 1))
            elif line + 1 < len(self.lines):
                self._delete_range((line, off), (line + 1, 0))
            else:
                return
        self._changed()

    def action_newline(self) -> None:
        self.insert("\n")

    def action_select_all(self) -> None:
        self.sel_anchor = (0, 0)
        self.cursor = (len(self.lines) - 1, len(self.lines[-1]))
        self._moved()

    def _restore(self, text: str, cursor: Pos) -> None:
        self.lines = text.split("\n")
        self.cursor = cursor
        self.sel_anchor = None
        self._typing = False
        self._changed()

    def action_undo(self) -> None:
        if self._undo:
            self._redo.append((self.text, self.cursor))
            self._restore(*self._undo.pop())

    def action_redo(self) -> None:
        if self._redo:
            self._undo.append((self.text, self.cursor))
            self._restore(*self._redo.pop())

    def action_copy(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)

    def action_cut(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)
            self._record()
            self._delete_selection()
            self._changed()

    def action_paste(self) -> None:
        text = getattr(self.app, "clipboard", "")
        if text:
            self.insert(text)

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked character (or the nearest place on that row)."""
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        index = min(len(self._rows) - 1, int(self.scroll_offset.y) + offset.y)
        r = self._rows[index]
        stops = visual_stops(r.row)
        col = int(self.scroll_offset.x) + offset.x
        self.sel_anchor = None
        self.cursor = (r.line, min(stops, key=lambda s: abs(s[0] - col))[1] if stops else r.row.shape.start)
        self._moved()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
