import pytest

from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.quotes import build_quotes, quoted_spans
from newsfuse.crosscheck.sentences import story_sentences
from newsfuse.model import Article, make_paragraphs


def test_spans_straight_curly_and_partial() -> None:
    spans = quoted_spans(['He said "we are ready" and “we will win”, calling it ‘a test’.'])
    assert [s[3] for s in spans] == ["we are ready", "we will win", "a test"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted_spans(["Haftar’s men took Sirte’s port, the army’s spokesman said."]) == []


def test_quote_continues_into_next_paragraph_and_unbalanced_marks_do_not_crash() -> None:
    spans = quoted_spans(
        ["“The first part of a long statement.", "“And the second part,” she said.", 'A stray ” mark and "an open one']
    )
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
def test_speaker_patterns(para) -> None:
    quotes = _quotes(["Interior Minister Ilona Varga met the press in Tallor.", para])
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Ilona Varga"
    assert quotes[0].speaker is not None


def test_he_said_goes_to_the_subject_not_the_nearest_name() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind warned General Pavel Drost on Monday.",
            "“We will answer any attack on our towns with force,” he said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_described_speaker_is_not_the_named_entity() -> None:
    quotes = _quotes(
        [
            "General Pavel Drost spoke.",
            "“Our units are only a few kilometers from the center,” Drost’s military spokesman said.",
        ]
    )
    assert quotes[0].speaker is None
    assert quotes[0].speaker_name == "Drost’s military spokesman"


def test_scare_quotes_are_skipped() -> None:
    assert _quotes(["Officials called the talks “productive” and saw “progress”."]) == []


@pytest.mark.parametrize(
    "para",
    [
        "Envoys signed the draft for an “unconditional open-ended” truce in Tallor on Monday.",
        "The text confirms support for an “unlimited pause of all hostilities” in the north.",
        "The minister's “Age of Thrift” slogan was popular with voters.",
        "It blamed the army for “continued widespread and systematic abuses of the rights of the people”.",
    ],
)
def test_labels_and_scare_quotes_are_no_quotes(para) -> None:
    assert _quotes(["Minister Ilona Varga met the press.", para]) == []


def test_is_statement_rules() -> None:
    from newsfuse.crosscheck.quotes import is_statement

    assert is_statement("destroyed the Varnish state")  # past tense with an object
    assert is_statement("we are ready to talk")
    assert is_statement("teach a lesson", "saying Tallor will ")  # part of the sentence's clause
    assert is_statement("ready and determined", "they were ")
    assert not is_statement("unconditional open-ended", "signing the deal for an ")
    assert not is_statement("IPO: a Global Guide", "author of ")  # capitals are no pronoun "I"


def test_speaker_named_earlier_in_the_same_sentence() -> None:
    quotes = _quotes(
        [
            "Minister Ilona Varga spoke in Tallor.",
            "Ilona Varga, who is on a visit to Tallor on Tuesday, condemned the “reckless adventure” of the alliance, "
            "which “destroyed the Varnish state.”",
        ]
    )
    assert [q.text for q in quotes] == ["destroyed the Varnish state"]
    assert quotes[0].speaker_name == "Ilona Varga"


def test_a_place_does_not_speak() -> None:
    quotes = _quotes(
        ["Crowds gathered in Tallor.", "In the province of Tallor, protesters shouted: “We want our jobs back now!”"]
    )
    assert quotes[0].speaker_name != "Tallor"


def test_standalone_quote_takes_the_speaker_of_the_sentence_before() -> None:
    quotes = _quotes(
        [
            "Minister Ilona Varga met the press in Tallor.",
            "Premier Oskar Lind told reporters on Friday that the border would reopen soon.",
            "“We are ready to open it again within a week.”",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_sentences_of_one_statement_are_one_quote() -> None:
    quotes = _quotes(
        ["Minister Ilona Varga met the press.", "“We will fight,” Ilona Varga said. “We will win the vote in May.”"]
    )
    assert len(quotes) == 1
    assert quotes[0].text == "We will fight … We will win the vote in May"
    assert quotes[0].speaker_name == "Ilona Varga"


def test_quote_over_a_paragraph_break_without_a_new_mark_is_one_quote() -> None:
    quotes = _quotes(
        [
            "Minister Ilona Varga met the press. “The first part of the statement is about the border",
            "and the second part about the harbour,” said Ilona Varga.",
        ]
    )
    assert len(quotes) == 1
    assert quotes[0].text == "The first part of the statement is about the border and the second part about the harbour"
    assert quotes[0].speaker_name == "Ilona Varga"


def test_a_stray_closing_mark_opens_no_quote() -> None:
    assert quoted_spans(['the talks go on" So what was achieved in Tallor today?']) == []


def test_the_listener_of_told_is_no_speaker_and_a_described_speaker_is_kept() -> None:
    quotes = _quotes(
        [
            "Reporters from the Tallor Courier visited.",
            "“The shells are back, I hear them all day,” a resident of central Tallor told the Tallor Courier.",
            "“It looks as if the hardliners want a new leader,” a diplomat who declined to be named said.",
        ]
    )
    speakers = {q.text[:9]: q.speaker_name for q in quotes}
    assert speakers["The shell"] != "Tallor Courier"
    assert (speakers["It looks "] or "").startswith("a diplomat")


def test_press_review_speaker_before_the_paper() -> None:
    quotes = _quotes(
        ["Papers wrote about the vote.", "Mara Quillon in Varnia's Evening Post: “The vote was lost before it began.”"]
    )
    assert quotes[0].speaker_name == "Mara Quillon"


def test_a_described_speaker_before_the_verb_and_a_role_after_said() -> None:
    quotes = _quotes(
        [
            "Shells fell on Tallor.",
            "“The shelling started at dawn,” an activist in the city's Bab Vera district told reporters via Skype.",
            "“We call on all sides to stop now,” said Varnian State Department spokesman Mark Tolner.",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert (speakers["The sh"] or "").startswith("an activist")
    assert speakers["We cal"] == "Mark Tolner"


def test_an_opening_word_is_no_speaker_and_an_apposition_is_not_the_speaker() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind arrived.",
            "In his sharpest comments yet, Mr Lind told Varnia Radio: “Nobody has the right to kill others.”",
            "“People are the weak side of every system,” Mara Quill, vice president of security at Tallor Corp told reporters.",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["Nobody"] == "Oskar Lind"
    assert speakers["People"] == "Mara Quill"


def test_a_participle_of_saying_belongs_to_the_subject() -> None:
    quotes = _quotes(
        [
            "President Oskar Lind met General Pavel Drost.",
            "Lind used the occasion to slam Drost, saying Varnia will “teach a lesson” to him.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_he_said_is_resolved_within_a_bounded_window() -> None:
    filler = [f"The river rose by {n} centimetres overnight." for n in range(45)]
    near = _quotes(["Premier Oskar Lind spoke on Monday.", "“We will rebuild every bridge,” he said."])
    far = _quotes(["Premier Oskar Lind spoke on Monday.", *filler, "“We will rebuild every bridge,” he said."])
    assert near[0].speaker_name == "Oskar Lind"
    assert far[0].speaker_name is None  # 45 sentences back: unknown rather than guessed


def test_a_capitalised_modifier_is_no_speaker():
    # "Arab states" and "an official Marlovian statement": a modifier of a noun, not a person
    quotes = _quotes(
        [
            "Arab states led by Norland have called on Velasco to halt the violence.",
            '"Mr Velasco, how can you say you are killing terrorists when you were shelling the port?"',
            'An official Marlovian statement said: "Outside parties are transmitting lies about the port," '
            "blaming armed gangs.",
        ]
    )
    speakers = {q.text[:12]: q.speaker_name for q in quotes}
    assert speakers["Mr Velasco, "] is None
    assert speakers["Outside part"] == "An official Marlovian statement"
