"""Cross-check of a story: entities, claims (agreed / single-source / disputed), conflicts, quotes
and framing per outlet.  Every count of sources goes through :mod:`newsfuse.stories.sources`."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.crosscheck.claims import build_claims, claim_space, group_sentences, topic_claims
from newsfuse.crosscheck.conflicts import find_conflicts, mark_disputed_summary
from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.framing import build_framing
from newsfuse.crosscheck.quotes import build_quotes
from newsfuse.crosscheck.sentences import Sent, outlet_label, story_sentences
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.stories.sources import independent_sources
from newsfuse.text import split_sentences

__all__ = ["crosscheck_story"]

SINGLE_SOURCE_NOTE = "single source: no cross-check possible (every claim is single_source)"


def claim_sentences(sents: list[Sent], limit: int, n_articles: int) -> list[Sent]:
    """At most ``limit`` sentences: all of them, or else the first k of every article (k as large as
    fits), in story order; with more articles than ``limit``, the leads of the first ``limit``."""
    if limit < 1:
        raise ValueError(f"max_claim_sentences must be at least 1, got {limit}")
    if len(sents) <= limit:
        return sents
    per_article: dict[str, int] = {}
    for s in sents:
        per_article[s.article] = per_article.get(s.article, 0) + 1
    k = 1
    while sum(min(n, k + 1) for n in per_article.values()) <= limit:
        k += 1
    return [s for s in sents if s.index < k][:limit]


def crosscheck_story(
    story: Story,
    by_id: dict[str, Article],
    options: Options,
    stemmer: CachedStemmer | None = None,
    split: Callable[[str], list[str]] = split_sentences,
) -> None:
    """Fill ``story.entities``, ``claims``, ``conflicts``, ``quotes`` and ``framing`` in place.

    ``stemmer``: a :class:`CachedStemmer` to share across the stories of one batch (stemming the
    words a story has not seen yet is a large part of the time); a fresh one when ``None``.
    ``split``: splits a paragraph into sentences (a batch's :class:`~newsfuse.text.SentenceMemo`).
    """
    opts = options.crosscheck
    ids = [a for a in story.articles if a in by_id]
    missing = [a for a in story.articles if a not in by_id]
    if missing:
        story.notes.append(f"crosscheck: {len(missing)} article id(s) not found: {', '.join(missing[:5])}")
    sents = story_sentences(ids, by_id, split)
    index = build_entities(
        sents,
        lambda aid: outlet_label(by_id[aid]),
        backend=opts.entity_backend,
        spacy_model=opts.spacy_model,
        notes=story.notes,
    )
    story.entities = index.entities
    if stemmer is None:
        stemmer = CachedStemmer()
    if opts.claim_sentences_per_article < 1:
        raise ValueError(f"claim_sentences_per_article must be at least 1, got {opts.claim_sentences_per_article}")
    leading = [s for s in sents if s.index < opts.claim_sentences_per_article]
    checked = claim_sentences(leading, opts.max_claim_sentences, len(ids))
    if len(checked) < len(sents):
        story.notes.append(
            f"claims: {len(sents)} sentences in {len(ids)} articles; claims and conflicts are computed over the first "
            f"{len(checked)} (each article's leading sentences, at most {opts.claim_sentences_per_article} of one article)"
        )
    space = claim_space(checked, index, opts, stemmer)
    groups = group_sentences(space, opts)
    story.claims = build_claims(space, by_id, opts, ids, groups)
    story.conflicts = find_conflicts(
        checked, story.claims, space, index, by_id, opts, stemmer, topics=topic_claims(space, groups)
    )
    mark_disputed_summary([*([story.headline] if story.headline else []), *story.summary], story.conflicts, stemmer)
    story.quotes = build_quotes(sents, index, by_id, ids, opts.quote_min_words, stemmer, notes=story.notes)
    story.framing = build_framing(sents, index, by_id, ids)
    if independent_sources(ids, by_id) < 2:
        note = (
            SINGLE_SOURCE_NOTE
            if len(ids) < 2
            else "one independent source (the others copy it): no cross-check possible"
        )
        if note not in story.notes:
            story.notes.append(note)
