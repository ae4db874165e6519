from pathlib import Path

import pytest

from newsfuse.exec.plan import plan_shards
from newsfuse.options import Options


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / ".hidden").mkdir()
    for name in ["a1.txt", "a2.txt", "b/c.txt", ".hidden/x.txt", ".dot.txt"]:
        (root / name).write_text("x" * 10)


def test_directories_are_walked_sorted_and_cut_by_count(tmp_path: Path) -> None:
    _tree(tmp_path)
    o = Options()
    o.scale.shard_files = 2
    shards = plan_shards([str(tmp_path)], o)
    assert [[Path(p).relative_to(tmp_path).as_posix() for p in s.paths] for s in shards] == [
        ["a1.txt", "a2.txt"],
        ["b/c.txt"],
    ]
    assert [s.index for s in shards] == [0, 1]


def test_cut_by_bytes_and_stdin_alone(tmp_path: Path) -> None:
    _tree(tmp_path)
    o = Options()
    o.scale.shard_bytes = 15  # every 10-byte file alone
    shards = plan_shards([str(tmp_path / "a1.txt"), "-", str(tmp_path / "a2.txt"), str(tmp_path / "b")], o)
    assert [len(s.paths) for s in shards] == [1, 1, 1, 1]
    assert shards[1].paths == ("-",)


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    _tree(tmp_path)
    before = plan_shards([str(tmp_path)], Options())
    (tmp_path / "a2.txt").write_text("changed, and longer")
    after = plan_shards([str(tmp_path)], Options())
    assert before[0].fingerprint != after[0].fingerprint


def test_bad_settings(tmp_path: Path) -> None:
    o = Options()
    o.scale.shard_files = 0
    with pytest.raises(ValueError, match="shard_files"):
        plan_shards([str(tmp_path)], o)
