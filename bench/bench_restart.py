"""Restart after a crash with one huge article stored but never placed in a story.

Builds a SQLite store holding one generated N-paragraph article (see ``bench_big_article.py``) whose
story was never stored (the state a kill -9 between the article commit and the story update leaves),
starts `newsfuse serve` on it and measures: seconds until `/api/health` answers, read latencies
(`/api/health`, `/`, `/api/stories`) while the story is redone in the background, and seconds until it is.

    PYTHONPATH=src python bench/bench_restart.py --paragraphs 60000

Targets (issue 15): listening in < 5 s; reads p95 < 200 ms during the update.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_big_article import paragraphs


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(db: str, n: int) -> None:
    from newsfuse.extract import extract_documents
    from newsfuse.model import Article, RawDocument
    from newsfuse.options import Options
    from newsfuse.store import content_hash, open_store

    doc = RawDocument(
        origin="bench",
        content="\n\n".join(paragraphs(n)),
        kind="record",
        input_format="json",
        url="https://kelbrook-courier.example/huge",
        title="Kelbrook dam works: every crew, every day",
        date="2021-03-17",
        outlet="The Kelbrook Courier",
    )
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article), art
    with open_store(db) as store, store.conn.transaction():
        store.add_raw(doc, content_hash(doc), art, None, store.next_seq())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=60000)
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="nf-restart-") as tmp:
        db = str(Path(tmp) / "restart.sqlite")
        build_store(db, args.paragraphs)
        port = _free_port()
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
        t0 = time.perf_counter()
        with (Path(tmp) / "serve.log").open("wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "newsfuse", "serve", "--db", db, "--port", str(port), "-q"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        base = f"http://127.0.0.1:{port}"
        listening = None
        lat: dict[str, list[float]] = {"/api/health": [], "/": [], "/api/stories": []}
        done = None
        try:
            with httpx.Client(base_url=base, timeout=30) as c:
                while time.perf_counter() - t0 < args.timeout:
                    if proc.poll() is not None:
                        raise SystemExit(
                            f"server exited with {proc.returncode}: {(Path(tmp) / 'serve.log').read_text()[-2000:]}"
                        )
                    try:
                        health = c.get("/api/health").json()
                    except httpx.HTTPError:
                        time.sleep(0.05)
                        continue
                    if listening is None:
                        listening = time.perf_counter() - t0
                    for path in lat:
                        s = time.perf_counter()
                        r = c.get(path)
                        lat[path].append(time.perf_counter() - s)
                        assert r.status_code == 200, (path, r.status_code)
                    if not health["starting"] and health["unassigned"] == 0:
                        done = time.perf_counter() - t0
                        break
                    time.sleep(0.05)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"{args.paragraphs} paragraphs: listening after {listening:.2f} s; story redone after "
        + (f"{done:.1f} s" if done else f"more than {args.timeout:.0f} s")
    )
    for path, xs in lat.items():
        if xs:
            xs.sort()
            p95 = xs[min(len(xs) - 1, int(0.95 * len(xs)))]
            print(
                f"  GET {path}: {len(xs)} reads during recovery, median {statistics.median(xs) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
            )
    print(json.dumps({"listening_s": listening, "recovered_s": done}))


if __name__ == "__main__":
    main()
