"""The default offline engine: gazetteer longest match plus context rules.

How one text is read, in order (each step only where earlier ones found nothing):

1. Tokenise the original text (offsets kept), fold each token to its key.
2. At each token, try the gazetteer: every clitic split of the token
   (وبالولايات -> الولايات) against the language's index, longest alias wins.
3. Otherwise try rules: a quoted outlet after موقع/وكالة/...; an
   organisation head (وزارة، حزب، משרד ...) with its modifiers; a title
   (الرئيس، وزير الخارجية، שר החוץ, President ...) that makes the next
   name-like words a person; capitalised sequences in Latin text.
4. A second pass links later short mentions of people found in step 2/3 by
   their full name (عبدالفتاح السيسي ... السيسي), learnt per text, so a
   surname that is also a common word is only trusted after its full name.

Precision is favoured over recall: an unknown word becomes an entity only
with positive evidence (a title, a head noun, quotes after an outlet word,
capitalisation in English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from tui.entities import rules
from tui.entities.gazetteer import Gazetteer, default_gazetteer, gap_key
from tui.models import Mention
from tui.text.normalize import Token, clitic_candidates, guess_language, normalise, split_offset, tokenize

__all__ = ["Engine", "RuleEngine", "normalise_language"]

_PUNCT_GAP = re.compile(r"[^\s\u200c\u200d\u200e\u200f\u2066-\u2069]")
_JOINERS = ("\u200c", "-", "\u05be")
_QUOTES = "\"'«»“”„‘’‹›`"
_AR_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_HE_SCRIPT = re.compile(r"[\u0590-\u05ff]")
_FA_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")


class Engine(Protocol):
    """Anything that finds mentions in a text. ``language`` is ar/fa/he/en or None (guess)."""

    def extract(self, text: str, language: str | None) -> list[Mention]: ...


def normalise_language(language: str | None, text: str) -> str:
    """Map "ar-EG", "per", "heb", "English" ... to ar/fa/he/en; guess when unknown."""
    code = (language or "").lower().replace("_", "-").split("-")[0]
    table = {"ar": "ar", "ara": "ar", "arabic": "ar", "fa": "fa", "per": "fa", "fas": "fa", "persian": "fa",
             "farsi": "fa", "he": "he", "iw": "he", "heb": "he", "hebrew": "he", "en": "en", "eng": "en",
             "english": "en"}
    return table.get(code) or guess_language(text)


@dataclass
class _Hit:
    """A mention in token coordinates, before it becomes a :class:`Mention`."""

    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    type: str
    entity_id: str
    src: "_Hit | None" = None  # another mention of the same entity (an acronym in brackets)


_HE_GLUED = re.compile(r"^[\u05d5\u05d1\u05dc\u05de\u05e9\u05db\u05d4]{1,3}[-\u05be]([A-Za-z0-9].*)$")


def _unglue(tok: Token) -> Token:
    """ל-Ynet, ב-TheMarker: the Latin name after a Hebrew prefix and hyphen is the token."""
    m = _HE_GLUED.match(tok.text)
    if not m:
        return tok
    start = tok.start + m.start(1)
    return Token(start, tok.end, m.group(1), normalise(m.group(1)))


class _Doc:
    """One text being read: tokens, the gaps between them, the language tables."""

    def __init__(self, text: str, lang: str, gaz: Gazetteer) -> None:
        self.text = text
        self.lang = lang
        self.gaz = gaz
        self.toks: list[Token] = [_unglue(t) for t in tokenize(text)]
        self.gaps = [""] + [text[a.end:b.start] for a, b in zip(self.toks, self.toks[1:])]
        self.tlang = [self._token_lang(t) for t in self.toks]
        self.keys = frozenset(t.norm for t in self.toks)

    def _token_lang(self, tok: Token) -> str:
        if _AR_SCRIPT.match(tok.text):
            # a Persian spelling (ترامپ) quoted in Arabic text still finds its entity
            return "fa" if self.lang == "fa" or _FA_LETTERS.search(tok.text) else "ar"
        if _HE_SCRIPT.match(tok.text):
            return "he"
        return "en"

    def broken(self, k: int) -> bool:
        """True if punctuation separates token k from the one before it."""
        return k >= len(self.toks) or bool(_PUNCT_GAP.search(self.gaps[k]))

    def start_after_clitic(self, k: int, plen: int) -> int:
        tok = self.toks[k]
        return tok.start + split_offset(tok.text, plen)


# --- gazetteer matching -----------------------------------------------------------


_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def plain(word: str) -> str:
    """The word without harakat/tatweel but with its hamza: إلقاء does not start with the article."""
    return _MARKS.sub("", word)


def _case_ok(text: str, case: str) -> bool:
    """Latin tokens must look like names: capitalised, or ALL CAPS for acronyms."""
    if case == "A":
        return text.isupper()
    return case != "C" or text[:1].isupper()


def gazetteer_match(doc: _Doc, i: int, types: str = "PER ORG LOC MISC") -> _Hit | None:
    """Longest alias starting at token i (after any clitic split), or None."""
    toks, lang = doc.toks, doc.tlang[i]
    best: _Hit | None = None
    cands = clitic_candidates(toks[i].norm) if lang != "en" else ((0, toks[i].norm),)
    for plen, stem in cands:
        for alias in doc.gaz.lookup(lang, stem):
            k = len(alias.keys)
            if plen and k == 1 and len(stem) < 3:
                continue  # a lone two-letter stem after stripping is too weak (בתל אביב is fine)
            if best and k == best.j - best.i and alias.entity_id != best.entity_id and _fits_context(doc, alias.entity_id):
                best = None  # same spelling, two places (عمان: Oman / Amman): the text's context decides
            if i + k > len(toks) or (best and k <= best.j - best.i):
                continue
            if not _alias_fits(doc, i, alias):
                continue
            entry = doc.gaz.entries[alias.entity_id]
            if entry.type not in types:
                continue
            if lang == "he" and not _he_alias_ok(doc, i, i + k, plen, entry.type, stem):
                continue
            best = _Hit(i, i + k, doc.start_after_clitic(i, plen), toks[i + k - 1].end, entry.type, entry.id)
    return best


def _he_alias_ok(doc: _Doc, i: int, end: int, plen: int, kind: str, stem: str) -> bool:
    """Hebrew checks: המודיעין is "the intelligence", not the city Modiin (places and people take no
    article); מודי'ס is Moody's, not Modi (the word goes on after the geresh); דוחה alone is "rejects"."""
    toks = doc.toks
    if plen and end == i + 1 and kind in ("LOC", "PER") and (
            ("ה" in toks[i].text[:plen] and not toks[i].norm[plen:].startswith("ה")) or not toks[i].norm.endswith(stem)):
        return False  # המודיעין; בנייה is "construction", not ב + (ה)נייה
    if end < len(toks) and doc.gaps[end] in ("'", "׳", "’") and doc.tlang[end] == "he":
        return False
    return not (end == i + 1 and not plen and toks[i].norm in rules.HE_PREFIX_ONLY and not doc.broken(end))


# Spellings shared by two entities, and words whose presence picks the second one.
CONTEXT = {
    "loc:city:Amman": frozenset(normalise(w) for w in "الأردن الأردني الأردنية الأردنيين اردن ירדן ירדני Jordan Jordanian".split()),
}


def _fits_context(doc: _Doc, entity_id: str) -> bool:
    words = CONTEXT.get(entity_id)
    return bool(words) and not words.isdisjoint(doc.keys)


def _alias_fits(doc: _Doc, i: int, alias) -> bool:
    toks = doc.toks
    for n, key in enumerate(alias.keys):
        t = toks[i + n]
        if n and (t.norm != key or gap_key(doc.gaps[i + n]) != alias.gaps[n - 1]):
            return False
        if not _case_ok(t.text, alias.case[n]):
            return False
    return True


# --- rules -----------------------------------------------------------------------


def trigger_match(doc: _Doc, i: int) -> int:
    """End token of a title phrase starting at i (0 if none); Arabic clitics allowed."""
    lang, toks = doc.tlang[i], doc.toks
    table = rules.triggers().get(lang, {})
    if lang == "en":
        cands: tuple[tuple[int, str], ...] = ((0, toks[i].text.casefold()),)
    elif lang in ("ar", "fa"):
        cands = clitic_candidates(toks[i].norm)
    else:
        n = toks[i].norm
        cands = ((0, n), (1, n[1:])) if n[:1] == "ו" and len(n) > 3 else ((0, n),)
    for _, stem in cands:
        for phrase in table.get(stem, ()):
            k = len(phrase)
            if i + k > len(toks) or any(doc.broken(i + n) for n in range(1, k)):
                continue
            if all(_trig_key(doc, i + n, lang) == phrase[n] for n in range(1, k)):
                return i + k
    return 0


def _trig_key(doc: _Doc, k: int, lang: str) -> str:
    return doc.toks[k].text.casefold() if lang == "en" else doc.toks[k].norm


def is_nisba(doc: _Doc, k: int) -> bool:
    return any(stem in doc.gaz.nisba for _, stem in clitic_candidates(doc.toks[k].norm)[:2])


def name_like(doc: _Doc, k: int, first: bool) -> bool:
    """Could token k be part of an unknown person's name?"""
    tok, lang = doc.toks[k], doc.tlang[k]
    n = tok.norm
    if not tok.text.replace("'", "").replace("-", "").isalpha() or len(n) < 2:
        return False
    if lang == "en":
        return tok.text[0].isupper() and tok.text not in rules.STOP_EN and not is_nisba(doc, k)
    if rules.is_stop(tok.text, n, lang) or is_nisba(doc, k) or trigger_match(doc, k):
        return False
    if any(s in rules.org_heads(lang) or s in rules.LOC_NAME_HEADS_AR or s in rules.LOC_FULL_HEADS_AR
           or (not first and s in rules.OUTLET_HEADS) for p, s in clitic_candidates(n)[:3] if first or p):
        return False  # وزارة، حزب، مدينة ... start an organisation or a place, not a name; لقناة ends one
    if lang == "fa" and n in rules.ORG_HEADS_FA:
        return False
    if lang == "ar" and not first and any(s in _BACK_REF_AR for _, s in clitic_candidates(n)[:2]):
        return False  # مفوضي الهيئة: "the commission", not a surname
    if lang == "he" and first and n.startswith("ה"):
        return False  # the article: האופוזיציה, הממשלה
    if lang in ("ar", "fa"):
        raw = plain(tok.text)
        if raw.startswith(("ال", "بال", "وال", "فال", "لل", "كال")) and (first or raw.startswith(("بال", "وال", "فال", "لل", "كال"))):
            return False
        if n[:1] in "وف" and any(s in rules.stop_words(lang) or s in rules.PORTFOLIO for _, s in clitic_candidates(n)[1:3]):
            return False  # وشؤون، فقال: a conjunction on a common word
        if first and lang == "ar" and n[:1] in "يتن" and len(n) >= 4 and n not in rules.GIVEN_AR and not raw.endswith("ة") \
                and k + 1 < len(doc.toks) \
                and plain(doc.toks[k + 1].text).startswith("ال") and not doc.broken(k + 1):
            return False  # يتابع التطورات: a present-tense verb and its object, not "Yusuf al-..."
        if not first and n.startswith("و") and lang == "ar":
            return False
        if lang == "ar" and raw.endswith("ا") and len(n) > 3 and (
                trigger_match(doc, k) or rules.is_stop(raw[:-1], n[:-1], lang) or any(
                    n[:-1] == p[0] for p in rules.triggers()["ar"].get(n[:-1], ()))):
            return False  # انتخب رئيسا، عين نائبا: a title in the accusative, not a name
    if lang == "he" and not first and n.startswith(("ו", "ה")) and len(n) > 3:
        return False
    if lang == "he" and n[:1] == "ו" and (n[1:] in rules.STOP_HE or n[1:] in ("כן", "גם")):
        return False  # וכן, וגם: a conjunction on a function word
    if lang == "fa" and n.endswith("های") and len(n) > 5:
        return False  # a plural with ezafe: گفت‌وگوهای
    if lang == "fa" and k + 1 < len(doc.toks) and (
            (doc.gaps[k + 1] == "\u200c" and doc.toks[k + 1].norm in rules.SUFFIXES_FA)
            or (not first and doc.toks[k + 1].norm in rules.LIGHT_VERBS_FA and not doc.broken(k + 1)
                and not (k > 0 and _given(doc, k - 1)))):
        return False  # گل‌های، سپرده است: a noun or a participle, not a name
    return gazetteer_match(doc, k, "LOC ORG MISC") is None


def boundary(doc: _Doc, k: int) -> bool:
    """A name may end before token k: end, punctuation, stop word, title, nationality."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    lang = doc.tlang[k]
    tok = doc.toks[k]
    if lang == "en":
        return not tok.text[0].isupper()
    if lang == "ar" and plain(tok.text).startswith(("لل", "بال", "كال")):
        return True  # للاستماع، بالإضافة: a prepositional phrase after the name
    return rules.is_stop(tok.text, tok.norm, lang) or is_nisba(doc, k) or bool(trigger_match(doc, k)) or (
        gazetteer_match(doc, k) is not None
    )


def strong_boundary(doc: _Doc, k: int) -> bool:
    """After a one-word name: punctuation, the end, or a function word / verb, not a noun like الشؤون."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    tok, lang = doc.toks[k], doc.tlang[k]
    if lang == "ar":
        return tok.norm in rules.FUNCTION_AR or (rules.is_stop(tok.text, tok.norm, lang) and not plain(tok.text).startswith("ال"))
    return boundary(doc, k)


def person_after_title(doc: _Doc, i: int) -> _Hit | None:
    """Name tokens starting at i, as a person, if they look like one."""
    toks = doc.toks
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
    if doc.tlang[i] == "he" and i > 0 and toks[i - 1].norm == "של" and not doc.broken(i):
        return None  # הכלכלנית הראשית של מיטב: whose economist, not her name
    if doc.tlang[i] == "he" and i > 0 and toks[i - 1].norm.startswith("ל") and not _given(doc, i - 1) \
            and toks[i].norm.endswith(("ים", "ית", "יות")) and not _given(doc, i):
        return None  # השר לעניינים אסטרטגיים: the portfolio's adjective
    j, count = i, 0
    while j < len(toks) and count < 3:
        if j > i and doc.gaps[j] in _JOINERS and name_like(doc, j, first=False):
            j += 1  # مدنی‌زاده، בר-דוד: one name word in two pieces
            continue
        if j > i and toks[j].norm in _HE_AL and j + 1 < len(toks) and doc.gaps[j + 1] in _JOINERS \
                and toks[j + 1].text.replace("'", "").isalpha() and not doc.broken(j):
            j += 2  # אל-הוואשלה: the Arabic article and the name
            count += 1
            continue
        if j > i and doc.broken(j):
            break
        n = toks[j].norm
        if (n in rules.CONNECTORS or toks[j].text in rules.CONNECTORS_EN) and j + 1 < len(toks) and not doc.broken(j + 1) \
                and (j > i or n in _LEAD_CONNECTORS):
            j += 1
            continue
        if not name_like(doc, j, first=(j == i)):
            break
        if count == 2 and ((doc.tlang[j] == "he" and not _given(doc, i)) or not boundary(doc, j + 1)):
            break  # a third word only when the name clearly ends there; Hebrew names: two words
        if j > i and gazetteer_match(doc, j, "PER"):
            break
        count += 1
        j += 1
    while j > i and toks[j - 1].norm in rules.CONNECTORS:
        j -= 1
    if count == 3 and j + 1 < len(toks) and toks[j].norm in _HE_AL and doc.gaps[j + 1] in _JOINERS \
            and not doc.broken(j) and toks[j + 1].text.replace("'", "").isalpha():
        j += 2  # מוחמד בן עבדול רחמן אל-ת'אני
    if count == 0 or j == i:
        return None
    if count == 1 and doc.tlang[i] == "ar" and j == i + 1 and _given(doc, i) and j < len(toks) and not doc.broken(j) \
            and is_nisba(doc, j) and (j + 1 >= len(toks) or boundary(doc, j + 1)):
        j, count = j + 1, 2  # المتحدث باسم الوزارة وليد المصري: a given name and a nisba surname
    if count == 1 and (doc.tlang[i] == "fa" or not strong_boundary(doc, j)):
        return None  # Persian news names people in full; a lone word there is usually a verb part
    if doc.tlang[i] == "fa":
        if j < len(toks) and toks[j].norm in rules.LIGHT_VERBS_FA:
            j -= 1  # موافقت کردند: the last word belongs to the verb
            if j - i < 2:
                return None
        elif j < len(toks) and not doc.broken(j) and not _given(doc, i) and name_like(doc, j, first=False):
            return None  # the run goes on (حفاظت محیط زیست ...): common nouns, not a name
    return _Hit(i, j, toks[i].start, toks[j - 1].end, "PER", "")


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
    known = gazetteer_match(doc, j)
    if j >= len(toks) or doc.broken(j) or (known is None and not name_like(doc, j, first=False)) \
            or (known is not None and (known.type != "PER" or known.j != j + 1)):
        return None
    if not (j + 1 >= len(toks) or doc.broken(j + 1) or rules.is_stop(toks[j + 1].text, toks[j + 1].norm, doc.tlang[j + 1])):
        return None
    return _Hit(i, j + 1, toks[i].start, toks[j].end, "PER", "")


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
               for k in range(a, i)):
            return _Hit(a, i, doc.toks[a].start, doc.toks[i - 1].end, "PER", "")
    return None


_DET_FA = rules._keys("هر این آن یک از به با در برای بر تا چند همه همین همان هیچ")


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
    if hit.j < len(toks) and not doc.broken(hit.j) and toks[hit.j].norm not in rules._keys("إن ان أن כי") \
            and not plain(toks[hit.j].text).startswith(("ل", "ל")):
        return None
    return hit


def _say(doc: _Doc, k: int) -> bool:
    """Token k is a verb of saying (with a conjunction: وقال، ואמר)."""
    if k + 1 < len(doc.toks) and doc.gaps[k + 1] in _JOINERS:
        return False  # گفت‌وگو: a noun, not "said"
    verbs = rules.SAY.get(doc.tlang[k], frozenset())
    n = doc.toks[k].norm
    return n in verbs or (n[:1] in "وفו" and n[1:] in verbs)


def _sentence_says(doc: _Doc, k: int) -> bool:
    """A verb of saying follows token k in its sentence."""
    for m in range(k + 1, min(k + 40, len(doc.toks))):
        if re.search(r"[.!?؟\n]", doc.gaps[m]):
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
    if lang not in rules.SAY or not name_like(doc, i, first=True) or _given(doc, i):
        return None
    verb_first = i > 0 and not doc.broken(i) and _say(doc, i - 1)
    if verb_first and lang == "he" and doc.toks[i].norm[:1] in "בלמכה":
        return None  # אמר בכנס חירום, אמר במסיבת עיתונאים: where or to whom, not who
    prev = doc.toks[i - 1].norm if i > 0 else ""
    opens = lang != "ar" and (i == 0 or doc.broken(i) or rules.is_stop(doc.toks[i - 1].text, prev, doc.tlang[i - 1])) \
        and not (lang == "fa" and not doc.broken(i) and prev in _DET_FA) \
        and not (lang == "he" and doc.toks[i].norm[:1] in "שבלמכ")  # שאחיה עומר: a relative clause
    if not (verb_first or opens) or (doc.broken(i) and gap_key(doc.gaps[i]) in ("،", ",") and covered == i):
        return None  # נתניהו, ראש הממשלה, ...: a description of the one just named
    hit = person_after_title(doc, i)
    if hit is None or hit.j - hit.i < 2 or any(gazetteer_match(doc, k) is not None for k in range(hit.i, hit.j)):
        return None
    if verb_first:
        return hit
    if hit.j < len(doc.toks) and gap_key(doc.gaps[hit.j]) in ("،", ",") and _sentence_says(doc, hit.j):
        return hit
    return None


def quoted_outlet(doc: _Doc, i: int) -> _Hit | None:
    """موقع "أكسيوس" / وكالة «تسنيم»: quoted words after an outlet word are an ORG."""
    toks = doc.toks
    if i + 1 >= len(toks) or not any(ch in _QUOTES for ch in doc.gaps[i + 1]):
        return None
    he_prefix = (doc.tlang[i] == "he" and len(toks[i].norm) <= 2 and i > 0 and doc.gaps[i + 1] in ('"', "\u05f4", "“", "”")
                 and (toks[i - 1].norm in rules.REPORT_HE or toks[i - 1].norm[1:] in rules.REPORT_HE))  # כך דווח ב"הארץ"
    if not he_prefix and not any(stem in rules.OUTLET_HEADS for _, stem in clitic_candidates(toks[i].norm)):
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


_PENDING_LINKS = rules._keys("في عن و ב של خود خویش از إلى الى")
_LEAD_CONNECTORS = rules._keys("عبد أبو ابو")
_HE_AL = rules._keys("אל א")
_AR_TIME = rules._keys("اليوم أمس الماضي المقبل الجاري الأسبوع الحالي السابق الجديد")


def _al(doc: _Doc, k: int) -> bool:
    return plain(doc.toks[k].text).startswith(("ال", "لل"))


def _he_det(doc: _Doc, k: int) -> bool:
    return doc.toks[k].norm.startswith(("ה", "וה")) and doc.toks[k].norm not in rules.STOP_HE


def _org_word_ar(doc: _Doc, k: int) -> bool:
    """An ال-word that can continue an organisation's name: not a time word, a stop word or a title."""
    n = doc.toks[k].norm
    return (_al(doc, k) and n not in _AR_TIME and (n not in rules.STOP_AR or n in rules.ORG_MODIFIERS_AR)
            and not trigger_match(doc, k))


def _org_chain(doc: _Doc, j: int, i: int, lang: str) -> int:
    """Extend an organisation name over modifiers: ال-adjectives, و+ال coordination,
    ل-phrases (للانتخابات، لكرة القدم، لمساعدة العراق); Hebrew ה-adjectives and ל-phrases."""
    toks = doc.toks
    while j < len(toks) and j - i <= 6 and not doc.broken(j):
        n, raw = toks[j].norm, plain(toks[j].text)
        if lang == "ar":
            if j > i + 1 and is_nisba(doc, j - 1) and not raw.startswith("ل") and not (
                    j == i + 2 and _al(doc, j) and n.endswith(("ي", "يه"))
                    and any(s in _PARTY_HEADS for _, s in clitic_candidates(toks[i].norm)[:3])):
                break  # a nationality ends the name: الحزب الديمقراطي الكردستاني | النتائج (not حزب المصري الديمقراطي)
            prev = toks[j - 1].norm
            if j > i + 1 and _al(doc, j) and _al(doc, j - 1) and not raw.startswith("لل") and (
                    (prev.endswith("ي") and not n.endswith(("ي", "ى", "ا")))
                    or (prev.endswith("يه") and not n.endswith(("يه", "ه", "ا", "ى")))):
                break  # an adjective, then a new noun: البنك المركزي | الفائدة
            if j == i + 1 and _al(doc, i) and toks[i].norm.endswith("ه") and _al(doc, j) \
                    and not n.endswith(("ه", "ا", "ى")) and not raw.startswith("لل"):
                break  # a feminine head takes a feminine adjective: الهيئة | النتائج
            if (n in _ORDINALS_AR and _al(doc, j - 1)) or (n in rules._keys("العام") and j + 1 < len(toks) and toks[j + 1].norm in _AR_TIME):
                break  # مجلس النواب | العشرين، مجلس الأمة | العام الماضي
            if j > i + 1 and plain(toks[j - 1].text).startswith("لل") and _al(doc, j) \
                    and not n.endswith(("ي", "يه", "ه")):
                break  # الاتحاد العام التونسي للشغل | الأحكام (not للأمم المتحدة)
            if _org_word_ar(doc, j):
                j += 1
            elif raw.startswith("وال") and j + 1 > i + 1 and n[1:] not in rules.STOP_AR and not trigger_match(doc, j):
                j += 1
            elif raw.startswith("ل") and not raw.startswith("لل") and len(n) >= 4 and j + 1 < len(toks) \
                    and not doc.broken(j + 1) and n[1:] not in rules.STOP_AR and (
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
            if _he_det(doc, j) and not trigger_match(doc, j) and not _he_verb(doc, j) and not (
                    n.startswith("וה") and n[1:] in (rules.ORG_AL_HEADS_HE | rules.ORG_HEADS_HE)):
                j += 1
            elif n.startswith("ל") and len(n) >= 4 and n not in rules.STOP_HE and not trigger_match(doc, j) and (
                    len(n) >= 7 or j + 1 >= len(toks) or doc.broken(j + 1) or _he_det(doc, j + 1)):
                j += 1  # לסטטיסטיקה, לאיכות השלטון; not an infinitive (לעכב את)
            elif n.startswith("ל") and len(n) >= 4 and n not in rules.STOP_HE and (end := _he_l_phrase(doc, j)):
                j = end  # המרכז לחקר מדיניות ואסטרטגיה ימית
            else:
                break
        else:
            break
    return j


_CENTRE = rules._keys("مركز מרכז")
_FACTION_HE = rules._keys("סיעת")
_SUBUNITS_HE = rules._keys("חטיבת אגף מחלקת יחידת")
_AFTER_PLACE_ADJ_AR = rules._keys("المركزي المركزية التجاري الأهلي الإسلامي الوطني الوطنية")
_DESCRIPTORS_FA = rules._keys("ورزشی اقتصادی سیاسی اصلاح‌طلب اصولگرا دولتی محلی عصر صبح")
_ORDINALS_AR = rules._keys("""الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي
    العشرين العشرون الثلاثين الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة""")
_PARTY_HEADS = rules._keys("حزب الحزب تيار التيار حركة الحركة جبهة الجبهة تحالف التحالف ائتلاف الائتلاف")


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


def org_from_head(doc: _Doc, i: int) -> _Hit | None:
    """وزارة الصحة الفلسطينية / משרד הבריאות / وزارت بهداشت: head noun + modifiers."""
    toks, lang = doc.toks, doc.tlang[i]
    heads = rules.org_heads(lang)
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
    if (known := gazetteer_match(doc, j)) is not None and known.type in ("ORG", "PER"):
        if known.type == "PER" and stems & (rules.ORG_PERSON_HEADS_AR | rules.ORG_PERSON_HEADS_FA):
            j = _org_chain(doc, known.j, i, lang)  # جامعة محمد بن زايد للذكاء الاصطناعي
            if lang == "fa" and j < len(toks) and not doc.broken(j) and (loc := gazetteer_match(doc, j, "LOC")) is not None:
                j = loc.j  # بیمارستان امام خمینی اهواز
            return _Hit(i, j, doc.start_after_clitic(i, plen or 0), toks[j - 1].end, "ORG", "")
        if known.type == "ORG" and lang == "fa" and known.j == i + 2 and (end := _org_chain_fa(doc, known.i)) > known.j:
            return _Hit(i, end, toks[i].start, toks[end - 1].end, "ORG", "")
        if known.type == "ORG" and not (stems & rules.OUTLET_HEADS):  # بعثة الأمم المتحدة لمساعدة العراق
            end = _org_chain(doc, known.j, i, lang)
            if end > known.j and not _al(doc, known.j):
                return _Hit(i, end, doc.start_after_clitic(i, plen or 0), toks[end - 1].end, "ORG", "")
        return None  # روزنامه نیویورک تایمز، حركة حماس: the known name itself
    if doc.tlang[j] == "en" and lang != "en" and toks[j].text[:1].isupper():  # شركة Nvidia
        return None
    if trigger_match(doc, j):
        return None
    n = toks[j].norm
    if lang == "ar" and stems & rules.HARAKA and n in rules.NOT_ORG_AFTER_HARAKA:
        return None  # حركة الشاحنات: truck traffic
    if nisba_head:
        if is_nisba(doc, j):
            j += 1
    elif lang == "ar":
        if _org_word_ar(doc, j):
            j = _org_chain(doc, j, i, lang)
        elif (hit := gazetteer_match(doc, j, "LOC")) is not None:
            j = hit.j
            if j < len(toks) and not doc.broken(j) and plain(toks[j].text).startswith("لل"):
                j = _org_chain(doc, j, i, lang)  # وكالة السودان للأنباء
            elif j < len(toks) and not doc.broken(j) and toks[j].norm in _AFTER_PLACE_ADJ_AR:
                j += 1  # مصرف ليبيا المركزي
            elif stems & _CENTRE:
                return None  # وسط مركز بغداد: the centre of a place
        elif al_head:
            pass
        elif (end := _construct_ar(doc, j)):
            # construct chain: شبكة أطباء السودان، مؤسسة كهرباء لبنان، لجنة مراقبة وقف إطلاق النار
            hit = gazetteer_match(doc, end, "LOC")
            j = _org_chain(doc, hit.j if hit is not None else end, i, lang)
        elif stems & rules.ORG_NAME_HEADS_AR and _bare_noun(doc, j) and not n.endswith("ه") and _name_ends(doc, j + 1):
            if stems & rules.ORG_NAME_ONLY_AR:  # شركة هيوماين -> هيوماين (the company's name)
                return _Hit(j, j + 1, toks[j].start, toks[j].end, "ORG", "")
            j += 1  # حزب تقدم، منظمة بدر
    elif lang == "he":
        if stems & _FACTION_HE:  # סיעת רוב העיר, מסיעת חיפה ירוקה -> the faction's name, up to a person
            k = j
            while k < len(toks) and k - j < 3 and (k == j or not doc.broken(k)) and not _given(doc, k) \
                    and not rules.is_stop(toks[k].text, toks[k].norm, "he") and not _he_verb(doc, k) \
                    and not trigger_match(doc, k) and toks[k].text.replace("'", "").replace('"', "").isalpha():
                k += 1
            return _Hit(j, k, toks[j].start, toks[k - 1].end, "ORG", "") if k > j else None
        if _he_det(doc, j):
            j = _org_chain(doc, j, i, lang)
        elif (hit := gazetteer_match(doc, j, "LOC")) is not None and not he_al_head and hit.start == toks[j].start:
            if stems & _CENTRE:
                return None  # ממרכז בקעת הירדן: the middle of a place
            j = hit.j  # בנק ישראל (not הארגון בדוחה: "the organisation in Doha")
        elif _he_acronym(doc, j):
            j += 1  # מועצת יש"ע
        elif not he_al_head and stems & _CONSTRUCT_HEADS_HE and (end := _construct_he(doc, j)):
            j = _org_chain(doc, end, i, lang)  # מועצת גדולי התורה, פורום משפחות החטופים והנעדרים
        elif not he_al_head and stems & rules.ORG_NAME_HEADS_HE and _bare_noun(doc, j):
            k = j + 1
            if k < len(toks) and not doc.broken(k) and _bare_noun(doc, k) and _name_ends(doc, k + 1):
                k += 1
            if _name_ends(doc, k):
                if stems & rules.ORG_NAME_ONLY_HE:  # חברת אלביט מערכות -> אלביט מערכות
                    return _Hit(i + 1, k, toks[i + 1].start, toks[k - 1].end, "ORG", "")
                j = k
        elif he_al_head:
            j = _org_chain(doc, j, i, lang)
        if lang == "he" and j > i + 1 and _he_det(doc, j - 1) and j < len(toks) and not doc.broken(j):
            if (known := gazetteer_match(doc, j, "ORG")) is not None:  # בית החולים סורוקה: the known hospital
                return _Hit(i, known.j, doc.start_after_clitic(i, plen or 0), toks[known.j - 1].end, "ORG", known.entity_id)
            k = j
            while k < len(toks) and k - j < 2 and (k == j or not doc.broken(k)) and (
                    (_bare_noun(doc, k) and name_like(doc, k, first=(k == j))
                     and not (len(toks[k].norm) == 4 and toks[k].norm.endswith("ו"))) or _he_acronym(doc, k)
                    or (k == j and (g := gazetteer_match(doc, k, "PER LOC")) is not None and g.j == k + 1
                        and g.start == toks[k].start)):
                k += 1
            if k > j and (k >= len(toks) or doc.broken(k) or gazetteer_match(doc, k, "LOC PER") is not None
                          or _given(doc, k) or rules.is_stop(toks[k].text, toks[k].norm, "he")):
                j = k  # המועצה האזורית נווה מדבר, בית החולים רמב"ם בחיפה
    elif lang == "fa":
        if stems & rules.OUTLET_HEADS and is_nisba(doc, j) and gazetteer_match(doc, j + 1, "ORG") is not None:
            return None  # روزنامه سعودی الشرق الاوسط: the known paper follows
        if (hit := gazetteer_match(doc, j, "LOC")) is not None:
            j = hit.j
        elif n in rules.TIME_FA or (n in _ILMI and toks[i].norm in _HEIAT) or n in _GENERIC_COMPLEMENTS_FA:
            return None  # هیئت علمی: "faculty", not a body
        else:
            j = _org_chain_fa(doc, i)
    if j == i + 1 or _generic_org(doc, i, j, al_head):
        return None
    if lang == "he" and stems & _SUBUNITS_HE and j < len(toks) and toks[j].norm == "של" and not doc.broken(j):
        return None  # חטיבת המחקר של בנק ישראל: a unit of the body named next
    if lang == "fa" and stems & rules.ORG_NAME_ONLY_FA:
        k = i + 2 if (is_nisba(doc, i + 1) or toks[i + 1].norm in _DESCRIPTORS_FA) and j > i + 2 else i + 1
        return _Hit(k, j, toks[k].start, toks[j - 1].end, "ORG", "")  # روزنامه دنیای اقتصاد -> دنیای اقتصاد
    start = doc.start_after_clitic(i, plen or 0) if plen is not None else doc.start_after_clitic(i, _clitic_len(toks[i].norm))
    return _Hit(i, j, start, toks[j - 1].end, "ORG", "")


_BACK_REF_AR = rules.ORG_AL_HEADS_AR | rules._keys("الحكومة الوزارة الدولة السلطة الحركة البعثة الجماعة الإدارة الهيئة")
_BACK_REF_HE = rules._keys("הבנק החברה הקבוצה המשרד הארגון הממשלה הצבא הוועדה הועדה העמותה התנועה המפלגה הקרן האגודה")
_COUNTS = rules._keys("هزار هزاران صدها ألف آلاف الف الاف مئات عشرات مليون ملايين میلیون میلیونها אלף אלפי מאות עשרות "
                      "دو سه چهار پنج شش هفت هشت نه ده چندین ثلاث أربع خمس ست سبع ثماني تسع عشر")


_GENERIC_COMPLEMENTS_AR = rules._keys("الدفاع العمليات الطوارئ")
_GENERIC_COMPLEMENTS_FA = rules._keys("رأی رای")  # صندوق رأی: the ballot box
_GENERIC_ADJ_AR = rules._keys("المحلي المحلية المختص المختصة المعني المعنية")


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
    if lang == "ar" and al_head and j == i + 2 and _participle(doc, i + 1) and not last.endswith(("ي", "يه")):
        return True
    if lang == "ar" and j <= i + 3 and i + 1 < j and toks[i + 1].norm in _GENERIC_COMPLEMENTS_AR and all(
            toks[k].norm.endswith(("ي", "يه")) for k in range(i + 2, j)):
        return True  # غرفة العمليات المركزية: an operations room, not a name
    if lang == "ar" and j == i + 2 and (last in _GENERIC_COMPLEMENTS_AR or (al_head and last in _GENERIC_ADJ_AR)):
        return True  # هيئة الدفاع (a defence team), المرصد المحلي (a local monitor)
    return i > 0 and not doc.broken(i) and (toks[i - 1].text.isdigit() or toks[i - 1].norm in _COUNTS)


def _construct_ar(doc: _Doc, j: int) -> int:
    """Where the ال-word or place ending a construct chain of 1-3 bare nouns is (0 if none):
    أطباء السودان، نفط الكويت، مراقبة وقف إطلاق النار."""
    toks = doc.toks
    k = j
    while k < len(toks) and k - j < 3 and (k == j or not doc.broken(k)) and (
            _bare_noun(doc, k) or (toks[k].norm in rules.PORTFOLIO and not _al(doc, k))):
        k += 1
        if k < len(toks) and not doc.broken(k) and (
                (_org_word_ar(doc, k) and not is_nisba(doc, k) and not _participle(doc, k))
                or gazetteer_match(doc, k, "LOC") is not None):
            return k
    return 0


_CONSTRUCT_HEADS_HE = rules._keys("מועצת פורום ועדת וועדת ארגון איגוד התאחדות לשכת רשות מכון אגודת עמותת תנועת מפלגת מינהל")


def _construct_he(doc: _Doc, j: int) -> int:
    """Where the ה-word ending a construct chain of one or two bare nouns is (0 if none): גדולי התורה."""
    toks = doc.toks
    k = j
    while k < len(toks) and k - j < 2 and (k == j or not doc.broken(k)) and _bare_noun(doc, k) \
            and not _given(doc, k) and toks[k].norm not in rules.STOP_HE:
        k += 1
        if k < len(toks) and not doc.broken(k) and _he_det(doc, k) and not _he_verb(doc, k) and not trigger_match(doc, k) \
                and not is_nisba(doc, k):
            return k
    return 0


def _he_verb(doc: _Doc, k: int) -> bool:
    """העניק, הודיעה, החליטו: a hif'il past verb, not a ה-adjective continuing a name."""
    n = doc.toks[k].norm
    return (n.startswith("ה") and len(n) in (5, 6) and n[3] == "י" and (len(n) == 5 or n[-1] in "הו")
            and not n.endswith(("ים", "ית")))  # הפנים, הבינית: plural and feminine nouns


_NAME_HEADS = {"ar": rules.ORG_NAME_HEADS_AR | rules._keys("منظمة جمعية مؤسسة مجموعة هيئة رابطة مركز"),
               "fa": rules.ORG_NAME_HEADS_FA | rules.ORG_HEADS_FA,
               "he": rules.ORG_NAME_HEADS_HE | rules._keys("ארגון תנועת אגודת מכון מרכז")}


def _descriptors(doc: _Doc, i: int, limit: int = 3) -> int:
    """Skip ال/ה-words and nationalities describing a head: شركة ... الأمريكية، חברת הסייבר הישראלית."""
    k = i + 1
    while k < len(doc.toks) and k - i <= limit and not doc.broken(k) and (
            is_nisba(doc, k) or (doc.tlang[k] == "ar" and _org_word_ar(doc, k)) or (doc.tlang[k] == "he" and _he_det(doc, k))):
        k += 1
    return k


def named_after_head(doc: _Doc, i: int) -> _Hit | None:
    """شركة "سوناطراك"، עמותת "רגבים"، חברת הסייבר הישראלית "שומרת": the quoted name after an
    organisation head (and its describing words) is the organisation."""
    toks, lang = doc.toks, doc.tlang[i]
    if lang not in _NAME_HEADS or (lang == "ar" and _al(doc, i)) \
            or not any(s in _NAME_HEADS[lang] for _, s in clitic_candidates(toks[i].norm)[:3]):
        return None
    if lang == "he" and any(s[:1] == "ה" and s[1:] in _NAME_HEADS[lang] for _, s in clitic_candidates(toks[i].norm)):
        return None  # הארגון "מגלה גמישות": "the organisation", then a quotation
    k = _descriptors(doc, i)
    if k >= len(toks) or not doc.gaps[k].strip() or doc.gaps[k].strip()[-1] not in _QUOTES \
            or any(c in doc.gaps[k] for c in "،,.;:") \
            or toks[k].norm in (rules.FUNCTION_AR if doc.tlang[k] == "ar" else rules.stop_words(doc.tlang[k])):
        return None
    for j in range(k, min(k + 5, len(toks))):
        after = doc.gaps[j + 1] if j + 1 < len(toks) else doc.text[toks[j].end:toks[j].end + 2]
        if any(ch in _QUOTES for ch in after[:3]):
            known = gazetteer_match(doc, k)
            if known is not None and known.j == j + 1:
                return known
            return _Hit(k, j + 1, toks[k].start, toks[j].end, "ORG", "")
        if j > k and doc.broken(j + 1) and gap_key(doc.gaps[j + 1]) != "-":
            return None
    return None


def name_after_description(doc: _Doc, i: int) -> _Hit | None:
    """شركة تصنيع الرقائق الأمريكية غلوبال فاوندريز، קרן ההון סיכון האמריקנית אקסל: a company head,
    a description ending in a nationality, then the name (to the end of the phrase)."""
    toks, lang = doc.toks, doc.tlang[i]
    if lang not in ("ar", "he") or not any(s in (rules.ORG_NAME_HEADS_AR | rules.ORG_NAME_HEADS_HE)
                                           for _, s in clitic_candidates(toks[i].norm)[:3]):
        return None
    k = i + 1
    while k < len(toks) and k - i <= 4 and not doc.broken(k) and not is_nisba(doc, k) and gazetteer_match(doc, k) is None and (
            _bare_noun(doc, k) or (lang == "ar" and _org_word_ar(doc, k)) or (lang == "he" and _he_det(doc, k))):
        k += 1
    if k >= len(toks) or k == i + 1 or doc.broken(k) or not is_nisba(doc, k):
        return None
    a = j = k + 1
    while j < len(toks) and j - a < 2 and not doc.broken(j) and name_like(doc, j, first=(j == a)) \
            and not (lang == "he" and toks[j].norm.startswith("ה")) and not _al(doc, j):
        j += 1
    if j == a or not (j >= len(toks) or doc.broken(j) or _name_ends(doc, j)):
        return None
    return _Hit(a, j, toks[a].start, toks[j - 1].end, "ORG", "")


_ILMI, _HEIAT = rules._keys("علمی"), rules._keys("هیئت هیات")


def _sentence_final(doc: _Doc, k: int) -> bool:
    """The last word before a full stop: in Persian, the verb (... منتظر بمانند.)."""
    after = doc.gaps[k + 1] if k + 1 < len(doc.toks) else doc.text[doc.toks[k].end:]
    return after.lstrip()[:1] in (".", "!", "?", "؟") if after.strip() else k + 1 >= len(doc.toks)


def _verbal_fa(doc: _Doc, k: int) -> bool:
    """اعلام (کرد)، ارجاع (می‌شود)، منصوب (شده): the noun of a compound verb ends a name before it."""
    if k + 1 >= len(doc.toks) or doc.broken(k + 1):
        return False
    nxt = doc.toks[k + 1].norm
    return nxt in rules.LIGHT_VERBS_FA or nxt in rules._keys("می نمی دهد دهند دهیم کنیم شوند بماند خواهد خواهند نخواهد") or nxt.startswith(("می\u200c", "نمی"))


def _org_chain_fa(doc: _Doc, i: int) -> int:
    """Persian organisation names run over ezafe words: سازمان امور اتباع و مهاجرین خارجی,
    صندوق توسعه بازار سرمایه, شرکت ملی صنایع مس ایران. They end at a function word, a verb,
    a time word, another organisation, a person, or after a known place or organisation."""
    toks = doc.toks
    j = i + 1
    while j < len(toks) and j - i <= 7 and not doc.broken(j):
        t = toks[j]
        if doc.gaps[j] == "\u200c" and t.norm in rules.SUFFIXES_FA:
            if j == i + 1:
                return j  # شرکت‌های بزرگ، کمیته‌ای: plural or indefinite, not one named body
            j += 1  # فرآورده‌های: the plural suffix of the word before
            continue
        if j + 1 < len(toks) and doc.gaps[j + 1] == "\u200c" and toks[j + 1].norm not in rules.SUFFIXES_FA \
                and t.text.isalpha() and toks[j + 1].text.isalpha() and not _given(doc, j) and not _verbal_fa(doc, j + 1) \
                and gazetteer_match(doc, j) is None and not _sentence_final(doc, j + 1):
            j += 2  # پیش‌بینی: one word in two pieces, not the function word پیش
            continue
        if t.norm in rules.SAY_FA or (j > i + 1 and t.norm in _MAJLIS):
            break  # کمیسیون انرژی | مجلس: the commission of parliament is the commission
        if t.norm == "و" and j > i + 1 and j + 1 < len(toks) and not doc.broken(j + 1) \
                and toks[j + 1].norm not in rules.FUNCTION_FA and not _given(doc, j + 1) \
                and toks[j + 1].norm not in rules.ORG_HEADS_FA and not _verbal_fa(doc, j + 1):
            j += 2  # آب و فاضلاب، اتباع و مهاجرین
            continue
        if t.norm in rules.LOC_NAME_HEADS_FA and (hit := gazetteer_match(doc, j + 1, "LOC")) is not None:
            return hit.j  # شورای شهر تهران
        after_imam = j > i + 1 and toks[j - 1].norm in rules.HONORIFIC_FA
        if t.norm in rules.HONORIFIC_FA and j + 1 < len(toks) and not doc.broken(j + 1):
            j += 1  # بیمارستان امام خمینی، دانشگاه شهید چمران
            continue
        if (t.norm in rules.FUNCTION_FA or t.norm in rules.TIME_FA or not t.text.replace("\u200c", "").isalpha()
                or trigger_match(doc, j) or (_given(doc, j) and not after_imam) or t.norm in rules.LOC_NAME_HEADS_FA
                or (j > i + 1 and t.norm in rules.ORG_HEADS_FA and gazetteer_match(doc, j, "ORG") is None)
                or _verbal_fa(doc, j) or _sentence_final(doc, j)):
            break
        if (hit := gazetteer_match(doc, j, "LOC" if j > i + 2 else "LOC ORG")) is not None:
            return hit.j  # ... ایران، کمیساریای عالی سازمان ملل
        j += 1
    return j


_MAJLIS = rules._keys("مجلس")


def _he_acronym(doc: _Doc, k: int) -> bool:
    """רמב"ם, בצל"ם: a Hebrew acronym with gershayim."""
    t = doc.toks[k].text
    return doc.tlang[k] == "he" and ('"' in t[1:-1] or "\u05f4" in t[1:-1]) and not doc.toks[k].norm.startswith("ה")


def _bare_noun(doc: _Doc, k: int) -> bool:
    """An undetermined content word (no article, not a stop word, title or nationality)."""
    t, lang = doc.toks[k], doc.tlang[k]
    if lang == "en" or not t.text.isalpha() or len(t.norm) < 3:
        return False
    if rules.is_stop(t.text, t.norm, lang) or is_nisba(doc, k) or trigger_match(doc, k) or t.norm in rules.PORTFOLIO:
        return False
    if lang == "ar" and (_al(doc, k) or plain(t.text).startswith(("و", "ف")) and t.norm[1:] in rules.STOP_AR):
        return False
    if lang == "he" and t.norm.startswith(("ה", "ו")) and len(t.norm) > 3:
        return False
    return gazetteer_match(doc, k, "PER LOC") is None


def _participle(doc: _Doc, k: int) -> bool:
    """المملوكة، المنعقد: an ال-participle describing the head, not a noun in a construct chain."""
    raw = plain(doc.toks[k].text)
    return raw.startswith(("الم", "المُ")) and len(raw) >= 6


def _name_ends(doc: _Doc, k: int) -> bool:
    """A name may end before k: punctuation, the end, a function word, a nationality, a known person or a given name."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    lang, t = doc.tlang[k], doc.toks[k]
    return (rules.is_stop(t.text, t.norm, lang) or is_nisba(doc, k) or gazetteer_match(doc, k, "PER") is not None
            or _given(doc, k) or bool(trigger_match(doc, k)) or (lang == "ar" and _participle(doc, k)))


def _given(doc: _Doc, k: int) -> bool:
    n = doc.toks[k].norm
    given = rules.GIVEN.get(doc.tlang[k], frozenset())
    return n in given or (doc.tlang[k] in ("ar", "fa") and n[:1] in "و" and n[1:] in given)


def _he_verbish(doc: _Doc, k: int) -> bool:
    """נהרג, נפצע (niph'al past), מוחזק, מוכרז (passive participles), הודיעה: verbs, not surnames."""
    n = doc.toks[k].norm
    return ((len(n) == 4 and n[0] == "נ") or (len(n) == 5 and n.startswith("מו") and not set(n[2:]) & set("והיא"))
            or _he_verb(doc, k) or n in rules.SAY_HE)


def person_from_given_name(doc: _Doc, i: int, covered: int = 0) -> _Hit | None:
    """محمد الحلبوسي، עלי חסן מוסאווי: a common given name and one or two more name words."""
    if not _given(doc, i) or i + 1 >= len(doc.toks) or doc.broken(i + 1):
        return None
    if i > 0 and not doc.broken(i) and doc.toks[i - 1].norm in rules.CONNECTORS:
        return None
    hit = person_after_title(doc, i)
    if hit is not None and doc.tlang[i] == "he":
        k = next((k for k in range(i + 1, hit.j) if _he_verbish(doc, k)), hit.j)
        hit.j, hit.end = k, doc.toks[k - 1].end  # שאחיה עומר מוחזק, דניאל נהרג: the verb is no surname
    if hit is None or hit.j - hit.i < 2:
        return None
    a = i - 1  # شفقت علی خان: a first word the list does not know, right after punctuation
    if (a >= 0 and not doc.broken(i) and a >= covered and (a == 0 or doc.broken(a))
            and name_like(doc, a, first=True) and hit.j - a <= 3
            and not (doc.tlang[a] == "he" and doc.toks[a].norm[:1] == "ש" and doc.toks[a].norm[1:] in rules.STOP_HE)):
        hit.i, hit.start = a, doc.toks[a].start
    if doc.tlang[i] in ("ar", "fa") and doc.toks[i].norm[:1] == "و" and doc.toks[i].norm not in rules.GIVEN.get(doc.tlang[i], ()):
        hit.start = doc.start_after_clitic(i, 1)
    return hit


def _list_word(doc: _Doc, k: int, lang: str, first: bool) -> int:
    """Clitic length of a list item word at k (0 or 1 for و), or -1 if k cannot be a place name."""
    t = doc.toks[k]
    if doc.tlang[k] != lang or not t.text.replace("\u200c", "").isalpha():
        return -1
    plen, stem = 0, t.norm
    if lang == "ar" and not first and stem.startswith("و"):
        plen, stem = 1, stem[1:]
    if len(stem) < 3 or trigger_match(doc, k) or is_nisba(doc, k) or _given(doc, k):
        return -1
    stops = rules.stop_words(lang) | (rules.FUNCTION_FA if lang == "fa" else rules.FUNCTION_AR)
    if stem in stops or stem in rules.org_heads(lang) or stem in rules.LOC_NAME_HEADS_AR or stem in rules.LOC_NAME_HEADS_FA \
            or stem in rules.GENERIC_PLACES_AR:
        return -1
    if lang == "fa" and (_verbal_fa(doc, k) or stem in rules.LIGHT_VERBS_FA or _sentence_final(doc, k)):
        return -1
    if lang == "ar" and not first and plen == 0:
        return -1  # after the first item, Arabic items come with و or after a comma (handled by the caller)
    return plen


def place_list(doc: _Doc, i: int) -> list[_Hit]:
    """A plural place noun and the places it lists: محافظات الكرك والطفيلة ومعان، حقول الحلفاية
    والبزركان، شهرستان‌های اهواز، حمیدیه و شادگان، مرزهای شلمچه در خوزستان، چذابه و باشماق."""
    toks, lang = doc.toks, doc.tlang[i]
    k = i + 1
    if lang == "ar":
        if not any(s in rules.PLURAL_PLACE_HEADS_AR for _, s in clitic_candidates(toks[i].norm)[:3]):
            return []
    else:
        n = toks[i].norm
        hay, ha = normalise("های"), normalise("ها")
        if n.endswith((hay, ha)) and n[:-len(hay) if n.endswith(hay) else -len(ha)] in rules.PLURAL_PLACE_HEADS_FA:
            pass  # مرزهای شلمچه
        elif not (n in rules.PLURAL_PLACE_HEADS_FA and k < len(toks)
                  and doc.gaps[k] == "\u200c" and toks[k].norm in rules._keys("ها های")):
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
            out.append(_Hit(k, k + 1, doc.start_after_clitic(k, plen), toks[k].end, "LOC", ""))
            k += 1
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


_NAMED_WORKS_AR = rules._keys("حقل حوض")
_STREETS_AR = rules._keys("شارع ساحة ميدان")
_GENERIC_GEO_COMPLEMENTS_AR = rules._keys("الغاز النفط الألغام ألغام الرماية نفط غاز")


def loc_from_head(doc: _Doc, i: int) -> _Hit | None:
    """بلدة الخيام -> الخيام; قصر بعبدا -> قصر بعبدا: unknown places after a place noun."""
    lang = doc.tlang[i]
    if lang == "fa":
        return _loc_from_head_fa(doc, i)
    if lang == "he":
        return _loc_from_head_he(doc, i)
    toks = doc.toks
    cands = clitic_candidates(toks[i].norm)
    if i + 1 < len(toks) and not doc.broken(i + 1):
        geo = next((p for p, s in cands if s in rules.LOC_GEO_HEADS_AR), None)
        if geo is not None and (hit := gazetteer_match(doc, i + 1, "LOC")) is not None:
            return _Hit(i, hit.j, doc.start_after_clitic(i, geo), toks[hit.j - 1].end, "LOC", "")  # خليج عدن
        if geo is not None and toks[i + 1].norm in _GENERIC_GEO_COMPLEMENTS_AR:
            return None  # حقل الغاز، حقل ألغام: a gas field, a minefield
        if geo is not None and _org_word_ar(doc, i + 1) and not is_nisba(doc, i + 1) and gazetteer_match(doc, i + 1) is None:
            return _Hit(i, i + 2, doc.start_after_clitic(i, geo), toks[i + 1].end, "LOC", "")  # خليج العقبة، سد النهضة
        if geo is not None and any(s in _NAMED_WORKS_AR for _, s in cands[:3]) and gazetteer_match(doc, i + 1) is None \
                and toks[i + 1].text.isalpha() and len(toks[i + 1].norm) >= 3 and not _al(doc, i + 1) \
                and not rules.is_stop(toks[i + 1].text, toks[i + 1].norm, "ar") and not is_nisba(doc, i + 1) \
                and not trigger_match(doc, i + 1) and _name_ends(doc, i + 2):
            return _Hit(i, i + 2, doc.start_after_clitic(i, geo), toks[i + 1].end, "LOC", "")  # حقل أرطاوي، سد أليسو
    full = next((p for p, s in cands if s in rules.LOC_FULL_HEADS_AR), None)
    name_only = any(s in rules.LOC_NAME_HEADS_AR for _, s in cands)
    if i > 0 and not doc.broken(i) and any(s in rules.PLACE_PREFIX_AR for _, s in clitic_candidates(toks[i - 1].norm)[:2]):
        return None  # أم قصر: the town, not a palace
    if (full is None and not name_only) or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    j = i + 1
    if toks[j].norm in rules.PLACE_PREFIX_AR and j + 1 < len(toks) and not doc.broken(j + 1):
        j += 1
    t = toks[j]
    street = full is not None and any(s in _STREETS_AR for _, s in cands[:3])
    if (not t.text.isalpha() or len(t.norm) < 3 or is_nisba(doc, j) or t.norm in rules.FUNCTION_AR
            or gazetteer_match(doc, i + 1) is not None or (trigger_match(doc, j) and not street)):
        return None  # (شارع الملك فيصل: a street named after a king)
    if name_only and (t.norm in rules.STOP_AR or t.norm in rules.GENERIC_PLACES_AR):
        return None  # ريف المحافظة: the province named before
    start = doc.start_after_clitic(i, full) if full is not None else toks[i + 1].start
    end = j + 1
    if street:
        while end < len(toks) and end - j < 3 and not doc.broken(end) and toks[end].text.isalpha() \
                and not _al(doc, end) and len(toks[end].norm) >= 3 and not rules.is_stop(toks[end].text, toks[end].norm, "ar") \
                and toks[end].norm not in rules.PLACE_PREFIX_AR and not is_nisba(doc, end) and not trigger_match(doc, end):
            end += 1  # شارع الحبيب بورقيبة، ساحة الشهيد رياض الصلح
    return _Hit(i if full is not None else i + 1, end, start, toks[end - 1].end, "LOC", "")


def _loc_word_fa(doc: _Doc, k: int) -> bool:
    t = doc.toks[k]
    return (k < len(doc.toks) and not doc.broken(k) and t.text.isalpha() and len(t.norm) >= 3
            and t.norm not in rules.STOP_FA and t.norm not in rules.FUNCTION_FA and not is_nisba(doc, k)
            and not trigger_match(doc, k) and not any(s in rules.ORG_HEADS_FA for _, s in clitic_candidates(t.norm)[:1]))


_DAM_FA = rules._keys("سد")
_VENUES_FA = rules._keys("ورزشگاه استادیوم میدان")


_OFFICE_TITLES_FA = rules._keys("مدیرکل مدیر رئیس سرپرست معاون")
_NOT_OFFICES_FA = rules._keys("مردم کل")


def _office_of_province_fa(doc: _Doc, i: int, end: int) -> _Hit | None:
    """مدیرکل هواشناسی خوزستان، رئیس بهزیستی استان تهران: after a head's title, one bare word and a place
    name a provincial office (an ORG), not a person."""
    toks = doc.toks
    if doc.tlang[i] != "fa" or end != i + 1 or toks[i].norm not in _OFFICE_TITLES_FA or end + 1 >= len(toks):
        return None
    t = toks[end]
    if doc.broken(end) or doc.broken(end + 1) or not t.text.isalpha() or t.norm in rules.STOP_FA \
            or t.norm in _NOT_OFFICES_FA or _given(doc, end) or gazetteer_match(doc, end) is not None \
            or t.norm in (rules.LOC_NAME_HEADS_FA | rules.LOC_FULL_HEADS_FA | rules.ORG_HEADS_FA) or is_nisba(doc, end):
        return None
    k = end + 1
    if toks[k].norm in rules._keys("استان شهرستان") and k + 1 < len(toks) and not doc.broken(k + 1):
        k += 1
    loc = gazetteer_match(doc, k, "LOC")
    if loc is None or loc.i != k:
        return None
    return _Hit(end, loc.j, t.start, toks[loc.j - 1].end, "ORG", "")


def _loc_from_head_fa(doc: _Doc, i: int) -> _Hit | None:
    """استان خوزستان -> خوزستان; میدان آزادگان جنوبی, سد کمال‌خان: Persian place nouns."""
    toks, n = doc.toks, doc.toks[i].norm
    full = n in rules.LOC_FULL_HEADS_FA
    if not (full or n in rules.LOC_NAME_HEADS_FA) or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    if i > 0 and not doc.broken(i) and (toks[i - 1].norm in rules._keys("این آن همین همان هر") or toks[i - 1].text.isdigit()):
        return None  # این گذرگاه: the crossing named before; ۱۴ شهرستان: fourteen counties
    if toks[i + 1].norm in (rules.LOC_NAME_HEADS_FA | rules.LOC_FULL_HEADS_FA):
        return None
    if gazetteer_match(doc, i + 1) is None and (_verbal_fa(doc, i + 1) or _sentence_final(doc, i + 1)):
        return None  # منطقه تأمین شود: a verb's noun, not a place
    if gazetteer_match(doc, i + 1) is not None:
        hit = gazetteer_match(doc, i + 1)
        if full and hit.type == "LOC" and not (n in _DAM_FA and re.fullmatch(r"loc:[A-Z]{2}", hit.entity_id or "")):
            return _Hit(i, hit.j, toks[i].start, toks[hit.j - 1].end, "LOC", "")
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
    if full or toks[i + 1].norm in rules.HONORIFIC_FA:  # بندر شهید رجایی، بندر امام خمینی: the port, not the man
        return _Hit(i, j, toks[i].start, toks[j - 1].end, "LOC", "")
    return _Hit(i + 1, j, toks[i + 1].start, toks[j - 1].end, "LOC", "")


def _he_name_end(doc: _Doc, k: int) -> bool:
    """A Hebrew place name may end before k: punctuation, a stop word, or a prefixed word (ובבקעת, שליד, בדרום)."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    n = doc.toks[k].norm
    return n in rules.STOP_HE or (n[:1] in "ובלמשכ" and len(n) > 3) or gazetteer_match(doc, k) is not None


def _he_place_words(doc: _Doc, j: int) -> int:
    """One or two bare words of a place name from j (ניר עוז, מסאפר יטא), 0 if none."""
    toks = doc.toks
    def bare(k: int) -> bool:
        t = toks[k]
        return (doc.tlang[k] == "he" and t.text.replace("'", "").isalpha() and len(t.norm) >= 2
                and t.norm not in rules.STOP_HE and not trigger_match(doc, k) and not is_nisba(doc, k)
                and gazetteer_match(doc, k) is None)
    if j >= len(toks) or doc.broken(j) or not bare(j) or toks[j].norm.startswith(("ה", "ו")) or len(toks[j].norm) < 3:
        return 0
    if _he_name_end(doc, j + 1):
        return j + 1
    if bare(j + 1) and not toks[j + 1].norm.startswith(("ה", "ו", "ש", "ב", "ל", "מ")) and _he_name_end(doc, j + 2):
        return j + 2
    return 0


def _loc_from_head_he(doc: _Doc, i: int) -> _Hit | None:
    """הכפר יאטר, בעיר עפולה -> the name after a Hebrew place noun; בקעת הירדן, כיכר החטופים, ציר
    פילדלפי, הר חברון: a place noun that is part of the name."""
    toks = doc.toks
    stems = [s for _, s in clitic_candidates(toks[i].norm)[:3]]
    if any(s in rules.LOC_FULL_HEADS_HE for s in stems) and i + 1 < len(toks) and not doc.broken(i + 1):
        start = doc.start_after_clitic(i, next(p for p, s in clitic_candidates(toks[i].norm)[:3] if s in rules.LOC_FULL_HEADS_HE))
        if (known := gazetteer_match(doc, i + 1, "LOC")) is not None and known.i == i + 1:
            return _Hit(i, known.j, start, toks[known.j - 1].end, "LOC", "")
        if _he_det(doc, i + 1) and not _he_verb(doc, i + 1) and _he_name_end(doc, i + 2):
            return _Hit(i, i + 2, start, toks[i + 1].end, "LOC", "")
        if (end := _he_place_words(doc, i + 1)):
            return _Hit(i, end, start, toks[end - 1].end, "LOC", "")
        return None
    if any(s in rules.LOC_NAME_HEADS_HE2 for s in stems) and (end := _he_place_words(doc, i + 1)):
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
    if not t.text.replace("'", "").isalpha() or len(t.norm) < 3 or t.norm in rules.STOP_HE or t.norm.startswith("ה") \
            or trigger_match(doc, j) or is_nisba(doc, j) or t.norm in _HE_PLACE_ADJ or _given(doc, j) \
            or (len(t.norm) == 5 and t.norm[0] == "נ" and t.norm[-1] in "הו") or t.norm in rules.SAY_HE:
        return None  # שכונה חדשה; סיעת רוב העיר אסף הראל
    k = j + 1
    if k + 1 < len(toks) and toks[k].norm in _HE_AL and not doc.broken(k) and doc.gaps[k + 1] in _JOINERS:
        k += 1  # ואדי אל-נעם
    while k < len(toks) and doc.gaps[k] in _JOINERS and toks[k].text.replace("'", "").isalpha():
        k += 1
    return _Hit(j, k, t.start, toks[k - 1].end, "LOC", "")


_HE_PLACE_ADJ = rules._keys("חדשה חדש ישנה ישן גדולה גדול קטנה קטן סמוכה סמוך נוספת נוסף אחרת אחר שלמה שלם")


def _clitic_len(norm: str) -> int:
    for p, stem in clitic_candidates(norm):
        if stem in rules.ORG_NISBA_HEADS_AR:
            return p
    return 0


_OUTLET_CUES_EN = frozenset("broadcaster newspaper daily channel agency network outlet website magazine weekly "
                            "broadcasters newspapers told tabloid station".split())


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
    else:
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, kind, "")


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
                if known.type != "LOC" or re.fullmatch(r"loc:[A-Z]{2}", known.entity_id or ""):
                    return None
                # جدة (الشرق الأوسط) -: a region's name in a dateline's brackets is the paper named after it
            if k - j == 1 and toks[j].norm in rules._keys("وكالات خاص متابعات"):
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


# --- the engine ------------------------------------------------------------------


class RuleEngine:
    """Rule and gazetteer engine; offline, deterministic, no model files."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    def extract(self, text: str, language: str | None = None) -> list[Mention]:
        doc = _Doc(text, normalise_language(language, text), self.gazetteer)
        hits = self._first_pass(doc)
        for h in hits:
            h.entity_id = h.entity_id or unknown_id(h.type, doc, h)
        for h in hits:
            if h.src is not None:
                h.entity_id, h.type = h.src.entity_id, h.src.type
        _merge_prefixes(doc, hits)
        _link_short_names(doc, hits)
        hits += self._second_pass(doc, hits)
        hits = [h for h in hits if not _dropped(doc, h)]
        hits.sort(key=lambda h: h.start)
        return [self._mention(doc, h) for h in hits]

    def _first_pass(self, doc: _Doc) -> list[_Hit]:
        hits: list[_Hit] = []
        i, pending = 0, 0  # pending: tokens left in which a title still applies
        while i < len(doc.toks):
            if pending and doc.broken(i) and not trigger_match(doc, i) and gap_key(doc.gaps[i]) not in ("'", "\u05f3") \
                    and not (gap_key(doc.gaps[i]) in (",", "،") and hits and hits[-1].j == i and hits[-1].type != "PER"):
                pending = 0  # (a comma after the title's place or body keeps it: דובר הנשיאות ברמאללה, נביל ...)
            hit = gazetteer_match(doc, i)
            if hit is not None and pending and hit.type == "PER" and hit.j == i + 1 and doc.tlang[i] != "en" \
                    and (other := person_after_title(doc, i)) is not None and other.j == i + 2 \
                    and gazetteer_match(doc, i + 1) is None and boundary(doc, i + 2):
                hit = other  # הכלכלן הראשי, מודי שפריר: not Modi
            if hit is not None and pending and hit.type == "LOC" and hit.j == i + 1 \
                    and doc.toks[i].norm in rules.GIVEN_PLACES and (per := _given_place_person(doc, i)) is not None:
                hit = per  # ראש המועצה, ישראל גנץ: Yisrael the man, not Israel
            if hit is None:
                hit = quoted_outlet(doc, i)
            if hit is None:
                hit = named_after_head(doc, i) or name_after_description(doc, i)
            if hit is None and (end := trigger_match(doc, i)):
                if (before := appositive(doc, i, hits)) is not None:
                    hits.append(before)
                body = next((g for k in range(i + 1, end) if (g := gazetteer_match(doc, k, "ORG")) is not None
                             and g.i == k and g.j > end), None)
                if body is not None:
                    hits.append(body)  # رئيس حكومة | الوحدة الوطنية: the title's last word heads a known body
                    end = body.j
                elif (office := _office_of_province_fa(doc, i, end)) is not None:
                    hits.append(office)  # مدیرکل هواشناسی خوزستان: a provincial office with no head word
                    end = office.j
                i, pending = end, 5
                continue
            if hit is None and pending:
                hit = _earlier_org(doc, i, hits)
            if hit is None and pending:
                hit = person_after_title(doc, i) if doc.tlang[i] != "en" else capitalised(doc, i, True)
            if hit is None:
                hit = org_from_head(doc, i)
            if hit is None and doc.tlang[i] in ("ar", "fa") and (listed := place_list(doc, i)):
                hits.extend(listed)  # محافظات الكرك والطفيلة ومعان، شهرستان‌های حمیدیه، شادگان و ...
                i, pending = listed[-1].j, 0
                continue
            if hit is None and doc.tlang[i] != "en":
                hit = loc_from_head(doc, i)
            if hit is None and doc.tlang[i] != "en":
                hit = person_from_given_name(doc, i, hits[-1].j if hits else 0)
            if hit is None and doc.tlang[i] != "en":
                hit = said_person(doc, i, hits[-1].j if hits and hits[-1].type == "PER" else 0)
            if hit is None and doc.tlang[i] == "en":
                hit = capitalised(doc, i, False)
            if hit is not None:
                hit = _with_nisba(doc, hit)
                hits.append(hit)
                if hit.type == "PER" and pending and (second := _coordinated(doc, hit.j)) is not None:
                    hits.append(second)
                    i, pending = second.j, 0
                    continue
                if hit.type in ("ORG", "LOC") and (alias := _bracketed(doc, hit)) is not None:
                    hits.append(alias)  # سونا in وكالة السودان للأنباء (سونا), CHP
                    i = alias.j + 0
                    pending = 0
                    continue
                pending = pending - 1 if hit.type != "PER" and pending else 0
                i = hit.j
                continue
            pending = self._keep_pending(doc, i, pending)
            i += 1
        return hits

    @staticmethod
    def _keep_pending(doc: _Doc, i: int, pending: int) -> int:
        """Titles reach over modifiers: الإيراني، الخارجية، לשעבר; anything else ends them."""
        if not pending:
            return 0
        n, lang = doc.toks[i].norm, doc.tlang[i]
        if is_nisba(doc, i):
            return pending - 1
        if lang == "ar" and plain(doc.toks[i].text).startswith(("ال", "لل", "وال")):
            return pending - 1
        if lang == "he" and (n.startswith("ה") or n in rules._keys("לשעבר")):
            return pending - 1
        if lang == "ar" and _of_phrase_ar(doc, i):
            return pending - 1
        if n in rules.PORTFOLIO or (lang == "ar" and n[:1] == "و" and n[1:] in rules.PORTFOLIO):
            return pending - 1  # وزير الخارجية وشؤون المغتربين
        if lang == "ar" and any(s in rules.LOC_NAME_HEADS_AR or s in rules.ORG_HEADS_AR for _, s in clitic_candidates(n)[:3]):
            return pending - 1  # النائب عن محافظة حمص فراس الخطيب: the title's place or body before the name
        if lang == "he" and n.startswith("ל") and len(n) > 3 and not _given(doc, i):
            return pending  # השר לעניינים אסטרטגיים רון דרמר: a ל-portfolio
        if lang == "he" and i > 0 and doc.toks[i - 1].norm.startswith("ל") and n.endswith(("ים", "ית", "יות", "י")) \
                and not _given(doc, i):
            return pending - 1  # ... אסטרטגיים: its adjective
        if n in _PENDING_LINKS and i + 1 < len(doc.toks) and not doc.broken(i + 1):
            return pending - 1  # القيادي في منظمة بدر كريم النوري، وزیر راه و شهرسازی
        return 0

    def _second_pass(self, doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
        """Surnames of people named in full earlier in the text: السيسي after عبدالفتاح السيسي."""
        learnt: dict[str, _Hit] = {}
        for h in hits:
            if h.type == "PER" and h.j - h.i >= 2:
                last = doc.toks[h.j - 1].norm
                if len(last) >= 3 and last not in rules.stop_words(doc.tlang[h.j - 1]):
                    learnt.setdefault(last, h)
        if not learnt:
            return []
        for h in hits:  # קיש after יואב קיש: the known person's surname, not the island
            if h.type == "LOC" and h.j - h.i == 1 and doc.tlang[h.i] != "en":
                src = next((learnt[s] for _, s in clitic_candidates(doc.toks[h.i].norm) if s in learnt), None)
                if src is not None and src.entity_id and not src.entity_id.startswith("per:~"):
                    h.type, h.entity_id = "PER", src.entity_id
        covered = {k for h in hits for k in range(h.i, h.j)}
        out = []
        for k, tok in enumerate(doc.toks):
            if k in covered:
                continue
            for plen, stem in clitic_candidates(tok.norm) if doc.tlang[k] != "en" else ((0, tok.norm),):
                if stem in learnt and (doc.tlang[k] != "en" or tok.text[:1].isupper()):
                    src = learnt[stem]
                    out.append(_Hit(k, k + 1, doc.start_after_clitic(k, plen), tok.end, "PER", src.entity_id))
                    break
        return out

    def _mention(self, doc: _Doc, h: _Hit) -> Mention:
        surface = doc.text[h.start:h.end]
        return Mention(type=h.type, start=h.start, end=h.end, surface=surface, entity_id=h.entity_id)  # type: ignore[arg-type]


_COMPANY_HEADS = rules._keys("شركة شرکت חברת")
_BARE_AGENCY_FA = ("آژانس",)
_BODY_WORDS = rules._keys("منظمة وزارة هيئة شركة حزب جمعية مؤسسة لجنة سازمان وزارت شرکت حزب")
_HE_GENERIC_BODIES = ("org:~" + " ".join(t.norm for t in tokenize("בית המשפט")),)


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
            and h.i > 0 and not doc.broken(h.i) and before not in rules._keys("חולים הכללית"):
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
