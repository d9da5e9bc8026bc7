"""A statistical layer over the rule engine: candidates scored by a small linear model.

Why: hand rules fitted to what one batch shows do not generalise (fresh blind
batches scored 0.75 while tuned ones reach 0.81-0.93). This layer learns from
all our gold corpora at once which of the rules' mentions an analyst keeps,
which type they have, and which nearby spans the rules missed by a word.

How one text is read:

1. The rule engine reads it (:meth:`RuleEngine.read`): tokens and hits, each
   hit tagged with the rule family that found it.
2. :func:`candidates` adds spans around them (one word more at the end),
   runs of listed given names the rules left alone, place and body nouns with
   the words after them, words of no frequency list, and names written with
   an initial.
3. Candidates with the same folded surface form one *unit* (the evaluation
   and the sidebar are per document, not per occurrence); a unit's features
   are the union of its occurrences' (:func:`features`): the rule family and
   its type, table membership of the first and last words, the words before
   and after, common-word rate, length, script, clitics, quotes, repetition.
4. A multiclass linear model (averaged perceptron, weights in
   ``data/model/weights.json``, built by ``python -m tui.entities.train``)
   scores each unit for O (not a name), PER, ORG, LOC and MISC.
5. Kept units are placed longest-margin first without overlaps; a rule hit
   whose type the model keeps keeps its entity id (so spellings still merge).

The weights are data: nothing here names a word; retraining after a table or
a gold change is one command (see docs/entities.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui.entities import lexicon, rules
from tui.entities.doc import _JOINERS, _QUOTES, _ar_surname_with_waw, _Doc, _he_surname_with_h, _Hit
from tui.entities.engine import RuleEngine
from tui.entities.gazetteer import Gazetteer
from tui.models import Mention
from tui.text.normalize import clitic_candidates, normalise

CLASSES = ("O", "PER", "ORG", "LOC", "MISC")
_RUN = 4  # words after a place or body noun proposed as its name (1 to 4; 2 or 3 scored lower in leave-one-batch-out)
_MAX_OCC = 1  # occurrences of one surface whose features are read (the rest add only to the count; 2 scored
# the same in leave-one-batch-out and cost ~0.7 ms per 1,000 words)


def model_dir() -> Path:
    """Where the weights are: inside an installed wheel (``tui/_data/model``) or the repo's ``data/model``."""
    pkg = Path(__file__).resolve().parent.parent
    for candidate in (pkg / "_data" / "model", pkg.parent / "data" / "model"):
        if candidate.is_dir():
            return candidate
    return pkg.parent / "data" / "model"


@dataclass
class Cand:
    """One candidate span: where it is and who proposed it."""

    i: int
    j: int
    start: int
    end: int
    src: str  # "rule:<family>", "var:<change>" or "gen:<generator>"
    rtype: str = ""  # the rule engine's type (rule hits only)
    eid: str = ""  # the rule engine's entity id (rule hits only)
    hit: _Hit | None = None  # the rule engine's hit itself (reused when the model keeps it)
    base: str = ""  # for a variant: who proposed the span it was grown from ("rule:LOC", "gen:rare1")
    added: int = -1  # for a variant: the token it added


@dataclass
class Unit:
    """All candidates of one folded surface in a document: what the model decides on."""

    key: str
    cands: list[Cand] = field(default_factory=list)
    feats: set[str] = field(default_factory=set)


class _Tables:
    """The per-language word sets the features ask (built once per language)."""

    def __init__(self, lang: str) -> None:
        self.given = lexicon.given_names(lang) | rules.GIVEN.get(lang, frozenset())
        self.surnames = lexicon.surnames(lang)
        self.common = lexicon.common_words(lang) if lang != "en" else frozenset()
        self.top = lexicon.common_words(lang, 1000) if lang != "en" else frozenset()
        self.stop = rules.stop_words(lang) if lang != "en" else frozenset(w.lower() for w in rules.STOP_EN)
        self.trig = frozenset(rules.triggers()[lang])
        self.say = rules.SAY.get(lang, frozenset())
        self.heads = _span_heads(lang)
        self.classes = _word_classes(lang)


# Word classes from the lexicon: a word (in one of its first clitic readings) that heads a place's name, a body's,
# a span the model reads (span_heads), a company's, party's or outlet's. The word itself is a feature too, but a
# class carries what one noun teaches to the others of its table (session 8, with train.py's margins O 1 / names 3:
# leave-one-batch-out blind 0.814 -> 0.817, train folds 0.796 -> 0.798; each alone gained less, on 5 groups of folds).
_CLASS_TABLES = (
    (":hl", ("loc_full_heads", "loc_name_heads", "loc_kept_heads")),
    (":hs", ("span_heads",)),
    (":hc", ("company_heads", "party_heads", "outlet_heads")),
)


def _word_classes(lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if lang == "en":
        return ()
    out = []
    for flag, names in _CLASS_TABLES:
        words: set[str] = set()
        for name in names:
            try:
                words |= lexicon.keys(name, lang)
            except KeyError:  # (not every language has every table)
                pass
        out.append((flag, frozenset(words)))
    out.append((":ho", frozenset(rules.org_heads(lang))))
    return tuple(out)


def _span_heads(lang: str) -> frozenset[str]:
    """Nouns that open a name with the words after them (خیابان ولیعصر، תונל, הוצאת עם עובד): the rules'
    place and body heads and the lexicon's ``span_heads`` (heads too common for a rule alone)."""
    if lang == "en":
        return frozenset()
    out = set(lexicon.keys("span_heads", lang)) | rules.org_heads(lang)
    for table in ("loc_full_heads", "loc_name_heads"):
        out |= lexicon.keys(table, lang)
    return frozenset(out)


@cache
def _tables(lang: str) -> _Tables:
    return _Tables(lang)


def _stems(doc: _Doc, k: int) -> list[str]:
    n = doc.toks[k].norm
    return [s for _, s in clitic_candidates(n)[:3]] if doc.tlang[k] != "en" else [n.lower()]


def _word_feats(doc: _Doc, k: int, tag: str, out: set[str], lexical: bool = True) -> None:
    """Features of token k under ``tag`` (first, last, prev, next ...), computed once per document."""
    memo: dict[tuple[int, str], tuple[str, ...]] | None = doc.memo.get("word_feats")
    if memo is None:
        memo = doc.memo["word_feats"] = {}
    got = memo.get((k, tag))
    if got is None:
        own, stem = _word_entry(doc, k)
        kinds = memo.get((k, ""))
        if kinds is None:
            kinds = memo[k, ""] = _table_kinds(doc, k, stem)
        own = tuple(tag + f for f in own)
        got = memo[k, tag] = own + tuple(tag + f for f in kinds) if kinds else own
    out.update(got if lexical else got[1:])


_WORD_MEMO: dict[tuple[str, bool, str], tuple[tuple[str, ...], str]] = {}
# Distinct words kept across texts, then forgotten at once: ~335 bytes a word measured, so ~5.5 MB at most in
# the app (like the rules' per-word caches of about an article's words; 200,000 would have been ~67 MB).
# (Keeping each word's features under each tag too, so the strings are made once, saved nothing: callgrind
# 217.5 M without, 218.0 M with, and ~0.8 KB more a word.)
_WORD_MEMO_MAX = 16_384


def forget_words() -> None:
    """Drop the features kept per word (benchmarks measure the work, not the lookups)."""
    _WORD_MEMO.clear()


def _word_entry(doc: _Doc, k: int) -> tuple[tuple[str, ...], str]:
    """The features of token k that depend on the word alone (the first is the word itself), kept across
    texts: most words of a news text were seen in an earlier one."""
    tok, lang = doc.toks[k], doc.tlang[k]
    key = (lang, lang == "en" and doc.lang != "en", tok.text)
    got = _WORD_MEMO.get(key)
    if got is None:
        if len(_WORD_MEMO) >= _WORD_MEMO_MAX:
            _WORD_MEMO.clear()
        got = _WORD_MEMO[key] = _own_feats(doc, k)
    return got


def _table_kinds(doc: _Doc, k: int, stem: str) -> tuple[str, ...]:
    """The types and lengths of the table aliases token k (first clitic reading ``stem``) opens that the next
    words spell, sorted."""
    aliases = doc.gaz.lookup(doc.tlang[k], stem)
    if not aliases:
        return ()  # (most words open no alias)
    toks = doc.toks
    kinds = {f":gaz{doc.gaz.entries[a.entity_id].type}{min(len(a.keys), 2)}" for a in aliases[:8]
             if all(k + n < len(toks) and toks[k + n].norm == word for n, word in enumerate(a.keys[1:], 1))}
    return tuple(sorted(kinds))  # (only aliases the next words spell: أو alone starts some body's name)


def _own_feats(doc: _Doc, k: int) -> tuple[tuple[str, ...], str]:
    """The features of token k that depend on its text and script alone, and its first clitic reading."""
    tok, lang = doc.toks[k], doc.tlang[k]
    t = _tables(lang)
    stems = _stems(doc, k)
    n = tok.norm
    out = [f"={n}"]
    if not t.given.isdisjoint(stems):  # (any stem in it: one C call instead of a generator)
        out.append(":giv")
    if not t.surnames.isdisjoint(stems):
        out.append(":sur")
    if n in t.stop:
        out.append(":stop")
    elif n in t.top:
        out.append(":top")
    elif not t.common.isdisjoint(stems):
        out.append(":com")
    else:
        out.append(":rare")
    if n in t.trig:
        out.append(":trig")
    if n in t.say:
        out.append(":say")
    if lang == "en" and doc.lang != "en":
        out.append(":latin")
    elif lang == "en":
        out.append(":cap" if tok.text[:1].isupper() else ":low")
    if lang in ("ar", "fa") and tok.text.startswith(("ال", "وال", "بال", "لل")):
        out.append(":al")
    if lang == "he" and n[:1] == "ה":
        out.append(":h")
    if lang in ("ar", "he") and n[:1] in ("و", "ו") and len(n) > 3 and n not in t.common:  # (t.top is in t.common)
        rest = n[1:]  # ושרון, وسلمى: "and" + a word that is a name or an everyday word on its own
        if rest in t.given or rest in t.surnames or rest in t.common:
            out.append(":wa")
    out.extend(flag for flag, words in t.classes if not words.isdisjoint(stems))
    return tuple(out), stems[0]


@cache
def _head(src: str, lang: str, n: int, rtype: str, known: bool) -> tuple[str, ...]:
    """The features that depend only on who proposed a span, its script, length and rule type."""
    out = ["bias", f"src={src}", f"lang={lang}", f"n={n}", f"{lang}|src={src}"]
    if rtype:
        kind = "known" if known else "unknown"
        out += [f"rt={rtype}", f"src={src}|rt={rtype}", f"{lang}|rt={rtype}", kind, f"rt={rtype}|{kind}"]
    return tuple(out)


def features(doc: _Doc, c: Cand, out: set[str] | None = None) -> set[str]:
    """What the model sees of one occurrence (strings; the weights are keyed by them), added to ``out``."""
    lang = doc.tlang[c.i]
    n = c.j - c.i
    broken, ntoks = doc._broken, len(doc.toks)  # (read directly: c.i is a token; c.j is checked against ntoks)
    if out is None:
        out = set()
    out.update(_head(c.src, lang, min(n, 4), c.rtype, bool(c.eid) and ":~" not in c.eid))
    _word_feats(doc, c.i, "f", out)
    _word_feats(doc, c.j - 1, "l", out)
    for k in range(c.i + 1, c.j - 1):
        _word_feats(doc, k, "m", out, lexical=False)
    if c.start != doc.toks[c.i].start:
        out.add("clitic")
    if c.src != "rule":
        _hit_relation(doc, c, out)
    if c.base:
        out.add(f"vb={c.base}")
        out.add(f"{c.src}|vb={c.base}")
        _word_feats(doc, c.added, "a", out)
    if c.i > 0 and not broken[c.i]:
        _word_feats(doc, c.i - 1, "p", out)
    else:
        out.add("p:brk")
        if c.i > 0 and doc.gaps[c.i].strip()[-1:] in _QUOTES:
            out.add("p:quote")
    if c.j < ntoks and not broken[c.j]:
        _word_feats(doc, c.j, "x", out)
    else:
        out.add("x:brk")
        gap = doc.gaps[c.j] if c.j < ntoks else ""
        if gap.strip()[:1] in _QUOTES:
            out.add("x:quote")
    if c.i > 1 and not broken[c.i] and not broken[c.i - 1]:
        out.add(f"p2={doc.toks[c.i - 2].norm}")
    if c.i == 0 or "\n" in doc.gaps[c.i]:
        out.add("bol")
    if c.j < ntoks and doc.gaps[c.j] in _JOINERS:
        out.add("x:glued")  # مهسا بنی|‌طرف: the span ends inside a word joined by ZWNJ, a hyphen or a maqaf
    if any(doc.gaps[k] in _JOINERS for k in range(c.i + 1, c.j)):
        out.add("glued_in")
    return out


def _hit_relation(doc: _Doc, c: Cand, out: set[str]) -> None:
    """Where a proposed span stands to the rules' hits: inside one, from one's start past its end, ending
    where one ends, crossing one's edge, or clear of them (a longer run over a right hit is often wrong)."""
    cover = doc.memo.get("hit_cover")
    if cover is None:
        return
    a, b = cover[c.i], cover[c.j - 1]
    if a is None and b is None:
        out.add("r:free" if not any(cover[c.i:c.j]) else "r:over")
    elif a is not None and a == b:
        out.add("r:in")
    else:
        out.add("r:from" if a is not None and a[0] == c.i else "r:cross_start" if a is not None else "r:after")
        out.add("r:to" if b is not None and b[1] == c.j else "r:cross_end" if b is not None else "r:before")
    out.add(f"r:{c.src}|{'hit' if a is not None or b is not None else 'none'}")


def candidates(doc: _Doc, hits: list[_Hit]) -> list[Cand]:
    """The rules' hits, each first spelling one word longer, two-word runs opened by a listed given
    name that no hit covers, a place or body noun with the next one to four words (:func:`_head_runs`),
    words of no frequency list alone or in pairs (:func:`_rare_runs`) and names written with an initial
    (:func:`_initial_runs`); then the rule hits, rare-word
    runs and given-name runs one word earlier, and the generated runs one word longer (:func:`_earlier`).
    (Spans a word shorter, two words longer, three-word given-name or rare runs, the words after a title,
    the article kept before a head and a rare word without its clitic were tried too: leave-one-batch-out
    said they cost more than they found; docs/entities.md.)"""
    out = [Cand(h.i, h.j, h.start, h.end, "rule", h.type, h.entity_id, h) for h in hits]
    toks = doc.toks
    cover: list[tuple[int, int] | None] = [None] * len(toks)
    for h in hits:
        for k in range(h.i, h.j):
            cover[k] = (h.i, h.j)
    doc.memo["hit_cover"] = cover  # read by features(): where a proposed span stands to the rules' hits
    seen = {(c.start, c.end) for c in out}

    def add(i: int, j: int, start: int, src: str, base: str = "", added: int = -1) -> None:
        if j <= len(toks) and (start, toks[j - 1].end) not in seen:
            seen.add((start, toks[j - 1].end))
            out.append(Cand(i, j, start, toks[j - 1].end, src, base=base, added=added))

    surfaces: set[str] = set()
    for h in hits:
        surface = doc.text[h.start:h.end]
        if surface not in surfaces and h.j < len(toks) and not doc.broken(h.j) and not _ends_nothing(doc, h.j) \
                and not (h.type == "PER" and _and_word(doc, h.j)):
            add(h.i, h.j + 1, h.start, "var:+1", f"rule:{h.type}", h.j)  # (a repeat's at its first place)
        surfaces.add(surface)
    covered = bytearray(len(toks))
    for h in hits:
        covered[h.i:h.j] = b"\x01" * (h.j - h.i)
    broken, wid = doc._broken, doc.wid  # (read directly: this loop visits every token)
    given = [_given_clitic(tok.norm, lang) for tok, lang in zip(doc.words, doc.wlang)]  # (per distinct word)
    for k in range(len(toks) - 1):
        if covered[k] or broken[k + 1]:
            continue
        plen = given[wid[k]]
        if plen is not None:
            add(k, k + 2, doc.start_after_clitic(k, plen), "gen:given2")
    kinds = _word_kinds(doc)
    _head_runs(doc, kinds, add)
    _rare_runs(doc, kinds, covered, add)
    _initial_runs(doc, add)
    _earlier(doc, out, add)
    return out


_INITIAL_MARKS = ".'\u05f3\u2019"  # what follows a given name cut to its initial: م. الورتاني، ד' אוחיון، ג׳ סאלח


def _initial(doc: _Doc, k: int) -> bool:
    """Token k is a name's initial: one letter of Arabic, Persian or Hebrew script marked by a full stop or a
    geresh (in the token or right after it), on the same line as the next word."""
    if doc.tlang[k] == "en" or k + 1 >= len(doc.toks):
        return False
    text = doc.toks[k].text
    core = text.rstrip(_INITIAL_MARKS)
    if len(core) != 1 or not core.isalpha():
        return False
    gap = doc.gaps[k + 1]
    mark = gap.strip()
    return "\n" not in gap and (mark in ("", *_INITIAL_MARKS) if core != text else mark[:1] in _INITIAL_MARKS and len(mark) == 1)


def _name_word(doc: _Doc, k: int) -> bool:
    """Token k may be a given name before an initial: a listed given name, or a word of no frequency list."""
    lang = doc.tlang[k]
    if lang == "en":
        return False
    t = _tables(lang)
    stems = [s for _, s in clitic_candidates(doc.toks[k].norm)[:3]]
    return any(s in t.given for s in stems) or all(s not in t.common and s not in t.stop for s in stems)


def _initial_runs(doc: _Doc, add: Callable[..., None]) -> None:
    """A name written with an initial: the initial (or two) and the next one or two words, alone or after the
    word before it (ع. الشمري، ع. ح. الدوسري، שלומית ד. רביב، کلودیا ب. ریتسی). Court, school and privacy
    reports write people so: a tenth of the gold people of the fresh folds (50 of 379 in blind 21-25, 334 of
    2,859 in the train folds); the engine missed a third of them, most with no candidate of their extent.
    Leave-one-batch-out (session 9, beside the rules' own middle initials): blind folds 0.820 -> 0.820, train
    folds 0.808 -> 0.811, blind 21-25 (not trained) 0.822 -> 0.824."""
    toks = doc.toks
    n = len(toks)
    after = -1
    for k in [k for k, tok in enumerate(toks) if len(tok.text) <= 2]:  # (an initial is short: the rest is skipped fast)
        if k <= after or not _initial(doc, k):
            continue
        j = k + 1
        if j < n - 1 and _initial(doc, j):
            j += 1
        starts = [k]
        if k > 0 and not doc.broken(k) and _name_word(doc, k - 1):  # (a line break is a break too)
            starts.append(k - 1)
        for i in starts:
            _runs(doc, i, j, toks[i].start, f"gen:init{'g' if i < k else ''}", add, most=2, marked=True)
        after = j - 1


def _and_word(doc: _Doc, k: int) -> bool:
    """Token k is "and" on an everyday word (ستيف ويتكوف وكبار المسؤولين، יוסי כהן וחבריו): a person's
    name does not go on with it (a body's does: وزارة الطاقة والمياه), unless the word is a surname
    that opens with the letter (وهبة، ויזל)."""
    n, lang = doc.toks[k].norm, doc.tlang[k]
    if lang == "ar" and n[:1] == "و":
        return n[1:] in _tables(lang).common and not _ar_surname_with_waw(n)
    if lang == "he" and n[:1] == "ו":
        return n[1:] in _tables(lang).common and not _he_surname_with_h(n)
    return False


def _earlier(doc: _Doc, cands: list[Cand], add: Callable[..., None]) -> None:
    """Each rule hit, rare-word run and given-name run (first of its surface) one word earlier: the noun
    or given name before it that no table knows as a head (جزيرة ميون، מדבר יהודה، استانداری گیلان، الحسين
    أمزال: on fresh text a third of the gold names no candidate spelt began one word earlier). The word
    before is read whole and, when a clitic reading of it is a frequent word, a head or a given name,
    without that clitic too (במנהלת -> מנהלת). The generated runs also get one word more at the end (the
    rules' hits already do): عبدي ورسمة | حسن. Features name the word added and who proposed the span it
    was grown from; the model keeps at most one of the overlapping twins (:func:`decide`)."""
    surfaces: set[str] = set()
    toks = doc.toks
    for c in list(cands):
        if c.src not in ("rule", "gen:rare1", "gen:rare2", "gen:given2"):
            continue
        surface = doc.text[c.start:c.end]
        if surface in surfaces:
            continue
        surfaces.add(surface)
        base = f"rule:{c.rtype}" if c.rtype else c.src
        if c.src != "rule" and c.j < len(toks) and not doc.broken(c.j) and not _ends_nothing(doc, c.j):
            add(c.i, c.j + 1, c.start, "var:+1", base, c.j)
        k = c.i - 1
        if k < 0 or doc.broken(c.i) or c.start != toks[c.i].start or _ends_nothing(doc, k) or doc.tlang[k] == "en":
            continue
        add(k, c.j, toks[k].start, "var:-1", base, k)
        plen = _clitic_word(doc, k)
        if plen:
            add(k, c.j, doc.start_after_clitic(k, plen), "var:-1c", base, k)


def _clitic_word(doc: _Doc, k: int) -> int:
    """The clitic length of token k's first reading without a clitic that is a frequent word, a head or
    a given name (0: none)."""
    t = _tables(doc.tlang[k])
    for p, s in clitic_candidates(doc.toks[k].norm)[1:3]:
        if p and (s in t.common or s in t.heads or s in t.given):
            return p
    return 0


def _given_clitic(norm: str, lang: str) -> int | None:
    """The clitic length after which a word opens with a listed given name that is no top-1,000 word (0:
    the word itself), or None; Latin words never."""
    if lang == "en":
        return None
    t = _tables(lang)
    if norm in t.given and norm not in t.top:
        return 0
    return next((p for p, s in clitic_candidates(norm)[1:3] if s in t.given and s not in t.top), None)


def _word_kinds(doc: _Doc) -> list[tuple[int | None, bool]]:
    """Per token: the clitic length after which a place or body noun starts (None if it is none), and
    whether it is a word of no frequency list in any clitic reading; each distinct word once per text."""
    per_word: list[tuple[int | None, bool]] = []
    for tok, lang in zip(doc.words, doc.wlang):
        if lang == "en":
            per_word.append((None, False))
            continue
        t = _tables(lang)
        stems = clitic_candidates(tok.norm)[:3]
        plen = next((p for p, s in stems if s in t.heads), None)
        words = [s for _, s in stems]
        per_word.append((plen, t.common.isdisjoint(words) and t.stop.isdisjoint(words)))
    return [per_word[w] for w in doc.wid]


_RARE_HEADS_AR = lexicon.keys("rare_name_heads", "ar")


def _head_runs(doc: _Doc, kinds: list[tuple[int | None, bool]], add: Callable[[int, int, int, str], None]) -> None:
    """A place or body noun and the next one to four words: تونل کندوان، میدان راه‌آهن، רחוב בן גוריון.
    The model decides which run, if any, is the name. (The one to three words after a title were tried
    too: leave-one-batch-out 0.802 -> 0.801.)"""
    broken = doc._broken
    for k in range(len(doc.toks) - 1):
        plen = kinds[k][0]
        if plen is not None and not broken[k + 1]:
            if doc.tlang[k] == "ar" and doc.toks[k].norm[plen:] in _RARE_HEADS_AR \
                    and doc.toks[k + 1].norm in lexicon.common_words("ar", 3000):
                continue  # مسرح الجريمة، سوق العمل: an everyday noun after the head (places.py's guard)
            _runs(doc, k, k + 1, doc.start_after_clitic(k, plen), "gen:head", add)


def _rare_runs(doc: _Doc, kinds: list[tuple[int | None, bool]], covered: bytearray,
               add: Callable[[int, int, int, str], None]) -> None:
    """A word of no frequency list that no rule hit covers, and two such words in a row: places,
    brands and foreign names no table holds (ثول، ایرانسل، פיטנגו، الکساندر گریشین). The model
    decides from the context (a preposition, a title, a verb of saying after it).
    (Three such words in a row scored lower in leave-one-batch-out, 0.808 -> 0.806; the word without
    its clitic as one more candidate scored the same and was a tenth of the candidates.)"""
    toks, broken = doc.toks, doc._broken
    n = len(toks)
    for k in range(n):
        if not kinds[k][1] or covered[k] or len(toks[k].norm) < 3:
            continue
        add(k, k + 1, toks[k].start, "gen:rare1")
        if k + 1 < n and not broken[k + 1] and kinds[k + 1][1] and not covered[k + 1]:
            add(k, k + 2, toks[k].start, "gen:rare2")


def _runs(doc: _Doc, i: int, j: int, start: int, src: str, add: Callable[[int, int, int, str], None],
          most: int = _RUN, marked: bool = False) -> None:
    """Spans from token i (text from ``start``) ending one to ``most`` words after token j - 1; the pieces
    of a word joined by ZWNJ, a hyphen or a maqaf count as one word; no span ends in a stop word or crosses
    punctuation, except, when ``marked`` (token j - 1 is an initial), the initial's own mark (ع. الشمري)."""
    toks, broken, gaps = doc.toks, doc._broken, doc.gaps
    n = len(toks)
    for words in range(1, most + 1):
        if j >= n or ("\n" in gaps[j] if marked and words == 1 else broken[j]):
            break
        j += 1
        while j < n and gaps[j] in _JOINERS:
            j += 1
        if doc.toks[j - 1].norm in _tables(doc.tlang[j - 1]).say:
            break
        if not _ends_nothing(doc, j - 1):  # (a stop word inside goes on: הוצאת עם עובד، غذا و دارو)
            add(i, j, start, f"{src}{words}")


def _ends_nothing(doc: _Doc, k: int) -> bool:
    """Token k is a stop word or a verb of saying: no name ends with it (in the gold corpora 14 of 2,160
    spans one word longer that end in one were names), so no longer span is proposed."""
    t = _tables(doc.tlang[k])
    n = doc.toks[k].norm
    return n in t.stop or n in t.say


def units(doc: _Doc, cands: list[Cand]) -> dict[str, Unit]:
    """Candidates grouped by folded surface, with their union of features."""
    out: dict[str, Unit] = {}
    keys: dict[str, str] = {}
    toks, gaps = doc.toks, doc.gaps
    for c in cands:
        if c.start == toks[c.i].start and all(gaps[k] == " " for k in range(c.i + 1, c.j)):
            key = " ".join([t.norm for t in toks[c.i:c.j]])  # = normalise(surface), without folding it again
        else:
            surface = doc.text[c.start:c.end]
            key = keys.get(surface) or keys.setdefault(surface, normalise(surface))
        if not key:
            continue
        u = out.get(key)
        if u is None:
            u = out[key] = Unit(key)
        u.cands.append(c)
        if len(u.cands) <= _MAX_OCC:
            features(doc, c, u.feats)
    for u in out.values():
        u.feats.add(f"cnt={min(len(u.cands), 3)}")
        if any(c.rtype for c in u.cands):
            u.feats.add("has_rule")
    return out


# decide(): a unit's rank is its margin + this much per word. Longest-first outright (an infinite bonus) let a
# run-on one word longer than a name win over the name whenever both were kept (שדרות רוטשילד חודש over
# שדרות רוטשילד); 30 measured best of 0/5/10/20/30/40/50/60/80 (blind 36-40 held out, two seeds, main of session
# 12: 0.8755/0.8754 -> 0.8774/0.8772; blind 26-35 held out, session-start main: 0.8609/0.8593 -> 0.8621/0.8600).
WORD_BONUS = 30.0


class Model:
    """Linear weights: feature -> one weight per class of :data:`CLASSES`."""

    def __init__(self, weights: dict[str, list[float]], keep: bool = True,
                 rows: dict[str, tuple[float, ...]] | None = None) -> None:
        self.weights = weights if keep else {}  # (the engine needs only the rows below: ~1 MB less)
        # feature -> (its weight - O's weight) for each name class: a unit's margins over O are the column
        # sums of its features' rows (the hot path), and O wins unless a margin is positive. One lookup a
        # feature: four dicts of one margin each cost four lookups in tables too big for the CPU's caches
        # (margins were 8.6 ms per 1,000 words of blind 14, most of decide())
        self._rows = rows if rows is not None else _rows_of(weights)

    def margins(self, feats: set[str]) -> list[float]:
        """Score of each name class minus the score of O, in the order of ``CLASSES[1:]``."""
        rows = [r for r in map(self._rows.get, feats) if r is not None]
        return [sum(col) for col in zip(*rows)] if rows else [0.0] * (len(CLASSES) - 1)


def _rows_of(weights: dict[str, list[float]]) -> dict[str, tuple[float, ...]]:
    names = range(1, len(CLASSES))
    return {f: tuple(row[n] - row[0] for n in names) for f, row in weights.items() if any(row[n] != row[0] for n in names)}


@cache
def load_model(path: Path | None = None) -> Model | None:
    """The shipped weights (``data/model/weights.json``), or None when there are none.

    The shipped ones are kept as their margins in a prebuilt file too (:mod:`~tui.entities.prebuilt`,
    named by a SHA-256 of the weights and this module): parsing ~2 MB of JSON and taking the differences
    was ~145 ms of each process's first extraction, reading the prebuilt margins ~40 ms. A weights file
    named by the caller is read as it is."""
    if path is not None:
        return Model({}, keep=False, rows=_read_rows(path)) if path.exists() else None
    path = model_dir() / "weights.json"
    if not path.exists():
        return None
    from tui.entities import prebuilt

    here = Path(__file__).resolve()
    rows = prebuilt.cached("weights", [path, here, here.parent / "prebuilt.py"], lambda: _read_rows(path),
                           prebuilt.as_is, _rows_back)
    return Model({}, keep=False, rows=rows)


def _read_rows(path: Path) -> dict[str, tuple[float, ...]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["classes"]) != CLASSES:
        raise ValueError(f"{path}: classes {data['classes']} are not {list(CLASSES)}")
    return _rows_of(data["weights"])


def _rows_back(plain: object) -> dict[str, tuple[float, ...]]:
    """The rows a prebuilt file holds, if it holds a feature -> margins dict (else TypeError: built again)."""
    if not (isinstance(plain, dict) and all(isinstance(r, tuple) and len(r) == len(CLASSES) - 1
                                            for r in plain.values())):
        raise TypeError("not a dict of margin rows")
    return plain


def decide(doc: _Doc, found: dict[str, Unit], model: Model) -> list[_Hit]:
    """Hits for the units the model keeps, no two overlapping: the longer first (gold lists the longest
    name), unless a shorter one's margin is higher by more than :data:`WORD_BONUS` a word."""
    ranked = []
    for u in found.values():
        m = model.margins(u.feats)
        best = max(m)
        if best > 0:
            ranked.append((best, u, CLASSES[1 + m.index(best)]))
    ranked.sort(key=lambda r: -(r[0] + WORD_BONUS * len(r[1].key.split())))
    taken = bytearray(len(doc.text) + 1)
    out: list[_Hit] = []
    words: dict[int, tuple[str, ...]] = {}
    for _margin, u, kind in ranked:
        key_words = tuple(u.key.split())
        for c in u.cands:
            if taken.find(1, c.start, c.end) != -1:
                continue
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            if c.hit is not None and c.rtype == kind and c.eid:
                hit = c.hit  # the rules' own hit, kept as it is
            else:
                hit = _Hit(c.i, c.j, c.start, c.end, kind, f"{kind.lower()}:~{u.key}")
            out.append(hit)
            words[id(hit)] = key_words
    out.sort(key=lambda h: h.start)
    _link(out, words)
    _link_heads(doc, found, out)
    _link_brackets(doc, out)
    return out


def _link(hits: list[_Hit], words: dict[int, tuple[str, ...]]) -> None:
    """A new id whose words (``words``: by ``id`` of the hit) end a person's longer name (or begin a
    body's) joins that entity."""
    parts: dict[tuple[str, tuple[str, ...]], str] = {}
    for h in hits:
        w = words[id(h)] if h.type in ("PER", "ORG") else ()
        for m in range(1, len(w)):
            parts.setdefault((h.type, w[-m:] if h.type == "PER" else w[:m]), h.entity_id)
    for h in hits:
        if ":~" in h.entity_id and (eid := parts.get((h.type, words[id(h)]))) is not None:
            h.entity_id = eid


def _link_heads(doc: _Doc, found: dict[str, Unit], hits: list[_Hit]) -> None:
    """A body or place the model spelt as a head noun before a table entity of its own type (ארגון אופ"ק،
    جماعة الحوثيين، استان کرمانشاه، ولاية ملاطية) is that entity: it takes the rules' id of the name it ends
    with when the one or two words before that name are body nouns (``org_heads``) or, for a place, the
    nouns after which the name alone is the place (``loc_name_heads``: a province, a town, a district; not a
    venue, a port or a market, which are places of their own). docs/entities.md: a city and the province
    named after it used for one place are one LOC; a generic noun is no name of its own."""
    table = [c.hit for u in found.values() for c in u.cands if c.hit is not None and c.eid and ":~" not in c.eid]
    placed = [c.hit for u in found.values() for c in u.cands if c.hit is not None and c.eid and c.hit.type == "LOC"
              and c.rtype == "LOC" and ":~" in c.hit.entity_id]  # (a rules' place no table holds: ملاطیه)
    new = [h for h in hits if ":~" in h.entity_id and h.type in ("ORG", "LOC")]
    ends: dict[tuple[int, str], list[_Hit]] = {}
    for r in table + placed:
        ends.setdefault((r.end, r.type), []).append(r)
    for h in new:
        inner = [r for r in ends.get((h.end, h.type), ()) if h.i < r.i <= h.i + 2]
        if len({r.entity_id for r in inner}) == 1 and all(_link_head(doc, k, h.type) for k in range(h.i, inner[0].i)):
            h.entity_id = inner[0].entity_id
    if not table:
        return
    _link_nested(doc, table, [h for h in new if ":~" in h.entity_id])


def _link_nested(doc: _Doc, table: list[_Hit], new: list[_Hit]) -> None:
    """A new body or place that holds exactly one table entity of its own type, its other words head nouns,
    stop words or table places, is that entity: a body "in" a city (הסוכנות הבינלאומית לאנרגיה אטומית
    בווינה), a company and its country (آرامکو عربستان), a department "of" a body (חטיבת המחקר של בנק
    ישראל). docs/entities.md: a body in a city is one entity with and without the city; a nested body is
    one entity with the inner name as an alternative. Why: without the table's id the same body in two
    articles is two entities, and stories that share it fall apart (the story clusterer's gold set lost
    0.05 recall on two such spans); blind 26-35 read the same (0.8440 -> 0.8446)."""
    places = bytearray(len(doc.toks))
    for r in table:
        if r.type == "LOC":
            places[r.i:r.j] = b"\x01" * (r.j - r.i)
    for h in new:
        inner = {r.entity_id: (r.i, r.j) for r in table
                 if r.type == h.type and h.i <= r.i and r.j <= h.j and (r.i, r.j) != (h.i, h.j)}
        if len(inner) != 1:
            continue
        ((eid, (i, j)),) = inner.items()
        stop = _tables(doc.tlang[h.i]).stop
        plain = [bool(places[k]) or doc.toks[k].norm in stop or _link_head(doc, k, h.type) for k in range(h.i, h.j)]
        of = 0 < i - h.i <= 3 and plain[0] and doc.toks[i - 1].norm in stop  # a plain first word ... + של / في before it
        if (of or all(plain[: i - h.i])) and all(plain[j - h.i:]):
            h.entity_id = eid


def _link_brackets(doc: _Doc, hits: list[_Hit]) -> None:
    """A name in Latin letters in brackets right after a name of the same type in the text's own script
    (אורקל מערכות (Orkal Systems), شركة أطلس بيلاجيك (Atlas Pelagic)) is that entity: the new id of the
    two takes the other's (a table id wins). docs/entities.md: the gold lists the Latin as an alternative
    of the one entity; apart, the Latin was a false positive of its own (lat counted ~9 over the corpora)."""
    text = doc.text
    for a, b in zip(hits, hits[1:]):
        if a.type != b.type or doc.tlang[a.i] == "en" or doc.tlang[b.i] != "en" or a.entity_id == b.entity_id \
                or text[a.end:b.start].strip() != "(" or text[b.end:b.end + 1] != ")":
            continue
        if ":~" in b.entity_id:
            b.entity_id = a.entity_id
        elif ":~" in a.entity_id:
            a.entity_id = b.entity_id


@cache
def _link_heads_of(lang: str, kind: str) -> frozenset[str]:
    if kind == "ORG":
        return frozenset(rules.org_heads(lang))
    return frozenset(lexicon.keys("loc_name_heads", lang))


def _link_head(doc: _Doc, k: int, kind: str) -> bool:
    """Token k is, in one of its first clitic readings, a head after which a table name of type ``kind``
    is the same entity (:func:`_link_heads`)."""
    lang = doc.tlang[k]
    heads = _link_heads_of(lang, kind) if lang != "en" else frozenset()
    return any(s in heads for _, s in clitic_candidates(doc.toks[k].norm)[:3])


class ModelEngine(RuleEngine):
    """The rule engine's reading, rescored and widened by the shipped linear model (the rules alone
    when no weights are shipped)."""

    def __init__(self, gazetteer: Gazetteer | None = None, model: Model | None = None) -> None:
        super().__init__(gazetteer)
        self._model = model

    @property
    def model(self) -> Model | None:
        if self._model is None:
            self._model = load_model()
        return self._model

    def _extract(self, text: str, language: str | None) -> list[Mention]:
        doc, hits = self.read(text, language)
        model = self.model
        if model is not None:
            hits = decide(doc, units(doc, candidates(doc, hits)), model)
        return [Mention(type=h.type, start=h.start, end=h.end, surface=doc.text[h.start:h.end],  # type: ignore[arg-type]
                        entity_id=h.entity_id) for h in hits]
