"""Big RSS feeds are parsed item by item: the same articles as the whole-tree parse, less memory."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tui.errors import InputError
from tui.ingest import feeds
from tui.ingest.encoding import decode_bytes

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def parsed(text: str, stream: bool, monkeypatch: pytest.MonkeyPatch) -> feeds.ParsedFeed | str:
    monkeypatch.setattr(feeds, "STREAM_CHARS", 0 if stream else 10**12)
    try:
        return feeds.parse_feed(text, "feed")
    except InputError as exc:
        return str(exc)


def comparable(result: feeds.ParsedFeed | str) -> object:
    if isinstance(result, str):
        return result
    items = [dataclasses.replace(a, fetched="") for a in result.items]
    return (result.title, result.language, result.direction, result.link, result.ttl_minutes, result.kind, items)


@pytest.mark.parametrize("name", sorted(p.name for p in FEEDS.glob("*.xml")) + ["rss1_en.rdf"])
def test_streaming_gives_the_same_feed(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = decode_bytes((FEEDS / name).read_bytes(), name=name).text
    assert comparable(parsed(text, True, monkeypatch)) == comparable(parsed(text, False, monkeypatch))


def big_feed(items: int, title_first: bool = True) -> str:
    head = "<title>نشرة</title><language>ar</language>"
    body = "".join(f"<item><title>خبر {i}</title><guid>g{i}</guid><description>&lt;p&gt;نص {i}&lt;/p&gt;"
                   f"</description></item>" for i in range(items))
    channel = head + body if title_first else body + head
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{channel}</channel></rss>'


def test_a_big_feed_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "STREAM_CHARS", 1000)
    streamed: list[int] = []
    original = feeds._stream_rss
    monkeypatch.setattr(feeds, "_stream_rss", lambda text: streamed.append(1) or original(text))
    feed = feeds.parse_feed(big_feed(300), "big")
    assert streamed
    assert len(feed.items) == 300 and feed.items[0].source == "نشرة" and feed.items[299].language == "ar"
    assert feeds._stream_rss(big_feed(5)) is not None


def test_channel_fields_after_the_items_fall_back_to_the_whole_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    late = big_feed(2000, title_first=False)  # the title comes long after the first item is read
    assert feeds._stream_rss(late) is None
    monkeypatch.setattr(feeds, "STREAM_CHARS", 1000)
    feed = feeds.parse_feed(late, "late")
    assert feed.items[0].source == "نشرة" and len(feed.items) == 2000
