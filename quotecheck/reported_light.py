"""Nouns of speech after a light verb: ``the mayor offered an emotional defense of the budget``,
``Lee had made a thinly veiled attack on her rival's campaign``, ``the leaders threw their
support behind the nominee``, ``she voiced concern about the plan``.

One job: read a verb that only carries a noun of speech or stance (``make``, ``offer``,
``voice``, ``launch``, ``throw``, ...), up to four words of determiner, possessive and
adjectives, then one of the nouns of ``data/reported_light_nouns.tsv`` with a preposition
(or ``that``) it takes: the verb's subject is the source, what follows the preposition is the
content (an object to the end of its phrase; after ``that``, the clause).  Journalists write
stance and criticism this way as often as with a verb of their own (``criticised X`` /
``offered sharp criticism of X``), and PolNeAR marks the noun as the cue.

Only a person's or an organisation's subject (:func:`quotecheck.reported_broad.subject_kind`),
only outside quotations, only where no item was read yet.  The table keeps each row's measured
train-640 figures; a row is read when it clears :data:`quotecheck.reported_broad.THRESHOLD`
like the broad cue rows (one dial for both).
"""
from __future__ import annotations

import functools
import re

from . import lexicon

_TABLE = "reported_light_nouns.tsv"


@functools.lru_cache(maxsize=1)
def _tables():
    """``(verb forms, {noun: prepositions read})`` from the table.  The rule is read when its
    ``total`` row (every noun row read at once on train-640) clears
    :data:`quotecheck.reported_broad.THRESHOLD` in at least
    :data:`quotecheck.reported_broad.MIN_ARTICLES` articles; then every noun row is read but
    one whose own items lay inside gold less often than the threshold (a row with no item on
    train-640 is read: the rule's figures are its figures)."""
    from . import reported_broad as rb
    forms: set = set()
    nouns: dict = {}
    if _MEASURING == "none":
        return frozenset(), {}
    rule_read = _MEASURING is True
    for r in lexicon.rows(_TABLE):
        cols = list(r) + [""] * (7 - len(r))
        kind = cols[0]
        if kind == "verb":
            forms.update(w for w in cols[1].split(",") if w)
            continue
        n = [int(c or 0) for c in cols[3:7]]
        row = rb.Row(cols[1] or "total", "noun", cols[2], "", n[0], n[1], n[2], n[3])
        if kind == "total":
            rule_read = rule_read or rb.read(row)
        elif kind == "noun" and (_MEASURING is True or not row.items or row.precision >= rb.THRESHOLD):
            for w in cols[1].split(","):
                nouns.setdefault(w, set()).add(cols[2])
    if not rule_read:
        return frozenset(), {}
    return frozenset(forms), {k: frozenset(v) for k, v in nouns.items()}


#: Set by tools/measure_light_nouns.py: True reads every row whatever its figures, "none" reads
#: no row (the run it compares with); False (the default) reads the rows as the table says.
_MEASURING: object = False


@functools.lru_cache(maxsize=1)
def _pattern():
    forms, nouns = _tables()
    if not forms or not nouns:
        return None
    # (the verbs and nouns as tries, in one standard-library pattern behind a look at the
    # first letter: a fifth of the time of a flat alternation in `regex`, the same matches
    # on all 1,822 texts)
    v, n = lexicon.trie_pattern(forms), lexicon.trie_pattern(nouns)
    firsts = re.escape("".join(sorted({f[0] for f in forms})))
    # the words between: a determiner, a possessive, adjectives or adverbs, no punctuation
    # and none of the words that open a clause or a phrase (each matched possessively)
    return re.compile(r"\b(?=[" + firsts + r"])(?P<verb>" + v + r")\s++(?P<mid>(?:(?!(?:" + _NOT_MID + r")\s)[\w’'\-]++,?+\s++){0,4}?)"
                         r"(?P<noun>" + n + r")\s++(?P<prep>on|against|of|for|behind|to|about|over|that|at)\s++(?=\w)")


#: Words that cannot stand between the verb and the noun (a clause or a new phrase opens).
_NOT_MID = "and|or|but|to|that|of|in|on|for|with|by|at|from|as|which|who|is|was|are|were|has|had|have"

#: Auxiliaries between a subject and the light verb (``had made``, ``has been making``).
_AUX = frozenset("has have had is was are were will would could can may might should must did does do been be "
                 "not n't 's ’s 'd ’d 'll ’ll never also".split())

#: Nouns whose ``to`` opens an object, not an infinitive (``threw their support to Lee``,
#: ``paid tribute to the victims``, ``voiced opposition to the deal``).
_TO_OBJECT = frozenset({"support", "tribute", "opposition", "objection", "objections", "endorsement", "attention"})


def _infinitive(text: str, s: int) -> bool:
    """Whether the word at ``s`` opens an infinitive: a lower-case word that is no
    determiner, pronoun or number (``a promise to cut taxes``, not ``a promise to voters``)."""
    w = (text[s:s + 24].split() or [""])[0]
    return w.isalpha() and w.islower() and w not in _NOT_INFINITIVE


_NOT_INFINITIVE = frozenset("the a an his her their its our my your this that these those all every each voters "
                            "supporters people him them us me".split())


def items(doc, taken=()) -> list:
    """The light-verb items of ``doc`` (``(spans, Hit, rule)`` as :mod:`quotecheck.reported`
    makes them), none over a stretch in ``taken``.

    >>> from quotecheck.clauses import DocIndex
    >>> t = "Sen. Jane Doe offered an emotional defense of the trade bill on Monday."
    >>> [(t[a:b], " ".join(x.text for x in it[1].np), it[2]) for it in items(DocIndex(t, ())) for a, b in it[0]]
    [('the trade bill', 'Sen. Jane Doe', 'nominal-light-of')]
    """
    pattern = _pattern()
    if pattern is None:
        return []
    text = doc.text
    _, nouns = _tables()
    from .clauses import Hit, np_left, skip_adverbs_left
    from .reported_broad import PERSON_KINDS, subject_kind, tokens_at
    from .reported_content import _content, _trim
    from .reported_lexicon import _phrase_end
    out: list = []
    spans = list(taken)
    for lo, hi in doc.outside_quotes():
        for m in pattern.finditer(text, lo, hi):
            noun, prep = m.group("noun"), m.group("prep")
            if prep not in nouns.get(noun, ()) or doc.in_quote(m.start()):
                continue
            mid = m.group("mid").replace(",", " ").split()
            if any(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in mid):
                continue  # "made Ms. Roe's case": a name between is an object of its own
            at = tokens_at(doc, m.start(), m.end())
            if at is None:
                continue
            toks, j, s1 = at
            k = j - 1
            while k >= 0 and (toks[k].text.lower() in _AUX or toks[k].text.islower() and toks[k].text.endswith("ly")):
                k -= 1
            k = skip_adverbs_left(toks, k, 0)
            if k < 0 or not toks[k].word:
                continue  # ", offering a defense of": no subject of its own
            found = np_left(toks, k, 0)
            if not found:
                continue
            np, appos = found
            if subject_kind(np, appos) not in PERSON_KINDS:
                continue
            start = m.end("prep")
            if prep == "to" and noun not in _TO_OBJECT and not _infinitive(text, start):
                continue  # "made a promise to voters": the hearer, not what was promised
            if prep in ("that", "to") and noun not in _TO_OBJECT:
                start = m.start("prep")  # "a promise to cut taxes", "his claim that ...": as the nominal reader
            h = Hit(m.start(), m.end("noun"), text[m.start():m.end("noun")], noun, "light", tuple(np),
                    tuple(appos), rule="light")
            s, e = _trim(text, start, s1)
            if prep != "that":
                e = _phrase_end(text, s, e)
            if e <= s:
                continue
            item = _content(doc, s, e, h, f"nominal-light-{prep}", short=prep != "that")
            if item and not any(a < y and x < b for a, b in item[0] for x, y in spans):
                out.append(item)
                spans.extend(item[0])
    return out
