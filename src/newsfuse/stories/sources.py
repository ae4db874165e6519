"""Independent-source counting, used by every count of sources in newsfuse.

Ten reprints of one wire story are one source.  An article's *source key* is the outlet of the
origin of its copy group (``copy_of.of``, set by :mod:`newsfuse.stories.dedup`), so an outlet that
only reprints another's text adds nothing; two articles of one outlet count once; a newspaper's
article under a news agency's dateline ("CAIRO (AP) —", ``Article.wire``) counts as the agency,
whose text it is.  Outlet names are keyed by :func:`newsfuse.outlets.outlet_key`, so "CNN",
"cnn.com" and "CNN Wire" are one outlet.

An article whose outlet is unknown never inflates the count: nothing says it is independent of
the known outlets beside it (on real crawls most such articles are pages of those same outlets
with no byline or dateline).  Articles of unknown outlet add no source to a set that has a known
outlet, and a set of only such articles counts as one source.  The count is therefore a lower
bound, and the reports say so whenever unknown outlets are involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsfuse.model import Article
from newsfuse.outlets import outlet_key

# The key of an article whose outlet is unknown (one per article, so tables can still tell them apart).
UNKNOWN_OUTLET_PREFIX = "article:"


def unknown_outlet_key(article_id: str) -> str:
    return UNKNOWN_OUTLET_PREFIX + article_id


def is_unknown(key: str) -> bool:
    return key.startswith(UNKNOWN_OUTLET_PREFIX)


def source_key(article: Article, by_id: Mapping[str, Article]) -> str:
    origin = article
    if article.copy_of is not None:
        origin = by_id.get(article.copy_of.of, article)
    name = origin.wire or origin.outlet
    return outlet_key(name) if name else unknown_outlet_key(origin.id)


def count_sources(keys: Iterable[str]) -> int:
    """Independent sources among source keys: the known ones, or one when none is known."""
    distinct = set(keys)
    known = sum(1 for k in distinct if not is_unknown(k))
    return known if known else min(1, len(distinct))


def independent_sources(article_ids: Iterable[str], by_id: Mapping[str, Article]) -> int:
    """How many independent sources the given articles represent (a lower bound; see the module doc)."""
    return count_sources(source_key(by_id[i], by_id) for i in article_ids if i in by_id)


class SourceKeys:
    """:func:`source_key` by article id, each computed once: a memo for the analysis of one story,
    which counts the sources of many overlapping sets of its articles (every claim, every group of
    sentences) and would otherwise normalise the same outlet names again for each.  Only as long
    as ``by_id`` does not change (never module-wide)."""

    def __init__(self, by_id: Mapping[str, Article]) -> None:
        self.by_id = by_id
        self._keys: dict[str, str] = {}

    def key(self, article_id: str) -> str:
        """``source_key(by_id[article_id], by_id)``."""
        k = self._keys.get(article_id)
        if k is None:
            k = self._keys[article_id] = source_key(self.by_id[article_id], self.by_id)
        return k

    def independent(self, article_ids: Iterable[str]) -> int:
        """``independent_sources(article_ids, by_id)``."""
        return count_sources(self.key(i) for i in article_ids if i in self.by_id)


def unknown_outlet_articles(article_ids: Iterable[str], by_id: Mapping[str, Article]) -> int:
    """How many of the articles have no known outlet (nor wire) for their text's origin."""
    return sum(1 for i in article_ids if i in by_id and is_unknown(source_key(by_id[i], by_id)))


def outlets_of(article_ids: Iterable[str], by_id: Mapping[str, Article]) -> list[str]:
    """Distinct outlets (sorted, one name per outlet key), unknown outlets left out."""
    names: dict[str, str] = {}
    for i in article_ids:
        if i in by_id and (o := by_id[i].outlet):
            names.setdefault(outlet_key(o), o)
    return sorted(names.values())
