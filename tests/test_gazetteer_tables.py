"""The generated name, city and common-word tables: present, big enough, well-formed."""

from __future__ import annotations

from tui.entities import lexicon
from tui.entities.gazetteer import data_dir, default_gazetteer, parse_table


def test_names_in_the_hundreds_to_thousands_per_language():
    for lang in ("ar", "fa", "he"):
        assert len(lexicon.given_names(lang)) >= 600, lang
        assert len(lexicon.surnames(lang)) >= 300, lang
        assert len(lexicon.given_names(lang)) + len(lexicon.surnames(lang)) >= 1100, lang


def test_common_words_hold_no_listed_name():
    for lang in ("ar", "fa", "he"):
        common = lexicon.common_words(lang)
        assert len(common) >= 10000
        assert not common & lexicon.given_names(lang)


def test_region_cities_rows_are_well_formed_and_loaded():
    rows = parse_table((data_dir() / "region_cities.tsv").read_text(encoding="utf-8"))
    assert len(rows) >= 1000
    assert all(r.id.startswith(("loc:gn:", "loc:adm:", "loc:town:")) and r.type == "LOC" for r in rows)
    gaz = default_gazetteer()
    assert any(e.startswith("loc:gn:") for e in gaz.entries)
