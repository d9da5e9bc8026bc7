"""Import speed: Marsad vs newsboat on the same 10,000-item Arabic RSS file.

Run: ``/work/venv/bin/python benchmarks/bench_import.py [--items 10000] [--runs 5]``

Both tools start from an empty library/cache each run and read the same file;
we time the whole process (start-up included) for ``marsad import FILE`` and
for ``newsboat -x reload`` with the feed given as ``"exec:cat FILE"``, and
report medians and the ratio (ours / newsboat; lower is better, the aim is
<= 1.0). In-process timings split our time into decode, parse (our
defusedxml walk and feedparser, on the same text) and the store write, so a
regression points at its stage.

The feed text is generated from a small word list we wrote; it is not news.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("الحكومة الوزير المدينة السوق الأسعار المياه الطاقة الزراعة الطلاب المدرسة الجامعة المستشفى "
         "الطريق الجسر الميناء التجارة الصادرات المواطنين البرلمان المجلس القرار الخطة المشروع "
         "التقرير البيانات الشركة العمال الموسم المطر الصيف الشتاء الشمال الجنوب اليوم أمس غدا "
         "أعلن قال أكد أوضح افتتح ناقش وافق رفض ارتفع انخفض بدأ انتهى جديد كبير صغير مهم "
         "في من إلى على عن مع بعد قبل خلال بين حتى أن إن لكن كما أيضا نحو").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_feed(path: Path, items: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           "<title>نشرة اختبار الأداء</title><link>http://bench.test/</link><language>ar</language>"]
    base = 1709632800
    for i in range(items):
        paras = "".join(f"<p>{sentence(rng, rng.randint(15, 30))}.</p>" for _ in range(3))
        out.append(
            f"<item><title>{escape(sentence(rng, 8))} {i}</title>"
            f"<link>http://bench.test/a/{i}</link><guid>bench-{i}</guid>"
            f"<pubDate>{formatdate(base - i * 60, usegmt=True)}</pubDate>"
            f"<description>{escape(paras)}</description></item>")
    out.append("</channel></rss>\n")
    path.write_text("\n".join(out), encoding="utf-8")


def time_marsad(feed: Path, work: Path) -> float:
    lib = work / f"lib-{time.monotonic_ns()}"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui", "--library", str(lib), "import", str(feed)],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    elapsed = time.perf_counter() - started
    shutil.rmtree(lib, ignore_errors=True)
    return elapsed


def time_newsboat(feed: Path, work: Path) -> float:
    run = work / f"nb-{time.monotonic_ns()}"
    run.mkdir()
    (run / "urls").write_text(f'"exec:cat {feed}"\n', encoding="utf-8")
    (run / "config").write_text("max-items 0\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(run), "XDG_CONFIG_HOME": str(run), "XDG_DATA_HOME": str(run)}
    started = time.perf_counter()
    subprocess.run(["newsboat", "-u", str(run / "urls"), "-c", str(run / "cache.db"), "-C", str(run / "config"),
                    "-x", "reload"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - started
    count = _newsboat_items(run / "cache.db")
    shutil.rmtree(run, ignore_errors=True)
    time_newsboat.items = count  # type: ignore[attr-defined]
    return elapsed


def _newsboat_items(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as con:
        return con.execute("select count(*) from rss_item").fetchone()[0]


def stages(feed: Path, work: Path) -> dict[str, float]:
    """Our pipeline stage by stage, in process (best of the runs is not taken: one run)."""
    from tui.ingest.encoding import decode_bytes
    from tui.ingest.feeds import parse_feed, parse_with_feedparser
    from tui.store import Store

    t0 = time.perf_counter()
    text = decode_bytes(feed.read_bytes()).text
    t1 = time.perf_counter()
    parsed = parse_feed(text)
    t2 = time.perf_counter()
    fp = parse_with_feedparser(text)
    t3 = time.perf_counter()
    store = Store(work / f"stage-{time.monotonic_ns()}")
    t4 = time.perf_counter()
    added, _ = store.add_articles(parsed.items)
    t5 = time.perf_counter()
    assert len(added) == len(parsed.items) == len(fp.items)
    assert [a.body for a in parsed.items[:50]] == [a.body for a in fp.items[:50]]
    return {"decode": t1 - t0, "parse (ours: defusedxml walk)": t2 - t1, "parse (feedparser)": t3 - t2,
            "store.add_articles": t5 - t4}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        work = Path(tmp)
        feed = work / "arabic.xml"
        make_feed(feed, args.items)
        size = feed.stat().st_size / (1024 * 1024)
        print(f"feed: {args.items} items, {size:.1f} MB, {args.runs} runs each\n")
        ours = [time_marsad(feed, work) for _ in range(args.runs)]
        have_nb = shutil.which("newsboat") is not None
        theirs = [time_newsboat(feed, work) for _ in range(args.runs)] if have_nb else []
        m_ours = statistics.median(ours)
        print(f"{'tool':<28}{'median s':>10}{'items/s':>12}{'min s':>9}{'max s':>9}")
        print(f"{'marsad import':<28}{m_ours:>10.3f}{args.items / m_ours:>12.0f}{min(ours):>9.3f}{max(ours):>9.3f}")
        if theirs:
            m_nb = statistics.median(theirs)
            nb_items = getattr(time_newsboat, "items", 0)
            print(f"{'newsboat -x reload':<28}{m_nb:>10.3f}{nb_items / m_nb:>12.0f}{min(theirs):>9.3f}"
                  f"{max(theirs):>9.3f}   ({nb_items} items stored)")
            print(f"\nratio marsad/newsboat (median time): {m_ours / m_nb:.2f}  (<= 1.0 means Marsad is faster)")
        else:
            print("\nnewsboat not installed: no comparison")
        print("\nour stages, in process (one run):")
        for name, secs in stages(feed, work).items():
            print(f"  {name:<32}{secs:>8.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
