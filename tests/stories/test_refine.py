from story_fixtures import QUAKE_A, QUAKE_B, event_reports

from newsfuse.model import Article
from newsfuse.options import Options
from newsfuse.stories.features import DocFreq, Vector, article_features
from newsfuse.stories.refine import refine_groups, rejoin_pieces, split_group


def test_a_story_holding_two_look_alike_events_is_split() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02") + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    raw = {a.id: article_features(a) for a in arts}
    parts = split_group(sorted(raw), raw)
    assert sorted(sorted(p) for p in parts) == [["a0", "a1", "a2", "a3"], ["b0", "b1", "b2", "b3"]]


def test_one_event_stays_one_story() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7)
    raw = {a.id: article_features(a) for a in arts}
    assert split_group(sorted(raw), raw) == [sorted(raw)]


def test_small_stories_are_not_tested() -> None:
    arts = event_reports("a", QUAKE_A, "Q", "2021-03-02", n=2) + event_reports("b", QUAKE_B, "Q", "2021-03-02", n=2)
    raw = {a.id: article_features(a) for a in arts}
    assert split_group(sorted(raw), raw) == [sorted(raw)]


def test_an_outlier_report_joins_the_event_it_resembles_and_no_article_is_lost() -> None:
    # Two events of four reports each, plus a fifth, shortened report of event a: it may form no
    # part of its own, so it must land with event a, and every input id comes out exactly once.
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=5) + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    raw = {a.id: article_features(a) for a in arts}
    parts = split_group(sorted(raw), raw)
    assert sorted(i for p in parts for i in p) == sorted(raw)
    assert sorted(sorted(p) for p in parts) == [["a0", "a1", "a2", "a3", "a4"], ["b0", "b1", "b2", "b3"]]


def test_the_split_does_not_depend_on_member_order() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02") + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    raw = {a.id: article_features(a) for a in arts}
    forward = sorted(sorted(p) for p in split_group(sorted(raw), raw))
    backward = sorted(sorted(p) for p in split_group(sorted(raw, reverse=True), raw))
    assert forward == backward


def _corpus(arts: list[Article]) -> tuple[dict[str, Article], dict[str, Vector], DocFreq]:
    raw = {a.id: article_features(a) for a in arts}
    return {a.id: a for a in arts}, raw, DocFreq.of(raw.values())


A_STORY = ["a0", "a1", "a2", "a3"]
A_PIECE = ["a4", "a5", "a6"]
B_EVENT = ["b0", "b1", "b2", "b3"]


def test_reports_pulled_into_a_look_alike_story_rejoin_their_own_event_after_the_split() -> None:
    # The first pass put three reports of quake a into quake b's story; the split cuts them out
    # and they must end up with the other reports of quake a, not as a story of their own.
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7) + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    by_id, raw, df = _corpus(arts)
    out = refine_groups([A_STORY, B_EVENT + A_PIECE], by_id, raw, df, Options())
    assert sorted(sorted(g) for g in out) == [A_STORY + A_PIECE, B_EVENT]


def test_a_story_takes_only_the_piece_it_prefers() -> None:
    # At a threshold every pair passes, a one-sided test would also put quake b into quake a's
    # story (it is b's only candidate); the mutual-best rule lets only the a-piece in.
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7) + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    by_id, raw, df = _corpus(arts)
    options = Options()
    options.cluster.merge_threshold = 0.01
    out = rejoin_pieces([A_STORY, A_PIECE, B_EVENT], [None, 1, 1], by_id, raw, df, options)
    assert sorted(sorted(g) for g in out) == [A_STORY + A_PIECE, B_EVENT]


def test_the_pieces_of_one_split_never_rejoin_each_other() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7)
    by_id, raw, df = _corpus(arts)
    out = rejoin_pieces([A_STORY, A_PIECE], [0, 0], by_id, raw, df, Options())
    assert sorted(sorted(g) for g in out) == [A_STORY, A_PIECE]


def test_unsplit_stories_are_not_merged_by_the_rejoin_step() -> None:
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7)
    by_id, raw, df = _corpus(arts)
    assert rejoin_pieces([A_STORY, A_PIECE], [None, None], by_id, raw, df, Options()) == [A_STORY, A_PIECE]


def test_a_piece_does_not_rejoin_a_story_outside_the_time_window() -> None:
    # Same words, but two months apart: as in the first pass, a dated story only joins stories
    # within window_days of it.
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02")
    later = [a for a in event_reports("a", QUAKE_A, "Earthquake", "2021-05-04", n=7) if a.id in A_PIECE]
    by_id, raw, df = _corpus(arts + later)
    out = rejoin_pieces([A_STORY, A_PIECE], [None, 1], by_id, raw, df, Options())
    assert sorted(sorted(g) for g in out) == [A_STORY, A_PIECE]
    near = [a for a in event_reports("a", QUAKE_A, "Earthquake", "2021-03-05", n=7) if a.id in A_PIECE]
    by_id, raw, df = _corpus(arts + near)
    out = rejoin_pieces([A_STORY, A_PIECE], [None, 1], by_id, raw, df, Options())
    assert sorted(sorted(g) for g in out) == [A_STORY + A_PIECE]


def test_story_sums_do_not_depend_on_the_chunk_size(monkeypatch) -> None:
    import numpy as np

    import newsfuse.stories.refine as refine
    from newsfuse.stories.features import weigh

    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7) + event_reports(
        "b", QUAKE_B, "Earthquake", "2021-03-02"
    )
    _, raw, df = _corpus(arts)
    groups = [A_STORY, ["x-copy"], A_PIECE, B_EVENT]  # "x-copy" has no vector, like a copy
    whole, sizes = refine._centroids(groups, raw, df, np.arange(len(groups)))
    monkeypatch.setattr(refine, "CENTROID_CHUNK", 1)
    chunked, chunked_sizes = refine._centroids(groups, raw, df, np.arange(len(groups)))
    assert np.allclose(whole.toarray(), chunked.toarray())
    assert sizes.tolist() == chunked_sizes.tolist() == [4, 0, 3, 4]
    # and a story sum is the sum of the members' weigh() vectors
    expected: dict[str, float] = {}
    for i in B_EVENT:
        for k, x in weigh(raw[i], df).items():
            expected[k] = expected.get(k, 0.0) + x
    assert np.isclose(float(whole[3].multiply(whole[3]).sum()), sum(x * x for x in expected.values()))
