"""Cost of one huge article: `newsfuse analyze` on one record of N short paragraphs.

The article is generated here from invented templates (fictional town, people and figures; no data
set is read), so the benchmark needs nothing but the package.  Most paragraphs carry a date
expression and many share a date, which is what made the per-story timeline quadratic (every
sentence compared with every earlier one on its date).  For each size it prints the wall and CPU time of
`newsfuse analyze` (a fresh process, imports included), its peak RSS and the CPU growth per doubling.

    PYTHONPATH=src python bench/bench_big_article.py --sizes 1000 2000 4000 8000 60000
    PYTHONPATH=src python bench/bench_big_article.py --sizes 8000 --profile   # cProfile, top 25

Target (issue 15): 60,000 paragraphs analysed in < 30 s, and growth per doubling near 2.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_NAMES = ["Ardel Voss", "Mira Calloway", "Tobin Reece", "Ilsa Marrow", "Dunstan Kell", "Orla Penhallow"]
_PLACES = ["Kelbrook", "Verrin", "Ostmark", "Calder Bay", "Maren Cross"]
# A live report: most of what it tells happened on one day (the worst case for merging events of one
# date), the rest on a few others.
_DATES = ["on Monday"] * 6 + ["on Tuesday", "on 14 March", "last week", "in March"]
_VERBS = ["inspected", "closed", "reopened", "measured", "reported", "funded", "repaired", "evacuated", "visited"]
_NOUNS = ["spillway", "bridge", "levee", "school", "clinic", "pump station", "ferry", "depot", "archive", "market"]
_SYL = ["ka", "lo", "ver", "mi", "tan", "dor", "se", "ru", "bel", "quin", "ost", "fa", "nel", "gri"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3)))


def paragraphs(n: int, seed: int = 7) -> list[str]:
    """N short paragraphs (~70 bytes each) of invented news prose, most with a date expression."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = i % 4
        who, where = rng.choice(_NAMES), rng.choice(_PLACES)
        if kind == 0:
            out.append(f"{who} {rng.choice(_VERBS)} the {_word(rng)} {rng.choice(_NOUNS)} {rng.choice(_DATES)}.")
        elif kind == 1:
            out.append(
                f"Crews in {where} {rng.choice(_VERBS)} {rng.randint(2, 900)} {_word(rng)} units {rng.choice(_DATES)}."
            )
        elif kind == 2:
            out.append(
                f'"We {rng.choice(_VERBS)} the {_word(rng)} {rng.choice(_NOUNS)}," {who} said {rng.choice(_DATES)}.'
            )
        else:
            out.append(
                f"The {_word(rng)} {rng.choice(_NOUNS)} near {where} was {rng.choice(_VERBS)} by {_word(rng)} workers."
            )
    return out


def write_record(path: Path, n: int) -> int:
    rec = {
        "url": f"https://kelbrook-courier.example/huge-{n}",
        "title": "Kelbrook dam works: every crew, every day",
        "date": "2021-03-17",
        "source": "The Kelbrook Courier",
        "text": "\n\n".join(paragraphs(n)),
    }
    data = json.dumps(rec) + "\n"
    path.write_text(data, encoding="utf-8")
    return len(data.encode())


def run(path: Path, prof: Path | None) -> tuple[float, float, float, dict[str, Any]]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parent.parent / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable]
    if prof is not None:
        cmd += ["-m", "cProfile", "-o", str(prof)]
    cmd += ["-m", "newsfuse", "analyze", str(path), "--format", "json", "-q", "--workers", "1"]
    t0 = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    # ru_maxrss of children is the largest child so far: meaningful as sizes grow.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise SystemExit(f"analyze failed ({proc.returncode}): {proc.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(proc.stdout)
    return wall, cpu, peak / 1024, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    ap.add_argument("--profile", action="store_true", help="run under cProfile and print the top of it")
    ap.add_argument("--limit", type=float, default=30.0, help="seconds allowed for the largest size (exit 1 over it)")
    args = ap.parse_args()
    prev: float | None = None
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="nf-big-") as tmp:
        for n in sorted(args.sizes):
            rec = Path(tmp) / f"huge-{n}.jsonl"
            size = write_record(rec, n)
            prof = Path(tmp) / f"prof-{n}" if args.profile else None
            wall, cpu, peak_mb, report = run(rec, prof)
            stories: list[dict[str, Any]] = report.get("stories", [])
            notes = [note for s in stories for note in s.get("notes", [])]
            growth = f" (x{cpu / prev:.2f} CPU)" if prev else ""
            print(
                f"{n:>6} paragraphs ({size / 1e6:.1f} MB): {wall:6.1f} s wall, {cpu:6.1f} s CPU{growth}, peak RSS {peak_mb:.0f} MB",
                flush=True,
            )
            for note in notes:
                print(f"        note: {note}")
            if prof is not None:
                pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(30)
            prev, worst = cpu, wall
    if worst > args.limit:
        print(f"RESULT slow: largest size took {worst:.1f} s > {args.limit:.0f} s")
        raise SystemExit(1)
    print("RESULT ok")


if __name__ == "__main__":
    main()
