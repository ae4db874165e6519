"""Described speakers: "the prime minister", "an activist in the city", "the group's chief Mara Quill".

A description is kept as the speaker's name unless it names the person (a name at its end or in
apposition) or the story gave exactly one entity that title.
"""

from __future__ import annotations

import re

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.speech import (
    DESCRIBED,
    DESCRIBED_START,
    GROUP_BEFORE_VERB,
    PLACEHOLDER,
    POSSESSIVE_NAME,
    QUOTED,
    VERBS,
    RawQuote,
    clause_start,
    first_quoting_verb,
)
from newsfuse.text import fold

# A name in apposition right after a described speaker: "the prime minister, Oskar Lind, said".
# Also at the end of an inverted attribution: 'said Lind's spokesman, Mara Quill.'
APPOSED_NAME = re.compile(
    rf"\s*,\s*((?:[A-Z][\w'’.-]*\s){{1,3}}?[A-Z][\w'’-]*)\s*(?:,\s*(?:also\s+)?(?:{VERBS})\b|[.;]|$)"
)


def same_by_title(described: RawQuote, named: RawQuote, index: EntityIndex | None) -> bool:
    """Is ``described`` an unnamed speaker ("the president") whose role is a title ``named``'s
    speaker was given in the story ("President Lind")?  Then the name is kept."""
    if index is None or described.speaker is not None or named.speaker is None or not described.speaker_name:
        return False
    role = fold(described.speaker_name.split()[-1])
    return any(role in fold(t).split() for t in index.titles.get(named.speaker, []))


def described_speaker(phrase: str, index: EntityIndex | None) -> str | None:
    """'the Velland president' -> the one entity introduced with that title, if exactly one."""
    if index is None:
        return None
    key = fold(DESCRIBED.sub("", phrase)).strip()
    hits = {eid for eid, titles in index.titles.items() if any(fold(t) == key for t in titles)}
    return hits.pop() if len(hits) == 1 else None


# Words that make a name after them an object, not the described speaker ("a spokesperson for Mr X").
_OBJECT_BEFORE = frozenset("for of from including with to about the against on".split())


def trailing_name(phrase: str) -> str | None:
    """The capitalised name (at most three words) a described speaker ends with, when the word before
    it is no preposition or article: "the group's chief executive Malcolm Webb" -> "Malcolm Webb"."""
    words = phrase.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not POSSESSIVE_NAME.search(words[k - 1]):
        k -= 1  # stop at a possessive: "NOAA's Steve Murawski" -> "Steve Murawski"
    run = words[k:]
    if not run or len(run) > 3 or k == 0 or words[k - 1].lower() in _OBJECT_BEFORE:
        return None
    return " ".join(run)


def described_before_verb(text: str) -> str | None:
    """An unnamed speaker right before the first quoting verb: "an activist in the city's Bab Sbaa district told"."""
    masked = QUOTED.sub(lambda m: " " * len(m.group()), text.replace(PLACEHOLDER, " " * len(PLACEHOLDER)))
    verb = first_quoting_verb(masked)
    group = GROUP_BEFORE_VERB.search(masked, 0, verb.start()) if verb is not None else None
    if verb is None or group is None:
        return None
    m = DESCRIBED_START.search(masked, 0, verb.start())
    if m is not None:
        return " ".join(m.group(1).split())
    # a plural group with no article ("Protesters in the square chanted"): the group is the speaker
    bare = " ".join(group.group().split())
    return bare if bare.endswith("s") and group.start() == clause_start(masked, group.start()) else None
