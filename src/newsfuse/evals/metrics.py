"""Metrics shared by the ``newsfuse eval`` commands.

- shingle precision/recall: the Zyte article-extraction benchmark's metric (multisets of 4-word
  shingles over ``\\w+`` tokens, per-document P and R averaged, F1 of the averages);
- B-cubed and pairwise scores for clusterings (stories, claims).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

_TOKEN = re.compile(r"\w+", re.UNICODE)

K = TypeVar("K", bound=Hashable)
G = TypeVar("G", bound=Hashable)
P = TypeVar("P", bound=Hashable)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_pr(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one document (Zyte benchmark conventions for empty sides)."""
    p, g = shingles(predicted), shingles(gold)
    if not p and not g:
        return 1.0, 1.0
    if not p:
        return 1.0, 0.0  # nothing predicted: nothing wrong, nothing found
    if not g:
        return 0.0, 1.0
    tp = sum((p & g).values())
    return tp / sum(p.values()), tp / sum(g.values())


def prf(precisions: Sequence[float], recalls: Sequence[float]) -> dict[str, float]:
    """Average per-document P and R, then F1 of the averages."""
    if not precisions:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def bcubed(gold: Mapping[K, G], pred: Mapping[K, P]) -> dict[str, float]:
    """B-cubed precision/recall/F1 over the items of ``gold`` (item -> cluster label)."""
    items = list(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    g_members: dict[Hashable, set[Hashable]] = {}
    p_members: dict[Hashable, set[Hashable]] = {}
    for it in items:
        g_members.setdefault(gold[it], set()).add(it)
        p_members.setdefault(pred.get(it, ("__singleton__", it)), set()).add(it)
    p_sum = r_sum = 0.0
    for it in items:
        gs = g_members[gold[it]]
        ps = p_members[pred.get(it, ("__singleton__", it))]
        inter = len(gs & ps)
        p_sum += inter / len(ps)
        r_sum += inter / len(gs)
    p, r = p_sum / len(items), r_sum / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pairwise_f1(gold: Mapping[K, G], pred: Mapping[K, P]) -> float:
    """F1 over same-cluster item pairs."""

    def pairs(labels: Mapping[K, G]) -> int:
        c = Counter(labels[i] for i in gold)
        return sum(n * (n - 1) // 2 for n in c.values())

    joint = Counter((gold[i], pred.get(i, ("__singleton__", i))) for i in gold)
    tp = sum(n * (n - 1) // 2 for n in joint.values())
    gp = pairs(gold)
    pp = sum(n * (n - 1) // 2 for n in Counter(pred.get(i, ("__singleton__", i)) for i in gold).values())
    if tp == 0:
        return 0.0
    p, r = tp / pp, tp / gp
    return 2 * p * r / (p + r)
