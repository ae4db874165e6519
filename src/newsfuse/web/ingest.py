"""Adding articles to the store as they arrive, and updating only the stories they change.

For each batch: raw inputs already stored (same content hash or URL) are answered with the stored
article; the rest go through the pipeline's article steps (``pipeline.ARTICLE_STEPS``: extraction,
validation, as ``analyze`` runs them) and are committed — only then is anything acknowledged.
Then the live story index (``newsfuse.stories.live.LiveStories``) re-clusters, with the batch pipeline's own function, the
time partitions the new articles (or their copies) touch, so live stories are ``analyze``'s stories;
every story whose articles changed gets its sources recounted and is analysed by
``pipeline.story_step``; stories merged away are deleted.  If the process dies between the two
commits, the next start sees stored stories that disagree with the rebuilt index and redoes them.

Several servers may share one store (PostgreSQL, or a SQLite file on one machine), each taking
posts.  A round of placing articles is one server's at a time across all of them
(``Store.placing``); it starts by adding to this server's index every article the others stored
since its last round (``Store.articles_since``: write transactions commit one after another, so
``seq`` follows the commit order), so every server's index holds every placed article and the
stories are the same whoever places them.  A changed story that another server already stored with
the same articles and copies (its ``members_key``) is not analysed again, and a stored story that
holds an article of a changed story and is not among the current stories is deleted (merged away,
perhaps by a story this server never held).

Article writes are serialised by one lock, so concurrent posts neither lose nor duplicate articles;
story updates run on one updater thread that takes all articles committed meanwhile at once.
Reads never wait for either: the store answers them from committed state on connections of their
own (see :mod:`newsfuse.store.store`), and the updater's heavy parts, the re-clustering of the
live index and the analysis of each story, run in worker processes (:mod:`newsfuse.web.indexproc`,
:mod:`newsfuse.web.analysis`), so they neither hold the write lock nor the server's GIL.  A story whose analysis takes longer than the per-story time budget
(``Settings.story_budget_seconds``, default :data:`STORY_BUDGET_SECONDS`) is stopped, stored with
its articles and a note saying so, and logged; the other stories go on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from newsfuse.model import Article, RawDocument, Rejection, Story
from newsfuse.options import Options
from newsfuse.pipeline import ARTICLE_STEPS, ArticleStep, article_outcomes, story_step
from newsfuse.store import Store, content_hash, members_key
from newsfuse.stories.sources import set_coverage
from newsfuse.web.analysis import OverBudget, StoryAnalyser
from newsfuse.web.indexproc import IndexProcess, StoryIndexLike

log = logging.getLogger("newsfuse.web")

# Seconds between retries of stories whose update failed (when no new article comes to trigger one).
RETRY_SECONDS = 30.0
# Seconds one story's analysis may take in the server before it is stopped (the story is stored
# with its articles, without analysis, and a note).  The largest story measured, one article of
# 60,000 paragraphs, takes ~11 s alone and ~16 s on a busy server: 60 s leaves room for more than
# that, and bounds how long one story can hold up the articles posted after it.
STORY_BUDGET_SECONDS = 60.0


@dataclass
class Steps:
    """The analysis steps ingestion runs; by default the real ones (see :meth:`default`)."""

    articles: Sequence[ArticleStep[Any, Any]]
    find_copies: Callable[[list[Article], Options], None]
    story_index: Callable[[Options], StoryIndexLike]
    story_step: Callable[[Story, dict[str, Article], Options], Story]

    @classmethod
    def default(cls) -> Steps:
        from newsfuse.stories.dedup import find_copies
        from newsfuse.stories.live import LiveStories

        return cls(ARTICLE_STEPS, find_copies, LiveStories, story_step)


@dataclass
class Outcome:
    """What became of one posted input."""

    status: Literal["created", "duplicate", "rejected"]
    article_id: str | None = None
    story_id: str | None = None
    reason: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class _Pending:
    index: int
    doc: RawDocument
    hash: str
    outcome: Outcome | None = None
    same_as: int | None = None  # an earlier item of the same batch with the same content or URL
    replaces_rejected: str | None = None  # hash of a rejected input stored with the same URL


@dataclass
class Ingestor:
    store: Store
    options: Options = field(default_factory=Options)
    steps: Steps | None = None
    today: date | None = None  # for tests; None = the real date each time
    # Seconds one story's analysis may take (None: no limit); enforced in the worker process only.
    story_budget: float | None = STORY_BUDGET_SECONDS
    # Analyse stories in a worker process; None: yes when the story step is the real one
    # (``pipeline.story_step``), no for stand-ins (tests' steps may be functions a process cannot import).
    story_process: bool | None = None
    # Run the story index in a worker process (:mod:`newsfuse.web.indexproc`); None or False: no
    # (see __post_init__ for why it is off by default).
    index_process: bool | None = None

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self._steps = self.steps or Steps.default()
        process = self.story_process
        if process is None:
            process = self._steps.story_step is story_step
        self._analyser = StoryAnalyser(self._steps.story_step, self.options, self.story_budget, process)
        # Story id -> the note of its last analysis, stopped over budget (until one finishes).
        self.over_budget: dict[str, str] = {}
        self.by_id: dict[str, Article] = {}
        self._seen_seq = 0  # the highest ``seq`` of a stored article this server's index holds
        # Off unless asked for: with the index in a worker process, live stories came out different
        # from analyze's under 16 concurrent posters (bench/bench_api.py --n 300 --concurrency 16:
        # B-cubed 0.889), a cause not yet found.
        own_process = bool(self.index_process)
        self.index: StoryIndexLike = (
            IndexProcess(self._steps.story_index, self.options)
            if own_process
            else self._steps.story_index(self.options)
        )
        # Story id -> why its last update failed; its articles are retried every round (and at the
        # next start, since they stay unassigned in the store).
        self.failures: dict[str, str] = {}
        self._retry: set[str] = set()
        self._cond = threading.Condition()
        self._queue: list[Article] = []
        self._queued = 0  # rounds requested
        self._done = 0  # rounds finished
        self._closed = False
        self.starting = True  # loading the stored articles and redoing interrupted stories
        # Loading and recovery run on the updater thread, before any new article is placed: the
        # server answers at once (reads come from the store), and no stored data can stop it
        # from starting; a post that waits for its story waits for them.
        self._updater = threading.Thread(target=self._run_updater, name="newsfuse-story-updater", daemon=True)
        self._updater.start()

    def _start(self) -> None:
        unassigned: set[str] = set()
        with self.store.placing():
            for a, story_id, seq in self.store.articles_since(0):
                self._seen_seq = max(self._seen_seq, seq)
                self.by_id[a.id] = a
                self.index.add(a)
                if story_id is None:
                    unassigned.add(a.id)
            redone = self._recover(unassigned)
        if redone:
            log.info("brought %d stories up to date with articles stored before a crash", redone)

    def wait_started(self, timeout: float | None = None) -> bool:
        """Block until stored articles are loaded and interrupted stories redone (for tests and tools)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self.starting or not self._updater.is_alive(), timeout)

    # ------------------------------------------------------------ public

    def add(self, docs: list[RawDocument], wait: bool = True) -> list[Outcome]:
        """Store ``docs`` and update their stories; one :class:`Outcome` per input, in order.

        Returns once the new articles are committed and (with ``wait``) their stories updated;
        without ``wait`` it returns right after the commit and the stories follow.  Story updates
        run on one updater thread that takes every article committed meanwhile in one go (group
        commit): under concurrent posts each changed story is analysed once per round, not once
        per article.
        """
        with self.lock:
            pending = self._dedupe(docs)
            new = self._commit_articles([p for p in pending if p.outcome is None and p.same_as is None])
        if new:
            self._enqueue(new, wait)
        out: list[Outcome] = []
        for p in pending:
            if p.same_as is not None:
                first = pending[p.same_as].outcome
                assert first is not None
                o = Outcome("duplicate", first.article_id, first.story_id, first.reason, first.detail)
            else:
                assert p.outcome is not None
                o = p.outcome
            if o.article_id and o.status != "rejected":
                o.story_id = self.store.article_story(o.article_id)
            out.append(o)
        return out

    def pending(self) -> int:
        """Articles committed but not yet placed in a story."""
        with self._cond:
            return len(self._queue)

    def close(self) -> None:
        """Finish the story updates queued so far and stop the updater thread."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._updater.join(timeout=60)
        if not self._updater.is_alive():
            # (Still analysing after a minute: the worker is a daemon process and ends with this one;
            # stopping it now would store the story as failed.)
            self._analyser.close()
            if isinstance(self.index, IndexProcess):
                self.index.close()

    # ------------------------------------------------------------ story updater

    def _enqueue(self, new: list[Article], wait: bool) -> None:
        with self._cond:
            if self._closed:
                return  # shutting down: stored, and placed at the next start
            self._queue.extend(new)
            self._queued += 1
            ticket = self._queued
            self._cond.notify_all()
            while wait and self._done < ticket and self._updater.is_alive():
                self._cond.wait(timeout=1.0)

    def _run_updater(self) -> None:
        try:
            self._start()
        except Exception:
            # Never fatal: the server keeps serving what is stored; new posts are still placed.
            log.exception("loading stored articles failed; stories of earlier articles may be out of date")
        with self._cond:
            self.starting = False
            self._cond.notify_all()
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    # With failed stories pending, wake up now and then to retry them.
                    if not self._cond.wait(timeout=RETRY_SECONDS if self._retry else None) and self._retry:
                        break
                if not self._queue and self._closed:
                    return
                batch, self._queue = self._queue, []
                ticket = self._queued
            try:
                self._place(batch)
            except Exception:
                # The articles are committed (and acknowledged); their stories are redone at the
                # next start.  A failing update must not turn a stored article into an error.
                log.exception("story update failed for %d stored articles", len(batch))
            with self._cond:
                self._done = ticket
                self._cond.notify_all()

    # ------------------------------------------------------------ steps

    def _dedupe(self, docs: list[RawDocument]) -> list[_Pending]:
        pending: list[_Pending] = []
        first_by_key: dict[str, int] = {}
        for i, d in enumerate(docs):
            p = _Pending(i, d, content_hash(d))
            keys = [p.hash] + ([f"url:{d.url}"] if d.url else [])
            earlier = next((first_by_key[k] for k in keys if k in first_by_key), None)
            if earlier is not None:
                p.same_as = earlier
            else:
                existing = self.store.find_existing(p.hash, d.url)
                if existing is not None:
                    if existing.article_id:
                        p.outcome = Outcome("duplicate", existing.article_id)
                    elif existing.hash == p.hash:
                        p.outcome = Outcome("rejected", reason=existing.rejection, detail="rejected when first posted")
                    else:
                        # Other content at the URL of a rejected input (a stub, a paywall teaser, an
                        # error page): judged on its own; the rejected input gives its URL up.
                        p.replaces_rejected = existing.hash
                for k in keys:
                    first_by_key[k] = i
            pending.append(p)
        return pending

    def _commit_articles(self, todo: list[_Pending]) -> list[Article]:
        if not todo:
            return []
        today = self.today or date.today()
        outputs, _, _ = article_outcomes([p.doc for p in todo], self.options, today, self._steps.articles)
        new: list[Article] = []
        with self.store.transaction():
            seq = self.store.next_seq()
            for p in todo:
                if p.replaces_rejected:
                    self.store.release_url(p.replaces_rejected)
            for p, out in zip(todo, outputs, strict=True):
                if isinstance(out, Rejection):
                    self.store.add_raw(p.doc, p.hash, None, (out.reason, out.detail), seq)
                    p.outcome = Outcome("rejected", reason=out.reason, detail=out.detail)
                    continue
                # What sanitising changed (readers/sanitize.py), whatever extractor the steps use.
                out.notes[:0] = [n for n in p.doc.notes if n not in out.notes]
                stored = self.store.add_raw(p.doc, p.hash, out, None, seq)
                if stored == out.id:
                    seq += 1
                    new.append(out)
                    p.outcome = Outcome("created", out.id)
                else:
                    p.outcome = Outcome("duplicate", stored)
        return new

    def _snapshot(self, stories: list[Story] | None = None) -> dict[str, frozenset[tuple[str, str | None]]]:
        """Each story's articles with what each copies: a story changes when either does."""

        def origin(aid: str) -> str | None:
            a = self.by_id.get(aid)
            return a.copy_of.of if a is not None and a.copy_of is not None else None

        listed = self.index.stories() if stories is None else stories
        return {st.id: frozenset((aid, origin(aid)) for aid in st.articles) for st in listed}

    def _place(self, batch: list[Article]) -> None:
        if not batch and not self._retry:
            return
        with self.store.placing():
            # This batch, then what other servers (or this one, after the batch was taken) stored meanwhile.
            new = [a for a in batch if a.id not in self.by_id]
            taken = {a.id for a in new}
            foreign = False  # another server placed articles since this one's last round
            for a, story_id, seq in self.store.articles_since(self._seen_seq):
                self._seen_seq = max(self._seen_seq, seq)
                foreign |= story_id is not None
                if a.id not in self.by_id and a.id not in taken:
                    new.append(a)
            # this index's stories before the round: what the store holds, unless another server placed
            before = {} if foreign else self._snapshot()
            for a in new:
                self.by_id[a.id] = a
                self.index.add(a)
            current = {st.id: st for st in self.index.stories()}
            retry, self._retry = self._retry, set()
            if foreign:
                # The stories before this round are not what the store holds: another server's
                # rounds placed articles this index had not seen, and a new article can split what
                # it merged.  Every story is compared with the stored one instead.
                stored = self.store.all_story_members()
                changed = [
                    st
                    for sid, st in current.items()
                    if stored.get(sid) != members_key(st, self.by_id) or retry & set(st.articles)
                ]
                removed = {sid for sid in stored if sid not in current}
            else:
                after = self._snapshot(list(current.values()))
                changed = [
                    st for sid, st in current.items() if before.get(sid) != after[sid] or retry & set(st.articles)
                ]
                removed = {sid for sid in before if sid not in current}
            self._save(current, changed, sorted(removed))

    def _recover(self, unassigned: set[str]) -> int:
        """After a crash between storing articles and updating their stories: redo those stories.

        Only stories holding an unassigned article are touched, so a store loaded from a finished
        report (:meth:`Store.save_report`) keeps its stories as they are.
        """
        if not unassigned:
            return 0
        current = {st.id: st for st in self.index.stories()}
        changed = [st for st in current.values() if unassigned & set(st.articles)]
        touched = {aid for st in changed for aid in st.articles}
        removed = [
            sid for sid, aids in self.store.story_articles().items() if sid not in current and touched & set(aids)
        ]
        self._save(current, changed, removed)
        return len(changed) + len(removed)

    def _save(self, current: dict[str, Story], changed: list[Story], removed: list[str]) -> None:
        """Find copies, recount sources, analyse each changed story, then store them in one commit."""
        if not changed and not removed:
            return
        touched = [self.by_id[aid] for st in changed for aid in st.articles if aid in self.by_id]
        if not getattr(self.index, "sets_copies", False):
            # An index that does not find copies itself (the batch's copies over the whole store,
            # as LiveStories does): one call for all changed stories (building the MinHash index
            # has a fixed cost, and a copy may sit in another story than its origin).
            for a in touched:
                a.copy_of = None
            self._steps.find_copies(touched, self.options)
        members = {st.id: members_key(st, self.by_id) for st in changed}
        stored = self.store.story_members(list(members))
        # Stored by another server with these very articles and copies: nothing to redo.
        changed = [st for st in changed if stored.get(st.id) != members[st.id]]
        if not changed and not removed:
            return
        for i, st in enumerate(changed):
            set_coverage(st, self.by_id)
            try:
                changed[i] = self._analyser.analyse(st, self.by_id)
                self.over_budget.pop(st.id, None)
            except OverBudget:
                # Stopped, so the updater goes on with the other stories and the articles posted
                # after it; the story is stored (its articles listed) and analysed again when it changes.
                note = (
                    f"analysis stopped: it took longer than the server's per-story time budget "
                    f"({self.story_budget:g} s); articles are listed without analysis"
                )
                log.warning(
                    "analysis of story %s (%d articles) stopped after %g s (the per-story time budget)",
                    st.id,
                    len(st.articles),
                    self.story_budget,
                )
                st.notes.append(note)
                self.over_budget[st.id] = note
            except Exception:
                # One story's failing analysis must not keep its articles (or other stories) unstored.
                log.exception("analysis of story %s failed", st.id)
                st.notes.append("analysis failed (see the server log); articles are listed without analysis")
        story_of: dict[str, str | None] = {aid: sid for sid, st in current.items() for aid in st.articles}
        try:
            with self.store.transaction():
                self.store.update_articles(touched, story_of)
                self.store.save_stories(changed, removed, members)
        except Exception as exc:
            log.warning(
                "storing %d updated stories at once failed (%s: %s); storing them one by one",
                len(changed),
                type(exc).__name__,
                exc,
            )
            self._save_one_by_one(changed, removed, story_of, members)
            return
        for st in changed:
            self.failures.pop(st.id, None)

    def _save_one_by_one(
        self, changed: list[Story], removed: list[str], story_of: dict[str, str | None], members: dict[str, str]
    ) -> None:
        """Store each story in its own commit, so one story that cannot be stored does not hold back
        the others; a failed one is logged with its reason, its articles stay unassigned, and it is
        tried again in a later round and at the next start."""
        if removed:
            try:
                with self.store.transaction():
                    self.store.save_stories([], removed)
            except Exception:
                log.exception("removing %d merged-away stories failed", len(removed))
        for st in changed:
            arts = [self.by_id[aid] for aid in st.articles if aid in self.by_id]
            try:
                with self.store.transaction():
                    self.store.update_articles(arts, story_of)
                    self.store.save_stories([st], members=members)
            except Exception as exc:
                reason = f"{type(exc).__name__}: {str(exc).strip()[:300]}"
                log.error("story %s (%d articles) could not be stored, will retry: %s", st.id, len(arts), reason)
                self.failures[st.id] = reason
                self._retry.update(a.id for a in arts)
            else:
                self.failures.pop(st.id, None)
