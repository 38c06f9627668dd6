"""Bytes in: the text they hold, decoded, or :class:`DecodeError` for bytes that are not
text at all (step 1 of reading, before :mod:`quotecheck.text` splits it).

A byte-order mark decides; else UTF-8, with NUL bytes kept up to a tolerance; else
UTF-16/32 guessed from the pattern of their NULs; else cp1252 (a few stray cp1252 bytes in
UTF-8 are read as cp1252 alone).  A guessed decoding that gives binary noise (control,
unassigned or private-use characters, too many scripts changing) is refused.  What was
done other than the normal way is said in a :class:`~quotecheck.model.Warning`; the cost
is linear in the length of the bytes.
"""
from __future__ import annotations

import codecs
import functools
import unicodedata
from importlib import resources
from typing import NamedTuple

import regex

from .model import Warning

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
    quotecheck.decoding.DecodeError: binary data: gzip archive
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
