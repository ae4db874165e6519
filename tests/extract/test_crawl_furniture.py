"""Furniture of real crawls glued into lines by sentence-splitting scrapers (invented text)."""

from __future__ import annotations

import pytest

from newsfuse.extract import extract_documents
from newsfuse.extract.gluedtitle import (
    split_caption_name_lead,
    split_caption_possessive_lead,
    split_clause_caption,
    split_day_heading,
    split_echo_caption,
    split_echo_title,
    split_glued_caption,
    split_glued_title,
    split_outlet_byline,
    split_quoted_head,
    split_stamp_header,
)
from newsfuse.extract.signals import boilerplate_reason, dated_caption, inline_comment_signature, wire_credit
from newsfuse.extract.text import _strip_inline
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options


def _record(lines: list[str], origin: str) -> Article:
    """The one article a scraper record with these lines gives."""
    doc = RawDocument(origin=origin, content="\n".join(lines), kind="record", input_format="json")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    return art


@pytest.mark.parametrize(
    ("line", "comment"),
    [
        ("What a mess !!! March 3, 2031 at 7:59 pm | Report abuse | I disagree with the mayor.", True),
        ("Great idea Posted by: ferryfan | March 4, 2031 1:57 AM | Report abuse Come on people.", True),
        ("-- March 2, 2031 2:18 PM Wow, that bridge!", True),
        ("riverrat at 3:42 pm: the gates were open all night", True),
        ("At 01:20 24th Mar 2031, Ferryfan wrote: Happy birthday to the old bridge.", True),
        ("Posted by dammit | Report as abusive Here is my plan for the dam.", True),
        # A dateline stamp alone, a live blog entry and an ordinary sentence are not.
        ("March 9, 2031 11:10 AM", False),
        ("2:30 pm ET - Residents gather at the school hall.", False),
        ("On March 2, 2031 the board said at 2 pm it would open the gates.", False),
    ],
)
def test_glued_comment_signatures(line: str, comment: bool) -> None:
    assert inline_comment_signature(line) is comment


def test_a_glued_thread_is_cut_however_long() -> None:
    body = [
        "KELBROOK (Valley Post) -- The Verrin Valley Water Board opened both outlet gates overnight after a crack was found.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "Engineers will inspect the spillway foundations on Tuesday, and a decision on the return is due on Wednesday.",
    ]
    thread = [
        "Nobody listens to us !!! March 10, 2031 at 7:59 pm | Report abuse | The council knew about this crack for years.",
    ] + [
        f"Comment number {i} says the water board should have repaired the spillway a long time ago, honestly."
        for i in range(60)
    ]
    art = _record(body + thread, "c.jsonl#1")
    assert [p.text for p in art.paragraphs] == body
    assert art.outlet == "Valley Post"


def test_credits_headers_and_pointers() -> None:
    assert wire_credit(
        "Coast Herald writers Ona Vell in Portvale; Pell Ruark in Kelbrook; and Mira Kess contributed to this report."
    )
    assert not wire_credit("The council said residents contributed to this report on flooding. It was sent on.")
    assert boilerplate_reason("Watch the mayor's full statement here.", 6, True) is not None
    assert boilerplate_reason("Watch the council debate the plans.", 6, True) is None
    assert (
        boilerplate_reason("* Valley Post is not responsible for the content in this press release.", 12, True)
        is not None
    )
    text, removed = _strip_inline(
        "Photograph: Ona Vell/AP Soon after the gates opened, the water level began to fall.", None
    )
    assert text == "Soon after the gates opened, the water level began to fall." and removed[0][0] == "caption"
    text, removed = _strip_inline(
        "KELBROOK | Tue Mar 11, 2031 5:28 am EDT KELBROOK (Reuters) - The gates stayed open.", None
    )
    assert text == "KELBROOK (Reuters) - The gates stayed open." and removed
    text, _ = _strip_inline("11 March 2031 Last updated at 21:40 GMT Help The water board says the dam is safe.", None)
    assert text == "The water board says the dam is safe."
    # The clock time first, then the date and the local time; then a failed page include's server message.
    text, removed = _strip_inline(
        "Page last updated at 05:27 GMT, Tuesday, 11 March 2031 06:27 UK (an error occurred while processing this "
        "directive) The water board says the dam is safe.",
        None,
    )
    assert text == "The water board says the dam is safe."
    assert [r[2] for r in removed] == [
        "page time stamp at the start of the paragraph",
        "web server error message at the start of the paragraph",
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Water Board Opens Gates at Verrin Dam Invoking emergency powers, the board lowered the reservoir overnight.",
            "Water Board Opens Gates at Verrin Dam",
        ),
        (
            "Kelbrook Waits, and the River Rises The town council said on Monday that 1,200 people had left.",
            "Kelbrook Waits, and the River Rises",
        ),
        # A sentence opening on a name is no title, nor is a dateline.
        ("Mayor Idris Kallweit said on Monday that families could return on Wednesday evening.", None),
        ("KELBROOK (Reuters) - Water Board Chief Orla Vance said the wall was sound and safe.", None),
        # a Title Case headline glued to a caption whose subject is a titled person
        (
            "Water Board Seeks an Out on Dam Rules for Towns Rep. Orla Vance favors enforcing the rules on the towns.",
            "Water Board Seeks an Out on Dam Rules for Towns",
        ),
        (
            "Smoke Clears on Verrin Merger Sen. Idris Kallweit (D-Kel.) questions Vance at the committee hearing.",
            "Smoke Clears on Verrin Merger",
        ),
        # a caption's label naming the titled person is no headline
        ("Incident Commander Adm. Orla Vance (VTV) Adm. Orla Vance took charge of the dam on Sunday.", None),
        ("Sen. Idris Kallweit said on Monday that families could return on Wednesday evening.", None),
    ],
)
def test_glued_titles(text: str, title: str | None) -> None:
    got = split_glued_title(text)
    assert (got[0] if got else None) == title


def test_a_correction_note_with_any_verb_is_a_note_about_the_article() -> None:
    lines = [
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "The article incorrectly described how the Verrin Valley Water Board is funded.",
    ]
    art = _record(lines, "r.jsonl#2")
    assert {r.text: r.reason for r in art.removed}.get(lines[2]) == "disclaimer"


def test_the_right_fact_after_a_correction_note_is_the_notes() -> None:
    lines = [
        "A Page One article misstated the date of the Water Board chief's statement about the Verrin spillway.",
        "Vance made the remark June 1, not June 2.",
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "The board did not say when the gates would close, not even roughly.",
    ]
    reasons = {r.text: r.reason for r in _record(lines, "r.jsonl#3").removed}
    assert reasons.get(lines[0]) == reasons.get(lines[1]) == "disclaimer"
    assert lines[4] not in reasons  # ", not …" with no correction note before it is text


def test_record_captions_corrections_and_author_intros() -> None:
    lines = [
        "Ona Vell is a regular contributor to Riverland Voices and in this blog recounts the night of the flood.",
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "Volunteers carry sandbags along the river wall in lower Kelbrook on Monday morning",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "Engineers will inspect the spillway foundations on Tuesday, and a decision on the return is due on Wednesday.",
        "An earlier version of this article misstated the number of residents who were told to leave their homes.",
    ]
    art = _record(lines, "r.jsonl#1")
    assert [p.text for p in art.paragraphs] == [lines[1], lines[3], lines[4]]
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons[lines[2]] == "caption" and reasons[lines[0]] == "other" and reasons[lines[5]] == "disclaimer"


def test_disclaimer_blog_header_and_split_tickers() -> None:
    from newsfuse.readers.records import record_documents

    text, _ = _strip_inline(
        "The opinions expressed are her own -- Flood insurers get little sympathy in Kelbrook.", None
    )
    assert text == "Flood insurers get little sympathy in Kelbrook."
    text, _ = _strip_inline("Ona Vell | 15:39 UK time, Tuesday, 11 March 2031 Given the crack, the board acted.", None)
    assert text == "Given the crack, the board acted."
    (doc,) = list(
        record_documents(
            {"text": "Shares of Verrin Power (VRP4.\nSA) fell on Monday after the crack was found."}, "r#1"
        )
    )
    assert isinstance(doc, RawDocument) and "(VRP4.SA) fell" in doc.content
    (doc,) = list(record_documents({"text": "It owns carrier Varno Air VAIR.\nUL, which it wants to sell."}, "r#2"))
    assert isinstance(doc, RawDocument) and "VAIR.UL, which" in doc.content
    (doc,) = list(record_documents({"text": "The dam board joined NATO.\nUS, Ostmark and Brennia agreed."}, "r#3"))
    assert isinstance(doc, RawDocument) and "NATO.\nUS, Ostmark" in doc.content


@pytest.mark.parametrize(
    ("text", "header"),
    [
        (
            "Floodgates open as the valley holds its breath Engineers race a crack in the spillway "
            "Tuesday 11 March 2031 08.43 GMT The Verrin Valley Water Board opened both gates overnight.",
            (
                "Floodgates open as the valley holds its breath Engineers race a crack in the spillway",
                "Tuesday 11 March 2031 08.43 GMT",
            ),
        ),
        (
            "Wednesday 12 March 2031 14.24 GMT Volunteers filled sandbags along the river wall.",
            ("", "Wednesday 12 March 2031 14.24 GMT"),
        ),
        (
            "Mar. 11, 2031 8:43 AM EST The board said the wall would hold through the night.",
            ("", "Mar. 11, 2031 8:43 AM EST"),
        ),
        (
            "March 25, 2031 | By Ona Vell, Valley Post Volunteers filled sandbags along the river wall.",
            ("", "March 25, 2031 | By Ona Vell, Valley Post"),
        ),
        (
            "Gates open March 26, 2031 | By Pell Ruark, Valley Post's Senior River Producer Two days ago the wall cracked.",
            ("Gates open", "March 26, 2031 | By Pell Ruark, Valley Post's Senior River Producer"),
        ),
        (
            "Valley Talk; Interview with the Mayor Aired March 31, 2031 - 23:00 ET THIS IS A RUSH TRANSCRIPT.",
            ("Valley Talk; Interview with the Mayor", "Aired March 31, 2031 - 23:00 ET THIS IS A RUSH TRANSCRIPT."),
        ),
        (
            "Envoy briefs council on the valley 16 March 2031 Last updated at 14:51 GMT Help The envoy is briefing the council.",
            ("Envoy briefs council on the valley", "16 March 2031 Last updated at 14:51 GMT Help"),
        ),
        (
            "Dam holds as gates open Page last updated at 05:27 GMT, Tuesday, 11 March 2031 06:27 UK The water "
            "board says the dam is safe.",
            ("Dam holds as gates open", "Page last updated at 05:27 GMT, Tuesday, 11 March 2031 06:27 UK"),
        ),
        (
            "Dam holds as gates open Tuesday, May 4, 2031; 5:00 PM The water board says the dam is safe.",
            ("Dam holds as gates open", "Tuesday, May 4, 2031; 5:00 PM"),
        ),
        (
            "Monday, March 9, 2031; Page A01 The water board says the dam is safe and will stay open.",
            ("", "Monday, March 9, 2031; Page A01"),
        ),
        (
            "15 February 31 22:17 GMT The mayor has decreed that a vote on the dam will be held.",
            ("", "15 February 31 22:17 GMT"),
        ),
        # A date and time inside a sentence are reporting, not a stamp.
        ("The gates were opened on Tuesday 11 March 2031 at 08.43 GMT, the board said in a statement.", None),
        ("The gates were opened on Tuesday 11 March 2031 08.43 GMT The board said so in a statement.", None),
        ("The board met on 11 March 2031 and said the wall would hold through the night, engineers said.", None),
    ],
)
def test_header_ending_on_a_time_stamp(text: str, header: tuple[str, str] | None) -> None:
    got = split_stamp_header(text)
    assert ((got.head, got.stamp) if got else None) == header


def test_a_record_headline_before_the_stamp_becomes_the_title() -> None:
    lines = [
        "Floodgates open as the valley holds its breath Engineers race a crack in the spillway Tuesday 11 March 2031 08.43 GMT "
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
    ]
    art = _record(lines, "g.jsonl#1")
    assert art.title == "Floodgates open as the valley holds its breath Engineers race a crack in the spillway"
    assert art.paragraphs[0].text.startswith("The Verrin Valley Water Board opened")
    assert any("time stamp" in r.detail for r in art.removed)


def test_a_live_page_entry_loses_its_stamp() -> None:
    text, removed = _strip_inline(
        "15 February 31 22:17 GMT The mayor has decreed that a vote on the dam will be held.", None
    )
    assert text == "The mayor has decreed that a vote on the dam will be held." and removed[0][2].startswith(
        "page time stamp"
    )
    text, removed = _strip_inline("On 15 February 31 the mayor decreed at 22:17 GMT that a vote would be held.", None)
    assert not removed


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            "Flood fears grow in Kelbrook valley camps Council officials in Kelbrook fear the valley camps may flood again.",
            (
                "Flood fears grow in Kelbrook valley camps",
                "Council officials in Kelbrook fear the valley camps may flood again.",
            ),
        ),
        # No echo: the words before the capitalised one do not come back after it.
        ("Engineers inspected the spillway Tuesday after heavy rain and found a crack near the outlet gates.", None),
        # A name goes on: no split after a capitalised word ("Mayor Jane Roe").
        ("Kelbrook mayor Jane Roe said the valley dam would hold and the mayor asked the valley to stay calm.", None),
        # Inside a quotation opened with a backtick: no split.
        ("Dam ` must hold' says Kelbrook Water Board the dam must hold until spring, the board says.", None),
    ],
)
def test_a_sentence_case_headline_retold_by_its_lead(text: str, split: tuple[str, str] | None) -> None:
    assert split_echo_title(text) == split


def test_an_untitled_record_gets_the_headline_its_lead_retells() -> None:
    lines = [
        "Flood fears grow in Kelbrook valley camps Council officials in Kelbrook fear the valley camps may flood again.",
        "About 1,200 residents were moved to the camps last week, the town council said.",
    ]
    art = _record(lines, "v.jsonl#1")
    assert art.title == "Flood fears grow in Kelbrook valley camps"
    assert art.paragraphs[0].text.startswith("Council officials in Kelbrook fear")
    assert any("retells" in r.detail for r in art.removed)


def test_of_two_retold_splits_the_one_leaving_no_headline_words_wins() -> None:
    text = "Water Board launches Kelbrook appeal The Water Board has launched an appeal for the homes in Kelbrook."
    assert split_echo_title(text) == (
        "Water Board launches Kelbrook appeal",
        "The Water Board has launched an appeal for the homes in Kelbrook.",
    )


def test_a_headline_ending_on_an_acronym_and_a_word_goes_on_to_the_capitalised_opener() -> None:
    # "… close | UK school Another nine …" retells the headline better, but "Another" after a lower-case
    # word can only open a sentence: the lead starts there
    text = "Heavy floods close KB town school Another nine schools in Kelbrook were closed by floods, the council said."
    assert split_echo_title(text) == (
        "Heavy floods close KB town school",
        "Another nine schools in Kelbrook were closed by floods, the council said.",
    )


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            'Jane Roe: "We will rebuild every house in this valley" Kelbrook mayor Jane Roe has promised residents a new town.',
            (
                'Jane Roe: "We will rebuild every house in this valley"',
                "Kelbrook mayor Jane Roe has promised residents a new town.",
            ),
        ),
        (
            "Kelbrook families ` sleeping in the cold' Thousands of Kelbrook families spent a second night in the open.",
            (
                "Kelbrook families ` sleeping in the cold'",
                "Thousands of Kelbrook families spent a second night in the open.",
            ),
        ),
        # Prose: a quotation goes on in lower case, or with punctuation, or before a day name.
        ('Residents called the flood "the worst in living memory" and asked the board to act at once.', None),
        ('The mayor said "we will rebuild", and the board agreed to pay for the work on the dam.', None),
        ('The mayor called it "a disaster" Monday and asked the county board for help with the dam.', None),
        # The quotation goes on with its object.
        ('The mayor condemned "in the strongest terms" Kelbrook\'s council for its silence on the dam.', None),
        # No word shared: not a caption of this lead.
        ('Storm "Ada" hits coast The board has opened both outlet gates of the dam overnight in Kelbrook.', None),
    ],
)
def test_a_caption_ending_on_a_quotation_glued_to_the_lead(text: str, split: tuple[str, str] | None) -> None:
    assert split_quoted_head(text) == split


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            "Thousands of families are sleeping in the open Nearly a week after the flood, aid is still not reaching them.",
            (
                "Thousands of families are sleeping in the open",
                "Nearly a week after the flood, aid is still not reaching them.",
            ),
        ),
        (
            "Residents near the dam wait for news of help The Red Cross estimates that 1,200 people have left Kelbrook.",
            (
                "Residents near the dam wait for news of help",
                "The Red Cross estimates that 1,200 people have left Kelbrook.",
            ),
        ),
        # A name after a verb, a newspaper's name, a month: one sentence.
        ("The flood hit the valley on Monday and residents told Jane Roe that they would not leave their homes.", None),
        ("Kelbrook mayor Jane Roe told The Valley Post on Monday that the dam would hold through the spring.", None),
        ("The waters rose in March the board said, and residents were moved to the school hall in the town.", None),
        (
            "Kelbrook mayor Jane Roe, the former News Editor of the valley paper, said the dam would hold all spring.",
            None,
        ),
        # A capitalised common word the document never writes in lower case is taken for a name.
        (
            "Thousands of families are sleeping in the open Tonight the board will decide whether to open the gates.",
            None,
        ),
        # "A" after a name, a caption ending on a number, a sentence adverb with its comma.
        (
            "Ferry captain Jan Roe is charged with the sinking off Kelbrook A recording of the radio calls has been "
            "played to the court.",
            (
                "Ferry captain Jan Roe is charged with the sinking off Kelbrook",
                "A recording of the radio calls has been played to the court.",
            ),
        ),
        (
            "The old bridge was closed to traffic in 2029 A 20-year-old cyclist was hurt on the new one on Monday.",
            (
                "The old bridge was closed to traffic in 2029",
                "A 20-year-old cyclist was hurt on the new one on Monday.",
            ),
        ),
        (
            "The ferry was built at the yard in 1990 Nearly all of its crew were rescued by the coastguard overnight.",
            (
                "The ferry was built at the yard in 1990",
                "Nearly all of its crew were rescued by the coastguard overnight.",
            ),
        ),
        (
            "The ferry was built at the Kelbrook yard in 1990 However, one of its engines has been replaced twice since then.",
            (
                "The ferry was built at the Kelbrook yard in 1990",
                "However, one of its engines has been replaced twice since then.",
            ),
        ),
        # after a name: a determiner or pronoun with a lower-case word after it, or a count
        (
            "Fishing boats stay in harbour at Kelbrook Some crews told the council they had been ordered to stay "
            "ashore.",
            (
                "Fishing boats stay in harbour at Kelbrook",
                "Some crews told the council they had been ordered to stay ashore.",
            ),
        ),
        (
            "Rescuers dig through the night in Port-au-Kelb More than 2,000 volunteers are set to join the search "
            "on Monday.",
            (
                "Rescuers dig through the night in Port-au-Kelb",
                "More than 2,000 volunteers are set to join the search on Monday.",
            ),
        ),
        (  # a count after a lower-case word: the number is no word of the window
            "Survivors wait for food and water Up to 10,000 UN tents will be flown to the valley by the end of the week.",
            (
                "Survivors wait for food and water",
                "Up to 10,000 UN tents will be flown to the valley by the end of the week.",
            ),
        ),
        (  # a count written in words after a name
            "Violence in the streets of Kelbrook after the flood Almost two weeks after the flood hit the valley, "
            "concern is growing about disease.",
            (
                "Violence in the streets of Kelbrook after the flood",
                "Almost two weeks after the flood hit the valley, concern is growing about disease.",
            ),
        ),
        # a capitalised word that goes on a name or a title is no seam
        ("Thousands marched on the square of the old town in Kelbrook Square, police said on Monday night.", None),
        ("The singer died while rehearsing for his This Is It tour in the spring of the year 2029 in Kelbrook.", None),
        ("The band played the song at the Kelbrook Arena Some Other Day to a full house of fans on Friday.", None),
        # a letter as a label, not the article
        ("Clinics in Kelbrook now offer the vaccine against influenza A (H9N9) to every pupil in the valley.", None),
        ("Every pupil in the valley school was given the vitamin A tablets by the nurses on Monday morning.", None),
    ],
)
def test_a_sentence_case_caption_glued_to_the_lead(text: str, split: tuple[str, str] | None) -> None:
    assert split_glued_caption(text, frozenset({"nearly", "news"})) == split


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            "Thursday 14 January Up to 10,000 tents will be flown to the valley by the end of the week.",
            ("Thursday 14 January", "Up to 10,000 tents will be flown to the valley by the end of the week."),
        ),
        (
            "Sunday, March 3, 2030 The delivery of aid to the valley is still being slowed by the floods.",
            ("Sunday, March 3, 2030", "The delivery of aid to the valley is still being slowed by the floods."),
        ),
        # the date as the sentence's adverbial or subject, or before a name; a lead too short
        ("Thursday 14 January was the day the dam at Kelbrook finally gave way after the rains.", None),
        ("Thursday, 14 January, the dam at Kelbrook finally gave way after a week of rain.", None),
        ("Thursday 14 January Jan Roe told the council that the dam at Kelbrook would hold.", None),
        ("Thursday 14 January The dam held.", None),
    ],
)
def test_a_day_heading_glued_to_the_lead(text: str, split: tuple[str, str] | None) -> None:
    assert split_day_heading(text) == split


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (
            "Jan Roe died of a heart attack at his home in the valley Jan Roe's death was an accident, the Kelbrook "
            "coroner has ruled.",
            (
                "Jan Roe died of a heart attack at his home in the valley",
                "Jan Roe's death was an accident, the Kelbrook coroner has ruled.",
            ),
        ),
        (  # after an apposition; the descriptor goes with the lead
            "Residents marked one year since the flood Ferry owner Jan Roe's eldest son, Tom Roe, has sued the "
            "harbour board over the sinking.",
            (
                "Residents marked one year since the flood",
                "Ferry owner Jan Roe's eldest son, Tom Roe, has sued the harbour board over the sinking.",
            ),
        ),
        (
            "Jan Roe suffered a heart attack in June Jan Roe's death certificate has been amended by the coroner.",
            (
                "Jan Roe suffered a heart attack in June",
                "Jan Roe's death certificate has been amended by the coroner.",
            ),
        ),
        # A possessive name as a verb's object, after a past tense, a verb of saying, in an opening clause.
        ("The mayor said the council welcomed Kelbrook's decision to close the dam for the whole winter.", None),
        ("The mayor said that he would have fired Kelbrook's engineer had he known about the crack.", None),
        ("A lawyer for the families told reporters Kelbrook's council has ignored the warnings for years.", None),
        ("As the water rose last night Kelbrook's mayor has ordered the whole lower town to leave.", None),
    ],
)
def test_a_caption_glued_before_a_possessive_subject(text: str, split: tuple[str, str] | None) -> None:
    assert split_caption_possessive_lead(text) == split


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (  # a present tense, a past tense, an irregular past, a count after a name, the name again
            "Jan Roe assesses the damage at a sheep farm Ostmark has begun moving flocks away from the valley.",
            ("Jan Roe assesses the damage at a sheep farm", "Ostmark has begun moving flocks away from the valley."),
        ),
        (
            "Campaigners unfurled a banner at the firm's headquarters The firm has said more water than it first "
            "estimated is leaking from the dam.",
            (
                "Campaigners unfurled a banner at the firm's headquarters",
                "The firm has said more water than it first estimated is leaking from the dam.",
            ),
        ),
        (
            "The night nurse fell ill on Wednesday Forty-two new cases have been confirmed by the valley health board.",
            (
                "The night nurse fell ill on Wednesday",
                "Forty-two new cases have been confirmed by the valley health board.",
            ),
        ),
        (
            "Vaccines have been given to pupils at Kelbrook School Four children have been diagnosed with the fever "
            "this week.",
            (
                "Vaccines have been given to pupils at Kelbrook School",
                "Four children have been diagnosed with the fever this week.",
            ),
        ),
        (
            "Jan Roe looks at the cost of the closure in Kelbrook Kelbrook has begun a five-day shutdown of its mills.",
            (
                "Jan Roe looks at the cost of the closure in Kelbrook",
                "Kelbrook has begun a five-day shutdown of its mills.",
            ),
        ),
        (  # a lead opening on a preposition or subordinator, after a name or a lower-case noun
            "Valley activists have begun to take control of towns near the border with Ostmark In any assessment "
            "of the flood, the valley could be among the losers.",
            (
                "Valley activists have begun to take control of towns near the border with Ostmark",
                "In any assessment of the flood, the valley could be among the losers.",
            ),
        ),
        (
            "The damage from the flood can be seen everywhere in the town As the boat reached the harbour, the "
            "lights of the quay were the only ones left.",
            (
                "The damage from the flood can be seen everywhere in the town",
                "As the boat reached the harbour, the lights of the quay were the only ones left.",
            ),
        ),
        (  # a verb of saying whose clause has its own verb before the seam
            "Jan Roe said he would have fired the mill's boss had he run the mill Valley officials have used the "
            "old name of the firm in their criticism.",
            (
                "Jan Roe said he would have fired the mill's boss had he run the mill",
                "Valley officials have used the old name of the firm in their criticism.",
            ),
        ),
        (  # a one-word name and its verb in the present tense
            "Jan Roe said the mill wanted to hire his whole engineering department Kelbrook faces more than 300 "
            "claims so far from the flooded farms.",
            (
                "Jan Roe said the mill wanted to hire his whole engineering department",
                "Kelbrook faces more than 300 claims so far from the flooded farms.",
            ),
        ),
        (  # after a date, a name of two words and its auxiliary ("since" before a date opens no clause)
            "Water has been leaking into the valley since 20 April Piet Roe has told the council that the dam will "
            "hold for the winter.",
            (
                "Water has been leaking into the valley since 20 April",
                "Piet Roe has told the council that the dam will hold for the winter.",
            ),
        ),
        # a count goes on with what it counts; "US" is no common word "us"
        ("The first full day after the vote was announced saw three Ostmark troops die in a bomb at Kelbrook.", None),
        (  # a comma after the caption's verb before a preposition
            "Protests have continued across the valley, despite the mayor's ban Valley police have attacked "
            "protesters at the town hall, activists say.",
            (
                "Protests have continued across the valley, despite the mayor's ban",
                "Valley police have attacked protesters at the town hall, activists say.",
            ),
        ),
        # One sentence: a name in apposition, a clause opened before the seam (subordinator, relative,
        # unfinished apposition), a verb's object, a verb of saying, a noun taking a clause, a past tense
        # after the name (a reduced relative), a participle before "by", a headline's capitalised words.
        ("Jan Roe was not interested in politics until his son Tom was killed in the flood at Kelbrook.", None),
        ("Tents from the valley's largest aid charity Shelterbox are being used as makeshift wards in Kelbrook.", None),
        (
            "A hearing has opened to decide whether the doctor who treated the singer Jan Roe should stand trial "
            "for manslaughter.",
            None,
        ),
        (
            "Tom Roe is the youngest of the Roe clan Tom Roe, brother of the late singer Jan Roe, has been admitted to "
            "hospital.",
            None,
        ),
        (  # not after "to formally suspend", a verb's object; after the weekday, a count opens the lead
            "Valley mayors are expected to formally suspend Kelbrook on Wednesday Four mayors are to meet to decide "
            "how to raise the pressure.",
            (
                "Valley mayors are expected to formally suspend Kelbrook on Wednesday",
                "Four mayors are to meet to decide how to raise the pressure.",
            ),
        ),
        (
            "The engineers told the valley council in a letter Kelbrook dam has been leaking for at least three years.",
            None,
        ),
        (
            "Leaders stopped short of expelling Kelbrook over charges Mayor Jan Roe is using the army against them.",
            None,
        ),
        ("Residents at the meeting openly mocked the promises Mayor Jan Roe offered on the future of the dam.", None),
        ("A delegation led by valley security adviser Jan Roe has held positive talks in Kelbrook this week.", None),
        (
            "Board to Examine Mayors' Role in Valley Crisis Board chairman Jan Roe may ask mayors to disclose more.",
            None,
        ),
        (  # a name in apposition, the verb after it in the next sentence glued on with no space
            "Kelbrook have paid an undisclosed fee to sign Ostmark defender Jan Roe on a three-year deal from "
            "Valleyford.Texas-born Roe, 26, was captain of the Valleyford side.",
            None,
        ),
        (  # a capitalised participle after a name goes on the name
            "The firm's tanks can be used to store clean water Fast Engineering specialises in tanks for relief "
            "agencies.",
            None,
        ),
    ],
)
def test_a_caption_with_its_own_verb_glued_before_the_lead(text: str, split: tuple[str, str] | None) -> None:
    assert split_clause_caption(text, frozenset({"engineering"})) == split


def test_a_headline_its_caption_and_the_lead_glued_together_come_apart() -> None:
    lines = [
        "Mill tries to pump water out of its flooded shaft Forecasters predict the river will rise again in the "
        "lower valley within days Kelbrook Mills is using pumps in a bid to drain the shaft before the river rises.",
        "Residents have been nearly silent about the flood, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#8")
    assert art.title == "Mill tries to pump water out of its flooded shaft"
    assert art.paragraphs[0].text.startswith("Kelbrook Mills is using pumps")
    assert ("caption", "Forecasters predict the river will rise again in the lower valley within days") in [
        (r.reason, r.text) for r in art.removed
    ]


def test_a_caption_with_its_own_verb_is_removed_after_the_headline_and_its_caption() -> None:
    lines = [
        "Jan Roe assesses the damage at a sheep farm Ostmark has begun moving flocks away from the flooded valley.",
        "Residents have been nearly silent about the move, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#6")
    assert art.paragraphs[0].text.startswith("Ostmark has begun moving flocks")
    assert art.title == "Jan Roe assesses the damage at a sheep farm"
    assert ("other", "headline or caption with its own verb glued to the lead") in [
        (r.reason, r.detail) for r in art.removed
    ]


_COMMON = frozenset("women many refugees campaigners heights".split())


@pytest.mark.parametrize(
    ("text", "split"),
    [
        (  # the place ends before a name the text uses again, a common word, an opener, a possessive name
            "By Jan Roe BBC News, Los Angeles Tom Vale died on Monday at the age of 50, and Tom Vale's family "
            "has asked for privacy.",
            ("By Jan Roe BBC News, Los Angeles", "Jan Roe", "Tom Vale died on Monday at the age of 50, and Tom Vale's"),
        ),
        (
            "By Jan Roe BBC News, Kelbrook Women have been at the heart of the protests in the valley since March.",
            ("By Jan Roe BBC News, Kelbrook", "Jan Roe", "Women have been at the heart of the protests"),
        ),
        (
            "By Jan Roe BBC News, Kelbrook on the Ostmark border Many refugees have been housed in the town's "
            "schools this week.",
            ("By Jan Roe BBC News, Kelbrook on the Ostmark border", "Jan Roe", "Many refugees have been housed"),
        ),
        (
            "By Jan Roe BBC News, Kelbrook Tom Vale's decision not to stand again is a sign that the valley "
            "council has failed.",
            ("By Jan Roe BBC News, Kelbrook", "Jan Roe", "Tom Vale's decision not to stand again"),
        ),
        (
            "By Jan Roe BBC News, Golan Heights The shelling can be seen from the hills above the Golan Heights The "
            "valley is quiet.",
            ("By Jan Roe BBC News, Golan Heights", "Jan Roe", "The shelling can be seen from the hills"),
        ),
        (  # the reporter's job before or after the outlet, no place
            "By Jan Roe Business reporter, BBC News Kelbrook Mills has suffered a number of setbacks in recent years.",
            ("By Jan Roe Business reporter, BBC News", "Jan Roe", "Kelbrook Mills has suffered a number"),
        ),
        (
            "By Jan Roe BBC UN correspondent The valley council's mission has been criticised as ineffective by many.",
            ("By Jan Roe BBC UN correspondent", "Jan Roe", "The valley council's mission has been"),
        ),
        # The outlet's service after a bare outlet name; no known outlet; a place that runs on too long.
        ("By Jan Roe BBC Russian The Kremlin is against the call for the mayor of Kelbrook to step down.", None),
        ("By Jan Roe Valley Post Kelbrook has been flooded for the third time this year, officials say.", None),
        ("By Jan Roe BBC News, Kelbrook Valley Foreign Minister Tom Vale Jr told the council it had failed.", None),
    ],
)
def test_a_reporters_byline_with_outlet_and_place_glued_to_the_lead(
    text: str, split: tuple[str, str, str] | None
) -> None:
    found = split_outlet_byline(text, _COMMON)
    if split is None:
        assert found is None
    else:
        assert found is not None
        assert (found[0], found[1]) == split[:2]
        assert found[2].startswith(split[2])


def test_a_reporters_byline_gives_the_author_and_the_caption_after_it_goes() -> None:
    lines = [
        "By Jan Roe BBC News, Kelbrook Jan Vale assesses the damage at a sheep farm Ostmark has begun moving "
        "flocks away from the flooded valley.",
        "Jan Vale said the move had come too late for most of the farms in the valley.",
    ]
    art = _record(lines, "v.jsonl#7")
    assert art.author == "Jan Roe"
    assert art.paragraphs[0].text.startswith("Ostmark has begun moving flocks")
    assert ("other", "By Jan Roe BBC News, Kelbrook") in [(r.reason, r.text) for r in art.removed]


def test_a_headline_and_a_caption_glued_before_the_lead_both_go() -> None:
    lines = [
        "Flood inquiry: counting the cost By Jan Roe Kelbrook News The number of homes lost is still disputed "
        "The valley council has opened an inquiry into the flood that hit the lower town in March.",
        "Residents have been nearly silent about the inquiry, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#3")
    assert art.paragraphs[0].text.startswith("The valley council has opened an inquiry")
    assert ("caption", "The number of homes lost is still disputed") in [(r.reason, r.text) for r in art.removed]


def test_a_story_highlight_glued_before_the_dateline_is_no_title() -> None:
    lines = [
        'NEW: "We will rebuild every house in the valley" Jan Roe led the first march in Kelbrook He was held for '
        "ten days Kelbrook, Ostmark (CNN) -- Jan Roe, the engineer hailed by many residents as a hero, had a message "
        "on Wednesday for the valley council.",
        "Residents have been nearly silent about the march, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#4")
    assert art.title is None
    assert art.paragraphs[0].text.startswith("Kelbrook, Ostmark (CNN) -- Jan Roe, the engineer")


def test_a_day_heading_glued_before_the_lead_is_removed_with_its_reason() -> None:
    lines = [
        "Kelbrook floods: your stories",
        "Thursday 14 January Up to 10,000 tents will be flown to the valley by the end of the week, officials have "
        "said.",
        "Residents have been nearly silent about the flood, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#5")
    assert art.paragraphs[0].text.startswith("Up to 10,000 tents")
    assert ("other", "Thursday 14 January", "day heading glued to the lead") in [
        (r.reason, r.text, r.detail) for r in art.removed
    ]


def test_a_glued_caption_is_removed_with_its_reason() -> None:
    lines = [
        "Kelbrook dam gates opened after crack found",
        "Families wait in the school hall for news Nearly a week after the crack was found, the gates of the dam are open.",
        "Residents have been nearly silent about the move, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#2")
    assert art.paragraphs[0].text.startswith("Nearly a week after the crack was found")
    assert any(r.reason == "caption" and r.text.startswith("Families wait") for r in art.removed)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("The opinions expressed in this commentary are solely those of Jane Roe.", "disclaimer"),
        ("The views expressed are his own.", "disclaimer"),
        # A sentence about opinions someone expressed is reporting.
        ("The opinions expressed by residents at the meeting were mostly about the dam.", None),
    ],
)
def test_an_opinion_piece_closing_note_is_a_disclaimer(line: str, reason: str | None) -> None:
    got = boilerplate_reason(line, len(line.split()), True)
    assert (got[0] if got else None) == reason


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Workers lay boom around an island in Kelbrook, Wednesday, July 21, 2031.", True),
        ("Mayor Idris Kallweit speaks to reporters at the town hall, Friday, Oct. 17, 2031, in Kelbrook.", True),
        (
            "(AP Photo/Jane Roe) (Jane Roe - AP) A worker walks on the spillway in Kelbrook, Monday, July 19, 2031.",
            True,
        ),
        # Reporting: a dated day after a preposition, a speaker, a stamp before a lead.
        ("On Sunday, April 27, 2031, a barge struck rocks south of Kelbrook.", False),
        ("The board also confirmed in Thursday Feb. 26, 2031 results that it will sell the dam.", False),
        ("The gates will stay open, the board said Tuesday, May 4, 2031.", False),
        ("Tuesday, May 4, 2031; 5:00 PM KELBROOK -- The water board opened the gates.", False),
    ],
)
def test_dated_captions(text: str, caption: bool) -> None:
    assert dated_caption(text) is caption
    assert (boilerplate_reason(text, len(text.split()), True) is not None) is caption


def test_gallery_credits_and_captions_inside_a_paragraph() -> None:
    text, removed = _strip_inline(
        "(AP Photo/Jane Roe) (Jane Roe - AP) Volunteers fill sandbags in Kelbrook, Monday, July 19, 2031. "
        "(AP Photo/Tom Vell) (Tom Vell - AP) The water board said yesterday that the spillway had been repaired.",
        None,
    )
    assert text == "The water board said yesterday that the spillway had been repaired."
    assert [r[0] for r in removed] == ["caption", "caption", "caption"]


def test_a_page_header_run_on_after_the_body_is_removed() -> None:
    lines = [
        "Kelbrook dam gates opened",
        "",
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "",
        "Repairs begin at the dam Tuesday, May 4, 2031; 5:00 PM Divers began to inspect the foundations of the "
        "spillway on Tuesday, the board said.",
    ]
    doc = RawDocument(origin="t.txt", content="\n".join(lines), kind="text", input_format="text")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    assert (
        art.paragraphs[-1].text == "Divers began to inspect the foundations of the spillway on Tuesday, the board said."
    )
    assert any(r.text == "Repairs begin at the dam Tuesday, May 4, 2031; 5:00 PM" for r in art.removed)


def test_a_site_contact_footer_is_removed_and_names_the_outlet() -> None:
    text, removed = _strip_inline(
        "Ona Vell is a former mayor of Kelbrook. Letters for publication should be sent to: letters@courier.example "
        "If you need help using the site: help@courier.example Call the main Courier switchboard: Related: dam news",
        None,
    )
    assert text == "Ona Vell is a former mayor of Kelbrook."
    assert removed[0][2] == "site contact footer glued to the paragraph's end"
    # As a line of its own; and not a sentence that reports an address.
    line = "Send your pictures and videos to pics@radio.example or text them to 61124."
    assert boilerplate_reason(line, len(line.split()), True) is not None
    news = "Residents can email repairs@kelbrook.example to report damage, the council said on Monday."
    assert boilerplate_reason(news, len(news.split()), True) is None
    assert _strip_inline("The mayor visited the hall. " + news, None)[0] == "The mayor visited the hall. " + news


def test_the_outlet_comes_from_the_footer_address() -> None:
    lines = [
        "Kelbrook dam gates opened",
        "",
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "",
        "Ona Vell is a former mayor of Kelbrook. Letters for publication should be sent to: letters@guardian.co.uk "
        "If you need help using the site: userhelp@guardian.co.uk",
    ]
    doc = RawDocument(origin="t.txt", content="\n".join(lines), kind="text", input_format="text")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    assert art.outlet == "The Guardian" and not any("@" in p.text for p in art.paragraphs)


def test_a_headline_ending_on_a_quotation_then_a_caption_then_the_lead() -> None:
    lines = [
        "Dam toll \u2018may be 50\u2019 Volunteers fill sandbags as the river rises The water board estimates the toll at "
        "forty homes flooded in lower Kelbrook overnight, officials said on Monday.",
        "The board opened both outlet gates and said the water level would fall by a metre a day.",
        "Residents of the flooded streets were told to stay with relatives until Wednesday.",
    ]
    doc = RawDocument(origin="t.txt", content="\n".join(lines), kind="text", input_format="text")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    assert art.title == "Dam toll \u2018may be 50\u2019"
    assert art.paragraphs[0].text.startswith("The water board estimates the toll at forty homes")
    assert ("caption", "Volunteers fill sandbags as the river rises") in [(r.reason, r.text) for r in art.removed]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Are you in Kelbrook? Send us your comments and experiences using the form below.", "promo"),
        ("A selection of your comments may be published, displaying your name and location.", "promo"),
        ("The Courier may edit your comments and not all emails will be published.", "promo"),
        ("BACK {current} of {total} NEXT", "navigation"),
        # reporting about comments is no call for them
        ("Residents sent the council their comments on the dam plan last week, the mayor said.", None),
    ],
)
def test_calls_for_readers_comments_and_unrendered_templates(line: str, reason: str | None) -> None:
    got = boilerplate_reason(line, len(line.split()), True)
    assert (got[0] if got else None) == reason


def test_a_headline_repeated_before_the_lead_goes_but_not_a_sentence_it_opens() -> None:
    """The headline run into the lead is removed; a name or clause the headline ends on that opens a
    sentence of the body stays ("…: Valley Rights Group" / "Valley Rights Group (VRG) called …")."""
    text, removed = _strip_inline(
        "Valley Rights Group (VRG) called on the council to stop building the dam, calling it dangerous.",
        "Kelbrook dam row: Valley Rights Group",
    )
    assert text.startswith("Valley Rights Group (VRG) called")
    assert not removed
    text, removed = _strip_inline(
        "The council's shares have fallen since the flood began, wiping millions off the value of the company.",
        "The council's shares have fallen since the flood began",
    )
    assert text.startswith("The council's shares have fallen")
    text, removed = _strip_inline(
        "Kelbrook dam row deepens The valley council has delayed its vote on the dam again.",
        "Kelbrook dam row deepens",
    )
    assert text == "The valley council has delayed its vote on the dam again."
    assert removed[0][2] == "headline repeated at the start of the paragraph"


@pytest.mark.parametrize(
    "text",
    [
        "The boats left the harbour at Kelbrook at dawn Thousands have gathered on the quay to watch them go out.",
        "Jan Roe says the storm could delay the work by up to two weeks Dozens of boats in the bay are preparing "
        "to leave the site.",
    ],
)
def test_a_count_in_words_opens_the_lead(text: str) -> None:
    _head, rest = split_glued_caption(text, frozenset()) or ("", "")
    assert rest.startswith(("Thousands have", "Dozens of boats"))


def test_a_standfirst_with_its_authors_credit_glued_before_the_lead_goes_and_gives_the_author() -> None:
    lines = [
        "Colin Roe gives a sweeping account of the long retreat along the valley in his new book Kelbrook Burning, "
        "says Jan Vale It is odd now to think that the valley was once thought safe from any war at all.",
        "Residents have been nearly silent about the book, the town council said on Monday.",
    ]
    art = _record(lines, "v.jsonl#6")
    assert art.paragraphs[0].text.startswith("It is odd now to think")
    assert art.author == "Jan Vale"
    assert any(r.detail == "standfirst with its author's credit glued to the lead" for r in art.removed)


@pytest.mark.parametrize(
    "text",
    [
        # a headline's short "…, says Vale" and a credit inside a sentence are left
        "BP can keep the cap closed for another day, says Jan Vale The board said the well was stable on Monday.",
        "The dam will hold through the whole of the coming winter and the spring floods, says Jan Vale, the "
        "council's engineer, who has worked on it for years.",
    ],
)
def test_no_standfirst_credit(text: str) -> None:
    from newsfuse.extract.gluedtitle import split_standfirst_credit

    assert split_standfirst_credit(text) is None


ECHO_TITLE = "Ferry crews return to Kelbrook harbour"


@pytest.mark.parametrize(
    ("text", "split"),
    [
        # a caption (a clause with its own verb) between the headline and the lead that retells it
        (
            "A deckhand rests on a bollard at the north quay in Kelbrook Ferry crews have returned to work in "
            "Kelbrook harbour after the strike ended on Monday.",
            (
                "A deckhand rests on a bollard at the north quay in Kelbrook",
                "Ferry crews have returned to work in Kelbrook harbour after the strike ended on Monday.",
            ),
        ),
        # after a name, a two-word name the sentence used before opens the lead
        (
            "Jan Roe said the union had found the talks hard on Sunday in Ostmark Jan Roe will lead the ferry "
            "crews back to Kelbrook harbour on Tuesday.",
            (
                "Jan Roe said the union had found the talks hard on Sunday in Ostmark",
                "Jan Roe will lead the ferry crews back to Kelbrook harbour on Tuesday.",
            ),
        ),
        # one ordinary lead: the part before the "seam" is no clause of its own, or the part after has no verb
        ("The harbour board wants to fine Ostmark Ferries and two crews for the strike at Kelbrook harbour.", None),
        ("The union said the harbour board would ask ferry crews to return to Kelbrook harbour by Friday.", None),
        (
            "A nurse who works at the clinic just outside the harbour town Kelbrook says ferry crews have "
            "returned to work.",
            None,
        ),
        # the lead's verb goes on the sentence before ("… and returned …"): no subject of its own
        (
            "The board voted to close the quay near Kelbrook harbour with the ferry crews and returned them to work "
            "on the old terms, the union said.",
            None,
        ),
        # an opening adverbial is no caption
        ("In a vote the union called on Sunday night Ferry crews have returned to work in Kelbrook harbour.", None),
        # "Kelbrook Harbour" recurs as one name: no seam inside it
        (
            "The union and the board signed the deal at the offices of Kelbrook Harbour on Monday to end the strike "
            "at Kelbrook Harbour says ferry crews have returned to work.",
            None,
        ),
    ],
)
def test_a_caption_between_the_headline_and_the_lead_that_retells_it(text: str, split: tuple[str, str] | None) -> None:
    lower = frozenset({"ferry", "crews", "harbour", "the", "strike"})
    found = split_echo_caption(text, ECHO_TITLE, lower)
    assert (None if found is None else (found.caption, found.rest)) == split


def test_an_untitled_record_loses_headline_and_caption_before_the_lead_that_retells_the_headline() -> None:
    lines = [
        "Ferry strike: Crews return to Kelbrook harbour Jan Roe, the union leader, signed the deal at the town hall "
        "on Sunday night Crews have returned to Kelbrook harbour after the ferry strike ended.",
        "Passengers queued at the north quay for the first crossing in nine days, the harbour board said.",
    ]
    art = _record(lines, "v.jsonl#9")
    assert art.title == "Ferry strike: Crews return to Kelbrook harbour"
    assert art.paragraphs[0].text == "Crews have returned to Kelbrook harbour after the ferry strike ended."
    assert (
        "caption",
        "Jan Roe, the union leader, signed the deal at the town hall on Sunday night",
    ) in [(r.reason, r.text) for r in art.removed]


def test_a_caption_and_its_credit_inside_a_paragraph_go_and_the_lead_stays() -> None:
    lines = [
        "Ferry strike ends after nine days",
        "Union leader Jan Roe signs the deal at the town hall on Sunday night Photograph: Ona Vell/AP The ferry "
        "crews of Kelbrook returned to work on Monday after the union accepted the board's offer.",
        "Passengers queued at the north quay for the first crossing. A deckhand checks the ropes at dawn "
        "Photograph: Reuters The board said every crossing would run to the timetable by Friday.",
        "The harbour board thanked the travellers for their patience over the nine days of the strike.",
    ]
    art = _record(lines, "g.jsonl#1")
    assert art.title == "Ferry strike ends after nine days"
    texts = [p.text for p in art.paragraphs]
    assert (
        texts[0] == "The ferry crews of Kelbrook returned to work on Monday after the union accepted the board's offer."
    )
    assert texts[1] == (
        "Passengers queued at the north quay for the first crossing. The board said every crossing would run to "
        "the timetable by Friday."
    )
    captions = [r.text for r in art.removed if r.detail == "photo caption and credit inside the paragraph"]
    assert captions == [
        "Union leader Jan Roe signs the deal at the town hall on Sunday night Photograph: Ona Vell/AP",
        "A deckhand checks the ropes at dawn Photograph: Reuters",
    ]


def test_a_live_discussion_is_readers_posts_after_its_introduction() -> None:
    lines = [
        "Send us your questions.",
        "Harbour engineer Ona Vell was online on Friday at 1 p.m. to discuss the flooding of the lower town and "
        "the repairs to the old sea wall, which the council says will take two years.",
        "The council met on Thursday to approve the first payments for the repairs.",
        "Kelbrook, Ost.: Why is the water still coming in after more than a month?",
        "I always assumed the pumps would keep the lower town dry.",
        "Marlow, N.C.: The council has not been clear about how much the repairs will cost.",
        "Tallor, Ostmark: Could a storm like last winter's break the wall again?",
        "Ona Vell: The old wall was built for the storms of a century ago, and the new one will be higher.",
        "We expect the work on it to begin in the spring, once the council has approved the money.",
        "Anonymous: When will the quay reopen for the ferries?",
        "Marlow, N.C.: Why did nobody warn us?",
    ]
    art = _record(lines, "chat.jsonl#1")
    assert "Ona Vell was online" in art.text and "approve the first payments" in art.text
    # the host (named in the introduction) answers; the rest is readers' posts
    assert lines[7] in art.text and lines[8] in art.text
    for question in [*lines[3:7], *lines[9:]]:
        assert question not in art.text
    assert any(r.reason == "comment" and "Why is the water" in r.text for r in art.removed)


def test_capitalised_transcript_labels_are_no_live_discussion() -> None:
    lines = [
        "JANE ROE, HOST: Good evening, the flood in Kelbrook is our first story tonight.",
        "TOMAS VELL, ENGINEER: The water came over the wall just after midnight on Thursday.",
        "JANE ROE, HOST: And the council says the repairs will take two years.",
        "ONA VELL, MAYOR: We will pay for the repairs and we will start this week, whatever it costs.",
    ]
    art = _record(lines, "tr.jsonl#1")
    assert "The water came over the wall" in art.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Thoughts, comments, suggestions or criticisms about the Gazette's live chats?", "promo"),
        ("(Photo: Jo Roe/AP) Thoughts, comments or suggestions about this page?", "promo"),
        ("The minister took questions and comments about the budget on Monday.", None),
    ],
)
def test_a_call_for_readers_feedback(line: str, reason: str | None) -> None:
    found = boilerplate_reason(line, len(line.split()), True)
    assert (found[0] if found else None) == reason


def test_a_caption_glued_before_a_lead_opening_on_two_names_joined_by_and() -> None:
    text = (
        "Some 38 towns have reported 8453 cases of the fever Velland and Tallor have recorded their first cases of the "
        "fever, giving more evidence of its spread."
    )
    assert split_caption_name_lead(text) == (
        "Some 38 towns have reported 8453 cases of the fever",
        "Velland and Tallor have recorded their first cases of the fever, giving more evidence of its spread.",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # a caption names its picture: "in this … photo", "In this image taken from video …"
        (
            "Fire boats battle the blaze on the Kelbrook rig, in this handout photograph taken on May 4, 2031.",
            "caption",
        ),
        ("FILE - In this June 1, 2031 file photo, workers collect tar balls on Verrin Beach.", "caption"),
        ("In this image made from video released by the board, the spillway gate is seen open.", "caption"),
        ("In this photo released by the council, the mayor talks with engineers at the dam.", "caption"),
        # prose that speaks of a picture or a case is no caption
        ("In this picture of the valley as a lost paradise, the farmers are the heroes.", None),
        ("In this case they pasted three screen images over the original photo.", None),
        ("In this photo, released by the board, the mayor said the gates would hold.", None),
        # an invitation to watch a programme at its air time
        ("Watch Valley Tonight weeknights at 8 p.m. and 11 p.m. ET!", "promo"),
        ("See all this and more, live at 9pmET.", "promo"),
        ("Join us again next Sunday morning, 11:00 a.m. Eastern, for another look at the week.", "promo"),
        ("Tune in week nights at 2200 CET for the valley report.", "promo"),
        # not a programme's air time: a live blog's update stamp, a warning, a speech's time in a report
        ("Watch the mayor address the crowd -- (Update 7 p.m. Kelbrook, Noon ET) The mayor arrived at the dam.", None),
        ("Watch out for the storm later tonight.", None),
        ("The mayor will address the valley at 8 p.m. ET from the town hall.", None),
    ],
)
def test_captions_naming_their_picture_and_air_time_promos(line: str, reason: str | None) -> None:
    got = boilerplate_reason(line, len(line.split()), True)
    assert (got[0] if got else None) == reason


def test_a_photo_credit_before_the_page_stamp_is_no_title() -> None:
    lines = [
        "Engineers inspect the cracked spillway of the Verrin dam in this handout photograph taken on March 9, 2031.",
        "Credit: Reuters\\/Jo Roe\\/Verrin Water Board\\/Handout KELBROOK | Tue Mar 11, 2031 8:43am GMT "
        "KELBROOK (Reuters) - The Verrin Valley Water Board opened both outlet gates overnight after a crack was found.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
    ]
    art = _record(lines, "g.jsonl#1")
    assert not art.title
    assert "The Verrin Valley Water Board opened" in art.paragraphs[0].text
    lines[1] = "Dam gates opened as crack found Credit: Reuters\\/Jo Roe " + lines[1].split("Handout ", 1)[1]
    art = _record(lines, "g.jsonl#1")
    assert art.title == "Dam gates opened as crack found"
    assert "The Verrin Valley Water Board opened" in art.paragraphs[0].text


@pytest.mark.parametrize(
    ("para", "kept", "detail"),
    [
        (
            "(Download Audio File) During a speech on Harvest Day, the mayor told farmers the dam is safe.",
            "During a speech on Harvest Day, the mayor told farmers the dam is safe.",
            "link label in brackets at the start of the paragraph",
        ),
        (
            "(Visit Kelbrook) The town sits on the river and has kept its old bridge for two centuries.",
            "The town sits on the river and has kept its old bridge for two centuries.",
            "link label in brackets at the start of the paragraph",
        ),
        (
            "Jane Rolfe reports On April 15, 2031, in the port of Kelbrook, a crowd stormed the harbour office.",
            "On April 15, 2031, in the port of Kelbrook, a crowd stormed the harbour office.",
            "reporter's credit line at the start of the paragraph",
        ),
    ],
)
def test_a_link_label_and_a_reporters_credit_before_the_text_are_furniture(para: str, kept: str, detail: str) -> None:
    text, removed = _strip_inline(para, None)
    assert text == kept
    assert [r[2] for r in removed] == [detail]


@pytest.mark.parametrize(
    "para",
    [
        "(Valley Times) HARBOUR PLAN is the headline the paper ran over its report on the dam.",
        "Jane Rolfe reports that the port of Kelbrook was calm on Monday morning after the storm.",
        "Jane Rolfe reports BP has lost half its value in eight weeks of the spill in the gulf.",
    ],
)
def test_a_source_in_brackets_and_reports_in_prose_are_kept(para: str) -> None:
    assert _strip_inline(para, None) == (para, [])
