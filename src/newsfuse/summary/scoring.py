"""Sentence vectors and importance scores for one story.

One TF-IDF space per story (fit on the story's own sentences and titles, so it needs no corpus
and no download).  A sentence is important when it is close to the story's centroid, close to
the outlets' own titles, early in its article (news is written lead first), and, above all,
said by several independent sources.  Everything is sparse matrix algebra, so a story of 100
articles (~3,000 sentences) scores in well under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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

# Weights of the score parts; tuned on the dev sets (wcep-sample-dev headline mode, even lines, and
# the t17-dev multi-document clusters built by bench/t17_clusters.py).  Support dominates when there
# are several sources; with one source it is zero and centroid/title/position decide.  Position is
# kept low (0.3): it helps single articles, but across ten articles the leads are all "position 0"
# and a higher weight picked ten leads over the content several sources share (R2 recall 0.066 vs
# 0.072 on t17-dev); the headline gets its own lead bonus in select.py.
W_CENTROID = 1.0
W_TITLE = 0.6
W_POSITION = 0.3
W_SUPPORT = 1.2


# Support (the costly part: a sentence x sentence product) is computed only for this many best
# candidates by the other parts; the rest could not win with it anyway, and the bound keeps a
# 100-article story well under a second.
SUPPORT_TOP = 300


@dataclass
class StoryVectors:
    matrix: sparse.csr_matrix  # one L2-normalised row per candidate
    scores: np.ndarray  # importance per candidate (0 for unusable ones)
    keys: list[str]  # independent-source key of each candidate's article
    support: dict[int, set[str]] = field(default_factory=dict)  # for the SUPPORT_TOP best only
    _rows: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)

    def neighbours(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Indices and cosines of the candidates saying the same as ``i`` (>= SAME_CONTENT), cached."""
        if i not in self._rows:
            row = np.asarray((self.matrix @ self.matrix[i].T).todense()).ravel()
            idx = np.flatnonzero(row >= SAME_CONTENT)
            self._rows[i] = (idx, row[idx])
        return self._rows[i]


def _analyzer(doc: str | list[str]) -> list[str]:
    return doc if isinstance(doc, list) else content_words(doc)


def vectorize(
    texts: Sequence[str | list[str]], extra: Sequence[str | list[str]] = ()
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """TF-IDF rows for ``texts`` and for ``extra`` (titles), fit on both.  A text may be given
    already as its content words (a list), which saves tokenising it twice."""
    vec = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)
    all_texts = list(texts) + list(extra)
    if not any(_analyzer(t) for t in all_texts):
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
    X, T = vectorize([c.cwords for c in cands], titles)
    keys = [source_key(by_id[c.article], by_id) for c in cands]

    # Centroid over independent sources: each source's sentences averaged first, so ten reprints
    # of one wire story weigh as much as one article.
    key_ids = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    rows = np.array([key_ids[k] for k in keys], dtype=np.int64)
    membership = sparse.csr_matrix((np.ones(n), (rows, np.arange(n))), shape=(len(key_ids), n))
    per_source = normalize(membership @ X)
    centroid = np.asarray(per_source.mean(axis=0)).ravel()
    cnorm = np.linalg.norm(centroid)
    centroid_sim = np.asarray(X @ (centroid / cnorm)).ravel() if cnorm else np.zeros(n)

    title_sim = np.zeros(n)
    if T.shape[0]:
        title_sim = np.asarray((X @ T.T).max(axis=1).todense()).ravel()

    position = np.array([1.0 / np.sqrt(1.0 + c.position) for c in cands])
    penalty = np.array([c.penalty if c.usable else 0.0 for c in cands])
    scores = (W_CENTROID * centroid_sim + W_TITLE * title_sim + W_POSITION * position) * penalty
    vectors = StoryVectors(matrix=X, scores=scores, keys=keys)

    n_sources = len(key_ids)
    top = [int(i) for i in np.argsort(-scores, kind="stable")[:SUPPORT_TOP] if scores[i] > 0]
    if n_sources > 1 and top:
        sims = sparse.csr_matrix(X[top] @ X.T)
        sims.data[sims.data < SAME_CONTENT] = 0.0
        sims.eliminate_zeros()
        # candidates x sources: how many sentences of each source say the same
        hits = (sims @ membership.T).tocsr()
        key_list = list(key_ids)
        for r, i in enumerate(top):
            lo, hi = hits.indptr[r], hits.indptr[r + 1]
            supp = {keys[i]} | {key_list[k] for k in hits.indices[lo:hi]} if hi > lo else {keys[i]}
            vectors.support[i] = supp
            scores[i] += W_SUPPORT * len(supp) / n_sources * penalty[i]
    return vectors
