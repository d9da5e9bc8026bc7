"""First run: seed an empty library with the sample articles in ``data/samples``.

The samples are plain-text files (title line, blank line, paragraphs) with
their metadata in ``sources.toml``, so the first screen a new user sees has
Arabic, Persian, Hebrew, English and mixed articles to try every feature on.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

from tui.config import SAMPLES_DIR
from tui.models import Article
from tui.store import Store, article_id_for


def sample_articles(folder: Path = SAMPLES_DIR) -> list[Article]:
    meta = _read_sources(folder / "sources.toml")
    articles = []
    for path in sorted(folder.glob("*.txt")):
        title, body = split_title(path.read_text(encoding="utf-8"))
        info = meta.get(path.name, {})
        art = Article(
            id="", title=title, body=body, url=info.get("url", ""), source=info.get("source", ""),
            language=info.get("language", ""), published=_utc(info.get("published", "")),
            tags=list(info.get("tags", [])),
        )
        art.id = article_id_for(art.url, "", art.hash)
        articles.append(art)
    return articles


def split_title(text: str) -> tuple[str, str]:
    """First non-empty line is the title; the rest, trimmed, is the body."""
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1:]).strip()
    return "", ""


def seed_library(store: Store, folder: Path = SAMPLES_DIR) -> int:
    added, _ = store.add_articles(sample_articles(folder))
    return len(added)


def _read_sources(path: Path) -> dict[str, dict]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _utc(stamp: str) -> str:
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()
