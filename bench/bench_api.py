"""API under load: N concurrent article posts against one `newsfuse serve` on 127.0.0.1.

Checks: no error, no lost or duplicated article (every acknowledged id is stored once, re-posts
are answered as duplicates), stories consistent afterwards (every article in exactly one story,
and that story lists it).  Prints latency percentiles and throughput.

    PYTHONPATH=src python bench/bench_api.py --n 1000 --concurrency 32

The articles are generated here from invented templates (fictional places and outlets), so the
benchmark needs no data set; the real pipeline (extraction, dedup, clustering, story analysis) runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

PLACES = ["Verlon", "Ostmark", "Calder Bay", "Maren", "Tessaly", "Brookmere", "Quillon", "Arden Vale", "Saltreach", "Kestrel Point"]
EVENTS = [
    ("bridge", "the {place} harbour bridge reopened after {n} months of repairs costing {m} million euros"),
    ("strike", "rail workers in {place} began a {n}-day strike over pay, halting {m} trains a day"),
    ("flood", "floods in {place} forced {m}00 people from their homes after {n} days of rain"),
    ("election", "voters in {place} elected a new mayor with {n} percent of the vote after a {m}-week campaign"),
    ("fire", "a fire at a warehouse in {place} burned for {n} hours and caused {m} million euros of damage"),
]
OUTLETS = [f"{name}.example" for name in ("gazette", "courier", "dailywire", "herald", "observer", "post", "tribune", "chronicle")]
SPEAKERS = ["Mayor Ilse Brandt", "Minister Tomas Verg", "union leader Ana Ruiz", "police chief Karl Moen"]


def make_article(i: int, rng: random.Random) -> dict[str, object]:
    topic = i % 40  # 40 stories
    place = PLACES[topic % len(PLACES)]
    kind, template = EVENTS[topic % len(EVENTS)]
    n, m = 3 + topic, 10 + topic
    lead = template.format(place=place, n=n, m=m)
    speaker = SPEAKERS[topic % len(SPEAKERS)]
    day = 1 + topic % 27
    paras = [
        f"{place.upper()} — On {day} March 2021 {lead}, officials said on Tuesday.",
        f"\u201cWe did everything we could,\u201d {speaker} told reporters in {place} (report {i}).",
        f"Residents of {place} said the {kind} had changed daily life; {rng.randint(2, 90)} of them spoke to local radio.",
        f"Further updates on the {kind} in {place} are expected later this week, according to a statement.",
    ]
    return {
        "content": "\n\n".join(paras),
        "kind": "record",
        "title": f"{place}: {kind} ({i})",
        "outlet": OUTLETS[i % len(OUTLETS)],
        "date": f"2021-03-{day:02d}",
        "url": f"https://{OUTLETS[i % len(OUTLETS)]}/{kind}/{i}",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSFUSE_TOKEN": token, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    cmd = [sys.executable, "-m", "newsfuse", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited: " + (proc.stderr.read().decode() if proc.stderr else ""))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start in 60 s")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


async def run(base: str, token: str, n: int, concurrency: int, reposts: int) -> dict[str, object]:
    rng = random.Random(13)
    articles = [make_article(i, rng) for i in range(n)]
    repost_idx = rng.sample(range(n), reposts)
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors: list[str] = []
    acked: dict[int, str] = {}
    dup_answers = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120, limits=limits) as c:

        async def post(i: int, repost: bool) -> None:
            nonlocal dup_answers
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await c.post("/api/articles", json=articles[i])
                except httpx.HTTPError as exc:
                    errors.append(f"{i}: {exc!r}")
                    return
                latencies.append(time.perf_counter() - t0)
            if r.status_code not in (200, 201):
                errors.append(f"{i}: HTTP {r.status_code} {r.text[:200]}")
                return
            res = r.json()["results"][0]
            if repost:
                dup_answers += res["status"] == "duplicate"
            elif res["status"] != "created":
                errors.append(f"{i}: {res}")
            else:
                acked[i] = res["article_id"]

        t0 = time.perf_counter()
        await asyncio.gather(*(post(i, False) for i in range(n)))
        wall = time.perf_counter() - t0
        await asyncio.gather(*(post(i, True) for i in repost_idx))

        health = (await c.get("/api/health")).json()
        stories = []
        offset = 0
        while True:
            page = (await c.get("/api/stories", params={"limit": 500, "offset": offset})).json()["stories"]
            stories += page
            if len(page) < 500:
                break
            offset += 500
        member: dict[str, list[str]] = {}
        for st in stories:
            full = (await c.get(f"/api/stories/{st['id']}")).json()["story"]
            for aid in full["articles"]:
                member.setdefault(aid, []).append(st["id"])
        bad_membership = 0
        for aid in acked.values():
            got = (await c.get(f"/api/articles/{aid}")).json()
            if member.get(aid) != [got["story_id"]]:
                bad_membership += 1

    return {
        "posts": n,
        "concurrency": concurrency,
        "errors": len(errors),
        "first_errors": errors[:5],
        "acknowledged": len(acked),
        "distinct_ids": len(set(acked.values())),
        "stored_articles": health["articles"],
        "reposts": reposts,
        "reposts_answered_duplicate": dup_answers,
        "unassigned_after": health["unassigned"],
        "stories": len(stories),
        "articles_in_stories": sum(len(v) for v in member.values()),
        "inconsistent_memberships": bad_membership,
        "wall_seconds": round(wall, 2),
        "posts_per_second": round(n / wall, 1),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
        "latency_p95_ms": round(1000 * pct(latencies, 95), 1),
        "latency_p99_ms": round(1000 * pct(latencies, 99), 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles to post (default 1000)")
    ap.add_argument("--concurrency", type=int, default=32, help="requests in flight (default 32)")
    ap.add_argument("--reposts", type=int, default=100, help="articles posted a second time afterwards (default 100)")
    ap.add_argument("--db", default=None, help="SQLite file or postgresql:// URL (default: a temporary SQLite file)")
    args = ap.parse_args()
    if args.n < 1 or args.concurrency < 1 or not 0 <= args.reposts <= args.n:
        ap.error("--n and --concurrency must be positive, --reposts between 0 and --n")
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.sqlite")
        port = free_port()
        proc = start_server(db, port, token)
        try:
            result = asyncio.run(run(f"http://127.0.0.1:{port}", token, args.n, args.concurrency, args.reposts))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    ok = (
        result["errors"] == 0
        and result["acknowledged"] == result["distinct_ids"] == result["stored_articles"] == args.n
        and result["reposts_answered_duplicate"] == args.reposts
        and result["unassigned_after"] == 0
        and result["articles_in_stories"] == args.n
        and result["inconsistent_memberships"] == 0
    )
    print("RESULT", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
