"""What happens to hits once the rules have found them: a nationality widens
a known body, a short form in brackets joins its name, unknown short names
and prefixes are linked to longer ones found earlier, unknown entities get
a stable id, and mentions no analyst lists are dropped.
"""

from __future__ import annotations

from tui.entities import lexicon, rules
from tui.entities.doc import _JOINERS, _QUOTES, _Doc, _Hit, gazetteer_match, is_country, is_nisba
from tui.entities.gazetteer import gap_key
from tui.text.normalize import clitic_candidates, tokenize


def _with_nisba(doc: _Doc, hit: _Hit) -> _Hit:
    """A known generic body plus a nationality is another body: وزارت خارجه پاکستان، משרד החוץ המצרי."""
    if hit.type != "ORG" or not hit.entity_id or hit.j >= len(doc.toks) or doc.broken(hit.j):
        return hit
    first = {s for _, s in clitic_candidates(doc.toks[hit.i].norm)[:3]}
    if not first & (rules.org_heads(doc.tlang[hit.i]) | rules.ORG_AL_HEADS_AR | rules.ORG_AL_HEADS_HE):
        return hit
    entry = doc.gaz.entries.get(hit.entity_id)
    if entry is not None and any(" " not in n.strip() for names in entry.names.values() for n in names):
        return hit  # شركة إيني الإيطالية: the nationality describes a named company, it is not another body
    j = hit.j
    if is_nisba(doc, j):
        j += 1
    elif doc.tlang[j] == "fa" and (loc := gazetteer_match(doc, j, "LOC")) is not None:
        j = loc.j
    else:
        return hit
    return _Hit(hit.i, j, hit.start, doc.toks[j - 1].end, "ORG", "")


def _bracketed(doc: _Doc, hit: _Hit) -> _Hit | None:
    """One or two words in brackets right after a name are its short form: (سونا), (CHP)."""
    toks, j = doc.toks, hit.j
    if j >= len(toks) or gap_key(doc.gaps[j]).strip(_QUOTES) != "(":
        return None
    for k in (j + 1, j + 2):
        if k > len(toks) or (k < len(toks) and k > j + 1 and doc.broken(k) and not doc.gaps[k].strip().startswith(")")):
            return None
        after = doc.gaps[k] if k < len(toks) else doc.text[toks[k - 1].end:toks[k - 1].end + 1]
        if after.strip().startswith(")") and hit.type == "LOC" and (hit.i == 0 or "\n" in doc.gaps[hit.i]) \
                and after.strip()[1:].strip()[:1] in ("-", "–", "—", ":", "/"):
            known = gazetteer_match(doc, j)
            if known is not None and known.j == k:
                if known.type == "ORG":
                    return known
                if known.type != "LOC" or is_country(known.entity_id):
                    return None
                # جدة (الشرق الأوسط) -: a region's name in a dateline's brackets is the paper named after it
            if k - j == 1 and toks[j].norm in _DATELINE_WORDS_AR:
                return None
            return _Hit(j, k, toks[j].start, toks[k - 1].end, "ORG", "")  # عمّان (بترا) -: the agency of a dateline
        if after.strip().startswith(")"):
            known = gazetteer_match(doc, j)
            if known is not None and known.j == k and known.entity_id != hit.entity_id:
                if hit.entity_id or known.type != hit.type:
                    return None  # a different known entity in brackets
                hit.entity_id = known.entity_id  # وكالة الأنباء السورية (سانا): the outer name is the known one
                return _Hit(j, k, toks[j].start, toks[k - 1].end, hit.type, known.entity_id)
            return _Hit(j, k, toks[j].start, toks[k - 1].end, hit.type, "", src=hit)
    return None


def _link_short_names(doc: _Doc, hits: list[_Hit]) -> None:
    """An unknown person whose words end an earlier person's name is that person (عبد العاطي)."""
    people = [h for h in hits if h.type == "PER"]
    for n, h in enumerate(people):
        if not h.entity_id.startswith("per:~"):
            continue
        mine = tuple(t.norm for t in doc.toks[h.i:h.j])
        for o in people[:n]:
            theirs = tuple(t.norm for t in doc.toks[o.i:o.j])
            if len(theirs) > len(mine) and theirs[-len(mine):] == mine:
                h.entity_id = o.entity_id
                break


def _merge_prefixes(doc: _Doc, hits: list[_Hit]) -> None:
    """بانک مرکزی after بانک مرکزی ایران: an unknown organisation whose words begin a longer one is it."""
    orgs = [h for h in hits if h.type == "ORG"]
    words = {id(h): tuple(t.norm for t in doc.toks[h.i:h.j]) for h in orgs}
    for h in orgs:
        if not h.entity_id.startswith("org:~") or h.src is not None:
            continue
        mine = words[id(h)]
        longer = [o for o in orgs if len(words[id(o)]) > len(mine) and words[id(o)][:len(mine)] == mine]
        if len({o.entity_id for o in longer}) == 1:
            h.entity_id = longer[0].entity_id


_COMPANY_HEADS = lexicon.keys("company_heads")


_BARE_AGENCY_FA = lexicon.raw("bare_agency", "fa")
_DATELINE_WORDS_AR = lexicon.keys("dateline_words", "ar")
_CLALIT_CUES_HE = lexicon.keys("clalit_cues", "he")


_BODY_WORDS = lexicon.keys("body_words")


_HE_GENERIC_BODIES = tuple("org:~" + " ".join(t.norm for t in tokenize(p)) for p in lexicon.phrases("generic_bodies", "he").split("|"))


def _dropped(doc: _Doc, h: _Hit) -> bool:
    """Mentions no analyst lists: the platform X/Twitter (unless named as the company: شركة إكس);
    כללית as the adjective "general" (שביתה כללית); the bare "בית המשפט" (the court named before)."""
    toks = doc.toks
    before = toks[h.i - 1].norm if h.i > 0 else ""
    if h.type == "ORG" and h.j - h.i > 1 and (g := gazetteer_match(doc, h.j - 1, "ORG")) is not None \
            and g.entity_id == "org:x" and g.j == h.j:
        return True  # شبکه اجتماعی ایکس
    if h.type == "PER" and (h.entity_id or "").startswith("per:~") and any(
            s in _BODY_WORDS for k in range(h.i + 1, h.j) for _, s in clitic_candidates(toks[k].norm)[:2]):
        return True  # حذر ممثل منظمة ...: a title and a body, not a name
    if h.entity_id == "org:iaea" and doc.text[h.start:h.end] in _BARE_AGENCY_FA and h.j < len(toks) \
            and not doc.broken(h.j) and (toks[h.j].norm not in (rules.STOP_FA | rules.FUNCTION_FA)
                                         or (h.j + 1 < len(toks) and doc.gaps[h.j + 1] in _JOINERS)):
        return True  # آژانس alone is the IAEA, but not آژانس فضایی، آژانس بین‌المللی انرژی، آژانس مسافرتی
    if h.entity_id == "org:x":
        stems = {s for _, s in clitic_candidates(before)} if before else set()
        return not (stems & _COMPANY_HEADS)
    if h.entity_id == "org:clalit" and h.j == h.i + 1 and doc.text[h.start:h.end] == toks[h.i].text \
            and h.i > 0 and not doc.broken(h.i) and before not in _CLALIT_CUES_HE:
        return True  # שביתה כללית
    return h.entity_id in _HE_GENERIC_BODIES


def unknown_id(kind: str, doc: _Doc, h: _Hit) -> str:
    """Stable id for an entity no table knows: its type and folded words."""
    words = " ".join(t.norm for t in doc.toks[h.i:h.j])
    first = clitic_candidates(doc.toks[h.i].norm)
    if doc.toks[h.i].start != h.start and len(first) > 1:
        words = " ".join([_stem_at(doc, h)] + [t.norm for t in doc.toks[h.i + 1:h.j]])
    return f"{kind.lower()}:~{words}"


def _stem_at(doc: _Doc, h: _Hit) -> str:
    from tui.text.normalize import normalise

    return normalise(doc.text[h.start:doc.toks[h.i].end])
