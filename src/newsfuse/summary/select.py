"""Choosing the headline sentence and the summary sentences (MMR), and ordering them."""

from __future__ import annotations

import re

import numpy as np

from newsfuse.summary.candidates import Candidate, trim_attribution
from newsfuse.summary.scoring import StoryVectors

# MMR trade-off between importance and novelty (Carbonell & Goldstein 1998).  0.7 keeps the
# strongest sentences while refusing near-repeats; tuned on the t17 dev clusters.
MMR_LAMBDA = 0.7
# A candidate this similar (cosine) to an already chosen sentence is a repeat and is skipped.
REDUNDANT = 0.5
# Headline candidates come from the lead of each article: news states the event first, and a
# sentence deep in the body is context, not "what happened".
HEADLINE_MAX_POSITION = 4
# Extra weight of the lead (position 0) when choosing the headline, on top of the score's own
# position term: the first sentence of a news article is written to be the headline's long form.
# 0.5 measured on wcep-sample-dev (even lines tuned, odd lines checked: +0.002 ROUGE-1 F on both).
HEADLINE_LEAD_BONUS = 0.5
# Short asides in brackets ("(Mar 2)", "(£3.15bn)", "(AP)") carry no event; a headline drops them.
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")


# A weekday in a headline ("... struck Bali on Thursday", "..., police said Sunday") points nowhere
# once the story is read on another day (the story card carries its dates), and spends words.
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
_ON_WEEKDAY = re.compile(rf"\s+(?:on|late|early)\s+{_WEEKDAY}(?=[\s,.;:])")
_BARE_WEEKDAY = re.compile(rf"(?<=[a-z])\s+{_WEEKDAY}(?=[,.;])")
# The day opening the sentence: "On Friday, looters damaged …" -> "Looters damaged …" (not "On, looters").
_LEADING_WEEKDAY = re.compile(rf"^(?:(?:On|Late|Early)\s+(?:on\s+)?{_WEEKDAY},?|{_WEEKDAY},)\s+(?=[a-zA-Z])")


_DOUBLED_COMMA = re.compile(r",\s*([,.;:])")


def drop_weekdays(text: str) -> str:
    """'X struck Bali on Thursday, police said Friday.' -> 'X struck Bali, police said.'"""
    # "… in Cairo, Egypt, on Tuesday, calling for …": the day was set off by commas, one of them goes too
    m = _LEADING_WEEKDAY.match(text)
    if m is not None:
        text = text[m.end() :]
        text = text[:1].upper() + text[1:]
    return _DOUBLED_COMMA.sub(r"\1", _BARE_WEEKDAY.sub("", _ON_WEEKDAY.sub("", text)))


def fit_words(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` words, at a clause boundary when there is one."""
    ws = text.split()
    if len(ws) <= limit:
        return text
    cut = " ".join(ws[:limit])
    for sep in ("; ", " — ", " – ", ", "):
        k = cut.rfind(sep)
        if k > 0 and len(cut[:k].split()) >= max(6, limit // 2):
            return cut[:k].rstrip(" ,;") + "."
    return cut.rstrip(" ,;") + "…"


def headline_text(c: Candidate, limit: int) -> str:
    return fit_words(drop_weekdays(_ASIDE.sub("", trim_attribution(c.text))), limit)


def pick_headline(cands: list[Candidate], vectors: StoryVectors, limit: int) -> int | None:
    """Index of the headline sentence: the best-scoring neutral lead sentence."""
    best, best_score = None, -1.0
    for c in cands:
        if c.position > HEADLINE_MAX_POSITION or vectors.scores[c.index] <= 0:
            continue
        s = float(vectors.scores[c.index]) + (HEADLINE_LEAD_BONUS if c.position == 0 else 0.0)
        if c.quote_share > 0.3:
            s *= 0.5  # a headline reports the event; quotes are someone's view of it
        if c.n_words > limit:
            s *= 0.8  # will have to be cut at a clause boundary
        if s > best_score:
            best, best_score = c.index, s
    return best


def pick_summary(cands: list[Candidate], vectors: StoryVectors, word_budget: int) -> list[int]:
    """MMR selection under a word budget; returns candidate indices (unordered)."""
    scores = vectors.scores
    order = [int(i) for i in np.argsort(-scores) if scores[i] > 0]
    chosen: list[int] = []
    used = 0
    X = vectors.matrix
    max_sim = np.zeros(len(cands))
    remaining = order[:300]  # the tail never wins; bounding it keeps MMR linear in practice
    top = float(scores[order[0]]) if order else 1.0
    while remaining:
        best_i, best_v = -1, -np.inf
        for i in remaining:
            if max_sim[i] >= REDUNDANT or used + cands[i].n_words > word_budget:
                continue
            v = MMR_LAMBDA * scores[i] / top - (1 - MMR_LAMBDA) * max_sim[i]
            if v > best_v:
                best_i, best_v = i, v
        if best_i < 0:
            break
        chosen.append(best_i)
        used += cands[best_i].n_words
        remaining.remove(best_i)
        sim = np.asarray((X @ X[best_i].T).todense()).ravel()
        max_sim = np.maximum(max_sim, sim)
    return chosen


def order_summary(chosen: list[int], cands: list[Candidate], vectors: StoryVectors) -> list[int]:
    """Time first (the earliest date among the sentence's own article), then importance."""
    return sorted(chosen, key=lambda i: (cands[i].date or "9999", -float(vectors.scores[i])))
