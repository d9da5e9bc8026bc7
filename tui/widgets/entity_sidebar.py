"""Entity sidebar: who, which organisation and where the open article mentions.

Data goes down (:meth:`EntitySidebar.show`, :meth:`EntitySidebar.set_library_counts`);
the sidebar never touches the store. Keys post messages up: ``enter`` posts
:class:`EntitySidebar.Jump` (the screen cycles through the mentions), the
correction keys post :class:`EntitySidebar.Correct`, ``A`` posts
:class:`EntitySidebar.ToggleMentions`. ``f`` is the screen's: it reads
:attr:`EntitySidebar.selected_entity`.

One row per entity: mentions in this article, the name (laid out by
``tui.rtl`` so Arabic, Persian and Hebrew read right-to-left, right-aligned)
with its English gloss beside it when known, and how many library articles
mention it (``12+`` while the library is still being read). Rows are grouped
People / Organisations / Places / Other, most salient first, and coloured
by type from the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.models import Entity
from tui.rtl.direction import paragraph_direction
from tui.rtl.line import visual_line
from tui.widgets.styles import component_style

GROUPS = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other"}
_COUNT_W = 3  # "12 " mentions here
_LIB_W = 4  # " 12+" articles in the library


class EntityOption(Option):
    """One entity row; carries the entity for the screen."""

    def __init__(self, prompt: Text, entity: Entity) -> None:
        super().__init__(prompt, id=entity.id)
        self.entity = entity


class EntitySidebar(OptionList):
    """Lists the article's entities; posts ``Jump``, ``Correct`` and ``ToggleMentions``."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    COMPONENT_CLASSES = {
        "entity-sidebar--per", "entity-sidebar--org", "entity-sidebar--loc", "entity-sidebar--misc",
        "entity-sidebar--group", "entity-sidebar--dim",
    }

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="entities.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up"),
        Binding("enter", "select", "Next mention", id="entities.jump"),
        Binding("R", "correct('rename')", "Rename entity", id="entities.rename"),
        Binding("Y", "correct('retype')", "Change entity type", show=False, id="entities.retype"),
        Binding("M", "correct('merge')", "Merge into another entity", show=False, id="entities.merge"),
        Binding("S", "correct('split')", "Split a spelling out", show=False, id="entities.split"),
        Binding("X", "correct('reject')", "Reject entity", id="entities.reject"),
        Binding("C", "correct('review')", "Review / undo corrections", show=False, id="entities.review"),
        Binding("A", "toggle_mentions", "Underline all mentions on/off", show=False, id="entities.all-mentions"),
    ]

    @dataclass
    class Jump(Message):
        """Show the next mention of this entity in the reader."""

        entity_id: str

    @dataclass
    class Correct(Message):
        """The analyst asked for a correction: rename, retype, merge, split, reject or review."""

        action: str
        entity: Entity | None

    @dataclass
    class ToggleMentions(Message):
        """Underline every mention in the reader, or only the current one."""

    bidi_mode: reactive[str] = reactive("app", init=False)
    """Bound to the main screen's mode (``data_bind``)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Entities"
        self.entities: list[Entity] = []
        self.library_counts: dict[str, int] = {}
        self.library_complete = False
        self.language: str | None = None
        self.placeholder = "Open an article to see who and what it mentions."
        self._width = 0

    # -- data down ---------------------------------------------------------

    def show(self, entities: list[Entity], *, counts: dict[str, int] | None = None, complete: bool = False,
             language: str | None = None, placeholder: str | None = None) -> None:
        """Replace the list; keeps the highlight on the same entity when it is still there."""
        self.entities = list(entities)
        self.library_counts, self.library_complete = dict(counts or {}), complete
        self.language = language
        if placeholder is not None:
            self.placeholder = placeholder
        self.border_subtitle = ""
        self._rebuild()

    def set_library_counts(self, counts: dict[str, int], complete: bool) -> None:
        """How many library articles mention each listed entity (partial while indexing)."""
        if counts == self.library_counts and complete == self.library_complete:
            return
        self.library_counts, self.library_complete = dict(counts), complete
        self._rebuild()

    def watch_bidi_mode(self) -> None:
        self._rebuild()

    def set_position(self, label: str) -> None:
        """``Trump 2/5`` under the box: which mention the reader shows."""
        self.border_subtitle = Text(label)  # holds an entity name: text, never markup

    @property
    def selected_entity(self) -> Entity | None:
        """The highlighted entity (``f`` filters by it; ``>``/``<`` step through its mentions)."""
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.entity if isinstance(option, EntityOption) else None

    def select_id(self, entity_id: str) -> bool:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == entity_id:
                self.highlighted = index
                return True
        return False

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
        return max(12, self.scrollable_content_region.width - 2)

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        keep = self.selected_entity.id if self.selected_entity else None
        self._width = width = self._row_width()
        options: list[Option] = []
        if not self.entities:
            options.append(Option(Text(self.placeholder, style="italic"), id="-empty", disabled=True))
        else:
            options.append(Option(self._legend(width), id="-legend", disabled=True))
        for kind, title in GROUPS.items():
            rows = [e for e in self.entities if e.type == kind]
            if rows:
                options.append(Option(self._group_row(kind, title, len(rows)), id=f"-group-{kind}", disabled=True))
                options.extend(EntityOption(self._row(e, width), e) for e in rows)
        self.set_options(options)
        if not (keep and self.select_id(keep)):
            first = next((i for i, o in enumerate(options) if isinstance(o, EntityOption)), None)
            self.highlighted = first

    def _style(self, component: str) -> Style:
        return component_style(self, component)

    def _legend(self, width: int) -> Text:
        left, right = "mentions", "in library"
        gap = max(1, width - len(left) - len(right))
        return Text(left + " " * gap + right, style=self._style("entity-sidebar--dim"), no_wrap=True)

    def _group_row(self, kind: str, title: str, n: int) -> Text:
        style = self._style("entity-sidebar--group") + self._style(f"entity-sidebar--{kind.lower()}")
        return Text(f"{title} ({n})", style=style, no_wrap=True, overflow="crop")

    def _row(self, entity: Entity, width: int) -> Text:
        colour = self._style(f"entity-sidebar--{entity.type.lower()}")
        dim = self._style("entity-sidebar--dim")
        label_w = max(4, width - _COUNT_W - _LIB_W)
        row = Text(no_wrap=True, overflow="crop")
        row.append(f"{entity.count:>{_COUNT_W - 1}} ", style=colour + Style(bold=True))
        for text, part in self._label(entity, label_w):
            row.append(text, style=colour if part == "name" else dim)
        row.append(self._library_cell(entity.id), style=dim)
        return row

    def _label(self, entity: Entity, width: int) -> list[tuple[str, str]]:
        """Name and gloss in ``width`` cells: an RTL name sits on the right, its gloss on the left."""
        name = visual_line(entity.name, width, self.bidi_mode, language=None)
        gloss = entity.gloss if entity.gloss and entity.gloss.casefold() != entity.name.casefold() else ""
        room = width - cell_len(name) - 1
        gloss_text = visual_line(gloss, room, self.bidi_mode, direction="ltr") if gloss and room >= 3 else ""
        rtl = self.bidi_mode != "off" and paragraph_direction(entity.name, None) == "rtl"
        pad = " " * max(0, width - cell_len(name) - cell_len(gloss_text) - (1 if gloss_text else 0))
        if rtl:
            return [(gloss_text, "gloss"), (" " if gloss_text else "", "gloss"), (pad, "gloss"), (name, "name")]
        return [(name, "name"), (" " if gloss_text else "", "gloss"), (gloss_text, "gloss"), (pad, "gloss")]

    def _library_cell(self, entity_id: str) -> str:
        n = self.library_counts.get(entity_id)
        if n is None:
            return " " * (_LIB_W - 1) + "·"
        text = f"{n}{'' if self.library_complete else '+'}"
        return text.rjust(_LIB_W)

    # -- messages up ---------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, EntityOption):
            self.post_message(self.Jump(event.option.entity.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_correct(self, action: str) -> None:
        entity = self.selected_entity
        if entity is None and action != "review":
            self.notify("Select an entity first (j / k).", severity="warning", timeout=3)
            return
        self.post_message(self.Correct(action, entity))

    def action_toggle_mentions(self) -> None:
        self.post_message(self.ToggleMentions())
