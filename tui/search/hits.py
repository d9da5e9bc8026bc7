"""Where a query matches inside one text: logical spans for the reader's marks.

Computed on demand for the open article (tokenising one body takes a few
milliseconds), so the index never stores character offsets. The matching
rules are the index's: a word matches through its folded form or a clitic
stem, and the span covers the stem only (و|إيران), in the text as stored.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.search.query import Query
from tui.search.terms import query_keys, token_keys
from tui.text.normalize import Token, split_offset, tokenize

Span = tuple[int, int]
_AR_ARTICLE = "ال"
_HE_ARTICLE = "ה"


def _match(token: Token, keys: dict[str, float] | None, prefix: str = "") -> Span | None:
    """The part of ``token`` that answers to one of ``keys`` (or starts with ``prefix``)."""
    for key, plen in token_keys(token.norm):
        if (keys is not None and key in keys) or (prefix and key.startswith(prefix)):
            start = token.start + split_offset(token.text, plen) if plen else token.start
            return (start, token.end)
    return None


def find_hits(text: str, query: Query) -> list[Span]:
    """Sorted, non-overlapping ``(start, end)`` spans of ``text`` that match ``query``."""
    if query.empty or not text:
        return []
    tokens = tokenize(text)
    spans: list[Span] = []
    words = [query_keys(t) for t in query.terms]
    phrases = [[query_keys(w) for w in phrase] for phrase in query.phrases]
    may = _may_match(words + [keys for phrase in phrases for keys in phrase], query.prefix)
    for token in tokens:
        if not may(token.norm):
            continue
        for keys in words:
            if (span := _match(token, keys)) is not None:
                spans.append(span)
                break
        else:
            if query.prefix and (span := _match(token, None, query.prefix)) is not None:
                spans.append(span)
    for phrase in phrases:
        spans.extend(_phrase_spans(tokens, phrase, may))
    return _merge(spans)


def _core(key: str) -> str:
    """What a word must contain to answer to ``key``: a clitic reading of a
    word (:func:`tui.search.terms.token_keys`) is a piece of it, or that piece
    behind a restored article (ال / ה), so the key without its article is in it."""
    if key.startswith(_AR_ARTICLE):
        return key[len(_AR_ARTICLE):]
    return key[1:] if key.startswith(_HE_ARTICLE) else key


def _may_match(keys: list[dict[str, float]], prefix: str) -> Callable[[str], bool]:
    """A quick test a folded word must pass to answer to any of ``keys``:
    most words of a body fail it, and are never split into clitic readings
    (the costly part of marking the hits of a 20-result search)."""
    if prefix:
        return lambda norm: True
    cores = {_core(key) for group in keys for key in group}
    return lambda norm: any(core in norm for core in cores)


def _phrase_spans(tokens: list[Token], words: list[dict[str, float]],
                  may: Callable[[str], bool] = lambda norm: True) -> list[Span]:
    out = []
    n = len(words)
    for i in range(len(tokens) - n + 1):
        if not may(tokens[i].norm) or (first := _match(tokens[i], words[0])) is None:
            continue
        if all(_match(tokens[i + k], words[k]) for k in range(1, n)):
            out.append((first[0], tokens[i + n - 1].end))
    return out


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, spans: list[Span], width: int = 160) -> str:
    """One line of context around the first hit, hits left in logical order."""
    flat = " ".join(text.split())
    if not spans:
        return _cut(flat, 0, width)
    # Offsets are into the original text; re-find the first hit in the flattened one.
    word = text[spans[0][0]:spans[0][1]]
    at = max(flat.find(word), 0)
    return _cut(flat, max(at - width // 3, 0), width)


def _cut(flat: str, start: int, width: int) -> str:
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    piece = flat[start:start + width]
    if start + width < len(flat):
        cut = piece.rfind(" ")
        piece = (piece[:cut] if cut > width // 2 else piece) + " …"
    return ("… " if start > 0 else "") + piece
