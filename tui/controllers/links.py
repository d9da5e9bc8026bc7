"""Which article links Marsad may hand to the browser, and how to say so (no Textual).

Why a check at all: an article's URL comes from a feed or a page, so it may
be ``javascript:``, ``file:///etc/passwd``, a ``data:`` document or a
custom scheme that launches some other program through the desktop's URL
handler. Only ``http``, ``https`` (with a host) and ``mailto`` are opened,
always after the analyst has seen the whole URL, as text, and said yes;
everything else is refused with a message that names the scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.text.sanitize import visible_controls

OPENABLE_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class LinkCheck:
    """The verdict on one URL: ``url`` is what to show (and open, when ``ok``)."""

    ok: bool
    url: str
    message: str = ""

    @property
    def question(self) -> str:
        return f"Open this link in your browser?\n\n{self.url}"


def check_link(url: str | None) -> LinkCheck:
    """Decide whether ``url`` may be opened; the message says why not."""
    raw = (url or "").strip()
    shown = visible_controls(raw)
    if not shown:
        return LinkCheck(False, "", "This article has no URL.")
    try:
        parts = urlsplit(shown)
    except ValueError:
        return LinkCheck(False, shown, "Not opened: the URL cannot be read.")
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        what = f"a {scheme}: link" if scheme else "a link without http:// or https://"
        return LinkCheck(False, shown, f"Not opened: {what}. Only http, https and mailto links open from Marsad.")
    if shown != raw or any(ch.isspace() and ch != " " for ch in shown):
        return LinkCheck(False, shown, "Not opened: the URL holds control characters.")
    shown = shown.replace(" ", "%20")  # sloppy feeds leave spaces in paths; browsers send them so
    if scheme in ("http", "https") and not parts.hostname:
        return LinkCheck(False, shown, "Not opened: the link names no host.")
    return LinkCheck(True, shown)
