"""Sanity checks between extraction and the corpus-wide steps.

An article without body text is rejected (it cannot be grouped or cited).  A publication date
in the future or before 1900 is not trusted: it is dropped, with a note on the article, and the
article goes on undated (clustering puts undated articles last).
"""

from __future__ import annotations

from datetime import date, timedelta

from newsfuse.model import Article, Rejection
from newsfuse.options import Options

EARLIEST = date(1900, 1, 1)
# Time zones and clock skew: a date one day ahead of our clock can still be real.
FUTURE_SLACK = timedelta(days=1)
# The end of the note on an article whose date was dropped as future (the only way the day of the
# run changes an article: exec/checkpoint.py reuses shards across days when no article has it).
FUTURE_NOTE = "is in the future: dropped"


def validate_articles(
    articles: list[Article], options: Options, today: date | None = None
) -> tuple[list[Article], list[Rejection]]:
    today = today or date.today()
    kept: list[Article] = []
    rejected: list[Rejection] = []
    for a in articles:
        body_chars = sum(len(p.text) for p in a.paragraphs)
        if body_chars < options.clean.min_body_chars:
            rejected.append(
                Rejection(
                    origin=a.origin,
                    reason="no_text",
                    detail=f"{body_chars} characters of body after cleaning (minimum {options.clean.min_body_chars})",
                    stage="validate",
                )
            )
            continue
        if a.published is not None:
            try:
                d = date.fromisoformat(a.published.value[:10])
            except ValueError:
                a.notes.append(f"unreadable date {a.published.value!r} dropped")
                a.published = None
            else:
                if d > today + FUTURE_SLACK:
                    a.notes.append(f"date {a.published.value} {FUTURE_NOTE}")
                    a.published = None
                elif d < EARLIEST:
                    a.notes.append(f"date {a.published.value} is before 1900: dropped")
                    a.published = None
        kept.append(a)
    return kept, rejected
