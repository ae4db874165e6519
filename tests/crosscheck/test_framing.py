from newsfuse.crosscheck import crosscheck_story
from newsfuse.model import Story
from newsfuse.options import Options


def test_framing_per_outlet(two_outlets):
    story = Story(id="s", articles=["a1", "a2"])
    crosscheck_story(story, two_outlets, Options())
    by_outlet = {f.outlet: f for f in story.framing}
    assert set(by_outlet) == {"Daily Ledger", "Morning Wire"}
    hask = next(e.id for e in story.entities if "Haskarov" in e.aliases or e.name.endswith("Haskarov"))
    ledger, wire = by_outlet["Daily Ledger"], by_outlet["Morning Wire"]
    assert "strongman" in ledger.labels[hask]
    assert "rebel" not in ledger.labels[hask]  # said inside a quote: not the outlet's own label
    assert any("warlord" in lab for lab in wire.labels[hask])
    assert "strongman" in ledger.loaded_words and "warlord" in wire.loaded_words
    assert "threatened" in wire.loaded_words
    assert ledger.headline == "Haskarov walks out of Rennick talks"
    assert 0.0 <= ledger.unattributed_share <= 1.0
    # Ledger: p2 and p5 assert without attribution, p1/p3/p4 attribute (said / according to)
    assert ledger.unattributed_share == 0.4
