"""Document-level precision/recall floor on our own multilingual fixtures."""

from entities_eval import FIXTURES, evaluate


def test_fixture_corpus_is_big_enough():
    langs = {p.name.split("_")[0] for p in FIXTURES.glob("*.txt")}
    assert len(list(FIXTURES.glob("*.txt"))) >= 12 and {"ar", "fa", "he", "en", "mix"} <= langs


def test_precision_recall_floor():
    p, r, f, _ = evaluate()
    assert p >= 0.85 and r >= 0.85 and f >= 0.88, (p, r, f)
