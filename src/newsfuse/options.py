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
    # Take every JSON record's text as clean (no comment/furniture removal). Off by default: real
    # scrapes keep comment threads and page furniture in their text fields.
    trust_records: bool = False


@dataclass
class DedupOptions:
    num_perm: int = 128
    shingle_words: int = 5
    # MinHash LSH candidate threshold (Jaccard).  Low on purpose: a copy trimmed to half of its
    # origin with a few edited words has a Jaccard of about 0.35; every candidate is verified on
    # the exact shingles afterwards, so a low threshold costs a little time, not precision.
    threshold: float = 0.25
    # Share of a copy's shingles that must be found in its origin.  More than half of the text
    # verbatim is a reprint; different reports of one event share far less (quotes, names).
    containment: float = 0.5


@dataclass
class ClusterOptions:
    # A story is active while its last article is at most this many days older than the newest
    # article seen (undated articles can still join retired stories).  The time partitions of
    # the scale-out executor overlap by this many days, so it must stay below their size.
    window_days: int = 7
    # Mean cosine similarity (TF-IDF of names, numbers and words; average link) an article needs
    # with a story's members to join it.  Deliberately low: this pass groups what *may* be one
    # event (unrelated news scores about 0.02); the refinement then splits look-alike events.
    join_threshold: float = 0.1
    # Average-link similarity between two stories at which they have converged and merge (the
    # same criterion as joining, so the result approximates average-link clustering).
    merge_threshold: float = 0.1
    refine: bool = True  # split stories that hold two look-alike events (see stories/refine.py)
    # The time gap between an article and a story: "mean", from the story's mean date (so a story
    # cannot drift along in time: an article far from most of its members is far from it), or
    # "range", from the nearest end of its date range (the story's window moves with its newest
    # article, so a story can chain on for weeks).  See stories/cluster.py.
    time_gap: str = "mean"


@dataclass
class SummaryOptions:
    headline_words: int = 40
    summary_words: int = 100
    backend: str = "extractive"  # or "openai" (extra: abstractive, against a local endpoint)
    endpoint: str | None = None


@dataclass
class CrossCheckOptions:
    enabled: bool = True
    entity_backend: str = "rules"  # or "spacy": only used when spaCy and the model are installed
    spacy_model: str = "en_core_web_sm"
    # Word cosine (TF-IDF of stems and names) at which two sentences report the same fact, by their
    # event triggers (a sentence's first event word that another source also uses; see
    # crosscheck/claims.py).  Tuned on the ECB+ dev claims (format F); see README "Cross-check".
    # - either sentence has no trigger: the words alone decide, at the cosine tuned before
    #   triggers existed (0.35);
    claim_threshold: float = 0.35
    # - same trigger: the cosine of their other words (without the trigger words) need only show
    #   that they share something besides the event -- a name, a place, an object (0.05; 0.01-0.08
    #   score within 0.005 of it, 0.1 loses 0.011);
    claim_trigger_threshold: float = 0.05
    # - different triggers: only near copies (0.9) -- sentences that open on different shared
    #   events report different facts (0.8 costs 0.006, 1.0 "never" the same as 0.9).
    claim_distinct_threshold: float = 0.9
    # Weight of the k-th content word of a sentence is position_decay**k: the main fact comes first.
    position_decay: float = 0.8
    # A single-link group with more sentences per article than this is a chain of several facts
    # (an article states a fact once or twice, or three times counting headline and lead) and is
    # split by average link on the words at claim_split_threshold.  3, not 2: a group sharing one
    # trigger is rightly larger than a word chain (ECB+ dev: 2 scores 0.638, 3 0.655, 4 0.656).
    claim_max_per_article: float = 3.0
    claim_split_threshold: float = 0.15
    claim_min_words: int = 4  # non-stopword words a sentence needs to count as a claim
    # Longer "sentences" are no single statement: a fact box, timeline or list run together, a live
    # page's entries, a reader's rant (on t17-dev SyrianCrisis and H1N1, 82 of 31,033 claim sentences
    # were over 80 words, every one read such a run; ECB+ dev's longest sentence has 75 words).
    claim_max_words: int = 80
    # A group of sentences from several sources is shown as *agreed* only where one sentence is
    # directly backed by a sentence of another independent source (crosscheck/claims.py
    # ``supports``): the shorter of the two is at least this share covered by the other (IDF
    # weighted over the story's sentences; words, names, figures), they share two content words
    # besides names, the shorter's names are named in the other, and no figure, day or year differs.
    # 0.5: by-hand reading of 103 cross-source pairs of real t17 stories, chosen before the audits
    # in the README (pairs at 0.5-0.9 coverage that failed did so by different figures or actors,
    # which the other conditions catch; below 0.5 most pairs only share the story's vocabulary).
    claim_agree_coverage: float = 0.5
    quote_min_words: int = 3  # shorter quoted spans are scare quotes or labels, not quotes
    # Sentences a story's claims and conflicts are computed over.  Grouping is quadratic in them (the
    # average-link re-split holds a dense square of a group: 4,000 sentences are 128 MB); a story of
    # a few thousand articles had two Dask workers at 8 GB each within 30 s.  A 100-article story has
    # about 3,500 sentences (t17-dev), so only larger stories are cut, to the first sentences of every article
    # (a report states its facts first), and the story notes say so.
    max_claim_sentences: int = 4000
    # Sentences of one article that claims and conflicts are computed over: its first ones.  A report
    # states its facts first; past this the long pages of a crawl hold reader posts without markers,
    # live-page entries and broadcast transcripts (t17-dev: 9 % of articles are longer, holding 23 %
    # of all sentences; of the agreed claims' sentences past paragraph 60 on H1N1, nearly all were
    # readers' posts).  Quotes, entities and the timeline still read the whole article.
    claim_sentences_per_article: int = 60


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
class ReportOptions:
    """How ``newsfuse analyze --out DIR`` lays out the report files (see render/files.py).

    Passed to the writer on its own, not a field of :class:`Options`: the layout does not change what the
    pipeline computes, and a field there would change the checkpoint key (exec/checkpoint.py), so a rerun
    with another layout would redo the whole run.
    """

    layout: str = "auto"  # "single": report.json/.md/.html; "paged": index files + one file per story/article
    # "auto" writes the single files while the whole HTML report stays within this many bytes, else the
    # paged layout.  3 MB is the budget for the page a reader opens first.  Single files of Timeline17
    # articles in headless Chromium (bench/bench_report.py --stories): 1.8 / 3.4 / 5.6 / 8.5 / 12.9 /
    # 16.8 MB opened in 0.49 / 0.44 / 0.73 / 1.85 / 3.0 / 5.1 s, so 3 MB leaves room for a slower device.
    single_file_max_bytes: int = 3_000_000
    # Bytes per JSON-lines / Markdown part file of the paged layout (a part holds whole records, so one
    # huge article may exceed it): well under the 20 MB a file may weigh.
    part_max_bytes: int = 16 * 1024 * 1024
    # Cards per story-list page (about 0.5-1 kB each) and rows per other list page (~0.2 kB each):
    # pages of a few hundred kB, far under the 3 MB budget, that a phone renders at once.
    stories_per_page: int = 200
    rows_per_page: int = 1000


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
