"""Untrusted text is made safe for a terminal without losing meaning."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tui.text.sanitize import sanitize


def test_ansi_and_osc_escapes_are_removed() -> None:
    assert sanitize("\x1b[31mX\x1b[0m") == "X"
    assert sanitize("a\x1b]8;;http://evil\x07link\x1b]8;;\x1b\\b") == "alinkb"
    assert sanitize("\x1b(Bplain\x1b") == "plain"


def test_controls_removed_but_newline_kept() -> None:
    assert sanitize("a\x07b\x00c\x7fd\x85e\nf") == "abcd\n\ne\nf"
    # U+009B is CSI on its own: its parameters and final byte go with it.
    assert sanitize("a\x9b31mb\x9b") == "ab"


def test_crlf_and_cr_become_newline() -> None:
    assert sanitize("a\r\nb\rc") == "a\nb\nc"


def test_tabs_expanded() -> None:
    out = sanitize("a\tb")
    assert "\t" not in out and out.startswith("a ") and out.endswith("b")


def test_nel_ls_ps_are_paragraph_breaks() -> None:
    assert sanitize("a\u0085b\u2028c\u2029d") == "a\n\nb\n\nc\n\nd"


def test_soft_hyphen_surrogates_noncharacters_dropped() -> None:
    assert sanitize("ab\u00adc\ud800d\ufffee\uffff") == "abcde"


def test_markup_looking_text_is_left_alone() -> None:
    assert sanitize("[bold]x[/bold] [/]") == "[bold]x[/bold] [/]"


def test_zwnj_zwj_and_bidi_controls_are_kept() -> None:
    text = "می\u200cخواهم \u200d \u2067x\u2069 \u200f\u202b\u202c \u061c \u200e \u2066\u2068\u2069 \u202a"
    assert sanitize(text) == text


def test_bidi_overrides_are_shown_not_obeyed() -> None:
    assert sanitize("gpj.\u202eexe") == "gpj.\u2039RLO\u203aexe"
    assert sanitize("\u202dabc\u202c") == "\u2039LRO\u203aabc\u202c"


def test_nfc() -> None:
    assert sanitize("e\u0301") == "\u00e9"


@given(st.text())
def test_never_leaves_controls(text: str) -> None:
    out = sanitize(text)
    for ch in out:
        assert ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs")
    assert "\x1b" not in out
