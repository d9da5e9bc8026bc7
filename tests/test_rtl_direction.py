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


def test_document_direction_only_for_paragraphs_without_letters() -> None:
    # UAX #9 P2/P3 per paragraph: the English quote is LTR; the article's
    # direction (here inferred from the whole text) decides only the "*" line.
    text = "قال الوزير اليوم إن الخطة جاهزة\n*\nHe said: fine.\nوأضاف أن التنفيذ قريب"
    assert document_direction(text) == "rtl"
    lay = layout(text, 40)
    assert [lay.direction_of(i) for i in range(len(lay))] == ["rtl", "rtl", "ltr", "rtl"]


def test_first_strong_skips_isolates_and_identifiers() -> None:
    # A handle or URL at the start is isolated, so it does not decide.
    assert layout("@marsad_news قال إن الخبر صحيح", 40).direction_of(0) == "rtl"
    assert layout("https://example.com هو الموقع", 40).direction_of(0) == "rtl"
    assert layout("\u2067مرحبا\u2069 said the man", 40).direction_of(0) == "ltr"
    # Nothing strong outside the isolate: the article's direction.
    assert layout("\u2067مرحبا\u2069 12", 40, language="en").direction_of(0) == "ltr"
    assert layout("\u2066hello\u2069 12", 40, language="ar").direction_of(0) == "rtl"
    assert layout("12 - 34", 40, fallback="rtl").direction_of(0) == "rtl"


def test_reuters_quote_in_arabic_article_is_ltr_and_left_aligned() -> None:
    text = "قال الوزير إن الخطة جاهزة.\n\nThe minister told Reuters: \"we are ready\"."
    lines = layout(text, 50, language="ar").lines
    assert lines[0].direction == "rtl" and lines[0].text.startswith(" ")
    assert lines[-1].direction == "ltr"
    assert lines[-1].text.rstrip() == 'The minister told Reuters: "we are ready".'


def test_english_article_keeps_arabic_paragraph_rtl() -> None:
    text = "The minister spoke today about the plan\nقال الوزير اليوم إن الخطة جاهزة\nMore English text here"
    lay = layout(text, 40)
    assert [lay.direction_of(i) for i in range(3)] == ["ltr", "rtl", "ltr"]


def test_layout_override_and_language() -> None:
    assert layout("Hello there", 20, direction="rtl").direction_of(0) == "rtl"
    assert layout("Hello there", 20, language="he").direction_of(0) == "ltr"
    assert layout("12 - 34", 20, language="he").direction_of(0) == "rtl"
