import pytest

from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.quotes import build_quotes, quoted_spans
from newsfuse.crosscheck.sentences import story_sentences
from newsfuse.model import Article, make_paragraphs


def test_spans_straight_curly_and_partial():
    spans = quoted_spans(['He said "we are ready" and “we will win”, calling it ‘a test’.'])
    assert [s[3] for s in spans] == ["we are ready", "we will win", "a test"]


def test_apostrophes_are_not_quotes():
    assert quoted_spans(["Haftar’s men took Sirte’s port, the army’s spokesman said."]) == []


def test_quote_continues_into_next_paragraph_and_unbalanced_marks_do_not_crash():
    spans = quoted_spans(["“The first part of a long statement.", "“And the second part,” she said.", 'A stray ” mark and "an open one'])
    texts = [s[3] for s in spans]
    assert texts[0] == "The first part of a long statement."
    assert texts[1] == "And the second part,"
    assert texts[2] == "an open one"


def _quotes(paras, outlet="Paper", min_words=3):
    art = Article(id="a", origin="a", outlet=outlet, paragraphs=make_paragraphs(paras))
    by_id = {"a": art}
    sents = story_sentences(["a"], by_id)
    index = build_entities(sents, lambda _: outlet)
    return build_quotes(sents, index, by_id, ["a"], min_words)


@pytest.mark.parametrize(
    "para",
    [
        "“The border will stay closed for now,” Minister Ilona Varga said on Friday.",
        "“The border will stay closed for now,” said Ilona Varga, the interior minister.",
        "Ilona Varga said on Friday that “the border will stay closed for now”.",
        "The border will stay closed, according to Ilona Varga, who called it “a temporary measure for now”.",
        "Ilona Varga told reporters: “The border will stay closed for now.”",
        "Ilona Varga: “The border will stay closed for now.”",
    ],
)
def test_speaker_patterns(para):
    quotes = _quotes(["Interior Minister Ilona Varga met the press in Tallor.", para])
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Ilona Varga"
    assert quotes[0].speaker is not None


def test_he_said_goes_to_the_subject_not_the_nearest_name():
    quotes = _quotes(
        [
            "Premier Oskar Lind warned General Pavel Drost on Monday.",
            "“We will answer any attack on our towns with force,” he said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_described_speaker_is_not_the_named_entity():
    quotes = _quotes(
        ["General Pavel Drost spoke.", "“Our units are only a few kilometers from the center,” Drost’s military spokesman said."]
    )
    assert quotes[0].speaker is None
    assert quotes[0].speaker_name == "Drost’s military spokesman"


def test_scare_quotes_are_skipped():
    assert _quotes(["Officials called the talks “productive” and saw “progress”."]) == []
