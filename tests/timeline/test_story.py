from newsfuse.model import Article, CopyInfo, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.timeline import story_timeline


def art(aid: str, outlet: str | None, date: str | None, *paragraphs: str) -> Article:
    return Article(
        id=aid,
        origin=f"test/{aid}",
        outlet=outlet,
        paragraphs=make_paragraphs(list(paragraphs)),
        published=PublishedDate(date, "input", 1.0) if date else None,
    )


# An invented story: a harbour strike in Portvale, reported by three outlets.
ARTICLES = [
    art(
        "a1",
        "Coast Herald",
        "2021-03-03",  # a Wednesday
        "Dock workers in Portvale walked out on Monday over unpaid wages.",
        "The port authority said on Tuesday that talks with the union had collapsed.",
        "A mediation meeting is scheduled for March 10.",
    ),
    art(
        "a2",
        "Harbour Times",
        "2021-03-04",
        "Portvale dock workers walked out Monday in a dispute over unpaid wages, the union said.",
        "The city council will debate the strike on Friday.",
    ),
    art(
        "a3",
        "Wire Daily",
        "2021-03-02",
        "Hundreds of dock workers in Portvale walked out yesterday over wages left unpaid since January.",
    ),
]


def make_story(arts: list[Article]) -> tuple[Story, dict[str, Article]]:
    by_id = {a.id: a for a in arts}
    return Story(id="s1", articles=[a.id for a in arts], outlets=sorted({a.outlet for a in arts if a.outlet})), by_id


def test_events_merged_across_outlets_and_sorted() -> None:
    story, by_id = make_story(ARTICLES)
    events = story_timeline(story, by_id, Options())
    assert [e.date for e in events] == sorted(e.date for e in events)
    walkout = [e for e in events if e.date == "2021-03-01"]
    assert len(walkout) == 1, walkout  # "on Monday", "Monday", "yesterday" from three outlets: one event
    ev = walkout[0]
    assert ev.granularity == "day"
    assert ev.outlets == ["Coast Herald", "Harbour Times", "Wire Daily"]
    assert {(s.article, s.paragraph) for s in ev.sources} == {("a1", "p1"), ("a2", "p1"), ("a3", "p1")}
    assert set(ev.expressions) == {"on Monday", "Monday", "yesterday"}
    assert "walked out" in ev.text
    by_date = {e.date: e for e in events}
    assert "collapsed" in by_date["2021-03-02"].text
    assert by_date["2021-03-05"].outlets == ["Harbour Times"]  # future tense "will ... on Friday"
    assert "2021-03-10" in by_date
    assert by_date["2021-01"].granularity == "month"


def test_different_events_on_one_day_stay_apart() -> None:
    arts = [
        art("b1", "Coast Herald", "2021-03-03", "Dock workers in Portvale walked out on Monday over unpaid wages."),
        art(
            "b2",
            "Harbour Times",
            "2021-03-03",
            "A storm flooded the Riverside district on Monday, cutting power to thousands.",
        ),
    ]
    story, by_id = make_story(arts)
    events = [e for e in story_timeline(story, by_id, Options()) if e.date == "2021-03-01"]
    assert len(events) == 2
    assert sorted(o for e in events for o in e.outlets) == ["Coast Herald", "Harbour Times"]


def test_undated_article_in_a_short_story_is_placed_at_its_end() -> None:
    # The story's articles are published 2-4 March; the undated blog post's "on Monday" is the Monday
    # before the story's latest day (1 March), not before the older date it mentions (20 February).
    arts = [
        *ARTICLES,
        art("u1", "Blog", None, "The walkout, which began on Monday, follows a strike on February 20th."),
    ]
    story, by_id = make_story(arts)
    events = story_timeline(story, by_id, Options())
    u1_dates = {e.date for e in events for s in e.sources if s.article == "u1"}
    assert u1_dates == {"2021-02-20", "2021-03-01"}
    assert any("1 articles without a publication date" in n and "inferred" in n for n in story.notes)


def test_undated_article_in_a_long_story_keeps_its_own_anchor_or_absolute_dates() -> None:
    # A story spanning five weeks is not one moment: the undated article is anchored on the latest
    # day it reports itself (Tuesday 16 February); one that reports none gives absolute dates only.
    arts = [
        art("l1", "Coast Herald", "2021-02-01", "Dock workers in Portvale threatened a walkout over wages."),
        art("l2", "Harbour Times", "2021-03-08", "The Portvale dock walkout ended after five weeks."),
        art("l3", "Blog", None, "Portvale dock workers met on February 16th; the walkout began on Monday."),
        art("l4", "Forum", None, "The Portvale walkout began on Monday after talks collapsed in March."),
    ]
    story, by_id = make_story(arts)
    events = story_timeline(story, by_id, Options())
    assert {e.date for e in events for s in e.sources if s.article == "l3"} == {"2021-02-15", "2021-02-16"}
    assert {e.date for e in events for s in e.sources if s.article == "l4"} == {"2021-03"}
    assert any("could not be resolved" in n and '"on Monday"' in n for n in story.notes)
    assert any("1 articles without a publication date contribute only absolute dates" in n for n in story.notes)


def test_plans_and_possibilities_do_not_anchor_an_undated_article() -> None:
    # "could be held on March 20" lies after the writing: the anchor is 9 March (a Tuesday), so
    # "on Monday" is 8 March.
    arts = [
        art(
            "p1",
            "Blog",
            None,
            "Mediators met union leaders on March 9th.",
            "A final round of talks could be held on March 20, after the walkout that began on Monday.",
        ),
        art("p2", "Coast Herald", None, "The Portvale dock strike was first called on 2 March 2021."),
    ]
    story, by_id = make_story(arts)
    dates = {e.date for e in story_timeline(story, by_id, Options())}
    assert "2021-03-08" in dates and "2021-03-15" not in dates


def test_would_marks_the_future_of_reported_speech() -> None:
    # Published Monday 1 March 2021: "said it would decide on Wednesday" is 3 March; "said on
    # Saturday" dates the saying (27 February).
    arts = [
        art(
            "w1",
            "Coast Herald",
            "2021-03-01",
            "The port authority said it would decide on Wednesday whether to reopen the docks.",
            "The union said on Saturday that the walkout would go on.",
        )
    ]
    story, by_id = make_story(arts)
    assert {e.date for e in story_timeline(story, by_id, Options())} == {"2021-03-03", "2021-02-27"}


def test_reprints_keep_their_own_outlet_in_sources() -> None:
    a = art("c1", "Wire Daily", "2021-03-03", "Dock workers in Portvale walked out on Monday over unpaid wages.")
    b = art("c2", "Small Gazette", "2021-03-03", "Dock workers in Portvale walked out on Monday over unpaid wages.")
    b.copy_of = CopyInfo(of="c1", similarity=1.0, kind="exact")
    story, by_id = make_story([a, b])
    (ev,) = story_timeline(story, by_id, Options())
    assert ev.outlets == ["Small Gazette", "Wire Daily"]
    assert [s.outlet for s in ev.sources] == ["Wire Daily", "Small Gazette"]


def test_shared_actor_names_alone_do_not_merge_events() -> None:
    arts = [
        art(
            "d1", "Coast Herald", "2021-03-03", "General Arlo Venn left Portvale on Tuesday without signing the accord."
        ),
        art(
            "d2",
            "Harbour Times",
            "2021-03-03",
            "President Mira Kess warned General Arlo Venn on Tuesday over renewed shelling.",
        ),
        art("d3", "Wire Daily", "2021-03-03", "Venn left Portvale on Tuesday morning, refusing to sign, aides said."),
    ]
    story, by_id = make_story(arts)
    events = story_timeline(story, by_id, Options())
    assert sorted(sorted(e.outlets) for e in events) == [["Coast Herald", "Wire Daily"], ["Harbour Times"]]


def test_this_week_ends_at_publication() -> None:
    # Wednesday 31 March 2021: this week so far is 29-31 March, within one month.
    arts = [art("e1", "Coast Herald", "2021-03-31", "Ferries were cancelled this week because of the strike.")]
    story, by_id = make_story(arts)
    assert [(e.date, e.granularity) for e in story_timeline(story, by_id, Options())] == [("2021-03", "month")]


def test_all_undated_story_takes_years_from_written_full_dates() -> None:
    arts = [
        art("f1", "Coast Herald", None, "The union first struck on 14 February 2019 over pensions."),
        art("f2", "Harbour Times", None, "Talks broke down again on February 20th, and on Monday pickets returned."),
    ]
    story, by_id = make_story(arts)
    events = story_timeline(story, by_id, Options())
    # Six days apart: one moment, so "on Monday" is the Monday before the latest day (20 February).
    assert [e.date for e in events] == ["2019-02-14", "2019-02-18", "2019-02-20"]
    assert any("2 articles without a publication date" in n and "inferred" in n for n in story.notes)


def test_undated_story_takes_years_from_the_batch_it_was_read_with() -> None:
    undated = art("g1", "Blog", None, "The walkout began on February 26th, a week after the ballot.")
    dated = art("g2", "Coast Herald", "2021-03-03", "An unrelated ferry story.")
    story, _ = make_story([undated])
    by_id = {"g1": undated, "g2": dated}
    assert [e.date for e in story_timeline(story, by_id, Options())] == ["2021-02-26"]
    assert any("around 2021-03-03" in n for n in story.notes)
    # a batch spanning years gives no such guess
    old = art("g3", "Coast Herald", "2015-06-01", "An old story.")
    story2, _ = make_story([undated])
    assert story_timeline(story2, {**by_id, "g3": old}, Options()) == []


def test_a_yearless_month_after_a_sentence_about_a_long_past_year_is_left_unresolved() -> None:
    from newsfuse.timeline.mentions import index_sentences

    a = art(
        "h1",
        "Valley Post",
        "2021-04-27",
        "In 1921, there was a first strike at the port in April. It ended but came back in August.",
        "The union said on Monday that members would vote in August.",
    )
    idx = index_sentences([a])
    dated = {s.text: [m.iso for m in s.mentions] for s in idx.sentences}
    assert dated["In 1921, there was a first strike at the port in April."] == ["1921", "1921-04"]
    assert dated["It ended but came back in August."] == []  # 1921's or 2020's: not guessed
    assert "in August" in idx.unresolved
    # in a paragraph about now, the month is resolved as before
    assert dated["The union said on Monday that members would vote in August."][-1] == "2021-08"


def test_a_date_long_before_the_story_that_one_article_mentions_is_history_not_an_event() -> None:
    arts = [
        art(
            "h1",
            "Coast Herald",
            "2021-03-03",
            "Dock workers in Portvale walked out on Monday over unpaid wages.",
            "Port shares last fell this fast in October 1987, when markets crashed.",
            "A harbour fire closed the port for a month in 1989.",
        ),
        art(
            "h2",
            "Harbour Times",
            "2021-03-04",
            "Portvale dock workers walked out Monday in a dispute over unpaid wages.",
            "A fire closed the harbour for a month in 1989, the union recalled.",
        ),
    ]
    story, by_id = make_story(arts)
    dates = {e.date for e in story_timeline(story, by_id, Options())}
    assert "2021-03-01" in dates
    assert "1989" in dates  # history two reports refer to stays
    assert not any(d.startswith("1987") for d in dates)
    assert any("history the story mentions" in n for n in story.notes)
