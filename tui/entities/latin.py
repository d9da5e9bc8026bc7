"""Latin-script names: runs of Capitalised words, typed as a person, an
organisation or a place by a title, a head word or their shape. The one
rule for English text; in Arabic, Persian or Hebrew text, a Latin run is read
by :func:`_capitalised_local` (a body unless a title or a place head says
otherwise).
"""

from __future__ import annotations

import re

from tui.entities import lexicon, rules
from tui.entities.doc import _QUOTES, _al, _Doc, _Hit, gazetteer_match, is_country, is_nisba, rewrite_pairs, stem_in
from tui.text.normalize import clitic_candidates

_OUTLET_CUES_EN = lexicon.raw("outlet_cues", "en")
_INNER_EN = lexicon.raw("inner_words", "en")  # Wound Repair and Regeneration, Tower of David
_WORD_DIGITS = re.compile(r"[A-Z][a-z]+[0-9]+[A-Za-z0-9]*")  # Hub71, Sport5, Le360, Panel4All (not A320neo)
_RATING = re.compile(r"[A-C]a{0,2}[1-3]")  # Baa1, Aa3: a credit rating, not a name
_DOMAIN_ENDINGS = lexicon.raw("domain_endings", "en")  # Viz.ai, JD.com
_PLACE_HEADS = {"ar": rules.LOC_FULL_HEADS_AR, "fa": rules.LOC_FULL_HEADS_FA, "he": rules.LOC_FULL_HEADS_HE}
_AND_GAPS = frozenset({",", "\u060c", "\u0648", "\u05d5", "\u05d5\u05be", "\u05d5-"})  # , ، و ו ו־
_PRODUCT_CUES = lexicon.keys("latin_product_cues", "en")  # من طراز Range Rover, התרופה Nexviazyme
_BRAND_CUES = lexicon.keys("latin_brand_cues", "en")  # علامة, המותג
_BRAND_UNDER = lexicon.keys("latin_brand_under", "en")  # تحت علامة, תחת המותג


def capitalised(doc: _Doc, i: int, pending: bool) -> _Hit | None:
    """A run of Capitalised Latin words, typed by title, head word or shape."""
    if doc.lang != "en":
        return _capitalised_local(doc, i, pending)
    toks = doc.toks
    if doc.tlang[i] != "en" or not toks[i].text[:1].isupper() or toks[i].text in rules.STOP_EN:
        return None
    lead_nisba = is_nisba(doc, i)  # Turkish Airlines, Saudi Aramco: only with an organisation head
    j = i
    while j < len(toks) and doc.tlang[j] == "en" and (j == i or not doc.broken(j)):
        t = toks[j].text
        if t[:1].isupper() and t not in rules.STOP_EN and (j == i or not is_nisba(doc, j)) \
                and not (j > i and gazetteer_match(doc, j) and t not in rules.ORG_HEADS_EN
                         and not (set(x.text for x in toks[i:j]) & rules.ORG_HEADS_EN)):
            j += 1
        elif t in rules.CONNECTORS_EN and j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and not doc.broken(j + 1):
            j += 1
        else:
            break
        # People's Party: a possessive inside the name
        if j + 1 < len(toks) and toks[j].text == "s" and doc.gaps[j] in ("'", "\u2019") and not doc.broken(j + 1) \
                and toks[j + 1].text[:1].isupper() and doc.tlang[j + 1] == "en":
            j += 1
    words = [t.text for t in toks[i:j]]
    if not words or any(w.isdigit() for w in words):
        return None
    if lead_nisba and not (set(words[1:]) & rules.ORG_HEADS_EN):
        return None
    prev = toks[i - 1].text.casefold() if i > 0 and doc.tlang[i - 1] == "en" else ""
    if set(words) & rules.ORG_HEADS_EN and not pending or lead_nisba:
        kind = "ORG"
    elif pending:
        kind = "PER"
    elif set(words) & rules.LOC_HEADS_EN:
        kind = "LOC"
    elif prev in _OUTLET_CUES_EN and len(words) <= 3:
        kind = "ORG"  # broadcaster NTV, the daily Hurriyet
    elif 2 <= len(words) <= 3 and all(w[1:].islower() or w in rules.CONNECTORS_EN for w in words):
        kind = "PER"
    else:
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, kind, "")


def _name_word(text: str) -> bool:
    """A Latin word that may be part of a name in Arabic, Persian or Hebrew text: Capitalised or an
    acronym (Royal HaskoningDHV, Quick-Step), or a word and digits in one (Hub71, Sport5, Panel4All) that
    is no code (A320, EGX30, H3N2: capitals and digits only) and no credit rating (Baa1)."""
    if not text[:1].isupper() or text in rules.STOP_EN:
        return False
    if not any(c.isdigit() for c in text):
        return True
    return _WORD_DIGITS.fullmatch(text) is not None and not _RATING.fullmatch(text)


def _person_shape(words: list[str]) -> bool:
    """Two or three Capitalised words with no capital inside (Jensen Huang, Mark de Vries): a person's name
    may follow a title; an acronym or a single word there is the title's body (מנכ"ל IPL)."""
    return 2 <= len(words) <= 3 and all(w in rules.CONNECTORS_EN or (w[:1].isupper() and not any(
        c.isupper() or c.isdigit() for c in w[1:])) for w in words)


def _has_digit(words: list[str]) -> bool:
    return any(c.isdigit() for w in words for c in w)


def product_before(doc: _Doc, i: int) -> bool:
    """Whether the Latin name at ``i`` is a product by the word before it: a product noun (a drug, a device,
    a model, a game, a platform: من طراز Range Rover, עברו סריקות PET, התרופה, Nexviazyme), or a brand word
    when the name is quoted or the brand is "under" it (تحت علامة «Jebali Gold», תחת המותג NutriKid). The gold
    lists no products; a brand that is the company's name (تحمل علامتي Samsung) is unquoted and not "under"."""
    while i > 0 and doc.tlang[i - 1] == "en" and not doc.broken(i):
        i -= 1  # inside a run the product word opens (من طراز Range Rover: not Rover alone)
    if i == 0:
        return False
    gap = doc.gaps[i].strip()
    if doc.tlang[i - 1] == "en":  # Dana Fresh وTamr Bites, X ו־Y: the next of a list of products
        return gap in _AND_GAPS and product_before(doc, i - 1)
    if any(ch not in _QUOTES and ch != "," and ch != "\u060c" for ch in gap):
        return False
    prev = doc.toks[i - 1].norm
    if stem_in(prev, _PRODUCT_CUES):
        return True
    return stem_in(prev, _BRAND_CUES) and (any(ch in _QUOTES for ch in gap) or i >= 2 and not doc.broken(i - 1)
                                           and stem_in(doc.toks[i - 2].norm, _BRAND_UNDER))


def _place_head_before(doc: _Doc, i: int) -> int | None:
    """Where a place noun right before the Latin name at ``i`` begins, after its clitic (מגדל, היכל, אצטדיון,
    ملعب, ورزشگاه: a venue named in Latin letters is listed with its noun), or None."""
    if i == 0 or doc.broken(i) or doc.tlang[i - 1] not in _PLACE_HEADS:
        return None
    heads = _PLACE_HEADS[doc.tlang[i - 1]]
    plen = next((p for p, stem in clitic_candidates(doc.toks[i - 1].norm) if stem in heads), None)
    return None if plen is None else doc.start_after_clitic(i - 1, plen)


def _capitalised_local(doc: _Doc, i: int, pending: bool) -> _Hit | None:
    """A Latin name inside Arabic, Persian or Hebrew text: a run of Capitalised words and acronyms
    joined by spaces, & (S&P, Lion & Vine Imports) or an inner and/of (Tower of David), over a table
    name inside it (UAE Team Emirates, Team Negev Pro). Such names are bodies: of the Latin names the
    gold of every corpus lists in these languages, 662 are ORG, 11 LOC and 5 PER (counted in session 12),
    so a run is a person only after a title and in a person's shape (two or three Capitalised words), a place
    only with a place head word (its own, or a place noun of the text's language right before it: מגדל ToHa),
    else an organisation; none after a product word (:func:`product_before`)."""
    toks = doc.toks
    first = toks[i].text
    if not (_name_word(first) or (first[:1].isupper() and first not in rules.STOP_EN)) or product_before(doc, i):
        return None
    j = i + 1
    while j < len(toks) and doc.tlang[j] == "en":
        t, gap = toks[j].text, doc.gaps[j].strip()
        if (not doc.broken(j) or gap == "&") and _name_word(t):
            j += 1
        elif not doc.broken(j) and t in _INNER_EN and j + 1 < len(toks) and doc.tlang[j + 1] == "en" \
                and not doc.broken(j + 1) and _name_word(toks[j + 1].text):
            j += 2
        elif doc.gaps[j] == "." and t in _DOMAIN_ENDINGS:
            j += 1  # Viz.ai, JD.com: a company named by its web address
        elif t == "s" and doc.gaps[j] in ("'", "\u2019") and j + 1 < len(toks) and not doc.broken(j + 1) \
                and doc.tlang[j + 1] == "en" and _name_word(toks[j + 1].text):
            j += 2  # People's Party
        else:
            break
    city = None
    if j < len(toks) and doc.tlang[j] == "he" and not doc.broken(j) and not pending \
            and (city := gazetteer_match(doc, j, "LOC")) is not None and city.start != toks[j].start:
        city = None  # (ETH בציריך: "in Zurich", a place of its own)
    words = [t.text for t in toks[i:j]]
    head_before = i > 0 and not doc.broken(i) and doc.tlang[i - 1] != "en" \
        and stem_in(toks[i - 1].norm, rules.org_heads(doc.tlang[i - 1]), 3)
    if any(w.isdigit() for w in words):
        return None
    if _has_digit(words) and not (head_before or set(words) & rules.ORG_HEADS_EN
                                  or len(words) == 1 and _name_word(words[0])):
        return None  # AI21 Labs, شركة M42, Hub71; not a code (A320, S24) or a code after a name (Galaxy S24)
    if len(words) == 1 and not _name_word(words[0]) and not head_before:
        return None  # A320 alone
    if city is not None and not any(c.isdigit() for w in words for c in w):
        return _Hit(i, city.j, toks[i].start, city.end, "ORG", "")  # ETH ציריך, mynet מודיעין: a body and its city
    if (place := _place_head_before(doc, i)) is not None and not pending:
        return _Hit(i - 1, j, place, toks[j - 1].end, "LOC", "")  # במגדל ToHa, בהיכל OAKA: the venue with its head
    prev = toks[i - 1].text.casefold() if i > 0 and doc.tlang[i - 1] == "en" else ""
    if set(words) & rules.ORG_HEADS_EN and not pending or head_before and not (pending and _al(doc, i - 1)):
        kind = "ORG"  # المحللة في شركة QNB Financial Services: a title is open, but a body's head names it
        # (الرئيس التنفيذي للشركة Jensen Huang: "the company" points back, the title's person follows)
    elif pending and _person_shape(words):
        kind = "PER"  # الرئيس التنفيذي Jensen Huang
    elif pending:
        kind = "ORG"  # מנכ"ל IPL, معاون مدیرعامل MTZ: the body the title is held in (the person may follow)
    elif words[-1] in rules.LOC_HEADS_EN:
        kind = "LOC"  # BK Arena (not Negin Gulf Seafood)
    elif prev in _OUTLET_CUES_EN and len(words) <= 3:
        kind = "ORG"
    elif len(words) >= 2:
        kind = "ORG"  # Royal HaskoningDHV, Soudal Quick-Step, Google Cloud, Lion & Vine Imports
    elif len(words[0]) >= 3 and (head_before or not (j < len(toks) and doc.tlang[j] == "en" and not doc.broken(j))):
        kind = "ORG"  # a lone Latin brand: شركة Nvidia، مع Qualcomm، Dow ו־INEOS (not the first word of a Latin phrase)
    else:
        return None
    if len(words) == 1 and is_nisba(doc, i):
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, kind, "")


def latin_name(doc: _Doc, i: int) -> _Hit | None:
    """The Latin name a body's head chain reaches in Arabic, Persian or Hebrew text (orgs: شرکت آلمانی
    Berlin Heart), as :func:`_capitalised_local` reads it, or None."""
    return _capitalised_local(doc, i, False) if doc.lang != "en" and doc.tlang[i] == "en" else None


def over_alias(doc: _Doc, i: int, hit: _Hit | None, pending: bool) -> _Hit | None:
    """In Arabic, Persian or Hebrew text, a Latin name that begins with a table name and runs past it
    (Google Cloud, Negev Crystal Industries, Siemens Healthineers): the longer Latin run, else None."""
    if hit is None or doc.lang == "en" or doc.tlang[i] != "en" or hit.i != i:
        return None
    run = _capitalised_local(doc, i, pending)
    return run if run is not None and run.j > hit.j and run.type == "ORG" else None


def byline_outlet_end(doc: _Doc, a: int, b: int) -> int:
    """Where a byline's outlet (tokens a..b) ends: at the end of its Latin run when it opens with a Latin name
    and goes on in the text's own script (mako בריאות, ynet חדשות: the outlet and its section; the gold lists
    mako, ynet), else ``b``."""
    if doc.lang == "en" or doc.tlang[a] != "en":
        return b
    k = a + 1
    while k < b and doc.tlang[k] == "en" and not doc.broken(k):
        k += 1
    return k



_TAILS = lexicon.raw("latin_tails", "en")  # عمّان FC, שקד AI


def latin_tails(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """A name in the text's own letters with a Latin tail is one body: a club's or a company's Latin suffix after
    a town or a rare word (عمّان FC، פאפוס FC، שקד AI: ``latin_tails``), and a lowercase Latin outlet of the
    tables before a town of the tables (mynet חיפה: the outlet's local edition, listed with it)."""
    if doc.lang == "en":
        return hits
    toks = doc.toks

    def step(h: _Hit, nxt: _Hit | None) -> tuple[_Hit, int] | None:
        j = h.j
        if j < len(toks) and doc.tlang[j] == "en" and toks[j].text in _TAILS and not doc.broken(j) \
                and doc.tlang[h.i] != "en" and h.type in ("LOC", "ORG") and h.j - h.i <= 2 \
                and (j + 1 >= len(toks) or doc.broken(j + 1) or doc.tlang[j + 1] != "en"):
            # عمّان FC: the club, not the town
            return _Hit(h.i, j + 1, h.start, toks[j].end, "ORG", ""), (2 if nxt is not None and nxt.i == j else 1)
        if h.type == "ORG" and h.j - h.i == 1 and doc.tlang[h.i] == "en" and toks[h.i].text.islower() \
                and nxt is not None and nxt.i == j and nxt.j == j + 1 and nxt.type == "LOC" and doc.tlang[j] == "he" \
                and not doc.broken(j) and nxt.start == toks[j].start and not is_country(nxt.entity_id):
            # mynet חיפה
            return _Hit(h.i, j + 1, h.start, nxt.end, "ORG", h.entity_id), 2
        return None

    return rewrite_pairs(hits, step)
