"""Who "he", "she" and "they" are in an attribution ('"…," he said').

"he"/"she" go to the person who says something in the pronoun's own sentence before it, else to the
speaker (or first person) of the closest earlier sentence; "they" to a body or group that spoke just
before.  Nothing found: unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.speech import (
    DESCRIBED_SAYER,
    FINITE_VERB,
    LOOK_BACK,
    NO_CLAUSE,
    PLACEHOLDER,
    QUOTED,
    QUOTING,
    QUOTING_VERBS,
    ROLES,
    VERBS,
    WORD,
    ArticleSents,
    RawQuote,
    article_sents,
    closing_attribution,
    own_sentences,
    person_like,
    place_like,
    sentence_of,
    subject_of_saying,
)
from newsfuse.text import fold

# "he said" is resolved within this many sentences before the quote (a few paragraphs of news).
_PRONOUN_LOOK_BACK = 40
# A person merely mentioned (the subject of no saying) is "he" only in this many sentences before
# the quote, unless the article is about them (see main_person); further back the search ends with no name
# (precision first: a wrong name is worse than none).
_PRONOUN_MENTION_BACK = 3
# Sentences naming a person that make them the article's subject (a few mentions in a news story).
_MAIN_PERSON_SENTENCES = 3


# Titles that tell a person's sex (honorifics and royal titles, general English); a person the story
# titles only with these is never "she" (resp. "he").
_MALE_TITLES = frozenset("mr mr. sir lord king prince".split())
_FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss lady dame queen princess".split())


def fits_pronoun(eid: str, pronoun: str, index: EntityIndex) -> bool:
    """Can ``pronoun`` ("he"/"she"; anything else fits all) stand for the entity, as far as its titles tell?"""
    words = {w for t in index.titles.get(eid, []) for w in fold(t).split()}
    male, female = bool(words & _MALE_TITLES), bool(words & _FEMALE_TITLES)
    if pronoun.lower() == "he":
        return not female or male
    if pronoun.lower() == "she":
        return not male or female
    return True


# Words that make a description a man or a woman, so "she" is not "one Iraqi man".
_MALE_WORDS = frozenset("man men father husband son brother boy boys king prince male".split())
_FEMALE_WORDS = frozenset("woman women mother wife daughter sister girl girls queen princess female".split())


def description_fits_pronoun(description: str, pronoun: str) -> bool:
    """Can ``pronoun`` ("he"/"she"; anything else fits all) stand for an unnamed speaker so described?
    A head noun ending in "woman"/"man" tells the sex too ("a businessman", "a policewoman")."""
    words = description.lower().split()
    head = words[-1] if words else ""
    male = bool(_MALE_WORDS.intersection(words)) or (
        head.endswith(("man", "men")) and not head.endswith(("woman", "women"))
    )
    female = bool(_FEMALE_WORDS.intersection(words)) or head.endswith(("woman", "women"))
    return not ((pronoun == "she" and male) or (pronoun == "he" and female))


# An unnamed person: "a Korean businessman", "one elderly woman", "another harried Syrian man"; a role of
# ROLES or a word for any person (general English).
_UNNAMED_PERSON = (
    rf"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{ROLES[3:-1]}|man|woman|businessman|businesswoman|protester|demonstrator|refugee|survivor|villager"
    r"|shopkeeper|driver|fisherman|farmer|soldier|father|mother|tourist|guest|passenger|traveller|traveler|victim"
    r"|customer|fan|voter|mourner|pilgrim|neighbour|neighbor|friend|relative)"
)
# A person no story would name by office: "The man wielding the knife", "the young woman" (not "the
# president", whom the story may name elsewhere).
_THE_UNNAMED = r"[Tt]he\s+(?:[\w'’-]+\s+){0,2}?(?:man|woman|boy|girl|youth|teenager|stranger)"
# An unnamed person as a sentence's subject, whatever its verb: "A Korean businessman broke into song",
# "One elderly woman from the village wept".
_DESCRIBED_SUBJECT = re.compile(
    rf"^(?:(?:But|And|Yet|So|Then|Meanwhile|Later),?\s+)?({_UNNAMED_PERSON}|{_THE_UNNAMED})"
    r"(?:\s+(?:from|of|in|at|who|with|[a-z]+ing)\b[^,.;]{0,60}?)?\s+(?:[a-z]+ed|was|is|had|has|broke|came|went|took|got|ran|stood"
    r"|sat|said|says|told|wept|spoke|gave|made|left|saw|fell|held|kept|began)\b"
)
# An unnamed person the reporter meets: "At the entrance, I ran into a harried Syrian man dragging a
# suitcase. / '…,' he said": the person met is who "he" is (the reporter, "I", is no speaker).
_MET_BY_NARRATOR = re.compile(
    r"^(?:(?:At|In|On|Outside|Inside|Near|Later|Then|There|Nearby)\b[^,.;]{0,60},\s+)?(?:I|We)\s+"
    r"(?:met|meet|ran\s+into|run\s+into|spoke\s+(?:to|with)|talked\s+(?:to|with)|found|saw|asked|approached"
    rf"|came\s+across|interviewed|stopped)\s+({_UNNAMED_PERSON})\b"
)

# A sentence closing on who told it, as a pronoun ("…, she said.").
_TOLD_BY_PRONOUN = re.compile(rf",\s+(?:he|she|they)\s+(?:{VERBS})\b[^,;]*$")


def pronoun_speaker(
    q: RawQuote, sents: Sequence[Sent], index: EntityIndex, pronoun: str = ""
) -> tuple[str | None, str | None]:
    """Who "he"/"she" is: the speaker of the closest earlier sentence that names one (quoted words left out).

    In each earlier sentence the one who says something is taken ("Mr Varga said ..."; a name the
    story has not typed counts when it is the subject of the saying), else its first person: in
    "Ostrova threatened to punish Haskarov ... she said", "she" is Ostrova, not the nearer
    Haskarov.  A closer sentence whose subject is an unnamed speaker ("An activist who took part
    ... said") wins: then the speaker is that description, with no entity.  At most
    ``_PRONOUN_LOOK_BACK`` sentences are read back, so the cost per quote is bounded.  A person
    whose titles say the other sex ("Mrs Quill" for "he") is passed over.
    """
    where = article_sents(q, sents)
    located = where.by_paragraph.get(q.paragraph, [])
    start = next((s.index for a, b, s in located if b > q.start - 1), None)
    if start is None:
        start = located[-1][2].index + 1 if located else None
    if start is None:
        return None, None
    barred = _named_after_pronoun(where.by_index.get(start), pronoun, index)
    nearest = None  # the closest earlier sentence that is not all quoted
    for i in range(start - 1, max(-1, start - 1 - _PRONOUN_LOOK_BACK), -1):
        s = where.by_index.get(i)
        if s is None:
            break
        if i in where.quoted:
            continue
        nearest = i if nearest is None else nearest
        text = QUOTED.sub(" ", s.text)
        if _same_pronoun_subject(text, pronoun) and not closing_attribution(text):
            # "He was dismissive of Lind's promises and vowed …": still the same "he", not Lind (nor
            # the sayer found for "vowed"); read on back ("He intimidated Lind, Quill said.": Quill's)
            continue
        sayer = subject_of_saying(s.text, [s], index) or _according_to(text, s, index)
        if (
            sayer is not None
            and sayer not in barred
            and index.type_of(sayer) in {"person", "other"}
            and not place_like(sayer, index)
            and fits_pronoun(sayer, pronoun, index)
            and not _after_the(sayer, s, text, index)
        ):
            ent = index.get(sayer)
            return sayer, ent.name if ent else None
        described = DESCRIBED_SAYER.search(text)
        if described is not None:
            return None, described.group(1)
        if _PRONOUN_SAYS.search(text):
            continue  # "He further said that Lind would ...": still the same "he", not Lind; read on back
        people = [
            (at, eid)
            for surface, eid in index.in_sentence(s)
            if (at := text.find(surface)) >= 0
            and index.type_of(eid) == "person"
            and fits_pronoun(eid, pronoun, index)
            and eid not in barred
            and not _as_modifier(text, at, surface)
        ]
        # in the sentence right before, with no typed person there, a full name the story did not type
        # counts too when it is that sentence's subject ("Actor Mara Quill has organised the event. /
        # Speaking to KTV, she said"); not "the Red Crescent's workers", "of Wetland Ecology at …"
        found = people or [
            (at, eid)
            for surface, eid in index.in_sentence(s)
            if i == start - 1
            and (at := text.find(surface)) >= 0
            and person_like(eid, index)
            and eid not in barred
            and not place_like(eid, index)
            and fits_pronoun(eid, pronoun, index)
            and _subject_at(text, at, surface)
        ]
        if not found and i == nearest:
            # "A Korean businessman broke into song and hugged a policeman. / '… I love Hong Kong
            # people,' he said.": no one named, the sentence right before is about someone unnamed
            # (not when the sentence is itself told by someone: "Another group of men pushed her into a
            # store, she said": "she" is who told it)
            told = closing_attribution(text) or _TOLD_BY_PRONOUN.search(text)
            unnamed = (_DESCRIBED_SUBJECT.match(text) or _MET_BY_NARRATOR.match(text)) if not told else None
            if unnamed is not None and description_fits_pronoun(unnamed.group(1), pronoun):
                return None, unnamed.group(1)
        if found and start - i > _PRONOUN_MENTION_BACK:
            # a person only mentioned this far back is too uncertain, unless the article is about them
            subject = main_person(where, index)
            if subject is None or subject != min(found)[1]:
                return None, None
        if found:
            eid = min(found)[1]
            ent = index.get(eid)
            return eid, ent.name if ent else None
    return None, None


# What may stand before a sentence's subject (not a preposition, an article or "and"), and what follows
# it: a comma (an apposition) or a verb.
_NOT_BEFORE_SUBJECT = frozenset("of in at on to for from by with about the a an and or than".split())
_VERB_AFTER_SUBJECT = re.compile(rf"\s*(?:,|{FINITE_VERB}\b)")


def _subject_at(text: str, at: int, surface: str) -> bool:
    """Is the name written at ``text[at:]`` the subject of its sentence's verb (a verb or an apposition
    right after it, so not a possessive or a modifier; no preposition or article right before it)?"""
    before = text[:at].split()[-1:]
    if before and before[0].lower() in _NOT_BEFORE_SUBJECT:
        return False
    return _VERB_AFTER_SUBJECT.match(text, at + len(surface)) is not None


def _after_the(eid: str, s: Sent, text: str, index: EntityIndex) -> bool:
    """An untyped name written after "the" in this sentence ("the Red Cross arranged …"): a body or a
    thing, which "he" or "she" does not stand for (a person is "the" only with a title: typed person)."""
    if index.type_of(eid) != "other":
        return False
    return any(found == eid and _the_before(text, at) for at, found in _named_at(text, s, index))


def _the_before(text: str, at: int) -> bool:
    """Is the word right before ``at`` "the"?"""
    return at >= 4 and text[at - 4 : at].lower() == "the "


# "According to Jan Roe, an economist at …, growth will …": the sentence is that person's saying.
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+")


def _according_to(text: str, s: Sent, index: EntityIndex) -> str | None:
    """The name written right after "according to" in ``text`` (quotes masked), if any."""
    starts = {m.end() for m in _ACCORDING_TO.finditer(text)}
    if not starts:
        return None
    return next((eid for at, eid in _named_at(text, s, index) if at in starts), None)


def _as_modifier(text: str, at: int, surface: str) -> bool:
    """Is the name at ``at`` a modifier of a noun after "the" ("the Michael Jackson tribute concert",
    "the Obama administration"), a thing and not the person?"""
    return _the_before(text, at) and _LOWER_WORD_AFTER.match(text, at + len(surface)) is not None


_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")


def _named_after_pronoun(s: Sent | None, pronoun: str, index: EntityIndex) -> set[str]:
    """The people a sentence names after its "he"/"she" (quotes masked), whom the pronoun cannot be: in
    "he said the way Conrad Murray reacted when Jackson stopped …" or "he told Lind", "he" is neither
    (a pronoun never stands for a name its own clause puts after it)."""
    if s is None or not pronoun:
        return set()
    text = QUOTED.sub(" ", s.text)
    m = re.search(rf"\b{re.escape(pronoun.lower())}\b", text, re.IGNORECASE)
    if m is None:
        return set()
    # a quote that runs on into the next sentence is not masked: its words are not the clause's
    opening = re.search(r"[\"“‘]", text[m.end() :])
    end = m.end() + opening.start() if opening else len(text)
    return {eid for at, eid in _named_at(text, s, index) if m.end() < at < end}


def _named_at(text: str, s: Sent, index: EntityIndex) -> list[tuple[int, str]]:
    """Where in ``text`` (the sentence ``s``, quotes masked) each entity it names is first written
    (-1: only inside what the mask took out), with the entity's id."""
    return [(text.find(surface), eid) for surface, eid in index.in_sentence(s)]


def main_person(where: ArticleSents, index: EntityIndex) -> str | None:
    """The person the article is about: named in the most sentences, at least ``_MAIN_PERSON_SENTENCES``
    and more than anyone else (a profile, an interview); computed once per article."""
    if where.main_person is not None:
        return where.main_person or None
    counts: Counter[str] = Counter()
    for s in where.by_index.values():
        counts.update({eid for _, eid in index.in_sentence(s) if index.type_of(eid) == "person"})
    top = counts.most_common(2)
    ok = bool(top) and top[0][1] >= _MAIN_PERSON_SENTENCES and (len(top) == 1 or top[0][1] > top[1][1])
    where.main_person = top[0][0] if ok else ""
    return where.main_person or None


# A sentence whose subject is "he"/"she" after at most a short opening phrase or a conjunction ("He was
# dismissive of ...", "Speaking to MTV, he said", "But he hinted ..."): the people it names are what the
# pronoun's person did something to or spoke to; not a parenthetical "Lind's aim, he says, was …",
# where "he" is Lind.
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[^,]{0,60},\s*|(?:But|And|Yet|So|Then|Now)\s+)?([Hh]e|[Ss]he)\s+(?!and\b|or\b)(?![a-z]+,)[a-z]"
)


def _same_pronoun_subject(text: str, pronoun: str) -> bool:
    """Is the sentence's subject the pronoun being resolved ("he" for "he"; any of them when unknown)?"""
    m = _PRONOUN_SUBJECT.match(text.lstrip(' “"‘(—–-'))
    return m is not None and (not pronoun or m.group(1).lower() == pronoun.lower())


# A sentence whose saying is done by "he"/"she" ("He further said ...", "Later, she told ...").
_PRONOUN_SAYS = re.compile(rf"^(?:[^,]{{0,60}},\s*)?(?:He|She|he|she)\s+(?:{NO_CLAUSE}\w+\s+){{0,2}}(?:{VERBS})\b")


def same_sentence_sayer(
    q: RawQuote, pronoun_at: int, sents: Sequence[Sent], index: EntityIndex, pronoun: str = ""
) -> tuple[str | None, str | None]:
    """ "Mara Quill, a lecturer, said that ... and he says '...'": a person who says something earlier
    in the pronoun's own sentence is who the pronoun is (only when that saying comes before it, so
    in "Lind met Drost and he said" nobody is taken from the sentence)."""
    if not 0 <= pronoun_at <= len(q.context):
        return None, None
    head = q.context[:pronoun_at]
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z“\"])", head)), default=0)
    head = QUOTED.sub(lambda m: " " * len(m.group()), head[cut:].replace(PLACEHOLDER, " "))
    if not any(w.lower() in QUOTING_VERBS for w in WORD.findall(head)):
        return None, None
    own = [s for _, _, s in article_sents(q, sents).by_paragraph.get(q.paragraph, [])]
    sayer = subject_of_saying(head, own, index)
    if sayer is None or index.type_of(sayer) != "person" or not fits_pronoun(sayer, pronoun, index):
        return None, None
    ent = index.get(sayer)
    return sayer, ent.name if ent else None


# An attribution by pronoun right after a quote ('," he said', '. She added').

PRONOUN_AFTER = re.compile(r"[,.!?]?\s*(?:he|she|they|He|She|They)\b")


def they_speaker(q: RawQuote, sents: Sequence[Sent], index: EntityIndex) -> tuple[str | None, str | None]:
    """Who "they" are: the body that says something in one of the ``LOOK_BACK`` sentences before
    (a ministry, a party) or a group described there ("Officials in Tallor said ..."), else unknown."""
    at = sentence_of(q, sents)
    where = article_sents(q, sents)
    for i in range(at - 1, at - 1 - LOOK_BACK, -1) if at is not None else ():
        s = where.by_index.get(i)
        if s is None:
            break
        if i in where.quoted:
            continue
        sayer = subject_of_saying(s.text, [s], index)
        if sayer is not None and index.type_of(sayer) == "organisation":
            ent = index.get(sayer)
            return sayer, ent.name if ent else None
        described = DESCRIBED_SAYER.search(QUOTED.sub(" ", s.text))
        if described is not None and described.group(1).endswith("s"):
            return None, described.group(1)
    return None, None


def it_speaker(q: RawQuote, sents: Sequence[Sent], index: EntityIndex) -> tuple[str | None, str | None]:
    """Who "it" is in '"…," it said': the first that says something in the quote's own sentence ('The WHO
    said the virus … "…," it said') or in the ``LOOK_BACK`` sentences before, when that is a body; not a
    body merely named there (BP is named in every sentence of a BP story); a person or nobody: unknown."""
    own, text, _ = own_sentences(q, sents)
    head = text.split(PLACEHOLDER, 1)[0]
    at = sentence_of(q, sents)
    where = article_sents(q, sents)

    def sayers() -> Iterator[str | None]:
        if own and QUOTING_VERBS & {w.lower() for w in WORD.findall(head)}:
            yield subject_of_saying(head, own, index)
        for i in range(at - 1, at - 1 - LOOK_BACK, -1) if at is not None else ():
            s = where.by_index.get(i)
            if s is None:
                return
            if i not in where.quoted:
                yield subject_of_saying(s.text, [s], index) or _according_to(QUOTED.sub(" ", s.text), s, index)

    sayer = next((x for x in sayers() if x is not None), None)
    if sayer is None:
        return None, _described_body(q, at, where)
    if index.type_of(sayer) not in {"organisation", "other"} or place_like(sayer, index):
        return None, None
    ent = index.get(sayer)
    return sayer, ent.name if ent else None


# A body described, not named, as the subject of a saying: "the state-controlled al-Watan newspaper
# said" is who "it" is in the next sentence's '"…," it reported', "The paper describes …" in "It adds:
# '…'".  Media, bodies and documents only (general news vocabulary): "it" is never a person.
_DESCRIBED_BODY_SAYS = re.compile(
    r"\b((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,4}?(?:newspaper|paper|daily|agency|ministry|company|firm|channel"
    r"|broadcaster|network|website|magazine|television|radio|station|report|study|document|survey|letter|memo"
    rf"|commentary|editorial|article))\s+(?:also\s+)?(?:{QUOTING})\b"
)


def _described_body(q: RawQuote, at: int | None, where: ArticleSents) -> str | None:
    """The described body that says something in one of the ``LOOK_BACK`` sentences before the quote."""
    for i in range(at - 1, at - 1 - LOOK_BACK, -1) if at is not None else ():
        s = where.by_index.get(i)
        if s is None:
            return None
        if i not in where.quoted:
            m = _DESCRIBED_BODY_SAYS.search(QUOTED.sub(" ", s.text))
            if m is not None:
                return m.group(1)
    return None
