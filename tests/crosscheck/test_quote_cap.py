"""A story with more quotes than MAX_LINKED_QUOTES links each article's leading quotes and says so."""

from newsfuse.crosscheck import quotes as quotes_mod
from newsfuse.crosscheck.quotes import build_quotes
from newsfuse.crosscheck.sentences import story_sentences
from newsfuse.model import Article, make_paragraphs
from newsfuse.text import split_sentences

STATEMENTS = [
    "The spillway of the Verrin dam will hold through the spring floods",
    "Families from lower Kelbrook can return home by Friday evening",
    "Engineers found no movement in the concrete wall itself",
    "Pumping crews worked through the night near the school",
    "Insurance claims open next week at the town library",
]


def _story(n_articles: int, per_article: int) -> dict[str, Article]:
    arts = {}
    for i in range(n_articles):
        paras = [f'"{STATEMENTS[k]}," Orla Vance said.' for k in range(per_article)]
        arts[f"a{i}"] = Article(id=f"a{i}", origin=f"t{i}", outlet=f"Outlet {i}", paragraphs=make_paragraphs(paras))
    return arts


def test_quotes_beyond_the_cap_stay_single_and_the_story_says_so(monkeypatch) -> None:
    by_id = _story(4, 5)
    ids = list(by_id)
    sents = story_sentences(ids, by_id, split_sentences)
    full = build_quotes(sents, None, by_id, ids, 3)
    assert len(full) == 5  # each statement linked across the four outlets
    monkeypatch.setattr(quotes_mod, "MAX_LINKED_QUOTES", 8)  # 2 leading quotes of each article
    notes: list[str] = []
    capped = build_quotes(sents, None, by_id, ids, 3, notes=notes)
    assert sum(len(q.variants) for q in capped) == 20  # no quote is lost
    linked = [q for q in capped if len(q.variants) > 1]
    assert len(linked) == 2 and all(len(q.variants) == 4 for q in linked)
    assert len(capped) == 2 + 12
    assert notes and "linked among the first 8" in notes[0]
