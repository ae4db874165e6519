"""Plain-text cleaning: scraped page text -> :class:`Article` (title, byline, dateline, body) with
every dropped block recorded as a :class:`RemovedBlock` with its reason and evidence.

How (no markup to lean on, so evidence is combined per line):

1. The text is split into blocks (one non-empty line each, see :mod:`.blocks`); each block gets a
   value: sentence-like text (length, stopword density, final punctuation) is positive, short
   lines a little negative, lines with explicit boilerplate wording (:mod:`.signals`) or repeated
   across other articles of the outlet/batch (:mod:`.corpus`) strongly negative.
2. The comment thread starts at the first comment-section header, comment signature
   (username + timestamp, "Reply", "Posted by X on DATE") or nested bulleted thread that follows
   real text; nothing after it is body.
3. The body is the contiguous run of blocks with the largest total value before that point
   (a maximum-sum segment, as in Finn et al.'s body-text extraction), plus any further run
   that is large on its own.
4. Inside the body, blocks with explicit boilerplate wording, captions and inline embed chrome are
   removed; title, byline and dateline are taken from the blocks just before it (:mod:`.textmeta`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial

from newsfuse.extract.blocks import Block, block_key, split_blocks
from newsfuse.extract.corpus import CorpusEvidence, outlet_group
from newsfuse.extract.dateline import before_dateline
from newsfuse.extract.gluedtitle import (
    LEADING_STAMP_RE,
    MAX_STANDFIRST_CHARS,
    split_caption_name_lead,
    split_caption_possessive_lead,
    split_clause_caption,
    split_day_heading,
    split_echo_caption,
    split_echo_title,
    split_glued_caption,
    split_glued_name_lead,
    split_glued_title,
    split_outlet_byline,
    split_quoted_head,
    split_stamp_header,
    split_standfirst_credit,
)
from newsfuse.extract.outletdetect import BEFORE_DATELINE, resolve_outlet
from newsfuse.extract.pullquote import split_pull_quote
from newsfuse.extract.signals import (
    COMMENT_DISCLAIMER,
    EMBED_CHROME_RE,
    GLUED_CLOSED_NOTE_RE,
    PHOTO_CREDIT_FIRST_RE,
    TIME_RE,
    boilerplate_reason,
    comment_header,
    comment_policy,
    comment_signature,
    contact_footer,
    contact_footer_start,
    credit_like,
    dated_caption,
    has_date,
    has_weekday_date,
    inline_comment_signature,
    is_timestamp,
    might_have_credit,
    related_header,
    username_like,
)
from newsfuse.extract.textmeta import (
    byline,
    dateline_date,
    dates_in,
    parse_date,
    pick_date,
    pick_title,
)
from newsfuse.model import Article, PublishedDate, RawDocument, Rejection, RemovalReason, RemovedBlock, make_paragraphs
from newsfuse.model import article_id as make_article_id
from newsfuse.options import Options
from newsfuse.text import STOPWORDS, split_sentences, words

# A line is sentence-like with at least this many words and this stopword density: running
# English prose is ~40-50 % function words, menus and headline lists are far below 20 %.
SENTENCE_MIN_WORDS = 6
SENTENCE_MIN_STOPWORDS = 0.2
# Stopword density at which a sentence-like line counts fully (below it, proportionally less).
FULL_STOPWORDS = 0.3
# Value of a line with explicit boilerplate wording or repeated in the corpus: more than a short
# body paragraph, so one such line is bridged inside the body only when real text surrounds it.
BOILERPLATE_VALUE = -15.0
# Value of a short non-sentence line: a menu of ten items costs as much as a 20-word paragraph.
SHORT_LINE_VALUE = -2.0
# Words of sentence-like text that must precede a comment marker before it can open the thread
# (a "Comments (3)" link in the page header is not the thread).
MIN_WORDS_BEFORE_COMMENTS = 40
# A weak comment marker (signature, username + timestamp) is ignored when the best text run after
# it is more than this many times the run before it: that is the article under its byline.
COMMENT_AFTER_RATIO = 2.0
# A comment-section header is trusted after a run of this value (a short article), or when the
# run after it is at most this many times the run before it.
STRONG_HEADER_MIN_BEFORE = 150.0
STRONG_AFTER_RATIO = 3.0
# A comment-section header opens the thread whatever the lengths when what follows has a thread's
# shape: within this many lines, at least THREAD_MIN_ENTRIES entries, each a signature line or a
# short name line before prose ("jsmith" / "This is a waste of money ...").  Short articles under
# long threads leaked whole before (the run after the header dwarfed the article).
THREAD_WINDOW = 30
THREAD_MIN_ENTRIES = 3
# Lines before a comment-section header searched for a question put to the readers (a forum
# page's call, "How concerned are you?", sits right above its "This debate is now closed.").
READER_QUESTION_WINDOW = 6
_YOU_RE = re.compile(r"\byou(?:r|rs)?\b", re.IGNORECASE)
# Words of prose before a copyright line for it to close the article.
MIN_WORDS_BEFORE_COPYRIGHT = 100
# A further text run is body when its value reaches this share of the main run's value, or
# this absolute value (a long article split by an ad block / "continued" links).
EXTRA_RUN_SHARE = 0.3
EXTRA_RUN_MIN = 40.0
# Words of prose in the three lines after a paragraph that make it the start of the article.
LEAD_WORDS = 20
# A list announced by a colon at the end of the body: at most this many items of at most this many words.
MAX_LIST_ITEMS = 100
MAX_LIST_ITEM_WORDS = 25
# Without English prose, lines of at least this many words are kept as body.
FALLBACK_MIN_WORDS = 8
# Lines under a "Related"/"More from" header are its items while they are this short and unbroken.
RELATED_ITEM_WORDS = 25
# No article has this many lines; past it a file is a dump, and cleaning it all would take minutes.
MAX_BLOCKS = 20_000
# A record line of at least this many words without closing punctuation is a caption or a teaser.
CAPTION_MIN_WORDS = 6
_CLOSING = frozenset(".!?\"”’')…:;")
# Words after a photo credit that opens a line for the rest to be judged as a paragraph of its own
# (fewer is the credit's tail or a caption fragment).
CREDIT_LEAD_MIN_WORDS = 4
# A sentence just before a photo credit is that photo's caption up to this length (the longest
# captions seen on news sites run to about 35 words; a paragraph's sentence before an inline photo
# is kept when longer).
CAPTION_BEFORE_CREDIT_MAX_WORDS = 40
# A caption sentence carrying its credit, or a credit line alone: 30 words covers "X greets Y in Z, via
# Agency/Source." and "Credit: Reuters/Jo Roe/Valley Museum/Handout".
CREDIT_LINE_MAX_WORDS = 30
# Times one glued-headline rule may split the start of the first paragraph: a headline, a standfirst
# and a caption are the most a page runs together before its lead (more splits would eat the lead).
GLUED_SPLITS_PER_RULE = 3
# Blocks before the body searched for the title and the byline/dateline.
HEADER_WINDOW = 25
# A tweet is at most 280 characters; inline embed text is taken back that far from its chrome.
EMBED_MAX_CHARS = 300


@dataclass
class _Line:
    block: Block
    n_words: int
    stop: float
    sentence: bool
    reason: tuple[RemovalReason, str] | None
    value: float = 0.0
    sig: bool = False  # a comment signature or per-comment widget
    repeated: bool = False  # only evidence against it: other articles of the batch have it (a headline
    # also appears in the related-links lists of its outlet's other pages)
    stamp: bool = False  # only a date/time
    credit_lead: bool = False  # opens with a photo credit ("Photograph: Jane Roe/AP The talks ...")
    caption_tail: bool = False  # its last sentence is the caption of the photo credited on the next line


def _sentence_like(text: str, n_words: int, stop: float) -> bool:
    if n_words < SENTENCE_MIN_WORDS or stop < SENTENCE_MIN_STOPWORDS:
        return False
    return n_words >= 15 or text.rstrip()[-1:] in '.!?"”’)…:'  # ':' announces a quote or a list


_EDITORIAL_NOTE_RE = re.compile(
    r"^(?:this|the above) (?:article|story|post|piece|report|entry|column)\s+(?:(?:is|was|has been|first|originally)\s*)?"
    r"(?:written|prepared|produced|published|originally|first|edited|updated|republished|appeared|posted|tagged)"
    r"|^(?:the\s+)?original(?:ly)?\s+(?:source|published|appeared|posted)\b|^editor'?s[’']? note\b"
    r"|^a version (?:of this (?:article|story) )?appeared (?:on|in) (?:p|page)"
    r"|^(?:a|an|the) (?:page \w+ |earlier |previous |front-page |\w+ section )?(?:article|story|version|headline|caption|report)\b"
    r"[^.]{0,80}\b(?:misstated|misidentified|misspelled|misquoted|misattributed|omitted|incorrectly [a-z]+"
    r"|gave the wrong|should have said)",
    re.I,
)
_AUTHOR_BIO_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was)\s+an?\s+.{0,80}\b(?:journalist|writer|author|reporter|"
    r"correspondent|columnist|editor|analyst|contributor|researcher|professor|blogger|fellow|commentator)\b"
)
_QUOTE_RE = re.compile(r"[\"“”]")


def _editorial_note(text: str) -> bool:
    """Sentences about the article rather than of it ("This article was originally published ...")."""
    return _EDITORIAL_NOTE_RE.match(text) is not None


def _author_bio(text: str) -> bool:
    return len(text.split()) <= 40 and _AUTHOR_BIO_RE.match(text) is not None


def _starts_sentence(text: str) -> bool:
    return not text or text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("


# A call to comment is a short line ("Have your say", "Discuss this story on the … message board").
COMMENT_CALL_MAX_WORDS = 15


def _line(b: Block, repeated: dict[str, str]) -> _Line:
    # A photo credit the scraper ran into the next paragraph ("Photograph: Jane Roe/AP BP said ...")
    # is judged by what follows it: the credit alone would make a lead sentence a caption.
    # ("Photo: Northern quay seen at dawn" is a caption after its label: no credit, judged whole.)
    credit = credit_lead_end(b.text)
    judged = b.text
    if credit is not None and len(b.text[credit:].split()) >= CREDIT_LEAD_MIN_WORDS:
        judged = b.text[credit:].strip()
    toks = words(judged)
    n = len(toks)
    stop = sum(map(STOPWORDS.__contains__, map(str.lower, toks))) / n if n else 0.0
    sent = _sentence_like(judged, n, stop)
    reason = boilerplate_reason(judged, n, sent)
    repeated_only = False
    if reason is None and n >= 3 and comment_policy(b.text):
        reason = ("comment", "rules for commenters")
    if reason is None and n >= 3 and _editorial_note(b.text):
        reason = ("disclaimer", "note about the article (editorial/publishing note)")
    if reason is None:
        detail = repeated.get(block_key(b)) if repeated else None
        if detail:
            reason = ("other", detail)
            repeated_only = True
    line = _Line(b, n, stop, sent, reason)
    line.repeated = repeated_only
    line.credit_lead = credit is not None
    line.sig = comment_signature(b.text) is not None
    if not line.sig and inline_comment_signature(b.text):
        line.sig = True
        if line.reason is None:
            line.reason = ("comment", "comment signature inside the line (date, time, Report abuse)")
    line.stamp = is_timestamp(b.text)
    if reason is not None or line.sig or line.stamp:
        line.value = min(BOILERPLATE_VALUE, -0.5 * n)
    elif b.link_chars > 0.5 * len(b.text):
        line.value = SHORT_LINE_VALUE * 1.5  # mostly link text: menus and related lists
    elif sent:
        line.value = n * min(1.0, stop / FULL_STOPWORDS)
    elif n >= 12:
        line.value = 0.3 * n * min(1.0, stop / FULL_STOPWORDS) + SHORT_LINE_VALUE
    else:
        line.value = SHORT_LINE_VALUE
    return line


def _comment_marker(lines: list[_Line], i: int, base_indent: int | None) -> tuple[str, bool] | None:
    """(evidence, strong) when the comment thread may start at line i, else None.  A section
    header ("Comments (3)", "Leave a reply") is strong; a signature or username + timestamp is
    weak (a byline "By JANE ROE / date" looks the same)."""
    b = lines[i].block
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    nxt2 = lines[i + 2] if i + 2 < len(lines) else None
    d = comment_header(b.text)
    if d:
        return f"{d}: {b.text[:60]!r}", True
    if lines[i].sig:
        if inline_comment_signature(b.text):
            return f"comment signature inside the line: {b.text[:60]!r}", True
        return f"comment signature/widget (username, date, Reply): {b.text[:60]!r}", False
    stamp_follows = nxt is not None and (nxt.stamp or nxt.sig or (nxt2 is not None and (nxt2.stamp or nxt2.sig)))
    if stamp_follows and nxt is not None and username_like(b.text) and not byline(b.text)[0]:
        if nxt.stamp or nxt.sig:
            return "username followed by a timestamp/Reply", False
        if (
            nxt2 is not None
            and (nxt.block.text == b.text or username_like(nxt.block.text))
            and (nxt2.stamp or nxt2.sig)
        ):
            return "username followed by a timestamp/Reply", False
    if b.bullet and base_indent is not None and b.indent > base_indent and username_like(b.text):
        return "nested bulleted thread (username, indented replies)", True
    return None


def _comment_start(lines: list[_Line]) -> tuple[int, str]:
    """Index of the first block of the comment thread (len(lines) when none) and the evidence.

    A marker opens the thread only after real text, and only when the text before it is not
    dwarfed by a text run after it (see the constants above)."""
    strong = 0
    base_indent = None
    prefix_best, suffix_best = _run_bounds([ln.value for ln in lines])
    for i, ln in enumerate(lines):
        if strong >= MIN_WORDS_BEFORE_COMMENTS:
            if i + 1 < len(lines) and GLUED_CLOSED_NOTE_RE.search(ln.block.text):
                # "… how to prevent its spread This debate is now closed." then the readers' posts
                return i + 1, f"thread closed: {ln.block.text[-60:]!r}"
            found = _comment_marker(lines, i, base_indent)
            reason = lines[i].reason
            if found and reason is not None and reason[1].startswith("comment signature inside"):
                # "| Report abuse |" and its kin are never article text: the thread has begun,
                # however much of it follows (a blog's thread can run to thousands of lines).
                return i, found[0]
            if found:
                why, is_strong = found
                before = prefix_best[i]
                after = suffix_best[i + 1]
                if after < EXTRA_RUN_MIN or after <= COMMENT_AFTER_RATIO * before:
                    return i, why
                # A section header opens the thread after a real article even when the thread is
                # longer than the article; before a mere teaser it is more likely a page tab.
                if is_strong and (before >= STRONG_HEADER_MIN_BEFORE or after <= STRONG_AFTER_RATIO * before):
                    return i, why
                if is_strong and _thread_shaped(lines, i + 1):
                    return i, f"{why}, then a thread's entries (names or signatures before prose)"
                if is_strong and _asks_readers(lines, i):
                    return i, f"{why}, after questions put to the readers"
        if ln.sentence and ln.reason is None:
            strong += ln.n_words
            if base_indent is None:
                base_indent = ln.block.indent
    return len(lines), ""


def _asks_readers(lines: list[_Line], i: int) -> bool:
    """Whether a question put to the readers ("What precautions are you taking?", "Are you in
    Mexico?") stands just before line ``i``: a forum page's call for posts, so a comment-section
    header after it opens the thread whatever its length (readers' posts without names or dates
    look like prose)."""
    for ln in lines[max(0, i - READER_QUESTION_WINDOW) : i]:
        t = ln.block.text.strip()
        if t.endswith("?") and _YOU_RE.search(t) and not _QUOTE_RE.search(t):
            return True
    return False


def _thread_shaped(lines: list[_Line], start: int) -> bool:
    """Whether the lines from ``start`` look like comment entries: signature lines, or short
    name-like lines each followed by a sentence (an article's subheads are followed by prose too,
    which is why this only confirms a comment-section header, never opens a thread alone)."""
    entries = 0
    window = lines[start : start + THREAD_WINDOW]
    for k, ln in enumerate(window):
        nxt = window[k + 1] if k + 1 < len(window) else None
        if ln.sig or (nxt is not None and nxt.sentence and not ln.sentence and username_like(ln.block.text)):
            entries += 1
            if entries >= THREAD_MIN_ENTRIES:
                return True
    return False


def _run_bounds(values: list[float]) -> tuple[list[float], list[float]]:
    """For every i: the best run sum within values[:i] and within values[i:] (linear time, so a
    long thread full of comment markers costs no more than a short one)."""
    n = len(values)
    prefix = [0.0] * (n + 1)
    ending = 0.0
    for i, v in enumerate(values):
        ending = max(0.0, ending) + v
        prefix[i + 1] = max(prefix[i], ending)
    suffix = [0.0] * (n + 2)
    starting = 0.0
    for i in range(n - 1, -1, -1):
        starting = max(0.0, starting) + values[i]
        suffix[i] = max(suffix[i + 1], starting)
    return prefix, suffix


def _best_run(values: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """Maximum-sum contiguous segment of values[lo:hi] as (start, end exclusive, sum)."""
    best = (lo, lo, 0.0)
    cur_start, cur = lo, 0.0
    for i in range(lo, hi):
        if cur <= 0:
            cur_start, cur = i, 0.0
        cur += values[i]
        if cur > best[2]:
            best = (cur_start, i + 1, cur)
    return best


def _body_runs(lines: list[_Line], limit: int) -> list[tuple[int, int]]:
    values = [ln.value for ln in lines]
    start, end, total = _best_run(values, 0, limit)
    if total <= 0:
        return []
    runs = [(start, end)]
    need = max(EXTRA_RUN_MIN, EXTRA_RUN_SHARE * total)
    # Further runs on either side (an article split by an ad block); each must be large on its own.
    changed = True
    while changed:
        changed = False
        lo_bound = 0
        for k, (s, e) in enumerate([*runs, (limit, limit)]):
            if s - lo_bound > 0:
                a, z, t = _best_run(values, lo_bound, s)
                if t >= need:
                    runs.insert(k, (a, z))
                    changed = True
                    break
            lo_bound = e
    return sorted(runs)


_COPYRIGHT_RE = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.I)


def _copyright_end(lines: list[_Line], limit: int) -> int:
    """A copyright line after real text closes the article: the body does not run past it
    (sidebars and footers below it can hold prose of their own)."""
    strong = 0
    for i in range(limit):
        ln = lines[i]
        if (
            strong >= MIN_WORDS_BEFORE_COPYRIGHT
            and ln.reason is not None
            and ln.reason[0] == "disclaimer"
            and ln.n_words <= 30
            and _COPYRIGHT_RE.search(ln.block.text)
        ):
            return i + 1
        if ln.sentence and ln.reason is None:
            strong += ln.n_words
    return limit


def _with_announced_list(lines: list[_Line], start: int, end: int, limit: int) -> tuple[int, int]:
    """Extend a body run that ends by announcing a list ("... were invited:") over the list items
    that follow (short lines a text score alone would drop), up to the first line that is not one."""
    last = next((i for i in range(end - 1, start - 1, -1) if lines[i].reason is None), None)
    if last is None or not lines[last].block.text.rstrip().endswith(":"):
        return start, end
    i = end
    while i < min(limit, end + MAX_LIST_ITEMS):
        ln = lines[i]
        if (
            ln.reason is not None
            or ln.sig
            or ln.stamp
            or ln.n_words > MAX_LIST_ITEM_WORDS
            or related_header(ln.block.text)
        ):
            break
        i += 1
    return start, i


def _title_like(text: str) -> bool:
    ws = text.split()
    if not 3 <= len(ws) <= 20 or text.rstrip()[-1:] in ".,;:":
        return False
    caps = sum(1 for w in ws if w[:1].isupper() or w[:1].isdigit())
    return caps >= 0.5 * len(ws)


def _reason_outside(ln: _Line, where: str, in_related: bool, after_thread: bool) -> tuple[RemovalReason, str]:
    t = ln.block.text
    if where == "comments" and not after_thread and (ln.reason is None or username_like(t)):
        return "comment", "inside the comment thread"
    if ln.reason is not None:
        return ln.reason
    if _author_bio(t):
        return "other", f"author bio {where}"
    if in_related and ln.n_words <= RELATED_ITEM_WORDS:
        return "related", f"headline under a related-content header ({where})"
    if _title_like(t) and ln.n_words >= 4 and not ln.sentence:
        return "related", f"headline-like line {where}"
    if ln.n_words <= 4:
        return "navigation", f"short line {where}"
    if where == "comments":
        return "comment", "after the comment thread started"
    return "other", f"low text score {where} ({ln.n_words} words, stopwords {ln.stop:.2f})"


# Furniture scrapers glue to the start of a paragraph:
# - a photo credit before the lead ("Photograph: Jane Roe/AP Soon after taking over, ..."): the
#   credit runs to its last slash-separated part, which ends at a photo agency's name or at the
#   next one or two capitalised words;
# - a wire page's place/time header ("NEW YORK | Tue Jul 6, 2010 5:28 am EDT NEW YORK (Reuters) - ...").
# After the credit's last slash: one word ("Jane Roe/Getty The talks ...", "…/REUTERS BP said"), or one
# of the two-word agency names.
_LAST_CREDIT_PART = (
    r"(?:Getty Images|Associated Press|Rex Features|Press Association|Camera Press|Zuma Press|Public Domain"
    r"|[A-Za-z][\w.'’&-]*)"
)
_PHOTO_AGENCY = (
    r"(?:Getty [Ii]mages|Getty|AFP|AP|Reuters|EPA|Rex Features|Rex|PA|Alamy|Corbis|Public Domain|Bloomberg|Zuma(?: Press)?|Sipa|"
    r"Xinhua|Handout|Pool|Shutterstock|Press Association|Camera Press|Eyevine|Polaris|Redux|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?)"
)
_AGENCY_SLASH_RE = re.compile(r"(?:\bAP|AFP|Reuters|REUTERS|EPA|PA|Getty Images|Getty)\\?/[A-Z][\w.'’&-]*$")
# Agencies whose name may close a credit ("AFP/Getty"): no photographer's first name.
_AGENCY_WORDS = frozenset(("ap", "afp", "reuters", "epa", "pa", "getty", "rex", "corbis", "bloomberg", "xinhua"))
# A broadcast transcript's speaker label as its first turn writes it: a full name, often a role ("JANE ROE,
# VALLEY TV ANCHOR: "); a one-word label ("TIMELINE: ") is as likely a kicker.
_SPEAKER_LABEL_RE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,4}(?:,\s*[A-Z][A-Z0-9 .,'’&()-]{1,80}?)?:\s")
_CREDIT_WORD_RE = re.compile(r"\s+([A-Z][\w.'’&-]*)(?=\s)")
# "Photograph: Jane Roe/AP" opening a line: the credit of the photo whose caption came just before.
_CREDIT_LEAD_RE = re.compile(
    r"^(?:Photograph|Photo|Picture|Image|Photos|Illustration|Graphic)s?\s*:\s*(?:(?:[^/\n]{1,40}?\\?/){1,4}"
    + _LAST_CREDIT_PART
    + "|"
    + _PHOTO_AGENCY
    + r")(?:\s+for\s+(?:the\s+)?[A-Z][\w.'’-]*)?(?=\s|$)"
)
_LEADING_FURNITURE: tuple[tuple[re.Pattern[str], RemovalReason, str], ...] = (
    (PHOTO_CREDIT_FIRST_RE, "caption", "wire photo credit at the start of the paragraph"),
    (
        # A link's label in brackets before the text, a call to act: "(Download Audio File) During a speech
        # …", "(Visit Reykjavik) The city …" (a source in brackets, "(Financial Times) …", is kept)
        re.compile(
            r"^\((?:download|visit|watch|listen(?:\s+to)?|view|play|hear|read\s+more)\b[^()]{0,40}\)\s*(?=[A-Z\"“‘])",
            re.I,
        ),
        "other",
        "link label in brackets at the start of the paragraph",
    ),
    (
        # A reporter's credit line run into the lead: "Jane Roe reports On April 15, 2003, in …" (in prose
        # "reports" takes "that" or an object in lower case, not a new sentence's capital or figure)
        re.compile(r"^(?:[A-Z][a-z'’-]+\s){1,2}[A-Z][a-z'’-]+\s+reports\s+(?=[A-Z\d])(?!(?:[A-Z]{2,}|[A-Z]\.))"),
        "other",
        "reporter's credit line at the start of the paragraph",
    ),
    (
        re.compile(
            r"^(?:the\s+)?(?:opinions|views)\s+expressed\s+(?:here\s+|in this (?:article|column|post)\s+)?are\s+"
            r"(?:his|her|their|the author'?s|the writer'?s)\s+own\.?\s*(?:--|[-–—:])?",
            re.I,
        ),
        "disclaimer",
        "opinion disclaimer at the start of the paragraph",
    ),
    (
        # "13 June 2012 Last updated at 21:40 GMT Help ..." / "Updated: March 3, 2011 10:02 a.m. ET"
        re.compile(
            r"^(?:(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s+)?"
            r"(?:last\s+)?(?:updated|published|posted)\s*(?:at|on|:)?\s*"
            r"(?:(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}),?\s+)?"
            r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|[ECMP][SD]?T)?(?:\s+Help\b)?(?=\s)",
            re.I,
        ),
        "other",
        "page time stamp at the start of the paragraph",
    ),
    (
        # "Page last updated at 05:27 GMT, Tuesday, 27 September 2031 06:27 UK": the clock time first, then
        # the date and the same time in the local zone
        re.compile(
            r"^(?:page\s+)?last\s+updated\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|BST|[ECMP][SD]?T)?,?\s+"
            r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
            r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
            r"(?:\s+\d{1,2}[:.]\d{2}(?:\s+(?:UK|local|ET|GMT))?)?(?=\s)",
            re.I,
        ),
        "other",
        "page time stamp at the start of the paragraph",
    ),
    (LEADING_STAMP_RE, "other", "page time stamp at the start of the paragraph"),
    (
        # the agency's name closing a photo caption, split onto the next paragraph: "AP Numerous
        # organizations are mobilizing …", "AP Photo The White House is denying …" (a capitalised
        # word after it, in lower case after its first letter: not "AP-Moller", "APTN", "AP WASHINGTON")
        re.compile(r"^AP(?:\s+Photo)?(?=\s+[A-Z][a-z]+\s)"),
        "caption",
        "photo agency credit at the start of the paragraph",
    ),
    (
        # A web server's error message where a page include failed (Apache server-side includes print
        # this exact text), scraped with the page
        re.compile(r"^[(\[]?an error occurred while processing this directive[)\]]?", re.I),
        "other",
        "web server error message at the start of the paragraph",
    ),
    (
        re.compile(
            r"^(?:[A-Z][A-Za-z .,'’\\/-]{1,60}?\s*\|\s*)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
            r"(?:\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?)?(?=\s)"
        ),
        "other",
        "page header (place and time stamp) at the start of the paragraph",
    ),
    (
        # A blog header: "Jane Roe | 15:39 UK time, Tuesday, 1 June 2010 ..."
        re.compile(
            r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*\|\s*[^|]{0,40}?"
            r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})(?=\s)"
        ),
        "other",
        "byline and time stamp at the start of the paragraph",
    ),
)


def credit_lead_end(text: str, sentence_after: bool = True) -> int | None:
    """Where a photo credit opening the text ends ("Photograph: AP/Kevin Roe The talks ..." → after
    "Roe"); None when the text opens with no credit or, with ``sentence_after``, when what follows
    starts no sentence ("Photo: Northern quay seen at dawn" is a caption after its label)."""
    m = _CREDIT_LEAD_RE.match(text) if text[:1] in "PIG" else None
    if m is None:
        return None
    end = m.end()
    last = m.group(0).rsplit("/", 1)[-1]
    if _AGENCY_SLASH_RE.search(m.group(0)) and last.lower() not in _AGENCY_WORDS:
        # "AP/Kevin Roe": after an agency comes its photographer's full name, when the word after
        # the name starts a sentence and the name's second word is no sentence's first ("AP/Getty The").
        nxt = _CREDIT_WORD_RE.match(text, end)
        if nxt and nxt.group(1).lower() not in STOPWORDS and _starts_sentence(text[nxt.end() :].lstrip()):
            end = nxt.end()
    last_space = text.rfind(" ", m.start(), end)
    if (
        text.startswith(("Illustration", "Graphic"), m.start())
        and text[end:].lstrip()[:1].islower()
        and last_space > text.find(":", m.start()) + 1
    ):
        # "Illustration: BP Trying to win back …": a one-word credit, then the sentence's first word.
        # Not for photos: "Photo: Northern Illinois field taken …" is a label before a caption.
        end = last_space
    return end if not sentence_after or _starts_sentence(text[end:].lstrip()) else None


# A caption and its credit run into a paragraph with no stop before the credit: "… the lead | A heavily oiled
# bird struggles to get on to a boom Photograph: Gerald Herbert/AP | Russia's top energy official said …"
# (the Guardian's picture, as t17-dev's records carry it).  The caption is what runs from the last
# sentence stop before the credit label; it goes with the credit when it is 3 to MAX_MID_CAPTION_WORDS
# words (a standfirst run into it goes too) and a sentence starts after the credit, or the credit ends
# the paragraph.
_MID_CREDIT_RE = re.compile(r"\s(?=(?:Photograph|Photo|Picture|Image|Illustration|Graphic)s?\s*:\s)")
_STOP_RE = re.compile(r"[.!?][\"”’)]*\s")
MAX_MID_CAPTION_WORDS = 60
MIN_REST_WORDS = 8


def _mid_credit(text: str) -> tuple[str, str] | None:
    """(text without it, the caption and credit) for a caption and credit inside ``text`` (see above)."""
    m = _MID_CREDIT_RE.search(text)
    if m is None:
        return None
    after = text[m.end() :]
    end = credit_lead_end(after)
    if end is None:
        end = credit_lead_end(after, sentence_after=False)
        if end is None or after[end:].strip():
            return None  # the credit neither ends the paragraph nor comes before a sentence
    rest = after[end:].lstrip(" :.-–—|")
    before = text[: m.start()]
    stops = list(_STOP_RE.finditer(before))
    start = stops[-1].end() if stops else 0
    caption = before[start:].strip()
    if not 3 <= len(caption.split()) <= MAX_MID_CAPTION_WORDS or (rest and len(rest.split()) < MIN_REST_WORDS):
        return None
    kept = f"{before[:start].strip()} {rest}".strip()
    return kept, f"{caption} {after[:end].strip()}"


def _strip_inline(
    text: str, title: str | None, mid_credit: bool = True
) -> tuple[str, list[tuple[RemovalReason, str, str]]]:
    """Remove a repeated title prefix, inline embed chrome (with the embedded post) and inline
    photo credits from one body paragraph.  Returns the text and (reason, removed text, detail)."""
    removed: list[tuple[RemovalReason, str, str]] = []
    pull = split_pull_quote(text) if "End Quote" in text else None
    if pull is not None:
        removed.append(("caption", pull[0], "pull-quote box (quote, speaker and role) run into the paragraph"))
        text = pull[1]
    if title:
        # The headline (or its part after a "KICKER:" label) repeated at the start of the lead.
        for tl in (title.strip(), title.split(":", 1)[-1].strip()):
            # ... before a new sentence: a name the headline ends on may open the lead's sentence
            # ("…: Human Rights Watch" / "Human Rights Watch (HRW) called on …")
            after = text[len(tl) :].lstrip(" :.-–—")[:1]
            if (
                len(tl) > 15
                and text.lower().startswith(tl.lower())
                and len(text) > len(tl) + 20
                and (after.isupper() or after in "\"“‘'")
            ):
                removed.append(("other", text[: len(tl)], "headline repeated at the start of the paragraph"))
                text = text[len(tl) :].lstrip(" :.-–—")
                break
    for rx, reason, detail in _LEADING_FURNITURE:
        lead = rx.match(text)
        if lead and len(text) > lead.end() + 20:
            removed.append((reason, text[: lead.end()].strip(), detail))
            text = text[lead.end() :].lstrip(" :.-–—|")
    credit_end = credit_lead_end(text, sentence_after=False)
    if credit_end is not None and len(text) > credit_end + 20:
        removed.append(("caption", text[:credit_end].strip(), "photo credit at the start of the paragraph"))
        text = text[credit_end:].lstrip(" :.-–—|")
    mid = _mid_credit(text) if mid_credit else None  # (the first paragraph's after its glued headline)
    if mid is not None:
        removed.append(("caption", mid[1], "photo caption and credit inside the paragraph"))
        text = mid[0]
    m = EMBED_CHROME_RE.search(text) if "(@" in text else None
    while m:
        before = text[: m.start()]
        sents = split_sentences(before)
        keep = list(sents)
        taken: list[str] = []
        while keep and sum(len(s) for s in taken) + len(keep[-1]) <= EMBED_MAX_CHARS:
            taken.insert(0, keep.pop())
        chrome = m.group(0)
        removed.append(
            ("embed", " ".join([*taken, chrome]).strip(), "social-media embed (post text + '— Name (@handle) date')")
        )
        text = (" ".join(keep) + " " + text[m.end() :]).strip()
        m = EMBED_CHROME_RE.search(text)
    footer = contact_footer_start(text) if "@" in text else None
    if footer is not None and footer > 0:
        removed.append(("other", text[footer:].strip(), "site contact footer glued to the paragraph's end"))
        text = text[:footer].rstrip()
    contact = "@" in text or "switchboard" in text or "If you" in text
    sents = split_sentences(text) if contact or might_have_credit(text) or has_weekday_date(text) else []
    if len(sents) > 1:
        kept = []
        changed = False
        for s in sents:
            credit = PHOTO_CREDIT_FIRST_RE.match(s) if s.startswith("(") else None
            if credit and len(s) > credit.end() + 20:  # the previous photo's credit before the next sentence
                removed.append(("caption", credit.group(0), "wire photo credit inside a paragraph"))
                s = s[credit.end() :].lstrip()
                changed = True
            if contact and contact_footer(s):
                removed.append(("other", s, "site contact footer inside a paragraph"))
                continue
            # A caption sentence is short and carries a credit (CREDIT_LINE_MAX_WORDS)
            if (credit_like(s, max_words=CREDIT_LINE_MAX_WORDS) or dated_caption(s)) and not _QUOTE_RE.search(s):
                removed.append(("caption", s, "photo caption/credit inside a paragraph"))
                continue
            kept.append(s)
        if len(kept) < len(sents) or changed:
            text = " ".join(kept)
    return text.strip(), removed


def clean_text(doc: RawDocument, options: Options) -> Article | Rejection:
    """Clean one plain-text document (no corpus evidence; see :func:`clean_texts`)."""
    return _clean(doc, options, {}, None)


def clean_texts(docs: list[RawDocument], options: Options) -> list[Article | Rejection]:
    """Clean a batch: one output per input, in order, using lines repeated across the batch."""
    blocks = [split_blocks(d.content) if isinstance(d.content, str) else [] for d in docs]
    corpus = CorpusEvidence.build(docs, blocks) if options.clean.use_corpus_evidence else None
    out: list[Article | Rejection] = []
    for i, doc in enumerate(docs):
        try:
            out.append(_clean(doc, options, corpus.for_doc(i) if corpus else {}, blocks[i]))
        except Exception as e:  # one bad document must not end the run: record it
            out.append(Rejection(doc.origin, "clean_error", f"{type(e).__name__}: {e}", stage="clean"))
    return out


def _clean(
    doc: RawDocument, options: Options, repeated: dict[str, str], blocks: list[Block] | None, today: date | None = None
) -> Article | Rejection:
    """One document through the cleaner's phases: find the body, mark captions and bios, pick the
    title, byline and dateline, clean the body paragraphs, give every other line its reason, then
    the publication date and the outlet."""
    if not isinstance(doc.content, str):
        raise ValueError(f"RawDocument.content must be str, got {type(doc.content).__name__}")
    if blocks is None:
        blocks = split_blocks(doc.content)
    if not blocks:
        return Rejection(doc.origin, "empty", "no text lines", stage="clean")
    notes: list[str] = []
    if len(blocks) > MAX_BLOCKS:
        notes.append(f"only the first {MAX_BLOCKS} of {len(blocks)} lines were cleaned; the rest was dropped unread")
        blocks = blocks[:MAX_BLOCKS]
    lines = [_line(b, repeated) for b in blocks]
    _mark_comment_widgets(lines)
    _mark_correction_tails(lines)
    _mark_captions_before_credits(lines)
    _mark_chat_questions(lines)
    barrier, barrier_why = _comment_start(lines)
    end_limit = _copyright_end(lines, barrier)
    runs, in_body = _find_body(lines, end_limit, notes)
    _mark_bios(lines, runs)
    if doc.kind == "record":
        _mark_record_captions(lines, in_body)
    first = runs[0][0] if runs else barrier
    last = runs[-1][1] if runs else barrier
    _mark_credit_captions(lines, in_body)

    body_idx = [i for i in range(len(lines)) if in_body[i] and lines[i].reason is None]
    title, title_line = _find_title(doc, lines, body_idx, first, barrier)
    header = _find_header(doc, lines, title_line, first, barrier)
    paragraphs, removed, title, author = _body_paragraphs(lines, body_idx, title_line, header, title)
    removed.extend(
        _removed_outside(lines, in_body, body_idx, title_line, header.meta_lines, barrier, barrier_why, first)
    )
    removed.sort(key=lambda r: r.position)

    body_text = "\n\n".join(paragraphs)
    if len(body_text) < options.clean.min_body_chars:
        return Rejection(
            doc.origin,
            "no_text",
            f"{len(body_text)} characters of body after cleaning (min {options.clean.min_body_chars})",
            stage="clean",
        )

    published = _publication_date(doc, lines, header.blocks, paragraphs, barrier, last, notes, today)
    outlet, outlet_source, wire = resolve_outlet(doc, paragraphs, removed)
    return Article(
        id=make_article_id(doc.name or doc.origin, doc.content),
        origin=doc.origin,
        paragraphs=make_paragraphs(paragraphs),
        title=title,
        outlet=outlet,
        outlet_source=outlet_source,
        wire=wire,
        author=author,
        url=doc.url,
        published=published,
        language=doc.language,
        input_format=doc.input_format,
        removed=removed,
        notes=notes,
    )


def _find_body(lines: list[_Line], end_limit: int, notes: list[str]) -> tuple[list[tuple[int, int]], list[bool]]:
    """The body runs (start, end) and which lines lie in one."""
    runs = [_with_announced_list(lines, s, e, end_limit) for s, e in _body_runs(lines, end_limit)]
    in_body = [False] * len(lines)
    for s, e in runs:
        for i in range(s, e):
            in_body[i] = True
    if not runs:
        # No English prose at all (another language, or a list-like text): keep every long line
        # that carries no boilerplate evidence rather than reject a text we cannot judge.
        for i in range(end_limit):
            ln = lines[i]
            if ln.reason is None and not ln.sig and not ln.stamp and ln.n_words >= FALLBACK_MIN_WORDS:
                in_body[i] = True
        if any(in_body):
            notes.append("no English prose found: kept every long line without boilerplate evidence")
            first = in_body.index(True)
            runs = [(first, len(in_body) - in_body[::-1].index(True))]
    return runs, in_body


def _mark_bios(lines: list[_Line], runs: list[tuple[int, int]]) -> None:
    """An author's bio ("Jane Roe is a freelance journalist.") at the end of the body is not body."""
    for _s, e in runs:
        for i in range(e - 1, max(_s, e - 3) - 1, -1):
            if lines[i].reason is None and _author_bio(lines[i].block.text):
                lines[i].reason = ("other", "author bio after the body")
        # ... nor one introducing the author above it ("Jane Roe is a regular contributor to ...").
        if lines[_s].reason is None and _author_bio(lines[_s].block.text):
            lines[_s].reason = ("other", "author bio before the body")


def _mark_record_captions(lines: list[_Line], in_body: list[bool]) -> None:
    """A scraper record keeps captions and teasers as lines of their own among the sentences;
    a line of several words without closing punctuation between sentence lines is one of
    those (a plain-text page's headlines are judged by the title and run rules instead)."""
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if (
            ln.reason is None
            and in_body[i]
            and ln.n_words >= CAPTION_MIN_WORDS
            and ln.block.text.rstrip()[-1:] not in _CLOSING
            and lines[i - 1].sentence
            and lines[i + 1].sentence
        ):
            ln.reason = ("caption", "record line without closing punctuation between sentences (a caption or teaser)")


# A site's "Latest comments" box, anywhere on the page (often before the article): under a comment
# header, lines of "Name on Post title: the comment …" (the blog widget's form).  Two such lines in a
# row are the box; the reader's words in it are comments, not the story's text.
_WIDGET_COMMENT_RE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} on [^:]{5,160}?: \S")
WIDGET_MIN_ITEMS = 2


def _mark_comment_widgets(lines: list[_Line]) -> None:
    """Mark the items of a recent-comments box (see :data:`_WIDGET_COMMENT_RE`) as comments."""
    for i, ln in enumerate(lines):
        if ln.n_words > 6 or comment_header(ln.block.text) is None:
            continue
        items = []
        for j in range(i + 1, len(lines)):
            if not _WIDGET_COMMENT_RE.match(lines[j].block.text):
                break
            items.append(j)
        if len(items) >= WIDGET_MIN_ITEMS:
            for j in [i, *items]:
                lines[j].reason = ("comment", "recent-comments box (Name on Post: comment)")
                lines[j].value = min(BOILERPLATE_VALUE, -0.5 * lines[j].n_words)


# A live discussion's readers' questions, each labelled with where the reader writes from ("Arlington,
# Va.: Not really a question about …", "Cologne, Germany: Hi Alex, …"): a title-case place, a comma, a
# state's abbreviation or a capitalised name, a colon (also right after the chat's time stamp: "… 11:00
# AM Arlington, Va.: …").  Three or more such lines make the page a live Q&A.  (A transcript's "JANE ROE,
# HOST:" labels are in capitals and stay: there the speakers are the story's.)
_CHAT_PLACE = (
    r"[A-Z][a-z][\w.'’-]*(?: [A-Z][a-z]?[\w.'’-]*){0,3}, "
    r"(?:[A-Z][a-z]{0,4}\.(?: ?[A-Z]\.)?|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?):\s+\S"
)
_CHAT_QUESTION_RE = re.compile(rf"^(?:.{{0,60}}\b\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)(?:\s*ET)?\s+)?{_CHAT_PLACE}")
CHAT_MIN_QUESTIONS = 3
# The host's answers are labelled with their name and no place ("Jo Roe: BP early on invited …").
_CHAT_LABEL_RE = re.compile(r"^([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):\s+\S")


def _mark_chat_questions(lines: list[_Line]) -> None:
    """A live discussion (see :data:`_CHAT_QUESTION_RE`): from its first question on, every line is a
    reader's post (a comment) until a host's name (a full name the introduction gives) labels an
    answer, which is text up to the next question.  Readers' lines stay neutral for finding the body,
    which runs through them.  A scrape that kept no labelled answer leaves the page its introduction."""
    asked = [i for i, ln in enumerate(lines) if _CHAT_QUESTION_RE.match(ln.block.text)]
    if len(asked) < CHAT_MIN_QUESTIONS:
        return
    # the hosts are named in the page's introduction ("… staff writers Jill Drew and Ellen Nakashima were
    # online …"); a reader's "New York:" or "Anonymous:" is not
    intro = " ".join(ln.block.text for ln in lines[: asked[0] + 1])
    labels = {
        m.group(1)
        for ln in lines[asked[0] :]
        if (m := _CHAT_LABEL_RE.match(ln.block.text)) and not _CHAT_QUESTION_RE.match(ln.block.text)
    }
    host = {name for name in labels if " " in name and re.search(rf"\b{re.escape(name)}\b", intro)}
    reader = True
    for ln in lines[asked[0] :]:
        label = _CHAT_LABEL_RE.match(ln.block.text)
        if _CHAT_QUESTION_RE.match(ln.block.text):
            reader = True
        elif label is not None:
            reader = label.group(1) not in host
        if reader and ln.reason is None:
            ln.reason = ("comment", "reader's post in a live discussion (after a place label)")
            ln.value = 0.0


# The corrected fact a correction note gives on its next line: "A Page One article misstated the date of
# … statement." / "Holder made the remark June 1, not June 2." (a short sentence ending on ", not X.").
_CORRECTED_FACT_RE = re.compile(r",\s+not\s+[^,;]{1,40}[.!]?[\"”’)]*$")
CORRECTED_FACT_MAX_WORDS = 20


def _mark_correction_tails(lines: list[_Line]) -> None:
    """The line right after a correction note that states the right fact against the wrong one is the
    note's too (see :data:`_CORRECTED_FACT_RE`)."""
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        if (
            ln.reason is None
            and prev.reason is not None
            and prev.reason[0] == "disclaimer"
            and ln.n_words <= CORRECTED_FACT_MAX_WORDS
            and _CORRECTED_FACT_RE.search(ln.block.text)
        ):
            ln.reason = ("disclaimer", "the right fact of a correction note (after the note)")
            ln.value = min(BOILERPLATE_VALUE, -0.5 * ln.n_words)


def _mark_captions_before_credits(lines: list[_Line]) -> None:
    """A photo credit opening a line ("Photograph: Jane Roe/AP ...") follows its caption: the line
    before is that caption when it is one short sentence, else its last sentence is (a headline,
    time stamp and caption run together on one line), cut when the body is assembled."""
    for i in range(1, len(lines)):
        if not lines[i].credit_lead:
            continue
        prev = lines[i - 1]
        if prev.reason is not None or prev.sig:
            continue
        sents = split_sentences(prev.block.text)
        if len(sents) == 1 and prev.n_words <= CAPTION_BEFORE_CREDIT_MAX_WORDS:
            prev.reason = ("caption", "caption before its photo credit")
            prev.value = min(BOILERPLATE_VALUE, -0.5 * prev.n_words)
        elif sents:
            prev.caption_tail = True


def _mark_credit_captions(lines: list[_Line], in_body: list[bool]) -> None:
    """Captions: a short non-sentence line next to a photo-credit line."""
    for i, ln in enumerate(lines):
        if ln.reason is None and in_body[i] and not ln.sentence and ln.n_words <= 15:
            nb = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(n.reason is not None and n.reason[1] == "photo credit" for n in nb):
                ln.reason = ("caption", "caption next to a photo credit")


def _find_title(
    doc: RawDocument, lines: list[_Line], body_idx: list[int], first: int, barrier: int
) -> tuple[str | None, int | None]:
    """The title and the line it was found on: given by the record, else the best headline among
    the lines before the first paragraph of prose (some lie inside the body run: a headline
    between captions and text)."""
    prose = [i for i in body_idx if lines[i].sentence]
    lead = " ".join(lines[i].block.text for i in prose[:3])
    title_line: int | None = None
    # The article starts at the first paragraph that is followed by more prose (a one-line
    # teaser or alert above the headline does not count).
    anchor = next(
        (
            i
            for i in prose
            if sum(lines[j].n_words for j in range(i + 1, min(i + 4, len(lines))) if lines[j].sentence) >= LEAD_WORDS
        ),
        prose[0] if prose else first,
    )
    candidates = [
        (anchor - i, lines[i].block, lines[i].repeated)
        for i in range(max(0, min(first, anchor) - HEADER_WINDOW), min(anchor, barrier))
        if (lines[i].reason is None or lines[i].repeated)
        and not lines[i].sig
        and not lines[i].stamp
        and not lines[i].sentence
    ]
    all_texts = [ln.block.text for ln in lines]
    site_text = " ".join(
        ln.block.text for ln in lines if ln.reason is not None and ln.reason[0] in ("promo", "disclaimer")
    )
    title_block = pick_title(candidates, lead, all_texts, site_text)
    title = doc.title.strip() if doc.title and doc.title.strip() else None
    if title_block is not None:
        title_line = next(i for i, ln in enumerate(lines) if ln.block is title_block)
        if title is None:
            title = title_block.text
    return title, title_line


@dataclass
class _Header:
    """Byline and dateline lines around the title and at the top of the body."""

    author: str | None
    meta_lines: dict[int, str]  # line -> what it is ("byline: NAME", "dateline")
    blocks: list[Block]


def _find_header(doc: RawDocument, lines: list[_Line], title_line: int | None, first: int, barrier: int) -> _Header:
    """Byline and dateline: short lines around the title and at the top of the body."""
    author = doc.author.strip() if doc.author and doc.author.strip() else None
    header_start = max(0, (title_line if title_line is not None else first) - 3)
    header_end = min(len(lines), first + 4)
    meta_lines: dict[int, str] = {}
    header_blocks: list[Block] = []
    for i in range(header_start, min(header_end, barrier)):
        if i == title_line:
            continue
        ln = lines[i]
        if ln.n_words > 16:
            continue
        is_by, name = byline(ln.block.text)
        if is_by:
            meta_lines[i] = "byline" + (f": {name}" if name else "")
            if name and author is None:
                author = name
            header_blocks.append(ln.block)
        elif dateline_date(ln.block.text) is not None:
            meta_lines[i] = "dateline"
            header_blocks.append(ln.block)
    return _Header(author, meta_lines, header_blocks)


def _lower_words(lines: list[_Line], body_idx: list[int]) -> frozenset[str]:
    """Words the body writes in lower case (common words, not names)."""
    return frozenset(w for k in body_idx for w in lines[k].block.text.split() if w.isalpha() and w.islower())


def _body_paragraphs(
    lines: list[_Line], body_idx: list[int], title_line: int | None, header: _Header, title: str | None
) -> tuple[list[str], list[RemovedBlock], str | None, str | None]:
    """Body paragraphs with inline cleanup; returns them, what was cut out of them, and the title
    and author, which a header run into the first paragraph may give."""
    author = header.author
    removed: list[RemovedBlock] = []
    paragraphs: list[str] = []
    positions: list[int] = []  # the block each paragraph comes from
    for i in body_idx:
        if i == title_line or i in header.meta_lines:
            continue
        if lines[i].n_words <= COMMENT_CALL_MAX_WORDS and comment_header(lines[i].block.text) is not None:
            # a call to comment inside the body ("• Discuss this story on the … message board"), the
            # thread itself starting further on or not at all
            removed.append(RemovedBlock(lines[i].block.text, lines[i].block.index, "comment", "call to comment"))
            continue
        text, inline = _strip_inline(lines[i].block.text, title, mid_credit=bool(paragraphs))
        if not paragraphs:
            lower_words = _lower_words(lines, body_idx)  # common words, for the glued-headline splits below
            # The page's headline, byline or time stamp run into the first paragraph by the scraper.
            stamped = split_stamp_header(text)
            if stamped is not None:
                text = stamped.rest
                stamp_header = f"{stamped.head} {stamped.stamp}".strip()
                head = stamped.head.rpartition(" Credit: ")[0]  # "" when no credit follows a headline
                if head and title is None:
                    # a headline, then the credit of its photo ("Mayor quits Credit: Reuters/Jo Roe LONDON | …")
                    inline.append(("other", stamp_header, "headline and photo credit before the page's time stamp"))
                    title = head
                elif stamped.head and credit_like(stamped.head, max_words=CREDIT_LINE_MAX_WORDS):
                    # the credit of a caption dropped above ("Credit: Reuters/Jo Roe/Handout LONDON | …")
                    inline.append(("caption", stamp_header, "photo credit before the page's time stamp"))
                elif stamped.head and title is None:
                    inline.append(("other", stamp_header, "headline (and standfirst) before the page's time stamp"))
                    title = stamped.head
                else:
                    inline.append(("other", stamp_header, "page header ending on a time stamp"))
                author = author or stamped.author
            credited = split_standfirst_credit(text) if "says" in text[:MAX_STANDFIRST_CHARS] else None
            if credited is not None:
                # a review's standfirst and its author's credit ("…, says Jan Vale The Australians …")
                inline.append(("other", credited[0], "standfirst with its author's credit glued to the lead"))
                author = author or credited[1]
                text = credited[2]
            body_text = " ".join(lines[k].block.text for k in body_idx) if text.startswith("By ") else ""
            reporter = split_outlet_byline(text, lower_words, body_text)
            if reporter is not None:
                inline.append(("other", reporter[0], "byline with the outlet and place glued to the lead"))
                author = author or reporter[1]
                text = reporter[2]
            # a transcript's speaker label ("JANE ROE, VALLEY TV ANCHOR: Good evening.") is no headline
            glued = split_glued_title(text) if not _SPEAKER_LABEL_RE.match(text) else None
            if glued is not None:
                head, rest = glued
                if rest[:3] in ("AM ", "PM ") and rest[3:4].isupper():  # "...; 12:00 | AM The board said"
                    head, rest = f"{head} {rest[:2]}", rest[3:]
                is_by, name = byline(head)
                if is_by:
                    inline.append(("other", head, "byline glued to the lead"))
                    author = author or name
                elif has_date(head) or TIME_RE.search(head):
                    inline.append(("other", head, "time stamp glued to the lead"))
                elif title is None:
                    inline.append(("other", head, "headline glued to the lead"))
                    title = head
                else:
                    rest = text
                text = rest
            elif title is None and not _SPEAKER_LABEL_RE.match(text):
                echoed = split_echo_title(text, lower_words)
                if echoed is not None:
                    head, text = echoed
                    is_by, name = byline(head)
                    if is_by:  # "By Jane Roe, Special to CNN Jane Roe: …"
                        inline.append(("other", head, "byline glued to the lead"))
                        author = author or name
                    else:
                        inline.append(("other", head, "headline glued to the lead that retells it"))
                        title = head
            highlights = False
            # a caption or headline run into the lead: the title when the record has none, else a
            # caption; a headline ending on a quotation may still have a caption after it
            # ("Toll 'may be 50,000' On the ground with survivors The Red Cross estimates ...")
            for split, again, details in (
                (
                    split_quoted_head,
                    None,
                    ("headline ending on a quotation glued to the lead", "caption or pull quote glued to the lead"),
                ),
                (
                    partial(split_glued_caption, lower_words=lower_words),
                    # A headline and a caption may both be glued before the lead ("Syria crisis: Counting
                    # the victims By … The number of those killed … are all hugely disputed The movement of
                    # …"): the surest seam, before "A"/"An"/"The", is looked for again in what is left.
                    partial(split_glued_caption, lower_words=lower_words, articles_only=True),
                    ("headline or caption glued to the lead", "caption glued to the lead"),
                ),
                (
                    split_glued_name_lead,
                    None,
                    ("headline or caption glued to a lead opening on a name", "caption glued to the lead"),
                ),
                (
                    split_caption_name_lead,
                    None,
                    ("caption or headline glued to a lead opening on a name and its verb", "caption glued to the lead"),
                ),
                (
                    split_caption_possessive_lead,
                    None,
                    (
                        "caption or headline glued to a lead whose subject is a possessive name",
                        "caption glued to the lead",
                    ),
                ),
            ):
                for k in range(GLUED_SPLITS_PER_RULE):
                    rule = split if k == 0 else again
                    glued_head = rule(text) if rule is not None else None
                    if glued_head is None:
                        break
                    head, text = glued_head
                    # a story's highlights ("NEW: …" marks one) are no headline, nor is what follows them
                    highlights = highlights or head.startswith("NEW:")
                    is_by, name = byline(head)
                    if is_by or head.startswith("By "):  # "By the CNN Wire staff A screenshot of …"
                        inline.append(("other", head, "byline glued to the lead"))
                        author = author or name
                    elif title is None and not highlights:
                        inline.append(("other", head, details[0]))
                        title = head
                    else:
                        inline.append(("caption", head, details[1]))
            if not highlights:
                echo_caption = split_echo_caption(text, title, lower_words)
                if echo_caption is not None:
                    if echo_caption.headline is not None:
                        inline.append(("other", echo_caption.headline, "headline glued before a caption and the lead"))
                        title = echo_caption.headline
                    inline.append(
                        ("caption", echo_caption.caption, "caption between the headline and the lead that retells it")
                    )
                    text = echo_caption.rest
            mid = _mid_credit(text)
            if mid is not None:
                inline.append(("caption", mid[1], "photo caption and credit inside the paragraph"))
                text = mid[0]
            day = split_day_heading(text)
            if day is not None:
                inline.append(("other", day[0], "day heading glued to the lead"))
                text = day[1]
            # searched last, after the rules that know the headline or a photo credit; again after a
            # split, for a headline, its caption and the lead ("Jan Roe quits as mayor | The council
            # met in private on Monday | Jan Roe has resigned …")
            for _ in range(0 if highlights else GLUED_SPLITS_PER_RULE):
                clause_caption = split_clause_caption(text, lower_words)
                if clause_caption is None:
                    break
                head, text = clause_caption
                if title is None:
                    inline.append(("other", head, "headline or caption with its own verb glued to the lead"))
                    title = head
                else:
                    inline.append(("caption", head, "caption with its own verb glued to the lead"))
        elif has_date(text):
            # Another page's header run on after this one's body (a scraped gallery or live page):
            # "Headline Tuesday, May 4, 2031; 5:00 PM The next lead ..."
            stamped = split_stamp_header(text)
            if stamped is not None:
                inline.append(
                    ("other", f"{stamped.head} {stamped.stamp}".strip(), "page header ending on a time stamp")
                )
                text = stamped.rest
        if lines[i].caption_tail and text:
            sents = split_sentences(text)
            if len(sents[-1].split()) <= CAPTION_BEFORE_CREDIT_MAX_WORDS:
                inline.append(("caption", sents[-1], "caption before its photo credit (end of the paragraph)"))
                text = " ".join(sents[:-1])
        for reason, rtext, detail in inline:
            removed.append(RemovedBlock(rtext, lines[i].block.index, reason, detail))
        if text:
            paragraphs.append(text)
            positions.append(lines[i].block.index)
    opening = before_dateline(paragraphs)
    if opening is not None:
        k = opening.paragraph
        for text, pos in zip([*paragraphs[:k], opening.head], positions[: k + 1], strict=True):
            if text:
                removed.append(RemovedBlock(text, pos, "other", BEFORE_DATELINE))
        paragraphs = [opening.rest, *paragraphs[k + 1 :]]
        author = author or opening.author
    return paragraphs, removed, title, author


def _removed_outside(
    lines: list[_Line],
    in_body: list[bool],
    body_idx: list[int],
    title_line: int | None,
    meta_lines: dict[int, str],
    barrier: int,
    barrier_why: str,
    first: int,
) -> list[RemovedBlock]:
    """Everything else, with its reason."""
    removed: list[RemovedBlock] = []
    in_related = False
    # The thread ends after its last signature/timestamp/nested line; later headline lists are related links.
    body_indent = min((lines[i].block.indent for i in body_idx), default=0)
    last_sig = max(
        (
            i
            for i in range(barrier, len(lines))
            if lines[i].sig or lines[i].stamp or lines[i].block.indent > body_indent
        ),
        default=barrier,
    )
    for i, ln in enumerate(lines):
        if (in_body[i] and ln.reason is None) or i == title_line:
            continue
        b = ln.block
        if i in meta_lines:
            removed.append(RemovedBlock(b.text, b.index, "other", meta_lines[i]))
            continue
        if ln.n_words <= RELATED_ITEM_WORDS and related_header(b.text):
            in_related = True
        elif ln.n_words > RELATED_ITEM_WORDS or b.gap_before:
            in_related = False
        if i >= barrier:
            where = "comments"
            if i == barrier:
                # the site's disclaimer heading the thread is its furniture (and may name the site)
                why: RemovalReason = "disclaimer" if comment_header(b.text) == COMMENT_DISCLAIMER else "comment"
                removed.append(RemovedBlock(b.text, b.index, why, f"comment thread starts: {barrier_why}"))
                continue
        elif in_body[i]:
            where = "in the body"
        elif i < first:
            where = "before the body"
        else:
            where = "after the body"
        reason, detail = _reason_outside(ln, where, in_related, i > last_sig)
        removed.append(RemovedBlock(b.text, b.index, reason, detail))
    return removed


def _publication_date(
    doc: RawDocument,
    lines: list[_Line],
    header_blocks: list[Block],
    paragraphs: list[str],
    barrier: int,
    last: int,
    notes: list[str],
    today: date | None,
) -> PublishedDate | None:
    """Date: the record's, else a dateline, else inferred from the body (never from comments)."""
    published: PublishedDate | None = None
    if doc.date:
        d = parse_date(doc.date)
        if d is not None:
            published = PublishedDate(d.isoformat(), "input", 1.0)
        else:
            notes.append(f"unparseable date {doc.date[:40]!r} dropped; the date is taken from the text")
    if published is None:
        comment_dates = [d for ln in lines[barrier:] if ln.stamp or ln.sig for d, _ in dates_in(ln.block.text)]
        footer = [lines[i].block for i in range(last, barrier) if lines[i].n_words <= 20]
        published = pick_date(header_blocks, paragraphs, footer, comment_dates, today)
    return published


__all__ = ["clean_text", "clean_texts", "outlet_group"]
