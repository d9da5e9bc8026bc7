"""The Markdown brief of one story (``marsad export --story ID``, ``x`` in the stories view).

Shape: YAML front matter (title = label, story id, span, languages,
entities), the label as heading, the span and counts, the entities (as
``[[Canonical|spelling]]`` wikilinks when asked), then per article in time
order the same section the notes export writes (title, source, language,
date, link, tags, then the analyst's notes and highlights), so a brief and
a notes export read alike. Logical order only, like every export.
"""

from __future__ import annotations

from tui.export import ExportOptions, article_markdown, clean, front_matter, md_escape
from tui.store import Store
from tui.stories.library import StoryLibrary
from tui.stories.model import Story

BRIEF_ENTITIES = 12


def story_brief(store: Store, story_id: str, options: ExportOptions | None = None, lang: str = "en") -> str:
    """The brief of story ``story_id`` as Markdown; InputError when there is no such story."""
    lib = StoryLibrary(store)
    lib.update()
    return brief_markdown(lib, lib.story(story_id, lang), options or ExportOptions(), lang)


def brief_markdown(lib: StoryLibrary, story: Story, options: ExportOptions, lang: str = "en") -> str:
    entity_ids = story.entities[:BRIEF_ENTITIES]
    canon = {e: lib.name(e, "en") for e in entity_ids}
    shown = {e: lib.name(e, lang) for e in entity_ids}
    span = f"{story.start:%Y-%m-%d %H:%M} – {story.end:%Y-%m-%d %H:%M} UTC"
    head = front_matter({"title": story.label or story.id, "story": story.id, "start": story.start.isoformat(),
                         "end": story.end.isoformat(), "languages": list(story.languages),
                         "articles": story.size, "entities": [canon[e] for e in entity_ids]})
    langs = ", ".join(f"{k} {v}" for k, v in story.languages.items())
    sources = ", ".join(f"{clean(k)} {v}" for k, v in story.sources.items())
    ents = " · ".join(f"[[{canon[e]}|{shown[e]}]]" if options.wikilinks and canon[e] != shown[e]
                      else f"[[{canon[e]}]]" if options.wikilinks else clean(shown[e]) for e in entity_ids)
    parts = [head, f"# {md_escape(clean(story.label or story.id))}\n",
             f"- **Story:** `{story.id}`\n- **Span:** {span}\n- **Articles:** {story.size} ({langs})\n"
             f"- **Sources:** {sources}" + (f"\n- **Entities:** {ents}" if ents else "") + "\n"]
    for article_id in story.article_ids:
        article = lib.store.get_article(article_id) or lib.articles[article_id]
        parts.append(article_markdown(article, lib.store.annotations_for(article_id), ExportOptions(
            wikilinks=options.wikilinks, front_matter=False)))
    return "\n".join(parts)
