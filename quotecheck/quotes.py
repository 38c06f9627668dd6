"""Finding quotations: pairing quotation marks and telling speech from other quoted text.

The finder works in three steps, each a small function below:

1. :func:`scan_marks` reads every quotation mark (and HTML entity standing for one) in
   one linear regex pass and decides what each mark can be -- an opening mark, a closing
   mark, either, or an apostrophe -- from the characters on either side of it.
2. :func:`pair_marks` pairs them paragraph by paragraph with a small stack: single marks
   nest inside double ones (and the reverse, British style), a paragraph that ends inside
   a quote continues into the next one when that paragraph re-opens the mark (news style),
   and a mark that finds no partner is closed at a sensible boundary with a Warning
   instead of swallowing the rest of the article.
3. :func:`quotecheck.quote_kinds.classify` decides for each span whether it is someone's words (``direct``,
   ``partial``, ``nested``) or something else that happens to be quoted (``title``,
   ``scare``, ``other``), from the words inside and the reporter's sentence around it.

The text is never rewritten: every offset indexes the caller's string, HTML entities are
marks in place, no-break spaces and CRLF line ends are just white space.  Every pattern
here is a character class, a fixed alternation or an anchored scan: nothing can
backtrack, so the run time is linear in the length of the text.  Hostile input is kept
linear too: a run of eight or more marks is one skipped token (``mark-run``), quotes nest
at most :data:`_MAX_DEPTH` deep (``nesting-too-deep``), and a paragraph flooded with quotes
is judged by the quotes' own words only.

Every quote carries the rule that gave it its kind (``rule``) and the evidence in words
(``reason``); the measured accuracy and the remaining errors are in ``docs/accuracy.md``.
"""
from __future__ import annotations

import functools
import html
import itertools
import operator
import re as _re
import sys
import unicodedata
from array import array
from typing import Iterable, NamedTuple, Optional

import regex

from . import lexicon
from .model import Quote, Warning
from .quote_kinds import classify
from .quote_saying import _CUE_WORD_RE

# --- lexicons ------------------------------------------------------------------------


class MarkKind(NamedTuple):
    family: str  # "double" or "single"
    default: str  # "open", "close" or "either"
    guillemet: bool = False


_GUILLEMET_SPACES = " \u00a0\u202f\u2009"


@functools.lru_cache(maxsize=1)
def mark_table() -> dict:
    """How each written mark (or HTML entity) reads, from ``data/marks.tsv``.

    >>> mark_table()["“"]
    MarkKind(family='double', default='open', guillemet=False)
    >>> mark_table()["&quot;"].default
    'either'
    """
    table = {}
    for ln in lexicon.lines("marks.tsv"):
        written, family, default = ln.split("\t")[:3]
        table[written] = MarkKind(family, default, "guillemet" in ln)
    return table


@functools.lru_cache(maxsize=1)
def _elisions() -> tuple:
    """Words that start with an apostrophe (’em, ’til, rock ’n’ roll), longest first,
    written with a straight apostrophe."""
    return tuple(sorted(lexicon.words("quotes_elisions.txt"), key=len, reverse=True))


# --- step 1: marks -------------------------------------------------------------------

# One pass finds line breaks (paragraph ends) and every candidate mark.  Entities are
# matched by shape and looked up afterwards, so an unknown entity costs nothing.
_MARK_CHARS = "\"“”„‟«»″‘’‚‛'`´′‹›"
_MARK_UNIT = r"(?:[" + regex.escape(_MARK_CHARS) + r"]|&\#?+\w{2,8}+;)"


def _token_pattern(run_repeat: str) -> str:
    """The token pattern, with ``{run_repeat}`` marks after the first in a mark run."""
    return (
        # Eight or more marks in a row (white space between at most) are never quoting:
        # one token, skipped with a warning, so a flood of marks costs one regex step.
        r"(?P<run>" + _MARK_UNIT + r"(?:\s?+" + _MARK_UNIT + r"){" + run_repeat + r"}+)"
        r"|(?P<nl>[\r\n\u2028\u2029\x0b\x0c\x85]++)"
        # an apostrophe between letters (don’t, O’Brien) is the commonest mark: skip it here
        r"|(?P<apos>(?<=[^\W_])['’](?=[^\W_]))"
        r"|(?P<ent>&(?:[a-zA-Z]{2,8}+|\#[0-9]{1,7}+|\#[xX][0-9a-fA-F]{1,6}+);)"
        r"|(?P<m>``|''|[\"“”„‟«»″‘’‚‛'`´′‹›])"
    )


# The `regex` module keeps about 168 bytes per iteration of a repeated group, possessive or
# not, until the match ends (336 bytes per character of a run of marks).  A run is matched
# at most _RUN_CHUNK marks at a time and continued by _RUN_MORE_RE, which gives the same
# end as one unbounded possessive repeat (each iteration is one mark, tried on its own).
_RUN_CHUNK = 1000
_TOKEN_RE = regex.compile(_token_pattern(f"7,{_RUN_CHUNK}"))
_RUN_MORE_RE = regex.compile(r"(?:\s?+" + _MARK_UNIT + r"){1," + str(_RUN_CHUNK) + r"}+")
# Every match of _TOKEN_RE starts at a mark, an ampersand or a line break: the standard
# library finds those (a C loop over a set of characters, several times quicker than trying
# the whole pattern at every position), and _TOKEN_RE is tried only there.
_TOKEN_START_RE = _re.compile("[" + _re.escape(_MARK_CHARS + "&\r\n\u2028\u2029\x0b\x0c\x85") + "]")
_TWO_DIGIT_YEAR_RE = regex.compile(r"\d\d(?:s\b|(?!\d))")


class Mark(NamedTuple):
    """One quotation mark as found: where it is, what is written, and what it can be.

    ``role`` is ``open``, ``close``, ``either``, ``weak-close`` (a closing single mark
    that may also be a plural possessive: farmers’), ``measure`` (a prime after a
    digit) or ``apostrophe``; ``why`` says which rule decided."""

    start: int
    end: int
    written: str
    family: str
    role: str
    why: str
    para: int


# Character classes of a mark's neighbours.
_S, _W, _O, _P, _M = "space", "word", "opening", "punct", "mark"


@functools.lru_cache(maxsize=4096)
def _char_class(ch: str) -> str:
    """Class of a neighbouring character: space (white space, invisible format
    characters and the text's edge), word, opening punctuation (brackets, dashes,
    slash) or other punctuation."""
    if not ch or ch.isspace() or unicodedata.category(ch) == "Cf":
        return _S
    if ch.isalnum():
        return _W
    if ch in "([{—–/<":
        return _O
    return _P


@functools.lru_cache(maxsize=None)
def _elision_why(el: str) -> str:
    """The ``why`` of an elision, one string per elision."""
    return f"elision {el}"


def _resolve(written: str) -> Optional[MarkKind]:
    """The kind of a written mark or entity; None for entities that are not marks."""
    table = mark_table()
    kind = table.get(written)
    if kind is not None or not written.startswith("&"):
        return kind
    if written.startswith("&#"):
        try:
            n = int(written[3:-1], 16) if written[2] in "xX" else int(written[2:-1])
            ch = chr(n)
        except (ValueError, OverflowError):
            return None
        return table.get(ch)
    return table.get(html.unescape(written))  # &prime; &Prime; ...; unknown names stay as written


def _role(text: str, s: int, e: int, kind: MarkKind, pc: str, nc: str, skip: set) -> tuple:
    """Decide what one mark can be from its neighbours: ``(role, why)``.

    A mark with a space (or opening bracket, or another mark) before it and a word
    after it opens; with a word or punctuation before it and a space or punctuation
    after it, it closes.  Otherwise the written glyph decides (“ opens, ” closes) and
    straight marks are left to the balance of the paragraph.  Single marks between
    letters are apostrophes (don’t, O’Brien), and so are elisions (’em, ’90s,
    rock ’n’ roll); a single mark after an s may be a plural possessive (farmers’).
    """
    if kind.family == "single":
        if pc == _W and nc == _W:
            return "apostrophe", "between letters"
        if nc == _W and pc != _W:
            if _TWO_DIGIT_YEAR_RE.match(text, e):
                return "apostrophe", "elided century"
            low = text[e:e + 8].lower().replace("’", "'")
            for el in _elisions():
                body = el[1:]
                if low.startswith(body) and not (text[e + len(body):e + len(body) + 1].isalnum()):
                    if body.endswith("'"):
                        skip.add(e + len(body) - 1)
                    return "apostrophe", _elision_why(el)
        if pc == _W and nc in (_S, _P) and text[s - 1] in "sSzZ":
            return "weak-close", "after s: closing mark or plural possessive"
    if kind.default == "either" and pc == _W and nc != _W and text[s - 1].isdigit():
        return "measure", "after a digit: inches, feet or seconds unless a quote is open"
    can_open = pc in (_S, _O, _M) and nc != _S
    can_close = pc not in (_S, _O) and nc in (_S, _P, _M, _O)
    if can_open and not can_close:
        return "open", "space before, text after"
    if can_close and not can_open:
        return "close", "text before, space after"
    return kind.default, _WRITTEN_WHY[kind.default]


#: ``why`` of a mark its glyph decides, one string each (not one per mark).
_WRITTEN_WHY = {d: f"written {d}" for d in ("open", "close", "either")}


def scan_marks(text: str) -> list:
    """Every quotation mark in ``text``, in order, with what it can be (apostrophes
    between letters are skipped by the scanner itself, being the commonest mark).

    >>> [(m.written, m.role) for m in scan_marks("“Don’t,” she said of the ’90s.")]
    [('“', 'open'), ('”', 'close'), ('’', 'apostrophe')]
    >>> [m.role for m in scan_marks('He said &quot;no&quot;.')]
    ['open', 'close']
    """
    return _scan(text)[0]


_NL_RE = regex.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]++")


def _token_matches(text: str):
    """``(group, start, end)`` of every match of the token pattern in ``text``, as an
    unbounded ``finditer`` gives them (left to right, none overlapping, a run of marks
    whole), tried only where one can start (``_TOKEN_START_RE``).

    >>> t = "He said “don’t” &amp; ''left''.\\n"
    >>> [(t[s:e], g) for g, s, e in _token_matches(t)]
    [('“', 'm'), ('’', 'apos'), ('”', 'm'), ('&amp;', 'ent'), ("''", 'm'), ("''", 'm'), ('\\n', 'nl')]
    >>> [(g, s, e) for g, s, e in _token_matches("x" + '"' * 2500)]
    [('run', 1, 2501)]
    """
    match = _TOKEN_RE.match
    more = _RUN_MORE_RE.match
    end = 0
    for c in _TOKEN_START_RE.finditer(text):
        p = c.start()
        if p < end:
            continue  # inside the last match (a run of marks, an entity, line breaks)
        m = match(text, p)
        if m is not None:
            end = m.end()
            group = m.lastgroup
            if group == "run":
                while (r := more(text, end)) is not None:
                    end = r.end()
            yield group, p, end


#: Each mark as the one string the table holds, so a mark found 100 000 times is not
#: 100 000 strings (the quotes' ``marks`` are built from these).
@functools.lru_cache(maxsize=1)
def _canonical_marks() -> dict:
    return {w: w for w in mark_table()}


class Lines:
    """The ``(start, end)`` of each line of a text, kept as two arrays of offsets (16
    bytes a line; a list of tuples was 112, and text of short lines has a line every few
    characters).  Indexing gives the tuple; ``starts`` is the array of starts.

    >>> lines = Lines()
    >>> lines.append((0, 3)); lines.append((4, 9))
    >>> len(lines), lines[1], lines[-1], list(lines)
    (2, (4, 9), (4, 9), [(0, 3), (4, 9)])
    """

    __slots__ = ("starts", "ends", "open_start")

    def __init__(self):
        self.starts, self.ends = array("q"), array("q")
        #: where the line not yet appended starts (set by the scan as it reads)
        self.open_start = 0

    def start_of(self, i: int) -> int:
        """The start of line ``i``, also of the line the scan is still reading."""
        return self.starts[i] if i < len(self.starts) else self.open_start

    def append(self, span: tuple) -> None:
        self.starts.append(span[0])
        self.ends.append(span[1])

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> tuple:
        return self.starts[i], self.ends[i]

    def __iter__(self):
        return zip(self.starts, self.ends)


def _tokens(text: str, paras: Lines, runs: list):
    """``(start, end, written, kind, paragraph)`` of each mark or entity standing for one,
    in order; appends the ``(start, end)`` of every line to ``paras`` and of every run of
    marks to ``runs`` as it goes (the last line once the text is read)."""
    canonical = _canonical_marks()
    line_start = 0
    para = 0  # len(paras), one int object for the marks of a line (not one per mark)
    for group, s, e in _token_matches(text):
        if group == "apos":
            continue
        if group == "nl":
            paras.append((line_start, s))
            line_start = paras.open_start = e
            continue
        if group == "run":
            runs.append((s, e))
            for nl in _NL_RE.finditer(text, s, e):
                paras.append((line_start, nl.start()))
                line_start = paras.open_start = nl.end()
            continue
        written = text[s:e]
        kind = _resolve(written)
        if kind is not None:
            if para != len(paras):
                para = len(paras)
            yield s, e, canonical.get(written, written), kind, para
    paras.append((line_start, len(text)))


def _scan(text: str) -> tuple:
    """``(marks, paragraphs, runs)``: the marks as a list; the ``(start, end)`` of every
    line of the text (a mark's ``para`` indexes this list); the runs of marks skipped."""
    paras = Lines()
    runs: list = []
    return list(_marks(text, paras, runs)), paras, runs


def _marks(text: str, paras: Lines, runs: list):
    """Every mark of ``text`` as a :class:`Mark`, in order, filling ``paras`` and
    ``runs`` as it reads (see :func:`_tokens`).

    The marks are read in one pass with one mark of look-ahead (whether a mark touches
    the next one), so nothing is kept per mark: the pairing reads them as they come
    (a list of every mark was 170 bytes a mark, most of the memory of text dense in marks)."""
    skip: set = set()
    n = len(text)
    tokens = _tokens(text, paras, runs)
    cur = next(tokens, None)
    prev_end = -1
    while cur is not None:
        nxt = next(tokens, None)
        s, e, written, kind, p = cur
        if s in skip:
            skip.discard(s)
            yield Mark(s, e, written, kind.family, "apostrophe", "end of elision", p)
        else:
            # French style puts a (thin) space inside guillemets: look past it.
            ps = s - 1 if kind.guillemet and s > 1 and text[s - 1] in _GUILLEMET_SPACES else s
            ne = e + 1 if kind.guillemet and e + 1 < n and text[e] in _GUILLEMET_SPACES else e
            # only the mark just before can end where this one's left neighbour is, and
            # only the next one can start at its right neighbour (marks never overlap)
            pc = _M if ps == prev_end else _char_class(text[ps - 1] if ps > 0 else "")
            nc = _M if nxt is not None and ne == nxt[0] else _char_class(text[ne] if ne < n else "")
            role, why = _role(text, s, e, kind, pc, nc, skip)
            yield Mark(s, e, written, kind.family, role, why, p)
        prev_end = e
        cur = nxt


# --- step 2: pairing -----------------------------------------------------------------


class Pair(NamedTuple):
    """A quoted span before classification.  ``close`` is None when the quote was
    never closed; ``flags`` name the recovery rules that shaped it
    (``multi-paragraph``, ``unclosed``, ``reversed-open``, ``continued``)."""

    id: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    family: str
    parent: Optional[int]  # id of the enclosing pair
    flags: tuple
    # The marks are kept as their offsets above, their lines and one shared
    # ``(written, family, role, why)`` tuple each, not as two Mark records (a pair with
    # its marks was about 310 bytes, most of the finder's memory on text dense in marks).
    para: int  # the line of the opening mark
    open_as: tuple
    close_as: Optional[tuple]
    close_para: int

    @property
    def open(self) -> Mark:
        """The opening mark."""
        written, family, role, why = self.open_as
        return Mark(self.start, self.inner_start, written, family, role, why, self.para)

    @property
    def close(self) -> Optional[Mark]:
        """The closing mark; None when the quote was never closed."""
        if self.close_as is None:
            return None
        written, family, role, why = self.close_as
        return Mark(self.inner_end, self.end, written, family, role, why, self.close_para)


_para_of = operator.attrgetter("para")
_start_of = operator.attrgetter("start")
_id_of = operator.attrgetter("id")
_end_of = operator.attrgetter("end")


class _Open:
    """A quote opened and not yet closed while pairing."""

    __slots__ = ("id", "mark", "family", "parent", "flags", "para")

    def __init__(self, id, mark, parent, flags=()):
        self.id, self.mark, self.family, self.parent = id, mark, mark.family, parent
        self.flags = tuple(flags)
        self.para = mark.para


def _is_blank(text: str, start: int, end: int) -> bool:
    """Nothing but white space and invisible format characters between the offsets."""
    return all(_char_class(c) == _S for c in text[start:end])


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing white space, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _detached_close(text: str, mk: Mark) -> bool:
    """An opening-looking mark, met while a quote is open, that is really its closing
    mark pushed onto the next word (tokenised text: ``progress, “said Stefanski``):
    sentence punctuation before it, a lower-case verb of saying after it.

    >>> t = "“We were not progressing, “said Stefanski."
    >>> _detached_close(t, scan_marks(t)[1])
    True
    """
    i = mk.start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = mk.end
    while j < len(text) and text[j] == " ":
        j += 1
    if not (i > 0 and text[i - 1] in ",.!?…" and j < len(text) and text[j].islower()):
        return False
    m = _CUE_WORD_RE.match(text, j)
    return m is not None and m.group().lower() in lexicon.words("quotes_speech_cues.txt")


#: Quotes nest at most this deep (“ ‘ “ ‘): real prose stops at three; deeper marks are
#: ignored with a warning, since every level would copy the text it encloses.
_MAX_DEPTH = 4


def _straight(written: str) -> bool:
    """Whether a mark is a typewriter one (\" '' &quot;) rather than typographic: a
    quote that re-opens in the next paragraph keeps its style, while a scraped block
    quote in straight marks followed by a curly quote is two quotes."""
    return written in ('"', "''", "″", "&quot;", "&#34;", "&#x22;")


def pair_marks(text: str, marks: Optional[Iterable[Mark]] = None, paras: Optional[Lines] = None) -> tuple:
    """Pair the marks of ``text`` into quoted spans: ``(pairs, warnings)``.

    Marks pair within a paragraph, double marks with double, single with single, the
    inner family nested in the outer.  A paragraph that ends inside a double quote goes
    on into the next one if that paragraph opens with a mark (news style: every
    paragraph of a long quote re-opens, only the last closes); otherwise the quote is
    closed at the end of its paragraph with an ``unclosed-quote`` warning, so one broken
    mark never takes the rest of the article with it.

    >>> text = "“One.\\n\\n“Two,” he said."
    >>> [text[p.start:p.end] for p in pair_marks(text)[0]]
    ['“One.\\n\\n“Two,”']
    >>> text = "“Broken.\\nNext paragraph “fine.”"
    >>> pairs, warnings = pair_marks(text)
    >>> [(text[p.start:p.end], p.flags) for p in pairs], [w.code for w in warnings]
    ([('“Broken.', ('unclosed',)), ('“fine.”', ())], ['unclosed-quote'])
    """
    if marks is None or paras is None:
        paras = Lines()
        marks = _marks(text, paras, [])
    # ``marks`` may be :func:`_marks` still reading: a paragraph's line is in ``paras``
    # once a mark of a later paragraph (or the end) was read, its start before that.
    pairs: list = []
    warnings: list = []
    ids = iter(range(1 << 62))

    stray: Optional[Mark] = None  # an unpaired closing double mark in this paragraph
    opened = array("q")  # [id] -> parent id (-1: none) of every quote opened, kept or dropped
    deep_paras: set = set()

    def too_deep(mk: Mark) -> None:
        if mk.para not in deep_paras:
            deep_paras.add(mk.para)
            warnings.append(Warning("nesting-too-deep", f"quotation marks nested more than {_MAX_DEPTH} deep "
                                    f"from {mk.start}: the deeper marks are ignored", mk.start, mk.end))

    shared: dict = {}

    def new_open(mk: Mark, parent: Optional[int], flags=()) -> _Open:
        op = _Open(next(ids), mk, parent, flags)
        opened.append(-1 if parent is None else parent)
        return op

    def emit(op: _Open, close: Optional[Mark], end: int = -1, extra=()):
        nonlocal stray
        if stray is not None and op.mark.start < stray.start:
            stray = None  # a quote around the stray mark closed: it can no longer open one
        mk = op.mark
        key = mk[2:6]  # (written, family, role, why), one tuple for all marks alike
        open_as = shared.get(key) or shared.setdefault(key, key)
        if close is not None:
            key = close[2:6]
            close_as = shared.get(key) or shared.setdefault(key, key)
            pairs.append(Pair(op.id, mk.start, close.end, mk.end, close.start, op.family,
                              op.parent, op.flags + tuple(extra), mk.para, open_as, close_as,
                              close.para))
        else:
            end = _rstrip(text, op.mark.end, end)
            pairs.append(Pair(op.id, op.mark.start, end, op.mark.end, end, op.family, op.parent,
                              op.flags + tuple(extra) + ("unclosed",), op.mark.para, open_as, None,
                              op.mark.para))
            warnings.append(Warning("unclosed-quote", f"quotation mark {op.mark.written} at {op.mark.start} "
                                    "is never closed; the quote is ended at the end of its paragraph",
                                    op.mark.start, end))

    pending: Optional[_Open] = None  # a double quote left open at the end of a paragraph
    for para, in_para in itertools.groupby(marks, key=_para_of):
        pstart = paras.start_of(para)
        if pending is not None and not _is_blank(text, paras[pending.para][1], pstart):
            emit(pending, None, paras[pending.para][1])
            pending = None
        stack: list = []
        stray = None
        stray_at = para_at = len(pairs)
        first_double = True
        for mk in in_para:
            role = mk.role
            if role == "apostrophe":
                continue
            top_double = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == "double"), None)
            if mk.family == "double":
                if role in ("either", "measure"):
                    role = "close" if top_double is not None else ("open" if role == "either" else "skip")
                if role == "skip":
                    continue
                if role == "open" and (top_double is not None or (first_double and pending is not None)) \
                        and _detached_close(text, mk):
                    role = "close"
                if first_double and pending is not None:
                    first_double = False
                    if role == "open" and _is_blank(text, pstart, mk.start) and \
                            _straight(mk.written) == _straight(pending.mark.written):
                        # News style: the paragraph re-opens the quote it continues.
                        pending.flags = tuple(f for f in pending.flags if f != "multi-paragraph") + ("multi-paragraph",)
                        pending.para = para
                        stack.append(pending)
                        pending = None
                        continue
                    if role == "close" and top_double is None:
                        op, pending = pending, None
                        # what this paragraph quoted so far lies inside the continued quote
                        stack.clear()
                        for x in range(para_at, len(pairs)):
                            if pairs[x].parent is None:
                                pairs[x] = pairs[x]._replace(parent=op.id)
                        emit(op, mk, extra=("continued",))
                        warnings.append(Warning("continued-without-reopening",
                                                f"the quote opened at {op.mark.start} runs into the next "
                                                "paragraph without re-opening its mark", op.mark.start, mk.end))
                        continue
                    emit(pending, None, paras[pending.para][1])
                    pending = None
                first_double = False
                if role == "open":
                    if top_double is not None and top_double == len(stack) - 1:
                        # A second opening mark while one is open: the first was never
                        # closed.  End it before this one rather than nest or swallow.
                        # (Inside a single quote inside it, a double mark nests: styles
                        # alternate, “... ‘... “...” ...’ ...”.)
                        op = stack[top_double]
                        del stack[top_double:]
                        emit(op, None, mk.start)
                    if len(stack) >= _MAX_DEPTH:
                        too_deep(mk)
                        continue
                    parent = stack[-1].id if stack else None
                    stack.append(new_open(mk, parent))
                else:  # close
                    if top_double is not None:
                        op = stack[top_double]
                        del stack[top_double:]
                        emit(op, mk)
                        stray = None  # a quote closed since: the stray cannot enclose it
                    elif stray is not None:
                        # Two closing marks and no opening one: the first was an opening
                        # mark written the wrong way round (” … ” or “…“).  Marks opened
                        # since are inside it; quotes closed since become its children.
                        while stack and stack[-1].mark.start > stray.start:
                            stack.pop()
                        op = new_open(stray, stack[-1].id if stack else None, ("reversed-open",))
                        for x in range(stray_at, len(pairs)):
                            if pairs[x].parent == op.parent and pairs[x].start > stray.start:
                                pairs[x] = pairs[x]._replace(parent=op.id)
                        emit(op, mk)
                        stray = None
                    else:
                        stray, stray_at = mk, len(pairs)
            else:  # single
                top_single = stack and stack[-1].family == "single"
                if role in ("either", "measure"):
                    role = "close" if top_single else ("open" if role == "either" else "skip")
                if role == "open":
                    if top_single:
                        # Single marks do not nest in single marks: the earlier one was
                        # an apostrophe or a stray (this also keeps the stack shallow).
                        stack.pop()
                    if len(stack) >= _MAX_DEPTH:
                        too_deep(mk)
                        continue
                    stack.append(new_open(mk, stack[-1].id if stack else None))
                elif role in ("close", "weak-close") and top_single:
                    emit(stack.pop(), mk)
                # a closing single mark with nothing open is an apostrophe (farmers’)
        # End of the paragraph: an open double quote may go on in the next one.
        pend = paras[para][1]
        for op in stack:
            if op.family == "double" and pending is None:
                pending = op
            elif op.family == "double":
                emit(op, None, pend)
        if stray is not None:
            warnings.append(Warning("stray-close-mark", f"closing mark {stray.written} at {stray.start} "
                                    "has no opening mark", stray.start, stray.end))
        if pending is not None and first_double and pending.para != para:
            emit(pending, None, paras[pending.para][1])
            pending = None
    if pending is not None:
        emit(pending, None, paras[pending.para][1])
    # A quote whose parent was dropped (a single mark never closed) hangs from the
    # nearest ancestor that was kept.
    kept = bytearray(len(opened))  # one byte an id (a set was 30 to 60)
    for p in pairs:
        kept[p.id] = 1
    for x, p in enumerate(pairs):
        parent = p.parent
        while parent is not None and not kept[parent]:
            parent = opened[parent] if opened[parent] >= 0 else None
        if parent != p.parent:
            pairs[x] = p._replace(parent=parent)
    # by start, the longer first: two stable sorts on the records' own ints give the
    # order of one sort on (start, -end) without a key tuple per pair
    pairs.sort(key=_end_of, reverse=True)
    pairs.sort(key=_start_of)
    return pairs, sorted(warnings, key=lambda w: (w.start or 0))


# --- the finder ------------------------------------------------------------------------


def find_quotes(text: object) -> tuple:
    """Return ``(quotes, warnings)``: every quotation in ``text``, unattributed, in text
    order, and what went wrong on the way (unclosed and stray marks).

    >>> qs, ws = find_quotes("“We have nowhere to retreat,” he said.")
    >>> [(q.text, q.kind, q.marks) for q in qs]
    [('“We have nowhere to retreat,”', 'direct', '“”')]
    """
    if not isinstance(text, str) or not text:
        return (), ()
    paras = Lines()
    runs: list = []
    pairs, warnings = pair_marks(text, _marks(text, paras, runs), paras)
    kinds = classify(text, pairs, paras)
    if runs:
        warnings = sorted(warnings + [Warning("mark-run", f"{e - s} characters of quotation marks in a row "
                                               "are not quotes; skipped", s, e) for s, e in runs],
                          key=lambda w: w.start or 0)
    # pair id -> its position (-1: none): 8 bytes an id, not a dict entry and an int
    index = array("q", [-1]) * (max(map(_id_of, pairs), default=-1) + 1)
    for k, p in enumerate(pairs):
        index[p.id] = k
    out = []
    for k, (p, (kind, rule, reason)) in enumerate(zip(pairs, kinds)):
        # a pair and its decision are let go once its quote is made
        pairs[k] = kinds[k] = None
        parent = index[p.parent] if p.parent is not None else -1
        # one string per pair of marks, not one per quote (a quote every few words is
        # 100 000 copies of "“”" in a big document)
        marks = sys.intern(p.open_as[0] + (p.close_as[0] if p.close_as is not None else ""))
        out.append(Quote(p.start, p.end, text[p.start:p.end], p.inner_start, p.inner_end, kind,
                         marks=marks, rule=rule, reason=reason, parent=parent if parent >= 0 else None))
    return tuple(out), tuple(warnings)
