"""Deeply nested input: parsing stays linear and bounded (issue #11).

Each case is a hostile document of about ``--size`` bytes (default 1.5 MB):
nesting far past the limits (refused: the time to say no), and nesting just
under the limits with the rest of the bytes as content (parsed: the time to
read it). Medians of ``--runs`` runs, in seconds, plus the ratio to the time
the same code takes on a flat document of the same size.

    PYTHONPATH=. python benchmarks/bench_nesting.py [--size BYTES] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from tui.errors import InputError
from tui.ingest.feeds import parse_feed
from tui.ingest.html import MAX_HTML_DEPTH, extract_page, html_to_text
from tui.ingest.opml import parse_opml

PARA = "<p>نص الخبر الطويل عن الطقس والأسواق في المدينة، مع أرقام 2025 و(أقواس).</p>"


def repeat_to(unit: str, size: int) -> int:
    return max(1, size // len(unit.encode("utf-8")))


def html_cases(size: int) -> dict[str, str]:
    deep = MAX_HTML_DEPTH - 8
    flat = PARA * repeat_to(PARA, size)
    return {
        "flat page": f"<html><body><article>{flat}</article></body></html>",
        "div x 1e5 (refused)": "<div>x" * repeat_to("<div>x", size),
        "ul/li x 1e5 (refused)": "<ul><li>x" * repeat_to("<ul><li>x", size),
        "table/tr/td x 1e5 (refused)": "<table><tr><td>x" * repeat_to("<table><tr><td>x", size),
        "unclosed b/span (inline)": "<b><span>x" * repeat_to("<b><span>x", size),
        f"div x {deep} + content": "<div class='x'>" * deep + flat + "</div>" * deep,
        f"blockquote x {deep} + content": "<blockquote>" * deep + flat + "</blockquote>" * deep,
        f"ul/li x {deep} + content": "<ul><li>" * deep + flat,
        f"pre x {deep} + content": "<pre>" * deep + flat,
    }


def feed_cases(size: int) -> dict[str, str]:
    n = repeat_to("<div>", size // 2)
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>'
            '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            + "<div>" * n + "x" + "</div>" * n + "</div></content></entry></feed>")
    m = repeat_to("[", size // 2)
    outline = '<outline text="f">'
    k = repeat_to(outline + "</outline>", size)
    return {
        "atom xhtml nested (refused)": atom,
        "json feed nested (refused)": '{"items":[{"title":' + "[" * m + "]" * m + "}]}",
        "json items nested (refused)": '{"items":' + "[" * m + "]" * m + "}",
        "opml nested (refused)": "<opml><body>" + outline * k + "</outline>" * k + "</body></opml>",
    }


def timed(fn: Callable[[], object], runs: int) -> tuple[float, str]:
    times: list[float] = []
    outcome = "ok"
    for _ in range(runs):
        start = time.perf_counter()
        try:
            fn()
        except InputError as exc:
            outcome = f"refused: {str(exc)[:60]}"
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1_500_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    base: dict[str, float] = {}
    for name, doc in html_cases(args.size).items():
        for label, fn in (("html_to_text", html_to_text), ("extract_page", extract_page)):
            secs, outcome = timed(lambda fn=fn, doc=doc: fn(doc), args.runs)
            if name == "flat page":
                base[label] = secs
            rows.append({"case": name, "code": label, "bytes": len(doc.encode()), "median_s": round(secs, 4),
                         "x_flat": round(secs / base[label], 2) if base.get(label) else None, "outcome": outcome})
    for name, doc in feed_cases(args.size).items():
        parse = (lambda d=doc: parse_opml(d, "x")) if name.startswith("opml") else (lambda d=doc: parse_feed(d, "x"))
        secs, outcome = timed(parse, args.runs)
        rows.append({"case": name, "code": "parse", "bytes": len(doc.encode()), "median_s": round(secs, 4),
                     "x_flat": None, "outcome": outcome})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        ratio = f"{r['x_flat']:>6}x" if r["x_flat"] is not None else "       "
        print(f"{r['case']:<32} {r['code']:<13} {r['bytes']:>9} B {r['median_s']:>8.3f} s {ratio}  {r['outcome']}")


if __name__ == "__main__":
    main()
