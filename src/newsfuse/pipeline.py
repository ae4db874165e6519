"""The analysis pipeline: a sequence of steps over articles.

    read -> extract/clean -> validate -> dedup -> cluster -> per-story analysis -> Report

Each step is a plain function of (inputs, options); this module runs them in-process and keeps
per-step stats (read, kept, rejected by reason, seconds).  Executors that run the same steps on
a process pool or a Dask cluster live in :mod:`newsfuse.exec`; the steps never know who runs them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from newsfuse.model import Article, RawDocument, Rejection, Report, StepStats, Story
from newsfuse.options import Options

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _stats(step: str, read: int, kept: int, rejections: Iterable[Rejection], seconds: float) -> StepStats:
    return StepStats(step=step, read=read, kept=kept, rejected=dict(Counter(r.reason for r in rejections)), seconds=round(seconds, 4))


def read_step(paths: list[str], options: Options) -> tuple[list[RawDocument], list[Rejection]]:
    from newsfuse.readers import read_inputs

    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    for item in read_inputs(paths, options):
        (rejected if isinstance(item, Rejection) else docs).append(item)  # type: ignore[arg-type]
    return docs, rejected


def extract_step(docs: list[RawDocument], options: Options) -> tuple[list[Article], list[Rejection]]:
    from newsfuse.extract import extract_documents

    articles: list[Article] = []
    rejected: list[Rejection] = []
    for item in extract_documents(docs, options):
        (rejected if isinstance(item, Rejection) else articles).append(item)  # type: ignore[arg-type]
    return articles, rejected


def story_step(story: Story, by_id: dict[str, Article], options: Options) -> Story:
    """Everything done per story: summary, cross-check, timeline.  Pure function of its inputs."""
    from newsfuse.crosscheck import crosscheck_story
    from newsfuse.summary import summarize_story
    from newsfuse.timeline import story_timeline

    summarize_story(story, by_id, options)
    if options.crosscheck.enabled:
        crosscheck_story(story, by_id, options)
    story.timeline = story_timeline(story, by_id, options)
    return story


def analyze(paths: list[str], options: Options | None = None, progress: Progress | None = None, today: date | None = None) -> Report:
    """Run the whole pipeline in-process and return the report."""
    from newsfuse.stories.cluster import cluster_stories
    from newsfuse.stories.dedup import find_copies
    from newsfuse.validate import validate_articles

    options = options or Options()
    report = Report()

    t0 = time.perf_counter()
    docs, rejected = read_step(paths, options)
    report.rejections.extend(rejected)
    report.stats.append(_stats("read", len(docs) + len(rejected), len(docs), rejected, time.perf_counter() - t0))

    t0 = time.perf_counter()
    articles, rejected = extract_step(docs, options)
    report.rejections.extend(rejected)
    report.stats.append(_stats("extract", len(docs), len(articles), rejected, time.perf_counter() - t0))

    t0 = time.perf_counter()
    n = len(articles)
    articles, rejected = validate_articles(articles, options, today=today)
    report.rejections.extend(rejected)
    report.stats.append(_stats("validate", n, len(articles), rejected, time.perf_counter() - t0))
    report.articles = articles

    t0 = time.perf_counter()
    find_copies(articles, options)
    report.stats.append(_stats("dedup", len(articles), len(articles), [], time.perf_counter() - t0))

    t0 = time.perf_counter()
    stories = cluster_stories(articles, options)
    report.stats.append(_stats("cluster", len(articles), len(stories), [], time.perf_counter() - t0))

    t0 = time.perf_counter()
    by_id = {a.id: a for a in articles}
    for i, story in enumerate(stories):
        story_step(story, by_id, options)
        if progress:
            progress("stories", i + 1, len(stories))
    report.stories = stories
    report.stats.append(_stats("stories", len(stories), len(stories), [], time.perf_counter() - t0))
    return report
