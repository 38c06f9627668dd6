"""The head of a subject noun phrase that a homograph cue agrees with.

A cue that is as often a noun (``support``, ``hope``, ``fear``: data/reported_homographs.txt)
reads as a verb when its subject is plural and the form has no ``-s`` (``many voters fear``).
The plural is the phrase's head, which a modifier after it hides: ``supporters of the law
hope``, ``two-thirds of the voters polled support``, ``the senators surveyed support``.
:func:`plural_head` finds that head: the word before the first ``of`` or a participle that
closes the phrase (``polled``, ``surveyed``, ``voting Tuesday``), when it is a plural noun or
a share (``half``, ``percent``, ``two-thirds``).
"""
from __future__ import annotations

#: Shares that stand for a plural group before ``of`` (``two-thirds of voters``, ``half the
#: senators``, ``40 percent of``).
SHARES = frozenset("""half third thirds two-thirds quarter quarters three-quarters percent per cent majority
                      most many some few all both several none dozens hundreds thousands millions %""".split())

#: Words that end a plural noun's modifier and are no head themselves.
_NOT_HEAD = frozenset("""the a an this that these those his her their its our my your of in on at for with from by
                         under over about among who which and or but as than""".split())


def _plural(word: str) -> bool:
    w = word.lower()
    return (w.endswith("s") and not w.endswith(("ss", "'s", "’s", "us", "is")) and len(w) > 3 and
            w.isalpha() or w in SHARES)


def plural_head(np) -> bool:
    """Whether the noun phrase ``np`` (tokens) is headed by a plural or a share that a
    modifier after it hides: the word before its first ``of``, or before a closing
    participle (``-ed``, ``-ing``) or a ``the`` (``half the senators``).

    >>> from quotecheck import words as wd
    >>> head = lambda s: plural_head(wd.tokens(s, 0, len(s)))
    >>> head("Supporters of the law"), head("the senators surveyed"), head("About two-thirds of the voters")
    (True, True, True)
    >>> head("the law"), head("the Secretary of State"), head("Jones"), head("the business of politics")
    (False, False, False, False)
    """
    words = [t.text for t in np]
    if len(words) < 2:
        return False
    for m, w in enumerate(words):
        if w == "of" and m > 0:
            return _plural(words[m - 1]) and (words[m - 1].islower() or m == 1)
        if w.lower() == "the" and m > 0 and words[m - 1].lower() in SHARES:
            return True  # "half the senators"
    last = words[-1]
    if last.islower() and last.endswith(("ed", "ing")) and len(words) >= 2:
        prev = words[-2]
        return prev.islower() and _plural(prev) and prev.lower() not in _NOT_HEAD
    return False
