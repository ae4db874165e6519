"""Figures conflict only when they count the same thing at the same time (invented text).

Each rule: what it must not flag, and the conflict it still raises.
"""

from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.conflicts import _disagree, counted_phrase, find_figures, glued_at, is_reporting
from newsfuse.crosscheck.frames import frame_of, in_quote, same_frame
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options

STEM = CachedStemmer()


def _art(aid: str, outlet: str, text: str, day: str | None = "2031-05-02") -> Article:
    art = Article(id=aid, origin=aid, outlet=outlet, paragraphs=make_paragraphs([text]))
    if day:
        art.published = PublishedDate(value=day, source="input", confidence=0.95)
    return art


def _figure_values(*arts: Article) -> list[set[str]]:
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=list(by_id))
    crosscheck_story(story, by_id, Options())
    return [{v.value for v in c.values} for c in story.conflicts if c.kind == "figure"]


def _one(text: str):
    (fig,) = find_figures(0, text, STEM)
    return fig


def test_one_day_count_and_running_total_are_no_conflict():
    assert not _figure_values(
        _art(
            "a", "Paper A", "Monitors in Norvale said at least 40 people were killed across the province on Thursday."
        ),
        _art(
            "b",
            "Paper B",
            "Monitors in Norvale said more than 7,000 people have been killed across the province since March.",
        ),
    )
    # two running totals since the same start, the same day: still a conflict
    assert _figure_values(
        _art(
            "a", "Paper A", "Monitors in Norvale say about 1,100 civilians have been killed since the uprising began."
        ),
        _art(
            "b",
            "Paper B",
            "Monitors in Norvale say at least 1,600 civilians have been killed since the uprising began.",
        ),
    ) == [{"1100", "1600"}]


def test_running_totals_of_different_days_conflict_only_when_the_later_is_lower():
    grows = (
        _art(
            "a",
            "Paper A",
            "Crews have so far recovered 3 million litres of fuel from the Varna bay, the port said.",
            "2031-05-08",
        ),
        _art(
            "b",
            "Paper B",
            "Crews have so far recovered 3.5 million litres of fuel from the Varna bay, the port said.",
            "2031-05-09",
        ),
    )
    assert not _figure_values(*grows)
    shrinks = (
        _art(
            "a",
            "Paper A",
            "Crews have so far recovered 5 million litres of fuel from the Varna bay, the port said.",
            "2031-05-08",
        ),
        _art(
            "b",
            "Paper B",
            "Crews have so far recovered 3.5 million litres of fuel from the Varna bay, the port said.",
            "2031-05-09",
        ),
    )
    assert _figure_values(*shrinks) == [{"5000000", "3500000"}]


def test_different_periods_and_years_are_no_conflict():
    a = _one("Ostmark Energy made a profit of $5.4 billion in the second quarter, the company said.")
    b = _one("Ostmark Energy made a profit of $2.9 billion for the second quarter of 2029, the company said.")
    assert not same_frame(a.frame, b.frame, "2030", "2030")  # an unwritten year is the publication year
    c = _one("Ostmark Energy made a profit of $3 billion so far this year, the company said.")
    assert not same_frame(a.frame, c.frame, "2030", "2030")
    # "$5bn, compared with $2.9bn for the second quarter of 2029": the year belongs to the second figure
    text = "Ostmark made $5 billion in the second quarter, compared with $2.9 billion for the second quarter of 2029."
    first = frame_of(text, text.index("$5 "), text.index("$5 ") + 10, STEM.stem)
    second = frame_of(text, text.index("$2.9"), text.index("$2.9") + 12, STEM.stem)
    assert first.years == frozenset() and second.years == {"2029"}
    assert _figure_values(
        _art(
            "a",
            "Paper A",
            "Ostmark Energy made a profit of $5.4 billion in the second quarter, the company said.",
            "2030-07-28",
        ),
        _art(
            "b",
            "Paper B",
            "Ostmark Energy made a profit of $6.1 billion in the second quarter, the company said.",
            "2030-07-28",
        ),
    ) == [{"5400000000", "6100000000"}]


def test_rates_totals_and_projections_are_no_conflict():
    rate = _one("The broken pipe near Varna is leaking 1,000 barrels of fuel a day into the bay.")
    total = _one("The broken pipe near Varna has leaked 60,000 barrels of fuel into the bay.")
    assert not same_frame(rate.frame, total.frame)
    assert find_figures(0, "If the pipe is not sealed, almost 100,000 barrels could spill into the bay.", STEM) == []
    assert find_figures(0, "The firm is possibly selling $18 billion of assets.", STEM) == []
    assert (
        find_figures(0, "The bill would remove the $75 million cap and increases to $300 million the bond.", STEM) == []
    )
    assert _figure_values(
        _art(
            "a",
            "Paper A",
            "The broken pipe near Varna is leaking 1,000 barrels of fuel a day into the bay, engineers said.",
        ),
        _art(
            "b",
            "Paper B",
            "The broken pipe near Varna is leaking 5,000 barrels of fuel a day into the bay, engineers said.",
        ),
    ) == [{"1000", "5000"}]


def test_different_predicates_count_different_people():
    assert not _figure_values(
        _art(
            "a",
            "Paper A",
            "Troops fired on a funeral in the Norvale suburb of Tesko for three people who were killed on Friday.",
        ),
        _art("b", "Paper B", "Troops fired on a funeral in the Norvale suburb of Tesko, wounding 10 people on Friday."),
    )
    # "killed" and "died" say the same thing
    assert _figure_values(
        _art("a", "Paper A", "At least 12 miners died in the Kessel pit collapse on Friday, the mine owner said."),
        _art(
            "b", "Paper B", "At least 20 miners were killed in the Kessel pit collapse on Friday, the mine owner said."
        ),
    ) == [{"12", "20"}]


def test_tolls_of_different_incidents_are_no_conflict():
    assert not _figure_values(
        _art(
            "a",
            "Paper A",
            "The Ferrin platform blast killed 11 workers, the worst offshore accident since records began.",
        ),
        _art(
            "b",
            "Paper B",
            "The Dunmore refinery blast killed 27 workers, the worst offshore accident since records began.",
        ),
    )


def test_units_of_area_are_part_of_the_count_and_round_figures_meet():
    assert not _figure_values(
        _art("a", "Paper A", "The slick off Varna has now grown to about 1,500 sq km, coast guard officials said."),
        _art("b", "Paper B", "The slick off Varna has now grown to about 600 sq miles, coast guard officials said."),
    )
    a = _one("The broken well off Varna is spewing 200,000 gallons of fuel a day into the bay.")
    b = _one("The broken well off Varna is spewing at least 210,000 gallons of fuel a day into the bay.")
    assert not _disagree(a, b)  # "200,000" is a rounded figure
    c = _one("The broken well off Varna is spewing 4,000 barrels of fuel a day or more into the bay.")
    d = _one("The broken well off Varna is spewing 5,000 barrels of fuel a day into the bay.")
    assert not _disagree(c, d)  # "or more": a lower bound
    assert _disagree(_one("About 1,200 residents of Tesko left."), _one("Nearly 1,500 residents of Tesko left."))


def test_measure_qualifiers_must_match():
    a = frame_of("At the minimum estimated rate, 2 million barrels have spilled.", 31, 40)
    b = frame_of("In all, 4.9 million barrels have spilled.", 8, 19)
    assert not same_frame(a, b)


def test_glued_menus_are_not_reporting():
    glued = (
        "Latest Developments for Orvan Holdings An ultra-low latency platform for trading data A connected "
        "approach to risk Our next generation research platform"
    )
    assert not is_reporting(glued)
    assert is_reporting("Orvan Holdings said The Varna Times had misreported the deal.")
    assert find_figures(0, glued + " with 300 clients", STEM) == []


def _conflicts(*arts: Article):
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=list(by_id))
    crosscheck_story(story, by_id, Options())
    return story


def test_start_day_of_a_truce_is_compared_story_wide():
    from newsfuse.crosscheck.frames import state_starts

    assert state_starts("The truce in force on the ground since Sunday was to be signed in Rennick.") == [
        ("truce", "Sunday")
    ]
    assert state_starts("A call for a ceasefire in Veloria, proposed to start from Saturday midnight.") == [
        ("truce", "Saturday")
    ]
    assert state_starts("Ceasefire talks opened in Rennick on Monday.") == []  # no start of the truce
    story = _conflicts(
        _art("a", "Paper A", "The truce in force on the ground since Sunday was to be signed in Rennick.", None),
        _art("b", "Paper B", "Envoys urged a ceasefire in Veloria, proposed to start from Saturday midnight.", None),
    )
    (conflict,) = [c for c in story.conflicts if c.kind == "weekday"]
    assert conflict.subject == "start of the truce"
    assert {v.value for v in conflict.values} == {"Saturday", "Sunday"}
    assert any(c.status == "disputed" for c in story.claims)
    # the same day, or articles of different weeks (two different Sundays): no conflict
    assert not _conflicts(
        _art("a", "Paper A", "The truce in force since Sunday was to be signed in Rennick."),
        _art("b", "Paper B", "A ceasefire in Veloria took effect on Sunday, envoys said."),
    ).conflicts
    assert not _conflicts(
        _art("a", "Paper A", "The truce in force since Sunday was to be signed in Rennick.", "2031-05-02"),
        _art("b", "Paper B", "A new ceasefire in Veloria took effect on Saturday, envoys said.", "2031-05-20"),
    ).conflicts


def test_a_nationality_noun_is_no_actor():
    from newsfuse.crosscheck.conflicts import _COMMON_NOUN_BEFORE

    text = "The Briton said he had seen no sign of sabotage."
    assert _COMMON_NOUN_BEFORE.search(text, 0, text.find("Briton"))
    text = "Ostrova said she had seen no sign of sabotage."
    assert not _COMMON_NOUN_BEFORE.search(text, 0, text.find("Ostrova"))


def test_a_summary_sentence_with_a_disputed_figure_says_so():
    from newsfuse.summary import summarize_story

    arts = [
        _art("a", "Paper A", "About 1,200 residents of lower Orvel were evacuated on Monday, the council said."),
        _art("b", "Paper B", "About 1,500 residents of lower Orvel were evacuated on Monday, the council said."),
    ]
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=list(by_id))
    summarize_story(story, by_id, Options())
    crosscheck_story(story, by_id, Options())
    assert story.conflicts
    texts = [s.text for s in story.summary]
    assert any("1,200" in t and t.endswith("(disputed: other sources give 1,500)") for t in texts) or any(
        "1,500" in t and t.endswith("(disputed: other sources give 1,200)") for t in texts
    )
    # a sentence without a disputed figure is left as it is
    story = _conflicts(
        _art("a", "Paper A", "The council opened a school in Orvel."), _art("b", "Paper B", "Rain fell.")
    )
    assert all("disputed" not in s.text for s in story.summary)


def test_labels_and_parts_of_a_group_are_no_counts():
    assert find_figures(0, "Year seven pupils at the Orvel school were sent home.", STEM) == []
    assert find_figures(0, "The agency raised its alert to phase 6 on a six-point scale.", STEM) == []
    assert find_figures(0, "Photograph number nine shows the Kessel depot.", STEM) == []
    assert find_figures(0, "Five of the patients diagnosed were pupils.", STEM) == []
    assert [f.value for f in find_figures(0, "Nine patients were diagnosed in Orvel.", STEM)] == [9.0]


def test_certainty_and_new_counts_must_match():
    confirmed = _one("Officials in Norvale have confirmed 20 deaths from the fever.")
    suspected = _one("The fever is believed to have caused 68 deaths in Norvale.")
    assert not same_frame(confirmed.frame, suspected.frame)
    # "new" cases are the report's own day: not compared across days
    assert not _figure_values(
        _art(
            "a",
            "Paper A",
            "The new cases include 10 children from the Orvel primary school, officials said.",
            "2031-05-29",
        ),
        _art(
            "b",
            "Paper B",
            "The new cases include 13 children from the Orvel primary school, officials said.",
            "2031-05-28",
        ),
    )
    assert _figure_values(
        _art(
            "a",
            "Paper A",
            "The new cases include 10 children from the Orvel primary school, officials said.",
            "2031-05-28",
        ),
        _art(
            "b",
            "Paper B",
            "The new cases include 13 children from the Orvel primary school, officials said.",
            "2031-05-28",
        ),
    ) == [{"10", "13"}]


def test_a_total_reached_before_the_figure_is_a_running_total():
    a = _one("Norvale has now confirmed 25 fatalities from the fever, officials said.")
    assert a.frame.running
    assert _one("Costs for the Varna clean-up had grown to about $760 million, the port said.").frame.running
    assert not _one("The Kessel spill cost the port $40 million in fines.").frame.running
    assert not _figure_values(
        _art("a", "Paper A", "Norvale has now confirmed 19 fatalities from the fever, officials said.", "2031-05-03"),
        _art("b", "Paper B", "Norvale has now confirmed 25 fatalities from the fever, officials said.", "2031-05-04"),
    )


def test_spelling_variants_are_one_actor():
    from newsfuse.crosscheck.conflicts import _merge_names

    merged = _merge_names(
        {"Nicola Sturgeon": [1], "Nicolas Sturgeon": [2], "Felipe Calder": [3], "Felipe Calderon": [4]}
    )
    assert merged == {"Nicolas Sturgeon": [1, 2], "Felipe Calderon": [3, 4]}
    # two different people stay apart
    assert len(_merge_names({"Joe Barton": [1], "Joe Britton": [2], "Ali Hassan": [3], "Omar Hassan": [4]})) == 4


def test_long_glued_captions_are_not_reporting():
    glued = (
        "Suspected cases were found beyond Orvel and Kessel Ten students from Varna tested positive for the fever In "
        "Tesko, an official said two travellers might carry the virus In Rennick, medics are testing a man"
    )
    assert not is_reporting(glued)
    assert not is_reporting(" ".join(["word"] * 95) + ".")
    assert is_reporting("He was born in Orvel and grew up in Kessel, where he worked in the port.")


def test_a_modifier_of_the_counted_noun_names_another_count():
    dogs = "The team took two search dogs."
    assert counted_phrase(dogs, dogs.index(" search")) == (["search"], "dogs")
    crew = "They sent 71 search and rescue specialists."
    assert counted_phrase(crew, crew.index(" search")) == ([], "search")
    assert not _figure_values(
        _art("a", "Paper A", "The Kessel rescue team flew out on Friday with two search dogs and heavy equipment."),
        _art(
            "b", "Paper B", "The Kessel rescue team flew out on Friday with 40 search and rescue workers and equipment."
        ),
    )
    # the same noun phrase on both sides is still compared
    assert _figure_values(
        _art("a", "Paper A", "The Kessel rescue team flew out on Friday with two search dogs and heavy equipment."),
        _art("b", "Paper B", "The Kessel rescue team flew out on Friday with six search dogs and heavy equipment."),
    ) == [{"2", "6"}]


def test_parts_and_increments_written_after_the_number_are_no_counts():
    assert find_figures(0, "Relief flights will also use two other airports near Varna.", STEM) == []
    assert find_figures(0, "Police said 10 more people were arrested in Varna.", STEM) == []
    assert find_figures(0, "The ferry sank, killing the captain and 10 others near Varna.", STEM) == []
    assert not _figure_values(
        _art(
            "a", "Paper A", "Relief flights into Varna will also use two other airports in the region, officials said."
        ),
        _art("b", "Paper B", "Relief flights into Varna now use four airports in the region, officials said."),
    )


def test_a_caption_glued_in_front_of_a_sentence_is_not_compared():
    text = "Rescuers search the rubble with their hands The Red Cross has sent 40 nurses to Varna."
    assert glued_at(text) == text.index("The Red Cross")
    (fig,) = find_figures(0, "Photo shows 3 cranes near the dam The army has sent 40 nurses to Varna.", STEM)
    assert fig.value == 40  # the caption's figure is not read
    assert glued_at("The paper was quoted by The Times on Monday.") == 0  # a title after a verb of speech
    assert glued_at("Talks were held in The Hague.") == 0


def test_corrections_are_not_reporting():
    assert not is_reporting("The original said that the pipe was leaking '5,000 gallons a day' into the bay.")
    assert not is_reporting("An earlier version of this story misstated the number of evacuees.")
    assert is_reporting("The pipe was leaking 5,000 gallons a day into the bay, the original estimate said.") is True


def test_a_later_higher_count_is_an_update_a_later_lower_one_a_conflict():
    early = _art(
        "a",
        "Paper A",
        "Three people were killed in Wednesday's clashes in Varna, the health ministry said.",
        "2031-05-02",
    )
    later_high = _art(
        "b",
        "Paper B",
        "At least eight people were killed in Wednesday's clashes in Varna, the health ministry said.",
        "2031-05-03",
    )
    later_low = _art(
        "b",
        "Paper B",
        "Two people were killed in Wednesday's clashes in Varna, the health ministry said.",
        "2031-05-03",
    )
    assert not _figure_values(early, later_high)
    assert _figure_values(early, later_low) == [{"2", "3"}]


def test_a_quoted_figure_is_compared_only_with_quoted_ones():
    assert in_quote('"Of course, 200 tents are not available," he said.', 12)
    assert not in_quote('The agency said 100 tents were needed, "urgently".', 17)
    assert not _figure_values(
        _art("a", "Paper A", "The Varna relief agency estimates that 100 family tents are needed in the valley."),
        _art(
            "b", "Paper B", '"We think 200 family tents are needed in the valley," a Varna relief agency officer said.'
        ),
    )
    assert _figure_values(
        _art("a", "Paper A", "The Varna relief agency estimates that 100 family tents are needed in the valley."),
        _art("b", "Paper B", "The Varna relief agency estimates that 200 family tents are needed in the valley."),
    ) == [{"100", "200"}]


def test_a_measure_anywhere_in_the_counted_phrase_is_no_count():
    assert find_figures(0, "Welcome back, 12 minutes past the hour in Varna.", STEM) == []


def test_days_said_of_different_words_are_no_conflict():
    common = "Orvan Foods, a wholesaler of tinned fish and frozen vegetables in Varna owned by the late Piet Orvan, "
    assert not [
        c
        for c in _conflicts(
            _art("a", "Paper A", common + "remained closed Monday."),
            _art("b", "Paper B", common + "issued a statement Saturday evening."),
        ).conflicts
        if c.kind == "weekday"
    ]
    assert [
        c
        for c in _conflicts(
            _art("a", "Paper A", common + "remained closed Monday."),
            _art("b", "Paper B", common + "remained closed Tuesday."),
        ).conflicts
        if c.kind == "weekday"
    ]


def test_a_figure_said_of_a_name_the_other_never_mentions_is_not_compared():
    assert not _figure_values(
        _art(
            "a",
            "Paper A",
            "The Varna club's deal with the striker is believed to be worth $160 million over eight years.",
        ),
        _art(
            "b", "Paper B", "Ostrov is believed to want a deal with the Varna club worth $75 million over eight years."
        ),
    )
    # a source named before the figure is not what the figure is about
    assert _figure_values(
        _art("a", "Paper A", "The Varna Herald said the Kessel platform was producing 900 barrels of oil a day."),
        _art("b", "Paper B", "Engineers say the Kessel platform was producing 1,400 barrels of oil a day."),
    ) == [{"900", "1400"}]


def test_clock_times_are_no_counts():
    assert find_figures(0, "The shooting in Varna occurred about 3:10 p.m. on Friday.", STEM) == []
    assert find_figures(0, "The deputy was alone at about 3 p.m. in Varna.", STEM) == []


def test_a_plural_noun_ends_the_counted_phrase():
    text = "About 300 people went to the Varna school."
    assert counted_phrase(text, text.index(" people")) == ([], "people")
    text = "The rig pumped 1,400 barrels a day."
    assert counted_phrase(text, text.index(" barrels")) == ([], "barrels")


def test_a_sentence_with_two_values_of_one_noun_is_not_compared():
    text = "The slick off Varna grew from about 1,150 square miles on Thursday to 3,850 square miles on Friday."
    assert find_figures(0, text, STEM) == []
    assert len(find_figures(0, "The blast killed 11 workers and spilled 4,000 barrels of fuel.", STEM)) == 2


def test_a_statistics_line_is_not_compared():
    line = "The Varna patrol seized six rifles, 12 magazines and about 300 rounds of ammunition."
    assert find_figures(0, line, STEM) == []
    assert len(find_figures(0, "The Varna patrol seized six rifles and 12 magazines.", STEM)) == 2
