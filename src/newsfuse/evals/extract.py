"""``newsfuse eval extract DIR``: HTML extraction on a format-A set (``html/<id>.html.gz`` + ``ground-truth.json``).

Body: the Zyte benchmark's shingle precision/recall/F1.  Title and author: equal as lowercase
``\\w+`` token sequences; date: equal as ``YYYY-MM-DD``; each accuracy over the pages whose ground
truth has the field (null when none has it).  Baseline: trafilatura alone with its defaults
(``bare_extraction(html, url=url, with_metadata=True)``), in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path
from typing import Any

from newsfuse.evals.metrics import prf, shingle_pr
from newsfuse.extract.html import extract_html
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options
from newsfuse.readers import read_bytes

_TOKEN = re.compile(r"\w+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="dataset folder with html/<id>.html.gz and ground-truth.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the trafilatura baseline (faster)")


def _toks(s: str | None) -> list[str]:
    return _TOKEN.findall((s or "").lower())


class _Scores:
    def __init__(self) -> None:
        self.p: list[float] = []
        self.r: list[float] = []
        self.fields: dict[str, list[bool]] = {"title": [], "date": [], "author": []}

    def add(self, gold: dict[str, Any], body: str, title: str | None, date: str | None, author: str | None) -> None:
        p, r = shingle_pr(body, gold.get("articleBody", ""))
        self.p.append(p)
        self.r.append(r)
        if "title" in gold:
            self.fields["title"].append(bool(_toks(gold["title"])) and _toks(title) == _toks(gold["title"]))
        if "author" in gold:
            self.fields["author"].append(bool(_toks(gold["author"])) and _toks(author) == _toks(gold["author"]))
        if "date" in gold:
            self.fields["date"].append(date == gold["date"])

    def result(self) -> dict[str, float | None]:
        out: dict[str, float | None] = dict(prf(self.p, self.r))
        for name, hits in self.fields.items():
            out[f"{name}_accuracy"] = sum(hits) / len(hits) if hits else None
        return out


def _load_doc(path: Path, gold: dict[str, Any], options: Options) -> RawDocument | None:
    for item in read_bytes(path.read_bytes(), str(path), options, name=path.name):
        if isinstance(item, RawDocument):
            item.url = gold.get("url") or None
            item.kind = "html"  # the set is HTML by definition, whatever the sniffing says
            return item
    return None


def run(args: argparse.Namespace) -> dict[str, Any]:
    from trafilatura import bare_extraction

    root = Path(args.dir)
    gt_path = root / "ground-truth.json"
    if not gt_path.is_file():
        raise ValueError(f"{gt_path} not found: not a format-A extraction set")
    truth: dict[str, dict[str, Any]] = json.loads(gt_path.read_text(encoding="utf-8"))
    ids = sorted(truth)
    if args.limit is not None:
        if args.limit < 1:
            raise ValueError("--limit must be positive")
        ids = ids[: args.limit]
    options = Options()
    system, base = _Scores(), _Scores()
    for pid in ids:
        gold = truth[pid]
        path = root / "html" / f"{pid}.html.gz"
        doc = _load_doc(path, gold, options) if path.is_file() else None
        art = extract_html(doc, options) if doc else None
        if isinstance(art, Article):
            system.add(gold, art.text, art.title, art.date, art.author)
        else:  # unread or rejected: an empty prediction, scored as such
            system.add(gold, "", None, None, None)
        if not args.no_baseline:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace") if path.is_file() else ""
            res: Any = bare_extraction(html, url=gold.get("url"), with_metadata=True) if html else None
            if res is None:
                base.add(gold, "", None, None, None)
            else:
                base.add(gold, res.text or "", res.title, res.date, res.author)
    out: dict[str, Any] = {"n": len(ids), "system": system.result(), "baselines": {}}
    if not args.no_baseline:
        out["baselines"]["trafilatura"] = base.result()
    return out
