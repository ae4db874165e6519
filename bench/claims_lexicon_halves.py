"""Effect of a word list on claim grouping, measured on random halves of the ECB+ dev claims.

    PYTHONPATH=src python bench/claims_lexicon_halves.py ../shared/data/claims/ecbplus-dev.jsonl \\
        [--drop-dev-heads] [--drop WORD,WORD] [--halves 10] [--seed 1]

Runs the claim eval's grouping twice: with the lexicon as it is, and with the event nouns given
(``--drop``) or the ones that head a dev topic (``--drop-dev-heads``: an event noun found in at
least a quarter of the sentences of some dev group, computed from the file itself) left out of
``EVENT_NOUNS``.  Prints B-cubed F1 on the whole file and, over N random draws of half the topics
(both halves of each draw), the mean and spread of each variant and of their difference: a list
fitted to the dev topics helps on the halves holding those topics and little elsewhere, which
shows as a wide spread of the difference.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections import Counter
from typing import Any

from newsfuse.crosscheck import claims as claims_mod
from newsfuse.crosscheck.lexicon import EVENT_NOUNS
from newsfuse.evals.claims import load_groups, system_labels
from newsfuse.evals.metrics import bcubed
from newsfuse.options import Options
from newsfuse.text import fold, tokens

# An event noun in at least this share of one group's sentences heads that group's topic.
_HEAD_SHARE = 0.25


def dev_heads(groups: list[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for g in groups:
        seen: Counter[str] = Counter()
        for s in g["sentences"]:
            seen.update({w for w in tokens(fold(str(s["text"]))) if w in EVENT_NOUNS})
        out |= {w for w, k in seen.items() if k >= _HEAD_SHARE * len(g["sentences"])}
    return out


def predict(groups: list[dict[str, Any]], nouns: frozenset[str]) -> tuple[dict[Any, Any], dict[Any, Any]]:
    saved = claims_mod.EVENT_NOUNS
    claims_mod.EVENT_NOUNS = nouns  # the grouping reads the module's name at call time
    try:
        gold: dict[Any, Any] = {}
        pred: dict[Any, Any] = {}
        for g in groups:
            gid = str(g.get("id", ""))
            labels = system_labels(g["sentences"], Options())
            for s in g["sentences"]:
                gold[(gid, str(s["id"]))] = str(s["label"])
                if str(s["id"]) in labels:
                    pred[(gid, str(s["id"]))] = (gid, labels[str(s["id"])])
        return gold, pred
    finally:
        claims_mod.EVENT_NOUNS = saved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--drop", default="", help="comma-separated event nouns to leave out")
    ap.add_argument("--drop-dev-heads", action="store_true")
    ap.add_argument("--halves", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    groups = load_groups(args.file)
    drop = {w for w in args.drop.split(",") if w} | (dev_heads(groups) if args.drop_dev_heads else set())
    gold, with_list = predict(groups, EVENT_NOUNS)
    _, without = predict(groups, EVENT_NOUNS - drop)
    topics = sorted({str(g.get("id", "")).split("_")[0] for g in groups})
    rng = random.Random(args.seed)
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.halves):
        rng.shuffle(topics)
        half = set(topics[: len(topics) // 2])
        for side in (True, False):
            keys = [k for k in gold if (k[0].split("_")[0] in half) == side]
            g = {k: gold[k] for k in keys}
            a.append(bcubed(g, {k: with_list[k] for k in keys if k in with_list})["f1"])
            b.append(bcubed(g, {k: without[k] for k in keys if k in without})["f1"])
    d = [x - y for x, y in zip(a, b, strict=True)]

    def stats(v: list[float]) -> dict[str, float]:
        return {
            "mean": round(statistics.fmean(v), 4),
            "stdev": round(statistics.stdev(v), 4),
            "min": round(min(v), 4),
            "max": round(max(v), 4),
        }

    print(
        json.dumps(
            {
                "dropped": sorted(drop),
                "full_with": round(bcubed(gold, with_list)["f1"], 4),
                "full_without": round(bcubed(gold, without)["f1"], 4),
                "halves_with": stats(a),
                "halves_without": stats(b),
                "halves_difference": stats(d),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
