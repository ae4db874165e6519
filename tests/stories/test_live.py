import copy
import random

import pytest
from story_fixtures import invented_stream

from newsfuse.evals.metrics import bcubed
from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.stories.cluster import StoryIndex, cluster_stories
from newsfuse.stories.dedup import copy_signatures, group_copies
from newsfuse.stories.live import LiveStories
from newsfuse.stories.partitions import join_partitions, time_partitions


def batch_stories(articles: list[Article], options: Options) -> list[Story]:
    """What `newsfuse analyze` does after extraction (exec/runner.py): copies over the whole corpus,
    then clustering per time partition, joined across the cuts."""
    arts = copy.deepcopy(articles)
    found = group_copies(copy_signatures(arts, options), options)
    for a in arts:
        a.copy_of = found.get(a.id)
    parts = time_partitions(arts, options)
    return join_partitions(arts, parts, [cluster_stories([arts[i] for i in p.seen], options) for p in parts])


def _view(stories: list[Story]) -> list[tuple[str, list[str], str, int]]:
    return sorted((s.id, s.articles, s.title, s.independent_sources) for s in stories)


def _live(articles: list[Article], options: Options, seed: int, every: int = 1) -> LiveStories:
    order = copy.deepcopy(articles)
    random.Random(seed).shuffle(order)
    live = LiveStories(options)
    for i, a in enumerate(order, 1):
        live.add(a)
        if i % every == 0:
            live.stories()  # an update between arrivals, as the web app's updater does
    return live


@pytest.mark.parametrize("partition_days", [56, 9])
def test_live_stories_equal_batch_stories_in_any_order(partition_days) -> None:
    options = Options()
    options.scale.partition_days = partition_days  # 9: several partitions, stories crossing the cuts
    articles = invented_stream(120, seed=3, span_days=40)
    batch = batch_stories(articles, options)
    assert len(batch) > 5 and any(len(s.articles) > 3 for s in batch)
    assert len(time_partitions(articles, options)) == (1 if partition_days == 56 else 5)
    for seed in range(3):
        live = _live(articles, options, seed, every=7)
        assert _view(live.stories()) == _view(batch)


def test_live_copies_are_the_batch_copies() -> None:
    options = Options()
    articles = invented_stream(80, seed=5)
    found = group_copies(copy_signatures(articles, options), options)
    assert found  # the stream has reprints
    live = _live(articles, options, seed=1)
    live.stories()
    got = {a.id: a.copy_of for a in live._articles.values()}
    assert got == {a.id: found.get(a.id) for a in articles}


def test_the_first_pass_alone_depends_on_arrival_order() -> None:
    # Why the live path re-clusters: the incremental index fed in arrival order (IDF learnt on the
    # way, no refinement) does not reproduce the batch partition.
    options = Options()
    articles = invented_stream(120, seed=3, span_days=40)
    batch = {aid: s.id for s in batch_stories(articles, options) for aid in s.articles}
    scores = []
    for seed in range(3):
        order = copy.deepcopy(articles)
        random.Random(seed).shuffle(order)
        index = StoryIndex(options)
        for a in order:
            index.add(a)
        scores.append(bcubed(batch, {aid: s.id for s in index.stories() for aid in s.articles})["f1"])
    assert min(scores) < 0.99


def test_an_update_reclusters_only_the_partitions_that_changed() -> None:
    options = Options()
    options.scale.partition_days = 9
    articles = [a for a in invented_stream(120, seed=3, span_days=40) if a.date]
    live = LiveStories(options)
    for a in articles:
        live.add(a)
    live.stories()
    assert live.reclustered >= len(articles)  # every partition (overlap articles in two)
    last_day = max(a.date for a in articles if a.date)
    late = next(a for a in articles if a.date == last_day)
    extra = copy.deepcopy(late)
    extra.id, extra.origin = "late-extra", "test/late-extra.txt"
    extra.paragraphs[0].text = extra.paragraphs[0].text + " A late addition."
    live.add(extra)
    live.stories()
    assert 0 < live.reclustered < len(articles) // 2  # the last partition only
    # the held stories are not shared: changing what stories() returned changes nothing held
    first = live.stories()
    first[0].articles.append("x")
    assert "x" not in live.stories()[0].articles
