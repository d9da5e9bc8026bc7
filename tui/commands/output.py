"""The one terminal-safe print path of every CLI command.

Why one module: what the CLI prints comes from feeds, pages and files (titles,
URLs, feed names, file names, server error messages). Printed raw, an ESC or
C1 sequence in any of them would act on the user's terminal: set the window
title, write the clipboard (OSC 52), plant hyperlinks (OSC 8), move the
cursor. The store already holds sanitised text (see docs/security.md), but a
library written by an older release, an error message quoting a file name,
or a future field must not get through either, so every line goes through
:func:`tui.text.sanitize.terminal_safe` here, at the last moment.

- :func:`emit` one line; :func:`emit_table` tab-separated rows (a cell never
  holds a tab or newline, so columns stay columns); :func:`emit_text` a
  whole document (Markdown export); :func:`emit_json` JSON with every
  character a terminal might act on written as a ``\\uXXXX`` escape, so the
  data round-trips exactly; :func:`error` the one-line ``marsad: ...`` message.
- :func:`safe_cell` for the few places that build Rich renderables
  (``marsad fetch``'s table): pass the result inside ``rich.text.Text``,
  never as markup.

Lines meant for a terminal are the place for bidi layout of RTL text
(:func:`_for_terminal`); pipes and JSON keep logical order.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from tui.text.sanitize import terminal_safe

__all__ = ["emit", "emit_json", "emit_table", "emit_text", "error", "json_text", "safe_cell", "safe_document"]

# In JSON text these can only occur inside strings, so escaping them keeps the
# document valid and the data exact: DEL and C1 (json leaves them raw with
# ensure_ascii=False), lone surrogates (unencodable), LRO/RLO, LS/PS.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u202d\u202e\u2028\u2029]")


def _stream(err: bool) -> TextIO:
    return sys.stderr if err else sys.stdout


def _for_terminal(line: str, stream: TextIO) -> str:
    """The hook for laying out RTL lines when ``stream`` is a terminal (identity for now)."""
    return line


def safe_cell(value: object) -> str:
    """One table cell: terminal-safe, on one line, without tabs."""
    text = terminal_safe(str(value))
    if "\n" in text or "\t" in text:
        text = " ".join(text.replace("\t", " ").split("\n"))
    return text


def emit(line: str = "", *, err: bool = False) -> None:
    """Print one line (tabs kept: they separate columns)."""
    stream = _stream(err)
    stream.write(_for_terminal(terminal_safe(line, keep_tabs=True), stream) + "\n")


def emit_table(rows: Iterable[Sequence[object]], *, err: bool = False) -> None:
    """Print rows as tab-separated lines; each cell made safe on its own."""
    stream = _stream(err)
    for row in rows:
        stream.write(_for_terminal("\t".join(safe_cell(c) for c in row), stream) + "\n")


def emit_text(text: str, *, err: bool = False) -> None:
    """Print a whole document (Markdown, OPML) as it is, minus anything a terminal acts on."""
    stream = _stream(err)
    stream.write(terminal_safe(text, keep_tabs=True))
    stream.flush()


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON (UTF-8, not ASCII-escaped) with terminal-active characters escaped."""
    return safe_document(json.dumps(data, ensure_ascii=False, indent=indent), "json")


def safe_document(text: str, fmt: str = "md") -> str:
    """A whole export made safe for a terminal: JSON losslessly (escapes), other text by removal."""
    if fmt == "json":
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return terminal_safe(text, keep_tabs=True)


def emit_json(data: Any, *, indent: int | None = 2) -> None:
    sys.stdout.write(json_text(data, indent) + "\n")


def error(message: str) -> None:
    """The one-line error every command ends with: ``marsad: message`` on stderr."""
    sys.stderr.write("marsad: " + safe_cell(message) + "\n")
