"""Search and filters: what the list shows, its header label, and the hits in the reader.

The index is built by the screen in a thread worker when the article list
first arrives (from the disk cache when it is current) and kept current by
an incremental sync when the library changes. Searches run in a thread
worker too; the newest query wins. The list shows search results in rank
order, narrowed by the active :class:`~tui.filters.Filter`; without a query
it shows the filter's sort order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from typing import Any

from tui.controllers.library import ListItem
from tui.filters import Filter, FilterContext, make_predicate, sort_items
from tui.models import Annotation, Article
from tui.rtl.marks import Mark
from tui.search import SearchIndex, find_hits, parse_query
from tui.search.query import Query
from tui.store.articles import ListQuery

SEARCH = "search"
EntityLookup = Callable[[str], Collection[str]]


class SearchController:
    """The query, its scores, the filter and saved-view name, and the reader's hits."""

    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.index_building = False
        self.text = ""
        self.scores: dict[str, float] | None = None
        self.filter = Filter()
        self.view_name = ""
        self.hits: list[tuple[int, int]] = []
        self.hit_index = -1
        self._annotation_tags: tuple[object, dict[str, set[str]]] = (None, {})

    # -- the list ------------------------------------------------------------

    def filtered(self, items: list[ListItem], entities: EntityLookup | None = None) -> list[ListItem]:
        """Search results (rank order) or the whole library, through the filter."""
        flt, scores = self.filter, self.scores
        if scores is not None:
            items = [it for it in items if it.article.id in scores]
        if flt.active:
            test = make_predicate(flt, FilterContext(annotation_tags=self._annotation_tags[1] if flt.tags else {},
                                                     entity_articles=entities))
            items = [it for it in items if test(it)]
        if scores is not None:
            return sorted(items, key=lambda it: -scores[it.article.id])
        return sort_items(items, flt.sort) if flt.sort != "newest" else list(items)

    def list_query(self, entities: EntityLookup | None = None) -> ListQuery:
        """What the list shows, as the store's query: the filter, the entity's
        articles, and the search (ranked by the index) once its results are in."""
        flt = self.filter
        ids = None
        if flt.entity:
            ids = frozenset(entities(flt.entity) if entities is not None else ())
        search = None
        if self.scores is not None and self.text.strip():
            query = parse_query(self.text, live=True)
            search = None if query.empty else query
        return ListQuery.from_filter(flt, article_ids=ids, search=search)

    def label(self) -> str:
        """What narrows the list, for its header: ``/query  ◆ view  filter``."""
        parts = []
        if self.text.strip():
            state = "" if self.index is not None else " (indexing…)"
            parts.append(f"/{self.text.strip()}{state}")
        if self.view_name:
            parts.append(f"◆ {self.view_name}")
        label = self.filter.label()
        if label:
            parts.append(label)
        return "  ".join(parts)

    def needs_annotation_tags(self, stamp: object) -> bool:
        """The tag filter reads annotation tags; True when the copy held is older than ``stamp``."""
        return bool(self.filter.tags) and self._annotation_tags[0] != stamp

    def set_annotation_tags(self, stamp: object, annotations: Iterable[Annotation]) -> None:
        tags: dict[str, set[str]] = {}
        for ann in annotations:
            if ann.tags:
                tags.setdefault(ann.article_id, set()).update(ann.tags)
        self._annotation_tags = (stamp, tags)

    # -- the query -------------------------------------------------------------

    def index_ready(self, index: SearchIndex) -> bool:
        """The index was built or synced; True when a typed query should now run."""
        self.index, self.index_building = index, False
        return bool(self.text.strip())

    def typed(self, text: str) -> bool:
        """The box changed; True when there is a query to run, False when search was cleared."""
        self.text = text
        if not text.strip():
            self.scores = None
            return False
        return True

    def cleared(self) -> None:
        self.text, self.scores = "", None

    def done(self, text: str, scores: dict[str, float]) -> bool:
        """Results for ``text`` came back; False when a newer query was typed meanwhile."""
        if text != self.text:
            return False
        self.scores = scores
        return True

    def query(self) -> Query | None:
        """The query whose hits the reader marks (none until its results are in)."""
        if not self.text.strip() or self.scores is None:
            return None
        query = parse_query(self.text, live=True)
        return None if query.empty else query

    # -- hits in the reader ------------------------------------------------------

    def marks_for(self, article: Article | None) -> list[Mark]:
        """The open article's hits of the current query, as ``search`` marks; resets ``>``/``<``."""
        query = self.query()
        self.hits = find_hits(article.body, query) if article is not None and query is not None else []
        self.hit_index = -1
        return [Mark(start, end, SEARCH, f"hit-{n}") for n, (start, end) in enumerate(self.hits)]

    def step(self, step: int) -> tuple[int, str] | None:
        """``>``/``<``: (offset to jump to, "Hit 2 of 5"), or None when there are no hits."""
        if not self.hits:
            return None
        self.hit_index = (self.hit_index + step) % len(self.hits)
        return self.hits[self.hit_index][0], f"Hit {self.hit_index + 1} of {len(self.hits)}"

    # -- filters -----------------------------------------------------------------

    def toggle(self, **parts: Any) -> Filter:
        """Apply one part; the same ``f`` again on the same thing removes it."""
        current = self.filter
        if all(getattr(current, k) == v for k, v in parts.items()):
            blank = Filter()
            return replace(current, **{k: getattr(blank, k) for k in parts})
        return replace(current, **parts)

    def set_filter(self, flt: Filter, view_name: str = "") -> None:
        self.filter, self.view_name = flt, view_name
