"""A story as the CLI and the app show it: id, label, span, counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tui.stories.cluster import Clusterer, StoryState

LABEL_ENTITIES = 4


@dataclass
class Story:
    """Articles about one event. ``entities`` are canonical ids, most telling first."""

    id: str
    article_ids: list[str]
    start: datetime
    end: datetime
    languages: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    entities: list[str] = field(default_factory=list)
    label: str = ""

    @property
    def size(self) -> int:
        return len(self.article_ids)


def ranked_entities(clusterer: Clusterer, state: StoryState) -> list[str]:
    """Entities by how many articles name them times their rarity; ties by id.

    An entity one article of a large story mentions in passing is kept out of
    the top when others recur: count x idf, with count first when idf is equal.
    """
    return sorted(state.entities, key=lambda e: (-state.entities[e] * (1 + clusterer.entity_idf(e)),
                                                 -state.entities[e], e))


def make_story(clusterer: Clusterer, state: StoryState, name: Callable[[str], str]) -> Story:
    """A :class:`Story` from the clusterer's state; ``name`` gives an entity id's display name."""
    assert state.first is not None and state.last is not None
    entities = ranked_entities(clusterer, state)
    shown = [name(e) for e in entities[:LABEL_ENTITIES]]
    return Story(id=state.id, article_ids=list(state.members), start=state.first, end=state.last,
                 languages=dict(sorted(state.languages.items(), key=lambda kv: (-kv[1], kv[0]))),
                 sources=dict(sorted(state.sources.items(), key=lambda kv: (-kv[1], kv[0]))),
                 entities=entities, label=" · ".join(n for n in shown if n))


def all_stories(clusterer: Clusterer, name: Callable[[str], str]) -> list[Story]:
    """Every story, newest activity first (then id, for a stable order)."""
    stories = [make_story(clusterer, s, name) for s in clusterer.stories.values()]
    stories.sort(key=lambda s: s.id)
    stories.sort(key=lambda s: s.end, reverse=True)
    return stories
