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
3. :func:`classify` decides for each span whether it is someone's words (``direct``,
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

import bisect
import functools
import html
import re as _re
import unicodedata
from typing import NamedTuple, Optional

import regex

from . import lexicon
from . import text as _text
from .model import Quote, Warning

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
_TOKEN_RE = regex.compile(
    # Eight or more marks in a row (white space between at most) are never quoting:
    # one token, skipped with a warning, so a flood of marks costs one regex step.
    r"(?P<run>(?:[" + regex.escape(_MARK_CHARS) + r"]|&\#?+\w{2,8}+;)"
    r"(?:\s?+(?:[" + regex.escape(_MARK_CHARS) + r"]|&\#?+\w{2,8}+;)){7,}+)"
    r"|(?P<nl>[\r\n\u2028\u2029\x0b\x0c\x85]++)"
    # an apostrophe between letters (don’t, O’Brien) is the commonest mark: skip it here
    r"|(?P<apos>(?<=[^\W_])['’](?=[^\W_]))"
    r"|(?P<ent>&(?:[a-zA-Z]{2,8}+|\#[0-9]{1,7}+|\#[xX][0-9a-fA-F]{1,6}+);)"
    r"|(?P<m>``|''|[\"“”„‟«»″‘’‚‛'`´′‹›])"
)
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
                    return "apostrophe", f"elision {el}"
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
    return kind.default, f"written {kind.default}"


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
    """The matches of ``_TOKEN_RE`` in ``text``, as its ``finditer`` gives them (left to
    right, none overlapping), tried only where one can start (``_TOKEN_START_RE``).

    >>> [m.group() for m in _token_matches("He said “don’t” &amp; ''left''.\\n")]
    ['“', '’', '”', '&amp;', "''", "''", '\\n']
    """
    match = _TOKEN_RE.match
    end = 0
    for c in _TOKEN_START_RE.finditer(text):
        p = c.start()
        if p < end:
            continue  # inside the last match (a run of marks, an entity, line breaks)
        m = match(text, p)
        if m is not None:
            end = m.end()
            yield m


def _scan(text: str) -> tuple:
    """``(marks, paragraphs, runs)``: the marks; the ``(start, end)`` of every line of
    the text (a mark's ``para`` indexes this list); the runs of marks skipped."""
    tokens = []
    paras = []
    runs = []
    line_start = 0
    for m in _token_matches(text):
        group = m.lastgroup
        if group == "apos":
            continue
        if group == "nl":
            paras.append((line_start, m.start()))
            line_start = m.end()
            continue
        if group == "run":
            runs.append((m.start(), m.end()))
            for nl in _NL_RE.finditer(text, m.start(), m.end()):
                paras.append((line_start, nl.start()))
                line_start = nl.end()
            continue
        written = m.group()
        kind = _resolve(written)
        if kind is not None:
            tokens.append((m.start(), m.end(), written, kind, len(paras)))
    paras.append((line_start, len(text)))
    starts = {t[0] for t in tokens}
    ends = {t[1] for t in tokens}
    skip: set = set()
    out = []
    n = len(text)
    for s, e, written, kind, p in tokens:
        if s in skip:
            out.append(Mark(s, e, written, kind.family, "apostrophe", "end of elision", p))
            continue
        # French style puts a (thin) space inside guillemets: look past it.
        ps = s - 1 if kind.guillemet and s > 1 and text[s - 1] in _GUILLEMET_SPACES else s
        ne = e + 1 if kind.guillemet and e + 1 < n and text[e] in _GUILLEMET_SPACES else e
        pc = _M if ps in ends else _char_class(text[ps - 1] if ps > 0 else "")
        nc = _M if ne in starts else _char_class(text[ne] if ne < n else "")
        role, why = _role(text, s, e, kind, pc, nc, skip)
        out.append(Mark(s, e, written, kind.family, role, why, p))
    return out, paras, runs


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
    open: Mark
    close: Optional[Mark]
    family: str
    parent: Optional[int]  # id of the enclosing pair
    flags: tuple


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


def pair_marks(text: str, marks: Optional[list] = None, paras: Optional[list] = None) -> tuple:
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
    if marks is None:
        marks, paras, _ = _scan(text)
    pairs: list = []
    warnings: list = []
    ids = iter(range(1 << 62))

    stray: Optional[Mark] = None  # an unpaired closing double mark in this paragraph
    opened: dict = {}  # id -> parent id of every quote opened, kept or dropped
    deep_paras: set = set()

    def too_deep(mk: Mark) -> None:
        if mk.para not in deep_paras:
            deep_paras.add(mk.para)
            warnings.append(Warning("nesting-too-deep", f"quotation marks nested more than {_MAX_DEPTH} deep "
                                    f"from {mk.start}: the deeper marks are ignored", mk.start, mk.end))

    def new_open(mk: Mark, parent: Optional[int], flags=()) -> _Open:
        op = _Open(next(ids), mk, parent, flags)
        opened[op.id] = parent
        return op

    def emit(op: _Open, close: Optional[Mark], end: Optional[int] = None, extra=()):
        nonlocal stray
        if stray is not None and op.mark.start < stray.start:
            stray = None  # a quote around the stray mark closed: it can no longer open one
        if close is not None:
            pairs.append(Pair(op.id, op.mark.start, close.end, op.mark.end, close.start, op.mark,
                              close, op.family, op.parent, op.flags + tuple(extra)))
        else:
            end = _rstrip(text, op.mark.end, end)
            pairs.append(Pair(op.id, op.mark.start, end, op.mark.end, end, op.mark, None,
                              op.family, op.parent, op.flags + tuple(extra) + ("unclosed",)))
            warnings.append(Warning("unclosed-quote", f"quotation mark {op.mark.written} at {op.mark.start} "
                                    "is never closed; the quote is ended at the end of its paragraph",
                                    op.mark.start, end))

    pending: Optional[_Open] = None  # a double quote left open at the end of a paragraph
    i, n = 0, len(marks)
    while i < n:
        para = marks[i].para
        j = i
        while j < n and marks[j].para == para:
            j += 1
        pstart, pend = paras[para]
        if pending is not None and not _is_blank(text, paras[pending.para][1], pstart):
            emit(pending, None, paras[pending.para][1])
            pending = None
        stack: list = []
        stray: Optional[Mark] = None
        stray_at = para_at = len(pairs)
        first_double = True
        for mk in marks[i:j]:
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
        i = j
    if pending is not None:
        emit(pending, None, paras[pending.para][1])
    # A quote whose parent was dropped (a single mark never closed) hangs from the
    # nearest ancestor that was kept.
    kept = {p.id for p in pairs}
    for x, p in enumerate(pairs):
        parent = p.parent
        while parent is not None and parent not in kept:
            parent = opened.get(parent)
        if parent != p.parent:
            pairs[x] = p._replace(parent=parent)
    pairs.sort(key=lambda p: (p.start, -p.end))
    return pairs, sorted(warnings, key=lambda w: (w.start or 0))


# --- step 3: speech or not -----------------------------------------------------------

_CUE_WORD_RE = regex.compile(r"[^\W\d_][\w'’-]*+")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor with by from as is vs vs. de la le del der von van".split())
_HANDLE_RE = regex.compile(r"\s*+(?:[@#]\w++|https?://\S++|www\.\S++|[\d\W_]*+)\s*+")
_WINDOW = 240
_AS_LABEL_RE = regex.compile(r"\bas(?: an?+| the)?+$")
_NAME_BEFORE_RE = regex.compile(r"\b[A-Z][\w.’'-]*+\s$")
_NAME_AFTER_RE = regex.compile(r"\s[A-Z]\w")


class Context(NamedTuple):
    """What surrounds one quote in the reporter's sentence (other quotes blanked)."""

    before: str  # from the start of the sentence to the opening mark
    after: str  # from the closing mark to the end of the sentence
    inner: str
    words: int


def _context(text: str, pairs: list, k: int, para_of) -> Context:
    """The sentence around pair ``k``, within its paragraph, with the words of the
    other top-level quotes replaced by ``Q`` so their words do not count as the
    reporter's."""
    p = pairs[k]
    pstart, pend = para_of(p.start), para_of(p.end, after=True)
    lo, hi = max(pstart, p.start - _WINDOW), min(pend, p.end + _WINDOW)
    before = text[lo:p.start]
    after = text[p.end:hi]
    # the sentence breaks of the pipeline's one rule (text.sentence_breaks); the look past
    # the opening mark sees whether the quote itself opens a sentence
    starts = [b for _, b in _text.sentence_breaks(text, lo, min(len(text), p.start + 3)) if b <= p.start]
    if starts:
        before = text[starts[-1]:p.start]
        lo = starts[-1]
    for end, _ in _text.sentence_breaks(text, p.end, min(len(text), hi + 3)):
        if end <= hi:
            after = text[p.end:end]
            hi = end
        break
    # Blank out the neighbouring quotes (pairs are sorted by start; a few on each
    # side are enough for a sentence, and the cap keeps hostile input linear).
    before = _blank(before, lo, [q for q in _neighbours(pairs, k, -1) if q.end <= p.start and q.start >= lo])
    after = _blank(after, p.end, [q for q in _neighbours(pairs, k, 1) if q.start >= p.end and q.end <= hi])
    inner = text[p.inner_start:p.inner_end]
    return Context(before, after, inner, len(inner.split()))


_MAX_NEIGHBOURS = 12


def _neighbours(pairs: list, k: int, step: int) -> list:
    """Up to :data:`_MAX_NEIGHBOURS` top-level pairs before (step -1) or after (+1) pair k."""
    out = []
    j = k + step
    for _ in range(4 * _MAX_NEIGHBOURS):
        if not 0 <= j < len(pairs) or len(out) >= _MAX_NEIGHBOURS:
            break
        if pairs[j].parent is None:
            out.append(pairs[j])
        j += step
    return out


def _blank(s: str, offset: int, spans: list) -> str:
    """``s`` (which starts at ``offset`` in the text) with each span replaced by ``Q``
    and spaces, so lengths and offsets are kept."""
    if not spans:
        return s
    parts = []
    pos = 0
    for q in sorted(spans, key=lambda q: q.start):
        a, b = q.start - offset, q.end - offset
        if a < pos:
            continue
        parts.append(s[pos:a])
        parts.append("Q" + " " * (b - a - 1))
        pos = b
    parts.append(s[pos:])
    return "".join(parts)


def _words_lower(s: str) -> list:
    return [w.lower() for w in _CUE_WORD_RE.findall(s)]


def _title_case(inner: str) -> bool:
    """Most words capitalised, small words aside: how titles, shows and slogans are
    written (“Meet the Press”, “Make America Great Again”).

    >>> _title_case("Meet the Press"), _title_case("a red line"), _title_case("I")
    (True, False, False)
    """
    if "!" in inner:
        return False  # an exclamation is shouted, not a title (“Feel the Bern!”)
    first = _CUE_WORD_RE.search(inner)
    if first is None or not first.group()[0].isupper():
        return False  # (the first word decides before the rest of a long quote is read)
    words = _CUE_WORD_RE.findall(inner)
    if len(words) < 2 and not (len(words) == 1 and len(words[0]) > 1 and words[0][0].isupper() and not words[0].isupper()):
        return False
    if not words[0][0].isupper():
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    caps = sum(1 for w in big if w[0].isupper())
    return caps >= max(1, len(big)) * 0.8


def _speech_context(ctx: Context) -> Optional[str]:
    """Why the reporter's sentence makes the quote someone's words, or None: a colon
    before it, ``as`` before it (words someone used for something), or a word of saying
    in its sentence *used as one*: a verb (``he called the plan “a disaster”``, ``“Enough,”
    she said``), someone's utterance (``his remarks that ...``) or a text someone issued
    (``a statement offering “...”``).  A noun that only names a speaker or a medium
    (``the words “...”``, ``a tweet``, ``aides``) or a capitalised word in a name
    (``Secretary of State``) says nothing about the quote.

    The verb may stand anywhere in the sentence: a short quote inside a reported clause
    (``she said the bill would be “a disaster” for farmers``) is the speaker's words.

    >>> _speech_context(Context("He called the plan ", " again.", "a disaster", 2))
    "cue 'called' before the quote"
    >>> _speech_context(Context("Officials at the State Department wear ", " hats.", "Go Team", 2)) is None
    True
    """
    b = ctx.before.rstrip()
    if b.endswith(":"):
        return "colon before the quote"
    if _AS_LABEL_RE.search(b):
        return "'as' before the quote: words someone used for something (described him as “...”)"
    w = _saying_before(ctx.before)
    if w:
        return f"cue '{w}' before the quote"
    w = _saying_after(ctx.after)
    if w:
        return f"cue '{w}' after the quote"
    return None


#: Words after which a word of saying is a noun ("the answer", "a call"), not a verb.
_ARTICLES = frozenset("a an the this that these those".split())
#: Possessors that make an utterance noun someone's words ("his remarks", "her comment").
_POSSESSIVE = frozenset("his her their its our my".split())
#: Headline verbs, which a headline writes capitalised ("Mayor Says Budget Is “Dead”").
_HEADLINE_CUES = lexicon.words("clauses_headline_cues.txt")


@functools.lru_cache(maxsize=1)
def _saying_words() -> tuple:
    """``(verbs, utterance nouns, documents)`` from ``quotes_speech_cues.txt`` and
    ``quotes_speech_nouns.txt``; documents are the nouns for texts someone issues (from
    ``attribution_documents.txt``), whose clause carries the issuer's words."""
    nouns = lexicon.words("quotes_speech_nouns.txt")
    return (lexicon.words("quotes_speech_cues.txt") - nouns, nouns,
            lexicon.words("attribution_documents.txt") & nouns)


def _saying_before(before: str) -> Optional[str]:
    """The nearest word of saying used as one in the sentence before the quote: a verb
    not after an article, a document, or an utterance noun after a possessor; capitalised
    words only as a headline's verb after a capitalised word."""
    words = _CUE_WORD_RE.findall(before)
    verbs, nouns, documents = _saying_words()
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        low = w.lower()
        prev = words[k - 1] if k > 0 else ""
        if w[:1].isupper() and k > 0 and not (low in _HEADLINE_CUES and prev[:1].isupper()):
            continue  # "Secretary of State": a name, not a verb
        if low in verbs and prev.lower() not in _ARTICLES or low in documents or \
                low in nouns and (prev.lower() in _POSSESSIVE or prev.endswith(("'s", "’s"))):
            return low
    return None


def _said_right_after(ctx: Context) -> Optional[str]:
    """The verb of saying that takes the quote as its words, right after it: the quote
    opens a sentence, ends in a comma (US style) and the verb is one of the next two
    words (``“...,” he said``, ``“...,” said Kim``).  A quote in the middle of a sentence
    (``host of “Morning Show,” said``) is an appositive's title more often than the words.

    >>> _said_right_after(Context("", " he said.", "Meet the Press,", 3))
    'said'
    >>> _said_right_after(Context("The host of ", " said", "Meet the Press,", 3)) is None
    True
    """
    b = ctx.before.rstrip()
    if not ctx.inner.rstrip().endswith(",") or b and not b.endswith((".", "!", "?")):
        return None
    verbs = _saying_words()[0]
    for w in _CUE_WORD_RE.findall(ctx.after[:40])[:2]:
        if w.islower() and w in verbs:
            return w
    return None


def _saying_after(after: str) -> Optional[str]:
    """The first lower-case verb of saying, or document, in the sentence after the quote
    (``“...,” said Kim``, ``“...,” as a memo put it``)."""
    verbs, _, documents = _saying_words()
    for w in _CUE_WORD_RE.findall(after):
        low = w.lower()
        if low in verbs and not w[:1].isupper() or low in documents:
            return low
    return None


_FUNCTION_WORDS = lexicon.words("function_words.txt")


def _label_before_noun(ctx: Context) -> bool:
    """Whether the quote stands before a lower-case noun it names, with no punctuation
    between (``a “Go Team” hat``, ``the “Dear Editor” letters``): a label, not words said.
    A verb or a function word after it (``“Enough” said Kim``, ``“Go Team” to the end``)
    is not a noun.

    >>> _label_before_noun(Context("a ", " hat on his head", "Go Team", 2))
    True
    >>> _label_before_noun(Context("", " said Kim", "Go Team", 2))
    False
    """
    if ctx.inner.rstrip()[-1:] in ".,!?;:" or not ctx.after.startswith(" "):
        return False
    m = _CUE_WORD_RE.match(ctx.after, 1)
    if m is None:
        return False
    w = m.group()
    return w.islower() and w not in _FUNCTION_WORDS and w not in _saying_words()[0] and not w.endswith(("ed", "ly"))


def _title_cue(ctx: Context) -> Optional[str]:
    """A word just before the quote that names what it is the title of (the show, the
    book, CNN’s, called...), or None."""
    words = _CUE_WORD_RE.findall(ctx.before[-40:])
    cues = lexicon.words("quotes_title_cues.txt")
    for w in words[-2:][::-1]:
        if w.lower() in cues:
            return f"'{w}' before"
    if words:
        last = words[-1]
        if last[0].isupper() and last.endswith(("’s", "'s", "’", "'")) and ctx.before.rstrip().endswith(last):
            return f"possessive '{last}' right before (a network or publication)"
    return None


def _introduced(text: str, pstart: int) -> bool:
    """Whether the paragraph before the one starting at ``pstart`` ends by introducing
    what follows: a colon, or a verb of saying in its last words (he said, said the coach)."""
    tail = text[max(0, pstart - 80):pstart].rstrip()
    if tail.endswith(":"):
        return True
    cues = lexicon.words("quotes_speech_cues.txt")
    return any(w in cues for w in _words_lower(tail)[-4:])


def _sentence_like(inner: str) -> bool:
    """Starts like a sentence and ends with a sentence's punctuation (a comma too: US
    style puts it inside the marks before the attribution).

    >>> _sentence_like("But, come on."), _sentence_like("Meet the Press")
    (True, False)
    """
    inner = inner.strip()
    return bool(inner) and (inner[0].isupper() or inner[0] in "…[.") and inner[-1] in ".!?,…—-;:"


def _previous_is_speech(text: str, pairs: list, k: int, kinds: list) -> bool:
    """The nearest earlier top-level quote in the same paragraph is speech."""
    p = pairs[k]
    for j in range(k - 1, -1, -1):
        q = pairs[j]
        if q.parent is not None:
            continue
        if "\n" in text[q.end:p.start]:
            return False
        return kinds[j][0] in ("direct", "partial")
    return False


def _lead(text: str, start: int, pstart: int) -> str:
    """The last visible character before ``start`` in its paragraph ('' at the start)."""
    i = start
    lo = max(pstart, start - 40)
    while i > lo and (text[i - 1].isspace() or _char_class(text[i - 1]) == _S):
        i -= 1
    return text[i - 1] if i > lo else ""


def _speech_kind(inner: str, lead: str) -> str:
    """``direct`` for a capitalised quote that opens its sentence or follows a colon or
    comma (he said, “We...”), ``partial`` for words quoted inside the reporter's own
    sentence."""
    first = inner.lstrip()[:1]
    if (first.isupper() or first in "…[") and (not lead or lead in ":,.!?;—–-\"”’'"):
        return "direct"
    return "partial"


def classify_one(text: str, pairs: list, k: int, para_of, kinds: list, index: dict) -> tuple:
    """``(kind, rule, reason)`` for pair ``k``; ``kinds`` holds the decisions already
    taken for earlier pairs (a nested quote follows its parent), ``index`` maps pair
    ids to positions.  The rules run cheapest first; the sentence around the quote is
    only read for short quotes and title-like ones."""
    p = pairs[k]
    if p.parent is not None:
        parent = index.get(p.parent)
        if parent is not None and parent >= k:  # cannot happen; never trust it blindly
            parent = None
        if parent is not None and kinds[parent][0] in ("direct", "partial", "nested"):
            return "nested", "nested", "a quote inside someone's words"
        if parent is not None:
            return "other", "inside-non-speech", f"inside a {kinds[parent][0]} quote"
    inner = text[p.inner_start:p.inner_end]
    if _HANDLE_RE.fullmatch(inner):
        return "other", "non-verbal", "no words: a number, date, handle, hashtag or link"
    pstart = para_of(p.start)
    lead = _lead(text, p.start, pstart)
    if lead == "=":
        return "other", "markup-attribute", "the value of a markup attribute (id=\"...\")"
    words = len(inner.split())
    titlecase = _title_case(inner)
    kind = _speech_kind(inner, lead)
    if words >= 6 and not titlecase:
        return kind, "long-quote", f"{words} words"
    ctx = _context(text, pairs, k, para_of)
    b = ctx.before.rstrip()
    scare = lexicon.words("quotes_scare_cues.txt")
    bw = _words_lower(b[-30:])
    if bw and bw[-1] in scare and words <= 4:
        return "scare", "scare-cue", f"'{bw[-1]}' before a short quote"
    if words <= 3 and _NAME_BEFORE_RE.search(ctx.before[-40:]) and _NAME_AFTER_RE.match(ctx.after):
        return "other", "nickname", "between a first and a last name"
    said = _said_right_after(ctx)
    if said:
        return kind, "said-after", f"the words '{said}' right after takes (“...,” he {said})"
    tcue = _title_cue(ctx) if titlecase else None
    if tcue:
        return "title", "title-cue", f"title-case words after {tcue}"
    if words >= 6:
        return kind, "long-quote", f"{words} words"
    if titlecase and _label_before_noun(ctx):
        return "title", "label-before-noun", "title-case words that name the noun after them (the “Go Team” hat)"
    speech = _speech_context(ctx)
    if speech:
        return kind, "speech-context", speech
    opens_sentence = not b.strip(" -—–•*·(")
    if opens_sentence and _sentence_like(inner) and not (titlecase and words > 1):
        if not ctx.after.strip(" \t\u00a0.–—-") and _lead(text, p.start, pstart) in ("", "–", "—", "-") \
                and not _introduced(text, pstart):
            return "other", "standalone-line", "a short quote that is a paragraph of its own, with nobody " \
                "said to say it: a subheading or a caption"
        return "direct", "whole-sentence", "a capitalised sentence with its own punctuation, standing alone"
    if opens_sentence and _previous_is_speech(text, pairs, k, kinds):
        return "direct", "continues-speech", "starts a sentence after someone's quoted words in the same paragraph"
    if titlecase:
        return "title", "title-case", "title-case words with no speech in the sentence"
    return "scare", "no-speech-context", "a short quote with no speaker or cue in its sentence"


def classify(text: str, pairs: list, paras: Optional[list] = None) -> list:
    """``(kind, rule, reason)`` for each pair, in order.  ``paras`` are the line spans
    from :func:`_scan` (computed when not given)."""
    if paras is None:
        paras = _scan(text)[1]
    starts = [a for a, _ in paras]

    def para_of(pos: int, after: bool = False) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return paras[i][1] if after else paras[i][0]

    kinds: list = []
    index = {p.id: k for k, p in enumerate(pairs)}
    per_para: dict = {}
    for p in pairs:
        per_para[p.open.para] = per_para.get(p.open.para, 0) + 1
    flooded = {i for i, n in per_para.items()
               if n > _FLOOD and n * _FLOOD_CHARS > paras[i][1] - paras[i][0]}
    for k, p in enumerate(pairs):
        if p.open.para in flooded and p.parent is None:
            kinds.append(_classify_by_shape(text[p.inner_start:p.inner_end]))
        else:
            kinds.append(classify_one(text, pairs, k, para_of, kinds, index))
    return kinds


#: More quotes than this in one paragraph, and more than one per :data:`_FLOOD_CHARS`
#: characters of it, is not prose (a data dump, an attack): those quotes are judged by
#: their own words only, which keeps the cost per quote constant.  A whole article on one
#: line (a quote every few hundred characters) is still read as prose.
_FLOOD = 100
_FLOOD_CHARS = 40


def _classify_by_shape(inner: str) -> tuple:
    """``(kind, rule, reason)`` from the quoted words alone, for flooded paragraphs."""
    if _HANDLE_RE.fullmatch(inner):
        return "other", "non-verbal", "no words: a number, date, handle, hashtag or link"
    if len(inner.split()) >= 6 or _sentence_like(inner):
        return "direct", "flood-sentence", "a sentence, in a paragraph with too many quotes to read"
    return "other", "flood", "a short quote in a paragraph with too many quotes to read"


# --- the finder ------------------------------------------------------------------------


def find_quotes(text: str) -> tuple:
    """Return ``(quotes, warnings)``: every quotation in ``text``, unattributed, in text
    order, and what went wrong on the way (unclosed and stray marks).

    >>> qs, ws = find_quotes("“We have nowhere to retreat,” he said.")
    >>> [(q.text, q.kind, q.marks) for q in qs]
    [('“We have nowhere to retreat,”', 'direct', '“”')]
    """
    if not isinstance(text, str) or not text:
        return (), ()
    marks, paras, runs = _scan(text)
    pairs, warnings = pair_marks(text, marks, paras)
    kinds = classify(text, pairs, paras)
    if runs:
        warnings = sorted(warnings + [Warning("mark-run", f"{e - s} characters of quotation marks in a row "
                                               "are not quotes; skipped", s, e) for s, e in runs],
                          key=lambda w: w.start or 0)
    index = {p.id: k for k, p in enumerate(pairs)}
    out = []
    for p, (kind, rule, reason) in zip(pairs, kinds):
        marks = p.open.written + (p.close.written if p.close is not None else "")
        out.append(Quote(p.start, p.end, text[p.start:p.end], p.inner_start, p.inner_end, kind,
                         marks=marks, rule=rule, reason=reason, parent=index.get(p.parent)))
    return tuple(out), tuple(warnings)
