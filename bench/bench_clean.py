"""Plain-text cleaning throughput (target: >= 200 articles/s per core).

    python bench/bench_clean.py [DIR] [--repeat N]
    python bench/bench_clean.py ../shared/data/timeline/t17-dev --records

Reads every .txt of DIR (default ../shared/data/cleaning/l3s-gn1-dev) once, then times
``clean_texts`` (one process, one core) over the whole batch, N times, and prints articles/s
and characters/s of the best and the median run.  Corpus evidence is included in the timing.
With ``--records``, reads the JSONL scraper records under DIR instead (each file one batch, as
``newsfuse analyze`` would) and times ``extract_documents``: cleaning, outlets and the template
propagation of outlets.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsfuse.extract import extract_documents
from newsfuse.extract.text import clean_texts
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options
from newsfuse.readers import read_inputs


def main() -> None:
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "cleaning" / "l3s-gn1-dev"
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", nargs="?", default=str(default))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--records", action="store_true", help="time JSONL records (extract_documents) instead of .txt pages"
    )
    args = ap.parse_args()
    if args.records:
        _records(Path(args.dir), args.repeat)
        return
    paths = sorted(Path(args.dir).rglob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {args.dir}")
    docs = [
        RawDocument(origin=str(p), content=p.read_text(encoding="utf-8"), kind="text", input_format="text")
        for p in paths
    ]
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
        print(
            f"{label}: best {len(docs) / best:7.1f} articles/s ({chars / best / 1e6:.2f} M chars/s), median {len(docs) / med:7.1f} articles/s"
        )


def _records(root: Path, repeat: int) -> None:
    files = [root] if root.is_file() else sorted(root.rglob("*.jsonl"))
    options = Options()
    batches = [[d for d in read_inputs([str(f)], options) if isinstance(d, RawDocument)] for f in files]
    n = sum(len(b) for b in batches)
    chars = sum(len(d.content) for b in batches for d in b)
    extract_documents(batches[0][:5], options)  # warm-up
    cpu = []
    for _ in range(max(1, repeat)):
        c0 = time.process_time()
        for b in batches:
            extract_documents(b, options)
        cpu.append(time.process_time() - c0)
    best, med = min(cpu), statistics.median(cpu)
    print(f"records: {n} ({chars / 1e6:.1f} M chars) in {len(files)} files")
    print(
        f"cpu time : best {n / best:7.1f} articles/s ({chars / best / 1e6:.2f} M chars/s), median {n / med:7.1f} articles/s"
    )


if __name__ == "__main__":
    main()
