"""``marsad search QUERY [--json] [--limit N]``: ranked results from the library.

Asks the store's FTS5 index (:meth:`tui.store.Store.search`), then reads the
results' rows and bodies in two queries, for the titles and snippets.
"""

from __future__ import annotations

from typing import Any

from tui.commands.output import emit, emit_json, safe_cell
from tui.config import load_config
from tui.errors import InputError
from tui.models import Article
from tui.search import find_hits, parse_query, snippet
from tui.search.library import drop_old_cache
from tui.search.query import Query
from tui.store import Store


def run(args: Any) -> int:
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be at least 1 (got {args.limit})")
    query = parse_query(args.query)
    if query.empty:
        raise InputError("the query has no words to search for")
    config = load_config(args.library)
    store = Store(config.library, set_aside_damaged=False)
    try:
        drop_old_cache(store)
        ranked = store.search(query, args.limit)
        ids = [article_id for article_id, _ in ranked]
        articles, bodies = store.articles_by_ids(ids), store.bodies_by_ids(ids)
    finally:
        store.close()
    results = [_describe(aid, score, articles.get(aid), bodies.get(aid, ""), query) for aid, score in ranked]
    if args.json:
        emit_json(results)
    else:
        _print_table(results)
    return 0


def _describe(article_id: str, score: float, art: Article | None, body: str, query: Query) -> dict[str, Any]:
    """One result as the JSON contract has it (an article deleted meanwhile keeps its id and score)."""
    if art is None:
        body = ""
    return {"id": article_id, "score": score, "title": art.title if art else "",
            "snippet": snippet(body, find_hits(body, query)) if body else "",
            "source": art.source if art else "", "published": art.published if art else ""}


def _print_table(results: list[dict[str, Any]]) -> None:
    if not results:
        emit("no matches", err=True)
        return
    for r in results:
        emit(f"{r['id']}  {r['score']:7.3f}  {safe_cell(r['title'])}")
        if r["snippet"]:
            emit(f"    {safe_cell(r['snippet'])}")
