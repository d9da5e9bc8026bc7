"""Durability of the library's JSON files under real faults.

kill -9 in the middle of saves, temp files of dead writers, an equal-size
rewrite by another process, a full disk (a real tiny tmpfs, and ENOSPC
injected at the fsync), a read-only medium.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from faults import dead_pid, fill_up, kill_saves, remount_readonly, temp_files, tmpfs

from tui.cli import main
from tui.errors import StoreError
from tui.models import Annotation, Article, Feed
from tui.store import Store
from tui.store.files import atomic_write_bytes, remove_stale_temps


def article(store: Store) -> str:
    store.add_articles([Article(id="", title="عنوان", body="نص المقال للاختبار", url="https://example.org/a")])
    return next(a.id for a in store.articles() if a.url == "https://example.org/a")


def test_twenty_kills_lose_no_acknowledged_save_and_leave_no_temp_file(library: Path) -> None:
    report = kill_saves(library, kills=20, seed=16)
    assert report.kills == 20
    assert report.acknowledged > 20
    assert report.lost == []
    assert report.unparsable == []
    assert report.temps_after_open == 0


def test_temp_files_of_dead_processes_are_removed_at_open(library: Path) -> None:
    Store(library).close()
    (library / "annotations").mkdir(exist_ok=True)
    dead = [library / f".feeds.json.{dead_pid()}.tmp", library / "annotations" / f".07.json.{dead_pid()}-ab12cd34.tmp"]
    mine = library / f".feeds.json.{os.getpid()}-0badf00d.tmp"
    digits = library / f".feeds.json.{os.getpid()}-{dead_pid():08d}.tmp"  # an all-digit token is no pid
    foreign = library / "notes.tmp"
    for path in (*dead, mine, digits, foreign):
        path.write_text("{half", encoding="utf-8")
    Store(library).close()
    assert not any(p.exists() for p in dead)
    assert mine.exists() and digits.exists() and foreign.exists()  # a live writer's temp and a file not ours stay


def test_readonly_open_removes_nothing(library: Path) -> None:
    Store(library).close()
    stale = library / f".feeds.json.{dead_pid()}.tmp"
    stale.write_text("{", encoding="utf-8")
    Store(library, readonly=True).close()
    assert stale.exists()
    assert remove_stale_temps(library) == [stale]


def test_an_equal_size_rewrite_by_another_process_is_seen(library: Path) -> None:
    first, second = Store(library), Store(library)
    art_id = article(first)
    note = first.save_annotation(Annotation(id="n1", article_id=art_id, note="aaaa"))
    assert [a.note for a in second.annotations_for(art_id)] == ["aaaa"]
    note.note = "bbbb"  # same length: same file size, written within the same clock tick
    first.save_annotation(note)
    assert [a.note for a in second.annotations_for(art_id)] == ["bbbb"]


def test_an_unchanged_file_is_not_parsed_again(store: Store) -> None:
    store.save_feed(Feed(id="", url="https://example.org/rss"))
    storage = store._db("feeds.json").storage
    assert storage.read() is storage.read()


def test_the_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.path.isdir(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic_write_bytes(tmp_path / "x.json", b"{}")
    assert synced == [False, True]  # the file's data first, then the folder's entry


# -- a full disk --------------------------------------------------------------------


def test_full_disk_on_a_real_tmpfs_keeps_the_old_file_and_says_so(tmp_path: Path) -> None:
    with tmpfs(2048) as where:
        library = where / "library"
        store = Store(library)
        art_id = article(store)
        saved = store.save_annotation(Annotation(id="keep", article_id=art_id, note="محفوظة"))
        before = {p: p.read_bytes() for p in (library / "annotations").iterdir()}
        fill_up(where)
        big = Annotation(id="lost", article_id=art_id, note="ملاحظة طويلة " * 4000)
        with pytest.raises(StoreError, match="disk is full") as caught:
            store.save_annotation(big)
        assert str(library / "annotations") in str(caught.value)
        assert {p: p.read_bytes() for p in (library / "annotations").iterdir()} == before
        assert temp_files(library) == []
        # the unsaved note is not shown as saved, the saved one still is
        assert [a.id for a in store.annotations_for(art_id)] == [saved.id]
        (where / "ballast").unlink()
        store.save_annotation(big)
        assert {a.id for a in Store(library).annotations_for(art_id)} == {"keep", "lost"}


def test_enospc_at_fsync_is_one_line_and_no_temp_file(store: Store, library: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_feed(Feed(id="", url="https://example.org/one"))
    before = (library / "feeds.json").read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StoreError) as caught:
        store.save_feed(Feed(id="", url="https://example.org/two"))
    monkeypatch.undo()
    assert "disk is full" in str(caught.value) and "feeds.json" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert (library / "feeds.json").read_bytes() == before
    assert temp_files(library) == []
    assert [f.url for f in store.feeds()] == ["https://example.org/one"]


def test_cli_on_a_full_disk_exits_non_zero_with_one_line(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with tmpfs(2048) as where:
        library = where / "library"
        Store(library).close()
        fill_up(where)
        text = where.parent / "marsad-enospc-note.txt"
        text.write_text("عنوان\n\n" + "نص طويل " * 3000, encoding="utf-8")
        try:
            code = main(["feeds", "add", "https://example.org/feed.xml", "--library", str(library)])
            err = capsys.readouterr().err
            assert code != 0 and "disk is full" in err and "Traceback" not in err
            assert len(err.strip().splitlines()) == 1
            code = main(["import", str(text), "--library", str(library)])
            err = capsys.readouterr().err
            assert code != 0 and "Traceback" not in err
            assert temp_files(library) == []
        finally:
            text.unlink()


# -- a read-only medium --------------------------------------------------------------


def test_a_library_on_a_readonly_medium_opens_readonly_saying_so(capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(1024) as where:
        library = where / "library"
        store = Store(library)
        art_id = article(store)
        store.save_annotation(Annotation(id="n", article_id=art_id, note="باقية"))
        store.save_feed(Feed(id="", url="https://example.org/rss"))
        store.close()
        (library / "feeds.json").write_bytes(b"\x00" * 40)  # damaged, on a medium nobody can write
        remount_readonly(where)
        ro = Store(library)
        assert ro.readonly
        assert any("read-only" in w for w in ro.warnings)
        assert [a.note for a in ro.annotations_for(art_id)] == ["باقية"]
        with pytest.raises(StoreError, match="read-only"):
            ro.save_annotation(Annotation(id="", article_id=art_id, note="x"))
        with pytest.raises(StoreError, match="feeds.json is damaged"):
            ro.feeds()
        code = main(["feeds", "list", "--library", str(library)])
        err = capsys.readouterr().err
        assert code != 0 and "feeds.json" in err and "Traceback" not in err
        code = main(["export", "--library", str(library), "--format", "json"])
        out, err = capsys.readouterr()
        assert code == 0 and "باقية" in out


def test_temp_files_in_backup_folders_are_removed_too(library: Path) -> None:
    Store(library).close()
    deep = library / "backups" / "articles"
    deep.mkdir(parents=True)
    stale = deep / f".07.json.{dead_pid()}-ab12cd34.tmp"
    stale.write_text("{", encoding="utf-8")
    Store(library).close()
    assert not stale.exists()
