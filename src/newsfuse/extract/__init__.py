"""Extraction: each :class:`RawDocument` to an :class:`Article` (or a :class:`Rejection`).

html -> :mod:`newsfuse.extract.html` (trafilatura), record -> :mod:`newsfuse.extract.record`,
text -> :func:`newsfuse.extract.text.clean_texts` (all text documents in one call: the cleaner
uses evidence across the corpus, e.g. lines one outlet repeats in every article).
"""

from __future__ import annotations

import logging

from newsfuse.extract.housestyle import mark_unlike_outlets
from newsfuse.extract.html import extract_html
from newsfuse.extract.outletdetect import propagate_outlets
from newsfuse.extract.record import extract_record
from newsfuse.extract.text import clean_texts
from newsfuse.model import Article, RawDocument, Rejection
from newsfuse.options import Options

__all__ = ["extract_documents"]

log = logging.getLogger(__name__)


def _one(doc: RawDocument, options: Options) -> Article | Rejection:
    try:
        if doc.kind == "html":
            return extract_html(doc, options)
        return extract_record(doc, options)
    except Exception as exc:  # a bug or a pathological page must not end the whole run
        log.warning("extraction failed for %s: %s", doc.origin, exc)
        return Rejection(doc.origin, "extract_error", f"{type(exc).__name__}: {exc}", stage="extract")


def _trusted(doc: RawDocument, options: Options) -> bool:
    """A record's text is cleaned like any plain text unless the record (or the run) says it is clean:
    scrapers keep reader comments, captions and page furniture in their ``text`` fields."""
    return doc.clean or options.clean.trust_records


def extract_documents(docs: list[RawDocument], options: Options) -> list[Article | Rejection]:
    """One output per input, in input order."""
    out: list[Article | Rejection | None] = [None] * len(docs)
    text_idx: list[int] = []
    for i, doc in enumerate(docs):
        if doc.kind not in ("html", "record", "text"):
            raise ValueError(f"unknown document kind {doc.kind!r} for {doc.origin}")
        if doc.kind == "text" or (doc.kind == "record" and not _trusted(doc, options)):
            text_idx.append(i)
        else:
            out[i] = _one(doc, options)
    if text_idx:
        cleaned = clean_texts([docs[i] for i in text_idx], options)
        if len(cleaned) != len(text_idx):
            raise RuntimeError(f"clean_texts returned {len(cleaned)} results for {len(text_idx)} documents")
        for i, result in zip(text_idx, cleaned, strict=True):
            out[i] = result
    for doc, item in zip(docs, out, strict=True):
        if doc.notes and isinstance(item, Article):
            item.notes[:0] = doc.notes  # what reading changed (see readers/sanitize.py)
    done = [x for x in out if x is not None]
    arts = mark_unlike_outlets(propagate_outlets([x for x in done if isinstance(x, Article)]))
    it = iter(arts)
    return [next(it) if isinstance(x, Article) else x for x in done]
