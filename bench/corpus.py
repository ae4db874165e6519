"""Build large, realistic benchmark corpora at run time from the dev data in ``../shared/data``.

Nothing generated here is committed: the corpus is rebuilt (deterministically, from ``--seed``) in
a scratch folder each time.  Sentences come from real news texts (clustering, summarization and
timeline dev sets); they are recombined into N articles:

* events: a group of related source texts (an ECB+ cluster, a WCEP cluster, a Timeline17 topic
  week) reported again at several moments in time (an *epoch*), so 100k articles still form
  stories of ~10-30 articles each instead of a few giant ones;
* dates spread at about ``--per-day`` articles a day (density stays the same as N grows, as in a
  growing archive), outlets drawn from 60 invented outlets;
* reprints (~8%): exact copies, trimmed copies and copies with an added intro, by another outlet;
* plain-text files get scraped page furniture the cleaner must remove: navigation lines, a
  byline and dateline, share/subscribe prompts, a copyright footer, sometimes a comment thread.

Usage: ``python bench/corpus.py --shared ../shared -n 10000 --out /tmp/corpus`` (``--format``
text, jsonl or mixed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from newsfuse.text import split_sentences

# Invented outlet names (no real outlet is meant): 6 x 10 = 60 outlets.
_OUTLET_A = ["Daily", "Evening", "Morning", "Northern", "Coastal", "Metro"]
_OUTLET_B = [
    "Ledger",
    "Courier",
    "Herald",
    "Dispatch",
    "Sentinel",
    "Observer",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Monitor",
]
_NAV = ["Home | World | Politics | Business | Sport", "Menu Search Sign in", "News > World > Europe", "Skip to content"]
_PROMO = [
    "Share this article",
    "Follow us on social media for the latest updates.",
    "Subscribe to our newsletter and never miss a story.",
    "Support independent journalism: donate today.",
    "Related: more stories from this section",
]
_COMMENTS = ["Great reporting, thanks.", "This is not the whole story.", "Who pays for all this?", "Finally some news."]
_USERS = ["reader_42", "jsmith", "anna.k", "truthseeker9", "mikeb"]

START = date(2019, 1, 1)
MIN_POOL = 24


@dataclass
class Group:
    key: str
    titles: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def _add(groups: dict[str, Group], key: str, title: str, text: str) -> None:
    g = groups.setdefault(key, Group(key))
    if title.strip():
        g.titles.append(title.strip())
    for line in text.split("\n"):
        g.sentences.extend(s for s in split_sentences(line) if 40 <= len(s) <= 400)


def load_groups(shared: Path) -> list[Group]:
    """Related texts from the dev data, grouped (read by path, never copied into the repo)."""
    data = shared / "data"
    groups: dict[str, Group] = {}
    with (data / "clustering" / "ecbplus-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            _add(groups, "ecb:" + r["cluster"], r.get("title") or "", r["text"])
    with (data / "summarization" / "wcep-sample-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            for a in r["articles"]:
                _add(groups, "wcep:" + r["id"], a.get("title") or "", a["text"])
    for topic in sorted((data / "timeline" / "t17-dev").iterdir()):
        with (topic / "articles.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                d = date.fromisoformat(r["date"])
                week = d.isocalendar()
                _add(groups, f"t17:{topic.name}:{week[0]}-{week[1]}", r.get("title") or "", r["text"])
    # An event needs enough sentences for several articles that are NOT copies of each other:
    # each article draws at most a third of its group's pool (see generate), so two articles of
    # one event share a few sentences (as reports of one event do), not most of their text.
    out = [g for g in groups.values() if len(g.sentences) >= MIN_POOL]
    out.sort(key=lambda g: g.key)
    return out


@dataclass
class Doc:
    title: str
    paragraphs: list[str]
    date: str
    outlet: str
    url: str
    author: str


def _outlet(rnd: random.Random) -> tuple[str, str]:
    a, b = rnd.choice(_OUTLET_A), rnd.choice(_OUTLET_B)
    return f"The {a} {b}", f"{a}{b}".lower() + ".example"


def generate(groups: list[Group], n: int, seed: int, per_day: int = 100) -> list[Doc]:
    """``n`` articles recombined from ``groups``; deterministic for a given seed."""
    if n < 1:
        raise ValueError("n must be at least 1")
    rnd = random.Random(seed)
    span = max(30, n // per_day)
    docs: list[Doc] = []
    event_docs: list[Doc] = []
    while len(docs) < n:
        g = rnd.choice(groups)
        start = START + timedelta(days=rnd.randrange(span))
        size = rnd.randint(3, 30)
        event_docs = []
        for _ in range(min(size, n - len(docs))):
            name, domain = _outlet(rnd)
            d = (start + timedelta(days=rnd.randrange(6))).isoformat()
            slug = rnd.randrange(10**9)
            if event_docs and rnd.random() < 0.08:  # a reprint of an earlier article of this event
                src = rnd.choice(event_docs)
                paras = list(src.paragraphs)
                kind = rnd.random()
                if kind < 0.4:
                    pass  # exact copy
                elif kind < 0.75 and len(paras) > 2:
                    paras = paras[: max(2, int(len(paras) * rnd.uniform(0.5, 0.9)))]  # trimmed
                else:
                    paras = [f"({src.outlet}) Reprinted with permission.", *paras]  # added intro
                docs.append(Doc(src.title, paras, d, name, f"https://{domain}/news/{slug}", src.author))
            else:
                k = rnd.randint(6, max(6, min(20, len(g.sentences) // 3)))
                picked = sorted(rnd.sample(range(len(g.sentences)), k))
                sents = [g.sentences[i] for i in picked]
                paras = []
                while sents:
                    take = rnd.randint(1, 3)
                    paras.append(" ".join(sents[:take]))
                    sents = sents[take:]
                title = rnd.choice(g.titles) if g.titles and rnd.random() < 0.8 else sents_title(paras[0])
                author = (
                    f"{rnd.choice(['A.', 'J.', 'M.', 'S.'])} {rnd.choice(['Novak', 'Okafor', 'Silva', 'Berg', 'Hale'])}"
                )
                docs.append(Doc(title, paras, d, name, f"https://{domain}/news/{slug}", author))
            event_docs.append(docs[-1])
    return docs


def sents_title(first: str) -> str:
    words = first.split()
    return " ".join(words[: min(12, len(words))]).rstrip(".,;:")


def as_text(doc: Doc, rnd: random.Random) -> str:
    """The article as a scraped page's text: furniture around the body, sometimes comments."""
    d = date.fromisoformat(doc.date)
    lines = [rnd.choice(_NAV), doc.title, f"By {doc.author}", f"{d.strftime('%B')} {d.day}, {d.year}", ""]
    for p in doc.paragraphs:
        lines += [p, ""]
    lines += rnd.sample(_PROMO, 2)
    lines.append(f"© {d.year} {doc.outlet}. All rights reserved.")
    if rnd.random() < 0.2:
        lines.append("Comments")
        for _ in range(rnd.randint(1, 4)):
            lines += [f"{rnd.choice(_USERS)} {rnd.randint(1, 23)} hours ago", rnd.choice(_COMMENTS), "Reply"]
    return "\n".join(lines) + "\n"


def write_corpus(docs: list[Doc], out: Path, fmt: str, seed: int, jsonl_records: int = 1000) -> list[str]:
    """Write ``docs``; returns the input paths to give to ``newsfuse analyze``.

    text: one ``.txt`` per article in ``out/text/<outlet>/`` (the cleaner's corpus evidence works
    per outlet); jsonl: gzip JSONL shards of ``jsonl_records`` records; mixed: half and half.
    """
    if fmt not in ("text", "jsonl", "mixed"):
        raise ValueError(f"format must be text, jsonl or mixed, not {fmt!r}")
    rnd = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    as_json = [fmt == "jsonl" or (fmt == "mixed" and i % 2 == 1) for i in range(len(docs))]
    if not all(as_json):
        root = out / "text"
        for i, doc in enumerate(docs):
            if as_json[i]:
                continue
            folder = root / doc.outlet.replace(" ", "_")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:07d}.txt").write_text(as_text(doc, rnd), encoding="utf-8")
        paths.append(str(root))
    if any(as_json):
        root = out / "jsonl"
        root.mkdir(parents=True, exist_ok=True)
        recs = [d for i, d in enumerate(docs) if as_json[i]]
        for s in range(0, len(recs), jsonl_records):
            with gzip.open(
                root / f"part-{s // jsonl_records:05d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1
            ) as fh:
                for d in recs[s : s + jsonl_records]:
                    rec = {
                        "title": d.title,
                        "text": "\n\n".join(d.paragraphs),
                        "date": d.date,
                        "source": d.outlet,
                        "url": d.url,
                        "author": d.author,
                    }
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(str(root))
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared", help="the shared folder (holding data/)")
    ap.add_argument("-n", type=int, default=1000, help="number of articles")
    ap.add_argument("--out", required=True, help="folder to write (created)")
    ap.add_argument("--format", choices=["text", "jsonl", "mixed"], default="text")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-day", type=int, default=100, help="articles per day (sets the time span)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    groups = load_groups(Path(args.shared))
    docs = generate(groups, args.n, args.seed, args.per_day)
    paths = write_corpus(docs, Path(args.out), args.format, args.seed)
    print(
        f"{len(docs)} articles from {len(groups)} source groups in {time.perf_counter() - t0:.1f}s: {' '.join(paths)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
