"""What the words around a name call the person (quotecheck/titles_said.py): abbreviated
titles, party-and-state tags, a second appositive, a description in apposition before."""
from hypothesis import given, settings, strategies as st

from quotecheck import titles_said as ts


def test_an_abbreviated_title_is_spelled_out():
    assert ts.spelled_out("Sen.") == "senator"
    assert "governor" in ts.spelled_out("Former Gov.")
    assert "congressman" in ts.spelled_out("Rep.")
    assert ts.spelled_out("the president") == ""


def test_a_party_tag_gives_party_and_state():
    assert ts.party_tag("Rep. Tom Hart (R-Wis.) said", 13) == "republican wisconsin"
    assert ts.party_tag("Sen. Ann Lee, D-N.Y., said", 12) == "democrat new york"
    assert ts.party_tag("Tom Hart (right) said", 8) == ""


def test_a_state_clash():
    assert ts.state_clash(("Florida",), "sen. republican iowa")
    assert not ts.state_clash(("Iowa",), "republican iowa")
    assert not ts.state_clash(("Florida",), "sen. republican")  # the text gave no state


def test_appositive_before_and_second_appositive():
    text = "He met the governor, Rick Adams, on Monday."
    assert ts.appositive_before(text, text.index("Rick")).strip() == "governor"
    text = "Like the governor, Hart said no."
    assert ts.appositive_before(text, text.index("Hart")) == ""
    text = "Jane Doe, 43, a former banker, said"
    assert ts.second_appositive(text, 8).strip() == "a former banker"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-5, max_value=220))
def test_no_crash_on_any_text_and_offset(text, k):
    for got in (ts.appositive_before(text, k), ts.second_appositive(text, k), ts.party_tag(text, k),
                ts.spelled_out(text)):
        assert isinstance(got, str)
    # what is read from the text is the text's own words
    assert ts.appositive_before(text, k) in text
    assert ts.second_appositive(text, k) in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=4), st.text(max_size=60))
def test_state_clash_never_crashes(mods, said):
    assert ts.state_clash(tuple(mods), said.lower()) in (True, False)
