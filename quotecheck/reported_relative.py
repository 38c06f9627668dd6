"""Content of a cue inside a relative clause when the relative word is not what was said.

The relative readers take the relative word as the content (``which he said``, ``what he
calls``): the word stands for the phrase the clause hangs on.  Three shapes put the
content after the cue instead, and :func:`relative_after` reads it there:

- a preposition before the relative word (``the interview in which she argued that the
  plan would fail``, ``a call during which he outlined a new tax``): the relative word is an
  adjunct of time or place, and the cue has its own content after it;
- ``as`` right after the cue (``the town, which he describes as his real home``, ``what
  critics characterize as a retreat``): the content is the description after ``as``;
- a label after *call* (``what he calls a rigged system``): the content is the label.

:func:`relative_piece` adds the relative word before the subject to a clause read after
the cue (``which he said Mexico would pay for``); :func:`object_gap` tells a relative word
that is the cue's own object (``the bill, which the governor opposed``): then it is all the
content.  Each look is a few tokens from the cue,
so it stays linear.
"""
from __future__ import annotations

from typing import Optional

import regex

from . import grammar_words as gw
from . import lexicon
from .clauses import DocIndex, Hit
from .reported_content import _content, _trim

#: prepositions that make ``which`` an adjunct of time or place ("in which", "during which");
#: not "on which", "with which", "through which": there ``which`` is mostly the verb's own
#: argument ("an issue on which he attacked her", "the lens through which voters view them")
_PREPS = frozenset("in during at throughout amid".split())

#: a description or a label ends before a new phrase after a comma ("which he views as part
#: of a negotiation, the objective ...", "what he calls red tape, and has ...")
_NEW_PHRASE = regex.compile(r",\s++(?:the|a|an|and|but|while|which|who|whose|as|his|her|their|its|it|he|she|they)\b",
                            regex.IGNORECASE)

#: ``as`` followed by these is a conjunction or a comparison, not a description
_NOT_AS = frozenset("well soon long much many if though far of to".split())

#: words after *call* that make it a call for / on / up, or a call of someone, not a label
_NOT_LABEL = frozenset("for on upon up off out in back it him her them me us you this that"
                       " to into".split())


def relative_after(doc: DocIndex, toks: list, rel_i: int, k: int, s1: int, h: Hit,
                   cls: str) -> Optional[tuple]:
    """``(spans, h, rule)`` for the content after the cue ending before token ``k`` when the
    relative word at ``rel_i`` is not all the content (the relative word stays its first
    piece); ``None`` when the shape is not one of the three or nothing is read after the cue."""
    if k >= len(toks) or toks[k].start >= s1:
        return None
    rel = toks[rel_i].text.lower()
    nxt = toks[k].text
    text = doc.text
    if rel == "which" and rel_i > 0 and toks[rel_i - 1].text.lower() in _PREPS and nxt[:1].isalpha():
        # "in which he laid out a record of misconduct": the cue's own object or clause
        rule = f"{cls}-prep-relative"
        s, e = _trim(text, toks[k].start, s1)
    elif nxt.lower() == "as" and rel in ("which", "what", "who", "whom") and k + 1 < len(toks) and \
            toks[k + 1].start < s1 and toks[k + 1].text.lower() not in _NOT_AS and toks[k + 1].text[:1].isalpha():
        # "which he describes as his real home": the description
        rule = f"{cls}-relative-as"
        s, e = _trim(text, toks[k + 1].start, s1)
    elif h.lemma == "call" and rel in ("what", "which") and nxt.lower() not in _NOT_LABEL and nxt[:1].isalpha():
        # "what he calls a rigged system": the label
        rule = f"{cls}-relative-label"
        s, e = _trim(text, toks[k].start, s1)
    else:
        return None
    close = text.find(")", s, e)
    if close > 0:
        e = close  # "(what economists call outlays)": the parenthesis closes the clause
    m = None if rule.endswith("prep-relative") else _NEW_PHRASE.search(text, s, e)
    if m:
        e = m.start()
    item = _content(doc, s, e, h, rule if rule.endswith("prep-relative") else rule + "-np", short=True)
    if not item:
        return None
    # the relative word stays a piece of the content: it stands for the phrase the clause
    # hangs on, and what is said of it is the piece after the cue
    return [(toks[rel_i].start, toks[rel_i].end)] + item[0], h, rule


def relative_piece(toks: list, npi: int, item):
    """``item`` with the relative word before the subject at token ``npi`` as its first
    piece, when that word is ``which`` after a comma (``a wall, which he said Mexico would
    pay for``): the word stands for what the clause is about, and annotators take it into the
    content.  ``item`` unchanged otherwise: after a preposition (``an interview in which he
    said ...``) and as ``where`` the word is the frame of the saying, and ``that`` may as well
    be the complementizer of a verb before it."""
    if not item or npi < 2 or toks[npi - 1].text.lower() != "which" or toks[npi - 2].text != ",":
        return item
    rel = toks[npi - 1]
    return [(rel.start, rel.end)] + list(item[0]), item[1], item[2]


#: words that may follow the verb of an infinitive whose object is the gap of a relative
#: clause (``the last thing voters want to think about``, ``any plan he would want to defend in
#: a debate``): a preposition or a conjunction, not an object of its own
_GAP_AFTER = frozenset("about in into to for since though as with at on from until when while before after "
                       "by during".split())


def to_gap_head(toks: list, npi: int, k: int, head_of):
    """``(start, end)`` of the phrase a relative clause hangs on when the cue's infinitive
    (``to`` at token ``k``) has no object of its own (``the running mate he always wanted to
    pick``, ``issues she likes to campaign on``): the object is that phrase, which annotators
    take as a piece of the content.  ``head_of(toks, npi, m)`` reads the phrase before the
    cue's subject (at ``npi``) given the punctuation at ``m`` that closes the clause; None
    when the infinitive takes an object, no phrase stands there, or ``that`` stands before
    the subject (``no sign that she was planning to resign``: a noun's own clause)."""
    if k + 2 >= len(toks) or toks[k].text.lower() != "to" or not toks[k + 1].word or \
            not toks[k + 1].text.islower() or npi < 1 or toks[npi - 1].text.lower() == "that":
        return None
    if toks[k + 2].word and toks[k + 2].text.lower() not in _GAP_AFTER:
        return None
    for m in range(k + 2, min(len(toks), k + 10)):
        if not toks[m].word:
            return head_of(toks, npi, m)
    return None


#: Relative words that stand for the object of a verb later in their clause (``the bill,
#: which the mayor opposed``, ``a rival whom she never trusted``); ``what`` and ``that`` are
#: read elsewhere (the relative object of a verb of speech, a head with its determiner).
_OBJECT_RELATIVES = frozenset("which whom who".split())

#: Words that may follow a verb whose object has moved to the front of its clause: a
#: conjunction, a preposition opening an adjunct or a time word (``which he opposed in
#: 2019``, ``whom she backed last year``, ``which he favours but says ...``), not an object
#: of its own.
_GAP_NEXT = frozenset("and but or nor in at on during since until before after when while as because "
                      "into last earlier early this".split())


#: Prepositions before a relative word make it their own object (``with whom``, ``for which``).
_PREPOSITIONS = frozenset("with to for of on in from by about against among at into upon under over between "
                          "through".split())

#: Words a subject after an object relative may open with when it is not capitalised: the
#: subject pronouns and the words that open a noun phrase (``which most voters backed``,
#: ``whom he praised``); a lower-case word else is read as the relative's own verb.
_SUBJECT_OPENERS = gw.SUBJECT_PRONOUNS | lexicon.exact("grammar_head_openers.txt") | frozenset(
    "most few both all several".split())


def object_gap(toks: list, npi: int, k: int) -> bool:
    """Whether the relative word right before the cue's subject (at token ``npi``) is the
    cue's object: ``which``, ``whom`` or ``who`` stands there and no object follows the cue
    (token ``k`` ends the clause, or is a conjunction, a preposition or a time word of
    :data:`_GAP_NEXT`), no preposition stands before the relative word, and the subject opens
    like one (a capital, a pronoun, a determiner).  The content is then that word, standing for the phrase the clause
    hangs on (annotators take the word itself).

    >>> from quotecheck import words as wd
    >>> t = "He signed the bill, which the governor opposed, on Monday."
    >>> tk = wd.tokens(t, 0, len(t))
    >>> gov = [x.text for x in tk].index("the", 4)
    >>> object_gap(tk, gov, [x.text for x in tk].index("opposed") + 1)
    True
    >>> t = "He signed the bill, which the governor opposed for weeks."
    >>> tk = wd.tokens(t, 0, len(t))
    >>> object_gap(tk, gov, [x.text for x in tk].index("opposed") + 1)
    False
    >>> t = "He signed the bill, which the governor said would pass."
    >>> tk = wd.tokens(t, 0, len(t))
    >>> object_gap(tk, gov, [x.text for x in tk].index("said") + 1)
    False
    """
    if npi < 1 or npi >= len(toks) or toks[npi - 1].text.lower() not in _OBJECT_RELATIVES:
        return False
    if npi > 1 and toks[npi - 2].text.lower() in _PREPOSITIONS:
        return False  # "with whom she was contending": the preposition's object, not the cue's
    first = toks[npi].text
    if not (first[:1].isupper() or first.lower() in _SUBJECT_OPENERS):
        return False  # "the members who control Congress refused": "who" is the subject
    if k >= len(toks):
        return True
    nxt = toks[k]
    if not nxt.word:
        return nxt.text in (".", ",", ";", ":", ")", "—", "–", "-", "--", "?", "!")
    return nxt.text.lower() in _GAP_NEXT
