"""Real faults for the reliability suite: kill -9, full and read-only filesystems,
unreadable files, damaged files.

Why real faults: a mocked ``open`` proves only that the mock was called. A
tmpfs of a few kilobytes gives the kernel's own ENOSPC, a read-only mount
gives EROFS even to root, and a child process killed with SIGKILL stops
wherever it happens to be. Where the machine does not allow a fault (no
``mount`` outside a privileged container), the test says so and skips.

Import as ``from faults import ...`` (tests/ is on sys.path).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOBODY = 65534


# -- filesystems ----------------------------------------------------------------


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def tmpfs(size_kb: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` kilobytes (skips the test when mounting is not allowed)."""
    where = Path(tempfile.mkdtemp(prefix="marsad-tmpfs-"))
    if not _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(where)):
        where.rmdir()
        pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            where.rmdir()


def remount_readonly(where: Path) -> None:
    if not _mount("-o", "remount,ro", str(where)):
        pytest.skip("cannot remount read-only here")


def fill_up(where: Path) -> None:
    """Fill a filesystem to the last byte, so the next write gets ENOSPC."""
    fd = os.open(where / "ballast", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * chunk):
                    pass
    finally:
        os.close(fd)


# -- another user ------------------------------------------------------------------

AS_NOBODY = """
import os, sys
sys.path.insert(0, {repo!r})
import tui.cli, tui.commands.export, tui.commands.search, tui.commands.feeds, tui.commands.output
import importlib; importlib.import_module("tui.commands.import")
try:
    importlib.import_module("tui.commands.doctor")
except ImportError:
    pass
os.setgroups([]); os.setgid({uid}); os.setuid({uid})
sys.exit(tui.cli.main(sys.argv[1:]))
"""


def run_as_nobody(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``marsad ARGS`` as user nobody, so file permissions apply (tests run as root).

    Python and Marsad's modules are loaded before privileges are dropped,
    since the interpreter may live where nobody cannot read.
    """
    if os.geteuid() != 0:
        code = f"import sys; sys.path.insert(0, {str(REPO)!r}); import tui.cli; sys.exit(tui.cli.main(sys.argv[1:]))"
    else:
        code = AS_NOBODY.format(repo=str(REPO), uid=NOBODY)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, check=False)


def shared_dir() -> Path:
    """A folder nobody can reach (pytest's tmp_path is private to root)."""
    where = Path(tempfile.mkdtemp(prefix="marsad-shared-"))
    where.chmod(0o755)
    return where


# -- processes --------------------------------------------------------------------


def dead_pid() -> int:
    """The pid of a process that has exited (for stale temp files)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


SAVER = """
import sys, json
sys.path.insert(0, {repo!r})
from tui.store import Store
from tui.models import Annotation, Article, Feed
store = Store(sys.argv[1])
run, start = sys.argv[2], int(sys.argv[3])
store.add_articles([Article(id="", title="kill target", body="نص " * 50, url="https://example.org/k")])
art_id = next(a.id for a in store.articles() if a.url == "https://example.org/k")
i = start
while True:
    kind = i % 4
    if kind == 3:
        store.save_feed(Feed(id=f"f{{run}}-{{i}}", url=f"https://example.org/{{run}}/{{i}}.xml", name=f"feed {{i}}"))
        key = "feed:f" + run + "-" + str(i)
    elif kind == 2:
        store.add_articles([Article(id="", title=f"a {{run}} {{i}}", body="متن " * 200 + str(i),
                                    url=f"https://example.org/{{run}}/{{i}}")])
        key = "article:https://example.org/" + run + "/" + str(i)
    else:
        ann = store.save_annotation(Annotation(id=f"n{{run}}x{{i}}", article_id=art_id,
                                               note=f"ملاحظة {{run}} {{i}} " * (1 + i % 7)))
        key = "note:" + ann.id
    print(key, flush=True)
    i += 1
"""


@dataclass
class KillReport:
    """What a kill -9 run found: the figures docs/reliability.md reports."""

    kills: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    temps_before_open: int = 0  # summed over the kills: temp files each kill left behind
    temps_after_open: int = 0
    unparsable: list[str] = field(default_factory=list)

    def as_json(self) -> str:
        return json.dumps({"kills": self.kills, "acknowledged_saves": self.acknowledged,
                           "lost_saves": len(self.lost), "temp_files_left_by_kills": self.temps_before_open,
                           "temp_files_after_next_open": self.temps_after_open,
                           "unparsable_files": len(self.unparsable)})


def temp_files(library: Path) -> list[Path]:
    return [p for p in library.rglob(".*.tmp") if p.is_file()]


def kill_saves(library: Path, kills: int, seed: int = 16, max_delay: float = 0.25) -> KillReport:
    """Start a saver, SIGKILL it at a random moment, ``kills`` times; then check.

    A save counts as acknowledged once the saver printed its key, which it
    does only after the store call returned: every acknowledged save must
    be found afterwards.
    """
    from tui.store import Store
    from tui.store.files import parse_library_json

    rng = random.Random(seed)
    report = KillReport()
    acked: list[str] = []
    counter = 0
    for run in range(kills):
        report.temps_before_open += len(temp_files(library))  # left by the previous kill
        proc = subprocess.Popen([sys.executable, "-c", SAVER.format(repo=str(REPO)), str(library),
                                 f"r{run}", str(counter)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # started and saving
        if first:
            acked.append(first.strip())
        time.sleep(rng.uniform(0, max_delay))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acked.extend(line.strip() for line in out.splitlines() if line.strip())
        counter += 1000
        report.kills += 1
    report.acknowledged = len(acked)
    report.temps_before_open += len(temp_files(library))
    for path in library.rglob("*.json"):
        if not path.is_file() or "backups" in path.relative_to(library).parts:
            continue  # backup copies are checked by doctor, which skips a cut-short one
        if ".corrupt-" in path.name:
            report.unparsable.append(str(path))
            continue
        try:
            parse_library_json(path.read_bytes())
        except ValueError:
            report.unparsable.append(str(path))
    store = Store(library)
    try:
        report.temps_after_open = len(temp_files(library))
        notes = {a.id for a in store.all_annotations()}
        feeds = {f.id for f in store.feeds()}
        urls = {a.url for a in store.articles()}
        for key in acked:
            kind, _, ident = key.partition(":")
            found = {"note": notes, "feed": feeds, "article": urls}[kind]
            if ident not in found:
                report.lost.append(key)
        report.unparsable.extend(store.warnings)
    finally:
        store.close()
    return report
