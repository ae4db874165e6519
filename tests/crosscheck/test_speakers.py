"""Speaker rules with invented sentences: described speakers named from the article, split attributions, pronouns."""

import pytest

from newsfuse.crosscheck.entities import build_entities
from newsfuse.crosscheck.quotes import build_quotes
from newsfuse.crosscheck.sentences import story_sentences
from newsfuse.model import Article, make_paragraphs


def _speakers(paras: list[str]) -> list[str | None]:
    art = Article(id="a", origin="a", outlet="Paper", paragraphs=make_paragraphs(paras))
    by_id = {"a": art}
    sents = story_sentences(["a"], by_id)
    index = build_entities(sents, lambda _: "Paper")
    return [q.speaker_name for q in build_quotes(sents, index, by_id, ["a"], 3)]


@pytest.mark.parametrize(
    ("intro", "description"),
    [
        ("Velland President Oskar Lind spoke to the crowd in Tallor on Monday.", "The Velland leader"),
        ("Velland President Oskar Lind spoke to the crowd in Tallor on Monday.", "The president"),
        ("Oskar Lind, the president of Velland, spoke to the crowd in Tallor on Monday.", "The Velland president"),
        ("Prime Minister Oskar Lind spoke to the crowd in Tallor on Monday.", "The prime minister"),
        ("Oskar Lind, Velland's prime minister, spoke to the crowd in Tallor.", "The Velland leader"),
    ],
)
def test_a_described_speaker_is_the_one_person_the_article_gives_that_office(intro: str, description: str) -> None:
    speakers = _speakers([intro, f"{description}, who has ruled for ten years, said: “We will not leave the square.”"])
    assert speakers == ["Oskar Lind"]


def test_two_people_with_the_office_leave_the_description() -> None:
    speakers = _speakers(
        [
            "Velland President Oskar Lind met Marran President Pavel Drost in Tallor on Monday.",
            "“We will not leave the square before the vote,” the president said.",
        ]
    )
    assert speakers == ["the president"]


def test_the_modifier_must_match_and_rank_words_count() -> None:
    # "the Marran leader" is not the Velland president; "the president" is not the former president
    assert _speakers(
        [
            "Velland President Oskar Lind spoke to the crowd in Tallor on Monday.",
            "“We will not leave the square before the vote,” the Marran leader said.",
        ]
    ) == ["the Marran leader"]
    assert _speakers(
        [
            "Former President Oskar Lind spoke to the crowd in Tallor on Monday.",
            "“We will not leave the square before the vote,” the president said.",
        ]
    ) == ["the president"]


def test_an_indefinite_description_stays_unnamed() -> None:
    speakers = _speakers(
        [
            "Velland Foreign Ministry spokesman Oskar Lind spoke in Tallor on Monday.",
            "“We will not leave the square before the vote,” a spokesman said.",
        ]
    )
    assert speakers == ["a spokesman"]


def test_an_attribution_after_a_paragraph_break_with_a_description_before_the_name() -> None:
    # the quote goes on in the next paragraph with no new mark; its attribution names the speaker
    # after a description with lowercase words
    speakers = _speakers(
        [
            "Crowds gathered in Tallor on Monday.",
            "“The city is free again tonight.",
            "We thank everyone,” Nobel laureate and party founder Mara Quill wrote on her page.",
        ]
    )
    assert speakers == ["Mara Quill"]


def test_a_name_after_a_preposition_in_the_description_is_not_the_speaker() -> None:
    speakers = _speakers(
        [
            "Mara Quill was charged in Tallor on Monday.",
            "“My client will plead not guilty at the hearing,” the lawyer for Mara Quill told reporters.",
        ]
    )
    assert speakers != ["Mara Quill"]


def test_she_passes_over_a_man_titled_mr() -> None:
    speakers = _speakers(
        [
            "Mrs Mara Quill runs the Tallor food bank, which lost its lease this week.",
            "The landlord, Mr Pavel Drost, declined to comment on the decision.",
            "“We will find new rooms before the winter comes,” she said.",
        ]
    )
    assert speakers == ["Mara Quill"]


def test_a_quote_opening_a_paragraph_is_the_one_person_the_sentence_before_opens_with() -> None:
    speakers = _speakers(
        [
            "Dr Mara Quill, who led the Tallor survey team, sees a simple reason for the rise.",
            "“The river has been warmer than usual for more than eight weeks.",
        ]
    )
    assert speakers == ["Mara Quill"]


def test_a_person_named_further_on_in_the_sentence_before_is_not_taken() -> None:
    speakers = _speakers(
        [
            "The mayor disputed a recent comment by Dr Mara Quill on the river survey in Tallor.",
            "“The river has been warmer than usual for more than eight weeks.",
        ]
    )
    assert speakers == [None]


def test_according_to_at_the_start_of_a_sentence_and_concluded() -> None:
    assert _speakers(
        [
            "The flood reached the town on Monday.",
            "According to Professor Mara Quill, head of the Tallor survey, we are not there yet: “The river is still rising.”",
        ]
    ) == ["Mara Quill"]
    assert _speakers(
        ["The flood reached the town on Monday.", "“The river is still rising tonight,” concluded Dr Mara Quill."]
    ) == ["Mara Quill"]


def test_he_is_not_a_person_only_mentioned_far_back() -> None:
    # Lind is only mentioned (he says nothing) four sentences before "he said": no name rather than a guess
    speakers = _speakers(
        [
            "The council of Tallor met Mayor Oskar Lind on Monday.",
            "The meeting lasted three hours. The budget was the main topic. Rain fell all day.",
            "“We are tired of waiting for the new bridge,” he said.",
        ]
    )
    assert speakers == [None]


def test_he_is_a_person_mentioned_in_the_sentence_before() -> None:
    speakers = _speakers(
        [
            "The council of Tallor met Mayor Oskar Lind on Monday.",
            "“We are tired of waiting for the new bridge,” he said.",
        ]
    )
    assert speakers == ["Oskar Lind"]


def test_he_far_back_is_the_person_the_article_is_about() -> None:
    speakers = _speakers(
        [
            "Mayor Oskar Lind opened the new bridge in Tallor on Monday.",
            "Lind had fought for the bridge for ten years. Lind is 61.",
            "The bridge cost nine million. Rain fell all day. The river was high.",
            "“We waited a long time for this day,” he said.",
        ]
    )
    assert speakers == ["Oskar Lind"]


def test_a_person_named_in_a_sentence_whose_subject_is_he_is_not_he() -> None:
    speakers = _speakers(
        [
            "Mr Oskar Lind marched to the square on Friday.",
            "He was dismissive of Mayor Mara Quill's promises and vowed to go on protesting.",
            "“We do not want her or her council, and we will stay here,” he said.",
        ]
    )
    assert speakers == ["Oskar Lind"]


def test_a_relative_clause_that_does_the_saying_right_before_the_quote() -> None:
    speakers = _speakers(
        [
            "The call was echoed by Press Secretary Oskar Lind, who told reporters “it is important that the "
            "talks begin now and that they include the opposition.”",
        ]
    )
    assert speakers == ["Oskar Lind"]


def test_a_first_name_label_is_the_person_introduced_just_before() -> None:
    speakers = _speakers(
        [
            "Mara Quillan of Tallor is looking for relatives in Kelbrook: Mara: “I am looking for my grandfather, who "
            "was born in Kelbrook around 1850.”",
            "Ivo wrote to us from Velland about the old mill.",
            "Ivo: “My father worked at the mill in Kelbrook until it closed.”",
        ]
    )
    assert speakers == ["Mara Quillan", "Ivo"]


def test_a_colon_quote_after_an_untyped_full_name_opening_the_sentence() -> None:
    speakers = _speakers(
        [
            "Mara Quillan from Tallor is looking for family links in Kelbrook: “I have been told that my family "
            "moved from Kelbrook to Tallor.”",
            "In May, Anna Berg from Dunmore, New Velland got in touch: “I have more about the family at home.”",
        ]
    )
    assert speakers == ["Mara Quillan", None]


def test_he_after_an_opening_phrase_is_the_subject_not_the_name_in_the_phrase() -> None:
    speakers = _speakers(
        [
            "Singers will perform in Tallor on Friday.",
            "Actor Mr Oskar Lind has organised the concert.",
            "Speaking to KTV, he said: “It is a big world out there, and we all have a lot of responsibility.”",
        ]
    )
    assert speakers == ["Oskar Lind"]
    # no one before: unknown, never the station he spoke to
    alone = _speakers(["Speaking to KTV, he said: “It is a big world out there, and we all have a lot to do.”"])
    assert alone == [None]


def test_a_sentence_on_he_that_closes_on_a_named_attribution_is_that_speakers() -> None:
    speakers = _speakers(
        [
            "He jailed the leaders of the opposition and harassed the unions for years, Mr Oskar Lind said.",
            "But the new movement “has no leaders, so it cannot be broken the same way,” he said.",
        ]
    )
    assert speakers == ["Oskar Lind"]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Oskar Lind, the mayor, saw the flood coming in 2006, when he warned “the valley will be under water within a decade”.",
        "Mr Oskar Lind, the mayor, waged war on the water board, what he called “a board that has failed us all”.",
        "Mr Oskar Lind countered by accusing the mayor of favouring Vell administration policies that he said “have "
        "left the valley in ruins”.",
    ],
)
def test_he_after_a_subordinator_or_relative_word_is_the_subject_named_before(text: str) -> None:
    assert _speakers([text]) == ["Oskar Lind"]


def test_the_one_from_a_body_speaks_not_the_body() -> None:
    speakers = _speakers(
        [
            "But political scientist Ivo Nkerel from the University of Tallor told the BBC: “It is a contradiction "
            "to see a country with serious financial problems giving away money.”"
        ]
    )
    assert speakers == ["Ivo Nkerel"]


def test_he_is_an_untyped_full_name_in_the_sentence_right_before() -> None:
    speakers = _speakers(
        [
            "Singers from Velland and Tallor will perform in Kelbrook.",
            "Hollywood actor Ivo Brandt has organised the event.",
            "Speaking to KTV, he said: “It is a big world out there, and we all have a lot of responsibility.”",
        ]
    )
    assert speakers == ["Ivo Brandt"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ivo Barnett, the chief executive of the Kelbrook Confederation, which represents most health trusts, "
            "said: “The alert reinforces the need for the service to make sure all its plans are tested.”",
            "Ivo Barnett",
        ),
        (
            "Mara Joyce, marine science professor at the University of Tallor, who is working on the project, told "
            "the Post: “The plumes are abundant throughout the region and they are growing.”",
            "Mara Joyce",
        ),
        (
            "The paper, Youth and Extremism in Tallor, which included input from the police, said the policy “seems "
            "a particularly strong cause of anger amongst the young”.",
            "The paper",
        ),
    ],
)
def test_an_apposition_followed_by_a_relative_clause_before_the_verb(text: str, speaker: str) -> None:
    assert _speakers([text]) == [speaker]


def test_he_is_the_one_at_a_firm_not_the_firm() -> None:
    speakers = _speakers(
        [
            "Analyst Ivo Arora at Kelbrook Securities said his clients had lost faith in the management team.",
            "“We estimate that if that ratio goes to 34 percent, they will breach the interest covenants,” he said.",
        ]
    )
    # ("Analyst" is no title the entities know, so it stays in the name)
    assert len(speakers) == 1 and (speakers[0] or "").endswith("Ivo Arora")


def test_it_said_is_the_body_that_said_something_just_before() -> None:
    speakers = _speakers(
        [
            "The Kelbrook Health Ministry said on Monday that detainees had been beaten in Tallor.",
            "“The ministry considers that the crimes committed in Tallor amount to crimes against humanity,” it said.",
        ]
    )
    assert speakers == ["Kelbrook Health Ministry"]
    # a body only named there (here the one who was told) is no speaker: unknown, not a guess
    told = _speakers(
        [
            "A 22-year-old man told Harbour Watch he was beaten during five days of detention in Tallor.",
            "“We are ready to send more doctors to the valley before the winter comes,” it said.",
        ]
    )
    assert told == [None]


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # the sentence right before is about someone unnamed: "he" is that person, whatever the verb
        (
            ["A Korean businessman broke into song and hugged a policeman.", '"I love Kelbrook people," he said.'],
            "A Korean businessman",
        ),
        (
            ["One elderly woman from the village wept as the water rose.", '"We have lost everything," she said.'],
            "One elderly woman",
        ),
        # over the quoted sentence of the same quote, opened in the paragraph before
        (
            [
                "A Korean businessman broke into song and hugged a policeman.",
                "\"I'm happy!",
                'I love Kelbrook people," he said.',
            ],
            "A Korean businessman",
        ),
        # a head noun of the other sex does not fit the pronoun
        (["A Korean businessman broke into song and hugged a policeman.", '"I love Kelbrook people," she said.'], None),
        # a sentence told by someone is theirs: "she" is who told it, not the group in it
        (
            [
                "Marta Dorn of the Valley Post said she was approached by a gang of men in Kelbrook.",
                "Another group of men pushed her into a store and locked it to protect her, she said.",
                '"Get the journalists out of the way!" she said, as a way to describe the thinking of the gangs.',
            ],
            "Marta Dorn",
        ),
    ],
)
def test_he_is_the_unnamed_person_the_sentence_right_before_is_about(paras: list[str], speaker: str | None) -> None:
    assert _speakers(paras)[-1] == speaker


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # a verb of saying in an opening clause on one word ("When …") is not the sentence's
        (
            [
                "When a KTV interviewer remarked that the dam had cost more than the bridge, Mrs Marta Albers "
                'famously replied: "We think the price is worth it."'
            ],
            "Marta Albers",
        ),
        # the quote is the opening clause's own: its subject speaks, without the conjunction
        (['As the Kelbrook Herald noted, paraphrasing the mayor, today "We are all farmers".'], "Kelbrook Herald"),
        (['As Kelbrook Herald columnist Jan Vale noted, paraphrasing the mayor, today "We are all farmers".'], "Vale"),
        (['As one farmer wrote moments after Dorn\'s speech, "Father knows best."'], "one farmer"),
    ],
)
def test_an_opening_subordinate_clause_and_the_speaker(paras: list[str], speaker: str | None) -> None:
    assert _speakers(paras)[-1] == speaker


def test_the_object_of_a_preposition_does_not_speak() -> None:
    paras = [
        "Marta Rice spoke at length.",
        "Amid the grief she managed to round up the senior staff of the National Security Council and ask them "
        'to think seriously about "how do you capitalize on these opportunities" to fundamentally change doctrine.',
    ]
    assert _speakers(paras)[-1] == "Marta Rice"


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # people named together before the verb, or after an inverted one, speak together
        (['Piet Varga and Marta Dorn said: "We will rebuild the dam together."'], "Piet Varga and Marta Dorn"),
        (['"We will rebuild the dam together," said Piet Varga and Marta Dorn.'], "Piet Varga and Marta Dorn"),
        (
            ['Piet Varga, Marta Dorn and Tomas Roe told reporters: "We will rebuild the dam together."'],
            "Piet Varga, Marta Dorn and Tomas Roe",
        ),
        # not a title and a body joined by "and", nor whose comments they are
        (
            [
                "Marta Dorn spoke to the board.",
                '"We are working on it," House Energy and Commerce Chairman Marta Dorn told reporters.',
            ],
            "Marta Dorn",
        ),
    ],
)
def test_people_named_together_speak_together(paras: list[str], speaker: str | None) -> None:
    assert _speakers(paras)[-1] == speaker


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        (
            'MARTA LIND, research fellow at the Oslo-based Institute for Policy Relations "The regime must reform."',
            "MARTA LIND",
        ),
        (
            'P.J. Vance, the State Department spokesman, "With protesters on the streets, we urge restraint."',
            "P.J. Vance",
        ),
        (
            'Valley Herald Editorial, Tallor, May 18 "The committee wanted to know why Mr Roe took the money."',
            "Valley Herald Editorial",
        ),
        # no label: a clause, a participle, a quote that goes on the sentence
        ('Jan Roe, who arrived on Monday, "We are here to stay for a long time."', None),
        ('Chanting, "Our nation, our beloved, your day is near," the crowd marched.', None),
        ('The Gulf, nowadays a tourist resort, "looks not unlike the surface of Mars".', None),
    ],
)
def test_a_name_and_its_apposition_opening_the_paragraph_label_the_quote(para: str, speaker: str | None) -> None:
    assert _speakers(["The panel met on Monday.", para]) == [speaker]


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # an unnamed speaker with a relative clause, before or after the quote
        (
            ['One industry insider, who asked not to be named, said: "Major spills will increase."'],
            "One industry insider",
        ),
        (
            ['"Major spills will increase," one industry insider, who asked not to be named, said.'],
            "one industry insider",
        ),
        (
            ['"Leaders should fall in their own time," the Tallor commentator who requested anonymity said.'],
            "the Tallor commentator",
        ),
        (['"They shut the bakeries and cut the water," said the boy who declined to give his name.'], "the boy"),
        # (an apposition to a name is the name's)
        (['Tallor Gov. Rick Parry, a fellow Republican, who last month said: "There are acts of God."'], "Rick Parry"),
        # "according to" an unnamed person; not a medium, nor after a named speaker's verb
        (['According to one welder, some pipes "have hundreds of patches on them."'], "one welder"),
        (['"Get out of our lives," read placards in the city, according to a video taken by a resident.'], None),
        (['"This is the high point of this epidemic," Pavel Drost said, according to a translation.'], "Pavel Drost"),
        # "put it" as a verb of saying; not "put it past"
        (['As one soldier put it, it was "dangerous enough just fighting the enemy".'], "one soldier"),
        (
            [
                'Tomas Cole, a historian at the University of Tallor, put it this way: "A lot of people are left behind."'
            ],
            "Tomas Cole",
        ),
        (
            [
                "While I would not put it past Kelmar to try this, I doubt it.",
                '"We are such experts that Kelmar tried to bribe us!"',
            ],
            None,
        ),
        # e-mails, emphasised
        (
            ['1304 Daniel Serge from Amsterdam e-mails: "My cousin was at work when his building collapsed."'],
            "Daniel Serge",
        ),
        (
            [
                "Nasser Jadeh spoke in Amman.",
                '"We are vigilant," emphasised foreign minister Jadeh, who said families came under fire.',
            ],
            "Nasser Jadeh",
        ),
        # "it" after a body described, not named
        (
            [
                "Iran warned Velland not to intervene, the state-run Herald newspaper said.",
                '"Any attack will meet a harsh response," it reported.',
            ],
            "the state-run Herald newspaper",
        ),
    ],
)
def test_unnamed_speakers_put_it_e_mails_and_described_bodies(paras: list[str], speaker: str | None) -> None:
    assert _speakers(paras)[-1] == speaker


def test_he_is_the_unnamed_person_the_reporter_meets() -> None:
    intro = ["Ahmed Tallo said the camp was full.", '"We weren\'t expecting to stay."']
    met = "At the entrance, I ran into a harried Velland man dragging a big red suitcase."
    quote = '"I\'ve come from Abu Dhabi," he said, catching his breath.'
    assert _speakers([*intro, met, quote])[-1] == "a harried Velland man"
    assert _speakers([*intro, "At the entrance, a guard stopped me.", quote])[-1] == "Ahmed Tallo"


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        (
            '"Tanks have surrounded the city," said one of the men as he shielded his face with a scarf.',
            "one of the men",
        ),
        ('"Troops are gathering," said one refugee just 30 minutes after he had crossed the border.', "one refugee"),
        ('"We want him to leave," said one 19-year-old man hours after the day of protests.', "one 19-year-old man"),
        ('"They will not let us out," said one toothless man with thick greying stubble.', "one toothless man"),
        # (a description that goes on with "familiar with" is kept whole)
        (
            '"There are four names," a diplomat familiar with negotiations said.',
            "a diplomat familiar with negotiations",
        ),
    ],
)
def test_an_unnamed_speaker_ends_before_a_clause_of_time_or_manner(para: str, speaker: str) -> None:
    assert _speakers([para]) == [speaker]


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        ('At least one supporter of Tomas Brandt has told me, half in jest: "This is the only chance we get."', None),
        (
            'Sara Whitmore, Middle East director at Harbour Watch said the city stood for: "A microcosm of brutality".',
            "Sara Whitmore",
        ),
        # (an office, and the subject of "saying", are no objects)
        (
            'In Velland, former Secretary of State Tomas Bakker famously said: "We have no dog in this fight."',
            "Tomas Bakker",
        ),
        ('The ministry weighed in on Thursday, with Bakker saying, "We want no interference at all."', "Tomas Bakker"),
    ],
)
def test_a_name_after_a_preposition_is_no_speaker_but_the_holder_before_it_is(para: str, speaker: str | None) -> None:
    assert _speakers(["Tomas Brandt and Tomas Bakker met on Monday.", para])[-1] == speaker


def test_who_backs_a_point_speaks_the_quote_that_follows() -> None:
    before = "Each egg has to be looked after carefully."
    backed = "This point was backed by Dr James Robins, leader of the team that created the strain."
    quote = '"Different strains behave differently in eggs."'
    assert _speakers([before, backed, quote]) == ["James Robins"]
    assert _speakers(['This view was echoed by Williams Mkpo, a community leader in Ibeno: "We are ignored."']) == [
        "Williams Mkpo"
    ]


def test_after_an_inverted_verb_the_one_possessed_speaks_not_the_possessor() -> None:
    assert _speakers(['"It was pure drama," recalls the Valley Ledger\'s Kate Adler, then a junior reporter.']) == [
        "Kate Adler"
    ]
    # a possessor with no one after it is still taken
    assert _speakers(['"Revenues are secondary," said the Valley Ledger\'s.']) == ["Valley Ledger"]


def test_quoted_as_saying_after_a_described_paper_is_the_one_quoted() -> None:
    paras = [
        "Amr Mossa said he hoped Velland would move forward.",
        '"I hope that Velland will change," the independent daily al-Tahrir newspaper quoted Amr Mossa as saying.',
    ]
    assert _speakers(paras) == ["Amr Mossa"]
    assert _speakers(
        ["Music magazine Billmark reported record sales.", 'In an interview she said: "It is unfair."']
    ) == [None]


def test_points_out_is_a_verb_of_saying_and_when_i_is_no_one() -> None:
    book = "Robert Fisk wrote a book on the war."
    assert _speakers([book, 'But as Fisk points out, "even the dead of 1944 were buried in marked graves".']) == [
        "Robert Fisk"
    ]
    assert _speakers(['"Most refugees are children," pointed out Maria Calvi, regional director for the fund.']) == [
        "Maria Calvi"
    ]
    reported = "When I formally reported to General Sancho, the commander said not a word."
    assert _speakers([reported, 'I said, "Sir, when I saw the pictures I was sickened by them."']) == [None]


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # "It adds:" after a document described as saying something
        (
            ["The paper describes the bias as a long-running grievance.", 'It adds: "This perception is more acute."'],
            "The paper",
        ),
        (
            ["It may not help that a shirt is for sale with the slogan.", 'It shows: "I went to Tallor and got flu."'],
            None,
        ),
        # an inverted verb, a description, a comma, the name closing the sentence
        (
            ['"The army will crush them," says 53-year-old pharmacist, Gandi Kalouni.', '"Bashar will stay."'],
            "Gandi Kalouni",
        ),
        # a definite description opening the sentence, its verb, a colon, the quote
        (
            ['The man wielding the knife said, tauntingly, to the first: "This is for freedom."'],
            "The man wielding the knife",
        ),
    ],
)
def test_documents_appositions_and_definite_descriptions(paras: list[str], speaker: str | None) -> None:
    assert _speakers(paras)[-1] == speaker


def test_he_is_the_man_described_not_a_person_named_further_up() -> None:
    named = "Bashar Velic spoke on Monday."
    man = "The man wielding the knife stood over them."
    assert _speakers([named, man, '"This is for our martyrs," he said.']) == ["The man"]
    nearby = "A man standing nearby echoed that view."
    assert _speakers([named, nearby, '"They all supported him," he said.']) == ["A man"]


def test_a_body_after_at_is_the_holders_not_the_speaker() -> None:
    para = (
        "Dr. Daniel Jernow, Deputy Director of the Influenza Division at the Centers for Disease Control and"
        ' Prevention made these comments: "The country will likely see more cases."'
    )
    assert _speakers([para]) == ["Daniel Jernow"]
    before = "Mark Weisbot of the Center for Economic and Policy Research said the fund had not gone far enough."
    assert _speakers([before, '"Nobody wants to borrow from the fund," he said.']) == ["Mark Weisbot"]


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        ('"This bailout is not the solution," Sen. Jim Bunnell (R-Ky.)', "Jim Bunnell"),
        ('"We need the oil from offshore," Sen. Mary Landry (D-La.)', "Mary Landry"),
        (
            'Here are five options for your benefit: Robin Yassin-Kass, author of The Road: "The damage is done."',
            "Robin Yassin-Kass",
        ),
        ('Another lawyer, W. Mark Lanning, scoffed: "This is like a lynch mob."', "W. Mark Lanning"),
        # (a clause before the colon is no label)
        ('Others, too, were happy to pick up his torch, it seems: "There is nothing like a class war."', None),
    ],
)
def test_a_party_tag_and_a_label_before_a_colon_name_the_speaker(para: str, speaker: str | None) -> None:
    assert _speakers([para]) == [speaker]


def test_an_untitled_person_of_a_feature_is_typed_by_birth_age_and_kin() -> None:
    # a surname ending like a demonym ("-i") after its first name is a name even before an adverb
    paras = [
        "As a painter, Bahman Tolvadi knows that hardship can teach.",
        "Tolvadi was born in 1969 in a border town.",
        'The mural "Birds Can Sing" made him known, and Tolvadi still paints every morning.',
        '"My spirit is in the mountains," he says.',
    ]
    assert _speakers(paras)[-1] == "Bahman Tolvadi"


def test_a_military_unit_before_a_title_is_no_person() -> None:
    paras = [
        "The private was honoured among his comrades in the 1st Battalion, the Princess of Velland's Royal Regiment.",
        '"I was just doing my job," he said.',
    ]
    assert _speakers(paras) == [None]


def test_a_relative_clause_between_dashes_holds_no_speaker() -> None:
    para = (
        "Earlier this month, Dr Kelvo Marrant - who was employed as Tomas Vell's personal physician for a tour"
        ' - posted a video message: "I told the truth."'
    )
    assert _speakers(["Tomas Vell said he was tired of touring.", para]) == ["Kelvo Marrant"]


def test_he_is_no_one_his_own_sentence_names_after_him() -> None:
    paras = [
        "For much of the day Dr Alon Sternfeld was in the stand, describing how he had reviewed the notes.",
        "He outlined six separate instances of negligence.",
        "Once given the drug, Tomas Vell should have been monitored properly.",
        'He said the way Kelvo Marrant reacted when Vell stopped breathing was "responsible for the death".',
    ]
    assert _speakers(["Tomas Vell said he would sing again.", *paras])[-1] in {None, "Alon Sternfeld"}


@pytest.mark.parametrize(
    ("para", "speaker"),
    [
        (
            '"The regime would feel isolated," says Malik al-Abdeh, a Velland journalist based in Tallor.',
            "Malik al-Abdeh",
        ),
        ('"We will hunt them," said Osama bin Ludan.', "Osama bin Ludan"),
        (
            'Velland\'s Foreign Minister Walid al-Marran: "We behaved in a positive manner" Reacting, he spoke.',
            "Walid al-Marran",
        ),
    ],
)
def test_names_with_lowercase_particles_are_whole_speakers(para: str, speaker: str) -> None:
    # (a name of the story that shares a word with the description must not be taken instead)
    assert _speakers(["Exiled Velland opposition figures urged Moscow on Tuesday to act.", para]) == [speaker]


def test_a_name_after_a_preposition_before_a_colon_is_not_the_speaker() -> None:
    para = 'There are the regular chants against President Tomas Vell: "The Vell family are thieves" is always popular.'
    assert _speakers([para]) == [None]


def test_a_name_after_a_first_name_title_is_not_a_bynames_surname() -> None:
    paras = [
        "Chemical Ali, the former minister, said he had no regrets before he was hanged in 2031.",
        "Sheikh Ali Barrak was held for 22 months; Ali Barrak said he would go home.",
        "Released last month, Sheikh Ali, 44, spoke about his jail.",
        '"At first I was hostile to them," he said.',
    ]
    assert _speakers(paras)[-1] in {"Ali", "Ali Barrak"}


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        # a person named as a modifier after "the" is a thing, not whom "he" stands for
        (
            [
                "Tomas Vell said he was tired of touring.",
                "Last month the organiser of the Tomas Vell tribute concert Chris Hunter defended the event.",
                'He told us the event "reminds people just how fantastic Tomas Vell was", and rejected the idea.',
            ],
            "Chris Hunter",
        ),
        (['There were screams, with one man yelling: "This is it for the mayor."'], "one man"),
        (
            ["The inquiry ended.", 'The report goes on: "It is precisely those qualities that were absent."'],
            "The report",
        ),
    ],
)
def test_a_modifier_yelling_and_going_on(paras: list[str], speaker: str) -> None:
    assert _speakers(paras)[-1] == speaker


def test_a_parish_or_county_is_a_place_not_the_speaker() -> None:
    paras = [
        "Stephon LaFrance, an oysterman in Velland's oil-stained Tallor Parish who has been out of work, called it a lie.",
        '"I do not believe they stopped that leak," he said.',
    ]
    assert _speakers(paras)[-1] == "Stephon LaFrance"


@pytest.mark.parametrize(
    ("paras", "speaker"),
    [
        (
            [
                "Reverend Al Shapton, who presided over Tomas Vell's memorial service last year said: "
                '"I do not think the world has been able to mourn him."'
            ],
            "Reverend Al Shapton",
        ),
        (
            ["Take some of his environmental cases.", '"Litigation is a blunt instrument," says his firm\'s website.'],
            "his firm's website",
        ),
        # (the quote's placeholder is never part of a name: this was "Gibson Square QQQ")
        (
            [
                "The paperback is published by Gibson Square books.",
                'According to its website, Gibson Square "specialises in books with either a strong biographical '
                "element, or those which are based in some relevant way on personal experience.",
                'They will have a high publicity potential and be able to provoke a current debate".',
            ],
            "its website",
        ),
    ],
)
def test_an_unclosed_who_clause_and_a_website_name_the_speaker(paras: list[str], speaker: str) -> None:
    assert _speakers(paras)[-1] == speaker
