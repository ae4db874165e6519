"""Which articles support a summary sentence, and where.

A sentence is supported by an article when one of the article's sentences says the same thing:
TF-IDF cosine at least :data:`CITE_COSINE` AND most of the shorter sentence's content words appear
in the other (so a long sentence that shares a few names does not count).  The citation points at
the paragraph holding the best-matching sentence.
"""

from __future__ import annotations

from newsfuse.model import Article, Source, SummarySentence
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.summary.candidates import Candidate
from newsfuse.summary.scoring import StoryVectors
from newsfuse.text import content_words

# Cosine and content-word overlap needed to say "the same content appears there".  Chosen so
# paraphrases across outlets ("Haftar left Moscow without signing" / "Haftar departed Moscow
# without signing the ceasefire") match and mere topic overlap does not (checked on the seeds
# and the invented test stories).
CITE_COSINE = 0.3
CITE_OVERLAP = 0.5


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words present in the other."""
    wa, wb = set(content_words(a)), set(content_words(b))
    if not wa or not wb:
        return 0.0
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small & big) / len(small)


def supporting(i: int, cands: list[Candidate], vectors: StoryVectors) -> dict[str, Candidate]:
    """For candidate ``i``: article id -> that article's best sentence saying the same (own included)."""
    best: dict[str, tuple[float, Candidate]] = {cands[i].article: (2.0, cands[i])}
    row = vectors.sims.getrow(i)
    for j, s in zip(row.indices, row.data, strict=True):
        if s < CITE_COSINE or j == i:
            continue
        c = cands[j]
        if overlap(cands[i].text, c.text) < CITE_OVERLAP:
            continue
        if c.article not in best or best[c.article][0] < s:
            best[c.article] = (float(s), c)
    return {a: c for a, (_, c) in best.items()}


def cite(text: str, i: int, cands: list[Candidate], vectors: StoryVectors, by_id: dict[str, Article]) -> SummarySentence:
    """A SummarySentence for candidate ``i`` (shown as ``text``) citing every supporting article."""
    support = supporting(i, cands, vectors)
    ids = list(support)
    sources = [Source(article=a, paragraph=support[a].paragraph, outlet=by_id[a].outlet) for a in ids]
    return SummarySentence(
        text=text,
        sources=sources,
        outlets=outlets_of(ids, by_id),
        independent_sources=independent_sources(ids, by_id),
    )
