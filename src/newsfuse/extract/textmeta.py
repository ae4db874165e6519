"""Metadata of a plain-text article: title, byline (author), dateline (date), outlet.

The cleaner (:mod:`newsfuse.extract.text`) decides which blocks are body; the functions here read
the blocks around the body for the title, the byline and the dateline, and the signature lines
(credits, "support us", copyright, "original source") for the outlet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePath
from types import MappingProxyType
from urllib.parse import urlsplit

import dateparser

from newsfuse.extract.blocks import Block
from newsfuse.extract.signals import DATE_RE, has_date, is_timestamp
from newsfuse.model import PublishedDate
from newsfuse.text import content_words, tokens

# ---------------------------------------------------------------- dates

# dateparser settings: English only (the cleaner's vocabulary is English), month-first for
# ambiguous numeric dates as US-style news pages write them, missing day -> 1st.
_DATEPARSER_SETTINGS: Mapping[str, object] = MappingProxyType(
    {
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["year", "month"],
        "PARSERS": ["absolute-time"],  # relative dates ("2 days ago") need a reference we do not have
    }
)
# A date before this is not a news publication date (the web and its scrapes are younger).
MIN_YEAR = 1990


_MONTH_NUM: Mapping[str, int] = MappingProxyType(
    {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
)
_FAST_MDY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", re.I)
_FAST_DMY = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$", re.I)
_FAST_MY = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.I)
_FAST_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _fast_date(s: str) -> date | bool | None:
    """The common shapes without dateparser (it costs ~10 ms a call): a date, None when the
    shape is known but invalid, False when the shape is not one of these."""
    m = _FAST_MDY.match(s)
    if m:
        mon, day, year = m.group(1), int(m.group(2)), int(m.group(3))
    else:
        m = _FAST_DMY.match(s)
        if m:
            day, mon, year = int(m.group(1)), m.group(2), int(m.group(3))
        else:
            m = _FAST_MY.match(s)
            if m:
                mon, day, year = m.group(1), 1, int(m.group(2))
            else:
                m = _FAST_ISO.match(s)
                if m:
                    try:
                        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                    except ValueError:
                        return None
                return _fast_numeric(s)
    month = _MONTH_NUM.get(mon[:3].lower())
    if month is None or (len(mon) > 3 and not _is_month_name(mon)):
        return False
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FAST_NUM = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$")


def _fast_numeric(s: str) -> date | bool | None:
    """01/13/2008 and 01/13/08 month first (as the dateparser settings say), 13.01.2008 day
    first (dots are the European style); a first number over 12 can only be the day."""
    m = _FAST_NUM.match(s)
    if not m:
        return False
    a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if len(m.group(4)) == 2:
        y += 2000 if y < 70 else 1900  # two-digit years: 70-99 are the 1900s
    month, day = (b, a) if m.group(2) == "." or a > 12 else (a, b)
    try:
        return date(y, month, day)
    except ValueError:
        return None


def _is_month_name(word: str) -> bool:
    w = word.lower().rstrip(".")
    return any(
        full.startswith(w)
        for full in (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "sept",
        )
    )


def parse_date(expr: str) -> date | None:
    """An absolute date expression ("January 13, 2020", "13/01/2020") -> date.

    Common shapes are read directly; anything else goes to dateparser."""
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", expr.strip(), flags=re.I).replace(" of ", " ")
    fast = _fast_date(s)
    if fast is not False:
        d = fast if isinstance(fast, date) else None
    else:
        try:
            dt = dateparser.parse(s, languages=["en"], settings=dict(_DATEPARSER_SETTINGS))
        except (ValueError, OverflowError, TypeError):
            return None
        d = dt.date() if isinstance(dt, datetime) else None
    if d is None or d.year < MIN_YEAR:
        return None
    return d


def dates_in(text: str) -> list[tuple[date, bool]]:
    """Every absolute date in ``text`` as (date, has_day)."""
    out: list[tuple[date, bool]] = []
    for m in DATE_RE.finditer(text):
        d = parse_date(m.group(0))
        if d is not None:
            has_day = bool(re.search(r"\d{1,2}\D+\d{2,4}|\d{4}-\d", m.group(0)))
            out.append((d, has_day))
    return out


_DATELINE_PREFIX_RE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|created|date|dated|filed)\s*(?:on|at|:)?\s*)", re.I
)


def dateline_date(text: str) -> date | None:
    """The date of a dateline line: a timestamp, "Outlet, January 13, 2020", "Published: ...", "By X | date"."""
    if len(text.split()) > 14:
        return None
    m = DATE_RE.search(text)
    if m is None:
        return None
    if not (
        is_timestamp(text)
        or _DATELINE_PREFIX_RE.match(text)
        or re.match(r"^[^.!?]{0,60},\s*$", text[: m.start()])  # "Global Research, January 13, 2020"
        or re.match(r"^\s*by\b", text, re.I)
        or "|" in text
    ):
        return None
    return parse_date(m.group(0))


def lead_date(text: str) -> date | None:
    """A date opening the first paragraph: "16 January 2008 – The Council ..." (news-agency style)."""
    m = DATE_RE.match(text)
    if m is None:
        m = re.match(rf"^[A-Z][A-Za-z .,'-]{{1,40}}?,\s*({DATE_RE.pattern})", text, re.I)
        if m is None:
            return None
        expr = m.group(1)
    else:
        expr = m.group(0)
    rest = text[m.end() :].lstrip(" )")
    if not re.match(r"^[–—-]|^\(", rest):
        return None
    return parse_date(expr)


def pick_date(
    header: list[Block],
    body: list[str],
    footer: list[Block],
    comment_dates: list[date],
    today: date | None = None,
) -> PublishedDate | None:
    """Publication date: a dateline near the title, else one opening the body, else one in the
    signature lines after the body; else the latest full date the body reports (``inferred``).

    Comment dates are never the answer; the earliest one caps an inferred date (an article is older
    than the comments under it)."""
    cap = min(comment_dates) if comment_dates else None
    if today is not None:
        cap = min(cap, today) if cap else today

    def ok(d: date | None) -> bool:
        return d is not None and (today is None or d <= today)

    for b in header:
        d = dateline_date(b.text)
        if d is not None and ok(d):
            return PublishedDate(d.isoformat(), "dateline", 0.9)
    if body:
        d = lead_date(body[0])
        if d is not None and ok(d):
            return PublishedDate(d.isoformat(), "dateline", 0.8)
    for b in footer:
        d = dateline_date(b.text)
        if d is not None and ok(d):
            return PublishedDate(d.isoformat(), "dateline", 0.6)
    reported = [d for p in body for d, has_day in dates_in(p) if has_day]
    if cap is not None:
        reported = [d for d in reported if d <= cap]
    if reported:
        # Low confidence: the body may report an event after it was written about only in passing.
        return PublishedDate(max(reported).isoformat(), "inferred", 0.3)
    return None


# ---------------------------------------------------------------- byline / author

_BYLINE_RE = re.compile(
    r"^(?:by|written by|posted by|published by|story by|words by|report(?:ed|ing)? by|author|authors)\s*:?\s*(.*)$",
    re.I,
)
_POSTED_ON_RE = re.compile(
    rf"^(?:posted|published|written|updated)\s+(?:on\s+)?(?:{DATE_RE.pattern})(?:\s+at\s+[\d:.]+\s*(?:[ap]\.?m\.?)?)?,?\s+by\s+",
    re.I,
)
_NAME_ROLE_RE = re.compile(
    r"^([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+(?:[\w&-]+\s+){0,4}"
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|staff|contributor)s?\b[^.!?]{0,40}$",
    re.I,
)
_NAME_RE = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|prof)\.?\s+)?[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|al|el|bin|da|di|la|le))*$"
)


def byline(text: str) -> tuple[bool, str | None]:
    """(is a byline, author or None) for one short line: "By Jane Doe", "Published by X on", "BY TOM ROE"."""
    if len(text.split()) > 16:
        return False, None
    text = text.strip()
    m0 = _POSTED_ON_RE.match(text)
    if m0:  # "Posted on March 5, 2021 by Nils Ek" -> "by Nils Ek"
        text = "by " + text[m0.end() :]
    m = _BYLINE_RE.match(text)
    if m is None:
        m2 = _NAME_ROLE_RE.match(text)  # "Pell Ruark, Regional Affairs Correspondent"
        if m2 is not None and _NAME_RE.match(m2.group(1)):
            return True, m2.group(1)
        return False, None
    rest = m.group(1)
    rest = DATE_RE.sub("|", rest)
    rest = re.split(r"\s*(?:\||,|;|\s[–—-]\s|\bon\b|\bat\b|\bfor\b|\(|\bin\b|\bupdated\b|\bpublished\b)\s*", rest)[0]
    rest = rest.strip(" .:-–—")
    names = [n.strip() for n in re.split(r"\s+and\s+|\s*&\s*", rest) if n.strip()]
    if not names:
        return True, None
    fixed = []
    for n in names:
        if n.isupper():
            n = n.title()
        if not _NAME_RE.match(n) or not 1 <= len(n.split()) <= 5:
            return (len(text.split()) <= 3), None
        fixed.append(n)
    return True, " and ".join(fixed)


# ---------------------------------------------------------------- title


# Lines that label something else ("Source: X", "Posted at ...") are never the headline.
_NOT_TITLE_RE = re.compile(
    r"^(?:source|courtesy|director|created|updated|posted|published|filed|photo|photos|credit|image|by|from|"
    r"written|reporting|edited|tags?|category|categories)\b\s*:?",
    re.I,
)


def _title_shape(b: Block) -> bool:
    n = len(b.text.split())
    if b.heading:
        if not 1 <= n <= 30:
            return False
    elif (
        not 3 <= n <= 30
        or len(b.text) > 220
        or (b.text.endswith((".", ",", ";", ":")) and not b.text.endswith("..."))
        or sum(1 for c in b.text if c.isalpha()) < 0.6 * len(b.text.replace(" ", ""))
    ):
        return False
    # The costlier pattern tests last: labels, multi-part lines, datelines and bylines.
    return not (_NOT_TITLE_RE.match(b.text) or "|" in b.text or has_date(b.text) or byline(b.text)[0])


# A candidate is the site's name when this share of its words recur in the page's promo/footer lines.
SITE_NAME_SHARE = 0.4


def pick_title(
    candidates: list[tuple[int, Block, bool]], body_lead: str, all_texts: list[str], site_text: str = ""
) -> Block | None:
    """The headline among the blocks before the body: (distance to the lead, block, repeated in
    other articles) triples; ``site_text``: the page's promo and footer lines.

    Score: a headline is close to the body, shares its key words with the lead, has a headline's
    length and no full stop, is a markdown heading when the scrape kept them, and is often repeated
    inside a longer page-title line ("Site: Section: Headline")."""
    lead = set(content_words(body_lead))
    page = "\n".join(all_texts).lower()
    exact = Counter(t.lower() for t in all_texts)
    best: tuple[float, Block] | None = None
    site_words = set(content_words(site_text))
    for dist, b, repeated in candidates:
        if not _title_shape(b):
            continue
        ws = content_words(b.text)
        score = 1.0 - 0.06 * min(dist, 25)
        # Words the page's own promos/footers use ("stream KCR 98.4", "© Daily X"): a masthead.
        if len(ws) >= 2 and sum(1 for w in ws if w in site_words) >= max(2, SITE_NAME_SHARE * len(ws)):
            score -= 1.0
        if ws:
            score += 2.5 * sum(1 for w in ws if w in lead) / len(ws)
        n = len(b.text.split())
        if 5 <= n <= 20:
            score += 0.5
        elif n <= 3:
            score -= 0.5
        if b.heading == 1:
            score += 3.0
        elif b.heading:
            score += 1.0
        if b.text.isupper() and n <= 4:
            score -= 0.5
        if repeated:
            score -= 1.0  # a section label or a link to another story, unless the lead confirms it
        low = b.text.lower()
        if page.count(low) > exact[low]:  # also inside a longer line, e.g. a "Site: Section: Headline" page title
            score += 1.0
        if best is None or score > best[0]:
            best = (score, b)
    if best is None or best[0] < 0.6:
        return None
    return best[1]


# ---------------------------------------------------------------- outlet

_SIGNATURE_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"original source of this article is\s+(?:the\s+)?(.+?)\s*$", re.I), "original source"),
    (
        re.compile(r"\bsupport\s+((?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+on\s+patreon", re.I),
        "patreon",
    ),
    (
        re.compile(
            r"\b(?i:support)\s+((?i:the)\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+(?i:from|today|now|by|with)\b"
        ),
        "support us",
    ),
    (re.compile(r"not necessarily (?:represent|reflect)\s+(?:those|the views?) of\s+(.+?)\.?\s*$", re.I), "disclaimer"),
    # "(C)" only before a year or a name: a caption's "Jane Roe (C) during a visit" marks a position.
    (
        re.compile(
            r"(?:©|\(c\)(?=\s*(?-i:\d|[A-Z]))|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^|©]+?)\s*(?:[.|]|$)",
            re.I,
        ),
        "copyright",
    ),
)
_DOMAIN_RE = re.compile(
    r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|ca|info|news|co|io|eu|de|fr|ru|au|in|us|uk))\b", re.I
)
_NOT_OUTLET = frozenset({"all rights reserved", "the author", "the authors", "author", "authors", "us", "our"})


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.lower().removeprefix("www.").removeprefix("m.")
    return host or None


def _clean_outlet(name: str, kind: str) -> str | None:
    name = name.strip(" .,:;-–—*_\"'“”")
    name = name.removeprefix("the ")  # "support the Daily X" -> "Daily X"; a capital "The" is part of the name
    name = re.sub(r"\s*\b(?:19|20)\d{2}\b\s*", " ", name).strip(" ,.")
    if kind == "copyright":
        # "Fox News Network, LLC": a company-form suffix is not the name.
        name = re.sub(r",?\s+(?:inc|llc|ltd|limited|plc|corp|corporation|co|gmbh|s\.?a)\.?\s*$", "", name, flags=re.I)
        # "Hassan Mansour, Global Research" -> the last part names the publisher.
        parts = [p.strip() for p in name.split(",") if p.strip()]
        name = parts[-1] if parts else ""
        name = re.sub(r"\ball rights reserved\b.*$", "", name, flags=re.I).strip(" .,")
        # A name, not the sentence around the word ("… as our copyright has expired"): capitalised or a host.
        if name and not name[0].isupper() and not name[0].isdigit() and "." not in name:
            return None
    if not name or name.lower() in _NOT_OUTLET or len(name) > 60 or len(name.split()) > 6:
        return None
    if not re.search(r"[A-Za-z]", name):
        return None
    return name


def outlet_from_signatures(texts: list[str]) -> tuple[str, str] | None:
    """(outlet, evidence) from signature lines, strongest kind of evidence first."""
    for rx, kind in _SIGNATURE_RES:
        for t in texts:
            m = rx.search(t)
            if m:
                name = _clean_outlet(m.group(1), kind)
                if name:
                    return name, kind
    for t in texts:
        if re.search(r"copyright|©|contains copyrighted|all rights reserved", t, re.I):
            m = _DOMAIN_RE.search(t)
            if m:
                return m.group(1).lower().removeprefix("www."), "domain in footer"
    return None


def outlet_from_filename(origin: str) -> str | None:
    """A domain-like part of the file name ("reuters.com_2020-01-14.txt" -> "reuters.com")."""
    stem = PurePath(origin.split("#", 1)[0]).name
    for ext in (".gz", ".txt", ".text", ".md"):
        stem = stem.removesuffix(ext)
    m = _DOMAIN_RE.search(stem.replace("_", " "))
    return m.group(1).lower().removeprefix("www.") if m else None


def title_tokens(title: str | None) -> list[str]:
    return tokens(title or "")


__all__ = [
    "byline",
    "dateline_date",
    "dates_in",
    "has_date",
    "lead_date",
    "outlet_from_filename",
    "outlet_from_signatures",
    "outlet_from_url",
    "parse_date",
    "pick_date",
    "pick_title",
]
