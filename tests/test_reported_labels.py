"""reported_labels: a paragraph's colon label as the speaker of the words after it; here the
properties of the reader (cases as data: tests/cases/reported_items.tsv, reported_none.tsv)."""
from hypothesis import given, settings, strategies as st

from quotecheck import reported_labels as rl
from quotecheck.clauses import DocIndex

_PIECES = ["Harbor", " camp", " Gazette", " editorial", " new", " warning", "Senators'", " report", ": ", ":",
           " The recount will go ahead", " the mayor quits", "\n\n", ".", " Q", "WALLACE", " Poll", "“", "”", "’s"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.text(max_size=80))
def test_spans_index_the_text(text):
    for spans, hit, rule in rl.colon_labels(DocIndex(text, ())):
        assert rule == "colon-label"
        assert text[hit.cue_start:hit.cue_end] == ":"
        for a, b in spans:
            assert hit.cue_end <= a < b <= len(text) and text[a:b] == text[a:b].strip()
        for t in hit.np:
            assert text[t.start:t.end] == t.text and t.end <= hit.cue_start


def test_headed_label_only_on_the_first_line():
    text = "Harbor camp: The recount will go ahead\n\nHarbor camp: The recount will go ahead, they say."
    items = rl.colon_labels(DocIndex(text, ()))
    assert [(text[s[0][0]:s[0][1]], " ".join(t.text for t in h.np)) for s, h, _ in items] == \
        [("The recount will go ahead", "Harbor camp")]
