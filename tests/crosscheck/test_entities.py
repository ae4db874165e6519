from newsfuse.crosscheck.entities import build_entities, skeleton, tokens_match
from newsfuse.crosscheck.sentences import Sent, story_sentences


def _index(by_id, **kw):
    sents = story_sentences(list(by_id), by_id)
    notes: list[str] = []
    return build_entities(sents, lambda aid: by_id[aid].outlet or aid, notes=notes, **kw), notes


def _entity(index, name):
    eid = index.resolve(name)
    assert eid is not None, f"{name} not found"
    return index.get(eid)


def test_spelling_variants_surnames_and_particles_are_one_entity(two_outlets) -> None:
    index, _ = _index(two_outlets)
    hask = _entity(index, "Haskarov")
    assert hask.type == "person"
    assert index.resolve("Dmitry Hoskarov") == index.resolve("Dmitri Haskarov") == index.resolve("Hoskarov") == hask.id
    assert hask.mentions == {"Daily Ledger": 3, "Morning Wire": 3}
    mans = _entity(index, "al-Mansuri")
    assert index.resolve("Kareem Mansuri") == index.resolve("Karim al-Mansuri") == mans.id
    assert mans.type == "person"
    assert index.resolve("Ostrova") == index.resolve("Lena Ostrova")


def test_titles_are_stripped_and_acronyms_joined(two_outlets) -> None:
    index, _ = _index(two_outlets)
    names = {e.name for e in index.entities}
    assert "Commander Dmitri Haskarov" not in names and "President Lena Ostrova" not in names
    front = _entity(index, "NSF")
    assert front.name == "Northern Salvation Front"
    assert front.type == "organisation"
    assert "NSF" in front.aliases
    assert _entity(index, "Port Amsel").type == "place"  # "in Port Amsel"
    assert index.titles[index.resolve("Haskarov") or ""] == ["Commander"]


def test_distinct_names_stay_apart() -> None:
    assert not tokens_match("putin", "patton")
    assert tokens_match("haftar", "hifter") and tokens_match("sergey", "sergei")
    assert skeleton("sarraj") == "srj"
    s = [
        Sent("x", "p1", 0, "Anna Berg met Anna Borg in Lund on Monday.", "O", "o"),
        Sent("x", "p1", 1, "The Russian delegation arrived late.", "O", "o"),
    ]
    index = build_entities(s, lambda a: "O")
    assert index.resolve("Anna Berg") != index.resolve("Anna Borg")
    assert index.resolve("Russian") is None  # an adjective of nationality, not an entity
    assert index.resolve("Monday") is None


def test_spacy_backend_falls_back_to_rules_with_a_note(two_outlets) -> None:
    index, notes = _index(two_outlets, backend="spacy", spacy_model="no_such_model_xx")
    assert index.resolve("Haskarov") is not None
    assert any("spaCy" in n for n in notes)


def test_unknown_backend_is_an_error(two_outlets) -> None:
    import pytest

    with pytest.raises(ValueError, match="backend"):
        _index(two_outlets, backend="magic")


def _articles(*texts):
    from newsfuse.model import Article, make_paragraphs

    arts = [
        Article(id=f"x{i}", origin=f"x{i}", outlet=f"Paper {i}", paragraphs=make_paragraphs([t]))
        for i, t in enumerate(texts)
    ]
    return {a.id: a for a in arts}


def test_common_words_capitalised_only_by_position_are_no_entities() -> None:
    by_id = _articles(
        "Pets are welcome at the shelter in Varna, said Mayor Oren Talvik.",
        "Nearly 300 families reached the shelter. Talvik thanked the volunteers of Red Lantern.",
    )
    index, _ = _index(by_id)
    names = {e.name for e in index.entities}
    assert "Pets" not in names and "Nearly" not in names
    assert {"Oren Talvik", "Varna", "Red Lantern"} <= names  # real names stay, single words typed or inside a sentence


def test_a_dateline_in_capitals_is_not_an_acronym() -> None:
    by_id = _articles(
        "VARNA, May 3 - Floods closed the harbour of Varna on Monday.",
        "The harbour of Varna reopened after the floods.",
    )
    index, _ = _index(by_id)
    varna = _entity(index, "Varna")
    assert varna.name == "Varna" and varna.type != "organisation"
    assert "VARNA" in varna.aliases


def _one_article(paras):
    from newsfuse.model import Article, make_paragraphs

    return {"a": Article(id="a", origin="test:a", outlet="Paper", paragraphs=make_paragraphs(paras))}


def test_a_place_shaped_like_a_demonym_is_kept_and_typed() -> None:
    index, _ = _index(
        _one_article(
            [
                "Fighting reached Varoli on Monday, and shells fell in Varoli again on Tuesday.",
                "Varoli residents fled to the city of Tripoli, where Kivani officials met them.",
            ]
        )
    )
    assert index.resolve("Varoli") is not None  # written "in Varoli": a place, not an adjective
    tripoli = _entity(index, "Tripoli")  # general vocabulary: a capital city
    assert (tripoli.type, tripoli.place_kind) == ("place", "city")
    assert index.resolve("Kivani") is None  # an adjective of nationality stays out


def test_countries_are_places_of_kind_country() -> None:
    index, _ = _index(
        _one_article(["Russia said on Monday that Turkey and Italy would attend.", "Russia sent envoys."])
    )
    for name in ("Russia", "Turkey", "Italy"):
        e = _entity(index, name)
        assert (e.type, e.place_kind, e.type_label) == ("place", "country", "place (country)")


def test_a_country_said_is_a_place_and_a_news_agency_an_organisation() -> None:
    index, _ = _index(
        _one_article(
            [
                "The United States said on Monday it would send envoys to Tallor.",
                "Reuters could not confirm the report.",
                "The United States later sent two envoys, according to Reuters.",
            ]
        )
    )
    us = _entity(index, "United States")
    assert (us.type, us.place_kind) == ("place", "country")  # "X said" made it a person before
    agency = _entity(index, "Reuters")
    assert agency.type == "organisation"  # known outlet, no cue in the text


def test_a_title_with_its_office_is_no_part_of_the_name() -> None:
    index, _ = _index(
        _one_article(
            [
                "Secretary of State Mara Quillon met Minister of Foreign Affairs Pavel Drost in Tallor.",
                "Quillon said the talks were useful.",
            ]
        )
    )
    assert _entity(index, "Quillon").name == "Mara Quillon"
    assert _entity(index, "Drost").name == "Pavel Drost"
    assert index.resolve("of State Mara Quillon") in (None, index.resolve("Mara Quillon"))
    assert all(not e.name.lower().startswith("of ") for e in index.entities)


def test_a_first_name_alone_joins_the_one_person_it_opens() -> None:
    index, _ = _index(
        _one_article(
            [
                "President Oskar Lindqvist arrived on Monday.",
                "“We welcome [President Oskar] Lindqvist’s call,” the rebels said.",
            ]
        )
    )
    assert index.resolve("Oskar") == index.resolve("Oskar Lindqvist")


def test_short_forms_of_one_organisation_are_one_entity() -> None:
    index, _ = _index(
        _one_article(
            [
                "The Government of National Unity (GNU) rules the west.",
                "Rebels attacked the National Unity government again, and the Varnian Government of National Unity protested.",
                "The Turkish Foreign Ministry and the Greek Foreign Ministry spoke; the Foreign Ministry of neither side signed.",
            ]
        )
    )
    gnu = index.resolve("Government of National Unity")
    assert gnu is not None
    assert (
        index.resolve("National Unity")
        == gnu
        == index.resolve("GNU")
        == index.resolve("Varnian Government of National Unity")
    )
    assert index.resolve("Turkish Foreign Ministry") != index.resolve("Greek Foreign Ministry")


def test_a_hyphenated_name_is_no_modifier() -> None:
    index, _ = _index(
        _one_article(["UN chief Ban Ki-moon said on Friday that the talks failed.", "UN-backed forces left."])
    )
    assert index.resolve("Ban Ki-moon") is not None


def test_a_surname_goes_to_the_person_written_most_despite_a_stray_cue() -> None:
    # "in Lena Varo's Ostmark" reads like a place once; President Lena Varo is still a person, and
    # the bare "Varo" of the story is hers, not her late father's
    paras = [
        "President Lena Varo met the envoy in Kelbrook on Monday.",
        "Crowds marched in Lena Varo's Ostmark on Tuesday.",
        "President Lena Varo said the dam would hold.",
        "Varo said talks would go on, and Varo thanked the envoy.",
        "Lena Varo, whose father Tomas Varo ruled for 30 years, promised reform.",
        "President Lena Varo visited the valley.",
        "Varo told the council the gates would stay open.",
    ]
    index, _ = _index(_one_article(paras))
    assert index.resolve("Varo") == index.resolve("Lena Varo") != index.resolve("Tomas Varo")
    assert _entity(index, "Lena Varo").type == "person"


def test_a_surname_spelt_as_one_person_writes_it_is_theirs() -> None:
    paras = [
        "President Lena Kassad met the envoy on Monday.",
        "President Lena Kassad said the dam would hold; Kassad thanked the envoy.",
        "President Lena Kassad visited the valley.",
        "Rebel commander Col Piet Kasaad said his men would not leave the hills.",
        "Col Kasaad said the rebels would give no guarantees.",
    ]
    index, _ = _index(_one_article(paras))
    assert index.resolve("Kassad") == index.resolve("Lena Kassad")
    assert index.resolve("Kasaad") == index.resolve("Piet Kasaad") != index.resolve("Lena Kassad")


def test_a_common_word_opening_a_sentence_is_no_part_of_a_name() -> None:
    paras = [
        "Neighbouring Ostmark has closed its border with Velland.",
        "Talks between Velland and Ostmark broke down on Monday.",
        "New Kelbrook is a town on the neighbouring river; officials in New Kelbrook said the bridge held.",
        "Regional Council members met; the Council said regional roads were shut.",
    ]
    index, _ = _index(_one_article(paras))
    names = {e.name for e in index.entities}
    assert "Ostmark" in names and "Neighbouring Ostmark" not in names
    assert "New Kelbrook" in names  # "Kelbrook" is never named alone: the name stays whole
    assert "Regional Council" in names  # an organisation's name keeps its first word


def test_a_country_owns_no_surname() -> None:
    paras = [
        "Saudi Arabia recalled its envoy from Velland on Monday.",
        "The king's statement was read on Al Arabiya television.",
        "Saudi Arabia said the violence must end.",
    ]
    index, _ = _index(_one_article(paras))
    assert index.resolve("Al Arabiya") != index.resolve("Saudi Arabia")


def test_a_name_ending_like_a_demonym_is_a_name_before_a_verb_of_saying_or_a_possessive() -> None:
    from newsfuse.crosscheck.entities import rule_mentions

    lower = {"the", "vote", "was", "a", "sham", "said", "on", "officials", "party", "won", "told", "reporters"}

    def found(text: str) -> list[tuple[str, str | None]]:
        return [(m.surface, m.cue) for m in rule_mentions(Sent("a1", "p1", 0, text, None, "x"), lower)]

    assert found("The vote was a sham, Velandri said on Monday.") == [("Velandri", "person")]
    assert found("Castellani's party won the vote.") == [("Castellani", None)]
    # Adjectives and nouns of nationality stay out.
    assert found("Iraqi officials said the vote was a sham.") == []
    assert found("An Iraqi told reporters the vote was a sham.") == []


def test_a_demonym_after_in_is_no_place_when_its_noun_follows() -> None:
    from newsfuse.crosscheck.entities import _placed_words

    sents = [
        Sent("a1", "p1", 0, "Troops moved in Velsian cities overnight.", None, "x"),
        Sent("a1", "p1", 1, "The talks were held in Kelbrook on Monday.", None, "x"),
        Sent("a1", "p1", 2, "Families sheltered in Ashcombe, the board said.", None, "x"),
    ]
    assert _placed_words(sents) == {"kelbrook", "ashcombe"}


def test_a_doctor_is_a_person_named_without_the_place_of_work() -> None:
    index, _ = _index(
        _one_article(
            [
                "Dr. Mara Quillon of Kelbrook General Hospital said the Velamir-resistant strain was spreading.",
                "Five patients were treated, Dr. Pavel Drost and colleagues reported.",
            ]
        )
    )
    assert _entity(index, "Mara Quillon").type == "person"  # "Dr." was split from its dot and missed
    assert _entity(index, "Pavel Drost").type == "person"
    names = {e.name for e in index.entities}
    assert "Mara Quillon of Kelbrook" not in names
    assert not any(n.startswith("Velamir") for n in names)  # an adjective made of a name


def test_regions_are_places_and_time_zones_no_names() -> None:
    index, _ = _index(
        _one_article(
            [
                "Ministers from Europe and the Middle East met in Tallor at 14:00 GMT on Monday.",
                "The talks in Tallor ended at 18:00 GMT, officials said.",
            ]
        )
    )
    europe = _entity(index, "Europe")
    assert (europe.type, europe.place_kind) == ("place", "region")  # was "other"
    assert _entity(index, "Middle East").place_kind == "region"
    assert index.resolve("GMT") is None  # a time zone names no organisation


def test_a_common_word_capitalised_in_headings_is_no_entity() -> None:
    index, _ = _index(
        _one_article(
            [
                "Ministers discussed the health of the harbour workers in Tallor on Monday.",
                "Officials said health checks would start on Tuesday and health staff were ready.",
                "Officials in Tallor said Health was the main worry of the Velamir dockers.",
            ]
        )
    )
    names = {e.name for e in index.entities}
    assert "Tallor" in names and "Velamir" in names  # names the story never writes in lower case stay
    assert "Health" not in names


def test_acronyms_spelt_like_function_words_and_inverted_sayers() -> None:
    index, _ = _index(
        _one_article(
            [
                "US officials met WHO experts and UK envoys in Tallor on Monday.",
                '"We will not leave the harbour," said Janelle.',
                "THE HARBOUR IS OPEN AGAIN AT LAST",
            ]
        )
    )
    assert _entity(index, "WHO").type == "organisation"  # "who" is a stopword: it was dropped
    us = _entity(index, "US")
    assert (us.type, us.place_kind) == ("place", "country")
    assert _entity(index, "Janelle").type == "person"  # a name alone after an inverted "said"
    # a sentence in capitals spells no acronyms: its "THE" opens no name
    assert not any(e.name.startswith("THE") for e in index.entities)


def test_a_heading_in_capitals_and_an_opening_quantifier_are_no_entities() -> None:
    by_id = _articles(
        "The shop owner turned activist was beaten in prison, said Ibn Talkalkh, who owned a shop in Tallor.",
        "SHOP OWNER TURNED ACTIVIST",
        'Several states have advocated arming the opposition "Taking up arms will be a dead end," he says.',
        "KELBROOK HARBOUR AUTHORITY said the quays would reopen.",
    )
    index, _ = _index(by_id)
    names = {e.name for e in index.entities}
    assert "Ibn Talkalkh" in names and "KELBROOK HARBOUR AUTHORITY" in names
    assert not names & {"SHOP OWNER TURNED ACTIVIST", "Several"}


def test_a_body_named_after_two_fields_is_one_organisation_and_a_pair_of_names_stays_two() -> None:
    from newsfuse.model import Article, make_paragraphs

    paras = [
        "Governor Ilse Brandt spoke to the Velmora Harbour and Fisheries Committee on Monday.",
        "The Coast Guard and Velmora Port Authority closed the north quay.",
        "Valley Motors and Northern Steel Company said they would move their ships.",
        "Interior Secretary Ilse Brandt and Velmora Port Authority met on Tuesday.",
    ]
    by_id = {"a": Article(id="a", origin="test:a", outlet="Paper", paragraphs=make_paragraphs(paras))}
    index, _ = _index(by_id)
    names = {e.name for e in index.entities}
    assert "Velmora Harbour and Fisheries Committee" in names
    assert not any(" and " in n for n in names - {"Velmora Harbour and Fisheries Committee"})
    assert "Velmora Port Authority" in names


def test_a_title_in_quotation_marks_names_no_entity() -> None:
    from newsfuse.model import Article, make_paragraphs

    paras = [
        "Appearing on Valley TV's “Meet the Press,” Governor Ilse Brandt rejected the complaint.",
        "Brandt told “Morning Harbour Live” that the pier would reopen in May.",
    ]
    by_id = {"a": Article(id="a", origin="test:a", outlet="Paper", paragraphs=make_paragraphs(paras))}
    index, _ = _index(by_id)
    names = {e.name for e in index.entities}
    assert not names & {"Meet", "Press", "Morning Harbour Live", "Morning Harbour"}
    assert index.resolve("Ilse Brandt") is not None


def test_a_demonym_is_no_spelling_of_a_surname() -> None:
    """ "the Kelbrani embassy" (a nationality, taken for a place as the story also writes "in Kelbrani")
    is not "Kelbarani" written another way, however close the spellings: a quote after "a senior
    Kelbrani envoy said" must not go to him."""
    from newsfuse.model import Article, make_paragraphs

    paras = [
        "Crowds broke into the Kelbrani embassy in the capital on Monday.",
        "The envoy stayed in Kelbrani and left on Sunday.",
        "Tom Kelbarani, of the Valley Institute, said the talks had failed.",
        "Kelbarani said more work was needed before the summit.",
        "A senior Kelbrani envoy said the embassy would stay closed.",
    ]
    by_id = {"a": Article(id="a", origin="test:a", outlet="Paper", paragraphs=make_paragraphs(paras))}
    index, _ = _index(by_id)
    person = _entity(index, "Tom Kelbarani")
    assert index.resolve("Kelbarani") == person.id and "Kelbrani" not in person.aliases
    assert person.type == "person"
    envoy = story_sentences(["a"], by_id)[-1]
    assert envoy.text.startswith("A senior Kelbrani envoy")
    assert person.id not in {eid for _, eid in index.in_sentence(envoy)}


def test_a_capitalised_title_before_a_name_is_that_names_not_an_apposition() -> None:
    """', Rep. Dalo Vell, said': "Rep." titles Dalo Vell, it makes no person of the forum before the
    comma; ', President Lind's nominee,' is still an apposition (to a role) that makes Jan Roe one."""
    index, _ = _index(
        _one_article(
            [
                "At a meeting of the Coastal Shipping Forum, Rep. Dalo Vell, R-Kelbrook, said the city had spent "
                "millions.",
                "Tamsin Orre, President Lind's nominee as trade envoy, said the talks would resume.",
            ]
        )
    )
    assert _entity(index, "Coastal Shipping Forum").type != "person"
    assert _entity(index, "Tamsin Orre").type == "person"


def test_a_generational_suffix_is_not_the_surname() -> None:
    """ "Darin Kessel III" is the Kessel of later mentions (the suffix is no part of the surname)."""
    index, _ = _index(
        _articles(
            "Troy police said Darin Kessel III, 38, targeted two managers of the Norvale firm.",
            "Police said Kessel targeted the two managers of the Norvale firm.",
        )
    )
    assert index.resolve("Kessel") == index.resolve("Darin Kessel III") is not None
    assert "Kessel" in _entity(index, "Darin Kessel III").aliases
    # the suffix still tells a son from his father, and a rig "II" from a rig "III"
    index, _ = _index(
        _articles(
            "Mr Tomas Vell Jr. said his father, Mr Tomas Vell, had built the Orvel Driller II rig.",
            "The Orvel Driller III rig is drilling a relief well, Mr Tomas Vell Jr. said.",
        )
    )
    assert index.resolve("Tomas Vell") != index.resolve("Tomas Vell Jr.")
    assert index.resolve("Orvel Driller II") != index.resolve("Orvel Driller III")


def test_a_middle_initial_stays_inside_the_name() -> None:
    """ "Tomas K. Vell" is one name (the initial's dot is no end of it), and "Vell" is his."""
    index, _ = _index(
        _articles(
            "Former President Tomas K. Vell described her as a valued friend.",
            "The Norvale council under President Tomas K. Vell had shunned the talks, and Vell said so.",
        )
    )
    vell = _entity(index, "Tomas K. Vell")
    assert vell.name == "Tomas K. Vell" and vell.type == "person"
    assert index.resolve("Vell") == vell.id
    assert not [e for e in index.entities if e.name == "Tomas K"]


def test_titles_before_a_name_with_a_middle_initial() -> None:
    """The office before a name is cut off, the initial stays with its first name: "Director of
    National Harbours Dena C. Roe", "Then-President Tomas K. Vell", "Port Administrator Ana P. Lind";
    a headline's "Says" glued before a lead's name is no part of it."""
    index, _ = _index(
        _articles(
            "Director of National Harbours Dena C. Roe said the threat had grown.",
            "Then-President Tomas K. Vell signed the order, and NPA Administrator Ana P. Lind conceded the point.",
            "Harbour Plan Could Fail, Port Chief Says Piet R. Osk, director of the Norvale Budget Office, wrote.",
            "Deputy Chief for Roads and Norvale Harbours Ivo S. Kant said the road was closed.",
            "The reason, said Byron W. King, an analyst, is plain; Gen Mustafa al-Sheikh agreed.",
        )
    )
    names = {e.name for e in index.entities}
    assert {"Dena C. Roe", "Tomas K. Vell", "Ana P. Lind", "Piet R. Osk", "Ivo S. Kant", "Byron W. King"} <= names
    assert "Mustafa al-Sheikh" in names  # "al-Sheikh" is a name, not a title after a prefix
    assert not names & {"C. Roe", "Then-President Tomas K. Vell", "Says Piet R. Osk"}
    assert _entity(index, "Tomas K. Vell").type == "person"


def test_a_byline_glued_to_a_title_starts_the_name() -> None:
    index, _ = _index(
        _articles(
            "Bad Harbours: Reckless Ports and the Crisis of Norvale Shipping By Kevin Osk, a book.",
            "Kevin Osk, the author, said so.",
        )
    )
    assert "Kevin Osk" in {e.name for e in index.entities}
    assert not [e for e in index.entities if "By Kevin" in e.name]


def test_a_name_after_a_title_opening_the_sentence_is_no_common_word() -> None:
    """A reader writes "vell" in lower case once; "President Vell earlier expressed anger." still names him
    (the title, not the name, is capitalised by position)."""
    index, _ = _index(
        _articles(
            "President Tomas Vell visited the Norvale coast on Friday.",
            "your man vell distanced himself from this disaster, a reader wrote.",
            "President Vell earlier expressed anger at the latest failure.",
        )
    )
    assert index.resolve("Vell") is not None
    # ("x2", 0): the third article's first sentence
    assert any(eid == index.resolve("Vell") for _, eid in index.by_sentence.get(("x2", 0), []))


def test_a_name_written_once_in_lower_case_by_a_reader_is_still_a_name() -> None:
    texts = [f"The mayor said on day {n} that Vell would visit the Norvale coast." for n in range(12)]
    texts += ["your man vell distanced himself from this disaster, a reader wrote.", "Vell said the coast was safe."]
    index, _ = _index(_articles(*texts))
    assert any(eid == index.resolve("Vell") for _, eid in index.by_sentence.get((f"x{len(texts) - 1}", 0), []))
    # a common word the story also writes in lower case stays no name at a sentence's start
    index, _ = _index(_articles("Meanwhile the Norvale council met on Friday.", "The council meanwhile said little."))
    assert index.resolve("Meanwhile") is None


def test_initials_with_their_stops_are_part_of_the_name() -> None:
    s = [
        Sent("x", "p1", 0, "State Department spokesman P.J. Vance said the U.S. embassy was closed.", "O", "o"),
        Sent(
            "x", "p1", 1, "President Tomas W. Brandt and Tomas H.W. Brandt met in Kelbrook, D.C. on Monday.", "O", "o"
        ),
        Sent("x", "p1", 2, "Marta H. Lind spoke first, and Marta Helena Lind left early.", "O", "o"),
    ]
    index = build_entities(s, lambda a: "O")
    names = {e.name for e in index.entities}
    # the stop after the last initial is the initial's: one name, shown whole
    assert {"P.J. Vance", "U.S.", "Tomas H.W. Brandt"} <= names
    assert not {"P.J", "U.S", "Tomas H.W"} & names
    # a middle initial that differs names another person; one that begins the other's middle name does not
    assert index.resolve("Tomas W. Brandt") != index.resolve("Tomas H.W. Brandt")
    assert index.resolve("Marta H. Lind") == index.resolve("Marta Helena Lind") is not None


def test_a_stock_ticker_in_parentheses_is_no_name() -> None:
    s = [
        Sent(
            "x",
            "p1",
            0,
            "Platinum producer Kelmar Plc (KLM.L) said Ardo Bank (ARD.N) and Tessa (NYSE: TSA) fell.",
            "O",
            "o",
        )
    ]
    names = {e.name for e in build_entities(s, lambda a: "O").entities}
    assert {"Kelmar Plc", "Ardo Bank"} <= names
    assert not {"KLM.L", "ARD.N", "TSA", "NYSE"} & names


def test_a_named_site_is_a_place_with_its_title_word() -> None:
    s = [
        Sent(
            "x",
            "p1",
            0,
            "One man at King Tomas Park said the camp was full, and crowds filled Velland Square.",
            "O",
            "o",
        ),
        Sent("x", "p1", 1, "Mayor Ivo Park said the Velland Airport would reopen.", "O", "o"),
    ]
    index = build_entities(s, lambda a: "O")
    types = {e.name: e.type for e in index.entities}
    assert types["King Tomas Park"] == types["Velland Square"] == types["Velland Airport"] == "place"
    assert "Tomas Park" not in types
    assert types["Ivo Park"] == "person"  # a titled name before a verb of saying is a person


def test_a_newspaper_is_a_body_even_after_in() -> None:
    s = [
        Sent("x", "p1", 0, "The story ran in the Valley Gazette and in the Daily Ledger on Monday.", "O", "o"),
        Sent("x", "p1", 1, 'Roe "was always going to get a caning," the Daily Ledger said in an editorial.', "O", "o"),
    ]
    types = {e.name: e.type for e in build_entities(s, lambda a: "O").entities}
    assert types["Valley Gazette"] == types["Daily Ledger"] == "organisation"


def test_a_name_after_a_body_noun_is_a_body() -> None:
    s = [
        Sent("x", "p1", 0, "Music trade magazine Billmark reported record sales on Monday.", "O", "o"),
        Sent(
            "x",
            "p1",
            1,
            "Shares of carmaker Velland fell, and the regional airline Tessair said it would cut flights.",
            "O",
            "o",
        ),
        Sent("x", "p1", 2, "Pork producer Craig Rowan said prices fell.", "O", "o"),
    ]
    types = {e.name: e.type for e in build_entities(s, lambda a: "O").entities}
    assert types["Billmark"] == types["Velland"] == types["Tessair"] == "organisation"
    assert types["Craig Rowan"] == "person"  # "producer" names people too


def test_a_body_named_for_two_fields_is_one_name() -> None:
    s = [
        Sent(
            "x",
            "p1",
            0,
            "Mara Weis of the Center for Economic and Policy Research said the Bank of Tallor and Velland agreed.",
            "O",
            "o",
        )
    ]
    names = {e.name for e in build_entities(s, lambda a: "O").entities}
    assert "Center for Economic and Policy Research" in names
    assert "Policy Research" not in names
    assert "Bank of Tallor" in names  # "of": two bodies as often as one


def test_birth_death_age_kin_and_himself_type_untitled_people() -> None:
    index, _ = _index(
        _one_article(
            [
                "Kelvo Marrast was born in 1950 in a fishing town.",
                "Asha Brunet, 52, runs the clinic.",
                "Tomo Vellard himself did not come.",
                "Ilse Dorrance's widow spoke to the crowd.",
                "Piet Haverland died on Monday.",
            ]
        )
    )
    for name in ("Kelvo Marrast", "Asha Brunet", "Tomo Vellard", "Ilse Dorrance", "Piet Haverland"):
        assert _entity(index, name).type == "person", name


def test_a_surname_ending_like_a_demonym_is_kept_but_a_country_demonym_is_not() -> None:
    index, _ = _index(
        _one_article(
            [
                "As a painter, Bahman Tolvadi knows hardship.",
                "Tolvadi still paints every morning.",
                "Shia Iraqi families fled, and one Iraqi man spoke.",
            ]
        )
    )
    tolvadi = _entity(index, "Bahman Tolvadi")
    assert "Tolvadi" in tolvadi.aliases
    names = {e.name for e in index.entities}
    assert not any("Iraqi" in n for n in names), names


def test_a_title_with_an_auxiliary_verb_is_no_name() -> None:
    index, _ = _index(_one_article(["Kelvo Marrast meets its director Birds Can Sing: a film without slogans."]))
    names = {e.name for e in index.entities}
    assert not any("Birds" in n for n in names), names
    assert _entity(index, "Kelvo Marrast")


def test_a_name_after_a_first_name_title_joins_no_one_by_surname() -> None:
    index, _ = _index(
        _one_article(
            [
                "Chemical Ali, the former minister, was hanged in 2031.",
                "Sheikh Ali Barrak was held for 22 months; Ali Barrak said he would go home.",
                "Released last month, Sheikh Ali, 44, spoke about his jail.",
            ]
        )
    )
    chemical = _entity(index, "Chemical Ali")
    assert "Ali" not in chemical.aliases


def test_a_demonym_after_an_adjective_a_number_or_an_article_stays_an_adjective() -> None:
    index, _ = _index(
        _one_article(
            [
                "In the border town, the young Brazilian was first diagnosed.",
                "Some 13 Brazilians died in the town.",
                "The Brazilian is now in hospital.",
            ]
        )
    )
    names = {e.name for e in index.entities}
    assert not any("Brazilian" in n for n in names), names
