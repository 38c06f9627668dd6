"""Refusals: readings of a cue word that the words next to it show are not a report.

One job: given an item :func:`quotecheck.reported.find_reported` has read at a cue word, say
whether the tokens next to the cue make it something other than a verb of reporting, so
that no item rests on it.  Each refusal has a name (what :func:`refusal` returns) and a
reason; the tally is the items each removes on the readable part of polnear-train (first
640 articles) and how many of those lay inside a gold relation:

- ``cue-after-determiner``: right after an article, a possessive determiner, ``own`` or a
  demonstrative the cue word is a noun or an attribute (``their states that need judges``,
  ``its own recommended list``, ``an alleged incident``); not for the nouns of the
  reporting lexicon, nor before a copula (``my guess is ...``), which carry what was said.
  5 removed, 1 inside gold.
- ``state-noun``: ``state``/``states`` is a verb of saying only before ``that`` or a colon
  (``the report states that``); elsewhere it names a state (``Rust Belt states``, ``state
  lawmakers``).  6 removed, 3 inside gold (each a misreading inside another relation).
- ``back-down``: ``back down`` is giving way, not backing someone (``the party backed
  down``).  3 removed, none inside gold.

Only the tokens around the cue are looked at: no rescan of the text.
"""
from __future__ import annotations

from . import grammar_words as gw
from .reported_lexicon import nouns

#: Words after which a cue word is a noun or an attribute, never a finite verb or a
#: participle of reporting: an article, a possessive determiner, ``own`` (``its own
#: recommended list``), ``these``/``those``/``this`` (``this report``).  Not ``that`` (a
#: relative: ``a story that said``) nor ``her`` (an object: ``heard her say``).
_NOUN_BEFORE = (gw.ARTICLES | gw.POSSESSIVES | {"own", "these", "those", "this"}) - {"her"}


def refusal(toks: list, i: int, item) -> str:
    """The name of the refusal that applies to ``item`` read at the cue word ``toks[i]``, or
    ``""`` when none does.

    >>> from quotecheck import words as wd
    >>> t = "There are senators with courts in their states that need judges."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> refusal(toks, 7, ((), None, "subject-cue-clause"))
    'cue-after-determiner'
    >>> t = "The senators said that courts need judges."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> refusal(toks, 2, ((), None, "subject-cue-clause"))
    ''
    """
    rule = item[2]
    if rule.startswith(("nominal", "nested")) or i <= 0:
        return ""  # a noun of the reporting lexicon is read as a noun on purpose
    prev, w = toks[i - 1].text.lower(), toks[i].text.lower()
    nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    if prev in _NOUN_BEFORE and w not in nouns() and nxt not in gw.FORMS_OF_BE:
        # (a noun of the reporting lexicon, or one before a copula, may carry what was said:
        # "his claim that ...", "my guess is ...")
        return "cue-after-determiner"
    if w in ("state", "states") and nxt not in ("that", ":") and prev not in gw.SUBJECT_PRONOUNS:
        return "state-noun"
    if w in ("back", "backs", "backed", "backing") and nxt == "down":
        return "back-down"
    return ""
