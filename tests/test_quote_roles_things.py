"""Roles that make a quote a value, a class or a term (quotecheck.quote_roles): properties."""
from hypothesis import given, settings, strategies as st

from quotecheck import quote_roles as qr
from quotecheck.quote_context import Context
from quotecheck.quotes import find_quotes

_WORDS = st.sampled_from(["rating", "level", "status", "the", "a", "as", "an", "register", "counts", "introduced",
                          "him", "she", "Kim", "officially", "means", "is", "term", "diplomatic", "for", ":",
                          "international", "defined", "in", "by", ",", ".", "“", "”", "fresh", "top secret",
                          "\n", " ", "  ", "stands", "refers", "to", "said"])
_TEXT = st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, _TEXT)
def test_roles_are_words_of_the_text_and_read_a_bounded_stretch(before, inner, after):
    words = len(inner.split())
    ctx = Context(before, after, inner, words)
    r = qr.rating_value(ctx)
    assert r is None or (r in after[:40] and qr._table().get(r) == "rating")
    c = qr.category_as(before)
    assert c is None or (c in before[-60:] and qr._table().get(c.lower()) in ("category", "thing"))
    g = qr.glossed_term(inner, after, words)
    assert g is None or g == ":" or g.split()[0] in after[:60]
    # only the 60 characters next to the marks count: the cost per quote is constant
    if len(before) >= 60:
        assert qr.category_as("x " * 300 + before) == c
    if len(after) >= 60:  # (a shorter stretch may end where the padding begins a gloss: ": x")
        assert qr.glossed_term(inner, after + " x" * 300, words) == g
    if len(after) >= 60:  # (the text before is never read)
        assert qr.rating_value(Context("x " * 300 + before, after + " x" * 300, inner, words)) == r
    got = qr.role(ctx)
    assert got is None or (got[0] == "scare" and got[1] in qr.CONFIDENCE and "confidence" in got[2])


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_quotes_in_any_text_keep_their_spans(text):
    for q in find_quotes(text)[0]:
        assert text[q.start:q.end] == q.text


def test_a_role_needs_the_quote_next_to_its_word():
    assert qr.rating_value(Context("a ", ", rating", "fresh", 1)) is None  # punctuation between
    assert qr.rating_value(Context("a ", " Rating", "fresh", 1)) is None  # a name, not the scale
    assert qr.category_as("whom Bush introduced as ") is None
    assert qr.category_as("registered voters as ") is None
    assert qr.glossed_term("three things", ": she would cut taxes", 2) is None
    assert qr.glossed_term("a b c d e", ": the gloss", 5) is None  # too long for a term
