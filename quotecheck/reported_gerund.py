"""Reported speech after a preposition and a gerund of saying: ``After saying he was
nervous, the man asked ...``, ``Mr. Roe, after initially saying he would not run, filed
...``, ``She set herself apart by arguing that the law was wrong``.

One job: :func:`prep_gerund_at` reads such a gerund, which the cue scan otherwise drops as a
noun (``a ban on admitting``): the gerund's subject is the subject of the clause it stands
in (the sentence's initial subject, past an opening adverbial), and its content is the
clause after it (past ``that`` and the hearer of *tell*), which must plainly be a clause.
Every look is bounded by the sentence's tokens, so it stays linear.
"""
from __future__ import annotations

from . import lexicon
from .clauses import DocIndex, Hit
from .reported_content import _clause_end, _content, _trim
from .reported_far_said import plain_clause
from .reported_hearer import _hearer_end
from .reported_lexicon import _verb_at
from .subjects import initial_subject

#: Prepositions after which a gerund of saying tells what the clause's subject said: before
#: or after the main act (``after saying``, ``before insisting``) or as its manner (``by
#: arguing``).
PREPS = frozenset({"after", "before", "by"})

#: The gerunds read (``data/reported_gerunds.txt``).
_GERUNDS = lexicon.exact("reported_gerunds.txt")


def prep_gerund_at(doc: DocIndex, toks: list, i: int, s1: int):
    """``(spans, hit, rule)`` for the gerund at ``i`` after one of :data:`PREPS` (an adverb
    may stand between: ``after initially saying``), else None.

    >>> from quotecheck import words as wd
    >>> t = "After saying he was nervous, Mr. Smith ended up in the front row."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = prep_gerund_at(DocIndex(t, ()), toks, 1, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans], rule
    (['Mr.', 'Smith'], ['he was nervous'], 'speech-prep-gerund')
    >>> t = "The mayor won the race by saying the city needed a change."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = prep_gerund_at(DocIndex(t, ()), toks, 6, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans]
    (['The', 'mayor'], ['the city needed a change'])
    """
    w = toks[i].text
    if w not in _GERUNDS:
        return None
    p = i - 1
    if p > 0 and toks[p].text.islower() and toks[p].text.endswith("ly"):
        p -= 1  # "after initially saying"
    if p < 0 or toks[p].text.lower() not in PREPS:
        return None
    v = _verb_at(toks, i)
    if v is None or v[0] != 1 or v[2] not in ("speech", "thought"):
        return None
    _, lemma, cls, _ = v
    k = i + 1
    if k < len(toks) and lemma == "tell":
        k = _hearer_end(toks, k)
        if k == i + 1:
            return None  # "by telling" with no hearer: not a report
    that = k < len(toks) and toks[k].text == "that"
    if that:
        k += 1
    if k >= len(toks) or not (that and toks[k].word or plain_clause(toks, k)):
        return None
    text = doc.text
    if p == 0:
        # "After saying ..., the man asked": the subject follows the adverbial's comma
        c = next((m for m in range(k, len(toks)) if toks[m].text == ","), None)
        if c is None:
            return None
        found = initial_subject(text, toks[c + 1:])
        if found is None:
            return None
        end = toks[c].start
    else:
        found = initial_subject(text, toks[:p])
        if found is None:
            return None
        end = s1
    np = found[0]
    h = Hit(toks[i].start, toks[i].end, w, lemma, cls, tuple(np), rule="prep-gerund")
    s, e = _trim(text, toks[k].start, end)
    e = _clause_end(text, s, e)
    return _content(doc, s, e, h, f"{cls}-prep-gerund")
