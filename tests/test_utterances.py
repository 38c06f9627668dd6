"""utterances.sentence_bounds: the sentence around a quote, found by a bounded local look."""
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.utterances import SENTENCE_REACH, sentence_bounds


_PIECES = st.sampled_from(["Word ", "said. ", "U.S. ", "\n", "“we stay,” ", "He left. ", "x" * 97, " "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40), st.data())
def test_bounds_stay_in_the_line_and_reach(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = sentence_bounds(text, start, end)
    assert 0 <= s <= start <= end <= e <= len(text)
    assert "\n" not in text[s:start] and "\n" not in text[end:e]
    assert start - s <= SENTENCE_REACH and e - end <= SENTENCE_REACH


def test_a_line_break_beyond_the_reach_does_not_move_the_bounds():
    far = "a" * (SENTENCE_REACH + 50)
    text = "Intro.\n" + far + " Putin said “we stay.” Then " + far + "\nEnd."
    q0 = text.index("“")
    q1 = text.index("”") + 1
    s, e = sentence_bounds(text, q0, q1)
    assert s == q0 - SENTENCE_REACH
    assert e == q1 + SENTENCE_REACH
