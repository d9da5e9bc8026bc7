"""Script-aware text normalisation for matching Arabic, Persian, Hebrew and Latin.

Why: the same name is spelt many ways in news text. Arabic writers drop or keep
hamza on alef (أحمد / احمد), write final ya with or without dots (علي / على),
Persian uses its own ya and kaf (ی / ک) and Arabic fonts swap them back,
vowel marks (harakat, Hebrew niqqud) and tatweel appear at random, digits come
in three scripts, and Hebrew acronyms use either ASCII quotes or the Hebrew
geresh/gershayim (ארה"ב / ארה״ב). Matching must ignore all of that, while the
text shown to the user stays exactly as written.

So there are two layers:

* :func:`normalise` folds a string to a *matching key*. It may change the
  length of the string (marks are deleted), so never use its offsets against
  the original text.
* :func:`tokenize` splits the **original** text into :class:`Token` objects
  that keep their character offsets and carry the folded key alongside.
  Search and entity extraction match on ``Token.norm`` and report
  ``Token.start``/``Token.end``, which index the text exactly as given
  (logical order).

Clitics (Arabic و ف ب ل ك ال, Hebrew ו ה ב ל מ ש כ) are glued to the next word
in both languages. :func:`clitic_candidates` lists the ways a token can be
split into prefix + stem, longest stem first; the caller decides which stem is
real (e.g. it is a known name). Stripping blindly would turn لبنان into ل+بنان,
so it is always a *candidate*, never a rewrite.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Token",
    "normalise",
    "fold_text",
    "normalise_arabic",
    "normalise_hebrew",
    "fold_digits",
    "tokenize",
    "clitic_candidates",
    "script_of",
    "guess_language",
]

# --- character classes --------------------------------------------------------

#: Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_AR_MARKS = "".join(chr(c) for c in range(0x0610, 0x061B)) + "".join(
    chr(c) for c in range(0x064B, 0x0660)
) + "\u0670" + "".join(chr(c) for c in range(0x06D6, 0x06EE))
#: Hebrew points and cantillation (niqqud, dagesh, te'amim), not letters.
_HE_MARKS = "".join(chr(c) for c in range(0x0591, 0x05BE)) + "\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7"
_TATWEEL = "\u0640"
#: Invisible format characters that should never break a match.
_INVISIBLE = "\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

_FOLD = {
    # alef forms and hamza carriers -> bare letters
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ۓ": "ي",
    # ya / alef maqsura / Persian ya / Urdu forms -> Arabic ya
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",
    # ta marbuta and Persian heh forms -> ha
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۂ": "ه",
    # kaf forms
    "ک": "ك", "ڪ": "ك",
    # Hebrew geresh / gershayim and typographic quotes -> ASCII
    "\u05f3": "'", "\u05f4": '"', "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"',
}
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DELETE = {ord(c): None for c in _AR_MARKS + _HE_MARKS + _TATWEEL + _INVISIBLE}
_TABLE = str.maketrans({**{ord(k): v for k, v in _FOLD.items()}, **_DIGITS, **_DELETE})


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits -> ASCII, so "٢٠٢٦" matches "2026"."""
    return text.translate(_DIGITS)


def normalise_arabic(text: str) -> str:
    """Fold Arabic/Persian spelling variants (also safe on any other script)."""
    return text.translate(_TABLE)


def normalise_hebrew(text: str) -> str:
    """Drop niqqud and fold geresh/gershayim to ASCII ' and ". Same table as Arabic."""
    return text.translate(_TABLE)


# 8,192 words: an article's own words mostly (a hit saves ~1 us); at 65,536 the cache
# held ~15 MB of the app's memory once its background entity index had read a few
# thousand articles, and extraction was no faster (600 articles: 84% hits vs 82%).
@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Matching key for any script: NFKC, marks and tatweel removed, letter
    variants folded (alef/hamza, ya/alef maqsura, ta marbuta, ک/ك, ZWNJ kept
    out), digits to ASCII, Latin case-folded.

    NFKC first, so Arabic presentation forms (ﻻ, ﺍ) become ordinary letters.
    ZWNJ (U+200C) is removed: Persian writes رئیس‌جمهور with or without it.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TABLE).replace("\u200c", "")
    return text.casefold()


_TABLE_SPLIT_ZWNJ = {**_TABLE, 0x200C: " "}
# The same table as (old, new) pairs: for a whole article, a chain of str.replace
# calls, each skipped when its character is absent, is ~5x faster than
# str.translate, which looks every character up in a dict.
_FOLD_PAIRS = tuple((chr(k), "" if v is None else v if isinstance(v, str) else chr(v))
                    for k, v in _TABLE_SPLIT_ZWNJ.items())


def fold_text(text: str) -> str:
    """A whole text folded like :func:`normalise` folds each token, in C-level
    string operations only (no per-word Python), for the search index.

    Differs from ``normalise`` in one way: ZWNJ becomes a space rather than
    nothing, because :func:`tokenize` splits words at ZWNJ and the index must
    see the same words a query does.
    """
    text = unicodedata.normalize("NFKC", text)
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text.casefold()


# --- tokens -------------------------------------------------------------------

# A word: letters, marks and digits, plus an apostrophe/quote *inside* a word
# (Hebrew acronyms and transliterations: ארה"ב, צ'ה, O'Brien) and a hyphen
# between Latin letters (Al-Qassam). ZWNJ splits Persian words so that
# رئیس‌جمهور and رئیس جمهور give the same token sequence.
_WORD = re.compile(
    r"[^\W_]"  # first character: a letter or digit
    # (a run of letters at a time: the same words as one letter at a time, the regex's loop turns less)
    # (Hebrew points and cantillation, not the maqaf U+05BE nor the punctuation 05C0/05C3/05C6: a maqaf
    # is a gap between words, as a hyphen is: תל אביב־יפו reads like תל אביב-יפו)
    r"(?:[^\W_\u200c]+|[\u064B-\u065F\u0670\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0640]"
    r"|['\u2019](?=[A-Za-z])(?!s\b)"  # O'Brien, not Iran's
    r"|['\u05f3\"\u05f4](?=[\u05d0-\u05ea])"  # ארה"ב, עראקצ'י
    r"|(?<=[\u05d2\u05d6\u05e6\u05e5\u05ea\u05d7])['\u05f3](?![\u05d0-\u05ea])"  # final geresh: סמוטריץ'
    r"|[-\u05be](?=[A-Za-z]))*"  # Al-Qassam; ל־Ynet, ב-TheMarker (the entities' _unglue takes the name)
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: ``text[start:end]`` and its matching key."""

    start: int
    end: int
    text: str
    norm: str


# A Hebrew prefix letter, then a quote, then a quoted word: ב"הארץ" is ב + "הארץ",
# unlike the acronyms ארה"ב, כ"ץ, ש"ס where one letter follows the quote.
_HE_QUOTED = re.compile(r'^[\u05d5\u05d1\u05dc\u05de\u05d4\u05e9\u05db]{1,2}["\u05f4](?=[\u05d0-\u05ea]{2})')


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets into ``text`` as given."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        q = _HE_QUOTED.match(word) if '"' in word or "\u05f4" in word else None
        if q:
            head = word[: q.end() - 1]
            out.append(Token(start, start + len(head), head, normalise(head)))
            start, word = start + q.end(), word[q.end():]
        out.append(Token(start, start + len(word), word, normalise(word)))
    return out


# --- clitics ------------------------------------------------------------------

# Arabic proclitics, in normalised form, longest first. "لل" is ل + ال with the
# alef dropped (للرئيس = ل + الرئيس), handled by re-inserting the alef.
_AR_PREFIXES = ("وبال", "وكال", "وفال", "فبال", "وال", "فال", "بال", "كال",
                "ولل", "فلل", "لل", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_HE_PREFIXES = ("וכש", "וש", "וה", "וב", "ול", "ומ", "שה", "שב", "של", "מה", "כש", "בה", "לה",
                "ו", "ה", "ב", "ל", "מ", "ש", "כ")
# The same prefixes by first letter, in the same order: a word is tried only against those it opens with.
_AR_BY_FIRST = {c: tuple(p for p in _AR_PREFIXES if p[0] == c) for c in dict.fromkeys(p[0] for p in _AR_PREFIXES)}
_HE_BY_FIRST = {c: tuple(p for p in _HE_PREFIXES if p[0] == c) for c in dict.fromkeys(p[0] for p in _HE_PREFIXES)}
_AR_LETTERS = re.compile(r"[\u0621-\u064a\u066e-\u06d3]")
_HE_LETTERS = re.compile(r"[\u05d0-\u05ea]")
_MIN_STEM = 2


@lru_cache(maxsize=65536)
def clitic_candidates(norm: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a *normalised* token as proclitic + stem.

    Returns ``(prefix_length, stem)`` pairs, the unsplit token first, then
    longer stems before shorter ones. ``prefix_length`` counts characters of
    the normalised token, which equals characters of the original token only
    when no marks were deleted; use :func:`split_offset` to map back.

    For Arabic, a prefix ending in ال (وال, بال ...) yields both the stem with
    the article (الولايات) and, for ل+ال contractions (للولايات), the
    restored form (الولايات). The caller tries each against its lexicon.
    """
    out: list[tuple[int, str]] = [(0, norm)]
    seen = {norm}
    if _AR_LETTERS.match(norm):
        for p in _AR_BY_FIRST.get(norm[0], ()):
            if not norm.startswith(p) or len(norm) - len(p) < _MIN_STEM:
                continue
            rest = norm[len(p):]
            if p.endswith("ال"):
                cands = [(len(p) - 2, "ال" + rest)]
            elif p.endswith("لل"):
                cands = [(len(p) - 2, "ال" + rest), (len(p), rest)]
            else:
                cands = [(len(p), rest)]
            for plen, stem in cands:
                if stem not in seen:
                    seen.add(stem)
                    out.append((plen, stem))
    elif _HE_LETTERS.match(norm):
        for p in _HE_BY_FIRST.get(norm[0], ()):
            if not norm.startswith(p) or len(norm) - len(p) < _MIN_STEM:
                continue
            rest = norm[len(p):]
            # ב/ל/כ swallow the article: לבית הלבן = ל + הבית הלבן
            for stem in ([rest, "ה" + rest] if p[-1] in "בלכ" else [rest]):
                if stem not in seen:
                    seen.add(stem)
                    out.append((len(p), stem))
    return tuple(out)


def split_offset(original: str, norm_prefix_len: int) -> int:
    """Offset in ``original`` after ``norm_prefix_len`` normalised characters.

    Deleted characters (harakat, tatweel) inside the prefix are skipped, so
    for "بـ"+"إيران" a prefix of 1 maps past the tatweel too. Prefixes are
    letters only, so a character-by-character walk is exact.
    """
    if norm_prefix_len <= 0:
        return 0
    count = 0
    for i, ch in enumerate(original):
        if normalise(ch):
            count += 1
        if count == norm_prefix_len:
            j = i + 1
            while j < len(original) and not normalise(original[j]):
                j += 1  # marks and tatweel belong to the prefix
            return j
    return len(original)


# --- script and language ------------------------------------------------------

_PERSIAN_ONLY = re.compile(r"[پچژگکی\u06cc\u06a9]")


_SCRIPT_LETTERS = {
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "latin": re.compile(r"[A-Za-z]"),
}
_AR_ONLY = re.compile(r"[ةيك]")
SCRIPT_SAMPLE = 4000  # characters looked at: enough to tell, and import stays O(1) per article


def script_of(text: str) -> str:
    """Dominant script of ``text``: "arabic", "hebrew", "latin" or "" if none.

    Counts with compiled character classes (the loop runs in C), over the
    first ``SCRIPT_SAMPLE`` characters: guessing the language of 100,000
    imported articles must not walk every character in Python.
    """
    sample = text[:SCRIPT_SAMPLE]
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPT_LETTERS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ""


def guess_language(text: str) -> str:
    """Best guess of ar/fa/he/en from the letters used.

    Persian is told from Arabic by its own letters (پ چ ژ گ and the Persian
    ی/ک code points), which Persian text uses constantly and Arabic never;
    Arabic-only ة and ي tip the balance the other way.
    """
    script = script_of(text)
    if script == "hebrew":
        return "he"
    if script == "latin" or not script:
        return "en"
    sample = text[:SCRIPT_SAMPLE]
    persian = len(_PERSIAN_ONLY.findall(sample))
    arabic = len(_AR_ONLY.findall(sample))
    return "fa" if persian > arabic else "ar"


def has_astral(text: str) -> bool:
    """Whether ``text`` holds a character above U+FFFF (a 4-byte sequence in UTF-8,
    led by one of the bytes F0-F4, which nothing else in UTF-8 uses).

    Why not a regex search for them: that visits every character in Python's
    regex engine (0.11 s per 10,000 Arabic bodies, a fifth of the folding);
    the UTF-8 encoder and five ``memchr`` scans do it in C (~0.04 s). (Not
    UTF-16: that codec is looked up by name, which fails where the standard
    library cannot be read, as for a user without access to it.)
    """
    data = text.encode("utf-8", "surrogatepass")
    return b"\xf0" in data or b"\xf1" in data or b"\xf2" in data or b"\xf3" in data or b"\xf4" in data
