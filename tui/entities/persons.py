"""Person rules: names after a title, after a verb of saying, from a common
given name, in apposition, and a second person coordinated with a first.

Each rule takes a :class:`~tui.entities.doc._Doc` and a token index and
returns a ``PER`` hit or None; :mod:`tui.entities.engine` decides when each
is tried.
"""

from __future__ import annotations

import re

from tui.entities import lexicon, rules
from tui.entities.doc import (
    _HE_AL,
    _JOINERS,
    _QUOTES,
    _al,
    _Doc,
    _given,
    _he_det,
    _he_verb,
    _Hit,
    alpha,
    boundary,
    gaps_matching,
    gazetteer_match,
    he_verb_form,
    is_country,
    is_nisba,
    name_like,
    plain,
    strong_boundary,
    trigger_match,
)
from tui.entities.gazetteer import gap_key
from tui.entities.guards import _suffixed_common_ar
from tui.text.normalize import clitic_candidates

_MONTH_NAMES_HE = lexicon.keys("month_names", "he")


_COMPLEMENTIZERS = lexicon.keys("complementizers")


def _to_body_ar(doc: _Doc, k: int) -> bool:
    """لوكالة، لصحيفة: "to the agency/paper" right after a name ends it (الصقري لوكالة الأنباء العمانية)."""
    if k >= len(doc.toks) or doc.tlang[k] != "ar" or doc.broken(k):
        return False
    n = doc.toks[k].norm
    return n[:1] == "ل" and (n[1:] in rules.OUTLET_HEADS or n[1:] in rules.ORG_HEADS_AR)


def person_after_title(doc: _Doc, i: int) -> _Hit | None:
    """Name tokens starting at i, as a person, if they look like one."""
    toks = doc.toks
    if (aged := _given_place_aged(doc, i)) is not None:
        return aged  # הבלם יונתן עכו, בן 22
    if doc.tlang[i] == "ar" and toks[i].norm[:1] in ("ب", "ل") and len(toks[i].norm) >= 5 and not _given(doc, i) \
            and toks[i].norm not in lexicon.surnames("ar") and toks[i].norm[1:] in lexicon.common_words("ar") \
            and not plain(toks[i].text).startswith(("ال", "لل")):
        return None  # المتهم بتعويض، ...، بإلزام المنصات: a preposition on a verbal noun after a title, not a name
    if _given_word_ar(doc, i) and not _given(doc, i) and i + 1 < len(toks) and not doc.broken(i + 1) and _given(doc, i + 1) \
            and (rest := person_after_title(doc, i + 1)) is not None and rest.i == i + 1 \
            and (rest.j - rest.i == 2 or (rest.j - rest.i == 3 and strong_boundary(doc, rest.j))):
        return _Hit(i, rest.j, toks[i].start, rest.end, "PER", "")  # المهندس سلام حمود الكناني
    if doc.tlang[i] == "ar" and i > 0 and not doc.broken(i) and toks[i - 1].norm in _WORD_TITLES_AR and not _given(doc, i) \
            and _everyday_ar(doc, i):
        return None  # الفريق مسح الموقع، الفريق أعاد بناء: "the team" and a verb or noun, not Lt. Gen. X
    if doc.tlang[i] == "ar" and i > 0 and not _given(doc, i) and _suffixed_common_ar(doc, i) and (
            i + 1 >= len(toks) or doc.broken(i + 1) or toks[i + 1].norm in lexicon.common_words("ar") or _given(doc, i + 1)):
        return None  # رفع العميد رصيده، ردّ المحامي دفاعه: a noun with a possessive pronoun is no name
    if doc.tlang[i] == "he" and i + 2 < len(toks) and not _given(doc, i) and _given(doc, i + 1) and not doc.broken(i + 1) \
            and doc.gaps[i + 2] not in _JOINERS \
            and name_like(doc, i, first=True) and gazetteer_match(doc, i + 1, "PER") is None \
            and name_like(doc, i + 2, first=False) and gazetteer_match(doc, i + 2, "PER") is None:
        i += 1  # ראש המועצה שומרון יוסי דגן: the name starts at the given name
    if doc.tlang[i] == "he" and toks[i].norm.startswith("וה") and len(toks[i].norm) > 4 and not _given(doc, i):
        if i + 1 >= len(toks) or doc.broken(i + 1):
            return None  # שר הבינוי והשיכון: "and the ..." continues the portfolio
        i += 1
    if doc.tlang[i] == "he" and i > 0 and toks[i].norm.startswith("ל") and not doc.broken(i) and not _given(doc, i):
        return None  # השר לעניינים אסטרטגיים, יו"ר הוועדה לענייני ...: a portfolio, not a name
    if _of_phrase_ar(doc, i):
        return None
    if doc.tlang[i] == "he" and toks[i].norm[:1] == "ש" and toks[i].norm[1:] in lexicon.common_words("he") \
            and not _given(doc, i) and gazetteer_match(doc, i) is None:
        return None  # מבקר המדינה שפורסם: "that was published", a relative clause, not a name
    if doc.tlang[i] == "he" and i > 0 and toks[i - 1].norm == "של" and not doc.broken(i):
        return None  # הכלכלנית הראשית של מיטב: whose economist, not her name
    if doc.tlang[i] == "he" and i > 0 and toks[i - 1].norm.startswith("ל") and not _given(doc, i - 1) \
            and toks[i].norm.endswith(("ים", "ית", "יות")) and not _given(doc, i):
        return None  # השר לעניינים אסטרטגיים: the portfolio's adjective
    if doc.tlang[i] == "he" and toks[i].norm in _MONTH_NAMES_HE and i + 1 < len(toks) and not doc.broken(i + 1) \
            and name_like(doc, i + 1, first=False) and gazetteer_match(doc, i + 1) is None and boundary(doc, i + 2):
        return _Hit(i, i + 2, toks[i].start, toks[i + 1].end, "PER", "")  # פרופ' יולי תמיר: a name, not July
    j, count, free, joined = i, 0, 0, 0
    last_joined = False
    while j < len(toks) and count < 3 + free:
        if j > i and doc.gaps[j] in _JOINERS and (name_like(doc, j, first=False) or _he_joined_piece(doc, j)
                                                   or _fa_joined_piece(doc, j)):
            j += 1  # مدنی‌زاده، בר-דוד: one name word in two pieces
            last_joined = True
            continue
        if j > i and toks[j].norm in _HE_AL and j + 1 < len(toks) and doc.gaps[j + 1] in _JOINERS \
                and alpha(toks[j + 1].text.replace("'", "")) and not doc.broken(j):
            j += 2  # אל-הוואשלה: the Arabic article and the name
            count += 1
            continue
        if j == i + 1 and doc.gaps[j].strip() in ("(", "(\"", "(״") and j + 1 < len(toks) \
                and doc.gaps[j + 1].strip() in (")", "\")", "״)") \
                and name_like(doc, j, first=False) and name_like(doc, j + 1, first=False) \
                and boundary(doc, (e := _joined_end(doc, j + 2))):
            j = e  # אליעזר (לייזי) פרנקל، אליהו (אלי) בן־שושן: a nickname in brackets between the given name and the surname
            count += 2
            continue
        if j > i and doc.broken(j):
            break
        n = toks[j].norm
        if (n in rules.CONNECTORS or toks[j].text in rules.CONNECTORS_EN) and j + 1 < len(toks) and not doc.broken(j + 1) \
                and (j > i or n in _LEAD_CONNECTORS):
            j += 1
            continue
        if j > i and doc.tlang[j] == "ar" and n in _PARTICLES_AR and j + 1 < len(toks) and not doc.broken(j + 1) \
                and (name_like(doc, j + 1, first=False) or toks[j + 1].norm in _PARTICLES_AR):
            j += 1  # لوكاس فيريرا دا سيلفا، ماتياس فان دير بورخت: a particle inside a foreign name
            continue
        after_connector = j > i and doc.tlang[j] == "ar" and toks[j - 1].norm in _LEAD_CONNECTORS \
            and plain(toks[j].text).startswith("ال") and alpha(toks[j].text) and not trigger_match(doc, j)
        second = doc.tlang[j] == "ar" and j > i and free < 2 and count >= 1 and n in _SECOND_GIVEN_AR \
            and toks[j - 1].norm not in rules.CONNECTORS  # محمد الأمين، حسام الدين: a compound given name
        kin_title = doc.tlang[j] == "ar" and j > i and toks[j - 1].norm in _KIN_AR and trigger_match(doc, j) == j + 1 \
            and j + 1 < len(toks) and not doc.broken(j + 1)  # ياسين ولد الشيخ أحمد: a title word as a father's name
        if not name_like(doc, j, first=(j == i)) and not after_connector and not second and not kin_title:
            break  # (عبد السلام، أبو الغيط: after عبد/أبو an ال-word is the name's own)
        if second or (doc.tlang[j] == "ar" and j > i and free < 2 and count >= 1
                      and (toks[j - 1].norm in _KIN_AR or toks[j - 1].norm in _PARTICLES_AR
                           or (j - 2 > i and toks[j - 2].norm in _KIN_AR and trigger_match(doc, j - 1) == j))):
            free += 1  # سيدي محمد ولد أحمد فال، حسام الدين فؤاد عبد الحميد: the word after "son/daughter of" and
            joined += second  # the second word of a compound given name do not count toward the three words
        elif count - joined == 2 and free < 2 and _four_part_ar(doc, j):
            free += 1  # كاظم جبار عبيد الساعدي، : a grandfather's given name, then the family name, then the end
        elif count - joined >= 2 and ((doc.tlang[j] == "he" and not _given(doc, i)) or not (
                boundary(doc, j + 1) or _to_body_ar(doc, j + 1) or _rare_al_surname(doc, j) or _rare_surname_ar(doc, j))):
            break  # a third word only when the name clearly ends there; Hebrew names: two words
        elif count - joined >= 3 and doc.tlang[j] == "ar" and n in lexicon.common_words("ar") \
                and n not in lexicon.surnames("ar") and not _given(doc, j):
            break  # (a fourth word, after ولد/بن, is no everyday word: عبدالإله بن فهد السبيعي | رأت)
        if count == 2 and doc.tlang[j] == "he" and n in lexicon.common_words("he") and not _given(doc, j):
            break  # חנוך לוין יעלה, דנה שגיא ליוותה: a frequent third word is the verb after the name
        if doc.tlang[j] == "he" and last_joined and (count == 2 or (count == 1 and toks[j - 2].norm in rules.CONNECTORS)) \
                and not _given(doc, j):
            count = 2
            break  # עומרי בן־דוד | חילק: a surname of two joined pieces ends the name; the next word is the verb
        if j > i and not (j + 1 < len(toks) and _fa_joined_piece(doc, j + 1)) and (known := gazetteer_match(doc, j, "PER")):
            # (سلیمانی‌نسب: a longer surname than the table's سلیمانی)
            if count == 1 and j == i + 1 and _given(doc, i) and known.j == j + 1 and known.start == toks[j].start \
                    and known.entity_id and gazetteer_match(doc, i) is None:
                return _Hit(i, j + 1, toks[i].start, toks[j].end, "PER", known.entity_id)  # دیمیتری پسکوف: a table surname
            break
        if j > i and doc.tlang[j] == "he" and n[:2] in ("מה", "בה", "לה") and n[2:] in lexicon.common_words("he"):
            break  # עו"ד ג'ומאנה ח'ורי-נסאר מהאגודה: "from the association", not a third name word
        if (j > i + 1 or (j == i + 1 and doc.tlang[j] == "he" and toks[i].norm in lexicon.common_words("he"))) \
                and _clitic_on_word(doc, j) and not (doc.tlang[j] == "ar" and toks[j - 1].norm in _KIN_AR):
            break  # עומר ששון מבישול، רנא ח׳טיב מטמרה، م. الكوهجي بمصادرة: a preposition on a word or a place
        count += 1
        j += 1
        last_joined = False
    while j > i and toks[j - 1].norm in rules.CONNECTORS:
        j -= 1
    if 0 < count < 3 and j + 1 < len(toks) and not doc.broken(j) and _initial_at(doc, j) \
            and (count == 2 or _given(doc, i) or toks[i].norm not in lexicon.common_words(doc.tlang[i])
                 or (doc.tlang[i] == "ar" and toks[i].norm in _LEAD_CONNECTORS and j == i + 2)) \
            and (name_like(doc, j + 1, first=False) or plain(toks[j + 1].text).startswith("ال")) \
            and not _clitic_on_word(doc, j + 1) \
            and not (doc.tlang[j] in ("fa", "he") and toks[j + 1].norm in lexicon.common_words(doc.tlang[j])
                     and toks[j + 1].norm not in lexicon.surnames(doc.tlang[j])):
        # (אסתר ט׳ | מקריית יערים: a place follows the initial; بهزاد م. | کارمند سابق: an everyday noun)
        j = _joined_end(doc, j + 2)  # حسام الدين ف. طنطاوي، שלומית ד. רביב: a middle initial, then the surname
        if toks[j - 1].norm in rules.CONNECTORS and j < len(toks) and not doc.broken(j) and name_like(doc, j, first=False):
            j += 1  # منى ك. عبد الباقي
        count += 1  # (but השופט בדימוס | י' אלמליח: an everyday word alone before the initial is no given name)
    if count == 3 and j + 1 < len(toks) and toks[j].norm in _HE_AL and doc.gaps[j + 1] in _JOINERS \
            and not doc.broken(j) and alpha(toks[j + 1].text.replace("'", "")):
        j += 2  # מוחמד בן עבדול רחמן אל-ת'אני
    if count == 0 or j == i:
        return None
    if count == 1 and j == i + 1 and doc.tlang[i] in ("fa", "he") and _given(doc, i) and (dot := _last_initial(doc, j)):
        return _Hit(i, j + 1, toks[i].start, toks[j].end + dot, "PER", "")  # مهرداد ش.، אסתר ט׳: a name cut to its initial
    if count == 1 and doc.tlang[i] == "ar" and j == i + 1 and _given(doc, i) and j < len(toks) and not doc.broken(j) \
            and is_nisba(doc, j) and (j + 1 >= len(toks) or boundary(doc, j + 1)):
        j, count = j + 1, 2  # المتحدث باسم الوزارة وليد المصري: a given name and a nisba surname
    if count == 1 and (doc.tlang[i] == "fa" or not strong_boundary(doc, j)):
        return None  # Persian news names people in full; a lone word there is usually a verb part
    if count == 1 and j == i + 1 and doc.tlang[i] == "ar" and toks[i].norm in lexicon.common_words("ar") \
            and toks[i].norm not in lexicon.common_words("ar", 1000) and not _given(doc, i) \
            and toks[i].norm not in lexicon.surnames("ar"):
        return None  # الفريق عثر، الفريق رصد: "the team found", a verb, not General X (علي, spelt as على, is
        # among the 1,000 most frequent words and stays a name after الإمام)
    if doc.tlang[i] == "fa":
        if j < len(toks) and toks[j].norm in rules.LIGHT_VERBS_FA:
            j -= 1  # موافقت کردند: the last word belongs to the verb
            if j - i < 2:
                return None
        elif j < len(toks) and not doc.broken(j) and not _given(doc, i) and name_like(doc, j, first=False):
            return None  # the run goes on (حفاظت محیط زیست ...): common nouns, not a name
    return _Hit(i, j, toks[i].start, toks[j - 1].end, "PER", "")


def _he_joined_piece(doc: _Doc, k: int) -> bool:
    """Token k is the second piece of a Hebrew maqaf- or hyphen-joined name word opening with ו or ה
    (ג'ונס־וויליאמס، בן־הרוש): after the maqaf it is no conjunction nor article."""
    n = doc.toks[k].norm
    return doc.tlang[k] == "he" and n[:1] in ("ו", "ה") and len(n) > 2 and alpha(doc.toks[k].text.replace("'", "")) \
        and n not in rules.STOP_HE and n[1:] not in rules.STOP_HE and gazetteer_match(doc, k, "LOC ORG MISC") is None


_AGE_WORDS_HE = lexicon.keys("age_words", "he")


def _given_place_aged(doc: _Doc, i: int) -> _Hit | None:
    """אליה נשר, בן 21: a listed given name and a town's one-word name before an age are the person, not the town."""
    if doc.tlang[i] != "he" or i + 2 >= len(doc.toks) or doc.broken(i + 1) or not _given(doc, i) \
            or not alpha(doc.toks[i + 1].text.replace("'", "")) or doc.toks[i + 1].norm in rules.STOP_HE \
            or _given(doc, i + 1):
        return None
    place = gazetteer_match(doc, i + 1, "LOC")
    if place is None or place.j != i + 2 or place.start != doc.toks[i + 1].start or is_country(place.entity_id):
        return None
    j = _joined_end(doc, i + 2)
    return _Hit(i, j, doc.toks[i].start, doc.toks[j - 1].end, "PER", "") if _age_after(doc, j) else None


def _age_after(doc: _Doc, k: int) -> bool:
    """Token k, after a comma, is בן/בת and a number (יונתן ערד, בן 19): the words before it name a person."""
    toks = doc.toks
    return k + 1 < len(toks) and doc.tlang[k] == "he" and "," in doc.gaps[k] and toks[k].norm in _AGE_WORDS_HE \
        and toks[k + 1].text.isdigit() and not doc.broken(k + 1)


def _fa_joined_piece(doc: _Doc, k: int) -> bool:
    """Token k is a ZWNJ-joined piece of a Persian surname that is also a word (بنی‌طرف، سلیمانی‌نسب، نوروزی‌فام):
    inside one written word it is no word of its own; not a plural or possessive suffix."""
    n = doc.toks[k].norm
    return doc.tlang[k] == "fa" and doc.gaps[k] == "\u200c" and k > 0 and doc.tlang[k - 1] == "fa" \
        and n not in rules.SUFFIXES_FA and len(n) >= 2 and alpha(doc.toks[k].text) \
        and doc.toks[k - 1].norm not in rules.SUFFIXES_FA


def _joined_end(doc: _Doc, k: int) -> int:
    """The token after the word that ends at token k - 1, a hyphen or maqaf joining its pieces (בן־שושן)."""
    while k < len(doc.toks) and doc.gaps[k] in _JOINERS and alpha(doc.toks[k].text.replace("'", "")):
        k += 1
    return k


def _clitic_on_word(doc: _Doc, k: int) -> bool:
    """Token k is a preposition (ב/ל/מ/כ, ب/ل) on an everyday word or on a known place (מבישול، לפנדל، מטמרה،
    بمصادرة): the sentence going on after a name, not a name word. Listed names and surnames are never so."""
    lang, n = doc.tlang[k], doc.toks[k].norm
    if lang not in ("ar", "he") or n[:1] not in ("בלמכ" if lang == "he" else "بل") or len(n) < 4 \
            or n in rules.GIVEN.get(lang, ()) or n in lexicon.surnames(lang):
        return False
    if n[1:] in lexicon.common_words(lang, 0 if lang == "he" else 5000):
        return True  # (Arabic: among the 5,000 most frequent; بلعيد، بابان are surnames)
    place = gazetteer_match(doc, k, "LOC")
    return place is not None and place.i == k and place.start > doc.toks[k].start  # (מקריית יערים: two words)


def _rare_al_surname(doc: _Doc, k: int) -> bool:
    """Token k is an Arabic ال-word of no frequency list ending in ي (الكواري، النقبي، العتيبي): a family
    name, the third word of a name even before a verb (حمد سالم الكواري هدف الفوز)."""
    n = doc.toks[k].norm
    return doc.tlang[k] == "ar" and n.startswith("ال") and n.endswith("ي") and len(n) >= 5 \
        and n not in lexicon.common_words("ar") and not is_nisba(doc, k)


_PARTICLES_AR = lexicon.keys("name_particles", "ar")
_GIVEN_WORDS_AR = lexicon.keys("frequent_given", "ar")


def _four_part_ar(doc: _Doc, k: int) -> bool:
    """Token k, the third word of an Arabic name, is a listed given name and the next one a family name
    (a rare ال-word ending in ي or a listed surname) before the name's clear end: four words."""
    toks = doc.toks
    return doc.tlang[k] == "ar" and _given(doc, k) and k + 1 < len(toks) and not doc.broken(k + 1) \
        and not any(plain(toks[m].text).startswith("ال") for m in range(max(0, k - 2), k)) \
        and toks[k + 1].norm.startswith("ال") and (_rare_al_surname(doc, k + 1) or toks[k + 1].norm in lexicon.surnames("ar")) \
        and strong_boundary(doc, k + 2)


def _given_word_ar(doc: _Doc, k: int) -> bool:
    """Token k is a given name that is also an everyday word (صباح، سلام، علي with a dotted ya)."""
    return doc.tlang[k] == "ar" and doc.toks[k].norm in _GIVEN_WORDS_AR and (
        doc.toks[k].norm != _ALI or doc.toks[k].text == _ALI)


def _rare_surname_ar(doc: _Doc, k: int) -> bool:
    """Token k, the third word of an Arabic name, is a word of no frequency list in any clitic reading and no
    table name (بوشلاغم، قبلان، المطوع): a family name even before a verb or a noun (فيصل جاسم البدر جرس)."""
    n = doc.toks[k].norm
    if doc.tlang[k] != "ar" or len(n) < 3 or not alpha(doc.toks[k].text) or _TANWEEN_AR.search(doc.toks[k].text) \
            or plain(doc.toks[k].text).startswith("ال") or n[:1] == "ف" or n[:2] in ("بت", "لت") \
            or (n[:1] in "يتن" and len(n) >= 4) or (n.endswith("ت") and not n.endswith("ات")) \
            or (n[:2] in ("سي", "ست", "سن") and len(n) >= 5) or _given(doc, k):
        return False  # (أحالت، فأشادت، يستبدل، سيراسل، بتصديه: a verb or a preposition on a verbal noun; a given
        # name opens the next person's name)
    common = lexicon.common_words("ar")
    return not any(s in common for _, s in clitic_candidates(n)[:3]) and gazetteer_match(doc, k, "LOC ORG") is None \
        and not rules.is_stop(doc.toks[k].text, n, "ar") and not trigger_match(doc, k)


def _of_phrase_ar(doc: _Doc, i: int) -> bool:
    """الرئيس التنفيذي لتوتال إنرجيز، الرئيس الروحي لطائفة الموحدين: a ل-word after a title says
    whose title it is; the name comes after it."""
    toks = doc.toks
    if doc.tlang[i] != "ar" or doc.broken(i) or i == 0:
        return False
    raw = plain(toks[i].text)
    if not raw.startswith("ل") or raw.startswith("لل") or _given(doc, i) or len(raw) < 4:
        return False
    stem = toks[i].norm[1:]
    if i + 1 < len(toks) and not doc.broken(i + 1) and _al(doc, i + 1) and not is_nisba(doc, i + 1):
        return True  # لطائفة الموحدين
    return any(stem == doc.toks[k].norm for k in range(i - 1)) or gazetteer_match(doc, i, "ORG") is not None


def _given_place_person(doc: _Doc, i: int) -> _Hit | None:
    toks = doc.toks
    j = i + 1
    if j >= len(toks) or doc.broken(j):
        return None
    known = gazetteer_match(doc, j)
    if (known is None and not name_like(doc, j, first=False)) \
            or (known is not None and (known.type != "PER" or known.j != j + 1)):
        return None
    if not (j + 1 >= len(toks) or doc.broken(j + 1) or rules.is_stop(toks[j + 1].text, toks[j + 1].norm, doc.tlang[j + 1])):
        return None
    return _Hit(i, j + 1, toks[i].start, toks[j].end, "PER", "")


def appositive(doc: _Doc, i: int, hits: list[_Hit]) -> _Hit | None:
    """فرزين محمدرضا، رئيس كل البنك: a name just before "، title" is a person."""
    if i < 2 or doc.tlang[i] == "en" or not any(c in doc.gaps[i] for c in "،,"):
        return None
    covered_to = hits[-1].j if hits else 0
    for size in (3, 2):
        a = i - size
        if a < max(covered_to, 0):
            continue
        if not (a == 0 or doc.broken(a) or doc.toks[a - 1].norm in rules.stop_words(doc.tlang[a - 1])):
            continue
        if a > 0 and doc.gaps[a].strip()[-1:] in tuple(_QUOTES):
            continue  # "ערוך לכל תרחיש", ורמטכ"ל ...: the end of a quotation, not a name
        if any(doc.broken(k) for k in range(a + 1, i)):
            continue
        if all(name_like(doc, k, first=(k == a)) or (k == a and doc.toks[k].norm in rules.GIVEN_TITLES)
               or (k == i - 1 and k > a and _given(doc, a) and trigger_match(doc, k) == k + 1)
               for k in range(a, i)):  # (علیرضا دبیر، رئیس ...: a surname that is also a title word)
            return _Hit(a, i, doc.toks[a].start, doc.toks[i - 1].end, "PER", "")
    return None


_DET_FA = lexicon.keys("det", "fa")


def _role_then_name(doc: _Doc, i: int) -> _Hit | None:
    """وقالت الناخبة سلمى العبادي إن، אמר האנליסט מקסים ריבניקוב כי: a verb of saying, one determined
    role noun, then a two- or three-word name that ends the phrase."""
    toks, lang = doc.toks, doc.tlang[i]
    if i == 0 or doc.broken(i) or not _say(doc, i - 1) or i + 2 >= len(toks) or doc.broken(i + 1):
        return None
    det = _al(doc, i) if lang == "ar" else _he_det(doc, i)
    if not det or is_nisba(doc, i) or trigger_match(doc, i) or gazetteer_match(doc, i) is not None \
            or rules.is_stop(toks[i].text, toks[i].norm, lang):
        return None
    hit = person_after_title(doc, i + 1)
    if hit is None or hit.j - hit.i < 2 or any(gazetteer_match(doc, k) is not None for k in range(hit.i, hit.j)):
        return None
    if hit.j < len(toks) and not doc.broken(hit.j) and toks[hit.j].norm not in _COMPLEMENTIZERS \
            and not plain(toks[hit.j].text).startswith(("ل", "ל")):
        return None
    return hit


def _say(doc: _Doc, k: int) -> bool:
    """Token k is a verb of saying (with a conjunction: وقال، ואמר).

    Answered for every token of the text at the first question (kept on the doc): the person rules
    ask it two or three times a token, of the token before and of the ones after."""
    return says(doc)[k]


def says(doc: _Doc) -> list[bool]:
    """:func:`_say` of every token of the text, worked out at the first question (kept on the doc; a
    text repeats its words: each distinct word is looked up once)."""
    out = doc.memo.get("says")
    if out is None:
        per_word = [_says_word(lang, t.norm) for t, lang in zip(doc.words, doc.wlang)]
        out = [per_word[w] for w in doc.wid]
        gaps = doc.gaps
        for k in range(len(out) - 1):
            if out[k] and gaps[k + 1] in _JOINERS:
                out[k] = False  # گفت‌وگو: a noun, not "said"
        doc.memo["says"] = out
    return out


def _says_word(lang: str, n: str) -> bool:
    """The folded word ``n`` of ``lang`` is a verb of saying, alone or after و / ف / ו."""
    verbs = rules.SAY.get(lang, frozenset())
    return n in verbs or (n[:1] in "وفו" and n[1:] in verbs)


_SENTENCE_END = re.compile(r"[.!?؟\n]")
_STOP_MARK = re.compile(r"[.!?؟]")


def _say_ahead(doc: _Doc, i: int) -> bool:
    """A verb of saying at i + 3 or later, with no full stop, ! or ? before it from i on: what a name
    opening a clause at i needs before :func:`said_person` takes it (a name of two words or more, then
    a verb of saying in its sentence: :func:`_sentence_says` after the name)."""
    return say_ahead(doc)[i]


def say_ahead(doc: _Doc) -> list[bool]:
    """:func:`_say_ahead` of every token, worked out once per text from the end: ``reach[m]`` is whether
    a verb of saying is at m or after it in m's sentence."""
    ahead = doc.memo.get("say_ahead")
    if ahead is None:
        n = len(doc.toks)
        stop = gaps_matching(doc.gaps, _STOP_MARK)
        reach, said = [False] * (n + 1), says(doc)
        for m in range(n - 1, -1, -1):
            reach[m] = said[m] or (m + 1 < n and reach[m + 1] and not stop[m + 1])
        ahead = doc.memo["say_ahead"] = [i + 3 < n and reach[i + 3] and not (stop[i + 1] or stop[i + 2] or stop[i + 3])
                                         for i in range(n)]
    return ahead


def _sentence_says(doc: _Doc, k: int) -> bool:
    """A verb of saying follows token k in its sentence."""
    for m in range(k + 1, min(k + 40, len(doc.toks))):
        if _SENTENCE_END.search(doc.gaps[m]):
            return False
        if _say(doc, m):
            return True
    return False


def _coordinated(doc: _Doc, k: int) -> _Hit | None:
    """וחאלד כבוב / ومحمد سرور right after a titled person: a second person of the same title."""
    if k + 1 >= len(doc.toks) or doc.broken(k) or doc.tlang[k] not in ("ar", "he") or doc.toks[k].norm[:1] not in "וو":
        return None
    if not _given(doc, k) and doc.tlang[k] == "ar":
        return None
    tok = doc.toks[k]
    stem = tok.norm[1:]
    if len(stem) < 2 or rules.is_stop(tok.text[1:], stem, doc.tlang[k]) or trigger_match(doc, k) or doc.broken(k + 1):
        return None
    if stem in rules.org_heads(doc.tlang[k]) or stem.startswith("ה") or not name_like(doc, k + 1, first=False):
        return None
    if gazetteer_match(doc, k + 1) is not None and gazetteer_match(doc, k + 1, "PER") is None:
        return None
    end = k + 2
    if not (end >= len(doc.toks) or boundary(doc, end) or doc.gaps[end] in _JOINERS):
        return None
    while end < len(doc.toks) and doc.gaps[end] in _JOINERS:
        end += 1
    return _Hit(k, end, doc.start_after_clitic(k, 1), doc.toks[end - 1].end, "PER", "")


def said_person(doc: _Doc, i: int, covered: int) -> _Hit | None:
    """People with no title, named by whom they are quoted: "وقال علاء البطة إن"، "אמרה נועה לוי כי"
    (a verb of saying right before two or three name words), or "گلاب‌شاه رحیمی، کارگر ... گفت"
    (two or three name words opening a clause, a comma, and a verb of saying later in the sentence)."""
    lang = doc.tlang[i]
    if lang in ("ar", "he") and (role := _role_then_name(doc, i)) is not None:
        return role
    if lang not in rules.SAY:
        return None
    # The cheap tests of the context first, the costly name_like last: every token of a text comes
    # here, and an Arabic one is only a name after a verb of saying (all the tests are pure).
    verb_first = i > 0 and not doc.broken(i) and _say(doc, i - 1) and lang != "fa"  # Persian: گفت ends its clause
    if verb_first and lang == "he" and doc.toks[i].norm[:1] in "בלמכהש":
        return None  # אמר בכנס חירום, אמר במסיבת עיתונאים: where or to whom, not who
    prev = doc.toks[i - 1].norm if i > 0 else ""
    opens = lang != "ar" and (i == 0 or doc.broken(i) or rules.is_stop(doc.toks[i - 1].text, prev, doc.tlang[i - 1])) \
        and not (lang == "fa" and not doc.broken(i) and prev in _DET_FA) \
        and not (lang == "he" and doc.toks[i].norm[:1] in "שבלמכ")  # שאחיה עומר: a relative clause
    if not (verb_first or opens) or (doc.broken(i) and gap_key(doc.gaps[i]) in ("،", ",") and covered == i):
        return None  # נתניהו, ראש הממשלה, ...: a description of the one just named
    if not verb_first and not _say_ahead(doc, i):
        return None  # a name opening a clause is taken only before a verb of saying in its sentence
    if not name_like(doc, i, first=True) or _given(doc, i):
        return None
    if verb_first and lang == "ar" and i + 1 < len(doc.toks) and not doc.broken(i + 1) and _al(doc, i + 1) \
            and (doc.toks[i].norm in lexicon.common_words("ar") or _role_shape_ar(doc, i)) \
            and doc.toks[i].norm not in lexicon.surnames("ar") and doc.toks[i].norm not in rules.CONNECTORS:
        return None  # وأفادت منسقة المشروع، وقالت وكيلة الأم: a role noun and its complement, not a name
    hit = person_after_title(doc, i)
    if hit is None or hit.j - hit.i < 2 or any(gazetteer_match(doc, k) is not None for k in range(hit.i, hit.j)):
        return None
    if verb_first:
        return hit
    if hit.j < len(doc.toks) and gap_key(doc.gaps[hit.j]) in ("،", ",") and _sentence_says(doc, hit.j):
        return hit
    if lang == "fa" and (i == 0 or doc.broken(i)) and hit.j < len(doc.toks) and not doc.broken(hit.j) \
            and trigger_match(doc, hit.j) and _sentence_says(doc, hit.j):
        return hit  # مرضیه جعفری سرمربی تیم ملی ... گفت: a name opening the sentence, then its title
    return None


def _role_shape_ar(doc: _Doc, i: int) -> bool:
    """Token i looks like a role noun of no frequency list before an everyday ال-noun (منسقة الحملة، بائعة السمك،
    مفتش السلامة): a feminine ة or a م-participle, and the next word an everyday word."""
    n = doc.toks[i].norm
    nxt = doc.toks[i + 1].norm
    return (n.endswith("ه") or (n[:1] == "م" and len(n) >= 4)) and (
        nxt in lexicon.common_words("ar") or (n.endswith("ه") and nxt.startswith("الم") and len(nxt) >= 6))
    # (وقالت وكيلة المدعية: a feminine role noun before an ال-participle)


_WORD_TITLES_AR = lexicon.keys("word_titles", "ar")


def _everyday_ar(doc: _Doc, k: int) -> bool:
    """Token k is an everyday word, or one behind a clitic or with a possessive suffix (معسكره), and no listed name."""
    from tui.text.normalize import clitic_candidates

    n = doc.toks[k].norm
    if n in lexicon.surnames("ar") or gazetteer_match(doc, k, "PER") is not None:
        return False
    common = lexicon.common_words("ar")
    return any(s in common or (len(s) > 4 and s[-1] == "ه" and s[:-1] in common) for _, s in clitic_candidates(n)[:3])


_LEAD_CONNECTORS = lexicon.keys("lead_connectors")
_KIN_AR = lexicon.keys("kin_connectors", "ar")


def _he_verbish(doc: _Doc, k: int) -> bool:
    """נהרג, נפצע (niph'al past), מוחזק, מוכרז (passive participles), אושפזו (pu'al past plural), הודיעה:
    verbs, not surnames."""
    n = doc.toks[k].norm
    return ((len(n) == 4 and n[0] == "נ") or (len(n) == 5 and n.startswith("מו") and not set(n[2:]) & set("והיא"))
            or (len(n) == 6 and n[1] == "ו" and n.endswith("ו") and n[0] in "אה")
            or _he_verb(doc, k) or n in rules.SAY_HE or he_verb_form(doc, k))


_VERB_PARTICLES_AR = lexicon.keys("verb_particles", "ar")


def person_from_given_name(doc: _Doc, i: int, covered: int = 0) -> _Hit | None:
    """محمد الحلبوسي، עלי חסן מוסאווי: a common given name and one or two more name words."""
    if not _given(doc, i) or i + 1 >= len(doc.toks) or doc.broken(i + 1):
        return None
    if i > 0 and not doc.broken(i) and doc.toks[i - 1].norm in rules.CONNECTORS:
        return None
    if i > 0 and not doc.broken(i) and doc.tlang[i] == "ar" and doc.toks[i - 1].norm in _VERB_PARTICLES_AR:
        return None  # القمر الذي يزن: a verb after a relative or a verb particle, not the name Yazan
    if i > 0 and doc.gaps[i] in _JOINERS:
        return None  # התל-אביבית: the second piece of a hyphenated word, not a given name (Avivit)
    if _prefixed_common(doc, i + 1):
        return None  # ستار لانتهاك، גדי לנווה: a given name's homograph before a preposition and a noun
    if (aged := _given_place_aged(doc, i)) is not None:
        return aged
    hit = person_after_title(doc, i)
    if hit is not None and doc.tlang[i] == "he":
        k = next((k for k in range(i + 1, hit.j) if _he_verbish(doc, k) and not _initial_at(doc, k - 1)), hit.j)
        if k < hit.j:
            hit.j, hit.end = k, doc.toks[k - 1].end  # שאחיה עומר מוחזק, דניאל נהרג: the verb is no surname
        # (ערן פ' נחום: a word after a middle initial is the surname)
    if hit is None and and_given(doc, i + 1) and _coordinated(doc, i + 1) is not None:
        return _Hit(i, i + 1, doc.toks[i].start, doc.toks[i].end, "PER", "")  # עמרי ודנה אלמוג: two people
    if hit is None or hit.j - hit.i < 2:
        return None
    a = i - 1  # شفقت علی خان: a first word the list does not know, right after punctuation
    if a >= 0 and not doc.broken(i) and a >= covered and (a == 0 or doc.broken(a)) and _given_word_ar(doc, a) \
            and (hit.j - a <= 3 or (hit.j - a == 4 and strong_boundary(doc, hit.j))):
        hit.i, hit.start = a, doc.toks[a].start  # ...، صباح مهدي الكرخي، : a given name that is also a word
    elif (a >= 0 and not doc.broken(i) and a >= covered and (a == 0 or doc.broken(a))
            and name_like(doc, a, first=True) and hit.j - a <= 3
            and (doc.tlang[a] != "ar" or doc.toks[a].norm in rules.GIVEN["ar"] or doc.toks[a].text == _ALI)
            # (Arabic: اكتفى ياسين القيرواني, a verb; علي is no given name of the lists, being also على)
            and not (doc.tlang[a] == "he" and doc.toks[a].norm[:1] == "ש" and doc.toks[a].norm[1:] in rules.STOP_HE)):
        hit.i, hit.start = a, doc.toks[a].start
    if doc.tlang[i] in ("ar", "fa") and doc.toks[i].norm[:1] == "و" and doc.toks[i].norm not in rules.GIVEN.get(doc.tlang[i], ()):
        hit.start = doc.start_after_clitic(i, 1)
    return hit


_TITLE_INITIALS_AR = lexicon.keys("title_initials", "ar")
_ALI = "\u0639\u0644\u064a"  # علي with a dotted ya
_SECOND_GIVEN_AR = lexicon.keys("second_given", "ar")
_HEADS_AR = rules.org_heads("ar") | rules.LOC_NAME_HEADS_AR | rules.LOC_FULL_HEADS_AR
_INITIAL_GAPS = (". ", "' ", "\u05f3 ", "\u2019 ", ".", "'", "\u05f3")
_AR_LETTER = re.compile(r"^[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]$")
_HE_LETTER = re.compile(r"^[\u05d0-\u05ea]$")


def initial_surname(doc: _Doc, i: int, after_title: bool) -> _Hit | None:
    """م. الخوالدة، ح. مرادی، ר' אבידן: a given name cut to its initial, then a surname.

    Courts and sport pages write judges and coaches so. Only after a title
    (القاضي، השופטת، מאמן ...) or when the surname is a listed surname: an
    initial alone is also a numeral (כיתה ד') or an abbreviation (2022 م).
    """
    toks = doc.toks
    if len(toks[i].text) > 2:
        return None  # neither an initial nor ו + an initial (the tests below need one): most words
    listed = _in_initials_list(doc, i)
    and_initial = len(toks[i].text) == 2 and toks[i].text[0] in "וو" and (
        bool(_HE_LETTER.match(toks[i].text[1])) or bool(_AR_LETTER.match(toks[i].text[1])))
    after_name = and_initial and i > 0 and not doc.broken(i) and doc.tlang[i - 1] == doc.tlang[i] \
        and name_like(doc, i - 1, first=False) and toks[i - 1].norm not in lexicon.common_words(doc.tlang[i])
    and_initial = and_initial and (listed and doc.tlang[i] == "he" or after_name)
    # (השופטים נ' סולברג, ד' ברק-ארז וע' גרוסקופף; كريم العيادي وم. الورتاني: and a second name)
    listed = listed or after_name
    if i + 1 >= len(toks) or not (_AR_LETTER.match(toks[i].text) or _HE_LETTER.match(toks[i].text) or and_initial):
        return None
    if doc.tlang[i] == "fa" and (cut := _fa_cut_name(doc, i)) is not None:
        return cut
    if doc.gaps[i + 1] not in _INITIAL_GAPS or (i > 0 and toks[i - 1].text.isdigit()):
        return None
    after_title = after_title or listed or (
        doc.tlang[i] == "ar" and i > 0 and not doc.broken(i)
        and any(s in rules.SAY_AR for _, s in clitic_candidates(toks[i - 1].norm)[:2])) or (
        doc.tlang[i] == "ar" and toks[i + 1].norm in _KIN_AR and i + 2 < len(toks) and not doc.broken(i + 2))
    # (وأكد م. الغربي: after a verb of saying; ف. منت أحمد: daughter of, a name)
    lang, k = doc.tlang[i + 1], i + 1
    if k + 1 < len(toks) and _initial_at(doc, i) and _initial_at(doc, k):
        if lang == "ar" and toks[i].text in _TITLE_INITIALS_AR:
            return None  # د. ع. الصباغ: Dr., then the initial and the surname (read from the next token)
        k += 1  # ع. ح. الدوسري: two initials
    middle = _middle_initial_start(doc, i, after_title)  # سامر ك. يونس، کلودیا ب. ریتسی: a given name, then the initial
    if lang == "ar" and toks[i].text in _TITLE_INITIALS_AR and (_given(doc, k) or toks[k].norm[2:] in rules.GIVEN["ar"]) \
            and k + 1 < len(toks) and not doc.broken(k + 1) and alpha(toks[k + 1].text) \
            and not rules.is_stop(toks[k + 1].text, toks[k + 1].norm, lang):
        return None  # د. الطيب عوض، م. أحمد عبيدات: an abbreviated title (Dr., Eng.) before a given name and more
    if middle is not None and not and_initial and k == i + 1 and lang == "he" and _clitic_on_word(doc, k):
        return _Hit(middle, i + 1, toks[middle].start, toks[i].end + 1, "PER", "")  # אסתר ט׳ | מקריית יערים: name,
        # initial and its geresh (the gap after the initial opens with it: _initial_at)
    if not name_like(doc, k, first=False) and not (lang in ("ar", "fa") and plain(toks[k].text).startswith("ال")) \
            and not (lang == "ar" and toks[k].norm in _KIN_AR):
        return None
    if not after_title and middle is None and k == i + 1 and toks[k].norm not in lexicon.surnames(lang):
        return None
    j = k + 1
    while j < len(toks) and doc.gaps[j] in _JOINERS and alpha(toks[j].text.replace("'", "")):
        j += 1  # ש' רוזן-בלום: a hyphenated surname is one
    if lang == "ar" and j < len(toks) and not doc.broken(j) and alpha(toks[j].text) and (
            toks[j - 1].norm in _KIN_AR or (toks[j - 1].norm.endswith("عبد") and toks[j].norm in _SECOND_GIVEN_AR)
            or (toks[j - 1].norm in _LEAD_CONNECTORS and plain(toks[j].text).startswith("ال"))):
        j += 1  # ن. بن بريك، م. بنعبد الله، ب. عبد الرحمن سليفاني، ي. عبد الحليم: the compound goes on
    if j < len(toks) and not doc.broken(j) and name_like(doc, j, first=False) and len(toks[j].norm.rstrip("'")) > 2 \
            and toks[j].norm not in lexicon.common_words(lang) and not (lang == "he" and _he_verb(doc, j)) \
            and not _clitic_on_word(doc, j):
        # (ל׳ רייכמן־עוז | עתירה: a petition; פ' לנדאו | העפיל: a verb)
        j += 1  # ד' בן דוד, ح. الموسوي الخرسان
    if middle is not None and not and_initial:
        return _Hit(middle, j, toks[middle].start, toks[j - 1].end, "PER", "")  # הדס ע' לוינסון: a middle initial
    return _Hit(i, j, toks[i].start + (1 if and_initial else 0), toks[j - 1].end, "PER", "")


def _fa_cut_name(doc: _Doc, i: int) -> _Hit | None:
    """حمید ک.، «محمدرضا ق.»، ح. بهبهانی: Persian court and local news name a defendant by a listed given name and
    the initial of the surname (the full stop kept), or a source by an initial and a surname that is no everyday word."""
    toks = doc.toks
    gap = doc.gaps[i + 1] if i + 1 < len(toks) else doc.text[toks[i].end:]
    if not gap.startswith(".") or not _AR_LETTER.match(toks[i].text) or (i > 0 and toks[i - 1].text.isdigit()):
        return None
    if i > 0 and not doc.broken(i) and _given(doc, i - 1) and doc.tlang[i - 1] == "fa" \
            and gazetteer_match(doc, i - 1, "LOC ORG") is None and (
            i + 1 >= len(toks) or gap.strip() != "." or toks[i + 1].norm in rules.STOP_FA
            or gap[1:2] in ("\u060c", ",", "\u00bb", ")", ":")):
        a = i - 2 if i > 1 and not doc.broken(i - 1) and _given(doc, i - 2) else i - 1
        return _Hit(a, i + 1, toks[a].start, toks[i].end + 1, "PER", "")  # (محمدرضا ق.: the given name may be two words)
    k = i + 1
    if gap == ". " and k < len(toks) and doc.tlang[k] == "fa" and (name_like(doc, k, first=False) or is_nisba(doc, k)) \
            and toks[k].norm not in lexicon.common_words("fa", 5000) and not _given(doc, k) \
            and gazetteer_match(doc, k) is None:
        j = k + 1
        while j < len(toks) and doc.gaps[j] == "\u200c" and alpha(toks[j].text):
            j += 1  # صفایی‌نیا: a surname in ZWNJ-joined pieces
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "PER", "")
    return None


def _last_initial(doc: _Doc, k: int) -> int:
    """Token k is one Persian or Hebrew letter closed by a full stop or a geresh, and no name word follows it (the
    press cuts a suspect's or a minor's surname so: مهرداد ش.، אסתר ט׳): the mark's length, else 0."""
    toks = doc.toks
    if k >= len(toks) or doc.broken(k) or not (_AR_LETTER.match(toks[k].text) or _HE_LETTER.match(toks[k].text)):
        return 0
    gap = doc.gaps[k + 1] if k + 1 < len(toks) else doc.text[toks[k].end:toks[k].end + 2]
    if gap[:1] not in (".", "'", "\u05f3", "\u2019"):
        return 0
    if k + 1 < len(toks) and gap[1:2] in (" ", "") and gap[1:].strip() == "" and name_like(doc, k + 1, first=False) \
            and toks[k + 1].norm not in lexicon.common_words(doc.tlang[k]):
        return 0  # حسام ف. طنطاوي: a middle initial, the surname after it
    return 1


def _initial_at(doc: _Doc, k: int) -> bool:
    """Token k is one letter (Arabic, Persian or Hebrew) followed by a full stop or a geresh and a space."""
    t = doc.toks[k].text
    return bool(_AR_LETTER.match(t) or _HE_LETTER.match(t)) and k + 1 < len(doc.toks) \
        and doc.gaps[k + 1] in (". ", "' ", "\u05f3 ", "\u2019 ")


def _title_near(doc: _Doc, a: int) -> bool:
    """Token a or the one before it is a title, with or without a clitic (לשופטת، השופט בדימוס)."""
    trig = rules.triggers().get(doc.tlang[a], {})
    return any(s in trig for k in (a - 1, a) if k >= 0 for _, s in clitic_candidates(doc.toks[k].norm)[:3])


def _middle_initial_start(doc: _Doc, i: int, after_title: bool) -> int | None:
    """Where a name starts whose middle initial is token i: the word before it a listed given name (سامر ك.
    يونس، הדס ע' לוינסון) or a rare name-like word (کلودیا ب. ریتسی), with no punctuation between, and
    the word before that too when it joins it (حسام الدين ف. طنطاوي)."""
    a = i - 1
    if a < 0 or doc.broken(i) or doc.tlang[a] != doc.tlang[i] or doc.tlang[i] not in ("ar", "fa", "he") \
            or gazetteer_match(doc, a) is not None:
        return None
    lang, n = doc.tlang[a], doc.toks[a].norm
    if lang == "ar" and a > 0 and not doc.broken(a) and not _given(doc, a) and doc.toks[a - 1].norm in _HEADS_AR:
        return None  # عمدة بلدية توجنين ف. منت أحمد: the town a head names, not a given name
    if not (_given(doc, a) or (not after_title and name_like(doc, a, first=True) and n not in lexicon.common_words(lang)
                                and not plain(doc.toks[a].text).startswith("ال") and not _title_near(doc, a))):
        return None  # (השופט בדימוס י' אלמליח، לשופטת נ' אבו־סאלח: a title's word, not a given name)
    if a > 0 and not doc.broken(a) and lang == "ar" and n in _SECOND_GIVEN_AR and _given(doc, a - 1):
        a -= 1  # حسام الدين، محمد الأمين
    return a


def _in_initials_list(doc: _Doc, i: int) -> bool:
    """ד' ברק-ארז וע' גרוסקופף: the next item of a list of initial-and-surname names (after a comma or
    ו), so the title that opened the list still holds."""
    toks = doc.toks
    if i < 2 or not (doc.broken(i) and "," in doc.gaps[i] or toks[i].norm[:1] == "ו"):
        return False
    k = i - 1
    while k > 0 and doc.gaps[k] in _JOINERS:
        k -= 1  # ברק-ארז: one surname in two pieces
    k -= 1
    return k >= 0 and doc.gaps[k + 1] in _INITIAL_GAPS and bool(
        _HE_LETTER.match(toks[k].text) or _AR_LETTER.match(toks[k].text) or (
            len(toks[k].text) == 2 and toks[k].text[0] == "ו" and _HE_LETTER.match(toks[k].text[1])))


def given_title_person(doc: _Doc, i: int, pending: bool) -> _Hit | None:
    """مدیرکل ...، امیر کرم زاده، گفت: after a comma, a title word that is also a given name (امیر)
    followed by one or two name words and punctuation (a comma, when no title is open) opens a name."""
    toks = doc.toks
    if toks[i].norm not in rules.GIVEN_TITLES or i == 0 or gap_key(doc.gaps[i]) not in ("،", ","):
        return None
    j = i + 1
    while j < len(toks) and j - i <= 3 and not doc.broken(j) and (
            name_like(doc, j, first=(j == i + 1)) or (j > i + 1 and doc.gaps[j] in _JOINERS)):
        j += 1
    if j == i + 1 or j - i > 3 or not (j >= len(toks) or doc.broken(j)):
        return None
    if not pending and (j >= len(toks) or gap_key(doc.gaps[j]) not in ("،", ",")):
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, "PER", "")


def and_given(doc: _Doc, k: int) -> bool:
    """Token k is ו/و + a listed given name (ועינת، ومحمد): a second person may start there."""
    if k >= len(doc.toks) or doc.broken(k) or doc.tlang[k] not in ("ar", "he"):
        return False
    n = doc.toks[k].norm
    return n[:1] in "וو" and n[1:] in rules.GIVEN.get(doc.tlang[k], ())


_FROM = lexicon.keys("from_country")


_TANWEEN_AR = re.compile("[\u064b-\u064d]")


def _foreign_name_words(doc: _Doc, a: int, b: int) -> bool:
    """Tokens a..b are the words of a name no table knows: letters, no article, not everyday words,
    not titles, nationalities or table spellings."""
    if a < 0 or b - a < 2 or b - a > 3:
        return False
    for k in range(a, b):
        t, lang = doc.toks[k], doc.tlang[k]
        if lang not in ("ar", "fa", "he") or (k > a and doc.broken(k)) or len(t.norm) < 3 \
                or not alpha(t.text.replace("'", "").replace("\u05f3", "") if lang == "he" else t.text):
            return False  # (ווקצ'ביץ': a geresh spells a foreign sound in Hebrew)
        if t.norm in lexicon.common_words(lang) or rules.is_stop(t.text, t.norm, lang) or is_nisba(doc, k) \
                or trigger_match(doc, k) or gazetteer_match(doc, k) is not None or plain(t.text).startswith("ال") \
                or (lang == "he" and t.norm[:1] in "הו"):
            return False
        if lang == "ar" and (_TANWEEN_AR.search(t.text) or any(
                s in lexicon.common_words(lang) or (s.startswith("ال") and t.norm[:1] == "و")
                for _, s in clitic_candidates(t.norm)[1:3])):
            return False  # والبنغالية والكينية، لزوار قادمين، فوزاً ثميناً: words, not a name
    return True


def foreign_people(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """Athletes and guests no table knows: two or three rare name words before "from" a country
    (باتبایار گانزوریگ از مغولستان، קנטרו מצומוטו מיפן), or after a nationality (الياباني كنتارو ماتسوموتو)."""
    covered = {k for h in hits for k in range(h.i, h.j)}
    out: list[_Hit] = []
    for h in hits:
        if h.type != "LOC" or not is_country(h.entity_id):
            continue
        lang = doc.tlang[h.i]
        if lang == "he" and h.start > doc.toks[h.i].start and doc.toks[h.i].norm[:1] == "מ":
            end = h.i  # מיפן
        elif lang in ("ar", "fa") and h.i > 0 and doc.toks[h.i - 1].norm in _FROM and not doc.broken(h.i):
            end = h.i - 1  # از مغولستان، من منغوليا
        else:
            continue
        if doc.broken(end):
            continue
        for size in (2, 3):
            a = end - size
            if a >= 0 and not covered & set(range(a, end)) and _foreign_name_words(doc, a, end) \
                    and (a == 0 or doc.broken(a) or not _foreign_name_words(doc, a - 1, end)):
                out.append(_Hit(a, end, doc.toks[a].start, doc.toks[end - 1].end, "PER", ""))
                covered |= set(range(a, end))
                break
    for k in range(len(doc.toks) - 2):  # الياباني كنتارو ماتسوموتو، הסרבי ניקולה ווקצ'ביץ': a nationality, a rare name
        word = doc.toks[k].norm
        if k in covered or not (doc.tlang[k] == "ar" and word.startswith("ال") and word.endswith(("ي", "يه"))
                                and _nationality_ar(doc, k)
                                or doc.tlang[k] == "he" and word[:1] == "ה" and word.endswith(("י", "ית"))
                                and (is_nisba(doc, k) or _nationality_he(doc, k))):
            continue
        if not doc.broken(k + 1) and _foreign_name_words(doc, k + 1, k + 3) and not covered & {k + 1, k + 2} \
                and (boundary(doc, k + 3) or doc.tlang[k] == "ar" and doc.toks[k + 3].norm.startswith("ال")
                     and doc.toks[k + 3].norm in lexicon.common_words("ar", 3000)):  # البرازيلي ثياغو بيريرا الهدف
            out.append(_Hit(k + 1, k + 3, doc.toks[k + 1].start, doc.toks[k + 2].end, "PER", ""))
    return out


def _nationality_ar(doc: _Doc, k: int) -> bool:
    """البرازيلي، الياباني: an ال-adjective of a country (listed, or the country's name plus ي)."""
    raw = plain(doc.toks[k].text)
    if not raw.startswith("ال"):
        return False
    if is_nisba(doc, k):
        return True
    n = doc.toks[k].norm
    stem = n[:-1] if n.endswith("ي") else n[:-2] if n.endswith("يه") else ""
    return len(stem) >= 4 and any(a.keys == (key,) and doc.gaz.entries[a.entity_id].type == "LOC"
                                  for key in (stem, stem[2:]) for a in doc.gaz.lookup("ar", key))


def _nationality_he(doc: _Doc, k: int) -> bool:
    """הגאורגי، הניגרי، הליטאית: ה + a country's name (or its stem) + י/ית, the country a table place."""
    n = doc.toks[k].norm
    stem = n[1:-2] if n.endswith("ית") else n[1:-1]
    if len(stem) < 3:
        return False
    return any(a.keys == (key,) and doc.gaz.entries[a.entity_id].type == "LOC"
               and is_country(a.entity_id)
               for key in (stem, stem + "י", stem + "יה", stem + "ה", stem + "א") for a in doc.gaz.lookup("he", key))


def _prefixed_common(doc: _Doc, k: int) -> bool:
    """Token k is a preposition ل (ל, or بال) glued to an everyday word (لانتهاك، לנווה): it cannot go on a name."""
    if k >= len(doc.toks) or doc.broken(k) or doc.tlang[k] not in ("ar", "he"):
        return False
    n = doc.toks[k].norm
    if not (n[:1] in "لל" or n.startswith("بال")) or len(n) < 4 or n in rules.GIVEN.get(doc.tlang[k], ()) \
            or n in lexicon.surnames(doc.tlang[k]):
        return False  # (ب alone opens many surnames: بدير، בכר)
    common = lexicon.common_words(doc.tlang[k])
    return n[1:] in common or (n.startswith(("لل", "بال")) and ("ال" + n[2:] in common or n[3:] in common))
