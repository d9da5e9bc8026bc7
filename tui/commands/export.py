"""``marsad export [--out FILE|DIR] [--tag T] [--article ID] [--story ID] [--format md|json]`` (DESIGN contract 6).

``--out`` naming an existing folder (an Obsidian vault, say) writes one
Markdown note per article there, each with its own YAML front matter;
a file name writes the whole export as one document. ``--story ID`` writes
the brief of one story (see :mod:`tui.stories.brief`).
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from tui.commands.output import emit, emit_text, safe_document
from tui.config import load_config
from tui.errors import InputError
from tui.export import ExportOptions, entity_links, export_text, select, split_markdown
from tui.store import Store, atomic_write


def run(args: argparse.Namespace) -> int:
    """Write the export to stdout, or atomically to ``--out``."""
    config = load_config(getattr(args, "library", None))
    if not config.library.exists():
        raise InputError(f"no library at {config.library}")
    out = Path(args.out).expanduser() if args.out else None
    # a story brief clusters what is new and saves that (derived data only)
    store = Store(config.library, readonly=not getattr(args, "story", None))
    try:
        options = ExportOptions(wikilinks=args.wikilinks)
        if getattr(args, "story", None):
            if (args.format or "md") != "md":
                raise InputError("a story brief is Markdown; drop --format json")
            from tui.stories.brief import story_brief

            files = {"": story_brief(store, args.story, options)}
        elif out is not None and out.is_dir() and (args.format or "md") == "md":
            sections = select(store, tag=args.tag or None, article_id=args.article or None)
            names = entity_links(store, [art for art, _ in sections])
            files = split_markdown(sections, ExportOptions(wikilinks=args.wikilinks, entities=names))
        else:
            files = {"": export_text(store, fmt=args.format or "md", tag=args.tag or None,
                                     article_id=args.article or None, options=options,
                                     entities=partial(entity_links, store))}
    finally:
        store.close()
    fmt = args.format or "md"
    if out is None:
        emit_text(safe_document(files[""], fmt))
        return 0
    if out.is_dir() and "" in files:
        raise InputError(f"{args.out} is a folder; give a file name")
    try:
        for name, text in files.items():  # a file gets `cat` too: made safe like stdout
            atomic_write(out / name if name else out, safe_document(text, fmt))
    except OSError as exc:
        raise InputError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    emit(f"Wrote {len(files)} notes to {out}" if out.is_dir() else f"Wrote {out}", err=True)
    return 0
