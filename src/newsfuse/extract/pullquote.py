"""A pull-quote box run into the body by the scraper: the quote, the screen-reader label "End Quote",
the speaker's name and role, then the next sentence of the story on the same line:

    It is time for the council to make a clear statement" End Quote Jan Roe Valley council leader The
    vote was delayed again on Monday.

The quote repeats words the story quotes anyway; the label is furniture.  Both go, and the story's
sentence after them stays.  Where the label ends is found from its shape (a name, then a role or a
body, perhaps "of"/"at" a place or a comma and an affiliation) and the shape of a sentence's start;
when no end is sure, only the quote and the marker go and the label is left with the sentence
rather than cutting into the story.
"""

from __future__ import annotations

import re

# The marker, after the quote's closing mark (the "Start Quote" marker before it is mostly lost).
_MARKER = re.compile(r"[\"”’']?\s*\bEnd Quote\s+")
# A pull quote is short: the box holds one or two sentences (at most 40 words in real crawls).
MAX_PULL_WORDS = 60
# The label is a name and a role: the lead is looked for within this many words after the marker.
MAX_LABEL_WORDS = 16
# A rest this short, with no sentence stop, is the label alone ("Jan Roe Valley council leader").
MAX_SHORT_LABEL_WORDS = 8
# Role nouns a label ends on (general news vocabulary: jobs, offices, kinds of witness).
_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson official minister ministry statement president leader commander
    envoy diplomat analyst expert witness resident activist army government military office aide adviser
    advisor newspaper agency report group monitor observatory police committee council organisation
    organization representative delegate member lawmaker negotiator observer journalist correspondent
    doctor priest secretary chief director head chairman chairwoman governor mayor ambassador professor
    researcher scientist economist lawyer attorney prosecutor judge senator congressman congresswoman premier
    chancellor editor author manager executive officer worker nurse teacher student campaigner inspector
    fisherman farmer shareholder refugee fighter counsel letter communique admiral general colonel captain
    sergeant""".split()
)
# Words of a clause: a label holds none of them.
_CLAUSE_WORDS = frozenset(
    "is are was were has have had will would can could may might must should did does do said says told say added".split()
)
# Words that open a sentence of the story after the label.
_OPENERS = frozenset(
    "it the a an he she they this these those there we but meanwhile however in on at after since during as".split()
)
_PLACE_LINKS = ("of", "for", "at", "in")


def _opener(tok: str, nxt: str) -> bool:
    """Does ``tok`` open a sentence ("The …", "Meanwhile, …", "It was …")?"""
    return tok[:1].isupper() and tok.lower().rstrip(",") in _OPENERS and bool(nxt)


def _label_end(toks: list[str]) -> int | None:
    """Index of the story's first word after the label in ``toks`` (see the module's docstring), or None."""
    n = len(toks)
    toks = [*toks, "", ""]
    # after a role word (then perhaps "of"/"at" a place, or a comma and an affiliation)
    for k, tok in enumerate(toks[: min(n, MAX_LABEL_WORDS)]):
        word = tok.lower().strip(",.;:")
        if word in _CLAUSE_WORDS or (k >= 2 and _opener(tok, toks[k + 1])):
            break
        if word not in _ROLE_WORDS and word.split("-")[-1] not in _ROLE_WORDS:
            continue
        j = k + 1
        if toks[j] in _PLACE_LINKS or tok.endswith(","):
            j += toks[j] in _PLACE_LINKS
            while j < n and toks[j][:1].isupper() and not _opener(toks[j], toks[j + 1]):
                j += 1
        first, second = toks[j], toks[j + 1]
        if j < n and (
            first[:1] in '"“'
            or _opener(first, second)
            or (first[:1].isupper() and second[:1].islower() and second not in (*_PLACE_LINKS, "and"))
        ):
            return j
    # else the first word that opens a sentence, or an opening quotation mark, with no clause before it
    for j in range(2, min(n, MAX_LABEL_WORDS)):
        if (_opener(toks[j], toks[j + 1]) or toks[j][:1] in '"“') and not any(
            t.lower().strip(",.;:") in _CLAUSE_WORDS for t in toks[:j]
        ):
            return j
    return None


def split_pull_quote(text: str) -> tuple[str, str] | None:
    """(pull-quote box, the story's text after it) when ``text`` opens with a pull quote ending on
    "End Quote" (see the module's docstring), else None; the box is the quote, the marker and the
    label when the label's end is found, else the quote and the marker."""
    m = _MARKER.search(text)
    if m is None or len(text[: m.start()].split()) > MAX_PULL_WORDS:
        return None
    toks = text[m.end() :].split()
    end = _label_end(toks)
    if end is None and len(toks) <= MAX_SHORT_LABEL_WORDS and not any(t[-1:] in ".!?" for t in toks):
        return text.strip(), ""  # the box alone: the quote, the marker and a name and role, no story after them
    if end is None:
        return text[: m.end()].strip(), text[m.end() :]
    return f"{text[: m.end()]}{' '.join(toks[:end])}".strip(), " ".join(toks[end:])


__all__ = ["split_pull_quote"]
