"""``marsad fetch``: fetch every feed now, with a progress bar and a summary table.

Exit status: 0 when every feed answered; 1 when any failed (the summary line
says how many, the table which and why), so a cron job or script notices a
dead feed. What the working feeds brought is saved either way. Progress and
the table go to stderr, so scripts can still read stdout.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from tui.commands.output import emit, safe_cell, terminal_cell
from tui.config import load_config
from tui.ingest.fetch import FetchProgress, FetchReport, fetch_all_sync
from tui.ingest.textclean import clean_inline
from tui.store import Store
from tui.stories.watch import fetch_report, library_ids


def run(args: argparse.Namespace) -> int:
    overrides = {"concurrency": args.concurrency} if getattr(args, "concurrency", None) else {}
    config = load_config(args.library, **overrides)
    store = Store(config.library, set_aside_damaged=False)
    try:
        feeds = store.feeds()
        if not feeds:
            emit("no feeds to fetch: add one with `marsad feeds add URL`", err=True)
            return 0
        console = Console(stderr=True, highlight=False)
        before = library_ids(store)
        reports = _fetch_with_progress(store, config, console, force=args.force, full_text=args.full_text)
        watched = fetch_report(store, before)
    finally:
        store.close()
    console.print(summary_table(reports))
    failed = sum(r.failed for r in reports)
    added = sum(r.added for r in reports)
    console.print(Text(f"{len(reports)} feeds, {added} new articles, {failed} errors"))
    for line in watched:  # what is new about watched entities: the result, so on stdout
        emit(line)
    if failed:
        emit(f"marsad: {failed} of {len(reports)} feeds failed (see the table above)", err=True)
    return 1 if failed else 0


def _fetch_with_progress(store: Store, config, console: Console, force: bool,
                         full_text: bool) -> list[FetchReport]:
    columns = (TextColumn("fetching"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[added]} new, {task.fields[errors]} errors"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("feeds", total=None, added=0, errors=0)

        def on_progress(p: FetchProgress) -> None:
            bar.update(task, total=p.total, completed=p.done, added=p.added, errors=p.errors)

        return fetch_all_sync(store, config, progress=on_progress, force=force, full_text=full_text)


def summary_table(reports: list[FetchReport]) -> Table:
    table = Table(title="fetch", title_justify="left", show_edge=False)
    table.add_column("feed")
    table.add_column("status")
    table.add_column("items", justify="right")
    table.add_column("new", justify="right")
    table.add_column("updated", justify="right")
    table.add_column("error")
    for r in reports:
        style = "red" if r.failed else ("dim" if r.status in ("not-modified", "fresh") else "")
        table.add_row(Text(terminal_cell(safe_cell(clean_inline(r.name))[:50], sys.stderr)), Text(safe_cell(r.status), style=style),
                      str(r.items), str(r.added), str(r.updated),
                      Text(terminal_cell(safe_cell(r.error)[:80], sys.stderr), style="red"))
    return table
