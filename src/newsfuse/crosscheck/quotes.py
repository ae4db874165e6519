"""Direct quotes with their speakers, linked across outlets and translations.

Finding quotes: a small scanner over each paragraph pairs opening and closing marks (straight
and curly, double; curly single only where it cannot be an apostrophe).  A quote left open at
the end of a paragraph continues into the next paragraph when that one opens with a quote mark
(the news convention for long quotes), otherwise it ends with its paragraph; a stray closing mark
is ignored.  Spans shorter than ``quote_min_words`` are scare quotes or labels and are skipped.

Speakers come from the patterns news uses, tried in order on the paragraph with the quote
replaced by a placeholder: ``"…," X said`` / ``said X``, ``X said … "…"``, ``according to X``,
``X told Y``, ``X: "…"``, ``X was quoted as saying``.  X is resolved to a story entity; a pronoun
("he said") goes to the nearest person mentioned before the quote in the same article.

Linking: two quotes are one statement when their speakers agree (or one is unknown) and most
content words (stemmed, names in the story's canonical spelling) of the shorter one occur in the
longer one, so a partial quote joins its full form and two translations sharing their key words
("teach a lesson", "attacks", "legitimate administration", "brothers in Libya") join.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import IRREGULAR_VERBS, PERSON_TITLES, SPEECH_VERBS
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, ClaimSentence, Quote
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.text import STOPWORDS, fold, tokens

_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}
# Every character that can open or close a quote: quoted_spans looks at these positions only.
_MARKS = re.compile("[" + re.escape("".join(sorted(set(_OPEN) | set(_OPEN.values()) | {'"', "”"}))) + "]")
# Share of the shorter quote's content words that must occur in the longer one to link them.
# 0.5 lets two translations that share their key words join; partial quotes are fully contained.
_LINK_CONTAINMENT = 0.5
_PLACEHOLDER = "QQQ"
# Quotes of a story that are linked across outlets.  Linking counts the words every pair of quotes
# from different articles shares, which grows with the square of the story's quotes (a generated
# 1,600-article story: 48 s); a 100-article story has a few hundred quotes, so only far larger
# stories are cut: each article's leading quotes are linked, the others stay single (story note).
MAX_LINKED_QUOTES = 2000
_QUOTED = re.compile(r"[“\"«‘][^”\"»’]*[”\"»’]")
# A speaker: a capitalised name (titles included), a pronoun, or a described person ("an NSF
# military spokesman"); names never start inside a word ("pro-Haskarov").
_ROLES = (
    r"(?:spokesman|spokeswoman|spokesperson|official|officials|source|sources|minister|ministry|statement|president"
    r"|leader|commander|envoy|diplomat|analyst|analysts|expert|experts|witness|witnesses|resident|residents|army"
    r"|government|military|office|aide|adviser|advisor|newspaper|paper|daily|agency|report|channel|broadcaster"
    r"|television|group|monitor|observatory|activist|activists|police|committee|council|organisation|organization"
    r"|representative|delegate|member|lawmaker|negotiator|observer|journalist|correspondent|doctor|priest)"
)
_NAME = (
    r"(?<![\w-])((?:[A-Z][\w'’.-]*\s){0,5}[A-Z][\w'’-]*"
    rf"|(?:[Aa]n?|[Tt]he|his|her|its|their|[A-Z][\w-]*['’]s)\s(?:[\w'’-]+\s){{0,3}}?{_ROLES}"
    r"|he|she|they|He|She|They)"
)
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_PATTERNS = [
    # "…," Landis at Oklahoma University said / a representative of one state at the League told
    re.compile(
        rf"{_PLACEHOLDER}[,.!?]?\s*(?:[-–—]\s*)?{_NAME}(?:\s+(?:of|from|at|in|with|for)\s+[^,.“”\"]{{2,60}}?)?"
        rf"\s+(?:also\s+|further\s+|then\s+)?(?:{_VERBS})\b"
    ),
    # "…," a Gulf-based diplomat who declined to be named said
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*{_NAME},?\s+(?:who|whose)\s[^,.“”\"]{{3,60}}?,?\s+(?:{_VERBS})\b"),
    # "…," Joe Stork, deputy director at the group, said
    re.compile(
        rf"{_PLACEHOLDER}[,.!?]?\s*{_NAME},\s[^,.“”\"]{{3,90}},\s*(?:also\s+|further\s+|then\s+)?(?:{_VERBS})\b"
    ),
    # "…," Neil Fisher, vice president at Unisys Corp told Reuters
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*{_NAME},\s[^,.“”\"]{{3,90}}?\s+(?:{_VERBS})\b"),
    # "…," said U.S. State Department spokesman Mark Toner
    re.compile(
        rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_VERBS})\s+(?:[A-Z][\w.'’-]*\s+){{1,5}}{_ROLES}\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){{0,3}})"
    ),
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_VERBS})\s+{_NAME}"),
    re.compile(rf"{_NAME}\s+(?:was|were)\s+quoted\s+as\s+saying\b"),
    re.compile(rf"{_NAME}\s+(?:\w+\s+){{0,4}}(?:{_VERBS})\b[^.]*?{_PLACEHOLDER}"),
    # Ostrova, the foreign minister, said that "…"
    re.compile(rf"{_NAME},\s[^,.“”\"]{{3,90}},\s*(?:\w+\s+){{0,2}}(?:{_VERBS})\b[^.]*?{_PLACEHOLDER}"),
    re.compile(rf"according\s+to\s+{_NAME}"),
    # press reviews: 'Maksim Yusin in Russia's Kommersant: "…"'
    re.compile(rf"^{_NAME}\s+in\s+(?:[A-Z][\w'’-]*\s*){{1,4}}:?\s*{_PLACEHOLDER}"),
    re.compile(rf"{_NAME}\s*:\s*{_PLACEHOLDER}"),
    re.compile(rf"{_NAME}\s+told\s+"),
]
_DESCRIBED = re.compile(r"^(?:an?|the|his|her|its|their)\s", re.IGNORECASE)
# Verbs that introduce a quote without being verbs of saying in the strict sense ("condemned the
# 'reckless gamble' of the alliance, which 'ruined the harbour towns'"); general English, used only
# when no attribution pattern matched, to take the speaker from the quote's own sentence.
_QUOTING_VERBS = (
    frozenset(
        """condemned condemns criticised criticized criticises criticizes described describes called calls accused
    accuses praised praises welcomed welcomes wondered wonders agreed agrees admitted admits conceded concedes
    complained complains predicted predicts promised promises recalled recalls suggested suggests demanded
    demands blamed blames dismissed dismisses rejected rejects appealed appeals cautioned cautions lamented
    laments quipped shouted shouts chanted chant chanted cried yelled insisted says said saying writes wrote
    told tells added adds explained explains argued argues asked asks reiterated reiterates call warn urge
    speak spoke estimated estimates asserts asserted assert""".split()
    )
    | SPEECH_VERBS
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Words that make a quoted fragment a clause (auxiliaries, modals, copulas, the pronouns of speech).
_CLAUSE_WORDS = frozenset(
    """is are was were be been being am will would shall should can could may might must have has had do does
    did i we you he she they i'm we're we've we'll i've i'll you're it's that's there's isn't aren't wasn't
    weren't won't wouldn't can't cannot couldn't don't doesn't didn't hasn't haven't never me us our my your""".split()
)
# Past forms that are verbs (not adjectives) when an object follows: "ruined the harbour towns".
_PAST_WITH_OBJECT = re.compile(
    r"\b[a-z]{3,}ed\s+(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|all|every|\d)\b"
)
# Words right before an opening mark that make the quoted words part of a clause: a modal or copula
# ("will 'teach a lesson'", "were 'ready and determined'"), "to", "that", or a verb of saying.
_PREDICATE_BEFORE = re.compile(
    r"(?:\b(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|be|been|to|that|not)"
    rf"|\b(?:{_VERBS})|\b(?:called|calling|calls|described|describing|describes)\s+(?:it|them|him|her|this|that)(?:\s+as)?(?:\s+an?)?"
    r"|[:,])\s*$",
    re.IGNORECASE,
)
# Irregular past forms that differ from their base ("took", "made"), as clause cues.
_IRREGULAR_PAST = frozenset(k for k, v in IRREGULAR_VERBS.items() if k != v)
# "he said" is resolved within this many sentences before the quote (a few paragraphs of news).
_PRONOUN_LOOK_BACK = 40
# How many matches of one attribution pattern are tried, left to right, before the next pattern.
_PATTERN_TRIES = 4
# Verbs whose object is the listener, not the speaker ("told the Associated Press").
_TO_LISTENER = frozenset("told tells tell asked asks ask".split())
# A lowercase role or group right before the verb is its subject ("protesters shouted", "a
# diplomat said"), whatever name comes before it.
_GROUP_BEFORE_VERB = re.compile(
    rf"\b(?:{_ROLES[3:-1]}|protesters|demonstrators|crowds?|people|man|woman|men|women|refugees?|soldiers?|doctors?"
    r"|villagers?|students?|fans?|locals?|mourners?|rebels?|fighters?)"
    r"(?:\s+(?:of|in|from|at|for)(?:\s+[\w'’-]+){1,5}?)?\s+(?:also\s+|later\s+|then\s+)?$"
)
# The start of a described speaker ending right before a verb ("another resident of Homs ").
_DESCRIBED_START = re.compile(
    r"\b((?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he)\s+(?:[\w'’-]+\s+){0,8}?)(?:also\s+|later\s+|then\s+)?$"
)
# An unnamed speaker as a sentence's subject: "An activist who took part in ... said".
_DESCRIBED_SAYER = re.compile(
    rf"^(?:[^.]*?[,;]\s+)?((?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}{_ROLES})\b[^.;]{{0,100}}?\b(?:{_VERBS})\b"
)
# "said Foreign Minister Lena Ostrova": a name this close after a quoting verb is its subject;
# one further away is what was said about ("said the crowds rejected the Arab League's decision").
_AFTER_VERB_CHARS = 30
# A quote standing alone takes the speaker of one of this many sentences before it (the sentence
# before, or the one before that: "X said on Tuesday. He added that ... / 'Quote.'").
_LOOK_BACK = 2
# Text between two quotes of a paragraph that can be their attribution alone ('," he said. "').
_ATTRIBUTION_CHARS = 80
_NOMINAL_BEFORE = re.compile(r"\b(?:the|a|an|of|for|in|on|with|by|its|their|his|her)\s*$", re.IGNORECASE)
# A quoted fragment of this many words is speech even without a verb the rules above recognise.
_STATEMENT_WORDS = 10


def is_statement(text: str, before: str = "") -> bool:
    """Is a quoted span something said, rather than a label or a scare quote?

    A span is a statement when it is long (``_STATEMENT_WORDS`` words or more), holds a clause word
    (auxiliary, modal, first- or second-person pronoun), a past-tense verb with an object, or is
    itself part of a clause of the sentence (right after "will", "to", "that", a verb of saying, a
    colon) or opens the sentence.  "an 'open-ended and binding' truce", "implement a 'complete pause in
    the fighting'" and "the mayor's 'Year of Renewal' slogan" are not statements.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if any(w in _CLAUSE_WORDS for w in words):
        return True
    # a noun phrase ("of 'continued widespread and systematic violations of ...'") is a label however long
    if len(words) >= _STATEMENT_WORDS and not _NOMINAL_BEFORE.search(before[-20:]):
        return True
    if _PAST_WITH_OBJECT.search(text.lower()) or any(w in _IRREGULAR_PAST for w in words[:3]):
        return True
    if not before.strip() or re.search(r"[.!?…]\s*$", before):
        return True  # a quote that opens a sentence is said, not a label inside one
    return _PREDICATE_BEFORE.search(before[-40:]) is not None


_POSSESSIVE_NAME = re.compile(r"['’]s$")
_PRONOUNS = {"he", "she", "they"}
_PLACE_TYPES = frozenset({"place", "country", "city"})


@dataclass
class ArticleSents:
    """An article's sentences located once: per paragraph with their offsets, and by position."""

    by_paragraph: dict[str, list[tuple[int, int, Sent]]]
    by_index: dict[int, Sent]

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


@dataclass(frozen=True)
class Span:
    """One quoted span of a paragraph."""

    paragraph: int  # paragraph number
    start: int
    end: int
    text: str
    continues: bool = False  # the rest of a quote left open at the end of the previous paragraph


def _closes_straight(text: str, i: int) -> bool:
    """Does the straight mark at ``text[i]`` look like a closing one (glued to the word before it)?"""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= len(text) or not text[i + 1].isalnum())


# What follows the end of a quote: its attribution ('," he said', '," Mr Hague asked') or nothing.
_ATTRIBUTION_AFTER = re.compile(rf"\s*(?:$|[a-z(—–-]|(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{_VERBS})\b)")


def _stray_closer(text: str, i: int) -> bool:
    """A straight mark glued to the word before it and followed by a space, with no quote open:
    the end of a quote whose start was lost (a paragraph split), not the start of one."""
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".,!?") and (i + 1 >= len(text) or text[i + 1].isspace())


def _can_close(text: str, i: int, close: str) -> bool:
    """Can the mark at ``text[i]`` close a quote opened for ``close``, when nothing opened in this paragraph?"""
    c = text[i]
    # the end of a quote is punctuated inside the mark and followed by its attribution ('," said X')
    if i == 0 or text[i - 1] not in ",.!?" or not _ATTRIBUTION_AFTER.match(text, i + 1):
        return False
    if c == '"':
        return close in {'"', "”"} and _closes_straight(text, i)
    if c == "’":
        return close == "’" and (i + 1 >= len(text) or not text[i + 1].isalpha())
    return c == close or (c == "”" and close == '"')


def scan_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every quoted span; never raises on odd marks.

    A quote left open at the end of a paragraph goes on in the next one: when that one opens with
    a quote mark (the news convention for long quotes), the new span starts after the mark; when it
    does not (a paragraph break inside a quote, as extraction leaves it) and its first mark is a
    closing one, the text up to that mark is the rest of the quote.  Either way the span is marked
    ``continues``.
    """
    out: list[Span] = []
    carry: str | None = None  # closing mark of a quote left open at the end of the previous paragraph
    for pn, text in enumerate(paragraphs):
        i = 0
        n = len(text)
        opened: tuple[int, str] | None = None
        continues = False
        if carry is not None:
            m = re.match(r"\s*([“\"‘«])", text)
            if m:
                opened = (m.end(), _OPEN[m.group(1)])
                i = m.end()
                continues = True
            else:
                first = _MARKS.search(text)
                if first is not None:
                    at = first.start()
                    if _can_close(text, at, carry):
                        out.append(Span(pn, 0, at, text[:at], True))
                        i = at + 1
            carry = None
        # Only quote marks can open or close a span, so jump from mark to mark (same spans as a
        # scan of every character, a fraction of the time on long paragraphs).
        for mm in _MARKS.finditer(text, i):
            i = mm.start()
            c = text[i]
            if opened is None:
                if (
                    c in _OPEN
                    and (c != "‘" or i == 0 or not text[i - 1].isalnum())
                    and not (c == '"' and _stray_closer(text, i))
                ):
                    opened = (i + 1, _OPEN[c])
            else:
                start, close = opened
                is_close = c == close or (close == "”" and c == '"') or (close == '"' and c == "”")
                if is_close and (close != "’" or i + 1 >= n or not text[i + 1].isalpha()):
                    out.append(Span(pn, start, i, text[start:i], continues))
                    opened = None
                    continues = False
        if opened is not None:
            start, close = opened
            out.append(Span(pn, start, n, text[start:n], continues))
            carry = close
    return out


def quoted_spans(paragraphs: Sequence[str]) -> list[tuple[int, int, int, str]]:
    """``(paragraph_no, start, end, text)`` of every quoted span (see :func:`scan_spans`)."""
    return [(s.paragraph, s.start, s.end, s.text) for s in scan_spans(paragraphs)]


def _resolve_name(name: str, index: EntityIndex | None) -> tuple[str | None, str]:
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


def _pronoun_speaker(q: RawQuote, sents: Sequence[Sent], index: EntityIndex) -> tuple[str | None, str | None]:
    """Who "he"/"she" is: the speaker of the closest earlier sentence that names one (quoted words left out).

    In each earlier sentence the one who says something is taken ("Mr Varga said ..."; a name the
    story has not typed counts when it is the subject of the saying), else its first person: in
    "Ostrova threatened to punish Haskarov ... she said", "she" is Ostrova, not the nearer
    Haskarov.  A closer sentence whose subject is an unnamed speaker ("An activist who took part
    ... said") wins: then the speaker is that description, with no entity.  At most
    ``_PRONOUN_LOOK_BACK`` sentences are read back, so the cost per quote is bounded.
    """
    where = _where(q, sents)
    located = where.by_paragraph.get(q.paragraph, [])
    start = next((s.index for a, b, s in located if b > q.start - 1), None)
    if start is None:
        start = located[-1][2].index + 1 if located else None
    if start is None:
        return None, None
    for i in range(start - 1, max(-1, start - 1 - _PRONOUN_LOOK_BACK), -1):
        s = where.by_index.get(i)
        if s is None:
            break
        text = _QUOTED.sub(" ", s.text)
        sayer = _subject_of_saying(s.text, [s], index)
        if sayer is not None and index.type_of(sayer) in {"person", "other"} and not _place_like(sayer, index):
            ent = index.get(sayer)
            return sayer, ent.name if ent else None
        described = _DESCRIBED_SAYER.search(text)
        if described is not None:
            return None, described.group(1)
        found = [(text.find(surface), eid) for surface, eid in index.in_sentence(s) if index.type_of(eid) == "person"]
        found = [(at, eid) for at, eid in found if at >= 0]
        if found:
            eid = min(found)[1]
            ent = index.get(eid)
            return eid, ent.name if ent else None
    return None, None


def _described_speaker(phrase: str, index: EntityIndex | None) -> str | None:
    """'the Velland president' -> the one entity introduced with that title, if exactly one."""
    if index is None:
        return None
    key = fold(_DESCRIBED.sub("", phrase)).strip()
    hits = {eid for eid, titles in index.titles.items() if any(fold(t) == key for t in titles)}
    return hits.pop() if len(hits) == 1 else None


def _place_like(eid: str | None, index: EntityIndex | None) -> bool:
    """Can this entity not be a speaker?  Places never speak; a one-word name the story never typed
    ("Latest", "Listen": a capitalised sentence opener kept as a name) is no one either."""
    if eid is None or index is None:
        return False
    if index.type_of(eid) in _PLACE_TYPES:
        return True
    ent = index.get(eid)
    return ent is not None and ent.type == "other" and len(ent.name.split()) == 1


def _speaker_from_match(
    q: RawQuote, name: str, described_from: str, sents: Sequence[Sent], index: EntityIndex | None
) -> bool:
    """Set the speaker from a name an attribution pattern found; False when it names no speaker."""
    if name.lower() in _PRONOUNS:
        if index is not None:
            q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
        return q.speaker_name is not None
    if fold(name.split()[0]) in STOPWORDS and len(name.split()) == 1:
        return False
    if _DESCRIBED.match(name) or _POSSESSIVE_NAME.search(name.split()[0]):
        rest = _DESCRIBED.sub("", name)
        if _DESCRIBED.match(name) and rest[:1].isupper() and not _POSSESSIVE_NAME.search(rest.split()[0]):
            eid, shown = _resolve_name(rest, index)  # "The LCC": a name after the article
            if eid is not None and not _place_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        # a described speaker ("an NSF military spokesman", "Haskarov's spokesman") is not the entity it names
        described = re.split(
            rf"[,:]|\s+(?:{_VERBS}|was|were|in|on|at|also|further|then|had|has|have|is)\b", described_from, maxsplit=1
        )[0]
        q.speaker, q.speaker_name = None, described.strip(" ,")
        eid = _described_speaker(q.speaker_name, index)
        if eid is not None:
            ent = index.get(eid) if index else None
            q.speaker, q.speaker_name = eid, ent.name if ent else q.speaker_name
        return True
    eid, shown = _resolve_name(name, index)
    if _place_like(eid, index):
        return False  # "In Damascus, ..." names where, not who
    if eid is None and index is not None and len(name.split()) == 1:
        # one capitalised word the story's names do not know is a modifier or an opener, not a
        # speaker: "Arab states led by ... have called", "An official Syrian statement said"
        return False
    q.speaker, q.speaker_name = eid, shown
    return True


def _where(q: RawQuote, sents: Sequence[Sent]) -> ArticleSents:
    if q.where is None:  # a quote made outside build_quotes: locate its paragraph's sentences now
        q.where = ArticleSents.locate([x for x in sents if x.article == q.article], {q.paragraph: q.ptext})
    return q.where


def _own_sentences(q: RawQuote, sents: Sequence[Sent]) -> tuple[list[Sent], str, Sent | None]:
    """The sentences the quote lies in, their text with the quote as the placeholder, and the sentence before."""
    where = _where(q, sents)
    own = [(a, b, s) for a, b, s in where.by_paragraph.get(q.paragraph, []) if a < q.end and b > q.start - 1]
    if not own:
        return [], q.context, None
    lo, hi = own[0][0], max(own[-1][1], min(len(q.ptext), q.end + 1))
    text = q.ptext[lo : max(lo, q.start - 1)] + _PLACEHOLDER + q.ptext[min(hi, q.end + 1) : hi]
    first = own[0][2]
    return [s for _, _, s in own], text, where.by_index.get(first.index - 1)


def _in_sentence_speaker(
    q: RawQuote, own: Sequence[Sent], text: str, sents: Sequence[Sent], index: EntityIndex
) -> bool:
    """Who does the saying in the quote's own sentence, when a quoting verb is there ("he" resolved)."""
    outside = _QUOTED.sub(" ", text.replace(_PLACEHOLDER, " "))
    if not any(w.lower() in _QUOTING_VERBS for w in _WORD.findall(outside)):
        return False
    eid = _subject_of_saying(text, own, index, exclude=q.text)
    if eid is None:
        described = _described_before_verb(text)
        if described is not None:
            q.speaker, q.speaker_name = None, described
            return True
        if re.search(r"\b(?:he|she|He|She)\b", outside):
            q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
            return q.speaker_name is not None
        return False
    ent = index.get(eid)
    q.speaker, q.speaker_name = eid, ent.name if ent else None
    return True


def _described_before_verb(text: str) -> str | None:
    """An unnamed speaker right before the first quoting verb: "an activist in the city's Bab Sbaa district told"."""
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text.replace(_PLACEHOLDER, " " * len(_PLACEHOLDER)))
    verb = next((m for m in _WORD.finditer(masked) if m.group().lower() in _QUOTING_VERBS), None)
    if verb is None or not _GROUP_BEFORE_VERB.search(masked, 0, verb.start()):
        return None
    m = _DESCRIBED_START.search(masked, 0, verb.start())
    return " ".join(m.group(1).split()) if m else None


def _subject_of_saying(text: str, sents: Sequence[Sent], index: EntityIndex, exclude: str = "") -> str | None:
    """Who does the saying in ``text`` (the sentences ``sents``, quotes masked)?

    The person named closest before the first quoting verb (the subject usually stands right
    before its verb: "Ostrova, on a visit to Marlow, condemned"; before a participle, the first
    person: "Ostrova used the occasion to attack Haskarov, saying"), else a body named there, else
    the first person or body after the verb ("said Ostrova"); places never speak.
    """
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    verb = next((m for m in _WORD.finditer(masked) if m.group().lower() in _QUOTING_VERBS), None)
    if verb is None or _GROUP_BEFORE_VERB.search(masked, 0, verb.start()):
        return None  # "In the province of Hasaka, protesters shouted": the protesters, not Hasaka
    participle = verb.group().lower().endswith("ing")
    before: list[tuple[int, int, str]] = []
    after: list[tuple[int, str]] = []
    for s in sents:
        for surface, eid in index.in_sentence(s):
            at = masked.find(surface)
            if at < 0 or _place_like(eid, index) or (exclude and surface in exclude):
                continue
            person = index.type_of(eid) == "person"
            if at < verb.start():
                # a participle ("..., saying") belongs to the sentence's subject, its first name;
                # a finite verb to the name closest before it
                before.append((0 if person else 1, at if participle else verb.start() - at, eid))
            elif at - verb.end() <= _AFTER_VERB_CHARS and verb.group().lower() not in _TO_LISTENER:
                after.append((at, eid))  # "said Ostrova", "said Foreign Minister Ostrova"
    if before:
        return min(before)[2]
    return min(after)[1] if after else None


_PREVIOUS_PATTERNS = [
    re.compile(rf"{_NAME}\s+(?:\w+\s+){{0,2}}(?:{_VERBS})\b"),
    re.compile(rf"{_NAME},\s[^,.“”\"]{{3,90}},\s*(?:\w+\s+){{0,2}}(?:{_VERBS})\b"),
    re.compile(rf"(?:{_VERBS})\s+{_NAME}"),
    re.compile(rf"according\s+to\s+{_NAME}"),
]


def attribute(q: RawQuote, sents: Sequence[Sent], index: EntityIndex | None, previous: RawQuote | None = None) -> None:
    """Find the speaker: attribution patterns, then the quote's own sentence, then its neighbours.

    A quote standing alone in its sentence takes the speaker of the quote just before it (in the
    same or the previous paragraph: the news convention for a statement going on), else the
    speaker the sentence before it attributes something to ("Ostrova told reporters on Tuesday.
    'We ...'").  Nothing found: the speaker stays unknown rather than guessed.
    """
    for rx in _PATTERNS:
        pos = 0
        for _ in range(_PATTERN_TRIES):  # "In his comments, Mr X told ...": "In" is no one, try further on
            m = rx.search(q.context, pos)
            if m is None:
                break
            if _speaker_from_match(q, m.group(1).strip(), q.context[m.start(1) :], sents, index):
                return
            pos = m.start(1) + 1
    q.speaker, q.speaker_name = None, None
    own, text, before = _own_sentences(q, sents)
    if index is not None and own and _in_sentence_speaker(q, own, text, sents, index):
        return
    standalone = not re.search(r"\w", text.replace(_PLACEHOLDER, ""))
    if not standalone:
        return
    if (
        previous is not None
        and previous.speaker_name
        and previous.article == q.article
        and 0 <= q.position - previous.position <= 1
    ):
        q.speaker, q.speaker_name = previous.speaker, previous.speaker_name
        return
    for _ in range(_LOOK_BACK):
        if before is None:
            return
        if _speaker_of_sentence(q, before, sents, index):
            return
        before = _where(q, sents).by_index.get(before.index - 1)


def _speaker_of_sentence(q: RawQuote, sent: Sent, sents: Sequence[Sent], index: EntityIndex | None) -> bool:
    """Take the speaker of a sentence that attributes something to someone ("Ostrova told reporters ...")."""
    text = _QUOTED.sub(" ", sent.text)
    for rx in _PREVIOUS_PATTERNS:
        m = rx.search(text)
        if m and _speaker_from_match(q, m.group(1).strip(), text[m.start(1) :], sents, index):
            return True
    q.speaker, q.speaker_name = None, None
    if index is not None:
        eid = _subject_of_saying(sent.text, [sent], index)
        if eid is not None:
            ent = index.get(eid)
            q.speaker, q.speaker_name = eid, ent.name if ent else None
            return True
    return False


def _continues_in_paragraph(last: RawQuote, q: RawQuote, sents: Sequence[Sent]) -> bool:
    """Is ``q`` the next sentences of ``last``, with only the attribution between them?"""
    between = q.ptext[last.end + 1 : max(last.end + 1, q.start - 1)]
    if len(between) > _ATTRIBUTION_CHARS or not re.search(r"[.:;,]\s*$", between):
        return False
    if not any(w.lower() in _QUOTING_VERBS for w in _WORD.findall(between)):
        return False
    _, text, _ = _own_sentences(q, sents)
    return not re.search(r"\w", text.replace(_PLACEHOLDER, ""))


class _Linker:
    def __init__(self, index: EntityIndex | None, stemmer: CachedStemmer) -> None:
        self.index = index
        self.stem = stemmer.stem

    def words(self, text: str) -> set[str]:
        out: set[str] = set()
        for w in tokens(fold(text)):
            if w in STOPWORDS or len(w) < 3:
                continue
            if self.index is not None:
                w = self.index.canonical_word(w)
            out.add(self.stem(w))
        return out


def _leading_quotes(raw: Sequence[RawQuote], limit: int) -> list[int]:
    """Indices of at most ``limit`` quotes: all of them, or else the first k of every article (k as
    large as fits), in story order."""
    if len(raw) <= limit:
        return list(range(len(raw)))
    per_article = Counter(q.article for q in raw)
    k = 1
    while sum(min(n, k + 1) for n in per_article.values()) <= limit:
        k += 1
    seen: Counter[str] = Counter()
    out: list[int] = []
    for i, q in enumerate(raw):
        if seen[q.article] < k:
            seen[q.article] += 1
            out.append(i)
    return out[:limit]


def build_quotes(
    sents: Sequence[Sent],
    index: EntityIndex | None,
    by_id: Mapping[str, Article],
    article_ids: Sequence[str],
    min_words: int,
    stemmer: CachedStemmer | None = None,
    notes: list[str] | None = None,
) -> list[Quote]:
    """Every quote of the story with its speaker, renderings of one statement linked across
    outlets (among at most MAX_LINKED_QUOTES quotes; ``notes`` gets a note when there were more)."""
    if min_words < 1:
        raise ValueError(f"quote_min_words must be >= 1, got {min_words}")
    raw: list[RawQuote] = []
    of_article: dict[str, list[Sent]] = {}
    for s in sents:
        of_article.setdefault(s.article, []).append(s)
    for aid in article_ids:
        art = by_id.get(aid)
        if art is None:
            continue
        texts = [p.text for p in art.paragraphs]
        order = {p.id: n for n, p in enumerate(art.paragraphs)}
        own = of_article.get(aid, [])
        where = ArticleSents.locate(own, {p.id: p.text for p in art.paragraphs})
        last: RawQuote | None = None  # the quote of the previous span, when it was kept
        for span in scan_spans(texts):
            text = span.text.strip()
            pn, start, end = span.paragraph, span.start, span.end
            ptext = texts[pn]
            if last is not None and span.continues and last.position == pn - 1:
                last.text = f"{last.text} {text}".strip()  # one quote over a paragraph break
                if last.speaker_name is None:  # the attribution may follow the end: '…," said X.'
                    tail = RawQuote(
                        text=text,
                        article=aid,
                        paragraph=art.paragraphs[pn].id,
                        outlet=art.outlet,
                        context=ptext[: max(0, start - 1)] + _PLACEHOLDER + ptext[min(len(ptext), end + 1) :],
                        position=pn,
                        order=order,
                        start=start,
                        end=end,
                        ptext=ptext,
                        where=where,
                    )
                    attribute(tail, own, index, last)
                    last.speaker, last.speaker_name = tail.speaker, tail.speaker_name
                continue
            if not text or len(tokens(text)) < min_words or not is_statement(text, ptext[: max(0, start - 1)]):
                last = None
                continue
            context = ptext[: max(0, start - 1)] + _PLACEHOLDER + ptext[min(len(ptext), end + 1) :]
            q = RawQuote(
                text=text,
                article=aid,
                paragraph=art.paragraphs[pn].id,
                outlet=art.outlet,
                context=context,
                position=pn,
                order=order,
                start=start,
                end=end,
                ptext=ptext,
                where=where,
            )
            if last is not None and last.position == pn and _continues_in_paragraph(last, q, own):
                # '"A," he said. "B."': the second sentence goes on with the first statement
                last.text = f"{last.text.rstrip(' ,')} … {text}"
                continue
            attribute(q, own, index, raw[-1] if raw else None)
            raw.append(q)
            last = q
    for q in raw:
        q.text = q.text.strip(" ,.")
    # link renderings of one statement
    linker = _Linker(index, stemmer or CachedStemmer())
    bags = [linker.words(q.text) for q in raw]
    parent = list(range(len(raw)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # only pairs sharing a word can link: count shared words through an inverted index instead of
    # intersecting every pair (the links, hence the groups, are the same).  Postings are kept per
    # article, since quotes of one article never link: one long article's thousands of quotes would
    # otherwise be counted pair by pair (quadratic) only to be skipped.
    postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
    linked = _leading_quotes(raw, MAX_LINKED_QUOTES)
    if len(linked) < len(raw) and notes is not None:
        notes.append(
            f"quotes: {len(raw)} quotes in {len({q.article for q in raw})} articles; renderings of one statement are "
            f"linked among the first {len(linked)} (each article's leading quotes), the others are listed unlinked"
        )
    for x in linked:
        for w in bags[x]:
            postings[w].setdefault(raw[x].article, []).append(x)
    for x in linked:
        a = bags[x]
        mine = raw[x].article
        shared: Counter[int] = Counter()
        for w in a:
            for other, ys in postings[w].items():
                if other != mine:
                    shared.update(y for y in ys if y > x)
        for y, inter in shared.items():
            b = bags[y]
            if inter < 2 or raw[x].article == raw[y].article:
                continue
            sx, sy = raw[x].speaker, raw[y].speaker
            if sx is not None and sy is not None and sx != sy:
                continue
            need = _LINK_CONTAINMENT if (sx is not None and sy is not None) else 0.8
            if inter / min(len(a), len(b)) >= need:
                parent[find(y)] = find(x)
    groups: dict[int, list[int]] = {}
    for x in range(len(raw)):
        groups.setdefault(find(x), []).append(x)
    quotes: list[Quote] = []
    for members in groups.values():
        qs = [raw[i] for i in members]
        rep = max(qs, key=lambda q: len(q.text))
        speakers = Counter(q.speaker for q in qs if q.speaker)
        names = Counter(q.speaker_name for q in qs if q.speaker_name)
        speaker = speakers.most_common(1)[0][0] if speakers else None
        name = None
        if speaker is not None and index is not None:
            ent = index.get(speaker)
            name = ent.name if ent else None
        elif names:
            name = names.most_common(1)[0][0]
        arts = sorted({q.article for q in qs})
        quotes.append(
            Quote(
                id="",
                text=rep.text,
                speaker=speaker,
                speaker_name=name,
                variants=[
                    ClaimSentence(text=q.text, article=q.article, paragraph=q.paragraph, outlet=q.outlet) for q in qs
                ],
                outlets=outlets_of(arts, by_id),
                independent_sources=independent_sources(arts, by_id),
            )
        )
    quotes.sort(key=lambda qt: (-qt.independent_sources, -len(qt.variants)))
    for n, quote in enumerate(quotes, start=1):
        quote.id = f"q{n}"
    return quotes
