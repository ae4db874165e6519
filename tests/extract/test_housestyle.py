"""House style rules outlets out for articles of unknown outlet (invented articles)."""

from __future__ import annotations

from newsfuse.extract.housestyle import MIN_PROFILE_ARTICLES, mark_unlike_outlets, style_marks
from newsfuse.model import Article, Paragraph
from newsfuse.outlets import outlet_key


def _art(aid: str, text: str, outlet: str | None = None) -> Article:
    return Article(id=aid, origin=aid, outlet=outlet, paragraphs=[Paragraph(id="p1", text=text)])


BRITISH = "Mr Renn said on Monday that the sluices of the Varno dam would stay shut until the spring."
AMERICAN = "Mr. Renn said Monday that the sluices -- shut since March -- would stay shut until spring."


def test_style_marks() -> None:
    assert style_marks(_art("a", BRITISH)) == {"title_without_stop", "said_on_weekday"}
    assert style_marks(_art("b", AMERICAN)) == {"title_with_stop", "said_weekday", "double_hyphen_dash"}
    assert style_marks(_art("c", "The sluices stay shut.")) == frozenset()


def test_an_unknown_article_in_another_house_style_rules_the_outlet_out() -> None:
    post = [_art(f"p{i}", BRITISH, "Valley Post") for i in range(MIN_PROFILE_ARTICLES)]
    few = [_art(f"h{i}", BRITISH, "Coast Herald") for i in range(MIN_PROFILE_ARTICLES - 1)]
    unknown = [_art("u1", AMERICAN), _art("u2", BRITISH), _art("u3", "The sluices stay shut.")]
    out = {a.id: a for a in mark_unlike_outlets([*post, *few, *unknown])}
    # only the Valley Post has a profile (the Herald has too few articles to say what it never writes)
    assert out["u1"].unlike_outlets == [outlet_key("Valley Post")]
    assert out["u2"].unlike_outlets == [] and out["u3"].unlike_outlets == []
    assert all(out[a.id].unlike_outlets == [] for a in post)


def test_a_few_articles_off_style_do_not_break_a_profile() -> None:
    # two Valley Post articles in 20 write "said Monday" (10 %): the outlet may still write it
    post = [_art(f"p{i}", BRITISH, "Valley Post") for i in range(18)]
    post += [_art(f"q{i}", "Mr Renn said Monday the dam was sound.", "Valley Post") for i in range(2)]
    out = mark_unlike_outlets([*post, _art("u", "Officials said Monday the dam was sound.")])
    assert out[-1].unlike_outlets == []
    out = mark_unlike_outlets([*post, _art("u", "Officials said Monday -- again -- the dam was sound.")])
    assert out[-1].unlike_outlets == [outlet_key("Valley Post")]


def test_a_weekday_that_is_the_subject_of_what_was_said_is_no_mark() -> None:
    assert "said_weekday" not in style_marks(_art("a", "Officials said Thursday was the first day without a rescue."))
    assert "said_weekday" in style_marks(_art("b", "Officials said Thursday that the rescue had ended."))


def test_an_article_that_mentions_an_outlets_own_people_is_not_ruled_out_of_it() -> None:
    # a BBC desk writes "said Wednesday" now and then; an unknown page that speaks of "a BBC
    # correspondent" is not ruled out of the BBC by that one mark
    bbc = [_art(f"b{i}", BRITISH, "BBC") for i in range(MIN_PROFILE_ARTICLES)]
    page = "A BBC correspondent in Varno said Wednesday that the sluices would stay shut."
    out = mark_unlike_outlets(
        [*bbc, _art("u", page), _art("v", "Officials said Wednesday the sluices would stay shut.")]
    )
    assert out[-2].unlike_outlets == []
    assert out[-1].unlike_outlets == [outlet_key("BBC")]
