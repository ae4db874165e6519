"""House style: the writing conventions an outlet's copy desk applies to every article, used to tell
that an article of unknown outlet is *not* from a given outlet.

Style guides settle a few things once for the whole newsroom, and a scraper keeps them: British
desks write "Mr Hayward" (no full stop) and "said on Monday"; American desks write "Mr. Hayward"
or no courtesy title, "said Monday", and (in plain-text copy) " -- " for a dash.  An outlet whose
articles in the batch almost never show a convention does not write it: an article of unknown
outlet that shows it is another outlet's.  That is all this module claims; it never names an
outlet (two American desks write alike), it only rules outlets out, and the source count uses
that (:mod:`newsfuse.stories.sources`): unknown-outlet articles in a house style unlike every
named outlet of a set of articles are one more source.

On the t17-dev crawl (each topic file one batch, outlets hidden as ``newsfuse eval crawl`` hides
them): of the 1,459 articles of unknown outlet whose real outlet has a profile in their batch, 30
(2.1 %) break that profile, i.e. would be wrongly ruled out of their own outlet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.extract.outletdetect import staff_outlets
from newsfuse.model import Article
from newsfuse.outlets import outlet_key

# The conventions: each a mark an article's body shows or not.
MARKS: dict[str, re.Pattern[str]] = {
    "title_without_stop": re.compile(r"\b(?:Mr|Mrs|Ms)\s+[A-Z]"),
    "title_with_stop": re.compile(r"\b(?:Mr|Mrs|Ms)\.\s+[A-Z]"),
    "double_hyphen_dash": re.compile(r"\s--\s"),
    "said_on_weekday": re.compile(
        r"\b(?:said|says|announced) on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    ),
    # not the weekday as the subject of what was said ("Officials said Thursday was the first day …")
    "said_weekday": re.compile(
        r"\b(?:said|says|announced) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        r"(?!\s+(?:was|is|will|would|had|has|could|should|marked|marks|saw|brought)\b)"
    ),
}
# Articles of a named outlet the batch must hold before its profile says anything: with fewer, a
# convention it never shows may be chance (on t17-dev the smallest profiled outlet has 45).
MIN_PROFILE_ARTICLES = 10
# An outlet "does not write" a mark its articles show at most this share of the time.  At 0.02 and
# 0.05 the t17-dev figures are close (sources exact on the two multi-outlet topics 0.44 / 0.46 in a
# replay of the rule); at 0.10 the false "unlike own outlet" cases rise fourfold on bpoil (18 -> 75).
RARE_SHARE = 0.05


def style_marks(article: Article) -> frozenset[str]:
    """The conventions the article's body shows."""
    text = "\n".join(p.text for p in article.paragraphs)
    return frozenset(name for name, rx in MARKS.items() if rx.search(text))


def mark_unlike_outlets(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with :attr:`Article.unlike_outlets` set on those of unknown outlet: the outlet keys
    of the batch's profiled outlets (``MIN_PROFILE_ARTICLES`` named articles or more) that show one
    of the article's marks in at most ``RARE_SHARE`` of their articles."""
    marks = [style_marks(a) if a.outlet is None and a.wire is None else frozenset() for a in articles]
    counts: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    for a in articles:
        if a.outlet is None:
            continue
        k = outlet_key(a.outlet)
        sizes[k] += 1
        counts.setdefault(k, Counter()).update(style_marks(a))
    rare = {
        k: {m for m in MARKS if counts[k][m] <= RARE_SHARE * n} for k, n in sizes.items() if n >= MIN_PROFILE_ARTICLES
    }
    out: list[Article] = []
    for a, found in zip(articles, marks, strict=True):
        if found and rare:
            # an article that mentions an outlet's own people ("a BBC correspondent in Santo Domingo
            # said") is not ruled out of that outlet by one style mark (a desk's 5 % slips happen)
            unlike = sorted(k for k, never in rare.items() if found & never)
            if unlike:
                staff = staff_outlets(p.text for p in a.paragraphs)
                unlike = [k for k in unlike if k not in staff]
            if unlike != a.unlike_outlets:
                a = replace(a, unlike_outlets=unlike)
        out.append(a)
    return out


__all__ = ["MARKS", "mark_unlike_outlets", "style_marks"]
