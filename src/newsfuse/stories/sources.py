"""Independent-source counting, used by every count of sources in newsfuse.

Ten reprints of one wire story are one source.  An article's *source key* is the outlet of the
origin of its copy group (``copy_of.of``, set by :mod:`newsfuse.stories.dedup`), so an outlet that
only reprints another's text adds nothing; two articles of one outlet count once; an article with
no known outlet counts as its own source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsfuse.model import Article

# The key of an article whose outlet is unknown: it counts as its own source.
UNKNOWN_OUTLET_PREFIX = "article:"


def unknown_outlet_key(article_id: str) -> str:
    return UNKNOWN_OUTLET_PREFIX + article_id


def source_key(article: Article, by_id: Mapping[str, Article]) -> str:
    origin = article
    if article.copy_of is not None:
        origin = by_id.get(article.copy_of.of, article)
    return origin.outlet.lower() if origin.outlet else unknown_outlet_key(origin.id)


def independent_sources(article_ids: Iterable[str], by_id: Mapping[str, Article]) -> int:
    """How many independent sources the given articles represent."""
    return len({source_key(by_id[i], by_id) for i in article_ids if i in by_id})


def outlets_of(article_ids: Iterable[str], by_id: Mapping[str, Article]) -> list[str]:
    """Distinct outlets (sorted), unknown outlets left out."""
    return sorted({o for i in article_ids if i in by_id and (o := by_id[i].outlet)})
