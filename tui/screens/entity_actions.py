"""Entity actions of the main screen: fill the sidebar, draw and step through mentions, corrections.

A mixin of :class:`tui.screens.main.MainScreen`, the one controller. What it does:

* On opening an article, :meth:`refresh_entities` takes the engine's results
  from the cache (by content hash) or extracts them in a thread worker,
  applies the analyst's corrections and hands them to the sidebar; mentions
  are drawn in the reader as marks (every mention underlined; the one the
  reader was sent to in its type's colour). ``A`` in the sidebar toggles the
  underlines.
* ``enter`` in the sidebar, and ``>``/``<`` when no search is active
  (``SearchActions._step_hit`` falls back to :meth:`step_mention`), move the
  reader through the selected entity's mentions.
* ``f`` (``SearchActions.action_filter``) reads the sidebar's
  ``selected_entity``; the filter asks :meth:`entity_article_ids` which
  articles mention it. That comes from a library index filled by a
  background worker after the list first loads (and after each import or
  fetch), a batch at a time, so typing is never blocked.
* Corrections (rename, retype, merge, split, reject) are one document in
  the store (``corrections``/``global``), applied whenever entities are
  shown or looked up, so they hold for every article, now and after future
  imports. ``C`` lists them and removes one (undo).

Handlers use ``on_<widget>_<message>`` names so Textual finds them through
the MRO; state lives in class-level defaults so the mixin needs no
``__init__``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from tui.entities import entities as extract_entities
from tui.entities.cache import (
    EntityCache,
    LibraryIndex,
    fill,
    load_corrections,
    save_corrections,
)
from tui.entities.corrections import Corrections
from tui.errors import MarsadError
from tui.models import Article, Entity
from tui.rtl.line import visual_line
from tui.rtl.marks import Mark

if TYPE_CHECKING:
    from tui.widgets.entity_sidebar import EntitySidebar

MENTION_KINDS = frozenset({"entity", "PER", "ORG", "LOC", "MISC"})
INDEX_DELAY = 1.0  # seconds after the list first loads: after first paint and the search index
PROGRESS_EVERY = 100  # articles between sidebar-count and filter refreshes during a fill
SYNC_CHARS = 6000  # about 1,000 words: the engine reads that in < 20 ms, so no "Reading names…" flash
TYPE_NAMES = {"PER": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Other"}


@dataclass
class EntitiesFound(Message):
    """The engine read one article in the background."""

    article_id: str
    content_hash: str
    found: list[Entity]


@dataclass
class EntityIndexProgress(Message):
    """The background worker indexed another batch of the library."""

    done: int
    total: int
    complete: bool


class EntityActions:
    """Mixin for MainScreen: keeps the entity sidebar and mention marks in step with the article."""

    _entity_cache: EntityCache | None = None
    _entity_index: LibraryIndex | None = None
    _entity_index_started: bool = False
    _corrections: Corrections | None = None
    _raw_entities: list[Entity] = []
    _shown_entities: list[Entity] = []
    _mention: tuple[str, int] | None = None
    _all_mentions: bool = True

    # -- helpers (the screen provides store, article, query_one, notify) ---------

    def _sidebar(self) -> EntitySidebar:
        from tui.widgets.entity_sidebar import EntitySidebar

        return self.query_one(EntitySidebar)  # type: ignore[attr-defined]

    def _vis(self, text: str, width: int = 120) -> str:
        """An English sentence with an Arabic/Hebrew name in it, laid out for the terminal.

        Dialog titles and notifications are plain labels: without this an RTL
        name in them would show unshaped and in logical (reversed) order.
        """
        return visual_line(text, width, self.bidi_mode, direction="ltr")

    def _cache(self) -> EntityCache:
        if self._entity_cache is None:
            self._entity_cache = EntityCache(self.store)  # type: ignore[attr-defined]
        return self._entity_cache

    def _index(self) -> LibraryIndex:
        if self._entity_index is None:
            self._entity_index = LibraryIndex()
        return self._entity_index

    def _corr(self) -> Corrections:
        if self._corrections is None:
            self._corrections = load_corrections(self.store)  # type: ignore[attr-defined]
        return self._corrections

    # -- data down -----------------------------------------------------------------

    def on_mount(self) -> None:
        """Follow live bidi-mode switches (``B``) through the reader's reactive."""
        self.watch(self.reader, "bidi_mode", self._sidebar().set_bidi_mode, init=True)  # type: ignore[attr-defined]

    def refresh_entities(self) -> None:
        """Show the open article's entities: from the cache at once, else extracted in the background."""
        article: Article | None = self.article  # type: ignore[attr-defined]
        self._mention = None
        self._corrections = load_corrections(self.store)  # type: ignore[attr-defined]  # another copy may have saved
        if article is None:
            self._raw_entities = self._shown_entities = []
            self._sidebar().show([], mode=self.bidi_mode, placeholder="Open an article to see who and what it mentions.")
            self._draw_mentions()
            return
        found = self._cache().get(article.hash, article.language)
        if found is None and len(article.body) <= SYNC_CHARS:
            found = extract_entities(article.body, article.language or None)
            self._store_entities(article.hash, article.language, found)
        if found is None:
            self._raw_entities = self._shown_entities = []
            self._sidebar().show([], mode=self.bidi_mode, placeholder="Reading names…")
            self._draw_mentions()
            self._extract_article(article)
            return
        self._show_entities(article, found)

    @work(thread=True, exclusive=True, group="entities-article")
    def _extract_article(self, article: Article) -> None:
        """Long articles are read off the UI thread, so opening one never waits for the engine."""
        found = extract_entities(article.body, article.language or None)
        self.post_message(EntitiesFound(article.id, article.hash, found))  # type: ignore[attr-defined]
        self._cache().put(article.hash, article.language, found)

    @work(thread=True, group="entities-cache")
    def _store_entities(self, content_hash: str, language: str, found: list[Entity]) -> None:
        """One cache write per article opened, off the UI thread (it rewrites a bucket file)."""
        self._cache().put(content_hash, language, found)

    def on_entities_found(self, message: EntitiesFound) -> None:
        article = self.article  # type: ignore[attr-defined]
        if article is not None and article.id == message.article_id and article.hash == message.content_hash:
            self._show_entities(article, message.found)

    def _show_entities(self, article: Article, found: list[Entity], select: str | None = None) -> None:
        self._index().add(article.id, article.hash, found)
        self._raw_entities = found
        self._shown_entities = shown = self._corr().apply(found, article.body)
        placeholder = "No names found in this article."
        sidebar = self._sidebar()
        sidebar.show(shown, counts=self._library_counts(), complete=self._index().complete,
                     language=article.language, mode=self.bidi_mode, placeholder=placeholder)
        if select:
            sidebar.select_id(select)
        if self._mention and not any(e.id == self._mention[0] for e in shown):
            self._mention = None
        self._draw_mentions()

    def _library_counts(self) -> dict[str, int]:
        index, corr = self._index(), self._corr()
        return {e.id: index.count_mentioning(e.id, corr) for e in self._shown_entities}

    def _draw_mentions(self) -> None:
        mine: list[Mark] = []
        if self._all_mentions:
            mine = [Mark(s, t, "entity", e.id) for e in self._shown_entities for s, t in e.spans]
        current = self._current_mention()
        if current is not None:
            entity, k = current
            s, t = sorted(entity.spans)[k]
            mine.append(Mark(s, t, entity.type, f"{entity.id}#{k}"))
        self.set_marks(MENTION_KINDS, mine)  # type: ignore[attr-defined]

    def _current_mention(self) -> tuple[Entity, int] | None:
        if self._mention is None:
            return None
        entity = self._entity_by_id(self._mention[0])
        if entity is None or not 0 <= self._mention[1] < len(entity.spans):
            return None
        return entity, self._mention[1]

    def _entity_by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self._shown_entities if e.id == entity_id), None)

    # -- mentions: enter in the sidebar, > and < -------------------------------------

    def on_entity_sidebar_jump(self, message: EntitySidebar.Jump) -> None:
        self.step_mention(1, message.entity_id)

    def step_mention(self, step: int, entity_id: str | None = None) -> None:
        """Move the reader to the next (``step`` 1) or previous (-1) mention of the selected entity."""
        sidebar = self._sidebar()
        entity = self._entity_by_id(entity_id) if entity_id else sidebar.selected_entity
        if entity is None:
            self.notify("Select an entity first: e, then j / k.", timeout=3)  # type: ignore[attr-defined]
            return
        spans = sorted(entity.spans)
        if not spans:
            self.notify(self._vis(f"“{entity.name}” has no mention in this text."), timeout=3)  # type: ignore[attr-defined]
            return
        reader = self.reader
        if self._mention is not None and self._mention[0] == entity.id:
            k = (self._mention[1] + step) % len(spans)
        else:
            k = _nearest(spans, reader.cursor, step)
        self._mention = (entity.id, k)
        reader.jump_to(spans[k][0])
        sidebar.set_position(f"{visual_line(entity.name, 18, self.bidi_mode)} {k + 1}/{len(spans)}")
        self._draw_mentions()

    def on_entity_sidebar_toggle_mentions(self, message: EntitySidebar.ToggleMentions) -> None:
        self._all_mentions = not self._all_mentions
        self._draw_mentions()
        state = "every mention underlined" if self._all_mentions else "only the current mention shown"
        self.notify(f"Entities: {state}.", timeout=2)  # type: ignore[attr-defined]

    # -- the library index and f --------------------------------------------------------

    def entity_article_ids(self, entity_id: str) -> set[str]:
        """For ``f`` (SearchActions): ids of library articles that mention ``entity_id``."""
        return self._index().articles_mentioning(entity_id, self._corr())

    def on_main_screen_articles_loaded(self, message: Message) -> None:
        """Index the library's entities after the first paint, and again after imports and fetches."""
        delay = 0.05 if self._entity_index_started else INDEX_DELAY
        self._entity_index_started = True
        self.set_timer(delay, self._fill_entity_index)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="entity-index")
    def _fill_entity_index(self) -> None:
        worker = get_current_worker()
        index = self._index()
        steps = fill(index, self._cache(), self.store, batch=10)  # type: ignore[attr-defined]
        try:
            for done, total in steps:
                if worker.is_cancelled:
                    return  # quitting or a newer fill: stop within one small batch
                if done % PROGRESS_EVERY == 0 or index.complete:
                    self.post_message(EntityIndexProgress(done, total, index.complete))  # type: ignore[attr-defined]
        finally:
            steps.close()

    def on_entity_index_progress(self, message: EntityIndexProgress) -> None:
        if self._shown_entities:
            self._sidebar().set_library_counts(self._library_counts(), self._index().complete)
        if getattr(getattr(self, "_list_filter", None), "entity", ""):
            self.apply_list_filter()  # type: ignore[attr-defined]

    # -- corrections ------------------------------------------------------------------------

    def on_entity_sidebar_correct(self, message: EntitySidebar.Correct) -> None:
        if self.article is None and message.action != "review":  # type: ignore[attr-defined]
            return
        ask = {"rename": self._ask_rename, "retype": self._ask_retype, "merge": self._ask_merge,
               "split": self._ask_split, "reject": self._ask_reject}.get(message.action)
        if message.action == "review":
            self._ask_review()
        elif ask is not None and message.entity is not None:
            ask(message.entity)

    def _ask_rename(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import RenameDialog

        def done(name: str | None) -> None:
            if name and name != entity.name:
                self._correct(lambda c: c.rename(entity.id, name), f"Renamed to “{name}”", entity.id)

        title = self._vis(f"Rename “{entity.name}” in every article", 60)
        self.app.push_screen(RenameDialog(entity.name, title, self.bidi_mode), done)  # type: ignore[attr-defined]

    def _ask_retype(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        def done(kind: str | None) -> None:
            if kind and kind != entity.type:
                self._correct(lambda c: c.retype(entity.id, kind), f"“{entity.name}” is now: {TYPE_NAMES[kind]}",  # type: ignore[arg-type]
                              entity.id)

        choices = [(k, f"{k}   {v}") for k, v in TYPE_NAMES.items()]
        dialog = PickDialog(self._vis(f"Type of “{entity.name}”", 60), choices, current=entity.type)
        self.app.push_screen(dialog, done)  # type: ignore[attr-defined]

    def _ask_merge(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        others = [e for e in self._shown_entities if e.id != entity.id]
        if not others:
            self.notify("No other entity in this article to merge with.", timeout=3)  # type: ignore[attr-defined]
            return

        def done(target: str | None) -> None:
            into = self._entity_by_id(target) if target else None
            if into is not None:
                self._correct(lambda c: c.merge(entity.id, into.id), f"Merged “{entity.name}” into “{into.name}”",
                              into.id)

        choices = [(e.id, self._choice_label(e)) for e in others]
        self.app.push_screen(PickDialog(self._vis(f"Merge “{entity.name}” into…", 60), choices), done)  # type: ignore[attr-defined]

    def _ask_split(self, entity: Entity) -> None:
        from tui.screens.entity_dialogs import PickDialog

        if len(entity.surfaces) < 2:
            self.notify(self._vis(f"“{entity.name}” has one spelling only; nothing to split."), timeout=3)  # type: ignore[attr-defined]
            return

        def done(surface: str | None) -> None:
            if surface:
                self._correct(lambda c: self._split_or_unmerge(c, entity, surface),
                              f"“{surface}” is now an entity of its own", entity.id)

        choices = [(s, Text(visual_line(s, 56, self.bidi_mode, align=True))) for s in entity.surfaces]
        title = self._vis(f"Split a spelling out of “{entity.name}”", 60)
        self.app.push_screen(PickDialog(title, choices), done)  # type: ignore[attr-defined]

    def _split_or_unmerge(self, corr: Corrections, entity: Entity, surface: str) -> None:
        """A spelling that came in by a merge is taken out by undoing that merge, else split."""
        owner = next((e for e in self._raw_entities if surface in e.surfaces), None)
        if owner is not None and owner.id != entity.id and corr.merges.get(owner.id) is not None \
                and corr.target(owner.id) == entity.id:
            del corr.merges[owner.id]
        else:
            corr.split(owner.id if owner is not None else entity.id, surface)

    def _ask_reject(self, entity: Entity) -> None:
        from tui.screens.dialogs import ConfirmDialog

        def done(yes: bool | None) -> None:
            if yes:
                self._correct(lambda c: c.reject(entity.id), f"“{entity.name}” rejected (C to undo)", None)

        question = self._vis(f"Reject “{entity.name}” as an entity in every article?", 60)
        self.app.push_screen(ConfirmDialog(question, entity.name, self.bidi_mode), done)  # type: ignore[attr-defined]

    def _ask_review(self) -> None:
        from tui.screens.entity_dialogs import PickDialog

        rows = [(key, self._vis(label, 60)) for key, label in correction_rows(self._corr())]
        if not rows:
            self.notify("No corrections yet: R, Y, M, S, X in the entity sidebar make them.", timeout=4)  # type: ignore[attr-defined]
            return

        def done(key: str | None) -> None:
            if key:
                self._correct(lambda c: remove_correction(c, key), "Correction removed", None)

        self.app.push_screen(PickDialog("Corrections (enter removes one)", rows,  # type: ignore[attr-defined]
                                        hint="enter remove · escape close"), done)

    def _choice_label(self, entity: Entity) -> Text:
        gloss = f"  {entity.gloss}" if entity.gloss and entity.gloss != entity.name else ""
        name = visual_line(entity.name, 36, self.bidi_mode)
        return Text.assemble((f"{entity.type:<5}", "dim"), name, (gloss, "dim"), (f"  ×{entity.count}", "dim"))

    def _correct(self, change, done_text: str, select: str | None) -> None:  # type: ignore[no-untyped-def]
        """Apply ``change`` to the stored corrections, save, and redraw everything that shows entities."""
        corr = load_corrections(self.store)  # type: ignore[attr-defined]
        change(corr)
        try:
            save_corrections(self.store, corr)  # type: ignore[attr-defined]
        except MarsadError as exc:
            self.notify(f"Correction not saved: {exc}", severity="error")  # type: ignore[attr-defined]
            return
        self._corrections = corr
        article = self.article  # type: ignore[attr-defined]
        if article is not None:
            self._show_entities(article, self._raw_entities, select=select)
        if getattr(getattr(self, "_list_filter", None), "entity", ""):
            self.apply_list_filter()  # type: ignore[attr-defined]
        self.notify(self._vis(f"{done_text} — in every article."), timeout=3)  # type: ignore[attr-defined]

    # -- e ----------------------------------------------------------------------------------

    def action_focus_entities(self) -> None:
        right = self.query_one("#right")  # type: ignore[attr-defined]
        right.remove_class("hidden")
        self._sidebar().focus()


def _nearest(spans: list[tuple[int, int]], cursor: int, step: int) -> int:
    """Index of the first mention at/after ``cursor`` (forward) or before it (back), wrapping."""
    starts = [s for s, _ in spans]
    if step > 0:
        k = bisect.bisect_left(starts, cursor)
        return k if k < len(starts) else 0
    k = bisect.bisect_left(starts, cursor) - 1
    return k if k >= 0 else len(starts) - 1


def correction_rows(corr: Corrections) -> list[tuple[str, str]]:
    """(key, readable line) for each stored correction, for the review dialog."""
    rows = [(f"rename\t{k}", f"rename  {k} → {v}") for k, v in corr.renames.items()]
    rows += [(f"retype\t{k}", f"type    {k} → {TYPE_NAMES.get(v, v)}") for k, v in corr.retypes.items()]
    rows += [(f"merge\t{k}", f"merge   {k} → {v}") for k, v in corr.merges.items()]
    rows += [(f"split\t{k}\t{s}", f"split   “{s}” out of {k}") for k, v in corr.splits.items() for s in v]
    rows += [(f"reject\t{k}", f"reject  {k}") for k in sorted(corr.rejects)]
    return rows


def remove_correction(corr: Corrections, key: str) -> None:
    """Undo one correction named by a :func:`correction_rows` key."""
    kind, entity_id, *rest = key.split("\t")
    if kind == "rename":
        corr.renames.pop(entity_id, None)
    elif kind == "retype":
        corr.retypes.pop(entity_id, None)
    elif kind == "merge":
        corr.merges.pop(entity_id, None)
    elif kind == "reject":
        corr.rejects.discard(entity_id)
    elif kind == "split" and rest:
        left = [s for s in corr.splits.get(entity_id, []) if s != rest[0]]
        if left:
            corr.splits[entity_id] = left
        else:
            corr.splits.pop(entity_id, None)
