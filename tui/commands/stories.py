"""``marsad stories [--json] [--since DATE] [--min-languages N] [--lang L]`` (DESIGN contract 10).

Lists stories newest activity first. JSON: a list of ``{"id", "label",
"start", "end", "languages", "entities", "articles": [{"id", "title",
"url", "guid", "language", "source", "published"}]}``; every article is in
exactly one story (an article with no partner is a story of one).
``languages`` lists language codes, most articles first; ``entities`` the
display names, most telling first. Two extra keys help scripts:
``entity_ids`` (canonical ids, for ``marsad watch add``) and ``sources``
(articles per source).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from tui.commands.output import emit, emit_json
from tui.config import load_config
from tui.errors import InputError
from tui.ingest.textclean import clean_inline
from tui.store import Store
from tui.stories.library import StoryLibrary, load_library_stories
from tui.stories.model import Story

TOP_ENTITIES = 10


def parse_since(text: str) -> datetime:
    """``YYYY-MM-DD`` or a full ISO time; a clear error otherwise."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--since wants a date like 2026-04-11, not {text!r}") from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def select_stories(lib: StoryLibrary, since: datetime | None = None, min_languages: int = 1,
                   lang: str = "en") -> list[Story]:
    stories = lib.stories(lang)
    if since is not None:
        stories = [s for s in stories if s.end >= since]
    return [s for s in stories if len(s.languages) >= min_languages]


def story_json(lib: StoryLibrary, story: Story, lang: str = "en") -> dict[str, Any]:
    arts = [lib.articles[a] for a in story.article_ids]
    return {"id": story.id, "label": story.label, "start": story.start.isoformat(), "end": story.end.isoformat(),
            "languages": list(story.languages),
            "entities": [lib.name(e, lang) for e in story.entities[:TOP_ENTITIES]],
            "entity_ids": story.entities[:TOP_ENTITIES], "sources": story.sources,
            "articles": [{"id": a.id, "title": a.title, "url": a.url, "guid": a.guid, "language": a.language,
                          "source": a.source, "published": a.published} for a in arts]}


def story_line(story: Story) -> str:
    """One line per story: id, last activity, size, languages, label."""
    langs = " ".join(f"{k}:{v}" for k, v in story.languages.items())
    return (f"{story.id}  {story.end:%Y-%m-%d %H:%M}  {story.size:>3} art.  {langs:<20}  "
            f"{clean_inline(story.label) or '(no entities)'}")


def run(args: argparse.Namespace) -> int:
    config = load_config(getattr(args, "library", None))
    if not config.library.exists():
        raise InputError(f"no library at {config.library}")
    if args.min_languages < 1:
        raise InputError("--min-languages must be 1 or more")
    since = parse_since(args.since) if args.since else None
    store = Store(config.library)  # writable: the story state and entity cache are saved
    try:
        lib = load_library_stories(store)
        stories = select_stories(lib, since, args.min_languages, args.lang)
        if args.json:
            emit_json([story_json(lib, s, args.lang) for s in stories])
        else:
            for story in stories:
                emit(story_line(story))
            if not stories:
                emit("no stories match", err=True)
    finally:
        store.close()
    return 0
