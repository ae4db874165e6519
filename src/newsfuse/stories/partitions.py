"""Stories at scale: cut the corpus by publication time, cluster the pieces (in parallel, wherever
an executor runs them), then join the stories that cross a cut.  The batch pipeline
(:data:`newsfuse.pipeline.STEPS`) and the live index (:mod:`newsfuse.stories.live`) both use
this cut and this join, so they give the same stories.

Partition *k* owns the articles dated in its ``scale.partition_days`` days and also sees the
articles of the ``cluster.window_days`` days before it (the overlap; they are owned by partition
*k-1*).  The clusterer only lets an article join a story active within that window, so a story
crossing the cut shows up in both partitions through the same overlap articles; stories sharing
an article are then joined (union-find), and a copy always joins its origin's story.  A corpus
spanning less than one partition is clustered in one piece, exactly as the sequential clusterer
does.  Undated articles are owned by the last partition (the sequential clusterer sees them last).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.stories.cluster import arrival_key, story_id_for
from newsfuse.stories.sources import set_coverage
from newsfuse.unionfind import UnionFind


@dataclass
class Partition:
    owned: list[int]  # indices into the corpus, in corpus order
    seen: list[int]  # owned + overlap, in corpus order


def _day(a: Article) -> int | None:
    if not a.date:
        return None
    try:
        return date.fromisoformat(a.date[:10]).toordinal()
    except ValueError:
        return None


def time_partitions(articles: list[Article], options: Options) -> list[Partition]:
    if options.scale.partition_days < 1:
        raise ValueError(f"scale.partition_days must be at least 1, not {options.scale.partition_days}")
    days = [_day(a) for a in articles]
    dated = [d for d in days if d is not None]
    everything = list(range(len(articles)))
    if not dated or max(dated) - min(dated) < options.scale.partition_days:
        return [Partition(owned=everything, seen=everything)]
    first = min(dated)
    size = options.scale.partition_days
    overlap = max(0, options.cluster.window_days)
    n_parts = (max(dated) - first) // size + 1
    owned: list[list[int]] = [[] for _ in range(n_parts)]
    seen: list[list[int]] = [[] for _ in range(n_parts)]
    for i, d in enumerate(days):
        if d is None:
            owned[-1].append(i)
            seen[-1].append(i)
            continue
        k = (d - first) // size
        owned[k].append(i)
        seen[k].append(i)
        # also seen by the next partition when within `overlap` days of its start
        if k + 1 < n_parts and first + (k + 1) * size - d <= overlap:
            seen[k + 1].append(i)
    return [Partition(owned=o, seen=sorted(s)) for o, s in zip(owned, seen, strict=True) if o]


def joined_story(article_ids: list[str], by_id: dict[str, Article]) -> Story:
    """A story joined across partitions, with the fields the clusterer fills: articles in arrival
    order, id from the first (the clusterer's scheme), outlets, independent sources, dates, title.

    Two rules differ from :func:`newsfuse.stories.cluster.build_stories` on purpose (changing
    them would change the stories of every corpus longer than one partition): the title is the
    most complete original's, not the one closest to the centroid, because a joined story has no
    single partition's IDF to measure closeness with; the dates are the members' date strings
    cut to ten characters, not parsed."""
    ordered = sorted(article_ids, key=lambda i: arrival_key(by_id[i]))
    arts = [by_id[i] for i in ordered]
    dates = sorted(a.date[:10] for a in arts if a.date)
    # The clusterer picks the title closest to the story's centroid; across partitions the
    # title of the most complete original is a cheap stand-in that needs no corpus statistics.
    titles = sorted((a for a in arts if a.title), key=lambda a: (a.copy_of is not None, -len(a.paragraphs), a.id))
    story = Story(
        id=story_id_for(ordered[0]),
        articles=ordered,
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        title=titles[0].title or "" if titles else "",
    )
    set_coverage(story, by_id)
    if len(ordered) == 1:
        story.notes.append("single article: no cross-check possible")
    return story


def join_partitions(articles: list[Article], partitions: list[Partition], results: list[list[Story]]) -> list[Story]:
    """Join the stories of every partition into the corpus's stories (see the module docstring)."""
    if len(partitions) == 1:
        return results[0]
    by_id = {a.id: a for a in articles}
    uf = UnionFind(smallest_root=True)  # deterministic roots
    candidates: dict[frozenset[str], Story] = {}
    for part, stories in zip(partitions, results, strict=True):
        owned = {articles[i].id for i in part.owned}
        for story in stories:
            mine = [a for a in story.articles if a in owned]
            if not mine:
                continue  # only overlap articles: their own partition decides
            for aid in story.articles[1:]:
                uf.union(story.articles[0], aid)
            uf.find(story.articles[0])
            candidates[frozenset(story.articles)] = story
    for a in articles:
        uf.find(a.id)  # every article is in some story, if only its own
        if a.copy_of is not None and a.copy_of.of in by_id:
            uf.union(a.id, a.copy_of.of)
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(uf.find(a.id), []).append(a.id)

    out: list[Story] = []
    for members in groups.values():
        same = candidates.get(frozenset(members))
        if same is None:
            story = joined_story(members, by_id)
        else:  # counted again on the whole corpus: a copy's origin may live in another partition
            story = set_coverage(same, by_id)
        out.append(story)
    out.sort(key=lambda s: (s.first_date is None, s.first_date or "", s.id))  # the clusterer's order
    return out
