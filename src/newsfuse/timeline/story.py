"""The timeline of one story: dated events merged across outlets, each with its sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsfuse.model import Article, Granularity, Source, Story, TimelineEvent, parse_iso
from newsfuse.options import Options
from newsfuse.stories.sources import outlets_of
from newsfuse.text import STOPWORDS, split_sentences, words
from newsfuse.timeline.dates import DateMention, DateResolver
from newsfuse.timeline.mentions import DatedSentence, index_sentences, written_reference

# Two sentences on the same date report the same event when they share at least MERGE_MIN_SHARED
# content words (date words left out, light suffix stripping) making up MERGE_OVERLAP of the shorter
# one.  Overlap of the shorter, not Jaccard, because one outlet's long sentence often contains
# another's short one; 0.3 with 2 words joins "the mayor left the talks without signing" with "the
# mayor walked out of the talks, asking for a day to think it over, without doing so", yet keeps apart
# two things done on one day that share only an actor's name.
MERGE_OVERLAP = 0.3
MERGE_MIN_SHARED = 2
# How many unresolved expressions to quote in the story note (the count is always given).
NOTE_EXAMPLES = 3

_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar "
    "apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow tonight morning afternoon evening night week month year last next ago earlier "
    "later".split()
)


# Inflection endings stripped before comparing words ("signed"/"signing", "talks"/"talk"); longest first.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s")


def _strip(word: str) -> str:
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


class Words:
    """The comparable words of a sentence: all content words, and those not capitalised (not names)."""

    __slots__ = ("all", "common")

    def __init__(self, text: str) -> None:
        keep = [
            (w, _strip(low))
            for w in words(text)
            if (low := w.lower()) not in STOPWORDS and low not in _DATE_WORDS and len(low) > 1 and not low[:1].isdigit()
        ]
        self.all = frozenset(n for _, n in keep)
        self.common = frozenset(n for w, n in keep if not w[:1].isupper())


def similarity(a: Words, b: Words) -> float:
    """Share of the shorter sentence's words found in the other.  0 unless they share
    MERGE_MIN_SHARED words, one of them not a name: two events of one day often share their actors
    ("Field Marshal Khalifa Haftar") and nothing else."""
    shared = len(a.all & b.all)
    if shared < MERGE_MIN_SHARED or not a.common & b.common:
        return 0.0
    return shared / min(len(a.all), len(b.all))


def _event_date(m: DateMention, published: date | None) -> tuple[str, Granularity] | None:
    """The event date of a mention.  A week is not a timeline granularity: a week lying within one
    month becomes that month, a week across two months is left out.  A past week ends at the
    publication date ("this week", written on a Wednesday, means Monday to Wednesday)."""
    if m.granularity == "week":
        last = m.last_day
        if published is not None and m.value <= published < last:
            last = published
        if (m.value.year, m.value.month) == (last.year, last.month):
            return f"{m.value.year:04d}-{m.value.month:02d}", "month"
        return None
    return m.iso, m.granularity


@dataclass
class _Group:
    date: str
    granularity: Granularity
    members: list[tuple[DatedSentence, str, Words]] = field(default_factory=list)


def _median_date(values: list[date]) -> date | None:
    if not values:
        return None
    values = sorted(values)
    return values[len(values) // 2]


# A batch whose publication dates all lie within this many days of each other is "one period": its
# median is then within half a year of any of them, so the nearest-year rule gives the right year.
BATCH_SPAN_DAYS = 183


def _batch_reference(by_id: dict[str, Article]) -> date | None:
    """The median publication date of all articles read together, when they span at most half a year."""
    dates = sorted(d for a in by_id.values() if (d := parse_iso(a.date)) is not None)
    if not dates or (dates[-1] - dates[0]).days > BATCH_SPAN_DAYS:
        return None
    return dates[len(dates) // 2]


def _representative(members: list[tuple[DatedSentence, str, Words]]) -> DatedSentence:
    """The member most like the others (ties: the earliest written, then the shortest)."""

    def key(i: int) -> tuple[float, int, int]:
        mine = members[i][2]
        sim = sum(similarity(mine, o[2]) for j, o in enumerate(members) if j != i)
        return (-sim, members[i][0].position, len(members[i][0].text))

    return members[min(range(len(members)), key=key)][0]


def story_timeline(
    story: Story,
    by_id: dict[str, Article],
    options: Options,
    resolver: DateResolver | None = None,
    split: Callable[[str], list[str]] = split_sentences,
) -> list[TimelineEvent]:
    """Dated events of a story, merged across outlets and sorted by date.

    Every date expression of every sentence is resolved (relative ones against the article's
    publication date, or for an undated article the latest day it reports; a missing year is taken
    from the middle of the story).  Sentences on the same date that share enough content words
    are one event, with all their sources and outlets.  Expressions that cannot be resolved are
    skipped and counted in a note on the story.

    ``resolver`` and ``split`` (a sentence memo) may be shared by the stories
    of one batch; both are pure memos, so sharing changes no result.
    """
    articles = [by_id[a] for a in story.articles if a in by_id]
    pub_dates = [d for a in articles if (d := parse_iso(a.date)) is not None]
    resolver = resolver or DateResolver()
    reference = _median_date(pub_dates) or parse_iso(story.first_date)
    if reference is None:
        reference = written_reference(articles, resolver)
    if reference is None:
        reference = _batch_reference(by_id)
        if reference is not None:
            story.notes.append(
                "timeline: no article of this story has a publication date; year-less dates take the year "
                f"nearest the other articles read with it (around {reference.isoformat()})"
            )
    # A story's articles are written within the clustering window of one another.
    index = index_sentences(
        articles,
        resolver,
        reference,
        keep_undated_sentences=False,
        split=split,
        story_days=options.cluster.window_days,
    )

    groups: dict[tuple[str, str], list[_Group]] = {}
    for sent in index.sentences:
        sent_words = Words(sent.text)
        seen: set[tuple[str, str]] = set()
        for m in sent.mentions:
            ed = _event_date(m, sent.published)
            if ed is None or ed in seen:
                continue
            seen.add(ed)
            bucket = groups.setdefault(ed, [])
            best, best_sim = None, 0.0
            for g in bucket:
                sim = max(similarity(sent_words, w) for _, _, w in g.members)
                if sim > best_sim:
                    best, best_sim = g, sim
            if best is None or best_sim < MERGE_OVERLAP:
                best = _Group(ed[0], ed[1])
                bucket.append(best)
            best.members.append((sent, m.text, sent_words))

    events: list[TimelineEvent] = []
    for (_, _), bucket in groups.items():
        for g in bucket:
            rep = _representative(g.members)
            sources: list[Source] = []
            seen_src: set[tuple[str, str]] = set()
            for s, _, _ in g.members:
                if (s.article, s.paragraph) not in seen_src:
                    seen_src.add((s.article, s.paragraph))
                    sources.append(Source(article=s.article, paragraph=s.paragraph, outlet=s.outlet))
            expressions = list(dict.fromkeys(expr for _, expr, _ in g.members))
            events.append(
                TimelineEvent(
                    date=g.date,
                    granularity=g.granularity,
                    text=rep.text,
                    expressions=expressions,
                    sources=sources,
                    outlets=outlets_of([s.article for s in sources], by_id),
                )
            )
    # Coarse before fine on the same prefix ("2020" < "2020-01" < "2020-01-13"), then the best-sourced.
    events.sort(key=lambda e: (e.date, -len({s.article for s in e.sources}), e.text))

    if index.unresolved:
        examples = ", ".join(f'"{t}"' for t, _ in Counter(index.unresolved).most_common(NOTE_EXAMPLES))
        story.notes.append(f"timeline: {len(index.unresolved)} date expressions could not be resolved ({examples})")
    if index.anchored_articles:
        story.notes.append(
            f"timeline: {index.anchored_articles} articles without a publication date: their relative dates "
            "(\"on Monday\") are resolved against the latest day the story reports (inferred)"
        )
    if index.undated_articles > index.anchored_articles:
        story.notes.append(
            f"timeline: {index.undated_articles - index.anchored_articles} articles without a publication date "
            "contribute only absolute dates"
        )
    return events

