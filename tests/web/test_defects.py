"""Small defects of issue 15: a rejected stub does not block its URL; dates are parsed, not compared
as strings; a page answers a bad parameter with an HTML page."""

from __future__ import annotations


def test_rejected_stub_does_not_block_its_url(client, h) -> None:
    url = "https://one.example/full-story"
    stub = {"content": " ", "kind": "record", "title": "Bridge stub", "url": url}
    r = client.post("/api/articles", json=stub, headers=h.AUTH)
    assert r.json()["results"][0]["status"] == "rejected"
    # The same stub again: still rejected (same content, same answer).
    r = client.post("/api/articles", json=stub, headers=h.AUTH)
    assert r.json()["results"][0]["status"] == "rejected"
    full = h.article_json(1, url=url)
    r = client.post("/api/articles", json=full, headers=h.AUTH)
    res = r.json()["results"][0]
    assert r.status_code == 201 and res["status"] == "created", res
    r = client.post("/api/articles", json=full, headers=h.AUTH)  # and now the URL is the article's
    assert r.json()["results"][0] == {**res, "status": "duplicate"}
    assert client.get("/api/health").json()["raw_documents"] == 2


def test_dates_are_parsed_not_compared_as_strings(client, h) -> None:
    arts = [h.article_json(1, date="2021-02-27"), h.article_json(2, topic="Ferry", date="2021-03-05")]
    client.post("/api/articles", json={"articles": arts}, headers=h.AUTH)
    ids = lambda q: [s["id"] for s in client.get(f"/api/stories?{q}").json()["stories"]]  # noqa: E731
    assert ids("from=2021-3-1") == ["s-ferry"]  # as a string "2021-3-1" > "2021-03-05"
    assert ids("to=2021-3-1") == ["s-bridge"]
    assert ids("from=2021-03-01") == ["s-ferry"]
    for bad in ("2021-02-30", "March", "2021/03/01", "20210301"):
        r = client.get(f"/api/stories?from={bad}")
        assert r.status_code == 400 and "YYYY-MM-DD" in r.json()["detail"], bad
    assert client.get("/api/stories?from=2021-03-05&to=2021-03-01").status_code == 400
    page = client.get("/?from=2021-3-1")
    assert page.status_code == 200 and "Ferry story 2" in page.text and "Bridge story 1" not in page.text
    page = client.get("/?from=2021-02-30")
    assert (
        page.status_code == 400 and page.headers["content-type"].startswith("text/html") and "YYYY-MM-DD" in page.text
    )


def test_bad_page_number_is_an_html_error(client) -> None:
    for q in ("page=0", "page=x", "page=-1"):
        r = client.get(f"/?{q}")
        assert r.status_code == 400, q
        assert r.headers["content-type"].startswith("text/html") and "<h1>Bad request</h1>" in r.text
        assert "page" in r.text
    r = client.get("/api/stories?limit=0")
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
