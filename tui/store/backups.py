"""Backups of what the analyst writes, kept inside the library folder.

Three kinds, from the most frequent to the broadest::

    backups/versions/<file>/<stamp>.json   (<file> without .json) the last N saved versions (setting
                                           ``backup_versions``, default 5) of
                                           every JSON file the analyst writes,
                                           the current one included
    backups/daily/<YYYY-MM-DD>/...         once a day, a copy of the small
                                           files (notes, feeds, corrections,
                                           settings); the last ``backup_days``
                                           days (default 14) are kept
    backups/articles/NN.json               a copy of every article that has a
                                           note or a highlight, so the notes
                                           can be re-attached even when the
                                           article database is lost

Why a copy of the version just saved, not a link to the one replaced: a
link shares the file's bytes, so damage done to the live file in place (a
disk error, a tool writing over it) would damage the backup too, and the
last save would exist nowhere else. A separate copy of each saved version
means the newest backup always equals the last good save: restoring it
loses nothing. Copies are not fsynced (the live file is); a backup cut
short by a crash is skipped by ``doctor`` as unparsable. Caches
(``cache/``) and the backups themselves are not backed up. Nothing here
ever deletes anything but backups beyond the kept number.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import date, datetime
from pathlib import Path

BACKUPS = "backups"
VERSIONS_DIR = f"{BACKUPS}/versions"
DAILY_DIR = f"{BACKUPS}/daily"
ARTICLES_DIR = f"{BACKUPS}/articles"
DEFAULT_VERSIONS = 5
DEFAULT_DAYS = 14
# Not backed up: derived data, and the backups themselves.
_SKIP = ("cache", BACKUPS, "migrated-v1")
_SMALL_SUFFIXES = (".json", ".toml")


def relative(folder: Path, path: Path) -> str | None:
    """``path`` relative to the library, or None when it is not to be backed up."""
    try:
        rel = path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    if not rel.parts or rel.parts[0] in _SKIP or ".corrupt-" in rel.name:
        return None
    return rel.as_posix()


def keep_version(folder: Path, path: Path, raw: bytes, keep: int = DEFAULT_VERSIONS) -> Path | None:
    """Keep ``raw``, the content just saved to ``path``, as its newest version."""
    rel = relative(folder, path)
    if rel is None or keep <= 0:
        return None
    where = version_dir(folder, rel)
    where.mkdir(parents=True, exist_ok=True)
    target = where / f"{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}{path.suffix}"
    n = 1
    while target.exists():
        target = target.with_name(f"{target.stem.split('~')[0]}~{n}{path.suffix}")
        n += 1
    try:
        target.write_bytes(raw)
    except OSError:
        target.unlink(missing_ok=True)
        raise
    for old in versions(folder, rel)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def version_dir(folder: Path, rel: str) -> Path:
    """``feeds.json`` -> ``backups/versions/feeds/`` (a folder not named like a file)."""
    stem = rel[: -len(Path(rel).suffix)] if Path(rel).suffix else rel
    return folder / VERSIONS_DIR / stem


def versions(folder: Path, rel: str) -> list[Path]:
    """Kept versions of one file, newest first."""
    where = version_dir(folder, rel)
    try:
        return sorted((p for p in where.iterdir() if p.is_file()), key=lambda p: p.name, reverse=True)
    except OSError:
        return []


def small_files(folder: Path) -> list[Path]:
    """The analyst's small files: top-level JSON and settings, and the note buckets."""
    found: list[Path] = []
    with contextlib.suppress(OSError):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in _SMALL_SUFFIXES and relative(folder, path):
                found.append(path)
    with contextlib.suppress(OSError):
        found.extend(sorted(p for p in (folder / "annotations").glob("*.json") if relative(folder, p)))
    return found


def daily_snapshot(folder: Path, keep_days: int = DEFAULT_DAYS, today: date | None = None) -> Path | None:
    """Copy the small files once a day; returns the new snapshot's folder, if one was made."""
    day = (today or date.today()).isoformat()
    target = folder / DAILY_DIR / day
    if target.exists() or keep_days <= 0:
        return None
    files = small_files(folder)
    if not files:
        return None
    partial = target.with_name(f".{day}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    for path in files:
        rel = path.relative_to(folder)
        (partial / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, partial / rel)
    os.replace(partial, target)  # a snapshot is complete or absent
    for old in snapshots(folder)[keep_days:]:
        shutil.rmtree(old, ignore_errors=True)
    return target


def snapshots(folder: Path) -> list[Path]:
    """Daily snapshot folders, newest first."""
    try:
        return sorted((p for p in (folder / DAILY_DIR).iterdir() if p.is_dir() and not p.name.startswith(".")),
                      key=lambda p: p.name, reverse=True)
    except OSError:
        return []


def candidates(folder: Path, rel: str) -> list[Path]:
    """Every backup of one file, newest first: kept versions, then daily snapshots."""
    found = versions(folder, rel)
    found.extend(snap / rel for snap in snapshots(folder) if (snap / rel).is_file())
    return found
