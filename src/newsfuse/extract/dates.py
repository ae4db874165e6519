"""Parsing dates given as strings (JSON fields, meta tags) into ISO ``YYYY-MM-DD``.

The common machine formats are read by hand (ISO 8601, RFC 2822, "March 4, 2025"); dateparser,
which reads almost anything in many languages but costs milliseconds per call, is the fallback.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_tz

import dateparser

from newsfuse.extract.htmlmeta import dates_in_text

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_date(value: str | None, fuzzy: bool = True) -> str | None:
    """``'2020-01-14T10:00:00Z'``, ``'Tue, 14 Jan 2020 10:00:00 GMT'``, ``'14 January 2020'`` … -> ``'2020-01-14'``.

    None if unparseable; with ``fuzzy=False`` dateparser is not tried (for hot paths where the
    value is a metadata candidate among others).
    """
    if not value or not value.strip():
        return None
    m = _ISO.match(value) or _COMPACT.match(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = dates_in_text(value)
    if len(found) == 1:
        return found[0]
    rfc = parsedate_tz(value)
    if rfc and rfc[0] > 1900:
        return _valid(rfc[0], rfc[1], rfc[2])
    if not fuzzy:
        return None
    # Without a day in the string dateparser would invent today's; ask for the first of the month.
    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
