"""What stands between a reporting verb and its content, and who speaks when no subject
stands before it: the hearer of *tell* and its kin (``told reporters``, ``told CNN last week
she ...``), time adjuncts and manner adverbs (``said on Tuesday that``, ``said flatly
that``), a gerund of manner (``rallied crowds by promising to ...``), and the speaker of the
clause before a participle.  Split off :mod:`quotecheck.reported_frames` at 815 lines; the
frame readers there and in :mod:`quotecheck.reported` call these.
"""
from __future__ import annotations

from . import grammar_words as gw
from .clauses import hits_in
from .subjects import FINITE, WEEKDAYS
from .reported_fallback import _TIME_WORDS, contracted_subject
from .reported_lexicon import _ADJUNCT_PREPS


def _by_manner(toks: list, i: int) -> bool:
    """``rallied thousands by promising to ...``: a gerund after ``by`` inside the clause
    tells how its subject acted, and speaks for that subject (not at the sentence start,
    where the subject comes after: ``By refusing to ..., Trump ...``)."""
    return i > 1 and toks[i - 1].text.lower() in MANNER_PREPS and toks[i - 2].word


#: Prepositions whose gerund inside a clause speaks for the clause's subject (``rallied
#: crowds by promising``, ``joined Trump in calling for``, ``spoke in Iowa after meeting``).
MANNER_PREPS = frozenset({"by", "in", "after", "while"})


def _skip_object(toks, k, lemma) -> int:
    """Step over what stands between a cue and its clause: the hearer of *tell* and similar
    (``told reporters``, ``told CNN on Sunday``) and time adjuncts."""
    n = len(toks)
    if lemma in ("tell", "inform", "assure", "reassure", "warn", "remind", "advise", "urge") and k < n:
        j = k
        while j < n and j - k < 6 and toks[j].text.lower() != "that" and (
                toks[j].cap or toks[j].text.lower() in ("reporters", "the", "a", "an", "his", "her", "their",
                                                           "him", "them", "me", "us", "audience", "crowd",
                                                           "supporters", "journalists", "'s", "’s")):
            j += 1
        if lemma == "tell":
            # the hearer of "tell" is one phrase, the clause may follow it bare; before an
            # infinitive ("told the voters to ...") the hearer stays with the content
            h = _hearer_end(toks, k)
            c = h
            while c < n and c - h < 3 and (toks[c].text in WEEKDAYS or toks[c].text.lower() in _TIME_WORDS):
                c += 1  # "told CNN last week she ..."
            if c < n and h > k and (toks[c].cap or toks[c].text.lower() in _CLAUSE_OPENING or
                                    contracted_subject(toks[c].text)):
                j = h
        k = j
    while k < n and (toks[k].text in WEEKDAYS or toks[k].text.lower() in _TIME_WORDS or (
            # "on" only before a day ("said on Tuesday that"), not "said on a call with reporters"
            toks[k].text == "on" and k + 1 < n and toks[k + 1].text in WEEKDAYS) or (
            # a manner adverb ("said flatly that", "testified voluntarily in 1998")
            toks[k].text.endswith("ly") and toks[k].text.islower() and len(toks[k].text) > 4 and
            k + 1 < n and (toks[k + 1].text in _ADJUNCT_PREPS or toks[k + 1].text == "that"))):
        k += 1
    return k


_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us", "you"})
_HEARER_DETERMINERS = gw.ARTICLES | gw.POSSESSIVES
_POSSESSIVE_ENDS = frozenset({"'s", "’s"})
#: What may open the clause after a hearer: "that", a subject pronoun, a determiner.
_CLAUSE_OPENING = _HEARER_DETERMINERS | {"that", "he", "she", "they", "we", "i", "it", "you", "there", "this",
                                         "these", "those", "no", "some", "most", "many", "all"}


def _hearer_end(toks: list, k: int) -> int:
    """Where the hearer of *tell* (at ``k``) ends: one noun phrase, so that what follows
    may be the clause (``told CNN the plan would fail``, ``told the AP her group never
    ...``, ``tell pollsters they have ...``, ``told The Star-Ledger of Newark she ...``):
    an object pronoun; or a determiner and then capitalised words (with ``'s`` and ``of``
    + capitalised words) or one lower-case noun; or capitalised words; or one lower-case
    plural (``reporters``)."""
    n = len(toks)
    w = toks[k].text.lower()
    if w in _OBJECT_PRONOUNS:
        return k + 1
    j = k
    if w in _HEARER_DETERMINERS:
        j += 1
        if w == "her" and (j >= n or not toks[j].word or toks[j].cap or
                           toks[j].text.lower() in _CLAUSE_OPENING or toks[j].text == "to"):
            return j  # "told her the plan", "told her he ...": the pronoun is the hearer
    start = j
    while j < n and j - start < 6 and (toks[j].cap or toks[j].text in _POSSESSIVE_ENDS or
                                       toks[j].text == "of" and j > start and j + 1 < n and toks[j + 1].cap):
        j += 1
    if j > start:
        return j
    if j < n and toks[j].word and toks[j].text.islower() and toks[j].text not in ("that", "to") and \
            toks[j].text.lower() not in FINITE and (j > k or toks[j].text.endswith("s")):
        # "told reporters", "told the crowd"
        return j + 1
    return k


def _latest_subject(doc, toks, i):
    """For ``..., pointing out that``: the speaker phrase of the clause before."""
    hits = hits_in(doc, toks, 0, i)
    if hits:
        return hits[-1].np
    return None


def _infinitive(toks: list, k: int) -> bool:
    """Whether the ``to`` at ``k`` opens an infinitive (``to stay``), not a hearer (``to
    reporters``, ``to the crowd``, ``to CBS News``, ``to him``): a lower-case word after it
    that is no determiner, pronoun or plural noun of people."""
    if k + 1 >= len(toks):
        return False
    w = toks[k + 1].text
    return w.islower() and toks[k + 1].word and w not in gw.ARTICLES and w not in gw.POSSESSIVES and \
        w not in _HEARER_PRONOUNS and not (w.endswith("s") and w not in _VERB_S)


#: Object pronouns that may be the hearer after ``to``.
_HEARER_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "reporters", "supporters", "voters"})
#: Verbs in ``-s`` after ``to`` are rare; these few are verbs, not plural hearers, there.
_VERB_S = frozenset({"discuss", "address", "express", "stress", "press", "focus", "pass", "assess", "harass"})
