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
from newsfuse.crosscheck.lexicon import PERSON_TITLES, SPEECH_VERBS
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
# A speaker: a capitalised name (titles included), a pronoun, or a described person ("an LNA
# military spokesman"); names never start inside a word ("pro-Haftar").
_ROLES = (
    r"(?:spokesman|spokeswoman|spokesperson|official|officials|source|sources|minister|ministry|statement|president"
    r"|leader|commander|envoy|diplomat|analyst|analysts|expert|experts|witness|witnesses|resident|residents|army"
    r"|government|military|office|aide|adviser|advisor)"
)
_NAME = (
    r"(?<![\w-])((?:[A-Z][\w'’.-]*\s){0,5}[A-Z][\w'’-]*"
    rf"|(?:an?|the|his|her|its|their|[A-Z][\w-]*['’]s)\s(?:[\w'’-]+\s){{0,3}}?{_ROLES}"
    r"|he|she|they|He|She|They)"
)
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_PATTERNS = [
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*(?:[-–—]\s*)?{_NAME}\s+(?:also\s+|further\s+|then\s+)?(?:{_VERBS})\b"),
    re.compile(rf"{_PLACEHOLDER}[,.!?]?\s*(?:{_VERBS})\s+{_NAME}"),
    re.compile(rf"{_NAME}\s+(?:was|were)\s+quoted\s+as\s+saying\b"),
    re.compile(rf"{_NAME}\s+(?:\w+\s+){{0,2}}(?:{_VERBS})\b[^.]*?{_PLACEHOLDER}"),
    re.compile(rf"according\s+to\s+{_NAME}"),
    re.compile(rf"{_NAME}\s*:\s*{_PLACEHOLDER}"),
    re.compile(rf"{_NAME}\s+told\s+"),
]
_DESCRIBED = re.compile(r"^(?:an?|the|his|her|its|their)\s", re.IGNORECASE)
_POSSESSIVE_NAME = re.compile(r"['’]s$")
_PRONOUNS = {"he", "she", "they"}


@dataclass
class RawQuote:
    text: str
    article: str
    paragraph: str
    outlet: str | None
    context: str  # the paragraph with the quote replaced by the placeholder
    position: int  # paragraph number in the article
    order: dict[str, int]  # paragraph id -> position, for the article (pronoun resolution)
    speaker: str | None = None
    speaker_name: str | None = None


def quoted_spans(paragraphs: Sequence[str]) -> list[tuple[int, int, int, str]]:
    """``(paragraph_no, start, end, text)`` of every quoted span; never raises on odd marks."""
    out: list[tuple[int, int, int, str]] = []
    carry = False  # a quote left open at the end of the previous paragraph
    for pn, text in enumerate(paragraphs):
        i = 0
        n = len(text)
        opened: tuple[int, str] | None = None
        if carry:
            m = re.match(r"\s*([“\"‘«])", text)
            if m:
                opened = (m.end(), _OPEN[m.group(1)])
                i = m.end()
            carry = False
        # Only quote marks can open or close a span, so jump from mark to mark (same spans as a
        # scan of every character, a fraction of the time on long paragraphs).
        for mm in _MARKS.finditer(text, i):
            i = mm.start()
            c = text[i]
            if opened is None:
                if c in _OPEN and (c != "‘" or i == 0 or not text[i - 1].isalnum()):
                    opened = (i + 1, _OPEN[c])
            else:
                start, close = opened
                is_close = c == close or (close == "”" and c == '"') or (close == '"' and c == "”")
                if is_close and (close != "’" or i + 1 >= n or not text[i + 1].isalpha()):
                    out.append((pn, start, i, text[start:i]))
                    opened = None
        if opened is not None:
            start, _ = opened
            out.append((pn, start, n, text[start:n]))
            carry = True
    return out


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
    """The subject of the closest earlier sentence that names a person (quoted words left out).

    The first person named in a sentence is taken as its subject: in "Erdogan threatened to
    teach a lesson to Hifter ... he said", "he" is Erdogan, not the nearer Hifter.
    """
    before = q.context.split(_PLACEHOLDER, 1)[0]
    last: str | None = None
    for s in sents:
        if s.article != q.article:
            continue
        if s.paragraph == q.paragraph:
            if s.text not in before:
                continue  # the sentence holding the quote, or one after it
        elif q.order.get(s.paragraph, 0) > q.order.get(q.paragraph, 0):
            break
        text = _QUOTED.sub(" ", s.text)
        found = [(text.find(surface), eid) for surface, eid in index.in_sentence(s) if index.type_of(eid) == "person"]
        found = [(at, eid) for at, eid in found if at >= 0]
        if found:
            last = min(found)[1]
    if last is None:
        return None, None
    ent = index.get(last)
    return last, ent.name if ent else None


def _described_speaker(phrase: str, index: EntityIndex | None) -> str | None:
    """'the Turkish president' -> the one entity introduced with that title, if exactly one."""
    if index is None:
        return None
    key = fold(_DESCRIBED.sub("", phrase)).strip()
    hits = {eid for eid, titles in index.titles.items() if any(fold(t) == key for t in titles)}
    return hits.pop() if len(hits) == 1 else None


def _para_number(pid: str) -> int:
    m = re.search(r"(\d+)$", pid)
    return int(m.group(1)) if m else 0


def attribute(q: RawQuote, sents: Sequence[Sent], index: EntityIndex | None) -> None:
    for rx in _PATTERNS:
        m = rx.search(q.context)
        if not m:
            continue
        name = m.group(1).strip()
        if name.lower() in _PRONOUNS:
            if index is not None:
                q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
            if q.speaker is not None:
                return
            continue
        if fold(name.split()[0]) in STOPWORDS and len(name.split()) == 1:
            continue
        if _DESCRIBED.match(name) or _POSSESSIVE_NAME.search(name.split()[0]):
            # a described speaker ("an LNA military spokesman", "Haftar's spokesman") is not the entity it names
            described = q.context[m.start(1) :]
            described = re.split(rf"\s+(?:{_VERBS}|was|were|in|on|at)\b", described, maxsplit=1)[0]
            q.speaker, q.speaker_name = None, described.strip()
            eid = _described_speaker(q.speaker_name, index)
            if eid is not None:
                ent = index.get(eid) if index else None
                q.speaker, q.speaker_name = eid, ent.name if ent else q.speaker_name
            return
        q.speaker, q.speaker_name = _resolve_name(name, index)
        return
    # a paragraph that is only a quote continues the previous speaker
    if index is not None and not re.sub(r"[\W_]+", "", q.context.replace(_PLACEHOLDER, "")):
        q.speaker, q.speaker_name = _pronoun_speaker(q, sents, index)
        return
    # fallback: the person named before the quote in its sentence, when a verb of saying is there
    if index is not None and re.search(rf"\b(?:{_VERBS})\b", q.context):
        before = q.context.split(_PLACEHOLDER, 1)[0]
        for s in sents:
            if s.article == q.article and s.paragraph == q.paragraph:
                found = sorted(
                    (before.find(surface), eid)
                    for surface, eid in index.in_sentence(s)
                    if surface in before and index.type_of(eid) == "person"
                )
                if found:
                    ent = index.get(found[0][1])
                    q.speaker, q.speaker_name = found[0][1], ent.name if ent else None
                    return


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
        for pn, start, end, text in quoted_spans(texts):
            text = text.strip(" ,.")
            if len(tokens(text)) < min_words:
                continue
            ptext = texts[pn]
            context = ptext[: max(0, start - 1)] + _PLACEHOLDER + ptext[min(len(ptext), end + 1) :]
            q = RawQuote(
                text=text, article=aid, paragraph=art.paragraphs[pn].id, outlet=art.outlet, context=context, position=pn, order=order
            )
            attribute(q, own, index)
            raw.append(q)
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
                variants=[ClaimSentence(text=q.text, article=q.article, paragraph=q.paragraph, outlet=q.outlet) for q in qs],
                outlets=outlets_of(arts, by_id),
                independent_sources=independent_sources(arts, by_id),
            )
        )
    quotes.sort(key=lambda qt: (-qt.independent_sources, -len(qt.variants)))
    for n, quote in enumerate(quotes, start=1):
        quote.id = f"q{n}"
    return quotes
