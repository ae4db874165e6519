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
