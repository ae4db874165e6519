from datetime import date
from pathlib import Path

import pytest

from newsfuse.exec.checkpoint import CheckpointStore
from newsfuse.model import Article, PublishedDate, Rejection, StepStats, Story, make_paragraphs
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
    store.save_shard("fp", _result())
    back = store.load_shard("fp")
    assert back == _result()
    assert store.load_shard("other") is None
    changed = Options()
    changed.summary.summary_words = 50
    assert CheckpointStore(tmp_path, changed, DAY).load_shard("fp") is None


def test_damaged_checkpoint_is_redone_not_trusted(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path, Options(), DAY)
    store.save_shard("fp", _result())
    (path,) = (tmp_path / "shards").glob("shard-*")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # e.g. copied half-way by someone else
    assert store.load_shard("fp") is None
    assert not list((tmp_path / "shards").glob(".tmp-*"))


def test_work_dir_must_be_a_directory(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(ValueError, match="not a directory"):
        CheckpointStore(f, Options(), DAY)


def test_copy_signatures_round_trip(tmp_path: Path) -> None:
    import numpy as np

    from newsfuse.stories.dedup import copy_signatures

    arts = [
        Article(
            id="a1", origin="f#1", paragraphs=make_paragraphs(["The harbour bridge reopens on Monday after repairs."])
        ),
        Article(id="a2", origin="f#2", paragraphs=make_paragraphs(["Short."]), published=None),
        Article(id="a3", origin="f#3", paragraphs=make_paragraphs(["Ünïcode tram línea opens today, officials said."])),
    ]
    arts[0].published = PublishedDate("2021-03-03", "input", 1.0)
    sigs = copy_signatures(arts, Options())
    store = CheckpointStore(tmp_path, Options(), DAY)
    store.save_signatures("fp", sigs)
    back = store.load_signatures("fp", arts)
    assert back is not None and len(back) == 3
    for a, b in zip(sigs, back, strict=True):
        assert (a.id, a.date, a.size, a.text_hash) == (b.id, b.date, b.size, b.text_hash)
        assert np.array_equal(a.shingles, b.shingles) and a.shingles.dtype == b.shingles.dtype
        assert (a.minhash is None) == (b.minhash is None)
        if a.minhash is not None and b.minhash is not None:
            assert a.minhash == b.minhash
    assert store.load_signatures("fp", arts[:2]) is None  # not these articles' signatures
    assert store.load_signatures("other", arts) is None
    store.save_signatures("fakes", [("a1", None, "text")])  # stand-in steps' signatures are not kept
    assert store.load_signatures("fakes", arts[:1]) is None


def test_stories_found_by_key_whatever_their_batch(tmp_path: Path) -> None:
    store = CheckpointStore(tmp_path, Options(), DAY)
    s1, s2, s3 = (Story(id=f"s{i}", articles=[f"a{i}"], title=f"Story {i}") for i in range(3))
    store.save_batch(["k1", "k2"], [s1, s2])
    store.save_batch(["k3"], [s3])
    assert store.load_stories(["k3", "k1", "new"]) == {"k3": s3, "k1": s1}
    # the next day: stories do not depend on it (shards do)
    assert CheckpointStore(tmp_path, Options(), date(2024, 1, 2)).load_stories(["k2"]) == {"k2": s2}
    changed = Options()
    changed.summary.summary_words = 50
    assert CheckpointStore(tmp_path, changed, DAY).load_stories(["k1"]) == {}
    path = store._batch_path(["k3"])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert store.load_stories(["k1", "k3"]) == {"k1": s1}  # a damaged batch is analysed again
    with pytest.raises(ValueError, match="story keys"):
        store.save_batch(["k1"], [s1, s2])


def test_story_key_follows_the_articles_it_reads() -> None:
    from newsfuse.exec.checkpoint import article_fingerprint, story_key
    from newsfuse.model import CopyInfo

    a = Article(id="a1", origin="f#1", paragraphs=make_paragraphs(["Invented text."]), title="T")
    story = Story(id="s", articles=["a1"])
    k = story_key(story, [article_fingerprint(a)])
    assert story_key(Story(id="s", articles=["a1"]), [article_fingerprint(a)]) == k
    a.copy_of = CopyInfo(of="a0", similarity=1.0, kind="exact")
    assert story_key(story, [article_fingerprint(a)]) != k
    assert story_key(Story(id="s", articles=["a1"], title="Other"), [article_fingerprint(a)]) != k


def test_shards_outlive_the_day_unless_a_date_was_judged_by_it(tmp_path: Path) -> None:
    plain = _result()
    plain.articles[0].published = PublishedDate("2024-01-01", "input", 1.0)
    future = _result()
    future.articles[0].notes.append("date 2024-03-01 is in the future: dropped")
    store = CheckpointStore(tmp_path, Options(), DAY)
    store.save_shard("plain", plain)
    store.save_shard("future", future)
    later = CheckpointStore(tmp_path, Options(), date(2024, 2, 1))
    assert later.load_shard("plain") == plain
    assert later.load_shard("future") is None  # 2024-03-01 may not be future then: redo
    assert CheckpointStore(tmp_path, Options(), date(2023, 12, 31)).load_shard("plain") == plain  # within a day
    assert CheckpointStore(tmp_path, Options(), date(2023, 12, 30)).load_shard("plain") is None  # now future


def test_decoder_builds_what_from_dict_builds() -> None:
    """The decoder checkpoints restore with (type hints looked up once per class) rebuilds a whole
    analysed report of the example corpus (summaries, claims, timelines, quotes...)."""
    from newsfuse.exec.local import analyze
    from newsfuse.model import Decoder, Report, to_dict

    report = analyze([str(Path(__file__).parents[2] / "examples" / "corpus")], today=DAY)
    assert report.stories and report.stories[0].summary
    data = to_dict(report)
    decode = Decoder()
    assert decode(Report, data) == report
    assert decode(Story, data["stories"][0]) == report.stories[0]  # the cache serves a second call
