"""The shared pieces of quote attribution: the words of saying, the quote records, names.

The vocabulary every speaker rule uses (verbs of saying, roles, the name pattern), the record of a
quote being attributed (:class:`RawQuote`) with its article's located sentences
(:class:`ArticleSents`), resolving a speaker phrase to a story entity, and who does the saying in a
sentence (:func:`subject_of_saying`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import BODY_LINKS, PERSON_TITLES, SPEECH_VERBS, SUBORDINATORS
from newsfuse.crosscheck.sentences import Sent
from newsfuse.text import STOPWORDS, fold

PLACEHOLDER = "QQQ"

QUOTED = re.compile(r"[“\"«‘][^”\"»’]*[”\"»’]")
# A speaker: a capitalised name (titles included), a pronoun, or a described person ("an NSF
# military spokesman"); names never start inside a word ("pro-Haskarov").
ROLES = (
    r"(?:spokesman|spokeswoman|spokesperson|official|officials|source|sources|minister|ministry|statement|president"
    r"|leader|commander|envoy|diplomat|analyst|analysts|expert|experts|witness|witnesses|resident|residents|army"
    r"|government|military|office|aide|adviser|advisor|newspaper|paper|daily|agency|report|channel|broadcaster|website|blog"
    r"|television|group|monitor|observatory|activist|activists|police|committee|council|organisation|organization"
    r"|representative|delegate|member|lawmaker|negotiator|observer|journalist|correspondent|doctor|priest"
    # titles and jobs of people news quotes (general vocabulary, as PERSON_TITLES)
    r"|secretary|chief|director|head|chairman|chairwoman|governor|mayor|ambassador|professor|researcher"
    r"|scientist|economist|lawyer|attorney|prosecutor|judge|senator|congressman|congresswoman|premier"
    r"|chancellor|editor|author|manager|executive|officer|worker|nurse|teacher|student|campaigner|inspector)"
)
# Name particles written as words of their own ("bin", "de", "van"): none is an English word.
NAME_PARTICLE_WORDS = "bin|ibn|abu|de|del|van|von|der|den|dos|das"
# A lowercase particle inside a name, before its capitalised part: "Malik al-Abdeh", "Osama bin Laden",
# "Staffan de Mistura" (hyphenated Arabic articles, or one of the words above).
NAME_PARTICLE = rf"(?:(?:al|el|ad|as|ash|at|az|ar|an)-(?=[A-Z])|(?:{NAME_PARTICLE_WORDS})\s(?=[A-Z]))"
NAME = (
    # (the quote's placeholder is no word of a name: "Gibson Square QQQ")
    rf"(?<![\w-])((?:[A-Z][\w'’.-]*\s{NAME_PARTICLE}?){{0,5}}(?!{PLACEHOLDER}\b)[A-Z][\w'’-]*"
    rf"|(?:[Aa]n?|[Tt]he|his|her|its|their|[A-Z][\w-]*['’]s)\s(?:[\w'’.-]+\s){{0,3}}?{ROLES}"
    r"|he|she|they|He|She|They)"
)
# A finite verb right after a subject: an auxiliary, or a past or present form ("Lind has", "Lind
# warned", "Lind says"); a name's own verb, not a noun after it.
FINITE_VERB = r"(?:is|are|was|were|has|had|have|will|would|can|could|did|does|[a-z]{2,}ed|[a-z]{2,}s)"
# A word between a name and its verb that starts a new clause, so the name is not the verb's subject.
NO_CLAUSE = r"(?!(?:and|but|or|he|she|they|it|who|which|that|when|while|after|before|because)\b)"
# "As one soldier put it, …", "Lind put it this way: …", "as he put it to reporters": the idiom says who
# is quoted; only before a comma, a colon or the idiom's own words ("would not put it past BP", "put it
# on the table" are not).
PUT_IT = (
    r"put\s+it(?=\s*[,:]|\s+(?:this|that|another|so|bluntly|succinctly|simply|best|well|mildly|plainly|starkly"
    r"|more|recently|last|once|later|earlier|to|in\s+\d{4})\b)"
)
# "as Fisk points out, '…'": the phrasal verb of saying.
POINT_OUT = r"(?:points?|pointed|pointing)\s+out\b"
# "The report goes on: '…'", "he went on to say": going on is saying more (only before a colon or a comma,
# or "to" and a verb of saying: "the war went on for years" is not).
GO_ON = r"(?:goes|went)\s+on(?=\s*[:,]|\s+to\s+(?:say|add|warn|argue|write|insist|claim|tell)\b)"
VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + "|" + PUT_IT + "|" + POINT_OUT + "|" + GO_ON

DESCRIBED = re.compile(r"^(?:an?|the|his|her|its|their|one|another)\s", re.IGNORECASE)
# Verbs that introduce a quote without being verbs of saying in the strict sense ("condemned the
# 'reckless gamble' of the alliance, which 'ruined the harbour towns'"); general English, used only
# when no attribution pattern matched, to take the speaker from the quote's own sentence.
QUOTING_VERBS = (
    frozenset(
        """condemned condemns criticised criticized criticises criticizes described describes called calls accused
    accuses praised praises welcomed welcomes wondered wonders agreed agrees admitted admits conceded concedes
    complained complains predicted predicts promised promises recalled recalls suggested suggests demanded
    demands blamed blames dismissed dismisses rejected rejects appealed appeals cautioned cautions lamented
    laments quipped shouted shouts chanted chant chanted cried yelled insisted says said saying writes wrote
    told tells added adds explained explains argued argues asked asks reiterated reiterates call warn urge
    speak spoke estimated estimates asserts asserted assert adding telling warning explaining insisting noting
    arguing writing asking declaring stating stressing claiming tweeting ask cited cites concluded concludes
    joked jokes admired hailed""".split()
    )
    | SPEECH_VERBS
)
# The quoting verbs as one alternation, longest first.
QUOTING = "|".join(sorted(QUOTING_VERBS, key=len, reverse=True))
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Verbs of saying that news puts before their subject ('…," said Ostrova', '…," writes Quill').
# Verbs with a person as object ("urged Ostrova to", "calls for Lind to be tried", "accused
# Haskarov of") are left out: a name after them is who it is about, not who speaks.
INVERTING_VERBS = frozenset(
    """said says added adds wrote writes explained explains continued continues noted notes insisted insists
    argued argues replied replies declared declares stated states tweeted tweets recalled recalls admitted
    admits acknowledged acknowledges remarked remarks commented comments stressed stresses conceded concedes
    observed observes quipped responded responds affirmed affirms announced announces concluded concludes
    joked jokes emphasised emphasized emphasises emphasizes""".split()
)
# A lowercase role or group right before the verb is its subject ("protesters shouted", "a
# diplomat said"), whatever name comes before it.
GROUP_BEFORE_VERB = re.compile(
    rf"\b(?:{ROLES[3:-1]}|protesters|demonstrators|crowds?|people|man|woman|men|women|refugees?|soldiers?|doctors?"
    r"|villagers?|students?|fans?|locals?|mourners?|rebels?|fighters?)"
    r"(?:\s+(?:of|in|from|at|for)(?:\s+[\w'’-]+){1,5}?)?\s+(?:also\s+|later\s+|then\s+)?$"
)
# The start of a described speaker ending right before a verb ("another resident of Homs ").
DESCRIBED_START = re.compile(
    r"\b((?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he)\s+(?:[\w'’-]+\s+){0,8}?)(?:also\s+|later\s+|then\s+)?$"
)
# An unnamed speaker as a sentence's subject: "An activist who took part in ... said".
DESCRIBED_SAYER = re.compile(
    rf"^(?:[^.]*?[,;]\s+|(?:But|And|Yet|So|Still|Meanwhile)\s+)?((?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}{ROLES})\b[^.;]{{0,100}}?\b(?:{VERBS})\b"
)
# "said Foreign Minister Lena Ostrova": a name this close after a quoting verb is its subject;
# one further away is what was said about ("said the crowds rejected the Arab League's decision").
_AFTER_VERB_CHARS = 30
# A quote standing alone takes the speaker of one of this many sentences before it (the sentence
# before, or the one before that: "X said on Tuesday. He added that ... / 'Quote.'").
LOOK_BACK = 2

POSSESSIVE_NAME = re.compile(r"['’]s$")
PRONOUNS = {"he", "she", "they"}
PLACE_TYPES = frozenset({"place", "country", "city", "region"})


@dataclass
class ArticleSents:
    """An article's sentences located once: per paragraph with their offsets, and by position."""

    by_paragraph: dict[str, list[tuple[int, int, Sent]]]
    by_index: dict[int, Sent]
    # sentences that lie wholly inside a quote (the middle of a long quote): their names are the
    # speaker's words, so "he said" is never resolved to them
    quoted: frozenset[int] = frozenset()
    # (entity, office, modifiers) of the people the article names with an office, found on first use
    titled: list[tuple[str, str, set[str]]] | None = None
    # the person the article is about ("" when none), found on first use
    main_person: str | None = None

    def mark_quoted(self, spans: Sequence[Span], paragraph_ids: Sequence[str]) -> None:
        inside: set[int] = set()
        for span in spans:
            for a, b, s in self.by_paragraph.get(paragraph_ids[span.paragraph], []):
                if a >= span.start - 1 and b <= span.end + 2:
                    inside.add(s.index)
        self.quoted = frozenset(inside)

    @classmethod
    def locate(cls, sents: Sequence[Sent], paragraph_text: Mapping[str, str]) -> ArticleSents:
        by_paragraph: dict[str, list[tuple[int, int, Sent]]] = defaultdict(list)
        cursor: dict[str, int] = {}
        for s in sents:
            text = paragraph_text.get(s.paragraph)
            if text is None:
                continue
            found = text.find(s.text, cursor.get(s.paragraph, 0))
            if found < 0:
                continue
            by_paragraph[s.paragraph].append((found, found + len(s.text), s))
            cursor[s.paragraph] = found + len(s.text)
        return cls(dict(by_paragraph), {s.index: s for s in sents})


@dataclass
class RawQuote:
    text: str
    article: str
    paragraph: str
    outlet: str | None
    context: str  # the paragraph with the quote replaced by the placeholder
    position: int  # paragraph number in the article
    order: dict[str, int]  # paragraph id -> position, for the article (pronoun resolution)
    start: int = 0  # the quote's offsets in its paragraph
    end: int = 0
    ptext: str = ""  # the paragraph
    where: ArticleSents | None = None  # the article's sentences, located
    speaker: str | None = None
    speaker_name: str | None = None
    # how the speaker was found: "pattern" (an attribution such as "X said"), "sentence" (the quote's
    # own sentence), "neighbour" (taken from the quote or sentence before), "" (none)
    how: str = ""


@dataclass(frozen=True)
class Span:
    """One quoted span of a paragraph."""

    paragraph: int  # paragraph number
    start: int
    end: int
    text: str
    continues: bool = False  # the rest of a quote left open at the end of the previous paragraph


def resolve_name(name: str, index: EntityIndex | None) -> tuple[str | None, str]:
    """Entity id (or None) and display name for a speaker phrase."""
    words = name.split()
    while words and fold(words[0]).rstrip(".") in PERSON_TITLES | {"the", "turkish", "russian"}:
        words = words[1:]
    clean = " ".join(words) or name
    if index is not None:
        for k in range(len(words)):
            eid = index.resolve(" ".join(words[k:]))
            if eid is not None:
                ent = index.get(eid)
                return eid, ent.name if ent else clean
    return None, clean


def person_like(eid: str, index: EntityIndex) -> bool:
    """A person, or a name of two words or more the story did not type (a person named once without a
    title: "The writer Mara Quill"); one-word untyped names are mostly capitalised openers."""
    kind = index.type_of(eid)
    if kind == "person":
        return True
    ent = index.get(eid)
    return kind == "other" and ent is not None and len(ent.name.split()) >= 2


def place_like(eid: str | None, index: EntityIndex | None) -> bool:
    """Can this entity not be a speaker?  Places never speak; a one-word name the story never typed
    ("Latest", "Listen": a capitalised sentence opener kept as a name) is no one either."""
    if eid is None or index is None:
        return False
    if index.type_of(eid) in PLACE_TYPES:
        return True
    ent = index.get(eid)
    return ent is not None and ent.type == "other" and len(ent.name.split()) == 1


def article_sents(q: RawQuote, sents: Sequence[Sent]) -> ArticleSents:
    if q.where is None:  # a quote made outside build_quotes: locate its paragraph's sentences now
        q.where = ArticleSents.locate([x for x in sents if x.article == q.article], {q.paragraph: q.ptext})
    return q.where


def own_sentences(q: RawQuote, sents: Sequence[Sent]) -> tuple[list[Sent], str, Sent | None]:
    """The sentences the quote lies in, their text with the quote as the placeholder, and the sentence before."""
    where = article_sents(q, sents)
    own = [(a, b, s) for a, b, s in where.by_paragraph.get(q.paragraph, []) if a < q.end and b > q.start - 1]
    if not own:
        return [], q.context, None
    lo, hi = own[0][0], max(own[-1][1], min(len(q.ptext), q.end + 1))
    text = q.ptext[lo : max(lo, q.start - 1)] + PLACEHOLDER + q.ptext[min(hi, q.end + 1) : hi]
    first = own[0][2]
    return [s for _, _, s in own], text, where.by_index.get(first.index - 1)


# What may stand between an inverted verb and its subject: titles and job words ("said the
# Foreign Minister, Ostrova", "said commission co-chair Lind"), not a clause ("said that he felt
# Drost ...", "said it was Drost").
# (Each word is taken whole, "(?![\w.'’-])": a word that could be split between two repetitions made
# the match exponential in the length of the text.)
_ONLY_TITLES = re.compile(
    r"(?:[\s,]*(?!(?:that|he|she|they|it|we|I|who|which|if|whether|when|and|but|was|were|is|are|had|has|would|will"
    r"|could|to|of|in|on|for|with)\b)[\w.'’-]+(?![\w.'’-]))*[\s,]*$"
)


# A verb in the passive with its agent: "described by BP", "criticised by the minister Lind".
_PASSIVE_BY = re.compile(r"\s+by\s+(?:the\s+)?$")


def _opening_clause_end(masked: str) -> int:
    """End of an opening participial clause of saying ("Asked about the talks, "), else 0."""
    m = re.match(r"[\s“\"‘(—–-]*([A-Z][a-z]+)\b[^,]{0,200},", masked)
    return m.end() if m and m.group(1).lower() in QUOTING_VERBS else 0


# An opening subordinate clause: "After BP announced the failure, Obama said …" (a verb of saying in it
# is not the sentence's, unless the sentence has no other).
OPENING_SUBORDINATE = re.compile(
    r"[\s“\"‘(—–-]*(?:" + "|".join(sorted(w.capitalize() for w in SUBORDINATORS)) + r")\b[^,;:]{0,200},"
)


def first_quoting_verb(masked: str) -> re.Match[str] | None:
    """The first quoting verb of a sentence, skipping a capitalised one that opens it: "Asked about
    the talks, Lind said" and "Speaking in Tallor, Lind told" are said by Lind; and one in an opening
    subordinate clause when another follows it ("After BP announced the failure, Obama said")."""
    opener = OPENING_SUBORDINATE.match(masked)
    skip_to = opener.end() if opener is not None else 0
    first: re.Match[str] | None = None
    for m in WORD.finditer(masked):
        if m.group().lower() not in QUOTING_VERBS:
            continue
        if m.group()[0].isupper() and not masked[: m.start()].strip(' “"‘(—–-'):
            continue
        if m.start() >= skip_to:
            return m
        first = first or m
    return first


def clause_start(text: str, at: int) -> int:
    """Where the clause holding ``text[at]`` starts (after the last comma, colon or sentence end before it)."""
    cut = max((m.end() for m in re.finditer(r"[,;:.!?]\s*", text[:at])), default=0)
    return cut + len(text[cut:at]) - len(text[cut:at].lstrip())


# A pronoun subject right before the verb ("Speaking to KTV, he said", "Europe 'is under strain', and
# much of Asia lacks cash, she said"), not in a parenthetical ("Lind's aim, he says, was …": Lind).
_BEFORE_VERB = r"\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
_PRONOUN_BEFORE_VERB = re.compile(r"(?<![\w-])(?:he|she|they)" + _BEFORE_VERB)
_PERSON_PRONOUN_BEFORE_VERB = re.compile(r"(?<![\w-])(?:he|she)" + _BEFORE_VERB)
# Words after which the pronoun stands for the sentence's subject, named first ("Lind saw it coming when
# he warned", "Lind waged war on the board, what he called …", "Lind attacked Vell's policies that he said
# …"): the verb is that subject's, as a participle's is.
_ANTECEDENT_LINKS = SUBORDINATORS | {"and", "but", "or", "then", "what", "which", "who", "whom", "that"}


def _pronoun_subject(masked: str, verb: re.Match[str]) -> str:
    """How a pronoun right before the verb says who speaks: "" (none there), "linked" (after a word of
    :data:`_ANTECEDENT_LINKS`: the sentence's first person) or "alone" (the pronoun itself, resolved
    elsewhere: nobody named in the sentence is the speaker)."""
    m = _PRONOUN_BEFORE_VERB.search(masked, 0, verb.start())
    if m is None or masked[verb.end() :].lstrip().startswith(","):
        return ""
    before = masked[: m.start()].split()[-1:]
    return "linked" if before and before[0].lower() in _ANTECEDENT_LINKS else "alone"


def subject_of_saying(text: str, sents: Sequence[Sent], index: EntityIndex, exclude: str = "") -> str | None:
    """Who does the saying in ``text`` (the sentences ``sents``, quotes masked)?

    The person named closest before the first quoting verb (the subject usually stands right
    before its verb: "Ostrova, on a visit to Marlow, condemned"; before a participle, the first
    person: "Ostrova used the occasion to attack Haskarov, saying"), else a body named there, else
    the first person or body after the verb ("said Ostrova"); places never speak.
    """
    masked = QUOTED.sub(lambda m: " " * len(m.group()), text)
    # a sentence closing on its attribution (", Webb added.") is that speaker's, whatever verb of
    # saying a clause inside it has ('Washington must "back up what we said" last year, when Clinton
    # stressed support …, Webb added.')
    final = _FINAL_ATTRIBUTION.search(masked)
    if final is not None and final.group(2).lower() not in _REPORTING:
        # in the name, a person before a body ("Novartis' Althoff said"), then the one nearest the verb
        named = [
            (index.type_of(eid) != "person", -at, eid)
            for at, _, eid in _who_can_speak(masked, sents, index, exclude, final.start(1))
            if at < final.end(1)
        ]
        if named:
            return min(named)[2]
    # a relative clause set off by commas or dashes says nothing of who speaks, and names in it are not the
    # subject: in "Ostrova, who has criticised Haskarov, said ..." the saying is Ostrova's
    # (unless the clause holds the only verb of saying: "Warne, who had predicted a tie, made another
    # forecast" is still Warne's)
    unmasked = masked
    masked = _RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), masked)
    # the apposition's commas are kept: "head of vaccines at Sanofi, …, said" is no group before its verb
    masked = _APPOSITION.sub(lambda m: "," + " " * (len(m.group()) - 2) + ",", masked)
    verb = first_quoting_verb(masked)
    if verb is None and masked != unmasked:
        masked = unmasked
        verb = first_quoting_verb(masked)
    if verb is None or GROUP_BEFORE_VERB.search(masked, 0, verb.start()):
        return None  # "In the province of Hasaka, protesters shouted": the protesters, not Hasaka
    pronoun = _pronoun_subject(masked, verb)
    if pronoun == "alone":
        return None  # "Speaking to KTV, he said": "he" says it, not KTV
    # a definite description right after a comma is the subject, not a name of the clause before it
    # ("… groups such as Tomas Vell and the Red Hand, the department said"; an apposition is masked above)
    described = described_after_comma(masked, verb)
    if described is not None:
        masked = " " * described.start() + masked[described.start() :]
    participle = verb.group().lower().endswith("ing") or pronoun == "linked"
    # "Both Democrats and Republicans were infuriated when he asserted": "he" or "she" is a person,
    # never a body or a group named before it
    person_only = pronoun == "linked" and _PERSON_PRONOUN_BEFORE_VERB.search(masked, 0, verb.start()) is not None
    # names in an opening participial clause ("Asked if Lind had called, Quill said ...") are not the subject
    opener_end = _opening_clause_end(masked)
    before: list[tuple[int, int, str]] = []
    after: list[tuple[int, str]] = []
    possessors: list[tuple[int, str]] = []
    reach = 0  # the end of the last possessor after the verb: its possessed name is measured from there
    can_speak = list(_who_can_speak(masked, sents, index, exclude))
    for at, surface, eid in can_speak:
        if at < opener_end:
            continue
        title_after = _TITLE_AFTER.match(masked, at + len(surface))
        if title_after is not None and fold(title_after.group(1)) in PERSON_TITLES:
            continue  # "The U.S. president urged": a modifier of the title, not the one speaking
        if _POSSESSED_PERSON.match(masked, at + len(surface)) and at + len(surface) < verb.start():
            continue  # "Mr Roe's agent, Tom Vale, responded": whose agent, not who responds
        end = at + len(surface)
        if (
            masked.startswith(("'s", "’s"), end)
            and "," in masked[end : verb.start()]
            and not _PRONOUN_BEFORE_VERB.search(masked, 0, verb.start())
        ):
            # "Jan Vale, Valley Aid's UK director, described", "he brought up Mr Roe's support for the
            # war, noting": whose director or support, not who speaks ("Roe's aim, he says, was": the
            # pronoun is the subject and may be Roe)
            continue
        if at < verb.start() and pronoun != "linked" and PREPOSITION_BEFORE.search(masked, 0, at):
            # "she managed to round up the staff of the National Security Council and ask them",
            # "a friend of Tom Roe told": the object of a preposition is not who speaks (but in "an
            # interview with Roe in which he admits" the pronoun's antecedent may be one)
            continue
        person = index.type_of(eid) == "person"
        if person_only and not person and at < verb.start():
            continue
        if at < verb.start():
            # a participle ("..., saying") belongs to the sentence's subject, its first name;
            # a finite verb to the name closest before it
            before.append((0 if person else 1, at if participle else verb.start() - at, eid))
        elif at - max(verb.end(), reach) <= _AFTER_VERB_CHARS and (
            (verb.group().lower() in INVERTING_VERBS and _ONLY_TITLES.match(masked, verb.end(), at))
            or _PASSIVE_BY.match(masked, verb.end(), at)  # "was described by BP as '…'"
        ):
            if masked.startswith(("'s", "’s"), end):
                # "recalls the BBC's Kate Adie": whose reporter, not who recalls; the one possessed is
                # measured from here (and when no one follows, "said Moody's", the possessor is taken)
                possessors.append((at, eid))
                reach = end + 2
                continue
            after.append((at, eid))  # "said Ostrova", "said Foreign Minister Ostrova"
    if before:
        best = min(before)[2]
        return _person_of(best, can_speak, masked, index) or best
    after = after or possessors
    return min(after)[1] if after else None


# A preposition (and an article) right before a name: the name is its object.  Not "for" and "from":
# "a spokesman for the Network said", "a communique from the European Council called on" are the
# body's words, said by its people.  The gap is a plain space, not a masked quote ('On "…," Young
# wonders').
PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|at|in|with|to|on|about|against|near|among|behind)\s{1,2}(?:(?:the|a|an)\s{1,2})?$", re.IGNORECASE
)


def _person_of(body: str, can_speak: Sequence[tuple[int, str, str]], masked: str, index: EntityIndex) -> str | None:
    """ "Ona Vell of Harbour Aid told": the person named before "of" and ``body`` (the name nearest the
    verb, no person) speaks, not the body they are of; None when no one stands there."""
    if index.type_of(body) not in {"organisation", "other"}:
        return None
    body_at = min(at for at, _, eid in can_speak if eid == body)
    for at, surface, eid in can_speak:
        gap = masked[at + len(surface) : body_at]
        if at < body_at and index.type_of(eid) in {"person", "other"} and _OF_GAP.fullmatch(gap):
            return eid
    return None


def _who_can_speak(
    masked: str, sents: Sequence[Sent], index: EntityIndex, exclude: str, start: int = 0
) -> Iterator[tuple[int, str, str]]:
    """(offset in ``masked`` from ``start`` on, surface, entity id) of each entity the sentences name
    that may speak: no place, no name inside the quote (``exclude``)."""
    for s in sents:
        for surface, eid in index.in_sentence(s):
            at = masked.find(surface, start)
            if at >= 0 and not place_like(eid, index) and not (exclude and surface in exclude):
                yield at, surface, eid


# Between a person and the body nearest the verb: "Ona Vell of (the Kelbrook charity) Harbour Aid told",
# "analyst Ona Vell at Kelbrook Securities said".
_OF_GAP = re.compile(rf",?\s+(?:{'|'.join(sorted(BODY_LINKS))})\s+(?:[\w'’.-]+,?\s+){{0,4}}")
# ", the department " right before a verb of saying (words of the description no function words:
# ", the times when he says" is no one); only before a verb that says nothing else (", the violence
# continued" is not speech).
DESCRIBED_AFTER_COMMA = re.compile(r",\s+(the(?:\s+[a-z][\w-]*){1,3})\s+(?:also\s+)?$")
_PLAIN_SAYING = frozenset(
    "said says say told tells added adds stated states wrote writes warned warns announced declared insisted "
    "noted explained argued claimed claims confirmed".split()
)


def described_after_comma(masked: str, verb: re.Match[str]) -> re.Match[str] | None:
    """ ", the department said": the description right after a comma before a plain verb of saying."""
    if verb.group().lower() not in _PLAIN_SAYING:
        return None
    m = DESCRIBED_AFTER_COMMA.search(masked, 0, verb.start())
    if m is None or any(w in STOPWORDS for w in m.group(1).split()[1:]):
        return None
    return m


# ", Webb added." closing a sentence: a comma, a name of up to four words, a verb of saying, the stop.
_FINAL_ATTRIBUTION = re.compile(rf",\s+((?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s+({VERBS})\s*[.!?]?[\"”’)\s]*$")


def closing_attribution(masked: str) -> bool:
    """Does the sentence (quotes masked) close on a named attribution (", Webb added.")?"""
    return _FINAL_ATTRIBUTION.search(masked) is not None


# "…, Reuters reports.": the source of the whole account, not who spoke in it.
_REPORTING = frozenset(("report", "reports", "reported", "reporting"))


# The word after a name, past its abbreviation dot ("U.S. president"): a title there makes the name a modifier.
_TITLE_AFTER = re.compile(r"\.?\s+([a-z]+)\b")


# A relative clause set off by commas (", who cultivated close ties with Haskarov but has criticised
# the raids,"), up to the next comma.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose|whom)\b[^,.;:]*,|\s[-–—]\s*(?:who|whose|whom)\b[^-–—.;:]*\s[-–—]\s")
# A possessive before a person's role or kin ("Mr Roe's agent", "Lind's wife"): the person spoken of
# is the one the possessive names as theirs; before a thing ("Obama's remarks", "Gobadi's aim, he
# says") the possessor is still the one who speaks.
_POSSESSED_PERSON = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:"
    + ROLES[3:-1]
    + r"|agent|wife|husband|son|daughter|brother|sister|mother|father|friend|partner|colleague|boss|deputy)\b"
)
# An apposition set off by commas right before the verb (", the chief U.S. delegate, said"): it
# describes the subject named before it, and a name inside it ("U.S.") is not the one who speaks.
_APPOSITION = re.compile(rf",\s*(?:the|a|an)\s+[^,;:]{{1,80}}?,(?=\s*(?:{VERBS})\b)")


def sentence_of(q: RawQuote, sents: Sequence[Sent]) -> int | None:
    """Index of the sentence the quote starts in."""
    located = article_sents(q, sents).by_paragraph.get(q.paragraph, [])
    return next((s.index for a, b, s in located if b > q.start - 1), None)
