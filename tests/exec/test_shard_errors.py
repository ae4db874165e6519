from datetime import date

import pytest

import newsfuse.pipeline as pipeline
from newsfuse.model import Article, StepStats, make_paragraphs
from newsfuse.options import Options


def test_a_failing_file_is_rejected_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def once(paths: list[str], options: Options, today: date, names: list[str] | None) -> pipeline.ShardResult:
        if "bad" in paths:
            raise RuntimeError("stage bug")
        arts = [Article(id=p, origin=p, paragraphs=make_paragraphs(["text"])) for p in paths]
        return pipeline.ShardResult(articles=arts, stats=[StepStats("read", len(paths), len(paths))])

    monkeypatch.setattr(pipeline, "_shard_once", once)
    out = pipeline.shard_step(["one", "bad", "two"], Options(), date(2024, 1, 1))
    assert [a.id for a in out.articles] == ["one", "two"]
    assert [(r.origin, r.reason) for r in out.rejections] == [("bad", "error")]
    assert "stage bug" in out.rejections[0].detail
    assert out.stats[0].read == 3
