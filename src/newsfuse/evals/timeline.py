"""``newsfuse eval timeline DIR``: timeline summarisation on format E (e.g. Timeline17).

The standard protocol (Gholipour Ghalandari & Ifrim 2020): for each reference timeline of a topic,
the system gets the topic's articles, the reference's first and last date, its number of dates and
its mean number of sentences per date (rounded), and must produce that timeline.  Scores (date
P/R/F1, alignment ROUGE-1/2 F, see :mod:`newsfuse.timeline.scoring`) are computed per timeline and
averaged over all timelines.  The baseline ``frequent_dates`` takes the most often mentioned dates
and, for each, the first sentence that mentions it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsfuse.evals.records import read_jsonl
from newsfuse.model import Article, PublishedDate, make_paragraphs, parse_iso
from newsfuse.timeline.scoring import RougeTokens, align_rouge, date_prf, mean_of
from newsfuse.timeline.topic import TopicIndex, build_index, timeline_from_index


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="format E directory: <topic>/articles.jsonl and <topic>/timelines.json")
    parser.add_argument("--topics", default=None, help="comma-separated topic names to evaluate (default: all)")
    parser.add_argument("--details", action="store_true", help="add per-timeline figures to the result")


def load_articles(path: Path) -> list[Article]:
    """Format E articles: ``{"id", "date", "title", "text"}`` per line, one sentence per line of text."""
    out: list[Article] = []
    for n, rec in read_jsonl(path):
        if not isinstance(rec.get("text"), str):
            raise ValueError(f"{path}:{n}: expected an object with a 'text' string")
        aid = str(rec.get("id") or f"{path.parent.name}-{n}")
        pub = parse_iso(rec.get("date"))
        out.append(
            Article(
                id=aid,
                origin=f"{path}#{n}",
                paragraphs=make_paragraphs(rec["text"].split("\n")),
                title=rec.get("title") or None,
                # ids are "<topic>_<outlet>-<n>": the outlet is known, so independent sources count right
                outlet=aid.rsplit("-", 1)[0].split("_", 1)[-1] if "_" in aid else None,
                published=PublishedDate(pub.isoformat(), "input", 1.0) if pub else None,
                input_format="json",
            )
        )
    return out


def load_timelines(path: Path) -> list[dict[date, list[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of timelines")
    out = []
    for tl in data:
        entries: dict[date, list[str]] = {}
        for e in tl:
            d = parse_iso(e.get("date"))
            if d is None:
                raise ValueError(f"{path}: bad date {e.get('date')!r}")
            entries.setdefault(d, []).extend(str(s) for s in e.get("summary", []))
        if entries:
            out.append(entries)
    return out


def frequent_dates_baseline(topic: TopicIndex, n_dates: int, start: date, end: date) -> dict[date, list[str]]:
    """The most often mentioned dates in [start, end]; for each, the first sentence mentioning it
    (in corpus order: articles by publication date, sentences in text order)."""
    counts: Counter[date] = Counter()
    first: dict[date, str] = {}
    order = sorted(range(len(topic.sentences)), key=lambda i: (topic.sentences[i].published or date.max, i))
    for i in order:
        s = topic.sentences[i]
        for m in s.mentions:
            if m.granularity == "day" and start <= m.value <= end:
                counts[m.value] += 1
                first.setdefault(m.value, s.text)
    chosen = sorted(counts, key=lambda d: (-counts[d], d))[:n_dates]
    return {d: [first[d]] for d in sorted(chosen)}


def _scores(pred: dict[date, list[str]], ref: dict[date, list[str]], tok: RougeTokens) -> dict[str, float]:
    dates = date_prf(list(pred), list(ref))
    rouge = align_rouge(pred, ref, tok)
    return {
        "date_precision": dates["precision"],
        "date_recall": dates["recall"],
        "date_f1": dates["f1"],
        "align_rouge1_f": rouge["rouge1"]["f1"],
        "align_rouge2_f": rouge["rouge2"]["f1"],
    }


def evaluate_dir(root: Path, topics: list[str] | None = None, details: bool = False) -> dict[str, Any]:
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    names = sorted(
        p.name for p in root.iterdir() if (p / "articles.jsonl").is_file() and (p / "timelines.json").is_file()
    )
    if topics:
        missing = sorted(set(topics) - set(names))
        if missing:
            raise ValueError(f"unknown topics: {', '.join(missing)} (have: {', '.join(names)})")
        names = [n for n in names if n in topics]
    if not names:
        raise ValueError(f"{root}: no <topic>/articles.jsonl + timelines.json found")
    tok = RougeTokens()
    system_rows: list[dict[str, float]] = []
    base_rows: list[dict[str, float]] = []
    per_timeline: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for name in names:
        articles = load_articles(root / name / "articles.jsonl")
        topic = build_index(articles)
        for k, ref in enumerate(load_timelines(root / name / "timelines.json")):
            ref_dates = sorted(ref)
            n_dates = len(ref_dates)
            per_date = max(1, round(sum(len(v) for v in ref.values()) / n_dates))
            start, end = ref_dates[0], ref_dates[-1]
            events = timeline_from_index(topic, n_dates, per_date, start, end)
            pred: dict[date, list[str]] = {}
            for e in events:
                pred.setdefault(date.fromisoformat(e.date), []).append(e.text)
            sys_row = _scores(pred, ref, tok)
            base_row = _scores(frequent_dates_baseline(topic, n_dates, start, end), ref, tok)
            system_rows.append(sys_row)
            base_rows.append(base_row)
            per_timeline.append(
                {"topic": name, "timeline": k, "dates": n_dates, "system": sys_row, "frequent_dates": base_row}
            )
    result: dict[str, Any] = {
        "n": len(system_rows),
        "system": mean_of(system_rows),
        "baselines": {"frequent_dates": mean_of(base_rows)},
        "topics": len(names),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if details:
        result["timelines"] = per_timeline
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    return evaluate_dir(Path(args.dir), topics, getattr(args, "details", False))
