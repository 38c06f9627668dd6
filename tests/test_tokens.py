"""words.tokens builds its tokens with C loops over a standard-library pattern; these
tests hold it to the plain reading with the ``regex`` pattern, one Match per token."""
import regex
from hypothesis import assume, given, settings, strategies as st

from quotecheck import words


def same_unicode(text):
    """Python's Unicode database and the ``regex`` module's are of different versions; a
    character assigned in one only (a CJK ideograph added in Unicode 15.1) may read as a
    letter in one and a mark in the other.  The equivalence holds where both agree."""
    return all(c.isalnum() == bool(regex.match(r"[\p{L}\p{N}]", c)) for c in text)


def plain_tokens(text, start=0, end=None):
    """The reference reading: every match of ``words._TOKEN``, a full stop split off
    words whose final dot ends a sentence."""
    end = len(text) if end is None else end
    out = []
    for m in words._TOKEN.finditer(text, start, end):
        w, (s, e) = m.group(), m.span()
        if w[-1] == "." and len(w) > 1 and words._splits_dot(w):
            out += [words.Token(s, e - 1, w[:-1]), words.Token(e - 1, e, ".")]
        else:
            out.append(words.Token(s, e, w))
    return out


NEWSY = st.text(alphabet=st.sampled_from(list("ab AZ.'’-,\n\t\u00a0\u2009\x1c\u200b_2½é“”\u0301\u0303Ã©±«")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), NEWSY), st.data())
def test_tokens_match_the_plain_reading(text, data):
    assume(same_unicode(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert words.tokens(text) == plain_tokens(text)
    assert words.tokens(text, start, end) == plain_tokens(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_tokens_index_the_text(text):
    for t in words.tokens(text):
        assert text[t.start:t.end] == t.text and not regex.match(r"\s", t.text)


def test_tokens_keep_abbreviations_and_split_full_stops():
    got = [t.text for t in words.tokens("Sen. Lee of the U.S. said no.\u2009Mr. X.")]
    assert got == ["Sen.", "Lee", "of", "the", "U.S.", "said", "no", ".", "Mr.", "X."]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), NEWSY), st.data())
def test_token_spans_are_the_offsets_of_tokens(text, data):
    # what DocIndex keeps per paragraph: the offsets alone, read without Token records
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for a, b in ((0, len(text)), (start, end)):
        toks = words.tokens(text, a, b)
        assert words.token_spans(text, a, b) == ([t.start for t in toks], [t.end for t in toks])


def test_decomposed_accents_and_misdecoded_letters_stay_in_their_word():
    # made-up names: "José Peña" in decomposed form (e + U+0301, n + U+0303), and "Peña"
    # and "Trévidic" with their UTF-8 read as Windows-1252, composed and decomposed
    text = "Jose\u0301 Pen\u0303a met Ana Pe\u00c3\u00b1a and Marc TrA\u0303\u00a9vidic."
    got = [t.text for t in words.tokens(text)]
    assert got == ["Jose\u0301", "Pen\u0303a", "met", "Ana", "Pe\u00c3\u00b1a", "and", "Marc",
                   "TrA\u0303\u00a9vidic", "."]
    assert got == [t.text for t in plain_tokens(text)]
    # a mark after another letter, and « after Ã (a quotation mark too), stay tokens of their own
    assert [t.text for t in words.tokens("Lee\u00a9 \u00c3\u00abx")] == ["Lee", "\u00a9", "\u00c3", "\u00ab", "x"]
