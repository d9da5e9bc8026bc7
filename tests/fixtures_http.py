"""A real HTTP server on 127.0.0.1 for feed tests (no outside network).

Import the fixture into a test module: ``from fixtures_http import http_server``.
The server serves ``tests/fixtures/feeds/`` under ``/feeds/`` plus scripted
endpoints: conditional GET, redirect chains and loops, a slow endpoint, a
500-then-200 endpoint, a huge response, a 429 with Retry-After, a server that
trickles bytes, a body shorter than its Content-Length. It counts
requests per path and records request headers, so tests can check what the
client actually sent.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
ETAG = '"marsad-v1"'
LAST_MODIFIED = formatdate(1709632800, usegmt=True)
CONTENT_TYPES = {".xml": "application/rss+xml", ".rdf": "application/rdf+xml", ".json": "application/feed+json",
                 ".html": "text/html; charset=utf-8", ".opml": "text/x-opml"}


@dataclass
class ServerState:
    hits: Counter = field(default_factory=Counter)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    flaky_failures: int = 2
    slow_seconds: float = 3.0


class Handler(BaseHTTPRequestHandler):
    state: ServerState
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        self.state.hits[path] += 1
        self.state.headers.setdefault(path, []).append({k.lower(): v for k, v in self.headers.items()})
        route = ROUTES.get(path)
        if route is not None:
            route(self)
        elif path.startswith("/feeds/"):
            self.serve_file(path.removeprefix("/feeds/"))
        else:
            self.send(404, b"not here", "text/plain")

    def send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size limits): that is what the test wants

    def serve_file(self, name: str, ctype: str | None = None, extra: dict[str, str] | None = None) -> None:
        path = FEEDS / name
        if not path.is_file() or ".." in name:
            self.send(404, b"missing", "text/plain")
            return
        self.send(200, path.read_bytes(), ctype or CONTENT_TYPES.get(path.suffix, "application/xml"), extra)


def _conditional(h: Handler) -> None:
    if h.headers.get("If-None-Match") == ETAG or h.headers.get("If-Modified-Since") == LAST_MODIFIED:
        h.send_response(304)
        h.send_header("ETag", ETAG)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    h.serve_file("rss2_ar.xml", extra={"ETag": ETAG, "Last-Modified": LAST_MODIFIED})


def _redirect(to: str, status: int = 302):
    def handler(h: Handler) -> None:
        h.send(status, b"", "text/plain", {"Location": to})
    return handler


def _slow(h: Handler) -> None:
    time.sleep(h.state.slow_seconds)
    h.serve_file("rss2_ar.xml")


def _flaky(h: Handler) -> None:
    if h.state.hits["/flaky"] <= h.state.flaky_failures:
        h.send(500, b"server error", "text/plain")
    else:
        h.serve_file("atom_he.xml", "application/atom+xml")


def _huge(h: Handler) -> None:
    """20 MB with an honest Content-Length: refused before reading."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(20 * 1024 * 1024))
    h.end_headers()
    try:
        h.wfile.write(b"<rss>" + b" " * (1024 * 1024))
    except (BrokenPipeError, ConnectionResetError):
        pass


def _huge_chunked(h: Handler) -> None:
    """No Content-Length: the client must count and stop."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Connection", "close")
    h.end_headers()
    try:
        h.wfile.write(b"<rss><channel>")
        for _ in range(40):
            h.wfile.write(b"<!-- padding -->" * 65536)
    except (BrokenPipeError, ConnectionResetError):
        pass
    h.close_connection = True


def _trickle(h: Handler) -> None:
    """Honest headers, then one byte every 50 ms for ever: no read ever times out."""
    body = (FEEDS / "rss2_ar.xml").read_bytes()
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    try:
        for i in range(len(body)):
            h.wfile.write(body[i:i + 1])
            h.wfile.flush()
            time.sleep(0.05)
    except (BrokenPipeError, ConnectionResetError):
        pass


def _short(h: Handler) -> None:
    """A well-formed feed, but Content-Length promises more: the body was cut off."""
    body = (FEEDS / "rss2_ar.xml").read_bytes()
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(body) + 4096))
    h.send_header("Connection", "close")
    h.end_headers()
    try:
        h.wfile.write(body)
        h.wfile.flush()
    except (BrokenPipeError, ConnectionResetError):
        pass
    h.close_connection = True


def _too_many(h: Handler) -> None:
    if h.state.hits["/busy"] == 1:
        h.send(429, b"slow down", "text/plain", {"Retry-After": "0"})
    else:
        h.serve_file("rss1_en.rdf")


def _cp1256_no_charset(h: Handler) -> None:
    h.serve_file("ar_cp1256_nodecl.xml", "application/xml")


def _cp1255_header(h: Handler) -> None:
    h.serve_file("he_cp1255_nodecl.xml", "application/xml; charset=windows-1255")


def _max_age(h: Handler) -> None:
    h.serve_file("rss1_en.rdf", extra={"Cache-Control": "public, max-age=3600"})


ROUTES = {
    "/etag.xml": _conditional,
    "/redirect/1": _redirect("/redirect/2", 301),
    "/redirect/2": _redirect("/redirect/3", 302),
    "/redirect/3": _redirect("/feeds/rss1_en.rdf", 307),
    "/loop/a": _redirect("/loop/b"),
    "/loop/b": _redirect("/loop/a"),
    "/slow.xml": _slow,
    "/flaky": _flaky,
    "/huge.xml": _huge,
    "/huge-chunked.xml": _huge_chunked,
    "/busy": _too_many,
    "/trickle.xml": _trickle,
    "/short.xml": _short,
    "/cp1256.xml": _cp1256_no_charset,
    "/cp1255.xml": _cp1255_header,
    "/max-age.xml": _max_age,
}


@dataclass
class HTTPFixture:
    base: str
    state: ServerState

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def http_server() -> Iterator[HTTPFixture]:
    state = ServerState()
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield HTTPFixture(f"http://127.0.0.1:{server.server_address[1]}", state)
    finally:
        server.shutdown()
        server.server_close()
