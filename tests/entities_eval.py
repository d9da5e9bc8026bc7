"""Document-level precision/recall of the entity engine on our own fixtures.

Each ``tests/fixtures/entities/NAME.txt`` has ``NAME.json``:
``{"lang": "ar", "entities": [[TYPE, NAME], ...]}`` — every entity an analyst
would want listed, once per document. A predicted entity counts as correct
when its type matches and one of its surfaces (or its name) equals a gold
name after :func:`normalise`; each gold entity is matched at most once. A gold
name may list acceptable spellings or extents with ``|`` ("سونا|وكالة السودان
للأنباء"), for boundaries where annotators reasonably differ.

Five corpora: ``fixtures/entities`` (written with the engine, tuned against),
``fixtures/entities_heldout``, ``fixtures/entities_blind3``,
``fixtures/entities_blind4`` and ``fixtures/entities_blind5`` (gold written before the engine was run on them;
fixes made after looking at them must be general, never for their words).

Three ways to count a match (``mode``):

- ``strict``: the type matches and one surface equals a gold spelling exactly
  (NFC only: the extent and the letters as the gold wrote them);
- ``default``: the type matches and a surface, the name or another table
  spelling of the entity equals a gold spelling after :func:`normalise`
  (the number every floor and README line uses);
- ``lenient``: as ``default``, or one side's words are a run inside the
  other's (الدوري المصري vs الدوري المصري الممتاز), still the same type.

Run ``python tests/entities_eval.py [--mode M] [FOLDER...]`` for a per-document
report; it ends with P/R/F1 per folder, per language and per type.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tui.entities import entities
from tui.entities.gazetteer import default_gazetteer
from tui.text.normalize import normalise

FIXTURES = Path(__file__).parent / "fixtures" / "entities"
HELDOUT = Path(__file__).parent / "fixtures" / "entities_heldout"
BLIND3 = Path(__file__).parent / "fixtures" / "entities_blind3"
BLIND4 = Path(__file__).parent / "fixtures" / "entities_blind4"
BLIND5 = Path(__file__).parent / "fixtures" / "entities_blind5"
BLIND6 = Path(__file__).parent / "fixtures" / "entities_blind6"
BLIND7 = Path(__file__).parent / "fixtures" / "entities_blind7"
BLIND8 = Path(__file__).parent / "fixtures" / "entities_blind8"
BLIND9 = Path(__file__).parent / "fixtures" / "entities_blind9"
BLIND10 = Path(__file__).parent / "fixtures" / "entities_blind10"
BLIND11 = Path(__file__).parent / "fixtures" / "entities_blind11"
BLIND12 = Path(__file__).parent / "fixtures" / "entities_blind12"
BLIND13 = Path(__file__).parent / "fixtures" / "entities_blind13"
BLIND14 = Path(__file__).parent / "fixtures" / "entities_blind14"
BLIND15 = Path(__file__).parent / "fixtures" / "entities_blind15"
BLIND16 = Path(__file__).parent / "fixtures" / "entities_blind16"
BLIND17 = Path(__file__).parent / "fixtures" / "entities_blind17"
BLIND18 = Path(__file__).parent / "fixtures" / "entities_blind18"
BLIND19 = Path(__file__).parent / "fixtures" / "entities_blind19"
BLIND20 = Path(__file__).parent / "fixtures" / "entities_blind20"
BLIND21 = Path(__file__).parent / "fixtures" / "entities_blind21"
BLIND22 = Path(__file__).parent / "fixtures" / "entities_blind22"
BLIND23 = Path(__file__).parent / "fixtures" / "entities_blind23"
BLIND24 = Path(__file__).parent / "fixtures" / "entities_blind24"
BLIND25 = Path(__file__).parent / "fixtures" / "entities_blind25"
BLIND26 = Path(__file__).parent / "fixtures" / "entities_blind26"
BLIND27 = Path(__file__).parent / "fixtures" / "entities_blind27"
BLIND28 = Path(__file__).parent / "fixtures" / "entities_blind28"
BLIND29 = Path(__file__).parent / "fixtures" / "entities_blind29"
BLIND30 = Path(__file__).parent / "fixtures" / "entities_blind30"
BLIND31 = Path(__file__).parent / "fixtures" / "entities_blind31"
BLIND32 = Path(__file__).parent / "fixtures" / "entities_blind32"
BLIND33 = Path(__file__).parent / "fixtures" / "entities_blind33"
BLIND34 = Path(__file__).parent / "fixtures" / "entities_blind34"
BLIND35 = Path(__file__).parent / "fixtures" / "entities_blind35"
BLIND36 = Path(__file__).parent / "fixtures" / "entities_blind36"
BLIND37 = Path(__file__).parent / "fixtures" / "entities_blind37"
BLIND38 = Path(__file__).parent / "fixtures" / "entities_blind38"
BLIND39 = Path(__file__).parent / "fixtures" / "entities_blind39"
BLIND40 = Path(__file__).parent / "fixtures" / "entities_blind40"
BLIND41 = Path(__file__).parent / "fixtures" / "entities_blind41"
BLIND42 = Path(__file__).parent / "fixtures" / "entities_blind42"
BLIND43 = Path(__file__).parent / "fixtures" / "entities_blind43"
BLIND44 = Path(__file__).parent / "fixtures" / "entities_blind44"
BLIND45 = Path(__file__).parent / "fixtures" / "entities_blind45"
BLIND46 = Path(__file__).parent / "fixtures" / "entities_blind46"
BLIND47 = Path(__file__).parent / "fixtures" / "entities_blind47"
BLIND48 = Path(__file__).parent / "fixtures" / "entities_blind48"
BLIND49 = Path(__file__).parent / "fixtures" / "entities_blind49"
BLIND50 = Path(__file__).parent / "fixtures" / "entities_blind50"
BLIND51 = Path(__file__).parent / "fixtures" / "entities_blind51"
BLIND52 = Path(__file__).parent / "fixtures" / "entities_blind52"
BLIND53 = Path(__file__).parent / "fixtures" / "entities_blind53"
BLIND54 = Path(__file__).parent / "fixtures" / "entities_blind54"
BLIND55 = Path(__file__).parent / "fixtures" / "entities_blind55"
BLIND56 = Path(__file__).parent / "fixtures" / "entities_blind56"
BLIND57 = Path(__file__).parent / "fixtures" / "entities_blind57"
BLIND58 = Path(__file__).parent / "fixtures" / "entities_blind58"
BLIND59 = Path(__file__).parent / "fixtures" / "entities_blind59"
BLIND60 = Path(__file__).parent / "fixtures" / "entities_blind60"
BLIND61 = Path(__file__).parent / "fixtures" / "entities_blind61"
BLIND62 = Path(__file__).parent / "fixtures" / "entities_blind62"
BLIND63 = Path(__file__).parent / "fixtures" / "entities_blind63"
BLIND64 = Path(__file__).parent / "fixtures" / "entities_blind64"
BLIND65 = Path(__file__).parent / "fixtures" / "entities_blind65"
BLIND66 = Path(__file__).parent / "fixtures" / "entities_blind66"
BLIND67 = Path(__file__).parent / "fixtures" / "entities_blind67"
BLIND68 = Path(__file__).parent / "fixtures" / "entities_blind68"
BLIND69 = Path(__file__).parent / "fixtures" / "entities_blind69"
BLIND70 = Path(__file__).parent / "fixtures" / "entities_blind70"
BLIND71 = Path(__file__).parent / "fixtures" / "entities_blind71"
MODES = ("strict", "default", "lenient")


@dataclass
class DocScore:
    name: str
    tp: int
    fp: list[tuple[str, str]]
    fn: list[tuple[str, str]]
    tp_types: Counter[str] | None = None

    @property
    def lang(self) -> str:
        return self.name.split("_")[0]


def _keys(e: object, mode: str) -> set[str]:
    """The spellings a predicted entity may be matched by, in ``mode``."""
    if mode == "strict":
        return {unicodedata.normalize("NFC", s) for s in e.surfaces}  # type: ignore[attr-defined]
    keys = {normalise(s) for s in e.surfaces} | {normalise(e.name)}  # type: ignore[attr-defined]
    entry = default_gazetteer().entries.get(e.id)  # type: ignore[attr-defined]  # another spelling of a known entity
    return keys | {normalise(n) for names in (entry.names.values() if entry else ()) for n in names}


def _inside(a: list[str], b: list[str]) -> bool:
    """Whether the words ``a`` are a contiguous run of the words ``b``."""
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1)) if a else False


def _matches(alt: str, keys: set[str], mode: str) -> bool:
    if mode == "strict":
        return unicodedata.normalize("NFC", alt) in keys
    g = normalise(alt)
    if g in keys:
        return True
    if mode == "lenient":
        gw = g.split()
        return any(_inside(gw, k.split()) or _inside(k.split(), gw) for k in keys)
    return False


def score_document(path: Path, mode: str = "default") -> DocScore:
    gold_doc = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    gold = [(t, n) for t, n in gold_doc["entities"]]
    found = entities(path.read_text(encoding="utf-8"), gold_doc.get("lang"))
    unmatched = list(gold)
    fp = []
    tp_types: Counter[str] = Counter()
    for e in found:
        keys = _keys(e, mode)
        hit = next((g for g in unmatched if g[0] == e.type and any(_matches(a, keys, mode) for a in g[1].split("|"))), None)
        if hit:
            unmatched.remove(hit)
            tp_types[e.type] += 1
        else:
            fp.append((e.type, e.name))
    return DocScore(path.stem, len(gold) - len(unmatched), fp, unmatched, tp_types)


def prf(docs: list[DocScore], kind: str | None = None) -> tuple[float, float, float]:
    """Micro P/R/F1 over ``docs``, over one entity type when ``kind`` is given."""
    if kind is None:
        tp = sum(d.tp for d in docs)
        fp = sum(len(d.fp) for d in docs)
        fn = sum(len(d.fn) for d in docs)
    else:
        tp = sum((d.tp_types or Counter())[kind] for d in docs)
        fp = sum(1 for d in docs for t, _ in d.fp if t == kind)
        fn = sum(1 for d in docs for t, _ in d.fn if t == kind)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(folder: Path = FIXTURES, mode: str = "default") -> tuple[float, float, float, list[DocScore]]:
    docs = [score_document(p, mode) for p in sorted(folder.glob("*.txt"))]
    return (*prf(docs), docs)


def breakdown(docs: list[DocScore]) -> list[str]:
    """One line per language and per type: the report the issue asks for."""
    lines = []
    for lang in sorted({d.lang for d in docs}):
        p, r, f = prf([d for d in docs if d.lang == lang])
        lines.append(f"  {lang}: P={p:.2f} R={r:.2f} F1={f:.2f}")
    for kind in ("PER", "ORG", "LOC", "MISC"):
        p, r, f = prf(docs, kind)
        if p or r:
            lines.append(f"  {kind}: P={p:.2f} R={r:.2f} F1={f:.2f}")
    return lines


if __name__ == "__main__":
    args = sys.argv[1:]
    modes = list(MODES)
    if "--mode" in args:
        i = args.index("--mode")
        modes = [args[i + 1]]
        del args[i : i + 2]
    quiet = "-q" in args
    args = [a for a in args if a != "-q"]
    folders = [Path(a) for a in args] or [FIXTURES, HELDOUT, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8]
    summary = []
    for mode in modes:
        for folder in folders:
            p, r, f, docs = evaluate(folder, mode)
            if not quiet and mode == modes[0]:
                for d in docs:
                    print(f"{d.name}: tp={d.tp} fp={len(d.fp)} fn={len(d.fn)}")
                    for t, n in d.fp:
                        print(f"   FP {t} {n}")
                    for t, n in d.fn:
                        print(f"   FN {t} {n}")
            summary.append(f"[{mode}] {folder.name}: P={p:.3f} R={r:.3f} F1={f:.3f} over {len(docs)} documents")
            summary.extend(breakdown(docs))
    print("\n".join(summary))
    sys.exit(0)
