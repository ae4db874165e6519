from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.conflicts import find_dates, find_figures, find_weekdays
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Story, make_paragraphs
from newsfuse.options import Options


def article(aid, outlet, paras):
    return Article(id=aid, origin=aid, outlet=outlet, paragraphs=make_paragraphs(paras))


def test_value_finders():
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


def test_weekday_conflict_between_sources():
    story = _story(
        ["The rival delegations signed the prisoner exchange accord in Varna on Monday."],
        ["The rival delegations signed the prisoner exchange accord in Varna on Wednesday."],
    )
    kinds = {c.kind: c for c in story.conflicts}
    assert set(kinds) == {"weekday"}
    assert {v.value for v in kinds["weekday"].values} == {"Monday", "Wednesday"}
    assert all(c.status == "disputed" for c in story.claims if c.conflicts)
    assert any(c.status == "disputed" for c in story.claims)


def test_same_figure_is_agreement_not_conflict():
    story = _story(
        ["Floods displaced 4,000 families in the Orvel valley this week, the agency said."],
        ["Floods displaced 4,000 families in the Orvel valley this week, officials said."],
    )
    assert story.conflicts == []
    assert story.claims[0].status == "agreed"


def test_one_source_giving_two_values_is_no_conflict():
    story = _story(
        ["Floods displaced 4,000 families in the Orvel valley this week.", "Earlier floods displaced 900 families in the Orvel valley."],
        ["A new school opened in Kessel."],
    )
    assert story.conflicts == []


def test_figure_conflict_is_labelled_with_the_word_as_written():
    story = _story(
        ["About 1,200 residents of lower Orvel were evacuated on Monday, the council said."],
        ["About 1,500 residents of lower Orvel were evacuated on Monday, the council said."],
    )
    (conflict,) = [c for c in story.conflicts if c.kind == "figure"]
    assert conflict.subject.startswith("residents")
    assert {v.value for v in conflict.values} == {"1200", "1500"}
