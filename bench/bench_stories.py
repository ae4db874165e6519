"""Throughput, scaling and memory of copy detection + story clustering.

Articles are generated at run time by recombining dev texts (ECB+ and WCEP dev by default, read
by path): each generated *event* takes one dev text as its base, and each of its 2-8 articles takes
a random 60 % of the base's sentences (shuffled) plus one or two sentences of another text.
Events are spread over time at about 200 articles a day, so the active window holds a bounded
number of stories, as in a real feed; 2 % of the articles are undated.

Each size runs in its own process (so peak RSS is that size's own) and prints one JSON line:
articles, seconds for dedup and for clustering, articles per second (dedup + clustering, one
process = one core), peak RSS in MB; then the ratios time(2N)/time(N).

    PYTHONPATH=src python bench/bench_stories.py                     # 12.5k, 25k, 50k, 100k
    PYTHONPATH=src python bench/bench_stories.py --sizes 1000 2000    # quick
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from newsfuse.evals.devtexts import existing_default_sources, load_texts
from newsfuse.model import Article, PublishedDate, make_paragraphs
from newsfuse.options import Options
from newsfuse.text import split_sentences

ARTICLES_PER_DAY = 200


def generate(n: int, texts: list[tuple[str, str]], seed: int = 13) -> list[Article]:
    rng = random.Random(seed)
    pool = [[s for line in t.split("\n") for s in split_sentences(line)] for _, t in texts]
    pool = [p for p in pool if len(p) >= 5]
    titles = [t for t, _ in texts if t] or ["Untitled"]
    if not pool:
        raise ValueError("no dev texts with at least 5 sentences")
    start = date(2015, 1, 1)
    out: list[Article] = []
    event = 0
    while len(out) < n:
        base = pool[rng.randrange(len(pool))]
        day = start + timedelta(days=len(out) // ARTICLES_PER_DAY)
        for k in range(rng.randint(2, 8)):
            if len(out) >= n:
                break
            sents = rng.sample(base, max(3, int(0.6 * len(base))))
            other = pool[rng.randrange(len(pool))]
            sents += rng.sample(other, min(2, len(other)))
            paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
            aid = f"b{event}-{k}"
            art = Article(
                id=aid,
                origin=f"bench/{aid}",
                paragraphs=make_paragraphs(paras),
                title=rng.choice(titles),
                outlet=f"outlet{rng.randrange(300)}",
            )
            if rng.random() >= 0.02:
                art.published = PublishedDate((day + timedelta(days=rng.randint(0, 2))).isoformat(), "input", 1.0)
            out.append(art)
        event += 1
    return out


def run_one(n: int, sources: list[str]) -> dict[str, float]:
    from newsfuse.stories.cluster import cluster_stories
    from newsfuse.stories.dedup import find_copies

    articles = generate(n, load_texts(sources))
    options = Options()
    c0, t0 = time.process_time(), time.perf_counter()
    find_copies(articles, options)
    t1 = time.perf_counter()
    stories = cluster_stories(articles, options)
    c2, t2 = time.process_time(), time.perf_counter()
    # ru_maxrss is in kilobytes on Linux
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "copies": sum(1 for a in articles if a.copy_of is not None),
        "stories": len(stories),
        "dedup_s": round(t1 - t0, 2),
        "cluster_s": round(t2 - t1, 2),
        "total_s": round(t2 - t0, 2),
        "articles_per_s": round(n / (t2 - t0), 1),
        # CPU seconds of this process: the wall clock is unreliable on a shared machine
        "cpu_s": round(c2 - c0, 2),
        "articles_per_cpu_s": round(n / max(c2 - c0, 1e-9), 1),
        "peak_rss_mb": round(rss_mb, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000, 100_000])
    ap.add_argument("--source", action="append", default=None, help="dev JSONL file or directory (repeatable)")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sources = args.source or existing_default_sources()
    if not sources:
        sys.exit("no dev texts: pass --source (default ../shared/data/...)")
    if args.one is not None:
        print(json.dumps(run_one(args.one, sources)))
        return
    results = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + [x for s in sources for x in ("--source", s)]
        line = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        res = json.loads(line)
        results.append(res)
        print(json.dumps(res), flush=True)
    for a, b in itertools.pairwise(results):
        if b["articles"] == 2 * a["articles"]:
            print(
                json.dumps(
                    {
                        "n": a["articles"],
                        "time_2n_over_n": round(b["total_s"] / a["total_s"], 3),
                        "cpu_2n_over_n": round(b["cpu_s"] / a["cpu_s"], 3),
                    }
                )
            )


if __name__ == "__main__":
    main()
