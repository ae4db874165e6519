from __future__ import annotations

from newsfuse.extract.html import extract_html, pick_date
from newsfuse.extract.htmlmeta import PageMeta, read_page_meta, visible_dates
from newsfuse.extract.htmlpick import join_names, pick_author, pick_title, strip_site_name
from newsfuse.model import Article, RawDocument, Rejection
from newsfuse.options import Options

BODY = " ".join(
    [
        "Engineers at the Verrin Dam above Kelbrook opened two spillway gates on Monday night after the reservoir",
        "rose forty centimetres in a single day, the regional water board said in a statement.",
    ]
)
PAGE = f"""<!DOCTYPE html><html lang="en-GB"><head>
<title>Kelbrook orders evacuation as Verrin Dam gates open | The Kelbrook Courier</title>
<meta property="og:title" content="Kelbrook orders evacuation as Verrin Dam gates open | The Kelbrook Courier">
<meta property="og:site_name" content="The Kelbrook Courier">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Kelbrook orders evacuation as Verrin Dam gates open", "datePublished": "2025-03-04T07:30:00Z",
 "author": [{{"@type": "Person", "name": "Tamsin Oduya"}}, {{"@type": "Person", "name": "Pell Ruark"}}]}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Kelbrook orders evacuation as Verrin Dam gates open</h1>
<p class="byline">By Tamsin Oduya and Pell Ruark, March 4, 2025</p>
<p>{BODY}</p>
<p>About 1,200 residents of the lower valley were told to leave their homes before dawn, according to mayor Idris Kallweit, who said the order was a precaution.</p>
<p>"We are not expecting the wall to fail, but we will not gamble with lives," Kallweit told reporters outside the town hall on Tuesday.</p>
<p>The board said water would be released at a controlled rate for at least three days while inspectors examined the eastern abutment.</p>
</article>
<section id="comments" class="comments">
<h3>Comments</h3>
<div class="comment"><p>riverwatcher88 · 2 hours ago: They were warned about that abutment years ago and did nothing at all about it.</p></div>
<div class="comment"><p>Kelbrook_Mum replied: Stay safe everyone, the school gym is open for families tonight.</p></div>
</section>
<footer>© 2025 The Kelbrook Courier. All rights reserved.</footer>
</body></html>"""


def doc(html: str = PAGE, url: str | None = "https://www.kelbrook-courier.example/news/dam") -> RawDocument:
    return RawDocument(origin="page.html", content=html, kind="html", input_format="html", url=url)


def test_extract_article_with_metadata_and_comments() -> None:
    art = extract_html(doc(), Options())
    assert isinstance(art, Article)
    assert art.title == "Kelbrook orders evacuation as Verrin Dam gates open"
    assert art.outlet == "kelbrook-courier.example" and art.outlet_source == "url"
    assert art.published is not None and art.published.value == "2025-03-04"
    assert art.published.confidence >= 0.9  # declared and shown on the page
    assert art.author == "Tamsin Oduya and Pell Ruark"
    assert art.language == "en"
    texts = [p.text for p in art.paragraphs]
    assert BODY in texts  # paragraphs survive as paragraphs
    assert [p.id for p in art.paragraphs] == [f"p{i + 1}" for i in range(len(texts))]
    assert not any("riverwatcher88" in t or "All rights reserved" in t or t == "Home" for t in texts)
    comments = [r for r in art.removed if r.reason == "comment"]
    assert any("riverwatcher88" in r.text for r in comments)


def test_record_metadata_wins_and_no_text_is_rejected() -> None:
    d = doc()
    d.title, d.date, d.outlet = "Given title", "2025-03-05", "Kelbrook Courier"
    art = extract_html(d, Options())
    assert isinstance(art, Article)
    assert (art.title, art.date, art.outlet, art.outlet_source) == (
        "Given title",
        "2025-03-05",
        "Kelbrook Courier",
        "input",
    )
    assert art.published is not None and art.published.source == "input"
    empty = extract_html(doc("<html><body><script>var x = 1;</script></body></html>"), Options())
    assert isinstance(empty, Rejection) and empty.reason == "no_text" and empty.stage == "extract"


def test_strip_site_name() -> None:
    sites = ["The Kelbrook Courier"]
    assert strip_site_name("Gates open | The Kelbrook Courier", sites, None) == "Gates open"
    assert strip_site_name("Kelbrook Courier - Gates open", [], "kelbrookcourier.example") == "Gates open"
    assert strip_site_name("Dam news: gates open - Valley Post", [], "valleypost.example") == "Dam news: gates open"
    # a segment that is not the site stays
    assert (
        strip_site_name("Gates open - a long night in the valley", sites, "kelbrook.example")
        == "Gates open - a long night in the valley"
    )


def test_pick_title_rules() -> None:
    m = PageMeta(
        og_title="Gates open at Verrin Dam | Valley Post",
        site_name="Valley Post",
        h1=["Valley Post", "Gates open at Verrin Dam"],
    )
    assert pick_title(m, None, None, None) == "Gates open at Verrin Dam"  # the logo h1 is skipped
    m = PageMeta(og_title="Gates open at Verrin Dam", h1=["Menu"])
    assert pick_title(m, None, None, None) == "Gates open at Verrin Dam"  # a one-word h1 is a label
    m = PageMeta(title_tag="Why the dam was full - Valley Post", h1=["Kelbrook residents leave as water rises"])
    assert pick_title(m, None, None, "https://valleypost.example/x") == "Kelbrook residents leave as water rises"
    m = PageMeta(og_title="Why the dam was full | Valley Post", h1=["Open Menu Close Menu"])
    assert (
        pick_title(m, None, None, "https://valleypost.example/x") == "Why the dam was full"
    )  # page furniture is not a headline
    m = PageMeta(og_title="Gates open at Verrin Dam", h1=["Gates open at Verrin Dam Posted on March 4, 2025 by admin"])
    assert pick_title(m, None, None, None) == "Gates open at Verrin Dam"


def test_pick_author_rules() -> None:
    assert join_names(["Rae Lund", "Ode Vasz", "Ira Pell"]) == "Rae Lund, Ode Vasz, and Ira Pell"
    assert join_names(["Rae Lund", "MS", "RD"]) == "Rae Lund, MS, RD"
    m = PageMeta(ld_authors=["Tamsin Oduya"])
    assert pick_author(m, "Tamsin Oduya Senior Reporter", None, None) == "Tamsin Oduya"
    assert pick_author(PageMeta(), "Tamsin Oduya Last Updated March 4", None, None) == "Tamsin Oduya"
    assert pick_author(PageMeta(), "Tom May", None, None) == "Tom May"
    assert pick_author(PageMeta(ld_authors=["Verrin Water Board"]), "Verrin; Board", None, None) == "Verrin Water Board"
    assert pick_author(PageMeta(), None, None, None) is None


def test_visible_dates_and_pick_date() -> None:
    from trafilatura.utils import load_html

    tree = load_html(
        "<html><body><p>Updated <b>March 4,</b> 2025</p><p>Filed 2 April 2025 and 2025-05-06, 7/8/2025</p></body></html>"
    )
    assert visible_dates(tree) == {"2025-03-04", "2025-04-02", "2025-05-06", "2025-07-08"}
    meta = PageMeta(ld_date_published="2025-01-01", ld_date_modified="2025-03-04T10:00:00")
    shown = pick_date(meta, "2025-01-01", {"2025-03-04"})
    assert shown is not None and shown.value == "2025-03-04"  # the date the page shows wins
    hidden = pick_date(meta, "2030-12-31", set())
    assert hidden is not None and hidden.value == "2025-01-01" and hidden.confidence < 0.9
    assert pick_date(PageMeta(), None, set()) is None


def test_read_page_meta_tolerates_broken_json_ld() -> None:
    from trafilatura.utils import load_html

    html = '<html><head><script type="application/ld+json">{"@type": "Article", "headline": "A\nB",}</script></head><body><h1>A B</h1></body></html>'
    m = read_page_meta(load_html(html))
    assert m.ld_headline == "A B" and m.h1 == ["A B"]
    assert (
        read_page_meta(
            load_html('<html><head><script type="application/ld+json">not json</script></head><body></body></html>')
        ).ld_headline
        is None
    )


def test_visible_dates_skip_scripts_and_comments() -> None:
    from trafilatura.utils import load_html

    html = "<html><body><script>var d = 'March 1, 2025';</script><!-- April 2, 2025 --><p>May 3, 2025</p></body></html>"
    assert visible_dates(load_html(html)) == {"2025-05-03"}
