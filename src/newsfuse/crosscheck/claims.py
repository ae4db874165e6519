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
a chain of sentence pairs at least ``claim_threshold`` similar joins them.  Single link over a
sparse similarity graph is linear in the number of linked pairs, which keeps 100-article stories
fast.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from nltk.stem.snowball import EnglishStemmer
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from newsfuse.crosscheck.entities import EntityIndex, name_tokens, tokens_match
from newsfuse.crosscheck.lexicon import DISCOURSE_WORDS, PERSON_TITLES
from newsfuse.crosscheck.sentences import Sent
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

    def __init__(self, index: EntityIndex | None, position_decay: float, name_weight: float = 0.5) -> None:
        if not 0.0 < position_decay <= 1.0:
            raise ValueError(f"position_decay must be in (0, 1], got {position_decay}")
        self.index = index
        self.decay = position_decay
        self.name_weight = name_weight
        self._stemmer = EnglishStemmer()
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        s = self._stems.get(word)
        if s is None:
            s = self._stems[word] = self._stemmer.stem(word)
        return s

    def _name_words(self, sent: Sent) -> dict[str, str]:
        """Words of the sentence's entity names -> the canonical spelling ("hifter" -> "haftar")."""
        out: dict[str, str] = {}
        if self.index is None:
            return out
        for surface, eid in self.index.in_sentence(sent):
            ent = self.index.get(eid)
            canon = name_tokens(ent.name) if ent else ()
            for w in tokens(fold(surface)):
                out[w] = next((c for c in canon if tokens_match(w, c)), w)
        return out

    def features(self, sent: Sent) -> Counter[str]:
        out: Counter[str] = Counter()
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
        return out


def tfidf_matrix(feats: Sequence[Counter[str]]) -> csr_matrix:
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


def group_sentences(sents: Sequence[Sent], index: EntityIndex | None, options: CrossCheckOptions) -> list[list[int]]:
    """Indices of ``sents`` grouped into claims (every sentence in exactly one group)."""
    if not 0.0 < options.claim_threshold <= 1.0:
        raise ValueError(f"claim_threshold must be in (0, 1], got {options.claim_threshold}")
    if not sents:
        return []
    fz = Featurizer(index, options.position_decay)
    feats = [fz.features(s) for s in sents]
    x = tfidf_matrix(feats)
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < options.claim_threshold] = 0.0
    sim.eliminate_zeros()
    _, labels = connected_components(sim, directed=False)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    return [g for g in groups.values()]


def _representative(members: list[int], sents: Sequence[Sent], x: csr_matrix) -> int:
    """The member most similar to the others (ties: the earliest)."""
    if len(members) <= 2:
        return min(members, key=lambda i: (sents[i].index, i))
    sub = x[members]
    score = np.asarray((sub @ sub.T).sum(axis=1)).ravel()
    best = int(np.argmax(score))
    return members[best]


def build_claims(
    sents: Sequence[Sent], index: EntityIndex | None, by_id: Mapping[str, Article], options: CrossCheckOptions
) -> list[Claim]:
    """Group a story's sentences into claims with their sources and status (agreed / single_source).

    Sentences with fewer than ``claim_min_words`` content words (datelines, captions, "Read more")
    assert nothing checkable and are left out.
    """
    keep = [s for s in sents if sum(1 for w in tokens(s.text) if w not in STOPWORDS) >= options.claim_min_words]
    groups = group_sentences(keep, index, options)
    fz = Featurizer(index, options.position_decay)
    x = tfidf_matrix([fz.features(s) for s in keep]) if keep else csr_matrix((0, 0))
    built: list[tuple[tuple[int, int, int], Claim]] = []
    for members in groups:
        members.sort(key=lambda i: (keep[i].article, keep[i].index))
        rep = keep[_representative(members, keep, x)]
        arts = sorted({keep[i].article for i in members})
        claim = Claim(
            id="",
            text=rep.text,
            sentences=[keep[i].as_claim_sentence() for i in members],
            outlets=outlets_of(arts, by_id),
            independent_sources=independent_sources(arts, by_id),
        )
        claim.status = "agreed" if claim.independent_sources >= 2 else "single_source"
        first = min(members)
        built.append(((-claim.independent_sources, -len(members), first), claim))
    built.sort(key=lambda t: t[0])
    out = []
    for n, (_, c) in enumerate(built, start=1):
        c.id = f"c{n}"
        out.append(c)
    return out
