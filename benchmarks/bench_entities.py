"""Entity extraction speed: milliseconds per 1,000 words of news text.

Target (DESIGN.md): < 20 ms per 1,000-word article. Two texts:

* ``--text bench`` (the default): generated deterministically from a
  vocabulary of Arabic news sentences (with names the gazetteer knows, names
  only rules can find, clitics and punctuation), so the run is repeatable;
  a different mix each run.
* ``--text blind14``: the real articles of ``tests/fixtures/entities_blind14``
  (Arabic, Persian and Hebrew news of varied topics, ~3,400 words), each
  read with the language of its file name; one run reads them all.

Reports the median of repeated runs after a warm-up that loads the gazetteer
(a one-off per process, reported separately). Per-word caches (folding,
clitic readings, the gazetteer's aliases per word) are emptied before each
run, so this measures work, not lookups.

    python benchmarks/bench_entities.py [--runs 30] [--engine model|rules] [--text bench|blind14]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path

SENTENCES = [
    "وقال وزير الخارجية الإيراني عباس عراقجي إن طهران مستعدة للتفاوض مع الولايات المتحدة.",
    "وأكد الرئيس الأمريكي دونالد ترامب أن واشنطن لن تسمح لإيران بامتلاك سلاح نووي.",
    "واستقبل الرئيس المصري عبدالفتاح السيسي في القاهرة نظيره التركي رجب طيب أردوغان لبحث الأوضاع في غزة.",
    "وأفاد المتحدث باسم الدفاع المدني العميد سامر حداد بأن فرق الإنقاذ وصلت إلى بلدة الخيام صباح اليوم.",
    "ونقل موقع \"أكسيوس\" عن مسؤولين في البيت الأبيض أن المبعوث ستيف ويتكوف سيزور الدوحة الأسبوع المقبل.",
    "وفي بيروت، قال رئيس مجلس النواب نبيه بري إن حزب الله ملتزم بوقف إطلاق النار مع إسرائيل.",
    "وذكرت وكالة الأنباء السعودية أن ولي العهد محمد بن سلمان بحث مع رئيس الوزراء الباكستاني شهباز شريف العلاقات الثنائية.",
    "وتواصل مصر وقطر وتركيا جهود الوساطة بين الجانبين، وفقا لمصادر دبلوماسية مطلعة على المحادثات.",
    "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري للأعمال القتالية وإدخال المساعدات الإنسانية.",
    "وزار رئيس أركان الجيش الإسرائيلي إيال زمير واشنطن لإجراء محادثات مع الجنرال دان كين حول الخطط الدفاعية.",
    "وقالت وزارة الصحة الفلسطينية إن عدد الضحايا ارتفع خلال الساعات الماضية في خان يونس ورفح.",
    "ولم يتخذ المسؤولون قرارا نهائيا بشأن الخطوات المقبلة، لكنهم أشاروا إلى أن الحوار لا يزال ممكنا.",
]

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities_blind14"


def make_text(words: int = 1000, seed: int = 7) -> str:
    """About ``words`` words of Arabic news, paragraphs of three sentences."""
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        s = rng.choice(SENTENCES)
        out.append(s)
        count += len(s.split())
    paras = [" ".join(out[i:i + 3]) for i in range(0, len(out), 3)]
    return "\n\n".join(paras)


def corpus_texts() -> list[tuple[str, str]]:
    """(text, language) of each article of blind batch 14, the language from its file name."""
    return [(p.read_text(encoding="utf-8"), p.name.split("_")[0]) for p in sorted(CORPUS.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--engine", default="model", choices=("model", "rules"),
                    help="model: the default (rules + the statistical layer); rules: the rules alone")
    ap.add_argument("--text", default="bench", choices=("bench", "blind14"),
                    help="bench: generated Arabic news (a new mix each run); blind14: real articles")
    args = ap.parse_args()
    t0 = time.perf_counter()
    from tui.entities import doc, get_engine, group, model
    from tui.entities.gazetteer import default_gazetteer
    from tui.text import normalize

    engine = get_engine(args.engine)

    def entities(texts: list[tuple[str, str]]) -> int:
        return sum(len(group(engine.extract(text, lang))) for text, lang in texts)

    gaz = default_gazetteer()
    load_ms = (time.perf_counter() - t0) * 1000
    fixed = corpus_texts() if args.text == "blind14" else None
    first = fixed or [(make_text(), "ar")]
    words = sum(len(t.split()) for t, _ in first)
    entities(first)  # warm-up: the engine's lazily built tables
    times, cpu = [], []
    for n in range(args.runs):
        # a different mix each run (bench), and cold per-word caches, so this measures work, not lookups
        texts = fixed or [(make_text(seed=100 + n), "ar")]
        per = 1000 / sum(len(t.split()) for t, _ in texts)
        normalize.normalise.cache_clear()
        normalize.clitic_candidates.cache_clear()
        getattr(gaz, "forget_words", lambda: None)()  # (absent before the per-word aliases: compare revisions)
        getattr(doc, "forget_words", lambda: None)()  # the rules' per-word answers (head nouns, titles, marks)
        getattr(model, "forget_words", lambda: None)()  # the statistical layer's features kept per word
        t, c = time.perf_counter(), time.process_time()
        found = entities(texts)
        times.append((time.perf_counter() - t) * 1000 * per)
        cpu.append((time.process_time() - c) * 1000 * per)
    print(f"gazetteer load: {load_ms:.1f} ms (once per process)")
    print(f"text: {args.text}, {words} words, {found} entities; engine: {args.engine}; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"extract+group: median {statistics.median(times):.2f} ms per 1,000 words "
          f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs; target < 20 ms)")
    # CPU time of this process: on a shared machine the wall clock also counts other processes' turns
    print(f"extract+group CPU time: median {statistics.median(cpu):.2f} ms per 1,000 words (min {min(cpu):.2f})")


if __name__ == "__main__":
    main()
