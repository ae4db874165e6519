import pytest

from newsfuse.text import content_words, fold, reopen_quote, split_sentences, stopword_density


def test_split_sentences_respects_abbreviations_and_quotes() -> None:
    text = 'Gen. Haddad met U.S. envoys on Jan. 5 in Port Vell. "We agreed," he said. Talks resume Monday!'
    assert split_sentences(text) == [
        "Gen. Haddad met U.S. envoys on Jan. 5 in Port Vell.",
        '"We agreed," he said.',
        "Talks resume Monday!",
    ]


def test_split_sentences_keeps_plural_titles() -> None:
    text = "At the hall, Sens. Jane Roe and Tom Vell sparred over the dam. Reps. Ada Moor and Kit Lane left."
    assert len(split_sentences(text)) == 2


def test_split_sentences_keeps_initials() -> None:
    assert len(split_sentences("J. R. Miller wrote it. Then he left.")) == 2


def test_fold_and_content_words() -> None:
    assert fold("Kuloğlu Çelik") == "kuloglu celik"
    assert content_words("The mayor said the bridge will reopen") == ["mayor", "bridge", "reopen"]
    assert stopword_density("the of and") == 1.0
    assert stopword_density("") == 0.0


def test_fold_ascii_fast_path_matches_unicode_path() -> None:
    assert fold("Haftar SAID") == "haftar said"
    assert fold("Fayez al-Sarraj Kuloğlu") == "fayez al-sarraj kuloglu"


def test_split_sentences_splits_stops_glued_to_the_next_sentence() -> None:
    text = 'The quake hit near the surface.At least five aftershocks followed. He said "no."Then he left.'
    assert split_sentences(text) == [
        "The quake hit near the surface.",
        "At least five aftershocks followed.",
        'He said "no."',
        "Then he left.",
    ]
    # abbreviations and initials glued to a name stay whole
    assert split_sentences("The U.S.Army and Mr.Smith met in St.Louis.") == [
        "The U.S.Army and Mr.Smith met in St.Louis."
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            'Boats are still leaving the harbour," one fisherman said.',
            '"Boats are still leaving the harbour," one fisherman said.',
        ),
        (
            "Boats are still leaving the harbour,\u201d one fisherman said.",
            "\u201cBoats are still leaving the harbour,\u201d one fisherman said.",
        ),
        # whole quotes, quoted words inside a sentence, and no quote at all stay as they are
        ('"Boats are still leaving," one fisherman said.', '"Boats are still leaving," one fisherman said.'),
        ('The mayor called the plan "a disgrace" on Monday.', 'The mayor called the plan "a disgrace" on Monday.'),
        ("The mayor said the plan was a disgrace.", "The mayor said the plan was a disgrace."),
        (
            "He measured 6'2\" and weighed 90 kg, the report said.",
            "He measured 6'2\" and weighed 90 kg, the report said.",
        ),
    ],
)
def test_reopen_quote(text: str, shown: str) -> None:
    assert reopen_quote(text) == shown
