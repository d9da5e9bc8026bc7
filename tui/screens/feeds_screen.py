"""The feeds screen: every subscription, its last fetch, its status and error.

A view: the main screen (the one controller) hands it the Feed objects and
article counts, and it posts what the user asks for (refresh, add, remove)
back to that controller as messages. During a fetch it is given the Feed
objects the fetcher is updating, so each row changes as its feed finishes,
and an error shows in full in the detail line under the table.

Feed names and errors come from the network: they are laid out as one
visual line each (Arabic or Hebrew names read correctly in ``app`` bidi
mode) and never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from tui.errors import InputError
from tui.models import Feed
from tui.rtl.line import visual_line
from tui.tags import parse_tags
from tui.text.sanitize import visible_controls
from tui.widgets.bidi_input import BidiInput
from tui.widgets.fetch_status import FetchStatus

# (label, key, width); the last column takes what the screen has left, at least RESULT_MIN.
COLUMNS = (("Name", "name", 22), ("URL", "url", 28), ("Tags", "tags", 12), ("Lang", "lang", 4),
           ("Fetched", "fetched", 10), ("Status", "status", 11), ("Articles / error", "result", 0))
RESULT_MIN = 16
CELL_PADDING = 2  # DataTable's default cell_padding is 1 on each side


def column_widths(screen_width: int) -> dict[str, int]:
    """Fixed widths, and the rest of the screen for the errors (they matter most)."""
    widths = {key: width for _, key, width in COLUMNS}
    used = sum(widths.values()) + CELL_PADDING * len(COLUMNS) + 2  # + scrollbar
    widths["result"] = max(RESULT_MIN, screen_width - used)
    return widths


def when(iso: str, now: datetime | None = None) -> str:
    """A last-fetch time as an analyst scans it: "just now", "12 min ago", "3 h ago", a date."""
    if not iso:
        return "never"
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16]
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - then).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return then.astimezone().strftime("%Y-%m-%d")


def status_label(feed: Feed, pending: bool) -> tuple[str, str]:
    """(label, theme colour variable) for a feed's last fetch."""
    status = feed.last_status
    if pending:
        return "fetching…", "accent"
    if status == "error" or feed.last_error:
        return "✗ error", "error"
    if status.isdigit():
        return f"✓ ok {status}", "success"
    if status == "not-modified":
        return "✓ unchanged", "success"
    return (status or "never fetched"), "text-muted"


def result_label(feed: Feed, count: int) -> str:
    """The last column: the error when there is one, else how many articles the feed gave."""
    if feed.last_error:
        return feed.last_error
    return f"{count} article{'s' if count != 1 else ''}"


@dataclass
class NewFeed:
    """What the add dialog returns."""

    url: str
    name: str = ""
    tags: list[str] = field(default_factory=list)
    language: str = ""


class FeedsScreen(Screen[None]):
    """Feeds with their last fetch; ``r`` all, ``enter``/``R`` one, ``a`` add, ``d`` remove."""

    CSS_PATH = "feeds_screen.tcss"
    BINDINGS = [
        # back and help first: the footer keeps them visible at 80 columns
        Binding("escape,q", "back", "Back", id="feeds.back", key_display="q"),
        Binding("question_mark", "help", "Help", id="feeds.help"),
        Binding("r", "refresh_all", "Refresh all", id="feeds.refresh-all"),
        Binding("R", "refresh_selected", "Refresh feed", id="feeds.refresh-one"),
        Binding("a", "add", "Add feed", id="feeds.add"),
        Binding("d,delete", "remove", "Remove feed", id="feeds.remove"),
    ]

    @dataclass
    class RefreshRequested(Message):
        """Fetch these feeds now (``None``: all of them)."""

        feed_ids: list[str] | None

    @dataclass
    class AddRequested(Message):
        """Subscribe to a feed (the controller checks and saves it)."""

        url: str
        name: str
        tags: list[str]
        language: str

    @dataclass
    class RemoveRequested(Message):
        """Unsubscribe from a feed; its articles stay."""

        feed_id: str

    def __init__(self, controller: MessagePump, feeds: list[Feed], pending: set[str],
                 counts: dict[str, int], mode: str = "app") -> None:
        super().__init__()
        self.controller = controller
        self.feeds, self.pending, self.counts, self.mode = feeds, pending, counts, mode
        self.widths = column_widths(80)
        self.progress: tuple[int, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="feeds-title", markup=False)
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="feeds-empty", markup=False)
        yield Static("", id="feeds-detail", markup=False)
        yield FetchStatus(id="feeds-status")
        yield Footer()

    def on_mount(self) -> None:
        self._build_columns()
        self._fill()
        self.query_one(DataTable).focus()
        if self.progress is not None:
            self.query_one(FetchStatus).show(*self.progress)

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self.widths:
            self._build_columns()
            self._fill()

    def _build_columns(self) -> None:
        """Columns sized to the screen: cells are cut to fit, so a resize rebuilds them."""
        self.widths = column_widths(self.size.width)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label, key, _ in COLUMNS:
            table.add_column(label, key=key, width=self.widths[key])

    # -- data from the controller ------------------------------------------------

    def show_feeds(self, feeds: list[Feed], pending: set[str], counts: dict[str, int]) -> None:
        self.feeds, self.pending, self.counts = feeds, pending, counts
        if self.is_mounted:
            self._fill()

    def show_progress(self, done: int, total: int, text: str) -> None:
        """May come before the screen is composed (just pushed): kept and applied on mount."""
        self.progress = (done, total, text)
        if self.is_mounted:
            self.query_one(FetchStatus).show(done, total, text)

    def hide_progress(self) -> None:
        self.progress = None
        if self.is_mounted:
            self.query_one(FetchStatus).hide()

    def _fill(self) -> None:
        """Rebuild the rows, keeping the cursor on the same feed."""
        table = self.query_one(DataTable)
        keep = self.selected.id if self.selected else None
        table.clear()
        for feed in self.feeds:
            table.add_row(*self._cells(feed), key=feed.id)
        ids = [f.id for f in self.feeds]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        errors = sum(bool(f.last_error) for f in self.feeds)
        title = f"Feeds · {len(self.feeds)}" + (f" · {errors} with errors" if errors else "")
        self.query_one("#feeds-title", Static).update(title)
        empty = self.query_one("#feeds-empty", Static)
        empty.display = not self.feeds
        empty.update("No feeds yet. Press a to add one, or import an OPML list from the shell: "
                     "marsad import feeds.opml")
        self._show_detail()

    def _cells(self, feed: Feed) -> list[Text]:
        widths = self.widths
        label, colour = status_label(feed, feed.id in self.pending)
        colours = self.app.get_css_variables()
        return [
            Text(visual_line(feed.name or "—", widths["name"], self.mode, language=feed.language or None,
                             align=True)),
            Text(visual_line(feed.url.split("://", 1)[-1], widths["url"], "off")),  # the detail line has it whole
            Text(visual_line(", ".join(feed.tags) or "—", widths["tags"], self.mode)),
            Text(visible_controls(feed.language) or "—"),
            Text(when(feed.last_fetched)),
            Text(label, style=colours.get(colour, "")),
            Text(visual_line(result_label(feed, self.counts.get(feed.id, 0)), widths["result"], self.mode),
                 style=colours.get("error", "") if feed.last_error else ""),
        ]

    # -- selection -----------------------------------------------------------------

    @property
    def selected(self) -> Feed | None:
        table = self.query_one(DataTable)
        if not self.feeds or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self.feeds) - 1)
        return self.feeds[row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_refresh_selected()

    def _show_detail(self) -> None:
        """The selected feed's URL and full error: cells cut long errors, this line does not."""
        feed = self.selected
        detail = self.query_one("#feeds-detail", Static)
        if feed is None:
            detail.update("")
            return
        text = feed.url + (f"\nerror: {feed.last_error}" if feed.last_error else "")
        detail.update(Text(visible_controls(text)))  # a server's error text: never a command
        detail.set_class(bool(feed.last_error), "-error")

    # -- actions ---------------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.controller.post_message(self.RefreshRequested(None))

    def action_refresh_selected(self) -> None:
        if self.selected is not None:
            self.controller.post_message(self.RefreshRequested([self.selected.id]))

    def action_add(self) -> None:
        def done(result: NewFeed | None) -> None:
            if result is not None:
                self.controller.post_message(
                    self.AddRequested(result.url, result.name, result.tags, result.language))

        self.app.push_screen(AddFeedDialog(), done)

    def action_remove(self) -> None:
        from tui.screens.dialogs import ConfirmDialog

        feed = self.selected
        if feed is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.controller.post_message(self.RemoveRequested(feed.id))

        question = f"Remove the feed {feed.name or feed.url}? Its articles stay in the library."
        self.app.push_screen(ConfirmDialog(question, feed.url, mode=self.mode), done)

    def action_back(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())


class AddFeedDialog(ModalScreen[NewFeed | None]):
    """URL (required), name, tags, language; ``enter`` in any field adds, ``escape`` cancels."""

    CSS_PATH = "feeds_screen.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-feed"):
            yield Label("Add a feed", id="add-title")
            yield Input(placeholder="https://example.org/feed.xml", id="add-url")
            yield BidiInput(placeholder="name (optional: the feed's own title is used)", id="add-name")
            yield BidiInput(placeholder="tags, comma-separated (optional)", id="add-tags")
            yield Input(placeholder="language, e.g. ar, fa, he (optional)", id="add-lang")
            yield Static("", id="add-error", markup=False)
            yield Label("enter add · tab next field · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#add-url", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from tui.ingest.urls import check_url

        try:
            url = check_url(self.query_one("#add-url", Input).value)
        except InputError as exc:
            self.query_one("#add-error", Static).update(Text(str(exc)))  # quotes what was typed: not markup
            self.query_one("#add-url", Input).focus()
            return
        value = lambda wid: self.query_one(wid, Input).value.strip()  # noqa: E731
        self.dismiss(NewFeed(url, value("#add-name"), parse_tags(value("#add-tags")), value("#add-lang")))

    def action_cancel(self) -> None:
        self.dismiss(None)
