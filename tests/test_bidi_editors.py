"""Bidi-aware input and editor under Pilot: typing, moving, selecting, undo, paste.

The text is stored in logical order; what is drawn is the reader's layout
(shaped, visual order, RTL lines right-aligned), with the cursor on the
visual cell of the logical insertion point.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from tui.rtl.joining import shape_levels
from tui.widgets.bidi_input import BidiInput
from tui.widgets.bidi_text_area import BidiTextArea


def shaped_visual(word: str) -> str:
    """An Arabic word as drawn in an RTL run: shaped, reversed."""
    return shape_levels(word, [1] * len(word))[::-1].replace("\ufeff", "")


class EditorsApp(App[None]):
    CSS = "BidiTextArea { height: 8; }"

    def __init__(self, text: str = "", value: str = "") -> None:
        super().__init__()
        self.submitted: list[str] = []
        self._text, self._value = text, value

    def compose(self) -> ComposeResult:
        yield BidiInput(value=self._value, placeholder="Tags, comma-separated", id="inp")
        yield BidiTextArea(self._text, direction="rtl", id="ta")

    def on_mount(self) -> None:
        self.theme = "textual-dark"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submitted.append(event.value)


def drawn(widget, y: int = 0) -> str:  # type: ignore[no-untyped-def]
    return "".join(seg.text for seg in widget.render_line(y))


async def test_input_typing_arabic_is_shaped_right_aligned_and_logical() -> None:
    app = EditorsApp()
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        await pilot.press(*"مرحبا")
        assert inp.value == "مرحبا" and inp.cursor_position == 5
        row = drawn(inp)
        assert shaped_visual("مرحبا") in row and "مرحبا" not in row
        assert row.rstrip().endswith(shaped_visual("مرحبا")) and row.startswith("   ")


async def test_input_english_left_and_mixed_in_visual_order() -> None:
    app = EditorsApp()
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        await pilot.press(*"hello")
        assert drawn(inp).startswith("hello")
        inp.value = ""
        await pilot.press(*"قال John اليوم")
        assert inp.value == "قال John اليوم"
        row = drawn(inp).strip()
        assert row.index(shaped_visual("اليوم")) < row.index("John") < row.index(shaped_visual("قال"))


async def test_input_arrows_move_visually_and_select_delete() -> None:
    app = EditorsApp(value="مرحبا")
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        inp.cursor_position = 5  # end: drawn left of the RTL text
        await pilot.press("left")
        assert inp.cursor_position == 5  # nothing further left
        await pilot.press("right")
        assert inp.cursor_position == 4  # the leftmost letter is the last one
        await pilot.press("right", "right")
        assert inp.cursor_position == 2
        await pilot.press("left")
        assert inp.cursor_position == 3
        await pilot.press("shift+left", "shift+left")
        assert sorted(inp.selection) == [3, 5] and inp.selected_text == "با"
        await pilot.press("backspace")
        assert inp.value == "مرح"
        await pilot.press("ctrl+z")
        assert inp.value == "مرحبا"


async def test_input_mixed_line_arrows_cross_the_ltr_run_visually() -> None:
    value = "قال John"
    app = EditorsApp(value=value)
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        inp.cursor_position = 0  # on ق, the rightmost cell
        seen = []
        for _ in range(len(value)):
            await pilot.press("left")
            seen.append(inp.cursor_position)
        # visually leftwards: ا ل, space, then John from its right end (n h o J), then the end
        assert seen == [1, 2, 3, 7, 6, 5, 4, 8]


async def test_input_paste_undo_redo_and_enter_submits() -> None:
    app = EditorsApp()
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        await pilot.press(*"خط")
        inp.post_message(events.Paste(" أحمر"))
        await pilot.pause()
        assert inp.value == "خط أحمر"
        await pilot.press("ctrl+z")
        assert inp.value == "خط"
        await pilot.press("ctrl+y")
        assert inp.value == "خط أحمر"
        await pilot.press("enter")
        assert app.submitted == ["خط أحمر"]


async def test_editor_three_line_arabic_note_with_english_name() -> None:
    app = EditorsApp()
    async with app.run_test(size=(50, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        ta.focus()
        await pilot.press(*"ملاحظة أولى", "enter", *"قال John Smith إن", "enter", *"الخطة جاهزة")
        assert ta.text == "ملاحظة أولى\nقال John Smith إن\nالخطة جاهزة"
        rows = [drawn(ta, y) for y in range(3)]
        width = ta.scrollable_content_region.width
        for row in rows:
            assert row.startswith("  ") and cell_len(row) == width
        assert shaped_visual("أولى") in rows[0] and "John Smith" in rows[1]
        assert rows[1].index(shaped_visual("إن")) < rows[1].index("John Smith") < rows[1].index(shaped_visual("قال"))
        assert ta.cursor == (2, len("الخطة جاهزة"))


async def test_editor_ltr_line_between_rtl_lines_is_left_aligned() -> None:
    app = EditorsApp("سطر أول\nAn English line\nسطر ثالث")
    async with app.run_test(size=(50, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        await pilot.pause()
        assert drawn(ta, 1).startswith("An English line")
        assert drawn(ta, 0).startswith("   ") and drawn(ta, 2).startswith("   ")


async def test_editor_move_select_delete_paste_undo() -> None:
    app = EditorsApp("واحد اثنان\nثلاثة")
    async with app.run_test(size=(50, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        ta.focus()
        await pilot.pause()
        ta.cursor = (0, 0)
        await pilot.press("left")  # in RTL, left goes forward
        assert ta.cursor == (0, 1)
        await pilot.press("down")
        assert ta.cursor[0] == 1
        await pilot.press("up", "home", "shift+left", "shift+left", "shift+left", "shift+left")
        assert ta.selected_text == "واحد"
        await pilot.press("backspace")
        assert ta.text == " اثنان\nثلاثة"
        ta.post_message(events.Paste("سطر\nجديد"))
        await pilot.pause()
        assert ta.text == "سطر\nجديد اثنان\nثلاثة" and ta.cursor == (1, 4)
        await pilot.press("ctrl+z")
        assert ta.text == " اثنان\nثلاثة"
        await pilot.press("ctrl+z")
        assert ta.text == "واحد اثنان\nثلاثة"
        await pilot.press("end", "delete")
        assert ta.text == "واحد اثنانثلاثة"


async def test_editor_long_line_wraps_first_words_first() -> None:
    words = "هذه ملاحظة طويلة جدا عن اجتماع وزراء الخارجية في العاصمة".split()
    app = EditorsApp(" ".join(words))
    async with app.run_test(size=(30, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        await pilot.pause()
        first = drawn(ta, 0)
        assert shaped_visual(words[0]) in first and shaped_visual(words[-1]) not in first
        assert len(ta._rows) > 1


def test_editors_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    note = "ملاحظة عن تصريح الوزير\nقال John Smith إن النمو بلغ 15%\nالمتابعة: https://example.com/a"

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        app.query_one(BidiTextArea).focus()
        await pilot.pause()

    assert snap_compare(EditorsApp(note, "خط أحمر، negotiations"), terminal_size=(50, 16), run_before=run_before)


def test_input_snapshot_focused(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        inp = pilot.app.query_one(BidiInput)
        inp.focus()
        await pilot.pause()
        inp.cursor_position = 2  # on the ع of عن: the block sits mid-line
        await pilot.pause()

    assert snap_compare(EditorsApp("", "بحث عن Reuters"), terminal_size=(50, 16), run_before=run_before)


async def test_editor_keeps_key_order_in_a_burst() -> None:
    """Keys that arrive together (a fast typist, tmux send-keys) keep their order:
    enter is handled with the characters, not later as a binding action."""
    app = EditorsApp()
    async with app.run_test(size=(50, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        ta.focus()
        await pilot.pause()
        keys = [(c, c) for c in "سطر"] + [("enter", None)] + [(c, c) for c in "ثان"] + [("backspace", None)]
        for key, char in keys:
            ta.post_message(events.Key(key, char))
        await pilot.pause()
        assert ta.text == "سطر\nثا"


async def test_input_shows_the_completion_after_an_rtl_value() -> None:
    from textual.suggester import SuggestFromList

    class App2(App[None]):
        def compose(self) -> ComposeResult:
            yield BidiInput(suggester=SuggestFromList(["خط أحمر"]), id="inp")

    app = App2()
    async with app.run_test(size=(40, 6)) as pilot:
        inp = app.query_one(BidiInput)
        inp.focus()
        await pilot.press(*"خط")
        await pilot.pause(0.2)
        row = drawn(inp).strip()
        assert shaped_visual("أحمر") in row  # the completion is drawn, in visual order
        await pilot.press("right")  # accepts it (the cursor is at the end)
        assert inp.value == "خط أحمر"


async def test_input_bidi_mode_switches_live() -> None:
    app = EditorsApp(value="مرحبا")
    async with app.run_test(size=(50, 16)) as pilot:
        inp = app.query_one(BidiInput)
        await pilot.pause()
        assert shaped_visual("مرحبا") in drawn(inp)
        inp.bidi_mode = "terminal"  # the terminal reorders: logical order, still right-aligned
        await pilot.pause()
        assert "مرحبا" in drawn(inp) and drawn(inp).startswith("   ")
        inp.bidi_mode = "off"
        await pilot.pause()
        assert drawn(inp).lstrip(" ").startswith("مرحبا") and not drawn(inp).startswith("   ")


async def test_editor_click_puts_the_cursor_on_the_clicked_letter() -> None:
    app = EditorsApp("قال John")
    async with app.run_test(size=(50, 16)) as pilot:
        ta = app.query_one(BidiTextArea)
        ta.focus()
        await pilot.pause()
        row = drawn(ta, 0)
        col = row.index("J")
        await pilot.click(BidiTextArea, offset=(ta.scrollable_content_region.x - ta.region.x + col,
                                                 ta.scrollable_content_region.y - ta.region.y))
        assert ta.cursor == (0, 4)  # the J of John
