"""The live story index in a worker process gives the stories (and copies) of the index in-process."""

from __future__ import annotations

import copy
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from newsfuse.model import Article, Story, to_dict
from newsfuse.options import Options
from newsfuse.stories.live import LiveStories
from newsfuse.web import workerproc
from newsfuse.web.indexproc import IndexProcess

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_fixtures import invented_stream


def _view(stories: list[Story]) -> list[dict[str, object]]:
    return sorted((to_dict(s) for s in stories), key=lambda d: str(d["id"]))


def _copies(articles: list[Article]) -> dict[str, object]:
    return {a.id: to_dict(a.copy_of) for a in articles}


def _feed(index: object, articles: list[Article], every: int) -> list[Story]:
    stories: list[Story] = []
    for i, a in enumerate(articles, 1):
        index.add(a)  # type: ignore[attr-defined]
        if i % every == 0 or i == len(articles):
            stories = index.stories()  # type: ignore[attr-defined]
    return stories


def _shuffled(n: int, seed: int) -> list[Article]:
    articles = invented_stream(n, seed=5)
    random.Random(seed).shuffle(articles)
    return articles


def test_the_index_in_a_worker_process_equals_the_index_in_process():
    options = Options()
    here_articles, there_articles = _shuffled(80, 1), _shuffled(80, 1)
    here = _feed(LiveStories(options), here_articles, every=7)
    index = IndexProcess(LiveStories, options)
    try:
        there = _feed(index, there_articles, every=7)
        assert index.pid is not None and index.pid != os.getpid()  # clustered in another process
        assert os.getpriority(os.PRIO_PROCESS, index.pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + 10)
        assert index.sets_copies and len(index) == 80
        assert len(here) > 5 and _view(there) == _view(here)
        assert any(a.copy_of for a in there_articles)  # the stream has reprints ...
        assert _copies(there_articles) == _copies(here_articles)  # ... set on the caller's articles
        assert index.reclustered > 0
        # what stories() returns belongs to the caller
        first = index.stories()
        first[0].articles.append("x")
        assert "x" not in index.stories()[0].articles
    finally:
        index.close()
    assert index.pid is None


def test_a_dead_index_worker_is_replaced_and_given_every_article():
    options = Options()
    articles = _shuffled(80, 2)
    index = IndexProcess(LiveStories, options)
    try:
        _feed(index, articles[:40], every=10)
        pid = index.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        deadline = time.time() + 10
        while index.pid is not None and time.time() < deadline:
            time.sleep(0.05)
        there = _feed(index, articles[40:], every=10)
        assert index.pid not in (None, pid)
        expected = copy.deepcopy(articles)
        assert _view(there) == _view(_feed(LiveStories(options), expected, every=80))
        assert _copies(articles) == _copies(expected)
    finally:
        index.close()


def test_without_a_worker_process_the_index_runs_in_this_process(monkeypatch, caplog):
    class NoSpawn:
        def Pipe(self):
            raise OSError("no processes here")

    monkeypatch.setattr(workerproc.multiprocessing, "get_context", lambda method: NoSpawn())
    options = Options()
    articles = _shuffled(40, 3)
    index = IndexProcess(LiveStories, options)
    there = _feed(index, articles, every=9)
    assert index.pid is None
    assert _view(there) == _view(_feed(LiveStories(options), copy.deepcopy(articles), every=40))
    assert any("runs in the server process" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("asked", [True, False])
def test_the_index_runs_in_a_worker_process_only_when_asked(tmp_path, asked):
    from newsfuse.store import open_store
    from newsfuse.web.ingest import Ingestor, Steps

    store = open_store(str(tmp_path / "x.sqlite"))
    ing = Ingestor(store, Options(), Steps.default(), index_process=asked)
    try:
        assert ing.wait_started(30)
        assert isinstance(ing.index, IndexProcess) is asked
    finally:
        ing.close()
        store.close()
