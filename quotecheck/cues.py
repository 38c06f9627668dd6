"""Cues: the words of saying, looked up in a sentence's tokens.

One job: the cue table (``data/cues.tsv``: a cue's words, lemma and class), read in any case
at a sentence start and in a title-case headline (:func:`cue_at`), the first words any cue
can open with (:func:`cue_firsts`, for a set look-up per token before the full check), and
the cue forms that are also nouns (``the report``, ``his remarks``).  Shared by the phrase
readers (:mod:`quotecheck.phrases`: a cue word ends a subject read leftwards) and the clause
readers (:mod:`quotecheck.clauses`).
"""
from __future__ import annotations

import functools

from . import lexicon
from .speaker_lexicon import lexicon as speaker_lexicon
from .subjects import _FUNCTION_WORDS


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """``first word -> [(words, lemma, class)]`` from ``data/cues.tsv``, longest first."""
    table: dict = {}
    for row in lexicon.rows("cues.tsv"):
        words = tuple(row[0].split())
        table.setdefault(words[0], []).append((words, row[1], row[2]))
    for v in table.values():
        v.sort(key=lambda r: -len(r[0]))
    return table


def cue_at(toks: list, i: int, after: str = ""):
    """``(n_tokens, lemma, class)`` when a cue starts at token ``i``.  ``after`` is the
    character that follows the text the tokens were cut from, when they end at ``i``: a
    sentence read up to a quotation ends right before its opening mark
    (``Clinton Says “...”``)."""
    t = toks[i]
    w = t.text
    if not w[:1].isalpha():
        return None
    entries = cues().get(w) or (cues().get(w.lower()) if w == "According" or (
        w[:1].isupper() and (i == 0 or toks[i - 1].text in (".", "!", "?", "“", '"')) and
        i + 1 < len(toks) and toks[i + 1].cap) or _headline_cue(toks, i, after) else None)
    if not entries:
        return None
    for words, lemma, cls in entries:
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].text.lower() == words[k] for k in range(1, n)):
            return n, lemma, cls
    return None


#: What may follow a cue in a headline: the next capitalised word, an opening quotation
#: mark or a colon (not an apostrophe: "the United States' allies").
_HEADLINE_NEXT = frozenset("“‘\":")
_HEADLINE_CUES = lexicon.words("clauses_headline_cues.txt")


def _headline_cue(toks: list, i: int, after: str = "") -> bool:
    """Whether the capitalised word at ``i`` is read in a headline's title case (``Clinton
    Says Trump Is Wrong``, ``Mayor Tells Council: ...``, ``Senator Calls It “...”``): a
    capitalised word before it, and after it a capitalised word, a quotation mark or a colon.
    A surname that is a cue word (``Edward Said, the critic``) is followed by neither."""
    w = toks[i].text
    if w.lower() not in _HEADLINE_CUES or i == 0 or not w[1:].islower():
        return False
    prev = toks[i - 1]
    low = prev.text.lower()
    if not (prev.cap and prev.word) or low in speaker_lexicon().pronouns or low in _FUNCTION_WORDS:
        return False  # "... If I Would Have Told Her": not a headline's subject before it
    if i + 1 >= len(toks):
        # a quotation right after the cue: the words before the name are title case too
        # (a sentence's "the critic Edward Said “Orientalism”" has a lower-case word there)
        return after != "" and after in _HEADLINE_NEXT and (i < 2 or toks[i - 2].cap or not toks[i - 2].word)
    nxt = toks[i + 1]
    return nxt.text in _HEADLINE_NEXT or nxt.cap and nxt.word


#: Cue forms that are also nouns ("Trump's remarks", "a subsequent tweet", "the report").
_NOUNS = lexicon.exact("attribution_cue_nouns.txt")


@functools.lru_cache(maxsize=1)
def cue_firsts() -> frozenset:
    """The first words of the cue table as they are written in text: lower case, at the
    start of a sentence, or in a headline in capitals ("said", "Said", "SAID")."""
    return frozenset(f for w in cues() for f in (w, w[:1].upper() + w[1:], w.upper()))
