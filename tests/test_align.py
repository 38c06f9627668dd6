"""Word normalisation and alignment of two quotations."""
from hypothesis import given, settings, strategies as st

from quotecheck.align import align, is_negation, stem, tokenize


def test_marks_case_apostrophes_and_hyphens_do_not_matter():
    a = tokenize("“We can’t accept a Military-Technical response,”")
    b = tokenize('"we can\'t accept a military technical response"')
    assert a.norms == b.norms
    assert align(a, b).relation == "identical"


def test_brackets_and_ellipses_are_gaps_not_words():
    t = tokenize("[Russia] will respond … harshly")
    assert t.norms == ("will", "respond", "harshly")
    assert t.gaps == {0: "bracket", 2: "ellipsis"}


def test_a_partial_quote_is_contained():
    al = align(tokenize("nowhere to retreat"), tokenize("We have nowhere to retreat further"))
    assert al.relation == "contained" and al.shorter == "a"
    assert [o.where for o in al.edges] == ["head", "tail"]


def test_ellipsis_gap_containment_and_middle_insertion():
    al = align(tokenize("We didn't do it … for peace"), tokenize("We didn't do it just to see it blocked but for peace"))
    assert al.relation == "contained"
    [gap] = al.middle
    assert gap.gap == "ellipsis" and gap.tag == "insert"
    al = align(tokenize("We didn't do it for peace"), tokenize("We didn't do it just for peace"))
    assert al.relation == "overlap"


def test_offsets_point_into_the_document():
    text = "He said “the flight time will be 7-10 minutes”."
    base = text.index("“") + 1
    t = tokenize(text[base:text.index("”")], base=base)
    for tok in t.tokens:
        assert text[tok.start:tok.end] == tok.raw


def test_negations_and_stems():
    assert is_negation("don't") and is_negation("never") and not is_negation("note")
    assert stem("measures") == stem("measure") and stem("troops") == stem("troop")


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_tokenize_never_raises_and_spans_are_exact(text):
    t = tokenize(text, base=0)
    for tok in t.tokens:
        assert text[tok.start:tok.end] == tok.raw
    assert all(0 <= i <= len(t.tokens) for i in t.gaps)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text())
def test_align_never_raises_and_counts_are_consistent(x, y):
    a, b = tokenize(x), tokenize(y)
    al = align(a, b)
    assert 0 <= al.matched <= min(len(a), len(b))
    assert al.longest <= al.matched
    if a.norms == b.norms and a.norms:
        assert al.relation == "identical"


def test_a_stray_word_does_not_stretch_the_shared_stretch():
    a = tokenize("It's an honor to be compared in the same breath at Tyler")
    b = tokenize("It's an honor to be compared in the same breath with Tyler. When I look at how hard he plays")
    al = align(a, b)
    # difflib pairs "at" with the "at" of "look at", five words on: a coincidence, so the
    # words after "breath" are a cut, not edits inside the shared stretch
    assert al.middle == ()
    assert [b.norms[o.j1:o.j2] for o in al.edges if o.tag == "equal"] == [("at",)]
