"""The stories view (``S``) and the compare view (``c`` in it).

A view over :class:`tui.controllers.stories.StoriesController`: stories on
the left (newest activity first; ``2`` keeps only stories covered in two
or more languages), the open story's articles grouped by language and
source with its entities and their per-language counts, and a reader.
``enter`` opens a story, ``]``/``[`` step the reader through its articles,
``space`` marks one and ``c`` opens two side by side (highlight and note in
either), ``W`` watches the
highlighted entity, ``w`` shows only stories naming watched entities,
``x`` writes the story's brief, ``escape`` goes back.

The story state is read in a thread worker (clustering what is new), so
the view opens at once with "Reading stories…". Titles and names come from
feeds: every row is laid out as one visual line and never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.controllers.notes import HIGHLIGHT, NotesController, export_folder, export_path
from tui.controllers.stories import ArticleRow, EntityRow, StoriesController
from tui.errors import MarsadError
from tui.models import Annotation, Article, Direction
from tui.rtl.line import visual_line
from tui.store import Store, atomic_write
from tui.widgets.reader import Reader


def _row(text: str, width: int, mode: str, direction: Direction | None = None) -> Text:
    """One list row laid out for the terminal; story and entity rows are English-led (LTR)
    even when a name in them is Arabic, article rows take their title's direction."""
    return Text(visual_line(text, max(width, 10), mode, direction=direction, align=False))


class StoriesScreen(Screen[None]):
    """Stories across languages; see the module docstring for the keys."""

    CSS_PATH = "stories.tcss"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="stories.back", priority=True),
        Binding("2", "multilingual", "≥2 languages", id="stories.multilingual"),
        Binding("right_square_bracket", "step(1)", "Next article", id="stories.next"),
        Binding("left_square_bracket", "step(-1)", "Prev article", id="stories.prev"),
        Binding("space", "mark", "Mark", id="stories.mark", show=False),
        Binding("c", "compare", "Compare", id="stories.compare"),
        Binding("W", "watch", "Watch entity", id="stories.watch"),
        Binding("w", "watched", "Watched", id="stories.watched"),
        Binding("x", "export", "Export brief", id="stories.export"),
    ]

    bidi_mode: reactive[str] = reactive("app", init=False)

    @dataclass
    class Loaded(Message):
        error: str = ""

    def __init__(self, store: Store, bidi_mode: str = "app", controller: StoriesController | None = None) -> None:
        super().__init__()
        self.store = store
        self.ctl = controller or StoriesController()
        self.set_reactive(StoriesScreen.bidi_mode, bidi_mode)

    def compose(self) -> ComposeResult:
        with Horizontal(id="stories-panes"):
            with Vertical(id="stories-left"):
                yield Static("Reading stories…", id="stories-header", markup=False)
                yield OptionList(id="story-list")
            with Vertical(id="stories-middle"):
                yield OptionList(id="story-articles")
                yield OptionList(id="story-entities")
            yield Reader(id="story-reader").data_bind(StoriesScreen.bidi_mode)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#story-list").focus()
        self.load()

    @work(thread=True, exclusive=True, group="stories")
    def load(self) -> None:
        try:
            self.ctl.load(self.store)
        except MarsadError as exc:
            self.post_message(self.Loaded(str(exc)))
            return
        self.post_message(self.Loaded())

    def on_stories_screen_loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(message.error, severity="error", markup=False)
        self.show_stories()

    # -- drawing ---------------------------------------------------------------------

    def show_stories(self) -> None:
        self.query_one("#stories-header", Static).update(self.ctl.header())
        lst = self.query_one("#story-list", OptionList)
        width = lst.size.width - 2 or 40
        lst.clear_options()
        lst.add_options([Option(_row(r.text, width, self.bidi_mode, "ltr"), id=r.story.id) for r in self.ctl.visible()])
        if lst.option_count:
            lst.highlighted = 0

    def show_story(self, story_id: str) -> None:
        rows = self.ctl.open(story_id)
        arts = self.query_one("#story-articles", OptionList)
        width = arts.size.width - 2 or 40
        arts.clear_options()
        arts.add_options([self._article_option(r, width) for r in rows])
        ents = self.query_one("#story-entities", OptionList)
        ents.clear_options()
        ents.add_options([Option(_row(e.text, width, self.bidi_mode, "ltr"), id=e.entity_id) for e in self.ctl.entity_rows()])
        self.show_article(self.ctl.current)

    def _article_option(self, row: ArticleRow, width: int) -> Option:
        mark = "● " if row.article_id and row.article_id == self.ctl.marked else ""
        return Option(_row(mark + row.text, width, self.bidi_mode), id=row.article_id or None,
                      disabled=not row.article_id)

    def show_article(self, article_id: str | None) -> None:
        reader = self.query_one("#story-reader", Reader)
        if article_id is None:
            reader.show(None)
            return
        self.ctl.current = article_id
        reader.show(self.store.get_article(article_id) or self.ctl.article(article_id))
        arts = self.query_one("#story-articles", OptionList)
        for index in range(arts.option_count):
            if arts.get_option_at_index(index).id == article_id:
                arts.highlighted = index
                break

    # -- events and actions -------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "story-list" and event.option.id:
            self.show_story(event.option.id)
            self.query_one("#story-articles").focus()
        elif event.option_list.id == "story-articles" and event.option.id:
            self.show_article(event.option.id)
            self.query_one("#story-reader").focus()

    def action_multilingual(self) -> None:
        self.notify(self.ctl.toggle_multilingual(), timeout=3)
        self.show_stories()

    def action_watched(self) -> None:
        self.notify(self.ctl.toggle_watched(self.store), timeout=4, markup=False)
        self.show_stories()

    def action_step(self, delta: int) -> None:
        article_id = self.ctl.step(delta)
        if article_id is None:
            self.notify("No more articles in this story." if self.ctl.order else "Open a story first (enter).",
                        timeout=2)
            return
        self.show_article(article_id)

    def _current_article_id(self) -> str | None:
        arts = self.query_one("#story-articles", OptionList)
        if self.focused is arts and arts.highlighted is not None:
            option = arts.get_option_at_index(arts.highlighted)
            return option.id
        return self.ctl.current

    def action_mark(self) -> None:
        article_id = self._current_article_id()
        if article_id is None:
            return
        self.notify(self.ctl.mark(article_id), timeout=3)
        arts = self.query_one("#story-articles", OptionList)
        keep = arts.highlighted
        width = arts.size.width - 2 or 40
        arts.clear_options()
        arts.add_options([self._article_option(r, width) for r in self.ctl.rows])
        arts.highlighted = keep

    def action_compare(self) -> None:
        pair = self.ctl.compare_pair(self._current_article_id())
        if pair is None:
            self.notify("Open a story with two or more articles to compare.", timeout=3)
            return
        left, right = (self.store.get_article(a) or self.ctl.article(a) for a in pair)
        if left is None or right is None:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        self.app.push_screen(CompareScreen(left, right, self.bidi_mode, self.store))

    def action_watch(self) -> None:
        ents = self.query_one("#story-entities", OptionList)
        rows = self.ctl.entity_rows()
        if ents.highlighted is None or not rows:
            self.notify("Highlight an entity of the story first.", timeout=3)
            return
        row: EntityRow = rows[ents.highlighted]
        item, new = self.ctl.watch_entity(self.store, row)
        self.notify(f"{'Watching' if new else 'Already watching'} {item.name}: a fetch will tell you "
                    "about new articles naming it.", timeout=4, markup=False)

    def _export_folder(self) -> Path:
        """The folder ``x`` on the main screen writes to (``export_dir``, else ``exports/`` in the library)."""
        from tui.app import MarsadApp

        if isinstance(self.app, MarsadApp):
            return export_folder(self.app.config)
        return Path(self.store.folder) / "exports"

    def action_export(self) -> None:
        if self.ctl.story is None:
            self.notify("Open a story first (enter).", timeout=3)
            return
        path = export_path(self._export_folder(), f"story-{self.ctl.story.id}")
        try:
            atomic_write(path, self.ctl.brief())
        except (OSError, MarsadError) as exc:
            self.notify(f"Could not write the brief: {exc}", severity="error", markup=False)
            return
        self.notify(f"Story brief written to {path}", timeout=6, markup=False)


class CompareScreen(Screen[None]):
    """Two articles side by side, each laid out in its own direction, each scrolling on its own.

    ``tab`` moves between the panes; in either, ``v`` selects, ``h``
    highlights and ``n`` writes a note (on the highlight under the cursor or
    just made, else on the article), saved like the main screen's.
    """

    CSS_PATH = "stories.tcss"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("escape,q", "back", "Back", id="compare.back", priority=True),
        Binding("h", "highlight", "Highlight", id="compare.highlight"),
        Binding("n", "note", "Note", id="compare.note"),
    ]

    bidi_mode: reactive[str] = reactive("app", init=False)

    def __init__(self, left: Article, right: Article, bidi_mode: str = "app", store: Store | None = None) -> None:
        super().__init__()
        self.articles = (left, right)
        self.store = store
        self.notes = {left.id: NotesController(), right.id: NotesController()}
        self.set_reactive(CompareScreen.bidi_mode, bidi_mode)

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-panes"):
            for side in ("left", "right"):
                yield Reader(id=f"compare-{side}", classes="compare-reader").data_bind(CompareScreen.bidi_mode)
        yield Footer()

    def on_mount(self) -> None:
        readers = list(self.query(Reader).results(Reader))
        for reader, article in zip(readers, self.articles, strict=True):
            reader.show(article)
            self._refresh(reader)
        readers[0].focus()

    def _reader(self) -> Reader:
        focused = self.focused
        return focused if isinstance(focused, Reader) else self.query_one("#compare-left", Reader)

    def _refresh(self, reader: Reader) -> None:
        """Load the pane's annotations and draw its highlights."""
        article = reader.article
        if article is None or self.store is None:
            return
        notes = self.notes[article.id]
        notes.loaded(article, self.store.annotations_for(article.id))
        reader.marks = [m for m in reader.marks if m.kind != HIGHLIGHT] + notes.marks()

    def action_back(self) -> None:
        reader = self._reader()
        if reader.selection is not None or reader.sel_anchor is not None:
            reader.clear_selection()
            return
        self.app.pop_screen()

    def action_highlight(self) -> None:
        reader = self._reader()
        article, span = reader.article, reader.selection
        if article is None or self.store is None:
            return
        if span is None:
            self.notify("Select text first: v, then move with arrows or w / b.", timeout=4)
            return
        notes = self.notes[article.id]
        ann = notes.highlight(article, span)
        try:
            self.store.save_annotation(ann)
        except MarsadError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        reader.clear_selection()
        notes.made(ann, reader.cursor)
        self._refresh(reader)
        self.notify("Highlighted. n adds a note.", timeout=3)

    def action_note(self) -> None:
        from tui.screens.dialogs import NoteEditor

        reader = self._reader()
        article = reader.article
        if article is None or self.store is None:
            return
        notes = self.notes[article.id]
        target = notes.target_at(reader.cursor) or notes.article_note()
        title = "Note on this highlight" if target and target.kind == "highlight" else "Note on the article"
        self.app.push_screen(NoteEditor(target.note if target else "", title, self.bidi_mode),
                             lambda text: self._note_written(reader, article, target, text))

    def _note_written(self, reader: Reader, article: Article, target: Annotation | None, text: str | None) -> None:
        if text is None or self.store is None:
            return
        what, ann = self.notes[article.id].note_for(article, target, text)
        if ann is None:
            return
        try:
            if what == "delete":
                self.store.delete_annotation(ann)
            else:
                self.store.save_annotation(ann)
        except MarsadError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._refresh(reader)
        self.notify("Note saved." if what == "save" else "Note deleted.", timeout=2)
