"""The tokenised document and the token tests every rule family shares.

:class:`_Doc` is one text being read (tokens, the gaps between them, each
token's language); :class:`_Hit` is a mention in token coordinates. The
predicates here (``gazetteer_match``, ``trigger_match``, ``name_like``,
``boundary``, ``is_nisba``, ``_given`` ...) are asked by the person,
organisation and place rules alike, so they live apart from all of them;
this module imports no other rule module.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from tui.entities import lexicon, rules
from tui.entities.gazetteer import Gazetteer, gap_key
from tui.text.normalize import (
    Token,
    clitic_candidates,
    normalise,
    split_offset,
    tokenize,
)

# Punctuation that breaks a name between two tokens. Not a ZWNJ, and not a maqaf: a maqaf joins two words of one
# name (פרל־מימון, אבו־עראר) as it did when tokenize kept it inside the word; the ASCII hyphen, also a dash
# between figures and clauses, still breaks (leave-one-batch-out: a maqaf that breaks lost joined names).
_PUNCT_GAP = re.compile(r"[^\s\u200c\u200d\u200e\u200f\u2066-\u2069\u05be]|\n")  # (a line break ends a name too)


_JOINERS = ("\u200c", "-", "\u05be")


_QUOTES = "\"'«»“”„‘’‹›`\u05f4\u05f3"  # any typographic quote, Hebrew gershayim ״ too


_AR_SCRIPT = re.compile(r"[\u0600-\u06ff]")


_HE_SCRIPT = re.compile(r"[\u0590-\u05ff]")


_FA_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")


@dataclass
class _Hit:
    """A mention in token coordinates, before it becomes a :class:`Mention`."""

    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    type: str
    entity_id: str
    src: _Hit | None = None  # another mention of the same entity (an acronym in brackets)


# A rewrite of one hit in the light of the next: the new hit and how many hits it stands for (1: this one,
# 2: this one and the next), or None to keep the hit as it is.
PairStep = Callable[[_Hit, "_Hit | None"], "tuple[_Hit, int] | None"]


def rewrite_pairs(hits: list[_Hit], step: PairStep) -> list[_Hit]:
    """The hits, in text order, each one given to ``step`` with the hit after it (None at the end): the
    passes that join a name to the one right after it (a committee and its body, a body and its seat)."""
    out: list[_Hit] = []
    k = 0
    while k < len(hits):
        got = step(hits[k], hits[k + 1] if k + 1 < len(hits) else None)
        if got is None:
            out.append(hits[k])
            k += 1
        else:
            out.append(got[0])
            k += got[1]
    return out


_HE_GLUED = re.compile(r"^[\u05d5\u05d1\u05dc\u05de\u05e9\u05db\u05d4]{1,3}[-\u05be]([A-Za-z0-9].*)$")


_AR_GLUED = re.compile(r"^[\u0648\u0641\u0628\u0644]{1,2}\u0640?([A-Za-z][A-Za-z0-9.&]*)$")  # وApple, بـEDL
_AR_CLITIC_LETTERS = "\u0648\u0641\u0628\u0644"  # و ف ب ل


def _glued(text: str) -> bool:
    """Whether a token may be a prefix glued to a Latin name: a hyphen or maqaf in it (ל-Ynet), or an Arabic
    و/ف/ب/ل before Latin letters (وApple); most words are neither, and pay two tests."""
    return "-" in text or "\u05be" in text or (text[:1] in _AR_CLITIC_LETTERS and text[-1:].isascii())


def _unglue(tok: Token) -> Token:
    """ל-Ynet, ב-TheMarker, وApple, بـEDL: the Latin name after a Hebrew prefix and hyphen, or after an Arabic
    clitic written onto it (و، ف، ب، ل, with or without a tatweel), is the token."""
    m = _HE_GLUED.match(tok.text) if "-" in tok.text or "\u05be" in tok.text else None  # (most words: no hyphen)
    if m is None and tok.text[:1] in _AR_CLITIC_LETTERS:
        m = _AR_GLUED.match(tok.text)
    if not m:
        return tok
    start = tok.start + m.start(1)
    return Token(start, tok.end, m.group(1), normalise(m.group(1)))


class _Doc:
    """One text being read: tokens, the gaps between them, each token's language, its distinct words."""

    def __init__(self, text: str, lang: str, gaz: Gazetteer) -> None:
        self.text = text
        self.lang = lang
        self.gaz = gaz
        self.toks: list[Token] = [_unglue(t) if _glued(t.text) else t
                                  for t in tokenize(text)]  # (most words are glued to nothing: no call)
        self.gaps = [""] + [text[a.end:b.start] for a, b in zip(self.toks, self.toks[1:])]
        # A text repeats its words: what depends on a word alone is worked out once per distinct word
        # (``words``: each one's first token, in text order) and read through ``wid`` (a token's word).
        ids: dict[str, int] = {}
        self.words: list[Token] = []
        self.wfirst: list[int] = []  # (each word's first token)
        self.wid: list[int] = []
        for k, t in enumerate(self.toks):
            w = ids.get(t.text)
            if w is None:
                w = ids[t.text] = len(self.words)
                self.words.append(t)
                self.wfirst.append(k)
            self.wid.append(w)
        self.wlang = [self._token_lang(t) for t in self.words]  # (a token's language: its word's)
        self.tlang = [self.wlang[w] for w in self.wid]
        self.keys = frozenset(t.norm for t in self.words)
        self._broken = gaps_matching(self.gaps, _PUNCT_GAP)  # asked ~50 times a token: computed once
        # What the rule families and the statistical layer work out once per text and read many times
        # (each key names its owner: "says" in persons.py, "hit_cover" in model.py ...).
        self.memo: dict[str, Any] = {}

    def _token_lang(self, tok: Token) -> str:
        if _AR_SCRIPT.match(tok.text):
            # a Persian spelling (ترامپ) quoted in Arabic text still finds its entity
            return "fa" if self.lang == "fa" or _FA_LETTERS.search(tok.text) else "ar"
        if _HE_SCRIPT.match(tok.text):
            return "he"
        return "en"

    def broken(self, k: int) -> bool:
        """True if punctuation separates token k from the one before it."""
        return k >= len(self._broken) or self._broken[k]

    def start_after_clitic(self, k: int, plen: int) -> int:
        tok = self.toks[k]
        return tok.start + split_offset(tok.text, plen)


def gaps_matching(gaps: list[str], pattern: re.Pattern[str]) -> list[bool]:
    """Per gap between tokens, whether ``pattern`` occurs in it; each distinct gap is searched once
    (most gaps are one space)."""
    seen: dict[str, bool] = {}
    out = []
    for g in gaps:
        found = seen.get(g)
        if found is None:
            found = seen[g] = bool(pattern.search(g))
        out.append(found)
    return out


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while one text is read (the collector runs again after it).

    Why: reading a text allocates tens of thousands of short-lived tuples, lists and hits, none of them in
    a reference cycle (reference counting frees them all), yet every 700 allocations started a
    collection, and now and then a full one over the app's ~100,000 long-lived objects: ~10% of the
    engine's time measured on blind 14. Whoever paused the collector starts it again, so two threads
    reading at once, or a caller that had stopped it for its own reasons, are left as they were.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_FA_PAST_PLURAL = tuple(normalise(e) for e in ("یدند", "ردند", "ودند", "ستند", "شتند", "فتند", "ختند", "اندند"))
_TANWEEN = re.compile(r"[\u064b-\u064d]")
_ALL_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u0591-\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u05f3]")


# alpha and plain are asked of the same words again and again (every rule looks at the next words):
# cached per word, a regex pass becomes a lookup (~1 us less a call on this machine). The per-word caches
# of this module hold about an article's words, like normalise's 8,192 (memory in the app: issue #13).
@lru_cache(maxsize=8192)
def alpha(word: str) -> bool:
    """Letters only, once harakat, tatweel, niqqud, the maqaf and the geresh are set aside: رُبى, נֹעָה,
    טל־אבוקסיס and ח׳טיב are words."""
    return _ALL_MARKS.sub("", word).isalpha()


@lru_cache(maxsize=8192)
def plain(word: str) -> str:
    """The word without harakat/tatweel but with its hamza: إلقاء does not start with the article."""
    return _MARKS.sub("", word)


def _case_ok(text: str, case: str) -> bool:
    """Latin tokens must look like names: capitalised, or ALL CAPS for acronyms."""
    if case == "A":
        return text.isupper()
    return case != "C" or text[:1].isupper()


def gazetteer_match(doc: _Doc, i: int, types: str = "PER ORG LOC MISC", pieces: bool = True) -> _Hit | None:
    """Longest alias starting at token i (after any clitic split), or None (also past the last token, so
    callers may ask about the word after a name without a bounds check of their own)."""
    if i >= len(doc.toks):
        return None
    toks, lang = doc.toks, doc.tlang[i]
    best: _Hit | None = None
    # every clitic reading's aliases (a two-letter stem after a clitic is too weak alone: בתל אביב is fine),
    # less the longer ones whose second key is not the next token's (they could not match, nor reset best)
    aliases, by_next = doc.gaz.word_alias_plan(lang, doc.lang, toks[i].norm, _CONTEXT_IDS)
    if by_next and i + 1 < len(toks) and (more := by_next.get(toks[i + 1].norm)):
        aliases = tuple(sorted(aliases + more))  # (back in their order: the first field is the position)
    bare = {(p, s, a.entity_id) for _, p, s, a, _ in aliases} if lang == "he" and len(aliases) > 1 else ()
    for _, plen, stem, alias, check in aliases:
        if bare and plen and toks[i].norm[plen - 1] in "בלכ" and stem[:1] == "ה" and (plen + 1, stem[1:], alias.entity_id) in bare:
            continue  # בהכנסת: not ב + הכנסת, an entity whose ה is the article (ב/ל/כ take it in: בכנסת)
        if plen and lang == "fa" and not _FA_CLITIC.issuperset(toks[i].norm[:plen]):
            continue  # کمالی is a name, not ک + مالی: Persian writes no ک/ل/ف clitic (و and ب: وتهران، بتهران)
        k = len(alias.keys)
        if best and k == best.j - best.i and alias.entity_id != best.entity_id and _fits_context(doc, alias.entity_id, i):
            best = None  # same spelling, two places (عمان: Oman / Amman): the text's context decides
        if i + k > len(toks) or (best and k <= best.j - best.i):
            continue
        if check and not _alias_fits(doc, i, alias):
            continue
        entry = doc.gaz.entries[alias.entity_id]
        if entry.type not in types:
            continue
        if lang == "he" and not _he_alias_ok(doc, i, i + k, plen, entry.type, stem):
            continue
        if k == 1 and stem in _NOT_AFTER_HEAD and i > 0 and not doc.broken(i) and _org_head_before(doc, i):
            continue  # البنك الأهلي: a word of the body's own name, not the club
        if lang == "fa" and i + k < len(toks) and doc.gaps[i + k] in ("\u200c", " ") and toks[i + k].norm in _SURNAME_ENDS_FA:
            continue  # قوچان‌نژاد، تهرانی‌پور، نجف زاده (ZWNJ lost): a place inside a family name, not the place
        if k == 1 and stem in _IN_BRACKETS and (entry.type == "ORG") != _bracketed(doc, i):
            continue  # الدوحة /قنا/ is the Qatar News Agency; قنا elsewhere the city of Qena
        if k == 1 and stem in _EXACT_FORM and not plain(toks[i].text).endswith(tuple(_EXACT_WRITTEN)):
            continue  # وأم is و + أم (and a mother), not وام (WAM): the written hamza decides
        if k == 1 and stem in _AFTER_LOCATIVE and lang == "ar" and not _locative_place_ar(doc, i, plen):
            continue  # سترة، الحد، عاليه: a town only where a place goes (من سترة والحد), not the jacket, the limit
        if k == 1 and lang == "ar" and (alias.entity_id or "").startswith("org:club:") and i > 0 \
                and not doc.broken(i) and _org_head_before(doc, i):
            continue  # مستشفى الفيحاء: the hospital's own name, not the club
        if k == 1 and pieces and lang == "ar" and entry.type == "LOC" and _name_piece_ar(doc, i):
            continue  # بلال موانزا-كابيلا، خافيير مورينو-ساليناس: a place spelling inside a hyphenated surname
        if k == 1 and stem in _ALONE_ONLY and i + 1 < len(toks) and not doc.broken(i + 1) and (
                (toks[i + 1].norm[:1] == "ה" and not _he_verb(doc, i + 1)) or plain(toks[i + 1].text).startswith("ال")
                or is_nisba(doc, i + 1)):
            continue  # המשטרה הצבאית: another police, not the Israel Police
        if k == 1 and stem in _NOT_BEFORE_PLACE and i + 1 < len(toks) and not doc.broken(i + 1) and (
                plain(toks[i + 1].text).startswith("ال") or gazetteer_match(doc, i + 1, "LOC") is not None):
            continue  # ولايتي النيل الأبيض: "the two states of", not Velayati
        best = _Hit(i, i + k, doc.start_after_clitic(i, plen), toks[i + k - 1].end, entry.type, entry.id)
    return best


def _name_piece_ar(doc: _Doc, i: int) -> bool:
    """Arabic token i is hyphen-joined to an Arabic word that is no table place or body itself (موانزا-كابيلا,
    a surname; but فاس-مكناس, two places, a region; دمشق-سانا, a dateline)."""
    toks = doc.toks
    for k, gap in ((i + 1, doc.gaps[i + 1] if i + 1 < len(toks) else ""), (i - 1, doc.gaps[i])):
        if gap == "-" and 0 <= k < len(toks) and doc.tlang[k] == "ar" and alpha(toks[k].text) \
                and gazetteer_match(doc, k, "LOC ORG", pieces=False) is None:
            return True
    return False


_FA_CLITIC = frozenset("وب")
_POSSESSIVES_HE = lexicon.keys("possessives", "he")
_IN_BRACKETS = lexicon.constrained("outlet_in_brackets")


def _bracketed(doc: _Doc, i: int) -> bool:
    """Token i stands alone between slashes or brackets (/قنا/، (قنا)): an agency's credit line."""
    after = doc.gaps[i + 1] if i + 1 < len(doc.toks) else doc.text[doc.toks[i].end:]
    return doc.gaps[i].rstrip()[-1:] in ("/", "(") and after.lstrip()[:1] in ("/", ")")
_NOT_AFTER_HEAD = lexicon.constrained("not_after_org_head")
_NO_PREFIX = lexicon.constrained("no_prefix")
_NOT_BEFORE_PLACE = lexicon.constrained("not_before_place")
_ALONE_ONLY = lexicon.constrained("alone_only")
_EXACT_FORM = lexicon.constrained("exact_form")
_SURNAME_ENDS_FA = lexicon.keys("surname_words", "fa")
_AFTER_LOCATIVE = lexicon.constrained("after_locative")
_YEAR_WORDS_AR = lexicon.keys("year_words", "ar")
_LOCATIVE_AR = lexicon.keys("locative", "ar")
_COMPLEMENTIZERS_AR = lexicon.keys("complementizers", "ar")


def _clitic_idiom_ar(doc: _Doc, i: int) -> bool:
    """A ب/ل + noun before أن, a quote or a number is a phrase (بحجة أن، بحجة "إعادة الهيكلة"، بطاقة 70), not
    "in/to" a town of that name."""
    toks = doc.toks
    if i + 1 >= len(toks):
        return False
    gap = doc.gaps[i + 1].strip()
    return toks[i + 1].norm in _COMPLEMENTIZERS_AR or gap[:1] in ('"', "«", "“", "'") \
        or (not gap and toks[i + 1].text[:1].isdigit())


def _locative_place_ar(doc: _Doc, i: int, plen: int) -> bool:
    """Token i stands where a place goes (constraints.tsv after_locative): after في/من/إلى/بين ..., with a ب/ل
    clitic (بالجوف), or و-joined to a place just before it (من سترة والحد); and no ال-word or من follows
    (في الحد الأدنى، والحد من: the limit, limiting)."""
    toks = doc.toks
    if i + 1 < len(toks) and not doc.broken(i + 1) and (
            (plain(toks[i + 1].text).startswith("ال") and toks[i + 1].norm not in _AR_TIME
             and toks[i + 1].norm not in _YEAR_WORDS_AR) or toks[i + 1].norm == "من" or is_nisba(doc, i + 1)):
        return False  # (في العين الشهر المقبل is still the town)
    clitic = toks[i].norm[:plen]
    if clitic[-1:] in ("ب", "ل"):
        return not _clitic_idiom_ar(doc, i)
    if i == 0 or doc.broken(i):
        return False
    if not clitic and toks[i - 1].norm in _LOCATIVE_AR:
        return True
    return clitic == "و" and (prev := gazetteer_match(doc, i - 1, "LOC")) is not None and prev.j == i
_EXACT_WRITTEN = lexicon.constrained_as_written("exact_form")


def _org_head_before(doc: _Doc, i: int) -> bool:
    """The word before i heads an organisation (البنك، مستشفى، חברת) whose name i is part of."""
    prev = doc.toks[i - 1].norm
    heads = rules.org_heads(doc.tlang[i - 1]) | rules.ORG_AL_HEADS_AR | rules.ORG_AL_HEADS_HE
    return any(stem in heads for _, stem in clitic_candidates(prev)[:3])


def _he_alias_ok(doc: _Doc, i: int, end: int, plen: int, kind: str, stem: str) -> bool:
    """Hebrew checks: המודיעין is "the intelligence", not the city Modiin (places and people take no
    article); מודי'ס is Moody's, not Modi (the word goes on after the geresh); דוחה alone is "rejects"."""
    toks = doc.toks
    if plen and end == i + 1 and kind in ("LOC", "PER") and (
            ("ה" in toks[i].text[:plen] and not toks[i].norm[plen:].startswith("ה")) or not toks[i].norm.endswith(stem)):
        return False  # המודיעין; בנייה is "construction", not ב + (ה)נייה
    if end < len(toks) and doc.gaps[end] in ("'", "׳", "’") and doc.tlang[end] == "he":
        return False
    if plen >= 2 and toks[i].norm[plen - 1] == "ה" and toks[i].norm[plen - 2] in "בלכ" and not toks[i].norm[plen:].startswith("ה"):
        return False  # בהכנסת סיוע: "in bringing in", not ב + (ה)כנסת (ב/ל/כ take the article into themselves: בכנסת)
    if plen and end == i + 1 and stem in _NO_PREFIX:
        return False  # מסעדה is a restaurant, not מ + סעדה (Saada)
    return not (end == i + 1 and not plen and toks[i].norm in rules.HE_PREFIX_ONLY and not doc.broken(end))


# Spellings shared by two entities, and words whose presence picks the second one.
CONTEXT = {"loc:city:Amman": lexicon.keys("amman_context")}
_CONTEXT_IDS = frozenset(CONTEXT)


def _fits_context(doc: _Doc, entity_id: str, i: int = -1) -> bool:
    words = CONTEXT.get(entity_id)
    if words is not None and i >= 0 and entity_id == "loc:city:Amman" and "\u0651" in doc.toks[i].text:
        return True  # عمّان: the shadda is written on Amman's mim only, never on Oman (عُمان)
    return words is not None and bool(words) and not words.isdisjoint(doc.keys)


def _alias_fits(doc: _Doc, i: int, alias) -> bool:
    """The next tokens spell the alias, with its gaps; in Hebrew a maqaf or hyphen and a space are one gap
    (מעלות־תרשיחא، דלית אל כרמל: the press writes both)."""
    toks = doc.toks
    for n, key in enumerate(alias.keys):
        t = toks[i + n]
        if n and (t.norm != key or ((g := gap_key(doc.gaps[i + n])) != alias.gaps[n - 1]
                                    and not (doc.tlang[i] == "he" and g in _SPACE_OR_DASH and alias.gaps[n - 1] in _SPACE_OR_DASH))):
            return False
        if not _case_ok(t.text, alias.case[n]):
            return False
    return True


_SPACE_OR_DASH = ("", "-")


def forget_words() -> None:
    """Empty the per-word caches of this module and of the cascade's gates (benchmarks measure the work,
    not the lookups)."""
    from tui.entities import gates

    for cached in (stem_in, _trigger_phrases, alpha, plain):
        cached.cache_clear()
    gates.forget_words()


@lru_cache(maxsize=16384)
def stem_in(norm: str, table: frozenset[str], readings: int = 0) -> bool:
    """Whether a clitic reading of ``norm`` (of its first ``readings``, or any when 0) is in ``table``.

    Why cached per word: the head-noun rules ask it of every token (is this a place noun, a body's
    head?) and almost always hear no; a text repeats its words, and the answer depends on the word alone.
    """
    cands = clitic_candidates(norm)
    return any(s in table for _, s in (cands[:readings] if readings else cands))


@lru_cache(maxsize=8192)
def _trigger_phrases(lang: str, key: str) -> tuple[tuple[str, ...], ...]:
    """The title phrases a token whose key is ``key`` may open, in the order :func:`trigger_match` tries
    them (each clitic reading, longest phrase first); most words open none. ``key`` is the folded word,
    or the case-folded text in English."""
    table = rules.triggers().get(lang, {})
    if lang == "en":
        cands: tuple[tuple[int, str], ...] = ((0, key),)
    elif lang in ("ar", "fa"):
        cands = clitic_candidates(key)
    else:
        cands = ((0, key), (1, key[1:])) if key[:1] == "ו" and len(key) > 3 else ((0, key),)
    return tuple(phrase for _, stem in cands for phrase in table.get(stem, ()))


def trigger_match(doc: _Doc, i: int) -> int:
    """End token of a title phrase starting at i (0 if none); Arabic clitics allowed."""
    lang, toks = doc.tlang[i], doc.toks
    phrases = _trigger_phrases(lang, toks[i].text.casefold() if lang == "en" else toks[i].norm)
    for phrase in phrases:
        k = len(phrase)
        if i + k > len(toks) or any(doc.broken(i + n) for n in range(1, k)):
            continue
        if all(_trig_key(doc, i + n, lang) == phrase[n] for n in range(1, k)):
            return i + k
    return 0


def _trig_key(doc: _Doc, k: int, lang: str) -> str:
    return doc.toks[k].text.casefold() if lang == "en" else doc.toks[k].norm


def is_nisba(doc: _Doc, k: int) -> bool:
    """Token k, or its first clitic reading, is a nationality adjective (الإيراني، וההולנדית)."""
    cands, nisba = clitic_candidates(doc.toks[k].norm), doc.gaz.nisba
    if cands[0][1] in nisba or (len(cands) > 1 and cands[1][1] in nisba):
        return True
    n = doc.toks[k].norm
    return doc.tlang[k] == "fa" and len(n) >= 5 and n.endswith("ي") and _country_fa(doc, n[:-1])
    # (برزیلی، اتریشی: a country's Persian name and ی; the nisba table lists the frequent ones)


_COUNTRY_ID = re.compile(r"loc:[A-Z]{2}")


def is_country(entity_id: str | None) -> bool:
    """The id is a country's (``loc:`` and its ISO 3166-1 code): a country behaves apart from towns and
    regions in several rules (a nisba of it, a direction after it, a dam named after it)."""
    return entity_id is not None and _COUNTRY_ID.fullmatch(entity_id) is not None


def _country_fa(doc: _Doc, stem: str) -> bool:
    return any(a.keys == (stem,) and is_country(a.entity_id) for a in doc.gaz.lookup("fa", stem))


def name_like(doc: _Doc, k: int, first: bool) -> bool:
    """Could token k be part of an unknown person's name?"""
    tok, lang = doc.toks[k], doc.tlang[k]
    n = tok.norm
    if not alpha(tok.text.replace("'", "").replace("-", "")) or len(n) < 2:
        return False
    if lang == "en":
        return tok.text[0].isupper() and tok.text not in rules.STOP_EN and not is_nisba(doc, k)
    compound = (lang == "fa" and k + 1 < len(doc.toks) and doc.gaps[k + 1] == "\u200c" and n not in _VERB_PARTS_FA
                and n not in _NUMERALS_FA
                and doc.toks[k + 1].norm not in rules.SUFFIXES_FA and alpha(doc.toks[k + 1].text))
    if (rules.is_stop(tok.text, n, lang) and not compound) or is_nisba(doc, k) or (trigger_match(doc, k) and not compound):
        return False  # (دولت‌آبادی: دولت is a stop word, the compound a surname; ملک‌پور: ملک a title)
    if lang in ("ar", "fa") and _TANWEEN.search(tok.text):
        return False  # شخصيةً، رئيساً: a word with tanween is an everyday noun or adverb, never a name
    if any(s in rules.org_heads(lang) or s in rules.LOC_NAME_HEADS_AR or s in rules.LOC_FULL_HEADS_AR
           or (not first and s in rules.OUTLET_HEADS) for p, s in clitic_candidates(n)[:3] if first or p):
        return False  # وزارة، حزب، مدينة ... start an organisation or a place, not a name; لقناة ends one
    if lang == "fa" and n in rules.ORG_HEADS_FA:
        return False
    if lang == "ar" and not first and any(s in _BACK_REF_AR for _, s in clitic_candidates(n)[:2]):
        return False  # مفوضي الهيئة: "the commission", not a surname
    if lang == "he" and first and n.startswith("ה"):
        return False  # the article: האופוזיציה, הממשלה
    if lang == "he" and first and (n in rules.LOC_NAME_HEADS_HE or n in rules.LOC_FULL_HEADS_HE):
        return False  # מחוז חוף، כביש החוף: a place noun opens a place, not a name
    if lang in ("ar", "fa"):
        raw = plain(tok.text)
        if raw.startswith(("ال", "بال", "وال", "فال", "لل", "كال")) and (first or raw.startswith(("بال", "وال", "فال", "لل", "كال"))) \
                and not (lang == "fa" and n in rules.GIVEN["fa"] and not raw.startswith(("بال", "وال", "فال", "لل", "كال"))):
            return False  # (but الهام، الناز: Persian given names that open with ال)
        if n[:1] in "وف" and any(s in rules.stop_words(lang) or s in rules.PORTFOLIO for _, s in clitic_candidates(n)[1:3]):
            return False  # وشؤون، فقال: a conjunction on a common word
        if first and lang == "ar" and n[:1] in "يتن" and len(n) >= 4 and n not in rules.GIVEN_AR and not raw.endswith("ة") \
                and k + 1 < len(doc.toks) \
                and plain(doc.toks[k + 1].text).startswith("ال") and not doc.broken(k + 1):
            return False  # يتابع التطورات: a present-tense verb and its object, not "Yusuf al-..."
        if lang == "ar" and n.startswith(("سي", "ست", "سن")) and len(n) >= 5 and n[1:] in lexicon.common_words("ar") \
                and n not in rules.GIVEN_AR:
            return False  # سيعود، ستبدأ: a verb in the future, not a name (الفريق سيعود: the team, not a general)
        if not first and n.startswith("و") and lang == "ar" and not _ar_surname_with_waw(n):
            return False  # (but وهبة، وزني: a surname that opens with و and is no و + word)
        if lang == "ar" and raw.endswith("ا") and len(n) > 3 and (
                trigger_match(doc, k) or rules.is_stop(raw[:-1], n[:-1], lang) or any(
                    n[:-1] == p[0] for p in rules.triggers()["ar"].get(n[:-1], ()))):
            return False  # انتخب رئيسا، عين نائبا: a title in the accusative, not a name
    if lang == "he" and not first and n in _POSSESSIVES_HE:
        return False  # דוד שלי: "my uncle", not a name (שלי opens a name only: שלי יחימוביץ')
    if lang == "he" and not first and n.startswith(("ו", "ה")) and len(n) > 3 and not _he_surname_with_h(n):
        return False  # (but הייזלר, הראל: a surname that opens with ה and is no article + word)
    if lang == "he" and n[:1] == "ו" and (n[1:] in rules.STOP_HE or n[1:] in _CONJ_FUNCTION_HE):
        return False  # וכן, וגם: a conjunction on a function word
    if lang == "he" and not first and _he_verb_after_name(doc, k):
        return False  # ש' חדד | ייעדר، אליעזר בן־יהודה | התלונן: a future or hitpa'el past verb ends a name
    if lang == "he" and not first and n[:1] in "שבלמכ" and len(n) > 3 and n[1:] in rules.STOP_HE:
        return False  # שליד, מעל: a prefix on a function word ends a name
    if lang == "fa" and n.endswith("های") and len(n) > 5:
        return False  # a plural with ezafe: گفت‌وگوهای
    if lang == "fa" and len(n) > 5 and n.endswith(_FA_PAST_PLURAL):
        return False  # جنگیدند، برگشتند: a verb in the past plural, never a name word
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
    ) or (lang == "he" and _he_verb_after_name(doc, k))


@cache
def _past_verbs_he() -> frozenset[str]:
    return (lexicon.keys("past_verbs", "he") | lexicon.keys("present_verbs", "he")) - lexicon.surnames("he") \
        - rules.GIVEN.get("he", frozenset())


def _he_past_verb(n: str) -> bool:
    """קבע، רכשה، גייסה، פועלת، מתכנן: a frequent verb of the third person singular, past or present (he
    past_verbs, present_verbs)."""
    return n in _past_verbs_he()


def _he_verb_after_name(doc: _Doc, k: int) -> bool:
    """Token k is a Hebrew future verb (ייעדר) or a hitpa'el past (התלונן، התפטרה): no name word, no surname."""
    n = doc.toks[k].norm
    return doc.tlang[k] == "he" and (_he_future(doc, k) or _he_past_verb(n) or (
        n.startswith("הת") and len(n) >= 5 and n not in lexicon.surnames("he") and not _given(doc, k)
        and gazetteer_match(doc, k) is None))


def strong_boundary(doc: _Doc, k: int) -> bool:
    """After a one-word name: punctuation, the end, or a function word / verb, not a noun like الشؤون."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    tok, lang = doc.toks[k], doc.tlang[k]
    if lang == "ar":
        return tok.norm in rules.FUNCTION_AR or (rules.is_stop(tok.text, tok.norm, lang) and not plain(tok.text).startswith("ال"))
    return boundary(doc, k)


_HE_AL = lexicon.keys("he_al")


_AR_TIME = lexicon.keys("ar_time")


def _al(doc: _Doc, k: int) -> bool:
    return plain(doc.toks[k].text).startswith(("ال", "لل"))


def _he_det(doc: _Doc, k: int) -> bool:
    return doc.toks[k].norm.startswith(("ה", "וה")) and doc.toks[k].norm not in rules.STOP_HE


def _org_word_ar(doc: _Doc, k: int) -> bool:
    """An ال-word that can continue an organisation's name: not a time word, a stop word or a title."""
    n = doc.toks[k].norm
    return (_al(doc, k) and n not in _AR_TIME and (n not in rules.STOP_AR or n in rules.ORG_MODIFIERS_AR)
            and not trigger_match(doc, k))


_BACK_REF_AR = rules.ORG_AL_HEADS_AR | lexicon.keys("back_ref", "ar")
_CONJ_FUNCTION_HE = lexicon.keys("conj_function", "he")
_VERB_PARTS_FA = lexicon.keys("verb_parts", "fa")
_MI = normalise("می")
_NUMERALS_FA = lexicon.keys("numerals", "fa")


def _he_verb(doc: _Doc, k: int) -> bool:
    """העניק, הודיעה, החליטו: a hif'il past verb, not a ה-adjective continuing a name."""
    n = doc.toks[k].norm
    if n.startswith(("הת", "השת", "הסת", "הצט", "הזד")) and n.endswith("ו") and len(n) >= 5:
        return True  # השתתפו، הצטרפו، התפטרו: a hitpa'el past plural
    if n.startswith(("השת", "הסת", "הצט", "הזד")) and n.endswith("ה") and len(n) >= 6:
        return True  # הצטרפה، השתתפה، הסתיימה: a hitpa'el past feminine (with ת after the first root letter)
    return (n.startswith("ה") and len(n) in (5, 6) and n[3] == "י" and (len(n) == 5 or n[-1] in "הו")
            and not n.endswith(("ים", "ית")))  # הפנים, הבינית: plural and feminine nouns


def _sentence_final(doc: _Doc, k: int) -> bool:
    """The last word before a full stop: in Persian, the verb (... منتظر بمانند.)."""
    after = doc.gaps[k + 1] if k + 1 < len(doc.toks) else doc.text[doc.toks[k].end:]
    return after.lstrip()[:1] in (".", "!", "?", "؟") if after.strip() else k + 1 >= len(doc.toks)


def _verbal_fa(doc: _Doc, k: int) -> bool:
    """اعلام (کرد)، ارجاع (می‌شود)، منصوب (شده): the noun of a compound verb ends a name before it."""
    if k + 1 >= len(doc.toks) or doc.broken(k + 1):
        return False
    nxt = doc.toks[k + 1].norm
    return nxt in rules.LIGHT_VERBS_FA or nxt in _VERB_PARTS_FA or nxt.startswith(("می\u200c", "نمی")) or (
        nxt.startswith(_MI) and (nxt[2:] in rules.LIGHT_VERBS_FA or nxt[2:] in _VERB_PARTS_FA))  # پرداخت میشود (no ZWNJ)


def glued_present_fa(n: str) -> bool:
    """میگویند، نمیدهد، میرسد: a present verb written without its ZWNJ (می + a frequent verb form ending in
    د), which no name word is (میدان، میلیارد، میلاد are not: their rest is no frequent word or no verb ending)."""
    core = n[3:] if n.startswith("نمی") else n[2:] if n.startswith(_MI) else ""
    return len(core) >= 3 and core.endswith("د") and core in lexicon.common_words("fa")


def he_verb_form(doc: _Doc, k: int) -> bool:
    """Token k is a frequent Hebrew word of a verb's shape that no name word has: a past plural (עמדו، החלו،
    קיבלו), a hof'al past (הועבר، הוקמה), or ש + a past (שהוקמה، שהחליטו):
    after a body's, place's or person's name it is the sentence's verb."""
    if k >= len(doc.toks) or doc.tlang[k] != "he":
        return False
    n = doc.toks[k].norm
    if _he_past_verb(n):
        return True  # קרן פימי | רכשה
    if n not in lexicon.common_words("he") or n in lexicon.surnames("he") or _given(doc, k) or n in rules.STOP_HE \
            or gazetteer_match(doc, k) is not None:
        return False
    core = n[1:] if n[:1] == "ש" and len(n) >= 5 else n
    return ((n.endswith("ו") and not n.endswith(("יו", "וו")) and "ו" not in n[1:3]
             and (len(n) == 4 or (len(n) == 5 and (n[1] == "י" or n[0] == "ה"))))
            or (core.startswith("הו") and core[2:3] != "ו" and len(core) in (4, 5, 6) and (
                core.endswith("ו") or (core[-1] not in "התי" and len(core) <= 5) or (core is not n and core.endswith("ה"))))
            or (core is not n and core[:1] == "ה" and len(core) in (5, 6) and core[3:4] == "י"))


def cut_at_verb(doc: _Doc, hit: _Hit) -> _Hit | None:
    """A Hebrew name found from its head, up to the first word of a verb's shape after its first word; None when
    only the first word is left."""
    k = next((k for k in range(hit.i + 1, hit.j) if he_verb_form(doc, k)), hit.j)
    if k == hit.j:
        return hit
    if k == hit.i + 1:
        return None
    return _Hit(hit.i, k, hit.start, doc.toks[k - 1].end, hit.type, hit.entity_id)


def _he_vav_name(doc: _Doc, k: int) -> bool:
    """Token k starts with ו but is a name, not ו + a word: ויצמן, וולף, וולפסון (neither the word nor its rest
    without ו is a frequent word, a known entity or a verb)."""
    n, common = doc.toks[k].norm, lexicon.common_words("he")
    return len(n) >= 4 and n not in common and n[1:] not in common and n[1:2] not in "הבלמש" \
        and gazetteer_match(doc, k) is None and not _he_verb(doc, k) and not _he_future(doc, k)


def _bare_noun(doc: _Doc, k: int) -> bool:
    """An undetermined content word (no article, not a stop word, title or nationality)."""
    t, lang = doc.toks[k], doc.tlang[k]
    if lang == "en" or not alpha(t.text) or len(t.norm) < 3:
        return False
    if rules.is_stop(t.text, t.norm, lang) or is_nisba(doc, k) or trigger_match(doc, k) or t.norm in rules.PORTFOLIO:
        return False
    if lang == "ar" and (_al(doc, k) or plain(t.text).startswith(("و", "ف")) and t.norm[1:] in rules.STOP_AR):
        return False
    if lang == "he" and ((t.norm.startswith("ה") or (t.norm.startswith("ו") and not _he_vav_name(doc, k)))
                         and len(t.norm) > 3 or _he_future(doc, k)):
        return False  # (המועדון ייקנס: a future verb; but קרן וולף: a name that opens with ו)
    return gazetteer_match(doc, k, "PER LOC") is None


def _participle(doc: _Doc, k: int) -> bool:
    """المملوكة، المنعقد: an ال-participle describing the head, not a noun in a construct chain."""
    raw = plain(doc.toks[k].text)
    return raw.startswith(("الم", "المُ")) and len(raw) >= 6 and not raw.endswith(("ين", "ون"))
    # (المعلمين, المزارعين: a plural of people, the complement of a construct: صندوق تقاعد المعلمين)


def _name_ends(doc: _Doc, k: int) -> bool:
    """A name may end before k: punctuation, the end, a function word, a nationality, a known person or a given name."""
    if k >= len(doc.toks) or doc.broken(k):
        return True
    lang, t = doc.tlang[k], doc.toks[k]
    return (rules.is_stop(t.text, t.norm, lang) or is_nisba(doc, k) or gazetteer_match(doc, k, "PER") is not None
            or _given(doc, k) or bool(trigger_match(doc, k)) or (lang == "ar" and _participle(doc, k))
            or (lang == "he" and _he_past_verb(t.norm)))


def _he_future(doc: _Doc, k: int) -> bool:
    """ייקנס، תיערך، יחלו، ימשיכו، תורחב، יוצבו: a Hebrew future verb by its shape (a י/ת person prefix with a
    doubled י, a ו of the passive, or a plural ו at the end), so a body's or place's name ends before it; no
    given name, table name, or word joined by a maqaf (מעלות־תרשיחא)."""
    n = doc.toks[k].norm
    if doc.tlang[k] != "he" or n[:1] not in ("י", "ת") or not 4 <= len(n) <= 7 or doc.gaps[k] in ("-", "\u05be"):
        return False
    if not (n[:2] in ("יי", "תי") or (n[1:2] == "ו" and len(n) in (5, 6)) or (n.endswith("ו") and len(n) in (4, 5, 6))):
        return False
    if n.endswith(("ון", "ית", "ים", "ות")) or n[:2] in ("יו", "תו") and n.endswith("ו"):
        return False  # תיכון، יומית: nouns and adjectives; יוצאו-like forms are too rare to risk a name
    return not _given(doc, k) and gazetteer_match(doc, k) is None


def _given(doc: _Doc, k: int) -> bool:
    n = doc.toks[k].norm
    given = rules.GIVEN.get(doc.tlang[k], frozenset())
    return n in given or (doc.tlang[k] in ("ar", "fa") and n[:1] in "و" and n[1:] in given)


def _he_surname_with_h(n: str) -> bool:
    """A Hebrew word opening with ה that is a surname, not the article on a word (הייזלר, הראל; not הממשלה)."""
    if n[:1] not in ("ה", "ו"):
        return False
    if n in lexicon.surnames("he"):
        return True
    common = lexicon.common_words("he")
    if n[:1] == "ו":  # ויזל، וולך، ורדי־כהן: a surname opening with ו, not "and" + a word, a name or a place
        rest = n[1:]
        return n not in common and rest not in common and len(n) >= 4 and not n.endswith(("ים", "ות")) \
            and rest not in lexicon.surnames("he") and rest not in rules.GIVEN["he"] and not rest.startswith("שות") \
            and not (rest[:1] in "בלמכשה" and (rest[1:] in common or rest[1:] in rules.GIVEN["he"]))
    return n not in common and n[1:] not in common and len(n) >= 5 and not n.endswith(("ים", "ות", "ית"))


def _ar_surname_with_waw(n: str) -> bool:
    """An Arabic word opening with و that is a listed surname (وهبة), not "and" + a word or a name."""
    return n in lexicon.surnames("ar")
