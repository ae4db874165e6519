"""Who said a quote: the attribution patterns news uses and the neighbours of the quote.

Speakers come from the patterns news uses, tried in order on the paragraph with the quote
replaced by a placeholder: ``"…," X said`` / ``said X``, ``X said … "…"``, ``according to X``,
``X told Y``, ``X: "…"``, ``X was quoted as saying``.  X is resolved to a story entity; a pronoun
("he said") goes to the nearest person mentioned before the quote in the same article
(:mod:`newsfuse.crosscheck.pronouns`), a description ("the prime minister") is kept or named
(:mod:`newsfuse.crosscheck.described`).  Then the quote's own sentence, then the quote or
sentence before it.  Interface: :func:`attribute`, :func:`split_attribution`,
:func:`continues_in_paragraph`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.crosscheck.described import (
    APPOSED_NAME,
    described_before_verb,
    described_speaker,
    name_description,
    trailing_name,
)
from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import IRREGULAR_VERBS, PERSON_TITLES, SPEECH_VERBS
from newsfuse.crosscheck.pronouns import (
    description_fits_pronoun,
    it_speaker,
    pronoun_speaker,
    same_sentence_sayer,
    they_speaker,
)
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.speech import (
    DESCRIBED,
    DESCRIBED_SAYER,
    FINITE_VERB,
    GO_ON,
    GROUP_BEFORE_VERB,
    INVERTING_VERBS,
    LOOK_BACK,
    NAME,
    NO_CLAUSE,
    OPENING_SUBORDINATE,
    PLACE_TYPES,
    PLACEHOLDER,
    POINT_OUT,
    POSSESSIVE_NAME,
    PREPOSITION_BEFORE,
    PRONOUNS,
    PUT_IT,
    QUOTED,
    QUOTING_VERBS,
    ROLES,
    VERBS,
    WORD,
    RawQuote,
    article_sents,
    own_sentences,
    person_like,
    place_like,
    resolve_name,
    sentence_of,
    subject_of_saying,
)
from newsfuse.text import STOPWORDS, fold

# Verbs of saying in attributions with an unnamed speaker.
# Verbs of saying that an unnamed speaker follows or precedes in the inverted form ('…," noted a
# commentator', '…," a host mused'): general English verbs of remarking, none taking a person as object.
_INVERTED_SAYS = (
    r"said|says|told|tells|added|adds|wrote|writes|explained|insisted|warned|asked|noted|notes|observed|observes"
    r"|remarked|remarks|commented|comments|argued|argues|recalled|recalls|replied|replies|continued|continues"
    r"|joked|jokes|admitted|admits|conceded|concedes|stressed|stresses|declared|declares|mused|muses|quipped|quips"
    r"|complained|complains|explains|insists|warns|asks|chanted|chant|shouted|shout|cried|yelled|emphasised"
    r"|emphasized|e-mailed|e-mails|emailed|" + GO_ON
)
# "a leading dissident", "one Asian critic", "another cautious Lind": an article and up to four
# words, the last no pronoun, article or conjunction ("stood in front of a large audience and said").
_ANY_DESCRIBED = (
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?!(?:who|which|that|he|she|they|it|the|a|an|and|or|but)\b)[A-Za-z][\w'’-]+"
)
# "the engineer", "the oil company": "the", up to two words, a common noun in lower case last.
_DEF_DESCRIBED = r"[Tt]he\s+(?:[\w'’-]+\s+){0,2}?(?!(?:who|which|that|he|she|they|it|the|a|an)\b)[a-z][\w'’-]+"
# A relative clause on a described speaker, up to its verb of saying ("who asked not to be named, ").
_WHO_CLAUSE = r"(?:who|whose)\s[^,.“”\"]{3,60}?,?\s*"
# What carries words without saying them: "according to a video" names no speaker.
_NO_MEDIUM = (
    r"(?!(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:video|footage|recording|tape|translation|transcript|photo|picture)s?\b)"
)
# A word of a description that is no clause (no verb, pronoun or conjunction of a clause).
_NO_VERB_WORD = (
    r"(?!(?:is|are|was|were|be|been|has|had|have|will|would|could|can|said|says|told|that|who|which|when|while|after"
    r"|he|she|they|it|we|I|but|as|if|because)\b)"
)
_OBJECT_WORDS = r"(?:for|of|from|including|with|to|about|the|against|on|and|or|by|at|in|into|than|like|a|an)"
# 'Ostrova: "…"'; not the listener in 'One resident told the BBC: "…"' (see _LISTENER_BEFORE)
_COLON_NAME = re.compile(rf"{NAME}\s*:\s*{PLACEHOLDER}")
_LISTENER_BEFORE = re.compile(r"\b(?:told|tells|telling|asked|asks|to)\s+(?:the\s+)?$", re.IGNORECASE)
# "This point was backed by Dr Jo Roe, leader of the team: '…'", "a view echoed by Lind": who agrees
# speaks the quote that follows.
_AGREED_BY = rf"\b(?:backed|echoed|supported|seconded|shared|endorsed|confirmed)\s+by\s+{NAME}"
# Reaction round-ups and press reviews: 'KARIM ROE, research fellow at the Institute "…"', 'P.J. Vance,
# the State Department spokesman, "…"', 'Valley Herald Editorial, May 18 "…"': a name opening the
# paragraph, an apposition without a verb (no auxiliary, past tense or verb of saying), and a quote that
# opens a sentence right after it (see :func:`_label_fits`).  t17-dev: 9 such quotes had no speaker.
_LABEL_WORD = rf"{_NO_VERB_WORD}(?![a-z]+ed\b)(?!(?:{VERBS})\b)"
_LABEL_NAME = re.compile(
    rf"^((?:[A-Z][\w'’.-]*\s){{0,4}}[A-Z][\w'’-]*),\s(?:{_LABEL_WORD}[^,“”\"\s]+(?:,?\s)){{1,16}}?\s*{PLACEHOLDER}"
)


# "Jo Roe, Middle East director at " right before the name of a body: the one holding the post.
_HOLDER_BEFORE = re.compile(rf"{NAME},\s(?:{_LABEL_WORD}[^,.“”\"\s]+\s){{1,8}}?$")


def _object_of_preposition(context: str, m: re.Match[str], index: EntityIndex | None) -> bool:
    """Is the name ``m`` found before a verb the object of a preposition after a common noun ("one
    supporter of Bush has told me", "an assessment of Tantawi warned")?  Not an office ("Secretary of
    State James Baker said"), and not the subject of "saying" ("with Crowley saying").  The name is the
    whole name it is part of ("at the Centers for Disease Control and Prevention made these comments":
    "Prevention" is found, the Centers are the object of "at")."""
    start = m.start(1)
    eid, shown = resolve_name(m.group(1), index) if index is not None else (None, None)
    whole = context.rfind(shown, 0, m.end(1)) if shown else -1
    if 0 <= whole < start and whole + len(shown or "") == m.end(1):
        start = whole
    before = PREPOSITION_BEFORE.search(context, 0, start)
    if before is None or re.match(r"\s+saying\b", context[m.end(1) :]):
        return False
    word = context[: before.start()].split()[-1:]
    if word and word[0][:1].isupper():
        # after a capitalised word only a body with its holder named before ("Daniel Jernigan, Deputy
        # Director of the Influenza Division at the Centers for …"), not "Bank of England Governor King"
        return (
            eid is not None
            and index is not None
            and index.type_of(eid) in {"organisation", "other"}
            and _HOLDER_BEFORE.search(context, 0, start) is not None
        )
    return bool(word)


# 'Robin Yassin-Kassab, author of The Road from Damascus: "…"': a name and its apposition as a label
# before a colon, opening the paragraph or after a colon or a stop.
_LABEL_BEFORE_COLON = re.compile(
    rf"(?:^|[:.!?]\s+)((?:[A-Z][\w'’.-]*\s){{0,3}}[A-Z][\w'’-]*),\s(?:{_LABEL_WORD}[^,.:“”\"\s]+\s){{0,10}}?"
    rf"[^,.:“”\"\s]+:\s*{PLACEHOLDER}"
)


def _label_fits(q: RawQuote, name: str) -> bool:
    """A label names someone ("Indeed, a court …", "Chanting, …" do not) before a whole statement (a
    quote in lower case goes on the sentence: 'The Gulf, nowadays a resort, "looks like Mars"')."""
    first = name.split()[0]
    return q.text[:1].isupper() and fold(first) not in STOPWORDS and not first.endswith(("ing", "'s", "’s"))


# "Ostrova on Monday said '…'"; the words between are no new clause ("Lind met Drost and he said")
_SUBORDINATE_NAME = re.compile(r"(?:After|Before|When|While|As|Since|Although|Though|If|Because|Once|Until)(?:\s|$)")
_WHO_CLAUSE_THEN_VERB = re.compile(
    rf"(?:^|[.!?]\s+)((?:(?!{PLACEHOLDER})[A-Z][\w'’.-]*\s){{1,3}}(?!{PLACEHOLDER})[A-Z][\w'’-]*),\s+(?:who|whose)\s"
    rf"[^,.;:“”\"]{{3,80}}?\s+(?:{VERBS})\b"
    rf"[^.“”\"]{{0,40}}?:?\s*{PLACEHOLDER}"
)
_BETWEEN_NAME_AND_VERB = re.compile(rf"{NAME}\s+((?:{NO_CLAUSE}\w+\s+){{0,4}})(?:{VERBS})\b[^.]*?{PLACEHOLDER}")
# '"…," the Fed said in a statement', "the Pentagon said": a name after "the" is a body's, even a
# one-word name the story did not type (which elsewhere is most often a capitalised opener)
_THE_NAME_SAYS = re.compile(
    rf"{PLACEHOLDER}[,.!?]?\s*[Tt]he\s+((?:[A-Z][\w'’.&-]*\s+){{0,3}}[A-Z][\w'’&-]*)\s+(?:also\s+)?(?:{_INVERTED_SAYS})\b"
)
# '"…," Xinhua quoted him as saying', '"…," the Egyptian daily al-Tahrir quoted Moussa as saying': the one
# quoted speaks, never the agency quoting (when "him"
# names no one the story knows, the speaker stays unknown)
_QUOTED_AS_SAYING = re.compile(
    rf"{PLACEHOLDER}[,.!?]?\s*(?:[\w'’.-]+\s+){{1,8}}?quoted\s+(him|her|them|(?:[A-Z][\w'’.-]*\s){{0,3}}[A-Z][\w'’-]*)"
    r"\s+as\s+saying\b"
)
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}
# A name right before a quote (nothing between but the opening mark): 'Piet Roe "said …"'.
_NAME_BEFORE_QUOTED_VERB = re.compile(rf"((?:[A-Z][\w'’.-]*\s){{0,3}}[A-Z][\w'’-]*)\s*{PLACEHOLDER}")
_SAYING_WORDS = frozenset(_INVERTED_SAYS.split("|"))
_PATTERNS = [
    _QUOTED_AS_SAYING,
    # '"…," it said': a body's statement (see :func:`pronouns.it_speaker`)
    re.compile(
        rf"{PLACEHOLDER}[,.!?]?\s*(it)\s+(?:also\s+)?(?:said|says|added|adds|stated|wrote|writes|reported|reports)\b"
    ),
    # "…," Landis at Oklahoma University said / a representative of one state at the League told
    re.compile(
        rf"{PLACEHOLDER}[,.!?]?\s*(?:[-–—]\s*)?{NAME}(?:\s+(?:of|from|at|in|with|for)\s+[^,.“”\"]{{2,60}}?)?"
        rf"\s+(?:also\s+|further\s+|then\s+)?(?:{VERBS})\b"
    ),
    _THE_NAME_SAYS,
    # "…," a Gulf-based diplomat who declined to be named said
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*{NAME},?\s+(?:who|whose)\s[^,.“”\"]{{3,60}}?,?\s+(?:{VERBS})\b"),
    # "…," Joe Stork, deputy director at the group, said
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*{NAME},\s[^,.“”\"]{{3,90}},\s*(?:also\s+|further\s+|then\s+)?(?:{VERBS})\b"),
    # "…," Neil Fisher, vice president at Unisys Corp told Reuters
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*{NAME},\s[^,.“”\"]{{3,90}}?\s+(?:{VERBS})\b"),
    # "…," said U.S. State Department spokesman Mark Toner / said McCain senior adviser Mark Salter
    re.compile(
        rf"{PLACEHOLDER}[,.!?]?\s*(?:{VERBS})\s+(?:[A-Z][\w.'’-]*\s+){{1,5}}(?:[a-z][\w-]*\s+){{0,2}}{ROLES}"
        r"\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})"
    ),
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*(?:{VERBS})\s+{NAME}"),
    re.compile(rf"{NAME}\s+(?:was|were)\s+quoted\s+as\s+saying\b"),
    # "Reverend Al Sharpton, who presided over Jackson's memorial service last year said: '…'": a
    # relative clause the writer did not close with a comma; the verb is the name's, not the clause's
    # last name's (only a name opening the sentence: in "…, said Jo Roe, an engineer with Vell Marine,
    # who later added …" the clause is Roe's, not the company's)
    _WHO_CLAUSE_THEN_VERB,
    _BETWEEN_NAME_AND_VERB,
    # "Norvale's treaties, the Times said, '…'": an attribution set off by commas right before the quote
    re.compile(rf",\s+((?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s+(?:{VERBS}),\s*{PLACEHOLDER}"),
    # 'Said one former official: "…"', 'Said Lind: "…"': the verb first, opening the sentence
    re.compile(
        rf"(?:^|[.!?]\s+)Said\s+({_ANY_DESCRIBED}|(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s*[:,]\s*{PLACEHOLDER}"
    ),
    # 'Phillips ducks: "…"': a name and one verb opening the sentence, a colon, the quote
    re.compile(rf"(?:^|[.!?]\s+)((?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]*)\s+[a-z]+(?:s|ed)\s*:\s*{PLACEHOLDER}"),
    # "Lind, the chief of the Harbour Trust, which represents most ports, said": a description in apposition
    # (lower case first, or three words or more: "The paper, Youth and Extremism, which …, said") and a
    # relative clause on it (not "In an interview with CNN, Lind, who was freed on Monday, said")
    re.compile(
        rf"{NAME},\s(?=[a-z]|(?:[^,.“”\"\s]+\s){{2}}[^,.“”\"\s])[^,.“”\"]{{3,160}},\s*(?:which|who|whose)\b[^,.“”\"]{{3,90}},"
        rf"\s*(?:\w+\s+){{0,2}}(?:{VERBS})\b[^.]*?{PLACEHOLDER}"
    ),
    # Ostrova, the foreign minister, said that "…" (an apposition, not a clause: "Lind, Quill did not answer, saying")
    re.compile(
        rf"{NAME},\s(?:(?!\b(?:did|does|do|is|was|were|are|has|had|have|will|would|could)\b)[^,.“”\"]){{3,160}},"
        rf"\s*(?:\w+\s+){{0,2}}(?:{VERBS})\b[^.]*?{PLACEHOLDER}"
    ),
    # "…, echoed by Press Secretary Mara Quill, who told reporters '…'": the saying in the relative clause
    re.compile(rf"{NAME},\s+who\s+(?:also\s+)?(?:{VERBS})\b[^,.“”\"]{{0,40}}?[:,]?\s*{PLACEHOLDER}"),
    # Ostrova, who has ruled for ten years, said: "…" (a relative clause after the subject)
    re.compile(rf"{NAME},\s+(?:who|whose)\s[^,.“”\"]{{3,90}}?,\s*(?:\w+\s+){{0,2}}(?:{VERBS})\b[^.]*?{PLACEHOLDER}"),
    re.compile(rf"[Aa]ccording\s+to\s+{NAME}"),
    # "in the words of one analyst", "the remarks of Vice President Piet Roe …: '…'" (not "the words of
    # RUSI's director, Jan Roe:", where the name after the possessive is found by the patterns below)
    re.compile(
        rf"{PLACEHOLDER}[^.“”\"]{{0,60}}?\bin\s+the\s+words\s+of\s+({_ANY_DESCRIBED}|(?:[A-Z][\w'’.-]*\s){{0,3}}[A-Z][\w'’-]*)"
    ),
    re.compile(
        rf"\b(?:remarks|words|comments|statement)\s+of\s+((?:[A-Z][\w.-]*\s){{0,5}}[A-Z][\w-]*)(?!['’])[^.“”\"]{{0,80}}?:\s*"
        rf"{PLACEHOLDER}"
    ),
    # "General Jan Roe's infamous comment that '…'", "Lind's words: '…'": a possessive name and a noun
    # of saying right before the quote; the possessor spoke
    re.compile(
        rf"(?<![\w-])((?:[A-Z][\w.-]*\s){{0,3}}[A-Z][\w-]*)['’]s\s+(?:[a-z]+\s+){{0,2}}?"
        r"(?:comments?|remarks?|words|statement|claim|warning|assertion|argument|promise|pledge|boast|quip|reply)"
        rf"\s*(?:that\s+|[:,]\s*)?{PLACEHOLDER}"
    ),
    # press reviews: 'Maksim Yusin in Russia's Kommersant: "…"'
    re.compile(rf"^{NAME}\s+in\s+(?:[A-Z][\w'’-]*\s*){{1,4}}:?\s*{PLACEHOLDER}"),
    re.compile(rf"{_AGREED_BY}(?:,\s[^:“”\"]{{3,120}}?)?:\s*{PLACEHOLDER}"),
    _LABEL_BEFORE_COLON,  # (before the name right at the colon: "author of The Road: '…'")
    _COLON_NAME,
    _LABEL_NAME,
    re.compile(rf"{NAME}\s+told\s+"),
    # an unnamed speaker whatever the noun ('…," said a leading dissident in the city', 'as one
    # Asian critic told Reuters: "…"', '…," a cautious Lind said'), after every named pattern
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*(?:{_INVERTED_SAYS})\s+({_ANY_DESCRIBED})"),
    # '"…," chanted 20,000 protesters', 'shouted thousands of demonstrators': a counted group after the verb
    re.compile(
        rf"{PLACEHOLDER}[,.!?]?\s*(?:{_INVERTED_SAYS})\s+((?:\d{{1,3}}(?:,\d{{3}})*|[Hh]undreds\s+of|[Tt]housands\s+of"
        r"|[Dd]ozens\s+of)\s+[a-z][\w'’-]+)"
    ),
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*({_ANY_DESCRIBED})\s+(?:{_INVERTED_SAYS})\b"),
    # '"…," says 53-year-old pharmacist, Gandi Kalouni.', '"…," said his father, Daoud, 59.': a description,
    # a comma, the name (and an age) closing the sentence
    re.compile(
        rf"{PLACEHOLDER}[,.!?]?\s*(?:{_INVERTED_SAYS})\s+(?:[\w'’-]+\s+){{0,4}}?[a-z][\w'’-]*,\s+"
        r"((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*)(?:,\s*\d{1,3})?\s*[.!?]?$"
    ),
    # '"…," Sen. Jim Bunning (R-Ky.)': a lawmaker with a party tag after the quote, the verb lost in the crawl
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*((?:[A-Z][\w.'’-]*\s+){{0,4}}[A-Z][\w'’-]*)\s*\([DRI]-[A-Z][\w.]*\)\.?\s*$"),
    # (not a participle: "one slogan shouted by the crowd was '…'")
    re.compile(
        rf"(?<![\w-])({_ANY_DESCRIBED})\s+(?:{_INVERTED_SAYS}|{PUT_IT}|{POINT_OUT})\b(?!\s+by\b)[^.]*?{PLACEHOLDER}"
    ),
    # "One industry insider, who asked not to be named, said: '…'" (and after the quote)
    # (not an apposition: "Gov. Rick Perry, a fellow Republican, who said": Perry's)
    re.compile(rf"(?<![\w-])(?<!,\s)({_ANY_DESCRIBED}),\s+{_WHO_CLAUSE}(?:{_INVERTED_SAYS})\b[^.]*?{PLACEHOLDER}"),
    re.compile(rf"{PLACEHOLDER}[,.!?]?\s*({_ANY_DESCRIBED}),\s+{_WHO_CLAUSE}(?:{_INVERTED_SAYS})\b"),
    # "according to one participant" (not '"…," Lind said, according to a CNN translation': Lind's; not a
    # medium: "read placards …, according to a video")
    re.compile(rf"\b[Aa]ccording\s+to\s+{_NO_MEDIUM}({_ANY_DESCRIBED})\b[^.]*?{PLACEHOLDER}"),
    re.compile(rf"{PLACEHOLDER}(?:(?!\b(?:{VERBS})\b)[^.])*?\b[Aa]ccording\s+to\s+{_NO_MEDIUM}({_ANY_DESCRIBED})\b"),
]
# A definite description before its verb ('…," the engineer said'; "said the crowds …" is what was
# said), taken only when nothing else names the speaker: the story may name who "the general" is.
# ('…," the commentator who requested anonymity said', '…," said the boy who declined to give his name';
# "The man wielding the knife said, tauntingly, to the first: '…'": one opening the sentence, its verb,
# the quote after a colon)
_DEF_DESCRIBED_OPENING = re.compile(
    rf"(?:^|[.!?]\s+)({_DEF_DESCRIBED})(?:\s+[a-z]+ing\b[^,.:;“”\"]{{0,40}}?)?\s+(?:{_INVERTED_SAYS})\b"
    rf"[^.“”\"]{{0,60}}?:\s*{PLACEHOLDER}"
)
_DEF_DESCRIBED_SAYS = re.compile(
    rf"{PLACEHOLDER}[,.!?]?\s*(?:({_DEF_DESCRIBED})(?:,?\s+{_WHO_CLAUSE})?\s+(?:{_INVERTED_SAYS})\b"
    rf"|(?:{_INVERTED_SAYS})\s+({_DEF_DESCRIBED})\s+who\b)"
)

# "…," Nobel laureate and party founder Mara Quill tweets / Lind's team-mate Pavel Drost said: the name
# right before the verb, after a description with no clause in it whose last word is no preposition
# ("…," the lawyer for Mara Quill said is the lawyer's)
_NAME_AFTER_DESCRIPTION = re.compile(
    rf"{PLACEHOLDER}[,.!?]?\s*(?:[-–—]\s*)?(?:{_NO_VERB_WORD}[\w'’.-]+\s+){{0,7}}(?!{_OBJECT_WORDS}\b)[a-z][\w'’-]*\s+"
    rf"((?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]*)\s+(?:{VERBS})\b"
)


# '…," says 20-year-old AmeriCorps worker Kyla Philbrook, of Albany': the inverted form, the name closing
# a description after the verb (before a comma, a stop or "of/from/at/in/who"); people only.
_INVERTED_NAME_AFTER_DESCRIPTION = re.compile(
    rf"{PLACEHOLDER}[,.!?]?\s*(?:{_INVERTED_SAYS})\s+(?:{_NO_VERB_WORD}[\w'’.-]+\s+){{0,6}}?(?!{_OBJECT_WORDS}\b)"
    rf"[a-z][\w'’-]*\s+((?:[A-Z][\w'’.-]*\s+){{1,2}}[A-Z][\w'’-]*)(?=[,.;]|\s+(?:of|from|at|in|who)\b)"
)

# How many matches of one attribution pattern are tried, left to right, before the next pattern.
_PATTERN_TRIES = 4

# Text between two quotes of a paragraph that can be their attribution alone ('," he said. "').
_ATTRIBUTION_CHARS = 80


def _speaker_from_match(
    q: RawQuote, name: str, described_from: str, sents: Sequence[Sent], index: EntityIndex | None
) -> bool:
    """Set the speaker from a name an attribution pattern found; False when it names no speaker."""
    # a conjunction swept into a name ("And I said", "But Lind said") is no part of it; "I" is no one
    # (nor is a subordinator before "I": "When I formally reported …, I said" is the writer's)
    name = re.sub(r"^(?:And|But|So|Or|Then|Yet|Now)\s+(?=\S)", "", name)
    name = re.sub(r"^(?:When|While|As|After|Before|If|Because|Although|Though|Since|Once|Until)\s+(?=I\b)", "", name)
    if name == "it":
        # '"…," it said': a body that said something just before, else unknown
        if index is not None:
            q.speaker, q.speaker_name = it_speaker(q, sents, index)
        return q.speaker_name is not None
    if name.lower() == "they":
        # "they" is never one person: a body or a group that spoke just before, else unknown
        if index is not None:
            q.speaker, q.speaker_name = they_speaker(q, sents, index)
        return q.speaker_name is not None
    if name.lower() in PRONOUNS:
        if index is not None:
            at = len(q.context) - len(described_from)
            q.speaker, q.speaker_name = same_sentence_sayer(q, at, sents, index, name)
            if q.speaker is None:
                q.speaker, q.speaker_name = pronoun_speaker(q, sents, index, name)
        return q.speaker_name is not None
    if (fold(name.split()[0]) in STOPWORDS and len(name.split()) == 1) or name in {"I", "We"}:
        return False
    # "Haskarov's spokesman", "Michael Lind's brother Marlon": a possessive ends the name found
    if DESCRIBED.match(name) or POSSESSIVE_NAME.search(name.split()[0]) or POSSESSIVE_NAME.search(name.split()[-1]):
        rest = DESCRIBED.sub("", name)
        # "The LCC said": a name after the article; not "A US state department official said", where
        # the description goes on in lower case after the name
        goes_on = described_from[len(name) :].split()[:1]
        described_on = (
            bool(goes_on)
            and goes_on[0][:1].islower()
            and goes_on[0] not in SPEECH_VERBS
            and goes_on[0] not in STOPWORDS  # "The LCC also reported": an adverb, the name is the subject
            and not goes_on[0].endswith("ly")
        )
        if (
            DESCRIBED.match(name)
            and rest[:1].isupper()
            and not described_on
            and not POSSESSIVE_NAME.search(rest.split()[0])
        ):
            eid, shown = resolve_name(rest, index)  # "The LCC": a name after the article
            if eid is not None and not place_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        # a described speaker ("an NSF military spokesman", "Haskarov's spokesman") is not the entity it names
        described = re.split(
            # ... or a reduced relative clause ("An IMF report released on Monday said")
            rf"[,:]|\s+(?:{VERBS}|{_INVERTED_SAYS}|was|were|in|on|at|also|further|then|had|has|have|is|who|whose|whom"
            r"|released|published|issued|obtained|seen|posted|broadcast|aired"
            # ... or a clause of time or manner after it ("one of the men as he shielded his face", "one
            # refugee just 30 minutes after he crossed"; "a man with a gun", not "a diplomat familiar with")
            r"|as|while|when|because|(?<!familiar\s)with"
            r"|(?:just\s+)?(?:\d+\s+|a\s+few\s+|few\s+|several\s+)?(?:seconds|minutes|hours|days|weeks|months|moments"
            r"|shortly|soon)\s+(?:after|before)"
            r"|after|before)\b",
            described_from,
            maxsplit=1,
        )[0]
        before = q.context[: len(q.context) - len(described_from)].split()[-1:]
        q.speaker, q.speaker_name = None, _subject_phrase(described.strip(" ,."), before[0] if before else "")
        if POSSESSIVE_NAME.search(q.speaker_name or "") and " " not in (q.speaker_name or "").strip():
            q.speaker, q.speaker_name = None, None
            return False  # "Dudley's" alone names whose words they are about, not who speaks
        # "a cautious Vettel", "the group's chief executive Malcolm Webb": the person named at the end,
        # unless a preposition makes the name an object ("a spokesperson for Mr Sechin")
        tail = trailing_name(q.speaker_name or "")
        if tail is not None and index is not None:
            eid, shown = resolve_name(tail, index)
            if eid is not None and person_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        named = APPOSED_NAME.match(described_from, len(described))
        if named is not None:  # "the prime minister, Oskar Lind, said": the name is shown
            eid, shown = resolve_name(named.group(1), index)
            if eid is None or index is None or person_like(eid, index):
                q.speaker, q.speaker_name = eid, shown
                return True
        eid = described_speaker(q.speaker_name, index)
        if eid is not None:
            ent = index.get(eid) if index else None
            q.speaker, q.speaker_name = eid, ent.name if ent else q.speaker_name
        return True
    eid, shown = resolve_name(name, index)
    if eid is None and index is not None:
        # "On Tuesday Secretary of State Hillary Clinton said": the capitalised run closest before
        # the verb that names someone the story knows is the speaker, not the opener
        head = re.split(rf"\b(?:{VERBS})\b", described_from, maxsplit=1)[0]
        for run in reversed(re.findall(r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*", head)):
            known, known_name = resolve_name(run, index)
            if known is not None and not place_like(known, index):
                eid, shown = known, known_name
                break
    if place_like(eid, index):
        return False  # "In Damascus, ..." names where, not who
    if eid is None and index is not None and len(name.split()) == 1:
        # one capitalised word the story's names do not know is a modifier or an opener, not a
        # speaker: "Arab states led by ... have called", "An official Syrian statement said"
        return False
    if eid is not None and index is not None and index.type_of(eid) in {"organisation", "other"}:
        # "Jean Fignole of Action Aid in Haiti tells the BBC", "Jo Roe of Irish charity Goal told", "Jo
        # Roe from the University of Tallor told": the one of (or from) the body speaks
        of = _PERSON_OF_BEFORE.search(q.context, 0, len(q.context) - len(described_from))
        if of is not None:
            person, person_name = resolve_name(of.group(1), index)
            if person is not None and person != eid and index.type_of(person) in {"person", "other"}:
                eid, shown = person, person_name
    q.speaker, q.speaker_name = eid, shown
    return True


# "Jo Roe of (Irish charity) " or "Jo Roe from the University of " right before the name of the body a
# pattern found.
_PERSON_OF_BEFORE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]*),?\s+(?:of|from)\s+(?:[\w'’.-]+\s+){0,4}$"
)


_PREPOSITIONS = frozenset("in on at with during after before from by".split())


def _subject_phrase(described: str, before: str) -> str:
    """The phrase of a described speaker that is the subject: after a preposition the description
    is an adverbial, and the next article opens the subject ("In a statement the family said" ->
    "the family", "In its statement the board said" -> "the board")."""
    words = described.split()
    if before.lower() not in _PREPOSITIONS:
        return described
    k = next((k for k in range(1, len(words)) if words[k].lower() in {"the", "a", "an"}), None)
    return " ".join(words[k:]) if k is not None else described


def _in_sentence_speaker(
    q: RawQuote, own: Sequence[Sent], text: str, sents: Sequence[Sent], index: EntityIndex
) -> bool:
    """Who does the saying in the quote's own sentence, when a quoting verb is there ("he" resolved)."""
    outside = QUOTED.sub(" ", text.replace(PLACEHOLDER, " "))
    if not any(w.lower() in QUOTING_VERBS for w in WORD.findall(outside)):
        return False
    eid = subject_of_saying(text, own, index, exclude=q.text)
    if eid is None:
        described = described_before_verb(text)
        if described is not None:
            q.speaker, q.speaker_name = None, described
            return True
        pronoun = re.search(r"\b(?:he|she|He|She)\b", outside)
        if pronoun is not None:
            q.speaker, q.speaker_name = pronoun_speaker(q, sents, index, pronoun.group())
            return q.speaker_name is not None
        return False
    ent = index.get(eid)
    q.speaker, q.speaker_name = eid, ent.name if ent else None
    return True


# The verbs news puts before their subject, as one alternation ('…," said Ostrova').
_INVERTING = "|".join(sorted(INVERTING_VERBS))

_PREVIOUS_PATTERNS = [
    re.compile(_AGREED_BY),
    # "Ona Vell of Harbour Aid tells the BBC …": the one of the organisation speaks
    re.compile(
        rf"(?<![\w-])((?:[A-Z][\w'’.-]*\s){{1,4}}[A-Z][\w'’-]*)\s+(?:of|from|at|with)\s+(?:[\w'’.-]+\s+){{1,5}}?(?:{VERBS})\b"
    ),
    re.compile(rf"{NAME}\s+(?:{NO_CLAUSE}\w+\s+){{0,2}}(?:{VERBS})\b"),
    re.compile(rf"{NAME},\s[^,.“”\"]{{3,90}},\s*(?:\w+\s+){{0,2}}(?:{VERBS})\b"),
    re.compile(rf"\b(?:{_INVERTING})\s+{NAME}"),
    re.compile(rf"[Aa]ccording\s+to\s+{NAME}"),
]


def attribute(q: RawQuote, sents: Sequence[Sent], index: EntityIndex | None, previous: RawQuote | None = None) -> None:
    """Find the speaker (:func:`_attribute`); a described one ("the prime minister") is then named
    when the article gives exactly one person that office."""
    _attribute(q, sents, index, previous)
    if q.speaker_name is None:
        m = _DEF_DESCRIBED_SAYS.search(q.context) or _DEF_DESCRIBED_OPENING.search(q.context)
        g = 1 if m is not None and m.group(1) else 2
        if m is not None and _speaker_from_match(q, m.group(g).strip(), q.context[m.start(g) :], sents, index):
            q.how = "pattern"
    name_description(q, sents, index)
    joint_speakers(q, index)


# People named together, joined by "and" (and commas), right before a verb of saying or right after an
# inverted one: they speak together ("Sarkozy and Merkel said", "their brothers Marlon, Tito and Jackie said",
# '"…," said Piet Varga and Marta Dorn'), and the quote is not the one named nearest the verb.
_NAME_RUN = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*"
_NAMES_JOINED = rf"((?:{_NAME_RUN},\s+)*{_NAME_RUN},?\s+and\s+{_NAME_RUN})"
_JOINT_BEFORE = re.compile(rf"{_NAMES_JOINED}\s+(?:both\s+|also\s+|jointly\s+)?(?:{VERBS})\b")
_JOINT_AFTER = re.compile(rf"{PLACEHOLDER}[,.!?]?\s*(?:{_INVERTING})\s+{_NAMES_JOINED}(?![\w'’-])")
_JOINED_SPLIT = re.compile(r",?\s+and\s+|,\s+")
# Initials before a name ("U.S.", "UK"), dropped with titles when a joined name is looked up.
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?|[A-Z]{2,3}")


def _person_named(text: str, index: EntityIndex) -> str | None:
    """The person (or untyped name) a name written with or without its title names ("Prime Minister
    David Cameron"); None for a body or a place."""
    words = text.replace(PLACEHOLDER, " ").split()
    for k in range(len(words)):
        eid = index.resolve(" ".join(words[k:]))
        if eid is not None:
            # (a one-word untyped name counts here: named with people, "Marlon, Tito and Jackie", it is one)
            return eid if index.type_of(eid) in {"person", "other"} else None
        if fold(words[k]).rstrip(".") not in PERSON_TITLES and not _INITIALS.fullmatch(words[k]):
            return None  # only titles and initials ("U.S. President …") are dropped from the front
    return None


def joint_speakers(q: RawQuote, index: EntityIndex | None) -> None:
    """When the person found speaks together with others named with them (above), the speaker is all
    of them as written, with no one entity."""
    if (
        q.speaker is None
        or index is None
        or index.type_of(q.speaker) not in {"person", "other"}
        or place_like(q.speaker, index)
    ):
        return
    for rx in (_JOINT_BEFORE, _JOINT_AFTER):
        for m in rx.finditer(q.context):
            joined = " ".join(w for w in m.group(1).split() if w != PLACEHOLDER)
            if POSSESSIVE_NAME.search(joined) or joined.endswith(("'", "’")):
                continue  # "in response to Cynthia Haycock and Rhiannon Williams' comments": whose, not who
            eids = [_person_named(x, index) for x in _JOINED_SPLIT.split(joined)]
            # every one named is a person the story knows, each another ("Marlon, Tito and Jackie")
            if q.speaker in eids and None not in eids and len(set(eids)) == len(eids) >= 2:
                q.speaker, q.speaker_name = None, joined
                return


def _first_name_label(q: RawQuote, m: re.Match[str], sents: Sequence[Sent], index: EntityIndex) -> bool:
    """'Mara Quill of Tallor is looking for her family: Mara: "…"': a one-word label before the quote is
    the person introduced just before (in the paragraph or the sentence before) with that first name,
    or by that word alone as the subject of a sentence ("Mara from Tallor writes …")."""
    word = m.group(1).strip()
    if " " in word or not word[:1].isupper() or fold(word) in STOPWORDS:
        return False
    _, _, before = own_sentences(q, sents)
    texts = [QUOTED.sub(" ", q.context[: m.start(1)])] + ([QUOTED.sub(" ", before.text)] if before else [])
    for text in texts:
        full = re.search(rf"(?<![\w-]){re.escape(word)}((?:\s[A-Z][\w'’-]*){{1,2}})(?![\w'’-])", text)
        if full is not None:
            q.speaker, q.speaker_name = resolve_name(full.group(), index)
            return True
        if resolve_name(word, index)[0] is None and re.search(rf"(?:^|[.!?:]\s+){re.escape(word)}\s+[a-z]", text):
            q.speaker, q.speaker_name = None, word
            return True
    return False


def _name_after_description(q: RawQuote, index: EntityIndex) -> bool:
    """'…," Nobel laureate and party founder Mara Quill wrote': the person named right before the
    verb; only people ('…," state TV reported' is a relay, not the speaker: the patterns before
    this one would name who was quoted)."""
    m = _NAME_AFTER_DESCRIPTION.search(q.context) or _INVERTED_NAME_AFTER_DESCRIPTION.search(q.context)
    if m is None:
        return False
    eid, shown = resolve_name(m.group(1), index)
    if eid is None or not person_like(eid, index) or place_like(eid, index):
        return False
    q.speaker, q.speaker_name = eid, shown
    return True


_OBJECT_PREPOSITIONS = frozenset("of for from at in with to by on".split())


def _person_before_verb(q: RawQuote, between: str, index: EntityIndex) -> bool:
    """'UN peacekeeping chief Herve Ladsous told …': of the names before the verb, the subject is the
    person right before it, not the organisation (or place) whose office the words between describe."""
    runs = list(re.finditer(r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*", between))
    if not runs:
        return False
    before = between[: runs[-1].start()].split()
    if before and before[-1].lower() in _OBJECT_PREPOSITIONS:
        return False  # "The US Secretary of State said": an object of the office, not its holder
    eid, shown = resolve_name(runs[-1].group(), index)
    if eid is None or index.type_of(eid) != "person":
        return False
    q.speaker, q.speaker_name = eid, shown
    return True


def _attribute(q: RawQuote, sents: Sequence[Sent], index: EntityIndex | None, previous: RawQuote | None) -> None:
    """Find the speaker: attribution patterns, then the quote's own sentence, then its neighbours.

    A quote standing alone in its sentence takes the speaker of the quote just before it (in the
    same or the previous paragraph: the news convention for a statement going on), else the
    speaker the sentence before it attributes something to ("Ostrova told reporters on Tuesday.
    'We ...'").  Nothing found: the speaker stays unknown rather than guessed.
    """
    # 'Piet Roe "said the situation … sounded like a ticking bomb."': the quoted words open on the verb
    # of saying whose subject is the name right before them
    glued = _NAME_BEFORE_QUOTED_VERB.search(q.context)
    first = q.text.split()[0].lower() if q.text.split() else ""
    if (
        glued is not None
        and first in _SAYING_WORDS
        and _speaker_from_match(q, glued.group(1), q.context[glued.start(1) :], sents, index)
    ):
        q.how = "pattern"
        return
    for rx in _PATTERNS:
        pos = 0
        for _ in range(_PATTERN_TRIES):  # "In his comments, Mr X told ...": "In" is no one, try further on
            m = rx.search(q.context, pos)
            if m is None:
                break
            if rx is _COLON_NAME and _LISTENER_BEFORE.search(q.context, 0, m.start(1)):
                pos = m.end(1)  # 'told the BBC: "…"': who was told (the whole name), not who speaks
                continue
            if (rx is _LABEL_NAME or rx is _LABEL_BEFORE_COLON) and not _label_fits(q, m.group(1)):
                break
            if rx is _COLON_NAME and index is not None and _first_name_label(q, m, sents, index):
                q.how = "pattern"
                return
            if rx is _COLON_NAME and _object_of_preposition(q.context, m, index):
                break  # 'the regular chants against President Bashar al-Assad: "…"': whom it is against
            if rx is _BETWEEN_NAME_AND_VERB and _object_of_preposition(q.context, m, index):
                holder = _HOLDER_BEFORE.search(q.context, 0, m.start(1))
                if holder is not None and _speaker_from_match(
                    q, holder.group(1), q.context[holder.start(1) :], sents, index
                ):
                    q.how = "pattern"  # "Jo Roe, Middle East director at Human Rights Watch said": Roe
                    return
                pos = m.end(1)  # "one supporter of Bush has told me": Bush is the object, not who speaks
                continue
            if rx is _BETWEEN_NAME_AND_VERB and _SUBORDINATE_NAME.match(m.group(1)):
                opener = OPENING_SUBORDINATE.match(q.context, m.start(1))
                quote_at = q.context.find(PLACEHOLDER, m.end(1))
                if (
                    opener is not None
                    and opener.end() < quote_at
                    # the main clause has its own verb of saying ("As one Egyptian tweeted …, '…'" has not)
                    and re.search(rf"\b(?:{VERBS})\b", q.context[opener.end() : quote_at]) is not None
                ):
                    pos = opener.end()  # "After BP announced the failure, Obama said …": Obama's
                    continue
            if rx is _THE_NAME_SAYS and index is not None:
                eid, shown = resolve_name(m.group(1), index)
                if eid is not None and index.type_of(eid) not in PLACE_TYPES:
                    q.speaker, q.speaker_name, q.how = eid, shown, "pattern"
                    return
            if rx is _BETWEEN_NAME_AND_VERB and index is not None and _person_before_verb(q, m.group(2), index):
                q.how = "pattern"
                return
            found = m.group(1).strip()
            at = m.start(1)
            if rx is _BETWEEN_NAME_AND_VERB and _SUBORDINATE_NAME.match(found):
                # the quote is the opening clause's own ("As USA Today noted, …, '…'"): its subject
                # speaks, without the conjunction
                found = _SUBORDINATE_NAME.sub("", found).strip()
                at = m.start(1) + m.group(1).find(found)
            if rx is _QUOTED_AS_SAYING:
                found = _SUBJECT_FORM.get(found, found)  # "quoted him": who "he" is
            if found and _speaker_from_match(q, found, q.context[at:], sents, index):
                q.how = "pattern"
                return
            if rx is _QUOTED_AS_SAYING:
                q.speaker, q.speaker_name = None, None
                return
            pronoun = m.group(1).strip().lower()
            unnamed = _unnamed_before(q, previous, pronoun) if pronoun in PRONOUNS else None
            if unnamed is not None:
                # '"…," an intelligence official said. But he added: "…"': no entity is "he", the
                # unnamed speaker of the quote right before is
                q.speaker, q.speaker_name, q.how = None, unnamed, "neighbour"
                return
            pos = m.start(1) + 1
    q.speaker, q.speaker_name = None, None
    if index is not None and _name_after_description(q, index):
        q.how = "pattern"
        return
    own, text, before = own_sentences(q, sents)
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
    standalone = not re.search(r"\w", text.replace(PLACEHOLDER, ""))
    close_previous = previous is not None and previous.speaker_name is not None and _just_before(previous, q)
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
    right_before = before
    for _ in range(LOOK_BACK):
        if before is None:
            break
        if _speaker_of_sentence(q, before, sents, index):
            q.how = "neighbour"
            return
        before = article_sents(q, sents).by_index.get(before.index - 1)
    if index is not None and right_before is not None and _sole_person(q, right_before, sents, index):
        q.how = "neighbour"


def _just_before(previous: RawQuote, q: RawQuote) -> bool:
    """Is ``previous`` a quote of ``q``'s article in the same or the previous paragraph?"""
    return previous.article == q.article and 0 <= q.position - previous.position <= 1


def _unnamed_before(q: RawQuote, previous: RawQuote | None, pronoun: str) -> str | None:
    """The unnamed speaker ("an intelligence official") of the quote right before ``q`` (same article,
    same or previous paragraph), if it has one that ``pronoun`` may stand for."""
    if previous is None or previous.speaker is not None or previous.speaker_name is None:
        return None
    if not _just_before(previous, q) or not description_fits_pronoun(previous.speaker_name, pronoun):
        return None
    return previous.speaker_name


# A subject's verb right after its name: a lower-case word in a past or present form, no conjunction.
_SUBJECT_VERB = re.compile(r"\s+(?!(?:and|or|with|of|who|whose)\b)[a-z]+(?:ed|s)\b")


def _sole_person(q: RawQuote, before: Sent, sents: Sequence[Sent], index: EntityIndex) -> bool:
    """A quote that opens a paragraph, with no attribution, is the words of the person the sentence
    right before opens with ("Dr Mara Quill, who led the team, disagrees. / '…'"), also when others are
    named after that person's own verb ("Quill challenged the figures of Lind and Vell."); with a second
    subject ("Quill and Lind said"), no one opening the sentence, or none there, unknown."""
    if q.ptext[: max(0, q.start - 1)].strip() or before.index in article_sents(q, sents).quoted:
        return False
    if before.paragraph == q.paragraph:
        return False
    text = QUOTED.sub(" ", before.text)
    people = {
        eid: (text.find(surface), surface)
        for surface, eid in index.in_sentence(before)
        if surface in text and index.type_of(eid) == "person" and not place_like(eid, index)
    }
    if not people:
        return False
    eid, (at, surface) = min(people.items(), key=lambda p: p[1][0])
    # the person opens the sentence, after titles only ("Dr Mara Quill, who led the team, ..."): the
    # subject; a person named later is mostly someone spoken of ("disputed a comment by Quill")
    if not re.fullmatch(r"[\s“\"‘(—–-]*(?:[A-Z][\w.'’-]*\s+)*", text[:at]) or text[:at].strip().startswith("The"):
        return False
    if len(people) > 1:
        # others named after the subject's own verb are who it speaks of ("Mr McKay challenged the
        # statements made by Mr Aziz and Mr Ramadan."), not a second subject ("Quill and Lind said")
        verb = _SUBJECT_VERB.match(text, at + len(surface))
        if verb is None or any(a < verb.end() for e, (a, _) in people.items() if e != eid):
            return False
    ent = index.get(eid)
    q.speaker, q.speaker_name = eid, ent.name if ent else None
    return True


def _after_quote(sent: Sent, previous: RawQuote, sents: Sequence[Sent]) -> bool:
    """Does ``sent`` start after the end of the quote ``previous`` (no part of it)?"""
    if sent.paragraph != previous.paragraph:
        return previous.order.get(sent.paragraph, -1) > previous.position
    located = article_sents(previous, sents).by_paragraph.get(sent.paragraph, [])
    start = next((a for a, _, s in located if s.index == sent.index), None)
    return start is not None and start > previous.end


def _sentence_gap(previous: RawQuote, q: RawQuote, sents: Sequence[Sent]) -> int:
    """How many sentences lie from the start of ``previous`` to the start of ``q`` (large when unknown)."""
    a, b = sentence_of(previous, sents), sentence_of(q, sents)
    return b - a if a is not None and b is not None and b >= a else 1 << 30


def _names_no_one(q: RawQuote, own: Sequence[Sent], text: str, index: EntityIndex) -> bool:
    """Does the quote's sentence, outside the quote, name no person or body, no pronoun and no
    described speaker?"""
    outside = QUOTED.sub(" ", text.replace(PLACEHOLDER, " "))
    if re.search(r"\b(?:he|she|they|it|we|I|you)\b", outside, re.IGNORECASE):
        return False
    if DESCRIBED_SAYER.search(outside) or GROUP_BEFORE_VERB.search(outside):
        return False
    for s in own:
        for surface, eid in index.in_sentence(s):
            if surface in outside and not place_like(eid, index):
                return False
    return True


# A quote's sentence that introduces it with a colon: its main clause (after an opening clause
# ending in a comma) and the subject that starts it ("As a critic in those days, she began to
# attack the plan: '...'" -> "she").
_COLON_INTRO = re.compile(r"(?:^|,\s+)([^,]{3,160}?):\s*$")
_CLAUSE_SUBJECT = re.compile(r"^(?:(he|she|He|She)|((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*))\s+[a-z]")


# "… from Tallor, " right before a clause: the clause is the rest of a place ("Tallor, New Velland").
_PLACE_BEFORE_COMMA = re.compile(r"\b(?:from|in|of|at|near)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,\s*$")
# After a subject: where it is from or whom it is of, then a verb (an auxiliary or an -ed/-s form).
_SUBJECT_THEN_VERB = re.compile(
    r"\s+(?:(?:from|of|in|at)\s+(?:(?:[A-Z][\w.'’&-]*|for|and|of|in|the),?\s+){1,8})?"
    rf"(?:{FINITE_VERB}|{'|'.join(sorted(IRREGULAR_VERBS, key=len, reverse=True))})\b"
)


def _colon_subject(q: RawQuote, text: str, sents: Sequence[Sent], index: EntityIndex) -> bool:
    """The speaker of a quote introduced by a colon: the subject of the clause before the colon,
    when it is a person named there or "he"/"she" (resolved to the last person before)."""
    head = QUOTED.sub(" ", text.split(PLACEHOLDER, 1)[0]).rstrip()
    m = _COLON_INTRO.search(head)
    if m is None:
        return False
    subj = _CLAUSE_SUBJECT.match(m.group(1).strip())
    if subj is None:
        return False
    if subj.group(1):
        q.speaker, q.speaker_name = pronoun_speaker(q, sents, index, subj.group(1))
        return q.speaker_name is not None
    if subj.group(2) == "It" and re.match(rf"It\s+(?:also\s+)?(?:{VERBS})\b", m.group(1).strip()):
        # "The paper describes … / It adds: '…'": the body or document said something just before
        q.speaker, q.speaker_name = it_speaker(q, sents, index)
        return q.speaker_name is not None
    eid, shown = resolve_name(subj.group(2), index)
    if eid is None or place_like(eid, index):
        return False
    if index.type_of(eid) == "other":
        # a name the story did not type is the subject only when its verb follows it, at most after
        # where it is from ("Mara Quill from Tallor is looking for her family: '…'", "Quill observed:
        # '…'"); a title, a heading or a description is not ("Tallor Post professor Lind did begin …")
        clause = m.group(1).strip()
        if not person_like(eid, index) or not _SUBJECT_THEN_VERB.match(clause, subj.end(2)):
            return False
        if _PLACE_BEFORE_COMMA.search(head, 0, m.start(1)):
            return False  # "Ivo Roe from Tallor, New Velland got in touch": the place goes on
    elif index.type_of(eid) not in {"person", "organisation"}:
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
    head = QUOTED.sub(" ", text.split(PLACEHOLDER, 1)[0])
    named = {
        eid for s in own for surface, eid in index.in_sentence(s) if surface in head and not place_like(eid, index)
    }
    if len(named) != 1:
        return False
    eid = named.pop()
    if index.type_of(eid) != "person":
        return False
    ent = index.get(eid)
    q.speaker, q.speaker_name = eid, ent.name if ent else None
    return True


# A paragraph that is only the attribution of the quote ending the paragraph before, split off by
# extraction: 'said Oskar Lind, a professor ...' or 'Oskar Lind, a professor ..., said on Monday.'
_SPLIT_SAID_FIRST = re.compile(rf"^\s*(?:[,–—-]\s*)?(?:{VERBS})\s+{NAME}")
_SPLIT_NAME_FIRST = re.compile(
    rf"^\s*(?:[,–—-]\s*)?{NAME}(?:,\s[^,.“”\"]{{3,90}},)?\s+(?:also\s+)?(?:{VERBS})"
    r"(?:\s+(?:on|late|early|earlier|later|last|this|yesterday|today|tonight|in\s+an?\s+(?:statement|interview))\b[^.]{0,40})?"
    r"\s*[.;]"
)


def split_attribution(q: RawQuote, following: str, sents: Sequence[Sent], index: EntityIndex | None) -> None:
    """Take the speaker from the next paragraph when it is only the attribution of this quote."""
    m = _SPLIT_SAID_FIRST.match(following)
    if m is not None and m.group(1).lower() in PRONOUNS:
        m = None  # 'said he' is rare; "said they were ..." is what was said
    if m is None:
        m = _SPLIT_NAME_FIRST.match(following)
    if m is None or m.group(1).lower() in PRONOUNS:
        return
    keep = q.speaker, q.speaker_name
    if _speaker_from_match(q, m.group(1).strip(), following[m.start(1) :], sents, index):
        q.how = "pattern"
        name_description(q, sents, index)
    else:
        q.speaker, q.speaker_name = keep


def _speaker_of_sentence(q: RawQuote, sent: Sent, sents: Sequence[Sent], index: EntityIndex | None) -> bool:
    """Take the speaker of a sentence that attributes something to someone ("Ostrova told reporters ...")."""
    if q.where is not None and sent.index in q.where.quoted:
        return False
    text = QUOTED.sub(" ", sent.text)
    for rx in _PREVIOUS_PATTERNS:
        m = rx.search(text)
        if m and _speaker_from_match(q, m.group(1).strip(), text[m.start(1) :], sents, index):
            return True
    q.speaker, q.speaker_name = None, None
    if index is not None:
        eid = subject_of_saying(sent.text, [sent], index)
        if eid is not None:
            ent = index.get(eid)
            q.speaker, q.speaker_name = eid, ent.name if ent else None
            return True
    return False


def continues_in_paragraph(last_end: int, q: RawQuote, sents: Sequence[Sent]) -> bool:
    """Is ``q`` the next sentences of the quote ending at ``last_end`` in ``q``'s paragraph, with only
    the attribution between them?"""
    between = q.ptext[last_end + 1 : max(last_end + 1, q.start - 1)]
    if len(between) > _ATTRIBUTION_CHARS or not re.search(r"[.:;,]\s*$", between):
        return False
    if not any(w.lower() in QUOTING_VERBS for w in WORD.findall(between)):
        return False
    _, text, _ = own_sentences(q, sents)
    # the next sentence ('"A," she said. "B."') or the rest of the same one ('"A," explains Ross, "b."');
    # what comes before the attribution is the quote before (whose opening mark may be in an earlier
    # paragraph: '…better," said Jan Roe, analyst at Vale & Co. "You have …"' is one sentence)
    cut = text.find(between.strip())
    after = text[cut + len(between.strip()) :] if cut >= 0 else text
    rest = QUOTED.sub(" ", after.replace(PLACEHOLDER, " "))
    return not re.search(r"\w", rest)
