"""Theme files: ``themes/*.toml``, each one ``textual.theme.Theme``'s fields.

A file maps one-to-one onto the dataclass, with app colours (highlight,
entity types, tags, search hits) in its ``[variables]`` table. Unknown keys
make ``Theme(**data)`` raise, so a typo is reported rather than ignored.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.theme import Theme

# App colours every theme may override; the defaults suit a dark background.
APP_VARIABLES: dict[str, str] = {
    "highlight-bg": "#6b5b1e",
    "search-bg": "#1f5f7a",
    "selection-bg": "#3a4a7a",
    "cursor-bg": "#2d5c8a",
    "entity-per": "#e5a06b",
    "entity-org": "#7fb4e0",
    "entity-loc": "#8fd18b",
    "entity-misc": "#c9a0dc",
    "tag-fg": "#e0c46c",
    "unread-fg": "#ffffff",
}


def load_themes(folder: Path) -> tuple[list[Theme], list[tuple[Path, str]]]:
    """All themes in ``folder``, and the files that failed with why."""
    themes: list[Theme] = []
    failed: list[tuple[Path, str]] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            themes.append(Theme(**data))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
            failed.append((path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    return themes, failed
