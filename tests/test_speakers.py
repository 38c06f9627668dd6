"""Speakers: reading mentions, normalising names, and matching names across documents."""
import pytest
from attributed import speech
from hypothesis import given, settings, strategies as st

from quotecheck import api
from quotecheck.mentions import read_mention
from quotecheck.names import normalise_name, same_person
from quotecheck.speaker_lexicon import lexicon
from quotecheck.words import tokens


def mention(s):
    return read_mention(s, tokens(s))


def test_titles_are_attributes_not_names():
    m = mention("Russian President Vladimir Putin")
    assert (m.kind, m.name, m.titles) == ("name", "Vladimir Putin", ("Russian President",))
    assert mention("NATO Secretary General Jens Stoltenberg").name == "Jens Stoltenberg"
    assert mention("Assistant Secretary of State Karen Donfried").name == "Karen Donfried"
    assert mention("Mr. King").name == "King"


def test_gender_from_first_name_and_honorific():
    assert mention("Karen Donfried").gender == "f"
    assert mention("Mrs. Clinton").gender == "f"
    assert mention("Mr. Welch").gender == "m"


def test_pronouns_descriptions_groups_organisations():
    assert mention("he").kind == "pronoun"
    d = mention("the Russian leader")
    assert (d.kind, d.head) == ("description", "leader")
    assert mention("US and European officials").kind == "group"
    assert mention("the Kremlin").entity == "organisation"
    assert mention("a spokeswoman for the campaign").kind == "anonymous"


def test_normalise_name():
    assert normalise_name("Russian President Vladimir Putin's") == "Vladimir Putin"
    assert normalise_name("Sen. Marco Rubio, R-Fla.") == "Marco Rubio"
    assert normalise_name(None) is None


def test_same_person_across_documents():
    assert same_person("Putin", "Vladimir Putin")
    assert same_person("President Putin", "Vladimir Putin")
    assert same_person("Vladimir V. Putin", "Vladimir Putin")
    assert same_person("J. Biden", "Joe Biden")
    assert not same_person("Joe Biden", "Hunter Biden")
    assert not same_person("Bill Clinton", "Hillary Clinton")
    assert not same_person("Putin", None)
    assert not same_person("", "Putin")


def test_same_person_spellings_outlets_differ_on():
    # a police rank one outlet writes and another drops
    assert same_person("Constable Tim Fanning", "Tim Fanning")
    # run-on initials with and without dots, accents and none
    assert same_person("A.J. Brown", "AJ Brown")
    assert same_person("José Núñez", "Jose Nunez")
    # a compound surname with and without the first name
    assert same_person("Cheryl Boone Isaacs", "Boone Isaacs")
    assert not same_person("Mary Boone Isaacs", "Cheryl Boone Isaacs")
    assert not same_person("Joe Biden", "Hunter Biden")
    assert not same_person("A.J. Brown", "B.J. Brown")


names = st.lists(st.sampled_from(["Vladimir", "V.", "Putin", "Joe", "Joseph", "Biden", "Hunter", "President", "Mr.",
                                  "Jens", "Stoltenberg", "J.", "de", "Jr.", "Bill", "William", "Will"]),
                 min_size=1, max_size=4).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(names, names)
def test_same_person_is_symmetric(a, b):
    assert same_person(a, b) == same_person(b, a)


def test_a_short_form_of_a_first_name_is_the_same_person():
    # data/names_nicknames.tsv (carltonnorthern/nicknames): "Bob" shortens "Robert"
    assert same_person("Bob Menendez", "Sen. Robert Menendez")
    assert same_person("Kenneth Starr", "Ken Starr") and same_person("Chuck Grassley", "Charles E. Grassley")
    assert not same_person("Bill Harlow", "Will Harlow")  # two short forms of William
    assert not same_person("Bob Menendez", "Rupert Menendez")  # as long: another name
    assert not same_person("Bob Smith", "Mike Smith")


first_names = st.sampled_from(sorted(lexicon().nicknames)[:400] + ["Mary", "Tom", "Bill", "William", "X"])


@settings(max_examples=300, deadline=None)
@given(first_names, first_names)
def test_same_first_name_is_symmetric_and_reflexive(a, b):
    lex = lexicon()
    assert lex.same_first_name(a, a)
    assert lex.same_first_name(a, b) == lex.same_first_name(b, a)


spellings = st.lists(st.sampled_from(["Cheryl", "Boone", "Isaacs", "A.J.", "AJ", "José", "Jose", "Núñez",
                                      "Nunez", "Constable", "Tim", "Fanning", "Putin's", "Sr."]),
                     min_size=1, max_size=4).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(names, spellings), st.one_of(names, spellings))
def test_same_person_implies_the_same_index_key(a, b):
    # the resolver finds candidates by _name_key: a pair same_person accepts must share it
    from quotecheck.names import _name_key
    assert same_person(a, b) == same_person(b, a)
    if same_person(a, b):
        assert _name_key(a) == _name_key(b)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_same_person_is_reflexive_and_never_raises(a):
    assert same_person(a, a)
    read_mention(a, tokens(a))
    normalise_name(a)


def test_description_with_a_party_goes_to_the_person_of_that_party():
    t = ("Republican nominee Donald Trump held a rally in Iowa on Monday. Democratic nominee Hillary "
         "Clinton was in Ohio.\n\n“We will build it,” the Republican nominee said.\n\n"
         "“I am ready,” the Democratic candidate said.")
    got = [q.attribution.speaker for q in api.extract(t).quotes if q.kind != "reported"]
    assert got == ["Donald Trump", "Hillary Clinton"]


def test_pronoun_skips_an_object_with_a_plain_appositive():
    t = ("On a radio show on Tuesday, Clinton criticized police officer Betty Shelby for killing "
         "Terence Crutcher, a 40-year-old unarmed man.\n\n“How many times do we have to see this?” she said.")
    t = "Democratic nominee Hillary Clinton spoke in Ohio.\n\n" + t
    assert [q.attribution.speaker for q in api.extract(t).quotes if q.kind != "reported"] == ["Hillary Clinton"]


def test_organisation_description_goes_to_the_organisation_named_with_its_noun():
    t = ("The nonpartisan Commission on Presidential Debates met on Friday in Washington.\n\n"
         "The commission says on its website that “there were issues regarding the audio.”")
    got = [q.attribution.speaker for q in api.extract(t).quotes if q.kind != "reported"]
    assert got == ["Commission on Presidential Debates"]


def test_a_name_after_mr_inside_a_sentence_is_no_subject():
    t = ("Another critic, Laurence H. Tribe, called the rules unlawful, though Mr. Tribe was a mentor to "
         "Mr. Obama at Harvard Law School.\n\n"
         "Mr. Obama dismissed the criticism as the voice of Mr. Tribe's client, a coal company. "
         "“You know, I love Larry,” he said.")
    got = [q.attribution.speaker for q in api.extract(t).quotes if q.kind != "reported"]
    assert got == ["Obama"]


def test_a_misspelt_surname_is_the_person_named_before():
    text = ("We spoke with two voters, Tyresha McClenney and Bryan Anderson, at the rally.\n\n"
            "McLenney said the candidate rarely mentions racial issues.\n\n"
            "“It only comes up when there is a video,” she said.")
    q = speech(text)[0]
    assert q.speaker == "Tyresha McClenney"


def test_a_surname_one_letter_from_two_people_is_not_guessed():
    from quotecheck.discourse import Resolver
    from quotecheck.mentions import read_mention
    from quotecheck.words import tokens
    text = "Mason Carter and Lena Carder spoke. Carler said no."
    r = Resolver(text)
    pos = text.index("Carler")
    m = read_mention(text, tokens(text, pos, pos + 6))
    e, _ = r.resolve(m, pos)
    assert e is None or e.name == "Carler"


def test_a_name_before_an_adverbial_comma_does_not_take_over_she():
    text = ("“Make yourself heard,” Attorney General Loretta Lynch said.\n\n"
            "She met Bill Clinton while the department was investigating his wife, Democratic "
            "presidential nominee Hillary Clinton, over the email server she used as secretary of state.\n\n"
            "“People tend not to say those things to my face,” she said.")
    q = speech(text)[-1]
    assert q.speaker == "Loretta Lynch", q.attribution


def test_a_person_given_a_dash_relative_aside_takes_over_she():
    text = ("“For some, the losses would outstrip the gains,” said economist Lily Batchelder.\n\n"
            "It has become a major issue in the race, with Senator Elizabeth Warren — who has called for "
            "higher taxes on the rich — attacking the plan.\n\n"
            "“The kind of plan they have put forth is trickle-down economics all over again,” she said.")
    q = speech(text)[-1]
    assert q.speaker == "Elizabeth Warren", q.attribution


def _resolve_at(text, phrase, length=None):
    """Resolve the mention that starts ``phrase`` (its first ``length`` characters, all by
    default) with a fresh resolver."""
    from quotecheck.discourse import Resolver
    r = Resolver(text)
    pos = text.index(phrase)
    return r.resolve(read_mention(text, tokens(text, pos, pos + (length or len(phrase)))), pos)


def test_a_document_speaks_for_the_owner_of_the_latest_document_of_its_kind():
    ruling = ("The Ohio Supreme Court ruled on Tuesday that the new map was unlawful.\n\n"
              "“The districts cannot stand as drawn,” the ruling said.")
    assert speech(ruling)[0].speaker == "Ohio Supreme Court"
    book = ("Dr. Ellen Park wrote a memoir about her years at the clinic.\n\nShe left in 2004.\n\n"
            "“Nobody told the patients what was happening,” the book said.")
    assert speech(book)[0].speaker == "Ellen Park"
    clip = ("A web video by the Ohio Democratic Party attacks the governor's record on schools.\n\n"
            "The clip says the governor “failed our children.”")
    assert speech(clip)[0].speaker == "Ohio Democratic Party"
    # no owner named: the document itself speaks, never a guessed person
    e, rule = _resolve_at("The ad ran twice.\n\nThe clip says nothing new.", "The clip")
    assert (e.name, e.kind, rule) == ("clip", "document", "document")


def test_a_block_quotation_of_another_article_introduces_antecedents():
    text = ("Tom Reyes spoke to voters in Erie.\n\nThe reporter Anne Ward writes:\n\n"
            "\"Maria Lopez thought the whole rally was a turning point. She had driven three hours to see "
            "him, and she stayed until the lights went off in the hall, long after the crowd had gone home.\n\n"
            "“It changed my life,” she said.")
    assert speech(text)[-1].speaker == "Maria Lopez"


def test_a_long_title_opening_the_sentence_makes_the_name_its_subject():
    from quotecheck.discourse import Resolver
    text = "The vote was close.\n\nLibertarian presidential candidate Tom Harlan’s doctor is pleased."
    r = Resolver(text)
    assert [(m.name, bool(r.ix.is_subject(s, m))) for s, m in r.ix.candidates(0, len(text))][-1] == ("Tom Harlan", True)


def test_a_lone_word_of_a_headline_deck_names_no_one():
    text = ("Mayor questions the count;\nTalk compared to: “working the refs” before a game.\n\n"
            "Mayor Dana Hill isn't saying much.\n\n"
            "The Democratic mayor has repeatedly wondered whether the count will be “fair” to her.")
    qs = speech(text)
    assert qs[0].speaker is None
    assert qs[-1].speaker == "Dana Hill"


def test_it_and_a_definite_organisation_description_go_to_the_organisation_subject():
    e, rule = _resolve_at("During the campaign, the Gazette endorsed the mayor in a long editorial.\n\n"
                          "Her opponent did not respond.\n\nMeanwhile, it called the challenger unfit.", "it called", 2)
    assert (e.name, rule) == ("Gazette", "pronoun-organisation-subject")
    text = ("A union of nurses endorsed Smith on Monday.\n\nIn a letter to members, the National Nurses "
            "Association called Smith a friend of working families.\n\n“She stood with us when it counted,” "
            "the union wrote.")
    assert speech(text)[0].speaker == "National Nurses Association"
    # a place or a dateline is no organisation that speaks
    e, _ = _resolve_at("WASHINGTON — Ohio voted on Tuesday.\n\nIt said the count was fair.", "It said", 2)
    assert e is None


def test_an_acronym_and_a_short_company_name_take_the_full_name():
    text = ("The World Health Organization warned on Monday that cases were rising again.\n\n"
            "“We are worried about the winter,” the WHO said.")
    assert speech(text)[0].speaker == "World Health Organization"
    text = ("The mine was sold by the utility giant Harlow Energy in 2010.\n\n"
            "In a statement, Harlow said: “The sale was fair to everyone.”")
    assert speech(text)[0].speaker == "Harlow Energy"


def test_i_outside_quotes_is_the_writer_of_the_piece():
    text = ("I grew up in a small town in Ohio.\n\nWhen my brother asked me to vote for him, I said, "
            "“Not this year.”\n\nMy father often said, “Work comes first.”\n\nMaria Gomez is a teacher in Denver.")
    qs = speech(text)
    assert qs[0].speaker == "Maria Gomez"
    assert qs[1].speaker != "Maria Gomez"  # "my father" is never the writer


def test_a_later_subject_in_the_same_sentence_does_not_displace_the_first():
    text = ("“We will look at it,” Senate Majority Leader Mitch Brown said.\n\n"
            "House Speaker Paul Reed, despite his doubts about the timing, noted that he believes Brown "
            "is right about the numbers.\n\n“I think we have it,” he said.")
    assert speech(text)[-1].speaker == "Paul Reed"


def test_officials_at_an_institution_speak_for_it():
    text = ("Officials at Maritime Safety Investigations said they were “deeply concerned” about the ferry.")
    assert speech(text)[0].speaker == "Maritime Safety Investigations"


def test_a_plural_is_no_misspelling_of_a_full_name():
    text = ("Her son attends Lincoln Middle School in Queens.\n\n"
            "The protest drew 2,000 people, according to the organizer Parents for Better Schools.")
    from quotecheck.discourse import Resolver
    r = Resolver(text)
    from quotecheck.antecedents import misspelt_full
    assert misspelt_full(r, "Schools", len(text)) is None


@pytest.mark.parametrize("phrase, head", [("the Alaska Governor", "governor"), ("the French President", "president"),
                                          ("the Federal Reserve Chairman", "chairman")])
def test_capitalised_office_after_the_is_a_description(phrase, head):
    # agency and British style capitalise the office ("the Alaska Governor said"); it is a
    # description of a person, not an organisation called "Alaska Governor"
    m = read_mention(phrase, tokens(phrase))
    assert (m.kind, m.entity, m.head, m.name) == ("description", "person", head, None)


def test_capitalised_office_description_resolves_to_the_office_holder():
    t = ("Alaska Gov. Sarah Palin spoke at the church on Friday. On Saturday, the Alaska Governor said "
         "she regretted the “undeserved negative attention” the fire brought.")
    (q,) = speech(t)
    assert q.attribution.speaker == "Sarah Palin" and q.attribution.mention == "the Alaska Governor"


def test_a_place_after_a_first_name_is_a_surname():
    # "Jordan" is a country that speaks as an institution ("Jordan said"), but after a first
    # name it is a person's surname, and the bare surname then stands for that person
    m = read_mention("Rep. Jim Jordan of Ohio", tokens("Rep. Jim Jordan of Ohio"))
    assert (m.name, m.entity) == ("Jim Jordan", "person")
    t = ("The hearing opened on Monday.\n\nRep. Jim Jordan of Ohio spoke first at the hearing.\n\n"
         "“She is fine,” Jordan said.")
    assert [q.attribution.speaker for q in speech(t)] == ["Jim Jordan"]
    assert read_mention("Jordan", tokens("Jordan")).entity == "organisation"


def test_a_celebrity_rep_speaks_as_a_role_for_her():
    t = "Tara Reid entered a clinic on Monday.\n\n“She is resting,” Reid's rep told reporters."
    (q,) = speech(t)
    assert (q.attribution.mention, q.attribution.speaker) == ("Reid's rep", "Tara Reid rep")


@pytest.mark.parametrize("run", ["British Columbia", "San Diego", "New Hampshire", "Puerto Rico"])
def test_a_place_name_is_never_a_person(run):
    m = read_mention(run, tokens(run))
    assert m.entity == "organisation"


def test_he_does_not_go_to_a_place():
    t = ("Winston Blackmore led the group for years.\n\nThe attorney general of British Columbia has been "
         "probing the community.\n\n“We are not hiding,” he wrote.")
    assert [q.attribution.speaker for q in speech(t)] == ["Winston Blackmore"]


def test_the_police_is_not_the_newspaper_named_before():
    t = "The Detroit Free Press reported the shooting on Friday.\n\nThe man had been dismissed last week, the police said."
    speakers = [q.attribution.speaker for q in api.extract(t).quotes if q.attribution.mention == "the police"]
    assert speakers == [None]
    t = ("The Detroit Free Press reported the shooting on Friday. The Detroit Police Department made an arrest."
         "\n\nThe man had been dismissed last week, the newspaper said.")
    speakers = [q.attribution.speaker for q in api.extract(t).quotes if q.attribution.mention == "the newspaper"]
    assert speakers == ["Detroit Free Press"]  # the latest organisation of its kind, not the latest one


def test_i_outside_quotes_without_a_byline_names_nobody():
    # the writer of a blog post or memoir speaks as "I"; with no byline the writer is unnamed,
    # never the person quoted last
    t = ("Red Sox owner John Henry said his team will not sign Mark Teixeira.\n\n"
         "Clearly, I expect a flurry of “now the Yankees have to get him” comments.")
    d = api.extract(t)
    assert all(q.attribution.speaker is None for q in d.quotes if q.attribution.mention == "I")


@pytest.mark.parametrize("phrase, name, title", [("AMD’s Lisa Su", "Lisa Su", "AMD’s"),
                                                 ("Breitbart's Joel Pollak", "Joel Pollak", "Breitbart's")])
def test_a_possessor_before_a_name_is_an_affiliation(phrase, name, title):
    m = read_mention(phrase, tokens(phrase))
    assert (m.name, m.titles) == (name, (title,))


def _speakers(text):
    return [q.attribution.speaker for q in speech(text)]


@pytest.mark.parametrize("mention", ["her daughter", "The victim's nephew", "his best friend"])
def test_a_relative_of_someone_is_not_the_person_named_last(mention):
    text = ("Margaret Olsen, 71, was struck by a van on Elm Street on Friday night.\n"
            f"“She never hurt anyone,” {mention} said.")
    assert _speakers(text) == [None]


def test_a_named_possessor_is_not_their_own_lawyer():
    text = ("Daniel Reyes was charged on Monday.\n"
            "“We will fight this,” Daniel Reyes's lawyer said.")
    assert _speakers(text) == [None]


def test_an_office_owned_by_a_place_may_still_be_the_person_named_before():
    text = ("Governor Anna Kowalski visited the flooded towns on Monday.\n"
            "“We will rebuild,” the state's governor said.")
    assert _speakers(text) == ["Anna Kowalski"]


def test_a_surname_that_is_also_a_first_name_keeps_the_full_names_gender():
    text = ("President Obama named Dr. Regina Benjamin as surgeon general on Monday.\n"
            "Benjamin runs a clinic in Alabama.\n"
            "“It shouldn't be this expensive to see a doctor,” she said.")
    assert _speakers(text) == ["Regina Benjamin"]


def test_a_ship_is_not_the_person_a_pronoun_stands_for():
    text = ("A tanker was attacked off the coast on Friday.\nHMS Valiant intercepted two skiffs an hour later.\n"
            "“The pirates surrendered quickly,” he said.")
    assert _speakers(text) == [None]


def test_job_words_opening_a_sentence_are_titles_not_part_of_the_name():
    text = "Actor Paul Brennan said on Monday: “I loved every minute of it.”"
    assert _speakers(text) == ["Paul Brennan"]


@pytest.mark.parametrize("phrase, kind, name", [
    ("Representative Peter T. King of New York", "name", "Peter T. King"),
    ("Mr. King of Ohio", "name", "King"),
    ("Sgt. Marty Earley with the Bloomington Police Department", "name", "Marty Earley"),
    ("The Governor of Alaska", "description", None),
    ("Secretary of State Karen Donfried", "name", "Karen Donfried"),
])
def test_what_follows_of_or_with_after_a_name_is_not_the_name(phrase, kind, name):
    m = read_mention(phrase, tokens(phrase))
    assert (m.kind, m.name) == (kind, name)


def test_monsignor_is_an_honorific_not_part_of_the_name():
    t = "Msgr. Jane Roe"  # (made up; the abbreviation as Catholic news writes it)
    m = read_mention(t, tokens(t))
    assert (m.name, m.titles) == ("Jane Roe", ("Msgr.",))
