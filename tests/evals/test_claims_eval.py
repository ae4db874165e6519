import argparse
import json
from pathlib import Path

import pytest

from newsfuse.evals import claims as ev

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "claims" / "ecbplus-dev.jsonl"


def _args(path, **kw):
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    args = parser.parse_args([str(path)])
    for k, v in kw.items():
        setattr(args, k, v)
    return args


def _write(tmp_path, groups):
    p = tmp_path / "f.jsonl"
    p.write_text("\n".join(json.dumps(g) for g in groups) + "\n", encoding="utf-8")
    return p


def test_eval_scores_a_small_invented_file(tmp_path) -> None:
    group = {
        "id": "g1",
        "sentences": [
            {
                "id": "d1_0",
                "doc": "d1",
                "text": "Rescuers pulled twelve miners alive from the flooded Kora pit on Sunday.",
                "label": "rescue",
            },
            {
                "id": "d2_0",
                "doc": "d2",
                "text": "Twelve miners were pulled alive from the flooded Kora pit by rescuers.",
                "label": "rescue",
            },
            {
                "id": "d1_1",
                "doc": "d1",
                "text": "The owner of the mine faces an inquiry over safety failures.",
                "label": "inquiry",
            },
            {
                "id": "d2_1",
                "doc": "d2",
                "text": "Regulators opened an inquiry into the mine owner's safety failures.",
                "label": "inquiry",
            },
            {"id": "d3_0", "doc": "d3", "text": "Heavy rain is expected in the valley next week.", "label": "rain"},
        ],
    }
    out = ev.run(_args(_write(tmp_path, [group])))
    assert out["n"] == 5
    for part in (out["system"], out["baselines"]["tfidf_threshold"], out["baselines"]["tfidf_threshold_oracle"]):
        assert set(part) >= {"bcubed_precision", "bcubed_recall", "bcubed_f1"}
        assert all(0.0 <= v <= 1.0 for v in part.values())
    assert out["system"]["bcubed_f1"] == 1.0
    # every document is its own outlet: the rescue and the inquiry are each one fact of two sources
    assert out["agreed"] == {"claims": 2, "pairs": 2, "same_event_share": 1.0}


def test_eval_rejects_malformed_lines(tmp_path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="sentences"):
        ev.run(_args(p))


@pytest.mark.shared
def test_dev_set_beats_the_baseline(tmp_path) -> None:
    if not SHARED.exists():
        pytest.skip("../shared absent")
    lines = SHARED.read_text(encoding="utf-8").splitlines()[:12]
    p = tmp_path / "dev12.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = ev.run(_args(p, no_oracle=True))
    assert out["system"]["bcubed_f1"] > out["baselines"]["tfidf_threshold"]["bcubed_f1"]


def test_halves_score_random_halves_of_the_topics() -> None:
    gold = {("1_a", "s1"): "x", ("1_a", "s2"): "x", ("1_b", "s3"): "y", ("2_a", "s4"): "z", ("2_a", "s5"): "z"}
    perfect = {k: (k[0], v) for k, v in gold.items()}
    out = ev.halves(["1_a", "1_b", "2_a"], gold, perfect, 3, seed=5)
    assert out["n"] == 6 and out["mean"] == 1.0 and out["stdev"] == 0.0
    split = {k: (k[0], k[1]) for k in gold}  # every sentence alone: precision 1, recall below 1
    worse = ev.halves(["1_a", "1_b", "2_a"], gold, split, 3, seed=5)
    assert worse["max"] < 1.0 and worse["min"] > 0.0
    assert ev.topic_of("3_ecbplus") == "3"
    with pytest.raises(ValueError):
        ev.halves(["1_a", "1_b"], gold, perfect, 2, seed=0)  # one topic cannot be halved


def test_eval_reports_halves_when_asked(tmp_path) -> None:
    groups = [
        {
            "id": f"{t}_x",
            "sentences": [
                {
                    "id": f"{t}a",
                    "doc": "d1",
                    "text": f"Rescuers pulled twelve miners alive from the flooded Kora{t} pit.",
                    "label": "r",
                },
                {
                    "id": f"{t}b",
                    "doc": "d2",
                    "text": f"Twelve miners were pulled alive from the flooded Kora{t} pit.",
                    "label": "r",
                },
            ],
        }
        for t in range(4)
    ]
    out = ev.run(_args(_write(tmp_path, groups), halves=2, seed=1, no_oracle=True))
    assert out["halves"]["n"] == 4 and 0.0 <= out["halves"]["mean"] <= 1.0
