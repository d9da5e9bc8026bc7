"""Parse what the analyst typed into terms and quoted phrases.

Terms are folded with the same :func:`tui.text.normalize.tokenize` the index
uses, so a query typed with harakat, tatweel, hamza on alef or Persian
letters matches text written without them (and the other way round).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.text.normalize import tokenize

_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')
# An ASCII quote between Hebrew letters is a gershayim (ארה"ב), not a phrase mark.
_HEBREW_ACRONYM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')


@dataclass(frozen=True)
class Query:
    """Every term and every phrase must match (AND); ``prefix`` completes a word being typed."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: str = ""
    raw: str = field(default="", compare=False)

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefix)

    @property
    def all_terms(self) -> tuple[str, ...]:
        """Every folded word of the query (terms and phrase words)."""
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(phrase)
        return tuple(words)


def parse_query(text: str, live: bool = False) -> Query:
    """Split ``text`` into folded terms and quoted phrases.

    With ``live`` (the search box, as the user types) the last bare word is a
    prefix, unless the text ends in a space: typing "Ira" already finds Iran.
    A one-word phrase is just a term; an unclosed quote is treated as closed.
    """
    phrases: list[tuple[str, ...]] = []
    text = _close_quotes(_HEBREW_ACRONYM.sub("\u05f4", text))

    def take(match: re.Match[str]) -> str:
        inner = next((g for g in match.groups() if g is not None), "")
        words = tuple(t.norm for t in tokenize(inner))
        if len(words) > 1:
            phrases.append(words)
        elif words:
            return f" {inner} "
        return " "

    rest = _QUOTED.sub(take, text)
    terms = [t.norm for t in tokenize(rest)]
    prefix = ""
    if live and terms and not rest[-1:].isspace() and rest.rstrip() == rest:
        prefix = terms.pop()
    return Query(tuple(dict.fromkeys(terms)), tuple(phrases), prefix, raw=text)


def _close_quotes(text: str) -> str:
    return text + '"' if text.count('"') % 2 else text
