"""Entity extraction cost in instructions, not seconds: repeatable on a shared, noisy machine.

    python benchmarks/entities_instructions.py [--engine model|rules] [--passes 2] [--warm]

Why: on two cores shared with other work, the CPU-time medians of ``bench_entities.py`` moved by
±30% between identical runs, more than most changes worth measuring. ``valgrind --tool=callgrind``
counts the instructions a run executes, the same whatever else the machine does. This script runs
the engine under it twice, once loading and warming it up only and once also reading the real
articles of blind batch 14 ``--passes`` times with cold per-word caches (as ``bench_entities.py``),
and reports the difference per 1,000 words. About 2 minutes; needs valgrind (apt).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "entities_blind14"

_RUN = """
import sys
import tempfile
from pathlib import Path
from tui.entities import doc, get_engine, group, model
from tui.entities.gazetteer import default_gazetteer
from tui.text import normalize
engine, gaz = get_engine(sys.argv[1]), default_gazetteer()
read = lambda folders: [(p.read_text(encoding="utf-8"), p.name.split("_")[0])
                        for f in folders for p in sorted(Path(f).glob("*.txt"))]
texts, others = read([sys.argv[3]]), read(sys.argv[4:])
for text, lang in others or texts:  # warm-up: the engine's lazily built tables (and, warm, the per-word caches)
    group(engine.extract(text, lang))
for _ in range(int(sys.argv[2])):
    if not others:
        normalize.normalise.cache_clear()
        normalize.clitic_candidates.cache_clear()
        gaz.forget_words(), doc.forget_words(), model.forget_words()
    for text, lang in texts:
        group(engine.extract(text, lang))
"""


def instructions(engine: str, passes: int, others: list[str], env: dict[str, str]) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          _RUN, engine, str(passes), str(CORPUS), *others], env=env, capture_output=True, text=True,
                         check=True).stderr
    found = re.search(r"Collected : (\d+)", out)
    if found is None:
        raise RuntimeError(f"callgrind printed no instruction count:\n{out[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", default="model", choices=("model", "rules"))
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--warm", action="store_true", help="per-word caches warm from 105 other articles (blind 36-42), "
                    "as in an app that has read a library; blind 14 read once")
    args = ap.parse_args()
    others = [str(CORPUS.parent / f"entities_blind{n}") for n in range(36, 43)] if args.warm else []
    passes = 1 if args.warm else args.passes
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in CORPUS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as cache:  # (a private table cache: another checkout's run can't replace it)
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT), "MARSAD_CACHE": cache}
        subprocess.run([sys.executable, "-c", _RUN, args.engine, "0", str(CORPUS)], env=env, check=True)  # build it
        base, full = instructions(args.engine, 0, others, env), instructions(args.engine, passes, others, env)
    per = (full - base) / passes / words * 1000
    caches = "word caches warm from other articles" if args.warm else "cold word caches"
    print(f"{args.engine}: {per / 1e6:.1f} M instructions per 1,000 words (blind 14, {words} words, {caches})")


if __name__ == "__main__":
    main()
