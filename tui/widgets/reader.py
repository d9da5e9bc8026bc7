"""The reader pane: an article's title, metadata and body, laid out for RTL.

A Line-API ``ScrollView``: every row is a pre-laid-out visual line from
``tui.rtl`` (shaped, reordered, right-aligned), drawn as plain ``Segment``s so
article text is never parsed as markup. The cursor, the selection and all
marks are *logical* offsets into ``article.body``; each row carries a
cell->offset map, so they are drawn on the right glyphs in RTL and LTR runs.

Paragraphs are laid out on demand: opening or resizing lays out the screen
around the reading position first and finishes the rest in small slices, so
the first screen of a long article draws at once. The reading position (the
logical offset at the top of the pane) survives resizes and bidi-mode
switches.
"""

from __future__ import annotations

import bisect
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.models import Article, Direction
from tui.rtl.direction import paragraph_direction
from tui.rtl.layout import Layout, VisualLine, layout
from tui.rtl.marks import Mark
from tui.widgets.bidi_input import styled_segments

__all__ = ["Reader", "Mark"]

_SLICE_SECONDS = 0.012
_MARGIN = 1
CACHED_LINES = 512  # drawn screen lines kept: a few screens of scrolling back and forth
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?؟۔։።।]+[\"'»”)\]]*\s+")
_ENTITY_KINDS = {"PER": "reader--entity-per", "ORG": "reader--entity-org",
                 "LOC": "reader--entity-loc", "MISC": "reader--entity-misc"}


@dataclass
class _HeadRow:
    line: VisualLine | None
    text: str
    component: str


class Reader(ScrollView, can_focus=True):
    """Shows one article; keys scroll, move a logical cursor and select."""

    DEFAULT_CSS = Path(__file__).with_name("reader.tcss").read_text(encoding="utf-8")

    COMPONENT_CLASSES = {
        "reader--title", "reader--meta", "reader--rule", "reader--empty",
        "reader--highlight", "reader--search", "reader--entity",
        "reader--entity-per", "reader--entity-org", "reader--entity-loc", "reader--entity-misc",
        "reader--cursor", "reader--selection",
    }

    BINDINGS = [
        Binding("j,down", "scroll_rows(1)", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_rows(-1)", "Up", show=False, id="reader.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="reader.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reader.page-up"),
        Binding("home", "edge(0)", "Top", show=False, id="reader.top"),
        Binding("end", "edge(1)", "Bottom", show=False, id="reader.bottom"),
        Binding("left", "char(-1)", "Char", show=False, id="reader.char-left"),
        Binding("right", "char(1)", "Char", show=False, id="reader.char-right"),
        Binding("w", "word(1)", "Word", show=False, id="reader.word-next"),
        Binding("b", "word(-1)", "Word back", show=False, id="reader.word-prev"),
        Binding(")", "sentence(1)", "Sentence", show=False, id="reader.sentence-next"),
        Binding("(", "sentence(-1)", "Sentence back", show=False, id="reader.sentence-prev"),
        Binding("}", "paragraph(1)", "Paragraph", show=False, id="reader.paragraph-next"),
        Binding("{", "paragraph(-1)", "Paragraph back", show=False, id="reader.paragraph-prev"),
        Binding("v", "toggle_select", "Select", id="reader.select"),
        Binding("escape", "clear_selection", "Clear", show=False, id="reader.clear-selection"),
    ]

    bidi_mode: reactive[str] = reactive("app")
    direction_override: reactive[str | None] = reactive(None)

    @dataclass
    class SelectionChanged(Message):
        """The selection (logical body offsets, start < end) changed; None pair when cleared."""

        start: int | None
        end: int | None

    @dataclass
    class CursorMoved(Message):
        offset: int

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.cursor = 0
        self.sel_anchor: int | None = None
        self._marks: list[Mark] = []
        self._lay: Layout | None = None
        self._head: list[_HeadRow] = []
        self._counts: list[int] = []
        self._starts: list[int] = []
        self._todo: list[int] = []
        self._width = 0
        self._keep: int | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(CACHED_LINES)
        self._overrides: dict[str, str | None] = {}

    # -- public API ---------------------------------------------------------

    def show(self, article: Article | None) -> None:
        """Display ``article`` from its top (None: an empty pane)."""
        self.article = article
        self.cursor = 0
        self.sel_anchor = None
        self._marks = []
        self._keep = None
        # The article's stored direction (from its page or feed) is only the
        # fallback for paragraphs with no strong letter: every other paragraph
        # takes its own direction (UAX #9 P2/P3). The user's `D` override is
        # kept per article for the session.
        override = self._overrides.get(article.id) if article is not None else None
        self.set_reactive(Reader.direction_override, override)
        self._rebuild(keep=None)
        self.scroll_to(y=0, animate=False)
        if article is not None:
            spans = self._lay.spans if self._lay else []
            self.cursor = spans[0][0] if spans else 0

    @property
    def marks(self) -> list[Mark]:
        return self._marks

    @marks.setter
    def marks(self, value: list[Mark]) -> None:
        self._marks = sorted(value, key=lambda m: (m.start, m.end))
        self._strips.clear()
        self.refresh()

    @property
    def selection(self) -> tuple[int, int] | None:
        """Selected logical span of the body, whitespace trimmed, start < end."""
        if self.sel_anchor is None or self.article is None:
            return None
        body = self.article.body
        a, b = sorted((self.sel_anchor, self.cursor))
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        return (a, b) if a < b else None

    def clear_selection(self) -> None:
        if self.sel_anchor is not None:
            self.sel_anchor = None
            self._changed(selection=True)

    def jump_to(self, offset: int) -> None:
        """Move the cursor to ``offset`` and scroll it into view (centred)."""
        self._set_cursor(offset)
        row = self._row_of(self.cursor)
        if row is not None:
            self.scroll_to(y=max(0, row - self.scrollable_content_region.height // 3), animate=False)

    # -- reactive watchers --------------------------------------------------

    def watch_bidi_mode(self) -> None:
        self._rebuild(keep=self._top_offset())

    def watch_direction_override(self, value: str | None) -> None:
        if self.article is not None:
            self._overrides[self.article.id] = value
        self._rebuild(keep=self._top_offset())

    def on_resize(self) -> None:
        width = self._text_width()
        if width != self._width:
            self._rebuild(keep=self._top_offset())

    # -- layout -------------------------------------------------------------

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - 2 * _MARGIN)

    def _rebuild(self, keep: int | None) -> None:
        """Lay out again for the current width/mode, keeping ``keep`` at the top."""
        if not self.is_mounted:
            return
        self._width = width = self._text_width()
        self._strips.clear()
        self._head = []
        art = self.article
        if art is None:
            self._lay = None
            self._counts, self._starts, self._todo = [], [], []
            self.virtual_size = Size(self.scrollable_content_region.width, 1)
            self.refresh()
            return
        mode = self.bidi_mode if self.bidi_mode in ("app", "terminal", "off") else "app"
        direction = _direction(self.direction_override)
        language = art.language or None
        self._build_head(art, width, mode, direction, language)
        fallback = art.direction if art.direction in ("rtl", "ltr") else None
        self._lay = lay = layout(art.body, width, mode, direction, language, fallback)
        self._counts = [lay.row_estimate(i) for i in range(len(lay))]
        self._todo = list(range(len(lay)))
        first = self._para_of(keep) if keep is not None else 0
        # Lay out the reading position and a screenful after it now.
        need = self.scrollable_content_region.height + 2
        i = first
        while i < len(lay) and need > 0:
            need -= self._layout_para(i) + 1
            i += 1
        self._recount()
        self._restore(keep)
        if self._todo:
            self.call_after_refresh(self._continue_layout)

    def _build_head(self, art: Article, width: int, mode: str, direction: Direction | None,
                    language: str | None) -> None:
        if art.title.strip():
            # A headline is a label: an Arabic title that opens with a Latin
            # brand is still RTL (word majority), unless the user overrides.
            title_dir = direction or _direction(paragraph_direction(art.title, None))
            for line in layout(art.title, width, mode, title_dir, language).lines:
                self._head.append(_HeadRow(line, line.text, "reader--title"))
        # The date is isolated (LRI…PDI): after an Arabic source name the UBA
        # would otherwise draw 2026-04-10 as 10-04-2026.
        date = f"\u2066{art.published[:10]}\u2069" if art.published else ""
        meta = "  ·  ".join(x for x in (art.source, date, art.language) if x)
        if meta:
            for line in layout(meta, width, mode, None, language).lines:
                self._head.append(_HeadRow(line, line.text, "reader--meta"))
        self._head.append(_HeadRow(None, "─" * width, "reader--rule"))
        self._head.append(_HeadRow(None, "", ""))

    def _layout_para(self, i: int) -> int:
        assert self._lay is not None
        n = len(self._lay.paragraph_lines(i))
        self._counts[i] = n
        return n

    def _recount(self) -> None:
        starts, row = [], len(self._head)
        for n in self._counts:
            starts.append(row)
            row += n + 1
        self._starts = starts
        total = max(1, row - 1) if self._counts else len(self._head)
        self.virtual_size = Size(self.scrollable_content_region.width, total)

    def _continue_layout(self) -> None:
        """Finish the layout in slices, keeping the top offset still."""
        if self._lay is None or not self._todo:
            return
        keep = self._top_offset()
        deadline = time.perf_counter() + _SLICE_SECONDS
        changed = False
        while self._todo and time.perf_counter() < deadline:
            i = self._todo.pop(0)
            if not self._lay.is_laid_out(i):
                before = self._counts[i]
                changed |= self._layout_para(i) != before
        if changed:
            self._recount()
            self._strips.clear()
            self._restore(keep)
            self.refresh()
        if self._todo:
            self.set_timer(0.001, self._continue_layout)

    def _restore(self, keep: int | None) -> None:
        row = self._row_of(keep) if keep is not None else None
        self.scroll_to(y=row if row is not None else 0, animate=False, immediate=True)
        self.refresh()

    def _para_of(self, offset: int) -> int:
        assert self._lay is not None
        spans = self._lay.spans
        i = bisect.bisect_right([s for s, _ in spans], offset) - 1
        return max(0, min(i, len(spans) - 1))

    def _row_of(self, offset: int | None) -> int | None:
        """Row of the line showing ``offset`` (lays that paragraph out if needed)."""
        if offset is None or self._lay is None or not len(self._lay):
            return None
        i = self._para_of(offset)
        if not self._lay.is_laid_out(i):
            self._layout_para(i)
            self._recount()
        lines = self._lay.paragraph_lines(i)
        j = max(0, bisect.bisect_right([ln.start for ln in lines], offset) - 1)
        return self._starts[i] + j

    def _line_at(self, row: int) -> tuple[int, int] | None:
        """(paragraph, line) at ``row`` or None for header/blank rows."""
        if not self._starts or row < len(self._head):
            return None
        i = bisect.bisect_right(self._starts, row) - 1
        if i < 0:
            return None
        j = row - self._starts[i]
        assert self._lay is not None
        if not self._lay.is_laid_out(i):
            self._layout_para(i)
            self._recount()
            self.call_after_refresh(self.refresh)
        lines = self._lay.paragraph_lines(i)
        return (i, j) if j < len(lines) else None

    def _top_offset(self) -> int | None:
        """Logical offset of the first body line at the top of the view."""
        if self._lay is None or not self._starts:
            return None
        top = int(self.scroll_offset.y)
        if top < len(self._head):
            return None
        for row in range(top, top + 3):
            at = self._line_at(row)
            if at is not None:
                return self._lay.paragraph_lines(at[0])[at[1]].start
        return None

    # -- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._strips.set(row, strip)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_row(self, row: int) -> Strip:
        base = self.rich_style
        pad = Segment(" " * _MARGIN, base)
        if self.article is None:
            if row == 0:
                style = base + self.get_component_rich_style("reader--empty")
                return Strip([pad, Segment("No article selected.", style)])
            return Strip.blank(0, base)
        if row < len(self._head):
            head = self._head[row]
            style = base + self.get_component_rich_style(head.component) if head.component else base
            return Strip([pad, Segment(head.text, style)])
        at = self._line_at(row)
        if at is None or self._lay is None:
            return Strip.blank(0, base)
        line = self._lay.paragraph_lines(at[0])[at[1]]
        return Strip([pad, *self._line_segments(line, base), pad])

    def _line_segments(self, line: VisualLine, base: Style) -> list[Segment]:
        """The line's text split into styled runs by marks, selection, cursor."""
        styles = self._cell_styles(line, base)
        if styles is None:
            return [Segment(line.text, base)]
        return styled_segments(line.text, styles, base)

    def _cell_styles(self, line: VisualLine, base: Style) -> list[Style] | None:
        lo, hi = line.start, line.end
        spans: list[tuple[int, int, str]] = []
        for m in self._marks:
            if m.start > hi:
                break
            if m.end > lo and m.start < hi:
                spans.append((m.start, m.end, _component_for(m.kind)))
        sel = self.selection
        if sel and sel[1] > lo and sel[0] < hi:
            spans.append((sel[0], sel[1], "reader--selection"))
        cursor_here = self.has_focus and lo <= self.cursor <= hi and self._cursor_line_is(line)
        if not spans and not cursor_here:
            return None
        cells = line.shape.cells
        styles = [base] * len(cells)
        cache: dict[str, Style] = {}
        for s, e, comp in spans:
            st = cache.get(comp) or cache.setdefault(comp, self.get_component_rich_style(comp))
            for col, rel in enumerate(cells):
                if rel >= 0 and s <= rel + line.base < e:
                    styles[col] = styles[col] + st
        if cursor_here:
            col = line.logical_to_cell(self.cursor)
            if 0 <= col < len(styles):
                styles[col] = styles[col] + self.get_component_rich_style("reader--cursor")
        return styles

    def _cursor_line_is(self, line: VisualLine) -> bool:
        """The cursor is drawn on one line only: the one whose span holds it."""
        if self._lay is None:
            return False
        lines = self._lay.paragraph_lines(line.para)
        k = lines.index(line) if line in lines else -1
        nxt = lines[k + 1].start if 0 <= k < len(lines) - 1 else None
        return line.start <= self.cursor and (nxt is None or self.cursor < nxt)

    # -- cursor and selection ------------------------------------------------

    def _body(self) -> str:
        return self.article.body if self.article else ""

    def _set_cursor(self, offset: int) -> None:
        body = self._body()
        offset = max(0, min(offset, len(body)))
        # Never rest on a combining mark (step back to its letter) nor on an
        # invisible format character (RLM, isolates, ZWNJ: step on to the
        # next visible character, so w/b never stick on a word that starts
        # with one).
        while 0 < offset < len(body) and _is_mark(body[offset]):
            offset -= 1
        while offset < len(body) and _is_invisible(body[offset]):
            offset += 1
        if offset == self.cursor:
            return
        old = self._row_of(self.cursor)
        self.cursor = offset
        self._refresh_rows(old, self._row_of(offset), all_rows=self.sel_anchor is not None)
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(offset))
        if self.sel_anchor is not None:
            self.post_message(self.SelectionChanged(*(self.selection or (None, None))))

    def scroll_to_cursor(self) -> None:
        row = self._row_of(self.cursor)
        if row is None:
            return
        top, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def _refresh_rows(self, *rows: int | None, all_rows: bool = False) -> None:
        if all_rows:
            self._strips.clear()
            self.refresh()
            return
        for row in rows:
            if row is not None:
                self._strips.discard(row)
                self.refresh_line(row - int(self.scroll_offset.y))

    def _changed(self, selection: bool = False) -> None:
        self._strips.clear()
        self.refresh()
        if selection:
            sel = self.selection
            self.post_message(self.SelectionChanged(*(sel or (None, None))))

    def _ensure_cursor_visible_for_selection(self) -> None:
        row = self._row_of(self.cursor)
        top, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        if row is None or not top <= row < top + height:
            first = self._top_offset()
            if first is not None:
                self.cursor = first

    def _reading_rtl(self) -> bool:
        if self._lay is None or not len(self._lay):
            return False
        line = self._lay.paragraph_lines(self._para_of(self.cursor))
        return bool(line) and line[0].shape.rtl

    # -- actions ------------------------------------------------------------

    def action_scroll_rows(self, n: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + n, animate=False)

    def action_page(self, n: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + n * max(1, self.scrollable_content_region.height - 1), animate=False)

    def action_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False)

    def action_char(self, step: int) -> None:
        """Left/right follow the reading direction: in RTL text, left is forward."""
        if self._reading_rtl() and self.bidi_mode != "off":
            step = -step
        body = self._body()
        pos = self.cursor + step
        while 0 < pos < len(body) and (body[pos] == "\n" or get_character_cell_size(body[pos]) == 0
                                       and not body[pos].isspace()):
            pos += step
        self._set_cursor(pos)

    def action_word(self, step: int) -> None:
        """Next/previous word start: its first *visible* character."""
        body = self._body()
        starts = []
        for m in _WORD.finditer(body):
            i = m.start()
            while i < m.end() and _is_invisible(body[i]):
                i += 1
            if i < m.end():
                starts.append(i)
        self._jump_in(starts, step)

    def action_sentence(self, step: int) -> None:
        body = self._body()
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(body)]
        if self._lay is not None:
            starts += [s for s, _ in self._lay.spans]
        self._jump_in(sorted(set(starts)), step)

    def action_paragraph(self, step: int) -> None:
        if self._lay is not None:
            self._jump_in([s for s, _ in self._lay.spans], step)

    def _jump_in(self, starts: list[int], step: int) -> None:
        if not starts:
            return
        if step > 0:
            k = bisect.bisect_right(starts, self.cursor)
            self._set_cursor(starts[k] if k < len(starts) else len(self._body()))
        else:
            k = bisect.bisect_left(starts, self.cursor) - 1
            self._set_cursor(starts[k] if k >= 0 else 0)

    def action_toggle_select(self) -> None:
        if self.article is None:
            return
        if self.sel_anchor is None:
            self._ensure_cursor_visible_for_selection()
            self.sel_anchor = self.cursor
        else:
            self.sel_anchor = None
        self._changed(selection=True)

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def notify_style_update(self) -> None:
        """A theme switch (or any CSS change): drawn lines carry old colours, so drop them."""
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def _is_invisible(ch: str) -> bool:
    """Zero-width and not a combining mark: bidi controls, ZWJ/ZWNJ, ZWSP."""
    return unicodedata.category(ch) == "Cf"


def _direction(value: str | None) -> Direction | None:
    """``"rtl"``/``"ltr"`` as the layout's literal type; anything else (automatic) is None."""
    return "rtl" if value == "rtl" else "ltr" if value == "ltr" else None


def _component_for(kind: str) -> str:
    if kind in _ENTITY_KINDS:
        return _ENTITY_KINDS[kind]
    if kind in ("highlight", "search", "entity"):
        return f"reader--{kind}"
    return "reader--highlight"
