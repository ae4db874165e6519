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
