"""Latin-script names: runs of Capitalised words, typed as a person, an
organisation or a place by a title, a head word or their shape. The one
rule for English text, and for Latin brands quoted in Arabic, Persian or
Hebrew text.
"""

from __future__ import annotations

from tui.entities import lexicon, rules
from tui.entities.doc import _Doc, _Hit, gazetteer_match, is_nisba, stem_in

_OUTLET_CUES_EN = lexicon.raw("outlet_cues", "en")


def capitalised(doc: _Doc, i: int, pending: bool) -> _Hit | None:
    """A run of Capitalised Latin words, typed by title, head word or shape."""
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
    if not words or any(w.isdigit() for w in words) or (doc.lang != "en" and any(c.isdigit() for w in words for c in w)):
        return None  # Baa1, E1: codes, not names
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
    elif doc.lang != "en" and len(words) == 1 and len(words[0]) >= 3 and not (j < len(toks) and doc.tlang[j] == "en"):
        kind = "ORG"  # a lone Latin brand in Arabic, Persian or Hebrew text: شركة Nvidia، مع Qualcomm
    elif doc.lang == "ar" and 2 <= len(words) <= 3 and any(len(w) >= 2 and w.isupper() for w in words) and (
            (j < len(toks) and not doc.broken(j) and is_nisba(doc, j))
            or (i > 0 and not doc.broken(i) and stem_in(toks[i - 1].norm, rules.org_heads("ar"), 3))):
        kind = "ORG"  # a Latin company name with an acronym in Arabic text: شركة CMA CGM، APM Terminals الهولندية
    else:
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, kind, "")
