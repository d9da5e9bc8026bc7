"""The library's search, as the app's search feature and ``marsad search`` use it.

The index itself is the FTS5 table in ``library.sqlite``, kept current by
the store on every write (see :mod:`tui.search.fts`), so there is nothing to
build, cache or sync here: :class:`LibrarySearch` only runs queries and
carries the library's change stamp for callers that check it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.search.query import Query

if TYPE_CHECKING:
    from tui.store import Store

OLD_CACHE = "search-index.bin"  # the hand-made index of earlier releases; removed on sight


@dataclass(frozen=True)
class Result:
    """One matching article and its relevance score (higher is better)."""

    id: str
    score: float


class LibrarySearch:
    """Queries against one store's FTS5 index."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.stamp = store.change_stamp() if store is not None else ""

    def search(self, query: Query, limit: int | None = None) -> list[Result]:
        """Articles matching every term, phrase and prefix of ``query``, best first."""
        if query.empty or self.store is None:
            return []
        return [Result(aid, score) for aid, score in self.store.search(query, limit)]

    def search_ids(self, query: Query) -> dict[str, float]:
        """Article id -> score, for filtering the list as the user types."""
        return {r.id: r.score for r in self.search(query)}

    def __len__(self) -> int:
        return self.store.article_count() if self.store is not None else 0


def load_index(store: Store, use_cache: bool = True) -> LibrarySearch:
    """The library's search (nothing to load: the index lives in the store)."""
    drop_old_cache(store)
    return LibrarySearch(store)


def drop_old_cache(store: Store) -> None:
    """Remove the hand-made index file earlier releases kept (the store's FTS table replaced it)."""
    with contextlib.suppress(OSError):
        (store.folder / "cache" / OLD_CACHE).unlink(missing_ok=True)


def sync_index(index: LibrarySearch, store: Store, stamp: str | None = None) -> int:
    """Nothing to sync (the store indexes on write); records the stamp; returns 0."""
    index.stamp = stamp or store.change_stamp()
    return 0


def save_index(index: LibrarySearch, store: Store) -> None:
    """Nothing to save: kept so callers of the old cached index keep working."""


def library_stamp(store: Store) -> str:
    return store.change_stamp()
