"""HTML extraction speed: newsfuse's extractor against trafilatura alone on the same pages.

    python bench/bench_extract.py [DIR] [--limit N] [--rounds R]

DIR is a format-A set (default ../shared/data/extraction/zyte-aeb).  Both are timed in CPU time
(``time.process_time``), interleaved page by page, so other load on the machine skews neither side.
Prints pages/s for each and newsfuse's overhead in percent (target: at most 20 %).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trafilatura import bare_extraction  # noqa: E402

from newsfuse.extract.html import extract_html  # noqa: E402
from newsfuse.model import RawDocument  # noqa: E402
from newsfuse.options import Options  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "extraction" / "zyte-aeb"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    root = Path(args.dir)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit]
    pages = [
        (gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace"), truth[i].get("url"))
        for i in ids
    ]
    options = Options()
    # Warm-up: imports and lazily built regexes are not what we measure.
    bare_extraction(pages[0][0], url=pages[0][1], with_metadata=True)
    extract_html(RawDocument("w", pages[0][0], "html", "html", url=pages[0][1]), options)
    t_traf = t_nf = 0.0
    for _ in range(args.rounds):
        for i, (html, url) in enumerate(pages):
            t0 = time.process_time()
            bare_extraction(html, url=url, with_metadata=True)
            t1 = time.process_time()
            extract_html(RawDocument(str(i), html, "html", "html", url=url), options)
            t2 = time.process_time()
            t_traf += t1 - t0
            t_nf += t2 - t1
    n = len(pages) * args.rounds
    mb = sum(len(h) for h, _ in pages) / 1e6
    print(f"pages: {len(pages)} ({mb:.1f} MB of HTML) x {args.rounds} rounds, CPU time")
    print(f"trafilatura alone : {n / t_traf:7.1f} pages/s  ({1000 * t_traf / n:6.1f} ms/page)")
    print(f"newsfuse extract  : {n / t_nf:7.1f} pages/s  ({1000 * t_nf / n:6.1f} ms/page)")
    print(f"overhead          : {100 * (t_nf - t_traf) / t_traf:+.1f} %  (target <= 20 %)")


if __name__ == "__main__":
    main()
