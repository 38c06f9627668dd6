"""Clause-level attribution: the subject of the clause a cue belongs to (participles, relative
clauses, coordinated verbs, long subjects, reports inside reports, headlines), cases from
tests/cases/clauses.tsv, and the confidence contract of every attribution."""

import casefiles
from attributed import quote_starting
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.attribution import attribute
from quotecheck.quotes import find_quotes



@pytest.mark.parametrize("text,start,want", casefiles.rows("clauses.tsv", 3))
def test_clause_cases(text, start, want):
    a = quote_starting(text, start).attribution
    if want == "none":
        assert a.speaker is None and a.confidence < 0.5, (a,)
    else:
        assert a.speaker and a.speaker.split()[-1].lower() == want.lower(), (a,)


def _check_contract(text, quotes):
    """The confidence contract: nobody named is an abstention (at most 0.3); 0.8 or more
    only for a name read as written next to the cue (or its ``who``) or a split
    quote's other half; every attribution's mention and cue index the text."""
    for q in quotes:
        a = q.attribution
        assert 0.0 <= a.confidence <= 1.0
        if a.speaker is None:
            assert a.confidence <= 0.3, a
        if a.confidence >= 0.8:
            # (or the he/she of the quote's own clause standing for the name written before it)
            assert a.rule.endswith(("/name", "/relative-name", "/name-clause-pronoun")) or \
                a.rule.startswith("split/"), a
        if a.mention_start is not None:
            assert text[a.mention_start:a.mention_end] == a.mention
        if a.cue_start is not None:
            assert text[a.cue_start:a.cue_end] == a.cue


@pytest.mark.parametrize("text", [c[0] for c in casefiles.rows("clauses.tsv", 3)])
def test_confidence_contract_on_cases(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    _check_contract(text, quotes)


_NAMES = st.sampled_from(["Ann Lee", "he", "she", "the mayor", "a spokesman", "Senator Tom Ash", "Voters", "It"])
_VERBS = st.sampled_from(["said", "told reporters", "was asked", "added", "called it", "saying", "Says", "asked by Kim"])
_WORDS = st.sampled_from(["the plan", "was", "and", "who", ",", "with", "until", "—", "on Monday", "that", ":"])


@st.composite
def _sentence(draw):
    parts = draw(st.lists(st.one_of(_NAMES, _VERBS, _WORDS), min_size=1, max_size=8))
    quote = draw(st.sampled_from(["“We will win,”", "“a disaster”", "“Go Team”", "''not now''", "\"Enough.\""]))
    k = draw(st.integers(0, len(parts)))
    return " ".join(parts[:k] + [quote] + parts[k:]) + draw(st.sampled_from([".", "", "\n\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_sentence(), min_size=1, max_size=4).map(" ".join))
def test_confidence_contract_holds_on_generated_sentences(text):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    _check_contract(text, quotes)
