"""The main screen: article list | reader | entities + annotations.

This screen is the one controller: it alone reads and writes the store and
hands models down to the widgets, which talk back only through messages.
The state of each feature lives in a plain object without Textual
(:mod:`tui.controllers`): library, search, entities, notes, feeds. Each
handler below is written out once and calls those objects in order, so
what happens on a key or a message can be read here, top to bottom. All
keys are declared in one table, so the footer, the help screen and the
command palette agree.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Callable, Collection, Generator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui.config import Config, save_setting
from tui.controllers.entities import (
    MENTION_KINDS,
    TYPE_NAMES,
    EntityController,
    correction_rows,
    remove_correction,
)
from tui.controllers.feeds import FeedsController, done_line, progress_line, summary
from tui.controllers.health import HealthController
from tui.controllers.library import LibraryController, ListItem
from tui.controllers.links import check_link
from tui.controllers.notes import HIGHLIGHT, NotesController, export_folder, export_path
from tui.controllers.panes import NARROW, Panes, clamp_right_width
from tui.controllers.search import SEARCH, SearchController
from tui.entities import read_names  # a wrapper: the engine is imported on first use
from tui.entities.cache import (
    EntityCache,
    LibraryIndex,
    engine_stamp,
    entity_names,
    fill,
    load_corrections,
    save_corrections,
)
from tui.entities.gazetteer import gazetteer_loaded
from tui.errors import InputError, MarsadError, StoreError
from tui.filters import Filter, save_view, saved_views
from tui.models import Annotation, Article, Entity, EntityType, Feed
from tui.rtl.line import visual_line
from tui.rtl.marks import Mark
from tui.search import SearchIndex, load_index, parse_query, sync_index
from tui.search.library import library_stamp, save_index
from tui.store import ListQuery, Store, StoreRows, atomic_write
from tui.store.entity_index import EntityIndex
from tui.tags import tag_counts
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.article_list import ROWS_PER_ITEM, ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.fetch_status import FetchStatus
from tui.widgets.reader import Reader
from tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from tui.app import MarsadApp
    from tui.controllers.stories import StoriesController
    from tui.entities.corrections import Corrections
    from tui.ingest.fetch import FetchProgress, FetchReport  # httpx: imported when a fetch starts, not at launch
    from tui.screens.dialogs import ExportRequest
    from tui.screens.feeds_screen import FeedsScreen
    from tui.screens.filter_dialog import FilterDialogResult
    from tui.store.doctor import Report

PREVIEW_DELAY = 0.08  # seconds the list cursor rests before the reader previews the article
SEARCH_INDEX_DELAY = 0.3  # seconds after the first list load (after first paint)
ENTITY_INDEX_DELAY = 1.0  # seconds after the first list load: after first paint and the search index
PROGRESS_EVERY = 100  # articles between sidebar-count and filter refreshes during an entity fill
SYNC_CHARS = 6000  # about 1,000 words: the engine reads that in < 20 ms, so no "Reading names…" flash
LIBRARY_POLL = 2.0  # seconds between looks at the article database's change counter (another process)
STATUS_LINGER = 4.0  # seconds the final fetch counts stay in the status line
FEEDS_GROUP = "feeds"
APP_CACHE_KB = 2048  # SQLite's page cache per connection in the app (its default; the CLI import uses more)
HEALTH_CHECK_DELAY = 1.5  # seconds after the first list load: the library check never delays first paint


def B(key: str, action: str, description: str, name: str, show: bool = True) -> Binding:
    """A user-facing binding with the id ``main.<name>``: the settings file rebinds it by that id."""
    return Binding(key, action, description, show=show, id=f"main.{name}")


class MainScreen(Screen[None]):
    """Reads, marks up and exports; see DESIGN.md for the key table."""

    CSS_PATH = "main.tcss"

    # The footer shows the focused pane's keys first, then these in this order:
    # help and quit come first so they stay visible at 80 columns.
    BINDINGS = [
        B("question_mark", "help", "Help", "help"),
        B("q", "app.quit", "Quit", "quit"),
        B("/", "search", "Search", "search"),
        B("e", "focus_entities", "Entities", "entities"),
        B("v", "select", "Select text", "select", show=False),
        B("h", "highlight", "Highlight", "highlight"),
        B("t", "tag", "Tag", "tag"),
        B("n", "note", "Note", "note"),
        B("f", "filter", "Filter", "filter"),
        B("x", "export", "Export", "export"),
        B("B", "cycle_bidi", "Bidi mode", "bidi"),
        B("greater_than_sign", "next_hit", "Next hit", "next-hit", show=False),
        B("less_than_sign", "prev_hit", "Prev hit", "prev-hit", show=False),
        B("m", "toggle_read", "Read/unread", "toggle-read", show=False),
        B("r", "refresh", "Refresh", "refresh", show=False),
        B("F", "feeds", "Feeds", "feeds", show=False),
        B("S", "stories", "Stories", "stories", show=False),
        B("W", "watch_entity", "Watch entity", "watch-entity", show=False),
        B("d", "delete_annotation", "Delete note", "delete", show=False),
        B("u", "undo", "Undo", "undo", show=False),
        B("o", "open_url", "Open URL", "open-url", show=False),
        B("left_square_bracket", "toggle_left", "Left pane", "toggle-left", show=False),
        B("right_square_bracket", "toggle_right", "Right pane", "toggle-right", show=False),
        B("D", "flip_direction", "Flip direction", "flip-direction", show=False),
        B("T", "pick_theme", "Theme", "theme", show=False),
        B("plus", "resize_right(1)", "Wider side pane", "wider", show=False),
        B("minus", "resize_right(-1)", "Narrower side pane", "narrower", show=False),
    ]

    bidi_mode: reactive[str] = reactive("app", init=False)
    """How every pane draws right-to-left text (``B`` cycles it); bound into the panes."""

    # -- messages from this screen's own workers ------------------------------

    @dataclass
    class ArticlesLoaded(Message):
        """The library list was read in the background."""

        items: Sequence[ListItem]
        keep_id: str | None = None
        opened: str | None = None  # the article open when the read began

    @dataclass
    class ListRead(Message):
        """The first page of a filtered list was read in the background (count to follow)."""

        generation: int
        rows: StoreRows
        keep_id: str | None = None

    @dataclass
    class ListCounted(Message):
        """A list shown before it was counted has been counted in the background."""

        rows: StoreRows
        count: int

    @dataclass
    class IndexReady(Message):
        """The search index finished building (or syncing) in the background."""

        index: SearchIndex

    @dataclass
    class SearchDone(Message):
        """Scores for one query, computed in the background."""

        text: str
        scores: dict[str, float]
        rows: Sequence[ListItem] | None = None  # the list for the query, counted and first page read

    @dataclass
    class EntitiesFound(Message):
        """The engine read one article in the background."""

        article_id: str
        content_hash: str
        found: list[Entity]
        error: str = ""  # the engine raised (its message); found is then empty

    @dataclass
    class LibraryChecked(Message):
        """The start-up check (or a repair) of the library finished in the background."""

        report: Report
        repaired: bool = False

    @dataclass
    class EntityIndexProgress(Message):
        """The background worker indexed another batch of the library."""

        done: int
        total: int
        complete: bool

    def __init__(self, store: Store, config: Config) -> None:
        super().__init__()
        self.store = store
        self.config = config
        store.db.set_cache_kb(APP_CACHE_KB)
        self.library = LibraryController()
        self.search = SearchController()
        self.entities = EntityController(index=_entity_index(store))
        self._store_indexed = isinstance(self.entities.index, EntityIndex)  # entities kept in library.sqlite
        self.notes = NotesController()
        self.feeds = FeedsController()
        self.panes = Panes()
        self.health = HealthController(store.folder)
        self._stories: StoriesController | None = None
        self._entity_cache: EntityCache | None = None
        self._preview_timer: Timer | None = None
        self._status_timer: Timer | None = None
        self._library_seen: tuple[int, int] = (0, 0)  # (data version, change counter) last looked at
        self._read_marked: str | None = None  # the article mark_read last set read (or ``m`` last toggled)
        self._list_generation = 0  # bumped by every change of what the list shows; older reads are dropped
        self._painted = False  # the first screen has been drawn (counting waits for it)
        self._search_conn: sqlite3.Connection | None = None  # the running search's, to interrupt
        self._search_lock = threading.Lock()
        self.set_reactive(MainScreen.bidi_mode, config.bidi)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield SearchBox(id="search").data_bind(MainScreen.bidi_mode)
                yield Static("", id="list-header", markup=False)
                yield ArticleList(id="articles").data_bind(MainScreen.bidi_mode)
            yield Reader(id="reader").data_bind(MainScreen.bidi_mode)
            with Vertical(id="right"):
                yield EntitySidebar(id="entities").data_bind(MainScreen.bidi_mode)
                yield AnnotationPanel(id="annotations").data_bind(MainScreen.bidi_mode)
        yield Footer()

    # -- shortcuts -------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The article the reader shows."""
        return self.library.article

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def panel(self) -> AnnotationPanel:
        return self.query_one(AnnotationPanel)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one(EntitySidebar)

    @property
    def marsad(self) -> MarsadApp:
        return cast("MarsadApp", self.app)

    def set_marks(self, kinds: Collection[str], marks: list[Mark]) -> None:
        """Replace one feature's marks in the reader (highlights, search hits,
        entity mentions), keeping every other feature's."""
        reader = self.reader
        reader.marks = [m for m in reader.marks if m.kind not in kinds] + marks

    def vis(self, text: str, width: int = 120) -> str:
        """An English sentence with an Arabic/Hebrew name in it, laid out for the terminal.

        Dialog titles and notifications are plain labels: without this an RTL
        name in them would show unshaped and in logical (reversed) order.
        """
        return visual_line(text, width, self.bidi_mode, direction="ltr")

    @property
    def stories(self) -> StoriesController:
        """Made on first use (``S``, ``W``, a fetch): its modules are not needed to paint."""
        if self._stories is None:
            from tui.controllers.stories import StoriesController

            self._stories = StoriesController()
        return self._stories

    def entity_cache(self) -> EntityCache:
        """Made on first use: it stamps the engine's tables, which need not delay first paint."""
        if self._entity_cache is None:
            self._entity_cache = EntityCache(self.store)
        return self._entity_cache

    # -- start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.article_list.focus()
        self.panes.left, self.panes.right = self.config.left_pane, self.config.right_pane
        self.panes.right_width = clamp_right_width(self.config.right_pane_width)
        self._show_panes()
        self.report_store_warnings()
        self._show_first_page()
        self._library_seen = (self.store.db.data_version(), self.store.db.counter())
        self.set_interval(LIBRARY_POLL, self._watch_library)
        minutes = float(self.config.auto_refresh_minutes or 0)
        if minutes > 0:
            self.set_interval(minutes * 60, self._auto_refresh_tick)

    def _watch_library(self) -> None:
        """Articles written by another process (a cron ``marsad fetch``, ``marsad import``
        in another terminal) show up on their own, within ``LIBRARY_POLL`` seconds.

        Two cheap reads: SQLite's data version (moves when another connection
        commits, not for this screen's own writes such as marking read) and
        the store's change counter (not moved by derived data such as the
        entity index); the list is re-read only when both moved and some
        bump since the last look was not this thread's own.
        """
        counter, version = self.store.db.counter(), self.store.db.data_version()
        if version == self._library_seen[0]:  # no other connection committed: every bump was ours
            self._library_seen = (version, counter)
            return
        others, counter = self.store.db.changed_by_others(self._library_seen[1])
        if others:
            self.load_articles(keep_id=self._current_id())
            self._refresh_if_notes_changed()
        self._library_seen = (version, counter)

    def _refresh_if_notes_changed(self) -> None:
        """A note saved in another window on the open article shows here too
        (compared by id and revision, so an unchanged panel is left alone)."""
        article = self.article
        if article is None:
            return
        fresh = sorted((a.id, a.rev) for a in self.store.annotations_for(article.id))
        if fresh != sorted((a.id, a.rev) for a in self.notes.annotations):
            self.refresh_annotations()

    def report_store_warnings(self) -> None:
        """Tell the user about library files that had to be set aside."""
        while self.store.warnings:
            self.notify(self.store.warnings.pop(0), title="Library", severity="warning", timeout=15)

    @work(thread=True, exclusive=True, group="health")
    def check_library(self) -> None:
        """The cheap part of ``marsad doctor``, off the UI thread."""
        self.post_message(self.LibraryChecked(self.health.quick_check()))

    def action_repair_library(self) -> None:
        """``marsad doctor --repair`` from the app (command palette)."""
        if self.health.repairing:
            return
        self.health.repairing = True
        self.notify("Checking and repairing the library…", title="Library", timeout=4)
        self.repair_library()

    @work(thread=True, exclusive=True, group="health")
    def repair_library(self) -> None:
        try:
            report = self.health.repair()
        except MarsadError as exc:
            self.health.repairing = False
            self.app.call_from_thread(self.notify, f"Not repaired: {exc}", title="Library", severity="error")
            return
        self.post_message(self.LibraryChecked(report, repaired=True))

    def on_main_screen_library_checked(self, message: LibraryChecked) -> None:
        """Say what the check found (only when something is wrong) or what the repair did."""
        self.report_store_warnings()
        notice = self.health.repaired(message.report) if message.repaired else self.health.checked(message.report)
        if notice is not None:
            self.notify(notice.text, title="Library", severity=cast("SeverityLevel", notice.severity), timeout=20)
        if message.repaired:
            self.load_articles(keep_id=self.article.id if self.article else None)

    def _show_first_page(self) -> None:
        """The first screen of rows, read here: one indexed ``LIMIT`` query (a few ms at
        any library size), so the first paint draws them. The library is counted by a
        worker afterwards (that count is the one read that grows with the library)."""
        rows = StoreRows.uncounted(self.store)
        self.on_main_screen_articles_loaded(self.ArticlesLoaded(rows))

    def load_articles(self, keep_id: str | None = None) -> None:
        """Count the library and read the first page of rows, off the UI thread.

        Nothing else is read: the list asks the store for the rows it draws
        (:class:`StoreRows`), so first paint costs the same at 100,000
        articles as at 100. The article open now goes with the read, so a
        list that lands after another article was opened keeps that one.
        """
        self._read_library(keep_id, self.article.id if self.article is not None else None)

    @work(thread=True, exclusive=True, group="load")
    def _read_library(self, keep_id: str | None, opened: str | None) -> None:
        rows = StoreRows(self.store)
        if len(rows):
            rows.page(0)
        rows.prepare(keep_id)
        self.post_message(self.ArticlesLoaded(rows, keep_id, opened))

    def on_main_screen_articles_loaded(self, message: ArticlesLoaded) -> None:
        """Show the list; start (or sync) the search index and the entity index after first paint."""
        self.report_store_warnings()
        first = self.library.loaded(message.items)
        if first:
            self.entities.corrections = load_corrections(self.store)
            self.set_timer(HEALTH_CHECK_DELAY, self.check_library)
        keep_id = message.keep_id
        if self.article is not None and self.article.id != message.opened:
            keep_id = self.article.id  # opened while the list was read: the row asked for is stale
        self.apply_list_filter(keep_id=keep_id)
        if first:
            # After the first paint: the objects made so far (Textual, the screen, the
            # first rows) live as long as the app, so they are kept out of the
            # collector's full passes, which otherwise stall typing for 50 ms at a
            # time while background workers allocate; then collection resumes (the
            # ``marsad`` command turns it off until the first screen is drawn).
            self.call_after_refresh(self._after_first_paint)
        if not self.search.index_building:
            self.search.index_building = True
            # After the list has painted: the build holds the GIL in bursts, and
            # starting it at once delays first paint by ~0.2 s at 10,000 articles.
            self.set_timer(SEARCH_INDEX_DELAY, lambda: self._build_index(self.search.index))
        delay = 0.05 if self.entities.index_started else ENTITY_INDEX_DELAY
        self.entities.index_started = True
        self.set_timer(delay, self._fill_entity_index)

    def apply_list_filter(self, keep_id: str | None = None, rows: Sequence[ListItem] | None = None) -> None:
        """Show the items that pass the search and filters (``rows``: already read by a worker).

        A filter's rows are read by a worker (:meth:`_read_list`), never here: the
        key that changed the filter returns at once, the rows follow, the count after.
        """
        self._list_generation += 1
        current = keep_id or (self.article.id if self.article else None)
        if rows is not None:
            items = rows
        elif self.search.filter.entity or self.search.list_query() != ListQuery():
            self._read_list(self._list_generation, current)
            return
        else:
            items = self.library.items
        self._show_list(items, current)

    def _show_list(self, items: Sequence[ListItem], keep_id: str | None) -> None:
        self.article_list.set_items(items, keep_id=keep_id)
        self.update_list_header()
        self._count_lists()

    @work(thread=True, exclusive=True, group="list")
    def _read_list(self, generation: int, keep_id: str | None) -> None:
        """The filtered list's first page (and ``keep_id``'s row), off the UI thread; the
        entity's articles are looked up here too (an index query per entity)."""
        query = self.search.list_query(self._entity_lookup())
        rows = StoreRows.uncounted(self.store, query)
        rows.prepare(keep_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ListRead(generation, rows, keep_id))

    def on_main_screen_list_read(self, message: ListRead) -> None:
        if message.generation == self._list_generation:  # else the filter changed again meanwhile
            self._show_list(message.rows, message.keep_id)

    def _after_first_paint(self) -> None:
        gc.freeze()
        gc.enable()
        self._painted = True
        self._count_lists()

    def _count_lists(self) -> None:
        """Count, in a worker, the lists shown before they were counted (library, filtered list).

        Not before the first paint: counting 1,000,000 rows reads ~30 MB of index
        and kept a core busy while the first screen was being drawn.
        """
        if not self._painted:
            return  # _after_first_paint counts
        pending: list[StoreRows] = []
        for rows in (self.library.items, self.article_list.items):
            if isinstance(rows, StoreRows) and not rows.exact and all(rows is not p for p in pending):
                pending.append(rows)
        if pending:
            self._count(pending)

    @work(thread=True, exclusive=True, group="count")
    def _count(self, lists: list[StoreRows]) -> None:
        worker = get_current_worker()
        for rows in lists:
            count = self.store.count(rows.query)
            if worker.is_cancelled:
                return
            self.post_message(self.ListCounted(rows, count))

    def on_main_screen_list_counted(self, message: ListCounted) -> None:
        message.rows.set_count(message.count)
        if message.rows is self.article_list.items:
            self.article_list.refresh_length()
        self.update_list_header()

    def _entity_lookup(self) -> Callable[[str], Collection[str]]:
        return self.entities.article_ids

    def update_list_header(self) -> None:
        """``12 of 200 articles  “طهران” @Iran``: laid out like every other line,
        so an Arabic search or entity name in it is not drawn reversed."""
        items = self.article_list.items
        text = self.library.header(len(items), self.search.label(), getattr(items, "exact", True))
        header = self.query_one("#list-header", Static)
        if not header.size.width:  # before the first layout: lay it out for its real width then
            self.call_after_refresh(self.update_list_header)
        width = max(header.size.width - 2, 20)
        header.update(visual_line(text, width, self.bidi_mode, direction="ltr"))

    @property
    def list_header_text(self) -> str:
        """The header's logical text (tests and the palette read it)."""
        return self.library.header_text

    # -- opening articles ----------------------------------------------------------

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        """Preview the highlighted article after a short pause (not on every key repeat)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self.open_article(message.article_id))
        self._prioritise_on_screen()

    def _prioritise_on_screen(self) -> None:
        """The background entity fill reads the articles on screen before the rest of the library."""
        prioritise = getattr(self.entities.index, "prioritise", None)
        items = self.article_list.items
        if not callable(prioritise) or not items:
            return
        lst = self.article_list
        top = lst.scroll_offset.y // ROWS_PER_ITEM
        bottom = min(len(items), top + lst.size.height // ROWS_PER_ITEM + 1)
        prioritise([items[i].article.id for i in range(top, bottom)])

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.open_article(message.article_id)
        self.reader.focus()
        self.mark_read()

    def open_article(self, article_id: str) -> None:
        """Show an article in the reader and refresh every pane that follows it.

        A preview still pending from an earlier highlight is dropped: the article asked for
        last (a jump from search, stories or a command) stays open.
        """
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        if self.library.is_open(article_id):
            return
        article = self.store.get_article(article_id)
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        self.library.opened(article)
        self.reader.show(article)
        if self.reader.has_focus:
            self.mark_read(annotated=True)
        self.refresh_annotations()
        self.refresh_entities()
        self.refresh_search_marks()

    def mark_read(self, *, annotated: bool = False) -> None:
        """The open article is being read: set it read.

        Read means the analyst went into it, however they got there: ``enter``
        in the list, focus moved to the reader (``tab``, a click, ``v``), or a
        highlight, tag or note made on it. Passing over rows with ``j``/``k``
        only previews and leaves them unread. Coming back to the reader (after
        a dialog, say) does not undo an ``m`` the analyst pressed on it.
        """
        article = self.article
        if article is None or article.read or (self._read_marked == article.id and not annotated):
            return
        self._read_marked = article.id
        self.set_read(article, True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.reader:
            self.mark_read()

    def set_read(self, article: Article, read: bool) -> None:
        try:
            self.store.update_article(article.id, read=read)
        except MarsadError as exc:  # a read-only library, a full disk: say so, keep reading
            self.notify(f"Not marked {'read' if read else 'unread'}: {exc}", severity="warning", timeout=6)
            return
        item = self.library.set_read(article, read)
        if item is not None:
            self.article_list.update_item(item)
        else:
            self.article_list.update_article(article)

    def item_for(self, article_id: str) -> ListItem | None:
        return self.library.item_for(article_id)

    # -- general actions -------------------------------------------------------------

    def action_toggle_read(self) -> None:
        articles = self.article_list
        article = articles.current if self.focused is articles else self.article
        if article is None:
            return
        self.set_read(article, not article.read)
        self._read_marked = article.id
        self.notify("Marked read." if article.read else "Marked unread.", timeout=2)

    def action_open_url(self) -> None:
        """Only http(s)/mailto, only after a yes to the whole URL shown as text (docs/security.md)."""
        from tui.screens.dialogs import ConfirmDialog

        link = check_link(self.article.url if self.article is not None else "")
        if not link.ok:
            self.notify(link.message, severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.open_url(link.url)
                self.notify(f"Opening {link.url}", timeout=3, markup=False)

        self.app.push_screen(ConfirmDialog(link.question, mode=self.bidi_mode), answered)

    def action_toggle_left(self) -> None:
        self._toggle_pane("left")

    def action_toggle_right(self) -> None:
        self._toggle_pane("right")

    def _toggle_pane(self, side: str) -> None:
        """``[``/``]``: show or hide a side pane, unless the reader would be left too narrow."""
        is_open = getattr(self.panes, side)
        if not is_open and not self.panes.can_open(side, self.size.width):
            other = "]" if side == "left" else "["
            self.notify(f"Too narrow for the {side} pane: widen the window, or close the other pane ({other}).",
                        timeout=4)
            return
        setattr(self.panes, side, not is_open)
        self._show_panes()

    def action_resize_right(self, step: int) -> None:
        """``+``/``-``: a wider or narrower entity and notes pane (kept in the settings)."""
        if not self.panes.right:
            self._toggle_pane("right")
        width = self.panes.resize_right(step, self.size.width)
        self._show_panes()
        if width != self.config.right_pane_width:
            save_setting(self.config, "right_pane_width", width)

    def _show_panes(self) -> None:
        self.query_one("#left").set_class(not self.panes.left, "hidden")
        right = self.query_one("#right")
        right.set_class(not self.panes.right, "hidden")
        right.styles.width = self.panes.right_width

    def action_cycle_bidi(self) -> None:
        """``B``: app -> terminal -> off; saved in the settings, drawn at once by every pane."""
        self.bidi_mode = self.marsad.next_bidi_mode()
        self.notify(f"Bidi mode: {self.bidi_mode}", timeout=2)

    def watch_bidi_mode(self) -> None:
        self.update_list_header()

    def action_flip_direction(self) -> None:
        """Per-article override for a paragraph direction the heuristics got wrong."""
        if self.article is None:
            return
        new = self.library.next_direction()
        try:
            self.store.update_article(self.article.id, direction=new)
        except MarsadError as exc:
            self.notify(f"Direction applies until you quit, but {exc}", severity="warning", timeout=6)
        self.reader.direction_override = new
        self.notify(f"Direction: {new or 'automatic'}", timeout=2)

    def action_pick_theme(self) -> None:
        self.app.action_change_theme()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def on_resize(self) -> None:
        """Collapse side panes when the terminal gets narrow or the reader would be squeezed;
        ``[`` and ``]`` bring them back."""
        width = self.size.width
        narrow = width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.panes.right = not narrow and self.config.right_pane
        self.panes.fit(width)
        self._show_panes()

    # == notes: highlight, tag, note, delete, undo, export =============================

    def refresh_annotations(self) -> None:
        """Read the article's annotations, re-anchor them if its text changed, show them."""
        article = self.article
        stored = self.store.annotations_for(article.id) if article is not None else []
        moved = self.notes.loaded(article, stored)
        if moved:
            self._save_reanchored(moved)
        if article is None:
            self.panel.show([], [])
        else:
            self.panel.show(self.notes.annotations, article.tags, language=article.language)
        self.set_marks({HIGHLIGHT}, self.notes.marks())

    def _save_reanchored(self, changed: list[Annotation]) -> None:
        try:
            for ann in changed:
                self.store.save_annotation(ann)
        except MarsadError as exc:
            self.notify(str(exc), severity="error")
            return
        lost = sum(1 for a in changed if a.orphaned)
        if lost:
            self.notify(f"{lost} highlight(s) could not be found in the updated text; "
                        "they are kept and marked orphaned.", severity="warning", timeout=6)

    def _after_change(self, select_id: str | None = None) -> None:
        """Redraw the panel, the marks and the list row's annotation count; annotated means read."""
        self.mark_read()
        self.refresh_annotations()
        if select_id:
            self.panel.select_id(select_id)
        item = self.library.annotated(len(self.notes.annotations))
        if item is not None:
            self.article_list.update_item(item)
        elif self.article is not None:  # the row is not in the library's pages read so far
            self.article_list.update_article(self.article, len(self.notes.annotations))

    def _save(self, ann: Annotation) -> bool:
        try:
            self.store.save_annotation(ann)
        except MarsadError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return False
        return True

    def _target(self) -> Annotation | None:
        """The panel's selected annotation, else the highlight under the focused reader's cursor."""
        panel = self.panel
        if panel.has_focus and panel.selected is not None:
            return panel.selected
        reader = self.reader
        return self.notes.target_at(reader.cursor) if reader.has_focus else None

    def _need_article(self, what: str) -> Article | None:
        if self.article is None:
            self.notify(f"Open an article first to {what}.", severity="warning", timeout=3)
        return self.article

    def action_highlight(self) -> None:
        """``h``: turn the reader selection into a highlight annotation."""
        article = self._need_article("highlight")
        if article is None:
            return
        reader = self.reader
        span = reader.selection
        if span is None:
            if not reader.has_focus:
                reader.focus()
                self.notify("In the reader now: v starts a selection, w / b or arrows extend it, h highlights.",
                            timeout=5)
            else:
                self.notify("Select text first: v, then move with arrows or w / b.", timeout=4)
            return
        ann = self.notes.highlight(article, span)
        if self._save(ann):
            reader.clear_selection()
            self.notes.made(ann, reader.cursor)
            self._after_change(ann.id)
            self.notify("Highlighted. t tags it, n adds a note.", timeout=3)

    def action_select(self) -> None:
        """``v`` outside the reader: open the list's article if none is open, go to the reader, select."""
        reader = self.reader
        current = self.article_list.current
        if self.article is None and current is not None:
            self.open_article(current.id)
        if self.article is None:
            self.notify("Open an article first (enter in the list), then v selects text in it.", timeout=4)
            return
        reader.focus()
        reader.action_toggle_select()

    def action_tag(self) -> None:
        """``t``: tags for the selected highlight or note, else for the article."""
        article = self._need_article("tag it")
        if article is None:
            return
        from tui.screens.dialogs import TagBox

        target = self._target()
        current = target.tags if target else article.tags
        title = "Tags for this highlight" if target and target.kind == "highlight" else (
            "Tags for this note" if target else "Tags for the article")
        known: list[str] = []  # filled in the background: the box opens at once, completion follows
        self.app.push_screen(TagBox(list(current), known, title, self.bidi_mode),
                             lambda tags: self._tags_chosen(article, target, tags))
        self._load_known_tags(known)

    @work(thread=True, exclusive=True, group="tag-counts")
    def _load_known_tags(self, known: list[str]) -> None:
        """Every tag in the library, most used first, for the tag box's completion (reads the store)."""
        tags = list(tag_counts(self.store))
        self.app.call_from_thread(known.extend, tags)

    def _tags_chosen(self, article: Article, target: Annotation | None, tags: list[str] | None) -> None:
        if tags is None:
            return
        if target is None:
            try:
                self.store.update_article(article.id, tags=tags)
            except MarsadError as exc:
                self.notify(f"Not saved: {exc}", severity="error")
                return
            article.tags = tags
        else:
            target.tags = tags
            if not self._save(target):
                return
        self._after_change(target.id if target else None)
        self.notify("Tags saved." if tags else "Tags removed.", timeout=2)

    def action_note(self) -> None:
        """``n``: edit the note of the selected highlight or note, else the article's note."""
        article = self._need_article("write a note")
        if article is None:
            return
        from tui.screens.dialogs import NoteEditor

        target = self._target() or self.notes.article_note()
        title = "Note on this highlight" if target and target.kind == "highlight" else "Note on the article"
        self.app.push_screen(NoteEditor(target.note if target else "", title, self.bidi_mode),
                             lambda text: self._note_written(article, target, text))

    def _note_written(self, article: Article, target: Annotation | None, text: str | None) -> None:
        if text is None:
            return
        what, ann = self.notes.note_for(article, target, text)
        if ann is None:
            return
        if what == "delete":
            self._delete_now(ann)
        elif self._save(ann):
            self._after_change(ann.id)
            self.notify("Note saved.", timeout=2)

    def action_delete_annotation(self) -> None:
        """``d``: delete the selected annotation after confirming; ``u`` brings it back."""
        from tui.screens.dialogs import ConfirmDialog

        target = self._target()
        if target is None:
            self.notify("Select a note or highlight in the Notes pane (or put the cursor on a highlight).",
                        timeout=4)
            return
        what = "highlight" if target.kind == "highlight" else "note"
        self.app.push_screen(ConfirmDialog(f"Delete this {what}?", target.quote or target.note, self.bidi_mode),
                             lambda yes: self._delete_now(target) if yes else None)

    def _delete_now(self, target: Annotation) -> None:
        try:
            self.store.delete_annotation(target)
        except MarsadError as exc:
            self.notify(f"Not deleted: {exc}", severity="error")
            return
        self.notes.was_deleted(target)
        self._after_change()
        self.notify("Deleted. u undoes.", timeout=4)

    def action_undo(self) -> None:
        """``u``: restore the most recently deleted annotation (same id, same anchor)."""
        ann = self.notes.undo()
        if ann is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        if not self._save(ann):
            self.notes.was_deleted(ann)
            return
        if self.library.is_open(ann.article_id):
            self._after_change(ann.id)
        else:
            self.load_articles(keep_id=self.article.id if self.article else None)
        self.notify("Restored.", timeout=2)

    def action_export(self) -> None:
        """``x``: export the current article's notes, or all, into a folder the dialog asks for."""
        from tui.screens.dialogs import ExportChoice

        folder = str(export_folder(self.config))
        self.app.push_screen(ExportChoice(self.article is not None, folder), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        article_id = self.article.id if request.which == "article" and self.article else None
        folder = Path(request.folder).expanduser()
        if str(folder) != str(export_folder(self.config)):
            save_setting(self.config, "export_dir", str(folder))
        self.notify(f"Exporting to {folder}…", title="Export", timeout=2)
        self._export(article_id, folder)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, article_id: str | None, folder: Path) -> None:
        """Read every note, resolve entity names and write the file, off the UI thread."""
        from tui.export import ExportOptions, select, to_markdown

        try:
            sections = select(self.store, article_id=article_id)
            if not sections:
                self.app.call_from_thread(self.notify, "No notes or highlights to export yet.", timeout=3)
                return
            path = export_path(folder, article_id)
            names = entity_names(self.store, [art for art, _ in sections])
            atomic_write(path, to_markdown(sections, ExportOptions(entities=names)))
        except (MarsadError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Export failed: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Exported to {path}", title="Export", timeout=8)

    def on_annotation_panel_jump(self, message: AnnotationPanel.Jump) -> None:
        ann = message.annotation
        if ann.kind != "highlight" or ann.start is None:
            return
        if ann.orphaned:
            self.notify("This highlight is orphaned: its text is no longer in the article.", timeout=4)
            return
        self.reader.jump_to(ann.start)

    # == search and filters ==============================================================

    def refresh_search_marks(self) -> None:
        """Hand the open article's search hits to the reader as ``search`` marks."""
        self.set_marks({SEARCH}, self.search.marks_for(self.article))

    @work(thread=True, exclusive=True, group="search-index")
    def _build_index(self, index: SearchIndex | None) -> None:
        store = self.store
        if index is None:
            index = load_index(store)
        elif index.stamp != library_stamp(store):
            sync_index(index, store)
            save_index(index, store)
        self.post_message(self.IndexReady(index))

    def on_main_screen_index_ready(self, message: IndexReady) -> None:
        if self.search.index_ready(message.index):
            self._run_search(self.search.text)
        else:
            self.update_list_header()

    def action_search(self) -> None:
        self.query_one(SearchBox).open()

    def on_search_box_query_changed(self, message: SearchBox.QueryChanged) -> None:
        if self.search.typed(message.value):
            self._run_search(message.value)
        else:
            self._clear_search()

    def on_search_box_query_submitted(self, message: SearchBox.QuerySubmitted) -> None:
        """``enter``: first match selected, focus on the list."""
        articles = self.article_list
        if articles.items:
            articles.cursor = 0
            articles.scroll_to_cursor()
        articles.focus()

    def on_search_box_cleared(self, message: SearchBox.Cleared) -> None:
        self.search.cleared()
        self._clear_search()
        self.article_list.focus()

    def _clear_search(self) -> None:
        self._interrupt_search()
        self.workers.cancel_group(self, "search")
        self.apply_list_filter()
        self.refresh_search_marks()

    def _run_search(self, text: str) -> None:
        if self.search.index is None:
            self.update_list_header()  # "(indexing…)"
            return
        self._interrupt_search()
        self._search(text, self.search.index)

    def _interrupt_search(self) -> None:
        """A newer query was typed: stop the SQL of the one still running (its rows would be
        dropped anyway). Typing a word at 1,000,000 articles, the first letter's ranking (~0.5 s
        over ~500,000 matches) otherwise kept a core busy while the word's own query ran."""
        with self._search_lock:
            if self._search_conn is not None:
                self._search_conn.interrupt()  # a no-op when no statement is running

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, index: SearchIndex) -> None:
        """Read the first page of the matches, ranked, off the UI thread (counted after they show)."""
        query = parse_query(text, live=True)
        listed = replace(self.search.list_query(self._entity_lookup()), search=None if query.empty else query)
        conn = self.store.db.conn()
        with self._search_lock:
            self._search_conn = conn
        try:
            rows = StoreRows.uncounted(self.store, listed)
        except (sqlite3.OperationalError, StoreError) as exc:
            if get_current_worker().is_cancelled or "interrupted" in str(exc):
                return  # a newer query took over
            raise
        finally:
            with self._search_lock:
                if self._search_conn is conn:
                    self._search_conn = None
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(text, {}, rows))

    def on_main_screen_search_done(self, message: SearchDone) -> None:
        if not self.search.done(message.text, message.scores):
            return  # an older query finished after a newer one was typed
        self.apply_list_filter(keep_id=None, rows=message.rows)
        self.refresh_search_marks()

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_prev_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        """Search hits when there are any, else the selected entity's mentions."""
        hit = self.search.step(step)
        if hit is None:
            self.step_mention(step)
            return
        offset, label = hit
        self.reader.jump_to(offset)
        self.notify(label, timeout=1)

    def action_filter(self) -> None:
        """``f``: by the selected entity or tag when one is focused, else the dialog."""
        focused = self.focused
        entity = focused.selected_entity if isinstance(focused, EntitySidebar) else None
        tag = focused.selected_tag if isinstance(focused, AnnotationPanel) else None
        if entity is not None:
            self.set_list_filter(self.search.toggle(entity=entity.id, entity_label=entity.name))
        elif tag:
            self.set_list_filter(self.search.toggle(tags=(tag,)))
        else:
            self._open_filter_dialog()

    def set_list_filter(self, flt: Filter, view_name: str = "") -> None:
        self.search.set_filter(flt, view_name)
        self.apply_list_filter()

    def _open_filter_dialog(self) -> None:
        from tui.screens.filter_dialog import FilterDialog

        config = self.config
        facets = self.store.facets()
        sources = [name for name, _ in facets["sources"]]
        languages = [name for name, _ in facets["languages"]]

        def done(result: FilterDialogResult | None) -> None:
            if result is None:
                return
            if result.save_as:
                problem = save_view(config, result.save_as, result.filter)
                if problem:
                    self.notify(problem, severity="warning", timeout=10)
                else:
                    self.notify(f"Saved view “{result.save_as}”.", timeout=2)
            self.set_list_filter(result.filter, result.save_as or result.view_name)

        dialog = FilterDialog(self.search.filter, saved_views(config), sources, languages, self.search.view_name)
        self.app.push_screen(dialog, done)

    # == entities ==========================================================================

    def refresh_entities(self) -> None:
        """Show the open article's entities: from the cache at once, else extracted in the background."""
        article = self.article
        self.entities.cleared(load_corrections(self.store))  # another copy may have saved
        if article is None:
            self.sidebar.show([], placeholder="Open an article to see who and what it mentions.")
            self.set_marks(MENTION_KINDS, self.entities.marks())
            return
        found = self.entities.indexed(article)  # read by the background fill: no engine needed
        if found is not None:
            self._show_entities(article, found, indexed=True)
            return
        if not self._store_indexed:
            found = self.entity_cache().get(article.hash, article.language)
        if found is None and len(article.body) <= SYNC_CHARS and gazetteer_loaded():
            found, error = read_names(article.body, article.language or None)
            if error:
                self._names_failed(error)
                return
            self._store_entities(article.hash, article.language, found)
        if found is None:
            self.sidebar.show([], placeholder="Reading names…")
            self.set_marks(MENTION_KINDS, self.entities.marks())
            self._extract_article(article)
            return
        self._show_entities(article, found)

    @work(thread=True, exclusive=True, group="entities-article")
    def _extract_article(self, article: Article) -> None:
        """Long articles are read off the UI thread, so opening one never waits for the engine."""
        found, error = read_names(article.body, article.language or None)
        self.post_message(self.EntitiesFound(article.id, article.hash, found, error))
        if not error:
            self._store_entities(article.hash, article.language, found)

    def _store_entities(self, content_hash: str, language: str, found: list[Entity]) -> None:
        """Keep what the engine found for an opened article: in the store's index (when the
        article is shown, :meth:`EntityController.found`), else in the cache files."""
        if not self._store_indexed:
            self._write_cache(content_hash, language, found)

    @work(thread=True, group="entities-cache")
    def _write_cache(self, content_hash: str, language: str, found: list[Entity]) -> None:
        """One cache write per article opened, off the UI thread (it rewrites a bucket file)."""
        self.entity_cache().put(content_hash, language, found)

    def on_main_screen_entities_found(self, message: EntitiesFound) -> None:
        article = self.article
        if article is not None and article.id == message.article_id and article.hash == message.content_hash:
            if message.error:
                self._names_failed(message.error)
            else:
                self._show_entities(article, message.found)

    def _names_failed(self, error: str) -> None:
        """The engine raised on the open article: the article stays readable, the sidebar says why it is
        empty, and nothing is stored (a fixed engine reads it again)."""
        self.sidebar.show([], placeholder="Names could not be read in this article (an error in the entity engine).")
        self.set_marks(MENTION_KINDS, self.entities.marks())
        self.notify(f"Entity engine error on this article: {error}", severity="error", timeout=8)

    def _show_entities(self, article: Article, found: list[Entity], select: str | None = None,
                       indexed: bool = False) -> None:
        shown = self.entities.found(article, found, indexed=indexed)
        self.sidebar.show(shown, counts=self.entities.library_counts(), complete=self.entities.index.complete,
                          language=article.language, placeholder="No names found in this article.")
        if select:
            self.sidebar.select_id(select)
        self.set_marks(MENTION_KINDS, self.entities.marks())

    def on_entity_sidebar_jump(self, message: EntitySidebar.Jump) -> None:
        self.step_mention(1, message.entity_id)

    def step_mention(self, step: int, entity_id: str | None = None) -> None:
        """Move the reader to the next (``step`` 1) or previous (-1) mention of the selected entity."""
        entity = self.entities.by_id(entity_id) if entity_id else self.sidebar.selected_entity
        if entity is None:
            self.notify("Select an entity first: e, then j / k.", timeout=3)
            return
        reader = self.reader
        found = self.entities.step(entity, step, reader.cursor)
        if found is None:
            self.notify(self.vis(f"“{entity.name}” has no mention in this text."), timeout=3)
            return
        offset, number, total = found
        reader.jump_to(offset)
        self.sidebar.set_position(f"{visual_line(entity.name, 18, self.bidi_mode)} {number}/{total}")
        self.set_marks(MENTION_KINDS, self.entities.marks())

    def on_entity_sidebar_toggle_mentions(self, message: EntitySidebar.ToggleMentions) -> None:
        state = self.entities.toggle_mentions()
        self.set_marks(MENTION_KINDS, self.entities.marks())
        self.notify(f"Entities: {state}.", timeout=2)

    def entity_article_ids(self, entity_id: str) -> set[str]:
        """For ``f``: ids of library articles that mention ``entity_id``."""
        return self.entities.article_ids(entity_id)

    @work(thread=True, exclusive=True, group="entity-index")
    def _fill_entity_index(self) -> None:
        worker = get_current_worker()
        index = self.entities.index
        steps: Generator[tuple[int, int], None, None]
        if isinstance(index, EntityIndex):  # one bounded batch at a time, entities kept in the store
            steps = index.fill(_extract, batch=10)
        else:  # a read-only library: in memory, results in the cache files' memory
            steps = cast(Generator[tuple[int, int], None, None],
                         fill(cast(LibraryIndex, index), self.entity_cache(), self.store, batch=10))
        posted = -1
        try:
            for done, total in steps:
                if worker.is_cancelled:
                    return  # quitting or a newer fill: stop within one small batch
                # batches vary in size (on-screen articles go first): post on crossing a step
                if done // PROGRESS_EVERY != posted or index.complete:
                    posted = done // PROGRESS_EVERY
                    self.post_message(self.EntityIndexProgress(done, total, index.complete))
        finally:
            steps.close()

    def on_main_screen_entity_index_progress(self, message: EntityIndexProgress) -> None:
        if self.entities.shown:
            self.sidebar.set_library_counts(self.entities.library_counts(), self.entities.index.complete)
        if self.search.filter.entity:
            self.apply_list_filter()

    def action_focus_entities(self) -> None:
        self.query_one("#right").remove_class("hidden")
        self.sidebar.focus()

    # -- corrections ----------------------------------------------------------------------

    def on_entity_sidebar_correct(self, message: EntitySidebar.Correct) -> None:
        if message.action == "review":
            self._ask_review()
            return
        entity = message.entity
        if self.article is None or entity is None:
            return
        if message.action == "rename":
            self._ask_rename(entity)
        elif message.action == "retype":
            self._ask_retype(entity)
        elif message.action == "merge":
            self._ask_merge(entity)
        elif message.action == "split":
            self._ask_split(entity)
        elif message.action == "reject":
            self._ask_reject(entity)

    def _ask_rename(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import RenameDialog

        def done(name: str | None) -> None:
            if name and name != entity.name:
                self._correct(lambda c: c.rename(entity.id, name), f"Renamed to “{name}”", entity.id)

        title = self.vis(f"Rename “{entity.name}” in every article", 60)
        self.app.push_screen(RenameDialog(entity.name, title, self.bidi_mode), done)

    def _ask_retype(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        def done(kind: str | None) -> None:
            if kind and kind != entity.type:
                new = cast(EntityType, kind)
                self._correct(lambda c: c.retype(entity.id, new), f"“{entity.name}” is now: {TYPE_NAMES[kind]}",
                              entity.id)

        choices: list[tuple[str, str | Text]] = [(k, f"{k}   {v}") for k, v in TYPE_NAMES.items()]
        dialog = PickDialog(self.vis(f"Type of “{entity.name}”", 60), choices, current=entity.type)
        self.app.push_screen(dialog, done)

    def _ask_merge(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        others = [e for e in self.entities.shown if e.id != entity.id]
        if not others:
            self.notify("No other entity in this article to merge with.", timeout=3)
            return

        def done(target: str | None) -> None:
            into = self.entities.by_id(target) if target else None
            if into is not None:
                self._correct(lambda c: c.merge(entity.id, into.id), f"Merged “{entity.name}” into “{into.name}”",
                              into.id)

        choices: list[tuple[str, str | Text]] = [(e.id, self._choice_label(e)) for e in others]
        self.app.push_screen(PickDialog(self.vis(f"Merge “{entity.name}” into…", 60), choices), done)

    def _ask_split(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        if len(entity.surfaces) < 2:
            self.notify(self.vis(f"“{entity.name}” has one spelling only; nothing to split."), timeout=3)
            return

        def done(surface: str | None) -> None:
            if surface:
                self._correct(lambda c: self.entities.split_or_unmerge(c, entity, surface),
                              f"“{surface}” is now an entity of its own", entity.id)

        choices: list[tuple[str, str | Text]] = [
            (s, Text(visual_line(s, 56, self.bidi_mode, align=True))) for s in entity.surfaces]
        title = self.vis(f"Split a spelling out of “{entity.name}”", 60)
        self.app.push_screen(PickDialog(title, choices), done)

    def _ask_reject(self, entity: Entity) -> None:
        from tui.screens.dialogs import ConfirmDialog

        def done(yes: bool | None) -> None:
            if yes:
                self._correct(lambda c: c.reject(entity.id), f"“{entity.name}” rejected (C to undo)", None)

        question = self.vis(f"Reject “{entity.name}” as an entity in every article?", 60)
        self.app.push_screen(ConfirmDialog(question, entity.name, self.bidi_mode), done)

    def _ask_review(self) -> None:
        from tui.screens.entity_dialogs import PickDialog

        rows: list[tuple[str, str | Text]] = [
            (key, self.vis(label, 60)) for key, label in correction_rows(self.entities.corrections)]
        if not rows:
            self.notify("No corrections yet: R, Y, M, S, X in the entity sidebar make them.", timeout=4)
            return

        def done(key: str | None) -> None:
            if key:
                self._correct(lambda c: remove_correction(c, key), "Correction removed", None)

        self.app.push_screen(PickDialog("Corrections (enter removes one)", rows,
                                        hint="enter remove · q / escape close"), done)

    def _choice_label(self, entity: Entity) -> Text:
        gloss = f"  {entity.gloss}" if entity.gloss and entity.gloss != entity.name else ""
        name = visual_line(entity.name, 36, self.bidi_mode)
        return Text.assemble((f"{entity.type:<5}", "dim"), name, (gloss, "dim"), (f"  ×{entity.count}", "dim"))

    def _correct(self, change: Callable[[Corrections], object], done_text: str, select: str | None) -> None:
        """Apply ``change`` to the stored corrections, save, and redraw everything that shows entities."""
        corr = load_corrections(self.store)
        change(corr)
        try:
            save_corrections(self.store, corr)
        except MarsadError as exc:
            self.notify(f"Correction not saved: {exc}", severity="error")
            return
        self.entities.corrections = corr
        if self.article is not None:
            self._show_entities(self.article, self.entities.raw, select=select)
        if self.search.filter.entity:
            self.apply_list_filter()
        self.notify(self.vis(f"{done_text} — in every article."), timeout=3)

    # == feeds ================================================================================

    def _auto_refresh_tick(self) -> None:  # not "_auto_refresh": Widget uses that name
        if not self.feeds.fetching and self.store.feeds():
            self.refresh_feeds(quiet=True)

    def action_refresh(self) -> None:
        """Fetch every feed now, past their TTLs: the analyst asked.

        Conditional GET still makes an unchanged feed cost one 304;
        auto-refresh honours the TTLs. Articles another process added
        meanwhile show at once, not at the next look at the library.
        """
        self._watch_library()
        self.refresh_feeds(force=True)

    def action_feeds(self) -> None:
        """Open the feeds screen: every feed, its last fetch and its error."""
        from tui.screens.feeds_screen import FeedsScreen

        screen = FeedsScreen(self, self.feeds.for_view(self.store.feeds()), self.feeds.pending_ids(),
                             self.store.feed_counts(), mode=self.bidi_mode)
        self.app.push_screen(screen)
        progress = self.feeds.progress
        if self.feeds.fetching and progress is not None:
            screen.show_progress(progress.done, progress.total, progress_line(progress))

    def refresh_feeds(self, feed_ids: list[str] | None = None, *, force: bool = False,
                      quiet: bool = False) -> bool:
        """Start a background fetch of every feed (or of ``feed_ids``); False if none started."""
        if self.feeds.fetching:
            self.notify("Feeds are already being fetched.", timeout=3)
            return False
        stored = self.store.feeds()
        if not stored:
            self._reread_library()
            return False
        feeds = self.feeds.start(stored, feed_ids, quiet)
        if not feeds or self.feeds.progress is None:
            return False
        self.stories.started_fetch()
        self._on_fetch_progress(self.feeds.progress)
        self._run_fetch(feeds, force)
        return True

    def _reread_library(self) -> None:
        """No feeds: ``r`` still picks up articles imported from the shell meanwhile."""
        self.notify("No feeds yet, so the library was re-read from disk. "
                    "Add feeds with F then a, or `marsad feeds add URL`.", title="Refresh", timeout=6,
                    markup=False)
        self.load_articles(keep_id=self._current_id())

    def _current_id(self) -> str | None:
        current = self.article_list.current
        if current is not None:
            return current.id
        return self.article.id if self.article is not None else None

    @work(exclusive=True, group=FEEDS_GROUP, exit_on_error=False)
    async def _run_fetch(self, feeds: list[Feed], force: bool) -> None:
        """Fetch on the app's loop; the fetcher puts parsing and store writes in threads."""
        from tui.ingest.fetch import fetch_all  # httpx and friends: ~70 ms kept off first paint

        try:
            reports = await fetch_all(self.store, self.config, feeds=feeds, force=force,
                                      progress=self._on_fetch_progress, retry=self.feeds.retry)
        except MarsadError as exc:
            self._fetch_failed(str(exc))
            return
        except Exception as exc:  # the UI must survive whatever a fetch run throws
            self._fetch_failed(f"{type(exc).__name__}: {exc}")
            return
        finally:
            self.feeds.finished()
        self._fetch_finished(reports)

    def _on_fetch_progress(self, progress: FetchProgress) -> None:
        """Called on the loop at the start and after each feed: status line and feeds screen."""
        text = self.feeds.advanced(progress)
        self._status_line().show(progress.done, progress.total, text)
        for screen in self._feeds_screens():
            screen.show_progress(progress.done, progress.total, text)
        self._update_feeds_screens()

    def _fetch_finished(self, reports: list[FetchReport]) -> None:
        if any(r.added or r.updated for r in reports):
            self.load_articles(keep_id=self._current_id())
        if any(r.added for r in reports):
            self._check_watched()
        text = done_line(reports)
        self._linger(text, len(reports))
        feeds = self.store.feeds()
        for screen in self._feeds_screens():
            screen.show_progress(len(reports), len(reports), text)
            screen.show_feeds(feeds, set(), self.store.feed_counts())
        message, severity = summary(reports)
        if self.feeds.should_notify(reports, severity):
            self.notify(message, title="Feeds", severity=severity,
                        timeout=8 if severity == "information" else 12, markup=False)

    # == stories and watchlists (tui/controllers/stories.py) ==========================

    def action_stories(self) -> None:
        """``S``: the stories view (one event across outlets and languages)."""
        from tui.screens.stories import StoriesScreen

        self.app.push_screen(StoriesScreen(self.store, self.bidi_mode))

    def action_watch_entity(self) -> None:
        """``W``: watch the entity highlighted in the sidebar; fetches then report it."""
        entity = self.sidebar.selected_entity
        if entity is None:
            self.notify("Highlight an entity in the sidebar first (e).", timeout=3)
            return
        item, new = self.stories.watch_entity(self.store, entity)
        self.notify(self.vis(f"{'Watching' if new else 'Already watching'} {item.name}: "
                             "a fetch will tell you about new articles naming it."), timeout=4, markup=False)

    @work(thread=True, exclusive=True, group="watch")
    def _check_watched(self) -> None:
        """After a fetch: which new articles name watched entities (off the UI thread)."""
        lines = self.stories.watched_news(self.store)
        if lines:
            self.app.call_from_thread(self.notify, "\n".join(lines), title="Watched", timeout=15,
                                      markup=False)

    def _fetch_failed(self, error: str) -> None:
        self._status_line().hide()
        for screen in self._feeds_screens():
            screen.hide_progress()
        self.notify(f"Fetching stopped: {error}", title="Feeds", severity="error", timeout=12, markup=False)

    def _linger(self, text: str, total: int) -> None:
        """Leave the final counts in the status line for a moment, then hide it."""
        self._status_line().show(total, total, text)
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(STATUS_LINGER, self._hide_status)

    def _hide_status(self) -> None:
        if not self.feeds.fetching:
            self._status_line().hide()
            for screen in self._feeds_screens():
                screen.hide_progress()

    def _status_line(self) -> FetchStatus:
        """The status line, mounted above the footer the first time it is needed."""
        found = self.query(FetchStatus)
        if found:
            return found.first()
        status = FetchStatus(id="fetch-status")
        self.mount(status, before=self.query_one(Footer))
        return status

    def _feeds_screens(self) -> list[FeedsScreen]:
        from tui.screens.feeds_screen import FeedsScreen

        return [s for s in self.app.screen_stack if isinstance(s, FeedsScreen)]

    def _update_feeds_screens(self) -> None:
        for screen in self._feeds_screens():
            screen.show_feeds(self.feeds.for_view(self.store.feeds()), self.feeds.pending_ids(),
                              self.store.feed_counts())

    def on_feeds_screen_refresh_requested(self, message: FeedsScreen.RefreshRequested) -> None:
        self.refresh_feeds(message.feed_ids, force=True)

    def on_feeds_screen_add_requested(self, message: FeedsScreen.AddRequested) -> None:
        """Subscribe (or update name/tags of an existing subscription), then fetch it."""
        try:
            feed, existed = self.feeds.subscription(self.store.feeds(), message.url, message.name, message.tags,
                                                    message.language)
        except InputError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        try:
            self.store.save_feed(feed)
        except MarsadError as exc:
            self.notify(f"Could not save the feed: {exc}", severity="error", markup=False)
            return
        started = self.refresh_feeds([feed.id], force=True, quiet=True)
        then = "; fetching it now." if started else "."
        verb = "Updated" if existed else "Added"
        self.notify(f"{verb} {feed.name or feed.url}{then}", title="Feeds", timeout=4, markup=False)
        self._update_feeds_screens()

    def on_feeds_screen_remove_requested(self, message: FeedsScreen.RemoveRequested) -> None:
        """Unsubscribe; the feed's articles (and their notes) stay in the library."""
        try:
            self.store.delete_feed(message.feed_id)
        except MarsadError as exc:
            self.notify(f"Could not remove the feed: {exc}", severity="error", markup=False)
            return
        self.notify("Feed removed; its articles stay in the library.", title="Feeds", timeout=4)
        self._update_feeds_screens()


def _extract(body: str, language: str) -> list[Entity]:
    return read_names(body, language or None)[0]  # (the library fill goes on past an article the engine fails on)


def _entity_index(store: Store) -> LibraryIndex | EntityIndex:
    """The library's entity index: kept in the store (it survives restarts), or in
    memory when the store cannot be written."""
    if store.db.readonly:
        return LibraryIndex()
    return EntityIndex(store, engine_stamp)  # stamped on first use, after first paint
