"""Conflicts: the same thing stated differently by different sources.

- figures: a number and the noun it counts ("1,000 people", "$600 million", "nine months"),
  compared between sentences of different sources that count the same noun in the same context
  (they share another content word nearby: "killed", "wounded", "fighting" ...), anywhere in the
  story: two sentences that give different death tolls are rarely grouped as one claim;
- dates and days of the week: within one claim, sentences that each give exactly one date (or
  one weekday) and disagree;
- who did what: within one claim, sentences whose only named actor differs.

Values only conflict when they come from different independent sources; every claim holding a
conflicting sentence becomes ``disputed``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsfuse.crosscheck.claims import ClaimSpace
from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.frames import (
    VERB_FORMS,
    Frame,
    frame_of,
    other_names,
    other_subject,
    same_frame,
    state_starts,
)
from newsfuse.crosscheck.lexicon import SUBORDINATORS
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Claim, Conflict, ConflictValue, Source, SummarySentence
from newsfuse.options import CrossCheckOptions
from newsfuse.stories.sources import outlets_of
from newsfuse.text import STOPWORDS, tokens

# "one" is left out: far more often a pronoun or article ("one of", "one, the area") than a count.
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
_MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000}
# A name's capitalised word right before a number ("FTSE 100", "S&P 500"); compiled once (find_figures
# runs per figure).
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\s$")
# Not after a letter and a hyphen: "AK-47 assault rifles", "F-16 jets", "Covid-19 patients" name a model.
_FIGURE = re.compile(
    r"(?<![\w.,])(?<![A-Za-z]-)(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?:\s?(?P<mult>thousand|million|billion|bn|m)\b)?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")  # the \d of _FIGURE on ASCII text
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_MD = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\.?\s?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s(?P<y>\d{{4}}))?", re.IGNORECASE
)
_DATE_DM = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<m>{_MONTH_RE})\b\.?(?:,?\s(?P<y>\d{{4}}))?", re.IGNORECASE
)
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH_RE})\.?\s?$", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
# Nouns that follow a number without saying what is counted.
_NOT_COUNTED = frozenset(
    {
        "percent",
        "per",
        "cent",
        "times",
        "of",
        "and",
        "or",
        "to",
        "the",
        "a",
        "in",
        "on",
        "at",
        "year",
        "years",
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "tenth",
        "tenths",
        "ago",
        "old",
    }
)
# Units of distance, size, speed and pressure: "7 km from the town" and "10 km south of it" measure
# from different places, "winds of 35 mph" and "60 mph" at different hours, far more often than they
# disagree, and a reader cannot tell which is meant.  Durations too ("leaking for 18 days" / "for 19
# days", "the 85th day"): they grow with the day of writing, so two of them have no common reference.
_MEASURES = frozenset(
    """km kms kilometres kilometers kilometre kilometer mile miles metres meters metre meter feet foot ft yards cm mm kg
    tonnes tons mph kph knots psi pounds degrees seconds minutes hours days weeks months decades""".split()
)
# Words for a count of people in general: "1,500 people were evacuated" and "1,500 residents
# evacuated" count the same thing.  Kept to the unmarked words; "civilians", "soldiers",
# "children" count a part of the people and stay apart.
_PEOPLE = frozenset("people persons residents inhabitants individuals".split())
# Vague counts ("dozens", "hundreds", "thousands") are no figure to compare with an exact one.
_VAGUE = frozenset({"dozens", "hundreds", "thousands"})
_RANGE_BEFORE = re.compile(
    r"(?:\bbetween|\bfrom|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|million|billion|m|bn))\s?(?:to|-|–|and))\s*[$€£]?\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"\s?(?:million|billion|m|bn)?\s?(?:to|-|–|and)\s?[$€£]?\s?(?:\d|two|three|four|five|six|seven|eight|nine|ten)",
    re.IGNORECASE,
)
_NOT_A_COUNT = frozenset({"percent", "per", "pct", "times", "fold", "notches", "points", "basis"})
# How a figure is hedged: the interval of values it allows, as factors of the figure.  Two figures
# conflict only when their intervals do not meet ("at least 1,300" and "1,400" agree).
_LOWER_BOUND = re.compile(
    r"(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than)\s*$", re.IGNORECASE
)
_UPPER_BOUND = re.compile(
    r"(?:up to|fewer than|less than|under|at most|no more than|as much as|as many as|as high as)\s*$", re.IGNORECASE
)
# ... or after it: "4,000 barrels a day or more" (after the counted noun, and a rate or a word or two).
_OR_MORE = re.compile(r"(?:\s*[\w-]+){0,4}?\s*,?\s*(?:or more|or higher|or above)\b", re.IGNORECASE)
_NEARLY = re.compile(r"(?:nearly|almost|close to|just under)\s*$", re.IGNORECASE)
_ABOUT = re.compile(r"(?:about|around|some|approximately|roughly|an estimated|estimated|circa|~)\s*$", re.IGNORECASE)
_INCREMENT = re.compile(r"(?:another|a further|an additional|extra|more than another)\s*$", re.IGNORECASE)
# An approximate figure ("about 1,200") stands for values within this share of it.
_APPROX = 0.1
# Two statements of the same count with the same value this large are the same figure even when
# they share no other word ("about 1,200 residents" twice): small values repeat by chance.
_SAME_VALUE_MIN = 20
# Published more than this many days apart, two figures are not about the same reference date: a
# death toll or a count of refugees grows from day to day.
_MAX_DAYS_APART = 1
# A weekday names a day of the week of its article: two start days of a state are compared only in
# articles published less than a week apart.
_MAX_WEEK_APART = 5
# Figures about the same thing share at least this many other content words nearby (one shared
# word, such as "oil" in an oil-spill story, links unrelated counts).
_MIN_SHARED_CONTEXT = 2
# ... and with this many in common they are about the same thing whatever the rest of the sentences
# say ("residents of lower Tesko told to leave after the levee cracked" / "people evacuated from lower
# Tesko after the levee cracked": the verbs differ, the place and the cause do not).
_ENOUGH_SHARED_CONTEXT = 4
# Dates, days and actors conflict only between near paraphrases (cosine of the claim features,
# which leave numbers out): below it, two sentences of one single-link claim report two different
# events, each with its own day or actor.  At 0.5, every date, weekday and actor conflict in a
# by-hand sample of two real topics (t17 SyrianCrisis, bpoil) was of that kind: photo captions of
# different days, "as of Wednesday, the 85th day" / "as of Thursday, the 86th day", "the Arab League
# and the GCC".
_SAME_FACT = 0.7
# Words near a figure that say nothing about what it counts (so they cannot make two figures "the same").
# Multipliers are part of the figure ("$40 million", "$760 million"): sharing one says nothing either.
_GENERIC = frozenset(
    {"least", "more", "than", "about", "nearly", "almost", "around", "some", "over", "people", "total"}
    | {"thousand", "million", "billion", "bn", "m"}
)


# A counted noun phrase: words after the number separated by single spaces (punctuation ends it).
_PHRASE_WORD = re.compile(r" ([A-Za-z][A-Za-z'-]*)")
# A sentence with this many counted figures is an inventory or a statistics line ("six rifles, 12
# magazines and about 300 rounds", "793 yards and six touchdowns on 147 carries and 39 catches"):
# its figures are items of different people, games or operations more often than one fact.
_LIST_FIGURES = 3
# Plurals without -s that head a counted phrase (general English).
_PLURALS = frozenset("people men women children police staff cattle feet teeth mice geese personnel".split())
# Modifiers and a head are read from at most this many words ("100,000 family-sized tents").
_MAX_PHRASE_WORDS = 3
# Words that make a count a part of another one, or an increment: "two other airports", "10 more
# people", "his mother and 10 others", "the remaining 40 workers" (general English).
_PART_WORDS = frozenset("other others more additional extra remaining further ones".split())


# Nouns that number what follows rather than count it: "year seven pupils", "phase 6", "number nine",
# "no 22", "grade 5", "level 4", "category 3" (general English for labels and ranks).
_LABEL_BEFORE = re.compile(
    r"\b(?:year|grade|phase|level|stage|category|class|number|no\.?|page|chapter|section|article|room|flight|"
    r"route|gate|platform|terminal|ward|channel|item|round|week|day|game|step|point|size)\s+$",
    re.IGNORECASE,
)
# Area and volume units name what they measure in two words ("600 sq miles", "1,500 sq km", "9.2
# million cubic feet"): the second word is part of the counted noun.
_TWO_WORD_UNITS = {"sq": "square", "square": "square", "cubic": "cubic"}
# Text that is not reporting: headings, menus and teasers the cleaner left glued into one "sentence"
# ("... data distribution A connected approach to governance ... compliance Our next generation ...",
# "... infected with swine flu In France, ... being tested In Israel, ...").  A capitalised function
# word that opens a phrase (an article or pronoun then a lower-case word, or a preposition or
# conjunction) right after a lower-case word with no punctuation between marks a seam between blocks; a sentence has at most one by
# chance ("said The Times" is followed by a capital), two or more are glued blocks.
_SEAM = re.compile(
    r"\b[a-z]+ (?:(?:A|An|The|Our|Your|Their|This|These|Those|We|You|Its|How|What|Why|Get|Read)\s+[a-z]|"
    r"(?:In|On|At|For|But|And|As|When|After|While|With|From)\s+\w)"
)
_MAX_SEAMS = 1
# A figure written with two or more trailing zeros and no hedge ("200,000", "4,000") is rounded: it
# stands for the values within a quarter of its last written digit ("200,000 gallons" and "210,000 gallons" agree;
# "1,200" and "1,500" do not).
_ROUNDING = 0.25


# A person's name is never written after an article: "the Briton said", "the American" is a
# nationality noun (a person named another way), not the name of a second actor.
_COMMON_NOUN_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# A name after a subordinating conjunction in its clause is not who the sentence is about: "While
# Nichols escaped the death penalty, he will die in prison" and "he will die in prison after Judge
# Bodiford handed down the sentence" are both said of Nichols.
_SUBORDINATE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SUBORDINATORS)) + r")\b[^,;:]*$", re.IGNORECASE)
# A name after a preposition (other than the "by" of an agent) is where or about what, not who acted:
# "Seventeen new cases at Cambridge University have been confirmed by health officials" is said of the
# officials, not of the university.
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:at|in|of|from|near|outside|inside|to|into|with|for|on|across|against|about|over|under|around)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# A sentence of news prose is rarely longer than this many words; a longer one is captions or list
# items glued together by extraction.
_MAX_SENTENCE_WORDS = 90


# A correction reports an error, not the fact: "The original said that ... '5,000 gallons'", "An
# earlier version of this story misstated ..." (general newsroom wording).
_CORRECTION = re.compile(
    r"\b(?:an earlier version of this|the original (?:said|stated|version|story|article|report)|"
    r"incorrectly [a-z]+|misstated|wrongly (?:said|stated|reported))\b|\bcorrection:",
    re.IGNORECASE,
)
# A caption or heading glued in front of the sentence: a lower-case word, then a capitalised article
# or determiner and a name, with no punctuation between ("... looking for food and water The UN has
# launched an appeal").  Not after a preposition or a verb of speech or reading ("in The Hague",
# "said The Times", "read The Guardian"): there "The" opens a title.
_CAPTION_SEAM = re.compile(r"\b(?P<prev>[a-z]+) (?:The|A|An|This|These|Our|Its|Up to|More than|At least) [A-Z0-9]")
_TITLE_BEFORE = frozenset("said says say told tells reported reports wrote writes read reads according by".split())


# Each _CORRECTION match, lowercased, contains one of these.
_CORRECTION_LITERALS = ("earlier version", "original", "incorrectly", "misstated", "wrongly", "correction:")


def _is_correction(text: str) -> bool:
    """``_CORRECTION.search(text) is not None``, after substring tests on ASCII text: there ignoring
    case is lowercasing (beyond ASCII the pattern also takes "ſ" for "s" and "ı" for "i"), so a
    match needs one of _CORRECTION_LITERALS in the lowercased text (most sentences have none)."""
    if text.isascii():
        low = text.lower()
        if not any(m in low for m in _CORRECTION_LITERALS):
            return False
    return _CORRECTION.search(text) is not None


def _is_reporting(text: str, seams: int) -> bool:
    """:func:`is_reporting` of ``text``, given the count of its _SEAM matches."""
    return seams <= _MAX_SEAMS and len(text.split()) <= _MAX_SENTENCE_WORDS and not _is_correction(text)


def is_reporting(text: str) -> bool:
    """False for text that is no statement: blocks of headings, captions or menus glued into one
    sentence, corrections of an earlier text."""
    return _is_reporting(text, len(_SEAM.findall(text)))


def _glued_at(text: str, seam_starts: list[int]) -> int:
    """:func:`glued_at` of ``text``, given where its _SEAM matches start."""
    seams = seam_starts + [
        m.start()
        for m in _CAPTION_SEAM.finditer(text)
        if m.group("prev") not in STOPWORDS and m.group("prev") not in _TITLE_BEFORE
    ]
    if not seams:
        return 0
    return max(seams) + text[max(seams) :].index(" ") + 1


def glued_at(text: str) -> int:
    """Where the sentence proper starts after a caption or heading glued in front of it (0: none).
    Figures before it are the caption's; a sentence with one is not compared for days and actors
    (its similarity to another sentence may be the caption's)."""
    return _glued_at(text, [m.start() for m in _SEAM.finditer(text)])


def reporting_and_glued(text: str) -> tuple[bool, int]:
    """``(is_reporting(text), glued_at(text) if reporting else 0)`` with one _SEAM scan for both
    (findall and finditer see the same non-overlapping matches)."""
    seams = [m.start() for m in _SEAM.finditer(text)]
    reporting = _is_reporting(text, len(seams))
    return reporting, (_glued_at(text, seams) if reporting else 0)


@dataclass(frozen=True)
class Figure:
    sent: int  # index into the sentence list
    noun: str  # stem of the counted noun
    word: str  # the counted noun as written, lowercased ("residents"): what a reader is shown
    surface: str  # "1,000 people"
    value: float
    context: frozenset[str]  # stems around it
    low: float = 0.0  # the values the figure allows, from its hedge ("at least", "about" ...)
    high: float = 0.0
    frame: Frame | None = None  # its time frame, qualifiers and the names of its clause (frames.py)


def _value(m: re.Match[str]) -> float:
    raw = m.group("num").lower().replace(",", "")
    v = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
    if m.group("mult"):
        v *= _MULTIPLIERS[m.group("mult").lower()]
    return v


def _verb_like(word: str) -> bool:
    """A participle or past form right after a count ("1,500 people evacuated", "11 workers died"):
    the end of the counted noun phrase.  Hyphenated words are modifiers ("family-sized")."""
    if "-" in word:
        return False
    return word in VERB_FORMS or (len(word) > 4 and (word.endswith("ed") or word.endswith("ing")))


def counted_phrase(text: str, end: int) -> tuple[list[str], str] | None:
    """The noun phrase a number at ``text[:end]`` counts, as (modifiers, head), lowercased: "two
    search dogs" -> (["search"], "dogs"), "71 search and rescue specialists" -> ([], "search"),
    "10,000 US troops" -> (["us"], "troops").  None when the words after the number are no counted
    noun (a stopword, a name) or make it a part of another count ("two other airports", "10 more
    people", "his mother and 10 others").  Two figures are of one count only when both the head and the
    modifiers are the same: a modifier names a subset ("American soldiers", "search dogs")."""
    words: list[str] = []
    pos = end
    while len(words) < _MAX_PHRASE_WORDS:
        m = _PHRASE_WORD.match(text, pos)
        if m is None:
            break
        w = m.group(1)
        low = w.lower()
        if not words:
            if low in _PART_WORDS:
                return None
            if w[0].islower() and (low in STOPWORDS or low in _NOT_COUNTED):
                return None
        elif w[0].isupper() or low in STOPWORDS or low in _NOT_COUNTED or _verb_like(low):
            break
        words.append(low)
        pos = m.end()
        if _verb_like(low) and len(words) == 1:
            break  # "10 wounded", "five missing": the participle is what is counted
        if low in _PLURALS or (low.endswith("s") and not low.endswith("ss") and len(low) > 3):
            break  # a plural noun heads the phrase: "300 people went", "1,400 barrels a day"
    if not words or words[-1] in _PART_WORDS or len(words[-1]) < 2:
        return None  # no noun, or an abbreviation cut at its dot ("3 p.m.")
    head_written = text[end:pos].split()[-1]
    if head_written[0].isupper():
        return None  # a name ("26 were in Homs" is cut earlier; "300 Marines" stays a count of a name)
    return words[:-1], words[-1]


def find_figures(
    i: int, text: str, stem: CachedStemmer, reporting: bool | None = None, glued: int | None = None
) -> list[Figure]:
    """Numbers with what they count; days of dates and bare years are not figures.

    ``reporting`` and ``glued``: :func:`is_reporting` and :func:`glued_at` of ``text`` when the
    caller has them already (computed here when ``None``)."""
    out: list[Figure] = []
    if not (is_reporting(text) if reporting is None else reporting):
        return out
    if glued is None:
        glued = glued_at(text)
    if text.isascii() and _DIGIT.search(text) is None:
        # On ASCII text ignoring case is lowercasing and \d is [0-9]: a _FIGURE match without a
        # digit is one of the number words, in the lowercased text (most sentences have neither).
        lowered = text.lower()
        if not any(w in lowered for w in _NUMBER_WORDS):
            return out
    for m in _FIGURE.finditer(text):
        if m.start() < glued:
            continue  # a figure of a caption glued in front of the sentence
        if _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # the day of a date ("January 14")
        if _LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # a label, not a count: "year seven pupils", "phase 6", "photograph number nine"
        num = m.group("num")
        if len(num) == 4 and num.isdigit() and not m.group("mult") and not m.group("cur"):
            continue  # a year
        if _NAME_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) and not m.group("cur"):
            continue  # part of a name: "FTSE 100", "S&P 500"
        if _RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _RANGE_AFTER.match(text, m.end()):
            continue  # a range ("between 12,000 and 25,000", "three to five"): no one value to compare
        if num.lower() in _VAGUE or (
            num.lower() == "hundred"
            and not re.search(r"\b(?:a|one)\s+$", text[max(0, m.start() - 5) : m.start()], re.IGNORECASE)
        ):
            continue  # "dozens", "several hundred": no figure to compare
        if _INCREMENT.search(text, max(0, m.start() - 20), m.start()) or text[
            max(0, m.start() - 3) : m.start()
        ].rstrip().endswith("("):
            continue  # "another 35", "a further 111": an increment, not a total; "($795,000)": a conversion
        if text[max(0, m.start() - 1) : m.start()] == ":" or text[m.end() : m.end() + 1] == ":":
            continue  # a clock time ("3:10 p.m.", "with 14:05 left")
        if text[m.end() : m.end() + 1] == "-" or (m.end() < len(text) and text[m.end()].isalpha()):
            continue  # part of a compound ("13-year-old", "57-nation", "3D")
        after = tokens(text[m.end() : m.end() + 40])
        if after and after[0] == "of" and not m.group("cur") and not m.group("mult"):
            continue  # a part of a group ("five of the nine diagnosed"), not a count of its noun
        if not m.group("cur") and (text[m.end() : m.end() + 1] == "%" or (after and after[0] in _NOT_A_COUNT)):
            continue  # "73 percent", "two times": a share or a ratio, not a count
        if m.group("cur"):
            noun = "money:" + m.group("cur")
            word = "money (" + m.group("cur") + ")"
        else:
            phrase = counted_phrase(text, m.end())
            if phrase is None:
                continue  # no counted noun, a measure, a name, or a part of another count ("two other airports")
            mods, head = phrase
            if mods and mods[-1] in _TWO_WORD_UNITS:
                # "600 sq miles", "9.2 million cubic feet": an area or a volume is a count of its unit
                noun, word = f"{_TWO_WORD_UNITS[mods[-1]]} {stem.stem(head)}", f"{mods[-1]} {head}"
            elif head in _MEASURES or any(w in _MEASURES for w in mods):
                continue  # a measure ("18 days", "12 minutes past the hour")
            else:
                base = "people" if head in _PEOPLE else stem.stem(head)
                noun = " ".join([*(stem.stem(w) for w in mods), base])
                word = " ".join([*mods, head])
        frame = frame_of(text, m.start(), m.end(), stem.stem)
        if frame.hypothetical:
            continue  # "100,000 barrels could spill", "would have made $5.6bn": a projection, not a count
        window = tokens(text[max(0, m.start() - 60) : m.end() + 80])
        context = frozenset(
            stem.stem(w)
            for w in window
            if len(w) > 2 and w not in STOPWORDS and w not in _GENERIC and not w[0].isdigit()
        ) - {noun}
        surface = text[m.start() : m.end() + len(after[0]) + 1].strip() if after else m.group(0)
        value = _value(m)
        low, high = _bounds(text[max(0, m.start() - 25) : m.start()], value)
        if _OR_MORE.match(text, m.end() + len(after[0]) + 1 if after else m.end()):
            low, high = value, math.inf  # "4,000 barrels a day or more"
        written = m.group("num").replace(",", "")
        zeros = len(written) - len(written.rstrip("0")) if written.isdigit() else 0
        if zeros >= 2 and low == high:  # a hedged figure ("about 1,200") has its own interval
            tol = 10**zeros * _ROUNDING * (_MULTIPLIERS[m.group("mult").lower()] if m.group("mult") else 1)
            low, high = max(0.0, low - tol), high + tol
        out.append(
            Figure(
                sent=i,
                noun=noun,
                word=word,
                surface=surface,
                value=value,
                context=context,
                low=low,
                high=high,
                frame=frame,
            )
        )
    values: defaultdict[str, set[float]] = defaultdict(set)
    for f in out:
        values[f.noun].add(f.value)
    # two values of one noun in one sentence are a change or two parts ("about 1,150 square miles on
    # Thursday, 3,850 square miles by Friday", "help three million people, while two million need
    # relief"): which of them another source's figure is about cannot be told
    if len(out) >= _LIST_FIGURES:
        return []  # a list or a statistics line: which item another source's figure is about is unclear
    return [f for f in out if len(values[f.noun]) == 1]


def _bounds(before: str, value: float) -> tuple[float, float]:
    """The values a figure allows, read from the hedge written before it."""
    if _LOWER_BOUND.search(before):
        return value, math.inf
    if _UPPER_BOUND.search(before):
        return 0.0, value
    if _NEARLY.search(before):
        return value * (1 - _APPROX), value
    if _ABOUT.search(before):
        return value * (1 - _APPROX), value * (1 + _APPROX)
    return value, value


def _comparable(
    a: Figure,
    b: Figure,
    sents: Sequence[Sent],
    year_a: str | None,
    year_b: str | None,
    day_a: int | None,
    day_b: int | None,
) -> bool:
    """Whether two figures of one noun can count the same thing at the same time (frames.py): the
    same time frame and qualifiers; not two incidents (each clause names something the other
    sentence never mentions: "the Deepwater Horizon blast killed 11" / "Lockerbie killed 270"); a
    figure of another day (a running total, or the death or injury toll of one incident as reports
    come in) only when the later one is the lower (the same value of two days is still one figure, shown with all
    its statements); a figure told with its change only on the same day."""
    if day_a is not None and day_b is not None and day_a != day_b and (_is_moving(a, sents) or _is_moving(b, sents)):
        return False  # "removing 2,000 barrels a day, up from 1,000" / next day "collecting 5,000 barrels"
    if a.frame is None or b.frame is None:
        return True
    if not same_frame(a.frame, b.frame, year_a, year_b):
        return False
    if other_names(a.frame, sents[b.sent].text) and other_names(b.frame, sents[a.sent].text):
        return False
    if other_subject(a.frame, sents[b.sent].text) or other_subject(b.frame, sents[a.sent].text):
        return False  # one of them is said of something the other never mentions
    if (a.frame.increment or b.frame.increment) and day_a is not None and day_b is not None and day_a != day_b:
        return False  # "the new cases include 10 children": each day's new cases are that day's
    growing = a.frame.running or (a.frame.predicate in _TOLLS and b.frame.predicate in _TOLLS)
    if growing and (day_a is None or day_b is None) and a.value != b.value:
        # a toll or a running total grows by the hour: with a publication day unknown, "at least
        # three killed" and "at least ten killed" may be the first report and a later one, and
        # nothing shows that they count at the same time
        return False
    if growing and day_a is not None and day_b is not None and day_a != day_b and a.value != b.value:
        # reported on different days: a running total grows, and so does the toll of one incident as
        # reports come in ("three killed in Wednesday's clashes", next day "at least eight"): a later
        # one above an earlier one is an update, not a conflict; a later one below what an earlier
        # report already counted is
        early, late = (a, b) if day_a < day_b else (b, a)
        return late.high < early.low
    return True


# A figure told with the change it made ("removing 2,000 barrels a day, up from 1,000", "rose from"):
# a quantity in motion, so another day's figure of it is another reading, not a conflict.
_CHANGE = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|grew|dropped|climbed|jumped)\s+from\b", re.IGNORECASE
)


def _is_moving(f: Figure, sents: Sequence[Sent]) -> bool:
    """Whether the sentence of ``f`` tells a change of what it counts (see :data:`_CHANGE`)."""
    return _CHANGE.search(sents[f.sent].text) is not None


# Tolls that grow as reports come in (bodies found, the injured counted): predicate classes of frames.py.
_TOLLS = frozenset({"death", "injury", "missing"})


def _disagree(a: Figure, b: Figure) -> bool:
    """Two figures disagree when the values they allow do not meet; two bounds of the same kind
    ("at least 300" and "at least 450") disagree when their values differ by more than a rounding
    (``_APPROX``): each outlet gives its own toll, but "more than 100" and "at least 108" agree."""
    both_lower = math.isinf(a.high) and math.isinf(b.high)
    both_upper = a.low == 0.0 and b.low == 0.0 and a.high == a.value and b.high == b.value
    if both_lower or both_upper:
        small, large = sorted((a.value, b.value))
        return large > small * (1 + _APPROX)
    return a.high < b.low or b.high < a.low


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, days of its dates and years left out."""
    days = {m.group("d") for rx in (_DATE_MD, _DATE_DM) for m in rx.finditer(text)}
    return frozenset(
        n
        for n in _NUMBER.findall(text)
        if n not in days and not (len(n) == 4 and n.isdigit() and n[:2] in ("19", "20"))
    )


# The words said of a day: the nearest content words before it ("remained closed Monday", "signed
# the accord in Varna on Monday") and after it ("on Monday signed the accord"), within a few tokens.
_NEAR_BEFORE = 2
_NEAR_AFTER = 1
_NEAR_REACH = 5


def _near_day(text: str, rx: re.Pattern[str], stem: CachedStemmer) -> frozenset[str]:
    """Stems of the content words next to the days ``rx`` finds in ``text`` (days and months left out)."""

    def content(ws: list[str]) -> list[str]:
        return [
            w
            for w in ws
            if w not in STOPWORDS
            and len(w) > 2
            and not w[0].isdigit()
            and w not in _MONTHS
            and _WEEKDAY.fullmatch(w) is None
        ]

    out: set[str] = set()
    for m in rx.finditer(text):
        before = content(tokens(text[: m.start()])[-_NEAR_REACH:])[-_NEAR_BEFORE:]
        after = content(tokens(text[m.end() :])[:_NEAR_REACH])[:_NEAR_AFTER]
        out |= {stem.stem(w) for w in before + after}
    return frozenset(out)


def _day_number(published: str | None) -> int | None:
    """A publication date (ISO, at least a day) as a day number, None when unknown or coarser."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def find_dates(text: str) -> set[str]:
    out: set[str] = set()
    for rx in (_DATE_MD, _DATE_DM):
        for m in rx.finditer(text):
            month = _MONTHS[m.group("m").lower()]
            day = int(m.group("d"))
            if 1 <= day <= 31:
                out.add((f"{m.group('y')}-" if m.group("y") else "") + f"{month:02d}-{day:02d}")
    return out


def find_weekdays(text: str) -> set[str]:
    return {m.group(1).capitalize() for m in _WEEKDAY.finditer(text)}


class _Builder:
    def __init__(self, sents: Sequence[Sent], by_id: Mapping[str, Article]) -> None:
        self.sents = sents
        self.by_id = by_id
        self.conflicts: list[Conflict] = []
        self.members: list[set[int]] = []  # sentence indices per conflict

    def add(self, kind: str, subject: str, values: dict[str, list[int]], surface: dict[str, str] | None = None) -> None:
        """Record a conflict when two values are held by disjoint sets of independent sources."""
        sources = {v: {self.sents[i].source for i in idx} for v, idx in values.items()}
        vals = list(values)
        held: dict[str, set[str]] = defaultdict(set)
        for v, srcs in sources.items():
            for src in srcs:
                held[src].add(v)
        if any(len(vs) > 1 for vs in held.values()):
            return  # one source gives several values: they are about different things, not a conflict
        if not any(not (sources[a] & sources[b]) for k, a in enumerate(vals) for b in vals[k + 1 :]):
            return
        cv: list[ConflictValue] = []
        for v in sorted(vals):
            idx = sorted(set(values[v]))
            cv.append(
                ConflictValue(
                    value=v,
                    text=self.sents[idx[0]].text,
                    sources=[Source(self.sents[i].article, self.sents[i].paragraph, self.sents[i].outlet) for i in idx],
                    outlets=outlets_of({self.sents[i].article for i in idx}, self.by_id),
                )
            )
        self.conflicts.append(Conflict(id=f"x{len(self.conflicts) + 1}", kind=kind, subject=subject, values=cv))
        self.members.append({i for idx in values.values() for i in idx})


def _merge_same(values: dict[str, list[int]], key: Callable[[str], str]) -> dict[str, list[int]]:
    """Values that name the same thing written differently, merged under the longest spelling."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for v in values:
        by_key[key(v)].append(v)
    out: dict[str, list[int]] = {}
    for vs in by_key.values():
        shown = max(vs, key=lambda v: (len(v), v))
        out[shown] = sorted({i for v in vs for i in values[v]})
    return out


def _date_key(value: str) -> str:
    """ "06-11" and "2011-06-11" are one date: a year left out is the same year (month-day compared)."""
    return value[-5:]


def _merge_dates(values: dict[str, list[int]]) -> dict[str, list[int]]:
    """Merge a date without a year into the one date of the same month and day with a year; two
    different years stay apart (a real disagreement)."""
    years: dict[str, set[str]] = defaultdict(set)
    for v in values:
        if len(v) > 5:
            years[v[-5:]].add(v)
    return _merge_same(values, lambda v: v if len(v) > 5 or len(years[v]) != 1 else next(iter(years[v])))


def _acronym(name: str) -> str | None:
    """ "U.N", "U.S." and "UN" -> "un"; None for a name that is no acronym."""
    letters = re.sub(r"[.\s]", "", name)
    return letters.lower() if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6 else None


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper() and w.lower() not in STOPWORDS
    ).lower()


def _one_edit(a: str, b: str) -> bool:
    """Whether two strings are at most one insertion, deletion or substitution apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


# A spelling variant keeps at least this many letters: "Nicola"/"Nicolas Sturgeon", "Calderon" and
# "Calder n" (an accent lost in extraction); shorter names one letter apart are often two people.
_VARIANT_MIN_LETTERS = 8
# A surname cut short by a lost character keeps at least this many letters ("Calder" for "Calderon").
_CUT_SURNAME_MIN = 5


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name: one letter apart, or the same first names with a surname cut short."""
    la, lb = re.sub(r"[^a-z]", "", a.lower()), re.sub(r"[^a-z]", "", b.lower())
    if min(len(la), len(lb)) >= _VARIANT_MIN_LETTERS and la != lb and _one_edit(la, lb):
        return True
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) == len(wb) >= 2 and wa[:-1] == wb[:-1] and wa[-1] != wb[-1]:
        short, long = sorted((wa[-1], wb[-1]), key=len)
        return len(short) >= _CUT_SURNAME_MIN and long.startswith(short)
    return False


# Generational suffixes are no part of how a name is told apart: "Anthony LaCalamita III" is LaCalamita.
# "Sr." too (unlike entities._GENERATION): taking two names for one can only withhold a conflict.
_GENERATION = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    """The words of a name, lowercased, without a generational suffix ("Jr.", "III") at its end."""
    words = name.lower().replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in _GENERATION:
        words.pop()
    return words


def _inside(part: list[str], whole: list[str]) -> bool:
    """Whether the name words ``part`` begin or end the longer ``whole``, or (two or more of them)
    run anywhere inside it."""
    k = len(part)
    if not part or len(whole) <= k:
        return part == whole and bool(part)
    if part in (whole[:k], whole[-k:]):
        return True
    return k >= 2 and any(whole[i : i + k] == part for i in range(1, len(whole) - k))


def _merge_names(values: dict[str, list[int]]) -> dict[str, list[int]]:
    """Names of one actor written differently are one value: an acronym and the name it abbreviates
    ("U.N" and "United Nations"), a name and a longer one it begins or ends ("BP" / "BP PLC"), two
    spellings of one name ("Nicola" / "Nicolas Sturgeon", "Felipe Calder" / "Felipe Calderon")."""
    long_names = {v: _initials(v) for v in values if _acronym(v) is None}
    key: dict[str, str] = {}
    for v in values:
        acro = _acronym(v)
        spelled = [n for n in values if _variant(v, n)]
        if spelled:
            key[v] = max([v, *spelled], key=lambda n: (len(n), n))
            continue
        # a name that ends or begins a longer one is that one: "Barton" / "Joe Barton", "Coast Guard" /
        # "US Coast Guard", "BP" / "BP PLC", "LaCalamita" / "Anthony LaCalamita III"; a name of two or
        # more words anywhere inside a longer one too ("Ming Pao" / "Chinese-language Ming Pao Daily")
        part = _name_words(v)
        full = [n for n in values if n != v and _inside(part, _name_words(n))]
        if full:
            key[v] = max([v, *full], key=lambda n: (len(n), n))
            continue
        # "ICRC" and a name cut short to "International Committee" ("ic"): the initials start the acronym
        match = [
            n
            for n, ini in long_names.items()
            if acro is not None and len(ini) >= 2 and (acro.startswith(ini) or acro.endswith(ini))
        ]
        key[v] = match[0] if len(match) == 1 else (acro or v)

    def root(v: str) -> str:
        seen = {v}
        while key[v] in values and key[v] not in seen:  # "BP" -> "BP PLC" -> its own key
            v = key[v]
            seen.add(v)
        return key[v]

    return _merge_same(values, root)


def sole_actor(sent: Sent, index: EntityIndex) -> str | None:
    """The entity id of the one person or organisation a sentence is about: the only one it names,
    written in its first half, not after an article ("the Briton") nor in a subordinate clause
    ("after Judge Bodiford handed down the sentence"); None when there is no such one."""
    text = sent.text
    named = [
        (surface, eid) for surface, eid in index.in_sentence(sent) if index.type_of(eid) in ("person", "organisation")
    ]
    actors = set()
    for surface, eid in named:
        at = text.find(surface)
        if not 0 <= at < len(text) // 2:
            continue
        if index.type_of(eid) == "person" and _COMMON_NOUN_BEFORE.search(text, 0, at):
            continue
        if _PLACE_PREPOSITION_BEFORE.search(text, 0, at):
            continue
        if _SUBORDINATE_BEFORE.search(text, 0, at) is None:
            actors.add(eid)
    return next(iter(actors)) if len(actors) == 1 and {eid for _, eid in named} == actors else None


def _published(by_id: Mapping[str, Article], aid: str) -> str | None:
    art = by_id.get(aid)
    return art.date if art is not None else None


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _direct(
    values: dict[str, list[int]],
    sents: Sequence[Sent],
    space: ClaimSpace,
    threshold: float,
    published: Mapping[int, int | None] | None = None,
    numbers: Mapping[int, frozenset[str]] | None = None,
    near: Mapping[int, frozenset[str]] | None = None,
) -> dict[str, list[int]]:
    """Keep the sentences that are directly similar to a sentence of another source giving another value.

    A claim is a single-link chain; two sentences at its two ends may report different things, so
    a date or actor only conflicts with one stated in a sentence that is itself close enough.
    ``published``: sentence -> publication day number; when given, two sentences of articles
    published more than ``_MAX_DAYS_APART`` days apart do not conflict (photo captions of different
    days, each dated its own day).  ``numbers``: sentence -> the numbers it states; when given, two
    sentences that both state numbers and not the same ones do not conflict on their day: they are
    two reports of a series ("as of Tuesday, the 84th day, 90 million gallons" / "as of Wednesday,
    the 85th day, 92 million"), each of its own day.  ``near``: sentence -> the words next to its
    day; when given, two sentences whose days are said of different words do not conflict ("the
    firm remained closed Monday" / "the firm issued a statement Saturday": two facts, two days).
    """
    if len(values) < 2:
        return {}  # one value: nothing to disagree with
    items = [(v, i) for v, idx in values.items() for i in idx if sents[i].key in space.row]
    if len(items) < 2:
        return {}
    rows = [space.row[sents[i].key] for _, i in items]
    sub = (space.plain if space.plain is not None else space.x)[rows]
    sim = (sub @ sub.T).toarray()
    codes = {v: n for n, v in enumerate(values)}
    val = np.array([codes[v] for v, _ in items])
    src_codes = {src: n for n, src in enumerate({sents[i].source for _, i in items})}
    src = np.array([src_codes[sents[i].source] for _, i in items])
    ok = (val[:, None] != val[None, :]) & (src[:, None] != src[None, :]) & (sim >= threshold)
    if published is not None:
        day = np.array([np.nan if (d := published.get(i)) is None else float(d) for _, i in items])
        apart = np.abs(day[:, None] - day[None, :])
        ok &= ~(apart > _MAX_DAYS_APART)  # NaN (a date unknown) compares False: kept
    if numbers is not None:
        nums = [numbers.get(i, frozenset()) for _, i in items]
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                if ok[a, b] and nums[a] and nums[b] and nums[a] != nums[b]:
                    ok[a, b] = ok[b, a] = False
    if near is not None:
        words = [near.get(i, frozenset()) for _, i in items]
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                if ok[a, b] and not (words[a] & words[b]):
                    ok[a, b] = ok[b, a] = False
    keep: dict[str, list[int]] = defaultdict(list)
    for n in np.flatnonzero(ok.any(axis=1)):
        v, i = items[int(n)]
        keep[v].append(i)
    return {v: sorted(idx) for v, idx in keep.items()}


def _pairwise(space: ClaimSpace, group: Sequence[Sent]) -> np.ndarray:
    """Dense similarity of the given sentences (0 for those that are not claim sentences)."""
    rows = [space.row.get(s.key, -1) for s in group]
    out = np.zeros((len(group), len(group)))
    known = [n for n, r in enumerate(rows) if r >= 0]
    if known:
        sub = (space.plain if space.plain is not None else space.x)[[rows[n] for n in known]]
        out[np.ix_(known, known)] = (sub @ sub.T).toarray()
    return out


def find_conflicts(
    sents: Sequence[Sent],
    claims: Sequence[Claim],
    space: ClaimSpace,
    index: EntityIndex | None,
    by_id: Mapping[str, Article],
    options: CrossCheckOptions,
    stemmer: CachedStemmer | None = None,
    topics: Sequence[Claim] | None = None,
) -> list[Conflict]:
    """Find conflicts and mark the claims they touch ``disputed`` (in place).

    Dates, weekdays and actors are compared within each of ``topics`` (default: the claims): the
    claims' looser groups before they were split into agreed facts, since a sentence that states a
    different day or actor is never in the same agreed claim.
    """
    stem = stemmer or CachedStemmer()
    pos = {(s.article, s.paragraph, s.text): i for i, s in enumerate(sents)}
    b = _Builder(sents, by_id)

    # figures, story-wide
    day_memo: dict[int, frozenset[str]] = {}

    def days_of(i: int) -> frozenset[str]:
        """The days (dates and weekdays) sentence ``i`` names, computed once."""
        if i not in day_memo:
            day_memo[i] = frozenset(find_dates(sents[i].text) | find_weekdays(sents[i].text))
        return day_memo[i]

    # whether each sentence is reporting, and where a glued caption ends in it, once: the figures,
    # the state starts and every topic's sentences below ask (each a few regex scans of the text)
    checked = [reporting_and_glued(s.text) for s in sents]
    reporting = [r for r, _ in checked]
    glued = [g for _, g in checked]
    figures = [f for i, s in enumerate(sents) for f in find_figures(i, s.text, stem, reporting[i], glued[i])]
    by_noun: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_noun[f.noun].append(f)
    for fs in by_noun.values():
        if len(fs) < 2:
            continue  # a noun counted once: nothing to compare (most nouns; spares a matrix product each)
        # link figures that count the same noun in a shared context; each linked set is one "subject"
        parent = list(range(len(fs)))

        def find(x: int, parent: list[int] = parent) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        sim = _pairwise(space, [sents[f.sent] for f in fs])
        published = [_day_number(_published(by_id, sents[f.sent].article)) for f in fs]
        years = [(_published(by_id, sents[f.sent].article) or "")[:4] or None for f in fs]
        direct: set[tuple[int, int]] = set()  # figure pairs linked on their own (not through a chain)
        named = [days_of(f.sent) for f in fs]
        for x in range(len(fs)):
            for y in range(x + 1, len(fs)):
                px, py = published[x], published[y]
                if px is not None and py is not None and abs(px - py) > _MAX_DAYS_APART:
                    continue  # different reference dates: a toll of Monday and one of Friday
                if named[x] and named[y] and not (named[x] & named[y]):
                    continue  # "38 killed on Tuesday" and "70 killed on Monday" count different days
                if not _comparable(fs[x], fs[y], sents, years[x], years[y], px, py):
                    continue
                same_value = fs[x].value == fs[y].value >= _SAME_VALUE_MIN
                n_shared = len(fs[x].context & fs[y].context)
                if (
                    same_value
                    or n_shared >= _ENOUGH_SHARED_CONTEXT
                    or (n_shared >= _MIN_SHARED_CONTEXT and sim[x, y] >= options.claim_threshold)
                ):
                    parent[find(y)] = find(x)
                    if not same_value:
                        direct.add((x, y))
        sets: dict[int, list[Figure]] = defaultdict(list)
        for x, f in enumerate(fs):
            sets[find(x)].append(f)
        disputed: dict[int, set[float]] = defaultdict(set)  # root -> the values of its disagreeing pairs
        for x, y in direct:
            if _disagree(fs[x], fs[y]) and sents[fs[x].sent].source != sents[fs[y].sent].source:
                disputed[find(x)] |= {fs[x].value, fs[y].value}
        for root, group in sets.items():
            if root not in disputed:
                # no two sources linked on their own disagree beyond their hedges ("at least 1,300" and
                # "1,400"); a chain may join figures of different days that were never compared
                continue
            held: defaultdict[str, set[float]] = defaultdict(set)
            for f in group:
                held[sents[f.sent].source].add(f.value)
            if any(len(v) > 1 for v in held.values()):
                continue  # one source gives several values: they count different things (see _Builder.add)
            values: dict[str, list[int]] = defaultdict(list)
            group = [f for f in group if f.value in disputed[root]]  # not figures of other days met through a chain
            for f in group:
                values[_fmt(f.value)].append(f.sent)
            if len(values) >= 2:
                shared = set.intersection(*(set(f.context) for f in group)) if len(group) > 1 else set()
                # The word most of the group writes ("residents", not the stem "resid"); ties: alphabetical.
                shown = Counter(f.word for f in group).most_common()
                word = min(shown, key=lambda wc: (-wc[1], wc[0]))[0]
                label = word + (f" ({', '.join(sorted(shared)[:3])})" if shared else "")
                b.add("figure", label, dict(values))

    # when a state (a truce, a curfew ...) began, story-wide: "the truce in force since Sunday" and "a
    # ceasefire to start from Saturday" need not be one claim
    starts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, s in enumerate(sents):
        if reporting[i]:
            for state, day in state_starts(s.text):
                starts[state][day].append(i)
    for state, by_weekday in sorted(starts.items()):
        if len(by_weekday) < 2:
            continue
        days = [
            d
            for i in {i for idx in by_weekday.values() for i in idx}
            if (d := _day_number(_published(by_id, sents[i].article))) is not None
        ]
        if days and max(days) - min(days) > _MAX_WEEK_APART:
            continue  # "since Sunday" in articles of different weeks names different Sundays
        b.add("weekday", f"start of the {state}", {d: sorted(set(idx)) for d, idx in by_weekday.items()})

    # dates, weekdays and actors, per claim
    for claim in claims if topics is None else topics:
        idx = [
            pos[k]
            for cs in claim.sentences
            # sents[pos[k]].text is cs.text (the text is part of the key)
            if (k := (cs.article, cs.paragraph, cs.text)) in pos and reporting[pos[k]] and not glued[pos[k]]
        ]
        if len({sents[i].source for i in idx}) < 2:
            continue
        subject = claim.text if len(claim.text) <= 80 else claim.text[:77] + "..."
        values = defaultdict(list)
        for i in idx:
            found = find_dates(sents[i].text)
            own = _published(by_id, sents[i].article)
            if len(found) == 1 and not (own and own[5:10] == next(iter(found))[-5:]):
                # a date equal to the article's own publication date is its dateline ("Wed Mar 23,
                # 2011 7:03 pm"), not the date of what it reports
                values[next(iter(found))].append(i)
        # _direct looks at the numbers and the words near the days only when two values are left to
        # compare (it returns {} at once otherwise): they are worked out then, once per claim
        nums: dict[int, frozenset[str]] | None = None
        values = _merge_dates(values)
        if len(values) >= 2:
            pub = {i: _day_number(_published(by_id, sents[i].article)) for i in idx}
            nums = {i: _numbers(sents[i].text) for i in idx}
            near = {i: _near_day(sents[i].text, _DATE_MD, stem) | _near_day(sents[i].text, _DATE_DM, stem) for i in idx}
            values = _direct(values, sents, space, max(options.claim_threshold, _SAME_FACT), pub, nums, near)
        if len(values) >= 2:
            b.add("date", subject, values)
        # "on Monday" names a different day in articles published on different days: weekdays are
        # only compared between articles of the same publication date (or none known)
        by_day: dict[str | None, list[int]] = defaultdict(list)
        for i in idx:
            art = by_id.get(sents[i].article)
            by_day[art.date if art else None].append(i)
        for same_day in by_day.values():
            values = defaultdict(list)
            for i in same_day:
                found = find_weekdays(sents[i].text)
                if len(found) == 1:
                    values[next(iter(found))].append(i)
            if len(values) < 2:
                continue  # one weekday or none: _direct would return {} (nothing to disagree with)
            if nums is None:
                nums = {i: _numbers(sents[i].text) for i in idx}
            near = {i: _near_day(sents[i].text, _WEEKDAY, stem) for i in same_day}
            values = _direct(values, sents, space, max(options.claim_threshold, _SAME_FACT), None, nums, near)
            if len(values) >= 2:
                b.add("weekday", subject, values)
        if index is not None:
            values = defaultdict(list)
            types: set[str | None] = set()
            for i in idx:
                actor = sole_actor(sents[i], index)
                if actor is not None:
                    ent = index.get(actor)
                    if ent is not None:
                        values[ent.name].append(i)
                        types.add(ent.type)
            values = _direct(_merge_names(values), sents, space, max(options.claim_threshold, _SAME_FACT))
            if len(values) >= 2 and len(types) == 1:
                b.add("actor", subject, values)

    # mark disputed claims
    claim_of: dict[int, Claim] = {}
    for claim in claims:
        for cs in claim.sentences:
            k = (cs.article, cs.paragraph, cs.text)
            if k in pos:
                claim_of[pos[k]] = claim
    for conflict, members in zip(b.conflicts, b.members, strict=True):
        for i in members:
            c = claim_of.get(i)
            if c is not None and conflict.id not in c.conflicts:
                c.conflicts.append(conflict.id)
                c.status = "disputed"
    return b.conflicts


def _shown(value: str) -> str:
    """A conflict value as a reader writes it: "1500000" -> "1,500,000"; dates and names as they are."""
    try:
        v = float(value)
    except ValueError:
        return value
    return f"{v:,.0f}" if v == int(v) else f"{v:,g}"


def _states(text: str, kind: str, value: str, stem: CachedStemmer) -> bool:
    if kind == "figure":
        return any(_fmt(f.value) == value for f in find_figures(0, text, stem))
    if kind == "date":
        return any(d[-5:] == value[-5:] for d in find_dates(text))
    return value.lower() in text.lower()


def mark_disputed_summary(
    summary: Sequence[SummarySentence], conflicts: Sequence[Conflict], stemmer: CachedStemmer | None = None
) -> None:
    """Say so in a summary sentence whose figure, date or day is disputed (in place): a sentence from
    the paragraph of one side of a conflict that states that side's value gets "(disputed: other
    sources give X)" ("About 1,200 residents were evacuated" when others say 1,500)."""
    stem = stemmer or CachedStemmer()
    for sent in summary:
        cited = {(src.article, src.paragraph) for src in sent.sources}
        others: list[str] = []
        for c in conflicts:
            if c.kind not in ("figure", "date", "weekday"):
                continue
            for v in c.values:
                if cited & {(src.article, src.paragraph) for src in v.sources} and _states(
                    sent.text, c.kind, v.value, stem
                ):
                    others += [
                        _shown(o.value) for o in c.values if o.value != v.value and _shown(o.value) not in others
                    ]
        if others and "(disputed:" not in sent.text:
            sent.text = f"{sent.text.rstrip()} (disputed: other sources give {' / '.join(others)})"
