"""Time the story timeline of a 100-article story and the topic timeline of one topic.

    PYTHONPATH=src python bench/timeline_speed.py ../shared/data/timeline/t17-dev [--topic haiti] [--n 100]

Prints wall and CPU seconds (the machine may be shared); dateparser's one-off warm-up is reported apart.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsfuse.evals.timeline import load_articles
from newsfuse.model import Story
from newsfuse.options import Options
from newsfuse.timeline import story_timeline, topic_timeline
from newsfuse.timeline.dates import find_dates


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--topic", default="haiti")
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    t0 = time.perf_counter()
    find_dates("It happened on January 3, 2010.", None)
    print(f"dateparser warm-up: {time.perf_counter() - t0:.2f}s")
    articles = load_articles(Path(args.dir) / args.topic / "articles.jsonl")
    sample = articles[: args.n]
    by_id = {a.id: a for a in sample}
    words = sum(len(a.text.split()) for a in sample)
    for run in range(3):
        story = Story(id="bench", articles=list(by_id))
        t0, c0 = time.perf_counter(), time.process_time()
        events = story_timeline(story, by_id, Options())
        print(
            f"story_timeline, {len(sample)} articles ({words} words): {time.perf_counter() - t0:.3f}s wall, "
            f"{time.process_time() - c0:.3f}s CPU, {len(events)} events (run {run + 1})"
        )
    t0, c0 = time.perf_counter(), time.process_time()
    events = topic_timeline(articles, 20, 2, Options())
    print(
        f"topic_timeline, {len(articles)} articles, 20 dates x 2 sentences: {time.perf_counter() - t0:.2f}s wall, "
        f"{time.process_time() - c0:.2f}s CPU"
    )


if __name__ == "__main__":
    main()
