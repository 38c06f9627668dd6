"""The short-quote speech test reads the quote's role: cases from real sentences, and properties."""
import json
import pathlib

import pytest
from hypothesis import given, settings, strategies as st

from quotecheck import quote_kinds as qk
from quotecheck import quote_saying as qs
from quotecheck.quotes import find_quotes

CASES = json.loads((pathlib.Path(__file__).parent / "cases" / "quote_roles.json").read_text(encoding="utf-8"))


def _kind(case):
    quotes = [q for q in find_quotes(case["text"])[0] if q.text == case["quote"]]
    assert quotes, [q.text for q in find_quotes(case["text"])[0]]
    return quotes[0]


@pytest.mark.parametrize("case", [c for c in CASES if "known_failure" not in c],
                         ids=lambda c: f"{c['shape']}: {c['quote']}")
def test_role_case(case):
    q = _kind(case)
    assert (q.kind in ("direct", "partial")) == case["speech"], (q.kind, q.rule, q.reason)


@pytest.mark.parametrize("case", [c for c in CASES if "known_failure" in c], ids=lambda c: c["known_failure"])
@pytest.mark.xfail(strict=True, reason="known failure, kept to measure progress")
def test_role_known_failure(case):
    q = _kind(case)
    assert (q.kind in ("direct", "partial")) == case["speech"]


def test_every_shape_has_three_instances():
    shapes = {}
    for c in CASES:
        shapes[c["shape"]] = shapes.get(c["shape"], 0) + 1
    assert min(shapes.values()) >= 3, shapes


def test_the_same_cue_governs_or_not_by_what_stands_between():
    assert qs._saying_before("He said the plan would be ") == "said"
    assert qs._saying_before("He said the plan; the rest is ") is None
    assert qs._saying_before("He said the bomber, who fled, had ") == "said"
    assert qs._saying_before("“Yes,” said Ann Lee, whose shop sells ") is None
    assert qs._saying_before("she states the case for ") == "states"
    assert qs._saying_before("in the state of ") is None
    # a title-case quote must be the cue's object
    assert qs._saying_before("He called it ", titlecase=True) == "called"
    assert qs._saying_before("He called the lawyers and then, in May, joined ", titlecase=True) is None


def test_a_closing_attribution_and_another_clause_after():
    assert qs._saying_after(", the senator told reporters.") == "told"
    assert qs._saying_after(" for us, said Kim.") == "said"
    assert qs._saying_after(", and officials hope it works.") is None
    assert qs._saying_after(" posted the clip.", "Guardians,") is None
    assert qs._saying_after(", sagte sie.", "Wir schaffen das,", opens=True) == "sagte"


_WORDS = st.sampled_from(["said", "told", "state", "call", "the", "his", "plan", "show", "Fox", "and", "or",
                          ",", ";", "(", ")", "who", "whose", "Q", "“", "”", "\"", "'", "’s", "Meet", "Press",
                          "\n", "\n\n", " ", ":", "as", "saying", "—"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=200))
def test_no_crash_and_spans_index_the_text(text):
    quotes = find_quotes(text)[0]
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.inner_start:q.inner_end] == q.inner
        assert q.rule and q.reason
    assert qs._saying_before(text) in (None, *[w.lower() for w in qs._CUE_WORD_RE.findall(text)])
    assert qs._saying_after(text, text) in (None, *[w.lower() for w in qs._CUE_WORD_RE.findall(text)])
    ctx = qk.Context(text, text, text, len(text.split()))
    assert qk._title_cue(ctx) is None or isinstance(qk._title_cue(ctx), str)
    assert qk._names_work_after(ctx) in (None, *qs._CUE_WORD_RE.findall(text))


_NAMING = st.sampled_from(["called", "titled", "entitled", "named", "dubbed", "slogan", "motto", "was", "is",
                           "book", "bill", "collection", "website", "he", "whom", "what", "has", "been",
                           "Kim", "critics", "aide", "the", "a", ",", ":", ".", "“", "”", "\n", "typically"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAMING, max_size=30).map(" ".join) | st.text(max_size=300), st.booleans(), st.booleans())
def test_a_name_or_mention_is_read_from_the_last_words_only(before, short, titlecase):
    got = qk._named_or_written(before, short=short, titlecase=titlecase)
    assert got is None or (got[0] in ("title", "scare") and got[1] in ("named-by-participle", "mentioned-phrase"))
    # bounded: only the last 120 characters count, so the cost per quote is constant
    assert got == qk._named_or_written("x " * 200 + ".\n" + before, short=short, titlecase=titlecase)
    # a naming verb after a subject pronoun or a relative takes its subject's words
    for tail in (" he called ", " whom Kim called ", " has been called ", " critics dubbed "):
        assert qk._named_or_written(before + tail, short=short) is None
    # a short quote is never named by `called`: PolNeAR keeps short labels as content
    assert qk._named_or_written(before + " a collection called ", short=True) is None
