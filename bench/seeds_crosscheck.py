"""Run the cross-check on the five seed articles (read by path) and print it for checking by hand.

    PYTHONPATH=src python bench/seeds_crosscheck.py [SEED_DIR] [--json]

Until the cleaner is wired in, reader comments and site furniture are cut here with a crude
rule: the body ends at the first line that looks like a comment thread or a site footer.
Each file is its own outlet (the seeds carry no outlet field).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from newsfuse.crosscheck import crosscheck_story
from newsfuse.model import Article, Story, make_paragraphs
from newsfuse.options import Options

# Lines that start a comment thread or a site footer in scraped pages.
_TAIL = re.compile(
    r"^\s*(?:•|\\\*|\*$|help us grow|this article is written|note to readers|categories:|what do you think|"
    r"notify of|the statements, views|comment on)",
    re.IGNORECASE,
)


def load(path: Path) -> Article:
    lines = path.read_text(encoding="utf-8").splitlines()
    body: list[str] = []
    for line in lines:
        if _TAIL.match(line):
            break
        body.append(line)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", "\n".join(body)) if b.strip()]
    # the title: the first block of four words or more (site menus such as "in ," come before it)
    first = next((n for n, b in enumerate(blocks) if len(b.split()) >= 4), 0)
    title = re.sub(r"^#\s*", "", blocks[first]) if blocks else None
    paras = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", b) for b in blocks[first + 1 :]]
    return Article(
        id=path.stem[:3],
        origin=str(path),
        paragraphs=make_paragraphs(paras),
        title=title,
        outlet=f"seed-{path.stem[:3]}",
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(args[0] if args else "../shared/seeds")
    arts = [load(p) for p in sorted(root.glob("*.txt"))]
    by_id = {a.id: a for a in arts}
    story = Story(id="s1", articles=[a.id for a in arts])
    crosscheck_story(story, by_id, Options())
    if "--json" in sys.argv:
        print(json.dumps(story.to_dict(), indent=1, ensure_ascii=False))
        return
    print("== entities")
    for e in story.entities[:25]:
        print(f"  {e.id} {e.type_label:16} {e.name!r} aliases={e.aliases} mentions={e.mentions}")
    print("== claims with 2+ sources / disputed")
    for c in story.claims:
        if c.status != "single_source":
            print(f"  [{c.status} {c.independent_sources}] {c.outlets} {c.text[:150]}")
            for s in c.sentences:
                print(f"       - {s.article}#{s.paragraph}: {s.text[:110]}")
    print(f"  single_source claims: {sum(c.status == 'single_source' for c in story.claims)}")
    print("== conflicts")
    for cf in story.conflicts:
        print(f"  {cf.id} {cf.kind} {cf.subject}: " + " | ".join(f"{v.value} {v.outlets}" for v in cf.values))
    print("== quotes")
    for q in story.quotes:
        print(f"  [{q.speaker_name} {q.speaker} {q.outlets}] {q.text[:120]}")
        for v in q.variants[1:]:
            print(f"       ~ {v.article}: {v.text[:100]}")
    print("== framing")
    for f in story.framing:
        print(
            f"  {f.outlet}: headline={f.headline!r}\n     labels={f.labels}\n     loaded={f.loaded_words} unattributed={f.unattributed_share:.2f}"
        )
    print("== notes", story.notes)


if __name__ == "__main__":
    main()
