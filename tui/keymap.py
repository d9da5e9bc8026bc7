"""The ``[keymap]`` table of settings.toml: binding id -> keys.

Every user-facing binding has an id ``<where>.<what>``: ``main.search``,
``reader.page-down``, ``list.down``, ``entities.rename``, ``feeds.add``,
``app.focus-next`` (the help screen and README list them). Ids written
before this scheme (``search``, ``feeds-add``, ``reader.page_down``) still
work, and TOML's dotted keys are accepted too, so both of these rebind
search::

    [keymap]
    "main.search" = "ctrl+f"
    main.search = "ctrl+f"      # a dotted key: TOML reads it as a nested table
"""

from __future__ import annotations

from collections.abc import Mapping

MAIN = ("search", "entities", "filter", "select", "highlight", "tag", "note", "export", "next-hit", "prev-hit",
        "toggle-read", "refresh", "feeds", "delete", "undo", "open-url", "toggle-left", "toggle-right", "bidi",
        "flip-direction", "theme", "help", "quit")
LEGACY: dict[str, str] = {name: f"main.{name}" for name in MAIN}
LEGACY.update({"focus-next": "app.focus-next", "focus-previous": "app.focus-previous"})
LEGACY.update({f"feeds-{name}": f"feeds.{name}"
               for name in ("refresh-all", "refresh-one", "add", "remove", "back", "help")})


def normalise_keymap(raw: Mapping[str, object], problems: list[str] | None = None) -> dict[str, str]:
    """Binding id -> keys, with nested tables flattened and old ids mapped to the current ones."""
    keymap: dict[str, str] = {}
    for key, value in _flatten(raw):
        if not isinstance(value, str) or not value.strip():
            if problems is not None:
                problems.append(f"keymap: {key} needs keys as a string, e.g. {key} = \"ctrl+f\"")
            continue
        keymap[canonical_id(key)] = value.strip()
    return keymap


def canonical_id(binding_id: str) -> str:
    """``search`` -> ``main.search``; ``reader.page_down`` -> ``reader.page-down``."""
    binding_id = binding_id.strip()
    if binding_id in LEGACY:
        return LEGACY[binding_id]
    return binding_id.replace("_", "-")


def _flatten(table: Mapping[str, object], prefix: str = "") -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            items.extend(_flatten(value, name + "."))
        else:
            items.append((name, value))
    return items
