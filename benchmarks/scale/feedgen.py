"""Write the scale benchmark's RSS 2.0 feed files: N feeds of M items each.

Run: ``python benchmarks/scale/feedgen.py OUT_DIR [--feeds 10] [--items 10000] [--seed 7] [--words 300]``

The defaults give the issue's library: 10 feeds of 10,000 items, ~3.8 KB an
item (a ~300-word body in three to six ``<p>`` paragraphs, escaped in
``<description>``), ~38 MB a feed. Feeds 0-7 are Arabic, feed 8 Persian,
feed 9 English, each with its own channel title, GUIDs, links and one item
every 13 minutes going back in time. The same seed gives byte-identical
files, so marsad and newsboat read exactly the same input in every run; a
``manifest.json`` records the parameters and lets callers reuse the files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

import textgen

LANGS = ("ar",) * 8 + ("fa", "en")
CHANNEL = {"ar": "نشرة {n} الإخبارية", "fa": "خبرنامه {n}", "en": "Wire {n} news"}
START = 1_767_225_600  # 2026-01-01 00:00 UTC; items go back from here


def feed_lang(n: int) -> str:
    return LANGS[n % len(LANGS)]


def write_feed(path: Path, n: int, items: int, seed: int, words: int) -> int:
    """One feed file, streamed to disk; returns its size in bytes."""
    lang = feed_lang(n)
    rng = random.Random(f"{seed}-{n}")
    host = f"feed{n}.bench.test"
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n')
        out.write(f"<title>{escape(CHANNEL[lang].format(n=n))}</title><link>https://{host}/</link>"
                  f"<description>{escape(CHANNEL[lang].format(n=n))}</description><language>{lang}</language>\n")
        for i in range(items):
            body = "".join(f"<p>{p}</p>" for p in textgen.paragraphs(rng, lang, rng.randint(words // 2, words * 3 // 2)))
            out.write(
                f"<item><title>{escape(textgen.title(rng, lang))}</title>"
                f"<link>https://{host}/a/{i}</link><guid isPermaLink=\"false\">{host}-{i}</guid>"
                f"<pubDate>{formatdate(START - i * 780 - n * 17, usegmt=True)}</pubDate>"
                f"<description>{escape(body)}</description></item>\n")
        out.write("</channel></rss>\n")
    return path.stat().st_size


def ensure_feeds(folder: Path, feeds: int = 10, items: int = 10_000, seed: int = 7, words: int = 300) -> list[Path]:
    """The feed files in ``folder``, written only when missing or made with other parameters."""
    folder.mkdir(parents=True, exist_ok=True)
    params = {"feeds": feeds, "items": items, "seed": seed, "words": words, "version": 1}
    manifest = folder / "manifest.json"
    paths = [folder / f"feed{n:02d}-{feed_lang(n)}.xml" for n in range(feeds)]
    try:
        if json.loads(manifest.read_text())["params"] == params and all(p.exists() for p in paths):
            return paths
    except (OSError, ValueError, KeyError):
        pass
    sizes = {p.name: write_feed(p, n, items, seed, words) for n, p in enumerate(paths)}
    manifest.write_text(json.dumps({"params": params, "sizes": sizes}, indent=1))
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--feeds", type=int, default=10)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--words", type=int, default=300, help="mean body length in words")
    args = ap.parse_args()
    paths = ensure_feeds(Path(args.out), args.feeds, args.items, args.seed, args.words)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} feeds x {args.items} items, {total / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
