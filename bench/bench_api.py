"""API under load: N concurrent article posts against `newsfuse serve` on 127.0.0.1 (one server, or
``--servers K`` on one store, each taking every K-th post).

Checks: no error, no lost or duplicated article (every acknowledged id is stored once, re-posts
are answered as duplicates), stories consistent afterwards (every article in exactly one story,
and that story lists it), and the stories equal `newsfuse analyze`'s on the same articles: the
posted records are written to a JSONL file and analysed in this process; B3 F1 of the live
partition against the batch one (articles matched by URL) must reach ``--min-b3`` (default 1.0).
Prints latency percentiles and throughput.

    PYTHONPATH=src python bench/bench_api.py --n 1000 --concurrency 32
    PYTHONPATH=src python bench/bench_api.py --n 600 --servers 2 --db postgresql://...

The articles are generated here from invented templates (fictional places and outlets), so the
benchmark needs no data set; the real pipeline (extraction, dedup, clustering, story analysis) runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
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

PLACES = [
    "Verlon",
    "Ostmark",
    "Calder Bay",
    "Maren",
    "Tessaly",
    "Brookmere",
    "Quillon",
    "Arden Vale",
    "Saltreach",
    "Kestrel Point",
]
# Per event: a lead and three body sentences with the event's own vocabulary ({place}, {name}, {n}, {m}, {k}).
EVENTS = [
    (
        "bridge",
        "the {place} harbour bridge reopened after {n} months of repairs costing {m} million euros",
        [
            "Engineers replaced {k} corroded cables and resurfaced the deck, {name} of the port authority said.",
            "Ferry operators in {place} expect fewer passengers now that cars can cross the estuary again.",
            "The bridge had been closed since inspectors found cracks in {n} of its piers.",
        ],
    ),
    (
        "strike",
        "rail workers in {place} began a {n}-day strike over pay, halting {m} trains a day",
        [
            "Union negotiator {name} said the operator had refused a {k} percent raise.",
            "Commuters in {place} queued for replacement buses at the central station.",
            "Freight services were also cancelled, and talks are set to resume on Thursday.",
        ],
    ),
    (
        "flood",
        "floods in {place} forced {m}00 residents from their homes after {n} days of heavy rain",
        [
            "The river rose {k} centimetres above its record level overnight, said hydrologist {name}.",
            "Volunteers filled sandbags at the sports hall in {place} while schools stayed shut.",
            "Insurers estimate the damage to houses and farmland at several million euros.",
        ],
    ),
    (
        "election",
        "voters in {place} elected {name} as mayor with {n} percent of the vote",
        [
            "Turnout reached {k} percent, the highest in {place} since the town hall was rebuilt.",
            "The new mayor promised cheaper housing and a tram line to the university campus.",
            "The outgoing council conceded defeat shortly after the ballot count ended at midnight.",
        ],
    ),
]
FIRST = ["Ilse", "Tomas", "Ana", "Karl", "Mira", "Otto", "Lena", "Piet", "Sara", "Juri"]
LAST = ["Brandt", "Verg", "Ruiz", "Moen", "Castell", "Lind", "Okoro", "Haas", "Duval", "Navarro"]
OUTLETS = [
    f"{name}.example"
    for name in ("gazette", "courier", "dailywire", "herald", "observer", "post", "tribune", "chronicle")
]
TOPICS = 40  # stories in the generated stream: 10 places x 4 events


# Invented vocabulary: each topic draws its own organisation, landmarks and objects, so the 40
# generated stories differ in their names and content words as real ones do.
ADJ = [
    "North",
    "Old",
    "Iron",
    "Willow",
    "Granite",
    "Silver",
    "Upper",
    "Lower",
    "Red",
    "Hollow",
    "Cedar",
    "Amber",
    "Copper",
    "Marsh",
    "High",
    "Stone",
    "Elm",
    "Fox",
    "Lark",
    "Raven",
]
FEATURE = [
    "Quay",
    "Mill",
    "Gate",
    "Common",
    "Market",
    "Lock",
    "Ridge",
    "Barracks",
    "Terrace",
    "Wharf",
    "Green",
    "Crossing",
    "Tannery",
    "Foundry",
    "Orchard",
    "Weir",
    "Causeway",
    "Arcade",
    "Depot",
    "Chapel",
]
ORG = [
    "Harbour Board",
    "Transit Authority",
    "Water Trust",
    "Civic League",
    "Fire Brigade",
    "Port Union",
    "Housing Cooperative",
    "Chamber of Trade",
    "Rail Company",
    "Energy Board",
]
NOUN = [
    "pumping station",
    "signal box",
    "sea wall",
    "tram depot",
    "grain silo",
    "ferry ramp",
    "substation",
    "footbridge",
    "reservoir gate",
    "bus terminal",
    "clock tower",
    "cold store",
]
VERB = ["inspected", "reopened", "sealed off", "rebuilt", "evacuated", "repaired", "closed", "reinforced"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _topic_words(topic: int) -> dict[str, object]:
    t = random.Random(topic * 7919 + 13)
    return {
        "place": PLACES[topic % len(PLACES)],
        "name": f"{FIRST[topic % 10]} {LAST[(topic * 3 + 1) % 10]}",
        "org": f"{PLACES[topic % len(PLACES)]} {t.choice(ORG)}",
        "landmark": f"{t.choice(ADJ)} {t.choice(FEATURE)}",
        "landmark2": f"{t.choice(ADJ)} {t.choice(FEATURE)}",
        "noun": t.choice(NOUN),
        "noun2": t.choice(NOUN),
        "verb": t.choice(VERB),
        "day": t.choice(DAYS),
        "n": 3 + topic,
        "m": 10 + topic,
        "k": 20 + topic,
    }


TOPIC_SENTENCES = [
    "{name} of the {org} said the {noun} at {landmark} would be {verb} by {day}.",
    "Crews worked through the night near {landmark2}, where {k} people had gathered by the {noun2}.",
    "The {org} had warned about the {noun} at {landmark} last year, according to minutes of its meetings.",
    "Shopkeepers on {landmark2} Street counted {m} lost trading days and asked the {org} for compensation.",
    "A spokesperson for the {org} declined to say when the {noun2} would be {verb} again.",
    "Photographs shared by residents showed the {noun} at {landmark} surrounded by police tape on {day}.",
    "Schoolchildren from {landmark2} were moved to a sports hall while the {noun} was {verb}.",
    "{name} promised a public inquiry into the {noun2} and said the {org} would publish its report.",
    "Engineers measured {k} cracks in the {noun} and ordered the {landmark} road closed to lorries.",
    "The mayor's office in {place} called the situation at {landmark} serious but under control.",
    "Buses were diverted around {landmark2} and the {noun2} stayed shut for a {n}th day.",
    "Opposition councillors in {place} accused the {org} of ignoring repeated warnings about the {noun}.",
]


def make_article(i: int, rng: random.Random) -> dict[str, object]:
    topic = i % TOPICS
    w = _topic_words(topic)
    kind, lead, body = EVENTS[topic // len(PLACES)]
    day = 1 + (topic * 11) % 28  # topics spread over the month, a few per week
    outlet = OUTLETS[i % len(OUTLETS)]
    paras = [f"{str(w['place']).upper()} — On {day} March 2021 {lead.format(**w)}."]
    # four sentences of the topic's own (fixed per topic), then one or two chosen per article
    own = random.Random(topic).sample(TOPIC_SENTENCES, 6)
    paras += [b.format(**w) for b in own[:4]] + rng.sample([b.format(**w) for b in own[4:] + body], rng.randint(1, 2))
    # the article number makes every generated text unique (else two could be exact copies)
    paras.append(
        f"{w['name']} told the {outlet.split('.')[0]} that {rng.randint(2, 90)} people had called in (item {i})."
    )
    return {
        "content": "\n\n".join(paras),
        "kind": "record",
        "title": f"{w['place']} {kind} at {w['landmark']}: {lead.format(**w).split(',')[0]}",
        "outlet": outlet,
        "date": f"2021-03-{day:02d}",
        "url": f"https://{outlet}/{kind}/{i}",
        # Clean body text: the cleaner's corpus rules (a line carried by many documents of a batch
        # is a site template) would take these generated texts' shared sentences out in batch but
        # not in a post cleaned alone, and the comparison with analyze is about the stories.
        "clean": True,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, token: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSFUSE_TOKEN": token, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    cmd = [sys.executable, "-m", "newsfuse", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), "--quiet"]
    # The server's log goes to a file: a pipe nobody reads would fill up and block the server.
    with log.open("ab") as sink:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=sink)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited: " + log.read_text(encoding="utf-8", errors="replace")[-2000:])
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


async def run(bases: list[str], token: str, n: int, concurrency: int, reposts: int, wait: bool) -> dict[str, object]:
    rng = random.Random(13)
    articles = [make_article(i, rng) for i in range(n)]
    repost_idx = rng.sample(range(n), reposts)
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors: list[str] = []
    acked: dict[int, str] = {}
    dup_answers = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    clients = [
        httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120, limits=limits)
        for base in bases
    ]
    c = clients[0]  # reads: any server answers from the one store
    try:

        async def post(i: int, repost: bool) -> None:
            nonlocal dup_answers
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await clients[i % len(clients)].post(
                        "/api/articles", json=articles[i], params={"wait": str(wait).lower()}
                    )
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
        # without wait, stories follow the acknowledgements: time until every article is placed
        while (await c.get("/api/health")).json()["unassigned"] > 0:
            await asyncio.sleep(0.5)
        settled = time.perf_counter() - t0
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
        live_story: dict[str, str] = {}  # url -> story id, for the comparison with batch
        for aid in acked.values():
            got = (await c.get(f"/api/articles/{aid}")).json()
            if member.get(aid) != [got["story_id"]]:
                bad_membership += 1
            if got["article"].get("url") and got["story_id"]:
                live_story[got["article"]["url"]] = got["story_id"]
    finally:
        for client in clients:
            await client.aclose()

    return {
        "posts": n,
        "servers": len(bases),
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
        "live_story_of_url": live_story,
        "inconsistent_memberships": bad_membership,
        "wait_for_stories": wait,
        "wall_seconds": round(wall, 2),
        "stories_settled_seconds": round(settled, 2),
        "posts_per_second": round(n / wall, 1),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
        "latency_p95_ms": round(1000 * pct(latencies, 95), 1),
        "latency_p99_ms": round(1000 * pct(latencies, 99), 1),
    }


def batch_b3(n: int, live_story: dict[str, str], tmp: Path) -> dict[str, float]:
    """Run `newsfuse analyze` (in this process) on the same N records and compare its stories with
    the live ones: B3 of the live partition against the batch one, articles matched by URL."""
    from newsfuse.evals.metrics import bcubed
    from newsfuse.exec.local import analyze

    rng = random.Random(13)  # the same articles as run() posted
    path = tmp / "posted.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = make_article(i, rng)
            rec = {
                "text": a["content"],
                "title": a["title"],
                "outlet": a["outlet"],
                "date": a["date"],
                "url": a["url"],
                "clean": True,
            }
            fh.write(json.dumps(rec) + "\n")
    t0 = time.perf_counter()
    report = analyze([str(path)])
    url_of = {a.id: a.url for a in report.articles}
    batch = {url_of[aid]: st.id for st in report.stories for aid in st.articles if url_of[aid]}
    m = bcubed(batch, live_story)
    return {
        "batch_stories": len(report.stories),
        "live_stories": len(set(live_story.values())),
        "b3_f1_vs_batch": round(m["f1"], 4),
        "b3_precision": round(m["precision"], 4),
        "b3_recall": round(m["recall"], 4),
        "batch_seconds": round(time.perf_counter() - t0, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles to post (default 1000)")
    ap.add_argument("--concurrency", type=int, default=32, help="requests in flight (default 32)")
    ap.add_argument("--reposts", type=int, default=100, help="articles posted a second time afterwards (default 100)")
    ap.add_argument(
        "--no-wait", action="store_true", help="post with wait=false: acknowledged at commit, stories follow"
    )
    ap.add_argument("--log", default=None, help="server log file (default: a temporary file)")
    ap.add_argument(
        "--min-b3", type=float, default=1.0, help="least B3 F1 of the live stories vs analyze's (default 1.0)"
    )
    ap.add_argument("--db", default=None, help="SQLite file or postgresql:// URL (default: a temporary SQLite file)")
    ap.add_argument(
        "--servers", type=int, default=1, help="servers on the one store, posts spread over them (default 1)"
    )
    args = ap.parse_args()
    if args.n < 1 or args.concurrency < 1 or args.servers < 1 or not 0 <= args.reposts <= args.n:
        ap.error("--n, --concurrency and --servers must be positive, --reposts between 0 and --n")
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.sqlite")
        logs = [
            Path(f"{args.log}.{k}" if args.servers > 1 else args.log) if args.log else Path(tmp) / f"server{k}.log"
            for k in range(args.servers)
        ]
        procs: list[subprocess.Popen[bytes]] = []
        try:
            ports = []
            for log in logs:
                ports.append(free_port())
                procs.append(start_server(db, ports[-1], token, log))
            result = asyncio.run(
                run(
                    [f"http://127.0.0.1:{port}" for port in ports],
                    token,
                    args.n,
                    args.concurrency,
                    args.reposts,
                    not args.no_wait,
                )
            )
            result["server_log_errors"] = sum(
                log.read_text(encoding="utf-8", errors="replace").count("ERROR") for log in logs
            )
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        live_story = result.pop("live_story_of_url")
        assert isinstance(live_story, dict)
        result.update(batch_b3(args.n, live_story, Path(tmp)))
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
        and float(result["b3_f1_vs_batch"]) >= args.min_b3
    )
    print("RESULT", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
