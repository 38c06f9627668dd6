"""The frame a verb of the reporting lexicon takes after it (``said that``, ``wants to``,
``asked him how``, ``endorsed Clinton``), read from the tokens after the verb alone.

One job: tell :func:`quotecheck.reported_frames._broad_at` what follows its verb and where
the content starts, before it reads the verb's subject: a verb that takes nothing after it is
refused without the subject being read (the phrase reader is the costliest step), unless a
relative reading, which needs no frame, may still take it (:func:`relative_may`).
"""
from __future__ import annotations

from . import reported_frames as _rf
from .reported_fallback import _finite_soon, contracted_subject
from .reported_hearer import _hearer_end, _infinitive, _skip_object
from .reported_lexicon import (_HEARER_VERBS, _NOT_CLAUSE, _NOT_OBJECT, _PARTICLES, _POSSESSIVE_PRONOUNS,
                               _SUBJ_PRONOUNS, _WH, _object_then_to, _skip_adjunct, _skip_hearer, _verb_at, nouns)
from .reported_relative import _GAP_NEXT, _OBJECT_RELATIVES
from .subjects import FINITE


def frame_at(toks: list, i: int, n: int, lemma: str, cls: str, frames):
    """``(frame, k, frames)``: the frame the verb of ``n`` tokens at ``i`` takes and the token
    its content starts at (``frames`` widened by an ``asked X about``), read from the tokens
    after the verb alone; None when it takes nothing there (:func:`quotecheck.reported_frames._broad_at`)."""
    k0 = _skip_object(toks, i + n, lemma)
    k = _skip_hearer(toks, k0)
    if "that" in frames:
        k = _skip_adjunct(toks, k)
    if k != k0 and _infinitive(toks, k0):
        k = k0  # "pledged to stay in the race through that contest": an infinitive, not a hearer
    if lemma in _HEARER_VERBS and k < len(toks) and toks[k].text != "that":
        # "told a Rotary Club lunch group that ...": any short hearer before "that"
        for m in range(k, min(len(toks), k + 8)):
            if toks[m].text == "that":
                k = m
                break
            if not (toks[m].word or toks[m].text in ("'s", "’s")) or toks[m].text.lower() in FINITE or \
                    toks[m].text == "to":
                break  # "warned North Korea to refrain from actions that ...": the infinitive is the content
    if lemma == "ask" and k < len(toks) and toks[k].text.lower() not in _WH:
        # "asked Lee how she felt", "asked the governor about his plan": the one who is
        # asked stands between the verb and the question
        asked = _hearer_end(toks, k)
        if k < asked < len(toks) and (toks[asked].text in _WH or toks[asked].text == "about"):
            k, frames = asked, frames | {"about"}
    if k >= len(toks) or not (toks[k].word or toks[k].text in _rf._CURRENCY and "np" in frames):
        return None
    nxt = toks[k].text.lower()
    if nxt == "that" and ("that" in frames):
        frame = "that"
    elif nxt == "to" and "to" in frames and k + 1 < len(toks) and toks[k + 1].word and \
            toks[k + 1].text.islower():
        frame = "to"
        inner = _verb_at(toks, k + 1)
        obj = k + 1 + inner[0] if inner else len(toks)
        if inner and inner[2] == "stance" and obj < len(toks) and toks[obj].word and \
                toks[obj].text.lower() not in _NOT_OBJECT:
            # "refused to endorse Lee": the two verbs are one cue, whose content is the object
            frame, k = "np", obj
    elif nxt in _WH and "wh" in frames:
        frame = "wh"
    elif nxt in _PARTICLES and nxt in frames:
        frame, k = nxt, k + 1
    elif "that" in frames and (nxt in _SUBJ_PRONOUNS or contracted_subject(nxt) or _finite_soon(toks, k, 9)) and \
            nxt not in _NOT_CLAUSE:
        frame = "clause"
    elif "bare" in frames and nxt in _POSSESSIVE_PRONOUNS and \
            k + 1 < len(toks) and toks[k + 1].word:
        # "said his package of measures addresses ...": after a verb that takes a bare clause
        # freely, a possessive starts the clause's subject
        frame = "clause"
    elif "ing" in frames and nxt.endswith("ing"):
        frame = "ing"
    elif "to" in frames and cls != "evidence" and _object_then_to(toks, k):
        frame = "np-to"  # "expect the central bank to hold rates": the object and its infinitive
    elif "np" in frames and (nxt not in _NOT_OBJECT or _rf.quantity_object(toks, k)):
        frame = "np"
        if k + 2 < len(toks) and toks[k].text in nouns() and toks[k + 1].text in ("that", "about", "over", "for"):
            # "expressed concern that ...", "voiced support for ...": the noun names the
            # attitude, what follows it is the content
            frame, k = "that" if toks[k + 1].text == "that" else "np", k + 1 + (toks[k + 1].text != "that")
    else:
        return None
    return frame, k, frames


#: What :func:`quotecheck.reported_frames._relative_head` wants right after the cue.
_HEAD_NEXT = (".", ",", ";", ":", "—", "–")


def relative_may(toks: list, i: int, n: int, cls: str) -> bool:
    """Whether one of :func:`quotecheck.reported_frames._broad_at`'s relative readings, which need no frame after the
    verb, may take the verb at ``i``: ``what``/``which`` somewhere before it (the relative
    object), a finite verb or a mark right after it (:func:`quotecheck.reported_frames._relative_head`),
    or ``which``/``whom``/``who`` before it and no object after it
    (:func:`quotecheck.reported_relative.object_gap`)."""
    k = i + n
    if k < len(toks) and (toks[k].text.lower() in FINITE or toks[k].text in _HEAD_NEXT):
        return True
    if (k >= len(toks) or not toks[k].word or toks[k].text.lower() in _GAP_NEXT) and \
            any(t.text.lower() in _OBJECT_RELATIVES for t in toks[:i]):
        return True  # "which the governor opposed in 2019" (reported_relative.object_gap)
    return cls in ("speech", "thought") and any(t.text.lower() in ("what", "which") for t in toks[:i])
