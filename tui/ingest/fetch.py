"""Fetch feeds (and single pages) over HTTP: concurrent, polite, bounded, resumable.

How the app and the CLI use it::

    reports = await fetch_all(store, config, progress=on_progress)   # in an event loop
    reports = fetch_all_sync(store, config, progress=on_progress)    # from a thread / CLI

``on_progress(FetchProgress)`` is called in the thread running the loop:
once at the start (done=0) and after every feed. From a Textual thread
worker, hand it on with ``app.call_from_thread``; from an async worker it can
touch widgets directly, because parsing and store writes run in threads
(``asyncio.to_thread``) and never block the loop.

Politeness and safety, each for a reason: at most ``config.concurrency``
requests at once and 2 per host (feed servers are often small); a clear
User-Agent; conditional GET with the ETag/Last-Modified kept on the Feed, so
an unchanged feed costs one 304 and no parsing; feeds fetched more recently
than their ``<ttl>`` / ``Cache-Control: max-age`` are skipped unless forced;
retries with exponential back-off only for transient failures (connection
errors, timeouts, 429, 5xx), honouring ``Retry-After``; redirects followed up
to a limit (loops end as a clear error); bodies streamed and cut off past
``config.max_response_bytes`` (counted after decompression, so a gzip bomb
stops too); and a whole-request deadline, so a server that drips bytes
cannot hold a slot forever.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx

from tui import __version__
from tui.config import Config
from tui.errors import InputError, MarsadError
from tui.ingest.encoding import charset_from_content_type, decode_bytes
from tui.ingest.feeds import ParsedFeed, parse_feed
from tui.ingest.html import extract_page
from tui.ingest.local import Loaded, load_bytes
from tui.ingest.saving import save_articles
from tui.ingest.textclean import clean_feed, language_of
from tui.models import Article, Feed, now_iso
from tui.store import Store

USER_AGENT = f"Marsad/{__version__} (+terminal news reader)"
ACCEPT_FEED = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
PER_HOST = 2
MAX_REDIRECTS = 8
MAX_TTL_MINUTES = 24 * 60
SHORT_SUMMARY_CHARS = 300
FULL_TEXT_PER_FEED = 20
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEADLINE_FACTOR = 2  # a request's whole life, retries and back-off included: fetch_timeout x this
MAX_RUN_BYTES = 512 * 1024 * 1024  # one fetch run (all feeds, full-text pages) downloads at most this
PERMANENT_REDIRECTS = frozenset({301, 308})


class FetchError(MarsadError):
    """One fetch failed; the message is one line for the report and the feed."""


@dataclass(frozen=True)
class RetryPolicy:
    """Back-off ``base * 2**n`` (+ jitter), capped; ``attempts`` counts the first try."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_delay)
        return min(self.base_delay * (2 ** attempt) * (1 + random.random() * 0.25), self.max_delay)


@dataclass
class Response:
    """A finished download: what the parsers and the Feed record need."""

    url: str
    status: int
    content: bytes
    headers: httpx.Headers
    moved_to: str = ""  # where a chain of permanent redirects (301/308) from the start led

    @property
    def charset(self) -> str | None:
        return charset_from_content_type(self.headers.get("content-type"))


@dataclass
class FetchReport:
    """What happened to one feed in a fetch run."""

    feed_id: str
    url: str
    name: str
    status: str  # "ok", "not-modified", "fresh" (skipped: fetched recently), "error"
    http_status: int | None = None
    items: int = 0
    added: int = 0
    updated: int = 0
    error: str = ""
    seconds: float = 0.0
    moved_to: str = ""  # the feed's new URL after a permanent redirect (saved on the Feed)

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass
class FetchProgress:
    """Sent to the progress callback at the start and after each feed."""

    done: int
    total: int
    added: int
    errors: int
    report: FetchReport | None = None
    reports: list[FetchReport] = field(default_factory=list)


ProgressCallback = Callable[[FetchProgress], None]


class Fetcher:
    """An httpx client with the global and per-host limits, retries and size cap."""

    def __init__(self, config: Config, retry: RetryPolicy | None = None,
                 transport: httpx.AsyncBaseTransport | None = None, max_run_bytes: int | None = None) -> None:
        self.config = config
        self.retry = retry or RetryPolicy()
        if max_run_bytes is None:  # the setting (tui.config), MAX_RUN_BYTES by default
            max_run_bytes = int(getattr(config, "max_run_bytes", MAX_RUN_BYTES))
        self.cap = max_run_bytes  # bytes one run may download in all (the per-fetch cap)
        self.budget = max_run_bytes  # what is left of it
        self._global = asyncio.Semaphore(max(1, int(config.concurrency)))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        timeout = httpx.Timeout(config.fetch_timeout, connect=min(config.fetch_timeout, 10.0))
        self.client = httpx.AsyncClient(
            follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT_FEED},
            limits=httpx.Limits(max_connections=max(4, int(config.concurrency) * 2)))

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        return self._hosts.setdefault(host, asyncio.Semaphore(PER_HOST))

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET with politeness and retries; FetchError with one clear line on failure.

        One deadline covers the whole request from its first byte sent:
        every attempt, the back-off between them and the download, so a
        server that drips bytes (or fails slowly) costs at most
        ``fetch_timeout * DEADLINE_FACTOR``. Waiting for a free slot does not count.
        """
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        total = self.config.fetch_timeout * DEADLINE_FACTOR
        ends: float | None = None
        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                async with self._host_slot(url), self._global:
                    ends = ends if ends is not None else time.monotonic() + total
                    resp = await self._get_once(url, headers or {}, ends - time.monotonic(), total)
                if resp.status not in RETRY_STATUSES:
                    return resp
                reason = f"HTTP {resp.status}"
                retry_after = _retry_after(resp.headers.get("retry-after"))
            except _Transient as exc:
                reason = str(exc)
            attempt += 1
            delay = self.retry.delay(attempt - 1, retry_after)
            if attempt >= self.retry.attempts or (ends is not None and time.monotonic() + delay >= ends):
                raise FetchError(f"{reason} (after {attempt} attempt{'s' if attempt > 1 else ''})")
            await asyncio.sleep(delay)

    async def _get_once(self, url: str, headers: dict[str, str], remaining: float, total: float) -> Response:
        if remaining <= 0:
            raise FetchError(f"timed out: no complete answer within {total:g} s")
        try:
            async with asyncio.timeout(remaining):
                return await self._stream(url, headers)
        except TimeoutError:
            raise FetchError(f"timed out: no complete answer within {total:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)") from None
        except httpx.TimeoutException:
            raise _Transient(f"timed out after {self.config.fetch_timeout:g} s") from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Transient(f"connection failed: {_short(exc)}") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {_short(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_short(exc)}") from None

    async def _stream(self, url: str, headers: dict[str, str]) -> Response:
        limit = int(self.config.max_response_bytes)
        async with self.client.stream("GET", url, headers=headers) as resp:
            length = resp.headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise FetchError(f"response too large ({_mb(int(length))}; the limit is {_mb(limit)})")
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                self.budget -= len(chunk)
                if size > limit:
                    raise FetchError(f"response too large (over the {_mb(limit)} limit); download stopped")
                if self.budget < 0:
                    raise FetchError("this fetch run reached its download cap "
                                     f"({_mb(self.cap)}); the rest waits for the next fetch")
                chunks.append(chunk)
            _check_complete(resp, length)
            return Response(str(resp.url), resp.status_code, b"".join(chunks), resp.headers,
                            moved_to=permanent_target(resp))


def _check_complete(resp: httpx.Response, length: str) -> None:
    """A body shorter than its Content-Length was cut off: never import half a feed.

    Compared on the bytes as sent (before decompression), which is what the
    header counts. HEAD-like empty answers (204, 304) carry no body to check.
    """
    if not length.isdigit() or resp.status_code in (204, 304) or resp.request.method == "HEAD":
        return
    got = resp.num_bytes_downloaded
    if got < int(length):
        raise _Transient(f"response cut short ({got} of {length} bytes)")


def permanent_target(resp: httpx.Response) -> str:
    """The URL the leading permanent redirects point to; "" when the first hop is not permanent.

    Only the unbroken run of 301/308 from the original URL counts: after a
    302 or 307 the publisher has said "for now", so the saved URL must stay
    where the last permanent hop pointed.
    """
    hops = [*resp.history, resp]
    target = ""
    for hop, after in zip(hops, hops[1:]):
        if hop.status_code not in PERMANENT_REDIRECTS:
            break
        target = str(after.url)
    return target


class _Transient(Exception):
    """A failure worth retrying."""


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# -- feeds ---------------------------------------------------------------------


def is_fresh(feed: Feed, now: datetime | None = None) -> bool:
    """Fetched more recently than its TTL: skip unless forced."""
    if not feed.last_fetched or feed.ttl_minutes <= 0 or feed.last_status == "error":
        return False
    try:
        last = datetime.fromisoformat(feed.last_fetched)
    except ValueError:
        return False
    now = now or datetime.now(UTC)
    return now - last < timedelta(minutes=feed.ttl_minutes)


def conditional_headers(feed: Feed) -> dict[str, str]:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _max_age_minutes(headers: httpx.Headers) -> int:
    m = re.search(r"max-age\s*=\s*(\d+)", headers.get("cache-control", ""))
    return -(-int(m.group(1)) // 60) if m else 0


async def fetch_feed(fetcher: Fetcher, store: Store, feed: Feed, force: bool = False,
                     full_text: bool = False) -> FetchReport:
    """Fetch, parse and store one feed; updates ``feed`` (caller saves it). Never raises."""
    report = FetchReport(feed.id, feed.url, feed.name or feed.url, status="ok")
    started = time.monotonic()
    if not force and is_fresh(feed):
        report.status = "fresh"
        return report
    try:
        resp = await fetcher.get(feed.url, conditional_headers(feed))
        report.http_status = resp.status
        if resp.status == 304:
            report.status = "not-modified"
        elif resp.status >= 400:
            raise FetchError(f"HTTP {resp.status} {httpx.codes.get_reason_phrase(resp.status)}".strip())
        else:
            await _store_feed_response(fetcher, store, feed, resp, report, full_text)
        feed.etag = resp.headers.get("etag", feed.etag if resp.status == 304 else "")
        feed.last_modified = resp.headers.get("last-modified", feed.last_modified if resp.status == 304 else "")
        feed.last_error = ""
        _follow_permanent_move(feed, resp, report)
    except MarsadError as exc:
        report.status, report.error = "error", str(exc)
        feed.last_error = report.error
    except Exception as exc:  # a feed must never take the whole run down
        report.status, report.error = "error", f"unexpected {type(exc).__name__}: {_short(exc)}"
        feed.last_error = report.error
    feed.last_fetched = now_iso()
    feed.last_status = report.status if report.status != "ok" else str(report.http_status or "ok")
    if report.status == "error":
        feed.last_status = "error"
    report.seconds = time.monotonic() - started
    report.name = feed.name or feed.url
    return report


def _follow_permanent_move(feed: Feed, resp: Response, report: FetchReport) -> None:
    """A feed that moved for good is saved under its new URL (its id, and its articles, stay).

    Only after a usable answer (2xx/304): a move to a dead address is not
    worth remembering, and the old URL may yet come back.
    """
    if resp.moved_to and resp.moved_to != feed.url and resp.status < 400:
        report.moved_to = feed.url = resp.moved_to


async def _store_feed_response(fetcher: Fetcher, store: Store, feed: Feed, resp: Response,
                               report: FetchReport, full_text: bool) -> None:
    parsed = await asyncio.to_thread(_parse_response, resp, feed.url)
    items = _prepare_items(parsed, feed)[: max(1, int(fetcher.config.max_items_per_feed))]
    report.items = len(items)
    added, updated = await asyncio.to_thread(save_articles, store, items, fetcher.config.max_article_chars)
    report.added, report.updated = len(added), len(updated)
    if full_text and added:
        fuller = await _fill_full_text(fetcher, [a for a in added if len(a.body) < SHORT_SUMMARY_CHARS])
        if fuller:
            await asyncio.to_thread(save_articles, store, fuller, fetcher.config.max_article_chars)
    feed.name = feed.name or parsed.title
    feed.ttl_minutes = min(max(parsed.ttl_minutes, _max_age_minutes(resp.headers)), MAX_TTL_MINUTES)


def _parse_response(resp: Response, url: str) -> ParsedFeed:
    """Decode and parse; errors lose the URL prefix (the report already names the feed).

    Relative links resolve against the URL the feed was finally served from.
    """
    try:
        text = decode_bytes(resp.content, declared=resp.charset, name=url).text
        return parse_feed(text, name=url, base=resp.url)
    except InputError as exc:
        raise FetchError(str(exc).removeprefix(f"{url}: ")) from None


def _prepare_items(parsed: ParsedFeed, feed: Feed) -> list[Article]:
    for art in parsed.items:
        art.feed_id = feed.id
        art.source = feed.name or parsed.title or art.source
        if not art.language:
            art.language = feed.language or language_of(art.title + "\n" + art.body[:400])
    return parsed.items


async def _fill_full_text(fetcher: Fetcher, articles: list[Article]) -> list[Article]:
    """Replace short summaries by the page's readable text, where the page has more."""
    async def one(art: Article) -> Article | None:
        try:
            resp = await fetcher.get(art.url, {"Accept": "text/html,*/*;q=0.5"})
            if resp.status >= 400:
                return None
            html = decode_bytes(resp.content, declared=resp.charset, name=art.url).text
            page = await asyncio.to_thread(extract_page, html)
        except MarsadError:
            return None
        if len(page.text) <= len(art.body):
            return None
        art.body, art.hash = page.text, ""
        art.__post_init__()  # recompute the content hash for the new body
        return art

    todo = [a for a in articles if a.url.startswith(("http://", "https://"))][:FULL_TEXT_PER_FEED]
    results = await asyncio.gather(*(one(a) for a in todo))
    return [a for a in results if a is not None]


async def fetch_all(store: Store, config: Config, *, feeds: Iterable[Feed] | None = None,
                    force: bool = False, full_text: bool = False,
                    progress: ProgressCallback | None = None, retry: RetryPolicy | None = None,
                    transport: httpx.AsyncBaseTransport | None = None) -> list[FetchReport]:
    """Fetch every feed (or ``feeds``) concurrently; one FetchReport per feed, in feed order."""
    todo = list(store.feeds() if feeds is None else feeds)
    reports: list[FetchReport | None] = [None] * len(todo)
    state = FetchProgress(done=0, total=len(todo), added=0, errors=0)
    _notify(progress, state)

    async with Fetcher(config, retry=retry, transport=transport) as fetcher:
        async def run(i: int, feed: Feed) -> None:
            report = await fetch_feed(fetcher, store, feed, force=force, full_text=full_text)
            if report.status != "fresh":
                await asyncio.to_thread(store.save_feed, clean_feed(feed))
            reports[i] = report
            state.done += 1
            state.added += report.added
            state.errors += report.failed
            state.report = report
            state.reports.append(report)
            _notify(progress, state)

        await asyncio.gather(*(run(i, f) for i, f in enumerate(todo)))
    return [r for r in reports if r is not None]


def fetch_all_sync(store: Store, config: Config, **kwargs: object) -> list[FetchReport]:
    """``fetch_all`` for callers without an event loop (CLI, thread workers)."""
    return asyncio.run(fetch_all(store, config, **kwargs))  # type: ignore[arg-type]


def _notify(progress: ProgressCallback | None, state: FetchProgress) -> None:
    if progress is None:
        return
    try:
        progress(state)
    except Exception:  # a broken progress display must not stop the fetch
        pass


# -- single URLs (marsad import URL) ----------------------------------------------


async def fetch_url(url: str, config: Config, retry: RetryPolicy | None = None,
                    transport: httpx.AsyncBaseTransport | None = None) -> Loaded:
    """One URL as articles: a feed if it is one, else the page's readable text."""
    async with Fetcher(config, retry=retry, transport=transport) as fetcher:
        try:
            resp = await fetcher.get(url, {"Accept": "text/html, application/xhtml+xml, " + ACCEPT_FEED})
        except FetchError as exc:
            raise InputError(f"{url}: {exc}") from None
    if resp.status >= 400:
        raise InputError(f"{url}: HTTP {resp.status} {httpx.codes.get_reason_phrase(resp.status)}".strip())
    ctype = resp.headers.get("content-type", "").lower()
    ext = ".html" if "html" in ctype else ""
    loaded = await asyncio.to_thread(load_bytes, resp.content, url, ext, resp.charset, resp.url)
    for art in loaded.articles:
        if loaded.kind == "html":
            art.url = resp.url
    return loaded


def fetch_url_sync(url: str, config: Config) -> Loaded:
    return asyncio.run(fetch_url(url, config))
