"""The main screen's controllers, without Textual: what happened in, what to draw out."""

from __future__ import annotations

import pytest

from tui.controllers import EntityController, FeedsController, LibraryController, NotesController, SearchController
from tui.controllers.entities import correction_rows, nearest, remove_correction
from tui.controllers.feeds import done_line, progress_line, summary
from tui.controllers.library import list_items
from tui.controllers.notes import export_path
from tui.entities.corrections import Corrections
from tui.errors import InputError
from tui.filters import Filter
from tui.ingest.fetch import FetchProgress, FetchReport
from tui.models import Annotation, Article, Entity, Feed
from tui.search import SearchIndex

BODY = "وصل وزير الخارجية إلى طهران صباح الأحد. Talks in Tehran resumed; طهران تنتظر."


def article(id: str = "a1", body: str = BODY, **kw: object) -> Article:
    return Article(id=id, title=f"Title {id}", body=body, **kw)  # type: ignore[arg-type]


# -- library ------------------------------------------------------------------------


def test_library_rows_count_annotations_and_header_says_what_narrows() -> None:
    lib = LibraryController()
    items = list_items([article("a1"), article("a2"), article("a3")],
                       [Annotation(id="n1", article_id="a2"), Annotation(id="n2", article_id="a2")])
    assert lib.loaded(items) is True and lib.loaded(items) is False  # only the first load is "first"
    assert [i.annotations for i in lib.items] == [0, 2, 0]
    assert lib.header(3, "") == "3 articles"
    assert lib.header(1, "/طهران") == "1 of 3 articles  /طهران" == lib.header_text


def test_library_read_state_and_direction_cycle() -> None:
    lib = LibraryController()
    lib.loaded(list_items([article("a1")], []))
    opened = article("a1")
    assert lib.opened(opened) and not lib.opened(article("a1"))  # same id: nothing to redraw
    row = lib.set_read(opened, True)
    assert row is not None and row.article.read and opened.read
    assert [lib.next_direction() for _ in range(3)] == ["rtl", "ltr", None]


def test_library_feed_counts_and_filter_choices() -> None:
    lib = LibraryController()
    lib.loaded(list_items([article("a1", feed_id="f", source="BBC", language="en"),
                          article("a2", feed_id="f", source="الجزيرة", language="ar"), article("a3")], []))
    assert lib.feed_counts() == {"f": 2}
    assert lib.sources_and_languages() == (["BBC", "الجزيرة"], ["ar", "en"])


# -- search -------------------------------------------------------------------------


def test_search_ranks_results_and_marks_hits_in_the_open_article() -> None:
    search = SearchController()
    items = list_items([article("a1"), article("a2", body="nothing here"), article("a3")], [])
    assert search.typed("طهران") and search.label() == "/طهران (indexing…)"
    assert search.done("طهران", {"a3": 2.0, "a1": 1.0})
    assert [i.article.id for i in search.filtered(items)] == ["a3", "a1"]
    marks = search.marks_for(article("a1"))
    assert [BODY[m.start:m.end] for m in marks] == ["طهران", "طهران"] and {m.kind for m in marks} == {"search"}
    assert search.step(1) == (marks[0].start, "Hit 1 of 2")
    assert search.step(1) == (marks[1].start, "Hit 2 of 2")
    assert search.step(1) == (marks[0].start, "Hit 1 of 2")  # wraps


def test_search_ignores_an_older_query_finishing_late_and_clears() -> None:
    search = SearchController()
    search.typed("طه")
    search.typed("طهران")
    assert not search.done("طه", {"a1": 1.0}) and search.scores is None
    assert not search.typed("  ")  # cleared
    assert search.marks_for(article()) == [] and search.step(1) is None
    assert search.index_ready(SearchIndex()) is False  # nothing typed: nothing to run


def test_filter_toggle_and_tag_filter_uses_annotation_tags() -> None:
    search = SearchController()
    items = list_items([article("a1"), article("a2")], [])
    search.set_filter(search.toggle(tags=("oman",)), "")
    assert search.filter.tags == ("oman",) and search.toggle(tags=("oman",)) == Filter()
    assert search.needs_annotation_tags("stamp-1")
    search.set_annotation_tags("stamp-1", [Annotation(id="h", article_id="a2", tags=["oman"])])
    assert not search.needs_annotation_tags("stamp-1")
    assert [i.article.id for i in search.filtered(items)] == ["a2"]
    search.set_filter(Filter(entity="LOC:tehran", entity_label="Tehran"), "Iran desk")
    assert [i.article.id for i in search.filtered(items, lambda key: {"a1"})] == ["a1"]
    assert "◆ Iran desk" in search.label() and "@Tehran" in search.label()


# -- notes ----------------------------------------------------------------------------


def test_notes_highlight_marks_and_what_the_cursor_is_on() -> None:
    notes = NotesController()
    art = article()
    start = BODY.index("طهران")
    outer = notes.highlight(art, (0, start + 5))
    inner = notes.highlight(art, (start, start + 5))
    outer.id, inner.id = "outer", "inner"
    orphan = Annotation(id="o", article_id=art.id, kind="highlight", start=1, end=3, orphaned=True,
                        article_hash=art.hash)
    note = Annotation(id="n", article_id=art.id, article_hash=art.hash)
    assert notes.loaded(art, [outer, inner, orphan, note]) == []  # same text: nothing to re-anchor
    assert [m.id for m in notes.marks()] == ["outer", "inner"]  # orphaned ones are not drawn
    assert inner.quote == "طهران"
    assert notes.under(start + 1) is inner and notes.under(1) is outer and notes.under(len(BODY)) is None
    assert notes.article_note() is not None and notes.article_note().id == "n"


def test_notes_written_note_saves_deletes_or_does_nothing() -> None:
    notes, art = NotesController(), article()
    assert notes.note_for(art, None, "   ") == ("none", None)
    what, ann = notes.note_for(art, None, " ملاحظة \n")
    assert what == "save" and ann is not None and ann.note == "ملاحظة" and ann.kind == "note"
    assert notes.note_for(art, ann, "")[0] == "delete"
    notes.was_deleted(ann)
    assert notes.undo() is ann and notes.undo() is None


def test_notes_reanchor_when_the_text_changed() -> None:
    notes = NotesController()
    old = article()
    ann = notes.highlight(old, (BODY.index("Tehran"), BODY.index("Tehran") + 6))
    new = article(body="Breaking: " + BODY)
    moved = notes.loaded(new, [ann])
    assert moved and new.body[moved[0].start:moved[0].end] == "Tehran"  # type: ignore[misc]


def test_export_path_never_overwrites(tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = export_path(tmp_path / "vault", None)
    first.parent.mkdir(parents=True)
    first.write_text("x")
    second = export_path(tmp_path / "vault", None)
    assert first.name.startswith("marsad-all-") and second != first and second.stem.endswith("-1")


# -- entities -------------------------------------------------------------------------------


def _entities() -> list[Entity]:
    t1, t2 = BODY.index("طهران"), BODY.rindex("طهران")
    en = BODY.index("Tehran")
    return [Entity(id="LOC:tehran", type="LOC", name="طهران", gloss="Tehran", surfaces=["طهران", "Tehran"],
                   spans=[(t2, t2 + 5), (t1, t1 + 5), (en, en + 6)]),
            Entity(id="PER:x", type="PER", name="وزير الخارجية", surfaces=["وزير الخارجية"], spans=[(4, 17)])]


def test_entities_corrections_apply_and_marks_show_the_current_mention() -> None:
    ents = EntityController()
    ents.cleared(Corrections().reject("PER:x"))
    shown = ents.found(article(), _entities())
    assert [e.id for e in shown] == ["LOC:tehran"]
    assert ents.library_counts() == {"LOC:tehran": 1} and ents.article_ids("LOC:tehran") == {"a1"}
    assert {m.kind for m in ents.marks()} == {"entity"} and len(ents.marks()) == 3
    tehran = shown[0]
    spans = sorted(tehran.spans)
    assert ents.step(tehran, 1, cursor=spans[1][0]) == (spans[1][0], 2, 3)  # nearest at/after the cursor
    assert ents.step(tehran, 1, cursor=0) == (spans[2][0], 3, 3)  # then onwards from the current one
    assert ents.marks()[-1].kind == "LOC"
    assert ents.toggle_mentions() == "only the current mention shown"
    assert [m.kind for m in ents.marks()] == ["LOC"]


def test_entities_nearest_wraps_both_ways() -> None:
    spans = [(5, 6), (10, 12), (20, 22)]
    assert nearest(spans, 11, 1) == 2 and nearest(spans, 25, 1) == 0
    assert nearest(spans, 11, -1) == 1 and nearest(spans, 0, -1) == 2


def test_entities_split_or_unmerge_and_correction_rows_round_trip() -> None:
    ents = EntityController()
    ents.found(article(), _entities())
    corr = Corrections().merge("PER:x", "LOC:tehran")
    ents.split_or_unmerge(corr, _entities()[0], "وزير الخارجية")
    assert corr.merges == {}  # a merged-in spelling leaves by undoing the merge
    ents.split_or_unmerge(corr, _entities()[0], "Tehran")
    assert corr.splits == {"LOC:tehran": ["Tehran"]}
    for key, _ in correction_rows(corr):
        remove_correction(corr, key)
    assert corr.to_dict() == Corrections().to_dict()


# -- feeds ------------------------------------------------------------------------------------


def test_feeds_fetch_state_and_lines() -> None:
    feeds = FeedsController()
    stored = [Feed(id="f1", url="https://a.example/rss"), Feed(id="f2", url="https://b.example/rss")]
    assert feeds.start(stored, ["nope"], quiet=False) == [] and not feeds.fetching
    assert feeds.start(stored, None, quiet=True) == stored and feeds.pending_ids() == {"f1", "f2"}
    report = FetchReport(feed_id="f1", url=stored[0].url, name="A", status="ok", added=3)
    line = feeds.advanced(FetchProgress(1, 2, 3, 0, report=report))
    assert line == "Fetching 1/2 feeds · 3 new" == progress_line(FetchProgress(1, 2, 3, 0))
    assert feeds.pending_ids() == {"f2"}
    live = Feed(id="f1", url=stored[0].url, name="live")
    feeds.feeds[0] = live
    assert feeds.for_view([Feed(id="f1", url=stored[0].url)])[0] is live
    feeds.finished()
    assert feeds.pending_ids() == set() and done_line([report]) == "Fetched 1 feed · 3 new"
    assert feeds.should_notify([report], "information")  # quiet, but something was added
    quiet = FetchReport(feed_id="f2", url="u", name="B", status="not-modified")
    assert not feeds.should_notify([quiet], summary([quiet])[1])


def test_feeds_subscription_checks_the_url_and_merges_tags() -> None:
    stored = [Feed(id="f1", url="https://a.example/rss", name="A", tags=["gulf"])]
    feed, existed = FeedsController.subscription(stored, " https://a.example/rss ", "", ["oman"], " AR ")
    assert existed and feed.name == "A" and feed.tags == ["gulf", "oman"] and feed.language == "ar"
    feed, existed = FeedsController.subscription(stored, "https://new.example/feed", "جديد", [])
    assert not existed and feed.name == "جديد" and feed.id
    with pytest.raises(InputError):
        FeedsController.subscription(stored, "ftp://x", "", [])


def test_notes_target_is_the_highlight_just_made_until_the_cursor_moves_on() -> None:
    notes, art = NotesController(), article()
    start = BODY.index("طهران")
    ann = notes.highlight(art, (start, start + 5))
    ann.id = "h1"
    notes.loaded(art, [ann])
    cursor_after_w = start + 6  # ``w`` leaves the cursor on the next word, past the span's end
    assert notes.target_at(cursor_after_w) is None
    notes.made(ann, cursor_after_w)
    assert notes.target_at(cursor_after_w) is ann and notes.target_at(start + 5) is ann
    assert notes.target_at(len(BODY) - 1) is None  # moved away
    notes.loaded(article("a2"), [])  # another article: forgotten
    notes.loaded(art, [ann])
    assert notes.target_at(cursor_after_w) is None


def test_panes_fold_right_first_and_the_right_pane_keeps_the_reader_readable() -> None:
    from tui.controllers.panes import READER_MIN, RIGHT_MIN, Panes, clamp_right_width, left_width

    panes = Panes()
    assert not panes.fit(140) and panes.reader_width(140) == 140 - left_width(140) - 1 - 30
    assert not panes.fit(80) and panes.fit(70) and (panes.left, panes.right) == (True, False)
    assert panes.fit(40) and (panes.left, panes.right) == (False, False)
    panes = Panes(right=False)
    assert panes.can_open("right", 120) and not panes.can_open("right", 70)
    panes.right = True
    assert panes.resize_right(1, 140) == 34 and panes.resize_right(-10, 140) == RIGHT_MIN
    assert panes.resize_right(50, 120) == 120 - left_width(120) - 1 - READER_MIN  # never past the reader's minimum
    assert clamp_right_width("wide") == 30 and clamp_right_width(500) == 80


def test_keymap_accepts_new_ids_old_ids_and_dotted_toml_keys() -> None:
    import tomllib

    from tui.keymap import normalise_keymap

    raw = tomllib.loads('search = "ctrl+f"\n"feeds-add" = "A"\nreader.page_down = "ctrl+d"\n'
                        'list.down = "ctrl+n"\n"main.tag" = "ctrl+t"\nbad = 3\n')
    problems: list[str] = []
    assert normalise_keymap(raw, problems) == {
        "main.search": "ctrl+f", "feeds.add": "A", "reader.page-down": "ctrl+d", "list.down": "ctrl+n",
        "main.tag": "ctrl+t"}
    assert len(problems) == 1 and "bad" in problems[0]
