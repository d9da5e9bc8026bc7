"""The library's search: FTS5 in the store, current after every write, and the CLI."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.models import Annotation, Article
from tui.search import SearchIndex, load_index, parse_query
from tui.search.library import library_stamp
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


def test_finds_titles_bodies_and_tags(small: Store) -> None:
    index = load_index(small)
    assert found(index, "إيران") == {"a1"}
    assert found(index, "energy") == {"a2"}  # article tags are indexed
    assert index.stamp == library_stamp(small)


def test_old_hand_made_index_cache_is_removed(small: Store) -> None:
    old = small.folder / "cache" / "search-index.bin"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"MARSAD-SEARCH-INDEX\n...")
    assert found(load_index(small), "crude") == {"a2"}
    assert not old.exists()


def test_new_article_is_found_at_once(small: Store) -> None:
    index = load_index(small)
    small.add_articles([article("a3", "Gulf summit", "Leaders met in Doha")])
    assert found(index, "doha") == {"a3"}
    assert index.stamp != library_stamp(small)


def test_changed_body_replaces_old_words(small: Store) -> None:
    index = load_index(small)
    small.add_articles([article("a2", "Oil prices", "Brent crude fell on Tuesday")])
    assert found(index, "tuesday") == {"a2"}
    assert found(index, "monday") == set()


def test_deleted_article_disappears(small: Store) -> None:
    small.delete_article("a2")
    assert found(load_index(small), "crude") == set()


def test_notes_and_note_tags_follow_the_annotations(small: Store) -> None:
    index = load_index(small)
    note = small.save_annotation(Annotation(id="", article_id="a1", note="ask about the tanker", tags=["shipping"]))
    assert index.stamp != library_stamp(small)
    assert found(index, "tanker") == {"a1"}
    assert found(index, "shipping") == {"a1"}
    small.delete_annotation(note)
    assert found(index, "tanker") == set()
    assert found(load_index(small), "shipping") == set()


def test_article_tags_are_searchable_after_tagging(small: Store) -> None:
    small.update_article("a1", tags=["نووي"])
    assert found(load_index(small), "نووي") == {"a1"}


def test_notes_written_by_another_copy_are_picked_up(small: Store) -> None:
    """Annotation files changed behind the mirror (another tool, a restored backup)."""
    from tui.store.notes import NotesMixin

    NotesMixin.save_annotation(small, Annotation(id="", article_id="a2", note="tanker seen"))
    assert found(load_index(small), "tanker") == set()  # the mirror does not know yet
    again = Store(small.folder)
    assert found(load_index(again), "tanker") == {"a2"}


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
