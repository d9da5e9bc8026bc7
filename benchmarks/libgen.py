"""Generate a large Arabic/English library of made-up news for benchmarks.

Text is built from small word lists with a fixed random seed, so every run
measures the same library: half Arabic (with clitics, hamza forms, harakat
now and then), half English, ~180 words each, 20 sources, two years of dates.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.models import Annotation, Article
from tui.store import Store, article_id_for

AR_WORDS = (
    "إيران وإيران بإيران الرئيس للرئيس والرئيس الحكومة وزير الخارجية المحادثات النووي الولايات المتحدة "
    "السعودية مصر الأردن لبنان سوريا العراق الخليج النفط الخام الأسعار الاقتصاد البنك المركزي الاستثمار "
    "مسقط عمان الدوحة القاهرة بيروت دمشق بغداد الرياض طهران واشنطن أعلن قال أكد مصدر مسؤول اليوم أمس "
    "الأسبوع المقبل جولة جديدة اتفاق مفاوضات وساطة الأمم المتحدة مجلس الأمن العقوبات الطاقة الغاز "
    "المياه الحدود الجيش الأمن الانتخابات البرلمان المعارضة الشعب الاحتجاجات الصحافة وكالة موقع تقرير"
).split()
EN_WORDS = (
    "Iran talks president government minister foreign nuclear United States Saudi Arabia Egypt Jordan "
    "Lebanon Syria Iraq Gulf oil crude prices economy central bank investment Muscat Oman Doha Cairo "
    "Beirut Damascus Baghdad Riyadh Tehran Washington announced said confirmed source official today "
    "yesterday next week new round agreement negotiations mediation United Nations Security Council "
    "sanctions energy gas water border army security elections parliament opposition people protests "
    "press agency report the of and in on to a with for by"
).split()
SOURCES = [f"Wire {i}" for i in range(10)] + [f"وكالة {i}" for i in range(10)]
HARAKAT = "\u064e\u064f\u0650"


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    picked = [rng.choice(words) for _ in range(n)]
    if words is AR_WORDS and rng.random() < 0.2:
        i = rng.randrange(n)
        picked[i] = picked[i][0] + rng.choice(HARAKAT) + picked[i][1:]
    return " ".join(picked)


def make_article(i: int, rng: random.Random, start: datetime) -> Article:
    arabic = i % 2 == 0
    words = AR_WORDS if arabic else EN_WORDS
    stop = "." if not arabic else "."
    paragraphs = ["".join(_sentence(rng, words, rng.randint(10, 18)) + stop + " " for _ in range(3)).strip()
                  for _ in range(rng.randint(3, 5))]
    published = start + timedelta(minutes=i * 97)
    art = Article(
        id="", title=_sentence(rng, words, rng.randint(6, 10)), body="\n\n".join(paragraphs),
        url=f"https://example.org/{i}", source=SOURCES[(i // 2) % 10 + (10 if arabic else 0)],
        language="ar" if arabic else "en", published=published.isoformat(),
        tags=[rng.choice(["iran", "gulf", "energy", "economy"])] if rng.random() < 0.1 else [],
        read=rng.random() < 0.5,
    )
    art.id = article_id_for(art.url)
    return art


def build_library(folder: Path, n: int = 10_000, annotations: int = 0, seed: int = 7) -> Store:
    """A library of ``n`` generated articles (and ``annotations`` notes) in ``folder``."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    store = Store(folder)
    store.add_articles([make_article(i, rng, start) for i in range(n)])
    if annotations:
        add_annotations(store, annotations, rng)
    return store


def add_annotations(store: Store, count: int, rng: random.Random) -> None:
    """Many annotations written bucket by bucket (fast), as if made over months."""
    from collections import defaultdict

    from tui.store import bucket_of

    ids = [a.id for a in store.articles()]
    per_bucket: dict[str, dict[str, dict]] = defaultdict(dict)
    for k in range(count):
        aid = rng.choice(ids)
        ann = Annotation(id=f"n{k:07d}", article_id=aid, note=f"note {k} about Iran and oil",
                         tags=[rng.choice(["watch", "iran", "follow-up"])])
        per_bucket[bucket_of(aid)][ann.id] = ann.to_dict()
    with store.writing():
        for bucket, docs in per_bucket.items():
            store._upsert_many(f"annotations/{bucket}.json", "annotations", docs)  # noqa: SLF001
