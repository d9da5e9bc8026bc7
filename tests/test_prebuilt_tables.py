"""Prebuilt tables (tui/entities/prebuilt.py): the gazetteer and word lists read back from a file are
the ones built from the data, and a stale, damaged or unwritable file only costs a build."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from tui.entities import gazetteer, lexicon, prebuilt


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path / "tables"))
    return tmp_path / "tables"


def _counting(value: object) -> tuple[list[int], object]:
    builds: list[int] = []

    def build() -> object:
        builds.append(1)
        return value

    return builds, build


def test_the_gazetteer_read_back_is_the_one_built() -> None:
    built = gazetteer.default_gazetteer()
    back = gazetteer._from_plain(marshal.loads(marshal.dumps(gazetteer._to_plain(built))))
    assert list(back.entries) == list(built.entries)
    assert all((back.entries[k].type, back.entries[k].names) == (e.type, e.names) for k, e in built.entries.items())
    assert back.nisba == built.nisba and back.stop == built.stop
    assert back.index == built.index  # every alias, in every bucket's order
    text = "وقال وزير الخارجية الإيراني عباس عراقجي في طهران إن المحادثات مع واشنطن مستمرة."
    from tui.entities.engine import RuleEngine

    assert RuleEngine(back).extract(text, "ar") == RuleEngine(built).extract(text, "ar")


def test_a_file_is_written_once_then_read(folder: Path) -> None:
    source = folder.parent / "table.tsv"
    source.write_text("ar\tطهران\t1\n", encoding="utf-8")
    builds, build = _counting({"ar": [("طهران", "1")]})
    first = prebuilt.cached("t", [source], build, lambda v: v, lambda v: v)
    second = prebuilt.cached("t", [source], build, lambda v: v, lambda v: v)
    assert first == second == {"ar": [("طهران", "1")]} and builds == [1]
    assert len(list(folder.glob("t-*.marshal"))) == 1


def test_a_changed_source_builds_again_and_drops_the_old_file(folder: Path) -> None:
    source = folder.parent / "table.tsv"
    source.write_text("one\n", encoding="utf-8")
    builds, build = _counting(("one",))
    prebuilt.cached("t", [source], build, lambda v: v, lambda v: v)
    source.write_text("two\n", encoding="utf-8")
    prebuilt.cached("t", [source], build, lambda v: v, lambda v: v)
    assert builds == [1, 1] and len(list(folder.glob("t-*.marshal"))) == 1


def test_a_damaged_file_is_built_again(folder: Path) -> None:
    source = folder.parent / "table.tsv"
    source.write_text("x\n", encoding="utf-8")
    builds, build = _counting(["x"])
    prebuilt.cached("t", [source], build, lambda v: v, lambda v: v)
    path = next(folder.glob("t-*.marshal"))
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # one flipped bit: the checksum no longer holds
    path.write_bytes(bytes(data))
    assert prebuilt.cached("t", [source], build, lambda v: v, lambda v: v) == ["x"] and builds == [1, 1]


def test_an_unwritable_folder_still_gives_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MARSAD_CACHE", str(blocker / "tables"))  # a folder inside a file cannot be made
    builds, build = _counting([1])
    assert prebuilt.cached("t", [blocker], build, lambda v: v, lambda v: v) == [1]
    assert prebuilt.cached("t", [blocker], build, lambda v: v, lambda v: v) == [1] and builds == [1, 1]


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_CACHE", "off")
    assert prebuilt.cache_dir() is None
    assert not prebuilt.write("t", "k", [1]) and prebuilt.read("t", "k") is None


def test_word_lists_from_a_file_are_the_ones_read(folder: Path) -> None:
    path = lexicon.lexicon_dir().parent / "gazetteer" / "surnames.tsv"
    built = lexicon._read_rows(path)
    lexicon._tsv_rows.cache_clear()
    try:
        first = lexicon._tsv_rows(path)  # builds and writes
        lexicon._tsv_rows.cache_clear()
        second = lexicon._tsv_rows(path)  # reads
    finally:
        lexicon._tsv_rows.cache_clear()
    assert first == second == built and any(folder.glob("words-surnames-*.marshal"))
    assert os.stat(next(folder.glob("words-surnames-*.marshal"))).st_size > 32


def test_lexicon_tables_from_a_file_are_the_parsed_ones(folder: Path) -> None:
    import tomllib

    lexicon.tables.cache_clear()
    try:
        first = lexicon.tables("ar")  # parses and writes
        lexicon.tables.cache_clear()
        second = lexicon.tables("ar")  # reads
    finally:
        lexicon.tables.cache_clear()
    parsed = tomllib.loads((lexicon.lexicon_dir() / "ar.toml").read_text(encoding="utf-8"))
    assert first == second == parsed and any(folder.glob("lexicon-ar-*.marshal"))


def test_a_value_marshal_cannot_write_is_built_each_time(folder: Path) -> None:
    builds, build = _counting({"when": object()})
    prebuilt.cached("t", [], build, lambda v: v, lambda v: v)
    prebuilt.cached("t", [], build, lambda v: v, lambda v: v)
    assert builds == [1, 1] and not any(folder.glob("t-*.marshal"))


def test_a_file_of_another_shape_is_built_again(folder: Path) -> None:
    source = folder.parent / "table.tsv"
    source.write_text("x\n", encoding="utf-8")
    prebuilt.write("t", prebuilt.digest([source]), [1, 2])  # a sound file, but not the dict this table reads
    builds, build = _counting({"ar": ["x"]})
    back = prebuilt.cached("t", [source], build, lambda v: v, lambda v: {k: list(v[k]) for k in v.keys()})
    assert back == {"ar": ["x"]} and builds == [1]
    assert prebuilt.cached("t", [source], build, lambda v: v, lambda v: {k: list(v[k]) for k in v.keys()}) == back
    assert builds == [1]  # rewritten in the right shape, then read


def test_the_model_margins_read_back_are_the_ones_built_from_the_weights(folder: Path) -> None:
    """The shipped weights' margin rows, built (and written) once, then read from the file: the same dict,
    in the same order, as parsing weights.json."""
    from tui.entities import model

    shipped = model._read_rows(model.model_dir() / "weights.json")
    model.load_model.cache_clear()
    try:
        built = model.load_model()
        assert any(folder.glob("weights-*.marshal"))
        model.load_model.cache_clear()
        back = model.load_model()
    finally:
        model.load_model.cache_clear()
    assert built is not None and back is not None and back is not built
    assert list(back._rows.items()) == list(shipped.items())
    assert list(built._rows.items()) == list(shipped.items())
