"""Metadata with line breaks (a carriage return in an author name) cannot add Markdown structure."""

import re

from newsfuse.render import render_markdown
from newsfuse.render.escape import md
from newsfuse.render.sample import sample_report


def test_line_breaks_in_values_become_spaces_and_stay_escaped() -> None:
    for brk in ("\r", "\n", "\r\n", "\u2028", "\x0c", "\x85"):
        out = md(f"Ann Lee{brk}# Injected heading{brk}- item{brk}> quote")
        assert not re.search(r"[\r\n\u2028\x0c\x85]", out)
        assert "\\#" not in out or out.count("#") == out.count("\\#")  # no bare #: the value is one line
        assert out.startswith("Ann Lee")


def test_author_with_carriage_return_adds_no_heading_to_report() -> None:
    report = sample_report()
    report.articles[0].author = "Tamsin Oduya\r# Injected heading\r\n## Another"
    report.articles[0].title = "Title\rwith break"
    text = render_markdown(report)
    assert "\r" not in text
    lines = text.split("\n")
    assert not any(line.startswith(("# Injected", "## Another")) for line in lines)
    assert not any("Injected" in line and line.lstrip().startswith("#") for line in lines)
