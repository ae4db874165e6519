"""Outlets from the article's own text, and records cleaned like plain text (invented articles)."""

from __future__ import annotations

from typing import Any

from newsfuse.extract import extract_documents
from newsfuse.extract.outletdetect import dateline_outlet, resolve_outlet
from newsfuse.model import Article, RawDocument, RemovedBlock
from newsfuse.options import Options
from newsfuse.outlets import display_name, outlet_key

BODY = (
    "The Verrin Valley Water Board opened both outlet gates overnight after inspectors found a crack in the spillway.\n"
    "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.\n"
    "Engineers will inspect the foundations on Tuesday and a decision on the return is expected on Wednesday.\n"
)


def rec(content: str, n: int = 1, **kw: object) -> RawDocument:
    return RawDocument(origin=f"crawl.jsonl#{n}", content=content, kind="record", input_format="json", **kw)  # type: ignore[arg-type]


def test_outlet_keys_join_the_forms_of_one_outlet() -> None:
    assert (
        outlet_key("CNN")
        == outlet_key("cnn.com")
        == outlet_key("CNN Wire")
        == outlet_key("http://edition.cnn.com/2011/x")
    )
    assert outlet_key("Reuters") == outlet_key("uk.reuters.com") == outlet_key("Thomson Reuters")
    assert outlet_key("The Kelbrook Courier") == outlet_key("kelbrook-courier.example")
    assert outlet_key("Kelbrook Courier") != outlet_key("Kelbrook Herald")
    assert display_name("apnews.com") == "Associated Press" and display_name("Valley Post") == "Valley Post"


def test_datelines() -> None:
    assert dateline_outlet(["KELBROOK (Reuters) - The dam held overnight."]).name == "Reuters"  # type: ignore[union-attr]
    assert dateline_outlet(["(CNN) -- The dam held overnight."]).name == "CNN"  # type: ignore[union-attr]
    assert dateline_outlet(["PORTVALE, Valdoria (AP) — The dam held."]).name == "Associated Press"  # type: ignore[union-attr]
    assert dateline_outlet(["NEW YORK (Reuters Health) - A study found."]).name == "Reuters"  # type: ignore[union-attr]
    # A photo credit or an aside in parentheses is no dateline; nor is a name deep in the story.
    assert dateline_outlet(["Mayor Kallweit (left) - seen here - spoke."]) is None
    assert dateline_outlet(["(Photo: Kelbrook Courier) The dam held."]) is None
    assert dateline_outlet(["x" * 500 + " KELBROOK (Reuters) - late."]) is None


def _resolve(
    paragraphs: list[str], removed: list[RemovedBlock] | None = None, **kw: Any
) -> tuple[str | None, str | None, str | None]:
    return resolve_outlet(rec("x", **kw), paragraphs, removed or [])


def test_publisher_evidence_and_wire_origin() -> None:
    # A byline names the outlet.
    out, how, wire = _resolve(["By the CNN Wire Staff", BODY])
    assert (out, wire) == ("CNN", None) and how is not None and how.startswith("byline")
    assert _resolve(["From Ona Vell and Pell Ruark, CNN", BODY])[0] == "CNN"
    assert _resolve([BODY, "CNN's Mira Kess contributed to this report."])[0] == "CNN"
    # A credit for another agency's contribution does not name the publisher.
    furn = [RemovedBlock("The Associated Press contributed to this report.", 9, "other", "credit")]
    assert _resolve([BODY], furn)[0] is None
    # The site's own furniture does; a line listing several outlets does not.
    policy = [RemovedBlock("Views expressed in the comments do not represent those of Reuters.", 9, "disclaimer", "x")]
    assert _resolve([BODY], policy)[0] == "Reuters"
    listing = [RemovedBlock("Oil nears the coast - 30 mins ago CBS News; BP shares fall Reuters", 9, "other", "x")]
    assert _resolve([BODY], listing)[0] is None
    # An agency dateline on a known publisher's page is the text's wire origin.
    out, how, wire = _resolve(["PORTVALE (AP) — " + BODY], url="https://www.coastherald.example/a")
    assert (out, how, wire) == ("coastherald.example", "url", "Associated Press")
    # A record field wins, in its canonical name.
    assert _resolve([BODY], outlet="cnn.com")[:2] == ("CNN", "input")


def test_citing_an_interview_is_no_self_reference() -> None:
    text = [BODY, "The mayor told the BBC he was confident.", "Later he told the BBC again that the dam was sound."]
    assert _resolve(text)[0] is None
    own = [
        BODY,
        "The BBC's correspondent Ona Vell says the mood is calm.",
        "BBC correspondent Ona Vell added that shops were shut.",
    ]
    assert _resolve(own)[:1] == ("BBC",)


def test_records_are_cleaned_and_keep_what_they_drop() -> None:
    thread = "\n".join(
        [
            "KELBROOK (Reuters) - " + BODY,
            "Comments (2)",
            "dammit_jim March 10, 2025 at 11:03 am | Report abuse |",
            "They should have fixed that spillway years ago, typical council.",
            "riverrat99 March 10, 2025 at 11:20 am | Report abuse |",
            "Totally agree with the comment above, what a disgrace this is.",
        ]
    )
    (art,) = extract_documents([rec(thread)], Options())
    assert isinstance(art, Article)
    assert art.outlet == "Reuters" and art.outlet_source is not None and art.outlet_source.startswith("dateline")
    assert not any("Report abuse" in p.text or "disgrace" in p.text for p in art.paragraphs)
    assert any(r.reason == "comment" for r in art.removed)
    # Declared clean (record field or option): nothing is removed.
    (kept,) = extract_documents([rec(thread, clean=True)], Options())
    assert isinstance(kept, Article) and any("disgrace" in p.text for p in kept.paragraphs)
    opts = Options()
    opts.clean.trust_records = True
    (kept2,) = extract_documents([rec(thread)], opts)
    assert isinstance(kept2, Article) and any("disgrace" in p.text for p in kept2.paragraphs)


def _story(i: int, topic: str) -> str:
    return (
        f"The {topic} board met on day {i} and agreed new rules for the harbour district after a long debate.\n"
        f"Officials in {topic} said the plan {i} would cost more than expected and take two years to finish.\n"
        f"Residents of the {topic} quarter gave the proposal number {i} a mixed reception at the public meeting.\n"
    )


def test_site_template_names_the_outlet_of_articles_without_other_evidence() -> None:
    teaser = "Hopes for a quick deal on the harbour rules remain alive, despite the row over costs, reports our correspondent."
    topics = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir"]
    docs = []
    for i, t in enumerate(topics):
        lead = "(Portvale Gazette) -- " if i < 3 else ""
        dateline = f"PORTVALE {lead}" if lead else ""
        docs.append(rec(dateline + _story(i, t) + teaser + "\n", n=i + 1))
    out = extract_documents(docs, Options())
    arts = [a for a in out if isinstance(a, Article)]
    assert len(arts) == 6
    assert [a.outlet for a in arts[:3]] == ["Portvale Gazette"] * 3
    assert all(a.outlet == "Portvale Gazette" and (a.outlet_source or "").startswith("template") for a in arts[3:])
    # The teaser itself is removed from every article as site template.
    assert all(not any("Hopes for a quick deal" in p.text for p in a.paragraphs) for a in arts)


def test_a_print_edition_note_is_furniture_that_names_the_paper() -> None:
    lines = [
        "Dam crack found in Kelbrook",
        "The Verrin Valley Water Board opened both outlet gates overnight after a crack was found in the spillway.",
        "About 1,200 residents of lower Kelbrook were told to leave their homes, the town council said on Monday.",
        "This article appeared on p22 of the Main section of the Guardian on Friday 28 May 2031.",
    ]
    doc = RawDocument(origin="x.txt", content="\n".join(lines), kind="text", input_format="text")
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    assert art.outlet == "The Guardian" and art.outlet_source and art.outlet_source.startswith("furniture")
    assert not any("appeared on" in p.text for p in art.paragraphs)


def test_the_shape_of_a_sites_stamps_and_credits_names_the_outlet() -> None:
    # No line repeats word for word: each page has its own time stamp and photo credit, in one shape.
    topics = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir"]
    people = ["Ana Vik", "Olaf Berg", "Liv Moen", "Per Dahl", "Kari Lund", "Jon Ask"]
    agencies = ["AP", "Reuters", "AFP", "AP", "Reuters", "AFP"]
    docs = []
    for i, (t, who, agency) in enumerate(zip(topics, people, agencies, strict=True)):
        stamp = f"{['Monday', 'Tuesday', 'Friday'][i % 3]} {i + 3} March 2021 0{i}.1{i} GMT"
        caption = f"The {t} quay at dawn.\nPhotograph: {who}/{agency} "
        lead = "PORTVALE (Portvale Gazette) -- " if i < 3 else ""
        docs.append(rec(f"{stamp}\n{caption}{lead}{_story(i, t)}", n=i + 1))
    out = extract_documents(docs, Options())
    arts = [a for a in out if isinstance(a, Article)]
    assert [a.outlet for a in arts[:3]] == ["Portvale Gazette"] * 3
    assert all(a.outlet == "Portvale Gazette" for a in arts[3:]), [a.outlet_source for a in arts]
    assert all("shaped like" in (a.outlet_source or "") or "template" in (a.outlet_source or "") for a in arts[3:])
    # Two witnesses are too few to name a third page's outlet.
    two = extract_documents(docs[1:4], Options())
    assert [a.outlet for a in two if isinstance(a, Article)][-1] is None


def test_a_site_of_pages_without_an_outlet_pools_its_witnesses() -> None:
    # No unknown page alone shares template lines with 3 pages of known outlet; the three together do.
    line_a = "Hopes for a quick deal on the harbour rules remain alive, despite the row over costs."
    line_b = "Read our full guide to the harbour district and its history in the weekend magazine."
    line_c = "Tell us what you think about the new ferry timetable by writing to the letters desk."
    topics = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir"]
    extra = [line_a, line_a, line_b, line_a + "\n" + line_c, line_b + "\n" + line_c, line_b + "\n" + line_c]
    docs = []
    for i, (t, furniture) in enumerate(zip(topics, extra, strict=True)):
        lead = "PORTVALE (Portvale Gazette) -- " if i < 3 else ""
        docs.append(rec(f"{lead}{_story(i, t)}{furniture}\n", n=i + 1))
    arts = [a for a in extract_documents(docs, Options()) if isinstance(a, Article)]
    assert [a.outlet for a in arts[:3]] == ["Portvale Gazette"] * 3
    assert [a.outlet for a in arts[3:]] == ["Portvale Gazette"] * 3, [a.outlet_source for a in arts]
    assert all((a.outlet_source or "").startswith("site of 3 pages") for a in arts[3:])


def test_credits_in_the_forms_sites_write_them() -> None:
    # in parentheses, the possessive of a name ending in s, "<outlet> staff writer <name>"
    assert _resolve([BODY, "(CNN's Mira Kess contributed to this report.)"])[0] == "CNN"
    assert _resolve([BODY, "Fox News' Ona Vell contributed to this report."])[0] == "Fox News"
    credit = [RemovedBlock("Washington Post staff writer Pell Ruark contributed to this report.", 9, "other", "x")]
    assert _resolve([BODY], credit)[0] == "The Washington Post"
    # a person's possessive is no outlet's credit
    assert _resolve([BODY, "(Mayor Kess' aide Ona Vell contributed to this report.)"])[0] is None


def test_a_site_naming_itself_in_capitals() -> None:
    promo = [RemovedBlock("FOX News covers the harbour from all the angles.", 9, "other", "x")]
    assert _resolve([BODY], promo)[0] == "Fox News"


def test_a_sign_off_or_the_sites_address_is_a_self_reference() -> None:
    assert _resolve([BODY, "Ona Vell, BBC News, Kelbrook The water kept rising all night."])[0] == "BBC"
    assert _resolve([BODY, "Ona Vell, BBC correspondent, in Kelbrook Crews worked on."])[0] == "BBC"
    assert _resolve([BODY, "The dam is safe, a board engineer told FoxNews.com on Monday."])[0] == "Fox News"
    # the broadcaster cited by name is still no self-reference, nor is a name list in a sentence
    assert _resolve([BODY, "The dam is safe, a board engineer told Fox News on Monday."])[0] is None
    assert _resolve([BODY, "Reporters from Ona Vell, BBC News, and others came."])[0] is None
    # two correspondents' pieces of one outlet
    two = [BODY, "The BBC's Ona Vell in Kelbrook says the mood is calm.", "The BBC's Pell Ruark: shops were shut."]
    assert _resolve(two)[0] == "BBC"
