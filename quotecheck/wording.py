"""How much a difference between the words of two quotations means.

Two outlets quoting one sentence print it differently in ways that change nothing: an
abbreviated title ("Sen."/"Senator"), a spelling variant ("color"/"colour", "Mama"/"Momma"),
another inflection of the same word ("pew"/"pews", "run"/"running"), a contraction ("I'm"/"I
am"), an acronym ("IE"/"Internet Explorer"), an interjection or discourse marker ("Oh",
"Well"), a function word, a censored word ("f***").  :func:`minor_change` says whether an
aligned edit is only that; anything else (a different content word, content words added or
dropped) is a change to what the quote says.

Inflections come from a table of lemmas (``data/lemmas.tsv``, built offline from LemmInflect's
SPECIALIST-derived lookup by ``tools/build_lemmas.py``), not from suffix stripping: "news" is
not "new", and "went" is "go".

>>> minor_change(("sen",), ("senator",)), minor_change(("pews",), ("pew",)), minor_change(("oh",), ())
(True, True, True)
>>> minor_change(("ruined",), ("destroyed",)), minor_change((), ("dangerous",)), minor_change(("he", "is", "both"), ("he's",))
(False, False, True)
"""
from __future__ import annotations

import functools

import regex

from . import align as _align
from . import lexicon


@functools.lru_cache(maxsize=1)
def _lemma_table() -> dict:
    """``form -> frozenset of lemmas`` from ``lemmas.tsv`` (lemma <TAB> forms)."""
    out: dict = {}
    for lemma, forms in lexicon.rows("lemmas.tsv"):
        for f in forms.split():
            out[f] = out.get(f, frozenset()) | {lemma.lower()}
    return out


@functools.lru_cache(maxsize=1 << 14)
def lemmas(word: str) -> frozenset:
    """The lemmas a normalised word can be a form of, itself included.

    >>> sorted(lemmas("were")), sorted(lemmas("pews")), sorted(lemmas("news"))
    (['be', 'were'], ['pew', 'pews'], ['news'])
    """
    w = word.replace("'s", "") if word.endswith("'s") else word
    return _lemma_table().get(w, frozenset()) | {w}


def same_lemma(x: str, y: str) -> bool:
    """Whether two normalised words are forms of one word ("wanted"/"want", "mice"/"mouse")."""
    return x == y or bool(lemmas(x) & lemmas(y))


@functools.lru_cache(maxsize=1)
def _spelling_rules() -> tuple:
    return tuple((regex.compile(pat), rep) for pat, rep in lexicon.rows("crosssource_spelling.tsv"))


@functools.lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """The word with British spellings made American (``crosssource_spelling.tsv``)."""
    for pat, rep in _spelling_rules():
        word = pat.sub(rep, word)
    return word


_DOUBLE = regex.compile(r"(.)\1+")
_VOWELS = regex.compile(r"(?<=.)[aeiouy]+")


def _skeleton(word: str) -> str:
    """The word's consonants, doubles collapsed, first letter kept: "momma" and "mama" ->
    "mm"."""
    return _VOWELS.sub("", _DOUBLE.sub(r"\1", word))


#: Pairs of words :func:`spelling_variant` remembers: 1024 keep 65 % of the hits of 65 536
#: in the check of 640 PolNeAR articles (1 532 / 2 365; ECB+ never holds more than 703, and
#: the check was no slower), while thousands of distinct names filled 11 600 entries (6
#: bytes per character of that check, at its peak; issue 14).
SPELLING_VARIANT_MEMO = 1024


@functools.lru_cache(maxsize=SPELLING_VARIANT_MEMO)
def spelling_variant(x: str, y: str) -> bool:
    """One word spelt two ways: British and American spelling (``crosssource_spelling.tsv``),
    or the same consonants with other vowels or doubled letters in a word of another length
    ("Mama"/"Momma", "Hefner"/"Heffner").  Two words of the same length that differ only in
    a vowel are different words ("live"/"love"), unless the spelling table joins them.

    >>> spelling_variant("fibre", "fiber"), spelling_variant("mama", "momma"), spelling_variant("live", "love")
    (True, True, False)
    """
    if x == y or spelling_key(x) == spelling_key(y):
        return True
    if min(len(x), len(y)) < 4 or len(x) == len(y) or x[0] != y[0] or abs(len(x) - len(y)) > 2:
        return False
    return _skeleton(x) == _skeleton(y)


@functools.lru_cache(maxsize=1)
def _contractions() -> tuple:
    """``(whole words, suffixes)`` from ``crosssource_contractions.tsv``."""
    whole: dict = {}
    suffixes: dict = {}
    for key, full in lexicon.rows("crosssource_contractions.tsv"):
        (suffixes if key.startswith(("'", "n'")) else whole)[key] = full
    return whole, tuple(sorted(suffixes.items(), key=lambda kv: -len(kv[0])))


def expanded(words: tuple) -> tuple:
    """Words with contractions written out: ("i'm", "sorry") -> ("i", "am", "sorry")."""
    whole, suffixes = _contractions()
    out = []
    for w in words:
        if w in whole:
            out.extend(whole[w].split())
            continue
        for suffix, full in suffixes:
            if w.endswith(suffix) and len(w) > len(suffix):
                out.extend((w[: -len(suffix)] + full).split())
                break
        else:
            out.append(w)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    """``(abbreviation, word)`` pairs from ``crosssource_abbreviations.tsv``."""
    return frozenset((a, w) for a, w in lexicon.rows("crosssource_abbreviations.tsv"))


def is_abbreviation(norm: str) -> bool:
    """Whether a word is one the abbreviation table knows ("sen", "dr"): its dot ends no
    sentence."""
    return any(a == norm for a, _ in _abbreviations())


def _abbreviates(x: str, y: str) -> bool:
    return (x, y) in _abbreviations() or (y, x) in _abbreviations()


def _acronym(short: tuple, long_: tuple, raw_short: tuple) -> bool:
    """"IE" for "Internet Explorer", "U.S." for "United States": the letters of one side
    (one word in capitals, or single letters) are the initials of the other side's words."""
    if len(long_) < 2:
        return False
    if len(short) == 1 and raw_short and raw_short[0].isupper() and len(raw_short[0]) >= 2:
        letters = short[0]
    elif all(len(w) == 1 for w in short) and len(short) >= 2:
        letters = "".join(short)
    else:
        return False
    return letters == "".join(w[0] for w in long_)


@functools.lru_cache(maxsize=1)
def _minor_words() -> frozenset:
    return lexicon.words("crosssource_minor_words.txt")


def is_minor_word(norm: str) -> bool:
    """A function word, an interjection or discourse marker ("oh", "well"), or a web-address
    ending: adding or dropping it changes nothing said.  Never a negation or a number."""
    if _align.is_negation(norm) or _align.is_number(norm):
        return False
    return _align.is_function(norm) or norm in _minor_words()


def same_words(xs: tuple, ys: tuple, raw_x: tuple = (), raw_y: tuple = ()) -> bool:
    """Whether two runs of words are the same words printed differently (spacing,
    contraction, spelling, abbreviation, acronym, inflection), word for word.

    >>> same_words(("data", "center"), ("datacenter",)), same_words(("i'm",), ("i", "am"))
    (True, True)
    >>> same_words(("ie",), ("internet", "explorer"), ("IE",)), same_words(("tremor",), ("temblor",))
    (True, False)
    """
    if "".join(xs) == "".join(ys):
        return True
    ex, ey = expanded(xs), expanded(ys)
    if "".join(ex) == "".join(ey):
        return True
    if _acronym(xs, ys, raw_x) or _acronym(ys, xs, raw_y):
        return True
    if len(ex) != len(ey):
        return False
    return all(x == y or spelling_variant(x, y) or _abbreviates(x, y) or same_lemma(x, y)
               for x, y in zip(ex, ey))


@functools.lru_cache(maxsize=1)
def _modals() -> frozenset:
    return lexicon.words("crosssource_modals.txt")


def _modal_swapped(xs: tuple, ys: tuple) -> bool:
    """A modal or auxiliary verb put for another ("will" / "did"), not for a form of itself.

    >>> _modal_swapped(("will",), ("did",)), _modal_swapped(("does",), ("did",))
    (True, False)
    """
    mx = {w for w in xs if w in _modals()}
    my = {w for w in ys if w in _modals()}
    return bool(mx and my) and not any(same_lemma(x, y) for x in mx for y in my)


def minor_change(xs: tuple, ys: tuple, raw_x: tuple = (), raw_y: tuple = ()) -> bool:
    """Whether an aligned edit (``xs`` on one side, ``ys`` on the other, either may be empty)
    leaves what the quote says alone: the same words printed differently, or only minor
    words (function words, interjections) added, dropped or swapped."""
    if xs and ys and same_words(xs, ys, raw_x, raw_y):
        return True
    if xs and ys and _modal_swapped(expanded(xs), expanded(ys)):
        return False
    # what differs after the same words are set aside, word for word, contractions written out
    ex, ey = expanded(xs), expanded(ys)
    rest_x = [x for x in ex if not any(same_words((x,), (y,)) for y in ey)]
    rest_y = [y for y in ey if not any(same_words((x,), (y,)) for x in ex)]
    return all(is_minor_word(w) for w in rest_x + rest_y)
