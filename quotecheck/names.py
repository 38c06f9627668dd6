"""Names: a person's name normalised, and whether two names can be one person.

:func:`normalise_name` drops titles, honorifics, possessives and party tags;
:func:`same_person` is the contract the resolver and the cross-source checker use to match
names (``Putin`` and ``Vladimir Putin``); :func:`one_typo` forgives one misspelt letter;
:func:`_party_clash` and :func:`_has_word` compare what a description says with what the
text said of a person.
"""
from __future__ import annotations

import functools
import sys
import unicodedata
from typing import Optional

import regex

from . import lexicon as _tables
from .mentions import read_mention
from .speaker_lexicon import SUFFIXES, lexicon
from .words import ARTICLE_PARTICLES, _POSSESSIVE, _WORD, has_word, tokens


def normalise_name(name: Optional[str]) -> Optional[str]:
    """The name without titles, honorifics, possessive or party tag.

    >>> normalise_name("Russian President Vladimir Putin's")
    'Vladimir Putin'
    >>> normalise_name("Sen. Marco Rubio, R-Fla.")
    'Marco Rubio'
    >>> normalise_name("Mrs. Clinton")
    'Clinton'
    """
    if not name:
        return None
    name = name.split(",")[0].strip()
    m = read_mention(name, tokens(name))
    if m is None or not m.name:
        return name.strip() or None
    return _POSSESSIVE.sub("", m.name) or None


_SUFFIXES = frozenset(x.lower() for x in SUFFIXES)


@functools.lru_cache(maxsize=256)
def _name_words(name: str) -> tuple:
    """The lower-case words of a name that identify the person: titles, possessives and
    suffixes dropped, accents folded (``Núñez`` is how one outlet writes ``Nunez``) and run-on
    initials joined (``A.J.`` and ``AJ`` are one spelling).

    The words are interned and the result is a tuple (the memo cache keeps one per name
    seen, and an article naming thousands of people repeats first names and initials).

    >>> _name_words("Constable A.J. Núñez Jr.")
    ('aj', 'nunez')
    """
    lex = lexicon()
    words = name.split()
    words = [w for w in words if not lex.title(w) or len(words) == 1]
    out = []
    for w in words:
        if "'" in w or "’" in w:  # (the possessive pattern needs an apostrophe)
            w = _POSSESSIVE.sub("", w)
        w = _fold(_without_particle(w))
        key = w.lower().rstrip(",")
        if key not in _SUFFIXES and w:
            out.append(sys.intern(key))
    return tuple(out)


#: A name particle joined to the surname (``al-Assad``, ``Al-Assad``, ``el-Sisi``,
#: ``d'Estaing``): outlets write the same surname with it and without it (``Assad``), so it
#: is no part of the word that identifies the person.
_JOINED_PARTICLE = regex.compile("(?i)(?:" + "|".join(ARTICLE_PARTICLES) + ")[-'’](?=\\p{L}{2})")


def _without_particle(word: str) -> str:
    """``word`` without a joined name particle.

    >>> _without_particle("al-Assad"), _without_particle("Al-Sisi"), _without_particle("Allen")
    ('Assad', 'Sisi', 'Allen')
    """
    if "-" not in word and "'" not in word and "’" not in word:
        return word  # (the particle is joined by one of them)
    m = _JOINED_PARTICLE.match(word)
    return word[m.end():] if m else word


_RUN_INITIALS = regex.compile(r"(?:\p{L}\.){2,}+")


def _fold(word: str) -> str:
    """``word`` without accents, with run-on initials joined (``A.J.`` -> ``AJ``)."""
    if "." in word and _RUN_INITIALS.fullmatch(word):
        word = word.replace(".", "")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=256)
def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two normalised speaker names can denote the same person
    (``"Putin"`` and ``"Vladimir Putin"`` can; ``None`` matches nothing).

    The last names must agree; every other word of the shorter name must agree with a
    word of the longer one in order, where an initial agrees with a word it starts
    (``"J. Biden"``) and a first name with a short form of it the nickname table gives
    (``"Bob Menendez"``, ``"Robert Menendez"``).  Titles are ignored (``"President Putin"``).

    >>> same_person("Putin", "Vladimir Putin")
    True
    >>> same_person("President Putin", "Vladimir Putin")
    True
    >>> same_person("Joe Biden", "Hunter Biden")
    False
    >>> same_person("Vladimir V. Putin", "Vladimir Putin")
    True
    >>> same_person("Bob Menendez", "Robert Menendez"), same_person("Bill Smith", "Will Smith")
    (True, False)
    """
    if not a or not b:
        return False
    x, y = _name_words(a), _name_words(b)
    if not x or not y:
        return a.strip().lower() == b.strip().lower()
    if x[-1] != y[-1]:
        return False
    short, long_ = (x, y) if (len(x), x) <= (len(y), y) else (y, x)
    if len(short) > 1 and long_[len(long_) - len(short):] == short:
        return True  # a compound surname without the first name ("Boone Isaacs")
    # middle initials are optional ("Vladimir V. Putin"); first names must agree
    kept = [w for w in short[:-1] if not _is_initial(w) or len(short) == len(long_)]
    long_rest = long_[:-1]
    j = 0
    for w in kept:
        while j < len(long_rest) and not _agree(w, long_rest[j]):
            if not _is_initial(long_rest[j]) and kept:
                return False
            j += 1
        if j == len(long_rest):
            return False
        j += 1
    return True


def one_typo(a: str, b: str) -> bool:
    """Whether two different words of five letters or more differ by one letter inserted,
    dropped or replaced, after the first letter (a misspelt surname keeps its initial).

    >>> one_typo("McAllister", "McAlister"), one_typo("Wimes", "Wines"), one_typo("Biden", "Bider")
    (True, True, True)
    >>> one_typo("Clinton", "Clinton"), one_typo("Clinton", "Clifford"), one_typo("Trump", "Drump")
    (False, False, False)
    """
    a, b = a.casefold(), b.casefold()  # "McAlister" drops an "l" of "McAllister"
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:] if len(b) > len(a) else a[i + 1:] == b[i:]


def _name_key(name: str) -> str:
    """The word :func:`same_person` requires two names to share (the last name), or the
    whole lower-cased name when it has no name words: the key of the resolver's index.

    >>> _name_key("Russian President Vladimir Putin"), _name_key("Putin's")
    ('putin', 'putin')
    """
    words = _name_words(name)
    return words[-1] if words else name.strip().lower()


@functools.lru_cache(maxsize=1)
def _parties() -> dict:
    """party word -> the party's first word, from ``data/parties.txt``."""
    out = {}
    for line in _tables.lines("parties.txt"):
        words = line.split()
        out.update({w: words[0] for w in words})
    return out


def _has_word(said: str, word: str) -> bool:
    """Whether ``said`` (lower case) holds ``word`` or a word sharing its first five
    letters ("Russian" and "Russia's", "California" and "Calif.")."""
    party = _parties().get(word.lower())
    if party and any(_parties().get(x) == party for x in _WORD.findall(said)):
        return True  # "Republican" and "GOP"
    return has_word(said, word.lower()[:5], whole=False)


def _party_clash(mods: tuple, said: str) -> bool:
    """Whether the description names one party and the person's titles another.

    >>> _party_clash(("Republican",), "democratic presidential nominee")
    True
    """
    parties = _parties()
    mine = {parties[w.lower()] for w in mods if w.lower() in parties}
    if not mine:
        return False
    theirs = {parties[w] for w in _WORD.findall(said) if w in parties}
    return bool(theirs) and not (mine & theirs)


def _is_initial(w: str) -> bool:
    return len(w.rstrip(".")) == 1


def _agree(a: str, b: str) -> bool:
    """Whether two lower-case words of names agree: the same word, an initial and a word it
    starts, or a first name and a short form of it (``bill`` and ``william``,
    ``data/names_nicknames.tsv``)."""
    if a == b:
        return True
    if _is_initial(a) or _is_initial(b):
        return a[0] == b[0]
    return lexicon().same_first_name(a.capitalize(), b.capitalize())
