"""Story clustering at scale: 100,000 articles at once, then 1,000 more incrementally.

Articles are generated as the clusterer sees them (:class:`StoryDoc`): events
of 1-12 reports spread over up to two days in one to four languages, each
naming 2-6 entities of its own drawn from 20,000 (rarer ones more often)
plus 0-2 of 40 ubiquitous ones (countries, capitals), and 15-40 words from
a per-language vocabulary of 30,000 with Zipf-like frequencies, several
events a day over two years. Entity extraction is not part of this
benchmark (see bench_entities.py and bench_entity_cache.py; the library
reads entities from the entity cache, extracting only articles never seen).

Reports: time and peak memory (max RSS growth) to cluster N articles;
adding 1,000 newer articles (a) to the live clusterer, (b) the CLI's way:
load the saved state, add, save; the saved state's size; re-clustering all
N + 1,000 for comparison; and B-cubed against the generated events.

Measured (this container, 2 shared cores, 100,000 articles in 15,430 events):
cluster 58 s (0.58 ms an article), +147 MB peak; B-cubed F1 0.994 against
the generated events; saved state 8.1 MB of JSON; 1,000 newer articles
added to the live clusterer in 0.31 s, the CLI's way (load state, add,
save) in 4.8 s, against 49 s to re-cluster all 101,000 (10x).

    PYTHONPATH=. python benchmarks/bench_stories.py [--articles 100000] [--new 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.stories import Clusterer, StoryDoc  # noqa: E402
from tui.stories.cluster import compact, from_dict, to_dict  # noqa: E402
from tui.stories.evaluate import bcubed  # noqa: E402

LANGS = ("ar", "fa", "he", "en")
START = datetime(2024, 1, 1, tzinfo=UTC)


VOCAB = 30000
_CUM: list[float] = []


def zipf_words(rng: random.Random, lang: str, k: int) -> set[str]:
    """``k`` words of a Zipf(1.1) vocabulary: a few very common, most rare."""
    if not _CUM:
        total = 0.0
        for i in range(VOCAB):
            total += 1 / (i + 1) ** 1.1
            _CUM.append(total)
    return {f"{lang}{i}" for i in rng.choices(range(VOCAB), cum_weights=_CUM, k=k)}


def generate(n: int, seed: int = 7) -> tuple[list[StoryDoc], dict[str, str]]:
    rng = random.Random(seed)
    docs: list[StoryDoc] = []
    gold: dict[str, str] = {}
    event = 0
    span = timedelta(days=730).total_seconds()
    while len(docs) < n:
        event += 1
        t0 = START + timedelta(seconds=rng.random() * span)
        own = {f"e{rng.randrange(20000)}" for _ in range(rng.randint(2, 6))}
        common = {f"c{rng.randrange(40)}" for _ in range(rng.randint(0, 2))}
        langs = rng.sample(LANGS, rng.randint(1, 4))
        topic = {lang: {f"{lang}t{rng.randrange(VOCAB)}" for _ in range(12)} for lang in langs}
        for _k in range(rng.randint(1, 12)):
            if len(docs) >= n:
                break
            lang = rng.choice(langs)
            ents = frozenset(e for e in own | common if rng.random() < 0.75) or frozenset(own)
            words = {w for w in topic[lang] if rng.random() < 0.6}
            words |= zipf_words(rng, lang, rng.randint(10, 30))
            aid = f"a{len(docs):07d}"
            docs.append(StoryDoc(aid, t0 + timedelta(hours=rng.random() * 48), lang, f"src{rng.randrange(60)}",
                                 ents, frozenset(words)))
            gold[aid] = f"ev{event}"
    return docs, gold


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000)
    args = ap.parse_args()
    docs, gold = generate(args.articles + args.new)
    docs.sort(key=lambda d: (d.time, d.id))
    old, new = docs[: args.articles], docs[args.articles:]
    print(f"{len(old)} articles, {len(set(gold[d.id] for d in old))} generated events")

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clusterer = Clusterer()
    _, secs = timed(lambda: clusterer.add_many(old))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(f"cluster {len(old)}: {secs:.1f} s ({secs / len(old) * 1e6:.0f} us an article), "
          f"peak memory +{grown:.0f} MB over the generated input, {len(clusterer.stories)} stories")
    score = bcubed(clusterer.assignment, {d.id: gold[d.id] for d in old})
    print(f"  B-cubed against the generated events: {score}")

    compact(clusterer, old[-1].time - timedelta(hours=144))
    text, save_secs = timed(lambda: json.dumps(to_dict(clusterer), separators=(",", ":")))
    print(f"state: {len(text) / 2**20:.1f} MB JSON, dumped in {save_secs:.2f} s")

    _, live_secs = timed(lambda: clusterer.add_many(new))
    print(f"add {len(new)} to the live clusterer: {live_secs * 1000:.0f} ms")

    def cli_way() -> None:
        c = from_dict(json.loads(text))
        c.add_many(new)
        json.dumps(to_dict(c), separators=(",", ":"))

    _, cli_secs = timed(cli_way)
    print(f"add {len(new)} the CLI's way (load state, add, save): {cli_secs:.2f} s")
    _, full_secs = timed(lambda: Clusterer().add_many(docs))
    print(f"re-cluster all {len(docs)} for comparison: {full_secs:.1f} s "
          f"({full_secs / max(live_secs, 1e-9):.0f}x the live add, {full_secs / cli_secs:.1f}x the CLI's way)")


if __name__ == "__main__":
    main()
