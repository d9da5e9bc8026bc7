"""Merging two saves of one annotation made from the same revision.

Why: the app in one terminal and a second window (or a script) on the same
library both load an annotation; one adds a note, the other tags the same
highlight, and each saves the whole object. Without revisions the second
save silently drops the first one's note. With them, a save whose base
revision is no longer the stored one is merged field by field against the
base it was made from (a three-way merge, like a version control system):

- a field only one side changed takes that side's value;
- tags merge as sets (what either side added is kept, what one side removed
  and the other left alone is removed);
- a note both sides changed keeps both texts, the stored one first, with a
  visible line between them, and the user is told;
- a highlight both sides moved to different places keeps the stored one
  and saves the other as a second highlight (nothing is dropped).

When the base is unknown (this process never saw that revision), the merge
is two-way: equal fields are kept, tags are united, differing notes are both
kept, as above.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ANCHOR_FIELDS = ("start", "end", "quote", "prefix", "suffix", "orphaned", "article_hash")
BOTH_KEPT = "--- both versions kept: this note was also edited in another window ---"


@dataclass
class Merged:
    """The merged document, what the user must be told, and a split-off copy."""

    doc: dict[str, Any]
    conflicts: list[str] = field(default_factory=list)
    split_anchor: dict[str, Any] | None = None


def merge_annotation(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> Merged:
    """Three-way merge of one annotation (``base`` None: two-way)."""
    out = dict(theirs)
    result = Merged(out)
    out["note"] = _merge_note(base, mine, theirs, result)
    out["tags"] = _merge_tags(base, mine.get("tags", []), theirs.get("tags", []))
    _merge_anchor(base, mine, theirs, result)
    if mine.get("kind") != theirs.get("kind"):
        if base is not None and not _changed(base, theirs, "kind"):
            out["kind"] = mine.get("kind")
        elif base is None or _changed(base, mine, "kind"):
            out["kind"] = "highlight"  # a span someone marked is worth more than its absence
    return result


def _changed(base: dict[str, Any] | None, side: dict[str, Any], key: str) -> bool:
    return base is None or side.get(key) != base.get(key)


def _merge_note(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any], result: Merged) -> str:
    ours, other = mine.get("note", "") or "", theirs.get("note", "") or ""
    if ours == other:
        return ours
    if base is not None and not _changed(base, mine, "note"):
        return other
    if base is not None and not _changed(base, theirs, "note"):
        return ours
    if not ours.strip():
        return other
    if not other.strip():
        return ours
    if ours in other:
        return other
    if other in ours:
        return ours
    result.conflicts.append("note")
    return f"{other}\n\n{BOTH_KEPT}\n\n{ours}"


def _merge_tags(base: dict[str, Any] | None, mine: list[str], theirs: list[str]) -> list[str]:
    if base is None:
        return list(dict.fromkeys([*theirs, *mine]))
    was = set(base.get("tags", []))
    removed = (was - set(mine)) | (was - set(theirs))
    return [t for t in dict.fromkeys([*theirs, *mine]) if t not in removed]


def _merge_anchor(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any], result: Merged) -> None:
    ours = {k: mine.get(k) for k in ANCHOR_FIELDS}
    other = {k: theirs.get(k) for k in ANCHOR_FIELDS}
    if ours == other:
        return
    was = {k: base.get(k) for k in ANCHOR_FIELDS} if base is not None else None
    if was is not None and ours == was:
        return  # only they moved it: theirs is already in out
    if was is not None and other == was:
        result.doc.update(ours)
        return
    if mine.get("kind") != "highlight" or ours.get("start") is None:
        return  # a plain note has no place to disagree about
    result.conflicts.append("highlight")
    result.split_anchor = {**result.doc, **ours}
