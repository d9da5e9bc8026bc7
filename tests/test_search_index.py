"""Library search on SQLite FTS5: normalisation, clitics, phrases, ranking, hits."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

import pytest

from tui.models import Annotation, Article
from tui.search import find_hits, parse_query, snippet
from tui.store import Store


@dataclass
class DocText:
    """What is searchable about one article: title, body, the notes on it, its tags."""

    id: str
    title: str = ""
    body: str = ""
    notes: str = ""
    tags: str = ""


def index_of(*docs: DocText) -> Store:
    """A real library in a temp folder holding ``docs`` (notes as annotations)."""
    store = Store(tempfile.mkdtemp(prefix="marsad-search-"))
    store.add_articles([Article(id=d.id, title=d.title, body=d.body, url=f"https://example.org/{d.id}",
                                tags=[t.strip() for t in d.tags.split("|") if t.strip()]) for d in docs])
    for d in docs:
        if d.notes:
            store.save_annotation(Annotation(id="", article_id=d.id, note=d.notes))
    return store


def ids(index: Store, text: str, live: bool = False) -> list[str]:
    return [aid for aid, _ in index.search(parse_query(text, live=live))]


@pytest.mark.parametrize(("written", "typed"), [
    ("أحمد", "احمد"),          # hamza on alef
    ("إيران", "ايران"),        # hamza under alef
    ("آمال", "امال"),          # madda
    ("على", "علي"),            # alef maqsura / ya
    ("ایران", "إيران"),        # Persian ya
    ("کتاب", "كتاب"),          # Persian kaf
    ("مدرسة", "مدرسه"),        # ta marbuta / ha
    ("مُحَمَّد", "محمد"),       # harakat in the text
    ("محمد", "مُحَمَّد"),       # harakat in the query
    ("العـــربية", "العربية"),  # tatweel
    ("٢٠٢٦", "2026"),          # Arabic-Indic digits
    ("۱۴۰۵", "1405"),          # Persian digits
    ("שָׁלוֹם", "שלום"),        # Hebrew niqqud
    ("ארה״ב", 'ארה"ב'),        # gershayim
    ("Tehran", "tehran"),      # Latin case
])
def test_spelling_variants_match(written: str, typed: str) -> None:
    index = index_of(DocText("a", body=f"خبر {written} اليوم"), DocText("b", body="نص آخر"))
    assert ids(index, typed) == ["a"]


@pytest.mark.parametrize(("written", "typed"), [
    ("وإيران", "إيران"),
    ("بإيران", "إيران"),
    ("فإيران", "ايران"),
    ("الرئيس", "رئيس"),
    ("للرئيس", "الرئيس"),
    ("والولايات", "الولايات"),
    ("بالولايات", "ولايات"),
    ("בירושלים", "ירושלים"),
])
def test_clitic_forms_are_found(written: str, typed: str) -> None:
    index = index_of(DocText("a", body=f"قال {written} أمس"), DocText("b", body="لا شيء هنا"))
    assert ids(index, typed) == ["a"]


def test_exact_form_ranks_above_clitic_form() -> None:
    index = index_of(DocText("stem", body="زار وإيران ثم عاد"), DocText("exact", body="زار إيران ثم عاد"))
    assert ids(index, "إيران") == ["exact", "stem"]


def test_clitic_query_also_finds_bare_word_but_lower() -> None:
    index = index_of(DocText("bare", body="زار إيران"), DocText("same", body="زار وإيران"))
    assert ids(index, "وإيران") == ["same", "bare"]


def test_every_word_must_match() -> None:
    index = index_of(DocText("a", body="oil prices rise"), DocText("b", body="oil exports"))
    assert ids(index, "oil prices") == ["a"]
    assert ids(index, "oil") == ["b", "a"]  # the shorter article weighs "oil" more (BM25)


def test_title_outranks_body() -> None:
    index = index_of(DocText("body", title="news", body="the Gulf summit opened"),
                     DocText("title", title="Gulf summit", body="the meeting opened"))
    assert ids(index, "gulf") == ["title", "body"]


def test_more_occurrences_rank_higher() -> None:
    index = index_of(DocText("once", body="Oman hosts talks on trade and other topics today"),
                     DocText("thrice", body="Oman hosts talks; Oman mediates; Oman waits today"))
    assert ids(index, "oman") == ["thrice", "once"]


def test_notes_and_tags_are_searchable() -> None:
    index = index_of(DocText("n", body="x", notes="check the tanker numbers"),
                     DocText("t", body="y", tags="shipping | red-sea"))
    assert ids(index, "tanker") == ["n"]
    assert ids(index, "shipping") == ["t"]


def test_phrase_needs_adjacent_words_in_order() -> None:
    index = index_of(
        DocText("phrase", body="قال وزير الخارجية العماني"),
        DocText("apart", body="قال وزير إن الخارجية"),
        DocText("reversed", body="الخارجية وزير"),
    )
    assert ids(index, '"وزير الخارجية"') == ["phrase"]
    assert set(ids(index, "وزير الخارجية")) == {"phrase", "apart", "reversed"}


def test_phrase_with_clitic_and_harakat() -> None:
    index = index_of(DocText("a", body="والأُمم المتحدة"), DocText("b", body="الأمم غيرها المتحدة"))
    assert ids(index, '"الأمم المتحدة"') == ["a"]


def test_phrase_does_not_cross_fields() -> None:
    index = index_of(DocText("a", title="Security", body="Council met"))
    assert ids(index, '"security council"') == []


def test_unclosed_quote_is_a_phrase() -> None:
    index = index_of(DocText("a", body="United Nations said"), DocText("b", body="Nations United"))
    assert ids(index, '"united nations') == ["a"]


def test_live_prefix_completes_last_word() -> None:
    index = index_of(DocText("a", body="Tehran said"), DocText("b", body="Tel Aviv said"))
    assert ids(index, "teh", live=True) == ["a"]
    assert set(ids(index, "te", live=True)) == {"a", "b"}
    assert ids(index, "teh") == []
    assert ids(index, "teh ", live=True) == []


def test_empty_and_unknown_queries() -> None:
    index = index_of(DocText("a", body="text"))
    assert ids(index, "") == []
    assert ids(index, "   \"\" ") == []
    assert ids(index, "absent") == []


def test_hits_cover_the_stem_only() -> None:
    text = "زار وإيران أمس"
    [(start, end)] = find_hits(text, parse_query("إيران"))
    assert text[start:end] == "إيران"


@pytest.mark.parametrize(("text", "typed", "marked"), [
    ("وفد للولايات المتحدة", "الولايات", ["للولايات"]),  # ل + ال: the key (الولايات) is not a piece of the word
    ("بحث مع الرئيس", "رئيس", ["رئيس"]),  # the article peeled from the word
    ("زار رئيس الوزراء", "الرئيس", ["رئيس"]),  # ... and from the query
    ("הוא בא לבית הלבן", "הבית", ["בית"]),  # ל swallowed the Hebrew article
    ("قالت بالملف النووي", '"الملف النووي"', ["الملف النووي"]),
])
def test_hits_through_clitics_that_change_the_word(text: str, typed: str, marked: list[str]) -> None:
    """A word is split into clitic readings only when it can hold a query key: these must still be marked."""
    assert [text[s:e] for s, e in find_hits(text, parse_query(typed))] == marked


def test_hits_keep_harakat_of_the_original() -> None:
    text = "قال مُحَمَّد"
    [(start, end)] = find_hits(text, parse_query("محمد"))
    assert text[start:end] == "مُحَمَّد"


def test_hits_for_phrase_and_prefix() -> None:
    text = "the United Nations and the Security Council"
    spans = find_hits(text, parse_query('"united nations" secu', live=True))
    assert [text[s:e] for s, e in spans] == ["United Nations", "Security"]


def test_snippet_is_one_line_around_the_hit() -> None:
    body = "word " * 100 + "Tehran said\n\nmore " * 3
    line = snippet(body, find_hits(body, parse_query("tehran")), width=60)
    assert "Tehran" in line and "\n" not in line and line.startswith("…")


def test_changed_and_deleted_articles_leave_the_index() -> None:
    store = index_of(DocText("a", body="old words"))
    store.add_articles([Article(id="", title="", body="new words", url="https://example.org/a")])
    assert ids(store, "old") == []
    assert ids(store, "new") == ["a"]
    store.delete_article("a")
    assert ids(store, "words") == []


def test_query_fts5_cannot_parse_is_no_match() -> None:
    store = index_of(DocText("a", body="text AND more"))
    for text in ('NEAR(', "*", "AND", '"', "a OR", "^x"):
        store.search(parse_query(text))  # never raises


def test_fold_text_folds_a_whole_text_like_normalise_folds_each_word() -> None:
    from tui.text.normalize import fold_text, normalise, tokenize

    text = "وَقالَ الرئيسُ: إنّ «الأُمم المتحدة» تجتمع ٢٠٢٦ في رئیس‌جمهور ارה״ב، O’Brien — ﻻ بأس"
    folded = fold_text(text).split()
    words = [t.norm for t in tokenize(text)]
    assert all(any(w in f for f in folded) for w in words)
    assert normalise("مُحَمَّد") in fold_text("قال مُحَمَّد")
