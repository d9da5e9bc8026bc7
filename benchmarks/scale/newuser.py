"""Tried as a new user would: start marsad on a big library, End, search, filter by an entity.

Run: ``python benchmarks/scale/newuser.py --tree /work/main LIBRARY [--shots DIR] [--query طهران]``

What issue #13's "Done means" asks, one step at a time in a real terminal
(tmux, 120x40), each key sent once the step before it is on screen, the
time from the key to the screen that answers it printed, and every screen
saved as text (``--shots``) so a person can look at what showed:

1. start ``marsad --library LIBRARY``: until three article rows and the
   "N articles" count show;
2. ``End``: until the oldest row's date (``--oldest``, or any change of the
   first row) shows;
3. ``/`` and the query typed one key at a time (the list filters as you
   type): from the last key to the list pane's last change (partial counts
   and "counting…" included) before it stays still for 0.7 s;
4. ``enter``, ``e``, ``f``: the same, timed from ``f``.

A step that does not answer within ``--timeout`` seconds is reported as
such. Nothing here is a target: it says whether a person would wait.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import ROW_RE, Tmux, compile_tree, tree_rss_mb  # noqa: E402

COUNT_RE = re.compile(r"([\d,]+)(\+)? articles")
FILTERED_RE = re.compile(r"[\d,]+ of [\d,]+ articles")


def header_count(screen: str) -> str:
    """The list header's "N of M articles" or "N articles", whichever shows."""
    found = FILTERED_RE.search(screen) or COUNT_RE.search(screen)
    return found.group(0) if found else ""


def list_pane(screen: str) -> str:
    """The article list's part of the screen (left of the reader's border): what a search or a filter
    changes, without the sidebar's counts that the background entity fill keeps updating."""
    return "\n".join(line.split("▕")[0] for line in screen.splitlines())


class Session:
    """One marsad in tmux, its screens saved as they answer each step."""

    def __init__(self, tmux: Tmux, name: str, shots: Path | None, timeout: float) -> None:
        self.tmux, self.name, self.shots, self.timeout = tmux, name, shots, timeout
        self.steps: list[tuple[str, float | None, str]] = []

    def step(self, label: str, keys: list[str], ready, literal: bool = False) -> str:
        """Send ``keys`` (the last one timed), wait for ``ready``, keep the screen."""
        for key in keys[:-1]:
            self.send(key, literal)
            time.sleep(0.15)
        t0 = time.perf_counter()
        if keys:
            self.send(keys[-1], literal)
        t1, screen = self.tmux.wait(self.name, ready, self.timeout)
        seconds = round(t1 - t0, 3) if t1 else None
        screen = screen if t1 else self.tmux.screen(self.name)
        self.keep(label, seconds, screen)
        return screen

    def settled(self, label: str, keys: list[str], need: Callable[[str], bool], quiet: float = 0.7,
                literal: bool = False) -> str:
        """Send ``keys``; time from the last one to the list pane's last change once ``need`` holds and
        the pane then stayed the same for ``quiet`` s (partial counts and "counting…" pass on the way;
        the typed text itself changes the pane first, so ``need`` says what answers the key)."""
        for key in keys[:-1]:
            self.send(key, literal)
            time.sleep(0.15)
        t0 = time.perf_counter()
        self.send(keys[-1], literal)
        last = list_pane(self.tmux.screen(self.name))
        changed = first = None
        deadline = t0 + self.timeout
        screen = ""
        while time.perf_counter() < deadline:
            screen = self.tmux.screen(self.name)
            now = time.perf_counter()
            if list_pane(screen) != last:
                last, changed = list_pane(screen), now
                first = first or now
            elif (need(screen) and changed is not None and now - changed >= quiet
                  and "counting" not in screen):
                break
            time.sleep(0.01)
        ok = need(screen) and changed is not None
        seconds = round(changed - t0, 3) if ok and changed is not None else None
        if ok and first is not None and changed is not None and changed - first > 0.05:
            label += f" (first change {first - t0:.2f} s)"
        self.keep(label, seconds, screen)
        return screen

    def keep(self, label: str, seconds: float | None, screen: str) -> None:
        self.steps.append((label, seconds, header_count(screen)))
        if self.shots:
            self.shots.mkdir(parents=True, exist_ok=True)
            slug = re.sub(r"\W+", "-", label.split("(")[0]).strip("-") or "search"
            (self.shots / f"{len(self.steps):02d}-{slug}.txt").write_text(screen, encoding="utf-8")
        shown = "no answer" if seconds is None else f"{seconds:.3f} s"
        print(f"  {label:<62} {shown:<12} {header_count(screen)}", flush=True)

    def send(self, key: str, literal: bool) -> None:
        self.tmux.tm("send-keys", "-t", self.name, *(["-l"] if literal else []), key)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library")
    ap.add_argument("--tree", default=str(HERE.parents[1]))
    ap.add_argument("--query", default="طهران")
    ap.add_argument("--oldest", default="",
                    help="the oldest article's date as the list prints it (default: the 100k feeds')")
    ap.add_argument("--shots", help="folder for the screens (text)")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()
    tree = Path(args.tree).resolve()
    compile_tree(tree)
    import run

    run.WIDTH, run.HEIGHT = 120, 40
    tmux = Tmux()
    name = "newuser"
    try:
        env = {"PYTHONPATH": str(tree), "TERM": "tmux-256color"}
        t0, pid = tmux.start(name, [sys.executable, "-m", "tui", "--library", args.library], tree, env)
        t1, screen = tmux.wait(name, lambda s: len(ROW_RE.findall(s)) >= 3 and bool(COUNT_RE.search(s)),
                               args.timeout)
        sess = Session(tmux, name, Path(args.shots) if args.shots else None, args.timeout)
        print(f"tree {tree}, library {args.library}")
        if t1 is None:
            print(f"  start: no list within {args.timeout:.0f} s")
            return 1
        sess.steps.append(("start", round(t1 - t0, 3), header_count(screen)))
        print(f"  {'start (list and count shown)':<62} {t1 - t0:.3f} s      {header_count(screen)}  "
              f"RSS {tree_rss_mb(pid)} MB")
        if sess.shots:
            sess.shots.mkdir(parents=True, exist_ok=True)
            (sess.shots / "00-start.txt").write_text(screen, encoding="utf-8")
        first_rows = ROW_RE.findall(screen)[:1]
        oldest = args.oldest or run.oldest_date(10, 10_000)

        def at_end(s: str) -> bool:
            return oldest in s

        time.sleep(1.0)
        sess.step("End (the oldest rows)", ["End"], at_end)
        opened = tmux.screen(name)
        sess.step("/ (the search box)", ["/"], lambda s: s != opened)
        time.sleep(0.5)
        sess.settled(f"{args.query} typed: after the last key", list(args.query),
                     lambda s: bool(FILTERED_RE.search(s)), literal=True)
        searched = header_count(tmux.screen(name))
        sess.step("enter (to the filtered list)", ["Enter"], lambda s: True)
        time.sleep(0.3)
        sess.step("e (entity sidebar)", ["e"], lambda s: True)
        time.sleep(0.5)
        sess.settled("f (filter by the entity)", ["f"], lambda s: header_count(s) not in ("", searched))
        print(f"  RSS at the end {tree_rss_mb(pid)} MB; first row at start {first_rows}")
        tmux.close(name)
    finally:
        tmux.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
