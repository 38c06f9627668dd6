"""The reporter's sentence around one quote, for the quote-kind rules (a step of
:mod:`quotecheck.quote_kinds`).

One job: cut the sentence around a pair of marks out of its paragraph (within a bounded
window, by the pipeline's one sentence rule :func:`quotecheck.text.sentence_breaks`), with
the words of the neighbouring quotes blanked so they do not count as the reporter's.
"""
from __future__ import annotations

from typing import NamedTuple

from . import text as _text

_WINDOW = 240


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
    out: list = []
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
