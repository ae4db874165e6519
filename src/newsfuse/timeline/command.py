"""``newsfuse timeline PATH... [--dates N] [--sentences K] [--format md|json]``: a whole topic's timeline.

Articles are read through the pipeline's declared steps (:func:`read_topic`), as ``analyze`` reads them.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import sys
from datetime import date
from typing import TextIO

from newsfuse.model import Article, TimelineEvent, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import article_steps, run_article_steps
from newsfuse.timeline.topic import topic_timeline

log = logging.getLogger("newsfuse")


def read_topic(paths: list[str], options: Options) -> list[Article]:
    """The articles of ``paths``: the pipeline's read step, then its article steps through
    extraction, as this command has always read them (validation would also drop short bodies and
    untrusted publication dates, and so change its timelines); rejections are logged."""
    result = run_article_steps(paths, options, date.today(), article_steps(through="extract"))
    for r in result.rejections:
        log.warning("rejected %s: %s %s", r.origin, r.reason, r.detail)
    return result.articles


def render_markdown(events: list[TimelineEvent], n_articles: int, out: TextIO) -> None:
    dates = list(dict.fromkeys(e.date for e in events))
    out.write(f"# Timeline\n\n{len(dates)} dates from {n_articles} articles.\n")
    for d in dates:
        out.write(f"\n## {d}\n\n")
        for e in (e for e in events if e.date == d):
            cites = ", ".join(f"{s.article}#{s.paragraph}" for s in e.sources)
            outlets = f" ({', '.join(e.outlets)})" if e.outlets else ""
            # article text is untrusted: escape it so the Markdown is safe to render as HTML
            out.write(
                f"- {html.escape(e.text, quote=False)}{html.escape(outlets, quote=False)} [{html.escape(cites)}]\n"
            )


def topic_timeline_command(args: argparse.Namespace, options: Options) -> bool:
    """Read ``args.paths``, build the topic timeline, print it; return whether any article was read."""
    if args.dates is not None and args.dates < 1:
        raise ValueError("--dates must be at least 1")
    if args.sentences < 1:
        raise ValueError("--sentences must be at least 1")
    articles = read_topic(args.paths, options)
    if not articles:
        log.warning("no articles read")
        return False
    events = topic_timeline(articles, args.dates, args.sentences, options)
    undated = sum(1 for a in articles if not a.date)
    if undated:
        log.info(
            "%d of %d articles have no publication date: only their absolute dates are used", undated, len(articles)
        )
    if args.format == "json":
        json.dump({"articles": len(articles), "events": to_dict(events)}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        render_markdown(events, len(articles), sys.stdout)
    return True
