"""Make untrusted text (feeds, web pages, files) safe to draw in a terminal.

Why: article text reaches a terminal. An ESC sequence would restyle or move
the cursor, a stray CR overwrites what was drawn, a TAB is 0 cells for Rich
but 8 for the terminal, so the layout would drift. Everything here keeps the
text's meaning: ZWNJ/ZWJ (Persian joining, emoji) and bidi controls stay, since
they carry ordering information; the layout drops them only from what it draws.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["sanitize"]

_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_OTHER_ESC = re.compile(r"\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[ -/]*[0-~]?")
# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: paragraph breaks.
_PARA_BREAKS = re.compile("[\u0085\u2028\u2029]")
# C0 (but not \n or \t), DEL, C1, lone surrogates, non-characters FFFE/FFFF,
# soft hyphen (Rich counts 1 cell, terminals draw nothing) and stray BOMs.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u00ad\ufeff]")
_TAB_WIDTH = 8


def _expand_tabs(text: str) -> str:
    """Tabs to spaces per line: Rich measures TAB as 0 cells, terminals as up to 8."""
    if "\t" not in text:
        return text
    return "\n".join(line.expandtabs(_TAB_WIDTH) for line in text.split("\n"))


def sanitize(text: str) -> str:
    """Return ``text`` with escapes and controls removed, newlines unified, NFC.

    Order matters: escape sequences go first (their parameters would otherwise
    survive as text), then line breaks are unified (CR and NEL are controls
    too), then the remaining controls are dropped, then tabs expanded.
    """
    if not text:
        return ""
    text = _OSC.sub("", text)
    text = _CSI.sub("", text)
    text = _OTHER_ESC.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text = _PARA_BREAKS.sub("\n\n", text)
    text = _DROP.sub("", text)
    text = _expand_tabs(text)
    return unicodedata.normalize("NFC", text)
