"""Foreign people written in Arabic, Persian or Hebrew letters with no title and no listed given name:
two or three name words no frequency list holds, typed as a person by their shape. A name is taken
when one of three cues holds:

- a nationality right before it (البرازيلي جواو فيتور دا كوستا، האמריקאי ...), the run may hold a
  particle of a family name (دا، فان، ואן דר: ``foreign_particles``);
- its last word ends as a foreign family name does (-ov/-ova/-ev, -ski, -enko, -vich, -shvili:
  ``foreign_surname_endings``; in Persian the ZWNJ-joined ‌اف of علی‌اف);
- its last word is two rare words joined by a hyphen or a maqaf (a double family name: X Y-Z).

Such a run replaces the rules' weaker reading of its words (a table place inside a double family
name, a person cut at the hyphen or run on into a clitic word). Why a module of its own: the other
person rules start from a title or a listed given name; these names have neither, and the statistical
layer, which sees a rare-word pair as a candidate, turns most of them down without a rule behind them.
"""

from __future__ import annotations

import re
from functools import cache

from tui.entities import lexicon, rules
from tui.entities.doc import (
    _JOINERS,
    _Doc,
    _given,
    _he_future,
    _Hit,
    alpha,
    boundary,
    gazetteer_match,
    is_country,
    is_nisba,
    plain,
    trigger_match,
)
from tui.entities.persons import _he_verbish, _nationality_ar, _nationality_he
from tui.text.normalize import clitic_candidates

_TANWEEN = re.compile("[\u064b-\u064d]")

_ENDINGS = lexicon.keys("foreign_surname_endings", "en")
_PIECE_ENDINGS = lexicon.keys("foreign_surname_pieces", "en")
_PARTICLES = lexicon.keys("foreign_particles", "en")
_LANGS = ("ar", "fa", "he")
_HYPHENS = ("-", "\u05be")  # a hyphen or a maqaf (not the ZWNJ, which joins Persian words of every kind)


_PREPOSITIONS = "בלמכبل"
_TOP = 10_000  # a word among the most frequent this many is no foreign name word
_CLITICS = "בלוכשوبلف"
_AL_WORDS = ("ال", "بال", "وال", "فال", "لل", "كال")


def _rare(doc: _Doc, k: int, piece: bool = False, town: bool = False) -> bool:
    """Token k is a word no frequency list holds in any clitic reading, of letters (a geresh allowed),
    no stop word, title or nationality; a listed given name counts. A piece after a hyphen may be short.
    Asked once per token and reading: a run is walked again from each of its words, and the answer was
    a fifth of the whole engine's cost on real text before it was kept (callgrind, blind 14)."""
    memo: dict[tuple[int, bool, bool], bool] | None = doc.memo.get("foreign_rare")
    if memo is None:
        memo = doc.memo["foreign_rare"] = {}
    got = memo.get((k, piece, town))
    if got is None:
        got = memo[k, piece, town] = _rare_word(doc, k, piece, town)
    return got


def _rare_word(doc: _Doc, k: int, piece: bool, town: bool) -> bool:
    shaped = _rare_shape(doc, k, True) if piece else _may_open(doc)[k]  # (whole words: asked once per word)
    if not shaped or trigger_match(doc, k):
        return False
    tok, lang = doc.toks[k], doc.tlang[k]
    if _given(doc, k) and not piece:
        return True
    if lang == "he" and not piece and (_he_verbish(doc, k) or _he_future(doc, k)):
        return False  # נכחה، תתמוך: a verb
    place = gazetteer_match(doc, k)
    if place is not None and not piece and (not town or place.type != "LOC" or is_country(place.entity_id)
                                            or place.j > k + 1 or place.start > tok.start):
        return False  # (a town of the tables may be a piece of a double name: موانزا-كابيلا; not ברמאללה)
    return True


def _rare_shape(doc: _Doc, k: int, piece: bool) -> bool:
    """The tests of :func:`_rare_word` that ask the word alone (not the words around it): the same answer for
    every token of one word, so :func:`_may_open` asks them once per distinct word."""
    tok, lang = doc.toks[k], doc.tlang[k]
    n = tok.norm
    if lang not in _LANGS or len(n) < (2 if piece else 3):
        return False
    given = not piece and _given(doc, k)
    if not given and n in lexicon.common_words(lang, _TOP):
        return False  # (most words: asked first; a word of the next 10,000 may be a name: جواو، كوستا)
    if not alpha(tok.text.replace("'", "").replace("\u05f3", "")):
        return False
    if given:
        return not (rules.is_stop(tok.text, n, lang) or is_nisba(doc, k))
    if rules.is_stop(tok.text, n, lang) or is_nisba(doc, k):
        return False
    common = lexicon.common_words(lang)
    if lang == "ar" and plain(tok.text).startswith(_AL_WORDS):
        return False  # an ال-word (للتايكواندو، والبنغالية) is Arabic, not a foreign name
    if lang == "he" and n[:1] in "הו" and not n.startswith("וו") and not piece:
        return False  # the article or "and" (but וו spells a W: וויליאמס)
    if any(s in common for p, s in clitic_candidates(n)[1:3] if len(s) >= 3):
        return False  # בכינור، بالهدف: a preposition on an everyday word
    return not (lang == "ar" and _TANWEEN.search(tok.text))  # فوزاً ثميناً: nouns and adverbs


@cache
def _frequent_not_given(lang: str) -> frozenset[str]:
    """The words among the 10,000 most frequent that are no listed given name (as :func:`_given` reads one,
    "and" on it too): :func:`_rare_shape` says no to them whatever the token; empty outside ar/fa/he."""
    if lang not in _LANGS:
        return frozenset()
    given = rules.GIVEN.get(lang, frozenset())
    return frozenset(n for n in lexicon.common_words(lang, _TOP)
                     if not (n in given or (lang in ("ar", "fa") and n[:1] == "و" and n[1:] in given)))


def _may_open(doc: _Doc) -> list[bool]:
    """Per token: whether a name word may start there (:func:`_rare_shape`), asked once per distinct word.
    Why: most tokens of a text are frequent words; :func:`shaped_people` passes them by with a list lookup
    instead of walking a run from each (~7 ms per 1,000 words of blind 14 before this gate). Kept on the doc."""
    got: list[bool] | None = doc.memo.get("foreign_opens")
    if got is not None:
        return got
    frequent = {lang: _frequent_not_given(lang) for lang in set(doc.wlang)}
    per_word = [tok.norm not in frequent[lang] and _rare_shape(doc, k, False)  # (most words stop at the list)
                for tok, lang, k in zip(doc.words, doc.wlang, doc.wfirst)]
    got = doc.memo["foreign_opens"] = [per_word[w] for w in doc.wid]
    return got


def _name_goes_on(doc: _Doc, k: int) -> bool:
    """Token k, after a run, goes on the name: :func:`_goes_on`, and no preposition on a word (בכינור)."""
    return _goes_on(doc, k) and doc.toks[k].norm[:1] not in _PREPOSITIONS


def _frequent(doc: _Doc, k: int) -> bool:
    """Token k is among the 20,000 most frequent words and no listed name: inside a run it may be a name
    (جواو فيتور دا كوستا), at its edge it is the sentence (كروات دراگان یوکانوویچ، ... وויליאמס־פורד קלע)."""
    return doc.toks[k].norm in lexicon.common_words(doc.tlang[k]) and not _given(doc, k)


def _goes_on(doc: _Doc, k: int) -> bool:
    """Token k may go on a name: a rare word, a listed given name or surname, an Arabic ال-word of no
    frequency list (رويث غارسيا، أيمن سعد الشربيني): the run is no whole name then."""
    if k >= len(doc.toks) or doc.broken(k) or doc.tlang[k] not in _LANGS:
        return False
    n, lang = doc.toks[k].norm, doc.tlang[k]
    return _rare(doc, k) and not _frequent(doc, k) or n in lexicon.surnames(lang) or gazetteer_match(doc, k, "PER") is not None or (
        lang == "ar" and plain(doc.toks[k].text).startswith("ال") and n not in lexicon.common_words(lang))


def _word_end(doc: _Doc, k: int) -> int:
    """The token after the name word that starts at k: its pieces joined by a hyphen, maqaf or ZWNJ."""
    e = k + 1
    while e < len(doc.toks) and doc.gaps[e] in _JOINERS and doc.tlang[e] == doc.tlang[k] \
            and alpha(doc.toks[e].text.replace("'", "")):
        e += 1
    return e


def _name_word(doc: _Doc, k: int) -> int | None:
    """Where the name word at k ends (its joined pieces included) if every piece is a rare word; else None."""
    e = _word_end(doc, k)
    if not _rare(doc, k, town=e - k > 1 and doc.gaps[k + 1] in _HYPHENS):
        return None
    if e - k > 1 and doc.gaps[k + 1] == "\u200c" and e - k == 2 and doc.toks[k + 1].norm in rules.SUFFIXES_FA:
        return None  # کتاب‌ها: a plural, not a name
    if not all(_rare(doc, m, piece=True) or doc.gaps[m] == "\u200c" for m in range(k + 1, e)):
        return None
    return e


def _ending(doc: _Doc, k: int, e: int) -> bool:
    """The name word k..e ends as a foreign family name does (ماماتوف، פבלובסקי، علی‌اف)."""
    last = doc.toks[e - 1].norm
    if e - k == 2 and doc.gaps[e - 1] == "\u200c" and last in _PIECE_ENDINGS:
        return True  # علی‌اف: the ending written apart
    return any(last.endswith(x) and len(last) >= len(x) + 3 for x in _ENDINGS)


def _double(doc: _Doc, k: int, e: int) -> bool:
    """The name word k..e is two rare words joined by a hyphen or a maqaf (أسانتي-منساه، וויליאמס־פורד), not
    two places (تهران-کرج: a road)."""
    return e - k == 2 and doc.gaps[k + 1] in _HYPHENS and len(doc.toks[k].norm) >= 3 and len(doc.toks[k + 1].norm) >= 3 \
        and not (gazetteer_match(doc, k, "LOC") and gazetteer_match(doc, k + 1, "LOC"))


def _nationality(doc: _Doc, k: int) -> bool:
    if k < 0 or doc.tlang[k] not in ("ar", "he"):
        return False
    w = doc.toks[k].norm
    if doc.tlang[k] == "ar":
        return w.startswith("ال") and w.endswith(("ي", "يه")) and _nationality_ar(doc, k)
    return w[:1] == "ה" and w.endswith(("י", "ית")) and (is_nisba(doc, k) or _nationality_he(doc, k))


def _run(doc: _Doc, i: int) -> tuple[int, list[tuple[int, int]]]:
    """The name words from token i (at most four, particles between them allowed): their spans."""
    words: list[tuple[int, int]] = []
    k = i
    while k < len(doc.toks) and len(words) < 4:
        if k > i and doc.broken(k):
            break
        if words and doc.toks[k].norm in _PARTICLES and k + 1 < len(doc.toks) and not doc.broken(k + 1):
            m = k + 1
            while m < len(doc.toks) and doc.toks[m].norm in _PARTICLES and not doc.broken(m):
                m += 1  # ואן דר
            if m < len(doc.toks) and not doc.broken(m) and (e := _name_word(doc, m)) is not None:
                words.append((m, e))
                k = e
                continue
            break
        e = _name_word(doc, k)
        if e is None:
            break
        words.append((k, e))
        k = e
    return k, words


def shaped_people(doc: _Doc) -> list[_Hit]:
    """Every run of name words a cue makes a person (see the module's docstring)."""
    toks = doc.toks
    found: list[_Hit] = []
    opens = _may_open(doc)  # (no name word can start where this is False: the run there is empty)
    i = 0
    while i < len(toks) - 1:
        if not opens[i] or (i > 0 and not doc.broken(i) and _rare(doc, i - 1) and not _nationality(doc, i - 1)):
            i += 1
            continue
        end, words = _run(doc, i)
        particle = any(b[0] > a[1] for a, b in zip(words, words[1:]))  # (جواو فيتور دا كوستا)
        while len(words) > 2 and words[-1][1] - words[-1][0] == 1 and _frequent(doc, words[-1][0]) \
                and words[-1][0] == words[-2][1]:
            words.pop()
            end = words[-1][1]
        cut = len(words) > 2 and words[-1][1] - words[-1][0] == 1 and words[-1][0] == words[-2][1] \
            and toks[words[-1][0]].norm[:1] in _PREPOSITIONS and not _given(doc, words[-1][0]) \
            and (_ending(doc, *words[-2]) or _double(doc, *words[-2]))
        if cut:
            words.pop()  # אלכסנדר פבלובסקי | בכינור: a preposition on a word after a name of a family name's shape
            end = words[-1][1]
        if len(words) > 2 and not particle and words[0][1] - words[0][0] == 1 and _frequent(doc, words[0][0]):
            i = words[1][0]
            continue
        if len(words) < 2 or not cut and _goes_on(doc, end):
            i += 1
            continue
        nat = i > 0 and not doc.broken(i) and _nationality(doc, i - 1)
        last = words[-1]
        if len(words) > 3 and not nat:
            i += 1
            continue
        if len(words) >= 3 and not _given(doc, words[0][0]) and _given(doc, words[1][0]) and not nat:
            i = words[1][0]  # סופרן לנה ברקוביץ': the name starts at the given name
            continue
        shaped = _ending(doc, *last) or _double(doc, *last)
        if nat and not shaped and not (any(e - k > 1 for k, e in words) or words[-1][0] > words[-2][1]
                                       or len(words) == 3 and _given(doc, words[0][0])):
            i += 1  # a nationality and two plain rare words: persons.foreign_people reads them
            continue
        if not shaped and not (nat and (boundary(doc, end) or doc.tlang[end] == "ar" and toks[end].norm.startswith("ال")
                                        and toks[end].norm in lexicon.common_words("ar", 3000))):
            i += 1  # (a nationality alone: the name must end clearly, not at a verb: المنتخب السعودي سيخوض مباراتين)
            continue
        start = toks[i].start
        if doc.tlang[i] in ("ar", "he") and not _given(doc, i) and toks[i].norm[1:] in rules.GIVEN.get(doc.tlang[i], ()) \
                and toks[i].norm[:1] in _CLITICS:
            start = doc.start_after_clitic(i, 1)  # לאנטון צ'כוב، وجواو: a preposition or "and" on the given name
        found.append(_Hit(i, end, start, toks[end - 1].end, "PER", ""))
        i = end
    return found


def foreign_names(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """The hits with foreign people of a name's shape added (see the module's docstring), in text order."""
    if doc.lang not in _LANGS or not (found := shaped_people(doc)):
        return hits
    out: list[_Hit] = []
    keep = []
    for f in found:
        over = [h for h in hits if h.i < f.j and f.i < h.j]
        if all(h.i >= f.i and (h.j <= f.j or h.type == "PER" and not any(_name_goes_on(doc, m) for m in range(f.j, h.j)))
               for h in over):  # (a person run on into a clitic word: אלכסנדר פבלובסקי | בכינור)
            keep.append(f)
    if not keep:
        return hits
    for h in hits:
        if not any(h.i < f.j and f.i < h.j for f in keep):
            out.append(h)
    return sorted(out + keep, key=lambda h: h.start)


_ORG_TAILS = lexicon.keys("loanword_org_tails", "en")


def _tail_at(doc: _Doc, k: int) -> bool:
    """Token k is an English company word written in the text's letters (كابيتال، פרטנרס، موتورز)."""
    return doc.tlang[k] in _LANGS and doc.toks[k].norm in _ORG_TAILS


def _brand_word(doc: _Doc, k: int) -> bool:
    """Token k may be a word of a company's name before its English company word: a rare word or a one-word
    table name (الجزيرة كابيتال، נגב קפיטל), not an everyday word nor a stop word."""
    tok, lang = doc.toks[k], doc.tlang[k]
    if lang not in _LANGS or len(tok.norm) < 2 or not alpha(tok.text.replace("'", "").replace("\u05f3", "")) \
            or rules.is_stop(tok.text, tok.norm, lang) or trigger_match(doc, k) or _tail_at(doc, k):
        return False
    known = gazetteer_match(doc, k)
    if known is not None and known.j == k + 1 and known.start == tok.start:
        return True
    if lang == "ar" and plain(tok.text).startswith("ال") and k + 1 < len(doc.toks) and _tail_at(doc, k + 1):
        return True  # الجزيرة كابيتال: an ال-word right before the company word (a town, a region, a word)
    common = lexicon.common_words(lang)
    return tok.norm not in common and not (lang == "he" and tok.norm[:1] in "הו") \
        and not (lang == "ar" and tok.norm[:1] in "وف" and not _given(doc, k)) \
        and not any(s in common for _, s in clitic_candidates(tok.norm)[1:3] if len(s) >= 3)  # (واستحوذت)


def loanword_orgs(doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
    """Companies named by a word or two and an English company word written in the text's letters (الجزيرة
    كابيتال، קרסו מוטורס، ساكورا فودز: ``loanword_org_tails``): one body, over the rules' reading of its words
    (a town, a person of two rare words); a body the rules found that holds the name is kept."""
    if doc.lang not in _LANGS or not (found := loanword_spans(doc)):
        return hits
    keep = [f for f in found if all(h.i >= f.i and h.j <= f.j and not (h.type == "ORG" and h.i == f.i and h.j == f.j)
                                    for h in hits if h.i < f.j and f.i < h.j)]
    if not keep:
        return hits
    out = [h for h in hits if not any(h.i < f.j and f.i < h.j for f in keep)]
    return sorted(out + keep, key=lambda h: h.start)


def loanword_spans(doc: _Doc) -> list[_Hit]:
    """Every company a word or two and an English company word name (:func:`loanword_orgs`)."""
    toks = doc.toks
    found: list[_Hit] = []
    for k in range(1, len(toks)):
        if not _tail_at(doc, k) or doc.broken(k):
            continue
        a = k
        while a > 0 and k - a < 2 and not doc.broken(a) and _brand_word(doc, a - 1):
            a -= 1
        if a == k:
            continue
        e = k + 1
        while e < len(toks) and not doc.broken(e) and _tail_at(doc, e):
            e += 1  # إل جي إنرجي سولوشن
        found.append(_Hit(a, e, toks[a].start, toks[e - 1].end, "ORG", ""))
    return found
