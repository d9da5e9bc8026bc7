"""Annotation panel: the current article's notes and highlights."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static


class AnnotationPanel(Static, can_focus=True):
    """Placeholder until annotations land."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Notes and highlights appear here.", id=id, markup=False)
        self.border_title = "Notes"
