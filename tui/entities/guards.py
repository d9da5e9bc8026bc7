"""Precision guards that need no table of names: a frequent word is not a name alone.

Why: rules that find people by context (a title, a verb of saying, a given
name) take the name-like words that follow, and news puts everyday words right
there: "المهاجم وسام الدريدي التسجيل" (the scoring), "הבמאית נועה קדרון זכה"
(won), "تحلیلگر بازار سرمایه، ..." (the capital market). The frequency lists
in ``data/lexicon/common_words.tsv`` (the most frequent words of each
language, less every listed given name and surname) tell those words apart:
a person found by a rule loses a frequent word at either end (keeping two
words), and a candidate made only of frequent words is dropped.
"""

from __future__ import annotations

from tui.entities import lexicon, rules
from tui.entities.doc import _Doc, _Hit, is_nisba, name_like, trigger_match

# A surname can be an everyday word (عودة return, العلماء the scholars), so only the most frequent
# words are cut from the end of a name; a whole candidate of frequent words is dropped.
TOP_END = 3000
_FREQUENT_GIVEN = lexicon.keys("frequent_given") | lexicon.keys("surname_words") | lexicon.keys("frequent_surnames", "fa")
_GIVEN_SECOND_AR = lexicon.keys("given_second", "ar")  # نصر الدين بوشلاغم: a compound given name
_PARTICLES_AR = lexicon.keys("name_particles", "ar")  # لوكاس فيريرا دا سيلفا


def _common(doc: _Doc, k: int, top: int = 0) -> bool:
    """Token k is an everyday word of its language (among the ``top`` most frequent) and no known name
    (past the last token: no word, so not an everyday one)."""
    if k >= len(doc.toks):
        return False
    lang, n = doc.tlang[k], doc.toks[k].norm
    if lang not in ("ar", "fa", "he") or n in rules.GIVEN.get(lang, ()) or n in rules.CONNECTORS \
            or n in _FREQUENT_GIVEN:
        return False
    if is_nisba(doc, k):
        return False
    return n in lexicon.common_words(lang, top) and n not in lexicon.surnames(lang)


def _joined(doc: _Doc, k: int) -> bool:
    """Token k continues the word before it (کاظمی‌نژاد, רבינוביץ-לוי): never cut there."""
    return k > 0 and doc.gaps[k] in ("\u200c", "-", "\u05be")


def trim_common(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """Rule-found people (no table id) lose frequent words at their ends; all-frequent ones go."""
    out = []
    for h in hits:
        if h.type != "PER" or h.entity_id or h.src is not None:
            out.append(h)
            continue
        i, j = h.i, h.j
        # ساخته حمید صدری, مهاجم جوان ...: a frequent word before a given name is not part of it
        if j - i >= 3 and _common(doc, i) and doc.toks[i + 1].norm in rules.GIVEN.get(doc.tlang[i + 1], ()) \
                and not _joined(doc, i + 1):
            i += 1
        # رئيس بلدية حلبا عبد الحميد الحسن، المدير العام للسياحة في ظفار خالد ...: the title's place, then the name
        if doc.tlang[i] == "ar" and j - i >= 2 and i > 0 and _place_word_before(doc, i) \
                and doc.toks[i].norm not in rules.GIVEN["ar"] and _starts_name(doc, i + 1):
            i += 1
            while j < len(doc.toks) and j - i < 4 and not doc.broken(j) and not _common(doc, j, TOP_END) \
                    and (doc.toks[j].norm in rules.CONNECTORS or name_like(doc, j, first=False)):
                j += 1  # the name the title's place held back: خالد بن عبدالله الغساني
            while j - i > 1 and doc.toks[j - 1].norm in rules.CONNECTORS:
                j -= 1
        # נועה קדרון זכה, وسام الدريدي التسجيل: a very frequent last word after two name words
        # (Arabic only after an ال- surname: عمر سلطان العلماء keeps its last word)
        if j - i >= 3 and _common(doc, j - 1, TOP_END) and not _joined(doc, j - 1) \
                and doc.toks[j - 2].norm not in rules.CONNECTORS and len(doc.toks[j - 2].text) > 1 \
                and (doc.tlang[j - 1] != "ar" or doc.toks[j - 2].norm.startswith("ال")):
            # (حمید ر. قربانی: after a middle initial the last word is the surname, frequent or not)
            j -= 1
        # يوسف الشناوي النتيجة، عمرو الجزار استياءه: after a given name and an ال-surname, a third word is
        # part of the name only if it is another name (a listed name or a rare ال-word)
        if j - i == 3 and doc.tlang[j - 1] == "ar" and _given_at(doc, i) and _al_word(doc, i + 1) \
                and doc.toks[i + 1].norm not in _GIVEN_SECOND_AR and not _joined(doc, j - 1) and _not_third_name_ar(doc, j - 1):
            j -= 1
        # هيروكي ناكامورا القادم، أسامة قيرود الدرع: after a bare surname of no frequency list (a foreign or rare name,
        # which takes no ال), an everyday ال-word is the next phrase (ميشال طوق الحاج, عمرو فتح الباب keep it)
        if j - i >= 3 and doc.tlang[j - 1] == "ar" and not _joined(doc, j - 1) and _al_word(doc, j - 1) \
                and not _al_word(doc, j - 2) and _common(doc, j - 1) and not _given_at(doc, j - 2) \
                and len(doc.toks[j - 2].norm) >= 3 and doc.toks[j - 2].norm not in lexicon.common_words("ar") \
                and not any(doc.toks[k].norm in rules.CONNECTORS or doc.toks[k].norm in _GIVEN_SECOND_AR for k in range(i, j)):
            j -= 1
        # عمر دمنهوري بسهولة، أديبايو لتعزيز: ب/ل + an everyday word after a name is the next phrase
        if j - i >= 2 and doc.tlang[j - 1] == "ar" and not _joined(doc, j - 1) and _clitic_common_ar(doc, j - 1):
            j -= 1
        # مأمون ود النور روايته: a noun with a possessive suffix ends no name
        if j - i >= 3 and doc.tlang[j - 1] == "ar" and not _joined(doc, j - 1) and _suffixed_common_ar(doc, j - 1) \
                and doc.toks[j - 2].norm not in _PARTICLES_AR:  # (بيتر فان هوله: the surname after a particle)
            j -= 1
        # جبران پیدا نکرد: the word before a Persian light verb is the verb's noun, not a surname
        if doc.tlang[j - 1] == "fa" and j < len(doc.toks) and not doc.broken(j) \
                and doc.toks[j].norm in rules.LIGHT_VERBS_FA and not _joined(doc, j - 1):
            j -= 1
            if j - i < 2:
                continue
        if all(_common(doc, k, TOP_END) for k in range(i, j)) and not any(_joined(doc, k) for k in range(i + 1, j)):
            continue  # بازار سرمایه، إثر تقرير، שירותי בריאות: no name at all
        if j - i >= 2 and _common(doc, i, TOP_END) and doc.toks[i].norm not in rules.GIVEN_TITLES \
                and all(_common(doc, k) for k in range(i + 1, j)) \
                and not any(_joined(doc, k) or (doc.tlang[k] == "ar" and _al_word(doc, k)) for k in range(i + 1, j)):
            continue  # افزایش موارد ابتلا، شعبه سوم: a very frequent word, then only everyday words (not سيف البدر)
        if j - i == 1 and doc.tlang[i] == "he" and _common(doc, i) and doc.toks[i].norm not in lexicon.surnames("he"):
            continue  # חוקרת יערות: one everyday word after a title is her field, not her name
        if _homograph_with_word(doc, i, j):
            continue  # کاروان کشتی: a given name that is also a word, before an everyday word, and no title
        if (i, j) != (h.i, h.j):
            if i != h.i:
                h.start = doc.toks[i].start
            h.end = doc.toks[j - 1].end
            h.i, h.j = i, j
        out.append(h)
    return out


_PLACE_LEAD_AR = lexicon.keys("place_lead")


def _place_word_before(doc: _Doc, i: int) -> bool:
    """The word before i introduces a place (في، بلدية، ولاية، محافظة ...)."""
    from tui.text.normalize import clitic_candidates

    prev = doc.toks[i - 1].norm
    return prev in _PLACE_LEAD_AR or any(s in rules.LOC_NAME_HEADS_AR for _, s in clitic_candidates(prev)[:3])


def _starts_name(doc: _Doc, k: int) -> bool:
    """Token k opens a person's name: a listed given name or عبد/أبو + a word."""
    n = doc.toks[k].norm
    return n in rules.GIVEN["ar"] or (n in rules.CONNECTORS and k + 1 < len(doc.toks) and not doc.broken(k + 1))


def _given_at(doc: _Doc, k: int) -> bool:
    return doc.toks[k].norm in rules.GIVEN.get(doc.tlang[k], ())


def _al_word(doc: _Doc, k: int) -> bool:
    from tui.entities.doc import plain

    return plain(doc.toks[k].text).startswith("ال")


def _not_third_name_ar(doc: _Doc, k: int) -> bool:
    """Token k, after "given ال-surname", is no name: a frequent ال-word, or a bare word that is neither a
    listed name nor a name connector."""
    n = doc.toks[k].norm
    if n in rules.GIVEN["ar"] or n in rules.CONNECTORS or n in _FREQUENT_GIVEN or n in lexicon.surnames("ar") \
            or is_nisba(doc, k):
        return False
    if _al_word(doc, k):
        return n in lexicon.common_words("ar")
    return True


_PRONOUN_SUFFIXES_AR = ("هما", "هم", "ها", "ه", "كم")


def _suffixed_common_ar(doc: _Doc, k: int) -> bool:
    """روايته، استياءه، مكتبها: an everyday noun with a possessive pronoun; no name carries one."""
    n = doc.toks[k].norm
    if n in rules.GIVEN["ar"] or n in lexicon.surnames("ar") or n in rules.CONNECTORS or n in _FREQUENT_GIVEN \
            or n in _GIVEN_SECOND_AR:
        return False  # (الله: عبد الله)
    if doc.toks[k - 1].norm in rules.CONNECTORS or not doc.toks[k].text.endswith(("ه", "هما", "هم", "ها", "كم")):
        return False  # عبد الله، أبو ركبة: after a connector, a name; a written ة is no pronoun
    common = lexicon.common_words("ar")
    for suffix in _PRONOUN_SUFFIXES_AR:
        stem = n[: -len(suffix)]
        if n.endswith(suffix) and len(stem) >= 3 and (
                stem in common or (stem.endswith("ت") and stem[:-1] + "ه" in common) or stem + "ه" in common):
            return True
    return False


def _clitic_common_ar(doc: _Doc, k: int) -> bool:
    """بسهولة، لتعزيز، بمصادرة: ب or ل on an everyday word (an adverb, a verbal noun), no listed name."""
    t = doc.toks[k]
    n = t.norm
    if n[:1] not in ("ب", "ل") or len(n) < 6 or n in rules.GIVEN["ar"] or n in lexicon.surnames("ar") or n in _FREQUENT_GIVEN:
        return False
    stem = n[1:]
    return stem in lexicon.common_words("ar") and stem not in rules.GIVEN["ar"] and stem not in lexicon.surnames("ar")


def _homograph_with_word(doc: _Doc, i: int, j: int) -> bool:
    """Tokens i..j are a given name that is also an everyday word (data/lexicon/homographs.tsv, needs_surname)
    and everyday words, with no title before them: no person."""
    lang = doc.tlang[i]
    if lang not in ("ar", "fa", "he") or doc.toks[i].norm not in lexicon.homographs("needs_surname", lang):
        return False
    if any(trigger_match(doc, k) >= i for k in range(max(0, i - 6), i)):
        return False  # المدرب عادل ...: a title makes it the name
    return _common_or_clitic(doc, i + 1, TOP_END) and all(
        _common_or_clitic(doc, k) and doc.toks[k].norm not in lexicon.surnames(lang) for k in range(i + 1, j))


def _common_or_clitic(doc: _Doc, k: int, top: int = 0) -> bool:
    """Token k is an everyday word, or one behind a clitic (لنقل = ل + نقل)."""
    if k >= len(doc.toks):
        return False
    if _common(doc, k, top):
        return True
    from tui.text.normalize import clitic_candidates

    lang = doc.tlang[k]
    return lang in ("ar", "fa", "he") and any(
        p and s in lexicon.common_words(lang, top) for p, s in clitic_candidates(doc.toks[k].norm)[:3])
