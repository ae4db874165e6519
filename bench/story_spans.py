"""Story sizes and date spans on real crawls, and a sample of stories to audit by hand.

    python bench/story_spans.py ../shared/data/timeline/t17-dev [--cache /tmp/es/cache] [--audit FILE --seed S]
        [--option window_days=7 ...]

Each topic folder's ``articles.jsonl`` is read, cleaned, validated and deduplicated as
``newsfuse analyze`` does (the result is cached as JSON Lines under ``--cache``, so later runs only
cluster), then clustered with :func:`newsfuse.stories.cluster.cluster_stories`.  Printed per topic
and overall: the number of stories, the distribution of story sizes (articles) and of date spans
(days from first to last dated article; ``mspan`` leaves copies out) of the stories of at least
``--min-size`` articles.

``--audit FILE`` writes, for ``--sample`` stories of at least ``--min-size`` articles drawn over all
topics with ``random.Random(seed).sample``, each member's date, title and lead, for a by-hand
judgement of whether the story is one event.  Nothing is written inside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from dataclasses import replace
from datetime import date
from pathlib import Path

from newsfuse.model import Article, Story, parse_iso
from newsfuse.options import Options
from newsfuse.pipeline import dedup_group_step, dedup_signature_step, shard_step

# The crawl's records are dated in 2009-2013; validation must not reject them as future dates.
TODAY = date(2030, 1, 1)


def load_topic(path: Path, cache: Path | None, options: Options) -> list[Article]:
    cached = cache / f"{path.parent.name}.jsonl" if cache else None
    if cached is not None and cached.is_file():
        with cached.open(encoding="utf-8") as fh:
            return [Article.from_dict(json.loads(line)) for line in fh]
    articles = shard_step([str(path)], options, TODAY).articles
    dedup_group_step(articles, dedup_signature_step(articles, options), options)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    return articles


def span_days(story: Story) -> int | None:
    a, b = parse_iso(story.first_date), parse_iso(story.last_date)
    return (b - a).days if a and b else None


def member_span_days(story: Story, by_id: dict[str, Article]) -> int | None:
    """The span without copies (a page reprinted weeks later stretches a story's dates)."""
    days = [d for i in story.articles if by_id[i].copy_of is None and (d := parse_iso(by_id[i].date)) is not None]
    return (max(days) - min(days)).days if days else None


def quantiles(xs: list[int]) -> str:
    if not xs:
        return "-"
    xs = sorted(xs)

    def q(p: float) -> int:
        return xs[min(len(xs) - 1, int(p * len(xs)))]

    return f"n={len(xs)} mean={statistics.mean(xs):.1f} p50={q(0.5)} p90={q(0.9)} max={xs[-1]}"


def with_options(options: Options, settings: list[str]) -> Options:
    cluster = options.cluster
    for s in settings:
        key, _, value = s.partition("=")
        current = getattr(cluster, key)
        typed = type(current)(value) if not isinstance(current, bool) else value.lower() in ("1", "true", "yes")
        cluster = replace(cluster, **{key: typed})
    return replace(options, cluster=cluster)


def lead(article: Article, words: int = 40) -> str:
    text = " ".join(p.text for p in article.paragraphs[:2])
    return " ".join(text.split()[:words])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", help="t17 folder: one sub-folder per topic with articles.jsonl")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--min-size", type=int, default=5)
    ap.add_argument("--audit", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=10)
    ap.add_argument("--option", action="append", default=[], help="a ClusterOptions field, e.g. window_days=7")
    ap.add_argument("--json", type=Path, default=None, help="write the stories (ids, dates, sizes) here")
    args = ap.parse_args()
    options = with_options(Options(), args.option)
    all_big: list[tuple[str, Story]] = []
    by_id: dict[str, Article] = {}
    sizes_all: list[int] = []
    spans_all: list[int] = []
    mspans_all: list[int] = []
    dump: dict[str, list[dict[str, object]]] = {}
    for topic in sorted(p for p in Path(args.root).iterdir() if (p / "articles.jsonl").is_file()):
        articles = load_topic(topic / "articles.jsonl", args.cache, options)
        by_id.update({a.id: a for a in articles})
        from newsfuse.stories.cluster import cluster_stories

        stories = cluster_stories(articles, options)
        big = [s for s in stories if len(s.articles) >= args.min_size]
        sizes = [len(s.articles) for s in big]
        spans = [d for s in big if (d := span_days(s)) is not None]
        mspans = [d for s in big if (d := member_span_days(s, by_id)) is not None]
        sizes_all += sizes
        spans_all += spans
        mspans_all += mspans
        all_big += [(topic.name, s) for s in big]
        dump[topic.name] = [
            {"id": s.id, "n": len(s.articles), "first": s.first_date, "last": s.last_date, "articles": s.articles}
            for s in stories
        ]
        over = sum(1 for d in spans if d > 7)
        print(
            f"{topic.name:16s} articles={len(articles):5d} stories={len(stories):4d} >= {args.min_size}: {len(big):3d} "
            f"size[{quantiles(sizes)}] span[{quantiles(spans)}] span>7d={over}"
        )
    over = sum(1 for d in spans_all if d > 7)
    print(
        f"{'ALL':16s} size[{quantiles(sizes_all)}] span[{quantiles(spans_all)}] span>7d={over} span>14d={sum(1 for d in spans_all if d > 14)}"
    )
    print(
        f"{'ALL':16s} mspan[{quantiles(mspans_all)}] mspan>7d={sum(1 for d in mspans_all if d > 7)} "
        f"mspan>14d={sum(1 for d in mspans_all if d > 14)}"
    )
    if args.json:
        args.json.write_text(json.dumps(dump), encoding="utf-8")
    if args.audit:
        chosen = random.Random(args.seed).sample(all_big, min(args.sample, len(all_big)))
        with args.audit.open("w", encoding="utf-8") as fh:
            for k, (topic, s) in enumerate(chosen, 1):
                fh.write(f"## {k}. {topic} {s.id}: {len(s.articles)} articles, {s.first_date} .. {s.last_date}\n")
                fh.write(f"   title: {s.title}\n")
                for aid in s.articles:
                    a = by_id[aid]
                    copy = " (copy)" if a.copy_of else ""
                    fh.write(f" - {a.date} {a.title or ''}{copy}\n     {lead(a)}\n")
                fh.write("\n")
        print(f"audit sample written to {args.audit}")


if __name__ == "__main__":
    main()
