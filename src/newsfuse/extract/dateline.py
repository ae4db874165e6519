"""What a scraped page puts before the wire dateline.

A wire or network story opens on its dateline ("CAIRO, Egypt (CNN) -- Egypt has been rocked ...",
"WASHINGTON, May 8 (Reuters) - ..."). Scrapers keep what the page showed above it and glue it to the
top of the text: the story's highlights run together without their bullets ("Many protesters are
young, unemployed, middle-class A Human Rights Watch researcher says ..."), a wire page's summary
points and "(Updates with ...)" note, the byline, a time stamp, a photo caption, an editor's note.
None of it is the story, and glued to the lead it makes headlines and claims out of sentence
fragments.  So the first dateline within the first :data:`DATELINE_PARAGRAPHS` paragraphs opens the
body: the paragraphs before it and the text before its place go, each recorded with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.extract.outletdetect import DATELINE_PARAGRAPHS, wire_dateline
from newsfuse.extract.textmeta import byline

# The dateline's place and date, kept with the dateline: "WASHINGTON, May 8", "ROBERT, La., May 8",
# "AMSTERDAM/HELSINKI, Oct 11", "Cairo, Egypt", "Port-au-Prince, Haiti" (a city in capitals with an
# optional state or country, or a capitalised city of one or two words and its country).
_DATE = r"[A-Z][a-z]{2,8}\.?\s\d{1,2}"
_PLACE_TAIL = re.compile(
    r"(?:(?:[A-Z][A-Z.'’\\/-]+(?:[ -][A-Z][A-Z.'’\\/-]+)*(?:,\s*[A-Z][a-z.]+(?:\s[A-Z][a-z.]+)?)?"
    r"|(?:[A-Z][a-z'’-]+\s)?[A-Z][\w'’-]+,\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
    r"(?:,?\s+" + _DATE + r")?|" + _DATE + r"),?\s*$"
)
# A byline inside the text before the dateline: "... * Relief well in August By Jane Roe and Ann Doe".
_BY_RE = re.compile(r"(?:^|\s)(By\s+[A-Z].*)$")


@dataclass(frozen=True)
class BeforeDateline:
    paragraph: int  # index of the paragraph that holds the dateline
    head: str  # the text before the dateline's place in that paragraph ("" if none)
    rest: str  # that paragraph from the dateline's place on
    author: str | None  # a byline's name found in what goes


def before_dateline(paragraphs: list[str]) -> BeforeDateline | None:
    """Where the story opens when something stands before its wire dateline; None when the dateline
    opens the text (or there is none in the first paragraphs)."""
    for k, text in enumerate(paragraphs[:DATELINE_PARAGRAPHS]):
        found = wire_dateline(text)
        if found is None:
            continue
        m, _ = found
        start = m.start("place") if m.group("place") else m.start()
        place = _PLACE_TAIL.search(text, 0, start)
        if place is not None:
            start = place.start()
        head = text[:start].strip()
        if k == 0 and not head:
            return None
        author = None
        for part in [head, *reversed(paragraphs[:k])]:
            by = _BY_RE.search(part)
            if by is not None:
                is_by, name = byline(by.group(1))
                if is_by and name:
                    author = name
                    break
        return BeforeDateline(k, head, text[start:], author)
    return None


__all__ = ["BeforeDateline", "before_dateline"]
