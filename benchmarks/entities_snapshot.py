"""Entity output of every corpus, for checking that a speed change left the output bit for bit the same.

Why: the speed work on the rule engine (tokenising, clitic splits, lookups, table loading) must not
change one mention. This writes, for the "rules" and "model" engines, every mention (start, end,
type, entity id, surface) of every text in ``tests/fixtures/entities*/*.txt`` and of every sentence
of ``tests/fixtures/entity_cases.tsv``, plus the grouped entities, one line each, to a file; two
files are compared with ``cmp`` or ``diff``. (Not a test: the full run takes about a minute.)

    python benchmarks/entities_snapshot.py OUT.txt [--engine rules|model|both]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"


def inputs() -> list[tuple[str, str, str | None]]:
    """(name, text, language) of every corpus text and case sentence, in a fixed order."""
    out: list[tuple[str, str, str | None]] = []
    for path in sorted(FIX.glob("entities*/*.txt")):
        lang = path.name.split("_")[0]
        out.append((str(path.relative_to(FIX)), path.read_text(encoding="utf-8"),
                    lang if lang in ("ar", "fa", "he", "en") else None))
    with (FIX / "entity_cases.tsv").open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
            out.append((f"case{n}", row["sentence"], row["language"]))
    return out


def snapshot(engine_name: str) -> list[str]:
    """One line per mention and per grouped entity of every input, for one engine."""
    from tui.entities import get_engine, group

    engine = get_engine(engine_name)
    lines: list[str] = []
    for name, text, lang in inputs():
        mentions = engine.extract(text, lang)
        for m in mentions:
            lines.append(f"{engine_name}\t{name}\tM\t{m.start}\t{m.end}\t{m.type}\t{m.entity_id}\t{m.surface}")
        for e in group(mentions):
            lines.append(f"{engine_name}\t{name}\tE\t{e!r}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--engine", default="both", choices=("rules", "model", "both"))
    args = ap.parse_args()
    names = ("rules", "model") if args.engine == "both" else (args.engine,)
    lines = [line for name in names for line in snapshot(name)]
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"{len(lines)} lines, sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
