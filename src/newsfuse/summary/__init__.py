"""Story headline and summary, every sentence citing the articles that support it.

Extractive by default, so nothing is invented:

1. every sentence of the story's articles becomes a candidate (:mod:`.candidates`), cleaned
   (datelines, repeated titles, leading connectives) and judged (questions, loaded labels,
   opinion, dangling pronouns, unanchored "this week", page furniture are never used);
2. candidates are scored in one TF-IDF space per story (:mod:`.scoring`): centroid, title
   similarity, lead position and the number of independent sources saying the same;
3. the headline is the best neutral lead sentence, cut to ``headline_words`` at a clause
   boundary (:mod:`.select`); the summary covers the most word-bigram concepts, each weighted by
   the independent sources mentioning it, within ``summary_words`` (an exact ILP, :mod:`.coverage`;
   MMR when the story has fewer than three sources) and is ordered by time, then importance;
4. each sentence cites every article with a sentence of the same content (:mod:`.citations`),
   counted by independent source.

``options.summary.backend == "openai"`` rewrites the summary with a local OpenAI-compatible
endpoint (:mod:`.abstractive`) and keeps only generated sentences the sources support.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Article, Source, Story, SummarySentence
from newsfuse.options import Options
from newsfuse.summary.abstractive import abstractive_summary
from newsfuse.summary.candidates import Candidate, article_candidates
from newsfuse.summary.citations import cite
from newsfuse.summary.coverage import pick_by_coverage
from newsfuse.summary.scoring import StoryVectors, score_candidates
from newsfuse.summary.select import fit_words, headline_text, order_summary, pick_headline, pick_summary
from newsfuse.text import split_sentences

__all__ = ["build_candidates", "extractive_summary", "summarize_story"]

BACKENDS = ("extractive", "openai")


def build_candidates(
    story: Story, by_id: dict[str, Article], split: Callable[[str], list[str]] = split_sentences
) -> list[Candidate]:
    cands: list[Candidate] = []
    for aid in story.articles:
        if aid in by_id:
            cands.extend(article_candidates(by_id[aid], start=len(cands), split=split))
    return cands


def _fallback_headline(story: Story, by_id: dict[str, Article], limit: int) -> SummarySentence | None:
    """No usable sentence at all: fall back to an article's title, cited as ``article#title``."""
    for aid in story.articles:
        a = by_id.get(aid)
        if a is not None and a.title:
            return SummarySentence(
                text=fit_words(a.title, limit),
                sources=[Source(article=a.id, paragraph="title", outlet=a.outlet)],
                outlets=[a.outlet] if a.outlet else [],
                independent_sources=1,
            )
    return None


def extractive_summary(
    story: Story,
    by_id: dict[str, Article],
    headline_words: int,
    summary_words: int,
    split: Callable[[str], list[str]] = split_sentences,
) -> tuple[SummarySentence | None, list[SummarySentence], list[Candidate], StoryVectors | None]:
    cands = build_candidates(story, by_id, split)
    if not cands:
        return _fallback_headline(story, by_id, headline_words), [], cands, None
    vectors = score_candidates(cands, by_id)
    h = pick_headline(cands, vectors, headline_words)
    headline = (
        cite(headline_text(cands[h], headline_words), h, cands, vectors, by_id)
        if h is not None
        else _fallback_headline(story, by_id, headline_words)
    )
    picked = pick_by_coverage(cands, vectors, summary_words)
    if picked is None:  # fewer than three independent sources: no agreement to count, MMR instead
        picked = pick_summary(cands, vectors, summary_words)
    chosen = order_summary(picked, cands, vectors)
    summary = [cite(cands[i].text, i, cands, vectors, by_id) for i in chosen]
    return headline, summary, cands, vectors


def summarize_story(
    story: Story, by_id: dict[str, Article], options: Options, split: Callable[[str], list[str]] = split_sentences
) -> None:
    """Set ``story.headline``, ``story.summary`` and ``story.title`` (see the module docstring).

    ``split`` splits a paragraph into sentences (a batch's :class:`~newsfuse.text.SentenceMemo`)."""
    opts = options.summary
    if opts.headline_words < 1 or opts.summary_words < 1:
        raise ValueError(
            f"summary word limits must be positive (headline_words={opts.headline_words}, summary_words={opts.summary_words})"
        )
    if opts.backend not in BACKENDS:
        raise ValueError(f"unknown summary backend {opts.backend!r}; expected one of {', '.join(BACKENDS)}")
    headline, summary, cands, vectors = extractive_summary(story, by_id, opts.headline_words, opts.summary_words, split)
    if opts.backend == "openai" and vectors is not None:
        generated = abstractive_summary(story, by_id, cands, vectors, options)
        if generated:
            summary = generated
        else:
            story.notes.append("abstractive backend gave no supported sentence: extractive summary kept")
    story.headline = headline
    story.summary = summary
    if headline is not None:
        story.title = headline.text
