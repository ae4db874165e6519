"""The plain-text cleaner on invented noisy pages (tests/extract/fixtures_text.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from newsfuse.extract.text import clean_text, clean_texts
from newsfuse.model import REMOVAL_REASONS, Article, RawDocument, Rejection
from newsfuse.options import CleanOptions, Options


def _load_fixtures() -> Any:
    # pytest runs in importlib mode (tests/ mirrors the package), so load the sibling by path.
    path = Path(__file__).with_name("fixtures_text.py")
    spec = importlib.util.spec_from_file_location("newsfuse_test_fixtures_text", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


F = _load_fixtures()
BLOG_PAGE, BLOG_BODY, BLOG_NOISE = F.BLOG_PAGE, F.BLOG_BODY, F.BLOG_NOISE
MARKDOWN_PAGE, MARKDOWN_BODY, MARKDOWN_NOISE = F.MARKDOWN_PAGE, F.MARKDOWN_BODY, F.MARKDOWN_NOISE
NESTED_PAGE, NESTED_BODY, NESTED_NOISE = F.NESTED_PAGE, F.NESTED_BODY, F.NESTED_NOISE
EMBED_PAGE, EMBED_BODY, EMBED_NOISE = F.EMBED_PAGE, F.EMBED_BODY, F.EMBED_NOISE
COMMENT_DATE_PAGE, FOOTER_SHARED, footer_page = F.COMMENT_DATE_PAGE, F.FOOTER_SHARED, F.footer_page
WORDPRESS_PAGE, WORDPRESS_BODY, WORDPRESS_NOISE = F.WORDPRESS_PAGE, F.WORDPRESS_BODY, F.WORDPRESS_NOISE


def doc(content: str, origin: str = "page.txt", **kw: Any) -> RawDocument:
    return RawDocument(origin=origin, content=content, kind="text", input_format="text", **kw)


def clean(content: str, **kw: str) -> Article:
    out = clean_text(doc(content, **kw), Options())
    assert isinstance(out, Article), out
    return out


def reasons_of(article: Article, needle: str) -> set[str]:
    return {r.reason for r in article.removed if needle in r.text}


@pytest.mark.parametrize(
    ("page", "body", "noise"),
    [
        (BLOG_PAGE, BLOG_BODY, BLOG_NOISE),
        (MARKDOWN_PAGE, MARKDOWN_BODY, MARKDOWN_NOISE),
        (NESTED_PAGE, NESTED_BODY, NESTED_NOISE),
        (EMBED_PAGE, EMBED_BODY, EMBED_NOISE),
        (WORDPRESS_PAGE, WORDPRESS_BODY, WORDPRESS_NOISE),
    ],
    ids=["blog", "markdown", "nested-thread", "embed", "wordpress"],
)
def test_body_kept_noise_removed(page: str, body: list[str], noise: list[str]) -> None:
    a = clean(page)
    for b in body:
        assert b in a.text, f"body lost: {b!r}"
    for n in noise:
        assert n not in a.text, f"noise kept: {n!r}"
    # Every dropped line is accounted for, with a known reason and its evidence.
    assert a.removed
    for r in a.removed:
        assert r.reason in REMOVAL_REASONS
        assert r.detail
        assert r.text.strip()


def test_every_line_is_body_title_or_removed() -> None:
    a = clean(BLOG_PAGE)
    accounted = a.text + "\n" + (a.title or "") + "\n" + "\n".join(r.text for r in a.removed)
    for line in BLOG_PAGE.splitlines():
        if line.strip():
            assert line.strip()[:30] in accounted


def test_blog_metadata_and_reasons() -> None:
    a = clean(BLOG_PAGE)
    assert a.title == "Harbour Workers in Valdoria End Strike After Nine-Day Standoff"
    assert a.author == "Marta Keller"
    assert a.published is not None and a.published.value == "2021-03-03" and a.published.source == "dateline"
    assert a.outlet == "Valdoria Ledger" and a.outlet_source == "signature"
    assert [p.id for p in a.paragraphs] == ["p1", "p2", "p3", "p4", "p5"]
    assert reasons_of(a, "About time this was settled") == {"comment"}
    assert reasons_of(a, "Reply to Greta Holm") == {"comment"}
    assert reasons_of(a, "Upvote Downvote") == {"comment"}
    assert reasons_of(a, "Support the Valdoria Ledger") == {"promo"}
    assert reasons_of(a, "do not necessarily reflect") == {"disclaimer"}
    assert reasons_of(a, "Click to see full-size image") == {"caption"}
    assert reasons_of(a, "Jan Novak/Reuters") == {"caption"}
    assert reasons_of(a, "Home > World > Europe") == {"navigation"}
    assert reasons_of(a, "Ferry Fares to Rise Again") == {"related"}
    # Positions are line numbers of the source text.
    lines = BLOG_PAGE.splitlines()
    for r in a.removed:
        assert r.text[:15] in lines[r.position] or r.reason == "embed"


def test_markdown_metadata() -> None:
    a = clean(MARKDOWN_PAGE)
    assert a.title == "The Valdoria Strike: What the Harbour Deal Means for Trade"
    assert a.author == "Ivo Marsh"
    assert a.published is not None and a.published.value == "2021-03-04"
    assert a.outlet == "North Sea Review"
    assert reasons_of(a, "freelance economics writer") == {"other"}
    assert reasons_of(a, "accepts no liability") == {"disclaimer"}
    assert "[" not in a.text and "*" not in a.text  # markdown reduced to its text


def test_nested_thread_is_comments() -> None:
    a = clean(NESTED_PAGE)
    assert a.title == "Valdoria Ministry Promises Faster Customs Checks After Strike"
    for needle in ("Seabird77", "lol ok", "half the work"):
        assert reasons_of(a, needle) == {"comment"}
    assert len(a.paragraphs) == 4


def test_embed_and_inline_caption() -> None:
    a = clean(EMBED_PAGE)
    assert a.title == "BRIEFING: Valdoria Strike Ends as Ships Begin to Move"
    assert a.paragraphs[0].text.startswith("After nine days")  # repeated headline stripped
    assert reasons_of(a, "@harbourwatch") == {"embed"}
    assert reasons_of(a, "via Reuters") == {"caption"}


def test_comment_dates_never_publication_date() -> None:
    a = clean(COMMENT_DATE_PAGE)
    assert a.published is None
    assert "boats are still late" not in a.text
    assert reasons_of(a, "Liv Dahl") == {"comment"}


def test_inferred_date_capped_by_comments() -> None:
    page = COMMENT_DATE_PAGE.replace(
        "The operators said",
        "The last increase took effect on May 1, 2020 and another is planned for July 1, 2023. The operators said",
    )
    a = clean(page)
    assert a.published is not None
    assert a.published.source == "inferred" and a.published.confidence < 0.5
    # July 2023 is after the first comment (April 2, 2021): the article cannot report it as past.
    assert a.published.value == "2020-05-01"


def test_record_metadata_wins() -> None:
    a = clean(NESTED_PAGE, url="https://www.harbour-gazette.example.com/news/1", date="2021-03-05", author="Ana Vik")
    assert a.outlet == "harbour-gazette.example.com" and a.outlet_source == "url"
    assert a.published is not None and a.published.value == "2021-03-05" and a.published.source == "input"
    assert a.author == "Ana Vik"


def test_outlet_from_filename() -> None:
    a = clean(NESTED_PAGE, origin="scrapes/valdoria-ledger.com_2021-03-04.txt")
    assert a.outlet == "valdoria-ledger.com" and a.outlet_source == "filename"


def test_corpus_evidence_removes_outlet_furniture() -> None:
    docs = [doc(footer_page(i), origin=f"g{i}.txt", url=f"https://harbourgazette.example.org/{i}") for i in range(3)]
    out = clean_texts(docs, Options())
    assert len(out) == 3
    for a in out:
        assert isinstance(a, Article)
        for shared in FOOTER_SHARED:
            assert shared not in a.text
        # The blurb has no boilerplate wording: only the corpus shows it is furniture.
        assert any(FOOTER_SHARED[0] in r.text and "repeated in 3 articles" in r.detail for r in a.removed)
        assert len(a.paragraphs) == 2
        assert a.paragraphs[0].text.startswith(("The city council", "Rail workers", "Timber exports"))


def test_corpus_evidence_off_keeps_single_page_behaviour() -> None:
    docs = [doc(footer_page(i), origin=f"g{i}.txt", url=f"https://harbourgazette.example.org/{i}") for i in range(3)]
    opts = Options(clean=CleanOptions(use_corpus_evidence=False))
    alone = clean_text(docs[0], opts)
    batch = clean_texts(docs, opts)[0]
    assert isinstance(alone, Article) and isinstance(batch, Article)
    assert alone.text == batch.text
    assert FOOTER_SHARED[0] in alone.text  # nothing in its wording gives the blurb away


def test_wire_reprint_across_outlets_is_kept() -> None:
    # The same long body at three different outlets is a reprint, not furniture.
    docs = [doc(NESTED_PAGE, origin=f"o{i}.txt", url=f"https://outlet{i}.example.net/a") for i in range(3)]
    for a in clean_texts(docs, Options()):
        assert isinstance(a, Article)
        for b in NESTED_BODY:
            assert b in a.text


def test_one_output_per_input_in_order_with_rejections() -> None:
    docs = [
        doc(BLOG_PAGE, "a.txt"),
        doc("", "empty.txt"),
        doc("Home\nMenu\nLogin", "menu.txt"),
        doc(NESTED_PAGE, "b.txt"),
    ]
    out = clean_texts(docs, Options())
    assert [getattr(o, "origin", None) for o in out] == ["a.txt", "empty.txt", "menu.txt", "b.txt"]
    assert isinstance(out[0], Article) and isinstance(out[3], Article)
    assert isinstance(out[1], Rejection) and out[1].reason == "empty" and out[1].stage == "clean"
    assert isinstance(out[2], Rejection) and out[2].reason == "no_text"


def test_bad_content_type_is_recorded_not_raised() -> None:
    bad = RawDocument(origin="x.txt", content="", kind="text", input_format="text")
    bad.content = 42  # type: ignore[assignment]
    out = clean_texts([bad, doc(BLOG_PAGE)], Options())
    assert isinstance(out[0], Rejection) and out[0].reason == "clean_error" and "str" in out[0].detail
    assert isinstance(out[1], Article)


def test_ids_are_stable() -> None:
    assert clean(BLOG_PAGE).id == clean(BLOG_PAGE).id
    assert clean(BLOG_PAGE).id != clean(NESTED_PAGE).id


PARA = (
    "Harbour workers in the port city voted on Tuesday to end a strike that had stranded ships off the coast, "
    "and the union said the members would return to work on the night shift."
)


def test_byline_and_date_above_article_do_not_start_a_thread() -> None:
    # A byline + timestamp looks like a commenter's signature; the long article under it is not a comment.
    teaser = "Comments that include insults or personal attacks will be removed by the moderators of this site without notice."
    page = "\n".join(
        [
            "Menu",
            "Harbour Strike Ends After Nine Days",
            teaser,
            "By ANA VIK",
            "The Valdoria Press",
            "Thursday, March 4, 2021; 8:43 AM",
        ]
        + [PARA.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")]
    )
    a = clean(page)
    assert len(a.paragraphs) == 6
    assert a.title == "Harbour Strike Ends After Nine Days"
    assert a.author == "Ana Vik"
    assert reasons_of(a, "insults") == {"comment"}  # rules for commenters, wherever they stand


def test_quoted_said_is_not_a_comment_signature() -> None:
    page = "\n".join(
        ["Harbour Strike Ends", PARA, '"We are going back tomorrow," he said.', PARA.replace("Tuesday", "Monday"), PARA]
    )
    a = clean(page)
    assert '"We are going back tomorrow," he said.' in a.text
    assert len(a.paragraphs) == 4


def test_headline_below_a_teaser_alert() -> None:
    alert = "WEATHER BULLETIN: STORM WARNING FOR THE COAST AND THE ISLANDS UNTIL SUNDAY NIGHT, SAYS THE MET OFFICE, AND FERRIES ARE CANCELLED."
    page = "\n".join(
        [
            "Home",
            alert,
            "News >>",
            "Ferry Crews Join the Harbour Strike",
            "Jo Roe",
            PARA,
            PARA.replace("Tuesday", "Friday"),
        ]
    )
    a = clean(page)
    assert a.title == "Ferry Crews Join the Harbour Strike"


def test_huge_input_is_capped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.extract.text as cleaner

    monkeypatch.setattr(cleaner, "MAX_BLOCKS", 300)  # the real cap (20,000) works the same, only slower
    page = "Harbour Strike Ends\n" + "\n".join([PARA] * 5) + "\n" + "menu item\n" * 400
    a = clean(page)
    assert len(a.paragraphs) == 5
    assert a.notes and "first 300 of 406 lines" in a.notes[0]


def test_wordpress_metadata() -> None:
    a = clean(WORDPRESS_PAGE)
    assert a.title == "Island Ferry Crews Vote to Join Harbour Strike"
    assert a.author == "Nils Ek"
    assert a.published is not None and a.published.value == "2021-03-05" and a.published.source == "dateline"
    assert reasons_of(a, "mira_s") == {"comment"}
    assert reasons_of(a, "Editor's note") == {"disclaimer"}


def test_list_announced_by_a_colon_is_body() -> None:
    items = ["Anna Berg (Saint Ives)", "Jon Lund (North Terminal)", "Eva Dahl (Ferry Union)", "Per Holm (Dockers)"]
    page = "\n".join(
        [
            "Harbour Strike Ends",
            PARA,
            PARA.replace("Tuesday", "Monday"),
            "The union named the members of its new negotiating team:",
            *items,
            "Related stories",
            "Ferry fares to rise",
            "Rail link delayed",
        ]
    )
    a = clean(page)
    for item in items:
        assert item in a.text
    assert "Ferry fares to rise" not in a.text


def test_copyright_line_closes_the_article() -> None:
    sidebar = "Our reporters will bring you live coverage of the harbour talks all through the night on the radio and on this website."
    page = "\n".join(
        [
            "Harbour Strike Ends",
            PARA,
            PARA.replace("Tuesday", "Monday"),
            PARA.replace("Tuesday", "Friday"),
            "Copyright © 2021 Valdoria Radio",
            "Latest News",
            sidebar,
            sidebar.replace("night", "day"),
        ]
    )
    a = clean(page)
    assert len(a.paragraphs) == 3
    assert "live coverage" not in a.text


def test_body_sentence_about_copyright_is_kept() -> None:
    line = "A settlement does not mean the singer admitted any copyright infringement."
    page = "\n".join(["Harbour Singer Settles Lawsuit", PARA, line, PARA.replace("Tuesday", "Monday")])
    assert line in clean(page).text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    import textwrap

    paras = [
        PARA,
        PARA.replace("Tuesday", "Monday"),
        "Comments (1)",
        "Liv Dahl",
        "April 2, 2021",
        "Nobody asked the islanders what they think of this.",
    ]
    page = "Harbour Strike Ends\n\n" + "\n\n".join(textwrap.fill(p, 60) for p in paras)
    a = clean(page)
    assert [p.text for p in a.paragraphs] == [PARA, PARA.replace("Tuesday", "Monday")]
    assert a.removed[0].position == page.splitlines().index("Comments (1)")


def test_one_line_per_block_text_is_never_joined() -> None:
    from newsfuse.extract.blocks import split_blocks

    page = "Harbour strike ends after nine days of talks in the port\nBy Jo Roe\nMenu item without a full stop at its end\nAnother one"
    assert len(split_blocks(page)) == 4


def test_long_headerless_thread_longer_than_the_article() -> None:
    # Only weak markers (name + date lines), and far more comment text than article text.
    comment = "I have worked at that port for twenty years and I can tell you the union was right to hold out this time, whatever the papers say about it."
    thread = []
    for k in range(15):
        thread += [f"reader{k}", f"March {k + 5}, 2021", comment.replace("twenty", f"{k + 2}")]
    page = "\n".join(
        ["Harbour Strike Ends", PARA, PARA.replace("Tuesday", "Monday"), PARA.replace("Tuesday", "Friday"), *thread]
    )
    a = clean(page)
    assert len(a.paragraphs) == 3
    assert "worked at that port" not in a.text
    assert reasons_of(a, "worked at that port") == {"comment"}


def test_short_article_under_a_long_headed_thread() -> None:
    # The thread after "Comments on this story" is three times the article: the header alone would
    # not open it (the run after it dwarfs the run before), its entries' shape confirms it.
    comment = (
        "The harbour has been run into the ground by the same people for years and nobody in the council "
        "has ever answered for it, so I do not expect this deal to last the winter either."
    )
    thread = ["Comments on this story"]
    for k in range(12):
        thread += [f"portwatcher{k}", comment.replace("years", f"{k + 3} years")]
    page = "\n".join(["Harbour Strike Ends", PARA, PARA.replace("Tuesday", "Monday"), *thread])
    a = clean(page)
    assert len(a.paragraphs) == 2
    assert "run into the ground" not in a.text
    assert reasons_of(a, "run into the ground") == {"comment"}


def test_signed_thread_entries_are_comments_and_a_page_stamp_is_not() -> None:
    comment = "Nobody asked the night shift what they wanted, and that is why the strike lasted nine days this time."
    thread = ["Readers' views"]
    for k in range(6):
        thread += [
            comment.replace("nine", f"{k + 2}"),
            f"— dockhand{k}, 3:1{k} p.m. on March 5, 2021",
            "Report this comment",
        ]
    page = "\n".join(["Harbour Strike Ends", "Fri Mar 5, 7:05 AM ET", PARA, PARA.replace("Tuesday", "Monday"), *thread])
    a = clean(page)
    assert len(a.paragraphs) == 2  # the stamp above the article cut nothing
    assert "Nobody asked" not in a.text


def test_caption_before_a_photo_credit_and_the_lead_after_it() -> None:
    # A scraper's record: headline, time stamp and caption on one line, then the credit run into the lead.
    page = "\n".join(
        [
            "Harbour strike ends after nine days Tuesday 2 March 2021 09.18 GMT Dockers leave the main gate at dawn.",
            "Photograph: Ana Vik/Getty Harbour workers voted to return to work on the night shift.",
            PARA,
            "A crane stands idle over the empty quay.",
            "Photograph: Reuters The union said the deal would hold until the spring.",
            PARA.replace("Tuesday", "Monday"),
        ]
    )
    a = clean(page, origin="strike.jsonl")
    assert "Harbour workers voted to return to work on the night shift." in a.text  # the lead, its credit cut
    assert "The union said the deal would hold until the spring." in a.text
    assert "Dockers leave" not in a.text and "crane stands idle" not in a.text
    assert reasons_of(a, "crane stands idle") == {"caption"}
    assert reasons_of(a, "Dockers leave the main gate") == {"caption"}
    assert "Ana Vik" not in a.text


def test_photo_label_before_a_caption_is_no_credit() -> None:
    # "Photo: <caption>": the label opens the caption, so the sentence before it is no caption.
    page = "\n".join(
        [
            "Harbour Strike Ends",
            PARA,
            "The union said the members would vote again in the spring.",
            "Photo: Northern quay seen from the harbour wall on March 1.",
            PARA.replace("Tuesday", "Monday"),
        ]
    )
    a = clean(page)
    assert "The union said the members would vote again in the spring." in a.text


def test_a_correction_note_is_no_body() -> None:
    note = "A previous version of this article omitted part of the union leader's answer to the question."
    a = clean("\n".join(["Harbour Strike Ends", PARA, PARA.replace("Tuesday", "Monday"), note]))
    assert note not in a.text
    assert reasons_of(a, "previous version") == {"disclaimer"}


def test_a_sentence_case_headline_ending_on_a_name_is_cut_from_the_lead() -> None:
    lead = "The harbour workers of Kelbrook returned to work on Tuesday after the union accepted the offer."
    page = "\n".join(["Dockers return to work in Kelbrook " + lead, PARA, PARA.replace("Tuesday", "Monday")])
    a = clean(page)
    assert a.title == "Dockers return to work in Kelbrook"
    assert a.paragraphs[0].text == lead
    # a Title Case headline capitalises its common words too: no boundary is read inside it
    titled = "\n".join(["Dockers Return To Work In Kelbrook Harbour " + lead, PARA, PARA.replace("Tuesday", "Monday")])
    assert clean(titled).title != "Dockers Return To Work In Kelbrook"


def test_text_in_another_language_is_kept_with_a_note() -> None:
    de = [
        "Die Hafenarbeiter in Saint Ives haben am Dienstag beschlossen, ihren Streik nach neun Tagen zu beenden.",
        "Die Gewerkschaft nahm eine Lohnerhöhung von sechs Prozent über zwei Jahre an, weniger als gefordert.",
    ]
    a = clean("\n".join(["Hafenstreik beendet", "Startseite", *de, "Datenschutz | Impressum"]))
    assert [p.text for p in a.paragraphs] == de
    assert a.notes and "English" in a.notes[0]


def test_headline_list_is_not_unwrapped_and_masthead_is_not_title() -> None:
    page = "\n\n".join(
        [
            "HARBOUR RADIO 101.5",
            "Home › News › Strike",
            "Ferry crews join the strike: crossings cancelled",
            PARA,
            "Cranes stand idle at the north gate on Tuesday. Photo: Jo Roe / Harbour Radio",
            PARA.replace("Tuesday", "Monday"),
            "More from Harbour Radio\nRainfall records broken across the northern hills\nWhy the rail link is years behind schedule",
            "Listen live: tap here to stream HARBOUR RADIO 101.5",
        ]
    )
    a = clean(page)
    assert a.title == "Ferry crews join the strike: crossings cancelled"
    assert reasons_of(a, "Rainfall records") == {"related"}
    assert not any("Rainfall" in r.text and "Why the rail" in r.text for r in a.removed)  # two items, not one
    assert reasons_of(a, "Photo: Jo Roe") == {"caption"}
    assert len(a.paragraphs) == 2


def test_two_versions_of_one_story_keep_their_shared_paragraphs() -> None:
    v1 = "\n".join(["Harbour Strike Ends", PARA, PARA.replace("Tuesday", "Monday")])
    v2 = (
        v1
        + "\nUpdate: the first ships entered the harbour late on Tuesday evening, the port authority said in a statement."
    )
    docs = [doc(v, origin=f"v{i}.txt", url=f"https://gazette.example.org/strike?v={i}") for i, v in enumerate((v1, v2))]
    for a in clean_texts(docs, Options()):
        assert isinstance(a, Article)
        assert PARA in a.text


def _live_versions(shared: str, n: int) -> list[RawDocument]:
    """``n`` rewritten versions of one live page (unknown outlet), each telling ``shared`` between
    sentences of its own."""
    leads = [
        "Dock workers in Port Vell walked out for a fourth day on Tuesday as talks with the harbour board stalled again.",
        "The harbour board offered a new pay deal late on Wednesday, but union leaders said it fell short of their demands.",
        "Ferries to the islands were cancelled for a fifth day on Thursday, leaving hundreds of travellers stranded.",
        "Talks between the union and the harbour board resumed on Friday under a mediator appointed by the city.",
        "A court in Port Vell refused on Saturday to order the strikers back to work, the harbour board said.",
        "Supermarkets in the islands reported empty shelves on Sunday as the strike entered its second week.",
        "The union said on Monday that its members would vote on the board's third offer by the end of the week.",
    ]
    tails = [
        "The strike has cost the port an estimated 2 million euros a day, according to the chamber of commerce.",
        "Union leaders said they would not return to work until the board restored the night-shift allowance.",
        "The city's mayor called on both sides to accept mediation before the start of the tourist season.",
        "Fishing crews have been allowed to land their catch at the north quay while the strike goes on.",
        "Hauliers said hundreds of lorries were queueing on the coast road waiting for the ferries to resume.",
        "The harbour board said it had no plans to hire replacement crews during the dispute.",
        "Ferry operators said refunds would be offered to every passenger whose crossing was cancelled.",
    ]
    return [doc(f"{leads[i]}\n{shared}\n{tails[i]}", origin=f"live{i}.txt") for i in range(n)]


def test_a_short_sentence_several_versions_tell_inside_the_story_is_kept() -> None:
    # Three versions of one live page share a short background sentence between lines of their
    # own: before, the short-line rule removed it as "repeated in 3 articles of the batch".
    shared = "The last strike at the port, in 2009, lasted nine days."
    for a in clean_texts(_live_versions(shared, 3), Options()):
        assert isinstance(a, Article)
        assert shared in a.text, a.removed


@pytest.mark.parametrize(
    "shared",
    [
        "You can find every update on the strike on this page throughout the day.",
        "Our live coverage of the strike continues through the evening with reports from the quay.",
        "Watch the moment the first ferry left the harbour after the strike.",
    ],
)
def test_a_repeated_line_that_talks_to_the_reader_is_still_furniture(shared: str) -> None:
    # No boilerplate wording gives these away: only the batch does, and they address the reader.
    for a in clean_texts(_live_versions(shared, 3), Options()):
        assert isinstance(a, Article)
        assert shared not in a.text
        assert any(shared in r.text and "repeated in 3" in r.detail for r in a.removed)


def test_a_sentence_in_many_pages_of_a_crawl_is_still_furniture() -> None:
    # Told between prose in seven different pages: the site's line, not the story's.
    shared = "The harbour board is owned jointly by the city and the regional government."
    for a in clean_texts(_live_versions(shared, 7), Options()):
        assert isinstance(a, Article)
        assert shared not in a.text


def test_unsigned_thread_under_the_sites_comment_disclaimer() -> None:
    # A scraper dropped the commenters' names and dates: the site's disclaimer heading the thread and
    # the note closing it are the only signs that the prose between them is readers'.
    comments = [
        "I find it hard to believe anyone still trusts the harbour board after this.",
        "The night shift deserves better pay, and the council knows it.",
        "Nobody will remember this strike by the summer, mark my words.",
    ]
    page = "\n".join(
        [
            "Harbour Strike Ends",
            PARA,
            PARA.replace("Tuesday", "Monday"),
            "We welcome comments that advance the story.",
            "Views expressed in the comments do not represent those of the Kelbrook Courier.",
            *comments,
            "This discussion is now closed.",
        ]
    )
    a = clean(page)
    assert len(a.paragraphs) == 2
    for c in comments:
        assert c not in a.text
        assert reasons_of(a, c[:30]) == {"comment"}
    # the disclaimer is the site's furniture, not a comment: it names the outlet
    a = clean(page.replace("the Kelbrook Courier", "Reuters"))
    assert reasons_of(a, "Views expressed") == {"disclaimer"}
    assert a.outlet == "Reuters"


def test_a_caption_glued_before_a_lead_opening_on_a_name() -> None:
    # A scraper ran the picture's caption into the lead: "… over Tallor The Valley ferry sank …"
    page = "\n".join(
        [
            "Rescue boats searched the bay all night after the ferry went down off Tallor "
            "The Valley ferry Arden sank on Tuesday with 40 passengers on board, the coastguard said.",
            PARA,
        ]
    )
    a = clean(page)
    assert a.paragraphs[0].text.startswith("The Valley ferry Arden sank")
    assert a.title is not None and a.title.startswith("Rescue boats searched the bay")
    # "told The Valley Post" goes on: a title after a verb of telling is no seam
    kept = "The harbour master told The Valley Post on Tuesday that the quays would reopen at dawn for the night shift."
    assert clean("\n".join([kept, PARA])).paragraphs[0].text == kept


def test_a_caption_glued_before_a_lead_opening_on_a_quotation() -> None:
    # 'A "…"' after a common noun is a seam; "type A flu" (no quotation) is not
    page = "\n".join(
        [
            "Two crew members were hurt in the collision "
            'A "chain of small mistakes" caused the ferry collision off Tallor, the inquiry has found.',
            PARA,
        ]
    )
    a = clean(page)
    assert a.paragraphs[0].text.startswith('A "chain of small mistakes"')
    kept = "Doctors in Kelbrook confirmed that the patient had influenza A H1N1 after tests at the harbour clinic."
    assert clean("\n".join([kept, PARA])).paragraphs[0].text == kept


def test_a_line_opening_on_a_comma_goes_on_the_line_before() -> None:
    # the scraper broke the sentence after a linked name; a comma never opens a paragraph
    page = "\n".join(
        [
            PARA,
            "The inquiry was led by Sen. Ona Vell (D-Kel.)",
            ", chairman of the harbour panel, who said the ferry had been overloaded for years.",
            '"Why did nobody stop it?',
            '," Ms Vell asked the board on Tuesday.',
        ]
    )
    texts = [p.text for p in clean(page).paragraphs]
    assert "The inquiry was led by Sen. Ona Vell (D-Kel.), chairman of the harbour panel, who said" in " ".join(texts)
    assert '"Why did nobody stop it?," Ms Vell asked the board on Tuesday.' in texts
    assert not any(t.startswith(",") for t in texts)


def test_a_line_opening_in_lower_case_after_a_quotation_goes_on_the_line_before() -> None:
    # the scraper broke the sentence between a quoted question and its attribution
    page = "\n".join(
        [
            PARA,
            '"Can you say what happens if the second pump fails as well?"',
            "a reporter asked the harbour master on Tuesday.",
            "The harbour master said the second pump was tested every week.",
        ]
    )
    texts = [p.text for p in clean(page).paragraphs]
    assert (
        '"Can you say what happens if the second pump fails as well?" a reporter asked the harbour master on Tuesday.'
        in texts
    )
    assert "The harbour master said the second pump was tested every week." in texts


def test_a_donation_appeal_is_removed_and_news_of_the_appeal_kept() -> None:
    appeal = "You can donate via the Harbour Fund website or by telephoning 0370 11 22 333."
    news = "The Harbour Fund appeal has raised 3m in donations since Monday, its director said."
    a = clean("\n".join([PARA, news, appeal]))
    texts = [p.text for p in a.paragraphs]
    assert news in texts and appeal not in texts
    assert reasons_of(a, "You can donate") == {"promo"}


@pytest.mark.parametrize(
    "appeal",
    [
        "Text GIVE to 70077 to donate 5 to the Harbour Fund for the Kelbrook flood appeal.",
        "You can find details of how to donate on the home page of the Harbour Fund's website.",
        "For simple, safe ways to donate to help the valley, contact one of the following charities.",
    ],
)
def test_a_donation_appeal_addressed_to_the_reader_is_removed(appeal: str) -> None:
    news = [
        "The mayor urged the public to donate money to help the families of Kelbrook.",
        '"It is vitally important that people continue to donate," the fund\'s director said.',
    ]
    a = clean("\n".join([PARA, *news, appeal]))
    texts = [p.text for p in a.paragraphs]
    assert appeal not in texts and all(n in texts for n in news)
    assert reasons_of(a, appeal[:12]) == {"promo"}


def test_a_blog_thread_opens_at_its_first_signature_even_with_a_long_user_name() -> None:
    page = "\n".join(
        [
            PARA,
            "At 12:19 26th Apr 2025, harbourwatcher_kelbrook wrote: This comment was removed because it broke the rules.",
            "At 13:18 26th Apr 2025, Jim213 wrote: The ferry company should pay for all of it, every penny.",
            "Thank you for the update, keep it coming please.",
        ]
    )
    texts = [p.text for p in clean(page).paragraphs]
    assert not any("wrote:" in t or "keep it coming" in t for t in texts)


def test_a_forum_page_whose_closed_note_is_glued_to_its_introduction() -> None:
    page = "\n".join(
        [
            PARA,
            "The board of the port said the ships would be unloaded in the order they arrived, starting with "
            "the grain carriers that have waited longest in the bay.",
            "The harbour board has sent a leaflet on the strike to every home in Kelbrook This debate is now closed.",
            "Still it kept the real news off the screen didn't it.",
            "I think all the quays should close where the strike has been verified.",
            "Is it really necessary to send a leaflet to every home in the town?",
        ]
    )
    texts = [p.text for p in clean(page).paragraphs]
    assert any(t.startswith("The harbour board has sent a leaflet") for t in texts)
    assert not any("real news" in t or "leaflet to every home in the town" in t for t in texts)


FORUM_INTRO = [
    "Can the valley stop the river flooding again?",
    "The Valley Water Board says the new embankment at Millford will be finished before the winter rains, "
    "three months later than first planned.",
    "Engineers found soft clay under the old wall in March, and the board had to order deeper piles.",
    "The board has spent 14 million on the work so far and says the total will stay within budget.",
]
FORUM_POSTS = [
    "Nobody I know believes the board any more, they said the same thing last year.",
    "My cellar was under water twice and the insurance still has not paid.",
    "Build it higher and stop talking about it.",
    "I think the clay was known about years ago and somebody chose not to look.",
    "We moved away from the river after the last flood and I do not regret it for a second.",
    "The embankment is fine, the drains in the high street are the real problem.",
] * 4


def test_a_closed_debate_after_questions_to_the_readers_opens_the_thread() -> None:
    # a forum page that prints no names or dates: the questions put to the readers and the
    # "closed" note are all that tell its posts from the article
    page = "\n".join(
        [
            *FORUM_INTRO,
            "How worried are you about the winter?",
            "Do you live near the river?",
            "This debate is now closed.",
            *FORUM_POSTS,
        ]
    )
    art = clean(page)
    body = " ".join(p.text for p in art.paragraphs)
    assert "deeper piles" in body
    assert "cellar" not in body and "high street" not in body
    assert any(r.reason == "comment" and "cellar" in r.text for r in art.removed)


def test_a_call_to_publish_the_readers_views_opens_the_thread() -> None:
    call = ["Has your street been flooded?", "We will aim to publish as many of your views as we can."]
    page = "\n".join([*FORUM_INTRO, *call, *FORUM_POSTS])
    art = clean(page)
    body = " ".join(p.text for p in art.paragraphs)
    assert "deeper piles" in body
    assert "cellar" not in body


def test_a_closed_note_without_questions_to_the_readers_keeps_a_long_article_after_it() -> None:
    # the note alone (a page tab above an article, or the end of a short thread) is not enough to
    # drop the long text after it
    page = "\n".join([*FORUM_INTRO, "This debate is now closed.", *FORUM_POSTS])
    art = clean(page)
    assert "cellar" in " ".join(p.text for p in art.paragraphs)


BODY_LINES = [
    "The port authority said repairs would take at least three weeks and cost about two million.",
    "Ferries will dock at the south quay in the meantime, with longer queues expected at weekends.",
    "Fishermen said the storm was the strongest they had seen on this coast for a decade.",
]


@pytest.mark.parametrize(
    ("caption", "lead"),
    [
        (
            "Crews have laid new sandbags along the harbour wall",
            "Valdoria Port has closed its north quay after the storm damaged two cranes on Tuesday.",
        ),
        (
            "Mr Roe has visited the quay three times since the storm",
            "Harbour master Jan Roe has ordered an inquiry into why the warning came so late.",
        ),
    ],
)
def test_a_caption_with_its_verb_glued_before_a_lead_opening_on_a_name_goes(caption: str, lead: str) -> None:
    art = clean("\n".join([f"{caption} {lead}", *BODY_LINES]), title="Storm shuts quay")
    assert art.paragraphs[0].text == lead
    assert any(r.reason == "caption" and r.text == caption for r in art.removed)


@pytest.mark.parametrize(
    "first",
    [
        # a descriptor before the name, no caption: one sentence
        "Port operator Valdoria Marine said on Tuesday it would close its north quay after the storm.",
        # the name inside a clause the caption opens ("what", ", and", "as")
        "The storm was not what harbour chief Jan Roe had planned for when the new cranes arrived this spring.",
        "The quay was closed on Monday, and deputy mayor Ann Doe has asked the board to explain the delay.",
        # a weekday after a verb, and "I"
        "The vote the council held Wednesday may be the most important of the year for the harbour.",
        "It is the worst storm I have seen in forty years of work at the harbour, the master said.",
    ],
)
def test_one_sentence_with_a_name_inside_is_not_split(first: str) -> None:
    art = clean("\n".join([first, *BODY_LINES]), title="Storm shuts quay")
    assert art.paragraphs[0].text == first


WIDGET_PAGE = """Kelbrook Tech News
Latest Comments
Jan Vale on Ten tips for the new tablet: I would like to see more of the touch screen used in the next one, because the last one was slow and I sent it back after a week.
Mara Quill on How to set up the valley router in ten steps: Buy the other model, it is easier since the software comes installed and all you have to do is plug it in and wait.
Tom Reed on Why the old laptop still sells: I never said I was unhappy with my laptop, I just said I was annoyed that they changed the charger again without telling anyone.
Valley Telecom cuts prices on its fastest plans
The valley's largest telecom company cut the price of its fastest home plans on Tuesday, a month after a rival started selling cheaper ones across the region.
The cuts take the monthly price of the fastest plan down by a fifth, the company said in a statement, and apply to new and existing customers from next week.
Analysts said the move showed how hard the rival's cheaper plans had hit the company's sales in the towns along the river since the spring.
"""


def test_a_recent_comments_box_before_the_article_is_comments() -> None:
    a = clean(WIDGET_PAGE)
    assert a.paragraphs[0].text.startswith("The valley's largest telecom company")
    for needle in ("Jan Vale on Ten tips", "Mara Quill on How to", "Tom Reed on Why"):
        assert reasons_of(a, needle) == {"comment"}


CALL_PAGE = """Valley Telecom cuts prices on its fastest plans
The valley's largest telecom company cut the price of its fastest home plans on Tuesday, a month after a rival started selling cheaper ones across the region.
• Discuss this story on the Kelbrook Valley message board...
The cuts take the monthly price of the fastest plan down by a fifth, the company said in a statement, and apply to new and existing customers from next week.
Analysts said the move showed how hard the rival's cheaper plans had hit the company's sales in the towns along the river since the spring.
To have your say on this or any other issue visit www.kelbrook-valley-news.example/blogs
"""


def test_calls_to_comment_inside_and_after_the_body_are_comments() -> None:
    a = clean(CALL_PAGE)
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 3
    assert reasons_of(a, "Discuss this story") == {"comment"}
    assert reasons_of(a, "To have your say") == {"comment"}


def test_an_illustration_credit_run_into_the_next_sentence_goes() -> None:
    page = "\n".join(
        [
            "Harbour strike ends after nine days",
            PARA,
            "Click image for full graphic.",
            "Illustration: Ana Vik for the Ledger The union's report into the strike lists eight failings of the port.",
            PARA.replace("Tuesday", "Monday"),
        ]
    )
    a = clean(page)
    assert "The union's report into the strike lists eight failings of the port." in a.text
    assert "Ana Vik" not in a.text and "Illustration" not in a.text
    # a one-word credit before a sentence: its first word stays with it
    page = page.replace(
        "Illustration: Ana Vik for the Ledger The union's report",
        "Illustration: Ledger Trying to explain, the union's report",
    )
    assert "Trying to explain, the union's report into the strike lists eight failings" in clean(page).text


def test_a_photo_agency_credit_split_onto_the_next_paragraph_goes() -> None:
    page = "\n".join(
        [
            "Harbour strike ends after nine days",
            PARA,
            "Dockers leave the main gate at dawn on Tuesday, March 2, 2021.",
            "AP Numerous unions are mobilizing to lend a hand to the families of the striking dockers.",
            "AP Photo The port authority is denying that it blocked the talks for a week.",
            PARA.replace("Tuesday", "Monday"),
        ]
    )
    a = clean(page)
    assert "Numerous unions are mobilizing to lend a hand" in a.text and "AP Numerous" not in a.text
    assert any(p.text.startswith("The port authority is denying") for p in a.paragraphs)
