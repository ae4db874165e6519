import pytest

from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Story
from newsfuse.options import Options


def _run(by_id, ids=None):
    story = Story(id="s", articles=list(ids or by_id))
    crosscheck_story(story, by_id, Options())
    return story


def _claim_with(story, words):
    hits = [c for c in story.claims if any(all(w in s.text for w in words) for s in c.sentences)]
    assert len(hits) == 1, [c.text for c in hits]
    return hits[0]


def test_fact_from_two_outlets_is_agreed(two_outlets) -> None:
    story = _run(two_outlets)
    claim = _claim_with(story, ["left Rennick", "without signing"])
    assert claim.status == "agreed"
    assert claim.outlets == ["Daily Ledger", "Morning Wire"]
    assert claim.independent_sources == 2
    assert {(s.article, s.paragraph) for s in claim.sentences} >= {("a1", "p1"), ("a2", "p1")}


def test_fact_from_one_outlet_is_single_source(two_outlets) -> None:
    story = _run(two_outlets)
    claim = _claim_with(story, ["glass bridge"])
    assert claim.status == "single_source"
    assert claim.independent_sources == 1
    assert claim.outlets == ["Morning Wire"]


def test_conflicting_figure_makes_claims_disputed(two_outlets) -> None:
    from newsfuse.model import PublishedDate

    # a death toll grows by the hour: two of them are compared only when both days are known
    assert [c for c in _run(two_outlets).conflicts if c.kind == "figure"] == []
    for art in two_outlets.values():
        art.published = PublishedDate(value="2031-03-14", source="input", confidence=0.95)
    story = _run(two_outlets)
    figures = [c for c in story.conflicts if c.kind == "figure"]
    assert len(figures) == 1
    values = {v.value: v.outlets for v in figures[0].values}
    assert values == {"300": ["Daily Ledger"], "450": ["Morning Wire"]}
    claim = _claim_with(story, ["people have been killed"])
    assert claim.status == "disputed"
    assert figures[0].id in claim.conflicts


def test_reprint_does_not_make_a_claim_agreed(with_reprint) -> None:
    story = _run(with_reprint)
    claim = _claim_with(story, ["left Rennick", "without signing"])
    assert len({s.article for s in claim.sentences}) == 2  # both copies grouped ...
    assert claim.independent_sources == 1  # ... but they are one source
    assert claim.status == "single_source"
    assert all(c.status != "agreed" for c in story.claims)
    assert any("no cross-check" in n for n in story.notes)


def test_one_article_story_gets_the_note_and_no_agreement(two_outlets) -> None:
    story = _run(two_outlets, ["a1"])
    assert story.claims and all(c.status == "single_source" for c in story.claims)
    assert not story.conflicts
    assert any("no cross-check possible" in n for n in story.notes)
    assert len(story.framing) == 1


def test_quote_in_two_translations_is_one_quote_with_its_speaker(two_outlets) -> None:
    story = _run(two_outlets)
    hits = [q for q in story.quotes if any("hesitate to punish" in v.text for v in q.variants)]
    assert len(hits) == 1
    quote = hits[0]
    assert quote.outlets == ["Daily Ledger", "Morning Wire"]
    assert quote.independent_sources == 2
    assert quote.speaker_name == "Lena Ostrova"
    ent = next(e for e in story.entities if e.id == quote.speaker)
    assert ent.name == "Lena Ostrova"


def test_empty_and_odd_stories_do_not_crash(two_outlets) -> None:
    from newsfuse.model import Article, make_paragraphs

    odd = Article(
        id="z",
        origin="z",
        outlet="Odd",
        paragraphs=make_paragraphs(['He said "this never closes', "“nor ‘this", "”", "'"]),
    )
    story = _run({"z": odd, **two_outlets}, ["z", "a1", "missing"])
    assert any("not found" in n for n in story.notes)
    story = _run({}, [])
    assert story.claims == [] and story.quotes == [] and story.entities == []
    assert story.to_dict()["notes"]


def test_bad_options_are_clear_errors(two_outlets) -> None:
    opts = Options()
    opts.crosscheck.claim_threshold = 0
    with pytest.raises(ValueError, match="claim_threshold"):
        crosscheck_story(Story(id="s", articles=["a1", "a2"]), two_outlets, opts)
    opts = Options()
    opts.crosscheck.claim_max_words = 3
    with pytest.raises(ValueError, match="claim_max_words"):
        crosscheck_story(Story(id="s", articles=["a1", "a2"]), two_outlets, opts)
    opts = Options()
    opts.crosscheck.claim_sentences_per_article = 0
    with pytest.raises(ValueError, match="claim_sentences_per_article"):
        crosscheck_story(Story(id="s", articles=["a1", "a2"]), two_outlets, opts)


def test_claims_read_each_articles_first_sentences_only(two_outlets) -> None:
    # the shared fact stated past an article's first sentences (a long page's tail: readers' posts,
    # live entries) does not make an agreed claim; quotes still read the whole article
    from .conftest import LEDGER, WIRE, article

    filler_a = [f"The Rennick archive lists item {n} of the harbour records as lost in the flood." for n in range(3)]
    filler_b = [f"Volunteers in Port Amsel counted crate {n} of donated blankets on the quay." for n in range(3)]
    by_id = {
        "a1": article("a1", "Daily Ledger", [*filler_a, *LEDGER]),
        "a2": article("a2", "Morning Wire", [*filler_b, *WIRE]),
    }
    opts = Options()
    opts.crosscheck.claim_sentences_per_article = 3
    story = Story(id="s", articles=["a1", "a2"])
    crosscheck_story(story, by_id, opts)
    assert not any("without signing" in s.text for c in story.claims for s in c.sentences)
    assert any("at most 3 of one article" in n for n in story.notes)
    assert any("punish" in q.text for q in story.quotes)
    story = _run(by_id)  # the default reads far enough
    assert _claim_with(story, ["left Rennick", "without signing"]).status == "agreed"


def test_shared_stemmer_gives_the_same_story(two_outlets, with_reprint) -> None:
    shared = CachedStemmer()
    for by_id in (two_outlets, with_reprint, two_outlets):  # the memo carries words over from the other story
        fresh = _run(by_id)
        story = Story(id="s", articles=list(by_id))
        crosscheck_story(story, by_id, Options(), stemmer=shared)
        assert story == fresh


def test_claims_of_a_very_large_story_use_each_articles_leading_sentences() -> None:
    from newsfuse.crosscheck import claim_sentences, crosscheck_story
    from newsfuse.crosscheck.sentences import Sent
    from newsfuse.model import Article, Story, make_paragraphs
    from newsfuse.options import Options

    sents = [
        Sent(article=f"a{a}", paragraph="p1", index=i, text=f"s{i}", outlet=None, source=f"a{a}")
        for a in range(3)
        for i in range(10)
    ]
    assert claim_sentences(sents, 100, 3) == sents
    cut = claim_sentences(sents, 10, 3)
    assert len(cut) == 9 and {s.index for s in cut} == {0, 1, 2}  # three leading sentences of each article
    assert [s.index for s in claim_sentences(sents, 2, 3)] == [0, 0]  # more articles than room: leads only
    try:
        claim_sentences(sents, 0, 3)
        raise AssertionError("a limit below 1 must be refused")
    except ValueError:
        pass

    arts = [
        Article(
            id=f"v{i}",
            origin=f"v{i}",
            outlet=f"Paper {i}",
            paragraphs=make_paragraphs(
                [
                    "The Velmar ferry sank near Port Amsel on Monday.",
                    "Rescuers saved forty passengers.",
                    "The harbour stayed closed.",
                ]
            ),
        )
        for i in range(4)
    ]
    by_id = {a.id: a for a in arts}
    options = Options()
    options.crosscheck.max_claim_sentences = 4
    story = Story(id="s", articles=list(by_id))
    crosscheck_story(story, by_id, options)
    assert any(n.startswith("claims: 12 sentences in 4 articles") for n in story.notes)
    assert {cs.text for c in story.claims for cs in c.sentences} == {"The Velmar ferry sank near Port Amsel on Monday."}


def test_each_claim_lists_the_story_outlets_that_do_not_report_it(two_outlets) -> None:
    story = _run(two_outlets)
    assert _claim_with(story, ["glass bridge"]).missing_outlets == ["Daily Ledger"]
    assert _claim_with(story, ["left Rennick", "without signing"]).missing_outlets == []
    for c in story.claims:
        assert set(c.missing_outlets) | set(c.outlets) == {"Daily Ledger", "Morning Wire"}
        assert not set(c.missing_outlets) & set(c.outlets)


def test_a_claim_is_shown_without_the_wire_dateline_of_its_lead() -> None:
    from .conftest import LEDGER, WIRE, article

    by_id = {
        "a1": article("a1", "Daily Ledger", [f"RENNICK (Reuters) - {LEDGER[0]}", *LEDGER[1:]]),
        "a2": article("a2", "Morning Wire", WIRE),
    }
    story = _run(by_id)
    claim = _claim_with(story, ["left Rennick", "without signing"])
    assert "(Reuters)" not in claim.text
    assert any(s.text.startswith("RENNICK (Reuters) - ") for s in claim.sentences)  # the evidence stays verbatim
