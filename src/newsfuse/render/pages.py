"""The paged report layout: small index files plus one file per story and per article.

Written by :func:`newsfuse.render.files.write_report` when the single-file report would be too large
to open (see :class:`newsfuse.options.ReportOptions`).  Layout of ``DIR`` (all links relative, so the
folder can be moved, zipped or served as static files)::

    report.html                      story list, page 1 (the page a reader opens first)
    report.md                        Markdown index: story list, parts, steps
    report-index.json                JSON index: counts, stats and the JSON-lines parts in order
    report/stories/<id>.html, .md    one story
    report/articles/<id>.html        one article: clean text and the audit of what was removed
    report/lists/stories-00002.html  further story-list pages; unclustered-*.html: articles in no
                                     story; run-*.html: processing steps and rejected inputs
    report/md/articles-00001.md      articles (Markdown), rejections-00001.md: rejected inputs
    report/json/articles-00001.jsonl, stories-*.jsonl, rejections-*.jsonl

Every HTML file is a self-contained document like ``report.html`` in the single layout (inline CSS and
JS allowed by hash in its CSP, every value from the data escaped by the same view functions).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from newsfuse.model import Article, Rejection, Report, Story
from newsfuse.options import ReportOptions
from newsfuse.render.escape import esc, md
from newsfuse.render.html import document, report_meta, stories_of_articles
from newsfuse.render.jsonout import PartWriter
from newsfuse.render.markdown import article_lines, header_lines, rejection_line, steps_lines, story_lines
from newsfuse.render.views import (
    Links,
    article_list,
    article_page,
    by_coverage,
    coverage_line,
    plural,
    run_overview,
    story_list,
    story_page,
    story_title,
)

FOLDER = "report"  # everything but the three index files lives in DIR/report/
MARKER = ".newsfuse-report"  # marks DIR/report/ as ours, so a later run may replace it
INDEX_HTML = "report.html"
INDEX_MD = "report.md"
_PLAIN_ID = re.compile(r"[a-z0-9_-]{1,100}")
T = TypeVar("T")


def file_stem(item_id: str) -> str:
    """A file name for an id: the id itself when it is plain (our ids are), else a hash of it, so no id
    can escape the folder (``../x``), clash on a case-insensitive disk or need URL quoting."""
    if _PLAIN_ID.fullmatch(item_id):
        return item_id
    return "h" + hashlib.sha1(item_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def list_page_name(kind: str, n: int) -> str:
    return f"{kind}-{n:05d}.html"


@dataclass(frozen=True)
class PageLinks(Links):
    """Links between the files of the paged layout; ``root`` is the way from the current file to DIR."""

    inline: bool = False
    root: str = "."

    def home(self) -> str:
        return f"{self.root}/{INDEX_HTML}"

    def story(self, sid: str) -> str:
        return f"{self.root}/{FOLDER}/stories/{file_stem(sid)}.html"

    def article(self, aid: str) -> str:
        return f"{self.root}/{FOLDER}/articles/{file_stem(aid)}.html"

    def paragraph(self, aid: str, pid: str) -> str:
        return f"{self.article(aid)}#{aid}-{pid}"

    def list_page(self, kind: str, n: int) -> str:
        if kind == "stories" and n == 1:
            return self.home()
        return f"{self.root}/{FOLDER}/lists/{list_page_name(kind, n)}"


TOP = PageLinks(root=".")  # links from the index files in DIR
DEEP = PageLinks(root="../..")  # links from files in DIR/report/<kind>/


def _chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def _pager(kind: str, n: int, total: int, links: PageLinks) -> str:
    """'page 2 of 9: ← previous · 1 2 3 … · next →' (nothing when there is one page)."""
    if total <= 1:
        return ""
    numbers = " ".join(
        f"<strong>{i}</strong>" if i == n else f'<a href="{esc(links.list_page(kind, i))}">{i}</a>'
        for i in range(1, total + 1)
    )
    prev = f'<a href="{esc(links.list_page(kind, n - 1))}">← previous</a> · ' if n > 1 else ""
    nxt = f' · <a href="{esc(links.list_page(kind, n + 1))}">next →</a>' if n < total else ""
    return f'<nav class="crumbs pager">page {n} of {total}: {prev}{numbers}{nxt}</nav>'


class PagedHtml:
    """Writes the HTML files of the paged layout into ``folder`` (DIR/report or a temporary twin)."""

    def __init__(self, report: Report, folder: Path, options: ReportOptions) -> None:
        self.report = report
        self.folder = folder
        self.options = options
        self.meta = report_meta(report)
        self.stories_of = stories_of_articles(report)
        self.n_loose = 0

    def _write(self, rel: str, page_id: str, body: str, links: PageLinks) -> None:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = document(self.meta, f'<section class="page" id="{esc(page_id)}">{body}</section>', links.home())
        path.write_text(doc, encoding="utf-8", errors="surrogatepass")

    def write_all(self) -> str:
        """Write every page but the first; return the first (``report.html``) for the caller to place."""
        by_id = {a.id: a for a in self.report.articles}
        for st in self.report.stories:
            self._write(f"stories/{file_stem(st.id)}.html", f"story-{st.id}", story_page(st, by_id, DEEP), DEEP)
        for a in self.report.articles:
            body = article_page(a, self.stories_of.get(a.id, []), DEEP)
            self._write(f"articles/{file_stem(a.id)}.html", f"article-{a.id}", body, DEEP)
        loose = [a for a in self.report.articles if a.id not in self.stories_of]
        self.n_loose = len(loose)
        self._list_pages("unclustered", loose, self.options.rows_per_page, self._loose_body)
        rejections = self.report.rejections
        self._list_pages("run", rejections, self.options.rows_per_page, self._run_body)
        pages = _chunks(by_coverage(self.report.stories), self.options.stories_per_page)
        first = ""
        for n, chunk in enumerate(pages, 1):
            links = TOP if n == 1 else DEEP
            body = self._stories_body(chunk, n, len(pages), links, len(loose))
            if n == 1:
                first = document(self.meta, f'<section class="page" id="stories">{body}</section>', TOP.home())
            else:
                self._write(f"lists/{list_page_name('stories', n)}", "stories", body, DEEP)
        return first

    def _list_pages(
        self, kind: str, items: Sequence[T], size: int, body: Callable[[Sequence[T], int, int], str]
    ) -> None:
        chunks = _chunks(items, size)
        for n, chunk in enumerate(chunks, 1):
            self._write(f"lists/{list_page_name(kind, n)}", kind, body(chunk, n, len(chunks)), DEEP)

    def _stories_body(self, stories: Sequence[Story], n: int, total: int, links: PageLinks, n_loose: int) -> str:
        first = (n - 1) * self.options.stories_per_page
        span = f"stories {first + 1}–{first + len(stories)} of {len(self.report.stories)}" if stories else ""
        return (
            story_list(stories, links)
            + (f'<p class="meta">{esc(span)}</p>' if total > 1 else "")
            + _pager("stories", n, total, links)
            + f'<p class="meta"><a href="{esc(links.list_page("unclustered", 1))}">Articles in no story ({n_loose})</a>'
            + f' · <a href="{esc(links.list_page("run", 1))}">Processing steps and rejected inputs</a></p>'
        )

    def _loose_body(self, articles: Sequence[Article], n: int, total: int) -> str:
        return (
            f'<nav class="crumbs"><a href="{esc(DEEP.home())}">← all stories</a></nav>'
            f"<h1>Articles in no story ({self.n_loose})</h1>"
            + article_list(articles, DEEP)
            + _pager("unclustered", n, total, DEEP)
        )

    def _run_body(self, rejections: Sequence[Rejection], n: int, total: int) -> str:
        # The steps table is a dozen rows, so every page of rejected inputs repeats it.
        return (
            f'<nav class="crumbs"><a href="{esc(DEEP.home())}">← all stories</a></nav>'
            "<h1>Run overview</h1>" + run_overview(self.report.stats, rejections) + _pager("run", n, total, DEEP)
        )


def write_markdown_pages(report: Report, folder: Path, options: ReportOptions) -> str:
    """Write story and article Markdown files into ``folder``; return the index (``report.md``)."""
    by_id = {a.id: a for a in report.articles}
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    index = [*header_lines(report), "## Stories", ""]
    for st in by_coverage(report.stories):
        stem = file_stem(st.id)
        (folder / "stories" / f"{stem}.md").write_text(
            "\n".join(story_lines(st, by_id)) + "\n", encoding="utf-8", errors="surrogatepass"
        )
        index.append(f"- [{md(story_title(st))}]({FOLDER}/stories/{stem}.md) — {md(coverage_line(st))}")
    if not report.stories:
        index.append("_none found_")
    index += ["", "## Articles", ""]
    index += _md_parts(folder, "articles", ("\n".join(article_lines(a)) + "\n" for a in report.articles), options)
    index += ["", "## Rejected inputs", ""]
    index += _md_parts(folder, "rejections", (rejection_line(r) + "\n" for r in report.rejections), options)
    index += ["", *steps_lines(report.stats)]
    return "\n".join(index) + "\n"


def _md_parts(folder: Path, stem: str, texts: Iterator[str], options: ReportOptions) -> list[str]:
    writer = PartWriter(folder / "md", stem, ".md", options.part_max_bytes)
    (folder / "md").mkdir(parents=True, exist_ok=True)
    counts: list[int] = []
    try:
        for text in texts:
            before = len(writer.paths)
            writer.write(text)
            if len(writer.paths) != before:
                counts.append(0)
            counts[-1] += 1
    finally:
        writer.close()
    if not writer.paths:
        return ["_none found_"]
    return [
        f"- [{p.name}]({FOLDER}/md/{p.name}) ({plural(c, 'entry', 'entries')})"
        for p, c in zip(writer.paths, counts, strict=True)
    ]
