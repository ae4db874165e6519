"""Timeline-summarisation metrics (Martschat & Markert 2017; the protocol of Gholipour Ghalandari &
Ifrim 2020), written from the papers because the ``tilse`` package that implements them needs
pyrouge, spaCy and textacy:

- date precision / recall / F1 of the predicted set of dates against the reference's;
- alignment-based ROUGE-N ("align+ m:1"): every predicted date is aligned to the reference date
  of least cost, cost = (1 - 1/(|days apart| + 1)) * (1 - ROUGE-1 F of the two days' texts), and
  its ROUGE-N matches are counted, discounted by 1/(|days apart| + 1); recall aligns the other way.

ROUGE here is the usual approximation: lowercase word tokens (rouge-score's tokenizer), stopwords
removed (newsfuse's list, not the Perl script's SMART list), Porter-stemmed (NLTK's stemmer, as
rouge-score uses).  Figures are therefore close to, not identical with, the Perl ROUGE that papers
report.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from newsfuse.text import STOPWORDS


class RougeTokens:
    """Tokenise and stem for ROUGE, with a per-instance cache (texts repeat across alignments)."""

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        # NLTK ships no type information; it comes with rouge-score, whose stemmer it is.
        porter: Any = importlib.import_module("nltk.stem.porter")
        self._tok = DefaultTokenizer(use_stemmer=False)
        self._stem = porter.PorterStemmer()
        self._cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        out = self._cache.get(text)
        if out is None:
            out = [self._stem.stem(t) for t in self._tok.tokenize(text) if t not in STOPWORDS]
            self._cache[text] = out
        return out


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def date_prf(predicted: Sequence[date], reference: Sequence[date]) -> dict[str, float]:
    pred, ref = set(predicted), set(reference)
    tp = len(pred & ref)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(ref) if ref else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def align_rouge(
    predicted: Mapping[date, Sequence[str]],
    reference: Mapping[date, Sequence[str]],
    tokenizer: RougeTokens | None = None,
    orders: Sequence[int] = (1, 2),
) -> dict[str, dict[str, float]]:
    """Alignment-based ROUGE-N (align+ m:1) of one predicted timeline against one reference.

    Returns ``{"rouge1": {"precision", "recall", "f1"}, "rouge2": {...}}``.
    """
    tok = tokenizer or RougeTokens()
    pred_dates, ref_dates = sorted(predicted), sorted(reference)
    pred_tok = {d: [t for s in predicted[d] for t in tok(s)] for d in pred_dates}
    ref_tok = {d: [t for s in reference[d] for t in tok(s)] for d in ref_dates}
    grams: dict[tuple[str, date, int], Counter[tuple[str, ...]]] = {}

    def g(side: str, d: date, n: int) -> Counter[tuple[str, ...]]:
        key = (side, d, n)
        if key not in grams:
            grams[key] = _ngrams((pred_tok if side == "p" else ref_tok)[d], n)
        return grams[key]

    def rouge1_f(dp: date, dr: date) -> float:
        a, b = g("p", dp, 1), g("r", dr, 1)
        match = sum((a & b).values())
        pa, rb = sum(a.values()), sum(b.values())
        return _f(match / pa if pa else 0.0, match / rb if rb else 0.0)

    def cost(dp: date, dr: date) -> float:
        gap = abs((dp - dr).days)
        return (1 - 1 / (gap + 1)) * (1 - rouge1_f(dp, dr))

    def best(d: date, others: list[date], pred_side: bool) -> date:
        # the first minimum in date order (as numpy's argmin picks it)
        choice, lowest = others[0], float("inf")
        for o in others:
            c = cost(d, o) if pred_side else cost(o, d)
            if c < lowest:
                choice, lowest = o, c
        return choice

    out: dict[str, dict[str, float]] = {}
    prec_align = {dp: best(dp, ref_dates, True) for dp in pred_dates} if ref_dates else {}
    rec_align = {dr: best(dr, pred_dates, False) for dr in ref_dates} if pred_dates else {}
    for n in orders:
        p_num = p_den = r_num = r_den = 0.0
        for dp in pred_dates:
            p_den += sum(g("p", dp, n).values())
            if dp in prec_align:
                dr = prec_align[dp]
                w = 1 / (abs((dp - dr).days) + 1)
                p_num += w * sum((g("p", dp, n) & g("r", dr, n)).values())
        for dr in ref_dates:
            r_den += sum(g("r", dr, n).values())
            if dr in rec_align:
                dp = rec_align[dr]
                w = 1 / (abs((dp - dr).days) + 1)
                r_num += w * sum((g("p", dp, n) & g("r", dr, n)).values())
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        out[f"rouge{n}"] = {"precision": p, "recall": r, "f1": _f(p, r)}
    return out


def mean_of(rows: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Average each key over rows (per-timeline figures averaged over timelines)."""
    if not rows:
        return {}
    return {k: sum(float(r[k]) for r in rows) / len(rows) for k in rows[0]}
