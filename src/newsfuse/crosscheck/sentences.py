"""The sentences of a story, split once and shared by every cross-check step."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from newsfuse.model import Article, ClaimSentence, Source
from newsfuse.stories.sources import source_key, unknown_outlet_key
from newsfuse.text import iter_sentences, split_sentences


@dataclass(frozen=True)
class Sent:
    """One sentence of one article, with where it comes from."""

    article: str
    paragraph: str
    index: int  # position of the sentence in the article (0-based, over all paragraphs)
    text: str
    outlet: str | None
    source: str  # independent-source key (see newsfuse.stories.sources)

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.index)

    def as_claim_sentence(self) -> ClaimSentence:
        return ClaimSentence(text=self.text, article=self.article, paragraph=self.paragraph, outlet=self.outlet)

    def as_source(self) -> Source:
        return Source(article=self.article, paragraph=self.paragraph, outlet=self.outlet)


def outlet_label(article: Article) -> str:
    """The outlet name used in per-outlet tables; an article without one stands for itself."""
    return article.outlet or unknown_outlet_key(article.id)


def story_sentences(
    article_ids: Iterable[str], by_id: Mapping[str, Article], split: Callable[[str], list[str]] = split_sentences
) -> list[Sent]:
    """Every sentence of the articles, in order; ``split`` splits a paragraph (a memo may stand in)."""
    out: list[Sent] = []
    for aid in article_ids:
        art = by_id.get(aid)
        if art is None:
            continue
        key = source_key(art, by_id)
        for i, (pid, _, text) in enumerate(iter_sentences([(p.id, p.text) for p in art.paragraphs], split)):
            out.append(Sent(article=aid, paragraph=pid, index=i, text=text, outlet=art.outlet, source=key))
    return out
