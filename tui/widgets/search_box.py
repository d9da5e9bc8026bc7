"""The search box above the article list: hidden until ``/``.

Thin: it only turns keystrokes into messages. A ``BidiInput``: an Arabic,
Persian or Hebrew query is drawn shaped and in visual order as it is typed. The screen owns the index and
decides what the list shows. It posts its own messages (``QueryChanged``,
not a bubbling ``Input.Changed``; ``Input`` already owns that name), so the
screen's handlers cannot collide with another ``Input`` on the screen, such
as the annotation panel's tag box.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from tui.widgets.bidi_input import BidiInput


class SearchBox(BidiInput):
    """Type to filter; ``enter`` goes to the first match; ``escape`` clears."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    BINDINGS = [Binding("escape", "clear_search", "Clear search", show=False)]

    @dataclass
    class QueryChanged(Message):
        """The query text changed (every keystroke)."""

        value: str

    @dataclass
    class QuerySubmitted(Message):
        """``enter``: the user wants to go to the results."""

        value: str

    class Cleared(Message):
        """``escape``: the search is over."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search: words, \"a phrase\"  (esc clears)", id=id, classes="hidden")
        self.cursor_blink = False

    def open(self) -> None:
        """Show and focus the box, text selected so typing replaces the last query."""
        self.remove_class("hidden")
        self.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.QuerySubmitted(event.value))

    def action_clear_search(self) -> None:
        with self.prevent(Input.Changed):
            self.value = ""
        self.add_class("hidden")
        self.post_message(self.Cleared())
