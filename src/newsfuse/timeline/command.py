"""``newsfuse timeline PATH... [--dates N] [--sentences K] [--format md|json]``: a whole topic's timeline.

Articles are read through the pipeline's read and extract steps when those are installed; until
then (and as a fallback) :func:`read_articles` reads JSONL records and plain-text files itself.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import sys
from pathlib import Path
from typing import TextIO

from newsfuse.model import Article, PublishedDate, TimelineEvent, article_id, make_paragraphs, parse_iso, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import extract_step, read_step
from newsfuse.timeline.topic import topic_timeline

log = logging.getLogger("newsfuse")


def _records_from_jsonl(path: Path, out: list[Article]) -> int:
    """Append the articles of a JSONL file (``text`` plus optional ``id``, ``date``, ``title``,
    ``outlet``, ``url``); return how many lines were rejected."""
    bad = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                log.warning("rejected %s#%d: malformed JSON", path, n)
                bad += 1
                continue
            text = rec.get("text") if isinstance(rec, dict) else None
            if not isinstance(text, str) or not text.strip():
                log.warning("rejected %s#%d: no text", path, n)
                bad += 1
                continue
            origin = f"{path}#{n}"
            pub = parse_iso(rec.get("date") if isinstance(rec.get("date"), str) else None)
            out.append(
                Article(
                    id=str(rec.get("id") or article_id(origin, text)),
                    origin=origin,
                    paragraphs=make_paragraphs(text.split("\n")),
                    title=rec.get("title") or None,
                    outlet=rec.get("outlet") or None,
                    url=rec.get("url") or None,
                    published=PublishedDate(pub.isoformat(), "input", 1.0) if pub else None,
                    input_format="json",
                )
            )
    return bad


def read_articles(paths: list[str]) -> list[Article]:
    """The fallback reader: ``*.jsonl`` records and ``*.txt`` files (paragraphs split at blank lines,
    no publication date), directories searched recursively."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in {".jsonl", ".txt"} and f.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(f"no such file or directory: {p}")
    out: list[Article] = []
    for f in files:
        if f.suffix == ".jsonl":
            _records_from_jsonl(f, out)
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        paragraphs = make_paragraphs(text.split("\n\n"))
        if not paragraphs:
            log.warning("rejected %s: empty", f)
            continue
        out.append(Article(id=article_id(str(f), text), origin=str(f), paragraphs=paragraphs, input_format="text"))
    return out


def _read_with_pipeline(paths: list[str], options: Options) -> list[Article] | None:
    """Articles through the pipeline's read and extract steps, or None when they are not installed."""
    try:
        docs, rejected = read_step(paths, options)
        articles, rejected2 = extract_step(docs, options)
    except ImportError:  # newsfuse.readers / newsfuse.extract not (fully) installed yet
        return None
    for r in [*rejected, *rejected2]:
        log.warning("rejected %s: %s %s", r.origin, r.reason, r.detail)
    return articles


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
    articles = _read_with_pipeline(args.paths, options)
    if articles is None:
        articles = read_articles(args.paths)
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
