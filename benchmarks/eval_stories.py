"""Story clustering quality on the hand-written gold sets: B-cubed P/R/F1
against the publication-day baseline.

    PYTHONPATH=. python benchmarks/eval_stories.py [tests/fixtures/stories/gold.txt ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.entities import entities
from tui.stories import cluster
from tui.stories.evaluate import bcubed, day_baseline, load_gold
from tui.stories.features import make_doc, parse_time

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stories"


def evaluate(path: Path) -> None:
    gold = load_gold(path.read_text(encoding="utf-8"))
    docs = []
    for g in gold:
        text = f"{g.title}\n\n{g.lead}"
        ids = [e.id for e in entities(text, g.language)]
        when = parse_time(g.published)
        assert when is not None
        docs.append(make_doc(g.id, when, g.language, g.source, ids, text))
    labels = {g.id: g.story for g in gold}
    predicted = cluster(docs)
    print(f"{path.name}: {len(gold)} articles, {len(set(labels.values()))} gold stories, "
          f"{len(set(predicted.values()))} predicted")
    print(f"  clusterer     {bcubed(predicted, labels)}")
    print(f"  day baseline  {bcubed(day_baseline(docs), labels)}")
    if "-v" in sys.argv:
        by_story: dict[str, list[str]] = {}
        for g in gold:
            by_story.setdefault(predicted[g.id], []).append(f"{g.id}:{g.story}")
        for members in by_story.values():
            print("   ", " ".join(members))


if __name__ == "__main__":
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("-")] or sorted(FIXTURES.glob("*.txt"))
    for p in paths:
        evaluate(p)
