"""The library's index: built from the store, cached on disk, kept in step with edits."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.models import Annotation, Article
from tui.search import load_index, parse_query, sync_index
from tui.search.index import SearchIndex
from tui.search.library import cache_path, library_stamp
from tui.store import Store


def found(index: SearchIndex, text: str) -> set[str]:
    return {r.id for r in index.search(parse_query(text))}


def article(id: str, title: str, body: str, **kw) -> Article:  # type: ignore[no-untyped-def]
    return Article(id=id, title=title, body=body, url=f"https://example.org/{id}", **kw)


@pytest.fixture
def small(store: Store) -> Store:
    store.add_articles([
        article("a1", "محادثات مسقط", "جولة جديدة بين إيران والولايات المتحدة"),
        article("a2", "Oil prices", "Brent crude rose on Monday", tags=["energy"]),
    ])
    return store


def test_builds_and_caches(small: Store) -> None:
    index = load_index(small)
    assert found(index, "إيران") == {"a1"}
    assert found(index, "energy") == {"a2"}  # article tags are indexed
    assert cache_path(small).exists()
    assert index.stamp == library_stamp(small)


def test_current_cache_is_loaded_without_reindexing(small: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    load_index(small)
    monkeypatch.setattr(SearchIndex, "add", lambda *a, **k: pytest.fail("re-tokenised an unchanged article"))
    assert found(load_index(small), "crude") == {"a2"}


def test_new_article_is_indexed_incrementally(small: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    load_index(small)
    small.add_articles([article("a3", "Gulf summit", "Leaders met in Doha")])
    added: list[str] = []
    original = SearchIndex.add
    monkeypatch.setattr(SearchIndex, "add", lambda self, doc, sig="": (added.append(doc.id), original(self, doc, sig)))
    index = load_index(small)
    assert added == ["a3"]
    assert found(index, "doha") == {"a3"}


def test_changed_body_replaces_old_words(small: Store) -> None:
    index = load_index(small)
    small.add_articles([article("a2", "Oil prices", "Brent crude fell on Tuesday")])
    sync_index(index, small)
    assert found(index, "tuesday") == {"a2"}
    assert found(index, "monday") == set()


def test_deleted_article_disappears(small: Store) -> None:
    index = load_index(small)
    small.delete_article("a2")
    assert found(load_index(small), "crude") == set()
    sync_index(index, small)
    assert found(index, "crude") == set()


def test_notes_and_note_tags_follow_the_annotations(small: Store) -> None:
    index = load_index(small)
    note = small.save_annotation(Annotation(id="", article_id="a1", note="ask about the tanker", tags=["shipping"]))
    assert index.stamp != library_stamp(small)
    sync_index(index, small)
    assert found(index, "tanker") == {"a1"}
    assert found(index, "shipping") == {"a1"}
    small.delete_annotation(note)
    sync_index(index, small)
    assert found(index, "tanker") == set()
    assert found(load_index(small), "shipping") == set()


def test_read_state_change_does_not_reindex(small: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    index = load_index(small)
    small.update_article("a1", read=True)
    monkeypatch.setattr(SearchIndex, "add", lambda *a, **k: pytest.fail("read state is not searchable"))
    assert sync_index(index, small) == 0


def test_broken_cache_is_rebuilt(small: Store) -> None:
    load_index(small)
    cache_path(small).write_bytes(b"not an index")
    assert found(load_index(small), "إيران") == {"a1"}


class _Payload:
    """A pickle that would create a file if anything unpickled the cache."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (self.target, "w"))


def test_cache_file_is_never_unpickled(small: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pickle

    load_index(small)
    target = tmp_path / "pwned"
    cache_path(small).write_bytes(pickle.dumps(_Payload(str(target))))
    assert found(load_index(small), "إيران") == {"a1"}
    assert not target.exists()


def test_cache_round_trip_keeps_postings(small: Store) -> None:
    from tui.search.library import decode_state, encode_state

    state = load_index(small).to_state()
    again = decode_state(encode_state(state))
    assert again == state


# -- CLI --------------------------------------------------------------------


def test_cli_json(small: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(small.folder), "search", "ايران", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["id"] == "a1" and hit["title"] == "محادثات مسقط"
    assert hit["score"] > 0 and "إيران" in hit["snippet"]


def test_cli_text_and_limit(sample_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(sample_store.folder), "search", "إيران", "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "مسقط" in out[0]


def test_cli_rejects_bad_input(small: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(small.folder), "search", "x", "--limit", "0"]) == 2
    assert main(["--library", str(small.folder), "search", "  "]) == 2
    err = capsys.readouterr().err
    assert err.count("marsad:") == 2 and "Traceback" not in err
