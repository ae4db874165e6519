from datetime import date

from newsfuse.model import Article, PublishedDate, make_paragraphs
from newsfuse.options import Options
from newsfuse.validate import validate_articles

BODY = "The harbour authority of Lornvik reopened the north quay after three days of repairs to the crane rails."


def _a(aid: str, text: str, when: str | None) -> Article:
    pub = PublishedDate(when, "dateline", 0.9) if when else None
    return Article(id=aid, origin=aid, paragraphs=make_paragraphs([text]), published=pub)


def test_rejects_empty_body_and_drops_untrusted_dates() -> None:
    arts = [
        _a("empty", "", "2020-01-01"),
        _a("future", BODY, "2031-05-01"),
        _a("old", BODY, "1850-05-01"),
        _a("bad", BODY, "2020-13-45"),
        _a("ok", BODY, "2020-01-14"),
        _a("undated", BODY, None),
    ]
    kept, rejected = validate_articles(arts, Options(), today=date(2026, 11, 23))
    assert [r.reason for r in rejected] == ["no_text"]
    assert rejected[0].origin == "empty"
    by = {a.id: a for a in kept}
    assert by["future"].published is None and "future" in by["future"].notes[0]
    assert by["old"].published is None and "1900" in by["old"].notes[0]
    assert by["bad"].published is None
    assert by["ok"].date == "2020-01-14"
    assert by["undated"].date is None
