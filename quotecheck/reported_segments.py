"""The later piece of a reported relation split around a quotation: ``“It's fine,” Trump
said of waterboarding.`` -- the quotation is the speaker's words, the noun phrase after
``said of`` / ``says of`` is what they were said about, a reported item of its own.

One job: after a closed quotation, a short speaker phrase (an appositive or relative after
its first comma is skipped) and ``said of`` / ``says of`` / ``say of``, the phrase to the end
of the sentence (or to ``during``, which opens the occasion, not the topic) is reported
content with that speaker.  One pattern over the text, linear, no backtracking (possessive
quantifiers); each match bounded by its sentence.

Rule ``said-of-after-quote``, confidence 0.7 (train-640 tally in CHANGELOG.md).
"""
from __future__ import annotations

import regex

from . import words as wd
from .clauses import DocIndex, Hit
from .reported_content import _trim

RULE = "said-of-after-quote"
CONFIDENCE = 0.7

#: a closing quotation mark after , ? ! … ; then at most 14 words (the speaker phrase,
#: commas allowed for an appositive) and the cue "said of" / "says of" / "say of".
_SAID_OF = regex.compile(
    r"[,?!…](?:''|['’\"”])[ \t]++"
    r"(?P<sp>(?:[\p{L}\p{N}.'’\-]++,?+[ \t]++){1,14}?)"
    r"(?P<cue>(?:said|says|say)[ \t]++of)[ \t]++"
    r"(?P<c>[^.;!?\"“”\r\n]{1,200}+)")

#: what closes the topic phrase before the sentence ends: the occasion of the remark.
_OCCASION = regex.compile(r"\s++(?:during|in an interview|at a|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")


def _speaker(text: str, a: int, b: int) -> tuple:
    """The tokens of the speaker phrase in ``text[a:b]``: up to its first comma
    ("Michael Cernech, the city manager," -> "Michael Cernech")."""
    comma = text.find(",", a, b)
    return tuple(wd.tokens(text, a, comma if comma >= 0 else b))


def said_of_items(doc: DocIndex, taken: list) -> list:
    """``(spans, hit, rule)`` items for ``“...,” X said of TOPIC.`` sentences; none where a
    span already taken overlaps the topic."""
    text = doc.text
    out = []
    for m in _SAID_OF.finditer(text):
        cs = m.start("cue")
        if doc.in_quote(cs):
            continue
        np = _speaker(text, m.start("sp"), m.end("sp"))
        if not np or not np[0].word:
            continue
        s, e = m.start("c"), m.end("c")
        s1 = doc.sentence(cs)[1]
        e = min(e, s1)
        occ = _OCCASION.search(text, s, e)
        if occ:
            e = occ.start()
        s, e = _trim(text, s, e)
        if e <= s or any(a < e and s < b for a, b in taken):
            continue
        h = Hit(cs, m.end("cue"), text[cs:m.end("cue")], "say", "speech", np, rule=RULE)
        out.append((((s, e),), h, RULE))
    return out
