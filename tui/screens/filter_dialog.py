"""The filter dialog (``f`` when no entity or tag is focused).

Edits a :class:`~tui.filters.Filter` and returns it; it never touches the
store or the settings file itself: the main screen applies the result and
saves a named view. A saved view can be picked from the top of the dialog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from tui.config import Config
from tui.filters import SORT_ORDERS, Filter

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TRISTATE = {"any": None, "yes": True, "no": False}


@dataclass
class FilterDialogResult:
    """The filter to apply, and the view name to save it under (if any)."""

    filter: Filter
    save_as: str = ""
    view_name: str = ""


class FilterDialog(ModalScreen[FilterDialogResult | None]):
    """Tag, source, language, dates, notes, read state, sort; saved views."""

    CSS_PATH = "filter_dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Apply"),
    ]

    def __init__(self, current: Filter, views: dict[str, Filter], sources: list[str],
                 languages: list[str], view_name: str = "") -> None:
        super().__init__()
        self.current = current
        self.views = views
        self.sources = sources
        self.languages = languages
        self.view_name = view_name

    def compose(self) -> ComposeResult:
        f = self.current
        with Vertical(id="filter-dialog"):
            yield Label("Filter the library", id="filter-title")
            with Grid(id="filter-grid"):
                yield Label("Saved view")
                yield Select(compact=True, options=[(name, name) for name in self.views], prompt="(none)",
                             id="view", value=self.view_name if self.view_name in self.views else Select.NULL)
                yield Label("Tags")
                yield Input(compact=True, value=", ".join(f.tags), placeholder="comma-separated, any of",
                            id="tags")
                yield Label("Sources")
                yield Input(compact=True, value=", ".join(f.sources), placeholder=_hint(self.sources),
                            id="sources")
                yield Label("Languages")
                yield Input(compact=True, value=", ".join(f.languages),
                            placeholder=_hint(self.languages) or "ar, fa, he, en", id="languages")
                yield Label("From date")
                yield Input(compact=True, value=f.date_from, placeholder="YYYY-MM-DD", id="date_from")
                yield Label("To date")
                yield Input(compact=True, value=f.date_to, placeholder="YYYY-MM-DD", id="date_to")
                yield Label("Has notes")
                yield Select(compact=True, options=[("with notes", "yes"), ("without notes", "no")], prompt="any",
                             value=_tri_key(f.has_notes), id="has_notes")
                yield Label("Read state")
                yield Select(compact=True, options=[("read", "yes"), ("unread", "no")], prompt="any",
                             value=_tri_key(f.read), id="read")
                yield Label("Sort")
                yield Select(compact=True, options=[(label, key) for key, label in SORT_ORDERS.items()],
                             value=f.sort, allow_blank=False, id="sort")
                yield Label("Save as view")
                yield Input(compact=True, placeholder="name (optional)", id="save_as")
            if f.entity:
                yield Label(f"Entity: {f.entity_label or f.entity} (kept; press f on it again to remove)",
                            id="filter-entity", markup=False)  # an entity name is text, never markup
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", compact=True, variant="primary", id="apply")
                yield Button("Clear all", compact=True, id="clear")
                yield Button("Delete view", compact=True, id="delete-view", disabled=not self.views)
                yield Button("Cancel", compact=True, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#tags", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "view" and event.value in self.views:
            self.view_name = str(event.value)
            self._load(self.views[self.view_name])

    def _load(self, f: Filter) -> None:
        self.query_one("#tags", Input).value = ", ".join(f.tags)
        self.query_one("#sources", Input).value = ", ".join(f.sources)
        self.query_one("#languages", Input).value = ", ".join(f.languages)
        self.query_one("#date_from", Input).value = f.date_from
        self.query_one("#date_to", Input).value = f.date_to
        self.query_one("#has_notes", Select).value = _tri_key(f.has_notes)
        self.query_one("#read", Select).value = _tri_key(f.read)
        self.query_one("#sort", Select).value = f.sort

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(FilterDialogResult(Filter()))
        elif event.button.id == "delete-view":
            self._delete_view()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        flt = self._read_form()
        if flt is not None:
            save_as = self.query_one("#save_as", Input).value.strip()
            self.dismiss(FilterDialogResult(flt, save_as, self.view_name))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _config(self) -> Config:
        """The app's settings (saved views live there)."""
        from tui.app import MarsadApp

        app = self.app
        assert isinstance(app, MarsadApp)
        return app.config

    def _delete_view(self) -> None:
        from tui.filters import delete_view

        name = self.view_name
        if name not in self.views:
            self.notify("Pick a saved view to delete first.", severity="warning")
            return
        delete_view(self._config(), name)
        del self.views[name]
        self.view_name = ""
        self.query_one("#view", Select).set_options([(n, n) for n in self.views])
        self.notify(f"Deleted view “{name}”.", timeout=2)

    def _read_form(self) -> Filter | None:
        """The form as a Filter, or None (with a message) when a date is malformed."""
        date_from = self.query_one("#date_from", Input).value.strip()
        date_to = self.query_one("#date_to", Input).value.strip()
        for value in (date_from, date_to):
            if value and not _DATE.match(value):
                self.notify(f"Dates look like 2026-03-14, not {value!r}.", severity="error")
                return None
        sort = self.query_one("#sort", Select).value
        return Filter(
            tags=_split(self.query_one("#tags", Input).value),
            entity=self.current.entity, entity_label=self.current.entity_label,
            sources=_split(self.query_one("#sources", Input).value),
            languages=tuple(v.lower() for v in _split(self.query_one("#languages", Input).value)),
            date_from=date_from, date_to=date_to,
            has_notes=_TRISTATE.get(str(self.query_one("#has_notes", Select).value)),
            read=_TRISTATE.get(str(self.query_one("#read", Select).value)),
            sort=str(sort) if sort in SORT_ORDERS else "newest",
        )


def _split(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))


def _hint(values: list[str], n: int = 3) -> str:
    return ", ".join(values[:n]) + (", …" if len(values) > n else "")


def _tri_key(value: bool | None):
    return Select.NULL if value is None else ("yes" if value else "no")
