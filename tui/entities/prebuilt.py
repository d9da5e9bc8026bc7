"""Prebuilt tables: what loading the gazetteer and the word lists computes, kept in a file.

Why: reading the tables (~26,000 spellings tokenised and folded into the
longest-match index, ~55,000 frequency-list and name words folded) took
1.5-2 s of every process that extracts entities, ``marsad entities FILE``
included, and the result changes only when the data or the code building it
changes. So the built structures are written once, as plain tuples and dicts
(:mod:`marshal`), to the user's cache folder and read back on later starts.

A file is named by a SHA-256 of everything it is built from: the bytes of
the data files and of the modules that read them, :data:`FORMAT`, and the
Python version (marshal's format is per version). Its first 32 bytes are the
SHA-256 of the rest, checked on every read. A stale, damaged or unreadable
file is rebuilt from the tables; a folder that cannot be written only costs
the build each time. ``MARSAD_CACHE`` names another folder; ``off`` turns the
files off (each process builds, as before).

The built result is the same with or without a file (a test compares them).
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

FORMAT = "1"  # bump when the shape of a stored value changes without a change of the sources' bytes
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where prebuilt tables live (None: off)."""
    env = os.environ.get("MARSAD_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("marsad", appauthor=False)) / "tables"


def digest(sources: Iterable[Path]) -> str:
    """SHA-256 over the sources' names and bytes (a missing one counts as missing), the format and Python."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{marshal.version}\0".encode())
    for path in sources:
        h.update(path.name.encode() + b"\0")
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0missing\0"
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def _path(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:32]}.marshal"


def read(name: str, key: str) -> Any | None:
    """The value stored for ``name`` under ``key``, or None (no file, damaged, other key, unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = _path(folder, name, key).read_bytes()
    except OSError:
        return None
    body = data[32:]
    if len(data) < 32 or hashlib.sha256(body).digest() != data[:32]:
        return None
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None


def write(name: str, key: str, value: Any) -> bool:
    """Store ``value`` (plain tuples, lists, dicts, sets, strings, numbers) for ``name`` under ``key``,
    atomically, and remove the files of other keys of ``name``; False if the folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        body = marshal.dumps(value)
    except ValueError:
        return False  # something marshal cannot write (a date in a TOML table): built each time
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(body).digest() + body)
            os.replace(tmp, _path(folder, name, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.marshal"):
            if old != _path(folder, name, key):
                old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def as_is(value: Any) -> Any:
    """What is stored of a value that is marshal-able already (dicts, lists, tuples of strings and numbers)."""
    return value


def cached(name: str, sources: Iterable[Path], build: Callable[[], T],
           to_plain: Callable[[T], Any], from_plain: Callable[[Any], T]) -> T:
    """``build()``, or what a file made from the same sources holds (``from_plain`` of it)."""
    key = digest(sources)
    collecting = gc.isenabled()
    gc.disable()  # ~200,000 new objects, none of them garbage: the collector's passes over them cost ~a third
    try:
        stored = read(name, key)
        if stored is not None:
            try:
                return from_plain(stored)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                pass  # a file of another shape under the same key: build again and overwrite it
    finally:
        if collecting:
            gc.enable()
    value = build()
    write(name, key, to_plain(value))
    return value
