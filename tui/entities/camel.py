"""Optional second engine: CAMeL Tools' Arabic NER, only when installed locally.

Never required, never downloads: if ``camel_tools`` or its model data is
missing, :func:`camel_engine` returns None and the rule engine is used. When
present, its PER/ORG/LOC/MISC spans are added to the rule engine's mentions
(rules first: they carry gazetteer ids that merge spellings across scripts).
"""

from __future__ import annotations

from typing import Any

from tui.entities.engine import Engine, RuleEngine
from tui.models import Mention
from tui.text.normalize import normalise, tokenize


class CamelEngine:
    """Rule mentions plus CAMeL NER mentions the rules missed (Arabic only)."""

    def __init__(self, ner: Any, rules: Engine | None = None) -> None:
        self.ner = ner
        self.rules = rules or RuleEngine()

    def extract(self, text: str, language: str | None = None) -> list[Mention]:
        found = self.rules.extract(text, language)
        if language not in (None, "ar"):
            return found
        toks = tokenize(text)
        labels = self.ner.predict_sentence([t.text for t in toks])
        taken = {k for m in found for k in range(m.start, m.end)}
        found += [m for m in _spans(text, toks, labels) if m.start not in taken]
        return sorted(found, key=lambda m: m.start)


def _spans(text: str, toks: list, labels: list[str]) -> list[Mention]:
    """BIO labels -> mentions, ids from the folded words."""
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if not labels[i].startswith("B-"):
            i += 1
            continue
        kind, j = labels[i][2:], i + 1
        while j < len(toks) and labels[j] == f"I-{kind}":
            j += 1
        kind = kind if kind in ("PER", "ORG", "LOC") else "MISC"
        s, e = toks[i].start, toks[j - 1].end
        out.append(Mention(kind, s, e, text[s:e], f"{kind.lower()}:~{normalise(text[s:e])}"))  # type: ignore[arg-type]
        i = j
    return out


def camel_engine() -> CamelEngine | None:
    """A CamelEngine if CAMeL Tools and its NER model are already on this machine."""
    try:
        from camel_tools.ner import NERecognizer

        return CamelEngine(NERecognizer.pretrained())
    except Exception:  # missing package or model data: the rules suffice
        return None
