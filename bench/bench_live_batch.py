"""Live stories vs batch stories: the web app's ingestion fed one article at a time, in random
orders, against `newsfuse analyze` on the same inputs.

    PYTHONPATH=src python bench/bench_live_batch.py examples/corpus --orders 5
    PYTHONPATH=src python bench/bench_live_batch.py --generate 600 --shared ../shared --orders 5

For each order: B3 F1 (and P, R) of the live partition of the articles into stories against the
batch one (articles matched by their input origin, ``file#line``), the stories each side has,
seconds per post (mean and the slowest), and the articles clustered again per update.  Story
analysis (summary, cross-check) is skipped unless ``--analysis``: it does not change which
articles form a story.  ``--generate N`` builds N plain-text articles with ``bench/corpus.py``
from ``--shared`` (by path, in a temporary folder).  Exit status 1 when the mean B3 F1 is below
``--min-f1`` (default 1.0).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsfuse.evals.metrics import bcubed
from newsfuse.exec.local import analyze
from newsfuse.model import Article, RawDocument, Story
from newsfuse.options import Options
from newsfuse.readers import read_inputs
from newsfuse.store import open_store
from newsfuse.web.ingest import Ingestor, Steps


def _no_analysis(story: Story, by_id: dict[str, Article], options: Options) -> Story:
    return story


def live_run(
    docs: list[RawDocument], db: str, options: Options, analysis: bool
) -> tuple[dict[str, str], dict[str, str], list[float], list[int]]:
    """Feed ``docs`` one by one to an Ingestor on a fresh store; returns origin -> stored story id,
    seconds per post and articles re-clustered per update."""
    steps = Steps.default()
    if not analysis:
        steps.story_step = _no_analysis
    store = open_store(db)
    ing = Ingestor(store, options, steps)
    ing.wait_started()
    seconds: list[float] = []
    reclustered: list[int] = []
    try:
        for d in docs:
            t0 = time.perf_counter()
            ing.add([d], wait=True)
            seconds.append(time.perf_counter() - t0)
            reclustered.append(int(getattr(ing.index, "reclustered", 0)))
        origin_of = {a.id: a.origin for a in ing.by_id.values()}
        label = {
            origin_of[aid]: sid for sid, aids in store.story_articles().items() for aid in aids if aid in origin_of
        }
        texts = {a.origin: a.text for a in ing.by_id.values()}
    finally:
        ing.close()
        store.close()
    return label, texts, seconds, reclustered


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--generate", type=int, default=0, help="generate N articles with bench/corpus.py")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--seed", type=int, default=13, help="seed of the generated corpus")
    ap.add_argument("--format", choices=["text", "jsonl", "mixed"], default="jsonl", help="of the generated corpus")
    ap.add_argument("--orders", type=int, default=5, help="random arrival orders (default 5)")
    ap.add_argument("--analysis", action="store_true", help="also run the story analysis on every update")
    ap.add_argument(
        "--trust-records", action="store_true", help="records skip the cleaner (both sides): clustering alone"
    )
    ap.add_argument("--min-f1", type=float, default=1.0)
    args = ap.parse_args()
    if not args.paths and not args.generate:
        ap.error("give PATHs or --generate N")
    options = Options()
    options.clean.trust_records = args.trust_records
    with tempfile.TemporaryDirectory() as tmp:
        paths = list(args.paths)
        if args.generate:
            import corpus

            generated = corpus.generate(corpus.load_groups(Path(args.shared)), args.generate, args.seed)
            paths = corpus.write_corpus(generated, Path(tmp) / "corpus", args.format, args.seed)
        t0 = time.perf_counter()
        report = analyze(paths, options)
        batch_seconds = time.perf_counter() - t0
        origin_of = {a.id: a.origin for a in report.articles}
        batch = {origin_of[aid]: st.id for st in report.stories for aid in st.articles}
        batch_text = {a.origin: a.text for a in report.articles}
        docs = [d for d in read_inputs(paths, options) if isinstance(d, RawDocument)]
        print(f"batch: {len(report.articles)} articles, {len(report.stories)} stories, {batch_seconds:.1f} s")
        f1s: list[float] = []
        for k in range(args.orders):
            order = list(docs)
            random.Random(k).shuffle(order)
            label, texts, secs, re = live_run(order, str(Path(tmp) / f"live{k}.sqlite"), options, args.analysis)
            m = bcubed(batch, label)
            f1s.append(m["f1"])
            missing = len(set(batch) - set(label))
            other_text = sum(1 for o, t in texts.items() if o in batch_text and batch_text[o] != t)
            print(
                f"order {k}: B3 F1 {m['f1']:.4f} (P {m['precision']:.4f}, R {m['recall']:.4f}); live {len(set(label.values()))}"
                f" stories, {missing} batch articles not in a live story, {other_text} cleaned differently; post mean {statistics.mean(secs):.3f} s,"
                f" slowest {max(secs):.3f} s, first/last 10% mean {statistics.mean(secs[: max(1, len(secs) // 10)]):.3f}"
                f"/{statistics.mean(secs[-max(1, len(secs) // 10) :]):.3f} s; re-clustered per update mean {statistics.mean(re):.0f}"
            )
    print(f"B3 F1 over {args.orders} orders: mean {statistics.mean(f1s):.4f}, min {min(f1s):.4f}")
    ok = statistics.mean(f1s) >= args.min_f1 - 1e-9
    print("RESULT", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
