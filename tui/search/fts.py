"""Library search on SQLite FTS5: what is indexed, and how a query becomes MATCH.

The index holds *folded* text (:func:`tui.text.normalize.fold_text`: harakat,
tatweel, niqqud gone, alef/ya/kaf/ta-marbuta forms merged, digits to ASCII,
case folded), computed once when an article is saved, so a search never
folds a body. It is spaced where ``unicode61`` would split words and FTS5's
``ascii`` tokenizer splits it (the same words as ``unicode61 remove_diacritics
0`` at half the cost: :mod:`tui.search.separators`); a query is folded and
spaced the same way and passed as quoted strings, which FTS5 splits with the
same tokenizer, so ``ארה"ב`` or ``O'Brien`` become the same adjacent words on
both sides.

Clitics (Arabic و ف ب ل ك ال, Hebrew ו ה ב ל מ ש כ) are handled at query
time, not in the index: a query word expands to the surface forms that
:func:`tui.search.terms.token_keys` would map onto it (إيران -> وإيران,
بإيران, الإيرانيين is not one of them), each checked against that very
function, so the rule is the same one the reader's hit marks use. The exact
word is listed twice, which in ``bm25()`` ranks an exact match above a
clitic one. Phrases match adjacent folded words; the first word of a phrase
may carry clitics. The word being typed (``live`` queries) is a prefix.

Columns and their ``bm25`` weights: title 3, body 1, notes 2, tags 3 (a
title hit counts three times a body hit, as before).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.search.query import Query
from tui.search.separators import fold_spaced, spaced
from tui.search.terms import query_keys, token_keys
from tui.text.normalize import (
    _AR_LETTERS,
    _AR_PREFIXES,
    _HE_LETTERS,
    _HE_PREFIXES,
)

COLUMNS = ("title", "body", "notes", "tags")
WEIGHTS = (3.0, 1.0, 2.0, 3.0)
FOLD_VERSION = "1"  # bump when fold_text changes: the index is rebuilt (a tokenizer change bumps DB_VERSION)
# Words are split by ``ascii`` on text that :func:`fold` spaced the way ``unicode61 remove_diacritics 0``
# splits it: the same words at half the cost (see tui.search.separators). DB_VERSION 5 moved to it.
TOKENIZER = "ascii"
_ARTICLE = "ال"
_PREFIX_CLITICS = ("", "و", "ب", "ل", "ف", "ال", "وال", "بال", "لل")
MAX_FORMS = 64
_ONE_TOKEN = re.compile(r"\w+")  # what the tokenizer keeps as one word (no quote or hyphen inside)


def fold(text: str) -> str:
    """What the index stores for a field: folded, and spaced where ``unicode61``
    would split words (see :mod:`tui.search.separators`)."""
    return fold_spaced(text) if text else ""  # spaced(fold_text(text)), in fewer passes


def index_values(title: str, body: str, tags: list[str], notes: str, note_tags: str) -> tuple[str, str, str, str]:
    """The four indexed columns of one article, from what the store keeps.

    The index is contentless (it keeps only the index, not a folded copy of
    every body: a third of the size and of the import's writing), so taking
    a row out of it means giving FTS5 these exact values again: everything
    that writes the index computes them here, from the stored fields.
    """
    return fold(title), fold(body), fold(notes), fold(" ".join([*tags, note_tags]))


def _quote(word: str) -> str:
    """A query string for MATCH, spaced as the index is (a separator inside
    makes it a phrase of the words on either side, as ``unicode61`` did)."""
    return '"' + spaced(word).replace('"', '""') + '"'


def surface_forms(key: str) -> list[str]:
    """Folded words that answer to ``key``: itself and itself behind clitics."""
    forms = [key]
    if _AR_LETTERS.match(key):
        bases = [key[2:]] if key.startswith(_ARTICLE) else [key, _ARTICLE + key]
        cands = [p + b for b in bases for p in ("", *_AR_PREFIXES)
                 if not (p.endswith(_ARTICLE) and b.startswith(_ARTICLE))]
    elif _HE_LETTERS.match(key):
        bases = [key] + ([key[1:]] if key.startswith("ה") else [])
        cands = [p + b for b in bases for p in _HE_PREFIXES]
    else:
        return forms
    for cand in cands:
        if cand not in forms and any(k == key for k, _ in token_keys(cand)):
            forms.append(cand)
    return forms[:MAX_FORMS]


Known = Callable[[str], bool]


def _keep(form: str, exact: str, known: Known | None) -> bool:
    """A clitic form goes into the query only when the index has that word
    (``known``): 30 forms of which one exists cost twice the time of one."""
    if form == exact or known is None or not _ONE_TOKEN.fullmatch(form):
        return True
    return known(form)


def term_expression(word: str, known: Known | None = None) -> str:
    """One query word: the exact word (twice, for rank) OR every clitic form."""
    forms: list[str] = []
    for key in query_keys(word):
        for form in surface_forms(key):
            if form not in forms and _keep(form, word, known):
                forms.append(form)
    parts = [_quote(word), *(_quote(f) for f in forms)]
    return "(" + " OR ".join(parts) + ")"


def phrase_expression(words: tuple[str, ...], known: Known | None = None) -> str:
    """Adjacent words; the first may carry clitics (بالملف النووي for "الملف النووي")."""
    rest = " ".join(words[1:])
    firsts: list[str] = []
    for key in query_keys(words[0]):
        for form in surface_forms(key):
            if form not in firsts and _keep(form, words[0], known):
                firsts.append(form)
    return "(" + " OR ".join(_quote(f"{first} {rest}") for first in firsts) + ")"


def prefix_expression(prefix: str, known_prefix: Known | None = None) -> str:
    """The word being typed: any word starting with it, also behind a common clitic."""
    script = _AR_LETTERS.match(prefix) is not None
    clitics = _PREFIX_CLITICS if script and len(prefix) >= 2 else ("",)
    kept = [c for c in clitics if not c or known_prefix is None or known_prefix(c + prefix)]
    return "(" + " OR ".join(_quote(c + prefix) + "*" for c in kept) + ")"


def match_expression(query: Query, known: Known | None = None, known_prefix: Known | None = None) -> str:
    """The FTS5 MATCH string for ``query`` (every part must match), "" when empty.

    ``known`` / ``known_prefix`` say whether the index holds a word / a word
    starting with a prefix; without them every clitic form is listed.
    """
    parts = [term_expression(t, known) for t in query.terms]
    parts += [phrase_expression(p, known) for p in query.phrases]
    if query.prefix:
        parts.append(prefix_expression(query.prefix, known_prefix))
    return " AND ".join(parts)
