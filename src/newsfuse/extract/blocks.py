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


# A number a scraper's tokeniser cut before its thousands or decimals ("45,000-50 ,000 dead",
# "a magnitude-4 .5 aftershock"): in prose a comma or point between digits is never spaced, so the
# space goes (otherwise "50" and "000" are read as two figures).
_SPLIT_NUMBER = re.compile(r"(?<=\d) (?=[,.]\d)")


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
        if " ," in vis or " ." in vis:
            vis = _SPLIT_NUMBER.sub("", vis)
        if not vis:
            gap += 1
            continue
        blocks.append(Block(i, raw, vis, indent, bullet, heading, gap, link_chars))
        gap = 0
    return _unwrap(_join_continuations(blocks))


# A line that opens on a comma or semicolon (with a closing quotation mark or not) goes on the
# line before: no sentence or paragraph starts so, a scraper broke the line at a link or an
# emphasised title ("Sen. Jane Roe (D-Del.)" / ", chairman of the panel, said ...").  t17-dev:
# 234 such lines, nearly all after a linked name or a title ending on "?" or "!".
_CONTINUATION_RE = re.compile(r"^(?:[,;][\"”’]?|[\"”’][,;])\s")
# A quotation ending on "?", "!" or "," at the end of a line, and a line opening in lower case: the
# scraper broke the sentence before its attribution ('"… going forward?"' / 'a reporter asked
# Tuesday.'); t17-dev: 127 such pairs, nearly all one sentence.
_QUOTE_END_RE = re.compile(r"[,?!][\"”]$")
# A wire's stock ticker cut at its dot, the exchange on the next line ("Private equity firm KKR & Co
# (KKR." / "N) is increasing ..."): a crawler split the line at the ticker's stop, which breaks the
# sentence in two and leaves a paragraph opening on "N)".  t17-dev: 183 such pairs, all Reuters
# tickers (".N", ".L", ".SS", "..N").  Without the parenthesis ("Miner Lonmin LMIJ." / "L) said") the
# ticker must follow a capitalised word (the company's name) and the next line go on in lower case,
# as a sentence does after a company's ticker ("He joined NATO." / "A) list" stays apart).
_TICKER_CUT_RE = re.compile(r"(\()?[A-Z0-9][A-Za-z0-9.]{0,9}\.$")
_EXCHANGE_START_RE = re.compile(r"^[A-Z]{1,3}\)(?=[\s,.;:]|$)")
_EXCHANGE_CLAUSE_RE = re.compile(r"^[A-Z]{1,3}\)[,\s]+[a-z]")
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w&'’-]* $")


def _ticker_cut(p: str, b: str) -> str | None:
    """The text that rejoins a ticker cut at its stop ('(KKR.' + 'N) is' -> '(KKR.N) is'), or None."""
    m = _TICKER_CUT_RE.search(p)
    if m is None or not _EXCHANGE_START_RE.match(b):
        return None
    if m.group(1):
        return p + b
    if not _NAME_BEFORE_RE.search(p[: m.start()]) or not _EXCHANGE_CLAUSE_RE.match(b):
        return None
    return p[: m.start()] + "(" + p[m.start() :] + b  # the opening parenthesis the crawl lost


def _join_continuations(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        p = out[-1] if out else None
        if p is not None and b.gap_before <= 1 and not (b.bullet or b.heading or p.heading):
            if _CONTINUATION_RE.match(b.text):
                _append(p, b, "")
                continue
            joined = _ticker_cut(p.text, b.text)
            if joined is not None:
                _append(p, b, "")
                p.text = joined
                continue
            if b.text[:1].islower() and _QUOTE_END_RE.search(p.text):
                _append(p, b, " ")
                continue
        out.append(b)
    return out


# A hard-wrapped line is at least this long (wrapping happens at 60-100 columns) ...
WRAPPED_MIN_CHARS = 40
# ... and a text separates its paragraphs with blank lines when at least this share of its
# blocks follow one (scraped one-block-per-line text has none, and is never unwrapped).
BLANK_SEPARATED_SHARE = 0.3
_LINE_END_PUNCT = tuple('.!?:;"”’)…')
# Lines of a hard-wrapped paragraph (all but its last) are at least this share of the widest one.
EVEN_WIDTH_SHARE = 0.75


def _append(p: Block, b: Block, sep: str) -> None:
    """Line ``b`` joined onto block ``p`` (its raw lines kept apart, its text after ``sep``)."""
    p.raw = p.raw + "\n" + b.raw
    p.text = p.text + sep + b.text
    p.link_chars += b.link_chars
    p.key = ""


def _unwrap(blocks: list[Block]) -> list[Block]:
    """Join hard-wrapped lines back into their paragraph (text files wrapped at a fixed width):
    only in texts that separate paragraphs with blank lines, only lines that stop mid-sentence,
    and only where the next line continues in lower case or the group has a wrapped text's even
    width (a list of headlines between two blank lines has neither)."""
    if len(blocks) < 2 or sum(1 for b in blocks[1:] if b.gap_before) < BLANK_SEPARATED_SHARE * (len(blocks) - 1):
        return blocks
    groups: list[list[Block]] = []
    for b in blocks:
        if groups and b.gap_before == 0 and b.indent == groups[-1][-1].indent:
            groups[-1].append(b)
        else:
            groups.append([b])
    out: list[Block] = []
    for group in groups:
        widest = max(len(b.text) for b in group)
        even = len(group) >= 2 and all(len(b.text) >= EVEN_WIDTH_SHARE * widest for b in group[:-1])
        out.append(group[0])
        for b in group[1:]:
            p = out[-1]
            if (
                not b.bullet
                and not b.heading
                and not p.heading
                and len(p.text) >= WRAPPED_MIN_CHARS
                and not p.text.endswith(_LINE_END_PUNCT)
                and not p.raw.endswith("  ")  # a markdown hard line break is meant as a break
                and (even or b.text[:1].islower())
            ):
                _append(p, b, " ")
                continue
            out.append(b)
    return out


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
