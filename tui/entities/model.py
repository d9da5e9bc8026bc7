"""A statistical layer over the rule engine: candidates scored by a small linear model.

Why: hand rules fitted to what one batch shows do not generalise (fresh blind
batches scored 0.75 while tuned ones reach 0.81-0.93). This layer learns from
all our gold corpora at once which of the rules' mentions an analyst keeps,
which type they have, and which nearby spans the rules missed by a word.

How one text is read:

1. The rule engine reads it (:meth:`RuleEngine.read`): tokens and hits, each
   hit tagged with the rule family that found it.
2. :func:`candidates` adds spans around them (one or two words more or less
   at either end) and runs of listed given names the rules left alone.
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
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui.entities import lexicon, rules
from tui.entities.doc import _QUOTES, _Doc, _Hit
from tui.models import Mention
from tui.text.normalize import clitic_candidates, normalise

CLASSES = ("O", "PER", "ORG", "LOC", "MISC")
_MAX_OCC = 3  # occurrences of one surface whose features are read (the rest add only to the count)


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


@cache
def _tables(lang: str) -> _Tables:
    return _Tables(lang)


def _stems(doc: _Doc, k: int) -> list[str]:
    n = doc.toks[k].norm
    return [s for _, s in clitic_candidates(n)[:3]] if doc.tlang[k] != "en" else [n.lower()]


def _word_feats(doc: _Doc, k: int, tag: str, out: set[str], lexical: bool = True) -> None:
    """Features of token k under ``tag`` (first, last, prev, next ...)."""
    tok, lang = doc.toks[k], doc.tlang[k]
    t = _tables(lang)
    stems = _stems(doc, k)
    n = tok.norm
    if lexical:
        out.add(f"{tag}={n}")
    if any(s in t.given for s in stems):
        out.add(f"{tag}:giv")
    if any(s in t.surnames for s in stems):
        out.add(f"{tag}:sur")
    if n in t.stop:
        out.add(f"{tag}:stop")
    elif n in t.top:
        out.add(f"{tag}:top")
    elif any(s in t.common for s in stems):
        out.add(f"{tag}:com")
    else:
        out.add(f"{tag}:rare")
    if n in t.trig:
        out.add(f"{tag}:trig")
    if n in t.say:
        out.add(f"{tag}:say")
    if lang == "en" and doc.lang != "en":
        out.add(f"{tag}:latin")
    elif lang == "en":
        out.add(f"{tag}:cap" if tok.text[:1].isupper() else f"{tag}:low")
    if lang in ("ar", "fa") and tok.text.startswith(("ال", "وال", "بال", "لل")):
        out.add(f"{tag}:al")
    if lang == "he" and n[:1] == "ה":
        out.add(f"{tag}:h")
    for alias in doc.gaz.lookup(lang, stems[0])[:4]:
        kind = doc.gaz.entries[alias.entity_id].type
        out.add(f"{tag}:gaz{kind}{min(len(alias.keys), 2)}")


def features(doc: _Doc, c: Cand) -> set[str]:
    """What the model sees of one occurrence (strings; the weights are keyed by them)."""
    lang = doc.tlang[c.i]
    n = c.j - c.i
    out = {"bias", f"src={c.src}", f"lang={lang}", f"n={min(n, 4)}", f"{lang}|src={c.src}"}
    if c.rtype:
        out |= {f"rt={c.rtype}", f"src={c.src}|rt={c.rtype}", f"{lang}|rt={c.rtype}"}
        out.add("known" if c.eid and ":~" not in c.eid else "unknown")
        out.add(f"rt={c.rtype}|{'known' if c.eid and ':~' not in c.eid else 'unknown'}")
    _word_feats(doc, c.i, "f", out)
    _word_feats(doc, c.j - 1, "l", out)
    if n > 2:
        inner: set[str] = set()
        for k in range(c.i + 1, c.j - 1):
            _word_feats(doc, k, "m", inner, lexical=False)
        out |= inner
    if c.start != doc.toks[c.i].start:
        out.add("clitic")
    if c.i > 0 and not doc.broken(c.i):
        _word_feats(doc, c.i - 1, "p", out)
    else:
        out.add("p:brk")
        if c.i > 0 and doc.gaps[c.i].strip()[-1:] in _QUOTES:
            out.add("p:quote")
    if c.j < len(doc.toks) and not doc.broken(c.j):
        _word_feats(doc, c.j, "x", out)
    else:
        out.add("x:brk")
        gap = doc.gaps[c.j] if c.j < len(doc.toks) else ""
        if gap.strip()[:1] in _QUOTES:
            out.add("x:quote")
    if c.i > 1 and not doc.broken(c.i) and not doc.broken(c.i - 1):
        out.add(f"p2={doc.toks[c.i - 2].norm}")
    if c.i == 0 or "\n" in doc.gaps[c.i]:
        out.add("bol")
    return out


def candidates(doc: _Doc, hits: list[_Hit]) -> list[Cand]:
    """The rules' hits, spans one or two words longer or shorter than them, and runs opened by a
    listed given name that no hit covers."""
    out = [Cand(h.i, h.j, h.start, h.end, f"rule:{h.rule or 'other'}", h.type, h.entity_id) for h in hits]
    toks = doc.toks
    seen = {(c.start, c.end) for c in out}

    def add(i: int, j: int, start: int, src: str) -> None:
        if 0 <= i < j <= len(toks) and (start, toks[j - 1].end) not in seen:
            seen.add((start, toks[j - 1].end))
            out.append(Cand(i, j, start, toks[j - 1].end, src))

    for h in hits:
        if h.j < len(toks) and not doc.broken(h.j):
            add(h.i, h.j + 1, h.start, "var:+1")
            if h.j + 1 < len(toks) and not doc.broken(h.j + 1):
                add(h.i, h.j + 2, h.start, "var:+2")
        if h.i > 0 and not doc.broken(h.i):
            add(h.i - 1, h.j, toks[h.i - 1].start, "var:-1")
        if h.j - h.i >= 2:
            add(h.i, h.j - 1, h.start, "var:cut_last")
            add(h.i + 1, h.j, toks[h.i + 1].start, "var:cut_first")
    covered = bytearray(len(toks))
    for h in hits:
        covered[h.i:h.j] = b"\x01" * (h.j - h.i)
    for k in range(len(toks)):
        if covered[k] or doc.tlang[k] == "en":
            continue
        t = _tables(doc.tlang[k])
        cands = clitic_candidates(toks[k].norm)[:3]
        plen = next((p for p, s in cands if s in t.given and s not in t.top), None)
        if plen is None:
            continue
        start = doc.start_after_clitic(k, plen)
        for m in (2, 3):
            if k + m <= len(toks) and not doc.broken(k + m - 1):
                add(k, k + m, start, f"gen:given{m}")
            else:
                break
    return out


def units(doc: _Doc, cands: list[Cand]) -> dict[str, Unit]:
    """Candidates grouped by folded surface, with their union of features."""
    out: dict[str, Unit] = {}
    for c in cands:
        key = normalise(doc.text[c.start:c.end])
        if not key:
            continue
        u = out.get(key)
        if u is None:
            u = out[key] = Unit(key)
        u.cands.append(c)
        if len(u.cands) <= _MAX_OCC:
            u.feats |= features(doc, c)
    for u in out.values():
        u.feats.add(f"cnt={min(len(u.cands), 3)}")
        if any(c.rtype for c in u.cands):
            u.feats.add("has_rule")
    return out


class Model:
    """Linear weights: feature -> one weight per class of :data:`CLASSES`."""

    def __init__(self, weights: dict[str, list[float]]) -> None:
        self.weights = weights

    def scores(self, feats: set[str]) -> list[float]:
        s = [0.0] * len(CLASSES)
        w = self.weights
        for f in feats:
            row = w.get(f)
            if row is not None:
                for n, v in enumerate(row):
                    s[n] += v
        return s


@cache
def load_model(path: Path | None = None) -> Model | None:
    """The shipped weights (``data/model/weights.json``), or None when there are none."""
    path = path or model_dir() / "weights.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["classes"]) != CLASSES:
        raise ValueError(f"{path}: classes {data['classes']} are not {list(CLASSES)}")
    return Model(data["weights"])


def decide(doc: _Doc, found: dict[str, Unit], model: Model) -> list[_Hit]:
    """Hits for the units the model keeps: best margin first, no two overlapping."""
    ranked = []
    for u in found.values():
        s = model.scores(u.feats)
        best = max(range(len(CLASSES)), key=s.__getitem__)
        if best:
            ranked.append((s[best] - s[0], u, CLASSES[best]))
    ranked.sort(key=lambda r: (-len(r[1].key.split()), -r[0]))  # gold lists the longest name: it wins
    taken = bytearray(len(doc.text) + 1)
    out: list[_Hit] = []
    for _margin, u, kind in ranked:
        for c in u.cands:
            if any(taken[c.start:c.end]):
                continue
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            eid = c.eid if c.eid and c.rtype == kind else f"{kind.lower()}:~{u.key}"
            out.append(_Hit(c.i, c.j, c.start, c.end, kind, eid, rule=c.src))
    out.sort(key=lambda h: h.start)
    _link(doc, out)
    return out


def _link(doc: _Doc, hits: list[_Hit]) -> None:
    """A new id whose words end a person's longer name (or begin a body's) joins that entity."""
    words = {id(h): normalise(doc.text[h.start:h.end]).split() for h in hits}
    for h in hits:
        if ":~" not in h.entity_id or h.type not in ("PER", "ORG"):
            continue
        mine = words[id(h)]
        for o in hits:
            theirs = words[id(o)]
            if o.type == h.type and len(theirs) > len(mine) and (
                    theirs[-len(mine):] == mine if h.type == "PER" else theirs[:len(mine)] == mine):
                h.entity_id = o.entity_id
                break


class ModelEngine:
    """The rule engine's reading, rescored and widened by the shipped linear model."""

    def __init__(self, model: Model | None = None) -> None:
        from tui.entities.engine import RuleEngine

        self.rules = RuleEngine()
        self._model = model

    @property
    def model(self) -> Model | None:
        if self._model is None:
            self._model = load_model()
        return self._model

    def extract(self, text: str, language: str | None = None) -> list[Mention]:
        doc, hits = self.rules.read(text, language)
        model = self.model
        if model is not None:
            hits = decide(doc, units(doc, candidates(doc, hits)), model)
        return [Mention(type=h.type, start=h.start, end=h.end, surface=doc.text[h.start:h.end],  # type: ignore[arg-type]
                        entity_id=h.entity_id) for h in hits]
