"""Where a reported content ends by the shape of the sentence after it
(quotecheck/reported_bounds.py): the cases as data (``tests/cases/reported_bounds.tsv``: a
content moved to its boundary; ``reported_bounds_whole.tsv``: a content the readers leave as
it is), and properties of the readers for any text."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.reported_bounds import list_end


items = casefiles.reported


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_bounds.tsv", 3))
def test_content_bounds(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_bounds_whole.tsv", 3))
def test_content_left_as_is(text, content, mention):
    got = items(text)
    assert (content, mention) in got, got


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.and or the a he said Xy")), max_size=80), st.data())
def test_list_end_stays_in_the_sentence(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    se = data.draw(st.integers(e, len(text)))
    got = list_end(text, s, e, se)
    assert e <= got <= max(e, se)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_no_crash_on_any_text(text):
    items(text)
