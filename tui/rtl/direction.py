"""Paragraph direction: explicit marks, then language, then word majority.

Why not UBA P2/P3 (first strong character)? News headlines often start with a
Latin brand ("Apple أعلنت ...") and are still Arabic. A character count fails
the other way (Latin names have more letters). Counting *words* with RTL
letters against words with LTR letters, ties broken by the first strong
character, gets both right.
"""

from __future__ import annotations

import re
from typing import Literal

from bidi import get_base_level

Direction = Literal["rtl", "ltr"]

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "iw", "ur", "yi", "ps", "ckb", "sd", "ug", "dv", "syr", "ji"})

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extensions and
# presentation forms, and the RTL supplementary blocks.
_RTL_RANGES = (
    "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff"
)
_RTL_LETTER = re.compile(f"[{_RTL_RANGES}]")
_LTR_LETTER = re.compile(f"(?![{_RTL_RANGES}])[^\\W\\d_]")
_WORD = re.compile(r"\S+")

_RTL_MARKS = frozenset("\u200f\u202b\u202e\u2067\u061c")  # RLM RLE RLO RLI ALM
_LTR_MARKS = frozenset("\u200e\u202a\u202d\u2066")  # LRM LRE LRO LRI


def is_rtl_language(language: str | None) -> bool:
    """``ar``, ``fa-IR``, ``he_IL`` ... -> True. Only RTL languages force a direction."""
    if not language:
        return False
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] in RTL_LANGUAGES


def explicit_direction(text: str) -> Direction | None:
    """A paragraph that starts with RLM/RLE/RLO/RLI/ALM (or the LTR ones) says so."""
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if first in _RTL_MARKS:
        return "rtl"
    if first in _LTR_MARKS:
        return "ltr"
    return None


def majority_direction(text: str) -> Direction | None:
    """Words with RTL letters vs words with LTR letters; first strong breaks a tie.

    Returns None when the text has no strong letters at all (digits, punctuation).
    """
    rtl = ltr = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if _RTL_LETTER.search(word):
            rtl += 1
        if _LTR_LETTER.search(word):
            ltr += 1
    if rtl > ltr:
        return "rtl"
    if ltr > rtl:
        return "ltr"
    if rtl == 0:
        return None
    return "rtl" if get_base_level(text) == 1 else "ltr"


def paragraph_direction(
    text: str,
    language: str | None = None,
    override: Direction | None = None,
    default: Direction = "ltr",
) -> Direction:
    """Direction of one paragraph, by the priority in DESIGN.md."""
    if override in ("rtl", "ltr"):
        return override
    explicit = explicit_direction(text)
    if explicit:
        return explicit
    if is_rtl_language(language):
        return "rtl"
    return majority_direction(text) or default


def document_direction(text: str, language: str | None = None) -> Direction:
    """Direction of a whole article: its language, else the word majority.

    Used as the article's language when none is known: an Arabic article's
    English quote or a line of only digits still reads as part of an RTL page.
    """
    if is_rtl_language(language):
        return "rtl"
    return majority_direction(text) or "ltr"
