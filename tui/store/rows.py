"""A list of articles that reads only the rows that are looked at.

:class:`StoreRows` is a ``Sequence`` of list rows for one :class:`ListQuery`:
its length is one ``count`` query, and item ``i`` comes from the page of
``PAGE`` rows around it, read with one indexed ``LIMIT/OFFSET`` query when
first needed and kept (up to ``MAX_PAGES``). The article list draws from it
exactly as from a Python list, so the first screen of a 100,000-article
library reads one count and one page, and jumping to row 90,000 reads the
page there, never the rows between.
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
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._lock = threading.Lock()

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
        """Position of an article in this list: from the pages read, else one query."""
        found = self.cached(article_id)
        if found is not None:
            return found[0]
        return self.store.index_of(article_id, self.query)
