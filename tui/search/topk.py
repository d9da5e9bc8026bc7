"""The best N matches of a search without ranking every match, with the same result.

Ranking is what a search in a big library spends its time on: FTS5 finds
the 390,000 rows of الرئيس at 1,000,000 articles in ~40 ms, then computes
``bm25()`` for each (~1 µs a row) to keep the best 20. A query word that
has clitic forms in the index is an OR of phrases (الرئيس -> "الرييس" twice,
"رييس"), and ``bm25()`` gives a rare phrase a high weight (IDF) and a common
one a low weight, so the best rows are nearly always rows with the rare
phrase. This module ranks only those, when it can show nothing else can get
into the list (a "max-score" bound, as search engines use):

- ``bm25()`` is a sum over the query's phrases of ``idf * f * (k1 + 1) /
  (f + k1 * (...))``; each term is below ``idf * (k1 + 1)`` (k1 = 1.2), and
  0 when the row lacks the phrase.
- In one OR group, call the phrase found in the fewest rows *strong* and the
  other phrases *weak*. A matching row without the strong phrase scores
  below ``B = 2.2 * (idf of every weak phrase of the group + idf of every
  phrase of the other groups)``, counted as often as each is listed.
- So rank only the rows with the strong phrase; if the last of the best N
  of them scores at least ``B``, no other row can get into the list, and
  the list is the one ranking every row gives.

The rows with the strong phrase are asked for as ``(query) NOT ((weak ...)
NOT strong)``: the query's own phrases in their own order, so every row's
``bm25()`` is the same number, bit for bit (the added phrases occur in none
of the rows returned, and adding 0.0 changes no sum; the tests compare the
two on every row). Each phrase's row count (for its IDF) is one ``count(*)``
(~0.1 µs a row against ~1 µs for ranking one); when the rows with the strong
phrase are not much fewer than all matches, or fewer than N, or the bound
does not hold, the caller ranks every match as before.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable

K1_PLUS_1 = 2.2  # FTS5's bm25 k1 (1.2) + 1: the most one phrase adds, times its IDF
MARGIN = 1e-9  # relative slack on the bound, for rounding in the IDF sums
WORTH = 0.6  # prune only when the strong phrase's rows are at most this share of all matches
_TOKEN = re.compile(r'\s*("(?:[^"]|"")*"\*?|\(|\)|OR\b|AND\b)')

Ranked = list[tuple[int, float]]
Rank = Callable[[str, int], Ranked]  # (MATCH string, limit) -> (rowid, bm25) best first


def groups(expr: str) -> list[list[str]] | None:
    """The AND-ed groups of OR-ed quoted phrases of a MATCH string built by
    :func:`tui.search.fts.match_expression`, phrases in order (duplicates kept);
    None for any other shape."""
    tokens: list[str] = []
    at = 0
    while at < len(expr):
        m = _TOKEN.match(expr, at)
        if m is None:
            return None
        tokens.append(m.group(1))
        at = m.end()
    out: list[list[str]] = []
    i = 0
    while i < len(tokens):
        if out:
            if tokens[i] != "AND":
                return None
            i += 1
        if i >= len(tokens) or tokens[i] != "(":
            return None
        group: list[str] = []
        i += 1
        while True:  # phrase (OR phrase)*
            if i >= len(tokens) or not tokens[i].startswith('"'):
                return None
            group.append(tokens[i])
            i += 1
            if i < len(tokens) and tokens[i] == "OR":
                i += 1
                continue
            break
        if i >= len(tokens) or tokens[i] != ")":
            return None
        out.append(group)
        i += 1
    return out or None


def doubled(expr: str) -> str | None:
    """The phrase of a MATCH string that is one phrase listed twice (a word with no
    clitic form in the index: the exact word is listed twice, for rank), else None."""
    parts = groups(expr)
    if parts is None or len(parts) != 1 or len(parts[0]) != 2 or parts[0][0] != parts[0][1]:
        return None
    return parts[0][0]


def idf(rows: int, hits: int) -> float:
    """FTS5's IDF of a phrase found in ``hits`` of ``rows`` rows (floored at 1e-6, as FTS5 does)."""
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else 1e-6


def best(conn: sqlite3.Connection, expr: str, limit: int, rank: Rank) -> Ranked | None:
    """The best ``limit`` matches of ``expr`` exactly as ``rank(expr, limit)`` gives
    them, ranking only the rows of one rare phrase; None when that is not shown
    to be exact or would not save work (the caller then ranks every match)."""
    parts = groups(expr)
    if parts is None or limit < 1 or not any(len(set(g)) > 1 for g in parts):
        return None
    if any(not _one_word(p) for g in parts for p in g):
        return None  # counting a phrase's rows checks positions: costs what it would save
    rows = fts_rows(conn)
    if rows is None:
        return None
    counts = {p: count(conn, p) for p in dict.fromkeys(p for g in parts for p in g)}
    if max(counts.values()) > rows:
        return None  # an index out of step with its own row count: rank everything, as FTS5 does
    choice = _strong(parts, counts)
    if choice is None:
        return None
    j, strong = choice
    # At most this many rows are ranked, of at most that many matches (each group's rows bound them).
    kept = min([counts[strong], *(sum(counts[p] for p in set(g)) for k, g in enumerate(parts) if k != j)])
    if kept < limit or kept > WORTH * min(sum(counts[p] for p in set(g)) for g in parts):
        return None
    weak = [p for p in dict.fromkeys(parts[j]) if p != strong and counts[p] > 0]
    bound = K1_PLUS_1 * sum(idf(rows, counts[p]) for k, g in enumerate(parts) for p in g
                            if counts[p] > 0 and (k != j or p != strong))
    ranked = rank(f"({expr}) NOT (({' OR '.join(weak)}) NOT {strong})", limit)
    if len(ranked) < limit or -ranked[-1][1] < bound * (1 + MARGIN):
        return None
    return ranked


def _one_word(phrase: str) -> bool:
    """A quoted phrase of one word (the tokenizer splits at ASCII spaces and punctuation)."""
    inner = phrase[1:-1]
    return phrase.endswith('"') and inner != "" and not any(c.isascii() and not c.isalnum() for c in inner)


def _strong(parts: list[list[str]], counts: dict[str, int]) -> tuple[int, str] | None:
    """(group, phrase): the phrase in the fewest rows (but some) of a group that
    has another phrase in some rows; None when no group has two such phrases."""
    found: tuple[int, str] | None = None
    for j, group in enumerate(parts):
        present = [p for p in dict.fromkeys(group) if counts[p] > 0]
        if len(present) < 2:
            continue
        rare = min(present, key=lambda p: counts[p])
        if found is None or counts[rare] < counts[found[1]]:
            found = (j, rare)
    return found


def count(conn: sqlite3.Connection, expr: str) -> int:
    """Rows matching ``expr`` (FTS5 counts a phrase's rows the same way for its IDF)."""
    return int(conn.execute("SELECT count(*) FROM search WHERE search MATCH ?", (expr,)).fetchone()[0])


def fts_rows(conn: sqlite3.Connection) -> int | None:
    """The row count ``bm25()`` uses: the first varint of FTS5's averages record
    (``search_data`` id 1); None when it cannot be read."""
    try:
        row = conn.execute("SELECT block FROM search_data WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    if row is None or not isinstance(row[0], bytes) or not row[0]:
        return None
    return _varint(row[0])


def _varint(data: bytes) -> int | None:
    """SQLite's variable-length integer at the start of ``data`` (big-endian, 7 bits a byte, 9th byte whole)."""
    value = 0
    for i, byte in enumerate(data[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return None
