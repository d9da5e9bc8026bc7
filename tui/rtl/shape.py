"""Arabic/Persian shaping with a shaped->logical offset map.

Terminals draw one glyph per cell and most do no joining, so we substitute
presentation forms (arabic-reshaper). The reshaper is configured to keep
harakat (they carry meaning and are 0 cells) and not to form the Allah
ligature (U+FDF2 is 1 cell for Rich but drawn wide by most fonts). Lam-Alef
still merges two letters into one glyph and a ZWJ is consumed, so the shaped
string can be shorter. Tatweel (kashida, a stretching stroke with no
meaning) is dropped from the drawn text. ``shape`` returns, for every shaped character, the
logical index it came from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.letters import LETTERS_ARABIC

__all__ = ["shape", "needs_shaping"]

_CONFIG = {
    "delete_harakat": False,
    "shift_harakat_position": False,
    "delete_tatweel": True,
    "support_ligatures": True,
    "ARABIC LIGATURE ALLAH": False,
}
_RESHAPER = ArabicReshaper(configuration=_CONFIG)
# A haraka on the lam of lam-alef cannot sit on the merged glyph (it would
# drift onto the alef), so such words are shaped without the ligature, as
# FriBidi does.
_RESHAPER_NO_LIGATURES = ArabicReshaper(configuration={**_CONFIG, "support_ligatures": False})
_LAM_MARK_ALEF = re.compile("\u0644[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+[\u0622\u0623\u0625\u0627]")
_SPACES = re.compile(r"(\s+)")
_LAM = "\u0644"
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")
_LAM_ALEF = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))
_ZWJ = "\u200d"
_TATWEEL = "\u0640"


def needs_shaping(text: str) -> bool:
    """True if any character has Arabic joining forms (cheap pre-check)."""
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff" for ch in text)


def _align(logical: str, shaped: str) -> list[int] | None:
    """Map each shaped index to a logical index, or None if they do not line up."""
    s2l: list[int] = []
    j = 0
    pending_alef = -1  # shaped index of a Lam-Alef still waiting for its alef
    n = len(shaped)
    for i, ch in enumerate(logical):
        if pending_alef >= 0 and ch in _ALEFS:
            pending_alef = -1
            continue
        if j < n and shaped[j] in _LAM_ALEF and ch == _LAM:
            s2l.append(i)
            pending_alef = j
            j += 1
            continue
        if (ch == _ZWJ or ch == _TATWEEL) and (j >= n or shaped[j] != ch):
            continue
        if j >= n:
            return None
        sj = shaped[j]
        if sj != ch and ch not in LETTERS_ARABIC:
            return None
        s2l.append(i)
        j += 1
    return s2l if j == n else None


def _reshape(text: str) -> str:
    """Reshape, word by word only when some word needs the no-ligature shaper."""
    if not _LAM_MARK_ALEF.search(text):
        return _RESHAPER.reshape(text)
    parts = _SPACES.split(text)
    return "".join(
        part if part.isspace() or not part
        else (_RESHAPER_NO_LIGATURES if _LAM_MARK_ALEF.search(part) else _RESHAPER).reshape(part)
        for part in parts
    )


@lru_cache(maxsize=8192)
def shape(text: str) -> tuple[str, tuple[int, ...]]:
    """Shaped text and, per shaped char, the logical index it came from.

    Shaping never crosses whitespace, so a paragraph can be shaped once and
    split on spaces. Falls back to the unshaped text if alignment fails, which
    keeps offsets exact at the cost of unjoined letters.
    """
    if not needs_shaping(text):
        return text, tuple(range(len(text)))
    shaped = _reshape(text)
    s2l = _align(text, shaped)
    if s2l is None:
        return text, tuple(range(len(text)))
    return shaped, tuple(s2l)
