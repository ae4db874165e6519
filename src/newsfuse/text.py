"""Small text utilities shared by every stage: sentences, tokens, stopwords, normalisation.

Kept dependency-free and fast (pure regex) because every stage calls them on every paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

# Common English function words.  Used for stopword density (cleaning), content words
# (clustering, claims, summaries) and as a guard against treating "The" as a name.
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having he
    he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
    into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off
    on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
    should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up upon
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
    while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your
    yours yourself yourselves said says say told according one two also would could may might must
    shall will just still even yet however though although since unless whether per via among amid
    within without upon onto toward towards across along around behind beyond despite""".split()
)

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "cpl",
    "adm",
    "gov",
    "sen",
    "rep",
    # plural titles before two names ("Sens. Jane Roe and John Doe")
    "sens",
    "reps",
    "govs",
    "gens",
    "drs",
    "messrs",
    "rev",
    "st",
    "mt",
    "ft",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "pres",
    "sec",
    "dept",
    "approx",
    "est",
    "fig",
    "vol",
    "op",
}

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# A candidate sentence end: . ! ? (possibly followed by closing quotes/brackets) then space(s)
# and an opening quote/bracket or an uppercase letter or digit.
# A stop glued to the next sentence ("near the surface.At least five"), as scrapers leave it when they
# join paragraphs without a space: two lower-case letters, the stop (and closing quotes), then a
# capitalised word.  Two lower-case letters keep "U.S.Army", "Mr.Smith" and "Ph.D" whole.
_GLUED_STOP_RE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])")
# What every _GLUED_STOP_RE boundary has around it: the stop (and closing quote) before, the capitalised
# word after.  One plain scan for it spares the lookbehind pattern on the many paragraphs with no glued
# stop (where it would find no boundary to insert a space at).
_GLUED_STOP_HINT = re.compile(r"[.!?][\"”’]?[A-Z][a-z]")
_SENT_END_RE = re.compile(r"([.!?…]+[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")


def normalize_space(s: str) -> str:
    r"""Runs of whitespace as one space, none at the ends (``re.sub(r"\s+", " ", s).strip()``:
    str.split and re's \s agree on what whitespace is, on every code point; the join is faster)."""
    return " ".join(s.split())


def fold(s: str) -> str:
    """Lowercase and strip accents: 'Kuloğlu' -> 'kuloglu'.  For matching, never for display."""
    if s.isascii():
        return s.lower()  # nothing to strip: the common case, ten times faster
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("ı", "i")


# A caption or headline glued before a lead that opens on "The"/"A" and a name ("… flying over Hatay The
# F-4 Phantom disappeared …", "… attacked the city of Homs A Syrian and a German man have been …"): inside
# a sentence "The" and a capitalised word follow a preposition, an article, a verb of telling, a
# possessive or a noun that introduces a title ("told The Times", "UK newspaper The Sunday Times", "the
# film The Godfather"), never another word; "A" and a capitalised word follow a name only at such a seam
# ("influenza A H1N1" has a common noun before it), or when a quotation opens after it ('... in the
# explosion A "sequence of failures" was to blame').
_NAME_SEAM_RE = re.compile(r"\b([A-Za-z][\w'’-]*[a-z0-9]|\d{4})\s+(?=(The|A)\s+([A-Z\"“]))")
_BEFORE_THE_NAME = frozenset(
    """in of at to from by with for on into onto about against between among over under near via and or but
    nor than as like the a an told tells telling said says saying wrote writes write read reads reading
    reported reports according called named quoted cited visited visit visits reach reached joined
    published edited editor editors columnist columnists correspondent newspaper newspapers paper daily weekly
    magazine journal channel network station agency programme program show film movie book novel album song play
    series""".split()
)


def name_seams(text: str) -> Iterator[int]:
    """Offsets in ``text`` where a lead opening on "The"/"A" and a name may have been glued after a
    caption or headline (see :data:`_NAME_SEAM_RE`), left to right."""
    for m in _NAME_SEAM_RE.finditer(text):
        prev = m.group(1)
        if prev.endswith(("'s", "’s")) or fold(prev) in _BEFORE_THE_NAME:
            continue  # "Britain's The Sunday Times", "told The Times": the name goes on the sentence
        if m.group(2) == "A" and not prev[:1].isupper() and m.group(3) not in '"“':
            continue  # ... but 'the explosion A "sequence of failures" was ...' is a seam
        yield m.end()


# A span is in title case when at least this share of its longer words is capitalised; running
# text, even full of names, rarely is ("How the West Was Lost: Fifty Years of Economic Folly").
_TITLE_CASE_SHARE = 0.75
# Words a title leaves in lower case ("Gone with the Wind").
_TITLE_LOWER = frozenset("a an the of and or in on for to at by with from".split())


# A straight double quote that closes a quotation: after a stop or comma, before a space or the end.
_CLOSING_STRAIGHT = re.compile(r'[,.!?]"(?=\s|$)')


def reopen_quote(text: str) -> str:
    """``text`` with the opening quotation mark it lost when a quote of several sentences was split
    into sentences: 'People are still fleeing," one resident said.' (the last sentence of the quote)
    reads as the reporter's words unless it opens with a quotation mark."""
    close, open_ = text.find("\u201d"), text.find("\u201c")
    if close > 0 and (open_ < 0 or close < open_):
        return "\u201c" + text
    first = text.find('"')
    if first > 0 and text.count('"') % 2 == 1 and _CLOSING_STRAIGHT.match(text, first - 1):
        return '"' + text
    return text


def is_title(span_words: Sequence[str], short: int = 10) -> bool:
    """Is a quoted span a title or a name rather than running text: most of its words of four letters
    or more capitalised (four or more of them), or a span of fewer than ``short`` words whose every
    word is capitalised bar a title's small words ('on his show, "The Roe Files,"'), or one with no
    lower-case letter at all (a programme in a transcript's speaker label: 'JANE DOE, "VALLEY
    EVENING NEWS": Hi')?"""
    long = [w for w in span_words if len(w) >= 4]
    if len(long) >= 4 and sum(w[0].isupper() for w in long) >= _TITLE_CASE_SHARE * len(long):
        return True
    if not span_words or len(span_words) >= short or not span_words[0][0].isupper():
        return False
    if not any(c.islower() for w in span_words for c in w):
        return True
    return all(w[0].isupper() or w in _TITLE_LOWER for w in span_words) and span_words[-1][0].isupper()


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, inner apostrophes kept), original case."""
    return _WORD_RE.findall(text)


def tokens(text: str) -> list[str]:
    """Lowercased word tokens."""
    if text.isascii():
        # ASCII: lowercasing first cannot move a token boundary (it only maps A-Z to a-z), and one
        # lower() of the text is cheaper than one per token.  Not so beyond ASCII ("İ" lowercases
        # to "i" plus a combining dot, which is not a word character).
        return _WORD_RE.findall(text.lower())
    return [w.lower() for w in _WORD_RE.findall(text)]


def content_words(text: str) -> list[str]:
    """Lowercased tokens minus stopwords and one-letter tokens."""
    return [w for w in tokens(text) if w not in STOPWORDS and len(w) > 1]


def stopword_density(text: str) -> float:
    toks = tokens(text)
    if not toks:
        return 0.0
    return sum(1 for t in toks if t in STOPWORDS) / len(toks)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    Rule-based: a sentence ends at . ! ? (with trailing quotes) followed by whitespace and an
    uppercase letter, digit or opening quote, unless the word before the stop is a known
    abbreviation or a single capital initial ("Gen.", "U.S.", "J. Smith").  A stop glued to a
    capitalised word after a lower-case one ("surface.At") ends a sentence too.
    """
    text = normalize_space(text)
    if not text:
        return []
    if _GLUED_STOP_HINT.search(text):
        text = _GLUED_STOP_RE.sub(" ", text)
    out: list[str] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.end(1)
        before = text[start : m.start(1)]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        last_l = last.lower().rstrip(".")
        if m.group(1).startswith(".") and (
            last_l in _ABBREV or (len(last) == 1 and last.isupper()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last_l)
        ):
            continue
        sent = text[start:end].strip()
        if sent:
            out.append(sent)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def iter_sentences(
    paragraphs: list[tuple[str, str]], split: Callable[[str], list[str]] = split_sentences
) -> Iterator[tuple[str, int, str]]:
    """For ``(paragraph_id, text)`` pairs yield ``(paragraph_id, index_in_paragraph, sentence)``."""
    for pid, ptext in paragraphs:
        for i, s in enumerate(split(ptext)):
            yield pid, i, s


class SentenceMemo:
    """:func:`split_sentences` with a memo, for one batch of work (never module-wide).

    The summary, the cross-check and the timeline of a story each split the same paragraphs, and
    reprints repeat them; ``split(text)`` splits each distinct text once.  It returns a new list
    every time, so a caller may change what it gets.
    """

    def __init__(self) -> None:
        self._cache: dict[str, list[str]] = {}

    def split(self, text: str) -> list[str]:
        got = self._cache.get(text)
        if got is None:
            got = self._cache[text] = split_sentences(text)
        return list(got)
