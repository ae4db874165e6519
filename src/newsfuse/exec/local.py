"""The default executor: every step in this process."""

from __future__ import annotations

import sys

from newsfuse.model import Report
from newsfuse.options import Options
from newsfuse.pipeline import Progress, analyze


def _progress_printer() -> Progress:
    def show(step: str, done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\r{step}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def run_local(paths: list[str], options: Options, *, quiet: bool = False) -> Report:
    progress = None if quiet or not sys.stderr.isatty() else _progress_printer()
    return analyze(paths, options, progress=progress)
