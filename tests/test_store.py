"""The store against real TinyDB files in a temp folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.errors import StoreError
from tui.models import Annotation, Article, Feed
from tui.store import Store, bucket_of


def art(title: str, body: str = "نص المقال", url: str = "", guid: str = "") -> Article:
    return Article(id="", title=title, body=body, url=url, guid=guid)


def test_round_trip_keeps_logical_text(store: Store, library: Path) -> None:
    body = "فقرة أولى فيها (12) رقمًا.\n\nפסקה שנייה\n\nمی‌خواهم"
    [added], _ = store.add_articles([art("عنوان", body, url="https://example.org/a")])
    reopened = Store(library)
    got = reopened.get_article(added.id)
    assert got is not None
    assert got.body == body and got.title == "عنوان"
    assert [a.id for a in reopened.articles()] == [added.id]


def test_article_list_does_not_carry_bodies(store: Store) -> None:
    store.add_articles([art("t", "a long body " * 50)])
    assert store.articles()[0].body == ""


def test_bodies_live_outside_the_metadata_file(store: Store, library: Path) -> None:
    [a], _ = store.add_articles([art("t", "unique-body-text")])
    assert "unique-body-text" not in (library / "articles.json").read_text()
    assert "unique-body-text" in (library / "bodies" / f"{bucket_of(a.id)}.json").read_text()


def test_dedup_by_url_guid_and_hash(store: Store) -> None:
    added, _ = store.add_articles([art("a", url="https://x/1"), art("b", guid="g-1"), art("c", "same")])
    assert len(added) == 3
    again, updated = store.add_articles([art("a", url="https://x/1"), art("b", guid="g-1"), art("c", "same")])
    assert again == [] and updated == []
    assert store.article_count() == 3


def test_changed_article_is_updated_in_place_keeping_state(store: Store) -> None:
    [a], _ = store.add_articles([art("a", "old text", url="https://x/1")])
    store.update_article(a.id, read=True, tags=["iran"])
    added, updated = store.add_articles([art("a", "new text", url="https://x/1")])
    assert added == [] and [u.id for u in updated] == [a.id]
    got = store.get_article(a.id)
    assert got.body == "new text" and got.read and got.tags == ["iran"]


def test_annotations_round_trip_and_delete(store: Store, library: Path) -> None:
    [a], _ = store.add_articles([art("t")])
    note = store.save_annotation(Annotation(id="", article_id=a.id, kind="highlight", start=0, end=2,
                                            quote="نص", note="ملاحظة", tags=["إيران"]))
    other = store.save_annotation(Annotation(id="", article_id=a.id, note="general"))
    got = Store(library).annotations_for(a.id)
    assert {g.id for g in got} == {note.id, other.id}
    assert got[0].id == other.id  # article notes (no span) sort before highlights
    store.delete_annotation(note)
    assert [g.id for g in Store(library).annotations_for(a.id)] == [other.id]


def test_saving_a_note_does_not_rewrite_articles(store: Store, library: Path) -> None:
    [a], _ = store.add_articles([art("t")])
    before = (library / "articles.json").stat().st_mtime_ns
    time.sleep(0.01)
    store.save_annotation(Annotation(id="", article_id=a.id, note="n"))
    assert (library / "articles.json").stat().st_mtime_ns == before


def test_feeds_round_trip(store: Store, library: Path) -> None:
    store.save_feed(Feed(id="", url="https://example.org/rss", name="المرصد", tags=["ar"]))
    [feed] = Store(library).feeds()
    assert feed.name == "المرصد" and feed.tags == ["ar"]
    store.delete_feed(feed.id)
    assert Store(library).feeds() == []


def test_crash_during_write_leaves_old_file_intact(store: Store, library: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    [a], _ = store.add_articles([art("first")])
    before = (library / "articles.json").read_bytes()

    def crash(*args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.add_articles([art("second", "other body")])
    monkeypatch.undo()
    assert (library / "articles.json").read_bytes() == before
    assert [x.title for x in Store(library).articles()] == ["first"]


def test_corrupt_file_is_set_aside_and_reported(library: Path) -> None:
    store = Store(library)
    store.add_articles([art("t")])
    store.close()
    (library / "articles.json").write_text('{"articles": {"1": {"title": "bro', encoding="utf-8")
    reopened = Store(library)
    assert reopened.articles() == []
    asides = list(library.glob("articles.corrupt-*.json"))
    assert len(asides) == 1 and asides[0].read_text().startswith('{"articles"')
    assert any("moved aside" in w for w in reopened.warnings)


def test_newer_schema_is_refused(library: Path) -> None:
    Store(library).close()
    meta = json.loads((library / "meta.json").read_text())
    meta["meta"]["1"]["schema"] = 99
    (library / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="newer Marsad"):
        Store(library)


HOLD_LOCK = """
import fcntl, sys, time
fh = open(sys.argv[1], "a+")
fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_lock_file_blocks_a_second_writer(store: Store, library: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(library / ".lock"), "0.6"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    start = time.monotonic()
    store.add_articles([art("waited")])
    waited = time.monotonic() - start
    proc.wait()
    assert waited > 0.3, "the write did not wait for the other process's lock"


WRITER = """
import sys
from tui.store import Store
from tui.models import Article
s = Store(sys.argv[1])
for i in range(15):
    s.add_articles([Article(id="", title=f"{sys.argv[2]}-{i}", body=f"{sys.argv[2]} body {i}")])
"""


def test_two_processes_writing_lose_nothing(library: Path) -> None:
    Store(library).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(library), name]) for name in ("a", "b")]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    titles = {a.title for a in Store(library).articles()}
    assert titles == {f"{n}-{i}" for n in "ab" for i in range(15)}


def test_readonly_store_refuses_writes(library: Path) -> None:
    Store(library).close()
    ro = Store(library, readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        ro.add_articles([art("x")])
