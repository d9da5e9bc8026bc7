"""Paragraph direction: explicit marks, language, word majority, override."""

from __future__ import annotations

from tui.rtl.direction import document_direction, is_rtl_language, majority_direction, paragraph_direction
from tui.rtl.layout import layout


def test_latin_brand_at_start_of_arabic_headline_is_rtl() -> None:
    assert paragraph_direction("Apple أعلنت اليوم عن هاتف جديد") == "rtl"
    assert paragraph_direction("iPhone 15 برو متاح الآن") == "rtl"


def test_english_quoting_arabic_name_is_ltr() -> None:
    assert paragraph_direction("Former minister محمد بن سلمان said") == "ltr"


def test_many_latin_letters_few_words_still_rtl() -> None:
    # Character count would say LTR; words say RTL (tie broken by first strong).
    assert majority_direction("شركة Google و Microsoft و Amazon تتنافس") == "rtl"


def test_override_wins() -> None:
    assert paragraph_direction("Apple أعلنت اليوم", override="ltr") == "ltr"
    assert paragraph_direction("Hello world", override="rtl") == "rtl"


def test_explicit_mark_beats_language_and_majority() -> None:
    assert paragraph_direction("\u200fHello world", language="en") == "rtl"
    assert paragraph_direction("\u200eمرحبا بالعالم", language="ar") == "ltr"


def test_language_hint() -> None:
    assert is_rtl_language("fa-IR") and is_rtl_language("he") and not is_rtl_language("en")
    assert paragraph_direction("Hello world", language="ar") == "rtl"


def test_no_strong_characters() -> None:
    assert majority_direction("12 - 34 *") is None
    assert paragraph_direction("12 - 34", default="rtl") == "rtl"


def test_document_direction_drives_neutral_and_quote_paragraphs() -> None:
    text = "قال الوزير اليوم إن الخطة جاهزة\n*\nHe said: fine.\nوأضاف أن التنفيذ قريب"
    assert document_direction(text) == "rtl"
    lay = layout(text, 40)
    assert [lay.direction_of(i) for i in range(len(lay))] == ["rtl"] * 4


def test_english_article_keeps_arabic_paragraph_rtl() -> None:
    text = "The minister spoke today about the plan\nقال الوزير اليوم إن الخطة جاهزة\nMore English text here"
    lay = layout(text, 40)
    assert [lay.direction_of(i) for i in range(3)] == ["ltr", "rtl", "ltr"]


def test_layout_override_and_language() -> None:
    assert layout("Hello there", 20, direction="rtl").direction_of(0) == "rtl"
    assert layout("Hello there", 20, language="he").direction_of(0) == "rtl"
