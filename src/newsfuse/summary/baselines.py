"""Classical extractive baselines for ``newsfuse eval summarize`` (own small implementations).

Each takes the cluster's documents as lists of sentences (earliest document first) and a word
budget, and returns summary sentences in selection order until the budget is reached (the
eval cuts the text at exactly N words, DUC style).

- lead: first sentences of the earliest article;
- random: sentences in a seeded random order;
- centroid: TF-IDF centroid (Radev et al. 2004), closest sentences first, near-repeats skipped;
- textrank: PageRank over word-overlap similarity (Mihalcea & Tarau 2004);
- lexrank: PageRank over thresholded TF-IDF cosine (Erkan & Radev 2004).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from newsfuse.text import content_words

Docs = Sequence[Sequence[str]]

# Damping of the PageRank walk, the value both TextRank and LexRank papers use.
DAMPING = 0.85
# LexRank's cosine threshold for an edge; 0.1 is the paper's best setting on DUC 2004.
LEXRANK_THRESHOLD = 0.1
# Sentences this similar (cosine) to a chosen one are skipped by the graph/centroid baselines,
# the usual redundancy filter of these systems.
REDUNDANT = 0.6


def _fill(order: Sequence[int], sents: Sequence[str], words: int, sims: np.ndarray | None = None) -> list[str]:
    out: list[str] = []
    taken: list[int] = []
    n = 0
    for i in order:
        if sims is not None and any(sims[i, j] > REDUNDANT for j in taken):
            continue
        out.append(sents[i])
        taken.append(i)
        n += len(sents[i].split())
        if n >= words:
            break
    return out


def _flat(docs: Docs) -> list[str]:
    return [s for d in docs for s in d if s.strip()]


def _tfidf(sents: Sequence[str]) -> np.ndarray | None:
    if not any(content_words(s) for s in sents):
        return None
    m = TfidfVectorizer(analyzer=content_words).fit_transform(sents)
    return np.asarray(normalize(m).todense())


def _pagerank(w: np.ndarray, iters: int = 50) -> np.ndarray:
    n = w.shape[0]
    rows = w.sum(axis=1, keepdims=True)
    p = np.divide(w, rows, out=np.full_like(w, 1.0 / n), where=rows > 0)
    r = np.full(n, 1.0 / n)
    for _ in range(iters):
        r = (1 - DAMPING) / n + DAMPING * (p.T @ r)
    return r


def lead(docs: Docs, words: int, seed: int = 0) -> list[str]:
    return _fill(range(len(docs[0])), docs[0], words) if docs else []


def random_baseline(docs: Docs, words: int, seed: int = 0) -> list[str]:
    sents = _flat(docs)
    order = list(range(len(sents)))
    random.Random(seed).shuffle(order)
    return _fill(order, sents, words)


def centroid(docs: Docs, words: int, seed: int = 0) -> list[str]:
    sents = _flat(docs)
    x = _tfidf(sents)
    if x is None:
        return _fill(range(len(sents)), sents, words)
    c = x.mean(axis=0)
    order = list(np.argsort(-(x @ c), kind="stable"))
    return _fill(order, sents, words, x @ x.T)


def textrank(docs: Docs, words: int, seed: int = 0) -> list[str]:
    sents = _flat(docs)
    n = len(sents)
    if not n or not any(content_words(s) for s in sents):
        return _fill(range(n), sents, words)
    # TextRank's similarity: shared distinct words / (log |S_i| + log |S_j|), as a matrix product
    b = CountVectorizer(analyzer=content_words, binary=True).fit_transform(sents)
    common = np.asarray((b @ b.T).todense(), dtype=float)
    lens = np.asarray(b.sum(axis=1)).ravel().astype(float)
    logs = np.log(np.maximum(lens, 1.0))
    denom = logs[:, None] + logs[None, :]
    w = np.divide(common, denom, out=np.zeros_like(common), where=denom > 0)
    w[(lens < 2)[:, None] | (lens < 2)[None, :]] = 0.0
    np.fill_diagonal(w, 0.0)
    order = list(np.argsort(-_pagerank(w), kind="stable"))
    x = _tfidf(sents)
    return _fill(order, sents, words, None if x is None else x @ x.T)


def lexrank(docs: Docs, words: int, seed: int = 0) -> list[str]:
    sents = _flat(docs)
    x = _tfidf(sents)
    if x is None:
        return _fill(range(len(sents)), sents, words)
    sims = x @ x.T
    w = (sims > LEXRANK_THRESHOLD).astype(float)
    np.fill_diagonal(w, 0.0)
    order = list(np.argsort(-_pagerank(w), kind="stable"))
    return _fill(order, sents, words, sims)


BASELINES: dict[str, Callable[[Docs, int, int], list[str]]] = {
    "lead": lead,
    "random": random_baseline,
    "centroid": centroid,
    "textrank": textrank,
    "lexrank": lexrank,
}
