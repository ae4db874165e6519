import threading

from newsfuse.render.sample import sample_report
from newsfuse.store import open_store


def test_health_and_openapi(client, h) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["db"] == "sqlite"
    spec = client.get("/openapi.json").json()
    assert {
        "/api/articles",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/health",
    } <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN script


def test_writes_need_a_configured_token(db, h) -> None:
    with h.make_client(db, token=None) as c:
        r = c.post("/api/articles", json=h.article_json(1), headers=h.AUTH)
        assert r.status_code == 403 and "NEWSFUSE_TOKEN" in r.json()["detail"]
    with h.make_client(db) as c:
        assert c.post("/api/articles", json=h.article_json(1)).status_code == 401
        assert (
            c.post(
                "/api/articles", json=h.article_json(1), headers={"Authorization": "Bearer nope-nope-nope"}
            ).status_code
            == 401
        )
        # One documented way: a bearer token (the old undocumented X-Newsfuse-Token header grants nothing).
        assert c.post("/api/articles", json=h.article_json(1), headers={"X-Newsfuse-Token": h.TOKEN}).status_code == 401
        assert c.post("/api/articles", json=h.article_json(1), headers=h.AUTH).status_code == 201
        assert c.get("/api/health").json()["articles"] == 1


def test_post_one_then_batch_updates_stories(client, h) -> None:
    r = client.post("/api/articles", json=h.article_json(1), headers=h.AUTH)
    assert r.status_code == 201, r.text
    res = r.json()["results"][0]
    assert res["status"] == "created" and res["story_id"] == "s-bridge"
    batch = {"articles": [h.article_json(2), h.article_json(3, topic="Festival"), h.article_json(1)]}
    r = client.post("/api/articles", json=batch, headers=h.AUTH)
    body = r.json()
    assert [x["status"] for x in body["results"]] == ["created", "created", "duplicate"]
    assert body["results"][2]["article_id"] == res["article_id"]
    story = client.get("/api/stories/s-bridge").json()
    assert len(story["story"]["articles"]) == 2 and story["story"]["summary"]
    assert {a["outlet"] for a in story["articles"]} == {"one.example"}
    listing = client.get("/api/stories").json()
    assert {s["id"] for s in listing["stories"]} == {"s-bridge", "s-festival"}
    art = client.get(f"/api/articles/{res['article_id']}").json()
    assert art["story_id"] == "s-bridge" and art["article"]["paragraphs"][0]["id"] == "p1"
    raw = client.get(f"/api/articles/{res['article_id']}?raw=true").json()["raw"]
    assert raw["content"] == h.article_json(1)["content"] and raw["kind"] == "record"


def test_same_url_is_stored_once(client, h) -> None:
    a = h.article_json(1, url="https://one.example/a")
    b = h.article_json(2, url="https://one.example/a")  # other text, same URL
    r = client.post("/api/articles", json={"articles": [a, b]}, headers=h.AUTH).json()
    assert [x["status"] for x in r["results"]] == ["created", "duplicate"]
    r = client.post("/api/articles", json=b, headers=h.AUTH)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "duplicate"
    assert client.get("/api/health").json()["articles"] == 1


def test_rejections_are_reported_and_remembered(client, h) -> None:
    short = {"content": "Too short.", "kind": "record", "title": "Tiny"}
    r = client.post("/api/articles", json=short, headers=h.AUTH).json()["results"][0]
    assert r["status"] == "rejected" and r["reason"] == "no_text"
    r = client.post("/api/articles", json=short, headers=h.AUTH).json()["results"][0]
    assert r["status"] == "rejected" and r["reason"] == "no_text"
    assert client.get("/api/health").json()["rejected"] == 1


def test_raw_bodies(client, h) -> None:
    text = "Harbour news: the bridge reopened on Tuesday after long repairs.\n\nMore on the bridge."
    r = client.post(
        "/api/articles/raw?title=Harbour%20reopens&outlet=two.example",
        content=text,
        headers={**h.AUTH, "Content-Type": "text/plain"},
    )
    assert r.status_code == 201, r.text
    html = (
        "<p>Harbour news in HTML: the bridge reopened on Tuesday after repairs.</p><p>A second paragraph follows.</p>"
    )
    r = client.post(
        "/api/articles/raw?title=Harbour%20html", content=html, headers={**h.AUTH, "Content-Type": "text/html"}
    )
    assert r.status_code == 201
    r = client.post("/api/articles/raw", content=b"{}", headers={**h.AUTH, "Content-Type": "application/pdf"})
    assert r.status_code == 415
    r = client.post("/api/articles/raw", content=b"\xff\xfe", headers={**h.AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 400


def test_limits_are_clear_4xx(db, h):
    with h.make_client(db, max_batch=3, max_body_bytes=4096) as c:
        r = c.post("/api/articles", json={"articles": [h.article_json(i) for i in range(4)]}, headers=h.AUTH)
        assert r.status_code == 413 and "limit is 3" in r.json()["detail"]
        big = h.article_json(1, content="x" * 5000)
        r = c.post("/api/articles", json=big, headers=h.AUTH)
        assert r.status_code == 413 and "4096" in r.json()["detail"]

        def chunks():
            for _ in range(10):
                yield b"y" * 1000

        r = c.post("/api/articles/raw", content=chunks(), headers={**h.AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 413
        assert c.post("/api/articles", json={"articles": []}, headers=h.AUTH).status_code == 422
        assert c.post("/api/articles", json={"content": "x", "evil": 1}, headers=h.AUTH).status_code == 422
        assert (
            c.post(
                "/api/articles", content=b"{not json", headers={**h.AUTH, "Content-Type": "application/json"}
            ).status_code
            == 422
        )
        assert c.get("/api/stories?from=yesterday").status_code == 400
        assert c.get("/api/stories?limit=100000").status_code == 422
        assert c.get("/api/stories/nope").status_code == 404


def test_errors_do_not_leak_stack_traces(db, h) -> None:
    with h.make_client(db) as c:

        def boom(*a, **k):
            raise RuntimeError("secret internals at /srv/app.py line 3")

        c.app.state.store.list_stories = boom
        c.app.state.store.list_briefs = boom
        r = c.get("/api/stories")
        assert r.status_code == 500
        assert "secret" not in r.text and "Traceback" not in r.text


def test_cors_off_by_default(client, h) -> None:
    r = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = client.options(
        "/api/articles", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in r.headers


def test_concurrent_posts_neither_lose_nor_duplicate(client, h) -> None:
    errors = []

    def post(i: int) -> None:
        # every article posted twice, from different threads
        r = client.post(
            "/api/articles", json=h.article_json(i % 30, topic=["Bridge", "Festival", "Port"][i % 3]), headers=h.AUTH
        )
        if r.status_code not in (200, 201):
            errors.append(r.text)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(60)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    h = client.get("/api/health").json()
    assert h["articles"] == 30 and h["unassigned"] == 0
    stories = client.get("/api/stories").json()["stories"]
    assert sum(s["articles"] for s in stories) == 30


def test_restart_recovers_stories_for_stored_articles(db, h) -> None:
    with h.make_client(db) as c:
        c.post("/api/articles", json={"articles": [h.article_json(1), h.article_json(2)]}, headers=h.AUTH)
    # Simulate a crash after the article commit but before the story update.
    with open_store(db) as s, s.conn.transaction():
        s.conn.execute("DELETE FROM story_terms")
        s.conn.execute("DELETE FROM stories")
        s.conn.execute("UPDATE articles SET story_id = NULL")
    with h.make_client(db) as c:
        assert c.app.state.ingestor.wait_started(10)  # recovery runs in the background
        h = c.get("/api/health").json()
        assert h["stories"] == 1 and h["unassigned"] == 0 and not h["starting"]


def test_reads_a_stored_report(db, h) -> None:
    with open_store(db) as s:
        s.save_report(sample_report())
    with h.make_client(db) as c:
        st = c.get("/api/stories/s0001").json()["story"]
        assert st["conflicts"][0]["values"][0]["value"] == "40000000"
        assert c.get("/api/articles/a000000000a1").json()["article"]["removed"][1]["reason"] == "comment"
        assert [s["id"] for s in c.get("/api/stories?entity=brandt").json()["stories"]] == ["s0001"]


def test_failing_story_analysis_keeps_articles(db, h) -> None:
    steps = h.simple_steps()

    def broken(story, by_id, options):
        raise RuntimeError("analysis bug")

    steps.story_step = broken
    from fastapi.testclient import TestClient

    from newsfuse.web import Settings, create_app

    with TestClient(create_app(Settings(db=db, token=h.TOKEN, steps=steps, today=h.TODAY))) as c:
        r = c.post("/api/articles", json=h.article_json(1), headers=h.AUTH)
        assert r.status_code == 201
        res = r.json()["results"][0]
        assert res["story_id"] == "s-bridge"
        story = c.get("/api/stories/s-bridge").json()["story"]
        assert any("analysis failed" in n for n in story["notes"])


def test_real_extraction_of_posted_html_and_text(db, h) -> None:
    from fastapi.testclient import TestClient

    from newsfuse.pipeline import ARTICLE_STEPS
    from newsfuse.web import Settings, create_app

    steps = h.simple_steps()
    steps.articles = ARTICLE_STEPS
    paras = [
        "The ferry between Lunden and Ostmark resumed service on Monday after a three-week halt caused by storms.",
        "Operators said 14 crossings a day would run until the end of the month, with extra boats at weekends.",
        "Harbour master Ada Rell said the new timetable had been agreed with both town councils on Friday.",
    ]
    page = (
        "<html><head><title>Ferry resumes</title></head><body><nav>Home | News | Sport</nav><article><h1>Ferry resumes</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article><footer>Copyright 2021</footer></body></html>"
    )
    with TestClient(create_app(Settings(db=db, token=h.TOKEN, steps=steps, today=h.TODAY))) as c:
        r = c.post(
            "/api/articles",
            json={"content": page, "kind": "html", "url": "https://ferry.example/news/1"},
            headers=h.AUTH,
        )
        assert r.status_code == 201, r.text
        aid = r.json()["results"][0]["article_id"]
        art = c.get(f"/api/articles/{aid}").json()["article"]
        assert art["input_format"] == "html"
        assert any("14 crossings" in p["text"] for p in art["paragraphs"])
        assert not any("Copyright" in p["text"] for p in art["paragraphs"])
        r = c.post(
            "/api/articles/raw?title=Ferry%20text",
            content="\n\n".join(paras[::-1]),
            headers={**h.AUTH, "Content-Type": "text/plain"},
        )
        assert r.status_code == 201, r.text


def test_post_without_wait_acknowledges_at_commit(client, h) -> None:
    r = client.post(
        "/api/articles?wait=false", json={"articles": [h.article_json(i) for i in range(5)]}, headers=h.AUTH
    )
    assert r.status_code == 201 and r.json()["created"] == 5
    import time

    deadline = time.time() + 10
    while client.get("/api/health").json()["unassigned"] and time.time() < deadline:
        time.sleep(0.05)
    assert client.get("/api/health").json()["unassigned"] == 0
    assert client.get("/api/stories/s-bridge").json()["story"]["articles"].__len__() == 5
