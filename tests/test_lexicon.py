"""The rules' word lists in data/lexicon: well-formed, sorted, no repeats, all used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.entities import lexicon

SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in Path(lexicon.__file__).parent.glob("*.py"))
TABLES = [(lang, name, t) for lang in lexicon.LANGS for name, t in lexicon.tables(lang).items()]


def test_every_language_has_a_file():
    assert all(lexicon.tables(lang) for lang in lexicon.LANGS)


@pytest.mark.parametrize("lang,name,table", TABLES, ids=[f"{lang}-{name}" for lang, name, _ in TABLES])
def test_table_is_sorted_unique_and_documented(lang: str, name: str, table: dict) -> None:
    field = "phrases" if "phrases" in table else "words"
    items = table[field]
    assert items, f"[{name}] in {lang}.toml is empty"
    assert items == sorted(items), f"[{name}] in {lang}.toml is not sorted"
    assert len(items) == len(set(items)), f"[{name}] in {lang}.toml has repeats"
    assert isinstance(table.get("doc"), str) and table["doc"].strip()
    assert table.get("examples") and set(table["examples"]) <= set(items)
    if field == "words":
        assert not [w for w in items if not w.strip() or re.search(r"\s", w)], "a word with a space: use phrases"
    assert set(table) <= {"doc", "examples", "words", "phrases"}


@pytest.mark.parametrize("lang,name,table", TABLES, ids=[f"{lang}-{name}" for lang, name, _ in TABLES])
def test_table_is_used_by_the_rules(lang: str, name: str, table: dict) -> None:
    assert f'"{name}"' in SOURCES, f"[{name}] in {lang}.toml is read by no rule"


def test_homograph_table_is_well_formed() -> None:
    """data/lexicon/homographs.tsv: word, language, a known rule, why (and the club's id); no repeats."""
    rows = [line.split("\t") for line in (lexicon.lexicon_dir() / "homographs.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows
    from tui.entities.gazetteer import default_gazetteer

    entries = default_gazetteer().entries
    for row in rows:
        assert row[1] in ("ar", "fa", "he") and row[2] in ("needs_surname", "club_in_sport") and row[3].strip(), row
        assert len(row) == (5 if row[2] == "club_in_sport" else 4), row
        if row[2] == "club_in_sport":
            assert row[4] in entries, f"homographs.tsv: {row[4]} is no table entity"
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys))


def test_no_word_list_is_inline_in_python() -> None:
    """Word lists live in data/lexicon: no rule module builds a set from literal words (``_keys("...")``,
    ``"... ...".split()``), and no string literal outside a docstring holds two or more words of Arabic,
    Persian or Hebrew script (affixes such as "ال" or "های" and single function words stay in code)."""
    import io
    import tokenize

    for path in sorted(Path(lexicon.__file__).parent.glob("*.py")):
        src = path.read_text(encoding="utf-8")
        assert not re.search(r"_keys\(\s*[\"']", src), f"{path.name}: an inline _keys(...) list"
        prev = None
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            docstring = tok.type == tokenize.STRING and (prev is None or prev.type in (tokenize.INDENT, tokenize.NEWLINE,
                                                                                         tokenize.NL, tokenize.DEDENT))
            if tok.type == tokenize.STRING and not docstring:
                words = re.findall(r"[\u0590-\u05ff\u0600-\u06ff]{2,}", tok.string)
                assert len(words) < 2, f"{path.name}:{tok.start[0]}: inline word list {tok.string[:60]}"
            if tok.type not in (tokenize.COMMENT, tokenize.NL):
                prev = tok


def test_cascade_names_every_step_once() -> None:
    """data/lexicon/cascade.toml orders the rule families; each is a RuleEngine step, named once."""
    from tui.entities.engine import RuleEngine, cascade

    steps = cascade()
    assert len(steps) == len(set(steps))
    assert set(steps) == {name[len("_step_"):] for name in dir(RuleEngine) if name.startswith("_step_")}
