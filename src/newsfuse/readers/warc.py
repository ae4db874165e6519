"""WARC files (plain or per-record gzip) via warcio: HTML responses become documents."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsfuse.model import RawDocument, Rejection
from newsfuse.options import Options
from newsfuse.readers.decode import DecodeError, decode_bytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def gzip_members_complete(stream: BinaryIO) -> bool:
    """Whether every gzip member of ``stream`` ends properly (warcio silently drops a cut-off last record)."""
    stream.seek(0)
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    started = False
    while chunk := stream.read(1 << 20):
        data = chunk
        while data:
            try:
                d.decompress(data, 1 << 16)  # output bounded and discarded: only the framing matters
            except zlib.error:
                stream.seek(0)
                return False
            started = True
            if d.eof:
                data = d.unused_data
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                started = False
            else:
                data = d.unconsumed_tail
    stream.seek(0)
    return not started


def warc_documents(stream: BinaryIO, path: str, options: Options) -> Iterator[RawDocument | Rejection]:
    """One document per HTML response record; every other record is a :class:`Rejection`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    head = stream.read(2)
    stream.seek(0)
    complete = gzip_members_complete(stream) if head == b"\x1f\x8b" else True
    try:
        for record in ArchiveIterator(stream):
            n += 1
            origin = f"{path}#{n}"
            if n > options.read.max_records_per_file:
                yield Rejection(origin, "too_many_records", f"more than {options.read.max_records_per_file} records")
                return
            rtype = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if rtype not in ("response", "resource"):
                yield Rejection(origin, "not_response", f"WARC {rtype} record" + (f" for {uri}" if uri else ""))
                continue
            ctype = ""
            if record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode()
                if rtype == "response" and status and not str(status).startswith("2"):
                    yield Rejection(origin, "http_status", f"HTTP {status} for {uri}")
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if not any(t in ctype.lower() for t in _HTML_TYPES):
                yield Rejection(origin, "not_html", f"content type {ctype or 'unknown'!r} for {uri}")
                continue
            payload = record.content_stream().read(options.read.max_file_bytes + 1)
            if len(payload) > options.read.max_file_bytes:
                yield Rejection(origin, "too_large", f"payload over {options.read.max_file_bytes} bytes")
                continue
            if not payload.strip():
                yield Rejection(origin, "empty", f"empty payload for {uri}")
                continue
            m = _CHARSET.search(ctype)
            try:
                html, _ = decode_bytes(payload, m.group(1) if m else None)
            except DecodeError as exc:
                yield Rejection(origin, "binary", str(exc))
                continue
            yield RawDocument(origin=origin, content=html, kind="html", input_format="warc", url=uri)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        # A truncated or corrupt archive: what was read so far stands, the rest is reported.
        reason = "truncated" if isinstance(exc, EOFError) or "end-of-stream" in str(exc) else "malformed"
        yield Rejection(f"{path}#{n + 1}", reason, f"WARC unreadable after {n} records: {exc}")
        return
    if not complete:
        yield Rejection(f"{path}#{n + 1}", "truncated", f"gzip data ends inside a record after {n} complete records")
