"""Reader widget under Pilot: layout, position keeping, modes, selection."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.cells import cell_len

sys.path.insert(0, str(Path(__file__).parent / "snapshot_apps"))

from reader_app import ReaderApp, fixture_article  # noqa: E402

from tui.models import Article  # noqa: E402
from tui.rtl.joining import FILLER, shape_levels  # noqa: E402
from tui.rtl.marks import Mark  # noqa: E402
from tui.widgets.reader import Reader  # noqa: E402


def shape(text: str) -> tuple[str, tuple[int, ...]]:
    """A word shaped as in an RTL run, fillers dropped, and the logical index
    of each glyph (a lam-alef glyph counts as its lam, as the layout maps it)."""
    s = shape_levels(text, [1] * len(text))
    keep = [i for i, c in enumerate(s) if c != FILLER]
    return "".join(s[i] for i in keep), tuple(i - 1 if i and s[i - 1] == FILLER else i for i in keep)


def long_article() -> Article:
    paras = [f"الفقرة رقم {i} " + "قال الوزير اليوم إن الخطة جاهزة للتنفيذ " * 6 for i in range(60)]
    return Article(id="long", title="عنوان طويل للاختبار", body="\n\n".join(paras), language="ar")


def row_text(reader: Reader, y: int) -> str:
    return "".join(seg.text for seg in reader.render_line(y))


async def test_arabic_drawn_in_visual_order_right_aligned() -> None:
    art = Article(id="a", title="", body="في عام 2024 قال John Smith", language="ar")
    app = ReaderApp(art)
    async with app.run_test(size=(50, 12)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        rows = [row_text(reader, y) for y in range(reader.size.height)]
        body = next(r for r in rows if "John" in r)
        assert body.rstrip().endswith(shape("في")[0][::-1])
        assert body.index("John Smith") < body.index("2024")
        assert body.startswith("  ")  # right-aligned


async def test_text_is_never_markup() -> None:
    art = Article(id="m", title="[bold]t[/]", body="[red]x[/red] [/] [link=http://e]y[/link]")
    app = ReaderApp(art)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        text = "\n".join(row_text(reader, y) for y in range(8))
        assert "[red]x[/red] [/]" in text and "[bold]t[/]" in text


async def test_resize_keeps_reading_position() -> None:
    app = ReaderApp(long_article())
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        reader.jump_to(reader.article.body.index("الفقرة رقم 30 "))
        await pilot.pause()
        top = reader._top_offset()
        para_before = reader._para_of(top)
        await pilot.resize_terminal(50, 20)
        await pilot.pause(0.3)
        after = reader._top_offset()
        assert reader._para_of(after) == para_before
        assert abs(after - top) < 120
        await pilot.resize_terminal(120, 20)
        await pilot.pause(0.3)
        assert reader._para_of(reader._top_offset()) == para_before


async def test_mode_switch_keeps_position_and_changes_order() -> None:
    app = ReaderApp(long_article())
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        reader.jump_to(reader.article.body.index("الفقرة رقم 20 "))
        await pilot.pause()
        para = reader._para_of(reader._top_offset())
        reader.bidi_mode = "terminal"
        await pilot.pause(0.2)
        assert reader._para_of(reader._top_offset()) == para
        rows = [row_text(reader, y) for y in range(reader.size.height)]
        assert any("الفقرة رقم" in r for r in rows)  # logical order in terminal mode
        reader.bidi_mode = "app"
        await pilot.pause(0.2)
        rows = [row_text(reader, y) for y in range(reader.size.height)]
        assert not any("الفقرة رقم" in r for r in rows)


async def test_v_w_selects_logical_span() -> None:
    body = "قال الوزير اليوم إن الخطة جاهزة"
    app = ReaderApp(Article(id="s", title="t", body=body, language="ar"))
    messages: list[Reader.SelectionChanged] = []
    async with app.run_test(size=(60, 10), message_hook=lambda m: messages.append(m)
                            if isinstance(m, Reader.SelectionChanged) else None) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        assert reader.cursor == 0
        await pilot.press("v", "w", "w")
        await pilot.pause()
        assert reader.selection == (0, len("قال الوزير"))
        assert body[slice(*reader.selection)] == "قال الوزير"
        assert messages and messages[-1].start == 0 and messages[-1].end == len("قال الوزير")
        await pilot.press("b")
        assert reader.selection == (0, 3)
        await pilot.press("escape")
        assert reader.selection is None


async def test_arrows_follow_reading_direction_in_rtl() -> None:
    body = "قال الوزير"
    app = ReaderApp(Article(id="s", title="", body=body, language="ar"))
    async with app.run_test(size=(40, 8)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        await pilot.press("left")
        assert reader.cursor == 1
        await pilot.press("right", "right")
        assert reader.cursor == 0


async def test_marks_and_selection_drawn_on_the_right_cells() -> None:
    body = "قال الوزير John اليوم"
    app = ReaderApp(Article(id="h", title="", body=body, language="ar"))
    async with app.run_test(size=(40, 8)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        start = body.index("John")
        reader.marks = [Mark(start, start + 4, "PER", "e1")]
        await pilot.pause()
        hl = reader.get_component_rich_style("reader--entity-per")
        for y in range(reader.size.height):
            segs = list(reader.render_line(y))
            marked = "".join(s.text for s in segs if s.style and hl.color and s.style.color == hl.color)
            if marked:
                assert marked == "John"
                break
        else:
            raise AssertionError("mark not drawn")


async def test_jump_to_scrolls_and_moves_cursor() -> None:
    app = ReaderApp(long_article())
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        target = reader.article.body.index("الفقرة رقم 45 ")
        reader.jump_to(target)
        await pilot.pause()
        assert reader.cursor == target
        row = reader._row_of(target)
        assert reader.scroll_offset.y <= row < reader.scroll_offset.y + reader.size.height


async def test_rows_fit_width_and_empty_article() -> None:
    app = ReaderApp(fixture_article("persian.txt", "fa"))
    async with app.run_test(size=(47, 30)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        for y in range(reader.size.height):
            assert cell_len(row_text(reader, y)) == reader.scrollable_content_region.width
        reader.show(None)
        await pilot.pause()
        assert "No article" in row_text(reader, 0)


async def test_scroll_keys() -> None:
    app = ReaderApp(long_article())
    async with app.run_test(size=(80, 20)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        await pilot.press("j", "j")
        assert reader.scroll_offset.y == 2
        await pilot.press("space")
        assert reader.scroll_offset.y > 10
        await pilot.press("end")
        await pilot.pause()
        assert reader.scroll_offset.y == reader.max_scroll_y
        await pilot.press("home")
        assert reader.scroll_offset.y == 0


async def test_w_b_move_past_words_starting_with_invisible_marks() -> None:
    body = "قال \u200fالوزير \u2067اليوم\u2069 \u200e\u200fإن الخطة"
    app = ReaderApp(Article(id="s", title="", body=body, language="ar"))
    async with app.run_test(size=(60, 8)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        want = [body.index("الوزير"), body.index("اليوم"), body.index("إن"), body.index("الخطة")]
        got = []
        for _ in want:
            await pilot.press("w")
            got.append(reader.cursor)
        assert got == want
        back = []
        for _ in want[:-1]:
            await pilot.press("b")
            back.append(reader.cursor)
        assert back == want[-2::-1]


async def test_english_quote_in_arabic_article_is_left_aligned() -> None:
    body = "قال الوزير إن الخطة جاهزة.\n\nThe minister told Reuters: \"we are ready\"."
    app = ReaderApp(Article(id="q", title="", body=body, language="ar", direction="rtl"))
    async with app.run_test(size=(60, 10)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        rows = [row_text(reader, y) for y in range(reader.size.height)]
        arabic = next(r for r in rows if "\ufe8e" in r or "ﻝﺎﻗ" in r)
        english = next(r for r in rows if "Reuters" in r)
        assert arabic.startswith("   ") and english.startswith(" The minister told Reuters")


async def test_direction_override_kept_per_article_in_the_session() -> None:
    a = Article(id="a", title="", body="Hello world", language="en")
    b = Article(id="b", title="", body="Second article", language="en")
    app = ReaderApp(a)
    async with app.run_test(size=(40, 8)) as pilot:
        reader = app.query_one(Reader)
        await pilot.pause()
        reader.direction_override = "rtl"
        await pilot.pause()
        reader.show(b)
        assert reader.direction_override is None
        reader.show(a)
        assert reader.direction_override == "rtl"
