"""Place rules: an unknown place after a place noun (بلدة الخيام، استان خوزستان،
הכפר יאטר) and the places listed after a plural place noun (محافظات الكرك
والطفيلة ومعان).

Each rule returns ``LOC`` hits; :mod:`tui.entities.engine` decides when
each is tried.
"""

from __future__ import annotations

import re

from tui.entities import lexicon, rules
from tui.entities.doc import (
    _HE_AL,
    _JOINERS,
    _al,
    _Doc,
    _given,
    _he_det,
    _he_future,
    _he_vav_name,
    _he_verb,
    _Hit,
    _name_ends,
    _org_word_ar,
    _sentence_final,
    _verbal_fa,
    alpha,
    cut_at_verb,
    gazetteer_match,
    is_country,
    is_nisba,
    plain,
    stem_in,
    trigger_match,
)
from tui.entities.gazetteer import gap_key
from tui.text.normalize import clitic_candidates, normalise

_ADJ_FA = lexicon.keys("adj", "fa")
_TANWEEN = re.compile(r"[\u064b-\u064d]")
_PLURAL_WORDS_FA = lexicon.keys("plural_words", "fa")
_DEMONSTRATIVES_FA = lexicon.keys("demonstratives", "fa")


def _list_word(doc: _Doc, k: int, lang: str, first: bool) -> int:
    """Clitic length of a list item word at k (0 or 1 for و), or -1 if k cannot be a place name."""
    t = doc.toks[k]
    if doc.tlang[k] != lang or not alpha(t.text.replace("\u200c", "")):
        return -1
    plen, stem = 0, t.norm
    if lang == "ar" and not first and stem.startswith("و"):
        plen, stem = 1, stem[1:]
    if len(stem) < 3 or trigger_match(doc, k) or is_nisba(doc, k) or _given(doc, k):
        return -1
    stops = rules.stop_words(lang) | (rules.FUNCTION_FA if lang == "fa" else rules.FUNCTION_AR)
    if stem in stops or stem in rules.org_heads(lang) or stem in rules.LOC_NAME_HEADS_AR or stem in rules.LOC_NAME_HEADS_FA \
            or stem in rules.GENERIC_PLACES_AR or stem in rules.LOC_FULL_HEADS_FA or stem in rules.LOC_FULL_HEADS_AR:
        return -1
    if lang == "fa" and stem in _ADJ_FA:
        return -1  # شهرهای کوچک: small towns
    if _TANWEEN.search(t.text) or (first and stem in lexicon.common_words(lang, 3000) and not _list_goes_on(doc, k + 1)):
        return -1  # روستاهای اطراف خدابنده، روستاها کاملاً: an everyday word or an adverb, not a place
        # (but سدهای دوستی، طرق و کارده: a list goes on after it)
    if lang == "fa" and (_verbal_fa(doc, k) or stem in rules.LIGHT_VERBS_FA or _sentence_final(doc, k)):
        return -1
    if lang == "ar" and not first and (_possessed_ar(stem, lexicon.common_words(lang)) or (
            doc.broken(k) and plen and not stem.startswith("ال") and stem in lexicon.common_words(lang)
            and not _list_end(doc, k + 1))):
        return -1  # منطقة مكة المكرمة، ونفّذت برامج: a verb after a comma goes on the sentence; قراها: its villages
    if lang == "ar" and not first and plen == 0:
        return -1  # after the first item, Arabic items come with و or after a comma (handled by the caller)
    return plen


_HAY, _HA = normalise("های"), normalise("ها")


def place_list(doc: _Doc, i: int) -> list[_Hit]:
    """A plural place noun and the places it lists: محافظات الكرك والطفيلة ومعان، حقول الحلفاية
    والبزركان، شهرستان‌های اهواز، حمیدیه و شادگان، مرزهای شلمچه در خوزستان، چذابه و باشماق."""
    toks, lang = doc.toks, doc.tlang[i]
    k = i + 1
    if lang == "ar":
        if not stem_in(toks[i].norm, rules.PLURAL_PLACE_HEADS_AR, 3):
            return []
    else:
        n = toks[i].norm
        hay, ha = _HAY, _HA
        if n.endswith((hay, ha)) and n[:-len(hay) if n.endswith(hay) else -len(ha)] in rules.PLURAL_PLACE_HEADS_FA:
            pass  # مرزهای شلمچه
        elif not (n in rules.PLURAL_PLACE_HEADS_FA and k < len(toks)
                  and doc.gaps[k] in ("\u200c", " ") and toks[k].norm in _PLURAL_WORDS_FA):  # (ZWNJ lost)
            return []
        else:
            k += 1
    out: list[_Hit] = []
    while k < len(toks) and not (doc.broken(k) and gap_key(doc.gaps[k]) not in ("،", ",")):
        if lang == "fa" and out and toks[k].norm == "و" and k + 1 < len(toks) and not doc.broken(k + 1):
            k += 1  # ... و باشماق
        if (known := gazetteer_match(doc, k, "LOC")) is not None and (lang == "fa" or known.start == toks[k].start
                                                                      or toks[k].norm.startswith("و")):
            out.append(known)
            k = known.j
        else:
            plen = _list_word(doc, k, lang, first=not out)
            if plen < 0 or (out and lang == "ar" and plen == 0 and not doc.broken(k)):
                break
            if gazetteer_match(doc, k) is not None:
                break
            end = k + 1
            while lang == "fa" and end < len(toks) and doc.gaps[end] in _JOINERS and alpha(toks[end].text):
                end += 1  # ائل‌گلی: one word in two pieces
            out.append(_Hit(k, end, doc.start_after_clitic(k, plen), toks[end - 1].end, "LOC", ""))
            k = end
        if lang == "fa" and k + 1 < len(toks) and toks[k].norm == "در" and not doc.broken(k) \
                and (inner := gazetteer_match(doc, k + 1, "LOC")) is not None:
            out.append(inner)  # شلمچه در خوزستان
            k = inner.j
        if k >= len(toks):
            break
        sep = gap_key(doc.gaps[k]) in ("،", ",") or (lang == "ar" and toks[k].norm.startswith("و") and not doc.broken(k)) \
            or (lang == "fa" and toks[k].norm == "و" and not doc.broken(k))
        if not sep:
            break
    if not out or (len(out) == 1 and out[0].entity_id):
        return []
    return out


_NAMED_WORKS_AR = lexicon.keys("named_works", "ar")


_STREETS_AR = lexicon.keys("streets", "ar")
_RARE_NAME_HEADS_AR = lexicon.keys("rare_name_heads", "ar")
_STRICT_NAME_HEADS_AR = lexicon.keys("rare_name_heads_strict", "ar")
_NOT_PLACE_AFTER_AR = lexicon.keys("not_place_after", "ar")


_AIRPORTS_AR = lexicon.keys("airports", "ar")
_INTL_AR = lexicon.keys("intl", "ar")
_STATION_KINDS_AR = lexicon.keys("station_kinds", "ar")


_GENERIC_GEO_COMPLEMENTS_AR = lexicon.keys("generic_geo_complements", "ar")


_DISTRICT_HEADS_AR = lexicon.keys("district_heads", "ar")
_DIRECTIONS_AR = lexicon.keys("place_directions", "ar")
_AL_ROAD_HEADS_AR = frozenset("ال" + w for w in lexicon.keys("road_heads", "ar"))
_LOC_GATE_AR = rules.LOC_GEO_HEADS_AR | rules.LOC_FULL_HEADS_AR | rules.LOC_NAME_HEADS_AR | _DISTRICT_HEADS_AR | _AL_ROAD_HEADS_AR


_ROAD_HEADS = {lang: lexicon.keys("road_heads", lang) for lang in ("ar", "fa")}
_DASHES = ("-", "\u2013", "\u2014")


def loc_from_head(doc: _Doc, i: int) -> _Hit | None:
    """A place from its head noun (:func:`_loc_from_head`); a Hebrew one ends before a word of a verb's shape
    (מושב | עמדו ריקים: doc.he_verb_form)."""
    hit = _loc_from_head_roads(doc, i)
    if hit is not None and doc.tlang[i] == "he" and hit.i == i:
        return cut_at_verb(doc, hit)
    return hit


def _loc_from_head_roads(doc: _Doc, i: int) -> _Hit | None:
    """بلدة الخيام -> الخيام; قصر بعبدا -> قصر بعبدا: unknown places after a place noun; a road's name runs
    across a dash to the place it leads to (طريق البصرة – أم قصر، جاده بندرعباس–سیرجان)."""
    if doc.tlang[i] == "fa" and (route := route_fa(doc, i)) is not None:
        return route
    hit = _loc_from_head(doc, i)
    if hit is not None and hit.i == i and doc.tlang[i] == "ar":
        hit = _with_adjective_ar(doc, hit)
    if hit is None or hit.i != i or hit.j >= len(doc.toks) or doc.gaps[hit.j].strip() not in _DASHES:
        return hit
    lang = doc.tlang[i]
    if not any(s in _ROAD_HEADS.get(lang, ()) for _, s in clitic_candidates(doc.toks[i].norm)[:3]):
        return hit
    k = hit.j
    known = gazetteer_match(doc, k, "LOC")
    if known is not None and known.i == k:
        end = known.j
    elif _unknown_name_word(doc, k, 0) or (lang == "fa" and _loc_word_fa(doc, k) and not _verbal_fa(doc, k)):
        end = k + 1
        while end < len(doc.toks) and doc.gaps[end] == "\u200c":
            end += 1  # (a Persian word in two pieces)
    else:
        return hit
    return _Hit(hit.i, end, hit.start, doc.toks[end - 1].end, "LOC", "")


_ROUTE_HEADS_FA = tuple(tuple(normalise(w) for w in re.split(r"[ \u200c]", p) if w)
                        for p in lexicon.phrases("route_heads", "fa").split("|"))
_ROUTE_FIRST_FA = frozenset(h[0] for h in _ROUTE_HEADS_FA)
_ROUTE_WORDS_FA = lexicon.keys("route_words", "fa")
_ROUTE_SIDES_FA = lexicon.keys("route_sides", "fa")


def _route_side_fa(doc: _Doc, k: int) -> tuple[int, bool] | None:
    """One end of a route at token k: (where it ends, whether a table or compass word named it)."""
    toks = doc.toks
    if k >= len(toks):
        return None
    if toks[k].norm in _ROUTE_SIDES_FA:
        return k + 1, True
    known = gazetteer_match(doc, k, "LOC")
    if known is not None and known.i == k and known.start == toks[k].start:
        return known.j, True
    if _loc_word_fa(doc, k) and not _verbal_fa(doc, k) and gazetteer_match(doc, k) is None:
        end = k + 1
        while end < len(toks) and doc.gaps[end] == "\u200c":
            end += 1  # (a word in two pieces: پل‌زال)
        return end, False
    return None


def route_fa(doc: _Doc, i: int) -> _Hit | None:
    """محور یزد – بافق، راه‌آهن رشت–آستارا، خط ریلی اهواز–بندر امام خمینی، کریدور شمال-جنوب: a road or rail noun
    and two places across a dash are one place, the route (the gold lists it whole, its towns not for it);
    one end a table place or a compass word, the other may be a word no table knows."""
    toks = doc.toks
    if toks[i].norm not in _ROUTE_FIRST_FA:
        return None
    head = next((len(h) for h in sorted(_ROUTE_HEADS_FA, key=len, reverse=True)
                 if i + len(h) <= len(toks) and all(toks[i + m].norm == w and (m == 0 or not doc.broken(i + m))
                                                    for m, w in enumerate(h))), 0)
    k = i + head
    if not head or k >= len(toks) or doc.broken(k):
        return None
    if toks[k].norm in _ROUTE_WORDS_FA and k + 1 < len(toks) and not doc.broken(k + 1):
        k += 1  # راه روستایی، جاده قدیم
    first = _route_side_fa(doc, k)
    if first is None or first[0] >= len(toks) or doc.gaps[first[0]].strip() not in _DASHES:
        return None
    second = _route_side_fa(doc, first[0])
    if second is None or not (first[1] or second[1]):
        return None
    return _Hit(i, second[0], toks[i].start, toks[second[0] - 1].end, "LOC", "")


def _with_adjective_ar(doc: _Doc, hit: _Hit) -> _Hit:
    """A place named with its noun (ميناء، منطقة، حي، سوق، محمية) keeps the ال-adjective after its name: ميناء
    بورتسودان الجنوبي، منطقة الشويخ الصناعية، محمية العقبة البحرية، سوق البسيتين المركزي (a nationality, a
    time word or an adjective of no shape of a name's adjective (ي/ية، a direction, ``place_adjectives``) is not)."""
    toks, k = doc.toks, hit.j
    if k >= len(toks) or doc.broken(k) or not plain(toks[k].text).startswith("ال") or is_nisba(doc, k) \
            or gazetteer_match(doc, k) is not None or toks[k].norm in _AR_TIME_WORDS:
        return hit
    n = toks[k].norm
    if not (n.endswith(("ي", "يه")) or n in _DIRECTIONS_AR or n in _PLACE_ADJECTIVES_AR) or len(n) < 5 \
            or n in _NOT_PLACE_ADJECTIVES_AR or _nationality_ar(doc, n):
        return hit  # (معبر أدري الحدودي، ميناء سانتوس البرازيلي: describing words, not the name)
    return _Hit(hit.i, k + 1, hit.start, toks[k].end, "LOC", "")


def _nationality_ar(doc: _Doc, n: str) -> bool:
    """البرازيلي، اليوناني، الألمانية: ال + a country's name + ي/ية (the nisba table lists only the frequent ones)."""
    stem = n[:-2] if n.endswith("يه") else n[:-1]
    if not n.startswith("ال") or not n.endswith(("ي", "يه")):
        return False
    return any(is_country(a.entity_id) and len(a.keys) == 1
               for s in (stem, stem[2:], stem[2:] + "ا", stem[2:] + "يا") for a in doc.gaz.lookup("ar", s))


_PLACE_ADJECTIVES_AR = lexicon.keys("place_adjectives", "ar")
_NOT_PLACE_ADJECTIVES_AR = lexicon.keys("not_place_adjectives", "ar")


def _loc_from_head(doc: _Doc, i: int) -> _Hit | None:
    lang = doc.tlang[i]
    if lang == "fa":
        return _loc_from_head_fa(doc, i)
    if lang == "he":
        return _loc_from_head_he(doc, i)
    toks = doc.toks
    if not stem_in(toks[i].norm, _LOC_GATE_AR):
        return None  # no reading is a place noun (every branch below needs one): most words, asked once
    cands = clitic_candidates(toks[i].norm)
    road = next((p for p, s in cands[:3] if s in _AL_ROAD_HEADS_AR), None)
    if road is not None and i + 1 < len(toks) and not doc.broken(i + 1) and toks[i + 1].norm in _ROAD_KINDS_AR:
        return _road_ar(doc, i, road)  # الطريق الدائري الأوسطي، الطريق الوطنية رقم 7
    if i + 1 < len(toks) and not doc.broken(i + 1):
        geo = next((p for p, s in cands if s in rules.LOC_GEO_HEADS_AR), None)
        if geo is not None and (hit := gazetteer_match(doc, i + 1, "LOC")) is not None:
            return _Hit(i, hit.j, doc.start_after_clitic(i, geo), toks[hit.j - 1].end, "LOC", "")  # خليج عدن
        if geo is not None and toks[i + 1].norm in rules.PLACE_PREFIX_AR and i + 2 < len(toks) and not doc.broken(i + 2) \
                and alpha(toks[i + 2].text) and len(toks[i + 2].norm) >= 3 and not _al(doc, i + 2) \
                and toks[i + 2].norm not in lexicon.common_words("ar", 3000) and _name_ends(doc, i + 3):
            return _Hit(i, i + 3, doc.start_after_clitic(i, geo), toks[i + 2].end, "LOC", "")  # سد أبو منصور، جزيرة أم الرصاص
        if geo is not None and toks[i + 1].norm in _GENERIC_GEO_COMPLEMENTS_AR:
            return None  # حقل الغاز، حقل ألغام: a gas field, a minefield
        if geo is not None and _org_word_ar(doc, i + 1) and not is_nisba(doc, i + 1) and gazetteer_match(doc, i + 1) is None:
            return _Hit(i, i + 2, doc.start_after_clitic(i, geo), toks[i + 1].end, "LOC", "")  # خليج العقبة، سد النهضة
        if geo is not None and any(s in _NAMED_WORKS_AR for _, s in cands[:3]) and gazetteer_match(doc, i + 1) is None \
                and alpha(toks[i + 1].text) and len(toks[i + 1].norm) >= 3 and not _al(doc, i + 1) \
                and not rules.is_stop(toks[i + 1].text, toks[i + 1].norm, "ar") and not is_nisba(doc, i + 1) \
                and not trigger_match(doc, i + 1) and _name_ends(doc, i + 2):
            return _Hit(i, i + 2, doc.start_after_clitic(i, geo), toks[i + 1].end, "LOC", "")  # حقل أرطاوي، سد أليسو
        if geo is not None and gazetteer_match(doc, i + 1) is None and alpha(toks[i + 1].text) and len(toks[i + 1].norm) >= 3 \
                and not _al(doc, i + 1) and toks[i + 1].norm not in lexicon.common_words("ar") \
                and not rules.is_stop(toks[i + 1].text, toks[i + 1].norm, "ar") and not is_nisba(doc, i + 1) \
                and not trigger_match(doc, i + 1) and toks[i + 1].norm not in rules.GIVEN["ar"] and _name_ends(doc, i + 2):
            return _Hit(i, i + 2, doc.start_after_clitic(i, geo), toks[i + 1].end, "LOC", "")  # جزيرة ميون، نهر كاغايان
    if (district := district_place(doc, i)) is not None:
        return district
    full = next((p for p, s in cands if s in rules.LOC_FULL_HEADS_AR), None)
    if full is not None and i > 0 and not doc.broken(i) and toks[i - 1].norm in _NOT_PLACE_AFTER_AR:
        return None  # عن طريق: by means of
    if full is not None and any(s in _AIRPORTS_AR for _, s in cands[:3]):
        k = i + 1  # مطار دبي الدولي، مطار الملك سلمان الدولي: the whole name up to الدولي
        while k < len(toks) and k - i <= 3 and not doc.broken(k) and alpha(toks[k].text) and toks[k].norm not in _INTL_AR:
            k += 1
        if 1 < k - i <= 3 and k < len(toks) and not doc.broken(k) and toks[k].norm in _INTL_AR:
            return _Hit(i, k + 1, doc.start_after_clitic(i, full), toks[k].end, "LOC", "")
    if full is not None and i + 1 < len(toks) and not doc.broken(i + 1) and (title_end := trigger_match(doc, i + 1)) \
            and title_end < len(toks) and not doc.broken(title_end) \
            and (named := _named_after_titled_ar(doc, title_end)):
        return _Hit(i, named, doc.start_after_clitic(i, full), toks[named - 1].end, "LOC", "")  # مسجد السيدة نفيسة
        # (صالة الأمير حمزة: before the everyday-word guards below, a title and a name after the noun name the place)
    if full is not None and (named := _named_after_person_ar(doc, i)):
        return _Hit(i, named, doc.start_after_clitic(i, full), toks[named - 1].end, "LOC", "")  # محطة عدلي منصور
    if full is not None and any(s in _RARE_NAME_HEADS_AR for _, s in cands[:3]) and i + 1 < len(toks) \
            and toks[i + 1].norm in lexicon.common_words("ar", 3000):
        return None  # سوق العمل، مسرح الجريمة: an everyday noun, no place named so
    if full is not None and any(s in _STRICT_NAME_HEADS_AR for _, s in cands[:3]) and i + 1 < len(toks) and (
            toks[i + 1].norm in lexicon.common_words("ar")
            or (plain(toks[i + 1].text).startswith(("ل", "ب")) and _known_place_after(doc, i) is None)
            or ((c := gazetteer_match(doc, i + 1, "LOC")) is not None and is_country(c.entity_id))
            or (toks[i + 1].text[:1] == "م" and toks[i + 1].text.endswith("ة") and not _given(doc, i + 1)
                and gazetteer_match(doc, i + 1) is None)):
        return None  # سوق السمك، جسر خشبي، سوق العراق: a kind of market or bridge, a country's market
    if full is not None and any(s in _STRICT_NAME_HEADS_AR for _, s in cands[:3]) and (
            (i + 1 < len(toks) and toks[i + 1].norm[:1] == "ي" and not doc.broken(i + 1))
            or (toks[i].norm.endswith("يه") and i > 0 and not doc.broken(i) and toks[i - 1].norm.endswith("ه")
                and toks[i - 1].norm in lexicon.common_words("ar"))):
        return None  # منظمة محلية يديرها: an adjective after its noun, a verb after it
        # (صالة مغطاة، قاعة ملحقة: a participle describing the hall)
    if full is not None and i + 2 < len(toks) and toks[i + 1].norm in _STATION_KINDS_AR and not doc.broken(i + 2) \
            and alpha(toks[i + 2].text) and len(toks[i + 2].norm) >= 3 and not is_nisba(doc, i + 2) \
            and not rules.is_stop(toks[i + 2].text, toks[i + 2].norm, "ar") and not trigger_match(doc, i + 2):
        return _Hit(i, i + 3, doc.start_after_clitic(i, full), toks[i + 2].end, "LOC", "")  # محطة مترو المنصورة
    name_only = any(s in rules.LOC_NAME_HEADS_AR for _, s in cands)
    kept = next((p for p, s in cands if s in rules.LOC_KEPT_HEADS["ar"]), None) if name_only else None
    if i > 0 and not doc.broken(i) and any(s in rules.PLACE_PREFIX_AR for _, s in clitic_candidates(toks[i - 1].norm)[:2]):
        return None  # أم قصر: the town, not a palace
    if (full is None and not name_only) or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    j = i + 1
    if toks[j].norm in rules.PLACE_PREFIX_AR and j + 1 < len(toks) and not doc.broken(j + 1):
        j += 1
    t = toks[j]
    street = full is not None and any(s in _STREETS_AR for _, s in cands[:3])
    if name_only and j == i + 1 and trigger_match(doc, j) == j + 1 and j + 1 < len(toks) and not doc.broken(j + 1) \
            and gazetteer_match(doc, j + 1) is None and alpha(toks[j + 1].text) and len(toks[j + 1].norm) >= 3 \
            and toks[j + 1].norm not in lexicon.common_words("ar", 3000) and not is_nisba(doc, j + 1) \
            and not _al(doc, j + 1):
        if kept is not None:
            return _Hit(i, j + 2, doc.start_after_clitic(i, kept), toks[j + 1].end, "LOC", _bare_id(doc, j, j + 2))
            # (حي الشيخ جراح)
        return _Hit(j, j + 2, toks[j].start, toks[j + 1].end, "LOC", "")  # مدينة الشيخ زايد
    if kept is not None and (known := _known_place_after(doc, i)) is not None:
        return _Hit(i, known.j, doc.start_after_clitic(i, kept), known.end, "LOC", known.entity_id)  # حي الميناء
    if kept is not None and j == i + 1 and (named := _named_after_person_ar(doc, i)) \
            and not any(toks[k].norm in lexicon.common_words("ar", 3000) for k in range(i + 2, named)):
        return _Hit(i, named, doc.start_after_clitic(i, kept), toks[named - 1].end, "LOC", "")  # ضاحية عبدالله السالم
    if full is not None and kept is None and (known := _known_place_after(doc, i)) is not None:
        return _Hit(i, known.j, doc.start_after_clitic(i, full), known.end, "LOC", "")  # ميناء سواكن، ملعب ود مدني
    if (not alpha(t.text) or len(t.norm) < 3 or is_nisba(doc, j) or t.norm in rules.FUNCTION_AR
            or gazetteer_match(doc, i + 1) is not None or (trigger_match(doc, j) and not street and j == i + 1)):
        return None  # (شارع الملك فيصل: a street named after a king)
    if kept is not None and t.norm in rules.GENERIC_PLACES_AR and j + 1 < len(toks) and not doc.broken(j + 1) \
            and toks[j + 1].norm in _DIRECTIONS_AR:
        return _Hit(i, j + 2, doc.start_after_clitic(i, kept), toks[j + 1].end, "LOC", "")  # حي الساحل الشرقي
    if name_only and (t.norm in rules.STOP_AR or t.norm in rules.GENERIC_PLACES_AR or t.norm in rules.LOC_NAME_HEADS_AR):
        return None  # ريف المحافظة: the province named before
    if name_only and plain(t.text)[:1] in ("ب", "ل") and len(t.norm) >= 5 and t.norm[1:] in lexicon.common_words("ar"):
        return None  # عزبة بمحافظة سوهاج: a preposition and a noun, no name
    if full is None and kept is None and j == i + 1 and (city := next((p for p, s in cands[:3] if s in _CITY_HEADS_AR), None)) \
            is not None and gazetteer_match(doc, j, "LOC") is None \
            and not any(doc.gaz.entries[a.entity_id].type == "LOC" for a in doc.gaz.lookup("ar", t.norm)) and (
                (plain(t.text).startswith("ال") and t.norm in lexicon.common_words("ar") and not is_nisba(doc, j))
                or _given(doc, j)):
        full = city  # مدينة الثقافة، مدينة عيسى: a town or venue named by a word or a person keeps its noun
    start = doc.start_after_clitic(i, full) if full is not None else toks[i + 1].start
    if kept is not None:
        full, start = kept, doc.start_after_clitic(i, kept)  # حي الملز: the name keeps its noun
    end = j + 1
    if street:
        while end + 1 < len(toks) and end - j < 2 and not doc.broken(end) and not doc.broken(end + 1) \
                and toks[end].norm in rules.CONNECTORS and alpha(toks[end + 1].text):
            end += 2  # شارع العربي بن مهيدي: a connector and the name after it
        while end < len(toks) and end - j < 3 and not doc.broken(end) and alpha(toks[end].text) \
                and not _al(doc, end) and len(toks[end].norm) >= 3 and not rules.is_stop(toks[end].text, toks[end].norm, "ar") \
                and toks[end].norm not in rules.PLACE_PREFIX_AR and not is_nisba(doc, end) and not trigger_match(doc, end) \
                and not (toks[end].norm[:1] == "و" and stem_in(toks[end].norm, _LOC_GATE_AR, 3)) and _street_word_ar(doc, end):
            end += 1  # شارع الحبيب بورقيبة، ساحة الشهيد رياض الصلح (not ساحة الأمويين | وشارع بغداد: a second place)
    elif kept is not None and end == i + 2 and _second_name_word_ar(doc, end):
        end += 1  # ولاية تيرس زمور، منطقة فلج القبائل، منطقة جليب الشيوخ: a two-word name after a settling noun
    return _Hit(i if full is not None else i + 1, end, start, toks[end - 1].end, "LOC",
                _bare_id(doc, i + 1, end) if kept is not None else "")


def _second_name_word_ar(doc: _Doc, k: int) -> bool:
    """After a settling noun and a bare name word no frequency list holds (فلج، تيرس), token k goes on the name: a
    word of no frequency list either (زمور، نواذيبو), or an ال-noun in construct with it (القبائل، الشيوخ) that has
    no adjective's shape (not الحدودية، المجاورة، الشرقي) and is no time word or table name."""
    toks = doc.toks
    first = toks[k - 1]
    common = lexicon.common_words("ar")
    if k >= len(toks) or doc.broken(k) or not alpha(toks[k].text) or len(toks[k].norm) < 3 or plain(first.text).startswith("ال") \
            or any(s in common for _, s in clitic_candidates(first.norm)[:3]) or first.norm in rules.GIVEN["ar"] \
            or first.norm[:1] == "و" or _TANWEEN.search(first.text) or _TANWEEN.search(toks[k].text):
        return False
    n = toks[k].norm
    if n[:1] in ("ي", "ت") or n.endswith(("ون", "ها", "هم")):
        return False  # قرية كرانة يقطعون، منطقة برقو يستعملها: a verb
    if (known := gazetteer_match(doc, k)) is not None:
        return known.type == "LOC" and known.j == k + 1 and known.start == toks[k].start and not is_country(known.entity_id)
        # (ولاية داخلت نواذيبو: a town's name ends the region's)
    if rules.is_stop(toks[k].text, n, "ar") or is_nisba(doc, k) or trigger_match(doc, k) \
            or n in _AR_TIME_WORDS or n in _DIRECTIONS_AR or n in rules.GENERIC_PLACES_AR or stem_in(n, _LOC_GATE_AR, 3):
        return False
    if plain(toks[k].text).startswith("ال"):
        return not n.endswith(("ي", "ه", "ين", "ات")) and not n.startswith("الم") and n not in _PLACE_ADJECTIVES_AR
    return n[:1] != "و" and not any(s in common for _, s in clitic_candidates(n)[:3])


def _street_word_ar(doc: _Doc, k: int) -> bool:
    """Token k may go on a street's or square's name (بورقيبة، رياض): a listed name, or a word of no frequency list
    in any clitic reading (not شارع الحمرا | رافعين، ساحة المهد | قبالة، شارع الرصافة | بحي)."""
    n = doc.toks[k].norm
    if n in rules.GIVEN["ar"] or n in lexicon.surnames("ar") or n in rules.CONNECTORS or trigger_match(doc, k - 1):
        return True  # (كنيسة القديسة كاترين: a name after a title)
    if n[:1] == "و" and (g := gazetteer_match(doc, k, "LOC")) is not None and g.start > doc.toks[k].start:
        return False  # ساحة التحرير | والكاظمية: and a second place
    if _al(doc, k - 1) and (n[:1] == "ي" or n.endswith(("ين", "ون", "ات", "وا"))):
        return False  # شارع الحمرا | رافعين لافتات، شارع المتنبي | يستعيد: a verb or a plural after an ال-name
    common = lexicon.common_words("ar")
    return n not in common and not any(p and s in common for p, s in clitic_candidates(n)[:3])


def district_place(doc: _Doc, i: int) -> _Hit | None:
    """مديرية صرواح، دائرة واسيف، لواء الرمثا: a district noun that also heads bodies (مديرية الصحة، دائرة
    الأراضي) names a place, kept with its noun, before a known place or a word of no frequency list (Arabic)."""
    toks = doc.toks
    if doc.tlang[i] != "ar" or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    district = next((p for p, s in clitic_candidates(toks[i].norm)[:3] if s in _DISTRICT_HEADS_AR), None)
    if district is None:
        return None
    known = _known_place_after(doc, i)
    if known is not None and not is_country(known.entity_id):
        j = known.j
        while j < len(toks) and j - known.j < 2 and not doc.broken(j) and toks[j].norm in _DIRECTIONS_AR:
            j += 1  # لواء الأغوار الشمالية، لواء البادية الشمالية الغربية
        return _Hit(i, j, doc.start_after_clitic(i, district), toks[j - 1].end, "LOC",
                    known.entity_id if j == known.j else "")  # لواء الشوبك: the same place as الشوبك
    t = toks[i + 1]
    common = lexicon.common_words("ar")
    if alpha(t.text) and len(t.norm) >= 3 and t.norm not in common and not (_al(doc, i + 1) and t.norm[2:] in common) \
            and gazetteer_match(doc, i + 1) is None and not is_nisba(doc, i + 1) and not _given(doc, i + 1) \
            and not trigger_match(doc, i + 1) and not rules.is_stop(t.text, t.norm, "ar") \
            and (i + 2 >= len(toks) or doc.broken(i + 2) or not (_al(doc, i + 2) or gazetteer_match(doc, i + 2) is not None)):
        return _Hit(i, i + 2, doc.start_after_clitic(i, district), t.end, "LOC", _bare_id(doc, i + 1, i + 2))
        # (but دائرة وقاية النبات، دائرة أوقاف طرابلس: a construct going on is a body's name)
        # (and صرواح alone later is the same place)
    return None


_ROAD_KINDS_AR = lexicon.keys("road_kinds", "ar")
_ORDINALS_AR = lexicon.keys("ordinals", "ar")
_AR_TIME_WORDS = lexicon.keys("ar_time")


def _road_ar(doc: _Doc, i: int, plen: int) -> _Hit:
    """الطريق + a kind of road (الدائري، الصحراوي، الوطنية): the road, with one describing word (الشرقي، الثالث،
    الأوسطي) and its number (رقم 7، X20، أ1) if they follow; the article stays in the name."""
    toks = doc.toks
    j = i + 2
    if j < len(toks) and not doc.broken(j) and _al(doc, j) and toks[j].norm not in _AR_TIME_WORDS and (
            toks[j].norm in _DIRECTIONS_AR or toks[j].norm in _ORDINALS_AR or toks[j].norm.endswith(("ي", "يه"))):
        j += 1
    if j + 1 < len(toks) and not doc.broken(j) and not doc.broken(j + 1) and toks[j].norm in _ROAD_NUMBER_AR \
            and any(c.isdigit() for c in toks[j + 1].text):
        j += 2
    elif j < len(toks) and not doc.broken(j) and any(c.isdigit() for c in toks[j].text) and len(toks[j].text) <= 4:
        j += 1  # الطريق الحزامية X20، الطريق السيارة أ1
    return _Hit(i, j, doc.start_after_clitic(i, plen), toks[j - 1].end, "LOC", "")


_ROAD_NUMBER_AR = lexicon.keys("road_number", "ar")


def _bare_id(doc: _Doc, i: int, j: int) -> str:
    """The id of a place named without its noun (الملز for حي الملز), so that the bare name elsewhere
    in the text is the same entity."""
    return "loc:~" + " ".join(t.norm for t in doc.toks[i:j])


def _known_place_after(doc: _Doc, i: int) -> _Hit | None:
    """A table place that starts right at token i + 1 (no clitic on it): حي الميناء، بندر چابهار."""
    if i + 1 >= len(doc.toks) or doc.broken(i + 1):
        return None
    known = gazetteer_match(doc, i + 1, "LOC")
    return known if known is not None and known.i == i + 1 and known.start == doc.toks[i + 1].start else None


def _loc_word_fa(doc: _Doc, k: int) -> bool:
    t = doc.toks[k]
    return (k < len(doc.toks) and not doc.broken(k) and alpha(t.text) and len(t.norm) >= 3
            and t.norm not in rules.STOP_FA and t.norm not in rules.FUNCTION_FA and not is_nisba(doc, k)
            and t.norm not in _NAME_END_FA and "\u064b" not in t.text  # (ایستگاه | مستقیماً: an adverb)
            and not trigger_match(doc, k) and not any(s in rules.ORG_HEADS_FA for _, s in clitic_candidates(t.norm)[:1]))


_DAM_FA = lexicon.keys("dam", "fa")
_NAME_END_FA = lexicon.keys("name_end", "fa")


_VENUES_FA = lexicon.keys("venues", "fa")
_CITY_VENUES_FA = lexicon.keys("city_venues", "fa")
_KEPT_NAME_OPENERS_FA = lexicon.keys("kept_name_openers", "fa")
_ZONE_WORDS_FA = lexicon.keys("zone_words", "fa")
_RARE_NAME_HEADS_FA = lexicon.keys("rare_name_heads", "fa")
_SEAT_DESCRIPTORS_FA = lexicon.keys("seat_descriptors", "fa")
_GENERIC_PLACE_COMPLEMENTS_FA = lexicon.keys("generic_place_complements", "fa")


def _loc_from_head_fa(doc: _Doc, i: int) -> _Hit | None:
    """استان خوزستان -> خوزستان; میدان آزادگان جنوبی, سد کمال‌خان: Persian place nouns."""
    toks, n = doc.toks, doc.toks[i].norm
    full = n in rules.LOC_FULL_HEADS_FA
    if not (full or n in rules.LOC_NAME_HEADS_FA) or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    if i > 0 and not doc.broken(i) and (toks[i - 1].norm in _DEMONSTRATIVES_FA or toks[i - 1].text.isdigit()):
        return None  # این گذرگاه: the crossing named before; ۱۴ شهرستان: fourteen counties
    if n in rules.LOC_KEPT_HEADS["fa"] and toks[i + 1].norm in _KEPT_NAME_OPENERS_FA and i + 2 < len(toks) \
            and not doc.broken(i + 2) and _loc_word_fa(doc, i + 2) and not _verbal_fa(doc, i + 2) \
            and not _sentence_final(doc, i + 2) and gazetteer_match(doc, i + 2) is None:
        j = i + 3
        while j < len(toks) and doc.gaps[j] == "\u200c":
            j += 1
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", _bare_id(doc, i + 1, j))  # ولسوالی کوه صافی، قریه چشمه شیر
    if toks[i + 1].norm in (rules.LOC_NAME_HEADS_FA | rules.LOC_FULL_HEADS_FA) or toks[i + 1].norm in _ZONE_WORDS_FA:
        return None  # (منطقه آزاد قشم: a free zone, not a place named آزاد)
    if n in _RARE_NAME_HEADS_FA and toks[i + 1].norm in lexicon.common_words("fa", 3000) \
            and toks[i + 1].norm not in _PLACE_KINDS_FA:
        return None  # بازار سرمایه: the capital market, not a bazaar named سرمایه
    if toks[i + 1].norm in _GENERIC_PLACE_COMPLEMENTS_FA:
        return None  # نیروگاه اتمی: a kind of plant, not one named اتمی
    if n in _STRICT_NAME_HEADS_FA and (toks[i + 1].norm in lexicon.common_words("fa") or doc.gaps[i + 1] == "\u200c"):
        return None  # سالن اجتماعات، تونل انتقال، کانال تلگرامی: a phrase, not a place named so
    if full and (per := _named_after_person_fa(doc, i)) is not None:
        return per  # حرم امام رضا، فرودگاه بین‌المللی امام خمینی: a place named after a person
    if full and toks[i + 1].norm in _INTL_FA:
        k = i + 1
        while k < len(toks) and k - i <= 2 and not doc.broken(k) and toks[k].norm in _INTL_FA:
            k += 1  # بین المللی (two pieces when the ZWNJ is lost)
        if k < len(toks) and not doc.broken(k) and (known := gazetteer_match(doc, k, "LOC")) is not None and known.i == k:
            return _Hit(i, known.j, toks[i].start, toks[known.j - 1].end, "LOC", "")  # فرودگاه بین‌المللی اهواز
    if n in _NUMBERED_FA and toks[i + 1].text.isdigit():
        j = i + 2
        if j < len(toks) and not doc.broken(j) and (known := gazetteer_match(doc, j, "LOC")) is not None and known.i == j:
            j = known.j  # ترمینال ۴ مهرآباد
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", "")  # ترمینال ۶
    if gazetteer_match(doc, i + 1) is None and (_verbal_fa(doc, i + 1) or _sentence_final(doc, i + 1)):
        return None  # منطقه تأمین شود: a verb's noun, not a place
    kept = n in rules.LOC_KEPT_HEADS["fa"]
    if (kept or full) and toks[i + 1].norm in _PLACE_KINDS_FA and i + 2 < len(toks) and not doc.broken(i + 2):
        return _kind_place_fa(doc, i)  # شهرک صنعتی عباس‌آباد، ایستگاه مترو تجریش
    if kept and (known := _known_place_after(doc, i)) is not None:
        return _Hit(i, known.j, toks[i].start, known.end, "LOC", known.entity_id)  # بندر چابهار: the port is the city
    hit = gazetteer_match(doc, i + 1)
    if hit is not None:
        if full and hit.type == "LOC" and not ((n in _DAM_FA or n in _COUNTRY_OF_FA) and is_country(hit.entity_id)):
            end = hit.j
            while end < len(toks) and doc.gaps[end] == "\u200c" and alpha(toks[end].text):
                end += 1  # رودخانه گرگان‌رود: the known place is the first piece of a longer word
            return _Hit(i, end, toks[i].start, toks[end - 1].end, "LOC", "")
        return None  # از سد ازبکستان گذشت: "the barrier of" a country, not a dam
    if not _loc_word_fa(doc, i + 1):
        return None
    j = i + 2
    while j < len(toks) and doc.gaps[j] in _JOINERS:
        j += 1  # کمال‌خان: one word in two pieces
    if j < len(toks) and not doc.broken(j) and (toks[j].norm in rules.HONORIFIC_FA or (
            toks[j - 1].norm in rules.HONORIFIC_FA and _loc_word_fa(doc, j))):
        j += 1  # ورزشگاه یادگار امام، میدان شهید ...
    if full and n in _VENUES_FA and j == i + 2 and j + 1 < len(toks) and _loc_word_fa(doc, j) \
            and gazetteer_match(doc, j) is None and not _verbal_fa(doc, j) and not _sentence_final(doc, j) and (
                doc.broken(j + 1) or toks[j].norm in rules.LOC_NAME_HEADS_FA
                or (g := gazetteer_match(doc, j + 1, "LOC")) is not None and g.i == j + 1
                or toks[j + 1].norm in rules.FUNCTION_FA):
        j += 1  # ورزشگاه نقش جهان اصفهان، ورزشگاه فولاد شهر
    if j < len(toks) and not doc.broken(j) and toks[j].norm in rules.COMPASS_FA:
        j += 1
    if full and j == i + 2 and j < len(toks) and not doc.broken(j) and toks[j - 1].norm in _SEAT_DESCRIPTORS_FA \
            and (city := gazetteer_match(doc, j, "LOC")) is not None and city.i == j:
        j = city.j  # زندان مرکزی مشهد: a descriptive adjective, then the city the place is named by
    if n in _CITY_VENUES_FA and j < len(toks) and not doc.broken(j) and (city := gazetteer_match(doc, j, "LOC")) is not None \
            and city.i == j and city.start == toks[j].start and not is_country(city.entity_id) and gazetteer_match(doc, i + 1) is None:
        j = city.j  # ورزشگاه تختی خرم‌آباد: a stadium and the city it is in, one name
    if kept:
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", _bare_id(doc, i + 1, j))  # شهرک غرب
    if full or toks[i + 1].norm in rules.HONORIFIC_FA:  # بندر شهید رجایی، بندر امام خمینی: the port, not the man
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", "")
    return _Hit(i + 1, j, toks[i + 1].start, toks[j - 1].end, "LOC", "")


_PLACE_KINDS_FA = lexicon.keys("place_kinds", "fa")
_NUMBERED_FA = lexicon.keys("numbered_heads", "fa")
_COUNTRY_OF_FA = lexicon.keys("country_of_heads", "fa")
_STRICT_NAME_HEADS_FA = lexicon.keys("strict_name_heads", "fa")


def _kind_place_fa(doc: _Doc, i: int) -> _Hit | None:
    """شهرک صنعتی عباس‌آباد، شهرک صنعتی البرز: a place noun, a kind, then the name (a known place there
    names the estate, which is not that place)."""
    toks = doc.toks
    k = i + 2
    while k + 1 < len(toks) and k - i <= 3 and not doc.broken(k + 1) and toks[k].norm in _INTL_FA:
        k += 1  # میدان هوایی بین‌المللی کندهار: "international" between the kind and the place
    if (known := gazetteer_match(doc, k, "LOC")) is not None and known.i == k:
        if is_country(known.entity_id):
            return None  # پارک ملی ایران: the country's national parks, not one named so
        return _Hit(i, known.j, toks[i].start, toks[known.j - 1].end, "LOC", "")
    if not _loc_word_fa(doc, i + 2) or _verbal_fa(doc, i + 2) or toks[i + 2].norm in lexicon.common_words("fa", 3000):
        return None
    j = i + 3
    while j < len(toks) and doc.gaps[j] in _JOINERS:
        j += 1  # عباس‌آباد: one word in two pieces
    return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", "")


def _he_name_end(doc: _Doc, k: int) -> bool:
    """A Hebrew place name may end before k: punctuation, a stop word, or a prefixed word (ובבקעת, שליד, בדרום)."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    n = doc.toks[k].norm
    if (len(n) == 5 and n[0] == "נ" and n[-1] in "הו") or (len(n) == 5 and n.startswith("יי")):
        return True  # קיבוץ יזרעאל נרשמו, חוף פולג ייסגר: a nif'al past or future verb
    return n in rules.STOP_HE or (n[:1] in "ובלמשכה" and len(n) > 3) or gazetteer_match(doc, k) is not None \
        or _he_future(doc, k)  # צומת שיזפון | יחלו
    # (שכונת עיר ימים | הסמוכה: an adjective with the article ends the name)


def _he_place_words(doc: _Doc, j: int, most: int = 2) -> int:
    """One to ``most`` bare words of a place name from j (ניר עוז, מסאפר יטא, היכל מנורה מבטחים), 0 if none."""
    toks = doc.toks
    def bare(k: int) -> bool:
        t = toks[k]
        return (doc.tlang[k] == "he" and alpha(t.text.replace("'", "")) and len(t.norm) >= 2
                and t.norm not in rules.STOP_HE and not trigger_match(doc, k) and not is_nisba(doc, k)
                and gazetteer_match(doc, k) is None)
    if j >= len(toks) or doc.broken(j) or not bare(j) or toks[j].norm.startswith("ה") or len(toks[j].norm) < 3 \
            or (toks[j].norm.startswith("ו") and not _he_vav_name(doc, j)):
        return 0
    def goes_on(k: int) -> bool:  # מבטחים goes on a venue's name; בדרום (ב + an everyday word) does not
        n = toks[k].norm
        return k < len(toks) and not doc.broken(k) and bare(k) and not n.startswith(("ה", "ו")) and not (
            n[:1] in "שבלמ" and (n[1:] in lexicon.common_words("he") or len(n) < 5 or gazetteer_match(doc, k) is not None)) \
            and n not in _DURATIONS_HE
    if j + 1 < len(toks) and _given(doc, j) and not doc.broken(j + 1) and (
            _he_surname_after(doc, j + 1) or (_he_det(doc, j + 1) and trigger_match(doc, j + 1))) \
            and _he_name_end(doc, j + 2):
        return j + 2  # רחוב שמואל בייט (a surname that looks like ב + a word), שדרות שאול המלך
    if most >= 3 and j + 2 < len(toks) and goes_on(j + 1) and goes_on(j + 2) and _he_name_end(doc, j + 3):
        return j + 3  # היכל מנורה מבטחים
    if j + 1 < len(toks) and not doc.broken(j + 1) and toks[j + 1].norm.startswith("ה") \
            and (known := gazetteer_match(doc, j + 1, "LOC")) is not None and known.i == j + 1 and known.j == j + 2 \
            and known.start == toks[j + 1].start and _he_name_end(doc, j + 2):
        return j + 2  # אזור התעשייה עידן הנגב، נאות הכיכר: a name's second word is a region with its article
    if _he_name_end(doc, j + 1) and not (most >= 3 and j + 1 < len(toks) and goes_on(j + 1) and _he_name_end(doc, j + 2)):
        return j + 1
    if j + 1 < len(toks) and goes_on(j + 1) and (most >= 3 or not toks[j + 1].norm.startswith(("ש", "ב", "ל", "מ"))) \
            and _he_name_end(doc, j + 2):
        return j + 2
    if j + 1 < len(toks) and toks[j + 1].norm in _DURATIONS_HE:
        return j + 1  # שדרות רוטשילד | חודש לפני: a span of time ends the name
    return 0


def _he_surname_after(doc: _Doc, k: int) -> bool:
    """Token k after a given name is a surname: a listed one, or a rare word whose clitic reading is no word
    either (בייט, not בירושלים or בשבוע)."""
    t, n, common = doc.toks[k], doc.toks[k].norm, lexicon.common_words("he")
    if doc.tlang[k] != "he" or not alpha(t.text.replace("'", "")) or len(n) < 3 or n in rules.STOP_HE \
            or gazetteer_match(doc, k) is not None or trigger_match(doc, k) or n[:1] in "הו":
        return False
    return n in lexicon.surnames("he") or (n not in common and n[1:] not in common and len(n) >= 4
                                           and not _he_verb(doc, k) and not _he_future(doc, k))


_RARE_NAME_HEADS_HE = lexicon.keys("rare_name_heads", "he")
_DURATIONS_HE = lexicon.keys("durations", "he")
_TOWN_PLACE_HEADS_HE = lexicon.keys("town_place_heads", "he")
_STRICT_NAME_HEADS_HE = lexicon.keys("strict_name_heads", "he")


def _he_common_start(doc: _Doc, k: int) -> bool:
    """Token k cannot open a name after a strict place noun: an everyday word (with or without ה) of the
    20,000, a ה-adjective in -י/-ית (היפני، הצפונית), a clitic on an everyday word, or a known place."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    t, n, common = doc.toks[k], doc.toks[k].norm, lexicon.common_words("he")
    bare = n[1:] if n[:1] == "ה" else n
    return (n in common or bare in common or n.endswith(("י", "ית")) or n[:1] in "שובלכ" or not alpha(t.text)
            or _he_clitic_word(doc, k) or _he_verb(doc, k) or gazetteer_match(doc, k) is not None)
    # (גן ארכיאולוגי، שוק שקפא، מתחם E1، שוק המט"ח، תחנת מד"א، תחנת רכבת ישראל)


def _he_everyday(doc: _Doc, k: int) -> bool:
    """Token k (without a ה) is among the 3,000 most frequent words, or a clitic on an everyday word."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    n, common = doc.toks[k].norm, lexicon.common_words("he", 3000)
    return n in common or (n[:1] == "ה" and n[1:] in common) or _he_clitic_word(doc, k)


def _he_clitic_word(doc: _Doc, k: int) -> bool:
    """A ב/כ/ל/מ/ש on an everyday word (בדרך، כמקום، שעד): no place's name starts so."""
    n = doc.toks[k].norm if k < len(doc.toks) else ""
    return (n[:1] in "בכלמש" and n[1:] in rules.STOP_HE) or (n[:1] in "בכלמ" and n[1:] in lexicon.common_words("he"))


_LOC_GATE_HE = rules.LOC_FULL_HEADS_HE | rules.LOC_NAME_HEADS_HE2 | rules.LOC_NAME_HEADS_HE


def _transit_line_he(doc: _Doc, i: int) -> _Hit | None:
    """הקו האדום, מהקו הסגול: a light-rail line in a text about trains, הקו הכחול in one about Lebanon;
    elsewhere "the red line" is a metaphor (line_colours, transit_cues, blue_line_cues)."""
    toks = doc.toks
    if i + 1 >= len(toks) or doc.broken(i + 1) or toks[i + 1].norm not in _LINE_COLOURS_HE:
        return None
    p = next((p for p, s in clitic_candidates(toks[i].norm) if s == _LINE_HE and p >= 1
              and toks[i].norm[p - 1] == "ה"), None)
    if p is None:
        return None
    stems = {s for t in toks for _, s in clitic_candidates(t.norm)[:3]}
    if not (stems & _TRANSIT_CUES_HE or (toks[i + 1].norm == _BLUE_HE and stems & _BLUE_LINE_CUES_HE)):
        return None
    return _Hit(i, i + 2, doc.start_after_clitic(i, p - 1), toks[i + 1].end, "LOC", "")


_LINE_HE = normalise("קו")
_BLUE_HE = normalise("הכחול")
_LINE_COLOURS_HE = lexicon.keys("line_colours", "he")
_TRANSIT_CUES_HE = lexicon.keys("transit_cues", "he")
_BLUE_LINE_CUES_HE = lexicon.keys("blue_line_cues", "he")


_ROUTE_HEADS_HE = lexicon.keys("route_heads", "he")


def _route_end_he(doc: _Doc, j: int) -> int:
    """Where a road or junction named by a table town ending at j ends: past a dash and a second table town
    (כביש חיפה–עכו، צומת כפר סבא–רעננה: one place, its towns not listed for it), else j."""
    if j >= len(doc.toks) or doc.gaps[j].strip() not in _DASHES:
        return j
    town = gazetteer_match(doc, j, "LOC")
    return town.j if town is not None and town.i == j and town.start == doc.toks[j].start else j


def _loc_from_head_he(doc: _Doc, i: int) -> _Hit | None:
    """הכפר יאטר, בעיר עפולה -> the name after a Hebrew place noun; בקעת הירדן, כיכר החטופים, ציר
    פילדלפי, הר חברון: a place noun that is part of the name."""
    toks = doc.toks
    if toks[i].norm.endswith(_LINE_HE) and (line := _transit_line_he(doc, i)) is not None:
        return line
    if not stem_in(toks[i].norm, _LOC_GATE_HE, 3):
        return None  # no reading is a place noun (every branch below needs one)
    stems = [s for _, s in clitic_candidates(toks[i].norm)[:3]]
    if any(s in rules.LOC_FULL_HEADS_HE for s in stems) and i + 1 < len(toks) and not doc.broken(i + 1):
        plen = next(p for p, s in clitic_candidates(toks[i].norm)[:3] if s in rules.LOC_FULL_HEADS_HE)
        start = doc.start_after_clitic(i, plen)
        det_start = doc.start_after_clitic(i, plen - 1) if plen and toks[i].norm[plen - 1] == "ה" else start
        # (האצטדיון העירוני، הגן הלאומי ציפורי: before a ה-adjective the name keeps its article)
        if any(s in _TOWN_PLACE_HEADS_HE for s in stems) and (town := gazetteer_match(doc, i + 1, "LOC")) is not None \
                and town.i == i + 1 and town.start == toks[i + 1].start and not is_country(town.entity_id):
            return _Hit(i, town.j, start, town.end, "LOC", "")  # טיילת טבריה: the town's promenade, a place of its own
        if any(s in _STRICT_NAME_HEADS_HE for s in stems) and _he_common_start(doc, i + 1):
            return None  # שוק הדיור، אולם התצוגה، טיילת הצפונית، תחנת נתניה: a phrase, or a town's office
        if (known := gazetteer_match(doc, i + 1)) is not None and known.i == i + 1 \
                and known.start == toks[i + 1].start and known.type in ("LOC", "PER", "ORG"):
            end = _route_end_he(doc, known.j) if known.type == "LOC" and any(s in _ROUTE_HEADS_HE for s in stems) else known.j
            return _Hit(i, end, start, toks[end - 1].end, "LOC", "")  # צומת גולני، כיכר רבין: named after
        if any(s in _RARE_NAME_HEADS_HE for s in stems) and _he_everyday(doc, i + 1):
            return None  # חוף הים، מעבר לכך، תחנת דלק: an everyday noun, no place named so
        if _he_clitic_word(doc, i + 1):
            return None  # בדרך، כמקום: a preposition on an everyday word opens no name
        if _he_det(doc, i + 1) and not _he_verb(doc, i + 1) and _he_name_end(doc, i + 2):
            return _Hit(i, i + 2, det_start, toks[i + 1].end, "LOC", "")
        if _he_det(doc, i + 1) and not _he_verb(doc, i + 1) and any(s in _VENUES_HE for s in stems) \
                and (end := _he_place_words(doc, i + 2, 1)):
            return _Hit(i, end, det_start, toks[end - 1].end, "LOC", "")  # היכל הספורט רוממה
        if (title_end := trigger_match(doc, i + 1)) and (end := _he_place_words(doc, title_end, 2)):
            return _Hit(i, end, start, toks[end - 1].end, "LOC", "")  # רחוב המלך דוד، רחוב רבי מאיר: named after a person
        if toks[i + 1].text.isdigit() and any(s in _NUMBERED_HE for s in stems):
            return _Hit(i, i + 2, start, toks[i + 1].end, "LOC", "")  # כביש 90
        most = 3 if any(s in _VENUES_HE for s in stems) else 2
        if toks[i + 1].norm in _GENERIC_PLACE_COMPLEMENTS_HE:
            return None  # לרמת שיא: a record level, not a place named שיא
        if (end := _he_place_words(doc, i + 1, most)):
            if toks[end - 1].norm[:1] == "ל" and len(toks[end - 1].norm) >= 5 and end < len(toks) and not doc.broken(end) \
                    and _he_det(doc, end) and not _he_verb(doc, end) and gazetteer_match(doc, end) is None \
                    and _he_name_end(doc, end + 1):
                end += 1  # משכן לאמנויות הבמה: the ל-noun's ה-word is the name's
            return _Hit(i, end, start, toks[end - 1].end, "LOC", "")
        return None
    kept = next((p for p, s in clitic_candidates(toks[i].norm)[:3] if s in rules.LOC_KEPT_HEADS["he"]), None)
    he2 = next((p for p, s in clitic_candidates(toks[i].norm)[:3] if s in rules.LOC_NAME_HEADS_HE2), None)
    if kept is not None and kept and toks[i].norm[kept - 1] == "ה" and i + 1 < len(toks) \
            and toks[i + 1].norm in lexicon.common_words("he") and gazetteer_match(doc, i + 1) is None:
        return None  # הקיבוץ נמכר، המושב חוגג: "the kibbutz" named before, then the verb (no name is an everyday word there)
    if he2 is not None and i + 2 < len(toks) and not doc.broken(i + 1) and toks[i + 1].norm in _PLACE_KINDS_HE \
            and (end := _he_place_words(doc, i + 2)):
        return _Hit(i, end, doc.start_after_clitic(i, he2), toks[end - 1].end, "LOC", "")  # אזור התעשייה ספיר
    if kept is not None and i + 2 < len(toks) and not doc.broken(i + 1) and not doc.broken(i + 2) \
            and toks[i + 1].norm in _PLACE_PREFIX_HE and gazetteer_match(doc, i + 1) is None \
            and not (_he_verb(doc, i + 2) and toks[i + 2].norm not in lexicon.common_words("he")) \
            and (_he_det(doc, i + 2) or _he_place_words(doc, i + 2, 1)) \
            and _he_name_end(doc, i + 3):
        return _Hit(i, i + 3, doc.start_after_clitic(i, kept), toks[i + 2].end, "LOC", "")  # שכונת רמת הנשיא
    if kept is not None and i + 2 < len(toks) and not doc.broken(i + 1) and not doc.broken(i + 2) \
            and toks[i + 1].norm in _PLACE_PREFIX_HE and gazetteer_match(doc, i + 1) is None \
            and (town := gazetteer_match(doc, i + 2, "LOC")) is not None and town.i == i + 2 \
            and town.start == toks[i + 2].start:
        return _Hit(i, town.j, doc.start_after_clitic(i, kept), town.end, "LOC", "")  # שכונת רמת טבריה: not the town
    if kept is not None and (known := _known_place_after(doc, i)) is not None:
        return _Hit(i, known.j, doc.start_after_clitic(i, kept), known.end, "LOC", known.entity_id)  # כפר קאסם
    if kept is not None and i + 1 < len(toks) and not doc.broken(i + 1) and _he_det(doc, i + 1) \
            and not _he_verb(doc, i + 1) and toks[i + 1].norm[1:] not in lexicon.common_words("he", 3000) \
            and not toks[i + 1].norm.endswith(("י", "ית", "ו")) and not is_nisba(doc, i + 1) \
            and _he_name_end(doc, i + 2):
        return _Hit(i, i + 2, doc.start_after_clitic(i, kept), toks[i + 1].end, "LOC", "")  # שכונת התקווה
    if kept is not None and not _he_clitic_word(doc, i + 1) and (end := _he_place_words(doc, i + 1)):
        return _Hit(i, end, doc.start_after_clitic(i, kept), toks[end - 1].end, "LOC", _bare_id(doc, i + 1, end))
        # (בקיבוץ ניר עוז)
    if any(s in rules.LOC_NAME_HEADS_HE2 for s in stems) and not _he_clitic_word(doc, i + 1) \
            and (end := _he_place_words(doc, i + 1)):
        return _Hit(i + 1, end, toks[i + 1].start, toks[end - 1].end, "LOC", "")  # קיבוץ ניר עוז, בכפר תורמוס עיא
    if not any(s in rules.LOC_NAME_HEADS_HE for s in stems):
        return None
    j = i + 1
    if j + 1 < len(toks) and not doc.broken(j) and not doc.broken(j + 1) and (is_nisba(doc, j) or (
            _he_det(doc, j) and toks[j].norm.endswith(("י", "ית")))):
        j += 1  # הכפר הבדואי ...
    if j >= len(toks) or doc.broken(j) or gazetteer_match(doc, j) is not None:
        return None
    t = toks[j]
    if not alpha(t.text.replace("'", "")) or len(t.norm) < 3 or t.norm in rules.STOP_HE or t.norm.startswith("ה") \
            or trigger_match(doc, j) or is_nisba(doc, j) or t.norm in _HE_PLACE_ADJ or _given(doc, j) \
            or (len(t.norm) == 5 and t.norm[0] == "נ" and t.norm[-1] in "הו") or t.norm in rules.SAY_HE \
            or (t.norm.endswith(("ים", "ות")) and t.norm in lexicon.common_words("he")):
        return None  # שכונה חדשה; סיעת רוב העיר אסף הראל; מחנה אימונים, מחנה פליטים: a frequent plural, a kind
    k = j + 1
    if k + 1 < len(toks) and toks[k].norm in _HE_AL and not doc.broken(k) and doc.gaps[k + 1] in _JOINERS:
        k += 1  # ואדי אל-נעם
    while k < len(toks) and doc.gaps[k] in _JOINERS and alpha(toks[k].text.replace("'", "")):
        k += 1
    return _Hit(j, k, t.start, toks[k - 1].end, "LOC", "")


_HE_PLACE_ADJ = lexicon.keys("he_place_adj")
_PLACE_KINDS_HE = lexicon.keys("place_kinds", "he")
_PLACE_PREFIX_HE = lexicon.keys("place_prefix", "he")
_GENERIC_PLACE_COMPLEMENTS_HE = lexicon.keys("generic_place_complements", "he")
_VENUES_HE = lexicon.keys("venues", "he")
_NUMBERED_HE = lexicon.keys("numbered_heads", "he")


_PLACE_LEAD_AR = lexicon.keys("place_lead", "ar") | lexicon.keys("locative", "ar")
_LOCATIVE_FA = lexicon.keys("locative", "fa")


_PLACE_NOUNS = {"ar": rules.LOC_FULL_HEADS_AR | rules.LOC_NAME_HEADS_AR, "fa": rules.LOC_FULL_HEADS_FA | rules.LOC_NAME_HEADS_FA,
                "he": rules.LOC_FULL_HEADS_HE | rules.LOC_NAME_HEADS_HE}


def _possessed_ar(stem: str, common: frozenset[str]) -> bool:
    """ضواحيها، مكتبتها: an everyday noun with a possessive pronoun (no place name carries one)."""
    for suffix in ("هما", "هم", "ها", "هن", "كم"):
        base = stem[:-len(suffix)]
        if stem.endswith(suffix) and len(base) >= 3 and (base in common or (base[-1] == "ت" and base[:-1] + "ه" in common)):
            return True
    return False


def _unknown_name_word(doc: _Doc, k: int, plen: int, after_break: bool = False) -> bool:
    """Token k (after a clitic of ``plen`` letters) could be a place no table knows: letters only, not an
    everyday word, a stop word, a given name, a nationality or a title, and no table spelling (nor, unless
    ``after_break``, a clitic word right after punctuation)."""
    t, lang = doc.toks[k], doc.tlang[k]
    stem = t.norm[plen:]
    if lang not in ("ar", "fa", "he") or not alpha(t.text) or len(stem) < 3 or doc.broken(k) and plen and not after_break:
        return False
    common = lexicon.common_words(lang)
    if stem in common or any(s in common for _, s in clitic_candidates(stem)[:3]) or stem in rules.stop_words(lang):
        return False
    if lang == "ar" and _possessed_ar(stem, common):
        return False  # وضواحيها: "and its suburbs"
    return not (stem in rules.GIVEN.get(lang, ()) or is_nisba(doc, k) or trigger_match(doc, k)
                or gazetteer_match(doc, k) is not None or stem in rules.org_heads(lang) or stem in _PLACE_NOUNS.get(lang, ()))


_EVENT_WORDS_AR = lexicon.keys("event_words", "ar")


def event_places(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """كأس تونس، بطولة آسيا، طواف عُمان، مهرجان برلين: a place right after an event's word is part of the event's
    name, not listed (the gold convention; where the text names the place on its own, that mention is kept).
    In the training gold none of 36 such places is listed for the event alone (Arabic)."""
    out = []
    for h in hits:
        if h.type == "LOC" and doc.tlang[h.i] == "ar" and h.i > 0 and not doc.broken(h.i) \
                and h.start == doc.toks[h.i].start \
                and any(s in _EVENT_WORDS_AR for _, s in clitic_candidates(doc.toks[h.i - 1].norm)[:3]):
            continue
        out.append(h)
    return out


_CONTINENTS_AR = lexicon.keys("continents", "ar")
_CITY_HEADS_AR = lexicon.keys("city_heads", "ar")
_COMPASS_AR = lexicon.keys("compass_words", "ar")


def regional_places(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """شرق آسيا، جنوب شرق آسيا، شمال أفريقيا: a compass word (or two) before a continent names a world region, one
    place (the training gold lists the region 8 of 8 times; before a country or a town the direction is a part
    of it, and only the country or town is listed: جنوب لبنان, شمال جدة)."""
    out = []
    for h in hits:
        k = h.i
        if h.type == "LOC" and doc.tlang[h.i] == "ar" and h.j == h.i + 1 and h.start == doc.toks[h.i].start \
                and doc.toks[h.i].norm in _CONTINENTS_AR:
            while k > 0 and h.i - k < 2 and not doc.broken(k) \
                    and any(s in _COMPASS_AR for _, s in clitic_candidates(doc.toks[k - 1].norm)[:3]):
                k -= 1
        if k < h.i:
            n = doc.toks[k].norm
            plen = next(len(n) - len(s) for _, s in clitic_candidates(n)[:3] if s in _COMPASS_AR)
            out.append(_Hit(k, h.j, doc.start_after_clitic(k, plen), h.end, "LOC", ""))
        else:
            out.append(h)
    return out


def coordinated_places(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """عرفات ومزدلفة ومنى، نیشابور و سبزوار، פלורנטין ויפו: a word no table knows, joined by "and" to a
    place (after it, or before it after a locative preposition), is a place too."""
    covered = {k for h in hits for k in range(h.i, h.j)}
    loc_ends = {h.j - 1 for h in hits if h.type == "LOC"}
    out: list[_Hit] = []
    for h in hits:
        if h.type != "LOC":
            continue
        lang = doc.tlang[h.i]
        k = h.j
        lead = _he_list_prefix(doc, h)
        while k < len(doc.toks) and k not in covered and (not doc.broken(k) or _he_comma_item(doc, k, lead)):
            if lead and doc.broken(k):  # באשדוד, בניצנים ובפלמחים: the same preposition after a comma
                out.append(_Hit(k, k + 1, doc.start_after_clitic(k, 1), doc.toks[k].end, "LOC", ""))
                k += 1
            elif lang == "fa" and doc.toks[k].norm == "و" and k + 1 < len(doc.toks) and not doc.broken(k + 1) \
                    and k + 1 not in covered and _unknown_name_word(doc, k + 1, 0) and _list_end(doc, k + 2):
                out.append(_Hit(k + 1, k + 2, doc.toks[k + 1].start, doc.toks[k + 1].end, "LOC", ""))
                k += 2
            elif lang in ("ar", "he") and doc.toks[k].norm[:1] in "وו" and _unknown_name_word(doc, k, plen := _and_len(doc, k)) \
                    and _list_end(doc, k + 1):
                out.append(_Hit(k, k + 1, doc.start_after_clitic(k, plen), doc.toks[k].end, "LOC", ""))
                k += 1
            else:
                break
        if lang == "he" and (b := _he_place_before_seat(doc, h)) >= 0 and b not in covered:
            out.append(_Hit(b, b + 1, doc.start_after_clitic(b, 1), doc.toks[b].end, "LOC", ""))  # בסוראט שבהודו
            covered.add(b)
        if (b := _range_partner(doc, h)) >= 0 and b not in covered:
            plen = _prefix_len(doc, b) if doc.tlang[b] == "he" and b > h.i else 0
            e = b + 1
            while e < h.i and doc.gaps[e] == "\u200c":
                e += 1  # (ملک‌شهر)
            out.append(_Hit(b, e, doc.start_after_clitic(b, plen), doc.toks[e - 1].end, "LOC", ""))
            covered.update(range(b, e))  # בין גבעתיים לבני ברק، از ملک‌شهر تا میدان بسیج: the other end of a range
        if lead and (b := h.i - 1) >= 0 and b not in covered and _he_comma_item(doc, h.i, lead, b):
            out.append(_Hit(b, b + 1, doc.start_after_clitic(b, 1), doc.toks[b].end, "LOC", ""))  # בחריש, באופקים
            covered.add(b)
        first = doc.toks[h.i].norm  # Y و X: an unknown word before "and" a place, after a preposition
        b = h.i - 2 if lang == "fa" else h.i - 1
        joined = (lang == "fa" and h.i >= 1 and doc.toks[h.i - 1].norm == "و") or (
            lang in ("ar", "he") and first[:1] in "וو" and h.start > doc.toks[h.i].start)
        if not joined or b < 1 or b in covered or doc.broken(b + 1) or doc.broken(h.i):
            continue
        chain: list[int] = []  # في نفطة ودقاش والحامة: more و-joined words no table knows, back to the preposition
        while lang == "ar" and b >= 2 and b not in covered and not doc.broken(b) and doc.toks[b].norm[:1] == "و" \
                and len(chain) < 3 and _unknown_name_word(doc, b, 1):
            chain.append(b)
            b -= 1
        if chain:
            if b in loc_ends or (b not in covered and _locative_at(doc, b) and _unknown_name_word(doc, b, 0)):
                if b not in loc_ends:
                    out.append(_Hit(b, b + 1, doc.toks[b].start, doc.toks[b].end, "LOC", ""))
                out += [_Hit(k, k + 1, doc.start_after_clitic(k, 1), doc.toks[k].end, "LOC", "") for k in chain]
                covered.update(chain)
            continue
        if _locative_at(doc, b) and _unknown_name_word(doc, b, _prefix_len(doc, b)):
            plen = _prefix_len(doc, b)
            out.append(_Hit(b, b + 1, doc.start_after_clitic(b, plen), doc.toks[b].end, "LOC", ""))
    for k in range(len(doc.toks) - 1):  # יליד טמרה، תושב טורעאן، اهل نیشابور: born in / living in a place
        if doc.toks[k].norm in _NATIVE_WORDS.get(doc.tlang[k], ()) and k + 1 not in covered and not doc.broken(k + 1) \
                and _unknown_name_word(doc, k + 1, 0) and _list_end(doc, k + 2):
            out.append(_Hit(k + 1, k + 2, doc.toks[k + 1].start, doc.toks[k + 1].end, "LOC", ""))
            covered.add(k + 1)
    for k in range(1, len(doc.toks)):  # در ماسوله.: a word no list holds after "in/to", right before punctuation
        lang = doc.tlang[k]
        if k in covered or doc.broken(k) or doc.toks[k - 1].norm not in _BARE_LOCATIVE.get(lang, ()) \
                or not (k + 1 >= len(doc.toks) or doc.broken(k + 1)) or not _unknown_name_word(doc, k, 0):
            continue
        if doc.toks[k].norm.endswith(_PLURAL_ENDS_FA):
            continue  # در ایستگاهها، به پیمانکاران: a plural noun
        out.append(_Hit(k, k + 1, doc.toks[k].start, doc.toks[k].end, "LOC", ""))
        covered.add(k)
    return out


_BARE_LOCATIVE = {"fa": lexicon.keys("bare_locative", "fa")}  # (Arabic في/إلى: as many everyday words as places)
_PLURAL_ENDS_FA = ("ها", "هاي", "اران", "گران", "يان")
_NATIVE_WORDS = {lang: lexicon.keys("native_words", lang) for lang in ("fa", "he")}


def _he_list_prefix(doc: _Doc, h: _Hit) -> str:
    """The ב/מ/ל a Hebrew place hit carries (בנתניה -> ב), or "" (none, or not Hebrew)."""
    t = doc.toks[h.i]
    if doc.tlang[h.i] != "he" or h.start <= t.start or h.start - t.start != 1 or t.norm[:1] not in "במל":
        return ""
    return t.norm[:1]


def _he_comma_item(doc: _Doc, k: int, lead: str, item: int = -1) -> bool:
    """A comma before token k, and the list item (k itself, or ``item`` before the comma) is ``lead`` + one word
    no table knows, the item ending the list or running on to the next: באשדוד, בניצנים ובפלמחים."""
    if not lead or k >= len(doc.toks) or gap_key(doc.gaps[k]) != ",":
        return False
    j = k if item < 0 else item
    n = doc.toks[j].norm
    if n[1:2] == "ו" and n[1:3] != "וו":
        return False  # מונשם (a participle), not מ + ונשם: no name after a preposition starts with one ו
    if n[:1] != lead or n in lexicon.common_words("he") \
            or not _unknown_name_word(doc, j, 1, after_break=True):  # (בינתיים: "meanwhile", not ב + a place)
        return False
    if item >= 0:
        return True
    return _list_end(doc, k + 1) or gap_key(doc.gaps[k + 1]) == "," or doc.toks[k + 1].norm[:2] == "ו" + lead
    # (... בזיקים ובחוף פלמחים: the list goes on with "and in")


def _range_partner(doc: _Doc, h: _Hit) -> int:
    """The other end of a range whose one end is the place ``h``: "between X and Y", "from X to Y" (בין X ל-Y,
    מ-X ל-Y، از X تا Y، بین X و Y، بين X وY), when that end is one word no table knows; its token (-1 if none)."""
    toks, lang = doc.toks, doc.tlang[h.i]
    if lang == "he":
        n = toks[h.i].norm
        if n[:1] == "ל" and h.start > toks[h.i].start and h.i >= 2 and not doc.broken(h.i) \
                and toks[h.i - 2].norm in _RANGE_OPEN_HE and not doc.broken(h.i - 1) \
                and _range_word(doc, h.i - 1, 0):
            return h.i - 1  # בין גבעתיים לבני ברק
        b = h.j
        if h.i >= 1 and toks[h.i - 1].norm in _RANGE_OPEN_HE and not doc.broken(h.i) and b < len(toks) \
                and not doc.broken(b) and toks[b].norm[:1] == "ל" and _range_word(doc, b, 1) and _list_end(doc, b + 1):
            return b  # בין צופר לפארן
        return -1
    if lang == "fa":
        a = h.i - 2
        while a > 0 and doc.gaps[a] == "\u200c":
            a -= 1  # ملک‌شهر: one word in two pieces
        if a >= 1 and toks[h.i - 1].norm in _RANGE_CLOSE_FA and toks[a - 1].norm in _RANGE_OPEN_FA \
                and not any(doc.broken(k) for k in range(a, h.i + 1)) and all(_range_word(doc, k, 0) for k in range(a, h.i - 1)):
            return a  # از ملک‌شهر تا میدان بسیج
        b = h.j + 1
        if h.i >= 1 and toks[h.i - 1].norm in _RANGE_OPEN_FA and h.j < len(toks) and toks[h.j].norm in _RANGE_CLOSE_FA \
                and b < len(toks) and not doc.broken(h.j) and not doc.broken(b) and _range_word(doc, b, 0) \
                and (b + 1 >= len(toks) or doc.gaps[b + 1] != "\u200c"):
            return b  # از کلیبر تا ورزقان
    return -1


def _range_word(doc: _Doc, k: int, plen: int) -> bool:
    """Token k (after a clitic of ``plen`` letters) could be a place at a range's end: as
    :func:`_unknown_name_word`, but in Hebrew a word of the frequency list beyond its 3,000 most frequent may be
    one (גבעתיים), and no Hebrew article."""
    t, lang = doc.toks[k], doc.tlang[k]
    stem = t.norm[plen:]
    if lang not in ("ar", "fa", "he") or not alpha(t.text.replace("‌", "")) or len(stem) < 3 \
            or (lang == "he" and stem[:1] == "ה") or stem in lexicon.common_words(lang, 3000 if lang == "he" else 0) \
            or stem in rules.stop_words(lang) or stem in rules.GIVEN.get(lang, ()) or is_nisba(doc, k) \
            or trigger_match(doc, k) or stem in rules.org_heads(lang) or stem in _PLACE_NOUNS.get(lang, ()):
        return False
    known = gazetteer_match(doc, k)
    return known is None or (known.type == "LOC" and known.j == k + 1)


_RANGE_OPEN_HE = lexicon.keys("range_open", "he")
_RANGE_OPEN_FA = lexicon.keys("range_open", "fa")
_RANGE_CLOSE_FA = lexicon.keys("range_close", "fa")


def _he_place_before_seat(doc: _Doc, h: _Hit) -> int:
    """בסוראט שבהודו، בצריפין שליד באר יעקב: a ב/מ/ל-word no table knows, right before ש + ב a known place
    (or שליד a place), is a place inside it; its token (-1 if none)."""
    toks = doc.toks
    n = toks[h.i].norm
    if n.startswith("שב") and h.start > toks[h.i].start:
        b = h.i - 1
    elif h.i >= 2 and toks[h.i - 1].norm in _HE_SEAT_WORDS and not doc.broken(h.i):
        b = h.i - 2
    else:
        return -1
    if b < 0 or doc.broken(b + 1) or toks[b].norm[:1] not in "במל" or not _unknown_name_word(doc, b, 1):
        return -1
    return b


_HE_SEAT_WORDS = lexicon.keys("seat_words", "he")


def _list_end(doc: _Doc, k: int) -> bool:
    """A list of places may end before k: punctuation, the end, a stop word or another "and"."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    n, lang = doc.toks[k].norm, doc.tlang[k]
    if doc.gaps[k] in _JOINERS:
        return False  # ائل‌گلی: the word goes on after a ZWNJ or hyphen
    if lang != "he" and (n in rules.stop_words(lang) or n in (_LOCATIVE_FA if lang == "fa" else _PLACE_LEAD_AR)):
        return True  # قندهار و مزارشریف تا ...، كلباء وخورفكان إلى ...: a preposition or stop word ends the list
    return n == "و" or (lang in ("ar", "he") and n[:1] in "וو" and len(n) > 3 and _unknown_name_word(doc, k, 1))
    # (וחיסל שני פעילים: a verb and its object go on, so no list of places ends there)


def _prefix_len(doc: _Doc, k: int) -> int:
    """A Hebrew ב/מ/ל on a place before "and a place" (בנשר ובחיפה); Arabic and Persian take a separate word."""
    n = doc.toks[k].norm
    return 1 if doc.tlang[k] == "he" and n[:1] in "במל" else 0


def _locative_at(doc: _Doc, k: int) -> bool:
    """Token k stands where a place goes: after في/من/إلى/بين, از/به/در/تا, or with a Hebrew ב/מ/ל."""
    lang = doc.tlang[k]
    if lang == "he":
        return doc.toks[k].norm[:1] in "במל"
    prev = doc.toks[k - 1].norm if k > 0 and not doc.broken(k) else ""
    if lang == "ar" and prev[:1] == "و" and prev[1:] in _PLACE_LEAD_AR:
        return True  # وفي نفطة ودقاش
    return prev in (_PLACE_LEAD_AR if lang == "ar" else _LOCATIVE_FA)


def _and_len(doc: _Doc, k: int) -> int:
    """The clitic on "and a place": و / ו, or Hebrew ו + ב/מ/ל (ומוורשה: and from Warsaw)."""
    n = doc.toks[k].norm
    return 2 if doc.tlang[k] == "he" and len(n) > 4 and n[1:2] in ("ב", "מ", "ל") else 1


def _list_goes_on(doc: _Doc, k: int) -> bool:
    """A list separator (a comma, or و) comes before token k."""
    if k >= len(doc.toks):
        return False
    return gap_key(doc.gaps[k]) in ("،", ",") or doc.toks[k].norm == "و" or (
        doc.tlang[k] == "ar" and doc.toks[k].norm[:1] == "و" and not doc.broken(k))


_INTL_FA = lexicon.keys("intl", "fa")


def _named_after_person_fa(doc: _Doc, i: int) -> _Hit | None:
    """A Persian place noun (after بین‌المللی, if written), then a known person or an honorific and a name:
    the place named after that person (حرم امام حسین، فرودگاه بین المللی امام خمینی)."""
    toks = doc.toks
    k = i + 1
    while k < len(toks) and k - i <= 2 and not doc.broken(k) and toks[k].norm in _INTL_FA:
        k += 1  # بین المللی (two pieces when the ZWNJ is lost)
    if k >= len(toks) or doc.broken(k):
        return None
    per = gazetteer_match(doc, k, "PER")
    if per is not None and per.i == k:
        return _Hit(i, per.j, toks[i].start, toks[per.j - 1].end, "LOC", "")
    if toks[k].norm in rules.HONORIFIC_FA and k + 1 < len(toks) and not doc.broken(k + 1) and _given(doc, k + 1):
        return _Hit(i, k + 2, toks[i].start, toks[k + 1].end, "LOC", "")
    return None


def _named_after_titled_ar(doc: _Doc, k: int) -> int:
    """مسجد الشيخ عبد الرحيم، ساحة مولاي الحسن: after a place noun and a title, the person's name words from k;
    where the place's name ends (0 if no name)."""
    from tui.entities.persons import person_after_title

    hit = person_after_title(doc, k)
    return hit.j if hit is not None and hit.i == k else 0


def _named_after_person_ar(doc: _Doc, i: int) -> int:
    """محطة عدلي منصور، شارع جمال عبد الناصر: a place noun, then a known person or a listed given name and
    its name words; where the place's name ends (0 if not a person's name)."""
    from tui.entities.persons import person_after_title

    toks = doc.toks
    if i + 1 >= len(toks) or doc.broken(i + 1):
        return 0
    per = gazetteer_match(doc, i + 1, "PER")
    if per is not None and per.i == i + 1 and per.start == toks[i + 1].start:
        return per.j
    compound = plain(toks[i + 1].text).startswith("عبدال") and len(toks[i + 1].norm) > 6  # عبدالحسين، عبدالرضا
    if not (_given(doc, i + 1) or compound) or gazetteer_match(doc, i + 1, "LOC") is not None:
        return 0
    hit = person_after_title(doc, i + 1)
    if (hit is None or hit.j - hit.i < 2) and i + 2 < len(toks) and not doc.broken(i + 2) and _al(doc, i + 2) \
            and not plain(toks[i + 2].text).startswith("لل") and toks[i + 2].norm not in _AR_TIME_WORDS \
            and not is_nisba(doc, i + 2) and not trigger_match(doc, i + 2) and toks[i + 2].norm not in _DIRECTIONS_AR \
            and not rules.is_stop(toks[i + 2].text, toks[i + 2].norm, "ar"):
        return i + 3  # منفذ إبراهيم الخليل، ضاحية عبدالله السالم: a given name and an ال-surname (a town's name too)
    if hit is None or hit.j - hit.i < 2:
        return 0
    j = hit.j
    if toks[j - 1].norm in rules.CONNECTORS and j < len(toks) and not doc.broken(j):
        j += 1  # شارع جمال عبد الناصر: a connector never ends a name
    return j
