"""The article-entity index kept in library.sqlite: same answers as the in-memory one, and it persists."""

from __future__ import annotations

from pathlib import Path

from tui.entities.cache import EntityCache, LibraryIndex, fill
from tui.entities.corrections import Corrections, split_id
from tui.models import Article
from tui.store import ListQuery, Store
from tui.store.entity_index import EntityIndex

RAW = {
    "a1": {"loc:tehran": ("طهران",), "per:araghchi": ("عراقجي", "عباس عراقجي")},
    "a2": {"loc:tehran": ("تهران",), "loc:muscat": ("مسقط",)},
    "a3": {"per:araghchi": ("Araghchi",)},
}


def filled(store: Store, index: EntityIndex | LibraryIndex) -> None:
    store.add_articles([Article(id=aid, title=aid, body=f"نص {aid}", url=f"https://e.org/{aid}") for aid in RAW])
    hashes = {aid: store.get_article(aid).hash for aid in RAW}
    for aid, surfaces in RAW.items():
        index.add_raw(aid, hashes[aid], surfaces)


def test_answers_like_the_in_memory_index_under_corrections(store: Store) -> None:
    sql, memory = EntityIndex(store, "engine-1"), LibraryIndex()
    filled(store, sql)
    filled(store, memory)
    corrections = [
        Corrections(),
        Corrections().merge("loc:muscat", "loc:tehran"),
        Corrections().reject("per:araghchi"),
        Corrections().split("per:araghchi", "Araghchi"),
    ]
    for corr in corrections:
        for entity_id in ("loc:tehran", "loc:muscat", "per:araghchi", split_id("per:araghchi", "Araghchi")):
            assert sql.articles_mentioning(entity_id, corr) == memory.articles_mentioning(entity_id, corr)
            assert sql.count_mentioning(entity_id, corr) == memory.count_mentioning(entity_id, corr)
        assert sql.mapping(corr) == memory.mapping(corr)


def test_persists_and_only_new_or_changed_articles_are_pending(store: Store, library: Path) -> None:
    index = EntityIndex(store, "engine-1")
    filled(store, index)
    index.flush()
    again = EntityIndex(Store(library), "engine-1")
    assert again.pending() == [] and again.count_mentioning("loc:tehran") == 2
    store.add_articles([Article(id="", title="a2", body="نص جديد", url="https://e.org/a2")])
    assert [p[0] for p in EntityIndex(Store(library), "engine-1").pending()] == ["a2"]
    assert len(EntityIndex(Store(library), "engine-2").pending()) == 3  # another engine: everything again
    store.delete_article("a1")
    assert EntityIndex(Store(library), "engine-1").articles_mentioning("per:araghchi") == {"a3"}


def test_list_filters_by_entity_rows(store: Store) -> None:
    index = EntityIndex(store, "engine-1")
    filled(store, index)
    index.flush()
    assert store.count(ListQuery(entity="loc:tehran")) == 2


def test_fill_reads_only_pending_articles(sample_store: Store) -> None:
    index = EntityIndex(sample_store, "engine-x")
    list(fill(index, EntityCache(sample_store), sample_store, pause=False))
    assert index.complete and len(index) == sample_store.article_count()
    assert index.pending() == []
    counts = {eid: index.count_mentioning(eid) for eid in index.mapping()}
    assert counts and max(counts.values()) >= 2
