"""Quantities: values, ranges, qualifiers, scales and units as journalists write them."""
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.numbers import quantities, words_value


def one(text):
    [q] = quantities(text)
    return q


@pytest.mark.parametrize("text, described", [
    ("in under five minutes", "max 5 minute"),
    ("reduced to 7-10 minutes", "7-10 minute"),
    ("7 to 10 minutes", "7-10 minute"),
    ("between seven and ten minutes", "7-10 minute"),
    ("as many as 175,000 troops", "max 175000 troop"),
    ("more than 300 people", "min 300 person"),
    ("nearly 40 percent", "approx 40 percent"),
    ("about 3.5 million", "approx 3500000"),
    ("a $2bn package", "2000000000 dollar"),
    ("twenty-one senators", "21 senator"),
    ("a dozen eggs", "12 egg"),
    ("one hundred and five days", "105 day"),
    ("up to 45% of voters", "max 45 percent"),
    ("£ 20", "20 pound"),
])
def test_journalistic_quantities(text, described):
    assert one(text).describe() == described


def test_decimal_never_equals_its_digits():
    assert one("3.5 million").key != one("35 million").key
    assert one("3.5").low == 3.5 and one("35").low == 35


def test_scale_suffix_equals_scale_word():
    assert one("$3.5m").low == one("3.5 million dollars").low == 3_500_000
    assert one("$3.5m").unit == one("3.5 million dollars").unit == "dollar"


def test_under_and_within_are_the_same_claim():
    assert one("under five minutes").key == one("within 5 minutes").key
    assert one("about five minutes").key != one("under five minutes").key


def test_vague_quantities_have_no_value_but_keep_their_unit():
    q = one("a few minutes' strike distance")
    assert q.vague and q.unit == "minute"
    assert one("several troops").vague


def test_words_that_are_not_numbers_are_ignored():
    assert quantities("COVID-19 arrived on the 1st") == ()


def test_clock_times_written_differently_agree():
    [a], [b], [c] = quantities("at 6:41pm PST"), quantities("at 18:41 local"), quantities("at 6.41 p.m.")
    assert a.key == b.key == c.key and a.unit == "time"
    assert quantities("0241 GMT")[0].low == quantities("02:41 GMT")[0].low
    assert words_value("five ten") is None


def test_two_figures_joined_by_and_stay_two():
    assert [q.describe() for q in quantities("five and ten minutes")] == ["5"]  # first figure kept, not 15


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_exact(text):
    for q in quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.low is None or q.high >= q.low


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_different_numerals_differ(x, y):
    a, b = one(f"sent {x} troops"), one(f"sent {y} troops")
    assert (a.key == b.key) == (x == y)


@pytest.mark.parametrize("x, y", [
    ("1-in-3 voters", "one-in-three voters"),
    ("1 In 3 voters", "one out of three voters"),
    ("3-to-1 odds", "three to one odds"),
    ("two-thirds of them", "2/3 of them"),
])
def test_proportions_written_differently_have_one_value(x, y):
    [a], [b] = quantities(x), quantities(y)
    assert (a.low, a.unit) == (b.low, b.unit)


def test_proportions_that_share_a_figure_differ():
    [a], [b] = quantities("one-in-three voters"), quantities("two-in-three voters")
    assert a.unit == b.unit == "share" and a.low != b.low
    assert quantities("7 to 10 minutes")[0].describe() == "7-10 minute"  # a range, not odds
    assert quantities("a third term") == ()  # an ordinal, not a fraction


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 9), st.integers(2, 12))
def test_a_ratio_in_words_and_digits_agree(n, m):
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
             10: "ten", 11: "eleven", 12: "twelve"}
    [a], [b] = quantities(f"{n}-in-{m} voters"), quantities(f"{words[n].title()} in {words[m]} voters")
    assert a.low == b.low == pytest.approx(n / m)
