"""Cost of one big story: the per-story analysis (`pipeline.story_step`) of one story of N articles.

The articles are generated here (20 short invented paragraphs each, see ``bench_big_article.py``),
all on one event and three days, so every per-story stage sees N articles at once, as the web app's
updater does when a story keeps growing.  Prints CPU seconds per size and the growth per doubling,
with the notes the story got (what the caps left out).

    PYTHONPATH=src python bench/bench_big_story.py --sizes 400 800 1600 3200
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_big_article import paragraphs

from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.pipeline import story_step


def articles(n: int, per: int) -> list[Article]:
    return [
        Article(
            id=f"a{i:05d}",
            origin=f"bench/{i}",
            outlet=f"Outlet {i % 40}",
            paragraphs=make_paragraphs(paragraphs(per, seed=i)),
            title=f"Kelbrook dam works report {i}",
            published=PublishedDate(f"2021-03-{15 + i % 3:02d}", "input", 1.0),
        )
        for i in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[400, 800, 1600, 3200])
    ap.add_argument("--paragraphs", type=int, default=20, help="paragraphs per article")
    args = ap.parse_args()
    prev = None
    for n in sorted(args.sizes):
        arts = articles(n, args.paragraphs)
        story = Story(id="s1", articles=[a.id for a in arts])
        t0 = time.process_time()
        story_step(story, {a.id: a for a in arts}, Options())
        cpu = time.process_time() - t0
        growth = f" (x{cpu / prev:.2f})" if prev else ""
        print(f"{n:>6} articles: {cpu:6.1f} s CPU{growth}", flush=True)
        for note in story.notes:
            print(f"        note: {note}")
        prev = cpu


if __name__ == "__main__":
    main()
