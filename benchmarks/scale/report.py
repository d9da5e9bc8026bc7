"""Markdown tables from the runner's JSON results, for docs/performance.md.

Run: ``python benchmarks/scale/report.py benchmarks/scale/results/FILE.json [...]``

One table per file: each figure's median, worst and peak RSS beside
newsboat's from the same run, and the ratios against DESIGN.md's targets.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def cell(fig: dict | None) -> str:
    if fig is None:
        return ""
    if fig["median"] is None:
        notes = [r["note"] for r in fig["runs"] if r["note"]]
        return notes[0] if notes else "n/a"
    unit = fig["unit"]
    med = f"{fig['median']:.2f} s" if unit == "s" else f"{fig['median']:.0f} MB"
    if fig["median"] is not None and unit == "s" and fig["median"] < 0.1:
        med = f"{fig['median'] * 1000:.0f} ms"
    n = sum(1 for r in fig["runs"] if r["seconds"] is not None)
    extra = [f"n={n}"]
    if n > 1 and unit == "s":
        extra.append(f"worst {fig['worst']:.2f}")
    if fig.get("rss_mb_median"):
        extra.append(f"{fig['rss_mb_median']:.0f} MB peak")
    if fig.get("cpu_median") and fig["what"].startswith("import"):
        extra.append(f"CPU {fig['cpu_median']:.1f} s")
    return f"{med} ({', '.join(extra)})"


def recompute(figs: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """The runner's ratios, targets and loads from the figures, so an older file gets today's rows too."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run

    objs = [run.Figure(f["size"], f["what"], f["tool"], f["unit"], [run.Run(**r) for r in f["runs"]], f.get("extra", {}))
            for f in figs]
    sizes = list(dict.fromkeys(f["size"] for f in figs if f["size"] != "0"))
    return run.verdicts_with_load(objs, sizes)


def load_of(*figs: dict | None) -> str:
    loads = [r["load"] for f in figs if f for r in f["runs"]]
    return f"{min(loads):.1f}–{max(loads):.1f}" if loads else ""


def table(data: dict) -> str:
    figs = data["figures"]
    keyed = {(f["size"], f["what"], f["tool"]): f for f in figs}
    rows = []
    seen: set[tuple[str, str, bool]] = set()
    for f in figs:
        empty = f["tool"] == "empty app"  # the empty app's rows stand apart from marsad's of the same name
        key = (f["size"], f["what"], empty)
        if key in seen:
            continue
        seen.add(key)
        ours = f if empty else keyed.get((f["size"], f["what"], "marsad"))
        nb = None if empty else keyed.get((f["size"], f["what"], "newsboat"))
        size = "—" if f["size"] == "0" else f["size"]
        tool = " (empty app)" if empty else ""
        rows.append(f"| {size} | {f['what']}{tool} | {cell(ours)} | {cell(nb)} | {load_of(ours, nb)} |")
    code = f" (measured code last changed in `{data['code_commit']}`)" if data.get("code_commit") else ""
    head = (f"Tree `{data['commit'].split()[0]}`{code}, {data['cores']} cores, {data['repeats']} repeats, "
            f"timeout {data['timeout']:.0f} s, started {data['started']}.")
    if "compiled" in data:
        head += " Bytecode compiled first." if data["compiled"] else " Bytecode NOT compiled first."
    else:
        head += " (Run before the runner compiled the tree's bytecode: modules without a `.pyc` were compiled at every launch.)"
    if data.get("argv"):
        head += f" Command: `run.py {' '.join(data['argv'])}`."
    if data.get("note"):
        head += f" {data['note']}."
    out = [head, "",
           "| size | what | marsad | newsboat | load |", "|---|---|---|---|---|", *rows]
    verdicts = recompute(figs)
    if verdicts:
        out += ["", "| ratio or figure | value | target | met | load |", "|---|---|---|---|---|"]
        out += [f"| {w} | {v} | {t} | {ok} | {ld.replace('-', '–')} |" for w, v, t, ok, ld in verdicts]
    loads = [r["load"] for f in figs for r in f["runs"]]
    if loads:
        out += ["", f"Load average (1 min) during the run: {min(loads):.1f}–{max(loads):.1f} on 2 cores."]
    return "\n".join(out)


def main() -> int:
    for name in sys.argv[1:]:
        print(f"### {Path(name).stem}\n")
        print(table(json.loads(Path(name).read_text(encoding="utf-8"))))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
