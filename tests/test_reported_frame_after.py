"""The frame read before the subject (quotecheck.reported_frame_after): a speedup only.

``reported_frames._broad_at`` asks :func:`frame_at` before it reads the verb's subject and
returns None at once when the verb takes nothing after it and :func:`relative_may` rules out
both relative readings.  These tests check that the early refusal never changes an answer:
with ``relative_may`` forced true the early return never fires and ``_broad_at`` reads as it
did before the change (subject first, then the frame).  The sentences are written for the
test.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from quotecheck import reported_frame_after as fa
from quotecheck import reported_frames as rf
from quotecheck import words as wd
from quotecheck.clauses import DocIndex
from quotecheck.reported_lexicon import _verb_at

_SENTENCES = [
    "The senator said that the bill would fail.",
    "The three states that voted said.",
    "What the mayor claimed was never proven.",
    "He did what the mayor said on Tuesday.",
    "The plan, which the mayor backed in May, failed.",
    "A probe the agency said was ongoing ended.",
    "She told reporters the plan was dead.",
    "He asked the governor about his plan.",
    "His home state of Vermont backed him.",
    "Voters who support Lee want a change.",
    "The campaign expects the central bank to hold rates.",
    "He refused to endorse Lee on Tuesday.",
    "Aides said much of the money was spent, which he denied.",
    "The report, which the board released, shows that costs rose.",
    "Critics argued for a pause and warned of delays.",
    "Most voters believe in the plan, and few doubt it.",
]

_WORDS = ["said ", "says ", "told ", "asked ", "warned ", "support ", "state ", "states ", "believe ",
          "wants ", "the ", "a ", "mayor ", "Smith ", "he ", "she ", "that ", "which ", "what ", "who ",
          "to ", "of ", "about ", "for ", "reporters ", "plan ", "was ", "is ", "would ", "endorse ",
          "him ", "it ", "and ", ", ", ". ", "; ", "— ", "in ", "on ", "Tuesday ", "$ ", "5 ", "more "]


def _answers(text: str) -> list:
    toks = wd.tokens(text, 0, len(text))
    doc = DocIndex(text, ())
    return [rf._broad_at(doc, toks, i, 0, len(text), [], {}) for i in range(len(toks))
            if _verb_at(toks, i) is not None]


def _same_without_early_refusal(text: str, monkeypatch) -> None:
    fast = _answers(text)
    with monkeypatch.context() as m:
        m.setattr(fa, "relative_may", lambda *a: True)
        slow = _answers(text)
    assert fast == slow, text


def test_early_refusal_changes_no_answer_on_written_sentences(monkeypatch):
    for text in _SENTENCES:
        _same_without_early_refusal(text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=16).map("".join))
def test_early_refusal_changes_no_answer(text):
    from _pytest.monkeypatch import MonkeyPatch
    mp = MonkeyPatch()
    try:
        _same_without_early_refusal(text, mp)
    finally:
        mp.undo()


def test_frame_at_reads_only_after_the_verb():
    t = "The senator said that the bill would fail."
    toks = wd.tokens(t, 0, len(t))
    n, lemma, cls, frames = _verb_at(toks, 2)
    frame, k, _ = fa.frame_at(toks, 2, n, lemma, cls, frames)
    assert frame == "that" and toks[k].text == "that"
    # the words before the verb do not matter to the frame
    t2 = "Whoever it was, the senator said that the bill would fail."
    toks2 = wd.tokens(t2, 0, len(t2))
    i2 = next(i for i, x in enumerate(toks2) if x.text == "said")
    assert fa.frame_at(toks2, i2, n, lemma, cls, frames)[0] == "that"
    t3 = "His home state of Vermont backed him."
    toks3 = wd.tokens(t3, 0, len(t3))
    v = _verb_at(toks3, 2)
    assert fa.frame_at(toks3, 2, v[0], v[1], v[2], v[3]) is None
    assert not fa.relative_may(toks3, 2, v[0], v[2])
