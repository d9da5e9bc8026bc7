"""JSON files of the library: atomic writes, the lock file, TinyDB plumbing.

Why a lock around each write rather than for the whole session: the app and
``marsad import`` can then both work on one library; each write re-reads its
file if another process changed it since, so neither loses the other's
changes.

Durability, in the order a power cut or a ``kill -9`` would test it: a write
goes to a temp file named after the writing process (``.NAME.PID-TOKEN.tmp``),
is flushed and fsynced, renamed over the file, and then the folder itself is
fsynced so the rename survives a crash too. A process killed half-way leaves
only its temp file, which the next Store to open the library removes (the
process named in it is gone). A write that fails (full disk, read-only
medium, no permission) removes its temp file, leaves the old file as it was,
and raises :class:`StoreError` with one line naming the file and what to do.

Re-reading: another process's write is noticed from the file's identity
(inode, size, mtime, ctime); a stamp taken within a couple of seconds of the
file's mtime is "racy" (the same trick git uses for its index): a rewrite of
equal size within the clock's granularity would look the same, so such a
file is compared by the hash of its bytes instead.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import Storage

from tui.errors import StoreError
from tui.store import backups
from tui.store.ids import doc_id

# A stamp younger than this (file mtime vs. the moment we looked) is not
# trusted: coarse filesystem clocks (FAT: 2 s, many: one kernel tick) could
# hide an equal-size rewrite.
RACY_NS = 3_000_000_000
# ``.NAME.PID-TOKEN.tmp`` (and ``.NAME.PID.tmp`` of older releases); the
# dash keeps an all-digit token from ever being read as a pid.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)(?:-[0-9a-f]{8})?\.tmp$")

Stamp = tuple[int, int, int, int]


class DamagedFile(StoreError):
    """A library file that exists but does not parse as what it should be."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(
            f"{path} is damaged ({reason}); nothing was changed: "
            "run `marsad doctor --repair` to set it aside and restore it from a backup")


def os_error_message(exc: OSError, path: Path, action: str = "save") -> str:
    """One line for the user: which file, what went wrong, what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return (f"the disk is full: could not {action} {path}; free some space and try again "
                "(nothing already saved was changed)")
    if code == errno.EROFS:
        return (f"the library is on a read-only medium: could not {action} {path}; "
                "copy the library to a writable folder to make changes")
    if code in (errno.EACCES, errno.EPERM):
        target = path if action == "read" else path.parent
        fix = "chmod u+r" if action == "read" else "chmod u+w"
        return f"no permission to {action} {path}: check the permissions of {target} ({fix})"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"could not {action} {path}: {reason}"


def parse_library_json(raw: bytes) -> dict[str, Any]:
    """A TinyDB file's content, or ValueError saying why it is not one.

    An empty file is damaged too: Marsad never writes one (every save is a
    whole JSON object), but a crash of the filesystem can leave one. The
    shape is checked (tables of documents), since TinyDB would otherwise
    fail later with an AttributeError far from the file's name.
    """
    text = raw.decode("utf-8")  # UnicodeDecodeError is a ValueError
    if not text.strip():
        raise ValueError("the file is empty")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("the top level is not a JSON object")  # noqa: TRY004 - a damaged file, not a bug
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not a JSON object")  # noqa: TRY004
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise ValueError(f"document {key} of table {name!r} is not a JSON object")  # noqa: TRY004
    return data


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} at line {exc.lineno}"
    return str(exc)


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes with temp file + fsync + rename (+ folder fsync).

    It keeps the parsed data in memory and re-reads the file only when it
    changed (see the module docstring for how that is decided). A file that
    does not parse is either moved aside with a timestamp and reported
    through ``on_corrupt`` (``set_aside=True``: the app, writing commands),
    or reported by raising :class:`DamagedFile` and left where it is
    (read-only commands); it is never overwritten or emptied. ``on_saved``
    is called with the path and the bytes of each version once it is saved
    (backups).
    """

    def __init__(self, path: str, on_corrupt: Callable[[Path, Path], None] | None = None,
                 set_aside: bool = True, on_saved: Callable[[Path, bytes], None] | None = None,
                 durable: bool = True, on_unreadable: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.on_corrupt = on_corrupt
        self.set_aside = set_aside
        self.on_saved = on_saved
        self.durable = durable  # False for backup copies: written atomically, not fsynced
        self.on_unreadable = on_unreadable
        # Why the file could not be read, while it cannot: writes are then
        # refused, since replacing a file we could not read would lose it.
        self.blocked: str | None = None
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._hash = b""
        self._seen_ns = 0

    def _file_stamp(self) -> Stamp | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def _unreadable(self, exc: OSError) -> None:
        """A file that exists but cannot be read: the commands stop with one line;
        the app is told once, shows the rest of the library, and saves nothing to it."""
        message = os_error_message(exc, self.path, "read")
        self._forget()
        if not self.set_aside:
            raise StoreError(message)
        if self.blocked != message and self.on_unreadable is not None:
            self.on_unreadable(message)
        self.blocked = message

    def _trusted(self, stamp: Stamp | None) -> bool:
        """The cached data is current without reading the file's bytes."""
        return (self._data is not None and stamp is not None and stamp == self._stamp
                and self._seen_ns - max(stamp[2], stamp[3]) > RACY_NS)

    def read(self) -> dict[str, Any] | None:
        try:
            stamp = self._file_stamp()
        except OSError as exc:  # the folder cannot be searched
            self._unreadable(exc)
            return None
        if self._trusted(stamp):
            return self._data
        if stamp is None:
            self._forget()
            return None
        seen = time.time_ns()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._forget()
            return None
        except OSError as exc:
            self._unreadable(exc)
            return None
        self.blocked = None
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if self._data is not None and digest == self._hash:
            self._stamp, self._seen_ns = stamp, seen
            return self._data
        try:
            data = parse_library_json(raw)
        except ValueError as exc:
            self._damaged(_reason(exc))
            return None
        self._data, self._stamp, self._hash, self._seen_ns = data, stamp, digest, seen
        return data

    def _forget(self) -> None:
        self._data, self._stamp, self._hash, self._seen_ns = None, None, b"", 0

    def _damaged(self, reason: str) -> None:
        self._forget()
        if not self.set_aside:
            raise DamagedFile(self.path, reason)
        aside = set_aside(self.path)
        if self.on_corrupt:
            self.on_corrupt(self.path, aside)

    def write(self, data: dict[str, Any]) -> None:
        if self.blocked:
            self._forget()
            raise StoreError(f"{self.blocked}; nothing was saved to it, so what it holds is safe")
        try:
            raw = encode_json(data)
            atomic_write_bytes(self.path, raw, durable=self.durable)
        except BaseException as exc:
            # TinyDB mutated the cached dict before asking us to write it:
            # forget it, so nothing unsaved is ever read back as saved.
            self._forget()
            if isinstance(exc, OSError):
                raise StoreError(os_error_message(exc, self.path, "save")) from None
            raise
        try:
            stamp = self._file_stamp()
        except OSError:
            stamp = None
        self._data, self._stamp, self._hash = data, stamp, hashlib.blake2b(raw, digest_size=16).digest()
        self._seen_ns = time.time_ns()
        if self.on_saved is not None:
            self.on_saved(self.path, raw)

    def close(self) -> None:
        pass


def encode_json(data: Any) -> bytes:
    """Compact UTF-8 JSON. A lone surrogate (half of a UTF-16 pair, which a
    paste or a broken file name can carry) cannot be UTF-8: it is saved as
    U+FFFD rather than making the whole file unsavable."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way with a timestamp; never delete it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
        n += 1
    try:
        os.replace(path, aside)
        fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(os_error_message(exc, path, "move aside")) from None
    return aside


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX: the entry lives in the folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a folder we cannot open for reading: the rename still happened
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems cannot fsync a folder; the rename itself is done
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def atomic_write_bytes(path: Path, raw: bytes, durable: bool = True) -> None:
    """Write ``raw`` so that a crash leaves either the old or the new file, never a mix.

    On any failure the temp file is removed and the OSError re-raised; the
    old file is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) atomically; see :func:`atomic_write_bytes`."""
    atomic_write_bytes(Path(path), text.encode("utf-8"))


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def temp_files_of(folder: Path, depth: int = 3) -> list[Path]:
    """Temp files of our naming pattern in the library (its folder and subfolders)."""
    found: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if _TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
            found.append(Path(entry.path))
        elif depth > 1 and entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            found.extend(temp_files_of(Path(entry.path), depth - 1))
    return found


def temp_pid(path: Path) -> int:
    match = _TEMP_NAME.match(path.name)
    return int(match["pid"]) if match else 0


def remove_stale_temps(folder: Path, depth: int = 3) -> list[Path]:
    """Delete temp files left by Marsad processes that died mid-write.

    Only names of our own pattern whose process is gone are removed (never
    this process's, which may be writing in another thread). Returns them.
    """
    removed: list[Path] = []
    me = os.getpid()
    for path in temp_files_of(folder, depth):
        pid = temp_pid(path)
        if pid != me and not pid_alive(pid):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


class LibraryFiles:
    """The library folder's JSON files, its lock, and the in-process lock."""

    folder: Path
    readonly: bool
    warnings: list[str]
    set_aside_damaged: bool

    def _init_files(self, folder: Path, readonly: bool, set_aside_damaged: bool | None = None) -> None:
        self.folder = folder
        self.readonly = readonly
        self.set_aside_damaged = (not readonly) if set_aside_damaged is None else set_aside_damaged
        self.warnings = []
        self.backup_versions = backups.DEFAULT_VERSIONS
        self.backup_days = backups.DEFAULT_DAYS
        self._lock = threading.RLock()
        self._dbs: dict[str, TinyDB] = {}

    def _open_files(self) -> None:
        """At open, once the folder is known to exist: tidy after crashed writers.

        A folder we cannot write is opened read-only, saying so; damaged
        files are then reported, not moved.
        """
        if not self.readonly and not os.access(self.folder, os.W_OK):
            self.readonly = True
            self.set_aside_damaged = False
            self.warnings.append(
                f"the library {self.folder} is read-only: you can read and search it, but changes cannot be saved")
        if not self.readonly:
            remove_stale_temps(self.folder)
            self._backup_settings()
            try:
                backups.daily_snapshot(self.folder, self.backup_days)
            except OSError as exc:
                self.warnings.append(f"today's backup of the library could not be made: {os_error_message(exc, self.folder / backups.DAILY_DIR)}")

    def _backup_settings(self) -> None:
        """``backup_versions`` and ``backup_days`` from the library's settings file."""
        from tui.config import read_settings

        settings = read_settings(self.folder / "settings.toml")
        for key in ("backup_versions", "backup_days"):
            value = settings.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                setattr(self, key, value)

    def _db(self, relpath: str) -> TinyDB:
        db = self._dbs.get(relpath)
        if db is None:
            db = TinyDB(str(self.folder / relpath), storage=AtomicJSONStorage,
                        on_corrupt=self._report_corrupt, set_aside=self.set_aside_damaged,
                        on_saved=self._on_saved, durable=not relpath.startswith(backups.BACKUPS + "/"),
                        on_unreadable=self._report_unreadable)
            self._dbs[relpath] = db
        return db

    def _on_saved(self, path: Path, raw: bytes) -> None:
        """Keep a copy of the version just saved (``backups/versions``).

        A backup that cannot be made (a full disk) does not undo the save,
        which has already happened; the user is told.
        """
        try:
            backups.keep_version(self.folder, path, raw, self.backup_versions)
        except OSError as exc:
            self.warnings.append(f"saved, but the backup copy of {path.name} was not: "
                                 f"{os_error_message(exc, self.folder / backups.VERSIONS_DIR)}")

    def _report_unreadable(self, message: str) -> None:
        self.warnings.append(f"{message}; what it holds is not shown and nothing will be saved to it until then")

    def _report_corrupt(self, path: Path, aside: Path) -> None:
        self.warnings.append(
            f"{path.name} could not be read; it was moved aside to {aside.name} and nothing was deleted"
            " (`marsad doctor --repair` restores it from a backup)"
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
            raise StoreError(f"the library {self.folder} is read-only: changes cannot be saved")
        try:
            fh = open(self.folder / ".lock", "a+")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            raise StoreError(os_error_message(exc, self.folder / ".lock", "lock")) from None
        with fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _upsert_many(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace documents keyed by our string ids, in one write."""
        storage = cast(AtomicJSONStorage, self._db(path).storage)
        data = storage.read() or {}
        table = data.setdefault(table_name, {})
        for key, doc in docs.items():
            table[str(doc_id(key))] = {**doc, "_key": key}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def _write_table(self, path: str, table_name: str, docs: dict[str, dict[str, Any]]) -> None:
        storage = cast(AtomicJSONStorage, self._db(path).storage)
        data = storage.read() or {}
        data[table_name] = {str(doc_id(key)): {**doc, "_key": key} for key, doc in docs.items()}
        storage.write(data)
        self._db(path).table(table_name).clear_cache()

    def _close_files(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
