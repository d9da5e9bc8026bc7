"""The flat-paragraph fast path of html_to_text gives what the parser and walk give.

Why: most feed descriptions are a run of ``<p>`` paragraphs; for them the
text is written without building a DOM. It must be the same text, to the
character, as the general path (lexbor tree + walk), for any content.
"""

from __future__ import annotations

import random

from tui.ingest import html as H
from tui.ingest.html import html_to_text

_PIECES = ("ك", "ت", "ب", "ی", "ש", "x", "Q", "5", " ", "  ", "\n", "\t", "\x0c", "\u00a0", "\u2003", "\u200f",
           "\u202e", "\x1b[1m", "\x85", "\ufefb", "\u00ad", "\ufeff", "\u2028", '"', "'", "=", "/", ";", "#")
_NEAR_MISS = ("<b>x</b>", "&amp;", "&lt;", "\r", "\r\n", "\x00", "<P>", "<p class=a>", "<br>", "</p>", "<", ">",
              "<script>y</script>", "<pre> a  b </pre>")


def _full(html: str) -> str:
    tree = H.parse(html)
    root = tree.body or tree.root
    return H.node_text(root) if root is not None else ""


def _html(rng: random.Random, miss: float) -> str:
    paras = []
    for _ in range(rng.randint(1, 6)):
        n = rng.randint(0, 12)
        paras.append("".join(rng.choice(_NEAR_MISS) if rng.random() < miss else rng.choice(_PIECES)
                             for _ in range(n)))
    return "".join(f"<p>{p}</p>" for p in paras)


def test_flat_paragraphs_same_as_parser_and_walk() -> None:
    rng = random.Random(5)
    flat = 0
    for miss in (0.0, 0.0, 0.02, 0.2):
        for _ in range(1500):
            html = _html(rng, miss)
            flat += H._FLAT.fullmatch(html) is not None
            assert html_to_text(html) == _full(html), repr(html)
    assert flat > 3000  # the fast path was taken most of the time


def test_flat_path_only_for_paragraphs_of_plain_text() -> None:
    for html in ("<p>a</p>", "<p></p><p> b </p>"):
        assert H._FLAT.fullmatch(html)
    for html in ("<p>a &amp; b</p>", "<p>a</p>\n<p>b</p>", "<p>a<br>b</p>", "<p dir=rtl>a</p>", "x<p>a</p>",
                 "<p>a\r\nb</p>", "<p>a</p>tail"):
        assert not H._FLAT.fullmatch(html)


def test_other_whitespace_is_what_backslash_s_matches_besides_space() -> None:
    """``_needs_ws`` stands for the regex ``[^\\S ]|  ``: the same answer for every character."""
    import re
    import sys

    old = re.compile(r"[^\S ]|  ")
    for code in range(sys.maxunicode + 1):
        text = f"a{chr(code)}b"
        assert H._needs_ws(text) == (old.search(text) is not None), hex(code)
    assert H._needs_ws("a  b") and not H._needs_ws("a b")


def test_plain_flat_paragraphs_take_the_one_scan_path_with_the_same_text() -> None:
    """``_FLAT_PLAIN`` (shape and characters in one scan) gives what ``_flat_clean`` gives."""
    rng = random.Random(11)
    plain = 0
    for _ in range(3000):
        html = _html(rng, 0.0)
        if "  " not in html and H._FLAT_PLAIN.fullmatch(html):
            plain += 1
        if H._FLAT.fullmatch(html):
            assert html_to_text(html) == H._flat_clean(html), repr(html)
    assert plain > 50  # (the pieces are mostly characters the cleaning acts on)
    assert H._FLAT_PLAIN.fullmatch("<p>وقال الوزير: «لن نتراجع».</p><p>שלום עולם</p>")
    for html in ("<p>a\u00a0b</p>", "<p>a\nb</p>", "<p>a\tb</p>", "<p>\ufefb</p>", "<p>a\u2028b</p>", "<p>x\u202eb</p>"):
        assert H._FLAT.fullmatch(html) and not H._FLAT_PLAIN.fullmatch(html), repr(html)
