from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.conflicts import find_dates, find_figures, find_weekdays
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Story, make_paragraphs
from newsfuse.options import Options


def article(aid, outlet, paras):
    return Article(id=aid, origin=aid, outlet=outlet, paragraphs=make_paragraphs(paras))


def test_value_finders() -> None:
    stem = CachedStemmer()
    figs = find_figures(0, "At least 1,200 people were killed and $3 million was pledged on January 14, 2020.", stem)
    assert {(f.noun, f.value) for f in figs} == {("people", 1200.0), ("money:$", 3_000_000.0)}
    assert {f.word for f in figs} == {"people", "money ($)"}
    assert find_dates("On January 14th and on 3 Feb. 2021 and Jan. 12") == {"01-14", "2021-02-03", "01-12"}
    assert find_weekdays("on Monday, not Tuesday") == {"Monday", "Tuesday"}


def _story(paras_a, paras_b, outlet_b="Paper B"):
    arts = [article("a", "Paper A", paras_a), article("b", outlet_b, paras_b)]
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=["a", "b"])
    crosscheck_story(story, by_id, Options())
    return story


def test_weekday_conflict_between_sources() -> None:
    story = _story(
        ["The rival delegations signed the prisoner exchange accord in Varna on Monday."],
        ["The rival delegations signed the prisoner exchange accord in Varna on Wednesday."],
    )
    kinds = {c.kind: c for c in story.conflicts}
    assert set(kinds) == {"weekday"}
    assert {v.value for v in kinds["weekday"].values} == {"Monday", "Wednesday"}
    assert all(c.status == "disputed" for c in story.claims if c.conflicts)
    assert any(c.status == "disputed" for c in story.claims)


def test_same_figure_is_agreement_not_conflict() -> None:
    story = _story(
        ["Floods displaced 4,000 families in the Orvel valley this week, the agency said."],
        ["Floods displaced 4,000 families in the Orvel valley this week, officials said."],
    )
    assert story.conflicts == []
    assert story.claims[0].status == "agreed"


def test_one_source_giving_two_values_is_no_conflict() -> None:
    story = _story(
        [
            "Floods displaced 4,000 families in the Orvel valley this week.",
            "Earlier floods displaced 900 families in the Orvel valley.",
        ],
        ["A new school opened in Kessel."],
    )
    assert story.conflicts == []


def test_figure_conflict_is_labelled_with_the_word_as_written() -> None:
    story = _story(
        ["About 1,200 residents of lower Orvel were evacuated on Monday, the council said."],
        ["About 1,500 residents of lower Orvel were evacuated on Monday, the council said."],
    )
    (conflict,) = [c for c in story.conflicts if c.kind == "figure"]
    assert conflict.subject.startswith("residents")
    assert {v.value for v in conflict.values} == {"1200", "1500"}


def _dated(aid, outlet, paras, day):
    from newsfuse.model import PublishedDate

    art = article(aid, outlet, paras)
    art.published = PublishedDate(value=day, source="input", confidence=0.95)
    return art


def _run(arts):
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=list(by_id))
    crosscheck_story(story, by_id, Options())
    return story


def test_figures_keep_every_statement_and_respect_hedges() -> None:
    story = _run(
        [
            article(
                "a",
                "Paper A",
                ["About 2,400 residents of lower Tesko were told to leave their homes after the levee cracked."],
            ),
            article(
                "b",
                "Paper B",
                ["The council put the number at about 2,400 residents from nine streets near the levee."],
            ),
            article("c", "Paper C", ["Nearly 3,100 people were evacuated from lower Tesko after the levee cracked."]),
            article(
                "d",
                "Paper D",
                ["At least 2,000 people were evacuated from lower Tesko, the council said of the levee."],
            ),
        ]
    )
    figures = [c for c in story.conflicts if c.kind == "figure"]
    assert len(figures) == 1
    values = {v.value: sorted(v.outlets) for v in figures[0].values}
    assert values["2400"] == ["Paper A", "Paper B"] and values["3100"] == ["Paper C"]


def test_hedged_figures_that_meet_are_no_conflict() -> None:
    stem = CachedStemmer()
    a = find_figures(0, "At least 1,300 civilians have been killed in Norvale, monitors say.", stem)[0]
    b = find_figures(1, "Some 1,400 civilians have been killed in Norvale, monitors say.", stem)[0]
    from newsfuse.crosscheck.conflicts import _disagree

    assert not _disagree(a, b)
    c = find_figures(2, "At least 1,600 civilians have been killed in Norvale, monitors say.", stem)[0]
    assert _disagree(a, c)  # two lower bounds: each outlet gives its own toll


def test_tolls_of_different_days_and_non_counts_are_no_conflict() -> None:
    story = _run(
        [
            _dated("a", "Paper A", ["Monitors said 40 people were killed in the Norvale clashes."], "2031-05-02"),
            _dated("b", "Paper B", ["Monitors said 75 people were killed in the Norvale clashes."], "2031-05-09"),
        ]
    )
    assert [c for c in story.conflicts if c.kind == "figure"] == []
    stem = CachedStemmer()
    assert (
        find_figures(0, "A 16-year-old boy and 7 km from the border, 26 were in Varna, dozens of people.", stem) == []
    )


def test_dates_and_names_are_normalised_before_comparing() -> None:
    story = _run(
        [
            article(
                "a", "Paper A", ["The U.N. envoy opened the Norvale water talks on June 11 with both delegations."]
            ),
            article(
                "b",
                "Paper B",
                ["The United Nations envoy opened the Norvale water talks on June 11, 2031 with both delegations."],
            ),
        ]
    )
    assert story.conflicts == []


def test_name_variants_are_one_actor() -> None:
    from newsfuse.crosscheck.conflicts import _merge_names

    merged = _merge_names(
        {"Barton": [1], "Joe Barton": [2], "BP": [3], "BP PLC": [4], "U.N": [5], "United Nations": [6], "Orlan": [7]}
    )
    assert merged == {"Joe Barton": [1, 2], "BP PLC": [3, 4], "United Nations": [5, 6], "Orlan": [7]}


def test_reports_of_a_series_are_no_day_conflict() -> None:
    story = _story(
        ["As of Tuesday, the 84th day of the Varna leak, 90 million litres had spilled into the bay."],
        ["As of Wednesday, the 85th day of the Varna leak, 92 million litres had spilled into the bay."],
    )
    assert [c for c in story.conflicts if c.kind in ("weekday", "date")] == []


def test_shares_are_no_counts() -> None:
    assert find_figures(0, "Ten percent blame the port, 73% blame the crew, two times more.", CachedStemmer()) == []


def test_example_corpus_keeps_its_evacuation_conflict_with_every_statement() -> None:
    from pathlib import Path

    from newsfuse.extract import extract_documents
    from newsfuse.model import RawDocument
    from newsfuse.readers import read_inputs

    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    docs = [i for i in read_inputs([str(corpus)], Options()) if isinstance(i, RawDocument)]
    arts = [a for a in extract_documents(docs, Options()) if isinstance(a, Article)]
    by_id = {a.id: a for a in arts}
    story = Story(id="s", articles=list(by_id))
    crosscheck_story(story, by_id, Options())
    figures = [c for c in story.conflicts if c.kind == "figure"]
    assert [{v.value for v in c.values} for c in figures] == [{"1200", "1500"}]
    assert sum(len(v.sources) for v in figures[0].values) == 6


def test_a_figure_told_with_its_change_is_no_conflict_with_another_days() -> None:
    """ "pumping 2,000 litres a day, up from 1,000" and next day "pumping 5,000 litres a day": the
    quantity moves, each report reads it on its own day; on the same day they conflict."""

    def run(day_b: str) -> list[object]:
        story = _run(
            [
                _dated(
                    "a",
                    "Paper A",
                    [
                        "The council said it was pumping 2,000 litres of water a day out of the Norvale mine, up from 1,000."
                    ],
                    "2031-05-02",
                ),
                _dated(
                    "b",
                    "Paper B",
                    ["The council said it was pumping 5,000 litres of water a day out of the Norvale mine."],
                    day_b,
                ),
            ]
        )
        return [c for c in story.conflicts if c.kind == "figure"]

    assert run("2031-05-03") == []
    assert len(run("2031-05-02")) == 1


def test_name_with_suffix_or_inside_a_longer_name_is_one_actor() -> None:
    from newsfuse.crosscheck.conflicts import _merge_names

    merged = _merge_names(
        {"Darin Kessel III": [1], "Kessel": [2], "The Daily Orvel Harbour Gazette": [3], "Orvel Harbour": [4]}
    )
    assert merged == {"Darin Kessel III": [1, 2], "The Daily Orvel Harbour Gazette": [3, 4]}
    # one word inside a longer name is not that name ("Harbour" of "Orvel Harbour Gazette" may be another body)
    assert _merge_names({"Orvel Harbour Gazette": [1], "Harbour": [2]}) == {
        "Orvel Harbour Gazette": [1],
        "Harbour": [2],
    }
    assert _merge_names({"Tomas Vell Jr.": [1], "Tomas Vell": [2]}) == {"Tomas Vell Jr.": [1, 2]}


def test_an_actor_in_a_subordinate_clause_is_not_who_the_sentence_is_about() -> None:
    from newsfuse.crosscheck.conflicts import sole_actor
    from newsfuse.crosscheck.entities import build_entities
    from newsfuse.crosscheck.sentences import story_sentences

    arts = [
        article("a", "Paper A", ["Mr Tomas Vell will likely die in the Norvale prison."]),
        article(
            "b",
            "Paper B",
            ["He will likely die in the Norvale prison after Judge Anna Lindqvist handed down the sentence."],
        ),
        article("c", "Paper C", ["While Mr Tomas Vell escaped the death penalty, he will likely die in prison."]),
    ]
    by_id = {a.id: a for a in arts}
    sents = story_sentences(list(by_id), by_id)
    index = build_entities(sents, lambda aid: by_id[aid].outlet or aid)
    actors = [sole_actor(s, index) for s in sents]
    assert actors[0] == index.resolve("Tomas Vell") is not None
    assert actors[1:] == [None, None]


def test_a_model_number_after_a_hyphen_is_no_count() -> None:
    figs = find_figures(
        0, "Marines seized 12 magazines and AK-47 assault rifles as F-16 jets flew over.", CachedStemmer()
    )
    assert [f.value for f in figs] == [12.0]


def test_a_name_after_a_preposition_is_not_who_acted() -> None:
    from newsfuse.crosscheck.conflicts import sole_actor
    from newsfuse.crosscheck.entities import build_entities
    from newsfuse.crosscheck.sentences import story_sentences

    arts = [
        article(
            "a",
            "Paper A",
            ["Seventeen new cases of fever at Kelbrook University have been confirmed by health officials."],
        ),
        article("b", "Paper B", ["The Valley Health Agency confirmed ninety new fever cases in the valley on Monday."]),
    ]
    by_id = {a.id: a for a in arts}
    sents = story_sentences(list(by_id), by_id)
    index = build_entities(sents, lambda aid: by_id[aid].outlet or aid)
    actors = [sole_actor(s, index) for s in sents]
    assert actors[0] is None
    assert actors[1] == index.resolve("Valley Health Agency") is not None
