from html.parser import HTMLParser

from newsfuse.render.sample import SCRIPT_PAYLOAD, sample_report
from newsfuse.store import open_store


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _client(db, h):
    with open_store(db) as s:
        s.save_report(sample_report(hostile=True))
    return h.make_client(db)


def test_pages_render_escaped_with_strict_csp(db, h) -> None:
    with _client(db, h) as c:
        for path in ["/", "/stories/s0001", "/articles/a000000000a1", "/?q=bridge&outlet=harbour"]:
            r = c.get(path)
            assert r.status_code == 200, path
            csp = r.headers["content-security-policy"]
            assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "script-src" not in csp
            assert r.headers["x-content-type-options"] == "nosniff"
            assert SCRIPT_PAYLOAD not in r.text
            p = _Tags()
            p.feed(r.text)
            assert not any(t == "script" for t, _ in p.tags)
            assert not any(k.startswith("on") for _, a in p.tags for k in a)
            assert not any(t == "img" for t, _ in p.tags)


def test_story_page_links_to_paragraph_anchors(db, h) -> None:
    with _client(db, h) as c:
        page = c.get("/stories/s0001").text
        assert 'href="/articles/a000000000a1#a000000000a1-p2"' in page
        art = c.get("/articles/a000000000a1").text
        assert 'id="a000000000a1-p2"' in art and "Removed while cleaning (2)" in art
        assert 'href="javascript:' not in art


def test_filters(db, h) -> None:
    with _client(db, h) as c:
        assert "Verlon river festival" in c.get("/?q=festival").text
        assert "Verlon river festival" not in c.get("/?entity=brandt").text
        assert "harbour bridge" in c.get("/?from=2021-03-01&to=2021-03-31").text
        r = c.get("/?from=notadate")
        assert r.status_code == 400 and "date_from" in r.text
        hostile = c.get('/?q="><script>alert(1)</script>').text
        assert "<script>alert(1)" not in hostile


def test_missing_pages_are_404(db, h) -> None:
    with _client(db, h) as c:
        assert c.get("/stories/nope").status_code == 404
        assert c.get("/articles/nope").status_code == 404
        assert c.get("/static/report.css").headers["content-type"].startswith("text/css")
