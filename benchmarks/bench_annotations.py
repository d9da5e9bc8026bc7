"""Annotation save time with 10,000 annotations already stored (target < 10 ms median).

    python benchmarks/bench_annotations.py [--existing 10000] [--repeat 50]

Why it can be fast: annotations live in 32 bucket files by article id, so a
save rewrites one bucket (~1/32 of them) atomically (temp file, fsync,
rename) under the library lock. The library is built in a temp folder by
writing whole buckets at once; then each timed run saves one new
highlight (with quote and context) on a random article, as ``h`` does.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from tui.anchoring import anchor_highlight
from tui.store import Store, bucket_of

BODY = ("استضافت العاصمة العمانية مسقط جولة جديدة من المحادثات غير المباشرة بين إيران والولايات المتحدة، "
        "بوساطة وزير الخارجية العماني، في محاولة لتقريب المواقف بشأن البرنامج النووي. ") * 6


def build(store: Store, existing: int, articles: int) -> list[str]:
    """``existing`` annotations over ``articles`` article ids, written bucket by bucket."""
    rng = random.Random(7)
    ids = [f"art{n:05d}" for n in range(articles)]
    buckets: dict[str, dict[str, dict]] = {}
    for n in range(existing):
        aid = rng.choice(ids)
        start = rng.randrange(0, len(BODY) - 80)
        ann = anchor_highlight(BODY, start, start + rng.randrange(10, 80), article_id=aid,
                               note="ملاحظة قصيرة على هذا المقطع", tags=["إيران", "negotiations"])
        ann.id = f"ann{n:06d}"
        buckets.setdefault(bucket_of(aid), {})[ann.id] = ann.to_dict()
    with store.writing():
        for bucket, docs in buckets.items():
            store._upsert_many(f"annotations/{bucket}.json", "annotations", docs)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--existing", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "library")
        ids = build(store, args.existing, args.articles)
        assert len(store.all_annotations()) == args.existing
        rng = random.Random(11)
        times = []
        for n in range(args.repeat):
            aid = rng.choice(ids)
            ann = anchor_highlight(BODY, 100, 160, article_id=aid, note=f"run {n}")
            t0 = time.perf_counter()
            store.save_annotation(ann)
            times.append((time.perf_counter() - t0) * 1000)
        store.close()
    median = statistics.median(times)
    print(f"annotation save with {args.existing:,} stored: median {median:.2f} ms, "
          f"p90 {sorted(times)[int(len(times) * 0.9)]:.2f} ms, max {max(times):.2f} ms "
          f"(target < 10 ms: {'ok' if median < 10 else 'MISSED'})")


if __name__ == "__main__":
    main()
