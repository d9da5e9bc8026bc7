"""The rules' word lists, read from ``data/lexicon/{ar,fa,he,en}.toml``.

Why data and not code: a newcomer adds a title, a head noun or a stop word by
editing one sorted list (and a row of ``tests/fixtures/entity_cases.tsv``),
with no Python. Each table has ``doc`` (why the list exists), ``examples``
and either ``words`` (single words, folded with :func:`normalise` on load) or
``phrases`` (multi-word triggers, tokenised by the rules). A list may have
words in several files (a list of Arabic and Hebrew heads): :func:`keys`
without a language takes the union over all four.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from tui.text.normalize import normalise

LANGS = ("ar", "fa", "he", "en")


def lexicon_dir() -> Path:
    """Where the lists are: inside an installed wheel (``tui/_data``) or the repo."""
    pkg = Path(__file__).resolve().parent.parent
    for candidate in (pkg / "_data" / "lexicon", pkg.parent / "data" / "lexicon"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("word lists not found (data/lexicon)")


@cache
def tables(lang: str) -> dict[str, dict[str, Any]]:
    """All tables of one language file.

    Parsed once and kept as a prebuilt file (:mod:`prebuilt`): reading the four files with tomllib
    was ~0.1 s of every process that extracts entities."""
    path = lexicon_dir() / f"{lang}.toml"
    if not path.exists():
        return {}
    from tui.entities import prebuilt

    here = Path(__file__).resolve().parent
    return prebuilt.cached(f"lexicon-{lang}", [path, here / "lexicon.py", here / "prebuilt.py"],
                           lambda: tomllib.loads(path.read_text(encoding="utf-8")), prebuilt.as_is, _tables_back)


def _tables_back(plain: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return _shaped(plain, dict)


def _items(table: str, langs: tuple[str, ...], field: str) -> list[str]:
    out: list[str] = []
    found = False
    for lang in langs:
        t = tables(lang).get(table)
        if t is not None:
            found = True
            out.extend(t.get(field, ()))
    if not found:
        raise KeyError(f"no word list [{table}] in data/lexicon/{'|'.join(langs)}.toml")
    return out


@cache
def keys(table: str, lang: str | None = None) -> frozenset[str]:
    """The folded words of ``table`` (one language, or all when ``lang`` is None).

    Cached like every list here: a few rules ask for a list while they read (``sport_cues``), and
    folding its words again each time cost more than the rule."""
    return frozenset(normalise(w) for w in _items(table, (lang,) if lang else LANGS, "words"))


@cache
def raw(table: str, lang: str = "en") -> frozenset[str]:
    """The words of ``table`` as written (English lists are case-sensitive)."""
    return frozenset(_items(table, (lang,), "words"))


@cache
def phrases(table: str, lang: str) -> str:
    """The phrases of ``table`` joined by ``|``, the form the trigger index reads."""
    return "|".join(_items(table, (lang,), "phrases"))


@cache
def _constraints() -> dict[str, frozenset[str]]:
    """``data/gazetteer/constraints.tsv``: rule name -> folded spellings it applies to."""
    out: dict[str, set[str]] = {}
    path = lexicon_dir().parent / "gazetteer" / "constraints.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, _lang, rule = line.split("\t")[:3]
            out.setdefault(rule.strip(), set()).add(normalise(alias))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def constrained_as_written(rule: str) -> frozenset[str]:
    """Spellings of ``rule`` as written in constraints.tsv (for exact_form: hamza and all)."""
    path = lexicon_dir().parent / "gazetteer" / "constraints.tsv"
    return frozenset(line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#") and line.split("\t")[2].strip() == rule)


def constrained(rule: str) -> frozenset[str]:
    """Spellings a gazetteer constraint ``rule`` applies to (prefix_only, not_after_noun ...)."""
    return _constraints().get(rule, frozenset())


@cache
def _tsv_rows(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Language -> (folded word, third column) of each row of a ``lang<TAB>word[<TAB>rank]`` table.

    Read and folded once per file: the 1 MB frequency list is asked for per language and per rank
    cut-off (nine sets), and reading it for each one was ~0.9 s of a first extraction. Folding its
    ~55,000 words is itself ~0.4 s, so the result is kept in a prebuilt file too (:mod:`prebuilt`).
    """
    from tui.entities import prebuilt

    here = Path(__file__).resolve().parent
    sources = [path, here / "lexicon.py", here / "prebuilt.py", here.parent / "text" / "normalize.py"]
    return prebuilt.cached(f"words-{path.stem}", sources, lambda: _read_rows(path), prebuilt.as_is, _rows_back)


def _rows_back(plain: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    return _shaped(plain, list)


def _shaped(plain: Any, kind: type) -> Any:
    """``plain`` if it is a dict of strings to ``kind`` (what a prebuilt file must hold), else TypeError."""
    if not isinstance(plain, dict) or not all(isinstance(k, str) and isinstance(v, kind) for k, v in plain.items()):
        raise TypeError(f"not a dict of {kind.__name__}")
    return plain


def _read_rows(path: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            out.setdefault(cols[0], []).append((normalise(cols[1]), cols[2] if len(cols) > 2 else ""))
    return out


@cache
def _tsv_words(path: Path, lang: str, top: int = 0) -> frozenset[str]:
    """Folded words of ``lang`` in a ``lang<TAB>word[<TAB>rank]`` table (only rank <= top when top)."""
    rows = _tsv_rows(path).get(lang, [])
    if not top:
        return frozenset(word for word, _ in rows)
    return frozenset(word for word, rank in rows if int(rank) <= top)


@cache
def given_names(lang: str) -> frozenset[str]:
    """Generated given names (``data/gazetteer/given_names.tsv``, thousands per language).

    Cached by language: the rules ask for it (and :func:`surnames`) at many tokens of a text, and
    finding the file (``Path.resolve``, ``is_dir``) cost ~0.09 ms a call on this machine."""
    return _tsv_words(lexicon_dir().parent / "gazetteer" / "given_names.tsv", lang)


@cache
def surnames(lang: str) -> frozenset[str]:
    """Generated surnames (``data/gazetteer/surnames.tsv``)."""
    return _tsv_words(lexicon_dir().parent / "gazetteer" / "surnames.tsv", lang)


@cache
def common_words(lang: str, top: int = 0) -> frozenset[str]:
    """The most frequent words of ``lang`` (the ``top`` most frequent, or all 20,000) that are no
    known name (folded): never a name alone."""
    return _tsv_words(lexicon_dir() / "common_words.tsv", lang, top) - given_names(lang) - surnames(lang)


@cache
def _homographs() -> dict[tuple[str, str], frozenset[str]]:
    """``data/lexicon/homographs.tsv``: (rule, language) -> folded words that are names and everyday words."""
    out: dict[tuple[str, str], set[str]] = {}
    for line in (lexicon_dir() / "homographs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, lang, rule = line.split("\t")[:3]
            out.setdefault((rule.strip(), lang.strip()), set()).add(normalise(word))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def homograph_ids(rule: str, lang: str) -> dict[str, str]:
    """Folded word -> entity id for homograph rows of ``rule`` that name one entity (club_in_sport)."""
    out: dict[str, str] = {}
    for line in (lexicon_dir() / "homographs.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.strip() and not line.startswith("#") and len(cols) >= 5 and cols[2] == rule and cols[1] == lang:
            out[normalise(cols[0])] = cols[4].strip()
    return out


def homographs(rule: str, lang: str) -> frozenset[str]:
    """Names of ``lang`` that are also everyday words and need the context ``rule`` names (needs_surname)."""
    return _homographs().get((rule, lang), frozenset())
