from newsfuse.model import Article, CopyInfo, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.stories.partitions import join_partitions, time_partitions


def _art(aid: str, day: str | None, copy_of: str | None = None) -> Article:
    return Article(
        id=aid,
        origin=aid,
        paragraphs=make_paragraphs([f"Invented text {aid}."]),
        title=f"Title {aid}",
        published=PublishedDate(day, "input", 1.0) if day else None,
        copy_of=CopyInfo(copy_of, 1.0, "exact") if copy_of else None,
    )


def _options(days: int) -> Options:
    o = Options()
    o.scale.partition_days = days
    o.cluster.window_days = 7
    return o


def test_short_corpus_is_one_partition() -> None:
    arts = [_art("a", "2021-01-01"), _art("b", "2021-01-20"), _art("c", None)]
    (p,) = time_partitions(arts, _options(30))
    assert p.owned == p.seen == [0, 1, 2]


def test_overlap_and_undated_last() -> None:
    arts = [
        _art("a", "2021-01-01"),
        _art("b", "2021-01-08"),
        _art("c", "2021-01-12"),
        _art("u", None),
        _art("d", "2021-01-25"),
    ]
    parts = time_partitions(arts, _options(10))  # cuts on Jan 11 and Jan 21
    assert [p.owned for p in parts] == [[0, 1], [2], [3, 4]]
    assert parts[1].seen == [1, 2]  # b is within the 7-day window before Jan 11
    assert parts[2].seen == [3, 4]  # nothing in Jan 14-20; the undated article belongs to the last partition


def test_stories_crossing_a_cut_are_joined_and_copies_follow_origins() -> None:
    arts = [
        _art("a", "2021-01-01"),
        _art("b", "2021-01-08"),
        _art("c", "2021-01-12"),
        _art("x", "2021-01-13", copy_of="a"),
    ]
    parts = time_partitions(arts, _options(10))
    first = [Story(id="s1", articles=["a", "b"])]
    second = [Story(id="s2", articles=["b", "c"]), Story(id="s3", articles=["x"])]  # b is overlap there
    (story,) = join_partitions(arts, parts, [first, second])
    assert story.articles == ["a", "b", "c", "x"]
    assert story.first_date == "2021-01-01" and story.last_date == "2021-01-13"
