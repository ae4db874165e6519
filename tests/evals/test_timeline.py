import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.evals import timeline as ev
from newsfuse.timeline.scoring import align_rouge, date_prf

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "timeline" / "t17-dev"


def d(day: int) -> date:
    return date(2021, 3, day)


def test_date_prf() -> None:
    assert date_prf([d(1), d(2), d(3)], [d(2), d(3), d(4), d(5)]) == pytest.approx(
        {"precision": 2 / 3, "recall": 0.5, "f1": 4 / 7}
    )
    assert date_prf([], [d(1)]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_align_rouge_identical_and_disjoint() -> None:
    ref = {d(1): ["Lava destroyed the northern road."], d(3): ["Villagers were evacuated by ferry."]}
    same = align_rouge(ref, ref)
    assert same["rouge1"]["f1"] == pytest.approx(1.0) and same["rouge2"]["f1"] == pytest.approx(1.0)
    other = align_rouge({d(1): ["Markets rallied strongly."]}, ref)
    assert other["rouge1"]["f1"] == 0.0
    assert align_rouge({}, ref)["rouge1"]["f1"] == 0.0


def test_align_rouge_discounts_by_date_distance() -> None:
    ref = {d(1): ["Lava destroyed the northern road."]}
    one_day_off = align_rouge({d(2): ["Lava destroyed the northern road."]}, ref)
    # ROUGE counts are discounted by 1 / (1 + days apart)
    assert one_day_off["rouge1"]["precision"] == pytest.approx(0.5)
    assert one_day_off["rouge1"]["recall"] == pytest.approx(0.5)


def test_align_rouge_many_to_one_prefers_matching_content() -> None:
    ref = {d(1): ["Lava destroyed the northern road."], d(4): ["Ferries evacuated the villagers."]}
    # a predicted day 2 that talks about the ferries aligns with day 4 despite being nearer day 1
    pred = {d(2): ["Ferries evacuated the villagers."]}
    r = align_rouge(pred, ref)
    assert r["rouge1"]["precision"] == pytest.approx(1 / 3)


# An invented two-topic dataset in format E.
ARTICLES = {
    "volcano": [
        ("2021-03-02", "The Mount Orla volcano on Velmar erupted today, sending ash five kilometres high."),
        ("2021-03-03", "Ash from the eruption on Tuesday grounded all flights across the Velmar archipelago."),
        ("2021-03-04", "Authorities ordered the evacuation of three villages today as lava advanced."),
        ("2021-03-05", "Since the eruption on March 2, more than 4,000 residents have left their homes."),
        ("2021-03-06", "Relief ships reached the harbour with tents and water for evacuated families."),
        ("2021-03-09", "The evacuation of March 4 was the largest in the island's history, officials said."),
    ],
    "strike": [
        ("2021-05-10", "Dock workers in Portvale walked out today over unpaid wages."),
        ("2021-05-12", "The walkout that began on Monday has stranded forty cargo ships at Portvale."),
        ("2021-05-14", "Union leaders and the port authority signed a wage deal today, ending the strike."),
        ("2021-05-17", "Work resumed at Portvale after the deal of May 14 ended the walkout of May 10."),
    ],
}
TIMELINES = {
    "volcano": [
        [
            {"date": "2021-03-02", "summary": ["Mount Orla erupts on Velmar, sending ash five kilometres high."]},
            {"date": "2021-03-04", "summary": ["Three villages are evacuated as lava advances."]},
        ]
    ],
    "strike": [
        [
            {"date": "2021-05-10", "summary": ["Portvale dock workers walk out over unpaid wages."]},
            {"date": "2021-05-14", "summary": ["A wage deal ends the strike."]},
        ]
    ],
}


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    for topic, rows in ARTICLES.items():
        (tmp_path / topic).mkdir()
        with (tmp_path / topic / "articles.jsonl").open("w", encoding="utf-8") as fh:
            for i, (day, text) in enumerate(rows):
                fh.write(json.dumps({"id": f"{topic}_wire-{i}", "date": day, "title": "", "text": text}) + "\n")
        (tmp_path / topic / "timelines.json").write_text(json.dumps(TIMELINES[topic]), encoding="utf-8")
    return tmp_path


def test_eval_on_tiny_dataset(dataset: Path) -> None:
    result = ev.evaluate_dir(dataset, details=True)
    assert result["n"] == 2
    sys_ = result["system"]
    assert set(sys_) == {"date_precision", "date_recall", "date_f1", "align_rouge1_f", "align_rouge2_f"}
    assert set(result["baselines"]["frequent_dates"]) == set(sys_)
    assert sys_["date_f1"] == pytest.approx(1.0)  # both topics' dates are the ones referred back to
    assert 0.2 < sys_["align_rouge1_f"] <= 1.0
    assert all(0.0 <= v <= 1.0 for v in [*sys_.values(), *result["baselines"]["frequent_dates"].values()])
    only = ev.evaluate_dir(dataset, topics=["strike"])
    assert only["n"] == 1


def test_eval_errors(dataset: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown topics"):
        ev.evaluate_dir(dataset, topics=["nope"])
    with pytest.raises(NotADirectoryError):
        ev.evaluate_dir(tmp_path / "missing")
    (dataset / "volcano" / "articles.jsonl").write_text("{broken\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not JSON"):
        ev.evaluate_dir(dataset, topics=["volcano"])


def test_eval_through_cli(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "timeline", str(dataset), "--topics", "strike"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == 1 and "frequent_dates" in out["baselines"]
    ev.add_arguments(argparse.ArgumentParser())  # the registry contract


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared data absent")
def test_t17_small_topic_reaches_target() -> None:
    result = ev.evaluate_dir(SHARED.resolve(), topics=["haiti"])
    assert result["system"]["date_f1"] >= 0.55
