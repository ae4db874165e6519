"""Entities of a story: people, organisations and places, merged across outlets.

Rule-based and corpus-driven (no model, no gazetteer):

- candidate names are runs of capitalised words ("Government of National Accord", "al-Sarraj"),
  split at possessives and stripped of leading titles, which also tell the type ("Field Marshal
  Khalifa Haftar" -> person "Khalifa Haftar");
- a sentence-initial word is only a name if the story never writes it in lowercase;
- type cues: a title before the name -> person, an organisation head word ("Army", "Ministry")
  -> organisation, "in X" / "X-based" -> place; the majority of cues wins;
- merging: names compare accent-folded and without particles ("al-"); a surname alone joins the
  one full name it ends; "Government of National Accord (GNA)" and initials ("Libyan National
  Army" / "LNA") link acronyms; transliteration variants match on their consonant skeleton
  (Haftar/Hifter -> "hftr", Sergey/Sergei -> "srg") when the spellings are also close.

An optional spaCy backend (``options.crosscheck.entity_backend = "spacy"``) takes candidate spans
from a locally installed spaCy model instead; the merging is the same.  Without spaCy or its model
the rule backend runs and the story gets a note.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any

from newsfuse.crosscheck.lexicon import (
    BODY_LINKS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_PREPS,
    SPEECH_VERBS,
)
from newsfuse.crosscheck.places import CAPITALS, CITY_AFTER, CITY_BEFORE, COUNTRIES, place_kind
from newsfuse.crosscheck.sentences import Sent
from newsfuse.model import Entity, EntityType, PlaceKind
from newsfuse.outlets import known_outlet
from newsfuse.text import STOPWORDS, fold, is_title, words
from newsfuse.unionfind import UnionFind

# A name token: initials with their stops ("U.S.", "P.J.", "H.W.": the last stop is the initial's, so
# "P.J. Crowley" is one name and "U.S." is not shown as "U.S"), a capitalised word (hyphenated parts
# allowed), an acronym, or a particle joined to a capitalised word by a hyphen ("al-Sarraj").
_TOKEN = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ]\.){2,}(?![\w-])|(?:(?:al|el|ad|as|ash|bin|ibn|abu|abd)-)?[A-ZÀ-ÖØ-Þ][\w'’.-]*\w|[A-ZÀ-ÖØ-Þ]|[\w'’]+"
    r"|[^\w\s]"
)
# Words that head a place's name before "of" ("Gulf of Mexico", "Isle of Wight").
_PLACE_HEADS = frozenset(
    "gulf bay isle island islands sea ocean strait straits cape lake mount port city state states republic "
    "kingdom province county district region valley river coast".split()
)
# Lowercase connectors allowed inside a name when a capitalised word follows.
# Common nouns news puts right before a body's name ("the newspaper Kelmarsh", "carmaker Velland"),
# general vocabulary: the name after them is no person, whatever verb follows it.  (Not "producer" or
# "operator": "pork producer Craig Rowles" and "TV producer Elise Labott" are people.)
_BODY_NOUNS = frozenset(
    """magazine newspaper daily weekly tabloid broadsheet broadcaster channel network website agency firm
    company bank lender insurer reinsurer airline carrier carmaker automaker retailer miner brokerage charity
    manufacturer supplier conglomerate""".split()
)
# Last words of a named site in a city or an area of a state (general vocabulary): "King Abdullah Park"
# is a place, not King Abdullah, "Heathrow Airport" is no body, "Plaquemines Parish" and "Orange County"
# are no people.  Not "street": "Downing Street said" is a body.
_SITE_HEADS = frozenset(
    "park square road avenue boulevard airport airbase bridge stadium camp mosque cemetery highway plaza parish county province".split()
)
# Prepositions before a site's name: the place words, and "at"/"on"/"from"/"to", which PLACE_PREPS leaves
# out ("sent arms to Sarraj") but which before "King Abdullah Park" name where.
_SITE_PREPS = PLACE_PREPS | {"at", "on", "from", "to"}
_CONNECTORS = frozenset({"of", "for", "de", "del", "of the", "bin", "ibn", "al", "van", "von", "der"})
_QUOTED_SPAN = re.compile(r"[“\"]([^“”\"]{2,80})[”\"]")
# A company's stock ticker in parentheses ("Lonmin (LMIJ.J)", "KKR & Co LP (KKR.N)", "(NYSE: BP)"):
# a code for the name before it, not a name of its own (it was the speaker of "Lonmin (LMIJ.J) said").
_TICKER = re.compile(
    r"\((?:[A-Z0-9][A-Za-z0-9]{0,7}\.{1,2}\s?[A-Z]{1,3}|(?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX):\s?[A-Z.]{1,6})\)"
)
# Capitalised words after "and" that can still close one organisation's name ("… and Commerce Committee").
_JOINT_NAME_WORDS = 3
# Head words of bodies named after two fields ("Energy and Commerce Committee", "Food and Drug
# Administration"); not companies, banks or parties, which news lists in pairs ("Ford and General
# Motors Company").
_JOINT_HEADS = frozenset(
    """committee subcommittee commission foundation department ministry council institute agency board
    office administration association society authority service services bureau""".split()
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Demonyms are adjectives, not entities, when they stand alone ("Russian", "Turkish").
_DEMONYM = re.compile(r"(?:ian|yan|can|ean|ish|ese|i|ians|yans|cans|eans|aris|atis)$")
# A capitalised modifier glued to a participle ("UN-backed", "Benghazi-based"): a label, not a name.
# The part after the hyphen is a participle or a word of that kind; "Ki-moon" is a name.
# A run of at least this many words in capitals, most of which the story also writes in lower case,
# is a heading or a caption's label, not a name ("SHOP OWNER TURNED ACTIVIST", "NEW CAP FOR WELL");
# shorter runs are left alone ("WHITE HOUSE", "NEW YORK" in a dateline).
_CAPS_HEADING_MIN_WORDS = 3
# A capitalised word joined to a lower-case word ("Tamiflu-resistant") is an adjective; names joined
# by hyphens keep their capitals ("Dana-Farber", "Port-au-Prince"), and "al-"/"bin-" prefixes
# are lower-case before the name, not after it.
_LOWER_COMPOUND = re.compile(r"^[A-Z][\w'’]*-[a-z]{3,}$")
# What may follow a name that closes an inverted attribution ('"…," said Jane Roe.').
_CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?", ""})
# Titles written only before a name ("Dr. Roe"), never in an apposition after one ("Roe, head of").
_HONORIFICS = frozenset("mr mrs ms dr prof sir lord lady dame".split())
_MODIFIER = re.compile(r"^[\w]+-(?:[a-z]+(?:ed|ing|en)|led|run|made|born|held|built|owned|style)$")
# Before a demonym used as a noun ("an Iraqi said"), not before a name.
_ARTICLES = frozenset({"a", "an", "the", "one"})
_DEMONYM_WORDS = frozenset("german american arab french greek dutch swiss thai european".split())
_ADJECTIVE_WORDS = _DEMONYM_WORDS | {"african", "arab"}
# Two spellings of one transliterated name must also be this close (SequenceMatcher ratio):
# Haftar/Hifter is 0.67, while unrelated names sharing a skeleton (Putin/Patton) stay below.
_VARIANT_RATIO = 0.6
# A full name written this many times more often than any other with the same surname owns it.
_DOMINANT = 3
# Words of an office written between a title and the name ("Secretary of State Hillary Clinton",
# "Minister of Foreign Affairs Sergei Lavrov"): general government vocabulary.
_OFFICE_WORDS = frozenset(
    """state affairs home justice health energy commerce trade education labour labor transport agriculture
    treasury staff information economy environment culture security public works war""".split()
)
_OFFICE_CONTINUES = _OFFICE_WORDS | _CONNECTORS | {"the", "and"}
# Spans longer than this without organisation words are runs of Title Case (headlines), not names.
_MAX_NAME_TOKENS = 4


_CALENDAR = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august"
    " september october november december".split()
)
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|abu|abd)-")


def _is_cap(tok: str) -> bool:
    if not tok:
        return False
    if tok[0].isupper():
        return True  # tokens are words or single punctuation marks; an uppercase first char is a letter
    if tok[0] in "aeib" and "-" in tok:
        core = _PARTICLE_PREFIX.sub("", tok)
        return bool(core) and core[0].isupper()
    return False


def _title_of_prefixed(word: str) -> str:
    """ "then-president" -> "president" (a title after a hyphenated prefix); other words as they are."""
    head, _, last = word.rpartition("-")
    if not head or head in NAME_PARTICLES or word in PERSON_TITLES:
        return word  # "al-Sheikh" is a name
    return last if last in PERSON_TITLES else word


def _is_initial(tok: str) -> bool:
    """A middle initial with its dot ("W." of "George W. Bush"): part of the name around it."""
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


def _is_acronym(tok: str) -> bool:
    letters = tok.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


# Generational suffixes after a full name ("Jr.", "III"): a later mention by surname uses the word before.
# Not "Sr.": it is written to tell a father from a better-known son, whom a bare surname more often
# means ("George Bush Sr." in a story where "Bush" is mostly the son).
_GENERATION = frozenset({"jr", "ii", "iii", "iv"})


def name_tokens(surface: str) -> tuple[str, ...]:
    """Folded tokens of a name without particles: "al-Sarraj" -> ("sarraj",)."""
    out: list[str] = []
    for t in fold(surface).split():  # str.split and re's \s agree on what whitespace is
        t = _POSSESSIVE.sub("", t.strip(".,"))
        if "." in t and re.fullmatch(r"(?:[a-z]\.)+[a-z]?", t + "."):
            t = t.replace(".", "")  # "U.S." = "US"
        parts = t.split("-", 1)
        if len(parts) == 2 and parts[0] in NAME_PARTICLES and parts[1]:
            t = parts[1]
        if t and t not in NAME_PARTICLES:
            out.append(t)
    return tuple(out)


def _surname(k: tuple[str, ...]) -> str:
    """The last name of a full name's tokens: the word before a generational suffix ("Charles Robin
    III" is a Robin; the suffix still tells him from a Charles Robin, his father)."""
    return k[-2] if len(k) >= 3 and k[-1] in _GENERATION else k[-1]


_DROP_IN_SKELETON = str.maketrans("", "", "aeiouyhw'’-.")


def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token: first letter, then consonants, no doubles."""
    if not token:
        return ""
    s = token[0] + token[1:].translate(_DROP_IN_SKELETON)
    out = [s[0]]
    for c in s[1:]:
        if c != out[-1]:
            out.append(c)
    return "".join(out)


def tokens_match(a: str, b: str) -> bool:
    """Same name token, possibly spelled differently (transliteration)."""
    if a == b:
        return True
    # short names differ by one vowel too often (Berg/Borg) to be taken for spelling variants
    if len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    return skeleton(a) == skeleton(b) and SequenceMatcher(None, a, b).ratio() >= _VARIANT_RATIO


@dataclass
class Mention:
    surface: str
    sent: Sent
    cue: EntityType | None = None  # type suggested by the context of this mention
    title: str | None = None  # title written before the name ("Field Marshal")
    acronym: str | None = None  # "(GNA)" written right after the name
    initial: bool = False  # first word of its sentence (or of a quote): capitalised by position


@dataclass
class EntityIndex:
    """The story's entities and where they are mentioned."""

    entities: list[Entity] = field(default_factory=list)
    by_surface: dict[str, str] = field(default_factory=dict)  # folded surface -> entity id
    by_sentence: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict)  # -> [(surface, eid)]
    titles: dict[str, list[str]] = field(default_factory=dict)  # entity id -> titles seen
    by_id: dict[str, Entity] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)  # name word as written -> canonical spelling
    by_last: dict[str, list[str]] = field(default_factory=dict)  # skeleton of a canonical last name -> ids

    def get(self, eid: str) -> Entity | None:
        return self.by_id.get(eid)

    def resolve(self, surface: str) -> str | None:
        """The entity a written name refers to, or None."""
        key = fold(surface).strip()
        if key in self.by_surface:
            return self.by_surface[key]
        toks = name_tokens(surface)
        if toks and " ".join(toks) in self.by_surface:
            return self.by_surface[" ".join(toks)]
        if toks:
            # a surname or a spelling variant of one entity's name
            hits = set()
            for eid in self.by_last.get(skeleton(toks[-1]), []):
                canon = name_tokens(self.by_id[eid].name)
                if tokens_match(toks[-1], canon[-1]) and (len(toks) == 1 or tokens_match(toks[0], canon[0])):
                    hits.add(eid)
            if len(hits) == 1:
                return hits.pop()
        return None

    def canonical_word(self, word: str) -> str:
        """A folded name word in the story's canonical spelling ("hifter" -> "haftar")."""
        return self.spelling.get(word, word)

    def in_sentence(self, sent: Sent) -> list[tuple[str, str]]:
        return self.by_sentence.get(sent.key, [])

    def type_of(self, eid: str) -> EntityType | None:
        e = self.get(eid)
        return e.type if e else None


# ---------------------------------------------------------------- mention finding


# Compiled once (re's pattern cache costs a lookup per call; these run per sentence and per name token).
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_DAY_SUFFIX = re.compile(r"[.\d]+(?:st|nd|rd|th)?$")


# A word the story writes capitalised inside sentences this many times as often as in lower case is a
# name all the same: one reader's "obama" among a hundred "Obama" does not make it a common word.
_NAME_OVER_LOWER = 10
_MID_CAPITAL_WORD = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")


def _case_counts(sents: Sequence[Sent]) -> tuple[Counter[str], Counter[str]]:
    """How often the story writes each word in lower case, and how often capitalised inside a
    sentence (lowercased; see :func:`_common_words`)."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for s in sents:
        lower.update(_LOWER_WORD.findall(s.text))
        capital.update(w.lower() for w in _MID_CAPITAL_WORD.findall(s.text))
    return lower, capital


def _common_words(lower: Counter[str], capital: Counter[str]) -> set[str]:
    """The words the story writes in lower case, less those it writes capitalised inside sentences far
    more often (see :data:`_NAME_OVER_LOWER`)."""
    return {w for w, n in lower.items() if capital[w] < _NAME_OVER_LOWER * n}


def _placed_words(sents: Sequence[Sent]) -> set[str]:
    """Single capitalised words the story writes after "in"/"near"/... ("in Tripoli"), folded; not
    an adjective before its noun ("in Syrian cities": a content word in lower case follows)."""
    out: set[str] = set()
    for s in sents:
        for m in _PLACED.finditer(s.text):
            nxt = m.group(2)
            if nxt and nxt[0].islower() and nxt not in STOPWORDS:
                continue
            out.add(fold(m.group(1)))
    return out


def _country_demonym(word: str) -> bool:
    """Is the folded word a country's name plus "i" ("iraqi", "israeli", "pakistani")?"""
    return word[:-1] in COUNTRIES


def _surnames(sents: Sequence[Sent], lowercase: set[str]) -> set[str]:
    """Words ending like a demonym that the story writes as the last word of a full name ("Bahman
    Gobadi", "Silvio Berlusconi", "President Karzai"), folded: alone they are that person's surname
    ("Gobadi still bore …"), not an adjective.  The word before must be a name or a title: not a
    demonym ("Kurdish Iraqi"), a function word ("The Iraqi") or a word the story writes in lower case
    ("Former Iraqi").  Never taken: a country's demonym ("Shia Iraqi": Iraq + i), a plural, "-ish" or "-ese"
    word, a word the story writes in lower case ("Humanitarian"), in the plural ("Sunni Saudi" beside
    "Saudis") or more often after an article than after a first name ("the Caribbean island")."""
    named: Counter[str] = Counter()
    for s in sents:
        for m in _FULL_NAME.finditer(s.text):
            first, last = fold(m.group(1)), fold(m.group(2))
            if (
                not _DEMONYM.search(last)
                or last.endswith(("s", "ish", "ese"))
                or last in lowercase
                or last in _ADJECTIVE_WORDS
                or last in COUNTRIES
                or last in CAPITALS
                or _country_demonym(last)
            ):
                continue
            if first in PERSON_TITLES or not (
                _DEMONYM.search(first)
                or first in _ADJECTIVE_WORDS
                or first in STOPWORDS
                or first in NOT_NAMES
                or first in lowercase
                or first in COUNTRIES
            ):
                named[last] += 1
    if not named:
        return set()
    uses = re.compile(r"\b(?:(the|an?)\s+)?(" + "|".join(sorted(map(re.escape, named))) + r")(s?)\b", re.IGNORECASE)
    after_article: Counter[str] = Counter()
    plural: set[str] = set()
    for s in sents:
        for m in uses.finditer(s.text):
            word = fold(m.group(2))
            if m.group(3):
                plural.add(word)
            elif m.group(1):
                after_article[word] += 1
    return {w for w, n in named.items() if w not in plural and after_article[w] <= n}


# (only a second word ending like a demonym is wanted: the pattern says so, to skip other names quickly)
_FULL_NAME = re.compile(r"(?<![\w-])([A-Z][a-z]+\.?)\s+([A-Z][a-z]*[A-Z]?[a-z]*(?:i|an|ish|ese))\b(?![-'’]\w)")
_PLACED = re.compile(r"\b(?:" + "|".join(sorted(PLACE_PREPS)) + r")\s+([A-Z][a-z]+)\b(?:\s+([\w'-]+))?")


def _body_of_person(toks: list[str], start: int) -> bool:
    """Is the name at ``toks[start]`` the body a person before it is "of", "at" or "from"
    (:data:`lexicon.BODY_LINKS`: "Jo Roe of Irish charity Goal told": the verb after Goal is Jo Roe's)?"""
    for k in range(start - 1, max(0, start - 4) - 1, -1):
        if toks[k] in BODY_LINKS:
            return k > 0 and _is_cap(toks[k - 1])
        if not toks[k][:1].isalpha():
            return False
    return False


# What only a person has or does, right after a name (general English): family ("Roe's widow"), a
# birth or death ("Roe was born in 1969", "Roe died on Monday"), "himself"/"herself".  These type the
# untitled people of features and obituaries, whom no title or verb of saying names a person.
_KIN = frozenset(
    """wife husband widow widower son sons daughter daughters father mother parents brother brothers sister
    sisters uncle aunt nephew niece grandson granddaughter grandfather grandmother girlfriend boyfriend
    fiancee fiance""".split()
)
_PERSON_NEXT = frozenset({"himself", "herself", "died", "dies"})
# Auxiliary verbs capitalised inside a span make it a work's or headline's title; no name holds one
# after its first word ("Can" opens Turkish first names, so only later words count; "Will" and "May" are
# names and left out).
_VERBS_IN_TITLES = frozenset("can cannot could would should must shall is are was were does did has have".split())
# Finite verbs: a singular demonym is never the bare subject of one ("an Iraqi was", not "Iraqi was"), so
# a capitalised word ending like one before them is a name ("Gobadi was born", "Berlusconi has said").
_FINITE_AUX = frozenset("is was has had will would could can did does must should might".split())
# Titles written before a first name, not a surname (royal and Arab honorifics, general usage): "Sheikh
# Ali", "King Abdullah", "Prince Harry", "Pope Benedict".
_FIRST_NAME_TITLES = frozenset("sheikh sheik king queen prince princess emir sultan pope sayyid mullah".split())
# The largest number read as an age in "Roe, 52, said" (a person's age, not a count).
_MAX_AGE = 119


def _name_opens(toks: list[str], last: int) -> bool:
    """Does the one-word span ending at ``toks[last]`` stand where a subject's name does: first in
    the sentence, after punctuation or after a capitalised word (a title, a first name)?"""
    k = last - 1
    return k < 0 or not toks[k][:1].isalnum() or toks[k][:1].isupper()


def _person_context(span: list[str], nxt: str, nxt2: str, toks: list[str], end: int, initial: bool) -> bool:
    """Does the text right after the name say person: kin of a possessive name, an age between commas
    ("Roe, 52,"; not "Lastly, 1,400 vessels"), a birth, a death or "himself" (these two not after one
    word opening the sentence, which may be a number or a participle: "Thirteen died", "Appointed himself")?"""
    if nxt in _KIN and end > 0 and toks[end - 1].endswith(("'s", "’s")):
        return True
    if (
        nxt == ","
        and nxt2.isdigit()
        and 0 < int(nxt2) <= _MAX_AGE
        and end + 2 < len(toks)
        and toks[end + 2] == ","
        and not (end + 3 < len(toks) and toks[end + 3][:1].isdigit())
    ):
        return True
    return (nxt == "was" and nxt2 == "born") or (nxt in _PERSON_NEXT and not (initial and len(span) == 1))


def _titles_a_name(toks: list[str], k: int) -> bool:
    """Does a name (capitalised, not possessive) follow at ``toks[k]`` (past an abbreviation's dot)?"""
    run = [t for t in toks[k : k + 4] if t != "."]
    name: list[str] = []
    for t in run:
        if not _is_cap(t):
            break
        name.append(t)
    return bool(name) and not any(_POSSESSIVE.search(t) for t in name)


def rule_mentions(sent: Sent, lowercase: set[str], places: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
    """Capitalised-span mentions of one sentence, with title/type cues."""
    text = sent.text
    if '"' in text or "“" in text:
        # a programme's, book's or slogan's title in quotation marks names no actor: NBC's "Meet the
        # Press" is not two entities "Meet" and "Press"
        text = _QUOTED_SPAN.sub(lambda m: " " * len(m.group(0)) if is_title(words(m.group(1))) else m.group(0), text)
    if "(" in text:
        text = _TICKER.sub(lambda m: " " * len(m.group(0)), text)
    toks: list[str] = _TOKEN.findall(text)  # no groups in _TOKEN: findall gives whole matches
    caps = [_is_cap(t) for t in toks]  # once per token: the span loop looks at a token up to three times
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        start = i
        span: list[str] = [toks[i]]
        j = i + 1
        while j < n:
            t = toks[j]
            if t == "." and len(span[-1]) == 1 and span[-1].isupper() and j + 1 < n and caps[j + 1]:
                span[-1] += "."  # a middle initial: "George W. Bush", "J. K. Rowling" (the dot is its own token)
                j += 1
            elif (
                (caps[j] and not _POSSESSIVE.search(span[-1]))
                or (t.lower() in _CONNECTORS and j + 1 < n and caps[j + 1] and not _POSSESSIVE.search(span[-1]))
                or (t.lower() == "the" and span[-1].lower() == "of" and j + 1 < n and caps[j + 1])
                or (t.lower() == "and" and _joint_name_start(span) and _joint_name_end(toks, caps, j + 1))
                or (t.lower() == "and" and _for_two_fields(span) and j + 1 < n and caps[j + 1])
            ):
                span.append(t)
                j += 1
            else:
                break
        while span and (span[-1].lower() in _CONNECTORS or span[-1].lower() == "the"):
            span.pop()
        prev = toks[start - 1].lower() if start > 0 else ""
        if prev == "the" and start > 1 and toks[start - 2].lower() in PLACE_PREPS:
            prev = toks[start - 2].lower()  # "in the Gulf of Mexico" is "in X"
        elif prev == "." and start > 1 and toks[start - 2].lower() in _HONORIFICS:
            prev = toks[start - 2].lower()  # "Dr. Jane Roe": the tokens split the title from its dot
        nxt = toks[j].lower() if j < n else ""
        nxt2 = toks[j + 1].lower() if j + 1 < n else ""
        out.extend(
            _mentions_from_span(
                span,
                sent,
                start == 0 or prev in {'"', "“", "‘", "(", "-", "–", "—", ":"},
                prev,
                nxt,
                nxt2,
                toks,
                j,
                lowercase,
                places,
            )
        )
        i = j
    return out


def _joint_name_start(span: list[str]) -> bool:
    """Whether the words before an "and" can open a name of two fields ("House Energy"): not a name
    complete in itself ("Coast Guard", "Arab League", "FDIC"), not a titled person ("Interior
    Secretary Ken Salazar"), not a possessive."""
    last = span[-1]
    return not (
        _POSSESSIVE.search(last)
        or fold(last) in ORG_HEADS
        or _is_acronym(last)
        or any(fold(t).rstrip(".") in PERSON_TITLES for t in span)
    )


def _for_two_fields(span: list[str]) -> bool:
    """A body named "for" two fields: "Center for Economic | and | Policy Research", "Centers for Disease
    Control | and | Prevention" (with "of" two names are as often two bodies: "Bank of England and
    France")."""
    return (
        len(span) >= 3
        and (fold(span[0]) in ORG_HEADS or fold(span[0]).removesuffix("s") in ORG_HEADS)
        and "for" in (t.lower() for t in span[1:-1])
        and not _POSSESSIVE.search(span[-1])
    )


def _joint_name_end(toks: list[str], caps: list[bool], k: int) -> bool:
    """Whether the capitalised run from ``k`` ends an organisation's name on its head word: "House
    Energy | and | Commerce Committee" is one committee, "Britain and France" two countries."""
    j = k
    while j < len(toks) and caps[j]:
        j += 1
    return j > k and fold(toks[j - 1]) in _JOINT_HEADS and j - k <= _JOINT_NAME_WORDS


def _shouted(toks: list[str]) -> bool:
    """A sentence in capitals (a heading, a transcript label): its "THE" and "FOR" are no acronyms."""
    alpha = [t for t in toks if t.isalpha()]
    caps = sum(1 for t in alpha if len(t) >= 2 and t.isupper())
    return caps >= 3 and caps >= 0.5 * len(alpha)


def _mentions_from_span(
    span: list[str],
    sent: Sent,
    initial: bool,
    prev: str,
    nxt: str,
    nxt2: str,
    toks: list[str],
    end: int,
    lowercase: set[str],
    places: frozenset[str] | set[str] = frozenset(),
) -> list[Mention]:
    span = [_POSSESSIVE.sub("", t) if _POSSESSIVE.search(t) and not t.endswith("s'") else t for t in span]
    # strip leading function words capitalised by position ("The", "On", "After")
    before = prev  # the word before the name, also when it opened the span ("An Iraqi said")
    while (
        span
        and ((f0 := fold(span[0])) in STOPWORDS or f0 in NOT_NAMES)
        # "WHO", "US": an acronym spelt like a function word is a name, unless the sentence shouts
        and not (f0 in STOPWORDS and len(span[0]) >= 2 and span[0].isupper() and not _shouted(toks))
    ):
        span = span[1:]
        initial = False
        before = f0
    # a capitalised modifier glued to a participle ends what comes before it:
    # "UN-backed Government ..." -> "Government ...", "British Petroleum-operated Deepwater Horizon"
    # -> "Deepwater Horizon"
    for k in range(len(span) - 1, -1, -1):
        if "-" in span[k] and _MODIFIER.match(span[k]) and fold(span[k]).split("-")[0] not in NAME_PARTICLES:
            span = span[k + 1 :]
            break
    # calendar words inside ("January 14th") end the name
    for k, t in enumerate(span):
        if (fold(t) in NOT_NAMES and (k == 0 or t != "and")) or _DAY_SUFFIX.sub("", fold(t)) in _CALENDAR:  # "Jan.13"
            span = span[:k]
            break
    if not span:
        return []
    if len(span) > 1 and any(t.lower() in _VERBS_IN_TITLES for t in span[1:]):
        return []  # a film's, book's or headline's words, not a name: "Turtles Can Fly", "Obama Is Wrong"
    if len(span) >= _CAPS_HEADING_MIN_WORDS and all(t.isupper() and len(t) > 1 for t in span):
        common = sum(1 for t in span if fold(t) in lowercase)
        if 2 * common > len(span):
            return []  # a heading in capitals ("SHOP OWNER TURNED ACTIVIST"): words the story writes in lower case
    seams = [k for k, t in enumerate(span[:-1]) if fold(t) in ("says", "by")]
    if seams:
        # a headline glued to the lead or its byline: "... CBO Chief Says Peter R. Orszag, director of
        # ...", "... of American Capitalism By Kevin Phillips" (no name holds "Says" or "By"): the
        # name starts after it
        prev = before = fold(span[seams[-1]])
        span = span[seams[-1] + 1 :]
    out: list[Mention] = []
    # a title with a time prefix is that title: "Then-President", "Ex-Minister", "Former-Governor"
    low = [_title_of_prefixed(fold(t).rstrip(".")) for t in span]
    if len(span) >= 2 and _is_initial(span[-2]):
        # a surname after an initial is no title ("Byron W. King", "Ann C. Marshal"): marked so that no
        # title or organisation word test below matches it (low is only read for those tests)
        low[-1] = "-" + low[-1]
    # "Dr. Jane Roe of Kelbrook General Hospital", "President Jo Roe of Tallor": a titled person's
    # name ends at "of"; what follows is where they work or rule, a name of its own.
    if "of" in low[1:] and (prev in _HONORIFICS or low[0] in PERSON_TITLES):
        k = low.index("of", 1)
        if any(t not in PERSON_TITLES for t in low[(0 if prev in _HONORIFICS else 1) : k]) and k + 1 < len(span):
            out.extend(_mentions_from_span(span[k + 1 :], sent, False, "of", nxt, nxt2, toks, end, lowercase, places))
            span, low, nxt, nxt2 = span[:k], low[:k], "of", ""
    # "Ona Vell of Harbour Aid told the BBC", "Ona Vell of French agency Acted said": the subject of a
    # verb of saying, two or three words before "of" with no title, organisation or place word among
    # them, is a person, and what follows "of" is where they work ("Bank of England said", "Friends of
    # Kelbrook said" stay whole).
    if (
        "of" in low[2:4]
        and any(fold(t) in SPEECH_VERBS for t in toks[end : end + 4])
        and before != "the"
        and prev not in PERSON_TITLES
    ):
        k = low.index("of", 2)
        head = low[:k]
        if k + 1 < len(span) and not any(
            t in PERSON_TITLES or t in ORG_HEADS or t in _PLACE_HEADS or t in STOPWORDS for t in head
        ):
            # (the verb is the person's: no cue for the body after "of")
            out.extend(_mentions_from_span(span[k + 1 :], sent, False, "of", "", "", toks, end, lowercase, places))
            span, low, nxt2 = span[:k], head, ""
    cue: EntityType | None = None
    title: str | None = None
    last_title = max((k for k, t in enumerate(low) if t in PERSON_TITLES), default=-1)
    # "BP Group Chief Executive Tony Hayward": a title followed by a name without organisation
    # words is a person, whatever comes before the title
    titled_person = 0 <= last_title < len(span) - 1 and not any(t in ORG_HEADS for t in low[last_title + 1 :])
    if (
        len(span) >= 2
        and low[-1] in _SITE_HEADS
        and (prev in _SITE_PREPS or (last_title < 0 and nxt not in SPEECH_VERBS))
    ):
        # "at King Abdullah Park", "Tahrir Square": a site, titles and all ("Mayor Tomas Park said" is a person)
        cue = "place"
    elif not titled_person and any(t in ORG_HEADS for t in low) and len(span) >= 2:
        cue = "organisation"
    else:
        # leading acronyms are their own mentions ("LNA Commander ...")
        while len(span) > 1 and _is_acronym(span[0]) and fold(span[1]).rstrip(".") in PERSON_TITLES:
            out.append(Mention(surface=span[0], sent=sent, cue="organisation"))
            span, low = span[1:], low[1:]
        last_title = max((k for k, t in enumerate(low) if t in PERSON_TITLES), default=-1)
        if last_title >= 0 and last_title < len(span) - 1:
            cut = last_title + 1
            if low[cut] in _CONNECTORS or low[cut] in _OFFICE_WORDS or low[cut] == "the":
                # the title goes on with its office: "Secretary of State Hillary Clinton",
                # "Minister of Foreign Affairs Sergei Lavrov"
                while cut < len(span) - 1 and (
                    low[cut] in _OFFICE_CONTINUES or low[cut] in PERSON_TITLES or low[cut] in ORG_HEADS
                ):
                    cut += 1
                # at most a first name and a surname remain, with a middle initial between them
                cut = max(cut, len(span) - (3 if _is_initial(span[-2]) else 2))
            title = " ".join(span[:cut])
            span = span[cut:]
            cue = "person"
            initial = False  # the title opened the sentence, not the name: "President Obama earlier …"
        elif last_title == len(span) - 1:
            return out  # a bare title ("President") names no one
        elif prev in PERSON_TITLES:
            cue = "person"
            title = prev
    if cue != "organisation" and len(span) > _MAX_NAME_TOKENS and not any(t in {"of", "for", "de"} for t in low):
        if not (_is_initial(span[-2]) and nxt in SPEECH_VERBS):
            return out  # Title Case headline words, not a name
        # "… and Financial Intelligence David S. Cohen said": an office's last words run into the
        # name; a first name, an initial and a surname before a verb of saying are the speaker
        span, cue = span[-3:], "person"
    if (cue != "organisation" and fold(span[-1]) in _ADJECTIVE_WORDS) or (
        cue is None
        and len(span) >= 2
        and _DEMONYM.search(fold(span[-1]))
        and (_DEMONYM.search(fold(span[0])) or _country_demonym(fold(span[-1])))
    ):
        return out  # "North African", "Arab Libyan", "Shia Iraqi" (Iraq + i): adjectives
    if len(span) == 1:
        w = span[0]
        f = fold(w)
        if _LOWER_COMPOUND.match(w):
            return out  # "Tamiflu-resistant", "Kremlin-friendly": an adjective made of a name
        if _is_acronym(w):
            # "US", "UK", "UAE": a country's short form, not an organisation's acronym
            cue = cue or ("place" if place_kind(f) == "country" else "organisation")
        elif f in _DEMONYM_WORDS or (
            _DEMONYM.search(f)
            and f not in places  # "in Tripoli", "in Haiti", "Bahman Gobadi": a place or surname named like a demonym
            and f not in COUNTRIES
            and f not in CAPITALS
            and (not nxt or not nxt[0].isalnum() or nxt[0].islower() or _is_cap(nxt))
            # a name that merely ends like one ("ElBaradei said", "Berlusconi's party"): an adjective
            # is neither the subject of a verb of saying nor possessive
            and not (nxt in SPEECH_VERBS and before not in _ARTICLES)
            # nor the bare subject of a finite verb, nor a person by its age, kin or death: after the
            # sentence's start, a comma or a capitalised word ("Gobadi was born", "Mr Karzai has"),
            # not after a word in lower case or a number ("the young Mexican was", "13 Syrians died")
            and not (
                (nxt in _FINITE_AUX or _person_context(span, nxt, nxt2, toks, end, initial))
                and not f.endswith("s")
                and _name_opens(toks, end - 1)
                and before not in STOPWORDS  # "The Mexican is", "Every Egyptian is"
                and before not in NOT_NAMES
            )
            and not (end > 0 and _POSSESSIVE.search(toks[end - 1]) and not toks[end - 1].endswith("s'"))
        ):
            return out  # an adjective of nationality, not a name
        if initial and f in lowercase:
            return out  # a common word capitalised at the start of a sentence
        if len(f) < 2:
            return out
    if cue is None:
        if prev in _BODY_NOUNS:
            cue = "organisation"  # "music magazine Billboard reported", "carmaker Velland said": a body
        elif prev in PLACE_PREPS or nxt in {"-based"} or (nxt == "-" and nxt2 == "based"):
            cue = "place"
        elif nxt in SPEECH_VERBS and prev != "the" and not _body_of_person(toks, end - len(span)):
            cue = "person"  # "X said"; but "the White House said" is no person
        elif prev in SPEECH_VERBS and nxt in _CLAUSE_ENDS:
            cue = "person"  # '"…," says Janelle.': a name alone after an inverted verb of saying
        elif _person_context(span, nxt, nxt2, toks, end, initial):
            cue = "person"  # "Gobadi was born in 1969", "Roe's widow", "Roe, 52, said", "Roe himself"
        elif nxt == "," and any(
            (ft := fold(t).rstrip(".")) in PERSON_TITLES
            and ft not in _HONORIFICS
            and not (t[:1].isupper() and _titles_a_name(toks, k + 1))
            for k, t in enumerate(toks[end + 1 : end + 4], start=end + 1)
        ):
            # apposition with a title: "Karim al-Mansuri, head of ..." (not "X, Dr. Roe", nor "the
            # Action Conference, Rep. Ron Roe, said": a capitalised title before a name is that name's;
            # "Jan Roe, President Lind's nominee, said" is still an apposition, to a role)
            cue = "person"
    if cue == "person" and title is None and len(span) == 1 and low[0] in ORG_HEADS:
        cue = None  # "the 1st Battalion, the Princess of Wales's regiment", "Parliament said": no person
    surface = " ".join(span)
    acronym = None
    if end + 2 < len(toks) and toks[end] == "(" and _is_acronym(toks[end + 1]) and toks[end + 2] == ")":
        acronym = toks[end + 1]
    out.append(Mention(surface=surface, sent=sent, cue=cue, title=title, acronym=acronym, initial=initial))
    return out


def spacy_mentions(sents: Sequence[Sent], model: str) -> list[Mention] | None:
    """Mentions from a locally installed spaCy model, or None when spaCy or the model is missing."""
    try:
        import spacy  # type: ignore[import-not-found]

        nlp: Any = spacy.load(model)
    except Exception:  # spaCy missing, model missing or broken: the rule backend takes over
        return None
    kinds: dict[str, EntityType] = {
        "PERSON": "person",
        "ORG": "organisation",
        "GPE": "place",
        "LOC": "place",
        "FAC": "place",
    }
    out: list[Mention] = []
    for s, doc in zip(sents, nlp.pipe([s.text for s in sents]), strict=True):
        for ent in doc.ents:
            kind = kinds.get(ent.label_)
            if kind is None:
                continue
            text = re.sub(r"^(?:the|The)\s+", "", ent.text)
            text = _POSSESSIVE.sub("", text)
            if text:
                out.append(Mention(surface=text, sent=s, cue=kind))
    return out


# ---------------------------------------------------------------- merging


def _acronym_fits(acronym: str, name: str) -> bool:
    """'GNA' fits 'Government of National Accord': its letters are the name's capitals, in order."""
    letters = acronym.replace(".", "").lower()
    caps = "".join(c for c in name if c.isupper()).lower()
    if not letters or not caps or letters[0] != caps[0]:
        return False
    it = iter(caps)
    return all(ch in it for ch in letters)


def _initials(toks: tuple[str, ...]) -> str:
    return "".join(t[0] for t in toks if t not in {"of", "the", "for", "and", "de"})


def _names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-token names of one person: same last name and compatible first names."""
    if not tokens_match(a[-1], b[-1]):
        return False
    if len(a) == 1 or len(b) == 1:
        return False  # surname-only mentions are handled separately (they need a unique owner)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if all(tokens_match(x, y) for x, y in zip(short, long_[-len(short) :], strict=True)):
        return True  # "Barack Obama" in "EPA Barack Obama"
    return tokens_match(a[0], b[0]) and _middles_fit(a[1:-1], b[1:-1])


def _middles_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names of two full names of one person: one has none, or they begin alike ("Barack H.
    Obama" / "Barack Hussein Obama"); "George W. Bush" and "George H.W. Bush" are two people."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    return x[0] == y[0] and (len(x) == 1 or len(y) == 1 or tokens_match(x, y))


def build_entities(
    sents: Sequence[Sent],
    outlet_of: Callable[[str], str],
    backend: str = "rules",
    spacy_model: str = "en_core_web_sm",
    notes: list[str] | None = None,
) -> EntityIndex:
    """Find, type and merge the entities of a story's sentences."""
    if backend not in {"rules", "spacy"}:
        raise ValueError(f"unknown entity backend {backend!r}: use 'rules' or 'spacy'")
    lower, capital = _case_counts(sents)
    names = _Names.of(_find_mentions(sents, backend, spacy_model, notes, _common_words(lower, capital)))
    _join_acronyms(names)
    buckets = _join_full_names(names)
    _join_surnames(names, buckets)
    _join_single_word_variants(names)
    _join_first_names(names.keys, names.kstr, names.by_key, names.cues, names.uf)
    _join_short_organisations(names.keys, names.kstr, names.cues, names.uf)
    return _index(_entities(names, outlet_of, lower), names)


def _find_mentions(
    sents: Sequence[Sent], backend: str, spacy_model: str, notes: list[str] | None, lowercase: set[str]
) -> list[Mention]:
    """Every candidate name written in the sentences: spaCy's spans when asked and available, else the rules'."""
    mentions: list[Mention] | None = None
    if backend == "spacy":
        mentions = spacy_mentions(sents, spacy_model)
        if mentions is None and notes is not None:
            notes.append(f"entities: spaCy model {spacy_model!r} not available, rule-based entities used")
    if mentions is None:
        placed = _placed_words(sents) | _surnames(sents, lowercase)
        mentions = _drop_positional_words([m for s in sents for m in rule_mentions(s, lowercase, placed)], lowercase)
    return mentions


def _drop_positional_words(mentions: list[Mention], lowercase: set[str]) -> list[Mention]:
    """A name opening a sentence may carry a common word capitalised by position ("Neighboring
    Turkey", "Embattled Haskarov"): when the story writes that word in lower case and names the
    rest on its own elsewhere, the mention is of the rest.  "New York" stays whole ("York" is
    never named alone), and so does an organisation ("Security Council" beside a bare "Council")."""
    alone = {m.surface for m in mentions if not m.initial}
    out: list[Mention] = []
    for m in mentions:
        words = m.surface.split()
        if m.initial and len(words) >= 2 and words[0].lower() in lowercase:
            rest = " ".join(words[1:])
            # "General Assembly", "Security Council": the word is part of an organisation's name
            if rest in alone and fold(words[-1]) not in ORG_HEADS:
                m = replace(m, surface=rest, initial=False)
        out.append(m)
    return out


@dataclass
class _Names:
    """The story's written names (normalised token keys), their mentions and type cues, and the
    union-find that the joining phases merge them in."""

    by_key: dict[tuple[str, ...], list[Mention]]
    keys: list[tuple[str, ...]]
    kstr: dict[tuple[str, ...], str]
    cues: dict[tuple[str, ...], Counter[str]]
    uf: UnionFind

    @classmethod
    def of(cls, mentions: list[Mention]) -> _Names:
        """Group mentions by normalised key, with each key's type cues."""
        by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
        for m in mentions:
            k = name_tokens(m.surface)
            if k:
                by_key[k].append(m)
        keys = list(by_key)
        kstr = {k: " ".join(k) for k in keys}
        # An all-capitals word the story also writes in normal case ("KELBROOK, March 10 -" beside
        # "Kelbrook") is a name shouted by a dateline, not an acronym: its capitals say nothing of type.
        cues: dict[tuple[str, ...], Counter[str]] = {}
        for k, ms in by_key.items():
            shouted = any(not _is_acronym(m.surface) for m in ms)
            cues[k] = Counter(
                m.cue for m in ms if m.cue and not (shouted and m.cue == "organisation" and _is_acronym(m.surface))
            )
        return cls(by_key, keys, kstr, cues, UnionFind([kstr[k] for k in keys]))

    def join(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        self.uf.union(self.kstr[a], self.kstr[b])


def _join_acronyms(names: _Names) -> None:
    """Acronyms written with their expansion, then initials of multi-word organisations."""
    by_key, keys, cues, uf, kstr = names.by_key, names.keys, names.cues, names.uf, names.kstr
    single = {k[0]: k for k in keys if len(k) == 1}
    for k, ms in by_key.items():
        for m in ms:
            if m.acronym and _acronym_fits(m.acronym, m.surface):
                ak = name_tokens(m.acronym)
                if ak in by_key:
                    names.join(k, ak)
    initials: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in keys:
        if len(k) >= 2 and cues[k].get("organisation", 0) > 0:
            initials[_initials(k)].append(k)
    for acro, owners in initials.items():
        # two-letter initials ("US", "UN") are too ambiguous to link without "(US)" written out
        if acro in single and len(acro) >= 3 and len({uf.find(kstr[o]) for o in owners}) == 1:
            ak = single[acro]
            if any(_is_acronym(m.surface) for m in by_key[ak]):
                names.join(owners[0], ak)


def _person_like(cues: Counter[str]) -> bool:
    """A name whose type cues say person at least as often as place and organisation together (or
    say nothing): one stray cue ("in Bashar al-Assad's Syria" read as a place) must not take a
    person written with titles many times out of the people."""
    return cues.get("organisation", 0) + cues.get("place", 0) <= cues.get("person", 0)


def _join_full_names(names: _Names) -> dict[str, list[tuple[str, ...]]]:
    """Full names: same last name (spelling variants allowed) and compatible first names.

    Person-like names only: an organisation word last ("Service", "Army") makes "National Weather
    Service" and "National Marine Fisheries Service" different bodies, not spellings of one name.
    Returns those names bucketed by their surname's first letter and skeleton (:func:`_surname`:
    "Charles Robin III" is where a bare "Robin" looks); full names are matched by their last word, so
    only with the suffix ("Michael Jackson" is not "Michael Joseph Jackson Jr")."""
    cues = names.cues
    multi = [k for k in names.keys if len(k) >= 2 and k[-1] not in ORG_HEADS and _person_like(cues[k])]
    buckets: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in multi:
        buckets[k[-1][0] + skeleton(k[-1])].append(k)
        last = _surname(k)
        by_surname[last[0] + skeleton(last)].append(k)
    for group in buckets.values():
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                if _names_match(group[x], group[y]):
                    names.join(group[x], group[y])
    return by_surname


def _join_surnames(names: _Names, buckets: dict[str, list[tuple[str, ...]]]) -> None:
    """A single word joins the one person whose name ends with it (or a variant of it): in news style
    a name written alone is a surname.  Not when it is always written after a title that also goes
    before first names ("Sheikh Ali", "King Abdullah") and opens a person's full name in the story:
    "Sheikh Ali" beside "Ali Bapir" is not "Chemical Ali" ("Sheikh Araji" is still Hazem al-Araji)."""
    by_key, cues, uf, kstr = names.by_key, names.cues, names.uf, names.kstr
    openers = {k[0] for k in names.keys if len(k) >= 2 and cues[k].get("person", 0) and _person_like(cues[k])}
    for k in names.keys:
        if len(k) != 1 or _is_acronym(by_key[k][0].surface):
            continue
        if k[0] in openers and all(
            m.title is not None and fold(m.title.split()[-1]).rstrip(".") in _FIRST_NAME_TITLES for m in by_key[k]
        ):
            continue
        # the same spelling first: "Col Asaad" is Riyad al-Asaad's, even where a President Bashar
        # al-Assad, a spelling variant, is written far more often; a variant only when none is spelt so
        weight: Counter[str] = Counter()
        variants: Counter[str] = Counter()
        for o in buckets.get(k[0][0] + skeleton(k[0]), []):
            # a country or city ("Saudi Arabia") is nobody's surname ("Al Arabiya" is a channel)
            if tokens_match(_surname(o), k[0]) and _person_like(cues[o]) and place_kind(" ".join(o)) is None:
                (weight if _surname(o) == k[0] else variants)[uf.find(kstr[o])] += len(by_key[o])
        if not weight and _bare_demonym(k, cues):
            continue
        weight = weight or variants
        if cues[k].get("organisation", 0) or cues[k].get("place", 0) > cues[k].get("person", 0) + 1:
            continue  # a place or organisation named like someone's surname stays apart
        ranked = weight.most_common(2)
        # the surname goes to the one full name ending with it, or to one that is written far more
        # often than any other (a stray "EPA Barack Obama" must not block "Obama")
        if len(ranked) == 1 or (ranked and ranked[0][1] >= _DOMINANT * ranked[1][1]):
            uf.union(ranked[0][0], kstr[k])


def _bare_demonym(k: tuple[str, ...], cues: Mapping[tuple[str, ...], Counter[str]]) -> bool:
    """A single word shaped like a demonym that nothing marks as a person ("the Saudi embassy"): no
    spelling variant of a name ("Shehadi", "Sahdi"), which a transliteration-tolerant match would
    take it for."""
    return len(k) == 1 and bool(_DEMONYM.search(k[0])) and not cues[k].get("person", 0)


def _join_single_word_variants(names: _Names) -> None:
    """Single-word spelling variants of each other (Hifter/Haftar both alone)."""
    sbuckets: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in names.keys:
        if len(k) == 1 and not _is_acronym(names.by_key[k][0].surface) and not _bare_demonym(k, names.cues):
            sbuckets[k[0][0] + skeleton(k[0])].append(k)
    # a single word already joined to a full name (a surname) belongs to that person: two such
    # words are joined only when they are one person already or when one of them belongs to none
    # ("Col Kasaad" of Piet Kasaad and "Kassad" of President Lena Kassad are two people)
    owned = {names.uf.find(names.kstr[k]) for k in names.keys if len(k) >= 2}
    for group in sbuckets.values():
        for x in range(1, len(group)):
            a, b = names.uf.find(names.kstr[group[0]]), names.uf.find(names.kstr[group[x]])
            if a != b and a in owned and b in owned:
                continue
            if tokens_match(group[0][0], group[x][0]):
                names.join(group[0], group[x])
                if a in owned or b in owned:
                    owned.add(names.uf.find(names.kstr[group[0]]))


# An entity before numbering: its mention count, the entity, its name keys and the titles seen.
_Built = tuple[int, Entity, list[tuple[str, ...]], Counter[str]]


def _entities(names: _Names, outlet_of: Callable[[str], str], lower: Counter[str] | None = None) -> list[_Built]:
    """One entity per merged group of names: typed by the majority of cues, named by its most
    frequent full form; most mentioned first."""
    clusters: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in names.keys:
        clusters[names.uf.find(names.kstr[k])].append(k)
    built: list[_Built] = []
    for members in clusters.values():
        ms = [m for k in members for m in names.by_key[k]]
        surfaces = Counter([m.surface for m in ms])  # a list, not a generator: faster to count (once per cluster)
        cue_votes: Counter[str] = Counter()
        for k in members:
            cue_votes.update(names.cues[k])
        etype: EntityType = "other"
        if cue_votes:
            top = cue_votes.most_common(1)[0][0]
            etype = top  # type: ignore[assignment]
        # canonical: the most frequent full (multi-word) form, else the most frequent form; acronyms last
        non_acro = [s for s in surfaces if not _is_acronym(s)] or list(surfaces)
        full = [s for s in non_acro if len(name_tokens(s)) >= 2] or non_acro
        canonical = max(full, key=lambda s: (surfaces[s], len(s), s))
        mentions_per: Counter[str] = Counter(outlet_of(m.sent.article) for m in ms)
        titled = any(m.title for m in ms)
        if etype == "other" and known_outlet(canonical) is not None:
            etype = "organisation"  # a news outlet or agency ("Reuters", "the BBC"): no cue said so
        kind = _place_kind(canonical, etype, titled, members, ms)
        ent = Entity(
            id="",
            name=canonical,
            type="place" if kind else etype,
            aliases=sorted(s for s in surfaces if s != canonical),
            mentions=dict(sorted(mentions_per.items())),
            place_kind=kind,
        )
        if (
            ent.type == "other"
            and all(len(k) == 1 for k in members)
            and all(m.initial and not _is_acronym(m.surface) for m in ms)
        ):
            # One word, never capitalised but at the start of a sentence, with nothing in its context
            # that says name ("Nearly", "Pets", "Speaking"): a common word the story happens not to
            # write in lower case too.  A real name is written inside a sentence somewhere, or typed.
            continue
        if (
            lower is not None
            and ent.type == "other"
            and len(canonical.split()) == 1
            and not _is_acronym(canonical)
            and lower[canonical.lower()] >= len(ms)
        ):
            # One untyped word the story writes in lower case at least as often as capitalised
            # ("Health", "Symptoms", "Influenza" in title-case headings and captions): a common word.
            continue
        titles = Counter(m.title for m in ms if m.title)
        built.append((len(ms), ent, members, titles))
    built.sort(key=lambda x: (-x[0], x[1].name))
    return built


def _index(built: list[_Built], names: _Names) -> EntityIndex:
    """Number the entities (e1 = most mentioned) and index them by surface, sentence and last name."""
    index = EntityIndex()
    for n, (_, ent, members, titles) in enumerate(built, start=1):
        ent.id = f"e{n}"
        index.entities.append(ent)
        index.by_id[ent.id] = ent
        index.titles[ent.id] = [t for t, _ in titles.most_common()]
        canon = name_tokens(ent.name)
        if canon:
            index.by_last.setdefault(skeleton(canon[-1]), []).append(ent.id)
        for k in members:
            for w in k:
                hit = next((c for c in canon if tokens_match(w, c)), None)
                if hit is not None and hit != w:
                    index.spelling.setdefault(w, hit)
            index.by_surface[names.kstr[k]] = ent.id
            for m in names.by_key[k]:
                index.by_surface[fold(m.surface)] = ent.id
                index.by_sentence.setdefault(m.sent.key, []).append((m.surface, ent.id))
    return index


def _place_kind(
    name: str, etype: str, titled: bool, members: Sequence[tuple[str, ...]], ms: Sequence[Mention]
) -> PlaceKind | None:
    """Country or city: by general vocabulary, else by how the story writes the place.

    The vocabulary decides for a name typed place or other, and for a one-word "person" never
    written with a title ("Russia said": the speech verb made it look like a person).  A place
    the vocabulary does not know is a city when the story writes "the city of X" / "X city" /
    "the capital, X".
    """
    known = place_kind(fold(name))
    if etype == "organisation" or (
        # a person's full name is no place, unless it is all a country's name ("the United States said")
        etype == "person" and (titled or (any(len(k) > 1 for k in members) and known != "country"))
    ):
        return None
    if known is not None:
        return "country" if known == "country" else "region" if known == "region" else "city"
    if etype != "place":
        return None
    for m in ms:
        at = m.sent.text.find(m.surface)
        if at >= 0 and (CITY_BEFORE.search(m.sent.text[:at]) or CITY_AFTER.match(m.sent.text[at + len(m.surface) :])):
            return "city"
    return None


def _join_first_names(
    keys: Sequence[tuple[str, ...]],
    kstr: dict[tuple[str, ...], str],
    by_key: dict[tuple[str, ...], list[Mention]],
    cues: dict[tuple[str, ...], Counter[str]],
    uf: UnionFind,
) -> None:
    """A first name alone ("[President Vladimir] Putin" cut at the bracket) joins the one person it opens.

    Only when exactly one full name typed person (a title, "X said") starts with it and no name ends with
    it (then it could be a surname), and the word has no organisation or place cue.
    """
    firsts: dict[str, set[str]] = defaultdict(set)
    lasts: set[str] = set()
    for k in keys:
        if len(k) >= 2 and cues[k].get("person", 0) > 0 and not (cues[k].keys() - {"person"}):
            firsts[k[0]].add(uf.find(kstr[k]))
        if len(k) >= 2:
            lasts.add(k[-1])
    for k in keys:
        if len(k) != 1 or _is_acronym(by_key[k][0].surface) or k[0] in lasts or (cues[k].keys() - {"person"}):
            continue
        owners = firsts.get(k[0], set())
        if len(owners) == 1 and uf.find(kstr[k]) == kstr[k]:
            uf.union(next(iter(owners)), kstr[k])


def _join_short_organisations(
    keys: Sequence[tuple[str, ...]],
    kstr: dict[tuple[str, ...], str],
    cues: dict[tuple[str, ...], Counter[str]],
    uf: UnionFind,
) -> None:
    """A shorter form of one organisation's name joins it: "National Accord" (government) and
    "Libyan Government of National Accord" with "Government of National Accord".

    The longer name may add only organisation head words ("Government") and adjectives of
    nationality ("Libyan") to the shorter one's words, and must be the only such organisation:
    "United Nations Security Council" adds "Security" and stays apart from "United Nations";
    "Foreign Ministry" next to a Russian and a Turkish one joins neither.
    """
    orgs = [k for k in keys if len(k) >= 2 and cues[k].get("organisation", 0) > 0]
    # a shorter form may have no cue of its own ("the National Unity government" -> "National Unity")
    short = orgs + [k for k in keys if len(k) >= 2 and not cues[k] and place_kind(" ".join(k)) is None]
    content = {k: frozenset(t for t in k if t not in _CONNECTORS and t != "the") for k in short}

    def shorter_form(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
        return content[x] <= content[y] and all(t in ORG_HEADS or _DEMONYM.search(t) for t in content[y] - content[x])

    for a in short:
        owners = [b for b in orgs if b != a and shorter_form(a, b)]
        # every longer form must be a form of one body: any two of them are forms of each other
        if owners and all(shorter_form(x, y) or shorter_form(y, x) for x in owners for y in owners):
            for b in owners:
                uf.union(kstr[b], kstr[a])
