"""Soak: mixed reads and writes against one running `newsfuse serve` for a while, one huge article
among the writes.

    PYTHONPATH=src python bench/bench_soak.py --seconds 180 --writers 4 --readers 8 --huge 60000

Writers post generated articles (``bench_api.make_article``, one per request, ``wait=false``);
after ``--huge-after`` seconds one writer posts a record of ``--huge`` short paragraphs
(``bench_big_article.paragraphs``).  Readers loop over `/api/health`, `/`, `/api/stories` and one
story page.  Prints posts/s, read latency percentiles (all and per path), errors (HTTP >= 500,
timeouts, refused) and whether every post was placed in a story by the end (waits up to
``--settle`` seconds).  Exit status 1 on any error or an unplaced article.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import free_port, make_article, pct, start_server
from bench_big_article import paragraphs


async def soak(base: str, token: str, args: argparse.Namespace) -> dict[str, object]:
    stop = time.perf_counter() + args.seconds
    reads: dict[str, list[float]] = {}
    errors: list[str] = []
    posted = 0
    huge_sent = False
    counter = iter(range(10**9))
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as c:

        async def writer(w: int) -> None:
            nonlocal posted, huge_sent
            rng = random.Random(w)
            t_start = time.perf_counter()
            while time.perf_counter() < stop:
                if w == 0 and not huge_sent and time.perf_counter() - t_start >= args.huge_after:
                    huge_sent = True
                    body: dict[str, object] = {
                        "content": "\n\n".join(paragraphs(args.huge)),
                        "kind": "record",
                        "title": "Works log: every crew, every day",
                        "date": "2021-03-17",
                        "outlet": "courier.example",
                        "url": "https://courier.example/huge",
                    }
                else:
                    body = make_article(next(counter), rng)
                try:
                    r = await c.post("/api/articles", json=body, params={"wait": "false"}, timeout=120)
                    if r.status_code >= 500 or r.status_code not in (200, 201):
                        errors.append(f"POST {r.status_code}")
                    else:
                        posted += 1
                except httpx.HTTPError as exc:
                    errors.append(f"POST {type(exc).__name__}")
                await asyncio.sleep(args.pause)

        async def reader(k: int) -> None:
            rng = random.Random(100 + k)
            while time.perf_counter() < stop:
                path = rng.choice(["/api/health", "/", "/api/stories"])
                if path == "/api/stories" and rng.random() < 0.5:
                    try:
                        listed = (await c.get("/api/stories", params={"limit": 20})).json()["stories"]
                        if listed:
                            path = f"/stories/{rng.choice(listed)['id']}"
                    except (httpx.HTTPError, ValueError, KeyError):
                        pass
                t0 = time.perf_counter()
                try:
                    r = await c.get(path)
                    if r.status_code >= 500:
                        errors.append(f"GET {path.split('/')[1] or '/'} {r.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"GET {type(exc).__name__}")
                    continue
                key = "/stories/{id}" if path.startswith("/stories/") else path
                reads.setdefault(key, []).append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(writer(w) for w in range(args.writers)), *(reader(k) for k in range(args.readers)))
        wall = time.perf_counter() - t0
        deadline = time.perf_counter() + args.settle
        health = (await c.get("/api/health")).json()
        while health.get("unassigned", 0) > 0 and time.perf_counter() < deadline:
            await asyncio.sleep(1)
            health = (await c.get("/api/health")).json()
        settled = time.perf_counter() - t0
    every = [x for v in reads.values() for x in v]
    return {
        "seconds": round(wall, 1),
        "posts": posted,
        "posts_per_second": round(posted / wall, 2),
        "huge_article_paragraphs": args.huge if huge_sent else 0,
        "reads": len(every),
        "read_p50_ms": round(1000 * pct(every, 50), 1) if every else None,
        "read_p95_ms": round(1000 * pct(every, 95), 1) if every else None,
        "read_p99_ms": round(1000 * pct(every, 99), 1) if every else None,
        "read_p95_ms_by_path": {k: round(1000 * pct(v, 95), 1) for k, v in sorted(reads.items())},
        "errors": len(errors),
        "first_errors": errors[:5],
        "stored_articles": health.get("articles"),
        "unassigned_at_end": health.get("unassigned"),
        "settled_seconds": round(settled, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--pause", type=float, default=0.2, help="seconds a writer waits between posts")
    ap.add_argument("--huge", type=int, default=60000, help="paragraphs of the huge article (0: none)")
    ap.add_argument("--huge-after", type=float, default=20.0, help="seconds into the run")
    ap.add_argument("--settle", type=float, default=300, help="seconds to wait for every article to be placed")
    args = ap.parse_args()
    if args.huge == 0:
        args.huge_after = float("inf")
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        port = free_port()
        proc = start_server(str(Path(tmp) / "soak.sqlite"), port, token, log)
        try:
            result = asyncio.run(soak(f"http://127.0.0.1:{port}", token, args))
            result["server_log_errors"] = log.read_text(encoding="utf-8", errors="replace").count("ERROR")
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    for k, v in result.items():
        print(f"{k:<26}  {v}")
    ok = result["errors"] == 0 and result["unassigned_at_end"] == 0
    print("RESULT", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
