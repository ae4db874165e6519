"""Cross-check of a story: entities, claims, conflicts, quotes and framing per outlet."""

from __future__ import annotations

from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.sentences import outlet_label, story_sentences
from newsfuse.model import Article, Story
from newsfuse.options import Options

__all__ = ["crosscheck_story"]


def crosscheck_story(story: Story, by_id: dict[str, Article], options: Options) -> None:
    """Fill ``story.entities``, ``claims``, ``conflicts``, ``quotes`` and ``framing`` in place."""
    opts = options.crosscheck
    ids = [a for a in story.articles if a in by_id]
    sents = story_sentences(ids, by_id)
    index = build_entities(
        sents, lambda aid: outlet_label(by_id[aid]), backend=opts.entity_backend, spacy_model=opts.spacy_model, notes=story.notes
    )
    story.entities = index.entities
