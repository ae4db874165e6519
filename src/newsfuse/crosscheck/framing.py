"""Framing per outlet: labels for the main actors, loaded words, unattributed assertions, headline.

- labels: the words an outlet puts next to an actor's name, from three news patterns: a label
  word or hyphenated compound right before the name ("strongman Khalifa Haftar", "UN-recognised
  GNA", "putschist Haftar"), a title before it ("Field Marshal"), and an apposition after it
  (", the strongman in eastern Libya,");  label words come from :mod:`lexicon`, compounds are
  taken as written, and every label is shown as the outlet wrote it ("UN-recognized", not
  "un-recognized");
- loaded words: words of :data:`lexicon.LOADED_WORDS` used outside quotes, multi-sentence ones included (what the outlet
  says in its own voice, not what it quotes);
- unattributed share: of the outlet's sentences (six words or more), the share with neither a
  quotation nor an attribution cue (said, according to, told, reported, statement ...);
- headline: the title of the outlet's first article in the story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import ACTOR_LABELS, ATTRIBUTION_CUES, LOADED_WORDS, PERSON_TITLES
from newsfuse.crosscheck.quotes import scan_spans
from newsfuse.crosscheck.sentences import Sent, outlet_label
from newsfuse.model import Article, OutletFraming
from newsfuse.text import fold, tokens

_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
_COMPOUND = re.compile(
    r"^[\w]+-(?:backed|recognized|recognised|based|led|allied|aligned|supported|sponsored|appointed|styled|proclaimed)$"
)
# Courtesy titles are an outlet's house style ("Mr Markey" in London, "Markey" in New York), not how
# it frames the person: never shown as a label.
_HONORIFICS = frozenset("mr mrs ms miss mx sir dame messrs".split())
# How many actors get a label row: the most-mentioned people and organisations.
_MAIN_ACTORS = 8
# A sentence this short (in words) is a fragment or caption, not an assertion.
_MIN_ASSERTION_WORDS = 6
# Compiled once (re's pattern cache costs a lookup per call; these run per sentence).
_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s+([^,.;]{3,60})[,.;]")
_OPEN_QUOTE = re.compile(r"[“\"«]")


def _labels_before(before: str) -> list[str]:
    """Label words right before a name, as written ("UN-recognized": the casing carries meaning)."""
    words = before.split()
    out: list[str] = []
    for w in reversed(words[-4:]):
        written = w.strip(",.;:()“”\"'’")
        fw = fold(written)
        if fw in ACTOR_LABELS or _COMPOUND.match(fw):
            out.append(written)
        elif fw in PERSON_TITLES or fw in {"the", "a", "an", "of"}:
            continue
        elif w[:1].isupper():
            continue  # other names or capitalised titles ("LNA Commander")
        else:
            break
    return out[::-1]


def _apposition(after: str) -> list[str]:
    m = _APPOSITION.match(after)
    if not m:
        return []
    phrase = m.group(1).strip()
    if any(w in ACTOR_LABELS or _COMPOUND.match(w) for w in fold(phrase).split()):
        return [phrase]
    return []


def own_voice(sents: Sequence[Sent], by_id: Mapping[str, Article]) -> dict[tuple[str, int], str]:
    """Each sentence with every quoted passage blanked out: what the outlet says in its own voice.

    Quotes are found per article by :func:`quotes.scan_spans`, so a quote running over several
    sentences or paragraphs is blanked in all of them (a sentence-by-sentence regex misses those).
    """
    out: dict[tuple[str, int], str] = {}
    by_para: dict[tuple[str, str], list[Sent]] = defaultdict(list)
    for s in sents:
        by_para[(s.article, s.paragraph)].append(s)
    for aid in dict.fromkeys(s.article for s in sents):
        art = by_id.get(aid)
        if art is None:
            continue
        texts = [p.text for p in art.paragraphs]
        masked = [list(t) for t in texts]
        for span in scan_spans(texts):
            row = masked[span.paragraph]
            for k in range(max(0, span.start - 1), min(len(row), span.end + 1)):
                row[k] = " "
        for pn, para in enumerate(art.paragraphs):
            blank = "".join(masked[pn])
            at = 0
            for s in by_para.get((aid, para.id), []):
                found = para.text.find(s.text, at)
                if found < 0:
                    continue
                out[s.key] = blank[found : found + len(s.text)]
                at = found + len(s.text)
    return out


def build_framing(
    sents: Sequence[Sent], index: EntityIndex | None, by_id: Mapping[str, Article], article_ids: Sequence[str]
) -> list[OutletFraming]:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for aid in article_ids:
        if aid in by_id:
            by_outlet[outlet_label(by_id[aid])].append(aid)
    main: set[str] = set()
    if index is not None:
        main = {e.id for e in index.entities if e.type in ("person", "organisation")}
        ranked = [e.id for e in index.entities if e.id in main][:_MAIN_ACTORS]
        main = set(ranked)
    # each outlet's sentences in story order, found in one pass (not one pass over the story per outlet)
    outlet_of = {aid: outlet for outlet, aids in by_outlet.items() for aid in aids}
    sents_of: dict[str, list[Sent]] = defaultdict(list)
    for s in sents:
        if s.article in outlet_of:
            sents_of[outlet_of[s.article]].append(s)
    voice = own_voice(sents, by_id)
    out: list[OutletFraming] = []
    for outlet, aids in sorted(by_outlet.items()):
        labels: dict[str, list[str]] = defaultdict(list)
        loaded: list[str] = []
        asserted = unattributed = 0
        for s in sents_of[outlet]:
            own = voice.get(s.key) or _QUOTED.sub(" ", s.text)
            own_words = tokens(fold(own))
            for w in own_words:
                if w in LOADED_WORDS and w not in loaded:
                    loaded.append(w)
            sent_words = tokens(s.text)
            if len(sent_words) >= _MIN_ASSERTION_WORDS:
                asserted += 1
                if not any(w in ATTRIBUTION_CUES for w in sent_words) and not _OPEN_QUOTE.search(s.text):
                    unattributed += 1
            if index is None:
                continue
            for surface, eid in index.in_sentence(s):
                if eid not in main:
                    continue
                at = own.find(surface)
                if at < 0:
                    continue
                found = _labels_before(own[:at]) + _apposition(own[at + len(surface) :])
                for title in index.titles.get(eid, []):
                    if fold(title).rstrip(".") not in _HONORIFICS and title in own[:at]:
                        found.append(title)
                for lab in found:
                    if fold(lab) not in {fold(x) for x in labels[eid]}:
                        labels[eid].append(lab)
        first = by_id[aids[0]]
        out.append(
            OutletFraming(
                outlet=outlet,
                headline=first.title,
                labels={k: v for k, v in sorted(labels.items()) if v},
                loaded_words=sorted(loaded),
                unattributed_share=round(unattributed / asserted, 3) if asserted else 0.0,
            )
        )
    return out
