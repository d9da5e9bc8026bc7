"""Library search: SQLite FTS5 over Arabic/Persian/Hebrew-folded text.

Pure logic (no Textual), shared by the app's search box and ``marsad search``.
:mod:`tui.search.fts` says what is indexed and how a query becomes an FTS5
MATCH; :mod:`tui.search.hits` finds the hits inside one article for the
reader's marks and snippets.
"""

from tui.search.hits import find_hits, snippet
from tui.search.library import LibrarySearch, Result, load_index, sync_index
from tui.search.query import Query, parse_query

SearchIndex = LibrarySearch  # the name the app's search feature knows it by

__all__ = [
    "LibrarySearch", "Query", "Result", "SearchIndex", "find_hits", "load_index",
    "parse_query", "snippet", "sync_index",
]
