"""The library: TinyDB JSON files in one folder, written atomically under a lock.

Layout of a library folder::

    meta.json            schema version
    articles.json        article metadata (no bodies), one TinyDB table
    bodies/NN.json       article bodies, in 32 buckets by article id
    annotations/NN.json  annotations, in 32 buckets by article id
    feeds.json           subscribed feeds
    corrections.json     the analyst's entity corrections
    cache/               derived data (entity and search caches); safe to delete
    settings.toml        user settings (see config.py)
    .lock                taken with flock around every write

Why buckets: a save rewrites one whole JSON file, so a note saved with
10,000 annotations in the library must not rewrite all of them, and opening
the app must not read every article body. Why a lock around each write
rather than for the whole session: the app and ``marsad import`` can then
both work on one library; each write re-reads its file if another process
changed it since, so neither loses the other's changes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from tui.errors import StoreError
from tui.models import Annotation, Article, Feed, now_iso

SCHEMA_VERSION = 1
BUCKETS = 32
_BODY_FIELD = "body"

# version -> function upgrading the whole library folder from that version.
MIGRATIONS: dict[int, Callable[["Store"], None]] = {}


def bucket_of(article_id: str) -> str:
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=2).digest()
    return f"{int.from_bytes(digest, 'big') % BUCKETS:02d}"


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def article_id_for(url: str = "", guid: str = "", content_hash: str = "") -> str:
    """A stable id from the strongest identity the article has."""
    key = guid or url or content_hash or new_id()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes with temp file + fsync + rename.

    It keeps the parsed data in memory and re-reads the file only when its
    size or mtime changed (another process wrote it). A file that does not
    parse is moved aside with a timestamp, and the event is reported through
    ``on_corrupt``; it is never overwritten.
    """

    def __init__(self, path: str, on_corrupt: Callable[[Path, Path], None] | None = None) -> None:
        self.path = Path(path)
        self.on_corrupt = on_corrupt
        self._data: dict[str, Any] | None = None
        self._stamp: tuple[int, int] | None = None

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def read(self) -> dict[str, Any] | None:
        stamp = self._file_stamp()
        if self._data is not None and stamp == self._stamp:
            return self._data
        if stamp is None:
            self._data, self._stamp = None, None
            return None
        try:
            raw = self.path.read_bytes()
            data = json.loads(raw.decode("utf-8")) if raw.strip() else None
            if data is not None and not isinstance(data, dict):
                raise ValueError("top level is not an object")
        except (ValueError, UnicodeDecodeError):
            self._set_aside()
            return None
        self._data, self._stamp = data, stamp
        return data

    def _set_aside(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{n}{self.path.suffix}")
            n += 1
        os.replace(self.path, aside)
        self._data, self._stamp = None, None
        if self.on_corrupt:
            self.on_corrupt(self.path, aside)

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        self._data, self._stamp = data, self._file_stamp()

    def close(self) -> None:
        pass


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Store:
    """All reads and writes of a library folder. Thread-safe; never imports Textual."""

    def __init__(self, folder: str | Path, readonly: bool = False) -> None:
        self.folder = Path(folder).expanduser()
        self.readonly = readonly
        self.warnings: list[str] = []
        self._lock = threading.RLock()
        self._dbs: dict[str, TinyDB] = {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create library folder {self.folder}: {exc.strerror}") from exc
        if not os.access(self.folder, os.W_OK):
            self.readonly = True
        # A brand-new library (first run) is seeded with samples; one whose
        # files were set aside after corruption must not be.
        self.is_new = not (self.folder / "meta.json").exists()
        self._check_schema()

    # -- files and locking -------------------------------------------------

    def _db(self, relpath: str) -> TinyDB:
        db = self._dbs.get(relpath)
        if db is None:
            db = TinyDB(str(self.folder / relpath), storage=AtomicJSONStorage,
                        on_corrupt=self._report_corrupt)
            self._dbs[relpath] = db
        return db

    def _report_corrupt(self, path: Path, aside: Path) -> None:
        self.warnings.append(
            f"{path.name} could not be read; it was moved aside to {aside.name} and nothing was deleted"
        )

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Serialise a write with other threads and other Marsad processes."""
        with self._lock, self.file_lock():
            yield

    @contextlib.contextmanager
    def file_lock(self) -> Iterator[None]:
        """Only the lock file, for writers of files outside TinyDB (caches).

        Each call opens the lock file anew, and flock locks belong to an open
        file, so this also serialises threads of this process against each
        other, without holding the in-memory lock that readers wait on.
        """
        if self.readonly:
            raise StoreError(f"the library {self.folder} is read-only")
        try:
            fh = open(self.folder / ".lock", "a+")
        except OSError as exc:
            raise StoreError(f"cannot lock the library: {exc.strerror}") from exc
        with fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _check_schema(self) -> None:
        meta = self._db("meta.json").table("meta")
        doc = meta.get(doc_id=1)
        version = int(doc["schema"]) if doc else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"this library was written by a newer Marsad (schema {version}); upgrade Marsad to open it"
            )
        if version == SCHEMA_VERSION or self.readonly:
            return
        with self.writing():
            for step in range(version, SCHEMA_VERSION):
                if step in MIGRATIONS:
                    MIGRATIONS[step](self)
            meta.upsert({"schema": SCHEMA_VERSION}, lambda d: True)

    # -- articles ----------------------------------------------------------

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
            meta = self._db("articles.json").table("articles").get(doc_id=_doc_id(article_id))
            if meta is None:
                return None
            body = self._db(f"bodies/{bucket_of(article_id)}.json").table("bodies").get(
                doc_id=_doc_id(article_id))
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
            if table.get(doc_id=_doc_id(article_id)) is None:
                raise StoreError(f"no article with id {article_id}")
            table.update(changes, doc_ids=[_doc_id(article_id)])

    def delete_article(self, article_id: str) -> None:
        with self.writing():
            did = _doc_id(article_id)
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
                yield _id_of(doc), doc.get("text", "")

    # -- annotations -------------------------------------------------------

    def annotations_for(self, article_id: str) -> list[Annotation]:
        with self._lock:
            docs = self._db(f"annotations/{bucket_of(article_id)}.json").table("annotations").all()
        found = [Annotation.from_dict(d) for d in docs if d.get("article_id") == article_id]
        return sorted(found, key=_annotation_order)

    def all_annotations(self) -> list[Annotation]:
        found: list[Annotation] = []
        for bucket in range(BUCKETS):
            path = f"annotations/{bucket:02d}.json"
            if (self.folder / path).exists():
                with self._lock:
                    found.extend(Annotation.from_dict(d) for d in self._db(path).table("annotations").all())
        return sorted(found, key=lambda a: (a.article_id, *_annotation_order(a)))

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
            did = _doc_id(annotation.id)
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
            if table.get(doc_id=_doc_id(feed_id)) is not None:
                table.remove(doc_ids=[_doc_id(feed_id)])

    # -- small documents: corrections, caches ------------------------------

    def get_doc(self, name: str, key: str) -> dict[str, Any] | None:
        """A keyed JSON document from ``name.json`` (corrections, caches)."""
        with self._lock:
            doc = self._db(f"{name}.json").table(name).get(doc_id=_doc_id(key))
        return dict(doc) if doc is not None else None

    def put_doc(self, name: str, key: str, doc: dict[str, Any]) -> None:
        with self.writing():
            self._upsert_many(f"{name}.json", name, {key: doc})

    def all_docs(self, name: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {_id_of(d): dict(d) for d in self._db(f"{name}.json").table(name).all()}

    # -- helpers -----------------------------------------------------------

    def _upsert_many(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace documents keyed by our string ids, in one write."""
        storage: AtomicJSONStorage = self._db(path).storage  # type: ignore[assignment]
        data = storage.read() or {}
        table = data.setdefault(table_name, {})
        for key, doc in docs.items():
            table[str(_doc_id(key))] = {**doc, "_key": key}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def _write_table(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        storage: AtomicJSONStorage = self._db(path).storage  # type: ignore[assignment]
        data = storage.read() or {}
        data[table_name] = {str(_doc_id(key)): {**doc, "_key": key} for key, doc in docs.items()}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()


def _doc_id(key: str) -> int:
    """TinyDB wants integer document ids; derive a stable one from our string id."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=7).digest(), "big")


def _id_of(doc: Any) -> str:
    return str(doc.get("_key") or doc.get("id") or doc.doc_id)


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


def _annotation_order(a: Annotation) -> tuple[int, str]:
    return (a.start if a.start is not None else -1, a.created)
