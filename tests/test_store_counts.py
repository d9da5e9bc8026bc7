"""The list's counts at scale (issue #13): a search alone is counted in the search index,
without reading article rows; the figure must be the one the joined count gives."""

from __future__ import annotations

from dataclasses import replace

from tui.models import Article
from tui.search import parse_query
from tui.store import ListQuery, Store


def _art(i: int, body: str, language: str = "ar") -> Article:
    return Article(id=f"c{i:03d}", title=f"خبر {i}", body=body, language=language,
                   url=f"https://example.org/news-{i}", published=f"2021-03-{1 + i % 28:02d}T00:00:00+00:00")


def _joined_count(store: Store, query: ListQuery) -> int:
    """The same count through the articles table (a filter that passes every article forces it)."""
    return store.count(replace(query, languages=("ar", "fa", "en", "he", "")))


def test_a_search_alone_counts_what_the_list_shows(store: Store) -> None:
    store.add_articles([_art(i, "وصل الوفد إلى طهران صباح اليوم." if i % 3 else "اجتماع في بغداد.")
                        for i in range(30)])
    store.add_articles([_art(40, "Talks in Tehran resumed.", "en")])
    for text, live in (("طهران", False), ("طه", True), ("بغداد", False), ("tehran", False), ("zzqx", False)):
        query = ListQuery(search=parse_query(text, live=live))
        listed = len(store.window(query, 0, 1000))
        assert store.count(query) == listed == _joined_count(store, query), text


def test_the_search_count_follows_a_changed_article(store: Store) -> None:
    """An article re-imported with another text leaves the index: the count does not keep it."""
    store.add_articles([_art(1, "زيارة إلى طهران."), _art(2, "زيارة إلى طهران أيضا.")])
    query = ListQuery(search=parse_query("طهران"))
    assert store.count(query) == 2
    store.add_articles([_art(2, "زيارة إلى دمشق.")])
    assert store.count(query) == 1 == len(store.window(query, 0, 10)) == _joined_count(store, query)


def test_a_search_with_a_filter_is_still_counted_with_it(store: Store) -> None:
    store.add_articles([_art(1, "طهران"), _art(2, "Tehran طهران", "en")])
    query = ListQuery(search=parse_query("طهران"), languages=("en",))
    assert store.count(query) == 1
