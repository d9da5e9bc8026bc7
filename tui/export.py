"""Export annotations as Markdown (for reports and Obsidian) or W3C Web Annotation JSON.

Decisions, so that exports are useful and diff cleanly:

* **Logical order only.** Text is written exactly as stored (logical,
  unshaped). Any Arabic presentation form that slipped into a source is
  folded back to its base letter (NFKC), and no bidi control character is
  ever *added*: right-to-left text is wrapped in ``<div dir="rtl">`` blocks
  (with blank lines inside, so Markdown keeps working in the block), which
  GitHub, Obsidian, VS Code and pandoc all render right-to-left.
* **Deterministic.** Articles newest first (then id), annotations in text
  order (then creation time, then id); no export timestamp in the output.
* **One section per article**: a heading block (title, source, URL,
  published and fetched dates, language, content hash, tags, entities),
  then article notes, then highlights in text order. Each highlight is a
  blockquote of its quote, then its note and tags, then a provenance line
  (URL, fetch time, content hash, offsets).
* **Obsidian-friendly tags**: ``#tag`` with spaces turned into ``-`` and
  characters Obsidian does not accept in tags dropped; entities become
  ``[[wikilinks]]`` only when asked (``ExportOptions.wikilinks``).

Pure logic: never imports Textual, so ``marsad export`` and the app share it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from tui.errors import InputError
from tui.models import Annotation, Article
from tui.tags import has_tag

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_MARKER = re.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")


class ExportSource(Protocol):
    def articles(self) -> list[Article]: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def annotations_for(self, article_id: str) -> list[Annotation]: ...
    def all_annotations(self) -> list[Annotation]: ...


@dataclass
class ExportOptions:
    """Optional extras for the Markdown export."""

    wikilinks: bool = False
    entities: Mapping[str, list[str]] = field(default_factory=dict)
    """Entity names per article id, when the entity engine provides them."""


Section = tuple[Article, list[Annotation]]


# -- choosing what to export -----------------------------------------------


def select(store: ExportSource, tag: str | None = None, article_id: str | None = None) -> list[Section]:
    """Articles with their annotations, filtered; only articles that have annotations.

    ``tag`` keeps every annotation of an article carrying the tag, and the
    annotations carrying it on other articles. An unknown ``article_id`` is
    an :class:`InputError`, not an empty export, so a typo is noticed.
    """
    if article_id is not None:
        article = store.get_article(article_id)
        if article is None:
            raise InputError(f"no article with id {article_id!r} in the library")
        sections = [(article, store.annotations_for(article_id))]
    else:
        by_article: dict[str, list[Annotation]] = {}
        for ann in store.all_annotations():
            by_article.setdefault(ann.article_id, []).append(ann)
        meta = {a.id: a for a in store.articles() if a.id in by_article}
        sections = [(_full(store, meta[aid]), anns) for aid, anns in by_article.items() if aid in meta]
    if tag:
        sections = [(art, anns if has_tag(art.tags, tag) else [a for a in anns if has_tag(a.tags, tag)])
                    for art, anns in sections]
    return sort_sections([(art, anns) for art, anns in sections if anns])


def _full(store: ExportSource, article: Article) -> Article:
    return store.get_article(article.id) or article


def sort_sections(sections: Iterable[Section]) -> list[Section]:
    """Newest article first, annotations in text order: a stable order to diff."""
    ordered = sorted(sections, key=lambda s: s[0].id)
    ordered.sort(key=lambda s: s[0].published or s[0].fetched, reverse=True)
    return [(art, sorted(anns, key=annotation_order)) for art, anns in ordered]


def annotation_order(a: Annotation) -> tuple[int, str, str]:
    return (a.start if a.start is not None and a.kind == "highlight" else -1, a.created, a.id)


# -- text hygiene ------------------------------------------------------------


def clean(text: str) -> str:
    """Logical text fit to export: presentation forms folded to base letters."""
    return _PRESENTATION.sub(_base_letters, text)


def _base_letters(match: re.Match[str]) -> str:
    """NFKC of a presentation form; dropped if it has none (U+FEFF, noncharacters)."""
    folded = unicodedata.normalize("NFKC", match.group())
    return "" if _PRESENTATION.search(folded) else folded


def is_rtl(text: str) -> bool:
    """Mostly right-to-left letters (first strong letter breaks a tie)."""
    rtl = ltr = 0
    first = None
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            rtl += 1
            first = first or "rtl"
        elif kind == "L":
            ltr += 1
            first = first or "ltr"
    return rtl > ltr or (rtl == ltr and first == "rtl")


def obsidian_tag(tag: str) -> str:
    """``#tag`` as Obsidian and most Markdown tools parse it."""
    text = re.sub(r"\s+", "-", clean(tag).strip().lstrip("#"))
    text = "".join(ch for ch in text if ch in "-_/" or unicodedata.category(ch)[0] in "LNM")
    if text and text.replace("-", "").replace("_", "").isdigit():
        text = "_" + text
    return f"#{text}" if text else ""


def md_escape(line: str) -> str:
    """Stop quoted text from becoming HTML or Markdown structure; keep it readable."""
    line = _HTML_START.sub(r"\\<", line)
    return _LINE_MARKER.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


# -- Markdown ------------------------------------------------------------------


def to_markdown(sections: list[Section], options: ExportOptions | None = None) -> str:
    """The whole export as one Markdown document."""
    options = options or ExportOptions()
    parts = ["# Marsad notes\n"]
    if not sections:
        parts.append("_No annotations matched._\n")
    for article, anns in sections:
        parts.append(article_markdown(article, anns, options))
    return "\n".join(parts)


def article_markdown(article: Article, annotations: list[Annotation], options: ExportOptions) -> str:
    blocks = [_directional(f"## {md_escape(clean(article.title or '(untitled)'))}"), _header(article, options)]
    notes = [a for a in annotations if a.kind != "highlight"]
    highlights = [a for a in annotations if a.kind == "highlight"]
    for ann in notes:
        blocks.append("### Note")
        blocks.extend(_note_and_tags(ann))
    for n, ann in enumerate(highlights, 1):
        title = f"### Highlight {n}" + (" (orphaned: not found in the current text)" if ann.orphaned else "")
        blocks.append(title)
        blocks.append(_directional(_blockquote(ann.quote)))
        blocks.extend(_note_and_tags(ann))
        blocks.append(_provenance(article, ann))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _header(article: Article, options: ExportOptions) -> str:
    rows = [("Source", clean(article.source)), ("URL", f"<{article.url}>" if article.url else ""),
            ("Published", article.published), ("Fetched", article.fetched),
            ("Language", article.language), ("Content hash", f"`{article.hash}`"),
            ("Tags", " ".join(filter(None, (obsidian_tag(t) for t in article.tags))))]
    names = options.entities.get(article.id, [])
    if names:
        shown = (f"[[{clean(n)}]]" for n in names) if options.wikilinks else (clean(n) for n in names)
        rows.append(("Entities", " · ".join(shown)))
    return "\n".join(f"- **{key}:** {value}" for key, value in rows if value)


def _note_and_tags(ann: Annotation) -> list[str]:
    blocks = []
    if ann.note.strip():
        text = "\n".join(md_escape(line) for line in clean(ann.note).strip().split("\n"))
        blocks.append(_directional(text))
    tags = " ".join(filter(None, (obsidian_tag(t) for t in ann.tags)))
    if tags:
        blocks.append(f"Tags: {tags}")
    return blocks


def _blockquote(quote: str) -> str:
    lines = clean(quote).strip().split("\n")
    return "\n".join(f"> {md_escape(line)}".rstrip() for line in lines)


def _directional(block: str) -> str:
    """Wrap right-to-left text in an HTML block that Markdown viewers render RTL."""
    if not is_rtl(block):
        return block
    return f'<div dir="rtl">\n\n{block}\n\n</div>'


def _provenance(article: Article, ann: Annotation) -> str:
    where = f"<{article.url}>" if article.url else f"article {article.id}"
    span = f"characters {ann.start}–{ann.end}" if ann.start is not None and not ann.orphaned else "position unknown"
    return f"<sub>Source: {where} · fetched {article.fetched} · content hash `{article.hash}` · {span}</sub>"


# -- JSON (W3C Web Annotation) -------------------------------------------------


def to_json(sections: list[Section]) -> str:
    """A JSON array of W3C Web Annotations, one per annotation, stable order."""
    items = [web_annotation(article, ann) for article, anns in sections for ann in anns]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def web_annotation(article: Article, ann: Annotation) -> dict[str, Any]:
    """One annotation in the W3C Web Annotation data model (JSON-LD)."""
    doc: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": f"urn:marsad:annotation:{ann.id}",
        "type": "Annotation",
        "motivation": "commenting" if ann.note.strip() or ann.kind != "highlight" else "highlighting",
        "created": ann.created,
        "modified": ann.updated,
    }
    bodies = _bodies(ann)
    if bodies:
        doc["body"] = bodies
    doc["target"] = _target(article, ann)
    return doc


def _bodies(ann: Annotation) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if ann.note.strip():
        bodies.append({"type": "TextualBody", "value": clean(ann.note), "format": "text/plain",
                       "purpose": "commenting", "textDirection": "rtl" if is_rtl(ann.note) else "ltr"})
    for tag in ann.tags:
        bodies.append({"type": "TextualBody", "value": clean(tag), "purpose": "tagging"})
    return bodies


def _target(article: Article, ann: Annotation) -> dict[str, Any]:
    target: dict[str, Any] = {
        "source": article.url or f"urn:marsad:article:{article.id}",
        "state": {"type": "TimeState", "sourceDate": article.fetched},
    }
    if ann.kind == "highlight" and ann.quote:
        selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": clean(ann.quote),
                                            "prefix": clean(ann.prefix), "suffix": clean(ann.suffix)}]
        if ann.start is not None and ann.end is not None and not ann.orphaned:
            selectors.append({"type": "TextPositionSelector", "start": ann.start, "end": ann.end})
        target["selector"] = selectors
    target["marsad:article"] = {"id": article.id, "title": clean(article.title), "source": clean(article.source),
                                "language": article.language, "published": article.published,
                                "contentHash": article.hash, "tags": [clean(t) for t in article.tags]}
    if ann.orphaned:
        target["marsad:orphaned"] = True
    return target


# -- one call for the CLI and the app ------------------------------------------


def export_text(store: ExportSource, fmt: str = "md", tag: str | None = None, article_id: str | None = None,
                options: ExportOptions | None = None,
                entities: Callable[[list[Article]], Mapping[str, list[str]]] | None = None) -> str:
    """The whole export as text. ``entities`` names each exported article's
    entities for the Markdown heading; it is a callback so this module needs
    no entity engine, and only the exported articles are looked at."""
    sections = select(store, tag=tag, article_id=article_id)
    if fmt == "json":
        return to_json(sections)
    options = options or ExportOptions()
    if entities is not None:
        options = replace(options, entities=entities([art for art, _ in sections]))
    return to_markdown(sections, options)


def tag_counts(store: Any) -> dict[str, int]:
    """Re-exported from :mod:`tui.tags` for callers that think of tags as export data."""
    from tui.tags import tag_counts as counts

    return counts(store)
