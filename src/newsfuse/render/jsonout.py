"""The report as JSON, written record by record so memory stays bounded whatever the report's size.

:func:`json_chunks` yields exactly the text ``json.dumps(to_dict(report), ensure_ascii=False,
indent=indent)`` would produce (tests check byte equality), but converts and encodes one article,
story or rejection at a time instead of building the whole document (a 955 MB ``report.json`` took
the driver to 8.8 GB that way).

The paged layout (see :mod:`newsfuse.render.files`) splits the same records into JSON-lines part
files of bounded size plus ``report-index.json``, which lists the parts in order (schema:
``report-index.schema.json``); :func:`read_report` reads either layout back into a
:class:`~newsfuse.model.Report`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from newsfuse.model import Report, to_dict

# The list fields of a report, in the order the JSON lists them (= the dataclass field order).
RECORD_LISTS = ("articles", "stories", "rejections")
INDEX_NAME = "report-index.json"
INDEX_LAYOUT = "parts"


def _dumps(obj: Any, indent: int | None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def json_chunks(report: Report, indent: int | None = 1) -> Iterator[str]:
    """The report's JSON text, piece by piece (one record per piece)."""
    fields = [f.name for f in dataclasses.fields(report)]
    if indent is None:
        item_sep, open_, close, key_sep = ", ", "{", "}", ", "
    else:
        item_sep, open_, close, key_sep = ",\n", "{\n", "\n}", ",\n"
    pad1 = " " * (indent or 0)
    pad2 = pad1 * 2
    yield open_
    for i, name in enumerate(fields):
        value = getattr(report, name)
        head = ("" if i == 0 else key_sep) + pad1 + _dumps(name, None) + ": "
        if not isinstance(value, list) or not value:
            # json.dumps indents nested lines by the depth, so shift a nested value by one level.
            yield head + _dumps(to_dict(value), indent).replace("\n", "\n" + pad1)
            continue
        yield head + ("[" if indent is None else "[\n")
        for j, item in enumerate(value):
            text = _dumps(to_dict(item), indent)
            if indent is not None:
                text = pad2 + text.replace("\n", "\n" + pad2)
            yield (item_sep if j else "") + text
        yield "]" if indent is None else "\n" + pad1 + "]"
    yield close


def write_json(report: Report, out: TextIO, indent: int | None = 1) -> None:
    for chunk in json_chunks(report, indent):
        out.write(chunk)
    out.write("\n")


# ---------------------------------------------------------------- paged layout: JSON-lines parts


class PartWriter:
    """Writes lines into ``<stem>-00001<suffix>``, ``-00002`` …, starting a new part when the next line
    would take the current one over ``max_bytes`` (a part always holds at least one line)."""

    def __init__(self, folder: Path, stem: str, suffix: str, max_bytes: int) -> None:
        self.folder = folder
        self.stem = stem
        self.suffix = suffix
        self.max_bytes = max_bytes
        self.paths: list[Path] = []
        self._out: TextIO | None = None
        self._size = 0

    def current(self) -> Path | None:
        return self.paths[-1] if self.paths else None

    def write(self, text: str) -> Path:
        n = len(text.encode("utf-8", "surrogatepass"))
        if self._out is None or (self._size and self._size + n > self.max_bytes):
            self.close()
            path = self.folder / f"{self.stem}-{len(self.paths) + 1:05d}{self.suffix}"
            self.paths.append(path)
            self._out = path.open("w", encoding="utf-8", errors="surrogatepass")
            self._size = 0
        self._out.write(text)
        self._size += n
        return self.paths[-1]

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def write_json_parts(report: Report, folder: Path, prefix: str, max_bytes: int) -> dict[str, Any]:
    """Write every record list as JSON-lines parts into ``folder``; return the index document, which
    names each part as ``prefix/<file>`` (its path from the output folder once in place)."""
    folder.mkdir(parents=True, exist_ok=True)
    parts: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for name in RECORD_LISTS:
        writer = PartWriter(folder, name, ".jsonl", max_bytes)
        items: list[Any] = getattr(report, name)
        try:
            for item in items:
                writer.write(_dumps(to_dict(item), None) + "\n")
        finally:
            writer.close()
        parts[name] = [f"{prefix}/{p.name}" for p in writer.paths]
        counts[name] = len(items)
    return {
        "schema_version": report.schema_version,
        "generator": report.generator,
        "layout": INDEX_LAYOUT,
        "counts": counts,
        "parts": parts,
        "stats": to_dict(report.stats),
    }


def _read_lines(root: Path, rel_paths: Iterable[str], convert: Callable[[Any], Any]) -> list[Any]:
    out: list[Any] = []
    for rel in rel_paths:
        with (root / rel).open(encoding="utf-8") as f:
            out.extend(convert(json.loads(line)) for line in f if line.strip())
    return out


def read_report(path: Path | str) -> Report:
    """A report written by ``newsfuse analyze --out``: ``report.json``, or ``report-index.json`` with its
    parts; ``path`` is either file or the output folder."""
    p = Path(path)
    if p.is_dir():
        p = p / INDEX_NAME if (p / INDEX_NAME).exists() else p / "report.json"
    data = json.loads(p.read_text(encoding="utf-8"))
    if data.get("layout") != INDEX_LAYOUT:
        return Report.from_dict(data)
    root = p.parent
    full: dict[str, Any] = {k: data[k] for k in ("schema_version", "generator", "stats") if k in data}
    for name in RECORD_LISTS:
        full[name] = _read_lines(root, data["parts"].get(name, []), lambda x: x)
    return Report.from_dict(full)
