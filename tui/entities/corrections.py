"""Analysts' corrections to extracted entities, applied to every article.

A correction names entities by id (stable across articles: gazetteer ids,
or folded-words ids for learnt names), so "merge X into Y" made while
reading one article holds for all of them. This module is the pure model;
the store persists :meth:`Corrections.to_dict`.

Order of application (each step sees the result of the one before):
split -> merge -> reject -> retype -> rename, then re-sort by salience.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.entities.grouping import sort_by_salience
from tui.models import Entity, EntityType
from tui.text.normalize import normalise

_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Corrections:
    """Rename, retype, merge, split and reject rules keyed by entity id."""

    renames: dict[str, str] = field(default_factory=dict)
    retypes: dict[str, EntityType] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)  # source id -> target id
    splits: dict[str, list[str]] = field(default_factory=dict)  # entity id -> surfaces to take out
    rejects: set[str] = field(default_factory=set)

    # --- building ----------------------------------------------------------------

    def rename(self, entity_id: str, name: str) -> Corrections:
        self.renames[entity_id] = name.strip()
        return self

    def retype(self, entity_id: str, kind: EntityType) -> Corrections:
        if kind not in _TYPES:
            raise ValueError(f"unknown entity type {kind!r}")
        self.retypes[entity_id] = kind
        return self

    def merge(self, source_id: str, target_id: str) -> Corrections:
        if source_id != target_id:
            self.merges[source_id] = target_id
        return self

    def split(self, entity_id: str, surface: str) -> Corrections:
        """Take one spelling out of an entity into an entity of its own."""
        self.splits.setdefault(entity_id, [])
        if surface not in self.splits[entity_id]:
            self.splits[entity_id].append(surface)
        return self

    def reject(self, entity_id: str) -> Corrections:
        self.rejects.add(entity_id)
        return self

    # --- persistence ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "renames": dict(self.renames),
            "retypes": dict(self.retypes),
            "merges": dict(self.merges),
            "splits": {k: list(v) for k, v in self.splits.items()},
            "rejects": sorted(self.rejects),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Corrections:
        return cls(
            renames=dict(data.get("renames", {})),
            retypes={k: v for k, v in data.get("retypes", {}).items() if v in _TYPES},
            merges=dict(data.get("merges", {})),
            splits={k: list(v) for k, v in data.get("splits", {}).items()},
            rejects=set(data.get("rejects", [])),
        )

    # --- applying --------------------------------------------------------------------

    def target(self, entity_id: str) -> str:
        """Follow merge chains (A -> B -> C) to the end; cycles stop where they loop."""
        seen = {entity_id}
        while entity_id in self.merges and self.merges[entity_id] not in seen:
            entity_id = self.merges[entity_id]
            seen.add(entity_id)
        return entity_id

    def apply(self, entities: list[Entity], text: str | None = None) -> list[Entity]:
        """Corrected copies of ``entities``, most salient first.

        ``text`` (the article the spans index) lets a split move the right
        spans; without it a split moves the surface and leaves spans.
        """
        work = [_copy(e) for e in entities]
        work = [part for e in work for part in self._split(e, text)]
        work = self._merge(work)
        work = [e for e in work if e.id not in self.rejects]
        for e in work:
            e.type = self.retypes.get(e.id, e.type)
            e.name = self.renames.get(e.id, e.name)
        return sort_by_salience(work)

    def _split(self, e: Entity, text: str | None) -> list[Entity]:
        out = [e]
        for surface in self.splits.get(e.id, []):
            key = normalise(surface)
            taken = [s for s in e.surfaces if normalise(s) == key]
            if not taken:
                continue
            spans = [sp for sp in e.spans if text is not None and normalise(text[sp[0]:sp[1]]) == key]
            e.surfaces = [s for s in e.surfaces if s not in taken]
            e.spans = [sp for sp in e.spans if sp not in spans]
            out.append(Entity(id=split_id(e.id, surface), type=e.type, name=taken[0], surfaces=taken, spans=spans))
        return [x for x in out if x.surfaces or x.spans]

    def _merge(self, entities: list[Entity]) -> list[Entity]:
        out: dict[str, Entity] = {}
        for e in sorted(entities, key=lambda e: self.target(e.id) != e.id):  # targets before sources
            tid = self.target(e.id)
            if tid not in out:
                out[tid] = e if tid == e.id else Entity(tid, e.type, e.name, e.gloss, list(e.surfaces), list(e.spans))
                continue
            into = out[tid]
            into.surfaces = list(dict.fromkeys(into.surfaces + e.surfaces))
            into.spans = sorted(set(into.spans) | set(e.spans))
        return list(out.values())


def split_id(entity_id: str, surface: str) -> str:
    """Id of the entity a split creates: stable, so later corrections can name it."""
    return f"{entity_id}/{normalise(surface)}"


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, type=e.type, name=e.name, gloss=e.gloss, surfaces=list(e.surfaces), spans=list(e.spans))
