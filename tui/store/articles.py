"""Articles: metadata in ``articles.json``, bodies in ``bodies/NN.json`` buckets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tui.errors import StoreError
from tui.models import Article
from tui.store.files import LibraryFiles
from tui.store.ids import BUCKETS, article_id_for, bucket_of, doc_id, id_of, new_id

_BODY_FIELD = "body"


class ArticlesMixin(LibraryFiles):
    """Article reads and writes of the Store."""

    def articles(self) -> list[Article]:
        """All article metadata, newest first; bodies are left empty until asked for."""
        with self._lock:
            docs = list(self._db("articles.json").table("articles").all())
        items = [Article.from_dict({**d, _BODY_FIELD: ""}) for d in docs]
        items.sort(key=lambda a: (a.published or a.fetched), reverse=True)
        return items

    def article_count(self) -> int:
        with self._lock:
            return len(self._db("articles.json").table("articles"))

    def get_article(self, article_id: str) -> Article | None:
        """The full article, with its body."""
        with self._lock:
            meta = self._db("articles.json").table("articles").get(doc_id=doc_id(article_id))
            if meta is None:
                return None
            body = self._db(f"bodies/{bucket_of(article_id)}.json").table("bodies").get(
                doc_id=doc_id(article_id))
        return Article.from_dict({**meta, _BODY_FIELD: (body or {}).get("text", "")})

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
        """Add new articles, update changed ones; returns (added, updated).

        The same article is recognised by guid, URL or content hash. An
        update keeps the article's id, read state and tags, so annotations
        stay attached (re-anchoring is the annotation module's job).
        """
        added: list[Article] = []
        updated: list[Article] = []
        with self.writing():
            table = self._db("articles.json").table("articles")
            existing = {d["id"]: d for d in table.all()}
            by_key = _identity_index(existing.values())
            bodies: dict[str, dict[str, str]] = {}
            for art in articles:
                old_id = _find_existing(by_key, art)
                if old_id is not None:
                    old = existing[old_id]
                    if old.get("hash") == art.hash:
                        continue
                    art.id, art.read, art.tags = old_id, old.get("read", False), old.get("tags", [])
                    updated.append(art)
                else:
                    if not art.id or art.id in existing:
                        art.id = article_id_for(art.url, art.guid, art.hash)
                        while art.id in existing:
                            art.id = new_id()
                    added.append(art)
                doc = art.to_dict()
                bodies.setdefault(bucket_of(art.id), {})[art.id] = doc.pop(_BODY_FIELD)
                existing[art.id] = doc
                for key in _identity_keys(doc):
                    by_key[key] = art.id
            if not (added or updated):
                return added, updated
            self._write_table("articles.json", "articles", existing)
            for bucket, texts in bodies.items():
                self._upsert_many(f"bodies/{bucket}.json", "bodies",
                                  {aid: {"text": text} for aid, text in texts.items()})
        return added, updated

    def update_article(self, article_id: str, **changes: Any) -> None:
        """Change metadata fields (read state, tags, direction override)."""
        changes.pop(_BODY_FIELD, None)
        with self.writing():
            table = self._db("articles.json").table("articles")
            if table.get(doc_id=doc_id(article_id)) is None:
                raise StoreError(f"no article with id {article_id}")
            table.update(changes, doc_ids=[doc_id(article_id)])

    def delete_article(self, article_id: str) -> None:
        with self.writing():
            did = doc_id(article_id)
            self._db("articles.json").table("articles").remove(doc_ids=[did])
            bodies = self._db(f"bodies/{bucket_of(article_id)}.json").table("bodies")
            if bodies.get(doc_id=did) is not None:
                bodies.remove(doc_ids=[did])

    def iter_bodies(self) -> Iterator[tuple[str, str]]:
        """(article id, body) for every article, one bucket file at a time."""
        for bucket in range(BUCKETS):
            path = f"bodies/{bucket:02d}.json"
            if not (self.folder / path).exists():
                continue
            with self._lock:
                docs = self._db(path).table("bodies").all()
            for doc in docs:
                yield id_of(doc), doc.get("text", "")


def _identity_keys(doc: dict[str, Any]) -> list[str]:
    keys = []
    if doc.get("guid"):
        keys.append("g:" + doc["guid"])
    if doc.get("url"):
        keys.append("u:" + doc["url"])
    if doc.get("hash"):
        keys.append("h:" + doc["hash"])
    return keys


def _identity_index(docs: Iterable[dict[str, Any]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for doc in docs:
        for key in _identity_keys(doc):
            index.setdefault(key, doc["id"])
    return index


def _find_existing(index: dict[str, str], art: Article) -> str | None:
    for key in _identity_keys({"guid": art.guid, "url": art.url, "hash": art.hash}):
        if key in index:
            return index[key]
    return None
