"""The timeline of one story: dated events merged across outlets, each with its sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np
from scipy.sparse import csr_matrix

from newsfuse.model import Article, Granularity, Source, Story, TimelineEvent, parse_iso
from newsfuse.options import Options
from newsfuse.stories.sources import outlets_of
from newsfuse.text import STOPWORDS, split_sentences, words
from newsfuse.timeline.dates import DateMention, DateResolver, period_last_day
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
# Dated sentences a story's timeline is built from.  Merging compares every sentence with every
# other one on its date, so the work is quadratic in the sentences of one date: one 60,000-paragraph
# article held a story updater for over 11 minutes.  A 100-article story has a few hundred to ~1,500
# dated sentences (t17-dev), so only larger stories are cut, to the first sentences of every article
# (as the claims are, see CrossCheckOptions.max_claim_sentences), and the story notes say so.
MAX_TIMELINE_SENTENCES = 4000
# A date this many days or more before the story's first article is history, not one of the story's
# events ("their worst month since the October 1987 crash", "victims of the September 11, 2001
# attacks", a biography's years): shown only when at least BACKGROUND_MIN_ARTICLES articles refer to
# it (the 1989 oil spill every report compares with), and counted in a note otherwise.
BACKGROUND_DAYS = 365
BACKGROUND_MIN_ARTICLES = 2
# Buckets of at most this many sentences get their similarity matrix pair by pair in Python: most
# date buckets hold one to a few sentences, where building two sparse matrices and multiplying them
# cost ~1 ms of scipy overhead against ~5 us per pair (32 members: ~500 pairs, about the same).
_SMALL_BUCKET = 32
# Rows of the similarity matrix computed at once: bounds memory (512 x 4,000 float64 = 16 MB).
_BLOCK_ROWS = 512

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


class _Similarities:
    """:func:`similarity` between the members of one date's bucket, a block of rows at a time, as
    sparse products (same integer counts, same float division, so the same values as the pairwise
    function, without a Python call per pair)."""

    def __init__(self, members: Sequence[Words]) -> None:
        self.sizes = np.array([len(w.all) for w in members], dtype=np.float64)
        self.dense: np.ndarray | None = None
        if len(members) <= _SMALL_BUCKET:
            self.dense = self._pairwise(members)
            return
        vocab: dict[str, int] = {}
        rows_all: list[int] = []
        cols_all: list[int] = []
        rows_common: list[int] = []
        cols_common: list[int] = []
        for i, w in enumerate(members):
            for word in w.all:
                rows_all.append(i)
                cols_all.append(vocab.setdefault(word, len(vocab)))
            for word in w.common:
                rows_common.append(i)
                cols_common.append(vocab.setdefault(word, len(vocab)))
        shape = (len(members), max(len(vocab), 1))
        self.all = csr_matrix((np.ones(len(rows_all), dtype=np.int32), (rows_all, cols_all)), shape=shape)
        self.common = csr_matrix((np.ones(len(rows_common), dtype=np.int32), (rows_common, cols_common)), shape=shape)

    def _pairwise(self, members: Sequence[Words]) -> np.ndarray:
        """The whole matrix of a small bucket, pair by pair: the same integer counts and the same
        float division as :meth:`block`'s products, so the same values."""
        n = len(members)
        sizes = [len(w.all) for w in members]
        out = np.zeros((n, n), dtype=np.float64)
        for i in range(n):
            a = members[i]
            for j in range(i, n):
                b = members[j]
                shared = len(a.all & b.all)
                if shared >= MERGE_MIN_SHARED and a.common & b.common:
                    out[i, j] = out[j, i] = shared / min(sizes[i], sizes[j])
        return out

    def block(self, rows: Sequence[int] | slice, cols: Sequence[int] | slice) -> np.ndarray:
        if self.dense is not None:
            rows_ = rows if isinstance(rows, slice) else list(rows)
            cols_ = cols if isinstance(cols, slice) else list(cols)
            return self.dense[rows_][:, cols_]  # a copy: callers write into blocks
        shared = (self.all[rows] @ self.all[cols].T).toarray()
        common = (self.common[rows] @ self.common[cols].T).toarray()
        smaller = np.minimum(self.sizes[rows][:, None], self.sizes[cols][None, :])
        ok = (shared >= MERGE_MIN_SHARED) & (common > 0)
        out = np.zeros(shared.shape, dtype=np.float64)
        np.divide(shared, smaller, out=out, where=ok)
        return out


def _group_bucket(sims: _Similarities, n: int) -> list[list[int]]:
    """The ``n`` members of one date merged into events: each joins the event holding its most similar
    earlier member (ties: the earliest event) when that similarity reaches MERGE_OVERLAP, else
    starts one.  Returns member indices per event, in order of creation."""
    groups: list[list[int]] = []
    group_of: list[int] = []
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(start + _BLOCK_ROWS, n)
        block = sims.block(slice(start, stop), slice(0, stop))
        for i in range(start, stop):
            row = block[i - start, :i]
            best = float(row.max()) if i else 0.0
            if best <= 0.0 or best < MERGE_OVERLAP:
                group_of.append(len(groups))
                groups.append([i])
                continue
            g = min(group_of[j] for j in np.flatnonzero(row == best))
            group_of.append(g)
            groups[g].append(i)
    return groups


def _representative(
    members: list[tuple[DatedSentence, str, Words]], sims: _Similarities, idx: list[int]
) -> DatedSentence:
    """The member most like the others (ties: the earliest written, then the shortest).  Sums are
    taken in member order (cumulative sum), as a Python ``sum`` over the others would be."""
    totals: list[float] = []
    for start in range(0, len(idx), _BLOCK_ROWS):
        rows = idx[start : start + _BLOCK_ROWS]
        block = sims.block(rows, idx)
        for r in range(len(rows)):
            block[r, start + r] = 0.0
        totals.extend(np.cumsum(block, axis=1)[:, -1].tolist())

    def key(k: int) -> tuple[float, int, int]:
        sent = members[idx[k]][0]
        return (-totals[k], sent.position, len(sent.text))

    return members[idx[min(range(len(idx)), key=key)]][0]


def _cap_sentences(sentences: list[DatedSentence], limit: int) -> list[DatedSentence]:
    """At most ``limit`` sentences: all of them, or else the first k dated sentences of every article
    (k as large as fits), in story order."""
    if len(sentences) <= limit:
        return sentences
    per_article: Counter[str] = Counter(s.article for s in sentences)
    k = 1
    while sum(min(n, k + 1) for n in per_article.values()) <= limit:
        k += 1
    kept: list[DatedSentence] = []
    seen: Counter[str] = Counter()
    for s in sentences:
        if seen[s.article] < k:
            seen[s.article] += 1
            kept.append(s)
    return kept[:limit]


def _last_day(event: TimelineEvent) -> date | None:
    """The last day an event's date can mean: "1987" -> 1987-12-31, "1987-10" -> 1987-10-31."""
    try:
        first = date(*(int(p) for p in event.date.split("-")), *([1] * (2 - event.date.count("-"))))
    except (TypeError, ValueError):
        return None
    return period_last_day(first, event.granularity)


def _without_lone_history(events: list[TimelineEvent], pub_dates: list[date], story: Story) -> list[TimelineEvent]:
    """Drop events dated long before the story (:data:`BACKGROUND_DAYS`) that one article alone refers to."""
    if not pub_dates:
        return events
    horizon = min(pub_dates) - timedelta(days=BACKGROUND_DAYS)
    kept: list[TimelineEvent] = []
    dropped = 0
    for e in events:
        last = _last_day(e)
        if last is not None and last < horizon and len({s.article for s in e.sources}) < BACKGROUND_MIN_ARTICLES:
            dropped += 1
        else:
            kept.append(e)
    if dropped:
        story.notes.append(
            f"timeline: {dropped} dates more than {BACKGROUND_DAYS} days before the story, each referred to by one "
            "article only, left out (history the story mentions, not its events)"
        )
    return kept


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

    sentences = _cap_sentences(index.sentences, MAX_TIMELINE_SENTENCES)
    if len(sentences) < len(index.sentences):
        story.notes.append(
            f"timeline: {len(index.sentences)} dated sentences in {len(articles)} articles; events are built from the "
            f"first {len(sentences)} (each article's leading dated sentences)"
        )
    buckets: dict[tuple[str, Granularity], list[tuple[DatedSentence, str, Words]]] = {}
    for sent in sentences:
        sent_words = Words(sent.text)
        seen: set[tuple[str, Granularity]] = set()
        for m in sent.mentions:
            ed = _event_date(m, sent.published)
            if ed is None or ed in seen:
                continue
            seen.add(ed)
            buckets.setdefault(ed, []).append((sent, m.text, sent_words))

    events: list[TimelineEvent] = []
    for (day, granularity), members in buckets.items():
        sims = _Similarities([w for _, _, w in members])
        for idx in _group_bucket(sims, len(members)):
            group = [members[i] for i in idx]
            rep = _representative(members, sims, idx)
            sources: list[Source] = []
            seen_src: set[tuple[str, str]] = set()
            for s, _, _ in group:
                if (s.article, s.paragraph) not in seen_src:
                    seen_src.add((s.article, s.paragraph))
                    sources.append(Source(article=s.article, paragraph=s.paragraph, outlet=s.outlet))
            expressions = list(dict.fromkeys(expr for _, expr, _ in group))
            events.append(
                TimelineEvent(
                    date=day,
                    granularity=granularity,
                    text=rep.text,
                    expressions=expressions,
                    sources=sources,
                    outlets=outlets_of([s.article for s in sources], by_id),
                )
            )
    events = _without_lone_history(events, pub_dates, story)
    # Coarse before fine on the same prefix ("2020" < "2020-01" < "2020-01-13"), then the best-sourced.
    events.sort(key=lambda e: (e.date, -len({s.article for s in e.sources}), e.text))

    if index.unresolved:
        examples = ", ".join(f'"{t}"' for t, _ in Counter(index.unresolved).most_common(NOTE_EXAMPLES))
        story.notes.append(f"timeline: {len(index.unresolved)} date expressions could not be resolved ({examples})")
    if index.anchored_articles:
        story.notes.append(
            f"timeline: {index.anchored_articles} articles without a publication date: their relative dates "
            '("on Monday") are resolved against the latest day the story reports (inferred)'
        )
    if index.undated_articles > index.anchored_articles:
        story.notes.append(
            f"timeline: {index.undated_articles - index.anchored_articles} articles without a publication date "
            "contribute only absolute dates"
        )
    return events
