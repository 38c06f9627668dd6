"""Attribution: one test per journalistic pattern, real-looking cases from tests/cases, the
reported speech of the seeds, and properties that must hold for any text."""
import json
import os

import casefiles
from attributed import quote_starting, speech
import pytest
import regex
from hypothesis import assume, given, settings, strategies as st

from quotecheck import api
from quotecheck.attribution import attribute
from quotecheck.model import REPORTED, Quote
from quotecheck.quotes import find_quotes

HERE = os.path.dirname(__file__)
SEEDS = os.path.join(os.path.dirname(HERE), "seeds")


def last_word(name):
    return (name or "").split()[-1].lower() if name else None


def test_post_pronoun_resolves_to_the_person_named_before():
    q = quote_starting("Vladimir Putin spoke on Sunday.\n“We have nowhere to retreat,” he said.", "We have")
    a = q.attribution
    assert a.speaker == "Vladimir Putin"
    assert (a.mention, a.cue) == ("he", "said")
    assert a.rule.startswith("post/")


@pytest.mark.parametrize("text,start,mention", [
    # the quote in the subject's relative clause hangs on "who" (PolNeAR's source), whose
    # antecedent speaks; a quote after the relative clause closes stays with the subject
    ("Ann Lee, who has in the past called the plan “a giveaway to developers” is running again.",
     "a giveaway", "who"),
    ("Ann Lee, who lost in 2019, now calls the plan “a giveaway to developers” on her website.",
     "a giveaway", "Ann Lee"),
    # a non-restrictive clause on an object holds the quote too (the speaker is its antecedent)
    ("The vote is a blow to Mayor Tom Ash.\nIt leaves a problem for Ann Lee, who was calling the plan "
     "“a giveaway to developers” until May.", "a giveaway", "who"),
])
def test_cueless_subject_with_relative_clause(text, start, mention):
    a = quote_starting(text, start).attribution
    assert (a.speaker, a.mention) == ("Ann Lee", mention), a


def test_post_inverted_cue_with_appositive():
    q = quote_starting("“The odds are more likely than not,” said Andrew Pincus, a Supreme Court advocate.", "The odds")
    assert q.speaker == "Andrew Pincus"
    assert q.attribution.mention.startswith("Andrew Pincus")


def test_pre_colon_with_party_tag():
    q = quote_starting("Sen. Marco Rubio (R-Fla.) said: “This is a very serious matter.”", "This is")
    assert q.speaker == "Marco Rubio"
    assert q.attribution.rule.startswith("pre/")


def test_partial_quote_speaker_after_with_title():
    t = ("The U.S. is ready to talk, though some parts are “unacceptable,” Assistant Secretary of State "
         "Karen Donfried told reporters Tuesday.")
    q = quote_starting(t, "unacceptable")
    assert q.speaker == "Karen Donfried"
    assert q.attribution.cue == "told"


def test_partial_quote_speaker_before_and_second_partial():
    t = ("Asked about it, Putin said they “could be diverse,” adding that it would depend "
         "“on what our military experts submit to me.”")
    assert quote_starting(t, "could be").speaker == "Putin"
    assert quote_starting(t, "on what").speaker == "Putin"


def test_split_quote_inherits_the_cue_in_the_middle():
    t = "Hillary Clinton spoke in Ohio.\n“It’s important that we stand together,” she said. “We cannot go back.”"
    first, second = quote_starting(t, "It’s"), quote_starting(t, "We cannot")
    assert first.speaker == second.speaker == "Hillary Clinton"
    assert second.attribution.mention == "she"
    assert second.attribution.rule.startswith("split")


def test_follow_on_paragraph_inherits_until_someone_else_speaks():
    t = ("“A dialogue with Russia needs to be based on principles,” Jens Stoltenberg told reporters.\n"
         "“And it needs to take place in consultation with partners.”\n"
         "Moscow rejected that, officials said.\n"
         "“We will not be lectured by anyone about our own security and our own borders.”")
    assert quote_starting(t, "And it needs").speaker == "Jens Stoltenberg"
    assert quote_starting(t, "And it needs").attribution.rule == "follow-on"
    assert quote_starting(t, "We will not").speaker != "Jens Stoltenberg"


def test_description_resolves_through_the_appositive():
    t = ("Vladimir Putin, Russia's president, spoke to officers.\n"
         "“This is a serious challenge for us,” the president said.")
    q = quote_starting(t, "This is")
    assert q.speaker == "Vladimir Putin"
    assert q.attribution.mention == "the president"


def test_organisation_speaks():
    q = quote_starting("The Kremlin said on Monday it was “deeply concerned” by the deployment.", "deeply")
    assert q.attribution.mention == "The Kremlin"


def test_speakers_have_stable_ids_and_names_without_titles():
    t = ("Russian President Vladimir Putin spoke.\n“We want peace,” Putin said.\n"
         "“We want security,” President Putin said.")
    quotes, people, _ = attribute(t, find_quotes(t)[0])
    ids = {q.attribution.speaker_id for q in quotes if q.is_speech}
    assert ids == {"S1"} or len(ids) == 1
    (p,) = [s for s in people if s.id in ids]
    assert p.name == "Vladimir Putin" and p.kind == "person"
    assert any("President" in t for t in p.titles)


@pytest.mark.parametrize("text,start,want", casefiles.rows("attribution.tsv", 3))
def test_cases(text, start, want):
    q = quote_starting(text, start)
    if want == "-":
        assert q.speaker is None and q.attribution.mention == "he"
    else:
        mention_words = (q.attribution.mention or "").lower().split()
        assert want.lower() == last_word(q.speaker) or want.lower() in mention_words, (q.attribution,)


@pytest.mark.parametrize("text,start,want", casefiles.rows("attribution_known_failures.tsv", 3))
@pytest.mark.xfail(strict=False, reason="known failure: see tests/cases/attribution_known_failures.tsv")
def test_known_failures(text, start, want):
    q = quote_starting(text, start)
    assert last_word(q.speaker) == want.lower()


# --- reported speech -----------------------------------------------------------------------

def reported(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    return [q for q in quotes if q.kind == REPORTED]


def test_reported_said_that_clause():
    t = "Bucher said none of the other presidential candidates were listed on those ballots either."
    (r,) = reported(t)
    assert r.text == "none of the other presidential candidates were listed on those ballots either"
    assert r.speaker == "Bucher" and r.attribution.cue == "said"
    assert (r.start, r.end) == (r.inner_start, r.inner_end) and r.marks == ""


def test_reported_content_then_cue():
    t = "Russia can’t allow missiles in Ukraine a few minutes from Moscow, Putin told senior officers Tuesday."
    (r,) = reported(t)
    assert r.text == "Russia can’t allow missiles in Ukraine a few minutes from Moscow"
    assert r.speaker == "Putin"


def test_reported_according_to():
    t = "According to the Post, Bush campaign officials looked into what the consequences would be."
    (r,) = reported(t)
    assert r.text.startswith("Bush campaign officials looked into")
    assert r.attribution.mention == "the Post"


def test_reported_participle_takes_the_speaker_of_the_clause():
    t = ("Vladimir Putin spoke.\n“We have nowhere to retreat,” he said, pointing out that any missiles "
         "placed in Ukraine would reach Russia in five minutes, posing a threat.")
    rs = reported(t)
    assert any(r.text == "any missiles placed in Ukraine would reach Russia in five minutes" and
               r.speaker == "Vladimir Putin" for r in rs), rs


def test_mixed_quote_keeps_both():
    t = "Putin said the West “must understand” that Russia has nowhere to retreat any further."
    quotes, _, _ = attribute(t, find_quotes(t)[0])
    kinds = {q.kind for q in quotes}
    assert REPORTED in kinds and kinds & {"partial", "direct"}
    assert all(q.speaker == "Putin" for q in quotes if q.kind != "scare")


def test_seed_reported_spans_found_with_the_right_speaker():
    gold = json.load(open(os.path.join(SEEDS, "gold.json"), encoding="utf-8"))
    for name, g in gold["documents"].items():
        with open(os.path.join(SEEDS, name), encoding="utf-8", newline="") as f:
            doc = api.extract(f.read())
        mine = [q for q in doc.quotes if q.kind == REPORTED]
        for r in g.get("reported", []):
            # the scorer's rule: one reported item covers at least half the gold span, with the speaker
            ok = [q for q in mine if min(q.end, r["end"]) - max(q.start, r["start"]) >= 0.5 * (r["end"] - r["start"])
                  and last_word(q.speaker) == last_word(r["speaker"])]
            assert ok, (name, r["text"], [(q.text, q.speaker) for q in mine])


# --- properties ---------------------------------------------------------------------------

texts = st.lists(st.sampled_from(list("abc XYZ“”\",.:;!?—\n'’") + ["said", " he ", "Putin", "According to",
                                                                   "Sen.", " told ", "that "]),
                 max_size=80).map("".join)


def _check_spans(text, quotes):
    for q in quotes:
        assert isinstance(q, Quote)
        assert text[q.start:q.end] == q.text
        a = q.attribution
        if a.mention is not None:
            assert text[a.mention_start:a.mention_end] == a.mention
        if a.cue is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
        if q.kind == REPORTED:
            assert (q.inner_start, q.inner_end) == (q.start, q.end)
        assert 0.0 <= a.confidence <= 1.0


def _finder(text):
    """The project's finder; a crash inside it is the finder's bug, reported by its own tests,
    so such inputs are set aside here rather than blamed on attribution."""
    try:
        return find_quotes(text)[0]
    except Exception:  # noqa: BLE001
        assume(False)


_PAIR = regex.compile(r"[“\"]([^“”\"\n]{1,300})[”\"]")


def _paired(text):
    """Quotes made without the finder (bare pairs of double marks), kinds cycled, so the
    attributor is exercised on any input whatever the finder does."""
    kinds = ("direct", "partial", "scare", "direct", "nested")
    return tuple(Quote(m.start(), m.end(), m.group(), m.start() + 1, m.end() - 1, kinds[i % len(kinds)],
                       marks=text[m.start()] + text[m.end() - 1]) for i, m in enumerate(_PAIR.finditer(text)))


@settings(max_examples=150, deadline=None)
@given(texts)
def test_never_raises_and_spans_index_the_text(text):
    found = _finder(text)
    quotes, people, warnings = attribute(text, found)
    _check_spans(text, quotes)
    # the finder's quotes all come back, with their kinds unchanged
    given_ = {(q.start, q.end, q.kind) for q in found}
    assert given_ <= {(q.start, q.end, q.kind) for q in quotes}
    assert list(quotes) == sorted(quotes, key=lambda q: (q.start, -q.end))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_never_raises(text):
    quotes, _, _ = attribute(text, _finder(text))
    _check_spans(text, quotes)


@settings(max_examples=150, deadline=None)
@given(st.one_of(texts, st.text(max_size=200)))
def test_never_raises_on_paired_quotes(text):
    given_ = _paired(text)
    quotes, _, _ = attribute(text, given_)
    _check_spans(text, quotes)
    assert {(q.start, q.end, q.kind) for q in given_} <= {(q.start, q.end, q.kind) for q in quotes}


@settings(max_examples=60, deadline=None)
@given(texts)
def test_deterministic(text):
    found = _paired(text)
    assert attribute(text, found) == attribute(text, found)


def test_reported_parenthetical_and_coordinated():
    t = "He now had a rally that night, and the permit, his campaign said, had been hard to get from the city."
    rs = reported(t)
    assert any(r.text.startswith("had been hard to get") and r.attribution.mention == "his campaign" for r in rs), rs
    t = ("Clinton celebrated in Florida with supporters on Tuesday and said it was another step closer to "
         "winning the White House.")
    (r,) = reported(t)
    assert r.text.startswith("it was another step") and r.speaker == "Clinton"


def test_object_of_a_cue_is_not_reported_speech():
    assert reported("Justice Sonia Sotomayor wrote a lashing dissent in a case on police stops.") == []
    assert reported("Jack Dorsey posted just two words on his social network on Sunday night.") == []


def test_organisation_pronoun_rests_on_it_and_names_the_organisation():
    t = ("The United Nations Security Council met on Friday.\nThe Security Council's statement warned "
         "North Korea about what it called “a clear threat to international peace.”")
    q = quote_starting(t, "a clear threat")
    assert q.attribution.mention in ("it", "The Security Council's statement")
    assert "Security Council" in (q.speaker or "")


def test_relative_who_is_the_mention_and_the_antecedent_the_speaker():
    t = "Cruz won the endorsement of Mike Lee, who declared in the spin room, “It’s time to unite.”"
    q = quote_starting(t, "It’s time")
    assert q.attribution.mention == "who" and q.speaker == "Mike Lee"


def test_reported_content_stops_at_a_new_clause():
    t = ("Mrs. Clinton has said she intends to fill half her cabinet with women, while the Fed remains "
         "wary of the idea.")
    (r,) = reported(t)
    assert r.text == "she intends to fill half her cabinet with women"


def test_one_huge_paragraph_without_full_stops_is_handled():
    # no sentence ends anywhere: every look-around is bounded, so this stays linear
    t = " ".join("“We will win this fight,” he said, and Putin said that the talks went well" for _ in range(400))
    quotes, people, _ = attribute(t, find_quotes(t)[0])
    speech = [q for q in quotes if q.is_speech]
    assert len(speech) == 400 and all(q.attribution.mention == "he" for q in speech)
    _check_spans(t, quotes)


def test_quote_paragraph_after_a_paraphrase_paragraph_takes_its_speaker():
    text = ("Mayor Linda Hart said the bridge would reopen in May.\n\n"
            "“It was built carelessly,” said engineer Tom Reyes.\n\n"
            "Hart praised the crews who worked through the winter.\n\n"
            "“They never once complained about the cold.”")
    q = quote_starting(text, "They never")
    assert q.attribution.rule.startswith("previous-paragraph/")
    assert q.speaker == "Linda Hart"
    assert q.attribution.mention == "Hart"


@pytest.mark.parametrize("sentence, speaker", [
    ("“It’s about time we had a woman running this country,” exhorted actress Jamie Lee Curtis.", "Curtis"),
    ("“Not now, not ever,” Senator Ruth Adler murmured as she left the chamber.", "Adler"),
    ("The mayor, Dana Whitfield, thanked volunteers for “showing up when it counted.”", "Whitfield"),
])
def test_less_common_speech_verbs_are_cues(sentence, speaker):
    q = speech(sentence)[0]
    assert last_word(q.speaker) == speaker.lower(), q.attribution


@pytest.mark.parametrize("text, speaker", [
    ("Judge Mary Berman returned after a short recess. After the recess, she began by saying, "
     "“I don’t think it is necessary for the defendant to go to jail.”", "Berman"),
    ("Senator Tom Hale spoke after the vote. And then Hale went fully on the attack, saying, "
     "“This bill is a disgrace to everyone who voted for it.”", "Hale"),
    ("The host, Ray Dunn, wanted to know, “How surprised are you that he is the likely nominee?”", "Dunn"),
])
def test_participles_after_by_and_want_to_know_are_cues(text, speaker):
    q = speech(text)[-1]
    assert last_word(q.speaker) == speaker.lower(), q.attribution


@pytest.mark.parametrize("text, mention", [
    ("“I’m just not ready to do that,” Speaker Paul Ryan said last week on CNN. He would not commit, "
     "Ryan said on Sunday, though he said, “I hope to get there.”", "he"),
    ("Congressman Ron DeSantis said he has backed a bill against accreditors, which he called "
     "“a cartel for higher education.”", "he"),
    ("Attorney General Loretta Lynch spoke at the firm. She said she recalls the colleague being "
     "“confused” by the question.", "She"),
])
def test_a_pronoun_that_speaks_again_in_its_own_clause_is_the_mention(text, mention):
    q = speech(text)[-1]
    assert q.attribution.mention == mention, q.attribution


def test_a_colon_paragraph_without_cue_hands_over_to_its_subject():
    text = ("When Wallace died in 1998, President Bill Clinton released the following statement:\n\n"
            "“Hillary and I offer our condolences to his family.”")
    q = speech(text)[0]
    assert q.attribution.rule.startswith("colon-paragraph/colon-subject")
    assert last_word(q.speaker) == "clinton"


def test_a_transcript_heading_with_a_colon_names_nobody():
    text = "Partial transcript as follows:\n\n“Let’s start with the breaking news of the night, governor.”"
    q = speech(text)[0]
    assert q.speaker is None and not q.attribution.mention


@pytest.mark.parametrize("text", [
    "Perhaps young voters prefer the senator’s call for “a political revolution that starts now.”",
    "Thirteen years earlier, she had voted for the war “from the perspective of a senator from New York.”",
])
def test_a_common_word_opening_the_sentence_is_not_a_speaker(text):
    for q in speech(text):
        assert q.speaker not in ("Perhaps", "Thirteen"), q.attribution


def test_a_description_before_a_who_clause_is_the_speaker():
    text = ("Representative Joey Salceda filed a resolution on Monday.\n\n"
            "The lawmaker, who represents a district in Albay province, said Trump’s remarks "
            "“have had widespread dissemination, thus aggravating the shame.”")
    q = speech(text)[-1]
    assert q.attribution.mention == "The lawmaker", q.attribution


def test_refer_to_as_labels_what_the_subject_said():
    q = speech("Speaking on Monday, Jeb Bush referred to Rubio as “a bright, charismatic leader.”")[0]
    assert last_word(q.speaker) == "bush" and q.attribution.cue == "referred to", q.attribution


@pytest.mark.parametrize("tail, speaker", [("said Lawrence yesterday.", "Lawrence"),
                                           ("said Tom Lawrence Monday.", "Tom Lawrence")])
def test_time_word_after_an_inverted_speaker_is_not_part_of_the_name(tail, speaker):
    t = f"The game ended late.\n\n“I get very disappointed,” {tail}"
    assert [q.attribution.speaker for q in speech(t)] == [speaker]


def test_a_name_in_commas_after_a_description_subject_speaks():
    t = ("Vincent Gigante died on Monday.\n\nHis lawyer, Benjamin Brafman, offered the explanation that "
         "“I think you get to a point in life where you become too old to fight.”")
    assert [q.attribution.speaker for q in speech(t)] == ["Benjamin Brafman"]


def test_a_quote_over_several_lines_takes_the_attribution_after_its_close():
    text = ("The coach was pleased with the win.\n“We played hard tonight.\nThe defence held firm,” "
            "Maria Lopez said.\nThe team travels to Denver next week.")
    a = quote_starting(text, "We played").attribution
    assert a.speaker == "Maria Lopez"
    assert a.rule.startswith("post/")


def test_a_quote_opening_mid_sentence_does_not_reach_into_a_later_paragraph():
    text = ("The ministry says it counts another “ten regional offices.\n\n“Budgets are tight,” "
            "Peter Brandt said.")
    q = quote_starting(text, "ten regional")
    assert q.attribution.speaker != "Peter Brandt"


@pytest.mark.parametrize("tail, speaker", [
    ("said her nephew, Ravi Sandhu, 32, of Queens.", "Ravi Sandhu"),
    ("said a neighbour, Joan Whitby.", "Joan Whitby"),
    ("said his spokesman, Tom Ellery, on Friday.", "Tom Ellery"),
])
def test_a_name_in_commas_after_an_inverted_description_speaks(tail, speaker):
    t = f"Mrs. Patel died on Sunday after the crash.\n“We are shocked,” {tail}"
    assert quote_starting(t, "We are").attribution.speaker == speaker


def test_a_name_before_a_capitalised_office_and_its_organisation_speaks():
    t = ("The frigate stopped two boats on Monday.\n“We acted within the rules,” Captain Rohan Mehra, "
         "Chief Public Affairs Officer, Navy Command, said.")
    assert quote_starting(t, "We acted").attribution.speaker == "Rohan Mehra"


@pytest.mark.parametrize("sentence", [
    "Moretti was also nicknamed “The Accountant” by his crew.",
    "Hale, accused of taking bribes, is charged with “official misconduct” in the case.",
    "Dunn was occasionally identified as “the fixer” in court papers.",
])
def test_the_subject_of_a_passive_verb_did_not_say_the_quoted_words(sentence):
    t = f"The trial opened on Monday.\n{sentence}"
    assert all(q.attribution.speaker is None for q in speech(t))


def test_a_passive_subject_still_speaks_in_a_later_clause_of_its_own():
    t = "Reyes spoke to the club.\nReyes was suspended after slamming the board for its “cowardly” vote."
    assert [q.attribution.speaker for q in speech(t)] == ["Reyes"]


def test_a_quote_paragraph_after_someone_released_a_statement_is_theirs():
    t = ("The striker was stopped by police on Monday night.\n\n"
         "Marcus Bell released a statement through the club on Tuesday.\n\n"
         "“I made a mistake and I apologise to everyone.”")
    assert quote_starting(t, "I made").attribution.speaker == "Marcus Bell"


def test_a_quote_paragraph_after_a_sentence_without_a_text_is_not_given_to_its_subject():
    t = ("Marcus Bell left the stadium before the end.\n\n"
         "“I made a mistake and I apologise to everyone.”")
    assert quote_starting(t, "I made").attribution.speaker is None


@pytest.mark.parametrize("tail, speaker", [
    ("team president and general manager Ray Cole said.", "Ray Cole"),
    ("trade magazine The Racing Post wrote.", "Racing Post"),
])
def test_lower_case_titles_between_a_quote_and_its_speaker(tail, speaker):
    t = f"The coach was fired on Saturday.\n“Decisions like this are never easy,” {tail}"
    assert quote_starting(t, "Decisions").attribution.speaker == speaker


@pytest.mark.parametrize("text, mention", [
    ("Her campaign quickly blasted out an email to supporters stating, “Ann Lee joins a growing list.”",
     "Her campaign"),
    ("Even before Ann Lee spoke, her campaign sent out a text message to supporters saying: “We won.”",
     "her campaign"),
    ("She sent out a fundraising email as the committee meeting began vowing to “fight for every vote.”",
     "She"),
    # the text's author, not its sender, speaks: the phrase after "from" stays
    ("The party released a statement from Ann Lee saying she was “deeply sorry.”", None),
])
def test_a_participle_after_a_text_someone_sends_speaks_for_the_sender(text, mention):
    a = quote_starting(text, text[text.index("“") + 1:text.index("“") + 5]).attribution
    if mention is None:
        assert a.rule.split("/")[1] != "issued-participle"
    else:
        assert a.mention == mention
        assert a.rule.startswith("pre/issued-participle/")


@pytest.mark.parametrize("text,start,want,mention", casefiles.rows("attribution_mentions.tsv", 4))
def test_clause_mention(text, start, want, mention):
    """The speaker stays the person named; the mention is the pronoun of the quote's own
    clause (``attribution._clause_pronoun``), never the subject of what a cue reports."""
    q = quote_starting(text, start)
    assert last_word(q.speaker) == want.lower()
    assert q.attribution.mention == mention, (q.attribution,)


@pytest.mark.parametrize("text,start,want", casefiles.rows("speaker_full_names.tsv", 3))
def test_speaker_full_name(text, start, want):
    """A joined particle (``al-Assad``) and a generational suffix after a surname that is also
    a title word (``King Jr.``) are part of the name the speaker is given."""
    q = quote_starting(text, start)
    assert q.speaker == want, (q.attribution,)


@pytest.mark.parametrize("text,start,mention,want", casefiles.rows("attribution_unnamed_sources.tsv", 4))
def test_unnamed_source(text, start, mention, want):
    """A sign, T-shirt or message ``that said`` speaks through the relative pronoun (a
    participle after the thing leaves its words to the holder); ``“...,” read one`` rests on
    ``one``."""
    q = quote_starting(text, start)
    assert q.attribution.mention == (None if mention == "-" else mention), (q.attribution,)
    assert last_word(q.speaker) == (None if want == "-" else want.lower()), (q.attribution,)
