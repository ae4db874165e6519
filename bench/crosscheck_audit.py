"""Print a fixed random sample of a report's conflicts (or agreed claims) for a by-hand audit.

    PYTHONPATH=src python bench/crosscheck_audit.py REPORT.json --kind conflicts --n 20 --seed 11 [--tsv OUT.tsv]

Reads a ``newsfuse analyze`` report by path: ``report.json`` (single layout), or the folder or
``report-index.json`` of a paged report.  The sample is drawn over
every conflict (``--kind conflicts``) or every agreed claim (``--kind agreed``) of every story with
``random.Random(seed).sample``, in report order, so the same report and seed give the same sample.

Each item is printed with every statement: for a conflict, each value with every sentence that
states it (the paragraph it comes from), its outlet, article id and publication date; for an agreed
claim, each of its sentences.  Judge a conflict right when two independent sources state a different
value for the same thing at the same time (same incident, counted thing, unit and reference date);
an agreed claim right when all its sentences state the same fact.  ``--tsv`` writes one row per item
with an empty ``right`` column (y/n) and a ``note`` column to fill in.

``--recheck OUT.json`` re-runs the cross-check of the current code on the report's stories (same
articles, same clustering and summaries) and audits that report, written to OUT.json: the way to
compare rules on one pool of stories without re-running ``newsfuse analyze``.  ``--labels TSV
[TSV ...]`` (TSVs written by ``--tsv`` whose ``right`` column was filled in) scores the report's
conflicts against them: a conflict is the labelled one when its story, kind and set of values are
the same; it prints precision over the labelled conflicts found, how many are unlabelled, and the
recall of the labelled right ones.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path
from typing import Any


def load_report(path: Path) -> dict[str, Any]:
    """The report as one dict: ``report.json`` (single layout), or a paged report's folder or
    ``report-index.json`` (its ``report/json/{articles,stories}-*.jsonl`` parts are read)."""
    if path.is_dir():
        path = path / "report.json" if (path / "report.json").exists() else path / "report-index.json"
    if path.name != "report-index.json":
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    parts = path.parent / "report" / "json"
    out: dict[str, Any] = {}
    for kind in ("articles", "stories"):
        out[kind] = [
            json.loads(line)
            for part in sorted(parts.glob(f"{kind}-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return out


def recheck(path: Path, out: Path) -> None:
    """Re-run the cross-check on every story of the report at ``path``; write the report to ``out``."""
    import re

    from newsfuse.crosscheck import crosscheck_story
    from newsfuse.options import Options
    from newsfuse.render.jsonout import read_report, write_json

    report = read_report(path)
    by_id = {a.id: a for a in report.articles}
    options = Options()
    for story in report.stories:
        for s in [*([story.headline] if story.headline else []), *story.summary]:
            s.text = re.sub(r" \(disputed: other sources give [^)]*\)$", "", s.text)
        story.conflicts = []
        crosscheck_story(story, by_id, options)
    with out.open("w", encoding="utf-8") as fh:
        write_json(report, fh)


def conflict_key(story: str, kind: str, values: list[str]) -> str:
    """How a labelled conflict is found again in another run: story, kind and its sorted values."""
    return f"{story}|{kind}|{'/'.join(sorted(values))}"


def score(data: dict[str, Any], label_files: list[Path]) -> str:
    """Precision of the report's conflicts over the labelled ones and recall of the labelled right ones."""
    labels: dict[str, str] = {}
    for f in label_files:
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                vals = [part.split(": ")[0] for part in row["values"].split(" | ")]
                labels[conflict_key(row["story"], row["kind"], vals)] = (row.get("right") or "").strip().lower()
    found = {conflict_key(s["id"], c["kind"], [v["value"] for v in c["values"]]) for s, c in _items(data, "conflicts")}
    judged = [labels[k] for k in found if k in labels and labels[k] in ("y", "n")]
    right = sum(1 for j in judged if j == "y")
    all_right = sum(1 for v in labels.values() if v == "y")
    kept_right = sum(1 for k in found if labels.get(k) == "y")
    return (
        f"conflicts {len(found)}: labelled {len(judged)}, right {right}/{len(judged)}, unlabelled "
        f"{len(found) - len(judged)}; recall of labelled right ones {kept_right}/{all_right}"
    )


def _items(data: dict[str, Any], kind: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    if kind == "conflicts":
        return [(s, c) for s in data["stories"] for c in s.get("conflicts", [])]
    return [(s, c) for s in data["stories"] for c in s.get("claims", []) if c.get("status") == "agreed"]


def _paragraph(paras: dict[str, dict[str, str]], art: str, pid: str) -> str:
    return paras.get(art, {}).get(pid, "")


def _show_sentence(
    text: str, src: dict[str, Any], arts: dict[str, dict[str, Any]], paras: dict[str, dict[str, str]], width: int
) -> list[str]:
    a = arts.get(src["article"], {})
    date = (a.get("published") or {}).get("value") if isinstance(a.get("published"), dict) else a.get("published")
    head = (
        f"      [{src.get('outlet') or a.get('outlet') or '?'} | {src['article']}#{src['paragraph']} | {date or '?'}]"
    )
    out = [head]
    para = _paragraph(paras, src["article"], src["paragraph"])
    if text:
        out.append(f"        S: {text[:width]}")
    if para and para.strip() != (text or "").strip():
        out.append(f"        P: {para[:width]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--kind", choices=("conflicts", "agreed"), default="conflicts")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--width", type=int, default=600, help="characters of each sentence/paragraph shown")
    ap.add_argument("--tsv", type=Path, help="write the sample here, with empty right/note columns to fill in")
    ap.add_argument("--recheck", type=Path, help="re-run the cross-check on the stories, write that report here")
    ap.add_argument("--labels", type=Path, nargs="+", help="TSVs with the right column filled in: score the report")
    args = ap.parse_args(argv)
    if args.recheck:
        recheck(args.report, args.recheck)
        args.report = args.recheck
    data = load_report(args.report)
    if args.labels:
        print(score(data, args.labels))
        return 0
    arts = {a["id"]: a for a in data["articles"]}
    paras = {a["id"]: {p["id"]: p["text"] for p in a.get("paragraphs", [])} for a in data["articles"]}
    items = _items(data, args.kind)
    n_stories = len({s["id"] for s, _ in items})
    print(f"{args.report}: {len(items)} {args.kind} in {n_stories} stories; sample n={args.n} seed={args.seed}")
    sample = random.Random(args.seed).sample(items, min(args.n, len(items)))
    rows: list[list[str]] = []
    for k, (story, item) in enumerate(sample, start=1):
        title = (story.get("title") or story.get("headline") or "")[:100]
        if args.kind == "conflicts":
            print(
                f"\n#{k} story {story['id']} ({title}) conflict {item['id']} kind={item['kind']} subject={item['subject']!r}"
            )
            for v in item.get("values", []):
                outlets = ", ".join(v.get("outlets", [])) or "?"
                print(f"   VALUE {v['value']!r} — {len(v.get('sources', []))} statement(s), outlets: {outlets}")
                srcs = v.get("sources", [])
                for src in srcs:
                    # the value's representative text is one of its sentences; the others are shown by paragraph
                    text = v["text"] if src is srcs[0] else ""
                    print("\n".join(_show_sentence(text, src, arts, paras, args.width)))
            summary = " | ".join(f"{v['value']}: {', '.join(v.get('outlets', []))}" for v in item.get("values", []))
            rows.append([str(k), story["id"], item["id"], item["kind"], item["subject"], summary, "", ""])
        else:
            print(
                f"\n#{k} story {story['id']} ({title}) claim {item['id']} "
                f"sources={item.get('independent_sources')} outlets={', '.join(item.get('outlets', []))}"
            )
            print(f"   CLAIM: {item['text'][: args.width]}")
            for cs in item.get("sentences", []):
                print("\n".join(_show_sentence(cs["text"], cs, arts, paras, args.width)))
            rows.append([str(k), story["id"], item["id"], "agreed", item["text"][:200], "", "", ""])
    if args.tsv:
        with args.tsv.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["n", "story", "id", "kind", "subject", "values", "right", "note"])
            w.writerows(rows)
        print(f"\nTSV: {args.tsv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
