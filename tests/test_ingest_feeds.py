"""Feed parsing: formats, languages, dates, safety, and our parser against feedparser."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from tui.errors import InputError
from tui.ingest.encoding import decode_bytes
from tui.ingest.feeds import normalise_date, parse_feed, parse_with_feedparser
from tui.ingest.opml import export_opml, parse_opml

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def load(name: str):
    return parse_feed(decode_bytes((FEEDS / name).read_bytes()).text, name)


def test_rss2_arabic() -> None:
    feed = load("rss2_ar.xml")
    assert (feed.kind, feed.title, feed.language, feed.ttl_minutes) == ("rss", "نشرة المرصد التجريبية", "ar", 30)
    bridge, wheat, books = feed.items
    assert bridge.guid == "ar-bridge-001" and bridge.author == "ليلى حدّاد"
    assert bridge.published == "2024-03-05T06:30:00+00:00"
    assert bridge.body == ("افتتحت وزارة الأشغال صباح اليوم جسراً جديداً يربط بين ضفتي النهر.\n\n"
                           "وقال المهندس المسؤول إن الجسر سيختصر الطريق بمقدار (40) دقيقة.")
    assert wheat.body == ("ارتفعت أسعار القمح بنسبة 12% خلال أسبوع واحد.\n\n"
                          "ويعزو التجار الارتفاع إلى تأخر الشحنات\nوارتفاع كلفة النقل.")
    assert "alert" not in wheat.body
    assert books.published == "2024-03-07T08:15:00+00:00" and books.guid == ""


def test_atom_hebrew_lang_and_dir() -> None:
    feed = load("atom_he.xml")
    train, port = feed.items
    assert (train.language, train.direction, train.author) == ("he", "rtl", "נועה לוי")
    assert train.published == "2024-03-05T08:00:00+00:00"
    assert train.body == "משרד התחבורה הודיע היום על קו רכבת חדש.\n\nהקו צפוי לפעול כבר בשנה הבאה."
    assert (port.language, port.title, port.url) == ("en", "Port <Haifa> expands", "http://example.test/he/port")


def test_json_feed_persian() -> None:
    feed = load("feed_fa.json")
    lib, snow = feed.items
    assert lib.title == "کتابخانهٔ تازه‌ای در شیراز گشوده شد" and "\u200c" in lib.title
    assert lib.author == "مریم رضایی" and lib.published == "2024-03-05T04:30:00+00:00"
    assert snow.body == "برف سنگین راه‌های کوهستانی را بست.\n\nامدادگران در حال بازگشایی مسیرها هستند."
    assert {a.language for a in feed.items} == {"fa"}


def test_rss1_rdf() -> None:
    feed = load("rss1_en.rdf")
    assert feed.kind == "rdf" and [a.guid for a in feed.items] == [
        "http://example.test/en/rail", "http://example.test/en/water"]
    assert feed.items[1].body == "The plan runs to 40 pages & covers three rivers."


@pytest.mark.parametrize("name", ["ar_cp1256.xml", "ar_cp1256_nodecl.xml", "he_cp1255.xml", "he_cp1255_nodecl.xml"])
def test_legacy_encoded_feeds(name: str) -> None:
    feed = load(name)
    assert feed.items and feed.items[0].title in ("وزير الزراعة يزور المزارعين في الغور", "עיריית חיפה פותחת גן ציבורי חדש")


def test_rss091_html_entities_without_dtd() -> None:
    text = ('<rss version="0.91"><channel><title>Caf&eacute;</title><language>en</language>'
            "<item><title>Caf&eacute;&nbsp;news</title><description>A&nbsp;b</description></item></channel></rss>")
    feed = parse_feed(text)
    assert feed.title == "Café" and feed.items[0].title == "Café news"


@pytest.mark.parametrize("name,match", [("bomb.xml", "entities"), ("xxe.xml", "entities"),
                                        ("malformed.xml", "malformed XML")])
def test_hostile_and_broken_feeds_refused(name: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        load(name)


def test_recoverable_malformed_feed_uses_feedparser() -> None:
    text = ('<rss version="2.0"><channel><title>t</title><item><title>خبر & تعليق</title>'
            "<description>نص</description></item></channel></rss>")
    feed = parse_feed(text)
    assert [a.title for a in feed.items] == ["خبر & تعليق"]


def test_not_a_feed() -> None:
    with pytest.raises(InputError, match="not a feed"):
        parse_feed("<html><body>x</body></html>")
    with pytest.raises(InputError, match="JSON Feed"):
        parse_feed('{"title": "no items"}')


@pytest.mark.parametrize("name", ["rss2_ar.xml", "atom_he.xml", "rss1_en.rdf", "he_cp1255.xml"])
def test_same_result_as_feedparser(name: str) -> None:
    text = decode_bytes((FEEDS / name).read_bytes()).text
    ours, theirs = parse_feed(text), parse_with_feedparser(text)
    assert [(a.title, a.body, a.url, a.published) for a in ours.items] == \
           [(a.title, a.body, a.url, a.published) for a in theirs.items]


@pytest.mark.parametrize("raw,iso", [
    ("Tue, 05 Mar 2024 09:30:00 +0300", "2024-03-05T06:30:00+00:00"),
    ("Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00+00:00"),
    ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00+00:00"),
    ("2024-03-05T09:30:00.123+02:00", "2024-03-05T07:30:00+00:00"),
    ("2024-03-05", "2024-03-05T00:00:00+00:00"),
    ("Tue, 5 Mar 2024 09:30 EST", "2024-03-05T14:30:00+00:00"),
    ("not a date", ""), ("", ""),
])
def test_dates_normalised_to_utc(raw: str, iso: str) -> None:
    assert normalise_date(raw) == iso


def test_opml_roundtrip() -> None:
    feeds = parse_opml((FEEDS / "subscriptions.opml").read_text(encoding="utf-8"))
    assert [f.name for f in feeds] == ["نشرة المرصد", "מבזקים", "Observatory Wire"]
    assert feeds[1].tags == ["الخليج"] and feeds[2].tags == []
    again = parse_opml(export_opml(feeds))
    assert [(f.url, f.name, f.tags, f.language) for f in again] == [(f.url, f.name, f.tags, f.language) for f in feeds]


def test_dates_through_public_parsers() -> None:
    from tui.ingest.feeds import normalise_date

    cases = {
        "2025-06-03T10:00:00Z": "2025-06-03T10:00:00+00:00",
        "2025-06-03t10:00:00z": "2025-06-03T10:00:00+00:00",
        "2025-06-03T10:00:00+0300": "2025-06-03T07:00:00+00:00",
        "2025-06-03T10:00:00.123456789Z": "2025-06-03T10:00:00+00:00",
        "20250603T100000Z": "2025-06-03T10:00:00+00:00",
        "2025-06-03 10:00:00": "2025-06-03T10:00:00+00:00",
        "2025/06/03 10:00": "2025-06-03T10:00:00+00:00",
        "2025-06": "2025-06-01T00:00:00+00:00",
        "2025": "2025-01-01T00:00:00+00:00",
        "Tue, 3 Jun 2025 10:00:00 +0300": "2025-06-03T07:00:00+00:00",
        "03 Jun 2025 10:00 GMT": "2025-06-03T10:00:00+00:00",
        "Tuesday, 03-Jun-25 10:00:00 GMT": "2025-06-03T10:00:00+00:00",
        "Tue Jun  3 10:00:00 2025": "2025-06-03T10:00:00+00:00",
        "0001-01-01T00:00:00+01:00": "",
        "garbage": "", "2025-13": "", "\x1b]0;x\x07": "",
    }
    for raw, want in cases.items():
        assert normalise_date(raw) == want, raw


def test_salvaged_feed_keeps_only_complete_items_with_text() -> None:
    """A malformed feed is read by the salvage path; an item cut off by the damage
    (no end tag, or nothing but a title) is not an article."""
    text = ('<rss version="2.0"><channel><title>قناة</title>'
            "<item><title>خبر كامل</title><description>نص الخبر الكامل هنا</description></item>"
            "<item><title>broken &nbsp tag</title></item>"
            "<item><title>unclosed tag<description>نص")
    feed = parse_feed(text, "x")
    assert [a.title for a in feed.items] == ["خبر كامل"]


@pytest.mark.parametrize("raw", [
    "Thu, 01 Jan 2026 00:00:00 GMT", "Sun, 29 Feb 2032 23:59:59 +0000", "1 Mar 2026 07:05:09 UT",
    "Mon, 02 Feb 2026 12:00:00 UTC", "Fri, 13 Jun 0001 00:00:00 GMT", "Thu, 31 Feb 2026 10:00:00 GMT",
    "Thu, 01 Jan 2026 24:00:00 GMT", "Thu, 01 Jan 2026 23:59:60 GMT", "Thu, 01 Foo 2026 10:00:00 GMT",
    "Wed, 01 Jan 2026 10:00:00 GMT",  # a wrong weekday is ignored, as email.utils ignores it
])
def test_the_common_rss_date_fast_path_agrees_with_the_general_parser(raw: str) -> None:
    from tui.ingest.feeds import _parse_date, _rfc822_utc

    dt = _parse_date(raw)
    general = dt.astimezone(UTC).replace(microsecond=0).isoformat() if dt is not None else ""
    assert normalise_date(raw) == general
    assert _rfc822_utc(raw) in ("", general)


def test_items_are_stamped_with_the_second_they_were_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """``fetched`` is read from the clock once a second (not per item), and never stale."""
    from tui.ingest import feeds as feeds_module
    from tui.models import now_iso

    monkeypatch.setattr(feeds_module, "_NOW", (0, "1970-01-01T00:00:00+00:00"))  # made in another second
    before = now_iso()
    items = parse_feed('<rss version="2.0"><channel><title>t</title>'
                       + "".join(f"<item><title>خبر {i}</title><guid>g{i}</guid></item>" for i in range(3))
                       + "</channel></rss>").items
    after = now_iso()
    assert len(items) == 3 and all(before <= a.fetched <= after for a in items)
