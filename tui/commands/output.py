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

Lines meant for a terminal get the bidi layout of RTL text (:func:`_for_terminal`,
:func:`terminal_cell` for Rich tables): when stdout is a terminal and the
mode (``--bidi`` / ``MARSAD_BIDI``) is ``app``, RTL columns are shaped and
drawn in visual order with the reader's engine; pipes, files and JSON keep
logical order.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from tui.text.sanitize import terminal_safe

__all__ = ["bidi_mode", "emit", "emit_json", "emit_table", "emit_text", "error", "json_text", "safe_cell",
           "safe_document", "set_bidi_mode", "terminal_cell", "visual_cell"]

# In JSON text these can only occur inside strings, so escaping them keeps the
# document valid and the data exact: DEL and C1 (json leaves them raw with
# ensure_ascii=False), lone surrogates (unencodable), LRO/RLO, LS/PS.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u202d\u202e\u2028\u2029]")


def _stream(err: bool) -> TextIO:
    return sys.stderr if err else sys.stdout


_MODE: str | None = None
_COLUMNS = re.compile(r"(\t| {2,})")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def set_bidi_mode(mode: str | None) -> None:
    """The bidi mode for terminal output (``--bidi``); None: ``MARSAD_BIDI``, else app."""
    global _MODE
    _MODE = mode


def bidi_mode() -> str:
    mode = _MODE or os.environ.get("MARSAD_BIDI") or "app"
    return mode if mode in ("app", "terminal", "off") else "app"


def to_terminal(err: bool = False) -> bool:
    """Whether stdout (or stderr) is a terminal a person reads, not a pipe or file."""
    return _is_tty(_stream(err))


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def visual_cell(text: str) -> str:
    """One column of terminal output laid out like the reader draws it (app
    mode): shaped, in visual order, its direction by its first strong letter.
    Every space is kept and the cell keeps its width, so columns stay put."""
    if not _RTL.search(text):
        return text
    from tui.rtl.cells import cell_len
    from tui.rtl.editing import edit_rows, line_direction

    width = cell_len(text) + 1
    shape = edit_rows(text, width, line_direction(text), "app")[0].shape
    pad = max(0, width - shape.used)
    drawn = shape.text[pad:] if shape.rtl else shape.text[: len(shape.text) - pad]
    return drawn + " " * max(0, cell_len(text) - cell_len(drawn))


def terminal_cell(text: str, stream: TextIO | None = None) -> str:
    """``text`` as :func:`visual_cell` when ``stream`` (stdout) is a terminal in
    app mode; else unchanged (pipes, files and JSON keep logical order)."""
    stream = stream or sys.stdout
    if bidi_mode() != "app" or not _is_tty(stream) or not _RTL.search(text):
        return text
    return visual_cell(text)


def _for_terminal(line: str, stream: TextIO) -> str:
    """Lay out the RTL text of ``line`` when ``stream`` is a terminal (app mode).

    Columns (split at tabs and at runs of two or more spaces) are laid out
    one by one, so an Arabic title after an id and a score reads right to
    left in its own column while the columns keep their order and width. A
    pipe or a file gets logical text; so does ``--bidi terminal`` (the
    terminal reorders) and ``off``.
    """
    if bidi_mode() != "app" or not _RTL.search(line) or not _is_tty(stream):
        return line
    parts = _COLUMNS.split(line)
    return "".join(p if k % 2 else visual_cell(p) for k, p in enumerate(parts))


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
    """Print rows as tab-separated lines; each cell made safe on its own.

    Whether the stream is a terminal in app mode (RTL columns laid out) is
    asked once, not per row: ``marsad import`` prints 10,000 rows to a pipe,
    and asking per row (the environment, the tty, an RTL search) was 40% of
    printing them.
    """
    stream = _stream(err)
    lay_out = bidi_mode() == "app" and _is_tty(stream)
    for row in rows:
        line = "\t".join(safe_cell(c) for c in row)
        stream.write((_for_terminal(line, stream) if lay_out else line) + "\n")


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
