"""RTL layout benchmark: a generated 5,000-word Arabic article.

    python benchmarks/bench_rtl.py [--repeat 15]

Prints medians for the DESIGN.md targets: first screen (40 rows at width 100)
< 30 ms, full layout at 100 cols < 100 ms, re-layout on resize (first
screen) < 30 ms, one render_line < 1 ms (headless Reader when Textual is
importable, else the line-building function). Caches are cleared between
runs so each number is a cold layout.
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import time

layout_mod = importlib.import_module("tui.rtl.layout")
paragraph_mod = importlib.import_module("tui.rtl.paragraph")
from tui.rtl.layout import layout
from tui.text.sanitize import sanitize

VOCAB = (
    "قال أعلن الوزير الحكومة الشركة اليوم أمس مصادر مسؤول الأمريكي الإيراني المفاوضات اتفاق "
    "الرئيس المنطقة الأمن الاقتصاد السوق الأسعار ارتفاع انخفاض بنسبة في من إلى على عن مع لا "
    "إن أن التي الذي هذه ذلك بين خلال بعد قبل حتى وقد كما أيضاً الدولية المتحدة العربية "
    "مجلس الوزراء البرلمان الانتخابات المعارضة الجيش العسكرية الدبلوماسية الصحفي المؤتمر "
    "مُحَمَّدٌ الْعِلْمُ للأمن لأن الاستثمار"
).split()
MIXED = ["2024", "15%", "1,250.75", "John Smith", "(انظر الصفحة 12)", "«تقرير»", "Google", "٣٤٥"]


def make_article(words: int = 5000, per_para: int = 100, seed: int = 7) -> str:
    rnd = random.Random(seed)
    paras = []
    for _ in range(words // per_para):
        toks = [rnd.choice(VOCAB) if rnd.random() > 0.06 else rnd.choice(MIXED) for _ in range(per_para)]
        paras.append(" ".join(toks) + ".")
    return "\n\n".join(paras)


def clear() -> None:
    layout_mod.clear_cache()
    paragraph_mod.prepare.cache_clear()
    paragraph_mod.resolve.cache_clear()


def first_screen(text: str, width: int, rows: int = 40) -> int:
    lay = layout(text, width, "app", language="ar")
    got = i = 0
    while got < rows and i < len(lay):
        got += len(lay.paragraph_lines(i)) + 1
        i += 1
    return got


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


SHOW: list[float] = []


def bench_render_line(text: str, repeat: int) -> tuple[str, float]:
    """Median of Reader.render_line over a screen of rows, strip cache cleared,
    with a highlight mark on every line (the slower drawing path)."""
    import asyncio

    from textual.app import App

    from tui.models import Article
    from tui.rtl.marks import Mark
    from tui.themes import APP_VARIABLES
    from tui.widgets.reader import Reader

    class Bench(App):
        def get_theme_variable_defaults(self) -> dict[str, str]:
            return dict(APP_VARIABLES)

        def compose(self):
            yield Reader()

    times: list[float] = []
    SHOW.clear()

    async def run() -> None:
        app = Bench()
        async with app.run_test(size=(102, 42)) as pilot:
            reader = app.query_one(Reader)
            art = Article(id="b", title="عنوان", body=text, language="ar")
            for _ in range(repeat):
                clear()
                t = time.perf_counter()
                reader.show(art)
                SHOW.append((time.perf_counter() - t) * 1000)
            await pilot.pause()
            reader.marks = [Mark(i, i + 30, "highlight") for i in range(0, len(text), 200)]
            reader.focus()
            await pilot.pause()
            for _ in range(repeat):
                reader._strips.clear()
                for y in range(40):
                    t = time.perf_counter()
                    reader.render_line(y)
                    times.append((time.perf_counter() - t) * 1000)
                await pilot.press("space")
                await pilot.pause()

    asyncio.run(run())
    return "Reader.render_line, headless, with marks", statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    text = sanitize(make_article())
    print(f"article: {len(text.split())} words, {len(text)} chars")
    fs = median_ms(lambda: first_screen(text, 100), args.repeat)
    full = median_ms(lambda: layout(text, 100, "app", language="ar").lines, args.repeat)
    clear()
    _ = layout(text, 100, "app", language="ar").lines  # warm at 100, then resize to 80
    times = []
    for k in range(args.repeat):
        layout_mod.clear_cache()
        t = time.perf_counter()
        first_screen(text, 80 + (k % 2))
        times.append((time.perf_counter() - t) * 1000)
    resize = statistics.median(times)
    what, line_ms = bench_render_line(text, args.repeat)
    print(f"first screen (40 rows @100 cols): {fs:8.2f} ms   target < 30")
    print(f"full layout @100 cols:            {full:8.2f} ms   target < 100")
    print(f"re-layout on resize (1st screen): {resize:8.2f} ms   target < 30")
    print(f"Reader.show() of the article:     {statistics.median(SHOW):8.2f} ms   (first screen in the widget)")
    print(f"one render_line [{what}]: {line_ms:8.4f} ms   target < 1")


if __name__ == "__main__":
    main()
