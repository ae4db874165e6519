"""Readers: paths (files, directories, ``-`` for stdin) to :class:`RawDocument` or :class:`Rejection`.

The format is chosen by content first (WARC header, gzip magic, JSON, HTML tags) and by the file
name only where the content is ambiguous, because scraped files are often misnamed.  Every input
yields at least one item: a document or a rejection with its reason, never silence.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsfuse.model import RawDocument, Rejection
from newsfuse.options import Options
from newsfuse.readers.decode import SNIFF_BYTES, DecodeError, bom_encoding, decode_bytes, looks_binary
from newsfuse.readers.records import record_documents
from newsfuse.readers.sanitize import sanitize_document, sanitize_rejection
from newsfuse.readers.warc import warc_documents

__all__ = ["read_bytes", "read_inputs"]

GZIP_MAGIC = b"\x1f\x8b"
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")
# Tags that only an HTML document starts with (a plain-text article never does).
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
# Any common HTML tag; several of them in the head of a file mean HTML even without <html>.
_HTML_TAG = re.compile(
    rb"<(?:p|div|span|a|br|article|section|h[1-6]|script|link|meta|ul|li|table)\b[^>]*>", re.IGNORECASE
)
# Tag count in the first bytes from which a file is HTML: markdown or plain text with one stray
# tag stays text, a fragment of real markup has many more.
_MIN_TAGS = 3


def input_name(path: str) -> str:
    """The name the documents read from ``path`` are known by (:attr:`RawDocument.name`): the last
    part of the path, resolved (so ``.`` is the folder's own name)."""
    if path == "-":
        return "-"
    return Path(path).resolve().name or str(Path(path).resolve())


def read_inputs(
    paths: list[str], options: Options, names: list[str] | None = None
) -> Iterator[RawDocument | Rejection]:
    """Every document found under ``paths``, in a stable order (directories sorted, recursively),
    sanitised (see :mod:`newsfuse.readers.sanitize`: no NUL, lone surrogate or control character).

    Each document's :attr:`~newsfuse.model.RawDocument.name` is its origin below the path it was
    found under, led by ``names[i]`` for ``paths[i]`` (default: :func:`input_name`; a planner that
    cut a folder into files passes the names below the folder)."""
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ValueError("paths must be a list of strings")
    if names is not None and (not isinstance(names, list) or len(names) != len(paths)):
        raise ValueError("names must be a list with one name per path")
    for i, p in enumerate(paths):
        lead = names[i] if names is not None else input_name(p)
        prefix = "-" if p == "-" else str(Path(p))
        for item in _read_inputs([p], options):
            if isinstance(item, RawDocument):
                if item.origin.startswith(prefix):
                    item.name = lead + item.origin[len(prefix) :]
                yield sanitize_document(item)
            else:
                yield sanitize_rejection(item)


def _read_inputs(paths: list[str], options: Options) -> Iterator[RawDocument | Rejection]:
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read(options.read.max_file_bytes + 1)
            if len(data) > options.read.max_file_bytes:
                yield Rejection("-", "too_large", f"stdin over {options.read.max_file_bytes} bytes")
                continue
            yield from _read_bytes(data, "-", options)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_dir(path, options)
        elif path.is_file():
            yield from _read_file(path, options)
        elif path.exists():
            yield Rejection(p, "unsupported", "not a regular file or directory")
        else:
            yield Rejection(p, "missing", "no such file or directory")


def _read_dir(root: Path, options: Options) -> Iterator[RawDocument | Rejection]:
    follow = options.read.follow_symlinks
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow):
        # Sorted and hidden entries skipped, so two runs on one folder read the same sequence.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            fp = Path(dirpath) / name
            if fp.is_symlink() and not follow:
                continue
            yield from _read_file(fp, options)


def _read_file(path: Path, options: Options) -> Iterator[RawDocument | Rejection]:
    origin = str(path)
    limit = options.read.max_file_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            yield Rejection(
                origin, "too_large", f"{size} bytes, over the limit of {limit} (options.read.max_file_bytes)"
            )
            return
        if size == 0:
            yield Rejection(origin, "empty", "empty file")
            return
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            fh.seek(0)
            name = path.name.lower()
            if head.startswith(GZIP_MAGIC):
                inner = _gunzip_head(head)
                if inner.startswith(b"WARC/"):
                    yield from warc_documents(fh, origin, options)
                    return
                if _is_jsonl(inner, name.removesuffix(".gz")):
                    yield from _jsonl_stream(gzip.GzipFile(fileobj=fh), origin, options)
                    return
                data = _gunzip(fh, limit)
                yield from _read_bytes(data, origin, options, name=name.removesuffix(".gz"))
                return
            if head.startswith(b"WARC/"):
                yield from warc_documents(fh, origin, options)
                return
            if _is_jsonl(head, name):
                yield from _jsonl_stream(fh, origin, options)
                return
            data = fh.read()
    except _Truncated as exc:
        yield Rejection(origin, "truncated", str(exc))
        return
    except _TooLarge as exc:
        yield Rejection(origin, "too_large", str(exc))
        return
    except (OSError, zlib.error) as exc:
        yield Rejection(origin, "unreadable", f"{type(exc).__name__}: {exc}")
        return
    yield from _read_bytes(data, origin, options, name=name)


class _Truncated(Exception):
    pass


class _TooLarge(Exception):
    pass


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def _gunzip(fh: BinaryIO, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes (a gzip bomb is rejected, not expanded)."""
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            data = gz.read(limit + 1)
    except EOFError as exc:
        raise _Truncated(f"gzip stream ends early: {exc}") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise _Truncated(f"corrupt gzip data: {exc}") from exc
    if len(data) > limit:
        raise _TooLarge(f"decompressed size over the limit of {limit} bytes (options.read.max_file_bytes)")
    return data


def _is_jsonl(head: bytes, name: str) -> bool:
    """JSON Lines: first line is a complete JSON object, or the name says so and it starts with '{'."""
    if bom_encoding(head) and not head.startswith(b"\xef\xbb\xbf"):
        return False  # UTF-16/32 JSON is rare: read it whole instead of streaming lines
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        return False
    if name.endswith((".jsonl", ".ndjson")):
        return True
    first, nl, rest = stripped.partition(b"\n")
    if not nl or not rest.strip():
        return False  # a single line: one JSON document, read whole
    try:
        json.loads(first)
    except ValueError:
        return False  # a pretty-printed JSON document spanning lines
    return True


def _jsonl_stream(stream: Iterable[bytes], origin: str, options: Options) -> Iterator[RawDocument | Rejection]:
    """One record per line, streamed (a large file is never held whole); bad lines are rejected as ``path#line``."""
    n_records = 0
    lineno = 0
    broken = False
    max_line = options.read.max_file_bytes
    try:
        for lineno, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{origin}#{lineno}"
            n_records += 1
            if n_records > options.read.max_records_per_file:
                yield Rejection(where, "too_many_records", f"more than {options.read.max_records_per_file} records")
                return
            if len(raw) > max_line:
                yield Rejection(where, "too_large", f"line over {max_line} bytes")
                continue
            try:
                text, _ = decode_bytes(raw.lstrip(b"\xef\xbb\xbf") if lineno == 1 else raw)
                value = json.loads(text)
            except (DecodeError, ValueError) as exc:
                yield Rejection(where, "malformed", f"line {lineno}: {exc}")
                continue
            yield from record_documents(value, where)
    except EOFError as exc:
        broken = True
        yield Rejection(f"{origin}#{lineno + 1}", "truncated", f"gzip stream ends early after line {lineno}: {exc}")
    except (gzip.BadGzipFile, zlib.error, OSError) as exc:
        broken = True
        yield Rejection(f"{origin}#{lineno + 1}", "truncated", f"corrupt data after line {lineno}: {exc}")
    if n_records == 0 and not broken:
        yield Rejection(origin, "empty", "no records")


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def read_bytes(data: bytes, origin: str, options: Options, name: str = "") -> Iterator[RawDocument | Rejection]:
    """Documents from one file's bytes, sanitised; ``name`` (lowercase file name) breaks ties the content leaves open."""
    for item in _read_bytes(data, origin, options, name):
        yield sanitize_document(item) if isinstance(item, RawDocument) else sanitize_rejection(item)


def _read_bytes(data: bytes, origin: str, options: Options, name: str = "") -> Iterator[RawDocument | Rejection]:
    if data.startswith(GZIP_MAGIC):
        try:
            data = _gunzip(io.BytesIO(data), options.read.max_file_bytes)
        except (_Truncated, _TooLarge) as exc:
            yield Rejection(origin, "truncated" if isinstance(exc, _Truncated) else "too_large", str(exc))
            return
        name = name.removesuffix(".gz")
    if data.startswith(b"WARC/"):
        yield from warc_documents(io.BytesIO(data), origin, options)
        return
    if not data.strip():
        yield Rejection(origin, "empty", "no content (only whitespace)")
        return
    if looks_binary(data):
        yield Rejection(origin, "binary", "binary data (NUL or control bytes), not text")
        return
    text, encoding = decode_bytes(data)
    stripped = text.lstrip()
    if not stripped:
        yield Rejection(origin, "empty", "no content (only whitespace)")
        return
    if stripped[0] in "{[":
        try:
            value = json.loads(text)
        except ValueError as exc:
            if (
                stripped[0] == "{"
                and "\n" in stripped
                and (name.endswith(JSON_EXTENSIONS) or _parses(stripped.split("\n", 1)[0]))
            ):
                yield from _jsonl_stream(io.BytesIO(text.encode("utf-8")), origin, options)
                return
            if name.endswith(JSON_EXTENSIONS):
                yield Rejection(origin, "malformed", f"invalid JSON: {exc}")
                return
        else:
            yield from record_documents(value, origin)
            return
    head = (
        data[:SNIFF_BYTES]
        if encoding in ("utf-8", "utf-8-sig", "cp1252", "latin-1")
        else text[:SNIFF_BYTES].encode("utf-8")
    )
    if (
        _HTML_START.match(head)
        or len(_HTML_TAG.findall(head)) >= _MIN_TAGS
        or (name.endswith(HTML_EXTENSIONS) and _HTML_TAG.search(head))
    ):
        yield RawDocument(origin=origin, content=text, kind="html", input_format="html")
        return
    yield RawDocument(origin=origin, content=text, kind="text", input_format="text")
