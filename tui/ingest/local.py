"""Local files to Articles and Feeds: text, Markdown, HTML, feed files, OPML.

Everything here is parse-only: nothing touches the store, so a file that
fails half-way leaves the library exactly as it was (the caller adds the
whole result in one write, or nothing). The extension picks the reader; an
unknown extension, or a ``.xml`` that is really OPML, is sniffed from the
content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.errors import InputError
from tui.ingest.encoding import decode_bytes, utf8_head
from tui.ingest.feeds import (
    STREAM_CHARS,
    ParsedFeed,
    RssStream,
    looks_like_feed,
    parse_feed,
    parse_xml_feed,
    refuse_entities,
)
from tui.ingest.html import extract_page, html_to_text
from tui.ingest.opml import parse_opml
from tui.ingest.textclean import clean_inline, clean_language, clean_text, language_of
from tui.ingest.textfile import read_file
from tui.models import Article, Feed

TEXT_EXTS = {".txt", ".text", ".md", ".markdown"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
FEED_EXTS = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed"}
OPML_EXTS = {".opml"}


@dataclass
class Loaded:
    """What one input yields: articles to add and/or feeds to subscribe to."""

    source: str
    kind: str  # text, markdown, html, feed, opml
    articles: list[Article] = field(default_factory=list)
    feeds: list[Feed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each, shown to the user


def load_path(path: str | Path) -> Loaded:
    """Read and parse one local file; InputError with one clear line if unusable."""
    p = Path(path).expanduser()
    return _located(load_bytes(read_file(p), name=str(path), ext=p.suffix.lower()), p)


@dataclass
class Streamed:
    """One local file as :func:`stream_path` gives it: what it is, and its articles.

    ``items`` is a list, or for a big RSS feed an iterator that parses as it
    goes and may raise :class:`tui.ingest.feeds.NotStreamable` part-way (a
    consumer then drops what it had and calls :meth:`whole`).
    """

    loaded: Loaded
    items: Iterable[Article]
    text: str = ""
    data: bytes = b""  # the file, when it was streamed as bytes (``text`` is then made only if needed)

    def whole(self) -> list[Article]:
        """The feed's articles from a parse of the whole document (after NotStreamable).

        A feed streamed as bytes is decoded now, as :func:`load_path` would
        decode it; what the decoding had to say is added to ``loaded.warnings``.
        """
        name = self.loaded.source
        if not self.text and self.data:
            decoded = decode_bytes(self.data, name=name)
            self.text = decoded.text.lstrip("\ufeff \t\r\n")
            if decoded.warning:
                self.loaded.warnings.append(f"{name}: {decoded.warning}")
        try:
            return _feed_articles(parse_xml_feed(self.text, name, stream=False), name)
        except InputError as exc:
            raise exc if str(exc).startswith(name) else InputError(f"{name}: {exc}") from None


def stream_path(path: str | Path) -> Streamed:
    """Like :func:`load_path`, but a big RSS feed's items are parsed as they are
    consumed (``marsad import`` writes the first ones while the rest is read)."""
    p = Path(path).expanduser()
    name, ext = str(path), p.suffix.lower()
    data = read_file(p)
    if len(data) > STREAM_CHARS and not data.isspace():  # (not strip(): that copies the file)
        head = utf8_head(data, name)
        if head is not None:  # UTF-8, as nearly every feed is: expat reads the bytes
            head = head.lstrip("\ufeff \t\r\n")
            if _kind_for(ext, head) == "feed" and _rss_without_doctype(head, data):
                refuse_entities(head, name)
                return Streamed(Loaded(name, "feed"), _guess_languages(RssStream(data)), data=data)
        decoded = decode_bytes(data, name=name)
        text = decoded.text.lstrip("\ufeff \t\r\n")
        if not text.startswith("{") and _kind_for(ext, text) == "feed":
            refuse_entities(text, name)
            warnings = [f"{name}: {decoded.warning}"] if decoded.warning else []
            return Streamed(Loaded(name, "feed", warnings=warnings), _guess_languages(RssStream(text)), text)
    loaded = _located(load_bytes(data, name=name, ext=ext), p)
    return Streamed(loaded, loaded.articles)


def _rss_without_doctype(head: str, data: bytes) -> bool:
    """An RSS root and no DOCTYPE anywhere in the file (what may be read as bytes
    by expat, which has no entity guard of ours). The whole file is searched, not
    the head: a comment in the head can say ``<rss`` and pad the real DOCTYPE, with
    its entity declarations, past the first 64 KB. The keyword is upper case in XML
    (expat refuses ``<!doctype``), so one ``bytes.find`` over the file is enough.
    Anything else (Atom, a DOCTYPE, no root in the first 64 KB) is read as text:
    the defused parser, which refuses entity declarations, or the whole tree."""
    return "<rss" in head and b"<!DOCTYPE" not in data


def _guess_languages(items: Iterable[Article]) -> Iterator[Article]:
    for art in items:
        art.language = art.language or language_of(art.title + "\n" + art.body[:400])
        yield art


def _located(loaded: Loaded, p: Path) -> Loaded:
    """Articles of a text, Markdown or HTML file get the file's URL when they have none."""
    for art in loaded.articles:
        if loaded.kind in ("text", "markdown", "html"):
            art.url = art.url or p.resolve().as_uri()
    return loaded


def load_bytes(data: bytes, name: str, ext: str = "", charset: str | None = None,
               url: str = "") -> Loaded:
    """Parse bytes by extension (or by sniffing); shared by files and fetched pages."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    decoded = decode_bytes(data, declared=charset, name=name)
    try:
        loaded = _parse_text(decoded.text, name, ext, url)
    except InputError as exc:  # messages from deep in a parser may lack the file name
        raise exc if str(exc).startswith(name) else InputError(f"{name}: {exc}") from None
    if decoded.warning:
        loaded.warnings.append(f"{name}: {decoded.warning}")
    return loaded


def _parse_text(text: str, name: str, ext: str, url: str) -> Loaded:
    kind = _kind_for(ext, text)
    if kind == "opml":
        feeds = parse_opml(text, name)
        if not feeds:
            raise InputError(f"{name}: the OPML list names no http(s) feeds")
        return Loaded(name, "opml", feeds=feeds)
    if kind == "feed":
        return Loaded(name, "feed", articles=_feed_articles(parse_feed(text, name), name))
    if kind == "html":
        return Loaded(name, "html", articles=[html_article(text, name, url)])
    return Loaded(name, kind, articles=[text_article(text, name, markdown=kind == "markdown")])


def _feed_articles(feed: ParsedFeed, name: str) -> list[Article]:
    if not feed.items:
        raise InputError(f"{name}: the feed has no items")
    return list(_guess_languages(feed.items))


def _kind_for(ext: str, text: str) -> str:
    sniffed = looks_like_feed(text)
    if ext in OPML_EXTS or sniffed == "opml":
        return "opml"
    if ext in FEED_EXTS:
        return "feed"
    if ext in HTML_EXTS:
        return "html"
    if ext in (".md", ".markdown"):
        return "markdown"
    if ext in TEXT_EXTS:
        return "text"
    if sniffed in ("xml-feed", "json-feed"):
        return "feed"
    if sniffed == "html":
        return "html"
    return "text"


def markdown_to_text(text: str) -> str:
    """Markdown as readable text: markup gone, one paragraph per block.

    markdown-it-py (CommonMark, the parser Textual itself uses) renders HTML,
    which goes through the same HTML-to-text walk as feed items: ``**bold**``,
    ``[label](url)``, ``# heading`` and list markers give their text only,
    inline HTML (``<div dir="rtl">``) is read like any page, code keeps its lines.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return html_to_text(md.render(text))


def text_article(text: str, name: str, markdown: bool = False) -> Article:
    """First non-empty line is the title; the rest the body, paragraphs kept."""
    text = markdown_to_text(text) if markdown else clean_text(text)
    if not text:
        raise InputError(f"{name}: the file has no text")
    first, _, rest = text.partition("\n")
    title = first
    body = rest.strip("\n")
    return Article(id="", title=clean_inline(title), body=body, source=Path(name).name,
                   language=language_of(title + "\n" + body))


def html_article(text: str, name: str, url: str = "") -> Article:
    """An HTML page as one Article: main content only, title from <h1>/<title>."""
    page = extract_page(text)
    body = page.text
    title = page.title
    if not title:
        title, _, body = body.partition("\n")
        body = body.strip("\n")
    if not title and not body:
        raise InputError(f"{name}: no readable text found in the page")
    return Article(id="", title=title, body=body, url=url, source=Path(name).name if not url else _host(url),
                   language=_lang(page.language) or language_of(title + "\n" + body),
                   direction=page.direction)  # type: ignore[arg-type]


def _lang(lang: str) -> str:
    return clean_language(lang)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url
