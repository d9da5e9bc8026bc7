"""``marsad doctor``: check a library and repair what can be repaired.

What is checked, cheapest first (``quick`` stops after the first three,
which is what the app runs at start):

1. every JSON file the analyst writes parses and has the right shape, and
   can be read at all (permissions);
2. temp files left by crashed writers; files set aside earlier;
3. the article database opens and is a Marsad database;
4. the article database's integrity (``PRAGMA integrity_check``);
5. every annotation's article exists;
6. highlights marked orphaned that can be found again in their article.

What ``repair`` does, never deleting what the analyst wrote (a damaged
file is always set aside, with a timestamp, before anything replaces it):

- a damaged JSON file: its documents are salvaged from what is left of it
  and laid over the newest backup that parses (``tui.store.backups``);
- a damaged article database: set aside, a new one made, and filled from
  what can still be read of the old one, from the copies of annotated
  articles kept in ``backups/articles``, and from ``migrated-v1/`` if the
  library was upgraded from the JSON format; notes whose article is still
  missing are kept and listed (they re-attach when the article is fetched
  or imported again, since an article's id comes from its URL or guid);
- orphaned highlights are re-anchored by their quote;
- stale temp files of dead processes are removed.

Pure logic, no Textual: the CLI prints the report, the app notifies.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.errors import StoreError
from tui.models import Article
from tui.store.backups import ARTICLES_DIR, BACKUPS, candidates, small_files
from tui.store.files import (
    atomic_write_bytes,
    parse_library_json,
    pid_alive,
    remove_stale_temps,
    set_aside,
    temp_files_of,
    temp_pid,
)
from tui.store.ids import BUCKETS

DB_NAME = "library.sqlite"
SETTINGS = "settings.toml"
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Problem:
    """One thing wrong, in plain words, and what repairing it does."""

    file: str
    what: str
    fix: str = ""
    repairable: bool = True

    def line(self) -> str:
        return f"{self.file}: {self.what}" + (f" -> {self.fix}" if self.fix else "")


@dataclass
class Report:
    """What a check found and what a repair did."""

    checked: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"healthy": self.healthy, "checked": len(self.checked),
                "problems": [p.__dict__ for p in self.problems], "repaired": self.repaired, "notes": self.notes}


# -- checking ------------------------------------------------------------------------


def analyst_files(folder: Path) -> list[Path]:
    """Every JSON file of the library that is not derived data or a backup."""
    files = [p for p in small_files(folder) if p.suffix == ".json"]
    return files


def check_json(folder: Path, path: Path) -> Problem | None:
    rel = path.relative_to(folder).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(rel, f"cannot be read ({exc.strerror or exc})",
                       "give yourself read access to it (chmod u+r), then run doctor again", repairable=False)
    try:
        parse_library_json(raw)
    except ValueError as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        return Problem(rel, f"is damaged ({reason or 'empty'})",
                       "set it aside and rebuild it from what is left of it and the newest backup")
    return None


def check_database(folder: Path, full: bool) -> list[Problem]:
    path = folder / DB_NAME
    if not path.exists():
        return []
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        return [Problem(DB_NAME, f"cannot be read ({exc.strerror})", "fix its permissions", repairable=False)]
    if head != _SQLITE_MAGIC:
        return [Problem(DB_NAME, "is not a database any more (damaged)", _DB_FIX)]
    if not full:
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
            conn.execute("SELECT n, id, title, url, guid, hash FROM articles LIMIT 1").fetchall()
            conn.execute("SELECT n, body FROM bodies LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [Problem(DB_NAME, f"cannot be read by SQLite ({exc})", _DB_FIX)]
    if rows != ["ok"]:
        return [Problem(DB_NAME, f"fails its integrity check ({'; '.join(rows[:3])})", _DB_FIX)]
    return []


_DB_FIX = ("set it aside and rebuild the articles from what can still be read, the kept copies of "
           "annotated articles and migrated-v1/; every note is kept")


def check(folder: Path, quick: bool = False) -> Report:
    """Look at the library without changing anything."""
    report = Report()
    for path in analyst_files(folder):
        report.checked.append(path.relative_to(folder).as_posix())
        problem = check_json(folder, path)
        if problem:
            report.problems.append(problem)
    settings = folder / SETTINGS
    if settings.is_file():
        report.checked.append(SETTINGS)
        problem = check_settings(settings)
        if problem:
            report.problems.append(problem)
    stale = [p for p in temp_files_of(folder) if not pid_alive(temp_pid(p))]
    if stale:
        report.problems.append(Problem(", ".join(sorted(p.name for p in stale)[:3]) + ("…" if len(stale) > 3 else ""),
                                       f"{len(stale)} unfinished save(s) of crashed processes left behind",
                                       "remove them (the saved files are complete without them)"))
    for aside in set_aside_files(folder):
        live = live_name(aside)
        report.problems.append(Problem(
            live.relative_to(folder).as_posix(),
            f"was found damaged and set aside as {aside.name}; its content is not restored yet",
            "rebuild it from the set-aside copy and the newest backup (the copy is then kept in backups/damaged/)"))
    report.checked.append(DB_NAME)
    report.problems.extend(check_database(folder, full=not quick))
    if quick:
        return report
    if not any(p.file == DB_NAME for p in report.problems):
        missing = missing_articles(folder)
        restorable = {a.id for a in kept_articles(folder)} & set(missing)
        count = sum(len(v) for v in missing.values())
        if restorable:
            report.problems.append(Problem(
                "annotations/", f"{count} note(s) on {len(missing)} article(s) that are not in the library",
                f"put back {len(restorable)} of those articles from the kept copies; notes are kept either way"))
        elif missing:
            report.notes.append(_missing_note(count, len(missing)))
    return report


_ASIDE = re.compile(r"^(?P<stem>.+)\.corrupt-(?P<stamp>\d{8}-\d{6})(?:-\d+)?(?P<suffix>\.[a-z]+)$")


def set_aside_files(folder: Path) -> list[Path]:
    """Damaged files set aside (by the app or a repair) and not yet dealt with."""
    found: list[Path] = []
    for where in (folder, folder / "annotations"):
        try:
            found.extend(p for p in where.iterdir()
                         if p.is_file() and _ASIDE.match(p.name) and p.suffix in (".json", ".sqlite"))
        except OSError:
            continue
    return sorted(found)


def live_name(aside: Path) -> Path:
    """``feeds.corrupt-20260101-120000.json`` -> ``feeds.json``; ``library.corrupt-….sqlite`` -> ``library.sqlite``."""
    match = _ASIDE.match(aside.name)
    assert match is not None
    return aside.with_name(match["stem"] + match["suffix"])


def aside_stamp(aside: Path) -> str:
    match = _ASIDE.match(aside.name)
    return match["stamp"] if match else "99999999-999999"


def file_away(folder: Path, aside: Path) -> Path:
    """A set-aside file that has been dealt with goes to backups/damaged/ (kept, never deleted)."""
    target = folder / BACKUPS / "damaged" / aside.relative_to(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    aside.replace(target)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(aside) + suffix)
        if extra.exists():
            extra.replace(Path(str(target) + suffix))
    return target


def check_settings(path: Path) -> Problem | None:
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Problem(SETTINGS, f"cannot be read ({exc.strerror or exc})", "fix its permissions", repairable=False)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Problem(SETTINGS, f"is damaged ({exc}); Marsad uses the defaults meanwhile",
                       "set it aside and restore the newest backup (your saved views and keys)")
    return None


def repair_settings(folder: Path, report: Report) -> None:
    """Set a damaged settings file aside and put back its newest version that parses."""
    path = folder / SETTINGS
    for backup in candidates(folder, SETTINGS):
        try:
            raw = backup.read_bytes()
            tomllib.loads(raw.decode("utf-8"))
        except (OSError, ValueError):
            continue
        aside = set_aside(path)
        atomic_write_bytes(path, raw)
        kept = file_away(folder, aside)
        report.repaired.append(f"{SETTINGS}: restored from {backup.relative_to(folder)}; "
                               f"the damaged file is kept as {kept.relative_to(folder)}")
        return
    report.notes.append(f"{SETTINGS} has no backup that reads; fix it by hand (Marsad uses the defaults)")


def _missing_note(notes: int, articles: int) -> str:
    return (f"{notes} note(s) on {articles} article(s) no longer in the library are kept; "
            "they re-attach when those articles are fetched or imported again")


def annotation_docs(folder: Path) -> Iterator[dict[str, Any]]:
    """Every annotation document that can be read (damaged buckets are skipped)."""
    for bucket in range(BUCKETS):
        path = folder / "annotations" / f"{bucket:02d}.json"
        try:
            data = parse_library_json(path.read_bytes()) or {}
        except (OSError, ValueError):
            continue
        yield from data.get("annotations", {}).values()


def missing_articles(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Annotations whose article is not in the article database, by article id.

    Looks up only the articles that have notes (a few hundred), not the
    whole library, so it stays quick at a million articles.
    """
    by_article: dict[str, list[dict[str, Any]]] = {}
    for doc in annotation_docs(folder):
        by_article.setdefault(str(doc.get("article_id")), []).append(doc)
    have: set[str] = set()
    try:
        conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
        try:
            ids = list(by_article)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                have.update(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return {aid: docs for aid, docs in by_article.items() if aid not in have}


# -- repairing -------------------------------------------------------------------------


def salvage_documents(raw: bytes) -> dict[str, dict[str, dict[str, Any]]]:
    """The documents still readable in a damaged TinyDB file, by table.

    A truncated or partly overwritten file usually still holds most of its
    documents intact; each ``"<id>":{...}`` that parses on its own is kept.
    """
    text = raw.decode("utf-8", errors="replace")
    decoder = json.JSONDecoder()
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    table = "_default"
    for match in re.finditer(r'"([^"\\]{1,64})"\s*:\s*\{', text):
        key = match.group(1)
        start = match.end() - 1
        if not key.isdigit():
            table = key
            continue
        try:
            doc, _ = decoder.raw_decode(text, start)
        except ValueError:
            continue
        if isinstance(doc, dict):
            tables.setdefault(table, {})[key] = doc
    return tables


def repair_json(folder: Path, path: Path, report: Report) -> None:
    """Set a damaged file aside, then rebuild it (see :func:`restore_json`)."""
    try:
        path.read_bytes()
    except OSError:
        return
    restore_json(folder, set_aside(path), report)


def restore_json(folder: Path, aside: Path, report: Report) -> None:
    """Rebuild a file from its set-aside damaged copy, its backups and its live version.

    Layers, oldest first, each laid over the one before: the newest backup
    made before the file was set aside; the documents still readable in the
    damaged copy; the live file, if the app already wrote a new one since.
    Nothing is dropped, so at worst a deleted note comes back.
    """
    live = live_name(aside)
    rel = live.relative_to(folder).as_posix()
    before = aside_stamp(aside)
    merged: dict[str, Any] = {}
    source = "no backup"
    for backup in candidates(folder, rel):
        if _mtime_stamp(backup) > before:
            continue  # saved after the damage was found: the live file (below) has it
        try:
            merged = parse_library_json(backup.read_bytes()) or {}
        except (OSError, ValueError):
            continue
        source = f"the backup {backup.relative_to(folder)}"
        break
    try:
        salvaged = salvage_documents(aside.read_bytes())
    except OSError:
        salvaged = {}
    _lay_over(merged, salvaged)
    if live.exists():
        try:
            _lay_over(merged, parse_library_json(live.read_bytes()) or {})
        except (OSError, ValueError):
            pass
    count = sum(len(t) for t in salvaged.values())
    atomic_write_bytes(live, json.dumps(merged, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    kept = file_away(folder, aside)
    report.repaired.append(f"{rel}: rebuilt from {source} and {count} document(s) still readable in the "
                           f"damaged copy, which is kept as {kept.relative_to(folder)}")


def _mtime_stamp(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    except OSError:
        return "99999999-999999"


def _lay_over(base: dict[str, Any], top: dict[str, Any]) -> None:
    for table, docs in top.items():
        if isinstance(docs, dict):
            base.setdefault(table, {}).update(docs)


def read_damaged_database(path: Path) -> list[Article]:
    """Whatever articles can still be read from a damaged database, row by row."""
    found: list[Article] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return found
    try:
        try:
            top = conn.execute("SELECT max(n) FROM articles").fetchone()[0] or 0
        except sqlite3.Error:
            return found
        cols = ("id", "title", "url", "guid", "source", "feed_id", "language", "direction", "author",
                "published", "fetched", "hash", "read", "tags")
        for n in range(1, int(top) + 1):
            try:
                row = conn.execute(f"SELECT {', '.join(cols)} FROM articles WHERE n = ?", (n,)).fetchone()
                if row is None:
                    continue
                body_row = conn.execute("SELECT body FROM bodies WHERE n = ?", (n,)).fetchone()
            except sqlite3.Error:
                continue
            doc = dict(zip(cols, row, strict=True))
            doc["tags"] = _json_list(doc["tags"])
            doc["read"] = bool(doc["read"])
            found.append(Article.from_dict({**doc, "body": body_row[0] if body_row else ""}))
    finally:
        conn.close()
    return found


def _json_list(value: Any) -> list[str]:
    try:
        got = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return []
    return [str(x) for x in got] if isinstance(got, list) else []


def kept_articles(folder: Path) -> list[Article]:
    """Copies of annotated articles (backups/articles) and a migrated JSON library's articles."""
    found: list[Article] = []
    for path in sorted((folder / ARTICLES_DIR).glob("*.json")):
        try:
            data = parse_library_json(path.read_bytes()) or {}
        except (OSError, ValueError):
            data = salvage_documents(path.read_bytes()) if path.exists() else {}
        found.extend(Article.from_dict(d) for d in data.get("articles", {}).values())
    old = folder / "migrated-v1"
    if (old / "articles.json").exists():
        found.extend(_v1_articles(old))
    return found


def _v1_articles(old: Path) -> list[Article]:
    try:
        metas = (parse_library_json((old / "articles.json").read_bytes()) or {}).get("articles", {})
    except (OSError, ValueError):
        return []
    bodies: dict[str, str] = {}
    for path in (old / "bodies").glob("*.json"):
        try:
            for doc in ((parse_library_json(path.read_bytes()) or {}).get("bodies", {})).values():
                bodies[str(doc.get("_key") or doc.get("id"))] = doc.get("text", "")
        except (OSError, ValueError):
            continue
    return [Article.from_dict({**m, "body": bodies.get(str(m.get("_key") or m.get("id")), "")})
            for m in metas.values()]


def repair_database(folder: Path, report: Report) -> None:
    """Set a damaged article database aside and rebuild it; every note stays."""
    path = folder / DB_NAME
    if path.exists():
        aside = set_aside_database(path)
        report.repaired.append(f"{DB_NAME}: set aside as {aside.name}")
        report.notes.append("articles without notes that could not be read back come again with "
                            "`marsad fetch` (feeds) or `marsad import` (files), under the same ids")


def restore_database(folder: Path, aside: Path, report: Report) -> None:
    """Put back what can still be read of a set-aside database, then file it away."""
    salvage = read_damaged_database(aside)
    restore_articles(folder, salvage, report, f"still readable in {aside.name}")
    kept = file_away(folder, aside)
    report.repaired.append(f"{DB_NAME}: the damaged copy is kept as {kept.relative_to(folder)}")


def set_aside_database(path: Path) -> Path:
    aside = set_aside(path)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(path) + suffix)
        if extra.exists():
            extra.replace(Path(str(aside) + suffix))
    return aside


def restore_articles(folder: Path, articles: list[Article], report: Report, source: str = "kept") -> None:
    """Put articles back under their own ids (so notes stay attached); skip those present."""
    from tui.store.articles import insert_article
    from tui.store.library import Store

    store = Store(folder)
    try:
        with store.db.write() as conn:
            have = {r[0] for r in conn.execute("SELECT id FROM articles")}
            added = 0
            for art in articles:
                if art.id and art.id not in have:
                    insert_article(conn, art)
                    have.add(art.id)
                    added += 1
        store.sync_notes(force=True)
    finally:
        store.close()
    if added:
        report.repaired.append(f"{DB_NAME}: {added} article(s) {source} put back under their own ids")


def reanchor_orphans(folder: Path, report: Report) -> None:
    """Find orphaned highlights again by their quote, now that their article may be back."""
    from tui.anchoring import reanchor
    from tui.store.library import Store

    store = Store(folder)
    try:
        fixed = 0
        for ann in store.all_annotations():
            if not ann.orphaned:
                continue
            art = store.get_article(ann.article_id)
            if art is None:
                continue
            reanchor(art.body, ann)
            if not ann.orphaned:
                store.save_annotation(ann)
                fixed += 1
    finally:
        store.close()
    if fixed:
        report.repaired.append(f"annotations/: {fixed} orphaned highlight(s) found again in their article")


def repair(folder: Path) -> Report:
    """Repair what can be repaired, then check again; returns the final report."""
    before = check(folder)
    done = Report()
    for problem in before.problems:
        path = folder / problem.file
        if problem.file.endswith(".json") and problem.repairable and path.is_file() and "set aside" not in problem.what:
            repair_json(folder, path, done)
        elif problem.file == SETTINGS and problem.repairable:
            repair_settings(folder, done)
    for path in remove_stale_temps(folder):
        done.repaired.append(f"{path.relative_to(folder)}: unfinished save of a crashed process removed")
    try:
        if any(p.file == DB_NAME and p.repairable and "set aside" not in p.what for p in before.problems):
            repair_database(folder, done)
        for aside in set_aside_files(folder):
            if aside.suffix == ".json":
                restore_json(folder, aside, done)
            else:
                restore_database(folder, aside, done)
        if missing_articles(folder):
            restore_articles(folder, kept_articles(folder), done, "kept in backups/articles")
        for aside in set_aside_files(folder):  # opening the store may have set one aside
            if aside.suffix != ".json":
                restore_database(folder, aside, done)
        reanchor_orphans(folder, done)
    except StoreError as exc:
        done.notes.append(f"could not finish the repair: {exc}")
    after = check(folder)
    after.repaired = done.repaired
    after.notes = [*done.notes, *after.notes]
    return after
