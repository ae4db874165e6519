"""Build multi-document summarisation clusters (format D) from Timeline17 (format E) at run time.

    python bench/t17_clusters.py ../shared/data/timeline/t17-dev /tmp/t17-md.jsonl [--docs 10]

For every date of a reference timeline, the cluster is ``--docs`` articles of that topic
published on that date or the day after (news reports an event the same or next day), chosen
with a fixed seed; its references are the timeline entries for that date (one per timeline that
has the date).  Dates with fewer articles are skipped.  Nothing is written inside the repository:
the output is a scratch file for ``newsfuse eval summarize``.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

# Fixed seed so the dev clusters are the same on every run.
SEED = 13


def build(root: Path, out: Path, docs: int, max_per_topic: int) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for topic in sorted(p for p in root.iterdir() if p.is_dir()):
            arts = [json.loads(line) for line in (topic / "articles.jsonl").open(encoding="utf-8")]
            by_date: dict[str, list[dict[str, str]]] = {}
            for a in arts:
                by_date.setdefault(a["date"], []).append(a)
            refs: dict[str, list[str]] = {}
            for tl in json.loads((topic / "timelines.json").read_text(encoding="utf-8")):
                for entry in tl:
                    refs.setdefault(entry["date"], []).append(" ".join(entry["summary"]))
            rng = random.Random(SEED)
            made = 0
            for d in sorted(refs):
                nxt = (date.fromisoformat(d) + timedelta(days=1)).isoformat()
                pool = by_date.get(d, []) + by_date.get(nxt, [])
                if len(pool) < docs:
                    continue
                chosen = rng.sample(pool, docs)
                record = {
                    "id": f"{topic.name}-{d}",
                    "articles": [
                        {"id": a["id"], "title": a.get("title", ""), "text": a["text"], "date": a["date"]}
                        for a in chosen
                    ],
                    "references": refs[d],
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                made += 1
                if made >= max_per_topic:
                    break
            n += made
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root")
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=10)
    ap.add_argument("--max-per-topic", type=int, default=25)
    args = ap.parse_args()
    print(build(Path(args.root), Path(args.out), args.docs, args.max_per_topic), "clusters written to", args.out)


if __name__ == "__main__":
    main()
