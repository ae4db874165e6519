"""Compare two ``newsfuse eval timeline --details`` results on random halves and leave-one-topic-out.

    PYTHONPATH=src python bench/timeline_halves.py BEFORE.json AFTER.json [--halves 200] [--seed 7]

A change tuned on the whole dev set can look good there and fail on other topics.  This draws
random halves of the topics (and every leave-one-topic-out subset) and prints, for each, the date
F1 averaged over the subset's timelines (as ``newsfuse eval timeline`` averages them) before and
after, with the mean and spread (standard deviation) of the difference.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path


def _rows(path: Path) -> dict[str, list[float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[float]] = {}
    for row in data["timelines"]:
        out.setdefault(row["topic"], []).append(row["system"]["date_f1"])
    return out


def _score(rows: dict[str, list[float]], topics: list[str]) -> float:
    vals = [v for t in topics for v in rows[t]]
    return sum(vals) / len(vals)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--halves", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    before, after = _rows(args.before), _rows(args.after)
    topics = sorted(before)
    if sorted(after) != topics:
        raise SystemExit("the two results cover different topics")
    print("topic: before -> after (date F1, mean over its timelines)")
    for t in topics:
        print(f"  {t}: {_score(before, [t]):.3f} -> {_score(after, [t]):.3f}")
    print(f"all: {_score(before, topics):.4f} -> {_score(after, topics):.4f}")
    rng = random.Random(args.seed)
    for name, subsets in (
        ("random halves", [rng.sample(topics, len(topics) // 2) for _ in range(args.halves)]),
        ("leave one topic out", [[t for t in topics if t != left] for left in topics]),
        ("single held-out topic", [[t] for t in topics]),
    ):
        b = [_score(before, s) for s in subsets]
        a = [_score(after, s) for s in subsets]
        d = [y - x for x, y in zip(b, a, strict=True)]
        print(
            f"{name} ({len(subsets)}): before mean {statistics.mean(b):.4f} sd {statistics.pstdev(b):.4f}; "
            f"after mean {statistics.mean(a):.4f} sd {statistics.pstdev(a):.4f}; "
            f"difference mean {statistics.mean(d):+.4f} sd {statistics.pstdev(d):.4f}, min {min(d):+.4f}, max {max(d):+.4f}"
        )


if __name__ == "__main__":
    main()
