"""Described speakers: "the prime minister", "an activist in the city", "the group's chief Mara Quill".

A description is kept as the speaker's name unless it names the person (a name at its end or in
apposition) or the story gave exactly one entity that title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import PERSON_TITLES
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.speech import (
    DESCRIBED,
    DESCRIBED_START,
    GROUP_BEFORE_VERB,
    NAME_PARTICLE,
    NAME_PARTICLE_WORDS,
    PLACEHOLDER,
    POSSESSIVE_NAME,
    QUOTED,
    VERBS,
    ArticleSents,
    RawQuote,
    article_sents,
    clause_start,
    described_after_comma,
    first_quoting_verb,
    person_like,
)
from newsfuse.text import fold

# A name in apposition right after a described speaker: "the prime minister, Oskar Lind, said".
# Also at the end of an inverted attribution: 'said Lind's spokesman, Mara Quill.'
APPOSED_NAME = re.compile(
    rf"\s*,\s*((?:(?!{PLACEHOLDER}\b)[A-Z][\w'’.-]*\s){{1,3}}?(?!{PLACEHOLDER}\b)[A-Z][\w'’-]*)"
    rf"\s*(?:,\s*(?:also\s+)?(?:{VERBS})\b|[.;]|$)"
)


def same_by_title(described: RawQuote, named: RawQuote, index: EntityIndex | None) -> bool:
    """Is ``described`` an unnamed speaker ("the president") whose role is a title ``named``'s
    speaker was given in the story ("President Lind")?  Then the name is kept."""
    if index is None or described.speaker is not None or named.speaker is None or not described.speaker_name:
        return False
    role = fold(described.speaker_name.split()[-1])
    return any(role in fold(t).split() for t in index.titles.get(named.speaker, []))


def described_speaker(phrase: str, index: EntityIndex | None) -> str | None:
    """'the Velland president' -> the one entity introduced with that title in the story, if exactly one."""
    if index is None or re.match(r"(?:an?|one|another)\s", phrase, re.IGNORECASE):
        return None  # "a spokesman" is someone the text does not name, not the spokesman it named
    key = fold(DESCRIBED.sub("", phrase)).strip()
    hits = {eid for eid, titles in index.titles.items() if any(fold(t) == key for t in titles)}
    return hits.pop() if len(hits) == 1 else None


# Words that make a name after them an object, not the described speaker ("a spokesperson for Mr X").
_OBJECT_BEFORE = frozenset("for of from including with to about the against on".split())


# A name's lowercase particle word ("al-Muallem", "bin", "de"), as speech.NAME_PARTICLE.
_PARTICLE_WORD = re.compile(rf"{NAME_PARTICLE}|(?:{NAME_PARTICLE_WORDS})$")


def trailing_name(phrase: str) -> str | None:
    """The capitalised name (at most three words) a described speaker ends with, when the word before
    it is no preposition or article: "the group's chief executive Malcolm Webb" -> "Malcolm Webb"."""
    words = phrase.split()
    k = len(words)
    while (
        k > 0
        and (words[k - 1][:1].isupper() or _PARTICLE_WORD.match(words[k - 1]))
        and not POSSESSIVE_NAME.search(words[k - 1])
    ):
        k -= 1  # stop at a possessive: "NOAA's Steve Murawski" -> "Steve Murawski"
    while k < len(words) and not words[k][:1].isupper():
        k += 1  # a name starts capitalised ("Walid al-Muallem", not "al-Muallem" alone after "the")
    run = words[k:]
    while len(run) > 1 and run[0].lower().rstrip(".") in PERSON_TITLES:
        run = run[1:]  # "Syria's Foreign Minister Walid al-Muallem": the name after its titles
    if not run or len(run) > 3 or k == 0 or words[k - 1].lower() in _OBJECT_BEFORE:
        return None
    return " ".join(run)


def described_before_verb(text: str) -> str | None:
    """An unnamed speaker right before the first quoting verb: "an activist in the city's Bab Sbaa district told"."""
    masked = QUOTED.sub(lambda m: " " * len(m.group()), text.replace(PLACEHOLDER, " " * len(PLACEHOLDER)))
    verb = first_quoting_verb(masked)
    if verb is None:
        return None
    group = GROUP_BEFORE_VERB.search(masked, 0, verb.start())
    if group is None:
        # a definite description right after a comma ("…, the department said in a note")
        after_comma = described_after_comma(masked, verb)
        return " ".join(after_comma.group(1).split()) if after_comma is not None else None
    m = DESCRIBED_START.search(masked, 0, verb.start())
    if m is not None:
        return " ".join(m.group(1).split())
    # a plural group with no article ("Protesters in the square chanted"), perhaps after words that
    # qualify it ("British defense officials say that"): the group is the speaker
    start = clause_start(masked, group.start())
    bare = " ".join(masked[start : group.end()].split())
    qualified = start == group.start() or _QUALIFIERS.fullmatch(masked[start : group.start()]) is not None
    return bare if bare.endswith("s") and qualified else None


# Words that qualify a plural group at the start of its clause ("Senior US defense officials"): up to
# four, none a function word, verb form or number ("After the meeting officials", "Last year officials").
_QUALIFIERS = re.compile(
    r"(?:(?!(?:the|a|an|this|that|these|those|after|before|when|while|as|since|in|on|at|for|of|by|with|but|and|or"
    r"|last|next|then|now|also|so|yet|if)\b)[A-Za-z][\w'’.-]*(?<!ed)(?<!ing)\s+){1,4}",
    re.IGNORECASE,
)


# Title words a definite description can end with that stand for one person's office ("the prime
# minister", "the company's spokesman", "the Velland leader").  A plain "official", "source" or
# "witness" is left out: news uses those for people it does not name.
_OFFICE_HEADS = frozenset(
    """president leader minister premier chancellor king queen prince princess emir sultan pope
    spokesman spokeswoman spokesperson secretary chief director chairman chairwoman governor mayor
    ambassador envoy commander senator congressman congresswoman judge prosecutor attorney lawyer
    executive ceo""".split()
)
# Offices "the leader" can stand for: the head of a state or government ("the Velland leader" for
# "Velland President Oskar Lind"); "prime" stands for "prime minister".
_LEADER_OFFICES = frozenset("president premier chancellor king queen emir sultan leader prime".split())
# Words that change which office a title is ("the president" is not "the vice president" nor "the
# former president"): when one side has one, the other must have it too.
_RANK_WORDS = frozenset("former ex late outgoing incoming acting interim vice deputy assistant junior".split())
# Words that may stand in a title before a name besides capitalised ones: "the country's prime
# minister Taro Vance", "deputy foreign minister Lind".
_TITLE_WORDS = PERSON_TITLES | _RANK_WORDS | {"prime", "foreign", "chief"}
_HEAD_WORD = "|".join(sorted(_OFFICE_HEADS, key=len, reverse=True))
# An apposition naming a person's office: "Oskar Lind, the president of Velland," / ", Velland's
# prime minister," / ", a spokesman for the ministry".
_APPOSED_OFFICE = re.compile(
    r"\s*,\s*(?:(?:the|a|an)\s+|([A-Z][\w.'’-]*['’]s)\s+)?((?:[\w.'’-]+\s+){0,3}?)"
    rf"({_HEAD_WORD})(?![\w'’-])(?:\s+(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s*){{1,3}}))?"
    # closed by punctuation: in "working for Lind, the bureau chief said" the office is the next subject
    r"(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)
# A word before a name that makes it an object, not the holder of the office after it ("working for Lind, the chief said").
_OBJECT_WORD = re.compile(r"\b(?:for|of|with|to|by|from|at|against|on|about|in)\s*$", re.IGNORECASE)
# A definite description of one office: "the Velland leader", "Velland's vice president", "the
# president of Velland" (indefinite ones, "a spokesman", are people the text does not name).
_DEFINITE_OFFICE = re.compile(
    r"^(?:[Tt]he\s+|([A-Z][\w.'’-]*['’]s)\s+)((?:[\w.'’-]+\s+){0,4}?)"
    rf"({_HEAD_WORD})(?:\s+(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s*){{1,3}}))?$"
)


def _key(word: str) -> str:
    """A modifier as compared: folded, without dots and a possessive ("U.S." -> "us", "Velland's" -> "velland")."""
    return re.sub(r"['’]s$", "", fold(word).replace(".", ""))


def _modifiers(owner: str | None, words: str, of: str | None) -> set[str]:
    """The words of an office that tell which one it is; a lowercase owner ("the company's") only
    points back and is left out."""
    out = {_key(w) for w in words.split() if not re.search(r"['’]s$", w) or w[:1].isupper()}
    if owner:
        out.add(_key(owner))
    if of:
        out |= {_key(w) for w in of.split()}
    return {w for w in out if w and w not in {"the", "a", "an"}}


def _fits(want: str, have: set[str]) -> bool:
    """Does a modifier of the description occur among a title's ("Velland" / "Vellandic" share their stem)?"""
    for h in have:
        short, long = sorted((want, h), key=len)
        if short == long or (len(short) >= 4 and long.startswith(short)):
            return True
    return False


def _same_office(head: str, mods: set[str], c_head: str, c_mods: set[str]) -> bool:
    """Can the description (head, modifiers) name the person given the title (c_head, c_mods)?"""
    if head == "minister" and "prime" in mods:
        head, mods = "prime", mods - {"prime"}
    if c_head == "minister" and "prime" in c_mods:
        c_head = "prime"
    if head != c_head and not (head == "leader" and c_head in _LEADER_OFFICES):
        return False
    if any((w in mods) != (w in c_mods) for w in _RANK_WORDS):
        return False  # "the president" is not "the former president"
    return all(_fits(w, c_mods) for w in mods)


def _title_before(text: str) -> tuple[str, set[str]] | None:
    """The office written right before a name ("Velland President ", "the country's prime minister, ")."""
    words = text.rstrip().rstrip(",").split()
    if not words or words[-1].lower() not in _OFFICE_HEADS:
        return None
    head = words[-1].lower()
    mods: list[str] = []
    for w in reversed(words[:-1][-5:]):
        if w.lower() in {"the", "a", "an"} or not (
            w[:1].isupper() or re.search(r"['’]s$", w) or w.lower() in _TITLE_WORDS
        ):
            break
        mods.append(w)
    return head, _modifiers(None, " ".join(mods), None)


def titled_people(where: ArticleSents, index: EntityIndex) -> list[tuple[str, str, set[str]]]:
    """(entity, office head, modifiers) for every person the article names with an office: "Velland
    President Oskar Lind", "Oskar Lind, the president of Velland,"; computed once per article."""
    if where.titled is not None:
        return where.titled
    out: list[tuple[str, str, set[str]]] = []
    for s in where.by_index.values():
        for surface, eid in index.in_sentence(s):
            if not person_like(eid, index):
                continue
            for m in re.finditer(re.escape(surface), s.text):
                before = _title_before(s.text[: m.start()][-80:])
                if before is not None:
                    out.append((eid, *before))
                after = _APPOSED_OFFICE.match(s.text, m.end())
                if after is not None and not _OBJECT_WORD.search(s.text[: m.start()]):
                    mods = _modifiers(after.group(1), after.group(2), after.group(4))
                    out.append((eid, after.group(3).lower(), mods))
    where.titled = out
    return out


def name_description(q: RawQuote, sents: Sequence[Sent], index: EntityIndex | None) -> None:
    """A described speaker ("the Velland leader", "the prime minister") becomes the one person the
    article gives that office ("Velland President Oskar Lind"); with none or several, the
    description stays (a wrong name is worse than none)."""
    if index is None or q.speaker is not None or not q.speaker_name:
        return
    m = _DEFINITE_OFFICE.match(q.speaker_name.strip())
    if m is None:
        return
    head = m.group(3).lower()
    mods = _modifiers(m.group(1), m.group(2), m.group(4))
    people = {
        eid
        for eid, c_head, c_mods in titled_people(article_sents(q, sents), index)
        if _same_office(head, mods, c_head, c_mods)
    }
    if len(people) == 1:
        eid = people.pop()
        ent = index.get(eid)
        if ent is not None:
            q.speaker, q.speaker_name = eid, ent.name
