"""Annotation panel: the current article's tags, notes and highlights, in text order.

Data goes down (:meth:`AnnotationPanel.show`); the panel never touches the
store. ``enter`` posts :class:`AnnotationPanel.Jump` so the screen can move
the reader to the highlight; the screen's ``n``/``t``/``d`` keys act on
:attr:`AnnotationPanel.selected` when the panel has focus.

Rows are laid out here, not by OptionList: each quote and note goes through
the bidi layout (``tui.rtl``) at the width OptionList will draw them (the
content region minus the option padding, re-measured whenever a scrollbar
comes or goes), so no row is ever re-wrapped by Rich: a re-wrapped RTL row
would show its words on the wrong line. Notes, quotes and tags are shown in
full (nothing cut at the end), each line of a note in the direction the
editor drew it (UAX #9 P2/P3). Rows are rebuilt on resize and when the bidi
mode changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.models import Annotation
from tui.rtl.direction import Direction, is_rtl_language
from tui.rtl.editing import line_direction
from tui.rtl.layout import layout_paragraph
from tui.rtl.line import visual_line
from tui.widgets.styles import component_style

QUOTE_LINES = 0  # 0: the whole quote
NOTE_LINES = 0  # 0: the whole note


class AnnotationOption(Option):
    """One annotation row; carries the annotation for the screen."""

    def __init__(self, prompt: Text, annotation: Annotation) -> None:
        super().__init__(prompt, id=annotation.id)
        self.annotation = annotation


class AnnotationPanel(OptionList):
    """Lists annotations; posts ``Jump`` on enter."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    @dataclass
    class Jump(Message):
        """The user wants to see this annotation in the reader."""

        annotation: Annotation

    bidi_mode: reactive[str] = reactive("app", init=False)
    """Bound to the main screen's mode (``data_bind``)."""

    COMPONENT_CLASSES = {"annotation-panel--orphaned", "annotation-panel--dim"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Notes"
        self.annotations: list[Annotation] = []
        self.article_tags: list[str] = []
        self.language: str | None = None
        self._width = 0

    # -- data down ---------------------------------------------------------

    def show(self, annotations: list[Annotation], article_tags: list[str] | None = None,
             language: str | None = None) -> None:
        """Replace what the panel lists; keeps the selection on the same annotation."""
        self.annotations = sorted(annotations, key=_text_order)
        self.article_tags = list(article_tags or [])
        self.language = language
        self._rebuild()

    def watch_bidi_mode(self) -> None:
        if self.is_mounted:
            self._rebuild()

    @property
    def selected(self) -> Annotation | None:
        """The highlighted annotation, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.annotation if isinstance(option, AnnotationOption) else None

    @property
    def selected_tag(self) -> str | None:
        """For ``f`` (MainScreen.action_filter): the selected annotation's first tag."""
        ann = self.selected
        return ann.tags[0] if ann is not None and ann.tags else None

    def select_id(self, annotation_id: str) -> None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == annotation_id:
                self.highlighted = index
                return

    # -- rows ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        """Rows carry the theme's colours in their Text: build them again in the new ones."""
        self.call_after_refresh(self._rebuild)

    def on_resize(self) -> None:
        if self._row_width() != self._width:
            self._rebuild()

    def _row_width(self) -> int:
        """The cells OptionList gives an option's text (region minus padding)."""
        padding = self.get_component_styles("option-list--option").padding
        return max(8, self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width)

    def render_lines(self, crop):
        # A scrollbar appearing narrows the content without a Resize event:
        # lay the rows out again for the width they will really have.
        if self._width and self._row_width() != self._width:
            self.call_after_refresh(self._rebuild)
        return super().render_lines(crop)

    def _rebuild(self) -> None:
        keep = self.selected.id if self.selected else None
        self._width = width = self._row_width()
        options: list[Option | None] = [Option(self._tags_row(width), id="-article-tags", disabled=True)]
        if not self.annotations:
            options.append(Option(Text("No notes yet: n writes one, v then h highlights.", style="italic"),
                                  id="-empty", disabled=True))
        for n, ann in enumerate(self.annotations):
            options.append(AnnotationOption(self._row(ann, width), ann))
            if n < len(self.annotations) - 1:
                options.append(None)  # a separator line
        self.set_options(options)
        if keep:
            self.select_id(keep)
        elif self.annotations:
            self.highlighted = 1

    def _tags_row(self, width: int) -> Text:
        if not self.article_tags:
            return Text("Article tags: none (t adds)", style=self._dim(), no_wrap=True, overflow="ellipsis")
        label = "Tags: "
        tags = visual_line(" · ".join(self.article_tags), width - len(label), self.bidi_mode, direction="ltr")
        return Text.assemble((label, "bold"), tags, no_wrap=True, overflow="crop")

    def _dim(self) -> Style:
        return component_style(self, "annotation-panel--dim")

    def _row(self, ann: Annotation, width: int) -> Text:
        row = Text(no_wrap=True, overflow="crop")
        if ann.kind == "highlight":
            head = "⚠ orphaned: not in the current text" if ann.orphaned else "▌ highlight"
            row.append(head + "\n", style=component_style(self, "annotation-panel--orphaned") if ann.orphaned
                       else "bold")
            self._append_block(row, ann.quote, width, QUOTE_LINES, "italic")
        else:
            row.append("✎ article note\n", style="bold")
        if ann.note.strip():
            if ann.kind == "highlight":
                row.append("\n")
            self._append_block(row, ann.note, width, NOTE_LINES, "")
        if ann.tags:
            row.append("\n")
            tags = self.visual_rows("# " + " · ".join(ann.tags), width, self.bidi_mode, direction="ltr")
            row.append("\n".join(tags), style=self._dim())
        return row

    def _append_block(self, row: Text, text: str, width: int, max_lines: int, style: str) -> None:
        """``text`` wrapped and laid out visually, at most ``max_lines`` rows."""
        lines = self.visual_rows(text, width, self.bidi_mode, self.language)
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines - 1] + ["…".rjust(width) if _is_rtl_rows(lines) else "…"]
        row.append("\n".join(lines), style=style)

    @staticmethod
    def visual_rows(text: str, width: int, mode: str, language: str | None = None,
                    direction: str | None = None) -> list[str]:
        """Each line of ``text`` laid out for ``width`` cells, RTL right-aligned.

        A line's direction is UAX #9 P2/P3 (as the note editor drew it), the
        language's for a line with no letters, or ``direction`` when given.
        """
        rows: list[str] = []
        fallback = "rtl" if is_rtl_language(language) else "ltr"
        for para in (p.strip() for p in text.replace("\r\n", "\n").split("\n")):
            if not para:
                continue
            if mode == "off":
                rows.extend(s.text.rstrip() for s in layout_paragraph(para, width, "off", "ltr"))
                continue
            line_dir: Direction = "rtl" if (direction or line_direction(para, fallback)) == "rtl" else "ltr"
            for shape in layout_paragraph(para, width, mode, line_dir):
                rows.append(shape.text.rstrip() if line_dir == "ltr" else _right(shape.text, width))
        return rows

    # -- messages up ---------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, AnnotationOption):
            self.post_message(self.Jump(event.option.annotation))


def _right(text: str, width: int) -> str:
    from rich.cells import cell_len

    text = text.rstrip()
    return " " * max(0, width - cell_len(text)) + text


def _is_rtl_rows(lines: list[str]) -> bool:
    return bool(lines) and lines[0][:1] == " "


def _text_order(a: Annotation) -> tuple[int, str, str]:
    return (a.start if a.kind == "highlight" and a.start is not None else -1, a.created, a.id)
