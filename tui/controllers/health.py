"""The library's health as the app shows it: the cheap check at start, and doctor.

At start the app runs the quick part of ``marsad doctor`` (every analyst
file parses, no files waiting to be restored, no leftover temp files, the
article database looks like one) off the UI thread, after first paint, and
says so only when something is wrong, offering the repair (command palette:
"Repair the library"). The repair is the same as ``marsad doctor --repair``.
Plain logic: the screen runs the workers and shows the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.store.doctor import Report, check, repair

OFFER = "ctrl+p → “Repair the library”, or run `marsad doctor --repair`"


@dataclass
class Notice:
    """What the screen should notify: text and Textual severity."""

    text: str
    severity: str = "warning"


class HealthController:
    """Remembers the last check and turns reports into notices."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.last: Report | None = None
        self.repairing = False

    def quick_check(self) -> Report:
        """Cheap enough for every start (no full integrity check of the database)."""
        return check(self.folder, quick=True)

    def repair(self) -> Report:
        return repair(self.folder)

    def checked(self, report: Report) -> Notice | None:
        """A notice when the start-up check found problems, else None."""
        self.last = report
        if report.healthy:
            return None
        first = report.problems[0].line()
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        return Notice(f"The library needs a repair: {first}{more}. {OFFER}.")

    def repaired(self, report: Report) -> Notice:
        self.last, self.repairing = report, False
        done = "; ".join(report.repaired) or "nothing needed repairing"
        if report.healthy:
            return Notice(f"Library repaired: {done}", "information")
        left = "; ".join(p.line() for p in report.problems)
        return Notice(f"Repaired what could be ({done}); still wrong: {left}", "error")
