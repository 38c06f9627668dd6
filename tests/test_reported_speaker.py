"""The readings of quotecheck.reported_speaker added for issue 12 (branch rspeaker10): cases
written for the tests, the way news is written, and properties of ``relative_antecedent``."""
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.clauses import DocIndex
from quotecheck.model import REPORTED
from quotecheck.quotes import find_quotes
from quotecheck.reported_speaker import relative_antecedent
from quotecheck.words import tokens


def items(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    return [q for q in quotes if q.kind == REPORTED]


def test_who_before_a_by_gerund_names_its_antecedent():
    text = ("It was a rebuke to Senator Tom Hale, who last week surprised his party by declaring "
            "that he would not vote for the bill.")
    (item,) = [q for q in items(text) if q.text.startswith("he would not")]
    assert item.attribution.mention == "who"
    assert item.attribution.speaker == "Tom Hale"
    assert "/by-gerund-subject/" in item.attribution.rule


def test_relative_antecedent_of_who_and_of_other_words():
    text = "The mayor, who spoke on Friday, said the plan was dead."
    doc = DocIndex(text, ())
    who = tuple(t for t in tokens(text, 0, len(text)) if t.text == "who")
    assert [t.text for t in relative_antecedent(doc, who)] == ["The", "mayor"]
    mayor = tuple(tokens(text, 0, len(text))[:2])
    assert relative_antecedent(doc, mayor) == ()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Who,who.The Lee ")), max_size=60), st.data())
def test_relative_antecedent_indexes_the_text_before_the_pronoun(text, data):
    toks = tokens(text, 0, len(text))
    if not toks:
        return
    k = data.draw(st.integers(0, len(toks) - 1))
    got = relative_antecedent(DocIndex(text, ()), (toks[k],))
    assert all(text[t.start:t.end] == t.text and t.end <= toks[k].start for t in got)
