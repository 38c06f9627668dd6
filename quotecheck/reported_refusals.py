"""Refusals: readings of a cue word that the words next to it show are not a report.

One job: given an item :func:`quotecheck.reported.find_reported` has read at a cue word, say
whether the tokens next to the cue make it something other than a verb of reporting, so
that no item rests on it, or its content something other than what was said.  Each refusal
has a name (what :func:`refusal` returns) and a reason; the tally is the items each removes
on the readable part of polnear-train (first 640 articles) and how many of those lay
inside a gold relation:

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
- ``object-is-predicate``: an object reading (``speech-np``, ``stance-np``, ``evidence-np``)
  whose content opens with a finite verb (``the weak sales report [has cleared the way]``,
  ``Parents' groups [have been outraged]``): an object cannot, so the cue word
  heads that verb's subject.  18 removed, 5 inside gold (misreadings inside other
  relations).
- ``title-as-content`` (:func:`without_title`): in ``“...,” the White House spokesman,
  Josh Earnest, said`` the stretch between the closing quote and the name in commas is a
  title, not what was said; the span is dropped (the rest of a mixed item kept).  7 spans
  removed, none inside gold.

Only the tokens around the cue are looked at: no rescan of the text.
"""
from __future__ import annotations

from . import grammar_words as gw
from .reported_lexicon import nouns
from .subjects import FINITE

#: Words after which a cue word is a noun or an attribute, never a finite verb or a
#: participle of reporting: an article, a possessive determiner, ``own`` (``its own
#: recommended list``), ``these``/``those``/``this`` (``this report``).  Not ``that`` (a
#: relative: ``a story that said``) nor ``her`` (an object: ``heard her say``).
_NOUN_BEFORE = (gw.ARTICLES | gw.POSSESSIVES | {"own", "these", "those", "this"}) - {"her"}


def refusal(text: str, toks: list, i: int, item) -> str:
    """The name of the refusal that applies to ``item`` read at the cue word ``toks[i]``, or
    ``""`` when none does.

    >>> from quotecheck import words as wd
    >>> t = "There are senators with courts in their states that need judges."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> refusal(t, toks, 7, ((), None, "subject-cue-clause"))
    'cue-after-determiner'
    >>> t = "The senators said that courts need judges."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> refusal(t, toks, 2, ((), None, "subject-cue-clause"))
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
    if rule in _OBJECT_RULES and _finite_first(text, item):
        return "object-is-predicate"
    return ""



#: Closing quotation marks (a quote's attribution follows them).
_CLOSING = ("”", "''", '"', "’", "'")


def without_title(text: str, toks: list, i: int, item):
    """``item`` less a last content span that is the speaker's title (``title-as-content``,
    :func:`_title_between`), or None when nothing else is left; ``item`` itself otherwise.
    A mixed item keeps its other spans: ``A, ''B,'' a study by X, Y, concluded`` keeps A."""
    if item[2] != "content-subject-cue" or i <= 0 or toks[i - 1].text != "," or not _title_between(text, item):
        return item
    return (item[0][:-1],) + tuple(item[1:]) if len(item[0]) > 1 else None


def _title_between(text: str, item) -> bool:
    """``“...,” the White House spokesman, Josh Earnest, said``: the stretch between the
    closing quote and the name in commas is the speaker's title, not what was said (that
    is the quote).  True when the item's content is that stretch: a closing quote (and a
    comma) right before it, only a comma between it and its subject."""
    spans, hit = item[0], item[1]
    np = getattr(hit, "np", None)
    if not spans or not np:
        return False
    s, e = spans[-1]
    if text[e:np[0].start].strip() != ",":
        return False
    before = text[max(0, s - 8):s].rstrip().rstrip(",").rstrip()
    return before.endswith(_CLOSING)


#: Readings whose content is the cue's object, a noun phrase.
_OBJECT_RULES = frozenset({"speech-np", "stance-np", "evidence-np"})


def _finite_first(text: str, item) -> bool:
    """``The weak sales report has cleared the way``, ``Budget questions are likely to
    ...``: an object cannot open with a finite verb; when the content of an object reading
    does (after adverbs in ``-ly``), the cue word is the head of that verb's subject, a
    noun.  Only the first words of the content are looked at."""
    spans = item[0]
    if not spans:
        return False
    s, e = spans[0]
    words = text[s:min(e, s + 60)].split()
    k = 0
    while k < len(words) and words[k].endswith("ly") and words[k].islower():
        k += 1
    return k < len(words) and words[k] in FINITE
