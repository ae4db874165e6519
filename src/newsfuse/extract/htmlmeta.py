"""Metadata candidates read from an HTML tree: JSON-LD, OpenGraph/meta tags, ``<title>`` and ``<h1>``.

trafilatura and htmldate already read these; this module keeps every candidate (not just the one
they pick) so :mod:`newsfuse.extract.htmlpick` can choose between them by general rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsfuse.text import normalize_space

# JSON-LD types that describe the article itself (schema.org Article and its subtypes in use).
ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Blog",
        "Report",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "LiveBlogPosting",
        "Review",
        "HowTo",
        "Recipe",
        "MedicalWebPage",
        "WebPage",
        "ItemPage",
        "CreativeWork",
        "Guide",
        "Product",
    )
)
# A headline longer than this is body text mis-tagged as a heading.
MAX_TITLE_CHARS = 300


@dataclass
class PageMeta:
    title_tag: str | None = None
    og_title: str | None = None
    twitter_title: str | None = None
    site_name: str | None = None  # og:site_name, application-name or the JSON-LD publisher
    h1: list[str] = field(default_factory=list)
    ld_headline: str | None = None
    ld_date_published: str | None = None
    ld_date_modified: str | None = None
    ld_authors: list[str] = field(default_factory=list)
    meta_author: str | None = None
    meta_date: str | None = None  # article:published_time and friends
    language: str | None = None


def _clean(s: Any) -> str | None:
    if not isinstance(s, str):
        return None
    s = normalize_space(s)
    return s or None


def _meta_index(tree: Any) -> dict[str, str]:
    """``<meta>`` contents by property/name/itemprop (first non-empty wins), in one pass over the page."""
    index: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = _clean(el.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key:
                index.setdefault(key.strip().lower(), content)
    return index


def _meta(index: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        v = index.get(key.lower())
        if v:
            return v
    return None


def _walk_ld(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for v in value:
            yield from _walk_ld(v)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in value and isinstance(value[key], (list, dict)):
                yield from _walk_ld(value[key])


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        c = _clean(value)
        return [c] if c else []
    if isinstance(value, dict):
        c = _clean(value.get("name"))
        return [c] if c else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _load_ld(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        # Common breakage: raw newlines/tabs inside strings, trailing commas.
        fixed = re.sub(r"[\r\n\t]+", " ", text)
        fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
        try:
            return json.loads(fixed)
        except ValueError:
            return None


def read_page_meta(tree: Any) -> PageMeta:
    """Every title/date/author/site-name candidate the page declares."""
    m = PageMeta()
    titles = tree.xpath("//head/title//text()") or tree.xpath("//title//text()")
    m.title_tag = _clean(" ".join(titles))
    index = _meta_index(tree)
    m.og_title = _meta(index, "og:title")
    m.twitter_title = _meta(index, "twitter:title")
    m.site_name = _meta(index, "og:site_name", "application-name")
    m.meta_author = _meta(index, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    m.meta_date = _meta(
        index,
        "article:published_time",
        "og:published_time",
        "datePublished",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date",
        "DC.date.issued",
        "publish-date",
        "pubdate",
        "date",
    )
    lang = tree.xpath("/html/@lang")
    lang_value = _clean(lang[0]) if lang else None
    m.language = lang_value.split("-")[0].lower() if lang_value else None
    for h in tree.xpath("//h1"):
        t = _clean(" ".join(h.itertext()))
        if t and len(t) <= MAX_TITLE_CHARS:
            m.h1.append(t)
    publisher: str | None = None
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        data = _load_ld(script.text or "")
        for obj in _walk_ld(data):
            types = _types(obj)
            if "website" in types or "organization" in types or "newsmediaorganization" in types:
                publisher = publisher or _clean(obj.get("name"))
                continue
            if not types & ARTICLE_TYPES:
                continue
            if m.ld_headline is None:
                m.ld_headline = _clean(obj.get("headline")) or (
                    _clean(obj.get("name")) if "webpage" not in types else None
                )
            if m.ld_date_published is None:
                m.ld_date_published = _clean(obj.get("datePublished")) or _clean(obj.get("dateCreated"))
            if m.ld_date_modified is None:
                m.ld_date_modified = _clean(obj.get("dateModified"))
            if not m.ld_authors and "webpage" not in types:
                m.ld_authors = _names(obj.get("author") or obj.get("creator"))
            if publisher is None:
                pub = _names(obj.get("publisher"))
                publisher = pub[0] if pub else None
    m.site_name = m.site_name or publisher
    return m


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_VISIBLE_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<mo3>\d\d)-(?P<d3>\d\d)"
    r"|(?P<mo4>\d{1,2})/(?P<d4>\d{1,2})/(?P<y4>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def dates_in_text(text: str) -> list[str]:
    """ISO dates written in ``text`` ("March 5, 2025", "5 March 2025", "2025-03-05", "3/5/2025" as M/D/Y), in order."""
    found: list[str] = []
    for m in _VISIBLE_DATE.finditer(text):
        g = m.groupdict()
        if g["y1"]:
            y, mo, d = int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), int(g["mo3"]), int(g["d3"])
        else:
            y, mo, d = int(g["y4"]), int(g["mo4"]), int(g["d4"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append(f"{y:04d}-{mo:02d}-{d:02d}")
    return found


_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})


def visible_dates(tree: Any, limit_chars: int = 200_000) -> set[str]:
    """ISO dates written in the page's visible text (scripts, styles and HTML comments excluded)."""
    body = tree.find(".//body")
    if body is None:
        return set()
    parts: list[str] = []
    size = 0
    for el in body.iter():
        # Comments and processing instructions have a non-string tag; their text is not shown.
        if el.text and isinstance(el.tag, str) and el.tag not in _INVISIBLE_TAGS:
            parts.append(el.text)
            size += len(el.text)
        if el.tail:
            parts.append(el.tail)
            size += len(el.tail)
        if size > limit_chars:
            break
    # A date can be split across inline tags ("<span>March 5,</span> 2025"): join with spaces.
    return set(dates_in_text(" ".join(parts)))
