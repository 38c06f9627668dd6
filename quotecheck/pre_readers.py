"""Pre readers: corrections to the speaker phrase a cue before a quote gives, when the
sentence says the words are someone else's (split off :mod:`quotecheck.own_sentence`).

:func:`own_sentence.pre_hit` finds the cue before a quote and its subject; each reader in
:data:`READERS` sees that hit (a ``subject-cue`` hit with a phrase) and the sentence's tokens
up to the quote, and returns the hit with another phrase, or None to leave it; the first
that answers wins:

- ``issued-participle``: a participle cue after a text someone puts out speaks for that
  text's sender (``His campaign sent out a text message to supporters saying: “...”``);
- ``poll``: a poll that opens the sentence speaks for the share of people it counts (``In a
  CNN/ORC poll released Monday, 31% of Republicans said``).
"""
from __future__ import annotations

from typing import Optional

import attrs

from . import lexicon
from .clauses import DocIndex, Hit
from .subjects import _ADVERBS, _DOCUMENTS, clause_subject, token_index


#: Verbs by which someone puts out a text ("sent out an email", "released a statement");
#: attribution reads them too (a sentence in which someone issues a text).
ISSUING_VERBS = lexicon.words("attribution_issuing_verbs.txt")
#: Verbs that put out a text only with "out" ("blasted out an email"; "blasted the plan" is criticism).
_ISSUING_OUT = frozenset({"blasted", "fired", "shot", "pushed"})
#: Words that open a sender's phrase after a fronted clause ("..., his campaign sent out").
_SENDER_OPENERS = frozenset({"his", "her", "its", "their", "the"})


def _issued_participle(doc: DocIndex, toks: list, h: Hit) -> Optional[Hit]:
    """``Her campaign quickly blasted out an email to supporters stating, “...”``, ``His
    campaign sent out a text message to supporters saying: “...”``, ``He sent out a
    fundraising email as the meeting began vowing to “...”``: a participle cue (``saying``,
    ``stating``) after a text someone puts out speaks for that text's sender, not for the
    recipients or the clause the phrase read leftwards from the cue lands in.  When an
    issuing verb with a document noun at most four words after it stands within 12 words
    before the phrase, and the phrase is not the text's author (``a statement from Ann Lee
    saying``), the hit with the issuing clause's subject as its phrase (rule
    ``issued-participle``); else None."""
    if h.cls != "speech" or not h.cue.endswith("ing"):
        return None
    k = token_index(toks, h.np[0].start)
    if k > 0 and toks[k - 1].text.lower() in ("from", "by", "of"):
        return None
    for d in range(k - 1, max(0, k - 12) - 1, -1):
        t = toks[d]
        if t.text in (";", ":", ".") or doc.in_quote(t.start):
            return None
        if t.text not in _DOCUMENTS:
            continue
        v = next((n for n in range(d - 1, max(0, d - 5) - 1, -1) if toks[n].text.lower() in ISSUING_VERBS or
                  toks[n].text.lower() in _ISSUING_OUT and toks[n + 1].text == "out"), None)
        if v is None or v == 0:
            return None
        # the clause the verb opens after a fronted one ("Even before Lee spoke, his campaign
        # sent out ..."), else the sentence's subject ("Ann Lee, the mayor, sent ...")
        comma = next((n for n in range(v - 1, -1, -1) if toks[n].text == ","), None)
        found = clause_subject(doc.text, toks[comma + 1:v + 1]) if comma is not None else None
        if found is None:
            found = clause_subject(doc.text, toks[:v + 1])
        if comma is not None and (found is None or found[0][0].start < toks[comma].start):
            # "..., his campaign sent out": a short phrase with a possessive or article
            # between the comma and the verb (which the clause reader takes for an object)
            span = [t for t in toks[comma + 1:v] if t.text.lower() not in _ADVERBS]
            if 2 <= len(span) <= 4 and all(t.word for t in span) and span[0].text.lower() in _SENDER_OPENERS:
                found = (span, toks[v])
        if found is None:
            return None
        np = tuple(found[0])
        if not np or np[0].start == h.np[0].start:
            return None
        return attrs.evolve(h, np=np, titles=(), rule="issued-participle")
    return None


#: Words that open a share of people a poll counts ("half of voters", "most Republicans").
_SHARES = frozenset({"half", "most", "some", "about", "nearly", "almost", "just", "only", "a", "two-thirds",
                     "more"})
#: Head nouns of a poll ("In a CNN/ORC poll released Monday, 31% of Republicans said").
_POLLS = frozenset({"poll", "survey"})


def _poll_source(doc: DocIndex, toks: list, h: Hit) -> Optional[Hit]:
    """``In a national CNN/ORC poll released Monday, 31% of Republicans said they were
    "..."``, ``In a September Washington Post-ABC News poll, 75 percent of Republicans said
    "..."``: the share of people the poll counts speaks through it, and PolNeAR (as a reader)
    takes the poll as the source; the hit with the poll phrase (article to ``poll`` or
    ``survey``) as its phrase (rule ``poll``), when the sentence opens with ``In`` and that
    phrase before its first comma and the cue's subject is that share; else None."""
    if not (h.np[0].text[:1].isdigit() or h.np[0].text.lower() in _SHARES):
        return None
    if len(toks) < 4 or toks[0].text != "In" or toks[1].text.lower() not in ("a", "an", "the", "this", "its"):
        return None
    comma = next((n for n, t in enumerate(toks[:20]) if t.text == ","), None)
    if comma is None or toks[comma + 1].start != h.np[0].start:
        return None
    end = next((n for n in range(comma - 1, 1, -1) if toks[n].text.lower() in _POLLS), None)
    if end is None:
        return None
    return attrs.evolve(h, np=tuple(toks[1:end + 1]), titles=(), rule="poll")


#: The readers :func:`own_sentence.pre_hit` asks in turn, by name (the name is the rule the
#: corrected hit carries).
READERS = (("issued-participle", _issued_participle), ("poll", _poll_source))
