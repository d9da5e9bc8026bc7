"""Export annotations as Markdown (for reports and Obsidian) or W3C Web Annotation JSON.

Decisions, so that exports are useful and diff cleanly:

* **Logical order only.** Text is written exactly as stored (logical,
  unshaped). Any Arabic presentation form that slipped into a source is
  folded back to its base letter (NFKC), and no bidi control character is
  ever *added*: right-to-left text is wrapped in ``<div dir="rtl">`` blocks
  (with blank lines inside and ``markdown="1"``, so the Markdown in the
  block is rendered by CommonMark viewers *and* by Python-Markdown's
  ``md_in_html``), which GitHub, Obsidian, VS Code and pandoc all render
  right-to-left.
* **Direction per line, line breaks kept.** A note that mixes English and
  Arabic lines is split into runs of one direction, each in its own block,
  so every line's punctuation sits at its own line's end; line breaks inside
  a run are hard breaks (two trailing spaces: CommonMark, GFM and
  Python-Markdown all honour them), not joined into one paragraph.
* **YAML front matter** opens every exported file (title, source, url,
  dates, language, tags, entities for one article; the union for several),
  so Obsidian and static-site tools read it as properties. Strings are
  written as JSON strings, which are valid YAML double-quoted scalars, so
  a title with ``:`` or ``#`` cannot break the header.
* **Deterministic.** Articles newest first (then id), annotations in text
  order (then creation time, then id); no export timestamp in the output.
* **One section per article**: a heading block (title, source, URL,
  published and fetched dates, language, content hash, tags, entities),
  then article notes, then highlights in text order. Each highlight is a
  blockquote of its quote, then its note and tags, then a provenance line
  (URL, fetch time, content hash, offsets).
* **Obsidian-friendly tags**: ``#tag`` with spaces turned into ``-`` and
  characters Obsidian does not accept in tags dropped; entities become
  ``[[wikilinks]]`` only when asked (``ExportOptions.wikilinks``), linking
  the entity's canonical name with the article's spelling as alias
  (``[[Iran|إيران]]``), so one note per entity collects every script.

Pure logic: never imports Textual, so ``marsad export`` and the app share it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from tui.errors import InputError
from tui.models import Annotation, Article
from tui.tags import has_tag

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_MARKER = re.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")
_WIKI_UNSAFE = re.compile(r"[\[\]|#^\\\n]+")
_FILE_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]+')
RTL_OPEN = '<div dir="rtl" markdown="1">'


class ExportSource(Protocol):
    def articles_by_ids(self, ids: Iterable[str]) -> dict[str, Article]: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def annotations_for(self, article_id: str) -> list[Annotation]: ...
    def all_annotations(self) -> list[Annotation]: ...


EntityName = str | tuple[str, str]
"""An entity as the export shows it: its spelling, or ``(canonical name, spelling)``."""


@dataclass
class ExportOptions:
    """Optional extras for the Markdown export."""

    wikilinks: bool = False
    entities: Mapping[str, Sequence[EntityName]] = field(default_factory=dict)
    """Entity names per article id, when the entity engine provides them."""
    front_matter: bool = True


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
        meta = store.articles_by_ids(by_article)  # the annotated articles only, not the library
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
    parts = [front_matter(document_fields(sections, options))] if options.front_matter else []
    parts.append("# Marsad notes\n")
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
        blocks.append(_blockquote(ann.quote))
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
        shown = (wikilink(n) for n in names) if options.wikilinks else (clean(spelling(n)) for n in names)
        rows.append(("Entities", " · ".join(shown)))
    return "\n".join(f"- **{key}:** {value}" for key, value in rows if value)


def _note_and_tags(ann: Annotation) -> list[str]:
    blocks = []
    if ann.note.strip():
        blocks.append(directional_text(ann.note))
    tags = " ".join(filter(None, (obsidian_tag(t) for t in ann.tags)))
    if tags:
        blocks.append(f"Tags: {tags}")
    return blocks


def _blockquote(quote: str) -> str:
    """A highlight's quote: a blockquote per run of one direction, line breaks kept."""
    return directional_text(quote, prefix="> ")


def _directional(block: str) -> str:
    """Wrap right-to-left text in an HTML block that Markdown viewers render RTL."""
    if not is_rtl(block):
        return block
    return f"{RTL_OPEN}\n\n{block}\n\n</div>"


def line_direction(line: str) -> bool | None:
    """True for a right-to-left line, False for left-to-right, None without letters."""
    if not any(unicodedata.bidirectional(ch) in ("L", "R", "AL") for ch in line):
        return None
    return is_rtl(line)


def direction_runs(text: str) -> list[tuple[bool, list[str]]]:
    """Lines grouped into runs of one direction; lines without letters join the run before."""
    runs: list[tuple[bool, list[str]]] = []
    leading: list[str] = []
    for line in text.split("\n"):
        rtl = line_direction(line)
        if rtl is None:
            (runs[-1][1] if runs else leading).append(line)
        elif runs and runs[-1][0] == rtl:
            runs[-1][1].append(line)
        else:
            runs.append((rtl, leading + [line]))
            leading = []
    if leading:
        runs.append((False, leading))
    return runs


def directional_text(text: str, prefix: str = "") -> str:
    """Multi-line text as Markdown: one block per direction run, hard line breaks inside.

    Why per run: a note with an English line and an Arabic line rendered in
    one direction puts the other line's final punctuation on the wrong side.
    Blank lines stay paragraph breaks (inside a blockquote, a bare ``>``).
    """
    blocks = []
    for rtl, run in direction_runs(clean(text).strip()):
        lines = "\n".join(run).strip("\n").split("\n")
        out: list[str] = []
        for i, line in enumerate(lines):
            line = md_escape(line.rstrip())
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            hard = "  " if line.strip() and nxt else ""
            out.append(f"{prefix}{line}".rstrip() + hard)
        block = "\n".join(out)
        blocks.append(f"{RTL_OPEN}\n\n{block}\n\n</div>" if rtl else block)
    return "\n\n".join(blocks)


# -- entities and wikilinks --------------------------------------------------------------


def spelling(name: EntityName) -> str:
    return name[1] if isinstance(name, tuple) else name


def canonical(name: EntityName) -> str:
    return name[0] if isinstance(name, tuple) else name


def wikilink(name: EntityName) -> str:
    """``[[Iran|إيران]]``: one Obsidian note per entity, the article's spelling shown."""
    target = _WIKI_UNSAFE.sub(" ", clean(canonical(name))).strip()
    shown = _WIKI_UNSAFE.sub(" ", clean(spelling(name))).strip()
    if not target:
        target = shown
    return f"[[{target}]]" if shown in ("", target) else f"[[{target}|{shown}]]"


def entity_links(store: Any, articles: Iterable[Article]) -> dict[str, list[EntityName]]:
    """``(canonical, spelling)`` of each article's entities, most salient first.

    Canonical is the English name from the gazetteer (the same note for
    إيران, ایران and איראן), or the spelling when the entity is unknown.
    The engine is imported here, not at module level, so exporting without
    entities needs none of it.
    """
    from tui.entities.cache import EntityCache, article_entities, load_corrections

    cache, corrections = EntityCache(store), load_corrections(store)
    return {a.id: [((e.gloss or e.name), e.name) for e in article_entities(store, a, cache, corrections)]
            for a in articles}


# -- YAML front matter --------------------------------------------------------------------


def _yaml_scalar(value: object) -> str:
    """A JSON string or number is a valid YAML flow scalar, quoting every special character."""
    return json.dumps(clean(value) if isinstance(value, str) else value, ensure_ascii=False)


def front_matter(fields: Mapping[str, object]) -> str:
    """``---`` YAML ``---`` with scalars and block lists; empty values left out."""
    lines = ["---"]
    for key, value in fields.items():
        if value in (None, "", [], ()):
            continue
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_scalar(v)}" for v in value)
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _tag_names(tags: Iterable[str]) -> list[str]:
    return [t for t in (obsidian_tag(x)[1:] for x in tags) if t]


def article_fields(article: Article, options: ExportOptions) -> dict[str, object]:
    """One article's front matter: what Obsidian shows as the note's properties."""
    return {"title": article.title or "(untitled)", "source": article.source, "url": article.url,
            "published": article.published, "fetched": article.fetched, "language": article.language,
            "tags": _tag_names(article.tags),
            "entities": _unique(canonical(n) for n in options.entities.get(article.id, []))}


def document_fields(sections: list[Section], options: ExportOptions) -> dict[str, object]:
    """Front matter of a whole export: the one article's, or the union over several."""
    if len(sections) == 1:
        return article_fields(sections[0][0], options)
    tags = _unique(t for art, anns in sections for t in _tag_names(list(art.tags) + [x for a in anns for x in a.tags]))
    dates = sorted(d for art, _ in sections for d in [art.published or art.fetched] if d)
    return {"title": "Marsad notes", "articles": len(sections),
            "from": dates[0] if dates else "", "to": dates[-1] if dates else "", "tags": tags,
            "entities": _unique(canonical(n) for art, _ in sections for n in options.entities.get(art.id, []))}


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def note_filename(article: Article) -> str:
    """A file name Obsidian, Windows and macOS all accept: the title, then the id."""
    title = _FILE_UNSAFE.sub(" ", clean(article.title or "untitled"))
    title = re.sub(r"\s+", " ", title).strip(" .")[:80].strip() or "untitled"
    return f"{title} ({article.id}).md"


def split_markdown(sections: list[Section], options: ExportOptions | None = None) -> dict[str, str]:
    """One Markdown note per article (file name -> text), each with its own front matter."""
    options = options or ExportOptions()
    out: dict[str, str] = {}
    for article, anns in sections:
        head = front_matter(article_fields(article, options)) if options.front_matter else ""
        out[note_filename(article)] = head + article_markdown(article, anns, options)
    return out


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
                entities: Callable[[list[Article]], Mapping[str, Sequence[EntityName]]] | None = None) -> str:
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
