"""``newsfuse eval dedup``: copy detection on copies generated at run time from dev articles.

Originals are dev texts that do not already copy each other (pairs sharing 20 % or more of the
smaller text's 5-word shingles are dropped first: the dev sets hold real wire reprints).  Each
original with copies gets one copy of each kind:

- ``trimmed``: the first 50–90 % of its sentences;
- ``edited``: 5 % of its words replaced by other words of the corpus;
- ``intro``: one to three sentences of another text put in front (a local angle);
- ``boilerplate``: share/newsletter/copyright lines added before and after;
- ``mixed``: trimmed to 50–90 %, then 5 % of words edited, then an intro added.

Copies are dated one to three days after their original; unrelated originals (no copies) are
mixed in.  A predicted ``copy_of`` is right when it points into the article's true group.
Scores: precision, recall, F1 overall; recall per generated kind; precision per predicted kind;
``origin_accuracy`` (share of found copies that point at the true original).  The baseline is a
plain MinHash LSH at Jaccard 0.5 (datasketch's usual near-duplicate setting), no containment.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from datetime import date, timedelta

from datasketch import MinHashLSH

from newsfuse.evals.devtexts import existing_default_sources, load_texts
from newsfuse.model import Article, CopyInfo, PublishedDate, article_id, make_paragraphs
from newsfuse.options import Options
from newsfuse.stories.dedup import copy_signature, find_copies
from newsfuse.text import split_sentences

KINDS = ("trimmed", "edited", "intro", "boilerplate", "mixed")

# Invented page furniture for the "boilerplate" copies.
BOILERPLATE = (
    "Share this article on Facebook, Twitter and WhatsApp.",
    "Sign up for our morning newsletter and get the top stories in your inbox.",
    "All rights reserved. This material may not be republished without permission.",
    "Advertisement",
    "Follow our live coverage on the app for the latest updates.",
    "Photo gallery: the day in pictures, chosen by our editors.",
    "Comments are closed for this article.",
    "Read more from our world news desk below.",
)

MIN_WORDS = 80  # originals shorter than this are too short to trim and still be a copy
OVERLAP_MAX = 0.2  # originals sharing more than this with another are real reprints: dropped


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        action="append",
        default=None,
        help="JSONL file or directory of dev texts (repeatable); default: ECB+ dev and WCEP dev under ../shared/data",
    )
    parser.add_argument("--originals", type=int, default=200, help="originals that get copies (default 200)")
    parser.add_argument("--unrelated", type=int, default=300, help="originals without copies (default 300)")
    parser.add_argument("--seed", type=int, default=13)


def _shingles(text: str, n: int = 5) -> set[str]:
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def distinct_texts(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keep texts (in order) that share at most OVERLAP_MAX of the smaller one's shingles with any kept text."""
    kept: list[tuple[str, str]] = []
    kept_sh: list[set[str]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for title, text in texts:
        if len(text.split()) < MIN_WORDS:
            continue
        sh = _shingles(text)
        counts: dict[int, int] = defaultdict(int)
        for g in sh:
            for k in index.get(g, ()):
                counts[k] += 1
        if any(c / min(len(sh), len(kept_sh[k])) > OVERLAP_MAX for k, c in counts.items()):
            continue
        for g in sh:
            index[g].append(len(kept))
        kept.append((title, text))
        kept_sh.append(sh)
    return kept


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in split_sentences(line)]


def _trim(sents: list[str], rng: random.Random) -> list[str]:
    keep = rng.uniform(0.5, 0.9)
    total = sum(len(s.split()) for s in sents)
    out: list[str] = []
    n = 0
    for s in sents:
        if out and n >= keep * total:
            break
        out.append(s)
        n += len(s.split())
    return out


def _edit(sents: list[str], vocab: list[str], rng: random.Random, share: float = 0.05) -> list[str]:
    out = []
    for s in sents:
        ws = s.split()
        for i in range(len(ws)):
            if rng.random() < share:
                ws[i] = rng.choice(vocab)
        out.append(" ".join(ws))
    return out


def _article(name: str, paras: list[str], title: str, day: date | None, outlet: str) -> Article:
    art = Article(id="", origin=name, paragraphs=make_paragraphs(paras), title=title or None, outlet=outlet)
    art.id = article_id(name, art.text)
    if day is not None:
        art.published = PublishedDate(day.isoformat(), "input", 1.0)
    return art


def build_corpus(
    texts: list[tuple[str, str]], originals: int, unrelated: int, seed: int
) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """(articles, gold group of each article id, generated kind of each copy id)."""
    rng = random.Random(seed)
    pool = distinct_texts(texts)
    rng.shuffle(pool)
    need = originals + unrelated
    if len(pool) < need + originals:
        originals = max(1, len(pool) // 3)
        unrelated = max(0, len(pool) - 2 * originals)
    intros = pool[need : need + originals]  # texts not in the corpus, used for added intros
    vocab = sorted({w for _, t in pool[:need] for w in t.split() if w.isalpha()})
    articles: list[Article] = []
    group: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    start = date(2020, 1, 1)
    for i, (title, text) in enumerate(pool[:need]):
        day = start + timedelta(days=rng.randrange(0, 60))
        sents = _sentences(text)
        orig = _article(f"orig-{i}", sents, title, day, f"outlet{i % 37}")
        articles.append(orig)
        group[orig.id] = orig.id
        if i >= originals:
            continue
        intro_sents = _sentences(intros[i % len(intros)][1])[: rng.randint(1, 3)] if intros else []
        for k in KINDS:
            if k == "trimmed":
                paras = _trim(sents, rng)
            elif k == "edited":
                paras = _edit(sents, vocab, rng)
            elif k == "intro":
                paras = [" ".join(intro_sents), *sents]
            elif k == "boilerplate":
                bp = rng.sample(BOILERPLATE, 4)
                paras = [bp[0], bp[1], *sents, bp[2], bp[3]]
            else:
                paras = [" ".join(intro_sents), *_edit(_trim(sents, rng), vocab, rng)]
            cday = day + timedelta(days=rng.randint(1, 3))
            c = _article(f"copy-{i}-{k}", paras, title, cday, f"reprint{rng.randrange(50)}")
            articles.append(c)
            group[c.id] = orig.id
            kind_of[c.id] = k
    rng.shuffle(articles)
    return articles, group, kind_of


def score(articles: list[Article], group: dict[str, str], kind_of: dict[str, str]) -> dict[str, float]:
    predicted = [a for a in articles if a.copy_of is not None]
    right = [a for a in predicted if a.copy_of is not None and group.get(a.copy_of.of) == group[a.id]]
    by_id = {a.id: a for a in articles}
    p = len(right) / len(predicted) if predicted else 1.0
    found = [i for i in kind_of if (ci := by_id[i].copy_of) is not None and group.get(ci.of) == group[i]]
    r = len(found) / len(kind_of) if kind_of else 1.0
    out = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    out["origin_accuracy"] = (
        sum(1 for i in found if (ci := by_id[i].copy_of) is not None and ci.of == group[i]) / len(found)
        if found
        else 0.0
    )
    found_set = set(found)
    for k in KINDS:
        ids = [i for i, kk in kind_of.items() if kk == k]
        out[f"recall_{k}"] = sum(1 for i in ids if i in found_set) / len(ids) if ids else 0.0
    for pk in ("exact", "near", "contained"):
        mine = [a for a in predicted if a.copy_of is not None and a.copy_of.kind == pk]
        ok = [a for a in mine if a.copy_of is not None and group.get(a.copy_of.of) == group[a.id]]
        out[f"precision_{pk}"] = len(ok) / len(mine) if mine else 1.0
    return out


def minhash_baseline(articles: list[Article], options: Options, threshold: float = 0.5) -> None:
    """Plain near-duplicate detection: LSH at Jaccard 0.5, earliest (then longest) member is the origin."""
    sigs = sorted(
        (copy_signature(a, options) for a in articles), key=lambda s: (s.date is None, s.date or "", -s.size, s.id)
    )
    lsh = MinHashLSH(threshold=threshold, num_perm=options.dedup.num_perm)
    root: dict[str, str] = {}
    rank: dict[str, int] = {}
    result: dict[str, CopyInfo] = {}
    for s in sigs:
        if s.minhash is None:
            continue
        hits = lsh.query(s.minhash)
        if hits:
            first = min(hits, key=rank.__getitem__)
            root[s.id] = root[first]
            result[s.id] = CopyInfo(of=root[first], similarity=threshold, kind="near")
        else:
            root[s.id] = s.id
        lsh.insert(s.id, s.minhash)
        rank[s.id] = len(rank)
    for a in articles:
        a.copy_of = result.get(a.id)


def run(args: argparse.Namespace) -> dict:
    sources = args.source or existing_default_sources()
    if not sources:
        raise FileNotFoundError("no dev texts: pass --source FILE_OR_DIR (default ../shared/data/...)")
    if args.originals < 1 or args.unrelated < 0:
        raise ValueError("--originals must be >= 1 and --unrelated >= 0")
    articles, group, kind_of = build_corpus(load_texts(sources), args.originals, args.unrelated, args.seed)
    options = Options()
    find_copies(articles, options)
    system = score(articles, group, kind_of)
    minhash_baseline(articles, options)
    baseline = score(articles, group, kind_of)
    return {
        "n": len(articles),
        "copies": len(kind_of),
        "system": system,
        "baselines": {"minhash_jaccard_0.5": baseline},
    }
