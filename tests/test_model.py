import json

from newsfuse.model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    ClaimSentence,
    CopyInfo,
    PublishedDate,
    RemovedBlock,
    Report,
    Story,
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


def test_parse_iso_accepts_timestamps_and_rejects_junk() -> None:
    from datetime import date

    from newsfuse.model import parse_iso

    assert parse_iso("2020-01-14T09:00:00Z") == date(2020, 1, 14)
    assert parse_iso(None) is None and parse_iso("") is None and parse_iso("2020-13-45") is None
