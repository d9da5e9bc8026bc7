"""Watchlists: entities the analyst follows, and what is new about them.

Kept with what the analyst writes (a TinyDB document in the store, next to
annotations and corrections), by canonical entity id, so watching ترامب
also catches טראמפ and Trump. A name typed in any script is resolved with
the entity engine and the gazetteer; an id (``per:araghchi``) is taken as
it is, so entities the engine learnt from one library can be watched too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from tui.entities import read_names
from tui.entities.cache import load_corrections
from tui.entities.gazetteer import default_gazetteer
from tui.errors import InputError
from tui.models import Article, now_iso
from tui.text.normalize import guess_language, normalise

WATCH_DOC = ("watchlist", "entities")


@dataclass
class Watched:
    id: str
    name: str
    added: str = ""


@dataclass
class WatchHit:
    """New articles naming one watched entity, with the stories they are in."""

    watched: Watched
    articles: list[Article]
    stories: dict[str, str]  # article id -> story id


def load_watchlist(store: object) -> list[Watched]:
    """The watched entities, oldest first; an unreadable document counts as none."""
    try:
        doc = store.get_doc(*WATCH_DOC) or {}  # type: ignore[attr-defined]
        return [Watched(**{k: str(v) for k, v in item.items() if k in ("id", "name", "added")})
                for item in doc.get("entities", []) if isinstance(item, dict) and item.get("id")]
    except (TypeError, ValueError, AttributeError):
        return []


def save_watchlist(store: object, items: list[Watched]) -> None:
    store.put_doc(*WATCH_DOC, {"entities": [asdict(w) for w in items]})  # type: ignore[attr-defined]


def resolve(text: str) -> Watched | None:
    """An entity from what the analyst typed: an id, a name in any script, or None."""
    text = " ".join(text.split())
    if not text:
        return None
    entries = default_gazetteer().entries
    if text in entries:
        return Watched(text, entries[text].name_in("en"))
    if ":" in text and " " not in text:
        return Watched(text, text.split(":", 1)[1].lstrip("~"))
    key = normalise(text)
    for entry in entries.values():
        if any(normalise(n) == key for names in entry.names.values() for n in names):
            return Watched(entry.id, entry.name_in("en"))
    found = read_names(text, guess_language(text) or None)[0]
    if found:
        e = found[0]
        return Watched(e.id, e.gloss or e.name)
    return None


def add(store: object, text: str) -> tuple[Watched, bool]:
    """Watch the entity ``text`` names; (entity, True) when it was not watched yet."""
    found = resolve(text)
    if found is None:
        raise InputError(f"no known entity called {text!r}; try its name in another script, or its id")
    items = load_watchlist(store)
    for item in items:
        if item.id == found.id:
            return item, False
    found.added = now_iso()
    save_watchlist(store, items + [found])
    return found, True


def remove(store: object, text: str) -> Watched:
    """Stop watching; the entity may be given by id, by its shown name or by any spelling."""
    items = load_watchlist(store)
    key = normalise(text.strip())
    wanted = {w.id for w in items if w.id == text.strip() or normalise(w.name) == key}
    if not wanted:
        found = resolve(text)
        wanted = {found.id} if found else set()
    gone = [w for w in items if w.id in wanted]
    if not gone:
        raise InputError(f"{text!r} is not on the watchlist (see `marsad watch list`)")
    save_watchlist(store, [w for w in items if w.id not in wanted])
    return gone[0]


def new_for_watched(store: object, article_ids: Iterable[str]) -> list[WatchHit]:
    """Which of ``article_ids`` (say, just fetched) name a watched entity, and their stories.

    Brings the story clustering up to date on the way, so each hit comes
    with the id of its story (``marsad export --story ID``).
    """
    from tui.stories.library import StoryLibrary

    watched = load_watchlist(store)
    wanted = set(article_ids)
    if not watched or not wanted:
        return []
    corrections = load_corrections(store)  # type: ignore[arg-type]
    lib = StoryLibrary(store)  # type: ignore[arg-type]
    lib.update()
    arts = [lib.articles[a] for a in sorted(wanted) if a in lib.articles]
    docs = {d.id: d for d in lib.docs_for(arts)}
    hits = []
    for w in watched:
        target = corrections.target(w.id)
        found = [a for a in arts if target in docs[a.id].entities or w.id in docs[a.id].entities]
        if found:
            found.sort(key=lambda a: (a.published or a.fetched, a.id), reverse=True)
            hits.append(WatchHit(w, found, {a.id: lib.clusterer.resolve(lib.clusterer.assignment.get(a.id, ""))
                                            for a in found}))
    return hits


def hit_lines(hits: list[WatchHit], limit: int = 5) -> list[str]:
    """Plain lines for the terminal: one heading per watched entity, then its new articles."""
    from tui.ingest.textclean import clean_inline

    lines = []
    for hit in hits:
        n = len(hit.articles)
        lines.append(f"watched {hit.watched.name} ({hit.watched.id}): {n} new article{'s' if n != 1 else ''}")
        for art in hit.articles[:limit]:
            story = hit.stories.get(art.id, "")
            lines.append(f"  [{art.language or '?'}] {clean_inline(art.title)[:90]} — {clean_inline(art.source)}"
                         + (f"  (story {story})" if story else ""))
        if n > limit:
            lines.append(f"  … and {n - limit} more")
    return lines


def library_ids(store: object) -> int | None:
    """Where the library ends before a fetch (its highest row number), or None when
    nothing is watched (then nothing is reported). Rows added later come after it,
    so the new articles are one indexed query, not a set of every id before and after."""
    if not load_watchlist(store):
        return None
    row = store.db.conn().execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()  # type: ignore[attr-defined]
    return int(row[0])


def fetch_report(store: object, before: int | None) -> list[str]:
    """Lines for ``marsad fetch``: the new articles that name watched entities."""
    if before is None:
        return []
    new = [r[0] for r in store.db.conn().execute(  # type: ignore[attr-defined]
        "SELECT id FROM articles WHERE n > ?", (before,))]
    hits = new_for_watched(store, new)
    return hit_lines(hits) if hits else ["nothing new for watched entities"]
