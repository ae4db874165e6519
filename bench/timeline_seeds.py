"""Print the story timeline of the seed articles, for checking by hand.

    PYTHONPATH=src python bench/timeline_seeds.py ../shared/seeds [--published FILE_PREFIX=YYYY-MM-DD ...]

The seeds are plain text without metadata.  Publication dates come from the pipeline's readers; an
article without one can be given one with ``--published`` (e.g. the date a reader infers from the
text), else only its absolute dates are placed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfuse.model import PublishedDate, Story
from newsfuse.options import Options
from newsfuse.timeline import story_timeline
from newsfuse.timeline.command import read_topic


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--published", action="append", default=[], help="FILE_PREFIX=YYYY-MM-DD")
    args = ap.parse_args()
    paths = sorted(str(p) for p in Path(args.dir).iterdir() if p.is_file())
    articles = read_topic(paths, Options())
    given = dict(x.split("=", 1) for x in args.published)
    for a in articles:
        name = Path(a.origin.split("#")[0]).name
        a.outlet = a.outlet or name[:3]
        for prefix, day in given.items():
            if name.startswith(prefix):
                a.published = PublishedDate(day, "input", 1.0)
        print(f"{name}: published {a.date}", file=sys.stderr)
    by_id = {a.id: a for a in articles}
    story = Story(id="seeds", articles=list(by_id))
    for e in story_timeline(story, by_id, Options()):
        print(f"{e.date:10} {e.granularity:5} [{', '.join(e.outlets)}] {e.expressions} :: {e.text[:150]}")
    for n in story.notes:
        print("note:", n)


if __name__ == "__main__":
    main()
