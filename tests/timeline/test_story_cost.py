"""Bounded cost of a story's timeline: the matrix merge equals the pairwise rule it replaced, and a
huge story is cut with a note instead of taking minutes."""

import random
import time

from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.timeline import story as story_mod
from newsfuse.timeline import story_timeline
from newsfuse.timeline.story import MERGE_OVERLAP, Words, _group_bucket, _Similarities, similarity

_VOCAB = [
    "Portvale",
    "Mayor",
    "Elna",
    "Drax",
    "dock",
    "workers",
    "strike",
    "wages",
    "talks",
    "union",
    "council",
    "harbour",
    "ferry",
    "crane",
    "signed",
    "walked",
    "vote",
    "budget",
    "repairs",
    "bridge",
    "closed",
    "met",
]


def _reference_groups(ws: list[Words]) -> list[list[int]]:
    """The pairwise rule as it was written before the matrix version (each member against every earlier one)."""
    groups: list[list[int]] = []
    for i, w in enumerate(ws):
        best, best_sim = None, 0.0
        for g in groups:
            sim = max(similarity(w, ws[j]) for j in g)
            if sim > best_sim:
                best, best_sim = g, sim
        if best is None or best_sim < MERGE_OVERLAP:
            best = []
            groups.append(best)
        best.append(i)
    return groups


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(2, 9))) + "."


def test_matrix_merge_equals_pairwise_rule() -> None:
    rng = random.Random(3)
    for _ in range(30):
        ws = [Words(_sentence(rng)) for _ in range(rng.randint(1, 60))]
        sims = _Similarities(ws)
        assert _group_bucket(sims, len(ws)) == _reference_groups(ws)
        block = sims.block(slice(0, len(ws)), slice(0, len(ws)))
        for i in range(len(ws)):
            for j in range(len(ws)):
                assert block[i, j] == similarity(ws[i], ws[j])


def test_matrix_merge_blocks_give_the_same_groups(monkeypatch) -> None:
    rng = random.Random(5)
    ws = [Words(_sentence(rng)) for _ in range(150)]
    monkeypatch.setattr(story_mod, "_BLOCK_ROWS", 7)
    assert _group_bucket(_Similarities(ws), len(ws)) == _reference_groups(ws)


def test_small_buckets_pair_by_pair_equal_the_sparse_products(monkeypatch) -> None:
    rng = random.Random(8)
    buckets = [[Words(_sentence(rng)) for _ in range(rng.randint(1, story_mod._SMALL_BUCKET))] for _ in range(20)]
    dense = [_Similarities(ws) for ws in buckets]
    monkeypatch.setattr(story_mod, "_SMALL_BUCKET", 0)
    for ws, small in zip(buckets, dense, strict=True):
        big = _Similarities(ws)
        assert small.dense is not None and big.dense is None
        idx = sorted(rng.sample(range(len(ws)), k=max(1, len(ws) // 2)))
        for rows, cols in ((slice(0, len(ws)), slice(0, len(ws))), (idx, idx), (slice(0, 1), idx)):
            assert (small.block(rows, cols) == big.block(rows, cols)).all()
        assert _group_bucket(small, len(ws)) == _group_bucket(big, len(ws))


def _huge_story(n: int) -> tuple[Story, dict[str, Article]]:
    rng = random.Random(11)
    paras = [f"{_sentence(rng)[:-1]} on Monday." for _ in range(n)]
    art = Article(
        id="big",
        origin="test/big",
        outlet="Portvale Post",
        paragraphs=make_paragraphs(paras),
        published=PublishedDate("2021-03-03", "input", 1.0),
    )
    return Story(id="s1", articles=["big"], outlets=["Portvale Post"]), {"big": art}


def test_huge_story_is_capped_with_a_note(monkeypatch) -> None:
    monkeypatch.setattr(story_mod, "MAX_TIMELINE_SENTENCES", 300)
    story, by_id = _huge_story(1000)
    events = story_timeline(story, by_id, Options())
    assert events
    cited = {s.paragraph for e in events for s in e.sources}
    assert cited <= {f"p{i}" for i in range(1, 301)}  # the article's leading dated sentences
    assert any("1000 dated sentences" in n and "first 300" in n for n in story.notes), story.notes


def test_many_sentences_on_one_date_stay_fast() -> None:
    story, by_id = _huge_story(6000)  # beyond the cap: 6,000 sentences all on one day
    t0 = time.process_time()
    story_timeline(story, by_id, Options())
    # The pairwise merge took minutes here; the capped matrix merge takes a few seconds at most.
    assert time.process_time() - t0 < 20
    assert any("timeline: 6000 dated sentences" in n for n in story.notes)
