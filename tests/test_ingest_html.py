"""HTML to readable text: paragraphs kept, markup and page furniture gone."""

from __future__ import annotations

from pathlib import Path

from tui.ingest.html import extract_page, html_to_text
from tui.ingest.textclean import clean_inline, clean_text, language_of

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_fragment_paragraphs_and_line_breaks() -> None:
    html = ("<p>سلام <b>عليكم</b> &amp; مرحبا<br>سطر ثان</p><div>فقرة <i>ثانية</i></div>"
            "<ul><li>أولاً</li><li>ثانياً</li></ul><script>evil()</script><style>p{}</style>")
    assert html_to_text(html) == "سلام عليكم & مرحبا\nسطر ثان\n\nفقرة ثانية\n\nأولاً\n\nثانياً"


def test_plain_text_passes_through() -> None:
    assert html_to_text("Revenue rose 5% (Q1)") == "Revenue rose 5% (Q1)"


def test_deep_nesting_does_not_recurse() -> None:
    html = "<div>" * 250 + "عمق" + "</div>" * 250
    assert html_to_text(html) == "عمق"


def test_nesting_past_the_limit_is_refused_before_parsing() -> None:
    import pytest

    from tui.errors import InputError
    from tui.ingest.html import MAX_HTML_DEPTH

    for html in ("<div>" * 5000 + "x", "<ul><li>" * 5000, "<table><tr><td>" * 5000, "<b><i>" * 5000):
        with pytest.raises(InputError, match=f"nested more than {MAX_HTML_DEPTH}"):
            html_to_text(html)
        with pytest.raises(InputError, match="nested"):
            extract_page(html)
    # Siblings are not depth: a long flat page, many unclosed <p> and <li>, void tags.
    flat = "<p>x" * 5000 + "<li>y" * 5000 + "<br><img src=a>" * 5000 + "<div>z</div>" * 5000
    assert html_to_text(flat).count("x") == 5000


def test_page_boilerplate_is_stripped() -> None:
    page = extract_page((FEEDS / "page_boilerplate.html").read_text(encoding="utf-8"))
    assert page.title == "تقرير: مخزون المياه في السدود يرتفع بعد الأمطار"
    assert (page.language, page.direction) == ("ar", "rtl")
    paras = page.text.split("\n\n")
    assert paras[1].startswith("أظهرت بيانات رسمية") and paras[-1].startswith("ويتوقع الخبراء")
    for junk in ("الصفحة الرئيسية", "سياسة", "الأكثر قراءة", "شارك", "اشترك", "الحقوق", "tracker", "color"):
        assert junk not in page.text


def test_page_without_semantic_tags_uses_text_density() -> None:
    links = "".join(f'<a href="/{i}">رابط رقم {i} في القائمة</a> ' for i in range(30))
    body = "".join(f"<p>هذه فقرة رقم {i} من نص المقال الطويل الذي نريد أن نحتفظ به كاملاً.</p>" for i in range(5))
    html = f"<html><body><div id='x1'>{links}</div><div id='x2'>{body}</div></body></html>"
    page = extract_page(html)
    assert "رابط" not in page.text and page.text.count("\n\n") == 4


def test_clean_text_removes_controls_and_presentation_forms() -> None:
    dirty = "\x1b[31mأحمر\x1b[0m\r\nسطر\x07 ثان\u00a0\u00a0هنا\n\n\n\nﻟﻠﻪ\ufeff"
    assert clean_text(dirty) == "أحمر\nسطر ثان هنا\n\nلله"
    assert clean_inline("  عنوان\n  طويل\t ") == "عنوان طويل"
    assert clean_text("نص\u200cمع\u200fعلامات") == "نص\u200cمع\u200fعلامات"  # ZWNJ and RLM kept


def test_guess_language() -> None:
    assert language_of("قالت الحكومة إن الميزانية جاهزة") == "ar"
    assert language_of("دولت می‌گوید بودجه آماده است و گزارش کامل پیش رو است") == "fa"
    assert language_of("הממשלה אמרה שהתקציב מוכן") == "he"
    assert language_of("The budget is ready, Reuters said") == "en"
    assert language_of("2024 — 12") == ""
