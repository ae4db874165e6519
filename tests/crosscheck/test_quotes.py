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


def test_an_attribution_after_a_paragraph_break_wins_over_the_quote_before() -> None:
    # a quote over two paragraphs whose attribution comes at its end belongs to that speaker, not to
    # the speaker of the quote before it
    quotes = _quotes(
        [
            "“We love you and we thank you,” Mayor Ilona Varga told the crowd.",
            "“The man is a convicted thief.",
            "He stole from the poor, from the old and from the sick,” Oskar Lind of the Tallor Tenants Union said.",
        ]
    )
    speakers = {q.text[:7]: q.speaker_name for q in quotes}
    assert speakers["The man"] == "Oskar Lind"
    assert speakers["We love"] == "Ilona Varga"


@pytest.mark.parametrize(
    "tail",
    [
        "said Oskar Lind, a professor of history at Tallor University.",
        "Oskar Lind, a professor of history at Tallor University, said on Monday.",
    ],
)
def test_an_attribution_split_off_into_the_next_paragraph(tail) -> None:
    # extraction sometimes cuts a paragraph right after the quote; the rest of the sentence is its attribution
    quotes = _quotes(
        [
            "Analysts said the army had turned on the premier.",
            "“The army had to ask itself whether it would go down with the premier.”",
            tail,
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_they_is_never_one_person() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind spoke in Tallor on Monday.",
            "Crowds filled the square. And then they say, “We are proud to stand up and speak our minds.”",
        ]
    )
    assert quotes[0].speaker_name != "Oskar Lind"


@pytest.mark.parametrize("verb", ["calls for", "urges", "accused"])
def test_the_object_of_a_verb_is_no_speaker(verb) -> None:
    quotes = _quotes(
        [
            "A weekly paper in Tallor ran a long article.",
            f"It {verb} Premier Oskar Lind to be put on trial “for misleading the people and starting the most foolish war of this whole century”.",
        ]
    )
    assert quotes[0].speaker_name != "Oskar Lind"


def test_a_quote_after_a_colon_is_the_subjects() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind lost the vote in May.",
            "Ms Mara Quill, a writer, never liked the plans of Mr Lind for the harbour.",
            "As a critic in the days of the old Lind government, she began to attack the plan: "
            "“The harbour towns were ruined by it.”",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


def test_a_partial_quote_right_after_a_quote_continues_its_speaker() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind spoke on Monday.",
            "“The old rules are irrelevant now,” Mara Quill said.",
            "Anger at home “is driving all of this.”",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["is dri"] == "Mara Quill"


def test_a_partial_quote_naming_someone_else_does_not_continue() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind spoke on Monday.",
            "“The old rules are irrelevant now,” Mara Quill said.",
            "General Pavel Drost was not convinced that the rules “are driving all of this.”",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["are dr"] != "Mara Quill"


def test_a_title_with_the_name_in_apposition_shows_the_name() -> None:
    quotes = _quotes(
        [
            "Ministers met in Tallor.",
            "“We must let every region respond flexibly,” the prime minister, Oskar Lind, said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_he_goes_to_who_said_something_earlier_in_the_same_sentence() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind spoke on Monday.",
            "Professor Mara Quill, head of research at the Tallor Institute, said that while opinion is hard to "
            "measure, she says the “anger at the premier is not limited to a small minority.”",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


def test_he_is_not_taken_from_an_object_in_the_same_sentence() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind spoke on Monday.",
            "Later Lind met General Pavel Drost and he said: “We will rebuild every bridge in the north.”",
        ]
    )
    assert quotes[0].speaker_name != "Pavel Drost"


def test_a_new_speaker_between_two_quotes_wins() -> None:
    quotes = _quotes(
        [
            "“We will stay in the square until he goes,” Oskar Lind, a student, said.",
            "Another protester, Ms Mara Quill, said she disagreed with the plan.",
            "“We should go home and vote him out in May.”",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["We wil"] == "Oskar Lind"
    assert speakers["We sho"] == "Mara Quill"


def test_a_standalone_quote_after_its_speakers_quote_stays_with_it() -> None:
    quotes = _quotes(
        [
            "“We will stay in the square until he goes,” Oskar Lind, a student, said.",
            "“We should not go home before May.”",
        ]
    )
    assert {q.speaker_name for q in quotes} == {"Oskar Lind"}


def test_a_bare_plural_group_before_the_verb_is_the_speaker() -> None:
    quotes = _quotes(["Premier Oskar Lind stayed away.", "In Tallor, protesters chanted “We want our jobs back now!”"])
    assert quotes[0].speaker_name == "protesters"


def test_an_opener_before_the_name_is_skipped() -> None:
    quotes = _quotes(
        [
            "Minister Ilona Varga met the press.",
            "On Tuesday Interior Minister Ilona Varga said that “the border will stay closed for now.”",
        ]
    )
    assert quotes[0].speaker_name == "Ilona Varga"


def test_a_title_after_a_quote_over_paragraphs_keeps_the_name() -> None:
    quotes = _quotes(
        [
            "“Today belongs to the people of Tallor,” President Oskar Lind said in a statement.",
            "“There are few moments in our lives when we witness history.",
            "This is one of those moments,” the president said.",
        ]
    )
    assert {q.speaker_name for q in quotes} == {"Oskar Lind"}


def test_a_book_title_is_no_quote() -> None:
    assert _quotes(["Her new book entitled “The Long Road Home: Fifty Years of Hard Choices” is out."]) == []


@pytest.mark.parametrize(
    "para",
    [
        # a short programme name in title case after a comma
        "She spoke to Dan Roe on his show, “The Roe Files,” which airs on the Valley Broadcasting Network.",
        # a programme in a transcript's speaker label, all capitals
        "JANE DOE, “VALLEY EVENING NEWS”: Hi, Howie, good to be with you tonight.",
    ],
)
def test_a_short_title_or_label_is_no_quote(para: str) -> None:
    assert _quotes([para]) == []


def test_a_short_quote_in_sentence_case_is_still_a_quote() -> None:
    quotes = _quotes(["“The Roe family will stay,” said Mayor Jan Roe."])
    assert [q.text for q in quotes] == ["The Roe family will stay"]
    assert _quotes(["She wrote “The Long Road Home: Fifty Years of Hard Choices and Lost Causes” last year."]) == []


def test_first_person_i_is_no_speaker_name() -> None:
    quotes = _quotes(["Premier Oskar Lind won the prize.", "And I said “Are you the man who runs the contest?”"])
    assert quotes[0].speaker_name != "And I"


def test_adding_introduces_a_quote_of_the_subject() -> None:
    quotes = _quotes(
        [
            "Officials met in Tallor.",
            "In a video link, Ms Mara Quill tried to calm fears, adding: “We are not there yet.”",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


def test_he_said_chains_back_past_a_sentence_where_he_speaks_of_someone() -> None:
    quotes = _quotes(
        [
            "Asked about the talks, Premier Oskar Lind said the time had come for change.",
            "He further said that he felt General Pavel Drost would listen to the people.",
            "“We cannot look the other way when it comes to our rights,” he said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_a_sentence_interrupted_by_its_attribution_is_one_quote() -> None:
    quotes = _quotes(
        [
            "Ministers met in Tallor.",
            "“I was trying to grasp what we know,” explains Oskar Lind, “because I had doubts about the whole thing.”",
        ]
    )
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Oskar Lind"


def test_a_first_person_fragment_is_the_persons_the_sentence_names() -> None:
    quotes = _quotes(
        [
            "Sergeant Oskar Lind joined the army in 1989.",
            "By 2001, Lind was working as a medic, and “changed my cap badge” to the medical corps.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_a_first_person_fragment_with_two_people_named_stays_unknown() -> None:
    quotes = _quotes(
        [
            "Sergeant Oskar Lind joined the army with Captain Mara Quill in 1989.",
            "By 2001, Lind was working with Quill as a medic, and “changed my cap badge” to the medical corps.",
        ]
    )
    assert quotes[0].speaker_name is None


def test_a_job_title_after_the_quote_is_the_speaker() -> None:
    quotes = _quotes(
        [
            "Mr Ivo Dalt will run the Tallor health service.",
            "He will make sure that the service “is in the best position to protect the people,” the health secretary said.",
        ]
    )
    assert quotes[0].speaker_name == "the health secretary"


def test_he_said_is_not_resolved_to_a_name_inside_the_quote() -> None:
    quotes = _quotes(
        [
            "Ms Mara Quill, a student, marched with the crowd on Friday.",
            "“In Tallor they kept marching until President Oskar Lind fled the country.",
            "We will march three times longer than they did,” she said.",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


@pytest.mark.parametrize(
    ("para", "shown"),
    [
        (
            "“Some people are still afraid to go out,” said a leading dissident in Tallor, who asked not to be named.",
            "a leading dissident",
        ),
        (
            "As one Varnian critic told the radio at the time: “Lind is no reformer and has no real plan.”",
            "one Varnian critic",
        ),
    ],
)
def test_an_unnamed_speaker_with_any_noun(para, shown) -> None:
    quotes = _quotes(["Premier Oskar Lind spoke on Monday.", para])
    assert quotes[0].speaker_name == shown


def test_a_described_speaker_ending_in_a_known_name_is_that_person() -> None:
    quotes = _quotes(
        [
            "Mr Oskar Lind set the fastest time in the race.",
            "“It is a long season and a lot can happen,” said a cautious Lind, who did not finish last year.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_lowercase_words_between_an_inverted_verb_and_the_role() -> None:
    quotes = _quotes(
        [
            "Senator Oskar Lind called the premier.",
            "“You did not hear a hint of an attack in that statement,” said Lind senior adviser Mara Quill.",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


def test_a_spokesman_named_at_the_end_of_an_inverted_attribution() -> None:
    quotes = _quotes(
        [
            "President Oskar Lind offered land to the refugees.",
            "“The president is offering land to any family that wants to return,” said Mr Lind's spokesman, Ivo Dalt.",
        ]
    )
    assert quotes[0].speaker_name == "Ivo Dalt"


def test_a_possessive_name_is_not_the_speaker() -> None:
    quotes = _quotes(
        [
            "The singer Oskar Lind died in 2009.",
            "Oskar Lind's brother Ivo said the family was “delighted and touched” by the plan.",
        ]
    )
    assert quotes[0].speaker_name != "Oskar Lind"


def test_job_words_between_an_inverted_verb_and_the_name() -> None:
    quotes = _quotes(
        [
            "The commission met in Tallor.",
            "“None of the rules kept pace with the push into deep water,” said commission co-chair Oskar Lind.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_he_said_after_a_paragraph_break_keeps_the_speaker_found() -> None:
    quotes = _quotes(
        [
            "Mr Kent Vale, a company engineer, spoke after activist Ivo Dalt.",
            "Vale said the aim was to push the oil back down.",
            "“We will watch the pressures closely.",
            "The team will make sure the well is closed,” he said.",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["We wil"] == "Kent Vale"


def test_a_name_in_an_opening_asked_clause_is_not_the_subject() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind met the board; Ms Mara Quill, an adviser, sat in.",
            "Asked if the firm had sought a statement from Lind, Quill did not answer directly, saying: "
            "“We know what it looks like when a company goes bankrupt.”",
        ]
    )
    assert quotes[0].speaker_name == "Mara Quill"


def test_the_agent_of_a_passive_verb_is_the_speaker() -> None:
    quotes = _quotes(
        [
            "Protesters closed the stations of Tallor Oil Corp on Monday.",
            "The action was described by Tallor Oil Corp as “an irresponsible act which is putting lives at risk”.",
        ]
    )
    assert quotes[0].speaker_name == "Tallor Oil Corp"


def test_a_statement_ending_in_an_organisation_name_stays_described() -> None:
    quotes = _quotes(
        [
            "The Tallor Defense Fund praised the plan.",
            "“The minister is doing his part to restore the coast,” said a joint statement from groups including "
            "the Tallor Defense Fund.",
        ]
    )
    assert quotes[0].speaker_name != "Fund"


def test_a_described_speaker_ending_in_a_name_shows_the_name_unless_it_is_an_object() -> None:
    quotes = _quotes(
        [
            "Premier Oskar Lind met Ms Mara Quill of the Tallor Oil Group.",
            "“We welcome the committee's rejection of new rules,” added the group's chief executive Mara Quill.",
            "“The resignation of the premier was not discussed at all,” a spokesperson for Mr Lind said.",
        ]
    )
    speakers = {q.text[:6]: q.speaker_name for q in quotes}
    assert speakers["We wel"] == "Mara Quill"
    assert speakers["The re"] != "Oskar Lind"


def test_a_name_after_a_possessive_is_the_speaker() -> None:
    quotes = _quotes(
        [
            "Dr Ivo Dalt of the Tallor Ocean Agency studied the spill.",
            "“We saw a decrease in oxygen, but not a dead zone,” said the agency's Ivo Dalt.",
        ]
    )
    assert quotes[0].speaker_name == "Ivo Dalt"


def test_a_name_in_a_relative_clause_before_the_verb_is_not_the_one_saying() -> None:
    quotes = _quotes(
        [
            "Prime Minister Oskar Lind, who kept close ties with President Pavel Drost but has criticised the "
            "raids, said Foreign Minister Ilona Varga would visit the valley on Tuesday.",
            "“Our message will be delivered,” he said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_a_relative_clause_holding_the_only_verb_of_saying_still_names_its_subject() -> None:
    quotes = _quotes(
        [
            "Oskar Lind, who had predicted a flood in March, made another forecast on Monday.",
            "“The river will rise again before the summer,” he said.",
        ]
    )
    assert quotes[0].speaker_name == "Oskar Lind"


def test_a_name_before_a_title_is_its_modifier_not_the_speaker() -> None:
    quotes = _quotes(
        [
            "The U.S. embassy in Velland reopened on Monday.",
            "The U.S. president repeated his call for calm and urged “concrete steps that protect the valley.”",
        ]
    )
    assert quotes[0].speaker_name != "U.S"


def test_a_described_speaker_ends_before_its_relative_clause() -> None:
    quotes = _quotes(["“The flood ruined our lives,” said one farmer who had just arrived with his wife and daughter."])
    assert quotes[0].speaker_name == "one farmer"


def test_the_person_before_the_verb_speaks_not_the_organisation_before_the_office() -> None:
    # "Kelbrook Council leader Jane Roe said": the office's organisation opens the name run, the holder
    # closes it; "The harbour board chair of Kelbrook said" keeps its description.
    quotes = _quotes(
        [
            "Jane Roe has led the council since 2019.",
            'Kelbrook Council leader Jane Roe said on Monday that "the harbour will reopen within a week".',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Jane Roe"]
    quotes = _quotes(['The Valley Secretary of State said it was "a sad day for the harbour towns".'])
    assert quotes[0].speaker_name == "The Valley Secretary of State"


def test_described_speakers_with_dotted_and_capitalised_words() -> None:
    quotes = _quotes(['"We urge all sides to talk before the harbour closes," the U.S. embassy spokesman said.'])
    assert quotes[0].speaker_name == "the U.S. embassy spokesman"
    # the organisation's name after the article is no speaker when the description goes on after it
    quotes = _quotes(
        [
            "The Kelbrook Harbour Authority (KHA) called the meeting on Monday.",
            'A KHA harbour official said the vote was "a clear sign that the strike is over for good".',
            'The KHA also reported "a calm night on the quays".',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["A KHA harbour official", "Kelbrook Harbour Authority"]


def test_the_listener_before_a_colon_is_no_speaker() -> None:
    # 'told the Kelbrook Courier: "…"': the paper is who was told; the unnamed resident speaks
    quotes = _quotes(
        [
            "The Kelbrook Courier reported the strike first.",
            'One resident told the Kelbrook Courier: "We have not slept for three nights."',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["One resident"]


def test_an_apposition_holding_words_that_end_like_verbs() -> None:
    # "Paris", "crisis", "healthcare" end like "is"/"are": they do not end the apposition
    quotes = _quotes(
        [
            "Mayor Oren Talvik met the strikers on Monday.",
            "Jane Roe, a doctor based in Paris who wrote about the healthcare crisis in Mayor Talvik's town, "
            'told the Kelbrook Courier: "The clinic will stay open all week."',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Jane Roe"]


def test_a_definite_description_before_its_verb_is_the_speaker_when_nothing_else_is() -> None:
    quotes = _quotes(
        [
            "The night shift had left the crane running.",
            '"We may have blown something out higher in the casing," the engineer said.',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["the engineer"]


def test_an_inverted_verb_before_a_description_ending_on_the_name() -> None:
    quotes = _quotes(
        [
            '"Will the money last?" Mayor Oren Talvik asked on Monday.',
            '"The council will use the lull to get ready," said risk communications consultant Kyla Roe, '
            "who has studied floods for years.",
        ]
    )
    assert [q.speaker_name for q in quotes][-1] == "Kyla Roe"


def test_a_sentence_closing_on_its_attribution_is_that_speakers():
    # the verb of saying inside the "when" clause is not the sentence's; ", Renn added." is
    quotes = _quotes(
        [
            "Senator Pell Renn spoke at the harbour board on Monday.",
            'Kelbrook must "stand by what we promised" last year, when Harbour Minister Ona Vell stressed '
            "support for a shared solution to the quays dispute, Renn added.",
        ]
    )
    assert [q.speaker_name for q in quotes if q.text.startswith("stand by")] == ["Pell Renn"]
    # a person named in the closing attribution wins over the body before it; the pronoun goes back to them
    quotes = _quotes(
        [
            "The question of when the quays reopen was still open, Kelbrook Ports' Ona Vell said.",
            '"This will depend on the harbour board and what the unions say about it," she said.',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Ona Vell"]
    # ", Valley News reports." cites the account's source: nobody in it said the shouted words
    quotes = _quotes(
        [
            '"Open the quays, we want work," dockers shouted in the harbour of Kelbrook, while others '
            "carried banners, Valley News reports."
        ]
    )
    assert all(q.speaker_name != "Valley News" for q in quotes)


def test_he_after_according_to_is_that_source() -> None:
    """'According to X, …' makes X the one who speaks in that sentence: a later '"…," he said' is X's,
    not the person named before (who only "noted" something in an earlier sentence)."""
    paras = [
        "Board head Jan Roe hinted at a change in a speech last week, when he noted that growth was slow.",
        "According to Tom Vale, an economist at Kelbrook Bank, a slower rate would be more realistic.",
        "However, he expected the board to avoid a sharp revision of its forecast.",
        "\u201cThere are many grey areas in the numbers, so I do not expect anything drastic,\u201d he said.",
    ]
    (q,) = [q for q in _quotes(paras) if q.text.startswith("There are many grey areas")]
    assert q.speaker_name == "Tom Vale"


def test_she_is_not_a_name_written_after_the() -> None:
    """'the Green Shield arranged … a phone call' ("call" read as a verb of saying): an untyped name
    after "the" is a body, not the woman a later '"…," she said' stands for."""
    paras = [
        "By chance, the Green Shield arranged yesterday for the captain to make a rare phone call to his wife.",
        "\u201cHe did not sound hopeful at all about the talks,\u201d she said.",
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name != "Green Shield"


def test_a_name_inside_an_apposition_before_the_verb_is_not_the_speaker() -> None:
    """'Mara Quill, the chief U.S. delegate, said …': the apposition describes Mara Quill, and the
    quote that follows on its own is hers, not the country's."""
    paras = [
        "\u201cThe basic approach is to expand demand at home to promote growth,\u201d Finance Minister Jan Roe said.",
        "Mara Quill, the chief U.S. delegate, said the shift to rely more on demand at home would be profound.",
        "\u201cSuch a transformation will not be easily or rapidly attainable, but will be key to a balanced "
        "recovery.\u201d",
    ]
    (q,) = [q for q in _quotes(paras) if q.text.startswith("Such a transformation")]
    assert q.speaker_name == "Mara Quill"


def test_he_after_an_unnamed_official_opening_on_but_is_that_official() -> None:
    """'But one international official said he expected …' is the sentence's unnamed speaker: a later
    '"…," he said' is that official's, not the person named a sentence before."""
    paras = [
        "Health Secretary Mara Quill said talks on vaccine supplies were still under way.",
        "But one international official said he expected battles ahead as governments try to secure supplies.",
        "\u201cEnabling poor countries to reach those supplies is going to be a critical issue,\u201d he said.",
    ]
    (q,) = _quotes(paras)
    assert q.speaker is None
    assert q.speaker_name == "one international official"


def test_a_role_and_an_apposition_before_the_verb_keep_the_named_speaker() -> None:
    """'Tomas Varga, head of vaccines at Kelbrofi, the world's largest … supplier, said …': masking the
    apposition must not leave "head of vaccines at Kelbrofi" looking like a group that speaks."""
    paras = [
        "Ostmark Labs said Friday it would be able to meet commitments for 150 million doses.",
        "Tomas Varga, head of vaccines at Kelbrofi, the world's largest flu vaccine supplier, said on Thursday his "
        'company would "produce the largest number of doses of vaccine in the shortest time frame," though it would '
        "be another four months.",
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name == "Tomas Varga"


def test_a_description_after_a_preposition_is_no_part_of_the_speaker() -> None:
    """'In a statement the family said, "…"': "a statement" is where it was said; the speaker is
    "the family" (and a description with a preposition inside stays whole)."""
    paras = [
        "Jana Roe from Kelbrook had given birth to a boy two weeks before her death.",
        'In a statement the family said, "our whole family is absolutely devastated."',
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name == "the family"
    (q,) = _quotes(['"We have lost everything," a farmer from the valley said.'])
    assert q.speaker_name == "a farmer from the valley"


def test_a_possessive_before_the_verb_is_whose_agent_not_who_speaks() -> None:
    """'Mr Roe's agent, Tom Vale, responded today: "…"': the agent speaks, not Mr Roe."""
    paras = [
        "Mr Roe said the board would decide in May.",
        "Mr Roe's agent, Tom Vale, responded today: \u201cThe council can change its candidate but it can not "
        "change its policies.\u201d",
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name == "Tom Vale"


def test_a_description_never_ends_on_a_conjunction() -> None:
    """'… Mara Quill stood in front of a large audience and said to us: "…"': the audience is no speaker."""
    paras = [
        "At last year's Kelbrook book festival, the author Mara Quill stood in front of a large audience and said "
        "to us: \u201cWe are just like all of you.\u201d"
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name == "Mara Quill"


def test_a_possessive_before_a_thing_is_still_the_one_who_speaks() -> None:
    """'Vale's aim, he says, was …': "he" is Tom Vale; only a role or kin after the possessive ("Mr
    Roe's agent") makes someone else the subject."""
    paras = [
        "Tom Vale's third film, Dark Water Rising, won the main prize at the Kelbrook festival.",
        "The story follows a group of orphans in a camp by the border on the eve of the war.",
        "Vale's aim, he says, was to show the pain of war with honesty.",
        "\u201cThese are the people we never see or hear from on television,\u201d he says.",
    ]
    (q,) = [q for q in _quotes(paras) if q.text.startswith("These are the people")]
    assert q.speaker_name == "Tom Vale"


def test_a_definite_description_after_a_comma_speaks_not_the_names_before_it() -> None:
    """An unclosed quote runs on over '…, the ministry said': the names the quote lists before the
    comma do not speak, the ministry does."""
    paras = [
        "Ostmark has helped keep the peace in the valley, the Foreign Ministry said.",
        "It funds the border patrols, \u201cplayed a key role during the 1998 valley crisis,\u201d and is a "
        "\u201ckey partner against armed groups such as Tomas Vell and the Red Hand, the department said in a note.",
    ]
    q = next(q for q in _quotes(paras) if q.text.startswith("played a key role"))
    assert q.speaker_name == "the department"


@pytest.mark.parametrize(
    "para",
    [
        # no one: function words in the description, a verb that says nothing else
        "My brother is shy, the times when he says \u201cthank you for the meal\u201d are rare indeed.",
        "Inside the valley, the fighting continued with state radio reporting that \u201carmed gangs had "
        "attacked the villages again\u201d on Monday.",
    ],
)
def test_no_description_after_a_comma_is_made_up(para: str) -> None:
    assert all(q.speaker_name is None for q in _quotes([para]))


@pytest.mark.parametrize(
    "paras",
    [
        # the pronoun of the next quote
        [
            "Aid workers say the camps are short of water.",
            "But Tomas Krell of Harbour Aid says the main concern has been for the people receiving aid.",
            "\u201cThe best process is not to start the handouts at once and announce them so everyone comes,\u201d he says.",
        ],
        # a quote standing alone after the attribution
        [
            "Tomas Krell of Ostmark agency Harbour Aid said the security problems should not be used as an excuse.",
            "\u201cThe needs are there, people are desperate, and they will be even more desperate tomorrow.\u201d",
        ],
        # the quote in the same sentence, a description between the person and the body
        [
            "Tomas Krell of Irish charity Harbour Aid told the Kelbrook Herald he could not send staff because he "
            "had \u201cno guarantee that the drivers are not going to be attacked on the way down\u201d."
        ],
        [
            "1640 Tomas Krell of Harbour Aid in Kelbrook tells the BBC: \u201cConditions are catastrophic - "
            "absolutely catastrophic.\u201d"
        ],
    ],
)
def test_the_person_of_a_body_speaks_not_the_body(paras: list[str]) -> None:
    (q,) = _quotes(paras)
    assert q.speaker_name == "Tomas Krell"


def test_a_body_named_with_of_still_speaks() -> None:
    paras = ["The Bank of Ostmark said on Monday: \u201cWe have been watching prices for weeks and we will act.\u201d"]
    (q,) = _quotes(paras)
    assert q.speaker_name == "The Bank of Ostmark"


def test_a_verb_of_saying_in_an_opening_clause_is_not_the_sentences() -> None:
    paras = [
        "Mayor Ona Vell visited the quay on Friday to see the damage.",
        "After Harbour Aid announced the failure of the pumps, Vell said from the town hall that the flood is "
        "\u201cas enraging as it is heartbreaking.\u201d",
    ]
    (q,) = _quotes(paras)
    assert q.speaker_name == "Ona Vell"


def test_a_critic_who_admired_or_hailed_is_the_speaker() -> None:
    ps = [
        "The Norvale Ledger's Anna Lindqvist admired the play as a \"deeply felt, rigorously researched reminder"
        ' of governmental ineptitude", though she found the second half began to "feel like a series of'
        ' bulletins issued at board meetings".',
        'Chief executive Tomas Vell at the time hailed it as "a deal that will bring the harbour back to life after 30 years".',
    ]
    assert [q.speaker_name for q in _quotes(ps)] == ["Anna Lindqvist", "Anna Lindqvist", "Tomas Vell"]


def test_attributions_set_off_by_commas_opening_with_said_or_with_a_colon() -> None:
    """ "X, the Times said, '…'"; 'Said one former official: "…"'; 'Phillips ducks: "…"'."""
    assert [
        q.speaker_name
        for q in _quotes(['Norvale conventions, the Times said, "ban its use on civilian but not military targets".'])
    ] == ["the Times"]
    said_first = [
        'Said one former harbour official: "They see long-term strategic advantage in being involved in the port."'
    ]
    assert [q.speaker_name for q in _quotes(said_first)] == ["one former harbour official"]
    colon = [
        "Kevin Phillips, the author, said the book was long.",
        'Phillips ducks: "This book will not try to prove or disprove any particular backstage role" by the brokers.',
    ]
    assert [q.speaker_name for q in _quotes(colon)] == ["Kevin Phillips"]


def test_the_person_hailed_is_not_the_speaker() -> None:
    """ "hailed" introduces a quote ("hailed it as '…'") but puts no speaker after it: "Vell hailed
    Lindqvist" is said by Vell."""
    ps = [
        "Mayor Tomas Vell hailed Anna Lindqvist at the opening of the new Norvale quay on Monday.",
        '"She will bring the harbour back to life after 30 years of decline."',
    ]
    assert [q.speaker_name for q in _quotes(ps)] == ["Tomas Vell"]


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        # a plural group qualified by words before it at the start of its clause
        (
            'Ostmark defense officials say that "ultimately, spending decisions are a matter for the council".',
            "Ostmark defense officials",
        ),
        # an unnamed speaker after or before a verb of remarking in the inverted form
        (
            '"The pace of valley TV news has a way of stoking vague fears," noted a commentator in the Valley Times.',
            "a commentator",
        ),
        ('"We would never get anything done in this town," commented one council member.', "one council member"),
        ('"We were spooked by the numbers, frankly," one official admitted to me.', "one official"),
    ],
)
def test_an_unnamed_speaker_of_a_verb_of_remarking_or_a_qualified_group(para: str, speaker: str) -> None:
    quotes = _quotes(["The mayor of Kelbrook spoke at the dam on Monday.", para])
    assert [q.speaker_name for q in quotes] == [speaker]


def test_a_group_after_a_time_word_is_not_qualified_by_it() -> None:
    quotes = _quotes(
        [
            "The mayor of Kelbrook spoke at the dam on Monday.",
            'Last year officials said that "the dam will hold for the whole of the winter".',
        ]
    )
    assert [q.speaker_name for q in quotes] == [None]


def test_a_possessive_name_before_a_noun_of_saying_spoke() -> None:
    quotes = _quotes(
        [
            "The film was shown in Kelbrook on Monday.",
            "It cut to a clip of General Jan Roe's infamous comment that "
            '"the valley does not put the same high price on life as the town does".',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Jan Roe"]


def test_a_possessive_name_before_an_activity_did_not_speak() -> None:
    quotes = _quotes(
        [
            "The flood reached the lower town on Monday.",
            'To say that the council\'s flood response "has actually been pretty effective" is a nonsense.',
        ]
    )
    assert [q.speaker_name for q in quotes] == [None]


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ('But he added: "There is a great deal of work to be done that will go on for months."', "a man"),
        ('His wife stepped in: "We live in the lower town," she said.', None),
    ],
)
def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker(second: str, speaker: str | None) -> None:
    quotes = _quotes(['"The dam has held for now," a man said on Monday.', second])
    assert [q.speaker_name for q in quotes] == ["a man", speaker]


def test_a_one_word_body_after_the_speaks() -> None:
    quotes = _quotes(
        [
            "The Fed agreed the rescue of Kelbrook Bank on Monday.",
            '"A disorderly failure of the bank could add to market fragility," the Fed said in a statement.',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Fed"]


def test_a_quote_over_three_paragraphs_takes_the_attribution_at_its_end() -> None:
    quotes = _quotes(
        [
            "Jan Roe, a historian at Kelbrook, has studied the valley's borders for years.",
            '"My take is that the great powers will fight tooth and nail to keep the borders as they are.',
            '"For once the map is re-drawn, where would the limits be?',
            'There would be a real danger of perpetual conflict in the valley," Roe says.',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Roe"]


def test_a_quote_after_an_attribution_ending_on_an_abbreviation_goes_on() -> None:
    quotes = _quotes(
        [
            "Jan Roe is an analyst at Vale & Co. in Kelbrook.",
            '"Stocks are flying today,',
            'This is gargantuan, and if it lasts that would be even better," said Jan Roe, analyst at Vale & Co. '
            '"You have to remember how low we have gotten in the last few weeks."',
        ]
    )
    assert len(quotes) == 1 and (quotes[0].speaker_name or "").endswith("Roe")
    assert quotes[0].text.endswith("in the last few weeks")


def test_a_possessive_in_an_apposition_is_not_the_subject_of_saying() -> None:
    quotes = _quotes(
        [
            "Valley Aid gave tents to the town, and Marta Quell thanked the mayor of Kelbrook.",
            "Marta Quell, Valley Aid's UK director, described Tom's ride as a great gift to the valley.",
            '"This is a very bold and innovative gesture by Tom, and we are proud of him," she said.',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Marta Quell"]


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        ('"We will not leave the square until he goes," chanted 20,000 protesters in Kelbrook.', "20,000 protesters"),
        ('"We will not leave the square until he goes," shouted thousands of protesters.', "thousands of protesters"),
        ('"We will not leave the square until he goes," shouted one man in the crowd.', "one man"),
        # a participle: the slogan was shouted by someone
        ('One slogan shouted by the crowd in recent weeks was "We will not leave until he goes".', None),
        # the one quoted speaks, not the agency that quotes; an unresolved "him" is no one
        ('"The valley must be given aid and all the help it needs," Valley News quoted him as saying.', None),
    ],
)
def test_shouting_crowds_and_agencies_that_quote(para: str, speaker: str | None) -> None:
    quotes = _quotes(["Kelbrook was quiet on Monday.", para])
    assert [q.speaker_name for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        ('Markets fear the town may try to "buy its way" out of trouble, in the words of one analyst.', "one analyst"),
        (
            "Here are the remarks of Valley Vice President Piet Roe after the speech: "
            '"This is a very historic hour in the history of the valley."',
            "Piet Roe",
        ),
    ],
)
def test_in_the_words_of_and_the_remarks_of(para: str, speaker: str) -> None:
    quotes = _quotes(["Kelbrook was quiet on Monday.", para])
    assert [q.speaker_name for q in quotes] == [speaker]


def test_a_name_before_quoted_words_that_open_on_the_verb_of_saying_speaks() -> None:
    quotes = _quotes(
        [
            "The engineers met on Monday.",
            'Piet Roe "said the situation at the pumping station sounded like a ticking bomb."',
        ]
    )
    assert [q.speaker_name for q in quotes] == ["Piet Roe"]
