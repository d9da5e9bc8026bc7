"""``marsad doctor [--repair] [--json]`` (DESIGN contract 9): check the library, repair what can be.

Exit 0 when the library is healthy (after the repair, with ``--repair``),
1 when problems remain. Without ``--repair`` nothing is changed; on a
terminal doctor then asks whether to repair. Nothing the analyst wrote is
ever deleted: damaged files are set aside with a timestamp before anything
replaces them (see :mod:`tui.store.doctor`).
"""

from __future__ import annotations

import argparse
import sys

from tui.commands.output import emit, emit_json
from tui.config import load_config
from tui.errors import InputError
from tui.store.doctor import Report, check, repair


def run(args: argparse.Namespace) -> int:
    folder = load_config(getattr(args, "library", None)).library
    if not folder.is_dir():
        raise InputError(f"no library at {folder}")
    report = check(folder)
    if args.repair or (not report.healthy and not args.json and _ask(report)):
        report = repair(folder)
    if args.json:
        emit_json(report.as_dict())
    else:
        _print(report, repaired=bool(args.repair))
    return 0 if report.healthy else 1


def _ask(report: Report) -> bool:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    for problem in report.problems:
        emit(f"problem: {problem.line()}")
    try:
        answer = input("Repair now? Damaged files are set aside, never deleted. [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _print(report: Report, repaired: bool) -> None:
    emit(f"Checked {len(report.checked)} files of the library.")
    for line in report.repaired:
        emit(f"repaired: {line}")
    for problem in report.problems:
        emit(f"problem: {problem.line()}")
    for note in report.notes:
        emit(f"note: {note}")
    if report.healthy:
        emit("The library is healthy.")
    elif not repaired and any(p.repairable for p in report.problems):
        emit("Run `marsad doctor --repair` to repair what can be repaired (nothing you wrote is deleted).")
