"""Levels from python-bidi (debug format pinned) and our L1-L4."""

from __future__ import annotations

import bidi
import pytest

from tui.rtl.bidi import _python_bidi_levels, levels, mirror, parse_debug_levels, reorder, visual_order


def _visual(text: str, rtl: bool = True) -> str:
    lv, order = visual_order(text, rtl)
    return "".join(mirror(text[i]) if lv[i] % 2 else text[i] for i in order)


def test_python_bidi_debug_format_is_what_we_parse() -> None:
    """Fails loudly if python-bidi changes its debug output (pin ~=0.6)."""
    text = "ab (عربي 12) c"
    debug = bidi.get_display(text, base_dir="R", debug=True)
    assert "levels: [" in debug and "Level(" in debug, debug[:300]
    got = parse_debug_levels(debug, text)
    assert got == [2, 2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 2]


def test_levels_match_between_fast_path_and_python_bidi() -> None:
    for text, rtl in [("مرحبا بالعالم!", True), ("hello, world", False), ("(قال) «نعم»", True)]:
        assert levels(text, rtl) == _python_bidi_levels(text, rtl)


def test_brackets_are_mirrored_in_rtl() -> None:  # trap: get_display does not mirror
    v = _visual("(انظر الصفحة 12)")
    assert v.startswith("(") and v.endswith(")")
    assert bidi.get_display("(انظر الصفحة 12)", base_dir="R").startswith(")")
    v = _visual("«هذا رائع» و[تقريباً] و{x} و<y>")
    assert v.count("«") == 1 and v.index("«") < v.index("»")


def test_marks_stay_after_their_base_in_rtl() -> None:  # trap: get_display puts them first
    v = _visual("جداً")
    assert v[0] != "\u064b" and v[v.index("\u064b") - 1] == "ا"
    assert bidi.get_display("جداً", base_dir="R")[0] == "\u064b"


def test_hebrew_niqqud_stays_on_letter() -> None:
    word = "בְּרֵאשִׁית"
    v = _visual(word)
    assert v[0] == "ת"
    assert v.endswith("בְּ")


def test_l2_nested_levels() -> None:
    assert _visual("في عام 2024 قال John Smith") == "John Smith لاق 2024 ماع يف"


def test_isolates_honoured() -> None:
    lv, order = visual_order("a\u2067ب(c)\u2069d", False)
    text = "a\u2067ب(c)\u2069d"
    v = "".join(mirror(text[i]) if lv[i] % 2 else text[i] for i in order)
    assert v.replace("\u2067", "").replace("\u2069", "") == "a(c)بd"


def test_reorder_is_permutation() -> None:
    text = "abc אבג 123 def"
    lv = levels(text, True)
    assert sorted(reorder(lv, text)) == list(range(len(text)))


@pytest.mark.parametrize("ch,want", [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("«", "»"), ("‹", "›")])
def test_mirror_table(ch: str, want: str) -> None:
    assert mirror(ch) == want and mirror(want) == ch
