"""What a figure measures besides its counted noun: its time frame, its qualifiers, the names next to it.

Two figures of the same noun are only comparable when they measure the same thing at the same time:
"40 people were killed on Thursday" and "7,000 people have been killed since March" count the same
noun over different frames, "$5bn in the second quarter" and "$2.9bn for the second quarter of 2009"
different years, "1,000 barrels a day" and "100,000 barrels could spill" a rate and a projection.
:func:`frame_of` reads the words of the figure's own clause (see :func:`clause_around`) into a
:class:`Frame`; :func:`same_frame` says whether two frames can be about the same count.

The vocabularies below are general English and news usage (time phrases, rate phrases, modal verbs,
measure qualifiers), not words of any topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.text import STOPWORDS

# Words that start the frame of another figure: "$5bn, compared with $2.9bn for 2009", "up from
# 300": what follows belongs to the second figure, what precedes to the first.
_COMPARE = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|up from|down from|while|whereas)\b|[;:\u2014]|\s--?\s|\s\u2013\s",
    re.IGNORECASE,
)
# ... and after a figure, "than" too ("300 more than last year"), but not the hedge of a figure
# coordinated with it ("1,300 civilians and more than 300 soldiers have been killed since ...": the
# clause goes on to their shared verb); before a figure, "than" is its own hedge, read elsewhere.
_COMPARE_AFTER = re.compile(_COMPARE.pattern + r"|\bthan\b(?!\s*[$€£]?\s*\d)", re.IGNORECASE)
# How far a figure's clause reaches (characters): a time phrase follows its figure more often than it
# precedes it ("40 people were killed across the country on Thursday", "On Thursday, 40 ...").
_BEFORE = 60
_AFTER = 100

# A projection or a condition is no statement of a count ("100,000 barrels could spill", "would have
# made a profit of $5.6bn"): modal verbs and conditional conjunctions of the clause. Lower case only
# ("May" is a month).
_HYPOTHETICAL = re.compile(r"\b(?i:could|would|might|if|unless|should|possibly|potentially|perhaps)\b|\bmay\b")
# A modal reaches the figures of its whole clause ("the bill would remove the cap ... and increases
# to $300 million"): from the last comma before the figure, or these many characters before it; not
# into a relative clause ("a barge would haul it to the spot where the well has been spewing 210,000
# gallons a day": the spewing is a fact).
_MODAL_REACH = 40
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:where|which|who|whom|whose)\b", re.IGNORECASE)
# A rate: "a day", "per day", "each week", "daily", "annually", "barrels per day (bpd)".
_RATE = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?P<unit>second|minute|hour|day|week|month|year|quarter)\b|"
    r"\b(?P<adv>hourly|daily|weekly|monthly|yearly|annually|annual|bpd)\b",
    re.IGNORECASE,
)
_RATE_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
_RATE_ADVERBS |= {"annually": "year", "annual": "year", "bpd": "day"}
# A running total: "so far", "to date", "since March", "in total", "altogether", "have been killed".
_SINCE = re.compile(r"\bsince\b(?P<anchor>(?:\s+[\w'-]+){0,5})", re.IGNORECASE)
_SO_FAR = re.compile(
    r"\b(?:so far|to date|thus far|up to now|until now|in total|in all|altogether|overall|total|cumulative)\b",
    re.IGNORECASE,
)
# Perfect tense right after the counted noun ("1,300 civilians have been killed"): a count up to now.
_PERFECT = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:have|has)\b(?:\s+(?:now|so far|already|reportedly))?\s+been\b", re.I)
# A period: "in the second quarter", "the first half", "last year", "this month", "in March".
_PERIOD = re.compile(
    r"\b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])[\s-]+(?P<part>quarter|half)\b|"
    r"\b(?P<rel>last|this|next|past|previous)\s+(?P<span>week|month|year|quarter|season|weekend)\b|"
    r"\b(?:in|during|for|since|by)\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b",
    re.IGNORECASE,
)
_ORDINAL = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "q1": "first", "q2": "second"}
_ORDINAL |= {"q3": "third", "q4": "fourth"}
_YEAR = re.compile(r"(?<![\d$€£.,])(?P<y>1[89]\d\d|20\d\d)(?!\d|,\d)")
# One day: a weekday, "yesterday", "today", "overnight" (the weekday and dates are compared story-wide
# by the caller too; here they tell a one-day count from a running total).
_DAY = re.compile(
    r"\b(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight)\b",
    re.IGNORECASE,
)
# Measure qualifiers: a minimum and a maximum estimate, an average and a peak, net and gross, an
# underlying (adjusted) and a reported result are different measures of one noun.
# How certain a count is: "confirmed" and "suspected" (or "possible", "likely", "believed") cases or
# deaths are different counts; "already" marks the count before the news being reported.
_QUALIFIERS = frozenset(
    """minimum maximum average peak gross net underlying adjusted pretax pre-tax before-tax after-tax
    initial preliminary combined lowest highest worst-case best-case
    confirmed suspected possible probable likely believed unconfirmed already""".split()
)
# An increment of the day: "the new cases include 10 children", "the latest figures": counts of the
# report's own day, compared only between articles of the same day.
_INCREMENT = re.compile(r"\b(?:new|latest|fresh|further|additional)\b", re.IGNORECASE)
# A total reached up to now (or up to then), written before the figure: "Mexico has now confirmed 25
# fatalities", "costs had grown to about $760 million", "the toll rose to 45".
_PERFECT_BEFORE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:(?:now|so far|already)\s+)?\w+(?:ed|en)|"
    r"(?:rose|risen|grew|grown|climbed|reached|jumped|increased|fallen|fell|dropped)\s+to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# What happened to the counted people or things, in classes of general news wording: "three people
# were killed" and "wounding 10 people" count different people; "killed" and "died" the same ones.
_PREDICATE_CLASSES = {
    "death": "killed killing kill kills dead died die dies deaths death fatalities perished lost".split(),
    "injury": "wounded wounding injured injuring injuries hurt".split(),
    "arrest": "arrested detained jailed imprisoned captured held".split(),
    "missing": ["missing"],
    "displaced": "evacuated displaced fled homeless".split(),
    "rescue": "rescued saved".split(),
}
_PREDICATE = {w: cls for cls, words in _PREDICATE_CLASSES.items() for w in words}
# Irregular past forms that end in neither -ed nor -ing.
_IRREGULAR = frozenset("left spent paid sold bought took gave made won lost held fled hit cut rose fell grew".split())
# Words that end a counted noun phrase as verbs (irregular forms and the predicate words).
VERB_FORMS = _IRREGULAR | frozenset(_PREDICATE) - {"dead", "deaths", "death", "fatalities", "injuries", "missing"}
# Participles that say how a figure was arrived at, not what happened to what it counts.
_NOT_PREDICATE = frozenset(
    """estimated reported expected projected revised combined based related said including excluding
    according following""".split()
)
# How far from the number the predicate is looked for (words): after it first ("500 barrels of oil
# leaked", "three people who were killed"), then before it ("wounding 10 people").
_PREDICATE_AFTER = 4
_PREDICATE_BEFORE = 2
_MONTH_DAY = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True)
class Frame:
    rate: frozenset[str]  # units of a rate ("day"); empty: not a rate
    period: frozenset[str]  # "second quarter", "last year", "march"
    years: frozenset[str]  # years written in the clause
    running: bool  # a total up to now ("so far", "since ...", "have been killed")
    since: frozenset[str]  # content words of its "since ..." phrase
    days: frozenset[str]  # "thursday", "yesterday"
    qualifiers: frozenset[str]
    hypothetical: bool
    names: frozenset[str]  # capitalised names of the clause (not the sentence's first word), folded
    predicate: str | None = None  # what happened to the counted thing: a class ("death") or a verb stem
    increment: bool = False  # "new", "latest": a count of the report's own day
    quoted: bool = False  # inside a direct quotation: a speaker's words, not the report's own figure
    names_before: frozenset[str] = frozenset()  # names of the clause before the figure, sources left out


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after a figure (``text[start:end]``) that belong to it: at most
    ``_BEFORE``/``_AFTER`` characters, cut at a comparison with another figure ("compared with",
    "up from", a dash or parenthesis)."""
    before = text[max(0, start - _BEFORE) : start]
    cuts = list(_COMPARE.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + _AFTER]
    cut = _COMPARE_AFTER.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def _predicate(before: str, after: str, stem: Callable[[str], str]) -> str | None:
    """The verb that says what happened to what a figure counts, next to it (see ``_PREDICATE``)."""

    def verb(w: str) -> str | None:
        w = w.lower()
        if w in _PREDICATE:
            return _PREDICATE[w]
        if w in _NOT_PREDICATE or w in STOPWORDS:
            return None
        if w in _IRREGULAR or (len(w) > 4 and w.endswith("ed")) or (len(w) > 5 and w.endswith("ing")):
            return stem(w)
        return None

    for w in _WORD.findall(after)[:_PREDICATE_AFTER]:
        if (v := verb(w)) is not None:
            return v
    for w in reversed(_WORD.findall(before)[-_PREDICATE_BEFORE:]):
        if (v := verb(w)) is not None:
            return v
    return None


def frame_of(text: str, start: int, end: int, stem: Callable[[str], str] = str.lower) -> Frame:
    """The frame of the figure ``text[start:end]``; ``stem`` folds the words of "since" phrases."""
    before, after = clause_around(text, start, end)
    clause = before + " " + after
    rate = {
        m.group("unit").lower() if m.group("unit") else _RATE_ADVERBS[m.group("adv").lower()]
        for m in _RATE.finditer(clause)
    }
    since_words: set[str] = set()
    outside = clause
    since = False
    for m in _SINCE.finditer(clause):
        since = True
        since_words |= {stem(w.lower()) for w in _WORD.findall(m.group("anchor")) if w.lower() not in STOPWORDS}
        # a month or day inside "since March" is the start of a running total, not its period or day
        outside = outside[: m.start()] + " " * (m.end() - m.start()) + outside[m.end() :]
    period: set[str] = set()
    for m in _PERIOD.finditer(outside):
        if m.group("part"):
            which = m.group("which").lower()
            period.add(f"{_ORDINAL.get(which, which)} {m.group('part').lower()}")
        elif m.group("span"):
            period.add(f"{m.group('rel').lower()} {m.group('span').lower()}")
        else:
            period.add(m.group("month").lower())
    days = {m.group("d").lower() for m in _DAY.finditer(outside)}
    running = (
        since or bool(_SO_FAR.search(clause)) or bool(_PERFECT.search(after)) or bool(_PERFECT_BEFORE.search(before))
    )
    words = _WORD.findall(clause)
    qualifiers = {w.lower() for w in words if w.lower() in _QUALIFIERS}
    first = _WORD.search(text)
    names = {
        re.sub(r"'s$", "", w.lower())
        for m in _WORD.finditer(text, start - len(before), end + len(after))
        if (w := m.group(0))[0].isupper()
        and not (first is not None and m.start() == first.start())
        and w.lower() not in STOPWORDS
        and w.lower() not in _MONTH_DAY
    }
    said = _ATTRIBUTION.sub(" ", before)
    names_before = {
        re.sub(r"'s$", "", w.lower())
        for w in _WORD.findall(said)
        if w[0].isupper() and w.lower() not in STOPWORDS and w.lower() not in _MONTH_DAY
    }
    if first is not None and first.start() >= start - len(before) and _SUBJECT_AUX.match(text, first.end()) is None:
        # the first word is capitalised anyway ("Nearly 1,500", "Officials"); it is a name when it is
        # the subject of an auxiliary ("Lowe is believed to be seeking $75 million")
        names_before.discard(re.sub(r"'s$", "", first.group(0).lower()))
    return Frame(
        names_before=frozenset(names_before),
        rate=frozenset(rate),
        period=frozenset(period),
        years=frozenset(m.group("y") for m in _YEAR.finditer(clause)),
        running=running,
        since=frozenset(since_words),
        days=frozenset(days),
        qualifiers=frozenset(qualifiers),
        hypothetical=_hypothetical(text, start, after),
        names=frozenset(names),
        predicate=_predicate(before, after, stem),
        increment=bool(_INCREMENT.search(before)),
        quoted=in_quote(text, start),
    )


# Quotation marks: straight and curly double quotes (single quotes are apostrophes too often).
_QUOTE_MARKS = re.compile(r'["\u201c\u201d]')


def in_quote(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is inside a direct quotation: an odd number of quotation marks before it,
    or a closing mark after it with none before (a quote that began in an earlier sentence)."""
    before = len(_QUOTE_MARKS.findall(text, 0, pos))
    if before % 2 == 1:
        return True
    return before == 0 and "\u201d" in text[pos:] and "\u201c" not in text[pos:]


# Who says a figure is its source, not what it is about: "The Associated Press said the platform was
# producing ...", "according to the Red Cross, ..." (general verbs of reporting).
_ATTRIBUTION = re.compile(
    r"(?:\b[A-Z][\w'&.-]*\s+){1,4}(?:said|says|say|reported|reports|told|estimated|estimates|announced|"
    r"confirmed|added)\b|\baccording to(?:\s+(?:the\s+)?[A-Z][\w'&.-]*)+"
)


_SUBJECT_AUX = re.compile(r"\s+(?:is|was|has|had|will|would)\b")


def _hypothetical(text: str, start: int, after: str) -> bool:
    """A modal or a condition in the figure's clause: from the last comma before it (or
    ``_MODAL_REACH`` characters, whichever reaches further) to ``_MODAL_REACH`` characters after it."""
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, start))
    begin = min(breaks[-1].end() if breaks else 0, max(0, start - _MODAL_REACH))
    return bool(_HYPOTHETICAL.search(text[begin:start] + " " + after[:_MODAL_REACH]))


def same_frame(a: Frame, b: Frame, year_a: str | None = None, year_b: str | None = None) -> bool:
    """Whether two figures of one noun can count the same thing at the same time.

    ``year_a``/``year_b``: the publication years, standing for a year left unwritten ("in the second
    quarter" written in 2010 is 2010's).  Required equal: rate units, periods, qualifiers, quoted or not, running
    total or not; a year written on one side only must be the other's publication year; two "since"
    phrases must share a word; two days named must be the same day (a day named on one side only
    is allowed: "1,500 were evacuated" and "1,200 were evacuated on Monday" are one count).
    """
    if a.rate != b.rate or a.period != b.period or a.qualifiers != b.qualifiers or a.running != b.running:
        return False
    if a.quoted != b.quoted:
        return False  # a speaker's figure and a reported one are statements of different kinds of source
    if a.years != b.years:
        ya = a.years or ({year_a} if year_a else None)
        yb = b.years or ({year_b} if year_b else None)
        if ya is not None and yb is not None and ya != yb:
            return False
    if a.since and b.since and not (a.since & b.since):
        return False
    if a.predicate is not None and b.predicate is not None and a.predicate != b.predicate:
        return False
    return not (a.days and b.days and a.days != b.days)


def other_subject(a: Frame, b_text: str) -> bool:
    """Whether the clause before ``a``'s figure names something (not its source) the sentence
    ``b_text`` never mentions: "Lowe is seeking a deal of $75 million" is not about "the deal of
    $160 million" of another sentence."""
    low = b_text.lower()
    return any(re.search(r"\b" + re.escape(n) + r"\b", low) is None for n in a.names_before)


def other_names(a: Frame, b_text: str) -> bool:
    """Whether the clause of ``a`` names something the sentence ``b_text`` never mentions."""
    low = b_text.lower()
    return any(re.search(r"\b" + re.escape(n) + r"\b", low) is None for n in a.names)


# When a state began: a truce, a curfew, a strike ... "since Sunday", "from Saturday", "took effect on
# Friday".  The nouns are general news vocabulary for states that start on a day and last; the
# classes join the words for one state ("truce" and "ceasefire").
_STATE_CLASSES = {
    "truce": "truce ceasefire cease-fire armistice".split(),
    "curfew": ["curfew"],
    "strike": "strike walkout".split(),
    "lockdown": "lockdown shutdown".split(),
    "blockade": "blockade embargo".split(),
    "state of emergency": ["emergency"],
}
_STATE = {w: cls for cls, words in _STATE_CLASSES.items() for w in words}
_WEEKDAY_RE = r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_STARTED = re.compile(
    r"\b(?:since|from|starting|effective|(?:took|take|takes|taking|went|go|goes|came|come|comes|coming)"
    r"\s+(?:into\s+)?effect(?:\s+on)?|(?:began|begun|begins|started|starts|start)(?:\s+on)?)"
    r"\s+(?:(?:last|this|on)\s+)?" + _WEEKDAY_RE + r"\b",
    re.IGNORECASE,
)
# The state's noun is at most these many words before its start phrase ("the truce applied to the
# ground since Sunday"; "a call for a ceasefire proposed to start from Saturday").
_STATE_REACH = 8


def state_starts(text: str) -> list[tuple[str, str]]:
    """(state class, weekday) for each "<state noun> ... since/from/took effect <weekday>" of a sentence."""
    out: list[tuple[str, str]] = []
    if "day" not in text.lower():
        # every _STARTED match ends on a weekday, and no character beyond ASCII matches "d", "a" or
        # "y" under re.IGNORECASE: a sentence without "day" has none (most reporting sentences)
        return out
    for m in _STARTED.finditer(text):
        before = _WORD.findall(text[: m.start()])[-_STATE_REACH:]
        states = [_STATE[w.lower()] for w in before if w.lower() in _STATE]
        if states:
            out.append((states[-1], m.group("day").capitalize()))
    return out
