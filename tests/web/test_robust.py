"""Bad input is a 4xx or a cleaned, noted article, never a 500; a story that cannot be stored
neither stops the server from starting nor holds back other stories.  On SQLite and, with
NEWSFUSE_TEST_PG, on PostgreSQL (which refuses NUL in text)."""

from __future__ import annotations

import json

from newsfuse.store import open_store


def _post_raw_json(c, payload: str, h):
    return c.post(
        "/api/articles", content=payload.encode("utf-8"), headers={**h.AUTH, "Content-Type": "application/json"}
    )


def test_nul_surrogate_and_controls_are_cleaned_and_noted(any_db, h) -> None:
    with h.make_client(any_db) as c:
        rec = h.article_json(1, title="Bridge\u0000 story", author="Ann\r\n# Lee", url="https://one.example/a\u0000b")
        rec["content"] = str(rec["content"]).replace("council", "coun\u0000cil\u001b")
        r = c.post("/api/articles", json=rec, headers=h.AUTH)
        assert r.status_code == 201, r.text
        aid = r.json()["results"][0]["article_id"]
        art = c.get(f"/api/articles/{aid}").json()["article"]
        assert "council" in art["paragraphs"][0]["text"] and art["url"] == "https://one.example/ab"
        assert any("input sanitised" in n for n in art["notes"])
        # A lone surrogate can only be sent as a JSON escape: the body itself is valid UTF-8.
        payload = json.dumps({**h.article_json(2), "title": "Bridge \ud800 two"})
        assert "\\ud800" in payload
        r = _post_raw_json(c, payload, h)
        assert r.status_code == 201, r.text
        aid = r.json()["results"][0]["article_id"]
        assert c.get(f"/api/articles/{aid}").json()["article"]["title"] == "Bridge \ufffd two"
        r = c.post(
            "/api/articles/raw?title=Bridge%00raw",
            content="Bridge\x00 news on Tuesday.\n\nMore text here\x00.",
            headers={**h.AUTH, "Content-Type": "text/plain"},
        )
        assert r.status_code in (200, 201), r.text
        for q in ("%00", "%ED%A0%80", "bridge%00"):
            assert c.get(f"/api/stories?q={q}").status_code == 200
            assert c.get(f"/?q={q}").status_code == 200
        health = c.get("/api/health").json()
        assert health["failed_stories"] == 0 and health["unassigned"] == 0


def test_story_that_cannot_be_stored_is_retried_and_never_fatal(db, h):
    # Articles stored, then the server dies before their story is stored (it will be redone at start).
    with h.make_client(db) as c:
        c.post(
            "/api/articles", json={"articles": [h.article_json(1), h.article_json(2, topic="Ferry")]}, headers=h.AUTH
        )
    with open_store(db) as s, s.conn.transaction():
        s.conn.execute("DELETE FROM story_terms")
        s.conn.execute("DELETE FROM stories")
        s.conn.execute("UPDATE articles SET story_id = NULL")

    from newsfuse.store import store as store_mod

    real = store_mod.Store.save_stories
    broken = {"on": True}

    def save_stories(self, stories, removed=(), members=None):
        stories = list(stories)
        if broken["on"] and any(st.id == "s-bridge" for st in stories):
            raise ValueError("text fields cannot contain NUL")  # what psycopg says; any storage error will do
        return real(self, stories, removed, members)

    store_mod.Store.save_stories = save_stories  # type: ignore[method-assign]
    try:
        with h.make_client(db) as c:  # recovery fails for one story: the server starts anyway
            ing = c.app.state.ingestor
            assert ing.wait_started(10)
            health = c.get("/api/health").json()
            assert health["failed_story_ids"] == ["s-bridge"] and health["unassigned"] == 1
            assert c.get("/api/stories/s-ferry").status_code == 200  # the other story was stored
            broken["on"] = False
            # The next round (a post, or the retry timer) stores it.
            c.post("/api/articles", json=h.article_json(3, topic="Ferry"), headers=h.AUTH)
            health = c.get("/api/health").json()
            assert health["failed_stories"] == 0 and health["unassigned"] == 0
            assert len(c.get("/api/stories/s-bridge").json()["story"]["articles"]) == 1
    finally:
        store_mod.Store.save_stories = real  # type: ignore[method-assign]


def test_unreadable_stored_data_does_not_stop_the_start(db, h) -> None:
    with h.make_client(db) as c:
        r = c.post(
            "/api/articles", json={"articles": [h.article_json(1), h.article_json(2, topic="Dam")]}, headers=h.AUTH
        )
        bad = r.json()["results"][0]["article_id"]
    with open_store(db) as s, s.conn.transaction():
        s.conn.execute("UPDATE articles SET data = ? WHERE id = ?", ("{not json", bad))
    with h.make_client(db) as c:
        ing = c.app.state.ingestor
        assert ing.wait_started(10)
        assert bad not in ing.by_id and len(ing.by_id) == 1  # the damaged row is left out, the rest loads
        assert c.get("/api/health").status_code == 200
        assert c.get("/").status_code == 200
        r = c.post("/api/articles", json=h.article_json(2, topic="Ferry"), headers=h.AUTH)
        assert r.status_code == 201 and r.json()["results"][0]["story_id"] == "s-ferry"


def test_non_finite_numbers_in_a_body_are_a_422_not_a_500(client, h) -> None:
    # Found by tests/fuzz: Python's JSON parser accepts NaN/Infinity, and the 422 that echoed them failed to encode.
    for body in ("Infinity", "NaN", '{"content": "x", "title": -Infinity}', '{"articles": [NaN]}'):
        r = client.post("/api/articles", content=body, headers={**h.AUTH, "Content-Type": "application/json"})
        assert r.status_code == 422, (body, r.text)
