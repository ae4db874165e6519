"""``newsfuse eval summarize`` on a tiny invented format-D file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from newsfuse.evals import summarize
from newsfuse.summary.baselines import BASELINES

RECORDS = [
    {
        "id": "c1",
        "articles": [
            {
                "id": "x1",
                "title": "Velmora bridge collapse kills four",
                "text": "A road bridge over the Tessin river collapsed in Velmora on Tuesday, killing four people.\n"
                "Rescue teams searched the river through the night for more victims.\n"
                "The bridge was built in 1968 and was due for repairs.",
                "date": "2031-03-04",
            },
            {
                "id": "x2",
                "title": "",
                "text": "Four people died when a bridge over the Tessin river collapsed in Velmora.\n"
                "Mayor Ilse Brandt ordered an inquiry into the maintenance of the bridge.",
                "date": "2031-03-05",
            },
        ],
        "references": ["A bridge collapses in Velmora, killing four people."],
    },
    {
        "id": "c2",
        "articles": [
            {
                "id": "y1",
                "title": "Tram line opens",
                "text": "Karsby opened its first tram line between the harbour and the university on Monday.",
                "date": None,
            }
        ],
        "references": ["Karsby opens its first tram line."],
    },
]


def _args(
    path: Path, words: int | list[int], write: Path | None = None, headline_only: bool = False
) -> argparse.Namespace:
    return argparse.Namespace(
        file=str(path), words=words, write=str(write) if write else None, limit=None, headline_only=headline_only
    )


def test_eval_shape_and_write(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    out = summarize.run(_args(path, 40, tmp_path / "out"))
    assert out["n"] == 2
    assert set(out["system"]) == set(summarize.KEYS)
    assert set(out["baselines"]) == set(BASELINES)
    for figures in [out["system"], *out["baselines"].values()]:
        assert set(figures) == set(summarize.KEYS)
        assert all(0.0 <= v <= 1.0 for v in figures.values())
    written = (tmp_path / "out" / "c1.txt").read_text(encoding="utf-8")
    assert "Velmora" in written and len(written.split()) <= 80
    head = summarize.run(_args(path, 40, headline_only=True))
    assert head["n"] == 2


def test_eval_cut_and_bad_arguments(tmp_path: Path) -> None:
    assert summarize.cut("a b c d", 2) == "a b"
    with pytest.raises(ValueError):
        summarize.run(_args(tmp_path / "d.jsonl", 0))
    with pytest.raises(FileNotFoundError):
        summarize.run(_args(tmp_path / "missing.jsonl", 40))


@pytest.mark.shared
def test_wcep_sample_runs_when_shared_present() -> None:
    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "summarization" / "wcep-sample-dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared not present")
    out = summarize.run(argparse.Namespace(file=str(path), words=40, write=None, limit=20, headline_only=False))
    assert out["n"] == 20
    assert out["system"]["rouge1_f"] > out["baselines"]["random"]["rouge1_f"]


def test_eval_several_lengths_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    out = summarize.run(_args(path, [8, 60], tmp_path / "out"))
    assert out["n"] == 2 and "system" not in out
    assert set(out["by_words"]) == {"8", "60"}
    for figures in out["by_words"].values():
        assert set(figures["baselines"]) == set(BASELINES)
        assert set(figures["system"]) == set(summarize.KEYS)
    # recall grows with the length: the longer cut holds the shorter one
    assert out["by_words"]["60"]["system"]["rouge1_r"] >= out["by_words"]["8"]["system"]["rouge1_r"]
    assert (tmp_path / "out" / "8" / "c1.txt").is_file() and (tmp_path / "out" / "60" / "c1.txt").is_file()
    single = summarize.run(_args(path, [60]))
    assert single["system"] == out["by_words"]["60"]["system"]
    # baselines are run once at the longest length and cut: the same figures as a run at 8 words
    short = summarize.run(_args(path, [8]))
    assert short["baselines"] == out["by_words"]["8"]["baselines"]
    no_lcs = summarize.run(argparse.Namespace(**{**vars(_args(path, [8, 60])), "no_rouge_l": True}))
    assert set(no_lcs["by_words"]["60"]["system"]) == {"rouge1_f", "rouge2_f", "rouge1_r", "rouge2_r"}
    assert no_lcs["by_words"]["60"]["system"]["rouge2_r"] == out["by_words"]["60"]["system"]["rouge2_r"]
    with pytest.raises(ValueError):
        summarize.run(_args(path, [100, 0]))
