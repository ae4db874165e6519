"""The inverse document frequency that every TF-IDF weighting of newsfuse uses."""

from __future__ import annotations

import math


def smoothed_idf(n_docs: int, doc_freq: int) -> float:
    """Smoothed IDF (as scikit-learn's): ``ln((1 + n) / (1 + df)) + 1``, so a feature seen in
    every document still weighs a little."""
    return math.log((1 + n_docs) / (1 + doc_freq)) + 1.0
