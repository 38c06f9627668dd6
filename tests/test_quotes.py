"""The quote finder: real-looking sentences, hard cases kept as data, and properties."""
import json
import pathlib

import pytest
from hypothesis import given, settings, strategies as st

from quotecheck.model import SPEECH_KINDS
from quotecheck.quotes import find_quotes, pair_marks, scan_marks

CASES = pathlib.Path(__file__).parent / "cases"


def speech(text):
    return [q.text for q in find_quotes(text)[0] if q.kind in ("direct", "partial")]


def kinds(text):
    return [(q.text, q.kind) for q in find_quotes(text)[0]]


# --- cases kept as data -----------------------------------------------------------------


def _load(name):
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def _check(case):
    quotes = find_quotes(case["text"])[0]
    got = [q.text for q in quotes if q.kind in ("direct", "partial")]
    assert got == case["speech"], [(q.text, q.kind, q.rule) for q in quotes]
    other = [q.text for q in quotes if q.kind not in SPEECH_KINDS]
    for want in case.get("non_speech", []):
        assert want in other, [(q.text, q.kind, q.rule) for q in quotes]
    nested = [q.text for q in quotes if q.kind == "nested"]
    for want in case.get("nested", []):
        assert want in nested, [(q.text, q.kind, q.rule) for q in quotes]


@pytest.mark.parametrize("case", _load("quotes_cases.json"), ids=lambda c: c["note"])
def test_case(case):
    _check(case)


@pytest.mark.parametrize("case", _load("quotes_known_failures.json"), ids=lambda c: c["note"])
@pytest.mark.xfail(strict=True, reason="known failure, kept to measure progress")
def test_known_failure(case):
    _check(case)


# --- unit tests -------------------------------------------------------------------------


def test_record_fields():
    text = "“We have nowhere to retreat,” Putin said."
    [q] = find_quotes(text)[0]
    assert (q.start, q.end, q.inner_start, q.inner_end) == (0, 29, 1, 28)
    assert q.marks == "“”" and q.kind == "direct" and q.parent is None
    assert q.rule and q.reason
    assert q.inner == "We have nowhere to retreat,"


def test_nested_parent_index():
    text = "“They have taken it to the point where we must tell them: ‘Stop!’” he said."
    qs = find_quotes(text)[0]
    assert [q.kind for q in qs] == ["direct", "nested"]
    assert qs[1].parent == 0 and qs[1].text == "‘Stop!’"


def test_three_levels_of_nesting_alternate_styles():
    text = "He said: “She told me ‘he called it “fake” twice’ yesterday.”"
    qs = find_quotes(text)[0]
    assert [(q.text, q.kind, q.parent) for q in qs] == [
        ("“She told me ‘he called it “fake” twice’ yesterday.”", "direct", None),
        ("‘he called it “fake” twice’", "nested", 0),
        ("“fake”", "nested", 1)]


def test_british_style_with_double_inside_single():
    text = "‘I never said “never”,’ the minister told MPs."
    qs = find_quotes(text)[0]
    assert [(q.text, q.kind) for q in qs] == [("‘I never said “never”,’", "direct"), ("“never”", "nested")]


def test_partial_quotes_of_speech_stay_speech():
    text = ("Putin said the expansion of NATO would be a “red line” for Russia and demanded "
            "that the West “immediately” respond.")
    assert speech(text) == ["“red line”", "“immediately”"]


def test_scare_quote_without_speaker_is_not_speech():
    text = "The company’s “innovation” turned out to be a rebranded version of last year’s phone."
    assert kinds(text) == [("“innovation”", "scare")]


def test_show_title_after_network_possessive():
    assert kinds("She told CNN’s “State of the Union” that she would run.") == [
        ("“State of the Union”", "title")]


def test_unclosed_quote_warns_and_does_not_swallow_the_article():
    text = "“We will win, the candidate said.\n\nShe left. Her aide said, “No comment.”\n\nThe end."
    qs, ws = find_quotes(text)
    assert [q.text for q in qs] == ["“We will win, the candidate said.", "“No comment.”"]
    assert qs[0].marks == "“" and qs[0].inner_end == qs[0].end
    assert [w.code for w in ws] == ["unclosed-quote"]


def test_straight_quote_direction_from_context():
    text = 'He said "yes" and she said "no," then "maybe."'
    assert [q.text for q in find_quotes(text)[0]] == ['"yes"', '"no,"', '"maybe."']


def test_straight_single_quotes_british_style():
    text = "The minister said: 'We will protect the NHS.'"
    assert speech(text) == ["'We will protect the NHS.'"]


def test_apostrophes_do_not_pair():
    text = "It’s the farmers’ choice, said O’Neill, who was born in the ’60s."
    assert find_quotes(text)[0] == ()


def test_multi_paragraph_quote_is_one_span():
    text = "He said:\n\n“One.\n\n“Two.\n\n“Three,” he added.\n\nNext."
    [q] = find_quotes(text)[0]
    assert q.text == "“One.\n\n“Two.\n\n“Three,”" and q.rule == "long-quote" or q.kind in ("direct", "partial")
    assert q.marks == "“”"


def test_reversed_opening_mark_recovered():
    text = 'He says,” there are a lot of people who never get listened to.”'
    qs, ws = find_quotes(text)
    assert [q.text for q in qs] == ['” there are a lot of people who never get listened to.”']


def test_entities_are_marks_in_place():
    text = "She said &#8220;enough is enough&#8221; and left."
    [q] = find_quotes(text)[0]
    assert q.text == "&#8220;enough is enough&#8221;" and q.marks == "&#8220;&#8221;"
    assert q.inner == "enough is enough"


def test_mark_flood_is_skipped_with_a_warning():
    qs, ws = find_quotes('"' * 10_000)
    assert qs == () and [w.code for w in ws] == ["mark-run"]


def test_deep_nesting_is_capped_with_a_warning():
    text = "".join(("“" if i % 2 == 0 else "‘") + "word " for i in range(200)) + "he said."
    qs, ws = find_quotes(text)
    assert len(qs) <= 4 and "nesting-too-deep" in [w.code for w in ws]


def test_unclosed_marks_every_few_words_each_end_at_the_next():
    text = "“one two, Smith said “three four, Jones said “five six, Lee said"
    qs, ws = find_quotes(text)
    assert [q.text for q in qs] == ["“one two, Smith said", "“three four, Jones said", "“five six, Lee said"]
    assert [w.code for w in ws] == ["unclosed-quote"] * 3


def test_scan_marks_roles():
    roles = [(m.written, m.role) for m in scan_marks("'Tis the ’90s: “so-called” rock ’n’ roll")]
    assert roles == [("'", "apostrophe"), ("’", "apostrophe"), ("“", "open"), ("”", "close"),
                     ("’", "apostrophe"), ("’", "apostrophe")]


def test_pair_marks_flags():
    pairs, _ = pair_marks("“One.\n\n“Two.”")
    assert [p.flags for p in pairs] == [("multi-paragraph",)]


def test_non_strings_and_empty():
    assert find_quotes("") == ((), ())
    assert find_quotes(None) == ((), ())


# --- properties -------------------------------------------------------------------------

MARKY = st.lists(st.sampled_from(list("ab .,:\n\r\t\u00a0\"'“”‘’„«»`´″&;#x0123") +
                                ["&quot;", "&ldquo;", "&rdquo;", "&#8220;", "''", "``", "word ", "Word "]),
                 max_size=120).map("".join)


def _check_invariants(text):
    qs, ws = find_quotes(text)
    assert isinstance(qs, tuple) and isinstance(ws, tuple)
    for i, q in enumerate(qs):
        assert text[q.start:q.end] == q.text
        assert q.start <= q.inner_start <= q.inner_end <= q.end
        if q.inner_end == q.end:  # unclosed: only the opening mark
            assert q.text.startswith(q.marks)
        else:
            assert any(q.text.startswith(q.marks[:k]) and q.text.endswith(q.marks[k:])
                       for k in range(1, len(q.marks)))
        if q.parent is not None:
            p = qs[q.parent]
            assert q.parent < i and p.start <= q.start and q.end <= p.end
    for i, a in enumerate(qs):
        for b in qs[i + 1:]:
            assert a.start <= b.start
            if b.start < a.end:  # overlapping: must be nesting
                assert b.end <= a.end
                chain, j = set(), b.parent
                while j is not None:
                    chain.add(j)
                    j = qs[j].parent
                assert qs.index(a) in chain
    return qs, ws


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_str(text):
    _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(MARKY)
def test_invariants_on_mark_heavy_text(text):
    _check_invariants(text)


@settings(max_examples=100, deadline=None)
@given(MARKY)
def test_deterministic(text):
    assert find_quotes(text) == find_quotes(text)


WORD = st.sampled_from("the plan was bad we will win it is over they said no more tax cuts for anyone "
                       "today".split())
CAP = st.sampled_from("We They It This Nobody Everyone".split())
SPEAKER = st.sampled_from(["he said", "she said", "the mayor said", "Smith told reporters"])


@st.composite
def news_paragraph(draw):
    """A paragraph of well-formed news prose with curly double marks."""
    words = lambda n: " ".join(draw(st.lists(WORD, min_size=n, max_size=n + 4)))  # noqa: E731
    forms = draw(st.lists(st.integers(0, 4), min_size=1, max_size=4))
    parts = []
    for f in forms:
        if f == 0:
            parts.append(f"“{draw(CAP)} {words(2)},” {draw(SPEAKER)}.")
        elif f == 1:
            parts.append(f"{draw(SPEAKER).capitalize()}: “{draw(CAP)} {words(3)}.”")
        elif f == 2:
            parts.append(f"The {words(1)} was called “{words(1)}” by {words(1)}.")
        elif f == 3:
            parts.append(f"“{draw(CAP)} {words(1)} ‘{words(1)}’ {words(1)},” {draw(SPEAKER)}.")
        else:
            parts.append(f"{draw(CAP)} {words(4)}.")
    return " ".join(parts)


NEWS = st.lists(news_paragraph(), min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=150, deadline=None)
@given(NEWS)
def test_straight_marks_give_the_same_quotes(text):
    straight = text.replace("“", '"').replace("”", '"')
    a = [(q.start, q.end, q.kind, q.parent) for q in find_quotes(text)[0]]
    b = [(q.start, q.end, q.kind, q.parent) for q in find_quotes(straight)[0]]
    assert a == b


@settings(max_examples=150, deadline=None)
@given(NEWS)
def test_crlf_gives_the_same_quotes(text):
    crlf = text.replace("\n", "\r\n")
    a = [(q.text, q.kind) for q in find_quotes(text)[0]]
    b = [(q.text.replace("\r\n", "\n"), q.kind) for q in find_quotes(crlf)[0]]
    assert a == b
    _check_invariants(crlf)


@settings(max_examples=100, deadline=None)
@given(NEWS)
def test_generated_news_quotes_are_speech(text):
    qs = find_quotes(text)[0]
    for q in qs:
        if q.text.startswith("“") and q.text.endswith(",”"):
            assert q.kind in ("direct", "partial"), (q.text, q.kind, q.rule)
