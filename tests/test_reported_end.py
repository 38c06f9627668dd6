"""Where a reported clause ends (quotecheck/reported_end.py): the cases as data
(``tests/cases/reported_end.tsv``: a content cut where the reporter's words start again;
``reported_end_whole.tsv``: a content the readers must leave whole), and properties of the
readers for any text."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.clauses import DocIndex
from quotecheck.model import REPORTED
from quotecheck.quotes import find_quotes
from quotecheck.reported import find_reported
from quotecheck.reported_end import appositive_end, concessive_end, end_cuts


items = casefiles.reported


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_end.tsv", 3))
def test_content_ends(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_end_whole.tsv", 3))
def test_content_left_whole(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


def test_second_predicate_has_its_own_cue():
    quotes, _, _ = attribute(*(lambda t: (t, find_quotes(t)[0]))(
        "The governor said the state would appeal and criticized the judge for his ruling."))
    rs = {q.text: q for q in quotes if q.kind == REPORTED}
    second = rs["the judge for his ruling"]
    assert second.attribution.cue == "criticized" and second.rule.startswith("second-predicate")


_WORDS = st.lists(st.sampled_from(["said", "and", "criticized", "called", "on", "a", "an", "move", ",", " ",
                                   "even", "as", "though", "—", "-", "the", "who", "was", "he", "X", "."]),
                  max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), _WORDS), st.data())
def test_end_readers_stay_in_the_span(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    for f in (concessive_end, appositive_end, end_cuts):
        assert s <= f(text, s, e) <= e or f(text, s, e) == e


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=160), _WORDS.map(lambda w: "Smith " + w)))
def test_items_index_the_text(text):
    for pieces, h, rule in find_reported(DocIndex(text, ())):
        for a, b in pieces:
            assert 0 <= a < b <= len(text)


@pytest.mark.parametrize("text", [row[0] for row in casefiles.rows("reported_end_none.tsv", 1)])
def test_tail_adjunct_is_no_content(text):
    assert items(text) == []


@pytest.mark.parametrize("text,tail", casefiles.rows("reported_quote_tail.tsv", 2))
def test_quote_tail_is_no_content(text, tail):
    got = [content for content, _ in items(text)]
    assert got and not any(tail in content for content in got), got
