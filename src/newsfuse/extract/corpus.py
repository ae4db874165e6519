"""Corpus evidence: lines a document shares with other documents of the same outlet or batch.

Page furniture (menus, footers, "support us" blurbs) repeats from one article of an outlet to the
next; article text does not.  Wire reprints do repeat across outlets, so across outlets (or when the
outlet is unknown) only short lines count, and only when several documents share them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newsfuse.extract.blocks import Block, block_key, split_blocks
from newsfuse.extract.textmeta import outlet_from_url
from newsfuse.model import RawDocument

# Across unrelated documents a line must be short to count as template text: a sentence of a
# wire story reprinted by two outlets is long; "Advertisement" or "Back to top" is short.
MAX_WORDS_ACROSS_OUTLETS = 12
# Documents (this one included) that must share a short line when outlets are unknown/different.
MIN_DOCS_ACROSS_OUTLETS = 3
# Documents of one outlet that must share a line; a long line needs one more, because two
# versions of one story (an update, a correction) share their paragraphs and are not furniture.
MIN_DOCS_SAME_OUTLET = 2
MIN_DOCS_SAME_OUTLET_LONG = 3
LONG_LINE_WORDS = 25
# Lines this short say too little to be evidence ("Home", "1", "Reply" are judged by wording).
MIN_KEY_CHARS = 4
# A line of any length is site template (a promo teaser, a comment-policy paragraph, an advert)
# when at least this many documents carry it and those documents are otherwise different
# articles: a reprinted wire story shares its line *and* most of its other lines with the
# original; a site's teaser sits in articles that share nothing else.
MIN_DOCS_TEMPLATE = 3
# A long line needs more: a background sentence or a famous quote can recur in a few reports.
MIN_DOCS_TEMPLATE_LONG = 5
# ... "otherwise different": the mean Jaccard overlap of the other lines of the documents that
# share the line stays below this (copies and updates of one story overlap far more).
MAX_OTHER_OVERLAP = 0.2
# Pairs of documents compared per line: enough to tell a template from a reprint.
TEMPLATE_PAIRS = 6


def outlet_group(doc: RawDocument) -> str | None:
    if doc.outlet:
        return doc.outlet.strip().lower()
    return outlet_from_url(doc.url)


@dataclass
class CorpusEvidence:
    """Per document: the line keys it shares with other documents, and why they count."""

    repeated: list[dict[str, str]] = field(default_factory=list)  # doc index -> {line key: detail}

    @classmethod
    def build(cls, docs: list[RawDocument], blocks: list[list[Block]] | None = None) -> CorpusEvidence:
        """``blocks``: the documents' :func:`split_blocks` output when the caller has it already."""
        keys_per_doc: list[dict[str, int]] = []  # line key -> word count
        order_per_doc: list[list[tuple[str, str]]] = []  # (key, text) in reading order
        by_key: dict[str, set[int]] = defaultdict(set)
        quoted: set[str] = set()
        for i, doc in enumerate(docs):
            keys: dict[str, int] = {}
            order: list[tuple[str, str]] = []
            if blocks is not None:
                doc_blocks = blocks[i]
            elif doc.kind in ("text", "record") and isinstance(doc.content, str):
                doc_blocks = split_blocks(doc.content)
            else:
                doc_blocks = []
            if doc_blocks:
                for b in doc_blocks:
                    k = block_key(b)
                    order.append((k, b.text))
                    if len(k) >= MIN_KEY_CHARS:
                        keys[k] = len(b.text.split())
                        if _QUOTED_RE.search(b.text):
                            quoted.add(k)
            keys_per_doc.append(keys)
            order_per_doc.append(order)
            for k in keys:
                by_key[k].add(i)
        groups = [outlet_group(d) for d in docs]
        template = _template_keys(keys_per_doc, by_key, quoted)
        out: list[dict[str, str]] = []
        for i, keys in enumerate(keys_per_doc):
            rep: dict[str, str] = {}
            for k, n_words in keys.items():
                sharing = by_key[k]
                if len(sharing) < 2:
                    continue
                g = groups[i]
                same = sum(1 for j in sharing if g is not None and groups[j] == g)
                if same >= (MIN_DOCS_SAME_OUTLET if n_words < LONG_LINE_WORDS else MIN_DOCS_SAME_OUTLET_LONG):
                    rep[k] = f"line repeated in {same} articles of {g}"
                elif n_words <= MAX_WORDS_ACROSS_OUTLETS and len(sharing) >= MIN_DOCS_ACROSS_OUTLETS:
                    rep[k] = f"short line repeated in {len(sharing)} articles of the batch"
                elif k in template:
                    rep[k] = (
                        f"line repeated in {len(sharing)} otherwise different articles of the batch (site template)"
                    )
            for k in set(_narrative_runs(order_per_doc[i], rep, by_key)):
                del rep[k]
            out.append(rep)
        return cls(out)

    def for_doc(self, i: int) -> dict[str, str]:
        return self.repeated[i] if i < len(self.repeated) else {}


# A run of repeated lines told inside the story is the story's (a wire sentence, a background line
# that several versions of one live page share), not furniture: it must be this short and sit
# between lines of the document's own prose.  A sidebar repeated across reports ("How the dome
# works", five lines) is longer and stays site furniture.
MAX_NARRATIVE_RUN = 3
# ... and each of its lines must read as reporting: a declarative sentence of this many words that
# does not address the reader (furniture talks to "you", asks, or says "click"/"please").
MIN_NARRATIVE_WORDS = 6
# ... and be shared by at most this many documents: a story's sentence recurs in a handful of its
# versions and reprints, while a line in dozens of a crawl's pages ("Views expressed in the
# comments ...", a promo for the outlet's live blog) is the site's.
MAX_NARRATIVE_DOCS = 6
_READER_WORDS_RE = re.compile(
    r"\b(?:you|your|yours|we|our|us|me|my)\b|\bI\b|\b(?:click|tap|please|here|subscribe|sign up|log(?:ged)? in)\b"
    # a promo's imperative ("Watch Zakaria's take on ...", "See the major forms ...") or a site's name
    r"|^\W*(?:watch|see|read|follow|share|send|join|find|get|check|listen|explore|learn|download|visit|take a look)\b"
    r"|\b[\w-]+\.(?:com|org|net|co\.uk)\b",
    re.I,
)
_QUOTED_SPAN_RE = re.compile(r"\"[^\"]*\"|“[^”]*”")
_REPORT_END_RE = re.compile(r"[.!]['’\"”)]*$|[.!,]\s*['’\"”]$")


def _reporting_sentence(text: str) -> bool:
    """A declarative sentence of the story: long enough, ends on a full stop (a quote may close
    after it), begins like a sentence and does not address the reader outside its quotations."""
    t = text.strip()
    if len(t.split()) < MIN_NARRATIVE_WORDS or not _REPORT_END_RE.search(t):
        return False
    if not (t[0].isupper() or t[0] in "\"“'‘"):
        return False
    return _READER_WORDS_RE.search(_QUOTED_SPAN_RE.sub(" ", t)) is None


def _own_prose(key: str, text: str, rep: dict[str, str]) -> bool:
    return key not in rep and len(key) >= MIN_KEY_CHARS and _reporting_sentence(text)


def _narrative_runs(order: list[tuple[str, str]], rep: dict[str, str], by_key: dict[str, set[int]]) -> list[str]:
    """Keys of ``rep`` that lie, in this document, in a short run of reporting sentences between
    two lines of the document's own prose."""
    out: list[str] = []
    i, n = 0, len(order)
    while i < n:
        if order[i][0] not in rep:
            i += 1
            continue
        j = i
        while j < n and order[j][0] in rep:
            j += 1
        run = order[i:j]
        if (
            len(run) <= MAX_NARRATIVE_RUN
            and i > 0
            and j < n
            and _own_prose(*order[i - 1], rep)
            and _own_prose(*order[j], rep)
            and all(_reporting_sentence(t) and len(by_key[k]) <= MAX_NARRATIVE_DOCS for k, t in run)
        ):
            out.extend(k for k, _ in run)
        i = j
    return out


# A quotation repeated in different articles is a much-cited remark, not site template (a teaser
# "..., says our correspondent" is template, so attribution alone does not count).
_QUOTED_RE = re.compile(r"[\"“”«»`]")


def _template_keys(keys_per_doc: list[dict[str, int]], by_key: dict[str, set[int]], quoted: set[str]) -> set[str]:
    """Keys shared by at least :data:`MIN_DOCS_TEMPLATE` documents that are otherwise different articles."""
    out: set[str] = set()
    for k, sharing in by_key.items():
        if len(sharing) < MIN_DOCS_TEMPLATE or k in quoted:
            continue
        n_words = max(keys_per_doc[i][k] for i in sharing)
        if n_words <= MAX_WORDS_ACROSS_OUTLETS and len(sharing) >= MIN_DOCS_ACROSS_OUTLETS:
            continue  # the short-line rule takes it already
        if len(sharing) < MIN_DOCS_TEMPLATE_LONG and n_words >= LONG_LINE_WORDS:
            continue
        docs = sorted(sharing)
        # Evenly spread pairs (deterministic): first with middle, neighbours, ...
        pairs = [(docs[i], docs[(i + len(docs) // 2) % len(docs)]) for i in range(min(TEMPLATE_PAIRS, len(docs)))]
        total = 0.0
        for a, b in pairs:
            ka, kb = keys_per_doc[a], keys_per_doc[b]
            inter = len(ka.keys() & kb.keys()) - 1  # without k itself
            union = len(ka) + len(kb) - inter - 2
            total += inter / union if union > 0 else 1.0
        if total / len(pairs) < MAX_OTHER_OVERLAP:
            out.add(k)
    return out
