"""Feeds: the state of a background refresh, its footer lines, and subscribing from the feeds screen.

``r`` runs :func:`tui.ingest.fetch.fetch_all` in an async worker on the
app's own loop (the screen's); it awaits the network and hands parsing and
store writes to threads, so the UI never blocks. A thin status line above
the footer shows "Fetching 12/50 feeds · 34 new · 2 errors" while it runs;
the list is re-read once at the end (not once per feed); a notification
sums up. The feeds screen shows the Feed objects this controller hands it
(during a fetch, the very objects the fetcher is updating) and posts its
requests back to the main screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from tui.ingest.textclean import clean_inline
from tui.ingest.urls import check_url
from tui.models import Feed

if TYPE_CHECKING:  # the fetcher (httpx) is imported when a fetch starts, not at launch
    from tui.ingest.fetch import FetchProgress, FetchReport, RetryPolicy

Severity = Literal["information", "warning", "error"]


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def progress_line(p: FetchProgress) -> str:
    """The footer line while fetching: feeds done, articles added, errors."""
    parts = [f"Fetching {p.done}/{p.total} feed{'s' if p.total != 1 else ''}", f"{p.added} new"]
    if p.errors:
        parts.append(_n(p.errors, "error"))
    return " · ".join(parts)


def done_line(reports: list[FetchReport]) -> str:
    """The footer line after a fetch: what was checked, added and failed."""
    added = sum(r.added for r in reports)
    errors = sum(r.failed for r in reports)
    parts = [f"Fetched {_n(len(reports), 'feed')}", f"{added} new"]
    if errors:
        parts.append(_n(errors, "error"))
    return " · ".join(parts)


def summary(reports: list[FetchReport]) -> tuple[str, Severity]:
    """(message, severity) for the notification at the end of a fetch.

    Errors are counted, not listed: one broken feed must not bury the
    news; the feeds screen (``F``) has every error in full.
    """
    added = sum(r.added for r in reports)
    updated = sum(r.updated for r in reports)
    failed = [r for r in reports if r.failed]
    fresh = sum(r.status == "fresh" for r in reports)
    lines = [_n(added, "new article") if added else "No new articles"]
    lines[0] += f" from {_n(len(reports), 'feed')}"
    if updated:
        lines.append(f"{updated} updated")
    if fresh:
        lines.append(f"{fresh} skipped (checked recently)")
    moved = sum(bool(r.moved_to) for r in reports)
    if moved:
        lines.append(f"{moved} moved for good; URL updated")
    if failed:
        lines.append(f"{len(failed)} failed — press F to see why")
    severity: Severity = "error" if failed and len(failed) == len(reports) else "warning" if failed else "information"
    return "\n".join(lines), severity


class FeedsController:
    """Whether a fetch runs, which feeds it covers, their reports so far."""

    def __init__(self, retry: RetryPolicy | None = None) -> None:
        self.retry = retry  # None: the fetcher's default back-off (tests shorten it)
        self.fetching = False
        self.feeds: list[Feed] = []
        self.reports: dict[str, FetchReport] = {}
        self.progress: FetchProgress | None = None
        self.quiet = False

    def start(self, stored: list[Feed], feed_ids: list[str] | None, quiet: bool) -> list[Feed]:
        """Begin a fetch of ``feed_ids`` (or every feed); returns the feeds to fetch (none: not started)."""
        feeds = stored if feed_ids is None else [f for f in stored if f.id in feed_ids]
        if feeds:
            self.fetching, self.feeds, self.reports, self.quiet = True, feeds, {}, quiet
            from tui.ingest.fetch import FetchProgress

            self.progress = FetchProgress(done=0, total=len(feeds), added=0, errors=0)
        return feeds

    def advanced(self, progress: FetchProgress) -> str:
        """One more feed done (or the start); returns the status line."""
        self.progress = progress
        if progress.report is not None:
            self.reports[progress.report.feed_id] = progress.report
        return progress_line(progress)

    def finished(self) -> None:
        self.fetching = False

    def should_notify(self, reports: list[FetchReport], severity: Severity) -> bool:
        """Auto-refresh stays quiet unless something was added or went wrong."""
        return not self.quiet or severity != "information" or any(r.added for r in reports)

    def for_view(self, stored: list[Feed]) -> list[Feed]:
        """Stored feeds, with the in-flight objects (updated live by the fetcher) in their place."""
        live = {f.id: f for f in self.feeds} if self.fetching else {}
        return [live.get(f.id, f) for f in stored]

    def pending_ids(self) -> set[str]:
        if not self.fetching:
            return set()
        return {f.id for f in self.feeds} - set(self.reports)

    @staticmethod
    def subscription(stored: list[Feed], url: str, name: str, tags: list[str],
                     language: str = "") -> tuple[Feed, bool]:
        """The feed to save for an add request, and whether it was already subscribed.

        Raises :class:`~tui.errors.InputError` for a URL that is not http(s).
        """
        from tui.ingest.opml import feed_id_for  # XML parsing modules: not needed to paint the first screen

        url = check_url(url)
        existing = {f.url: f for f in stored}
        feed = existing.get(url) or Feed(id=feed_id_for(url), url=url)
        feed.name = clean_inline(name) or feed.name
        feed.tags = list(dict.fromkeys(feed.tags + tags))
        if language:
            feed.language = language.strip().lower()
        return feed, url in existing
