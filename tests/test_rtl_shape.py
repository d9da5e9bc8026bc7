"""Shaping (tui.rtl.joining): same length as the text, harakat kept after
their letter, no Allah ligature, ZWNJ breaks and ZWJ/tatweel keep the join."""

from __future__ import annotations

from rich.cells import cell_len

from tui.rtl.joining import FILLER, shape_levels


def shape(text: str) -> str:
    return shape_levels(text, [1] * len(text))


def test_lam_alef_is_one_glyph_at_the_alef_and_a_filler_at_the_lam() -> None:
    shaped = shape("لا")
    assert shaped == FILLER + "\ufefb" and cell_len(shaped.replace(FILLER, "")) == 1
    assert shape("سلام")[1:3] == FILLER + "\ufefc"  # after a joining letter: the final ligature


def test_harakat_kept_after_their_letter() -> None:
    shaped = shape("جداً")
    assert shaped[-1] == "\u064b" and shaped[-2] == "\ufe8d"  # isolated alef: dal does not join left
    assert cell_len(shaped) == 3 and len(shaped) == 4


def test_no_allah_ligature() -> None:
    shaped = shape("الله")
    assert "\ufdf2" not in shaped and len(shaped) == 4


def test_persian_zwnj_breaks_join() -> None:
    shaped = shape("می\u200cخواهم")
    assert shaped[1] == "\ufbfd"  # final yeh before ZWNJ
    assert shaped[2] == "\u200c"
    assert shaped[3] == "\ufea7"  # initial khah after it


def test_haraka_on_lam_prevents_lam_alef_ligature() -> None:
    shaped = shape("لِلْأُمَمِ")
    assert not any("\ufef5" <= c <= "\ufefc" for c in shaped) and len(shaped) == len("لِلْأُمَمِ")


def test_tatweel_and_zwj_kept_and_joining() -> None:
    shaped = shape("بـ\u200dب")
    assert shaped == "\ufe91\u0640\u200d\ufe90"  # initial beh, the stroke, ZWJ, final beh


def test_letters_at_different_levels_do_not_join() -> None:
    # ب at level 1, then a ب inside an LTR override at level 2.
    assert shape_levels("بب", [1, 2]) == "\ufe8f\ufe8f"


def test_non_arabic_untouched() -> None:
    assert shape("שלום world") == "שלום world"
