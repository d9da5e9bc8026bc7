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

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _PRESENTATION.sub(_unshape, text)
    return unicodedata.normalize("NFC", text)


def guess_language(text: str) -> str:
    """ar / fa / he / en from the letters used; "" when there are no letters.

    Persian is told from Arabic by letters Arabic does not use (پ چ ژ گ,
    keheh ک and Farsi yeh ی) and by ZWNJ, against Arabic's ة ك ي ى.
    """
    sample = text[:4000]
    arab = hebr = latin = 0
    fa = ar = 0
    for ch in sample:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
            arab += 1
            if ch in "پچژگکی":
                fa += 1
            elif ch in "ةكيى":
                ar += 1
        elif 0x05D0 <= o <= 0x05EA:
            hebr += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
        elif ch == "\u200c":
            fa += 1
    best = max(arab, hebr, latin)
    if best == 0:
        return ""
    if best == arab:
        return "fa" if fa > ar else "ar"
    if best == hebr:
        return "he"
    return "en"
