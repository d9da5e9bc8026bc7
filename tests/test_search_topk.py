"""Ranking only a rare clitic form's rows (tui.search.topk) gives the list ranking every match gives.

Real libraries in temp folders: one where a rare form (والانتخابات) and a
common one (الانتخابات) both answer a query, so the best rows are the rare
form's and the rest can be left unranked; one where the bound does not hold
(the common form is rare too), so every match is ranked.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tui.models import Article
from tui.search import parse_query, topk
from tui.search.fts import match_expression
from tui.store import Store
from tui.store.articles import ListQuery, _rank

FILLER = "قال المتحدث إن الاجتماع بحث ملفات عدة في العاصمة أمس"


def _article(i: int, title: str, body: str) -> Article:
    """Bodies end in the article's number: the store keeps one copy of identical texts."""
    return Article(id=f"a{i:04d}", title=title, body=f"{body} {i}", url=f"https://example.org/{i}", language="ar")


def _library(folder: Path, strong: int, weak: int, other: int, weak_in_title: bool = False) -> Store:
    """``strong`` articles with والانتخابات (some in the title, bodies of varied length),
    ``weak`` with الانتخابات only, ``other`` with neither. With ``weak_in_title``
    the weak articles are the best matches: والانتخابات once in long bodies."""
    store = Store(folder)
    arts = []
    for i in range(strong):
        if weak_in_title:
            arts.append(_article(i, "جدل في البرلمان", " ".join(["والانتخابات", *[FILLER] * 6])))
            continue
        title = "جدل حول والانتخابات المقبلة" if i % 3 == 0 else "جدل في البرلمان"
        arts.append(_article(i, title, " ".join(["والانتخابات"] * (1 + i % 4) + [FILLER] * (1 + i % 5))))
    for i in range(strong, strong + weak):
        title = "الانتخابات الانتخابات" if weak_in_title else "تقرير"
        arts.append(_article(i, title, f"الانتخابات {FILLER}"))
    for i in range(strong + weak, strong + weak + other):
        arts.append(_article(i, "خبر", FILLER))
    store.add_articles(arts)
    return store


@pytest.fixture
def pruned_store(tmp_path: Path) -> Store:
    store = _library(tmp_path / "lib", strong=40, weak=300, other=60)
    yield store
    store.close()


def _best(store: Store, text: str, limit: int) -> tuple[list[tuple[int, float]] | None, list[tuple[int, float]]]:
    conn = store.db.conn()
    expr = store.match(parse_query(text))
    return topk.best(conn, expr, limit, lambda e, n: _rank(conn, e, n)), _rank(conn, expr, limit)


def test_rare_form_rows_give_the_full_ranking(pruned_store: Store) -> None:
    for limit in (1, 5, 20, 40):
        got, full = _best(pruned_store, "والانتخابات", limit)
        assert got is not None, limit  # the rows without the rare form were left out ...
        assert got == full  # ... and the list, scores included, is the full ranking's


def test_search_and_cli_order_unchanged(pruned_store: Store) -> None:
    conn = pruned_store.db.conn()
    expr = pruned_store.match(parse_query("والانتخابات"))
    full = _rank(conn, expr, None)
    ids = dict(conn.execute("SELECT n, id FROM articles").fetchall())
    assert pruned_store.search(parse_query("والانتخابات"), 20) == [
        (ids[n], float(f"{-rank:.4g}")) for n, rank in full[:20]]


def test_each_kept_row_scores_as_in_the_full_query(pruned_store: Store) -> None:
    """The restricted MATCH keeps the query's phrases in order: every row's bm25 is the same number."""
    conn = pruned_store.db.conn()
    expr = pruned_store.match(parse_query("والانتخابات"))
    restricted = f'({expr}) NOT (("الانتخابات") NOT "والانتخابات")'
    full = dict(_rank(conn, expr, None))
    kept = dict(_rank(conn, restricted, None))
    assert len(kept) == 40 and len(full) == 340
    assert all(full[n] == score for n, score in kept.items())


def test_too_few_rare_rows_or_no_bound_ranks_everything(tmp_path: Path) -> None:
    store = _library(tmp_path / "few", strong=40, weak=300, other=60)
    got, full = _best(store, "والانتخابات", 41)  # more wanted than the rare form has rows
    assert got is None and len(full) == 41
    store.close()
    # The other form is rare too and in titles: its rows are the best, and the bound says they may be.
    store = _library(tmp_path / "close", strong=25, weak=20, other=500, weak_in_title=True)
    got, full = _best(store, "والانتخابات", 20)
    assert got is None
    assert {n for n, _ in full} & set(range(26, 46))  # rows 26-45 (الانتخابات only) are among the best
    store.close()


def test_single_form_and_phrase_queries_are_not_pruned(pruned_store: Store) -> None:
    assert _best(pruned_store, "المتحدث", 5)[0] is None  # one phrase only: nothing to leave out
    assert _best(pruned_store, '"قال المتحدث"', 5)[0] is None  # phrases: counting them costs what it saves


def test_groups_of_a_match_string() -> None:
    expr = match_expression(parse_query('طهران "قال المتحدث"'))
    parts = topk.groups(expr)
    assert parts is not None and len(parts) == 2
    assert parts[0][:2] == ['"طهران"', '"طهران"'] and parts[1][0] == '"قال المتحدث"'
    assert topk.groups('("a" OR "b")') == [['"a"', '"b"']]
    assert topk.groups('("a""b" OR "c") AND ("d")') == [['"a""b"', '"c"'], ['"d"']]
    for odd in ('"a" OR "b"', '("a") OR ("b")', '("a") NOT ("b")', '("a"', '("a" OR)', "", "()"):
        assert topk.groups(odd) is None, odd


def test_idf_and_row_count_as_fts5_has_them(pruned_store: Store) -> None:
    conn = pruned_store.db.conn()
    assert topk.fts_rows(conn) == 400
    assert topk.idf(1000, 10) == pytest.approx(math.log(990.5 / 10.5))
    assert topk.idf(1000, 900) == 1e-6  # FTS5's floor for a phrase in most rows
    assert topk._varint(bytes([0x81, 0x00])) == 128 and topk._varint(bytes([0x05])) == 5


def test_one_word_listed_twice_ranks_as_twice_its_own_score(pruned_store: Store) -> None:
    """bm25 of ("w" OR "w") is 2 x bm25("w"), bit for bit, on every row (what a one-form word is asked as)."""
    conn = pruned_store.db.conn()
    expr = pruned_store.match(parse_query("المتحدث"))
    single = topk.doubled(expr)
    assert single == '"المتحدث"'
    assert _rank(conn, single, None, scale=2) == _rank(conn, expr, None)
    assert topk.doubled('("a" OR "b")') is None and topk.doubled('("a" OR "a") AND ("b" OR "b")') is None
    assert topk.doubled('("a" OR "a" OR "a")') is None


def test_list_window_of_a_search_keeps_rank_order(pruned_store: Store) -> None:
    """The app's list asks for windows of a search: the same rows, in the full ranking's order."""
    conn = pruned_store.db.conn()
    ids = dict(conn.execute("SELECT n, id FROM articles").fetchall())
    for text in ("والانتخابات", "المتحدث", "الانتخابات المتحدث"):
        order = [ids[n] for n, _ in _rank(conn, pruned_store.match(parse_query(text)), None)]
        for offset, limit in ((0, 10), (0, 100), (5, 20), (330, 50), (500, 10)):
            rows = pruned_store.window(ListQuery(search=parse_query(text)), offset, limit)
            assert [r.article.id for r in rows] == order[offset:offset + limit], (text, offset, limit)
