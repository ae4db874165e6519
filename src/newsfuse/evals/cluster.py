"""``newsfuse eval cluster FILE``: story clustering on a labelled corpus (format C).

Each line ``{"id", "title", "text", "date", "outlet", "cluster"}`` becomes an :class:`Article`
(paragraphs = the text's lines); the system is :func:`newsfuse.stories.cluster.cluster_stories`
with default options (the gold labels are only used for scoring).  Scores: B-cubed precision,
recall and F1, pairwise F1, number of clusters (``clusters`` and ``gold_clusters`` are counts, not
fractions).

Baselines, side by side in the same run:

- ``tfidf_agglomerative``: scikit-learn ``TfidfVectorizer`` (English stopwords, sublinear TF) over
  title + text, average-link agglomerative clustering on cosine distance, cut at a fixed
  similarity of :data:`BASELINE_SIMILARITY`;
- ``tfidf_agglomerative_oracle``: the same baseline at the threshold (of a fixed grid) that gives
  the best B-cubed F1 *on this file's gold labels* — an upper bound for the baseline, not a
  system anyone could run without labels (``threshold`` says which one won).

``--halves N --seed S``: the system's B-cubed F1 on N random halves of the topics (each draw splits
the topics -- a gold label's part before "_", so "3_ecb" and "3_ecbplus" stay together -- in two at
random and clusters and scores each half *on its own*, as unseen data would be), with their mean,
standard deviation, minimum and maximum: how much the figure moves with the topics it is
measured on.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.evals.metrics import bcubed, pairwise_f1
from newsfuse.evals.records import read_jsonl
from newsfuse.model import Article, PublishedDate, article_id, make_paragraphs
from newsfuse.options import Options
from newsfuse.stories.cluster import cluster_stories
from newsfuse.stories.dedup import find_copies

# A fixed, commonly used cut for TF-IDF cosine on news: 0.2 similarity (distance 0.8).
BASELINE_SIMILARITY = 0.2
ORACLE_GRID = tuple(round(0.05 * i, 2) for i in range(1, 13))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="format C JSONL: id, title, text, date, outlet, cluster")
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baselines")
    parser.add_argument("--halves", type=int, default=0, help="also score the system on N random halves of the topics")
    parser.add_argument("--seed", type=int, default=0, help="random seed of --halves")


def load(path: str) -> tuple[list[Article], dict[Hashable, Hashable]]:
    """Articles and gold labels (article id -> cluster) of a format C file."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    articles: list[Article] = []
    gold: dict[Hashable, Hashable] = {}
    for n, rec in read_jsonl(p):
        if "cluster" not in rec:
            raise ValueError(f"{path}:{n}: not a format C record (needs 'cluster')")
        text = str(rec.get("text") or "")
        origin = f"{path}#{rec.get('id', n)}"
        art = Article(
            id=str(rec.get("id") or article_id(origin, text)),
            origin=origin,
            paragraphs=make_paragraphs(text.split("\n")),
            title=rec.get("title") or None,
            outlet=rec.get("outlet") or None,
            input_format="json",
        )
        if rec.get("date"):
            art.published = PublishedDate(str(rec["date"]), "input", 1.0)
        articles.append(art)
        gold[art.id] = str(rec["cluster"])
    return articles, gold


def scores(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> dict[str, float]:
    b = bcubed(gold, pred)
    return {
        "bcubed_precision": b["precision"],
        "bcubed_recall": b["recall"],
        "bcubed_f1": b["f1"],
        "pairwise_f1": pairwise_f1(gold, pred),
        "clusters": len(set(pred.values())),
    }


def tfidf_agglomerative(
    articles: list[Article], thresholds: tuple[float, ...]
) -> dict[float, dict[Hashable, Hashable]]:
    """Labels of the TF-IDF + average-link baseline at each similarity threshold."""
    if len(articles) < 2:
        return {t: {a.id: 0 for a in articles} for t in thresholds}
    docs = [f"{a.title or ''}\n{a.text}" for a in articles]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).toarray()
    # scipy's average linkage on cosine distances is exactly sklearn's
    # AgglomerativeClustering(metric="cosine", linkage="average", distance_threshold=1 - t),
    # but one tree serves every threshold.
    tree = linkage(pdist(x, metric="cosine"), method="average")
    out: dict[float, dict[Hashable, Hashable]] = {}
    for t in thresholds:
        labels = fcluster(tree, 1.0 - t, criterion="distance")
        out[t] = {a.id: int(lab) for a, lab in zip(articles, labels, strict=True)}
    return out


def system_labels(articles: list[Article], options: Options) -> dict[Hashable, Hashable]:
    """Article id -> story id, as the system clusters these articles (copies found first)."""
    find_copies(articles, options)
    return {aid: s.id for s in cluster_stories(articles, options) for aid in s.articles}


def topic_of(label: Hashable) -> str:
    """The topic of a gold label ("3_ecbplus" -> "3"): sub-topics of one topic stay together."""
    return str(label).split("_", 1)[0]


def halves(
    articles: list[Article], gold: Mapping[Hashable, Hashable], n: int, seed: int, options: Options
) -> dict[str, Any]:
    """B-cubed F1 of the system on ``n`` random draws of half the topics and on the other half of
    each draw; each half is clustered on its own."""
    if n < 1:
        raise ValueError(f"--halves must be at least 1, got {n}")
    topics = sorted({topic_of(g) for g in gold.values()})
    if len(topics) < 2:
        raise ValueError("--halves needs at least two topics")
    rng = random.Random(seed)
    f1s: list[float] = []
    for _ in range(n):
        rng.shuffle(topics)
        half = set(topics[: len(topics) // 2])
        for side in (True, False):
            part = [a for a in articles if (topic_of(gold[a.id]) in half) == side]
            pred = system_labels(part, options)
            part_gold: dict[Hashable, Hashable] = {a.id: gold[a.id] for a in part}
            f1s.append(bcubed(part_gold, pred)["f1"])
    return {
        "n": len(f1s),
        "seed": seed,
        "mean": statistics.fmean(f1s),
        "stdev": statistics.stdev(f1s) if len(f1s) > 1 else 0.0,
        "min": min(f1s),
        "max": max(f1s),
    }


def run(args: argparse.Namespace) -> dict:
    articles, gold = load(args.file)
    if not articles:
        raise ValueError(f"{args.file}: no records")
    options = Options()
    pred = system_labels(articles, options)
    result: dict[str, Any] = {
        "n": len(articles),
        "gold_clusters": len(set(gold.values())),
        "system": scores(gold, pred),
    }
    if getattr(args, "halves", 0):
        result["halves"] = halves(articles, gold, args.halves, getattr(args, "seed", 0), options)
    result["baselines"] = {}
    if not args.no_baseline:
        grid = tuple(sorted({BASELINE_SIMILARITY, *ORACLE_GRID}))
        labels = tfidf_agglomerative(articles, grid)
        result["baselines"]["tfidf_agglomerative"] = scores(gold, labels[BASELINE_SIMILARITY])
        best = max(grid, key=lambda t: (scores(gold, labels[t])["bcubed_f1"], -t))
        oracle = scores(gold, labels[best])
        oracle["threshold"] = best
        result["baselines"]["tfidf_agglomerative_oracle"] = oracle
    return result
