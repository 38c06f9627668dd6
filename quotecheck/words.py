"""Tokens and words: the units the speaker rules read.

:func:`tokens` cuts a stretch of text into words and marks with exact offsets, keeping the
dot of titles, initials and abbreviations (``Sen.``, ``J.``, ``U.S.``); :func:`has_word`
asks whether a string holds a word, as ``\\bword\\b`` would, without compiling a pattern
per word.
"""
from __future__ import annotations

import functools
import itertools
import re as _re
from typing import NamedTuple, Optional

import regex

from .speaker_lexicon import _ABBREV, _PARTY_TAG, lexicon


# --- tokens ---------------------------------------------------------------------------

# A word with inner apostrophes, dots, hyphens ("O'Neill", "U.S", "Jean-Claude"), an optional
# final dot; or any other single non-space character.  Possessive runs keep it linear.
# Combining accents belong to the word they sit on: text in decomposed form writes "José"
# as "Jose" and U+0301, and a name so written stays one word.  After an "Ã" (composed or
# decomposed) the marks of ``_MOJIBAKE`` do too: they are the second half of a letter whose
# UTF-8 bytes were read as Latin-1 or Windows-1252 ("PeÃ±a", "TrÃ©vidic", "JosÃ©"), as
# scraped copy often has it.  « and » (ë, û so misread) are left out: they are also
# quotation marks.
_COMBINING = "\u0300-\u036f"
_MOJIBAKE = "[\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf]"
_AFTER_A_TILDE = "(?:(?<=\u00c3)|(?<=A\u0303))"
_CORE = f"[\\p{{L}}\\p{{N}}]++(?:[{_COMBINING}]++[\\p{{L}}\\p{{N}}]*+)*+"
_TOKEN = regex.compile(f"{_CORE}(?:['’.\\-]{_CORE}|{_AFTER_A_TILDE}{_MOJIBAKE}(?:{_CORE})?)*+\\.?|\\S")


# The same tokens for the fast path of :func:`tokens`, in the standard library's ``re``:
# its ``split`` with the token as a group is the quickest C loop there is (a flat list
# ``[space, token, space, token, ..., space]``: no Match object and no tuple per token, and
# every other character is a token, so the pieces between tokens are white space only).
# ``[^\W_]`` is ``[\p{L}\p{N}]`` (``str.isalnum``), and the space class is ``regex``'s ``\s``
# (Unicode White_Space) spelled out, so both read alike.  Text with no combining accent and
# no "Ã" (nearly all of it) is split by the plain pattern, which is the wide one less what
# those characters need.
_WS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN_SPLIT_PLAIN = _re.compile(f"([^\\W_]++(?:['’.\\-][^\\W_]++)*+\\.?|[^{_WS}])")
_CORE_RE = f"[^\\W_]++(?:[{_COMBINING}]++[^\\W_]*+)*+"
_TOKEN_SPLIT_WIDE = _re.compile(
    f"({_CORE_RE}(?:['’.\\-]{_CORE_RE}|{_AFTER_A_TILDE}{_MOJIBAKE}(?:{_CORE_RE})?)*+\\.?|[^{_WS}])")
#: A character that only the wide split reads differently: a combining accent, or "Ã".
_WIDE = _re.compile(f"[{_COMBINING}\u00c3]")


def _split(text: str) -> list:
    """``[space, token, space, ..., space]`` of ``text``: the plain split, or the wide one
    (combining accents, mis-decoded letters) when the text has a character it reads (a
    search of one character class, quicker than the wider pattern on every word)."""
    return (_TOKEN_SPLIT_WIDE if _WIDE.search(text) else _TOKEN_SPLIT_PLAIN).split(text)


_INITIAL = regex.compile(r"\p{Lu}\.")
_new_tuple = tuple.__new__

#: A lower-case particle joined to a capitalised word, written as one word inside a name:
#: the Arabic article and its assimilated forms and the patronymic words (``Bashar
#: al-Assad``, ``Muammar el-Qaddafi``, ``Abd ar-Rahman``, ``Osama bin-Laden``) and the French
#: and Italian ``d'`` (``Valery Giscard d'Estaing``).  Such a word counts as capitalised: it
#: is the surname, and without it ``Bashar al-Assad said`` gave the speaker ``Bashar``.
#: The Arabic article in its assimilated forms and the French and Italian ``d'``: what
#: :mod:`quotecheck.names` drops when it compares surnames (``al-Assad`` is ``Assad``).
ARTICLE_PARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "d")
_JOINED_PARTICLE = _re.compile("(?:" + "|".join(ARTICLE_PARTICLES + ("bin", "ibn", "abu", "abd")) + ")[-'’][^\\W\\d_]")


def joined_particle(word: str) -> bool:
    """Whether ``word`` is a lower-case name particle joined to a capitalised word.

    >>> joined_particle("al-Assad"), joined_particle("d’Estaing"), joined_particle("al-qaeda")
    (True, True, False)
    >>> joined_particle("re-Elect"), joined_particle("Al-Amin")
    (False, False)
    """
    m = _JOINED_PARTICLE.match(word)
    return m is not None and word[m.end() - 1].isupper()


class Token(NamedTuple):
    """A word or mark with its offsets (a tuple: tokens are made by the thousand)."""
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        t = self.text
        # ("-" and the apostrophes first: nearly every lower-case word has none of them)
        return t[:1].isupper() or ("-" in t or "'" in t or "’" in t) and joined_particle(t)

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str, start: int = 0, end: Optional[int] = None) -> list:
    """The tokens of ``text[start:end]`` with offsets into ``text``.  A final dot stays on
    abbreviations and initials (``Sen.``, ``J.``, ``U.S.``) and is split off other words.

    >>> [t.text for t in tokens("Sen. J. Smith said.")]
    ['Sen.', 'J.', 'Smith', 'said', '.']
    >>> tokens("  U.S. aid", 1)
    [Token(start=2, end=6, text='U.S.'), Token(start=7, end=10, text='aid')]
    """
    end = len(text) if end is None else end
    # space, word, space, word, ..., space: the running sum of their lengths gives every
    # offset, so the tokens are built by C loops (map, zip, accumulate), not a Python step
    # per word
    seg = text[start:end] if start or end < len(text) else text
    parts = _split(seg)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    out = list(map(_new_tuple, itertools.repeat(Token), zip(offsets[1::2], offsets[2::2], words)))
    # (no token is empty; a list comprehension is quicker here than compress over map, and
    # a name or phrase with no dot at all is not read word by word)
    dotted = [i for i, w in enumerate(words) if w[-1] == "."] if "." in seg else []
    # a final dot that is a full stop becomes a token of its own; the list is rebuilt in one
    # pass (inserting in place would move the rest of the list at every full stop: quadratic
    # on a long paragraph)
    res, prev = [], 0
    for i in dotted:
        w = words[i]
        if len(w) > 1 and _splits_dot(w):
            res += out[prev:i]
            s, e, _ = out[i]
            res.append(_new_tuple(Token, (s, e - 1, w[:-1])))
            res.append(_new_tuple(Token, (e - 1, e, ".")))
            prev = i + 1
    if not prev:
        return out
    res += out[prev:]
    return res


def token_spans(text: str, start: int = 0, end: Optional[int] = None) -> tuple:
    """``(starts, ends)``: lists of the offsets of :func:`tokens` over ``text[start:end]``,
    without making a Token record (or keeping a word) per token: what ``DocIndex`` keeps.

    >>> token_spans("Sen. J. Smith said.")
    ([0, 5, 8, 14, 18], [4, 7, 13, 18, 19])
    """
    end = len(text) if end is None else end
    seg = text[start:end] if start or end < len(text) else text
    parts = _split(seg)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    dotted = [i for i, w in enumerate(words) if w[-1] == "."] if "." in seg else []
    split = [i for i in dotted if len(words[i]) > 1 and _splits_dot(words[i])]
    if not split:
        return starts, ends
    # each full stop becomes a token of its own, the lists rebuilt in one pass
    rs: list = []
    re_: list = []
    prev = 0
    for i in split:
        rs += starts[prev:i + 1]
        re_ += ends[prev:i]
        e = ends[i]
        re_.append(e - 1)
        rs.append(e - 1)
        re_.append(e)
        prev = i + 1
    rs += starts[prev:]
    re_ += ends[prev:]
    return rs, re_


@functools.lru_cache(maxsize=4096)
def _splits_dot(w: str) -> bool:
    """Whether a word's final dot is a full stop (``said.``) rather than part of it
    (``Sen.``, ``J.``, ``U.S.``, ``R-Fla.``).  The abbreviation list is narrower than the
    one ``text.breaks_sentence`` reads on purpose: a token that kept the dot of "Fr." or "Ave."
    would join a name ("Fr. Frank Pavone", "E. Dahlia Ave.")."""
    return not (w in lexicon().titles or _INITIAL.fullmatch(w) or "." in w[:-1] or w in _ABBREV or
                _PARTY_TAG.fullmatch(w[:-1]))


_APOS = regex.compile(r"['’]")


def _before_apostrophe(word: str) -> str:
    """``word`` up to its first apostrophe, straight or curly (``He’s`` -> ``He``), as
    ``_APOS`` splits it, with no regex call for the many words without one."""
    if "'" not in word and "’" not in word:
        return word
    return _APOS.split(word, 1)[0]


#: A possessive ending ("Putin's", "Jones'").
_POSSESSIVE = regex.compile(r"['’]s?$")


_NEWLINE = _re.compile("\n")
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*+")


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str, whole: bool = True):
    return regex.compile(r"\b" + regex.escape(word) + (r"\b" if whole else ""))


_WORD_CHAR = regex.compile(r"\w")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c > "\x7f" and bool(_WORD_CHAR.match(c))


def has_word(s: str, word: str, whole: bool = True) -> bool:
    """Whether ``s`` holds ``word`` from a word boundary (and to one, when ``whole``), as
    ``\\bword\\b`` reads it: with ``str.find``, not a pattern compiled per word (the words
    looked for are every description's head, most of them seen once).

    >>> has_word("the vice president", "president"), has_word("presidential", "president")
    (True, False)
    >>> has_word("presidential", "presi", whole=False)
    True
    """
    if not word or not (_word_char(word[0]) and _word_char(word[-1])):
        return bool(_word_pattern(word, whole).search(s))  # boundaries next to marks: the pattern
    n = len(word)
    i = s.find(word)
    while i != -1:
        if (i == 0 or not _word_char(s[i - 1])) and (not whole or i + n == len(s) or not _word_char(s[i + n])):
            return True
        i = s.find(word, i + 1)
    return False
