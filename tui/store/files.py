"""JSON files of the library: atomic writes, the lock file, TinyDB plumbing.

Why a lock around each write rather than for the whole session: the app and
``marsad import`` can then both work on one library; each write re-reads its
file if another process changed it since, so neither loses the other's
changes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from tui.errors import StoreError
from tui.store.ids import doc_id


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


class LibraryFiles:
    """The library folder's JSON files, its lock, and the in-process lock."""

    folder: Path
    readonly: bool
    warnings: list[str]

    def _init_files(self, folder: Path, readonly: bool) -> None:
        self.folder = folder
        self.readonly = readonly
        self.warnings = []
        self._lock = threading.RLock()
        self._dbs: dict[str, TinyDB] = {}

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

    def _upsert_many(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace documents keyed by our string ids, in one write."""
        storage: AtomicJSONStorage = self._db(path).storage  # type: ignore[assignment]
        data = storage.read() or {}
        table = data.setdefault(table_name, {})
        for key, doc in docs.items():
            table[str(doc_id(key))] = {**doc, "_key": key}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def _write_table(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        storage: AtomicJSONStorage = self._db(path).storage  # type: ignore[assignment]
        data = storage.read() or {}
        data[table_name] = {str(doc_id(key)): {**doc, "_key": key} for key, doc in docs.items()}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def _close_files(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
