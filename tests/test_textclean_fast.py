"""The fast path of the ingest cleaners gives exactly what the full pipeline gives.

Why: stored text is what search, entity offsets and annotations index into,
so a speed-up of the door must not change one character of it. The reference
below is the pipeline as it was before the fast path (every regex pass run
on every text); random texts drawn from the characters each pass acts on
(and their neighbours) must clean to the same string both ways.
"""

from __future__ import annotations

import random
import re

from tui.ingest import textclean
from tui.ingest.textclean import clean_inline, clean_text

_LINE_EDGES = re.compile(r" ?\n ?")

# Letters (Arabic, Persian, Hebrew, Latin), combining marks that NFC composes,
# every kind of space and break, controls, escape sequences, bidi controls,
# presentation forms, soft hyphen, BOM, non-characters.
_PIECES = (
    "س", "ل", "ا", "م", "پ", "ی", "ש", "ל", "ו", "a", "e", "Z", "7", "٣", "۴", ".", "،",
    "e\u0301", "\u0627\u0653", "\u05e9\u05c1", "\u0301",
    " ", " ", " ", "  ", "\n", "\n", "\n\n", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\u00a0", "\u2000", "\u2001", "\u2007", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000",
    "\x00", "\x07", "\x1b[31m", "\x1b]0;t\x07", "\x1bP1\x1b\\", "\x1b", "\x9b2J", "\x9d8;;u\x9c", "\x90", "\x7f",
    "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069",
    "\ufefb", "\ufe8d", "\ufb50", "\ufdf2", "\u00ad", "\ufeff", "\ufffe", "\uffff", "\ud800",
)


def _old_basic(text: str) -> str:
    import unicodedata

    from tui.text.sanitize import sanitize

    text = textclean._PRESENTATION.sub(textclean._unshape, sanitize(text))
    return unicodedata.normalize("NFC", text)


def _old_clean_text(text: str) -> str:
    text = textclean._BODY_SPACES.sub(" ", _old_basic(text))
    text = _LINE_EDGES.sub("\n", text)
    return textclean._BLANKS.sub("\n\n", text).strip("\n ")


def _old_clean_inline(text: str) -> str:
    text = _old_basic(text).replace("\n", " ")
    return textclean._SPACES.sub(" ", text).strip()


def _texts(seed: int, count: int, rare: float) -> list[str]:
    """Random texts; ``rare`` is the share of pieces that are not plain letters or spaces."""
    rng = random.Random(seed)
    plain = [p for p in _PIECES if p in (" ", "\n", "\n\n", "  ") or (p.isalnum() or p in ".،")]
    out = []
    for _ in range(count):
        n = rng.randint(0, 40)
        out.append("".join(rng.choice(_PIECES) if rng.random() < rare else rng.choice(plain) for _ in range(n)))
    return out


def test_clean_text_same_as_full_pipeline() -> None:
    for rare in (0.0, 0.05, 0.5):
        for text in _texts(7, 3000, rare):
            assert clean_text(text) == _old_clean_text(text), repr(text)


def test_clean_inline_same_as_full_pipeline() -> None:
    for rare in (0.0, 0.05, 0.5):
        for text in _texts(11, 3000, rare):
            assert clean_inline(text) == _old_clean_inline(text), repr(text)


def test_line_edges_same_as_regex() -> None:
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(" \nab") for _ in range(rng.randint(0, 16)))
        assert textclean._line_edges(text) == _LINE_EDGES.sub("\n", text), repr(text)


def test_plain_text_takes_the_fast_path() -> None:
    """Ordinary prose (single spaces, paragraphs) needs no regex pass but NFC."""
    assert textclean._plain("سلام عليكم\n\nשלום") == "سلام عليكم\n\nשלום"
    for dirty in ("a\tb", "a  b", "a\x1b[31mb", "\ufefb", "a\u00a0b", "a\u202eb", "a\rb"):
        assert textclean._plain(dirty) is None


def test_every_bmp_character_cleans_the_same_both_ways() -> None:
    """A guard for later changes to ``sanitize`` or the space rules: if one of them
    starts acting on a character the fast path does not know (``_RARE``), this fails."""
    for code in range(0x10000):
        text = f"x {chr(code)}y\n{chr(code)}"
        assert clean_text(text) == _old_clean_text(text), hex(code)
        assert clean_inline(text) == _old_clean_inline(text), hex(code)


def test_flat_paragraphs_clean_the_same_as_through_the_blank_line_rules() -> None:
    """``<p>…</p><p>…</p>`` descriptions are joined directly (html._flat_clean); the
    result must be what the four-newline text through clean_text gives, for
    paragraphs of every kind (empty, spaces only, edge spaces, NFC, rare characters)."""
    from tui.ingest.html import _FLAT, _flat_clean, _flat_text, html_to_text

    pieces = [p for p in _PIECES if not set(p) & set("<>&\x00\r") and not any("\ud800" <= c <= "\udfff" for c in p)]
    rng = random.Random(5)
    checked = 0
    for _ in range(4000):
        rare = rng.choice((0.0, 0.1, 0.5))
        paras = ["".join(rng.choice(pieces) if rng.random() < rare else rng.choice(" abس\u0301ש")
                         for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 5))]
        html = "<p>" + "</p><p>".join(paras) + "</p>"
        if not _FLAT.fullmatch(html):
            continue
        checked += 1
        assert _flat_clean(html) == clean_text(_flat_text(html)) == html_to_text(html), repr(html)
    assert checked > 3000
