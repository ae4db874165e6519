"""The speed helpers give exactly what the plain functions give: batch memos, fast paths."""

from __future__ import annotations

import random
import re

from newsfuse.crosscheck.entities import name_tokens
from newsfuse.crosscheck.quotes import _OPEN, quoted_spans
from newsfuse.crosscheck.stemming import CachedStemmer
from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.pipeline import StoryMemo, story_batch_step, story_step
from newsfuse.text import _WORD_RE, SentenceMemo, split_sentences, tokens
from newsfuse.timeline.dates import DateResolver

TEXTS = [
    "Gen. Haftar left Moscow on Jan. 14. He did not sign the deal, officials said!",
    "“We will teach a lesson,” Erdoğan said. İstanbul's mayor agreed.",
    "",
    "No full stop here",
]


def test_sentence_memo_splits_like_split_sentences() -> None:
    memo = SentenceMemo()
    for _ in range(2):  # second round: from the memo
        for t in TEXTS:
            assert memo.split(t) == split_sentences(t)
    got = memo.split(TEXTS[0])
    got.append("changed")
    assert memo.split(TEXTS[0]) == split_sentences(TEXTS[0])  # callers get their own list


def test_tokens_fast_path_matches_per_token_lowercase() -> None:
    rng = random.Random(5)
    alphabet = "aZ9_'’ -.İıÉé\u0307"
    for _ in range(5000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert tokens(t) == [w.lower() for w in _WORD_RE.findall(t)]


def test_cached_stemmer_gives_snowball_stems() -> None:
    cached = CachedStemmer()
    expected = {
        "signed": "sign",
        "signing": "sign",
        "talks": "talk",
        "running": "run",
        "skies": "sky",
        "dying": "die",
        "added": "add",
    }
    for w, stem in [*expected.items(), ("signed", "sign")]:
        assert cached.stem(w) == stem


def _quoted_spans_char_by_char(paragraphs: list[str]) -> list[tuple[int, int, int, str]]:
    """The former scan of every character, as the reference."""
    out: list[tuple[int, int, int, str]] = []
    carry: str | None = None
    for pn, text in enumerate(paragraphs):
        i, n = 0, len(text)
        opened: tuple[int, str] | None = None
        if carry is not None:
            m = re.match(r"\s*([“\"‘«])", text)
            if m:
                opened, i = (m.end(), _OPEN[m.group(1)]), m.end()
            else:  # a paragraph break inside a quote: the first mark may close it
                j = next((k for k, ch in enumerate(text) if ch in '“”„«»"‘’'), None)
                if j is not None:
                    ch, glued = (
                        text[j],
                        j > 0 and not text[j - 1].isspace() and (j + 1 >= n or not text[j + 1].isalnum()),
                    )
                    attributed = (
                        j > 0
                        and text[j - 1] in ",.!?"
                        and re.match(r"\s*(?:$|[a-z(—–-]|(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|asked)\b)", text[j + 1 :])
                        is not None
                    )
                    closes = attributed and (
                        (ch == '"' and carry in {'"', "”"} and glued)
                        or (ch == "’" and carry == "’" and (j + 1 >= n or not text[j + 1].isalpha()))
                        or (ch not in {'"', "’"} and (ch == carry or (ch == "”" and carry == '"')))
                    )
                    if closes:
                        out.append((pn, 0, j, text[:j]))
                        i = j + 1
            carry = None
        while i < n:
            c = text[i]
            if opened is None:
                stray = (
                    c == '"'
                    and i > 0
                    and (text[i - 1].isalnum() or text[i - 1] in ".,!?")
                    and (i + 1 >= n or text[i + 1].isspace())
                )
                if c in _OPEN and (c != "‘" or i == 0 or not text[i - 1].isalnum()) and not stray:
                    opened = (i + 1, _OPEN[c])
            else:
                start, close = opened
                is_close = c == close or (close == "”" and c == '"') or (close == '"' and c == "”")
                if is_close and (close != "’" or i + 1 >= n or not text[i + 1].isalpha()):
                    out.append((pn, start, i, text[start:i]))
                    opened = None
            i += 1
        if opened is not None:
            out.append((pn, opened[0], n, text[opened[0] : n]))
            carry = opened[1]
    return out


def test_quoted_spans_jumping_between_marks_finds_the_same_spans() -> None:
    rng = random.Random(3)
    for _ in range(20000):
        ps = ["".join(rng.choice('“”„«»"‘’ ab1') for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 4))]
        assert quoted_spans(ps) == _quoted_spans_char_by_char(ps)


def test_date_resolver_shared_or_fresh_gives_the_same_mentions() -> None:
    from datetime import date

    shared = DateResolver()
    for s in ["Talks began on January 13 and ended Jan. 14.", "He left last Monday.", "On 29 February 2020 it rained."]:
        assert shared.find(s, date(2020, 3, 2)) == DateResolver().find(s, date(2020, 3, 2))


def _articles() -> dict[str, Article]:
    texts = {
        "a1": [
            "Field Marshal Khalifa Haftar left Moscow on Tuesday without signing the ceasefire deal.",
            "“We will teach a lesson,” Turkish President Recep Tayyip Erdogan said on Tuesday.",
        ],
        "a2": [
            "Khalifa Hifter left Moscow on Tuesday without signing the truce, officials said.",
            "At least 1,000 people were displaced, according to the UN.",
        ],
        "a3": [
            "Libyan commander Haftar left the talks in Moscow on Monday without signing.",
            "At least 1,500 people were displaced, the Red Crescent said.",
        ],
    }
    return {
        aid: Article(
            id=aid,
            origin=f"{aid}.txt",
            title=None,
            outlet=f"outlet-{aid}",
            published=PublishedDate("2020-01-14", "input", 1.0),
            paragraphs=make_paragraphs(ps),
        )
        for aid, ps in texts.items()
    }


def test_batch_memo_changes_no_story() -> None:
    from newsfuse.model import to_dict

    by_id = _articles()
    alone = [to_dict(story_step(Story(id=f"s{k}", articles=list(by_id)), by_id, Options())) for k in range(2)]
    batch = story_batch_step(
        [Story(id=f"s{k}", articles=list(by_id)) for k in range(2)], list(by_id.values()), Options()
    )
    assert [to_dict(s) for s in batch] == alone
    memo = StoryMemo()
    again = [to_dict(story_step(Story(id=f"s{k}", articles=list(by_id)), by_id, Options(), memo)) for k in range(2)]
    assert again == alone


def test_month_day_by_calendar_equals_dateparser_on_every_key() -> None:
    r = DateResolver()
    for month in range(1, 13):
        for day in range(0, 40):
            assert r._month_day(month, day) == r._month_day_dateparser(month, day), (month, day)


def test_name_tokens_split_on_whitespace_like_the_regex() -> None:
    assert name_tokens("al-Sarraj") == ("sarraj",)
    assert name_tokens(" Field  Marshal\tHaftar's ") == ("field", "marshal", "haftar")
    assert name_tokens("U.S. Army") == ("us", "army")
