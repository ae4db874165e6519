"""The analysis pipeline: the steps, declared once.

    read                                      per shard of input files      (embarrassingly parallel)
      ARTICLE_STEPS: extract/clean, validate  per shard                     (parallel)
    dedup: signatures per shard, then grouping over the whole corpus (LSH bands)
    cluster                                   per time partition + overlap  (parallel, then joined)
    stories: per-story analysis               per batch of whole stories    (parallel)
    -> Report

:data:`STEPS` is that order, for the whole corpus; every executor walks it
(:func:`newsfuse.exec.runner.run_steps`) and knows nothing else about the steps.  Each
:class:`Step` has one contract: it cuts its work into pieces from the :class:`Corpus` (data in),
its ``task`` runs on each piece anywhere (this process, a process pool, a Dask cluster), its
``done`` puts each result into the corpus and its ``finish`` does the global part and returns the
step's stats (data out).  :data:`ARTICLE_STEPS` are the steps over the articles of one shard,
also run by the server on posted documents (:func:`article_outcomes`) and by the timeline
command (:func:`run_article_steps`).

Every step is a plain function of its inputs and the options: it never knows which executor runs
it, holds no module-level state and returns plain dataclasses that pickle and round-trip through
JSON, so the same input gives the same report under every executor.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from newsfuse.crosscheck import crosscheck_story
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.extract import extract_documents
from newsfuse.model import Article, CopyInfo, RawDocument, Rejection, StepStats, Story, from_dict, to_dict
from newsfuse.options import Options
from newsfuse.readers import read_inputs
from newsfuse.stories.cluster import cluster_stories
from newsfuse.stories.dedup import Grouped, copy_signatures, grouped_copies
from newsfuse.stories.partitions import Partition, join_partitions, time_partitions
from newsfuse.summary import summarize_story
from newsfuse.text import SentenceMemo
from newsfuse.timeline import story_timeline
from newsfuse.timeline.dates import DateResolver
from newsfuse.validate import validate_articles

log = logging.getLogger("newsfuse.pipeline")

I = TypeVar("I")  # noqa: E741  what an article step takes, one item per document
O = TypeVar("O")  # noqa: E741  what it gives for an item it keeps
P = TypeVar("P")  # a piece of a corpus step's work
R = TypeVar("R")  # what a piece became


def _stats(step: str, read: int, kept: int, rejections: Iterable[Rejection], seconds: float) -> StepStats:
    return StepStats(
        step=step, read=read, kept=kept, rejected=dict(Counter(r.reason for r in rejections)), seconds=round(seconds, 4)
    )


# ---------------------------------------------------------------- the article steps (per shard)


def read_step(
    paths: list[str], options: Options, names: list[str] | None = None
) -> tuple[list[RawDocument], list[Rejection]]:
    docs: list[RawDocument] = []
    rejected: list[Rejection] = []
    for item in read_inputs(paths, options, names):
        (rejected if isinstance(item, Rejection) else docs).append(item)  # type: ignore[arg-type]
    return docs, rejected


def extract_step(docs: list[RawDocument], options: Options) -> tuple[list[Article], list[Rejection]]:
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for item in extract_documents(docs, options):
        (rejected if isinstance(item, Rejection) else articles).append(item)  # type: ignore[arg-type]
    return articles, rejected


def validate_step(articles: list[Article], options: Options, today: date) -> tuple[list[Article], list[Rejection]]:
    return validate_articles(articles, options, today=today)


def _extract(docs: list[RawDocument], options: Options, today: date) -> list[Article | Rejection]:
    return extract_documents(docs, options)


def _validate(articles: list[Article], options: Options, today: date) -> list[Article | Rejection]:
    kept, rejected = validate_step(articles, options, today)
    keep = {id(a) for a in kept}
    why = iter(rejected)  # one rejection per article not kept, in article order
    return [a if id(a) in keep else next(why) for a in articles]


@dataclass(frozen=True)
class ArticleStep(Generic[I, O]):
    """A step over the documents of one shard: one outcome per item, in order (what it keeps, or a
    :class:`Rejection` saying why not).  Kept items go on to the next step."""

    name: str
    run: Callable[[list[I], Options, date], Sequence[O | Rejection]]


EXTRACT = ArticleStep[RawDocument, Article]("extract", _extract)
VALIDATE = ArticleStep[Article, Article]("validate", _validate)
# What happens to every document read, in order (``read`` itself turns paths into documents).
ARTICLE_STEPS: tuple[ArticleStep[Any, Any], ...] = (EXTRACT, VALIDATE)


def article_steps(through: str) -> tuple[ArticleStep[Any, Any], ...]:
    """:data:`ARTICLE_STEPS` up to and including the one named ``through``."""
    names = [s.name for s in ARTICLE_STEPS]
    return ARTICLE_STEPS[: names.index(through) + 1]


def article_outcomes(
    docs: Sequence[Any], options: Options, today: date, steps: Sequence[ArticleStep[Any, Any]] = ARTICLE_STEPS
) -> tuple[list[Any], list[Rejection], list[StepStats]]:
    """Walk ``steps`` over ``docs``.  Returns one outcome per document, in order (its article, or
    the :class:`Rejection` of the step that dropped it), the rejections step by step, and each
    step's stats."""
    outcomes: list[Any] = list(docs)
    rejections: list[Rejection] = []
    stats: list[StepStats] = []
    for step in steps:
        t0 = time.perf_counter()
        live = [i for i, x in enumerate(outcomes) if not isinstance(x, Rejection)]
        got = step.run([outcomes[i] for i in live], options, today)
        if len(got) != len(live):
            raise RuntimeError(f"step {step.name} gave {len(got)} outcomes for {len(live)} items")
        rejected = [x for x in got if isinstance(x, Rejection)]
        for i, x in zip(live, got, strict=True):
            outcomes[i] = x
        rejections.extend(rejected)
        stats.append(_stats(step.name, len(live), len(live) - len(rejected), rejected, time.perf_counter() - t0))
    return outcomes, rejections, stats


@dataclass
class ShardResult:
    """What one shard of input files became: its articles and rejections, in input order, and the
    stats of the read step and the article steps (their ``seconds`` are time spent in this task)."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    stats: list[StepStats] = field(default_factory=list)


def run_article_steps(
    paths: list[str],
    options: Options,
    today: date,
    steps: Sequence[ArticleStep[Any, Any]] = ARTICLE_STEPS,
    names: list[str] | None = None,
) -> ShardResult:
    """Read ``paths`` (known by ``names``: see :func:`newsfuse.readers.read_inputs`) and walk
    ``steps`` over the documents read."""
    out = ShardResult()
    t0 = time.perf_counter()
    docs, rejected = read_step(paths, options, names)
    out.rejections.extend(rejected)
    out.stats.append(_stats("read", len(docs) + len(rejected), len(docs), rejected, time.perf_counter() - t0))
    outcomes, rejected, stats = article_outcomes(docs, options, today, steps)
    out.rejections.extend(rejected)
    out.stats.extend(stats)
    out.articles = [x for x in outcomes if not isinstance(x, Rejection)]
    return out


def _shard_once(paths: list[str], options: Options, today: date, names: list[str] | None) -> ShardResult:
    return run_article_steps(paths, options, today, names=names)


def shard_step(paths: list[str], options: Options, today: date, names: list[str] | None = None) -> ShardResult:
    """Read, extract and validate one shard of input files.

    A bug a stage hits on one odd file must not cost the other files of the shard, nor the run:
    when the shard fails as a whole it is redone file by file, and a file that still fails becomes
    a :class:`Rejection` with reason ``error`` (and the exception in ``detail``).
    """
    try:
        return _shard_once(paths, options, today, names)
    except Exception as exc:  # a stage's bug; isolate the file that triggers it
        if len(paths) == 1:
            log.exception("file %s failed", paths[0])
            return ShardResult(
                rejections=[
                    Rejection(origin=paths[0], reason="error", detail=f"{type(exc).__name__}: {exc}", stage="extract")
                ],
                stats=[_stats("read", 1, 0, [], 0.0)],
            )
    return merge_shard_results(
        [shard_step([p], options, today, None if names is None else [names[i]]) for i, p in enumerate(paths)]
    )


def merge_shard_results(results: Iterable[ShardResult]) -> ShardResult:
    """Concatenate shard results in order; stats of the same step are summed."""
    out = ShardResult()
    by_step: dict[str, StepStats] = {}
    for r in results:
        out.articles.extend(r.articles)
        out.rejections.extend(r.rejections)
        for s in r.stats:
            t = by_step.get(s.step)
            if t is None:
                t = by_step[s.step] = StepStats(step=s.step)
                out.stats.append(t)
            t.read += s.read
            t.kept += s.kept
            t.seconds = round(t.seconds + s.seconds, 4)
            for reason, k in s.rejected.items():
                t.rejected[reason] = t.rejected.get(reason, 0) + k
    return out


# ---------------------------------------------------------------- dedup (split: per article, then global)


def dedup_signature_step(articles: list[Article], options: Options) -> list[Any]:
    """The per-article half of copy detection (shingles + MinHash), run where the shard was read."""
    return list(copy_signatures(articles, options))


def dedup_group_step(
    articles: list[Article], signatures: list[Any], options: Options, earlier: Grouped | None = None
) -> Grouped | None:
    """The global half: MinHash LSH bands over all signatures give candidate pairs (never all
    pairs), verified on exact shingles; sets ``copy_of`` on every copy (and clears it elsewhere).
    ``earlier``: an earlier run's grouping, whose decisions are reused where they still hold
    (:func:`~newsfuse.stories.dedup.grouped_copies`); returns this one's, to keep."""
    grouped = grouped_copies(signatures, options, earlier)
    for a in articles:
        a.copy_of = grouped.copies.get(a.id)
    return grouped


# ---------------------------------------------------------------- clustering and stories


def cluster_step(articles: list[Article], options: Options) -> list[Story]:
    return cluster_stories(articles, options)


class StoryMemo:
    """Memos of pure functions shared by the stories of one batch: stems, sentence splits and
    dateparser results.  Each is a function of its key alone, so sharing one changes no result,
    only how often the work is done.  Made per batch (never module-wide: no state outlives a task).
    """

    def __init__(self) -> None:
        self.stemmer = CachedStemmer()
        self.sentences = SentenceMemo()
        self.dates = DateResolver()


def story_step(story: Story, by_id: dict[str, Article], options: Options, memo: StoryMemo | None = None) -> Story:
    """Everything done per story: summary, cross-check, timeline.  Pure function of its inputs.

    ``memo``: shared by the stories of one batch (see :class:`StoryMemo`); a fresh one when ``None``.
    """
    memo = memo or StoryMemo()
    split = memo.sentences.split
    summarize_story(story, by_id, options, split)
    if options.crosscheck.enabled:
        crosscheck_story(story, by_id, options, memo.stemmer, split)
    story.timeline = story_timeline(story, by_id, options, memo.dates, split)
    return story


def story_batch_step(stories: list[Story], articles: list[Article], options: Options) -> list[Story]:
    """Analyse a batch of whole stories; ``articles`` holds their articles and the origins they copy.

    A story whose analysis raises keeps its cluster data and gets a note, so one bad story never
    costs the run.
    """
    by_id = {a.id: a for a in articles}
    memo = StoryMemo()  # one per batch: the stories of a batch share most of their vocabulary
    out: list[Story] = []
    for story in stories:
        try:
            out.append(story_step(story, by_id, options, memo))
        except Exception as exc:  # a stage's bug on this story: keep the story, say why it is bare
            log.exception("story %s failed", story.id)
            story.notes.append(f"analysis failed: {type(exc).__name__}: {exc}")
            out.append(story)
    return out


# ---------------------------------------------------------------- the corpus steps


@dataclass(frozen=True)
class Shard:
    """A piece of the input: files read together, in order (cut by :func:`newsfuse.exec.plan.plan_shards`)."""

    index: int
    paths: tuple[str, ...]
    fingerprint: str  # changes when any of its files changes (path, size, mtime)
    size: int = 0  # bytes (work estimate, for scheduling the largest shards first)
    names: tuple[str, ...] | None = None  # each file's name below its input (RawDocument.name)


@dataclass(frozen=True)
class StoryBatch:
    """Whole stories analysed together, with their articles and the origins those copy."""

    index: int
    stories: list[Story]
    articles: list[Article]


class Saved(Protocol):
    """Finished work kept across runs (:class:`newsfuse.exec.checkpoint.CheckpointStore`), found
    by what it was computed from: a shard by its files, copy signatures with their shard, a time
    partition's clusters by the content of the articles it sees, an analysed story by its *story
    key* (the clustered story and the content of every article its analysis reads).  So a run on
    more files than a finished one (an incremental run) redoes only what the new files change."""

    def load_shard(self, fingerprint: str) -> ShardResult | None: ...

    def save_shard(self, fingerprint: str, result: ShardResult) -> None: ...

    def load_signatures(self, fingerprint: str, articles: list[Article]) -> list[Any] | None: ...

    def save_signatures(self, fingerprint: str, sigs: list[Any]) -> None: ...

    def load_copies(self, article_ids: list[str]) -> list[dict[str, Any] | None] | None: ...

    def save_copies(self, article_ids: list[str], copies: list[dict[str, Any] | None]) -> None: ...

    def load_grouping(self) -> Grouped | None: ...

    def save_grouping(self, grouped: Grouped) -> None: ...

    def article_keys(self, articles: list[Article]) -> dict[str, str]: ...

    def partition_key(self, article_keys: list[str]) -> str: ...

    def load_partition(self, key: str) -> list[Story] | None: ...

    def save_partition(self, key: str, stories: list[Story]) -> None: ...

    def story_key(self, story: Story, article_keys: list[str]) -> str: ...

    def load_stories(self, keys: list[str]) -> dict[str, Story]: ...

    def save_batch(self, keys: list[str], stories: list[Story]) -> None: ...


@dataclass
class Corpus:
    """The data the corpus steps hand on: each reads what the steps before it left and adds its part."""

    shards: list[Shard]
    today: date
    saved: Saved | None = None  # finished work of an earlier run (resumes it), and where to keep this run's
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    # hand-offs between steps
    shard_results: list[ShardResult | None] = field(default_factory=list)
    signatures: list[list[Any] | None] = field(default_factory=list)  # copy signatures, per shard
    signature_seconds: float = 0.0
    copies_restored: bool = False
    partitions: list[Partition] = field(default_factory=list)
    clustered: list[list[Story] | None] = field(default_factory=list)  # per partition
    article_keys: dict[str, str] = field(default_factory=dict)  # article id -> content key (with saved)
    partition_keys: list[str] = field(default_factory=list)  # per partition (with saved)
    story_keys: dict[str, str] = field(default_factory=dict)  # story id -> story key (with saved)
    batches: list[StoryBatch] = field(default_factory=list)
    analysed: dict[str, Story] = field(default_factory=dict)  # story id -> analysed (or restored) story


@dataclass(frozen=True)
class Step(Generic[P, R]):
    """One corpus step.  ``cut`` gives the pieces of work still to do, from the corpus and the
    options only (so every executor cuts alike); ``task`` runs on one piece, anywhere (a top-level
    function: it must pickle) and returns its result with the seconds it took; ``done`` puts a
    result into the corpus as it arrives; ``finish`` does the step's global part and returns its
    stats, given the seconds its tasks took.  ``size`` estimates a piece's work (larger first)."""

    name: str
    cut: Callable[[Corpus, Options], list[P]]
    task: Callable[[P, Options, date], tuple[R, float]]
    done: Callable[[Corpus, P, R], None]
    finish: Callable[[Corpus, Options, float], list[StepStats]]
    size: Callable[[P], int]


def _no_size(piece: object) -> int:
    return 0


# -- read: read -> ARTICLE_STEPS per shard, and the copy signatures where the shard was read


def _read_cut(corpus: Corpus, options: Options) -> list[Shard]:
    corpus.shard_results = [None] * len(corpus.shards)
    corpus.signatures = [None] * len(corpus.shards)
    todo: list[Shard] = []
    for sh in corpus.shards:
        cached = corpus.saved.load_shard(sh.fingerprint) if corpus.saved and "-" not in sh.paths else None
        if cached is None:
            todo.append(sh)
        else:
            corpus.shard_results[sh.index] = cached
    if corpus.saved and len(todo) < len(corpus.shards):
        log.info("resuming: %d of %d shards restored", len(corpus.shards) - len(todo), len(corpus.shards))
    return todo


def _read_task(shard: Shard, options: Options, today: date) -> tuple[tuple[ShardResult, list[Any]], float]:
    result = shard_step(list(shard.paths), options, today, None if shard.names is None else list(shard.names))
    t0 = time.perf_counter()
    sigs = dedup_signature_step(result.articles, options)
    return (result, sigs), time.perf_counter() - t0  # the seconds of the signatures (dedup's)


def _read_done(corpus: Corpus, shard: Shard, result: tuple[ShardResult, list[Any]]) -> None:
    corpus.shard_results[shard.index], corpus.signatures[shard.index] = result
    if corpus.saved and "-" not in shard.paths:
        corpus.saved.save_shard(shard.fingerprint, result[0])
        corpus.saved.save_signatures(shard.fingerprint, result[1])


def _read_finish(corpus: Corpus, options: Options, seconds: float) -> list[StepStats]:
    corpus.signature_seconds += seconds
    merged = merge_shard_results(r for r in corpus.shard_results if r is not None)
    corpus.articles = merged.articles
    corpus.rejections = merged.rejections
    return merged.stats


def _shard_size(shard: Shard) -> int:
    return shard.size


# -- dedup: signatures of restored shards (restored with them, else computed again), then copy
# groups over the whole corpus


def _dedup_cut(corpus: Corpus, options: Options) -> list[tuple[int, list[Article]]]:
    saved = corpus.saved
    copies = saved.load_copies([a.id for a in corpus.articles]) if saved else None
    if copies is not None:
        for a, c in zip(corpus.articles, copies, strict=True):
            a.copy_of = from_dict(CopyInfo, c) if c else None
        corpus.copies_restored = True
        return []
    todo = [
        i for i, r in enumerate(corpus.shard_results) if r is not None and corpus.signatures[i] is None and r.articles
    ]
    if saved:
        for i in todo:
            corpus.signatures[i] = saved.load_signatures(corpus.shards[i].fingerprint, corpus.shard_results[i].articles)  # type: ignore[union-attr]
    return [(i, corpus.shard_results[i].articles) for i in todo if corpus.signatures[i] is None]  # type: ignore[union-attr]


def _dedup_task(piece: tuple[int, list[Article]], options: Options, today: date) -> tuple[list[Any], float]:
    t0 = time.perf_counter()
    sigs = dedup_signature_step(piece[1], options)
    return sigs, time.perf_counter() - t0


def _dedup_done(corpus: Corpus, piece: tuple[int, list[Article]], sigs: list[Any]) -> None:
    corpus.signatures[piece[0]] = sigs
    shard = corpus.shards[piece[0]]
    if corpus.saved and "-" not in shard.paths:
        corpus.saved.save_signatures(shard.fingerprint, sigs)


def _dedup_finish(corpus: Corpus, options: Options, seconds: float) -> list[StepStats]:
    t0 = time.perf_counter()
    articles = corpus.articles
    if not corpus.copies_restored:
        all_sigs = [s for sigs in corpus.signatures if sigs for s in sigs]
        grouped = dedup_group_step(articles, all_sigs, options, corpus.saved.load_grouping() if corpus.saved else None)
        del all_sigs  # shingle sets are the largest thing held per article: free them now
        if corpus.saved:
            if grouped is not None:
                corpus.saved.save_grouping(grouped)
            corpus.saved.save_copies(
                [a.id for a in articles], [to_dict(a.copy_of) if a.copy_of else None for a in articles]
            )
    corpus.signatures.clear()
    n_copies = sum(1 for a in articles if a.copy_of is not None)
    secs = corpus.signature_seconds + seconds + time.perf_counter() - t0
    return [StepStats(step="dedup", read=len(articles), kept=len(articles) - n_copies, seconds=round(secs, 4))]


# -- cluster: per time partition (with overlap), joined across the cuts; with saved work, a
# partition that sees the same articles (same content, copy_of included) as before is restored


def _cluster_cut(corpus: Corpus, options: Options) -> list[tuple[int, list[Article]]]:
    corpus.partitions = time_partitions(corpus.articles, options)
    corpus.clustered = [None] * len(corpus.partitions)
    saved = corpus.saved
    if saved:
        corpus.article_keys = keys = saved.article_keys(corpus.articles)
        corpus.partition_keys = [
            saved.partition_key([keys[corpus.articles[i].id] for i in p.seen]) for p in corpus.partitions
        ]
        corpus.clustered = [saved.load_partition(k) for k in corpus.partition_keys]
    todo = [k for k, got in enumerate(corpus.clustered) if got is None]
    if saved and len(todo) < len(corpus.partitions):
        log.info("%d of %d time partitions restored", len(corpus.partitions) - len(todo), len(corpus.partitions))
    if len(corpus.partitions) == 1:
        return []  # nothing to parallelise: no need to ship the corpus anywhere (see _cluster_finish)
    return [(k, [corpus.articles[i] for i in corpus.partitions[k].seen]) for k in todo]


def _cluster_task(piece: tuple[int, list[Article]], options: Options, today: date) -> tuple[list[Story], float]:
    t0 = time.perf_counter()
    stories = cluster_step(piece[1], options)
    return stories, time.perf_counter() - t0


def _cluster_done(corpus: Corpus, piece: tuple[int, list[Article]], stories: list[Story]) -> None:
    corpus.clustered[piece[0]] = stories
    if corpus.saved:
        corpus.saved.save_partition(corpus.partition_keys[piece[0]], stories)


def _cluster_finish(corpus: Corpus, options: Options, seconds: float) -> list[StepStats]:
    t0 = time.perf_counter()
    if len(corpus.partitions) == 1 and corpus.clustered[0] is None:
        _cluster_done(corpus, (0, corpus.articles), cluster_step(corpus.articles, options))
    corpus.stories = join_partitions(corpus.articles, corpus.partitions, [c or [] for c in corpus.clustered])
    corpus.clustered = []
    log.info(
        "clustered %d articles into %d stories in %d time partition(s)",
        len(corpus.articles),
        len(corpus.stories),
        len(corpus.partitions),
    )
    secs = seconds + time.perf_counter() - t0
    return [StepStats(step="cluster", read=len(corpus.articles), kept=len(corpus.stories), seconds=round(secs, 4))]


# -- stories: per-story analysis, in batches of whole stories


def story_reads(story: Story, by_id: dict[str, Article]) -> list[str]:
    """The ids of the articles a story's analysis reads: its own and the origins they copy."""
    ids: dict[str, None] = {}
    for aid in story.articles:
        ids[aid] = None
        a = by_id.get(aid)
        if a is not None and a.copy_of is not None:
            ids[a.copy_of.of] = None
    return [i for i in ids if i in by_id]


def story_batches(stories: list[Story], by_id: dict[str, Article], options: Options) -> list[StoryBatch]:
    """Whole stories, in order, in batches of about ``scale.story_batch_articles`` articles; each
    batch carries its stories' articles and the origins they copy (for independent sources)."""
    if options.scale.story_batch_articles < 1:
        raise ValueError(f"scale.story_batch_articles must be at least 1, not {options.scale.story_batch_articles}")
    groups: list[list[Story]] = []
    cur: list[Story] = []
    size = 0
    for story in stories:
        cur.append(story)
        size += len(story.articles)
        if size >= options.scale.story_batch_articles:
            groups.append(cur)
            cur, size = [], 0
    if cur:
        groups.append(cur)
    batches: list[StoryBatch] = []
    for k, batch_stories in enumerate(groups):
        ids: dict[str, None] = {}
        for s in batch_stories:
            ids.update(dict.fromkeys(story_reads(s, by_id)))
        batches.append(StoryBatch(k, batch_stories, [by_id[i] for i in ids]))
    return batches


def _stories_cut(corpus: Corpus, options: Options) -> list[StoryBatch]:
    by_id = {a.id: a for a in corpus.articles}
    todo = corpus.stories
    corpus.analysed = {}
    saved = corpus.saved
    if saved:  # a story analysed before (same story key), whatever batch held it, is restored
        keys = corpus.article_keys
        corpus.story_keys = {s.id: saved.story_key(s, [keys[i] for i in story_reads(s, by_id)]) for s in corpus.stories}
        restored = saved.load_stories(list(corpus.story_keys.values()))
        for sid, k in corpus.story_keys.items():
            if k in restored:
                corpus.analysed[sid] = restored[k]
        todo = [s for s in corpus.stories if s.id not in corpus.analysed]
        if restored:
            log.info("%d of %d stories restored", len(corpus.stories) - len(todo), len(corpus.stories))
    corpus.batches = story_batches(todo, by_id, options)
    return corpus.batches


def _stories_task(batch: StoryBatch, options: Options, today: date) -> tuple[list[Story], float]:
    t0 = time.perf_counter()
    stories = story_batch_step(batch.stories, batch.articles, options)
    return stories, time.perf_counter() - t0


def _stories_done(corpus: Corpus, batch: StoryBatch, stories: list[Story]) -> None:
    for s in stories:
        corpus.analysed[s.id] = s
    if corpus.saved:
        corpus.saved.save_batch([corpus.story_keys[s.id] for s in stories], stories)


def _stories_finish(corpus: Corpus, options: Options, seconds: float) -> list[StepStats]:
    clustered = len(corpus.stories)
    corpus.stories = [corpus.analysed[s.id] for s in corpus.stories]  # the clustered order
    corpus.analysed = {}
    return [StepStats(step="stories", read=clustered, kept=len(corpus.stories), seconds=round(seconds, 4))]


def _batch_size(batch: StoryBatch) -> int:
    return len(batch.articles)


# The whole corpus's steps, in order: what every executor walks.
STEPS: tuple[Step[Any, Any], ...] = (
    Step("read", _read_cut, _read_task, _read_done, _read_finish, _shard_size),
    Step("dedup", _dedup_cut, _dedup_task, _dedup_done, _dedup_finish, _no_size),
    Step("cluster", _cluster_cut, _cluster_task, _cluster_done, _cluster_finish, _no_size),
    Step("stories", _stories_cut, _stories_task, _stories_done, _stories_finish, _batch_size),
)
