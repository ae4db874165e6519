"""Find date expressions in a sentence and normalise them to calendar dates.

Two kinds of expression:

- absolute ("January 19th", "Jan. 12", "13 January 2020", "2020-01-14", "March 2011", "in March",
  "in 2011"): spotted by regex, the day checked against the calendar (which answers exactly as
  dateparser does on every month and day the patterns can write; a test checks all of them).  A year-less day or month takes the year that
  puts it nearest the article's publication date (or, for an undated article, the reference date the
  caller gives, e.g. the middle of its story);
- relative to the publication date ("on Monday", "last Saturday", "this week", "two days ago",
  "Tuesday morning", "yesterday", "next month"): resolved here against the publication date, with the
  news convention that a bare weekday in past-tense reporting is the most recent such day on or before
  publication, and in future-tense reporting the next one on or after it.

Regex spotting comes first; a :class:`DateResolver` is made per call, per batch or per run, never
shared module-wide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from dateparser.date import DateDataParser

MentionGranularity = Literal["day", "week", "month", "year"]

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}  # fmt: skip

# Month names must be capitalised: "may" and "march" are also ordinary words.  Abbreviations may
# carry a full stop and may be glued to the day ("Jan.12"), as wire copy writes them.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Years news talks about; a bare 4-digit number outside this range is a count, not a year.
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,2}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_ABSOLUTE_RE = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b)
  | (?P<mdy>\b(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})\b(?!\s*(?:[:.,]\d|%|\d))(?:,?\s+(?P<y1>{_YEAR})\b)?)
  | (?P<dmy>\b(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?)
  | (?P<my>\b(?P<m3>{_MONTH})(?:,|\s+of)?\s+(?P<y3>{_YEAR})\b)
  | (?P<pm>\b(?P<pmp>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast|[Nn]ext|[Tt]his|[Ff]rom|[Tt]hrough)
        \s*(?P<m4>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d|\s+of\s+\d))
  | (?P<py>\b(?P<pyp>[Ii]n|[Ss]ince|[Uu]ntil|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f)
        \s*(?:early\s+|late\s+|mid-)?(?P<y5>{_YEAR})\b(?![-/]\d|\s*(?:%|percent|people|[a-z]+s\b)))
    """,
    re.VERBOSE,
)

_RELATIVE_RE = re.compile(
    rf"""
    (?P<wd>\b(?:(?P<wmod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Oo]n)\s+)?(?P<wday>{_WEEKDAY})(?!s\b)
        (?:\s+(?P<part>morning|afternoon|evening|night))?\b)
  | (?P<deictic>\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night)\b)
  | (?P<period>\b(?:(?P<early>[Ee]arlier|[Ll]ater)\s+)?(?P<pmod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+(?P<unit>week|month|year)\b(?!s))
  | (?P<ago>\b(?P<n>{_NUM})\s+(?P<aunit>day|week|month|year)s?\s+ago\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Something every date expression contains.  Most sentences have none, and these substring tests
# (much faster than any regex alternation) spare them the full patterns.  Month names are matched
# with their capital, as the patterns require; the rest in lowercase.
_TRIGGER_CASED = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TRIGGER_LOWER = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
    "yesterday", "tomorrow", "ago", "week", "month", "last year", "this year", "next year", "past year",
    "last night", "this morning", "this afternoon", "this evening",
)  # fmt: skip
_TRIGGER_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


# Something every _RELATIVE_RE match contains, lowercased (on ASCII text, where ignoring case is
# lowercasing; beyond ASCII the pattern also takes "ſ" for "s", so there it always runs).  Wider than
# the relative part of _TRIGGER_LOWER: "last  year" (two spaces) holds "year", not "last year".
_RELATIVE_LITERALS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
    "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "week", "month", "year", "ago",
)  # fmt: skip


def may_hold_absolute(text: str) -> bool:
    """False when ``text`` certainly holds no _ABSOLUTE_RE match: each of its forms has a month name
    (with its capital, the pattern ignores no case) or a year."""
    return any(k in text for k in _TRIGGER_CASED) or _TRIGGER_YEAR_RE.search(text) is not None


def may_hold_relative(text: str) -> bool:
    """False when ``text`` certainly holds no _RELATIVE_RE match."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(k in low for k in _RELATIVE_LITERALS)


def may_hold_date(text: str) -> bool:
    """False when ``text`` certainly holds no date expression (a fast pre-check)."""
    if any(k in text for k in _TRIGGER_CASED):
        return True
    low = text.lower()
    return any(k in low for k in _TRIGGER_LOWER) or _TRIGGER_YEAR_RE.search(text) is not None


# Words that mark future-tense reporting near a weekday ("will meet on Monday", "is due to sign
# Tuesday").  "would" counts too: in reported speech it is the future of the saying ("the board said
# it would decide on Wednesday" is the coming Wednesday), while a weekday that dates the saying sits
# next to "said" ("said on Monday that it would ..."), and the nearer marker wins.
_FUTURE_RE = re.compile(
    r"\b(?:will|won't|would|shall|'ll|is to|are to|was to|is due|are due|due to|scheduled|expected to|"
    r"plans? to|planned|set to|going to|upcoming|next)\b",
    re.IGNORECASE,
)
# A sentence that speaks of what is planned, possible or intended ("could be held on January 19", "is
# ready to attend on January 19th"): its dates may lie after the writing, so they never anchor an
# undated article (see mentions._anchor).  Wider than _FUTURE_RE on purpose: a wrong anchor moves
# every weekday of the article, while a skipped sentence only leaves the anchor to the others.
_PROSPECTIVE_RE = re.compile(
    r"\b(?:will|won't|would|shall|'ll|could|can|may|might|is to|are to|due|scheduled|expected|plans?|planned|"
    r"set to|going to|upcoming|next|ready to|intends?|hopes?|aims? to|to be held|to start|to begin)\b",
    re.IGNORECASE,
)


def prospective(sentence: str) -> bool:
    """Does the sentence speak of the planned, possible or intended (so its dates may be future)?"""
    return _PROSPECTIVE_RE.search(sentence) is not None


# Past-tense markers: "said", "was", regular -ed verbs and the irregular verbs news uses most.
_PAST_RE = re.compile(
    r"\b(?:said|says|told|was|were|had|did|met|took|held|left|came|went|made|gave|began|sent|"
    r"fought|won|lost|fell|rose|spoke|wrote|broke|struck|hit|killed|saw|found|flew|ran|led|"
    r"announced|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
# How far (in characters) a tense marker may be from the weekday to count: about a clause.
_TENSE_WINDOW = 60


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a sentence, normalised."""

    text: str  # the expression as written ("last Saturday")
    start: int  # character offsets in the sentence
    end: int
    value: date  # first day of the period it names
    granularity: MentionGranularity
    relative: bool  # resolved against the publication date

    @property
    def iso(self) -> str:
        """ISO date truncated to the granularity (a week is named by its Monday)."""
        if self.granularity == "year":
            return f"{self.value.year:04d}"
        if self.granularity == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @property
    def last_day(self) -> date:
        """Last day of the period."""
        return period_last_day(self.value, self.granularity)


def period_last_day(first: date, granularity: str) -> date:
    """Last day of the period of ``granularity`` (day, week, month, year) that starts on ``first``."""
    if granularity == "day":
        return first
    if granularity == "week":
        return first + timedelta(days=6)
    if granularity == "month":
        return _add_months(first, 1) - timedelta(days=1)
    return date(first.year, 12, 31)


@dataclass
class SentenceDates:
    mentions: list[DateMention] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # expressions found but not resolvable


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _month_of(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    """The date with this month and day nearest ``ref`` (a year-less date in news is near its story)."""
    best: date | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:  # 29 February in a common year, 31 April
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def tense_near(sentence: str, start: int, end: int) -> Literal["future", "past"] | None:
    """The tense of the nearest tense marker around ``sentence[start:end]``, None without one.

    A participle after "be" is no past marker: "the burial will be held on Monday" is future.
    """
    lo, hi = max(0, start - _TENSE_WINDOW), min(len(sentence), end + _TENSE_WINDOW)
    best_future = best_past = _TENSE_WINDOW + 1
    for m in _FUTURE_RE.finditer(sentence, lo, hi):
        best_future = min(best_future, start - m.end() if m.end() <= start else m.start() - end)
    for m in _PAST_RE.finditer(sentence, lo, hi):
        if m.start() >= start and m.end() <= end:
            continue  # inside the expression itself
        if _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "be held", "been postponed": the tense is the auxiliary's
        best_past = min(best_past, start - m.end() if m.end() <= start else m.start() - end)
    if best_future == best_past:
        return None
    return "future" if best_future < best_past else "past"


# Prepositions that put a 24-hour clock time in news ("after 1800", "from 0600 until 1800").
_TIME_PREPS = frozenset({"after", "before", "until", "from", "since"})
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_UNIT = re.compile(r"\s*(?:GMT|BST|UTC|CET|EST|EDT|ET|PT|local|hours|hrs|h)\b")
# A clock-shaped year this many years before the article's date is more likely the time: news
# about 2011 speaks of "after 1800" (6 p.m.) far more often than of the 19th century.
_HISTORY_YEARS = 100
_TENSE_SLACK_DAYS = 60


def _year_by_tense(month: int, day: int, ref: date, tense: str | None) -> date | None:
    """A year-less day: the nearest to ``ref``, unless the tense puts it on the other side by months.

    "The war began on February 15", written in October, is this February, not the nearer next
    one; "will vote on February 15" is the next one.  Within ``_TENSE_SLACK_DAYS`` of ``ref`` the
    nearest stands: publication dates in news data are often a little off, and tense markers in
    reported speech are not reliable enough to move a date by a year for a few days' difference
    (moving them lowered t17-dev date F1 from 0.611 to 0.608).
    """
    nearest = _nearest_year(month, day, ref)
    if nearest is None or tense is None:
        return nearest
    if tense == "past" and nearest > ref + timedelta(days=_TENSE_SLACK_DAYS):
        return _valid(ref.year - 1 if nearest.year == ref.year else ref.year, month, day) or nearest
    if tense == "future" and nearest < ref - timedelta(days=_TENSE_SLACK_DAYS):
        return _valid(ref.year + 1 if nearest.year == ref.year else ref.year, month, day) or nearest
    return nearest


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February of a common year
        return None


def is_future_context(sentence: str, start: int, end: int) -> bool:
    """Does the nearest tense marker around ``sentence[start:end]`` mark the future?"""
    return tense_near(sentence, start, end) == "future"


# "be", "been", "is", "are" right before a participle: a passive, whose tense is the auxiliary's.
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# A weekday inside a name: "the Sunday Times", "Super Tuesday", "Bloody Sunday".
_NAME_AFTER = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]"
)
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s+$")
_DATE_WORDS_BEFORE = re.compile(
    r"(?:^|[.!?;:,(]\s*|\b(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Bb]y|[Uu]ntil|[Ss]ince|[Ff]rom|[Ee]arly|[Ll]ate|[Ee]very|[Tt]hat|[Ll]ater|[Ee]arlier|[Aa]nd|[Oo]r|[Tt]o)\s+)$"
)


def weekday_in_name(sentence: str, start: int, end: int) -> bool:
    """Is the weekday at ``sentence[start:end]`` part of a name ("The Sunday Times", "Super Tuesday")?

    A capitalised word right after it ("the Sunday Times") or right before it (not the sentence's
    first: "Super Tuesday") makes it a name, unless a date word ("on", "last", "by", ...) leads it.
    """
    before = sentence[:start]
    if _DATE_WORDS_BEFORE.search(before):
        return False
    if _NAME_AFTER.match(sentence, end):
        return True
    m = _NAME_BEFORE.search(before)
    return m is not None and m.start() > 0


class DateResolver:
    """Finds and resolves date expressions (the dateparser reference keeps a cache for its lifetime).

    Make one per call or per run (``story_timeline`` and ``topic_timeline`` do); it holds no state
    besides that cache, so it is safe to make many, and nothing is shared between processes.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[int, int] | None] = {}
        self._parser: Any = None

    # ------------------------------------------------------------------ dateparser

    def _month_day(self, month: int, day: int) -> tuple[int, int] | None:
        """Month and day of "<Month> <day>", or None when no such day exists (in a leap year).

        The domain is finite (12 months x the days ``_DAY`` can write), and on every key of it
        dateparser's answer is exactly the calendar's (``tests/test_memos.py`` checks all of them
        against dateparser), so the calendar answers: a dateparser call costs milliseconds, and
        a story step met some 300 new keys per 2,000 articles.
        """
        try:
            date(2000, month, day)  # 2000: a leap year, so "February 29" exists
        except ValueError:
            return None
        return (month, day)

    def _month_day_dateparser(self, month: int, day: int) -> tuple[int, int] | None:
        """What :meth:`_month_day` answered before: "<Month> <day>" parsed by dateparser (cached).
        Kept as the reference the calendar is checked against."""
        key = f"{_MONTH_NAMES[month - 1]} {day}"
        if key in self._cache:
            return self._cache[key]
        if self._parser is None:
            # A leap-year base so "February 29" parses; only absolute parsing is needed here.
            self._parser = DateDataParser(
                languages=["en"],
                try_previous_locales=False,
                settings={"RELATIVE_BASE": datetime(2000, 6, 15), "PARSERS": ["absolute-time"]},
            )
        data = self._parser.get_date_data(key)
        out = (data.date_obj.month, data.date_obj.day) if data and data.date_obj and data.period == "day" else None
        self._cache[key] = out
        return out

    # ------------------------------------------------------------------ absolute

    def _absolute(
        self, m: re.Match[str], ref: date | None, sentence: str = "", dated: bool = False
    ) -> DateMention | str:
        """A mention, or the reason it cannot be resolved.

        ``dated``: ``ref`` is the article's own (publication or anchor) date, so the tense of the
        sentence can place a year-less day or month before or after it.
        """
        text = m.group(0)
        g = m.groupdict()
        tense = tense_near(sentence, m.start(), m.end()) if dated and sentence else None
        if g["iso"] or g["mdy"] or g["dmy"]:
            if g["iso"]:
                month, day, year = int(g["im"]), int(g["id"]), g["iy"]
            else:
                month, day, year = _month_of(g["m1"] or g["m2"]), _day_of(g["d1"] or g["d2"]), g["y1"] or g["y2"]
            md = self._month_day(month, day)
            if md is None:
                return "invalid date"
            if year:
                try:
                    return DateMention(text, m.start(), m.end(), date(int(year), *md), "day", False)
                except ValueError:  # 29 February of a common year
                    return "invalid date"
            if ref is None:
                return "no year and no publication date"
            d = _year_by_tense(md[0], md[1], ref, tense)
            if d is None:
                return "invalid date"
            return DateMention(text, m.start(), m.end(), d, "day", False)
        if g["my"]:
            return DateMention(text, m.start(), m.end(), date(int(g["y3"]), _month_of(g["m3"]), 1), "month", False)
        if g["pm"]:
            month = _month_of(g["m4"])
            if ref is None:
                return "no year and no publication date"
            prefix = g["pmp"].lower()
            this_month = ref.replace(day=1)
            first = date(ref.year, month, 1)
            if prefix in {"last", "next", "this"}:
                pass  # the writer said which one
            elif prefix == "since" or tense == "past":
                prefix = "most recent"  # "the war began in February", written in October: this February
            elif tense == "future":
                prefix = "coming"
            if prefix == "last":
                first = first if first < this_month else date(ref.year - 1, month, 1)
            elif prefix == "next":
                first = first if first > this_month else date(ref.year + 1, month, 1)
            elif prefix == "most recent":
                first = first if first <= this_month else date(ref.year - 1, month, 1)
            elif prefix == "coming":
                first = first if first >= this_month else date(ref.year + 1, month, 1)
            else:  # the nearest such month
                cands = [date(ref.year + k, month, 1) for k in (-1, 0, 1)]
                first = min(cands, key=lambda c: abs((c - this_month).days))
            return DateMention(text, m.start(), m.end(), first, "month", False)
        # a year after a preposition, unless it may be a clock time ("after 1800", "until 0600 GMT")
        year = int(g["y5"])
        clock = g["pyp"].lower() in _TIME_PREPS and _CLOCK.fullmatch(g["y5"]) is not None
        if clock and (_CLOCK_UNIT.match(sentence, m.end()) or (ref.year if ref else 2000) - year > _HISTORY_YEARS):
            return "clock time or year"
        return DateMention(text, m.start(), m.end(), date(year, 1, 1), "year", False)

    # ------------------------------------------------------------------ relative

    def _relative(self, m: re.Match[str], sentence: str, pub: date | None) -> DateMention | str:
        text = m.group(0)
        if pub is None:
            return "relative expression and no publication date"
        g = m.groupdict()
        s, e = m.start(), m.end()
        if g["wd"]:
            target = _WEEKDAYS[g["wday"].lower()]
            mod = (g["wmod"] or "").lower()
            back = (pub.weekday() - target) % 7  # days back to the most recent such day (0 = today)
            if mod in {"last", "past"}:
                d = pub - timedelta(days=back or 7)
            elif mod in {"next", "coming"}:
                d = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
            elif is_future_context(sentence, s, e):
                d = pub + timedelta(days=(target - pub.weekday()) % 7)
            else:
                d = pub - timedelta(days=back)
            return DateMention(text, s, e, d, "day", True)
        if g["deictic"]:
            low = " ".join(text.lower().split())
            offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(low, 0)
            return DateMention(text, s, e, pub + timedelta(days=offset), "day", True)
        if g["period"]:
            unit, mod = g["unit"].lower(), g["pmod"].lower()
            step = {"last": -1, "past": -1, "this": 0, "next": 1}[mod]
            if unit == "week":
                monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
                return DateMention(text, s, e, monday, "week", True)
            if unit == "month":
                return DateMention(text, s, e, _add_months(pub.replace(day=1), step), "month", True)
            return DateMention(text, s, e, date(pub.year + step, 1, 1), "year", True)
        # "N units ago"
        raw = " ".join(g["n"].lower().split())
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = g["aunit"].lower()
        if unit == "day":
            return DateMention(text, s, e, pub - timedelta(days=n), "day", True)
        if unit == "week":
            d = pub - timedelta(weeks=n)
            return DateMention(text, s, e, d - timedelta(days=d.weekday()), "week", True)
        if unit == "month":
            return DateMention(text, s, e, _add_months(pub.replace(day=1), -n), "month", True)
        return DateMention(text, s, e, date(pub.year - n, 1, 1), "year", True)

    # ------------------------------------------------------------------ public

    def find(self, sentence: str, published: date | None, reference: date | None = None) -> SentenceDates:
        """Date mentions of one sentence, left to right.

        ``published`` is the article's publication date (relative expressions need it); ``reference``
        (default: ``published``) decides the year of year-less dates.
        """
        ref = published or reference
        out = SentenceDates()
        if not may_hold_date(sentence):
            return out
        taken: list[tuple[int, int]] = []
        absolute: list[DateMention] = []
        # each pattern only where its cheap pre-check allows a match (no match is skipped)
        for m in _ABSOLUTE_RE.finditer(sentence) if may_hold_absolute(sentence) else ():
            r = self._absolute(m, ref, sentence, published is not None)
            if isinstance(r, str):
                out.unresolved.append(m.group(0))
            else:
                absolute.append(r)
            taken.append((m.start(), m.end()))
        absolute = _with_sentence_year(absolute)
        relative: list[DateMention] = []
        for m in _RELATIVE_RE.finditer(sentence) if may_hold_relative(sentence) else ():
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if m.group("wd") and _ABSOLUTE_NEXT_RE.match(sentence, m.end()):
                # "Monday, January 13" / "Saturday (Jan. 12)": the written date is authoritative.
                continue
            if m.group("wd") and not m.group("wmod") and weekday_in_name(sentence, m.start("wday"), m.end("wday")):
                continue  # "The Sunday Times": no date at all
            r = self._relative(m, sentence, published)
            if isinstance(r, str):
                out.unresolved.append(m.group(0))
            else:
                relative.append(r)
        out.mentions = sorted(absolute + relative, key=lambda x: x.start)
        return out


WRITTEN_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")  # a year written out in a date expression


def _with_sentence_year(mentions: list[DateMention]) -> list[DateMention]:
    """A year-less day or month in a sentence that writes one year takes that year: "In 1918, there was a
    first wave of mild flu in April" is April 1918, not the April nearest the article's date, when the
    year comes first.  With two years written ("between 2005 and January 2009") nothing is moved."""
    years = {int(y) for x in mentions for y in WRITTEN_YEAR.findall(x.text)}
    if len(years) != 1:
        return mentions
    (year,) = years
    first_year = min(x.start for x in mentions if WRITTEN_YEAR.search(x.text))
    out: list[DateMention] = []
    for x in mentions:
        # only after the year: "… returned on March 5th, before the vote in 2022" is no March 2022
        if (
            x.start > first_year
            and x.granularity in ("day", "month")
            and not WRITTEN_YEAR.search(x.text)
            and x.value.year != year
        ):
            moved = _valid(year, x.value.month, x.value.day)
            if moved is not None:
                x = replace(x, value=moved)
        out.append(x)
    return out


# A written date right after a weekday ("Monday, Jan. 13", "Saturday (Jan.12)").
_ABSOLUTE_NEXT_RE = re.compile(rf"\s*[,(]?\s*(?:{_MONTH}\s*{_DAY}|{_DAY}(?:\s+of)?\s+{_MONTH})")


def find_dates(sentence: str, published: date | None, reference: date | None = None) -> SentenceDates:
    """One-off convenience: :meth:`DateResolver.find` with a fresh resolver."""
    return DateResolver().find(sentence, published, reference)
