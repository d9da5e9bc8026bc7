"""The entity cache (by content hash) and the library index (entity -> articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tui.entities.cache as cache_mod
from tui.entities import entities
from tui.entities.cache import (
    EntityCache,
    LibraryIndex,
    corrected_ids,
    engine_stamp,
    fill,
    library_index,
    load_corrections,
    save_corrections,
)
from tui.entities.corrections import Corrections, split_id
from tui.models import Article, Entity
from tui.store import Store

TEHRAN = "loc:city:Tehran"


def ent(entity_id: str, *surfaces: str, kind: str = "LOC", spans: list[tuple[int, int]] | None = None) -> Entity:
    return Entity(id=entity_id, type=kind, name=surfaces[0], surfaces=list(surfaces),  # type: ignore[arg-type]
                  spans=spans if spans is not None else [(i * 10, i * 10 + 3) for i in range(len(surfaces))])


# -- EntityCache ------------------------------------------------------------------


def test_put_get_round_trip_and_persists(store: Store) -> None:
    found = [ent("per:trump", "ترامب", "دونالد ترامب", kind="PER"), ent(TEHRAN, "طهران")]
    found[0].gloss = "Donald Trump"
    EntityCache(store).put("ab12", "ar", found)
    again = EntityCache(store).get("ab12", "ar")
    assert again == found
    assert EntityCache(store).get("ab12", "fa") is None  # another language reads differently
    assert EntityCache(store).get("ffff", "ar") is None


def test_a_new_engine_stamp_recomputes(store: Store) -> None:
    EntityCache(store, stamp="old").put("ab12", "ar", [ent(TEHRAN, "طهران")])
    assert EntityCache(store, stamp="old").get("ab12", "ar") is not None
    assert EntityCache(store, stamp="new").get("ab12", "ar") is None
    assert len(engine_stamp()) == 16


def test_the_engine_stamp_hashes_every_rule_module() -> None:
    """A change to any file that decides the engine's output invalidates the cache."""
    here = Path(cache_mod.__file__).parent
    not_engine = {"cache.py", "corrections.py", "camel.py", "train.py"}  # corrections apply at display; camel is
    # optional; train.py builds the weights (data/model/weights.json, which the stamp hashes)
    assert {p.name for p in here.glob("*.py")} - not_engine <= set(cache_mod._ENGINE_FILES)


def test_put_many_writes_each_bucket_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[Path] = []
    real = cache_mod.atomic_write
    monkeypatch.setattr(cache_mod, "atomic_write", lambda path, text: writes.append(path) or real(path, text))
    entries = {f"{n:04x}": ("en", [ent(f"org:{n}", f"Org {n}", kind="ORG")]) for n in range(200)}
    EntityCache(store).put_many(entries)
    assert len(writes) == len(set(writes)) <= cache_mod.BUCKETS
    fresh = EntityCache(store)
    assert all(fresh.get(h, "en") == found for h, (_, found) in entries.items())


def test_broken_cache_file_is_rebuilt_not_fatal(store: Store) -> None:
    EntityCache(store).put("ab12", "ar", [ent(TEHRAN, "طهران")])
    path = next((store.folder / cache_mod.CACHE_DIR).glob("*.json"))
    path.write_text("{not json", encoding="utf-8")
    fresh = EntityCache(store)
    assert fresh.get("ab12", "ar") is None
    fresh.put("ab12", "ar", [ent(TEHRAN, "طهران")])
    assert json.loads(path.read_text(encoding="utf-8"))["entries"]["ab12"]["l"] == "ar"


def test_another_process_writes_are_kept(store: Store, library: Path) -> None:
    mine, theirs = EntityCache(store), EntityCache(Store(library))
    mine.put("ab12", "ar", [ent(TEHRAN, "طهران")])
    theirs.put("ab13", "ar", [ent("loc:IR", "إيران")])  # same bucket, read again before writing
    mine.put("ab14", "ar", [ent("loc:US", "أمريكا")])
    fresh = EntityCache(Store(library))
    assert all(fresh.get(h, "ar") is not None for h in ("ab12", "ab13", "ab14"))


def test_read_only_library_keeps_results_in_memory(sample_store: Store, library: Path) -> None:
    readonly = Store(library, readonly=True)
    cache = EntityCache(readonly)
    cache.put("ab12", "ar", [ent(TEHRAN, "طهران")])
    assert cache.get("ab12", "ar") is not None
    assert not (library / cache_mod.CACHE_DIR).exists()


# -- corrections ------------------------------------------------------------------


def test_corrections_document_round_trip(store: Store) -> None:
    assert load_corrections(store).to_dict() == Corrections().to_dict()
    corr = Corrections().rename(TEHRAN, "Tehran").merge("a", "b").reject("c").split("d", "x")
    save_corrections(store, corr)
    assert load_corrections(Store(store.folder)).to_dict() == corr.to_dict()


CASES = [
    Corrections(),
    Corrections().rename(TEHRAN, "T").retype(TEHRAN, "MISC"),
    Corrections().merge("loc:IR", TEHRAN),
    Corrections().merge("loc:IR", "loc:US").merge("loc:US", TEHRAN),
    Corrections().reject(TEHRAN),
    Corrections().merge("loc:IR", TEHRAN).reject(TEHRAN),
    Corrections().split("per:trump", "ترمب"),
    Corrections().split("per:trump", "ترامب").split("per:trump", "ترمب"),
    Corrections().split("per:trump", "ترمب").merge(split_id("per:trump", "ترمب"), TEHRAN),
    Corrections().split("per:trump", "nothing-like-it"),
]


TEXT = "ترامب قال إن ترمب في طهران وإيران وأمريكا"


def in_text(entity_id: str, *surfaces: str, kind: str = "LOC") -> Entity:
    """An entity whose spans really are its surfaces in TEXT, as the engine gives them."""
    spans = [(TEXT.index(s), TEXT.index(s) + len(s)) for s in surfaces]
    return ent(entity_id, *surfaces, kind=kind, spans=spans)


@pytest.mark.parametrize("corr", CASES)
def test_corrected_ids_agree_with_apply(corr: Corrections) -> None:
    raw = [in_text("per:trump", "ترامب", "ترمب", kind="PER"), in_text(TEHRAN, "طهران"),
           in_text("loc:IR", "إيران"), in_text("loc:US", "أمريكا")]
    want = {e.id for e in corr.apply(raw, TEXT)}
    assert corrected_ids({e.id: e.surfaces for e in raw}, corr) == want


@pytest.mark.parametrize("corr", CASES)
def test_articles_mentioning_agrees_with_mapping(corr: Corrections) -> None:
    index = LibraryIndex()
    index.add("a1", "h1", [ent("per:trump", "ترامب", "ترمب", kind="PER"), ent(TEHRAN, "طهران")])
    index.add("a2", "h2", [ent("per:trump", "ترمب", kind="PER"), ent("loc:IR", "إيران")])
    index.add("a3", "h3", [ent("loc:US", "أمريكا"), ent("per:trump", "ترامب", kind="PER")])
    mapping = index.mapping(corr)
    every = set(mapping) | {"per:trump", TEHRAN, "loc:IR", "loc:US", split_id("per:trump", "ترمب")}
    for entity_id in every:
        # an id merged away answers for its target, so a saved filter survives a merge
        want = mapping.get(corr.target(entity_id), set())
        assert index.articles_mentioning(entity_id, corr) == want, entity_id
        assert index.count_mentioning(entity_id, corr) == len(want), entity_id


def test_index_replaces_a_changed_article_and_forgets_a_deleted_one() -> None:
    index = LibraryIndex()
    index.add("a1", "h1", [ent(TEHRAN, "طهران")])
    index.add("a2", "h2", [ent(TEHRAN, "طهران")])
    index.add("a1", "h1b", [ent("loc:IR", "إيران")])
    assert index.articles_mentioning(TEHRAN) == {"a2"}
    assert index.articles_mentioning("loc:IR") == {"a1"}
    index.discard("a2")
    assert index.articles_mentioning(TEHRAN) == set() and len(index) == 1


# -- filling from a library ---------------------------------------------------------


def engine_truth(store: Store) -> dict[str, set[str]]:
    langs = {a.id: a.language for a in store.articles()}
    out: dict[str, set[str]] = {}
    for aid, body in store.iter_bodies():
        for e in entities(body, langs[aid]):
            out.setdefault(e.id, set()).add(aid)
    return out


def test_library_index_matches_the_engine_and_applies_stored_corrections(sample_store: Store) -> None:
    truth = engine_truth(sample_store)
    assert library_index(sample_store) == truth
    assert len(truth[TEHRAN]) >= 2
    save_corrections(sample_store, Corrections().reject(TEHRAN))
    assert TEHRAN not in library_index(sample_store)


def test_fill_is_incremental_and_uses_the_cache(sample_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    import tui.entities as entities_pkg

    real = entities_pkg.entities
    monkeypatch.setattr(entities_pkg, "entities", lambda text, lang=None: calls.append(text) or real(text, lang))
    index, cache = LibraryIndex(), EntityCache(sample_store)
    steps = list(fill(index, cache, sample_store, batch=3, pause=False))
    n = sample_store.article_count()
    assert steps[0] == (0, n) and steps[-1] == (n, n) and len(steps) >= 3
    assert index.complete and len(calls) == n

    calls.clear()
    fresh = LibraryIndex()
    list(fill(fresh, EntityCache(sample_store), sample_store, pause=False))
    assert calls == [] and fresh.mapping() == index.mapping()  # all from the cache files

    # one article changes, one is deleted, one is added: only the new texts are read
    first, second = sample_store.articles()[:2]
    changed = sample_store.get_article(first.id)
    assert changed is not None
    changed.body += "\n\nوزار الرئيس الإيراني طهران مرة أخرى."
    changed.hash = ""
    changed.__post_init__()
    sample_store.add_articles([changed])
    sample_store.delete_article(second.id)
    sample_store.add_articles([Article(id="new1", title="Tehran talks", body="Officials met in Tehran on Monday.",
                                       language="en")])
    list(fill(index, cache, sample_store, pause=False))
    assert len(calls) == 2
    assert second.id not in set().union(*index.mapping().values())
    assert "new1" in index.articles_mentioning(TEHRAN)


def test_a_fill_stopped_early_keeps_what_it_read(sample_store: Store) -> None:
    steps = fill(LibraryIndex(), EntityCache(sample_store), sample_store, batch=2, flush=100, pause=False)
    next(steps)
    done, _ = next(steps)
    steps.close()  # the app quits, or a newer fill takes over
    fresh = EntityCache(sample_store)
    cached = [a for a in sample_store.articles() if fresh.raw(a.hash, a.language) is not None]
    assert len(cached) == done == 2
