"""Which rule families can find a mention at a token, worked out once per word instead of once per rule.

Why: the first pass tries every family of ``data/lexicon/cascade.toml`` at every token, and at almost
every token every family answers None after a test of the word alone (is it a title, a body's head, a
listed given name, an initial?): fifteen calls a token were most of the rules' time. A family's *gate*
is that opening test, or a looser one; where its gate says no, the cascade does not call the family.
(The rule functions keep their own tests, so they stay right when called from elsewhere.)

Most gates are "a clitic reading of the word is in this word list": all of them are answered at once
by one dict per language from a reading to the families it opens (:func:`_spec`), so a word costs a
lookup per clitic reading. The rest are tests of the word's shape (an initial, a ل/ל prefix, a
capital), the title phrases it opens, the gazetteer's aliases (asked per text: they depend on the
engine's tables), a verb of saying near the token (said_person, per token), and whether a title is open
(earlier_org and person_after_title find nothing otherwise).

A gate must never say no where its family would find a mention: ``tests/test_rule_gates.py`` calls
every family at every token of real texts and of every case sentence and checks each hit's gate. A
family the cascade names that has no gate here is tried at every token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.entities import rules
from tui.entities.doc import _Doc, _trigger_phrases
from tui.entities.orgs import _HE_GERESH_QUOTED
from tui.text.normalize import clitic_candidates

# Families that find nothing while no title is open (engine.py: _step_earlier_org, _step_person_after_title).
PENDING = frozenset({"earlier_org", "person_after_title"})

# A word's gates per cascade, kept across texts like the other per-word caches (16,384 words at most).
_WORDS: dict[tuple[str, ...], dict[tuple[str, str], int]] = {}
_WORDS_MAX = 16_384


def forget_words() -> None:
    """Drop the gates kept per word (benchmarks measure the work, not the lookups)."""
    _WORDS.clear()


@dataclass(frozen=True)
class _Spec:
    """One language's gates for one cascade, as bit masks (bit n: the cascade's n-th family)."""

    readings: dict[str, int]  # a clitic reading (or the whole word) -> the families it may open
    always: int  # families with no gate, or whose gate is the language alone
    initial: int  # initial_surname: a word of one or two letters
    earlier: int  # earlier_org: a word opening with ل / ל
    he_short: int  # quoted_outlet: a Hebrew prefix alone (ב"הארץ") or a word quoted with gereshes
    title: int  # the title rule, for Latin words (asked of the English title phrases)
    capital: int  # capitalised and person_after_title, for a capitalised Latin word


def _tables(lang: str) -> dict[str, frozenset[str]]:
    """Per family, the words one of which a clitic reading of a word must be for the family to find
    something there: the rule's own opening test, or a wider one (any reading where the rule reads the
    first three; the plain word where the rule reads the word without its clitic)."""
    from tui.entities import orgs, places

    out = {
        "quoted_outlet": rules.OUTLET_HEADS,  # orgs.quoted_outlet: an outlet word (or a Hebrew prefix: he_short)
        "given_title_person": rules.GIVEN_TITLES,  # persons.given_title_person: the word itself
        "org_from_head": orgs._ORG_GATES.get(lang) or orgs._org_gate(lang),
        "title": frozenset(rules.triggers().get(lang, {})),  # doc._trigger_phrases: a reading opens a title
    }
    if lang in orgs._NAME_HEADS:
        out["named_after_head"] = orgs._NAME_HEADS[lang] | orgs._QUOTED_NAME_TITLES.get(lang, frozenset())
    if lang in ("ar", "he"):
        out["name_after_description"] = orgs._DESCRIBED_HEADS
    if lang == "ar":
        out["place_list"] = rules.PLURAL_PLACE_HEADS_AR
        out["loc_from_head"] = places._LOC_GATE_AR
    elif lang == "fa":
        heads = rules.PLURAL_PLACE_HEADS_FA  # places.place_list: شهرستان, and شهرستان‌های / مرزها in one word
        out["place_list"] = heads | {w + places._HAY for w in heads} | {w + places._HA for w in heads}
        out["loc_from_head"] = rules.LOC_FULL_HEADS_FA | rules.LOC_NAME_HEADS_FA | places._ROUTE_FIRST_FA
    elif lang == "he":
        out["loc_from_head"] = places._LOC_GATE_HE | {places._LINE_HE}  # (הקו האדום: places._transit_line_he)
    if lang != "en":
        given = rules.GIVEN.get(lang, frozenset())  # doc._given: a given name, or و + one (و + a name of two
        out["person_from_given_name"] = given | {"و" + g for g in given if len(g) < 2}  # letters or more: a reading)
    return out


# Every family with a gate here: in a language where it has no word list and no test, it finds nothing
# (its rule starts by testing the language).
_GATED = frozenset({"gazetteer", "title", "initial_surname", "earlier_org", "person_after_title", "capitalised",
                    "said_person", "place_list", "quoted_outlet", "person_from_given_name", "given_title_person",
                    "org_from_head", "named_after_head", "name_after_description", "loc_from_head"})


@cache
def _spec(names: tuple[str, ...], lang: str) -> _Spec:
    bits = {name: 1 << n for n, name in enumerate(names)}
    tables = _tables(lang)
    if lang == "en":
        del tables["title"]  # (English titles are asked of the case-folded text: _compute)
    readings: dict[str, int] = {}
    for name, words in tables.items():
        bit = bits.get(name, 0)
        for word in words:
            readings[word] = readings.get(word, 0) | bit
    always = sum(bit for name, bit in bits.items() if name not in _GATED)  # no gate: tried everywhere
    if lang != "en":
        always |= bits.get("person_after_title", 0)  # (asked of every word while a title is open)
    always |= bits.get("said_person", 0)  # (its gate is the token's place: token_masks)
    return _Spec(readings, always, bits.get("initial_surname", 0), bits.get("earlier_org", 0),
                 bits.get("quoted_outlet", 0), bits.get("title", 0),
                 bits.get("capitalised", 0) | bits.get("person_after_title", 0))


def word_mask(names: tuple[str, ...], lang: str, text: str, norm: str) -> int:
    """Bit n set: the family ``names[n]`` may find a mention at a token of this word, the gazetteer
    aside (its answer depends on the engine's tables: :func:`token_masks` asks them). Kept per word."""
    memo = _WORDS.get(names)
    if memo is None:
        memo = _WORDS[names] = {}
    mask = memo.get((lang, text))
    if mask is None:
        if len(memo) >= _WORDS_MAX:
            memo.clear()
        mask = memo[lang, text] = _compute(_spec(names, lang), lang, text, norm)
    return mask


def _compute(spec: _Spec, lang: str, text: str, norm: str) -> int:
    mask, readings = spec.always, spec.readings
    for _, stem in clitic_candidates(norm):
        mask |= readings.get(stem, 0)
    if lang == "en":
        if _trigger_phrases(lang, text.casefold()):
            mask |= spec.title
        if text[:1].isupper() and text not in rules.STOP_EN:
            mask |= spec.capital  # latin.capitalised
        return mask
    if len(text) <= 2:
        mask |= spec.initial  # persons.initial_surname: an initial, or ו + one
    if norm[:1] in "لל":
        mask |= spec.earlier  # orgs._earlier_org: ل/ל + a body named before (Arabic and Hebrew only)
    if lang == "he" and (len(norm) <= 2 or _HE_GERESH_QUOTED.match(text)) or (lang == "ar" and norm == "ل"):
        mask |= spec.he_short  # orgs.quoted_outlet: ב"הארץ", אמרה ל׳הארץ׳، قال لـ«النهار»
    return mask


def said_gate(doc: _Doc) -> list[bool]:
    """Per token: whether :func:`persons.said_person` may find a person there: a verb of saying right
    before it (with no punctuation between) or, outside Arabic, one ahead in its sentence."""
    from tui.entities.persons import say_ahead, says

    said, ahead, broken = says(doc), say_ahead(doc), doc._broken
    return [lang in rules.SAY and ((i > 0 and not broken[i] and said[i - 1]) or (lang != "ar" and ahead[i]))
            for i, lang in enumerate(doc.tlang)]


def token_masks(doc: _Doc, names: tuple[str, ...]) -> tuple[list[int], int]:
    """Per token, the families of ``names`` (bit n: ``names[n]``) that may find a mention there; and the
    mask of the families that may while no title is open (the others need one)."""
    gaz, text_lang = doc.gaz, doc.lang
    table = 1 << names.index("gazetteer") if "gazetteer" in names else 0
    said = 1 << names.index("said_person") if "said_person" in names else 0
    per_word = []  # (each distinct word of the text once: doc.words)
    for tok, lang in zip(doc.words, doc.wlang):
        mask = word_mask(names, lang, tok.text, tok.norm)
        if table and gaz.word_aliases(lang, text_lang, tok.norm):
            mask |= table
        per_word.append(mask)
    out = [per_word[w] for w in doc.wid]
    if said:
        out = [m if ok else m & ~said for m, ok in zip(out, said_gate(doc))]
    idle = ~sum(1 << n for n, name in enumerate(names) if name in PENDING)
    return out, idle
