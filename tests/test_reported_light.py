"""Nouns of speech after a light verb (quotecheck/reported_light.py and
data/reported_light_nouns.tsv): the table's shape, the dial, and sentences
(``tests/cases/reported_light.tsv``) with what they report."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck import lexicon
from quotecheck import reported_broad as rb
from quotecheck import reported_light as rl
from quotecheck.clauses import DocIndex
from quotecheck.reported import find_reported

_PREPS = {"on", "against", "of", "for", "behind", "to", "about", "over", "that", "at"}


def test_every_row_is_well_formed():
    kinds = set()
    for r in lexicon.rows("reported_light_nouns.tsv"):
        kinds.add(r[0])
        assert r[0] in ("verb", "noun", "total"), r
        if r[0] == "noun":
            assert r[2] in _PREPS and all(w.isalpha() for w in r[1].split(",")), r
        if r[0] in ("noun", "total"):
            items, inside, gained, articles = map(int, r[3:7])
            assert 0 <= articles <= inside <= items, r
    assert kinds == {"verb", "noun", "total"}


def _reset():
    import sys
    for name, mod in list(sys.modules.items()):
        if name.startswith("quotecheck"):
            for v in list(vars(mod).values()):
                if hasattr(v, "cache_clear"):
                    v.cache_clear()


def test_the_dial_turns_the_rule_off():
    text = "Sen. Jane Doe offered an emotional defense of the trade bill on Monday."
    assert rl.items(DocIndex(text, ()))
    old = rb.THRESHOLD
    try:
        rb.THRESHOLD = 1.01  # above any measured precision: the rule is not read
        _reset()
        assert rl.items(DocIndex(text, ())) == []
    finally:
        rb.THRESHOLD = old
        _reset()


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_light.tsv", 3))
def test_sentence(text, content, mention):
    got = [([text[a:b] for a, b in item[0]], " ".join(t.text for t in item[1].np))
           for item in rl.items(DocIndex(text, ()))]
    if content == "∅":
        assert got == []
    else:
        assert ([content], mention) in got, got
        full = [([text[a:b] for a, b in item[0]], " ".join(t.text for t in item[1].np))
                for item in find_reported(DocIndex(text, ()))]
        assert ([content], mention) in full, full


_PIECES = ["Sen. Jane Doe", "It", "they", " offered ", " made ", " a ", " sharp ", " defense of ", " attack on ",
           " case that ", " promise to ", " the bill", ", ", ". ", "“", "”", " and ", "\n\n", " voiced ",
           " support for "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_items_are_spans_of_the_text(pieces):
    text = "".join(pieces)
    for spans, h, rule in rl.items(DocIndex(text, ())):
        assert all(0 <= a < b <= len(text) for a, b in spans), (text, spans)
        assert text[h.cue_start:h.cue_end] == h.cue and rule.startswith("nominal-light-")


@given(st.text(max_size=80))
def test_no_crash_on_any_text(text):
    assert isinstance(rl.items(DocIndex(text, ())), list)
