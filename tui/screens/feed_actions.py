"""Feed actions of the main screen: refresh in the background, the feeds screen.

``r`` runs :func:`tui.ingest.fetch.fetch_all` in an async worker on the
app's own loop. That never blocks the UI, because the fetcher awaits the
network and hands parsing and store writes to threads; and its progress
callback runs on the loop, so it may update widgets directly. A thin
:class:`FetchStatus` line above the footer shows "Fetching 12/50 feeds ·
34 new · 2 errors" while it runs; the list is re-read once at the end (one
re-read, not one per feed, so a 10,000-article list is not rebuilt fifty
times); a notification sums up.

The feeds screen is a view: it shows the Feed objects this mixin hands it
and posts its requests (refresh, add, remove) back here as messages, so
the main screen stays the one place that writes the store. While a fetch
runs, the screen is given the very Feed objects the fetcher is updating,
so each row changes as its feed finishes.

Handlers follow Textual's ``on_<widget>_<message>`` naming so they are found
through MainScreen's MRO; state lives in class-level defaults (no
``__init__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Footer

from tui.commands.feeds import check_url
from tui.errors import InputError, MarsadError
from tui.ingest.fetch import FetchProgress, FetchReport, RetryPolicy, fetch_all
from tui.ingest.opml import feed_id_for
from tui.ingest.textclean import clean_inline
from tui.models import Feed
from tui.screens.feeds_screen import FeedsScreen
from tui.widgets.fetch_status import FetchStatus

if TYPE_CHECKING:
    from textual.timer import Timer

FEEDS_GROUP = "feeds"
STATUS_LINGER = 4.0  # seconds the final counts stay in the footer line


def progress_line(p: FetchProgress) -> str:
    """The footer line while fetching: feeds done, articles added, errors."""
    parts = [f"Fetching {p.done}/{p.total} feed{'s' if p.total != 1 else ''}", f"{p.added} new"]
    if p.errors:
        parts.append(f"{p.errors} error{'s' if p.errors != 1 else ''}")
    return " · ".join(parts)


def done_line(reports: list[FetchReport]) -> str:
    """The footer line after a fetch: what was checked, added and failed."""
    added = sum(r.added for r in reports)
    errors = sum(r.failed for r in reports)
    parts = [f"Fetched {len(reports)} feed{'s' if len(reports) != 1 else ''}", f"{added} new"]
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    return " · ".join(parts)


def summary(reports: list[FetchReport]) -> tuple[str, str]:
    """(message, severity) for the notification at the end of a fetch.

    Errors are counted, not listed: one broken feed must not bury the
    news; the feeds screen (``F``) has every error in full.
    """
    added = sum(r.added for r in reports)
    updated = sum(r.updated for r in reports)
    failed = [r for r in reports if r.failed]
    fresh = sum(r.status == "fresh" for r in reports)
    lines = [f"{added} new article{'s' if added != 1 else ''}" if added else "No new articles"]
    lines[0] += f" from {len(reports)} feed{'s' if len(reports) != 1 else ''}"
    if updated:
        lines.append(f"{updated} updated")
    if fresh:
        lines.append(f"{fresh} skipped (checked recently)")
    moved = sum(bool(r.moved_to) for r in reports)
    if moved:
        lines.append(f"{moved} moved for good; URL updated")
    if failed:
        lines.append(f"{len(failed)} failed — press F to see why")
    severity = "error" if failed and len(failed) == len(reports) else "warning" if failed else "information"
    return "\n".join(lines), severity


class FeedActions:
    """Mixin for MainScreen: background refresh, auto-refresh, the feeds screen."""

    fetch_retry: RetryPolicy | None = None  # None: the fetcher's default back-off (tests shorten it)
    _fetching: bool = False
    _fetch_feeds: list[Feed] = []
    _fetch_reports: dict[str, FetchReport] = {}
    _fetch_progress: FetchProgress | None = None
    _quiet: bool = False
    _status_timer: Timer | None = None

    # -- start-up ----------------------------------------------------------

    def on_mount(self) -> None:
        """Auto-refresh, when the settings ask for it (runs beside MainScreen.on_mount)."""
        minutes = float(self.app.config.auto_refresh_minutes or 0)  # type: ignore[attr-defined]
        if minutes > 0:
            self.set_interval(minutes * 60, self._auto_refresh_tick)  # type: ignore[attr-defined]

    def _auto_refresh_tick(self) -> None:  # not "_auto_refresh": Widget uses that name
        if not self._fetching and self.store.feeds():  # type: ignore[attr-defined]
            self.refresh_feeds(quiet=True)

    # -- actions -----------------------------------------------------------

    def action_refresh(self) -> None:
        """Fetch every feed now, past their TTLs: the analyst asked.

        Conditional GET still makes an unchanged feed cost one 304;
        auto-refresh honours the TTLs.
        """
        self.refresh_feeds(force=True)

    def action_feeds(self) -> None:
        """Open the feeds screen: every feed, its last fetch and its error."""
        screen = FeedsScreen(self, self._feeds_for_view(), self._pending_ids(), self._article_counts(),
                             mode=self.bidi_mode)  # type: ignore[attr-defined]
        self.app.push_screen(screen)  # type: ignore[attr-defined]
        if self._fetching and self._fetch_progress is not None:
            screen.show_progress(self._fetch_progress.done, self._fetch_progress.total,
                                 progress_line(self._fetch_progress))

    def refresh_feeds(self, feed_ids: list[str] | None = None, *, force: bool = False,
                      quiet: bool = False) -> bool:
        """Start a background fetch of every feed (or of ``feed_ids``); False if none started."""
        if self._fetching:
            self.notify("Feeds are already being fetched.", timeout=3)  # type: ignore[attr-defined]
            return False
        feeds = self.store.feeds()  # type: ignore[attr-defined]
        if not feeds:
            self._reread_library()
            return False
        if feed_ids is not None:
            feeds = [f for f in feeds if f.id in feed_ids]
        if not feeds:
            return False
        self._fetching, self._fetch_feeds, self._fetch_reports = True, feeds, {}
        self._quiet = quiet
        self._on_fetch_progress(FetchProgress(done=0, total=len(feeds), added=0, errors=0))
        self._run_fetch(feeds, force)
        return True

    def _reread_library(self) -> None:
        """No feeds: ``r`` still picks up articles imported from the shell meanwhile."""
        self.notify("No feeds yet, so the library was re-read from disk. "  # type: ignore[attr-defined]
                    "Add feeds with F then a, or `marsad feeds add URL`.", title="Refresh", timeout=6,
                    markup=False)
        self.load_articles(keep_id=self._current_id())  # type: ignore[attr-defined]

    def _current_id(self) -> str | None:
        from tui.widgets.article_list import ArticleList

        current = self.query_one(ArticleList).current  # type: ignore[attr-defined]
        if current is not None:
            return current.id
        article = self.article  # type: ignore[attr-defined]
        return article.id if article is not None else None

    # -- the worker ----------------------------------------------------------

    @work(exclusive=True, group=FEEDS_GROUP, exit_on_error=False)
    async def _run_fetch(self, feeds: list[Feed], force: bool) -> None:
        """Fetch on the app's loop; the fetcher puts parsing and store writes in threads."""
        try:
            reports = await fetch_all(self.store, self.app.config, feeds=feeds, force=force,  # type: ignore[attr-defined]
                                      progress=self._on_fetch_progress, retry=self.fetch_retry)
        except MarsadError as exc:
            self._fetch_failed(str(exc))
            return
        except Exception as exc:  # the UI must survive whatever a fetch run throws
            self._fetch_failed(f"{type(exc).__name__}: {exc}")
            return
        finally:
            self._fetching = False
        self._fetch_finished(reports)

    def _on_fetch_progress(self, progress: FetchProgress) -> None:
        """Called on the loop at the start and after each feed: footer line and feeds screen."""
        self._fetch_progress = progress
        if progress.report is not None:
            self._fetch_reports[progress.report.feed_id] = progress.report
        text = progress_line(progress)
        self._status_line().show(progress.done, progress.total, text)
        for screen in self._feeds_screens():
            screen.show_progress(progress.done, progress.total, text)
            screen.show_feeds(self._feeds_for_view(), self._pending_ids(), self._article_counts())

    def _fetch_finished(self, reports: list[FetchReport]) -> None:
        if any(r.added or r.updated for r in reports):
            self.load_articles(keep_id=self._current_id())  # type: ignore[attr-defined]
        text = done_line(reports)
        self._linger(text, len(reports))
        feeds = self.store.feeds()  # type: ignore[attr-defined]
        for screen in self._feeds_screens():
            screen.show_progress(len(reports), len(reports), text)
            screen.show_feeds(feeds, set(), self._article_counts())
        message, severity = summary(reports)
        if not self._quiet or severity != "information" or any(r.added for r in reports):
            self.notify(message, title="Feeds", severity=severity,  # type: ignore[attr-defined]
                        timeout=8 if severity == "information" else 12, markup=False)

    def _fetch_failed(self, error: str) -> None:
        self._status_line().hide()
        for screen in self._feeds_screens():
            screen.hide_progress()
        self.notify(f"Fetching stopped: {error}", title="Feeds", severity="error",  # type: ignore[attr-defined]
                    timeout=12, markup=False)

    def _linger(self, text: str, total: int) -> None:
        """Leave the final counts in the footer line for a moment, then hide it."""
        status = self._status_line()
        status.show(total, total, text)
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(STATUS_LINGER, self._hide_status)  # type: ignore[attr-defined]

    def _hide_status(self) -> None:
        if not self._fetching:
            self._status_line().hide()
            for screen in self._feeds_screens():
                screen.hide_progress()

    # -- views -----------------------------------------------------------------

    def _status_line(self) -> FetchStatus:
        """The status line, mounted above the footer the first time it is needed."""
        found = self.query(FetchStatus)  # type: ignore[attr-defined]
        if found:
            return found.first()
        status = FetchStatus(id="fetch-status")
        self.mount(status, before=self.query_one(Footer))  # type: ignore[attr-defined]
        return status

    def _feeds_screens(self) -> list[FeedsScreen]:
        return [s for s in self.app.screen_stack if isinstance(s, FeedsScreen)]  # type: ignore[attr-defined]

    def _feeds_for_view(self) -> list[Feed]:
        """Stored feeds, with the in-flight objects (updated live by the fetcher) in their place."""
        live = {f.id: f for f in self._fetch_feeds} if self._fetching else {}
        return [live.get(f.id, f) for f in self.store.feeds()]  # type: ignore[attr-defined]

    def _pending_ids(self) -> set[str]:
        if not self._fetching:
            return set()
        return {f.id for f in self._fetch_feeds} - set(self._fetch_reports)

    def _article_counts(self) -> dict[str, int]:
        """Articles per feed, from the list already in memory (no store read)."""
        counts: dict[str, int] = {}
        for item in self.all_items:  # type: ignore[attr-defined]
            fid = item.article.feed_id
            if fid:
                counts[fid] = counts.get(fid, 0) + 1
        return counts

    # -- requests from the feeds screen -----------------------------------------

    def on_feeds_screen_refresh_requested(self, message: FeedsScreen.RefreshRequested) -> None:
        self.refresh_feeds(message.feed_ids, force=True)

    def on_feeds_screen_add_requested(self, message: FeedsScreen.AddRequested) -> None:
        """Subscribe (or update name/tags of an existing subscription), then fetch it."""
        try:
            url = check_url(message.url)
        except InputError as exc:
            self.notify(str(exc), severity="error", markup=False)  # type: ignore[attr-defined]
            return
        existing = {f.url: f for f in self.store.feeds()}  # type: ignore[attr-defined]
        feed = existing.get(url) or Feed(id=feed_id_for(url), url=url)
        feed.name = clean_inline(message.name) or feed.name
        feed.tags = list(dict.fromkeys(feed.tags + message.tags))
        if message.language:
            feed.language = message.language.strip().lower()
        try:
            self.store.save_feed(feed)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(f"Could not save the feed: {exc}", severity="error", markup=False)  # type: ignore[attr-defined]
            return
        verb = "Updated" if url in existing else "Added"
        started = self.refresh_feeds([feed.id], force=True, quiet=True)
        then = "; fetching it now." if started else "."
        self.notify(f"{verb} {feed.name or feed.url}{then}", title="Feeds", timeout=4, markup=False)  # type: ignore[attr-defined]
        self._update_feeds_screens()

    def on_feeds_screen_remove_requested(self, message: FeedsScreen.RemoveRequested) -> None:
        """Unsubscribe; the feed's articles (and their notes) stay in the library."""
        try:
            self.store.delete_feed(message.feed_id)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(f"Could not remove the feed: {exc}", severity="error", markup=False)  # type: ignore[attr-defined]
            return
        self.notify("Feed removed; its articles stay in the library.", title="Feeds", timeout=4)  # type: ignore[attr-defined]
        self._update_feeds_screens()

    def _update_feeds_screens(self) -> None:
        for screen in self._feeds_screens():
            screen.show_feeds(self._feeds_for_view(), self._pending_ids(), self._article_counts())
