"""Writing a report to disk: report.json, report.md, report.html, and stories.parquet on request.

Two layouts, the same content: below :attr:`ReportOptions.single_file_max_bytes` of HTML, one file per
format (``report.json``, ``report.md``, ``report.html``); above it, the paged layout of
:mod:`newsfuse.render.pages` (index files plus one file per story and article, JSON-lines parts).  Every
file is written record by record (a story or an article at a time), to a temporary name first, so a
reader (or a crash) never sees half a report and memory stays bounded whatever the report's size.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsfuse.model import Report, Story, to_dict
from newsfuse.options import ReportOptions
from newsfuse.render import pages
from newsfuse.render.html import html_chunks
from newsfuse.render.jsonout import INDEX_NAME, json_chunks, write_json_parts
from newsfuse.render.markdown import markdown_chunks

LAYOUTS = ("auto", "single", "paged")


def report_json(report: Report) -> str:
    """The whole ``report.json`` text (small reports; :func:`write_report` streams it instead)."""
    return "".join(json_chunks(report, indent=1)) + "\n"


def report_jsonl(report: Report) -> Iterator[str]:
    """One JSON object per story, each line ending with a newline (``--format jsonl``)."""
    for story in report.stories:
        yield json.dumps(to_dict(story), ensure_ascii=False) + "\n"


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp{os.getpid()}")


def _atomic_write(path: Path, chunks: Iterable[str]) -> None:
    # Write next to the target, then rename: a reader (or a crash) never sees half a report.
    tmp = _tmp_name(path)
    try:
        with tmp.open("w", encoding="utf-8", errors="surrogatepass") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# Stories per Parquet row group: a few MB of story JSON per group, and groups large enough to compress well.
PARQUET_ROWS = 1000


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
    tmp = _tmp_name(path)
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            if not report.stories:
                writer.write_table(schema.empty_table())
            # Row groups of PARQUET_ROWS stories: memory bounded by one group, not the whole table.
            for i in range(0, len(report.stories), PARQUET_ROWS):
                rows = [_story_row(s) for s in report.stories[i : i + PARQUET_ROWS]]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _single_html(report: Report, max_bytes: int) -> list[str] | None:
    """The single-file HTML, if it stays within ``max_bytes`` (UTF-8); else None (stops rendering there)."""
    chunks: list[str] = []
    size = 0
    for chunk in html_chunks(report):
        size += len(chunk.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return chunks


def _remove_paged(out_dir: Path) -> None:
    """Remove the paged layout of an earlier run (only a folder we marked as ours)."""
    folder = out_dir / pages.FOLDER
    if (folder / pages.MARKER).exists():
        shutil.rmtree(folder)
    (out_dir / INDEX_NAME).unlink(missing_ok=True)


def _write_single(report: Report, out_dir: Path, html: list[str] | None) -> dict[str, Path]:
    written = {
        "json": out_dir / "report.json",
        "markdown": out_dir / "report.md",
        "html": out_dir / "report.html",
    }
    _atomic_write(written["json"], [*json_chunks(report, indent=1), "\n"])
    _atomic_write(written["markdown"], markdown_chunks(report))
    _atomic_write(written["html"], html if html is not None else html_chunks(report))
    _remove_paged(out_dir)
    return written


def _write_paged(report: Report, out_dir: Path, options: ReportOptions) -> dict[str, Path]:
    folder = out_dir / pages.FOLDER
    if folder.exists() and not (folder / pages.MARKER).exists():
        raise ValueError(f"{folder} exists and was not written by newsfuse: choose another --out")
    tmp = out_dir / f".{pages.FOLDER}.tmp{os.getpid()}"
    old = out_dir / f".{pages.FOLDER}.old{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir()
        (tmp / pages.MARKER).write_text("written by newsfuse analyze; replaced by the next run\n", encoding="utf-8")
        index = write_json_parts(report, tmp / "json", f"{pages.FOLDER}/json", options.part_max_bytes)
        index_md = pages.write_markdown_pages(report, tmp, options)
        index_html = pages.PagedHtml(report, tmp, options).write_all()
        # Swap the finished folder in, then the index files that point into it.
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    written = {
        "json": out_dir / INDEX_NAME,
        "markdown": out_dir / pages.INDEX_MD,
        "html": out_dir / pages.INDEX_HTML,
        "folder": folder,
    }
    _atomic_write(written["json"], [json.dumps(index, ensure_ascii=False, indent=1), "\n"])
    _atomic_write(written["markdown"], [index_md])
    _atomic_write(written["html"], [index_html])
    # A report.json left by an earlier single-file run would silently disagree with this one.
    (out_dir / "report.json").unlink(missing_ok=True)
    return written


def write_report(
    report: Report, out_dir: Path, parquet: bool = False, options: ReportOptions | None = None
) -> dict[str, Path]:
    """Write the report into ``out_dir`` in the layout ``options.layout`` asks for ("auto": single files
    while the HTML stays within ``options.single_file_max_bytes``, else paged); returns kind -> path."""
    options = options or ReportOptions()
    if options.layout not in LAYOUTS:
        raise ValueError(f"unknown report layout {options.layout!r} (one of {', '.join(LAYOUTS)})")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"output path exists and is not a directory: {out_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    html: list[str] | None = None
    layout = options.layout
    if layout == "auto":
        html = _single_html(report, options.single_file_max_bytes)
        layout = "single" if html is not None else "paged"
    if layout == "single":
        written = _write_single(report, out_dir, html)
    else:
        written = _write_paged(report, out_dir, options)
    if parquet:
        written["parquet"] = write_parquet(report, out_dir / "stories.parquet")
    return written
