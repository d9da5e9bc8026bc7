"""Search and filter actions of the main screen.

Owned by the search feature; the foundation only declares the hooks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.widgets.article_list import ListItem


class SearchActions:
    """Mixin for MainScreen."""

    def compose_search(self) -> Iterator:
        """Widgets above the article list (the search box)."""
        return iter(())

    def filtered_items(self, items: list[ListItem]) -> list[ListItem]:
        return items

    def filter_label(self) -> str:
        return ""

    def refresh_search_marks(self) -> None:
        """Hand the current search hits down to the reader as marks."""

    def action_search(self) -> None:
        self.notify("Search is not available yet.", severity="warning", timeout=3)  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        self.notify("Filters are not available yet.", severity="warning", timeout=3)  # type: ignore[attr-defined]

    def action_next_hit(self) -> None:
        pass

    def action_prev_hit(self) -> None:
        pass
