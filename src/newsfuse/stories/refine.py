"""Split stories that hold two look-alike events.

The incremental pass groups articles that share a *kind* of event (two earthquakes in one region,
two rehab stays of two celebrities): at corpus level the words they share are rare, so they look
alike.  Inside one story the picture changes: words every member uses ("quake", "magnitude") say
nothing, and what remains are the names, numbers and places that tell the events apart.

So each story is re-weighted with IDF computed *within the story* (local IDF), cut in two
(average-link bisection polished by spherical 2-means), and the cut is kept when the two halves
are clearly apart: their mean cross-similarity is below :data:`SPLIT_RATIO` times the mean
similarity inside the less cohesive half.  The test is relative, so it does not depend on the
similarity scale of a corpus.  Halves are split again the same way.  Copies follow their origin.
"""

from __future__ import annotations

import numpy as np

from newsfuse.model import Article
from newsfuse.options import Options
from newsfuse.stories.features import DocFreq, Vector, weigh

# Keep a cut when the halves are less than 0.6 times as similar to each other as each half is
# inside: below that the halves share background only (what is common to the story is already
# discounted by the local IDF); above it they are one event told with different details.
SPLIT_RATIO = 0.6
# A half with fewer articles than this is an outlier of its story, not a second event.
MIN_SIDE = 3
# Stories larger than this are not tested (the test is quadratic in the story size).
MAX_SPLIT_SIZE = 2000
# Spherical 2-means polishing rounds (converges in a few on news stories).
KMEANS_ROUNDS = 10


def _matrix(vectors: list[Vector]) -> np.ndarray:
    vocab: dict[str, int] = {}
    for v in vectors:
        for k in v:
            vocab.setdefault(k, len(vocab))
    x = np.zeros((len(vectors), max(1, len(vocab))), dtype=np.float64)
    for i, v in enumerate(vectors):
        for k, w in v.items():
            x[i, vocab[k]] = w
    return x


def _mean_sim(s: np.ndarray, a: np.ndarray, b: np.ndarray, same: bool) -> float:
    block = s[np.ix_(a, b)]
    if same:
        n = len(a)
        return float((block.sum() - np.trace(block)) / (n * (n - 1))) if n > 1 else 1.0
    return float(block.mean())


def _bisect(x: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Labels 0/1: average-link bisection on cosine distance, then spherical 2-means."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    d = np.clip(1.0 - s, 0.0, None)
    np.fill_diagonal(d, 0.0)
    d = (d + d.T) / 2.0
    labels = fcluster(linkage(squareform(d, checks=False), method="average"), 2, criterion="maxclust") - 1
    for _ in range(KMEANS_ROUNDS):
        if len(set(labels.tolist())) < 2:
            break
        c = np.stack([x[labels == k].sum(axis=0) for k in (0, 1)])
        c /= np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)
        new = np.argmax(x @ c.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    return np.asarray(labels)


def split_group(members: list[str], raw: dict[str, Vector]) -> list[list[str]]:
    """Recursively split one story's members (sorted ids) into events."""
    if len(members) < 2 * MIN_SIDE or len(members) > MAX_SPLIT_SIZE:
        return [members]
    local = DocFreq.of(raw[m] for m in members)
    x = _matrix([weigh(raw[m], local) for m in members])
    s = x @ x.T
    labels = _bisect(x, s)
    a = np.flatnonzero(labels == 0)
    b = np.flatnonzero(labels == 1)
    if len(a) < MIN_SIDE or len(b) < MIN_SIDE:
        return [members]
    inside = min(_mean_sim(s, a, a, True), _mean_sim(s, b, b, True))
    if inside <= 0 or _mean_sim(s, a, b, False) >= SPLIT_RATIO * inside:
        return [members]
    return split_group([members[i] for i in a], raw) + split_group([members[i] for i in b], raw)


def refine_groups(
    groups: list[list[str]], by_id: dict[str, Article], raw: dict[str, Vector], df: DocFreq, options: Options
) -> list[list[str]]:
    """Split every group that holds more than one event; copies follow their origin."""
    out: list[list[str]] = []
    for group in groups:
        members = sorted(i for i in group if i in raw)
        copies = [i for i in group if i not in raw]
        parts = split_group(members, raw) if members else [[]]
        if len(parts) == 1:
            out.append(group)
            continue
        part_of = {m: k for k, p in enumerate(parts) for m in p}
        for c in copies:
            origin = by_id[c].copy_of
            k = part_of.get(origin.of, 0) if origin is not None else 0
            parts[k].append(c)
        out.extend(parts)
    return out
