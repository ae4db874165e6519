import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from newsfuse.model import Article, PublishedDate, make_paragraphs
from newsfuse.options import Options
from newsfuse.timeline import topic_timeline
from newsfuse.timeline.command import read_topic, topic_timeline_command
from newsfuse.timeline.topic import DateWeights, build_index, score_dates, select_dates


def art(aid: str, date_: str | None, *sentences: str, outlet: str = "Example News") -> Article:
    return Article(
        id=aid,
        origin=aid,
        outlet=outlet,
        paragraphs=make_paragraphs(list(sentences)),
        published=PublishedDate(date_, "input", 1.0) if date_ else None,
    )


# An invented topic: a volcano on the island of Velmar.  The eruption (Tuesday 2 March 2021) is
# referred back to by later articles; the evacuation (4 March) once; 6 March is just a busy news day.
TOPIC = [
    art("v1", "2021-03-02", "The Mount Orla volcano on Velmar erupted today, sending ash five kilometres high."),
    art("v2", "2021-03-03", "Ash from the eruption on Tuesday grounded flights across the Velmar archipelago."),
    art("v3", "2021-03-04", "Authorities ordered the evacuation of three villages today as lava advanced."),
    art("v4", "2021-03-05", "Since the eruption on March 2, more than 4,000 residents have left their homes."),
    art("v5", "2021-03-06", "Relief ships reached the harbour with tents and water for evacuated families."),
    art("v6", "2021-03-06", "Scientists said the lava flow slowed overnight but the crater remains active."),
    art("v7", "2021-03-06", "Markets on the mainland were calm as traders watched the island closely."),
    art("v8", "2021-03-09", "A week after the volcano erupted on March 2, schools on Velmar remain closed."),
    art("v9", "2021-03-09", "The evacuation of March 4 was the largest in the island's history, officials said."),
]


def test_dates_referred_back_to_rank_first() -> None:
    topic = build_index(TOPIC)
    scores = score_dates(topic)
    assert select_dates(scores, 1) == [date(2021, 3, 2)]
    assert select_dates(scores, 2) == [date(2021, 3, 2), date(2021, 3, 4)]
    # Counting publication volume alone would prefer the busy 6 March.
    by_volume = score_dates(topic, weights=DateWeights(other_day=0, same_day=0, published=1))
    assert select_dates(by_volume, 1) == [date(2021, 3, 6)]


def test_topic_timeline_shape_and_span() -> None:
    events = topic_timeline(TOPIC, 2, 1, Options())
    assert [e.date for e in events] == ["2021-03-02", "2021-03-04"]
    assert all(e.granularity == "day" and len(e.sources) == 1 for e in events)
    assert "erupt" in events[0].text
    # the protocol's span restricts the dates
    later = topic_timeline(TOPIC, 2, 1, Options(), start=date(2021, 3, 3), end=date(2021, 3, 9))
    assert later[0].date == "2021-03-04"
    assert all(e.date >= "2021-03-03" for e in later)


def test_sentences_per_date_and_no_duplicates() -> None:
    dup = [
        *TOPIC,
        art("v10", "2021-03-03", "Ash from the eruption on Tuesday grounded flights across the Velmar archipelago."),
    ]
    events = topic_timeline(dup, 1, 3, Options())
    texts = [e.text for e in events]
    assert all(e.date == "2021-03-02" for e in events)
    assert len(texts) == len(set(texts)) and 1 < len(texts) <= 3


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        topic_timeline(TOPIC, 0, 1, Options())
    with pytest.raises(ValueError):
        topic_timeline(TOPIC, 3, 0, Options())
    with pytest.raises(ValueError):
        topic_timeline(TOPIC, 3, 1, Options(), start=date(2021, 3, 9), end=date(2021, 3, 1))


def test_empty_and_undated_inputs() -> None:
    assert topic_timeline([], 3, 1, Options()) == []
    undated = [art("x1", None, "The bridge reopened on Monday after repairs."), art("x2", None, "Nothing dated here.")]
    assert topic_timeline(undated, None, 1, Options()) == []
    absolute = [art("y1", None, "The bridge reopened on 14 May 2019 after repairs that began in March 2018.")]
    (ev,) = topic_timeline(absolute, 1, 1, Options())
    assert ev.date == "2019-05-14"


def _args(paths: list[str], fmt: str = "md", dates: int | None = None) -> argparse.Namespace:
    return argparse.Namespace(paths=paths, dates=dates, sentences=1, format=fmt)


def test_command_markdown_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "topic.jsonl"
    lines = [
        json.dumps({"id": a.id, "date": a.date, "outlet": a.outlet, "text": a.text, "clean": True}) for a in TOPIC
    ] + ["{not json", json.dumps({"id": "empty", "text": ""})]
    f.write_text("\n".join(lines), encoding="utf-8")
    assert len(read_topic([str(tmp_path)], Options())) == len(TOPIC)  # bad lines rejected, not fatal

    assert topic_timeline_command(_args([str(f)], "md", 2), Options())
    md = capsys.readouterr().out
    assert md.startswith("# Timeline") and "## 2021-03-02" in md and "## 2021-03-04" in md

    assert topic_timeline_command(_args([str(f)], "json", 2), Options())
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == len(TOPIC)
    assert [e["date"] for e in data["events"]] == ["2021-03-02", "2021-03-04"]


def test_command_escapes_text_and_reports_nothing_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text(
        json.dumps(
            {
                "id": "h",
                "date": "2021-03-02",
                "text": "<script>alert(1)</script> The dam burst on Monday, flooding two towns.",
                "clean": True,
            }
        ),
        encoding="utf-8",
    )
    assert topic_timeline_command(_args([str(f)]), Options())
    out = capsys.readouterr().out
    assert "<script>" not in out and "&lt;script&gt;" in out
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    assert not topic_timeline_command(_args([str(empty)]), Options())
    with pytest.raises(ValueError):
        topic_timeline_command(_args([str(f)], dates=0), Options())


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsfuse.cli import main

    f = tmp_path / "topic.jsonl"
    f.write_text(
        "\n".join(json.dumps({"id": a.id, "date": a.date, "text": a.text, "clean": True}) for a in TOPIC),
        encoding="utf-8",
    )
    assert main(["timeline", str(f), "--dates", "2", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["events"]) == 2
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["timeline", str(empty)]) == 1
    assert main(["timeline", str(tmp_path / "missing.jsonl")]) == 2
    assert main(["timeline", str(f), "--sentences", "0"]) == 2


def test_plans_and_forecasts_do_not_make_a_day_important() -> None:
    # Three articles look ahead to a summit on 20 March; only one later article looks back at
    # the eruption of 2 March.  Looking back is the evidence that a day mattered.
    arts = [
        art("f1", "2021-03-10", "Leaders will meet on March 20 to discuss aid for Velmar."),
        art("f2", "2021-03-11", "A donors' summit is scheduled for March 20 in the capital."),
        art("f3", "2021-03-12", "Ministers are expected to pledge funds on March 20."),
        art("f4", "2021-03-12", "Since the eruption on March 2, ash has covered the island."),
    ]
    topic = build_index(arts)
    assert date(2021, 3, 20) not in topic.mentioned_by
    assert date(2021, 3, 20) in topic.candidates  # its sentences still describe the day if it is chosen
    assert topic.mentioned_by[date(2021, 3, 2)] == {"f4": False}
