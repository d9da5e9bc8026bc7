"""Scoring a clustering against gold story labels.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): for every item, the
precision is the share of its predicted cluster that shares its gold label,
the recall the share of its gold cluster that it was put with; both are
averaged over items, F1 is their harmonic mean. It rewards getting each
article's companions right, which is what an analyst opening a story sees.

The baseline groups by publication day (UTC): on a set where each event is
reported within a day or two it is strong, which is why it is the bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from tui.stories.features import StoryDoc


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """B-cubed precision and recall of ``predicted`` (item -> cluster) against ``gold``."""
    items = sorted(gold)
    pairs = Counter((predicted[i], gold[i]) for i in items)
    pred_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    precision = sum(pairs[(predicted[i], gold[i])] / pred_sizes[predicted[i]] for i in items) / len(items)
    recall = sum(pairs[(predicted[i], gold[i])] / gold_sizes[gold[i]] for i in items) / len(items)
    return BCubed(precision, recall)


def day_baseline(docs: list[StoryDoc]) -> dict[str, str]:
    """Every article published the same UTC day in one story."""
    return {d.id: d.time.date().isoformat() for d in docs}


@dataclass(frozen=True)
class GoldArticle:
    story: str
    id: str
    language: str
    published: str
    source: str
    title: str
    lead: str


def load_gold(text: str) -> list[GoldArticle]:
    """Parse a gold file: ``@ STORY ID LANG PUBLISHED | SOURCE``, then title, then lead."""
    out: list[GoldArticle] = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for i, line in enumerate(lines):
        if not line.startswith("@ "):
            continue
        head, _, source = line[2:].partition(" | ")
        story, art_id, language, published = head.split()
        out.append(GoldArticle(story, art_id, language, published, source.strip(), lines[i + 1], lines[i + 2]))
    return out
