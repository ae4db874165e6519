import argparse
import json
import random

import pytest

from newsfuse.evals import cluster as ev


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def _rows():
    rng = random.Random(1)
    topics = {
        "storm": ["Cyclone Varenna", "Port Halsey", "flooding", "evacuated", "coastguard"],
        "vote": ["Senator Odrana", "Kelmar province", "ballots", "recount", "turnout"],
    }
    rows = []
    for label, words in topics.items():
        for i in range(4):
            body = " ".join([*rng.sample(words, len(words)), "reported", "officials", "said", "on", "Monday"])
            rows.append(
                {
                    "id": f"{label}{i}",
                    "title": f"{words[0]} news {i}",
                    "text": body + ".\n" + body + ".",
                    "date": None,
                    "outlet": None,
                    "cluster": label,
                }
            )
    return rows


def test_eval_cluster_reports_system_and_baselines(tmp_path) -> None:
    f = tmp_path / "c.jsonl"
    _write(f, _rows())
    res = ev.run(argparse.Namespace(file=str(f), no_baseline=False))
    assert res["n"] == 8
    for part in (res["system"], *res["baselines"].values()):
        for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1"):
            assert 0.0 <= part[key] <= 1.0
        assert part["clusters"] >= 1
    assert set(res["baselines"]) == {"tfidf_agglomerative", "tfidf_agglomerative_oracle"}
    assert res["system"]["bcubed_f1"] == 1.0  # two clearly different topics


def test_eval_cluster_halves_cluster_each_half_on_its_own(tmp_path) -> None:
    rows = _rows()
    # a second sub-topic of the storm topic: "storm_b" must stay in the same half as "storm"
    for r in rows[:2]:
        r["cluster"] = "storm_b"
    f = tmp_path / "c.jsonl"
    _write(f, rows)
    res = ev.run(argparse.Namespace(file=str(f), no_baseline=True, halves=3, seed=5))
    h = res["halves"]
    assert h["n"] == 6 and h["seed"] == 5
    assert 0.0 <= h["min"] <= h["mean"] <= h["max"] <= 1.0
    assert ev.topic_of("storm_b") == ev.topic_of("storm") == "storm"
    again = ev.run(argparse.Namespace(file=str(f), no_baseline=True, halves=3, seed=5))
    assert again["halves"] == h  # deterministic for a seed
    with pytest.raises(ValueError, match="halves"):
        ev.run(argparse.Namespace(file=str(f), no_baseline=True, halves=-1, seed=0))


def test_eval_cluster_rejects_bad_files(tmp_path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "x", "text": "no label"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="format C"):
        ev.run(argparse.Namespace(file=str(f), no_baseline=True))
    with pytest.raises(FileNotFoundError):
        ev.run(argparse.Namespace(file=str(tmp_path / "missing.jsonl"), no_baseline=True))
