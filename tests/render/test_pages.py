"""The paged report layout, the switch between layouts and the streamed JSON (invented fixtures only)."""

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource

from newsfuse.model import SCHEMA_VERSION, Article, Report, Story, make_paragraphs, to_dict
from newsfuse.options import ReportOptions
from newsfuse.render import render_html, report_json, write_report
from newsfuse.render.html import asset, csp_hash
from newsfuse.render.jsonout import json_chunks, read_report, write_json
from newsfuse.render.pages import file_stem
from newsfuse.render.sample import ONERROR_PAYLOAD, SCRIPT_PAYLOAD, sample_report
from newsfuse.render.schema import load_index_schema, load_schema

PAGED = ReportOptions(layout="paged")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(d["id"])


def _parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def _many_stories_report(n_stories: int, n_loose: int = 0) -> Report:
    """An invented report with ``n_stories`` one-article stories and ``n_loose`` articles in no story."""
    arts = [
        Article(
            id=f"b{i:011d}",
            origin=f"fixtures/{i}.txt",
            title=f"Invented article {i}",
            outlet="ledger.example",
            paragraphs=make_paragraphs([f"Invented paragraph number {i} about the Verlon ferry timetable."]),
        )
        for i in range(n_stories + n_loose)
    ]
    stories = [Story(id=f"s{i:04d}", articles=[arts[i].id], title=f"Invented story {i}") for i in range(n_stories)]
    return Report(articles=arts, stories=stories)


# ---------------------------------------------------------------- streamed JSON


@pytest.mark.parametrize("report", [sample_report(), sample_report(hostile=True), Report(), _many_stories_report(3, 2)])
@pytest.mark.parametrize("indent", [1, None])
def test_streamed_json_is_the_same_text_as_one_dump(report, indent) -> None:
    assert "".join(json_chunks(report, indent)) == json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def test_written_report_json_equals_the_whole_dump(tmp_path) -> None:
    report = sample_report(hostile=True)
    write_report(report, tmp_path, options=ReportOptions(layout="single"))
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert text == json.dumps(to_dict(report), ensure_ascii=False, indent=1) + "\n" == report_json(report)
    jsonschema.validate(json.loads(text), load_schema())


def test_json_on_stdout_is_compact_and_complete(capsys) -> None:
    import sys

    report = sample_report()
    write_json(report, sys.stdout, indent=None)
    assert json.loads(capsys.readouterr().out) == to_dict(report)


# ---------------------------------------------------------------- layout switch


def test_small_report_stays_one_file_per_format(tmp_path) -> None:
    written = write_report(sample_report(), tmp_path)
    assert set(written) == {"json", "markdown", "html"}
    assert not (tmp_path / "report").exists() and not (tmp_path / "report-index.json").exists()


def test_threshold_switches_to_pages_at_the_html_size(tmp_path) -> None:
    report = sample_report()
    size = len(render_html(report).encode("utf-8"))
    at = write_report(report, tmp_path / "at", options=ReportOptions(single_file_max_bytes=size))
    over = write_report(report, tmp_path / "over", options=ReportOptions(single_file_max_bytes=size - 1))
    assert "folder" not in at and (tmp_path / "at" / "report.json").exists()
    assert "folder" in over and (tmp_path / "over" / "report" / "stories" / "s0001.html").exists()
    assert not (tmp_path / "over" / "report.json").exists()
    # the single file written under the threshold is the whole report
    assert (tmp_path / "at" / "report.html").read_text(encoding="utf-8") == render_html(report)


def test_forced_layouts_and_bad_layout(tmp_path) -> None:
    assert "folder" in write_report(sample_report(), tmp_path / "p", options=PAGED)
    assert "folder" not in write_report(
        sample_report(), tmp_path / "s", options=ReportOptions(layout="single", single_file_max_bytes=1)
    )
    with pytest.raises(ValueError, match="layout"):
        write_report(sample_report(), tmp_path / "x", options=ReportOptions(layout="huge"))


def test_switching_layouts_leaves_no_stale_files(tmp_path) -> None:
    write_report(sample_report(), tmp_path)
    write_report(sample_report(), tmp_path, options=PAGED)
    assert not (tmp_path / "report.json").exists(), "an old report.json would disagree with the new run"
    write_report(sample_report(), tmp_path, options=ReportOptions(layout="single"))
    assert not (tmp_path / "report").exists() and not (tmp_path / "report-index.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json", "report.md"]


def test_paged_layout_refuses_a_folder_it_did_not_write(tmp_path) -> None:
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "mine.txt").write_text("keep me")
    with pytest.raises(ValueError, match="not written by newsfuse"):
        write_report(sample_report(), tmp_path, options=PAGED)
    assert (tmp_path / "report" / "mine.txt").read_text() == "keep me"


def test_rewriting_a_paged_report_replaces_its_pages(tmp_path) -> None:
    write_report(_many_stories_report(5), tmp_path, options=PAGED)
    write_report(_many_stories_report(2), tmp_path, options=PAGED)
    assert sorted(p.name for p in (tmp_path / "report" / "stories").glob("*.html")) == ["s0000.html", "s0001.html"]
    assert not list(tmp_path.glob(".report.*")), "temporary folders left behind"


# ---------------------------------------------------------------- paged JSON: same content


def test_paged_json_parts_hold_the_same_records(tmp_path) -> None:
    report = sample_report(hostile=True)
    write_report(report, tmp_path, options=ReportOptions(layout="paged", part_max_bytes=1))
    index = json.loads((tmp_path / "report-index.json").read_text(encoding="utf-8"))
    # part_max_bytes=1: every record in its own part, in order
    assert len(index["parts"]["articles"]) == len(report.articles) == index["counts"]["articles"]
    assert to_dict(read_report(tmp_path)) == to_dict(report)

    schema = load_schema()
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    jsonschema.Draft202012Validator(load_index_schema(), registry=registry).validate(index)
    assert load_index_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    defs = {"articles": "Article", "stories": "Story", "rejections": "Rejection"}
    for name, parts in index["parts"].items():
        for rel in parts:
            for line in (tmp_path / rel).read_text(encoding="utf-8").splitlines():
                jsonschema.validate(json.loads(line), {"$defs": schema["$defs"], "$ref": f"#/$defs/{defs[name]}"})


def test_parts_respect_their_size_cap(tmp_path) -> None:
    report = _many_stories_report(60, 40)
    write_report(report, tmp_path, options=ReportOptions(layout="paged", part_max_bytes=2000))
    index = json.loads((tmp_path / "report-index.json").read_text(encoding="utf-8"))
    assert len(index["parts"]["articles"]) > 1
    for rel in index["parts"]["articles"] + index["parts"]["stories"]:
        assert (tmp_path / rel).stat().st_size <= 2000
    assert to_dict(read_report(tmp_path / "report-index.json")) == to_dict(report)


# ---------------------------------------------------------------- paged HTML


def _check_links(out: Path) -> int:
    """Every relative link of every HTML file points at an existing file (and fragment); returns the count."""
    parsed: dict[Path, _Page] = {}

    def page(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    checked = 0
    for f in _html_files(out):
        for tag, attrs in page(f).tags:
            href = attrs.get("href") if tag == "a" else None
            if not href or href.startswith(("http://", "https://")):
                continue
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, (f, href)
            target = (f.parent / unquote(parts.path)).resolve() if parts.path else f.resolve()
            assert target.is_file(), (f, href)
            assert out.resolve() in target.parents or target.parent == out.resolve(), (f, href)
            if parts.fragment:
                assert unquote(parts.fragment) in page(target).ids, (f, href)
            checked += 1
    return checked


def test_paged_links_resolve(tmp_path) -> None:
    write_report(sample_report(), tmp_path, options=PAGED)
    assert _check_links(tmp_path) > 20
    story = _parse(tmp_path / "report" / "stories" / "s0001.html")
    cites = [a["href"] or "" for t, a in story.tags if t == "a" and "cite" in (a.get("class") or "")]
    assert cites and all(h.startswith("../../report/articles/") and "#" in h for h in cites)


def test_story_list_is_paged_and_every_page_links(tmp_path) -> None:
    report = _many_stories_report(450, 1500)
    write_report(report, tmp_path, options=PAGED)
    lists = tmp_path / "report" / "lists"
    assert sorted(p.name for p in lists.glob("stories-*.html")) == ["stories-00002.html", "stories-00003.html"]
    assert sorted(p.name for p in lists.glob("unclustered-*.html")) == [
        "unclustered-00001.html",
        "unclustered-00002.html",
    ]
    first = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert first.count('class="card"') == 200 and "page 1 of 3" in first and "Articles in no story (1500)" in first
    assert (lists / "stories-00003.html").read_text(encoding="utf-8").count('class="card"') == 50
    assert _check_links(tmp_path) > 2000
    assert len(list((tmp_path / "report" / "articles").glob("*.html"))) == 1950


def test_every_paged_file_is_self_contained_escaped_and_under_csp(tmp_path) -> None:
    report = sample_report(hostile=True)
    # an invented article with markup planted in its title and text, and a hostile id
    planted = Article(
        id="../../x<b>",
        origin="fixtures/planted.txt",
        title=f"Planted {SCRIPT_PAYLOAD}",
        paragraphs=make_paragraphs([f"Body text {SCRIPT_PAYLOAD} and {ONERROR_PAYLOAD} end."]),
    )
    report = dataclasses.replace(report, articles=[*report.articles, planted])
    write_report(report, tmp_path, options=PAGED)
    css, js = asset("report.css"), asset("report.js")
    files = _html_files(tmp_path)
    assert len(files) >= 10
    for f in files:
        doc = f.read_text(encoding="utf-8")
        assert SCRIPT_PAYLOAD not in doc and ONERROR_PAYLOAD not in doc, f
        assert "<script>window.__pwned" not in doc and "<b>" not in doc, f
        p = _parse(f)
        tags = [t for t, _ in p.tags]
        assert tags.count("script") == 1 and tags.count("style") == 1 and "img" not in tags, f
        for tag, attrs in p.tags:
            assert not any(k.startswith("on") for k in attrs), (f, tag, attrs)
            assert "style" not in attrs, (f, tag)
            assert not (attrs.get("href") or "").startswith("javascript:"), f
        csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
        assert csp is not None and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert csp_hash(css) in csp and csp_hash(js) in csp
    assert "&lt;script&gt;window.__pwned" in (
        tmp_path / "report" / "articles" / f"{file_stem(planted.id)}.html"
    ).read_text(encoding="utf-8")
    # the hostile id became a hashed file name inside the folder
    assert file_stem(planted.id).startswith("h") and not list(tmp_path.parent.glob("x*"))
    _check_links(tmp_path)


def test_file_stem_keeps_plain_ids_and_hashes_the_rest() -> None:
    assert file_stem("a1b2c3d4e5f6") == "a1b2c3d4e5f6" and file_stem("s0001") == "s0001"
    for bad in ["../x", "a/b", "A1", "x y", "", "a" * 101, "é"]:
        stem = file_stem(bad)
        assert re.fullmatch(r"h[0-9a-f]{24}", stem), bad
    assert file_stem("A1") != file_stem("a1")


# ---------------------------------------------------------------- paged Markdown


def test_paged_markdown_has_an_index_story_files_and_parts(tmp_path) -> None:
    report = sample_report(hostile=True)
    write_report(report, tmp_path, options=PAGED)
    index = (tmp_path / "report.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\((report/[^)]+\.md)\)", index)
    assert "report/stories/s0001.md" in targets and "report/md/articles-00001.md" in targets
    for rel in targets:
        assert (tmp_path / rel).is_file(), rel
    story = (tmp_path / "report" / "stories" / "s0001.md").read_text(encoding="utf-8")
    for part in ["### Summary", "### Coverage", "#### Agreed (1)", "### Conflicts", "### Quotes", "### Timeline"]:
        assert part in story
    for f in [tmp_path / "report.md", *tmp_path.rglob("*.md")]:
        assert not re.search(r"(?<!\\)<", f.read_text(encoding="utf-8")), f
    # the same article sections as the single report.md
    single = tmp_path / "single"
    write_report(report, single, options=ReportOptions(layout="single"))
    articles = (tmp_path / "report" / "md" / "articles-00001.md").read_text(encoding="utf-8")
    assert articles in (single / "report.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the command line


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _without_seconds(data: dict) -> dict:
    return {**data, "stats": [{**s, "seconds": 0} for s in data["stats"]]}


def test_cli_layouts_and_streamed_stdout_give_the_same_report(tmp_path, capsys) -> None:
    from newsfuse.cli import main

    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "single"), "-q"]) == 0
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "paged"), "--layout", "paged", "-q"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(EXAMPLES), "--format", "json", "-q"]) == 0
    stdout = json.loads(capsys.readouterr().out)
    single = json.loads((tmp_path / "single" / "report.json").read_text(encoding="utf-8"))
    paged = to_dict(read_report(tmp_path / "paged"))
    assert single["stories"] and single["articles"]
    assert _without_seconds(single) == _without_seconds(paged) == _without_seconds(stdout)
    assert (tmp_path / "paged" / "report.html").stat().st_size < (tmp_path / "single" / "report.html").stat().st_size
    _check_links(tmp_path / "paged")
