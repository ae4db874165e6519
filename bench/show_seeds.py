"""Print what the plain-text cleaner makes of the seed articles, for a by-hand check.

    python bench/show_seeds.py [DIR]     (default: ../shared/seeds)

Title / outlet / date / author, every body paragraph, and every removed block with its reason.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from newsfuse.extract.text import clean_texts
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options


def main() -> None:
    directory = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
    )
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {directory}")
    docs = [
        RawDocument(origin=str(p), content=p.read_text(encoding="utf-8"), kind="text", input_format="text")
        for p in paths
    ]
    for p, item in zip(paths, clean_texts(docs, Options()), strict=True):
        print("=" * 100)
        print(p.name)
        if not isinstance(item, Article):
            print(f"  REJECTED: {item.reason} {item.detail}")
            continue
        date = (
            f"{item.published.value} ({item.published.source}, {item.published.confidence})" if item.published else None
        )
        print(f"  title : {item.title}")
        print(f"  outlet: {item.outlet} ({item.outlet_source})")
        print(f"  date  : {date}")
        print(f"  author: {item.author}")
        print(f"  body  : {len(item.paragraphs)} paragraphs, {len(item.text)} chars")
        for para in item.paragraphs:
            print(textwrap.indent(textwrap.shorten(para.text, 160), f"    {para.id:>4} "))
        print(f"  removed: {len(item.removed)} blocks")
        for r in item.removed:
            print(f"    [{r.position:>3}] {r.reason:<10} {textwrap.shorten(r.text, 70):<72} <- {r.detail}")


if __name__ == "__main__":
    main()
