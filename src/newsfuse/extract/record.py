"""JSON-record articles (text already extracted by a scraper): paragraphs from the text, metadata from fields."""

from __future__ import annotations

import re

from newsfuse.extract.dates import iso_date
from newsfuse.extract.outletdetect import resolve_outlet
from newsfuse.extract.signals import wire_credit
from newsfuse.model import Article, PublishedDate, RawDocument, Rejection, RemovedBlock, article_id, make_paragraphs
from newsfuse.options import Options
from newsfuse.text import normalize_space

# A date the record states itself is as good as metadata gets; not 1.0 because scrapers
# sometimes store the crawl time in the same field.
_CONF_INPUT = 0.95
_BLANK_LINE = re.compile(r"\n\s*\n")


def record_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; without any, each line is one (news-please's ``maintext``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [normalize_space(b) for b in blocks if b.strip()]


def extract_record(doc: RawDocument, options: Options) -> Article | Rejection:
    """A record whose text is declared clean (``RawDocument.clean``, ``--trust-records``); other
    records go through the plain-text cleaner (see :mod:`newsfuse.extract`)."""
    # The text is taken as clean, except for wire credit lines ("(Reporting by A; Editing
    # by B)"), which scrapers keep and which are no statement of the article: dropped with a reason.
    kept: list[str] = []
    removed: list[RemovedBlock] = []
    for i, block in enumerate(record_paragraphs(doc.content)):
        if wire_credit(block):
            removed.append(
                RemovedBlock(block, i, "other", "wire credit line (reporting/editing by, contributed to this report)")
            )
        else:
            kept.append(block)
    paragraphs = make_paragraphs(kept)
    if not paragraphs:
        return Rejection(doc.origin, "no_text", "record text is empty", stage="extract")
    notes: list[str] = []
    published = None
    if doc.date:
        iso = iso_date(doc.date)
        if iso:
            published = PublishedDate(iso, "input", _CONF_INPUT)
        else:
            notes.append(f"unparseable date {doc.date!r} dropped")
    outlet, outlet_source, wire = resolve_outlet(doc, [p.text for p in paragraphs], removed)
    text = "\n\n".join(p.text for p in paragraphs)
    return Article(
        id=article_id(doc.name or doc.origin, text),
        origin=doc.origin,
        paragraphs=paragraphs,
        title=normalize_space(doc.title) if doc.title else None,
        outlet=outlet,
        outlet_source=outlet_source,
        wire=wire,
        author=doc.author,
        url=doc.url,
        published=published,
        language=doc.language,
        input_format=doc.input_format,
        notes=notes,
        removed=removed,
    )
