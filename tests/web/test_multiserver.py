"""Several servers taking posts on one store (a SQLite file, or PostgreSQL with NEWSFUSE_TEST_PG).

Each test runs two apps on the same database, as two ``newsfuse serve`` processes would be: the
stories stored must be those of all the articles, whichever server took each post.
"""

from __future__ import annotations

import threading

from newsfuse.model import Article, Story
from newsfuse.options import Options
from newsfuse.store import open_store
from newsfuse.web import Settings, create_app
from newsfuse.web.ingest import Steps


class _WordIndex:
    """Stories of articles linked by a shared title word (not "story" nor a number): a new article
    can merge two stories; once an article's title says "apart", articles link by their first title
    word only, so a new article can split a story too.  A story's id is its alphabetically first
    first-word, so two servers with the same articles give the same stories, whatever order they got
    them in."""

    def __init__(self, options: Options) -> None:
        self.articles: dict[str, Article] = {}

    def add(self, article: Article) -> None:
        self.articles.setdefault(article.id, article)

    @staticmethod
    def _words(a: Article, first_only: bool) -> set[str]:
        words = [w.lower() for w in (a.title or "").split() if w.lower() != "story" and not w.isdigit()]
        return set(words[:1] if first_only else words)

    def stories(self) -> list[Story]:
        groups: list[tuple[set[str], list[Article]]] = []
        apart = any("apart" in (a.title or "").lower().split() for a in self.articles.values())
        for a in sorted(self.articles.values(), key=lambda x: x.id):
            words = self._words(a, apart)
            joined = [g for g in groups if g[0] & words]
            merged: tuple[set[str], list[Article]] = (set(words), [a])
            for g in joined:
                merged[0].update(g[0])
                merged[1].extend(g[1])
                groups.remove(g)
            groups.append(merged)
        out = []
        for _, arts in groups:
            first = sorted((x.title or "").split()[0].lower() for x in arts)[0]
            out.append(Story(id=f"s-{first}", articles=sorted(x.id for x in arts), title=first))
        return out


def _client(db: str, h, analysed: list[str] | None = None):
    from fastapi.testclient import TestClient

    base = h.simple_steps()

    def story_step(story: Story, by_id: dict[str, Article], options: Options) -> Story:
        if analysed is not None:
            analysed.append(story.id)
        return base.story_step(story, by_id, options)

    steps = Steps(base.articles, base.find_copies, _WordIndex, story_step)
    settings = Settings(db=db, token=h.TOKEN, steps=steps, today=h.TODAY)
    return TestClient(create_app(settings), raise_server_exceptions=False)


def _post(c, h, title: str, n: int) -> dict[str, object]:
    r = c.post("/api/articles", json=h.article_json(n, topic=title.split()[0], title=title), headers=h.AUTH)
    assert r.status_code == 201, r.text
    result: dict[str, object] = r.json()["results"][0]
    return result


def _stored(db: str) -> dict[str, set[str]]:
    """Stored story id -> its articles, checked against each article's own story id."""
    with open_store(db) as s:
        stories = {sid: set(aids) for sid, aids in s.story_articles().items()}
        placed = {a.id: sid for a, sid, _ in s.articles_since(0)}
    assert all(sid is not None for sid in placed.values()), "an article was left unplaced"
    assert {aid: sid for sid, aids in stories.items() for aid in aids} == placed
    return stories


def test_a_story_keeps_the_articles_another_server_placed(any_db, h) -> None:
    with _client(any_db, h) as one, _client(any_db, h) as two:
        a1 = _post(one, h, "Bridge opens", 1)
        a2 = _post(two, h, "Bridge tolls", 2)
        a3 = _post(one, h, "Bridge traffic", 3)
        assert a1["story_id"] == a2["story_id"] == a3["story_id"] == "s-bridge"
        assert _stored(any_db) == {"s-bridge": {a1["article_id"], a2["article_id"], a3["article_id"]}}
        story = two.get("/api/stories/s-bridge").json()["story"]
        assert len(story["articles"]) == 3


def test_a_story_merged_away_by_another_server_is_deleted(any_db, h) -> None:
    with _client(any_db, h) as one, _client(any_db, h) as two:
        alpha = _post(one, h, "Alpha harbour", 1)
        beta = _post(two, h, "Beta ferry", 2)  # server two's own story
        assert _stored(any_db) == {"s-alpha": {alpha["article_id"]}, "s-beta": {beta["article_id"]}}
        # Server one never held "s-beta", yet the article linking both stories merges it away.
        both = _post(one, h, "Alpha Beta link", 3)
        assert both["story_id"] == "s-alpha"
        assert _stored(any_db) == {"s-alpha": {alpha["article_id"], beta["article_id"], both["article_id"]}}


def test_a_story_split_again_after_another_servers_merge_is_stored_again(any_db, h) -> None:
    with _client(any_db, h) as one, _client(any_db, h) as two:
        alpha = _post(one, h, "Alpha harbour", 1)
        beta = _post(two, h, "Beta ferry", 2)
        link = _post(one, h, "Alpha Beta link", 3)  # server one merges beta's story away
        assert _stored(any_db) == {"s-alpha": {alpha["article_id"], beta["article_id"], link["article_id"]}}
        # Server two last saw "s-beta" as it is now: its own view says the story did not change,
        # yet the store no longer has it.
        gamma = _post(two, h, "Gamma apart", 4)
        assert _stored(any_db) == {
            "s-alpha": {alpha["article_id"], link["article_id"]},
            "s-beta": {beta["article_id"]},
            "s-gamma": {gamma["article_id"]},
        }


def test_a_story_another_server_stored_as_it_is_is_not_analysed_again(any_db, h) -> None:
    seen_one: list[str] = []
    seen_two: list[str] = []
    with _client(any_db, h, seen_one) as one, _client(any_db, h, seen_two) as two:
        assert one.app.state.ingestor.wait_started(10) and two.app.state.ingestor.wait_started(10)
        _post(one, h, "Bridge opens", 1)
        _post(two, h, "Ferry strike", 2)  # server two catches up the bridge story, stored as it is
        assert seen_one == ["s-bridge"] and seen_two == ["s-ferry"]
        _post(two, h, "Bridge tolls", 3)
        assert seen_two == ["s-ferry", "s-bridge"]


def test_concurrent_posts_to_two_servers_give_the_stories_of_all_articles(any_db, h) -> None:
    topics = ["Bridge", "Ferry", "Harbour", "Tunnel"]
    errors: list[str] = []
    with _client(any_db, h) as one, _client(any_db, h) as two:

        def poster(c, first: int) -> None:
            for n in range(first, first + 12):
                r = c.post(
                    "/api/articles",
                    json=h.article_json(n, topic=topics[n % 4], title=f"{topics[n % 4]} {n}"),
                    headers=h.AUTH,
                )
                if r.status_code != 201:
                    errors.append(r.text)

        threads = [threading.Thread(target=poster, args=(c, first)) for c, first in ((one, 0), (two, 100))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        stories = _stored(any_db)
        assert sorted(stories) == ["s-bridge", "s-ferry", "s-harbour", "s-tunnel"]
        assert sorted(len(v) for v in stories.values()) == [6, 6, 6, 6]
