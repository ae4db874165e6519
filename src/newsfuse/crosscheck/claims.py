"""Claims: sentences of different articles that report the same fact, grouped.

Each sentence becomes a weighted bag of features:

- content words, Snowball-stemmed so "signed"/"signing"/"signature" meet, weighted down along
  the sentence (``position_decay``): a news sentence states its main event first and adds
  background after, so the opening words decide what fact it reports;
- names spelled as the story's canonical entity name, so "Hifter" counts as "Haftar".

Numbers, dates and weekdays are left out on purpose: two sentences that report the same event
with different figures or days are the same claim, and :mod:`conflicts` then marks it disputed.

Features are weighted by their inverse document frequency over the story's own sentences
(corpus-driven: what every article repeats says little about which fact a sentence reports),
compared by cosine, and grouped by single-link clustering: two sentences are in one claim when
a chain of sentence pairs at least ``claim_threshold`` similar joins them (linear in the number of
linked pairs).  In a large story such chains run on through many facts, so a group with more than
``claim_max_per_article`` sentences per article is split again by average link.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import DISCOURSE_WORDS, PERSON_TITLES
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Claim
from newsfuse.options import CrossCheckOptions
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.text import STOPWORDS, fold, tokens

CALENDAR_WORDS: frozenset[str] = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)


class Featurizer:
    """Sentence -> weighted features; holds a stem cache (one per story, never module-level)."""

    def __init__(
        self, index: EntityIndex | None, position_decay: float, name_weight: float = 0.5, stemmer: CachedStemmer | None = None
    ) -> None:
        if not 0.0 < position_decay <= 1.0:
            raise ValueError(f"position_decay must be in (0, 1], got {position_decay}")
        self.index = index
        self.decay = position_decay
        self.name_weight = name_weight
        self.stem = (stemmer or CachedStemmer()).stem

    def _name_words(self, sent: Sent) -> dict[str, str]:
        """Words of the sentence's entity names -> the canonical spelling ("hifter" -> "haftar")."""
        out: dict[str, str] = {}
        if self.index is None:
            return out
        for surface, _ in self.index.in_sentence(sent):
            for w in tokens(fold(surface)):
                out[w] = self.index.canonical_word(w)
        return out

    def features(self, sent: Sent) -> dict[str, float]:
        out: defaultdict[str, float] = defaultdict(float)
        names = self._name_words(sent)
        k = 0
        for w in tokens(fold(sent.text)):
            if w in STOPWORDS or len(w) < 2 or w in CALENDAR_WORDS or w in DISCOURSE_WORDS or w[0].isdigit():
                continue
            if w in names or w in PERSON_TITLES:
                # names and titles say who, not what happened: they weigh less and do not push the
                # event words that follow them further down the sentence
                out[self.stem(names.get(w, w))] += self.name_weight * self.decay**k
                continue
            out[self.stem(w)] += self.decay**k
            k += 1
        return dict(out)


def tfidf_matrix(feats: Sequence[Mapping[str, float]]) -> csr_matrix:
    """L2-normalised TF-IDF rows (smoothed IDF over the given sentences)."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.keys())
    n = len(feats)
    vocab = {w: i for i, w in enumerate(df)}
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, f in enumerate(feats):
        norm = math.sqrt(sum((v * idf[w]) ** 2 for w, v in f.items())) or 1.0
        for w, v in f.items():
            rows.append(r)
            cols.append(vocab[w])
            vals.append(v * idf[w] / norm)
    return csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)


@dataclass
class ClaimSpace:
    """The sentences that can be claims, with their TF-IDF rows (computed once per story)."""

    sents: list[Sent]
    x: csr_matrix
    row: dict[tuple[str, int], int] = field(default_factory=dict)  # Sent.key -> row

    def sim(self, a: Sent, b: Sent) -> float:
        i, j = self.row.get(a.key), self.row.get(b.key)
        if i is None or j is None:
            return 0.0
        return float(self.x[i].multiply(self.x[j]).sum())


def claim_space(
    sents: Sequence[Sent], index: EntityIndex | None, options: CrossCheckOptions, stemmer: CachedStemmer | None = None
) -> ClaimSpace:
    """Featurise the sentences with at least ``claim_min_words`` non-stopwords.

    Shorter ones (datelines, captions, "Read more") assert nothing checkable and are left out.
    """
    if not 0.0 < options.claim_threshold <= 1.0:
        raise ValueError(f"claim_threshold must be in (0, 1], got {options.claim_threshold}")
    if not 0.0 < options.claim_split_threshold <= 1.0:
        raise ValueError(f"claim_split_threshold must be in (0, 1], got {options.claim_split_threshold}")
    if options.claim_max_per_article <= 0:
        raise ValueError(f"claim_max_per_article must be > 0, got {options.claim_max_per_article}")
    if options.claim_min_words < 0:
        raise ValueError(f"claim_min_words must be >= 0, got {options.claim_min_words}")
    keep = [s for s in sents if sum(1 for w in tokens(s.text) if w not in STOPWORDS) >= options.claim_min_words]
    fz = Featurizer(index, options.position_decay, stemmer=stemmer)
    x = tfidf_matrix([fz.features(s) for s in keep]) if keep else csr_matrix((0, 0))
    return ClaimSpace(sents=keep, x=x, row={s.key: i for i, s in enumerate(keep)})


def group_sentences(space: ClaimSpace, options: CrossCheckOptions) -> list[list[int]]:
    """Rows of ``space`` grouped into claims (every row in exactly one group).

    Single link at ``claim_threshold`` first.  A group holding more than
    ``claim_max_per_article`` sentences per article on average is a chain of different facts
    (an article states a fact once or twice), so it is split again by average link at
    ``claim_split_threshold``, which cannot chain.
    """
    if not space.sents:
        return []
    sim = (space.x @ space.x.T).tocsr()
    sim.data[sim.data < options.claim_threshold] = 0.0
    sim.eliminate_zeros()
    _, labels = connected_components(sim, directed=False)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    out: list[list[int]] = []
    for members in groups.values():
        n_articles = len({space.sents[i].article for i in members})
        if len(members) <= 2 or len(members) <= options.claim_max_per_article * n_articles:
            out.append(members)
            continue
        sub = space.x[members]
        dist = np.clip(1.0 - (sub @ sub.T).toarray(), 0.0, None)
        np.fill_diagonal(dist, 0.0)
        tree = linkage(squareform(dist, checks=False), method="average")
        split = fcluster(tree, t=1.0 - options.claim_split_threshold, criterion="distance")
        parts: dict[int, list[int]] = {}
        for i, part in zip(members, split, strict=True):
            parts.setdefault(int(part), []).append(i)
        out.extend(parts.values())
    return out


def _representatives(groups: Sequence[list[int]], sents: Sequence[Sent], x: csr_matrix) -> list[int]:
    """Per group, the member closest to the group's centroid (ties, and groups of two: the earliest).

    All groups at once: one sparse product gives every centroid and one row-wise product every
    member's score (indexing the matrix once per group cost more than the arithmetic).
    """
    out = [min(members, key=lambda i: (sents[i].index, i)) for members in groups]
    big = [g for g, members in enumerate(groups) if len(members) > 2]
    if not big:
        return out
    member_rows = [i for g in big for i in groups[g]]
    member_group = [k for k, g in enumerate(big) for _ in groups[g]]
    ones = np.ones(len(member_rows))
    indicator = csr_matrix((ones, (member_group, member_rows)), shape=(len(big), x.shape[0]))
    centroids = (indicator @ x).tocsr()
    score = np.asarray(x[member_rows].multiply(centroids[member_group]).sum(axis=1)).ravel()
    at = 0
    for g in big:
        n = len(groups[g])
        out[g] = groups[g][int(np.argmax(score[at : at + n]))]
        at += n
    return out


def build_claims(space: ClaimSpace, by_id: Mapping[str, Article], options: CrossCheckOptions) -> list[Claim]:
    """Group a story's sentences into claims with their sources and status (agreed / single_source)."""
    keep = space.sents
    built: list[tuple[tuple[int, int, int], Claim]] = []
    groups = group_sentences(space, options)
    for members in groups:
        members.sort(key=lambda i: (keep[i].article, keep[i].index))
    reps = _representatives(groups, keep, space.x)
    for members, r in zip(groups, reps, strict=True):
        rep = keep[r]
        arts = sorted({keep[i].article for i in members})
        claim = Claim(
            id="",
            text=rep.text,
            sentences=[keep[i].as_claim_sentence() for i in members],
            outlets=outlets_of(arts, by_id),
            independent_sources=independent_sources(arts, by_id),
        )
        claim.status = "agreed" if claim.independent_sources >= 2 else "single_source"
        built.append(((-claim.independent_sources, -len(members), min(members)), claim))
    built.sort(key=lambda t: t[0])
    out = []
    for n, (_, c) in enumerate(built, start=1):
        c.id = f"c{n}"
        out.append(c)
    return out
