"""Rendering a :class:`~newsfuse.model.Report` for readers: JSON (with a JSON Schema), Markdown,
self-contained HTML (one file, or an index plus one file per story and article for large reports),
JSON lines and Parquet."""

from __future__ import annotations

from newsfuse.model import SCHEMA_VERSION
from newsfuse.render.files import report_json, report_jsonl, write_parquet, write_report
from newsfuse.render.html import render_html
from newsfuse.render.jsonout import read_report
from newsfuse.render.markdown import render_markdown
from newsfuse.render.schema import load_schema

__all__ = [
    "SCHEMA_VERSION",
    "load_schema",
    "read_report",
    "render_html",
    "render_markdown",
    "report_json",
    "report_jsonl",
    "write_parquet",
    "write_report",
]
