"""The help screen: every key, read from the live bindings so it never goes stale."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys inside dialogs are not bindings of any widget we own; list them by hand.
DIALOG_KEYS = [
    ("ctrl+s", "Note editor: save and close"),
    ("escape", "Dialogs: cancel; search box: clear"),
    ("enter", "Tag box: save; search box: go to the first match"),
    ("q", "Feeds screen, pick lists, yes/no questions: back (a letter in text boxes)"),
    ("ctrl+p", "Command palette: every action by name"),
]


def binding_rows(sources: list[tuple[str, list[Binding]]],
                 keymap: Mapping[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(where, keys, what, id) for every binding with a description, without repeats.

    Keys are the ones in force: the user's ``[keymap]`` wins over the default.
    """
    keymap = keymap or {}
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for where, bindings in sources:
        for b in bindings:
            if not b.description or (b.action, b.key) in seen:
                continue
            seen.add((b.action, b.key))
            keys = keymap.get(b.id or "") or b.key
            shown = b.key_display if keys == b.key and b.key_display else _pretty_keys(keys)
            rows.append((where, shown, b.description, b.id or ""))
    return rows


def _pretty_keys(keys: str) -> str:
    names = {"greater_than_sign": ">", "less_than_sign": "<", "left_square_bracket": "[",
             "right_square_bracket": "]", "question_mark": "?", "slash": "/"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen below, its widgets and the app."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=False)]
    rows: list[tuple[str, str, str]] = []
    """(where, keys, what) as listed, for tests and the palette."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-table")

    def _table(self) -> Table:
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        sources: list[tuple[str, list[Binding]]] = [
            ("Main", [b for b in type(below).BINDINGS if isinstance(b, Binding)])]
        for widget in below.query("*"):
            bindings = [b for b in type(widget).BINDINGS if isinstance(b, Binding)]
            if bindings and widget.id:
                sources.append((widget.id.replace("-", " ").title(), bindings))
        sources.append(("App", [b for b in type(self.app).BINDINGS if isinstance(b, Binding)]))
        table = Table(title="Marsad keys", expand=True, show_edge=False, box=None, padding=(0, 1))
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Action")
        table.add_column(Text("Id (settings.toml [keymap])"), style="dim", no_wrap=True)
        entries = binding_rows(sources, self._keymap()) + [("Dialogs", keys, what, "") for keys, what in DIALOG_KEYS]
        self.rows = [(where, keys, what) for where, keys, what, _ in entries]
        for where, keys, what, binding_id in entries:
            table.add_row(Text(where), Text(keys), Text(what), Text(binding_id))
        return table

    def _keymap(self) -> Mapping[str, str]:
        from tui.app import MarsadApp

        return self.app.keymap_ids if isinstance(self.app, MarsadApp) else {}
