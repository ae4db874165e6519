"""Sweep the date-selection weights on a format E directory (dev only) and print date F1 per setting.

PYTHONPATH=src python bench/timeline_tune.py ../shared/data/timeline/t17-dev
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from newsfuse.evals.timeline import load_articles, load_timelines
from newsfuse.timeline.scoring import date_prf
from newsfuse.timeline.topic import DateWeights, build_index, score_dates, select_dates


def main(root: str) -> None:
    t0 = time.perf_counter()
    work = []
    for d in sorted(Path(root).iterdir()):
        if not (d / "articles.jsonl").is_file():
            continue
        topic = build_index(load_articles(d / "articles.jsonl"))
        work.extend((d.name, topic, ref) for ref in load_timelines(d / "timelines.json"))
    print(f"indexed {len(work)} timelines in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    grid = itertools.product([1.0], [0.0, 0.25, 0.5, 1.0], [0.0, 0.25, 0.5, 1.0, 2.0])
    for other, same, pub in grid:
        w = DateWeights(other_day=other, same_day=same, published=pub)
        f1s = []
        for _, topic, ref in work:
            dates = sorted(ref)
            chosen = select_dates(score_dates(topic, dates[0], dates[-1], w), len(dates))
            f1s.append(date_prf(chosen, dates)["f1"])
        print(f"other={other} same={same} published={pub}: date F1 {sum(f1s) / len(f1s):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
