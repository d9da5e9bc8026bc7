"""Combinable list filters, sort orders and saved views. Pure: no Textual.

A :class:`Filter` narrows the article list by tag, entity, source, language,
date range, has-notes and read state; every part that is set must hold (AND),
and within a part any listed value will do (OR), the way an analyst reads
"Iran-tagged, from Wire 1 or Wire 2, unread". It also carries the sort
order, so a saved view (a named Filter in ``settings.toml``) brings back
the list exactly as it was arranged.

The entity part is pluggable: the filter keeps only the entity's key, and the
caller's :class:`FilterContext` turns it into article ids (the entity
feature's cache), so this module does not depend on how entities are found.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Protocol, TypeVar

from tui.config import Config, save_setting
from tui.models import Article
from tui.text.normalize import normalise

SORT_ORDERS: dict[str, str] = {
    "newest": "newest first",
    "oldest": "oldest first",
    "source": "by source",
    "annotated": "most annotated",
}


class Item(Protocol):
    """What a list row offers (``tui.widgets.article_list.ListItem`` fits)."""

    article: Article
    annotations: int


@dataclass(frozen=True)
class Filter:
    """What to show and in which order. Empty parts do not filter."""

    tags: tuple[str, ...] = ()
    entity: str = ""
    entity_label: str = ""
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str = ""  # same forms, inclusive (a month means all of it)
    has_notes: bool | None = None
    read: bool | None = None  # False: unread only; True: read only
    sort: str = "newest"

    @property
    def active(self) -> bool:
        """True when some part narrows the list (sort order alone does not)."""
        return self != Filter(sort=self.sort)

    def label(self) -> str:
        """Short text for the list header: ``#iran · unread · Wire 1 · 2026-01…``."""
        parts = [f"#{t}" for t in self.tags]
        if self.entity:
            parts.append(f"@{self.entity_label or self.entity}")
        parts += list(self.sources) + [lang.upper() for lang in self.languages]
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'}–{self.date_to or '…'}")
        if self.has_notes is not None:
            parts.append("with notes" if self.has_notes else "no notes")
        if self.read is not None:
            parts.append("read" if self.read else "unread")
        if self.sort != "newest":
            parts.append(f"↕ {SORT_ORDERS.get(self.sort, self.sort)}")
        return " · ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Only the parts that are set: TOML has no null, and the file stays readable."""
        default = Filter()
        return {k: list(v) if isinstance(v, tuple) else v
                for k, v in asdict(self).items() if v != getattr(default, k)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Filter:
        """Tolerant of hand-edited settings: unknown keys and bad types are dropped."""
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if key in ("tags", "sources", "languages"):
                value = (value,) if isinstance(value, str) else tuple(str(v) for v in value or ())
            elif key in ("has_notes", "read"):
                value = value if isinstance(value, bool) else None
            else:
                value = str(value)
            kwargs[key] = value
        flt = cls(**kwargs)
        return flt if flt.sort in SORT_ORDERS else replace(flt, sort="newest")


@dataclass
class FilterContext:
    """What a filter needs beyond the list rows, supplied by the screen."""

    annotation_tags: Mapping[str, Collection[str]] = field(default_factory=dict)
    entity_articles: Callable[[str], Collection[str]] | None = None


def apply_filter(items: Iterable[Item], flt: Filter, ctx: FilterContext | None = None) -> list[Item]:
    """The items that pass every set part of ``flt``, in its sort order."""
    test = make_predicate(flt, ctx or FilterContext())
    return sort_items([it for it in items if test(it)], flt.sort)


def make_predicate(flt: Filter, ctx: FilterContext) -> Callable[[Item], bool]:
    """One closure per filter, with every lookup prepared up front (10k rows < 10 ms)."""
    checks: list[Callable[[Item], bool]] = []
    if flt.tags:
        wanted = {normalise(t) for t in flt.tags}

        def has_tag(it: Item) -> bool:
            tags = list(it.article.tags) + list(ctx.annotation_tags.get(it.article.id, ()))
            return any(normalise(t) in wanted for t in tags)

        checks.append(has_tag)
    if flt.entity:
        ids = set(ctx.entity_articles(flt.entity)) if ctx.entity_articles else set()
        checks.append(lambda it: it.article.id in ids)
    if flt.sources:
        sources = {s.casefold() for s in flt.sources}
        checks.append(lambda it: it.article.source.casefold() in sources)
    if flt.languages:
        langs = set(flt.languages)
        checks.append(lambda it: it.article.language in langs)
    if flt.date_from:
        checks.append(lambda it: _date(it.article) >= flt.date_from)
    if flt.date_to:
        n = len(flt.date_to)  # "2026-02" as an end means up to the end of February
        checks.append(lambda it: _date(it.article)[:n] <= flt.date_to)
    if flt.has_notes is not None:
        checks.append(lambda it: (it.annotations > 0) == flt.has_notes)
    if flt.read is not None:
        checks.append(lambda it: it.article.read == flt.read)
    return lambda it: all(check(it) for check in checks)


ItemT = TypeVar("ItemT", bound=Item)


def sort_items(items: list[ItemT], order: str) -> list[ItemT]:
    """Stable sorts over the newest-first list the store hands out."""
    if order == "oldest":
        return sorted(items, key=_date_key)
    if order == "newest":
        return sorted(items, key=_date_key, reverse=True)
    if order == "source":
        return sorted(sorted(items, key=_date_key, reverse=True), key=lambda it: it.article.source.casefold())
    if order == "annotated":
        return sorted(sorted(items, key=_date_key, reverse=True), key=lambda it: -it.annotations)
    return list(items)


def _date(article: Article) -> str:
    return (article.published or article.fetched)[:10]


def _date_key(it: Item) -> str:
    return it.article.published or it.article.fetched


# -- saved views -----------------------------------------------------------


def saved_views(config: Config) -> dict[str, Filter]:
    """Named filters from the settings file, in the order they were saved."""
    views = config.saved_views if isinstance(config.saved_views, dict) else {}
    return {str(name): Filter.from_dict(data) for name, data in views.items() if isinstance(data, dict)}


def save_view(config: Config, name: str, flt: Filter) -> str | None:
    """Store (or replace) a named view in ``settings.toml``; the reason if it could not be saved."""
    views = {k: v.to_dict() for k, v in saved_views(config).items()}
    views[name] = flt.to_dict()
    return save_setting(config, "saved_views", views)


def delete_view(config: Config, name: str) -> str | None:
    views = {k: v.to_dict() for k, v in saved_views(config).items() if k != name}
    return save_setting(config, "saved_views", views)
