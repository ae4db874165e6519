"""Executors: the only code that knows where the pipeline's steps run.

``local`` (default: this process; or a process pool) and ``dask`` (a LocalCluster or a running
cluster) both drive :func:`newsfuse.exec.runner.run_steps`, which walks the pipeline's declared
steps (:data:`newsfuse.pipeline.STEPS`); every cut of the work is made from the data alone, so both
give the same report.  ``work_dir`` makes a run resumable.
"""

from __future__ import annotations

from newsfuse.exec.dask import run_dask
from newsfuse.exec.local import run_local
from newsfuse.model import Report
from newsfuse.options import Options


def run_pipeline(
    paths: list[str],
    options: Options,
    *,
    dask: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
    quiet: bool = False,
    work_dir: str | None = None,
) -> Report:
    """Run the pipeline locally, or on Dask when ``dask`` or ``scheduler`` is given."""
    if dask or scheduler:
        return run_dask(paths, options, scheduler=scheduler, workers=workers, quiet=quiet, work_dir=work_dir)
    return run_local(paths, options, quiet=quiet, work_dir=work_dir, workers=workers)
