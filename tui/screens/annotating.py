"""Annotation actions of the main screen: highlight, tag, note, delete, undo, export.

A mixin of :class:`tui.screens.main.MainScreen`, the one controller: it
reads and writes the store, hands annotations down to the panel and the
reader (as ``highlight`` marks) and answers the panel's messages. Handlers
use the ``on_<widget>_<message>`` names so Textual finds them through the
MRO.

What ``t``/``n``/``d`` act on, in order: the annotation selected in the
panel (when the panel has focus), else the highlight under the reader's
cursor (when the reader has focus), else (``t``/``n`` only) the article itself. Article tags live on
``Article.tags``; an article note is an annotation of kind ``note``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.anchoring import anchor_highlight, needs_reanchor, reanchor_all
from tui.entities.cache import entity_names
from tui.errors import MarsadError
from tui.export import ExportOptions, select, to_markdown
from tui.models import Annotation
from tui.rtl.marks import Mark
from tui.store import atomic_write
from tui.tags import tag_counts

if TYPE_CHECKING:
    from tui.widgets.annotation_panel import AnnotationPanel

HIGHLIGHT = "highlight"


class AnnotationActions:
    """Mixin for MainScreen: keeps the annotation panel and reader marks in step with the store."""

    annotations: list[Annotation]
    _deleted: list[Annotation]

    # -- helpers (the screen provides store, article, query_one, notify) ------

    def _panel(self) -> AnnotationPanel:
        from tui.widgets.annotation_panel import AnnotationPanel

        return self.query_one(AnnotationPanel)  # type: ignore[attr-defined]

    def _current(self) -> list[Annotation]:
        return getattr(self, "annotations", [])

    # -- data down -------------------------------------------------------------

    def refresh_annotations(self) -> None:
        """Read the article's annotations, re-anchor them if its text changed, show them."""
        article = self.article  # type: ignore[attr-defined]
        if article is None:
            self.annotations = []
            self._panel().show([], [], mode=self.bidi_mode)
            return
        annotations = self.store.annotations_for(article.id)  # type: ignore[attr-defined]
        if needs_reanchor(article, annotations):
            self._save_reanchored(reanchor_all(article, annotations))
        self.annotations = annotations
        self._panel().show(annotations, article.tags, language=article.language, mode=self.bidi_mode)
        self._draw_highlights()

    def _save_reanchored(self, changed: list[Annotation]) -> None:
        try:
            for ann in changed:
                self.store.save_annotation(ann)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(str(exc), severity="error")  # type: ignore[attr-defined]
            return
        lost = sum(1 for a in changed if a.orphaned)
        if lost:
            self.notify(f"{lost} highlight(s) could not be found in the updated text; "  # type: ignore[attr-defined]
                        "they are kept and marked orphaned.", severity="warning", timeout=6)

    def _draw_highlights(self) -> None:
        mine = [Mark(a.start, a.end, HIGHLIGHT, a.id) for a in self._current()
                if a.kind == "highlight" and not a.orphaned and a.start is not None and a.end is not None]
        self.set_marks({HIGHLIGHT}, mine)  # type: ignore[attr-defined]

    def _after_change(self, select_id: str | None = None) -> None:
        """Redraw the panel, the marks and the list row's annotation count."""
        self.refresh_annotations()
        if select_id:
            self._panel().select_id(select_id)
        article = self.article  # type: ignore[attr-defined]
        item = self.item_for(article.id) if article else None  # type: ignore[attr-defined]
        if item is not None:
            from tui.widgets.article_list import ArticleList

            item.annotations = len(self.annotations)
            item.article.tags = list(article.tags)
            self.query_one(ArticleList).update_item(item)  # type: ignore[attr-defined]

    def _save(self, ann: Annotation) -> bool:
        try:
            self.store.save_annotation(ann)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(f"Not saved: {exc}", severity="error")  # type: ignore[attr-defined]
            return False
        return True

    # -- what an action applies to -------------------------------------------------

    def _target(self) -> Annotation | None:
        """The panel's selected annotation, else the highlight under the focused reader's cursor."""
        panel = self._panel()
        if panel.has_focus and panel.selected is not None:
            return panel.selected
        reader = self.reader
        cursor = getattr(reader, "cursor", None)
        if cursor is None or not reader.has_focus:
            return None
        inside = [a for a in self._current() if a.kind == "highlight" and not a.orphaned
                  and a.start is not None and a.end is not None and a.start <= cursor < a.end]
        return min(inside, key=lambda a: a.end - a.start) if inside else None  # type: ignore[operator]

    def _need_article(self, what: str) -> bool:
        if self.article is None:  # type: ignore[attr-defined]
            self.notify(f"Open an article first to {what}.", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return False
        return True

    # -- actions -----------------------------------------------------------------

    def action_highlight(self) -> None:
        """``h``: turn the reader selection into a highlight annotation."""
        if not self._need_article("highlight"):
            return
        article = self.article  # type: ignore[attr-defined]
        reader = self.reader
        span = reader.selection
        if span is None:
            self.notify("Select text first: v, then move with arrows or w / b.", timeout=4)  # type: ignore[attr-defined]
            return
        ann = anchor_highlight(article.body, *span, article_id=article.id, article_hash=article.hash)
        if self._save(ann):
            reader.clear_selection()
            self._after_change(ann.id)
            self.notify("Highlighted. t tags it, n adds a note.", timeout=3)  # type: ignore[attr-defined]

    def action_tag(self) -> None:
        """``t``: tags for the selected highlight or note, else for the article."""
        if not self._need_article("tag it"):
            return
        from tui.screens.dialogs import TagBox

        target = self._target()
        current = target.tags if target else self.article.tags  # type: ignore[attr-defined]
        title = "Tags for this highlight" if target and target.kind == "highlight" else (
            "Tags for this note" if target else "Tags for the article")
        known = list(tag_counts(self.store))  # type: ignore[attr-defined]
        self.app.push_screen(TagBox(list(current), known, title, self.bidi_mode),  # type: ignore[attr-defined]
                             lambda tags: self._tags_chosen(target, tags))

    def _tags_chosen(self, target: Annotation | None, tags: list[str] | None) -> None:
        if tags is None:
            return
        article = self.article  # type: ignore[attr-defined]
        if target is None:
            try:
                self.store.update_article(article.id, tags=tags)  # type: ignore[attr-defined]
            except MarsadError as exc:
                self.notify(f"Not saved: {exc}", severity="error")  # type: ignore[attr-defined]
                return
            article.tags = tags
        else:
            target.tags = tags
            if not self._save(target):
                return
        self._after_change(target.id if target else None)
        self.notify("Tags saved." if tags else "Tags removed.", timeout=2)  # type: ignore[attr-defined]

    def action_note(self) -> None:
        """``n``: edit the note of the selected highlight or note, else the article's note."""
        if not self._need_article("write a note"):
            return
        from tui.screens.dialogs import NoteEditor

        target = self._target() or next((a for a in self._current() if a.kind == "note"), None)
        title = "Note on this highlight" if target and target.kind == "highlight" else "Note on the article"
        self.app.push_screen(NoteEditor(target.note if target else "", title, self.bidi_mode),  # type: ignore[attr-defined]
                             lambda text: self._note_written(target, text))

    def _note_written(self, target: Annotation | None, text: str | None) -> None:
        if text is None:
            return
        text = text.strip()
        article = self.article  # type: ignore[attr-defined]
        if target is None:
            if not text:
                return
            target = Annotation(id="", article_id=article.id, kind="note", article_hash=article.hash)
        if target.kind == "note" and not text and not target.tags:
            self._delete_now(target)
            return
        target.note = text
        if self._save(target):
            self._after_change(target.id)
            self.notify("Note saved.", timeout=2)  # type: ignore[attr-defined]

    def action_delete_annotation(self) -> None:
        """``d``: delete the selected annotation after confirming; ``u`` brings it back."""
        from tui.screens.dialogs import ConfirmDialog

        target = self._target()
        if target is None:
            self.notify("Select a note or highlight in the Notes pane (or put the cursor on a highlight).",  # type: ignore[attr-defined]
                        timeout=4)
            return
        what = "highlight" if target.kind == "highlight" else "note"
        self.app.push_screen(ConfirmDialog(f"Delete this {what}?", target.quote or target.note, self.bidi_mode),  # type: ignore[attr-defined]
                             lambda yes: self._delete_now(target) if yes else None)

    def _delete_now(self, target: Annotation) -> None:
        try:
            self.store.delete_annotation(target)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(f"Not deleted: {exc}", severity="error")  # type: ignore[attr-defined]
            return
        if not hasattr(self, "_deleted"):
            self._deleted = []
        self._deleted.append(target)
        self._after_change()
        self.notify("Deleted. u undoes.", timeout=4)  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        """``u``: restore the most recently deleted annotation (same id, same anchor)."""
        deleted = getattr(self, "_deleted", [])
        if not deleted:
            self.notify("Nothing to undo.", timeout=2)  # type: ignore[attr-defined]
            return
        ann = deleted.pop()
        if self._save(ann):
            article = self.article  # type: ignore[attr-defined]
            if article is not None and article.id == ann.article_id:
                self._after_change(ann.id)
            else:
                self.load_articles(keep_id=article.id if article else None)  # type: ignore[attr-defined]
            self.notify("Restored.", timeout=2)  # type: ignore[attr-defined]
        else:
            deleted.append(ann)

    def action_export(self) -> None:
        """``x``: export the current article's notes, or all, to ``exports/`` in the library."""
        from tui.screens.dialogs import ExportChoice

        has_article = self.article is not None  # type: ignore[attr-defined]
        self.app.push_screen(ExportChoice(has_article), self._export_chosen)  # type: ignore[attr-defined]

    def _export_chosen(self, which: str | None) -> None:
        if which is None:
            return
        article = self.article  # type: ignore[attr-defined]
        article_id = article.id if which == "article" and article else None
        try:
            sections = select(self.store, article_id=article_id)  # type: ignore[attr-defined]
            if not sections:
                self.notify("No notes or highlights to export yet.", timeout=3)  # type: ignore[attr-defined]
                return
            path = export_path(self.store.folder, article_id)  # type: ignore[attr-defined]
            names = entity_names(self.store, [art for art, _ in sections])  # type: ignore[attr-defined]
            atomic_write(path, to_markdown(sections, ExportOptions(entities=names)))
        except (MarsadError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")  # type: ignore[attr-defined]
            return
        self.notify(f"Exported to {path}", title="Export", timeout=8)  # type: ignore[attr-defined]

    # -- messages up from the panel ------------------------------------------------

    def on_annotation_panel_jump(self, message: Any) -> None:
        ann: Annotation = message.annotation
        if ann.kind != "highlight" or ann.start is None:
            return
        if ann.orphaned:
            self.notify("This highlight is orphaned: its text is no longer in the article.", timeout=4)  # type: ignore[attr-defined]
            return
        self.reader.jump_to(ann.start)


def export_path(library: Any, article_id: str | None) -> Any:
    """``exports/marsad-<article|all>-<timestamp>.md``: never overwrites an earlier export."""
    from pathlib import Path

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(library) / "exports"
    name = f"marsad-{article_id or 'all'}-{stamp}"
    path, n = folder / f"{name}.md", 1
    while path.exists():
        path, n = folder / f"{name}-{n}.md", n + 1
    return path
