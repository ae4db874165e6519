"""``newsfuse eval crawl DIR``: the whole pipeline on real scraped records, as a user runs it.

Input: format E folders (``DIR/<topic>/articles.jsonl``, or the JSONL files themselves) of real
scraped records ``{"id", "date", "title", "text"}`` whose ids name the outlet
(``<topic>_<outlet>-<n>``).  The ids are used **only as gold**: each file is copied to a
temporary file with anonymous ids before ``newsfuse analyze`` (the in-process pipeline, default
options) reads it, so nothing but the records' text can tell the system the outlet.

Figures (fractions unless the name says otherwise):

- ``outlet_found``: share of kept articles given an outlet; ``outlet_accuracy``: share given the
  right one (same :func:`newsfuse.outlets.outlet_key` as the gold); ``outlet_precision``: right
  among those given one.  An agency's own dateline on another site's page (an AP story on a
  newspaper's site) counts as wrong here, though newsfuse takes the agency as the outlet when
  nothing else names the publisher;
- ``sources_exact``: share of stories of 2+ articles whose ``independent_sources`` equals the
  gold count: the distinct gold outlets of the stories' articles, each article counted as the
  origin of its copy group (as the system counts);
- ``removed_line_share``: removed blocks / (removed blocks + kept paragraphs);
- ``furniture_leakage``: share of the sentences a reader sees first (headlines, summary
  sentences, agreed claims) that carry comment or page-furniture markers (:data:`FURNITURE_RE`,
  a fixed detector independent of the cleaner's rules) or are fragments.

Baselines in the same run: ``unknown_as_own_source`` (the same outlets, but every article of
unknown outlet counted as its own source, the rule before this eval existed) and
``unknown_as_one_more_source`` (the known outlets plus one for all articles of unknown outlet) for
``sources_exact``, and with
``--baseline``, the same pipeline with records trusted as clean (no cleaning) for the rest.
``--audit FILE`` writes a fixed random sample of those sentences (``--seed``) for a by-hand check.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from newsfuse.evals.records import read_jsonl
from newsfuse.exec.local import analyze
from newsfuse.model import Article, Report, Story
from newsfuse.options import Options
from newsfuse.outlets import outlet_key
from newsfuse.stories.sources import is_unknown, source_key

# Markers of reader comments and page furniture in a sentence shown to the reader.  Written for
# this check from the kinds of furniture any news site has, not from the cleaner's rules.
FURNITURE_RE = re.compile(
    r"report abuse|\breply\b|\bposted by\b|\bclick (?:here|to)\b|\bsign up\b|\bsubscribe\b|\bnewsletter\b"
    r"|\ball rights reserved\b|©|\bcopyright\b|\bshare (?:this|on)\b|\bfollow us\b|\b\d+ comments\b|\b(?:leave|post|add) (?:a|your) comment\b|\bcomments (?:are|have been) closed\b"
    r"|\b\d{1,2}:\d{2}\s*(?:am|pm)\b|\bhttps?://|\bwww\.|@\w{3,}|\breporting by\b|contributed to this report"
    r"|\bdownload\b|\bwatch (?:the )?video\b|\bphoto(?:s|graph)?:|\bimage (?:copyright|caption)\b|\bgetty images\b"
    r"|\bterms of (?:use|service)\b|\bprivacy policy\b|\badvertisement\b|\bread more\b|\brelated:",
    re.I,
)
# A sentence of fewer words than this, or without a lower-case word, is a fragment (a caption,
# a dateline alone, a label).
MIN_FRONT_WORDS = 6


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="format E folders (DIR/<topic>/articles.jsonl) or JSONL files")
    parser.add_argument(
        "--baseline", action="store_true", help="also run with records trusted as clean (twice the time)"
    )
    parser.add_argument("--audit", default=None, help="write a random sample of front sentences here (Markdown)")
    parser.add_argument("--sample", type=int, default=40, help="sentences in the audit sample (default 40)")
    parser.add_argument("--seed", type=int, default=13, help="seed of the audit sample")


def gold_outlet(record_id: str) -> str | None:
    """``bpoil_foxnews-12`` -> ``foxnews``; None when the id does not name one."""
    if "_" not in record_id or "-" not in record_id:
        return None
    return record_id.split("_", 1)[1].rsplit("-", 1)[0] or None


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(p.glob("*/articles.jsonl")) or sorted(p.glob("*.jsonl"))
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(f"no such file or directory: {raw}")
    if not out:
        raise ValueError("no JSONL files found")
    return out


def _anonymise(src: Path, dst: Path) -> list[str | None]:
    """Copy ``src`` to ``dst`` without the ids; return the gold outlet of each line (1-based order)."""
    gold: list[str | None] = []
    with dst.open("w", encoding="utf-8") as out:
        for n, rec in read_jsonl(src):
            while len(gold) < n - 1:  # blank lines keep the numbering of the origins
                gold.append(None)
                out.write("\n")
            gold.append(gold_outlet(str(rec.get("id", ""))))
            clean = {k: v for k, v in rec.items() if k != "id"}
            out.write(json.dumps(clean, ensure_ascii=False) + "\n")
    return gold


def _line_of(article: Article) -> int:
    return int(article.origin.rsplit("#", 1)[1])


def _front_sentences(story: Story) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if story.headline is not None:
        out.append(("headline", story.headline.text))
    out += [("summary", s.text) for s in story.summary]
    out += [("agreed claim", c.text) for c in story.claims if c.status == "agreed"]
    return out


def _origin(a: Article, by_id: dict[str, Article]) -> Article:
    return by_id.get(a.copy_of.of, a) if a.copy_of is not None else a


def furniture_or_fragment(text: str) -> bool:
    words = text.split()
    return bool(FURNITURE_RE.search(text)) or len(words) < MIN_FRONT_WORDS or not any(w.islower() for w in words)


def _score(report: Report, gold_by_origin: dict[str, str | None]) -> dict[str, Any]:
    arts = report.articles
    by_id = {a.id: a for a in arts}
    gold = {a.id: gold_by_origin.get(a.origin) for a in arts}
    per_outlet: dict[str, Counter[str]] = {}
    found = right = 0
    for a in arts:
        g = gold[a.id]
        c = per_outlet.setdefault(g or "?", Counter())
        c["n"] += 1
        if a.outlet:
            found += 1
            c["found"] += 1
            if g is not None and outlet_key(a.outlet) == outlet_key(g):
                right += 1
                c["right"] += 1
    multi = [s for s in report.stories if len(s.articles) >= 2]
    exact = exact_base = exact_plus_one = 0
    for s in multi:
        origins = [_origin(by_id[i], by_id) for i in s.articles]
        truth = len({gold[o.id] or o.id for o in origins})
        exact += s.independent_sources == truth
        base_keys = {source_key(by_id[i], by_id) for i in s.articles}
        # Before: every key counted, an unknown outlet as its own source.
        exact_base += len(base_keys) == truth
        # Another rule: the known outlets, plus one for all articles of unknown outlet together.
        known = {k for k in base_keys if not is_unknown(k)}
        exact_plus_one += len(known) + (len(known) < len(base_keys)) == truth
    front = [(s.id, kind, text) for s in report.stories for kind, text in _front_sentences(s)]
    bad = [t for t in front if furniture_or_fragment(t[2])]
    kept_paras = sum(len(a.paragraphs) for a in arts)
    removed = sum(len(a.removed) for a in arts)
    return {
        "articles": len(arts),
        "rejected": len(report.rejections),
        "outlet_found": found / len(arts) if arts else 0.0,
        "outlet_accuracy": right / len(arts) if arts else 0.0,
        "outlet_precision": right / found if found else 0.0,
        "stories_multi": len(multi),
        "sources_exact": exact / len(multi) if multi else 0.0,
        "sources_exact_unknown_as_own": exact_base / len(multi) if multi else 0.0,
        "sources_exact_unknown_as_one_more": exact_plus_one / len(multi) if multi else 0.0,
        "removed_line_share": removed / (removed + kept_paras) if removed + kept_paras else 0.0,
        "front_sentences": len(front),
        "furniture_leakage": len(bad) / len(front) if front else 0.0,
        "per_outlet": {
            k: {"n": v["n"], "found": v["found"] / v["n"], "accuracy": v["right"] / v["n"]}
            for k, v in sorted(per_outlet.items())
        },
        "_front": front,
    }


def _combine(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Pooled figures over the topic files (weighted by articles, stories or sentences)."""
    n = sum(p["articles"] for p in parts)
    m = sum(p["stories_multi"] for p in parts)
    f = sum(p["front_sentences"] for p in parts)

    def pooled(key: str, weight: str, total: int) -> float:
        return sum(p[key] * p[weight] for p in parts) / total if total else 0.0

    return {
        "articles_n": n,
        "rejected_n": sum(p["rejected"] for p in parts),
        "outlet_found": pooled("outlet_found", "articles", n),
        "outlet_accuracy": pooled("outlet_accuracy", "articles", n),
        "outlet_precision": (
            sum(p["outlet_accuracy"] * p["articles"] for p in parts)
            / max(1.0, sum(p["outlet_found"] * p["articles"] for p in parts))
        ),
        "stories_multi_n": m,
        "sources_exact": pooled("sources_exact", "stories_multi", m),
        "removed_line_share": sum(p["removed_line_share"] for p in parts) / len(parts),
        "front_sentences_n": f,
        "furniture_leakage": pooled("furniture_leakage", "front_sentences", f),
    }


def _run_files(
    files: list[Path], options: Options
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Counter[str]]]:
    parts: list[dict[str, Any]] = []
    topics: dict[str, Any] = {}
    outlets: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory(prefix="newsfuse-crawl-") as tmp:
        for i, src in enumerate(files):
            dst = Path(tmp) / f"crawl{i}.jsonl"
            gold = _anonymise(src, dst)
            gold_by_origin = {f"{dst}#{n}": g for n, g in enumerate(gold, start=1)}
            report = analyze([str(dst)], options)
            part = _score(report, gold_by_origin)
            parts.append(part)
            name = src.parent.name if src.name == "articles.jsonl" else src.stem
            topics[name] = {k: v for k, v in part.items() if not k.startswith("_") and k != "per_outlet"}
            for o, v in part["per_outlet"].items():
                c = outlets.setdefault(o, Counter())
                c["n"] += v["n"]
                c["found"] += round(v["found"] * v["n"])
                c["right"] += round(v["accuracy"] * v["n"])
    return {"topics": topics}, parts, outlets


def run(args: argparse.Namespace) -> dict[str, Any]:
    files = _files(args.paths)
    options = Options()
    extra, parts, outlets = _run_files(files, options)
    system = _combine(parts)
    system["per_outlet_accuracy"] = {o: c["right"] / c["n"] for o, c in sorted(outlets.items()) if c["n"]}
    system["per_outlet_found"] = {o: c["found"] / c["n"] for o, c in sorted(outlets.items()) if c["n"]}
    m = system["stories_multi_n"]
    baselines: dict[str, dict[str, Any]] = {
        "unknown_as_own_source": {
            "sources_exact": sum(p["sources_exact_unknown_as_own"] * p["stories_multi"] for p in parts) / m
            if m
            else 0.0
        },
        "unknown_as_one_more_source": {
            "sources_exact": sum(p["sources_exact_unknown_as_one_more"] * p["stories_multi"] for p in parts) / m
            if m
            else 0.0
        },
    }
    if args.baseline:
        trusted = Options()
        trusted.clean.trust_records = True
        _, base_parts, _ = _run_files(files, trusted)
        baselines["records_trusted"] = _combine(base_parts)
    if args.audit:
        front = [t for p in parts for t in p["_front"]]
        rng = random.Random(args.seed)
        sample = rng.sample(front, min(args.sample, len(front)))
        lines = ["# Front-sentence audit sample", "", f"seed {args.seed}, {len(sample)} of {len(front)} sentences", ""]
        lines += [f"{i}. [{kind}] `{sid}` {text}" for i, (sid, kind, text) in enumerate(sample, 1)]
        Path(args.audit).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"n": system["articles_n"], "system": system, "baselines": baselines, **extra}


__all__ = ["furniture_or_fragment", "gold_outlet", "run"]
