from datetime import date
from pathlib import Path

import pytest

from newsfuse.exec.checkpoint import CheckpointStore
from newsfuse.model import Article, Rejection, StepStats, make_paragraphs
from newsfuse.options import Options
from newsfuse.pipeline import ShardResult

DAY = date(2024, 1, 1)


def _result() -> ShardResult:
    return ShardResult(
        articles=[Article(id="a1", origin="f#1", paragraphs=make_paragraphs(["Invented text, é ünïcode."]), title="T")],
        rejections=[Rejection(origin="f#2", reason="malformed", detail="line 2")],
        stats=[StepStats("read", 2, 1, {"malformed": 1}, 0.5)],
    )


def test_round_trip_and_keyed_by_options(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path, Options(), DAY)
    store.save_shard(0, "fp", _result())
    back = store.load_shard(0, "fp")
    assert back == _result()
    assert store.load_shard(0, "other") is None
    changed = Options()
    changed.summary.summary_words = 50
    assert CheckpointStore(tmp_path, changed, DAY).load_shard(0, "fp") is None
    assert CheckpointStore(tmp_path, Options(), date(2024, 1, 2)).load_shard(0, "fp") is None


def test_damaged_checkpoint_is_redone_not_trusted(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path, Options(), DAY)
    store.save_shard(0, "fp", _result())
    (path,) = (tmp_path / "shards").glob("shard-*")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # e.g. copied half-way by someone else
    assert store.load_shard(0, "fp") is None
    assert not list((tmp_path / "shards").glob(".tmp-*"))


def test_work_dir_must_be_a_directory(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(ValueError, match="not a directory"):
        CheckpointStore(f, Options(), DAY)
