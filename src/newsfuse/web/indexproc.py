"""The live story index in a worker process, so that re-clustering never holds the server's GIL.

:class:`~newsfuse.stories.live.LiveStories` re-runs the batch clustering on every time partition a
new article touches: with the articles of one 56-day partition it is about a CPU-second per
thousand articles, every round, and it grows with the store.  Run on the updater thread it holds
the server's one GIL for all that time, and every read of the server waits its turn (in a soak of
1,000 posts with 8 readers, most of the reads' p95).  :class:`IndexProcess` runs the same index in
one worker process (``spawn``) behind the same two calls: :meth:`IndexProcess.add` only keeps the
article, :meth:`IndexProcess.stories` sends the articles added since the last call, the worker
adds them to its index and sends back the stories and the ``copy_of`` the index changed; the
caller's articles get those, as they would from the index in-process.  The updater thread then
only waits on a pipe (the GIL released) and decodes a list of story ids.

The worker's index is the same class on the same articles, so the stories are the same as
in-process (and as ``newsfuse analyze``'s).  If the worker dies, a new one is started and given
every article held (the index is a function of its article set, so the stories come out the
same); if no worker can be started, the index runs in this process, with a warning.
"""

from __future__ import annotations

import logging
import pickle
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Protocol

from newsfuse.model import Article, CopyInfo, Story
from newsfuse.options import Options
from newsfuse.web.workerproc import WorkerStartError, lower_priority, start_worker, stop_worker

log = logging.getLogger("newsfuse.web")

# New workers started in a row (after deaths) before the index falls back to this process.
MAX_STARTS = 3


class StoryIndexLike(Protocol):
    def add(self, article: Article) -> object: ...

    def stories(self) -> list[Story]: ...


IndexFactory = Callable[[Options], StoryIndexLike]


class IndexWorkerError(RuntimeError):
    """The index raised in the worker process (its traceback is in the message)."""


def _serve(conn: Connection, factory: IndexFactory, options: Options) -> None:
    """The worker process: hold an index; for each batch of articles received, add them and send
    back the stories and every ``copy_of`` that differs from what the caller last knew."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops it (close, kill), not Ctrl-C
    lower_priority()
    index = factory(options)
    held: dict[str, Article] = {}
    known: dict[str, CopyInfo | None] = {}  # copy_of as the caller has it
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            for a in msg:
                if a.id not in held:
                    held[a.id] = a
                    known[a.id] = a.copy_of
                    index.add(a)
            # Pickled here so that the caller keeps them as bytes and hands out fresh objects.
            stories = pickle.dumps(index.stories(), protocol=pickle.HIGHEST_PROTOCOL)
            changed: dict[str, CopyInfo | None] = {}
            for aid, a in held.items():
                if a.copy_of != known[aid]:
                    changed[aid] = known[aid] = a.copy_of
            conn.send(("ok", (stories, changed, int(getattr(index, "reclustered", 0)))))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


class IndexProcess:
    """A story index (``factory(options)``, e.g. ``LiveStories``) run in a worker process, with
    the index's own interface: :meth:`add` and :meth:`stories` (see the module doc)."""

    def __init__(self, factory: IndexFactory, options: Options) -> None:
        self.factory = factory
        self.options = options
        self.sets_copies = bool(getattr(factory, "sets_copies", False))
        self._held: dict[str, Article] = {}  # every article added, by id (the caller's objects)
        self._unsent: list[Article] = []  # added since the worker last got articles
        self._stories = pickle.dumps([])  # the index's stories as last received (pickled)
        self._fresh = True  # _stories is up to date with every article added
        self._local: StoryIndexLike | None = None  # the index in this process, once no worker starts
        self._proc: Any = None  # multiprocessing's SpawnProcess
        self._conn: Connection | None = None
        self._starts = 0  # workers started since the last answer
        self.reclustered = 0  # the index's own count of articles clustered again by the last update

    def __len__(self) -> int:
        return len(self._held)

    @property
    def pid(self) -> int | None:
        """The worker process's id (``None``: none running)."""
        return int(self._proc.pid) if self._proc is not None and self._proc.is_alive() else None

    def add(self, article: Article) -> None:
        """Hold ``article`` (an id already held is ignored); the worker gets it at :meth:`stories`."""
        if article.id in self._held:
            return
        self._held[article.id] = article
        if self._local is not None:
            self._local.add(article)
        else:
            self._unsent.append(article)
        self._fresh = False

    def stories(self) -> list[Story]:
        """The index's stories of every article held (new objects the caller may change)."""
        if self._local is not None:
            stories = self._local.stories()
            self.reclustered = int(getattr(self._local, "reclustered", 0))
            return stories
        if not self._fresh:
            self._update()
        out: list[Story] = pickle.loads(self._stories)
        return out

    def close(self) -> None:
        """Stop the worker process (if one runs)."""
        self._stop(kill=False)

    # ------------------------------------------------------------ worker process

    def _update(self) -> None:
        while True:
            conn = self._worker()
            if conn is None:  # no worker could be started: the index runs here from now on
                local = self.factory(self.options)
                for a in self._held.values():
                    local.add(a)
                self._local = local
                self._unsent = []
                return
            try:
                conn.send(self._unsent)
                kind, value = conn.recv()
            except (EOFError, OSError) as exc:
                log.warning("the story index worker process died (%s); starting another", type(exc).__name__)
                self._stop(kill=True)
                continue
            if kind != "ok":
                # The index itself raised (the same articles would raise in a new worker too).
                # The worker holds the articles; they are sent again next time, and skipped.
                raise IndexWorkerError(str(value))
            stories, changed, self.reclustered = value
            for aid, info in changed.items():
                if (mine := self._held.get(aid)) is not None:
                    mine.copy_of = info
            self._stories, self._unsent, self._fresh, self._starts = stories, [], True, 0
            return

    def _worker(self) -> Connection | None:
        """The running worker, or a new one given every article held; ``None`` when none starts."""
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self._stop(kill=True)
        if self._starts >= MAX_STARTS:
            log.warning("no story index worker process could be started; the index runs in the server process")
            return None
        self._starts += 1
        try:
            self._proc, self._conn = start_worker(_serve, (self.factory, self.options), "newsfuse-story-index")
        except WorkerStartError as exc:
            log.warning("%s", exc)
            return self._worker()
        except Exception as exc:  # cannot spawn at all (no /dev/shm, a frozen interpreter...)
            log.warning("the story index worker process cannot start (%s: %s)", type(exc).__name__, exc)
            self._starts = MAX_STARTS
            return self._worker()
        # A new worker holds nothing: it gets every article (with the copy_of the caller has).
        self._unsent = list(self._held.values())
        return self._conn

    def _stop(self, kill: bool) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        stop_worker(proc, conn, kill)
