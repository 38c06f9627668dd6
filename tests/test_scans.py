"""The quicker scans give what the plain ones give: quote marks found only where one can
start, cue words looked for only outside quotations, the stretches outside quotations."""
from types import SimpleNamespace

import regex
from hypothesis import given, settings, strategies as st

from quotecheck import quotes, reported
from quotecheck import words
from quotecheck.clauses import DocIndex, token_offsets

MARKY = st.text(alphabet=st.sampled_from(list("ab Z.,'’\"“”‘«» &#;qot\n\r\u2028`´")), max_size=80)


#: The token pattern with an unbounded run of marks: what the scanner must give.
PLAIN_TOKEN_RE = regex.compile(quotes._token_pattern("7,"))


def spans(matches):
    return [(m.lastgroup, m.start(), m.end()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKY, st.text(max_size=60)))
def test_mark_scan_matches_the_whole_pattern(text):
    assert list(quotes._token_matches(text)) == spans(PLAIN_TOKEN_RE.finditer(text))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 3), st.lists(st.sampled_from(['"', "“", "&quot;", " ", "\n", "x", "  "]), max_size=12),
       st.integers(1, 4))
def test_runs_of_marks_longer_than_a_chunk_are_one_token(extra, tail, chunks):
    # a run is matched a chunk at a time (the regex module keeps ~168 bytes per repeat of
    # a group until the match ends): the chunks must join into the unbounded pattern's run
    text = "a " + ("“ " if extra else "") + '"' * (quotes._RUN_CHUNK * chunks + extra - 1) + "".join(tail)
    assert list(quotes._token_matches(text)) == spans(PLAIN_TOKEN_RE.finditer(text))


def test_mark_scan_on_a_sentence():
    text = "“It’s over,” she said of the ''deal'' &amp; left.\n\nHe didn't." + "“" * 10
    got = [(text[s:e], g) for g, s, e in quotes._token_matches(text)]
    assert got == [("“", "m"), ("’", "apos"), ("”", "m"), ("''", "m"), ("''", "m"), ("&amp;", "ent"),
                   ("\n\n", "nl"), ("'", "apos"), ("“" * 10, "run")]


def quote(a, b):
    return SimpleNamespace(start=a, end=b)


QUOTE_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 15)), max_size=6).map(
    lambda xs: tuple(quote(a, a + n) for a, n in sorted(xs)))


@settings(max_examples=300, deadline=None)
@given(QUOTE_SPANS)
def test_outside_quotes_is_where_in_quote_is_false(qs):
    doc = DocIndex("x" * 50, qs)
    outside = {p for a, b in doc.outside_quotes() for p in range(a, b)}
    assert outside == {p for p in range(50) if not doc.in_quote(p)}


def test_outside_quotes_of_nested_quotes():
    # the inner quote ends the outer one's cover: in_quote reads the quote that starts last
    doc = DocIndex("x" * 30, (quote(2, 20), quote(5, 8), quote(25, 28)))
    assert doc.outside_quotes() == [(0, 2), (8, 25), (28, 30)]


WORDS = st.lists(st.sampled_from(["said", "says", "told", "He", "according", "to", "“", "”", ",", ".", "saidx",
                                  "xsaid", "she", "warned", "  ", "\n"]), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30)), max_size=4))
def test_cue_positions_in_spans_are_the_whole_scans(text, cuts):
    stretches, cur = [], 0
    for a, n in sorted(cuts):
        if a >= cur:
            stretches.append((a, min(len(text), a + n)))
            cur = a + n
    whole = reported._cue_positions(text)
    want = [(p, w) for p, w in whole if any(a <= p < b for a, b in stretches)]
    assert reported._cue_positions(text, stretches) == want


def test_cue_words_in_quotations_are_not_read_as_reported_speech():
    text = "Smith told reporters that the plan would fail. “They said the vote was rigged,” Jones added."
    doc = DocIndex(text, tuple(quotes.find_quotes(text)[0]))
    cues = [h.cue for _, h, _ in reported.find_reported(doc)]
    assert "told" in cues and "said" not in cues


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKY, st.text(max_size=80)), st.integers(1, 12), st.integers(0, 5))
def test_paragraph_tokens_read_in_chunks_are_the_tokens_read_whole(text, chunk, lo):
    # a long paragraph is tokenised a chunk at a time, cut at white space (its token
    # records at once were a passing 70 bytes per character)
    lo = min(lo, len(text))
    whole = words.tokens(text, lo, len(text))
    starts, ends = token_offsets(text, lo, len(text), chunk)
    assert list(zip(starts, ends)) == [(t.start, t.end) for t in whole]


TOKEN_TEXT = st.text(alphabet=st.sampled_from(list("ab Z.,'’\"“” \n")), max_size=120)
SPANS = st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(TOKEN_TEXT, SPANS)
def test_token_slices_are_the_same_reused_or_made_afresh(text, spans):
    # DocIndex reuses the Token records of its last slices; any sequence of asks (nested,
    # overlapping, repeated, in other paragraphs) gives what a fresh index gives, and a
    # caller changing its list changes nothing for the next caller
    doc = DocIndex(text, ())
    for lo, hi in spans + spans[::-1]:
        got = doc.toks(lo, hi)
        assert got == DocIndex(text, ()).toks(lo, hi)
        assert all(text[t.start:t.end] == t.text and lo <= t.start and t.end <= hi for t in got)
        got[:] = [words.Token(0, 0, "junk")]


def _named_plain(text: str, word: str) -> bool:
    """named_mid_sentence as first written: a find per word over the whole text."""
    i = text.find(word)
    while i != -1:
        if i >= 2 and text[i - 1] == " " and (text[i - 2].islower() or text[i - 2] == ",") and \
                (i + len(word) == len(text) or not (text[i + len(word)].isalnum() or text[i + len(word)] in "-'’.")):
            return True
        i = text.find(word, i + 1)
    return False


NAMEY = st.text(alphabet=st.sampled_from(list("ab RZ.,'’-\n")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(NAMEY, st.sampled_from(["Ra", "Rab", "R", "Z", "Ra-b", "R.Z.", "Zb'a"]))
def test_names_mid_sentence_gathered_once_are_the_ones_a_find_per_word_gives(text, word):
    # a name found followed by a dot counts with and without it ("said Ra." names Ra)
    plain = _named_plain(text, word) or _named_plain(text, word + ".")
    assert DocIndex(text, ()).named_mid_sentence(word) == plain
