"""``newsfuse eval summarize FILE [--words N [N ...]] [--write DIR]`` (format D): ROUGE against references.

Protocol (WCEP / DUC): rouge-score on lowercased text, no stemming; every summary (system and
baselines) is cut at N words before scoring; F-measure (``*_f``) and recall (``*_r``, DUC's
figure) are both reported.  Several lengths (``--words 100 250``) are scored in one run, each
with all baselines, under ``by_words``; a single length keeps the flat ``system``/``baselines``.  With N at most ``options.summary.headline_words``
the system output is the story headline (one sentence); otherwise it is the story summary with
``summary_words = N``.  With several references a cluster's figures are averaged over them.
The system goes through the same :func:`newsfuse.summary.summarize_story` as ``analyze``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsfuse.evals.records import read_jsonl
from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.summary import summarize_story
from newsfuse.summary.baselines import BASELINES
from newsfuse.summary.citations import overlap
from newsfuse.text import split_sentences

# A summary sentence sharing this much of its content words with the headline repeats it.
REPEAT_OVERLAP = 0.6

KEYS = ("rouge1_f", "rouge2_f", "rougeL_f", "rouge1_r", "rouge2_r", "rougeL_r")
ROUGES = ("rouge1", "rouge2", "rougeL")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="format D JSONL: {id, articles: [{id, title, text, date}], references: [...]}")
    parser.add_argument(
        "--words",
        type=int,
        nargs="+",
        default=[100],
        help="summary length(s) in words (default 100; <= 40: headline mode); several, e.g. 100 250, are scored in one run",
    )
    parser.add_argument(
        "--write",
        default=None,
        metavar="DIR",
        help="write each system summary to DIR/<cluster id>.txt (DIR/<N>/ with several lengths)",
    )
    parser.add_argument("--headline-only", action="store_true", help="headline mode: score the headline sentence alone")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters (quick checks)")
    parser.add_argument(
        "--no-rouge-l",
        action="store_true",
        help="skip ROUGE-L: its longest-common-subsequence table is most of the run time at 250 words",
    )


def cluster_story(record: dict[str, Any]) -> tuple[Story, dict[str, Article]]:
    """Articles and a story built from one format-D record, as the pipeline would see them."""
    by_id: dict[str, Article] = {}
    for i, a in enumerate(record.get("articles") or []):
        aid = str(a.get("id") or f"{record.get('id')}-{i}")
        paras = [p for p in str(a.get("text") or "").split("\n")]
        art = Article(
            id=aid, origin=f"{record.get('id')}#{i}", paragraphs=make_paragraphs(paras), title=a.get("title") or None
        )
        if a.get("date"):
            art.published = PublishedDate(value=str(a["date"]), source="input", confidence=1.0)
        by_id[aid] = art
    ids = sorted(by_id, key=lambda k: (by_id[k].date or "9999", list(by_id).index(k)))
    story = Story(id=str(record.get("id")), articles=ids)
    return story, by_id


def cut(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def _scorer(rouges: tuple[str, ...] = ROUGES) -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(rouges), use_stemmer=False)


def score(
    scorer: Any, summary: str, references: list[str], n: int, rouges: tuple[str, ...] = ROUGES
) -> dict[str, float]:
    out = {f"{k}_{m}": 0.0 for m in ("f", "r") for k in rouges}
    refs = [r for r in references if r.strip()]
    if not refs:
        return out
    text = cut(summary, n).lower()
    for ref in refs:
        s = scorer.score(ref.lower(), text)
        for k in rouges:
            out[f"{k}_f"] += s[k].fmeasure / len(refs)
            out[f"{k}_r"] += s[k].recall / len(refs)
    return out


def system_text(
    story: Story, by_id: dict[str, Article], words: int, options: Options, headline_only: bool = False
) -> str:
    """The text scored for one cluster.

    Headline mode (``words <= headline_words``): the headline, then (unless ``headline_only``) the
    summary's sentences that do not repeat it, as a reader sees the story card; cut at N words later.
    """
    summarize_story(story, by_id, options)
    if words > options.summary.headline_words:
        return " ".join(s.text for s in story.summary)
    head = story.headline.text if story.headline else ""
    if headline_only:
        return head
    parts = [head] if head else []
    for s in story.summary:
        if overlap(s.text, head) < REPEAT_OVERLAP:
            parts.append(s.text)
    return " ".join(parts)


def _lengths(words: int | list[int]) -> list[int]:
    lengths = [words] if isinstance(words, int) else list(dict.fromkeys(words))
    if not lengths or any(n < 1 for n in lengths):
        raise ValueError(f"--words must be positive, got {words}")
    return lengths


def _averages(sums: dict[str, float], n: int) -> dict[str, float]:
    return {k: round(v / n, 4) if n else 0.0 for k, v in sums.items()}


def run(args: argparse.Namespace) -> dict[str, Any]:
    lengths = _lengths(args.words)
    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    write_root = Path(args.write) if args.write else None
    rouges = tuple(k for k in ROUGES if not (getattr(args, "no_rouge_l", False) and k == "rougeL"))
    keys = [k for k in KEYS if k.rpartition("_")[0] in rouges]
    scorer = _scorer(rouges)
    sums = {w: dict.fromkeys(keys, 0.0) for w in lengths}
    base_sums = {w: {name: dict.fromkeys(keys, 0.0) for name in BASELINES} for w in lengths}
    n = 0
    for _, record in read_jsonl(path):
        if args.limit is not None and n >= args.limit:
            break
        refs = [str(r) for r in record.get("references") or []]
        story, by_id = cluster_story(record)
        docs = [[s for p in by_id[a].paragraphs for s in split_sentences(p.text)] for a in story.articles]
        # A baseline's sentences for N words are a prefix of those for more words (each fills in
        # one fixed order until the budget is reached), so one run at the longest length serves all.
        base_texts = {name: " ".join(fn(docs, max(lengths), Options().seed + n)) for name, fn in BASELINES.items()}
        for words in lengths:
            options = Options()
            if words > options.summary.headline_words:
                options.summary.summary_words = words
            story, by_id = cluster_story(record)  # afresh: summarize_story sets the story's fields
            text = system_text(story, by_id, words, options, args.headline_only)
            if write_root:
                write_dir = write_root / str(words) if len(lengths) > 1 else write_root
                write_dir.mkdir(parents=True, exist_ok=True)
                (write_dir / f"{Path(str(record.get('id'))).name}.txt").write_text(text + "\n", encoding="utf-8")
            for k, v in score(scorer, text, refs, words, rouges).items():
                sums[words][k] += v
            for name, btext in base_texts.items():
                for k, v in score(scorer, btext, refs, words, rouges).items():
                    base_sums[words][name][k] += v
        n += 1
    by_words = {
        w: {"system": _averages(sums[w], n), "baselines": {name: _averages(s, n) for name, s in base_sums[w].items()}}
        for w in lengths
    }
    if len(lengths) == 1:
        return {"n": n, **by_words[lengths[0]]}
    return {"n": n, "by_words": {str(w): figures for w, figures in by_words.items()}}
