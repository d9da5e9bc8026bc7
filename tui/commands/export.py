"""``marsad export [--out FILE] [--tag T] [--article ID] [--format md|json]`` (DESIGN contract 6)."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from tui.config import load_config
from tui.entities.cache import entity_names
from tui.errors import InputError
from tui.export import ExportOptions, export_text
from tui.store import Store, atomic_write


def run(args: argparse.Namespace) -> int:
    """Write the export to stdout, or atomically to ``--out``."""
    config = load_config(getattr(args, "library", None))
    if not config.library.exists():
        raise InputError(f"no library at {config.library}")
    store = Store(config.library, readonly=True)
    try:
        text = export_text(store, fmt=args.format or "md", tag=args.tag or None,
                           article_id=args.article or None, options=ExportOptions(wikilinks=args.wikilinks),
                           entities=partial(entity_names, store))
    finally:
        store.close()
    if not args.out:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise InputError(f"{args.out} is a folder; give a file name")
    try:
        atomic_write(out, text)
    except OSError as exc:
        raise InputError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote {out}", file=sys.stderr)
    return 0
