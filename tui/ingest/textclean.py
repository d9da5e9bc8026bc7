"""Clean untrusted text at the door, so the store only ever holds tidy logical text.

Why here and not at draw time: stored text is what search, entity offsets and
annotations index into; if it changed later, their offsets would drift. So
ingest fixes it once: NFC, ``\\n`` line ends, no C0/C1 controls (ANSI escapes
included), no Arabic presentation forms (legacy pages shape text themselves;
we store logical letters), no stray BOMs, spaces collapsed, paragraphs
separated by exactly one blank line. Bidi controls, ZWNJ and ZWJ are kept:
they carry meaning.
"""

from __future__ import annotations

import re
import unicodedata

from tui.text.normalize import guess_language, script_of
from tui.text.sanitize import sanitize

_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n+")
_LINE_EDGES = re.compile(r" ?\n ?")


def _unshape(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def clean_inline(text: str) -> str:
    """One line of text (a title, a name): controls gone, spaces collapsed."""
    text = _basic(text).replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """A body: paragraphs split by one blank line, single newlines kept inside."""
    text = _SPACES.sub(" ", _basic(text))
    text = _LINE_EDGES.sub("\n", text)
    return _BLANKS.sub("\n\n", text).strip("\n ")


def _basic(text: str) -> str:
    text = _PRESENTATION.sub(_unshape, sanitize(text))
    return unicodedata.normalize("NFC", text)


def language_of(text: str) -> str:
    """ar / fa / he / en from the letters used; "" when there are none to go by,
    so an article of only digits is not labelled English."""
    return guess_language(text) if script_of(text) else ""
