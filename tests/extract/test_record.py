from __future__ import annotations

import pytest

from newsfuse.extract import extract_documents
from newsfuse.extract.record import extract_record, record_paragraphs
from newsfuse.model import Article, RawDocument, Rejection
from newsfuse.options import Options


def rec(content: str, **kw: str) -> RawDocument:
    return RawDocument(origin="recs.jsonl#1", content=content, kind="record", input_format="json", **kw)  # type: ignore[arg-type]


def test_paragraphs_by_blank_line_or_by_line() -> None:
    assert record_paragraphs("One line.\r\nstill one.\n\n  Two.  \n\n\n") == ["One line. still one.", "Two."]
    assert record_paragraphs("First.\nSecond.\n") == ["First.", "Second."]


def test_record_metadata() -> None:
    art = extract_record(
        rec(
            "Gates opened.\n\nResidents left.",
            title=" Verrin  Dam ",
            date="4 March 2031",
            url="https://www.valleypost.example/a",
            author="Pell Ruark",
        ),
        Options(),
    )
    assert isinstance(art, Article)
    assert [p.text for p in art.paragraphs] == ["Gates opened.", "Residents left."]
    assert art.cite("p2") == f"{art.id}#p2"
    assert (art.title, art.author, art.outlet, art.outlet_source) == (
        "Verrin Dam",
        "Pell Ruark",
        "valleypost.example",
        "url",
    )
    assert art.published is not None and (art.published.value, art.published.source) == ("2031-03-04", "input")


def test_bad_date_is_noted_and_empty_text_rejected() -> None:
    art = extract_record(rec("Text.", date="sometime soon-ish maybe"), Options())
    assert isinstance(art, Article) and art.published is None and art.notes
    bad = extract_record(rec("   \n\n "), Options())
    assert isinstance(bad, Rejection) and bad.reason == "no_text"


def test_extract_documents_keeps_order_and_one_output_each() -> None:
    html = RawDocument(
        origin="p.html",
        content="<html><body><p>" + "Water rose in Kelbrook overnight. " * 5 + "</p></body></html>",
        kind="html",
        input_format="html",
    )
    body = "The council met on Monday and voted to reopen the bridge over the Verrin after the flood waters fell. "
    docs = [rec("First record. " + body), html, rec(""), rec("Last record. " + body)]
    out = extract_documents(docs, Options())
    assert len(out) == len(docs)
    assert [o.origin for o in out] == [d.origin for d in docs]
    assert isinstance(out[0], Article) and isinstance(out[2], Rejection) and isinstance(out[3], Article)


def test_extract_documents_bad_kind() -> None:
    d = rec("x")
    d.kind = "pdf"  # type: ignore[assignment]
    with pytest.raises(ValueError):
        extract_documents([d], Options())


def test_record_wire_credit_line_is_removed_with_its_reason() -> None:
    art = extract_record(
        rec(
            "Gates opened at dawn.\n\nA body sentence noting reporting by the Courier stays.\n\n(Reporting by Pell Ruark; Editing by Ona Vell)"
        ),
        Options(),
    )
    assert isinstance(art, Article)
    assert [p.text for p in art.paragraphs] == [
        "Gates opened at dawn.",
        "A body sentence noting reporting by the Courier stays.",
    ]
    (block,) = art.removed
    assert (block.text, block.reason, block.position) == ("(Reporting by Pell Ruark; Editing by Ona Vell)", "other", 2)
    assert "wire credit" in block.detail


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(Reporting by Pell Ruark; Editing by Ona Vell)", True),
        ("Additional reporting by Mira Kess in Portvale", True),
        ("Writing by Arlo Venn; editing by the Portvale desk.", True),
        ("Reporting by the Courier showed the mayor knew. He resigned.", False),
        ("The mayor said reporting by local papers was unfair.", False),
    ],
)
def test_wire_credit(line: str, credit: bool) -> None:
    from newsfuse.extract.signals import wire_credit

    assert wire_credit(line) is credit
