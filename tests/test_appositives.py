"""A name inside a participle's object is not the person a phrase names; a description's
appositive name (with lower-case title words or the place it is of) is (issue 12)."""
import pytest

from quotecheck import mentions as mn
from quotecheck.attribution import attribute
from quotecheck.quotes import find_quotes


@pytest.mark.parametrize("phrase, kind, name, head", [
    ("One pastor supporting Mr. Cruz", "anonymous", None, "pastor"),
    ("an unpledged delegate supporting Clinton", "anonymous", None, "delegate"),
    ("a man wearing a Hale shirt", "anonymous", None, "man"),
    # not participles that modify the head: a compound noun, an acronym office, a title word,
    # the object of "of", a preposition in -ing
    ("former State policy planning director Ann Lee", "name", "Ann Lee", None),
    ("global marketing VP Phil Schiller", "name", "VP Phil Schiller", None),
    ("the acting Director John Doe", "name", "John Doe", None),
    ("senior vice president of marketing Phil Schiller", "name", "Phil Schiller", None),
])
def test_participle_object_is_not_the_name(phrase, kind, name, head):
    m = mn.read_mention(*mn._toks(phrase))
    assert (m.kind, m.name, m.head) == (kind, name, head)


def test_role_keeps_its_principal():
    m = mn.read_mention(*mn._toks("An aide to Pelosi"))
    assert (m.kind, m.head) == ("anonymous", "aide")


@pytest.mark.parametrize("text, speaker, mention", [
    ("Tom Hale won Iowa. One pastor supporting Mr. Hale, Bob Ward of First Baptist Church in Ames, "
     "said he had made 150 calls.", "Bob Ward", "Bob Ward of First Baptist Church in Ames"),
    ("Ann Lee spoke. Tom Hale spoke next. But the other candidate on the stage, former Secretary of "
     "State Ann Lee, drew a contrast, saying that job losses were real.", "Ann Lee",
     "former Secretary of State Ann Lee"),
    # a clause after the comma, not an appositive: nobody named
    ("Tom Hale spoke. One pastor supporting Mr. Hale, Bob went home, said the race was close.", None, None),
])
def test_reported_speaker_is_the_appositive_name(text, speaker, mention):
    qs, _, _ = attribute(text, find_quotes(text)[0])
    items = [q for q in qs if q.kind == "reported"]
    assert items
    assert (items[0].attribution.speaker, items[0].attribution.mention if speaker else None) == (speaker, mention)


def test_quote_of_a_described_supporter_is_not_the_candidates():
    text = "Tom Hale won Iowa.\nOne pastor supporting Mr. Hale said: “We made 150 calls.”"
    (q,) = [q for q in attribute(text, find_quotes(text)[0])[0] if q.kind == "direct"]
    assert q.speaker is None and q.attribution.mention == "One pastor supporting Mr. Hale"
