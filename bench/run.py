"""Speed and memory of the whole pipeline and of each step; ``make bench`` runs it.

    python bench/run.py --shared ../shared [--sizes 1000,10000,100000] [--dask-size 10000]

For each size N a corpus is generated at run time from the dev data (``bench/corpus.py``; plain
text by default, the hardest input) and analysed in a fresh subprocess (so its peak memory is its
own): articles/s of the whole pipeline (wall clock, N input files / seconds) and of each step
(articles / seconds spent in the step), peak RSS, and the time growth between sizes.  Then, side
by side in the same run: a Dask LocalCluster with 1 and 2 workers on one size; trafilatura alone
vs newsfuse's extraction on the same HTML pages; sumy's LexRank vs newsfuse's summariser on the
same stories.  Prints a Markdown table; writes JSON to ``bench/results/``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import math
import os
import platform
import resource
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

STEPS = ["read", "extract", "validate", "dedup", "cluster", "stories"]


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = 0
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gb": round(mem / 1024**2, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# ---------------------------------------------------------------- one pipeline run (in a subprocess)


def once(args: argparse.Namespace) -> int:
    from newsfuse.exec import run_pipeline
    from newsfuse.options import Options

    t0 = time.perf_counter()
    workers = args.workers if args.executor != "local" else None
    report = run_pipeline(
        args.paths, Options(), dask=args.executor == "dask", workers=workers, quiet=True, work_dir=args.work_dir
    )
    wall = time.perf_counter() - t0
    from newsfuse.model import to_dict

    body = to_dict(report)
    for st in body["stats"]:
        st.pop("seconds")
    # Equal digests = equal reports (timings aside): the check that executors agree at scale.
    digest = hashlib.sha1(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    del body
    me, kids_ru = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = me.ru_maxrss / 1024
    kids = kids_ru.ru_maxrss / 1024
    out = {
        "wall": wall,
        # CPU seconds of this process and its children (Dask workers): on a shared, loaded
        # machine wall time measures the neighbours too; CPU time does not.
        "cpu_s": round(me.ru_utime + me.ru_stime + kids_ru.ru_utime + kids_ru.ru_stime, 2),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "peak_rss_mb": round(peak, 1),
        "peak_rss_child_mb": round(kids, 1),
        "digest": digest,
        "articles": len(report.articles),
        "rejections": len(report.rejections),
        "stories": len(report.stories),
        "stats": [
            {"step": s.step, "read": s.read, "kept": s.kept, "seconds": s.seconds, "rejected": s.rejected}
            for s in report.stats
        ],
    }
    print("RESULT " + json.dumps(out))
    return 0


def run_once(paths: list[str], executor: str = "local", workers: int | None = None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--once", "--executor", executor, *paths]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[7:])
            return result
    raise RuntimeError(f"pipeline run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


# ---------------------------------------------------------------- baselines side by side


def extraction_side_by_side(shared: Path, limit: int) -> dict[str, Any]:
    """trafilatura alone vs newsfuse's extraction, on the same dev HTML pages."""
    import trafilatura

    from newsfuse.model import RawDocument
    from newsfuse.options import Options
    from newsfuse.pipeline import extract_step

    pages: list[tuple[str, str, str]] = []
    for ds in ("zyte-aeb", "wcxb-dev"):
        d = shared / "data" / "extraction" / ds
        truth = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
        for f in sorted((d / "html").glob("*.html.gz")):
            pid = f.name[: -len(".html.gz")]
            pages.append(
                (str(f), gzip.decompress(f.read_bytes()).decode("utf-8", "replace"), truth.get(pid, {}).get("url", ""))
            )
    pages = pages[:limit]
    t0 = time.perf_counter()
    for _, html, url in pages:
        trafilatura.extract(html, url=url or None, with_metadata=True)
    t_traf = time.perf_counter() - t0
    docs = [
        RawDocument(origin=p, content=html, kind="html", input_format="html", url=url or None) for p, html, url in pages
    ]
    t0 = time.perf_counter()
    arts, rej = extract_step(docs, Options())
    t_ours = time.perf_counter() - t0
    return {
        "pages": len(pages),
        "trafilatura_pages_s": len(pages) / t_traf,
        "newsfuse_pages_s": len(pages) / t_ours,
        "newsfuse_articles": len(arts),
        "newsfuse_rejected": len(rej),
    }


class _Tokenizer:
    """sumy wants a tokenizer object; this one uses newsfuse's splitter (no NLTK data download)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        from newsfuse.text import split_sentences

        return split_sentences(text)

    def to_words(self, sentence: str) -> list[str]:
        from newsfuse.text import words

        return words(sentence)


def summary_side_by_side(shared: Path, limit: int) -> dict[str, Any]:
    """sumy's LexRank vs newsfuse's summariser on the same stories (WCEP clusters)."""
    from newsfuse.model import Article, Story, make_paragraphs
    from newsfuse.options import Options
    from newsfuse.summary import summarize_story

    stories: list[tuple[Story, dict[str, Article]]] = []
    with (shared / "data" / "summarization" / "wcep-sample-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            arts = [
                Article(id=a["id"], origin=a["id"], title=a["title"], paragraphs=make_paragraphs(a["text"].split("\n")))
                for a in r["articles"]
            ]
            stories.append((Story(id=r["id"], articles=[a.id for a in arts]), {a.id: a for a in arts}))
            if len(stories) >= limit:
                break
    options = Options()
    t0 = time.perf_counter()
    for story, by_id in stories:
        summarize_story(story, by_id, options)
    t_ours = time.perf_counter() - t0
    out: dict[str, Any] = {"stories": len(stories), "newsfuse_stories_s": len(stories) / t_ours}
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.summarizers.lex_rank import LexRankSummarizer
    except ImportError:
        out["lexrank"] = "sumy not installed (pip install sumy)"
        return out
    tok = _Tokenizer()
    lexrank = LexRankSummarizer()
    t0 = time.perf_counter()
    for story, by_id in stories:
        paras = []
        for aid in story.articles:
            for p in by_id[aid].paragraphs:
                paras.append(Paragraph([Sentence(s, tok) for s in tok.to_sentences(p.text)]))
        lexrank(ObjectDocumentModel(paras), 3)
    out["lexrank_stories_s"] = len(stories) / (time.perf_counter() - t0)
    return out


# ---------------------------------------------------------------- the benchmark


def step_rates(result: dict[str, Any]) -> dict[str, float]:
    """Articles per second of each step (the stories step: articles of the analysed stories)."""
    rates = {}
    for s in result["stats"]:
        n = result["articles"] if s["step"] in ("cluster", "stories") else s["read"]
        if s["seconds"] > 0:
            rates[s["step"]] = n / s["seconds"]
    return rates


def markdown(results: dict[str, Any]) -> str:
    first = results["sizes"][0] if results["sizes"] else {}
    lines = [
        f"Executor of the size runs: {first.get('executor')} with {first.get('workers')} worker(s); corpus format {results['format']}.",
        f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, {results['machine']['ram_gb']} GB RAM, "
        f"Python {results['machine']['python']}",
        "",
    ]
    lines.append(
        "| articles | pipeline art/s (wall) | art per CPU-s | wall s | CPU s | load | peak RSS MB | "
        + " | ".join(f"{s} art/s" for s in STEPS)
        + " | stories |"
    )
    lines.append("|---" * (8 + len(STEPS)) + "|")
    for r in results["sizes"]:
        rates = step_rates(r)
        cells = " | ".join(f"{rates[s]:,.0f}" if s in rates else "-" for s in STEPS)
        lines.append(
            f"| {r['n']:,} | {r['n'] / r['wall']:,.0f} | {r['n'] / r['cpu_s']:,.0f} | {r['wall']:,.1f} | {r['cpu_s']:,.1f} | "
            f"{r['load_avg_1m']} | {r['peak_rss_mb']:,.0f} | {cells} | {r['stories']:,} |"
        )
    if results.get("scaling"):
        lines += [
            "",
            "| from | to | wall ratio | wall per doubling (target <= 2.1) | CPU ratio | CPU per doubling |",
            "|---|---|---|---|---|---|",
        ]
        for s in results["scaling"]:
            lines.append(
                f"| {s['from']:,} | {s['to']:,} | {s['ratio']:.2f} | {s['per_doubling']:.2f} | "
                f"{s['cpu_ratio']:.2f} | {s['cpu_per_doubling']:.2f} |"
            )
    if results.get("dask"):
        d = results["dask"]
        ref = f"local in-process {d['local_s']:.1f}s, " if d.get("local_s") else ""
        lines += [
            "",
            f"Dask LocalCluster on {d['n']:,} articles: {ref}1 worker {d['w1_s']:.1f}s "
            f"(load {d['w1']['load_avg_1m']}), 2 workers {d['w2_s']:.1f}s (load {d['w2']['load_avg_1m']}); "
            f"speed-up 2 vs 1 worker {d['speedup']:.2f}x (target >= 1.7); "
            f"same report from both: {'yes' if d['w1']['digest'] == d['w2']['digest'] else 'NO'}",
        ]
    if results.get("extraction"):
        e = results["extraction"]
        lines += [
            "",
            f"HTML extraction, {e['pages']} dev pages: trafilatura alone {e['trafilatura_pages_s']:.1f} pages/s, "
            f"newsfuse extract {e['newsfuse_pages_s']:.1f} pages/s",
        ]
    if results.get("summary"):
        s = results["summary"]
        lex = (
            f"sumy LexRank {s['lexrank_stories_s']:.1f} stories/s"
            if "lexrank_stories_s" in s
            else str(s.get("lexrank"))
        )
        lines += [
            "",
            f"Summaries, {s['stories']} WCEP stories: newsfuse {s['newsfuse_stories_s']:.1f} stories/s, {lex}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="newsfuse speed and memory benchmarks")
    ap.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (e.g. 1000,10000,100000)")
    ap.add_argument("--format", choices=["text", "jsonl", "mixed"], default="text")
    ap.add_argument(
        "--executor",
        choices=["local", "pool", "dask"],
        default="dask",
        help="executor of the size runs: local (one process), pool or dask (--workers each)",
    )
    ap.add_argument(
        "--workers", type=int, default=2, help="workers of the size runs (default 2: the target machine's cores)"
    )
    ap.add_argument(
        "--dask-size",
        type=int,
        default=None,
        help="size for the Dask 1 vs 2 workers run (default: the largest size <= 10000; 0 skips)",
    )
    ap.add_argument("--no-baselines", action="store_true", help="skip trafilatura / LexRank side by side")
    ap.add_argument("--scratch", default=None, help="where corpora are generated (default: a temp folder, removed)")
    ap.add_argument("--keep", action="store_true", help="keep generated corpora")
    ap.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--work-dir", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.once:
        return once(args)

    import corpus

    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"no dev data under {shared}/data (give --shared)", file=sys.stderr)
        return 2
    sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="newsfuse-bench-"))
    results: dict[str, Any] = {
        "machine": machine(),
        "load_avg_start": os.getloadavg(),
        "format": args.format,
        "sizes": [],
        "scaling": [],
    }
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    partial = (
        out / f"bench-{stamp}.partial.json"
    )  # updated after every measurement: a long run that is stopped keeps its numbers

    def save_partial() -> None:
        partial.write_text(json.dumps(results, indent=2), encoding="utf-8")

    t0 = time.perf_counter()
    groups = corpus.load_groups(shared)
    print(f"loaded {len(groups)} source groups in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    corpora: dict[int, list[str]] = {}
    try:
        for n in sizes:
            t0 = time.perf_counter()
            docs = corpus.generate(groups, n, seed=13)
            corpora[n] = corpus.write_corpus(docs, scratch / f"n{n}", args.format, seed=13)
            del docs
            gen = time.perf_counter() - t0
            r = run_once(corpora[n], args.executor, args.workers)
            r.update(n=n, generate_s=round(gen, 1), executor=args.executor, workers=args.workers)
            results["sizes"].append(r)
            save_partial()
            print(
                f"n={n}: {n / r['wall']:.0f} articles/s, wall {r['wall']:.1f}s, peak {r['peak_rss_mb']:.0f} MB",
                file=sys.stderr,
            )
        rs = results["sizes"]
        for a, b in itertools.pairwise(rs):
            ratio = b["wall"] / a["wall"]
            cpu = b["cpu_s"] / a["cpu_s"]
            exp = math.log(2) / math.log(b["n"] / a["n"])
            results["scaling"].append(
                {
                    "from": a["n"],
                    "to": b["n"],
                    "ratio": ratio,
                    "per_doubling": ratio**exp,
                    "cpu_ratio": cpu,
                    "cpu_per_doubling": cpu**exp,
                }
            )
        dask_n = args.dask_size if args.dask_size is not None else max([n for n in sizes if n <= 10000] or [0])
        if dask_n:
            if dask_n not in corpora:
                corpora[dask_n] = corpus.write_corpus(
                    corpus.generate(groups, dask_n, seed=13), scratch / f"n{dask_n}", args.format, seed=13
                )
            same = {r["n"]: r for r in rs}.get(dask_n)
            local = same if same and args.executor == "local" else None  # not rerun: time is scarce
            w1 = run_once(corpora[dask_n], "dask", 1)
            w2 = (
                same if same and args.executor == "dask" and args.workers == 2 else run_once(corpora[dask_n], "dask", 2)
            )
            results["dask"] = {
                "n": dask_n,
                "local_s": local["wall"] if local else None,
                "w1_s": w1["wall"],
                "w2_s": w2["wall"],
                "speedup": w1["wall"] / w2["wall"],
                "w1": w1,
                "w2": w2,
            }
            save_partial()
            print(f"dask n={dask_n}: 1 worker {w1['wall']:.1f}s, 2 workers {w2['wall']:.1f}s", file=sys.stderr)
        if not args.no_baselines:
            results["extraction"] = extraction_side_by_side(shared, limit=481)
            save_partial()
            results["summary"] = summary_side_by_side(shared, limit=1019)
    finally:
        if not args.keep and not args.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    text = markdown(results)
    print(text)
    partial.unlink(missing_ok=True)
    (out / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / f"bench-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten: {out / f'bench-{stamp}.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
