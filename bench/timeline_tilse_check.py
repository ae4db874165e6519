"""Cross-check newsfuse's align+ m:1 ROUGE against tilse's own implementation (dev tool, not CI).

tilse needs pyrouge, spaCy and textacy to install, so it is not a dependency; to run this check:

    pip install --no-deps --target /tmp/tilse_pkg tilse pyrouge
    PYTHONPATH=src python bench/timeline_tilse_check.py /tmp/tilse_pkg

Both sides get the same tokens (whitespace split, no stemming, no stopwords), so any difference is
in the alignment and counting; the expected output is a maximum difference of 0.
"""

from __future__ import annotations

import importlib
import random
import sys
from datetime import date, timedelta
from typing import Any

from newsfuse.timeline.scoring import align_rouge

VOCAB = "army rebels city talks ceasefire oil spill well leak protest cairo virus flu cases trial".split()


def main(tilse_path: str, trials: int = 200) -> None:
    sys.path.insert(0, tilse_path)
    trouge: Any = importlib.import_module("tilse.evaluation.rouge")
    tdata: Any = importlib.import_module("tilse.data.timelines")
    rng = random.Random(1)

    def timeline(n: int) -> dict[date, list[str]]:
        base = date(2011, 1, 1)
        return {
            base + timedelta(days=rng.randint(0, 30)): [
                " ".join(rng.choice(VOCAB) for _ in range(rng.randint(3, 9))) for _ in range(rng.randint(1, 3))
            ]
            for _ in range(n)
        }

    evaluator = trouge.TimelineRougeEvaluator.__new__(trouge.TimelineRougeEvaluator)
    evaluator.measures = {"rouge_1", "rouge_2"}
    evaluator.beta = 1
    evaluator.rouge = trouge.RougeReimplementation(stem=False, ignore_stopwords=False)
    worst = 0.0
    for _ in range(trials):
        pred, ref = timeline(rng.randint(1, 8)), timeline(rng.randint(1, 8))
        theirs = evaluator.evaluate_align_date_content_costs_many_to_one(
            tdata.Timeline(pred), tdata.GroundTruth([tdata.Timeline(ref)])
        )
        ours = align_rouge(pred, ref, str.split)  # type: ignore[arg-type]
        for t_key, o_key in (("rouge_1", "rouge1"), ("rouge_2", "rouge2")):
            for t_m, o_m in (("precision", "precision"), ("recall", "recall"), ("f_score", "f1")):
                worst = max(worst, abs(theirs[t_key][t_m] - ours[o_key][o_m]))
    print(f"max abs difference over {trials} random timelines: {worst}")


if __name__ == "__main__":
    main(sys.argv[1])
