"""Settings (a TOML file in the library folder) and where things live.

Precedence, lowest to highest: built-in defaults, ``settings.toml`` in the
library folder, environment (``MARSAD_HOME``, ``MARSAD_BIDI``,
``MARSAD_THEME``), then command-line flags. Settings are written back only
for choices the user makes in the app (bidi mode, theme, saved views), and
edited in place with tomlkit, so a hand-edited file keeps its other keys and
its comments.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import MutableMapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir

if TYPE_CHECKING:
    import tomlkit

PACKAGE_DIR = Path(__file__).resolve().parent
BIDI_MODES = ("app", "terminal", "off")


def _resource_dir(name: str) -> Path:
    """``themes/`` or ``data/``: beside the package in a checkout, inside it in a wheel."""
    beside = PACKAGE_DIR.parent / name
    return beside if beside.is_dir() else PACKAGE_DIR / f"_{name}"


THEMES_DIR = _resource_dir("themes")
DATA_DIR = _resource_dir("data")
SAMPLES_DIR = DATA_DIR / "samples"


def default_library() -> Path:
    env = os.environ.get("MARSAD_HOME")
    return Path(env).expanduser() if env else Path(user_data_dir("marsad", appauthor=False))


@dataclass
class Config:
    """Everything the app and the commands need to know before they start."""

    library: Path = field(default_factory=default_library)
    bidi: str = "app"
    theme: str = "marsad-dark"
    themes_dir: Path = THEMES_DIR
    seed_samples: bool = True
    keymap: dict[str, str] = field(default_factory=dict)
    concurrency: int = 8
    fetch_timeout: float = 20.0
    max_response_bytes: int = 10 * 1024 * 1024
    # Limits (docs/reliability.md): one fetch run downloads at most this in
    # all (tui.ingest.fetch.MAX_RUN_BYTES), keeps this many items of a feed,
    # and cuts an article body longer than this, saying so in the text.
    max_run_bytes: int = 512 * 1024 * 1024
    max_items_per_feed: int = 1000
    max_article_chars: int = 2_000_000
    # Backups of the analyst's files (tui.store.backups): saved versions kept
    # per file, and days of daily snapshots. Read by the Store itself too.
    backup_versions: int = 5
    backup_days: int = 14
    auto_refresh_minutes: int = 0
    saved_views: dict[str, dict[str, Any]] = field(default_factory=dict)
    left_pane: bool = True
    right_pane: bool = True
    right_pane_width: int = 30
    export_dir: str = ""  # where x writes; empty: exports/ in the library
    warnings: list[str] = field(default_factory=list)

    @property
    def settings_path(self) -> Path:
        return self.library / "settings.toml"


_FILE_KEYS = {"bidi", "theme", "keymap", "concurrency", "fetch_timeout", "max_response_bytes",
              "auto_refresh_minutes", "saved_views", "left_pane", "right_pane", "right_pane_width", "export_dir",
              "max_run_bytes", "max_items_per_feed", "max_article_chars", "backup_versions", "backup_days"}


def load_config(library: str | Path | None = None, **overrides: Any) -> Config:
    """Build a Config from defaults, the settings file, the environment and flags."""
    config = Config(library=Path(library).expanduser() if library else default_library())
    settings = read_settings(config.settings_path, config.warnings)
    known = {f.name for f in fields(Config)}
    for key, value in settings.items():
        if key in _FILE_KEYS and key in known:
            setattr(config, key, value)
    if os.environ.get("MARSAD_BIDI") in BIDI_MODES:
        config.bidi = os.environ["MARSAD_BIDI"]
    if os.environ.get("MARSAD_THEME"):
        config.theme = os.environ["MARSAD_THEME"]
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    if config.bidi not in BIDI_MODES:
        config.bidi = "app"
    return config


def read_settings(path: Path, problems: list[str] | None = None) -> dict[str, Any]:
    """The settings file as a dict; a broken file is reported, not fatal."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        if problems is not None:
            problems.append(f"{path.name} could not be read ({exc}); using the defaults")
        return {}


def save_setting(config: Config, key: str, value: Any) -> str | None:
    """Persist one user choice, editing the file in place.

    The file is the user's: tomlkit keeps its comments, blank lines, key
    order and formatting; only ``key`` changes (a table is updated key by
    key, so comments inside it stay too). A file that does not parse is
    moved aside, never overwritten. Written atomically (temp, fsync,
    rename). The choice always applies for this session; when it cannot be
    saved (read-only library, full disk) the one-line reason is returned
    for the caller to show, instead of an exception.
    """
    import tomlkit  # only when a setting is saved: ~6 ms of imports kept out of the app's start

    from tui.store.backups import keep_version
    from tui.store.files import atomic_write_bytes, os_error_message

    setattr(config, key, value)
    path = config.settings_path
    try:
        doc = _read_document(path)
        _set(doc, key, value)
        config.library.mkdir(parents=True, exist_ok=True)
        raw = tomlkit.dumps(doc).encode("utf-8")
        atomic_write_bytes(path, raw)
    except OSError as exc:
        return f"{key} applies until you quit, but {os_error_message(exc, path)}"
    with contextlib.suppress(OSError):  # saved views are the analyst's work: keep versions
        keep_version(config.library, path, raw, config.backup_versions)
    return None


def _read_document(path: Path) -> tomlkit.TOMLDocument:
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return tomlkit.document()
    except (OSError, TOMLKitError, UnicodeDecodeError):
        # never overwrite a file the user broke by hand: keep it aside
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, path.with_name(f"settings.broken-{stamp}.toml"))
        return tomlkit.document()


def _set(container: MutableMapping[str, Any], key: str, value: Any) -> None:
    """``container[key] = value``, updating an existing table in place rather than replacing it."""
    current = container.get(key)
    if isinstance(value, dict) and isinstance(current, MutableMapping):
        for old in [k for k in current if k not in value]:
            del current[old]
        for k, v in value.items():
            _set(current, k, v)
    elif current != value or key not in container:
        container[key] = value
