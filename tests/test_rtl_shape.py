"""Shaping keeps harakat, avoids the Allah ligature and maps offsets."""

from __future__ import annotations

from rich.cells import cell_len

from tui.rtl.shape import shape


def test_lam_alef_merges_and_maps_both_letters() -> None:
    shaped, s2l = shape("لا")
    assert shaped == "\ufefb" and cell_len(shaped) == 1
    assert s2l == (0,)


def test_harakat_kept_after_their_letter() -> None:
    shaped, s2l = shape("جداً")
    assert shaped[-1] == "\u064b" and shaped[-2] == "\ufe8d"
    assert cell_len(shaped) == 3
    assert s2l == (0, 1, 2, 3)


def test_no_allah_ligature() -> None:
    shaped, _ = shape("الله")
    assert "\ufdf2" not in shaped and len(shaped) == 4


def test_persian_zwnj_breaks_join() -> None:
    shaped, _ = shape("می\u200cخواهم")
    assert shaped[1] == "\ufbfd"  # final yeh before ZWNJ
    assert shaped[2] == "\u200c"
    assert shaped[3] == "\ufea7"  # initial khah after it


def test_haraka_on_lam_prevents_lam_alef_ligature() -> None:
    shaped, s2l = shape("لِلْأُمَمِ")
    assert not any("\ufef5" <= c <= "\ufefc" for c in shaped)
    assert len(shaped) == len("لِلْأُمَمِ") and s2l == tuple(range(len(shaped)))


def test_tatweel_and_zwj_consumed_with_map() -> None:
    shaped, s2l = shape("بـ\u200dب")
    assert "\u0640" not in shaped
    assert s2l[0] == 0 and s2l[-1] == 3


def test_non_arabic_untouched() -> None:
    assert shape("שלום world") == ("שלום world", tuple(range(10)))
