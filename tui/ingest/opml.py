"""OPML 2 feed lists in and out; tags travel as OPML categories.

On import a feed's tags are its ``category`` values (comma-separated,
slash-delimited paths: ``/politics/gulf`` gives ``politics/gulf``) plus the
text of the folder outlines it sits in, which is how most readers export
folders. On export each feed is one flat outline with its tags in
``category``, which every reader we know imports; folders would duplicate
feeds that carry several tags.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from tui.errors import InputError
from tui.ingest.textclean import clean_feed, clean_field, clean_inline, clean_language
from tui.models import Feed, now_iso


def feed_id_for(url: str) -> str:
    """The same id the store gives a feed saved without one."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


MAX_OPML_DEPTH = 64  # folders inside folders; real lists have 2 or 3 levels


def parse_opml(text: str, name: str = "OPML") -> list[Feed]:
    """Feeds listed in an OPML document, tags from categories and folders.

    Only http(s) feeds are kept (a list may name ``file:`` or ``javascript:``
    URLs; they could never be fetched). Outlines nested deeper than
    :data:`MAX_OPML_DEPTH` are refused with an InputError.
    """
    try:
        root = SafeET.fromstring(text.lstrip("\ufeff \t\r\n"), forbid_dtd=False,
                                 forbid_entities=True, forbid_external=True)
    except ET.ParseError as exc:
        raise InputError(f"{name}: malformed OPML ({str(exc).split(':')[0]}, line {exc.position[0]})") from exc
    except DefusedXmlException as exc:
        raise InputError(f"{name}: OPML uses forbidden XML constructs; refused") from exc
    except RecursionError:
        raise InputError(f"{name}: OPML nested too deeply; refused") from None
    if root.tag.lower() != "opml":
        raise InputError(f"{name}: not OPML (root element <{clean_inline(str(root.tag))[:40]}>)")
    body = root.find("body")
    feeds: dict[str, Feed] = {}
    if body is not None:
        _collect(body, feeds, name)
    return [clean_feed(f) for f in feeds.values()]


def _collect(body: ET.Element, out: dict[str, Feed], name: str) -> None:
    """Walk the outlines in document order, iteratively (a hostile list cannot exhaust the stack)."""
    stack: list[tuple[ET.Element, list[str]]] = [(o, []) for o in reversed(body.findall("outline"))]
    while stack:
        outline, folders = stack.pop()
        if len(folders) > MAX_OPML_DEPTH:
            raise InputError(f"{name}: OPML outlines nested more than {MAX_OPML_DEPTH} deep; refused")
        label = clean_inline(outline.get("title") or outline.get("text") or "")
        url = clean_field(outline.get("xmlUrl") or outline.get("xmlurl") or "")
        if url and urlsplit(url).scheme.lower() in ("http", "https"):
            _add(out, url, label, folders, outline)
        inner = folders + [label if label and not url else ""]
        stack.extend((child, inner) for child in reversed(outline.findall("outline")))


def _add(out: dict[str, Feed], url: str, label: str, folders: list[str], outline: ET.Element) -> None:
    tags = _unique([f for f in folders if f] + _categories(outline.get("category") or ""))
    feed = out.get(url)
    if feed is None:
        out[url] = Feed(id=feed_id_for(url), url=url, name=label,
                        language=clean_language(outline.get("language") or ""), tags=tags)
    else:
        feed.tags = _unique(feed.tags + tags)


def _categories(value: str) -> list[str]:
    return [c.strip().strip("/") for c in value.split(",") if c.strip().strip("/")]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def export_opml(feeds: list[Feed], title: str = "Marsad feeds") -> str:
    """An OPML 2.0 document listing ``feeds``, tags as categories."""
    # (imported here: xml.sax.saxutils imports urllib.request, http.client and ssl,
    # 16 ms of every ``marsad import``'s start for a function it never calls)
    from xml.sax.saxutils import escape, quoteattr

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{escape(title)}</title>", f"    <dateCreated>{now_iso()}</dateCreated>",
             "  </head>", "  <body>"]
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name or feed.url, "title": feed.name or feed.url,
                 "xmlUrl": feed.url}
        if feed.language:
            attrs["language"] = feed.language
        if feed.tags:
            attrs["category"] = ",".join("/" + t for t in feed.tags)
        rendered = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        lines.append(f"    <outline {rendered}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
