"""Organisation rules: a head noun and its modifiers (وزارة الصحة، משרד הבריאות،
وزارت بهداشت), construct chains, quoted names after an outlet or company
word, Hebrew acronyms, a repeat of an organisation named earlier, and
Persian provincial offices.

Each rule returns an ``ORG`` hit or None; :mod:`tui.entities.engine`
decides when each is tried.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.entities import lexicon, rules
from tui.entities.doc import (
    _AR_TIME,
    _BACK_REF_AR,
    _QUOTES,
    _al,
    _bare_noun,
    _Doc,
    _given,
    _he_det,
    _he_future,
    _he_past_verb,
    _he_verb,
    _Hit,
    _name_ends,
    _org_word_ar,
    _participle,
    _sentence_final,
    _verbal_fa,
    alpha,
    cut_at_verb,
    gazetteer_match,
    glued_present_fa,
    is_country,
    is_nisba,
    name_like,
    plain,
    rewrite_pairs,
    stem_in,
    trigger_match,
)
from tui.entities.gazetteer import gap_key
from tui.entities.latin import byline_outlet_end, latin_name, product_before
from tui.entities.places import _he_clitic_word, _he_everyday, _named_after_titled_ar, _nationality_ar, district_place
from tui.text.normalize import clitic_candidates, normalise


def _earlier_org(doc: _Doc, i: int, hits: list[_Hit]) -> _Hit | None:
    """لتوتال إنرجيز after شركة "توتال إنرجيز": a ل/ב/ל-prefixed repeat of an organisation named earlier."""
    toks = doc.toks
    if doc.tlang[i] not in ("ar", "he") or toks[i].norm[:1] not in "لל":
        return None
    stem = toks[i].norm[1:]
    for h in hits:
        if h.type != "ORG" or toks[h.i].norm != stem and not (h.start > toks[h.i].start and
                                                              normalise(doc.text[h.start:toks[h.i].end]) == stem):
            continue
        n = h.j - h.i
        if i + n <= len(toks) and all(toks[i + m].norm == toks[h.i + m].norm and not doc.broken(i + m)
                                      for m in range(1, n)):
            return _Hit(i, i + n, doc.start_after_clitic(i, 1), toks[i + n - 1].end, "ORG", h.entity_id)
    return None


_HE_GERESH_QUOTED = re.compile(r"^[\u05d5\u05d1\u05dc\u05de\u05d4\u05e9]{1,2}[\u05f3'\u2019\u2018]([\u05d0-\u05ea\"\u05f4]{2,})[\u05f3'\u2019\u2018]?$")
_GERESHES = ("\u05f3", "'", "\u2019", "\u2018")


@lru_cache(maxsize=1024)
def _quoting(gap: str) -> bool:
    """A quote mark of any form is in ``gap`` (asked of the gap after every token; most are one space)."""
    return any(ch in _QUOTES for ch in gap)


def quoted_outlet(doc: _Doc, i: int) -> _Hit | None:
    """موقع "أكسيوس" / وكالة «تسنيم»: quoted words after an outlet word are an ORG; אמרה ל׳הארץ׳ (one
    token, quoted with gereshes) after a word of saying or reporting too."""
    toks = doc.toks
    if doc.tlang[i] == "he" and i > 0 and (m := _HE_GERESH_QUOTED.match(toks[i].text)) \
            and (toks[i].text.endswith(_GERESHES) or (i + 1 < len(toks) and doc.gaps[i + 1].startswith(_GERESHES))
                 or (i + 1 == len(toks) and doc.text[toks[i].end:].startswith(_GERESHES))) \
            and (toks[i - 1].norm in rules.REPORT_HE or toks[i - 1].norm in rules.SAY_HE):
        return _Hit(i, i + 1, toks[i].start + m.start(1), toks[i].start + m.end(1), "ORG", "")
    if i + 1 >= len(toks) or not _quoting(doc.gaps[i + 1]):
        return None
    he_prefix = (doc.tlang[i] == "he" and len(toks[i].norm) <= 2 and i > 0
                 and doc.gaps[i + 1] in ('"', "\u05f4", "“", "”", "\u05f3", "’", "‘", "'")  # ל׳הארץ׳ too
                 and (toks[i - 1].norm in rules.REPORT_HE or toks[i - 1].norm[1:] in rules.REPORT_HE))  # כך דווח ב"הארץ"
    if not he_prefix and not any(stem in rules.OUTLET_HEADS for _, stem in clitic_candidates(toks[i].norm)) \
            and not _told_to_quoted(doc, i):
        return None
    for j in range(i + 1, min(i + 6, len(toks))):
        after = doc.text[toks[j].end:toks[j + 1].start] if j + 1 < len(toks) else doc.text[toks[j].end:]
        if any(ch in _QUOTES for ch in after[:3]):
            known = gazetteer_match(doc, i + 1)
            if known is not None and known.j == j + 1:
                return known
            return _Hit(i + 1, j + 1, toks[i + 1].start, toks[j].end, "ORG", "")
        if j > i + 1 and doc.broken(j) and gap_key(doc.gaps[j]) != "-":
            return None
    return None


_TOLD_AR = lexicon.keys("told_nouns", "ar")


def _told_to_quoted(doc: _Doc, i: int) -> bool:
    """وقال طرابلسي لـ«النهار» إن، في تصريح لـ"وات": ل alone before a quoted name, after a verb of saying or a
    word for a statement (or before إن / a colon): said to an outlet."""
    toks = doc.toks
    if doc.tlang[i] != "ar" or plain(toks[i].text).rstrip("ـ") != "ل" or i == 0:
        return False
    return any(rules.SAY_AR & {n, n[1:]} or n in _TOLD_AR or n[1:] in _TOLD_AR
               for k in range(max(0, i - 3), i) for n in (toks[k].norm,))


def _org_chain(doc: _Doc, j: int, i: int, lang: str) -> int:
    """Extend an organisation name over modifiers: ال-adjectives, و+ال coordination,
    ل-phrases (للانتخابات، لكرة القدم، لمساعدة العراق); Hebrew ה-adjectives and ל-phrases."""
    toks = doc.toks
    while j < len(toks) and j - i <= 6 and not doc.broken(j):
        n, raw = toks[j].norm, plain(toks[j].text)
        if lang == "ar":
            if j > i + 1 and n == _MIN_AR and j + 2 < len(toks) and toks[j + 1].norm == _AJL_AR \
                    and not doc.broken(j + 1) and not doc.broken(j + 2) and _al(doc, j - 1) \
                    and (_al(doc, j + 2) or (j + 3 < len(toks) and not doc.broken(j + 3) and _al(doc, j + 3))):
                j += 3 if _al(doc, j + 2) else 4  # الحركة الإيزيدية من أجل الإصلاح، الجمعية اللبنانية من أجل ديمقراطية الانتخابات
                continue
            if j > i + 1 and is_nisba(doc, j - 1) and not raw.startswith("ل") and not (
                    j == i + 2 and _al(doc, j) and n.endswith(("ي", "يه"))
                    and any(s in _PARTY_HEADS for _, s in clitic_candidates(toks[i].norm)[:3])) \
                    and not _nisba_goes_on(doc, j):
                break  # a nationality ends the name: الحزب الديمقراطي الكردستاني | النتائج (not حزب المصري الديمقراطي)
            prev = toks[j - 1].norm
            if j > i + 1 and _al(doc, j) and _al(doc, j - 1) and not raw.startswith("لل") and n not in _AFTER_PLACE_ADJ_AR \
                    and n not in rules.ORG_MODIFIERS_AR and (
                    (prev.endswith("ي") and not n.endswith(("ي", "ى", "ا")))
                    or (prev.endswith("يه") and not n.endswith(("يه", "ه", "ا", "ى"))
                        and not _masculine_adj_ar(doc, i, j))):
                break  # an adjective, then a new noun: البنك المركزي | الفائدة
            if j == i + 1 and _al(doc, i) and toks[i].norm.endswith("ه") and _al(doc, j) \
                    and not n.endswith(("ه", "ا", "ى")) and not raw.startswith("لل"):
                break  # a feminine head takes a feminine adjective: الهيئة | النتائج
            if raw.startswith("لل") and "ال" + n[2:] in _PERIOD_NOUNS_AR:
                break  # الرابطة المحترفة الأولى | للموسم الثاني، جامعة البلمند | للمرة الأولى: a time, not the name
            if n in _TIER_ORDINALS_AR and j - 1 > i and _al(doc, j - 1) and toks[j - 1].norm.endswith(("ي", "ه")):
                j += 1  # الرابطة المحترفة الأولى، القناة الوطنية الأولى: a division's or channel's number
                continue
            if (n in _ORDINALS_AR and _al(doc, j - 1)) or (n in _YEAR_WORDS_AR and j + 1 < len(toks) and toks[j + 1].norm in _AR_TIME):
                break  # مجلس النواب | العشرين، مجلس الأمة | العام الماضي
            if j > i + 1 and plain(toks[j - 1].text).startswith("لل") and _al(doc, j) \
                    and not n.endswith(("ي", "يه", "ه")):
                break  # الاتحاد العام التونسي للشغل | الأحكام (not للأمم المتحدة)
            if j > i + 1 and plain(toks[j - 1].text).startswith("وال") and _al(doc, j) \
                    and not raw.startswith(("لل", "وال")) and not n.endswith(("ي", "يه")) and not is_nisba(doc, j):
                break  # وزارة البيئة والمياه والزراعة | الاستفادة: a list of and-nouns ends at a bare ال-noun
            if j > i + 1 and j + 1 < len(toks) and not doc.broken(j + 1) and n == normalise("على") and _al(doc, j + 1) \
                    and any(s in _ALA_MASDARS_AR for _, s in clitic_candidates(toks[j - 1].norm)[:3]):
                j += 2  # الهيئة العامة للرقابة على الصادرات والواردات: a verbal noun and its object
                continue
            if j > i + 1 and plain(toks[j - 1].text).startswith(("ال", "وال")) and _new_phrase_ar(doc, j):
                break  # التزمت جمعية المصارف | الصمت، نقلت قناة الكأس | المباريات: the verb's object, not an adjective
            if _org_word_ar(doc, j):
                j += 1
            elif raw.startswith("وال") and _second_body_ar(doc, j):
                break  # وزارة الحج والعمرة | والهلال الأحمر: a second body, not part of the first name
            elif raw.startswith("وال") and j + 1 > i + 1 and (n[1:] not in rules.STOP_AR or n[1:] in rules.PORTFOLIO) \
                    and (not trigger_match(doc, j) or _noun_not_title_ar(doc, i, j)):
                j += 1  # (وزارة الأوقاف والشؤون الإسلامية؛ هيئة البحرين للسياحة والمعارض: a noun, not المعارض the man)
            elif j > i + 1 and raw.startswith("و") and not raw.startswith("وال") and _coordinated_masdar_ar(doc, j):
                j += 2  # هيئة النزاهة ومكافحة الفساد: "and the fight against corruption", one name
            elif raw.startswith("ل") and not raw.startswith("لل") and len(n) >= 4 and j + 1 < len(toks) \
                    and not doc.broken(j + 1) and n[1:] not in rules.STOP_AR and not _purpose_ar(doc, i, j) and (
                        _al(doc, j + 1) or gazetteer_match(doc, j + 1, "LOC ORG") is not None or _construct_ar(doc, j + 1)):
                j += 1
                hit = gazetteer_match(doc, j, "LOC ORG")
                if hit is not None:
                    j = hit.j
                elif not _al(doc, j) and (end := _construct_ar(doc, j)):
                    j = end + 1  # اللجنة العليا لانتخابات مجلس الشعب
            else:
                break
        elif lang == "he":
            if j > i + 1 and (g := gazetteer_match(doc, j, "ORG")) is not None and g.j > j + 1:
                break  # קבוצת הכדורסל | הפועל חולון: a known body's name starts here
            if _he_det(doc, j) and not trigger_match(doc, j) and not _he_verb(doc, j) and not (
                    n.startswith("וה") and n[1:] in (rules.ORG_AL_HEADS_HE | rules.ORG_HEADS_HE)):
                j += 1
            elif j > i + 1 and toks[j - 1].norm.startswith("ל") and _he_adjective_after(doc, j):
                j += 1  # בית המשפט לעניינים מנהליים: the ל-noun's adjective
            elif j > i + 1 and toks[j - 1].norm.startswith("ל") and n.startswith("ב") and len(n) >= 5 \
                    and n[1:] in lexicon.common_words("he") and gazetteer_match(doc, j) is None \
                    and (j + 1 >= len(toks) or doc.broken(j + 1)):
                j += 1  # הרשות הלאומית לבטיחות בדרכים (הרלב"ד)
            elif _he_infinitive(doc, j):
                break  # משרד החקלאות | להגביל את: a verb's infinitive, not a ל-phrase of the name
            elif j > i + 1 and n.startswith("ול") and len(n) >= 5 and n[1:] not in rules.STOP_HE \
                    and any(toks[k].norm.startswith("ל") for k in range(i + 1, j)) \
                    and not (n[1:] in _INFINITIVES_HE or (len(n) == 7 and n[2] == "ה" and n[5] == "י")):
                j += 1  # הרשות להגנת הצרכן ולסחר הוגן، האקדמיה למוזיקה ולמחול: a second ל-noun of the same phrase
            elif n.startswith("ל") and len(n) >= 4 and n not in rules.STOP_HE and not trigger_match(doc, j) \
                    and j + 1 < len(toks) and not doc.broken(j + 1) and toks[j + 1].norm[:1] == "ו" \
                    and not _he_det(doc, j + 1) and (end := _he_l_phrase(doc, j)) > j + 1:
                j = end  # המרכז לזיכרון ומחלות מוח، הקרן החדשה לקולנוע וטלוויזיה: a ל-noun and its and-list
            elif j > i + 1 and any(toks[k].norm[:1] == "ל" or toks[k].norm[:2] == "ול" for k in range(i + 1, j)) \
                    and (g := gazetteer_match(doc, j, "LOC")) is not None and g.start == toks[j].start \
                    and not is_country(g.entity_id):
                j = g.j  # הוועדה המקומית לתכנון ובנייה חיפה: a town's planning committee, the town in its name
                break
            elif n.startswith("ל") and len(n) >= 4 and n not in rules.STOP_HE and not trigger_match(doc, j) and (
                    len(n) >= 7 or j + 1 >= len(toks) or doc.broken(j + 1) or _he_det(doc, j + 1) or _he_at_place(doc, j + 1)):
                j += 1  # לסטטיסטיקה, לאיכות השלטון; not an infinitive (לעכב את); בית הדין האזורי לעבודה | בחיפה
            elif n.startswith("ל") and len(n) >= 4 and n not in rules.STOP_HE and (end := _he_l_phrase(doc, j)):
                j = end  # המרכז לחקר מדיניות ואסטרטגיה ימית
            else:
                break
        else:
            break
    return j


_MIN_AR = normalise("من")
_AJL_AR = normalise("أجل")
_CENTRE = lexicon.keys("centre")
_YEAR_WORDS_AR = lexicon.keys("year_words", "ar")


_FACTION_HE = lexicon.keys("faction", "he")


_SUBUNITS_HE = lexicon.keys("subunits", "he")


_AFTER_PLACE_ADJ_AR = lexicon.keys("after_place_adj", "ar")


_DESCRIPTORS_FA = lexicon.keys("descriptors", "fa")


_ORDINALS_AR = lexicon.keys("ordinals", "ar")
_TIER_ORDINALS_AR = lexicon.keys("tier_ordinals", "ar")
_PERIOD_NOUNS_AR = lexicon.keys("period_nouns", "ar")


_PARTY_HEADS = lexicon.keys("party_heads")


_ADJECTIVES_AR = lexicon.keys("adjectives", "ar")
_COMPANY_HEADS_AR = lexicon.keys("company_heads", "ar")
_SECTOR_WORDS_AR = lexicon.keys("sector_words", "ar")
_ALA_MASDARS_AR = lexicon.keys("ala_masdars", "ar")
_DIRECTIONS_AR = lexicon.keys("place_directions", "ar")
_NOT_PLACE_ADJ_AR = lexicon.keys("not_place_adjectives", "ar")


def _masculine_adj_ar(doc: _Doc, i: int, j: int) -> bool:
    """Token j, an ال-adjective in ي after a feminine ال-noun in ية, describes the masculine head i, and the
    name ends with it (بنك التنمية العماني، ديوان الرقابة المالية الاتحادي): no new noun."""
    head = plain(doc.toks[i].text)
    return doc.toks[j].norm.endswith("ي") and not head.endswith(("ة", "ه")) and not head.startswith(("ال", "وال")) \
        and (j + 1 >= len(doc.toks) or doc.broken(j + 1) or not _al(doc, j + 1))


def _new_phrase_ar(doc: _Doc, j: int) -> bool:
    """Token j, an ال-word after a body's ال-noun, opens a new phrase (the object of the sentence's verb:
    التزمت جمعية المصارف الصمت، ونقلت قناة الكأس المباريات): a frequent noun that no adjective's shape
    (a nisba, ة/ى/اء, أفعل, فعيل, فاعل, a participle) or table (``adjectives``: العام، العليا، العرب) makes
    describe the name, and no table name or listed name."""
    t = doc.toks[j]
    n, raw = t.norm, plain(t.text)
    if not raw.startswith("ال") or n not in lexicon.common_words("ar") or n in _ADJECTIVES_AR or n in _ORDINALS_AR \
            or is_nisba(doc, j) or n in rules.GIVEN["ar"] or n in lexicon.surnames("ar") or gazetteer_match(doc, j) is not None:
        return False
    if raw.endswith(("ي", "ية", "يه", "ة", "ى", "اء", "يين", "يون", "يا")) or n.endswith(("ي", "يه", "ه", "ى", "اء")):
        return False
    stem = n[2:]
    if len(stem) == 4 and (stem[0] == "ا" or stem[1] == "ا" or stem[2] == "ي"):
        return False  # الأحمر، العاجل، السريع: أفعل، فاعل، فعيل
    return not (stem[:1] == "م" and len(stem) >= 4 and not n.endswith(("ات", "ين")))  # المتصدر، المقبل: a participle


def _purpose_ar(doc: _Doc, i: int, j: int) -> bool:
    """Token j, ل + a verbal noun (لتعقيم، لإصدار، لاستقبال) after a body named by a bare head and its ال-noun
    (وزارة الداخلية، وزارة الصناعة والتجارة), says what the body does next, not its name: وزارة الداخلية |
    لتعقيم الكلاب. A determined head and its adjectives name a body by its ل-phrase (الاتحاد الدولي لكرة القدم،
    الشركة الموريتانية لتسويق الأسماك), and so does a company (شركة النعيم لتداول الأوراق المالية)."""
    toks = doc.toks
    stem = plain(toks[j].text)[1:]
    if len(stem) >= 5 and stem[:1] in ("ت", "إ", "ا") and any(plain(toks[k].text).startswith("ل") for k in range(i + 1, j)):
        return True  # الشركة العامة لموانئ العراق | لنقل الحاويات: a second ل-phrase with a verbal noun, what the body does
    if len(stem) >= 5 and stem.startswith(("إ", "است")) and j > i + 1 and plain(toks[j - 1].text).startswith("ال") \
            and gazetteer_match(doc, j - 1, "LOC") is not None and not is_nisba(doc, j - 1):
        return True  # أمانة محافظة الطائف | لاستقبال الزوار (not منتخب الإمارات لأصحاب الهمم)
    head = plain(toks[i].text)
    if head.startswith(("ال", "وال", "لل", "بال")) or any(s in _COMPANY_HEADS_AR for _, s in clitic_candidates(toks[i].norm)[:3]):
        return False
    prev = plain(toks[j - 1].text)
    if not prev.startswith(("ال", "وال")) or is_nisba(doc, j - 1) or gazetteer_match(doc, j - 1, "LOC PER") is not None:
        return False  # منتخب الإمارات لأصحاب الهمم: a place before the ل-phrase
    return (len(stem) >= 5 and stem[:1] in ("ت", "إ", "ا")) or toks[j].norm[1:] in _SECTOR_WORDS_AR
    # (وكيل وزارة الصحة العامة والسكان | لقطاع الرعاية الصحية: the deputy's sector)


def _he_at_place(doc: _Doc, k: int) -> bool:
    """Token k is ב + a table place (בחיפה، בתל אביב): where the body sits, after its name."""
    if k >= len(doc.toks) or doc.broken(k) or doc.toks[k].norm[:1] != "ב":
        return False
    place = gazetteer_match(doc, k, "LOC")
    return place is not None and place.start > doc.toks[k].start


def _he_l_phrase(doc: _Doc, j: int) -> int:
    """לחקר מדיניות ואסטרטגיה ימית: a ל-noun and the bare nouns it governs, to the end of the phrase (0 if not)."""
    toks = doc.toks
    k = j + 1
    while k < len(toks) and k - j <= 4 and not doc.broken(k) and doc.tlang[k] == "he":
        n = toks[k].norm
        if n in rules.STOP_HE or trigger_match(doc, k) or n.startswith("ה") or len(n) < 3 \
                or gazetteer_match(doc, k) is not None or _given(doc, k) \
                or any(s in rules.ORG_HEADS_HE for _, s in clitic_candidates(n)[1:3]):
            break
        k += 1
    if k == j + 1 or not (k >= len(toks) or doc.broken(k) or toks[k].norm in rules.STOP_HE
                          or gazetteer_match(doc, k) is not None
                          or any(s in rules.ORG_HEADS_HE for _, s in clitic_candidates(toks[k].norm)[1:3])):
        return 0
    return k


# Publishers' heads (نشر، انتشارات): read by the rules only (not org_heads, which the model also reads as a body
# noun: نشر اخبار "spreading news" is no press).
_PUBLISHER_HEADS_FA = lexicon.keys("publisher_heads", "fa")
_RARE_ORG_HEADS_FA = lexicon.keys("rare_org_heads", "fa")
_RARE_ORG_HEADS_HE = lexicon.keys("rare_org_heads", "he")
_ADJ_YEH_FA = normalise("ی")


def _rare_head_fa(doc: _Doc, j: int) -> bool:
    """Token j after an everyday body head (fa rare_org_heads) names no body: a ZWNJ piece (بیمه‌های), a word of
    the 3,000 most frequent, or an adjective of a frequent word (تکمیلی، بیکاری), unless a table names it."""
    if doc.gaps[j] == "\u200c":
        return True  # بیمه‌های: a piece of the head's own word
    if (g := gazetteer_match(doc, j)) is not None and g.i == j:
        return False  # بیمه ایران: a table name follows
    n = doc.toks[j].norm
    return n in lexicon.common_words("fa", 3000) or (n.endswith(_ADJ_YEH_FA) and n[:-1] in lexicon.common_words("fa"))


def _rare_head_he(doc: _Doc, j: int) -> bool:
    """Token j after an everyday Hebrew body head (he rare_org_heads) names no body: a ה-word, or a word of the
    3,000 most frequent (with or without a clitic), unless it opens a table place (ישיבת הר עציון)."""
    if (g := gazetteer_match(doc, j, "LOC ORG")) is not None and g.i == j and g.start == doc.toks[j].start:
        return False
    n = doc.toks[j].norm
    return _he_det(doc, j) or n in lexicon.common_words("he", 3000) or _he_everyday(doc, j) or not alpha(
        doc.toks[j].text.replace("'", "").replace('"', ""))


def _heads(lang: str) -> frozenset[str]:
    return rules.org_heads(lang) | _PUBLISHER_HEADS_FA if lang == "fa" else rules.org_heads(lang)


def _org_gate(lang: str) -> frozenset[str]:
    """Every head :func:`org_from_head` reads in a word of ``lang``: its language's heads, and the
    Arabic nisba and article heads and the Hebrew article heads it tries whatever the language."""
    return _heads(lang) | rules.ORG_NISBA_HEADS_AR | rules.ORG_AL_HEADS_AR | rules.ORG_AL_HEADS_HE


_ORG_GATES = {lang: _org_gate(lang) for lang in ("ar", "fa", "he", "en")}


def org_from_head(doc: _Doc, i: int) -> _Hit | None:
    """وزارة الصحة الفلسطينية / משרד הבריאות / وزارت بهداشت: head noun + modifiers; a Hebrew name ends before a
    word of a verb's shape (קרן העושר | שהוקמה، בני הזוג | החלו: doc.he_verb_form)."""
    hit = _org_from_head(doc, i)
    if hit is not None and doc.tlang[i] == "he":
        return cut_at_verb(doc, hit)
    return hit


def _org_from_head(doc: _Doc, i: int) -> _Hit | None:
    """وزارة الصحة الفلسطينية / משרד הבריאות / وزارت بهداشت: head noun + modifiers."""
    toks, lang = doc.toks, doc.tlang[i]
    if not stem_in(toks[i].norm, _ORG_GATES.get(lang) or _org_gate(lang)):
        return None  # no reading of the word heads a body (the tests below need one): most words, asked once
    if lang == "ar" and district_place(doc, i) is not None:
        return None  # مديرية حريب: a district, a place (the place rules take it), not a directorate
    heads = _heads(lang)
    cands = clitic_candidates(toks[i].norm)
    determined = lang == "ar" and plain(toks[i].text).startswith(("ال", "وال", "بال", "فال", "لل", "ولل", "كال"))
    he_det_head = lang == "he" and any(
        s in rules.ORG_AL_HEADS_HE and (toks[i].norm.endswith(s) or s[1:] not in heads) for _, s in cands)
    # ההתאחדות; בוועדה (the article the preposition swallowed), but בקרן פיטנגו is a construct
    plen = None if determined or he_det_head else next(
        (p for p, stem in cands if stem in heads and not stem.startswith("ال")), None)
    nisba_head = lang == "ar" and any(s in rules.ORG_NISBA_HEADS_AR for _, s in cands[:3])
    al_head = (lang == "ar" and plen is None and not nisba_head
               and any(s in rules.ORG_AL_HEADS_AR for _, s in cands[:3]))  # والبنك الإسلامي للتنمية
    he_al_head = lang == "he" and plen is None and he_det_head
    if plen is None and not (nisba_head or al_head or he_al_head):
        return None
    if al_head or he_al_head:
        plen = next(p for p, s in cands if s in (rules.ORG_AL_HEADS_AR | rules.ORG_AL_HEADS_HE))
    stems = {s for _, s in cands}
    j = i + 1
    if j >= len(toks) or doc.broken(j):
        return None
    if stems & _TITLE_BODY_HEADS and _locative_before(doc, i):
        return None  # وفي بلدية عين الحمام: "in the municipality of", a place (the place rules take it)
    if (known := gazetteer_match(doc, j)) is not None and known.type in ("ORG", "PER"):
        if known.type == "PER" and stems & (rules.ORG_PERSON_HEADS_AR | rules.ORG_PERSON_HEADS_FA):
            j = _org_chain(doc, known.j, i, lang)  # جامعة محمد بن زايد للذكاء الاصطناعي
            if lang == "fa" and j < len(toks) and not doc.broken(j) and (loc := gazetteer_match(doc, j, "LOC")) is not None:
                j = loc.j  # بیمارستان امام خمینی اهواز
            return _Hit(i, j, doc.start_after_clitic(i, plen or 0), toks[j - 1].end, "ORG", "")
        if known.type == "ORG" and lang == "fa" and known.j == i + 2 and (end := _org_chain_fa(doc, known.i)) > known.j:
            return _Hit(i, end, toks[i].start, toks[end - 1].end, "ORG", "")
        if known.type == "ORG" and not (stems & (rules.OUTLET_HEADS | rules.ORG_NAME_ONLY_AR | rules.ORG_NAME_ONLY_HE)):
            # بعثة الأمم المتحدة لمساعدة العراق (but شركة رولز رويس لصيانة المحركات, חברת שברון האמריקנית: the company)
            end = _org_chain(doc, known.j, i, lang)
            if end > known.j and (not _al(doc, known.j) or plain(toks[known.j].text).startswith("لل")):
                return _Hit(i, end, doc.start_after_clitic(i, plen or 0), toks[end - 1].end, "ORG", "")
        return None  # روزنامه نیویورک تایمز، حركة حماس: the known name itself
    if doc.tlang[j] == "en" and lang != "en" and toks[j].text[:1].isupper():  # شركة Nvidia
        return None
    if lang == "ar" and stems & rules.ORG_PERSON_HEADS_AR and (title_end := trigger_match(doc, j)) \
            and title_end < len(toks) and not doc.broken(title_end) and (named := _named_after_titled_ar(doc, title_end)):
        end = _org_chain(doc, named, i, lang)  # مستشفى الملك حمد الجامعي، مستشفى الإمام الحسين التعليمي
        return _Hit(i, end, doc.start_after_clitic(i, plen or 0), toks[end - 1].end, "ORG", "")
    if trigger_match(doc, j):
        return None
    n = toks[j].norm
    if lang == "ar" and stems & rules.HARAKA and n in rules.NOT_ORG_AFTER_HARAKA:
        return None  # حركة الشاحنات: truck traffic
    if nisba_head:
        if is_nisba(doc, j):
            j += 1
    elif lang == "ar":
        if not determined and not al_head and not stems & _COMPANY_HEADS_AR and _indefinite_description_ar(doc, j):
            return None  # لجنة فنية، منظمة أهلية، مركز للتخزين: "a committee", a description, not a body's name
        if _org_word_ar(doc, j):
            j = _org_chain(doc, j, i, lang)
        elif (hit := gazetteer_match(doc, j, "LOC")) is not None:
            if al_head and hit.start > toks[j].start and n[:1] == "ب":
                return None  # مقر النادي بالدمام: "the club, in Dammam": a noun and a place (the place rules take it)
            j = hit.j
            if j < len(toks) and not doc.broken(j) and plain(toks[j].text).startswith("ل"):
                j = _org_chain(doc, j, i, lang)  # وكالة السودان للأنباء، نادي دبي لسباقات الخيل
            elif j < len(toks) and not doc.broken(j) and (toks[j].norm in _AFTER_PLACE_ADJ_AR or _place_name_adj_ar(doc, j)):
                j += 1  # مصرف ليبيا المركزي، مركز يافا الثقافي، جامعة آخن التقنية
            elif stems & _CENTRE:
                return None  # وسط مركز بغداد: the centre of a place
        elif al_head:
            pass
        elif (end := _construct_ar(doc, j)):
            # construct chain: شبكة أطباء السودان، مؤسسة كهرباء لبنان، لجنة مراقبة وقف إطلاق النار
            hit = gazetteer_match(doc, end, "LOC")
            j = _org_chain(doc, hit.j if hit is not None else end, i, lang)
        elif stems & rules.ORG_NAME_HEADS_AR and _bare_noun(doc, j) and not plain(toks[j].text).endswith("ه") \
                and not (plain(toks[j].text).endswith("ة") and (n in lexicon.common_words("ar") or n.endswith("يه")
                                                                  or n in _GENERIC_COMPLEMENTS_AR)) \
                and (_name_ends(doc, j + 1) or _and_body_ar(doc, j + 1)):
            # (نادي كاظمة، بنك وربة: a name in ة; شركة ناشئة، جمعية تعاونية: a describing word)
            if stems & rules.ORG_NAME_ONLY_AR:  # شركة هيوماين -> هيوماين (the company's name)
                return _Hit(j, j + 1, toks[j].start, toks[j].end, "ORG", "")
            j += 1  # حزب تقدم، منظمة بدر
    elif lang == "he":
        if stems & _RARE_ORG_HEADS_HE and not (stems - _RARE_ORG_HEADS_HE) & heads and _rare_head_he(doc, j):
            return None  # ישיבת הממשלה، רשת חברתית: a meeting, a network, no body's name
        if n in _DISTRICT_WORDS_HE and j + 1 < len(toks) and not doc.broken(j + 1) and not he_al_head:
            k = j + 1
            if (known := gazetteer_match(doc, k, "LOC")) is not None and known.i == k and known.start == toks[k].start:
                k = known.j  # משטרת מחוז תל אביב
            elif alpha(toks[k].text) and toks[k].norm not in rules.STOP_HE and not _he_verb(doc, k) \
                    and not _he_phrase_word(doc, k) and not trigger_match(doc, k):
                k += 1  # משטרת מחוז חוף، משטרת מחוז הצפון: the district's one-word name
            if k > j + 1:
                return _Hit(i, k, doc.start_after_clitic(i, plen or 0), toks[k - 1].end, "ORG", "")
        if stems & _COMMITTEE_HE and not (stems - _COMMITTEE_HE) & heads and (
                toks[i].norm not in _COMMITTEE_HE or n not in _COMMITTEE_MEMBERS_HE):
            return None  # ועד היום، הוועד המקומי، ועד ההורים (a generic noun); ועד עובדי הנמל: a committee
        if n in _FAMILY_HE and j + 1 < len(toks) and not doc.broken(j + 1) and name_like(doc, j + 1, first=False) \
                and toks[j + 1].norm not in lexicon.common_words("he") and not toks[j + 1].norm.startswith("ה"):
            k = j + 2
            while k < len(toks) and doc.gaps[k] in ("-", "\u05be"):
                k += 1  # (גולדהירש־לוי)
            return _Hit(i, k, doc.start_after_clitic(i, plen or 0), toks[k - 1].end, "ORG", "")  # קרן משפחת גרינברג
        if stems & _FACTION_HE:  # סיעת רוב העיר, מסיעת חיפה ירוקה -> the faction's name, up to a person
            k = j
            while k < len(toks) and k - j < 3 and (k == j or not doc.broken(k)) and not _given(doc, k) \
                    and not rules.is_stop(toks[k].text, toks[k].norm, "he") and not _he_verb(doc, k) \
                    and not trigger_match(doc, k) and alpha(toks[k].text.replace("'", "").replace('"', "")):
                k += 1
            return _Hit(j, k, toks[j].start, toks[k - 1].end, "ORG", "") if k > j else None
        if _he_det(doc, j):
            j = _org_chain(doc, j, i, lang)
        elif (hit := gazetteer_match(doc, j, "LOC")) is not None and not he_al_head and hit.start == toks[j].start:
            if stems & _CENTRE:
                return None  # ממרכז בקעת הירדן: the middle of a place
            j = hit.j  # בנק ישראל (not הארגון בדוחה: "the organisation in Doha")
            while j < len(toks) and doc.gaps[j] in ("-", "\u05be") and alpha(toks[j].text.replace("'", "")):
                j += 1  # עיריית מודיעין־מכבים־רעות: the known town is the first piece of a joined name
            if stems & rules.ORG_NAME_ONLY_HE and hit.start == toks[hit.i].start:
                k = j
                while k < len(toks) and k - j < 2 and not doc.broken(k) and _bare_noun(doc, k) \
                        and toks[k].norm not in lexicon.common_words("he", 3000) and not _he_phrase_word(doc, k):
                    k += 1
                if k > j:
                    return _Hit(i + 1, k, toks[i + 1].start, toks[k - 1].end, "ORG", "")  # חברת נגב קריסטל: a company
                    # named by a region and a word of its own, not the region's body
        elif _he_acronym(doc, j):
            j += 1  # מועצת יש"ע
        elif not he_al_head and (stems & _CONSTRUCT_HEADS_HE or ("בית" in stems and n in _COURT_WORDS_HE)) \
                and (end := _construct_he(doc, j)):
            j = _org_chain(doc, end, i, lang)  # מועצת גדולי התורה, פורום משפחות החטופים והנעדרים
        elif not he_al_head and stems & rules.ORG_NAME_HEADS_HE and _bare_noun(doc, j) and not _he_sentence_word(doc, j):
            k = j + 1
            if k < len(toks) and not doc.broken(k) and _bare_noun(doc, k) and _name_ends(doc, k + 1) \
                    and not (toks[k].norm.endswith("ה") and k + 1 < len(toks) and toks[k + 1].norm == _ET_HE):
                k += 1  # (קרן קלור | מימנה את: a past verb before its object, not a name word)
            if _name_ends(doc, k) or (toks[k].norm.endswith("ה") and k + 1 < len(toks) and toks[k + 1].norm == _ET_HE):
                if stems & rules.ORG_NAME_ONLY_HE:  # חברת אלביט מערכות -> אלביט מערכות
                    return _Hit(i + 1, k, toks[i + 1].start, toks[k - 1].end, "ORG", "")
                j = k
        elif he_al_head:
            j = _org_chain(doc, j, i, lang)
        if lang == "he" and j > i + 1 and _he_det(doc, j - 1) and j < len(toks) and not doc.broken(j):
            if (known := gazetteer_match(doc, j, "ORG")) is not None:  # בית החולים סורוקה: the known hospital
                return _Hit(i, known.j, doc.start_after_clitic(i, plen or 0), toks[known.j - 1].end, "ORG", known.entity_id)
            k = j
            while k < len(toks) and k - j < 2 and (k == j or not doc.broken(k)) and not _he_phrase_word(doc, k) \
                    and not _he_plural_participle(doc, k) and not _he_sentence_word(doc, k) and (
                    (_bare_noun(doc, k) and name_like(doc, k, first=(k == j))
                     and not (len(toks[k].norm) == 4 and toks[k].norm.endswith("ו"))) or _he_acronym(doc, k)
                    or (k == j and (g := gazetteer_match(doc, k, "PER LOC")) is not None and g.j == k + 1
                        and g.start == toks[k].start)):
                k += 1
            if k > j and (k >= len(toks) or doc.broken(k) or gazetteer_match(doc, k, "LOC PER") is not None
                          or _given(doc, k) or rules.is_stop(toks[k].text, toks[k].norm, "he")):
                j = k  # המועצה האזורית נווה מדבר, בית החולים רמב"ם בחיפה
    elif lang == "fa":
        if i > 0 and not doc.broken(i) and toks[i - 1].norm in _DEMONSTRATIVES_FA:
            return None  # این شرکت، همان سازمان: the body named before, not a name
        if stems & _CENTRE and (gazetteer_match(doc, j, "LOC") is not None or (
                n in _PROVINCE_WORDS_FA and j + 1 < len(toks) and gazetteer_match(doc, j + 1, "LOC") is not None)):
            return None  # مرکز استان مازندران، مرکز رشت: the province's capital, the town's centre
        if stems & rules.OUTLET_HEADS and is_nisba(doc, j) and gazetteer_match(doc, j + 1, "ORG") is not None:
            return None  # روزنامه سعودی الشرق الاوسط: the known paper follows
        if stems & _RARE_ORG_HEADS_FA and _rare_head_fa(doc, j):
            return None  # بیمه درمانی، بیمه‌های تکمیلی: insurance, no insurer
        if (hit := gazetteer_match(doc, j, "LOC")) is not None:
            if toks[i].norm in _DELEGATION_HEADS_FA and is_country(hit.entity_id) and hit.i == j:
                return None  # هیئت افغانستان: a country's delegation, no body
            j = hit.j
        elif n in rules.TIME_FA or (n in _ILMI and toks[i].norm in _HEIAT) or n in _GENERIC_COMPLEMENTS_FA:
            return None  # هیئت علمی: "faculty", not a body
        elif stems & _PUBLISHER_HEADS_FA and n in lexicon.common_words("fa", 5000) \
                and not (i + 2 < len(toks) and doc.gaps[i + 2] == "\u200c"):
            return None  # نشر اخبار، انتشارات گازها: spreading the news, emissions (a press named by a word is a table row)
        else:
            j = _comma_list_fa(doc, i, _org_chain_fa(doc, i))
    if j == i + 1 or _generic_org(doc, i, j, al_head):
        return None
    if al_head and stems & _AL_HEADS_OF_AR and not any(plain(toks[k].text).startswith("ل") for k in range(i + 1, j)):
        return None  # الإدارة المركزية، الإدارة الرياضية: a kind of administration; الإدارة العامة للمرور is a body
    if lang in ("ar", "fa") and (latin := next((k for k in range(i + 1, j) if doc.tlang[k] == "en"
                                               and toks[k].text[:1].isupper()), None)) is not None:
        end = latin + 1
        while end < j and doc.tlang[end] == "en" and not doc.broken(end):
            end += 1
        if (run := latin_name(doc, latin)) is not None and run.j > end:
            end = run.j  # شرکت آلمانی Berlin Heart: the whole Latin name, past a table name inside it
        return _Hit(latin, end, toks[latin].start, toks[end - 1].end, "ORG", "")  # شرکت چینی ZTE: the Latin name
    if lang == "he" and j < len(toks) and not doc.broken(j) and toks[j].norm == _IN_ISRAEL_HE and j - i >= 2:
        j += 1  # איגוד האתלטיקה בישראל، ארגון העיתונאים בישראל: a national body's name ends with "in Israel"
    if lang == "he" and stems & _SUBUNITS_HE and j < len(toks) and toks[j].norm == "של" and not doc.broken(j):
        return None  # חטיבת המחקר של בנק ישראל: a unit of the body named next
    if lang == "he" and "בית" in stems and toks[i + 1].norm in _COURT_WORDS_HE and j < len(toks) and not doc.broken(j) \
            and toks[j - 1].norm not in _UNIQUE_COURTS_HE \
            and toks[j].norm[:1] == "ב" and (seat := gazetteer_match(doc, j, "LOC")) is not None \
            and seat.start > toks[j].start:
        j = seat.j  # בית משפט השלום בבאר שבע: a court's seat is part of its name (no LOC of its own)
    if lang == "fa" and stems & _COMPANY_HEADS_FA and j > i + 1 and toks[i + 1].norm in rules.ORG_HEADS_FA \
            and toks[i + 1].norm != _COOP_FA:
        return None  # شرکت صندوق نوآوری و شکوفایی: the fund is the company, named from its own head
    if lang == "fa" and stems & _COMPANY_HEADS_FA and j > i + 1 and toks[i + 1].norm not in lexicon.common_words("fa") \
            and not is_nisba(doc, i + 1):
        return _Hit(i + 1, j, toks[i + 1].start, toks[j - 1].end, "ORG", "")  # شرکت دیجی کالا -> دیجی کالا (a brand)
    if lang == "fa" and stems & rules.ORG_NAME_ONLY_FA:
        k = i + 2 if (is_nisba(doc, i + 1) or toks[i + 1].norm in _DESCRIPTORS_FA) and j > i + 2 else i + 1
        return _Hit(k, j, toks[k].start, toks[j - 1].end, "ORG", "")  # روزنامه دنیای اقتصاد -> دنیای اقتصاد
    start = doc.start_after_clitic(i, plen or 0) if plen is not None else doc.start_after_clitic(i, _clitic_len(toks[i].norm))
    return _Hit(i, j, start, toks[j - 1].end, "ORG", "")


_BACK_REF_HE = lexicon.keys("back_ref", "he")
_AL_HEADS_OF_AR = lexicon.keys("al_heads_of", "ar")


_COUNTS = lexicon.keys("counts")


_GENERIC_COMPLEMENTS_AR = lexicon.keys("generic_complements", "ar")


_GENERIC_COMPLEMENTS_FA = lexicon.keys("generic_complements", "fa")
_GENERIC_COMPLEMENTS_HE = lexicon.keys("generic_complements", "he")
_GENERIC_ALONE_HE = lexicon.keys("generic_alone", "he")
_GENERIC_HEADS = lexicon.keys("generic_heads")  # صندوق رأی: the ballot box


_GENERIC_ADJ_AR = lexicon.keys("generic_adj", "ar")
_GENERIC_ALONE_AR = lexicon.keys("generic_alone", "ar")


def _generic_org(doc: _Doc, i: int, j: int, al_head: bool) -> bool:
    """Descriptions, not names: بعثة الصندوق، مجلس مفوضي الهيئة، אתר הבנק (a body and "the fund" named
    before); الشركة المالكة (the owning company); ۲ هزار نیروی داوطلب (counted people)."""
    toks, lang = doc.toks, doc.tlang[i]
    last = toks[j - 1].norm
    if lang == "ar" and j - i <= 3 and _al(doc, j - 1) and any(
            s in _BACK_REF_AR for _, s in clitic_candidates(last)[:3]):
        return True
    if lang == "he" and j - i == 2 and any(s in _BACK_REF_HE for _, s in clitic_candidates(last)[:2]):
        return True
    if lang == "he" and toks[i + 1].norm in _GENERIC_COMPLEMENTS_HE:
        return True  # בני אדם: people, not a club
    if lang == "he" and j == i + 2 and toks[i + 1].norm in _GENERIC_ALONE_HE:
        return True  # בית הספר، בית החולים alone: the school or hospital named before, not a name
    if lang in ("ar", "he") and j == i + 2 and any(s in _GENERIC_HEADS for _, s in clitic_candidates(toks[i].norm)[:3]) \
            and any(s in lexicon.common_words(lang) for _, s in clitic_candidates(last)[:3]):
        return True  # شبكة التوزيع، مكتب المحاماة، אתר ההתפלה: a description
    if lang == "ar" and al_head and j == i + 2 and _participle(doc, i + 1) and not last.endswith(("ي", "يه")):
        return True
    if lang == "ar" and j <= i + 3 and i + 1 < j and toks[i + 1].norm in _GENERIC_COMPLEMENTS_AR and all(
            toks[k].norm.endswith(("ي", "يه")) for k in range(i + 2, j)):
        return True  # غرفة العمليات المركزية: an operations room, not a name
    if lang == "ar" and j == i + 2 and (last in _GENERIC_COMPLEMENTS_AR or last in _GENERIC_ALONE_AR
                                        or (al_head and last in _GENERIC_ADJ_AR)):
        return True  # هيئة الدفاع (a defence team), المرصد المحلي (a local monitor)
    return i > 0 and not doc.broken(i) and ((toks[i - 1].text.isdigit() and doc.gaps[i - 1].strip() not in (":", "-", "–"))
                                            or toks[i - 1].norm in _COUNTS) \
        and not (i > 1 and j - i >= 3 and not doc.broken(i - 1) and toks[i - 2].norm == _BRANCH_FA)
    # (שוויון 1:1 ממכבי יפו: a score, not a count; شعبه ۱۰ دادگاه کیفری یک استان تهران: a court's branch, but a
    # bare شعبه ۵ دادگاه کیفری names no court)


_BRANCH_FA = normalise("شعبه")


def _construct_ar(doc: _Doc, j: int) -> int:
    """Where the ال-word or place ending a construct chain of 1-3 bare nouns is (0 if none):
    أطباء السودان، نفط الكويت، مراقبة وقف إطلاق النار."""
    toks = doc.toks
    k = j
    while k < len(toks) and k - j < 3 and (k == j or not doc.broken(k)) and (
            _bare_noun(doc, k) or (toks[k].norm in rules.PORTFOLIO and not _al(doc, k))):
        if k > j and _and_body_ar(doc, k):
            return 0  # شركة زين | وبنك الكويت الوطني: and a second body
        k += 1
        if k < len(toks) and not doc.broken(k) and (
                (_org_word_ar(doc, k) and not is_nisba(doc, k) and not _participle(doc, k))
                or gazetteer_match(doc, k, "LOC") is not None):
            return k
    return 0


_CONSTRUCT_HEADS_HE = lexicon.keys("construct_heads", "he")
_FAMILY_HE = lexicon.keys("family_words", "he")
_COMMITTEE_HE = lexicon.keys("committee_heads", "he")
_DISTRICT_WORDS_HE = lexicon.keys("district_words", "he")
_COMMITTEE_MEMBERS_HE = lexicon.keys("committee_members", "he")
_ET_HE = normalise("את")  # the object marker: the word before it is a verb
_IN_ISRAEL_HE = normalise("בישראל")


def _construct_he(doc: _Doc, j: int) -> int:
    """Where the ה-word ending a construct chain of one or two bare nouns is (0 if none): גדולי התורה."""
    toks = doc.toks
    k = j
    while k < len(toks) and k - j < 2 and (k == j or not doc.broken(k)) and _bare_noun(doc, k) \
            and (not _given(doc, k) or (k + 1 < len(toks) and _he_det(doc, k + 1) and not doc.broken(k + 1))) \
            and toks[k].norm not in rules.STOP_HE:  # (לשכת רואי החשבון: רואי is also a given name)
        k += 1
        if k < len(toks) and not doc.broken(k) and _he_det(doc, k) and not _he_verb(doc, k) and not trigger_match(doc, k) \
                and not is_nisba(doc, k):
            return k
    return 0


_NAME_HEADS = {"ar": rules.ORG_NAME_HEADS_AR | lexicon.keys("quoted_name_heads", "ar"),
               "fa": rules.ORG_NAME_HEADS_FA | rules.ORG_HEADS_FA | lexicon.keys("quoted_name_heads", "fa"),
               "he": rules.ORG_NAME_HEADS_HE | lexicon.keys("quoted_name_heads", "he")}


def _descriptors(doc: _Doc, i: int, limit: int = 3) -> int:
    """Skip ال/ה-words and nationalities describing a head: شركة ... الأمريكية، חברת הסייבר הישראלית."""
    k = i + 1
    while k < len(doc.toks) and k - i <= limit and not doc.broken(k) and (
            is_nisba(doc, k) or (doc.tlang[k] == "ar" and _org_word_ar(doc, k)) or (doc.tlang[k] == "he" and _he_det(doc, k))):
        k += 1
    return k


def named_after_head(doc: _Doc, i: int) -> _Hit | None:
    """شركة "سوناطراك"، עמותת "רגבים"، חברת הסייבר הישראלית "שומרת"، شرکت صادراتی «زرین انار»، مدیر «خانه شعر
    نیشابور»: the quoted name after an organisation head (and its describing words), or right after a
    director's title, is the organisation; בית הכנסת ״אהל יעקב״: after a synagogue, the place."""
    toks, lang = doc.toks, doc.tlang[i]
    if lang not in _NAME_HEADS:
        return None
    titled = stem_in(toks[i].norm, _QUOTED_NAME_TITLES.get(lang, frozenset()), 3)
    if not titled and (not stem_in(toks[i].norm, _NAME_HEADS[lang], 3) or (lang == "ar" and _al(doc, i))):
        return None
    if lang == "he" and not titled and any(s[:1] == "ה" and s[1:] in _NAME_HEADS[lang] and toks[i].norm.endswith(s)
                                           for _, s in clitic_candidates(toks[i].norm)):  # (בעמותת: no written article)
        return None  # הארגון "מגלה גמישות": "the organisation", then a quotation
    kind = "LOC" if lang == "he" and stem_in(toks[i].norm, _SYNAGOGUE_HE, 3) and i + 1 < len(toks) \
        and toks[i + 1].norm in _SYNAGOGUE_HE_2 else "ORG"  # בית הכנסת ״אהל יעקב״: a synagogue is a place
    k = i + 1 if titled else _descriptors(doc, i)
    if lang == "fa" and not titled:
        m = k
        while m < len(toks) and m - k < 2 and not doc.broken(m) and not _quoting(doc.gaps[m]) \
                and toks[m].norm not in rules.stop_words("fa") and not _verbal_fa(doc, m) \
                and (toks[m].norm in lexicon.common_words("fa") or is_nisba(doc, m)):
            m += 1
            while m < len(toks) and doc.gaps[m] == "\u200c":
                m += 1  # دانش‌بنیان: one word
        if m < len(toks) and m > k and _quoting(doc.gaps[m]):
            k = m  # شرکت صادراتی «زرین انار»، گروه موسیقی «نوای پارسه»: a kind of company, then its quoted name
    if k >= len(toks) or not doc.gaps[k].strip() or doc.gaps[k].strip()[-1] not in _QUOTES \
            or any(c in doc.gaps[k] for c in "،,.;:\n") \
            or toks[k].norm in (rules.FUNCTION_AR if doc.tlang[k] == "ar" else rules.stop_words(doc.tlang[k])):
        return None
    if doc.tlang[k] == "ar" and _verb_first_ar(doc, k):
        return None  # بنك الدم المركزي "يهدد حياة الحالات": a quotation that opens with a verb, not a name
    if doc.tlang[k] == "en" and product_before(doc, k):
        return None  # تحت علامة «Jebali Gold»: a product line in Latin letters, not a body (latin.product_before)
    single = doc.gaps[k].strip()[-1] in _GERESHES
    if kind == "LOC":  # the gold writes the synagogue with its head and quotes: בית הכנסת ״אהל יעקב״
        hit = named_after_head_span(doc, k, single)
        if hit is None:
            return None
        plen = len(toks[i].text) - 3 if len(toks[i].text) > 3 else 0
        close = hit.end + (1 if hit.end < len(doc.text) and doc.text[hit.end] in _QUOTES else 0)
        return _Hit(i, hit.j, toks[i].start + plen, close, "LOC", "")
    span = named_after_head_span(doc, k, single)
    if span is None:
        return None
    if span.end == toks[span.j - 1].end:  # closed by a quote after the word: the table may know the name
        known = gazetteer_match(doc, k)
        if known is not None and known.j == span.j:
            return known
    return _Hit(k, span.j, span.start, span.end, kind, "")


def _verb_first_ar(doc: _Doc, k: int) -> bool:
    """Token k is an everyday imperfect verb (يهدد، يجعلان، يعمل): a ي-word of the frequency list that is no
    noun in ة/ات and no name; a quoted name does not open with one, a quotation does (a ت-word is as often a
    verbal noun that names a programme: «تمكين»، «تواصل»)."""
    n = doc.toks[k].norm
    return n[:1] == "ي" and len(n) >= 4 and not n.endswith(("ه", "ات")) and n in lexicon.common_words("ar") \
        and not _given(doc, k) and n not in lexicon.surnames("ar") and gazetteer_match(doc, k) is None


def named_after_head_span(doc: _Doc, k: int, single: bool) -> _Hit | None:
    """The quoted words from token k to the closing quote (at most five), or None (also when the text or the
    sentence ends first)."""
    toks = doc.toks
    for j in range(k, min(k + 5, len(toks))):
        after = doc.gaps[j + 1] if j + 1 < len(toks) else doc.text[toks[j].end:toks[j].end + 2]
        if single and doc.tlang[j] == "he" and toks[j].text.endswith(_GERESHES):
            return _Hit(k, j + 1, toks[k].start, toks[j].end - 1, "", "")  # עמותת 'בית בטוח': the closing ' on the word
        if any(ch in _QUOTES for ch in after[:3]):
            return _Hit(k, j + 1, toks[k].start, toks[j].end, "", "")
        if j + 1 >= len(toks):
            return None  # the text ends before the closing quote
        if j > k and doc.broken(j + 1) and gap_key(doc.gaps[j + 1]) != "-" and doc.gaps[j + 1] != ".":
            return None  # (חברת "ש.ד. יזמות ובנייה": the dots of an abbreviation go on)
    return None


_QUOTED_NAME_TITLES = {lang: lexicon.keys("quoted_name_titles", lang) for lang in ("ar", "fa", "he")}
_SYNAGOGUE_HE, _SYNAGOGUE_HE_2 = frozenset({normalise("בית")}), frozenset({normalise("הכנסת")})


_DESCRIBED_HEADS = rules.ORG_NAME_HEADS_AR | rules.ORG_NAME_HEADS_HE
_KIND_HEADS_HE = lexicon.keys("kind_heads", "he")


def name_after_description(doc: _Doc, i: int) -> _Hit | None:
    """شركة تصنيع الرقائق الأمريكية غلوبال فاوندريز، קרן ההון סיכון האמריקנית אקסל: a company head,
    a description ending in a nationality, then the name (to the end of the phrase)."""
    toks, lang = doc.toks, doc.tlang[i]
    if lang not in ("ar", "he") or not stem_in(toks[i].norm, _DESCRIBED_HEADS, 3):
        return None
    k = i + 1
    while k < len(toks) and k - i <= 4 and not doc.broken(k) and not is_nisba(doc, k) and gazetteer_match(doc, k) is None and (
            _bare_noun(doc, k) or (lang == "ar" and _org_word_ar(doc, k)) or (lang == "he" and _he_det(doc, k))):
        k += 1
    if lang == "he" and i + 2 < len(toks) and stem_in(toks[i].norm, _KIND_HEADS_HE, 3) and _he_det(doc, i + 1) \
            and not _he_verb(doc, i + 1) and not is_nisba(doc, i + 1) and not _given(doc, i + 2) \
            and not doc.broken(i + 1) and not doc.broken(i + 2) and toks[i + 2].norm[:1] not in "הובלמכש" \
            and toks[i + 2].norm not in lexicon.common_words("he") and gazetteer_match(doc, i + 2) is None \
            and name_like(doc, i + 2, first=True):
        k = i + 1  # חברת הסלולר אקספון، קרן ההשקעות סקיילייט פרטנרס: a kind of company, then its name
    elif k >= len(toks) or k == i + 1 or doc.broken(k) or not is_nisba(doc, k):
        return None
    a = j = k + 1
    while j < len(toks) and j - a < 2 and not doc.broken(j) and name_like(doc, j, first=(j == a)) \
            and not (lang == "he" and toks[j].norm.startswith("ה")) and not _al(doc, j):
        j += 1
    if j == a or not (j >= len(toks) or doc.broken(j) or _name_ends(doc, j)):
        return None
    return _Hit(a, j, toks[a].start, toks[j - 1].end, "ORG", "")


_ILMI, _HEIAT = lexicon.keys("faculty_words", "fa"), lexicon.keys("board_heads", "fa")


def _org_chain_fa(doc: _Doc, i: int) -> int:
    """Persian organisation names run over ezafe words: سازمان امور اتباع و مهاجرین خارجی,
    صندوق توسعه بازار سرمایه, شرکت ملی صنایع مس ایران. They end at a function word, a verb,
    a time word, another organisation, a person, or after a known place or organisation."""
    toks = doc.toks
    j = i + 1
    if toks[i].norm in rules.ORG_PERSON_HEADS_FA and j < len(toks) and not doc.broken(j) and _given(doc, j) \
            and (end := _person_in_name_fa(doc, j)) > j:
        return end  # بیمارستان علی ابن ابیطالب زاهدان، دبستان مریم میرزاخانی: named after a person (and its town)
    while j < len(toks) and j - i <= 7 and not doc.broken(j):
        t = toks[j]
        if doc.gaps[j] == "\u200c" and t.norm in rules.SUFFIXES_FA:
            if j == i + 1:
                return j  # شرکت‌های بزرگ، کمیته‌ای: plural or indefinite, not one named body
            j += 1  # فرآورده‌های: the plural suffix of the word before
            continue
        if j + 1 < len(toks) and doc.gaps[j + 1] == "\u200c" and t.norm + toks[j + 1].norm in _NAME_END_FA:
            break  # بانک انکشاف آسیایی | پیش‌تر: a word that ends names, written in two pieces
        if glued_present_fa(t.norm) and gazetteer_match(doc, j) is None:
            break  # وزارت صنعت و تجارت | میگویند: a present verb written without its ZWNJ
        if t.norm in _JOINT_WORDS_FA and j <= i + 2 and toks[i].norm in _JOINT_HEADS_FA and j + 1 < len(toks) \
                and not doc.broken(j + 1):
            j += 1  # کمیسیون مشترک مرزی، اتاق مشترک بازرگانی: "joint", "border" (function words elsewhere) in the name
            continue
        if j + 1 < len(toks) and doc.gaps[j + 1] == "\u200c" and toks[j + 1].norm not in rules.SUFFIXES_FA \
                and alpha(t.text) and alpha(toks[j + 1].text) and not _given(doc, j) and not _verbal_fa(doc, j + 1) \
                and gazetteer_match(doc, j) is None and not _sentence_final(doc, j + 1):
            j += 2  # پیش‌بینی: one word in two pieces, not the function word پیش
            continue
        if t.norm in _MASDAR_PREPS_FA and j > i + 1 and toks[j - 1].norm in _BODY_MASDARS_FA and j + 1 < len(toks) \
                and not doc.broken(j + 1) and alpha(toks[j + 1].text.replace("\u200c", "")) \
                and toks[j + 1].norm not in rules.FUNCTION_FA and not _given(doc, j + 1) and not _verbal_fa(doc, j + 1):
            j += 2  # انجمن حمایت از بیماران، دادگاه ویژه رسیدگی به جرائم اقتصادی: the verbal noun's object is the name's
            continue
        if t.norm in rules.SAY_FA or t.norm in _NAME_END_FA or (j > i + 1 and t.norm in _MAJLIS):
            break  # کمیسیون انرژی | مجلس: the commission of parliament is the commission
        if t.norm == "و" and j > i + 1 and j + 1 < len(toks) and not doc.broken(j + 1) \
                and toks[j + 1].norm not in rules.FUNCTION_FA and not _given(doc, j + 1) \
                and toks[j + 1].norm not in rules.ORG_HEADS_FA \
                and (not _verbal_fa(doc, j + 1) or _before_copula_fa(doc, j + 1)) \
                and toks[j + 1].norm not in _PUBLISHER_HEADS_FA:  # (انتشارات قدیانی | و نشر ...: a second press)
            j += 2  # آب و فاضلاب، اتباع و مهاجرین
            continue
        if t.norm in rules.LOC_NAME_HEADS_FA and j + 1 < len(toks) and doc.gaps[j + 1] == "\u200c" \
                and toks[j + 1].norm in _ADJ_SUFFIXES_FA:
            j += 2  # شرکت آب منطقه‌ای کرمان: "regional", an adjective, not the place noun
            continue
        if t.norm in rules.LOC_NAME_HEADS_FA and j + 1 < len(toks) and toks[j + 1].norm in ZONE_WORDS_FA \
                and not doc.broken(j + 1):
            j += 2  # سازمان منطقه آزاد قشم: a free zone, then its place
            continue
        if t.norm in rules.LOC_NAME_HEADS_FA and j + 1 < len(toks) and (hit := gazetteer_match(doc, j + 1, "LOC")) is not None:
            return hit.j  # شورای شهر تهران
        if j > i + 1 and t.norm in _PROVINCE_WORDS_FA and j + 1 < len(toks) and not doc.broken(j + 1) and (
                ((hit := gazetteer_match(doc, j, "LOC")) is not None and hit.j > j + 1)
                or (alpha(toks[j + 1].text) and toks[j + 1].norm not in lexicon.common_words("fa")
                    and toks[j + 1].norm not in rules.FUNCTION_FA and not _verbal_fa(doc, j + 1))):
            return hit.j if hit is not None and hit.j > j + 1 else j + 2  # شرکت گاز استان فارس، مرکز بهداشت شهرستان برخوار
        after_imam = j > i + 1 and toks[j - 1].norm in rules.HONORIFIC_FA
        if (t.norm in _NUMERALS_FA or t.norm in _COUNTS) and j + 1 < len(toks) and toks[j + 1].norm in rules.TIME_FA:
            break  # جلسه بعدی دادگاه | دو هفته دیگر: a number and a time word, a duration after the name
        if (t.norm in _NUMERALS_FA or t.norm in _COUNTS) and j > i + 1 and not (
                j + 1 < len(toks) and not doc.broken(j + 1) and (toks[j + 1].norm in rules.LOC_NAME_HEADS_FA or (
                    (town := gazetteer_match(doc, j + 1, "LOC")) is not None and town.start == toks[j + 1].start
                    and not is_country(town.entity_id)))) and not (
                toks[j - 1].norm in rules.LOC_NAME_HEADS_FA or (doc.gaps[j - 1] == "\u200c" and toks[j - 2].norm in rules.LOC_NAME_HEADS_FA)):
            break  # شرکت مدیران خودرو | دو مدل برقی: a number opens a counted noun (not دادگاه کیفری دو شهرستان ...)
        if t.norm in _VERBAL_NOUNS_FA and j > i + 1 and toks[j - 1].norm not in lexicon.common_words("fa", 3000):
            break  # بنیاد رودکی | اجرای چهار نمایش: a verbal noun after the name's own word opens the sentence
        if _given(doc, j) and j > i + 1 and not after_imam and t.norm not in lexicon.common_words("fa") \
                and _name_after_given_ends_fa(doc, j + 1):
            return j + 1  # باشگاه کوهنوردی آرش، بیمارستان سینا: a body named by one given name, no surname after it
        if t.norm in rules.HONORIFIC_FA and j + 1 < len(toks) and not doc.broken(j + 1):
            j += 1  # بیمارستان امام خمینی، دانشگاه شهید چمران
            continue
        if j > i + 1 and t.norm in rules.ORG_HEADS_FA and j + 1 < len(toks) and not doc.broken(j + 1) \
                and (town := gazetteer_match(doc, j + 1, "LOC")) is not None and town.i == j + 1 \
                and town.start == toks[j + 1].start and not is_country(town.entity_id):
            return town.j  # سازمان آتش‌نشانی و خدمات ایمنی شهرداری رشت: the body of a town's body, one name
        if (t.norm in rules.FUNCTION_FA or t.norm in rules.TIME_FA or not alpha(t.text.replace("\u200c", ""))
                or trigger_match(doc, j) or (_given(doc, j) and not after_imam) or t.norm in rules.LOC_NAME_HEADS_FA
                or (j > i + 1 and t.norm in rules.ORG_HEADS_FA and gazetteer_match(doc, j, "ORG") is None)
                or ((_verbal_fa(doc, j) and not _before_copula_fa(doc, j) or _sentence_final(doc, j))
                    and not (j > i + 1 and _table_town_fa(doc, j)))
                or t.norm in rules.LIGHT_VERBS_FA):
            break
        if (hit := gazetteer_match(doc, j, "LOC" if j > i + 2 else "LOC ORG")) is not None:
            if hit.type == "LOC" and is_country(hit.entity_id) and hit.j + 1 < len(toks) and toks[hit.j].norm == "و" \
                    and not doc.broken(hit.j) and not doc.broken(hit.j + 1) \
                    and (other := gazetteer_match(doc, hit.j + 1, "LOC")) is not None and other.i == hit.j + 1 \
                    and is_country(other.entity_id) and other.start == toks[hit.j + 1].start:
                return other.j  # کمیسیون مشترک مرزی ایران و پاکستان: a body of two countries names both
            return hit.j  # ... ایران، کمیساریای عالی سازمان ملل
        if (hit := gazetteer_match(doc, j, "ORG")) is not None and hit.j == j + 1 and hit.start == t.start:
            return hit.j  # پلیس امنیت اقتصادی فراجا | ردّ ۴۰ حساب: a one-word known body (an acronym) ends the name
        j += 1
    return j


_BODY_MASDARS_FA = lexicon.keys("body_masdars", "fa")
_COPULAS_FA = lexicon.keys("copulas", "fa")
_DELEGATION_HEADS_FA = lexicon.keys("delegation_heads", "fa")


def _table_town_fa(doc: _Doc, k: int) -> bool:
    """Token k is a one-word table place (no country) written bare: before a verb it is where the body is
    (ریاست معارف هرات | می‌گویند), not the noun of a compound verb."""
    known = gazetteer_match(doc, k, "LOC")
    return known is not None and known.i == k and known.j == k + 1 and known.start == doc.toks[k].start \
        and not is_country(known.entity_id)
_PREDICATES_FA = lexicon.keys("predicates", "fa")


def _before_copula_fa(doc: _Doc, k: int) -> bool:
    """Token k stands before a copula (است، بوده) and is no everyday predicate word (stop words are): in a body's
    name it is the name's last word (مدیرعامل شرکت توسعه فضاهای فرهنگی | بوده، کانون ... و نوجوانان | است),
    not the noun of a compound verb (اعلام | کرد)."""
    return k + 1 < len(doc.toks) and doc.toks[k + 1].norm in _COPULAS_FA and not doc.broken(k + 1) \
        and doc.toks[k].norm not in rules.STOP_FA and doc.toks[k].norm not in _PREDICATES_FA and gazetteer_match(doc, k) is None
_JOINT_WORDS_FA = lexicon.keys("joint_words", "fa")
_JOINT_HEADS_FA = lexicon.keys("joint_heads", "fa")
_MASDAR_PREPS_FA = lexicon.keys("masdar_prepositions", "fa")


def _person_in_name_fa(doc: _Doc, j: int) -> int:
    """The end of a person's name (a given name at j, then one or two name words, ZWNJ pieces and ابن/بن
    joining them) inside a body's name, and of a known place after it; j when no second word follows."""
    toks = doc.toks
    k, words = j + 1, 1
    while k < len(toks) and doc.gaps[k] == "\u200c" and alpha(toks[k].text):
        k, words = k + 1, words + (toks[k].norm not in rules.CONNECTORS)
    while k < len(toks) and words < 3 and not doc.broken(k) and doc.tlang[k] == "fa" and (
            (toks[k].norm in rules.CONNECTORS and k + 1 < len(toks) and not doc.broken(k + 1)) or (
                name_like(doc, k, first=False) and toks[k].norm not in lexicon.common_words("fa", 3000)
                and not _verbal_fa(doc, k) and toks[k].norm not in _NAME_END_FA
                and not (k + 1 < len(toks) and toks[k + 1].norm in rules.LIGHT_VERBS_FA))):
        words += toks[k].norm not in rules.CONNECTORS
        k += 1
        while k < len(toks) and doc.gaps[k] == "\u200c" and alpha(toks[k].text):
            k += 1
    if words < 2:
        return j
    if k < len(toks) and not doc.broken(k) and (town := gazetteer_match(doc, k, "LOC")) is not None and town.i == k \
            and town.start == toks[k].start and not is_country(town.entity_id):
        k = town.j
    return k


def _name_after_given_ends_fa(doc: _Doc, k: int) -> bool:
    """The word at k cannot be a surname after a given name: the text ends, punctuation, a verb, a function word."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    n = doc.toks[k].norm
    return (n in rules.FUNCTION_FA or n in rules.STOP_FA or n in rules.LIGHT_VERBS_FA or n in _NAME_END_FA
            or n in rules.SAY_FA or _verbal_fa(doc, k)) and gazetteer_match(doc, k) is None


_NUMERALS_FA = lexicon.keys("numerals", "fa")
_DEMONSTRATIVES_FA = lexicon.keys("demonstratives", "fa")
_VERBAL_NOUNS_FA = lexicon.keys("verbal_nouns", "fa")
_COOP_FA = normalise("تعاونی")  # شرکت تعاونی مسکن ...: "cooperative", the company's kind, not a body of its own
_MAJLIS = lexicon.keys("majlis")
_LIST_HEADS_FA = lexicon.keys("list_heads", "fa")


def _list_word_fa(doc: _Doc, k: int) -> int:
    """The end of one bare word of a body's name at ``k`` (its ZWNJ-joined pieces with it: صنایع‌دستی), or ``k``."""
    toks = doc.toks
    t = toks[k]
    if doc.tlang[k] != "fa" or not alpha(t.text.replace("\u200c", "")) or t.norm in rules.FUNCTION_FA \
            or t.norm in rules.SAY_FA or t.norm in _NAME_END_FA or t.norm in rules.TIME_FA or _given(doc, k) \
            or _verbal_fa(doc, k) or _sentence_final(doc, k) or trigger_match(doc, k) or gazetteer_match(doc, k) is not None \
            or t.norm in (rules.LOC_NAME_HEADS_FA | rules.ORG_HEADS_FA | _PROVINCE_WORDS_FA):
        return k  # (a place noun of loc_full_heads is a field here: وزارت صنعت، معدن و تجارت)
    k += 1
    while k < len(toks) and doc.gaps[k] == "\u200c" and alpha(toks[k].text):
        k += 1
    return k


def _comma_list_fa(doc: _Doc, i: int, j: int) -> int:
    """وزارت صنعت، معدن و تجارت، اداره کل میراث فرهنگی، گردشگری و صنایع‌دستی استان یزد: a ministry's or office's
    name that lists its fields (one comma, then one or two words, و, one to three words) goes on over the comma,
    and then over its province or town (استان یزد، شهرستان شوش). Only after the heads of list_heads."""
    toks = doc.toks
    if j >= len(toks) or j < i + 2 or doc.gaps[j].strip() != "،" or toks[i].norm not in _LIST_HEADS_FA:
        return j
    k, n = j, 0
    while k < len(toks) and n < 2 and (e := _list_word_fa(doc, k)) > k and (k == j or not doc.broken(k)) \
            and (n == 0 or toks[e - 1].norm.endswith(_YEH)):
        k, n = e, n + 1  # a field is a noun and at most an adjective in ی (میراث فرهنگی، رفاه اجتماعی)
    if n == 0 or k + 1 >= len(toks) or toks[k].norm != "و" or doc.broken(k) or doc.broken(k + 1):
        return j
    k, m = k + 1, 0
    while k < len(toks) and m < 2 and not doc.broken(k) and (e := _list_word_fa(doc, k)) > k \
            and (m == 0 or toks[e - 1].norm.endswith(_YEH) or (e < len(toks) and not doc.broken(e) and (
                toks[e].norm == _NATIONWIDE_FA or toks[e].norm in _PROVINCE_WORDS_FA))):
        k, m = e, m + 1  # (... توسعه و تجهیز مدارس | کشور: a noun field before کشور or a province)
    if m == 0 or (k + 1 < len(toks) and not doc.broken(k) and toks[k].norm == "و"
                  and toks[k + 1].norm not in rules.ORG_HEADS_FA):
        return j  # a longer list (... و ... و): things, not one body's fields (but و اداره ...: the next body)
    if k + 1 < len(toks) and not doc.broken(k) and toks[k].norm in _PROVINCE_WORDS_FA and not doc.broken(k + 1) \
            and (loc := gazetteer_match(doc, k + 1, "LOC")) is not None and loc.i == k + 1:
        return loc.j  # ... استان یزد
    if k < len(toks) and not doc.broken(k) and (loc := gazetteer_match(doc, k, "LOC")) is not None and loc.i == k:
        return loc.j  # ... گیلان
    if k < len(toks) and not doc.broken(k) and toks[k].norm == _NATIONWIDE_FA:
        return k + 1  # سازمان جنگل‌ها، مراتع و آبخیزداری کشور: a national body's name ends with کشور
    return k


_NATIONWIDE_FA = normalise("کشور")
_YEH = normalise("ی")  # (the folded ی of an adjective: میراث فرهنگی)
_ADJ_SUFFIXES_FA = lexicon.keys("adj_suffixes", "fa")
_NAME_END_FA = lexicon.keys("name_end", "fa")
ZONE_WORDS_FA = lexicon.keys("zone_words", "fa")
_COMPANY_HEADS_FA = lexicon.keys("company_heads", "fa")


def _he_acronym(doc: _Doc, k: int) -> bool:
    """רמב"ם, בצל"ם: a Hebrew acronym with gershayim."""
    t = doc.toks[k].text
    return doc.tlang[k] == "he" and ('"' in t[1:-1] or "\u05f4" in t[1:-1]) and not doc.toks[k].norm.startswith("ה")


_OFFICE_TITLES_FA = lexicon.keys("office_titles", "fa")


_NOT_OFFICES_FA = lexicon.keys("not_offices", "fa")


def _office_of_province_fa(doc: _Doc, i: int, end: int) -> _Hit | None:
    """مدیرکل هواشناسی خوزستان، رئیس کل دادگستری استان فارس، مدیرکل حفاظت محیط زیست آذربایجان غربی:
    after a head's title, one to three bare words and a place name a provincial office (an ORG), not a
    person."""
    toks = doc.toks
    if doc.tlang[i] != "fa" or toks[i].norm not in _OFFICE_TITLES_FA or end - i > 2 or end + 1 >= len(toks):
        return None
    k = end
    while k < len(toks) and k - end < 5:
        if _office_word_fa(doc, k) and (k - end < 3 or toks[k - 1].norm == "و"):
            k += 1
        elif k > end and toks[k].norm == "و" and not doc.broken(k) and k + 1 < len(toks) and _office_word_fa(doc, k + 1):
            k += 1  # مدیرکل بنادر و دریانوردی استان هرمزگان، فرهنگ و ارشاد اسلامی گیلان
        else:
            break
    if k == end or k >= len(toks) or doc.broken(k):
        return None
    province = toks[k].norm in _PROVINCE_WORDS_FA
    whole = gazetteer_match(doc, k, "LOC")
    if province and whole is not None and whole.i == k and whole.j > k + 1:
        return _Hit(end, whole.j, toks[end].start, toks[whole.j - 1].end, "ORG", "")  # ... استان فارس (one table name)
    if province and k + 1 < len(toks) and not doc.broken(k + 1):
        k += 1  # (مدیرکل میراث فرهنگی استان، with no place: named only through the title, not listed)
    loc = gazetteer_match(doc, k, "LOC")
    if loc is not None and loc.i == k:
        return _Hit(end, loc.j, toks[end].start, toks[loc.j - 1].end, "ORG", "")
    if province and loc is None and gazetteer_match(doc, k) is None and _office_word_fa(doc, k) \
            and (k + 1 >= len(toks) or doc.broken(k + 1)):
        return _Hit(end, k + 1, toks[end].start, toks[k].end, "ORG", "")  # دادگستری استان فارس: after استان, a place
    return None


_PROVINCE_WORDS_FA = lexicon.keys("province_words", "fa")


def _office_word_fa(doc: _Doc, k: int) -> bool:
    """A bare word of a provincial office's name: هواشناسی، حفاظت، محیط، میراث ..."""
    t = doc.toks[k]
    if (k > 0 and doc.broken(k)) or doc.tlang[k] != "fa" or not alpha(t.text.replace("\u200c", "")):
        return False
    if t.norm in rules.FUNCTION_FA or t.norm in _NOT_OFFICES_FA or t.norm in _NAME_END_FA or t.norm in rules.SAY_FA \
            or _given(doc, k) or gazetteer_match(doc, k) is not None or is_nisba(doc, k) or trigger_match(doc, k):
        return False
    return t.norm not in (rules.LOC_NAME_HEADS_FA | rules.LOC_FULL_HEADS_FA | rules.ORG_HEADS_FA | _PROVINCE_WORDS_FA)


def _clitic_len(norm: str) -> int:
    for p, stem in clitic_candidates(norm):
        if stem in rules.ORG_NISBA_HEADS_AR:
            return p
    return 0


_TITLE_BODY_HEADS = lexicon.keys("title_body_heads")


def body_in_title(doc: _Doc, i: int, end: int) -> _Hit | None:
    """رئيس بلدية حلبا، ראש עיריית תל אביב-יפו: a title ending in a local body's head names the place
    (LOC; by the gold conventions a body named only through an official's title is not listed), and the
    person follows."""
    toks = doc.toks
    k = end - 1
    if k < i or end >= len(toks) or doc.broken(end):
        return None
    plen = next((p for p, s in clitic_candidates(toks[k].norm)[:3] if s in _TITLE_BODY_HEADS), None)
    if plen is None:
        return None
    loc = gazetteer_match(doc, end, "LOC")
    if loc is not None and loc.i == end and loc.start == toks[end].start:
        return loc
    if gazetteer_match(doc, end) is None and name_like(doc, end, first=True):
        j = end + 1  # رئيس بلدية حلبا عبد الحميد الحسن: one unknown place word before the name
        if j + 1 < len(toks) and not doc.broken(j) and doc.tlang[j] == "ar" and _al(doc, j) and not is_nisba(doc, j) \
                and not _person_starts(doc, j) and _person_starts(doc, j + 1):
            j += 1  # رئيس بلدية عيتا الشعب محمد سرور
        if not (j >= len(toks) or doc.broken(j) or _person_starts(doc, j)):
            return None
    else:
        return None
    return _Hit(end, j, toks[end].start, toks[j - 1].end, "LOC", "")


def _person_starts(doc: _Doc, k: int) -> bool:
    """A person's name may start at k: a listed given name or a name connector (عبد، أبو)."""
    return k < len(doc.toks) and (_given(doc, k) or doc.toks[k].norm in rules.CONNECTORS)


_PLACE_LEAD = lexicon.keys("place_lead")


def _locative_before(doc: _Doc, i: int) -> bool:
    """Token i follows في or a title (or carries ب): what it heads is where something happens, a place."""
    n = doc.toks[i].norm
    if doc.tlang[i] == "ar" and any(p and "ب" in n[:p] and s in _TITLE_BODY_HEADS for p, s in clitic_candidates(n)[:3]):
        return True  # ببلدية
    if i > 0 and not doc.broken(i) and trigger_match(doc, i - 1) == i:
        return True  # برئاسة بلدية السلط: a body named through an office is not listed, its place is
    return i > 0 and not doc.broken(i) and any(s in _PLACE_LEAD for _, s in clitic_candidates(doc.toks[i - 1].norm)[:2])


def _second_body_ar(doc: _Doc, k: int) -> bool:
    """والهلال الأحمر، والمركز الوطني: a وال-word that heads or names another body."""
    stem = doc.toks[k].norm[1:]
    if stem in rules.ORG_AL_HEADS_AR:
        return True
    g = gazetteer_match(doc, k, "ORG PER")
    return g is not None and g.j > k + 1 or (g is not None and g.type == "ORG")


def _and_body_ar(doc: _Doc, k: int) -> bool:
    """Token k is و + a body's head noun (وبنك، ووزارة، وجامعة): a second body begins there."""
    if k >= len(doc.toks) or doc.broken(k) or doc.tlang[k] != "ar":
        return False
    n = doc.toks[k].norm
    return n[:1] == "و" and n[1:] in rules.ORG_HEADS_AR


def _place_name_adj_ar(doc: _Doc, k: int) -> bool:
    """Token k, after a body's head and a place, is an ال-adjective of the body's name (ي/ية: الثقافي، التقنية،
    الريفي، الشرعية), not a nationality (جامعة آخن الألمانية), a direction or a describing word of the place
    (``not_place_adjectives``: الحدودي)."""
    n = doc.toks[k].norm
    return _al(doc, k) and not plain(doc.toks[k].text).startswith("لل") and n.endswith(("ي", "يه")) and len(n) >= 6 \
        and not is_nisba(doc, k) and not _nationality_ar(doc, n) and n not in _DIRECTIONS_AR \
        and n not in _NOT_PLACE_ADJ_AR and n not in _AR_TIME and gazetteer_match(doc, k) is None


def _indefinite_description_ar(doc: _Doc, k: int) -> bool:
    """Token k, right after a bare head noun, makes it "a ..." (an indefinite body): ل/لل + an everyday noun
    (لجنة لمتابعة الأسعار، مركز للتخزين) or an everyday indefinite ية-adjective (لجنة فنية، منظمة أهلية، هيئة
    وطنية); a body's name is a construct or is determined (لجنة المتابعة، مديرية تربية النجف، منظمة بدر)."""
    t = doc.toks[k]
    raw, n = plain(t.text), t.norm
    if gazetteer_match(doc, k) is not None or _given(doc, k) or n in rules.LOC_NAME_HEADS_AR or n in rules.LOC_FULL_HEADS_AR:
        return False  # (معهد قرية بيت داود: a place's noun)
    common = lexicon.common_words("ar")
    if raw.startswith("لل"):
        return "ال" + n[2:] in common
    if raw.startswith("ل") and len(n) >= 5:
        return n[1:] in common and n[1:] not in rules.STOP_AR
    return not raw.startswith("ال") and raw.endswith("ية") and n in common and n[:-1] in common
    # (فنية: فني; not تنمية، بداية)


def _noun_not_title_ar(doc: _Doc, i: int, j: int) -> bool:
    """Token j, و + a word that is also a title (والمعارض: and the exhibitions / the opposition figure), after a
    ل-phrase of a body's name and before no name: a noun of the name's list."""
    toks = doc.toks
    if not plain(toks[j - 1].text).startswith(("لل", "وال")) or j - 1 == i:
        return False
    k = j + 1
    return k >= len(toks) or doc.broken(k) or rules.is_stop(toks[k].text, toks[k].norm, "ar") or (
        _al(doc, k) and toks[k].norm in lexicon.common_words("ar") and not _given(doc, k)
        and toks[k].norm not in lexicon.surnames("ar") and gazetteer_match(doc, k, "PER") is None)


def _coordinated_masdar_ar(doc: _Doc, k: int) -> bool:
    """ومكافحة الفساد، ومحاربة الأمراض: و + a bare verbal noun + an ال-word continues a body's name."""
    toks = doc.toks
    stem = toks[k].norm[1:]
    if k + 1 >= len(toks) or doc.broken(k + 1) or len(stem) < 4 or doc.tlang[k] != "ar":
        return False
    if (stem in rules.STOP_AR and stem not in rules.PORTFOLIO) or stem in rules.ORG_HEADS_AR or stem in rules.GIVEN_AR \
            or trigger_match(doc, k) \
            or stem in rules.LOC_NAME_HEADS_AR or gazetteer_match(doc, k) is not None:
        return False
    return _org_word_ar(doc, k + 1) and not is_nisba(doc, k + 1) and gazetteer_match(doc, k + 1, "LOC PER") is None


_INFINITIVES_HE = lexicon.keys("infinitives", "he")
_COURT_WORDS_HE = lexicon.keys("court_words", "he")
_UNIQUE_COURTS_HE = lexicon.keys("unique_courts", "he")


def _he_sentence_word(doc: _Doc, k: int) -> bool:
    """Token k, right after a club's or company's head, goes on with the sentence: a short future verb no table
    knows (הפועל | תארח את) or a preposition on an everyday word (הפועל | ביום ראשון)."""
    n = doc.toks[k].norm
    if gazetteer_match(doc, k) is not None or _given(doc, k):
        return False
    if n[:1] in ("ת", "י") and len(n) == 4 and n not in lexicon.surnames("he") and n not in lexicon.common_words("he", 3000):
        return True
    return n[:1] in ("ב", "ל", "מ", "כ") and len(n) >= 4 and n[1:] in lexicon.common_words("he", 5000)


def _he_plural_participle(doc: _Doc, k: int) -> bool:
    """מודים، מסבירים، מזהירים: a present-tense plural verb after a body (ובמשרד הבריאות מודים כי), not its name."""
    n = doc.toks[k].norm
    return doc.tlang[k] == "he" and len(n) >= 5 and n.startswith("מ") and n.endswith("ים")


def _he_infinitive(doc: _Doc, k: int) -> bool:
    """להגביל، להציב (ל + a hif'il), למנות، לעיין (listed): an infinitive after a body is what it is asked
    or allowed to do, never part of its name."""
    n = doc.toks[k].norm
    if doc.tlang[k] != "he" or not n.startswith("ל"):
        return False
    return n in _INFINITIVES_HE or (len(n) == 6 and n[1] == "ה" and n[4] == "י")


def _he_adjective_after(doc: _Doc, k: int) -> bool:
    """מנהליים after לעניינים, ציבוריים after לשירותים: a bare plural or feminine adjective of a ל-noun."""
    n, prev = doc.toks[k].norm, doc.toks[k - 1].norm
    if doc.tlang[k] != "he" or doc.broken(k) or len(n) < 5 or n.startswith(("ה", "ו", "ל", "ב", "ש")):
        return False
    return (prev.endswith("ים") and n.endswith("יים")) or (prev.endswith("ות") and n.endswith("יות"))


def _he_phrase_word(doc: _Doc, k: int) -> bool:
    """A word that goes on a sentence, not a name: an infinitive (להגביל, לעיין), or an everyday word
    after ב/ל (במסמכים)."""
    n = doc.toks[k].norm
    if doc.tlang[k] != "he":
        return False
    if _he_infinitive(doc, k) or _he_future(doc, k):
        return True  # (ועדת השיפוט | תבחן، המועדון | ייקנס)
    if n[:1] in "יתנ" and 4 <= len(n) <= 6 and n in lexicon.common_words("he") and not _given(doc, k) \
            and not n.endswith(("ון", "ית", "ים", "ות")) and doc.gaps[k] not in ("-", "\u05be") \
            and gazetteer_match(doc, k) is None:
        return True  # ועדת השיפוט | תבחן، הוועדה | נמסר: a verb (future, or nif'al past); not תחתון، תיכונית
    if len(n) == 4 and n[1] == "ו" and n[3] == "ה" and n in lexicon.common_words("he") and not _given(doc, k) \
            and gazetteer_match(doc, k) is None:
        return True  # השירות המטאורולוגי | צופה: a present participle (צופה، רואה، קונה), the sentence going on
    if n[:1] in "בלמ" and (n[1:] in rules.LOC_FULL_HEADS_HE or n[1:] in rules.LOC_NAME_HEADS_HE2):
        return True  # בית החולים | מרחוב ויצמן: a place after a preposition, not the body's name
    return n[:1] in "לב" and len(n) > 4 and n[1:] in lexicon.common_words("he") and gazetteer_match(doc, k) is None


def _nisba_goes_on(doc: _Doc, k: int) -> bool:
    """الهيئة المصرية | العامة للكتاب، المعهد الألماني | البروتستانتي للآثار: after a nationality, a
    body's name goes on over a listed modifier or an ال-adjective that leads to its ل-phrase."""
    toks = doc.toks
    n = toks[k].norm
    if n in rules.ORG_MODIFIERS_AR and _al(doc, k):
        return True
    return (_al(doc, k) and n.endswith(("ي", "يه")) and k + 1 < len(toks) and not doc.broken(k + 1)
            and plain(toks[k + 1].text).startswith("ل") and not trigger_match(doc, k))


_NOT_CLUB_AFTER = lexicon.keys("not_club_after")


def sport_clubs(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """وتعادل الهلال مع النصر: in a sports text, a club's bare name that is also an everyday word is the club
    (data/lexicon/homographs.tsv, club_in_sport), unless a describing word follows it (الهلال الأحمر)."""
    lang = doc.lang
    clubs = lexicon.homograph_ids("club_in_sport", lang) if lang in ("ar", "fa") else {}
    if not clubs:
        return []
    ends = tuple(clubs)
    candidates = [k for k, t in enumerate(doc.toks) if t.norm.endswith(ends)]
    if not candidates:
        return []
    cues = lexicon.keys("sport_cues", lang)
    if sum(1 for t in doc.toks if t.norm in cues or any(s in cues for _, s in clitic_candidates(t.norm)[1:3])) < 2:
        return []
    covered = {k for h in hits for k in range(h.i, h.j)}
    out = []
    for k in candidates:
        tok = doc.toks[k]
        if k in covered or doc.tlang[k] != lang:
            continue
        found = next(((p, clubs[s]) for p, s in clitic_candidates(tok.norm)[:3] if s in clubs), None)
        if found is None or found[1] not in doc.gaz.entries:
            continue
        if k > 0 and not doc.broken(k) and (doc.toks[k - 1].norm in _NOT_CLUB_AFTER or trigger_match(doc, k - 1) == k):
            continue  # حقق الفريق النصر: the victory; رئيس الاتحاد: the body a title named before
        if lang == "ar" and k > 0 and not doc.broken(k) and found[1] and tok.norm.endswith("ي") and _al(doc, k - 1):
            continue  # الوطن العربي: an adjective after its noun, not the club
        nxt = k + 1 < len(doc.toks) and not doc.broken(k + 1)
        if nxt and (is_nisba(doc, k + 1) or (lang == "ar" and _al(doc, k + 1) and not trigger_match(doc, k + 1)
                                             and doc.toks[k + 1].norm not in rules.stop_words("ar"))):
            continue  # الهلال الأحمر، الاتحاد الأوروبي: another body (but النصر الذي تعادل: the club)
        plen = found[0] if lang == "ar" and tok.norm[found[0]:].startswith("ال") else 0
        start = doc.start_after_clitic(k, plen) if plen else tok.start
        out.append(_Hit(k, k + 1, start, tok.end, "ORG", found[1]))
    return out


_CLUB_SLOT_AR = lexicon.keys("club_slot", "ar")
_CLUB_WIN_AR = lexicon.keys("club_win", "ar")
_CLUB_AFTER_AR = lexicon.keys("club_after", "ar")


def _sport_text(doc: _Doc, lang: str) -> bool:
    cues = lexicon.keys("sport_cues", lang)
    return sum(1 for t in doc.toks if t.norm in cues or any(s in cues for _, s in clitic_candidates(t.norm)[1:3])) >= 2


def town_clubs_ar(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """حلّ الفيصلي ضيفاً على السلط، تراجع إلى المركز الرابع خلف الرمثا، مدرب القادسية، حقق العلا فوزه: in a sports
    text a town in a club's slot (after a coach, player, team or goal word, after "beat"/"guest of" + على, before
    "its win") is the club named after it (ar tables club_slot, club_win, club_after)."""
    if doc.lang != "ar" or not any(h.type == "LOC" and h.j == h.i + 1 for h in hits) or not _sport_text(doc, "ar"):
        return hits
    toks = doc.toks
    for h in hits:
        k = h.i
        if h.type != "LOC" or h.j != k + 1 or doc.tlang[k] != "ar" or is_country(h.entity_id) or h.start > toks[k].start:
            continue
        before = k > 0 and not doc.broken(k) and toks[k - 1].norm in _CLUB_SLOT_AR
        win = k > 1 and not doc.broken(k) and not doc.broken(k - 1) and toks[k - 1].norm in _ON_AR \
            and toks[k - 2].norm in _CLUB_WIN_AR
        after = k + 1 < len(toks) and not doc.broken(k + 1) and toks[k + 1].norm in _CLUB_AFTER_AR
        if (before or win or after) and not (k + 1 < len(toks) and not doc.broken(k + 1) and doc.tlang[k + 1] == "en"):
            h.type, h.entity_id = "ORG", ""  # (مدرب عمان FC: the Latin name goes on)
            h.src = next((o for o in hits if o.type == "ORG" and o.j - o.i > 1 and o.src is None
                          and any(toks[x].norm == toks[k].norm for x in range(o.i + 1, o.j))), None)
            # (نادي السيب ... مدرب السيب: that club)
    return hits


_ON_AR = normalise("على")


# --- outlets in datelines and bylines --------------------------------------------------------------

_DESK_WORDS = {lang: lexicon.keys("dateline_desk", lang) for lang in ("ar", "fa", "he")}
_REPORTER_WORDS = {lang: lexicon.keys("dateline_reporter", lang) for lang in ("ar", "fa", "he")}
_BYLINE_WORDS = lexicon.keys("byline", "he") | lexicon.keys("byline", "ar")
_FROM_WORDS = lexicon.keys("from_country")
_DAYS = {lang: lexicon.keys("weekdays", lang) for lang in ("ar", "fa", "he")}
_PLACEHOLDERS = {lang: lexicon.keys("dateline_places", lang) for lang in ("ar", "fa", "he")}
_OUTLET_ENDINGS = {lang: tuple(lexicon.keys("outlet_endings", lang)) for lang in ("ar", "fa", "he")}


def _dash(gap: str) -> bool:
    """A dash between the parts of a dateline ("–", "—" or a hyphen) with a space beside it (not the joiner of
    خواف–هرات or וולף-ברקוביץ')."""
    return any(c in gap for c in "–—-") and (" " in gap or "\n" in gap)


def _plain_words(doc: _Doc, a: int, b: int) -> bool:
    """Tokens a..b are 1-4 words of letters (no number, no date) with no sentence punctuation between them."""
    return 0 < b - a <= 4 and all(alpha(doc.toks[k].text.replace("'", "").replace("\u05f3", "").replace("!", ""))
                                  or doc.toks[k].text.isascii() and doc.toks[k].text[:1].isalpha()
                                  for k in range(a, b)) \
        and not any(c in doc.gaps[k] for k in range(a + 1, b) for c in ".،,:;()|–—")


def _outlet(doc: _Doc, a: int, b: int) -> _Hit:
    """Tokens a..b as an outlet: the table's entity when a table spells it so."""
    known = gazetteer_match(doc, a, "ORG")
    eid = known.entity_id if known is not None and known.j == b else ""
    return _Hit(a, b, doc.toks[a].start, doc.toks[b - 1].end, "ORG", eid)


def _person_words(doc: _Doc, a: int, b: int) -> bool:
    """Tokens a..b are two or more words opening with a given name, or a table person: a reporter, not an
    outlet (one word is never a reporter's name: سبأ is an agency, not the given name)."""
    known = gazetteer_match(doc, a)
    return (_given(doc, a) and b - a >= 2) or (known is not None and known.type == "PER")


def _known_place(doc: _Doc, a: int, b: int, country: bool = False) -> bool:
    known = gazetteer_match(doc, a, "LOC")
    return known is not None and known.j == b and (not country or is_country(known.entity_id))


def _quoted(doc: _Doc, a: int) -> bool:
    """A quote mark opens token a («النهار»، ״וואלה! ספורט״)."""
    return any(q in doc.gaps[a] for q in _QUOTES)


def _place_before(doc: _Doc, s: int, d: int) -> list[_Hit]:
    """The dateline's place (tokens s..d) as a LOC when it is one or two words of no other reading."""
    if d - s > 2 or _given(doc, s) or gazetteer_match(doc, s) is not None \
            or any(doc.toks[k].norm in lexicon.common_words(doc.tlang[k]) for k in range(s, d)):
        return []
    return [_Hit(s, d, doc.toks[s].start, doc.toks[d - 1].end, "LOC", "")]


def _byline(doc: _Doc, s: int, e: int) -> list[_Hit]:
    """מאת נעמה ריבלין, הארץ / מאת שירה אלמוג | מקור ראשון / כאן חדשות | מאת ליאנה ח'טיב / מאת כתבת כלכליסט:
    the reporter (PER) and the outlet (ORG) of a byline line."""
    toks, gaps = doc.toks, doc.gaps
    pipe = next((k for k in range(s + 1, min(s + 5, e)) if "|" in gaps[k] and toks[k].norm in _BYLINE_WORDS), None)
    if pipe is not None:  # כאן חדשות | מאת ליאנה ח'טיב
        out = [_outlet(doc, s, pipe)] if _plain_words(doc, s, pipe) and not _person_words(doc, s, pipe) else []
        if 2 <= e - pipe - 1 <= 4 and _plain_words(doc, pipe + 1, e):
            out.append(_Hit(pipe + 1, e, toks[pipe + 1].start, toks[e - 1].end, "PER", ""))
        return out
    if toks[s].norm not in _BYLINE_WORDS and doc.tlang[s] == "he" and 3 <= e - s <= 7 and _given(doc, s) \
            and sum(g.count("\n") for g in gaps[:s + 1]) <= 4:
        c = next((k for k in range(s + 2, min(s + 5, e)) if "," in gaps[k]), None)  # נעמה ברגר, הארץ: a byline
        if c is not None and 1 <= e - c <= 2 and _plain_words(doc, s, c) and _plain_words(doc, c, e) \
                and not _stops(doc, c, e) and not _known_place(doc, c, e) and not _person_words(doc, c, e):
            return [_outlet(doc, c, e)]  # with no מאת: the reporter's name, a comma and the outlet, the whole line
        return []
    if toks[s].norm not in _BYLINE_WORDS or s + 1 >= e:
        return []
    if toks[s + 1].norm in _REPORTER_WORDS.get(doc.tlang[s], ()):  # מאת כתבת כלכליסט, מאת כתב ״הארץ״ בפריז
        a = s + 2
        b = next((k for k in range(a + 1, min(a + 4, e + 1)) if k == e or any(q in gaps[k] for q in _QUOTES)), a + 1) \
            if a < e and any(q in gaps[a] for q in _QUOTES) else a + 1
        return [_outlet(doc, a, b)] if b <= e and _plain_words(doc, a, b) else []
    c = next((k for k in range(s + 2, min(s + 9, e)) if any(ch in gaps[k] for ch in ",،|")), None)
    # (מאת נוי כהן ודנה לוי, הארץ: two reporters)
    if c is None:
        return []
    out = []
    two = next((k for k in range(s + 2, c - 1) if doc.tlang[k] == "he" and toks[k].norm[:1] == "ו"
                and toks[k].norm[1:] in rules.GIVEN.get("he", ()) and not doc.broken(k)), None)
    if two is not None and _given(doc, s + 1) and 2 <= two - s - 1 <= 4 and 2 <= c - two <= 4:
        out.append(_Hit(s + 1, two, toks[s + 1].start, toks[two - 1].end, "PER", ""))  # מאת נוי כהן ודנה לוי, הארץ:
        out.append(_Hit(two, c, toks[two].start + 1, toks[c - 1].end, "PER", ""))  # two reporters
    elif 2 <= c - s - 1 <= 4 and _plain_words(doc, s + 1, c) and (
            _given(doc, s + 1) or toks[s + 1].norm not in lexicon.common_words(doc.tlang[s + 1])):
        out.append(_Hit(s + 1, c, toks[s + 1].start, toks[c - 1].end, "PER", ""))  # (מאת מערכת החדשות: no one)
    x = next((k for k in range(c + 1, min(c + 5, e)) if _dash(gaps[k]) or "(" in gaps[k]), e)
    if _plain_words(doc, c, x) and (_quoted(doc, c) or not _known_place(doc, c, x)):
        out.append(_outlet(doc, c, byline_outlet_end(doc, c, x)))  # (מאת רוני שמואלי, ניקוסיה: where the reporter writes from)
    return out


def _paren_outlet(doc: _Doc, s: int, e: int) -> list[_Hit]:
    """عمّان 2 كانون الأول (بترا) – ...، القاهرة /أ ش أ/ –، کابل (طلوع‌نیوز) –: the agency in brackets after the
    dateline's place and date, before the dash (or the line's end)."""
    gaps = doc.gaps
    for a in range(s + 1, min(s + 9, e)):
        if "(" not in gaps[a] and not gaps[a].rstrip().endswith("/"):
            continue
        b = next((k for k in range(a + 1, min(a + 5, e + 1))
                  if k < len(gaps) and (")" in gaps[k] or "/" in gaps[k])), None)
        if b is None or not _plain_words(doc, a, b) or not (b == e or _dash(gaps[b])) \
                or gazetteer_match(doc, a, "LOC") is not None \
                or doc.toks[a].norm in _PLACEHOLDERS.get(doc.tlang[a], ()):
            return []  # (مابوتو (موزمبيق) – واج: the country of the place; (وكالات): agencies)
        return [_outlet(doc, a, b)]
    return []


def _dash_outlet(doc: _Doc, s: int, e: int) -> list[_Hit]:
    """طرابلس – «النهار»، کابل – طلوع‌نیوز، العقبة – الغد – ...، مشهد – روزنامه خراسان: a place, a dash and an
    outlet that ends the line or comes before a colon or another dash; دنیای اقتصاد – گروه بانک، عنب بلدي –
    حلب، اقتصادآنلاین – عسلویه: the outlet before the dash when a desk or a place follows it or its name
    says it is one."""
    toks, gaps, lang = doc.toks, doc.gaps, doc.tlang[s]
    d = next((k for k in range(s + 1, min(s + 4, e)) if _dash(gaps[k])), None)
    if d is None or not _plain_words(doc, s, d) or _stops(doc, s, d):
        return []
    x = next((k for k in range(d + 1, min(d + 5, e)) if any(ch in gaps[k] for ch in ":|(،,") or _dash(gaps[k])), None)
    if x is None:
        if e - d > 4:
            return []
        x = e
    if x < e and not (":" in gaps[x] or _dash(gaps[x]) or "|" in gaps[x]):
        return []
    a = d + 1 if toks[d].norm in _REPORTER_WORDS.get(lang, ()) else d  # خرم‌آباد – خبرنگار همشهری –
    if a >= x or not _plain_words(doc, a, x) or _stops(doc, a, x) or toks[a].norm in _DAYS.get(lang, ()) \
            or toks[a].norm in _PLACEHOLDERS.get(lang, ()):
        return []  # (موجز الوكالات – الثلاثاء: a day, no outlet; تهران – اطلاعیه مطبوعاتی: a press release)
    if toks[s].norm in _PLACEHOLDERS.get(lang, ()):
        return [] if _person_words(doc, a, x) else [_outlet(doc, a, x)]  # عواصم – «الشرق الأوسط»
    common = lexicon.common_words(lang)
    lead = toks[a].norm in _DESK_WORDS.get(lang, ()) or toks[a].norm in _FROM_WORDS or (not _quoted(doc, a) and (
        _known_place(doc, a, x) or (x - a >= 2 and all(toks[k].norm in common and not _al(doc, k) and not _he_det(doc, k)
                                                      for k in range(a, x)))
        or toks[d - 1].norm.endswith(_OUTLET_ENDINGS.get(lang, ("\0",)))))
    known = gazetteer_match(doc, a, "ORG")
    if lead and not _known_place(doc, s, d) and not (known is not None and known.j == x):
        # the outlet opens the line: دنیای اقتصاد – گروه بانک، هسبريس – من إفران، تجارت‌نیوز – بازار ارز
        if _person_words(doc, s, d):
            return []
        desk = [_Hit(a, x, toks[a].start, toks[x - 1].end, "O", "")] if toks[a].norm in _DESK_WORDS.get(lang, ()) else []
        return [_outlet(doc, s, d)] + desk  # (گروه خودرو: the outlet's desk, no body)
    if _person_words(doc, a, x) or (_known_place(doc, a, x) and not _quoted(doc, a)):
        return []  # الرياض – محمد الغامدي: the reporter
    return [_outlet(doc, a, x)] + _place_before(doc, s, d)


def _stops(doc: _Doc, a: int, b: int) -> bool:
    """A stop word among tokens a..b: a clause (a headline), not a dateline's name."""
    return any(rules.is_stop(doc.toks[k].text, doc.toks[k].norm, doc.tlang[k]) for k in range(a, b))


def dateline_outlets(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """``hits`` with the outlets (and bylines' reporters and places) named by the shape of a dateline or
    byline line, which no table or head word needs: صنعاء (سبأ) –، طرابلس – «النهار»، מאת נעמה ריבלין, הארץ.
    A rule hit of the same extent and another type (الشرق الأوسط as the region) becomes the outlet; hits
    inside the new one (וואלה in וואלה! ספורט) give way to it; one that crosses its edge wins."""
    toks, gaps = doc.toks, doc.gaps
    if not toks:
        return hits
    lines = [0] + [k for k, g in enumerate(gaps) if k and "\n" in g] + [len(toks)]
    found = [h for s, e in zip(lines, lines[1:]) if doc.tlang[s] in ("ar", "fa", "he")
             for h in (_byline(doc, s, e) or _paren_outlet(doc, s, e) or _dash_outlet(doc, s, e))]
    for hit in found:
        if hit.type == "O":
            hits = [h for h in hits if not hit.i <= h.i < hit.j]
            continue
        inside = [h for h in hits if hit.i <= h.i and h.j <= hit.j]
        if any(h.i < hit.j and hit.i < h.j and h not in inside for h in hits):
            continue  # crosses a rule hit's edge
        known = next((h.entity_id for h in inside if h.type == hit.type and h.entity_id), "")
        hit.entity_id = hit.entity_id or known  # וואלה! חדשות: the table's outlet, named in full
        same = next((h for h in inside if (h.i, h.j) == (hit.i, hit.j)), None)
        if same is not None:
            if hit.type == "ORG" and same.type != "ORG":
                same.type, same.entity_id = "ORG", hit.entity_id
            continue
        hits = [h for h in hits if h not in inside] + [hit]
    return sorted(hits, key=lambda h: h.start)


_NEWS_FA = normalise("نیوز")


def news_sites_fa(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """سلامت نیوز، گلستان‌نیوز، همشهری آنلاین: a word and an outlet ending (نیوز، آنلاین; fa outlet_endings)
    after it, apart or joined by a ZWNJ, name a news site (a table place or body it starts with is inside
    it); آنلاین only after a known body or a word outside the 5,000 most frequent (خرید آنلاین: online)."""
    toks = doc.toks
    ends = _OUTLET_ENDINGS.get("fa", ())
    found = [k for k in range(1, len(toks)) if toks[k].norm in ends and doc.tlang[k] == "fa" and doc.tlang[k - 1] == "fa"
             and doc.gaps[k] in (" ", "\u200c")]
    if not found:
        return hits
    for k in found:
        p = toks[k - 1]
        if not alpha(p.text) or len(p.norm) < 3 or p.norm in rules.FUNCTION_FA or p.norm in rules.STOP_FA \
                or any(h.i <= k < h.j for h in hits):
            continue
        before = [h for h in hits if h.i <= k - 1 < h.j]
        if any(h.i != k - 1 or h.j != k for h in before):
            continue  # the word is inside a longer name
        if toks[k].norm != _NEWS_FA and not (any(h.type == "ORG" for h in before)
                                            or p.norm not in lexicon.common_words("fa", 5000)):
            continue
        hits = [h for h in hits if h not in before] + [_Hit(k - 1, k + 1, p.start, toks[k].end, "ORG", "")]
    return sorted(hits, key=lambda h: h.start)


_COMPANY_WORDS_HE = lexicon.keys("company_words", "he")


def company_names_he(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """גלעדי הנדסה، אלון־רז השקעות، אלקטרה נדל"ן، ירדן פולימרים: a name word (a table name, or a word no frequency
    list holds, with its maqaf-joined pieces) and a company word after it (he company_words) are the company's
    name; a head's hit that ends with the name word (קבוצת אלקטרה) takes the company word too."""
    toks = doc.toks
    found = [k for k in range(1, len(toks)) if toks[k].norm in _COMPANY_WORDS_HE and doc.tlang[k] == "he"
             and doc.gaps[k] == " "]
    for k in found:
        over = [h for h in hits if h.i <= k < h.j]
        if any(h.type != "PER" or h.j != k + 1 or h.i != k - 1 for h in over):
            continue  # (ארבל פולימרים taken for a given name and a surname: the company word makes it the company)
        rest = [h for h in hits if h not in over]
        a = k - 1
        while a > 0 and doc.gaps[a] in ("-", "\u05be") and alpha(toks[a - 1].text.replace("'", "")):
            a -= 1  # אלון־רז: the joined pieces of one name
        before = [h for h in rest if h.i < k and h.j > a]
        if any(h.j != k for h in before):
            continue
        t = toks[k - 1]
        named = bool(over) or any(h.type in ("ORG", "LOC", "PER") for h in before)
        if doc.tlang[k - 1] != "he" or not alpha(t.text.replace("'", "").replace('"', "")) or len(t.norm) < 2 \
                or (a == k - 1 and (t.norm in rules.STOP_HE or t.norm[:1] == "ה")) or trigger_match(doc, k - 1) \
                or not (named or (a < k - 1) or (t.norm not in lexicon.common_words("he") and not _he_verb(doc, k - 1))):
            continue
        first = min(before, key=lambda h: h.i) if before else None
        if first is not None and first.i < a and not (stem_in(toks[first.i].norm, _KIND_HEADS_HE, 3)
                                                      and not stem_in(toks[first.i].norm, rules.ORG_NAME_ONLY_HE, 3)):
            first = None  # מפעל ירדן פולימרים: the company's name without the plant (but קבוצת נובה תקשורת)
        start_tok = min(a, first.i) if first is not None else a
        start = first.start if first is not None and first.i <= a else toks[a].start  # (קבוצת אלקטרה, לאלקטרה)
        n = toks[a].norm
        if first is None and a < k - 1 and n[:1] in "בלמוש" and len(n) >= 3 and (
                _given(doc, a) is False and (n[1:] in rules.GIVEN.get("he", ()) or n[1:] in lexicon.common_words("he"))):
            start += 1  # באלון־רז אחזקות: the clitic is no part of the name
        hits = [h for h in rest if h not in before] + [_Hit(start_tok, k + 1, start, toks[k].end, "ORG", "")]
    return sorted(hits, key=lambda h: h.start)


_COMPANY_SUFFIXES_HE = lexicon.keys("company_suffixes", "he")


def _initial_he(doc: _Doc, k: int) -> bool:
    """Token k is a Hebrew initial: one letter closed by a full stop (א.ב. שלד)."""
    return doc.tlang[k] == "he" and len(doc.toks[k].text) == 1 and k + 1 < len(doc.toks) \
        and doc.gaps[k + 1].startswith(".")


def _suffix_name_word_he(doc: _Doc, k: int) -> bool:
    """Token k may be a word of a company's name before its legal suffix: a Hebrew word that is no stop word,
    title, body head, article + an everyday word or verb (so the name stops at החברה, נגד, חברת, הגישה)."""
    t, n = doc.toks[k], doc.toks[k].norm
    return (doc.tlang[k] == "he" and alpha(t.text.replace("'", "").replace('"', "")) and len(n) >= 2
            and n not in rules.STOP_HE and not trigger_match(doc, k)
            and not (n[:1] == "ה" and len(n) > 3 and n[1:] in lexicon.common_words("he"))  # (החברה; but הובלות)
            and not stem_in(n, _ORG_GATES["he"], 3) and not _he_verb(doc, k) and not _he_future(doc, k)
            and not _he_past_verb(n) and not _he_clitic_word(doc, k))  # (בשם: "in the name of", no name word)


def _suffix_name_start_he(doc: _Doc, k: int) -> int:
    """Where the name before the legal suffix at k starts: up to three name words and any initials before
    them, with no punctuation between but an initial's full stop; k when there is none."""
    a, words = k, 0
    while a > 0 and words < 3 and k - a < 8:
        p = a - 1
        if _initial_he(doc, p) and a < k:
            a = p  # (an initial's full stop is the only punctuation inside the name)
        elif a < k and doc.gaps[a] in ("-", "\u05be") and doc.tlang[p] == "he" and alpha(doc.toks[p].text):
            a = p  # ברק־נוי: the maqaf-joined pieces of one name (ברק is no preposition on רק there)
        elif doc.broken(a) or not _suffix_name_word_he(doc, p):
            break
        else:
            a, words = p, words + 1
    while a < k - 1 and not _initial_he(doc, a) and doc.gaps[a + 1] not in ("-", "\u05be") and (
            '"' in doc.toks[a].norm or doc.toks[a].norm in lexicon.common_words("he", 3000)):
        a += 1  # על ידי | ברק־נוי ושות׳، רו"ח | בר־און: an everyday word or a profession's acronym opens no name
    return a


def _titled_he(doc: _Doc, a: int) -> bool:
    """A title (עו"ד، רו"ח، ד"ר) ends right before token a."""
    return any(trigger_match(doc, m) == a for m in range(max(0, a - 3), a))


def company_suffix_he(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """א.ב. שלד בע"מ، אבוטבול ושות׳: a company's legal suffix (he company_suffixes) and the one to three name words
    (initials too) before it are one company, whatever the rules read in those words (a surname, a table town,
    a head's shorter name: חברת גלבוע מתכת בע"מ gives the company without חברת)."""
    toks = doc.toks
    if not doc.keys & _COMPANY_SUFFIXES_HE:
        return hits
    for k in [k for k in range(1, len(toks)) if toks[k].norm in _COMPANY_SUFFIXES_HE and doc.tlang[k] == "he"
              and not doc.broken(k)]:
        a = _suffix_name_start_he(doc, k)
        if a == k or any(h.i <= k < h.j for h in hits):
            continue  # no name before it, or a name already runs over the suffix
        over = [h for h in hits if h.i < k and h.j > a]
        if any(h.j > k for h in over) or any(h.type == "PER" for h in over) and _titled_he(doc, a):
            continue  # (עו"ד דוד לנדאו ושות': a titled person and his partners, the person kept)
        kept = over[0].entity_id if len(over) == 1 and over[0].i == a and over[0].j == k and over[0].type == "ORG" else ""
        hits = [h for h in hits if h not in over] + [_Hit(a, k + 1, toks[a].start, toks[k].end, "ORG", kept)]
    return sorted(hits, key=lambda h: h.start)


_NESTED_HEADS = lexicon.keys("nested_heads", "he")
_NESTED_HEADS_FA = lexicon.keys("nested_heads", "fa")
_NESTED_BARE_HEADS_FA = lexicon.keys("nested_bare_heads", "fa")


def nested_bodies(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """ועדת הכלכלה של הכנסת: a committee and, after של, the table body it belongs to are one body (the gold
    convention for nested bodies: the longest name, the inner names its alternatives); the outer body is
    listed on its own only where the text names it outside the nested name."""
    def step(h: _Hit, nxt: _Hit | None) -> tuple[_Hit, int] | None:
        if nxt is not None and h.type == "ORG" and nxt.type == "ORG" and nxt.entity_id and not nxt.entity_id.startswith("org:~") \
                and nxt.i == h.j + 1 and doc.tlang[h.i] == "he" and doc.toks[h.j].norm == "של" \
                and not doc.broken(h.j) and not doc.broken(h.j + 1) \
                and any(s in _NESTED_HEADS for _, s in clitic_candidates(doc.toks[h.i].norm)[:3]):
            from tui.entities.resolve import unknown_id

            start = h.start + (1 if h.start > doc.toks[h.i].start and doc.text[h.start:h.start + 2] == "וו" else 0)
            inner = _Hit(h.i, h.j, start, h.end, "ORG", "")  # (בוועדת: the prefix doubled the ו of ועדת)
            # (the committee's id: a later ועדת הכלכלה alone is the same body)
            return _Hit(h.i, nxt.j, start, nxt.end, "ORG", h.entity_id or unknown_id("ORG", doc, inner)), 2
        if nxt is not None and h.type == "ORG" and nxt.type == "ORG" and nxt.i == h.j and doc.tlang[h.i] == "fa" \
                and not doc.broken(nxt.i) and nxt.start == doc.toks[nxt.i].start \
                and not (h.entity_id and not h.entity_id.startswith("org:~")) and doc.toks[h.i].norm in _NESTED_HEADS_FA:
            # کمیسیون عمران مجلس: its own id (a committee of another body with the same name is another body)
            return _Hit(h.i, nxt.j, h.start, nxt.end, "ORG", ""), 2
        if nxt is not None and _nested_ar(doc, h, nxt):
            from tui.entities.resolve import unknown_id

            # لجنة المالية بمجلس النواب، كلية الطب في جامعة بغداد
            return _Hit(h.i, nxt.j, h.start, nxt.end, "ORG", h.entity_id or unknown_id("ORG", doc, h)), 2
        return None

    out = rewrite_pairs(hits, step)
    covered = {m for h in out for m in range(h.i, h.j)}
    for n, h in enumerate(out):  # پژوهشکده شورای نگهبان: a bare head before a table body
        a = h.i - 1
        if h.type == "ORG" and a >= 0 and a not in covered and doc.tlang[h.i] == "fa" and h.entity_id \
                and not h.entity_id.startswith("org:~") and not doc.broken(h.i) and h.start == doc.toks[h.i].start \
                and doc.toks[a].norm in _NESTED_BARE_HEADS_FA:
            out[n] = _Hit(a, h.j, doc.toks[a].start, h.end, "ORG", "")
    return out


_NESTED_HEADS_AR = lexicon.keys("nested_heads", "ar")


def _nested_ar(doc: _Doc, h: _Hit, nxt: _Hit) -> bool:
    """لجنة المالية بمجلس النواب، كلية الطب في جامعة بغداد، وزارة النقل في حكومة الإقليم: a committee, faculty,
    department or ministry and the body after ب or في right after it are one body (the nested-body gold
    convention; in the training gold the long name is listed for 89 of 109 rule-found pairs after any head,
    and the pairs that are not are mostly clubs, centres and councils, which are left out)."""
    if h.type != "ORG" or nxt.type != "ORG" or doc.tlang[h.i] != "ar" or h.j >= len(doc.toks) or doc.broken(h.j) \
            or not any(s in _NESTED_HEADS_AR for _, s in clitic_candidates(doc.toks[h.i].norm)[:3]):
        return False
    toks = doc.toks
    if nxt.i == h.j + 1:
        return toks[h.j].norm == _FI_AR and not doc.broken(h.j + 1) and nxt.start == toks[h.j + 1].start
    return nxt.i == h.j and toks[h.j].norm[:1] == "ب" and nxt.start - toks[h.j].start == 1


_FI_AR = normalise("في")



_SEAT_HEADS_HE = lexicon.keys("seat_heads", "he")


def provincial_branches(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """جمعیت هلال احمر خوزستان، آموزش و پرورش استان فارس: in Persian a table body and the place written right after it
    (an ezafe, no preposition) name the body's branch there, one name (39 of 42 such pairs in the training gold)."""
    def step(h: _Hit, nxt: _Hit | None) -> tuple[_Hit, int] | None:
        if nxt is not None and h.type == "ORG" and nxt.type == "LOC" and h.entity_id and nxt.i == h.j \
                and doc.tlang[h.i] == "fa" and not doc.broken(nxt.i) and nxt.start == doc.toks[nxt.i].start:
            return _Hit(h.i, nxt.j, h.start, nxt.end, "ORG", ""), 2
        return None

    return rewrite_pairs(hits, step)


def venue_seats(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """מוזיאון הוויטני בניו יורק، בית העם ביפו، המשכן לאמנויות הבמה בבאר שבע: a venue, school or embassy named
    by its head noun and the ב-place right after it are one name (the gold lists it with and without the city,
    and the city not again for it); the place is kept where the text names it on its own."""
    def step(h: _Hit, nxt: _Hit | None) -> tuple[_Hit, int] | None:
        if nxt is not None and h.type in ("ORG", "LOC") and nxt.type == "LOC" and not h.entity_id and nxt.i == h.j \
                and doc.tlang[h.i] == "he" and not doc.broken(h.j) and doc.toks[h.j].norm[:1] == "ב" \
                and nxt.start > doc.toks[h.j].start and nxt.start - doc.toks[h.j].start == 1 and nxt.entity_id \
                and any(s in _SEAT_HEADS_HE for _, s in clitic_candidates(doc.toks[h.i].norm)[:3]) \
                and doc.toks[h.j - 1].norm not in _UNIQUE_COURTS_HE \
                and not any(gazetteer_match(doc, k, "ORG") is not None for k in range(h.i + 1, h.j)):
            # (a street or quarter after it is an address; בית המשפט העליון בירושלים: the court there is one of, and
            # its city listed; משכן הכנסת בירושלים: a table body inside the name)
            return _Hit(h.i, nxt.j, h.start, nxt.end, h.type, ""), 2
        if h.type == "ORG" and doc.tlang[h.i] == "ar" and h.j < len(doc.toks) and not doc.broken(h.j) \
                and is_nisba(doc, h.j) and normalise(doc.text[h.start:h.end]) in _NATIONAL_SOCIETIES_AR:
            # الهلال الأحمر القطري
            return _Hit(h.i, h.j + 1, h.start, doc.toks[h.j].end, "ORG", ""), 1
        if nxt is not None and _seat_ar(doc, h, nxt):
            return _Hit(h.i, nxt.j, h.start, nxt.end, "ORG", ""), 2
        return None

    return rewrite_pairs(hits, step)


_NATIONAL_SOCIETIES_AR = frozenset(normalise(p) for p in lexicon.phrases("national_societies", "ar").split("|"))


def _seat_ar(doc: _Doc, h: _Hit, nxt: _Hit) -> bool:
    """المحكمة الابتدائية بصفاقس، نقابة المهندسين في طرابلس، المعهد الموسيقي بتطوان: a body the rules named (no table
    body), named once, and the town after ب or في right after it are one name (the training gold lists the long name, alone or
    with the short one, for 77 of 92 rule-found bodies before ب + a town and 55 of 88 before في + a town); a country
    after it is where the body works, not its seat (اليونسكو في العراق)."""
    if h.type != "ORG" or nxt.type != "LOC" or h.entity_id or doc.tlang[h.i] != "ar" or h.j >= len(doc.toks) \
            or doc.broken(h.j) or is_country(nxt.entity_id):
        return False
    toks = doc.toks
    seat = nxt.i == h.j and toks[h.j].norm[:1] == "ب" and nxt.start - toks[h.j].start == 1 \
        and (town := gazetteer_match(doc, h.j, "LOC")) is not None and town.j == nxt.j  # (not بحي الروضة: an address)
    if not seat or any(gazetteer_match(doc, k, "ORG") is not None for k in range(h.i, h.j)):
        return False
    inner = doc.text[toks[h.i].end:toks[h.j - 1].end] if h.j - h.i >= 2 else doc.text[h.start:h.end]
    return doc.text.count(inner) == 1  # (a body the text also names alone elsewhere is listed by its short name)


_TEAM_WORDS_FA = frozenset(w.replace("\u200c", "") for w in lexicon.keys("team_words", "fa"))
_TEAM_FA = normalise("تیم")
_NATIONAL_FA = normalise("ملی")


def national_teams(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """تیم ملی فوتبال ایران، تیم ملی کشتی آزاد، تیم ملی وزنه‌برداری: a national team named by its sport, sex or
    age (and its country) is one body (the gold convention for national teams); the country inside it is not
    listed for it. A bare تیم ملی is a generic noun, not listed."""
    toks, gaps = doc.toks, doc.gaps
    out, teams = hits, []
    for k in range(len(toks) - 2):
        if toks[k].norm != _TEAM_FA or doc.tlang[k] != "fa" or toks[k + 1].norm != _NATIONAL_FA or doc.broken(k + 1):
            continue
        j = k + 2
        while j < len(toks) and not doc.broken(j):
            m = j + 1
            while m < len(toks) and gaps[m] == "\u200c":
                m += 1  # وزنه‌برداری: one word in two pieces
            if "".join(t.norm for t in toks[j:m]) not in _TEAM_WORDS_FA:
                break
            j = m
        if j < len(toks) and not doc.broken(j) and (c := gazetteer_match(doc, j, "LOC")) is not None \
                and is_country(c.entity_id):
            j = c.j  # ... ایران، تیم ملی گرجستان: the team's country
        if j == k + 2:
            continue  # تیم ملی alone
        team = _Hit(k, j, toks[k].start, toks[j - 1].end, "ORG", "")
        if any(h.i < j and k < h.j and not (k <= h.i and h.j <= j) for h in out):
            continue  # crosses a rule hit
        out = sorted([h for h in out if not (k <= h.i and h.j <= j)] + [team], key=lambda h: h.start)
        teams.append(team)
    if len(teams) > 1:  # تیم ملی هندبال مردان ایران ... تیم ملی هندبال: one team, its name shortened
        from tui.entities.resolve import unknown_id

        words = {id(t): {x.norm for x in toks[t.i:t.j]} for t in teams}
        for t in sorted(teams, key=lambda t: t.j - t.i, reverse=True):
            longer = next((u for u in teams if u.j - u.i > t.j - t.i and words[id(t)] < words[id(u)]), None)
            t.entity_id = (longer.entity_id or unknown_id("ORG", doc, longer)) if longer is not None else t.entity_id
    return out


_REPORT_FA = (normalise("به"), normalise("گزارش"))
_FROM_FA = normalise("از")


def reported_by(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """به گزارش ورزش سه، / به گزارش «دیجیاتو»، : the words between "according to the report of" and the comma
    name the outlet (up to "از" + a place: به گزارش ایمنا از اصفهان). A reporter or a desk first (به گزارش
    خبرنگار ایرنا) or a word of the rules' hits there leaves the line to the other rules."""
    toks = doc.toks
    taken = {k for h in hits for k in range(h.i, h.j)}
    out = hits
    for k in range(len(toks) - 3):
        if toks[k].norm != _REPORT_FA[0] or toks[k + 1].norm != _REPORT_FA[1] or doc.tlang[k] != "fa" or doc.broken(k + 1):
            continue
        a = k + 2
        x = next((m for m in range(a + 1, min(a + 5, len(toks) + 1))
                  if m == len(toks) or doc.broken(m) or toks[m].norm == _FROM_FA), None)
        if x is None or (x < len(toks) and doc.broken(x) and not any(c in doc.gaps[x] for c in "،,»\"")):
            continue
        if not _plain_words(doc, a, x) or taken & set(range(a, x)) or _stops(doc, a, x) \
                or toks[a].norm in _REPORTER_WORDS.get("fa", ()) or toks[a].norm in _DESK_WORDS.get("fa", ()) \
                or any(toks[m].norm in rules.OUTLET_HEADS for m in range(a, x)):
            continue
        words = [toks[m].norm for m in range(a, x)]
        eid = next((h.entity_id for h in hits if h.type == "ORG" and h.entity_id and h.j - h.i > x - a
                    and [t.norm for t in toks[h.j - (x - a):h.j]] == words), "")  # اعتماد after روزنامه اعتماد
        out = sorted(out + [_Hit(a, x, toks[a].start, toks[x - 1].end, "ORG", eid)], key=lambda h: h.start)
        taken |= set(range(a, x))
    return out
