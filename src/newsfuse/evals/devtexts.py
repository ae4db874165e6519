"""Load article texts from the dev datasets (by path, at run time) for generated benchmarks.

Used by ``newsfuse eval dedup`` and ``bench/bench_stories.py``: both build their corpora from dev
texts when they run; nothing from the datasets is stored in the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

# Read relative to the current directory, so running from the repository root finds the
# shared data next to it (as every eval does).
DEFAULT_SOURCES = (
    "../shared/data/clustering/ecbplus-dev.jsonl",
    "../shared/data/summarization/wcep-sample-dev.jsonl",
)


def _texts_of(record: object) -> list[tuple[str, str]]:
    """(title, text) pairs of one JSONL record of format C, D or E."""
    if not isinstance(record, dict):
        return []
    out: list[tuple[str, str]] = []
    if isinstance(record.get("text"), str):
        out.append((str(record.get("title") or ""), record["text"]))
    for art in record.get("articles") or []:
        if isinstance(art, dict) and isinstance(art.get("text"), str):
            out.append((str(art.get("title") or ""), art["text"]))
    return out


def load_texts(sources: list[str]) -> list[tuple[str, str]]:
    """Every (title, text) of the given JSONL files or directories (``*.jsonl`` below them)."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            files.extend(sorted(p.rglob("*.jsonl")))
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(f"no such file or directory: {src}")
    out: list[tuple[str, str]] = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                try:
                    out.extend(_texts_of(json.loads(line)))
                except json.JSONDecodeError:
                    continue  # a malformed line is skipped; the benchmark needs texts, not every record
    return out


def existing_default_sources() -> list[str]:
    return [s for s in DEFAULT_SOURCES if Path(s).exists()]
