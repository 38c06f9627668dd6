"""The attribution that closes a sentence after its content: ``CONTENT, X said.``

One job: say whether a verb of saying after a comma is such a tail attribution, for
:func:`quotecheck.reported._reported_at`, which reads the content before it.  Two readers:

- :func:`tail_end`: what may follow the cue of a tail attribution -- nothing (the sentence
  ends), or an adjunct of when, where or how it was said (``said on Saturday``, ``says by an
  overwhelming margin``, ``said this week at an event in Wyoming``), then the end of the
  clause: a full stop, a semicolon, a colon, a dash, or a comma and ``and``/``but`` opening
  a clause of the reporter's (``..., a spokeswoman said on Saturday, and it has ...``).
- :func:`tail_subject`: the source between the comma and the cue when the phrase reader does
  not delimit it: a common noun with a post-modifier (``a source close to him``, ``people
  close to Clinton``, ``a wide array of economists``) or two coordinated phrases (``union
  members and leaders``, ``he and Mr. Allen``).  Journalists put nothing else between the
  comma closing the content and the verb, so the words between (at most eight, no verb,
  relative word or quotation mark among them) are the subject.

Every look is a few tokens on either side of the cue: linear in the sentence.
"""
from __future__ import annotations

from typing import Optional

from . import grammar_words as gw
from .clauses import DQ_OPEN
from .subjects import FINITE, WEEKDAYS
from .reported_lexicon import _ADJUNCT_PREPS, _NOT_SUBJECT_END

#: What closes the clause of a tail attribution (after its adjunct, if any).
_ENDERS = frozenset({".", "!", "?", ";", ":", "—", "–", "--"})

#: Words that may open an adjunct after the cue of a tail attribution: a preposition, a word of
#: time (``said this week``, ``said Saturday``) or a manner (``says by a wide margin``).
_ADJUNCT_OPENERS = (_ADJUNCT_PREPS - {"to", "for", "with"}) | {"by", "this", "last", "earlier", "later", "recently", "yesterday", "today",
                                     "privately", "publicly", "repeatedly", "often", "again", "late", "early"}

#: The longest adjunct stepped over, in tokens.
_ADJUNCT_REACH = 8

#: The longest subject read between the comma and the cue, in tokens.
_SUBJECT_REACH = 8

#: Plural nouns without an -s that may open a bare plural source (``people close to Clinton``).
_PLURALS = frozenset({"people", "staff", "police", "women", "men", "children"})

#: Object pronouns that may be the whole hearer of ``tell`` in a tail (``the president told her.``).
_HEARER_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})

#: Words that may not stand inside the subject of a tail: a verb or a word that opens a clause.
_NOT_IN_SUBJECT = FINITE | gw.RELATIVE_PRONOUNS | gw.SUBORDINATORS | {"that", "not", "never", "to"}

#: Words that may follow a preposition inside the subject (``close to him``): the one place an
#: object pronoun or ``to`` stands in it.
_POST_ADJECTIVES = frozenset({"close", "familiar", "near", "loyal", "opposed", "allied", "sympathetic",
                              "connected", "related", "friendly"})


def tail_end(toks: list, k: int, tell: bool = False) -> bool:
    """Whether the cue whose words end before token ``k`` closes its clause: nothing after
    it, or an adjunct of at most eight words, then a full stop, semicolon, colon or dash, or
    a comma and ``and``/``but``; with ``tell``, one object pronoun may come first.

    >>> from quotecheck import words as wd
    >>> def ends(s, tell=False):
    ...     t = wd.tokens(s, 0, len(s))
    ...     return tail_end(t, 1, tell)
    >>> ends("said on Saturday, and it has used it five times.")
    True
    >>> ends("said; his agents found them."), ends("says by an overwhelming margin, and more.")
    (True, True)
    >>> ends("said on Tuesday the plan would fail."), ends("said in a statement that it was over.")
    (False, False)
    >>> ends("told her."), ends("told her.", True), ends("told The Washington Post.", True)
    (False, True, True)
    >>> ends("said, twice, that")
    False
    """
    n = len(toks)
    m = k
    if tell and m < n and toks[m].text.lower() in _HEARER_PRONOUNS:
        m += 1
    elif tell:
        while m < n and m - k < 4 and (toks[m].cap and toks[m].text not in WEEKDAYS or
                                       m == k and toks[m].text == "the" and m + 1 < n and toks[m + 1].cap):
            m += 1  # "told POLITICO.", "told the Tribune"
    if m < n and (toks[m].text.lower() in _ADJUNCT_OPENERS or toks[m].text in WEEKDAYS):
        m += 1
        while m < n and m - k <= _ADJUNCT_REACH and (toks[m].word or toks[m].text in ("'s", "’s")):
            w = toks[m].text.lower()
            if w in FINITE or w in gw.SUBJECT_PRONOUNS or w == "that" or \
                    toks[m].text.islower() and w.endswith("ed") and len(w) > 4:
                return False  # "said on Tuesday the plan would fail": a clause, not an adjunct
            m += 1
    if m >= n:
        return True
    w = toks[m].text
    if w == ":":
        # "Asked about X, he said: “...”": a colon before a quotation follows a fronted
        # adverbial more often than content
        return m + 1 < n and toks[m + 1].word and toks[m + 1].text not in DQ_OPEN
    if w in _ENDERS:
        return True
    return w == "," and m > k and m + 1 < n and toks[m + 1].text.lower() in ("and", "but")


def tail_subject(toks: list, j: int) -> Optional[list]:
    """The tokens from the comma before ``j`` to ``j`` (the last word before the cue) when
    they make the source of a tail attribution the phrase reader left undelimited, else
    None: at most eight words after a comma that has content before it, the first a
    determiner, a capitalised word, a number or a plural noun, the last not a word that
    ends no subject; no verb, relative word or quotation mark among them; an object
    pronoun only after ``close to`` and the like, a subject pronoun only first and before
    ``and``.

    >>> from quotecheck import words as wd
    >>> def subj(s):
    ...     t = wd.tokens(s, 0, len(s))
    ...     j = len(t) - 3  # "said" and "." end each case
    ...     r = tail_subject(t, j)
    ...     return r and " ".join(x.text for x in r)
    >>> subj("Cruz will change, a source close to him said.")
    'a source close to him'
    >>> subj("It is not only about size, he and Mr. Allen said.")
    'he and Mr. Allen'
    >>> subj("Support is strong, teachers and union officials told.")
    'teachers and union officials'
    >>> subj("Cruz will change, and he said.") is None, subj("It failed, as aides said.") is None
    (True, True)
    >>> subj("It failed, which the people who were there said.") is None
    True
    """
    c = j
    while c > 0 and j - c < _SUBJECT_REACH and toks[c].text != ",":
        c -= 1
    if c < 2 or c == j or toks[c].text != ",":
        return None
    span = toks[c + 1:j + 1]
    first, last = span[0], span[-1]
    fw = first.text.lower()
    if not (first.cap or fw in gw.DETERMINERS or first.text[:1].isdigit() or
            first.text.islower() and (fw.endswith("s") and len(fw) > 3 or fw in _PLURALS) and
            fw not in _NOT_IN_SUBJECT or
            fw in gw.SUBJECT_PRONOUNS and len(span) > 2 and span[1].text == "and"):
        return None
    if not last.word or last.text.lower() in _NOT_SUBJECT_END and last.text.lower() not in _HEARER_PRONOUNS:
        return None
    for p, t in enumerate(span):
        w = t.text.lower()
        if not (t.word or t.text in ("'s", "’s", "-")):
            return None
        if p == 0:
            continue
        if w in _HEARER_PRONOUNS or w == "to":
            # "close to him": only after a post-modifying adjective and its preposition
            prev = span[p - 1].text.lower()
            if not (w == "to" and prev in _POST_ADJECTIVES or
                    w in _HEARER_PRONOUNS and p > 1 and span[p - 2].text.lower() in _POST_ADJECTIVES):
                return None
            continue
        if w in _NOT_IN_SUBJECT or w in gw.SUBJECT_PRONOUNS or t.text.islower() and w.endswith("ed") and len(w) > 4:
            return None
    return span
