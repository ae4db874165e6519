"""One options object, passed down to every stage (as trafilatura does), instead of long keyword lists.

Each stage owns one section.  Defaults are what ``newsfuse analyze`` uses; every constant that is
not obvious says why it has its value where it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReadOptions:
    max_file_bytes: int = 64 * 1024 * 1024  # larger inputs are rejected, not loaded
    max_records_per_file: int = 5_000_000
    follow_symlinks: bool = False


@dataclass
class CleanOptions:
    min_body_chars: int = 80  # an article with less body than this is rejected as "no text"
    use_corpus_evidence: bool = True  # lines repeated across one outlet's articles count as boilerplate


@dataclass
class DedupOptions:
    num_perm: int = 128
    shingle_words: int = 5
    threshold: float = 0.5  # MinHash LSH candidate threshold (Jaccard)
    containment: float = 0.8  # share of a shorter article's shingles found in a longer one


@dataclass
class ClusterOptions:
    window_days: int = 7  # a story is active while its last article is at most this old


@dataclass
class SummaryOptions:
    headline_words: int = 40
    summary_words: int = 100
    backend: str = "extractive"  # or "openai" (extra: abstractive, against a local endpoint)
    endpoint: str | None = None


@dataclass
class CrossCheckOptions:
    enabled: bool = True


@dataclass
class ScaleOptions:
    """How the corpus is cut into independent pieces of work (same cuts under every executor)."""

    # Files per shard: small enough that a 2-worker cluster gets many tasks at 10k articles, large
    # enough that the cleaner's corpus evidence (lines repeated across one outlet's articles) sees
    # a good sample of each outlet and per-task overhead (~ms on Dask) stays negligible.
    shard_files: int = 128
    # Bytes per shard: a few large JSONL/WARC files are not grouped beyond this (each file is
    # always read whole by one task, since record numbers ``path#n`` must stay stable).
    shard_bytes: int = 32 * 1024 * 1024
    # Days per clustering partition; each partition also sees the previous ``cluster.window_days``
    # days (the overlap) so a story crossing a boundary is joined.  A corpus spanning less than
    # this is clustered in one piece, exactly as the sequential clusterer does.
    partition_days: int = 56
    # Articles per per-story analysis task (whole stories are never split).  Analysis costs
    # ~0.1-0.5 s per article, so 100 articles is seconds of work per task (Dask's ~1 ms per task
    # overhead vanishes) while 1k articles still give ~10 tasks to balance over the workers.
    story_batch_articles: int = 100


@dataclass
class Options:
    read: ReadOptions = field(default_factory=ReadOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    crosscheck: CrossCheckOptions = field(default_factory=CrossCheckOptions)
    scale: ScaleOptions = field(default_factory=ScaleOptions)
    seed: int = 13  # every random choice in newsfuse derives from this, so runs are reproducible
