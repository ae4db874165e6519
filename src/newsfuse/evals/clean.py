"""``newsfuse eval clean DIR``: plain-text cleaning on a format-B set (``DIR/<id>.txt`` + ``gold.jsonl``).

Figures (every one a fraction in [0, 1]):

- ``precision`` / ``recall`` / ``f1``: the Zyte benchmark's shingle metric on the body
  (per page, averaged; F1 of the averages);
- ``comment_leakage``: over the pages with gold comments, the share of all their comment shingles
  (those not also in the gold body, e.g. a quoted sentence) that the predicted bodies keep, pooled
  (a page with a long thread weighs more, as a reader would see it); ``comment_leakage_per_page``
  is the same share averaged page by page (a short thread weighs as much as a long one);
- ``title_accuracy``: predicted title equal to the gold one as lowercase ``\\w+`` token sequences,
  over pages with a gold title.

Baselines, same keys: ``keep_everything`` (the whole text is body, first line is the title) and
``justext`` (each line wrapped in ``<p>``, jusText with the English stoplist; first line as title).
A document the cleaner rejects counts as an empty prediction.
"""

from __future__ import annotations

import argparse
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsfuse.evals.metrics import prf, shingle_pr, shingles
from newsfuse.evals.records import read_jsonl
from newsfuse.extract.text import clean_texts
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options

_TOKEN = re.compile(r"\w+", re.UNICODE)

Prediction = tuple[str, str | None]  # (body, title)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="format-B directory: <id>.txt files and gold.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="evaluate only the first N pages (0 = all)")
    parser.add_argument("--no-baselines", action="store_true", help="skip the baselines (faster)")
    parser.add_argument("--per-page", metavar="FILE", help="write per-page figures of the system as JSONL")


def load_gold(directory: Path, limit: int = 0) -> list[dict[str, Any]]:
    gold_path = directory / "gold.jsonl"
    if not gold_path.is_file():
        raise ValueError(f"{gold_path} not found: not a format-B directory")
    gold: list[dict[str, Any]] = []
    for n, rec in read_jsonl(gold_path):
        if not (directory / f"{rec.get('id')}.txt").is_file():
            raise ValueError(f"{gold_path}:{n}: missing {rec.get('id')}.txt")
        gold.append(rec)
    gold.sort(key=lambda r: r["id"])
    return gold[:limit] if limit > 0 else gold


def title_tokens(s: str | None) -> list[str]:
    return _TOKEN.findall((s or "").lower())


def leaked(pred_body: str, gold_body: str, gold_comments: str) -> tuple[int, int]:
    """(comment shingles kept in the predicted body, comment shingles of the page); comment
    shingles that the gold body also has (a quoted sentence) are not counted."""
    com = shingles(gold_comments) - shingles(gold_body)
    return sum((shingles(pred_body) & com).values()), sum(com.values())


def leakage(pred_body: str, gold_body: str, gold_comments: str) -> float | None:
    """Share of one page's comment shingles kept in the predicted body (None without comments)."""
    kept, total = leaked(pred_body, gold_body, gold_comments)
    return kept / total if total else None


def score(preds: list[Prediction], gold: list[dict[str, Any]]) -> dict[str, float]:
    ps: list[float] = []
    rs: list[float] = []
    leak_kept = leak_total = 0
    page_leaks: list[float] = []
    titles: list[bool] = []
    for (body, title), g in zip(preds, gold, strict=True):
        p, r = shingle_pr(body, g["body"])
        ps.append(p)
        rs.append(r)
        if g.get("comments"):
            kept, total = leaked(body, g["body"], g["comments"])
            leak_kept += kept
            leak_total += total
            if total:
                page_leaks.append(kept / total)
        if g.get("title"):
            titles.append(title_tokens(title) == title_tokens(g["title"]))
    out = prf(ps, rs)
    out["comment_leakage"] = leak_kept / leak_total if leak_total else 0.0
    out["comment_leakage_per_page"] = sum(page_leaks) / len(page_leaks) if page_leaks else 0.0
    out["title_accuracy"] = sum(titles) / len(titles) if titles else 0.0
    return out


def _first_line(text: str) -> str | None:
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), None)


def keep_everything(text: str) -> Prediction:
    return "\n".join(ln.strip() for ln in text.splitlines() if ln.strip()), _first_line(text)


def justext_baseline() -> Callable[[str], Prediction]:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(text: str) -> Prediction:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if not lines:
            return "", None
        page = "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in lines) + "</body></html>"
        paras = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paras if not p.is_boilerplate), _first_line(text)

    return run


def system_predictions(directory: Path, gold: list[dict[str, Any]], options: Options) -> list[Prediction]:
    docs = [
        RawDocument(
            origin=str(directory / f"{g['id']}.txt"),
            content=(directory / f"{g['id']}.txt").read_text(encoding="utf-8"),
            kind="text",
            input_format="text",
        )
        for g in gold
    ]
    preds: list[Prediction] = []
    for item in clean_texts(docs, options):
        if isinstance(item, Article):
            preds.append((item.text, item.title))
        else:
            preds.append(("", None))
    return preds


def run(args: argparse.Namespace) -> dict[str, Any]:
    directory = Path(args.dir)
    if not directory.is_dir():
        raise ValueError(f"{directory} is not a directory")
    gold = load_gold(directory, getattr(args, "limit", 0) or 0)
    preds = system_predictions(directory, gold, Options())
    result: dict[str, Any] = {"n": len(gold), "system": score(preds, gold), "baselines": {}}
    per_page = getattr(args, "per_page", None)
    if per_page:
        with open(per_page, "w", encoding="utf-8") as f:
            for (body, title), g in zip(preds, gold, strict=True):
                p, r = shingle_pr(body, g["body"])
                lk = leakage(body, g["body"], g["comments"]) if g.get("comments") else None
                f.write(
                    json.dumps(
                        {
                            "id": g["id"],
                            "precision": p,
                            "recall": r,
                            "leakage": lk,
                            "title": title,
                            "gold_title": g.get("title"),
                        }
                    )
                    + "\n"
                )
    if not getattr(args, "no_baselines", False):
        texts = [(directory / f"{g['id']}.txt").read_text(encoding="utf-8") for g in gold]
        result["baselines"]["keep_everything"] = score([keep_everything(t) for t in texts], gold)
        jt = justext_baseline()
        result["baselines"]["justext"] = score([jt(t) for t in texts], gold)
    return result
