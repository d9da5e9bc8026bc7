"""Rebuild ``places.tsv`` (countries, regions, cities in ar/fa/he/en) from CLDR and ISO data.

Run with an environment that has babel and pycountry (they are build-time
tools, not runtime dependencies)::

    python data/gazetteer/build.py

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
from pathlib import Path

import pycountry
from babel import Locale
from babel.dates import get_timezone_location

LANGS = ("en", "ar", "fa", "he")
OUT = Path(__file__).with_name("places.tsv")

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
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
