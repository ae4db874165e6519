"""The dated sentences of a set of articles: every sentence with the date expressions it holds.

Shared by the story timeline and the topic timeline: one pass over the articles, one
:class:`~newsfuse.timeline.dates.DateResolver` (and its cache) per pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsfuse.model import Article, parse_iso
from newsfuse.text import split_sentences
from newsfuse.timeline.dates import WRITTEN_YEAR, DateMention, DateResolver, SentenceDates, may_hold_date, prospective


@dataclass
class DatedSentence:
    article: str
    paragraph: str
    outlet: str | None
    text: str
    position: int  # index of the sentence in its article (0 = first)
    published: date | None
    mentions: list[DateMention] = field(default_factory=list)


@dataclass
class SentenceIndex:
    sentences: list[DatedSentence] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # expressions that could not be resolved
    undated_articles: int = 0
    # Undated articles whose relative expressions were resolved against an anchor (see _anchor).
    anchored_articles: int = 0


# A year at least this far before the article's: the sentence after it may still be about that time.
PAST_YEAR_GAP = 2


def _written_past_year(found: SentenceDates, pub: date | None) -> int | None:
    years = {m.value.year for m in found.mentions if not m.relative and WRITTEN_YEAR.search(m.text)}
    if pub is None or len(years) != 1:
        return None
    (year,) = years
    return year if year <= pub.year - PAST_YEAR_GAP else None


def _after_a_past_year(found: SentenceDates, year: int) -> SentenceDates:
    """A year-less day or month right after a sentence about a long-past year ("In 1918 there was a first
    wave in April. It came back severely in August.") may be of that year or of the article's: it is left
    unresolved rather than guessed."""
    keep: list[DateMention] = []
    for m in found.mentions:
        if not m.relative and m.granularity in ("day", "month") and not WRITTEN_YEAR.search(m.text):
            found.unresolved.append(m.text)
        else:
            keep.append(m)
    found.mentions = keep
    return found


def index_sentences(
    articles: list[Article],
    resolver: DateResolver | None = None,
    reference: date | None = None,
    keep_undated_sentences: bool = True,
    split: Callable[[str], list[str]] = split_sentences,
    story_days: int | None = None,
) -> SentenceIndex:
    """Split every article into sentences and find their date mentions.

    ``reference`` decides the year of year-less dates in articles without a publication date
    (e.g. the middle of their story).  Relative expressions in such an article ("on Monday") are
    resolved against an *anchor*: the latest day it reports outside plans and possibilities (see
    :func:`_anchor`).  When the articles are one story (``story_days`` given: the clustering window)
    whose publication dates (or, all undated, anchors) span at most ``story_days``, an undated
    article is taken to be written at the story's latest day or its own anchor, whichever is later:
    a story's articles are written together, and the latest day is the tighter lower bound.
    Without any anchor its relative expressions stay unresolved.  With ``keep_undated_sentences=False``
    only sentences holding a resolved mention are kept.  ``split`` splits a paragraph into sentences
    (a memo may stand in).
    """
    resolver = resolver or DateResolver()
    if reference is None and not any(parse_iso(a.date) for a in articles):
        reference = written_reference(articles, resolver)
    out = SentenceIndex()
    published = {a.id: parse_iso(a.date) for a in articles}
    anchors: dict[str, date | None] = {}
    if reference is not None:
        anchors = {a.id: _anchor(a, resolver, reference, split) for a in articles if published[a.id] is None}
    if story_days is not None:
        # The story's span: its publication dates, or (all undated) the anchors.  Only a story that
        # spans at most ``story_days`` is one moment in which every article can be placed at its end.
        known = [d for d in published.values() if d is not None] or [d for d in anchors.values() if d is not None]
        if known and (max(known) - min(known)).days <= story_days:
            latest = max(known)
            for aid, own in anchors.items():
                anchors[aid] = latest if own is None else max(own, latest)
    for art in articles:
        pub = published[art.id]
        if pub is None:
            out.undated_articles += 1
            pub = anchors.get(art.id)
            out.anchored_articles += pub is not None
        pos = 0
        for para in art.paragraphs:
            if not keep_undated_sentences and not may_hold_date(para.text):
                pos += 1  # positions only order sentences within an article; a skipped paragraph counts one
                continue
            past_year: int | None = None  # the year the sentence before wrote, when long past
            for sent in split(para.text):
                found = resolver.find(sent, pub, reference)
                if past_year is not None and found.mentions:
                    found = _after_a_past_year(found, past_year)
                past_year = _written_past_year(found, pub)
                out.unresolved.extend(found.unresolved)
                if found.mentions or keep_undated_sentences:
                    out.sentences.append(DatedSentence(art.id, para.id, art.outlet, sent, pos, pub, found.mentions))
                pos += 1
    return out


def _anchor(
    art: Article, resolver: DateResolver, reference: date, split: Callable[[str], list[str]] = split_sentences
) -> date | None:
    """The latest day an undated article reports as past, to resolve its relative dates against.

    News is written shortly after the last thing it reports, so "on Monday" in an article whose
    latest past event is Tuesday 14 January is Monday 13 January.  Days in sentences about plans or
    possibilities ("will meet on January 19th", "could be held on January 19") are left out: they
    may lie after the writing.  The result is a lower bound on the real publication date, so a
    weekday is never put after the events the article reports.
    """
    latest: date | None = None
    for para in art.paragraphs:
        if not may_hold_date(para.text):
            continue
        for sent in split(para.text):
            if prospective(sent):
                continue
            for m in resolver.find(sent, None, reference).mentions:
                if m.granularity != "day" or m.relative:
                    continue
                if latest is None or m.value > latest:
                    latest = m.value
    return latest


def written_reference(articles: list[Article], resolver: DateResolver) -> date | None:
    """The median of the full dates (with a year) the articles write, or None.

    When no article has a publication date, this is the best guess of "when" the texts are: a
    year-less "January 14th" is taken to be near the dates written out in full beside it.
    """
    full: list[date] = []
    for art in articles:
        for para in art.paragraphs:
            if not _FULL_DATE_HINT.search(para.text):
                continue
            for sent in split_sentences(para.text):
                for m in resolver.find(sent, None, None).mentions:
                    if m.granularity == "day":
                        full.append(m.value)
    if not full:
        return None
    full.sort()
    return full[len(full) // 2]


# A four-digit year somewhere in the paragraph: only then can it hold a full date.
_FULL_DATE_HINT = re.compile(r"\b(?:1[89]|20)\d\d\b")
