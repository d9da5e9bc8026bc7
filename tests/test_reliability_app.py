"""The app's side of reliability (Pilot): the start-up check, the repair, a full disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pilot_helpers import started, workers_done

from tui.app import make_app
from tui.config import Config
from tui.models import Feed
from tui.store import Store
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.article_list import ArticleList
from tui.widgets.bidi_text_area import BidiTextArea


def seeded(config: Config) -> None:
    app = make_app(config)  # seeds the sample library on first run
    app.store.save_feed(Feed(id="", url="https://example.org/one.xml", name="الأولى"))
    app.store.save_feed(Feed(id="", url="https://example.org/two.xml", name="השנייה"))
    app.store.close()


async def wait_for(app, pilot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    for _ in range(60):
        await pilot.pause(0.1)
        await workers_done(app)
        messages = [n.message for n in app._notifications]
        if any(text in m for m in messages):
            return messages
    raise AssertionError(f"no notification with {text!r}: {[n.message for n in app._notifications]}")


async def test_damaged_feeds_file_is_reported_at_start_and_repaired_from_the_app(config: Config) -> None:
    seeded(config)
    (config.library / "feeds.json").write_bytes(b'{"feeds": {"1": {"url": "https://exa')
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(app, pilot)
        messages = await wait_for(app, pilot, "needs a repair")
        assert any("feeds.json" in m and "Repair the library" in m for m in messages)
        await app.screen.run_action("repair_library")
        messages = await wait_for(app, pilot, "Library repaired")
    assert sorted(f.url for f in Store(config.library).feeds()) == ["https://example.org/one.xml",
                                                                      "https://example.org/two.xml"]


async def test_a_healthy_library_says_nothing(config: Config) -> None:
    seeded(config)
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await started(app, pilot)
        await pilot.pause(2.0)
        await workers_done(app)
        assert not any("repair" in n.message for n in app._notifications)


async def test_a_note_on_a_full_disk_is_not_shown_as_saved(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC injected at the fsync of the note's file: the app says so, the panel does not show it."""
    seeded(config)
    app = make_app(config)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        screen = await started(app, pilot)
        listing = screen.query_one(ArticleList)
        listing.focus()
        await pilot.press("enter")
        await pilot.pause()
        article_id = screen.article.id

        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(BidiTextArea).insert("ملاحظة لن تحفظ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.undo()
        assert any("disk is full" in n.message for n in app._notifications)
        assert not any("لن تحفظ" in a.note for a in screen.query_one(AnnotationPanel).annotations)
        assert not any("لن تحفظ" in a.note for a in app.store.annotations_for(article_id))
        await pilot.press("q")
    assert not any("لن تحفظ" in a.note for a in Store(config.library).annotations_for(article_id))


def test_palette_offers_the_repair(config: Config) -> None:
    seeded(config)
    app = make_app(config)
    from tui.screens.main import MainScreen

    screen = MainScreen(app.store, config)
    titles = [c.title for c in app.get_system_commands(screen)]
    assert "Repair the library" in titles




async def test_the_app_on_a_readonly_medium_reads_and_never_crashes(tmp_path: Path) -> None:
    """A library on a read-only mount: opens saying so; enter, B and a note give notices, not crashes."""
    from faults import remount_readonly, tmpfs

    from tui.config import THEMES_DIR

    with tmpfs(8192) as where:
        config = Config(library=where / "library", theme="marsad-dark", themes_dir=THEMES_DIR)
        seeded(config)
        remount_readonly(where)
        app = make_app(config)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            screen = await started(app, pilot)
            assert app.store.readonly
            screen.query_one(ArticleList).focus()
            await pilot.press("enter")  # opening marks the article read: refused, not a crash
            await pilot.pause()
            assert screen.article is not None
            await pilot.press("B")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            app.screen.query_one(BidiTextArea).insert("ملاحظة")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await workers_done(app)
            messages = " ".join(n.message for n in app._notifications)
            assert "read-only" in messages
            assert app.is_running


async def test_an_unreadable_notes_file_is_a_notice_and_is_never_overwritten(config: Config) -> None:
    """A notes file that cannot be read (here a folder in its place: unreadable even for root).

    The app opens, says which file and what to do, shows the rest; a note on
    an article of that bucket is refused rather than replacing the file.
    """
    from tui.models import Annotation
    from tui.store import bucket_of

    seeded(config)
    store = Store(config.library)
    art = store.articles()[0]
    store.save_annotation(Annotation(id="", article_id=art.id, note="محفوظة"))
    store.close()
    path = config.library / "annotations" / f"{bucket_of(art.id)}.json"
    kept = path.read_bytes()
    path.unlink()
    path.mkdir()
    (path / "what-was-there.json").write_bytes(kept)
    app = make_app(config)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await started(app, pilot)
        await pilot.pause()
        messages = " ".join(n.message for n in app._notifications)
        assert path.name in messages and "could not read" in messages
        with pytest.raises(Exception, match="nothing was saved to it"):
            app.store.save_annotation(Annotation(id="", article_id=art.id, note="جديدة"))
        assert app.is_running
    assert path.is_dir() and (path / "what-was-there.json").read_bytes() == kept


async def test_a_note_saved_in_another_window_shows_in_the_open_article(config: Config) -> None:
    from tui.models import Annotation

    seeded(config)
    app = make_app(config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        screen.query_one(ArticleList).focus()
        await pilot.press("enter")
        await pilot.pause()
        article_id = screen.article.id
        other = Store(config.library)  # the second window: its own connection and files
        other.save_annotation(Annotation(id="", article_id=article_id, note="من النافذة الأخرى"))
        other.close()
        for _ in range(50):
            await pilot.pause(0.1)
            if any("من النافذة الأخرى" in a.note for a in screen.query_one(AnnotationPanel).annotations):
                break
        assert any("من النافذة الأخرى" in a.note for a in screen.query_one(AnnotationPanel).annotations)
