"""Group articles into stories: shared rare entities, close in time, and
within one language shared rare words. Offline, incremental, deterministic.

How an article finds its story (single pass, in the order articles arrive;
:func:`cluster` sorts by time then id, so a batch run is deterministic):

1. Candidates are the stories that share an entity or (same language) a
   word with the article on a day within the window; a day-bucketed
   inverted index keeps this cheap at 100,000 articles.
2. A candidate more than ``window_hours`` from the article (measured to the
   story's time span, so a story can keep growing while it is in the news)
   is out. Inside the window the score decays linearly to half at the edge.
3. Score = cosine(article entities, story entity centroid)
   + ``word_weight`` x cosine(article words, centroid of the story's
   articles *in the same language*), both tf-idf weighted with idf
   ``ln((1 + N) / (1 + df))`` over everything seen so far: an entity in
   every other article (Iran in a Middle East library) counts for little,
   a town named once counts for a lot.
4. The best candidate at or over ``threshold`` takes the article (ties go
   to the older story id); otherwise it starts a story of its own.
5. Other candidates that score at least ``merge_threshold`` with the
   article are merged into its story: an early report that matched
   nothing (a headline naming only the city) is joined to its event once
   a fuller report links the two. The older story keeps its id; the other
   id is remembered in :attr:`Clusterer.merged`, so a saved reference
   still resolves.

Stories keep the id of their first article (hashed), so an id printed by
``marsad stories`` stays valid as articles join. Why not re-cluster the
whole library each time: assignments would shift under the analyst's feet,
and 1,000 new articles would cost as much as 100,000.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tui.stories.features import StoryDoc

_EPOCH = datetime(1970, 1, 1).toordinal()
COMPACT_EVERY = 2000
_DocVectors = tuple[tuple[dict[str, float], float], tuple[dict[str, float], float]]


@dataclass(frozen=True)
class ClusterParams:
    """The knobs, with the values of the first (blind) run as defaults."""

    window_hours: float = 72.0
    threshold: float = 0.3
    word_weight: float = 0.5
    merge_threshold: float = 0.45
    """An article this close to two stories shows they are one: they merge."""


@dataclass
class StoryState:
    """A story while clustering: its members and the counts its centroid is made of."""

    id: str
    members: list[str] = field(default_factory=list)
    first: datetime | None = None
    last: datetime | None = None
    entities: Counter[str] = field(default_factory=Counter)
    words: dict[str, Counter[str]] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)

    def distance(self, when: datetime) -> timedelta:
        """How far ``when`` is from the story's time span (zero inside it)."""
        assert self.first is not None and self.last is not None
        if when < self.first:
            return self.first - when
        if when > self.last:
            return when - self.last
        return timedelta(0)


def story_id_for(article_id: str) -> str:
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=5).hexdigest()


def _day(when: datetime) -> int:
    return when.toordinal() - _EPOCH


class Clusterer:
    """Incremental story clustering; feed it :class:`StoryDoc` with :meth:`add`."""

    def __init__(self, params: ClusterParams | None = None) -> None:
        self.params = params or ClusterParams()
        self.stories: dict[str, StoryState] = {}
        self.assignment: dict[str, str] = {}
        self.n_docs = 0
        self.entity_df: Counter[str] = Counter()
        self.word_df: dict[str, Counter[str]] = {}
        self.lang_docs: Counter[str] = Counter()
        self._index: dict[int, dict[str, set[str]]] = {}  # day -> key -> story ids
        self._pruned_to = -(10**9)  # days before this hold no word keys (see compact)
        self._counted: set[str] = set()
        self.merged: dict[str, str] = {}
        self._norms: dict[tuple[str, str], float] = {}
        self._idf: dict[object, float] = {}  # idf values, valid until the next article is counted

    # -- idf -----------------------------------------------------------------------

    def entity_idf(self, entity_id: str) -> float:
        idf = self._idf.get(entity_id)
        if idf is None:
            idf = self._idf[entity_id] = max(0.0, math.log((1 + self.n_docs) / (1 + self.entity_df[entity_id])))
        return idf

    def word_idf(self, language: str, word: str) -> float:
        key = (language, word)
        idf = self._idf.get(key)
        if idf is None:
            df = self.word_df[language][word] if language in self.word_df else 0
            idf = self._idf[key] = max(0.0, math.log((1 + self.lang_docs[language]) / (1 + df)))
        return idf

    # -- adding --------------------------------------------------------------------

    def add(self, doc: StoryDoc) -> str:
        """Put ``doc`` in a story (an existing one or a new one); returns the story id."""
        if doc.id in self.assignment:
            return self.assignment[doc.id]
        if doc.id not in self._counted:
            self._count(doc)
        ranked = self.rank_stories(doc)
        if not ranked:
            story = self._new_story(doc.id)
        else:
            keep = [self.stories[sid] for score, sid in ranked
                    if sid == ranked[0][1] or score >= self.params.merge_threshold]
            story = self._merge(keep)
        self._join(story, doc)
        return story.id

    def resolve(self, story_id: str) -> str:
        """The current id of a story, following merges."""
        seen = set()
        while story_id in self.merged and story_id not in seen:
            seen.add(story_id)
            story_id = self.merged[story_id]
        return story_id

    def add_many(self, docs: Iterable[StoryDoc]) -> None:
        """Add a batch in time order. The batch is counted first, so the rarity
        of an entity is that of the whole library, not of what came before."""
        batch = sorted((d for d in docs if d.id not in self.assignment), key=lambda d: (d.time, d.id))
        for doc in batch:
            if doc.id not in self._counted:
                self._count(doc)
        keep = 2 * timedelta(hours=self.params.window_hours)
        for n, doc in enumerate(batch, 1):
            self.add(doc)
            if n % COMPACT_EVERY == 0:  # later articles of the batch cannot reach further back
                compact(self, doc.time - keep)

    def best_story(self, doc: StoryDoc) -> str | None:
        """The id of the story ``doc`` belongs to, or None for a story of its own."""
        ranked = self.rank_stories(doc)
        return ranked[0][1] if ranked else None

    def rank_stories(self, doc: StoryDoc) -> list[tuple[float, str]]:
        """Stories scoring at least ``threshold`` with ``doc``, best first (ties: older id)."""
        window = timedelta(hours=self.params.window_hours)
        ranked = []
        vectors = self._vectors(doc)
        for story_id in self._candidates(doc):
            story = self.stories[story_id]
            gap = story.distance(doc.time)
            if gap > window:
                continue
            score = self.score(doc, story, vectors) * (1 - 0.5 * gap / window)
            if score >= self.params.threshold:
                ranked.append((score, story_id))
        ranked.sort(key=lambda x: (-x[0], self._age(x[1])))
        return ranked

    def _age(self, story_id: str) -> tuple[datetime, str]:
        story = self.stories[story_id]
        assert story.first is not None
        return (story.first, story.id)

    def _forget_norms(self, story_id: str) -> None:
        for lang in ("", *self.lang_docs):
            self._norms.pop((story_id, lang), None)

    def _merge(self, stories: list[StoryState]) -> StoryState:
        """Fold ``stories`` into the oldest of them; returns it."""
        stories = sorted(stories, key=lambda s: self._age(s.id))
        target = stories[0]
        for other in stories[1:]:
            target.members.extend(other.members)
            assert other.first is not None and other.last is not None and target.first and target.last
            target.first, target.last = min(target.first, other.first), max(target.last, other.last)
            target.entities.update(other.entities)
            for lang, words in other.words.items():
                target.words.setdefault(lang, Counter()).update(words)
            target.languages.update(other.languages)
            target.sources.update(other.sources)
            for article_id in other.members:
                self.assignment[article_id] = target.id
            self._forget_norms(other.id)
            del self.stories[other.id]  # its index entries now resolve to the target
            self.merged[other.id] = target.id
        return target

    def score(self, doc: StoryDoc, story: StoryState, vectors: _DocVectors | None = None) -> float:
        """Entity cosine plus weighted same-language word cosine (see the module doc)."""
        ents, words = vectors or self._vectors(doc)
        score = self._cosine(ents, story.entities, len(story.members), self._norm(story, ""))
        same = story.languages[doc.language]
        counts = story.words.get(doc.language)  # none once compacted, see compact()
        if same and counts and words[0]:
            score += self.params.word_weight * self._cosine(words, counts, same, self._norm(story, doc.language))
        return score

    def _vectors(self, doc: StoryDoc) -> _DocVectors:
        """The article's tf-idf vectors (binary tf) with their norms, computed once per article."""
        ents = {e: self.entity_idf(e) for e in doc.entities}
        words = {w: self.word_idf(doc.language, w) for w in doc.words}
        return ((ents, math.sqrt(sum(v * v for v in ents.values()))),
                (words, math.sqrt(sum(v * v for v in words.values()))))

    @staticmethod
    def _cosine(vec: tuple[dict[str, float], float], counts: Counter[str], size: int, norm: float) -> float:
        """Cosine of an article vector and a story centroid (idf x count / size) of known norm."""
        weights, own_norm = vec
        if not own_norm or not norm:
            return 0.0
        dot = sum(w * w * counts[k] for k, w in weights.items() if k in counts) / size
        return dot / (own_norm * norm)

    def _norm(self, story: StoryState, language: str) -> float:
        """Norm of a story's entity centroid ("") or word centroid in ``language``, cached
        until the story changes or a new article changes the idf."""
        key = (story.id, language)
        norm = self._norms.get(key)
        if norm is None:
            if language:
                counts, size, idf = story.words.get(language, Counter()), story.languages[language], self.word_idf
                norm = math.sqrt(sum((idf(language, w) * c / size) ** 2 for w, c in counts.items()))
            else:
                size = len(story.members)
                norm = math.sqrt(sum((self.entity_idf(e) * c / size) ** 2 for e, c in story.entities.items()))
            self._norms[key] = norm
        return norm

    def _selective(self, doc: StoryDoc) -> list[str]:
        """Index keys worth looking up: entities and words not in a large share of the library.

        An entity in every tenth article (a country) or a word in every fiftieth
        ("said") would make every story of the week a candidate; they still
        count in the score, they only do not nominate candidates.
        """
        ent_cap = max(50, self.n_docs // 10)
        word_cap = max(50, self.lang_docs[doc.language] // 50)
        df = self.word_df.get(doc.language, Counter())
        keys = [f"e\t{e}" for e in doc.entities if self.entity_df[e] <= ent_cap]
        keys += [f"w\t{doc.language}\t{w}" for w in doc.words if df[w] <= word_cap]
        return keys

    def _candidates(self, doc: StoryDoc) -> set[str]:
        days = math.ceil(self.params.window_hours / 24)
        today = _day(doc.time)
        found: set[str] = set()
        keys = self._selective(doc)
        for day in range(today - days - 1, today + days + 2):
            index = self._index.get(day)
            if not index:
                continue
            for key in keys:
                hit = index.get(key)
                if hit:
                    found |= hit
        if self.merged:
            found = {self.resolve(s) for s in found}
        return found

    def _index_story(self, story: StoryState) -> None:
        """Index a loaded story under its entities and words on every day of its span."""
        assert story.first is not None and story.last is not None
        keys = [f"e\t{e}" for e in story.entities]
        keys += [f"w\t{lang}\t{w}" for lang, words in story.words.items() for w in words]
        for day in range(_day(story.first), _day(story.last) + 1):
            index = self._index.setdefault(day, {})
            for key in keys:
                index.setdefault(key, set()).add(story.id)

    def _count(self, doc: StoryDoc) -> None:
        if self._norms or self._idf:  # the idf changes
            self._norms.clear()
            self._idf.clear()
        self._counted.add(doc.id)
        self.n_docs += 1
        self.entity_df.update(doc.entities)
        self.lang_docs[doc.language] += 1
        self.word_df.setdefault(doc.language, Counter()).update(doc.words)

    def _new_story(self, article_id: str) -> StoryState:
        story = StoryState(id=story_id_for(article_id))
        while story.id in self.stories:  # a re-used first article id after a removal
            story.id = story_id_for(story.id)
        self.stories[story.id] = story
        return story

    def _join(self, story: StoryState, doc: StoryDoc) -> None:
        self._forget_norms(story.id)
        story.members.append(doc.id)
        story.first = doc.time if story.first is None else min(story.first, doc.time)
        story.last = doc.time if story.last is None else max(story.last, doc.time)
        story.entities.update(doc.entities)
        story.words.setdefault(doc.language, Counter()).update(doc.words)
        story.languages[doc.language] += 1
        story.sources[doc.source] += 1
        self.assignment[doc.id] = story.id
        index = self._index.setdefault(_day(doc.time), {})
        for key in self._selective(doc):
            bucket = index.get(key)
            if bucket is None:
                index[key] = {story.id}
            else:
                bucket.add(story.id)


def cluster(docs: Iterable[StoryDoc], params: ClusterParams | None = None) -> dict[str, str]:
    """Article id -> story id for a batch of documents (time order, then id)."""
    clusterer = Clusterer(params)
    clusterer.add_many(docs)
    return dict(clusterer.assignment)


# -- saving and loading: so adding 1,000 articles does not redo 100,000 ------------------


def _iso(when: datetime | None) -> str:
    return when.isoformat() if when else ""


def _state_dict(story: StoryState) -> dict[str, Any]:
    return {"members": story.members, "first": _iso(story.first), "last": _iso(story.last),
            "entities": dict(story.entities), "words": {k: dict(v) for k, v in story.words.items()},
            "languages": dict(story.languages), "sources": dict(story.sources)}


def _state_from(story_id: str, data: dict[str, Any]) -> StoryState:
    return StoryState(id=story_id, members=list(data["members"]),
                      first=datetime.fromisoformat(data["first"]), last=datetime.fromisoformat(data["last"]),
                      entities=Counter(data["entities"]),
                      words={k: Counter(v) for k, v in data["words"].items()},
                      languages=Counter(data["languages"]), sources=Counter(data["sources"]))


def to_dict(clusterer: Clusterer) -> dict[str, Any]:
    """Everything needed to go on clustering later (the day index is rebuilt on load)."""
    return {"params": {"window_hours": clusterer.params.window_hours, "threshold": clusterer.params.threshold,
                       "word_weight": clusterer.params.word_weight,
                       "merge_threshold": clusterer.params.merge_threshold},
            "n_docs": clusterer.n_docs, "entity_df": dict(clusterer.entity_df),
            "word_df": {k: dict(v) for k, v in clusterer.word_df.items()},
            "lang_docs": dict(clusterer.lang_docs), "merged": clusterer.merged,
            "stories": {sid: _state_dict(s) for sid, s in clusterer.stories.items()}}


def from_dict(data: dict[str, Any]) -> Clusterer:
    """The inverse of :func:`to_dict`. Candidates of a loaded story are indexed on
    every day of its span for the entities and words it still holds."""
    clusterer = Clusterer(ClusterParams(**data["params"]))
    clusterer.n_docs = int(data["n_docs"])
    clusterer.entity_df = Counter(data["entity_df"])
    clusterer.word_df = {k: Counter(v) for k, v in data["word_df"].items()}
    clusterer.lang_docs = Counter(data["lang_docs"])
    clusterer.merged = dict(data["merged"])
    for sid, raw in data["stories"].items():
        story = _state_from(sid, raw)
        clusterer.stories[sid] = story
        for article_id in story.members:
            clusterer.assignment[article_id] = sid
            clusterer._counted.add(article_id)
        clusterer._index_story(story)
    return clusterer


def compact(clusterer: Clusterer, before: datetime) -> int:
    """Drop the word counts of stories quiet since ``before``; returns how many.

    Words only help an article join a story inside the time window, so a story
    long out of the news keeps its entities (an older article arriving late can
    still join it) and sheds the bulk of its size.
    """
    done = 0
    for story in clusterer.stories.values():
        if story.last is not None and story.last < before and story.words:
            story.words = {}
            clusterer._forget_norms(story.id)
            done += 1
    cutoff = _day(before)
    for day in range(max(clusterer._pruned_to, min(clusterer._index, default=cutoff)), cutoff):
        index = clusterer._index.get(day)
        if index:
            for key in [k for k in index if k.startswith("w\t")]:
                del index[key]
    clusterer._pruned_to = max(clusterer._pruned_to, cutoff)
    return done
