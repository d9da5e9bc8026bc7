"""One paragraph prepared for bidi layout: words, isolated identifiers, levels, shapes.

UAX #9 resolves embedding levels over a whole paragraph and only *reorders*
line by line (L1-L4). Resolving each wrapped line alone makes numbers,
phone numbers and isolates change with the line breaks, so this module
resolves once per paragraph and hands each line its slice of the levels.

The working text is the paragraph as drawn: runs of breakable white space
become one space (no-break spaces U+00A0, U+202F, U+2007 are not breakable
and stay), and every URL, e-mail address, @handle and Latin #hashtag is
wrapped in LRI ... PDI (a higher-level protocol, UAX #9 HL3) so it reads
left to right as one unit and the punctuation around it does not jump.
``owner[i]`` maps each working index back to the paragraph offset it
stands for (an inserted isolate stands for its identifier's first or last
character).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bidi import get_display

from tui.rtl import fribidi
from tui.rtl.bidi import DebugFormatError, parse_debug_levels
from tui.rtl.joining import shape_levels

__all__ = ["NO_BREAK_SPACES", "Prepared", "first_strong", "identifier_spans", "prepare", "resolve"]

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
# A word: a run of anything but breakable white space.
_WORD = re.compile(r"(?:[^\s]|[\u00a0\u202f\u2007])+")

# Identifiers (the rules the reader and the outside check share, see module doc).
_TRAIL = frozenset(".,;:!?'\"»«“”‘’…،؛؟۔")
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_URL = re.compile(r"(?<![\w@./])(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                    r"\.[A-Za-z]{2,}(?![\w@])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*(?![\w@])")
_HASHTAG = re.compile(r"(?<![\w#&])#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?!\w)")

_STRONG_CLASSES = {"L": False, "R": True, "AL": True}
_ISOLATE_OPEN = frozenset((LRI, RLI, FSI))
# Bidi classes that make a paragraph more than one run at its own level.
_MIXED_IN_RTL = frozenset({"L", "EN", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_MIXED_IN_LTR = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def _trim_url(url: str) -> str:
    """Sentence punctuation after a URL is not part of it; nor is an unopened closer."""
    while url:
        last = url[-1]
        if last in _TRAIL or (last in _CLOSERS and url.count(_CLOSERS[last]) < url.count(last)):
            url = url[:-1]
        else:
            break
    return url


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the URLs, e-mails, @handles and Latin #hashtags in ``text``."""
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    if "/" in text or "www." in text.lower():
        for m in _URL.finditer(text):
            url = _trim_url(m.group())
            if len(url) > 4 and free(m.start(), m.start() + len(url)):
                taken.append((m.start(), m.start() + len(url)))
    if "@" in text:
        for rx in (_EMAIL, _HANDLE):
            for m in rx.finditer(text):
                if free(m.start(), m.end()):
                    taken.append((m.start(), m.end()))
    if "#" in text:
        for m in _HASHTAG.finditer(text):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
    return sorted(taken)


def isolate_identifiers(text: str) -> tuple[str, list[int]]:
    """``text`` with LRI ... PDI around each identifier, and for each of its
    characters the index in ``text`` it stands for (no white space collapsed:
    the editor draws every space the user typed)."""
    chars = list(text)
    owner = list(range(len(text)))
    for a, b in reversed(identifier_spans(text)):
        chars[b:b] = [PDI]
        owner[b:b] = [b - 1]
        chars[a:a] = [LRI]
        owner[a:a] = [a]
    return "".join(chars), owner


@lru_cache(maxsize=4096)
def _bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def first_strong(text: str) -> bool | None:
    """UAX #9 P2/P3: True (RTL) / False (LTR) for the first L, R or AL outside
    isolates; None when there is none."""
    depth = 0
    for ch in text:
        if ch in _ISOLATE_OPEN:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            rtl = _STRONG_CLASSES.get(_bidi_class(ch))
            if rtl is not None:
                return rtl
    return None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A paragraph as the layout sees it (direction-independent part)."""

    text: str                        # working text: collapsed, identifiers isolated
    owner: tuple[int, ...]           # working index -> paragraph offset
    words: tuple[tuple[int, int], ...]  # [a, b) of each word in the working text
    para_len: int


@lru_cache(maxsize=2048)
def prepare(para: str, isolate: bool = True) -> Prepared:
    """Collapse breakable white space and isolate identifiers (``isolate``)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(para)]
    chars: list[str] = []
    owner: list[int] = []
    starts: list[int] = []
    for k, (a, b) in enumerate(spans):
        if k:
            chars.append(" ")
            owner.append(spans[k - 1][1])
        starts.append(len(chars))
        chars.extend(para[a:b])
        owner.extend(range(a, b))
    collapsed = "".join(chars)
    ids = identifier_spans(collapsed) if isolate and collapsed else []
    if ids:
        for a, b in reversed(ids):
            chars[b:b] = [PDI]
            owner[b:b] = [owner[b - 1]]
            chars[a:a] = [LRI]
            owner[a:a] = [owner[a]]
        # Recompute word bounds on the working text (isolates sit inside words).
        text = "".join(chars)
        words = tuple((m.start(), m.end()) for m in _WORD.finditer(text))
    else:
        text = collapsed
        words = tuple((s, s + (b - a)) for s, (a, b) in zip(starts, spans))
    return Prepared(text, tuple(owner), words, len(para))


def _levels(text: str, rtl: bool) -> list[int]:
    base = 1 if rtl else 0
    classes = {_bidi_class(ch) for ch in set(text)}
    if classes.isdisjoint(_MIXED_IN_RTL if rtl else _MIXED_IN_LTR):
        return [base] * len(text)
    exact = fribidi.levels(text, rtl)
    if exact is not None:
        return exact
    try:
        debug = get_display(text, base_dir="R" if rtl else "L", debug=True)
        return parse_debug_levels(debug, text)
    except DebugFormatError:
        return [base] * len(text)


@lru_cache(maxsize=2048)
def resolve(text: str, rtl: bool, shaped: bool = True) -> tuple[tuple[int, ...], str]:
    """(levels, shaped text) of the whole working paragraph at direction ``rtl``.

    Levels come from libfribidi when present, else python-bidi, over the
    whole paragraph (bracket pairs, isolates, embeddings); shaping joins letters with those levels, as
    FriBidi does, and keeps the text's length (see ``tui.rtl.joining``).
    """
    if not text:
        return (), ""
    levels = _levels(text, rtl)
    return tuple(levels), shape_levels(text, levels) if shaped else text
