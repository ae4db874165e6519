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
    r"|representative|delegate|member|lawmaker|negotiator|observer|journalist|correspondent|doctor|priest"
    # titles and jobs of people news quotes (general vocabulary, as PERSON_TITLES)
    r"|secretary|chief|director|head|chairman|chairwoman|governor|mayor|ambassador|professor|researcher"
    r"|scientist|economist|lawyer|attorney|prosecutor|judge|senator|congressman|congresswoman|premier"
    r"|chancellor|editor|author|manager|executive|officer|worker|nurse|teacher|student|campaigner|inspector)"
)
_NAME = (
    r"(?<![\w-])((?:[A-Z][\w'’.-]*\s){0,5}[A-Z][\w'’-]*"
    rf"|(?:[Aa]n?|[Tt]he|his|her|its|their|[A-Z][\w-]*['’]s)\s(?:[\w'’-]+\s){{0,3}}?{_ROLES}"
    r"|he|she|they|He|She|They)"
)
# A word between a name and its verb that starts a new clause, so the name is not the verb's subject.
_NO_CLAUSE = r"(?!(?:and|but|or|he|she|they|it|who|which|that|when|while|after|before|because)\b)"
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# Verbs of saying in attributions with an unnamed speaker.
_INVERTED_SAYS = r"said|says|told|tells|added|adds|wrote|writes|explained|insisted|warned|asked"
# "a leading dissident", "one Asian critic", "another cautious Lind": an article and up to four
# words, the last no pronoun or article.
_ANY_DESCRIBED = (
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?!(?:who|which|that|he|she|they|it|the|a|an)\b)[A-Za-z][\w'’-]+"
)
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
    # "…," said U.S. State Department spokesman Mark Toner / said McCain senior adviser Mark Salter
    re.compile(
        rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_VERBS})\s+(?:[A-Z][\w.'’-]*\s+){{1,5}}(?:[a-z][\w-]*\s+){{0,2}}{_ROLES}"
        r"\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})"
    ),
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_VERBS})\s+{_NAME}"),
    re.compile(rf"{_NAME}\s+(?:was|were)\s+quoted\s+as\s+saying\b"),
    # "Ostrova on Monday said '…'"; the words between are no new clause ("Lind met Drost and he said")
    re.compile(rf"{_NAME}\s+(?:{_NO_CLAUSE}\w+\s+){{0,4}}(?:{_VERBS})\b[^.]*?{_PLACEHOLDER}"),
    # Ostrova, the foreign minister, said that "…" (an apposition, not a clause: "Lind, Quill did not answer, saying")
    re.compile(
        rf"{_NAME},\s(?:(?!(?:did|does|do|is|was|were|are|has|had|have|will|would|could)\b)[^,.“”\"]){{3,90}},"
        rf"\s*(?:\w+\s+){{0,2}}(?:{_VERBS})\b[^.]*?{_PLACEHOLDER}"
    ),
    re.compile(rf"according\s+to\s+{_NAME}"),
    # press reviews: 'Maksim Yusin in Russia's Kommersant: "…"'
    re.compile(rf"^{_NAME}\s+in\s+(?:[A-Z][\w'’-]*\s*){{1,4}}:?\s*{_PLACEHOLDER}"),
    re.compile(rf"{_NAME}\s*:\s*{_PLACEHOLDER}"),
    re.compile(rf"{_NAME}\s+told\s+"),
    # an unnamed speaker whatever the noun ('…," said a leading dissident in the city', 'as one
    # Asian critic told Reuters: "…"', '…," a cautious Lind said'), after every named pattern
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_INVERTED_SAYS})\s+({_ANY_DESCRIBED})"),
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*({_ANY_DESCRIBED})\s+(?:{_INVERTED_SAYS})\b"),
    re.compile(rf"(?<![\w-])({_ANY_DESCRIBED})\s+(?:{_INVERTED_SAYS})\b[^.]*?{_PLACEHOLDER}"),
]
# A name in apposition right after a described speaker: "the prime minister, Oskar Lind, said".
# Also at the end of an inverted attribution: 'said Lind's spokesman, Mara Quill.'
_APPOSED_NAME = re.compile(
    rf"\s*,\s*((?:[A-Z][\w'’.-]*\s){{1,3}}?[A-Z][\w'’-]*)\s*(?:,\s*(?:also\s+)?(?:{_VERBS})\b|[.;]|$)"
)
_DESCRIBED = re.compile(r"^(?:an?|the|his|her|its|their|one|another)\s", re.IGNORECASE)
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
    speak spoke estimated estimates asserts asserted assert adding telling warning explaining insisting noting
    arguing writing asking declaring stating stressing claiming tweeting ask cited cites""".split()
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
# Verbs of saying that news puts before their subject ('…," said Ostrova', '…," writes Quill').
# Verbs with a person as object ("urged Ostrova to", "calls for Lind to be tried", "accused
# Haskarov of") are left out: a name after them is who it is about, not who speaks.
_INVERTING_VERBS = frozenset(
    """said says added adds wrote writes explained explains continued continues noted notes insisted insists
    argued argues replied replies declared declares stated states tweeted tweets recalled recalls admitted
    admits acknowledged acknowledges remarked remarks commented comments stressed stresses conceded concedes
    observed observes quipped responded responds affirmed affirms announced announces""".split()
)
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


# Words right before a quoted title ("a book entitled '…'").
_TITLE_BEFORE = re.compile(r"\b(?:entitled|titled|headlined|dubbed|named)\s*$", re.IGNORECASE)
# A span is in title case when at least this share of its longer words is capitalised; running
# text, even full of names, rarely is ("How the West Was Lost: Fifty Years of Economic Folly").
_TITLE_CASE_SHARE = 0.75


def _title_case(words: Sequence[str]) -> bool:
    """Is a quoted span a title (most of its words of four letters or more capitalised, four or more of them)?"""
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= _TITLE_CASE_SHARE * len(long)


def is_statement(text: str, before: str = "") -> bool:
    """Is a quoted span something said, rather than a label or a scare quote?

    A span is a statement when it is long (``_STATEMENT_WORDS`` words or more), holds a clause word
    (auxiliary, modal, first- or second-person pronoun), a past-tense verb with an object, or is
    itself part of a clause of the sentence (right after "will", "to", "that", a verb of saying, a
    colon) or opens the sentence.  "an 'open-ended and binding' truce", "implement a 'complete pause in
    the fighting'" and "the mayor's 'Year of Renewal' slogan" are not statements.
    """
    raw_words = _WORD.findall(text)
    words = [w.lower() for w in raw_words]
    if _TITLE_BEFORE.search(before[-30:]) or _title_case(raw_words):
        return False  # the title of a book, a film, a programme: 'a book entitled "How the West Was Lost"'
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
    # sentences that lie wholly inside a quote (the middle of a long quote): their names are the
    # speaker's words, so "he said" is never resolved to them
    quoted: frozenset[int] = frozenset()

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


def _closes_straight(text: str, i: int) -> bool:
    """Does the straight mark at ``text[i]`` look like a closing one (glued to the word before it)?"""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= len(text) or not text[i + 1].isalnum())


# What follows the end of a quote: its attribution ('," he said', '," Mr Hague asked') or nothing.
# The name may carry a place or an apposition: '," Oskar Lind of the Tenants Union said', '," Mara
# Quill, a professor at Tallor University, told'.
_ATTRIBUTION_AFTER = re.compile(
    rf"\s*(?:$|[a-z(—–-]|(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:(?:of|from|at|with)\s+[^,.“”\"]{{2,60}}?\s+)?(?:{_VERBS})\b"
    rf"|(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*,\s[^“”\"]{{3,90}}?\s(?:{_VERBS})\b)"
)


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
        if i in where.quoted:
            continue
        text = _QUOTED.sub(" ", s.text)
        sayer = _subject_of_saying(s.text, [s], index)
        if sayer is not None and index.type_of(sayer) in {"person", "other"} and not _place_like(sayer, index):
            ent = index.get(sayer)
            return sayer, ent.name if ent else None
        described = _DESCRIBED_SAYER.search(text)
        if described is not None:
            return None, described.group(1)
        if _PRONOUN_SAYS.search(text):
            continue  # "He further said that Lind would ...": still the same "he", not Lind; read on back
        found = [(text.find(surface), eid) for surface, eid in index.in_sentence(s) if index.type_of(eid) == "person"]
        found = [(at, eid) for at, eid in found if at >= 0]
        if found:
            eid = min(found)[1]
            ent = index.get(eid)
            return eid, ent.name if ent else None
    return None, None


# A sentence whose saying is done by "he"/"she" ("He further said ...", "Later, she told ...").
_PRONOUN_SAYS = re.compile(rf"^(?:[^,]{{0,60}},\s*)?(?:He|She|he|she)\s+(?:{_NO_CLAUSE}\w+\s+){{0,2}}(?:{_VERBS})\b")


def _person_like(eid: str, index: EntityIndex) -> bool:
    """A person, or a name of two words or more the story did not type (a person named once without a
    title: "The writer Mara Quill"); one-word untyped names are mostly capitalised openers."""
    kind = index.type_of(eid)
    if kind == "person":
        return True
    ent = index.get(eid)
    return kind == "other" and ent is not None and len(ent.name.split()) >= 2


def _same_sentence_sayer(
    q: RawQuote, pronoun_at: int, sents: Sequence[Sent], index: EntityIndex
) -> tuple[str | None, str | None]:
    """ "Mara Quill, a lecturer, said that ... and he says '...'": a person who says something earlier
    in the pronoun's own sentence is who the pronoun is (only when that saying comes before it, so
    in "Lind met Drost and he said" nobody is taken from the sentence)."""
    if not 0 <= pronoun_at <= len(q.context):
        return None, None
    head = q.context[:pronoun_at]
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z“\"])", head)), default=0)
    head = _QUOTED.sub(lambda m: " " * len(m.group()), head[cut:].replace(_PLACEHOLDER, " "))
    if not any(w.lower() in _QUOTING_VERBS for w in _WORD.findall(head)):
        return None, None
    own = [s for _, _, s in _where(q, sents).by_paragraph.get(q.paragraph, [])]
    sayer = _subject_of_saying(head, own, index)
    if sayer is None or index.type_of(sayer) != "person":
        return None, None
    ent = index.get(sayer)
    return sayer, ent.name if ent else None


# An attribution by pronoun right after a quote ('," he said', '. She added').
_PRONOUN_AFTER = re.compile(r"[,.!?]?\s*(?:he|she|they|He|She|They)\b")


def _same_by_title(described: RawQuote, named: RawQuote, index: EntityIndex | None) -> bool:
    """Is ``described`` an unnamed speaker ("the president") whose role is a title ``named``'s
    speaker was given in the story ("President Lind")?  Then the name is kept."""
    if index is None or described.speaker is not None or named.speaker is None or not described.speaker_name:
        return False
    role = fold(described.speaker_name.split()[-1])
    return any(role in fold(t).split() for t in index.titles.get(named.speaker, []))


def _they_speaker(q: RawQuote, sents: Sequence[Sent], index: EntityIndex) -> tuple[str | None, str | None]:
    """Who "they" are: the body that says something in one of the ``_LOOK_BACK`` sentences before
    (a ministry, a party) or a group described there ("Officials in Tallor said ..."), else unknown."""
    at = _sentence_of(q, sents)
    where = _where(q, sents)
    for i in range(at - 1, at - 1 - _LOOK_BACK, -1) if at is not None else ():
        s = where.by_index.get(i)
        if s is None:
            break
        if i in where.quoted:
            continue
        sayer = _subject_of_saying(s.text, [s], index)
        if sayer is not None and index.type_of(sayer) == "organisation":
            ent = index.get(sayer)
            return sayer, ent.name if ent else None
        described = _DESCRIBED_SAYER.search(_QUOTED.sub(" ", s.text))
        if described is not None and described.group(1).endswith("s"):
            return None, described.group(1)
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
    # a conjunction swept into a name ("And I said", "But Lind said") is no part of it; "I" is no one
    name = re.sub(r"^(?:And|But|So|Or|Then|Yet|Now)\s+(?=\S)", "", name)
    if name.lower() == "they":
        # "they" is never one person: a body or a group that spoke just before, else unknown
        if index is not None:
            q.speaker, q.speaker_name = _they_speaker(q, sents, index)
        return q.speaker_name is not None
    if name.lower() in _PRONOUNS:
        if index is not None:
            q.speaker, q.speaker_name = _same_sentence_sayer(q, len(q.context) - len(described_from), sents, index)
            if q.speaker is None:
                q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
        return q.speaker_name is not None
    if (fold(name.split()[0]) in STOPWORDS and len(name.split()) == 1) or name in {"I", "We"}:
        return False
    # "Haskarov's spokesman", "Michael Lind's brother Marlon": a possessive ends the name found
    if _DESCRIBED.match(name) or _POSSESSIVE_NAME.search(name.split()[0]) or _POSSESSIVE_NAME.search(name.split()[-1]):
        rest = _DESCRIBED.sub("", name)
        if _DESCRIBED.match(name) and rest[:1].isupper() and not _POSSESSIVE_NAME.search(rest.split()[0]):
            eid, shown = _resolve_name(rest, index)  # "The LCC": a name after the article
            if eid is not None and not _place_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        # a described speaker ("an NSF military spokesman", "Haskarov's spokesman") is not the entity it names
        described = re.split(
            rf"[,:]|\s+(?:{_VERBS}|was|were|in|on|at|also|further|then|had|has|have|is|who|whose|whom)\b",
            described_from,
            maxsplit=1,
        )[0]
        q.speaker, q.speaker_name = None, described.strip(" ,.")
        if _POSSESSIVE_NAME.search(q.speaker_name or "") and " " not in (q.speaker_name or "").strip():
            q.speaker, q.speaker_name = None, None
            return False  # "Dudley's" alone names whose words they are about, not who speaks
        # "a cautious Vettel", "the group's chief executive Malcolm Webb": the person named at the end,
        # unless a preposition makes the name an object ("a spokesperson for Mr Sechin")
        tail = _trailing_name(q.speaker_name or "")
        if tail is not None and index is not None:
            eid, shown = _resolve_name(tail, index)
            if eid is not None and _person_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        named = _APPOSED_NAME.match(described_from, len(described))
        if named is not None:  # "the prime minister, Oskar Lind, said": the name is shown
            eid, shown = _resolve_name(named.group(1), index)
            if eid is None or index is None or _person_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        eid = _described_speaker(q.speaker_name, index)
        if eid is not None:
            ent = index.get(eid) if index else None
            q.speaker, q.speaker_name = eid, ent.name if ent else q.speaker_name
        return True
    eid, shown = _resolve_name(name, index)
    if eid is None and index is not None:
        # "On Tuesday Secretary of State Hillary Clinton said": the capitalised run closest before
        # the verb that names someone the story knows is the speaker, not the opener
        head = re.split(rf"\b(?:{_VERBS})\b", described_from, maxsplit=1)[0]
        for run in reversed(re.findall(r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*", head)):
            known, known_name = _resolve_name(run, index)
            if known is not None and not _place_like(known, index):
                eid, shown = known, known_name
                break
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


# What may stand between an inverted verb and its subject: titles and job words ("said the
# Foreign Minister, Ostrova", "said commission co-chair Lind"), not a clause ("said that he felt
# Drost ...", "said it was Drost").
_ONLY_TITLES = re.compile(
    r"(?:[\s,]*(?!(?:that|he|she|they|it|we|I|who|which|if|whether|when|and|but|was|were|is|are|had|has|would|will"
    r"|could|to|of|in|on|for|with)\b)[\w.'’-]+)*[\s,]*$"
)


# Words that make a name after them an object, not the described speaker ("a spokesperson for Mr X").
_OBJECT_BEFORE = frozenset("for of from including with to about the against on".split())


def _trailing_name(phrase: str) -> str | None:
    """The capitalised name (at most three words) a described speaker ends with, when the word before
    it is no preposition or article: "the group's chief executive Malcolm Webb" -> "Malcolm Webb"."""
    words = phrase.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not _POSSESSIVE_NAME.search(words[k - 1]):
        k -= 1  # stop at a possessive: "NOAA's Steve Murawski" -> "Steve Murawski"
    run = words[k:]
    if not run or len(run) > 3 or k == 0 or words[k - 1].lower() in _OBJECT_BEFORE:
        return None
    return " ".join(run)


# A verb in the passive with its agent: "described by BP", "criticised by the minister Lind".
_PASSIVE_BY = re.compile(r"\s+by\s+(?:the\s+)?$")


def _opening_clause_end(masked: str) -> int:
    """End of an opening participial clause of saying ("Asked about the talks, "), else 0."""
    m = re.match(r"[\s“\"‘(—–-]*([A-Z][a-z]+)\b[^,]{0,200},", masked)
    return m.end() if m and m.group(1).lower() in _QUOTING_VERBS else 0


def _first_quoting_verb(masked: str) -> re.Match[str] | None:
    """The first quoting verb of a sentence, skipping a capitalised one that opens it: "Asked about
    the talks, Lind said" and "Speaking in Tallor, Lind told" are said by Lind."""
    for m in _WORD.finditer(masked):
        if m.group().lower() not in _QUOTING_VERBS:
            continue
        if m.group()[0].isupper() and not masked[: m.start()].strip(' “"‘(—–-'):
            continue
        return m
    return None


def _described_before_verb(text: str) -> str | None:
    """An unnamed speaker right before the first quoting verb: "an activist in the city's Bab Sbaa district told"."""
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text.replace(_PLACEHOLDER, " " * len(_PLACEHOLDER)))
    verb = _first_quoting_verb(masked)
    group = _GROUP_BEFORE_VERB.search(masked, 0, verb.start()) if verb is not None else None
    if verb is None or group is None:
        return None
    m = _DESCRIBED_START.search(masked, 0, verb.start())
    if m is not None:
        return " ".join(m.group(1).split())
    # a plural group with no article ("Protesters in the square chanted"): the group is the speaker
    bare = " ".join(group.group().split())
    return bare if bare.endswith("s") and group.start() == _clause_start(masked, group.start()) else None


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``text[at]`` starts (after the last comma, colon or sentence end before it)."""
    cut = max((m.end() for m in re.finditer(r"[,;:.!?]\s*", text[:at])), default=0)
    return cut + len(text[cut:at]) - len(text[cut:at].lstrip())


def _subject_of_saying(text: str, sents: Sequence[Sent], index: EntityIndex, exclude: str = "") -> str | None:
    """Who does the saying in ``text`` (the sentences ``sents``, quotes masked)?

    The person named closest before the first quoting verb (the subject usually stands right
    before its verb: "Ostrova, on a visit to Marlow, condemned"; before a participle, the first
    person: "Ostrova used the occasion to attack Haskarov, saying"), else a body named there, else
    the first person or body after the verb ("said Ostrova"); places never speak.
    """
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    # a relative clause set off by commas says nothing of who speaks, and names in it are not the
    # subject: in "Ostrova, who has criticised Haskarov, said ..." the saying is Ostrova's
    # (unless the clause holds the only verb of saying: "Warne, who had predicted a tie, made another
    # forecast" is still Warne's)
    unmasked = masked
    masked = _RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), masked)
    verb = _first_quoting_verb(masked)
    if verb is None and masked != unmasked:
        masked = unmasked
        verb = _first_quoting_verb(masked)
    if verb is None or _GROUP_BEFORE_VERB.search(masked, 0, verb.start()):
        return None  # "In the province of Hasaka, protesters shouted": the protesters, not Hasaka
    participle = verb.group().lower().endswith("ing")
    # names in an opening participial clause ("Asked if Lind had called, Quill said ...") are not the subject
    opener_end = _opening_clause_end(masked)
    before: list[tuple[int, int, str]] = []
    after: list[tuple[int, str]] = []
    for s in sents:
        for surface, eid in index.in_sentence(s):
            at = masked.find(surface)
            if at < 0 or _place_like(eid, index) or (exclude and surface in exclude) or at < opener_end:
                continue
            title_after = _TITLE_AFTER.match(masked, at + len(surface))
            if title_after is not None and fold(title_after.group(1)) in PERSON_TITLES:
                continue  # "The U.S. president urged": a modifier of the title, not the one speaking
            person = index.type_of(eid) == "person"
            if at < verb.start():
                # a participle ("..., saying") belongs to the sentence's subject, its first name;
                # a finite verb to the name closest before it
                before.append((0 if person else 1, at if participle else verb.start() - at, eid))
            elif at - verb.end() <= _AFTER_VERB_CHARS and (
                (verb.group().lower() in _INVERTING_VERBS and _ONLY_TITLES.match(masked, verb.end(), at))
                or _PASSIVE_BY.match(masked, verb.end(), at)  # "was described by BP as '…'"
            ):
                after.append((at, eid))  # "said Ostrova", "said Foreign Minister Ostrova"
    if before:
        return min(before)[2]
    return min(after)[1] if after else None


# The word after a name, past its abbreviation dot ("U.S. president"): a title there makes the name a modifier.
_TITLE_AFTER = re.compile(r"\.?\s+([a-z]+)\b")


# A relative clause set off by commas (", who cultivated close ties with Haskarov but has criticised
# the raids,"), up to the next comma.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose|whom)\b[^,.;:]*,")


_PREVIOUS_PATTERNS = [
    re.compile(rf"{_NAME}\s+(?:{_NO_CLAUSE}\w+\s+){{0,2}}(?:{_VERBS})\b"),
    re.compile(rf"{_NAME},\s[^,.“”\"]{{3,90}},\s*(?:\w+\s+){{0,2}}(?:{_VERBS})\b"),
    re.compile(rf"\b(?:{'|'.join(sorted(_INVERTING_VERBS))})\s+{_NAME}"),
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
                q.how = "pattern"
                return
            pos = m.start(1) + 1
    q.speaker, q.speaker_name = None, None
    own, text, before = _own_sentences(q, sents)
    if index is not None and own and _in_sentence_speaker(q, own, text, sents, index):
        q.how = "sentence"
        return
    q.speaker, q.speaker_name = None, None
    if index is not None and own and _colon_subject(q, text, sents, index):
        q.how = "sentence"
        return
    if index is not None and own and _first_person_subject(q, own, text, index):
        q.how = "sentence"
        return
    q.speaker, q.speaker_name = None, None
    standalone = not re.search(r"\w", text.replace(_PLACEHOLDER, ""))
    close_previous = (
        previous is not None
        and previous.speaker_name is not None
        and previous.article == q.article
        and 0 <= q.position - previous.position <= 1
    )
    if not standalone:
        # a partial quote in a sentence that names no one and has no verb of saying ("Anger at
        # home 'is driving all of this.'") goes on with the quote of the sentence before
        if (
            previous is not None
            and close_previous
            and index is not None
            and own
            and _names_no_one(q, own, text, index)
            and _sentence_gap(previous, q, sents) <= 1
        ):
            q.speaker, q.speaker_name, q.how = previous.speaker, previous.speaker_name, "neighbour"
        return
    if previous is not None and close_previous:
        # a new speaker introduced in the sentence right before, between the two quotes ("Another
        # resident, Mara Quill, disagreed."), wins over the speaker of the quote before
        if (
            before is not None
            and _after_quote(before, previous, sents)
            and _speaker_of_sentence(q, before, sents, index)
            and q.speaker_name != previous.speaker_name
        ):
            q.how = "neighbour"
            return
        q.speaker, q.speaker_name, q.how = previous.speaker, previous.speaker_name, "neighbour"
        return
    for _ in range(_LOOK_BACK):
        if before is None:
            return
        if _speaker_of_sentence(q, before, sents, index):
            q.how = "neighbour"
            return
        before = _where(q, sents).by_index.get(before.index - 1)


def _sentence_of(q: RawQuote, sents: Sequence[Sent]) -> int | None:
    """Index of the sentence the quote starts in."""
    located = _where(q, sents).by_paragraph.get(q.paragraph, [])
    return next((s.index for a, b, s in located if b > q.start - 1), None)


def _after_quote(sent: Sent, previous: RawQuote, sents: Sequence[Sent]) -> bool:
    """Does ``sent`` start after the end of the quote ``previous`` (no part of it)?"""
    if sent.paragraph != previous.paragraph:
        return previous.order.get(sent.paragraph, -1) > previous.position
    located = _where(previous, sents).by_paragraph.get(sent.paragraph, [])
    start = next((a for a, _, s in located if s.index == sent.index), None)
    return start is not None and start > previous.end


def _sentence_gap(previous: RawQuote, q: RawQuote, sents: Sequence[Sent]) -> int:
    """How many sentences lie from the start of ``previous`` to the start of ``q`` (large when unknown)."""
    a, b = _sentence_of(previous, sents), _sentence_of(q, sents)
    return b - a if a is not None and b is not None and b >= a else 1 << 30


def _names_no_one(q: RawQuote, own: Sequence[Sent], text: str, index: EntityIndex) -> bool:
    """Does the quote's sentence, outside the quote, name no person or body, no pronoun and no
    described speaker?"""
    outside = _QUOTED.sub(" ", text.replace(_PLACEHOLDER, " "))
    if re.search(r"\b(?:he|she|they|it|we|I|you)\b", outside, re.IGNORECASE):
        return False
    if _DESCRIBED_SAYER.search(outside) or _GROUP_BEFORE_VERB.search(outside):
        return False
    for s in own:
        for surface, eid in index.in_sentence(s):
            if surface in outside and not _place_like(eid, index):
                return False
    return True


# A quote's sentence that introduces it with a colon: its main clause (after an opening clause
# ending in a comma) and the subject that starts it ("As a critic in those days, she began to
# attack the plan: '...'" -> "she").
_COLON_INTRO = re.compile(r"(?:^|,\s+)([^,]{3,160}?):\s*$")
_CLAUSE_SUBJECT = re.compile(r"^(?:(he|she|He|She)|((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*))\s+[a-z]")


def _colon_subject(q: RawQuote, text: str, sents: Sequence[Sent], index: EntityIndex) -> bool:
    """The speaker of a quote introduced by a colon: the subject of the clause before the colon,
    when it is a person named there or "he"/"she" (resolved to the last person before)."""
    head = _QUOTED.sub(" ", text.split(_PLACEHOLDER, 1)[0]).rstrip()
    m = _COLON_INTRO.search(head)
    if m is None:
        return False
    subj = _CLAUSE_SUBJECT.match(m.group(1).strip())
    if subj is None:
        return False
    if subj.group(1):
        q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
        return q.speaker_name is not None
    eid, shown = _resolve_name(subj.group(2), index)
    if eid is None or index.type_of(eid) not in {"person", "organisation"}:
        return False
    q.speaker, q.speaker_name = eid, shown
    return True


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me|mine|myself)\b")


def _first_person_subject(q: RawQuote, own: Sequence[Sent], text: str, index: EntityIndex) -> bool:
    """A quoted fragment in the first person inside a reporter's sentence ("By 2001 Lind was a
    medic and 'changed my cap badge' to the corps") is the words of the one person the sentence
    names before it."""
    if not _FIRST_PERSON.search(q.text):
        return False
    head = _QUOTED.sub(" ", text.split(_PLACEHOLDER, 1)[0])
    named = {
        eid for s in own for surface, eid in index.in_sentence(s) if surface in head and not _place_like(eid, index)
    }
    if len(named) != 1:
        return False
    eid = named.pop()
    if index.type_of(eid) != "person":
        return False
    ent = index.get(eid)
    q.speaker, q.speaker_name = eid, ent.name if ent else None
    return True


def _ends_paragraph(ptext: str, end: int) -> bool:
    """Is the quote closed at the very end of its paragraph (only punctuation after it)?"""
    return not re.search(r"\w", ptext[end + 1 :])


# A paragraph that is only the attribution of the quote ending the paragraph before, split off by
# extraction: 'said Oskar Lind, a professor ...' or 'Oskar Lind, a professor ..., said on Monday.'
_SPLIT_SAID_FIRST = re.compile(rf"^\s*(?:[,–—-]\s*)?(?:{_VERBS})\s+{_NAME}")
_SPLIT_NAME_FIRST = re.compile(
    rf"^\s*(?:[,–—-]\s*)?{_NAME}(?:,\s[^,.“”\"]{{3,90}},)?\s+(?:also\s+)?(?:{_VERBS})"
    r"(?:\s+(?:on|late|early|earlier|later|last|this|yesterday|today|tonight|in\s+an?\s+(?:statement|interview))\b[^.]{0,40})?"
    r"\s*[.;]"
)


def _split_attribution(q: RawQuote, following: str, sents: Sequence[Sent], index: EntityIndex | None) -> None:
    """Take the speaker from the next paragraph when it is only the attribution of this quote."""
    m = _SPLIT_SAID_FIRST.match(following)
    if m is not None and m.group(1).lower() in _PRONOUNS:
        m = None  # 'said he' is rare; "said they were ..." is what was said
    if m is None:
        m = _SPLIT_NAME_FIRST.match(following)
    if m is None or m.group(1).lower() in _PRONOUNS:
        return
    keep = q.speaker, q.speaker_name
    if _speaker_from_match(q, m.group(1).strip(), following[m.start(1) :], sents, index):
        q.how = "pattern"
    else:
        q.speaker, q.speaker_name = keep


def _speaker_of_sentence(q: RawQuote, sent: Sent, sents: Sequence[Sent], index: EntityIndex | None) -> bool:
    """Take the speaker of a sentence that attributes something to someone ("Ostrova told reporters ...")."""
    if q.where is not None and sent.index in q.where.quoted:
        return False
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
    # the next sentence ('"A," she said. "B."') or the rest of the same one ('"A," explains Ross, "b."')
    rest = _QUOTED.sub(" ", text.replace(_PLACEHOLDER, " ")).replace(between.strip(), " ")
    return not re.search(r"\w", rest)


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
        spans = scan_spans(texts)
        where.mark_quoted(spans, [p.id for p in art.paragraphs])
        last: RawQuote | None = None  # the quote of the previous span, when it was kept
        for span in spans:
            text = span.text.strip()
            pn, start, end = span.paragraph, span.start, span.end
            ptext = texts[pn]
            if last is not None and span.continues and last.position == pn - 1:
                last.text = f"{last.text} {text}".strip()  # one quote over a paragraph break
                # the attribution may follow the end ('…," said X.'): it wins over a speaker only
                # taken from the quote or sentence before
                if last.how in {"", "neighbour"}:
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
                    attribute(tail, own, index, None)
                    if (
                        tail.speaker_name is not None
                        and (tail.how != "neighbour" or not last.how)
                        and not _same_by_title(tail, last, index)
                        # '…," he said.' goes on with the speaker already found, whoever "he" resolves to
                        and (not last.how or not _PRONOUN_AFTER.match(tail.context.split(_PLACEHOLDER, 1)[-1]))
                    ):
                        last.speaker, last.speaker_name, last.how = tail.speaker, tail.speaker_name, tail.how
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
            if q.how in {"", "neighbour"} and pn + 1 < len(texts) and _ends_paragraph(ptext, end):
                _split_attribution(q, texts[pn + 1], own, index)
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
