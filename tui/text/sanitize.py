"""Make untrusted text (feeds, web pages, files) safe to draw in a terminal.

Why: article text reaches a terminal. An ESC sequence would restyle or move
the cursor, set the window title (OSC 0/2), write the clipboard (OSC 52) or
plant a hyperlink (OSC 8); a stray CR overwrites what was drawn; a TAB is 0
cells for Rich but 8 for the terminal, so the layout would drift. Everything
here keeps the text's meaning otherwise.

Two entry points, for two moments:

- :func:`sanitize` at the door (ingest): escape sequences and controls gone,
  line breaks unified to ``\\n``, tabs expanded, NFC. What the store keeps.
- :func:`terminal_safe` at every output (CLI lines, export, app labels): the
  same removal of sequences and controls, but nothing else changes (no NFC,
  tabs kept when asked: they separate CLI columns). Text that is already
  clean comes back unchanged after one regex scan, so calling it on data the
  door already cleaned costs little.

Bidi controls, decided per kind (see docs/security.md):

- The overrides LRO/RLO (U+202D/U+202E) force a run of letters to be drawn
  reversed: that is how text is made to say something other than what it
  stores ("Trojan Source"). They are replaced by a visible placeholder
  (``‹RLO›``) rather than dropped, so the reader sees that something was there.
- Marks (LRM/RLM/ALM), isolates (LRI/RLI/FSI/PDI), embeddings (LRE/RLE) and
  PDF are kept: Arabic, Persian and Hebrew text uses them legitimately to
  keep numbers, names and quotes in order, the rtl engine honours them, and
  none of them reverses the order of strong letters. ZWNJ/ZWJ stay too
  (Persian joining, emoji sequences).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["OVERRIDE_PLACEHOLDERS", "has_unsafe", "sanitize", "sanitize_inline", "terminal_safe",
           "visible_controls"]

# 7-bit escape sequences: CSI, OSC (ended by BEL or ST), and DCS/SOS/PM/APC
# strings (ended by ST), then any other two-byte ESC sequence.
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_OSC = re.compile(r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)")
_STRINGS = re.compile(r"\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)")
_OTHER_ESC = re.compile(r"\x1b[ -/]*[0-~]?")
# A string without its terminator is not removed whole (that would eat the
# rest of an article); its introducer goes with the other controls. The
# classes stop at the next introducer, so a file of many introducers is
# still scanned in linear time.
# The same as single C1 characters (U+009B is CSI, U+009D OSC, U+0090 DCS...):
# remove their parameters too, not only the introducer.
_C1_CSI = re.compile(r"\x9b[0-?]*[ -/]*[@-~]?")
_C1_STRINGS = re.compile(r"[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)")
# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: paragraph breaks.
_PARA_BREAKS = re.compile("[\u0085\u2028\u2029]")
# C0 (but not \n or \t), DEL, C1, lone surrogates, non-characters FFFE/FFFF,
# soft hyphen (Rich counts 1 cell, terminals draw nothing) and stray BOMs.
_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u00ad\ufeff]")
_DROP_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TAB_WIDTH = 8

OVERRIDE_PLACEHOLDERS = {"\u202d": "\u2039LRO\u203a", "\u202e": "\u2039RLO\u203a"}
_OVERRIDES = re.compile("[\u202d\u202e]")
# Anything :func:`terminal_safe` would change (tabs only when not kept).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202d\u202e]")
_UNSAFE_OR_TAB = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202d\u202e]")


def _expand_tabs(text: str) -> str:
    """Tabs to spaces per line: Rich measures TAB as 0 cells, terminals as up to 8."""
    if "\t" not in text:
        return text
    return "\n".join(line.expandtabs(_TAB_WIDTH) for line in text.split("\n"))


def _strip_sequences(text: str) -> str:
    """Remove whole escape sequences, so their parameters do not survive as text."""
    if "\x1b" in text:
        text = _OSC.sub("", text)
        text = _CSI.sub("", text)
        text = _STRINGS.sub("", text)
        text = _OTHER_ESC.sub("", text)
    if "\x9b" in text:
        text = _C1_CSI.sub("", text)
    return _C1_STRINGS.sub("", text)


def _show_overrides(text: str) -> str:
    return _OVERRIDES.sub(lambda m: OVERRIDE_PLACEHOLDERS[m.group(0)], text)


def sanitize(text: str, keep_overrides: bool = False) -> str:
    """Return ``text`` with escapes and controls removed, newlines unified, NFC.

    Order matters: escape sequences go first (their parameters would otherwise
    survive as text), then line breaks are unified (CR and NEL are controls
    too), then the remaining controls are dropped, then tabs expanded.

    ``keep_overrides`` keeps LRO/RLO for a caller that lays the text out with
    the rtl engine and never prints them: ``marsad render`` of a file the
    user names shows it as UAX #9 orders it. The ingest door never keeps them.
    """
    if not text:
        return ""
    text = _strip_sequences(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text = _PARA_BREAKS.sub("\n\n", text)
    text = _DROP.sub("", text)
    if not keep_overrides:
        text = _show_overrides(text)
    text = _expand_tabs(text)
    return unicodedata.normalize("NFC", text)


def sanitize_inline(text: str) -> str:
    """One line of untrusted text (a URL, a language code, a file name): no line breaks."""
    text = sanitize(text)
    return " ".join(text.split("\n")).strip() if "\n" in text else text.strip()


def has_unsafe(text: str, keep_tabs: bool = False) -> bool:
    """Whether :func:`terminal_safe` would change ``text``."""
    return (_UNSAFE if keep_tabs else _UNSAFE_OR_TAB).search(text) is not None


def terminal_safe(text: str, keep_tabs: bool = False) -> str:
    """``text`` with nothing a terminal would act on: the guard at every output.

    Escape sequences (7-bit and C1) and every C0/C1 control but ``\\n`` are
    removed (CR becomes ``\\n``); tabs are expanded unless ``keep_tabs`` (CLI
    columns); LRO/RLO are shown as placeholders. Clean text is returned as is.
    """
    if not text or not has_unsafe(text, keep_tabs):
        return text
    text = _strip_sequences(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROP_OUTPUT.sub("", text)
    text = _show_overrides(text)
    return text if keep_tabs else _expand_tabs(text)


# One character for one: C0 controls as their Control Pictures (ESC as U+241B),
# DEL as U+2421, C1 controls, lone surrogates and LRO/RLO as U+FFFD.
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE.update({0x7F: 0x2421, 0x202D: 0xFFFD, 0x202E: 0xFFFD})
_VISIBLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
# The same, for text the rtl engine orders itself: LRO/RLO are consumed by
# bidi resolution and never drawn, so they stay (UAX #9 X4/X5).
_VISIBLE_KEEP_OVERRIDES = {k: v for k, v in _VISIBLE.items() if k not in (0x202D, 0x202E)}
_SURROGATE = re.compile("[\ud800-\udfff]")


def visible_controls(text: str, keep_overrides: bool = False) -> str:
    """``text`` with every terminal-active character replaced by a visible one, same length.

    The draw-time guard of the app's text engine (tui.rtl): the store holds
    sanitised text, so this is the identity there; for anything else (a
    library written by an older release) the length is kept, so logical
    offsets of highlights and search hits still line up.
    """
    if not text or not has_unsafe(text, keep_tabs=True):
        return text
    table = _VISIBLE_KEEP_OVERRIDES if keep_overrides else _VISIBLE
    return _SURROGATE.sub("\ufffd", text.translate(table))
