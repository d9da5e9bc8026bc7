"""Entity extraction speed: milliseconds per 1,000 words of Arabic news text.

Target (DESIGN.md): < 20 ms per 1,000-word article. The text is generated
deterministically from a vocabulary of Arabic news sentences (with names the
gazetteer knows, names only rules can find, clitics and punctuation), so the
run is repeatable. Reports the median of repeated runs after a warm-up that
loads the gazetteer (a one-off per process, reported separately).

    python benchmarks/bench_entities.py [--runs 30] [--engine model|rules]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--engine", default="model", choices=("model", "rules"),
                    help="model: the default (rules + the statistical layer); rules: the rules alone")
    args = ap.parse_args()
    t0 = time.perf_counter()
    from tui.entities import get_engine, group
    from tui.entities.gazetteer import default_gazetteer
    from tui.text import normalize

    engine = get_engine(args.engine)

    def entities(text: str, lang: str) -> list:
        return group(engine.extract(text, lang))

    default_gazetteer()
    load_ms = (time.perf_counter() - t0) * 1000
    text = make_text()
    words = len(text.split())
    entities(text, "ar")  # warm-up
    times, cpu = [], []
    for n in range(args.runs):
        # a different mix each run, and cold per-word caches, so this measures work, not lookups
        variant = make_text(seed=100 + n)
        normalize.normalise.cache_clear()
        normalize.clitic_candidates.cache_clear()
        t, c = time.perf_counter(), time.process_time()
        found = entities(variant, "ar")
        times.append((time.perf_counter() - t) * 1000 * 1000 / len(variant.split()))
        cpu.append((time.process_time() - c) * 1000 * 1000 / len(variant.split()))
    print(f"gazetteer load: {load_ms:.1f} ms (once per process)")
    print(f"text: {words} words, {len(found)} entities")
    print(f"engine: {args.engine}")
    print(f"extract+group: median {statistics.median(times):.2f} ms per 1,000 words "
          f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs; target < 20 ms)")
    # CPU time of this process: on a shared machine the wall clock also counts other processes' turns
    print(f"extract+group CPU time: median {statistics.median(cpu):.2f} ms per 1,000 words (min {min(cpu):.2f})")


if __name__ == "__main__":
    main()
