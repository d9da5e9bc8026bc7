"""Library search: an inverted index with Arabic-script normalisation.

Pure logic (no Textual), shared by the app's search box and ``marsad search``.
See :mod:`tui.search.index` for the data layout and why it looks that way.
"""

from tui.search.hits import find_hits, snippet
from tui.search.index import DocText, Result, SearchIndex
from tui.search.library import load_index, sync_index
from tui.search.query import Query, parse_query

__all__ = [
    "DocText", "Query", "Result", "SearchIndex", "find_hits", "load_index",
    "parse_query", "snippet", "sync_index",
]
