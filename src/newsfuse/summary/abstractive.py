"""Optional abstractive summary against a local OpenAI-compatible endpoint (extra ``abstractive``).

Never the default (``options.summary.backend == "openai"`` and ``options.summary.endpoint`` turn it
on).  The model is given the story's best extractive sentences, numbered, and asked for a short
neutral summary.  Every generated sentence is then checked against the story's own sentences: it
is kept only when one of them says the same (the same test the citations use) AND every number
and capitalised name in it appears in the sources, so nothing unsupported reaches the reader.
Kept sentences cite every supporting article, exactly like extractive ones.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import numpy as np

from newsfuse.model import Article, Source, Story, SummarySentence
from newsfuse.options import Options
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.summary.candidates import Candidate, outside_quotes
from newsfuse.summary.citations import CITE_COSINE, CITE_OVERLAP, overlap, same_predicate
from newsfuse.summary.scoring import StoryVectors, vectorize
from newsfuse.text import fold, split_sentences, words

log = logging.getLogger(__name__)

# How many extractive sentences go into the prompt: enough to cover a 100-word summary several
# times over, few enough for a small local model's context.
PROMPT_SENTENCES = 15
# Seconds to wait for the endpoint; a local model that takes longer is treated as unavailable.
TIMEOUT = 60.0

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _prompt(sentences: list[str], words_limit: int) -> list[dict[str, str]]:
    listing = "\n".join(f"{i + 1}. {s}" for i, s in enumerate(sentences))
    return [
        {
            "role": "system",
            "content": "You summarise news neutrally. Use only facts stated in the given sentences. "
            "No opinions, no labels, no speculation.",
        },
        {
            "role": "user",
            "content": f"Sentences from several news reports:\n{listing}\n\n"
            f"Write a neutral summary of at most {words_limit} words, in plain sentences.",
        },
    ]


def request_completion(endpoint: str, messages: list[dict[str, str]], timeout: float = TIMEOUT) -> str:
    """POST to ``{endpoint}/chat/completions`` and return the first choice's text."""
    import httpx

    url = endpoint.rstrip("/") + "/chat/completions"
    resp = httpx.post(url, json={"model": "local", "messages": messages, "temperature": 0.0}, timeout=timeout)
    resp.raise_for_status()
    data: Any = resp.json()
    try:
        return str(data["choices"][0]["message"]["content"])
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"unexpected response from {url}: no choices[0].message.content") from exc


def _facts_present(sentence: str, source_text: str) -> bool:
    """Every number and capitalised name of ``sentence`` appears in the sources."""
    src = fold(source_text)
    for n in _NUMBER.findall(sentence):
        if n not in src:
            return False
    ws = words(outside_quotes(sentence))
    return all(fold(w) in src for w in ws[1:] if w[:1].isupper())


def check_sentences(generated: list[str], cands: list[Candidate], by_id: dict[str, Article]) -> list[SummarySentence]:
    """Keep the generated sentences the candidates support, citing every supporting article."""
    if not generated or not cands:
        return []
    source_text = " ".join(c.text for c in cands)
    X, G = vectorize([c.text for c in cands], generated)
    sims = np.asarray((G @ X.T).todense())
    out: list[SummarySentence] = []
    for gi, sent in enumerate(generated):
        if not _facts_present(sent, source_text):
            log.info("abstractive sentence dropped (name or number not in sources): %s", sent)
            continue
        best: dict[str, Candidate] = {}
        best_sim: dict[str, float] = {}
        for j in np.flatnonzero(sims[gi] >= CITE_COSINE):
            c = cands[int(j)]
            if overlap(sent, c.text) < CITE_OVERLAP or not same_predicate(sent, c.text):
                continue
            if sims[gi, j] > best_sim.get(c.article, -1.0):
                best[c.article], best_sim[c.article] = c, float(sims[gi, j])
        if not best:
            log.info("abstractive sentence dropped (no source says it): %s", sent)
            continue
        ids = list(best)
        out.append(
            SummarySentence(
                text=sent,
                sources=[Source(article=a, paragraph=best[a].paragraph, outlet=by_id[a].outlet) for a in ids],
                outlets=outlets_of(ids, by_id),
                independent_sources=independent_sources(ids, by_id),
            )
        )
    return out


def abstractive_summary(
    story: Story, by_id: dict[str, Article], cands: list[Candidate], vectors: StoryVectors, options: Options
) -> list[SummarySentence]:
    """The checked abstractive summary, or [] when the endpoint fails or nothing survives the check."""
    endpoint = options.summary.endpoint
    if not endpoint:
        raise ValueError("summary backend 'openai' needs options.summary.endpoint (an OpenAI-compatible base URL)")
    top = [int(i) for i in np.argsort(-vectors.scores)[:PROMPT_SENTENCES] if vectors.scores[i] > 0]
    if not top:
        return []
    try:
        text = request_completion(endpoint, _prompt([cands[i].text for i in top], options.summary.summary_words))
    except Exception as exc:  # network, HTTP or format errors: the extractive summary stands
        log.warning("abstractive backend failed for story %s: %s", story.id, exc)
        return []
    generated = [s for p in text.split("\n") for s in split_sentences(p.lstrip("-*•0123456789. "))]
    kept = check_sentences(generated, cands, by_id)
    out: list[SummarySentence] = []
    used = 0
    for s in kept:
        n = len(s.text.split())
        if used + n > options.summary.summary_words:
            break
        out.append(s)
        used += n
    return out
