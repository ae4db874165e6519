from datetime import date
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


def _files(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x" * 10)


def _groups(root: Path, o: Options) -> set[tuple[str, ...]]:
    return {tuple(Path(p).relative_to(root).as_posix() for p in s.paths) for s in plan_shards([str(root)], o)}


def test_added_files_leave_the_other_shards_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Content-defined cuts: appending files changes the last shard only; inserting files in the
    middle changes the shards around them, not every later one (as cutting by count would)."""
    monkeypatch.chdir(tmp_path)  # relative paths: the same cuts on every machine
    root = Path("c")
    o = Options()
    o.scale.shard_files = 32
    _files(root, [f"a/{i:04d}.txt" for i in range(0, 2000, 2)])
    before = _groups(root, o)
    assert all(16 <= len(g) <= 32 for g in list(before)[:-1]) and len(before) < 1000 / 16
    _files(root, [f"b/{i:04d}.txt" for i in range(50)])  # a new folder, sorting last
    after = _groups(root, o)
    assert len(before - after) == 1  # the last old shard took some of the new files
    _files(root, ["a/0501.txt", "a/1201.txt"])  # two files among the old ones
    again = _groups(root, o)
    assert len(after - again) <= 6  # of ~45: the shards they land in and a few after each


def test_small_inputs_stay_one_shard(tmp_path: Path) -> None:
    _files(tmp_path, [f"{i:03d}.txt" for i in range(63)])
    assert len(plan_shards([str(tmp_path)], Options())) == 1  # fewer than half of shard_files (128)


def test_names_are_paths_below_the_input_and_ids_do_not_depend_on_where_it_lies(tmp_path: Path) -> None:
    from newsfuse.pipeline import shard_step

    text = "Kelbrook council opened the school hall to families overnight, the mayor said on Monday evening.\n"
    for place in ("here", "there/deeper"):
        (tmp_path / place / "crawl" / "day1").mkdir(parents=True)
        (tmp_path / place / "crawl" / "day1" / "a.txt").write_text("Hall opens\n\n" + text * 3)
        (tmp_path / place / "crawl" / "b.jsonl").write_text('{"title": "Hall", "text": "%s"}\n' % (text.strip() * 2))
    o = Options()
    ids = []
    for place in ("here", "there/deeper"):
        (shard,) = plan_shards([str(tmp_path / place / "crawl")], o)
        assert shard.names == ("crawl/b.jsonl", "crawl/day1/a.txt")
        arts = shard_step(list(shard.paths), o, date(2025, 3, 11), list(shard.names)).articles
        assert [a.origin for a in arts] == [str(tmp_path / place / "crawl" / n) for n in ("b.jsonl#1", "day1/a.txt")]
        ids.append([a.id for a in arts])
    assert ids[0] == ids[1] and len(set(ids[0])) == 2
    # Named below another input, the same file is another name (and another shard fingerprint).
    (inner,) = plan_shards([str(tmp_path / "here" / "crawl" / "day1")], o)
    assert inner.names == ("day1/a.txt",)
