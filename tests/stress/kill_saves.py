"""Long form of the kill -9 test: ``python tests/stress/kill_saves.py [KILLS] [LIBRARY]``.

Starts a process that saves notes, feeds and articles in a loop, kills it
with SIGKILL at a random moment, KILLS times (default 500), then opens the
library and prints, as JSON, how many saves were acknowledged, how many of
them were lost (must be 0), how many temp files the kills left and how many
remain after the next open (must be 0), and how many files did not parse
(must be 0). Exit status 1 when anything was lost or left behind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from faults import kill_saves


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    library = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="marsad-kill-")) / "library"
    report = kill_saves(library, kills=kills, seed=kills, max_delay=0.3)
    print(report.as_json())
    for key in report.lost[:20]:
        print("lost:", key, file=sys.stderr)
    for name in report.unparsable[:20]:
        print("unparsable:", name, file=sys.stderr)
    return 1 if (report.lost or report.unparsable or report.temps_after_open) else 0


if __name__ == "__main__":
    raise SystemExit(main())
