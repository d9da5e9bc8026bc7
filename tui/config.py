"""Settings (a TOML file in the library folder) and where things live.

Precedence, lowest to highest: built-in defaults, ``settings.toml`` in the
library folder, environment (``MARSAD_HOME``, ``MARSAD_BIDI``,
``MARSAD_THEME``), then command-line flags. Settings are written back only
for choices the user makes in the app (bidi mode, theme, saved views), so a
hand-edited file keeps its other keys.
"""

from __future__ import annotations

import os
import tomllib
from datetime import datetime
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

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
    auto_refresh_minutes: int = 0
    saved_views: dict[str, dict[str, Any]] = field(default_factory=dict)
    left_pane: bool = True
    right_pane: bool = True
    warnings: list[str] = field(default_factory=list)

    @property
    def settings_path(self) -> Path:
        return self.library / "settings.toml"


_FILE_KEYS = {"bidi", "theme", "keymap", "concurrency", "fetch_timeout", "max_response_bytes",
              "auto_refresh_minutes", "saved_views", "left_pane", "right_pane"}


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


def save_setting(config: Config, key: str, value: Any) -> None:
    """Persist one user choice, keeping the file's other keys."""
    problems: list[str] = []
    data = read_settings(config.settings_path, problems)
    if problems:  # never overwrite a file the user broke by hand: keep it aside
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(config.settings_path, config.settings_path.with_name(f"settings.broken-{stamp}.toml"))
    data[key] = value
    setattr(config, key, value)
    config.library.mkdir(parents=True, exist_ok=True)
    tmp = config.settings_path.with_suffix(".tmp")
    tmp.write_text(_to_toml(data), encoding="utf-8")
    os.replace(tmp, config.settings_path)


def _to_toml(data: dict[str, Any]) -> str:
    """A small TOML writer for our flat settings plus one level of tables."""
    plain = {k: v for k, v in data.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    lines = [f"{k} = {_toml_value(v)}" for k, v in plain.items()]
    for name, table in tables.items():
        lines.append(f"\n[{name}]")
        for k, v in table.items():
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
    return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() and key.isascii() else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'
