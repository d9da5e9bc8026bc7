"""A list of articles that reads only the rows that are looked at.

:class:`StoreRows` is a ``Sequence`` of list rows for one :class:`ListQuery`:
its length is one ``count`` query, and item ``i`` comes from the page of
``PAGE`` rows around it, read with one indexed ``LIMIT/OFFSET`` query when
first needed and kept (up to ``MAX_PAGES``). The article list draws from it
exactly as from a Python list, so the first screen of a 100,000-article
library reads one count and one page, and jumping to row 90,000 reads the
page there, never the rows between.

Counting is the one part that grows with the library (a ``count`` over an
index: ~10 ms at 100,000 articles, ~100 ms at 1,000,000). So a list can be
made *uncounted* (:meth:`StoreRows.uncounted`): its first page is read and
its length is that page's until :meth:`StoreRows.set_count` gives the real
one. The app shows the rows at once and counts in a worker.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

from tui.store.articles import ListQuery, Row

if TYPE_CHECKING:
    from tui.store.library import Store

PAGE = 200
MAX_PAGES = 64


class StoreRows(Sequence[Row]):
    """The rows of ``query`` in its order, read page by page on demand."""

    def __init__(self, store: Store, query: ListQuery | None = None, count: int | None = None) -> None:
        self.store = store
        self.query = query or ListQuery()
        self._len = store.count(self.query) if count is None else count
        self.exact = True  # False while the length is only the first page's (see uncounted)
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._positions: dict[str, int | None] = {}  # article id -> row, from index_of (a query each)
        self._lock = threading.Lock()

    @classmethod
    def uncounted(cls, store: Store, query: ListQuery | None = None) -> StoreRows:
        """The list with its first page read and not yet counted (one indexed ``LIMIT`` query).

        A first page shorter than ``PAGE`` is the whole list, so it is exact;
        otherwise the length is ``PAGE`` until :meth:`set_count`.
        """
        rows = cls(store, query, count=0)
        first = rows.page(0)
        rows._len = len(first)
        rows.exact = len(first) < PAGE
        return rows

    def set_count(self, count: int) -> None:
        """The real length, counted elsewhere (a worker) after the first page was shown."""
        self._len = count
        self.exact = True

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._len))]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        page = self.page(index // PAGE)
        offset = index % PAGE
        if offset >= len(page):
            raise IndexError(index)  # the library shrank since it was counted
        return page[offset]

    def __eq__(self, other: object) -> bool:
        """Equal to a list holding the same rows, as a list would be."""
        if isinstance(other, StoreRows):
            return self is other or (self.query == other.query and list(self) == list(other))
        if isinstance(other, list):
            return len(other) == self._len and list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable view, like a list

    def __iter__(self) -> Iterator[Row]:
        for number in range((self._len + PAGE - 1) // PAGE):
            yield from self.page(number)

    def page(self, number: int) -> list[Row]:
        """Rows ``number * PAGE`` onwards (read once, then kept)."""
        with self._lock:
            rows = self._pages.get(number)
            if rows is not None:
                self._pages.move_to_end(number)
                return rows
        rows = self.store.window(self.query, number * PAGE, PAGE)
        with self._lock:
            self._pages[number] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        return rows

    def cached(self, article_id: str) -> tuple[int, Row] | None:
        """Position and row of an article among the rows already read (no query)."""
        with self._lock:
            pages = list(self._pages.items())
        for number, rows in pages:
            for offset, row in enumerate(rows):
                if row.article.id == article_id:
                    return number * PAGE + offset, row
        return None

    def find(self, article_id: str) -> Row | None:
        found = self.cached(article_id)
        return found[1] if found else None

    def index_of(self, article_id: str) -> int | None:
        """Position of an article in this list: from the pages read, else one query
        (remembered, so a worker can ask first and the UI thread then finds it free)."""
        found = self.cached(article_id)
        if found is not None:
            return found[0]
        with self._lock:
            if article_id in self._positions:
                return self._positions[article_id]
        position = self.store.index_of(article_id, self.query)
        with self._lock:
            self._positions[article_id] = position
        return position

    def prepare(self, keep_id: str | None) -> None:
        """Off the UI thread, before the list is shown: find ``keep_id``'s row, and count
        an uncounted list when that row lies beyond its first page (the cursor must reach it)."""
        if keep_id is None:
            return
        position = self.index_of(keep_id)
        if position is not None and position >= self._len and not self.exact:
            self.set_count(self.store.count(self.query))
