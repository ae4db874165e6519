"""Direct quotes with their speakers, linked across outlets and translations.

Finding quotes: a small scanner over each paragraph pairs opening and closing marks (straight
and curly, double; curly single only where it cannot be an apostrophe).  A quote left open at
the end of a paragraph continues into the next paragraph when that one opens with a quote mark
(the news convention for long quotes), otherwise it ends with its paragraph; a stray closing mark
is ignored.  Spans shorter than ``quote_min_words`` are scare quotes or labels and are skipped.

Speakers: :mod:`newsfuse.crosscheck.speakers` (attribution patterns, the quote's sentence and
neighbours), with pronouns and described speakers in their own modules.

Linking: two quotes are one statement when their speakers agree (or one is unknown) and most
content words (stemmed, names in the story's canonical spelling) of the shorter one occur in the
longer one, so a partial quote joins its full form and two translations sharing their key words
("teach a lesson", "attacks", "legitimate administration", "brothers in Libya") join.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.crosscheck.described import same_by_title
from newsfuse.crosscheck.entities import EntityIndex
from newsfuse.crosscheck.lexicon import IRREGULAR_VERBS
from newsfuse.crosscheck.pronouns import PRONOUN_AFTER
from newsfuse.crosscheck.sentences import Sent
from newsfuse.crosscheck.speakers import attribute, continues_in_paragraph, split_attribution
from newsfuse.crosscheck.speech import PLACEHOLDER, VERBS, WORD, ArticleSents, RawQuote, Span
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, ClaimSentence, Quote
from newsfuse.stories.sources import independent_sources, outlets_of
from newsfuse.text import STOPWORDS, fold, is_title, tokens

_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’"}
# Every character that can open or close a quote: quoted_spans looks at these positions only.
_MARKS = re.compile("[" + re.escape("".join(sorted(set(_OPEN) | set(_OPEN.values()) | {'"', "”"}))) + "]")
# Share of the shorter quote's content words that must occur in the longer one to link them.
# 0.5 lets two translations that share their key words join; partial quotes are fully contained.
_LINK_CONTAINMENT = 0.5

# Quotes of a story that are linked across outlets.  Linking counts the words every pair of quotes
# from different articles shares, which grows with the square of the story's quotes (a generated
# 1,600-article story: 48 s); a 100-article story has a few hundred quotes, so only far larger
# stories are cut: each article's leading quotes are linked, the others stay single (story note).
MAX_LINKED_QUOTES = 2000

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
    rf"|\b(?:{VERBS})|\b(?:called|calling|calls|described|describing|describes)\s+(?:it|them|him|her|this|that)(?:\s+as)?(?:\s+an?)?"
    r"|[:,])\s*$",
    re.IGNORECASE,
)
# Irregular past forms that differ from their base ("took", "made"), as clause cues.
_IRREGULAR_PAST = frozenset(k for k, v in IRREGULAR_VERBS.items() if k != v)

_NOMINAL_BEFORE = re.compile(r"\b(?:the|a|an|of|for|in|on|with|by|its|their|his|her)\s*$", re.IGNORECASE)
# A quoted fragment of this many words is speech even without a verb the rules above recognise.
_STATEMENT_WORDS = 10


# Words right before a quoted title ("a book entitled '…'").
_TITLE_BEFORE = re.compile(r"\b(?:entitled|titled|headlined|dubbed|named)\s*$", re.IGNORECASE)


def is_statement(text: str, before: str = "") -> bool:
    """Is a quoted span something said, rather than a label or a scare quote?

    A span is a statement when it is long (``_STATEMENT_WORDS`` words or more), holds a clause word
    (auxiliary, modal, first- or second-person pronoun), a past-tense verb with an object, or is
    itself part of a clause of the sentence (right after "will", "to", "that", a verb of saying, a
    colon) or opens the sentence.  "an 'open-ended and binding' truce", "implement a 'complete pause in
    the fighting'" and "the mayor's 'Year of Renewal' slogan" are not statements.
    """
    raw_words = WORD.findall(text)
    words = [w.lower() for w in raw_words]
    if _TITLE_BEFORE.search(before[-30:]) or is_title(raw_words, _STATEMENT_WORDS):
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


def _closes_straight(text: str, i: int) -> bool:
    """Does the straight mark at ``text[i]`` look like a closing one (glued to the word before it)?"""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= len(text) or not text[i + 1].isalnum())


# What follows the end of a quote: its attribution ('," he said', '," Mr Hague asked') or nothing.
# The name may carry a place, an apposition or a description before it: '," Oskar Lind of the Tenants Union said', '," Mara
# Quill, a professor at Tallor University, told'.
_ATTRIBUTION_AFTER = re.compile(
    rf"\s*(?:$|[a-z(—–-]|(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:(?:of|from|at|with)\s+[^,.“”\"]{{2,60}}?\s+)?(?:{VERBS})\b"
    rf"|(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*,\s[^“”\"]{{3,90}}?\s(?:{VERBS})\b"
    # '," Nobel laureate and party founder Mara Quill writes': a name with its description before it
    rf"|(?:[\w'’.-]+\s+){{1,8}}?(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{VERBS})\b)"
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


def _ends_paragraph(ptext: str, end: int) -> bool:
    """Is the quote closed at the very end of its paragraph (only punctuation after it)?"""
    return not re.search(r"\w", ptext[end + 1 :])


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
        last_end = (-1, 0)  # where it ends (paragraph, offset): a quote may go on over a paragraph break
        for span in spans:
            text = span.text.strip()
            pn, start, end = span.paragraph, span.start, span.end
            ptext = texts[pn]
            if last is not None and span.continues and last_end[0] == pn - 1:
                last.text = f"{last.text} {text}".strip()  # one quote over a paragraph break
                last_end = (pn, end)
                # the attribution may follow the end ('…," said X.'): it wins over a speaker only
                # taken from the quote or sentence before
                if last.how in {"", "neighbour"}:
                    tail = RawQuote(
                        text=text,
                        article=aid,
                        paragraph=art.paragraphs[pn].id,
                        outlet=art.outlet,
                        context=ptext[: max(0, start - 1)] + PLACEHOLDER + ptext[min(len(ptext), end + 1) :],
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
                        and not same_by_title(tail, last, index)
                        # '…," he said.' goes on with the speaker already found, whoever "he" resolves to
                        and (not last.how or not PRONOUN_AFTER.match(tail.context.split(PLACEHOLDER, 1)[-1]))
                    ):
                        last.speaker, last.speaker_name, last.how = tail.speaker, tail.speaker_name, tail.how
                continue
            if not text or len(tokens(text)) < min_words or not is_statement(text, ptext[: max(0, start - 1)]):
                last = None
                continue
            context = ptext[: max(0, start - 1)] + PLACEHOLDER + ptext[min(len(ptext), end + 1) :]
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
            if last is not None and last_end[0] == pn and continues_in_paragraph(last_end[1], q, own):
                # '"A," he said. "B."': the second sentence goes on with the first statement
                last.text = f"{last.text.rstrip(' ,')} … {text}"
                continue
            attribute(q, own, index, raw[-1] if raw else None)
            if q.how in {"", "neighbour"} and pn + 1 < len(texts) and _ends_paragraph(ptext, end):
                split_attribution(q, texts[pn + 1], own, index)
            raw.append(q)
            last, last_end = q, (pn, end)
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
