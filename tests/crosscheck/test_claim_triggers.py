"""Event triggers in claim grouping (invented sentences about fictional places; no real text)."""

from __future__ import annotations

import pytest

from newsfuse.crosscheck.claims import (
    EventWords,
    Featurizer,
    build_claims,
    claim_space,
    group_sentences,
    linked_pairs,
    story_triggers,
)
from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.sentences import Sent, story_sentences
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.options import CrossCheckOptions, Options

from .conftest import article


def _sent(aid: str, i: int, text: str) -> Sent:
    return Sent(article=aid, paragraph=f"p{i + 1}", index=i, text=text, outlet=aid, source=aid)


def _triggers(texts: list[tuple[str, str]]) -> list[str | None]:
    sents = [_sent(aid, i, t) for i, (aid, t) in enumerate(texts)]
    fz = Featurizer(None, 0.8)
    scans = [fz.scan(s) for s in sents]
    words = [w for w, _ in scans]
    found = story_triggers(words, [s.source for s in sents], EventWords(words, fz.stem), [m for _, m in scans])
    return [None if f is None else f[0] for f in found]


def _space(by_id, options: CrossCheckOptions | None = None):
    opts = options or Options().crosscheck
    sents = story_sentences(list(by_id), by_id)
    index = build_entities(sents, lambda aid: by_id[aid].outlet or aid)
    return claim_space(sents, index, opts, CachedStemmer()), opts


def _claim_of(claims, words: list[str]):
    hits = [c for c in claims if any(all(w in s.text for w in words) for s in c.sentences)]
    assert len(hits) == 1, hits
    return hits[0]


def test_trigger_is_the_first_event_word_another_source_uses() -> None:
    trig = _triggers(
        [
            ("a", "Volunteers served soup to families driven out by the Orvena flood."),
            ("b", "The flood swept away two footbridges near Orvena."),
            ("c", "Officials said the flood closed the river road for a day."),
        ]
    )
    # "served" is an event word only article a uses; "said" is a speech verb: the flood decides
    assert trig == ["flood", "flood", "flood"]


def test_irregular_forms_synonyms_compounds_and_title_case_meet() -> None:
    trig = _triggers(
        [
            ("a", "Gunmen struck the Pellin barracks overnight."),
            ("b", "Gunmen strike the Pellin barracks again."),
            ("a", "Two fishermen were killed off Pellin."),
            ("b", "Two Fishermen Dead Off Pellin"),  # Title Case: every word looks like a name
            ("a", "The earthquake cut power in Pellin."),
            ("b", "Another quake hit Pellin on Sunday."),
        ]
    )
    assert trig[0] == trig[1] == "strike"
    assert trig[2] == trig[3] is not None  # "killed" and "dead" are one event class
    assert trig[4] == trig[5] == "quak"  # "earthquake" ends in the story's "quake"


def test_event_word_of_one_source_only_is_no_trigger() -> None:
    trig = _triggers([("a", "Engineers repaired the Tavro dam gates."), ("b", "The Tavro dam holds back the river.")])
    assert trig == [None, None]


def test_same_trigger_links_sentences_worded_apart() -> None:
    by_id = {
        "a1": article(
            "a1", "Valley Post", ["The rebels killed three guards at the Marlow grain depot on Friday night."]
        ),
        "a2": article(
            "a2", "Coast Herald", ["Two depot sentries died in an assault on the grain store outside Marlow."]
        ),
    }
    space, opts = _space(by_id)
    assert space.triggers[0] == space.triggers[1] is not None
    assert space.sim(space.sents[0], space.sents[1]) < opts.claim_threshold  # the words alone would not link them
    assert group_sentences(space, opts) == [[0, 1]]  # one subject ...
    # ... but not one agreed fact: they count different numbers of dead (three and two), so each is
    # shown as its outlet's own claim (and the figures are for conflicts to weigh)
    claims = build_claims(space, by_id, opts)
    assert [c.status for c in claims] == ["single_source", "single_source"]


def test_same_trigger_alone_does_not_link() -> None:
    by_id = {
        "a1": article("a1", "Valley Post", ["Protesters blocked the northern highway into Marlow."]),
        "a2": article("a2", "Coast Herald", ["Snowdrifts blocked a mountain pass in distant Ostrel."]),
    }
    space, opts = _space(by_id)
    assert space.triggers[0] == space.triggers[1] is not None
    assert linked_pairs(space, opts).nnz == 0  # nothing in common besides "blocked"


def test_different_triggers_need_near_copies() -> None:
    by_id = {
        "a1": article(
            "a1",
            "Valley Post",
            ["Police arrested the Marlow depot manager on Friday.", "The Marlow depot manager resigned on Friday."],
        ),
        "a2": article(
            "a2",
            "Coast Herald",
            ["Officers arrested a clerk in the capital.", "The mayor of Ostrel resigned this week."],
        ),
    }
    space, opts = _space(by_id)
    a, b = space.sents[0], space.sents[1]
    assert {space.triggers[0], space.triggers[1]} == {"arrest", "resign"}
    assert space.sim(a, b) >= opts.claim_threshold  # the words alone would link them ...
    assert linked_pairs(space, opts)[0, 1] == 0  # ... but they report two facts
    relaxed = Options().crosscheck
    relaxed.claim_distinct_threshold = opts.claim_threshold
    assert linked_pairs(space, relaxed)[0, 1] == 1


@pytest.mark.parametrize("name", ["claim_trigger_threshold", "claim_distinct_threshold"])
def test_trigger_thresholds_are_checked(two_outlets, name) -> None:
    opts = Options().crosscheck
    setattr(opts, name, 0.0)
    sents = story_sentences(list(two_outlets), two_outlets)
    with pytest.raises(ValueError, match=name):
        claim_space(sents, None, opts)


def test_adverbs_and_causative_verbs_are_no_triggers() -> None:
    trig = _triggers(
        [
            ("a", "Tram services were severely disrupted across Ostrel."),
            ("b", "Tram services were severely disrupted in northern Ostrel."),
            ("a", "A digger caused the stoppage when it severed a power main."),
            ("b", "Roadworks caused a stoppage after a crew severed two power mains."),
        ]
    )
    # "severely" stems like "severed", "caused" only carries the stoppage: the events come after them
    assert trig == ["disrupt", "disrupt", "sever", "sever"]


def test_claim_is_shown_by_a_sentence_that_reads_on_its_own() -> None:
    from newsfuse.crosscheck.claims import _faults

    assert _faults("The Marlow depot reopened on Monday, the council said.") == 0
    assert _faults("But they reopened the Marlow depot on Monday.") == 1
    assert _faults('"We will reopen the depot," he said.') == 1
    assert _faults("He asked whether the depot would reopen?") == 2
    by_id = {
        "a1": article("a1", "Valley Post", ['"We will reopen the Marlow grain depot on Monday," he said.']),
        "a2": article("a2", "Coast Herald", ["Mayor Oren Talvik said the Marlow grain depot would reopen on Monday."]),
    }
    space, opts = _space(by_id)
    claims = build_claims(space, by_id, opts)
    (claim,) = [c for c in claims if len(c.sentences) == 2]
    assert claim.text.startswith("Mayor Oren Talvik")


def test_modifiers_and_fronted_adverbials_are_no_triggers() -> None:
    trig = _triggers(
        [
            ("a", "The Dorsk-sponsored accord was signed by Velan on the river barge."),
            ("b", "Velan signed the river accord sponsored by Dorsk."),
            ("a", "After hours of fighting near Ustra, the militia surrendered the bridge."),
            ("b", "The militia surrendered the Ustra bridge after a night of fighting."),
        ]
    )
    # "sponsored" inside "Dorsk-sponsored" describes the accord; the fact is the signing
    assert trig[0] == trig[1] == "sign"
    # the scene "After hours of fighting near Ustra," is not what the first sentence reports
    assert trig[2] == trig[3] == "surrend"


def test_an_irregular_form_makes_its_other_forms_verbs() -> None:
    trig = _triggers(
        [
            ("a", "Marshal Obrin left Tesk without a deal."),
            ("b", "Obrin Leaves Tesk Without Deal"),  # a Title Case headline: "Leaves" is the only verb
        ]
    )
    assert trig[0] == trig[1] == "leav"


def test_possessives_numbers_and_shared_days_in_the_features() -> None:
    fz = Featurizer(None, 0.8)
    f = fz.features(_sent("a", 0, "Norvale's eight ministers met on Monday's session, March 3rd."))
    assert "norval" in f and not any(k.startswith("eight") for k in f)
    assert "@monday" in f and "@03-03" in f
    assert "@05-01" in fz.features(_sent("a", 1, "The vote was held on 1 May in Norvale."))
    assert not any(k.startswith("@") for k in fz.features(_sent("a", 2, "Prices may rise in Norvale.")))


def test_stative_verbs_are_no_triggers() -> None:
    trig = _triggers(
        [
            ("a", "Dorsk supported the Velan government and has shipped grain to Tesk."),
            ("b", "The Tesk militia supports the grain plan; Velan shipped more grain on Friday."),
        ]
    )
    # "supports" states a standing relation, not an event: the shipping decides
    assert trig[0] == trig[1] == "ship"
