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
    entity_backend: str = "rules"  # or "spacy": only used when spaCy and the model are installed
    spacy_model: str = "en_core_web_sm"
    # Cosine (TF-IDF of stems, entities, numbers) at which two sentences report the same fact.
    # Tuned on the ECB+ dev claims (format F); see README "Cross-check".
    claim_threshold: float = 0.35
    # Weight of the k-th content word of a sentence is position_decay**k: the main fact comes first.
    position_decay: float = 0.8
    # A single-link group with more sentences per article than this is a chain of several facts
    # (an article states a fact once or twice) and is split by average link at claim_split_threshold.
    claim_max_per_article: float = 2.0
    claim_split_threshold: float = 0.15
    claim_min_words: int = 4  # non-stopword words a sentence needs to count as a claim
    quote_min_words: int = 3  # shorter quoted spans are scare quotes or labels, not quotes


@dataclass
class Options:
    read: ReadOptions = field(default_factory=ReadOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    crosscheck: CrossCheckOptions = field(default_factory=CrossCheckOptions)
    seed: int = 13  # every random choice in newsfuse derives from this, so runs are reproducible
