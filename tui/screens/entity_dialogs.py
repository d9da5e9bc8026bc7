"""Dialogs for entity corrections: rename, and one picker for type, merge target, split, review.

Each returns its answer through ``dismiss`` (``None`` = cancelled); the main
screen, which alone writes the store, turns it into a correction. Names are
typed in logical order (Input does no bidi); a preview line shows an RTL name
as the sidebar will draw it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.rtl.line import visual_line
from tui.widgets.bidi_input import BidiInput

PREVIEW_WIDTH = 56


class RenameDialog(ModalScreen[str | None]):
    """A new display name for an entity; ``enter`` saves, ``escape`` cancels."""

    CSS_PATH = "entity_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, name: str, title: str, mode: str = "app") -> None:
        super().__init__()
        self.current, self.title_text, self.mode = name, title, mode

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog"):
            yield Label(self.title_text, id="entity-dialog-title", markup=False)
            yield BidiInput(self.current, id="entity-name", bidi_mode=self.mode)
            yield Static(self._preview(self.current), id="entity-preview", markup=False)
            yield Label("enter save · escape cancel · applies in every article", classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _preview(self, value: str) -> Text:
        return Text(visual_line(value, PREVIEW_WIDTH, self.mode, align=True), no_wrap=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#entity-preview", Static).update(self._preview(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = " ".join(event.value.split())
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of ``choices`` (id, label): ``enter`` picks, ``escape`` cancels."""

    CSS_PATH = "entity_dialogs.tcss"
    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", priority=True),
        Binding("j", "down", show=False),
        Binding("k", "up", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, Text | str]], hint: str = "",
                 current: str | None = None) -> None:
        super().__init__()
        self.title_text, self.choices, self.hint, self.current = title, choices, hint, current

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog"):
            yield Label(self.title_text, id="entity-dialog-title", markup=False)
            yield OptionList(*[Option(label, id=key) for key, label in self.choices], id="entity-choices")
            yield Label(self.hint or "enter pick · q / escape cancel", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        keys = [key for key, _ in self.choices]
        options.highlighted = keys.index(self.current) if self.current in keys else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
