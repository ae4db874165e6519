from datetime import date

import pytest

from newsfuse.model import parse_iso
from newsfuse.timeline.dates import DateResolver, find_dates

# Wednesday 3 March 2021: "last Saturday" falls in February, across the month boundary.
PUB = date(2021, 3, 3)


def one(sentence: str, pub: date | None = PUB, reference: date | None = None) -> tuple[str, str]:
    found = find_dates(sentence, pub, reference)
    assert len(found.mentions) == 1, found
    m = found.mentions[0]
    return m.iso, m.granularity


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The summit opens on March 19th in Vienna.", ("2021-03-19", "day")),
        ("Ministers met on Feb. 12 behind closed doors.", ("2021-02-12", "day")),
        ("The treaty was signed on 13 January 2020.", ("2020-01-13", "day")),
        ("Figures released 2020-01-14 showed a rise.", ("2020-01-14", "day")),
        ("The strike began on the 4th of February.", ("2021-02-04", "day")),
        ("Turnout fell in March 2011, officials said.", ("2011-03", "month")),
        ("Talks resumed in January.", ("2021-01", "month")),
        ("The dam was completed in 2011.", ("2011", "year")),
        ("The ceasefire starts Saturday (Jan.12) at midnight.", ("2021-01-12", "day")),
        ("The vote was held Monday, March 1, 2021, in the capital.", ("2021-03-01", "day")),
    ],
)
def test_absolute_expressions(sentence: str, expected: tuple[str, str]) -> None:
    assert one(sentence) == expected


def test_yearless_date_takes_the_year_nearest_publication() -> None:
    # A "December 30" written on 3 January is last year's, not this year's.
    assert one("Protests broke out on December 30.", date(2021, 1, 3)) == ("2020-12-30", "day")
    assert one("Elections are due on January 20.", date(2020, 12, 28)) == ("2021-01-20", "day")


def test_yearless_date_takes_the_one_year_its_sentence_writes() -> None:
    found = find_dates("In 1921, the first strike at the port began in April.", PUB).mentions
    assert [(m.text, m.iso) for m in found] == [("In 1921", "1921"), ("in April", "1921-04")]
    found = find_dates("The dockers struck in 2019 and again on March 1.", PUB).mentions
    assert [m.iso for m in found] == ["2019", "2019-03-01"]
    # two years written: the year-less date keeps the year nearest publication
    found = find_dates("Talks held in 2019 and in 2020 resumed in February.", PUB).mentions
    assert found[-1].iso == "2021-02"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # bare weekday in past-tense reporting: the most recent such day on or before publication
        ("Rebels seized the port on Monday.", "2021-03-01"),
        ("The minister resigned on Wednesday.", "2021-03-03"),  # publication day itself
        ("The minister resigned Thursday.", "2021-02-25"),
        ("The envoy said on Tuesday morning that talks had failed.", "2021-03-02"),
        # future tense: the next such day on or after publication
        ("The council will vote on Friday.", "2021-03-05"),
        ("Delegates are due to sign the accord Monday.", "2021-03-08"),
        # explicit modifiers
        ("Police cleared the square last Saturday.", "2021-02-27"),  # across the month boundary
        ("The talks resume next Tuesday.", "2021-03-09"),
        ("Officials confirmed the deal yesterday.", "2021-03-02"),
        ("The verdict is expected tomorrow.", "2021-03-04"),
        ("The bridge reopened two days ago.", "2021-03-01"),
        ("The bridge reopened 3 days ago.", "2021-02-28"),
    ],
)
def test_relative_days(sentence: str, expected: str) -> None:
    assert one(sentence) == (expected, "day")


def test_periods() -> None:
    assert one("Fighting escalated this week.") == ("2021-03-01", "week")  # the Monday of the week
    assert one("Fighting escalated last week.") == ("2021-02-22", "week")
    assert one("The inquiry reports next month.") == ("2021-04", "month")
    assert one("Prices rose last month.") == ("2021-02", "month")
    assert one("Exports fell last year.") == ("2020", "year")
    m = find_dates("Fighting escalated this week.", PUB).mentions[0]
    assert m.last_day == date(2021, 3, 7) and m.relative


def test_week_granularity_spanning_months_keeps_its_monday() -> None:
    # Thursday 1 April 2021: this week began on Monday 29 March.
    m = find_dates("Storms hit the coast this week.", date(2021, 4, 1)).mentions[0]
    assert (m.iso, m.granularity, m.last_day) == ("2021-03-29", "week", date(2021, 4, 4))


def test_several_mentions_left_to_right() -> None:
    found = find_dates("Troops left on Monday and returned on March 5th, before the vote in 2022.", PUB)
    assert [(m.text, m.iso) for m in found.mentions] == [
        ("on Monday", "2021-03-01"),
        ("March 5th", "2021-03-05"),
        ("in 2022", "2022"),
    ]


def test_no_false_dates() -> None:
    for s in [
        "The company may cut 2011 jobs.",
        "He scored 12 points in May's final.",  # "May's" is no month/day expression with a day
        "Fridays are quiet in the market.",
        "She will march on the capital.",
        "About 2,000 people attended.",
    ]:
        assert [m.text for m in find_dates(s, PUB).mentions if m.granularity == "day"] == [], s


def test_unresolvable_expressions_are_reported() -> None:
    found = find_dates("The envoy arrived on Monday and left on February 30.", PUB)
    assert [m.text for m in found.mentions] == ["on Monday"]
    assert found.unresolved == ["February 30"]
    # no publication date: relative expressions and year-less dates cannot be resolved
    undated = find_dates("He left on Monday, two days before January 19th, and returned on 2 May 2020.", None)
    assert [m.iso for m in undated.mentions] == ["2020-05-02"]
    assert sorted(undated.unresolved) == ["January 19th", "on Monday"]


def test_reference_date_gives_the_year_of_an_undated_article() -> None:
    assert one("The conference opens on January 19th.", None, reference=date(2020, 1, 14)) == ("2020-01-19", "day")


def test_resolver_cache_is_per_instance() -> None:
    a, b = DateResolver(), DateResolver()
    assert a.find("It happened on March 3, 2020.", PUB).mentions  # answered by the calendar, no cache
    a._month_day_dateparser(3, 3)  # the dateparser reference keeps its cache per resolver
    assert a._cache and not b._cache


def test_parse_iso() -> None:
    assert parse_iso("2020-01-13T10:00:00Z") == date(2020, 1, 13)
    assert parse_iso("13/01/2020") is None
    assert parse_iso(None) is None


def test_nearest_tense_marker_decides() -> None:
    # "said" is next to the weekday, "will" belongs to another clause
    assert one("The minister said on Monday that the port will reopen.") == ("2021-03-01", "day")
    assert one("The port will reopen on Monday, the minister said.") == ("2021-03-08", "day")


def test_a_clock_time_after_a_preposition_is_no_year() -> None:
    found = find_dates("Shops must close after 1800 and reopen at 0600.", PUB)
    assert (found.mentions, found.unresolved) == ([], ["after 1800"])  # unresolved, not guessed
    assert find_dates("The curfew starts after 2000 GMT.", PUB).unresolved == ["after 2000"]
    assert one("Troops have been there since 1990.")[0] == "1990"  # a year far from a clock time stays one


def test_a_weekday_inside_a_name_is_no_date() -> None:
    assert find_dates("The Sunday Times reported the deal.", PUB).mentions == []
    assert find_dates("Voters recalled Super Tuesday in the south.", PUB).mentions == []
    assert one("The paper reported on Sunday that the deal was off.") == ("2021-02-28", "day")
    assert one("Sunday was quiet.") == ("2021-02-28", "day")


def test_a_passive_future_is_future() -> None:
    # PUB is Wednesday 3 March 2021: the burial is the coming Monday, not the past one
    assert one("The burial will be held on Monday.") == ("2021-03-08", "day")
    assert one("The burial was held on Monday.") == ("2021-03-01", "day")


def test_a_bare_month_follows_the_tense() -> None:
    october = date(2021, 10, 20)
    assert one("The war began in February.", october) == ("2021-02", "month")
    assert one("The vote will be held in February.", october) == ("2022-02", "month")
    assert one("The war began last June.", date(2010, 6, 14)) == ("2009-06", "month")  # "last" says which
    assert one("He died in June of 2009.", date(2010, 12, 31)) == ("2009-06", "month")


def test_a_year_less_day_far_on_the_wrong_side_follows_the_tense() -> None:
    february = date(2010, 2, 5)
    assert one("The singer died at his home on 25 June.", february) == ("2009-06-25", "day")
    assert one("The trial will open on 25 June.", february) == ("2010-06-25", "day")
    assert one("Troops returned on March 5th.") == ("2021-03-05", "day")  # two days after: the nearest stands
