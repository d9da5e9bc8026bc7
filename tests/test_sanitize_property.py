"""Property: random Unicode full of controls, escape sequences, bidi controls and
markup never reaches an output as something a terminal would act on.

Outputs checked: the door (sanitize), the CLI guard (terminal_safe, table cells,
JSON), the app's draw-time guard (visible_controls) and the text engine the
widgets draw with (tui.rtl), and the CLI's print path end to end.
"""

from __future__ import annotations

import io
import json
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.commands import output
from tui.rtl.layout import layout_paragraph
from tui.rtl.line import visual_line
from tui.text.sanitize import sanitize, sanitize_inline, terminal_safe, visible_controls

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202d\u202e]")
UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202d\u202e]")

PIECES = ["\x1b", "\x1b[", "\x1b]", "\x1bP", "\x1b\\", "\x07", "\x9b", "\x9c", "\x9d", "\x90", "\r", "\n", "\t",
          "\x00", "\x7f", "\x85", "\u2028", "\u202e", "\u202d", "\u202b", "\u202c", "\u2067", "\u2069", "\u200f",
          "\u200c", "[", "]", "/", "@click=app.quit", "[/x]", "[b]", "[/]", "\\", "0;", "52;c;", "8;;", "31m",
          "2J", "تقرير", "שלום", "گزارش", "news", " ", "1948", "\ud800", "\ufeff", "\u00ad"]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_sanitizers_leave_nothing_a_terminal_acts_on(text: str) -> None:
    for out in (sanitize(text), sanitize_inline(text), terminal_safe(text), terminal_safe(text, keep_tabs=True)):
        assert not UNSAFE.search(out), repr(out)
    assert "\n" not in sanitize_inline(text)
    assert "\t" not in terminal_safe(text)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_draw_time_guard_keeps_length_and_is_safe(text: str) -> None:
    shown = visible_controls(text)
    assert len(shown) == len(text)
    assert not UNSAFE.search(shown)
    assert visible_controls(sanitize(text)) == sanitize(text)  # identity on what the store holds


@settings(max_examples=150, deadline=None)
@given(hostile, st.integers(min_value=1, max_value=30), st.sampled_from(["app", "terminal", "off"]))
def test_the_text_engine_never_draws_a_control(text: str, width: int, mode: str) -> None:
    assert not UNSAFE.search(visual_line(text, width, mode))
    for para in text.split("\n\n"):
        for row in layout_paragraph(para, width, mode, "rtl"):
            assert not UNSAFE.search(row.text), repr(row.text)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_json_output_is_safe_and_exact(text: str) -> None:
    out = output.json_text({"title": text, "tags": [text]})
    assert not UNSAFE.search(out)
    assert json.loads(out) == {"title": text, "tags": [text]}


@settings(max_examples=200, deadline=None)
@given(st.lists(hostile, min_size=1, max_size=4))
def test_cli_print_path_is_safe_and_keeps_columns(cells: list[str]) -> None:
    buf = io.StringIO()
    old, sys.stdout = sys.stdout, buf
    try:
        output.emit_table([cells])
        output.emit(" | ".join(cells))
        output.emit_text("\n".join(cells))
    finally:
        sys.stdout = old
    written = buf.getvalue()
    assert not UNSAFE_OUTPUT.search(written)
    assert written.split("\n", 1)[0].count("\t") == len(cells) - 1
