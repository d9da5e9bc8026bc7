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
from xml.sax.saxutils import quoteattr, escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from tui.errors import InputError
from tui.ingest.textclean import clean_inline
from tui.models import Feed, now_iso


def feed_id_for(url: str) -> str:
    """The same id the store gives a feed saved without one."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def parse_opml(text: str, name: str = "OPML") -> list[Feed]:
    """Feeds listed in an OPML document, tags from categories and folders."""
    try:
        root = SafeET.fromstring(text.lstrip("\ufeff \t\r\n"), forbid_dtd=False,
                                 forbid_entities=True, forbid_external=True)
    except ET.ParseError as exc:
        raise InputError(f"{name}: malformed OPML ({str(exc).split(':')[0]}, line {exc.position[0]})") from exc
    except DefusedXmlException as exc:
        raise InputError(f"{name}: OPML uses forbidden XML constructs; refused") from exc
    if root.tag.lower() != "opml":
        raise InputError(f"{name}: not OPML (root element <{root.tag}>)")
    body = root.find("body")
    feeds: dict[str, Feed] = {}
    if body is not None:
        _collect(body, [], feeds)
    return list(feeds.values())


def _collect(parent: ET.Element, folders: list[str], out: dict[str, Feed]) -> None:
    for outline in parent.findall("outline"):
        label = clean_inline(outline.get("title") or outline.get("text") or "")
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            tags = _unique(folders + _categories(outline.get("category") or ""))
            feed = out.get(url)
            if feed is None:
                out[url] = Feed(id=feed_id_for(url), url=url, name=label,
                                language=(outline.get("language") or "").strip().lower(), tags=tags)
            else:
                feed.tags = _unique(feed.tags + tags)
        _collect(outline, folders + ([label] if label and not url else []), out)


def _categories(value: str) -> list[str]:
    return [c.strip().strip("/") for c in value.split(",") if c.strip().strip("/")]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def export_opml(feeds: list[Feed], title: str = "Marsad feeds") -> str:
    """An OPML 2.0 document listing ``feeds``, tags as categories."""
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
