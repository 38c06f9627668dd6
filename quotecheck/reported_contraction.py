"""A pronoun contraction right before a broad cue (rule ``contracted-subject``).

:func:`quotecheck.reported.find_reported` refuses a broad cue word from the words before it,
without tokenising the sentence: after a determiner, ``to``, a copula or a possessive
(``Lopez's show``) the word is a noun, an infinitive or a passive, and a broad ``-ing`` form
reads only after a comma or inside a verb group.  A subject pronoun with its auxiliary in one
word (``She's endorsed``, ``He’s also praising``, ``they've backed``) then looked like a
possessive, or like no verb group, and the cue was dropped before the tokenised readers, which
split such a contraction into its pronoun and auxiliary (``reported._split_contraction``),
could see it.  :func:`expand_before` makes the same split on those words first, so the quick
refusal sees ``She has endorsed`` and ``He is also praising``.  One look at the last three
words: linear.
"""
from __future__ import annotations

#: Rule name and confidence (docs/rules.md): a pronoun with its auxiliary is a subject, never
#: a possessive, so the cue after it is read as after "she has"; as sure as the frame read.
RULE = "contracted-subject"
CONFIDENCE = 0.9

#: Words that may stand between the contraction and the cue (as ``reported._contraction_before``).
_BETWEEN = frozenset({"not", "also", "still", "now", "just", "already"})


def expand_before(before: list, w: str) -> list:
    """``before`` (the words before the cue word ``w``, split on spaces) with a subject
    pronoun contraction among its last three words written as pronoun and auxiliary
    (``'s`` is ``has`` before a participle, ``is`` before an ``-ing`` form).

    >>> expand_before(["Now", "She's"], "endorsed")
    ['Now', 'She', 'has']
    >>> expand_before(["He’s", "also"], "praising")
    ['He', 'is', 'also']
    >>> expand_before(["Lopez's"], "show")
    ["Lopez's"]
    """
    from .reported import _AUXILIARY, _CONTRACTED  # the one table of contractions
    for k in range(1, min(3, len(before)) + 1):
        word = before[-k]
        m = _CONTRACTED.fullmatch(word)
        if m:
            aux = _AUXILIARY[m.group(2).lower()]
            if aux == "is" and not w.endswith("ing"):
                aux = "has"  # "She's endorsed", "he's said"
            return before[:-k] + [m.group(1), aux] + before[len(before) - k + 1:]
        if not (word.lower() in _BETWEEN or word.islower() and word.endswith("ly")):
            break
    return before
