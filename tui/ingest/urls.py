"""Checking a feed URL's shape, shared by ``marsad feeds add`` and the feeds screen."""

from __future__ import annotations

from urllib.parse import urlsplit

from tui.errors import InputError


def check_url(url: str) -> str:
    """A feed URL we can fetch: http(s) with a host. Returns it stripped.

    Checked when the feed is added, so a typo fails at once, not at the next fetch.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"not a feed URL: {url!r} (expected http:// or https://)")
    return url
