"""Time to summarise one story of 10 and of 100 articles (synthetic, generated here).

    PYTHONPATH=src python bench/bench_summary.py [--sumy]

Articles are generated from a small invented vocabulary so the benchmark needs no data: each has
~25 sentences of ~22 words, sharing event sentences across outlets as real coverage does.  Prints
seconds per story (best of 3).  With ``--sumy`` and sumy installed, sumy's LexRank runs on the same
text side by side (with newsfuse's own sentence splitter and tokeniser plugged in, so it needs no
NLTK data download).
"""

from __future__ import annotations

import argparse
import random
import time

from newsfuse.model import Article, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.summary import summarize_story
from newsfuse.text import split_sentences, words

NAMES = "Velmora Karsby Tessin Brandt Oduya Lindqvist Marrow Halden Presk Ulvik Sorren Tavi".split()
NOUNS = "bridge council river inquiry budget harbour tram election storm ministry court strike port vote".split()
VERBS = "opened closed approved rejected announced delayed repaired flooded signed blocked funded".split()
FILL = "the a new old local regional national after before during with without over under near".split()


def sentence(rng: random.Random) -> str:
    ws = [rng.choice(NAMES)] + [rng.choice(VERBS if i % 5 == 1 else NOUNS if i % 3 else FILL) for i in range(20)]
    return " ".join(ws) + "."


def make_story(n: int, seed: int = 13) -> tuple[Story, dict[str, Article]]:
    rng = random.Random(seed)
    shared = [sentence(rng) for _ in range(30)]  # event sentences several outlets repeat
    by_id: dict[str, Article] = {}
    for i in range(n):
        sents = rng.sample(shared, 8) + [sentence(rng) for _ in range(17)]
        paras = [" ".join(sents[k : k + 3]) for k in range(0, len(sents), 3)]
        a = Article(id=f"a{i}", origin=f"bench#{i}", paragraphs=make_paragraphs(paras), outlet=f"outlet{i % 40}")
        a.published = PublishedDate(value=f"2031-03-{1 + i % 9:02d}", source="input", confidence=1.0)
        by_id[a.id] = a
    return Story(id=f"bench{n}", articles=list(by_id)), by_id


def real_story(path: str, n: int) -> tuple[Story, dict[str, Article]]:
    """The first ``n`` articles of a format-E ``articles.jsonl`` (read by path) as one story."""
    import json

    by_id: dict[str, Article] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(by_id) >= n:
                break
            r = json.loads(line)
            a = Article(
                id=r["id"], origin=path, paragraphs=make_paragraphs(r["text"].split("\n")), outlet=r["id"].split("-")[0]
            )
            a.published = PublishedDate(value=r["date"], source="input", confidence=1.0)
            by_id[a.id] = a
    return Story(id=f"real{n}", articles=list(by_id)), by_id


class _Tok:
    """Plugs newsfuse's splitter into sumy (its default tokenizer needs NLTK's punkt download)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def best_of(fn: object, reps: int = 3) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``reps`` runs (CPU time is the fairer figure on a shared machine)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sumy", action="store_true", help="also time sumy's LexRank (if installed)")
    ap.add_argument("--real", default=None, help="format-E articles.jsonl: time its first 10/100 articles instead")
    args = ap.parse_args()
    for n in (10, 100):
        story, by_id = real_story(args.real, n) if args.real else make_story(n)
        n_sent = sum(len(split_sentences(p.text)) for a in by_id.values() for p in a.paragraphs)
        t = best_of(lambda story=story, by_id=by_id: summarize_story(story, by_id, Options()))
        print(f"newsfuse summarize_story: {n:4d} articles, {n_sent:5d} sentences: {t[0]:.3f} s wall, {t[1]:.3f} s CPU")
        if args.sumy:
            try:
                from sumy.parsers.plaintext import PlaintextParser
                from sumy.summarizers.lex_rank import LexRankSummarizer
            except ImportError:
                print("sumy not installed: skipped")
                continue
            text = "\n\n".join(a.text for a in by_id.values())
            doc = PlaintextParser.from_string(text, _Tok()).document
            summ = LexRankSummarizer()
            t = best_of(lambda doc=doc, summ=summ: summ(doc, 5), reps=1)
            print(
                f"sumy LexRank:            {n:4d} articles, {n_sent:5d} sentences: {t[0]:.3f} s wall, {t[1]:.3f} s CPU"
            )


if __name__ == "__main__":
    main()
