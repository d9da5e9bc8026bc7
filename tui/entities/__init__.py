"""Entity extraction: who and what an article mentions.

Pure logic (never imports Textual). The public surface::

    extract(text, language=None) -> list[Mention]   # default engine
    group(mentions) -> list[Entity]                 # merge spellings, by salience
    entities(text, language=None) -> list[Entity]   # both, in one call
    read_names(text, language=None) -> (entities, error)  # the same, never raising (the app, exports, stories)
    Corrections(...).apply(entities, text=None)     # analysts' fixes
    Engine                                          # protocol for other engines
    get_engine(name="model")                        # "model" (default), "rules" or "camel" (if installed)

Importing this package (or any of its modules: ``tui.entities.cache``,
``tui.entities.corrections``, ...) does not load the engine: its rules and
word lists (~30-60 ms of imports) are loaded on the first extraction, so
the app paints its first screen without them (issue #13). The names above
resolve on first use through the module's ``__getattr__`` (PEP 562).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.entities.corrections import Corrections
    from tui.entities.engine import Engine, RuleEngine
    from tui.entities.grouping import group
    from tui.models import Entity, Mention

__all__ = ["Corrections", "Engine", "RuleEngine", "extract", "group", "entities", "get_engine", "read_names"]

_LAZY = {
    "Corrections": "tui.entities.corrections",
    "Engine": "tui.entities.engine",
    "RuleEngine": "tui.entities.engine",
    "group": "tui.entities.grouping",
}


def __getattr__(name: str) -> Any:
    """``Corrections``, ``Engine``, ``RuleEngine``, ``group``: imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


# The engine used when none is named: the rules rescored by the statistical layer (tui/entities/model.py),
# which beat the rules alone in leave-one-batch-out cross-validation (docs/entities.md).
DEFAULT_ENGINE = "model"


@lru_cache(maxsize=4)
def get_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine called ``name``: "model" (rules + linear model, the default), "rules" (the rules
    alone) or "camel" (falls back to the default when CAMeL Tools is absent)."""
    if name == "camel":
        from tui.entities.camel import camel_engine

        engine = camel_engine()
        if engine is not None:
            return engine
        name = DEFAULT_ENGINE
    if name == "model":
        from tui.entities.model import ModelEngine

        return ModelEngine()
    from tui.entities.engine import RuleEngine

    return RuleEngine()


def extract(text: str, language: str | None = None) -> list[Mention]:
    """Mentions found by the default engine, in text order."""
    return get_engine().extract(text, language)


def entities(text: str, language: str | None = None) -> list[Entity]:
    """Entities of ``text``, most salient first."""
    from tui.entities.grouping import group

    return group(extract(text, language))


def read_names(text: str, language: str | None = None) -> tuple[list[Entity], str]:
    """:func:`entities` and "", or none and the error: a bug of the rules or tables on one article must not
    close the app, stop an export or a story pass over the library (session 12's fresh blind batch had an
    article the engine raised on). Callers store nothing for a failed article, so a fixed engine reads it."""
    try:
        return entities(text, language), ""
    except Exception as exc:  # any bug of the rules or tables: the article stays readable, without names
        return [], f"{type(exc).__name__}: {exc}"
