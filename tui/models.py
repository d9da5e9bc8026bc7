"""The data Marsad keeps, as plain dataclasses.

Every model round-trips through ``to_dict``/``from_dict`` so the store can keep
them as JSON documents without knowing their fields. Text is always kept in
logical Unicode order and unshaped; layout happens only at draw time.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
AnnotationKind = Literal["note", "highlight"]
Direction = Literal["rtl", "ltr"]

T = TypeVar("T")


def now_iso() -> str:
    """UTC time in ISO 8601, seconds precision: stable, sortable, readable."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def content_hash(title: str, body: str) -> str:
    """Hash of the normalised text, used to spot the same article twice."""
    text = unicodedata.normalize("NFC", f"{title.strip()}\n{body.strip()}")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class _Record:
    """Shared JSON round-trip: unknown keys from newer files are ignored."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(cast("DataclassInstance", self))

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in fields(cast("type[DataclassInstance]", cls))}
        kwargs = {k: v for k, v in data.items() if k in names}
        for key in ("tags", "spans", "surfaces", "aliases"):
            if key in kwargs and isinstance(kwargs[key], list):
                kwargs[key] = [tuple(x) if isinstance(x, list) else x for x in kwargs[key]]
        return cls(**kwargs)


@dataclass
class Article(_Record):
    """One article. ``body`` is logical text, paragraphs split by blank lines."""

    id: str
    title: str
    body: str
    url: str = ""
    guid: str = ""
    source: str = ""
    feed_id: str = ""
    language: str = ""
    direction: Direction | None = None
    author: str = ""
    published: str = ""
    fetched: str = field(default_factory=now_iso)
    hash: str = ""
    read: bool = False
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.title, self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass
class Annotation(_Record):
    """A note on an article, or a highlight of a logical span with its quote.

    The span is anchored twice, like W3C Web Annotation: by offsets
    (``start``/``end`` into the article body) and by the quote with a little
    context, so it can be found again when the article text changes.
    """

    id: str
    article_id: str
    kind: AnnotationKind = "note"
    start: int | None = None
    end: int | None = None
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    orphaned: bool = False
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    # Article.hash of the text the offsets refer to; when the article's hash
    # differs, the annotation is re-anchored by its quote (tui.anchoring).
    article_hash: str = ""
    # Revision the annotation was read at (0: never saved). A save whose
    # revision is no longer the stored one merges (tui.store.merge).
    rev: int = 0


@dataclass
class Feed(_Record):
    """A subscribed feed and what the last fetch learnt about it."""

    id: str
    url: str
    name: str = ""
    language: str = ""
    tags: list[str] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""
    last_fetched: str = ""
    last_status: str = ""
    last_error: str = ""
    ttl_minutes: int = 0


@dataclass
class Mention(_Record):
    """One occurrence of an entity: a logical span of the text it was found in."""

    type: EntityType
    start: int
    end: int
    surface: str
    entity_id: str


@dataclass
class Entity(_Record):
    """A person, organisation, place or other name, merged over its spellings."""

    id: str
    type: EntityType
    name: str
    gloss: str = ""
    surfaces: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.spans)


@dataclass
class Tag(_Record):
    """A tag with how many articles and annotations carry it."""

    name: str
    count: int = 0
