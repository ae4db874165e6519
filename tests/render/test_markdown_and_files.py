import json
import re

import pytest

from newsfuse.model import Report, Story
from newsfuse.render import render_markdown, report_jsonl, write_report
from newsfuse.render.escape import esc, md, safe_url
from newsfuse.render.sample import sample_report
from newsfuse.render.views import story_title


def test_markdown_has_every_part_and_citations() -> None:
    text = render_markdown(sample_report())
    for part in [
        "### Summary",
        "### Coverage",
        "#### Agreed (1)",
        "### Conflicts",
        "### Quotes",
        "### Timeline",
        "### Entities",
        "### Framing",
    ]:
        assert part in text
    assert "\\[a000000000a1#p2\\]" in text
    assert "username/date/Reply pattern" in text


def test_markdown_escapes_markup() -> None:
    text = render_markdown(sample_report(hostile=True))
    assert not re.search(r"(?<!\\)<", text), "an unescaped < would let a viewer render markup"
    assert md("<b>x</b> *y* [z](javascript:1)") == "\\<b\\>x\\</b\\> \\*y\\* \\[z\\](javascript:1)"
    assert md("# not a heading").startswith("\\#")


def test_safe_url_refuses_scripts() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url('https://x.org/" onmouseover="1') is None


def test_jsonl_is_one_story_per_line() -> None:
    lines = list(report_jsonl(sample_report()))
    assert len(lines) == 2 and all(line.endswith("\n") and "\n" not in line[:-1] for line in lines)
    assert json.loads(lines[0])["id"] == "s0001"


def test_write_report_writes_all_files(tmp_path) -> None:
    written = write_report(sample_report(), tmp_path / "out")
    assert set(written) == {"json", "markdown", "html"}
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    assert Report.from_dict(data).stories[0].headline is not None
    assert written["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_report_parquet(tmp_path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    written = write_report(sample_report(), tmp_path, parquet=True)
    table = pq.read_table(written["parquet"])
    assert table.num_rows == 2
    row = table.to_pylist()[0]
    assert row["independent_sources"] == 2 and row["disputed_claims"] == 1
    assert Story.from_dict(json.loads(row["story_json"])).id == "s0001"


def test_write_report_refuses_a_file_as_directory(tmp_path) -> None:
    f = tmp_path / "x"
    f.write_text("")
    with pytest.raises(ValueError, match="not a directory"):
        write_report(Report(), f)


def test_coverage_line_explains_articles_of_unknown_outlet() -> None:
    from newsfuse.model import Story
    from newsfuse.render.views import coverage_line

    known = Story(id="s1", articles=["a", "b", "c"], outlets=["Coast Herald", "Wire Daily"], independent_sources=2)
    assert coverage_line(known) == "3 articles, 2 outlets, 2 independent sources"
    mixed = Story(
        id="s2", articles=["a", "b", "c"], outlets=["Coast Herald"], independent_sources=1, unknown_outlet_articles=2
    )
    assert (
        coverage_line(mixed)
        == "3 articles, 1 outlet, 1 independent source (2 articles of unknown outlet not counted as independent)"
    )
    unnamed = Story(
        id="s4",
        articles=["a", "b", "c"],
        outlets=["Coast Herald"],
        independent_sources=2,
        unknown_outlet_articles=2,
        unnamed_sources=1,
    )
    assert coverage_line(unnamed) == (
        "3 articles, 1 outlet, 2 independent sources (2 articles of unknown outlet, some written in a style none"
        " of the named outlets uses: counted as one more source)"
    )
    none = Story(id="s3", articles=["a", "b"], outlets=[], independent_sources=1, unknown_outlet_articles=2)
    assert coverage_line(none) == "2 articles, 0 outlets, 1 independent source (no outlet known: counted as one source)"


def test_source_label_names_unknown_outlets_by_article() -> None:
    from newsfuse.render.views import source_label

    assert source_label("Coast Herald") == "Coast Herald"
    assert source_label("article:ab12cd34ef56") == "unknown outlet (ab12cd34ef56)"


def test_outlet_names_mention_unknown_outlets() -> None:
    from newsfuse.render.views import outlet_names

    assert outlet_names(["Coast Herald"], 1) == "Coast Herald"
    assert outlet_names(["Coast Herald"], 2) == "Coast Herald and unknown outlet"
    assert outlet_names([], 1) == "unknown outlet"


def test_markdown_shows_coverage_gaps_and_json_keeps_them() -> None:
    report = sample_report()
    claim = report.stories[0].claims[-1]
    claim.missing_outlets = ["Gap *Times*"]
    assert "not reported by Gap \\*Times\\*" in render_markdown(report)
    back = Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert back.stories[0].claims[-1].missing_outlets == ["Gap *Times*"]


def test_reports_list_the_most_covered_stories_first_and_json_keeps_date_order(tmp_path) -> None:
    report = sample_report()
    base = report.stories[0]
    lone = Story(id="s-lone", articles=[base.articles[0]], outlets=base.outlets[:1], independent_sources=1)
    lone.first_date = lone.last_date = "2001-01-01"  # older than the sample story: first by date
    lone.title = "Lone early story"
    report.stories = [lone, *report.stories]
    assert base.independent_sources > 1
    md_text = render_markdown(report)
    assert md_text.index(f"## {md(story_title(base))}") < md_text.index("## Lone early story")
    write_report(report, tmp_path)
    html_text = (tmp_path / "report.html").read_text(encoding="utf-8")
    listing = html_text[: html_text.index('id="story-')]
    assert listing.index(esc(story_title(base))) < listing.index("Lone early story")
    assert json.loads((tmp_path / "report.json").read_text())["stories"][0]["id"] == "s-lone"
