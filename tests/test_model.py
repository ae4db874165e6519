import json

import pytest

import newsfuse.model
from newsfuse.model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    ClaimSentence,
    CopyInfo,
    Decoder,
    PublishedDate,
    RemovedBlock,
    Report,
    Source,
    Story,
    SummarySentence,
    from_dict,
    make_paragraphs,
)


def _article() -> Article:
    return Article(
        id="a1",
        origin="x/one.txt",
        paragraphs=make_paragraphs(["First para.", "  ", "Second para."]),
        title="T",
        outlet="example.org",
        published=PublishedDate("2020-01-14", "dateline", 0.9),
        removed=[RemovedBlock("Reply", 7, "comment", "reply button")],
        copy_of=CopyInfo("a0", 0.93, "near"),
    )


def test_paragraph_ids_are_stable_and_skip_blanks() -> None:
    a = _article()
    assert [p.id for p in a.paragraphs] == ["p1", "p2"]
    assert a.cite("p2") == "a1#p2"
    assert a.text == "First para.\n\nSecond para."


def test_report_round_trips_through_json() -> None:
    story = Story(
        id="s1", articles=["a1"], claims=[Claim(id="c1", text="x", sentences=[ClaimSentence("x", "a1", "p1")])]
    )
    report = Report(articles=[_article()], stories=[story])
    data = json.loads(json.dumps(report.to_dict()))
    back = Report.from_dict(data)
    assert back == report
    assert back.schema_version == SCHEMA_VERSION
    assert isinstance(back.articles[0].published, PublishedDate)
    assert back.stories[0].claims[0].sentences[0].paragraph == "p1"


def test_a_kept_decoder_gives_from_dicts_objects_and_resolves_each_type_once(monkeypatch: pytest.MonkeyPatch) -> None:
    story = Story(
        id="s1",
        articles=["a1", "a2"],
        headline=SummarySentence("H", [Source("a1", "p1", "one.example")]),
        summary=[SummarySentence("S", [Source("a1", "p1"), Source("a2", "p2", None)])],
        claims=[Claim(id="c1", text="x", sentences=[ClaimSentence("x", "a1", "p1")])],
        first_date="2021-03-01",
    )
    report = Report(articles=[_article()], stories=[story])
    data = json.loads(json.dumps(report.to_dict()))
    data["stories"][0]["not_a_field"] = 1  # unknown keys are ignored, as by from_dict
    del data["stories"][0]["last_date"]  # missing keys take the default
    real = newsfuse.model.get_type_hints
    calls: list[type] = []

    def counting(tp: type) -> dict[str, object]:
        calls.append(tp)
        return real(tp)

    monkeypatch.setattr(newsfuse.model, "get_type_hints", counting)
    decode = Decoder()
    first = decode(Report, data)
    assert first == from_dict(Report, data) == report
    assert isinstance(first.stories[0].summary[0].sources[1], Source)
    assert decode(Story, None) is None
    calls.clear()
    for _ in range(3):
        assert decode(Report, data) == report
        assert decode(Story, data["stories"][0]) == story
    assert calls == []  # every dataclass's field types were resolved by the first call


def test_parse_iso_accepts_timestamps_and_rejects_junk() -> None:
    from datetime import date

    from newsfuse.model import parse_iso

    assert parse_iso("2020-01-14T09:00:00Z") == date(2020, 1, 14)
    assert parse_iso(None) is None and parse_iso("") is None and parse_iso("2020-13-45") is None
