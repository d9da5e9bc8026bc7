"""Annotations as a user makes them: Pilot on the real app and a seeded library."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_helpers import started, workers_done
from textual.app import App, ComposeResult
from textual.widgets import Input

from tui.anchoring import anchor_highlight
from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.models import Annotation
from tui.screens.dialogs import (
    ConfirmDialog,
    ExportChoice,
    LastTagSuggester,
    NoteEditor,
    TagBox,
)
from tui.screens.main import MainScreen
from tui.store import Store
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.article_list import ArticleList
from tui.widgets.bidi_text_area import BidiTextArea
from tui.widgets.reader import Reader

PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
NOTE = "تصريح مهم: الوساطة العمانية تتقدم"


@pytest.fixture
def app_config(library: Path) -> Config:
    return Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR)


async def _open_arabic(app, pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    """Open the Oman talks sample (Arabic) from the list with the keyboard."""
    screen = await started(app, pilot)
    listing = screen.query_one(ArticleList)
    index = next(i for i, it in enumerate(listing.items) if it.article.url.endswith("/oman-talks"))
    listing.focus()
    await pilot.press(*["j"] * index, "enter")
    await pilot.pause()
    assert screen.article is not None and screen.article.language == "ar"
    assert screen.focused is screen.query_one(Reader)
    return screen


async def test_highlight_tag_note_survive_a_restart(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        reader = screen.query_one(Reader)
        await pilot.press("v", "w", "w", "w")
        span = reader.selection
        assert span is not None
        quote = screen.article.body[span[0]:span[1]]
        await pilot.press("h")
        await pilot.pause()
        assert reader.selection is None
        [ann] = app.store.annotations_for(screen.article.id)
        assert (ann.kind, ann.start, ann.end, ann.quote) == ("highlight", span[0], span[1], quote)
        assert ann.article_hash == screen.article.hash and len(ann.suffix) == 32
        assert any(m.kind == "highlight" and m.id == ann.id for m in reader.marks)
        # the reader cursor is inside the new highlight: t and n apply to it
        reader.jump_to(ann.start)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagBox)
        await pilot.press(*"إيران, negotiations", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(BidiTextArea).insert(NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
    library = app_config.library
    for path in (library / "annotations").glob("*.json"):
        assert not PRESENTATION.search(path.read_text(encoding="utf-8"))

    again = make_app(app_config)
    async with again.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(again, pilot)
        [ann] = again.store.annotations_for(screen.article.id)
        assert ann.tags == ["إيران", "negotiations"] and ann.note == NOTE and ann.quote == quote
        assert any(m.kind == "highlight" and (m.start, m.end) == (ann.start, ann.end)
                   for m in screen.query_one(Reader).marks)
        panel = screen.query_one(AnnotationPanel)
        assert [a.id for a in panel.annotations] == [ann.id]


async def test_article_note_and_tags_when_no_highlight_is_selected(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        article_id = screen.article.id
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(BidiTextArea).insert("ملاحظة على المقال")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        before = list(screen.article.tags)
        assert app.screen.query_one(Input).value == ", ".join(before) + ", "
        await pilot.press(*"إيران, negotiations", "enter")  # typing adds to the tags there
        await pilot.pause()
        [note] = app.store.annotations_for(article_id)
        assert note.kind == "note" and note.note == "ملاحظة على المقال" and note.start is None
        expected = before + ["إيران", "negotiations"]
        assert app.store.get_article(article_id).tags == expected
        item = screen.item_for(article_id)
        assert item.annotations == 1 and item.article.tags == expected
        assert screen.query_one(AnnotationPanel).article_tags == expected
        # escape cancels the editor and nothing changes
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(BidiTextArea).insert(" زيادة")
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.annotations_for(article_id)[0].note == "ملاحظة على المقال"


async def test_delete_asks_and_undo_restores(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        article = screen.article
        start = article.body.index("الأجواء كانت بناءة")
        ann = anchor_highlight(article.body, start, start + 18, article_id=article.id, note="مهم")
        app.store.save_annotation(ann)
        screen.refresh_annotations()
        panel = screen.query_one(AnnotationPanel)
        panel.focus()
        await pilot.pause()
        assert panel.selected is not None and panel.selected.id == ann.id
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing deleted
        await pilot.pause()
        assert len(app.store.annotations_for(article.id)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.store.annotations_for(article.id) == []
        assert not [m for m in screen.query_one(Reader).marks if m.kind == "highlight"]
        await pilot.press("u")
        await pilot.pause()
        [back] = app.store.annotations_for(article.id)
        assert (back.id, back.start, back.note) == (ann.id, ann.start, "مهم")
        assert any(m.id == ann.id for m in screen.query_one(Reader).marks)


async def test_enter_in_panel_jumps_the_reader(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        body = screen.article.body
        start = body.index("ومن المقرر")
        app.store.save_annotation(anchor_highlight(body, start, start + 10, article_id=screen.article.id))
        screen.refresh_annotations()
        screen.query_one(AnnotationPanel).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(Reader).cursor == start


async def test_changed_article_text_reanchors_or_orphans_on_open(app_config: Config) -> None:
    store = Store(app_config.library)
    from tui.samples import seed_library

    seed_library(store)
    article = next(a for a in store.articles() if a.url.endswith("/oman-talks"))
    article = store.get_article(article.id)
    body = article.body
    s1, s2 = body.index("الأجواء كانت بناءة"), body.index("ومن المقرر")
    moved = anchor_highlight(body, s1, s1 + 18, article_id=article.id, article_hash=article.hash)
    lost = anchor_highlight(body, s2, s2 + 30, article_id=article.id, article_hash=article.hash, note="احتفظ بي")
    store.save_annotation(moved)
    store.save_annotation(lost)
    article.body = "تحديث: فقرة جديدة في البداية.\n\n" + body[:s2]
    article.hash = ""
    article.__post_init__()
    store.add_articles([article])
    store.close()

    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        new_body = screen.article.body
        saved = {a.id: a for a in app.store.annotations_for(screen.article.id)}
        assert new_body[saved[moved.id].start:saved[moved.id].end] == "الأجواء كانت بناءة"
        assert saved[lost.id].orphaned and saved[lost.id].note == "احتفظ بي"
        assert all(a.article_hash == screen.article.hash for a in saved.values())
        marks = [m.id for m in screen.query_one(Reader).marks if m.kind == "highlight"]
        assert marks == [moved.id]


async def test_export_key_writes_markdown_into_the_library(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        body = screen.article.body
        start = body.index("الأجواء كانت بناءة")
        app.store.save_annotation(anchor_highlight(body, start, start + 18, article_id=screen.article.id))
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportChoice)
        await pilot.press("enter")
        await workers_done(app)  # written off the UI thread
        await pilot.pause()
        [path] = (app_config.library / "exports").glob("*.md")
        text = path.read_text(encoding="utf-8")
        assert screen.article.title in text and "> الأجواء كانت بناءة" in text


async def test_export_asks_where_and_remembers_the_folder(app_config: Config, tmp_path: Path) -> None:
    from textual.widgets import Input

    vault = tmp_path / "vault" / "Marsad"
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        body = screen.article.body
        app.store.save_annotation(anchor_highlight(body, 0, 12, article_id=screen.article.id))
        await pilot.press("x")
        await pilot.pause()
        folder = app.screen.query_one("#export-folder", Input)
        assert folder.value == str(app_config.library / "exports")  # the default
        folder.value = str(vault)
        folder.focus()
        await pilot.press("enter")
        await workers_done(app)
        await pilot.pause()
        [path] = vault.glob("marsad-*.md")
        assert screen.article.title in path.read_text(encoding="utf-8")
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#export-folder", Input).value == str(vault)  # the last folder used
        await pilot.press("escape")
    assert f'export_dir = "{vault}"' in (app_config.library / "settings.toml").read_text(encoding="utf-8")


async def test_tag_box_opens_at_once_and_completion_arrives_from_the_background(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        await _open_arabic(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagBox)
        await workers_done(app)
        await pilot.pause()
        assert "diplomacy" in app.screen.known  # a sample article's tag, read off the UI thread


# -- dialogs and panel in small harness apps --------------------------------------


class DialogHarness(App[None]):
    def __init__(self, dialog) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.dialog = dialog
        self.result: object = "unset"

    def on_mount(self) -> None:
        self.push_screen(self.dialog, lambda r: setattr(self, "result", r))


async def test_tag_box_completes_the_last_item() -> None:
    app = DialogHarness(TagBox([], ["negotiations", "إيران", "Iran"], "Tags"))
    async with app.run_test() as pilot:
        await pilot.press(*"إيران, neg")
        await pilot.pause(0.1)
        await pilot.press("right", "enter")
        await pilot.pause()
    assert app.result == ["إيران", "negotiations"]


async def test_suggester_skips_tags_already_typed() -> None:
    s = LastTagSuggester(["iran", "iraq"])
    assert await s.get_suggestion("iran, ir") == "iran, iraq"
    assert await s.get_suggestion("") is None and await s.get_suggestion("x, ") is None


async def test_note_editor_escape_cancels() -> None:
    app = DialogHarness(NoteEditor("قديم"))
    async with app.run_test() as pilot:
        await pilot.press("x", "escape")
        await pilot.pause()
    assert app.result is None


class PanelHarness(App[None]):
    CSS = "AnnotationPanel { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield AnnotationPanel(id="annotations")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        body = ("وقال وزير الخارجية العماني إن الأجواء كانت بناءة، واتفق الطرفان على مواصلة التشاور. "
                "לדברי המנכ\"ל, \"ההסכם החדש יבטיח אספקה יציבה\". The talks went well.")
        a = anchor_highlight(body, body.index("الأجواء"), body.index("على"), article_id="x",
                             note="تصريح مهم من الوزير", tags=["إيران", "negotiations"], created="1")
        b = anchor_highlight(body, body.index("\"ההסכם"), body.index(". The"), article_id="x",
                             note="ציטוט", created="2")
        c = anchor_highlight(body, body.index("The"), len(body), article_id="x", created="3")
        c.orphaned = True
        n = Annotation(id="n", article_id="x", note="ملاحظة عامة على المقال", tags=["oman"], created="0")
        for ann, aid in ((a, "a"), (b, "b"), (c, "c")):
            ann.id = aid
        self.query_one(AnnotationPanel).show([c, b, a, n], ["diplomacy", "iran"])


async def test_panel_lists_in_text_order_and_lays_out_rtl() -> None:
    app = PanelHarness()
    async with app.run_test(size=(44, 30)) as pilot:
        await pilot.pause()
        panel = app.query_one(AnnotationPanel)
        assert [a.id for a in panel.annotations] == ["n", "a", "b", "c"]
        lines = [panel.render_line(y).text for y in range(panel.size.height)]
        text = "\n".join(lines)
        assert "orphaned" in text and "# oman" in text
        assert panel.selected is not None and panel.selected.id == "n" and panel.selected_tag == "oman"
        rtl_rows = [ln for ln in lines if any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in ln)]
        assert rtl_rows and all(ln.rstrip().endswith(ln.strip()) and ln.startswith("  ") for ln in rtl_rows
                                if "#" not in ln)


def test_panel_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.query_one(AnnotationPanel).focus()
        await pilot.pause()

    assert snap_compare(PanelHarness(), terminal_size=(44, 30), run_before=run_before)


async def test_f_in_the_panel_filters_the_list_by_the_annotation_tag(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        body = screen.article.body
        start = body.index("الأجواء كانت بناءة")
        app.store.save_annotation(anchor_highlight(body, start, start + 18, article_id=screen.article.id,
                                                   tags=["خط أحمر"]))
        screen.refresh_annotations()
        screen.query_one(AnnotationPanel).focus()
        await pilot.press("f")
        await pilot.pause()
        listing = screen.query_one(ArticleList)
        assert [it.article.id for it in listing.items] == [screen.article.id]


async def test_t_and_n_right_after_h_apply_to_the_new_highlight(app_config: Config) -> None:
    """``v w w h t``: the cursor rests past the highlight's end, yet ``t`` tags the highlight."""
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        await pilot.press("v", "w", "w", "h")
        await pilot.pause()
        [ann] = app.store.annotations_for(screen.article.id)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagBox) and app.screen.title_text == "Tags for this highlight"
        await pilot.press(*"عمان", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(BidiTextArea).insert(NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = app.store.annotations_for(screen.article.id)
        assert saved.id == ann.id and saved.tags == ["عمان"] and saved.note == NOTE
        assert app.store.get_article(screen.article.id).tags == screen.article.tags  # article untouched
        # once the cursor moves on, t is for the article again
        await pilot.press("}", "}")
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.title_text == "Tags for the article"


async def test_v_from_the_list_goes_to_the_reader_and_h_says_where_to_go(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await started(app, pilot)
        reader = screen.query_one(Reader)
        await pilot.press("slash", *"Oman", "enter")  # search, enter: focus on the list
        for _ in range(50):
            await workers_done(app)
            await pilot.pause(0.02)
            if screen.search.scores is not None:
                break
        await pilot.press("enter", "tab")  # open, then move focus away from the reader
        await pilot.pause()
        screen.query_one(ArticleList).focus()
        await pilot.press("h")  # no selection, reader not focused: h goes there and says what to do
        await pilot.pause()
        assert screen.focused is reader and reader.selection is None
        screen.query_one(ArticleList).focus()
        await pilot.press("v", "w", "w")
        await pilot.pause()
        assert screen.focused is reader and reader.selection is not None


async def test_typing_a_three_line_arabic_note_with_an_english_name(app_config: Config) -> None:
    """Typed key by key: shaped and right-aligned while typing, saved in logical order."""
    app = make_app(app_config)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_arabic(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(BidiTextArea)
        await pilot.press(*"تعليق على الخبر", "enter", *"قال John Smith إن الاتفاق قريب", "enter", *"يجب المتابعة")
        await pilot.pause()
        rows = ["".join(seg.text for seg in area.render_line(y)) for y in range(3)]
        assert all(r.startswith("  ") for r in rows) and "John Smith" in rows[1]
        assert "تعليق" not in rows[0]  # drawn shaped and in visual order, never the logical run
        await pilot.press("ctrl+s")
        await pilot.pause()
        [ann] = app.store.annotations_for(screen.article.id)
        assert ann.note == "تعليق على الخبر\nقال John Smith إن الاتفاق قريب\nيجب المتابعة"
