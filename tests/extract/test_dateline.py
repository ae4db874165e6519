"""What a page glues before the wire dateline goes, with its reason (invented pages)."""

from __future__ import annotations

from newsfuse.extract.dateline import before_dateline
from newsfuse.extract.outletdetect import BEFORE_DATELINE
from newsfuse.extract.text import clean_text
from newsfuse.extract.textmeta import outlet_from_signatures
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options

LEAD = (
    "The harbour board of Valdoria voted on Tuesday to close the old ferry pier after inspectors found "
    "cracks in three of its pillars."
)
BODY = [
    "Ferries will use the north quay until repairs end, the board said in a statement.",
    "Local traders said the closure would cut the number of visitors during the summer festival.",
    "The pier was built in 1921 and last repaired in 1987, according to the town archive.",
]


def _clean(first: str, *, before: list[str] | None = None) -> Article:
    text = "\n\n".join([*(before or []), first, *BODY])
    art = clean_text(RawDocument(origin="pier.txt", content=text, kind="text", input_format="text"), Options())
    assert isinstance(art, Article)
    return art


def test_highlights_run_into_the_dateline_go_with_their_reason() -> None:
    highlights = (
        "Inspectors found cracks in three pillars Traders fear fewer visitors during the festival "
        "The pier was built in 1921"
    )
    art = _clean(f"{highlights} Valdoria, Nordland (CNN) -- {LEAD}")
    assert art.paragraphs[0].text == f"Valdoria, Nordland (CNN) -- {LEAD}"
    # the glued-headline splits take the first points; what they leave goes as text before the dateline
    assert " ".join(r.text for r in art.removed) == highlights
    assert art.removed[-1].detail == BEFORE_DATELINE
    assert art.outlet == "CNN"


def test_wire_summary_points_and_byline_go_and_the_byline_names_the_author() -> None:
    head = "* Board votes to close pier * Repairs could take a year (Adds trader comments) By Jane Roe and Ann Doe"
    art = _clean(f"{head} VALDORIA, May 8 (Reuters) - {LEAD}")
    assert art.paragraphs[0].text == f"VALDORIA, May 8 (Reuters) - {LEAD}"
    assert art.author is not None and "Jane Roe" in art.author


def test_a_caption_paragraph_before_the_dateline_goes() -> None:
    caption = "A ferry passes the old pier in Valdoria as the sun sets over the harbour."
    art = _clean(f"VALDORIA (Reuters) - {LEAD}", before=[caption])
    assert art.paragraphs[0].text.startswith("VALDORIA (Reuters) - ")
    assert caption in [r.text for r in art.removed if r.detail == BEFORE_DATELINE]


def test_no_dateline_or_a_dateline_that_opens_the_text_changes_nothing() -> None:
    assert before_dateline([LEAD, *BODY]) is None
    assert before_dateline([f"VALDORIA (Reuters) - {LEAD}", *BODY]) is None
    # a name in brackets without a dash is no dateline
    assert before_dateline([f"{LEAD} The board (CNN) said more.", *BODY]) is None


def test_a_caption_position_mark_is_no_copyright_line() -> None:
    # "(C)" in a caption marks who stands in the centre; it must not name a publisher
    assert outlet_from_signatures(["Mayor Jane Roe (C) during a visit to the pier in Valdoria, May 2, 2031."]) is None
    assert outlet_from_signatures(["(C) 2031 Valdoria Courier. All rights reserved."]) == (
        "Valdoria Courier",
        "copyright",
    )
