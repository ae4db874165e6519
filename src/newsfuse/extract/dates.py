"""Parsing dates given as strings (JSON fields, meta tags) into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    """``'2020-01-14T10:00:00Z'``, ``'14 January 2020'``, ``'Jan 14, 2020'`` … -> ``'2020-01-14'``; None if unparseable."""
    if not value or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only needed for the free-form cases

    # Without a day in the string dateparser would invent today's; ask for the first of the month.
    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
