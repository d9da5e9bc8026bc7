"""The search index's ``ascii`` tokenizer on spaced text finds what ``unicode61`` found.

Why: DB_VERSION 5 indexes folded text spaced by :func:`tui.search.separators.spaced`
with FTS5's ``ascii`` tokenizer instead of ``unicode61 remove_diacritics 0``
(half the cost of the index at import). The change must not change a single
search: the same words at the same positions (so phrases and ``bm25`` ranks
are the same), for the text and for the queries. Checked three ways: the
separator table against the running SQLite, the whole index of a mixed corpus
word by word, and the answers (ids and scores) to Arabic, Persian, Hebrew and
English queries with phrases, prefixes and clitics.
"""

from __future__ import annotations

import random
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

import tui.search.fts as fts
from tui.search.fts import WEIGHTS, fold, match_expression
from tui.search.query import parse_query
from tui.search.separators import spaced
from tui.store import Store
from tui.store.sql import DB_NAME, DB_VERSION
from tui.text.normalize import fold_text

SCALE = Path(__file__).resolve().parents[1] / "benchmarks" / "scale"
sys.path.insert(0, str(SCALE))

import textgen  # noqa: E402

# The blocks our readers' text lives in (and the punctuation around it).
BLOCKS = [(0x80, 0x24F), (0x2B0, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF), (0x600, 0x6FF), (0x750, 0x77F),
          (0x8A0, 0x8FF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
          (0x2500, 0x25FF), (0x3000, 0x303F), (0xFB1D, 0xFB4F), (0xFB50, 0xFDFF), (0xFE30, 0xFE4F),
          (0xFE70, 0xFEFF), (0xFF00, 0xFFEF), (0x1F300, 0x1F6FF), (0x1F900, 0x1F9FF)]

TEXTS = [
    "قال وزير الخارجية، في مؤتمر صحفي بطهران: «لن نتراجع» — وأضاف أنّ المحادثات مستمرة؟!",
    "وبحسب بيانات رسمية؛ استقبلت البصرة أكثر من ٧٢١٤ زائراً… والأسعار ارتفعت ٣٫٥٪ هذا العام.",
    "رئیس‌جمهور ایران گفت: «مذاکرات هسته‌ای ادامه دارد»؛ بانک مرکزی نرخ را ۲۰٪ کرد.",
    "ראש הממשלה אמר כי ארה״ב תתמוך בתוכנית; בית־ספר חדש נפתח בתל־אביב — ״הארץ״ דיווחה.",
    "Tehran's talks (nuclear) resumed — “World Bank” said oil prices rose 3.5% · Geneva, O'Brien, Al-Qassam.",
    "Emoji 😀 and symbols ☃ ✓ → ← ©2026 ® ™ § ¶ ° ± × ÷ “quotes” ‘single’ «guillemets» ‹one›",
    "Mixed: طهران/Tehran, بغداد-Baghdad, 10\u00a0000 \u202fنسمة, a\u200bb, c\u2060d, ﻻ ﷲ ﷺ",
    "Greek ΣΟΦΙΑ σοφία, German Straße STRASSE, Turkish İstanbul ıi, Cherokee ᏣᎳᎩ ꮳꮃꭹ",
    "الأمم المتحدة وصندوق النقد الدولي: إعادة الإعمار، اللاجئين، والانتخابات البرلمانية.",
    "ש\"ס ו־כ\"ץ; עראקצ'י אמר: 'לא' — סמוטריץ' (השר) ב\"הארץ\"",
]

QUERIES = ["طهران", "وزير الخارجية", '"لن نتراجع"', "المحادثات", "مستمرة", "البصرة", "٧٢١٤", "7214",
           "رئیس‌جمهور", "رئیس جمهور", '"مذاکرات هسته‌ای"', "بانک مرکزی", "ארה\"ב", "בית־ספר", "בית ספר",
           "תל־אביב", "הארץ", "Tehran", "tehran's", "nuclear talks", '"World Bank"', "O'Brien", "al-qassam",
           "Straße", "strasse", "σοφια", "ΣΟΦΙΑ", "istanbul", "ᏣᎳᎩ", "ꮳꮃꭹ", "😀", "☃", "©2026", "10 000",
           "نسمة", "ab", "cd", "لا", "الله", "الأمم", "النقد الدولي", '"إعادة الإعمار"', "والانتخابات",
           "اللاجئين", "ש\"ס", "כ\"ץ", "עראקצ'י", "סמוטריץ'", "لن", "zzqx"]
LIVE = ["طه", "الم", "مذا", "בית", "תל", "Teh", "wor", "str", "σο", "وال", "بال"]


def _corpus() -> list[str]:
    rng = random.Random(13)
    texts = list(TEXTS)
    for lang in ("ar", "fa", "en", "ar", "fa", "en"):
        for _ in range(12):
            texts.append(textgen.title(rng, lang) + "\n\n" + "\n\n".join(textgen.paragraphs(rng, lang, 120)))
    pieces = [*TEXTS, "،", "«", "»", "؛", "؟", "—", "…", "\u00a0", "\u200c", "·", "•", "٪", "٫", "־", "׃", "📰", "☃"]
    for _ in range(60):  # word salad of every kind of separator between every kind of word
        texts.append(" ".join(rng.choice(rng.choice(pieces).split() or ["x"]) + rng.choice(pieces[-17:])
                              for _ in range(40)))
    return texts


def _index(tokenizer: str, fold_one: object, texts: Iterable[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE s USING fts5(title, body, notes, tags, tokenize='{tokenizer}', content='')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(s, 'instance')")
    rows = []
    for n, text in enumerate(texts, 1):
        title, _, body = text.partition("\n\n")
        rows.append((n, fold_one(title), fold_one(body or title), "", ""))  # type: ignore[operator]
    conn.executemany("INSERT INTO s(rowid, title, body, notes, tags) VALUES (?, ?, ?, ?, ?)", rows)
    return conn


def _old_fold(text: str) -> str:
    return fold_text(text) if text else ""


@pytest.fixture(scope="module")
def indexes() -> tuple[sqlite3.Connection, sqlite3.Connection]:
    texts = _corpus()
    return _index("unicode61 remove_diacritics 0", _old_fold, texts), _index("ascii", fold, texts)


def _separators(tokenizer: str, codes: list[int]) -> set[int]:
    """Which of ``codes`` ``tokenizer`` splits ``q<char>q`` at."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{tokenizer}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", ((c, f"q{chr(c)}q") for c in codes))
    whole = {doc for term, doc in conn.execute("SELECT term, doc FROM v") if len(term) > 1}
    return set(codes) - whole


def test_the_table_is_where_unicode61_splits_in_our_readers_blocks() -> None:
    codes = [c for a, b in BLOCKS for c in range(a, b + 1)] + list(range(1, 0x80))
    unicode61 = _separators("unicode61 remove_diacritics 0", codes)
    ascii_splits = _separators("ascii", codes)  # (ASCII punctuation: the table leaves ASCII alone)
    ours = {c for c in codes if spaced(f"q{chr(c)}q") != f"q{chr(c)}q" or c in ascii_splits}
    assert ours == unicode61
    assert spaced("a،b «c» d😀e") == "a b  c  d e"
    assert spaced("طهران") == "طهران" and spaced("plain ascii, here.") == "plain ascii, here."


def test_unicode61_leaves_case_folded_text_as_it_is() -> None:
    """Why ``ascii`` (which folds only A-Z) loses nothing: our text is case-folded already."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    codes = [c for a, b in BLOCKS for c in range(a, b + 1)]
    rows = [(c, f"q{chr(c).casefold()}q") for c in codes if spaced(chr(c).casefold()) == chr(c).casefold()]
    conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", rows)
    want = dict(rows)
    changed = [(hex(doc), term) for term, doc in conn.execute("SELECT term, doc FROM v") if term != want[doc]]
    assert changed == []


def test_the_index_holds_the_same_words_at_the_same_places(
        indexes: tuple[sqlite3.Connection, sqlite3.Connection]) -> None:
    old, new = indexes
    sql = "SELECT term, doc, col, offset FROM v ORDER BY doc, col, offset"
    before, after = old.execute(sql).fetchall(), new.execute(sql).fetchall()
    assert len(before) > 10_000
    assert before == after


def _answers(conn: sqlite3.Connection, expr: str) -> list[tuple[int, float]]:
    if not expr:
        return []  # (a query of no words: the store answers nothing without asking FTS5)
    weights = ", ".join(map(str, WEIGHTS))
    rows = conn.execute(f"SELECT rowid, bm25(s, {weights}) FROM s WHERE s MATCH ? ORDER BY 2, 1", (expr,))
    return [(n, round(score, 9)) for n, score in rows]


def test_every_query_finds_the_same_articles_with_the_same_scores(
        indexes: tuple[sqlite3.Connection, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = indexes
    queries = [parse_query(q) for q in QUERIES] + [parse_query(q, live=True) for q in LIVE]
    exprs_new = [match_expression(q) for q in queries]
    monkeypatch.setattr(fts, "spaced", lambda text: text)  # the queries as unicode61 got them
    exprs_old = [match_expression(q) for q in queries]
    found = 0
    for query, expr_old, expr_new in zip(queries, exprs_old, exprs_new, strict=True):
        before, after = _answers(old, expr_old), _answers(new, expr_new)
        assert before == after, query.raw
        found += bool(after)
    assert found >= len(queries) - 6  # nearly every query finds something (not: zzqx, symbols, İstanbul, c\u2060d, a Hebrew prefix)


def test_a_library_of_db_version_4_is_reindexed_with_the_same_answers(tmp_path: Path) -> None:
    from tui.models import Article

    store = Store(tmp_path / "lib")
    store.add_articles([Article(id="", title=t.partition("\n\n")[0][:60], body=t) for t in TEXTS])
    queries = [parse_query(q) for q in QUERIES]
    want = [store.search(q) for q in queries]
    conn = store.db.conn()
    with store.db.write():  # as DB_VERSION 4 wrote it: unicode61 over unspaced folded text
        conn.execute("DROP TABLE search")
        conn.execute("CREATE VIRTUAL TABLE search USING fts5(title, body, notes, tags, "
                     "tokenize='unicode61 remove_diacritics 0', content='')")
        rows = conn.execute("SELECT a.n, a.title, b.body FROM articles a JOIN bodies b ON b.n = a.n").fetchall()
        conn.executemany("INSERT INTO search(rowid, title, body, notes, tags) VALUES (?, ?, ?, '', '')",
                         [(n, _old_fold(title), _old_fold(body)) for n, title, body in rows])
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'db_version'")
    store.close()
    steps: list[tuple[str, int, int]] = []
    store = Store(tmp_path / "lib", upgrade_progress=lambda what, done, total: steps.append((what, done, total)))
    try:
        assert [store.search(q) for q in queries] == want
        assert any("search index" in what for what, _, _ in steps)
    finally:
        store.close()
    check = sqlite3.connect(tmp_path / "lib" / DB_NAME)
    try:
        assert check.execute("SELECT value FROM meta WHERE key = 'db_version'").fetchone()[0] == str(DB_VERSION)
        assert "tokenize='ascii'" in check.execute("SELECT sql FROM sqlite_master WHERE name = 'search'").fetchone()[0]
    finally:
        check.close()


def _reference(text: str) -> str:
    return spaced(fold_text(text))


def test_fold_spaced_is_fold_text_then_spaced_for_every_code_point() -> None:
    from tui.search.separators import _CASEFOLD_SPLITS, _MAPPED, fold_spaced

    codes = [c for c in range(0x10FFFF + 1) if not 0xD800 <= c < 0xE000 and chr(c) not in _CASEFOLD_SPLITS]
    for start in range(0, len(codes), 2000):  # every character between Arabic letters, 2,000 to a text
        text = "ب".join(chr(c) for c in codes[start:start + 2000])
        assert fold_spaced(text) == _reference(text), hex(codes[start])
    for ch in [*sorted(_CASEFOLD_SPLITS), *_MAPPED, "،", "«", "😀", "\u00a0", "\u200c", "ﻻ", "ß", "Σ"]:  # one at a time
        for text in (ch, f"ب{ch}ق", f"X{ch}", f"{ch}{ch}", f"طهران، «{ch}» ٣ أ\u064e{ch}😀"):
            assert fold_spaced(text) == _reference(text), hex(ord(ch))


def test_fold_spaced_on_the_corpus() -> None:
    from tui.search.separators import fold_spaced

    for text in _corpus():
        assert fold_spaced(text) == _reference(text)
        assert fold(text) == _reference(text)
