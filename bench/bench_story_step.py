"""CPU time of the per-story analysis step (``story_batch_step``) on the real articles of one topic.

    PYTHONPATH=src python bench/bench_story_step.py --shared ../shared [--topic EgyptianProtest|bpoil]
        [--cache DIR] [--profile FILE]

Reads ``data/timeline/t17-dev/<topic>/articles.jsonl`` by path (nothing is copied into the
repository) and runs the pipeline's own steps up to the stories (read, extract/clean, validate,
dedup, cluster: :data:`newsfuse.pipeline.STEPS` but the last, in this process), cuts the stories
into the pipeline's batches (:func:`newsfuse.pipeline.story_batches`) and times only
:func:`newsfuse.pipeline.story_batch_step` over them, in CPU seconds (``time.process_time``: the
machine may be shared, and the wall clock would measure the neighbours too).

``--cache DIR`` pickles the clustered stories and their articles (per topic) on the first run and
reads them back on the next ones, so repeated runs skip the earlier stages.  ``--profile FILE``
writes cProfile stats of the timed step.

Printed: stories, articles, CPU seconds, articles per CPU-second, and a SHA-256 digest of the
analysed stories' JSON (the ``--format jsonl`` lines, :func:`newsfuse.render.files.report_jsonl`):
two versions of the code give the same digest exactly when they give the same stories.  The
digest of the articles' JSON after the step is printed too (the step must not change them).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pickle
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src")]

from newsfuse.exec.local import InProcessMapper  # noqa: E402
from newsfuse.exec.plan import plan_shards  # noqa: E402
from newsfuse.exec.runner import _run_step  # noqa: E402
from newsfuse.model import Article, Report, Story, to_dict  # noqa: E402
from newsfuse.options import Options  # noqa: E402
from newsfuse.pipeline import STEPS, Corpus, story_batch_step, story_batches  # noqa: E402
from newsfuse.render.files import report_jsonl  # noqa: E402

# A fixed "today" (the validate step drops articles dated after it): the same stories on any day.
TODAY = date(2026, 12, 1)


def clustered(path: Path, options: Options) -> tuple[list[Story], list[Article]]:
    """The pipeline's steps before the story analysis, in this process."""
    corpus = Corpus(shards=plan_shards([str(path)], options), today=TODAY)
    mapper = InProcessMapper()
    for step in STEPS:
        if step.name == "stories":
            break
        _run_step(step, corpus, options, mapper, None)
    return corpus.stories, corpus.articles


def load(args: argparse.Namespace, options: Options) -> tuple[list[Story], list[Article]]:
    path = Path(args.shared) / "data" / "timeline" / "t17-dev" / args.topic / "articles.jsonl"
    if args.cache:
        cached = Path(args.cache) / f"{args.topic}.pickle"
        if cached.exists():
            with cached.open("rb") as fh:
                got: tuple[list[Story], list[Article]] = pickle.load(fh)
            return got
    c0 = time.process_time()
    stories, articles = clustered(path, options)
    print(f"earlier stages: {time.process_time() - c0:.2f} CPU-s", file=sys.stderr)
    if args.cache:
        Path(args.cache).mkdir(parents=True, exist_ok=True)
        with (Path(args.cache) / f"{args.topic}.pickle").open("wb") as fh:
            pickle.dump((stories, articles), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return stories, articles


def digest(lines: Any) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder (../shared)")
    ap.add_argument("--topic", default="EgyptianProtest", help="a t17-dev topic (EgyptianProtest, bpoil, ...)")
    ap.add_argument("--cache", help="folder for the clustered stories (pickled, per topic)")
    ap.add_argument("--profile", help="write cProfile stats of the timed step to this file")
    args = ap.parse_args()

    options = Options()
    stories, articles = load(args, options)
    by_id = {a.id: a for a in articles}
    batches = story_batches(stories, by_id, options)
    n_articles = sum(len(s.articles) for s in stories)

    prof = cProfile.Profile() if args.profile else None
    out: list[Story] = []
    c0 = time.process_time()
    if prof:
        prof.enable()
    for batch in batches:
        out.extend(story_batch_step(batch.stories, batch.articles, options))
    if prof:
        prof.disable()
    cpu = time.process_time() - c0
    if prof:
        prof.dump_stats(args.profile)

    stories_digest = digest(report_jsonl(Report(stories=out)))
    articles_digest = digest(json.dumps(to_dict(a), ensure_ascii=False) + "\n" for a in articles)
    print(
        json.dumps(
            {
                "topic": args.topic,
                "stories": len(out),
                "articles": n_articles,
                "batches": len(batches),
                "cpu_s": round(cpu, 2),
                "articles_per_cpu_s": round(n_articles / max(cpu, 1e-9), 1),
                "stories_sha256": stories_digest,
                "articles_sha256": articles_digest,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
