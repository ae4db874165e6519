"""Candidate sentences: every sentence of a story's articles, cleaned and judged for use in a summary.

A candidate keeps where it came from (article, paragraph, position) so it can be cited, its
display text (dateline, repeated title and leading connective removed), and a ``penalty`` in
[0, 1] that multiplies its score (1 = fine).  Sentences that must never be used as fact get
``usable = False`` with the reason, which the tests and the audit can read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsfuse.model import Article
from newsfuse.summary import lexicon
from newsfuse.text import STOPWORDS, fold, name_seams, normalize_space, split_sentences, words

# A sentence shorter than this is a fragment (caption, byline, heading); longer than
# MAX_WORDS is usually several sentences glued by a failed split or a run-on list.
MIN_WORDS = 6
MAX_WORDS = 70
# News leads run 25-40 words; beyond 50 a sentence usually carries asides and colour.  The penalty
# is mild: a stronger one (0.7 above 40 words) cost a fifth of ROUGE-2 recall on t17-dev.
LONG_WORDS = 50
LONG_PENALTY = 0.85

_QUOTE_SPAN = re.compile(r"[\"“”«»]([^\"“”«»]*)[\"“”«»]")
_OPEN_QUOTES = "\"“«‘'"
# Wire-service datelines: "PRAGUE, March 22 (Reuters) - ", "KANSAS CITY, Mo.—", "[India], May 12 (ANI): ".
_AGENCY_DATELINE = re.compile(
    r"^.{0,80}?\((?:Reuters|AP|AFP|ANI|CNN|UPI|Xinhua|IANS|PTI|dpa|DPA|BBC|Bloomberg|TASS|EFE|Sputnik|RIA Novosti)\)\s*[-–—:|]*\s*"
)
_CITY_DATELINE = re.compile(
    r"^(?:.{0,90}?\s)?[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    # the dash: a long one, "--", or a hyphen with a space on one side at least ("the US-British
    # invasion" is a compound, not "… US -" closing a dateline)
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?\s*(?:\([^)]{1,30}\))?(?:\s*(?:--|[–—])\s*|\s+-\s*|\s*-\s+)(?=[A-Z\"“])"
)
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .'’]{2,30}(?:\([^)]{1,30}\))?\s*:\s+(?=[A-Z])")
# Photo captions: they describe a picture, not the event ("X on the left and Y on the right").
_CAPTION = re.compile(
    r"\b(?:on the (?:left|right)|pictured|\((?:L|R|C|left|right|centre|center)\)|file photo|photo:|image caption|image copyright)",
    re.IGNORECASE,
)
# Each _CAPTION match (lowercased) contains one of these.
_CAPTION_LITERALS = (
    "on the left",
    "on the right",
    "pictured",
    "(",
    "file photo",
    "photo:",
    "image caption",
    "image copyright",
)
_DIGIT = re.compile(r"\d")  # the \d of _CAPTION_DATE (any Unicode digit)
# A picture described in the present ("X gestures during a rally", "Y looks on as …", "Z poses for …"),
# a graphic's credit ("SOURCE: Coast Guard"), a bulleted summary glued into one line (" * ").
# A place in the picture between commas ("…, top center, as gas is brought up") marks a caption too.
_CAPTION_PRESENT = re.compile(
    r"\b(?:gestures|looks on|poses for|pose for|waves to|wave to)\b|\bSOURCES?:|\s\*\s"
    r"|,\s*(?:(?:top|bottom|far|front|back|second from)\s+)?(?:left|right|cent(?:er|re))\s*,"
)
# Each _CAPTION_PRESENT match (case kept: the pattern ignores no case) contains one of these, or a
# comma and one of _CAPTION_PLACES.
_CAPTION_PRESENT_LITERALS = ("gestures", "looks on", "pose", "wave", "SOURCE", "*")
_CAPTION_PLACES = ("left", "right", "cent")
# What a transcript's host says to move on: "All right, Dan, thanks very much."
_CHATTER = re.compile(
    r"\b(?:thank you|thanks (?:very much|so much|a lot|for)|all right,|good (?:morning|evening|night),"
    # a broadcast transcript's greeting: "Good evening and welcome to the show."
    # ("Welcome back, Dodgers, to the World Series." opens a sports report: "welcome back" alone is no greeting)
    r"|welcome (?:back )?to (?:the|our|this) (?:show|program|programme|broadcast))",
    re.IGNORECASE,
)
# Each _CHATTER match, lowercased, contains one of these (none holds a space: the quotations that
# outside_quotes cuts out leave spaces, so a literal seen in the unquoted text is in the text itself).
_CHATTER_LITERALS = ("thank", "right,", "morning,", "evening,", "night,", "welcome")
# A wire photo caption ends on the picture's place and date with no preposition before the date
# ("… headquarters in Les Mureaux near Paris January 12, 2031."); reporting writes "on January 12".
# The year may be left out ("… boards Air Force One in Washington May 25."); a weekday before the date
# is a report's ("the vote on Tuesday, May 25").
_CAPTION_DATE = re.compile(
    r"\b(?!(?:On|Since|Until|By|From|Before|After|Of|To|Through|Till|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b)[A-Z][\w.'’-]+,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\.?$"
)
# A page's date/time stamp glued between a headline and the lead ("... Thursday 29 April 2010 09.28 BST
# Five times more oil ...", "Friday, April 30, 2010; 3:59 PM As a massive ..."): what precedes it is
# headline and standfirst, not the article's sentence.
_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_TIMESTAMP = re.compile(
    rf"(?:{_DAYS},?\s+)?(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}},?)\s+\d{{4}}[;,]?\s+\d{{1,2}}[.:]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:BST|GMT|UTC|CET|[ECMP][SD]T)?\s*"
)
# Photo furniture an extracted page glues before the lead: "Image copyright Getty Images", then
# "Image caption <the caption, no final stop> <the lead>".  The credit is one token (with "/"
# between agencies), optionally followed by "Images", unless a caption marker follows a longer one.
_IMAGE_CREDIT = re.compile(r"^Image copyright (?:[^\s].{0,60}?\s+(?=Image caption\s)|\S+(?: Images)?\s+)")
_IMAGE_CAPTION = re.compile(r"^Image caption\s+")
# Where a glued caption ends: a lowercase word or number without punctuation, then a capitalised
# article or spelled-out number, which open news leads ("... Bengal tigers A zookeeper has died",
# "... ended in 2014 Three US service members ...").  Only searched after "Image caption"; other
# captions stay whole (and are judged captions).
_CAPTION_END = re.compile(
    r"(?<=[a-z0-9])\s+(?=(?:A|An|The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands)\s+\w)"
)
# The word lists are tested with substring tests (``any(m in low for m in ...)``): the same verdict
# as one alternation of the escaped phrases searched in the text, and faster on these short lists
# (32, 6 and 15 phrases; measured on every t17 bpoil sentence).
_LEADING_NOISE = re.compile(r"^[\s\-–—•*|:>#]+")
# A heading run into the sentence after it with no stop: a lower-case word, then "The"/"A"/"An" and a
# lower-case word ("… dominate the newspapers The disaster in Haiti is …"), or after a year ("The
# influenza pandemic of 1918 The current outbreak …"). Mid-sentence, "The" is
# capitalised only inside a name or title, and then the next word is capitalised too ("The Hague").
# The same holds for the words that open a clause ("… lost treasure When thousands of …").
_GLUED_HEADING = re.compile(
    # after a capitalised word only "The"/"An" and a lower-case word ("… in Port-au-Prince The US is
    # mounting …" has "The US": no boundary read there; "… help Haiti The devastating effects …" has one;
    # "A" is left out: "Plan A to halt the leak", "Group A of the draw")
    r"\b[A-Z][\w'’-]*[a-z0-9]\s+(?=(?:The|An)\s+[a-z][a-z-]+\b)|"
    r"(?:\b[a-z][a-z'’-]+|\b\d{4})\s+(?=(?:The|A|An|When|While|As|After|Before|Although|Since|If|In|On|At|For|With|But|It|They|He|She"
    # "… the need for green energy Under the reign of …": any preposition or conjunction opening a clause
    r"|Under|During|Despite|Amid|Following|Until|Throughout|Across|Against|Among|Without|Beyond|Through|Within"
    r"|Because|Though|Unless|Whether|Once"
    # "... Gulf of Mexico operation This is not the first time ...": demonstratives and pronouns too
    r"|This|These|Those|That|There|We|Our|His|Her|Their|Its)\s+[a-z][a-z-]+\b"
    # "… around for 30 years A 24-hour facility …", "… feels a lot better Five-year-old Edgar …"
    r"|(?:A|An)\s+\d|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)(?:-year-old\b|\s+[a-z]))"
)
MAX_HEADING_WORDS = 30
# A pull quote run into the next sentence: a speaker's name, a colon, the quotation, then a capitalised
# word with no stop between ('Admiral Thad Allen: "This thing won't be sealed until …" A decision will …').
_PULL_QUOTE = re.compile(r"^[A-Z][^:\"“”.!?]{2,60}:\s*[\"“][^\"“”]{10,240}[\"”]\s+(?=[A-Z])")
# A broadcast transcript's speaker label: "WOLF MARROW, VALLEY TV ANCHOR: ", "MORGAN: ", "CLINTON (on camera): ".
_SPEAKER_LABEL = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,4}(?:\s*\([^()]{1,30}\))?(?:,\s*[A-Z][A-Z0-9 .,'’&()-]{1,80}?)?:\s+(?=\S)"
)
# A transcript: at least this many paragraphs open on a speaker label. Everything in it is
# someone's spoken words (questions, chatter, "Thank you for your time"), so its sentences count
# like quotations: a reported sentence saying the same should win.
MIN_TRANSCRIPT_TURNS = 3
TRANSCRIPT_PENALTY = 0.4
# A live page's update stamp before an entry: "(Update 10:14 p.m. Cairo, 3:14 p.m. ET) The army …".
_UPDATE_STAMP = re.compile(r"^\((?:update|updated|new)\b[^()]{0,80}\)\s*(?=\S)", re.IGNORECASE)
# A photo credit in brackets before a sentence: "(By Jane Roe -- Valley Post) The mayor …".
_PAREN_CREDIT = re.compile(
    r"^\((?:by|photo by|photo:|credit:|courte\w*\s+of\b|[\w .-]{0,20}\bphoto(?:graph)?\b)[^()]{3,80}\)\s*(?:AP\d{4}\s+)?(?=\S)",
    re.IGNORECASE,
)
# An entry of a dated list or gallery, labelled with its day ("May 2: A sign on the side of a road calls for
# help …", "April 22 - The rig sinks …", "Saturday: The yacht … seen during …"), its day written first ("20
# April: A surge in oil and gas causes an explosion …"), its month ("February 1999 - Obasanjo … wins …") or
# its year ("1983: 8,000 male members of the … tribe are arrested", "1966 - Coup ends civilian rule"),
# perhaps with a dash after the colon ("Sept. 18: -- The Fed expands …"): a timeline's line or a photo
# caption, not a sentence of the report.  (A chronology's
# "Nov. 22 -- Elian … leave Cuba" stays a candidate: DUC 2006 references retell such entries, and taking
# them out lowered ROUGE there, 100 words R1 0.1982 -> 0.1975.)
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LABEL = re.compile(
    rf"^(?:(?:{_MONTH_NAME}\s+\d{{4}}|{_MONTH_NAME}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH_NAME}(?:\s+\d{{4}})?|(?:1[5-9]|20)\d\d)"
    r"\s*(?::(?:\s*--?)?|\s[-–—])|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday):)\s+(?=[A-Z0-9\"“‘`])"
)


def dated_list_entry(text: str) -> bool:
    """An entry of a dated list ("20 April: A surge in oil and gas causes …"; see ``_DATE_LABEL``)."""
    return _DATE_LABEL.match(text) is not None


# A subordinate clause with no main clause after it: "When friends and colleagues are killed covering a story."
_SUBORDINATE = frozenset("when if although though because while whereas unless".split())
# Words an extracted page glues before the first sentence ("Published by on", "By Jane Doe").
_BYLINE = re.compile(r"^(?:by|published by|posted by|written by)\b", re.IGNORECASE)
# An opening phrase that points back at the previous sentence: "Given this, …", "Despite that, …",
# "Because of these, …" (a demonstrative closing a short opener before its comma).
_BACK_REFERENCE = re.compile(r"^(?:[\w'’-]+\s+){1,3}(?:this|that|these|those)(?:\s+[a-z]+)?\s*,", re.IGNORECASE)
# A verb phrase left out because the sentence before says it: "… the legal basis for doing so", "Grossman's
# works did not, and this book shows why." (general English ellipsis: "do so" or an auxiliary with "not"
# and nothing after it, in the first clause and not after "but"/"and"/"or", which take the verb of the
# clause before them: "should have stopped the leak but did not", "struggling to cap the leak, but may not
# be able to do so"; "why" closing the sentence).
_ELLIPSIS = re.compile(
    r"^(?:(?!\b(?:but|and|or|because|as|if|when|while|though|although|since|until|unless)\b)[^,;])*?"
    r"(?:\b(?:do|does|did|doing|done)\s+so\b(?!\s+(?:much|many|far|long|well))"
    r"|\b(?:do|does|did|will|would|could|can|has|have|had)\s+not\s*(?:[.;]|,\s+(?:and|but)\b))"
    r"|\bwhy\s*[.!]?[\"”’)]*$",
    re.IGNORECASE,
)
# A person named only by a pronoun right after an opening phrase: "Speaking to Channel 4, he maintained …",
# "In fact, he claims …" ("it" is left out: "In 2009, it was reported …" names no one).
_OPENER_THEN_PRONOUN = re.compile(r"^[^,;:\"“]{1,60},\s+(?:he|she|they)\b", re.IGNORECASE)
# A sentence that is only an attribution, the quote it names split off by the page ('"…?"' on one line,
# "Fed Chairman Ben S. Bernanke told Congress last week." on the next): a name or a short description,
# a verb of saying and at most four words of listener, place or time, nothing said.
_ATTRIBUTION_ONLY = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*\s+){1,6}|(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3})"
    r"(?:" + "|".join(sorted(lexicon.ATTRIBUTION_VERBS)) + r")(?:\s+(?:[A-Z][\w'’-]*|"
    r"reporters|journalists|lawmakers|the|a|an|on|in|from|last|this|week|month|year|night|today|yesterday|"
    r"earlier|later|interview|statement)){0,4}\s*\.$"
)
# Past the lead, an agency's name in brackets is a dateline only with its dash: "(CNN) --", not "(CNN) that".
_DATELINE_DASH = re.compile(r"\([A-Za-z ]{2,20}\)\s*[-–—]")
_PERSONAL = frozenset({"he", "she", "they", "it"})
# A teaser cut off by the page ("… in the agency responsible...").
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"”’)]?$")
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:(?:according to|as reported by)\s[^,]{2,60}|[^,]{2,60}?\s(?:said|says|told \w+|reported|announced|added|stated))\s*\.?$"
)


@dataclass
class Candidate:
    index: int  # position in the story's candidate list
    article: str
    paragraph: str
    position: int  # sentence index within the article (0 = lead)
    text: str  # display text, cleaned
    raw: str  # the sentence as split, for audits
    date: str | None
    usable: bool = True
    reason: str = ""
    penalty: float = 1.0
    quote_share: float = 0.0
    starts_with_quote: bool = False
    cwords: list[str] = field(default_factory=list)  # content words in order (the TF-IDF terms)
    content: frozenset[str] = frozenset()  # the same as a set, for overlap tests
    stems: frozenset[str] = frozenset()  # 4-letter stems of all words, for the predicate test

    @property
    def n_words(self) -> int:
        return len(self.text.split())


def quote_share(text: str) -> float:
    """Fraction of characters inside quotation marks."""
    inside = sum(len(m.group(1)) for m in _QUOTE_SPAN.finditer(text))
    return inside / max(1, len(text))


def outside_quotes(text: str) -> str:
    return _QUOTE_SPAN.sub(" ", text)


def strip_agency_dateline(text: str) -> str:
    """Remove what precedes an agency's dateline ("... (Reuters) - "), the explicit kind only."""
    m = _AGENCY_DATELINE.match(text)
    if m and len(text) - m.end() > 20:
        return _LEADING_NOISE.sub("", text[m.end() :])
    return text


def strip_dateline(text: str) -> str:
    """Remove a wire dateline or byline glued to the start of a lead sentence (an agency's and then a
    city's: "(AP) WASHINGTON -- Grappling with …" loses both)."""
    m = _AGENCY_DATELINE.match(text)
    if m and len(text) - m.end() > 20:
        text = text[m.end() :]
    for rx in (_CITY_DATELINE, _CAPS_DATELINE):
        m = rx.match(text)
        if m and len(text) - m.end() > 20:
            text = text[m.end() :]
            break
    return _LEADING_NOISE.sub("", text)


def strip_photo_furniture(text: str) -> str:
    """Drop a glued image credit and caption before the lead; when a caption's end cannot be
    found the text is returned as it was (and is judged a caption)."""
    m = _IMAGE_CREDIT.match(text)
    if m and len(text) - m.end() > 20:
        text = text[m.end() :]
    m = _IMAGE_CAPTION.match(text)
    if m:
        end = _CAPTION_END.search(text, m.end())
        if end and len(text[end.end() :].split()) >= MIN_WORDS:
            return text[end.end() :]
    return text


def strip_timestamp(text: str) -> str:
    """Keep what follows a glued date/time stamp (and drop the headline before it)."""
    last = None
    for m in _TIMESTAMP.finditer(text):
        last = m
    if last is not None and len(text[last.end() :].split()) >= MIN_WORDS:
        return text[last.end() :]
    return text


def strip_title(text: str, title: str | None) -> str:
    """Drop the article's title when the extracted body starts by repeating it (or its part after
    a kicker such as "FAST FIVE: ")."""
    if not title:
        return text
    t = normalize_space(title)
    variants = [t] + ([t.split(": ", 1)[1]] if ": " in t else [])
    for v in variants:
        if len(v) > 10 and fold(text).startswith(fold(v)) and len(text) - len(v) > 20:
            return text[len(v) :].lstrip(" .:-–—|")
    return text


# A crosshead or a speaker's tag in capitals run into the sentence after it: "WEATHER HAMPERING FIGHT
# AGAINST SLICK Hayward on Monday acknowledged …", "PROFESSOR JANE ROE, VIROLOGY EXPERT If the virus …"
# (three or more words in capitals, the last without a comma, then a capitalised word in lower case;
# "BAYOU LE BATRE, Alabama (Reuters) -" is a dateline: its capitals end on a comma).
_CAPS_HEADING = re.compile(r"^(?:[A-Z0-9][A-Z0-9'’&.-]*,?\s+){2,}[A-Z0-9][A-Z0-9'’&.-]*[A-Z0-9.]\s+(?=[A-Z][a-z])")


def strip_caps_heading(text: str) -> str:
    """'DIVING BIRDS HARDEST HIT The birds …' -> 'The birds …' when enough sentence follows."""
    m = _CAPS_HEADING.match(text)
    if m is not None and len(text[m.end() :].split()) >= MIN_WORDS:
        return text[m.end() :]
    return text


def strip_glued_heading(text: str, lead: bool = False) -> str:
    """'Valley gates stay open The water board said …' -> 'The water board said …' when the part before
    the glued boundary is a heading (at most MAX_HEADING_WORDS words) and enough sentence follows; a
    pull quote glued before a sentence ('Admiral Jo Roe: "…" A decision will …') is cut the same way.
    ``lead``: the article's first sentence, where a scraper glues a caption before the lead, so a lead
    opening on "The"/"A" and a name is looked for too (:func:`newsfuse.text.name_seams`; elsewhere that
    seam is as often a title inside the sentence: "forcing The Sunday Telegraph to drop …")."""
    pulled = _PULL_QUOTE.match(text)
    if pulled is not None and len(text[pulled.end() :].split()) >= MIN_WORDS:
        text = text[pulled.end() :]
    m = _GLUED_HEADING.search(text)
    at = m.end() if m is not None else (next(name_seams(text), None) if lead else None)
    if at is None:
        return text
    rest = text[at:]
    if len(text[:at].split()) <= MAX_HEADING_WORDS and len(rest.split()) >= MIN_WORDS:
        return rest
    return text


def trim_connective(text: str) -> str:
    """'But Haftar left.' -> 'Haftar left.'; 'Meanwhile, Turkey...' -> 'Turkey...'.  Only when safe."""
    low = text.lower()
    if not low.startswith(lexicon.CONNECTIVES):
        return text  # one C-level test for the common case (no connective at all)
    for c in lexicon.CONNECTIVES:
        if not low.startswith(c):
            continue
        rest = text[len(c) :]
        if rest.startswith(","):
            rest = rest[1:]
        elif not (c in lexicon.BARE_CONNECTIVES and rest.startswith(" ")):
            continue
        rest = rest.strip()
        if len(rest.split()) >= MIN_WORDS and rest[:1].isalnum():
            return rest[0].upper() + rest[1:]
        return text
    return text


def trim_attribution(text: str) -> str:
    """'X happened, police said.' -> 'X happened.' (headlines only; keeps the fact, drops the tail)."""
    m = _TRAILING_ATTRIBUTION.search(text)
    if m and len(text[: m.start()].split()) >= MIN_WORDS and not _QUOTE_SPAN.search(text[m.start() :]):
        head = text[: m.start()].rstrip(" ,;")
        if head.count("“") == head.count("”") and head.count('"') % 2 == 0:
            return head + "."
    return text


# "I" as the writer's pronoun, not "I." (a name's initial: "I. Lewis Libby").
_FIRST_PERSON_I = re.compile(r"\bI\b(?!\.)")


def _opinion(uws: list[str], unquoted: str) -> bool:
    """First person or insults outside quotes.  Case kept: "US" is a country, "us" a writer taking
    part; a lone "I" counts only as the pronoun."""
    markers = [w for w in uws if w.lower() in lexicon.OPINION_MARKERS and not (len(w) > 1 and w.isupper())]
    return any(w != "I" for w in markers) or (bool(markers) and _FIRST_PERSON_I.search(unquoted) is not None)


# Compiled once (re's pattern cache costs a lookup per call; these run per candidate sentence).
_APOSTROPHE = re.compile("['’]")
_FINAL_STOP = re.compile(r"[.!\"”’)]$")


def _bare(token: str) -> str:
    """A word without its contraction: "it's" -> "it", "they're" -> "they"."""
    return _APOSTROPHE.split(token, maxsplit=1)[0]


def _caption(text: str, low: str) -> bool:
    """``_CAPTION.search(text) or _CAPTION_DATE.search(text)``, with cheap tests first (every
    candidate sentence of every story is judged): on ASCII text, ignoring case is lowercasing, so
    no _CAPTION match is possible without one of its literals in ``low``; _CAPTION_DATE needs a
    digit."""
    if (not text.isascii() or any(m in low for m in _CAPTION_LITERALS)) and _CAPTION.search(text):
        return True
    return _DIGIT.search(text) is not None and _CAPTION_DATE.search(text) is not None


def _caption_present(unquoted: str) -> bool:
    """``_CAPTION_PRESENT.search(unquoted)``, after substring tests for its literals (the pattern is
    case-sensitive, so these hold for any text)."""
    if any(m in unquoted for m in _CAPTION_PRESENT_LITERALS) or (
        "," in unquoted and any(m in unquoted for m in _CAPTION_PLACES)
    ):
        return _CAPTION_PRESENT.search(unquoted) is not None
    return False


def _chatter(text: str, low: str, unquoted: str) -> bool:
    """``_CHATTER.search(unquoted)``, after substring tests on ASCII text: there ignoring case is
    lowercasing (beyond ASCII the pattern also takes "ſ" for "s" and "K" for "k"), so a match needs
    one of _CHATTER_LITERALS in ``low`` (``text`` lowercased)."""
    if text.isascii() and not any(m in low for m in _CHATTER_LITERALS):
        return False
    return _CHATTER.search(unquoted) is not None


def _judge(c: Candidate, anchored: bool, inside_quote: bool, ws: list[str], toks: list[str]) -> None:
    """Set ``usable``/``reason``/``penalty``.  ``inside_quote``: the sentence continues a quotation
    opened in an earlier sentence, so all of it is someone's words.  ``ws``/``toks``: its words
    and their lowercase forms (computed once by the caller)."""
    text = c.text
    low = text.lower()
    has_quotes = inside_quote or '"' in text or "“" in text or "”" in text or "«" in text or "»" in text
    unquoted = ("" if inside_quote else outside_quotes(text)) if has_quotes else text
    uws = words(unquoted) if has_quotes else ws
    outside = [w.lower() for w in uws]
    # A sentence that closes a quotation it did not open ('… in the open," she told the radio.') was
    # split out of a longer quote: it starts inside someone's words.
    continues_quote = (text.count('"') % 2 == 1 and text[:1] != '"') or ("”" in text and "“" not in text)
    # no quotation mark at all: no _QUOTE_SPAN, a share of 0.0 (most sentences)
    c.quote_share = 1.0 if inside_quote else (quote_share(text) if has_quotes else 0.0)
    if continues_quote:
        close = min(i for i in (text.find('"'), text.find("”")) if i >= 0)
        c.quote_share = max(c.quote_share, close / max(1, len(text)))
    c.starts_with_quote = inside_quote or continues_quote or text[:1] in _OPEN_QUOTES
    if len(toks) < MIN_WORDS or text[:1].islower() or text[:1] in ",;)]":
        c.usable, c.reason = False, "fragment"  # too short, or cut off at its start ("in Cairo as …", ", CNN …")
    elif text.count("(") != text.count(")") or _TRUNCATED.search(text) or (toks[0] in _SUBORDINATE and "," not in text):
        c.usable, c.reason = False, "fragment"  # a bracket split by the sentence splitter, a teaser cut off
    elif _ATTRIBUTION_ONLY.match(text):
        c.usable, c.reason = False, "fragment"  # an attribution whose quote the page split off
    elif len(toks) > MAX_WORDS:
        c.usable, c.reason = False, "too long"
    elif text.rstrip("\"'”’) ").endswith("?"):
        c.usable, c.reason = False, "question"
    elif text[:1] in '"“' and sum(text.count(q) for q in '"“”') == 1:
        # the first sentence of a quotation that goes on ('"Right from the beginning, BP was lying.'):
        # its speaker is named sentences later, so shown alone it is nobody's words
        c.usable, c.reason = False, "quote without its speaker"
    elif any(m in low for m in lexicon.BOILERPLATE_MARKERS) or _BYLINE.match(text):
        c.usable, c.reason = False, "boilerplate"
    elif _caption(text, low) or _caption_present(unquoted):
        c.usable, c.reason = False, "caption"
    elif dated_list_entry(text):
        c.usable, c.reason = False, "dated list entry"
    elif _chatter(text, low, unquoted):
        c.usable, c.reason = False, "chatter"
    elif not lexicon.LOADED_LABELS.isdisjoint(outside) or any(m in low for m in lexicon.LOADED_PHRASES):
        c.usable, c.reason = False, "loaded label"
    elif _opinion(uws, unquoted):
        c.usable, c.reason = False, "opinion"
    elif (_bare(toks[0]) in lexicon.DANGLING_STARTS and toks[0] not in lexicon.ADJECTIVE_STARTS) or (
        (toks[0] in lexicon.BARE_QUANTIFIERS or toks[0] in lexicon.ADJECTIVE_STARTS)
        and len(toks) > 1
        and toks[1] in lexicon.BARE_QUANTIFIER_VERBS
    ):
        c.usable, c.reason = False, "dangling reference"
    elif (
        (len(toks) > 1 and _bare(toks[1]) in _PERSONAL)
        or (toks[0] in lexicon.BARE_CONNECTIVES and len(toks) > 2 and _bare(toks[2]) in _PERSONAL)
        or _BACK_REFERENCE.match(text)
        or _ELLIPSIS.search(unquoted)
        or _OPENER_THEN_PRONOUN.match(text)
        # a connective left because too little follows it ("But people are trying to help."): it
        # answers a sentence the summary does not show
        or toks[0] in lexicon.BARE_CONNECTIVES
    ):
        # A pronoun subject right after the opening word ("Now they seem …", "Sometimes he admits …",
        # "But now it …") or a demonstrative closing the opener ("Given this, …") points back.
        c.usable, c.reason = False, "dangling reference"
    if not c.usable:
        return
    if not lexicon.LOADED_LABELS.isdisjoint(toks):
        c.penalty *= 0.3  # a loaded label inside a quote: attributed, but still one side's framing
    if c.starts_with_quote or c.quote_share > 0.5:
        c.penalty *= 0.5  # one side's words; a neutral sentence saying the same should win
    if any(m in low for m in lexicon.UNANCHORED_TIME):
        # "this week" reads oddly out of its article; with no article date it has no anchor at all.
        # Penalised rather than dropped: in news leads it often sits in the one sentence stating the event.
        c.penalty *= 0.8 if anchored else 0.5
    if len(toks) > LONG_WORDS:
        c.penalty *= LONG_PENALTY  # a long sentence spends half a 100-word summary on one point
    if not _FINAL_STOP.search(text):
        c.penalty *= 0.5  # no final punctuation: a heading or caption glued into the text
        if len(toks) < 12:
            c.usable, c.reason = False, "heading"  # short and unpunctuated: a crosshead, not a sentence
    if sum(1 for w in ws if w[:1].isupper()) > 0.7 * len(toks):
        c.penalty *= 0.3  # Title Case Run: a headline or menu, not a sentence


def _ends_inside_quote(text: str, open_quote: bool) -> bool:
    """Whether a quotation is still open after ``text`` (curly quotes tell; straight ones toggle)."""
    if '"' not in text and "“" not in text and "”" not in text:
        return open_quote
    for ch in text:
        if ch == "“":
            open_quote = True
        elif ch == "”":
            open_quote = False
        elif ch == '"':
            open_quote = not open_quote
    return open_quote


def requote(text: str, inside: bool, still_open: bool) -> str:
    """Give a sentence cut out of a quotation its quotation marks back, so that nobody's words read
    as the reporter's: 'gone," she said.' -> '"gone," she said.'.  Only where the quotation is
    certain: a curly closing mark without its opening one, or a quotation opened in an earlier
    sentence (``inside``); a lone straight mark could open as well as close, and is left alone."""
    curly = "”" in text and "“" not in text
    if not (curly or inside):
        return text
    opener, closer = ("“", "”") if curly or "”" in text or "“" in text else ('"', '"')
    return opener + text + (closer if still_open else "")


def article_candidates(
    article: Article, start: int = 0, split: Callable[[str], list[str]] = split_sentences
) -> list[Candidate]:
    """All sentences of one article as candidates, numbered from ``start``; ``split`` splits a
    paragraph into sentences (a memo may stand in for :func:`~newsfuse.text.split_sentences`)."""
    out: list[Candidate] = []
    pos = 0
    turns = sum(1 for para in article.paragraphs if _SPEAKER_LABEL.match(para.text))
    transcript = turns >= MIN_TRANSCRIPT_TURNS
    for para in article.paragraphs:
        open_quote = False  # quotations do not cross paragraphs in news copy
        for k, raw in enumerate(split(para.text)):
            text = raw
            if pos <= 3:  # the lead may sit after a few lines of furniture
                text = strip_photo_furniture(strip_timestamp(text))
            if pos <= 3 and k == 0:
                text = strip_title(text, article.title)
                text = strip_dateline(text)
            elif "(" in text and (pos <= 3 or _DATELINE_DASH.search(text)):
                # A photo credit split off as a sentence of its own leaves the agency dateline
                # behind it ("REUTERS/A. Name/File Photo KYIV (Reuters) - The lead ..."), and so does
                # an editor's note on the writer ("… at the RAND Corp. (CNN) -- The only …"): the
                # agency's dateline opens the article wherever it stands.
                text = strip_agency_dateline(text)
            text = _PAREN_CREDIT.sub("", _UPDATE_STAMP.sub("", _LEADING_NOISE.sub("", normalize_space(text))))
            if k == 0:
                text = _SPEAKER_LABEL.sub("", text, count=1)
            text = strip_glued_heading(strip_caps_heading(text), lead=pos == 0)
            text = trim_connective(text.strip())
            c = Candidate(
                index=start + len(out),
                article=article.id,
                paragraph=para.id,
                position=pos,
                text=text,
                raw=raw,
                date=article.date,
            )
            ws = words(text)
            toks = [w.lower() for w in ws]
            c.cwords = [t for t in toks if t not in STOPWORDS and len(t) > 1]  # = text.content_words
            c.content = frozenset(c.cwords)
            c.stems = frozenset([t[:4] for t in toks])  # a list, not a generator: faster to build from
            _judge(c, article.date is not None, open_quote, ws, toks)
            if c.starts_with_quote and text[:1] not in _OPEN_QUOTES:
                c.text = requote(text, open_quote, _ends_inside_quote(raw, open_quote))
            if transcript:
                c.penalty *= TRANSCRIPT_PENALTY
            open_quote = _ends_inside_quote(raw, open_quote)
            out.append(c)
            pos += 1
    return out
