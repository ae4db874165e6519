import threading

import pytest

from newsfuse.model import Article, CopyInfo, RawDocument
from newsfuse.render.sample import sample_report
from newsfuse.store import Store, StoryFilter, content_hash, members_key, open_store
from newsfuse.store.migrations import MIGRATIONS, schema_version


def _doc(text: str, url: str | None = None) -> RawDocument:
    return RawDocument(origin="api", content=text, kind="text", input_format="text", url=url)


def test_migrations_are_recorded_and_idempotent(store_url) -> None:
    with open_store(store_url) as s:
        assert s.version == len(MIGRATIONS)
    with open_store(store_url) as s:  # reopening applies nothing twice
        assert schema_version(s.conn) == len(MIGRATIONS)
        assert s.conn.one("SELECT COUNT(*) FROM schema_migrations") == (len(MIGRATIONS),)


def test_newer_schema_is_refused(store_url) -> None:
    with open_store(store_url) as s:
        s.conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (999, "x"))
    with pytest.raises(ValueError, match="newer than this newsfuse"):
        open_store(store_url)


def test_report_round_trip_and_filters(store_url) -> None:
    report = sample_report()
    with open_store(store_url) as s:
        s.save_report(report)
        s.save_report(report)  # idempotent
        assert s.counts()["articles"] == 4 and s.counts()["stories"] == 2
        a = s.get_article("a000000000a1")
        assert a is not None and a.removed[0].reason == "promo" and a.paragraphs[1].id == "p2"
        st = s.get_story("s0001")
        assert st is not None and st.conflicts[0].values[1].value == "45000000"
        assert s.article_story("a000000000a3") == "s0001"
        ids = lambda **kw: [x.id for x in s.list_stories(StoryFilter(**kw))]  # noqa: E731
        assert ids() == ["s0001", "s0002"]  # newest first
        assert ids(q="bridge") == ["s0001"]
        assert ids(q="FESTIVAL june") == ["s0002"]
        assert ids(q="100%_") == []  # LIKE wildcards are literal
        assert ids(outlet="dailyaggregator") == ["s0001"]
        assert ids(entity="brandt") == ["s0001"]
        assert ids(entity="Mayor Brandt") == ["s0001"]
        assert ids(date_from="2021-03-01") == ["s0001"]
        assert ids(date_to="2021-02-28") == ["s0002"]
        assert ids(limit=1, offset=1) == ["s0002"]
        with pytest.raises(ValueError, match="date_from"):
            s.list_stories(StoryFilter(date_from="March"))
        with pytest.raises(ValueError, match="limit"):
            s.list_stories(StoryFilter(limit=0))


def test_raw_inputs_are_stored_once_by_hash_and_url(store_url) -> None:
    report = sample_report()
    art = report.articles[0]
    with open_store(store_url) as s:
        d1 = _doc("Some text\n\nhere.", url="https://x.example/1")
        h1 = content_hash(d1)
        assert s.find_existing(h1, d1.url) is None
        with s.conn.transaction():
            assert s.add_raw(d1, h1, art, None, s.next_seq()) == art.id
        # same content and URL, other whitespace: same hash
        assert content_hash(_doc("Some   text here.", url="https://x.example/1")) == h1
        assert (e := s.find_existing(h1, None)) is not None and e.article_id == art.id
        # the same text at another URL (a reprint) or without one is another input
        assert content_hash(_doc("Some text here.", url="https://y.example/2")) != h1
        assert content_hash(_doc("Some text here.")) != h1
        # other content, same URL
        e = s.find_existing(content_hash(_doc("other")), "https://x.example/1")
        assert e is not None and e.article_id == art.id
        # a rejected input is remembered with its reason
        d2 = _doc("x")
        with s.conn.transaction():
            assert s.add_raw(d2, content_hash(d2), None, ("no_text", "1 character"), s.next_seq()) is None
        assert (e := s.find_existing(content_hash(d2), None)) is not None and e.rejection == "no_text"
        assert (raw := s.raw_document(art.id)) is not None and raw.content == d1.content
        assert s.counts() == {"articles": 1, "stories": 0, "raw_documents": 2, "rejected": 1, "unassigned": 1}


def test_failed_transaction_leaves_nothing(store_url) -> None:
    art = sample_report().articles[0]
    with open_store(store_url) as s:
        d = _doc("text one")
        with pytest.raises(RuntimeError), s.conn.transaction():
            s.add_raw(d, content_hash(d), art, None, 1)
            raise RuntimeError("boom")
        assert s.counts()["articles"] == 0 and s.counts()["raw_documents"] == 0


def test_concurrent_writers_do_not_duplicate(store_url) -> None:
    arts = sample_report().articles
    with open_store(store_url) as s:
        errors: list[BaseException] = []

        def post(i: int) -> None:
            a = arts[i % len(arts)]
            d = _doc(f"text of {a.id}")
            try:
                with s.lock:
                    if s.find_existing(content_hash(d), None):
                        return
                    with s.conn.transaction():
                        s.add_raw(d, content_hash(d), a, None, s.next_seq())
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=post, args=(i,)) for i in range(40)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert s.counts()["articles"] == len(arts)


def test_bad_locations_are_clear_errors(tmp_path) -> None:
    with pytest.raises(ValueError, match="directory"):
        Store(str(tmp_path))
    with pytest.raises(ValueError, match="unsupported"):
        Store("mysql://x")
    with pytest.raises(ValueError, match="cannot connect"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")


def _in_thread(fn, timeout: float = 10.0):
    """fn() on another thread; its result, or AssertionError if it has not returned in ``timeout`` s."""
    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"still waiting after {timeout} s"
    return out[0]


def test_reads_do_not_wait_for_an_open_write_transaction(store_url) -> None:
    """A long write transaction (a story update's commit) holds the write lock, never the reads:
    they answer at once from the state committed before it, and see its writes once committed."""
    report = sample_report()
    with open_store(store_url) as s:
        s.save_report(report)
        before = s.counts()
        art = report.articles[0]
        d = _doc("A new article written while others read.", url="https://x.example/new")
        inside, release = threading.Event(), threading.Event()

        def writer() -> None:
            with s.transaction():
                s.add_raw(
                    d,
                    content_hash(d),
                    Article(**{**art.__dict__, "id": "anewarticle1", "url": d.url}),
                    None,
                    s.next_seq(),
                )
                s.save_stories([], ["s0001"])
                # Reads by the writing thread see its own uncommitted writes.
                assert s.counts()["stories"] == before["stories"] - 1
                inside.set()
                assert release.wait(30)

        w = threading.Thread(target=writer, daemon=True)
        w.start()
        try:
            assert inside.wait(30)
            assert _in_thread(s.counts) == before
            assert [b.story.id for b in _in_thread(s.list_briefs)] == [st.id for st in s.list_stories()]
            assert _in_thread(lambda: s.get_story("s0001")) is not None
            assert _in_thread(lambda: s.get_article("anewarticle1")) is None
            assert _in_thread(lambda: s.find_existing(content_hash(d), d.url)) is None
        finally:
            release.set()
            w.join(30)
        assert s.get_article("anewarticle1") is not None and s.get_story("s0001") is None
        assert s.counts()["articles"] == before["articles"] + 1


def test_briefs_are_the_listed_stories_without_their_analysis(store_url) -> None:
    report = sample_report()
    with open_store(store_url) as s:
        s.save_report(report)
        whole = s.list_stories()
        briefs = s.list_briefs()
        assert [b.story.id for b in briefs] == [st.id for st in whole]
        for b, st in zip(briefs, whole, strict=True):
            assert (b.claims, b.conflicts) == (len(st.claims), len(st.conflicts))
            assert b.story.headline == st.headline and b.story.summary == st.summary and b.story.articles == st.articles
            assert b.story.outlets == st.outlets and b.story.first_date == st.first_date
            assert not (b.story.claims or b.story.quotes or b.story.timeline or b.story.entities or b.story.framing)
        assert any(b.conflicts for b in briefs)
        # Stories stored before briefs existed (brief NULL) are listed the same, from their data.
        with s.transaction():
            s.conn.execute("UPDATE stories SET brief = NULL")
        assert [(b.story, b.claims, b.conflicts) for b in s.list_briefs()] == [
            (b.story, b.claims, b.conflicts) for b in briefs
        ]


def _article(n: int) -> Article:
    from newsfuse.model import article_id, make_paragraphs

    text = f"Invented item {n}: the harbour board met and voted {n} to 2."
    return Article(id=article_id(f"s{n}", text), origin=f"s{n}", paragraphs=make_paragraphs([text]))


def test_two_processes_commit_one_after_another_so_seq_follows_commits(store_url) -> None:
    """Two stores on one database (two servers) writing at once: every article gets its own seq
    (on PostgreSQL only the write lock keeps two transactions from reading the same highest seq),
    and articles_since(k) gives exactly the articles stored after k, with their seq and story."""
    with open_store(store_url) as s1, open_store(store_url) as s2:
        errors: list[BaseException] = []

        def post(s: Store, first: int) -> None:
            for n in range(first, first + 15):
                d = _doc(f"text {n}")
                try:
                    with s.transaction():
                        s.add_raw(d, content_hash(d), _article(n), None, s.next_seq())
                except BaseException as exc:  # pragma: no cover - reported below
                    errors.append(exc)

        threads = [threading.Thread(target=post, args=(s, first)) for s, first in ((s1, 0), (s2, 100))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        rows = s2.articles_since(0)
        seqs = [seq for _, _, seq in rows]
        assert len(rows) == 30 and seqs == sorted(set(seqs))
        assert all(story is None for _, story, _ in rows)
        later = s1.articles_since(seqs[9])
        assert [a.id for a, _, _ in later] == [a.id for a, _, _ in rows[10:]]


def test_placing_is_one_round_at_a_time_across_stores(store_url) -> None:
    """A second store on the same database waits for the first one's placement round to end."""
    with open_store(store_url) as s1, open_store(store_url) as s2:
        entered = threading.Event()

        def other() -> None:
            with s2.placing():
                entered.set()

        t = threading.Thread(target=other)
        with s1.placing():
            t.start()
            assert not entered.wait(0.5)
        t.join(10)
        assert entered.is_set()
        with s1.placing():  # and again, after the other's round
            pass


def test_members_key_and_story_lookups(store_url) -> None:
    report = sample_report()
    by_id = {a.id: a for a in report.articles}
    st = report.stories[0]
    key = members_key(st, by_id)
    with open_store(store_url) as s:
        s.save_report(report)
        assert s.story_members([st.id, "nope"]) == {st.id: key}
        everything = s.all_story_members()
        assert set(everything) == {x.id for x in report.stories} and everything[st.id] == key
    # The key changes with the articles and with what one of them copies.
    other = by_id[st.articles[0]]
    copied = other.copy_of
    other.copy_of = None if copied is not None else CopyInfo(st.articles[-1], 1.0, "exact")
    assert members_key(st, by_id) != key
    other.copy_of = copied
    assert members_key(st, by_id) == key
    st.articles = st.articles[:-1]
    assert members_key(st, by_id) != key
