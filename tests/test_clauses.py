"""Clause-level attribution: the subject of the clause a cue belongs to (participles, relative
clauses, coordinated verbs, long subjects, reports inside reports, headlines), cases from
tests/cases/clauses.tsv, and the confidence contract of every attribution."""
import os

import pytest

from quotecheck.attribution import attribute
from quotecheck.quotes import find_quotes

HERE = os.path.dirname(__file__)


def _cases(name):
    with open(os.path.join(HERE, "cases", name), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                text, start, want = line.rstrip("\n").split("\t")
                yield text.replace("\\n", "\n"), start, want


def quote_starting(text, start_words):
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    for q in quotes:
        if q.is_speech and q.inner.startswith(start_words):
            return q
    raise AssertionError(f"no speech quote starts with {start_words!r}: {[q.text for q in quotes]}")


@pytest.mark.parametrize("text,start,want", list(_cases("clauses.tsv")))
def test_clause_cases(text, start, want):
    a = quote_starting(text, start).attribution
    if want == "none":
        assert a.speaker is None and a.confidence < 0.5, (a,)
    else:
        assert a.speaker and a.speaker.split()[-1].lower() == want.lower(), (a,)
