"""Tags across the library: parsing what the analyst typed, and counting.

A tag is free text in any script ("إيران", "negotiations", "red line").
Tags are compared by :func:`tag_key` (NFC, case-folded, trimmed, inner
whitespace collapsed), so "Iran" and "iran " are one tag, but they are
stored and shown as typed. Pure logic: no Textual import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from tui.models import Annotation, Article

_SPACES = re.compile(r"\s+")
# Arabic comma and Persian/Urdu variants separate tags too: analysts type them
# without switching keyboard layouts.
_SEPARATORS = re.compile("[,،؛;]")


class TagSource(Protocol):
    def articles(self) -> list[Article]: ...
    def all_annotations(self) -> list[Annotation]: ...


def clean_tag(tag: str) -> str:
    """A tag as stored: NFC, trimmed, inner whitespace collapsed, no '#'."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", tag)).strip().lstrip("#").strip()


def tag_key(tag: str) -> str:
    """What two tags must share to be the same tag."""
    return clean_tag(tag).casefold()


def parse_tags(text: str) -> list[str]:
    """Comma-separated input -> tags, without blanks or duplicates, in typed order."""
    seen: set[str] = set()
    tags = []
    for part in _SEPARATORS.split(text):
        tag = clean_tag(part)
        if tag and tag_key(tag) not in seen:
            seen.add(tag_key(tag))
            tags.append(tag)
    return tags


def format_tags(tags: Iterable[str]) -> str:
    """Tags back into the text the tag box edits."""
    return ", ".join(tags)


def has_tag(tags: Iterable[str], tag: str) -> bool:
    key = tag_key(tag)
    return any(tag_key(t) == key for t in tags)


def _tagged(store: TagSource) -> list[Article]:
    """Articles that carry tags of their own: asked of the store when it can say
    (one indexed query, not the whole library), else all articles."""
    tagged = getattr(store, "tagged_articles", None)
    return tagged() if callable(tagged) else store.articles()


def article_tag_sets(store: TagSource) -> dict[str, set[str]]:
    """Per article id with tags, the keys of its own tags and of its annotations' tags."""
    sets: dict[str, set[str]] = {}
    for art in _tagged(store):
        sets[art.id] = {tag_key(t) for t in art.tags}
    for ann in store.all_annotations():
        sets.setdefault(ann.article_id, set()).update(tag_key(t) for t in ann.tags)
    return sets


def tag_counts(store: TagSource) -> dict[str, int]:
    """How many articles carry each tag (on the article or on one of its annotations).

    Keys are tags as first seen (articles newest first, then annotations);
    the dict is sorted by count (descending), then name, for a tag list.
    """
    display: dict[str, str] = {}
    for art in _tagged(store):
        for t in art.tags:
            display.setdefault(tag_key(t), clean_tag(t))
    for ann in store.all_annotations():
        for t in ann.tags:
            display.setdefault(tag_key(t), clean_tag(t))
    counts: dict[str, int] = {}
    for keys in article_tag_sets(store).values():
        for key in keys:
            if key in display:
                counts[display[key]] = counts.get(display[key], 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())))


def articles_with_tag(store: TagSource, tag: str) -> set[str]:
    """Ids of the articles that carry ``tag`` themselves or on an annotation."""
    key = tag_key(tag)
    return {aid for aid, keys in article_tag_sets(store).items() if key in keys}
