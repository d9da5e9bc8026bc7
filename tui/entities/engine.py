"""The default offline engine: gazetteer longest match plus context rules.

How one text is read, in order (each step only where earlier ones found nothing):

1. Tokenise the original text (offsets kept), fold each token to its key.
2. At each token, try the gazetteer: every clitic split of the token
   (وبالولايات -> الولايات) against the language's index, longest alias wins.
3. Otherwise try rules: a quoted outlet after موقع/وكالة/...; an
   organisation head (وزارة، حزب، משרד ...) with its modifiers; a title
   (الرئيس، وزير الخارجية، שר החוץ, President ...) that makes the next
   name-like words a person; capitalised sequences in Latin text.
4. A second pass links later short mentions of people found in step 2/3 by
   their full name (عبدالفتاح السيسي ... السيسي), learnt per text, so a
   surname that is also a common word is only trusted after its full name.

Precision is favoured over recall: an unknown word becomes an entity only
with positive evidence (a title, a head noun, quotes after an outlet word,
capitalisation in English).

This module is the orchestration: the :class:`Engine` protocol, the
language guess and the order in which :class:`RuleEngine` tries the rule
families. The rules live in :mod:`~tui.entities.persons`,
:mod:`~tui.entities.orgs`, :mod:`~tui.entities.places` and
:mod:`~tui.entities.latin`, the token tests they share in
:mod:`~tui.entities.doc`, and the clean-up of their hits in
:mod:`~tui.entities.resolve`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from tui.entities import lexicon, rules
from tui.entities.doc import (
    _JOINERS,
    _Doc,
    _given,
    _he_verb,
    _Hit,
    boundary,
    collection_paused,
    gazetteer_match,
    is_country,
    is_nisba,
    name_like,
    plain,
    trigger_match,
)
from tui.entities.foreign import foreign_names, loanword_orgs
from tui.entities.gates import token_masks
from tui.entities.gazetteer import Gazetteer, default_gazetteer, gap_key
from tui.entities.guards import trim_common
from tui.entities.latin import capitalised, latin_tails, over_alias
from tui.entities.orgs import (
    _earlier_org,
    _office_of_province_fa,
    _sport_text,
    body_in_title,
    company_names_he,
    company_suffix_he,
    dateline_outlets,
    name_after_description,
    named_after_head,
    national_teams,
    nested_bodies,
    news_sites_fa,
    org_from_head,
    provincial_branches,
    quoted_outlet,
    reported_by,
    sport_clubs,
    town_clubs_ar,
    venue_seats,
)
from tui.entities.persons import (
    _coordinated,
    _given_place_person,
    _joined_end,
    _of_phrase_ar,
    and_given,
    appositive,
    foreign_people,
    given_title_person,
    initial_surname,
    person_after_title,
    person_from_given_name,
    said_person,
)
from tui.entities.places import coordinated_places, event_places, loc_from_head, place_list, regional_places
from tui.entities.resolve import (
    _bracketed,
    _dropped,
    _link_short_names,
    _merge_prefixes,
    _with_nisba,
    unknown_id,
)
from tui.models import Mention
from tui.text.normalize import clitic_candidates, guess_language, normalise

__all__ = ["Engine", "RuleEngine", "normalise_language"]


class Engine(Protocol):
    """Anything that finds mentions in a text. ``language`` is ar/fa/he/en or None (guess)."""

    def extract(self, text: str, language: str | None) -> list[Mention]: ...


def normalise_language(language: str | None, text: str) -> str:
    """Map "ar-EG", "per", "heb", "English" ... to ar/fa/he/en; guess when unknown."""
    code = (language or "").lower().replace("_", "-").split("-")[0]
    table = {"ar": "ar", "ara": "ar", "arabic": "ar", "fa": "fa", "per": "fa", "fas": "fa", "persian": "fa",
             "farsi": "fa", "he": "he", "iw": "he", "heb": "he", "hebrew": "he", "en": "en", "eng": "en",
             "english": "en"}
    return table.get(code) or guess_language(text)


_ADJ_PLACES_FA = lexicon.constrained("not_after_noun")
_COUNTRY_FA = lexicon.keys("country", "fa")
_PENDING_LINKS = lexicon.keys("pending_links")
_TITLE_ORG_HEADS = lexicon.keys("title_org_heads")
_FORMER_HE = lexicon.keys("former", "he")
_HEAD_BEFORE_NAME = lexicon.constrained("head_before_name")


_LEAGUE_HEADS_FA = lexicon.keys("league_heads", "fa")
_PLACE_DIRECTIONS = {lang: lexicon.keys("place_directions", lang) for lang in ("ar", "he")}
_LEAGUE_WORDS_FA = lexicon.keys("league_words", "fa")


def _league_fa(doc: _Doc, hit: _Hit) -> _Hit:
    """لیگ برتر فوتبال، لیگ برتر والیبال مردان، لیگ برتر شطرنج باشگاه‌های کشور: a known league and the sport,
    sex and scope words after it are one name."""
    toks, k = doc.toks, hit.j
    while k < len(toks) and not doc.broken(k) and (toks[k].norm in _LEAGUE_WORDS_FA or (
            doc.gaps[k] == "\u200c" and toks[k].norm in rules.SUFFIXES_FA and k > hit.j)):
        k += 1
    if k == hit.j or toks[k - 1].norm in rules.SUFFIXES_FA and k - 1 == hit.j:
        return hit
    return _Hit(hit.i, k, hit.start, toks[k - 1].end, hit.type, "")


def _club_word(doc: _Doc, i: int) -> str | None:
    """The club whose bare name, also an everyday word, token i is (homographs.tsv club_in_sport)."""
    clubs = lexicon.homograph_ids("club_in_sport", doc.tlang[i])
    return next((clubs[s] for _, s in clitic_candidates(doc.toks[i].norm)[:3] if s in clubs), None)


def _head_before_name(doc: _Doc, hit: _Hit) -> bool:
    """The place's spelling is also a place noun that heads a name (שדרות: Sderot, and "boulevard")."""
    if not _HEAD_BEFORE_NAME or normalise(doc.text[hit.start:hit.end]) not in _HEAD_BEFORE_NAME:
        return False
    k = hit.j
    if k >= len(doc.toks) or doc.broken(k):
        return False
    n, lang = doc.toks[k].norm, doc.tlang[k]
    if n[:1] in ("מ", "נ") and n.endswith(("ים", "ות")) and len(n) >= 6:
        return False  # תושבי שדרות מתלוננים: a plural participle
    return gazetteer_match(doc, k) is not None or n not in lexicon.common_words(lang) or (
        n[:1] == "ה" and n not in lexicon.common_words(lang, 1000) and not _he_verb(doc, k))
    # (a name, a known place, or a ה-noun (שדרות הגעתון); not a verb or an everyday word: תושבי שדרות חזרו)


def _opens_name(doc: _Doc, i: int) -> bool:
    """Token i opens a person's name (a listed given name or عبد/أبو) that a comma closes again."""
    n = doc.toks[i].norm
    if not (_given(doc, i) or n in rules.CONNECTORS or _rare_pair(doc, i)):
        return False
    k = i + 1
    if k + 1 < len(doc.toks) and doc.gaps[k].strip() == "(" and doc.gaps[k + 1].strip() == ")":
        k += 2  # גלעד (גילי) אלמקייס,: a nickname in brackets
    while k < len(doc.toks) and k - i <= 3 and not doc.broken(k):
        k += 1
    return k < len(doc.toks) and k - i >= 2 and gap_key(doc.gaps[k]) in (",", "،")


def _rare_pair(doc: _Doc, i: int) -> bool:
    """Tokens i, i+1 could be a name no list holds (מאמן הפועל, מרק זילברמן,): both name-like, no table's,
    and the second (a surname) no frequent word."""
    if i + 1 >= len(doc.toks) or doc.broken(i + 1) or doc.tlang[i] not in ("ar", "fa", "he"):
        return False
    lang, n = doc.tlang[i], doc.toks[i].norm
    if n in lexicon.common_words(lang, 1000 if lang == "he" else 0) or (lang == "he" and n[:1] == "ו" and n[1:] in lexicon.common_words(lang)):
        return False  # آلاف المناصرين، ואחריו פעילת: a frequent word opens no name
    return name_like(doc, i, first=True) and name_like(doc, i + 1, first=False) \
        and doc.toks[i + 1].norm not in lexicon.common_words(doc.tlang[i]) and gazetteer_match(doc, i) is None


@dataclass
class _State:
    """What the first pass carries from token to token: the mentions so far and how many more tokens
    a title just read still applies to (``pending``)."""

    hits: list[_Hit] = field(default_factory=list)
    pending: int = 0


@cache
def cascade() -> tuple[str, ...]:
    """The rule families in the order they are tried (``data/lexicon/cascade.toml``)."""
    path = lexicon.lexicon_dir() / "cascade.toml"
    steps = tuple(tomllib.loads(path.read_text(encoding="utf-8"))["cascade"]["steps"])
    unknown = [name for name in steps if not hasattr(RuleEngine, f"_step_{name}")]
    if unknown:
        raise ValueError(f"data/lexicon/cascade.toml names no rule family: {', '.join(unknown)}")
    return steps


class RuleEngine:
    """Rule and gazetteer engine; offline, deterministic, no model files."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer
        self._cascade: list[tuple[Callable[..., _Hit | int | None], bool]] | None = None
        self._by_mask: dict[int, tuple[tuple[Callable[..., _Hit | int | None], bool], ...]] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    def extract(self, text: str, language: str | None = None) -> list[Mention]:
        # (no reference cycles are made while reading: doc.collection_paused; the reading is freed in
        # _extract's frame, before the collector runs again, or its first pass would walk all of it)
        with collection_paused():
            return self._extract(text, language)

    def _extract(self, text: str, language: str | None) -> list[Mention]:
        doc, hits = self.read(text, language)
        return [self._mention(doc, h) for h in hits]

    def read(self, text: str, language: str | None = None) -> tuple[_Doc, list[_Hit]]:
        """The tokenised text and the rules' hits in text order: what :meth:`extract` returns as
        mentions, and what the statistical layer (:mod:`tui.entities.model`) rescores."""
        doc = _Doc(text, normalise_language(language, text), self.gazetteer)
        hits = self._first_pass(doc)
        hits = event_places(doc, regional_places(doc, sorted(hits + coordinated_places(doc, hits), key=lambda h: h.start)))
        hits = foreign_names(doc, sorted(hits + foreign_people(doc, hits), key=lambda h: h.start))
        hits = loanword_orgs(doc, latin_tails(doc, hits))
        hits = town_clubs_ar(doc, trim_common(doc, sorted(hits + sport_clubs(doc, hits), key=lambda h: h.start)))
        hits = reported_by(doc, national_teams(doc, venue_seats(doc, provincial_branches(doc, nested_bodies(doc, dateline_outlets(doc, hits))))))
        if doc.lang == "fa":
            hits = news_sites_fa(doc, hits)
        elif doc.lang == "he":
            hits = company_suffix_he(doc, company_names_he(doc, hits))
        for h in hits:
            h.entity_id = h.entity_id or unknown_id(h.type, doc, h)
        for h in hits:
            if h.src is not None:
                h.entity_id, h.type = h.src.entity_id, h.src.type
        _merge_prefixes(doc, hits)
        _link_short_names(doc, hits)
        hits += self._second_pass(doc, hits)
        hits = [h for h in hits if not _dropped(doc, h)]
        hits.sort(key=lambda h: h.start)
        return doc, hits

    def _first_pass(self, doc: _Doc) -> list[_Hit]:
        """Try the rule families in the order of ``data/lexicon/cascade.toml`` at each token; the first
        that finds a mention wins and reading goes on after it."""
        st = _State()
        masks, idle = token_masks(doc, cascade())
        i = 0
        while i < len(doc.toks):
            if st.pending and doc.broken(i) and not trigger_match(doc, i) and gap_key(doc.gaps[i]) not in ("'", "\u05f3") \
                    and not (gap_key(doc.gaps[i]) in (",", "،") and st.hits and st.hits[-1].j == i
                             and st.hits[-1].type != "PER") \
                    and not (gap_key(doc.gaps[i]) in (",", "،") and _opens_name(doc, i)):
                st.pending = 0  # (a comma after the title's place or body keeps it: דובר הנשיאות ברמאללה, נביל ...;
                # so does a name in apposition: رئيس مجلس إدارة الشركة، عبد الإله أوبلا،)
            found: _Hit | int | None = None
            for step, with_state in self._steps(masks[i] if st.pending else masks[i] & idle):
                found = step(doc, i, st) if with_state else step(doc, i)
                if found is not None:
                    break
            if isinstance(found, int):
                i = found  # the step read up to here itself (a title, a list of places)
            elif found is not None:
                i = self._take(doc, found, st)
            else:
                st.pending = self._keep_pending(doc, i, st.pending)
                i += 1
        return st.hits

    def _steps(self, mask: int) -> tuple[tuple[Callable[..., _Hit | int | None], bool], ...]:
        """The cascade's steps whose bit is set in ``mask`` (:mod:`~tui.entities.gates`: the families that
        may find a mention at a token), as callables in cascade order; a step that needs no state is its
        rule function itself (one call less per token on the hot path)."""
        got = self._by_mask.get(mask)
        if got is None:
            if self._cascade is None:
                self._cascade = [(_PLAIN_STEPS[name], False) if name in _PLAIN_STEPS
                                 else (getattr(self, f"_step_{name}"), True) for name in cascade()]
            got = self._by_mask[mask] = tuple(s for n, s in enumerate(self._cascade) if mask >> n & 1)
        return got

    @staticmethod
    def _take(doc: _Doc, hit: _Hit, st: _State) -> int:
        """Keep a found mention (and what comes with it); return where reading goes on."""
        hit = _with_nisba(doc, hit)
        st.hits.append(hit)
        if hit.type == "PER" and (st.pending or and_given(doc, hit.j)) and (second := _coordinated(doc, hit.j)) is not None:
            st.hits.append(second)
            st.pending = 0
            return second.j
        if hit.type in ("ORG", "LOC") and (alias := _bracketed(doc, hit)) is not None:
            st.hits.append(alias)  # سونا in وكالة السودان للأنباء (سونا), CHP
            st.pending = 0
            return alias.j
        st.pending = st.pending - 1 if hit.type != "PER" and st.pending else 0
        return hit.j

    # --- the rule families, in the names cascade.toml uses -----------------------------------------

    def _step_gazetteer(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        """A table alias, unless the context makes the spelling a word or a person."""
        hit = gazetteer_match(doc, i)
        if hit is not None and hit.type == "LOC" and hit.j == i + 1 and doc.tlang[i] == "fa" \
                and doc.toks[i].norm in _ADJ_PLACES_FA and i > 0 and not doc.broken(i) \
                and doc.toks[i - 1].norm not in rules.FUNCTION_FA and doc.toks[i - 1].norm not in _COUNTRY_FA:
            return None  # فساد مالی، بدهی مالی: "financial", not Mali
        if hit is not None and st.pending and hit.type == "PER" and hit.j == i + 1 and doc.tlang[i] != "en" \
                and (other := person_after_title(doc, i)) is not None and other.j == i + 2 \
                and gazetteer_match(doc, i + 1) is None and boundary(doc, i + 2):
            return other  # הכלכלן הראשי, מודי שפריר: not Modi
        if hit is not None and hit.type == "ORG" and doc.tlang[i] == "he" and hit.j - hit.i >= 2 \
                and hit.start == doc.toks[i].start and doc.toks[i].norm in rules.ORG_NAME_ONLY_HE:
            hit.i, hit.start = i + 1, doc.toks[i + 1].start  # חברת מקורות -> מקורות: only the name is listed
        if hit is not None and st.pending and hit.type == "LOC" and hit.j == i + 1 and doc.tlang[i] != "en" \
                and (doc.toks[i].norm in rules.GIVEN_PLACES or _given(doc, i)) \
                and (per := _given_place_person(doc, i)) is not None:
            return per  # ראש המועצה, ישראל גנץ: Yisrael the man, not Israel
        if hit is not None and hit.type == "LOC" and hit.j == i + 1 and doc.tlang[i] != "en" and _given(doc, i) \
                and hit.start == doc.toks[i].start and i + 1 < len(doc.toks) and not doc.broken(i + 1) \
                and doc.toks[i + 1].norm in lexicon.surnames(doc.tlang[i]) and gazetteer_match(doc, i + 1) is None:
            j = _joined_end(doc, i + 2)  # (אריאל דהן־לוי: the surname's joined pieces too)
            return _Hit(i, j, doc.toks[i].start, doc.toks[j - 1].end, "PER", "")  # אריאל הרוש: the man, not the town
        if hit is not None and hit.type == "LOC" and hit.j < len(doc.toks) and not doc.broken(hit.j) \
                and doc.toks[hit.j].norm in _PLACE_DIRECTIONS.get(doc.tlang[hit.j], ()) \
                and not is_country(hit.entity_id) \
                and not (i > 0 and not doc.broken(i) and doc.toks[i - 1].norm in rules.LOC_NAME_HEADS_AR):
            hit = _Hit(hit.i, hit.j + 1, hit.start, doc.toks[hit.j].end, "LOC", "")  # הגליל המערבי، البقاع الغربي
            # (but ريف حمص الشرقي: the direction of the countryside, after a place noun)
        if hit is not None and hit.type == "ORG" and hit.j == i + 1 and doc.tlang[i] in ("ar", "fa") \
                and _club_word(doc, i) == hit.entity_id and not _sport_text(doc, doc.tlang[i]):
            return None  # استقلال بانک مرکزی: independence; the club's bare name only in a sports text
        if hit is not None and hit.type == "ORG" and doc.tlang[i] == "fa" and doc.toks[i].norm in _LEAGUE_HEADS_FA:
            hit = _league_fa(doc, hit)  # لیگ برتر والیبال مردان: the league's name runs over its sport
        if hit is not None and hit.j == i + 1 and hit.type == "LOC" and _head_before_name(doc, hit) \
                and (named := loc_from_head(doc, i)) is not None and named.i == i and named.j > i + 1:
            return named  # בשדרות רגר: a boulevard named so, not the town Sderot (constraints.tsv head_before_name)
        if hit is not None and doc.tlang[i] == "en" and (run := over_alias(doc, i, hit, bool(st.pending))) is not None:
            return run  # Google Cloud, Negev Crystal Industries: a Latin name that begins with a table name
        return hit

    def _step_quoted_outlet(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return quoted_outlet(doc, i)

    def _step_initial_surname(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        hit = initial_surname(doc, i, bool(st.pending)) if doc.tlang[i] != "en" else None
        if hit is not None and doc.tlang[i] == "ar" and st.hits and hit.i < st.hits[-1].j <= i:
            hit.i, hit.start = i, doc.toks[i].start  # بلدية تفرغ زينة ف. منت أحمد: the body took the word before
        return hit

    def _step_named_after_head(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return named_after_head(doc, i)

    def _step_name_after_description(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return name_after_description(doc, i)

    def _step_given_title_person(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return given_title_person(doc, i, bool(st.pending))  # ...، امیر کرم زاده، گفت: Amir the man

    def _step_title(self, doc: _Doc, i: int, st: _State) -> int | None:
        """A title: a name before it in apposition, the body or place it names, then a person (pending)."""
        end = trigger_match(doc, i)
        if not end:
            return None
        if (before := appositive(doc, i, st.hits)) is not None:
            st.hits.append(before)
        body = next((g for k in range(i + 1, end) if (g := gazetteer_match(doc, k, "ORG")) is not None
                     and g.i == k and g.j > end), None)
        if body is not None:
            st.hits.append(body)  # رئيس حكومة | الوحدة الوطنية: the title's last word heads a known body
            end = body.j
        elif (office := _office_of_province_fa(doc, i, end)) is not None:
            st.hits.append(office)  # مدیرکل هواشناسی خوزستان: a provincial office with no head word
            end = office.j
        elif (muni := body_in_title(doc, i, end)) is not None:
            st.hits.append(muni)  # رئيس بلدية حلبا، ראש עיריית חיפה: the place, then the person
            end = muni.j
        elif end - i >= 2 and any(s in _TITLE_ORG_HEADS for _, s in clitic_candidates(doc.toks[end - 1].norm)[:3]) \
                and (org := org_from_head(doc, end - 1)) is not None and org.j > end:
            st.hits.append(org)  # والي بنك المغرب: the title's last word heads the body it names
            end = org.j
        st.pending = 5
        return end

    def _step_earlier_org(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return _earlier_org(doc, i, st.hits) if st.pending else None

    def _step_person_after_title(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        if not st.pending or (doc.tlang[i] == "fa" and doc.toks[i].norm in rules.PORTFOLIO):
            return None  # (وزیر ورزش و جوانان احمد دنیامالی: جوانان is the portfolio, not the name)
        return person_after_title(doc, i) if doc.tlang[i] != "en" else capitalised(doc, i, True)

    def _step_org_from_head(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return org_from_head(doc, i)

    def _step_place_list(self, doc: _Doc, i: int, st: _State) -> int | None:
        if doc.tlang[i] not in ("ar", "fa") or not (listed := place_list(doc, i)):
            return None
        st.hits.extend(listed)  # محافظات الكرك والطفيلة ومعان، شهرستان‌های حمیدیه، شادگان و ...
        st.pending = 0
        return listed[-1].j

    def _step_loc_from_head(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return loc_from_head(doc, i) if doc.tlang[i] != "en" else None

    def _step_person_from_given_name(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return person_from_given_name(doc, i, st.hits[-1].j if st.hits else 0) if doc.tlang[i] != "en" else None

    def _step_said_person(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        if doc.tlang[i] == "en":
            return None
        return said_person(doc, i, st.hits[-1].j if st.hits and st.hits[-1].type == "PER" else 0)

    def _step_capitalised(self, doc: _Doc, i: int, st: _State) -> _Hit | None:
        return capitalised(doc, i, False) if doc.tlang[i] == "en" else None

    @staticmethod
    def _keep_pending(doc: _Doc, i: int, pending: int) -> int:
        """Titles reach over modifiers: الإيراني، الخارجية، לשעבר; anything else ends them."""
        if not pending:
            return 0
        n, lang = doc.toks[i].norm, doc.tlang[i]
        if is_nisba(doc, i):
            return pending - 1
        if lang == "ar" and plain(doc.toks[i].text).startswith(("ال", "لل", "وال")):
            return pending - 1
        if lang == "he" and (n.startswith("ה") or n in _FORMER_HE):
            return pending - 1
        if lang == "ar" and _of_phrase_ar(doc, i):
            return pending - 1
        if n in rules.PORTFOLIO or (lang == "ar" and n[:1] == "و" and n[1:] in rules.PORTFOLIO):
            return pending - 1  # وزير الخارجية وشؤون المغتربين
        if lang == "ar" and any(s in rules.LOC_NAME_HEADS_AR or s in rules.ORG_HEADS_AR for _, s in clitic_candidates(n)[:3]):
            return pending - 1  # النائب عن محافظة حمص فراس الخطيب: the title's place or body before the name
        if lang == "he" and n.startswith("ל") and len(n) > 3 and not _given(doc, i):
            return pending  # השר לעניינים אסטרטגיים רון דרמר: a ל-portfolio
        if lang == "he" and i > 0 and doc.toks[i - 1].norm.startswith("ל") and n.endswith(("ים", "ית", "יות", "י")) \
                and not _given(doc, i):
            return pending - 1  # ... אסטרטגיים: its adjective
        if n in _PENDING_LINKS and i + 1 < len(doc.toks) and not doc.broken(i + 1):
            return pending - 1  # القيادي في منظمة بدر كريم النوري، وزیر راه و شهرسازی
        return 0

    def _second_pass(self, doc: _Doc, hits: list[_Hit]) -> list[_Hit]:
        """Surnames of people named in full earlier in the text: السيسي after عبدالفتاح السيسي."""
        learnt: dict[str, _Hit] = {}
        joined: dict[str, tuple[tuple[str, ...], _Hit]] = {}
        for h in hits:
            if h.type == "PER" and h.j - h.i >= 2:
                last = doc.toks[h.j - 1].norm
                a = h.j - 1
                while a > h.i + 1 and doc.gaps[a] in _JOINERS:
                    a -= 1  # صدری‌زاده، ברגר־אזולאי: the surname is the whole joined word, not its last piece
                if a < h.j - 1:
                    pieces = tuple(doc.toks[k].norm for k in range(a, h.j))
                    joined.setdefault(pieces[0], (pieces, h))
                elif len(last) >= 3 and last not in rules.stop_words(doc.tlang[h.j - 1]):
                    learnt.setdefault(last, h)
        if not learnt and not joined:
            return []
        for h in hits:  # קיש after יואב קיש: the known person's surname, not the island
            if h.type == "LOC" and h.j - h.i == 1 and doc.tlang[h.i] != "en":
                src = next((learnt[s] for _, s in clitic_candidates(doc.toks[h.i].norm) if s in learnt), None)
                if src is not None and src.entity_id and not src.entity_id.startswith("per:~"):
                    h.type, h.entity_id = "PER", src.entity_id
        covered = {k for h in hits for k in range(h.i, h.j)}
        out = []
        k = 0
        while k < len(doc.toks):
            tok = doc.toks[k]
            if k in covered:
                k += 1
                continue
            if joined and doc.tlang[k] != "en":
                got = next(((plen, joined[stem]) for plen, stem in clitic_candidates(tok.norm) if stem in joined), None)
                if got is not None:
                    plen, (pieces, src) = got
                    e = k + len(pieces)
                    if e <= len(doc.toks) and all(doc.gaps[m] in _JOINERS and doc.toks[m].norm == pieces[m - k]
                                                  for m in range(k + 1, e)) and not covered & set(range(k, e)):
                        out.append(_Hit(k, e, doc.start_after_clitic(k, plen), doc.toks[e - 1].end, "PER", src.entity_id))
                        k = e
                        continue
            k += 1
            for plen, stem in clitic_candidates(tok.norm) if doc.tlang[k - 1] != "en" else ((0, tok.norm),):
                if stem in learnt and (doc.tlang[k - 1] != "en" or tok.text[:1].isupper()):
                    src = learnt[stem]
                    a = k - 2  # the word before: a relative's own given name (דורית שחם ובעלה יואב שחם)?
                    if plen == 0 and a >= 0 and a not in covered and not doc.broken(k - 1) and doc.tlang[a] == doc.tlang[k - 1] \
                            and doc.tlang[a] in ("he", "fa") and _given(doc, a) and not gazetteer_match(doc, a) \
                            and doc.toks[a].norm not in lexicon.common_words(doc.tlang[a]) \
                            and src.i != a and doc.toks[src.i].norm != doc.toks[a].norm:
                        kin = _Hit(a, k, doc.toks[a].start, tok.end, "PER", "")
                        kin.entity_id = unknown_id("PER", doc, kin)
                        out.append(kin)
                        break
                    out.append(_Hit(k - 1, k, doc.start_after_clitic(k - 1, plen), tok.end, "PER", src.entity_id))
                    break
        return out

    def _mention(self, doc: _Doc, h: _Hit) -> Mention:
        surface = doc.text[h.start:h.end]
        return Mention(type=h.type, start=h.start, end=h.end, surface=surface, entity_id=h.entity_id)  # type: ignore[arg-type]


# Steps that are a rule function of (doc, i) as it is: called directly by the cascade.
_PLAIN_STEPS: dict[str, Callable[[_Doc, int], _Hit | None]] = {
    "quoted_outlet": quoted_outlet,
    "named_after_head": named_after_head,
    "name_after_description": name_after_description,
    "org_from_head": org_from_head,
}
