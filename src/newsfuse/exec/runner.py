"""The driver: runs the pipeline's steps over shards, partitions and story batches on a mapper.

A *mapper* is all an executor provides: ``map(fn, items, on_result)`` runs ``fn`` on every item
(anywhere: this process, a process pool, a Dask cluster) and returns the results in item order,
calling ``on_result(i, result)`` as each one arrives.  The cuts (shards, time partitions, story
batches) and every global step are decided here, from the data and the options only, so every
executor computes the same thing and returns the same report.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any, Protocol, TypeVar

from newsfuse.exec.checkpoint import CheckpointStore, article_fingerprint, story_key
from newsfuse.exec.partition import join_partitions, time_partitions
from newsfuse.exec.plan import Shard, plan_shards
from newsfuse.exec.progress import Progress
from newsfuse.model import Article, CopyInfo, Report, StepStats, Story, from_dict, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import (
    ShardResult,
    cluster_step,
    dedup_group_step,
    dedup_signature_step,
    merge_shard_results,
    shard_step,
    story_batch_step,
)

log = logging.getLogger("newsfuse.exec")

R = TypeVar("R")


class Mapper(Protocol):
    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]: ...


# ---------------------------------------------------------------- tasks (top-level: they must pickle)


def _shard_task(paths: tuple[str, ...], options: Options, today: date) -> tuple[ShardResult, list[Any], float]:
    result = shard_step(list(paths), options, today)
    t0 = time.perf_counter()
    sigs = dedup_signature_step(result.articles, options)
    return result, sigs, time.perf_counter() - t0


def _signature_task(articles: list[Article], options: Options) -> tuple[list[Any], float]:
    t0 = time.perf_counter()
    sigs = dedup_signature_step(articles, options)
    return sigs, time.perf_counter() - t0


def _cluster_task(articles: list[Article], options: Options) -> tuple[list[Story], float]:
    t0 = time.perf_counter()
    stories = cluster_step(articles, options)
    return stories, time.perf_counter() - t0


def _story_task(batch: tuple[list[Story], list[Article]], options: Options) -> tuple[list[Story], float]:
    t0 = time.perf_counter()
    stories = story_batch_step(batch[0], batch[1], options)
    return stories, time.perf_counter() - t0


# ---------------------------------------------------------------- the driver


def _story_reads(story: Story, by_id: dict[str, Article]) -> list[str]:
    """The ids of the articles a story's analysis reads: its own and the origins they copy."""
    ids: dict[str, None] = {}
    for aid in story.articles:
        ids[aid] = None
        a = by_id.get(aid)
        if a is not None and a.copy_of is not None:
            ids[a.copy_of.of] = None
    return [i for i in ids if i in by_id]


def _story_keys(stories: list[Story], by_id: dict[str, Article], prints: dict[str, str]) -> list[str]:
    """Each story's checkpoint key (``checkpoint.story_key``); ``prints``: article fingerprints."""
    return [story_key(story, [prints[aid] for aid in _story_reads(story, by_id)]) for story in stories]


def _story_batches(
    stories: list[Story], by_id: dict[str, Article], options: Options
) -> list[tuple[list[Story], list[Article]]]:
    """Whole stories, in order, in batches of about ``scale.story_batch_articles`` articles; each
    batch carries its stories' articles and the origins they copy (for independent sources)."""
    if options.scale.story_batch_articles < 1:
        raise ValueError(f"scale.story_batch_articles must be at least 1, not {options.scale.story_batch_articles}")
    batches: list[tuple[list[Story], list[Article]]] = []
    cur: list[Story] = []
    size = 0
    for story in stories:
        cur.append(story)
        size += len(story.articles)
        if size >= options.scale.story_batch_articles:
            batches.append((cur, []))
            cur, size = [], 0
    if cur:
        batches.append((cur, []))
    for batch_stories, arts in batches:
        ids: dict[str, None] = {}
        for s in batch_stories:
            ids.update(dict.fromkeys(_story_reads(s, by_id)))
        arts.extend(by_id[i] for i in ids)
    return batches


def run_steps(
    paths: list[str],
    options: Options,
    mapper: Mapper,
    *,
    work_dir: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Report:
    """Run every step of the pipeline with ``mapper`` and return the report."""
    today = today or date.today()
    store = CheckpointStore(work_dir, options, today) if work_dir else None
    report = Report()

    # 1. read -> extract -> validate (+ dedup signatures), per shard
    shards = plan_shards(paths, options)
    results: list[ShardResult | None] = [None] * len(shards)
    signatures: list[list[Any] | None] = [None] * len(shards)
    todo: list[Shard] = []
    for sh in shards:
        cached = store.load_shard(sh.fingerprint) if store and "-" not in sh.paths else None
        if cached is None:
            todo.append(sh)
        else:
            results[sh.index] = cached
    # Largest first (longest-processing-time order): with a few tasks per worker, a big task
    # started last would leave the other workers idle at the end.  Results go back by index,
    # so the order of work never changes the report.
    todo.sort(key=lambda sh: (-sh.size, sh.index))
    if store and len(todo) < len(shards):
        log.info("resuming: %d of %d shards restored from %s", len(shards) - len(todo), len(shards), work_dir)
    sig_seconds = 0.0
    done = len(shards) - len(todo)

    def shard_done(j: int, out: tuple[ShardResult, list[Any], float]) -> None:
        nonlocal done, sig_seconds
        sh = todo[j]
        results[sh.index], signatures[sh.index], secs = out
        sig_seconds += secs
        if store and "-" not in sh.paths:
            store.save_shard(sh.fingerprint, out[0])
            store.save_signatures(sh.fingerprint, out[1])
        done += 1
        if progress:
            progress("shards", done, len(shards))

    mapper.map(partial(_shard_task, options=options, today=today), [sh.paths for sh in todo], on_result=shard_done)
    merged = merge_shard_results(r for r in results if r is not None)
    articles = merged.articles
    report.rejections = merged.rejections
    report.stats.extend(merged.stats)
    report.articles = articles
    by_id = {a.id: a for a in articles}

    # 2. copies: signatures per shard (restored shards: restored too, else recomputed in parallel),
    # then global grouping
    t0 = time.perf_counter()
    ids = [a.id for a in articles]
    copies = store.load_copies(ids) if store else None
    if copies is not None:
        for a, c in zip(articles, copies, strict=True):
            a.copy_of = from_dict(CopyInfo, c) if c else None
    else:
        missing = [i for i, r in enumerate(results) if r is not None and signatures[i] is None and r.articles]
        if store:
            for i in missing:
                signatures[i] = store.load_signatures(shards[i].fingerprint, results[i].articles)  # type: ignore[union-attr]
            missing = [i for i in missing if signatures[i] is None]
        if missing:
            for i, (sigs, secs) in zip(
                missing,
                mapper.map(partial(_signature_task, options=options), [results[i].articles for i in missing]),  # type: ignore[union-attr]
                strict=True,
            ):
                signatures[i] = sigs
                sig_seconds += secs
        all_sigs = [s for sigs in signatures if sigs for s in sigs]
        dedup_group_step(articles, all_sigs, options)
        del all_sigs  # shingle sets are the largest thing held per article: free them now
        if store:
            store.save_copies(ids, [to_dict(a.copy_of) if a.copy_of else None for a in articles])
    signatures.clear()
    n_copies = sum(1 for a in articles if a.copy_of is not None)
    report.stats.append(
        StepStats(
            step="dedup",
            read=len(articles),
            kept=len(articles) - n_copies,
            seconds=round(sig_seconds + time.perf_counter() - t0, 4),
        )
    )

    # 3. stories: cluster per time partition (with overlap), join across the cuts; with a work dir,
    # a partition whose articles are those of a finished run is restored (checkpoint.partition_key)
    t0 = time.perf_counter()
    parts = time_partitions(articles, options)
    prints = {a.id: article_fingerprint(a) for a in articles} if store else {}
    part_keys = [store.partition_key([prints[articles[i].id] for i in p.seen]) for p in parts] if store else []
    per_part: list[list[Story] | None] = [store.load_partition(k) for k in part_keys] if store else [None] * len(parts)
    todo_p = [j for j, got in enumerate(per_part) if got is None]
    if len(parts) == 1 and todo_p:  # nothing to parallelise: no need to ship the corpus anywhere
        per_part = [cluster_step(articles, options)]
        cluster_seconds = time.perf_counter() - t0
    else:
        outs = mapper.map(
            partial(_cluster_task, options=options), [[articles[i] for i in parts[j].seen] for j in todo_p]
        )
        for j, o in zip(todo_p, outs, strict=True):
            per_part[j] = o[0]
        cluster_seconds = sum(o[1] for o in outs)
    if store:
        for j in todo_p:
            store.save_partition(part_keys[j], per_part[j] or [])
    t1 = time.perf_counter()
    stories = join_partitions(articles, parts, [p or [] for p in per_part])
    cluster_seconds += time.perf_counter() - t1
    log.info("clustered %d articles into %d stories in %d time partition(s)", len(articles), len(stories), len(parts))
    report.stats.append(
        StepStats(step="cluster", read=len(articles), kept=len(stories), seconds=round(cluster_seconds, 4))
    )

    # 4. per-story analysis, in batches of whole stories; with a work dir, a story analysed before
    # (same clustered story, same articles: checkpoint.story_key) is restored, whatever its batch
    keys = _story_keys(stories, by_id, prints) if store else []
    done_by_key = store.load_stories(keys) if store else {}
    todo_stories = [s for s, k in zip(stories, keys, strict=True) if k not in done_by_key] if store else stories
    if store and done_by_key:
        log.info("%d of %d stories restored from %s", len(stories) - len(todo_stories), len(stories), work_dir)
    batches = _story_batches(todo_stories, by_id, options)
    key_of = {id(s): k for s, k in zip(stories, keys, strict=True)} if store else {}
    batch_keys = [[key_of[id(s)] for s in b[0]] for b in batches] if store else []
    analysed: list[list[Story] | None] = [None] * len(batches)
    todo_b = sorted(range(len(batches)), key=lambda i: (-len(batches[i][1]), i))
    story_seconds = 0.0
    finished = 0

    def batch_done(j: int, out: tuple[list[Story], float]) -> None:
        nonlocal story_seconds, finished
        analysed[todo_b[j]] = out[0]
        story_seconds += out[1]
        if store:
            store.save_batch(batch_keys[todo_b[j]], out[0])
        finished += 1
        if progress:
            progress("stories", finished, len(batches))

    mapper.map(partial(_story_task, options=options), [batches[i] for i in todo_b], on_result=batch_done)
    if store:
        done_by_key.update(
            (k, s) for b, ks in zip(analysed, batch_keys, strict=True) for k, s in zip(ks, b or [], strict=True)
        )
        report.stories = [done_by_key[k] for k in keys]
        store.write_manifest(
            [sh.fingerprint for sh in shards if "-" not in sh.paths], keys, len(articles), len(report.stories)
        )
    else:
        report.stories = [s for b in analysed if b is not None for s in b]
    report.stats.append(
        StepStats(step="stories", read=len(stories), kept=len(report.stories), seconds=round(story_seconds, 4))
    )
    return report
