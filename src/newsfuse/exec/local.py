"""The default executor: every step in this process, or on a pool of local processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from datetime import date
from typing import Any, TypeVar

from newsfuse.exec.progress import Progress, progress_bar
from newsfuse.exec.runner import run_steps
from newsfuse.model import Report
from newsfuse.options import Options

R = TypeVar("R")


class InProcessMapper:
    """Runs every task here, one after the other, in item order."""

    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]:
        out: list[R] = []
        for i, item in enumerate(items):
            r = fn(item)
            out.append(r)
            if on_result:
                on_result(i, r)
        return out


class ProcessPoolMapper:
    """Runs tasks on ``workers`` local processes (spawned: safe with threads, no inherited state)."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]:
        futures: dict[Future[R], int] = {self.pool.submit(fn, item): i for i, item in enumerate(items)}
        out: list[Any] = [None] * len(items)
        for fut in as_completed(futures):
            i = futures[fut]
            out[i] = fut.result()
            if on_result:
                on_result(i, out[i])
        return out

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def run_local(
    paths: list[str],
    options: Options,
    *,
    quiet: bool = False,
    work_dir: str | None = None,
    workers: int | None = None,
    today: date | None = None,
) -> Report:
    """In this process (default), or on ``workers`` > 1 local processes."""
    with progress_bar(quiet) as progress:
        if workers is None or workers <= 1:
            return run_steps(paths, options, InProcessMapper(), work_dir=work_dir, progress=progress, today=today)
        mapper = ProcessPoolMapper(workers)
        try:
            return run_steps(paths, options, mapper, work_dir=work_dir, progress=progress, today=today)
        finally:
            mapper.close()


def analyze(
    paths: list[str], options: Options | None = None, progress: Progress | None = None, today: date | None = None
) -> Report:
    """Run the whole pipeline in this process and return the report.

    This is the local executor's in-process mode: the same steps, cuts and order as a process pool
    or a Dask cluster, so every executor gives this same report.
    """
    return run_steps(paths, options or Options(), InProcessMapper(), progress=progress, today=today)
