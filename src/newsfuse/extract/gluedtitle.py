"""A headline glued to the lead by the scraper: "U.S. Seizes Control of AIG With $85 Billion
Emergency Loan Invoking extraordinary powers, the government ...".

Records often come without a title field and with the page's headline run into the first
paragraph.  A headline is written in title case (every content word capitalised); the lead is
a sentence in sentence case.  The split is accepted only where both are unmistakable: at least
:data:`MIN_TITLE_WORDS` title-case words with :data:`MIN_CAPITALISED` capitalised content words,
not ending on a function word or inside a dateline, followed by a sentence that opens on a
function word or an -ing/-ed form and goes on in lower case ("Invoking extraordinary powers",
"The move", "Back in the spring"), never on a name ("Iraqi Prime Minister Nuri al-Maliki said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from newsfuse.extract.outletdetect import KNOWN_NAME_PATTERN
from newsfuse.outlets import known_outlet
from newsfuse.text import STOPWORDS, name_seams

MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 25
MIN_CAPITALISED = 3
# Words a headline leaves in lower case.
_TITLE_LOWER = frozenset(
    "a an and as at but by for from in into nor of on or over the to up upon vs via with without after amid "
    "against before than out off per".split()
)
_DATELINE_RE = re.compile(r"\([A-Z][\w .&'-]{1,30}\)\s*[-–—]|--\s*$|[.!?:]$")


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE = r"(?:\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2},?\s+\d{4})"
# With a clock time and a zone after it, a two-digit year is a stamp too ("15 February 12 22:17 GMT").
_STAMP_DATE = r"(?:\d{1,2}\s+" + _MONTH + r",?\s+(?:\d{4}|\d{2})|" + _MONTH + r"\s+\d{1,2},?\s+(?:\d{4}|\d{2}))"
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|la|and))*?\s+[A-Z][\w'’-]+"
# A job title closes an affiliation after a byline ("By Jane Roe, Valley Post's Senior Producer").
_JOB = r"(?:Producer|Correspondent|Editor|Writer|Reporter|Analyst|Contributor|Staff|Anchor|Chief|Columnist|Intern)s?"
# A page's publication stamp, three shapes:
# - a full date followed at once by a clock time and a time zone ("Tuesday 4 January 2005 08.43 GMT",
#   "Jan. 4, 2005 8:43 AM EST", "16 March 2031 Last updated at 14:51 GMT Help"), or a "last updated"
#   clock time and then the date ("Page last updated at 05:27 GMT, Tuesday, 11 March 2031 06:27 UK"),
#   or a date, a semicolon and the time or print page ("Tuesday, May 4, 2031; 5:00 PM"): reporting
#   writes "at 8.43am on Tuesday", not a stamp;
# - a broadcast transcript's "Aired January 31, 2031 - 23:00 ET", with its "rush transcript" notice;
# - a date and a byline split by a bar ("January 25, 2031 | By Jane Roe, Valley Post").
_JOB_WORDS = tuple(_JOB[3:-4].split("|")) + tuple(w + "s" for w in _JOB[3:-4].split("|"))
_STAMP_RE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    + _STAMP_DATE
    + r",?\s+(?:(?:[Ll]ast\s+)?[Uu]pdated\s+)?(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:[aApP]\.?[mM]\.?\s*)?(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T)\b"
    + r"(?:\s+Help\b)?"
    # a date, a semicolon and the clock time or the print page: "Tuesday, May 4, 2031; 5:00 PM",
    # "Monday, March 9, 2031; Page A01"
    + r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    + _DATE
    + r";\s*(?:\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?|Page\s+[A-Z]?\d{1,3})(?:\s*--(?=\s))?"
    # the clock time first: "Page last updated at 05:27 GMT, Tuesday, 11 March 2031 06:27 UK"
    + r"|\b(?:[Pp]age\s+)?[Ll]ast\s+[Uu]pdated\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T),?\s+"
    + r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    + _DATE
    + r"(?:\s+\d{1,2}[.:]\d{2}(?:\s+(?:UK|local))?)?"
    + r"|\bAired\s+"
    + _DATE
    + r"\s*[-–—]\s*\d{1,2}:\d{2}\s*(?:[ECMP][SD]?T|GMT)\b"
    + r"(?:\s*THIS IS A RUSH TRANSCRIPT\.)?(?:\s*THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED\.)?"
    + r"|"
    + _DATE
    + r"\s*\|\s*By\s+(?P<author>"
    + _NAME
    + r")"
    + r"(?:,\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}?\s+"
    + _JOB
    + r"\b)?"
)
_CAP_RUN = re.compile(r",\s*((?:[A-Z][\w.&'’-]*\s+){1,4})")
# A stamp opening any paragraph (a live page's entries: "15 February 31 22:17 GMT The envoy said …").
LEADING_STAMP_RE = re.compile(r"^(?:" + _STAMP_RE.pattern + r")")
# A sentence's date, not a header's stamp, follows these words.
_STAMP_LEAD_IN = frozenset("since until till by between dated".split())
# The header before the stamp is at most a headline and a standfirst.
MAX_HEADER_WORDS = 70


@dataclass(frozen=True)
class StampHeader:
    """A page header run into the first paragraph: ``head`` (headline and standfirst, may be
    empty), the ``stamp`` that ends it, the ``rest`` of the paragraph (may be empty when the
    paragraph was header only) and the ``author`` a byline stamp names."""

    head: str
    stamp: str
    rest: str
    author: str | None


def split_stamp_header(text: str) -> StampHeader | None:
    """The page header ending on a publication stamp that ``text`` opens with ("Headline
    Standfirst Tuesday 4 January 2005 08.43 GMT The lead…"), else None."""
    m = _STAMP_RE.search(text, 0, 1200)
    if m is None:
        return None
    head = text[: m.start()].strip()
    if len(head.split()) > MAX_HEADER_WORDS:
        return None
    if head and head.split()[-1].lower() in _TITLE_LOWER | _STAMP_LEAD_IN:  # "ended on Tuesday 4 January…"
        return None
    stamp = m.group(0)
    if m.group("author") and not stamp.endswith(_JOB_WORDS):
        # "…| By Jane Roe, Valley Post The lead": the affiliation runs as far as a known outlet's name.
        run = _CAP_RUN.match(text, m.end())
        if run is not None:
            toks = run.group(1).split()
            known = [
                k
                for k in range(len(toks), 0, -1)
                if known_outlet(" ".join(toks[:k]).removesuffix("'s").removesuffix("’s"))
            ]
            after = text[run.end() :].split()[:2]
            if known:
                k = known[0]
            elif len(toks) >= 2 and len(after) == 2 and all(w[:1].islower() for w in after):
                k = len(toks) - 1  # the last capitalised word opens the lead: "Valley Post Volunteers filled …"
            else:
                k = 0
            if k:
                stamp = text[m.start() : run.start(1)] + " ".join(toks[:k])
    rest = text[m.start() + len(stamp) :].lstrip(" :.-–—|")
    transcript = m.group(0).startswith("Aired")
    if rest and not transcript and len(rest) < 20:
        return None
    if rest and not rest[:1].isupper() and rest[:1] not in "\"'“‘(":
        return None
    if not rest and not transcript:
        return None
    return StampHeader(head, stamp, rest, m.group("author"))


def _capitalised(tok: str) -> bool:
    core = tok.strip("\"'“”‘’([{")
    return bool(core) and (core[0].isupper() or core[0].isdigit() or core[0] in "$£€")


# Abbreviated titles before a person's name; a headline does not end on one ("… for Firms Rep.").
_NAME_TITLES = frozenset("Rep. Sen. Gov. Dr. Mr. Mrs. Ms. Lt. Gen. Sgt. Col. Prof. Rev. Adm. Capt. Cmdr.".split())
# The name after such a title: at most this many words (and a party label "(D-Mass.)").
_MAX_TITLED_NAME_WORDS = 4


def _titled_subject(toks: list[str], j: int) -> int | None:
    """Where a titled person's name opens the sentence before the lower-case word ``toks[j]``: an
    abbreviated title followed only by capitalised name words ("Rep. Edolphus Towns favors …")."""
    for k in range(j - 2, max(-1, j - 3 - _MAX_TITLED_NAME_WORDS), -1):
        if toks[k] in _NAME_TITLES:
            name = toks[k + 1 : j]
            if name and all(t[:1].isupper() or (t.startswith("(") and t.endswith(")")) for t in name):
                return k
            return None
    return None


def split_glued_title(text: str) -> tuple[str, str] | None:
    """(title, rest of the paragraph) when ``text`` opens with a glued headline, else None."""
    toks = text.split()
    if len(toks) < MIN_TITLE_WORDS + 4:
        return None
    j = 0
    while (
        j < len(toks)
        and j <= MAX_TITLE_WORDS
        and (_capitalised(toks[j]) or toks[j].lower() in _TITLE_LOWER or toks[j] in "-–—")
    ):
        j += 1
    if j >= len(toks) or j > MAX_TITLE_WORDS:
        return None
    # toks[j] is the first lower-case word: the sentence opened at the capitalised word before it,
    # or earlier over function words ("Back in the spring").
    start = j - 1
    while start > 0 and toks[start] in _TITLE_LOWER:  # lower-case function words only: "The" opens
        start -= 1
    titled = _titled_subject(toks, j)
    if titled is not None and (toks[titled - 1].endswith(")") or any(t in _NAME_TITLES for t in toks[:titled])):
        titled = None  # "Commander Adm. Thad Allen (FNC) Adm. Thad Allen took …": a caption's label, no headline
    if titled is not None:
        start = titled  # "… Bailout Rules for Firms | Rep. Edolphus Towns favors …": a caption's subject
    if start < MIN_TITLE_WORDS:
        return None
    opener = toks[start].strip("\"'“‘(").lower()
    if titled is None and not (opener in STOPWORDS or opener.endswith(("ing", "ed"))):
        return None
    title_toks = toks[:start]
    if title_toks[-1].lower() in _TITLE_LOWER or _DATELINE_RE.search(" ".join(title_toks)):
        return None
    content = [t for t in title_toks if t.lower() not in _TITLE_LOWER and t not in "-–—"]
    if sum(1 for t in content if _capitalised(t)) < MIN_CAPITALISED:
        return None
    # The sentence must go on in lower case: two of its next three words.
    nxt = toks[start + 1 : start + 4] if titled is None else toks[j : j + 3]  # (after the titled name)
    if sum(1 for t in nxt if t[:1].islower()) < 2:
        return None
    return " ".join(title_toks), " ".join(toks[start:])


# A headline in sentence case ("Officials fear disease outbreak in quake camps Health officials fear
# there may be an outbreak of disease.") cannot be told from the lead by its capitals; what gives it
# away is that the lead retells it: most of the headline's words come back in the sentence right
# after it.  Within one ordinary sentence, the words before a capitalised word coming back after it
# is rare, and both thresholds must hold.
MIN_ECHO_WORDS = 2
MIN_ECHO_SHARE = 0.5
MAX_ECHO_TITLE_WORDS = 16


def _stem(tok: str) -> str:
    return tok.strip("\"'“”‘’`()[],.;:!?").lower()[:5]


def _common_word_opens_lead(toks: list[str], j: int, lower_words: frozenset[str]) -> bool:
    """After a name, ``toks[j]`` opens the lead when it is a common word written capitalised ("… in Haiti |
    Rescuers have begun …"): the article writes it in lower case elsewhere, the word after it is lower
    case (not "Foreign Minister", "President Francois"), and the headline before it is in sentence case
    (a Title Case headline capitalises its common words too: "Obama Says Economic Crisis Comes First")."""
    cur = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else ""
    if cur.lower() not in lower_words or not nxt[:1].islower():
        return False
    return any(t.isalpha() and t.islower() and t not in STOPWORDS for t in toks[:j])


def _stems(toks: list[str]) -> set[str]:
    """Stems of the content words of ``toks`` (what a headline says)."""
    return {_stem(t) for t in toks if t.lower() not in STOPWORDS and len(_stem(t)) > 2}


def _retold(head: set[str], lead_toks: list[str]) -> tuple[float, int]:
    """(share, count) of the stems of ``head`` that ``lead_toks`` say again."""
    echo = len(head & {_stem(t) for t in lead_toks})
    return (echo / len(head) if head else 0.0), echo


def _open_quote(text: str) -> bool:
    """Does ``text`` leave a quotation open (more opening marks than closing ones)?"""
    opened = text.count("`") + text.count("‘") + text.count("“")
    return opened > text.count("'") + text.count("’") + text.count("”") or text.count('"') % 2 == 1


# How far into a lead a sentence opener capitalised after a lower-case word shows that the lead opens
# there instead: the rest of a headline ("UK school") is at most a few words.
_RESTART_WORDS = 4
# Words that open sentences and are never capitalised inside one (determiners, subject pronouns; not
# "May", a month, or "One", part of names).
_RESTART_OPENERS = frozenset(
    "a an the another this these those his her its their our my some many any each every he she they we there".split()
)


def _restarts_soon(toks: list[str], j: int) -> bool:
    """Does a sentence opener written capitalised right after a lower-case word ("… UK school Another
    nine …") follow within ``_RESTART_WORDS`` words of ``toks[j]``?  Prose capitalises "Another" or
    "The" mid-sentence only to open a name, mostly after a preposition ("by The Punk Show"); a
    scraper's seam does it after any word ("… to reform The Arab League has …")."""
    for k in range(j + 1, min(len(toks), j + 1 + _RESTART_WORDS)):
        cur, prev = toks[k], toks[k - 1]
        if cur[:1].isupper() and cur.lower() in _RESTART_OPENERS and prev.isalpha() and prev.islower():
            return prev not in STOPWORDS  # "joined by The Punk Show's host": after "by", "The" opens a name
    return False


def split_echo_title(text: str, lower_words: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(title, rest) when ``text`` opens with a sentence-case headline that the lead after it
    retells (see :data:`MIN_ECHO_SHARE`), else None.  ``lower_words``: words the article writes in
    lower case, so a headline ending on a name can end before a capitalised common word ("… in Haiti
    | Rescuers have begun …"), which a name never goes on with."""
    toks = text.split()
    if len(toks) < 10:
        return None
    # Ranked by the share of the headline's words the lead retells, then by how many: of two
    # splits the lead retells equally well ("Board launches | Dam appeal The board has launched an
    # appeal" and "Board launches Dam appeal | The board ..."), the one that leaves no headline
    # words in front of the lead is right.
    best: tuple[float, int, int] | None = None
    for j in range(3, min(MAX_ECHO_TITLE_WORDS, len(toks) - 6) + 1):
        prev, cur = toks[j - 1], toks[j]
        if not _capitalised(cur) or cur[:1].isdigit() or prev[-1:] in ".!?:;,-–—" or prev.lower() in _TITLE_LOWER:
            continue
        if prev.lower() in STOPWORDS:
            continue  # "said Obama": a name goes on
        if _capitalised(prev) and not prev.isupper() and not _common_word_opens_lead(toks, j, lower_words):
            continue  # "President Barack Obama": a headline ends on a lower-case word, or before a common one
        if _open_quote(" ".join(toks[:j])):
            continue  # inside a quotation: "oil spill ` enters Loop Current'"
        if _restarts_soon(toks, j):
            continue  # "… cases close | UK school Another nine UK cases …": the lead opens at "Another"
        head = _stems(toks[:j])
        if len(head) < 2:
            continue
        end = next((k for k in range(j, len(toks)) if toks[k][-1:] in ".!?"), len(toks) - 1)
        share, echo = _retold(head, toks[j : end + 1])
        if echo >= MIN_ECHO_WORDS and share >= MIN_ECHO_SHARE and (best is None or (share, echo) > best[:2]):
            best = (share, echo, j)
    if best is None:
        return None
    j = best[2]
    return " ".join(toks[:j]), " ".join(toks[j:])


# A photo caption or pull quote run into the lead: 'Jane Roe: "We will rebuild every house" Kelbrook mayor
# Jane Roe has promised ...'.  In prose a closing quotation mark is followed by punctuation or a
# lower-case word ('"a disaster", she said'; '"a disaster" that ...'); a capital straight after it
# opens a new sentence the scraper glued on.  The segment before it must hold no sentence end, the
# sentence after it must be a real one (:data:`MIN_LEAD_WORDS`), and the two must share a content word:
# a caption names whom or what the lead is about.
_QUOTED_HEAD_RE = re.compile(
    r"""^(?P<head>[^.!?"“`‘]{0,200}?(?:"[^"]{3,240}?"|“[^”]{3,240}?”|[`‘][^'’]{3,240}?['’]))\s+(?P<rest>[A-Z].*)$""",
    re.S,
)
MIN_LEAD_WORDS = 8
_NOT_SENTENCE_OPENERS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def split_quoted_head(text: str) -> tuple[str, str] | None:
    """(caption or headline ending on a quotation, rest) when ``text`` opens with one glued to
    the lead (see :data:`_QUOTED_HEAD_RE`), else None."""
    m = _QUOTED_HEAD_RE.match(text)
    if m is None:
        return None
    head, rest = m.group("head"), m.group("rest")
    inner = head.rstrip("\"”'’")[-1:]
    if inner in ",;:-–—":
        return None
    first = rest.split()[0]
    if first.strip(",.;:").lower() in _NOT_SENTENCE_OPENERS or first.endswith(("'s", "’s")):
        return None  # 'condemned "in the strongest terms" Friday's attack': the quotation's object
    end = re.search(r"[.!?](?:\s|$)", rest)
    lead = rest[: end.end()] if end else rest
    if len(lead.split()) < MIN_LEAD_WORDS:
        return None
    stems = {_stem(t) for t in head.split() if t.lower() not in STOPWORDS and len(_stem(t)) > 3}
    if not stems & {_stem(t) for t in lead.split()}:
        return None
    return head.strip(), rest


# A caption or headline in sentence case glued to the lead with no punctuation between: "Thousands
# are sleeping in the open Nearly a week after the quake, aid ...".  Inside a sentence a capitalised
# word after a lower-case one is a name ("told Jane Roe"), so the split needs a capitalised word that is
# no name: the same document uses it in lower case ("nearly"), or it is a function word ("Some", "The");
# the sentence must go on in lower case after it, and both parts must be long enough to be a caption
# and a lead.  Month and day names are names here ("fell in March the board said" is not two sentences).
MIN_CAPTION_WORDS = 5
_ARTICLES = frozenset({"A", "An", "The"})
# After a name (where a capitalised word most often goes on the name: "Tahrir Square", "Capital One",
# "This Is It tour"), only a word that opens sentences and never names, a determiner or a pronoun with
# a lower-case word after it, is a seam: "… in Cairo | Some state workers told CNN …", "… in Spain |
# More than 700 people …".
_OPENERS_AFTER_NAME = frozenset(
    "some many most more several few all both each it he she they we there these those".split()
)
# A count opens a sentence by itself: "… in Port-au-Prince | More than 2,000 US Marines are …".
_QUANTITY = re.compile(
    r"(?:(?:More than|Fewer than|Less than|Up to|At least|Nearly|Almost|About|Around|Over|Some) "
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|a dozen|a hundred|a thousand|a million)\b)"
    r"|(?:Dozens|Scores|Hundreds|Thousands|Millions|Tens of thousands) (?:of|have|had|were|are)\b)"
)


def split_glued_caption(text: str, lower_words: frozenset[str], articles_only: bool = False) -> tuple[str, str] | None:
    """(caption or headline, rest) when the first sentence of ``text`` is a sentence-case caption
    and a lead run together (see :data:`MIN_CAPTION_WORDS`); ``lower_words`` are the words the
    document writes in lower case; ``articles_only``: only a lead opening on "A", "An" or "The" (the
    surest seams, for a second caption after a first one was split off)."""
    toks = text.split()
    for j in range(MIN_CAPTION_WORDS, min(len(toks) - MIN_LEAD_WORDS, 60)):
        prev, cur = toks[j - 1], toks[j]
        if prev[-1:] in ".!?":
            return None  # the first sentence ended without a glued lead
        word = cur.lower().removesuffix(",")  # "However, one of them …"
        count = _QUANTITY.match(" ".join(toks[j : j + 4])) is not None
        # An article after a name ("… of Jackson A recording of …", "in Cardiff The band …") opens a
        # sentence as surely as after a lower-case word: a name is not followed by "A"/"The" in prose;
        # so does a determiner or pronoun that goes on no name (:data:`_OPENERS_AFTER_NAME`), or a count.
        name = prev[:1].isupper() and prev.replace("-", "").replace("'", "").isalpha()
        after_name = name and (
            cur in _ARTICLES
            or (
                # a title's words ("his This Is It tour"), a date's ("Thursday 14 January Up to …")
                prev.lower() not in STOPWORDS | _NOT_SENTENCE_OPENERS
                and ((word in _OPENERS_AFTER_NAME and toks[j + 1][:1].islower()) or count)
            )
        )
        # A caption may end on a number ("… died in June 2009 People who …", "at the age of 50 However, …").
        content_word = prev[-1:].isalpha() and prev[:1].islower() and prev.lower() not in STOPWORDS
        if not (after_name or prev.isdigit() or content_word):
            continue
        if articles_only and cur not in _ARTICLES:
            continue
        if (
            not cur[:1].isupper()
            or not (cur[1:].removesuffix(",").islower() or cur == "A")
            or not word.isalpha()
            or word in _NOT_SENTENCE_OPENERS
        ):
            continue
        nxt = toks[j + 1 : j + 4]
        if cur == "A" and not nxt[0][:1].isalnum():
            continue  # a label, not the article: "influenza A (H1N1) virus"
        if word in STOPWORDS:
            # "The Red Cross estimates": a content word in lower case within three words (a number not
            # counted: "Up to 10,000 US troops"), not "The Daily Post on"; a sentence adverb with its
            # comma ("However, one has been …") opens a sentence by itself.
            words = [t for t in toks[j + 1 : j + 7] if not t[:1].isdigit()][:3]
            if (
                not cur.endswith(",")
                and not count
                and not any(t[:1].islower() and t.lower().strip(",.;:") not in STOPWORDS for t in words)
            ):
                continue
        elif not count and (
            word not in lower_words or not nxt[0][:1].islower() or sum(1 for t in nxt if t[:1].islower()) < 2
        ):
            continue  # "the former Foreign Secretary", "a new daily World Service broadcast": a name goes on
        end = next((k for k in range(j, len(toks)) if toks[k][-1:] in ".!?"), len(toks) - 1)
        if end + 1 - j < MIN_LEAD_WORDS:
            return None
        return " ".join(toks[:j]), " ".join(toks[j:])
    return None


# A caption or headline glued before a lead that opens on "The"/"A" and a name (:func:`newsfuse.text.name_seams`);
# only the first paragraph's first sentence is searched.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)]*)(?:\s|$)")
_LEAD_END = re.compile(r"[.!?](?:\s|$)")


def _first_sentence(text: str) -> str:
    """``text`` up to its first sentence stop (the stop and a closing mark left out)."""
    end = _SENTENCE_END.search(text)
    return text[: end.start()] if end else text


def _lead_words(rest: str) -> int:
    """Words of the lead sentence that opens ``rest``."""
    end = _LEAD_END.search(rest)
    return len((rest[: end.end()] if end else rest).split())


def split_glued_name_lead(text: str) -> tuple[str, str] | None:
    """(caption or headline, rest) when the first sentence of ``text`` is a caption glued before a lead
    opening on "The"/"A" and a name (:func:`newsfuse.text.name_seams`), else None."""
    at = next(name_seams(_first_sentence(text)), None)
    if at is None:
        return None
    head, rest = text[:at].strip(), text[at:]
    if head.startswith("By ") or _CLOCK.search(head):
        return None  # a byline or a page's time stamp, not a headline or caption (other rules take those)
    if len(head.split()) >= MIN_CAPTION_WORDS and _lead_words(rest) >= MIN_LEAD_WORDS:
        return head, rest
    return None


# A caption (a clause with its verb, no full stop) glued before a lead that opens on a name and its
# verb: "Oil is now coating beaches along miles of coastline BP has begun sharing details of …",
# "Mr Obama has made three visits to Louisiana since the spill US President Barack Obama has pledged …"
# (the BBC's picture caption before its lead).  Inside one sentence a name after a lower-case content
# word is most often a descriptor's ("Energy giant BP said"), so the caption must hold a verb of its
# own, and the seam is not taken after a function word ("the Gulf of Mexico has"), a weekday or month
# ("the bet he placed Wednesday may be"), or within a clause that a comma, a conjunction or a relative
# word opens just before it ("not what BP chairman Jan Roe had in mind", ", and adviser Jan Roe was",
# "as new vice president Jan Roe said", "state TV says").
_AUXILIARY = r"is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does"
_NAME_LEAD_SEAM = re.compile(
    r"\b([a-z][a-z'’-]+)\s+(?=([A-Z][\w'’.-]*\s+(?:(?:and\s+)?[A-Z][\w'’.-]*\s+){0,3})(?:says|said|"
    + _AUXILIARY
    + r")\b)"
)
_CLAUSE_VERB = re.compile(r"\b(?:" + _AUXILIARY + r")\b")
_CLAUSE_OPENERS = frozenset(
    "and or but nor as what that which who whom whose when while where because if than since although though whether".split()
)
# Words before the seam searched for a comma, a conjunction or a relative word.
SEAM_CLAUSE_WORDS = 4
# Words before the seam that may be the lead's descriptor ("Oil giant", "BP's chief executive").
DESCRIPTOR_WORDS = 3
MAX_CAPTION_WORDS = 20


def split_caption_name_lead(text: str) -> tuple[str, str] | None:
    """(caption, rest) when the first sentence of ``text`` is a caption with its own verb glued before
    a lead opening on a name and its verb, else None."""
    for m in _NAME_LEAD_SEAM.finditer(_first_sentence(text)):
        opener = m.group(2).split()[0]
        if (
            m.group(1) in STOPWORDS or opener.lower() in _NOT_SENTENCE_OPENERS or opener == "I"
        ):  # "the website I have seen"
            continue
        head = text[: m.end()].strip()
        if _in_clause(head, frozenset()):
            continue
        n = len(head.split())
        if not MIN_CAPTION_WORDS <= n <= MAX_CAPTION_WORDS or not _CLAUSE_VERB.search(head):
            continue
        if head.startswith("By ") or _CLOCK.search(head):
            continue
        return _lead_after(text, m.end())
    return None


def _in_clause(head: str, also: frozenset[str]) -> bool:
    """Does a comma, a conjunction or a relative word (or a word of ``also``) among the last
    :data:`SEAM_CLAUSE_WORDS` words of ``head`` open a clause the seam would fall inside?"""
    near = head.split()[-SEAM_CLAUSE_WORDS:]
    return "," in " ".join(near) or any(w.lower() in _CLAUSE_OPENERS or w.lower() in also for w in near)


def _lead_after(text: str, seam: int) -> tuple[str, str] | None:
    """(caption, lead) cut at ``seam`` (the lead's descriptor going with it), when the lead is long enough."""
    cut = _with_descriptor(text, seam)
    head, rest = text[:cut].strip(), text[cut:]
    return (head, rest) if _lead_words(rest) >= MIN_LEAD_WORDS else None


def _with_descriptor(text: str, seam: int) -> int:
    """Where the lead starts when ``seam`` is before its name: the lead's descriptor goes with it
    ("… since the storm | Harbour master Jan Roe has …", "… for BP | Oil giant BP has …": a
    capitalised word after a lower-case content word, among the last few, with no verb after it)."""
    spans = [w.span() for w in re.finditer(r"\S+", text[:seam])]
    for k in range(max(1, len(spans) - DESCRIPTOR_WORDS), len(spans)):
        before, descriptor = text[slice(*spans[k - 1])], text[spans[k][0] : seam]
        if (
            descriptor[:1].isupper()
            and before[:1].islower()
            and before.lower() not in STOPWORDS  # "higher in | Inuit communities": the caption's words
            and not _CLAUSE_VERB.search(descriptor)
        ):
            return spans[k][0]
    return seam


# A caption glued before a lead whose subject is a possessive name: "… cardiac arrest in his rented home
# Michael Jackson's death was homicide …", "… despite the crackdown Russia's foreign minister has said …",
# "… China in 2002 Afghanistan's only known pig has been quarantined …".  Most often a possessive name
# inside a sentence is a verb's object ("welcomed Egypt's decision", "to capture Tunisia's momentum"), so
# the seam needs the possessive to be the subject of an auxiliary within three words (or after an
# apposition: "Jackson's personal physician, Conrad Murray, has gone on trial"), and the word before it
# to be no function word, no participle or past tense ("would have fired BP's boss had he …") and no
# verb of saying or knowing ("told reporters Haiti's government has …"); the caption must not open on a
# function word (an opening clause: "As the clock turns back Iraq's draft constitution is …") nor hold a
# dateline, and no comma or conjunction may open a clause just before the seam.
# A weekday or month may end the caption ("Jackson suffered a cardiac arrest in June | Michael Jackson's …").
_CALENDAR_WORD = "(?:" + "|".join(w.capitalize() for w in sorted(_NOT_SENTENCE_OPENERS)) + ")"
_POSSESSIVE_LEAD_SEAM = re.compile(
    r"(?<!\S)([a-z][a-z'’-]+|\d+|" + _CALENDAR_WORD + r")\s+(?=((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?:,\s+[A-Z][^,]{1,40},)?\s+(?:" + _AUXILIARY + r")\b)"
)
_REPORTING_VERBS = frozenset(
    "say says tell tells told believe believes think thinks know knows show shows reveal reveals suggest "
    "suggests claim claims insist insists argue argues warn warns hope hopes fear fears hear hears".split()
)
_CAPTION_OPENERS = frozenset({"a", "an", "the"})


def split_caption_possessive_lead(text: str) -> tuple[str, str] | None:
    """(caption, rest) when the first sentence of ``text`` is a caption glued before a lead whose
    subject is a possessive name (see above), else None."""
    first = _first_sentence(text)
    words = first.split()
    if not words or (words[0].lower() in STOPWORDS and words[0].lower() not in _CAPTION_OPENERS):
        return None
    for m in _POSSESSIVE_LEAD_SEAM.finditer(first):
        prev = m.group(1)
        if prev.lower() in STOPWORDS or prev.endswith(("ed", "ing")):  # ("May" is a stop word)
            continue
        head = text[: m.end()].strip()
        if _in_clause(head, _REPORTING_VERBS):
            continue
        if not MIN_CAPTION_WORDS <= len(head.split()) <= MAX_CAPTION_WORDS:
            continue
        if head.startswith("By ") or _CLOCK.search(head) or "(" in head or " - " in head or "--" in head:
            continue
        return _lead_after(text, m.end())
    return None


# A live page's day heading run into the entry under it: "Thursday 14 January Up to 10,000 US troops
# will be …" (a readers' stories page).  In prose a weekday and date open a sentence as its adverbial,
# with a comma or a lower-case word after them ("Thursday 14 January was the day …"), never glued to
# a capitalised word that a lower-case one follows.
_DAY_HEADING = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:\d{1,2}\s+"
    + _MONTH
    + r"|"
    + _MONTH
    + r"\s+\d{1,2})(?:,?\s+\d{4})?\s+(?=[A-Z][a-z'’]*\s+[a-z])"
)


def split_day_heading(text: str) -> tuple[str, str] | None:
    """(day heading, rest) when ``text`` opens with a weekday and date glued before a sentence
    (see :data:`_DAY_HEADING`) and the sentence is long enough to be a lead, else None."""
    m = _DAY_HEADING.match(text)
    if m is None or _lead_words(text[m.end() :]) < MIN_LEAD_WORDS:
        return None
    return text[: m.end()].strip(), text[m.end() :]


# A review's or column's standfirst with its author's credit, glued before the first sentence: "Colin
# Roe offers a magisterial account of the retreat in Kelbrook Burning, says Jan Vale The Australians at
# Kelbrook broke and ran."  ", says" and a name of two or three capitalised words, then a capitalised
# word (or a quotation) that is no part of the name: in a sentence "says Jan Vale" goes on in lower
# case or with punctuation.
_SAYS_CREDIT = re.compile(r",\s+says\s+")
MAX_STANDFIRST_CHARS = 400
# A standfirst is a sentence of its own before the credit (the shortest in t17-dev's reviews has 15 words).
MIN_STANDFIRST_WORDS = 14


def split_standfirst_credit(text: str) -> tuple[str, str, str] | None:
    """(standfirst with its credit, the author's name, rest) when ``text`` opens with a standfirst
    ending ", says <Name>" glued before the lead (see above), else None."""
    m = _SAYS_CREDIT.search(text, 0, MAX_STANDFIRST_CHARS)
    if m is None or _SENTENCE_END.search(text, 0, m.start()) or len(text[: m.start()].split()) < MIN_STANDFIRST_WORDS:
        return None  # a headline's "…, says Allen" is shorter than a standfirst
    toks = text[m.end() :].split()
    name: list[str] = []
    for tok in toks[:3]:
        if not tok[:1].isupper() or tok.lower() in STOPWORDS or not tok.replace("-", "").replace("'", "").isalpha():
            break
        name.append(tok)
    if len(name) == 3 and toks[3:4] and toks[3][:1].isupper():
        name = name[:2]  # "says Ewen Vale | Iraq Ablaze: …": a third capitalised word before another is the lead's
    if not 2 <= len(name) < len(toks) or not (toks[len(name)][:1].isupper() or toks[len(name)][:1] in '"“‘'):
        return None
    rest = " ".join(toks[len(name) :])
    if _lead_words(rest) < MIN_LEAD_WORDS:
        return None
    return f"{text[: m.end()]}{' '.join(name)}".strip(), " ".join(name), rest


# A photo caption between the headline and the lead that retells it (the BBC's page order): "Shelterbox
# tents replace Haiti hospital wards | A young amputee rests in a tent in Port au Prince | Tents from a
# Cornish charity are being used as makeshift hospital wards in Haiti."  With no full stop anywhere, what
# shows the seam is that the lead retells the headline (most of its words come back in the lead's
# sentence, see MIN_ECHO_SHARE) while the caption is a clause of its own in front of it.  The seam is
# where split_echo_title would put one (no function word, name particle, possessive or punctuation
# before it; after a name or an acronym, only a common word, an honorific or a two-word name the
# sentence already used: "… in Cardiff | Janet Jackson will not …" after "Janet Jackson said …"); of
# several seams whose leads retell the headline equally, the first (the longest lead) wins.
#
# Structure both parts must have, so that a seam inside one ordinary lead ("The United States is to sue |
# BP and eight other companies …", "… a nurse who works just outside the capital | Port-au-Prince says …")
# is not taken: the caption is a clause of its own (at least MIN_ECHO_CAPTION_WORDS words; not opening
# on a preposition or subordinator; its first verb not in a relative clause; not ending inside a noun or
# prepositional phrase: "… the infamous | Abu Ghraib", "… support for envoy | Kofi Annan's mission"; no
# dateline, no open bracket or quotation).  The lead has its own finite verb within MAX_LEAD_VERB_AT
# words, with no subordinator, clause comma ("…, saying it may …") or second seam before it ("Michael
# Jackson off propofol for his insomnia | Lawyers for … have": the caption runs on to the second seam).
MAX_ECHO_CAPTION_WORDS = 40
MIN_ECHO_CAPTION_WORDS = 7
MAX_LEAD_VERB_AT = 15
# Lower-case words inside names ("Port au Prince", "Ahmed al Assad"): no seam after them.
_NAME_PARTICLES = frozenset("au aux de del della der des di do dos du da al el bin ibn la le van von y".split())
_HONORIFICS = frozenset("Mr Mrs Ms Dr Sir Prof".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_VERB = r"(?:" + _AUXILIARY + r"|said|says|shows|show|seen|tells|told|[a-z]{2,}ed)"
# A verb in the present tense after its subject ("faces", "says"; not "is", "was", which are auxiliaries).
_PRESENT = r"[a-z]{3,}(?<!ss|us|is)s"
_CAPTION_VERB = re.compile(r"(?:" + _VERB + r"|" + _PRESENT + r")")
_LEAD_VERB = re.compile(r"^" + _VERB + r"$")
_RELATIVE = frozenset("who which that whose whom".split())
_SUBORDINATORS = frozenset("when while as after before if because since until although though where whether".split())
_CAPTION_OPENERS_OK = frozenset("a an the this these those his her its their our my some many most two three".split())
_DETERMINERS = frozenset("a an the his her its their this that these those our my your".split())
_PHRASE_PREPOSITIONS = frozenset("to for of with from by about against".split())
# Endings of adjectives, which go on with a noun ("the infamous | Abu Ghraib", "a new daily | World Service").
_ADJECTIVE_END = re.compile(r"(?:ous|al|ic|ive|ful|less|ian|ern|ese|ish|ly)$")
_DATELINE_MARK = re.compile(r"\([A-Z][\w .&'-]{1,30}\)\s*[-–—]|\s--\s|^By\s")
_PARENTHETICAL = re.compile(r",\s+(?:who|which)\b[^,]*,")


@dataclass(frozen=True)
class EchoCaption:
    headline: str | None  # the headline found in front of the caption (None: the title was known)
    caption: str
    rest: str


def _caption_shape(toks: list[str]) -> bool:
    """Has ``toks`` the shape of a caption (see above), its verb aside?"""
    text = " ".join(toks)
    if len(toks) < MIN_ECHO_CAPTION_WORDS or _DATELINE_MARK.search(text) or _open_quote(text):
        return False
    if text.count("(") != text.count(")"):
        return False
    first = toks[0].strip("\"'“‘(").lower()
    if first in STOPWORDS and first not in _CAPTION_OPENERS_OK:
        return False  # "In an advance chapter …", "As the situation deteriorates …": an opening clause
    prev, before = toks[-1], toks[-2].lower()
    return not (prev[:1].islower() and (_ADJECTIVE_END.search(prev) or before in _PHRASE_PREPOSITIONS))


def _caption_clause(toks: list[str]) -> bool:
    """Is ``toks`` a caption's clause (see above)?"""
    if not _caption_shape(toks):
        return False
    for k, t in enumerate(toks[1:], start=1):
        w = t.strip(",.;:")
        before_w = toks[k - 1].lower()
        if _CAPTION_VERB.fullmatch(w) and before_w not in _DETERMINERS | _PHRASE_PREPOSITIONS:
            return before_w not in _RELATIVE
    return False


def _lead_clause(toks: list[str], lower_words: frozenset[str]) -> bool:
    """Do ``toks`` open on a clause with its own finite verb (see above)?"""
    if _DATELINE_MARK.search(" ".join(toks[:12])):
        return False
    toks = _PARENTHETICAL.sub(",", " ".join(toks)).split()[:MAX_LEAD_VERB_AT]
    for k, t in enumerate(toks):
        w = t.strip(",.;:\"'’”")
        if w.lower() in _SUBORDINATORS or w.lower() in _RELATIVE:
            return False
        if k > 0:
            before = toks[k - 1]
            if before.endswith(",") and w[:1].islower() and not _LEAD_VERB.match(w):
                return False  # "…, saying it may …": a clause of the sentence before
            if w[:1].isupper() and (
                before.endswith(")")
                or (
                    before[:1].islower()
                    and before.lower() not in STOPWORDS
                    and (w.lower() in STOPWORDS or _common_word_opens_lead(toks, k, lower_words))
                )
            ):
                return False  # a second seam: what comes before it is still caption
            if _LEAD_VERB.match(w) and not (w.endswith("ed") and before.lower() in _DETERMINERS | {"being"}):
                # ("the alleged ringleader", "no agreement being reached": no finite verb)
                return before.lower() not in ("and", "or", "but")  # "… and were taken": no subject of its own
    return False


def _restarts_name(toks: list[str], j: int) -> bool:
    """Is the capitalised run opening at ``toks[j]`` a name of two or more words the sentence used
    before ("… in Cardiff | Janet Jackson will …" after "Janet Jackson said …")?"""
    run: list[str] = []
    for t in toks[j:]:
        w = t.strip(",.;:").removesuffix("'s").removesuffix("’s")
        if not w[:1].isupper() or not w.isalpha():
            break
        run.append(w)
        if w != t.strip(",.;:"):
            break  # a possessive ends the name: "Michael Jackson's sister"
    n = len(run)
    if n < 2:
        return False
    plain = [t.strip(",.;:").removesuffix("'s").removesuffix("’s") for t in toks[: j - 1]]
    return any(plain[i : i + n] == run for i in range(len(plain) - n + 1))


def _echo_seam(toks: list[str], j: int, lower_words: frozenset[str]) -> bool:
    prev, cur = toks[j - 1], toks[j]
    if not _capitalised(cur) or cur[:1].isdigit() or prev[-1:] in ".!?:;,-–—(" or not cur[:1].isalpha():
        return False
    if prev.endswith(("'s", "’s")):
        return False
    if prev.endswith(")"):
        return True  # "… Bashar al-Assad (L) | Iran's President …": the bracket closes what went before
    if any(toks[i] == prev and toks[i + 1] == cur for i in range(len(toks) - 1) if i != j - 1):
        return False  # the pair recurs as one name ("the Arab | League says Arab League Secretary …")
    if _LEAD_VERB.match(prev) and cur.endswith(("'s", "’s")):
        return False  # "… joined | Jackson's entourage": the verb's object
    if prev.lower() in STOPWORDS | _NAME_PARTICLES or cur.lower().strip(",") in _NOT_SENTENCE_OPENERS:
        return False
    if _capitalised(prev) and prev[:1].isalpha():
        # after a name or an acronym ("… in Aleppo US | Defense Secretary …"), only a common word, an
        # honorific or a name used before opens a sentence
        if cur.lower().strip(",") in _NUMBER_WORDS:
            return False  # "the Harmony | One remote": a number after a name is part of it
        return cur in _HONORIFICS or _common_word_opens_lead(toks, j, lower_words) or _restarts_name(toks, j)
    return True


def _lead_seam(
    toks: list[str], start: int, end: int, head: set[str], lower_words: frozenset[str]
) -> tuple[float, int, int] | None:
    """(share, echo, j): the seam after ``toks[start:j]`` (a caption) whose lead, up to ``end``, retells
    ``head`` best."""
    best: tuple[float, int, int] | None = None
    for j in range(start + MIN_ECHO_CAPTION_WORDS, end + 2 - MIN_LEAD_WORDS):
        if j - start > MAX_ECHO_CAPTION_WORDS:
            break
        if not _echo_seam(toks, j, lower_words) or not _caption_clause(toks[start:j]):
            continue
        if not _lead_clause(toks[j : end + 1], lower_words):
            continue
        share, echo = _retold(head, toks[j : end + 1])
        # the caption must not retell the headline as well as the lead does (then it is the lead)
        if (
            echo >= MIN_ECHO_WORDS
            and share >= MIN_ECHO_SHARE
            and (best is None or (share, echo) > best[:2])
            and _retold(head, toks[start:j])[0] < share
        ):
            best = (share, echo, j)
    return best


def split_echo_caption(text: str, title: str | None, lower_words: frozenset[str] = frozenset()) -> EchoCaption | None:
    """A caption glued before the lead that retells the headline (see above): the headline is
    ``title`` when known, else looked for in front of the caption."""
    toks = text.split()
    end = next((k for k in range(len(toks)) if toks[k][-1:] in ".!?" or toks[k][-2:] in ('."', ".”")), len(toks) - 1)
    if end + 1 < MIN_ECHO_CAPTION_WORDS + MIN_LEAD_WORDS:
        return None
    if title:
        head = _stems(title.split())
        if len(head) < 2:
            return None
        found = _lead_seam(toks, 0, end, head, lower_words)
        if found is None:
            return None
        j = found[2]
        return EchoCaption(None, " ".join(toks[:j]), " ".join(toks[j:]))
    best: tuple[float, int, int, int] | None = None
    last_k = min(MAX_ECHO_TITLE_WORDS, end - MIN_ECHO_CAPTION_WORDS - MIN_LEAD_WORDS)
    for k in range(MIN_TITLE_WORDS, last_k + 1):
        if not _echo_seam(toks, k, lower_words) or _open_quote(" ".join(toks[:k])):
            continue
        head = _stems(toks[:k])
        if len(head) < 3:
            continue
        found = _lead_seam(toks, k, end, head, lower_words)
        if found is not None and (best is None or found[:2] > best[:2]):
            best = (found[0], found[1], k, found[2])
    if best is None:
        return None
    k, j = best[2], best[3]
    return EchoCaption(" ".join(toks[:k]), " ".join(toks[k:j]), " ".join(toks[j:]))


# A caption that is a clause of its own, whatever its verb's form, glued before a lead that opens on its
# subject and an auxiliary (the BBC's picture caption before its lead): "Jane Roe assesses the scene at a
# pig farm | Egypt has begun …", "Campaigners unfurled a banner at the firm's headquarters | The firm has
# said …", "Tamiflu has been given to pupils at Kelbrook School | Four children … have been diagnosed",
# "… on businesses in Kelbrook | Kelbrook has begun …".  Inside one sentence a capitalised word after a
# lower-case noun is most often a name in apposition ("the aid charity Shelterbox are", "his son Tom
# was", "led by security adviser Jan Roe says") or the subject of a clause the sentence opened ("until
# his son Tom was killed", "over charges the president is", "the deal Iran has signed"), so the caption
# must be a finished clause:
# - a finite verb of its own (not after a determiner, preposition or relative word, not a participle
#   before "by"), with a word after it (no verb's object at the seam) and no comma after it but before a
#   preposition (no apposition left open: "Randy Roe, brother of the late star | Jan Roe, has");
# - every subordinator, relative word or verb of saying or knowing (whose clause may follow without
#   "that") followed by a verb before the next one (nothing left open: "whether the doctor who treated
#   the star | Jan Roe … should", "officials said on Monday | Iran has"; but "Jan Roe said he would have
#   fired the boss | Valley officials have …");
# - no list (";"), no comma or conjunction just before the seam;
# - the word before the seam a noun: no function word, verb (nor a base form after "to" or a modal:
#   "expected to formally suspend | Syria"), participle, adjective, or noun that takes a clause
#   ("charges", "reports");
# - after a name, the lead opens on the same name again, a two-word name the caption used, a number word
#   or determiner before a lower-case word, or a pronoun before its verb.
# The lead's first verb must be an auxiliary ("has begun", "are considering"), as the BBC's leads' are,
# not a past tense that a reduced relative clause also has ("the promises Mubarak made").  Or the lead
# opens on a phrase before its subject, whose first word prose never capitalises inside a sentence: a
# preposition, a subordinator, a participle ("… with Kelbrook | In any assessment …", "… school buildings
# | Perched on top of …").  Searched after the echo caption (which knows the headline), so that a
# headline's caption is not taken for its lead.
MAX_CLAUSE_CAPTION_WORDS = 25
# Words that open a lead on a phrase before its subject ("In any assessment of …, the minority could …",
# "As the crisis worsens, …"); "of", "and", "for" left out: a title-case name has them ("Bank Of …").
_LEAD_OPENERS = frozenset(
    "in on at along like after with despite since during across behind inside outside amid among before "
    "from under as when while although though because if once unlike".split()
)
# Count words: one opens a lead after a name ("… at Kelbrook School | Four children …"); none ends a
# caption ("saw three | Iraqi troops die": a count goes on with what it counts).
_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty "
    "ninety hundreds thousands dozens scores".split()
)
# A sentence stop with no space after it, between two words ("Copenhagen.Texas-born"; not "U.S.").
_GLUED_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A subordinator used as a preposition before a date ("since 20 April", "until Monday").
_DATE_PREPOSITION = re.compile(
    r"\b(?:since|until|after|before)\s+(?=\d|(?:"
    + "|".join(w.capitalize() for w in sorted(_NOT_SENTENCE_OPENERS))
    + r")\b)"
)
# A date phrase a caption may end on: "since 20 April", "on Wednesday", "in June".
_DATED = re.compile(r"(?:.*\s)?(?:on|since|in|until|from|by|last|next)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+$")
_SUBJECT_PRONOUNS = frozenset("it he she they we there".split())
_AUXILIARIES = frozenset(_AUXILIARY.split("|"))
_MODALS = frozenset("to will would can could may might must should".split())
_UNFINISHED_CLAUSE = _SUBORDINATORS | _RELATIVE
# Irregular past tenses, common in captions ("The worker fell ill on Wednesday", "An explosion led to …").
_IRREGULAR_PAST = frozenset(
    "fell led fled made took gave met won lost began came went left sent held kept saw ran shot struck fought "
    "brought caught wrote spoke stood sat rose fed built paid sold spent got grew drew threw flew broke chose "
    "drove wore became".split()
)
_SAYING = _REPORTING_VERBS | frozenset(
    "said told announced added explained stated believed thought knew showed revealed suggested claimed insisted "
    "argued warned hoped feared heard felt found admitted confirmed denied noted agreed realised realized learned "
    "saying telling claiming warning insisting arguing suggesting showing revealing believing thinking hoping "
    "fearing adding noting".split()
)
# Nouns a clause may follow without "that" ("over charges the president is using …").
_CLAUSE_NOUNS = frozenset(
    "charges allegations reports claims fears hopes concerns signs evidence news suggestions rumours rumors "
    "speculation warnings belief view fact".split()
)


def _finite_at(plain: list[str], words: list[str], k: int) -> bool:
    """Is ``plain[k]`` a finite verb of a caption: lower case (a headline's "Boards'" is none), not
    after a determiner, preposition or relative word, not a participle before "by" ("a delegation led
    by"), not a plural noun before "of" ("images of")?"""
    w = plain[k]
    if not w.islower() or not (_CAPTION_VERB.fullmatch(w) or w in _IRREGULAR_PAST):
        return False
    if words[k - 1] in _DETERMINERS | _PHRASE_PREPOSITIONS or words[k + 1] == "by":
        return False
    return not (w.endswith("s") and words[k + 1] == "of")


def _clause_caption_seam(toks: list[str], j: int, lower_words: frozenset[str]) -> bool:
    """May ``toks[j]`` open a lead glued after a clause caption (see above)?"""
    prev, cur = toks[j - 1], toks[j]
    word = cur.lower()
    if not cur[:1].isupper() or not cur.replace("-", "").isalpha() or cur == "I" or word in _NOT_SENTENCE_OPENERS:
        return False
    nxt = toks[j + 1].strip(",") if j + 1 < len(toks) else ""
    if prev.isdigit():  # "… died on 25 June 2009 | Jurors at the trial …": a common word or a name used before
        return (cur[1:].islower() and word in lower_words and nxt[:1].islower()) or _restarts_name(toks, j)
    if prev[:1].isupper():
        if word in _SUBJECT_PRONOUNS:
            return bool(_LEAD_VERB.match(nxt))  # "… in Kelbrook | It has …", not "This Is | It tour"
        if prev.lower() in _NOT_SENTENCE_OPENERS and _DATED.match(" ".join(toks[max(0, j - 3) : j])):
            # after a dated phrase ("since 20 April | Barack Obama has told …"), a name of two to four
            # words and an auxiliary
            run = 0
            while j + run < len(toks) and toks[j + run][:1].isupper() and toks[j + run].replace("-", "").isalpha():
                run += 1
            if 2 <= run <= 4 and j + run < len(toks) and toks[j + run] in _AUXILIARIES:
                return True
        opener = word.split("-")[0] in _COUNT_WORDS or word in _OPENERS_AFTER_NAME or cur in _ARTICLES
        return prev == cur or _restarts_name(toks, j) or (opener and nxt[:1].islower())
    if toks[j - 2].lower() in _MODALS or (j > 2 and toks[j - 3].lower() in _MODALS and toks[j - 2].endswith("ly")):
        return False  # "expected to formally suspend | Syria": a verb's object
    return (
        prev.isalpha()
        and prev.islower()
        and prev not in STOPWORDS | _NAME_PARTICLES | _SAYING | _CLAUSE_NOUNS | _IRREGULAR_PAST | _COUNT_WORDS
        and not _LEAD_VERB.match(prev)
        and not prev.endswith("ing")
        and not _ADJECTIVE_END.search(prev)
    )


def _finished_clause(toks: list[str]) -> bool:
    """Is ``toks`` a caption's clause with nothing left open at its end (see above)?"""
    undated = _DATE_PREPOSITION.sub("on ", " ".join(toks))  # "since 20 April" opens no clause
    if not _caption_shape(toks) or _in_clause(undated, frozenset()) or any(";" in t for t in toks):
        return False
    plain = [t.strip(",.:\"'“”‘’()") for t in toks]
    words = [w.lower() for w in plain]
    verbs = [k for k in range(1, len(words) - 1) if _finite_at(plain, words, k)]
    if not verbs or words[verbs[0] - 1] in _RELATIVE:
        return False
    # a comma after the verb opens an apposition ("Tom Roe is the youngest of the clan Tom Roe, brother
    # of the late singer | Jan Roe, has …") unless a preposition or subordinator follows it ("…
    # across the valley, despite the mayor's ban")
    if any(t.endswith(",") and words[k + 1] not in _LEAD_OPENERS for k, t in enumerate(toks[:-1]) if k >= verbs[0]):
        return False
    # ("since 20 April", "until Monday": a preposition before a date opens no clause)
    opens = [
        k
        for k, w in enumerate(words)
        if (w in _UNFINISHED_CLAUSE or w in _SAYING)
        and not (k + 1 < len(words) and (words[k + 1][:1].isdigit() or words[k + 1] in _NOT_SENTENCE_OPENERS))
    ] + [len(words)]
    return all(any(a < v < b for v in verbs) for a, b in pairwise(opens))


def _opening_phrase(toks: list[str], j: int, lower_words: frozenset[str]) -> bool:
    """Does ``toks[j]`` open a lead on a phrase before its subject, a preposition, a subordinator or a
    participle written capitalised after a word with no stop ("… with Kelbrook | In any assessment of …",
    "… school buildings | Perched on top of …"), before a lower-case word?"""
    prev, cur = toks[j - 1], toks[j]
    word = cur.lower()
    if not cur[:1].isupper() or not cur[1:].islower() or not prev[-1:].isalnum() or prev.lower() in STOPWORDS:
        return False
    if not (toks[j + 1][:1].islower() or toks[j + 1][:1].isdigit()):
        return False
    # a participle only after a lower-case word: after a capitalised one it may go on a name ("Fast Engineering")
    return word in _LEAD_OPENERS or (word.endswith(("ed", "ing")) and word in lower_words and prev.islower())


def _auxiliary_lead(toks: list[str], lower_words: frozenset[str]) -> bool:
    """Does ``toks`` open on a lead clause whose first verb is an auxiliary, or on a one-word name and its
    verb in the present tense ("BP faces more than 300 lawsuits"; a reduced relative clause has a past
    tense, "the promises Mubarak made")?"""
    if len(toks) > 2 and toks[0][:1].isupper() and toks[0].isalpha() and re.fullmatch(_PRESENT, toks[1]):
        return toks[0].lower() not in STOPWORDS and (toks[2][:1].islower() or toks[2][:1].isdigit())
    if not _lead_clause(toks, lower_words):
        return False
    first = next((t.strip(",.;:") for t in toks[:MAX_LEAD_VERB_AT] if _LEAD_VERB.match(t.strip(",.;:"))), "")
    return first in _AUXILIARIES


def split_clause_caption(text: str, lower_words: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(caption, rest) when the first sentence of ``text`` is a caption of its own glued before a lead
    opening on its subject and an auxiliary, or on a phrase before it (see above), else None."""
    first = _first_sentence(text)
    glued = _GLUED_STOP.search(first)  # "… from Kelbrook.Texas-born defender Jan Roe was …": two sentences
    first = first[: glued.start()] if glued else first
    spans = [m.span() for m in re.finditer(r"\S+", first)]
    toks = [first[a:b] for a, b in spans]
    for j in range(MIN_ECHO_CAPTION_WORDS, min(len(toks) - MIN_LEAD_WORDS, MAX_CLAUSE_CAPTION_WORDS) + 1):
        subject = _clause_caption_seam(toks, j, lower_words) and _auxiliary_lead(toks[j:], lower_words)
        if not (subject or _opening_phrase(toks, j, lower_words)) or not _finished_clause(toks[:j]):
            continue
        head, rest = text[: spans[j][0]].strip(), text[spans[j][0] :]
        return (head, rest) if _lead_words(rest) >= MIN_LEAD_WORDS else None
    return None


# A reporter's byline with the outlet, the reporter's job and the place reported from, glued before the
# first sentence (the BBC's page order): "By Jan Roe BBC News, Los Angeles Jackson was due to …", "By Jan
# Roe Business reporter, BBC News BP has …", "By Jan Roe BBC Diplomatic Correspondent Israel has …".  Only a
# known outlet's name ends the reporter's name safely; after it, "News" or a job ending on its job word
# ("International Development Correspondent"), then, after a comma, the place.  The place has no fixed
# length ("Cairo", "Los Angeles", "al-Qaim on the Iraq-Syria border", "in Tunis"): it ends before a word
# that opens the sentence after it, a capitalised common word ("Women have", "Many Syrian refugees"), a
# name of two words the text uses again ("Los Angeles | Michael Jackson died" with "Michael Jackson"
# further on), or a capitalised word before a lower-case one ("Los Angeles | Jackson was due") that no
# function word runs on from ("on the | Iraq-Syria border").
_JOB_WORD = r"(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Pp]roducer|[Aa]nalyst)"
_OUTLET_BYLINE = re.compile(
    r"^By\s+(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}?(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}?)?)"
    r"\s+(?:(?:[A-Z][a-z]+\s+){0,3}" + _JOB_WORD + r",\s+)?"
    r"(?:the\s+)?(?:" + KNOWN_NAME_PATTERN + r")"
    r"(?P<job>\s+News|\s+(?:[A-Za-z]+\s+(?:and\s+)?){0,4}" + _JOB_WORD + r")?"
    r"(?P<place>,\s+)?"
)
MAX_PLACE_WORDS = 6
_PLACE_WORDS = frozenset("on in at near the of de al el".split())


def _place_end(toks: list[str], text: str, lower_words: frozenset[str]) -> int | None:
    """How many of ``toks`` (what follows a byline's comma) are the place reported from (see above);
    ``text``: the article's text, where a name is looked for again."""
    for j in range(1, min(len(toks) - 1, MAX_PLACE_WORDS + 1)):
        cur, nxt, prev = toks[j], toks[j + 1], toks[j - 1].lower()
        if not cur[:1].isupper() or prev in _PLACE_WORDS:
            continue
        if cur.lower() in _OPENERS_AFTER_NAME | _CAPTION_OPENERS or (cur.lower() in lower_words and nxt[:1].islower()):
            return j  # "Many Syrian refugees", "Women have": not "Golan | Heights The …"
        name = cur + " " + nxt.removesuffix("'s").removesuffix("’s").rstrip(",")
        if nxt[:1].isupper() and nxt.lower() not in STOPWORDS and text.count(name) >= 2:  # here and again on
            return j
        if nxt[:1].islower() and nxt not in _NAME_PARTICLES:
            # a possessive name of two words opens the sentence ("Beirut | Kofi Annan's decision")
            two = j >= 2 and toks[j - 1][:1].isupper() and toks[j - 1].lower() not in _PLACE_WORDS
            return j - 1 if two and cur.endswith(("'s", "’s")) else j
    return None


def split_outlet_byline(
    text: str, lower_words: frozenset[str] = frozenset(), article: str = ""
) -> tuple[str, str, str] | None:
    """(byline, author, rest) when ``text`` opens with a reporter's byline naming a known outlet (see
    above) glued before its first sentence, else None; ``article``: the whole text, where a name after
    the place is looked for again (``text`` itself when not given)."""
    m = _OUTLET_BYLINE.match(text)
    if m is None:
        return None
    end = m.end()
    if m.group("place"):
        toks = text[end:].split()
        n = _place_end(toks, article or text, lower_words)
        if n is None:
            return None
        end += len(" ".join(toks[:n])) + (len(text[end:]) - len(text[end:].lstrip()))
    rest = text[end:].lstrip()
    if (not rest[:1].isupper() and rest[:1] not in "\"“‘'`") or _lead_words(rest) < MIN_LEAD_WORDS:
        return None
    first = rest.split()[0].lower()
    if not m.group("job") and not m.group("place") and first not in STOPWORDS and first not in lower_words:
        return None  # "By Jan Roe BBC | Russian The Kremlin …": the outlet's service, not the sentence, goes on
    return text[:end].strip(), m.group("author"), rest


__all__ = [
    "LEADING_STAMP_RE",
    "EchoCaption",
    "StampHeader",
    "split_caption_name_lead",
    "split_caption_possessive_lead",
    "split_clause_caption",
    "split_day_heading",
    "split_echo_caption",
    "split_echo_title",
    "split_glued_caption",
    "split_glued_name_lead",
    "split_glued_title",
    "split_outlet_byline",
    "split_quoted_head",
    "split_stamp_header",
    "split_standfirst_credit",
]
