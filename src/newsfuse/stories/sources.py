"""Independent-source counting, used by every count of sources in newsfuse.

Ten reprints of one wire story are one source.  An article's *source key* is the outlet of the
origin of its copy group (``copy_of.of``, set by :mod:`newsfuse.stories.dedup`), so an outlet that
only reprints another's text adds nothing; two articles of one outlet count once; a newspaper's
article under a news agency's dateline ("CAIRO (AP) —", ``Article.wire``) counts as the agency,
whose text it is.  Outlet names are keyed by :func:`newsfuse.outlets.outlet_key`, so "CNN",
"cnn.com" and "CNN Wire" are one outlet.

An article whose outlet is unknown does not inflate the count: on real crawls most such articles
are pages of the known outlets beside them with no byline or dateline.  Articles of unknown
outlet add no source to a set that has a known outlet, and a set of only such articles counts as
one source, with one exception: an article whose house style rules out every known outlet of the
set (``Article.unlike_outlets``, see :mod:`newsfuse.extract.housestyle`: "Mr. Hayward said Monday
--" beside outlets that only ever write "Mr Hayward said on Monday") is another outlet's, and all
such articles of the set together count as one more source (they may be of one outlet; nothing
names it).  The count stays a lower bound, and the reports say so whenever unknown outlets are
involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsfuse.model import Article, Story
from newsfuse.outlets import outlet_key

# The key of an article whose outlet is unknown (one per article, so tables can still tell them apart).
UNKNOWN_OUTLET_PREFIX = "article:"


# Inside an unknown article's key, what follows this separator lists the outlet keys its house
# style rules out (outlet keys never contain a space).
_UNLIKE_SEP = " unlike "


def unknown_outlet_key(article_id: str, unlike: Iterable[str] = ()) -> str:
    """``article:<id>``, followed by the outlets the article's house style rules out, if any."""
    ruled_out = " ".join(sorted(unlike))
    return UNKNOWN_OUTLET_PREFIX + article_id + (_UNLIKE_SEP + ruled_out if ruled_out else "")


def is_unknown(key: str) -> bool:
    return key.startswith(UNKNOWN_OUTLET_PREFIX)


def unknown_article_id(key: str) -> str:
    """The article id in an unknown outlet's key."""
    return key[len(UNKNOWN_OUTLET_PREFIX) :].split(_UNLIKE_SEP, 1)[0]


def _ruled_out(key: str) -> frozenset[str]:
    _, _, rest = key.partition(_UNLIKE_SEP)
    return frozenset(rest.split()) if rest else frozenset()


def source_key(article: Article, by_id: Mapping[str, Article]) -> str:
    origin = article
    if article.copy_of is not None:
        origin = by_id.get(article.copy_of.of, article)
    name = origin.wire or origin.outlet
    return outlet_key(name) if name else unknown_outlet_key(origin.id, origin.unlike_outlets)


def count_sources(keys: Iterable[str]) -> int:
    """Independent sources among source keys: the known ones (plus one when an unknown article's
    house style rules out all of them), or one when none is known.  Never more on a subset of
    the keys than on the whole set."""
    distinct = set(keys)
    known = {k for k in distinct if not is_unknown(k)}
    if not known:
        return min(1, len(distinct))
    return len(known) + _unnamed_extra(known, distinct)


def _unnamed_extra(known: set[str], keys: Iterable[str]) -> int:
    """1 when one of the unknown-outlet ``keys`` rules out every outlet of ``known`` (non-empty)."""
    return int(any(is_unknown(k) and _UNLIKE_SEP in k and known <= _ruled_out(k) for k in keys))


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


def set_coverage(story: Story, by_id: Mapping[str, Article]) -> Story:
    """Fill ``story``'s outlets, ``independent_sources``, ``unknown_outlet_articles`` and
    ``unnamed_sources`` (the one source counted for unknown-outlet articles whose house style rules
    out every known outlet among them) from its articles, each source key computed once."""
    ids = [i for i in story.articles if i in by_id]
    keys = [source_key(by_id[i], by_id) for i in ids]
    known = {k for k in keys if not is_unknown(k)}
    story.outlets = outlets_of(ids, by_id)
    story.independent_sources = count_sources(keys)
    story.unknown_outlet_articles = len(keys) - sum(1 for k in keys if not is_unknown(k))
    story.unnamed_sources = _unnamed_extra(known, keys) if known else 0
    return story


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
