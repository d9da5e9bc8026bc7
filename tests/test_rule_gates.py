"""The cascade's gates (tui/entities/gates.py) never turn a rule family away from a token where it would
find a mention: every family is called at every token of real texts and of every case sentence, with a
title open and without, and each hit's gate must have said yes.

Why it matters: the first pass calls only the families whose gate lets a token through; a gate that
says no where its family finds something would silently drop mentions. A rule change that makes a
family fire on a word its gate refuses fails here (change the gate in gates.py, orgs.py or places.py).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui.entities import gates
from tui.entities.doc import _Doc
from tui.entities.engine import RuleEngine, _State, cascade, normalise_language

FIX = Path(__file__).parent / "fixtures"
# One blind batch of each year of writing and the first training batch: Arabic, Persian and Hebrew news
# of every kind (≈ 10,000 words), and every special-case sentence.
BATCHES = ("entities_blind14", "entities_blind17", "entities_train16a")


def _texts() -> list[tuple[str, str, str]]:
    out = []
    for batch in BATCHES:
        for path in sorted((FIX / batch).glob("*.txt")):
            out.append((f"{batch}/{path.stem}", path.read_text(encoding="utf-8"), path.name.split("_")[0]))
    with (FIX / "entity_cases.tsv").open(encoding="utf-8") as fh:
        cases = [(row["sentence"], row["language"]) for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    out.append(("entity_cases.tsv", "\n".join(s for s, _ in cases), ""))  # (one text per language below)
    for lang in sorted({lang for _, lang in cases}):
        out.append((f"cases/{lang}", "\n\n".join(s for s, L in cases if L == lang), lang))
    return out


def _refusals(engine: RuleEngine, text: str, lang: str) -> list[str]:
    """Where a family found a mention at a token its gate refused: "family@token: word"."""
    doc = _Doc(text, normalise_language(lang or None, text), engine.gazetteer)
    names = cascade()
    found_before = engine._first_pass(_Doc(text, doc.lang, engine.gazetteer))
    masks, idle = gates.token_masks(doc, names)
    steps = engine._steps((1 << len(names)) - 1)
    out = []
    for i, tok in enumerate(doc.toks):
        for pending in (0, 5):
            allowed = masks[i] if pending else masks[i] & idle
            for n, (step, with_state) in enumerate(steps):
                st = _State([h for h in found_before if h.j <= i], pending)
                got = step(doc, i, st) if with_state else step(doc, i)
                if got is not None and not allowed >> n & 1:
                    out.append(f"{names[n]}@{i} (pending {pending}): {tok.text}")
    return out


@pytest.mark.parametrize("name,text,lang", _texts(), ids=[t[0] for t in _texts()])
def test_no_gate_refuses_a_family_that_finds_a_mention(name: str, text: str, lang: str) -> None:
    assert _refusals(RuleEngine(), text, lang) == []


def test_a_gate_that_refuses_too_much_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a gate that turns every word away from the given-name rule is reported."""
    tables = gates._tables
    monkeypatch.setattr(gates, "_tables", lambda lang: {name: words for name, words in tables(lang).items()
                                                        if name != "person_from_given_name"})
    gates._spec.cache_clear()
    gates.forget_words()
    try:
        refused = _refusals(RuleEngine(), "وأضاف بحسب ما قال يوسف الحمادي في المؤتمر.", "ar")
    finally:
        monkeypatch.undo()
        gates._spec.cache_clear()
        gates.forget_words()
    assert any(r.startswith("person_from_given_name@") for r in refused)
