"""Entity actions of the main screen: fill the sidebar, jump to mentions.

Owned by the entities feature; the foundation only declares the hooks.
"""

from __future__ import annotations


class EntityActions:
    """Mixin for MainScreen."""

    def refresh_entities(self) -> None:
        """Hand the current article's entities down to the sidebar."""

    def action_focus_entities(self) -> None:
        from tui.widgets.entity_sidebar import EntitySidebar

        right = self.query_one("#right")  # type: ignore[attr-defined]
        right.remove_class("hidden")
        self.query_one(EntitySidebar).focus()  # type: ignore[attr-defined]
