"""Merging mentions into entities, and ordering them by salience.

Mentions carry an ``entity_id``: the gazetteer id for known names (so ترامب,
Trump, ترامپ and טראמפ share ``per:trump``), or a folded-words id for names
learnt from context (``per:~...``), which the engine already gives to a
surname mentioned after the full name. Grouping is therefore by id; this
module decides the display name, gloss and order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tui.entities import lexicon
from tui.entities.gazetteer import Gazetteer, default_gazetteer
from tui.models import Entity, EntityType, Mention
from tui.text.normalize import guess_language, normalise


def group(mentions: Iterable[Mention], gazetteer: Gazetteer | None = None) -> list[Entity]:
    """One :class:`Entity` per ``entity_id``, most salient first (count, then first position)."""
    by_id: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        by_id.setdefault(m.entity_id, []).append(m)
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    entities = [_entity(eid, ms, gaz) for eid, ms in by_id.items()]
    return sort_by_salience(entities)


def sort_by_salience(entities: list[Entity]) -> list[Entity]:
    """Most mentioned first; ties go to the one named earlier in the text."""
    return sorted(entities, key=lambda e: (-e.count, min(e.spans, default=(0, 0))[0], e.name))


def _entity(entity_id: str, mentions: list[Mention], gaz: Gazetteer) -> Entity:
    kind: EntityType = Counter(m.type for m in mentions).most_common(1)[0][0]
    surfaces = list(dict.fromkeys(m.surface for m in mentions))
    entry = gaz.entries.get(entity_id)
    return Entity(
        id=entity_id,
        type=kind,
        name=display_name(mentions, entry.names if entry else {}),
        gloss=entry.gloss if entry else "",
        surfaces=surfaces,
        spans=[(m.start, m.end) for m in mentions],
    )


def display_name(mentions: list[Mention], names: dict[str, list[str]]) -> str:
    """The table's preferred spelling if the text uses it, else the best surface.

    Best surface: for people the fullest form (عبدالفتاح السيسي over
    السيسي); for the rest the most frequent, then the longest.
    """
    counts = Counter(m.surface for m in mentions)
    by_key = {normalise(s): s for s in counts}
    for spellings in names.values():
        if spellings and normalise(spellings[0]) in by_key:
            return by_key[normalise(spellings[0])]
    known = {normalise(n) for spellings in names.values() for n in spellings}
    if known:
        clean = Counter({s: c for s, c in counts.items() if normalise(s) in known})
        lang = guess_language(" ".join(counts))
        headed = [s for s in counts if len(s.split()) > 1 and normalise(s.split(maxsplit=1)[1]) in known]
        if not clean and headed:  # بندر چابهار، حي الميناء: a known place with its noun, shown as written
            return max(headed, key=lambda s: (counts[s], len(s)))
        if not clean and names.get(lang):  # only glued forms (للأمم المتحدة): the table's name
            return names[lang][0]
        counts = clean or counts
    if mentions[0].type == "PER":
        return max(counts, key=lambda s: (len(s.split()), counts[s], len(s)))
    return article_name(max(counts, key=lambda s: (counts[s], len(s))))


# Heads whose form without the article differs from the construct (ועדה / ועדת), so "וועדה המוניטרית"
# can only be "ב(ה)וועדה המוניטרית" with the article swallowed.
_HE_ARTICLE_HEADS = lexicon.keys("article_heads", "he")


def article_name(name: str) -> str:
    """The name with the article a preposition swallowed: للجهاز المركزي -> الجهاز المركزي,
    בוועדה המוניטרית (found as "וועדה המוניטרית") -> הוועדה המוניטרית."""
    if name.startswith("لل") and len(name.split()[0]) > 4:
        return "ال" + name[2:]
    first = name.split()[0] if name.split() else ""
    if first and not first.startswith("ה") and normalise("ה" + first) in _HE_ARTICLE_HEADS:
        return "ה" + name
    if first.startswith("וועד"):
        return name[1:]  # וועדת הכספים is spelled ועדת הכספים
    return name
