"""Claims: sentences of different articles that report the same fact, grouped.

Each sentence becomes a weighted bag of features:

- content words, Snowball-stemmed so "signed"/"signing"/"signature" meet, weighted down along
  the sentence (``position_decay``): a news sentence states its main event first and adds
  background after, so the opening words decide what fact it reports;
- names spelled as the story's canonical entity name, so "Hoskarov" counts as "Haskarov";
- the sentence's **event trigger**: its first event word (a verb, an event noun) that another
  source of the story also uses as an event word.  Which fact a sentence reports is decided by the
  first event in it that other outlets report too ("Volunteers served soup to families driven out
  by the flood" reports the flood: nobody else reports the soup), and sentences that open on the
  same shared event report the same fact far more often than sentences that merely share words
  (ECB+ dev claims: 51 % of the cross-article sentence pairs with the same trigger report the
  same event, against 18 % of all cross-article pairs, and these pairs hold 48 % of all the
  cross-article pairs that do).

Numbers are left out on purpose: two sentences that report the same event with different figures
are the same claim, and :mod:`conflicts` then marks it disputed.  Days (dates, weekdays) count only
when two sentences share one (a feature per day): a shared day is evidence, a different day is for
:mod:`conflicts` to raise.

Features are weighted by their inverse document frequency over the story's own sentences
(corpus-driven: what every article repeats says little about which fact a sentence reports),
compared by cosine, and grouped by single-link clustering: two sentences are in one claim when
a chain of linked pairs joins them (linear in the number of linked pairs).  How similar a pair must
be to link depends on the triggers (:func:`linked_pairs`): with the same trigger a little more in
common suffices, with different ones only near copies link, without a trigger the words decide
at ``claim_threshold``.  In a large story such chains run on through many facts (one trigger, such
as "killed", can open many different facts), so a group with more than ``claim_max_per_article``
sentences per article is split again by average link on the words.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import (
    DISCOURSE_WORDS,
    EVENT_NOUNS,
    EVENT_SYNONYMS,
    IRREGULAR_VERBS,
    LIGHT_VERBS,
    PERSON_TITLES,
    SPEECH_VERBS,
    STATIVE_VERBS,
)
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, Claim
from newsfuse.options import CrossCheckOptions
from newsfuse.stories.sources import SourceKeys, count_sources, outlets_of
from newsfuse.summary.candidates import dated_list_entry, strip_agency_dateline
from newsfuse.summary.lexicon import BARE_CONNECTIVES, DANGLING_STARTS, LOADED_LABELS
from newsfuse.text import STOPWORDS, fold, reopen_quote, tokens
from newsfuse.tfidf import smoothed_idf

CALENDAR_WORDS: frozenset[str] = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)


class Featurizer:
    """Sentence -> weighted features; holds a stem cache (one per story, never module-level)."""

    def __init__(
        self,
        index: EntityIndex | None,
        position_decay: float,
        name_weight: float = 0.5,
        stemmer: CachedStemmer | None = None,
    ) -> None:
        if not 0.0 < position_decay <= 1.0:
            raise ValueError(f"position_decay must be in (0, 1], got {position_decay}")
        self.index = index
        self.decay = position_decay
        self.name_weight = name_weight
        # A day named weighs like an opening content word: "in Berlin on January 19" twice is strong
        # evidence of one fact (ECB+ dev: 1.0 scores 0.656, 0.5 0.657, no day features 0.658 -- within
        # the spread of random halves, sd 0.022 -- while on the seeds it joins the two reports of the
        # Berlin conference on 19 January).
        self.day_weight = 1.0
        self.stem = (stemmer or CachedStemmer()).stem

    def _name_words(self, sent: Sent) -> dict[str, str]:
        """Words of the sentence's entity names -> the canonical spelling ("hifter" -> "haftar")."""
        out: dict[str, str] = {}
        if self.index is None:
            return out
        for surface, _ in self.index.in_sentence(sent):
            for w in tokens(fold(surface)):
                out[w] = self.index.canonical_word(w)
        return out

    def words(self, sent: Sent) -> list[tuple[str, str | None]]:
        """The sentence's content words in order, each with its canonical spelling when it is part of
        a name or a title (None for other words)."""
        return self.scan(sent)[0]

    def scan(self, sent: Sent) -> tuple[list[tuple[str, str | None]], list[bool]]:
        """:meth:`words`, and per word whether it may be the sentence's event trigger.

        Not the trigger: the tail of a hyphenated modifier ("Kremlin-sponsored talks", "UN-backed":
        it describes the noun after it, the event is elsewhere), and the words of a fronted
        adverbial ("After seven hours of talks, Mansuri signed the deal": the opener sets the scene,
        the main clause after its comma reports the fact).
        """
        names = self._name_words(sent)
        folded = fold(sent.text)
        matches = list(_WORD_RE.finditer(folded))
        scene_end = _scene_end(folded, matches)
        out: list[tuple[str, str | None]] = []
        mask: list[bool] = []
        for n, m in enumerate(matches):
            # "Libya's" is "Libya", "Monday's" a calendar word.  A suffix test, not a regex
            # substitution: this loop runs once per word of every sentence.
            w = m.group(0)
            if w.endswith(_POSSESSIVE_ENDS):
                w = w[:-2]
            # only a weekday or a month can open a day feature (_day_feature is None for any other word)
            day = _day_feature(w, matches, n) if w in _DAY_WORDS else None
            if day is not None:
                out.append((day, day))
                mask.append(False)
                continue
            if (
                w in STOPWORDS
                or len(w) < 2
                or w in CALENDAR_WORDS
                or w in DISCOURSE_WORDS
                or w in NUMBER_WORDS
                or w[0].isdigit()
            ):
                continue
            at = m.start()
            scene = at < scene_end
            # names, titles and the scene of a fronted adverbial say who and when, not what happened
            # (an empty canonical spelling marks a scene word that is no name)
            out.append((w, names.get(w, w) if w in names or w in PERSON_TITLES else ("" if scene else None)))
            modifier = at >= 2 and folded[at - 1] == "-" and folded[at - 2].isalnum()
            mask.append(not modifier and not scene)
        return out, mask

    def features(self, sent: Sent, words: Sequence[tuple[str, str | None]] | None = None) -> dict[str, float]:
        """Stem -> weight; ``words`` are ``self.words(sent)`` when the caller already has them."""
        out: defaultdict[str, float] = defaultdict(float)
        k = 0
        for w, name in self.words(sent) if words is None else words:
            if w[0] == "@":
                out[w] += self.day_weight
                continue
            if name is not None:
                # names, titles and scene words say who and when, not what happened: they weigh less
                # and do not push the event words that follow them further down the sentence
                out[self.stem(name or w)] += self.name_weight * self.decay**k
                continue
            out[self.stem(w)] += self.decay**k
            k += 1
        return dict(out)


_WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)  # the tokens of newsfuse.text.tokens, with positions
# The possessive ending a token may carry (the regex ['’]s$ on a token, as a C-level suffix test).
_POSSESSIVE_ENDS = ("'s", "’s")
# Numbers are left out of the features (see the module docstring), spelled out as well as in digits.
NUMBER_WORDS: frozenset[str] = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions billion billions dozen dozens""".split()
)
_MONTH_NUMBERS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for m in names.split()
}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DAY_WORDS = _WEEKDAYS | frozenset(_MONTH_NUMBERS)  # the words _day_feature can make a feature of
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")


def _day_feature(w: str, matches: Sequence[re.Match[str]], n: int) -> str | None:
    """A day the sentence names, as a feature: "@01-14" for "January 14th" / "14 January", "@monday".

    Two sentences naming the same day more likely report the same fact; days are compared, never
    weighed against each other (a different day is for :mod:`conflicts` to raise, not a reason to
    split a claim).
    """
    if w in _WEEKDAYS:
        return "@" + w
    month = _MONTH_NUMBERS.get(w)
    if month is None:
        return None
    for k in (n + 1, n - 1):
        if 0 <= k < len(matches):
            d = _DAY_NUMBER.match(matches[k].group(0))
            if d is not None and 1 <= int(d.group(1)) <= 31:
                return f"@{month:02d}-{int(d.group(1)):02d}"
    return None


# Words that open a fronted adverbial: a sentence starting so sets the scene up to its first comma
# ("After the talks, ...", "During the meeting, ...", "In the wake of this failure, ...").
_SCENE_OPENERS: frozenset[str] = frozenset(
    "after before during following amid amidst despite since until upon while when as in with".split()
)
# A scene opener longer than this many words is the sentence itself, not an opener.
_SCENE_MAX_WORDS = 12


def _scene_end(folded: str, matches: Sequence[re.Match[str]]) -> int:
    """Offset where a fronted adverbial ends (its comma), or 0 when the sentence has none."""
    if not matches or matches[0].group(0) not in _SCENE_OPENERS:
        return 0
    comma = folded.find(",")
    if comma < 0 or sum(1 for m in matches if m.start() < comma) > _SCENE_MAX_WORDS:
        return 0
    return comma


# A word ending so, of at least this many letters, is an inflected verb ("killed", "rescuing";
# shorter ones are mostly other words: "red", "bed", "king", "thing").
_ED_MIN, _ING_MIN = 5, 6
# A trigger counts when at least this many independent sources use it as an event word: the
# first *shared* event decides what a sentence reports (see the module docstring).
_TRIGGER_MIN_SOURCES = 2
# Compound event nouns end in the event word they name ("earthquake" / "quake", "airstrike" /
# "strike"); a trigger that ends in another trigger of the story of at least this many letters,
# after a prefix of at least as many letters as below, counts as that one.
_COMPOUND_MIN_TAIL, _COMPOUND_MIN_HEAD = 4, 3


class EventWords:
    """Which words of a story are event words, and the stem that stands for each event.

    Event words: the story's verbs (stems the story also writes as "-ed"/"-ing" outside names, and
    irregular verb forms), event nouns and the few synonym classes of the lexicon.  Speech verbs are
    left out ("said" opens half of all news sentences and tells nothing about the fact), and so are
    light verbs ("took the initiative": the event is the noun).
    """

    def __init__(self, words: Sequence[Sequence[tuple[str, str | None]]], stem: Callable[[str], str]) -> None:
        self.stem = stem
        self.verbal: set[str] = set()
        for ws in words:
            for w, name in ws:
                if not name and (
                    (len(w) >= _ED_MIN and w.endswith("ed")) or (len(w) >= _ING_MIN and w.endswith("ing"))
                ):
                    self.verbal.add(stem(w))
                elif w in IRREGULAR_VERBS:
                    # "left" makes "leave" a verb of the story, so "Haskarov Leaves Rennick" counts too
                    self.verbal.add(stem(IRREGULAR_VERBS[w]))
        self.nouns = {stem(w) for w in EVENT_NOUNS}
        # any member names its class
        self.synonym = {stem(w): stem(min(cls)) for cls in EVENT_SYNONYMS for w in cls}
        self.never = {stem(IRREGULAR_VERBS.get(w, w)) for w in SPEECH_VERBS | LIGHT_VERBS | STATIVE_VERBS}
        self._memo: dict[str, str | None] = {}

    def of(self, word: str) -> str | None:
        """The event stem of a (folded) word, or None when it is not an event word."""
        if word in self._memo:
            return self._memo[word]
        out = self._memo[word] = self._of(word)
        return out

    def _of(self, word: str) -> str | None:
        if word.endswith("ly") and not word.endswith("ply") and word not in EVENT_NOUNS:
            return None  # an adverb: Snowball stems "severely" as "severed" ("sever"); "reply", "rally" stay
        base = IRREGULAR_VERBS.get(word)
        t = self.stem(base if base is not None else word)
        if base is None and t not in self.verbal and t not in self.nouns and t not in self.synonym:
            return None
        t = self.synonym.get(t, t)
        return None if t in self.never else t


def story_triggers(
    words: Sequence[Sequence[tuple[str, str | None]]],
    sources: Sequence[str],
    events: EventWords,
    eligible: Sequence[Sequence[bool]] | None = None,
) -> list[tuple[str, str] | None]:
    """Per sentence, its event trigger and the word that gave it ("dead", "killed"), or None.

    The trigger is the event stem of the sentence's first event word that at least
    ``_TRIGGER_MIN_SOURCES`` sources use.  Words of names count too when they are event words,
    since Title Case headlines ("Veteran Ferryman Dies At Sea") make every word look like a name.
    """
    per_sent: list[list[tuple[str, str]]] = []
    for n, ws in enumerate(words):
        ok = eligible[n] if eligible is not None else [True] * len(ws)
        per_sent.append(
            [(t, w) for t, w in ((events.of(w), w) for (w, _), e in zip(ws, ok, strict=True) if e) if t is not None]
        )
    vocab = {t for ev in per_sent for t, _ in ev}
    head: dict[str, str] = {}
    for t in vocab:
        for cut in range(_COMPOUND_MIN_HEAD, len(t) - _COMPOUND_MIN_TAIL + 1):
            if t[cut:] in vocab:
                head[t] = t[cut:]
                break
    used: defaultdict[str, set[str]] = defaultdict(set)
    for ev, src in zip(per_sent, sources, strict=True):
        for t, _ in ev:
            used[head.get(t, t)].add(src)
    out: list[tuple[str, str] | None] = []
    for ev in per_sent:
        out.append(
            next(
                ((h, w) for h, w in ((head.get(t, t), w) for t, w in ev) if len(used[h]) >= _TRIGGER_MIN_SOURCES), None
            )
        )
    return out


def tfidf_rows(feats: Sequence[Mapping[str, float]]) -> tuple[csr_matrix, dict[str, int]]:
    """L2-normalised TF-IDF rows (smoothed IDF over the given sentences) and their vocabulary
    (feature -> column)."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.keys())
    n = len(feats)
    vocab = {w: i for i, w in enumerate(df)}
    idf = {w: smoothed_idf(n, c) for w, c in df.items()}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, f in enumerate(feats):
        norm = math.sqrt(sum((v * idf[w]) ** 2 for w, v in f.items())) or 1.0
        for w, v in f.items():
            rows.append(r)
            cols.append(vocab[w])
            vals.append(v * idf[w] / norm)
    return csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64), vocab


@dataclass(frozen=True)
class FactBag:
    """What a sentence states, as sets to compare with another sentence's (:func:`supports`)."""

    words: frozenset[str]  # content stems, neither names nor speech verbs
    names: frozenset[str]  # stems of the canonical spellings of the names it mentions
    figures: frozenset[str]  # numbers it states, normalised ("1,100" and "1100" -> "1100", "six" -> "6")
    days: frozenset[str]  # days it names ("@01-14", "@monday")
    years: frozenset[str]
    negated: bool = False  # it says "not", "no", "never", "without" ...
    # stems of words that open a hyphenated compound ("anti" of "anti-government"): with the word
    # after the hyphen they are one word, not two shared ones
    prefixes: frozenset[str] = frozenset()
    # stems of the words a figure counts ("missing", "rig", "workers" of "the 11 missing rig workers"):
    # the group the figure names, not what the sentence says of it
    counted: frozenset[str] = frozenset()


# The units a figure counting time is kept with (see _DURATION_AFTER), as a pattern.
_TIME_UNIT_WORDS = "year|month|week|day|hour|minute|decade|centur"
_TIME_UNITS = rf"({_TIME_UNIT_WORDS})(?:s|ies|y)?\b"
# After a hyphen a number is part of a compound ("F-16", "Covid-19", "24-7"), and before one ("57-nation"),
# except in a range of two numbers ("60-70%": two figures) and before a unit of time ("a 48-hour test"
# is "48 hours", not "13-year-old": an age, _AGE_RE).
_HYPHEN_OK_AFTER = rf"(?!-(?!\d|(?:{_TIME_UNIT_WORDS})(?:s|ies|y)?\b(?!-)))"
# Numbers as written in digits (a figure: "1,100", "2.5"); "3 million", "3m" and "3bn" are read as
# 3000000 and 3000000000 (British and wire style writes "$20bn", "89m gallons"; a figure in metres
# written "10m" is read as a million too, and then merely matches no other sentence's figure).
_FIGURE_RE = re.compile(
    r"(?<![\w.,:/])(?<!\D-)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(million|billion|bn|m)\b)?(?![\w:/])"
    + _HYPHEN_OK_AFTER
)
# Day numbers of dates are days, not figures: "January 14", "14th January", and both days of a span
# ("between 20 and 27 July", "July 20-27"); an ISO date ("2009-04-29") is no figure either.
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_RE = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d|(?:{_MONTHS})[a-z]*\.?\s+{_DAY}(?:\s?[-–]\s?{_DAY})?"
    rf"|{_DAY}(?:\s?(?:[-–]|and|or|to)\s?{_DAY})?\s+(?:{_MONTHS})[a-z]*)\b"
)
_SPELLED: dict[str, int] = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)}
_SPELLED_RE = re.compile(
    r"\b(a(?=\s+(?:million|billion)\b)|"  # "a" only as "a million"
    + "|".join(_SPELLED)
    + r")(?:-(one|two|three|four|five|six|seven|eight|nine)\b)?(?:\s+(million|billion)\b)?"
    + r"(?!\w)"
    + _HYPHEN_OK_AFTER
)
_AGE_RE = re.compile(r"(?<![\w.,])(\d{1,3})-year-old\b")
# A figure that counts time ("nearly 30 years ago", "three days of talks") is a duration, not a count:
# kept with its unit ("30 year"), so "30 years ago" never backs "30 people were killed".  It stays
# telling (:data:`_TELLING_FIGURE`): "the first pandemic in 40 years" identifies a fact (tried: durations
# never telling lost that agreed claim on H1N1, though it dropped "41 years of family rule" members).
_DURATION_AFTER = re.compile(r"(?:\s+(?:more\s+|or\s+so\s+|long\s+|full\s+)?|-)" + _TIME_UNITS)
# A four-digit number in this range, written without a comma, is a year ("in 2009"), not a count.
_YEARS = range(1800, 2101)
_DIGIT = re.compile(r"\d")  # the same digits as the \d of the patterns above (Unicode Nd)


def _figures(folded: str) -> tuple[frozenset[str], frozenset[str]]:
    """The figures and the years a (folded) sentence states."""
    figures: set[str] = set()
    years: set[str] = set()
    if _DIGIT.search(folded) is None:
        # _DATE_RE, _FIGURE_RE and _AGE_RE all need a digit: one scan for it spares the three on
        # the many sentences without one; only spelled-out numbers are left to find
        return _spelled(folded, figures), frozenset(years)
    text = _DATE_RE.sub(" ", folded)
    for m in _FIGURE_RE.finditer(text):
        whole = m.group(1).replace(",", "")
        if m.group(3) is None and m.group(2) is None and "," not in m.group(1) and int(whole) in _YEARS:
            years.add(whole)
            continue
        value = float(whole + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            value *= 1e6 if m.group(3) in ("million", "m") else 1e9
        figures.add(_with_unit(f"{value:g}" if value < 1e15 else whole, text, m.end()))
    # An age is a figure too: "a 3-year-old" and "a 51-year-old woman" are two people, not one fact.
    figures.update(str(int(m.group(1))) for m in _AGE_RE.finditer(text))
    return _spelled(text, figures), frozenset(years)


def _spelled(text: str, figures: set[str]) -> frozenset[str]:
    """``figures`` with the numbers ``text`` spells out added."""
    for m in _SPELLED_RE.finditer(text):
        tens, unit, times = m.groups()
        if times is not None:  # "three million", "a million": as "3 million" is read
            value = (_SPELLED.get(tens, 1) + (_SPELLED[unit] if unit else 0)) * (1e6 if times == "million" else 1e9)
            figures.add(_with_unit(f"{value:g}", text, m.end()))
        elif unit is not None:  # "twenty-five" is 25, not 20 and 5
            figures.add(_with_unit(str(_SPELLED[tens] + _SPELLED[unit]), text, m.end()))
        elif tens not in ("a", "zero", "one"):  # "one of", "no one": not figures
            figures.add(_with_unit(str(_SPELLED[tens]), text, m.end()))
    return frozenset(figures)


def _with_unit(figure: str, text: str, end: int) -> str:
    """``figure``, with its unit of time when it counts time (see :data:`_DURATION_AFTER`)."""
    m = _DURATION_AFTER.match(text, end)
    return f"{figure} {m.group(1)}" if m else figure


def _counts(figures: frozenset[str]) -> frozenset[str]:
    """The figures that are no durations (a duration is kept with its unit: "30 year")."""
    return frozenset(f for f in figures if " " not in f)


def _durations(figures: frozenset[str]) -> frozenset[str]:
    """The figures that are durations (kept with their unit: "30 year")."""
    return figures - _counts(figures)


def _count_as_duration(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether a number one sentence counts with is one the other counts time with ("nearly 30 more
    people were killed" / "a crackdown nearly 30 years ago"): the same number, two figures."""
    da = {f.split(" ", 1)[0] for f in _durations(a)}
    db = {f.split(" ", 1)[0] for f in _durations(b)}
    return not (da.isdisjoint(_counts(b)) and db.isdisjoint(_counts(a)))


def _telling(figure: str) -> bool:
    """A figure large enough to identify a fact (:data:`_TELLING_FIGURE`), a duration's by its number."""
    return float(figure.split(" ", 1)[0]) >= _TELLING_FIGURE


# Words that deny what a sentence states: a sentence with one and a sentence without never agree
# ("tar balls found off Key West are not linked to the spill" / "tar balls found in the Keys raise fears
# the spill has reached Florida"); general English, not fitted to any data.
_NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
_NOT_ENDS = ("n't", "n’t")
# Predicates of opposite change: a sentence saying one and a sentence saying the other (and not the
# first) never agree ("work on the relief well had been stopped" / "work on the relief wells has
# restarted": the star joined them on their topic words).  General English, pairs of the kind a
# news report turns on; stemmed once with the stemmer every fact bag uses.
_OPPOSITE_WORDS = (
    "stop resume, stop restart, halt resume, suspend resume, suspend restart, close reopen, shut reopen, "
    "rise fall, rose fell, risen fallen, increase decrease, raise lower, higher lower, gain lose, gained lost, "
    "win lose, won lost, accept reject, approve reject, allow ban, lift impose, support oppose, convict acquit, "
    "confirm deny, succeed fail, expand shrink, strengthen weaken, improve worsen, hire fire, soar plunge, "
    "surge plunge, jump drop"
)


def _opposites() -> dict[str, frozenset[str]]:
    """Each stem of :data:`_OPPOSITE_WORDS` with the stems of its opposites."""
    stem = CachedStemmer().stem
    out: defaultdict[str, set[str]] = defaultdict(set)
    for pair in _OPPOSITE_WORDS.split(", "):
        x, y = (stem(w) for w in pair.split())
        out[x].add(y)
        out[y].add(x)
    return {k: frozenset(v) for k, v in out.items()}


_OPPOSITES = _opposites()


def _opposed(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one word set says a change and the other its opposite (:data:`_OPPOSITE_WORDS`)."""
    return any(y in b and x not in b and y not in a for x in a & _OPPOSITES.keys() for y in _OPPOSITES[x])


def fact_bag(sent: Sent, words: Sequence[tuple[str, str | None]], stem: Callable[[str], str]) -> FactBag:
    """The :class:`FactBag` of a sentence from its :meth:`Featurizer.scan` words."""
    plain: set[str] = set()
    names: set[str] = set()
    days: set[str] = set()
    for w, name in words:
        if w[0] == "@":
            days.add(w)
        elif name:
            if w not in PERSON_TITLES:
                names.add(stem(name))
        elif w not in SPEECH_VERBS:
            plain.add(stem(w))
    folded = fold(sent.text)
    figures, years = _figures(folded)
    ws = _WORD_RE.findall(folded)
    # a negation word, or a word ending in "n't" (which only a text holding "n't" can have)
    negated = not _NEGATIONS.isdisjoint(ws) or (
        ("n't" in folded or "n’t" in folded) and any(w.endswith(_NOT_ENDS) for w in ws)
    )
    prefixes = frozenset(stem(m.group(1)) for m in _COMPOUND_HEAD.finditer(folded)) if "-" in folded else frozenset()
    counted = _counted(folded, stem) if figures else frozenset()
    return FactBag(frozenset(plain), frozenset(names), figures, frozenset(days), years, negated, prefixes, counted)


# A figure and the noun phrase it counts: up to three words after it, up to a function word or a
# plural (the phrase's head: "11 missing rig workers | came", "11 workers | died").
_COUNTED = re.compile(r"(?<![\w.,])(?:\d[\d,.]*|" + "|".join(_SPELLED) + r")((?:\s+[a-z][a-z'’-]*){1,3})")
_COUNTED_WORDS = 3


def _counted(folded: str, stem: Callable[[str], str]) -> frozenset[str]:
    """Stems of the words the figures of a (folded) sentence count (see :data:`_COUNTED`)."""
    out: set[str] = set()
    for m in _COUNTED.finditer(folded):
        for w in m.group(1).split()[:_COUNTED_WORDS]:
            if w in STOPWORDS:
                break
            out.add(stem(w))
            if w.endswith("s"):
                break
    return frozenset(out)


_COMPOUND_HEAD = re.compile(r"\b([a-z]+)-(?=[a-z])")


def _weekdays(days: frozenset[str]) -> frozenset[str]:
    """The weekdays among day features ("@monday"; dates are "@01-14"): a weekday and a date are
    not compared, since "on Tuesday" and "on January 14" may name the same day."""
    return frozenset(d for d in days if not d[1].isdigit())


# Shared content words (besides names) two sentences need before one can back the other: one word
# in common is the story's topic ("killed", "protests"), not a fact.
_AGREE_MIN_WORDS = 2
# ... and when they share no name, figure or day, this many (2026-12-07): two topic words alone ("The
# regime should meet the demands of its people" / "the release of prisoners is among the demands of
# the Arab League, which is due to meet again") say nothing of which fact.  3 drops exactly two wrong
# agreed claims on SyrianCrisis and none on H1N1 (six on bpoil, read mostly wrong); 4 also dropped
# four right paraphrases on H1N1 ("too early to fully assess"), so it was not kept.
_AGREE_MIN_WORDS_UNNAMED = 3


# Share of the longer sentence's weight the two must have in common (see :func:`supports`): by-hand
# reading of the pairs behind agreed claims on dev topics of t17 (H1N1, bpoil), where the wrong pairs
# were at 0.07-0.27 and the right ones without a shared figure mostly at 0.29 and above.
_AGREE_MIN_LONG_COVERAGE = 0.25
# The same with a figure in common, which is strong evidence of one fact ("shares closed up 7.2%":
# right pairs at 0.17 and 0.18), yet not when the longer sentence is a page of its own that happens
# to repeat the figure (a 150-word conspiracy paragraph repeating "11 workers" at 0.08).
_AGREE_MIN_LONG_COVERAGE_FIGURE = 0.1
# Only a figure of at least this value is such evidence: "two" and "three" are in every other
# sentence ("spreads to people in two ways" / "two people were admitted to hospital").
_TELLING_FIGURE = 10.0
# Share of the longer sentence two sentences stating different figures or days must have in common
# to be one (disputed) fact: half of it, twice what agreement asks (``_AGREE_MIN_LONG_COVERAGE``),
# so that little but the figure and the attribution ("aid groups said" / "the mayor said") differs.
_DISPUTED_MIN_COVERAGE = 0.5


def supports(a: FactBag, b: FactBag, idf: Mapping[str, float], coverage: float) -> bool:
    """Whether two sentences state the same fact, strictly enough to call two sources *agreed*.

    - where a figure, day or year differs (both state one and they share none), the rest must be
      a near paraphrase (``_DISPUTED_MIN_COVERAGE`` of the longer sentence in common): "300 killed
      around Port Amsel since March, aid groups said" and "450 killed around Port Amsel since
      March, the Red Crescent said" are one fact with a disputed figure (for conflicts to raise),
      "6 killed on Saturday" and "70 killed in fighting in the south" are different facts;
    - both deny something or neither does (``_NEGATIONS``): "X was not linked to Y" never backs
      "X raised fears of Y";
    - they share at least ``_AGREE_MIN_WORDS`` content words besides names;
    - at least half the names of the shorter sentence (by IDF weight) are named in the other ("The
      government of Brennia banned Varno grain" is not "The government of Ostmark banned Varno grain");
    - the shorter is at least ``coverage`` covered by the other (IDF-weighted share of its words,
      names and figures that the other also states).
    """
    differ = any(
        x and y and x.isdisjoint(y)
        for x, y in (
            # a count and a duration count different things: "repay the salaries of workers laid off by
            # the six-month moratorium" is not a different figure from "15 committees are investigating"
            (_counts(a.figures), _counts(b.figures)),
            (_durations(a.figures), _durations(b.figures)),
            (_weekdays(a.days), _weekdays(b.days)),
            (a.days - _weekdays(a.days), b.days - _weekdays(b.days)),
            (a.years, b.years),
        )
    ) or _count_as_duration(a.figures, b.figures)
    if a.negated != b.negated or _opposed(a.words, b.words):
        return False
    shared_words = a.words & b.words
    if len(shared_words) < _AGREE_MIN_WORDS:
        return False
    if (
        # "anti-government demonstrations" / "anti-government demonstrators": two words in common
        len(shared_words - (a.prefixes & b.prefixes)) < _AGREE_MIN_WORDS_UNNAMED
        and a.names.isdisjoint(b.names)
        and a.figures.isdisjoint(b.figures)
        and a.days.isdisjoint(b.days)
    ):
        return False  # no name, figure or day in common: a few shared words are the story's topic

    def weight(items: frozenset[str]) -> float:
        return sum(idf.get(t, 1.0) for t in sorted(items))  # sorted: a sum in hash order varies with PYTHONHASHSEED

    wa = weight(a.words) + weight(a.names) + weight(a.figures) + weight(a.days)
    wb = weight(b.words) + weight(b.names) + weight(b.figures) + weight(b.days)
    short, other = (a, b) if wa <= wb else (b, a)
    if weight(short.names - other.names) > weight(short.names & other.names):
        return False
    shared = weight(shared_words) + weight(a.names & b.names) + weight(a.figures & b.figures) + weight(a.days & b.days)
    if shared < coverage * min(wa, wb) or shared <= 0:
        return False
    if differ:
        return shared >= _DISPUTED_MIN_COVERAGE * max(wa, wb)
    # the longer sentence must be about the shorter's fact too, not merely mention its subject ("There
    # is no vaccine for the new strain" is not backed by "The new strain seems more lethal to those
    # aged 25 to 45 ..."), unless they state the same figure ("shares closed up 7.2%")
    if any(_telling(f) for f in a.figures & b.figures):
        return shared >= _AGREE_MIN_LONG_COVERAGE_FIGURE * max(wa, wb)
    return shared >= _AGREE_MIN_LONG_COVERAGE * max(wa, wb)


@dataclass
class ClaimSpace:
    """The sentences that can be claims, with their TF-IDF rows and event triggers (computed once per story)."""

    sents: list[Sent]
    x: csr_matrix
    row: dict[tuple[str, int], int] = field(default_factory=dict)  # Sent.key -> row
    triggers: list[str | None] = field(default_factory=list)  # per row (empty: none known)
    # ``x`` without each row's trigger word: what two sentences share besides their event
    rest: csr_matrix | None = None
    # ``x`` without the day features, rows normalised again: how alike two sentences are besides
    # the days they name (conflicts compare sentences that name different days)
    plain: csr_matrix | None = None
    # per row, what the sentence states, for :func:`supports` (empty: agreement is never checked)
    facts: list[FactBag] = field(default_factory=list)
    fact_idf: dict[str, float] = field(default_factory=dict)

    def sim(self, a: Sent, b: Sent) -> float:
        i, j = self.row.get(a.key), self.row.get(b.key)
        if i is None or j is None:
            return 0.0
        return float(self.x[i].multiply(self.x[j]).sum())


def claim_space(
    sents: Sequence[Sent], index: EntityIndex | None, options: CrossCheckOptions, stemmer: CachedStemmer | None = None
) -> ClaimSpace:
    """Featurise the sentences with at least ``claim_min_words`` non-stopwords and at most
    ``claim_max_words`` words.

    Shorter ones (datelines, captions, "Read more") assert nothing checkable and are left out, and
    so are longer ones (lists and fact boxes run together).
    """
    if not 0.0 < options.claim_threshold <= 1.0:
        raise ValueError(f"claim_threshold must be in (0, 1], got {options.claim_threshold}")
    if not 0.0 < options.claim_split_threshold <= 1.0:
        raise ValueError(f"claim_split_threshold must be in (0, 1], got {options.claim_split_threshold}")
    if options.claim_max_per_article <= 0:
        raise ValueError(f"claim_max_per_article must be > 0, got {options.claim_max_per_article}")
    if options.claim_min_words < 0:
        raise ValueError(f"claim_min_words must be >= 0, got {options.claim_min_words}")
    if options.claim_max_words <= options.claim_min_words:
        raise ValueError(
            f"claim_max_words must be > claim_min_words ({options.claim_min_words}), got {options.claim_max_words}"
        )
    for name in ("claim_trigger_threshold", "claim_distinct_threshold", "claim_agree_coverage"):
        if not 0.0 < getattr(options, name) <= 1.0:
            raise ValueError(f"{name} must be in (0, 1], got {getattr(options, name)}")
    keep = [
        s
        for s in sents
        if sum(1 for w in tokens(s.text) if w not in STOPWORDS) >= options.claim_min_words
        and len(s.text.split()) <= options.claim_max_words
    ]
    fz = Featurizer(index, options.position_decay, stemmer=stemmer)
    scans = [fz.scan(s) for s in keep]
    words = [ws for ws, _ in scans]
    if not keep:
        return ClaimSpace(sents=[], x=csr_matrix((0, 0)))
    x, vocab = tfidf_rows([fz.features(s, ws) for s, ws in zip(keep, words, strict=True)])
    found = story_triggers(words, [s.source for s in keep], EventWords(words, fz.stem), [m for _, m in scans])
    own = [(r, vocab.get(fz.stem(f[1]))) for r, f in enumerate(found) if f is not None]
    own_rows = [r for r, c in own if c is not None]
    own_cols = [c for _, c in own if c is not None]
    rest = x
    if own_rows:
        own_vals = np.asarray(x[own_rows, own_cols], dtype=np.float64).ravel()
        rest = (x - csr_matrix((own_vals, (own_rows, own_cols)), shape=x.shape)).tocsr()
        rest.eliminate_zeros()
    triggers = [None if f is None else f[0] for f in found]
    plain = x
    day_cols = [c for w, c in vocab.items() if w.startswith("@")]
    if day_cols:
        keep_cols = np.ones(x.shape[1], dtype=bool)
        keep_cols[day_cols] = False
        plain = x[:, np.flatnonzero(keep_cols)]
        norms = np.sqrt(np.asarray(plain.multiply(plain).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        plain = csr_matrix(plain.multiply(1.0 / norms[:, None]))
    facts = [fact_bag(s, ws, fz.stem) for s, ws in zip(keep, words, strict=True)]
    df: Counter[str] = Counter()
    for f in facts:
        df.update(f.words | f.names | f.figures | f.days)
    fact_idf = {t: smoothed_idf(len(facts), c) for t, c in df.items()}
    return ClaimSpace(
        sents=keep,
        x=x,
        row={s.key: i for i, s in enumerate(keep)},
        triggers=triggers,
        rest=rest,
        plain=plain,
        facts=facts,
        fact_idf=fact_idf,
    )


def linked_pairs(space: ClaimSpace, options: CrossCheckOptions) -> csr_matrix:
    """The sentence pairs that report the same fact: word cosine at least a threshold that depends on
    the two event triggers.

    - same trigger: ``claim_trigger_threshold`` on the words besides the trigger word (low: they
      need to share something more than the event word, a name, a place, an object);
    - different triggers: ``claim_distinct_threshold`` (high: sentences that open on different
      shared events report different facts unless they are near copies);
    - a sentence without a trigger: ``claim_threshold``, words alone decide.
    """
    codes: dict[str, int] = {}
    trig = np.array([-1 if t is None else codes.setdefault(t, len(codes)) for t in space.triggers], dtype=np.int64)
    if len(trig) != len(space.sents):  # no triggers known: words alone
        trig = np.full(len(space.sents), -1, dtype=np.int64)
    n = len(space.sents)
    sim = (space.x @ space.x.T).tocoo()
    keep = (sim.data >= min(options.claim_threshold, options.claim_distinct_threshold)) & (sim.row != sim.col)
    si, sj, sv = sim.row[keep], sim.col[keep], sim.data[keep]
    ti, tj = trig[si], trig[sj]
    known = (ti >= 0) & (tj >= 0)
    ok = ~(known & (ti == tj)) & (sv >= np.where(known, options.claim_distinct_threshold, options.claim_threshold))
    rows, cols = [si[ok]], [sj[ok]]
    if space.rest is not None and bool((trig >= 0).any()):
        rest = (space.rest @ space.rest.T).tocoo()  # what two sentences share besides their trigger word
        keep = (rest.data >= options.claim_trigger_threshold) & (rest.row != rest.col)
        ri, rj = rest.row[keep], rest.col[keep]
        ok = (trig[ri] >= 0) & (trig[ri] == trig[rj])
        rows.append(ri[ok])
        cols.append(rj[ok])
    r_all, c_all = np.concatenate(rows), np.concatenate(cols)
    return csr_matrix((np.ones(len(r_all)), (r_all, c_all)), shape=(n, n))


def group_sentences(space: ClaimSpace, options: CrossCheckOptions) -> list[list[int]]:
    """Rows of ``space`` grouped into claims (every row in exactly one group).

    Single link over :func:`linked_pairs` first.  A group holding more than
    ``claim_max_per_article`` sentences per article on average is a chain of different facts (an
    article states a fact once or twice, and a common trigger such as "killed" can open several
    facts), so it is split again by average link on the words at ``claim_split_threshold``, which
    cannot chain.
    """
    if not space.sents:
        return []
    _, labels = connected_components(linked_pairs(space, options), directed=False)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    out: list[list[int]] = []
    for members in groups.values():
        n_articles = len({space.sents[i].article for i in members})
        if len(members) <= 2 or len(members) <= options.claim_max_per_article * n_articles:
            out.append(members)
            continue
        sub = space.x[members]
        dist = np.clip(1.0 - (sub @ sub.T).toarray(), 0.0, None)
        np.fill_diagonal(dist, 0.0)
        tree = linkage(squareform(dist, checks=False), method="average")
        split = fcluster(tree, t=1.0 - options.claim_split_threshold, criterion="distance")
        parts: dict[int, list[int]] = {}
        for i, part in zip(members, split, strict=True):
            parts.setdefault(int(part), []).append(i)
        out.extend(parts.values())
    return out


# A claim is shown by one of its sentences, so that one must read on its own: not open on a
# pronoun or connective ("He", "But they ..."), not leave its speaker a pronoun ('..." he said.'),
# not ask, not carry a loaded label.  Each fault counts one; the fewest faults win before closeness
# to the centroid does.
_PRONOUN_SPEAKER = re.compile(
    r"[,\"”’]\s*(?:he|she|they|it)\s+(?:said|says|added|told|stressed|noted)\b", re.IGNORECASE
)


def _faults(text: str) -> int:
    toks = tokens(fold(text))
    quoted = text.lstrip()[:1] in "\"“‘'"  # "It appears that …," the letter said: the quote's own "it"
    return (
        int(bool(toks) and ((toks[0] in DANGLING_STARTS and not quoted) or toks[0] in BARE_CONNECTIVES))
        + int(_PRONOUN_SPEAKER.search(text) is not None)
        + int(text.rstrip("\"'”’) ").endswith("?"))
        + int(not LOADED_LABELS.isdisjoint(toks))
        + int(dated_list_entry(text))  # "20 April: A surge …": a fact box's line
    )


def _representatives(groups: Sequence[list[int]], sents: Sequence[Sent], x: csr_matrix) -> list[int]:
    """Per group, the member with the fewest reading faults (see :func:`_faults`), then the closest
    to the group's centroid (ties, and groups of two: the earliest).

    All groups at once: one sparse product gives every centroid and one row-wise product every
    member's score (indexing the matrix once per group cost more than the arithmetic).
    """
    faults = {i: _faults(sents[i].text) for members in groups if len(members) > 1 for i in members}
    out = [min(members, key=lambda i: (faults.get(i, 0), sents[i].index, i)) for members in groups]
    big = [g for g, members in enumerate(groups) if len(members) > 2]
    if not big:
        return out
    member_rows = [i for g in big for i in groups[g]]
    member_group = [k for k, g in enumerate(big) for _ in groups[g]]
    ones = np.ones(len(member_rows))
    indicator = csr_matrix((ones, (member_group, member_rows)), shape=(len(big), x.shape[0]))
    centroids = (indicator @ x).tocsr()
    score = np.asarray(x[member_rows].multiply(centroids[member_group]).sum(axis=1)).ravel()
    at = 0
    for g in big:
        n = len(groups[g])
        # scores are cosines in [0, 1], so subtracting whole faults ranks by faults first
        ranked = score[at : at + n] - np.array([faults[i] for i in groups[g]], dtype=np.float64)
        out[g] = groups[g][int(np.argmax(ranked))]
        at += n
    return out


def _supported_pairs(space: ClaimSpace, options: CrossCheckOptions) -> list[tuple[int, int]]:
    """Row pairs ``(i, j)``, ``i < j``, where :func:`supports` holds.

    Two sparse products find the pairs that can hold (two content words in common, and the shorter
    sentence ``claim_agree_coverage`` covered), so the exact test runs on few pairs even in a story
    of thousands of sentences.
    """
    n = len(space.facts)
    if n < 2:
        return []
    cols: dict[str, int] = {}
    rows_w: list[int] = []
    cols_w: list[int] = []
    rows_all: list[int] = []
    cols_all: list[int] = []
    vals_all: list[float] = []
    for r, f in enumerate(space.facts):
        for t in sorted(f.words):  # sorted: columns (and float sums) must not follow hash order
            c = cols.setdefault("w:" + t, len(cols))
            rows_w.append(r)
            cols_w.append(c)
        for kind, items in (("w:", f.words), ("n:", f.names), ("f:", f.figures), ("d:", f.days)):
            for t in sorted(items):
                rows_all.append(r)
                cols_all.append(cols.setdefault(kind + t, len(cols)))
                vals_all.append(space.fact_idf.get(t, 1.0))
    shape = (n, len(cols))
    words = csr_matrix((np.ones(len(rows_w)), (rows_w, cols_w)), shape=shape)
    weighted = csr_matrix((vals_all, (rows_all, cols_all)), shape=shape)
    present = csr_matrix((np.ones(len(rows_all)), (rows_all, cols_all)), shape=shape)
    common = (words @ words.T).tocsr()
    common.data = (common.data >= _AGREE_MIN_WORDS).astype(np.float64)
    common.eliminate_zeros()
    both = (weighted @ present.T).multiply(common).tocoo()  # shared weight, where two words are shared
    ok = both.row < both.col
    if not ok.any():
        return []
    ci, cj, shared = both.row[ok], both.col[ok], both.data[ok]
    total = np.asarray(weighted.sum(axis=1)).ravel()
    ok = shared >= options.claim_agree_coverage * np.minimum(total[ci], total[cj])
    facts, idf, cov = space.facts, space.fact_idf, options.claim_agree_coverage
    return [(int(i), int(j)) for i, j in zip(ci[ok], cj[ok], strict=True) if supports(facts[i], facts[j], idf, cov)]


# Share of a star's centre (IDF-weighted words, names, figures, days) each sentence counted for it
# must state itself.  ``supports`` asks that of the shorter sentence of a pair only, yet the claim
# shows the centre: a long centre (two facts run together, a caption glued to a lead) is "backed" by
# short sentences that each state a part of it, and the claim then says more than its sources do.
_CENTRE_MIN_COVERAGE = 0.4
# A centre must read as a statement: not cut off ("A civil war and a regional war..."), not a page
# of glued text (the longest sentences of real crawls are captions and lists run together).
_CENTRE_MAX_WORDS = 50


def _fact_weight(f: FactBag, idf: Mapping[str, float]) -> float:
    return sum(idf.get(t, 1.0) for items in (f.words, f.names, f.figures, f.days) for t in sorted(items))


def _covers(centre: FactBag, other: FactBag, idf: Mapping[str, float]) -> bool:
    """Whether ``other`` states at least ``_CENTRE_MIN_COVERAGE`` of ``centre``, and not only the group
    a figure of both counts: "The 11 missing workers came from Texas" names the group of "Eleven
    workers are still missing", it does not say they are (the words shared are all words the figure
    counts in one of the two, and no name or day is shared).  A centre that states a telling count is
    covered only by a sentence stating one too (the same, or another for a disputed figure): "Since the
    explosion on the rig on 20 April, BP has paid out …" does not state that the explosion killed 11."""
    if any(_telling(f) for f in _counts(centre.figures)) and not any(_telling(f) for f in _counts(other.figures)):
        return False
    words = centre.words & other.words
    if (
        centre.figures & other.figures
        and words
        and centre.names.isdisjoint(other.names)
        and centre.days.isdisjoint(other.days)
        and (words <= centre.counted or words <= other.counted)
    ):
        return False
    total = _fact_weight(centre, idf)
    shared = FactBag(
        centre.words & other.words,
        centre.names & other.names,
        centre.figures & other.figures,
        centre.days & other.days,
        frozenset(),
    )
    return total > 0 and _fact_weight(shared, idf) >= _CENTRE_MIN_COVERAGE * total


# A condition with its hypothetical consequence ("If a resistant strain starts circulating it would be a
# concern"), or what would follow from any case of a kind ("Any leak into this well would be disastrous"),
# states no fact that happened.
_HYPOTHETICAL = re.compile(
    r"^[\"“‘']?(?:(?:If|Unless|Should)\b|(?:Any|Every)\s+\w+)[^.;]*\b(?:would|could|might)\b", re.IGNORECASE
)


def _cut_off(text: str) -> bool:
    """A sentence that trails off ("A civil war and a regional war...") states no whole fact."""
    return text.rstrip("\"'”’) ").endswith(("...", "…"))


def _backers(space: ClaimSpace, pairs: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """Per possible centre, the sentences that back it: pairs where :func:`supports` holds and the
    backer states most of the centre (:func:`_covers`).  A question asserts nothing ("Can humans
    catch swine flu?" heads an explainer), nor does a sentence cut off: neither backs nor is backed;
    a centre must read as a statement of at most ``_CENTRE_MAX_WORDS`` words."""
    asks = {
        i
        for i, s in enumerate(space.sents)
        if s.text.rstrip("\"'”’) ").endswith("?") or _cut_off(s.text) or _HYPOTHETICAL.match(s.text)
    }
    centres = {i for i, s in enumerate(space.sents) if len(s.text.split()) <= _CENTRE_MAX_WORDS}
    facts, idf = space.facts, space.fact_idf
    backed: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        if i in asks or j in asks:
            continue
        if i in centres and _covers(facts[i], facts[j], idf):
            backed[i].append(j)
        if j in centres and _covers(facts[j], facts[i], idf):
            backed[j].append(i)
    return backed


def _take_stars(
    backed: Mapping[int, Sequence[int]],
    rank: Callable[[list[int]], tuple[int, ...]],
    left: set[int],
) -> list[list[int]]:
    """Disjoint stars (centre first, then its backers still left) taken greedily by ``rank`` of the
    star (highest first) until the best has a rank below zero in its first place; ``left`` (the
    rows that may still be taken) is emptied of the rows taken.

    Lazy greedy: a star only shrinks as others are taken, so a centre whose rank, recomputed, is
    still the best on the heap is the best of all."""

    def star(c: int) -> list[int]:
        return [c, *sorted(j for j in backed[c] if j in left)]

    heap = [(tuple(-v for v in rank(star(c))), c) for c in backed if c in left]
    heapq.heapify(heap)
    out: list[list[int]] = []
    while heap:
        neg, c = heapq.heappop(heap)
        if c not in left:
            continue
        taken = star(c)
        now = rank(taken)
        if now[0] < 0:
            continue  # ranks never grow again
        if tuple(-v for v in now) != neg:
            heapq.heappush(heap, (tuple(-v for v in now), c))
            continue
        out.append(taken)
        left.difference_update(taken)
    return out


def agreed_stars(
    space: ClaimSpace,
    by_id: Mapping[str, Article],
    options: CrossCheckOptions,
    sources: SourceKeys | None = None,
    backed: Mapping[int, Sequence[int]] | None = None,
) -> list[list[int]]:
    """The story's agreed claims, as lists of rows (first: the centre); disjoint.

    Each is a star: a centre sentence and the sentences that back it directly (:func:`supports`),
    from at least two independent sources.  Grouping links sentences through chains of loosely
    similar pairs, so a group of many sources holds different facts on one subject; a star
    cannot chain, and a paraphrase that grouping left apart (other triggers) still backs its
    fact.  The centre is the sentence backed by the most sources, then the one with the fewest
    reading faults (a pronoun subject, a fact box's date label: "It has also lost 40% of its market
    capitalization" names nothing shown alone, "The company has lost about 40 percent of its market
    value" does), then the one backed by the most sentences; stars are taken greedily until no
    sentence is backed by another source.

    ``sources``: the story's :class:`SourceKeys` over ``by_id`` (a fresh one when ``None``);
    ``backed``: :func:`_backers` of ``space`` when already computed.
    """
    if not space.facts:
        return []
    sources = sources or SourceKeys(by_id)
    # A star's sources are some of the story's, and count_sources never grows on a subset once the
    # whole set counts fewer than two (at most one known outlet, or none): then no star can reach
    # two sources and the loop below would take none.  Most stories of a real crawl are one
    # source's, so this spares them the star ranking (and the pair search, when not given).
    if sources.independent({s.article for s in space.sents}) < 2:
        return []
    if backed is None:
        backed = _backers(space, _supported_pairs(space, options))
    members = set(backed).union(*backed.values())
    keys = {i: sources.key(space.sents[i].article) for i in members if space.sents[i].article in by_id}
    faults = {c: _faults(space.sents[c].text) for c in backed}

    def rank(star: list[int]) -> tuple[int, int, int, int]:
        c = star[0]
        # fewer than two sources: below zero, so the star is never taken
        return (count_sources(keys[i] for i in star if i in keys) - 2, -faults[c], len(star), -c)

    return _take_stars(backed, rank, set(members))


def fact_parts(space: ClaimSpace, members: Sequence[int], backed: Mapping[int, Sequence[int]]) -> list[list[int]]:
    """``members`` (one source's sentences on one subject) split into the facts they state: stars
    of a centre and the members that back it (:func:`_backers`), the most backed first; every other
    member is a fact of its own.

    Grouping joins one subject's sentences through chains of loose links, which is what claims of
    one subject share, not what one claim says: an opinion piece's "banks earned a 6 percent fee"
    and "Wall Street gives Congress the most money" are one subject, two facts, and a claim that
    cites both says more than either does."""
    inside = set(members)
    local = {c: [j for j in backed[c] if j in inside] for c in members if c in backed}
    faults = {c: _faults(space.sents[c].text) for c in local}

    def rank(star: list[int]) -> tuple[int, int, int]:
        c = star[0]
        return (len(star) - 2, -faults[c], -c)  # a centre alone is no star

    left = set(members)
    out = _take_stars(local, rank, left)
    out.extend([i] for i in sorted(left))
    return out


def topic_claims(space: ClaimSpace, groups: Sequence[list[int]]) -> list[Claim]:
    """The groups of :func:`group_sentences` as bare claims (sentences only, in story order): the
    subjects within which :mod:`conflicts` compares dates, weekdays and actors."""
    keep = space.sents
    out = []
    for n, members in enumerate(groups, start=1):
        rows = sorted(members, key=lambda i: (keep[i].article, keep[i].index))
        out.append(Claim(id=f"t{n}", text=keep[rows[0]].text, sentences=[keep[i].as_claim_sentence() for i in rows]))
    return out


def build_claims(
    space: ClaimSpace,
    by_id: Mapping[str, Article],
    options: CrossCheckOptions,
    story_articles: Sequence[str] | None = None,
    groups: Sequence[list[int]] | None = None,
) -> list[Claim]:
    """Group a story's sentences into claims with their sources and status (agreed / single_source).

    Each claim also lists the story's outlets that do not report it (``missing_outlets``, a coverage
    gap); the story is ``story_articles``, or else the articles of the claim sentences.  Only known
    outlets are listed: an article without one has no name a reader could look for.
    """
    keep = space.sents
    story_outlets = outlets_of(story_articles if story_articles is not None else {s.article for s in keep}, by_id)
    built: list[tuple[tuple[int, int, int], Claim]] = []
    subjects = group_sentences(space, options) if groups is None else groups
    sources = SourceKeys(by_id)  # the story's articles' source keys, once for all its claims
    backed = _backers(space, _supported_pairs(space, options))  # for agreed stars and one source's facts
    stars = agreed_stars(space, by_id, options, sources, backed)
    # a claim's subject is the group of its representative (an agreed claim's centre): a star may
    # take sentences of other groups, but joining their groups would make subjects of many events
    # (ECB+ dev, every document its own outlet: subject B-cubed precision 0.669 this way, 0.596 joined)
    subject_of = {i: str(n) for n, members in enumerate(subjects) for i in members}
    rows: list[list[int]] = [list(star) for star in stars]
    centres = {g: star[0] for g, star in enumerate(stars)}  # the sentence the others back
    in_star = {i for star in stars for i in star}
    for members in subjects:
        rest = [i for i in members if i not in in_star]
        if not rest:
            continue
        # what no two sources back: each source's sentences on the subject, split into the facts
        # they state (a claim cites only sentences that say it)
        by_source: dict[str, list[int]] = {}
        for i in rest:
            by_source.setdefault(sources.key(keep[i].article), []).append(i)
        if sources.independent({keep[i].article for i in rest}) < 2:
            by_source = {"": rest}
        for part in by_source.values():
            rows.extend(fact_parts(space, part, backed))
    for members in rows:
        members.sort(key=lambda i: (keep[i].article, keep[i].index))
    reps = [centres.get(g, r) for g, r in enumerate(_representatives(rows, keep, space.x))]
    for members, r in zip(rows, reps, strict=True):
        rep = keep[r]
        arts = sorted({keep[i].article for i in members})
        claim = Claim(
            id="",
            # shown without the wire dateline that opens a lead ("BURAS, La. (Reuters) - "), and
            # with the opening quotation mark of a quote's last sentence; the sentences stay as the
            # article has them
            text=reopen_quote(strip_agency_dateline(rep.text)),
            sentences=[keep[i].as_claim_sentence() for i in members],
            outlets=outlets_of(arts, by_id),
            independent_sources=sources.independent(arts),
        )
        claim.missing_outlets = [o for o in story_outlets if o not in set(claim.outlets)]
        claim.status = "agreed" if claim.independent_sources >= 2 else "single_source"
        claim.subject = subject_of.get(r)  # renumbered below
        built.append(((-claim.independent_sources, -len(members), min(members)), claim))
    built.sort(key=lambda t: t[0])
    out = []
    names: dict[str | None, str] = {}
    for n, (_, c) in enumerate(built, start=1):
        c.id = f"c{n}"
        c.subject = names.setdefault(c.subject, f"s{len(names) + 1}")  # s1 is the subject of c1
        out.append(c)
    return out
