"""The quality gate: run every ``newsfuse eval`` on the dev data and compare with pinned floors.

    python quality/gate.py --shared ../shared [--only extract,clean] [--write quality/last-run.json]

Floors live in ``quality/floors.json`` as ``{kind: {"system.<metric>": floor}}``; a key ending in
``leakage`` or ``_max`` is a ceiling.  Raising a floor is a normal commit; lowering one needs a
reason in its commit message.  Exit 0 when every figure holds, 3 when one drops, 2 on a usage
error (e.g. ../shared missing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# floor key -> the eval's arguments ("{shared}" is the shared/ folder)
RUNS: dict[str, list[str]] = {
    "extract:zyte-aeb": ["extract", "{shared}/data/extraction/zyte-aeb"],
    "extract:wcxb-dev": ["extract", "{shared}/data/extraction/wcxb-dev"],
    "clean:l3s-gn1-dev": ["clean", "{shared}/data/cleaning/l3s-gn1-dev"],
    "cluster:ecbplus-dev": ["cluster", "{shared}/data/clustering/ecbplus-dev.jsonl"],
    "dedup:ecbplus-dev": ["dedup", "--source", "{shared}/data/clustering/ecbplus-dev.jsonl"],
    "summarize:wcep-sample-dev": ["summarize", "{shared}/data/summarization/wcep-sample-dev.jsonl", "--words", "40"],
    # DUC at the two DUC lengths in one run; ROUGE-L skipped (DUC reports ROUGE-1/2 recall, and its
    # longest-common-subsequence table is most of the run time at 250 words).
    "summarize:duc2006-dev": [
        "summarize",
        "{shared}/data/summarization/duc2006-dev.jsonl",
        "--words",
        "100",
        "250",
        "--no-rouge-l",
    ],
    "claims:ecbplus-dev": ["claims", "{shared}/data/claims/ecbplus-dev.jsonl"],
    "timeline:t17-dev": ["timeline", "{shared}/data/timeline/t17-dev"],
    "crawl:t17-dev": ["crawl", "{shared}/data/timeline/t17-dev"],
}


def _lookup(result: dict, name: str) -> float | None:
    """``system.f1`` -> result["system"]["f1"]; ``n`` -> result["n"]."""
    value: object = result
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value if isinstance(value, (int, float)) else None


def _check(key: str, result: dict, floors: dict[str, float]) -> list[str]:
    failures = []
    for name, floor in floors.items():
        if name.startswith("_"):
            continue
        if ">=" in name:  # "system.f1>=baselines.trafilatura.f1": the system must match a baseline of the same run
            left, right = (_lookup(result, side.strip()) for side in name.split(">="))
            if left is None or right is None:
                failures.append(f"{key}: {name}: a side is missing from the result")
            elif left < right:
                failures.append(f"{key}: {name} fails ({left:.4f} < {right:.4f})")
            continue
        value = _lookup(result, name)
        if value is None:
            failures.append(f"{key}: {name} missing from the result")
        elif name.endswith(("leakage", "_max")):
            if value > floor:
                failures.append(f"{key}: {name} = {value:.4f} above its ceiling {floor}")
        elif value < floor:
            failures.append(f"{key}: {name} = {value:.4f} below its floor {floor}")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--floors", default=str(HERE / "floors.json"))
    ap.add_argument("--only", default=None, help="comma-separated eval kinds")
    ap.add_argument("--write", default=None, help="write all results as JSON here")
    args = ap.parse_args()

    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"gate: {shared}/data not found", file=sys.stderr)
        return 2
    floors: dict[str, dict[str, float]] = json.loads(Path(args.floors).read_text(encoding="utf-8"))
    only = set(args.only.split(",")) if args.only else None
    results: dict[str, dict] = {}
    failures: list[str] = []
    for key, template in RUNS.items():
        if (only and key.partition(":")[0] not in only) or key not in floors:
            continue  # not asked for, or no floor pinned for this dataset yet
        cmd = [sys.executable, "-m", "newsfuse", "eval", *(a.format(shared=shared) for a in template)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            failures.append(f"{key}: eval exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
            continue
        result = json.loads(proc.stdout)
        result["_seconds"] = round(seconds, 1)
        results[key] = result
        fails = _check(key, result, floors[key])
        failures.extend(fails)
        shown = ", ".join(
            f"{k.partition('.')[2] or k}={v:.4f}"
            for k in floors[key]
            if not k.startswith("_") and ">=" not in k and (v := _lookup(result, k)) is not None
        )
        print(f"{'FAIL' if fails else 'ok  '} {key:28s} {shown}  ({seconds:.0f}s)", flush=True)
    if args.write:
        Path(args.write).write_text(json.dumps(results, indent=2), encoding="utf-8")
    for f in failures:
        print("gate: " + f, file=sys.stderr)
    print(f"gate: {len(results)} evals run, {len(failures)} failures")
    return 3 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
