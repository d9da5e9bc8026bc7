"""The Store: one library folder, opened, schema-checked and migrated.

Two stores in one folder, each for what it is good at (see the package
docstring): articles in ``library.sqlite``, what the analyst writes in
TinyDB JSON files. The Store joins them: saving an annotation writes its
TinyDB bucket and then refreshes the article's mirror in SQLite (annotation
count, note text and tags), so the list and search see notes at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.errors import StoreError
from tui.models import Annotation
from tui.store.articles import ArticlesMixin
from tui.store.ids import BUCKETS
from tui.store.migrate import Progress, json_to_sqlite, stderr_upgrade_progress
from tui.store.notes import NotesMixin
from tui.store.sql import DB_NAME, Database, NewerDatabase, UpgradeProgress, needs_upgrade

SCHEMA_VERSION = 2

# version -> function upgrading the whole library folder from that version.
MIGRATIONS: dict[int, Callable[[Store], object]] = {
    1: lambda store: json_to_sqlite(store),
}
_STAMPED_FILES = ("meta.json", "feeds.json", "corrections.json")


class Store(ArticlesMixin, NotesMixin):
    """All reads and writes of a library folder. Thread-safe; never imports Textual."""

    def __init__(self, folder: str | Path, readonly: bool = False, progress: Progress | None = None,
                 set_aside_damaged: bool | None = None, upgrade_progress: UpgradeProgress | None = None) -> None:
        """Open a library; ``set_aside_damaged=False`` (the default when read-only)
        reports a damaged file by raising instead of moving it aside.

        Opening a library an older Marsad wrote upgrades it first (seconds to
        minutes at 100,000+ articles): ``upgrade_progress`` hears each step
        (the app's progress screen); without it a line and a bar go to stderr.
        """
        self._init_files(Path(folder).expanduser(), readonly, set_aside_damaged)
        self.progress = progress
        self.upgrade_progress = upgrade_progress
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create library folder {self.folder}: {exc.strerror}") from exc
        self._open_files()
        # A brand-new library (first run) is seeded with samples; one whose
        # files were set aside after corruption must not be.
        self.is_new = not (self.folder / "meta.json").exists()
        self.db = self._open_db()
        self._check_schema()
        self.sync_notes()

    # -- the article database ------------------------------------------------

    def _open_db(self) -> Database:
        path = self.folder / DB_NAME
        if self.readonly:
            if path.exists():
                try:
                    if _emptied(path, self.folder):
                        raise StoreError("the file is empty")
                    return Database(path, readonly=True)
                except (StoreError, sqlite3.DatabaseError) as exc:
                    raise _damaged_db(path, exc) from None
            # A read-only library of the JSON format: its articles are read
            # into a private in-memory database, and nothing is written.
            return Database(None, uri=f"file:marsad-{uuid.uuid4().hex}?mode=memory&cache=shared")
        try:
            if _emptied(path, self.folder):
                raise StoreError("the file is empty")
            return Database(path, upgrade_progress=self.upgrade_progress or stderr_upgrade_progress)
        except (StoreError, sqlite3.DatabaseError) as exc:
            if _disk_full(self.folder):  # not damage: never set a database aside for that
                raise StoreError(f"the disk is full: cannot open {path}; free some space and try again "
                                 "(nothing already saved was changed)") from None
            if not _is_damage(exc):  # busy (another process upgrading or writing) or newer
                raise StoreError(str(exc)) from None
            if not self.set_aside_damaged:  # commands report; the app and doctor repair
                raise _damaged_db(path, exc) from None
            self._set_db_aside(path)
            return Database(path)

    def _set_db_aside(self, path: Path) -> None:
        """A database SQLite cannot open is moved aside (never deleted) and reported."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"library.corrupt-{stamp}.sqlite")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(path) + suffix)
            if src.exists():
                os.replace(src, Path(str(aside) + suffix))
        self.warnings.append(
            f"{path.name} could not be read; it was moved aside to {aside.name} and nothing was deleted")

    def _check_schema(self) -> None:
        meta = self._db("meta.json").table("meta")
        doc = meta.get(doc_id=1)
        version = int(doc["schema"]) if doc else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"this library was written by a newer Marsad (schema {version}); upgrade Marsad to open it"
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            if version == 1:
                json_to_sqlite(self, move_files=False)
            return
        with self.writing():
            for step in range(version, SCHEMA_VERSION):
                if step in MIGRATIONS:
                    MIGRATIONS[step](self)
            meta.upsert({"schema": SCHEMA_VERSION}, lambda d: True)

    def close_json(self, relpath: str) -> None:
        """Forget one JSON file's TinyDB (before the file is moved away)."""
        db = self._dbs.pop(relpath, None)
        if db is not None:
            db.close()

    # -- change stamps ---------------------------------------------------------

    def change_stamp(self) -> str:
        """Changes whenever anything in the library changes, in this process or another.

        The article database's change counter (bumped by every write
        transaction) plus the (mtime, size) of the analyst's JSON files; a
        few ``stat`` calls and one indexed read, so it can be polled.
        """
        return f"{self.db.counter()}|{self.notes_stamp()}|{self._files_stamp()}"

    def notes_stamp(self) -> str:
        """Fingerprint of the annotation files (what the mirror was built from)."""
        parts = [_stat(self.folder / f"annotations/{b:02d}.json") for b in range(BUCKETS)]
        return hashlib.blake2b("|".join(parts).encode(), digest_size=10).hexdigest()

    def _files_stamp(self) -> str:
        return ",".join(_stat(self.folder / name) for name in _STAMPED_FILES)

    # -- annotations: TinyDB first, then the mirror -----------------------------

    def save_annotation(self, annotation: Annotation) -> Annotation:
        saved = super().save_annotation(annotation)
        self._mirror_article(saved.article_id)
        return saved

    def delete_annotation(self, annotation: Annotation) -> None:
        super().delete_annotation(annotation)
        self._mirror_article(annotation.article_id)

    def _mirror_article(self, article_id: str) -> None:
        """Refresh the article's note mirror. The note itself is already saved in
        its JSON file; the mirror is derived and rebuilt at the next open if this
        fails (a full disk), so a failure here is a warning, not "not saved"."""
        if not self._mirror_writable():
            return
        try:
            with self.db.write() as conn:
                self.mirror_notes(article_id, self.annotations_for(article_id))
                self.db.set_meta(conn, "notes_stamp", self.notes_stamp())
        except (StoreError, sqlite3.Error) as exc:
            self.warnings.append(f"the note is saved, but the article list could not show it yet ({exc}); "
                                 "it will at the next start")

    def sync_notes(self, force: bool = False) -> bool:
        """Rebuild the annotation mirror when the annotation files changed behind it.

        Cheap when nothing changed (32 ``stat`` calls); returns True when it rebuilt.
        """
        if not self._mirror_writable():
            return False
        stamp = self.notes_stamp()
        if not force and self.db.meta(self.db.conn(), "notes_stamp") == stamp:
            return False
        by_article: dict[str, list[Annotation]] = {}
        for ann in self.all_annotations():
            by_article.setdefault(ann.article_id, []).append(ann)
        with self.db.write() as conn:
            self.mirror_all_notes(by_article)
            self.db.set_meta(conn, "notes_stamp", stamp)
        return True

    def _mirror_writable(self) -> bool:
        return not self.db.readonly

    def close(self) -> None:
        self._close_files()
        self.db.close()


def _disk_full(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


def _emptied(path: Path, folder: Path) -> bool:
    """An empty database file in a library that has been written: lost, not new
    (SQLite would take it for a new, empty database and show no articles)."""
    try:
        wal = Path(str(path) + "-wal")
        return (path.stat().st_size == 0 and (folder / "meta.json").exists()
                and not (wal.exists() and wal.stat().st_size > 0))
    except OSError:
        return False


def _is_damage(exc: BaseException) -> bool:
    """Whether opening failed because of the file itself, so that it may be set aside.

    Not when the database is busy (another process holds the write lock, e.g.
    upgrading 1,000,000 articles for minutes) or was written by a newer
    Marsad: that file is fine, and moving it aside showed the analyst an
    empty library. Those are reported and left where they are.
    """
    if isinstance(exc, NewerDatabase):
        return False
    cause = exc.__cause__ if isinstance(exc, StoreError) and exc.__cause__ is not None else exc
    return not _busy(cause)


def _busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _damaged_db(path: Path, exc: Exception) -> StoreError:
    return StoreError(f"{path} is damaged or unreadable ({exc}); nothing was changed: "
                      "run `marsad doctor --repair` to rebuild it (your notes are kept)")


def _stat(path: Path) -> str:
    with contextlib.suppress(OSError):
        st = path.stat()  # inode and ctime too: every JSON write is a rename to a new inode
        return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_size}"
    return "-"


def library_needs_upgrade(folder: str | Path) -> bool:
    """True when opening ``folder`` would first upgrade it (articles still in JSON, or an
    older ``library.sqlite``): the app then opens it behind a progress screen."""
    folder = Path(folder).expanduser()
    if (folder / "articles.json").exists():
        return True
    return needs_upgrade(folder / DB_NAME)
