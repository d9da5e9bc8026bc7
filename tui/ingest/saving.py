"""The one way ingest writes articles: add them, then re-anchor the notes on
any article whose text changed, so offsets stay right for the reader and for
``marsad export`` without waiting for the article to be opened."""

from __future__ import annotations

from collections.abc import Iterable

from tui.anchoring import reanchor_library
from tui.ingest.textclean import clean_article
from tui.models import Article
from tui.store import Store

MAX_ARTICLE_CHARS = 2_000_000  # the default of the max_article_chars setting (tui.config)


def save_articles(store: Store, articles: Iterable[Article],
                  max_chars: int = MAX_ARTICLE_CHARS) -> tuple[list[Article], list[Article]]:
    added, updated = store.add_articles(  # the door (docs/security.md)
        cut_to_size(clean_article(a), max_chars) for a in articles)
    if updated:
        reanchor_library(store, updated)
    return added, updated


def cut_to_size(article: Article, max_chars: int) -> Article:
    """A body over the size limit is cut at a paragraph break, saying so at the end.

    Why a limit at all: one runaway page (a whole archive in one item) would
    otherwise slow every search and layout of the library for good.
    """
    if max_chars <= 0 or len(article.body) <= max_chars:
        return article
    cut = article.body.rfind("\n\n", 0, max_chars)
    body = article.body[: cut if cut > max_chars // 2 else max_chars].rstrip()
    article.body = f"{body}\n\n[… cut at {max_chars:,} characters: the max_article_chars setting]"
    article.hash = ""
    article.__post_init__()
    return article
