"""Executors: the only code that knows where the pipeline's steps run."""

from __future__ import annotations

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
) -> Report:
    """Run the pipeline locally, or on Dask when ``dask`` or ``scheduler`` is given."""
    if dask or scheduler:
        from newsfuse.exec.dask import run_dask

        return run_dask(paths, options, scheduler=scheduler, workers=workers, quiet=quiet)
    from newsfuse.exec.local import run_local

    return run_local(paths, options, quiet=quiet)
