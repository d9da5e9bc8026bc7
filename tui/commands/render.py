"""``marsad render FILE --width N --bidi MODE``: print a file as the reader draws it."""

from __future__ import annotations

import sys

from tui.errors import InputError
from tui.ingest.textfile import read_text_file
from tui.rtl.render import render_text
from tui.text.sanitize import sanitize

MAX_BYTES = 50 * 1024 * 1024


def run(args) -> int:
    width = args.width
    if width is None or width < 1:
        raise InputError(f"--width must be at least 1 (got {width})")
    if width > 10000:
        raise InputError(f"--width must be at most 10000 (got {width})")
    text = sanitize(read_text_file(args.file, MAX_BYTES), keep_overrides=True)
    out = render_text(text, width, getattr(args, "bidi", None) or "app", getattr(args, "lang", None))
    sys.stdout.write(out)  # sanitised above; render's layout is its own contract (DESIGN 4)
    sys.stdout.flush()
    return 0
