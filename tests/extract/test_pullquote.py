"""Pull-quote boxes run into the body (invented text)."""

from __future__ import annotations

import pytest

from newsfuse.extract import extract_documents
from newsfuse.extract.pullquote import split_pull_quote
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options


@pytest.mark.parametrize(
    ("text", "box", "rest"),
    [
        (  # a role, then a sentence opening on a common word
            'It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader '
            "Opposition groups have called for a protest on Friday.",
            'It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader',
            "Opposition groups have called for a protest on Friday.",
        ),
        (  # a role "of" a place, then "The"
            'They were taking everything from the houses" End Quote Resident of Port Kelb The mayor told '
            "reporters the looting had stopped.",
            'They were taking everything from the houses" End Quote Resident of Port Kelb',
            "The mayor told reporters the looting had stopped.",
        ),
        (  # an affiliation after a comma, then a sentence adverb
            'Nobody wants to sell now" End Quote Tom Vale Oil analyst, Kelbrook Securities Meanwhile, the '
            "shares fell again.",
            'Nobody wants to sell now" End Quote Tom Vale Oil analyst, Kelbrook Securities',
            "Meanwhile, the shares fell again.",
        ),
        (  # no role: the story's quotation opens the sentence
            'We will rebuild every house" End Quote Mara Quill "There is no money for it yet," the mayor said.',
            'We will rebuild every house" End Quote Mara Quill',
            '"There is no money for it yet," the mayor said.',
        ),
        (  # the box alone on its line
            'It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader',
            'It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader',
            "",
        ),
        (  # no sure end of the label: only the quote and the marker go
            'We will rebuild every house" End Quote Mara Quill Kelbrook Tom Vale said the money was found.',
            'We will rebuild every house" End Quote',
            "Mara Quill Kelbrook Tom Vale said the money was found.",
        ),
    ],
)
def test_a_pull_quote_box_is_split_from_the_story(text: str, box: str, rest: str) -> None:
    assert split_pull_quote(text) == (box, rest)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the quote would end quote marks on the signs of the town hall.",
        "A long paragraph " * 40 + 'that ends" End Quote Jan Roe Mayor The vote was delayed.',
    ],
)
def test_no_pull_quote(text: str) -> None:
    assert split_pull_quote(text) is None


def test_a_pull_quote_box_is_removed_with_its_reason() -> None:
    lines = [
        "Kelbrook council delays the dam vote again",
        "The valley council has delayed its vote on the dam for a third time, its leader said on Monday.",
        'It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader '
        "Opposition groups have called for a protest on Friday.",
        "Residents have been nearly silent about the delay, the town council said.",
    ]
    doc = RawDocument(origin="p.jsonl#1", content="\n".join(lines), kind="record", input_format="json")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    texts = [p.text for p in art.paragraphs]
    assert "Opposition groups have called for a protest on Friday." in texts
    assert not any("End Quote" in t for t in texts)
    assert any(r.reason == "caption" and r.text.endswith("Valley council leader") for r in art.removed)
