"""HTML pages to articles: trafilatura for the main text, its comments and metadata; our own rules
(:mod:`newsfuse.extract.htmlpick`) only to choose between the title/date/author candidates."""

from __future__ import annotations

from typing import Any

from newsfuse.extract.dates import iso_date
from newsfuse.extract.htmlmeta import PageMeta, read_page_meta, visible_dates
from newsfuse.extract.htmlpick import host_of, pick_author, pick_title, toks
from newsfuse.extract.outletdetect import resolve_outlet, wire_origin
from newsfuse.model import Article, PublishedDate, RawDocument, Rejection, RemovedBlock, article_id, make_paragraphs
from newsfuse.options import Options
from newsfuse.outlets import display_name
from newsfuse.text import normalize_space

# Confidence of a publication date by the evidence behind it.
_CONF_VISIBLE = 0.9  # declared in the metadata and also written on the page
_CONF_DECLARED = 0.75  # declared (JSON-LD / meta / htmldate's reading of the markup) but not shown
_CONF_INPUT = 0.95  # given by the input record

# A body shorter than this (characters) from precision mode is checked against balanced mode, whose
# text replaces it when at least _SHORT_BODY_GAIN times longer (dev sets: +0.005 F1 on zyte-aeb,
# +0.004 on wcxb-dev, 1 and 5 pages changed).
_SHORT_BODY_CHARS = 1000
_SHORT_BODY_GAIN = 2.0

# The headline is looked for among the first blocks only (after a kicker or a byline at most).
_HEADLINE_SCAN = 3

# trafilatura's XML body: these elements are paragraphs; lists and tables are split further.
_BLOCKS = ("p", "head", "quote", "code", "list", "table")


# Invisible characters inside words (soft hyphen, zero-width space/joiners, BOM) that would split a token.
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def _text_of(el: Any) -> str:
    """Text of an element; trafilatura's ``<lb/>`` line breaks become spaces so words do not fuse."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.tag == "lb":
            parts.append(" ")
        elif e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return normalize_space("".join(parts).translate(_INVISIBLE))


def body_paragraphs(body: Any) -> list[str]:
    """Paragraph texts from trafilatura's XML body, in order (lists by item, tables by row)."""
    out: list[str] = []
    if body is None:
        return out
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            items = [_text_of(i) for i in child.iter("item")]
            out.extend(items if items else [_text_of(child)])
        elif tag == "table":
            rows = [" ".join(_text_of(c) for c in r if isinstance(c.tag, str)) for r in child.iter("row")]
            out.extend(rows if rows else [_text_of(child)])
        else:
            out.append(_text_of(child))
        if child.tail and child.tail.strip():
            out.append(normalize_space(child.tail))
    return [t for t in out if t]


def pick_date(meta: PageMeta, extractor_date: str | None, visible: set[str]) -> PublishedDate | None:
    """A date written on the page beats one only declared; JSON-LD ``datePublished`` beats htmldate's guess.

    Measured on wcxb-dev (see the README): trafilatura's own choice is right for 0.887 of the pages,
    these rules for 0.92.
    """
    ld = iso_date(meta.ld_date_published, fuzzy=False)
    declared = [ld, iso_date(meta.meta_date, fuzzy=False), iso_date(meta.ld_date_modified, fuzzy=False)]
    if extractor_date and extractor_date in visible:
        return PublishedDate(extractor_date, "metadata", _CONF_VISIBLE)
    for d in declared:
        if d and d in visible:
            return PublishedDate(d, "metadata", _CONF_VISIBLE)
    if ld:
        return PublishedDate(ld, "metadata", _CONF_DECLARED)
    if extractor_date:
        return PublishedDate(extractor_date, "htmldate", _CONF_DECLARED)
    return None


def extract_html(doc: RawDocument, options: Options) -> Article | Rejection:
    """One HTML document to an :class:`Article`, or a :class:`Rejection` saying why not."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(doc.content)
    if tree is None:
        return Rejection(doc.origin, "unparsable", "not parseable as HTML", stage="extract")
    meta = read_page_meta(tree)
    visible = visible_dates(tree)
    # include_comments=True makes trafilatura cut the comment section out of the tree before it
    # looks for the article (as its defaults do) and hand it back, so it can be audited.
    # favor_precision: on zyte-aeb it trades 0.008 recall for 0.019 precision (F1 0.958 -> 0.964).
    result: Any = bare_extraction(tree, url=doc.url, with_metadata=True, include_comments=True, favor_precision=True)
    if result is None:
        return Rejection(doc.origin, "no_text", "trafilatura found no main text", stage="extract")
    texts = body_paragraphs(result.body)
    if not texts and result.text:
        texts = [t for t in result.text.split("\n") if t.strip()]
    if sum(map(len, texts)) < _SHORT_BODY_CHARS:
        # Precision mode sometimes keeps only a notice when the article sits in an unusual
        # container; trafilatura's balanced mode then finds it. Rare, so the second pass is cheap.
        second: Any = bare_extraction(load_html(doc.content), url=doc.url, with_metadata=False, include_comments=True)
        alt = body_paragraphs(second.body) if second is not None else []
        if sum(map(len, alt)) >= _SHORT_BODY_GAIN * max(1, sum(map(len, texts))):
            texts, result.commentsbody = alt, second.commentsbody
    url = doc.url or result.url
    title = doc.title or pick_title(meta, result.title, result.sitename, url)
    removed: list[RemovedBlock] = []
    # The headline repeated as the first block of the body is metadata, not body text.
    for i, t in enumerate(texts[:_HEADLINE_SCAN]):
        if title and toks(t) == toks(title):
            removed.append(RemovedBlock(text=t, position=i, reason="other", detail="headline repeated in the body"))
            texts = texts[:i] + texts[i + 1 :]
            break
    paragraphs = make_paragraphs(texts)
    if not paragraphs:
        return Rejection(doc.origin, "no_text", "trafilatura found no main text", stage="extract")
    removed += [
        RemovedBlock(text=t, position=len(texts) + i, reason="comment", detail="trafilatura comment section")
        for i, t in enumerate(body_paragraphs(result.commentsbody))
    ]
    if doc.date and iso_date(doc.date):
        published: PublishedDate | None = PublishedDate(iso_date(doc.date) or "", "input", _CONF_INPUT)
    else:
        published = pick_date(meta, result.date, visible)
    outlet, outlet_source = doc.outlet, "input" if doc.outlet else None
    if not outlet and host_of(url):
        outlet, outlet_source = host_of(url), "url"
    if not outlet and (meta.site_name or result.sitename):
        outlet, outlet_source = meta.site_name or result.sitename, "metadata"
    texts = [p.text for p in paragraphs]
    wire = None
    if outlet:
        outlet, wire = display_name(outlet), wire_origin(outlet, texts)
    else:
        outlet, outlet_source, wire = resolve_outlet(doc, texts, removed)
    text = "\n\n".join(p.text for p in paragraphs)
    return Article(
        id=article_id(doc.name or doc.origin, text),
        origin=doc.origin,
        paragraphs=paragraphs,
        title=title,
        outlet=outlet,
        outlet_source=outlet_source,
        wire=wire,
        author=doc.author or pick_author(meta, result.author, result.sitename, url),
        url=url,
        published=published,
        language=doc.language or meta.language or result.language,
        input_format=doc.input_format,
        removed=removed,
    )
