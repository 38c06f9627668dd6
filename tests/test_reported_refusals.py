"""quotecheck.reported_refusals: readings that the left context shows are not a report.

The sentences are made up (after patterns of news writing); each refused one was read as
reported speech before the refusal.
"""
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck import words as wd
from quotecheck.clauses import DocIndex
from quotecheck.quotes import find_quotes
from quotecheck.reported import find_reported
from quotecheck.reported_refusals import refusal


def _items(text):
    return find_reported(DocIndex(text, tuple(find_quotes(text)[0])))


def _cues(text):
    return [text[h.cue_start:h.cue_end] for _, h, _ in _items(text)]


@pytest.mark.parametrize("text, word", [
    # cue-after-determiner: an article, a possessive or "own" makes the cue word a noun or an attribute
    ("There are senators with courts in their states that desperately need vacancies filled.", "states"),
    ("The panel worked late to draw up its own recommended list of nominees.", "recommended"),
    ("A deputy sheriff was involved in an alleged road rage incident.", "alleged"),
    # state-noun: "state" without "that" after it names a state
    ("More rural state lawmakers have endorsed her than her rival.", "state"),
    ("Democrats would need to win back GOP-dominated state legislative chambers to have more influence.", "state"),
    # back-down: "back down" is giving way, not backing someone
    ("The state party eventually backed down after the vote.", "backed"),
    # object-is-predicate: an object cannot open with a finite verb; the cue word heads its subject
    ("The weak sales report has cleared the way for the bank to cut rates.", "report"),
    ("Parents' advocates have been outraged by the closures.", "advocates"),
])
def test_refused(text, word):
    assert word not in _cues(text)


@pytest.mark.parametrize("text, word", [
    ("The report states that the plan failed.", "states"),
    ("The governor backed the plan on Tuesday.", "backed"),
    ("My guess is the plan will fail.", "guess"),  # a noun before a copula carries what was thought
    ("The mayor said the bridge will reopen.", "said"),
    ("The mayor called the plan a disaster.", "called"),
    ("The senator criticized the plan on Tuesday.", "criticized"),
])
def test_kept(text, word):
    assert word in _cues(text)


def test_title_is_not_content():
    """title-as-content: between a closing quote and a name in commas stands the title."""
    t = "“We should build bridges, not walls,” the Vatican spokesman, Federico Lombardi, told reporters."
    assert all("spokesman" not in t[a:b] for spans, _, _ in _items(t) for a, b in spans)
    t = "The plan will fail, the mayor said."
    assert [[t[a:b] for a, b in spans] for spans, _, _ in _items(t)] == [["The plan will fail"]]


def test_refusal_names():
    t = "The state party eventually backed down after the vote."
    toks = wd.tokens(t, 0, len(t))
    assert refusal(t, toks, 4, ((), None, "stance-np")) == "back-down"
    assert refusal(t, toks, 4, ((), None, "nominal-of")) == ""  # noun readings are not looked at


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_no_crash_on_any_str(text):
    toks = wd.tokens(text, 0, len(text))
    for i in range(len(toks)):
        assert refusal(text, toks, i, ((), None, "subject-cue-clause")) in ("", "cue-after-determiner", "state-noun",
                                                                       "back-down",
                                                                       "object-is-predicate")
