"""``newsfuse eval KIND ...``: each kind lives in its own module.

A module named here defines ``add_arguments(parser)`` and ``run(args) -> dict``; ``run`` returns
one JSON object ``{"n": ..., "system": {...}, "baselines": {name: {...}}}`` where every figure is a
fraction in [0, 1] unless its name says otherwise.
"""

from __future__ import annotations

EVALS: dict[str, str] = {
    "extract": "newsfuse.evals.extract",
    "clean": "newsfuse.evals.clean",
    "cluster": "newsfuse.evals.cluster",
    "dedup": "newsfuse.evals.dedup",
    "summarize": "newsfuse.evals.summarize",
    "claims": "newsfuse.evals.claims",
    "timeline": "newsfuse.evals.timeline",
    "crawl": "newsfuse.evals.crawl",
}

DESCRIPTIONS: dict[str, str] = {
    "extract": "HTML article extraction (format A): body shingle P/R/F1, title/date/author accuracy",
    "clean": "plain-text cleaning (format B): body shingle P/R/F1, comment leakage, title accuracy",
    "cluster": "story clustering (format C): B-cubed and pairwise F1",
    "dedup": "copy/syndication detection on copies generated from dev articles",
    "summarize": "multi-document summarisation (format D): ROUGE",
    "claims": "claim grouping (format F): B-cubed",
    "timeline": "timeline summarisation (format E): date F1 and alignment ROUGE",
    "crawl": "real scraped records (format E, outlet in the id as gold): outlets, independent-source counts, furniture in front",
}
