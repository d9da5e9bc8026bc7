"""Search and filter actions of the main screen (mixin).

The index is built in a thread worker when the article list first arrives
(from the disk cache when it is current), and kept current by an incremental
sync whenever the library files change (checked by a cheap stamp before each
search). Searches run in a thread worker too, so typing is never blocked;
the newest query wins (``exclusive``). The list shows search results in rank
order, narrowed by the active :class:`~tui.filters.Filter`; without a query
it shows the filter's sort order.

Handlers follow Textual's ``on_<widget>_<message>`` naming, so they are found
through MainScreen's MRO alongside the other feature mixins. State lives in
class-level defaults so the mixin needs no ``__init__``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message

from tui.filters import (
    Filter,
    FilterContext,
    make_predicate,
    save_view,
    saved_views,
    sort_items,
)
from tui.rtl.marks import Mark
from tui.search import SearchIndex, find_hits, load_index, parse_query, sync_index
from tui.search.library import library_stamp, save_index
from tui.search.query import Query
from tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from tui.widgets.article_list import ListItem

INDEX_DELAY = 0.3  # seconds after the first list load


@dataclass
class IndexReady(Message):
    """The search index finished building (or syncing) in the background."""

    index: SearchIndex


@dataclass
class SearchDone(Message):
    """Scores for one query, computed in the background."""

    text: str
    scores: dict[str, float]


class SearchActions:
    """Mixin for MainScreen: search box, filters, saved views, hit navigation."""

    _search_index: SearchIndex | None = None
    _index_building: bool = False
    _search_text: str = ""
    _search_scores: dict[str, float] | None = None
    _list_filter: Filter = Filter()
    _view_name: str = ""
    _annotation_tags: tuple[str, dict[str, set[str]]] = ("", {})
    _hits: list[tuple[int, int]] = []
    _hit_index: int = -1

    # -- hooks called by MainScreen ----------------------------------------

    def compose_search(self) -> Iterator:
        yield SearchBox(id="search")

    def filtered_items(self, items: list[ListItem]) -> list[ListItem]:
        """Search results (rank order) or the whole library, through the filter."""
        flt = self._list_filter
        if self._search_scores is not None:
            scores = self._search_scores
            items = [it for it in items if it.article.id in scores]
        if flt.active:
            test = make_predicate(flt, self._filter_context())
            items = [it for it in items if test(it)]
        if self._search_scores is not None:
            scores = self._search_scores
            return sorted(items, key=lambda it: -scores[it.article.id])
        return sort_items(items, flt.sort) if flt.sort != "newest" else list(items)

    def filter_label(self) -> str:
        parts = []
        if self._search_text.strip():
            state = "" if self._search_index is not None else " (indexing…)"
            parts.append(f"/{self._search_text.strip()}{state}")
        if self._view_name:
            parts.append(f"◆ {self._view_name}")
        label = self._list_filter.label()
        if label:
            parts.append(label)
        return "  ".join(parts)

    def refresh_search_marks(self) -> None:
        """Hand the open article's search hits to the reader as ``search`` marks."""
        article = getattr(self, "article", None)
        query = self._current_query()
        self._hits = find_hits(article.body, query) if article is not None and query is not None else []
        self._hit_index = -1
        self._set_reader_marks(self._hits)

    # -- index lifecycle ---------------------------------------------------

    def on_main_screen_articles_loaded(self, message: Message) -> None:
        """First list load starts the index; later loads (imports, fetches) sync it."""
        if not self._index_building:
            self._index_building = True
            # After the list has painted: the build holds the GIL in bursts, and
            # starting it at once delays first paint by ~0.2 s at 10,000 articles.
            self.set_timer(INDEX_DELAY, lambda: self._build_index(self._search_index))  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, index: SearchIndex | None) -> None:
        store = self.store  # type: ignore[attr-defined]
        if index is None:
            index = load_index(store)
        elif index.stamp != library_stamp(store):
            sync_index(index, store)
            save_index(index, store)
        self.post_message(IndexReady(index))  # type: ignore[attr-defined]

    def on_index_ready(self, message: IndexReady) -> None:
        self._search_index = message.index
        self._index_building = False
        if self._search_text.strip():
            self._run_search(self._search_text)
        else:
            self._update_header()

    # -- the search box ----------------------------------------------------

    def action_search(self) -> None:
        self.query_one(SearchBox).open()  # type: ignore[attr-defined]

    def on_search_box_query_changed(self, message: SearchBox.QueryChanged) -> None:
        self._search_text = message.value
        if not message.value.strip():
            self._clear_search()
            return
        self._run_search(message.value)

    def on_search_box_query_submitted(self, message: SearchBox.QuerySubmitted) -> None:
        """``enter``: first match selected, focus on the list."""
        from tui.widgets.article_list import ArticleList

        articles = self.query_one(ArticleList)  # type: ignore[attr-defined]
        if articles.items:
            articles.cursor = 0
            articles.scroll_to_cursor()
        articles.focus()

    def on_search_box_cleared(self, message: SearchBox.Cleared) -> None:
        from tui.widgets.article_list import ArticleList

        self._search_text = ""
        self._clear_search()
        self.query_one(ArticleList).focus()  # type: ignore[attr-defined]

    def _clear_search(self) -> None:
        self.workers.cancel_group(self, "search")  # type: ignore[attr-defined]
        self._search_scores = None
        self.apply_list_filter()  # type: ignore[attr-defined]
        self.refresh_search_marks()

    def _run_search(self, text: str) -> None:
        if self._search_index is None:
            self._update_header()
            return
        self._search(text, self._search_index)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, index: SearchIndex) -> None:
        store = self.store  # type: ignore[attr-defined]
        if index.stamp != library_stamp(store):
            sync_index(index, store)
        results = index.search(parse_query(text, live=True))
        self.post_message(SearchDone(text, {r.id: r.score for r in results}))  # type: ignore[attr-defined]

    def on_search_done(self, message: SearchDone) -> None:
        if message.text != self._search_text:
            return  # an older query finished after a newer one was typed
        self._search_scores = message.scores
        self.apply_list_filter(keep_id=None)  # type: ignore[attr-defined]
        self.refresh_search_marks()

    def _current_query(self) -> Query | None:
        if not self._search_text.strip() or self._search_scores is None:
            return None
        query = parse_query(self._search_text, live=True)
        return None if query.empty else query

    # -- hits in the reader --------------------------------------------------

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_prev_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self._hits:
            other = getattr(self, "step_mention", None)  # entity mentions, when there is no search
            if callable(other):
                other(step)
            return
        self._hit_index = (self._hit_index + step) % len(self._hits)

        self.reader.jump_to(self._hits[self._hit_index][0])  # type: ignore[attr-defined]
        self.notify(f"Hit {self._hit_index + 1} of {len(self._hits)}", timeout=1)  # type: ignore[attr-defined]

    def _set_reader_marks(self, spans: list[tuple[int, int]]) -> None:
        marks = [Mark(start, end, "search", f"hit-{n}") for n, (start, end) in enumerate(spans)]
        self.set_marks({"search"}, marks)  # type: ignore[attr-defined]

    # -- filters -----------------------------------------------------------

    def action_filter(self) -> None:
        """``f``: by the selected entity or tag when one is focused, else the dialog."""
        focused = self.focused  # type: ignore[attr-defined]
        entity = getattr(focused, "selected_entity", None)
        tag = getattr(focused, "selected_tag", None)
        if entity is not None:
            key = str(getattr(entity, "id", entity))
            label = str(getattr(entity, "name", key))
            self.set_list_filter(self._toggle(entity=key, entity_label=label))
        elif tag:
            self.set_list_filter(self._toggle(tags=(str(tag),)))
        else:
            self._open_filter_dialog()

    def _toggle(self, **parts: Any) -> Filter:
        """Apply one part; the same ``f`` again on the same thing removes it."""
        current = self._list_filter
        same = all(getattr(current, k) == v for k, v in parts.items())
        if same:
            blank = Filter()
            return replace(current, **{k: getattr(blank, k) for k in parts})
        return replace(current, **parts)

    def set_list_filter(self, flt: Filter, view_name: str = "") -> None:
        self._list_filter = flt
        self._view_name = view_name
        self.apply_list_filter()  # type: ignore[attr-defined]

    def _open_filter_dialog(self) -> None:
        from tui.screens.filter_dialog import FilterDialog, FilterDialogResult

        config = self.app.config  # type: ignore[attr-defined]
        items = getattr(self, "all_items", [])
        sources = sorted({it.article.source for it in items if it.article.source})
        languages = sorted({it.article.language for it in items if it.article.language})

        def done(result: FilterDialogResult | None) -> None:
            if result is None:
                return
            if result.save_as:
                save_view(config, result.save_as, result.filter)
                self.notify(f"Saved view “{result.save_as}”.", timeout=2)  # type: ignore[attr-defined]
            self.set_list_filter(result.filter, result.save_as or result.view_name)

        dialog = FilterDialog(self._list_filter, saved_views(config), sources, languages, self._view_name)
        self.app.push_screen(dialog, done)  # type: ignore[attr-defined]

    def _filter_context(self) -> FilterContext:
        flt = self._list_filter
        tags = self._tags_by_article() if flt.tags else {}
        return FilterContext(annotation_tags=tags, entity_articles=self._entity_resolver())

    def _entity_resolver(self):  # type: ignore[no-untyped-def]
        """The entity feature's lookup, ``entity_article_ids(key) -> ids``, if it provides one."""
        lookup = getattr(self, "entity_article_ids", None)
        if not callable(lookup):
            return None

        def resolve(key: str) -> Collection[str]:
            return lookup(key) or ()

        return resolve

    def _tags_by_article(self) -> dict[str, set[str]]:
        """Tags on annotations, per article; re-read only when the annotation files change."""
        store = self.store  # type: ignore[attr-defined]
        stamp = library_stamp(store)
        if self._annotation_tags[0] != stamp:
            tags: dict[str, set[str]] = {}
            for ann in store.all_annotations():
                if ann.tags:
                    tags.setdefault(ann.article_id, set()).update(ann.tags)
            self._annotation_tags = (stamp, tags)
        return self._annotation_tags[1]

    def _update_header(self) -> None:
        items = getattr(self, "all_items", [])
        from tui.widgets.article_list import ArticleList

        shown = len(self.query_one(ArticleList).items)  # type: ignore[attr-defined]
        self.update_list_header(shown, len(items))  # type: ignore[attr-defined]
