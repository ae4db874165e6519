"""Tests for the concept-coverage selector (summary/coverage.py) on small invented stories."""

from __future__ import annotations

import numpy as np

from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.summary import build_candidates, summarize_story
from newsfuse.summary.coverage import ConceptTable, bigrams, concept_table, greedy, pick_by_coverage, solve_ilp
from newsfuse.summary.scoring import score_candidates


def art(aid: str, outlet: str, paras: list[str], date: str) -> Article:
    a = Article(id=aid, origin=aid, paragraphs=make_paragraphs(paras), outlet=outlet)
    a.published = PublishedDate(value=date, source="input", confidence=1.0)
    return a


FIRE = "A fire destroyed the grain warehouse at Karsby harbour on Sunday night"
PORT = "The port authority closed the harbour to shipping until Wednesday"
MAYOR = "Mayor Odile Presk opened an emergency shelter at the Karsby town hall"


def harbour_story() -> tuple[Story, dict[str, Article]]:
    """Four outlets report a harbour fire in the invented town of Karsby.  Every outlet states the
    fire, three the port closure, two the mayor's shelter; each adds a detail no other reports,
    one an opinion and one a sentence opening on a bare "It"."""
    arts = [
        art(
            "k1",
            "karsby-post",
            [
                f"{FIRE}, firefighters said.",
                f"{PORT}, officials said.",
                "The warehouse had been built by a fishing cooperative in 1931 and was sold twice since.",
                "We think the harbour board has ignored every warning about the old wiring for years.",
            ],
            "2031-05-05",
        ),
        art(
            "k2",
            "harbour-news",
            [
                f"{FIRE}, and no one was hurt.",
                f"{PORT} while divers inspect the quay.",
                f"{MAYOR} for the night-shift workers.",
                "A choir from the neighbouring village sang at the harbour festival last summer.",
            ],
            "2031-05-05",
        ),
        art(
            "k3",
            "coast-radio",
            [
                f"{FIRE} and smoke covered the old town.",
                f"{MAYOR} on Monday.",
                "It spread to two boats moored at the quay before crews brought it under control.",
                "The local football club postponed its Saturday match against a rival from the valley.",
            ],
            "2031-05-06",
        ),
        art(
            "k4",
            "valley-courier",
            [
                f"{FIRE}, according to the fire brigade.",
                f"{PORT}, the authority said in a statement.",
                "A bakery on the seafront has added a new rye loaf to its menu this spring season.",
            ],
            "2031-05-06",
        ),
    ]
    by_id = {a.id: a for a in arts}
    return Story(id="karsby", articles=list(by_id)), by_id


def test_bigrams_skip_pairs_of_stopwords() -> None:
    grams = bigrams("The fire at the harbour was put out")
    assert ("fire", "at") in grams and ("harbour", "was") in grams
    assert ("at", "the") not in grams and ("was", "put") in grams


def test_concepts_are_weighted_by_independent_sources() -> None:
    story, by_id = harbour_story()
    cands = build_candidates(story, by_id)
    vectors = score_candidates(cands, by_id)
    table = concept_table(cands, vectors, 60)
    weights = {w for w in table.weights.tolist()}
    assert weights <= {3.0, 4.0}  # a concept needs three sources; four outlets at most
    # a detail only one outlet gives is no concept at all
    bakery = next(i for i, c in enumerate(cands) if "bakery" in c.text)
    assert bakery not in table.pool or not table.rows[table.pool.index(bakery)]
    # unusable sentences (opinion, dangling "It") are never in the pool
    assert all(cands[j].usable for j in table.pool)


def test_selection_covers_what_most_sources_say_without_repeats() -> None:
    story, by_id = harbour_story()
    cands = build_candidates(story, by_id)
    vectors = score_candidates(cands, by_id)
    picked = pick_by_coverage(cands, vectors, 45)
    assert picked is not None
    texts = [cands[i].text for i in picked]
    assert sum(cands[i].n_words for i in picked) <= 45
    assert sum("fire destroyed" in t for t in texts) == 1  # the fire, once
    assert sum("closed the harbour" in t for t in texts) == 1  # then the closure three outlets report
    assert not any("bakery" in t or "choir" in t or "football" in t for t in texts)


def test_too_few_sources_leaves_the_choice_to_mmr() -> None:
    story, by_id = harbour_story()
    two = Story(id="two", articles=story.articles[:2])
    cands = build_candidates(two, by_id)
    assert pick_by_coverage(cands, score_candidates(cands, by_id), 100) is None


def test_exact_solution_beats_greedy_on_a_knapsack_trap() -> None:
    # Budget 10 words.  Sentence 0 (6 words) covers concepts worth 7: best gain per length, so greedy
    # takes it and nothing else fits; sentences 1 and 2 (5 words each) together cover 10.
    table = ConceptTable(
        pool=[10, 11, 12],
        rows=[[0, 1], [2], [3]],
        weights=np.array([4.0, 3.0, 5.0, 5.0]),
        lengths=np.array([6.0, 5.0, 5.0]),
        bonus=np.zeros(3),
        repeats=[],
    )
    assert greedy(table, 10) == [0]
    assert sorted(solve_ilp(table, 10) or []) == [1, 2]
    assert solve_ilp(table, 4) == []  # nothing fits
    # two sentences saying the same are never both taken
    table.repeats = [(1, 2)]
    assert len(solve_ilp(table, 10) or []) == 1 and not {1, 2} <= set(greedy(table, 20))


def test_summary_of_a_multi_source_story_is_cited_and_in_date_order() -> None:
    story, by_id = harbour_story()
    summarize_story(story, by_id, Options())
    assert story.summary
    assert sum(len(s.text.split()) for s in story.summary) <= Options().summary.summary_words
    fire = next(s for s in story.summary if "fire destroyed" in s.text)
    assert fire.independent_sources == 4 and {s.article for s in fire.sources} == {"k1", "k2", "k3", "k4"}
    joined = " ".join(s.text for s in story.summary)
    assert "We think" not in joined and not any(s.text.startswith("It ") for s in story.summary)
    # the first source is the sentence's own article: the summary runs in its date order
    dates = [by_id[s.sources[0].article].date or "" for s in story.summary]
    assert dates == sorted(dates)


def test_a_search_stopped_by_its_node_limit_still_picks_and_picks_the_same(monkeypatch) -> None:
    # a programme with many near-equal choices; stopped after one node (the machine's load plays no
    # part), the solver still returns a selection within the budget, the same on every call
    import newsfuse.summary.coverage as coverage

    rng = np.random.default_rng(7)
    m, k = 40, 120
    rows = [sorted(set(rng.integers(0, k, size=8).tolist())) for _ in range(m)]
    table = ConceptTable(
        pool=list(range(m)),
        rows=rows,
        weights=rng.integers(1, 4, size=k).astype(float),
        lengths=rng.integers(8, 30, size=m).astype(float),
        bonus=np.zeros(m),
        repeats=[],
    )
    monkeypatch.setattr(coverage, "NODE_LIMIT", 1)
    first = solve_ilp(table, 100)
    assert first is not None and 0 < sum(table.lengths[j] for j in first) <= 100
    assert all(solve_ilp(table, 100) == first for _ in range(3))
