"""Corpus evidence: lines a document shares with other documents of the same outlet or batch.

Page furniture (menus, footers, "support us" blurbs) repeats from one article of an outlet to the
next; article text does not.  Wire reprints do repeat across outlets, so across outlets (or when the
outlet is unknown) only short lines count, and only when several documents share them.
"""

from __future__ import annotations

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
        by_key: dict[str, set[int]] = defaultdict(set)
        for i, doc in enumerate(docs):
            keys: dict[str, int] = {}
            if blocks is not None:
                doc_blocks = blocks[i]
            elif doc.kind == "text" and isinstance(doc.content, str):
                doc_blocks = split_blocks(doc.content)
            else:
                doc_blocks = []
            if doc_blocks:
                for b in doc_blocks:
                    k = block_key(b)
                    if len(k) >= MIN_KEY_CHARS:
                        keys[k] = len(b.text.split())
            keys_per_doc.append(keys)
            for k in keys:
                by_key[k].add(i)
        groups = [outlet_group(d) for d in docs]
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
            out.append(rep)
        return cls(out)

    def for_doc(self, i: int) -> dict[str, str]:
        return self.repeated[i] if i < len(self.repeated) else {}
