import random
import re
from datetime import date
from pathlib import Path

import pytest
from story_fixtures import QUAKE_A, QUAKE_B, UNRELATED, article, event_reports, rotate

from newsfuse.model import CopyInfo, make_paragraphs
from newsfuse.options import Options
from newsfuse.stories.cluster import StoryIndex, cluster_stories
from newsfuse.stories.dedup import find_copies


def _groups(stories):
    return sorted(sorted(s.articles) for s in stories)


def _corpus():
    a = event_reports("qa", QUAKE_A, "Deadly quake in Valdoria", "2021-03-02")
    b = event_reports("qb", QUAKE_B, "Quake shakes Selkan island", "2021-03-05")
    c = [article("con", UNRELATED, title="Orchestra season", date="2021-03-03")]
    return a + b + c


def test_two_look_alike_events_are_two_stories() -> None:
    stories = cluster_stories(_corpus(), Options())
    groups = _groups(stories)
    assert ["qa0", "qa1", "qa2", "qa3"] in groups
    assert ["qb0", "qb1", "qb2", "qb3"] in groups
    assert ["con"] in groups


def test_result_is_independent_of_input_order() -> None:
    arts = _corpus()
    first = cluster_stories(arts, Options())
    for seed in range(4):
        shuffled = arts[:]
        random.Random(seed).shuffle(shuffled)
        again = cluster_stories(shuffled, Options())
        assert [(s.id, s.articles, s.title) for s in again] == [(s.id, s.articles, s.title) for s in first]


def test_story_fields() -> None:
    arts = _corpus()
    arts.append(article("wire-copy", QUAKE_A, date="2021-03-03", outlet="Reprinter"))
    arts.append(article("wire", QUAKE_A, date="2021-03-01", outlet="Wire"))
    find_copies(arts, Options())
    assert arts[-2].copy_of is not None and arts[-2].copy_of.of == "wire"
    stories = cluster_stories(arts, Options())
    (quake,) = [s for s in stories if "qa0" in s.articles]
    assert "wire" in quake.articles and "wire-copy" in quake.articles  # the copy joins its origin's story
    assert quake.first_date == "2021-03-01" and quake.last_date == "2021-03-03"
    assert "Reprinter" in quake.outlets and "Wire" in quake.outlets
    # the four "reports" reuse the wire's paragraphs (reordered, trimmed): all copies of one source
    assert all(x.copy_of is not None and x.copy_of.of == "wire" for x in arts if x.id.startswith("qa"))
    assert quake.independent_sources == 1
    assert quake.title.startswith("Deadly quake in Valdoria")
    assert re.fullmatch(r"s[0-9a-f]{11}", quake.id)


def test_empty_and_single_article_corpora() -> None:
    assert cluster_stories([], Options()) == []
    (only,) = cluster_stories([article("x", QUAKE_A, title="T")], Options())
    assert only.articles == ["x"] and only.title == "T" and only.notes


def test_bad_input_never_crashes() -> None:
    arts = [
        article("notext", []),
        article("future", QUAKE_A, date="2999-01-01"),
        article("ancient", QUAKE_A[1:], date="1850-05-05"),
        article("garbage-date", QUAKE_B, date="not a date"),
        article("undated", QUAKE_B[1:]),
        article("same-id", UNRELATED),
        article("same-id", UNRELATED),
    ]
    stories = cluster_stories(arts, Options())
    placed = sorted(i for s in stories for i in s.articles)
    assert placed == sorted({a.id for a in arts})
    (t,) = [s for s in stories if "notext" in s.articles]
    assert t.title == ""


def test_copy_whose_origin_is_missing_is_clustered_normally() -> None:
    a = article("c", QUAKE_A)
    a.copy_of = CopyInfo(of="gone", similarity=0.9, kind="near")
    (s,) = cluster_stories([a], Options())
    assert s.articles == ["c"]


def test_incremental_index_places_articles_one_at_a_time() -> None:
    index = StoryIndex(Options())
    ids = [index.add(a) for a in sorted(_corpus(), key=lambda a: a.date or "")]
    assert len(set(ids)) >= 2
    assert index.add(_corpus()[0]) == ids[[a.id for a in sorted(_corpus(), key=lambda a: a.date or "")].index("qa0")]
    assert sum(len(s.articles) for s in index.stories()) == len(ids)


def test_articles_beyond_the_time_window_start_a_new_story() -> None:
    opts = Options()
    opts.cluster.window_days = 7
    early = event_reports("e", QUAKE_A, "Quake", "2021-03-02", n=2)
    late = event_reports("l", QUAKE_A, "Quake", "2021-06-20", n=2)
    stories = cluster_stories(early + late, opts)
    assert _groups(stories) == [["e0", "e1"], ["l0", "l1"]]


def test_undated_articles_join_retired_stories() -> None:
    opts = Options()
    opts.cluster.window_days = 7
    early = event_reports("e", QUAKE_A, "Quake", "2021-03-02", n=2)
    later = [article("other", UNRELATED, date="2021-08-01")]
    undated = event_reports("u", QUAKE_A, "Quake", "", n=1)
    stories = cluster_stories(early + later + undated, opts)
    assert ["e0", "e1", "u0"] in _groups(stories)


def test_bad_options_raise() -> None:
    opts = Options()
    opts.cluster.join_threshold = 0
    with pytest.raises(ValueError, match="join_threshold"):
        cluster_stories([article("a", QUAKE_A)], opts)


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_articles_about_the_moscow_talks_form_one_story() -> None:
    from newsfuse.model import Article, article_id

    arts = []
    for p in sorted(SEEDS.glob("*.txt")):
        raw = p.read_text(encoding="utf-8")
        paras = [x.strip() for x in re.split(r"\n\s*\n", raw) if x.strip()]
        arts.append(
            Article(id=article_id(str(p), raw), origin=str(p), title=paras[0], paragraphs=make_paragraphs(paras[1:]))
        )
    moscow = {a.id for a in arts if "Moscow" in a.text}
    assert len(moscow) >= 3
    find_copies(arts, Options())
    stories = cluster_stories(arts, Options())
    assert any(moscow <= set(s.articles) for s in stories)


def test_incremental_index_can_refine_on_demand() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02") + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    index = StoryIndex(Options())
    for a in arts:
        index.add(a)
    refined = _groups(index.stories(refine=True))
    assert ["a0", "a1", "a2", "a3"] in refined and ["b0", "b1", "b2", "b3"] in refined


def _daily_reports(days: list[str]) -> list:
    """One report of the same long-running event per day (rotated paragraphs, own titles)."""
    out = []
    for k, day in enumerate(days):
        paras = QUAKE_A[k % len(QUAKE_A) :] + QUAKE_A[: k % len(QUAKE_A)]
        out.append(article(f"d{k}", paras, title=f"Valdoria quake, day report {k}", date=day, outlet=f"outlet{k}"))
    return out


def test_a_story_does_not_chain_along_in_time() -> None:
    # Reports every four days for four weeks: measured from the story's newest article each one
    # is within the window, so one story runs the whole month; measured from the story's mean
    # date, an article far from most of the story's members starts a new one.
    days = [f"2021-03-{d:02d}" for d in range(1, 29, 4)]
    opts = Options()
    opts.cluster.refine = False
    opts.cluster.time_gap = "range"
    assert len(cluster_stories(_daily_reports(days), opts)) == 1
    opts.cluster.time_gap = "mean"
    stories = cluster_stories(_daily_reports(days), opts)
    assert len(stories) > 1
    for s in stories:
        first, last = s.first_date, s.last_date
        assert first is not None and last is not None
        assert (date.fromisoformat(last) - date.fromisoformat(first)).days <= 2 * opts.cluster.window_days


def test_mean_date_rule_is_the_same_incrementally_and_in_batch() -> None:
    days = [f"2021-03-{d:02d}" for d in range(1, 29, 4)]
    opts = Options()
    opts.cluster.refine = False
    batch = _groups(cluster_stories(_daily_reports(days), opts))
    index = StoryIndex(opts)
    for a in _daily_reports(days):
        index.add(a)
    assert _groups(index.stories()) == batch


def test_a_late_copy_does_not_move_the_story_in_time() -> None:
    opts = Options()
    opts.cluster.refine = False
    index = StoryIndex(opts)
    for a in event_reports("e", QUAKE_A, "Quake", "2021-03-02", n=2):
        index.add(a)
    # A reprint days later joins its origin's story but says nothing about when the event was.
    late_copy = article("reprint", QUAKE_A, date="2021-03-08")
    late_copy.copy_of = CopyInfo(of="e0", similarity=1.0, kind="exact")
    assert index.add(late_copy) == index.story_of("e0")
    # An earlier report, 6 days before the members (within the window of their mean date).
    early = article("early", rotate(QUAKE_A, 2), title="Quake warning", date="2021-02-24")
    assert index.add(early) == index.story_of("e0")


def test_bad_time_gap_option_raises() -> None:
    opts = Options()
    opts.cluster.time_gap = "newest"
    with pytest.raises(ValueError, match="time_gap"):
        cluster_stories([article("a", QUAKE_A)], opts)
