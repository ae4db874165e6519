"""Which articles support a summary sentence, and where.

A sentence is supported by an article when one of the article's sentences says the same thing:
TF-IDF cosine at least :data:`CITE_COSINE` AND most of the shorter sentence's content words appear
in the other (so a long sentence that shares a few names does not count).  The citation points at
the paragraph holding the best-matching sentence.
"""

from __future__ import annotations

from newsfuse.model import Article, Source, SummarySentence
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.summary import lexicon
from newsfuse.summary.candidates import MIN_WORDS, Candidate
from newsfuse.summary.scoring import StoryVectors
from newsfuse.text import STOPWORDS, content_words, words

# Cosine and content-word overlap needed to say "the same content appears there".  Chosen so
# paraphrases across outlets ("Haftar left Moscow without signing" / "Haftar departed Moscow
# without signing the ceasefire") match and mere topic overlap does not (checked on the seeds
# and the invented test stories).
CITE_COSINE = 0.3
CITE_OVERLAP = 0.5
# A supporting sentence must share at least this many content words and be a real sentence
# (candidates.MIN_WORDS words): a five-word kicker "Field Marshal Khalifa Haftar news" names the
# actors but supports no statement about them.
CITE_MIN_SHARED = 3


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words present in the other."""
    return _overlap_sets(set(content_words(a)), set(content_words(b)))


def _overlap_sets(wa: frozenset[str] | set[str], wb: frozenset[str] | set[str]) -> float:
    if not wa or not wb:
        return 0.0
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small & big) / len(small)


def predicates(text: str) -> set[str]:
    """Verb-like words of a sentence, reduced to a 4-letter stem ("signed", "signing" -> "sign")."""
    out = set()
    for w in words(text):
        lw = w.lower()
        if not w[:1].islower() or lw in lexicon.NOT_PREDICATES or lw in STOPWORDS:
            continue
        if lw in lexicon.IRREGULAR_VERBS or (len(lw) > 4 and lw.endswith(("ed", "ing"))):
            out.add(lw[:4])
    return out


def same_predicate(a: str, b: str) -> bool:
    """``b`` shares a predicate with ``a`` (true when ``a`` has none we can see)."""
    pa = predicates(a)
    return not pa or bool(pa & {w.lower()[:4] for w in words(b)})


def supporting(i: int, cands: list[Candidate], vectors: StoryVectors) -> dict[str, Candidate]:
    """For candidate ``i``: article id -> that article's best sentence saying the same (own included)."""
    best: dict[str, tuple[float, Candidate]] = {cands[i].article: (2.0, cands[i])}
    idx, cos = vectors.neighbours(i)
    mine = cands[i].content
    preds = predicates(cands[i].text)
    for j, s in zip(idx.tolist(), cos.tolist(), strict=True):
        if s < CITE_COSINE or j == i:
            continue
        c = cands[j]
        if c.n_words < MIN_WORDS or _overlap_sets(mine, c.content) < CITE_OVERLAP:
            continue
        if len(mine & c.content) < CITE_MIN_SHARED:
            continue
        if preds and not preds & c.stems:
            continue
        if c.article not in best or best[c.article][0] < s:
            best[c.article] = (float(s), c)
    return {a: c for a, (_, c) in best.items()}


def cite(
    text: str, i: int, cands: list[Candidate], vectors: StoryVectors, by_id: dict[str, Article]
) -> SummarySentence:
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
