"""Dev measure for entity work: hold some blind batches out of training, train the layer as
``tui.entities.train`` does on the rest, and score the held batches (rules alone and rules + layer).

    python benchmarks/entities_dev.py                       # hold out blind 51-57, two seeds
    python benchmarks/entities_dev.py --held 41-50 --seeds 15,16 --why /tmp/why.tsv
    python benchmarks/entities_dev.py --cache /tmp/dev.pickle   # reuse the rules' reading of every text

Why it exists: every rule or feature change is judged here before it lands, on batches the layer has
not learned from. It is a *dev* number: whoever reads its misses by class tunes on it, so it is
optimistic; the honest number is a fresh sealed batch scored before any fix (docs/entities.md).
The reading of every text by the rules is most of the time (a few minutes); ``--cache`` keeps it in a
pickle, which is only valid while the rules and the layer's features are unchanged.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from pathlib import Path

os.environ.setdefault("MARSAD_CACHE", "off")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.entities import train as T  # noqa: E402
from tui.entities.engine import RuleEngine  # noqa: E402
from tui.entities.grouping import group  # noqa: E402


def _range(spec: str) -> list[str]:
    """``41-50`` or ``41,43`` -> the blind folder names."""
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += range(int(a), int(b or a) + 1)
    return [f"entities_blind{n}" for n in out]


def read(held: list[str], cache: Path | None) -> list[T.DocData]:
    """Training documents (today's reading and the pre-fix one), the held folders and the case rows."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    engine = RuleEngine()
    old = T.before_fix()
    train = [f for f in T.folders() + T.untrained() if f.name not in held]
    docs = [T.read_doc(p, engine) for f in train for p in sorted(f.glob("*.txt"))]
    docs += [T.read_doc(p, engine, old[f.name, p.stem]) for f in train for p in sorted(f.glob("*.txt"))
             if (f.name, p.stem) in old]
    docs += [T.read_doc(p, engine) for name in held for p in sorted((T.FIXTURES / name).glob("*.txt"))]
    docs += T.read_cases(engine)
    if cache:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def row(name: str, t: T.Tally) -> str:
    """One table row: F1, P, R, then F1 per language and type."""
    p, r, f = t.prf("all")
    return f"| {name} | {f:.4f} | {p:.3f} | {r:.3f} | " + " | ".join(
        f"{t.prf(k)[2]:.3f}" for k in ("ar", "fa", "he", "PER", "ORG", "LOC")) + " |"


def measure(docs: list[T.DocData], held: list[str], seeds: list[int], why: Path | None) -> list[str]:
    never = set(held) | {p.name for p in T.untrained()}
    train_docs = [d for d in docs if d.folder not in never]
    test = [d for d in docs if d.folder in held and not d.old]
    rules = T.Tally()
    for d in test:
        rules.add(["all", d.lang], *T.score(group(d.rule_mentions), d.gold))
    lines = [f"held out: {', '.join(h.removeprefix('entities_') for h in held)} ({len(test)} docs); "
             f"trained on {len(train_docs)} documents",
             "| seed | F1 | P | R | ar | fa | he | PER | ORG | LOC |", "|---|---|---|---|---|---|---|---|---|---|"]
    lines.append(row("rules", rules))
    examples: list[str] = []
    for seed in seeds:
        model = T.train(train_docs, seed=seed)
        tally = T.Tally()
        for d in test:
            found = T.predict(d, model)
            tally.add(["all", d.lang], *T.score(found, d.gold))
            if why and seed == seeds[0]:
                examples += T.why(d, model, found)[2]
        lines.append(row(str(seed), tally))
    if why:
        why.write_text("\n".join(examples) + "\n", encoding="utf-8")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--held", default="51-57", help="blind batch numbers to hold out (default 51-57)")
    ap.add_argument("--seeds", default=f"{T.SEED},{T.SEED + 1}", help="training seeds, comma-separated")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the rules' reading (reused if present)")
    ap.add_argument("--why", type=Path, default=None, help="write each miss and false positive (first seed)")
    args = ap.parse_args(argv)
    held = _range(args.held)
    docs = read(held, args.cache)
    print("\n".join(measure(docs, held, [int(s) for s in args.seeds.split(",")], args.why)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
