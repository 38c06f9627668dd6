"""What may stand between a verb of saying and its ``that``: an aside in commas (``testified,
for example, that``, ``had decided, after months of debate, that``), an adjunct opened by a
preposition (``say by 55 to 41 percent that``, ``wrote in a memo to staff that``) or the
hearer of a verb that takes one (``told a crowded banquet hall in Baltimore that``,
``wrote the local newspaper, The Ledger, that``).

One job: :func:`gap_that` finds the ``that`` past such a gap, for
:func:`quotecheck.reported_fallback.that_fallback`, which reads the clause after it when no
phrase reader took the verb.  The look is bounded (a dozen tokens), so it stays linear.
"""
from __future__ import annotations

from typing import Optional

from . import grammar_words as gw
from .subjects import FINITE
from .reported_lexicon import _HEARER_VERBS

#: Prepositions that open an adjunct between a verb and its ``that`` (where, when, how, to
#: whom it was said).
_ADJUNCT_OPENERS = frozenset({"by", "in", "on", "at", "during", "after", "before", "to", "with", "for", "over",
                              "from", "through", "via", "again", "repeatedly", "publicly", "privately"})

#: Words that end the look: a clause, a coordination or a relative clause inside the gap.
_GAP_STOPS = frozenset({"which", "who", "whom", "whose", "and", "but", "or", "if", "when", "because", "while",
                        "as", "where", "not", "than"})

#: Marks no gap holds (a quotation, a clause break).
_GAP_MARKS = frozenset({'"', "“", "”", "''", ";", ":", "(", ")", "—", "–", "--", "?", "!", "."})

#: Hearers that are pronouns (``told them that``).
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})

#: Words after which an ``-ed`` or ``-ing`` word is an attribute (``a crowded hall``).
_ATTRIBUTE_BEFORE = gw.ARTICLES | gw.POSSESSIVES | frozenset({"very", "most", "more", "newly"})

#: The longest gap read.
_LONGEST = 12

#: Verbs that take a hearer before ``that`` besides those of the lexicon (``wrote the
#: newspaper that``).
_MORE_HEARER = frozenset({"tell", "write", "testify"})


def _clause_after(toks: list, m: int) -> bool:
    """Whether a clause opens right after the ``that`` at ``m``: a subject pronoun, or a
    phrase opened by a capitalised word or a determiner with a finite verb within eight
    words (not ``that drew hundreds``, a relative clause, nor ``that day``)."""
    if m + 2 >= len(toks):
        return False
    nxt = toks[m + 1]
    low = nxt.text.lower()
    if low in gw.SUBJECT_PRONOUNS and low != "it":
        return True
    if not (nxt.cap or low in gw.ARTICLES or low in gw.POSSESSIVES or low in ("it", "there", "some", "many", "most")):
        return False
    for t in toks[m + 2:m + 10]:
        if not (t.word or t.text in ("'s", "’s", ",", "-")):
            return False
        w = t.text.lower()
        if w in FINITE or t.text.islower() and w.endswith("ed") and len(w) > 4:
            return True
    return False


def gap_that(toks: list, i: int, lemma: str) -> Optional[int]:
    """The index of the ``that`` that opens the content of the verb at ``i`` (lemma
    ``lemma``) past a gap of at most a dozen tokens, else None: the gap is an aside in
    commas, an adjunct opened by a preposition, or (after a verb that takes a hearer) a
    hearer; it holds no finite verb, no quotation and no clause of its own, and a clause
    follows the ``that``.

    >>> from quotecheck import words as wd
    >>> t = "Ms. Lee testified, for example, that she never sent the files."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> toks[gap_that(toks, 2, "testify")].start
    32
    >>> t = "Mr. Cole told a crowded banquet hall in Baltimore that he is not giving up."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> toks[gap_that(toks, 2, "tell")].text
    'that'
    >>> t = "He spoke at a rally that drew thousands."
    >>> gap_that(wd.tokens(t, 0, len(t)), 1, "speak") is None
    True
    """
    n = len(toks)
    k = i + 1
    if k >= n:
        return None
    first = toks[k]
    low = first.text.lower()
    if first.text == ",":
        form = "aside"
    elif low in _ADJUNCT_OPENERS:
        form = "adjunct"
    elif (lemma in _HEARER_VERBS or lemma in _MORE_HEARER) and (
            first.cap or low in gw.ARTICLES or low in gw.POSSESSIVES or low in _OBJECT_PRONOUNS or
            low.endswith("s") and first.text.islower()):
        form = "hearer"
    else:
        return None
    for m in range(k + 1, min(n - 2, k + _LONGEST)):
        t = toks[m]
        w = t.text.lower()
        if w == "that":
            if form == "aside" and toks[m - 1].text != ",":
                return None  # ", for example that": the aside is not closed
            return m if _clause_after(toks, m) else None
        if w in FINITE or w in _GAP_STOPS or t.text in _GAP_MARKS or t.text.islower() and len(w) > 5 and \
                w.endswith(("ed", "ing")) and toks[m - 1].text.lower() not in _ATTRIBUTE_BEFORE:
            return None  # a verb of its own (not "a crowded hall", "the opening session")
    return None
