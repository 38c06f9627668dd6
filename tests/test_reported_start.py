"""Where a reported content starts (quotecheck/reported_start.py): the cases as data
(``tests/cases/reported_start.tsv``: a start moved back by a rule; ``reported_start_none.tsv``:
a start the rules must leave), and properties of the rules for any text."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.clauses import DocIndex, Hit
from quotecheck.model import REPORTED
from quotecheck.quotes import find_quotes
from quotecheck.reported import find_reported
from quotecheck.reported_start import RULES, passive_subject_start


def reported(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    return [q for q in quotes if q.kind == REPORTED]


def items(text):
    return [(q.text, q.attribution.mention) for q in reported(text)]


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_start.tsv", 3))
def test_content_starts(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_start_none.tsv", 3))
def test_content_start_left(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


def test_rule_named_in_output():
    qs = reported("Many of her remarks about the budget were echoed by the mayor.")
    moved = [q for q in qs if q.text.startswith("Many")]
    assert moved and moved[0].rule.endswith("+passive-subject-head")
    assert all(0 < c <= 1 for c in RULES.values())


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_passive_subject_start_any_text(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    h = Hit(b, b, "", "criticize", "speech", ())
    pieces, _, _ = passive_subject_start(DocIndex(text, ()), ([(a, b)], h, "speech-passive"))
    for s, e in pieces:
        assert 0 <= s <= a and e == b


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abc of the was criticized by Many,. ", max_size=160))
def test_reader_spans_index_the_text(text):
    for pieces, _, _ in find_reported(DocIndex(text, ())):
        for s, e in pieces:
            assert 0 <= s < e <= len(text)
