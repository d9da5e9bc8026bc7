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

Run ``python tests/entities_eval.py`` for a per-document report of both.
"""

from __future__ import annotations

import json
import sys
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


@dataclass
class DocScore:
    name: str
    tp: int
    fp: list[tuple[str, str]]
    fn: list[tuple[str, str]]


def score_document(path: Path) -> DocScore:
    gold_doc = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    gold = [(t, n) for t, n in gold_doc["entities"]]
    found = entities(path.read_text(encoding="utf-8"), gold_doc.get("lang"))
    unmatched = list(gold)
    fp = []
    for e in found:
        keys = {normalise(s) for s in e.surfaces} | {normalise(e.name)}
        entry = default_gazetteer().entries.get(e.id)  # another spelling of a known entity
        keys |= {normalise(n) for names in (entry.names.values() if entry else ()) for n in names}
        hit = next((g for g in unmatched if g[0] == e.type and any(normalise(a) in keys for a in g[1].split("|"))), None)
        if hit:
            unmatched.remove(hit)
        else:
            fp.append((e.type, e.name))
    return DocScore(path.stem, len(gold) - len(unmatched), fp, unmatched)


def evaluate(folder: Path = FIXTURES) -> tuple[float, float, float, list[DocScore]]:
    docs = [score_document(p) for p in sorted(folder.glob("*.txt"))]
    tp = sum(d.tp for d in docs)
    fp = sum(len(d.fp) for d in docs)
    fn = sum(len(d.fn) for d in docs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, docs


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or [FIXTURES, HELDOUT, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7]
    summary = []
    for folder in folders:
        p, r, f, docs = evaluate(folder)
        for d in docs:
            print(f"{d.name}: tp={d.tp} fp={len(d.fp)} fn={len(d.fn)}")
            for t, n in d.fp:
                print(f"   FP {t} {n}")
            for t, n in d.fn:
                print(f"   FN {t} {n}")
        summary.append(f"{folder.name}: P={p:.3f} R={r:.3f} F1={f:.3f} over {len(docs)} documents")
    print("\n".join(summary))
    sys.exit(0)
