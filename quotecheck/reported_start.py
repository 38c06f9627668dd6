"""Where a reported content starts, when its reader started it too late.  One job: move the
start of an item back to where PolNeAR's annotation puts it, by named rules:

- ``passive-subject-head`` (:func:`passive_subject_start`): ``The governor's veto of the
  bill was criticized by both parties``, ``Many of her remarks about the budget were echoed
  by the mayor``, ``the hiring of a new coach and the firing of the old one were seen by
  fans as ...``: the content of a passive with an agent is its whole subject, but the
  passive's reader (:mod:`quotecheck.reported_passive`) takes the noun phrase right before
  *be*, which after ``of``/``with``/``on`` ... is only the object of the subject's head.
  The content then starts at the subject's head, where the clause starts (the sentence's
  start, a comma, ``but``, ``how``, ``that`` ...), when no verb stands between.

:func:`start_items` passes every item of :func:`quotecheck.reported.find_reported` through
the rules; a reshaped item's rule is the reader's with ``+<rule>`` added, so the output says
which rule moved it.  Each rule looks at most 160 characters back from the item's start,
once: linear in the text.
"""
from __future__ import annotations

import regex

from . import grammar_words as gw
from .subjects import FINITE

#: Rule names and confidences (the share of the items each rule reshaped on the first 640
#: articles of polnear-train that lie inside a gold content; see docs/accuracy.md).
RULES = {
    "passive-subject-head": 0.8,
}

#: Prepositions that join a subject's head to the noun phrase the passive's reader took
#: (``the veto of``, ``her relationship with``, ``the attack on``, ``his support for``).
#: Not ``in``/``at``/``to``/``from``/``by``: after those the phrase is as often an adjunct.
_PREPS = frozenset("of with on for about against between over toward towards among".split())

#: Words that open the clause the passive's subject stands in: the head starts after them.
_OPENERS = (frozenset(gw.SUBORDINATORS) | frozenset(gw.RELATIVE_PRONOUNS) |
            frozenset("that but so how what why where whether when while if as than because "
                      "said says according".split()))

#: A word or one mark of punctuation.
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*+|[^\s\p{L}\p{N}]")

#: How far back the head may start, in characters and words.
_BACK_CHARS = 160
_BACK_WORDS = 10


def _head_start(text: str, lo: int, a: int) -> int:
    """Where the subject's head starts before an object of a preposition at ``a`` (see the
    module's ``passive-subject-head``), or -1: ``text[lo:a]`` ends with a preposition of
    ``_PREPS``; the words before it, back to the clause's opening (``lo``, a mark of
    punctuation or a word of ``_OPENERS``), hold no finite verb, and the first of them is a
    determiner, a quantifier or a capitalised word, not a subject pronoun.

    >>> t = "But the hiring of a coach and the firing of the old one"
    >>> t[_head_start(t, 0, t.index("the old")):]
    'the hiring of a coach and the firing of the old one'
    >>> t = "He spoke of the risks"
    >>> _head_start(t, 0, t.index("the risks"))
    -1
    """
    toks = list(_TOKEN.finditer(text, lo, a))
    if not toks or toks[-1].group().lower() not in _PREPS:
        return -1
    k = len(toks) - 1
    first = -1
    while k > 0:
        w = toks[k - 1].group()
        low = w.lower()
        if not (w[0].isalnum()) or low in _OPENERS:
            break
        if low in FINITE:
            return -1  # "He spoke of the risks": a verb's prepositional object
        k -= 1
        first = k
        if len(toks) - k > _BACK_WORDS:
            return -1
    if first < 0:
        return -1
    if k == 0 and lo > 0 and text[lo - 1].isalnum():
        return -1  # the window cut a word: the clause starts further back
    w0 = toks[first].group()
    if w0.lower() in gw.SUBJECT_PRONOUNS or not (w0[0].isupper() or w0.lower() in gw.DETERMINERS or
                                                 w0.lower() in _QUANTIFIERS):
        return -1  # "He spoke of ...": a clause's subject, not a phrase's head
    return toks[first].start()


#: Quantifiers that open a subject (``Many of his remarks``, ``Both of the bills``).
_QUANTIFIERS = frozenset("many most some all both several few each either neither none one two three "
                         "much".split())


def passive_subject_start(doc, item):
    """``item`` with its content starting at the head of the passive's subject (the module's
    ``passive-subject-head``), else ``item`` unchanged.

    >>> from quotecheck.clauses import DocIndex, Hit
    >>> t = "The governor's veto of the bill was criticized by both parties."
    >>> h = Hit(35, 45, "criticized", "criticize", "speech", ())
    >>> pieces, _, rule = passive_subject_start(DocIndex(t, ()), ([(23, 31)], h, "speech-passive"))
    >>> t[pieces[0][0]:pieces[0][1]], rule
    ("The governor's veto of the bill", 'speech-passive+passive-subject-head')
    >>> passive_subject_start(DocIndex(t, ()), ([(23, 31)], h, "speech-reduced-passive"))[0]
    [(23, 31)]
    """
    pieces, h, rule = item
    if len(pieces) != 1 or not rule.endswith("-passive") or "reduced" in rule or "+" in rule:
        return item
    a, b = pieces[0]
    if h.cue_start is None or h.cue_start < b:
        return item
    s0 = doc.sentence(a)[0]
    lo = max(s0, a - _BACK_CHARS)
    s = _head_start(doc.text, lo, a)
    if s < 0:
        return item
    return [(s, b)], h, rule + "+passive-subject-head"


def start_items(doc, items: list) -> list:
    """Every item of ``items`` through the rules of the module (in place), and the list."""
    for k, item in enumerate(items):
        items[k] = passive_subject_start(doc, item)
    return items
