"""The library list: a virtualised Line-API list, two rows per article.

Why not ``OptionList``: it measures every option's prompt up front, which is
most of a second at 10,000 articles, and it cannot lay out right-to-left
titles. Here a row is drawn only when it scrolls into view, titles go
through the same bidi layout as the reader, and the cache is dropped on
resize, theme change or bidi-mode change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.controllers.library import ListItem
from tui.models import Article
from tui.rtl.line import visual_line

ROWS_PER_ITEM = 2


@runtime_checkable
class LazyRows(Protocol):
    """A list read from the store a page at a time (``tui.store.StoreRows``): asked, not searched."""

    def cached(self, article_id: str) -> tuple[int, Any] | None: ...

    def index_of(self, article_id: str) -> int | None: ...

CACHED_ROWS = 1024  # drawn items kept (two strips each): a few screens' worth, not the whole library

__all__ = ["ArticleList", "ListItem"]


class ArticleList(ScrollView, can_focus=True):
    """Articles, newest first; posts ``Highlighted`` and ``Opened`` upward."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--title",
        "article-list--unread",
        "article-list--meta",
        "article-list--header",
    }

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page-up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", show=False, id="list.open"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto an article."""

        article_id: str

    @dataclass
    class Opened(Message):
        """The user asked to open the article under the cursor."""

        article_id: str

    cursor: reactive[int] = reactive(0, repaint=False)
    bidi_mode: reactive[str] = reactive("app")

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: Sequence[ListItem] = []
        self._to_last = False  # End pressed while the list was still being counted
        self._cache: LRUCache[int, tuple[Strip, Strip]] = LRUCache(CACHED_ROWS)

    # -- data down ---------------------------------------------------------

    @property
    def items(self) -> Sequence[ListItem]:
        return self._items

    def set_items(self, items: Sequence[ListItem], keep_id: str | None = None) -> None:
        """Replace the list; keep the cursor on ``keep_id`` when it is still there.

        ``items`` may be a lazy sequence (:class:`tui.store.StoreRows`): only
        the rows drawn are read, so the list costs the same at 100,000
        articles as at 100.
        """
        self._items = items
        self._to_last = False
        self._cache.clear()
        index = 0
        if keep_id is not None:
            index = self._index_of(keep_id) or 0
        self.virtual_size = Size(self.size.width, len(items) * ROWS_PER_ITEM)
        self.set_reactive(ArticleList.cursor, min(index, max(len(items) - 1, 0)))
        self.refresh()
        if items:
            self.scroll_to_cursor(animate=False)
            self.post_message(self.Highlighted(items[self.cursor].article.id))

    def refresh_length(self) -> None:
        """The lazy list was counted after it was shown: the scroll range follows (cursor kept,
        or moved to the real last row when ``End`` was pressed before the count landed)."""
        self.virtual_size = Size(self.size.width, len(self._items) * ROWS_PER_ITEM)
        self.refresh()
        if self._to_last:
            self._to_last = False
            self.action_last()

    def _index_of(self, article_id: str, read: bool = True) -> int | None:
        """Row of an article: asked of a lazy list (without reading it whole), else searched."""
        items = self._items
        if isinstance(items, LazyRows):
            found = items.cached(article_id)
            if found is not None:
                return found[0]
            return items.index_of(article_id) if read else None
        return next((i for i, it in enumerate(items) if it.article.id == article_id), None)

    def update_item(self, item: ListItem) -> None:
        """Redraw one article after its read state or annotation count changed."""
        i = self._index_of(item.article.id, read=False)
        if i is None:
            return  # not among the rows read: it will be drawn fresh when it is
        row = self._items[i]
        if row is not item:
            row.article.read = item.article.read
            row.article.tags = list(item.article.tags)
            row.annotations = item.annotations
        self._cache.discard(i)
        self.refresh_lines(i * ROWS_PER_ITEM, ROWS_PER_ITEM)

    def update_article(self, article: Article, annotations: int | None = None) -> None:
        """Redraw an article's row (if read) from the article's read state and tags,
        and its annotation count when given; used when no row object is at hand."""
        i = self._index_of(article.id, read=False)
        if i is None:
            return
        row = self._items[i]
        row.article.read, row.article.tags = article.read, list(article.tags)
        if annotations is not None:
            row.annotations = annotations
        self._cache.discard(i)
        self.refresh_lines(i * ROWS_PER_ITEM, ROWS_PER_ITEM)

    @property
    def current(self) -> Article | None:
        if 0 <= self.cursor < len(self._items):
            return self._items[self.cursor].article
        return None

    def select_id(self, article_id: str) -> None:
        index = self._index_of(article_id)
        if index is not None:
            self.cursor = index

    # -- drawing -----------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._cache.discard(old)
        self._cache.discard(new)
        self.refresh_lines(old * ROWS_PER_ITEM, ROWS_PER_ITEM)
        self.refresh_lines(new * ROWS_PER_ITEM, ROWS_PER_ITEM)
        self.scroll_to_cursor()
        if 0 <= new < len(self._items):
            self.post_message(self.Highlighted(self._items[new].article.id))

    def watch_bidi_mode(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._items) * ROWS_PER_ITEM)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def scroll_to_cursor(self, animate: bool = False) -> None:
        top = self.cursor * ROWS_PER_ITEM
        self.scroll_to_region(
            Region(0, top, self.size.width, ROWS_PER_ITEM),
            animate=animate, immediate=True,
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        index, part = divmod(row, ROWS_PER_ITEM)
        width = self.scrollable_content_region.width
        if index >= len(self._items) or width <= 0:
            return Strip.blank(width, self.rich_style)
        key = index
        pair = self._cache.get(key)
        if pair is None:
            pair = self._render_item(index, width)
            self._cache.set(key, pair)
        return pair[part].crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _render_item(self, index: int, width: int) -> tuple[Strip, Strip]:
        item = self._items[index]
        art = item.article
        base = self.rich_style
        title_style = base + self.get_component_rich_style("article-list--title")
        if not art.read:
            title_style += self.get_component_rich_style("article-list--unread")
        meta_style = base + self.get_component_rich_style("article-list--meta")
        if index == self.cursor:
            cursor = self.get_component_rich_style("article-list--cursor")
            title_style += cursor
            meta_style += cursor
        marker = " " if art.read else "•"
        title = visual_line(art.title or "(untitled)", max(width - 2, 1), self.bidi_mode,
                            language=art.language, direction=art.direction, align=True)
        first = Strip([Segment(marker + " ", title_style), Segment(title, title_style)])
        meta = _meta_text(item, width - 2, self.bidi_mode)
        second = Strip([Segment("  " + meta, meta_style)])
        return (first.extend_cell_length(width, title_style).crop(0, width),
                second.extend_cell_length(width, meta_style).crop(0, width))

    # -- actions -----------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self._to_last = False
        if self._items:
            self.cursor = max(0, min(len(self._items) - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        step = max(1, self.size.height // ROWS_PER_ITEM - 1)
        self.action_cursor(step * direction)

    def action_first(self) -> None:
        self.action_cursor(-len(self._items))

    def action_last(self) -> None:
        # A list still being counted ends at its first page for now: the real end
        # is taken when the count lands (refresh_length), not the first page's.
        pending = not getattr(self._items, "exact", True)
        self.action_cursor(len(self._items))
        self._to_last = pending

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current.id))

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        index = row // ROWS_PER_ITEM
        if 0 <= index < len(self._items):
            if index == self.cursor:
                self.action_open()
            self.cursor = index


def _meta_text(item: ListItem, width: int, mode: str) -> str:
    """``2026-03-14 · source · ✎ 3``, cut to fit, left-to-right.

    The date comes first and the source is isolated (FSI…PDI): after an
    Arabic source a date's digits would otherwise be reordered as ``14-03-2026``.
    """
    art = item.article
    parts = [(art.published or art.fetched)[:10]]
    if art.source:
        parts.append(f"\u2068{art.source}\u2069")
    if item.annotations:
        parts.append(f"✎ {item.annotations}")
    return visual_line(" · ".join(p for p in parts if p), max(width, 1), mode, direction="ltr")
