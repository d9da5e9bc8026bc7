"""Entities of the open article: sidebar rows, mention marks, ``>``/``<`` steps, corrections.

* On opening an article the screen takes the engine's results from the
  cache (by content hash) or extracts them in a thread worker; this
  controller applies the analyst's corrections and says what the sidebar
  lists. Mentions are reader marks (every mention underlined; the one the
  reader was sent to in its type's colour). ``A`` toggles the underlines.
* ``enter`` in the sidebar, and ``>``/``<`` when no search is active, move
  through the selected entity's mentions (:meth:`step`).
* ``f`` asks :meth:`article_ids` which library articles mention an entity;
  the screen fills the library index in a background worker.
* Corrections (rename, retype, merge, split, reject) are one document in
  the store, applied whenever entities are shown or looked up, so they
  hold for every article. ``C`` lists them and removes one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol

from tui.entities.cache import LibraryIndex
from tui.entities.corrections import Corrections
from tui.models import Article, Entity
from tui.rtl.marks import Mark

MENTION_KINDS = frozenset({"entity", "PER", "ORG", "LOC", "MISC"})
TYPE_NAMES = {"PER": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Other"}


class MentionIndex(Protocol):
    """Which library articles mention which entity: :class:`~tui.entities.cache.LibraryIndex` in
    memory, or the store's ``EntityIndex`` (kept in ``library.sqlite``)."""

    complete: bool

    def add(self, article_id: str, content_hash: str, found: Iterable[Entity]) -> None: ...

    def articles_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> set[str]: ...

    def count_mentioning(self, entity_id: str, corrections: Corrections | None = None) -> int: ...


class EntityController:
    """Raw and corrected entities of the open article, the current mention, the library index."""

    def __init__(self, corrections: Corrections | None = None, index: MentionIndex | None = None) -> None:
        self.corrections = corrections or Corrections()
        # an empty store index is falsy (len 0): test for None, not truth
        self.index: MentionIndex = index if index is not None else LibraryIndex()
        self.index_started = False
        self.raw: list[Entity] = []
        self.shown: list[Entity] = []
        self.mention: tuple[str, int] | None = None
        self.all_mentions = True

    def cleared(self, corrections: Corrections) -> None:
        """A new article is being opened (or none): forget the old one's entities."""
        self.corrections = corrections
        self.mention = None
        self.raw, self.shown = [], []

    def indexed(self, article: Article) -> list[Entity] | None:
        """The engine's results for ``article`` as the library index kept them (None: not indexed
        for this text and engine, or an index that keeps no entities)."""
        entities_of = getattr(self.index, "entities_of", None)
        return entities_of(article.id, article.hash) if callable(entities_of) else None

    def found(self, article: Article, found: list[Entity], indexed: bool = False) -> list[Entity]:
        """The engine's results for ``article`` (``indexed``: read from the index, so not added
        again); returns the corrected entities the sidebar lists."""
        if not indexed:
            self.index.add(article.id, article.hash, found)
        self.raw = found
        self.shown = self.corrections.apply(found, article.body)
        if self.mention and not any(e.id == self.mention[0] for e in self.shown):
            self.mention = None
        return self.shown

    def library_counts(self) -> dict[str, int]:
        """How many library articles mention each listed entity (partial while indexing)."""
        return {e.id: self.index.count_mentioning(e.id, self.corrections) for e in self.shown}

    def article_ids(self, entity_id: str) -> set[str]:
        """For ``f``: ids of library articles that mention ``entity_id``."""
        return self.index.articles_mentioning(entity_id, self.corrections)

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.shown if e.id == entity_id), None)

    def marks(self) -> list[Mark]:
        """Every mention underlined (unless ``A`` turned that off), the current one in its type's colour."""
        mine: list[Mark] = []
        if self.all_mentions:
            mine = [Mark(s, t, "entity", e.id) for e in self.shown for s, t in e.spans]
        current = self.current()
        if current is not None:
            entity, k = current
            s, t = sorted(entity.spans)[k]
            mine.append(Mark(s, t, entity.type, f"{entity.id}#{k}"))
        return mine

    def current(self) -> tuple[Entity, int] | None:
        if self.mention is None:
            return None
        entity = self.by_id(self.mention[0])
        if entity is None or not 0 <= self.mention[1] < len(entity.spans):
            return None
        return entity, self.mention[1]

    def step(self, entity: Entity, step: int, cursor: int) -> tuple[int, int, int] | None:
        """Next (1) or previous (-1) mention of ``entity``: (offset, number, of how many), or None."""
        spans = sorted(entity.spans)
        if not spans:
            return None
        if self.mention is not None and self.mention[0] == entity.id:
            k = (self.mention[1] + step) % len(spans)
        else:
            k = nearest(spans, cursor, step)
        self.mention = (entity.id, k)
        return spans[k][0], k + 1, len(spans)

    def toggle_mentions(self) -> str:
        self.all_mentions = not self.all_mentions
        return "every mention underlined" if self.all_mentions else "only the current mention shown"

    def split_or_unmerge(self, corr: Corrections, entity: Entity, surface: str) -> None:
        """A spelling that came in by a merge is taken out by undoing that merge, else split."""
        owner = next((e for e in self.raw if surface in e.surfaces), None)
        if owner is not None and owner.id != entity.id and corr.merges.get(owner.id) is not None \
                and corr.target(owner.id) == entity.id:
            del corr.merges[owner.id]
        else:
            corr.split(owner.id if owner is not None else entity.id, surface)


def nearest(spans: list[tuple[int, int]], cursor: int, step: int) -> int:
    """Index of the first mention at/after ``cursor`` (forward) or before it (back), wrapping."""
    starts = [s for s, _ in spans]
    if step > 0:
        k = bisect.bisect_left(starts, cursor)
        return k if k < len(starts) else 0
    k = bisect.bisect_left(starts, cursor) - 1
    return k if k >= 0 else len(starts) - 1


def correction_rows(corr: Corrections) -> list[tuple[str, str]]:
    """(key, readable line) for each stored correction, for the review dialog."""
    rows = [(f"rename\t{k}", f"rename  {k} → {v}") for k, v in corr.renames.items()]
    rows += [(f"retype\t{k}", f"type    {k} → {TYPE_NAMES.get(v, v)}") for k, v in corr.retypes.items()]
    rows += [(f"merge\t{k}", f"merge   {k} → {v}") for k, v in corr.merges.items()]
    rows += [(f"split\t{k}\t{s}", f"split   “{s}” out of {k}") for k, v in corr.splits.items() for s in v]
    rows += [(f"reject\t{k}", f"reject  {k}") for k in sorted(corr.rejects)]
    return rows


def remove_correction(corr: Corrections, key: str) -> None:
    """Undo one correction named by a :func:`correction_rows` key."""
    kind, entity_id, *rest = key.split("\t")
    if kind == "rename":
        corr.renames.pop(entity_id, None)
    elif kind == "retype":
        corr.retypes.pop(entity_id, None)
    elif kind == "merge":
        corr.merges.pop(entity_id, None)
    elif kind == "reject":
        corr.rejects.discard(entity_id)
    elif kind == "split" and rest:
        left = [s for s in corr.splits.get(entity_id, []) if s != rest[0]]
        if left:
            corr.splits[entity_id] = left
        else:
            corr.splits.pop(entity_id, None)
