"""Which index keys a word answers to: itself, and its clitic-stripped stems.

Arabic glues و ف ب ل ك and the article ال to the next word, Hebrew glues
ו ה ב ל מ ש כ. A search for إيران must find وإيران, بإيران and الإيرانية's
neighbour الإيرانيين only if the analyst asks for them, so a word is indexed
under its own folded form *and* under each stem that
:func:`tui.text.normalize.clitic_candidates` proposes, with the Arabic article
also peeled (الرئيس answers to رئيس). Stem matches rank below exact ones.
"""

from __future__ import annotations

from functools import lru_cache

from tui.text.normalize import clitic_candidates

STEM_WEIGHT = 0.8
_ARTICLE = "ال"
_MIN_AFTER_ARTICLE = 2


@lru_cache(maxsize=262144)
def token_keys(norm: str) -> tuple[tuple[str, int], ...]:
    """``(key, prefix_length)`` pairs for a folded word, the word itself first.

    ``prefix_length`` counts folded characters before the key's stem starts,
    so a hit can be drawn over the stem only (و|إيران).
    """
    out: dict[str, int] = {}
    for plen, stem in clitic_candidates(norm):
        out.setdefault(stem, plen if not norm.endswith(stem) else len(norm) - len(stem))
        if stem.startswith(_ARTICLE) and len(stem) - 2 >= _MIN_AFTER_ARTICLE:
            bare = stem[2:]
            out.setdefault(bare, len(norm) - len(bare))
    return tuple(out.items())


def query_keys(norm: str) -> dict[str, float]:
    """Keys a query word looks up, with weights: itself 1.0, its stems less.

    Symmetric with :func:`token_keys`, so وإيران typed in the box finds
    إيران too (ranked below an exact وإيران).
    """
    keys = {norm: 1.0}
    for key, _ in token_keys(norm)[1:]:
        keys.setdefault(key, STEM_WEIGHT)
    return keys
