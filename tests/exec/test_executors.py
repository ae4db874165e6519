"""Executors give the same report; interrupted runs resume without redoing finished shards."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fakes import write_corpus

from newsfuse.exec.local import InProcessMapper, ProcessPoolMapper, run_local
from newsfuse.exec.runner import run_steps
from newsfuse.model import Report, to_dict
from newsfuse.options import Options

TODAY = date(2024, 6, 1)
HERE = Path(__file__).parent
SRC = HERE.parent.parent / "src"


def _options() -> Options:
    o = Options()
    o.scale.shard_files = 1  # one task per file: many shards even for a small corpus
    o.scale.partition_days = 30  # the corpus spans ~5 months: several time partitions
    o.scale.story_batch_articles = 5
    return o


def comparable(report: Report) -> dict[str, Any]:
    d = to_dict(report)
    for s in d["stats"]:
        s.pop("seconds")  # the only thing allowed to differ between runs
    return d


def groups(report: Report) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in report.stories}


def test_every_record_is_kept_or_rejected(tmp_path: Path, fake_steps: None) -> None:
    paths = write_corpus(tmp_path)
    r = run_steps(paths, _options(), InProcessMapper(), today=TODAY)
    assert len(r.articles) == 6 * 8 and len(r.rejections) == 6
    assert {x.reason for x in r.rejections} == {"malformed"}
    assert [s.step for s in r.stats] == ["read", "dedup", "cluster", "stories"]
    assert r.stats[0].read == 6 * 9 and r.stats[0].rejected == {"malformed": 6}
    assert r.stats[1].kept == 48 - 5  # five files open with a copy of part-00's first article
    assert sorted(a for s in r.stories for a in s.articles) == sorted(a.id for a in r.articles)
    assert all(s.headline is not None for s in r.stories)


def test_time_partitions_join_to_the_unpartitioned_stories(tmp_path: Path, fake_steps: None) -> None:
    paths = write_corpus(tmp_path)
    whole = _options()
    whole.scale.partition_days = 10_000
    cut = _options()
    cut.scale.partition_days = 9  # many cuts, each crossed by stories
    a = run_steps(paths, whole, InProcessMapper(), today=TODAY)
    b = run_steps(paths, cut, InProcessMapper(), today=TODAY)
    assert groups(a) == groups(b)


@pytest.mark.dask
def test_dask_threads_equal_local(tmp_path: Path, fake_steps: None) -> None:
    from newsfuse.exec.dask import run_dask

    paths = write_corpus(tmp_path)
    local = run_steps(paths, _options(), InProcessMapper(), today=TODAY)
    # processes=False: the fake steps are patched into this process, which thread workers share
    dask = run_dask(paths, _options(), workers=2, quiet=True, processes=False, today=TODAY)
    assert comparable(dask) == comparable(local)


@pytest.mark.dask
def test_dask_scheduler_address(tmp_path: Path, fake_steps: None) -> None:
    """``--scheduler tcp://...``: connect to a running cluster (here one started by the test)."""
    from distributed import LocalCluster

    from newsfuse.exec.dask import run_dask

    paths = write_corpus(tmp_path)
    local = run_steps(paths, _options(), InProcessMapper(), today=TODAY)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        remote = run_dask(paths, _options(), scheduler=cluster.scheduler_address, quiet=True, today=TODAY)
    assert comparable(remote) == comparable(local)
    with pytest.raises(ValueError, match="tcp://"):
        run_dask(paths, _options(), scheduler="localhost:8786", quiet=True)


_KILLED_RUN = """
import sys
sys.path[:0] = [{src!r}, {here!r}]
from datetime import date
import fakes
fakes.install(None)
from newsfuse.exec.local import InProcessMapper
from newsfuse.exec.runner import run_steps
from newsfuse.options import Options
o = Options()
o.scale.shard_files = 1
o.scale.partition_days = 30
o.scale.story_batch_articles = 5
run_steps({paths!r}, o, InProcessMapper(), work_dir={work!r}, today=date(2024, 6, 1))
"""


def test_resume_after_kill_9(tmp_path: Path, fake_steps: None) -> None:
    data = tmp_path / "data"
    data.mkdir()
    paths = write_corpus(data)
    work = tmp_path / "work"
    log = tmp_path / "log"
    script = _KILLED_RUN.format(src=str(SRC), here=str(HERE), paths=paths, work=str(work))
    env = {**os.environ, "NEWSFUSE_TEST_KILL_AT": "part-03.jsonl", "NEWSFUSE_TEST_LOG": str(log)}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    finished = {Path(p).name for p in log.read_text().split()}  # shards done before the kill
    assert finished and "part-03.jsonl" not in finished
    assert len(list((work / "shards").glob("shard-*.jsonl.gz"))) == len(finished)

    log.unlink()
    os.environ["NEWSFUSE_TEST_LOG"] = str(log)
    try:
        resumed = run_steps(paths, _options(), InProcessMapper(), work_dir=str(work), today=TODAY)
    finally:
        del os.environ["NEWSFUSE_TEST_LOG"]
    redone = [Path(p).name for p in log.read_text().split()]
    assert sorted(redone) == sorted({Path(p).name for p in paths} - finished)  # each unfinished shard once
    manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["article_shards"]) == 6 and manifest["articles"] == len(resumed.articles)
    assert all((work / f).is_file() for f in manifest["article_shards"] + manifest["story_batches"])
    fresh = run_steps(paths, _options(), InProcessMapper(), today=TODAY)
    assert comparable(resumed) == comparable(fresh)  # nothing lost, nothing twice

    # a third run redoes nothing at all, and gives the same report again
    log.write_text("")
    os.environ["NEWSFUSE_TEST_LOG"] = str(log)
    try:
        again = run_steps(paths, _options(), InProcessMapper(), work_dir=str(work), today=TODAY)
    finally:
        del os.environ["NEWSFUSE_TEST_LOG"]
    assert log.read_text() == ""
    assert comparable(again) == comparable(fresh)


def test_changed_file_is_redone_alone(tmp_path: Path, fake_steps: None) -> None:
    paths = write_corpus(tmp_path)
    work = str(tmp_path / "work")
    run_steps(paths, _options(), InProcessMapper(), work_dir=work, today=TODAY)
    with open(paths[2], "a", encoding="utf-8") as fh:
        fh.write(
            json.dumps({"title": "Late News", "text": "A late invented report.", "date": "2021-03-01", "outlet": "x"})
            + "\n"
        )
    log = tmp_path / "log"
    os.environ["NEWSFUSE_TEST_LOG"] = str(log)
    try:
        r = run_steps(paths, _options(), InProcessMapper(), work_dir=work, today=TODAY)
    finally:
        del os.environ["NEWSFUSE_TEST_LOG"]
    assert [Path(p).name for p in log.read_text().split()] == ["part-02.jsonl"]
    assert any(a.title == "Late News" for a in r.articles)


_STAGES = (
    "newsfuse.readers",
    "newsfuse.extract",
    "newsfuse.stories.cluster",
    "newsfuse.summary",
    "newsfuse.crosscheck",
    "newsfuse.timeline",
)


def _real_corpus(root: Path) -> list[str]:
    """Invented JSONL shards plus plain-text pages with furniture, for the real stages."""
    paths = write_corpus(root, files=4)
    pages = root / "pages"
    pages.mkdir()
    for i in range(4):
        (pages / f"page-{i}.txt").write_text(
            "Home | News | Sport\n"
            f"Harbour bridge repairs enter week {i + 2}\n"
            "March 3, 2021\n\n"
            f"Engineers told the city council on Tuesday that the harbour bridge repairs would need {i + 3} more weeks. "
            "The council said traffic would stay on one lane while the steel beams are replaced.\n\n"
            "Residents of the old town complained about the noise at night and asked for a clear timetable.\n\n"
            "Share this article\nSubscribe to our newsletter\n",
            encoding="utf-8",
        )
    return [*paths, str(pages)]


def test_process_pool_mapper_keeps_item_order() -> None:
    seen: list[int] = []
    pool = ProcessPoolMapper(2)
    try:
        out = pool.map(math.factorial, [5, 3, 1, 4], on_result=lambda i, r: seen.append(i))
    finally:
        pool.close()
    assert out == [120, 6, 1, 24]
    assert sorted(seen) == [0, 1, 2, 3]


@pytest.mark.dask
def test_dask_processes_equal_local_with_real_stages(tmp_path: Path) -> None:
    """A real LocalCluster (2 workers) against the in-process executor, real stages, a work dir.

    Threads (processes=False): spawned workers import the stages afresh (~4 s of CPU each, a
    minute or more on a loaded CI box).  Everything still goes through Dask's scheduler,
    scatter and gather; ``bench/run.py`` compares process-based clusters' reports by digest."""
    for mod in _STAGES:
        pytest.importorskip(mod)
    from newsfuse.exec.dask import run_dask

    paths = _real_corpus(tmp_path)
    local = run_local(paths, _options(), quiet=True, today=TODAY)
    dask = run_dask(
        paths, _options(), workers=2, quiet=True, processes=False, today=TODAY, work_dir=str(tmp_path / "w")
    )
    assert comparable(dask) == comparable(local)
    assert any(s.summary for s in local.stories)


def test_cli_work_dir_resumes(tmp_path: Path) -> None:
    """``newsfuse analyze --work-dir``: the second run restores every shard and writes the same report."""
    for mod in _STAGES:
        pytest.importorskip(mod)
    from newsfuse.cli import main

    paths = _real_corpus(tmp_path)
    work = tmp_path / "work"
    outs = []
    for k in range(2):
        out = tmp_path / f"out{k}"
        assert main(["analyze", *paths, "--out", str(out), "--format", "files", "--work-dir", str(work), "-q"]) == 0
        outs.append(json.loads((out / "report.json").read_text(encoding="utf-8")))
        for s in outs[-1]["stats"]:
            s.pop("seconds")
    assert outs[0] == outs[1]
    assert list((work / "shards").glob("shard-*.jsonl.gz"))


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three is not allowed")
    return x * x


@pytest.mark.dask
def test_dask_mapper_bounds_items_in_flight_keeps_order_and_raises() -> None:
    from distributed import Client, LocalCluster

    from newsfuse.exec.dask import IN_FLIGHT_PER_WORKER, DaskMapper

    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        mapper = DaskMapper(client)
        items = list(range(IN_FLIGHT_PER_WORKER * 3 + 1))  # more than one window
        seen: list[int] = []
        assert mapper.map(math.factorial, items, on_result=lambda i, r: seen.append(i)) == [
            math.factorial(i) for i in items
        ]
        assert sorted(seen) == items
        for _ in range(100):  # releases reach the scheduler asynchronously
            if not client.who_has():
                break
            time.sleep(0.05)
        assert not client.who_has()  # every scattered item and result was released
        with pytest.raises(RuntimeError, match="three is not allowed"):
            mapper.map(_fail_on_three, [1, 2, 3, 4])
