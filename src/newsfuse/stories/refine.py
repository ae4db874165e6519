"""Split stories that hold two look-alike events.

The incremental pass groups articles that share a *kind* of event (two earthquakes in one region,
two rehab stays of two celebrities): at corpus level the words they share are rare, so they look
alike.  Inside one story the picture changes: words every member uses ("quake", "magnitude") say
nothing, and what remains are the names, numbers and places that tell the events apart.

So each story is re-weighted with IDF computed *within the story* (local IDF), and each member is
linked to its :data:`NEIGHBOURS` most similar fellow members.  An event is a connected part of
that nearest-neighbour graph: reports of one event find their closest matches among themselves,
while a second event of the same kind is reached only through background words.  When the graph
falls apart into two or more parts of at least :data:`MIN_SIDE` articles, the story is split; the
members of smaller parts (outliers) join the part they are on average most similar to.  The test
needs no similarity threshold, so it does not depend on the similarity scale of a corpus.  Copies
follow their origin.
"""

from __future__ import annotations

import numpy as np

from newsfuse.model import Article
from newsfuse.options import Options
from newsfuse.stories.features import DocFreq, Vector, weigh

# Each member links to its two nearest fellow members.  One link per member leaves pairs and
# chains that break a single event into pieces; two keep an event's reports connected, while three
# or more start bridging two look-alike events through background words (ECB+ dev B3 F1 with
# k=1: 0.733, k=2: 0.919, k=3: 0.889, k=4: 0.879; the old bisection-and-ratio test: 0.902).
NEIGHBOURS = 2
# A part with fewer articles than this is an outlier of its story, not a second event.
MIN_SIDE = 3
# Stories larger than this are not tested (the test is quadratic in the story size).
MAX_SPLIT_SIZE = 2000


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


def _neighbour_parts(s: np.ndarray) -> np.ndarray:
    """Connected-component labels of the symmetric k-nearest-neighbour graph of similarities ``s``."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(s)
    sim = s.copy()
    np.fill_diagonal(sim, -np.inf)
    # Stable sort on (-similarity): ties go to the lower index, so the result is deterministic.
    nearest = np.argsort(-sim, axis=1, kind="stable")[:, : min(NEIGHBOURS, n - 1)]
    rows = np.repeat(np.arange(n), nearest.shape[1])
    graph = csr_matrix((np.ones(len(rows)), (rows, nearest.ravel())), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels)


def split_group(members: list[str], raw: dict[str, Vector]) -> list[list[str]]:
    """Split one story's members (sorted ids) into events: the large parts of its neighbour graph."""
    if len(members) < 2 * MIN_SIDE or len(members) > MAX_SPLIT_SIZE:
        return [members]
    local = DocFreq.of(raw[m] for m in members)
    x = _matrix([weigh(raw[m], local) for m in members])
    s = x @ x.T
    labels = _neighbour_parts(s)
    sizes = np.bincount(labels)
    big = [int(c) for c in np.flatnonzero(sizes >= MIN_SIDE)]
    if len(big) < 2:
        return [members]
    parts: dict[int, list[str]] = {c: [] for c in big}
    for i, m in enumerate(members):
        c = int(labels[i])
        if c not in parts:
            # An outlier joins the large part it is on average most similar to (lowest label on a tie).
            c = max(big, key=lambda b: (float(s[i, labels == b].mean()), -b))
        parts[c].append(m)
    return [parts[c] for c in big]


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
