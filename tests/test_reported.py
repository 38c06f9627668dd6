"""Reported (indirect) speech: one test per frame of the attribution-verb lexicon, from
sentences written the way news is, and properties that must hold for any text.  A sentence
and what it reports are data where the check is the same for all of them
(``tests/cases/reported_one.tsv``: exactly one item, its content, mention and speaker;
``reported_none.tsv``: no item; ``reported_items.tsv``: one item among others;
``reported.tsv``: the hard cases); a test of its own remains where the check is particular."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.model import REPORTED
from quotecheck.quotes import find_quotes
from quotecheck import reported as rp


def reported(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    return [q for q in quotes if q.kind == REPORTED]


def one(text):
    rs = reported(text)
    assert len(rs) == 1, [(r.text, r.attribution.mention) for r in rs]
    return rs[0]


# --- the lexicon -----------------------------------------------------------------------------

def test_lexicon_inflects_and_keeps_particles():
    table = rp.verbs()
    assert {"argues", "argued", "arguing"} <= table.keys()
    assert any(rest == ("for",) for rest, *_ in table["calls"])
    assert "said" in table and "told" in table and "thought" in table


def test_lexicon_reads_the_verbnet_table_after_the_hand_one():
    from quotecheck import lexicon
    from quotecheck.reported_lexicon import _HEARER_VERBS
    table = rp.verbs()
    assert {"griped", "notified", "lectured", "spoke"} <= table.keys()  # complain-37.8, tell-37.2, lecture-37.11
    hand = {r[0] for r in lexicon.rows("reported_verbs.tsv")}
    vn = lexicon.rows("reported_verbnet.tsv")
    assert {r[0] for r in vn if r[1] == "hand"} <= hand  # a hand lemma only lends its frames
    assert not hand & {r[0] for r in vn if r[1] != "hand"}  # and is never a second entry
    assert "np" in next(e[3] for e in table["acknowledged"] if e[2] == "speech")  # confess-37.10
    assert "alert" in _HEARER_VERBS and "gripe" not in _HEARER_VERBS


# --- sentences and what they report, as data (tests/cases/reported_one.tsv, reported_none.tsv) --

def matches(pattern, value):
    """Whether ``value`` (None reads as "") meets an expectation of the case tables:
    ``x`` equals x, ``x…`` starts with x, ``…x`` ends with x, ``…x…`` holds x, ``-``
    is not checked.

    >>> matches("the bill…", "the bill will pass"), matches("…Warren", None), matches("-", None)
    (True, False, True)
    >>> matches("…10…", "More than 4 in 10"), matches("Trump", "Trump Jr."), matches("…x…", "…")
    (True, False, False)
    """
    if pattern == "-":
        return True
    value = value or ""
    if len(pattern) > 2 and pattern.startswith("…") and pattern.endswith("…"):
        return pattern[1:-1] in value
    if pattern.endswith("…"):
        return value.startswith(pattern[:-1])
    if pattern.startswith("…"):
        return value.endswith(pattern[1:])
    return value == pattern


@pytest.mark.parametrize("text,content,mention,speaker", casefiles.rows("reported_one.tsv", 4))
def test_one_item(text, content, mention, speaker):
    r = one(text)
    got = (r.text, r.attribution.mention, r.speaker)
    assert matches(content, r.text) and matches(mention, r.attribution.mention) and matches(speaker, r.speaker), got


@pytest.mark.parametrize("text", [row[0] for row in casefiles.rows("reported_none.tsv", 1)])
def test_no_item(text):
    assert reported(text) == []


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_items.tsv", 3))
def test_item_among_others(text, content, mention):
    got = [(r.text, r.attribution.mention) for r in reported(text)]
    assert (content, mention) in got, got


# --- frames ----------------------------------------------------------------------------------


def test_particle_frame_call_for():
    rs = reported("Sanders has called for a tax on financial speculation, which he says would pay for college.")
    assert any(r.text == "a tax on financial speculation" and r.attribution.cue == "called for" for r in rs), rs


def test_participle_after_a_comma_takes_the_sentence_subject():
    rs = reported("Clinton spoke for twenty minutes in Ohio, vowing to raise the minimum wage for every worker.")
    assert any(r.text.startswith("to raise the minimum wage") and r.speaker == "Clinton" for r in rs), rs


def test_coordinated_verb_takes_the_sentence_subject():
    rs = reported("Mrs. Berg has given to many candidates over the years, but plans to narrow her support to one.")
    assert any(r.text == "to narrow her support to one" and (r.speaker or "").endswith("Berg") for r in rs), rs


def test_both_pieces_of_a_parenthetical_attribution():
    rs = reported("Many of the closures, he said, have involved public courses with falling membership.")
    texts = {r.text for r in rs}
    assert "Many of the closures" in texts
    assert any(t.startswith("have involved public courses") for t in texts)


def test_tail_attribution_closes_the_content():
    rs = reported("The governor argued the plan would fail, Mr. Jones said.")
    assert all("Mr. Jones said" not in r.text for r in rs), rs


# --- what is not reported speech ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New reports show the deficit shrinking this year.",          # noun "reports"... then "show"
    "Candidates like Mike Huckabee never broadened their appeal beyond the base.",
    "The state holding the primary on Tuesday was Rhode Island, which closed early.",
    "In a statement Thursday, the campaign said nothing more about the matter.",
])
def test_nouns_prepositions_and_adjuncts_are_not_cues(text):
    for r in reported(text):
        # "New reports show ..." may be read through "show"; never through the noun itself
        assert r.attribution.cue not in ("reports", "like", "holding", "state"), (text, r.text)


# --- properties ------------------------------------------------------------------------------

words = ["said", "says", " he ", "Putin", "that ", "wants to ", "endorsed ", "according to ", ", ", ". ",
         "“", "”", "the ", "found ", "voters ", "which ", "and ", "believe ", "calls for ", "\n"]
texts = st.lists(st.sampled_from(words + list("abc XYZ'’—.,")), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_never_raises_and_spans_index_the_text(text):
    for r in reported(text):
        assert text[r.start:r.end] == r.text
        assert 0 <= r.start < r.end <= len(text)
        a = r.attribution
        if a.mention_start is not None:
            assert text[a.mention_start:a.mention_end] == a.mention


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_safe(text):
    for r in reported(text):
        assert text[r.start:r.end] == r.text


@settings(max_examples=100, deadline=None)
@given(texts)
def test_reported_items_never_overlap_a_quotation(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    marked = [q for q in quotes if q.kind != REPORTED]
    for r in (q for q in quotes if q.kind == REPORTED):
        for q in marked:
            assert not (q.start < r.start and r.end < q.end and q.marks), (r.text, q.text)


# --- hard cases as data (tests/cases/reported*.tsv) --------------------------------------------


def _found(text, start, want):
    rs = reported(text)
    # the content may or may not keep its "that": either reading starts the content
    bare = start[5:] if start.startswith("that ") else start
    return any((r.text.startswith(start) or r.text.startswith(bare)) and
               want.lower() in (r.attribution.mention or "").lower() for r in rs), \
        [(r.text, r.attribution.mention) for r in rs]


@pytest.mark.parametrize("text,start,want", casefiles.rows("reported.tsv", 3))
def test_cases(text, start, want):
    ok, got = _found(text, start, want)
    assert ok, got


@pytest.mark.parametrize("text,start,want", casefiles.rows("reported_known_failures.tsv", 3))
@pytest.mark.xfail(strict=False, reason="known failure: see tests/cases/reported_known_failures.tsv")
def test_known_failures(text, start, want):
    ok, got = _found(text, start, want)
    assert ok, got


def test_see_as_a_belief_with_a_named_subject():
    rs = reported("Republicans see the nominee as a liability in the suburbs.")
    assert any(r.text.startswith("the nominee as a liability") for r in rs), rs


def test_second_predicate_of_the_source_ends_the_content():
    rs = reported("The party chairman said the convention was not in chaos, and urged that "
                  "delegates stay in their seats until the vote.")
    texts = {r.text: r.attribution.mention for r in rs}
    assert texts == {"the convention was not in chaos": "The party chairman",
                     "delegates stay in their seats until the vote": "The party chairman"}, texts


def test_relative_clause_hangs_on_the_content():
    rs = reported("He praised the audit, a review the ministry said was long overdue.")
    assert ("a review", "the ministry") in {(r.text, r.attribution.mention) for r in rs}


def test_colon_label_opening_a_paragraph_is_the_speaker():
    rs = reported("Pelosi: House will vote on the spending bill before the recess.\n\nThe vote was set.")
    assert [(r.text, r.attribution.mention) for r in rs] == [
        ("House will vote on the spending bill before the recess", "Pelosi")]


def test_document_opening_the_sentence_is_the_source():
    rs = reported("In a new Marist survey released Monday, most voters in the state backed the measure.")
    assert ("most voters in the state backed the measure", "a new Marist survey") in {
        (r.text, r.attribution.mention) for r in rs}
    assert reported("In a statement, the company announced the plant would close.")[0].attribution.mention == \
        "the company"


def test_participle_speaks_for_the_subject_of_its_own_clause():
    rs = reported("Residents complained about the noise for months, and the tenants union has now sued the "
                  "landlord, saying the repairs were never made.")
    found = {r.text: r.attribution.mention for r in rs}
    assert found.get("the repairs were never made") == "the tenants union", found


def test_parenthetical_cue_splits_the_content():
    rs = reported("This campaign, the senator says, is different.")
    assert {(r.text, r.attribution.mention) for r in rs} == {("This campaign", "the senator"),
                                                           ("is different", "the senator")}


def test_two_cues_on_one_clause_give_one_item_per_stretch():
    # "says he believes": both cues introduce the words after the partial quote; the
    # cross-source check would otherwise pair the stretch with itself.
    text = ("Bernie Sanders spoke on Monday. He says he believes his campaign has "
            "“the wind at our backs” heading to the primaries.")
    items = reported(text)
    spans = [(q.start, q.end) for q in items]
    assert len(spans) == len(set(spans))
    assert any(text[s:e] == "heading to the primaries" for s, e in spans)
    assert all(q.speaker == "Bernie Sanders" for q in items)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["said", "says", "say", "saying", "Said", "according", "According", "to",
                                 "was", "quoted", "tweet", "_", "x", "2", " ", ".", "’", "é"]),
                max_size=25).map("".join))
def test_cue_scan_finds_exactly_the_whole_cue_words(text):
    # the trie pattern is a fast form of "every whole word that is in the cue tables"
    import re as stdre
    from quotecheck import reported as rep
    words = rep._cue_words()
    want = [(m.start(), m.group()) for m in stdre.finditer(r"\w+", text) if m.group() in words]
    assert rep._cue_positions(text) == want


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["was", "quoted", "Quoted", "as", "saying", "fire", "back", "BACK", "put",
                                  "it", "its", "According", "to", " ", "  ", "\n", "\t", "\u00a0", "\x1c",
                                  "\u200b", ".", ",", "“", "-"]), max_size=30).map("".join))
def test_next_word_filter_never_drops_a_reading(text):
    # the look at the next characters is only a shortcut: where it refuses a cue word,
    # the token reading finds none of its longer cues either
    from quotecheck import reported as rep
    from quotecheck.words import tokens
    toks = tokens(text)
    for i, t in enumerate(toks[:-1]):
        need = rep._next_words().get(t.text)
        if need and toks[i + 1].text.lower() in need:
            assert rep._followed_by(text, t.end, need)


def test_as_aside_is_not_a_promise():
    # "as he said he would": his own words follow ("as the crowd cheered", a time clause:
    # tests/cases/reported_none.tsv)
    assert not any(r.text == "He left early" for r in reported("He left early, as he said he would."))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.TheAlthoughsaid")), max_size=80), st.data())
def test_fronted_end_stays_inside_the_content(text, data):
    from quotecheck.reported_content import _fronted_end
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    cue = data.draw(st.integers(0, s))
    assert s <= _fronted_end(text, 0, cue, s, e) <= e


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["yes", "no", "so", " ", ",", ".", "to", "in", "many", "said", "the", "same", "of"]),
                max_size=12).map("".join))
def test_short_answer_never_raises_and_reads_only_the_answers(text):
    from quotecheck.words import tokens
    from quotecheck.reported_lexicon import short_answer
    toks = tokens(text, 0, len(text))
    for k in range(len(toks) + 1):
        e = short_answer(toks, k, "say")
        assert k <= e <= len(toks)
        if e > k:
            # a one-word answer, or "the same" with what it is said of (at most 8 words)
            assert e == k + 1 and toks[k].text.lower() in ("yes", "no", "so") or \
                [t.text for t in toks[k:k + 2]] == ["the", "same"] and e - k <= 8
        assert short_answer(toks, k, "believe") == k


@pytest.mark.parametrize("text,content", [
    # written for the test: a relative aside or an adverbial after the content is the
    # reporter's comment, not part of what was said (reported_content._ASIDE)
    ("Officials said the order came from Mr. Smith, who has led the agency since 2019.",
     "the order came from Mr. Smith"),
    ("The senator said the plan would cut costs by a third, compared with the 2015 estimate.",
     "the plan would cut costs by a third"),
    ("Aides said the governor would sign the bill this week, even as critics called it a giveaway.",
     "the governor would sign the bill this week"),
])
def test_content_ends_before_a_relative_or_adverbial_aside(text, content):
    got = [r.text for r in reported(text)]
    assert content in got, got


@pytest.mark.parametrize("text,content,speaker", [
    # written for the test: a subject phrase with an aside between commas, dashes or
    # parentheses before the cue (reported._long_subject skips the aside)
    ("Among likely voters, two-thirds back the mayor. Just over a quarter, 26 percent, say they will vote "
     "for someone else.", "they will vote for someone else", "Just over a quarter"),
    ("Party insiders in the next two states — Nevada and South Carolina — said the gap had to close soon.",
     "the gap had to close soon", "insiders"),
])
def test_long_subject_with_an_aside(text, content, speaker):
    got = [(r.text, r.attribution.mention or "") for r in reported(text)]
    assert any(t == content and speaker in m for t, m in got), got


def test_split_contraction_keeps_offsets():
    from quotecheck.words import tokens
    t = "He’s predicted big wins."
    toks = rp._split_contraction(tokens(t, 0, len(t)), 0)
    assert [x.text for x in toks[:3]] == ["He", "has", "predicted"]
    assert t[toks[0].start:toks[0].end] == "He" and toks[1].end == toks[2].start - 1


def test_second_participle_after_and():
    # written for the test: "..., X-ing ... and Y-ing ...": the second participle is read
    # too (reported_frames._second_participle), and the first one's content ends before it
    got = [(r.text, r.attribution.mention) for r in reported(
        "Trump opened his campaign with remarks about immigrants, calling them criminals and vowing to "
        "make Mexico pay for a wall.")]
    assert ("to make Mexico pay for a wall", "Trump") in got, got
    got = [r.text for r in reported(
        "Biden spoke in Scranton, describing Trump as unqualified and accusing him of endangering the troops.")]
    assert "Trump as unqualified" in got, got


def test_object_runs_over_a_party_label():
    # written for the test: a party label in brackets does not end an object or infinitive
    # (reported_lexicon._PHRASE_END; a number's comma: tests/cases/reported_one.tsv)
    got = [r.text for r in reported("On Saturday, Sen. Jane Doe (D-Vt.) called on Gov. Rick Roe (R) to resign over the crisis.")]
    assert any(t.startswith("Gov. Rick Roe (R) to resign") for t in got), got


def test_tell_with_an_object_is_not_a_hearer_and_clause():
    # written for the test: "told stories of ...", "tell you much about ...": no clause after a
    # hearer, the words after the cue stay what they were
    got = [r.text for r in reported("She told stories of how both girls were in the court.")]
    assert not any(t.startswith("of how") or t.startswith("how both") for t in got), got


@pytest.mark.parametrize("text,pieces", [
    # written for the test: "A, according to X, B" inside one clause: both sides are the content
    # (reported._goes_on), as PolNeAR splits them
    ("Other major cleavages, according to the poll, include ideology and age.",
     ["Other major cleavages", "include ideology and age"]),
    ("Since last November, according to the monitors, state security forces have killed 400 people.",
     ["Since last November", "state security forces have killed 400 people"]),
])
def test_according_to_inside_a_clause_has_content_on_both_sides(text, pieces):
    got = [r.text for r in reported(text)]
    assert all(p in got for p in pieces), got


@pytest.mark.parametrize("text,kept", [
    # ... but not when after it comes a clause of the reporter's own, an adjunct or an
    # appositive of the source
    ("Trump has won 758 delegates, according to a CNN tally, but his pathway is narrowing.",
     "Trump has won 758 delegates"),
    ("The deal would cut the rate to 17 percent, according to company leaders, compared with 25 percent.",
     "The deal would cut the rate to 17 percent"),
    ("Turnout was low, according to Andy Smith, director of the survey center at the university.",
     "Turnout was low"),
])
def test_according_to_in_commas_keeps_one_side_before_a_new_clause(text, kept):
    got = [r.text for r in reported(text)]
    assert got == [kept], got


def test_verb_after_and_inside_a_relative_clause_speaks_for_who():
    # written for the test: "X, who did A and VERB ...": the second verb shares the relative
    # clause's subject (reported_frames.relative_before), not the sentence's
    got = [(r.text, r.attribution.mention) for r in reported(
        "It is odd to watch the governor, who campaigned on tax cuts and sought the union's endorsement.")]
    assert ("the union's endorsement", "who") in got, got
    got = [(r.text, r.attribution.mention) for r in reported(
        "Clinton came to the city and said it was another step.")]
    assert ("it was another step", "Clinton") in got, got


def test_verb_after_and_in_a_restrictive_clause_keeps_the_sentence_subject():
    # written for the test: without a comma the relative clause may end before "and"
    got = [(r.text, r.attribution.mention) for r in reported(
        "Her campaign also announced support from mothers who have lost children and said the bill would pass.")]
    assert not any(m == "who" for _, m in got), got


@pytest.mark.parametrize("text,pieces,mention", [
    # written for the test: a relative word standing for the subject of the reported clause
    # ("which he said were ...") is content, with the rest of its clause
    ("The district saw 30 applicants, which he said were about evenly split.",
     ["which", "were about evenly split"], "he"),
    ("It was a plan that the mayor said would fail.", ["that", "would fail"], "the mayor"),
])
def test_relative_word_before_a_cue_with_a_gap(text, pieces, mention):
    got = [(r.text, r.attribution.mention) for r in reported(text)]
    assert all((p, mention) in got for p in pieces), got


def test_relative_word_before_a_cue_without_a_gap_is_not_content():
    # "that" opens the clause the cue introduces, no gap: the relative word is not read
    got = [r.text for r in reported("The aide said that he would resign.")]
    assert got == ["he would resign"], got


def test_call_after_when_is_not_a_relative_object():
    # written for the test: "what/which/who he calls X" reports the relative word; "when X
    # called ..." is a clause of time, its "when" stands for nothing said
    got = [r.text for r in reported("The break was complete when the senator called the plan a fraud.")]
    assert "when" not in got, got
    got = [(r.text, r.attribution.mention) for r in reported("Sanders opposes what he calls corruption in politics.")]
    assert ("what", "he") in got, got


@pytest.mark.parametrize("text", [
    # ... but not without an agent, nor when the subject is the hearer
    "Cruz was endorsed last week.",
    "He was told by aides that he would lose.",
    "The senator was asked by reporters about the bill.",
])
def test_passive_without_an_agent_or_with_a_hearer_subject_is_not_read(text):
    got = [r.text for r in reported(text)]
    assert not any(t in ("Cruz", "He", "The senator") for t in got), got


@pytest.mark.parametrize("text", [
    # written for the test: "by" + a gerund, a date or a body part is no agent; a passive of
    # "decide" or "know" names a fact
    "Many were stunned by threatening letters.",
    "All emails were supposed to be released by Jan. 29.",
    "The reporter was grabbed by the throat.",
    "The case was decided by a 5-to-4 vote.",
    "The group is known by the acronym ISIL.",
])
def test_passive_reader_refuses_what_is_no_attribution(text):
    assert not any(r.rule.endswith("passive") for r in reported(text)), [(r.text, r.rule) for r in reported(text)]


def test_floating_quantifier_after_an_auxiliary():
    # written for the test: "who has both endorsed X": neither "both" nor "has" is the subject
    got = [(r.text.split(" and ")[0], r.attribution.mention) for r in reported(
        "Mr. Jones, who has both endorsed Mr. Smith and criticized his campaign, spoke.")]
    assert ("Mr. Smith", "who") in got, got


def test_share_opening_a_clause_is_a_source():
    # written for the test: "..., and one in five say ...": a share or count at a clause start
    # is the subject of a speech verb (reported._SHARES); other bare words are not
    got = [(r.text, r.attribution.mention) for r in reported(
        "A third say they don't know, and one in five say it's not an improvement.")]
    assert ("it's not an improvement", "one in five") in got, got
    got = [r.attribution.mention for r in reported("It is hard to say what he thinks the plan will do.")]
    assert "It is hard" not in got, got


# --- speed shortcuts that must not change what is read -----------------------------------------

_PIECES = st.sampled_from(["Smith", "said", "he", "the", "U.S.", "Sen.", "Mr.", "a", "3.5", "$4", "percent",
                           ",", ".", ". ", "? ", "! ", ":", ";", "\u201c", "\u201d", '"', "'", "\u2019s",
                           "(", ")", "\u2014", "--", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "...",
                           "e.g.", "No.", "Jan.", "p.m.", "A", "It", "wasn't", "#tag", "@user", "http://x.y/z"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_sentence_tokens_equal_the_paragraph_slice(pieces):
    """find_reported tokenises a sentence (a window of at most 600 characters) on its own
    instead of slicing its paragraph's tokens: the two must always be the same tokens."""
    from quotecheck.words import tokens
    from quotecheck.clauses import DocIndex
    text = "".join(pieces)
    doc = DocIndex(text, ())
    for pos in range(len(text)):
        s0, s1 = doc.sentence(pos)
        if s1 - s0 <= 600:
            assert tokens(text, s0, s1) == DocIndex(text, ()).toks(s0, s1), (s0, s1)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_find_reported_is_the_same_on_a_fresh_index(pieces):
    """The shared sentence tokens and the subject read once per cue word depend on nothing
    but the text: reading a document twice, or on an index other stages used, gives the same."""
    from quotecheck.clauses import DocIndex
    text = "".join(pieces)
    used = DocIndex(text, ())
    used.toks(0, len(text))
    assert rp.find_reported(DocIndex(text, ())) == rp.find_reported(used) == rp.find_reported(used)


_NEWS_PIECES = st.sampled_from(["Smith", "he", "his", "Trump's", "the", "a", "statement", "concern", "message",
                                "decision", "threat", "criticism", "that", "to", "of", "about", "for", "on",
                                "said", "says", "was", "quoted", "as", "saying", "according", "fire", "back",
                                "leave", "the", "law", "failed", "plan", "will", "cost", "more", ",", ".",
                                "\u201c", "\u201d", "to-do", "statement's", "Statement"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NEWS_PIECES, max_size=40), st.lists(st.sampled_from([" ", " ", "\n", ", "]), min_size=40,
                                                      max_size=40))
def test_next_word_prefilter_never_changes_the_result(words, gaps):
    """The look at the next word (:func:`reported._next_words`, nouns only before their frame
    words) skips cue words before tokenising; reading every cue word in full finds the same."""
    from quotecheck.clauses import DocIndex
    text = "".join(w + g for w, g in zip(words, gaps))
    quotes = tuple(find_quotes(text)[0])
    fast = rp.find_reported(DocIndex(text, quotes))
    real = rp._next_words
    rp._next_words = lambda: {}
    try:
        full = rp.find_reported(DocIndex(text, quotes))
    finally:
        rp._next_words = real
    assert fast == full


def test_participle_after_a_noun_of_intent_or_stance_is_not_read():
    # "a super PAC supporting X", "Republicans seeking the presidency": who they are, not
    # what they said (stance and intent verbs are left to a finite verb)
    assert not any(r.attribution.cue == "supporting" for r in
                   reported("The money went to a super PAC supporting the governor in the primary."))


_ing_words = ["a report ", "polls ", "the new ", "statement ", "showing ", "detailing ", "condemning ",
              "that ", "the ", "Mr. Lopez ", "to ", "her ", ", ", "and ", "spent ", ". "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_ing_words), max_size=14).map("".join))
def test_reduced_relative_reads_only_what_its_hint_lets_through(text):
    # find_reported skips an -ing form after a determiner or noun unless reduced_hint lets it
    # through: every participle item the full reader makes must pass the quick test
    from quotecheck.clauses import DocIndex
    from quotecheck.reported_frames import reduced_hint
    for spans, h, rule in rp.find_reported(DocIndex(text, ())):
        if rule.endswith("reduced-relative"):
            assert reduced_hint(text[:h.cue_start].split(), text, h.cue_end), (text, rule)
            assert all(0 <= a < b <= len(text) for a, b in spans)


def test_that_fallback_refuses_a_relative_and_a_time_word():
    from quotecheck.words import tokens
    from quotecheck.clauses import DocIndex
    from quotecheck.reported_frames import that_fallback
    for t in ("Records from the hearing show that was wrong.", "Records from the hearing show that day."):
        toks = tokens(t, 0, len(t))
        assert that_fallback(DocIndex(t, ()), toks, 4, len(t)) is None, t


def test_bare_fallback_refuses_an_adjunct_an_object_and_a_phrase_with_no_verb():
    # written for the test: the words after the verb must be plainly a clause
    from quotecheck.words import tokens
    from quotecheck.clauses import DocIndex
    from quotecheck.reported_fallback import bare_fallback
    for t in ("Officials in the district said Monday the money was never spent.",
              "Officials in the district said over the summer the money was gone.",
              "Officials in the district said it on the radio last week.",
              "Officials in the district said more money for the roads."):
        toks = tokens(t, 0, len(t))
        assert bare_fallback(DocIndex(t, ()), toks, 4, len(t)) is None, t
    t = "Officials in the district said it was never spent."
    toks = tokens(t, 0, len(t))
    spans, h, rule = bare_fallback(DocIndex(t, ()), toks, 4, len(t))
    assert [t[a:b] for a, b in spans] == ["it was never spent"] and rule == "speech-bare-fallback"


_that_words = ["Records ", "from ", "the ", "hearing ", "show ", "said ", "that ", "has ", "since ", "and ",
               "agency ", "knew ", "was ", "day ", ", ", ". ", "He ", "some "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_that_words), max_size=16).map("".join))
def test_that_fallback_subject_before_and_content_after_the_cue(text):
    # the subject the fallback reads lies before its cue, the content after "that"
    from quotecheck.clauses import DocIndex
    for spans, h, rule in rp.find_reported(DocIndex(text, ())):
        if rule.endswith("that-fallback"):
            assert h.np and h.np[-1].end <= h.cue_start
            assert all(h.cue_end < a < b <= len(text) for a, b in spans)
            assert text[h.cue_end:spans[0][0]].split()[0] == "that"


def test_an_object_ends_before_a_second_predicate_of_the_source():
    # written for the test: "and" with an auxiliary or a verb of saying after an object is a
    # second predicate of the subject, not part of what it endorsed
    r = one("The governor has not endorsed the bill and has been a sharp critic of its cost.")
    assert r.text == "the bill"
    assert r.attribution.mention == "The governor"
    # a list inside the object is kept
    r = one("The mayor endorsed tax cuts and new spending on schools.")
    assert r.text == "tax cuts and new spending on schools"


def test_an_adverb_inside_the_verb_group_keeps_the_cue():
    # written for the test: "is now calling for", "spoke highly of"
    r = one("The council member is now calling for an audit of the parks budget.")
    assert (r.text, r.attribution.mention) == ("an audit of the parks budget", "The council member")
    r = one("The former coach spoke highly of the young quarterback.")
    assert (r.text, r.attribution.mention) == ("the young quarterback", "The former coach")
    assert reported("The rally of supporters grew louder.") == []


def test_a_reduced_passive_needs_a_phrase_before_and_by_right_after():
    # written for the test: "a measure opposed by X" is what X opposed; a participle that
    # opens the sentence is the main clause subject's, and one with no object frame no cue
    r = one("The union fought a measure strongly opposed by the governor.")
    assert (r.text, r.attribution.mention) == ("a measure", "the governor")
    assert not any(r.text == "a reporter" or "reporter" in (r.attribution.mention or "")
                   for r in reported("Asked by a reporter about the plan, the mayor smiled."))
    assert reported("The senator responded by blocking the vote.") == []


def test_a_noun_with_a_copula_and_that_reports_the_clause():
    # written for the test: "His argument is that ..." (the shape is in train-640 and ECB+:
    # "Their fear is that ...", "X's main argument was that ...")
    r = one("His argument has long been that the tax would hurt small farms.")
    assert (r.text, r.attribution.mention) == ("the tax would hurt small farms", "His")
    assert reported("His argument has merit.") == []
    assert reported("Her view was that of a stranger.") == []  # a pronoun, no clause


# --- title-case headlines (quotecheck/reported_headline.py) ---------------------------------

_BODY = "\n\nThe story follows."


@pytest.mark.parametrize("headline,content,mention", casefiles.rows("reported_headlines.tsv", 3))
def test_title_case_headline(headline, content, mention):
    got = [(r.text, r.attribution.mention) for r in reported(headline + _BODY)]
    assert (content, mention) in got, got


@pytest.mark.parametrize("headline", [row[0] for row in casefiles.rows("reported_headlines_none.tsv", 1)])
def test_title_case_headline_none(headline):
    text = headline + _BODY
    assert [r.text for r in reported(text) if r.start < len(headline)] == []


def test_title_case_headline_only_the_first_line():
    # the same words in the body, lower-case around them, are the sentence readers' business
    text = "Storm Hits Coast.\n\nLater, Veteran Senator Endorses Jane Doe For Governor was on a sign."
    assert not [r for r in reported(text) if r.rule == "headline-title-case"]


def test_sentence_case_headline_second_verb_needs_the_comma_and_the_subject():
    # the second verb after a comma is read with the line's subject; with no comma, or a
    # lower-case opening, the reader adds nothing
    rules = lambda h: [r.rule for r in reported(h + _BODY) if r.start < len(h)]  # noqa: E731
    assert "headline-second-verb" in rules("Senator Doe praises, criticises the farm bill.")
    assert "headline-second-verb" not in rules("Senator Doe praises and the bill criticises the farm bill.")
    assert "headline-second-verb" not in rules("the senator praises, criticises the farm bill.")


@given(st.lists(st.sampled_from(["Mayor", "Senator", "Calls", "For", "Endorses", "Just", "Approved", "And",
                                 "Denounces", "Leaders", "Urge", "‘Moan’", ",", ".", "the", "of", "Why"]),
                max_size=14), st.lists(st.tuples(st.integers(0, 120), st.integers(1, 20)), max_size=3))
@settings(max_examples=200, deadline=None)
def test_headline_items_stay_in_the_first_line_and_off_taken_spans(words, taken):
    from quotecheck.clauses import DocIndex
    from quotecheck.reported_headline import headline_items
    head = " ".join(words)
    text = head + _BODY
    spans = [(a, a + n) for a, n in taken]
    for pieces, h, rule in headline_items(DocIndex(text, ()), spans):
        assert rule == "headline-title-case" and h.np and h.np[-1].end <= h.cue_start
        for a, b in pieces:
            assert 0 <= a < b <= len(head) and text[a:b] == text[a:b].strip()
            assert not any(x < b and a < y for x, y in spans)


# --- a one-word subject that opens the sentence (reported_lexicon._verb_reading) -------------

def test_one_word_name_opening_a_sentence_acts_when_named_elsewhere():
    text = "The neighbour, Dana Roloson, works in retail. Roloson supports the senator in the race."
    assert ("the senator in the race", "Roloson") in [(r.text, r.attribution.mention) for r in reported(text)]


def test_one_word_capital_opening_a_sentence_stays_a_noun_phrase():
    # "New" is never capitalised mid-sentence here: "New reports show ..." has no verb "reports"
    text = "The count went on. New reports show the count was late."
    assert not [r for r in reported(text) if r.attribution.cue == "reports"]


@given(st.lists(st.sampled_from(["Roloson", "roloson", "Rolosons", "said", "Dana", ",", ".", " ", "\n", "x"]),
                max_size=30))
@settings(max_examples=200, deadline=None)
def test_named_mid_sentence_matches_a_reference_reading(parts):
    import re
    from quotecheck.clauses import DocIndex
    text = " ".join(parts)
    want = re.search(r"(?<=[a-z,] )Roloson(?![\w'’-])", text) is not None
    doc = DocIndex(text, ())
    assert doc.named_mid_sentence("Roloson") is want
    assert doc.named_mid_sentence("Roloson") is want  # remembered, the same answer


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_reported_subject_never_lies_inside_the_content(text, data):
    # any phrase, cue and content span: the subject read instead is before the cue and never
    # inside the content
    from quotecheck.clauses import DocIndex
    from quotecheck.reported_speaker import reported_subject
    from quotecheck.words import tokens
    toks = tokens(text, 0, len(text))
    if len(toks) < 2:
        return
    c = data.draw(st.integers(1, len(toks) - 1))
    a = data.draw(st.integers(0, c - 1))
    b = data.draw(st.integers(a + 1, c))
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    cue = data.draw(st.sampled_from([toks[c].text, "saying", "noted"]))
    found = reported_subject(DocIndex(text, ()), tuple(toks[a:b]), toks[c].start, cue, [(s, e)])
    if found is not None:
        got, how = found
        assert how  # every reading names itself (it becomes the rule's middle part)
        assert got and all(t.end <= toks[c].start for t in got)
        assert not any(s <= t.start < e for t in got)
        assert all(text[t.start:t.end] == t.text for t in got)


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_far_subject_is_a_phrase_of_the_clause_before_the_participle(text, data):
    # any clause and participle position: the subject read lies between the clause start and
    # the participle, and its tokens index the text
    from quotecheck.reported_far_subject import far_subject
    from quotecheck.words import tokens
    toks = tokens(text, 0, len(text))
    if len(toks) < 2:
        return
    i = data.draw(st.integers(1, len(toks) - 1))
    b = data.draw(st.integers(0, i - 1))
    found = far_subject(toks, b, i)
    if found is not None:
        np, appos = found
        assert np and all(toks[b].start <= t.start and t.end <= toks[i].start for t in np + list(appos))
        assert all(text[t.start:t.end] == t.text for t in np)
