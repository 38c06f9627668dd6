"""The speaker of a reported item whose cue's own phrase is not who speaks.  One job:
:func:`possessive_owner`, for a nominal cue after a possessive pronoun that a verb of the
sentence governs (``The mayor renewed her call for a recount``): the pronoun stands for the
subject of that verb, and that subject is the source the reader (and PolNeAR) names.

Counted on the first 640 articles of PolNeAR-train: of the reported items whose speaker is
a possessive right after a verb, none had the possessive as the annotated source; the
subject of the verb was (``he escalated his attacks on``, ``Latino Republicans have been
unsparing in their criticism of``), where a possessive that opens its phrase (``His plan
for ...``, ``on her support for``) is the source as written.
"""
from __future__ import annotations

from typing import Optional

from . import grammar_words as gw
from . import mentions as mn
from .clauses import DocIndex
from .subjects import initial_subject, token_index

#: A possessive pronoun and the subject pronouns it may stand for.
_AGREES = {"his": ("he",), "her": ("she",), "their": ("they", "we"), "its": ("it",)}
#: Words that may stand between the verb and the possessive (``laid out his plan``,
#: ``expanded upon his calls``, ``unsparing in their criticism``).
_BETWEEN = frozenset({"out", "up", "down", "off", "back", "on", "upon", "in", "to", "about", "over", "for",
                      "again", "also", "still", "once", "never", "not", "openly", "publicly", "repeatedly"})
#: Irregular past forms that take a possessive object (``made his case``, ``laid out her plan``).
_IRREGULAR = frozenset({"made", "laid", "took", "gave", "held", "set", "put", "kept", "stood", "threw", "led",
                        "met", "won", "lost", "began", "sent", "renewed"})


_BE = gw.FORMS_OF_BE - {"am", "be", "been", "being"}  # a finite copula of the third person
#: Words that open another clause or phrase: a possessive after them is not the verb's.
_STOPS = frozenset({"and", "but", "or", "than", "of", "with", "by", "from", "that", "which", "who", "when",
                    "while", "because", "if", "as"}) | gw.ARTICLES


def _verb_like(word: str) -> bool:
    """A lower-case verb form that may govern an object: a past (``-ed``), a third person
    (``-s``, not ``-ss``/``-us``/``-is``), a progressive or an irregular past."""
    return word.islower() and (word.endswith(("ed", "ing")) and len(word) > 4 or
                               word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 or
                               word in _IRREGULAR)


def possessive_owner(doc: DocIndex, pos: int, pronoun: str) -> Optional[tuple]:
    """The subject tokens a possessive pronoun at ``pos`` stands for, when a verb of its
    sentence governs the phrase it opens: the sentence opens with that subject, the verb
    comes at most five words before the possessive with only particles, prepositions and
    adverbs (or an adjective after a copula) between, and the subject agrees with it (a
    pronoun of its person and number; ``their`` a plural, ``its`` no person); else None.

    >>> from quotecheck.clauses import DocIndex
    >>> t = "Later in the day, she escalated her attacks on his record."
    >>> d = DocIndex(t, ())
    >>> [x.text for x in possessive_owner(d, t.index("her"), "her")]
    ['she']
    >>> possessive_owner(d, t.index("his"), "his") is None
    True
    """
    agree = _AGREES.get(pronoun.lower())
    if agree is None:
        return None
    s0, _ = doc.sentence(pos)
    if pos - s0 > 400:
        return None
    toks = doc.toks(s0, pos)
    found = initial_subject(doc.text, toks)
    if found is None or not found[0]:
        return None
    subject, verb = found
    v = token_index(toks, verb.start)
    between = toks[v + 1:]
    if len(between) > 5 or any(not t.word for t in between):
        return None
    if not (_verb_like(verb.text) or verb.text.lower() in ("has", "have", "had") or verb.text.lower() in _BE):
        return None
    copula = verb.text.lower() in _BE or any(t.text.lower() == "been" for t in between)
    if any(t.text.lower() in _STOPS or t.text.lower() not in _BETWEEN and not _verb_like(t.text) and
           not (copula and t.text.islower()) for t in between):
        return None  # a word of another phrase between: the possessive is not the verb's object
    first = subject[0].text.lower()
    if len(subject) == 1 and first in ("he", "she", "they", "we", "it", "i", "you"):
        return tuple(subject) if first in agree else None
    m = mn.read_mention(doc.text, list(subject))
    if m is None:
        return None
    person = m.entity == "person"
    plural = m.kind == "group" or m.entity == "group" or subject[-1].text.endswith("s") and not person
    if pronoun.lower() == "their" and not plural or pronoun.lower() == "its" and (person or plural) or \
            pronoun.lower() in ("his", "her") and (not person or plural):
        return None
    return tuple(subject)
