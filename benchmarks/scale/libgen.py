"""A 1,000,000-article library written straight into the store, and newsboat's match.

Run: ``python benchmarks/scale/libgen.py --tree /work/main OUT_DIR [--articles 1000000] [--words 150]``

Importing a million feed items through ``marsad import`` would take the
whole session, and what the 1M run measures is the app and search on a big
library, not the import (the import is measured at 100k). So articles are
made by ``textgen`` (the same templates as the feeds: 80% Arabic, 10%
Persian, 10% English, 100 sources, one item every 78 s going back) and
written through the store's public ``Store.add_articles`` in batches of
10,000, in a child process that imports the measured tree's ``tui``.

Only a SQLite store makes sense here: the child stops after the first batch
when the tree's store wrote no ``library.sqlite`` (the JSON store of before
#13 would take hours and gigabytes), and the runner reports the 1M size as
skipped.

newsboat's match is its own cache at 100k (from the 100k import run) with
each row copied ten times under new GUIDs into 100 feeds: the same bytes a
newsboat user with 100 feeds of 10,000 items would have, made in SQL in
seconds instead of parsing 3.8 GB of XML.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

START = 1_767_225_600
STEP = 78  # seconds between articles: a million of them cover ~2.5 years
LANG_OF = ("ar",) * 8 + ("fa", "en")

CHILD = r"""
import random, sys, time
from datetime import datetime, timezone
from pathlib import Path
sys.path.insert(0, sys.argv[4])
import textgen
from tui.models import Article
from tui.store import Store, article_id_for

folder, total, words = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
START, STEP, LANGS = @CONSTS@
store = Store(folder)
start = store.article_count()
rng = random.Random(f"libgen-{start}")
batch = 10_000
t0 = time.perf_counter()
for first in range(start, total, batch):
    arts = []
    for i in range(first, min(first + batch, total)):
        src = i % 100
        lang = LANGS[src % 10]
        url = f"https://src{src}.bench.test/a/{i}"
        when = datetime.fromtimestamp(START - i * STEP, timezone.utc).isoformat()
        body = "\n\n".join(textgen.paragraphs(rng, lang, rng.randint(words // 2, words * 3 // 2)))
        arts.append(Article(id=article_id_for(url), title=textgen.title(rng, lang), body=body, url=url,
                            source=f"Source {src}", language=lang, published=when, read=False))
    store.add_articles(arts)
    if first == start and not any(folder.glob("*.sqlite*")):
        print("no-sqlite", flush=True)
        sys.exit(3)
    done = first + len(arts)
    print(f"{done} {time.perf_counter() - t0:.1f}", flush=True)
store.close()
""".replace("@CONSTS@", repr((START, STEP, LANG_OF))[1:-1])


def oldest_date(total: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(START - (total - 1) * STEP, UTC).strftime("%Y-%m-%d")


def build(tree: Path, folder: Path, total: int, words: int, env: dict[str, str], timeout: float) -> bool:
    """Fill ``folder`` up to ``total`` articles (resumes a partial library); False when not SQLite."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(total), str(words), str(HERE)],
                            cwd=tree, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("no-sqlite"):
            proc.wait()
            return False
        done = line.split()[0]
        if done.isdigit() and int(done) % 100_000 == 0:
            print(f"  libgen: {line.strip()} s", flush=True)
    return proc.wait(timeout=timeout) == 0


def newsboat_million(nb100k: Path, out: Path, copies: int = 10) -> Path | None:
    """newsboat's cache at 100k, copied ``copies`` times into 100 feeds (urls file included)."""
    db100 = nb100k / "cache.db"
    if not db100.exists():
        return None
    done = out / "done"
    if done.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy(db100, out / "cache.db")
    con = sqlite3.connect(out / "cache.db")
    feeds = [r[0] for r in con.execute("select rssurl from rss_feed")]
    cols = ("title, author, url, pubDate, content, unread, enclosure_url, enclosure_type, enqueued, flags, "
            "deleted, base")
    urls: list[str] = list(feeds)
    for k in range(1, copies):
        for feed in feeds:
            new = f"{feed}?copy={k}"
            urls.append(new)
            con.execute("insert into rss_feed(rssurl, url, title, lastmodified, is_rtl, etag) "
                        "select ?, url, title || ' ' || ?, lastmodified, is_rtl, etag from rss_feed where rssurl = ?",
                        (new, str(k), feed))
            con.execute(f"insert into rss_item(guid, feedurl, {cols}) select guid || '-' || ?, ?, {cols} "
                        "from rss_item where feedurl = ?", (str(k), new, feed))
        con.commit()
    con.close()
    (out / "urls").write_text("".join(u + "\n" for u in urls), encoding="utf-8")
    (out / "config").write_text("max-items 0\nshow-read-feeds yes\n", encoding="utf-8")
    done.write_text("ok")
    return out


def prepare(tree: Path, work: Path, seed: int, env: dict[str, str], timeout: float,
            total: int = 1_000_000, words: int = 150) -> tuple[Path | None, Path | None, str]:
    """The 1M library (built once, kept in ``work``) and newsboat's 1M cache, for the runner."""
    lib = work / "lib-1m"
    marker = lib / f".libgen-{total}-{words}"
    if not marker.exists():
        if not build(tree, lib, total, words, env, timeout=max(timeout, 6 * 3600)):
            return None, None, ""
        marker.write_text("ok")
    nb = newsboat_million(work / "nb-100k", work / "nb-1m")
    return lib, nb, oldest_date(total)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--tree", default=str(HERE.parents[1]))
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--words", type=int, default=150)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(Path(args.tree).resolve())}
    ok = build(Path(args.tree).resolve(), Path(args.out), args.articles, args.words, env, timeout=6 * 3600)
    print("built" if ok else "skipped: the tree's store is not SQLite")
    return 0 if ok else 3


if __name__ == "__main__":
    raise SystemExit(main())
