import threading

import pytest

from newsfuse.model import RawDocument
from newsfuse.render.sample import sample_report
from newsfuse.store import Store, StoryFilter, content_hash, open_store
from newsfuse.store.migrations import MIGRATIONS, schema_version


def _doc(text: str, url: str | None = None) -> RawDocument:
    return RawDocument(origin="api", content=text, kind="text", input_format="text", url=url)


def test_migrations_are_recorded_and_idempotent(store_url):
    with open_store(store_url) as s:
        assert s.version == len(MIGRATIONS)
    with open_store(store_url) as s:  # reopening applies nothing twice
        assert schema_version(s.conn) == len(MIGRATIONS)
        assert s.conn.one("SELECT COUNT(*) FROM schema_migrations") == (len(MIGRATIONS),)


def test_newer_schema_is_refused(store_url):
    with open_store(store_url) as s:
        s.conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (999, "x"))
    with pytest.raises(ValueError, match="newer than this newsfuse"):
        open_store(store_url)


def test_report_round_trip_and_filters(store_url):
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


def test_raw_inputs_are_stored_once_by_hash_and_url(store_url):
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
        assert s.find_existing(h1, None).article_id == art.id
        # the same text at another URL (a reprint) or without one is another input
        assert content_hash(_doc("Some text here.", url="https://y.example/2")) != h1
        assert content_hash(_doc("Some text here.")) != h1
        # other content, same URL
        assert s.find_existing(content_hash(_doc("other")), "https://x.example/1").article_id == art.id
        # a rejected input is remembered with its reason
        d2 = _doc("x")
        with s.conn.transaction():
            assert s.add_raw(d2, content_hash(d2), None, ("no_text", "1 character"), s.next_seq()) is None
        assert s.find_existing(content_hash(d2), None).rejection == "no_text"
        assert s.raw_document(art.id).content == d1.content
        assert s.counts() == {"articles": 1, "stories": 0, "raw_documents": 2, "rejected": 1, "unassigned": 1}


def test_failed_transaction_leaves_nothing(store_url):
    art = sample_report().articles[0]
    with open_store(store_url) as s:
        d = _doc("text one")
        with pytest.raises(RuntimeError), s.conn.transaction():
            s.add_raw(d, content_hash(d), art, None, 1)
            raise RuntimeError("boom")
        assert s.counts()["articles"] == 0 and s.counts()["raw_documents"] == 0


def test_concurrent_writers_do_not_duplicate(store_url):
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


def test_bad_locations_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="directory"):
        Store(str(tmp_path))
    with pytest.raises(ValueError, match="unsupported"):
        Store("mysql://x")
    with pytest.raises(ValueError, match="cannot connect"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
