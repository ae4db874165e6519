"""One worker process of the web app (``spawn``), started and stopped the same way for the story
analysis (:mod:`newsfuse.web.analysis`) and the live index (:mod:`newsfuse.web.indexproc`).

A worker runs ``target(conn, *args)``; its first message on ``conn`` says it is ready, so that its
start-up (spawn re-imports newsfuse) is waited for here and charged to no request.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("newsfuse.web")

# Seconds a new worker process may take to start (spawn, imports) before it counts as failed.
START_SECONDS = 120.0
# Niceness added to the server's worker processes (Unix): what they do (stories brought up to date)
# can wait a moment, reads should not.  At the same priority, the analysis worker, busy through a
# soak, took a core from the server's request threads on a 2-core machine.
WORKER_NICENESS = 10


class WorkerStartError(RuntimeError):
    """The worker process died or did not say it was ready within :data:`START_SECONDS`."""


def lower_priority() -> None:
    """Make this (worker) process give the CPU to the server first: nice it by WORKER_NICENESS."""
    with contextlib.suppress(AttributeError, OSError):  # os.nice: Unix only
        os.nice(WORKER_NICENESS)


def start_worker(target: Callable[..., None], args: tuple[Any, ...], name: str) -> tuple[Any, Connection]:
    """A started worker process running ``target(child_conn, *args)`` and the parent's end of its
    pipe, once the worker has sent its first (ready) message.

    Raises :class:`WorkerStartError` when it dies or is not ready in time (it is then stopped);
    errors of ``Process.start`` itself (no way to spawn here) propagate.
    """
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=target, args=(child, *args), name=name, daemon=True)
    t0 = time.perf_counter()
    proc.start()
    child.close()
    try:
        if not parent.poll(START_SECONDS):
            raise WorkerStartError(f"the {name} worker process did not start in {START_SECONDS:g} s")
        parent.recv()
    except (EOFError, OSError) as exc:
        stop_worker(proc, parent, kill=True)
        raise WorkerStartError(f"the {name} worker process failed to start ({type(exc).__name__})") from None
    except WorkerStartError:
        stop_worker(proc, parent, kill=True)
        raise
    log.info("%s worker process %d started in %.1f s", name, proc.pid, time.perf_counter() - t0)
    return proc, parent


def stop_worker(proc: Any, conn: Connection | None, kill: bool) -> None:
    """Stop a worker: ask it to end (``None`` on its pipe) or kill it, then reap it."""
    if conn is not None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                conn.send(None)
        conn.close()
    if proc is not None:
        if kill:
            proc.kill()
        proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()
            proc.join(timeout=10)


__all__ = ["START_SECONDS", "WORKER_NICENESS", "WorkerStartError", "lower_priority", "start_worker", "stop_worker"]
