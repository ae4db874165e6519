"""Bytes to text: BOMs, UTF-8, a declared charset, then cp1252/Latin-1; and a binary-file test.

Kept by hand because the cases are few and exact: a BOM is certain, valid UTF-8 is almost
certain (random 8-bit text is rarely valid UTF-8), and what remains in news scrapes is
overwhelmingly Windows-1252 (a superset of Latin-1's printable range).
"""

from __future__ import annotations

import codecs
import re

# Bytes looked at to decide "binary": enough to see a file header, cheap on a 50 MB file.
SNIFF_BYTES = 8192

# In text, control characters other than tab/newline/CR/form feed are rare; a scraped page may
# carry a few stray ones, so only a clear share of them marks a file as binary.
_MAX_CONTROL_SHARE = 0.05

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13)) + b"\x7f"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII-range UTF-16), else None."""
    sample = head[:SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    # 90 %: ASCII text in UTF-16 has a NUL in nearly every high byte; binary data does not.
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def bom_encoding(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters (UTF-16 excluded)."""
    sample = head[:SNIFF_BYTES]
    if not sample or bom_encoding(sample) or utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` declares, if Python knows it."""
    m = _META_CHARSET.search(head[:SNIFF_BYTES])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding used)``.

    Order: BOM, UTF-16 without BOM, UTF-8, the declared charset (HTTP header or ``<meta>``),
    cp1252, Latin-1 (which cannot fail, so decoding only fails for binary data).
    """
    if looks_binary(data):
        raise DecodeError("binary data (NUL or control bytes)")
    enc = bom_encoding(data) or utf16_without_bom(data)
    candidates = [enc] if enc else []
    candidates += ["utf-8"]
    declared = declared or declared_charset(data)
    if declared and declared not in candidates:
        candidates.append(declared)
    candidates += ["cp1252", "latin-1"]
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.lstrip("\ufeff"), name
    raise DecodeError("not decodable as text")  # pragma: no cover - latin-1 always succeeds
