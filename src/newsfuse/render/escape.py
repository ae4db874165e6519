"""Escaping helpers: every piece of article text goes through one of these before it reaches HTML.

Article text is hostile input (it comes from scraped pages), so nothing is ever interpolated raw:
text nodes and attribute values go through :func:`esc` (which also escapes quotes, so it is safe in
double-quoted attributes), and link targets from the data go through :func:`safe_url`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

_SAFE_SCHEMES = ("http://", "https://")


def esc(value: object) -> str:
    """HTML-escape any value for a text node or a double-quoted attribute (``None`` -> "")."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s) (so never ``javascript:`` or ``data:``), else ``None``."""
    if not url:
        return None
    u = url.strip()
    return u if u.lower().startswith(_SAFE_SCHEMES) and not re.search(r"[\s<>\"']", u) else None


def path_part(value: str) -> str:
    """One URL path segment (ids are ours, but a stored report may contain anything)."""
    return quote(value, safe="")


# Characters that start Markdown syntax anywhere in a line, plus raw HTML (< > &), which most
# Markdown renderers would otherwise pass through as markup.
_MD_INLINE = re.compile(r"([\\`*_\[\]|<>])")
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def md(value: object) -> str:
    """Escape text for Markdown so that it renders as the same literal text (and never as HTML)."""
    if value is None:
        return ""
    # One line: a carriage return (or any other line break) would otherwise start a new Markdown
    # line, where "# ..." is a heading; ^ below then only matches at the start of the value.
    s = _LINE_BREAKS.sub(" ", str(value)).replace("&", "&amp;")
    s = _MD_INLINE.sub(r"\\\1", s)
    s = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
    return s
