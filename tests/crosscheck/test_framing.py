from newsfuse.crosscheck import crosscheck_story
from newsfuse.model import Story
from newsfuse.options import Options


def test_framing_per_outlet(two_outlets) -> None:
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


def _framing(paras):
    from newsfuse.crosscheck.entities import build_entities
    from newsfuse.crosscheck.framing import build_framing
    from newsfuse.crosscheck.sentences import story_sentences
    from newsfuse.model import Article, make_paragraphs

    by_id = {"a": Article(id="a", origin="test:a", outlet="Paper", paragraphs=make_paragraphs(paras), title="T")}
    sents = story_sentences(["a"], by_id)
    index = build_entities(sents, lambda _: "Paper")
    return build_framing(sents, index, by_id, ["a"])[0], index


def test_labels_keep_the_outlet_casing() -> None:
    framing, index = _framing(
        [
            "The UN-recognized Council of Accord (COA) rules the west.",
            "The Council of Accord met on Monday, the COA said.",
        ]
    )
    coa = index.resolve("Council of Accord")
    assert "UN-recognized" in framing.labels[coa]
    assert "un-recognized" not in framing.labels[coa]


def test_loaded_words_inside_a_quote_over_several_sentences_are_not_the_outlet_s() -> None:
    framing, _ = _framing(
        [
            "“We welcome the call for a truce. However, our fight against the terrorist gangs will go on,” the spokesman said.",
            "The strongman Pavel Drost was not there.",
        ]
    )
    assert "terrorist" not in framing.loaded_words  # said inside the quote, in its second sentence
    assert "strongman" in framing.loaded_words


def test_a_courtesy_title_is_no_label_but_a_job_title_is() -> None:
    framing, _ = _framing(
        [
            "Governor Ilse Brandt of Velmora said the ferry pier would close on Friday.",
            "Mr Brandt also said the north quay would stay open for the fishing fleet.",
            "The strongman Pavel Drost was not at the meeting, Mr Drost's office said.",
        ]
    )
    labels = [lab for labs in framing.labels.values() for lab in labs]
    assert "Mr" not in labels
    assert "Governor" in labels and "strongman" in labels
