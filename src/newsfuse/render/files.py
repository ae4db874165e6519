"""Writing a report to disk: report.json, report.md, report.html, and stories.parquet on request."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsfuse.model import Report, Story, to_dict
from newsfuse.render.html import render_html
from newsfuse.render.markdown import render_markdown


def report_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=1) + "\n"


def report_jsonl(report: Report) -> Iterator[str]:
    """One JSON object per story, each line ending with a newline (``--format jsonl``)."""
    for story in report.stories:
        yield json.dumps(to_dict(story), ensure_ascii=False) + "\n"


def _atomic_write(path: Path, text: str) -> None:
    # Write next to the target, then rename: a reader (or a crash) never sees half a report.
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _story_row(st: Story) -> dict[str, Any]:
    return {
        "id": st.id,
        "headline": st.headline.text if st.headline else st.title,
        "summary": " ".join(s.text for s in st.summary),
        "first_date": st.first_date,
        "last_date": st.last_date,
        "articles": list(st.articles),
        "outlets": list(st.outlets),
        "independent_sources": st.independent_sources,
        "claims": len(st.claims),
        "disputed_claims": sum(c.status == "disputed" for c in st.claims),
        "conflicts": len(st.conflicts),
        "quotes": len(st.quotes),
        "story_json": json.dumps(to_dict(st), ensure_ascii=False),
    }


def write_parquet(report: Report, path: Path) -> Path:
    """stories.parquet: one row per story, flat columns plus the full story as JSON (needs pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # the "parquet" extra
        raise ValueError("Parquet output needs pyarrow: pip install 'newsfuse[parquet]'") from exc
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("headline", pa.string()),
            ("summary", pa.string()),
            ("first_date", pa.string()),
            ("last_date", pa.string()),
            ("articles", pa.list_(pa.string())),
            ("outlets", pa.list_(pa.string())),
            ("independent_sources", pa.int64()),
            ("claims", pa.int64()),
            ("disputed_claims", pa.int64()),
            ("conflicts", pa.int64()),
            ("quotes", pa.int64()),
            ("story_json", pa.string()),
        ]
    )
    table = pa.Table.from_pylist([_story_row(s) for s in report.stories], schema=schema)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def write_report(report: Report, out_dir: Path, parquet: bool = False) -> dict[str, Path]:
    """Write report.json, report.md and report.html (and stories.parquet) into ``out_dir``."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"output path exists and is not a directory: {out_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {
        "json": out_dir / "report.json",
        "markdown": out_dir / "report.md",
        "html": out_dir / "report.html",
    }
    _atomic_write(written["json"], report_json(report))
    _atomic_write(written["markdown"], render_markdown(report))
    _atomic_write(written["html"], render_html(report))
    if parquet:
        written["parquet"] = write_parquet(report, out_dir / "stories.parquet")
    return written
