"""The analysis pipeline: a sequence of steps over articles.

    read -> extract/clean -> validate        per shard of input files      (embarrassingly parallel)
    dedup signatures                          per shard                     (parallel)
    dedup grouping                            whole corpus, LSH bands       (global, cheap)
    cluster                                   per time partition + overlap  (parallel, then joined)
    per-story analysis                        per batch of whole stories    (parallel)
    -> Report

Every step here is a plain function of its inputs and the options: it never knows which executor
runs it (in this process, a process pool or a Dask cluster; see :mod:`newsfuse.exec`), holds no
module-level state and returns plain dataclasses that pickle and round-trip through JSON, so the
same input gives the same report under every executor.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.extract import extract_documents
from newsfuse.model import Article, RawDocument, Rejection, StepStats, Story
from newsfuse.options import Options
from newsfuse.readers import read_inputs
from newsfuse.stories.cluster import cluster_stories
from newsfuse.stories.dedup import copy_signatures, group_copies
from newsfuse.summary import summarize_story
from newsfuse.text import SentenceMemo
from newsfuse.timeline import story_timeline
from newsfuse.timeline.dates import DateResolver
from newsfuse.validate import validate_articles

log = logging.getLogger("newsfuse.pipeline")


def _stats(step: str, read: int, kept: int, rejections: Iterable[Rejection], seconds: float) -> StepStats:
    return StepStats(
        step=step, read=read, kept=kept, rejected=dict(Counter(r.reason for r in rejections)), seconds=round(seconds, 4)
    )


def read_step(paths: list[str], options: Options) -> tuple[list[RawDocument], list[Rejection]]:
    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    for item in read_inputs(paths, options):
        (rejected if isinstance(item, Rejection) else docs).append(item)  # type: ignore[arg-type]
    return docs, rejected


def extract_step(docs: list[RawDocument], options: Options) -> tuple[list[Article], list[Rejection]]:
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for item in extract_documents(docs, options):
        (rejected if isinstance(item, Rejection) else articles).append(item)  # type: ignore[arg-type]
    return articles, rejected


def validate_step(articles: list[Article], options: Options, today: date) -> tuple[list[Article], list[Rejection]]:
    return validate_articles(articles, options, today=today)


# ---------------------------------------------------------------- per shard


@dataclass
class ShardResult:
    """What one shard of input files became: its articles and rejections, in input order, and the
    stats of the read, extract and validate steps (their ``seconds`` are time spent in this task)."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    stats: list[StepStats] = field(default_factory=list)


def _shard_once(paths: list[str], options: Options, today: date) -> ShardResult:
    out = ShardResult()
    t0 = time.perf_counter()
    docs, rejected = read_step(paths, options)
    out.rejections.extend(rejected)
    out.stats.append(_stats("read", len(docs) + len(rejected), len(docs), rejected, time.perf_counter() - t0))

    t0 = time.perf_counter()
    articles, rejected = extract_step(docs, options)
    out.rejections.extend(rejected)
    out.stats.append(_stats("extract", len(docs), len(articles), rejected, time.perf_counter() - t0))

    t0 = time.perf_counter()
    n = len(articles)
    articles, rejected = validate_step(articles, options, today)
    out.rejections.extend(rejected)
    out.stats.append(_stats("validate", n, len(articles), rejected, time.perf_counter() - t0))
    out.articles = articles
    return out


def shard_step(paths: list[str], options: Options, today: date) -> ShardResult:
    """Read, extract and validate one shard of input files.

    A bug a stage hits on one odd file must not cost the other files of the shard, nor the run:
    when the shard fails as a whole it is redone file by file, and a file that still fails becomes
    a :class:`Rejection` with reason ``error`` (and the exception in ``detail``).
    """
    try:
        return _shard_once(paths, options, today)
    except Exception as exc:  # a stage's bug; isolate the file that triggers it
        if len(paths) == 1:
            log.exception("file %s failed", paths[0])
            return ShardResult(
                rejections=[
                    Rejection(origin=paths[0], reason="error", detail=f"{type(exc).__name__}: {exc}", stage="extract")
                ],
                stats=[_stats("read", 1, 0, [], 0.0)],
            )
    return merge_shard_results([shard_step([p], options, today) for p in paths])


def merge_shard_results(results: Iterable[ShardResult]) -> ShardResult:
    """Concatenate shard results in order; stats of the same step are summed."""
    out = ShardResult()
    by_step: dict[str, StepStats] = {}
    for r in results:
        out.articles.extend(r.articles)
        out.rejections.extend(r.rejections)
        for s in r.stats:
            t = by_step.get(s.step)
            if t is None:
                t = by_step[s.step] = StepStats(step=s.step)
                out.stats.append(t)
            t.read += s.read
            t.kept += s.kept
            t.seconds = round(t.seconds + s.seconds, 4)
            for reason, k in s.rejected.items():
                t.rejected[reason] = t.rejected.get(reason, 0) + k
    return out


# ---------------------------------------------------------------- dedup (split: per article, then global)


def dedup_signature_step(articles: list[Article], options: Options) -> list[Any]:
    """The per-article half of copy detection (shingles + MinHash), run where the shard was read."""
    return list(copy_signatures(articles, options))


def dedup_group_step(articles: list[Article], signatures: list[Any], options: Options) -> None:
    """The global half: MinHash LSH bands over all signatures give candidate pairs (never all
    pairs), verified on exact shingles; sets ``copy_of`` on every copy (and clears it elsewhere)."""
    copies = group_copies(signatures, options)
    for a in articles:
        a.copy_of = copies.get(a.id)


# ---------------------------------------------------------------- clustering and stories


def cluster_step(articles: list[Article], options: Options) -> list[Story]:
    return cluster_stories(articles, options)


class StoryMemo:
    """Memos of pure functions shared by the stories of one batch: stems, sentence splits and
    dateparser results.  Each is a function of its key alone, so sharing one changes no result,
    only how often the work is done.  Made per batch (never module-wide: no state outlives a task).
    """

    def __init__(self) -> None:
        self.stemmer = CachedStemmer()
        self.sentences = SentenceMemo()
        self.dates = DateResolver()


def story_step(story: Story, by_id: dict[str, Article], options: Options, memo: StoryMemo | None = None) -> Story:
    """Everything done per story: summary, cross-check, timeline.  Pure function of its inputs.

    ``memo``: shared by the stories of one batch (see :class:`StoryMemo`); a fresh one when ``None``.
    """
    memo = memo or StoryMemo()
    split = memo.sentences.split
    summarize_story(story, by_id, options, split)
    if options.crosscheck.enabled:
        crosscheck_story(story, by_id, options, memo.stemmer, split)
    story.timeline = story_timeline(story, by_id, options, memo.dates, split)
    return story


def story_batch_step(stories: list[Story], articles: list[Article], options: Options) -> list[Story]:
    """Analyse a batch of whole stories; ``articles`` holds their articles and the origins they copy.

    A story whose analysis raises keeps its cluster data and gets a note, so one bad story never
    costs the run.
    """
    by_id = {a.id: a for a in articles}
    memo = StoryMemo()  # one per batch: the stories of a batch share most of their vocabulary
    out: list[Story] = []
    for story in stories:
        try:
            out.append(story_step(story, by_id, options, memo))
        except Exception as exc:  # a stage's bug on this story: keep the story, say why it is bare
            log.exception("story %s failed", story.id)
            story.notes.append(f"analysis failed: {type(exc).__name__}: {exc}")
            out.append(story)
    return out
