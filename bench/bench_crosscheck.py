"""Time the whole cross-check (entities, claims, conflicts, quotes, framing) of a 100-article story.

    PYTHONPATH=src python bench/bench_crosscheck.py [--articles 100] [--repeat 3] [--topic haiti]

The story is the first N articles of one Timeline17 topic (read by path from
../shared/data/timeline/t17-dev, about 3.6 kB and 30 sentences per article); the folder name
before "-" is the outlet.  Prints wall and CPU seconds per run (best and median) and the sizes found.
Single process, so it measures one core.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from newsfuse.crosscheck import crosscheck_story
from newsfuse.model import Article, Story, make_paragraphs
from newsfuse.options import Options

DATA = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "timeline" / "t17-dev"


def load(topic: str, n: int) -> dict[str, Article]:
    """The first ``n`` articles of a topic, taken in turn from each outlet so the story is multi-outlet."""
    path = DATA / topic / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"{path} not found (run from a checkout next to ../shared)")
    per_outlet: dict[str, list[Article]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            outlet = rec["id"].split("-", 1)[0].split("_", 1)[-1]
            art = Article(
                id=rec["id"],
                origin=str(path),
                title=rec.get("title") or None,
                outlet=outlet,
                paragraphs=make_paragraphs(rec["text"].split("\n")),
            )
            per_outlet.setdefault(outlet, []).append(art)
    by_id: dict[str, Article] = {}
    queues = list(per_outlet.values())
    while len(by_id) < n and any(queues):
        for q in queues:
            if q and len(by_id) < n:
                a = q.pop(0)
                by_id[a.id] = a
    return by_id


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--topic", default="bpoil")  # the topic with the most outlets (5)
    ap.add_argument(
        "--shared", default=None, help="the shared folder holding data/ (default ../shared next to the checkout)"
    )
    args = ap.parse_args()
    if args.shared:
        global DATA
        DATA = Path(args.shared) / "data" / "timeline" / "t17-dev"
    by_id = load(args.topic, args.articles)
    times: list[float] = []
    cpu: list[float] = []
    story = Story(id="bench")
    for _ in range(args.repeat):
        story = Story(id="bench", articles=list(by_id))
        t0, c0 = time.perf_counter(), time.process_time()
        crosscheck_story(story, by_id, Options())
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    n_sent = sum(len(c.sentences) for c in story.claims)
    print(f"articles={len(by_id)} outlets={len({a.outlet for a in by_id.values()})} claim_sentences={n_sent}")
    print(
        f"entities={len(story.entities)} claims={len(story.claims)} agreed={sum(c.status == 'agreed' for c in story.claims)} "
        f"disputed={sum(c.status == 'disputed' for c in story.claims)} conflicts={len(story.conflicts)} quotes={len(story.quotes)}"
    )
    sizes = sorted((len(c.sentences) for c in story.claims), reverse=True)
    print(f"largest claims (sentences): {sizes[:5]}")
    print(f"wall seconds best={min(times):.3f} median={statistics.median(times):.3f} (repeat={args.repeat})")
    print(
        f"cpu seconds best={min(cpu):.3f} median={statistics.median(cpu):.3f} (this process; the machine may be shared)"
    )


if __name__ == "__main__":
    main()
