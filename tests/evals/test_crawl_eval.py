"""``newsfuse eval crawl`` on an invented format E folder (ids name the outlet, used only as gold)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsfuse.evals import crawl

LEAD = (
    "The Verrin Valley Water Board opened both outlet gates overnight after inspectors found a crack in the spillway."
)
MORE = [
    "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
    "Engineers will inspect the spillway foundations on Tuesday and a decision on the return is due on Wednesday.",
    "The dam, built in 1958, holds back a reservoir that supplies drinking water to about 90,000 people.",
]


def _write(root: Path) -> None:
    topic = root / "verrin"
    topic.mkdir()
    recs = [
        {
            "id": "verrin_reuters-1",
            "date": "2031-03-10",
            "title": "",
            "text": "\n".join(["KELBROOK (Reuters) - " + LEAD, *MORE]),
        },
        {"id": "verrin_cnn-1", "date": "2031-03-10", "title": "", "text": "\n".join(["(CNN) -- " + LEAD, *MORE[:2]])},
        {
            "id": "verrin_cnn-2",
            "date": "2031-03-10",
            "title": "",
            "text": "\n".join(
                [
                    "Families from lower Kelbrook spent the night at the school hall after the Verrin Dam spillway cracked.",
                    "The water board said the dam wall itself was sound and that the reservoir level was falling fast.",
                    "Volunteers handed out blankets while engineers checked the spillway and the outlet gates overnight.",
                    "Water rose !!! March 10, 2031 at 7:59 pm | Report abuse | Typical council, they never fix anything.",
                ]
            ),
        },
    ]
    (topic / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")


def test_gold_outlet_from_ids() -> None:
    assert crawl.gold_outlet("bpoil_foxnews-12") == "foxnews"
    assert crawl.gold_outlet("anonymous") is None


def test_eval_crawl_scores_outlets_sources_and_front(tmp_path: Path) -> None:
    _write(tmp_path)
    audit = tmp_path / "audit.md"
    ap = argparse.ArgumentParser()
    crawl.add_arguments(ap)
    result = crawl.run(ap.parse_args([str(tmp_path), "--audit", str(audit)]))
    system = result["system"]
    assert result["n"] == 3
    # Two of three articles carry a dateline; the third names no outlet.
    assert abs(system["outlet_accuracy"] - 2 / 3) < 1e-9 and system["outlet_precision"] == 1.0
    assert system["stories_multi_n"] == 1
    # The CNN dateline article copies the Reuters one (it counts as Reuters, its origin); the third,
    # a CNN article naming no outlet, is a second gold source that the lower bound does not count.
    assert system["sources_exact"] == 0.0
    assert result["baselines"]["unknown_as_own_source"]["sources_exact"] == 1.0
    assert system["furniture_leakage"] == 0.0
    assert "Report abuse" not in audit.read_text(encoding="utf-8")
