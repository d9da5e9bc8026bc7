"""A 10,000-article library: start-up, search, filters, open, save, import.

Run: ``/work/venv/bin/python benchmarks/bench_library.py [--articles 10000] [--runs 5] [--no-import]``

Builds a library of generated Arabic/English articles (``libgen.py``; half
Arabic with clitics and harakat, ~180 words each) with 10,000 annotations in
a temp folder, then prints the median of each measurement beside its target
from DESIGN.md. "First paint" is a fresh ``python`` process from spawn until
the article list has rows on a headless ``run_test`` screen (imports
included), plus the in-process parts that make it up, so a regression
points at its stage. The import line reuses ``bench_import.py`` (10,000
feed items, ``marsad import`` vs ``newsboat -x reload``).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from libgen import build_library  # noqa: E402

from tui.filters import Filter, FilterContext, apply_filter  # noqa: E402
from tui.models import Annotation  # noqa: E402
from tui.search import load_index, parse_query  # noqa: E402
from tui.search.library import cache_path  # noqa: E402
from tui.store import Store  # noqa: E402

QUERIES = ["إيران", "ايران", "الرئيس", "رئيس", "وزير الخارجية", '"وزير الخارجية"', "Iran", "oil prices",
           '"United Nations"', "Tehr", "المتحدة الأمم", "مُحَمَّد", "٢٠٢٦", "nothing-like-this"]
FILTERS = [Filter(read=False), Filter(languages=("ar",), has_notes=True), Filter(tags=("iran",)),
           Filter(sources=("Wire 1", "وكالة 3"), date_from="2024-06", date_to="2025-01"),
           Filter(read=False, languages=("en",), sort="source"), Filter(sort="annotated")]

PAINT_CHILD = r"""
import asyncio, sys
from pathlib import Path
from tui.app import make_app
from tui.config import THEMES_DIR, Config
from tui.widgets.article_list import ArticleList

async def main():
    app = make_app(Config(library=Path(sys.argv[1]), theme="marsad-dark", themes_dir=THEMES_DIR,
                          seed_samples=False))
    async with app.run_test(size=(140, 40)) as pilot:
        while True:
            lists = app.screen.query(ArticleList)
            if lists and lists.first().items:
                break
            await asyncio.sleep(0.002)
        await pilot.pause()
        print("painted", len(lists.first().items), flush=True)
        app.exit()

asyncio.run(main())
"""


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def first_paint_s(library: Path) -> float:
    """Spawn to first painted rows, in a fresh interpreter (imports included)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PAINT_CHILD, str(library)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - t0
    proc.wait()
    if not line.startswith("painted"):
        raise RuntimeError("the app did not paint")
    return elapsed


def import_only_s() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tui.app, tui.screens.main"], cwd=ROOT, check=True)
    return time.perf_counter() - t0


class Row:
    __slots__ = ("article", "annotations")

    def __init__(self, article, annotations):  # type: ignore[no-untyped-def]
        self.article, self.annotations = article, annotations


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no worker has run for half a second."""
    quiet = 0.0
    while quiet < 0.5:
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        quiet = quiet + 0.1 if not list(app.workers) else 0.0


async def loop_lag_ms(library: Path, samples: int = 200) -> tuple[float, float]:
    """Event-loop delay (median, max) while the first entity and search
    indexes are built in the background: what typing feels like meanwhile."""
    from tui.app import make_app
    from tui.config import THEMES_DIR, Config

    shutil.rmtree(library / "cache", ignore_errors=True)  # the first, slowest build
    app = make_app(Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR, seed_samples=False))
    lags = []
    async with app.run_test(size=(140, 40)):
        while not list(app.workers):
            await asyncio.sleep(0.05)
        for _ in range(samples):
            t0 = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append((time.perf_counter() - t0) * 1000 - 10)
            if not list(app.workers):
                break
    return statistics.median(lags), max(lags)


async def open_article_ms(library: Path, ids: list[str], runs: int) -> float:
    """``MainScreen.open_article``: store read + reader + every pane's refresh, then one paint."""
    from tui.app import make_app
    from tui.config import THEMES_DIR, Config

    app = make_app(Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR, seed_samples=False))
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        # Background work (search index, entity index) starts on timers after
        # the list loads; Pilot's pause() waits for the app to go idle, so let
        # it finish first or every "paint" below would wait for it.
        await settle(app, pilot)
        for article_id in ids[:runs]:
            t0 = time.perf_counter()
            app.screen.open_article(article_id)
            await pilot.pause()
            times.append((time.perf_counter() - t0) * 1000)
        await app.workers.wait_for_complete()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--annotations", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-import", action="store_true", help="skip the import-vs-newsboat comparison")
    args = ap.parse_args()
    rows: list[tuple[str, float, str, str]] = []  # what, value, unit, target

    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        library = Path(tmp) / "library"
        t0 = time.perf_counter()
        store = build_library(library, args.articles, annotations=args.annotations)
        print(f"library: {args.articles:,} articles, {args.annotations:,} annotations, "
              f"built in {time.perf_counter() - t0:.1f} s\n")

        # -- start-up ------------------------------------------------------
        paints = [first_paint_s(library) for _ in range(args.runs)]
        rows.append(("start to first paint (fresh process)", statistics.median(paints), "s", "< 1 s"))
        rows.append(("  of which: python + imports", statistics.median(import_only_s() for _ in range(3)), "s", ""))
        cold = Store(library)
        rows.append(("  of which: store.articles() metadata", median_ms(cold.articles, args.runs) / 1000, "s", ""))
        rows.append(("  of which: store.all_annotations()", median_ms(cold.all_annotations, args.runs) / 1000,
                     "s", ""))

        # -- search --------------------------------------------------------
        cache_path(store).unlink(missing_ok=True)
        t0 = time.perf_counter()
        index = load_index(store)
        rows.append(("search index build, no cache (background)", time.perf_counter() - t0, "s", ""))
        rows.append(("search index load from cache (background)",
                     median_ms(lambda: load_index(store), 3) / 1000, "s", ""))
        per_query = {q: median_ms(lambda q=q: index.search(parse_query(q, live=True)), args.runs) for q in QUERIES}
        rows.append(("search, median over queries", statistics.median(per_query.values()), "ms", "< 100 ms"))
        worst = max(per_query, key=per_query.__getitem__)
        rows.append((f"search, slowest query ({worst})", per_query[worst], "ms", "< 100 ms"))

        # -- filters -------------------------------------------------------
        counts: dict[str, int] = {}
        for ann in store.all_annotations():
            counts[ann.article_id] = counts.get(ann.article_id, 0) + 1
        items = [Row(a, counts.get(a.id, 0)) for a in store.articles()]
        ctx = FilterContext()
        per_filter = [median_ms(lambda f=f: apply_filter(items, f, ctx), args.runs) for f in FILTERS]
        rows.append(("filter (+ sort), median over filters", statistics.median(per_filter), "ms", "< 50 ms"))
        rows.append(("filter (+ sort), slowest", max(per_filter), "ms", "< 50 ms"))

        # -- open, save ----------------------------------------------------
        ids = [r.article.id for r in items]
        random.Random(3).shuffle(ids)
        it = iter(ids)
        rows.append(("open article: store.get_article", median_ms(lambda: store.get_article(next(it)), 20), "ms", ""))
        rows.append(("open article: in app, to next paint",
                     asyncio.run(open_article_ms(library, ids[100:], max(args.runs, 10))), "ms", ""))
        lag_median, lag_max = asyncio.run(loop_lag_ms(library))
        rows.append(("UI loop lag while indexing (median)", lag_median, "ms", ""))
        rows.append(("UI loop lag while indexing (max)", lag_max, "ms", ""))
        n = iter(range(10**6))
        rows.append((f"annotation save, {args.annotations:,} stored", median_ms(
            lambda: store.save_annotation(Annotation(id="", article_id=ids[next(n) % len(ids)], note="bench")),
            max(args.runs, 20)), "ms", "< 10 ms"))
        store.close()

    # -- import vs newsboat -------------------------------------------------
    if not args.no_import:
        rows.extend(import_rows(args.runs))
    print_table(rows)
    return 0


def import_rows(runs: int) -> list[tuple[str, float, str, str]]:
    """Reuse bench_import.py: same feed file, ``marsad import`` vs ``newsboat -x reload``."""
    import shutil

    import bench_import

    with tempfile.TemporaryDirectory(prefix="marsad-bench-import-") as tmp:
        work = Path(tmp)
        feed = work / "feed.xml"
        bench_import.make_feed(feed, 10_000)
        ours = statistics.median(bench_import.time_marsad(feed, work) for _ in range(runs))
        out = [("import 10,000-item feed: marsad", ours, "s", "")]
        if shutil.which("newsboat"):
            theirs = statistics.median(bench_import.time_newsboat(feed, work) for _ in range(runs))
            out.append(("import 10,000-item feed: newsboat", theirs, "s", ""))
            out.append(("import ratio marsad / newsboat", ours / theirs, "x", "<= 1.0"))
    return out


def print_table(rows: list[tuple[str, float, str, str]]) -> None:
    print(f"| {'what':<46} | {'median':>10} | {'target':<8} |")
    print(f"|{'-' * 48}|{'-' * 12}|{'-' * 10}|")
    for what, value, unit, target in rows:
        shown = f"{value:.3f} {unit}" if unit in ("s", "x") else f"{value:.1f} {unit}"
        print(f"| {what:<46} | {shown:>10} | {target:<8} |")


if __name__ == "__main__":
    raise SystemExit(main())
