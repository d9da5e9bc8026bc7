"""Entity sidebar: who, which organisation and where the article mentions."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static


class EntitySidebar(Static, can_focus=True):
    """Placeholder until the entity engine lands."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Entities appear here.", id=id, markup=False)
        self.border_title = "Entities"
