"""Marsad at 10,000 / 100,000 / 1,000,000 articles beside newsboat, as a user sees it.

Run (from anywhere; ``--tree`` is the Marsad checkout being measured):

    /work/venv/bin/python benchmarks/scale/run.py --tree /work/main --sizes 10k,100k,1m \
        [--repeats 5] [--timeout 300] [--only import,perfeed,search,paint,memory,scroll,filter|all] \
        [--nb-repeats-1m 1] [--no-newsboat] [--settle 3,30] [--out results.json]

Every figure is a whole command timed from outside, the way a person at a
terminal meets it, in one run so the machine's load is shared alike; what a
ratio divides is measured in turns (marsad, newsboat, the empty app, the
empty library one after the other in each repeat), not in blocks:

- import: ``marsad import`` of the feed files into a fresh library, against
  ``newsboat -x reload`` of the same files (``file://`` URLs, its own temp
  urls/config/cache), wall time and peak RSS (``/usr/bin/time``);
- perfeed: each feed's seconds, within one import and one import per feed
  (is the import superlinear? feed 8 against feed 2 / feed 1);
- search: ``marsad search QUERY --json``, the first one after the import
  (search caches removed) and 20 queries after it, ``--repeats`` rounds
  (median and worst of all the samples), each right after the same search
  on an empty library, for DESIGN.md's "< 3x";
- paint: launch to first paint in tmux (160x45), polling ``capture-pane``
  until three article rows (``YYYY-MM-DD ·``) show, against newsboat's first
  screen (its feed list) and a trivial Textual app (``empty_app.py``);
- memory: RSS of the process tree right after first paint and ``--settle``
  seconds after it (without this step, only at the paint);
- scroll: ``end`` in the list until the oldest article's date shows;
- filter: ``e`` then ``f`` (the first entity of the open article) until the
  list's header reads "N of M articles".

Sizes: ``10k`` is one feed of 10,000 items, ``100k`` ten feeds (``feedgen.py``);
``1m`` is a library written straight into the store (``libgen.py``; skipped
when the tree has no SQLite store); ``1k``/``2k`` are smoke tests. Timeouts
are reported as such, never as a number. The output ends with every figure,
the ratios and targets of DESIGN.md and a SUMMARY of the targets (met / NOT
MET, with the load); the JSON keeps every sample and the load average at each.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import feedgen  # noqa: E402

PYTHON = sys.executable
NEWSBOAT = shutil.which("newsboat")
WIDTH, HEIGHT = 160, 45
ROW_RE = re.compile(r"\d{4}-\d{2}-\d{2} ·")
FILTERED_RE = re.compile(r"[\d,]+ of [\d,]+ articles")
NEWSBOAT_ROW_RE = re.compile(r"^\s+1 .{0,4}\(\d+/\d+", re.MULTILINE)  # first feed row, "(unread/total"
SIZES = {"1k": (1, 1_000), "2k": (2, 1_000), "10k": (1, 10_000), "100k": (10, 10_000), "1m": (0, 1_000_000)}  # 1k, 2k: smoke tests
QUERIES = ["طهران", "الرئيس", "وزير الخارجية", '"أسعار النفط"', "بغداد", "الأمم المتحدة", "والانتخابات",
           "صندوق النقد الدولي", "مسقط", "إعادة الإعمار", "اللاجئين", "تهران", "مذاکرات هسته‌ای", "بانک مرکزی",
           "Tehran", "oil prices", '"World Bank"', "nuclear talks", "Geneva", "zzqx-nothing"]
FIRST_QUERY, FIRST_QUERY_EN = "طهران", "Tehran"


# ------------------------------------------------------------------ runs --

@dataclass
class Run:
    """One timed command: wall seconds (None on timeout or failure), peak RSS."""

    seconds: float | None
    rss_mb: float | None = None
    load: float = 0.0
    note: str = ""
    cpu: float | None = None  # user + system CPU seconds of the command and its children


@dataclass
class Figure:
    """The samples of one thing measured, one tool, one size."""

    size: str
    what: str
    tool: str
    unit: str = "s"
    runs: list[Run] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)

    def values(self) -> list[float]:
        return [r.seconds for r in self.runs if r.seconds is not None]

    @property
    def median(self) -> float | None:
        vals = self.values()
        return statistics.median(vals) if vals else None

    @property
    def worst(self) -> float | None:
        vals = self.values()
        return max(vals) if vals else None

    @property
    def rss(self) -> float | None:
        vals = [r.rss_mb for r in self.runs if r.rss_mb is not None]
        return statistics.median(vals) if vals else None

    @property
    def cpu(self) -> float | None:
        vals = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(vals) if vals else None

    @property
    def failed(self) -> str:
        notes = [r.note for r in self.runs if r.seconds is None]
        return notes[0] if notes and len(notes) == len(self.runs) else ""

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "median": self.median, "worst": self.worst, "rss_mb_median": self.rss,
                "cpu_median": self.cpu}


def load1() -> float:
    return round(os.getloadavg()[0], 2)


def timed(cmd: list[str], *, timeout: float, cwd: Path | None = None, env: dict[str, str] | None = None,
          capture: bool = False) -> tuple[Run, str]:
    """Wall time and peak RSS of a command, killed (whole group) at ``timeout``."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name, *cmd]
        load = load1()
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.communicate()
            return Run(None, None, load, f"timeout {timeout:.0f} s"), ""
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            last = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            return Run(None, None, load, f"exit {proc.returncode}: {last[0][:120]}"), ""
        last = (Path(tf.name).read_text().strip().splitlines() or [""])[-1].split()
        rss = int(last[0]) / 1024 if last and last[0].isdigit() else None
        try:
            cpu = round(float(last[1]) + float(last[2]), 2)
        except (IndexError, ValueError):
            cpu = None
        return (Run(round(elapsed, 4), round(rss, 1) if rss else None, load, cpu=cpu),
                (out or b"").decode("utf-8", "replace"))


# ------------------------------------------------------------------ tmux --

class Tmux:
    """A private tmux server (its own socket) for launch-to-paint runs."""

    def __init__(self) -> None:
        self.sock = f"marsad-bench-{os.getpid()}"
        self.tm("new-session", "-d", "-s", "hold", "-x", str(WIDTH), "-y", str(HEIGHT), "sleep 86400")

    def tm(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.sock, *args], check=False, capture_output=True, text=True).stdout

    def alive(self, name: str) -> bool:
        return subprocess.run(["tmux", "-L", self.sock, "has-session", "-t", name],
                              check=False, capture_output=True).returncode == 0

    def screen(self, name: str) -> str:
        return self.tm("capture-pane", "-p", "-t", name)

    def start(self, name: str, argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
        """Start ``argv`` in a new session; returns the start time and its pid."""
        sets = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = f"cd {shlex.quote(str(cwd))} && exec env {sets} {shlex.join(argv)}"
        t0 = time.perf_counter()
        self.tm("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), shell)
        pid = int(self.tm("display", "-p", "-t", name, "#{pane_pid}").strip() or 0)
        return t0, pid

    def wait(self, name: str, ready: Callable[[str], bool], timeout: float) -> tuple[float | None, str]:
        """Poll the screen every ~10 ms until ``ready``; the time it became so."""
        deadline = time.perf_counter() + timeout
        text = ""
        while time.perf_counter() < deadline:
            text = self.screen(name)
            if ready(text):
                return time.perf_counter(), text
            if not self.alive(name):
                return None, "exited"
            time.sleep(0.01)
        return None, "timeout"

    def close(self, name: str, keys: tuple[str, ...] = ("q",)) -> None:
        for key in keys:
            self.tm("send-keys", "-t", name, key)
        for _ in range(300):
            if not self.alive(name):
                return
            time.sleep(0.01)
        self.tm("kill-session", "-t", name)

    def shutdown(self) -> None:
        self.tm("kill-server")
        Path(f"/tmp/tmux-{os.getuid()}/{self.sock}").unlink(missing_ok=True)


def tree_rss_mb(pid: int) -> float | None:
    """Resident memory of ``pid`` and every process below it."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    family = {pid}
    grew = True
    while grew:
        more = {p for p, pp in parents.items() if pp in family} - family
        family |= more
        grew = bool(more)
    total = 0
    for p in family:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1) if total else None


# ----------------------------------------------------------------- bench --

class Bench:
    """One run: a tree, a work folder, the figures gathered so far."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.tree = Path(args.tree).resolve()
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.repeats = args.repeats
        self.nb_1m = args.nb_repeats_1m
        self.timeout = args.timeout
        self.settle = sorted({float(x) for x in str(args.settle).split(",") if x.strip()})
        self.figures: list[Figure] = []
        self.env = {**os.environ, "PYTHONPATH": str(self.tree)}
        self.env.pop("MARSAD_HOME", None)
        self._tmux: Tmux | None = None
        self._empty: Path | None = None
        self.newsboat = bool(NEWSBOAT) and not args.no_newsboat
        self.compiled = compile_tree(self.tree)

    @property
    def tmux(self) -> Tmux:
        if self._tmux is None:
            self._tmux = Tmux()
        return self._tmux

    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        print(f"  {fig.size:>5} {fig.what:<44} {fig.tool:<10} {fmt(fig)}  load {load_range(fig)}", flush=True)
        return fig

    def marsad(self, library: Path, *args: str) -> list[str]:
        return [PYTHON, "-m", "tui", "--library", str(library), *args]

    # -- import ---------------------------------------------------------

    def bench_import(self, size: str, feeds: list[Path]) -> tuple[Path | None, Path | None]:
        """Fresh library each repeat, marsad and newsboat in turn (the order swapped every repeat, so a
        change of load hits both alike); keeps the last library and newsboat cache for later steps."""
        ours = Figure(size, "import", "marsad")
        theirs = Figure(size, "import", "newsboat")
        lib = nb = None
        ours_ok = True
        for rep in range(self.repeats):
            order = ("marsad", "newsboat") if rep % 2 == 0 else ("newsboat", "marsad")
            for tool in order:
                if tool == "marsad" and ours_ok:
                    lib = self.fresh(f"lib-{size}")
                    run, _ = timed(self.marsad(lib, "import", *map(str, feeds)), timeout=self.timeout,
                                   cwd=self.tree, env=self.env)
                    ours.runs.append(run)
                    ours_ok = run.seconds is not None  # a timeout: do not spend N more on it
                elif tool == "newsboat" and self.newsboat:
                    nb = self.fresh(f"nb-{size}")
                    theirs.runs.append(self.newsboat_reload(nb, feeds))
        ours.extra["articles"] = self.count_articles(lib) if lib else None
        self.add(ours)
        if self.newsboat:
            theirs.extra["articles"] = newsboat_items(nb / "cache.db") if nb else None
            self.add(theirs)
        ok = ours.runs and ours.runs[-1].seconds is not None
        return (lib if ok else None), nb

    def bench_perfeed(self, size: str, feeds: list[Path]) -> None:
        """Is the import superlinear? Each feed's own seconds, two ways.

        "within one import": one ``marsad import`` of all the feeds, its stdout read as it
        comes; a feed's time is from the moment the line count reached the feeds before it
        (10,000 lines a feed, printed after each feed's commit) to the moment it reached its
        own. Feed 1 carries the start of Python. "one import per feed": the feeds imported
        one command at a time into the same library (as cron would), each command timed,
        so feed k goes into a library of (k-1) x 10,000 articles; beside each, newsboat
        reloads that feed alone into a fresh cache (the cost of each language for both).
        Feeds 1-8 are Arabic, 9 Persian, 10 English: compare feed 8 with feed 1.
        """
        if len(feeds) < 2:
            return
        items = SIZES[size][1]
        within = [Figure(size, f"import feed {k + 1} of {len(feeds)} (within one import)", "marsad")
                  for k in range(len(feeds))]
        apart = [Figure(size, f"import feed {k + 1} of {len(feeds)} (one import per feed)", "marsad")
                 for k in range(len(feeds))]
        nb_apart = [Figure(size, f.what, "newsboat") for f in apart]  # each feed alone, a fresh cache
        for _ in range(self.repeats):
            lib = self.fresh(f"lib-{size}-perfeed")
            for fig, run in zip(within, self.import_marks(lib, feeds, items), strict=False):
                fig.runs.append(run)
            lib = self.fresh(f"lib-{size}-perfeed")
            for fig, nb_fig, feed in zip(apart, nb_apart, feeds, strict=True):
                run, _ = timed(self.marsad(lib, "import", str(feed)), timeout=self.timeout, cwd=self.tree,
                               env=self.env)
                fig.runs.append(run)
                if self.newsboat:
                    nb_fig.runs.append(self.newsboat_reload(self.fresh(f"nb-{size}-perfeed"), [feed]))
                if run.seconds is None:
                    break
        shutil.rmtree(self.work / f"lib-{size}-perfeed", ignore_errors=True)
        shutil.rmtree(self.work / f"nb-{size}-perfeed", ignore_errors=True)
        for fig in (*within, *apart, *nb_apart):
            if fig.runs:
                self.add(fig)

    def import_marks(self, lib: Path, feeds: list[Path], items: int) -> list[Run]:
        """One import of ``feeds``: the seconds between the moments its output passed each feed's last line."""
        load = load1()
        t0 = time.perf_counter()
        proc = subprocess.Popen(self.marsad(lib, "import", *map(str, feeds)), cwd=self.tree, env=self.env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        assert proc.stdout is not None
        marks: list[float] = []
        lines = 0
        deadline = t0 + self.timeout
        for _line in proc.stdout:
            lines += 1
            if lines % items == 0:
                marks.append(time.perf_counter())
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)
                break
        proc.wait()
        runs: list[Run] = []
        before = t0
        for mark in marks[:len(feeds)]:
            runs.append(Run(round(mark - before, 4), None, load))
            before = mark
        return runs

    def newsboat_reload(self, folder: Path, feeds: list[Path]) -> Run:
        write_newsboat_config(folder, feeds)
        run, _ = timed([NEWSBOAT, *newsboat_args(folder), "-x", "reload"], timeout=self.timeout,
                       cwd=folder, env=newsboat_env(folder))
        return run

    def count_articles(self, lib: Path) -> int | None:
        """How many articles the tree's store sees (a check that the import happened)."""
        code = ("import sys; from tui.store import Store; s = Store(sys.argv[1]); "
                "print(s.article_count()); s.close()")
        out = subprocess.run([PYTHON, "-c", code, str(lib)], check=False, cwd=self.tree, env=self.env,
                             capture_output=True, text=True, timeout=self.timeout)
        return int(out.stdout.strip()) if out.stdout.strip().isdigit() else None

    def needs_upgrade(self, lib: Path) -> bool:
        """The tree would upgrade this library (an older db_version) on its first open."""
        code = ("import sys; from tui.store.library import library_needs_upgrade as n; "
                "print(n(sys.argv[1]))")
        out = subprocess.run([PYTHON, "-c", code, str(lib)], check=False, cwd=self.tree, env=self.env,
                             capture_output=True, text=True, timeout=60)
        return out.stdout.strip() == "True"

    def bench_upgrade(self, size: str, lib: Path) -> None:
        """The one-time upgrade of an older library: the first command that opens it (once, not repeated)."""
        fig = Figure(size, "one-time upgrade (first command)", "marsad")
        run, _ = timed(self.marsad(lib, "search", "zzqx-nothing", "--json"), timeout=max(self.timeout, 3600),
                       cwd=self.tree, env=self.env, capture=True)
        fig.runs.append(run)
        self.add(fig)

    # -- search ---------------------------------------------------------

    @property
    def empty_library(self) -> Path:
        """An empty library (first-run seeding done by one untimed search), made once a run."""
        if self._empty is None:
            self._empty = self.fresh("lib-empty")
            timed(self.marsad(self._empty, "search", FIRST_QUERY, "--json"), timeout=self.timeout, cwd=self.tree,
                  env=self.env, capture=True)
        return self._empty

    def search_once(self, lib: Path, query: str, fig: Figure, drop: bool = False) -> Run:
        if drop:
            drop_search_cache(lib)
        run, out = timed(self.marsad(lib, "search", query, "--json"), timeout=self.timeout,
                         cwd=self.tree, env=self.env, capture=True)
        run.note = run.note or f"{query} hits={count_hits(out)}"
        fig.runs.append(run)
        return run

    def bench_search(self, size: str, lib: Path) -> None:
        """Each search on the library right after the same search on an empty library (the "< 3x"
        base), so both see the same load."""
        empty = self.empty_library
        for query, lang in ((FIRST_QUERY, "ar"), (FIRST_QUERY_EN, "en")):
            fig = Figure(size, f"first search ({lang})", "marsad")
            base = Figure(size, f"search, empty library ({lang})", "marsad")
            for _ in range(self.repeats):
                self.search_once(empty, query, base)
                if self.search_once(lib, query, fig, drop=True).seconds is None:
                    break
            self.add(base)
            self.add(fig)
        fig = Figure(size, "20 queries (after first)", "marsad")
        base = Figure(size, "20 queries, empty library", "marsad")
        asked: list[str] = []
        for _ in range(self.repeats):  # the 20 queries, --repeats rounds: median and worst of all the samples
            for query in QUERIES:
                self.search_once(empty, query, base)
                asked.append(query)
                if self.search_once(lib, query, fig).seconds is None:
                    break
            if fig.runs and fig.runs[-1].seconds is None:
                break
        for whole in (base, fig):
            self.add(whole)
            for lang, pick in (("ar/fa", lambda q: not q.isascii()), ("en", str.isascii)):
                sub = Figure(size, f"{whole.what}: {lang} only", "marsad")
                sub.runs = [r for q, r in zip(asked, whole.runs, strict=False) if pick(q)]
                self.add(sub)

    # -- paint, memory, scroll, filter --------------------------------------

    def bench_paint(self, size: str, lib: Path | None, nb: Path | None, oldest: str | None,
                    steps: set[str]) -> None:
        """Each repeat: the empty app, marsad, newsboat, one after the other, so load drift hits all three.

        RSS after paint (``--settle``) only with the ``memory`` step (each waits that long);
        ``End`` with ``scroll``, ``e`` ``f`` with ``filter``.
        """
        settle = self.settle if "memory" in steps else []
        empty = Figure(size, "first paint", "empty app")
        empty_mem = Figure(size, "RSS at first paint", "empty app", "MB")
        ours = (Figure(size, "first paint", "marsad"), Figure(size, "RSS at first paint", "marsad", "MB"),
                self.settle_figures(size, "marsad", settle))
        theirs = (Figure(size, "first paint", "newsboat"), Figure(size, "RSS at first paint", "newsboat", "MB"),
                  self.settle_figures(size, "newsboat", settle))
        end = Figure(size, "scroll to the end (end key)", "marsad")
        entity = Figure(size, "filter by entity (e, f)", "marsad")
        scrolled = (lambda s: oldest in s) if ("scroll" in steps and oldest) else None
        nb = nb if self.newsboat else None
        for rep in range(self.repeats):
            self.paint_once([PYTHON, str(HERE / "empty_app.py")], empty_ready, empty, empty_mem, (), [])
            if lib is not None and (rep == 0 or ours[0].runs[-1].seconds is not None):
                self.paint_once(self.marsad(lib), has_rows, *ours, settle, scrolled, end,
                                entity=entity if "filter" in steps else None)
            if nb is not None and rep < self.nb_repeats(size) and (rep == 0 or theirs[0].runs[-1].seconds):
                self.paint_once([NEWSBOAT, *newsboat_args(nb)], newsboat_ready, *theirs, settle, None, None,
                                cwd=nb, env=newsboat_env(nb))
        for fig in (empty, empty_mem, ours[0], ours[1], *ours[2], end, entity, theirs[0], theirs[1], *theirs[2]):
            if fig.runs:
                self.add(fig)

    def settle_figures(self, size: str, tool: str, settle: list[float]) -> tuple[Figure, ...]:
        return tuple(Figure(size, f"RSS {s:.0f} s after paint", tool, "MB") for s in settle)

    def nb_repeats(self, size: str) -> int:
        """newsboat's 1M paint takes minutes a time: ``--nb-repeats-1m`` may cap it."""
        return min(self.repeats, self.nb_1m) if size == "1m" and self.nb_1m else self.repeats

    def paint_once(self, argv: list[str], ready: Callable[[str], bool], paint: Figure, mem: Figure,
                   mem2: tuple[Figure, ...], settle: list[float],
                   scrolled: Callable[[str], bool] | None = None, end: Figure | None = None,
                   cwd: Path | None = None, env: dict[str, str] | None = None, entity: Figure | None = None) -> None:
        env = env if env is not None else {"PYTHONPATH": str(self.tree), "TERM": "tmux-256color"}
        name = f"run{time.monotonic_ns()}"
        load = load1()
        t0, pid = self.tmux.start(name, argv, cwd or self.tree, env)
        t1, screen = self.tmux.wait(name, ready, self.timeout)
        if t1 is None:
            paint.runs.append(Run(None, None, load, screen))
            self.tmux.close(name)
            return
        paint.runs.append(Run(round(t1 - t0, 4), None, load))
        mem.runs.append(Run(tree_rss_mb(pid), None, load))
        for after, fig in zip(settle, mem2, strict=True):  # idle readings first: scrolling allocates
            time.sleep(max(0.0, t1 + after - time.perf_counter()))
            fig.runs.append(Run(tree_rss_mb(pid), None, load1()))
        if scrolled is not None and end is not None:
            if scrolled(self.tmux.screen(name)):
                end.runs.append(Run(None, None, load1(), "oldest row already on screen"))
            else:
                time.sleep(0.3 if not settle else 0.0)  # let the first key land after the paint settles
                t2 = time.perf_counter()
                self.tmux.tm("send-keys", "-t", name, "End")
                t3, screen = self.tmux.wait(name, scrolled, self.timeout)
                end.runs.append(Run(round(t3 - t2, 4) if t3 else None, None, load1(), "" if t3 else screen))
        if entity is not None:
            entity.runs.append(self.filter_by_entity(name))
        self.tmux.close(name)

    def filter_by_entity(self, name: str) -> Run:
        """``e`` (focus the entity sidebar, first entity selected), then ``f`` until the list says "N of M"."""
        self.tmux.tm("send-keys", "-t", name, "e")
        time.sleep(0.5)
        load = load1()
        t0 = time.perf_counter()
        self.tmux.tm("send-keys", "-t", name, "f")
        t1, screen = self.tmux.wait(name, lambda s: bool(FILTERED_RE.search(s)), min(self.timeout, 60))
        return Run(round(t1 - t0, 4) if t1 else None, None, load, "" if t1 else f"no filtered list ({screen})")

    # -- helpers --------------------------------------------------------

    def fresh(self, name: str) -> Path:
        path = self.work / name
        shutil.rmtree(path, ignore_errors=True)
        return path

    def close(self) -> None:
        if self._tmux is not None:
            self._tmux.shutdown()


def compile_tree(tree: Path) -> bool:
    """Write the tree's bytecode before anything is timed, as an installed package has it.

    The tree runs from ``PYTHONPATH``; with ``PYTHONDONTWRITEBYTECODE=1`` in the
    environment (as in these sessions) a module without an up-to-date ``.pyc`` is
    compiled again at every launch: the same commit painted in 1.29 s instead of
    0.50 s at 100k (perfapp). ``compileall`` writes the files whatever that variable says.
    """
    out = subprocess.run([PYTHON, "-m", "compileall", "-q", str(tree / "tui")], check=False,
                         capture_output=True, text=True)
    return out.returncode == 0


def has_rows(screen: str) -> bool:
    """Marsad's list has drawn at least three article rows (each has a date and a dot)."""
    return len(ROW_RE.findall(screen)) >= 3


def empty_ready(screen: str) -> bool:
    """The empty app's last static line is on screen."""
    return "READY-ROW-19" in screen


def newsboat_ready(screen: str) -> bool:
    """newsboat's feed list shows its first row with (unread/total) counts (tmux may eat the ")")."""
    return bool(NEWSBOAT_ROW_RE.search(screen))


def drop_search_cache(lib: Path) -> None:
    """Remove what a previous search left for the next one, so "first" is first."""
    for path in (lib / "cache").glob("search*"):
        path.unlink(missing_ok=True)


def count_hits(out: str) -> int | None:
    try:
        return len(json.loads(out))
    except ValueError:
        return None


def write_newsboat_config(folder: Path, feeds: list[Path]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "urls").write_text("".join(f"file://{p.resolve()}\n" for p in feeds), encoding="utf-8")
    (folder / "config").write_text("max-items 0\nshow-read-feeds yes\n", encoding="utf-8")


def newsboat_args(folder: Path) -> list[str]:
    return ["-u", str(folder / "urls"), "-c", str(folder / "cache.db"), "-C", str(folder / "config")]


def newsboat_env(folder: Path) -> dict[str, str]:
    return {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder), "XDG_DATA_HOME": str(folder),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "tmux-256color", "LANG": "C.UTF-8"}


def newsboat_items(db: Path) -> int | None:
    import sqlite3

    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("select count(*) from rss_item").fetchone()[0])
    except sqlite3.Error:
        return None


def oldest_date(feeds: int, items: int) -> str:
    """The date of the oldest generated item, as the list prints it (UTC)."""
    ts = min(feedgen.START - (items - 1) * 780 - n * 17 for n in range(feeds))
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d")


# ----------------------------------------------------------------- table --

def fmt(fig: Figure) -> str:
    if fig.median is None:
        return fig.failed or "n/a"
    unit = fig.unit
    med = f"{fig.median:.3f} {unit}" if unit == "s" else f"{fig.median:.0f} {unit}"
    parts = [med, f"(n={len(fig.values())}"]
    if len(fig.values()) > 1:
        parts.append(f"worst {fig.worst:.3f}" if unit == "s" else f"max {fig.worst:.0f}")
    if fig.rss is not None:
        parts.append(f"peak RSS {fig.rss:.0f} MB")
    if fig.cpu is not None and fig.what.startswith("import"):
        parts.append(f"CPU {fig.cpu:.1f} s")
    return " ".join(parts[:2]) + (", " + ", ".join(parts[2:]) if parts[2:] else "") + ")"


def find(figs: list[Figure], size: str, what: str, tool: str) -> Figure | None:
    return next((f for f in figs if f.size == size and f.what == what and f.tool == tool), None)


def ratio(a: Figure | None, b: Figure | None) -> float | None:
    if a is None or b is None:
        return None
    x, y = a.median, b.median
    return x / y if x is not None and y else None


def load_range(*figs: Figure | None) -> str:
    """The 1-min load average over the samples of ``figs`` ("1.2-2.6")."""
    loads = [r.load for f in figs if f is not None for r in f.runs]
    return f"{min(loads):.1f}-{max(loads):.1f}" if loads else "?"


def base(figs: list[Figure], size: str, what: str, tool: str) -> Figure | None:
    """A reference measured beside ``size`` in the same run (empty app, empty library); else the run's size "0"."""
    return find(figs, size, what, tool) or find(figs, "0", what, tool)


Verdict = tuple[str, str, str, str, str]  # what, value, target, met ("yes"/"NO"/"-"), load range


def verdicts_with_load(figs: list[Figure], sizes: list[str]) -> list[Verdict]:
    """(what, value, target, met?, load) for every target of DESIGN.md we measured."""
    rows: list[Verdict] = []

    def add(what: str, value: float | None, target: str, ok: Callable[[float], bool], used: tuple[Figure | None, ...],
            unit: str = "x") -> None:
        if value is None:
            return
        shown = f"{value:.3f} s" if unit == "s" else f"{value:.2f} {unit}" if value >= 0.1 else f"{value:.3f} {unit}"
        rows.append((what, shown, target, "-" if target.startswith("(info") else "yes" if ok(value) else "NO",
                     load_range(*used)))

    def pair(what: str, a: Figure | None, b: Figure | None, target: str, ok: Callable[[float], bool]) -> None:
        add(what, ratio(a, b), target, ok, (a, b))

    for size in sizes:
        big = size in ("100k", "1m")  # DESIGN.md's paint, search and memory targets are for 100k and up
        imp, nb_imp = find(figs, size, "import", "marsad"), find(figs, size, "import", "newsboat")
        pair(f"{size} import: marsad / newsboat time", imp, nb_imp, "<= 1.0", lambda v: v <= 1.0)
        if imp and nb_imp and imp.cpu and nb_imp.cpu:
            add(f"{size} import: marsad / newsboat CPU time (user + system)", imp.cpu / nb_imp.cpu, "(info)",
                lambda v: True, (imp, nb_imp))
        if imp and nb_imp and imp.rss and nb_imp.rss:
            add(f"{size} import: marsad / newsboat peak RSS", imp.rss / nb_imp.rss, "(info)", lambda v: True,
                (imp, nb_imp))
        perfeed_rows(figs, size, add)
        paint = find(figs, size, "first paint", "marsad")
        if size == "10k" and paint:
            add("10k first paint", paint.median, "< 1 s", lambda v: v < 1.0, (paint,), "s")
        pair(f"{size} first paint: marsad / empty app", paint, base(figs, size, "first paint", "empty app"),
             "< 2.0" if big else "(info)", lambda v, big=big: v < 2.0 or not big)
        pair(f"{size} first paint: marsad / newsboat", paint, find(figs, size, "first paint", "newsboat"),
             "< 0.25" if big else "(info)", lambda v, big=big: v < 0.25 or not big)
        for lang in ("ar", "en"):
            pair(f"{size} first search ({lang}) / empty library", find(figs, size, f"first search ({lang})", "marsad"),
                 base(figs, size, f"search, empty library ({lang})", "marsad"),
                 "< 3.0" if big else "(info)", lambda v, big=big: v < 3.0 or not big)
        for sub in ("", ": ar/fa only", ": en only"):
            ours = find(figs, size, f"20 queries (after first){sub}", "marsad")
            ref = base(figs, size, f"20 queries, empty library{sub}", "marsad")
            pair(f"{size} 20 queries{sub}: median / empty library", ours, ref,
                 "< 3.0" if big else "(info)", lambda v, big=big: v < 3.0 or not big)
            if ours and ref and ours.worst and ref.worst:
                add(f"{size} 20 queries{sub}: worst / empty library's worst", ours.worst / ref.worst, "(info)",
                    lambda v: True, (ours, ref))
        for when in sorted({f.what for f in figs if f.what.startswith("RSS")}):
            pair(f"{size} {when}: marsad / newsboat", find(figs, size, when, "marsad"),
                 find(figs, size, when, "newsboat"), "<= 1.0" if big else "(info)",
                 lambda v, big=big: v <= 1.0 or not big)
    return rows


def perfeed_rows(figs: list[Figure], size: str, add: Callable[..., None]) -> None:
    """Feed 8 (the last Arabic one) against an early Arabic feed; 1.0 is linear.

    Within one import feed 1 carries the start of Python and the parser's, so it is
    compared with feed 2; one import per feed, every feed carries a start, so feed 1.
    """
    for how, early in (("within one import", 2), ("one import per feed", 1)):
        def pick(k: int, how: str = how) -> Figure | None:
            return next((f for f in figs if f.size == size and f.what.startswith(f"import feed {k} of")
                         and f.what.endswith(f"({how})")), None)

        first, last = pick(early), pick(8)
        add(f"{size} import, {how}: feed 8 / feed {early} time", ratio(last, first), "(info: 1.0 = linear)",
            lambda v: True, (first, last))
    for k, lang in ((1, "ar"), (9, "fa"), (10, "en")):
        what = f"import feed {k} of 10 (one import per feed)"
        ours, theirs = find(figs, size, what, "marsad"), find(figs, size, what, "newsboat")
        add(f"{size} import of feed {k} ({lang}) alone: marsad / newsboat time", ratio(ours, theirs), "(info)",
            lambda v: True, (ours, theirs))


def verdicts(figs: list[Figure], sizes: list[str]) -> list[tuple[str, str, str, str]]:
    """The rows without their load (the JSON's "verdicts" and report.py's table)."""
    return [row[:4] for row in verdicts_with_load(figs, sizes)]


def print_table(figs: list[Figure], sizes: list[str]) -> None:
    print("\n| size | what | tool | median | n | worst | peak RSS MB | load |")
    print("|---|---|---|---|---|---|---|---|")
    for f in figs:
        med = f.failed or ("n/a" if f.median is None else (f"{f.median:.3f} s" if f.unit == "s" else f"{f.median:.0f} MB"))
        worst = "" if f.worst is None else (f"{f.worst:.3f}" if f.unit == "s" else f"{f.worst:.0f}")
        print(f"| {f.size} | {f.what} | {f.tool} | {med} | {len(f.values())} | {worst} | "
              f"{'' if f.rss is None else f'{f.rss:.0f}'} | {load_range(f)} |")
    rows = verdicts_with_load(figs, sizes)
    if rows:
        print("\n| ratio or figure | value | target | met | load |")
        print("|---|---|---|---|---|")
        for what, value, target, ok, load in rows:
            print(f"| {what} | {value} | {target} | {ok} | {load} |")
        print_summary(rows)


def print_summary(rows: list[Verdict]) -> None:
    """The targets alone, one line each: what the helpers working on them look at first."""
    targets = [r for r in rows if r[3] in ("yes", "NO")]
    if not targets:
        return
    print("\nSUMMARY (DESIGN.md targets; load = 1-min load average over the samples, 2 cores)")
    for what, value, target, ok, load in targets:
        print(f"  {'met    ' if ok == 'yes' else 'NOT MET'}  {what:<52} {value:>9}  target {target:<7} load {load}")
    missed = sum(1 for r in targets if r[3] == "NO")
    print(f"  {len(targets) - missed} of {len(targets)} met")


# ------------------------------------------------------------------ main --

def tree_commit(tree: Path) -> str:
    out = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"], check=False, capture_output=True, text=True)
    return out.stdout.strip()


def code_commit(tree: Path) -> str:
    """The last commit that changed what is measured (tui/, data/, pyproject.toml), not the harness."""
    out = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h", "--", "tui", "data", "pyproject.toml"],
                         check=False, capture_output=True, text=True)
    return out.stdout.strip()


STEPS = ("import", "perfeed", "search", "paint", "memory", "scroll", "filter")
DEFAULT_STEPS = "import,search,paint,memory,scroll,filter"


def parse_steps(text: str) -> set[str]:
    """``--only``: "all" or a comma list of STEPS; scroll, filter and memory need a paint, so they bring it."""
    steps = set(STEPS) if text.strip() == "all" else {s.strip() for s in text.split(",") if s.strip()}
    unknown = steps - set(STEPS)
    if unknown:
        raise SystemExit(f"run.py: unknown --only step(s) {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    if steps & {"memory", "scroll", "filter"}:
        steps.add("paint")
    return steps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", default=str(HERE.parents[1]), help="Marsad checkout to measure (PYTHONPATH)")
    ap.add_argument("--sizes", default="10k", help="comma list of 10k, 100k, 1m (1k, 2k: smoke tests)")
    ap.add_argument("--only", default=DEFAULT_STEPS,
                    help=f"comma list of {', '.join(STEPS)}, or all (default: {DEFAULT_STEPS}); "
                         "perfeed: each feed's import time, to see whether the import is superlinear")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--nb-repeats-1m", type=int, default=0,
                    help="at most this many newsboat paints at 1m (each takes minutes); 0: --repeats")
    ap.add_argument("--no-newsboat", action="store_true", help="skip newsboat (quick checks; no ratios against it)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before one command is killed")
    ap.add_argument("--settle", default="3,30",
                    help="comma list of seconds after paint at which RSS is read again (with the memory step)")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "marsad-scale"),
                    help="folder for feeds, libraries and newsboat caches (kept between runs)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="write the JSON results here")
    args = ap.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    only = parse_steps(args.only)
    bench = Bench(args)
    started = datetime.now(UTC)
    print(f"tree {bench.tree} ({tree_commit(bench.tree)}), code {code_commit(bench.tree)}, bytecode compiled: "
          f"{bench.compiled}, steps {','.join(s for s in STEPS if s in only)}, {os.cpu_count()} cores, "
          f"load {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    try:
        for size in sizes:
            if size not in SIZES:
                print(f"unknown size {size}; skipped")
                continue
            run_size(bench, size, only, args.seed)
    except KeyboardInterrupt:
        print("\ninterrupted: the figures so far are kept")
    finally:
        bench.close()
    print_table(bench.figures, sizes)
    if args.out:
        result = {"started": started.isoformat(timespec="seconds"), "tree": str(bench.tree),
                  "commit": tree_commit(bench.tree), "code_commit": code_commit(bench.tree), "compiled": bench.compiled,
                  "host": platform.node(), "cores": os.cpu_count(), "python": platform.python_version(),
                  "repeats": args.repeats, "timeout": args.timeout, "steps": sorted(only), "sizes": sizes,
                  "argv": sys.argv[1:], "load_end": os.getloadavg(), "figures": [f.to_json() for f in bench.figures],
                  "verdicts": verdicts(bench.figures, sizes)}
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nwrote {args.out}")
    return 0


def run_size(bench: Bench, size: str, only: set[str], seed: int) -> None:
    feeds_n, items = SIZES[size]
    print(f"\n== {size} ==", flush=True)
    lib: Path | None = None
    nb: Path | None = None
    if size == "1m":
        import libgen

        lib, nb, oldest = libgen.prepare(bench.tree, bench.work, seed, bench.env, bench.timeout)
        if lib is None:
            print("  1m: skipped (the tree's store has no bulk SQLite API)")
            return
        if bench.needs_upgrade(lib):
            bench.bench_upgrade(size, lib)
    else:
        feeds = feedgen.ensure_feeds(bench.work / f"feeds-{items}", 10, items, seed)[:feeds_n]
        oldest = oldest_date(feeds_n, items)
        if "import" in only:
            lib, nb = bench.bench_import(size, feeds)
        else:
            lib = bench.work / f"lib-{size}"
            nb = bench.work / f"nb-{size}"
            lib = lib if lib.exists() else None
            nb = nb if (nb / "cache.db").exists() else None
            if lib is not None and bench.needs_upgrade(lib):
                bench.bench_upgrade(size, lib)  # a library kept from an older tree's import
        if "perfeed" in only:
            bench.bench_perfeed(size, feeds)
    if lib is None:
        if only & {"search", "paint"}:
            print(f"  {size}: no library (import failed, timed out or never run in --work); later steps skipped")
        return
    if "search" in only:
        bench.bench_search(size, lib)
    if "paint" in only:
        bench.bench_paint(size, lib, nb, oldest, only)


if __name__ == "__main__":
    raise SystemExit(main())
