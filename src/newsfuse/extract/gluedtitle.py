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

from newsfuse.text import STOPWORDS

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
# A page's publication stamp: a full date followed at once by a clock time and a time zone
# ("Tuesday 4 January 2005 08.43 GMT", "Jan. 4, 2005 8:43 AM EST"). A date with a clock time and a
# zone is page furniture: reporting writes "at 8.43am on Tuesday", not a stamp.
_STAMP_RE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2},?\s+\d{4})"
    r",?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:[aApP]\.?[mM]\.?\s*)?(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T)\b"
)
# A sentence's date, not a header's stamp, follows these words.
_STAMP_LEAD_IN = frozenset("since until till by between dated".split())
# The header before the stamp is at most a headline and a standfirst.
MAX_HEADER_WORDS = 70


def split_stamp_header(text: str) -> tuple[str, str, str] | None:
    """(header before the stamp, the stamp, the rest) when ``text`` opens with a page header that
    ends on a publication stamp ("Headline Standfirst Tuesday 4 January 2005 08.43 GMT The lead…"),
    else None. The header may be empty (the paragraph opens on the stamp)."""
    m = _STAMP_RE.search(text, 0, 1200)
    if m is None or len(text) - m.end() < 20:
        return None
    head = text[: m.start()].strip()
    if len(head.split()) > MAX_HEADER_WORDS:
        return None
    if head and head.split()[-1].lower() in _TITLE_LOWER | _STAMP_LEAD_IN:  # "ended on Tuesday 4 January…"
        return None
    rest = text[m.end() :].lstrip(" :.-–—|")
    if not rest[:1].isupper() and rest[:1] not in "\"'“‘(":
        return None
    return head, m.group(0), rest


def _capitalised(tok: str) -> bool:
    core = tok.strip("\"'“”‘’([{")
    return bool(core) and (core[0].isupper() or core[0].isdigit() or core[0] in "$£€")


def split_glued_title(text: str) -> tuple[str, str] | None:
    """(title, rest of the paragraph) when ``text`` opens with a glued headline, else None."""
    toks = text.split()
    if len(toks) < MIN_TITLE_WORDS + 4:
        return None
    j = 0
    while j < len(toks) and j <= MAX_TITLE_WORDS and (_capitalised(toks[j]) or toks[j].lower() in _TITLE_LOWER or toks[j] in "-–—"):
        j += 1
    if j >= len(toks) or j > MAX_TITLE_WORDS:
        return None
    # toks[j] is the first lower-case word: the sentence opened at the capitalised word before it,
    # or earlier over function words ("Back in the spring").
    start = j - 1
    while start > 0 and toks[start] in _TITLE_LOWER:  # lower-case function words only: "The" opens
        start -= 1
    if start < MIN_TITLE_WORDS:
        return None
    opener = toks[start].strip("\"'“‘(").lower()
    if not (opener in STOPWORDS or opener.endswith(("ing", "ed"))):
        return None
    title_toks = toks[:start]
    if title_toks[-1].lower() in _TITLE_LOWER or _DATELINE_RE.search(" ".join(title_toks)):
        return None
    content = [t for t in title_toks if t.lower() not in _TITLE_LOWER and t not in "-–—"]
    if sum(1 for t in content if _capitalised(t)) < MIN_CAPITALISED:
        return None
    # The sentence must go on in lower case: two of its next three words.
    nxt = toks[start + 1 : start + 4]
    if sum(1 for t in nxt if t[:1].islower()) < 2:
        return None
    return " ".join(title_toks), " ".join(toks[start:])


__all__ = ["split_glued_title", "split_stamp_header"]
