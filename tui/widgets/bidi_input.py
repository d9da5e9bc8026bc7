"""A one-line input that draws Arabic, Persian and Hebrew as they are read.

Textual's ``Input`` draws its value in logical order, so an Arabic tag or
query shows reversed and unjoined while it is typed. ``BidiInput`` keeps all
of ``Input`` (value, messages, selection, paste, validation, bindings) and
changes only what is drawn and how Left/Right move: the value is laid out by
``tui.rtl.editing`` (shaped, visual order, an RTL value right-aligned), the
cursor is a block on the visual cell of the logical insertion point, and
Left/Right move it to the visually adjacent character (the rule is in
``tui.rtl.editing``'s docstring). ``ctrl+z`` / ``ctrl+y`` undo and redo,
word by word. A drop-in for ``Input``: ``isinstance(x, Input)`` holds and
``Input.Changed`` / ``Input.Submitted`` are posted as before.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import Input
from textual.widgets._input import Selection

from tui.rtl.editing import (
    EditRow,
    cursor_col,
    edit_rows,
    line_direction,
    move_visually,
)

__all__ = ["BidiInput", "styled_segments"]


def styled_segments(text: str, styles: list[Style], base: Style) -> list[Segment]:
    """``text`` cut into runs of equal style; ``styles[col]`` per cell."""
    segments: list[Segment] = []
    run: list[str] = []
    run_style: Style | None = None
    col = 0
    for ch in text:
        w = get_character_cell_size(ch)
        style = styles[col] if w and col < len(styles) else (run_style or base)
        if style is not run_style and run:
            segments.append(Segment("".join(run), run_style))
            run = []
        run_style = style
        run.append(ch)
        col += w
    if run:
        segments.append(Segment("".join(run), run_style))
    return segments


class BidiInput(Input):
    """``Input`` drawn through the bidi layout; see the module docstring."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    bidi_mode: reactive[str] = reactive("app", init=False)

    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False),
    ]

    def __init__(self, *args, direction: str | None = None, bidi_mode: str = "app", **kwargs) -> None:
        """``direction``: "rtl"/"ltr" for a value with no strong letter (None: the
        value decides, else LTR). ``bidi_mode``: app / terminal / off."""
        # Set before Input.__init__, which assigns the value (and so draws).
        self.default_direction = direction or "ltr"
        self._mode = bidi_mode
        self._undo: list[tuple[str, int]] = []
        self._redo: list[tuple[str, int]] = []
        self._last_value = ""
        self._restoring = True  # the initial value is not an undo step
        self._typing = False
        super().__init__(*args, **kwargs)
        self.set_reactive(BidiInput.bidi_mode, bidi_mode)
        self._last_value = self.value
        self._restoring = False

    # -- layout ---------------------------------------------------------------

    def _shown(self) -> str:
        """The value, or the completion offered for it (drawn faded after it)."""
        suggestion = self._suggestion
        if self.has_focus and len(suggestion) > len(self.value) and suggestion.startswith(self.value):
            return suggestion
        return self.value

    def _layout_width(self) -> int:
        width = max(2, self.scrollable_content_region.width)
        return max(width, cell_len(self._shown()) + 1)

    def _row(self) -> EditRow:
        text = self._shown()
        direction = line_direction(text, self.default_direction)
        mode = self._mode if self._mode in ("app", "terminal", "off") else "app"
        return edit_rows(text, self._layout_width(), direction, mode)[0]

    @property
    def _cursor_offset(self) -> int:
        if not self.value or self.password:
            return super()._cursor_offset
        return cursor_col(self._row(), self.cursor_position)

    @property
    def content_width(self) -> int:
        if not self.value or self.password:
            return super().content_width
        return self._layout_width()

    def _cell_offset_to_index(self, offset: int) -> int:
        if not self.value or self.password:
            return super()._cell_offset_to_index(offset)
        row = self._row()
        col = offset + int(self.scroll_offset.x)
        cells = row.shape.cells
        if 0 <= col < len(cells) and cells[col] >= 0:
            return cells[col]
        return len(self.value)

    # -- drawing --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.value or self.password:
            return super().render_line(y)
        row = self._row()
        base = self.rich_style
        styles = [base] * len(row.shape.cells)
        typed = len(self.value)
        if row.shape.end > typed:  # the completion's cells, faded
            faded = base + self.get_component_rich_style("input--suggestion")
            for col, off in enumerate(row.shape.cells):
                if off >= typed:
                    styles[col] = faded
        if self.has_focus:
            start, end = sorted(self.selection)
            if start != end:
                sel = self.get_component_rich_style("input--selection")
                for col, off in enumerate(row.shape.cells):
                    if start <= off < end:
                        styles[col] = base + sel
            if self._cursor_visible:
                col = cursor_col(row, self.cursor_position)
                if 0 <= col < len(styles):
                    styles[col] = styles[col] + self.get_component_rich_style("input--cursor")
        strip = Strip(styled_segments(row.shape.text, styles, base))
        width = self.scrollable_content_region.width
        scroll_x = int(self.scroll_offset.x)
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

    # -- visual cursor movement ----------------------------------------------

    def _visual_step(self, step: int, select: bool) -> None:
        if not self.value or self._mode == "off":
            (super().action_cursor_right if step > 0 else super().action_cursor_left)(select)
            return
        start, end = self.selection
        if not select and start != end:
            # Collapse the selection on the side the arrow points to, visually.
            row = self._row()
            a, b = sorted((start, end))
            ca, cb = cursor_col(row, a), cursor_col(row, b)
            self.cursor_position = a if (ca < cb) == (step < 0) else b
            return
        _, new = move_visually([self._row()], 0, end, step)
        self.selection = Selection(start, new) if select else Selection.cursor(new)

    def action_cursor_left(self, select: bool = False) -> None:
        self._visual_step(-1, select)

    def action_cursor_right(self, select: bool = False) -> None:
        if self.cursor_at_end and self._suggestion and not select:
            super().action_cursor_right(select)
            return
        self._visual_step(1, select)

    # -- undo / redo ------------------------------------------------------------

    def watch_value(self, value: str) -> None:
        """Record undo steps: a run of typed letters is one step (word by word)."""
        old, self._last_value = self._last_value, value
        if self._restoring or old == value:
            return
        self._redo.clear()
        typing = len(value) == len(old) + 1 and _one_insert(old, value) and not value[self.cursor_position:][:1].isspace()
        if not (typing and self._typing):
            self._undo.append((old, min(self.cursor_position, len(old))))
            del self._undo[:-200]
        self._typing = typing

    def _restore(self, value: str, cursor: int) -> None:
        self._restoring = True
        try:
            self.value = value
            self._last_value = value
            self.cursor_position = min(cursor, len(value))
        finally:
            self._restoring = False

    def action_undo(self) -> None:
        if self._undo:
            self._redo.append((self.value, self.cursor_position))
            self._restore(*self._undo.pop())
            self._typing = False

    def action_redo(self) -> None:
        if self._redo:
            self._undo.append((self.value, self.cursor_position))
            self._restore(*self._redo.pop())
            self._typing = False

    def watch_bidi_mode(self, mode: str) -> None:
        """B switches the mode live (the main screen binds its mode here)."""
        self._mode = mode
        self.refresh()

    def set_bidi_mode(self, mode: str) -> None:
        self.bidi_mode = mode


def _one_insert(old: str, new: str) -> bool:
    """True if ``new`` is ``old`` with one character inserted (typing)."""
    i = 0
    while i < len(old) and old[i] == new[i]:
        i += 1
    return old[i:] == new[i + 1:]
