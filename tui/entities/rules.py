"""Context rules: trigger words and stop words for names no table knows.

Why these lists exist: news introduces people by office ("وزير الخارجية
التركي هاكان فيدان", "שר החוץ גדעון סער", "President Lula") and organisations
by a head noun ("وزارة الصحة", "حزب العمال"). The word after such a trigger is
very likely a name; the words that end it (prepositions, verbs of saying,
nationality adjectives, punctuation) are a small closed set. The lists live in
``data/lexicon/{ar,fa,he,en}.toml`` (read by :mod:`~tui.entities.lexicon`) and
are normalised once on load, so they are extended by editing data, not code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.entities import lexicon
from tui.text.normalize import normalise, tokenize


def _phrases(lines: str) -> dict[str, list[tuple[str, ...]]]:
    """Index trigger phrases (one per line or ``|``-separated) by first key, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lines.replace("\n", "|").split("|"):
        keys = tuple(t.norm for t in tokenize(phrase))
        if keys:
            out.setdefault(keys[0], []).append(keys)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


# --- person triggers (title words) --------------------------------------------

PER_TRIGGERS_AR = lexicon.phrases("per_triggers", "ar")
PER_TRIGGERS_FA = lexicon.phrases("per_triggers", "fa")
PER_TRIGGERS_HE = lexicon.phrases("per_triggers", "he")
PER_TRIGGERS_EN = lexicon.phrases("per_triggers", "en")

# --- organisation heads -------------------------------------------------------

ORG_HEADS_AR = lexicon.keys("org_heads", "ar")
# The same heads with the article: الحزب الديمقراطي الكردستاني، المجلس الرئاسي، الهيئة الخيرية ...
ORG_AL_HEADS_AR = lexicon.keys("org_al_heads", "ar")
# Heads after which one undetermined word is a name: حزب تقدم، منظمة بدر، شركة أرامكو.
ORG_NAME_HEADS_AR = lexicon.keys("org_name_heads", "ar")
ORG_NAME_ONLY_AR = lexicon.keys("org_name_only", "ar")
# Complements that make حركة "traffic/movement of", not a political movement: حركة الشاحنات، حركة الملاحة.
NOT_ORG_AFTER_HARAKA = lexicon.keys("not_org_after_haraka")
HARAKA = lexicon.keys("haraka")
# Hospitals and universities are organisations (ORG), never places: مستشفى الشفاء، جامعة القاهرة،
# بیمارستان امام خمینی، בית החולים רמב"ם. Their heads are in the ORG lists only, not in the place lists.
# Heads whose name is a person's: جامعة محمد بن زايد، مستشفى الملك فهد.
ORG_PERSON_HEADS_AR = lexicon.keys("org_person_heads", "ar")
# Heads that, with the article, name an organisation when a nationality follows.
ORG_PERSON_HEADS_FA = lexicon.keys("org_person_heads", "fa")
# Persian outlet heads of which only the name is listed: روزنامه شرق -> شرق.
ORG_NAME_ONLY_FA = lexicon.keys("org_name_only", "fa")
ORG_NISBA_HEADS_AR = lexicon.keys("org_nisba_heads", "ar")
ORG_HEADS_FA = lexicon.keys("org_heads", "fa")
ORG_NAME_HEADS_FA = lexicon.keys("org_name_heads", "fa")
ORG_HEADS_HE = lexicon.keys("org_heads", "he")
# Heads with the article: התנועה לאיכות השלטון, הלשכה המרכזית לסטטיסטיקה.
ORG_AL_HEADS_HE = lexicon.keys("org_al_heads", "he")
# Construct heads after which one or two undetermined words are a name: חברת אלביט מערכות.
ORG_NAME_HEADS_HE = lexicon.keys("org_name_heads", "he")
# ... of which only the name is listed: חברת אלביט מערכות -> אלביט מערכות.
ORG_NAME_ONLY_HE = lexicon.keys("org_name_only", "he")
ORG_HEADS_EN = lexicon.raw("org_heads", "en")
LOC_HEADS_EN = lexicon.raw("loc_heads", "en")
# Words that introduce an outlet name, often quoted: موقع "أكسيوس".
OUTLET_HEADS = lexicon.keys("outlet_heads")

# --- stop words: things that end a name or can never be one -------------------

STOP_AR = lexicon.keys("stop", "ar")
STOP_FA = lexicon.keys("stop", "fa")
FUNCTION_FA = lexicon.keys("function", "fa")
STOP_HE = lexicon.keys("stop", "he")
STOP_EN = lexicon.raw("stop", "en")

# Common words that are still fine inside an organisation's name (مجلس الأمن الدولي).
ORG_MODIFIERS_AR = lexicon.keys("org_modifiers", "ar")

# Words between a title and the name that keep the title "open":
# وزير خارجية إيران ...، وزیر اقتصاد ...، المتحدث باسم ...
PORTFOLIO = lexicon.keys("portfolio")
# Verbs of saying: "وقال X Y إن"، "אמרה X Y כי" (verb first), "X Y، ... گفت" (name first).
SAY_AR = lexicon.keys("say", "ar")
SAY_FA = lexicon.keys("say", "fa")
SAY_HE = lexicon.keys("say", "he")
SAY = {"ar": SAY_AR, "fa": SAY_FA, "he": SAY_HE}
# Given names that are also places: a title before them makes them the person (ראש המועצה, ישראל גנץ).
GIVEN_PLACES = lexicon.constrained("person_after_title")
# Hebrew place spellings that are also common words: only a place with a prefix or before punctuation
# (בדוחה, לדוחה; but האיחוד "דוחה כל שינוי" = "rejects").
HE_PREFIX_ONLY = lexicon.constrained("prefix_only")
# Titles that are also given names (امیر قلعه‌نویی): a person's first word before "، title".
GIVEN_TITLES = lexicon.keys("given_titles")

# Place heads: the name follows (بلدة الخيام -> الخيام), or the head is part of it (قصر بعبدا).
LOC_NAME_HEADS_AR = lexicon.keys("loc_name_heads", "ar")
# ... of which the name keeps the noun (حي الملز، بندر چابهار، קיבוץ ניר עוז): the gold lists them so.
LOC_KEPT_HEADS = {lang: lexicon.keys("loc_kept_heads", lang) for lang in ("ar", "fa", "he")}
# Plural place nouns that list places: محافظات الكرك والطفيلة، حقول الحلفاية والبزركان.
PLURAL_PLACE_HEADS_AR = lexicon.keys("plural_place_heads", "ar")
PLURAL_PLACE_HEADS_FA = lexicon.keys("plural_place_heads", "fa")
# Place nouns with the article that stand for a place named before, never a name: ريف المحافظة، موانئ الجنوب.
GENERIC_PLACES_AR = lexicon.keys("generic_places", "ar")
LOC_FULL_HEADS_AR = lexicon.keys("loc_full_heads", "ar")
# Geographic heads that are part of the name even before a known place: خليج عدن، جزيرة كريت.
LOC_GEO_HEADS_AR = lexicon.keys("loc_geo_heads", "ar")
# Persian light verbs: the word before one is a noun of the verb (موافقت کردند), not a name.
LIGHT_VERBS_FA = lexicon.keys("light_verbs", "fa")
SUFFIXES_FA = lexicon.keys("suffixes", "fa")
LOC_NAME_HEADS_FA = lexicon.keys("loc_name_heads", "fa")
LOC_FULL_HEADS_FA = lexicon.keys("loc_full_heads", "fa")
LOC_NAME_HEADS_HE = lexicon.keys("loc_name_heads", "he")
# Construct place nouns whose name may be two words: קיבוץ ניר עוז, בכפר תורמוס עיא, באזור מסאפר יטא.
LOC_NAME_HEADS_HE2 = lexicon.keys("loc_name_heads_he2")
# Place nouns that are part of the name: בקעת הירדן, גוש עציון, הר חברון, כיכר החטופים, ציר פילדלפי.
LOC_FULL_HEADS_HE = lexicon.keys("loc_full_heads", "he")
COMPASS_FA = lexicon.keys("compass", "fa")
# Time words end a Persian name or organisation: مجلس شورای اسلامی روز یکشنبه
TIME_FA = lexicon.keys("time", "fa")
# Words after which a given name belongs to an institution's name: دانشگاه امام صادق، بیمارستان شهید بهشتی
HONORIFIC_FA = lexicon.keys("honorific", "fa")
# Words before a quoted Hebrew title that make it an outlet: כך דווח ב"הארץ", אמר ל"כאן".
REPORT_HE = lexicon.keys("report", "he")
# First words of two-word place names: بيت حانون، كفر كلا، دير البلح
PLACE_PREFIX_AR = lexicon.keys("place_prefix", "ar")
FUNCTION_AR = lexicon.keys("function", "ar")

# Name-internal connectors: never a name alone, never the last word of a name.
CONNECTORS = lexicon.keys("connectors")
CONNECTORS_EN = lexicon.raw("connectors_en", "en")


# Given names that are rarely anything else: a given name plus a name-like word is a person
# even with no title ("... بحسب ما قال يوسف الحمادي"). Ambiguous ones (حسن good, علي/على,
# אריה lion, חיים life) are left out.
GIVEN_AR = lexicon.keys("given", "ar")
GIVEN_FA = lexicon.keys("given", "fa")
GIVEN_HE = lexicon.keys("given", "he")
# Hand lists plus the generated table (data/gazetteer/given_names.tsv: Faker, persian-names, people.tsv).
GIVEN = {"ar": GIVEN_AR | lexicon.given_names("ar"), "fa": GIVEN_FA | GIVEN_AR | lexicon.given_names("fa"),
         "he": GIVEN_HE | lexicon.given_names("he")}


@lru_cache(maxsize=1)
def triggers() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """Person triggers per language, indexed by first key."""
    return {
        "ar": _phrases(PER_TRIGGERS_AR),
        "fa": _phrases(PER_TRIGGERS_FA + "|" + PER_TRIGGERS_AR),
        "he": _phrases(PER_TRIGGERS_HE),
        "en": _phrases(PER_TRIGGERS_EN),
    }


# Folding ى to ي makes the preposition على the name علي (Ali): keep it out of the
# folded stop list and test the written form instead (see :func:`is_stop`).
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_STOP_AR_FOLDED = STOP_AR - {normalise("على")}
_STOP_BY_LANG = {"ar": _STOP_AR_FOLDED, "fa": STOP_FA | _STOP_AR_FOLDED, "he": STOP_HE}


def stop_words(lang: str) -> frozenset[str]:
    return _STOP_BY_LANG.get(lang, frozenset())


def is_stop(text: str, norm: str, lang: str) -> bool:
    """Stop word test that tells على (on) from علي (Ali) by the written letter."""
    return norm in stop_words(lang) or (lang == "ar" and _MARKS.sub("", text) in ("على", "وعلى", "فعلى"))


_ORG_HEADS = {"ar": ORG_HEADS_AR, "fa": ORG_HEADS_FA, "he": ORG_HEADS_HE}


def org_heads(lang: str) -> frozenset[str]:
    return _ORG_HEADS.get(lang, frozenset())
