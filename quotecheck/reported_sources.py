"""Sources that are no speaker: a poll or survey after the clause it measures (``Smith leads
Jones by ten points in a new Quinnipiac poll``, ``where she has been leading in the polls``,
``Smith trails in the RealClearPolitics average of state polls``).  PolNeAR marks ``in`` as
the cue, the poll phrase as the source and the clause before it as the content.

One job: find ``CLAUSE in [the|a ...] POLL`` outside quotations and report the clause.  The
heads are a data table (``data/reported_poll_sources.tsv``); the clause is the one that ends
at ``in``: it opens after the last subordinator or clause mark before it (``where``,
``while``, ``but``, ``;``) and needs a subject and a verb of its own
(:func:`quotecheck.subjects.clause_subject`), so a noun phrase (``his rise in the polls``)
or a poll's respondents (``30 percent of voters in a recent survey said``) are left to the
other readers.  ``In a new poll, CLAUSE`` (the poll before its clause) is
:func:`quotecheck.reported._in_sources`' shape.

Linear: one standard-library scan for the head words (a document without ``poll``/``survey``
is not scanned at all), and for each head one look back over the tokens of its sentence.

Rules (name, reason, confidence; train-640 tallies in CHANGELOG.md):

- ``poll-after`` (0.8): the clause before ``in`` + a poll phrase.
"""
from __future__ import annotations

import bisect
import functools
import re as _re

from . import lexicon
from .clauses import DocIndex, Hit
from .reported_content import _content
from .subjects import FINITE, clause_subject

#: Past forms of irregular verbs (``fell``, ``held``, ``led``).
_IRREGULAR_PAST = lexicon.exact("reported_irregular_past.txt")

RULE = "poll-after"
CONFIDENCE = 0.8
REASON = "a poll or survey after the clause it measures ('... leads in a new poll')"

#: Words between ``in`` and the head that keep the phrase a poll's (most are names,
#: adjectives, dates): any mark but these ends the look back.
_IN_PHRASE_MARKS = frozenset({"/", "-", "&", "'s", "’s", "."})

#: Words that end the look back before an ``in``: another preposition or a clause word (``in
#: the hours before the polls``, ``in the day after polls closed``).
_NOT_IN_PHRASE = frozenset({"to", "by", "with", "for", "on", "at", "of", "that", "which", "who", "In", "before",
                            "after", "than", "since", "until"})

#: The longest poll phrase looked through, in tokens from ``in`` to the head.
_LONGEST = 12

#: Words that open the clause a poll phrase ends (the content starts after them; a relative
#: word leaves no subject, so ``a rival who is far behind him in the polls`` is read as
#: nothing) and the marks that close the clause before.  A capitalised one opening the
#: sentence is first left to :func:`quotecheck.subjects.clause_subject`, which steps over
#: the fronted clause to the main one (``Though he trails nationally, Sanders has led ...``).
_CLAUSE_OPENERS = frozenset({"where", "when", "while", "whereas", "although", "though", "because", "since", "as",
                             "but", "But", "While", "Although", "Though", "Because", "Since", "As", "When", "Where",
                             ";", ":", "—", "–", "(", "“", '"', "Why", "if", "If", "after", "After", "before",
                             "Before", "who", "which", "that", "compared", "whom", "whose"})

#: Possessives before the noun ahead of ``in``: ``his standing in the polls``, ``Carson's
#: drop in national polls`` are a noun phrase, no clause the poll measures.
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})

#: Words after the head that make the poll the subject of a clause of its own (``in the state
#: polls show``): the evidence readers' shape, not this one.
_POLL_SUBJECT_VERBS = frozenset({"show", "shows", "showed", "shown", "found", "find", "finds", "suggest", "suggests",
                                 "suggested", "indicate", "indicates", "indicated", "say", "says", "said", "has",
                                 "have", "had", "is", "are", "was", "were", "will", "would", "put", "puts", "gave",
                                 "give", "gives"})


@functools.lru_cache(maxsize=1)
def _heads() -> dict:
    """Head word (lower case) -> its kind, from ``data/reported_poll_sources.tsv``."""
    return {r[0]: r[1] for r in lexicon.rows("reported_poll_sources.tsv")}


@functools.lru_cache(maxsize=1)
def _head_scanner():
    words = sorted(_heads(), key=len, reverse=True)
    alts = "|".join(f"[{w[0]}{w[0].upper()}]{_re.escape(w[1:])}" for w in words)
    return _re.compile(r"\b(?:" + alts + r")\b")


def _prefilter(text: str) -> bool:
    """Whether ``text`` may hold a head at all (each head holds one of these literals)."""
    return "oll" in text or "urvey" in text or "verage" in text


def poll_items(doc: DocIndex) -> list:
    """``(spans, hit, rule)`` for every clause a poll phrase after it is the source of."""
    text = doc.text
    if not _prefilter(text):
        return []
    heads = _heads()
    out = []
    last_in = -1  # the "in" of the last item: "the average of state polls" has two heads
    for m in _head_scanner().finditer(text):
        hs, he = m.start(), m.end()
        if doc.in_quote(hs):
            continue
        s0, s1 = doc.sentence(hs)
        toks = doc.toks(s0, he)
        if len(toks) < 4:
            continue
        h = len(toks) - 1
        if toks[h].start != hs:
            continue
        i = _in_before(toks, h)
        if i is None or toks[i].start <= last_in:
            continue
        kind = heads.get(m.group().lower())
        if kind == "average" and not _measured_average(text, toks, i, h, he, s1):
            continue
        nxt = text[he:he + 12].split(None, 1)
        if nxt and nxt[0] in _POLL_SUBJECT_VERBS:
            continue
        if not _specific(toks, i, h):
            continue
        item = _clause_before(doc, toks, i, h)
        if item:
            last_in = toks[i].start
            out.append(item)
    return out


def _in_before(toks: list, h: int):
    """The index of the ``in`` that opens the poll phrase ending at ``toks[h]``, or None
    when a mark or another preposition comes first."""
    for k in range(h - 1, max(-1, h - _LONGEST - 1), -1):
        t = toks[k].text
        if t == "in":
            return k if k >= 2 else None
        if not toks[k].word and t not in _IN_PHRASE_MARKS:
            return None
        if t in _NOT_IN_PHRASE:
            return None
    return None


#: Words that make a poll phrase one poll or a stated set of them (``a new poll``, ``the same
#: survey``, ``most surveys``) rather than ``the polls`` in general.
_SPECIFIC = frozenset({"a", "an", "same", "latest", "recent", "new", "most", "every", "dozen", "several", "two",
                       "three", "this", "that", "these", "those"})


def _specific(toks: list, i: int, h: int) -> bool:
    """Whether the poll phrase ``toks[i + 1:h + 1]`` names a poll (a capitalised word: a
    pollster, a place, a month) or says which ones."""
    return any(t.cap or t.text.lower() in _SPECIFIC for t in toks[i + 1:h])


def _measured_average(text: str, toks: list, i: int, h: int, he: int, s1: int) -> bool:
    """``the RealClearPolitics average``, ``an average of state polls``: an average of
    polls, not ``above the average``."""
    if h - 1 > i and toks[h - 1].cap:
        return True
    after = text[he:min(s1, he + 80)]
    return after.startswith(" of ") and ("poll" in after or "survey" in after)


def _finite(w: str) -> bool:
    """Whether ``w`` can be a finite verb: an auxiliary, an ``-s`` or ``-ed`` form or an
    irregular past (``leads``, ``trailed``, ``fell``), not a noun read as one (``people``)."""
    lw = w.lower()
    return lw in FINITE or lw in _IRREGULAR_PAST or w.islower() and lw.endswith(("s", "ed")) and not lw.endswith("ss")


#: Adverbs between a subject and its verb (``Kasich also finished``, ``Carson once drew``).
_ADVERBS = frozenset({"also", "still", "once", "now", "already", "never", "again", "even", "just", "then", "only"})


def _verb_after(toks: list, end: int, i: int) -> bool:
    """Whether the first word after the subject (which ends at ``end``) and before ``toks[i]``,
    adverbs aside, can be a finite verb."""
    k = bisect.bisect_left(toks, (end,))
    while k < i and (toks[k].text in _ADVERBS or toks[k].text.endswith("ly") and toks[k].text.islower()):
        k += 1
    return k < i and _finite(toks[k].text)


def _clause_before(doc: DocIndex, toks: list, i: int, h: int):
    """The clause that ends at ``toks[i]`` (``in``), with a subject and verb of its own,
    as an item whose source is the poll phrase ``toks[i + 1:h + 1]``."""
    text = doc.text
    if i >= 2 and (toks[i - 2].text.lower() in _POSSESSIVES or toks[i - 2].text.endswith(("'s", "’s"))):
        return None
    b = i - 1
    while b >= 0 and toks[b].text not in _CLAUSE_OPENERS:
        b -= 1
    found = clause_subject(text, toks[:i]) if b == 0 and toks[0].cap else None
    if found is None:
        clause = toks[b + 1:i]
        found = clause_subject(text, clause) if len(clause) >= 2 else None
    if found is None or text.find(",", found[0][0].start, toks[i].start) >= 0:
        return None  # (a comma in the clause: a list, an aside or a second clause the look cannot tell)
    if not _verb_after(toks, found[0][-1].end, i) or toks[i - 1].text in ("only", "not"):
        return None  # "Forty-six percent of people in the poll held": the respondents, no clause
    hit = Hit(toks[i].start, toks[i].end, "in", "in", "according", tuple(toks[i + 1:h + 1]), rule=RULE)
    return _content(doc, found[0][0].start, toks[i].start, hit, RULE)
