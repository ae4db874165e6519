"""A progress bar on stderr (rich) for long runs; off with ``--quiet`` or when stderr is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

Progress = Callable[[str, int, int], None]  # (step, done, total): how far a step of the run is


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Progress | None]:
    """Yield a ``(step, done, total)`` callback drawing one bar per step, or None when there is no terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    columns = (TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with RichProgress(*columns, console=Console(stderr=True)) as bar:
        tasks: dict[str, object] = {}

        def show(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)  # type: ignore[arg-type]

        yield show
