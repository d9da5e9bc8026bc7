"""Annotation actions of the main screen: highlight, tag, note, delete, export.

Owned by the annotation feature; the foundation only declares the hooks.
"""

from __future__ import annotations


class AnnotationActions:
    """Mixin for MainScreen: keeps the annotation panel in step with the store."""

    def refresh_annotations(self) -> None:
        """Hand the current article's annotations down to the panel and reader."""

    def _not_yet(self, what: str) -> None:
        self.notify(f"{what} is not available yet.", severity="warning", timeout=3)  # type: ignore[attr-defined]

    def action_highlight(self) -> None:
        self._not_yet("Highlighting")

    def action_tag(self) -> None:
        self._not_yet("Tagging")

    def action_note(self) -> None:
        self._not_yet("Notes")

    def action_export(self) -> None:
        self._not_yet("Export")

    def action_delete_annotation(self) -> None:
        self._not_yet("Deleting annotations")

    def action_undo(self) -> None:
        self._not_yet("Undo")
