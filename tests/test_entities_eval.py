"""Document-level precision/recall floor on our own multilingual fixtures."""

from entities_eval import FIXTURES, HELDOUT, evaluate


def test_fixture_corpus_is_big_enough():
    langs = {p.name.split("_")[0] for p in FIXTURES.glob("*.txt")}
    assert len(list(FIXTURES.glob("*.txt"))) >= 12 and {"ar", "fa", "he", "en", "mix"} <= langs


def test_precision_recall_floor():
    p, r, f, _ = evaluate()
    assert p >= 0.85 and r >= 0.85 and f >= 0.88, (p, r, f)


def test_heldout_floor():
    """Held-out corpus: gold written before the engine saw each document.

    Blind scores when first run (before any fix drawn from them): 16 docs P 0.84 R 0.65 F1 0.73;
    a second batch of 6 docs P 0.77 R 0.65 F1 0.71. Fixes since were general rules and public
    table entries, but these documents have now been looked at, so the floor is kept well below
    the current score and the blind numbers above are the honest estimate for unseen news.
    """
    assert len(list(HELDOUT.glob("*.txt"))) >= 12
    p, r, f, _ = evaluate(HELDOUT)
    assert p >= 0.90 and r >= 0.85 and f >= 0.88, (p, r, f)
