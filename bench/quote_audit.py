"""Print a fixed random sample of quotes from a report, with their paragraphs, for a by-hand audit.

    PYTHONPATH=src python bench/quote_audit.py REPORT [--n 25] [--seed 11]

Reads a ``newsfuse analyze`` report by path (``report.json``, or the output folder / ``report-index.json``
of a paged report) and prints, for each sampled quote,
its speaker, its text and the paragraph it was found in (with the paragraph before), so a reader
can mark the speaker right or wrong.  The sample is drawn over every quote of every story with
``random.Random(seed)``, so the same report and seed give the same sample.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from newsfuse.render.jsonout import read_report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("report", type=Path)
    ap.add_argument("--n", type=int, default=25)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    data = read_report(args.report).to_dict()
    paras = {a["id"]: {p["id"]: p["text"] for p in a["paragraphs"]} for a in data["articles"]}
    order = {a["id"]: [p["id"] for p in a["paragraphs"]] for a in data["articles"]}
    quotes = [(s["id"], q) for s in data["stories"] for q in s.get("quotes", [])]
    print(f"{len(quotes)} quotes, {sum(q['speaker_name'] is None for _, q in quotes)} without a speaker")
    rng = random.Random(args.seed)
    for n, (sid, q) in enumerate(rng.sample(quotes, min(args.n, len(quotes))), start=1):
        v = next((v for v in q["variants"] if v["text"] == q["text"]), q["variants"][0])
        pids = order.get(v["article"], [])
        at = pids.index(v["paragraph"]) if v["paragraph"] in pids else -1
        before = " / ".join(paras[v["article"]][p] for p in pids[max(0, at - 2) : max(0, at)])
        print(f"\n#{n} {sid} {q['id']} speaker={q['speaker_name']!r} ({len(q['variants'])} variants)")
        print(f"   QUOTE: {q['text'][:300]}")
        if before:
            print(f"   BEFORE: {before[-400:]}")
        print(f"   PARA: {paras[v['article']].get(v['paragraph'], '')[:700]}")


if __name__ == "__main__":
    main()
