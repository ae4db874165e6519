"""Title, byline, dateline and outlet helpers of the plain-text cleaner."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.extract.blocks import split_blocks
from newsfuse.extract.signals import boilerplate_reason, comment_header, comment_signature, is_timestamp, username_like
from newsfuse.extract.textmeta import (
    byline,
    dateline_date,
    dates_in,
    lead_date,
    outlet_from_filename,
    outlet_from_signatures,
    outlet_from_url,
    parse_date,
    pick_date,
)


@pytest.mark.parametrize(
    ("expr", "iso"),
    [
        ("January 13, 2020", "2020-01-13"),
        ("Jan. 14 2020", "2020-01-14"),
        ("14th of January 2020", "2020-01-14"),
        ("2020-01-13", "2020-01-13"),
        ("01/13/08", "2008-01-13"),
    ],
)
def test_parse_date(expr: str, iso: str) -> None:
    d = parse_date(expr)
    assert d is not None and d.isoformat() == iso


def test_parse_date_rejects_nonsense() -> None:
    assert parse_date("not a date") is None
    assert parse_date("January 13, 1203") is None  # before the web: not a publication date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Global Gazette, January 13, 2020", "2020-01-13"),
        ("Published: March 4, 2021 10:15 am", "2021-03-04"),
        ("Monday, January 14, 2008", "2008-01-14"),
        ("By Jo Roe | March 4, 2021", "2021-03-04"),
    ],
)
def test_dateline(line: str, iso: str) -> None:
    d = dateline_date(line)
    assert d is not None and d.isoformat() == iso


def test_dateline_is_not_any_sentence_with_a_date() -> None:
    assert dateline_date("The treaty that was signed on January 13, 2020 in Moscow collapsed within days.") is None


def test_lead_date() -> None:
    assert lead_date("16 January 2021 – The council met today to discuss the harbour.") == date(2021, 1, 16)
    assert lead_date("16 January 2021 was a cold day in the harbour town.") is None


def test_pick_date_inferred_and_capped() -> None:
    body = ["The strike began on March 1, 2021 and ended on March 9, 2021.", "A review is due by June 30, 2022."]
    d = pick_date([], body, [], comment_dates=[date(2021, 3, 10)])
    assert d is not None and d.source == "inferred" and d.value == "2021-03-09" and d.confidence < 0.5
    assert pick_date([], ["No dates here at all."], [], comment_dates=[date(2021, 3, 10)]) is None


def test_dates_in() -> None:
    found = dates_in("From March 2021 to April 3, 2021.")
    assert (date(2021, 4, 3), True) in found
    assert (date(2021, 3, 1), False) in found


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Hanna Berg", "Hanna Berg"),
        ("BY TOM ROE", "Tom Roe"),
        ("By Ana Vik and Jo Roe, Staff Writers", "Ana Vik and Jo Roe"),
        ("Posted by Ana Vik on March 4, 2021", "Ana Vik"),
        ("Published by on", None),
        ("Pia Lund, Regional Affairs Correspondent", "Pia Lund"),
        ("Posted on March 5, 2021 by Nils Ek", "Nils Ek"),
    ],
)
def test_byline(line: str, name: str | None) -> None:
    assert byline(line) == (True, name)


def test_not_byline() -> None:
    assert byline("Bystanders watched the ships enter the harbour.")[0] is False


def test_outlet_sources() -> None:
    assert outlet_from_url("https://www.gazette.example.com/a/b?c=1") == "gazette.example.com"
    assert outlet_from_url(None) is None
    assert outlet_from_signatures(["The original source of this article is North Sea Review"]) == (
        "North Sea Review",
        "original source",
    )
    assert outlet_from_signatures(["Help us grow. Support The Harbour Post on Patreon!"]) == (
        "The Harbour Post",
        "patreon",
    )
    assert outlet_from_signatures(["© 2021 Valdoria Media Group. All rights reserved."]) == (
        "Valdoria Media Group",
        "copyright",
    )
    assert outlet_from_signatures(["Copyright © Ivo Marsh, North Sea Review, 2021"]) == (
        "North Sea Review",
        "copyright",
    )
    assert outlet_from_signatures(["Nothing to see."]) is None
    # the word in a sentence, not a copyright line
    assert outlet_from_signatures(["This content has been removed as our copyright has expired."]) is None
    assert outlet_from_filename("dump/www.harbour-post.co.uk_0001.txt") == "harbour-post.co.uk"
    assert outlet_from_filename("dump/000_59b3661161a6e4e1.txt") is None


def test_signals() -> None:
    assert is_timestamp("January 10, 2020") and is_timestamp("Posted on 01/13/08 at 12:02PM")
    assert not is_timestamp("The talks began on January 10, 2020 in the capital.")
    assert comment_header("Comments (14)") and comment_header("Leave a Reply") and comment_header("What do you think?")
    assert comment_header("The minister declined to comment on the report.") is None
    assert comment_signature("Reply to Olaf Berg") and comment_signature("Posted by: Liv on January 8, 2008 5:22pm")
    assert comment_signature("Posted by Ana Vik") is None  # a byline, not a comment signature
    assert username_like("uncle tungsten") and not username_like("The ships left.")
    assert comment_signature("Upvote Downvote") and comment_signature("11 Points")
    assert boilerplate_reason("Share this article on Facebook", 5, False) == ("promo", "share/subscribe/support prompt")
    body = "The spokesperson posted on Facebook that the talks would go on until an agreement was reached."
    assert boilerplate_reason(body, len(body.split()), True) is None


def test_blocks_layout() -> None:
    blocks = split_blocks("# Head\n\n  • Name\n\n    reply text\n[link](http://x) and *emphasis*\n")
    assert [b.text for b in blocks] == ["Head", "Name", "reply text", "link and emphasis"]
    assert blocks[0].heading == 1 and blocks[1].bullet and blocks[2].indent == 4
    assert blocks[3].link_chars == 4 and blocks[1].gap_before == 1


@pytest.mark.parametrize(
    "line",
    [
        "Comments on this story",
        "Most popular comments",
        "Comments: 12",
        "Showing 1-10 of 34 comments",
        "23 people have commented",
        "Readers' views",
        "Log in or register to post comments",
        "Views expressed in the comments do not represent those of the Kelbrook Courier.",
        "The opinions expressed by commenters are their own",
        "Comments are the views of their authors",
        "This discussion is now closed.",
        "Comments from our readers",
        "What readers are saying",
        "Talk back",
        "Discussion (15 comments)",
        "Sort comments by: Newest",
        "The views expressed below are those of our readers",
        "Comments closed",
    ],
)
def test_comment_section_headers(line: str) -> None:
    assert comment_header(line)


def test_views_of_a_person_are_no_comment_header() -> None:
    assert comment_header("The views expressed by the minister were his own.") is None
    assert comment_header("This bridge is now closed.") is None
    assert comment_header("Comments from the minister were welcome.") is None
    assert comment_header("What you said was wrong, the judge told him.") is None
    assert comment_header("Talk back to the mayor is hard.") is None
    assert comment_header("Tell us what you think.") is None  # a column's sign-off as often as a thread's head


@pytest.mark.parametrize(
    ("line", "signature"),
    [
        ("— jsmith, 3:10 p.m. on January 12, 2008", True),
        ("Report this comment", True),
        ("Report as abusive", True),
        ("Recommended by 14 people", True),
        ("harbourfan said...", True),
        # a page's own stamp, not a commenter: no word of it names anyone
        ("Fri Dec 28, 7:05 AM ET", False),
        # a dateline has no clock time
        ("KELBROOK, January 11, 2008", False),
    ],
)
def test_comment_signatures(line: str, signature: bool) -> None:
    assert (comment_signature(line) is not None) is signature


def test_broadcast_transcript_header_is_furniture() -> None:
    head = "Harbour strike ends; Floods in the valley Aired March 4, 2031 - 16:00:00 ET THIS IS A RUSH TRANSCRIPT."
    assert boilerplate_reason(head, len(head.split()), True) == (
        "disclaimer",
        "broadcast transcript header (programme topics, air time, 'rush transcript')",
    )
    said = "The anchor said the transcript of the hearing would be published on Friday."
    assert boilerplate_reason(said, len(said.split()), True) is None


def test_a_caption_closing_on_its_agency_is_a_caption() -> None:
    cap = "Dockers leave the main gate of the Karsby terminal at dawn (AP)."
    assert boilerplate_reason(cap, len(cap.split()), True) is not None
    body = "Dockers left the main gate of the Karsby terminal at dawn, the union said."
    assert boilerplate_reason(body, len(body.split()), True) is None


def test_a_bracketed_wire_credit_takes_the_notes_before_and_the_page_after() -> None:
    from newsfuse.extract.signals import wire_credit

    assert wire_credit("(Reporting by Ana Vik; Editing by Jo Roe) A connected approach to risk and compliance")
    assert wire_credit("(ID: nX0001) ($1 = 0.73 euro) (Reporting by Ana Vik; Editing by Jo Roe) Our legal platform")
    assert not wire_credit("(The talks resumed on Monday.) The ministers said they would meet again in Tallor.")


def test_a_number_cut_before_its_thousands_or_decimals_is_joined() -> None:
    """A tokeniser's "45,000-50 ,000" and "magnitude-4 .5" are one number each; a comma after a
    number and a space before the next word stays."""
    (b,) = split_blocks("As many as 45,000-50 ,000 died, and a magnitude-4 .5 aftershock hit at 12 .00 noon.")
    assert b.text == "As many as 45,000-50,000 died, and a magnitude-4.5 aftershock hit at 12.00 noon."
    (b,) = split_blocks("In 2009, 12 people died. Another 5 , said the mayor, were hurt.")
    assert b.text == "In 2009, 12 people died. Another 5 , said the mayor, were hurt."


def test_a_ticker_cut_at_its_stop_is_joined_to_its_exchange() -> None:
    """A crawler splits "(KKR.N)" after the stop; the sentence is one block again, and a ticker that
    lost its parenthesis gets it back.  A list item "A)" after a sentence stays a line of its own."""
    (b,) = split_blocks("Private equity firm Tollan & Co (TLN.\nN) is raising capital.")
    assert b.text == "Private equity firm Tollan & Co (TLN.N) is raising capital."
    (b,) = split_blocks("Miner Kelmar KLMJ.\nJ) said on Friday that output fell.")
    assert b.text == "Miner Kelmar (KLMJ.J) said on Friday that output fell."
    (b,) = split_blocks("Rival Ardo Oil Plc (ARDa.\nL), which reports on Wednesday, fell.")
    assert b.text == "Rival Ardo Oil Plc (ARDa.L), which reports on Wednesday, fell."
    assert [x.text for x in split_blocks("He joined NATO.\nA) list of options")] == [
        "He joined NATO.",
        "A) list of options",
    ]
    assert len(split_blocks("Choose one of your own.\nA) Tallin has long been a target.")) == 2
