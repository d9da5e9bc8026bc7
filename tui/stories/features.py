"""What the clusterer knows of an article: when, which language, which
canonical entities and which rare-word candidates.

Why canonical entity ids: they are the one signal shared across scripts
(إيران, ایران, איראן and Iran are all ``loc:IR``). Words only count within
one language (the clusterer compares them per language), and are light-stemmed
keys: normalised (alef, ya, harakat folded), Arabic/Persian/Hebrew article and
conjunction prefixes taken off, very short words and bare numbers dropped.
Commonness is not decided here: the clusterer weighs words and entities by
their rarity in the library (idf), so "said" and "Iran" count for little.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tui.text.normalize import normalise, tokenize

_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
_HE_PREFIXES = ("וה", "שה", "בה", "לה", "מה", "ה", "ו", "ב", "ל", "מ", "ש")
MIN_WORD = 3


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One article as the clusterer sees it."""

    id: str
    time: datetime
    language: str = ""
    source: str = ""
    entities: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)


def parse_time(stamp: str) -> datetime | None:
    """An ISO 8601 time as an aware UTC datetime; None when absent or unreadable."""
    if not stamp:
        return None
    try:
        value = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def word_key(norm: str, language: str) -> str:
    """A normalised token with its common prefixes off (a light stem, not a lemma)."""
    if language in ("ar", "fa"):
        for prefix in _AR_PREFIXES:
            if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_WORD:
                return norm[len(prefix):]
        if norm.startswith("و") and len(norm) > MIN_WORD + 1:
            return norm[1:]
    elif language == "he":
        for prefix in _HE_PREFIXES:
            if norm.startswith(prefix) and len(norm) - len(prefix) >= MIN_WORD:
                return norm[len(prefix):]
    elif language == "en" and len(norm) > 4 and norm.endswith("s") and not norm.endswith("ss"):
        return norm[:-1]
    return norm


def words_of(text: str, language: str) -> frozenset[str]:
    """Distinct word keys of ``text`` (numbers and words under three letters left out)."""
    keys = set()
    for token in tokenize(normalise(text)):
        if len(token.norm) < MIN_WORD or token.norm.isdigit():
            continue
        keys.add(word_key(token.norm, language))
    return frozenset(keys)


def make_doc(article_id: str, time: datetime, language: str, source: str, entity_ids: Iterable[str],
             text: str) -> StoryDoc:
    """A :class:`StoryDoc` from an article's parts; ``text`` is its title and body."""
    return StoryDoc(id=article_id, time=time, language=language or "", source=source or "",
                    entities=frozenset(entity_ids), words=words_of(text, language or ""))
