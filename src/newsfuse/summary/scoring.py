"""Sentence vectors and importance scores for one story.

One TF-IDF space per story (fit on the story's own sentences and titles, so it needs no corpus
and no download).  A sentence is important when it is close to the story's centroid, close to
the outlets' own titles, early in its article (news is written lead first), and, above all,
said by several independent sources.  Everything is sparse matrix algebra, so a story of 100
articles (~3,000 sentences) scores in well under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from newsfuse.model import Article
from newsfuse.stories.sources import source_key
from newsfuse.summary.candidates import Candidate
from newsfuse.text import content_words

# Cosine (TF-IDF, content words) above which two sentences are taken to report the same thing.
# Picked on the t17 dev clusters: at 0.3 paraphrases of one event across outlets mostly match,
# while sentences that merely share the actors ("Haftar", "Moscow") mostly do not.
SAME_CONTENT = 0.3

# Weights of the score parts; tuned on the dev sets (wcep-sample-dev headline mode and t17-dev
# multi-document clusters).  Support dominates when there are several sources; with one source it
# is constant and centroid/title/position decide.
W_CENTROID = 1.0
W_TITLE = 0.6
W_POSITION = 0.6
W_SUPPORT = 0.8


@dataclass
class StoryVectors:
    matrix: sparse.csr_matrix  # one L2-normalised row per candidate
    sims: sparse.csr_matrix  # candidate x candidate cosine, only pairs >= SAME_CONTENT kept
    scores: np.ndarray  # importance per candidate (0 for unusable ones)
    support: list[set[str]]  # source keys (independent sources) that say the same, own included


def _analyzer(text: str) -> list[str]:
    return content_words(text)


def vectorize(texts: Sequence[str], extra: Sequence[str] = ()) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """TF-IDF rows for ``texts`` and for ``extra`` (titles), fit on both."""
    vec = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)
    all_texts = list(texts) + list(extra)
    if not any(content_words(t) for t in all_texts):
        z = sparse.csr_matrix((len(texts), 1))
        return z, sparse.csr_matrix((len(extra), 1))
    m = vec.fit_transform(all_texts)
    m = normalize(m)
    return sparse.csr_matrix(m[: len(texts)]), sparse.csr_matrix(m[len(texts) :])


def score_candidates(cands: list[Candidate], by_id: dict[str, Article]) -> StoryVectors:
    n = len(cands)
    titles = []
    seen_keys: set[str] = set()
    for aid in dict.fromkeys(c.article for c in cands):
        a = by_id[aid]
        if a.title and source_key(a, by_id) not in seen_keys:
            titles.append(a.title)
            seen_keys.add(source_key(a, by_id))
    X, T = vectorize([c.text for c in cands], titles)
    keys = [source_key(by_id[c.article], by_id) for c in cands]

    # Centroid over independent sources: each source's sentences averaged first, so ten reprints
    # of one wire story weigh as much as one article.
    key_ids = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    rows = np.array([key_ids[k] for k in keys], dtype=np.int64)
    membership = sparse.csr_matrix((np.ones(n), (rows, np.arange(n))), shape=(len(key_ids), n))
    per_source = normalize(membership @ X)
    centroid = np.asarray(per_source.mean(axis=0)).ravel()
    cnorm = np.linalg.norm(centroid)
    centroid_sim = X @ (centroid / cnorm) if cnorm else np.zeros(n)
    centroid_sim = np.asarray(centroid_sim).ravel()

    title_sim = np.zeros(n)
    if T.shape[0]:
        title_sim = np.asarray((X @ T.T).max(axis=1).todense()).ravel()

    sims = sparse.csr_matrix(X @ X.T)
    sims.data[sims.data < SAME_CONTENT] = 0.0
    sims.eliminate_zeros()
    support: list[set[str]] = []
    for i in range(n):
        lo, hi = sims.indptr[i], sims.indptr[i + 1]
        support.append({keys[j] for j in sims.indices[lo:hi]} | {keys[i]})
    n_sources = len(key_ids)
    support_share = np.array([len(s) / n_sources for s in support]) if n_sources > 1 else np.zeros(n)

    position = np.array([1.0 / np.sqrt(1.0 + c.position) for c in cands])
    penalty = np.array([c.penalty if c.usable else 0.0 for c in cands])
    scores = (
        W_CENTROID * centroid_sim + W_TITLE * title_sim + W_POSITION * position + W_SUPPORT * support_share
    ) * penalty
    return StoryVectors(matrix=X, sims=sims, scores=scores, support=support)
