"""The Dask executor: the same steps, shards and batches as the local one, on a Dask cluster.

``run_dask(paths, options, scheduler=None, workers=N)`` starts a ``LocalCluster`` of N worker
processes (one thread each: the steps are pure Python and hold the GIL, so threads would not run
them in parallel); ``scheduler="tcp://host:8786"`` connects to a running cluster instead.  With a
remote cluster, the input paths must be readable by the workers under the same names (a shared
file system); checkpoints (``work_dir``) are written by this process only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from newsfuse.model import Report
from newsfuse.options import Options
from newsfuse.pipeline import Progress

log = logging.getLogger("newsfuse.exec")

R = TypeVar("R")


class DaskMapper:
    """Scatters the items to the workers, maps ``fn`` over them, gathers results as they finish."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]:
        from distributed import as_completed

        if not items:
            return []
        # Scattered, not embedded in the task graph: large article lists would otherwise be
        # serialised into the graph (and warned about) instead of moved once to one worker.
        data = self.client.scatter(list(items), hash=False)
        futures = self.client.map(fn, data, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[Any] = [None] * len(items)
        for fut, result in as_completed(futures, with_results=True):
            i = index[fut.key]
            out[i] = result
            fut.release()
            if on_result:
                on_result(i, result)
        for d in data:
            d.release()
        return out


def _import_path() -> str:
    """Where this process imports newsfuse from, for local workers to import the same code."""
    import newsfuse

    return os.path.dirname(os.path.dirname(os.path.abspath(newsfuse.__file__)))


def run_dask(
    paths: list[str],
    options: Options,
    scheduler: str | None = None,
    workers: int | None = None,
    quiet: bool = False,
    *,
    work_dir: str | None = None,
    processes: bool = True,
    today: date | None = None,
) -> Report:
    """Run the pipeline on a Dask cluster: a new ``LocalCluster`` or the one at ``scheduler``."""

    from newsfuse.exec.progress import progress_bar

    if workers is not None and workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    if scheduler and not scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")):
        raise ValueError(f"--scheduler must be an address like tcp://host:8786, not {scheduler!r}")
    with progress_bar(quiet) as progress:
        return _run_on_cluster(paths, options, scheduler, workers, processes, work_dir, today, progress)


def _run_on_cluster(
    paths: list[str],
    options: Options,
    scheduler: str | None,
    workers: int | None,
    processes: bool,
    work_dir: str | None,
    today: date | None,
    progress: Progress | None,
) -> Report:
    from distributed import Client, LocalCluster

    from newsfuse.exec.runner import run_steps

    if scheduler:
        with Client(scheduler) as client:
            return run_steps(paths, options, DaskMapper(client), work_dir=work_dir, progress=progress, today=today)
    n = workers or os.cpu_count() or 1
    if processes:
        # Spawned workers must import this very newsfuse (a source checkout may shadow an
        # installed copy): put its directory first on their PYTHONPATH.
        here = _import_path()
        current = os.environ.get("PYTHONPATH", "")
        if here not in current.split(os.pathsep):
            os.environ["PYTHONPATH"] = here + (os.pathsep + current if current else "")
    with (
        LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None,
                     silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
    ):
        log.info("Dask LocalCluster with %d worker(s) (%s)", n, "processes" if processes else "threads")
        return run_steps(paths, options, DaskMapper(client), work_dir=work_dir, progress=progress, today=today)
