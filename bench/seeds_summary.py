"""Hand check of the summariser on the five seed articles (read by path, never copied).

    PYTHONPATH=src python bench/seeds_summary.py ../shared/seeds

The seeds are raw scrapes with reader comments and page furniture.  Until the cleaner runs in
front of this check, the obvious comment/footer tails are cut here by hand (markers below, this
script only) so the check is about the summariser.  Prints the headline and summary with
citations and, for each, the cited paragraphs, so a reader can judge support.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.summary import summarize_story

# Where each seed's article ends and comments/footers begin (first matching line cuts the rest).
TAIL_MARKERS = re.compile(
    r"^\s*(?:•|Help us grow|Note to readers|This article is written|What do you think\?|\\\*$|Categories:)"
)


def load(path: Path, outlet: str) -> Article:
    lines = path.read_text(encoding="utf-8").splitlines()
    body: list[str] = []
    for line in lines:
        if TAIL_MARKERS.match(line):
            break
        body.append(line)
    paras = [p for p in body if p.strip()]
    title = next((p.strip() for p in paras if len(p.split()) >= 5), None)
    paras = [p for p in paras if p.strip() != title]
    a = Article(id=path.stem[:3], origin=str(path), paragraphs=make_paragraphs(paras), title=title, outlet=outlet)
    a.published = PublishedDate(value="2020-01-14", source="input", confidence=0.5)
    return a


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
    files = sorted(root.glob("*.txt"))
    by_id = {a.id: a for a in (load(p, f"outlet-{i}") for i, p in enumerate(files))}
    story = Story(id="seeds", articles=list(by_id))
    summarize_story(story, by_id, Options())
    for label, sents in (("HEADLINE", [story.headline] if story.headline else []), ("SUMMARY", story.summary)):
        print(f"== {label}")
        for s in sents:
            cites = ", ".join(f"{c.article}#{c.paragraph}" for c in s.sources)
            print(f"- {s.text}\n  [{cites}] independent sources: {s.independent_sources}")
            for c in s.sources:
                para = next((p.text for p in by_id[c.article].paragraphs if p.id == c.paragraph), "?")
                print(f"    {c.article}#{c.paragraph}: {para[:160]}")


if __name__ == "__main__":
    main()
