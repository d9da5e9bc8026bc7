"""The library list: every article's row, the open article, read state, the header line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.models import Annotation, Article, Direction
from tui.store.articles import Row

DIRECTIONS: dict[Direction | None, Direction | None] = {None: "rtl", "rtl": "ltr", "ltr": None}


# What a row needs: the article metadata and its annotation count. The store's
# list rows are exactly that, so a lazily read list (tui.store.StoreRows) and a
# list built here hold the same objects.
ListItem = Row


def list_items(articles: Iterable[Article], annotations: Iterable[Annotation]) -> list[ListItem]:
    """Rows for the list: each article with how many annotations it has."""
    counts: dict[str, int] = {}
    for ann in annotations:
        counts[ann.article_id] = counts.get(ann.article_id, 0) + 1
    return [ListItem(a, counts.get(a.id, 0)) for a in articles]


class LibraryController:
    """The list's rows (all of them, before search and filters) and the open article."""

    def __init__(self) -> None:
        self.items: Sequence[ListItem] = []
        self.article: Article | None = None
        self.header_text = ""  # logical text; the header draws it laid out
        self._by_id: dict[str, ListItem] = {}
        self._loaded = False

    def loaded(self, items: Sequence[ListItem]) -> bool:
        """A fresh read of the library; True the first time (the screen then freezes the GC).

        ``items`` may be lazy (:class:`tui.store.StoreRows`); it is then not walked.
        """
        first = not self._loaded
        self._loaded = True
        self.items = items
        self._by_id = {it.article.id: it for it in items} if isinstance(items, list) else {}
        return first

    def item_for(self, article_id: str) -> ListItem | None:
        """The row of an article, if it is in memory (a lazy list is not read for it)."""
        find = getattr(self.items, "find", None)
        return find(article_id) if callable(find) else self._by_id.get(article_id)

    def opened(self, article: Article) -> bool:
        """The reader now shows ``article``; False if it already did."""
        if self.article is not None and self.article.id == article.id:
            return False
        self.article = article
        return True

    def is_open(self, article_id: str) -> bool:
        return self.article is not None and self.article.id == article_id

    def set_read(self, article: Article, read: bool) -> ListItem | None:
        """Record ``read`` on the article and its row; returns the row to redraw."""
        article.read = read
        item = self.item_for(article.id)
        if item is not None:
            item.article.read = read
        return item

    def annotated(self, count: int) -> ListItem | None:
        """The open article's annotation count or tags changed; returns the row to redraw."""
        if self.article is None:
            return None
        item = self.item_for(self.article.id)
        if item is not None:
            item.annotations = count
            item.article.tags = list(self.article.tags)
        return item

    def header(self, shown: int, label: str, shown_exact: bool = True) -> str:
        """``12 of 200 articles  /طهران``: shown count, total, and what narrows the list.

        A list not counted yet (its first page shown, the count on its way from a
        worker) reads ``200+ articles, counting…``; never "N of M" until both are known.
        """
        total = len(self.items)
        total_exact = getattr(self.items, "exact", True)
        if not shown_exact or not total_exact:
            if shown == total:
                text = f"{shown:,}+ articles, counting…"
            else:
                text = f"{_at_least(shown, shown_exact)} of {_at_least(total, total_exact)} articles, counting…"
        else:
            text = f"{shown:,} of {total:,} articles" if shown != total else f"{total:,} articles"
        self.header_text = f"{text}{'  ' + label if label else ''}"
        return self.header_text

    def next_direction(self) -> Direction | None:
        """``D``: automatic -> rtl -> ltr -> automatic, for the open article."""
        assert self.article is not None
        new = DIRECTIONS[self.article.direction]
        self.article.direction = new
        return new

    def feed_counts(self) -> dict[str, int]:
        """Articles per feed, from the rows in memory (no store read)."""
        counts: dict[str, int] = {}
        for item in self.items:
            fid = item.article.feed_id
            if fid:
                counts[fid] = counts.get(fid, 0) + 1
        return counts

    def sources_and_languages(self) -> tuple[list[str], list[str]]:
        """For the filter dialog's choices."""
        sources = sorted({it.article.source for it in self.items if it.article.source})
        languages = sorted({it.article.language for it in self.items if it.article.language})
        return sources, languages


def _at_least(count: int, exact: bool) -> str:
    return f"{count:,}" if exact else f"{count:,}+"
