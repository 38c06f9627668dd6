"""reported_segments: ``in X's view, CLAUSE`` read as reported content of X."""
import casefiles
import pytest
from hypothesis import given, settings, strategies as st

from quotecheck import reported_segments as rs
from quotecheck.clauses import DocIndex
from quotecheck.reported import find_reported


def _got(items, text):
    return [([text[a:b] for a, b in item[0]], " ".join(t.text for t in item[1].np)) for item in items]


@pytest.mark.parametrize("text,content,mention", casefiles.rows("reported_segments.tsv", 3))
def test_sentence(text, content, mention):
    got = _got(rs.view_items(DocIndex(text, ()), []), text)
    if content == "∅":
        assert got == []
    else:
        assert ([content], mention) in got, got
        assert ([content], mention) in _got(find_reported(DocIndex(text, ())), text)


def test_taken_span_is_not_doubled():
    text = "In their view, Democrats could win several states that have voted Republican."
    s = text.index("Democrats")
    assert rs.view_items(DocIndex(text, ()), [(s, s + 9)]) == []


_PIECES = ["In", "in", " his", " their", " Professor Smith's", " view", ",", " which", " the plan", " has gained",
           " is sound", ". ", "\n\n", "“", "”", " my", "’s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.text(max_size=80))
def test_spans_index_the_text(text):
    for spans, hit, rule in rs.view_items(DocIndex(text, ()), []):
        assert rule == rs.RULE
        for a, b in spans:
            assert 0 <= a < b <= len(text) and text[a:b] == text[a:b].strip()
        assert text[hit.cue_start:hit.cue_end] == "view"
