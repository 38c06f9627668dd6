"""Modal auxiliaries between a subject and its reporting verb (rule ``modal-between``).

Reading leftwards from a cue, the subject readers step over adverbs and auxiliaries with
:func:`quotecheck.clauses.skip_adverbs_left`, whose table (``grammar_adverbs_between.txt``,
shared with the quotation attributor) lists ``could``, ``may``, ``might``, ``will``, ``would``
but not ``can``, ``must``, ``should``, ``shall``: "Voters must remember that the war ended"
or "I can support either of them" then took the modal for the subject and read nothing.
:func:`skip_left` steps over those modals too (``data/reported_modals.txt``), as often as they
alternate with adverbs ("can now say", "must also declare"), and otherwise does exactly what
``skip_adverbs_left`` does.  Bounded by the tokens it steps over: linear.
"""
from __future__ import annotations

from . import grammar_words as gw
from . import lexicon
from .clauses import skip_adverbs_left

#: Rule name and confidence of the step (docs/rules.md): the modal is an auxiliary of the cue
#: whenever a subject stands right before it, so the reading is as sure as the frame's.
RULE = "modal-between"
CONFIDENCE = 0.9

MODALS = lexicon.exact("reported_modals.txt")


def skip_left(toks: list, j: int, lo: int) -> int:
    """Like ``skip_adverbs_left``, but also over a lower-case modal (``can``, ``must``,
    ``should``, ``shall``, ``cannot``, ``ought``) between the subject and the cue; not
    after an article ("the can said": a noun).

    >>> from quotecheck.words import tokens
    >>> toks = tokens("Voters must now remember that")
    >>> skip_left(toks, 2, 0), toks[skip_left(toks, 2, 0)].text
    (0, 'Voters')
    """
    j = skip_adverbs_left(toks, j, lo)
    while j > lo and toks[j].text in MODALS and toks[j - 1].text.lower() not in gw.ARTICLES:
        j = skip_adverbs_left(toks, j - 1, lo)
    return j
