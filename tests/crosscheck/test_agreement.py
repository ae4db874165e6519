"""Agreed claims are facts that a sentence of each agreeing source states directly (invented text)."""

from __future__ import annotations

import pytest

from newsfuse.crosscheck.claims import _figures, build_claims, claim_space, group_sentences
from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.sentences import story_sentences
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Claim
from newsfuse.options import Options

from .conftest import article

# Background on the story's subject, one sentence per article, so that IDF weighs the story's common
# words down as in real stories (each states something else: none of them is a shared fact).
FILLER = [
    "The dispute over the Varno river dam has gone on for two years.",
    "Farmers downstream depend on the river for their crops.",
    "Engineers say the dam could supply power to half the province.",
]


def _claims(paras: dict[str, tuple[str, list[str]]]) -> list[Claim]:
    by_id: dict[str, Article] = {
        aid: article(aid, outlet, [*texts, FILLER[n % len(FILLER)]])
        for n, (aid, (outlet, texts)) in enumerate(paras.items())
    }
    sents = story_sentences(list(by_id), by_id)
    index = build_entities(sents, lambda aid: by_id[aid].outlet or aid)
    opts = Options().crosscheck
    space = claim_space(sents, index, opts, CachedStemmer())
    return build_claims(space, by_id, opts, list(by_id), group_sentences(space, opts))


def _with(claims: list[Claim], words: str) -> Claim:
    hits = [c for c in claims if any(words in s.text for s in c.sentences)]
    assert len(hits) == 1, [c.text for c in hits]
    return hits[0]


def test_a_paraphrase_from_two_outlets_is_agreed():
    claims = _claims(
        {
            "a1": ("Valley Post", ["Minister Oda Renn closed the Varno dam sluices on Monday to stop the flooding."]),
            "a2": ("Coast Herald", ["On Monday minister Renn ordered the dam sluices closed to stop flooding."]),
        }
    )
    claim = _with(claims, "Oda Renn closed")
    assert claim.status == "agreed"
    assert claim.outlets == ["Coast Herald", "Valley Post"]


def test_sentences_that_only_share_the_subject_are_not_agreed():
    # one topic (the dam, the flooding) but two different facts: each stays its outlet's own claim
    claims = _claims(
        {
            "a1": ("Valley Post", ["Minister Oda Renn closed the Varno dam sluices on Monday to stop the flooding."]),
            "a2": ("Coast Herald", ["The flooding has destroyed crops and homes along the lower Varno valley."]),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


def test_a_third_outlet_on_the_same_subject_does_not_join_the_agreement():
    claims = _claims(
        {
            "a1": ("Valley Post", ["Minister Oda Renn closed the Varno dam sluices on Monday to stop the flooding."]),
            "a2": ("Coast Herald", ["On Monday minister Renn ordered the dam sluices closed to stop flooding."]),
            "a3": ("River Times", ["Renn said the flooding of the valley was the worst the dam had seen."]),
        }
    )
    agreed = _with(claims, "Oda Renn closed")
    assert agreed.outlets == ["Coast Herald", "Valley Post"]
    assert _with(claims, "worst the dam").status == "single_source"


def test_different_actors_doing_the_same_are_not_agreed():
    claims = _claims(
        {
            "a1": ("Valley Post", ["After the flooding, the government of Brennia banned imports of Varno grain."]),
            "a2": (
                "Coast Herald",
                ["After the flooding, the government of Ostmark banned all imports of Varno grain."],
            ),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


def test_different_counts_of_different_days_are_not_agreed():
    claims = _claims(
        {
            "a1": (
                "Valley Post",
                ["Six people were killed by the flood waters near the dam on Saturday, police said."],
            ),
            "a2": ("Coast Herald", ["Rescuers said 70 people were killed in the valley as the flood waters rose."]),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


def test_the_same_count_told_in_other_words_is_agreed():
    claims = _claims(
        {
            "a1": ("Valley Post", ["Police said 42 villagers drowned when the Varno dam burst."]),
            "a2": ("Coast Herald", ["The burst of the Varno dam drowned 42 villagers, according to police."]),
        }
    )
    assert _with(claims, "42 villagers drowned").status == "agreed"


def test_a_near_paraphrase_with_another_figure_is_one_disputed_fact():
    # everything but the figure and the attribution is the same: one fact, two figures (disputed)
    claims = _claims(
        {
            "a1": (
                "Valley Post",
                ["At least 300 people have fled the flooding around the Varno dam, aid groups said."],
            ),
            "a2": (
                "Coast Herald",
                ["At least 450 people have fled the flooding around the Varno dam, the mayor said."],
            ),
        }
    )
    claim = _with(claims, "At least 300")
    assert claim.independent_sources == 2 and len(claim.sentences) == 2


def test_a_question_never_agrees():
    claims = _claims(
        {
            "a1": ("Valley Post", ["Can the Varno dam sluices stop the flooding of the valley?"]),
            "a2": ("Coast Herald", ["The Varno dam sluices cannot stop the flooding of the valley, engineers warn."]),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


@pytest.mark.parametrize(
    "hypothetical",
    [
        "If the Varno dam sluices fail, the lower valley would be flooded within hours.",
        # what would follow from any case of a kind
        "Any failure of the Varno dam sluices would flood the lower valley within hours.",
    ],
)
def test_a_hypothetical_never_agrees_with_a_fact(hypothetical):
    claims = _claims(
        {
            "a1": ("Valley Post", [hypothetical]),
            "a2": ("Coast Herald", ["The lower valley was flooded within hours after the Varno dam sluices failed."]),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


@pytest.mark.parametrize(
    ("text", "figures", "years"),
    [
        ("police said 1,100 people were killed in 2011", {"1100"}, {"2011"}),
        ("six people died on january 14 and 3 million fled", {"6", "3e+06"}, set()),
        # an age is a figure: "a 3-year-old" and "a 51-year-old" are not one person
        ("a 51-year-old man and no one else", {"51"}, set()),
        ("twenty-five students and ten teachers", {"25", "10"}, set()),
        # a figure counting time keeps its unit: a duration is not a count of people
        ("nearly 30 years ago 30 more people died in three days", {"30 year", "30", "3 day"}, set()),
        # wire and British styles of the same amounts: "$20bn" is "$20 billion", "89m" is "89 million",
        # "a million" and "one million" are "1 million"
        ("a $20bn fund, 89m gallons and 1.5 m barrels", {"2e+10", "8.9e+07", "1.5e+06"}, set()),
        ("about one million died and a million fled, three million in all", {"1e+06", "3e+06"}, set()),
        # a range of two numbers is two figures; a unit of time after a hyphen is a duration
        ("a 60-70% chance within a 48-hour test", {"60", "70", "48 hour"}, set()),
        # but a number in a compound is no figure, nor are the days of a span or an ISO date
        ("f-16 jets, covid-19 cases and a 57-nation group", set(), set()),
        ("done between 20 and 27 july, or july 20-27, or on 2010-07-20", set(), set()),
    ],
)
def test_figures_are_normalised_and_dates_are_not_figures(text, figures, years):
    found, found_years = _figures(text)
    assert set(found) == figures and set(found_years) == years


def test_a_denial_never_backs_an_assertion():
    claims = _claims(
        {
            "a1": ("Valley Post", ["Engineers found cracks in the Varno dam wall after the flooding, officials said."]),
            "a2": (
                "Coast Herald",
                ["Engineers found no cracks in the Varno dam wall after the flooding, officials said."],
            ),
        }
    )
    assert not [c.text for c in claims if c.status == "agreed"]


def test_an_agreed_claim_shows_a_sentence_its_sources_state():
    # the long sentence runs two facts together; the other outlet states the first only: the claim
    # is shown by the sentence both state, not by the long one
    long = (
        "Minister Oda Renn closed the Varno dam sluices on Monday, while farmers downstream counted "
        "their drowned cattle and ruined orchards after the storm."
    )
    short = "On Monday minister Renn closed the Varno dam sluices."
    claims = _claims({"a1": ("Valley Post", [long]), "a2": ("Coast Herald", [short])})
    agreed = [c for c in claims if c.status == "agreed"]
    assert [c.text for c in agreed] == [short]


def test_people_of_different_ages_are_not_one_fact():
    claims = _claims(
        {
            "a1": (
                "Valley Post",
                ["It said a 3-year-old who had recently returned from the Varno valley had the fever."],
            ),
            "a2": (
                "Coast Herald",
                [
                    "In Ostmark, a 51-year-old woman who had recently returned from the Varno valley was confirmed "
                    "as the country's first case, the Ostmark news agency reported."
                ],
            ),
        }
    )
    assert not [c.text for c in claims if c.status == "agreed"]


def test_a_cut_off_sentence_is_never_shown_as_an_agreed_claim():
    claims = _claims(
        {
            "a1": ("Valley Post", ["A flood in the valley and a failure of the Varno dam..."]),
            "a2": ("Coast Herald", ["Engineers fear a failure of the Varno dam and a flood in the valley."]),
        }
    )
    assert all(not c.text.endswith("...") for c in claims if c.status == "agreed")


def test_a_duration_never_backs_a_count_of_the_same_number():
    # the crackdown, the killing and the number are shared, but "30 years ago" is no count of the dead
    claims = _claims(
        {
            "a1": ("Valley Post", ["Police continued the crackdown in Tallor, and nearly 30 more people were killed."]),
            "a2": (
                "Coast Herald",
                ["Tallor saw a police crackdown nearly 30 years ago in which many people were killed."],
            ),
        }
    )
    assert not [c.text for c in claims if c.status != "single_source"]


def test_a_count_and_a_duration_are_not_different_figures_of_one_fact():
    # "six months" counts time, "15" counts committees: two figures of different things, so the
    # sentences are no disputed pair held to a near paraphrase, and may agree
    claims = _claims(
        {
            "a1": (
                "Valley Post",
                ["Renn said the operator must repay the wages of workers laid off during the shutdown of six months."],
            ),
            "a2": (
                "Coast Herald",
                [
                    "As many as 15 committees are looking into the flood, and at one of the hearings in the capital, "
                    "held after farmers blocked roads to the lower valley, Renn said the operator must repay the "
                    "wages of workers laid off."
                ],
            ),
        }
    )
    assert _with(claims, "shutdown of six months").status == "agreed"


def test_a_claim_stating_a_count_is_backed_only_by_sentences_stating_a_count():
    """ "The fire broke out at the mill on Friday" does not state that it killed 14 workers: the claim
    the two outlets agree on is the sentence without the count, never the one with it."""
    claims = _claims(
        {
            "a1": ("Valley Post", ["The fire at the Dorn paper mill killed 14 workers on Friday, officials said."]),
            "a2": ("Coast Herald", ["The fire at the Dorn paper mill broke out on Friday, officials said."]),
        }
    )
    assert not [c.text for c in claims if c.status == "agreed" and "14" in c.text]
    claims = _claims(
        {
            "a1": ("Valley Post", ["The fire at the Dorn paper mill killed 14 workers on Friday, officials said."]),
            "a2": ("Coast Herald", ["Fourteen workers were killed on Friday by the fire at the Dorn paper mill."]),
        }
    )
    assert _with(claims, "killed 14 workers").status == "agreed"


def test_a_fact_box_run_together_is_no_claim():
    # two outlets print the same list of dates as one 90-word "sentence": no single statement to agree on
    box = " ".join(
        f"{day} May: the Varno council votes on sluice plan number {day} and the dam board answers it"
        for day in range(1, 7)
    )
    claims = _claims({"a1": ("Valley Post", [box + "."]), "a2": ("Coast Herald", [box + "."])})
    assert not [c for c in claims if any(s.text.startswith("1 May") for s in c.sentences)]


def test_opposite_changes_never_agree():
    # the same topic words, opposite predicates: "stopped" is not backed by "restarted"
    claims = _claims(
        {
            "a1": ("Valley Post", ["Work on the second relief channel at the Varno dam had already been stopped."]),
            "a2": ("Coast Herald", ["Work on the second relief channel at the Varno dam has restarted."]),
        }
    )
    assert not [c.text for c in claims if c.status == "agreed"]


def test_one_outlets_claim_cites_only_the_sentences_that_state_it():
    # one outlet, one subject (the dam, the sluices, the minister), two facts: the claim of the
    # closing cites its two tellings, not the sentence about the farmers that shares the subject
    claims = _claims(
        {
            "a1": (
                "Valley Post",
                [
                    "Minister Oda Renn closed the Varno dam sluices on Monday to stop the flooding.",
                    "The closed sluices left farmers in the Varno valley without water, minister Renn said.",
                ],
            ),
            "a2": ("Valley Post", ["On Monday minister Renn ordered the Varno dam sluices closed to stop flooding."]),
        }
    )
    closing = _with(claims, "Oda Renn closed")
    assert sorted(s.text[:20] for s in closing.sentences) == ["Minister Oda Renn cl", "On Monday minister R"]
    farmers = _with(claims, "without water")
    assert farmers is not closing and len(farmers.sentences) == 1


def test_two_topic_words_and_nothing_named_in_common_do_not_make_an_agreement():
    from newsfuse.crosscheck.claims import FactBag, supports

    # '"The regime should meet the demands of its people"' / 'the release of prisoners is among the
    # demands of the league, which is due to meet again': "meet" and "demand" in two senses
    quote = FactBag(
        words=frozenset({"regim", "meet", "demand", "peopl"}),
        names=frozenset(),
        figures=frozenset(),
        days=frozenset(),
        years=frozenset(),
    )
    other = FactBag(
        words=frozenset({"releas", "prison", "demand", "meet", "due", "again"}),
        names=frozenset(),
        figures=frozenset(),
        days=frozenset(),
        years=frozenset(),
    )
    assert not supports(quote, other, {}, 0.5)
    # a name in common, or a third shared word, and the same pair may agree
    named = FactBag(
        words=quote.words, names=frozenset({"leagu"}), figures=frozenset(), days=frozenset(), years=frozenset()
    )
    named_other = FactBag(
        words=other.words, names=frozenset({"leagu"}), figures=frozenset(), days=frozenset(), years=frozenset()
    )
    assert supports(named, named_other, {}, 0.5)
    third = FactBag(
        words=other.words | {"peopl"}, names=frozenset(), figures=frozenset(), days=frozenset(), years=frozenset()
    )
    assert supports(quote, third, {}, 0.5)


def test_a_hyphenated_word_is_one_shared_word():
    """ "anti-government demonstrations" and "anti-government demonstrators" share two words, not three:
    with nothing named in common that is the story's topic, not one fact."""
    from newsfuse.crosscheck.claims import FactBag, supports

    def bag(words: set[str] | frozenset[str], prefixes: set[str]) -> FactBag:
        empty: frozenset[str] = frozenset()
        return FactBag(frozenset(words), empty, empty, empty, empty, False, frozenset(prefixes))

    focus = bag({"citi", "focus", "anti", "govern", "demonstr"}, {"anti"})
    protest = bag({"protest", "ongo", "crackdown", "anti", "govern", "demonstr"}, {"anti"})
    assert not supports(focus, protest, {}, 0.3)
    # the same words written apart are three
    assert supports(bag(focus.words, set()), bag(protest.words, set()), {}, 0.3)


def test_a_sentence_naming_only_the_counted_group_does_not_back_what_is_said_of_it():
    """ "The 14 missing miners came from three valley towns" names the group of "Fourteen miners are
    still missing and presumed dead"; it does not say they are (all it shares is the figure and the
    words the figure counts), so it is no source of that claim; "14 miners were missing" is."""
    claims = _claims(
        {
            "a1": ("Valley Post", ["Fourteen miners are still missing and presumed dead."]),
            "a2": ("Coast Herald", ["The 14 missing miners came from three valley towns."]),
            "a3": ("River Times", ["A lawsuit was filed against the mine owner on behalf of the 14 missing miners."]),
        }
    )
    assert not [c.text for c in claims if c.status == "agreed"]
    claims = _claims(
        {
            "a1": ("Valley Post", ["Fourteen miners are still missing and presumed dead."]),
            "a2": ("Coast Herald", ["The 14 missing miners came from three valley towns."]),
            "a3": ("River Times", ["Fourteen miners were missing and presumed dead after the blast at the mine."]),
        }
    )
    claim = _with(claims, "Fourteen miners are still missing")
    assert claim.status == "agreed"
    assert claim.outlets == ["River Times", "Valley Post"]


def test_a_claim_is_shown_by_a_sentence_that_names_its_subject() -> None:
    """Of two centres backed by as many sources, the one with fewer reading faults wins even when the
    other is backed by more sentences: "It has lost …" names nothing shown alone."""
    from newsfuse.crosscheck.claims import agreed_stars

    paras = {
        "a1": ("Valley Post", ["Its shares have lost about a third of their value since the flood began."]),
        "a2": (
            "Coast Herald",
            [
                "Its shares have lost a third of their value since the flood began, dealers said.",
                "Its shares are down a third on the month, traders said.",
            ],
        ),
        "a3": ("River Times", ["Kelbrook Power shares have lost about a third of their value since the flood began."]),
    }
    by_id: dict[str, Article] = {aid: article(aid, outlet, texts) for aid, (outlet, texts) in paras.items()}
    sents = story_sentences(list(by_id), by_id)
    index = build_entities(sents, lambda aid: by_id[aid].outlet or aid)
    opts = Options().crosscheck
    space = claim_space(sents, index, opts, CachedStemmer())
    row = {(s.article, s.index): n for n, s in enumerate(space.sents)}
    a1, a2, a2b, a3 = row[("a1", 0)], row[("a2", 0)], row[("a2", 1)], row[("a3", 0)]
    # three sources back each centre; the pronoun one by more sentences
    backed = {a1: [a2, a2b, a3], a3: [a1, a2]}
    stars = agreed_stars(space, by_id, opts, backed=backed)
    assert space.sents[stars[0][0]].article == "a3"


def test_a_pronoun_opening_a_quote_is_no_reading_fault() -> None:
    from newsfuse.crosscheck.claims import _faults

    # "it" of the quoted words is the speaker's; outside a quote it points back at something unnamed
    assert _faults('"It appears that the board chose risky procedures," their letter said.') == 0
    assert _faults("It appears that the board chose risky procedures.") == 1
    # a bare connective stays a fault, quoted or not
    assert _faults('"And we will rebuild the dam," the mayor said.') == 1
