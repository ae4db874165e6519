"""End-to-end throughput of ``newsfuse analyze`` on real news texts, report included.

    python bench/bench_real.py --shared ../shared [--workers 1 2] [--limit N] [--keep DIR]

The corpus is built at run time in a temp folder (never committed) from the dev data, read by path:

* ``data/timeline/t17-dev/*/articles.jsonl`` (Timeline17 articles),
* ``data/summarization/duc2006-dev.jsonl`` and ``data/summarization/wcep-sample-dev.jsonl`` (the
  articles of every cluster),
* ``data/clustering/ecbplus-dev.jsonl`` (ECB+ articles),
* ``data/cleaning/l3s-gn1-dev/*.txt`` (raw scraped pages with navigation and comment threads; off
  with ``--no-pages``).

Each record becomes one plain-text file: its title (when it has one), a blank line, then its text, as
the record gives them (no date, no outlet: as a scrape would arrive); a record whose id was already
written is skipped (the DUC sets share a few ids).  The l3s pages are copied as they are.  That is
6,964 records + 311 pages = 7,275 files.

For each worker count the CLI runs in a fresh subprocess: ``newsfuse analyze DIR --out OUT --dask
--workers N`` (default report format).  Printed per run: wall seconds, CPU seconds of the whole
process tree (the CLI and its Dask workers, from ``getrusage(RUSAGE_CHILDREN)``), articles/s (input
files / wall), peak RSS of the process tree (sum over its processes, sampled every 0.2 s) and of its
largest process, the 1-minute load before the run, and the per-step seconds of the report's ``stats``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _records(data: Path) -> Iterator[tuple[str, str, str]]:
    """(id, title, text) of every article record of the four dev sets, in a fixed order."""
    for f in sorted((data / "timeline" / "t17-dev").glob("*/articles.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                yield r["id"], r.get("title") or "", r.get("text") or ""
    for name in ("duc2006-dev.jsonl", "wcep-sample-dev.jsonl"):
        with (data / "summarization" / name).open(encoding="utf-8") as fh:
            for line in fh:
                for a in json.loads(line)["articles"]:
                    yield a["id"], a.get("title") or "", a.get("text") or ""
    with (data / "clustering" / "ecbplus-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield r["id"], r.get("title") or "", r.get("text") or ""


def build_corpus(shared: Path, out: Path, *, pages: bool = True, limit: int | None = None) -> int:
    """Write the plain-text corpus into ``out``; returns the number of files."""
    data = shared / "data"
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    n = 0
    for rid, title, text in _records(data):
        if rid in seen:
            continue
        seen.add(rid)
        body = f"{title.strip()}\n\n{text}" if title.strip() else text
        # Files of ~500 per folder; the file name is a counter (record ids name outlets in t17).
        sub = out / f"d{n // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{n:05d}.txt").write_text(body + "\n", encoding="utf-8")
        n += 1
        if limit and n >= limit:
            return n
    if pages:
        for f in sorted((data / "cleaning" / "l3s-gn1-dev").glob("*.txt")):
            sub = out / f"d{n // 500:03d}"
            sub.mkdir(exist_ok=True)
            shutil.copyfile(f, sub / f"a{n:05d}.txt")
            n += 1
            if limit and n >= limit:
                return n
    return n


class TreeRss:
    """Samples the summed RSS of a process and its descendants (psutil, a Dask dependency)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.every = every
        self.peak_sum = 0
        self.peak_one = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = []
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        rss.append(p.memory_info().rss)
                if rss:
                    self.peak_sum = max(self.peak_sum, sum(rss))
                    self.peak_one = max(self.peak_one, max(rss))
            except psutil.Error:
                pass
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _stats(out: Path) -> list[dict[str, Any]]:
    """Per-step stats of the written report (``report.json``, or the paged index)."""
    for name in ("report.json", "index.json", "report-index.json"):
        p = out / name
        if p.is_file():
            with p.open(encoding="utf-8") as fh:
                body = json.load(fh)
            stats = body.get("stats")
            if isinstance(stats, list):
                return stats
    for p in sorted(out.rglob("*.json")):
        if p.stat().st_size < 50_000_000:
            try:
                body = json.loads(p.read_text(encoding="utf-8"))
            except ValueError:
                continue
            if isinstance(body, dict) and isinstance(body.get("stats"), list):
                return body["stats"]
    return []


def run_cli(corpus: Path, out: Path, workers: int, extra: list[str], python: str, src: Path) -> dict[str, Any]:
    """One ``newsfuse analyze`` run in a fresh subprocess: wall, tree CPU, peak RSS, step stats."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [python, "-m", "newsfuse", "analyze", str(corpus), "--out", str(out), "-q", *extra]
    if workers:
        cmd += ["--dask", "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rss = TreeRss(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    rss.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"newsfuse analyze failed ({proc.returncode}):\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "workers": workers,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "load_1m_before": round(load, 2),
        "load_1m_after": round(os.getloadavg()[0], 2),
        "peak_rss_tree_mb": round(rss.peak_sum / 2**20),
        "peak_rss_process_mb": round(rss.peak_one / 2**20),
        "stats": _stats(out),
        "summary": err.strip().splitlines()[-1] if err.strip() else "",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts (0: in-process)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many files")
    ap.add_argument("--no-pages", action="store_true", help="leave out the l3s-gn1 page dumps")
    ap.add_argument("--keep", default=None, help="build the corpus and outputs here and keep them")
    ap.add_argument("--src", default=str(ROOT / "src"), help="newsfuse source tree to run (default: this checkout)")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--json", default=None, help="also write the results as JSON to this file")
    ap.add_argument("extra", nargs="*", help="more arguments for newsfuse analyze (after --)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"no dev data under {shared}/data (give --shared)", file=sys.stderr)
        return 2
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newsfuse-real-"))
    try:
        corpus = scratch / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        t0 = time.perf_counter()
        n = build_corpus(shared, corpus, pages=not args.no_pages, limit=args.limit)
        print(f"corpus: {n} plain-text files in {time.perf_counter() - t0:.1f}s ({corpus})", file=sys.stderr)
        results = []
        for w in args.workers:
            r = run_cli(corpus, scratch / f"out-w{w}", w, args.extra, args.python, Path(args.src))
            r["files"] = n
            r["articles_per_s"] = round(n / r["wall_s"], 1)
            r["articles_per_cpu_s"] = round(n / r["cpu_s"], 1)
            results.append(r)
            steps = ", ".join(f"{s['step']} {s['seconds']:.1f}" for s in r["stats"])
            print(
                f"workers={w}: {n} files, wall {r['wall_s']:.1f} s, CPU {r['cpu_s']:.1f} s, "
                f"{r['articles_per_s']:.0f} articles/s, {r['articles_per_cpu_s']:.0f} per CPU-s, "
                f"peak RSS tree {r['peak_rss_tree_mb']} MB (largest process {r['peak_rss_process_mb']} MB), "
                f"load {r['load_1m_before']} -> {r['load_1m_after']}\n  steps (s): {steps}\n  {r['summary']}"
            )
        if len(results) >= 2 and results[0]["workers"] == 1:
            for r in results[1:]:
                print(f"speed-up {r['workers']} vs 1 worker: {results[0]['wall_s'] / r['wall_s']:.2f}x")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
