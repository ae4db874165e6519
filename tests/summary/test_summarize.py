"""Tests for the extractive story summariser on small invented stories."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, CopyInfo, PublishedDate, Story, make_paragraphs
from newsfuse.options import Options
from newsfuse.summary import summarize_story
from newsfuse.summary.candidates import strip_dateline, trim_attribution, trim_connective
from newsfuse.summary.select import fit_words


def art(
    aid: str, outlet: str | None, paras: list[str], date: str | None = "2031-03-04", title: str | None = None
) -> Article:
    a = Article(id=aid, origin=aid, paragraphs=make_paragraphs(paras), outlet=outlet, title=title)
    if date:
        a.published = PublishedDate(value=date, source="input", confidence=1.0)
    return a


def bridge_story() -> tuple[Story, dict[str, Article]]:
    """Three outlets report a bridge collapse in the invented town of Velmora; one adds opinion."""
    a1 = art(
        "a1",
        "north-gazette",
        [
            "A road bridge over the Tessin river collapsed in Velmora on Tuesday, killing four people and injuring twelve.",
            "Rescue teams worked through the night to pull vehicles from the water, the regional fire service said.",
            "The bridge, built in 1968, had been scheduled for repairs next spring.",
        ],
        title="Bridge collapse in Velmora kills four",
    )
    a2 = art(
        "a2",
        "river-times",
        [
            "Four people were killed when a road bridge over the Tessin river collapsed in Velmora on Tuesday.",
            "Twelve others were injured, according to the regional fire service.",
            "He said the inspection reports would be published.",
            "Mayor Ilse Brandt ordered an inquiry into the bridge's maintenance.",
        ],
        title="Four dead as Velmora bridge falls",
    )
    a3 = art(
        "a3",
        "daily-voice",
        [
            "The corrupt regime in Velmora let a bridge collapse over the Tessin river, killing four people.",
            "Why did nobody listen to the engineers?",
            "But Mayor Ilse Brandt ordered an inquiry into the maintenance of the bridge on Wednesday.",
            "We think the whole council should resign.",
        ],
        date="2031-03-05",
    )
    by_id = {a.id: a for a in (a1, a2, a3)}
    return Story(id="s1", articles=list(by_id)), by_id


def test_headline_states_event_and_cites_supporting_articles_only() -> None:
    story, by_id = bridge_story()
    summarize_story(story, by_id, Options())
    h = story.headline
    assert h is not None
    assert "collapsed" in h.text and "Velmora" in h.text
    assert story.title == h.text
    cited = {s.article for s in h.sources}
    assert {"a1", "a2"} <= cited
    assert "regime" not in h.text
    assert h.independent_sources == len({by_id[a].outlet for a in cited})
    # each citation points at the paragraph that carries the fact
    for s in h.sources:
        assert "bridge" in by_id[s.article].paragraphs[int(s.paragraph[1:]) - 1].text.lower()


def test_summary_avoids_loaded_labels_questions_opinion_and_dangling() -> None:
    story, by_id = bridge_story()
    summarize_story(story, by_id, Options())
    texts = [s.text for s in story.summary]
    assert texts
    joined = " ".join(texts)
    assert "regime" not in joined
    assert "?" not in joined
    assert "We think" not in joined
    assert not any(t.startswith("He ") for t in texts)
    assert not any(t.startswith("But ") for t in texts)  # trimmed or not chosen


def test_every_citation_supports_its_sentence() -> None:
    story, by_id = bridge_story()
    summarize_story(story, by_id, Options())
    for sent in [story.headline, *story.summary]:
        assert sent is not None and sent.sources
        for src in sent.sources:
            para = next(p for p in by_id[src.article].paragraphs if p.id == src.paragraph)
            shared = {w.lower().strip(".,") for w in sent.text.split()} & {
                w.lower().strip(".,") for w in para.text.split()
            }
            assert len(shared) >= 4, (sent.text, para.text)
            assert src.outlet == by_id[src.article].outlet


def test_word_limits_respected() -> None:
    story, by_id = bridge_story()
    opts = Options()
    opts.summary.headline_words = 12
    opts.summary.summary_words = 30
    summarize_story(story, by_id, opts)
    assert story.headline is not None
    assert len(story.headline.text.split()) <= 12
    assert sum(len(s.text.split()) for s in story.summary) <= 30


def test_copies_count_once() -> None:
    story, by_id = bridge_story()
    copy = art("a4", "reprint-site", [p.text for p in by_id["a1"].paragraphs], title="Bridge collapse")
    copy.copy_of = CopyInfo(of="a1", similarity=1.0, kind="exact")
    by_id["a4"] = copy
    story.articles.append("a4")
    summarize_story(story, by_id, Options())
    h = story.headline
    assert h is not None
    cited = {s.article for s in h.sources}
    assert "a4" in cited and "a1" in cited
    assert h.independent_sources == len(cited) - 1
    assert "reprint-site" in h.outlets


def test_one_article_story() -> None:
    a = art(
        "solo",
        None,
        ["Officials in Karsby opened a new tram line linking the harbour to the university on Monday."],
        date=None,
    )
    story = Story(id="s2", articles=["solo"])
    summarize_story(story, {"solo": a}, Options())
    assert story.headline is not None
    assert story.headline.text.startswith("Officials in Karsby")
    assert [s.article for s in story.headline.sources] == ["solo"]
    assert story.headline.independent_sources == 1
    assert story.summary and story.summary[0].sources[0].paragraph == "p1"


def test_empty_story_and_bad_options() -> None:
    story = Story(id="s3", articles=["missing"])
    summarize_story(story, {}, Options())
    assert story.headline is None and story.summary == []
    opts = Options()
    opts.summary.summary_words = 0
    with pytest.raises(ValueError, match="positive"):
        summarize_story(story, {}, opts)
    opts = Options()
    opts.summary.backend = "magic"
    with pytest.raises(ValueError, match="backend"):
        summarize_story(story, {}, opts)


def test_cleaning_helpers() -> None:
    assert strip_dateline("VELMORA, March 4 (Reuters) - A bridge collapsed on Tuesday, killing four.").startswith(
        "A bridge"
    )
    assert strip_dateline("KARSBY, Nd.—The tram line opened to passengers on Monday morning.").startswith("The tram")
    assert (
        trim_connective("But Mayor Ilse Brandt ordered an inquiry into the bridge.")
        == "Mayor Ilse Brandt ordered an inquiry into the bridge."
    )
    assert (
        trim_connective("Meanwhile, rescue teams searched the river all night.")
        == "Rescue teams searched the river all night."
    )
    assert trim_connective("So far nine people have been rescued from the river.").startswith("So far")
    assert trim_attribution("A bridge collapsed in Velmora, killing four people, officials said.") == (
        "A bridge collapsed in Velmora, killing four people."
    )
    assert len(fit_words("one two three, four five six seven eight nine ten eleven", 8).split()) <= 8


def test_captions_and_kickers_are_not_used() -> None:
    a = art(
        "c1",
        "north-gazette",
        [
            "Mayor Ilse Brandt on the left and engineer Tomas Halden on the right at the river bank.",
            "BRIDGE WATCH: Velmora closes its second bridge Velmora closed its second road bridge over the Tessin river on Thursday after engineers found cracks.",
        ],
        title="BRIDGE WATCH: Velmora closes its second bridge",
    )
    story = Story(id="s4", articles=["c1"])
    summarize_story(story, {"c1": a}, Options())
    assert story.headline is not None
    assert story.headline.text.startswith("Velmora closed its second road bridge")
    assert all("on the left" not in s.text for s in story.summary)


def test_same_actors_different_event_is_not_a_citation() -> None:
    a1 = art("d1", "north-gazette", ["Mayor Ilse Brandt signed the Tessin river repair contract in Velmora on Friday."])
    a2 = art(
        "d2",
        "river-times",
        ["Mayor Ilse Brandt and the Velmora council did not meet about the Tessin river repair contract on Friday."],
    )
    a3 = art(
        "d3",
        "daily-voice",
        ["Mayor Ilse Brandt signed the repair contract for the Tessin river bridges in Velmora on Friday."],
    )
    by_id = {a.id: a for a in (a1, a2, a3)}
    story = Story(id="s5", articles=list(by_id))
    summarize_story(story, by_id, Options())
    h = story.headline
    assert h is not None and "signed" in h.text
    cited = {s.article for s in h.sources}
    assert cited == {"d1", "d3"}
    assert h.independent_sources == 2


def test_quote_spanning_sentences_is_not_opinion_of_the_writer() -> None:
    a = art(
        "q1",
        "north-gazette",
        [
            "Velmora reopened the old harbour bridge to traffic on Saturday after three months of repairs. "
            "“We are proud of the crews. We worked every night to finish it,” said Mayor Ilse Brandt at the ceremony."
        ],
    )
    story = Story(id="s6", articles=["q1"])
    summarize_story(story, {"q1": a}, Options())
    assert story.headline is not None and story.headline.text.startswith("Velmora reopened")


def test_an_initial_i_is_not_the_first_person() -> None:
    from newsfuse.summary.candidates import _opinion

    assert not _opinion(
        ["Governor", "I", "Lewis", "Marrow", "signed", "the", "bill"], "Governor I. Lewis Marrow signed the bill."
    )
    assert _opinion(["I", "think", "the", "bill", "is", "bad"], "I think the bill is bad.")
    assert _opinion(["Marrow", "signed", "our", "bill"], "Marrow signed our bill.")


def test_a_bare_quantifier_opening_a_sentence_dangles() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "m1",
        "north-gazette",
        [
            "About 400 residents of Velmora left their homes on Monday after the river burst its banks. "
            "Most are staying with relatives in the hills. Most residents said they would return on Friday."
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["Most are staying with relatives in the hills."] == (False, "dangling reference")
    assert judged["Most residents said they would return on Friday."][0] is True


def test_former_as_an_adjective_does_not_dangle() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "f1",
        "north-gazette",
        [
            "Former mayor Ilse Brandt was released from a Velmora jail on Friday with strict bail conditions.",
            "Former was seen leaving the court by the river gate on Friday afternoon.",
        ],
    )
    first, second = article_candidates(a)
    assert first.usable
    assert not second.usable and second.reason == "dangling reference"


def test_a_wire_photo_caption_without_its_year_is_a_caption() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w1",
        "north-gazette",
        [
            "The Velmora council voted on Friday to close the old ferry pier after inspectors found cracks.",
            "Mayor Ilse Brandt boards a ferry to the north quay in Velmora May 25.",
            "The council will vote on the repairs on Tuesday, May 25.",
        ],
    )
    _, caption, vote = article_candidates(a)
    assert caption.reason == "caption"
    assert vote.usable


def test_a_compound_with_a_hyphen_is_no_dateline() -> None:
    from newsfuse.summary.candidates import strip_dateline

    text = "A group of Velmora women who backed the US-Valdorian treaty met the ambassador on Monday."
    assert strip_dateline(text) == text
    assert strip_dateline("KELBROOK, Ore.—The harbour board met again on Monday night.") == (
        "The harbour board met again on Monday night."
    )
    assert strip_dateline("KELBROOK - The harbour board met again on Monday night.") == (
        "The harbour board met again on Monday night."
    )


def test_a_crosshead_in_capitals_run_into_its_sentence_is_cut() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "c1",
        "north-gazette",
        [
            "The Velmora council voted on Friday to close the old ferry pier after inspectors found cracks.",
            "DIVING BIRDS HARDEST HIT SO FAR The birds hardest hit by the spill are those that dive for fish.",
            "KELBROOK, Valley (Wire) - The harbour board met again on Saturday to discuss the repairs.",
        ],
    )
    _, crosshead, dateline = article_candidates(a)
    assert crosshead.text == "The birds hardest hit by the spill are those that dive for fish."
    assert not dateline.text.startswith("Valley (Wire)")


def test_a_broadcast_greeting_is_chatter() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "g1",
        "north-gazette",
        [
            "Good evening and welcome to the show, where tonight we look at the flood in Velmora.",
            "Welcome back to the program after a short break from the harbour.",
            "The Velmora council has welcomed the new flood plan for the lower town.",
            "Welcome back, Rovers, to the top division of the valley league after ten long years.",
        ],
    )
    greeting, back, news, sport = article_candidates(a)
    assert (greeting.reason, back.reason) == ("chatter", "chatter")
    assert news.usable and sport.usable


def test_the_first_sentence_of_a_quotation_that_goes_on_is_not_a_summary_sentence() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "q1",
        "north-gazette",
        [
            "The Velmora council voted on Friday to close the old ferry pier after inspectors found cracks.",
            '"From the beginning the board was either lying or grossly careless.',
            'We will hold it to account," said councillor Ilse Brandt.',
            '"The pier is unsafe," the chief inspector told the council on Friday.',
        ],
    )
    first, opening, _, attributed = article_candidates(a)
    assert first.usable and attributed.usable
    assert not opening.usable and opening.reason == "quote without its speaker"


def test_glued_photo_credit_and_caption_are_stripped_from_the_lead() -> None:
    from newsfuse.summary.candidates import article_candidates, strip_photo_furniture

    lead = "A ferry ran aground near the Ulvik lighthouse in heavy fog, and all forty passengers were rescued."
    glued = (
        "Image copyright Harbour Photos Image caption The lighthouse was built in 1902 and repainted last year " + lead
    )
    assert strip_photo_furniture(glued) == lead
    assert strip_photo_furniture("Image copyright KPA " + lead) == lead
    # a caption whose end cannot be told stays whole, and is never used
    kept = "Image caption Divers search the harbour near Ulvik Lighthouse Point at dawn"
    assert strip_photo_furniture(kept) == kept
    a = art(
        "p1",
        "north-gazette",
        [
            glued,
            "REUTERS/Jane Roe/File Photo ULVIK (Reuters) - Coastguard boats towed the ferry back to port on the evening tide.",
        ],
    )
    first, second = article_candidates(a)
    assert first.usable and first.text == lead
    assert second.usable and second.text.startswith("Coastguard boats towed")


def test_headline_drops_weekdays() -> None:
    from newsfuse.summary.select import drop_weekdays

    assert drop_weekdays("A storm closed Karsby port on Sunday night, the harbour master said Monday.") == (
        "A storm closed Karsby port, the harbour master said."
    )
    assert drop_weekdays("The Monday Club met in Velmora.") == "The Monday Club met in Velmora."
    # the day opening the sentence goes with its preposition, not leaving "On, looters …"
    assert (
        drop_weekdays("On Friday, looters damaged two statues in Velmora.") == "Looters damaged two statues in Velmora."
    )
    assert drop_weekdays("Late Sunday night rebels shelled Karsby.") == "Rebels shelled Karsby."
    assert drop_weekdays("Friday Harbor voted on the ferry.") == "Friday Harbor voted on the ferry."
    # a day set off by commas takes one of them along (it left "Velmora,, calling" before)
    assert drop_weekdays("Dockers marched in Karsby, Velmora, on Tuesday, calling for higher pay.") == (
        "Dockers marched in Karsby, Velmora, calling for higher pay."
    )


def test_contractions_fragments_and_update_stamps() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "u1",
        "north-gazette",
        [
            "About 400 residents of Velmora left their homes on Monday after the river burst its banks. "
            "It's going to take some time to rebuild the bridge. We've got to get the pumps running first.",
            "-- (Update 10:14 p.m. Velmora, 3:14 p.m. ET) Engineers opened the second gate of the dam late on Monday.",
            "in Velmora's square as the mayor said the gates would stay open through the night.",
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["It's going to take some time to rebuild the bridge."] == (False, "dangling reference")
    assert judged["We've got to get the pumps running first."] == (False, "opinion")
    assert judged["Engineers opened the second gate of the dam late on Monday."][0] is True
    assert judged["in Velmora's square as the mayor said the gates would stay open through the night."] == (
        False,
        "fragment",
    )


def test_a_transcript_loses_its_speaker_labels_and_counts_as_speech() -> None:
    from newsfuse.summary.candidates import TRANSCRIPT_PENALTY, article_candidates

    talk = art(
        "t1",
        "valley-tv",
        [
            "ONA VELL, VALLEY TV ANCHOR: The water board opened the second gate of the dam on Monday night.",
            "MARROW: Thank you very much for having me on the show tonight, Ona.",
            "VELL: The engineers will inspect the spillway foundations on Tuesday morning.",
        ],
    )
    cands = article_candidates(talk)
    assert cands[0].text == "The water board opened the second gate of the dam on Monday night."
    assert all(c.penalty <= TRANSCRIPT_PENALTY for c in cands)
    report = art(
        "r1", "north-gazette", ["ONA VELL: The water board opened the second gate of the dam on Monday night."]
    )
    (one,) = article_candidates(report)  # one label is not a transcript
    assert one.penalty == 1.0 and one.text.startswith("The water board")


def test_a_heading_glued_to_its_sentence_is_cut_off() -> None:
    from newsfuse.summary.candidates import strip_glued_heading

    assert (
        strip_glued_heading(
            "Valley floods dominate the papers The flood in Kelbrook is the lead story in most of them."
        )
        == "The flood in Kelbrook is the lead story in most of them."
    )
    # a pull quote glued before a sentence
    assert (
        strip_glued_heading(
            'Harbour master Jo Roe: "The quays will not truly reopen until the gates are fixed" '
            "A decision will then be made on the night shift."
        )
        == "A decision will then be made on the night shift."
    )
    # a lead's first sentence: a caption glued before "The"/"A" and a name; a title after a preposition,
    # a possessive or a title noun stays, and so does the same seam outside the lead
    glued = "Both sides claimed the harbour district of Tallor The Valley Post says the quays reopened at dawn."
    assert strip_glued_heading(glued, lead=True).startswith("The Valley Post says")
    assert strip_glued_heading(glued) == glued
    for kept in (
        "The mayor told The Valley Post that the quays would reopen at dawn on Monday.",
        "Speaking with local newspaper The Valley Post, the mayor said the quays would reopen.",
        "Cases of influenza A H1N1 have been confirmed in the port of Kelbrook this week.",
    ):
        assert strip_glued_heading(kept, lead=True) == kept
    # a standfirst glued before a lead opening on a preposition; a title-case name with one stays
    assert strip_glued_heading(
        "The ferry disaster shows the need for safer quays Under the rules of its old owner, the port ran at night."
    ).startswith("Under the rules of its old owner")
    kept = "The mayor watched the film Life Under the Sea with pupils of the harbour school on Monday."
    assert strip_glued_heading(kept) == kept
    # a caption glued before a lead opening on a demonstrative or a pronoun
    assert strip_glued_heading(
        "Harbour master Jo Roe is taking over the quays operation This is not the first time Roe has run the port."
    ).startswith("This is not the first time")
    # A capitalised "The" inside a name is not a boundary; nor is a boundary with too little after it.
    kept = "The envoy flew to The Hague on Monday to meet the judges of the court."
    assert strip_glued_heading(kept) == kept
    assert strip_glued_heading("They met in the morning A man was hurt.") == "They met in the morning A man was hurt."
    # after a year, and before "A" with a number or a spelled-out number opening the lead
    assert strip_glued_heading(
        "The harbour strike of 1921 The current strike is the longest since the port opened its gates."
    ).startswith("The current strike")
    assert strip_glued_heading(
        "A crane has stood idle for 30 years A 24-hour picket has been set up at the main gate of the port."
    ).startswith("A 24-hour picket")
    assert strip_glued_heading(
        "Dock worker says he feels better Five-year-old Ana Vik started feeling unwell in late March this year."
    ).startswith("Five-year-old Ana Vik")
    kept = "He passed with 3 A grades and went on to study law at the university in the capital."
    assert strip_glued_heading(kept) == kept
    assert strip_glued_heading(
        "Volunteers sail to help Kelbrook The flooded streets of the old town can be seen from the hills."
    ).startswith("The flooded streets")
    kept = "Hopes for Plan A to drain the flooded streets of the old town were dashed on Monday night."
    assert strip_glued_heading(kept) == kept


def test_wire_photo_captions_and_quote_continuations() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w1",
        "north-gazette",
        [
            "A worker is seen at the water board's pumping station near Kelbrook March 12, 2031.",
            "The water board opened both outlet gates of the dam on March 12, 2031.",
            'People are sleeping out in the open tonight," she told the local radio station.',
        ],
    )
    caption, report, tail = article_candidates(a)
    assert (caption.usable, caption.reason) == (False, "caption")
    assert report.usable
    assert tail.starts_with_quote and tail.quote_share > 0.5


def test_cut_off_sentences_back_references_and_requoting() -> None:
    from newsfuse.summary.candidates import article_candidates, requote

    a = art(
        "w2",
        "north-gazette",
        [
            ", Valley Post The water board opened both outlet gates of the dam on Tuesday night.",
            "(Update 10:14 p.m. in Kelbrook, 3:14 p.m.",
            "The council said the water board was fired in the wake of reports of mismanagement in the agency...",
            "But it is far from alone in the valley this spring.",
            "Given this, the council will meet the water board again on Friday morning.",
            "Editor's note: Jane Roe is a hydrologist at Kelbrook University (Reuters) - The dam has held for ninety years.",
            'The mayor said: "We will keep the gates open. The river is still rising fast tonight." Residents left.',
        ],
    )
    cands = article_candidates(a)
    # the byline remnant ", Valley Post" glued before "The water board …" is cut off as a heading
    assert cands[0].usable and cands[0].text == "The water board opened both outlet gates of the dam on Tuesday night."
    assert [(c.usable, c.reason) for c in cands[1:5]] == [(False, "fragment")] * 2 + [(False, "dangling reference")] * 2
    assert cands[5].text == "The dam has held for ninety years."
    # "The river is still rising fast tonight." closes the mayor's quotation: it gets its opening mark back.
    assert cands[7].text.startswith('"The river is still rising')
    # A lone straight mark could open a quotation as well as close one: left alone.
    assert requote('He said: "We will stay.', False, True) == 'He said: "We will stay.'
    assert requote("gone,” she said.", False, False) == "“gone,” she said."
    assert requote("We will stay.", True, True) == '"We will stay."'


def test_present_tense_captions_graphic_credits_bullets_and_chatter() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w3",
        "north-gazette",
        [
            "The mayor of Kelbrook gestures during a meeting with residents at the town hall on March 11.",
            "A map of the flooded streets of lower Kelbrook SOURCE: Verrin Valley Water Board, March 12.",
            "Water board lowers the dam level * Council orders 1,200 residents out of lower Kelbrook.",
            "All right, Jane, thanks very much for joining us from the dam tonight.",
            "Sandbags are piled by volunteers, top center, as the river rises at the dam.",
            "(By Jane Roe -- Valley Post) The council thanked the volunteers who filled sandbags.",
            "(AP Photo/Valley Post, Jane Roe) The council thanked the volunteers who filled sandbags.",
            "When volunteers and firemen are called out to fill sandbags at night.",
            "But now they seem tired, the volunteers of the night.",
            "The council thanked the volunteers who filled sandbags through the night.",
            "The hunt for the valley's lost records When the water rose, the archive of the town was moved.",
        ],
    )
    cands = article_candidates(a)
    assert [c.reason for c in cands[:5]] == ["caption", "caption", "caption", "chatter", "caption"]
    cands = cands[:4] + cands[5:]
    assert cands[4].text == "The council thanked the volunteers who filled sandbags." and cands[4].usable
    assert cands[5].text == cands[4].text
    assert cands[6].reason == "fragment"
    assert cands[7].reason == "dangling reference"
    assert cands[8].usable
    assert cands[9].text == "When the water rose, the archive of the town was moved."


def test_dated_list_entries_and_courtesy_credits() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w4",
        "north-gazette",
        [
            "The council met the water board on Monday to agree the new flood plan.",
            "May 2: A sign on the side of a road in lower Kelbrook calls for help with the sandbags.",
            "April 22 - The dam gate jams and the river floods the lower town.",
            "Saturday: The mayor's boat, seen during the regatta near the harbour wall.",
            "(Courtesy of Jane Roe) When the water rose, the archive of the town was moved to the hall.",
        ],
    )
    cands = article_candidates(a)
    assert [c.reason for c in cands[1:4]] == ["dated list entry"] * 3
    assert cands[4].text == "When the water rose, the archive of the town was moved to the hall."
    assert cands[0].usable and cands[4].usable


def test_a_connective_too_little_follows_dangles() -> None:
    """'But people are trying to help.' answers a sentence the summary does not show; with enough
    after it the connective is trimmed and the sentence stands."""
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "c1",
        "north-gazette",
        [
            "About 400 residents of Velmora left their homes on Monday after the river burst its banks. "
            "But people are trying to help. "
            "But the council said on Tuesday that the river would fall by Friday."
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["But people are trying to help."] == (False, "dangling reference")
    assert judged["The council said on Tuesday that the river would fall by Friday."][0] is True


def test_a_demonstrative_opener_with_its_noun_points_back() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w9",
        "north-gazette",
        [
            "The water board opened both outlet gates of the dam on Tuesday night.",
            "For much of that time, his brother was the chief engineer of the valley's water board.",
            "In this year's vote, turnout in the valley fell to its lowest level since the war.",
        ],
    )
    cands = article_candidates(a)
    assert (cands[1].usable, cands[1].reason) == (False, "dangling reference")
    assert cands[2].usable


def test_a_verb_phrase_left_out_dangles() -> None:
    """ "for doing so", "did not, and this book shows why": the sentence before says what is meant."""
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "e1",
        "north-gazette",
        [
            "Harbour officials are still examining the legal basis for doing so. "
            "The works of the other two poets became classics of Velmora literature. "
            "Brandt's works did not, and this book shows why. "
            "The council did not approve the harbour budget on Friday, officials said."
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["Harbour officials are still examining the legal basis for doing so."] == (
        False,
        "dangling reference",
    )
    assert judged["Brandt's works did not, and this book shows why."] == (False, "dangling reference")
    assert judged["The council did not approve the harbour budget on Friday, officials said."][0] is True


def test_a_pronoun_subject_after_an_opening_phrase_dangles() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "p1",
        "north-gazette",
        [
            "Speaking to Harbour Radio, he maintained he had been trying to end the strike. "
            "In fact, she claims the dockers were never consulted about the new shifts. "
            "In 2031, it was reported that the port lost money on every ship it unloaded."
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["Speaking to Harbour Radio, he maintained he had been trying to end the strike."] == (
        False,
        "dangling reference",
    )
    assert (
        judged["In fact, she claims the dockers were never consulted about the new shifts."][1] == "dangling reference"
    )
    assert judged["In 2031, it was reported that the port lost money on every ship it unloaded."][0] is True


def test_an_attribution_split_from_its_quote_is_a_fragment() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "q1",
        "north-gazette",
        [
            "Harbour Chief Ana P. Lind told Parliament last week.",
            "The harbour spokesman said.",
            "Ana Lind told the council last week that the port would reopen on Monday.",
        ],
    )
    judged = {c.text: (c.usable, c.reason) for c in article_candidates(a, start=0)}
    assert judged["Harbour Chief Ana P. Lind told Parliament last week."] == (False, "fragment")
    assert judged["The harbour spokesman said."] == (False, "fragment")
    assert judged["Ana Lind told the council last week that the port would reopen on Monday."][0] is True


def test_entries_labelled_with_a_day_first_a_month_or_a_year_are_dated_list_entries() -> None:
    from newsfuse.summary.candidates import article_candidates

    a = art(
        "w5",
        "north-gazette",
        [
            "The council met the water board on Monday to agree the new flood plan.",
            "20 April: A surge of water breaks the lower gate of the Verrin dam.",
            "Sept. 18: -- The board doubles its repair budget for the spillway.",
            "1983: 800 families of the lower valley are moved to new homes in Kelbrook.",
            "February 1999 - The dam is finished after six years of work.",
            # prose opening on a date stays a candidate
            "In 1983 the families of the lower valley were moved to new homes in Kelbrook.",
        ],
    )
    cands = article_candidates(a)
    assert [c.reason for c in cands[1:5]] == ["dated list entry"] * 4
    assert cands[0].usable and cands[5].usable


def test_an_agency_dateline_and_then_a_city_dateline_are_both_removed() -> None:
    assert strip_dateline(
        "(AP) KELBROOK -- Grappling with the worst flood in its history, the city closed its port."
    ) == ("Grappling with the worst flood in its history, the city closed its port.")
    # one dateline only: a compound after the agency's stays
    assert strip_dateline("(Reuters) - US-backed forces took the town on Monday after a long siege.") == (
        "US-backed forces took the town on Monday after a long siege."
    )
