from newsfuse.model import Article, CopyInfo
from newsfuse.stories.sources import independent_sources, outlets_of


def test_reprints_do_not_add_sources():
    wire = Article(id="w", origin="w", outlet="Wire")
    copies = [Article(id=f"c{i}", origin="c", outlet=f"Paper{i}", copy_of=CopyInfo("w", 0.9, "near")) for i in range(10)]
    own = Article(id="o", origin="o", outlet="Paper1")
    anon = Article(id="x", origin="x")
    by_id = {a.id: a for a in [wire, own, anon, *copies]}
    assert independent_sources([c.id for c in copies], by_id) == 1
    assert independent_sources(["w", "o", "x", "c3"], by_id) == 3
    assert len(outlets_of(list(by_id), by_id)) == 11
