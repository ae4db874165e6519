"""How often the sentence-case "headline retold by its lead" split fires on real records, and a
random sample of its splits to read by hand.

    PYTHONPATH=src python bench/echo_titles.py ../shared/data/timeline/t17-dev --sample 40 --seed 7

Prints ``N of M`` records, then ``title ||| start of the body`` per sampled split.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from newsfuse.extract import extract_documents
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path, help="folder of <topic>/articles.jsonl")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    raws = []
    for path in sorted(args.root.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            raws.append(
                RawDocument(
                    origin=str(rec.get("id")),
                    content=rec.get("text") or "",
                    kind="text",
                    input_format="jsonl",
                    title=rec.get("title") or None,
                    date=rec.get("date"),
                )
            )
    out = extract_documents(raws, Options())
    hits = [
        (r.text, a.paragraphs[0].text[:100] if a.paragraphs else "")
        for a in out
        if isinstance(a, Article)
        for r in a.removed
        if "retells" in r.detail
    ]
    print(f"{len(hits)} of {len(raws)} records")
    for title, body in random.Random(args.seed).sample(hits, min(args.sample, len(hits))):
        print(f"- {title} ||| {body}")


if __name__ == "__main__":
    main()
