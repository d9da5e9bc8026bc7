"""Feed actions of the main screen: refresh in the background.

Owned by the feeds feature; the foundation only declares the hooks.
"""

from __future__ import annotations


class FeedActions:
    """Mixin for MainScreen."""

    def action_refresh(self) -> None:
        self.notify("Reloading the library from disk.", timeout=2)  # type: ignore[attr-defined]
        self.load_articles()  # type: ignore[attr-defined]
