"""The store against real TinyDB files in a temp folder."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.errors import StoreError
from tui.models import Annotation, Article, Feed
from tui.search import parse_query
from tui.store import ListQuery, Store, bucket_of


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


def test_articles_live_in_sqlite_with_bodies_apart(store: Store, library: Path) -> None:
    [a], _ = store.add_articles([art("t", "unique-body-text")])
    assert not (library / "articles.json").exists() and not (library / "bodies").exists()
    conn = sqlite3.connect(library / "library.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT title FROM articles WHERE id = ?", (a.id,)).fetchone() == ("t",)
    assert conn.execute("SELECT body FROM bodies").fetchone() == ("unique-body-text",)

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


def test_saving_a_note_writes_tinydb_and_mirrors_the_count(store: Store, library: Path) -> None:
    [a], _ = store.add_articles([art("t")])
    store.save_annotation(Annotation(id="", article_id=a.id, note="n", tags=["وسم"]))
    assert "n" in (library / "annotations" / f"{bucket_of(a.id)}.json").read_text()
    [row] = store.window()
    assert row.annotations == 1
    assert store.count(ListQuery(has_notes=True)) == 1
    assert store.count(ListQuery(tags=("وسم",))) == 1

def test_feeds_round_trip(store: Store, library: Path) -> None:
    store.save_feed(Feed(id="", url="https://example.org/rss", name="المرصد", tags=["ar"]))
    [feed] = Store(library).feeds()
    assert feed.name == "المرصد" and feed.tags == ["ar"]
    store.delete_feed(feed.id)
    assert Store(library).feeds() == []


def test_crash_during_an_import_leaves_the_library_as_it_was(store: Store, library: Path) -> None:
    store.add_articles([art("first")])

    def stream():  # a feed that breaks half-way
        yield art("second", "other body")
        raise OSError("power cut")

    with pytest.raises(OSError):
        store.add_articles(stream())
    assert [x.title for x in Store(library).articles()] == ["first"]

def test_corrupt_database_is_set_aside_and_reported(library: Path) -> None:
    store = Store(library)
    store.add_articles([art("t")])
    store.close()
    for extra in ("library.sqlite-wal", "library.sqlite-shm"):
        (library / extra).unlink(missing_ok=True)
    (library / "library.sqlite").write_bytes(b"junk that is not a database" * 100)
    reopened = Store(library)
    assert reopened.articles() == []
    asides = list(library.glob("library.corrupt-*.sqlite"))
    assert len(asides) == 1 and asides[0].read_bytes().startswith(b"junk")
    assert any("moved aside" in w for w in reopened.warnings)


def test_corrupt_json_file_is_set_aside_and_reported(library: Path) -> None:
    store = Store(library)
    store.save_feed(Feed(id="", url="https://example.org/rss"))
    store.close()
    (library / "feeds.json").write_text('{"feeds": {"1": {"url": "bro', encoding="utf-8")
    reopened = Store(library)
    assert reopened.feeds() == []
    assert len(list(library.glob("feeds.corrupt-*.json"))) == 1
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


def test_lock_file_blocks_a_second_json_writer(store: Store, library: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(library / ".lock"), "0.6"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    start = time.monotonic()
    store.save_feed(Feed(id="", url="https://example.org/waited"))
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


# -- the list's windows, counts and the change stamp -----------------------------


def dated(title: str, day: int, **kw) -> Article:  # type: ignore[no-untyped-def]
    return Article(id="", title=title, body=f"نص {title}", url=f"https://example.org/{title}",
                   published=f"2026-01-{day:02d}T10:00:00+00:00", **kw)


def test_window_count_and_position(store: Store) -> None:
    store.add_articles([dated(f"a{d}", d, source="Wire" if d % 2 else "وكالة", language="ar" if d % 3 else "en")
                        for d in range(1, 29)])
    assert store.count() == 28
    assert [r.article.title for r in store.window(offset=0, limit=3)] == ["a28", "a27", "a26"]
    assert [r.article.title for r in store.window(offset=26, limit=5)] == ["a2", "a1"]
    assert [r.article.title for r in store.window(ListQuery(sort="oldest"), 0, 2)] == ["a1", "a2"]
    wire = ListQuery(sources=("wire",))
    assert store.count(wire) == 14 and all(r.article.source == "Wire" for r in store.window(wire, 0, 50))
    assert store.count(ListQuery(languages=("en",))) == 9
    assert store.count(ListQuery(date_from="2026-01-10", date_to="2026-01-12")) == 3
    assert store.index_of(store.window(offset=5, limit=1)[0].article.id) == 5
    assert store.window(offset=0, limit=0) == []


def test_window_filters_by_read_state_tags_and_search(store: Store) -> None:
    added, _ = store.add_articles([dated("طهران تستضيف", 1), dated("Muscat talks", 2, tags=["Oman"]),
                                   dated("ثالث", 3)])
    store.update_article(added[2].id, read=True)
    assert store.count(ListQuery(read=False)) == 2
    assert [r.article.title for r in store.window(ListQuery(tags=("oman",)))] == ["Muscat talks"]
    query = parse_query("طهران")
    assert [r.article.title for r in store.window(ListQuery(search=query))] == ["طهران تستضيف"]
    assert store.count(ListQuery(search=query, read=True)) == 0
    by_id = store.articles_by_ids([added[1].id, "missing"])
    assert list(by_id) == [added[1].id] and by_id[added[1].id].tags == ["Oman"]


def test_change_stamp_moves_on_every_kind_of_change(store: Store, library: Path) -> None:
    stamps = [store.change_stamp()]
    [a], _ = store.add_articles([art("t")])
    stamps.append(store.change_stamp())
    store.update_article(a.id, read=True)
    stamps.append(store.change_stamp())
    store.save_annotation(Annotation(id="", article_id=a.id, note="n"))
    stamps.append(store.change_stamp())
    store.save_feed(Feed(id="", url="https://example.org/rss"))
    stamps.append(store.change_stamp())
    other = Store(library)  # another copy sees a change made here, and the other way round
    other.add_articles([art("from the other copy", "x")])
    stamps.append(store.change_stamp())
    assert len(set(stamps)) == len(stamps)
    assert store.change_stamp() == store.change_stamp()


def test_reads_from_worker_threads(store: Store) -> None:
    import threading

    store.add_articles([dated(f"t{d}", d) for d in range(1, 20)])
    seen: list[int] = []

    def read() -> None:
        for _ in range(20):
            seen.append(len(store.window(offset=0, limit=10)))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    store.add_articles([dated("late", 25)])
    for t in threads:
        t.join()
    assert seen == [10] * 80


IMPORTER = """
import sys
from tui.store import Store
from tui.models import Article
s = Store(sys.argv[1])
for batch in range(10):
    s.add_articles(Article(id="", title=f"imported {batch}-{i}", body=f"body {batch} {i}") for i in range(50))
print("done", flush=True)
"""


def test_app_and_import_in_another_process(library: Path) -> None:
    """The app reads (and writes notes) while `marsad import` writes articles elsewhere."""
    app = Store(library)
    [mine], _ = app.add_articles([art("open in the app")])
    before = app.change_stamp()
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(library)], stdout=subprocess.PIPE, text=True)
    while proc.poll() is None:
        app.window(offset=0, limit=20)
        app.count()
        app.update_article(mine.id, read=not app.get_article(mine.id).read)
        app.save_annotation(Annotation(id="", article_id=mine.id, note="written while importing"))
    assert proc.returncode == 0 and proc.stdout.read().strip() == "done"
    assert app.count() == 501
    assert app.change_stamp() != before
    assert len(app.annotations_for(mine.id)) >= 1


# -- migration from the JSON library of earlier releases --------------------------

V1 = Path(__file__).parent / "fixtures" / "library_v1"


def test_library_of_the_previous_format_is_migrated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    library = tmp_path / "old"
    shutil.copytree(V1, library)
    old_ids = {d["id"] for d in json.loads((V1 / "articles.json").read_text())["articles"].values()}
    store = Store(library)
    assert "5 articles moved" in capsys.readouterr().err
    assert {a.id for a in store.articles()} == old_ids
    assert not (library / "articles.json").exists()
    assert (library / "migrated-v1" / "articles.json").exists()
    assert json.loads((library / "meta.json").read_text())["meta"]["1"]["schema"] == 2
    notes = store.all_annotations()
    assert len(notes) == 4 and all(store.get_article(n.article_id) is not None for n in notes)
    highlight = next(n for n in notes if n.kind == "highlight")
    body = store.get_article(highlight.article_id).body
    assert body[highlight.start:highlight.end] == highlight.quote == "الملف النووي"
    he = next(a for a in store.articles() if a.language == "he")
    assert he.read and store.get_article(he.id).body.startswith("הפגישה")
    assert store.count(ListQuery(has_notes=True)) == 3
    assert store.count(ListQuery(tags=("nuclear",))) == 1
    found = {aid for aid, _ in store.search(parse_query("لحن"))}  # notes are searchable after the move
    assert found == {n.article_id for n in notes if "لحن" in n.note}
    assert len(store.feeds()) == 2 and store.get_doc("corrections", "global")["renames"]
    store.close()
    again = Store(library)  # a second start migrates nothing
    assert capsys.readouterr().err == "" and again.article_count() == 5


def test_read_only_library_of_the_previous_format_opens(tmp_path: Path) -> None:
    import shutil

    library = tmp_path / "old"
    shutil.copytree(V1, library)
    store = Store(library, readonly=True, progress=lambda done, total: None)
    assert store.article_count() == 5 and len(store.all_annotations()) == 4
    assert (library / "articles.json").exists() and not (library / "library.sqlite").exists()


@pytest.mark.parametrize("sort", ["newest", "oldest", "source", "annotated"])
def test_index_of_agrees_with_the_window_in_every_order(store: Store, sort: str) -> None:
    added, _ = store.add_articles([dated(f"s{d}", d % 9 + 1, source=f"src{d % 4}") for d in range(40)])
    for art_ in added[::7]:
        store.save_annotation(Annotation(id="", article_id=art_.id, note="n"))
    for query in (ListQuery(sort=sort), ListQuery(sort=sort, sources=("src1", "src3"))):
        order = [r.article.id for r in store.window(query, 0, 100)]
        assert [store.index_of(aid, query) for aid in order] == list(range(len(order)))
    assert store.index_of(added[0].id, ListQuery(sort=sort, sources=("nowhere",))) is None


def test_store_rows_read_pages_on_demand(store: Store) -> None:
    from tui.store import StoreRows
    from tui.store.rows import PAGE

    store.add_articles([dated(f"r{i}", i % 28 + 1) for i in range(PAGE * 2 + 17)])
    rows = StoreRows(store)
    assert len(rows) == PAGE * 2 + 17 and rows._pages == {}  # noqa: SLF001 - counting reads no rows
    last = rows[-1]
    assert list(rows._pages) == [2]  # noqa: SLF001 - only the last page was read
    assert [r.article.id for r in rows] == [r.article.id for r in store.window(offset=0, limit=10_000)]
    assert rows.index_of(last.article.id) == len(rows) - 1
    assert [r.article.id for r in rows[3:6]] == [rows[i].article.id for i in range(3, 6)]
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_change_record_tells_own_bumps_from_other_threads_and_processes(store: Store, library: Path) -> None:
    """The library poll re-reads the list only for changes made elsewhere (not for marking read here)."""
    import threading

    [a], _ = store.add_articles([art("واحد")])
    seen = store.db.counter()
    store.update_article(a.id, read=True)  # this thread's own write
    others, now = store.db.changed_by_others(seen)
    assert not others and now == seen + 1

    worker = threading.Thread(target=lambda: store.add_articles([art("من خيط آخر", url="https://e.org/t")]))
    worker.start()
    worker.join()
    others, later = store.db.changed_by_others(now)
    assert others and later == now + 1

    Store(library).add_articles([art("من عملية أخرى", url="https://e.org/p")])  # another connection
    others, last = store.db.changed_by_others(later)
    assert others and last == later + 1
    assert store.db.changed_by_others(last) == (False, last)
