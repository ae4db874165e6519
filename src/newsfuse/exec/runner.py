"""The driver: walks the pipeline's declared steps (:data:`newsfuse.pipeline.STEPS`) on a mapper.

A *mapper* is all an executor provides: ``map(fn, items, on_result)`` runs ``fn`` on every item
(anywhere: this process, a process pool, a Dask cluster) and returns the results in item order,
calling ``on_result(i, result)`` as each one arrives.  The runner knows nothing of the steps but
their one contract (:class:`newsfuse.pipeline.Step`): each cuts its work from the data and the
options only, so every executor computes the same thing and returns the same report.  It also
cuts the input files into shards (:mod:`newsfuse.exec.plan`) and keeps finished work in
``work_dir`` (:mod:`newsfuse.exec.checkpoint`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any, Protocol, TypeVar

from newsfuse.exec.checkpoint import CheckpointStore
from newsfuse.exec.plan import plan_shards
from newsfuse.exec.progress import Progress
from newsfuse.model import Report, StepStats
from newsfuse.options import Options
from newsfuse.pipeline import STEPS, Corpus, Step

log = logging.getLogger("newsfuse.exec")

R = TypeVar("R")


class Mapper(Protocol):
    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]: ...


def _task(fn: Callable[[Any, Options, date], R], options: Options, today: date, piece: Any) -> R:
    """One piece of a step (top-level, so that it pickles with the step's task)."""
    return fn(piece, options, today)


def _run_step(
    step: Step[Any, Any], corpus: Corpus, options: Options, mapper: Mapper, progress: Progress | None
) -> list[StepStats]:
    """Cut, run the pieces on the mapper, fold the results in as they arrive, finish."""
    pieces = step.cut(corpus, options)
    # Largest first (longest-processing-time order): with a few tasks per worker, a big task
    # started last would leave the other workers idle at the end.  Results go back to their
    # piece, so the order of work never changes the report.
    order = sorted(range(len(pieces)), key=lambda i: (-step.size(pieces[i]), i))
    seconds = 0.0
    finished = 0

    def done(j: int, out: tuple[Any, float]) -> None:
        nonlocal seconds, finished
        result, secs = out
        seconds += secs
        step.done(corpus, pieces[order[j]], result)
        finished += 1
        if progress:
            progress(step.name, finished, len(pieces))

    task = partial(_task, step.task, options, corpus.today)
    mapper.map(task, [pieces[i] for i in order], on_result=done)
    return step.finish(corpus, options, seconds)


def run_steps(
    paths: list[str],
    options: Options,
    mapper: Mapper,
    *,
    work_dir: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Report:
    """Walk :data:`~newsfuse.pipeline.STEPS` with ``mapper`` and return the report."""
    today = today or date.today()
    store = CheckpointStore(work_dir, options, today) if work_dir else None
    corpus = Corpus(shards=plan_shards(paths, options), today=today, saved=store)
    report = Report()
    for step in STEPS:
        t0 = time.perf_counter()
        report.stats.extend(_run_step(step, corpus, options, mapper, progress))
        log.debug("step %s: %.2f s", step.name, time.perf_counter() - t0)
    report.articles = corpus.articles
    report.rejections = corpus.rejections
    report.stories = corpus.stories
    if store:
        store.write_manifest(
            [sh.fingerprint for sh in corpus.shards if "-" not in sh.paths],
            [corpus.story_keys[s.id] for s in corpus.stories],
            len(corpus.articles),
            len(corpus.stories),
        )
    return report
