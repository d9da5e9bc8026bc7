"""What the analyst writes, in TinyDB JSON files: annotations, feeds, small docs.

Annotations live in 32 bucket files by article id, so a note saved with
10,000 annotations in the library rewrites one small file, not all of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from tui.models import Annotation, Feed, now_iso
from tui.store.files import LibraryFiles
from tui.store.ids import BUCKETS, bucket_of, doc_id, id_of, new_id


class NotesMixin(LibraryFiles):
    """Annotations, feeds and keyed documents (corrections) of the Store."""

    # -- annotations -------------------------------------------------------

    def annotations_for(self, article_id: str) -> list[Annotation]:
        with self._lock:
            docs = self._db(f"annotations/{bucket_of(article_id)}.json").table("annotations").all()
        found = [Annotation.from_dict(d) for d in docs if d.get("article_id") == article_id]
        return sorted(found, key=annotation_order)

    def all_annotations(self) -> list[Annotation]:
        found: list[Annotation] = []
        for bucket in range(BUCKETS):
            path = f"annotations/{bucket:02d}.json"
            if (self.folder / path).exists():
                with self._lock:
                    found.extend(Annotation.from_dict(d) for d in self._db(path).table("annotations").all())
        return sorted(found, key=lambda a: (a.article_id, *annotation_order(a)))

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Insert or replace one annotation: one atomic write of one bucket file."""
        if not annotation.id:
            annotation.id = new_id()
        annotation.updated = now_iso()
        path = f"annotations/{bucket_of(annotation.article_id)}.json"
        with self.writing():
            self._upsert_many(path, "annotations", {annotation.id: annotation.to_dict()})
        return annotation

    def delete_annotation(self, annotation: Annotation) -> None:
        path = f"annotations/{bucket_of(annotation.article_id)}.json"
        with self.writing():
            table = self._db(path).table("annotations")
            did = doc_id(annotation.id)
            if table.get(doc_id=did) is not None:
                table.remove(doc_ids=[did])

    # -- feeds -------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        with self._lock:
            docs = self._db("feeds.json").table("feeds").all()
        return sorted((Feed.from_dict(d) for d in docs), key=lambda f: (f.name or f.url).lower())

    def save_feed(self, feed: Feed) -> Feed:
        if not feed.id:
            feed.id = hashlib.sha1(feed.url.encode("utf-8")).hexdigest()[:10]
        with self.writing():
            self._upsert_many("feeds.json", "feeds", {feed.id: feed.to_dict()})
        return feed

    def save_feeds(self, feeds: Iterable[Feed]) -> None:
        """Save many feeds in one write (after a fetch run)."""
        docs = {f.id: f.to_dict() for f in feeds}
        if docs:
            with self.writing():
                self._upsert_many("feeds.json", "feeds", docs)

    def delete_feed(self, feed_id: str) -> None:
        with self.writing():
            table = self._db("feeds.json").table("feeds")
            if table.get(doc_id=doc_id(feed_id)) is not None:
                table.remove(doc_ids=[doc_id(feed_id)])

    # -- small documents: corrections, caches ------------------------------

    def get_doc(self, name: str, key: str) -> dict[str, Any] | None:
        """A keyed JSON document from ``name.json`` (corrections, caches)."""
        with self._lock:
            doc = self._db(f"{name}.json").table(name).get(doc_id=doc_id(key))
        return dict(doc) if doc is not None else None

    def put_doc(self, name: str, key: str, doc: dict[str, Any]) -> None:
        with self.writing():
            self._upsert_many(f"{name}.json", name, {key: doc})

    def all_docs(self, name: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {id_of(d): dict(d) for d in self._db(f"{name}.json").table(name).all()}


def annotation_order(a: Annotation) -> tuple[int, str]:
    return (a.start if a.start is not None else -1, a.created)
