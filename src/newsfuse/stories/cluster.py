"""Story clustering: articles arrive in date order and join the best active story or start one.

:class:`StoryIndex` is the sequential first pass; :func:`cluster_stories` runs it over a whole
corpus (or one time partition) in a canonical order and then refines the result (see
:mod:`newsfuse.stories.refine`).  The web app does not feed it one article at a time: it
re-runs :func:`cluster_stories` on the partitions new articles touch (:mod:`newsfuse.stories.live`).

How an article is placed:

1. a copy (``copy_of`` set by :mod:`newsfuse.stories.dedup`) joins its origin's story;
2. otherwise its feature vector (:mod:`newsfuse.stories.features`: names, numbers, title and lead
   weighted over the tail, TF-IDF) is compared with the centroids of the *active* stories that
   share one of its strongest features, found through an inverted index.  A story is active while
   its last dated article is at most ``window_days`` older than the newest date seen; stories
   that fall out of the window leave the index, so the cost per article depends on the stories in
   the window, not on the corpus;
3. the similarity is discounted by the time gap between the article and the story (no gap: full
   weight, a gap of the whole window: half, beyond it: no link), and the article joins the best
   story at or above ``join_threshold``; else it starts a new story.  The gap is measured from the
   story's *mean* date (of its dated members; ``time_gap="mean"``), not from its newest article:
   with the newest article, each report that joins moves the story's window on, so a story of a
   war or a spill chains along for weeks (on the t17 crawls the members of 10 of 168 stories of 5+
   articles spanned more than 14 days, up to 45; with the mean date none, up to 14).  From the mean date, an article is far from a story when
   it is far from most of its members, which is what average link over the members with a
   per-member time discount would say (for a linear discount the mean of the members' factors is
   the factor at their mean date).  Undated articles and stories are not discounted, as before;
4. the story it joined is compared with the other candidates: two stories whose centroids reach
   ``merge_threshold`` have converged and are merged.

Determinism: ties are broken by story id, and :func:`cluster_stories` feeds articles in a canonical
order (date, undated last; then a hash of the title and text), so the input file order does not
matter.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

import numpy as np

from newsfuse.model import Article, Story, parse_iso
from newsfuse.options import ClusterOptions, Options
from newsfuse.stories.features import DECAY_AT_WINDOW, DocFreq, Vector, article_features, weigh
from newsfuse.stories.refine import refine_groups
from newsfuse.stories.sources import set_coverage
from newsfuse.text import split_sentences

# An article is looked up and indexed by its strongest features only: names, numbers and rare
# words carry the event; the long tail of weak features only adds candidates.
QUERY_FEATURES = 40
# A feature shared by more active stories than this says nothing about which story an article
# belongs to (a stopword-like term of the period); skipping it bounds the cost per article.
MAX_POSTINGS = 300
# Story vector sums keep their strongest features only, which bounds memory per story; the
# dropped tail weighs a few percent of the norm.
CENTROID_FEATURES = 1000
# A retired story keeps this many features, enough for undated articles to find and join it.
RETIRED_FEATURES = 200
# Only the stories sharing the most (weighted) strong features with an article are scored; this
# bounds the cost per article whatever the size of the window.
MAX_CANDIDATES = 15
# After a join, only the best-scoring other candidates are tested for a merge: stories that
# converge are the ones the new article is closest to.
MERGE_CANDIDATES = 3


def time_factor(gap: float, window: int) -> float | None:
    """The similarity discount for a time gap of ``gap`` days: 1 at no gap, DECAY_AT_WINDOW at the
    window's edge; None beyond it (the two cannot be linked)."""
    if gap > window:
        return None
    return 1.0 - (1.0 - DECAY_AT_WINDOW) * (gap / window if window else 0.0)


def content_key(article: Article) -> str:
    """A hash of what the article says: the tie-breaker that makes file order irrelevant."""
    h = hashlib.sha1(f"{article.title or ''}\x00{article.text}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def arrival_key(article: Article) -> tuple[int, str, str, str]:
    """Canonical arrival order: by date, undated last; then by content, then id."""
    d = parse_iso(article.date)
    return (0 if d else 1, d.isoformat() if d else "", content_key(article), article.id)


def story_id_for(article_id: str) -> str:
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:11]


def _top(vec: Vector, n: int) -> Vector:
    if len(vec) <= n:
        return vec
    # Strongest first, ties by feature: sorting by feature and then (stably) by weight, descending,
    # gives the order of the key (-weight, feature) without building a tuple per item.
    items = sorted(vec.items())
    items.sort(key=itemgetter(1), reverse=True)
    return dict(items[:n])


def sparse_add(
    a_ids: np.ndarray, a_vals: np.ndarray, b_ids: np.ndarray, b_vals: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The sum of two sparse vectors given as (sorted unique ids, values); the result is sorted.

    Each shared value is ``a + b``, each other one is copied, exactly as adding the items of one
    dict into the other."""
    if not len(a_ids):
        return b_ids.copy(), b_vals.copy()
    if not len(b_ids):
        return a_ids, a_vals
    ids = np.union1d(a_ids, b_ids)
    out = np.zeros(len(ids), dtype=np.float64)
    out[np.searchsorted(ids, a_ids)] = a_vals
    out[np.searchsorted(ids, b_ids)] += b_vals
    return ids, out


def sparse_top(ids: np.ndarray, vals: np.ndarray, n: int, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The ``n`` strongest entries of a sparse vector (as :func:`_top`: ties go to the feature
    name that sorts first; ``names[id]`` is an id's feature); ids stay sorted."""
    if len(vals) <= n:
        return ids, vals
    kth = np.partition(vals, len(vals) - n)[len(vals) - n]  # the n-th largest value
    keep = vals > kth
    tied = np.flatnonzero(vals == kth)
    need = n - int(np.count_nonzero(keep))
    if need >= len(tied):
        keep[tied] = True
    else:
        chosen = sorted(tied.tolist(), key=lambda i: names[int(ids[i])])[:need]
        keep[chosen] = True
    return ids[keep], vals[keep]


@dataclass
class _Story:
    id: str
    members: list[str] = field(default_factory=list)  # articles placed by similarity, in arrival order
    copies: list[str] = field(default_factory=list)  # articles that joined as copies of a member
    # Sum of member vectors (truncated), sparse: feature ids (sorted) and values.
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    vals: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    posted: set[str] = field(default_factory=set)  # features under which the index lists it
    first: date | None = None
    last: date | None = None
    # Sum of the day ordinals of its dated members and their number: the story's mean date.
    # Copies are left out: a page reprinted weeks later says nothing new about when the event was.
    day_sum: int = 0
    dated: int = 0
    active: bool = True

    def add_date(self, d: date | None, member: bool = True) -> None:
        if d is None:
            return
        self.first = d if self.first is None or d < self.first else self.first
        self.last = d if self.last is None or d > self.last else self.last
        if member:
            self.day_sum += d.toordinal()
            self.dated += 1

    def mean_day(self) -> float | None:
        """The mean date of its dated members as a day ordinal (None when none is dated)."""
        return self.day_sum / self.dated if self.dated else None


def _check(opts: ClusterOptions) -> None:
    if opts.window_days < 0:
        raise ValueError(f"cluster.window_days must be >= 0, got {opts.window_days}")
    for name in ("join_threshold", "merge_threshold"):
        v = getattr(opts, name)
        if not 0.0 < v <= 1.0:
            raise ValueError(f"cluster.{name} must be in (0, 1], got {v}")
    if opts.time_gap not in ("mean", "range"):
        raise ValueError(f"cluster.time_gap must be 'mean' or 'range', got {opts.time_gap!r}")


class StoryIndex:
    """Incremental story clustering over the active time window.

    ``doc_freq`` fixes the IDF statistics (batch use: computed over the whole corpus first, so the
    result does not depend on arrival order); without it the index learns them as articles arrive.
    """

    def __init__(self, options: Options, doc_freq: DocFreq | None = None) -> None:
        _check(options.cluster)
        self.options = options
        self._learn_df = doc_freq is None
        self._df = doc_freq if doc_freq is not None else DocFreq()
        self._stories: dict[str, _Story] = {}
        self._active: dict[str, _Story] = {}  # the active ones, in order of creation
        self._postings: dict[str, set[str]] = {}  # feature -> active stories
        self._archive: dict[str, set[str]] = {}  # feature -> retired stories (for undated articles)
        self._story_of: dict[str, str] = {}
        self._articles: dict[str, Article] = {}
        self._clock: date | None = None
        # Feature ids of the story sums: feature -> id, id -> feature, and a dense scratch vector
        # (zero between uses) into which one vector is spread to take dot products with sums.
        self._vocab: dict[str, int] = {}
        self._names: list[str] = []
        self._scratch = np.zeros(1024, dtype=np.float64)

    # ------------------------------------------------------------------ public

    def add(self, article: Article, features: Vector | None = None) -> str:
        """Place one article; returns the id of its story.

        ``features``: the article's :func:`article_features`, when the caller has them already.
        """
        if article.id in self._story_of:
            return self._story_of[article.id]
        self._articles[article.id] = article
        d = parse_iso(article.date)
        self._advance(d)
        if article.copy_of is not None and article.copy_of.of in self._story_of:
            st = self._stories[self._story_of[article.copy_of.of]]
            st.copies.append(article.id)
            st.add_date(d, member=False)
            self._story_of[article.id] = st.id
            return st.id

        raw = features if features is not None else article_features(article)
        if self._learn_df:
            self._df.add(raw)
        vec = weigh(raw, self._df)
        query = _top(vec, QUERY_FEATURES)
        ids, vals = self._sparse(vec)
        scored = self._candidates(query, ids, vals, d)
        opts = self.options.cluster
        if scored and scored[0][0] >= opts.join_threshold:
            st = self._stories[scored[0][1]]
        else:
            st = _Story(id=story_id_for(article.id))
            self._stories[st.id] = st
            self._active[st.id] = st
        st.members.append(article.id)
        st.add_date(d)
        self._story_of[article.id] = st.id
        self._absorb(st, ids, vals, query)
        if len(st.members) > 1:
            self._merge_converged(st, [sid for _, sid in scored if sid != st.id][:MERGE_CANDIDATES])
        return self._story_of[article.id]

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def groups(self) -> list[list[str]]:
        """Article ids per story (members first, then copies), stories in order of creation."""
        return [st.members + st.copies for st in self._stories.values()]

    def stories(self, refine: bool = False) -> list[Story]:
        """The current stories as :class:`Story` objects (sorted by first date, then id).

        ``refine`` also splits stories holding look-alike events (as :func:`cluster_stories`
        does); it costs time quadratic in the size of each story, so it is off by default.
        """
        groups = self.groups()
        raw: dict[str, Vector] = {}
        if refine:
            raw = {
                i: article_features(a)
                for i, a in self._articles.items()
                if a.copy_of is None or a.copy_of.of not in self._articles
            }
            groups = refine_groups(groups, self._articles, raw, self._df, self.options)
        return build_stories(groups, self._articles, self._df, raw)

    # ------------------------------------------------------------------ internals

    def _sparse(self, vec: Vector) -> tuple[np.ndarray, np.ndarray]:
        """``vec`` as (sorted feature ids, values); new features get new ids."""
        vocab = self._vocab
        known = len(vocab)
        pos = [vocab.setdefault(k, len(vocab)) for k in vec]
        if len(vocab) > known:
            self._names.extend(k for k, i in zip(vec, pos, strict=True) if i >= known)
            if len(vocab) > len(self._scratch):
                grown = np.zeros(max(len(vocab), 2 * len(self._scratch)), dtype=np.float64)
                self._scratch = grown
        ids = np.array(pos, dtype=np.int64)
        vals = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        order = np.argsort(ids)
        return ids[order], vals[order]

    def _dots(self, ids: np.ndarray, vals: np.ndarray, stories: list[_Story]) -> list[float]:
        """Dot product of the sparse vector (ids, vals) with each story's sum."""
        if not stories:
            return []
        x = self._scratch
        x[ids] = vals
        try:
            lens = [len(st.ids) for st in stories]
            cols = np.concatenate([st.ids for st in stories])
            weights = np.concatenate([st.vals for st in stories])
            seg = np.repeat(np.arange(len(stories)), lens)
            return np.bincount(seg, weights=x[cols] * weights, minlength=len(stories)).tolist()
        finally:
            x[ids] = 0.0

    def _advance(self, d: date | None) -> None:
        """Move the clock to ``d`` and take stories that left the window out of the index."""
        if d is None or (self._clock is not None and d <= self._clock):
            return
        self._clock = d
        window = self.options.cluster.window_days
        # Only the active stories are looked at, so the cost per new day does not grow with the corpus.
        for st in [st for st in self._active.values() if st.last is not None and (d - st.last).days > window]:
            self._retire(st)

    def _retire(self, st: _Story) -> None:
        """Move a story out of the active index.  Undated articles (which cannot be placed in
        time) still find it in the archive; its vector is cut to its strongest features."""
        st.active = False
        del self._active[st.id]
        for f in st.posted:
            ids = self._postings.get(f)
            if ids is not None:
                ids.discard(st.id)
                if not ids:
                    del self._postings[f]
            self._archive.setdefault(f, set()).add(st.id)
        st.ids, st.vals = sparse_top(st.ids, st.vals, RETIRED_FEATURES, self._names)

    def _time_factor(self, d: date | None, st: _Story) -> float | None:
        """Discount for the time gap; None when the story is out of the window for this article."""
        if d is None or st.first is None or st.last is None:
            return 1.0
        opts = self.options.cluster
        mean = st.mean_day()
        if opts.time_gap == "mean" and mean is not None:
            gap = abs(d.toordinal() - mean)
        else:
            gap = (st.first - d).days if d < st.first else max(0, (d - st.last).days)
        return time_factor(gap, opts.window_days)

    def _candidates(self, query: Vector, ids: np.ndarray, vals: np.ndarray, d: date | None) -> list[tuple[float, str]]:
        overlap: dict[str, float] = {}
        maps = [self._postings] if d is not None else [self._postings, self._archive]
        for f, w in query.items():
            for m in maps:
                posting = m.get(f)
                if posting and len(posting) <= MAX_POSTINGS:
                    for sid in posting:
                        overlap[sid] = overlap.get(sid, 0.0) + w
        best = sorted(overlap, key=lambda i: (-overlap[i], i))[:MAX_CANDIDATES]
        stories: list[_Story] = []
        factors: list[float] = []
        for sid in best:
            st = self._stories[sid]
            factor = self._time_factor(d, st)
            if factor is not None:
                stories.append(st)
                factors.append(factor)
        # Average link: the article's mean cosine similarity to the story's members, which is its
        # dot product with the sum of their vectors divided by their number.
        dots = self._dots(ids, vals, stories)
        scored = [(dot / len(st.members) * f, st.id) for dot, st, f in zip(dots, stories, factors, strict=True)]
        scored.sort(key=lambda t: (-t[0], t[1]))
        return scored

    def _absorb(self, st: _Story, ids: np.ndarray, vals: np.ndarray, query: Vector) -> None:
        st.ids, st.vals = sparse_add(st.ids, st.vals, ids, vals)
        st.ids, st.vals = sparse_top(st.ids, st.vals, CENTROID_FEATURES if st.active else RETIRED_FEATURES, self._names)
        postings = self._postings if st.active else self._archive
        for f in query:
            if f not in st.posted:
                st.posted.add(f)
                postings.setdefault(f, set()).add(st.id)

    def _merge_converged(self, st: _Story, others: list[str]) -> None:
        threshold = self.options.cluster.merge_threshold
        for sid in others:
            other = self._stories.get(sid)
            if other is None or other.active != st.active or other.id == st.id:
                continue
            # Average link between the two stories: mean similarity over all member pairs.
            link = self._dots(st.ids, st.vals, [other])[0] / (len(st.members) * len(other.members))
            if link >= threshold:
                st = self._merge(st, other)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge the smaller story into the larger (the older id wins a tie); returns the survivor."""
        keep, gone = (a, b) if (len(a.members), b.id) >= (len(b.members), a.id) else (b, a)
        keep.ids, keep.vals = sparse_add(keep.ids, keep.vals, gone.ids, gone.vals)
        keep.ids, keep.vals = sparse_top(keep.ids, keep.vals, CENTROID_FEATURES, self._names)
        keep.members.extend(gone.members)
        keep.copies.extend(gone.copies)
        if gone.first is not None and gone.last is not None:
            keep.first = min(gone.first, keep.first or gone.first)
            keep.last = max(gone.last, keep.last or gone.last)
        keep.day_sum += gone.day_sum
        keep.dated += gone.dated
        for aid in gone.members + gone.copies:
            self._story_of[aid] = keep.id
        postings = self._postings if keep.active else self._archive
        for f in gone.posted:
            ids = postings.get(f)
            if ids is not None:
                ids.discard(gone.id)
            if f not in keep.posted:
                keep.posted.add(f)
                postings.setdefault(f, set()).add(keep.id)
        del self._stories[gone.id]
        self._active.pop(gone.id, None)
        return keep


def _best_title(ids: list[str], by_id: dict[str, Article], df: DocFreq, raw: dict[str, Vector]) -> str:
    """The title of the member closest to the story's centroid (else its first sentence)."""
    if len(ids) == 1:
        ranked = ids
    else:
        ranked = _central(ids, by_id, df, raw)
    for i in ranked:
        t = (by_id[i].title or "").strip()
        if t:
            return t
    for i in ranked:
        for p in by_id[i].paragraphs:
            sents = split_sentences(p.text)
            if sents:
                s = sents[0]
                return s if len(s) <= 160 else s[:157].rstrip() + "..."
    return ""


def _central(ids: list[str], by_id: dict[str, Article], df: DocFreq, raw: dict[str, Vector]) -> list[str]:
    """Members ordered by closeness to the story's centroid."""
    # The arithmetic of weigh(), of summing the members' vectors and of cosine() to the normalised
    # sum, on flat arrays: the same operations on the same values in the same order (every sum
    # runs sequentially over the members' features, as the dict loops do), so the same ranking.
    feats = [raw[i] if i in raw else article_features(by_id[i]) for i in ids]
    column: dict[str, int] = {}
    col = np.array([column.setdefault(k, len(column)) for v in feats for k in v], dtype=np.int64)
    counts = [c for v in feats for c in v.values()]
    idf_of = df.idfs(column)
    idf = np.fromiter(map(idf_of.__getitem__, column), dtype=np.float64, count=len(column))
    c = np.array(counts, dtype=np.float64)
    logs = np.fromiter(map(math.log, [x if x >= 1 else 1.0 for x in counts]), dtype=np.float64, count=len(counts))
    w = np.where(c >= 1, 1.0 + logs, c) * idf[col]
    row = np.repeat(np.arange(len(ids)), [len(v) for v in feats])
    norms = np.sqrt(np.bincount(row, weights=w * w, minlength=len(ids)))
    w = w / np.where(norms > 0, norms, 1.0)[row]
    centroid = np.bincount(col, weights=w, minlength=len(column))
    norm = math.sqrt(float(np.add.accumulate(centroid * centroid)[-1])) if len(centroid) else 0.0
    unit = centroid / norm if norm else np.zeros(len(centroid))
    cos = np.bincount(row, weights=w * unit[col], minlength=len(ids)).tolist()
    return [i for _, i in sorted(zip((-x for x in cos), ids, strict=True))]


def build_stories(
    groups: list[list[str]], by_id: dict[str, Article], df: DocFreq, raw: dict[str, Vector]
) -> list[Story]:
    """Turn groups of article ids into :class:`Story` objects (id from the first article)."""
    out: list[Story] = []
    for ids in groups:
        if not ids:
            continue
        ordered = sorted(ids, key=lambda i: arrival_key(by_id[i]))
        dates = sorted(d for i in ordered if (d := parse_iso(by_id[i].date)) is not None)
        story = Story(
            id=story_id_for(ordered[0]),
            articles=ordered,
            first_date=dates[0].isoformat() if dates else None,
            last_date=dates[-1].isoformat() if dates else None,
            title=_best_title(ordered, by_id, df, raw),
        )
        set_coverage(story, by_id)
        if len(ordered) == 1:
            story.notes.append("single article: no cross-check possible")
        out.append(story)
    out.sort(key=lambda s: (s.first_date is None, s.first_date or "", s.id))
    return out


def cluster_stories(
    articles: list[Article], options: Options, features: Mapping[str, Vector] | None = None
) -> list[Story]:
    """Group articles into stories (deterministic; independent of the input order).

    ``features``: :func:`article_features` of (some of) the articles by id, when the caller keeps
    them (the live index does); missing ones are computed.  Same result either way."""
    _check(options.cluster)
    unique = list({a.id: a for a in articles}.values())
    by_id = {a.id: a for a in unique}
    # Copies are placed after every original so they always find their origin's story.
    originals = sorted((a for a in unique if a.copy_of is None or a.copy_of.of not in by_id), key=arrival_key)
    copies = sorted((a for a in unique if a.copy_of is not None and a.copy_of.of in by_id), key=arrival_key)
    known = features or {}
    raw = {a.id: f if (f := known.get(a.id)) is not None else article_features(a) for a in originals}
    df = DocFreq.of(raw.values())
    index = StoryIndex(options, df)
    for a in originals:
        index.add(a, raw[a.id])
    for a in copies:
        index.add(a)
    groups = index.groups()
    if options.cluster.refine:
        groups = refine_groups(groups, by_id, raw, df, options)
    return build_stories(groups, by_id, df, raw)
