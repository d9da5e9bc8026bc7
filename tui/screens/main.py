"""The main screen: article list | reader | entities + annotations.

This screen is the one controller: it alone reads and writes the store and
hands models down to the widgets, which talk back only through messages.
Feature actions live in mixins beside this file (one per feature), so each
stays short; all keys are declared here, in one table, so the footer, the
help screen and the command palette agree.
"""

from __future__ import annotations

import gc
from collections.abc import Collection
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.models import Article
from tui.rtl.line import visual_line
from tui.rtl.marks import Mark
from tui.screens.annotating import AnnotationActions
from tui.screens.entity_actions import EntityActions
from tui.screens.feed_actions import FeedActions
from tui.screens.searching import SearchActions
from tui.store import Store
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.article_list import ArticleList, ListItem
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader

NARROW = 100


def B(key: str, action: str, description: str, id: str, show: bool = True, **kw: object) -> Binding:
    """A user-facing binding; the id lets the settings file rebind it."""
    return Binding(key, action, description, show=show, id=id, **kw)  # type: ignore[arg-type]


class MainScreen(AnnotationActions, SearchActions, EntityActions, FeedActions, Screen):
    """Reads, marks up and exports; see DESIGN.md for the key table."""

    CSS_PATH = "main.tcss"

    BINDINGS = [
        B("/", "search", "Search", "search"),
        B("e", "focus_entities", "Entities", "entities"),
        B("f", "filter", "Filter", "filter"),
        B("h", "highlight", "Highlight", "highlight"),
        B("t", "tag", "Tag", "tag"),
        B("n", "note", "Note", "note"),
        B("x", "export", "Export", "export"),
        B("greater_than_sign", "next_hit", "Next hit", "next-hit", show=False),
        B("less_than_sign", "prev_hit", "Prev hit", "prev-hit", show=False),
        B("m", "toggle_read", "Read/unread", "toggle-read", show=False),
        B("r", "refresh", "Refresh", "refresh", show=False),
        B("F", "feeds", "Feeds", "feeds", show=False),
        B("d", "delete_annotation", "Delete note", "delete", show=False),
        B("u", "undo", "Undo", "undo", show=False),
        B("o", "open_url", "Open URL", "open-url", show=False),
        B("left_square_bracket", "toggle_left", "Left pane", "toggle-left", show=False),
        B("right_square_bracket", "toggle_right", "Right pane", "toggle-right", show=False),
        B("B", "cycle_bidi", "Bidi mode", "bidi"),
        B("D", "flip_direction", "Flip direction", "flip-direction", show=False),
        B("T", "pick_theme", "Theme", "theme", show=False),
        B("question_mark", "help", "Help", "help"),
    ]

    @dataclass
    class ArticlesLoaded(Message):
        """The library list was read in the background."""

        items: list[ListItem]
        keep_id: str | None = None

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.article: Article | None = None
        self.all_items: list[ListItem] = []
        self.list_header_text = ""  # logical text; the header draws it laid out
        self._preview_timer = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield from self.compose_search()
                yield Static("", id="list-header", markup=False)
                yield ArticleList(id="articles")
            yield Reader(id="reader")
            with Vertical(id="right"):
                yield EntitySidebar(id="entities")
                yield AnnotationPanel(id="annotations")
        yield Footer()

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def set_marks(self, kinds: Collection[str], marks: list[Mark]) -> None:
        """Replace one feature's marks in the reader (highlights, search hits,
        entity mentions), keeping every other feature's."""
        reader = self.reader
        reader.marks = [m for m in reader.marks if m.kind not in kinds] + marks

    @property
    def bidi_mode(self) -> str:
        """The mode every pane draws in (the app's setting; ``B`` cycles it)."""
        return self.app.config.bidi  # type: ignore[attr-defined]

    # -- start-up ----------------------------------------------------------

    def on_mount(self) -> None:
        mode = self.app.config.bidi  # type: ignore[attr-defined]
        self.reader.bidi_mode = mode
        self.query_one(ArticleList).bidi_mode = mode
        self.query_one(ArticleList).focus()
        self._apply_pane_config()
        self.report_store_warnings()
        self.load_articles()

    def report_store_warnings(self) -> None:
        """Tell the user about library files that had to be set aside."""
        while self.store.warnings:
            self.notify(self.store.warnings.pop(0), title="Library", severity="warning", timeout=15)

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self, keep_id: str | None = None) -> None:
        """Read article metadata and annotation counts off the UI thread."""
        counts: dict[str, int] = {}
        for ann in self.store.all_annotations():
            counts[ann.article_id] = counts.get(ann.article_id, 0) + 1
        items = [ListItem(a, counts.get(a.id, 0)) for a in self.store.articles()]
        self.post_message(self.ArticlesLoaded(items, keep_id))

    def on_main_screen_articles_loaded(self, message: ArticlesLoaded) -> None:
        self.report_store_warnings()
        first = not self.all_items
        self.all_items = message.items
        self.apply_list_filter(keep_id=message.keep_id)
        if first:
            # The library's models live as long as the app: keep them out of
            # the collector's full passes, which otherwise stall typing for
            # 50 ms at a time while background workers allocate.
            gc.freeze()

    def apply_list_filter(self, keep_id: str | None = None) -> None:
        """Show the items that pass the search and filters (see SearchActions)."""
        items = self.filtered_items(self.all_items)
        current = keep_id or (self.article.id if self.article else None)
        self.query_one(ArticleList).set_items(items, keep_id=current)
        self.update_list_header(len(items), len(self.all_items))

    def update_list_header(self, shown: int, total: int) -> None:
        """``12 of 200 articles  “طهران” @Iran``: laid out like every other line,
        so an Arabic search or entity name in it is not drawn reversed."""
        label = self.filter_label()
        text = f"{shown:,} of {total:,} articles" if shown != total else f"{total:,} articles"
        self.list_header_text = f"{text}{'  ' + label if label else ''}"
        header = self.query_one("#list-header", Static)
        width = max(header.size.width - 2, 20)
        header.update(visual_line(self.list_header_text, width, self.bidi_mode, direction="ltr"))

    # -- opening articles --------------------------------------------------

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        """Preview the highlighted article after a short pause (not on every key repeat)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.08, lambda: self.open_article(message.article_id))

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self.open_article(message.article_id)
        self.reader.focus()
        if self.article is not None and not self.article.read:
            self.set_read(self.article, True)

    def open_article(self, article_id: str) -> None:
        if self.article is not None and self.article.id == article_id:
            return
        article = self.store.get_article(article_id)
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        self.article = article
        self.reader.show(article)
        self.article_opened(article)

    def article_opened(self, article: Article) -> None:
        """Each feature mixin refreshes its pane for the new article."""
        self.refresh_annotations()
        self.refresh_entities()
        self.refresh_search_marks()

    def set_read(self, article: Article, read: bool) -> None:
        self.store.update_article(article.id, read=read)
        article.read = read
        for item in self.all_items:
            if item.article.id == article.id:
                item.article.read = read
                self.query_one(ArticleList).update_item(item)

    def item_for(self, article_id: str) -> ListItem | None:
        return next((i for i in self.all_items if i.article.id == article_id), None)

    # -- general actions ---------------------------------------------------

    def action_toggle_read(self) -> None:
        article = self.query_one(ArticleList).current if self.focused is self.query_one(ArticleList) else self.article
        if article is None:
            return
        self.set_read(article, not article.read)
        self.notify("Marked read." if article.read else "Marked unread.", timeout=2)

    def action_open_url(self) -> None:
        if self.article is None or not self.article.url:
            self.notify("This article has no URL.", severity="warning")
            return
        self.app.open_url(self.article.url)
        self.notify(f"Opening {self.article.url}", timeout=3)

    def action_toggle_left(self) -> None:
        self.query_one("#left").toggle_class("hidden")

    def action_toggle_right(self) -> None:
        self.query_one("#right").toggle_class("hidden")

    def action_cycle_bidi(self) -> None:
        self.app.cycle_bidi()  # type: ignore[attr-defined]

    def set_bidi_mode(self, mode: str) -> None:
        self.reader.bidi_mode = mode
        self.query_one(ArticleList).bidi_mode = mode
        self.query_one(AnnotationPanel).set_bidi_mode(mode)
        self.update_list_header(len(self.query_one(ArticleList).items), len(self.all_items))

    def action_flip_direction(self) -> None:
        """Per-article override for a paragraph direction the heuristics got wrong."""
        if self.article is None:
            return
        new = {None: "rtl", "rtl": "ltr", "ltr": None}[self.article.direction]
        self.article.direction = new  # type: ignore[assignment]
        self.store.update_article(self.article.id, direction=new)
        self.reader.direction_override = new
        self.notify(f"Direction: {new or 'automatic'}", timeout=2)

    def action_pick_theme(self) -> None:
        self.app.action_change_theme()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def _apply_pane_config(self) -> None:
        config = self.app.config  # type: ignore[attr-defined]
        self.query_one("#left").set_class(not config.left_pane, "hidden")
        self.query_one("#right").set_class(not config.right_pane, "hidden")

    def on_resize(self) -> None:
        """Collapse side panes when the terminal gets narrow; ``[`` and ``]`` bring them back."""
        narrow = self.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.query_one("#right").set_class(narrow or not self.app.config.right_pane, "hidden")  # type: ignore[attr-defined]

