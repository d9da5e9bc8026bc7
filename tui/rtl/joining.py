"""Arabic cursive joining and shaping to presentation forms, one paragraph at a time.

Why our own and not arabic-reshaper: the reshaper works on words, drops ZWJ
(so an emoji family inside Arabic text falls apart), deletes or ignores
tatweel (so بـ"..." and والـCIA lose the joining the writer asked for) and
changes the text's length (lam-alef), which breaks offset maps. This module
follows the Unicode joining rules exactly as GNU FriBidi applies them
(``fribidi_join_arabic`` + ``fribidi_shape`` with ARABIC flags), on the whole
paragraph with its resolved bidi levels: letters at different levels do not
join, marks are transparent, ZWJ and tatweel join, ZWNJ and isolates break.
The output has the same length as the input: a lam-alef ligature stands at
the alef's index and the lam's index holds U+FEFF (a filler the layout does
not draw), so index i of the shaped text is always logical offset i.

Joining types: letters of the Arabic blocks from the table below (the
differences from the default, generated from Unicode's ArabicShaping data as
FriBidi ships it); elsewhere marks and format characters (Mn, Me, Cf) are
transparent and everything else does not join.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["FILLER", "joining_type", "needs_shaping", "shape_levels"]

FILLER = "\ufeff"
ZWJ, ZWNJ = "\u200d", "\u200c"
_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")

# "start[-end]:type" for U+0600..U+08FF where the type differs from the default.
_TABLE = (
    "0600-0605:U 0620:D 0622-0625:R 0626:D 0627:R 0628:D 0629:R 062A-062E:D 062F-0632:R "
    "0633-063F:D 0640:C 0641-0647:D 0648:R 0649-064A:D 066E-066F:D 0671-0673:R 0675-0677:R "
    "0678-0687:D 0688-0699:R 069A-06BF:D 06C0:R 06C1-06C2:D 06C3-06CB:R 06CC:D 06CD:R 06CE:D "
    "06CF:R 06D0-06D1:D 06D2-06D3:R 06D5:R 06DD:U 06EE-06EF:R 06FA-06FC:D 06FF:D 0710:R "
    "0712-0714:D 0715-0719:R 071A-071D:D 071E:R 071F-0727:D 0728:R 0729:D 072A:R 072B:D 072C:R "
    "072D-072E:D 072F:R 074D:R 074E-0758:D 0759-075B:R 075C-076A:D 076B-076C:R 076D-0770:D 0771:R "
    "0772:D 0773-0774:R 0775-0777:D 0778-0779:R 077A-077F:D 07CA-07EA:D 07FA:C 07FD:U 0840:R "
    "0841-0845:D 0846-0847:R 0848:D 0849:R 084A-0853:D 0854:R 0855:D 0860:D 0862-0865:D 0867:R "
    "0868:D 0869-086A:R 0890-0891:U 0898-089F:U 08A0-08A9:D 08AA-08AC:R 08AE:R 08AF-08B0:D "
    "08B1-08B2:R 08B3-08B4:D 08B6-08B8:D 08B9:R 08BA-08BD:D 08CA-08D3:U 08E2:U "
)


def _parse(table: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in table.split():
        span, kind = item.split(":")
        a, _, b = span.partition("-")
        for cp in range(int(a, 16), int(b or a, 16) + 1):
            out[cp] = kind
    return out


_TYPES = _parse(_TABLE)


@lru_cache(maxsize=4096)
def joining_type(ch: str) -> str:
    """U (non-joining), R, L, D (dual), C (join-causing) or T (transparent)."""
    cp = ord(ch)
    kind = _TYPES.get(cp)
    if kind is not None:
        return kind
    if ch == ZWJ:
        return "C"
    if ch == ZWNJ or ch in _ISOLATES:
        return "U"
    return "T" if unicodedata.category(ch) in ("Mn", "Me", "Cf") else "U"


def _forms() -> dict[str, dict[str, str]]:
    """letter -> {"isolated"/"final"/"initial"/"medial": presentation form}."""
    out: dict[str, dict[str, str]] = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            dec = unicodedata.decomposition(chr(cp)).split()
            if len(dec) == 2 and dec[0] in ("<isolated>", "<final>", "<initial>", "<medial>"):
                out.setdefault(chr(int(dec[1], 16)), {}).setdefault(dec[0][1:-1], chr(cp))
    return out


_FORMS = _forms()
# lam-alef: (alef) -> (isolated ligature, final ligature)
_LAM = "\u0644"
_LIGATURES = {"\u0622": ("\ufef5", "\ufef6"), "\u0623": ("\ufef7", "\ufef8"),
              "\u0625": ("\ufef9", "\ufefa"), "\u0627": ("\ufefb", "\ufefc")}


def needs_shaping(text: str) -> bool:
    """True if any character might take a joining form (cheap pre-check)."""
    return any("\u0600" <= ch <= "\u08ff" for ch in text)


_RIGHT, _LEFT, _SHAPES, _SKIP = 1, 2, 4, 8
_BITS = {"U": 0, "R": _RIGHT | _SHAPES, "L": _LEFT | _SHAPES, "D": _RIGHT | _LEFT | _SHAPES,
         "C": _RIGHT | _LEFT, "T": _SKIP | _SHAPES}
_NO_LEVEL = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF"})


@lru_cache(maxsize=4096)
def _no_level(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in _NO_LEVEL


def _joins(text: str, levels: list[int]) -> list[int]:
    """Joining bits per character (_RIGHT/_LEFT: joined on that physical side).

    Unicode's cursive joining (R1-R7) as FriBidi runs it: marks are skipped,
    a letter at another level than the last joining one breaks the chain
    (ZWJ, ZWNJ and embedding controls have no level of their own here), and a
    join-causing character (ZWJ, tatweel) keeps both sides open.
    """
    bits = {ch: _BITS[joining_type(ch)] for ch in set(text)}
    no_level = {ch for ch in bits if _no_level(ch)}
    props = [bits[ch] for ch in text]
    saved, saved_level, saved_shapes, saved_following = 0, -1, False, 0
    joins = False
    for i, ch in enumerate(text):
        prop = props[i]
        level = -1 if ch in no_level else levels[i]
        disjoin = False
        if joins and saved_level != level and saved_level != -1 and level != -1:
            disjoin, joins = True, False
        skipped = prop & _SKIP
        if not skipped:
            mask = _RIGHT if level & 1 else _LEFT  # the side facing the preceding character
            if not joins:
                if prop & _SHAPES:
                    props[i] = prop = prop & ~mask
            elif not prop & mask:
                disjoin = True
        if disjoin and saved_shapes:
            props[saved] &= ~saved_following
        if not skipped:
            saved, saved_level, saved_shapes = i, level, bool(prop & _SHAPES)
            saved_following = _LEFT if level & 1 else _RIGHT
            joins = bool(prop & saved_following)
    if joins and saved_shapes:
        props[saved] &= ~saved_following
    return props


_FORM_NAMES = ("isolated", "final", "initial", "medial")  # by (joined right) | (joined left) << 1


@lru_cache(maxsize=2048)
def _form_table(ch: str) -> tuple[str, str, str, str] | None:
    """The four glyphs of a letter that takes joining forms, by _FORM_NAMES index."""
    forms = _FORMS.get(ch)
    if not forms or joining_type(ch) in ("U", "T", "C"):
        return None
    iso = forms.get("isolated") or ch
    return tuple(forms.get(name) or iso for name in _FORM_NAMES)  # type: ignore[return-value]


def shape_levels(text: str, levels: list[int]) -> str:
    """Presentation forms for ``text`` (one paragraph, logical order) given its
    resolved levels; same length as ``text`` (see the module docstring)."""
    if not needs_shaping(text):
        return text
    joins = _joins(text, levels)
    tables = {ch: _form_table(ch) for ch in set(text)}
    out = list(text)
    for i, ch in enumerate(text):
        table = tables[ch]
        if table is not None:
            j = joins[i]
            out[i] = table[j & (_RIGHT | _LEFT)]
    if _LAM in tables:
        _ligate(text, levels, out, joins)
    return "".join(out)


def _ligate(text: str, levels: list[int], out: list[str], joins: list[int]) -> None:
    """Lam directly followed by an alef it joins, both at the same odd level,
    becomes one ligature glyph. As in FriBidi the glyph takes the alef's place
    (so a mark written after the alef stays on it) and the lam's holds FILLER."""
    for i in range(len(text) - 1):
        if text[i] != _LAM or text[i + 1] not in _LIGATURES:
            continue
        if not (levels[i] & 1) or levels[i] != levels[i + 1] or not joins[i] & _LEFT:
            continue
        iso, fin = _LIGATURES[text[i + 1]]
        out[i + 1] = fin if joins[i] & _RIGHT else iso
        out[i] = FILLER
