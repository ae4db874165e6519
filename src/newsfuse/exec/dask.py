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

from newsfuse.exec.progress import Progress, progress_bar
from newsfuse.exec.runner import run_steps
from newsfuse.model import Report
from newsfuse.options import Options

log = logging.getLogger("newsfuse.exec")

R = TypeVar("R")


# Items in flight per worker.  All at once, every batch's articles sat in the workers' memory
# until its turn (the 100k benchmark run had two workers at ~10 GB each and was killed for want of
# memory); one per worker leaves a worker idle while the driver hands it the next item.  Four keep
# every worker's queue full and bound the memory to a few items per worker.
IN_FLIGHT_PER_WORKER = 4


class DaskMapper:
    """Hands the items to the workers a few at a time, gathers results as they finish.

    Items are scattered one by one as they are submitted (so large article lists move once, to
    one worker, instead of being serialised into the task graph) and released as soon as their
    result is in; at most :data:`IN_FLIGHT_PER_WORKER` items per worker are on the cluster at once.
    Submission follows item order, so the caller's longest-first order holds.  A task that failed,
    or was cancelled because its worker died, raises here.
    """

    def __init__(self, client: Any) -> None:
        self.client = client

    def _workers(self) -> int:
        try:
            return max(1, len(self.client.scheduler_info().get("workers", {})))
        except Exception:  # an unreachable scheduler fails loudly on submit anyway
            return 1

    def map(
        self, fn: Callable[[Any], R], items: Sequence[Any], on_result: Callable[[int, R], None] | None = None
    ) -> list[R]:
        from distributed import as_completed

        if not items:
            return []
        window = IN_FLIGHT_PER_WORKER * self._workers()
        out: list[Any] = [None] * len(items)
        pending: dict[str, tuple[int, Any]] = {}
        queue = as_completed()
        nxt = 0

        def submit_next() -> None:
            nonlocal nxt
            if nxt >= len(items):
                return
            (data,) = self.client.scatter([items[nxt]], hash=False)
            fut = self.client.submit(fn, data, pure=False)
            pending[fut.key] = (nxt, data)
            queue.add(fut)
            nxt += 1

        for _ in range(window):
            submit_next()
        for fut in queue:
            i, data = pending.pop(fut.key)
            if fut.status != "finished":
                data.release()
                try:
                    fut.result()  # raises the task's own error
                except Exception as exc:
                    raise RuntimeError(f"a Dask task failed ({fut.status}): {exc!r}") from exc
                raise RuntimeError(f"a Dask task ended as {fut.status!r}")
            result = fut.result()
            fut.release()
            data.release()
            out[i] = result
            if on_result:
                on_result(i, result)
            submit_next()
        return out


def _import_path() -> str:
    """Where this process imports newsfuse from, for local workers to import the same code."""
    package = os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))
    )  # .../newsfuse (this is newsfuse/exec/dask.py)
    return os.path.dirname(package)


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
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None, silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,
    ):
        log.info("Dask LocalCluster with %d worker(s) (%s)", n, "processes" if processes else "threads")
        return run_steps(paths, options, DaskMapper(client), work_dir=work_dir, progress=progress, today=today)
