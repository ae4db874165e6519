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


def l2_rows(x: sparse.csr_matrix) -> sparse.csr_matrix:
    """A copy of ``x`` with every row scaled to unit L2 norm (all-zero rows left as they are), as
    scikit-learn's ``normalize``: each row's squares are summed one by one in storage order (a
    cumulative sum, not numpy's pairwise sum), so the values are the same to the last bit."""
    x = sparse.csr_matrix(x, dtype=np.float64, copy=True)
    data, indptr = x.data, x.indptr
    if not len(data):
        return x
    counts = np.diff(indptr)
    rows = np.repeat(np.arange(x.shape[0]), counts)
    squares = np.zeros((x.shape[0], int(counts.max())), dtype=np.float64)
    squares[rows, np.arange(len(data)) - indptr[rows]] = data * data
    sums = np.cumsum(squares, axis=1)[:, -1]
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    data /= norms[rows]
    return x


def vectorize(
    texts: Sequence[str | list[str]], extra: Sequence[str | list[str]] = ()
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """TF-IDF rows for ``texts`` and for ``extra`` (titles), fit on both.  A text may be given
    already as its content words (a list), which saves tokenising it twice.

    The weighting is scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` followed by
    ``normalize``, written out (same vocabulary order, same entry order in each row, same
    operations in the same order: the same matrix to the last bit, which
    ``tests/summary/test_scoring.py`` checks against scikit-learn): the estimator's parameter checks
    cost ~9 ms per story and importing scikit-learn ~0.9 s per worker process.
    """
    docs = [_analyzer(t) for t in [*texts, *extra]]
    if not any(docs):
        z = sparse.csr_matrix((len(texts), 1))
        return z, sparse.csr_matrix((len(extra), 1))
    vocab: dict[str, int] = {}
    cols: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for doc in docs:
        counter: dict[int, int] = {}
        for w in doc:
            k = vocab.setdefault(w, len(vocab))
            counter[k] = counter.get(k, 0) + 1
        for k in sorted(counter):  # a row's entries in order of first sight in the story
            cols.append(k)
            counts.append(counter[k])
        indptr.append(len(cols))
    column = np.empty(len(vocab), dtype=np.int32)  # columns in alphabetical order of the words
    for new, (_, old) in enumerate(sorted(vocab.items())):
        column[old] = new
    indices = column[np.asarray(cols, dtype=np.int32)]
    # Smoothed IDF, ln((1 + n) / (1 + df)) + 1 (newsfuse.tfidf.smoothed_idf), as arrays.
    idf = np.bincount(indices, minlength=len(vocab)).astype(np.float64)
    idf += 1.0
    idf = np.full_like(idf, fill_value=len(docs) + 1, dtype=np.float64) / idf
    np.log(idf, out=idf)
    idf += 1.0
    data = np.asarray(counts, dtype=np.float64)
    np.log(data, out=data)  # sublinear TF: 1 + ln(count)
    data += 1.0
    data *= idf[indices]
    m = sparse.csr_matrix((data, indices, np.asarray(indptr, dtype=np.int32)), shape=(len(docs), len(vocab)))
    m = l2_rows(l2_rows(m))  # the vectorizer's normalisation, then the one this function always applied
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
    per_source = l2_rows(membership @ X)
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
