"""Story analysis for the web app's updater: in a worker process, under a per-story time budget.

Analysing a story (``pipeline.story_step``: summary, cross-check, timeline) is seconds of pure
Python CPU for a large story (a 60,000-paragraph article: ~11 s).  Run on the updater thread, it
holds the server process's GIL most of that time, and every read, which needs the GIL for each
step of its answer, waits its turn: under a soak with one such article, reads took seconds.  So
by default each story is analysed in one worker process (``spawn``), which gets the story and the
articles it needs (its own and the origins they copy, as the batch executor sends them) and sends
the analysed story back: the same function on the same inputs, so the same result as in-process.

The worker process is also what makes a time budget possible: a story whose analysis takes longer
than ``budget`` seconds is stopped (the worker is killed, and a fresh one started for the next
story), and the caller gets :class:`OverBudget`.  A thread cannot be stopped, so with ``process``
off (injected test steps, tools) the budget is not enforced.
"""

from __future__ import annotations

import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.web.workerproc import WorkerStartError, lower_priority, start_worker, stop_worker

StoryStep = Callable[[Story, dict[str, Article], Options], Story]


class OverBudget(Exception):
    """The story's analysis took longer than its budget and was stopped."""


class WorkerError(RuntimeError):
    """The story's analysis raised in the worker process (its traceback is in the message)."""


def story_articles(story: Story, by_id: dict[str, Article]) -> dict[str, Article]:
    """What analysing ``story`` reads: its articles and the origins they copy."""
    out: dict[str, Article] = {}
    for aid in story.articles:
        a = by_id.get(aid)
        if a is None:
            continue
        out[aid] = a
        if a.copy_of is not None and a.copy_of.of in by_id:
            out[a.copy_of.of] = by_id[a.copy_of.of]
    return out


def _serve(conn: Connection, step: StoryStep, options: Options) -> None:
    """The worker process: analyse each (story, articles) received, send back the story or the error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops it (close, kill), not Ctrl-C
    lower_priority()
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        story, by_id = msg
        try:
            out = step(story, by_id, options)
            conn.send(("ok", out if isinstance(out, Story) else story))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


class StoryAnalyser:
    """Runs ``step`` on one story at a time: in a worker process (``process=True``), stopped after
    ``budget`` seconds (``None``: no limit), or in the calling thread (``process=False``)."""

    def __init__(self, step: StoryStep, options: Options, budget: float | None = None, process: bool = True) -> None:
        if budget is not None and not budget > 0:
            raise ValueError(f"the story time budget must be positive, not {budget}")
        self.step = step
        self.options = options
        self.budget = budget
        self.process = process
        self._proc: Any = None  # multiprocessing's SpawnProcess
        self._conn: Connection | None = None

    def analyse(self, story: Story, by_id: dict[str, Article]) -> Story:
        """The analysed story (with ``process``, a new object; in-thread, what ``step`` returns).

        Raises :class:`OverBudget` when stopped, :class:`WorkerError` when the step raised in the
        worker (or the worker died), and the step's own exception when run in-thread.
        """
        if not self.process:
            out = self.step(story, by_id, self.options)
            return out if isinstance(out, Story) else story
        conn = self._worker()
        try:
            conn.send((story, story_articles(story, by_id)))
            ready = conn.poll(self.budget)
            if not ready:
                self._stop(kill=True)
                raise OverBudget(f"analysis stopped after {self.budget:g} s")
            kind, value = conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._stop(kill=True)
            raise WorkerError(f"the analysis worker process died ({type(exc).__name__})") from None
        if kind == "ok":
            assert isinstance(value, Story)
            return value
        raise WorkerError(str(value))

    def close(self) -> None:
        """Stop the worker process (if one runs)."""
        self._stop(kill=False)

    # ------------------------------------------------------------ worker process

    def _worker(self) -> Connection:
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self._stop(kill=True)
        try:
            self._proc, self._conn = start_worker(_serve, (self.step, self.options), "newsfuse-story-analysis")
        except WorkerStartError as exc:
            raise WorkerError(str(exc)) from None
        return self._conn

    def _stop(self, kill: bool) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        stop_worker(proc, conn, kill)
