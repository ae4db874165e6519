"""Plain-text cleaning throughput (target: >= 200 articles/s per core).

    python bench/bench_clean.py [DIR] [--repeat N]

Reads every .txt of DIR (default ../shared/data/cleaning/l3s-gn1-dev) once, then times
``clean_texts`` (one process, one core) over the whole batch, N times, and prints articles/s
and characters/s of the best and the median run.  Corpus evidence is included in the timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsfuse.extract.text import clean_texts
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options


def main() -> None:
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "cleaning" / "l3s-gn1-dev"
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", nargs="?", default=str(default))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = sorted(Path(args.dir).rglob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {args.dir}")
    docs = [RawDocument(origin=str(p), content=p.read_text(encoding="utf-8"), kind="text", input_format="text") for p in paths]
    chars = sum(len(d.content) for d in docs)
    options = Options()
    clean_texts(docs[:5], options)  # warm-up: imports, dateparser's first-call setup
    times = []
    cpu = []
    kept = 0
    for _ in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        out = clean_texts(docs, options)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        kept = sum(isinstance(o, Article) for o in out)
    print(f"documents: {len(docs)} ({chars / 1e6:.1f} M chars), articles kept: {kept}")
    # CPU time is the per-core figure (a shared machine stretches wall time, not CPU time).
    for label, xs in (("cpu time ", cpu), ("wall time", times)):
        best, med = min(xs), statistics.median(xs)
        print(f"{label}: best {len(docs) / best:7.1f} articles/s ({chars / best / 1e6:.2f} M chars/s), median {len(docs) / med:7.1f} articles/s")


if __name__ == "__main__":
    main()
