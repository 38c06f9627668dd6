"""Paragraphs and sentences: exact spans on ordinary and on odd text."""
import regex
from hypothesis import given, settings, strategies as st

from quotecheck import text as T
from quotecheck.text import paragraphs, sentences, split_sentences

NONSPACE = regex.compile(r"[^\s\x1c-\x1f]")


def texts(spans):
    return [s.text for s in spans]


# --- paragraphs --------------------------------------------------------------------------

def test_paragraphs_one_per_line_and_blank_lines_skipped():
    t = "WASHINGTON (AP) — The senator spoke.\n\n“No,” she said.\nHe left.\n"
    assert texts(paragraphs(t)) == ["WASHINGTON (AP) — The senator spoke.", "“No,” she said.", "He left."]


def test_paragraphs_crlf_lone_cr_and_unicode_separators():
    t = "One.\r\nTwo.\rThree.\u2028Four.\u2029Five.\x0cSix.\x85Seven."
    assert texts(paragraphs(t)) == ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven."]


def test_paragraph_of_no_break_spaces_only_is_blank():
    assert texts(paragraphs("A.\n\u00a0\u00a0 \t\nB.")) == ["A.", "B."]


def test_paragraph_keeps_its_leading_space_so_offsets_are_line_offsets():
    t = "  Indented line.\nNext."
    [p, q] = paragraphs(t)
    assert (p.start, p.end) == (0, 16) and t[q.start:q.end] == "Next."


def test_paragraph_with_nul_and_controls_is_still_a_paragraph():
    t = "He\x00 said \x1b[31mno\x1b[0m.\nNext\x07."
    assert texts(paragraphs(t)) == ["He\x00 said \x1b[31mno\x1b[0m.", "Next\x07."]


def test_megabyte_line_is_one_paragraph():
    t = "word " * 200_000
    [p] = paragraphs(t)
    assert (p.start, p.end) == (0, len(t))


# --- sentences ---------------------------------------------------------------------------

def test_sentences_abbreviations_and_paragraphs():
    t = "Dr. Smith left at 5 p.m. on Sept. 11. He was tired.\nNew line"
    assert texts(sentences(t)) == ["Dr. Smith left at 5 p.m. on Sept. 11.", "He was tired.", "New line"]


def test_closing_quote_stays_with_its_sentence():
    t = "“We will win.” The crowd cheered. “Really?” he asked."
    assert texts(sentences(t)) == ["“We will win.”", "The crowd cheered.", "“Really?” he asked."]


def test_sentences_never_cross_a_line_break():
    t = "The president said\nthat he would veto it."
    assert texts(sentences(t)) == ["The president said", "that he would veto it."]


def test_sentences_are_trimmed_of_no_break_spaces():
    t = "\u00a0He left.\u00a0 She stayed.\u00a0"
    assert texts(sentences(t)) == ["He left.", "She stayed."]


def test_trailing_unit_separator_is_not_lost():
    # Punkt strips with str.rstrip, which drops U+001F; it is still text for us.
    t = "He left. She stayed x\x1f"
    spans = sentences(t)
    assert spans[-1].end == len(t) - 1 or spans[-1].end == len(t)
    covered = "".join(s.text for s in spans)
    assert "x" in covered


def test_dense_sentence_ends_go_to_the_simple_splitter_with_a_warning():
    t = "a. " * 2000
    spans, warnings = split_sentences(t)
    assert [w.code for w in warnings] == ["sentences-simple"]
    assert len(spans) == 2000 and spans[0].text == "a."


def test_many_short_dense_lines_get_one_warning_and_the_simple_splitter():
    t = "a. b. c. d.\n" * 500
    spans, warnings = split_sentences(t)
    assert [w.code for w in warnings] == ["sentences-simple"]
    assert "500 paragraph(s)" in warnings[0].message
    assert len(spans) == 2000


def test_a_dense_byline_in_ordinary_news_keeps_punkt():
    t = "By J.R.R. Smith Jr. and A. B. C. Jones.\n" + ("The governor said the plan would cost "
         "about $3 billion over the next decade and would not raise taxes. ") * 40
    assert split_sentences(t)[1] == ()


def test_ordinary_long_paragraph_stays_with_punkt():
    t = ("The governor, who spoke to reporters on Tuesday, said the plan would cost "
         "about $3 billion over the next decade and would not raise taxes. ") * 30
    spans, warnings = split_sentences(t)
    assert warnings == () and len(spans) == 30


def test_punkt_failure_falls_back_with_a_warning(monkeypatch):
    class Broken:
        def span_tokenize(self, text):
            raise IndexError("boom")

    monkeypatch.setattr(T, "_punkt", lambda: Broken())
    spans, warnings = split_sentences("He left. She stayed.\nNext one.")
    assert texts(spans) == ["He left.", "She stayed.", "Next one."]
    assert [w.code for w in warnings] == ["sentences-fallback"]  # one for the document
    assert "2 paragraph(s)" in warnings[0].message and "IndexError: boom" in warnings[0].message
    assert (warnings[0].start, warnings[0].end) == (0, 30)


def test_punkt_overlap_is_caught(monkeypatch):
    class Overlapping:
        def span_tokenize(self, text):
            return [(0, 5), (3, len(text))]

    monkeypatch.setattr(T, "_punkt", lambda: Overlapping())
    spans, warnings = split_sentences("He left. She stayed.")
    assert [w.code for w in warnings] == ["sentences-fallback"]
    assert texts(spans) == ["He left.", "She stayed."]


def test_odd_inputs():
    for t in ["", " ", "\n\n", ".", "...", "!?!?", "“", "”.", "'" * 1000, "\x00", "\ud800 x. Y.",
              ". " * 10, "a" * 10_000 + ". B.", "Mr. " * 500, "\r\r\r.\r"]:
        check_spans(t, sentences(t))


# --- properties --------------------------------------------------------------------------

def check_spans(text, spans, *, trimmed=True):
    """Spans index the text exactly, are in order, do not overlap, and cover every
    non-space character."""
    last = 0
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.start >= last, "overlap or out of order"
        assert not NONSPACE.search(text, last, s.start), "non-space text left out"
        if trimmed:
            assert s.text and NONSPACE.match(s.text[0]) and NONSPACE.match(s.text[-1])
        last = s.end
    assert not NONSPACE.search(text, last), "non-space text left out at the end"


NEWSY = st.lists(st.sampled_from([
    "He", "said", "Mr.", "Dr.", "U.S.", "p.m.", "5", "3.5", "Sept.", "e.g.", "...", "…", ".",
    "!", "?", "“", "”", '"', "'", "‘", "’", "(", ")", "--", "—", " ", " ", " ", "\n", "\r\n",
    "\r", "\u00a0", "\t", "\x00", "\x1b[0m", "\x1f", "\u2029", "Trump", "WASHINGTON", "a",
]), max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_sentences_never_raise_and_keep_the_invariants(text):
    spans, warnings = split_sentences(text)
    check_spans(text, spans)
    # Punkt itself neither raised nor returned overlapping spans on this text
    assert "sentences-fallback" not in [w.code for w in warnings]
    paras = paragraphs(text)
    check_spans(text, paras, trimmed=False)
    # No sentence crosses a paragraph boundary.
    for s in spans:
        assert any(p.start <= s.start and s.end <= p.end for p in paras)


@settings(max_examples=150, deadline=None)
@given(NEWSY)
def test_simple_splitter_keeps_the_invariants(text):
    spans = [T.Span(s, e, text[s:e]) for s, e in T._simple_spans(text, 0, len(text))]
    check_spans(text, spans)


@settings(max_examples=100, deadline=None)
@given(NEWSY, st.sampled_from(["\n", "\r\n", "\r"]))
def test_line_break_style_does_not_change_the_sentences(text, br):
    a = text.replace("\r\n", "\n").replace("\r", "\n")
    b = a.replace("\n", br)
    assert texts(sentences(a)) == texts(sentences(b))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .!?…”’\")(“‘\n\t2") + ["Sen.", "U.S.", "J.", "He", "inc.", "Mr."]),
                max_size=40).map("".join), st.data())
def test_sentence_breaks_stay_inside_their_window_and_end_at_a_mark(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    prev = lo
    for end, nxt in T.sentence_breaks(text, lo, hi):
        assert prev <= end - 1 and end <= nxt <= hi
        # between the sentences: closing quotes and brackets, then white space
        assert text[end - 1] in ".!?…" and not regex.sub(r"[\s'’\"”)\]]", "", text[end:nxt])
        prev = nxt


def test_sentence_breaks_skip_titles_initials_and_abbreviations():
    t = "Sen. J. Smith met officials in the U.S. Then he left. He said Roe v. Wade stands. Inc. Co. Ltd. Then."
    ends = [t[:e].split()[-1] for e, _ in T.sentence_breaks(t, 0, len(t))]
    assert ends == ["left.", "stands."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .!?…”’\")(“‘[\n\t2 ") + ["Sen.", "U.S.", "J.", "He", "inc.", "Mr.", ". “("]),
                max_size=50).map("".join), st.data())
def test_break_index_gives_each_window_what_its_scan_gives(text, data):
    # BreakIndex finds the breaks once; any window's lookup is that window's own scan
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert T.BreakIndex(text).within(lo, hi) == list(T.sentence_breaks(text, lo, hi))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab. \t\n\x1c\x1f\u00a0\u2028\u3000") + ["U.S.", "Mr."]), max_size=30).map("".join),
       st.data())
def test_the_word_before_a_dot_is_read_back_to_any_white_space(text, data):
    # breaks_sentence finds the word before a full stop with one reverse scan: the same
    # place as stepping back while str.isspace is false
    j = data.draw(st.integers(0, len(text)))
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    m = T._SPACE_BEFORE.search(text, 0, j)
    assert (m.end() if m is not None else 0) == k
