"""Event-distinguishing features of an article, for story clustering.

Two reports of the same *kind* of event (two earthquakes, two celebrity rehab stays) share most
of their common words; what tells the events apart are the names (people, places,
organisations), the numbers (magnitudes, tolls, scores, years) and what the title and lead say.
So an article becomes a sparse weighted bag of:

- ``w:word``  content words (stopwords dropped);
- ``e:name``  capitalised spans (a cheap named-entity proxy; sentence-initial function words and
  single capitalised stopwords are not names);
- ``n:number`` numbers as written (``6.1``, ``2008``, ``200``);

each counted with a weight by where it occurs: the title and the lead count more than the tail.
:func:`article_features` is pure (raw weighted counts); :class:`DocFreq` holds document
frequencies and :func:`weigh` turns raw counts into an L2-normalised TF-IDF vector.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from newsfuse.model import Article
from newsfuse.text import STOPWORDS, content_words, fold
from newsfuse.tfidf import smoothed_idf

Vector = dict[str, float]

# Where a feature occurs.  The title states the event; the lead (first paragraphs) holds the who,
# where and when; the tail drifts into background shared by every story of the same kind.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
TAIL_WEIGHT = 1.0
LEAD_PARAGRAPHS = 2
LEAD_MIN_WORDS = 60  # a lead of one-sentence paragraphs is extended to about this many words

# What a feature is.  Names and numbers distinguish events of the same kind; common words mostly
# say what kind of event it is.
ENTITY_WEIGHT = 2.0
NUMBER_WEIGHT = 1.0
WORD_WEIGHT = 1.0

# Time decay of the similarity between two articles or stories, shared by the clustering's first
# pass (:mod:`newsfuse.stories.cluster`) and its refinement (:mod:`newsfuse.stories.refine`): at a
# gap of the whole window a story counts half as similar.
DECAY_AT_WINDOW = 0.5

# A run of capitalised words, allowing lowercase particles inside names ("Bank of England").
_CAPS = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:of|de|del|la|le|al|el|van|von|bin|da|du|the)?\s*[A-Z][\w'’.&-]*)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
# Capitalised words that are not names even mid-sentence (days, months: shared by all events).
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december mr mrs ms dr""".split()
)


def _fold(s: str) -> str:
    return s.lower() if s.isascii() else fold(s)  # fold() normalises Unicode: skip it for ASCII


def _entities(text: str) -> Iterable[str]:
    for m in _CAPS.finditer(text):
        parts = [
            f
            for p in m.group(0).split()
            if (f := _fold(p.strip(".'’-"))) and f not in STOPWORDS and f not in _NOT_NAMES
        ]
        if parts:
            yield " ".join(parts)


def _numbers(text: str) -> Iterable[str]:
    for m in _NUMBER.finditer(text):
        yield m.group(0).replace(",", "")


def _add(out: Vector, text: str, weight: float) -> None:
    if not text:
        return
    get = out.get
    inc = weight * WORD_WEIGHT
    for w in content_words(text):
        if not w[0].isdigit():
            k = "w:" + w
            out[k] = get(k, 0.0) + inc
    inc = weight * ENTITY_WEIGHT
    for e in _entities(text):
        k = "e:" + e
        out[k] = get(k, 0.0) + inc
    inc = weight * NUMBER_WEIGHT
    for n in _numbers(text):
        k = "n:" + n
        out[k] = get(k, 0.0) + inc


def article_features(article: Article) -> Vector:
    """Raw weighted feature counts of one article (pure)."""
    out: Vector = {}
    _add(out, article.title or "", TITLE_WEIGHT)
    paras = [p.text for p in article.paragraphs]
    n_lead = 0
    words = 0
    while n_lead < len(paras) and (n_lead < LEAD_PARAGRAPHS or words < LEAD_MIN_WORDS):
        words += len(paras[n_lead].split())
        n_lead += 1
    _add(out, "\n".join(paras[:n_lead]), LEAD_WEIGHT)
    _add(out, "\n".join(paras[n_lead:]), TAIL_WEIGHT)
    return out


@dataclass
class DocFreq:
    """Document frequencies of features; grows as articles are added."""

    n: int = 0
    df: dict[str, int] = field(default_factory=dict)
    # IDF per feature already asked for at the current ``n`` (cleared by :meth:`add`): a corpus
    # asks for the same features again and again (weighing each article, then each story member).
    _idf: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def add(self, features: Iterable[str]) -> None:
        self.n += 1
        df = self.df
        for f in features:
            df[f] = df.get(f, 0) + 1
        if self._idf:
            self._idf = {}

    def idf(self, feature: str) -> float:
        cached = self._idf.get(feature)
        if cached is None:
            cached = self._idf[feature] = smoothed_idf(self.n, self.df.get(feature, 0))
        return cached

    def idfs(self, features: Iterable[str]) -> dict[str, float]:
        """A mapping that holds (at least) the :meth:`idf` of every feature given."""
        cache = self._idf
        keys = features.keys() if isinstance(features, dict) else set(features)
        if not keys <= cache.keys():  # one set comparison in C when all are cached (the usual case)
            for f in keys:  # (not ``keys - cache.keys()``: that walks the whole cache)
                if f not in cache:
                    self.idf(f)
        return cache

    @classmethod
    def of(cls, vectors: Iterable[Vector]) -> DocFreq:
        out = cls()
        for v in vectors:
            out.add(v)
        return out


def weigh(raw: Vector, df: DocFreq) -> Vector:
    """Sublinear TF x IDF, L2-normalised."""
    idf = df.idfs(raw)
    log = math.log
    v = {k: (1.0 + log(c)) * idf[k] if c >= 1 else c * idf[k] for k, c in raw.items()}
    xs = v.values()
    norm = math.sqrt(sum(map(mul, xs, xs)))
    return {k: x / norm for k, x in v.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    # The same products summed in the same order as a generator over ``a.items()``, without the
    # per-item interpreter overhead.
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
