"""Reads never wait for the story updater (issue 15): not for its commit, not for a story's
analysis; and a story whose analysis takes longer than the per-story time budget is stopped,
stored with a note, and the others go on."""

from __future__ import annotations

import copy
import importlib
import logging
import os
import threading
import time
from pathlib import Path

from newsfuse.exec.local import analyze
from newsfuse.model import Article, Story, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import story_step
from newsfuse.web.analysis import OverBudget, StoryAnalyser

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"
READS = ["/api/health", "/", "/api/stories", "/stories/s-bridge", "/api/stories/s-bridge"]


def _timed_get(c, path: str, timeout: float = 10.0):
    """GET ``path`` on another thread; the response, or AssertionError if none came in ``timeout`` s."""
    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(c.get(path)), daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"GET {path} still waiting after {timeout} s"
    return out[0]


def test_reads_answer_while_a_story_update_commits(db, h) -> None:
    with h.make_client(db) as c:
        assert c.post("/api/articles", json=h.article_json(1), headers=h.AUTH).status_code == 201
        store = c.app.state.store
        inside, release = threading.Event(), threading.Event()

        def slow_commit() -> None:  # as the updater storing a huge story: the write lock held long
            with store.transaction():
                store.conn.execute("UPDATE stories SET title = 'changed' WHERE id = 's-bridge'")
                inside.set()
                assert release.wait(30)

        w = threading.Thread(target=slow_commit, daemon=True)
        w.start()
        try:
            assert inside.wait(10)
            for path in READS:
                r = _timed_get(c, path)
                assert r.status_code == 200, (path, r.status_code)
            assert _timed_get(c, "/api/health").json()["stories"] == 1
        finally:
            release.set()
            w.join(10)


def test_reads_answer_while_a_story_analysis_runs(db, h):
    entered, release = threading.Event(), threading.Event()
    steps = h.simple_steps()
    real_step = steps.story_step

    def blocking_step(story: Story, by_id: dict[str, Article], options: Options) -> Story:
        if any((by_id[a].title or "").startswith("Ferry") for a in story.articles):
            entered.set()
            assert release.wait(30)
        return real_step(story, by_id, options)

    steps.story_step = blocking_step
    from fastapi.testclient import TestClient

    from newsfuse.web import Settings, create_app

    settings = Settings(db=db, token=h.TOKEN, steps=steps, today=h.TODAY)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        assert c.post("/api/articles", json=h.article_json(1), headers=h.AUTH).status_code == 201
        try:
            r = c.post("/api/articles", json=h.article_json(2, topic="Ferry"), headers=h.AUTH, params={"wait": "false"})
            assert r.status_code == 201
            assert entered.wait(10)
            for path in READS:
                assert _timed_get(c, path).status_code == 200, path
            health = _timed_get(c, "/api/health").json()
            assert health["articles"] == 2 and health["unassigned"] == 1 and health["stories"] == 1
        finally:
            release.set()
        deadline = time.time() + 10
        while c.get("/api/health").json()["unassigned"] and time.time() < deadline:
            time.sleep(0.05)
        assert c.get("/api/health").json()["stories"] == 2


SLOW_STEP = """
import time

from newsfuse.model import Source, SummarySentence


def story_step(story, by_id, options):
    first = by_id[story.articles[0]]
    if (first.title or "").startswith("Slow"):
        time.sleep(120)
    story.headline = SummarySentence(first.title or "", [Source(first.id, "p1", first.outlet)])
    return story
"""


def test_a_story_over_its_time_budget_is_stopped_noted_and_the_others_go_on(
    db, h, tmp_path, monkeypatch, caplog
) -> None:
    # A story step the worker process can import (by module name, from sys.path).
    (tmp_path / "nf_slow_story_step.py").write_text(SLOW_STEP, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    slow = importlib.import_module("nf_slow_story_step")
    steps = h.simple_steps()
    steps.story_step = slow.story_step
    from fastapi.testclient import TestClient

    from newsfuse.web import Settings, create_app

    settings = Settings(db=db, token=h.TOKEN, steps=steps, today=h.TODAY, story_process=True, story_budget_seconds=2.0)
    caplog.set_level(logging.WARNING, logger="newsfuse.web")
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        t0 = time.perf_counter()
        batch = {"articles": [h.article_json(1, topic="Slow"), h.article_json(2, topic="Ferry")]}
        r = c.post("/api/articles", json=batch, headers=h.AUTH)
        assert r.status_code == 201
        assert time.perf_counter() - t0 < 60  # stopped at the budget, not after the step's 120 s
        slow_id, ferry_id = (x["story_id"] for x in r.json()["results"])
        assert slow_id and ferry_id and slow_id != ferry_id
        slow_story = c.get(f"/api/stories/{slow_id}").json()["story"]
        assert slow_story.get("headline") is None
        assert any("per-story time budget (2 s)" in n for n in slow_story["notes"])
        assert c.get(f"/api/stories/{ferry_id}").json()["story"]["headline"]["text"] == "Ferry story 2"
        health = c.get("/api/health").json()
        assert health["over_budget_stories"] == 1 and health["over_budget_story_ids"] == [slow_id]
        assert health["unassigned"] == 0 and health["failed_stories"] == 0
        assert any(
            "per-story time budget" in rec.getMessage() and slow_id in rec.getMessage() for rec in caplog.records
        )
        # The stopped worker is replaced: later stories are analysed.
        r = c.post("/api/articles", json=h.article_json(3, topic="Dam"), headers=h.AUTH)
        dam = c.get(f"/api/stories/{r.json()['results'][0]['story_id']}").json()["story"]
        assert dam["headline"]["text"] == "Dam story 3"
        assert "Slow story 1" in c.get(f"/stories/{slow_id}").text  # the page shows the story and its note
        assert "per-story time budget" in c.get(f"/stories/{slow_id}").text


def _fresh(st: Story) -> Story:
    return Story(
        id=st.id,
        articles=list(st.articles),
        outlets=list(st.outlets),
        independent_sources=st.independent_sources,
        unknown_outlet_articles=st.unknown_outlet_articles,
        first_date=st.first_date,
        last_date=st.last_date,
        title=st.title,
    )


def test_analysis_in_the_worker_process_equals_analysis_in_process() -> None:
    report = analyze([str(CORPUS)], Options())
    by_id = {a.id: a for a in report.articles}
    analyser = StoryAnalyser(story_step, Options(), budget=120.0, process=True)
    try:
        for st in report.stories:
            here = story_step(copy.deepcopy(_fresh(st)), by_id, Options())
            there = analyser.analyse(copy.deepcopy(_fresh(st)), by_id)
            assert to_dict(there) == to_dict(here)
            # the worker gives the CPU to the server first
            assert os.getpriority(os.PRIO_PROCESS, analyser._proc.pid) == min(
                19, os.getpriority(os.PRIO_PROCESS, 0) + 10
            )
            assert (
                to_dict(there)["summary"] == to_dict(st)["summary"]
                and to_dict(there)["claims"] == to_dict(st)["claims"]
            )
    finally:
        analyser.close()


def test_budget_without_a_worker_process_is_not_enforced_but_a_worker_stops(tmp_path, monkeypatch) -> None:
    (tmp_path / "nf_slow_story_step2.py").write_text(SLOW_STEP, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    slow = importlib.import_module("nf_slow_story_step2")
    st = Story(id="s1", articles=["a1"])
    by_id = {"a1": Article(id="a1", origin="x", title="Slow one")}
    analyser = StoryAnalyser(slow.story_step, Options(), budget=1.0, process=True)
    try:
        t0 = time.perf_counter()
        try:
            analyser.analyse(st, by_id)
            raise AssertionError("not stopped")
        except OverBudget:
            pass
        assert time.perf_counter() - t0 < 30
        by_id["a1"] = Article(id="a1", origin="x", title="Quick one")
        headline = analyser.analyse(st, by_id).headline
        assert headline is not None and headline.text == "Quick one"
    finally:
        analyser.close()


def test_a_cached_story_page_is_rebuilt_when_the_story_changes(db, h) -> None:
    with h.make_client(db) as c:
        c.post("/api/articles", json=h.article_json(1), headers=h.AUTH)
        first = c.get("/stories/s-bridge").text
        assert "Bridge story 1" in first and "Bridge story 2" not in first
        assert c.get("/stories/s-bridge").text == first  # served from the cache
        c.post("/api/articles", json=h.article_json(2), headers=h.AUTH)
        assert "Bridge story 2" in c.get("/stories/s-bridge").text
        assert c.get("/stories/nope").status_code == 404


def test_a_page_asked_for_by_many_requests_at_once_is_built_once():
    from newsfuse.web.pages import PageCache

    cache = PageCache()
    started, release = threading.Event(), threading.Event()
    built: list[str] = []

    def build() -> bytes:
        built.append("v1")
        started.set()
        assert release.wait(10)
        return b"<p>page v1</p>"

    got: list[bytes | None] = []
    threads = [threading.Thread(target=lambda: got.append(cache.page("s1", "v1", build))) for _ in range(6)]
    threads[0].start()
    assert started.wait(10)
    for t in threads[1:]:
        t.start()
    time.sleep(0.2)  # the others are waiting for the first build, not building
    release.set()
    for t in threads:
        t.join(10)
    assert got == [b"<p>page v1</p>"] * 6 and built == ["v1"] and cache.builds == 1
    # another version is built again; a missing story (None) is not cached
    assert cache.page("s1", "v2", lambda: b"v2") == b"v2" and cache.builds == 2
    assert cache.page("s2", "v1", lambda: None) is None and cache.page("s2", "v1", lambda: b"x") == b"x"
    assert cache._building == {}  # nothing left behind


def test_a_storys_json_is_encoded_once_per_version(db, h):
    with h.make_client(db) as c:
        c.post("/api/articles", json=h.article_json(1), headers=h.AUTH)
        cache = c.app.state.story_json_cache
        first = c.get("/api/stories/s-bridge")
        assert first.status_code == 200 and first.headers["content-type"] == "application/json"
        assert [a["title"] for a in first.json()["articles"]] == ["Bridge story 1"]
        assert first.json()["story"]["headline"]["text"] == "Bridge story 1"
        assert c.get("/api/stories/s-bridge").content == first.content and cache.builds == 1
        c.post("/api/articles", json=h.article_json(2), headers=h.AUTH)
        again = c.get("/api/stories/s-bridge").json()
        assert [a["title"] for a in again["articles"]] == ["Bridge story 1", "Bridge story 2"] and cache.builds == 2
        assert c.get("/api/stories/nope").status_code == 404
