"""The corruption matrix: every library file x every kind of damage.

For each damaged file:
- the read-only commands (``export``, ``search``, ``feeds list``) never print
  a traceback and never move a file: the command that needs the file exits
  non-zero with one line naming it, and the file is left byte for byte;
- the app's store sets the file aside (timestamped, never deleted) and
  reports it, and everything else in the library is still there;
- ``marsad doctor`` names the file and exits 1; ``marsad doctor --repair``
  brings the library back with every note attached and exits 0.

Unreadable files are tested as user nobody (the tests run as root, and root
reads anything): see ``faults.run_as_nobody``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from faults import run_as_nobody, shared_dir

from tui.cli import main
from tui.models import Annotation, Article, Feed
from tui.store import Store, bucket_of


def build(library: Path) -> dict[str, str]:
    """A small library with notes, feeds and corrections; returns note id -> article id."""
    store = Store(library)
    store.save_feed(Feed(id="", url="https://example.org/ar.xml", name="وكالة"))
    store.save_feed(Feed(id="", url="https://example.org/fa.xml", name="خبرگزاری"))
    store.put_doc("corrections", "ترامب", {"action": "rename", "name": "دونالد ترامب"})
    notes: dict[str, str] = {}
    for i, (title, body) in enumerate([("محادثات مسقط", "قال الوزير إن المحادثات ستستأنف في مسقط"),
                                       ("گفتگوها", "وزیر گفت گفتگوها در مسقط ادامه می‌یابد"),
                                       ("שיחות", "השר אמר כי השיחות יחודשו במסקט")]):
        store.add_articles([Article(id="", title=title, body=body, url=f"https://example.org/{i}")])
        art = next(a for a in store.articles() if a.url == f"https://example.org/{i}")
        for j in range(2):
            ann = store.save_annotation(Annotation(id="", article_id=art.id, kind="highlight", start=0, end=3,
                                                   quote=body[:3], note=f"ملاحظة {i}-{j}", tags=[f"t{i}"]))
            notes[ann.id] = art.id
    store.close()
    return notes


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: max(1, len(raw) // 2)],
    "empty": lambda raw: b"",
    "zeroed": lambda raw: b"\0" * len(raw),
    "junk": lambda raw: bytes((i * 37 + 11) % 256 for i in range(len(raw))),
    "invalid-utf8": lambda raw: raw.replace(b'"', b'"\xff\xfe', 1) if raw.startswith(b"{") else b"\xff" + raw[1:],
    "wrong-shape": lambda raw: b'{"annotations": [1, 2, 3], "feeds": "x"}' if raw.startswith(b"{") else b"[1, 2, 3]",
}

# file -> the read-only command that must refuse to work from it
JSON_FILES = {
    "feeds.json": ["feeds", "list"],
    "annotations/BUCKET.json": ["export", "--format", "json"],
    "meta.json": ["export", "--format", "json"],
    "corrections.json": None,
}
ARTICLE_DB = "library.sqlite"


def target(library: Path, name: str, notes: dict[str, str]) -> Path:
    if "BUCKET" in name:
        return library / name.replace("BUCKET", bucket_of(next(iter(notes.values()))))
    return library / name


def run_cli(args: list[str], library: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--library", str(library)])
    out, err = capsys.readouterr()
    return code, out, err


def read_only_commands() -> list[list[str]]:
    return [["export", "--format", "json"], ["search", "مسقط"], ["feeds", "list"]]


def assert_notes_attached(library: Path, notes: dict[str, str]) -> None:
    store = Store(library)
    try:
        got = {a.id: a for a in store.all_annotations()}
        assert set(got) == set(notes)
        for ann_id, art_id in notes.items():
            assert got[ann_id].article_id == art_id
            assert store.get_article(art_id) is not None, "the note's article is back"
        assert len(store.feeds()) == 2
    finally:
        store.close()


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("name", list(JSON_FILES))
def test_damaged_json_file(name: str, damage: str, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = build(library)
    path = target(library, name, notes)
    broken = DAMAGE[damage](path.read_bytes())
    path.write_bytes(broken)
    rel = path.relative_to(library).as_posix()

    # read-only commands: report, never move, never a traceback
    for args in read_only_commands():
        code, _, err = run_cli(args, library, capsys)
        assert "Traceback" not in err
        if code != 0:
            assert len(err.strip().splitlines()) == 1 and path.name in err
    needs = JSON_FILES[name]
    if needs:
        code, _, err = run_cli(needs, library, capsys)
        assert code != 0 and "doctor" in err
    assert path.read_bytes() == broken, "a read-only command moved or changed the damaged file"

    # doctor without --repair: names it, changes nothing
    code, out, _ = run_cli(["doctor"], library, capsys)
    assert code == 1 and rel in out
    assert path.read_bytes() == broken

    # the app's store: set aside, reported, the rest intact
    store = Store(library)
    store.feeds(), store.all_annotations(), store.all_docs("corrections"), store.articles()
    assert any(path.name in w and "moved aside" in w for w in store.warnings)
    store.close()
    assert list(path.parent.glob(f"{path.stem}.corrupt-*{path.suffix}"))

    # doctor --repair: everything back
    code, out, _ = run_cli(["doctor", "--repair"], library, capsys)
    assert code == 0, out
    assert_notes_attached(library, notes)
    assert len(Store(library).all_docs("corrections")) == 1


@pytest.mark.parametrize("damage", ["truncated", "empty", "zeroed", "junk", "wrong-shape"])
def test_damaged_article_database(damage: str, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = build(library)
    path = library / ARTICLE_DB
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    if damage == "wrong-shape":
        path.unlink()
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE articles(x)")
        conn.commit()
        conn.close()
        broken = path.read_bytes()
    else:
        broken = DAMAGE[damage](path.read_bytes())
        path.write_bytes(broken)

    for args in read_only_commands():
        code, _, err = run_cli(args, library, capsys)
        assert "Traceback" not in err
    code, _, err = run_cli(["search", "مسقط"], library, capsys)
    assert code != 0 and ARTICLE_DB in err and "doctor" in err
    assert not list(library.glob("library.corrupt-*")), "a read-only command moved the database"
    if damage != "wrong-shape":  # SQLite may switch a foreign database's journal mode; nothing else
        assert path.read_bytes() == broken

    code, out, _ = run_cli(["doctor", "--repair"], library, capsys)
    assert code == 0, out
    assert_notes_attached(library, notes)
    code, out, _ = run_cli(["search", "مسقط"], library, capsys)
    assert code == 0


def test_doctor_on_a_healthy_library_exits_0(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(library)
    code, out, _ = run_cli(["doctor"], library, capsys)
    assert code == 0 and "healthy" in out


def test_a_deleted_article_database_comes_back_with_every_note(library: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    notes = build(library)
    for extra in ("", "-wal", "-shm"):
        Path(str(library / ARTICLE_DB) + extra).unlink(missing_ok=True)
    code, out, _ = run_cli(["doctor", "--repair"], library, capsys)
    assert code == 0, out
    assert_notes_attached(library, notes)


def test_settings_file_damaged_is_reported_not_fatal_and_restored(library: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from tui.config import load_config, save_setting
    from tui.filters import Filter, save_view

    build(library)
    config = load_config(library)
    save_setting(config, "theme", "marsad-light")
    save_view(config, "إيران", Filter(tags=("iran",)))
    (library / "settings.toml").write_bytes(b"\xff\xfe = = [")
    code, _, err = run_cli(["feeds", "list"], library, capsys)
    assert code == 0 and "Traceback" not in err
    code, out, _ = run_cli(["doctor"], library, capsys)
    assert code == 1 and "settings.toml" in out
    code, out, _ = run_cli(["doctor", "--repair"], library, capsys)
    assert code == 0, out
    restored = load_config(library)
    assert restored.theme == "marsad-light" and "إيران" in restored.saved_views


# -- unreadable files (as nobody) ------------------------------------------------------


@pytest.mark.parametrize("name", ["feeds.json", "annotations/BUCKET.json", "meta.json", "corrections.json", ARTICLE_DB])
def test_unreadable_file_is_one_line_not_a_traceback(name: str) -> None:
    where = shared_dir()
    try:
        library = where / "library"
        notes = build(library)
        for p in [library, *library.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        path = target(library, name, notes)
        path.chmod(0)
        results = [run_as_nobody([*args, "--library", str(library)]) for args in
                   (["export", "--format", "json"], ["search", "مسقط"], ["feeds", "list"], ["doctor"])]
        for done in results:
            assert "Traceback" not in done.stderr, done.stderr
            if done.returncode != 0:
                assert len(done.stderr.strip().splitlines()) <= 1
        assert any(done.returncode != 0 and path.name in done.stderr + done.stdout for done in results)
        assert results[-1].returncode == 1
    finally:
        for p in where.rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(where, ignore_errors=True)


def test_readonly_folder_for_its_user_reads_and_refuses_writes_in_one_line() -> None:
    where = shared_dir()
    try:
        library = where / "library"
        build(library)
        # as root the library is root's and the command runs as nobody; otherwise
        # the owner takes the write permission away from themselves
        mode = 0o755 if os.geteuid() == 0 else 0o555
        for p in [library, *library.rglob("*")]:
            p.chmod(mode if p.is_dir() else 0o644)
        done = run_as_nobody(["export", "--format", "json", "--library", str(library)])
        assert done.returncode == 0 and "ملاحظة" in done.stdout, done.stderr
        done = run_as_nobody(["search", "مسقط", "--library", str(library)])
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        done = run_as_nobody(["feeds", "add", "https://example.org/new.xml", "--library", str(library)])
        assert done.returncode != 0 and "read-only" in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    finally:
        for p in [where, *where.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)
        shutil.rmtree(where, ignore_errors=True)


def test_doctor_json_report(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    notes = build(library)
    target(library, "annotations/BUCKET.json", notes).write_bytes(b"\x00" * 10)
    code, out, _ = run_cli(["doctor", "--json"], library, capsys)
    report = json.loads(out)
    assert code == 1 and report["healthy"] is False
    assert report["problems"][0]["file"].startswith("annotations/") and report["problems"][0]["repairable"]
    code, out, _ = run_cli(["doctor", "--repair", "--json"], library, capsys)
    report = json.loads(out)
    assert code == 0 and report["healthy"] and report["repaired"]
    assert_notes_attached(library, notes)
