import argparse
import os

import pytest

from newsfuse.web import app as web_app


def _args(tmp_path, **kw):
    base = {"db": str(tmp_path / "s.sqlite"), "host": "127.0.0.1", "port": 8000, "token": None, "quiet": True}
    return argparse.Namespace(**{**base, **kw})


def test_serve_reads_token_from_env_and_runs_uvicorn(tmp_path, monkeypatch, h) -> None:
    import newsfuse.web.ingest as ingest

    monkeypatch.setattr(ingest.Steps, "default", classmethod(lambda cls: h.simple_steps()))
    seen = {}

    def fake_run(app, **kw):
        seen["token"] = app.state.settings.token
        seen.update(kw)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("NEWSFUSE_TOKEN", "from-the-environment")
    assert web_app.serve(_args(tmp_path)) == 0
    assert seen["token"] == "from-the-environment" and seen["port"] == 8000 and seen["host"] == "127.0.0.1"
    monkeypatch.delenv("NEWSFUSE_TOKEN")
    assert web_app.serve(_args(tmp_path, token="given-on-the-command-line")) == 0
    assert seen["token"] == "given-on-the-command-line"
    assert web_app.serve(_args(tmp_path)) == 0
    assert seen["token"] is None
    seen.clear()

    def fake_run_budget(app, **kw):
        seen["budget"] = app.state.settings.story_budget_seconds

    monkeypatch.setattr(uvicorn, "run", fake_run_budget)
    assert web_app.serve(_args(tmp_path, story_budget=5.0)) == 0
    assert seen["budget"] == 5.0
    assert web_app.serve(_args(tmp_path, story_budget=0.0)) == 0
    assert seen["budget"] is None  # 0: no limit


def test_serve_rejects_bad_arguments(tmp_path) -> None:
    with pytest.raises(ValueError, match="port"):
        web_app.serve(_args(tmp_path, port=70000))
    with pytest.raises(ValueError, match="at least 8"):
        web_app.serve(_args(tmp_path, token="short"))
    with pytest.raises(ValueError, match="story-budget"):
        web_app.serve(_args(tmp_path, story_budget=-1.0))


@pytest.mark.postgres
def test_web_app_on_postgres(h) -> None:
    url = os.environ.get("NEWSFUSE_TEST_PG")
    if not url:
        pytest.skip("NEWSFUSE_TEST_PG is not set (see .ci/start-postgres)")
    import psycopg

    def reset():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "DROP TABLE IF EXISTS story_terms, stories, articles, raw_documents, schema_migrations CASCADE"
            )

    reset()
    try:
        with h.make_client(url) as c:
            r = c.post(
                "/api/articles",
                json={"articles": [h.article_json(1), h.article_json(2), h.article_json(1)]},
                headers=h.AUTH,
            )
            assert [x["status"] for x in r.json()["results"]] == ["created", "created", "duplicate"]
            assert c.get("/api/health").json()["db"] == "postgresql"
            assert [s["articles"] for s in c.get("/api/stories?q=bridge").json()["stories"]] == [2]
            assert "Bridge story 1" in c.get("/").text
    finally:
        reset()
