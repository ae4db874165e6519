from story_fixtures import QUAKE_A, QUAKE_B, event_reports

from newsfuse.stories.features import article_features
from newsfuse.stories.refine import split_group


def test_a_story_holding_two_look_alike_events_is_split():
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02") + event_reports("b", QUAKE_B, "Earthquake", "2021-03-02")
    raw = {a.id: article_features(a) for a in arts}
    parts = split_group(sorted(raw), raw)
    assert sorted(sorted(p) for p in parts) == [["a0", "a1", "a2", "a3"], ["b0", "b1", "b2", "b3"]]


def test_one_event_stays_one_story():
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=7)
    raw = {a.id: article_features(a) for a in arts}
    assert split_group(sorted(raw), raw) == [sorted(raw)]


def test_small_stories_are_not_tested():
    arts = event_reports("a", QUAKE_A, "Q", "2021-03-02", n=2) + event_reports("b", QUAKE_B, "Q", "2021-03-02", n=2)
    raw = {a.id: article_features(a) for a in arts}
    assert split_group(sorted(raw), raw) == [sorted(raw)]


def test_an_outlier_report_joins_the_event_it_resembles_and_no_article_is_lost():
    # Two events of four reports each, plus a fifth, shortened report of event a: it may form no
    # part of its own, so it must land with event a, and every input id comes out exactly once.
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02", n=5) + event_reports("b", QUAKE_B, "Earthquake", "2021-03-02")
    raw = {a.id: article_features(a) for a in arts}
    parts = split_group(sorted(raw), raw)
    assert sorted(i for p in parts for i in p) == sorted(raw)
    assert sorted(sorted(p) for p in parts) == [["a0", "a1", "a2", "a3", "a4"], ["b0", "b1", "b2", "b3"]]


def test_the_split_does_not_depend_on_member_order():
    arts = event_reports("a", QUAKE_A, "Earthquake", "2021-03-02") + event_reports("b", QUAKE_B, "Earthquake", "2021-03-02")
    raw = {a.id: article_features(a) for a in arts}
    forward = sorted(sorted(p) for p in split_group(sorted(raw), raw))
    backward = sorted(sorted(p) for p in split_group(sorted(raw, reverse=True), raw))
    assert forward == backward
