"""Durability: kill -9 the server in the middle of a stream of posts; after a restart every
acknowledged article is there (and its story too)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: str, port: int, token: str) -> subprocess.Popen[bytes]:
    # The server runs the web app over the test stand-in stages (see conftest.simple_steps).
    code = textwrap.dedent(
        f"""
        import sys
        sys.path[:0] = [{str(SRC)!r}, {str(HERE)!r}]
        import conftest, uvicorn
        from newsfuse.web import Settings, create_app
        app = create_app(Settings(db={db!r}, token={token or None!r}, steps=conftest.simple_steps(), today=conftest.TODAY))
        uvicorn.run(app, host="127.0.0.1", port={port}, log_level="error")
        """
    )
    log = Path(db).with_suffix(".log")  # a file, not a pipe: an unread pipe could block the server
    with log.open("ab") as sink:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=sink)
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace"))
        try:
            r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
            if r.status_code == 200 and not r.json()["starting"]:  # listening, then recovered in the background
                return proc
            time.sleep(0.1)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def test_kill_mid_batch_loses_nothing_acknowledged(tmp_path, h) -> None:
    db = str(tmp_path / "kill.sqlite")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(db, port, h.TOKEN)
    acked: dict[str, str] = {}  # article id -> story id at acknowledgement
    lock = threading.Lock()
    stop = threading.Event()

    def poster(worker: int) -> None:
        with httpx.Client(base_url=base, headers=h.AUTH, timeout=10) as c:
            i = 0
            while not stop.is_set():
                batch = [h.article_json(worker * 10_000 + i + k, topic=f"Topic{(i + k) % 7}") for k in range(3)]
                i += 3
                try:
                    r = c.post("/api/articles", json={"articles": batch})
                except httpx.HTTPError:
                    return  # the server is gone: this batch was not acknowledged
                if r.status_code in (200, 201):
                    with lock:
                        for res in r.json()["results"]:
                            assert res["status"] == "created"
                            acked[res["article_id"]] = res["story_id"]

    threads = [threading.Thread(target=poster, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    deadline = time.time() + 30
    while len(acked) < 30 and time.time() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)  # mid-batch: posts are in flight
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    assert len(acked) >= 30

    proc = _start(db, port, h.TOKEN)
    try:
        with httpx.Client(base_url=base, timeout=10) as c:
            health = c.get("/api/health").json()
            assert health["articles"] >= len(acked)
            assert health["unassigned"] == 0
            for n, aid in enumerate(sorted(acked)):
                r = c.get(f"/api/articles/{aid}")
                assert r.status_code == 200, aid
                sid = r.json()["story_id"]
                assert sid is not None
                if n % 10 == 0:  # a sample: each story fetch is a full story document
                    assert aid in c.get(f"/api/stories/{sid}").json()["story"]["articles"]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
