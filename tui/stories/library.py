"""Stories of a library: clustering input from the store and the entity
cache, assignments persisted so new articles are clustered incrementally.

The state lives in ``cache/stories/state.json`` in the library folder
(derived data: deleting it only costs a re-clustering). It is thrown away
and rebuilt when the entity engine, the analyst's corrections or the
clustering parameters change, because each changes the evidence. Articles
deleted from the library simply drop out of the stories shown.

Input per article: canonical entity ids of the body (from the store's
SQLite article-entity index, else the entity cache, else extracted, then
written to both) and of the title, corrections
applied; words of the title and the first :data:`LEAD_CHARS` characters of
the body (the lead says what the event is; the rest of a long article adds
background words that link unrelated stories).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tui.entities import read_names
from tui.entities.cache import (
    EntityCache,
    corrected_ids,
    engine_stamp,
    load_corrections,
)
from tui.entities.corrections import Corrections
from tui.entities.gazetteer import default_gazetteer
from tui.errors import InputError, StoreError
from tui.models import Article, Entity
from tui.store import Store, atomic_write
from tui.store.entity_index import EntityIndex
from tui.stories.cluster import Clusterer, ClusterParams, StoryState, compact, from_dict, to_dict
from tui.stories.features import StoryDoc, make_doc, parse_time
from tui.stories.model import Story, make_story

STATE_FILE = "cache/stories/state.json"
FORMAT = "1"
LEAD_CHARS = 1200
BATCH = 500
CHUNK = 2000  # articles read from the store at a time while clustering
STORY_GROUP = 5000  # article ids whose metadata is read at once while the stories are listed
KEPT = 20_000  # articles kept in memory after being looked up by id


class LibraryArticles(Mapping[str, Article]):
    """Article metadata by id, read from the store when asked, never the whole library.

    Stories name articles by id; this looks them up (``in``, ``[]``, ``get``)
    with one indexed query each, or a batch at a time with :meth:`load`, and
    keeps the last :data:`KEPT` it read. At 1,000,000 articles a dict of
    every ``Article`` was ~1 GB; this holds what is being shown.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._kept: OrderedDict[str, Article] = OrderedDict()

    def load(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles of ``ids`` still in the library (a few queries for many ids)."""
        wanted = list(dict.fromkeys(ids))
        found = {i: self._kept[i] for i in wanted if i in self._kept}
        missing = [i for i in wanted if i not in found]
        if missing:
            found.update(self.store.articles_by_ids(missing))
        return found

    def _keep(self, article: Article) -> Article:
        self._kept[article.id] = article
        self._kept.move_to_end(article.id)
        while len(self._kept) > KEPT:
            self._kept.popitem(last=False)
        return article

    def __getitem__(self, article_id: str) -> Article:
        article = self._kept.get(article_id)
        if article is None:
            article = self.store.articles_by_ids([article_id]).get(article_id)
            if article is None:
                raise KeyError(article_id)
        return self._keep(article)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.get(article_id) is not None

    def __iter__(self) -> Iterator[str]:
        for chunk in self.store.iter_articles(CHUNK):
            yield from (a.id for a in chunk)

    def __len__(self) -> int:
        return self.store.article_count()

    def __bool__(self) -> bool:
        return True  # looked up on demand: never "empty, read them all" (callers used to check)


@dataclass
class StoryLibrary:
    """The library's stories, kept up to date with :meth:`update`."""

    store: Store
    params: ClusterParams = field(default_factory=ClusterParams)
    clusterer: Clusterer = field(init=False)
    names: dict[str, str] = field(default_factory=dict)
    articles: Mapping[str, Article] = field(init=False)
    """Article metadata by id, looked up in the store (:class:`LibraryArticles`)."""
    docs: dict[str, StoryDoc] = field(default_factory=dict)
    """The documents built by the last :meth:`update` (its new articles)."""
    _corrections: Corrections = field(init=False)

    def __post_init__(self) -> None:
        self.articles = LibraryArticles(self.store)
        self._corrections = load_corrections(self.store)
        self.clusterer = self._load() or Clusterer(self.params)

    # -- state ------------------------------------------------------------------

    def _stamp(self) -> str:
        corr = json.dumps(self._corrections.to_dict(), sort_keys=True, ensure_ascii=False)
        params = json.dumps(to_dict(Clusterer(self.params))["params"], sort_keys=True)
        return hashlib.blake2b(f"{FORMAT}|{engine_stamp()}|{corr}|{params}".encode(), digest_size=8).hexdigest()

    def _load(self) -> Clusterer | None:
        path = self.store.folder / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("stamp") != self._stamp():
                return None
            self.names = dict(data.get("names", {}))
            return from_dict(data["clusterer"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # no state yet, or a broken one: cluster again

    def save(self) -> None:
        """Write the state; a read-only library keeps it in memory only."""
        times = [s.last for s in self.clusterer.stories.values() if s.last]
        if times:
            compact(self.clusterer, max(times) - 2 * _window(self.params))
        text = json.dumps({"stamp": self._stamp(), "names": self.names, "clusterer": to_dict(self.clusterer)},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            if not self.store.readonly:
                atomic_write(self.store.folder / STATE_FILE, text)
        except (OSError, StoreError):
            pass  # derived data: losing it costs a re-clustering, never the analyst's work

    # -- updating -----------------------------------------------------------------

    def update(self, save: bool = True) -> list[str]:
        """Cluster the articles not clustered yet; returns their ids (time order).

        The library is read :data:`CHUNK` articles at a time (newest first, as
        before) and each chunk's documents are made with its bodies only;
        the documents are then clustered in one batch, as before.
        """
        docs: list[StoryDoc] = []
        for chunk in self.store.iter_articles(CHUNK):
            new = [a for a in chunk if a.id not in self.clusterer.assignment]
            if new:
                docs.extend(self._docs(new))
        if not docs:
            return []
        self.docs = {d.id: d for d in docs}
        self.clusterer.add_many(docs)
        if save:
            self.save()
        return [d.id for d in sorted(docs, key=lambda d: (d.time, d.id))]

    def _docs(self, articles: list[Article]) -> Iterable[StoryDoc]:
        cache = EntityCache(self.store)
        indexed = indexed_entities(self.store, articles)
        index = _entity_index(self.store) if len(indexed) < len(articles) else None
        bodies = self._bodies(articles)
        pending: dict[str, tuple[str, list[Entity]]] = {}
        for art in articles:
            body = bodies.get(art.id, art.body)
            raw = indexed.get(art.id) or cache.raw(art.hash, art.language)
            if raw is None:
                found, error = read_names(body, art.language or None)
                if not error:  # (a failed article counts with no names and is read again next time)
                    pending[art.hash] = (art.language, found)
                raw = {e.id: e.surfaces for e in found}
                if len(pending) >= BATCH:
                    cache.put_many(pending)
                    pending = {}
            if index is not None and art.id not in indexed:
                index.add_raw(art.id, art.hash, raw)  # the app's library index gains it too
            title = {e.id: e.surfaces for e in read_names(art.title, art.language or None)[0]} if art.title else {}
            ids = corrected_ids(raw, self._corrections) | corrected_ids(title, self._corrections)
            for raw_map in (raw, title):
                for entity_id, surfaces in raw_map.items():
                    if surfaces and entity_id not in self.names:
                        self.names[entity_id] = surfaces[0]
            when = parse_time(art.published) or parse_time(art.fetched) or datetime.now(UTC)
            yield make_doc(art.id, when, art.language, art.source, ids, f"{art.title}\n\n{body[:LEAD_CHARS]}")
        if pending:
            cache.put_many(pending)
        if index is not None:
            index.flush()

    def docs_for(self, articles: list[Article]) -> list[StoryDoc]:
        """Documents (entity ids, words) of ``articles`` without clustering them."""
        known = [self.docs[a.id] for a in articles if a.id in self.docs]
        return known + list(self._docs([a for a in articles if a.id not in self.docs]))

    def _bodies(self, articles: list[Article]) -> dict[str, str]:
        """Bodies of ``articles`` (a few queries, however many there are in the library)."""
        return self.store.bodies_by_ids(a.id for a in articles)

    # -- reading --------------------------------------------------------------------

    def name(self, entity_id: str, lang: str = "en") -> str:
        """Display name: the analyst's rename, the gazetteer's name in ``lang``, a spelling seen."""
        if entity_id in self._corrections.renames:
            return self._corrections.renames[entity_id]
        entry = default_gazetteer().entries.get(entity_id)
        if entry is not None:
            return entry.name_in(lang)
        return self.names.get(entity_id, entity_id.split(":", 1)[-1].lstrip("~"))

    def stories(self, lang: str = "en") -> list[Story]:
        """Stories with at least one article still in the library, newest activity first."""
        out = []
        for group in _groups(list(self.clusterer.stories.values()), STORY_GROUP):
            stories = [make_story(self.clusterer, state, lambda e: self.name(e, lang)) for state in group]
            present = self._present(a for story in stories for a in story.article_ids)
            for story in stories:
                story.article_ids = [a for a in story.article_ids if a in present]
                if story.article_ids:
                    out.append(_trimmed(story, present))
        out.sort(key=lambda s: s.id)
        out.sort(key=lambda s: s.end, reverse=True)
        return out

    def story(self, story_id: str, lang: str = "en") -> Story:
        """One story by id (an id merged away resolves to its story); InputError if unknown."""
        sid = self.clusterer.resolve(story_id.strip())
        state = self.clusterer.stories.get(sid)
        if state is None:
            raise InputError(f"no story with id {story_id!r} (see `marsad stories`)")
        story = make_story(self.clusterer, state, lambda e: self.name(e, lang))
        present = self._present(story.article_ids)
        story.article_ids = [a for a in story.article_ids if a in present]
        if not story.article_ids:
            raise InputError(f"story {story_id!r} has no articles left in the library")
        return _trimmed(story, present)

    def _present(self, ids: Iterable[str]) -> Mapping[str, Article]:
        articles = self.articles
        if isinstance(articles, LibraryArticles):
            return articles.load(ids)
        return articles  # a plain mapping given by a caller


def _groups(states: list[StoryState], size: int) -> Iterator[list[StoryState]]:
    """Consecutive stories holding about ``size`` article ids together."""
    group: list[StoryState] = []
    held = 0
    for state in states:
        group.append(state)
        held += len(state.members)
        if held >= size:
            yield group
            group, held = [], 0
    if group:
        yield group


def indexed_entities(store: Store, articles: list[Article]) -> dict[str, dict[str, list[str]]]:
    """Raw ``{entity id: spellings}`` of the articles the SQLite entity index holds for
    this engine and this text (an article indexed without entities maps to ``{}``)."""
    db = getattr(store, "db", None)
    if db is None or not articles:
        return {}
    hashes = {a.id: a.hash for a in articles}
    ids = list(hashes)
    out: dict[str, dict[str, list[str]]] = {}
    try:
        conn = db.conn()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                "SELECT a.id, d.hash, e.entity, e.surfaces FROM articles a JOIN entity_done d ON d.n = a.n "
                f"LEFT JOIN article_entities e ON e.n = a.n WHERE d.stamp = ? AND a.id IN ({marks})",
                (engine_stamp(), *chunk))
            for aid, content_hash, entity, surfaces in rows:
                if content_hash != hashes[aid]:
                    continue
                found = out.setdefault(aid, {})
                if entity is not None:
                    found[entity] = list(json.loads(surfaces))
    except (sqlite3.Error, ValueError, StoreError):
        return {}
    return out


def _entity_index(store: Store) -> EntityIndex | None:
    """The store's SQLite entity index, to add what this module extracts (None when read-only)."""
    if getattr(store, "readonly", True) or getattr(store, "db", None) is None:
        return None
    return EntityIndex(store, engine_stamp())


def _window(params: ClusterParams) -> timedelta:
    return timedelta(hours=params.window_hours)


def article_time(article: Article) -> datetime:
    return parse_time(article.published) or parse_time(article.fetched) or datetime.now(UTC)


def _trimmed(story: Story, articles: Mapping[str, Article]) -> Story:
    """Members in time order, span and counts from the articles still there."""
    members = sorted((articles[a] for a in story.article_ids), key=lambda a: (article_time(a), a.id))
    story.article_ids = [a.id for a in members]
    story.start, story.end = article_time(members[0]), article_time(members[-1])
    langs: dict[str, int] = {}
    sources: dict[str, int] = {}
    for art in members:
        langs[art.language or "?"] = langs.get(art.language or "?", 0) + 1
        sources[art.source or "?"] = sources.get(art.source or "?", 0) + 1
    story.languages = dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])))
    story.sources = dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0])))
    return story


def load_library_stories(store: Store, save: bool = True) -> StoryLibrary:
    """A :class:`StoryLibrary` brought up to date."""
    lib = StoryLibrary(store)
    lib.update(save=save)
    return lib
