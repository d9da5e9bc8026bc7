"""Gazetteer tables: loading, merging and a token index for longest match.

Tables live in ``data/gazetteer/*.tsv``, one entity per line::

    id <TAB> type <TAB> en <TAB> ar <TAB> fa <TAB> he

with ``|`` between spellings, the preferred one first. ``places.tsv`` is
generated (``data/gazetteer/build.py``); ``aliases.tsv``, ``people.tsv`` and
``orgs.tsv`` are hand-written. Rows with the same id are merged, so a hand
alias adds spellings to a generated country.

Why an index per language: a Persian common word can be an Arabic name and
vice versa (مجلس is "parliament" in Persian news, "council" in Arabic), so
Arabic-script text looks up the table of the document's language. Persian
looks at Arabic spellings of *people* too, since Persian news often writes
Arab names the Arabic way.

Everything is loaded lazily, once per process (:func:`default_gazetteer`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from tui.text.normalize import clitic_candidates, normalise, tokenize

LANGS = ("en", "ar", "fa", "he")
TABLES = ("places.tsv", "region_cities.tsv", "world_cities.tsv", "aliases.tsv", "orgs.tsv", "region_orgs.tsv", "people.tsv")


def data_dir() -> Path:
    """Where the tables are: inside an installed wheel (``tui/_data``) or the repo."""
    pkg = Path(__file__).resolve().parent.parent
    for candidate in (pkg / "_data" / "gazetteer", pkg.parent / "data" / "gazetteer"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("gazetteer tables not found (data/gazetteer)")


@dataclass
class GazEntry:
    """One known entity with its spellings per language."""

    id: str
    type: str
    names: dict[str, list[str]] = field(default_factory=dict)

    @property
    def gloss(self) -> str:
        return (self.names.get("en") or [""])[0]

    def name_in(self, lang: str) -> str:
        for L in (lang, "en", "ar", "fa", "he"):
            if self.names.get(L):
                return self.names[L][0]
        return self.id


@dataclass(frozen=True, slots=True)
class Alias:
    """A spelling as a key sequence, with what a text match must also satisfy."""

    keys: tuple[str, ...]
    gaps: tuple[str, ...]  # punctuation between the alias's tokens ("" = space)
    case: tuple[str, ...]  # per token: "A" ALL CAPS (acronym), "C" Capitalised, "" any
    entity_id: str


_GAP_SPACE = re.compile(r"[\s\u200c\u200f\u200e]+")
_GAP_DASH = re.compile(r"[\u05be\u2010-\u2015]")


@lru_cache(maxsize=1024)
def gap_key(gap: str) -> str:
    """Compare the text between two tokens ignoring spaces; hyphen forms are one.

    Cached: the rules ask it of the same few gaps (" ", "، ", ". ") tens of thousands of times per text.
    """
    return _GAP_DASH.sub("-", _GAP_SPACE.sub("", gap))


def alias_variants(name: str) -> list[str]:
    """Spelling variants no table lists: عبد الرحمن <-> عبدالرحمن, أبو ظبي <-> أبوظبي."""
    if "ال" not in name:
        return [name]  # both patterns need the article: most of the ~26,000 names skip the regexes
    joined, split = _lead_patterns()
    return sorted({name, joined.sub(r"\1\2", name), split.sub(r"\1 \2", name)})


@cache
def _lead_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """عبد، أبو (data/lexicon/ar.toml [lead_connectors]) before the article, apart and joined."""
    from tui.entities import lexicon

    lead = "|".join(sorted(lexicon.raw("lead_connectors", "ar"), key=len, reverse=True))
    return re.compile(rf"\b({lead})\s+(ال)"), re.compile(rf"\b({lead})(ال)")


# One copy of each gaps/case tuple: ~180 distinct ones among ~24,000 aliases (~2 MB saved).
_SHARED: dict[tuple[str, ...], tuple[str, ...]] = {}


def make_alias(name: str, entity_id: str) -> Alias | None:
    toks = tokenize(name)
    if not toks:
        return None
    gaps = tuple(gap_key(name[a.end:b.start]) for a, b in zip(toks, toks[1:]))
    case = tuple(_case(t.text) for t in toks)
    return Alias(tuple(t.norm for t in toks), _SHARED.setdefault(gaps, gaps), _SHARED.setdefault(case, case),
                 entity_id)


def _case(word: str) -> str:
    if not (word[:1].isascii() and word[:1].isalpha()):
        return ""
    if word.isupper() and len(word) > 1:
        return "A"
    return "C" if word[:1].isupper() else ""


class Gazetteer:
    """Entities by id, and per-language indexes: first key -> aliases, longest first."""

    def __init__(self, entries: dict[str, GazEntry], nisba: dict[str, str] | None = None,
                 stop: dict[str, frozenset[str]] | None = None) -> None:
        self.entries = entries
        self.stop = stop or {}
        self.nisba = nisba or {}
        self._words: dict[tuple[str, str, str], tuple[tuple[int, str, Alias, bool], ...]] = {}
        self._plans: dict[tuple[str, str, str], tuple[Any, Any]] = {}
        self.index: dict[str, dict[str, list[Alias]]] = {L: {} for L in LANGS}
        # (language, alias) pairs indexed so far: a set lookup instead of a scan of the bucket with
        # dataclass equality (~150,000 comparisons of ~24,000 aliases on load)
        self._seen: set[tuple[str, Alias]] = set()
        for entry in entries.values():
            self._index_entry(entry)
        del self._seen
        for table in self.index.values():
            for key in table:
                table[key].sort(key=lambda a: -len(a.keys))

    def _index_entry(self, entry: GazEntry) -> None:
        for lang, names in entry.names.items():
            targets = [lang]
            if lang == "ar" and entry.type == "PER":
                targets.append("fa")  # Persian news writes Arab names the Arabic way
            for name in names:
                for variant in alias_variants(name):
                    alias = make_alias(variant, entry.id)
                    if alias is None or (len(alias.keys) == 1 and alias.keys[0] in self.stop.get(lang, ())):
                        continue  # a one-word name that is also a common word (دوشنبه = Monday)
                    for L in targets:
                        if (L, alias) not in self._seen:
                            self._seen.add((L, alias))
                            self.index[L].setdefault(alias.keys[0], []).append(alias)

    @classmethod
    def from_index(cls, entries: dict[str, GazEntry], nisba: dict[str, str], stop: dict[str, frozenset[str]],
                   index: dict[str, dict[str, list[Alias]]]) -> Gazetteer:
        """A gazetteer whose index was built before (a prebuilt file): nothing is tokenised again."""
        gaz = cls.__new__(cls)
        gaz.entries, gaz.nisba, gaz.stop, gaz.index = entries, nisba, stop, index
        gaz._words, gaz._plans = {}, {}
        return gaz

    def lookup(self, lang: str, key: str) -> list[Alias]:
        return self.index.get(lang, {}).get(key, [])

    def word_aliases(self, lang: str, text_lang: str, norm: str) -> tuple[tuple[int, str, Alias, bool], ...]:
        """(prefix length, stem, alias, whether the alias must be checked beyond its first key) of every
        alias a token ``norm`` of ``lang`` in a text of ``text_lang`` may open, in the order the longest
        match tries them (each clitic reading, then the bucket's order).

        Why: the longest match asks this of every token several times per text, and a text repeats
        its words; the clitic readings and the index are the same each time, so they are gathered
        once per distinct word (most words gather nothing) and kept here, at most 16,384 words
        (then forgotten at once: a few MB at most in the app).
        """
        key = (lang, text_lang, norm)
        found = self._words.get(key)
        if found is None:
            if len(self._words) >= 16_384:
                self._words.clear()
            found = self._words[key] = self._gather(lang, text_lang, norm)
        return found

    def forget_words(self) -> None:
        """Drop the per-word aliases gathered so far (benchmarks measure the work, not the lookups)."""
        self._words.clear()
        self._plans.clear()

    def word_alias_plan(self, lang: str, text_lang: str, norm: str, keep: frozenset[str]) -> tuple[
            tuple[tuple[int, int, str, Alias, bool], ...], dict[str, tuple[tuple[int, int, str, Alias, bool], ...]]]:
        """:meth:`word_aliases` numbered in their order and split in two: the aliases of one key and those of
        an entity in ``keep``, and the longer ones by their second key.

        Why: a word such as وزارة opens about a hundred aliases (وزارة الخارجية ...), and a text match
        needs the next token to be the alias's second key; the longest match reads the first list and the
        aliases of the next token's key, merged back in order (the same aliases it would have read through,
        less those the next token rules out at once). Kept per word like :meth:`word_aliases`.
        """
        key = (lang, text_lang, norm)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) >= 16_384:
                self._plans.clear()
            always: list[tuple[int, int, str, Alias, bool]] = []
            by_next: dict[str, list[tuple[int, int, str, Alias, bool]]] = {}
            for pos, (plen, stem, alias, check) in enumerate(self.word_aliases(lang, text_lang, norm)):
                if len(alias.keys) == 1 or alias.entity_id in keep:
                    always.append((pos, plen, stem, alias, check))
                else:
                    by_next.setdefault(alias.keys[1], []).append((pos, plen, stem, alias, check))
            plan = self._plans[key] = (tuple(always), {k: tuple(v) for k, v in by_next.items()})
        return plan

    def _gather(self, lang: str, text_lang: str, norm: str) -> tuple[tuple[int, str, Alias, bool], ...]:
        out = []
        table, own = self.index.get(lang, {}), self.index.get(text_lang, {})
        for plen, stem in clitic_candidates(norm) if lang != "en" else ((0, norm),):
            aliases = table.get(stem, [])
            if lang == "en" and text_lang in ("ar", "fa", "he"):  # ל־ynet: a Latin name the text's own column spells
                aliases = [*aliases, *own.get(stem, [])]
            if not aliases:
                continue
            for alias in aliases:
                if plen and len(alias.keys) == 1 and len(stem) < 3:
                    continue  # a lone two-letter stem after stripping is too weak (בתל אביב is fine)
                out.append((plen, stem, alias, len(alias.keys) > 1 or any(alias.case)))
        return tuple(out)

    def has_key(self, lang: str, key: str) -> bool:
        return key in self.index.get(lang, {})


def parse_table(text: str) -> list[GazEntry]:
    """Parse one TSV table; blank lines and ``#`` comments are skipped."""
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        entry = GazEntry(cols[0], cols[1])
        for lang, cell in zip(LANGS, cols[2:]):
            names = [n.strip() for n in cell.split("|") if n.strip()]
            if names:
                entry.names[lang] = names
        out.append(entry)
    return out


def merge(entries: list[GazEntry]) -> dict[str, GazEntry]:
    """Merge rows by id; a later table's first spelling becomes preferred."""
    merged: dict[str, GazEntry] = {}
    for e in entries:
        if e.id not in merged:
            merged[e.id] = GazEntry(e.id, e.type, {k: list(v) for k, v in e.names.items()})
            continue
        old = merged[e.id]
        old.type = e.type
        for lang, names in e.names.items():
            old.names[lang] = list(dict.fromkeys(names + old.names.get(lang, [])))
    return merged


# Inflections of a nationality adjective: masculine/feminine, plurals, article.
_NISBA_SUFFIX = {
    "ar": ("", "ة", "ون", "ين", "يين", "يون", "ات"),
    "fa": ("", "ها", "های"),
    "he": ("", "ת", "ים", "יות"),
    "en": ("", "s"),
}
_NISBA_PREFIX = {"ar": ("", "ال"), "fa": ("",), "he": ("", "ה"), "en": ("",)}


def parse_nisba(text: str) -> dict[str, str]:
    """Map every inflected, normalised nationality adjective to its place id."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        for lang, cell in zip(LANGS, cols[1:]):
            for base in filter(None, cell.split("|")):
                for pre in _NISBA_PREFIX[lang]:
                    for suf in _NISBA_SUFFIX[lang]:
                        stem = base[:-1] if lang == "ar" and suf in ("يين", "يون") and base.endswith("ي") else base
                        out.setdefault(normalise(pre + stem + suf), cols[0])
    return out


_BUILD_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The shipped tables, loaded once per process.

    Under a lock: the app's threads (the background index fill, an article
    read in a worker) used to ask at the same moment and each built its own
    copy (~10 MB each), one of which the engine then kept besides the cached one.
    """
    with _BUILD_LOCK:
        return _load_default()


def gazetteer_loaded() -> bool:
    """Whether the tables are in memory already (nothing is loaded by asking)."""
    return _load_default.cache_info().currsize > 0


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    """The shipped tables, from a prebuilt file when one was made from the same data and code
    (:mod:`tui.entities.prebuilt`: ~1.5 s of building becomes a read of ~2 MB)."""
    from tui.entities import prebuilt

    root = data_dir()
    return prebuilt.cached("gazetteer", _sources(root), lambda: _build_default(root), _to_plain, _from_plain)


def _sources(root: Path) -> list[Path]:
    """Everything the default gazetteer is built from: its tables, the word lists (stop words, lead
    connectors), and the code that reads, folds and tokenises them."""
    from tui.entities import lexicon

    here = Path(__file__).resolve().parent
    code = [here / f"{name}.py" for name in ("gazetteer", "rules", "lexicon", "prebuilt")]
    lists = sorted(lexicon.lexicon_dir().glob("*.toml"))
    return [root / name for name in (*TABLES, "nisba.tsv")] + lists + code + [here.parent / "text" / "normalize.py"]


def _to_plain(gaz: Gazetteer) -> tuple:
    """The gazetteer as marshal-able values: entries, nisba, stop words and the index's aliases as tuples."""
    return ({k: (e.type, e.names) for k, e in gaz.entries.items()}, gaz.nisba, gaz.stop,
            {L: {key: [(a.keys, a.gaps, a.case, a.entity_id) for a in bucket] for key, bucket in table.items()}
             for L, table in gaz.index.items()})


def _from_plain(plain: tuple) -> Gazetteer:
    entries, nisba, stop, index = plain
    return Gazetteer.from_index({k: GazEntry(k, t, names) for k, (t, names) in entries.items()}, nisba, stop,
                                {L: {key: [Alias(*a) for a in bucket] for key, bucket in table.items()}
                                 for L, table in index.items()})


def _build_default(root: Path) -> Gazetteer:
    rows: list[GazEntry] = []
    for name in TABLES:
        path = root / name
        if path.exists():
            rows.extend(parse_table(path.read_text(encoding="utf-8")))
    nisba_path = root / "nisba.tsv"
    nisba = parse_nisba(nisba_path.read_text(encoding="utf-8")) if nisba_path.exists() else {}
    from tui.entities.rules import stop_words

    return Gazetteer(merge(rows), nisba, {L: stop_words(L) for L in LANGS})
