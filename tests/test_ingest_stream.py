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


def _items_of(source: str | bytes) -> object:
    stream = feeds.RssStream(source)
    try:
        items = [dataclasses.replace(a, fetched="") for a in stream]
    except feeds.NotStreamable:
        return "not streamable"
    return items, comparable(stream.feed) if stream.feed else None


@pytest.mark.parametrize("name", sorted(p.name for p in FEEDS.glob("*.xml")) + ["rss1_en.rdf"])
def test_a_utf8_feed_streamed_as_bytes_gives_what_its_text_gives(name: str) -> None:
    """The bytes path (C parser, no decoding) is taken only for UTF-8 feeds without a DOCTYPE."""
    from tui.ingest.encoding import utf8_head
    from tui.ingest.local import _rss_without_doctype

    data = (FEEDS / name).read_bytes()
    text = decode_bytes(data, name=name).text
    head = utf8_head(data, name)
    if head is None or not _rss_without_doctype(head.lstrip("\ufeff \t\r\n"), data):
        assert not name.startswith(("rss2_", "stories_")), name  # (Atom, RDF, legacy code pages, DTDs: text)
        return
    assert _items_of(data) == _items_of(text)


def test_stream_path_reads_big_utf8_feeds_as_bytes_and_falls_back_with_the_decoder_s_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.ingest import local
    from tui.ingest.pipeline import file_messages

    monkeypatch.setattr(local, "STREAM_CHARS", 1000)
    good = tmp_path / "good.xml"
    good.write_text(big_feed(300), encoding="utf-8")
    streamed = local.stream_path(good)
    assert streamed.data and not streamed.text
    assert [a.title for a in streamed.items] == [a.title for a in local.load_path(good).articles]

    # The same feed with a line in Windows-1256 near its end: expat stops there, the
    # whole file is decoded as load_path decodes it, and the decoder's warning is told.
    raw = big_feed(3000).replace("<title>خبر 2900</title>", "<title>خبر قديم</title>").encode("utf-8")
    raw = raw.replace("خبر قديم".encode(), b"\n" + "خبر قديم".encode("cp1256") + b"\n")
    mixed = tmp_path / "mixed.xml"
    mixed.write_bytes(raw)
    messages = list(file_messages([str(mixed)], 2_000_000))
    kinds = [m[0] for m in messages]
    assert kinds[0] == "rows" and "restart" in kinds and kinds[-1] == "end"  # no warning before: bytes
    warnings = [m[2] for m in messages if m[0] == "warn"]
    whole = local.load_path(mixed)
    assert any("windows-1256" in w or "mixes" in w for w in warnings), warnings
    rows = [art for m in messages[kinds.index("restart"):] if m[0] == "rows" for art, _ in m[2]]
    assert [a.title for a in rows] == [a.title for a in whole.articles] and len(rows) == 3000

    doctype = tmp_path / "doctype.xml"
    doctype.write_text(big_feed(300).replace("<rss", '<!DOCTYPE rss SYSTEM "x.dtd"><rss', 1), encoding="utf-8")
    streamed = local.stream_path(doctype)
    assert streamed.text and not streamed.data  # read as text, by the defused parser


def test_a_doctype_padded_past_the_head_never_reaches_expat_as_bytes(tmp_path: Path) -> None:
    """A comment says ``<rss`` in the first 64 KB and hides the real DOCTYPE (with an entity
    bomb) behind 70 KB of padding: the file is read as text by the defused parser and refused,
    and nothing of it is imported."""
    from tui.ingest import local
    from tui.ingest.pipeline import file_messages

    bomb = '<!ENTITY a "AAAAAAAAAA">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(6))
    items = "".join(f"<item><title>خبر {i} &g;</title><guid>g{i}</guid><description>متن {i} "
                    + "ی" * 80 + "</description></item>" for i in range(12000))
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- <rss -->\n<!-- ' + "x" * 70_000 + " -->\n"
            + f"<!DOCTYPE rss [{bomb}]>\n<rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>")
    path = tmp_path / "padded.xml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > local.STREAM_CHARS
    streamed = local.stream_path(path)
    assert not streamed.data, "a file with a DOCTYPE must not go to expat as bytes"
    messages = list(file_messages([str(path)], 2_000_000))
    assert not [m for m in messages if m[0] == "rows" and m[2]], "nothing of a refused feed is imported"
    assert any("entit" in str(m).lower() or "forbidden" in str(m).lower() for m in messages), messages
