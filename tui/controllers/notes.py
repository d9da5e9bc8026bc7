"""Highlights, tags and notes of the open article: what ``h``, ``t``, ``n``, ``d`` and ``u`` act on.

What ``t``/``n``/``d`` act on, in order: the annotation selected in the
panel (when the panel has focus), else the highlight under the reader's
cursor (when the reader has focus), else (``t``/``n`` only) the article
itself. Article tags live on ``Article.tags``; an article note is an
annotation of kind ``note``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tui.anchoring import anchor_highlight, needs_reanchor, reanchor_all
from tui.config import Config
from tui.models import Annotation, Article
from tui.rtl.marks import Mark

HIGHLIGHT = "highlight"


def export_folder(config: Config) -> Path:
    """Where ``x`` writes: the ``export_dir`` setting (the last folder used), else ``exports/`` in the library."""
    return Path(config.export_dir).expanduser() if config.export_dir else config.library / "exports"


def export_path(folder: Path | str, article_id: str | None, now: datetime | None = None) -> Path:
    """``<folder>/marsad-<article|all>-<timestamp>.md``: never overwrites an earlier export."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = Path(folder)
    name = f"marsad-{article_id or 'all'}-{stamp}"
    path, n = folder / f"{name}.md", 1
    while path.exists():
        path, n = folder / f"{name}-{n}.md", n + 1
    return path


def _span(ann: Annotation) -> tuple[int, int] | None:
    """The span a highlight is drawn over; None for notes and orphaned highlights."""
    if ann.kind == "highlight" and not ann.orphaned and ann.start is not None and ann.end is not None:
        return ann.start, ann.end
    return None


class NotesController:
    """The open article's annotations and the stack of deletions ``u`` can undo."""

    def __init__(self) -> None:
        self.annotations: list[Annotation] = []
        self.deleted: list[Annotation] = []
        self.article_id: str | None = None
        self._made: tuple[str, int] | None = None  # (id, reader cursor) of the highlight ``h`` just made

    def loaded(self, article: Article | None, stored: list[Annotation]) -> list[Annotation]:
        """The article's stored annotations; returns those whose anchors moved (to save)."""
        if article is None or article.id != self.article_id:
            self._made = None
        self.article_id = article.id if article is not None else None
        if article is None:
            self.annotations = []
            return []
        self.annotations = stored
        return reanchor_all(article, stored) if needs_reanchor(article, stored) else []

    def marks(self) -> list[Mark]:
        """Highlights as reader marks (orphaned ones are listed in the panel only)."""
        marks = []
        for ann in self.annotations:
            span = _span(ann)
            if span is not None:
                marks.append(Mark(span[0], span[1], HIGHLIGHT, ann.id))
        return marks

    def under(self, cursor: int) -> Annotation | None:
        """The innermost highlight containing the reader's cursor."""
        best: tuple[int, Annotation] | None = None
        for ann in self.annotations:
            span = _span(ann)
            if span is not None and span[0] <= cursor < span[1] and (best is None or span[1] - span[0] < best[0]):
                best = (span[1] - span[0], ann)
        return best[1] if best else None

    def made(self, ann: Annotation, cursor: int) -> None:
        """``h`` made ``ann`` with the reader cursor at ``cursor``: ``t``/``n`` now apply to it."""
        self._made = (ann.id, cursor)

    def target_at(self, cursor: int) -> Annotation | None:
        """What ``t``/``n``/``d`` act on in the reader: the highlight under the cursor, else the
        one ``h`` just made while the cursor stays where ``h`` left it (at or just past its end)."""
        hit = self.under(cursor)
        if hit is not None or self._made is None:
            return hit
        made_id, made_at = self._made
        ann = next((a for a in self.annotations if a.id == made_id), None)
        span = _span(ann) if ann is not None else None
        if span is not None and (cursor == made_at or span[0] <= cursor <= span[1]):
            return ann
        return None

    def article_note(self) -> Annotation | None:
        return next((a for a in self.annotations if a.kind == "note"), None)

    def highlight(self, article: Article, span: tuple[int, int]) -> Annotation:
        """A new highlight over ``span`` of the article body (not saved yet)."""
        return anchor_highlight(article.body, *span, article_id=article.id, article_hash=article.hash)

    def note_for(self, article: Article, target: Annotation | None, text: str) -> tuple[str, Annotation | None]:
        """What a written note means: ("none"|"delete"|"save", annotation)."""
        text = text.strip()
        if target is None:
            if not text:
                return "none", None
            target = Annotation(id="", article_id=article.id, kind="note", article_hash=article.hash)
        if target.kind == "note" and not text and not target.tags:
            return "delete", target
        target.note = text
        return "save", target

    def was_deleted(self, ann: Annotation) -> None:
        self.deleted.append(ann)

    def undo(self) -> Annotation | None:
        return self.deleted.pop() if self.deleted else None
