"""The store's last line: a value with NUL or a lone surrogate that reached it (a search term, a
record stored by an older version) is cleaned, not a failed statement (PostgreSQL refuses NUL)."""

from newsfuse.model import RawDocument
from newsfuse.store import StoryFilter, content_hash, open_store


def test_nul_and_surrogate_values_are_stored_cleaned(store_url) -> None:
    doc = RawDocument(
        origin="api\x00x",
        content="Body \x00 with \ud800 odd bits",
        kind="text",
        input_format="text",
        url="https://a.example/\x00",
    )
    with open_store(store_url) as s:
        with s.conn.transaction():
            s.add_raw(doc, content_hash(doc), None, ("no_text", "detail \x00"), 1)
        assert s.find_existing(content_hash(doc), "https://a.example/\x00") is not None
        assert s.list_stories(StoryFilter(q="\x00 \ud800")) == []
        assert s.list_stories(StoryFilter(outlet="\x00", entity="\ud800")) == []
        assert s.counts()["rejected"] == 1
