"""Live stories equal to the batch stories, whatever order the articles arrive in.

The web app receives articles one by one, in any order.  Feeding them to the incremental
:class:`~newsfuse.stories.cluster.StoryIndex` in that order (with IDF learnt on the way, no
refinement, copies found only among the articles of the stories that changed) does not give the
stories ``newsfuse analyze`` gives: the first pass is sequential average-link clustering, so its
result depends on the order, and early IDF values are computed on a handful of articles, where
every word is rare and every article looks alike: one story can absorb almost everything
(600 generated articles of 40 events: 596 articles in one story live, 40 stories in batch).

:class:`LiveStories` keeps no clustering state of its own.  Its stories are, by construction,
the batch pipeline's stories of the articles it holds:

1. **copies** as :func:`newsfuse.stories.dedup.group_copies` finds them over the whole corpus.
   That function only ever compares an article with the articles sharing an LSH band or its exact
   text, so it decides each connected part of that "could be a copy" graph on its own.  The index
   keeps the graph (the bands of every signature, a union-find of its parts) and, after an
   insert, runs ``group_copies`` again on the one part the new article belongs to;
2. **stories** by the batch's cut (:func:`newsfuse.stories.partitions.time_partitions`: time
   partitions of ``scale.partition_days`` with ``cluster.window_days`` of overlap) and the batch's
   function per partition (:func:`newsfuse.stories.cluster.cluster_stories`: canonical order,
   IDF of the partition, refinement), joined as the batch joins them
   (:func:`newsfuse.stories.partitions.join_partitions`).  Only the partitions whose articles (or
   whose articles' copy relations) changed are clustered again; the others come from a cache.

So the cost of an update is the cost of clustering the affected partitions (at most
``partition_days + window_days`` days of news, about a thousand articles a CPU-second) plus a
linear pass over the article ids, independent of how large one story grows; posts that arrive
while an update runs are placed together by the next one.  An article older than every stored
one moves the start of the partitions (they are counted from the oldest date, as in batch), so
all of them are clustered again once.
"""

from __future__ import annotations

from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.stories.cluster import arrival_key, cluster_stories
from newsfuse.stories.dedup import Bands, CopySignature, MinHasher, _lsh_params, copy_signature, group_copies
from newsfuse.stories.features import Vector, article_features
from newsfuse.stories.partitions import join_partitions, time_partitions


def _fresh(st: Story) -> Story:
    """A copy of a clustered (not yet analysed) story that its caller may fill in and change."""
    return Story(
        id=st.id,
        articles=list(st.articles),
        outlets=list(st.outlets),
        independent_sources=st.independent_sources,
        unknown_outlet_articles=st.unknown_outlet_articles,
        unnamed_sources=st.unnamed_sources,
        first_date=st.first_date,
        last_date=st.last_date,
        title=st.title,
        notes=list(st.notes),
    )


class LiveStories:
    """Stories of a growing set of articles, equal to ``newsfuse analyze``'s on the same set.

    :meth:`add` is cheap (signature, features, copy graph); :meth:`stories` brings the stories up
    to date.  The index sets ``Article.copy_of`` on the articles it holds (``sets_copies``).
    """

    sets_copies = True

    def __init__(self, options: Options) -> None:
        self.options = options
        self._articles: dict[str, Article] = {}
        self._keys: dict[str, tuple[int, str, str, str]] = {}  # arrival_key per article
        self._features: dict[str, Vector] = {}
        self._sigs: dict[str, CopySignature] = {}
        self._hasher = MinHasher.for_options(options)
        self._bands = Bands(*_lsh_params(options.dedup))
        self._by_text: dict[str, str] = {}  # normalised text hash -> an article with that text
        # The "could be a copy" graph's parts: union-find parent and, per root, its members.
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._dirty: set[str] = set()  # articles whose copy part must be decided again
        self._new: set[str] = set()  # articles added since the last update
        # Clustered partitions: the ids a partition saw -> its stories (pristine: never handed out).
        self._cache: dict[frozenset[str], list[Story]] = {}
        self._stories: list[Story] | None = []
        self.reclustered = 0  # articles clustered again by the last update (for benchmarks)

    # ------------------------------------------------------------------ public

    def __len__(self) -> int:
        return len(self._articles)

    def add(self, article: Article) -> None:
        """Hold ``article`` (an id already held is ignored); stories follow at :meth:`stories`."""
        if article.id in self._articles:
            return
        aid = article.id
        self._articles[aid] = article
        self._keys[aid] = arrival_key(article)
        self._features[aid] = article_features(article)
        sig = copy_signature(article, self.options, self._hasher)
        self._sigs[aid] = sig
        self._parent[aid] = aid
        self._members[aid] = [aid]
        if sig.minhash is not None:
            keys = self._bands.keys(sig.minhash)
            for other in self._bands.query(keys):
                self._union(aid, other)
            self._bands.insert(aid, keys)
        first = self._by_text.setdefault(sig.text_hash, aid)
        if first != aid:
            self._union(aid, first)
        self._dirty.add(aid)
        self._new.add(aid)
        self._stories = None

    def stories(self) -> list[Story]:
        """The stories of every article held, as the batch pipeline clusters them."""
        if self._stories is None:
            self._stories = self._update()
        return [_fresh(st) for st in self._stories]

    # ------------------------------------------------------------------ internals

    def _find(self, x: str) -> str:
        parent = self._parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))

    def _update_copies(self) -> set[str]:
        """Decide the copy parts touched since the last update again; returns the articles whose
        ``copy_of`` changed."""
        changed: set[str] = set()
        for root in {self._find(a) for a in self._dirty}:
            members = self._members[root]
            found = group_copies([self._sigs[m] for m in members], self.options)
            for m in members:
                a = self._articles[m]
                info = found.get(m)
                if a.copy_of != info:
                    a.copy_of = info
                    changed.add(m)
        self._dirty.clear()
        return changed

    def _update(self) -> list[Story]:
        changed = self._update_copies() | self._new
        self._new = set()
        keys = self._keys
        articles = [self._articles[i] for i in sorted(self._articles, key=keys.__getitem__)]
        parts = time_partitions(articles, self.options)
        results: list[list[Story]] = []
        cache: dict[frozenset[str], list[Story]] = {}
        self.reclustered = 0
        for part in parts:
            seen = [articles[i] for i in part.seen]
            key = frozenset(a.id for a in seen)
            got = None if not key.isdisjoint(changed) else self._cache.get(key)
            if got is None:
                got = cluster_stories(seen, self.options, self._features)
                self.reclustered += len(seen)
            cache[key] = got
            results.append([_fresh(st) for st in got])  # join_partitions recounts in place
        self._cache = cache
        return join_partitions(articles, parts, results)
