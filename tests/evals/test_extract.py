from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from newsfuse.evals import extract as ev

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction" / "zyte-aeb"

PARAS = [
    "Engineers at the Verrin Dam opened two spillway gates on Monday night after the reservoir rose forty centimetres in a day.",
    "About 1,200 residents of the lower valley were told to leave their homes before dawn, according to the mayor of Kelbrook.",
    "The water board said the controlled release would continue for at least three days while inspectors examined the abutment.",
]


def page(title: str, site: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>{title} | {site}</title><meta property='og:site_name' content='{site}'>"
        "<meta property='article:published_time' content='2025-03-04T08:00:00Z'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>By Tamsin Oduya</p>{body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def make_set(root: Path) -> None:
    (root / "html").mkdir(parents=True)
    truth = {}
    for i, (title, site) in enumerate(
        [("Gates open at Verrin Dam", "Valley Post"), ("Kelbrook told to leave", "Kelbrook Courier")]
    ):
        pid = f"page{i}"
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(page(title, site).encode()))
        truth[pid] = {
            "articleBody": "\n".join(PARAS),
            "url": f"https://news{i}.example/a",
            "title": title,
            "date": "2025-03-04",
        }
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def run(path: Path, **kw: object) -> dict:
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    args = parser.parse_args([str(path)])
    for k, v in kw.items():
        setattr(args, k, v)
    return ev.run(args)


def test_eval_extract_shape_and_scores(tmp_path: Path) -> None:
    make_set(tmp_path)
    out = run(tmp_path)
    assert out["n"] == 2
    sysm = out["system"]
    assert set(sysm) == {"precision", "recall", "f1", "title_accuracy", "date_accuracy", "author_accuracy"}
    assert set(out["baselines"]) == {"trafilatura"} and set(out["baselines"]["trafilatura"]) == set(sysm)
    assert sysm["author_accuracy"] is None  # no ground truth has an author
    assert sysm["recall"] > 0.9 and sysm["title_accuracy"] == 1.0 and sysm["date_accuracy"] == 1.0
    for v in list(sysm.values()) + list(out["baselines"]["trafilatura"].values()):
        assert v is None or 0.0 <= v <= 1.0


def test_eval_extract_wrong_gold_scores_low(tmp_path: Path) -> None:
    make_set(tmp_path)
    truth = json.loads((tmp_path / "ground-truth.json").read_text())
    for rec in truth.values():
        rec["articleBody"] = "Completely different text about a harbour strike in another invented city entirely."
        rec["title"] = "Harbour strike"
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    out = run(tmp_path, no_baseline=True)
    assert out["system"]["f1"] < 0.1 and out["system"]["title_accuracy"] == 0.0
    assert out["baselines"] == {}


def test_eval_extract_bad_dir(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        run(tmp_path)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared data absent")
def test_eval_extract_on_zyte_sample() -> None:
    out = run(SHARED, limit=5, no_baseline=True)
    assert out["n"] == 5 and out["system"]["f1"] > 0.8
