"""Clean untrusted text at the door, so the store only ever holds tidy logical text.

Why here and not at draw time: stored text is what search, entity offsets and
annotations index into; if it changed later, their offsets would drift. So
ingest fixes it once: NFC, ``\\n`` line ends, no C0/C1 controls (ANSI escapes
included), no Arabic presentation forms (legacy pages shape text themselves;
we store logical letters), no stray BOMs, spaces collapsed, paragraphs
separated by exactly one blank line. Bidi controls, ZWNJ and ZWJ are kept:
they carry meaning.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tui.models import Article, Feed, content_hash
from tui.text.normalize import guess_language, script_of
from tui.text.sanitize import has_unsafe, sanitize, sanitize_inline

_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# In bodies a single no-break space (U+00A0, U+2007, U+202F) is kept: "10 000"
# and "12 مارس" must not be broken by the reader nor lose their meaning. Runs
# of two or more spaces of any kind (HTML &nbsp;&nbsp; padding) become one space.
# (A lone ASCII space is left alone rather than replaced by itself: that made
# a substitution per word and was half the cost of importing a body.)
_BODY_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u2000-\u2006\u2008-\u200a\u205f\u3000]")
_BLANKS = re.compile(r"\n\s*\n+")
# Every character that sanitize(), the presentation-form and the space rules
# would act on (controls and tabs, C1 and NBSP, soft hyphen, the Unicode
# spaces, line/paragraph separators, bidi overrides, surrogates, presentation
# forms, BOM, non-characters). Text with none of them, and no double space,
# needs only NFC and the line rules: one scan instead of seven regex passes,
# with the same result (tests/test_textclean_fast.py checks the two paths agree).
RARE_CHARS = ("\x00-\x09\x0b-\x1f\x7f-\xa0\xad\u2000-\u200a\u2028\u2029\u202d-\u202f\u205f\u3000"
              "\ud800-\udfff\ufb50-\ufdff\ufe70-\ufeff\ufffe\uffff")  # (a regex class body)
_RARE = re.compile(f"[{RARE_CHARS}]")
# BCP 47 as feeds write it ("ar", "fa-IR", "he_IL", "zh-Hant-TW"), lower-cased.
_LANG = re.compile(r"(?:[a-z]{2,3}|[xi])(?:-[a-z0-9]{1,8})*")
MAX_INLINE_CHARS = 2048  # a title, URL or name longer than this is junk, not data


def _unshape(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def clean_inline(text: str) -> str:
    """One line of text (a title, a name): controls gone, spaces collapsed."""
    plain = _plain(text)
    if plain is not None:
        text = plain.replace("\n", " ")
        return (_SPACES.sub(" ", text) if "  " in text else text).strip()
    text = _basic(text).replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """A body: paragraphs split by one blank line, single newlines kept inside."""
    plain = _plain(text)
    text = plain if plain is not None else _BODY_SPACES.sub(" ", _basic(text))
    text = _line_edges(text)
    return _BLANKS.sub("\n\n", text).strip("\n ")


def _plain(text: str) -> str | None:
    """``text`` in NFC when nothing but NFC would change it (see ``_RARE``), else None."""
    if "  " in text or _RARE.search(text) is not None:
        return None
    nfc = unicodedata.normalize("NFC", text)
    if nfc is text:  # already NFC (normalize returns its argument then): checked above
        return nfc
    return nfc if "  " not in nfc and _RARE.search(nfc) is None else None


def nfc_if_plain(text: str) -> str | None:
    """``text`` in NFC when none of the character rules of :func:`clean_text`
    would change it (no rare character, no double space), else None. The line
    rules (a space at a line's edge, blank runs) are left to the caller."""
    return _plain(text)


def _line_edges(text: str) -> str:
    """One space either side of each line break dropped (what ``re.sub(r" ?\\n ?", "\\n")``
    does), in two C-level replaces rather than a regex tried at every position."""
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    return text


def _basic(text: str) -> str:
    text = _PRESENTATION.sub(_unshape, sanitize(text))
    return unicodedata.normalize("NFC", text)


def language_of(text: str) -> str:
    """ar / fa / he / en from the letters used; "" when there are none to go by,
    so an article of only digits is not labelled English."""
    return guess_language(text) if script_of(text) else ""


def clean_language(value: str) -> str:
    """A language tag, or "" when the value is not one (it steers the bidi engine,
    so it must never carry anything else)."""
    # A feed repeats one tag on every item: each distinct string is cleaned once.
    return _clean_language(value) if type(value) is str else _clean_language.__wrapped__(value)


@lru_cache(maxsize=512)
def _clean_language(value: str) -> str:
    value = sanitize_inline(value or "").lower().replace("_", "-")
    return value if len(value) <= 35 and _LANG.fullmatch(value) else ""


def clean_field(value: str) -> str:
    """One stored line from outside (URL, guid, source, author, tag): safe and bounded."""
    if not value:
        return ""
    if has_unsafe(value) or "\n" in value or len(value) > MAX_INLINE_CHARS or value != value.strip():
        value = sanitize_inline(value)[:MAX_INLINE_CHARS]
    return value


def clean_tags(tags: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in (clean_field(str(x)) for x in tags) if t))


def clean_article(art: Article) -> Article:
    """The door for articles: every field that came from outside made safe, in place.

    Titles and bodies are normally clean already (the parsers clean them), so
    this only rewrites a field that still holds something unsafe: one scan
    per field on the common path.
    """
    title, body = art.title, art.body
    if has_unsafe(title) or "\n" in title:
        art.title = clean_inline(title)
    if has_unsafe(body, keep_tabs=True) or "\t" in body:  # (newlines are a body's own, not unsafe)
        art.body = clean_text(body)
    if (art.title, art.body) != (title, body):
        art.hash = content_hash(art.title, art.body)
    for name in ("url", "guid", "source", "feed_id", "author", "published"):
        setattr(art, name, clean_field(getattr(art, name) or ""))
    art.language = clean_language(art.language)
    if art.direction not in ("rtl", "ltr"):
        art.direction = None
    art.tags = clean_tags(art.tags)
    return art


def clean_feed(feed: Feed) -> Feed:
    """The door for feeds (OPML entries, fetch results, HTTP headers), in place."""
    feed.url = clean_field(feed.url)
    feed.name = clean_inline(feed.name) if feed.name else ""
    feed.language = clean_language(feed.language)
    feed.tags = clean_tags(feed.tags)
    for name in ("etag", "last_modified", "last_fetched", "last_status", "last_error"):
        setattr(feed, name, clean_field(getattr(feed, name) or ""))
    return feed
