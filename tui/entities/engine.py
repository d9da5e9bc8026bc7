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


class _Doc:
    """One text being read: tokens, the gaps between them, the language tables."""

    def __init__(self, text: str, lang: str, gaz: Gazetteer) -> None:
        self.text = text
        self.lang = lang
        self.gaz = gaz
        self.toks: list[Token] = tokenize(text)
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
            best = _Hit(i, i + k, doc.start_after_clitic(i, plen), toks[i + k - 1].end, entry.type, entry.id)
    return best


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
        cands = ((0, toks[i].norm),)
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
    if first and any(s in rules.org_heads(lang) or s in rules.LOC_NAME_HEADS_AR or s in rules.LOC_FULL_HEADS_AR
                     for _, s in clitic_candidates(n)[:3]):
        return False  # وزارة، حزب، مدينة ... start an organisation or a place, not a name
    if lang == "he" and first and n.startswith("ה"):
        return False  # the article: האופוזיציה, הממשלה
    if lang in ("ar", "fa"):
        raw = plain(tok.text)
        if raw.startswith(("ال", "بال", "وال", "فال", "لل", "كال")) and (first or raw.startswith(("بال", "وال", "فال", "لل", "كال"))):
            return False
        if n[:1] in "وف" and any(s in rules.stop_words(lang) or s in rules.PORTFOLIO for _, s in clitic_candidates(n)[1:3]):
            return False  # وشؤون، فقال: a conjunction on a common word
        if first and lang == "ar" and n[:1] in "يتن" and len(n) >= 4 and k + 1 < len(doc.toks) \
                and plain(doc.toks[k + 1].text).startswith("ال") and not doc.broken(k + 1):
            return False  # يتابع التطورات: a present-tense verb and its object, not "Yusuf al-..."
        if not first and n.startswith("و") and lang == "ar":
            return False
    if lang == "he" and not first and n.startswith(("ו", "ה")) and len(n) > 3:
        return False
    return gazetteer_match(doc, k, "LOC ORG MISC") is None


def boundary(doc: _Doc, k: int) -> bool:
    """A name may end before token k: end, punctuation, stop word, title, nationality."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    lang = doc.tlang[k]
    tok = doc.toks[k]
    if lang == "en":
        return not tok.text[0].isupper()
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
    j, count = i, 0
    while j < len(toks) and count < 3:
        if j > i and doc.gaps[j] in _JOINERS and name_like(doc, j, first=False):
            j += 1  # مدنی‌زاده، בר-דוד: one name word in two pieces
            continue
        if j > i and doc.broken(j):
            break
        n = toks[j].norm
        if j > i and (n in rules.CONNECTORS or toks[j].text in rules.CONNECTORS_EN) and j + 1 < len(toks) and not doc.broken(j + 1):
            j += 1
            continue
        if not name_like(doc, j, first=(j == i)):
            break
        if count == 2 and (doc.tlang[j] == "he" or not boundary(doc, j + 1)):
            break  # a third word only when the name clearly ends there; Hebrew names: two words
        if j > i and gazetteer_match(doc, j, "PER"):
            break
        count += 1
        j += 1
    while j > i and toks[j - 1].norm in rules.CONNECTORS:
        j -= 1
    if count == 0 or j == i:
        return None
    if count == 1 and (doc.tlang[i] == "fa" or not strong_boundary(doc, j)):
        return None  # Persian news names people in full; a lone word there is usually a verb part
    return _Hit(i, j, toks[i].start, toks[j - 1].end, "PER", "")


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
        if any(doc.broken(k) for k in range(a + 1, i)):
            continue
        if all(name_like(doc, k, first=(k == a)) for k in range(a, i)):
            return _Hit(a, i, doc.toks[a].start, doc.toks[i - 1].end, "PER", "")
    return None


def quoted_outlet(doc: _Doc, i: int) -> _Hit | None:
    """موقع "أكسيوس" / وكالة «تسنيم»: quoted words after an outlet word are an ORG."""
    toks = doc.toks
    if i + 1 >= len(toks) or not any(ch in _QUOTES for ch in doc.gaps[i + 1]):
        return None
    if not any(stem in rules.OUTLET_HEADS for _, stem in clitic_candidates(toks[i].norm)):
        return None
    for j in range(i + 1, min(i + 6, len(toks))):
        after = doc.text[toks[j].end:toks[j + 1].start] if j + 1 < len(toks) else doc.text[toks[j].end:]
        if any(ch in _QUOTES for ch in after[:3]):
            known = gazetteer_match(doc, i + 1)
            if known is not None and known.j == j + 1:
                return known
            return _Hit(i + 1, j + 1, toks[i + 1].start, toks[j].end, "ORG", "")
        if j > i + 1 and doc.broken(j):
            return None
    return None


_AR_TIME = rules._keys("اليوم أمس الماضي المقبل الجاري الأسبوع الحالي السابق الجديد")


def org_from_head(doc: _Doc, i: int) -> _Hit | None:
    """وزارة الصحة الفلسطينية / משרד הבריאות / وزارت بهداشت: head noun + modifiers."""
    toks, lang = doc.toks, doc.tlang[i]
    heads = rules.org_heads(lang)
    plen = next((p for p, stem in clitic_candidates(toks[i].norm) if stem in heads and not stem.startswith("ال")), None)
    nisba_head = lang == "ar" and any(s in rules.ORG_NISBA_HEADS_AR for _, s in clitic_candidates(toks[i].norm)[:3])
    if plen is None and not nisba_head:
        return None
    if i + 1 < len(toks) and (known := gazetteer_match(doc, i + 1)) is not None and known.type == "ORG":
        return None  # روزنامه نیویورک تایمز: the outlet itself is known
    j = i + 1
    while j < len(toks) and j - i <= 4 and not doc.broken(j):
        n = toks[j].norm
        if nisba_head:
            if is_nisba(doc, j):
                j += 1
            break
        if lang == "ar" and plain(toks[j].text).startswith(("ال", "لل")) and n not in _AR_TIME and (n not in rules.STOP_AR or n in rules.ORG_MODIFIERS_AR):
            j += 1
        elif lang == "he" and n.startswith(("ה", "וה")) and n not in rules.STOP_HE:
            j += 1
        elif lang == "fa" and (hit := gazetteer_match(doc, j, "LOC")) is not None:
            j = hit.j
            break
        elif lang == "fa" and j - i <= 2 and n not in rules.FUNCTION_FA and toks[j].text.isalpha() and not trigger_match(doc, j):
            j += 1
        elif (lang in ("ar", "fa") and j == i + 1) and (hit := gazetteer_match(doc, j, "LOC")) is not None:
            j = hit.j
            break
        else:
            break
    if j == i + 1:
        return None
    start = doc.start_after_clitic(i, plen or 0) if plen is not None else doc.start_after_clitic(i, _clitic_len(toks[i].norm))
    return _Hit(i, j, start, toks[j - 1].end, "ORG", "")


def loc_from_head(doc: _Doc, i: int) -> _Hit | None:
    """بلدة الخيام -> الخيام; قصر بعبدا -> قصر بعبدا: unknown places after a place noun."""
    toks = doc.toks
    cands = clitic_candidates(toks[i].norm)
    full = next((p for p, s in cands if s in rules.LOC_FULL_HEADS_AR), None)
    name_only = any(s in rules.LOC_NAME_HEADS_AR for _, s in cands)
    if (full is None and not name_only) or i + 1 >= len(toks) or doc.broken(i + 1):
        return None
    j = i + 1
    if toks[j].norm in rules.PLACE_PREFIX_AR and j + 1 < len(toks) and not doc.broken(j + 1):
        j += 1
    t = toks[j]
    if (not t.text.isalpha() or len(t.norm) < 3 or is_nisba(doc, j) or t.norm in rules.FUNCTION_AR
            or gazetteer_match(doc, i + 1) is not None or trigger_match(doc, j)):
        return None
    if name_only and t.norm in rules.STOP_AR:
        return None
    start = doc.start_after_clitic(i, full) if full is not None else toks[i + 1].start
    return _Hit(i if full is not None else i + 1, j + 1, start, t.end, "LOC", "")


def _clitic_len(norm: str) -> int:
    for p, stem in clitic_candidates(norm):
        if stem in rules.ORG_NISBA_HEADS_AR:
            return p
    return 0


def capitalised(doc: _Doc, i: int, pending: bool) -> _Hit | None:
    """A run of Capitalised Latin words, typed by title, head word or shape."""
    toks = doc.toks
    if doc.tlang[i] != "en" or not toks[i].text[:1].isupper() or toks[i].text in rules.STOP_EN or is_nisba(doc, i):
        return None
    j = i
    while j < len(toks) and doc.tlang[j] == "en" and (j == i or not doc.broken(j)):
        t = toks[j].text
        if t[:1].isupper() and t not in rules.STOP_EN and not is_nisba(doc, j) and not (j > i and gazetteer_match(doc, j)):
            j += 1
        elif t in rules.CONNECTORS_EN and j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and not doc.broken(j + 1):
            j += 1
        else:
            break
    words = [t.text for t in toks[i:j]]
    if not words or any(w.isdigit() for w in words):
        return None
    if pending:
        kind = "PER"
    elif set(words) & rules.ORG_HEADS_EN:
        kind = "ORG"
    elif set(words) & rules.LOC_HEADS_EN:
        kind = "LOC"
    elif 2 <= len(words) <= 3 and all(w[1:].islower() or w in rules.CONNECTORS_EN for w in words):
        kind = "PER"
    else:
        return None
    return _Hit(i, j, toks[i].start, toks[j - 1].end, kind, "")


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
        hits += self._second_pass(doc, hits)
        hits.sort(key=lambda h: h.start)
        return [self._mention(doc, h) for h in hits]

    def _first_pass(self, doc: _Doc) -> list[_Hit]:
        hits: list[_Hit] = []
        i, pending = 0, 0  # pending: tokens left in which a title still applies
        while i < len(doc.toks):
            if pending and doc.broken(i) and not trigger_match(doc, i):
                pending = 0
            hit = gazetteer_match(doc, i)
            if hit is None:
                hit = quoted_outlet(doc, i)
            if hit is None and (end := trigger_match(doc, i)):
                if (before := appositive(doc, i, hits)) is not None:
                    hits.append(before)
                i, pending = end, 5
                continue
            if hit is None and pending:
                hit = person_after_title(doc, i) if doc.tlang[i] != "en" else capitalised(doc, i, True)
            if hit is None:
                hit = org_from_head(doc, i)
            if hit is None and doc.tlang[i] == "ar":
                hit = loc_from_head(doc, i)
            if hit is None and doc.tlang[i] == "en":
                hit = capitalised(doc, i, False)
            if hit is not None:
                hits.append(hit)
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
        if n in rules.PORTFOLIO:
            return pending - 1
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
