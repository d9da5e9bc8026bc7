"""The stories view (``S``), compare, watchlists in the app: state without Textual.

* :meth:`StoriesController.load` (in a thread worker) brings the library's
  story clustering up to date (incremental: only articles never clustered
  are read) and keeps the stories, newest activity first.
* The list can be narrowed to stories covered in at least two languages
  (:meth:`toggle_multilingual`).
* Opening a story lists its articles grouped by language (most covered
  first), then by source, each group in time order; ``]``/``[`` step the
  reader through them in that order. The story's entities come with
  per-language article counts.
* Compare: ``space`` marks an article; ``c`` pairs the marked one (or,
  without a mark, the first article in another language) with the current.
* Watchlists: ``W`` on an entity watches it; ``w`` shows only the stories
  naming a watched entity (the "watched" view); after a fetch
  :meth:`watched_news` says which new articles name watched entities.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from tui.export import ExportOptions
from tui.models import Article, Entity, now_iso
from tui.stories import watch
from tui.stories.brief import brief_markdown
from tui.stories.library import StoryLibrary
from tui.stories.model import Story

LANG_NAMES = {"ar": "Arabic", "fa": "Persian", "he": "Hebrew", "en": "English"}
STORY_ENTITIES = 12


@dataclass
class StoryRow:
    story: Story
    text: str


@dataclass
class ArticleRow:
    """A group heading (``article_id`` empty) or one article of the open story."""

    text: str
    article_id: str = ""
    language: str = ""


@dataclass
class EntityRow:
    entity_id: str
    name: str
    per_language: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        counts = " ".join(f"{k}:{v}" for k, v in self.per_language.items())
        return f"{self.name}  {counts}"


def story_text(story: Story) -> str:
    """One row of the story list: last activity, languages with counts, then the label
    (first the short fixed parts, so a long label is what gets cut)."""
    langs = " ".join(f"{k}{v}" for k, v in story.languages.items())
    return f"{story.end:%m-%d %H:%M}  {langs}  {story.label or '(no names)'}"


class StoriesController:
    """What the stories view shows; the screen draws it."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.lib: StoryLibrary | None = None
        self.all: list[Story] = []
        self.min_languages = 1
        self.watched: set[str] | None = None  # ids: only stories naming a watched entity
        self.story: Story | None = None
        self.rows: list[ArticleRow] = []
        self.order: list[str] = []  # article ids in the order ]/[ step through
        self.current: str | None = None
        self.marked: str | None = None
        self.fetch_started: str | None = None

    # -- the list ----------------------------------------------------------------

    def load(self, store: object) -> None:
        """Cluster what is new and read the stories (blocking: call it from a worker)."""
        lib = StoryLibrary(store)  # type: ignore[arg-type]
        lib.update()
        self.lib = lib
        self.all = lib.stories(self.lang)

    def visible(self) -> list[StoryRow]:
        return [StoryRow(s, story_text(s)) for s in self.all if len(s.languages) >= self.min_languages
                and (self.watched is None or self.watched & set(s.entities))]

    def toggle_watched(self, store: object) -> str:
        """The "watched" view: only stories that name a watched entity (newest first)."""
        if self.watched is not None:
            self.watched = None
            return f"All stories: {len(self.visible())}"
        items = watch.load_watchlist(store)
        if not items:
            return "Nothing is watched yet: W on an entity watches it."
        self.watched = {w.id for w in items}
        names = ", ".join(w.name for w in items[:4]) + ("…" if len(items) > 4 else "")
        return f"Stories naming {names}: {len(self.visible())}"

    def toggle_multilingual(self) -> str:
        self.min_languages = 1 if self.min_languages > 1 else 2
        shown = len(self.visible())
        if self.min_languages > 1:
            return f"Only stories covered in 2 or more languages: {shown}"
        return f"All stories: {shown}"

    def header(self) -> str:
        shown, total = len(self.visible()), len(self.all)
        what = "stories in ≥ 2 languages" if self.min_languages > 1 else "stories"
        what += " naming watched entities" if self.watched is not None else ""
        return f"{shown:,} {what}" + (f" of {total:,}" if shown != total else "")

    # -- one story -----------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        return self.lib.articles.get(article_id) if self.lib else None

    def open(self, story_id: str) -> list[ArticleRow]:
        """The story's articles grouped by language, then source, in time order."""
        assert self.lib is not None
        self.story = next((s for s in self.all if s.id == story_id), None) or self.lib.story(story_id, self.lang)
        arts = [self.lib.articles[a] for a in self.story.article_ids]
        by_lang: dict[str, list[Article]] = {}
        for art in arts:
            by_lang.setdefault(art.language or "?", []).append(art)
        rows: list[ArticleRow] = []
        for lang in sorted(by_lang, key=lambda k: (-len(by_lang[k]), k)):
            group = by_lang[lang]
            rows.append(ArticleRow(f"{LANG_NAMES.get(lang, lang)} ({len(group)})"))
            by_source: dict[str, list[Article]] = {}
            for art in group:
                by_source.setdefault(art.source or "?", []).append(art)
            for source in sorted(by_source, key=lambda s: (-len(by_source[s]), s)):
                for art in by_source[source]:  # already in time order
                    rows.append(ArticleRow(f"  {art.title}  — {source}", art.id, art.language))
        self.rows = rows
        self.order = [r.article_id for r in rows if r.article_id]
        self.current = self.order[0] if self.order else None
        self.marked = None
        return rows

    def step(self, delta: int) -> str | None:
        """The next (``delta`` 1) or previous (-1) article of the story; None at an end."""
        if not self.order:
            return None
        at = self.order.index(self.current) if self.current in self.order else -1
        to = at + delta
        if not 0 <= to < len(self.order):
            return None
        self.current = self.order[to]
        return self.current

    def entity_rows(self) -> list[EntityRow]:
        """The story's entities, most telling first, with how many articles per language name them."""
        if self.lib is None or self.story is None:
            return []
        arts = [self.lib.articles[a] for a in self.story.article_ids]
        docs = {d.id: d for d in self.lib.docs_for(arts)}
        rows = []
        for entity_id in self.story.entities[:STORY_ENTITIES]:
            counts: Counter[str] = Counter(a.language or "?" for a in arts if entity_id in docs[a.id].entities)
            rows.append(EntityRow(entity_id, self.lib.name(entity_id, self.lang),
                                  dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))))
        return rows

    # -- compare ---------------------------------------------------------------------

    def mark(self, article_id: str) -> str:
        self.marked = None if self.marked == article_id else article_id
        return "Marked for compare: press c on another article." if self.marked else "Compare mark removed."

    def compare_pair(self, current: str | None) -> tuple[str, str] | None:
        """(left, right): the marked article and the current one, or the current one and
        the first article of the story in another language."""
        current = current or self.current
        if current is None:
            return None
        if self.marked and self.marked != current:
            return self.marked, current
        here = self.article(current)
        for other in self.order:
            art = self.article(other)
            if other != current and art is not None and here is not None and art.language != here.language:
                return current, other
        others = [o for o in self.order if o != current]
        return (current, others[0]) if others else None

    # -- export and watch ----------------------------------------------------------------

    def brief(self) -> str:
        assert self.lib is not None and self.story is not None
        return brief_markdown(self.lib, self.story, ExportOptions(), self.lang)

    @staticmethod
    def watch_entity(store: object, entity: Entity | EntityRow) -> tuple[watch.Watched, bool]:
        """Watch an entity of the sidebar (by its canonical id)."""
        entity_id = entity.entity_id if isinstance(entity, EntityRow) else entity.id
        name = entity.name if isinstance(entity, EntityRow) else (entity.gloss or entity.name)
        items = watch.load_watchlist(store)
        for item in items:
            if item.id == entity_id:
                return item, False
        item = watch.Watched(entity_id, name, now_iso())
        watch.save_watchlist(store, items + [item])
        return item, True

    def started_fetch(self) -> None:
        self.fetch_started = now_iso()

    def watched_news(self, store: object) -> list[str]:
        """Lines about new articles (fetched since the fetch began) naming watched entities."""
        since, self.fetch_started = self.fetch_started, None
        if not since or not watch.load_watchlist(store):
            return []
        new = [a.id for chunk in store.iter_articles() for a in chunk  # type: ignore[attr-defined]
               if a.fetched and _after(a.fetched, since)]
        hits = watch.new_for_watched(store, new)
        return watch.hit_lines(hits, limit=3)


def _after(stamp: str, since: str) -> bool:
    try:
        return datetime.fromisoformat(stamp) >= datetime.fromisoformat(since)
    except ValueError:
        return False
