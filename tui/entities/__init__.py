"""Entity extraction: who and what an article mentions.

Pure logic (never imports Textual). The public surface::

    extract(text, language=None) -> list[Mention]   # default engine
    group(mentions) -> list[Entity]                 # merge spellings, by salience
    entities(text, language=None) -> list[Entity]   # both, in one call
    Corrections(...).apply(entities, text=None)     # analysts' fixes
    Engine                                          # protocol for other engines
    get_engine(name="rules")                        # "rules" or "camel" (if installed)
"""

from __future__ import annotations

from functools import lru_cache

from tui.entities.corrections import Corrections
from tui.entities.engine import Engine, RuleEngine
from tui.entities.grouping import group
from tui.models import Entity, Mention

__all__ = ["Corrections", "Engine", "RuleEngine", "extract", "group", "entities", "get_engine"]


@lru_cache(maxsize=4)
def get_engine(name: str = "rules") -> Engine:
    """The engine called ``name``; "camel" falls back to rules when CAMeL Tools is absent."""
    if name == "camel":
        from tui.entities.camel import camel_engine

        engine = camel_engine()
        if engine is not None:
            return engine
    return RuleEngine()


def extract(text: str, language: str | None = None) -> list[Mention]:
    """Mentions found by the default engine, in text order."""
    return get_engine().extract(text, language)


def entities(text: str, language: str | None = None) -> list[Entity]:
    """Entities of ``text``, most salient first."""
    return group(extract(text, language))
