"""The one way ingest writes articles: add them, then re-anchor the notes on
any article whose text changed, so offsets stay right for the reader and for
``marsad export`` without waiting for the article to be opened."""

from __future__ import annotations

from collections.abc import Iterable

from tui.anchoring import reanchor_library
from tui.ingest.textclean import clean_article
from tui.models import Article
from tui.store import Store


def save_articles(store: Store, articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
    added, updated = store.add_articles(clean_article(a) for a in articles)  # the door (docs/security.md)
    if updated:
        reanchor_library(store, updated)
    return added, updated
