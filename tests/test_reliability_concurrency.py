"""Two running copies of Marsad editing the same annotations: nothing is lost.

Each copy is a real process with its own Store, driven line by line over a
pipe (``load``, ``note``, ``tag``, ``save``), so the interleaving is exactly
the one an analyst with two windows would produce.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from faults import REPO

from tui.models import Annotation, Article
from tui.store import Store
from tui.store.merge import BOTH_KEPT, merge_annotation

EDITOR = """
import sys, json
sys.path.insert(0, {repo!r})
from tui.store import Store
store = Store(sys.argv[1])
ann = None
for line in sys.stdin:
    cmd, _, arg = line.rstrip("\\n").partition(" ")
    if cmd == "load":
        ann = next(a for a in store.annotations_for(arg.split()[0]) if a.id == arg.split()[1])
    elif cmd == "note":
        ann.note = arg
    elif cmd == "append":
        ann.note = (ann.note + " " + arg).strip()
    elif cmd == "tag":
        ann.tags = [*ann.tags, arg]
    elif cmd == "untag":
        ann.tags = [t for t in ann.tags if t != arg]
    elif cmd == "move":
        ann.start, ann.end = (int(x) for x in arg.split())
    elif cmd == "save":
        store.save_annotation(ann)
    elif cmd == "delete":
        store.delete_annotation(ann)
    print(json.dumps({{"rev": ann.rev, "warnings": store.warnings}}), flush=True)
    store.warnings.clear()
"""


class Copy:
    """One running Marsad process holding one annotation in memory."""

    def __init__(self, library: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", EDITOR.format(repo=str(REPO)), str(library)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def do(self, line: str) -> dict:  # type: ignore[type-arg]
        import json

        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        assert self.proc.wait(timeout=30) == 0


def highlight(library: Path, note: str = "", tags: list[str] | None = None) -> tuple[str, str]:
    store = Store(library)
    store.add_articles([Article(id="", title="خبر", body="قال الوزير إن المحادثات ستستأنف الأسبوع المقبل في مسقط",
                                url="https://example.org/talks")])
    art = store.articles()[0]
    ann = store.save_annotation(Annotation(id="", article_id=art.id, kind="highlight", start=4, end=10,
                                           quote="الوزير", note=note, tags=tags or []))
    store.close()
    return art.id, ann.id


def stored(library: Path, art_id: str) -> Annotation:
    [ann] = [a for a in Store(library).annotations_for(art_id) if a.kind == "highlight"]
    return ann


def test_note_from_one_copy_and_tag_from_the_other_are_both_kept(library: Path) -> None:
    art_id, ann_id = highlight(library)
    a, b = Copy(library), Copy(library)
    a.do(f"load {art_id} {ann_id}")
    b.do(f"load {art_id} {ann_id}")
    a.do("note ملاحظة من النافذة الأولى")
    a.do("save")
    b.do("tag عمان")
    reply = b.do("save")
    a.close(), b.close()
    got = stored(library, art_id)
    assert got.note == "ملاحظة من النافذة الأولى"
    assert got.tags == ["عمان"]
    assert got.rev == 3
    assert reply["warnings"] == []  # nothing to tell: different fields


def test_the_same_note_changed_in_both_copies_keeps_both_and_says_so(library: Path) -> None:
    art_id, ann_id = highlight(library, note="أصل")
    a, b = Copy(library), Copy(library)
    a.do(f"load {art_id} {ann_id}")
    b.do(f"load {art_id} {ann_id}")
    a.do("note النسخة الأولى")
    a.do("save")
    b.do("note النسخة الثانية")
    reply = b.do("save")
    a.close(), b.close()
    got = stored(library, art_id)
    assert "النسخة الأولى" in got.note and "النسخة الثانية" in got.note and BOTH_KEPT in got.note
    assert any("both versions" in w for w in reply["warnings"])


def test_a_tag_removed_in_one_copy_and_added_in_the_other(library: Path) -> None:
    art_id, ann_id = highlight(library, tags=["إيران", "نفط"])
    a, b = Copy(library), Copy(library)
    a.do(f"load {art_id} {ann_id}")
    b.do(f"load {art_id} {ann_id}")
    a.do("untag نفط")
    a.do("save")
    b.do("tag مسقط")
    b.do("save")
    a.close(), b.close()
    assert stored(library, art_id).tags == ["إيران", "مسقط"]


def test_a_highlight_moved_differently_in_both_copies_becomes_two(library: Path) -> None:
    art_id, ann_id = highlight(library)
    a, b = Copy(library), Copy(library)
    a.do(f"load {art_id} {ann_id}")
    b.do(f"load {art_id} {ann_id}")
    a.do("move 0 3")
    a.do("save")
    b.do("move 11 19")
    reply = b.do("save")
    a.close(), b.close()
    spans = sorted((x.start, x.end) for x in Store(library).annotations_for(art_id))
    assert spans == [(0, 3), (11, 19)]
    assert reply["warnings"]


def test_an_edit_of_a_note_deleted_elsewhere_keeps_the_note(library: Path) -> None:
    art_id, ann_id = highlight(library, note="قديمة")
    a, b = Copy(library), Copy(library)
    a.do(f"load {art_id} {ann_id}")
    b.do(f"load {art_id} {ann_id}")
    a.do("delete")
    b.do("note جديدة")
    reply = b.do("save")
    a.close(), b.close()
    assert stored(library, art_id).note == "جديدة"
    assert any("deleted in another window" in w for w in reply["warnings"])


STORM = """
import sys, random, time
sys.path.insert(0, {repo!r})
from tui.store import Store
store = Store(sys.argv[1])
art_id, ann_id, who, n = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
rng = random.Random(who)
for i in range(n):
    ann = next(a for a in store.annotations_for(art_id) if a.id == ann_id)
    time.sleep(rng.uniform(0, 0.01))  # the analyst types
    if who == "notes":
        ann.note = (ann.note + f" n{{i}}").strip()
    else:
        ann.tags = [*ann.tags, f"t{{i}}"]
    store.save_annotation(ann)
"""


def test_two_processes_editing_one_annotation_for_a_while_lose_nothing(library: Path) -> None:
    art_id, ann_id = highlight(library)
    n = 40
    procs = [subprocess.Popen([sys.executable, "-c", STORM.format(repo=str(REPO)), str(library),
                               art_id, ann_id, who, str(n)]) for who in ("notes", "tags")]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    got = stored(library, art_id)
    assert got.note.split() == [f"n{i}" for i in range(n)]
    assert got.tags == [f"t{i}" for i in range(n)]
    assert got.rev == 1 + 2 * n


def test_two_way_merge_without_a_known_base_unites_tags_and_keeps_both_notes() -> None:
    mine = {"note": "أ", "tags": ["x"], "kind": "note"}
    theirs = {"note": "ب", "tags": ["y"], "kind": "note"}
    merged = merge_annotation(None, mine, theirs)
    assert merged.doc["tags"] == ["y", "x"]
    assert "أ" in merged.doc["note"] and "ب" in merged.doc["note"]
    assert merged.conflicts == ["note"]


def test_same_process_stale_object_is_merged_too(store: Store) -> None:
    store.add_articles([Article(id="", title="t", body="نص", url="https://example.org/1")])
    art_id = store.articles()[0].id
    ann = store.save_annotation(Annotation(id="", article_id=art_id, note="one"))
    first, second = store.annotations_for(art_id)[0], store.annotations_for(art_id)[0]
    first.tags = ["a"]
    store.save_annotation(first)
    second.note = "two"
    store.save_annotation(second)
    [got] = store.annotations_for(art_id)
    assert (got.note, got.tags, got.id) == ("two", ["a"], ann.id)
    assert second.tags == ["a"]  # the caller's object shows what was stored


IMPORTER = """
import sys
sys.path.insert(0, {repo!r})
from tui.store import Store
from tui.models import Article
store = Store(sys.argv[1])
for i in range(int(sys.argv[2])):
    store.add_articles([Article(id="", title=f"cron {{i}}", body=f"خبر عاجل رقم {{i}}", url=f"https://example.org/cron/{{i}}")])
"""


def test_two_copies_editing_while_a_cron_fetch_adds_articles(library: Path) -> None:
    """The app in two windows and a cron `marsad fetch`, all on one library at once."""
    art_id, ann_id = highlight(library)
    n = 25
    procs = [subprocess.Popen([sys.executable, "-c", STORM.format(repo=str(REPO)), str(library),
                               art_id, ann_id, who, str(n)]) for who in ("notes", "tags")]
    procs.append(subprocess.Popen([sys.executable, "-c", IMPORTER.format(repo=str(REPO)), str(library), "60"]))
    assert all(p.wait(timeout=180) == 0 for p in procs)
    got = stored(library, art_id)
    assert got.note.split() == [f"n{i}" for i in range(n)]
    assert got.tags == [f"t{i}" for i in range(n)]
    titles = {a.title for a in Store(library).articles()}
    assert {f"cron {i}" for i in range(60)} <= titles


def test_undo_of_a_delete_in_the_same_window_says_nothing(store: Store) -> None:
    store.add_articles([Article(id="", title="t", body="نص", url="https://example.org/u")])
    art_id = store.articles()[0].id
    ann = store.save_annotation(Annotation(id="", article_id=art_id, note="تراجع"))
    store.delete_annotation(ann)
    store.save_annotation(ann)  # `u`
    assert store.warnings == []
    assert [a.note for a in store.annotations_for(art_id)] == ["تراجع"]
