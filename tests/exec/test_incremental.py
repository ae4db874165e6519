"""Incremental runs: new files added to a finished run's input in the same work dir.

Only the new files are read, only the stories they change are analysed again, and the report is
the one a fresh run on all the files gives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fakes import write_corpus

import newsfuse.pipeline as pipeline
from newsfuse.exec.local import InProcessMapper
from newsfuse.exec.runner import run_steps
from newsfuse.model import Article, Report, Story, to_dict
from newsfuse.options import Options
from newsfuse.stories.partitions import time_partitions

TODAY = date(2024, 6, 1)


def _options(shard_files: int = 1) -> Options:
    o = Options()
    o.scale.shard_files = shard_files
    o.scale.partition_days = 30  # several time partitions: stories are joined across cuts
    o.scale.story_batch_articles = 5
    return o


def comparable(report: Report) -> dict[str, Any]:
    d = to_dict(report)
    for s in d["stats"]:
        s.pop("seconds")  # the only thing allowed to differ between runs
    return d


def _line(title: str, text: str, day: str, outlet: str) -> str:
    return json.dumps({"title": title, "text": text, "date": day, "outlet": outlet}) + "\n"


def _add_files(root: Path) -> None:
    """Today's files, sorting among the old ones: a report joining an old story, an exact copy
    of an old article dated *earlier* (so it becomes the origin and the old article its copy),
    and a new story."""
    (root / "part-02b.jsonl").write_text(
        _line("Library Fire", "Firefighters were still at the library on day 30.", "2021-01-31", "outlet9")
        + _line(
            "Harbour Bridge Repairs",
            "Officials discussed the harbour bridge repairs on day 1. Residents in district 0 reacted.",
            "2021-01-01",
            "outlet8",
        ),
        encoding="utf-8",
    )
    (root / "part-09.jsonl").write_text(
        _line("Ferry Strike", "Ferry crews walked out on day 140 over pay.", "2021-05-21", "outlet7"), encoding="utf-8"
    )


def _counting(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str], list[int]]:
    """Wrap the (fake) story, signature and cluster steps: ids of the stories analysed, articles
    signed, sizes of the partitions clustered."""
    stories: list[str] = []
    signed: list[str] = []
    clustered: list[int] = []
    story = pipeline.story_step
    sign = pipeline.dedup_signature_step
    cluster = pipeline.cluster_step

    def cluster_step(articles: list[Article], options: Options) -> list[Story]:
        clustered.append(len(articles))
        return cluster(articles, options)

    def story_step(
        s: Story, by_id: dict[str, Article], options: Options, memo: pipeline.StoryMemo | None = None
    ) -> Story:
        stories.append(s.id)
        return story(s, by_id, options, memo)

    def signature_step(articles: list[Article], options: Options) -> list[Any]:
        signed.extend(a.id for a in articles)
        return sign(articles, options)

    monkeypatch.setattr(pipeline, "story_step", story_step)
    monkeypatch.setattr(pipeline, "dedup_signature_step", signature_step)
    monkeypatch.setattr(pipeline, "cluster_step", cluster_step)
    return stories, signed, clustered


def _story_inputs(report: Report) -> dict[str, tuple[Any, ...]]:
    """What a story's analysis reads, per story id: its articles and their copy origins."""
    by_id = {a.id: a for a in report.articles}
    return {
        s.id: (tuple(s.articles), tuple(c.of if (c := by_id[a].copy_of) else None for a in s.articles))
        for s in report.stories
    }


def _read_log(run: Callable[[], Report], log: Path) -> tuple[Report, list[str]]:
    os.environ["NEWSFUSE_TEST_LOG"] = str(log)
    try:
        r = run()
    finally:
        del os.environ["NEWSFUSE_TEST_LOG"]
    return r, [Path(p).name for p in log.read_text().split()] if log.exists() else []


def test_new_files_are_read_alone_and_the_report_is_a_fresh_runs(
    tmp_path: Path, fake_steps: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    work = str(tmp_path / "work")
    first = run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY)
    _add_files(corpus)
    analysed, _, clustered = _counting(monkeypatch)
    again, read = _read_log(
        lambda: run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY), tmp_path / "log"
    )
    assert read == ["part-02b.jsonl", "part-09.jsonl"]
    new_ids = {a.id for a in again.articles} - {a.id for a in first.articles}
    assert len(new_ids) == 3

    before, after = _story_inputs(first), _story_inputs(again)
    changed = {sid for sid, inputs in after.items() if before.get(sid) != inputs}
    assert sorted(analysed) == sorted(changed)
    assert 3 <= len(changed) < len(again.stories)  # the new story, the one joined, the copy's origin's
    assert len(clustered) == len(time_partitions(again.articles, _options()))  # copies everywhere changed

    # one more file, in May: only the last time partition is clustered again
    (corpus / "part-10.jsonl").write_text(
        _line("Ferry Strike", "Ferry crews returned on day 141.", "2021-05-22", "outlet6"), encoding="utf-8"
    )
    clustered.clear()
    third = run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY)
    assert len(clustered) == 1 and len(time_partitions(third.articles, _options())) > 1
    assert comparable(third) == comparable(run_steps([str(corpus)], _options(), InProcessMapper(), today=TODAY))


def test_incremental_report_equals_fresh(tmp_path: Path, fake_steps: None) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    work = str(tmp_path / "work")
    run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY)
    _add_files(corpus)
    again = run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY)
    fresh = run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=str(tmp_path / "w2"), today=TODAY)
    plain = run_steps([str(corpus)], _options(), InProcessMapper(), today=TODAY)
    assert comparable(again) == comparable(fresh) == comparable(plain)
    manifest = json.loads((tmp_path / "work" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["story_keys"]) == len(again.stories)
    assert all((tmp_path / "work" / f).is_file() for f in manifest["story_batches"] + manifest["article_shards"])


def test_the_next_day_nothing_is_redone(tmp_path: Path, fake_steps: None) -> None:
    """Only validation judges dates against the day; with no date judged future, yesterday's
    shards and stories are today's."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    work = str(tmp_path / "work")
    run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=TODAY)
    analysed: list[str] = []
    story = pipeline.story_step

    def counting(
        s: Story, by_id: dict[str, Article], options: Options, memo: pipeline.StoryMemo | None = None
    ) -> Story:
        analysed.append(s.id)
        return story(s, by_id, options, memo)

    pipeline.story_step = counting  # type: ignore[assignment]
    try:
        nxt, read = _read_log(
            lambda: run_steps([str(corpus)], _options(), InProcessMapper(), work_dir=work, today=date(2024, 6, 2)),
            tmp_path / "log",
        )
    finally:
        pipeline.story_step = story
    assert read == [] and analysed == []
    assert comparable(nxt) == comparable(run_steps([str(corpus)], _options(), InProcessMapper(), today=TODAY))


def test_anchored_shards_with_many_files(tmp_path: Path, fake_steps: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards of several files (content-defined cuts): files added in the middle leave most
    shards, and therefore most files, alone."""
    monkeypatch.chdir(tmp_path)  # relative paths: the same cuts on every machine
    corpus = Path("corpus")
    corpus.mkdir()
    write_corpus(corpus, files=60, per_file=2, bad_lines=False)
    o = _options(shard_files=8)
    run_steps([str(corpus)], o, InProcessMapper(), work_dir="work", today=TODAY)
    _add_files(corpus)  # one file inserted, one (part-09) rewritten
    again, read = _read_log(
        lambda: run_steps([str(corpus)], o, InProcessMapper(), work_dir="work", today=TODAY), tmp_path / "log"
    )
    assert "part-02b.jsonl" in read and "part-09.jsonl" in read
    assert len(read) <= 20  # of 61: the shards of the two files and at worst a few after them
    assert comparable(again) == comparable(run_steps([str(corpus)], o, InProcessMapper(), today=TODAY))


_STAGES = ("newsfuse.readers", "newsfuse.extract", "newsfuse.summary", "newsfuse.crosscheck", "newsfuse.timeline")


def _page(path: Path, title: str, day: str, body: str) -> None:
    path.write_text(
        f"Home | News | Sport\n{title}\n{day}\n\n{body}\n\nShare this article\nSubscribe to our newsletter\n",
        encoding="utf-8",
    )


def test_real_stages_a_then_a_plus_b_equals_fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real steps: old shards and their copy signatures are restored, not recomputed; the
    report equals a fresh run's on all the files."""
    for mod in _STAGES:
        pytest.importorskip(mod)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, files=3)
    bridge = (
        "Engineers told the city council on Tuesday that the harbour bridge repairs would need {n} more weeks. "
        "The council said traffic would stay on one lane while the steel beams are replaced.\n\n"
        "Residents of the old town complained about the noise at night and asked for a clear timetable."
    )
    for i in range(3):
        _page(
            corpus / f"page-{i}.txt",
            f"Harbour bridge repairs enter week {i + 2}",
            "March 3, 2021",
            bridge.format(n=i + 3),
        )
    work = str(tmp_path / "work")
    o = _options(shard_files=1)
    first = run_steps([str(corpus)], o, InProcessMapper(), work_dir=work, today=TODAY)
    _page(corpus / "page-1b.txt", "Harbour bridge repairs enter week 9", "March 4, 2021", bridge.format(n=9))
    _page(
        corpus / "page-9.txt",
        "Tram line opens to passengers",
        "March 5, 2021",
        "The new tram line carried its first passengers on Friday morning after four years of works.\n\n"
        "The transport authority said trams would run every ten minutes until midnight.",
    )
    analysed, signed, _ = _counting(monkeypatch)
    again = run_steps([str(corpus)], o, InProcessMapper(), work_dir=work, today=TODAY)
    new_ids = {a.id for a in again.articles} - {a.id for a in first.articles}
    assert len(new_ids) == 2 and set(signed) == new_ids
    assert 0 < len(analysed) < len(again.stories)
    monkeypatch.undo()
    fresh = run_steps([str(corpus)], o, InProcessMapper(), today=TODAY)
    assert comparable(again) == comparable(fresh)
    assert any(s.summary for s in again.stories)
