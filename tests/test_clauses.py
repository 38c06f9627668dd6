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


def test_the_document_index_keeps_paragraphs_within_a_character_budget():
    """DocIndex keeps the token offsets and sentence bounds of the latest paragraphs only,
    within :data:`clauses._KEEP_CHARS` characters (issue 14: kept for 2048 paragraphs of
    any length they were 7 bytes per character of a text of short paragraphs); a paragraph
    let go and read again gives the same tokens and sentences."""
    from quotecheck import clauses
    from quotecheck.words import tokens

    para = "The Pesadu Group announced a plan. It said so. They agreed.\n\n"
    text = para * (3 * clauses._KEEP_CHARS // len(para))
    doc = clauses.DocIndex(text, ())
    first = [(t.start, t.end, t.text) for t in doc.toks(0, len(para) - 2)]
    s0 = doc.sentence(40)
    for k in range(0, len(text), len(para)):
        doc.toks(k, k + len(para) - 2)
        doc.sentence(k + 40)
        assert doc._stoks.chars <= clauses._KEEP_CHARS and doc._bounds.chars <= clauses._KEEP_CHARS
    assert 0 < len(doc._stoks.values) < len(text) // len(para)
    assert 0 not in doc._bounds.values  # the first paragraph was let go
    assert [(t.start, t.end, t.text) for t in doc.toks(0, len(para) - 2)] == first == \
        [(t.start, t.end, t.text) for t in tokens(text, 0, len(para) - 2)]
    assert doc.sentence(40) == s0 == (35, 46)  # "It said so."
    # a paragraph longer than the budget is still kept while it is read
    long_doc = clauses.DocIndex("word " * clauses._KEEP_CHARS, ())
    long_doc.toks(0, 9)
    assert len(long_doc._stoks.values) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(-5, 250))
def test_quote_near_never_crashes_on_any_text(text, pos):
    from quotecheck.phrases import quote_near
    assert quote_near(text, max(0, pos)) in (True, False)


_THINGS = st.sampled_from(["water bottles", "a sign", "T-shirts", "a message", "letters", "the report", "Ann Lee"])
_RELS = st.sampled_from(["that said", "that says,", "— which read", ", which said", "that called him an", "saying"])


@settings(max_examples=150, deadline=None)
@given(_THINGS, _RELS, st.sampled_from(["“We won.”", "“a disaster”", "we won.", "\"Enough\""]),
       st.sampled_from(["", "They held up ", "Fans passed out "]))
def test_a_relative_source_indexes_the_text_exactly(thing, rel, quote, lead):
    """Whatever thing says the words, the mention the attribution rests on is the text at its
    offsets (``phrases.inscribed_antecedent``)."""
    text = f"{lead}{thing} {rel} {quote} and left."
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    _check_contract(text, quotes)
    for q in quotes:
        a = q.attribution
        if a.mention_start is not None:
            assert text[a.mention_start:a.mention_end] == a.mention


# --- DocIndex.sentence_toks: a paragraph's tokens sliced, or None where they could differ ---

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\u00c3\u00a9\u0301'’-AZ")), max_size=60),
       st.integers(0, 60), st.integers(0, 60))
def test_sentence_toks_are_the_stretch_tokenised_alone(text, a, b):
    from quotecheck import words as wd
    from quotecheck.clauses import DocIndex
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    doc = DocIndex(text, ())
    got = doc.sentence_toks(lo, hi)
    if got is not None:
        assert got == wd.tokens(text, lo, hi)
    # the paragraph's offsets it kept are those toks() reads
    assert doc.toks(lo, hi) == DocIndex(text, ()).toks(lo, hi)


def test_sentence_toks_of_a_sentence_and_a_cut_word():
    from quotecheck.clauses import DocIndex
    text = "He said so. Sen. Lee agreed.\nNext line."
    doc = DocIndex(text, ())
    assert [t.text for t in doc.sentence_toks(12, 28)] == ["Sen.", "Lee", "agreed", "."]
    assert doc.sentence_toks(13, 28) is None  # cut inside "Sen."
    assert doc.sentence_toks(12, 35) is None  # over a line break
