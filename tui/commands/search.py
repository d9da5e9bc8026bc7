"""``marsad search QUERY [--json] [--limit N]``: ranked results from the library.

Uses the same cached index as the app, so the first search in a big library
builds it (seconds) and every later one only loads it.
"""

from __future__ import annotations

from typing import Any

from tui.commands.output import emit, emit_json, safe_cell
from tui.config import load_config
from tui.errors import InputError
from tui.search import find_hits, load_index, parse_query, snippet
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
        results = [_describe(store, r.id, r.score, query) for r in load_index(store).search(query, args.limit)]
    finally:
        store.close()
    if args.json:
        emit_json(results)
    else:
        _print_table(results)
    return 0


def _describe(store: Store, article_id: str, score: float, query) -> dict[str, Any]:
    art = store.get_article(article_id)
    title, body = (art.title, art.body) if art else ("", "")
    return {"id": article_id, "score": score, "title": title,
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
