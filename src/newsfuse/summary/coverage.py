"""Multi-document content selection by concept coverage under a word budget.

The idea of ICSISumm (Gillick & Favre 2009, "A scalable global model for summarization"): a
summary is good when it covers many of the story's *concepts* -- word bigrams -- and a concept
is worth as much as the number of documents that mention it.  Here a concept is worth the number
of **independent sources** that mention it (ten reprints of one wire story count once), so the
selection favours what several outlets report, the same rule that ranks newsfuse's sentences.

Selection is an integer linear programme solved exactly by HiGHS (``scipy.optimize.milp``):

    maximise   sum_i w_i c_i + IMPORTANCE * sum_j score_j len_j s_j
    subject to sum_j len_j s_j <= budget,   c_i <= sum_{j contains i} s_j,   s_j in {0, 1}, 0 <= c_i <= 1

A sentence covering nothing new adds nothing, so repeats are avoided without a similarity
threshold, and the budget is filled with whole sentences.  The second term (small) breaks ties in
favour of the sentences the story's scoring ranks higher (centroid, titles, lead, support).

Only usable candidates (see :mod:`.candidates`: no opinion, no dangling reference, no loaded
label ...) are eligible, and only the ``POOL`` best by score, which bounds the programme's size.
If the solver gives no solution in time, a greedy cost-scaled pass (Lin & Bilmes 2010) stands in.
HiGHS runs without presolve: with it, HiGHS 1.x prints a debug line to stdout on some programmes
("transformNewIntegerFeasibleSolution"), which would corrupt JSON written to stdout.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from newsfuse.summary.candidates import Candidate
from newsfuse.summary.scoring import StoryVectors
from newsfuse.text import STOPWORDS, tokens

# Concepts are counted over independent sources; with fewer sources than this there is no
# agreement to measure and the MMR selection of select.py is used instead.
MIN_STORY_SOURCES = 3
# A bigram must appear in this many independent sources to be a concept (ICSISumm's document
# frequency cut for 10-document clusters).  On duc2006-dev: 2 and 4 score lower at 250 words
# (R2 recall 0.093 / 0.094 vs 0.095 with a pool of 300); see README "Headlines and cited summaries".
MIN_CONCEPT_SOURCES = 3
# Candidates considered: the best by the story's importance score.  The score's lead/centroid
# terms make this a useful pre-filter (duc2006-dev R2 recall at 250 words: pool 100 0.0958,
# 200 0.0974, 300 0.0945, 600 0.0920) and it bounds the programme for a 100-article story.
POOL = 200
# Weight of the importance tie-breaker against concept weights (which count sources, 3..25 on
# DUC): 0.1 x score (~0.5-2.5) x length (~25 words) is worth about one concept, enough to choose
# between sentences covering the same concepts, too little to override coverage.
IMPORTANCE = 0.1
# Two sentences this similar (TF-IDF cosine, the MMR selection's threshold in select.py) say the
# same thing; at most one of them is chosen.  Concepts alone allow a repeat once nothing new fits,
# because the importance term still rewards it.
REPEAT = 0.5
# The solver stops within 1 % of the optimum: on duc2006-dev the exact optimum scores the same
# (R2 recall 0.0516 / 0.0978 at 100 / 250 words against 0.0516 / 0.0972) and the slowest story's
# programme takes 0.66 s of CPU instead of 1.38 s (median 0.06 s).
MIP_GAP = 0.01
# The search stops after this many branch-and-bound nodes, a limit that does not depend on the
# machine's load, so the same story always gets the same summary: the most any programme needed
# was 11 nodes on duc2006-dev (100 programmes) and 30 on t17 bpoil (114 stories), all solved to the
# gap.  Before, a 5 s wall-clock limit ended the search on a loaded machine and two runs of one
# corpus gave different summaries (20 of 1,139 stories in an incremental-run check).  The
# generated benchmark corpus (bench/corpus.py, near-identical sentences across its stories) makes
# programmes of thousands of nodes: on 2k of it the ILP took 53 CPU-s with the clock, 39 with a
# limit of 1,000 nodes and 24 with 200 (17 of 128 stopped, each keeping its best selection).
NODE_LIMIT = 200
# Wall-clock guard for a pathological programme only (a stopped solver keeps its best selection so
# far, which can differ from run to run); the node limit should always come first.
TIME_LIMIT = 60.0
# The budgeted greedy fallback scales a sentence's gain by its length to this power (Lin & Bilmes
# 2010 use 0.3-1; 0.5 was the better of 0.5 and 1 on duc2006-dev).
GREEDY_SCALE = 0.5


@dataclass
class ConceptTable:
    """The selection problem of one story: pool sentences, their concepts and the concept weights."""

    pool: list[int]  # candidate indices
    rows: list[list[int]]  # concept ids of each pool sentence
    weights: np.ndarray  # independent sources mentioning each concept
    lengths: np.ndarray  # words of each pool sentence
    bonus: np.ndarray  # importance tie-breaker of each pool sentence
    repeats: list[tuple[int, int]]  # pairs of pool positions saying the same (at most one is taken)


def bigrams(text: str) -> set[tuple[str, str]]:
    """Concepts of a sentence: adjacent lowercase word pairs, except pairs of two stopwords."""
    t = tokens(text)
    return {(a, b) for a, b in pairwise(t) if not (a in STOPWORDS and b in STOPWORDS)}


def concept_table(cands: list[Candidate], vectors: StoryVectors, budget: int) -> ConceptTable:
    """Concepts weighted by independent sources over all the story's sentences (usable or not:
    a quoted or opinionated sentence still shows what a source reports), for the best usable ones."""
    per_source: dict[str, set[tuple[str, str]]] = {}
    grams = [bigrams(c.text) for c in cands]
    for sent_grams, key in zip(grams, vectors.keys, strict=True):
        per_source.setdefault(key, set()).update(sent_grams)
    df: Counter[tuple[str, str]] = Counter()
    for source_grams in per_source.values():
        df.update(source_grams)
    scores = vectors.scores
    pool = [
        int(i)
        for i in np.argsort(-scores, kind="stable")
        if scores[i] > 0 and cands[i].usable and cands[i].n_words <= budget
    ][:POOL]
    ids: dict[tuple[str, str], int] = {}
    rows = [[ids.setdefault(g, len(ids)) for g in sorted(grams[j]) if df[g] >= MIN_CONCEPT_SOURCES] for j in pool]
    weights = np.zeros(len(ids))
    for g, k in ids.items():
        weights[k] = df[g]
    lengths = np.array([cands[j].n_words for j in pool], dtype=float)
    bonus = IMPORTANCE * np.array([scores[j] for j in pool]) * lengths
    sims = sparse.triu(vectors.matrix[pool] @ vectors.matrix[pool].T, k=1).tocoo()
    keep = sims.data >= REPEAT
    repeats = list(zip(sims.row[keep].tolist(), sims.col[keep].tolist(), strict=True))
    return ConceptTable(pool=pool, rows=rows, weights=weights, lengths=lengths, bonus=bonus, repeats=repeats)


def solve_ilp(table: ConceptTable, budget: int, time_limit: float = TIME_LIMIT) -> list[int] | None:
    """Pool positions of the best selection, or None when the solver found none in time."""
    m, k = len(table.pool), len(table.weights)
    if m == 0:
        return []
    r = [c for row in table.rows for c in row]
    s = [j for j, row in enumerate(table.rows) for _ in row]
    occ = sparse.csr_matrix((np.ones(len(r)), (r, s)), shape=(k, m))
    cover = LinearConstraint(sparse.hstack([-occ, sparse.identity(k)]).tocsr(), -np.inf, 0.0)
    length = LinearConstraint(np.concatenate([table.lengths, np.zeros(k)])[None, :], 0.0, float(budget))
    constraints = [cover, length]
    if table.repeats:
        pr = np.repeat(np.arange(len(table.repeats)), 2)
        pc = np.array(table.repeats).ravel()
        pairs = sparse.csr_matrix((np.ones(len(pc)), (pr, pc)), shape=(len(table.repeats), m + k))
        constraints.append(LinearConstraint(pairs, -np.inf, 1.0))
    objective = -np.concatenate([table.bonus, table.weights])
    integrality = np.concatenate([np.ones(m), np.zeros(k)])  # concepts need not be integer: c_i = min(1, ...)
    res = milp(
        objective,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(0.0, 1.0),
        options={
            "time_limit": time_limit,
            "disp": False,
            "presolve": False,
            "mip_rel_gap": MIP_GAP,
            "node_limit": NODE_LIMIT,
        },
    )
    if res.x is None:
        return None
    return [j for j in range(m) if res.x[j] > 0.5]


def greedy(table: ConceptTable, budget: int) -> list[int]:
    """Budgeted greedy: repeatedly the sentence with the best new-concept weight per length**GREEDY_SCALE."""
    covered = np.zeros(len(table.weights), dtype=bool)
    chosen: list[int] = []
    used = 0.0
    left = set(range(len(table.pool)))
    same: dict[int, set[int]] = {}
    for a, b in table.repeats:
        same.setdefault(a, set()).add(b)
        same.setdefault(b, set()).add(a)
    while left:
        best, best_v = -1, 0.0
        for j in sorted(left):
            if used + table.lengths[j] > budget:
                continue
            gain = float(table.weights[[c for c in table.rows[j] if not covered[c]]].sum()) + table.bonus[j]
            v = gain / table.lengths[j] ** GREEDY_SCALE
            if v > best_v:
                best, best_v = j, v
        if best < 0:
            break
        chosen.append(best)
        used += table.lengths[best]
        left.discard(best)
        left -= same.get(best, set())
        covered[table.rows[best]] = True
    return chosen


def pick_by_coverage(cands: list[Candidate], vectors: StoryVectors, budget: int) -> list[int] | None:
    """Candidate indices (unordered) covering the most source-weighted concepts within ``budget``
    words, or None when the story has too few independent sources for concepts to mean anything."""
    if len(set(vectors.keys)) < MIN_STORY_SOURCES:
        return None
    table = concept_table(cands, vectors, budget)
    if not len(table.weights):
        return None
    picked = solve_ilp(table, budget)
    if picked is None:
        picked = greedy(table, budget)
    return [table.pool[j] for j in picked]
