from newsfuse.model import Article, CopyInfo
from newsfuse.stories.sources import count_sources, independent_sources, outlets_of, unknown_outlet_articles


def test_reprints_do_not_add_sources() -> None:
    wire = Article(id="w", origin="w", outlet="Wire")
    copies = [
        Article(id=f"c{i}", origin="c", outlet=f"Paper{i}", copy_of=CopyInfo("w", 0.9, "near")) for i in range(10)
    ]
    own = Article(id="o", origin="o", outlet="Paper1")
    anon = Article(id="x", origin="x")
    by_id = {a.id: a for a in [wire, own, anon, *copies]}
    assert independent_sources([c.id for c in copies], by_id) == 1
    # The article of unknown outlet adds nothing beside known outlets: Wire (w, c3) and Paper1.
    assert independent_sources(["w", "o", "x", "c3"], by_id) == 2
    assert unknown_outlet_articles(["w", "o", "x", "c3"], by_id) == 1
    assert len(outlets_of(list(by_id), by_id)) == 11


def test_unknown_outlets_alone_count_as_one_source() -> None:
    a, b = Article(id="a", origin="a"), Article(id="b", origin="b")
    by_id = {"a": a, "b": b}
    assert independent_sources(["a", "b"], by_id) == 1
    assert independent_sources([], by_id) == 0
    assert count_sources(["article:a", "article:b", "cnn"]) == 1


def test_one_outlet_in_any_written_form() -> None:
    arts = [
        Article(id="1", origin="1", outlet="CNN"),
        Article(id="2", origin="2", outlet="cnn.com"),
        Article(id="3", origin="3", outlet="CNN Wire"),
        Article(id="4", origin="4", outlet="The Kelbrook Courier"),
        Article(id="5", origin="5", outlet="kelbrook-courier.example"),
    ]
    by_id = {a.id: a for a in arts}
    assert independent_sources(list(by_id), by_id) == 2
    assert outlets_of(list(by_id), by_id) == ["CNN", "The Kelbrook Courier"]


def test_a_wire_story_counts_as_its_agency() -> None:
    # Two newspapers running the agency's story under its dateline, and the agency's own article.
    arts = [
        Article(id="p", origin="p", outlet="Coast Herald", wire="Associated Press"),
        Article(id="q", origin="q", outlet="Valley Post", wire="Associated Press"),
        Article(id="r", origin="r", outlet="AP"),
    ]
    by_id = {a.id: a for a in arts}
    assert independent_sources(list(by_id), by_id) == 1
    assert outlets_of(list(by_id), by_id) == ["AP", "Coast Herald", "Valley Post"]


def test_unknown_articles_unlike_every_named_outlet_count_as_one_more_source() -> None:
    from newsfuse.model import Story
    from newsfuse.outlets import outlet_key
    from newsfuse.render.views import source_label
    from newsfuse.stories.sources import set_coverage, source_key

    def unnamed_sources(ids: list[str], by_id: dict[str, Article]) -> int:
        return set_coverage(Story(id="s", articles=ids), by_id).unnamed_sources

    post, herald = outlet_key("Valley Post"), outlet_key("Coast Herald")
    arts = [
        Article(id="p", origin="p", outlet="Valley Post"),
        Article(id="h", origin="h", outlet="Coast Herald"),
        Article(id="u1", origin="u1", unlike_outlets=[herald, post]),
        Article(id="u2", origin="u2", unlike_outlets=[post]),
        Article(id="u3", origin="u3"),
        Article(id="c", origin="c", copy_of=CopyInfo("u1", 0.9, "near")),
    ]
    by_id = {a.id: a for a in arts}
    # u1's house style is neither outlet's: one more source; so is a copy of it
    assert independent_sources(["p", "h", "u1"], by_id) == 3
    assert unnamed_sources(["p", "h", "u1"], by_id) == 1
    assert independent_sources(["p", "h", "c"], by_id) == 3
    # u2 could be the Coast Herald's; u3 says nothing: no more than the named outlets
    assert independent_sources(["p", "h", "u2", "u3"], by_id) == 2
    assert unnamed_sources(["p", "h", "u2", "u3"], by_id) == 0
    assert independent_sources(["p", "u2"], by_id) == 2
    # several such articles are one more source together; alone they are one source, as before
    assert independent_sources(["p", "u1", "u2"], by_id) == 2
    assert independent_sources(["u1", "u2", "u3"], by_id) == 1
    assert unknown_outlet_articles(["p", "u1", "u2"], by_id) == 2
    # the key still reads as the article's in a report
    assert source_label(source_key(by_id["u1"], by_id)) == "unknown outlet (u1)"
    # never more on a subset than on the whole set
    ids = list(by_id)
    whole = independent_sources(ids, by_id)
    for drop in ids:
        assert independent_sources([i for i in ids if i != drop], by_id) <= whole
