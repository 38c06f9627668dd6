"""The discourse model (quotecheck/discourse.py): agreement, salience, confidence that does
not chain, roles and documents, and properties of the resolver on any text."""

import casefiles
# here speech() and quote_starting() also give the people of the text
from attributed import quote_with_people as quote_starting, speech_with_people as speech
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.discourse import Resolver
from quotecheck.mentions import read_mention
from quotecheck.speaker_lexicon import lexicon
from quotecheck.words import tokens



@pytest.mark.parametrize("text,words,speaker,principal,conf", casefiles.rows("discourse.tsv", 5))
def test_cases(text, words, speaker, principal, conf):
    q, people = quote_starting(text, words)
    a = q.attribution
    assert a.speaker == (None if speaker == "-" else speaker), a
    # "high": the model was sure (above the 0.6 cap on a guess); resolved pronouns and
    # descriptions stay under attribution's 0.8 for a name next to its cue (RULE_CONFIDENCE)
    assert (a.confidence > 0.6) == (conf == "high"), a
    if principal != "-":
        (who,) = [p for p in people if p.id == a.speaker_id]
        assert who.principal == principal


def _resolve(text, phrase, skip=()):
    i = text.rindex(phrase)
    return Resolver(text, skip).resolution(read_mention(text, tokens(text, i, i + len(phrase))), i)


def test_the_subject_of_the_sentence_outranks_a_later_object():
    text = "Jane Doe thanked Ann Roe for the flowers. She smiled."
    r = _resolve(text, "She")
    assert r.entity.name == "Jane Doe"
    assert not r.sure  # Ann Roe agrees too: a reader could hesitate


def test_agreement_skips_a_person_of_the_other_sex():
    r = _resolve("Jane Doe thanked Tom Hart for the flowers. He smiled.", "He")
    assert (r.entity.name, r.sure) == ("Tom Hart", True)


def test_a_guess_is_not_taken_as_the_previous_speaker():
    text = "John Smith and Mark Jones met on Monday. He left. He smiled."
    r = Resolver(text)
    a, b = text.index("He left"), text.index("He smiled")
    first = r.resolution(read_mention(text, tokens(text, a, a + 2)), a)
    assert not first.sure
    second = r.resolution(read_mention(text, tokens(text, b, b + 2)), b, prefer=first.entity)
    assert second.rule != "pronoun-previous-speaker"
    assert not second.sure


def test_a_sure_previous_speaker_is_continued():
    text = "Tom Hart spoke first. He left. He smiled."
    r = Resolver(text)
    a, b = text.index("He left"), text.index("He smiled")
    first = r.resolution(read_mention(text, tokens(text, a, a + 2)), a)
    assert first.sure
    second = r.resolution(read_mention(text, tokens(text, b, b + 2)), b, prefer=first.entity)
    assert (second.entity.name, second.rule, second.sure) == ("Tom Hart", "pronoun-previous-speaker", True)


@pytest.mark.parametrize("name", ["Taylor", "Jordan", "Robin", "Hilary", "Chris"])
def test_a_first_name_of_both_sexes_has_no_gender(name):
    assert name in lexicon().genders  # a first name ...
    assert lexicon().genders[name] is None  # ... of unknown sex
    assert read_mention(f"{name} Smith", tokens(f"{name} Smith")).gender is None


@pytest.mark.parametrize("name,sex", [("Susan", "f"), ("Donald", "m"), ("Karen", "f"), ("Vladimir", "m")])
def test_a_first_name_of_one_sex(name, sex):
    assert read_mention(f"{name} Smith", tokens(f"{name} Smith")).gender == sex


def test_a_role_is_not_a_name_another_name_can_match():
    text = "An aide to Senator Jane Doe spoke. “No,” said an aide to Senator Jane Doe. Doe left."
    r = _resolve(text, "an aide to Senator Jane Doe")
    assert (r.entity.name, r.entity.principal, r.rule) == ("Jane Doe aide", "Jane Doe", "role")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_resolving_any_phrase_of_any_text_never_crashes(text):
    toks = tokens(text)
    r = Resolver(text)
    for k in range(0, len(toks), 3):
        m = read_mention(text, toks[k:k + 3])
        if m is not None:
            got = r.resolution(m, m.start)
            assert got.entity is None or got.entity.id.startswith("S")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab CDE.,“”\"'\nsaid he she Mr Jones aide to for the")), max_size=300))
def test_every_mention_indexes_the_text_exactly(text):
    toks = tokens(text)
    for k in range(len(toks)):
        m = read_mention(text, toks[k:k + 4])
        if m is not None:
            assert text[m.start:m.end] == m.text
    _, people = speech(text)
    for p in people:
        for span in p.mentions:
            assert text[span.start:span.end] == span.text


def test_a_sentence_closed_by_np_said_hands_the_next_paragraph_to_np():
    # (made up) the participle inside the sentence is not its main clause
    text = ("The crew received a distress call from the tanker Ardent saying two boats were firing, "
            "a navy statement said.\n\n“On sighting the helicopter, the boats disengaged.”")
    q, _ = quote_starting(text, "On sighting")
    assert q.attribution.mention == "a navy statement"


def _count_same_person(monkeypatch) -> list:
    """Count the calls of ``cast.same_person``, the registry's name comparison (in pure
    Python; a compiled module calls it natively): the list the calls' arguments are appended
    to."""
    from quotecheck import cast

    calls: list = []
    real = cast.same_person

    def counting(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(cast, "same_person", counting)
    return calls


def test_a_name_lookup_compares_a_bounded_number_of_namesakes(monkeypatch):
    """A text naming hundreds of different people who share a last name stays linear: each
    lookup compares the new name with at most ``SAME_KEY_SCAN`` namesakes (the most recent),
    and a recent namesake is still found."""
    from quotecheck import cast

    r = Resolver("x")
    firsts = [f"Name{i}" for i in range(200)]
    for i, first in enumerate(firsts):
        r._new(f"{first} Okafor", "person", (), None, i)
    calls = _count_same_person(monkeypatch)
    found = r._find_name(f"{firsts[-1]} Okafor", None)
    assert found is not None and found.name == f"{firsts[-1]} Okafor"
    if cast.__file__.endswith(".py"):  # a compiled module calls same_person natively
        assert 0 < len(calls) <= cast.SAME_KEY_SCAN
    assert r._find_name("Okafor", None).name == f"{firsts[-1]} Okafor"  # the latest namesake


def test_the_latest_organisation_is_found_among_a_bounded_number():
    """``they``/``it`` with no person takes the organisation or group mentioned latest at or
    before it; the lookup walks only the :data:`LATEST_SCAN` most recently mentioned, so a
    text naming thousands of organisations stays linear, and a mention that moves an old
    organisation back to the front makes it the latest again."""
    from quotecheck import discourse

    r = Resolver("x")
    orgs = [r._new(f"Org{i} Corp", "organisation", (), None, 10 * i) for i in range(300)]
    r._new("Jane Roe", "person", (), "f", 10 * 300)  # people are never the answer
    assert r._latest(10 * 299 + 5) is orgs[299]
    assert r._latest(10 * 298 + 5) is orgs[298]  # one mentioned later does not count
    r._touch(orgs[3], 5000)  # "Org3 Corp" named again
    assert r._latest(5000) is orgs[3]
    assert r._latest(4999) is orgs[299]
    # only the most recent are walked: an organisation last named before all of them is not
    assert len(r._recent) == 300 and discourse.LATEST_SCAN < 300
    assert r._latest(10 * 5) is None


def test_family_first_compares_the_full_names_once_per_surname(monkeypatch):
    """A bare surname stands for the first person named in full with it only when a second
    person of that surname was named in full before it (``family_first``); where that second
    person stands is found once per surname, so a text naming one person in full thousands
    of times, each followed by the bare surname, stays linear."""
    from quotecheck import cast

    text = "\n\n".join(f'John Smith spoke on day {i}. "We are fine," Smith said.' for i in range(300))
    text += '\n\nAnn Smith, his sister, spoke too. "Not me," Smith said.'
    r = Resolver(text)
    calls = _count_same_person(monkeypatch)
    bare = [i + 1 for i in range(len(text)) if text.startswith(" Smith said", i)]
    assert len(bare) == 301
    for pos in bare[:-1]:
        assert r.family_first("Smith", pos) is None  # only John Smith named before
    first = r.family_first("Smith", bare[-1])
    assert first is not None and first[1].name == "John Smith"  # Ann named too: the first-named
    if cast.__file__.endswith(".py"):  # a compiled module calls same_person natively
        assert len(calls) <= 301  # one scan of the full names, not one per bare surname

def test_a_span_mentioned_again_is_one_record():
    """A pronoun resolved through the phrase it stands for adds that phrase's span again:
    the entity's mentions repeat it (the output is unchanged) as one shared Span record
    (issue 14: thousands of organisations each quoted with ``it said`` and ``they said``)."""
    text = "The Pesadu Group announced a plan."
    m = read_mention(text, tokens(text)[:3])
    r = Resolver(text)
    e = r._new("Pesadu Group", "organisation", (), None, 0)
    r.add_mention(e, m)
    r.add_mention(e, m)
    other = read_mention(text, tokens(text)[1:3])
    r.add_mention(e, other)
    assert [(s.start, s.end, s.text) for s in e.mentions] == [(0, 16, "The Pesadu Group")] * 2 + [(4, 16, "Pesadu Group")]
    assert e.mentions[0] is e.mentions[1] and e.mentions[2] is not e.mentions[1]


def test_a_generational_suffix_is_no_surname_in_the_surname_index():
    # "Ike LaRue III" is a LaRue (ECB+ 28_3ecbplus, 18_8ecbplus "Anthony LaCalamita III"): a bare
    # "LaRue" then knows a second person of the family
    text = "Fred LaRue died on Friday, his son, Ike LaRue III, said. LaRue was 75."
    surnames = Resolver(text).ix.people_surnames()
    assert "III" not in surnames
    assert [m.name for m in surnames["LaRue"][1]] == ["Fred LaRue", "Ike LaRue III"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["his", "her", "Davis's", "the", "Mr.", "with"]),
       st.sampled_from(["wife", "older sister", "son", "lawyer", "aide"]),
       st.sampled_from([", ", " ", "; "]))
def test_a_kin_tie_is_read_only_after_a_possessor_and_a_family_word(owner, tie, sep):
    from quotecheck.antecedents import _KIN, after_kin_tie
    text = f"He came with {owner} {tie}{sep}Jane, on Monday."
    want = owner in ("his", "her", "Davis's") and tie.split()[-1] in _KIN and sep != "; "
    assert after_kin_tie(text, text.index("Jane")) == want
