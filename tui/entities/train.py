"""Train the statistical layer (:mod:`tui.entities.model`) on our gold corpora, and measure it honestly.

    python -m tui.entities.train            # rebuild data/model/weights.json and meta.json
    python -m tui.entities.train --cv       # leave-one-folder-out: rules alone vs rules + model
    python -m tui.entities.train --check    # exit 1 when the shipped weights differ from a fresh run

Training data: every ``tests/fixtures/entities*/NAME.txt`` with its gold list
``NAME.json`` (the format of ``tests/entities_eval.py``). The rule engine reads
each text; :func:`tui.entities.model.candidates` proposes spans; a unit (one
folded surface in one document) is labelled with the gold type one of its
spellings matches, or O. Rule hits of an entity the gold lists under another
of its spellings (ترامب beside دونالد ترامب) take that entity's type.

The learner is a multiclass averaged perceptron with a margin (the gold class must win by ``MARGIN``, or by
``MARGIN_O`` when it is O, which generalised better than a plain perceptron on held-out batches): pure Python, deterministic
(sorted data, a fixed seed), a few seconds on ~200 documents.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tui.entities.doc import _Doc, _Hit
from tui.entities.engine import RuleEngine
from tui.entities.gazetteer import default_gazetteer
from tui.entities.grouping import group
from tui.entities.model import CLASSES, Model, Unit, candidates, decide, model_dir, units
from tui.models import Entity, Mention
from tui.text.normalize import normalise

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CASES = FIXTURES / "entity_cases.tsv"
EPOCHS = 12
SEED = 15
CASE_REPEAT = 5  # how many times a special-case row is shown per epoch (once left some rows to chance)
MIN_COUNT = 2  # a feature seen in fewer training units is left out (smaller model, less noise)
MARGIN = 3.0  # a name class must win by this much, or the weights are updated (leave-one-batch-out with
# the training batches of session 5, one margin for every class: 0 -> 0.806 / 0.729 blind / train folds, 1 -> 0.806 /
# 0.732, 2 -> 0.808 / 0.732)
MARGIN_O = 1.0  # ... and O by this much: a name costs a little more to miss than to propose (session 8, with the word
# classes of model.py, leave-one-batch-out: O/names 2/2 -> 1/3 blind 0.814 -> 0.817, train folds 0.796 -> 0.798)


@dataclass
class DocData:
    """One gold document, read once by the rules: what training and scoring need."""

    folder: str
    name: str
    lang: str
    gold: list[tuple[str, str]]
    rule_mentions: list[Mention]
    units: dict[str, Unit]
    labels: dict[str, int]
    doc: _Doc  # the rule engine's reading of the text
    old: bool = False  # read by the pre-fix engine (data/model/before_fix.tsv), not today's


def untrained() -> list[Path]:
    """The gold folders ``data/model/not_trained.txt`` keeps out of training (``--cv --untrained`` scores them)."""
    listed = model_dir() / "not_trained.txt"
    names = listed.read_text(encoding="utf-8").split() if listed.exists() else []
    return [FIXTURES / n for n in names if (FIXTURES / n).is_dir()]


def folders() -> list[Path]:
    """Every gold folder the weights learn from, in a fixed order: all but those listed in
    ``data/model/not_trained.txt`` (a fresh blind batch, scored once as it came, waits there until
    its before-fix commit is added to ``before_fix.py`` and the weights are retrained)."""
    listed = model_dir() / "not_trained.txt"
    skip = set(listed.read_text(encoding="utf-8").split()) if listed.exists() else set()
    return sorted(p for p in FIXTURES.glob("entities*") if p.is_dir() and p.name not in skip)


def gold_checksum() -> str:
    """sha256 over the training data in a fixed order: every gold text and list, the special-case rows
    and the pre-fix engine's mentions."""
    h = hashlib.sha256()
    files = [(f"{folder.name}/{f.name}", f) for folder in folders() for p in sorted(folder.glob("*.txt"))
             for f in (p, p.with_suffix(".json"))]
    files += [(CASES.name, CASES), ("before_fix.tsv", model_dir() / "before_fix.tsv")]
    for name, f in files:
        h.update(f"{name}\n".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _gold_types(gold: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, name in gold:
        for alt in name.split("|"):
            out.setdefault(normalise(alt), []).append(kind)
    return out


def _label(u: Unit, by_key: dict[str, list[str]], eid_label: dict[str, str]) -> int:
    """The unit's class: the gold type its own spelling matches, else its rule entity's, else O."""
    rtypes = [c.rtype for c in u.cands if c.rtype]
    kinds = by_key.get(u.key)
    if kinds:
        kind = next((k for k in kinds if k in rtypes), kinds[0])
        return CLASSES.index(kind)
    for c in u.cands:
        if c.eid and c.eid in eid_label:
            return CLASSES.index(eid_label[c.eid])
    return 0


def before_fix() -> dict[tuple[str, str], list[tuple[int, int, str, str]]]:
    """``data/model/before_fix.tsv``: (folder, document) -> the pre-fix engine's mentions."""
    out: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
    path = model_dir() / "before_fix.tsv"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        if line and not line.startswith("#"):
            folder, name, start, end, kind, eid = line.split("\t")
            out.setdefault((folder, name), []).append((int(start), int(end), kind, eid))
    return out


def _old_hits(doc: _Doc, rows: list[tuple[int, int, str, str]]) -> list[_Hit]:
    """The pre-fix engine's mentions as hits on today's tokens (a mention no token run fits is left out)."""
    toks = doc.toks
    out = []
    for start, end, kind, eid in rows:
        i = next((k for k, t in enumerate(toks) if t.start <= start < t.end), None)
        j = next((k + 1 for k in range(i or 0, len(toks)) if toks[k].end >= end), None)
        if i is not None and j is not None and j > i:
            out.append(_Hit(i, j, start, end, kind, eid))
    return out


def read_doc(path: Path, engine: RuleEngine, old: list[tuple[int, int, str, str]] | None = None) -> DocData:
    """One gold document read by today's rules, or (``old``) by the pre-fix engine's mentions."""
    gold_doc = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    gold = [(t, n) for t, n in gold_doc["entities"]]
    text = path.read_text(encoding="utf-8")
    doc, hits = engine.read(text, gold_doc.get("lang"))
    if old is not None:
        hits = _old_hits(doc, old)
    mentions = [Mention(type=h.type, start=h.start, end=h.end, surface=text[h.start:h.end], entity_id=h.entity_id)  # type: ignore[arg-type]
                for h in hits]
    by_key = _gold_types(gold)
    eid_label: dict[str, str] = {}
    for e in group(mentions):
        keys = _entity_keys(e)
        kinds = [k for key in keys for k in by_key.get(key, ())]
        if kinds:
            eid_label[e.id] = e.type if e.type in kinds else kinds[0]
    found = units(doc, candidates(doc, hits))
    labels = {k: _label(u, by_key, eid_label) for k, u in found.items()}
    return DocData(path.parent.name, path.stem, gold_doc.get("lang", ""), gold, mentions, found, labels, doc,
                   old is not None)


def read_cases(engine: RuleEngine) -> list[DocData]:
    """The special-case sentences (``tests/fixtures/entity_cases.tsv``) as training documents: a unit is
    what ``must`` says (each of its ``|`` alternatives, as in a gold list), O when ``must_not`` names one of
    its words, else what the rules found (the rows were written about the rules, which pass them all); spans
    the rules did not propose are O."""
    out = []
    with CASES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows):
        doc, hits = engine.read(row["sentence"], row["language"])
        must = {normalise(alt): kind for kind, name in _items(row["must"]) for alt in name.split("|")}
        must_not = [(kind, normalise(word)) for kind, word in _items(row["must_not"])]
        found = units(doc, candidates(doc, hits))
        labels = {}
        for key, u in found.items():
            rtype = next((c.rtype for c in u.cands if c.rtype), "")
            if key in must:
                labels[key] = CLASSES.index(must[key])
            elif rtype and not any(word in key and kind in ("*", rtype) for kind, word in must_not):
                labels[key] = CLASSES.index(rtype)
            else:
                labels[key] = 0
        out.append(DocData("cases", f"case{n + 2}", row["language"], [], [], found, labels, doc))
    return out


def _items(cell: str) -> list[tuple[str, str]]:
    return [(x.split(":", 1)[0].strip(), x.split(":", 1)[1].strip()) for x in cell.split(";") if ":" in x]


def _entity_keys(e: Entity) -> set[str]:
    """The spellings an entity may be matched by (as ``tests/entities_eval.py`` default mode)."""
    keys = {normalise(s) for s in e.surfaces} | {normalise(e.name)}
    entry = default_gazetteer().entries.get(e.id)
    return keys | {normalise(n) for names in (entry.names.values() if entry else ()) for n in names}


def match(found: list[Entity], gold: list[tuple[str, str]]) -> tuple[list[Entity], list[Entity], list[tuple[str, str]]]:
    """Found entities that match a gold one, those that match none, and the gold left unmatched
    (document level, default mode: each gold entity matched at most once)."""
    unmatched = list(gold)
    right: list[Entity] = []
    wrong: list[Entity] = []
    for e in found:
        keys = _entity_keys(e)
        hit = next((g for g in unmatched if g[0] == e.type and any(normalise(a) in keys for a in g[1].split("|"))), None)
        if hit:
            unmatched.remove(hit)
            right.append(e)
        else:
            wrong.append(e)
    return right, wrong, unmatched


def score(found: list[Entity], gold: list[tuple[str, str]]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """True positives, false positives and false negatives per type (document level, default mode)."""
    right, wrong, unmatched = match(found, gold)
    return Counter(e.type for e in right), Counter(e.type for e in wrong), Counter(t for t, _ in unmatched)


def why(d: DocData, model: Model, found: list[Entity]) -> tuple[Counter[str], Counter[str], list[str]]:
    """Why each gold entity of ``d`` was missed, where each false positive came from, and one example
    line per miss or false positive (for reading the classes, never to fit words).

    A miss is ``none`` (no candidate spells any of its gold spellings; ``none/near`` when a candidate
    shares a word with it), ``O`` (a candidate spells it but the model kept no class), ``type`` (the model
    kept another class) or ``lost`` (kept with its type, but an overlapping longer or better unit took
    its place, or it joined another entity). A false positive is counted by who proposed its first
    mention (``rule``, ``var:+1``, ``gen:given2``, ``gen:head``, ``gen:rare``) and what it is beside the
    gold (``type``: a gold name of another type; ``extent``: shares a word with a gold name; ``junk``)."""
    gold = d.gold
    _, wrong, unmatched = match(found, gold)
    miss: Counter[str] = Counter()
    fps: Counter[str] = Counter()
    lines: list[str] = []
    words = {w for u in d.units for w in u.split()}
    for kind, name in unmatched:
        alts = [normalise(a) for a in name.split("|")]
        us = [d.units[a] for a in alts if a in d.units]
        if not us:
            why_ = "none/near" if any(w in words for a in alts for w in a.split()) else "none"
        else:
            margins = [model.margins(u.feats) for u in us]
            best = max(margins, key=max)
            if max(best) <= 0:
                why_ = "O"
            elif CLASSES[1 + best.index(max(best))] != kind:
                why_ = "type"
            else:
                why_ = "lost"
        miss[f"{kind} {why_}"] += 1
        miss[why_] += 1
        lines.append(f"MISS {why_}\t{d.folder}/{d.name}\t{kind}\t{name}")
    src: dict[tuple[int, int], str] = {}
    for u in d.units.values():
        for c in u.cands:
            s = "rule" if c.rtype else c.src.rstrip("0123456789")
            src.setdefault((c.start, c.end), s)
    gold_words = {w for _, name in gold for a in name.split("|") for w in normalise(a).split()}
    gold_keys = {normalise(a) for _, name in gold for a in name.split("|")}
    for e in wrong:
        first = min(e.spans)
        s = src.get(first, "?")
        keys = _entity_keys(e)
        what = "type" if keys & gold_keys else "extent" if any(w in gold_words for k in keys for w in k.split()) else "junk"
        fps[f"{s} {what}"] += 1
        fps[s] += 1
        lines.append(f"FP {s} {what}\t{d.folder}/{d.name}\t{e.type}\t{e.name}")
    return miss, fps, lines


def predict(d: DocData, model: Model) -> list[Entity]:
    hits = decide(d.doc, d.units, model)
    text = d.doc.text
    return group(Mention(type=h.type, start=h.start, end=h.end, surface=text[h.start:h.end], entity_id=h.entity_id)  # type: ignore[arg-type]
                 for h in hits)


def train(docs: list[DocData], epochs: int | None = None, seed: int | None = None) -> Model:
    """Averaged multiclass perceptron over the units of ``docs``.

    An update is made unless the gold class wins by its margin (``MARGIN_O`` for O, ``MARGIN`` for a name
    class). Features are numbered and each class keeps one weight list, so a unit's scores are five C-level
    sums (the same weights, byte for byte, as a dict of rows; about 1.5x faster)."""
    epochs = EPOCHS if epochs is None else epochs
    seed = SEED if seed is None else seed
    counts: Counter[str] = Counter(f for d in docs for u in d.units.values() for f in u.feats)
    ids: dict[str, int] = {}
    data = [([ids.setdefault(f, len(ids)) for f in sorted(f for f in u.feats if counts[f] >= MIN_COUNT)], d.labels[k])
            for d in docs for _ in range(CASE_REPEAT if d.folder == "cases" else 1)
            for k, u in sorted(d.units.items())]
    nc = len(CLASSES)
    w = [[0.0] * len(ids) for _ in range(nc)]
    acc = [[0.0] * len(ids) for _ in range(nc)]
    touched = bytearray(len(ids))
    margins = [MARGIN_O] + [MARGIN] * (nc - 1)
    classes = range(nc)
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, gold in data:
            s = [sum(map(w[n].__getitem__, feats)) for n in classes]
            s[gold] -= margins[gold]
            guess = max(classes, key=s.__getitem__)
            if guess != gold:
                wg, wb, ag, ab = w[gold], w[guess], acc[gold], acc[guess]
                for x in feats:
                    wg[x] += 1.0
                    wb[x] -= 1.0
                    ag[x] += step
                    ab[x] -= step
                    touched[x] = 1
            step += 1
    out = {}
    for name, i in ids.items():
        if touched[i]:
            avg = [round(w[n][i] - acc[n][i] / step, 4) for n in classes]
            if any(avg):
                out[name] = avg
    return Model(out)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Tally:
    """Counts per folder, language and type for one system."""

    def __init__(self) -> None:
        self.c: dict[str, Counter[str]] = {}

    def add(self, keys: list[str], tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> None:
        for key in keys:
            c = self.c.setdefault(key, Counter())
            c["tp"] += sum(tp.values())
            c["fp"] += sum(fp.values())
            c["fn"] += sum(fn.values())
        for kind in ("PER", "ORG", "LOC", "MISC"):
            c = self.c.setdefault(kind, Counter())
            c["tp"] += tp[kind]
            c["fp"] += fp[kind]
            c["fn"] += fn[kind]

    def prf(self, key: str) -> tuple[float, float, float]:
        c = self.c.get(key, Counter())
        return _prf(c["tp"], c["fp"], c["fn"])


def read_all(engine: RuleEngine | None = None, extra: list[Path] | None = None) -> list[DocData]:
    """Every training document (and, for scoring only, those of the ``extra`` folders)."""
    engine = engine or RuleEngine()
    old = before_fix()
    docs = [read_doc(p, engine) for folder in folders() for p in sorted(folder.glob("*.txt"))]
    docs += [read_doc(p, engine, old[(folder.name, p.stem)]) for folder in folders() for p in sorted(folder.glob("*.txt"))
             if (folder.name, p.stem) in old]
    docs += [read_doc(p, engine) for folder in extra or () for p in sorted(folder.glob("*.txt"))]
    return docs + read_cases(engine)


def cross_validate(docs: list[DocData], held: list[str] | None = None, never: frozenset[str] = frozenset(),
                   explain: Path | None = None, seed: int | None = None) -> list[str]:
    """Leave one folder out: train on the rest (never on the ``never`` folders), score the folder; rules
    alone beside it. With ``explain``, count why gold was missed and where false positives came from
    (:func:`why`) and write one line per case to that file."""
    names = held or sorted({d.folder for d in docs})
    tallies = {(old, system): Tally() for old in (False, True) for system in ("rules", "model")}
    misses: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
    fps: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
    examples: list[str] = []
    for name in names:
        m = train([d for d in docs if d.folder != name and d.folder not in never], seed=seed)
        for d in docs:
            if d.folder != name:
                continue
            keys = [name.removeprefix("entities_"), "all", d.lang]
            kind = re.sub(r"\d+[a-z]*$", "", name.removeprefix("entities_"))  # blind14 -> blind, train16d -> train
            keys += [f"{d.lang} {kind}", kind]
            tallies[d.old, "rules"].add(keys, *score(group(d.rule_mentions), d.gold))
            found = predict(d, m)
            tallies[d.old, "model"].add(keys, *score(found, d.gold))
            if explain:
                miss, fp, lines = why(d, m, found)
                misses[d.old].update(miss)
                fps[d.old].update(fp)
                examples += [f"{'old' if d.old else 'now'}\t{line}" for line in lines]
    lines = []
    if explain:
        explain.write_text("\n".join(examples) + "\n", encoding="utf-8")
        for old in (True, False):
            which = "engine before any fix" if old else "today's engine"
            lines += ["", f"Why ({which}): missed gold "
                      + ", ".join(f"{k} {v}" for k, v in sorted(misses[old].items())),
                      "False positives by source: " + ", ".join(f"{k} {v}" for k, v in sorted(fps[old].items()))]
    for old, what in ((True, "the engine before any fix on the batch (honest)"), (False, "today's engine (tuned on every batch)")):
        rules, model = tallies[old, "rules"], tallies[old, "model"]
        lines += ["", f"Rules: {what}", "| held out | rules P | R | F1 | rules+model P | R | F1 | ΔF1 |",
                  "|---|---|---|---|---|---|---|---|"]
        for key in [*(n.removeprefix("entities_") for n in names), "ar", "fa", "he", "en", "PER", "ORG", "LOC", "MISC",
                    *(f"{lang} {kind}" for kind in ("blind", "train") for lang in ("ar", "fa", "he")), "blind", "train", "all"]:
            if key not in rules.c or not sum(rules.c[key].values()):
                continue
            a, b = rules.prf(key), model.prf(key)
            lines.append(f"| {key} | {a[0]:.3f} | {a[1]:.3f} | {a[2]:.3f} | {b[0]:.3f} | {b[1]:.3f} | {b[2]:.3f} | {b[2] - a[2]:+.3f} |")
    return lines


def blind_folders(docs: list[DocData]) -> list[str]:
    """The folders CV is reported on: the blind ones (entities_blind3 .. entities_blindN) and the training
    batches written for the model (entities_train16a ..), whose texts no rule was ever fitted to, so
    today's engine reads them as it would unseen news."""
    names = {d.folder for d in docs if d.folder.startswith(("entities_blind", "entities_train"))}
    return sorted(names, key=lambda n: (n.startswith("entities_train"), int(n.removeprefix("entities_blind"))
                                        if n.startswith("entities_blind") else 0, n))


def dump(model: Model) -> str:
    return json.dumps({"classes": list(CLASSES), "weights": dict(sorted(model.weights.items()))},
                      ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"


def meta() -> str:
    return json.dumps({"gold_sha256": gold_checksum(), "epochs": EPOCHS, "seed": SEED, "min_count": MIN_COUNT, "case_repeat": CASE_REPEAT, "margin": MARGIN,
                       "margin_o": MARGIN_O,
                       "folders": [p.name for p in folders()]}, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tui.entities.train", description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="leave-one-folder-out over the blind folders")
    ap.add_argument("--all-folds", action="store_true", help="with --cv: every folder, not only the blind ones")
    ap.add_argument("--untrained", action="store_true",
                    help="with --cv: also score the folders of not_trained.txt (held out like the others)")
    ap.add_argument("--why", type=Path, default=None, metavar="FILE",
                    help="with --cv: count misses and false positives by class, one line per case to FILE")
    ap.add_argument("--seed", type=int, default=None, help=f"with --cv: the training order's seed (default {SEED})")
    ap.add_argument("--check", action="store_true", help="exit 1 when the shipped weights differ from a fresh run")
    ap.add_argument("--out", type=Path, default=None, help="folder to write weights.json and meta.json to")
    args = ap.parse_args(argv)
    extra = untrained() if args.cv and args.untrained else []
    docs = read_all(extra=extra)
    if args.cv:
        held = None if args.all_folds else blind_folders(docs)
        print("\n".join(cross_validate(docs, held, frozenset(p.name for p in extra), args.why, args.seed)))
        return 0
    text = dump(train(docs))
    out = args.out or model_dir()
    if args.check:
        same = (out / "weights.json").exists() and (out / "weights.json").read_text(encoding="utf-8") == text
        print("weights are a fresh training run" if same else "weights differ from a fresh training run: retrain")
        return 0 if same else 1
    out.mkdir(parents=True, exist_ok=True)
    (out / "weights.json").write_text(text, encoding="utf-8")
    (out / "meta.json").write_text(meta(), encoding="utf-8")
    print(f"wrote {out / 'weights.json'} ({len(text) // 1024} KiB) from {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
