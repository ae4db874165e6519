"""JSON article records (news-please, WCEP, generic scrapes) to :class:`RawDocument`.

Field names differ between tools; the first non-empty field of each list below wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from newsfuse.model import RawDocument, Rejection

TEXT_FIELDS = ("text", "maintext", "body", "content", "articleBody", "article", "main_content")
HTML_FIELDS = ("html", "raw_html", "rawHtml")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "uri")
DATE_FIELDS = (
    "date",
    "date_publish",
    "published",
    "time",
    "date_published",
    "publish_date",
    "datePublished",
    "pubdate",
)
OUTLET_FIELDS = (
    "source",
    "outlet",
    "source_domain",
    "site_name",
    "siteName",
    "source_name",
    "site",
    "sitename",
    "publisher",
    "domain",
)
AUTHOR_FIELDS = ("author", "authors", "byline")
LANGUAGE_FIELDS = ("language", "lang")
# A record that says its text is already clean article text (no comments, no page furniture).
CLEAN_FIELDS = ("clean", "text_is_clean", "cleaned", "is_clean")
# Keys under which a record (a WCEP cluster, an API page) holds a list of articles.
LIST_FIELDS = ("articles", "documents", "docs", "items", "results", "data")


def _scalar(value: Any) -> str | None:
    """A record value as one string: lists of names are joined, dicts give their name/url."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _scalar(value.get("name") or value.get("title") or value.get("url"))
    if isinstance(value, list):
        parts = [p for p in (_scalar(v) for v in value) if p]
        return ", ".join(parts) or None
    return None


def _first(rec: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        v = _scalar(rec.get(name))
        if v:
            return v
    return None


# A stock ticker split over two lines by a sentence-splitting scraper: "Petrobras (PETR4." + "SA) said".
_SPLIT_TICKER_RE = re.compile(r"\(([A-Z0-9]{1,6})\.\s*\n\s*([A-Z]{1,3}\))")


# The same without brackets: "national carrier Varno Air VAIR." + "UL, which ...".  Only an exchange
# suffix of Reuters instrument codes (general market vocabulary) followed by a comma or semicolon
# joins, so that "... joined NATO." + "US, Britain and France agreed" stays two sentences.
_EXCHANGE_SUFFIXES = "UL|N|O|L|DE|PA|T|HK|SS|SZ|TO|AX|SA|MI|AS|MC|BO|NS|KS|F|BR|CO|ST|OL|HE|SW|VX|J|SI|TW|MX"
_SPLIT_BARE_TICKER_RE = re.compile(r"\b([A-Z][A-Z0-9]{1,5})\.[ \t]*\n\s*(" + _EXCHANGE_SUFFIXES + r")(?=[,;])")


def _text(rec: dict[str, Any]) -> str | None:
    text = _raw_text(rec)
    if text is not None and "(" in text:
        text = _SPLIT_TICKER_RE.sub(r"(\1.\2", text)
    if text is not None and ".\n" in text:
        text = _SPLIT_BARE_TICKER_RE.sub(r"\1.\2", text)
    return text


def _raw_text(rec: dict[str, Any]) -> str | None:
    for name in TEXT_FIELDS:
        v = rec.get(name)
        if isinstance(v, list):  # paragraphs given as a list
            joined = "\n\n".join(s.strip() for s in v if isinstance(s, str) and s.strip())
            if joined:
                return joined
        elif isinstance(v, str) and v.strip():
            return v
    return None


def _outlet(rec: dict[str, Any], url: str | None) -> str | None:
    outlet = _first(rec, OUTLET_FIELDS)
    if outlet and outlet.startswith(("http://", "https://")):
        outlet = urlsplit(outlet).hostname or outlet
    return outlet


def _article_list(rec: dict[str, Any]) -> list[Any] | None:
    for name in LIST_FIELDS:
        v = rec.get(name)
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            return v
    return None


_HTML_START_RE = re.compile(r"^\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|ul|li|img|script|table)\b[^>]*>", re.I)


def _looks_like_html(text: str) -> bool:
    """Markup rather than text: a document start, or tags making up a real share of the text."""
    head = text[:5000]
    if _HTML_START_RE.match(head):
        return True
    tags = _HTML_TAG_RE.findall(head)
    return len(tags) >= 5 and sum(map(len, tags)) > 0.05 * len(head)


def record_documents(value: Any, origin: str, input_format: str = "json") -> Iterator[RawDocument | Rejection]:
    """Documents from one parsed JSON value: an article, a list of them, or a record holding a list."""
    if isinstance(value, list):
        if not value:
            yield Rejection(origin, "empty", "empty JSON list")
        for i, item in enumerate(value, 1):
            yield from record_documents(item, f"{origin}/{i}", input_format)
        return
    if not isinstance(value, dict):
        yield Rejection(origin, "malformed", f"expected a JSON object, got {type(value).__name__}")
        return
    text = _text(value)
    html = None if text else _first(value, HTML_FIELDS)
    if text is None and html is None:
        nested = _article_list(value)
        if nested is not None:
            for i, item in enumerate(nested, 1):
                yield from record_documents(item, f"{origin}/{i}", input_format)
            return
        yield Rejection(origin, "no_text", "no text field (" + "/".join(TEXT_FIELDS[:4]) + ")")
        return
    if text is not None and _looks_like_html(text):
        html, text = text, None  # a scraper that stored the page's markup in its text field
    url = _first(value, URL_FIELDS)
    if url and not url.startswith(("http://", "https://")):
        url = None
    yield RawDocument(
        origin=origin,
        content=text if text is not None else (html or ""),
        kind="record" if text is not None else "html",
        input_format=input_format,
        url=url,
        title=_first(value, TITLE_FIELDS),
        date=_first(value, DATE_FIELDS),
        author=_first(value, AUTHOR_FIELDS),
        outlet=_outlet(value, url),
        language=_first(value, LANGUAGE_FIELDS),
        clean=any(value.get(f) is True for f in CLEAN_FIELDS),
    )
