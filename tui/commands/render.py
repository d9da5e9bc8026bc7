"""``marsad render FILE --width N --bidi MODE``: print a file as the reader draws it."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.errors import InputError
from tui.rtl.render import render_text
from tui.text.sanitize import sanitize

MAX_BYTES = 50 * 1024 * 1024


def read_text_file(path: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1256 (common for Arabic files)."""
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(f"{path}: no such file")
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, not text")
    return data.decode("cp1256", errors="replace")


def run(args) -> int:
    width = args.width
    if width is None or width < 1:
        raise InputError(f"--width must be at least 1 (got {width})")
    if width > 10000:
        raise InputError(f"--width must be at most 10000 (got {width})")
    text = sanitize(read_text_file(args.file))
    out = render_text(text, width, getattr(args, "bidi", None) or "app")
    sys.stdout.write(out)
    sys.stdout.flush()
    return 0
