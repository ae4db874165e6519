import re
from html.parser import HTMLParser

from newsfuse.model import Report, Story
from newsfuse.render import render_html
from newsfuse.render.html import asset, csp_hash
from newsfuse.render.sample import ONERROR_PAYLOAD, SCRIPT_PAYLOAD, sample_report


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(d["id"])


def _parse(doc: str) -> _Collect:
    p = _Collect()
    p.feed(doc)
    return p


def test_self_contained_and_strict_csp() -> None:
    doc = render_html(sample_report())
    p = _parse(doc)
    tags = [t for t, _ in p.tags]
    assert tags.count("script") == 1 and tags.count("style") == 1
    for tag, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "style" not in attrs, tag
        if tag in ("script", "img", "link", "iframe"):
            assert "src" not in attrs and "href" not in attrs
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp
    assert csp_hash(asset("report.js")) in csp and csp_hash(asset("report.css")) in csp
    assert "unsafe-inline" not in csp
    assert "http://" not in doc.split("<main>")[0] and "https://" not in doc.split("<main>")[0]


def test_hostile_text_is_escaped() -> None:
    doc = render_html(sample_report(hostile=True))
    assert SCRIPT_PAYLOAD not in doc and ONERROR_PAYLOAD not in doc
    assert "&lt;script&gt;window.__pwned" in doc
    p = _parse(doc)
    assert [t for t, _ in p.tags].count("script") == 1
    assert not any(t == "img" for t, _ in p.tags)
    assert 'href="javascript:' not in doc


def test_citations_point_at_existing_paragraph_anchors() -> None:
    doc = render_html(sample_report())
    p = _parse(doc)
    hrefs = [a["href"] or "" for t, a in p.tags if t == "a" and "cite" in (a.get("class") or "")]
    assert hrefs, "no citation markers"
    for h in hrefs:
        assert h.startswith("#") and h[1:] in p.ids, h
    assert "a000000000a1-p2" in p.ids
    # every internal link resolves
    for t, a in p.tags:
        if t == "a" and (href := a.get("href") or "").startswith("#"):
            assert href[1:] in p.ids, href


def test_story_page_shows_every_part() -> None:
    doc = render_html(sample_report())
    for text in [
        "3 articles, 3 outlets, 2 independent sources",
        "Agreed (1)",
        "Disputed (1)",
        "Single source (1)",
        "45,000,000",
        "Ilse Brandt",
        "Unknown speaker",
        "<svg",
        "Framing by outlet",
        "Mayor",
        "Removed while cleaning (2)",
        "username/date/Reply pattern",
        "no_text",
        "contained copy of",
    ]:
        assert text in doc, text


def test_empty_lists_render_as_none_found() -> None:
    st = Story(id="s1", articles=[], title="Nothing yet")
    doc = render_html(Report(stories=[st]))
    page = doc.split('id="story-s1"')[1]
    # summary, coverage, claims, conflicts, quotes, timeline, entities, framing
    assert len(re.findall(r"none found", page)) >= 8


def test_long_claim_lists_are_folded() -> None:
    from newsfuse.model import Claim

    st = Story(id="s1", articles=[], claims=[Claim(id=f"c{i}", text=f"claim {i}") for i in range(8)])
    page = render_html(Report(stories=[st]))
    assert "Single source (8)" in page and "2 more</summary>" in page and "claim 7" in page


def test_coverage_gap_is_shown_and_escaped() -> None:
    report = sample_report()
    claim = report.stories[0].claims[-1]
    claim.missing_outlets = ["Gap <b>Times</b>"]
    doc = render_html(report)
    assert "not reported by Gap &lt;b&gt;Times&lt;/b&gt;" in doc
    assert "<b>Times" not in doc


class _CountedParagraphs(list):
    """A paragraph list that counts how often it is walked through."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def test_citation_tooltips_quote_the_cited_paragraph_reading_each_article_once():
    from newsfuse.model import Article, Paragraph, Source, SummarySentence
    from newsfuse.render.views import Links, story_page

    paras = _CountedParagraphs(Paragraph(f"p{i}", f"Paragraph number {i} of the log.") for i in range(1, 5001))
    big = Article(id="a1", origin="x", paragraphs=paras, outlet="log.example")
    cited = [f"p{i}" for i in range(1, 5001, 10)]
    story = Story(
        id="s1",
        articles=["a1"],
        title="Works log",
        summary=[SummarySentence(f"Sentence {pid}.", [Source("a1", pid, "log.example")]) for pid in cited],
    )
    _CountedParagraphs.walks = 0
    page = story_page(story, {"a1": big}, Links(inline=False))
    assert 'title="log.example ¶p4991: Paragraph number 4991 of the log."' in page
    assert 'title="log.example ¶p11: Paragraph number 11 of the log."' in page
    # 500 citations of one 5,000-paragraph article: its paragraphs are read once (not per citation),
    # plus the walks the page makes anyway (the article list), whatever the number of citations.
    assert _CountedParagraphs.walks <= 3
