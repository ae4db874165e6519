"""``report.html``: the whole report as ONE self-contained file (inline CSS and JS, no network).

Every page (story list, each story, each article, the run overview) is a ``<section class="page">``;
the inline script shows the one the URL fragment points into, so citation links such as
``#a1b2c3-p3`` open the article with that paragraph highlighted (without JavaScript all pages
show one after another and the links still jump).  The Content-Security-Policy meta tag allows only
the exact inline stylesheet and script (by SHA-256 hash), no other script, no network at all.
:func:`document` wraps one page the same way for the paged layout (:mod:`newsfuse.render.pages`).
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from newsfuse.model import Report, Story
from newsfuse.render.escape import esc
from newsfuse.render.views import (
    Links,
    article_list,
    article_page,
    by_coverage,
    plural,
    run_overview,
    story_list,
    story_page,
)


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """A packaged asset (``report.css``, ``report.js``); read-only, so caching it is safe under Dask."""
    return resources.files("newsfuse.render").joinpath(name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=4)
def content_security_policy(css: str, js: str) -> str:
    # Cached (pure function of the two assets): the paged layout writes one document per article.
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def document(title_meta: str, body: str, brand_href: str = "#stories") -> str:
    """One self-contained HTML document around ``body`` (already escaped fragments): inline CSS and JS,
    allowed by hash in the CSP, nothing from the network."""
    return "".join(document_parts(title_meta, brand_href, [body]))


def document_parts(title_meta: str, brand_href: str, pages: Iterable[str]) -> Iterator[str]:
    """:func:`document` piece by piece: head, then each of ``pages``, then the script."""
    css, js = asset("report.css"), asset("report.js")
    yield (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(css, js))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>newsfuse report</title><style>{css}</style></head><body>"
        f'<header class="site"><a class="brand" href="{esc(brand_href)}">newsfuse</a>'
        f'<span class="meta">{title_meta}</span></header>'
        "<main>"
    )
    yield from pages
    yield f"</main><script>{js}</script></body></html>\n"


def report_meta(report: Report) -> str:
    """The header line: '3 stories from 12 articles · schema 1.0 · newsfuse' (escaped)."""
    n_art, n_st = len(report.articles), len(report.stories)
    return f"{plural(n_st, 'story', 'stories')} from {plural(n_art, 'article')} · schema {esc(report.schema_version)} · {esc(report.generator)}"


def stories_of_articles(report: Report) -> dict[str, list[Story]]:
    """Article id -> the stories it belongs to."""
    stories_of: dict[str, list[Story]] = defaultdict(list)
    for st in report.stories:
        for aid in st.articles:
            stories_of[aid].append(st)
    return stories_of


def html_chunks(report: Report) -> Iterator[str]:
    """The single-file report piece by piece (one page per piece), so a writer can stream it."""
    links = Links(inline=True)
    by_id = {a.id: a for a in report.articles}
    stories_of = stories_of_articles(report)
    loose = [a for a in report.articles if a.id not in stories_of]

    def pages() -> Iterator[str]:
        yield (
            '<section class="page" id="stories">'
            + story_list(by_coverage(report.stories), links)
            + f"<h2>Articles in no story ({len(loose)})</h2>"
            + article_list(loose, links)
            + '<p class="meta"><a href="#run">Processing steps and rejected inputs</a></p></section>'
        )
        for st in report.stories:
            yield f'<section class="page" id="story-{esc(st.id)}">{story_page(st, by_id, links)}</section>'
        for a in report.articles:
            yield f'<section class="page" id="article-{esc(a.id)}">{article_page(a, stories_of.get(a.id, []), links)}</section>'
        yield (
            '<section class="page" id="run"><nav class="crumbs"><a href="#stories">← all stories</a></nav>'
            f"<h1>Run overview</h1>{run_overview(report.stats, report.rejections)}</section>"
        )

    yield from document_parts(report_meta(report), "#stories", pages())


def render_html(report: Report) -> str:
    """The report as one HTML document (a ``str``)."""
    return "".join(html_chunks(report))
