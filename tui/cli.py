"""Command-line entry point: parses arguments and hands each sub-command to
``tui.commands.<name>.run(args) -> int``.

The sub-commands are the contracts in DESIGN.md; other tools script against
them, so their options are fixed here in one place. Every command turns
expected failures into one line on stderr and a non-zero exit (never a
traceback), through :class:`tui.errors.MarsadError`.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from tui import __version__
from tui.errors import MarsadError

BIDI_MODES = ("app", "terminal", "off")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="A terminal reading room for Arabic, Persian, Hebrew and English news.",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("--library", metavar="DIR", help="library folder (default: $MARSAD_HOME or the user data dir)")
    parser.add_argument("--bidi", choices=BIDI_MODES, help="bidi mode for the app: app, terminal or off")
    parser.add_argument("--theme", help="theme name to start with")
    # --library is accepted after the sub-command too (`marsad export --library DIR`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                        help="library folder (default: $MARSAD_HOME or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("render", parents=[common], help="print a text file as the reader pane draws it")
    p.add_argument("file")
    p.add_argument("--width", type=int, default=80)
    p.add_argument("--bidi", choices=BIDI_MODES, default="app")
    p.add_argument("--lang", help="the article's language (ar, fa, he, en): the direction of paragraphs "
                                  "with no letters of their own; default: the text's word majority")

    p = sub.add_parser("entities", parents=[common], help="list the people, organisations and places in a file")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--lang", help="language hint (ar, fa, he, en)")
    p.add_argument("--engine", choices=("model", "rules", "camel"), default="model",
                   help="model: rules + statistical layer (default); rules: the rules alone; "
                        "camel: CAMeL Tools if installed")

    p = sub.add_parser("export", parents=[common], help="export annotations as Markdown or JSON")
    p.add_argument("--out", metavar="FILE", help="a file, or a folder for one note per article")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--article", metavar="ID")
    p.add_argument("--story", metavar="ID", help="a Markdown brief of one story (ids from `marsad stories`)")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("--wikilinks", action="store_true", help="write entities as [[links]] (Obsidian)")

    p = sub.add_parser("import", parents=[common], help="add local files or web pages to the library")
    p.add_argument("paths", nargs="+", metavar="PATH")

    p = sub.add_parser("feeds", parents=[common], help="manage subscribed feeds")
    feeds = p.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    fa = feeds.add_parser("add", parents=[common], help="subscribe to a feed")
    fa.add_argument("url")
    fa.add_argument("--name")
    fa.add_argument("--tag", action="append", default=[])
    fa.add_argument("--lang")
    feeds.add_parser("list", parents=[common], help="list feeds with their last fetch status")
    fr = feeds.add_parser("remove", parents=[common], help="unsubscribe from a feed")
    fr.add_argument("feed", help="feed id or URL")
    fe = feeds.add_parser("export", parents=[common], help="write the feed list as OPML")
    fe.add_argument("--out", metavar="FILE")

    p = sub.add_parser("fetch", parents=[common], help="fetch all feeds now")
    p.add_argument("--concurrency", type=int, default=None)
    p.add_argument("--force", action="store_true", help="fetch even feeds whose TTL has not passed")
    p.add_argument("--full-text", action="store_true",
                   help="fetch and extract the page of items that carry only a summary")

    p = sub.add_parser("stories", parents=[common], help="list stories: one event across outlets and languages")
    p.add_argument("--json", action="store_true")
    p.add_argument("--since", metavar="DATE", help="only stories active since DATE (YYYY-MM-DD)")
    p.add_argument("--min-languages", type=int, default=1, metavar="N", help="only stories in at least N languages")
    p.add_argument("--lang", default="en", choices=("en", "ar", "fa", "he"), help="language of the labels")

    p = sub.add_parser("watch", parents=[common], help="watch entities: fetch tells what is new about them")
    watch = p.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    wa = watch.add_parser("add", parents=[common], help="watch an entity (a name in any script, or an id)")
    wa.add_argument("entity", nargs="+")
    watch.add_parser("list", parents=[common], help="list watched entities with their latest articles")
    wr = watch.add_parser("remove", parents=[common], help="stop watching an entity")
    wr.add_argument("entity", nargs="+")

    p = sub.add_parser("doctor", parents=[common], help="check the library and repair what can be repaired")
    p.add_argument("--repair", action="store_true", help="repair without asking (damaged files are set aside)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name = args.command or "app"
    if name != "render":  # render's --bidi is its own layout; others: terminal output
        from tui.commands.output import set_bidi_mode

        set_bidi_mode(getattr(args, "bidi", None))
    try:
        module = importlib.import_module(f"tui.commands.{name}")
        return int(module.run(args) or 0)
    except MarsadError as exc:
        from tui.commands.output import error

        error(str(exc))  # messages quote file names and URLs: terminal-safe
        return exc.exit_code
    except sqlite3.DatabaseError as exc:  # found damaged while reading, after it opened
        from tui.commands.output import error

        error(f"the article database is damaged ({exc}); run `marsad doctor --repair` (your notes are kept)")
        return 1
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
