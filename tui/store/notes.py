"""What the analyst writes, in TinyDB JSON files: annotations, feeds, small docs.

Annotations live in 32 bucket files by article id, so a note saved with
10,000 annotations in the library rewrites one small file, not all of them.

Every saved annotation carries a revision (``rev``), bumped by each save
under the library's write lock. An annotation comes back from the store
with the revision it was read at; saving it when the stored revision has
moved on (another window or process saved in between) merges the two
instead of overwriting (:mod:`tui.store.merge`), and the user is told of
any field both changed. To merge three ways, the store remembers the
documents it handed out, by (id, revision).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from tui.errors import StoreError
from tui.models import Annotation, Feed, now_iso
from tui.store.backups import ARTICLES_DIR
from tui.store.files import LibraryFiles, encode_json
from tui.store.ids import BUCKETS, bucket_of, doc_id, id_of, new_id
from tui.store.merge import merge_annotation

# Bases kept for three-way merges; beyond this many the oldest are dropped
# (a merge then falls back to two-way, which still loses nothing).
_MAX_BASES = 50_000


class NotesMixin(LibraryFiles):
    """Annotations, feeds and keyed documents (corrections) of the Store."""

    _bases: dict[tuple[str, int], dict[str, Any]]
    _deleted_here: set[str]

    # -- annotations -------------------------------------------------------

    def annotations_for(self, article_id: str) -> list[Annotation]:
        with self._lock:
            docs = self._db(f"annotations/{bucket_of(article_id)}.json").table("annotations").all()
            found = [self._handed_out(d) for d in docs if d.get("article_id") == article_id]
        return sorted(found, key=annotation_order)

    def all_annotations(self) -> list[Annotation]:
        found: list[Annotation] = []
        for bucket in range(BUCKETS):
            path = f"annotations/{bucket:02d}.json"
            if (self.folder / path).exists():
                with self._lock:
                    found.extend(self._handed_out(d) for d in self._db(path).table("annotations").all())
        return sorted(found, key=lambda a: (a.article_id, *annotation_order(a)))

    def _handed_out(self, doc: dict[str, Any]) -> Annotation:
        """An Annotation for a caller, remembering the document as a merge base."""
        ann = Annotation.from_dict(doc)
        bases = self._merge_bases()
        bases[(ann.id, ann.rev)] = _content(doc)
        if len(bases) > _MAX_BASES:
            for key in list(bases)[: _MAX_BASES // 10]:
                del bases[key]
        return ann

    def _merge_bases(self) -> dict[tuple[str, int], dict[str, Any]]:
        bases: dict[tuple[str, int], dict[str, Any]] | None = getattr(self, "_bases", None)
        if bases is None:
            bases = {}
            self._bases = bases
        return bases

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Insert or replace one annotation: one atomic write of one bucket file.

        If another copy of Marsad saved it since it was read, the two are
        merged (never one dropped) and ``warnings`` says what was kept. The
        passed object is updated to what was stored, and returned.
        """
        if not annotation.id:
            annotation.id = new_id()
        path = f"annotations/{bucket_of(annotation.article_id)}.json"
        with self.writing():
            table = self._db(path).table("annotations")
            stored = table.get(doc_id=doc_id(annotation.id))
            docs = self._resolve(annotation, dict(stored) if stored is not None else None)
            self._upsert_many(path, "annotations", docs)
            for key, doc in docs.items():
                self._merge_bases()[(key, doc["rev"])] = _content(doc)
        merged = docs[annotation.id]
        for name, value in Annotation.from_dict(merged).to_dict().items():
            setattr(annotation, name, value)
        self._keep_article(annotation.article_id)
        return annotation

    def _keep_article(self, article_id: str) -> None:
        """Keep a copy of an annotated article in ``backups/articles``.

        So that ``marsad doctor`` can put it back, under its id, with every
        note attached, even if the article database is lost. Rewritten only
        when the article changed. A failure here never fails the save.
        """
        get_article = getattr(self, "get_article", None)
        if get_article is None:
            return
        path = f"{ARTICLES_DIR}/{bucket_of(article_id)}.json"
        try:
            with self._lock:
                kept = self._db(path).table("articles").get(doc_id=doc_id(article_id))
            article = get_article(article_id)
            if article is None or (kept is not None and kept.get("hash") == article.hash):
                return
            with self.writing():
                self._upsert_many(path, "articles", {article_id: article.to_dict()})
        except (StoreError, OSError, sqlite3.Error) as exc:
            self.warnings.append(f"the note is saved, but the backup copy of its article was not ({exc})")

    def _resolve(self, annotation: Annotation, stored: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
        """The documents to write for this save: the annotation, merged if need be."""
        mine = json.loads(encode_json(annotation.to_dict()))  # what the file will hold (U+FFFD for lone surrogates)
        mine["updated"] = now_iso()
        if stored is None:
            deleted_here: set[str] = getattr(self, "_deleted_here", set())
            if annotation.rev and annotation.id not in deleted_here:
                self.warnings.append(
                    f"{_label(annotation)} had been deleted in another window; your edit kept it")
            deleted_here.discard(annotation.id)  # an undo brings it back: nothing to tell
            mine["rev"] = annotation.rev + 1
            return {annotation.id: mine}
        current = int(stored.get("rev", 0) or 0)
        if current == annotation.rev:
            mine["rev"] = current + 1
            return {annotation.id: mine}
        base = self._merge_bases().get((annotation.id, annotation.rev))
        merged = merge_annotation(base, mine, _content(stored))
        merged.doc.update(id=annotation.id, rev=current + 1, updated=mine["updated"],
                          created=stored.get("created", mine["created"]))
        docs = {annotation.id: merged.doc}
        if merged.split_anchor is not None:
            copy = {**merged.split_anchor, "id": new_id(), "rev": 1, "updated": mine["updated"]}
            docs[copy["id"]] = copy
        if merged.conflicts:
            what = " and ".join(merged.conflicts)
            self.warnings.append(
                f"{_label(annotation)} was changed in another window at the same time: "
                f"both versions of its {what} were kept")
        return docs

    def delete_annotation(self, annotation: Annotation) -> None:
        path = f"annotations/{bucket_of(annotation.article_id)}.json"
        with self.writing():
            table = self._db(path).table("annotations")
            did = doc_id(annotation.id)
            stored = table.get(doc_id=did)
            if stored is None:
                return
            if annotation.rev and int(stored.get("rev", 0) or 0) != annotation.rev:
                self.warnings.append(
                    f"{_label(annotation)} had been changed in another window before you deleted it; "
                    "its last version is in backups/ (`marsad doctor` can restore it)")
            table.remove(doc_ids=[did])
            self._deleted_here = {*getattr(self, "_deleted_here", set()), annotation.id}

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


def _content(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document without TinyDB's key field, as a plain dict."""
    return {k: v for k, v in doc.items() if k != "_key"}


def _label(annotation: Annotation) -> str:
    text = (annotation.quote or annotation.note or "").strip().replace("\n", " ")
    text = text[:40] + ("…" if len(text) > 40 else "")
    kind = "The highlight" if annotation.kind == "highlight" else "The note"
    return f"{kind} “{text}”" if text else kind


def annotation_order(a: Annotation) -> tuple[int, str]:
    return (a.start if a.start is not None else -1, a.created)
