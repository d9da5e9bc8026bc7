"""Every special case of the entity rules as one row of ``fixtures/entity_cases.tsv``.

Columns: sentence, language, must, must_not, why. ``must`` lists ``TYPE:name``
items (``;``-separated): an entity of that type whose name or one of whose
surfaces is ``name`` (after folding) must be found. ``must_not`` lists
``TYPE:word`` items (``*`` for any type): no entity of that type may have
``word`` inside its name or surfaces. A new special case is a new row; no
Python needed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui.entities import entities
from tui.text.normalize import normalise

CASES = Path(__file__).parent / "fixtures" / "entity_cases.tsv"


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _items(cell: str) -> list[tuple[str, str]]:
    return [tuple(x.strip().split(":", 1)) for x in cell.split(";") if x.strip()]  # type: ignore[misc]


ROWS = _rows()


def test_case_table_is_well_formed():
    assert len(ROWS) >= 40
    for row in ROWS:
        assert row["language"] in ("ar", "fa", "he", "en"), row
        assert row["must"] or row["must_not"], row
        for kind, _ in _items(row["must"]) + _items(row["must_not"]):
            assert kind in ("PER", "ORG", "LOC", "MISC", "*"), row


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}-{r['language']}" for i, r in enumerate(ROWS)])
def test_entity_case(row: dict[str, str]) -> None:
    found = entities(row["sentence"], row["language"])
    keys = [(e.type, {normalise(e.name)} | {normalise(s) for s in e.surfaces}) for e in found]
    listed = [(e.type, e.name) for e in found]
    for kind, name in _items(row["must"]):
        alts = {normalise(a) for a in name.split("|")}
        assert any(t == kind and alts & ks for t, ks in keys), (row["why"], kind, name, listed)
    for kind, word in _items(row["must_not"]):
        w = normalise(word)
        assert not any((kind == "*" or t == kind) and any(w in k for k in ks) for t, ks in keys), (
            row["why"], kind, word, listed)
