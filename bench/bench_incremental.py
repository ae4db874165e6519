"""Incremental ``newsfuse analyze``: a finished run, then 10 % new files in the same work dir.

    PYTHONPATH=src python bench/bench_incremental.py --shared ../shared -n 10000 [--new-share 0.1]
        [--per-day 100] [--layout days|interleaved] [--workers N] [--verify]

A corpus of ``n * (1 + new_share)`` articles is generated at run time (``bench/corpus.py``, plain
text) and sorted by date; the latest ``new_share`` of it are "today's" articles, so they join the
stories of the last days as a crawl's new articles do.  ``--layout days`` (default) writes the old
articles under ``corpus/day1/`` and the new ones under ``corpus/day2/`` (a crawl adding a folder a
day); ``interleaved`` writes both into the same per-outlet folders (``corpus/text/<outlet>/``), so
new files land among the old ones in every folder.  ``newsfuse analyze corpus --work-dir W`` runs
once on the old files, then again after the new ones are added; each run is a fresh subprocess
writing the report as JSON (``--format json``), timed by wall clock and CPU (user + system of the
process tree).  ``--verify`` also runs a fresh
analysis of all the files in a new work dir and checks its ``report.json`` equals the incremental
run's (timings aside).  Nothing generated is kept unless ``--keep`` (then the first run's work dir
is also kept, as ``work-first``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src"), str(HERE)]


def run(corpus: Path, out: Path, work: Path, workers: int) -> tuple[float, float]:
    """``newsfuse analyze --format json`` (the report streamed to ``out/report.json``: JSON only, as
    a crawl would write it, not the HTML pages) in a subprocess: (wall seconds, CPU seconds of the
    process tree)."""
    cmd = [sys.executable, "-m", "newsfuse", "analyze", str(corpus), "--format", "json", "--work-dir", str(work), "-q"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out.mkdir(parents=True, exist_ok=True)
    before = os.times()
    t0 = time.perf_counter()
    with open(out / "report.json", "wb") as fh:
        subprocess.run(cmd, check=True, env=env, stdout=fh)
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def without_timings(obj: Any) -> Any:
    """A report's JSON with the per-step seconds removed (the only thing two runs may differ in)."""
    if isinstance(obj, dict):
        return {k: without_timings(v) for k, v in obj.items() if k != "seconds"}
    if isinstance(obj, list):
        return [without_timings(v) for v in obj]
    return obj


def step_seconds(report: Path) -> dict[str, float]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {s["step"]: s["seconds"] for s in data["stats"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("-n", type=int, default=10000, help="articles of the first run")
    ap.add_argument("--new-share", type=float, default=0.1, help="new articles added, as a share of n")
    ap.add_argument("--layout", choices=["days", "interleaved"], default="days")
    ap.add_argument("--workers", type=int, default=1, help="--workers of both runs (1: in-process)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--per-day",
        type=int,
        default=100,
        help="articles a day (bench/corpus.py): 100 puts 10k articles in 100 days, so the new 10 %% are 10 days; "
        "10 spreads them over 1,000 days, as 100k at 100 a day",
    )
    ap.add_argument("--verify", action="store_true", help="also run fresh on all files and compare the reports")
    ap.add_argument("--scratch", default=None, help="where the corpus is generated (default: a temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpus and outputs")
    args = ap.parse_args(argv)

    import corpus as gen

    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="newsfuse-incr-"))
    try:
        n_new = round(args.n * args.new_share)
        docs = gen.generate(gen.load_groups(Path(args.shared)), args.n + n_new, args.seed, args.per_day)
        order = sorted(range(len(docs)), key=lambda i: (docs[i].date, i))  # stable: today's are the latest
        old, new = [docs[i] for i in order[: args.n]], [docs[i] for i in order[args.n :]]
        corpus = scratch / "corpus"
        staged = scratch / "staged"
        if args.layout == "days":
            gen.write_corpus(old, corpus / "day1", "text", args.seed)
            gen.write_corpus(new, staged / "day2", "text", args.seed + 1)
        else:  # one folder per outlet; the new files are numbered after the old ones
            gen.write_corpus(old + new, staged, "text", args.seed)
            for f in sorted((staged / "text").rglob("*.txt")):
                if int(f.stem) < len(old):
                    dst = corpus / f.relative_to(staged)
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    f.rename(dst)
        work = scratch / "work"
        wall1, cpu1 = run(corpus, scratch / "out1", work, args.workers)
        if args.keep:  # the first run's work dir, to run the second again (profiling)
            shutil.copytree(work, scratch / "work-first")
        for f in sorted(staged.rglob("*.txt")):  # today's files arrive
            dst = corpus / f.relative_to(staged)
            dst.parent.mkdir(parents=True, exist_ok=True)
            f.rename(dst)
        wall2, cpu2 = run(corpus, scratch / "out2", work, args.workers)
        print(
            f"layout {args.layout}, {args.n} articles ({args.per_day} a day) then +{n_new} new ({args.new_share:.0%}), "
            f"workers {args.workers}"
        )
        print(
            f"full run        : {wall1:7.1f} s wall {cpu1:7.1f} s CPU   steps {step_seconds(scratch / 'out1' / 'report.json')}"
        )
        print(
            f"incremental run : {wall2:7.1f} s wall {cpu2:7.1f} s CPU   steps {step_seconds(scratch / 'out2' / 'report.json')}"
        )
        print(f"ratio           : {wall2 / wall1:7.3f} wall {cpu2 / cpu1:7.3f} CPU   (target <= 0.15)")
        if args.verify:
            wall3, cpu3 = run(corpus, scratch / "out3", scratch / "work-fresh", args.workers)
            a, b = (
                without_timings(json.loads((scratch / o / "report.json").read_text(encoding="utf-8")))
                for o in ("out2", "out3")
            )
            same = a == b
            print(f"fresh run (all) : {wall3:7.1f} s wall {cpu3:7.1f} s CPU   report.json equal to incremental: {same}")
            if not same:
                differ = [k for k in a if a[k] != b[k]]
                fields = sorted(
                    {f for x, y in zip(a["stories"], b["stories"], strict=False) for f in x if x[f] != y.get(f)}
                )
                n = sum(1 for x, y in zip(a["stories"], b["stories"], strict=False) if x != y)
                print(f"  differing: {differ}; stories: {n} of {len(a['stories'])}, fields {fields}")
                # summary/coverage.py stops its ILP at 5 s of wall clock (its best selection so far): on a
                # loaded machine a large story's summary can differ between any two runs
                return 1
    finally:
        if args.keep:
            print(f"kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
