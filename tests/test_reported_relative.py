"""reported_relative: the content after a cue inside a relative clause (``in which he laid
out X``, ``which he describes as X``, ``what he calls X``, ``, which he said CLAUSE``,
``issues she likes to campaign on``).  Cases are in tests/cases/reported_items.tsv; here,
properties over sentences built from the words these shapes are made of."""
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.model import REPORTED
from quotecheck.quotes import find_quotes

_WORDS = ["in", "during", "on", "which", "what", "he", "she", "the senator", "describes", "calls", "said",
          "wants", "to", "talk", "about", "as", "a plan", "his home", "the issue", ",", ".", "(", ")", "“",
          "”", "laid out", "tax", "Vermont", "Tuesday", "for", "é"]

sentences = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(sentences)
def test_pieces_index_the_text_and_lie_in_it(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    for r in (q for q in quotes if q.kind == REPORTED):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text


def test_the_relative_word_and_the_description_are_two_pieces():
    text = "The mayor spent the summer in Vermont, which he describes as his real home."
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    got = {q.text for q in quotes if q.kind == REPORTED}
    assert {"which", "his real home"} <= got, got
