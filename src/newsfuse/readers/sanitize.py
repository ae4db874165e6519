"""Text made safe at the door: no NUL, no lone surrogate, no other C0 control character.

Every document is sanitised where it comes in (the readers, the web API) before anything stores
or analyses it: PostgreSQL refuses a NUL in a text value, a lone surrogate (``"\\ud800"`` in a JSON
string, or a file name that is not UTF-8) cannot be encoded as UTF-8 at all, and other control
characters are invisible noise in a news text.  What was changed is noted on the document and,
through extraction, on the article (``Article.notes``), so nothing is altered silently.

Tab, newline and carriage return are text and stay.  Form feed and vertical tab separate lines, so
they become newlines; a lone surrogate becomes U+FFFD (the replacement character, which says "a
character was lost here"); NUL and the other control characters are removed.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from newsfuse.model import RawDocument, Rejection

__all__ = ["clean_value", "describe_changes", "sanitize_document", "sanitize_rejection", "sanitize_text"]

# C0 controls except \t \n \r, plus DEL, plus every surrogate code point (in a Python str they are
# always unpaired: a valid pair is one astral character).
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = "\x0b\x0c"
REPLACEMENT = "\ufffd"

_KIND_NAMES = {"nul": "NUL character", "control": "control character", "surrogate": "lone surrogate"}


def _kind(ch: str) -> str:
    if ch == "\x00":
        return "nul"
    if "\ud800" <= ch <= "\udfff":
        return "surrogate"
    return "control"


def sanitize_text(text: str, found: Counter[str] | None = None) -> str:
    """``text`` without NUL, lone surrogates or control characters other than tab/newline/CR;
    what was changed is counted in ``found`` by kind (nul, surrogate, control)."""
    if not _BAD.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        ch = m.group()
        kind = _kind(ch)
        if found is not None:
            found[kind] += 1
        if kind == "surrogate":
            return REPLACEMENT
        return "\n" if ch in _LINE_BREAKS else ""

    return _BAD.sub(fix, text)


def clean_value(text: str) -> str:
    """``sanitize_text`` without the count: for values that are not article content (query
    parameters, file names in messages)."""
    return sanitize_text(text)


def describe_changes(found: Counter[str], fields: list[str]) -> str:
    parts = [f"{n} {_KIND_NAMES[k]}{'s' if n > 1 else ''}" for k, n in sorted(found.items())]
    what = ", ".join(parts)
    return f"input sanitised: {what} removed or replaced (in {', '.join(fields)})"


def sanitize_document(doc: RawDocument) -> RawDocument:
    """``doc`` with every text field sanitised; a note on it says what changed (the same object
    when nothing had to change)."""
    found: Counter[str] = Counter()
    changes: dict[str, Any] = {}
    fields: list[str] = []
    for f in dataclasses.fields(doc):
        value = getattr(doc, f.name)
        if not isinstance(value, str):
            continue
        before = sum(found.values())
        clean = sanitize_text(value, found)
        if clean is not value and clean != value:
            changes[f.name] = clean
        if sum(found.values()) > before:
            fields.append(f.name)
    if not found:
        return doc
    notes = [*doc.notes, describe_changes(found, fields)]
    return dataclasses.replace(doc, **changes, notes=notes)


def sanitize_rejection(rej: Rejection) -> Rejection:
    """A rejection whose origin or detail (a file name, a quoted value) carried bad characters."""
    origin, detail = clean_value(rej.origin), clean_value(rej.detail)
    if origin == rej.origin and detail == rej.detail:
        return rej
    return dataclasses.replace(rej, origin=origin, detail=detail)
