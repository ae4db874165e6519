"""Copies and syndication: which articles reprint (all or part of) another article's text.

Two steps, so an executor can run the first one in parallel:

1. :func:`copy_signature` — pure, per article: word shingles of the body (stable CRC32 hashes,
   sorted ``uint32`` array), a datasketch MinHash of them, a hash of the normalised text, date and
   size.  Picklable; depends only on the article and the options.
2. :func:`group_copies` — global: candidate pairs from a datasketch ``MinHashLSH`` index (plus
   exact-text buckets), each candidate verified with the exact shingle sets, then copy groups
   built in *origin priority* order (earliest date first, undated last, then the most complete
   text, then id).  Every copy points at its group's origin.

:func:`find_copies` runs both in-process and sets ``Article.copy_of``.

Step 2 is one pass in priority order, and what it decides for an article depends only on the
articles before it.  So a later run over more articles (an incremental ``analyze``) hands it what
the earlier run decided (:class:`Grouped`): over the longest prefix of the priority order where
both runs have the same signatures, the decisions are replayed (the index is rebuilt, no candidate
is verified again) and only the rest is computed; the result is the one of a fresh pass.

Why containment and not only Jaccard: a trimmed copy (half of the original) or a copy with an
added intro has a low Jaccard similarity to its origin but most of *its own* text is found in
the origin.  The rule is therefore directional: article ``x`` copies an earlier (higher
priority) article ``y`` when the share of ``x``'s shingles found in ``y`` is at least
``options.dedup.containment``.  A long report that quotes a short earlier article in full is not
a copy of it (most of its own text is new), but the short one would be a copy of the long one if
it came later.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from types import MappingProxyType

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsfuse.model import Article, CopyInfo, CopyKind
from newsfuse.options import DedupOptions, Options
from newsfuse.text import tokens

# Below this many shingles (about a 25-word paragraph) a text is too short to call a partial
# copy: short snippets (a one-line brief, a caption) share phrases by chance.  Identical texts
# are still found as exact copies.
MIN_SHINGLES = 20

# Jaccard similarity from which a copy is called "near" rather than "contained": at 0.8 both
# texts are essentially the same text with light edits; below, one side lost or gained a
# substantial part (trimmed, intro or boilerplate added).
NEAR_JACCARD = 0.8

# LSH weights (false positive, false negative): candidates are verified exactly afterwards, so a
# missed candidate costs recall while an extra one only costs a set intersection.
LSH_WEIGHTS = (0.2, 0.8)

# (bands, rows) that datasketch's ``MinHashLSH`` picks for (threshold, num_perm) with
# ``LSH_WEIGHTS``: it finds them by numerically integrating the false positive/negative rates over
# every split (~0.1-0.2 s per index), so the defaults' answer is precomputed here (read-only;
# a test checks it against datasketch).  Other settings still let datasketch compute it.
LSH_PARAMS = MappingProxyType({(0.25, 128): (35, 2)})


@dataclass(frozen=True)
class CopySignature:
    """What :func:`group_copies` needs to know about one article (picklable)."""

    id: str
    date: str | None
    size: int  # number of body tokens (how complete the text is)
    text_hash: str  # sha1 of the normalised body; equal hashes are exact copies
    shingles: np.ndarray  # sorted unique uint32 shingle hashes
    minhash: LeanMinHash | None  # None when the body has no shingles


def _identity(x: int) -> int:
    # Shingles are already hashed to uint32 (CRC32 is stable across processes, unlike hash()).
    return x


def _check(options: DedupOptions) -> None:
    if options.num_perm < 16:
        raise ValueError(f"dedup.num_perm must be at least 16, got {options.num_perm}")
    if options.shingle_words < 1:
        raise ValueError(f"dedup.shingle_words must be at least 1, got {options.shingle_words}")
    if not 0.0 < options.threshold <= 1.0:
        raise ValueError(f"dedup.threshold must be in (0, 1], got {options.threshold}")
    if not 0.0 < options.containment <= 1.0:
        raise ValueError(f"dedup.containment must be in (0, 1], got {options.containment}")


class MinHasher:
    """Builds MinHashes that share one set of permutations.

    ``MinHash(num_perm, seed)`` draws its ``2 * num_perm`` permutation parameters every time
    (about 1 ms, more than hashing a whole article), while every signature of a run uses the same
    ones: make one :class:`MinHasher` per batch and pass it to :func:`copy_signature`.
    """

    def __init__(self, num_perm: int, seed: int) -> None:
        self.num_perm = num_perm
        self.seed = seed
        template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity)
        self._permutations = template.permutations
        self._scheme = template.scheme  # datasketch's default; it must be named when permutations are passed

    @classmethod
    def for_options(cls, options: Options) -> MinHasher:
        _check(options.dedup)
        return cls(options.dedup.num_perm, options.seed)

    def __call__(self, hashes: np.ndarray) -> LeanMinHash:
        m = MinHash(
            num_perm=self.num_perm,
            seed=self.seed,
            hashfunc=_identity,
            permutations=self._permutations,
            scheme=self._scheme,
        )
        m.update_batch(hashes.tolist())
        return LeanMinHash(m)


def shingle_hashes(toks: list[str], joined: bytes, n: int) -> np.ndarray:
    """Sorted unique CRC32 hashes of the ``n``-word shingles of ``toks`` (all of them when fewer).

    ``joined`` is ``" ".join(toks)`` in UTF-8 (surrogatepass).  A shingle's text is a slice of it:
    the encoding of tokens joined by spaces is the join of their encodings, so each shingle is
    hashed straight from that buffer instead of being joined and encoded on its own.
    """
    if not toks:
        return np.zeros(0, dtype=np.uint32)
    if len(toks) < n:
        return np.array([zlib.crc32(joined)], dtype=np.uint32)
    if len(joined) == sum(map(len, toks)) + len(toks) - 1:
        sizes: Iterable[int] = map(len, toks)  # one byte per character (ASCII)
    else:
        sizes = map(len, map(str.encode, toks, repeat("utf-8"), repeat("surrogatepass")))
    # starts[i]: byte offset of token i (each token is followed by one space); a shingle ends one
    # byte (the space) before the token after its last one: at starts[i + n] - 1.
    starts = np.zeros(len(toks) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(sizes, dtype=np.int64, count=len(toks)) + 1, out=starts[1:])
    count = len(toks) - n + 1
    view = memoryview(joined)
    slices = map(slice, starts[:count].tolist(), (starts[n : n + count] - 1).tolist())
    hashes = np.fromiter(map(zlib.crc32, map(view.__getitem__, slices)), dtype=np.uint32, count=count)
    return np.unique(hashes)


def copy_signature(article: Article, options: Options, hasher: MinHasher | None = None) -> CopySignature:
    """The per-article part of copy detection: pure and cheap (no global state).

    ``hasher`` (built from the same options) saves drawing the MinHash permutations again for every
    article; :func:`copy_signatures` does that for a batch.
    """
    opts = options.dedup
    _check(opts)
    if hasher is None:
        hasher = MinHasher(opts.num_perm, options.seed)
    elif (hasher.num_perm, hasher.seed) != (opts.num_perm, options.seed):
        raise ValueError(
            f"hasher built for num_perm={hasher.num_perm}, seed={hasher.seed}; options say {opts.num_perm}, {options.seed}"
        )
    toks = tokens(article.text)
    joined = " ".join(toks).encode("utf-8", "surrogatepass")
    text_hash = hashlib.sha1(joined).hexdigest()
    hashes = shingle_hashes(toks, joined, opts.shingle_words)
    mh: LeanMinHash | None = None
    if len(hashes):
        mh = hasher(hashes)
    return CopySignature(article.id, article.date, len(toks), text_hash, hashes, mh)


def copy_signatures(articles: Iterable[Article], options: Options) -> list[CopySignature]:
    """:func:`copy_signature` of each article, sharing one :class:`MinHasher`."""
    hasher = MinHasher.for_options(options)
    return [copy_signature(a, options, hasher) for a in articles]


def _lsh_params(options: DedupOptions) -> tuple[int, int]:
    """(bands, rows) of datasketch's ``MinHashLSH`` for these options (precomputed for the defaults)."""
    params = LSH_PARAMS.get((options.threshold, options.num_perm))
    if params is None:
        lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm, weights=LSH_WEIGHTS)
        params = (lsh.b, lsh.r)
    return params


class Bands:
    """The banding index of datasketch's ``MinHashLSH`` (same bands, same candidates) with less
    per-call work: a signature's band keys are computed once and serve both its query and its
    insertion, in one numpy view instead of one byte-swap per band."""

    def __init__(self, bands: int, rows: int) -> None:
        self.bands = bands
        self.rows = rows
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]

    def keys(self, minhash: LeanMinHash) -> list[bytes]:
        hv = np.ascontiguousarray(minhash.hashvalues[: self.bands * self.rows])
        keys: list[bytes] = hv.view(np.dtype((np.void, hv.itemsize * self.rows))).tolist()
        return keys

    def query(self, keys: list[bytes]) -> set[str]:
        """Ids inserted with the same key as ``keys`` in at least one band."""
        out: set[str] = set()
        for hit in map(dict.get, self._tables, keys):
            if hit is not None:
                out.update(hit)
        return out

    def insert(self, key_id: str, keys: list[bytes]) -> None:
        for table, key in zip(self._tables, keys, strict=True):
            table.setdefault(key, []).append(key_id)


SigKey = tuple[str, str | None, int, str]


def _sig_key(sig: CopySignature) -> SigKey:
    """Everything of a signature a grouping decision depends on: the id, the date and size (its
    priority), and the text hash (the shingles and MinHash are functions of that text)."""
    return (sig.id, sig.date, sig.size, sig.text_hash)


@dataclass(frozen=True)
class Grouped:
    """What :func:`grouped_copies` decided: the signatures' keys in priority order and the copies
    among them (``{copy id: CopyInfo}``), kept so that a later call can reuse its prefix."""

    order: list[SigKey]
    copies: dict[str, CopyInfo]


def _priority(sig: CopySignature) -> tuple[int, str, int, str, str]:
    """Origin priority: earliest date, undated last, then the most complete text, then the text
    itself (its hash), then id.  The text before the id: an article's id is made from where it came
    from (a file name, a URL), so two runs that name the same articles differently (``analyze`` on a
    file, the same records posted to the web app) would otherwise break ties differently, pick other
    origins among same-day copies of one length, and end up with other stories."""
    return (0 if sig.date else 1, sig.date or "", -sig.size, sig.text_hash, sig.id)


def _overlap(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted unique arrays share (binary search of the shorter in the longer:
    no concatenation and re-sort as in ``np.intersect1d``)."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return 0
    pos = np.searchsorted(b, a)
    pos[pos == len(b)] = 0  # past the end: compare with any element (values are unique, a miss)
    return int(np.count_nonzero(b[pos] == a))


def _shared_counts(x: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """For each sorted unique array of ``others``: how many of its values are in ``x`` (sorted,
    unique, not empty), in one binary search over all of them."""
    if not others:
        return []
    flat = np.concatenate(others)
    pos = np.searchsorted(x, flat)
    pos[pos == len(x)] = 0  # past the end: compare with any element (values are unique, a miss)
    hit = x[pos] == flat
    seg = np.repeat(np.arange(len(others)), [len(o) for o in others])
    return np.bincount(seg, weights=hit, minlength=len(others)).astype(np.int64).tolist()


def _relation(x: CopySignature, y: CopySignature) -> tuple[float, float]:
    """(share of x's shingles found in y, Jaccard of x and y)."""
    if not len(x.shingles) or not len(y.shingles):
        return 0.0, 0.0
    inter = _overlap(x.shingles, y.shingles)
    union = len(x.shingles) + len(y.shingles) - inter
    return inter / len(x.shingles), inter / union


def _kind_and_similarity(x: CopySignature, origin: CopySignature) -> tuple[CopyKind, float]:
    if x.text_hash == origin.text_hash:
        return "exact", 1.0
    contained, jaccard = _relation(x, origin)
    if jaccard >= NEAR_JACCARD:
        return "near", round(jaccard, 4)
    return "contained", round(contained, 4)


def group_copies(signatures: list[CopySignature], options: Options) -> dict[str, CopyInfo]:
    """The global part of copy detection: ``{copy id: CopyInfo(of=origin id, ...)}``.

    Origins and articles that copy nothing are absent from the result.  Deterministic: the
    result does not depend on the order of ``signatures``.
    """
    return grouped_copies(signatures, options).copies


def grouped_copies(signatures: list[CopySignature], options: Options, earlier: Grouped | None = None) -> Grouped:
    """:func:`group_copies`, reusing ``earlier`` (a grouping of other signatures with the same
    options) over the longest common prefix of both priority orders; same result as without."""
    opts = options.dedup
    _check(opts)
    # The same record given twice (same origin, same text, hence same id) is one article here.
    sigs = sorted({s.id: s for s in reversed(signatures)}.values(), key=_priority)
    rank = {s.id: i for i, s in enumerate(sigs)}
    order = [_sig_key(s) for s in sigs]
    known = 0
    if earlier is not None:
        limit = min(len(order), len(earlier.order))
        while known < limit and order[known] == earlier.order[known]:
            known += 1

    lsh = Bands(*_lsh_params(opts))
    first_with_text: dict[str, str] = {}
    root: dict[str, str] = {}  # article id -> origin id of its group
    out: dict[str, CopyInfo] = {}
    by_id = {s.id: s for s in sigs}
    for i, s in enumerate(sigs):  # highest priority first: every candidate parent is already indexed
        parent: str | None = None
        exact = first_with_text.get(s.text_hash) if s.size else None
        keys = lsh.keys(s.minhash) if s.minhash is not None else []
        if i < known:  # decided by the earlier pass on the same prefix: replay it
            info = earlier.copies.get(s.id) if earlier is not None else None
            parent = info.of if info is not None else None  # an origin (its own root)
        elif exact is not None:
            parent = exact
        elif s.minhash is not None and len(s.shingles) >= MIN_SHINGLES:
            best = (0.0, 0)
            cands = [c for cand in lsh.query(keys) if len((c := by_id[cand]).shingles) >= MIN_SHINGLES]
            for c, shared in zip(cands, _shared_counts(s.shingles, [c.shingles for c in cands]), strict=True):
                contained = shared / len(s.shingles)  # as _relation(s, c)
                key = (contained, -rank[c.id])
                if contained >= opts.containment and key > best:
                    best, parent = key, c.id
        if s.size and s.text_hash not in first_with_text:
            first_with_text[s.text_hash] = s.id
        if parent is None:
            root[s.id] = s.id
        else:
            origin = root[parent]
            root[s.id] = origin
            if i < known and earlier is not None:
                out[s.id] = earlier.copies[s.id]
            else:
                kind, sim = _kind_and_similarity(s, by_id[origin])
                out[s.id] = CopyInfo(of=origin, similarity=sim, kind=kind)
        if s.minhash is not None and exact is None:
            lsh.insert(s.id, keys)
    return Grouped(order, out)


def find_copies(articles: list[Article], options: Options) -> None:
    """Set ``copy_of`` on every article that copies another (and clear it on the others)."""
    result = group_copies(copy_signatures(articles, options), options)
    for a in articles:
        a.copy_of = result.get(a.id)
