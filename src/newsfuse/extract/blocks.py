"""Plain text as a list of blocks (one non-empty line each) with the layout facts cleaning needs.

A scraped page's text has no markup, but its layout still carries evidence: indentation and
bullets (comment threads are nested), markdown headings and links (scrapes saved as markdown),
blank-line runs (a page section ends).  :func:`split_blocks` keeps those facts per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bullet characters scrapers leave in front of list items and comment authors.
_BULLET_RE = re.compile(r"^([•◦▪▸►·‣∙]|[-*+](?=\s))\s*")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+")
# A markdown link [text](target); the target is not visible text.
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS_RE = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


@dataclass
class Block:
    """One non-empty line of the source text."""

    index: int  # line number in the source text (0-based): RemovedBlock.position
    raw: str  # the line as it was (without the line break)
    text: str  # visible text: markdown links/emphasis reduced to their text, spaces collapsed
    indent: int  # leading spaces (a tab counts 4)
    bullet: bool  # starts with a bullet character
    heading: int  # markdown heading level, 0 when none
    gap_before: int  # blank lines between this block and the previous one
    link_chars: int  # characters of visible text inside markdown links
    key: str = ""  # line_key(text), filled on first use by block_key()


def visible_text(line: str) -> tuple[str, int]:
    """Markdown-ish line -> (visible text, characters of it that were link text)."""
    if not any(c in line for c in "[*_\\"):
        return " ".join(line.split()), 0  # fast path: no markdown on most lines
    link_chars = 0

    def _link(m: re.Match[str]) -> str:
        nonlocal link_chars
        link_chars += len(m.group(1))
        return m.group(1)

    s = MD_LINK_RE.sub(_link, line)
    s = _MD_EMPHASIS_RE.sub(r"\2", s)
    s = _ESCAPE_RE.sub(r"\1", s)
    return " ".join(s.split()), link_chars


def split_blocks(text: str) -> list[Block]:
    """Every non-empty line as a :class:`Block`, in order."""
    blocks: list[Block] = []
    gap = 0
    for i, raw in enumerate(text.splitlines()):
        expanded = raw.replace("\t", "    ").replace("\u00a0", " ")
        stripped = expanded.strip()
        if not stripped or stripped in {"---", "***", "___", "\\*", "*"}:
            # Horizontal rules and lone asterisks are layout, not text: count them as a gap.
            gap += 1
            continue
        indent = len(expanded) - len(expanded.lstrip(" "))
        body = stripped
        heading = 0
        m = _MD_HEADING_RE.match(body)
        if m:
            heading = len(m.group(1))
            body = body[m.end() :]
        bullet = False
        m = _BULLET_RE.match(body)
        if m:
            bullet = True
            body = body[m.end() :]
        vis, link_chars = visible_text(body)
        if not vis:
            gap += 1
            continue
        blocks.append(Block(i, raw, vis, indent, bullet, heading, gap, link_chars))
        gap = 0
    return blocks


_DIGITS_RE = re.compile(r"\d+")
_NONWORD_RE = re.compile(r"\W+")


def line_key(text: str) -> str:
    """Normalised form of a line for counting repeats across documents (case, digits, spaces)."""
    return _NONWORD_RE.sub(" ", _DIGITS_RE.sub("0", text.lower())).strip()


def block_key(b: Block) -> str:
    """:func:`line_key` of a block, computed once (corpus counting and cleaning both need it)."""
    if not b.key:
        b.key = line_key(b.text) or " "
    return b.key
