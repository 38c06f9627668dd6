"""Reported speech: the ``according to`` reading, and content on both sides of an
attribution set in commas (``A, X said, B``; ``A, according to X, B``).

Split from :mod:`quotecheck.reported` (one job: where the content of these two shapes lies).
"""
from __future__ import annotations

import regex

from . import grammar_words as gw
from . import speaker_lexicon as sl
from . import words as wd
from .clauses import DocIndex, Hit, np_right
from .subjects import FINITE, token_index
from .reported_content import _content, _trim
from .reported_lexicon import bare_phrase


def according_at(doc: DocIndex, toks: list, i: int, n: int, lemma: str, cls: str, s0: int, s1: int):
    """``According to X, CONTENT``, ``CONTENT, according to X.``, ``A, according to X, B``:
    the item of the cue ``according to`` at token ``i`` (``n`` tokens), or None."""
    text = doc.text
    cs, ce = toks[i].start, toks[i + n - 1].end
    cue_text = text[cs:ce]
    np = np_right(toks, i + n, len(toks)) or _according_source(toks, i + n)
    if not np:
        return None
    if doc.text[np[-1].end:np[-1].end + 1] not in (".", ",", ";"):
        # "according to an interview with The Times at the time, ...": the phrase reader stops
        # at the preposition; the source runs to the comma
        longer = _according_source(toks, i + n)
        if longer and longer[-1].end > np[-1].end and doc.text[longer[-1].end:longer[-1].end + 1] == ",":
            np = longer
    h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="according-to")
    after = np[-1].end
    if i > 0 and toks[i - 1].word and text[after:after + 1] in (".", ",", ";") and \
            len(text[s0:cs].split()) >= 4 and text.find(" that ", s0, cs) < 0:
        # "Clinton leads by 271 delegates according to a count by the AP.": no comma before
        # (not after "X said that ...": the source then vouches for another's report)
        s, e = _trim(text, s0, cs)
        return _content(doc, s, e, h, "according-to")
    if i == 0 or text[cs - 2:cs].strip() in ("", ",", ":"):
        # "According to X, CONTENT." or "CONTENT, according to X."; after a short opener
        # ("In addition, according to X, CONTENT") or a colon the content follows
        if i > 0 and toks[i - 1].text == "," and text[after:after + 1] == "," and _goes_on(toks, i, np):
            # "Other major cleavages, according to the poll, include ideology": the
            # attribution in commas inside the clause, its content on both sides
            s, e = _trim(text, after + 1, s1)
            return both_sides(doc, s0, cs - 1, _content(doc, s, e, h, "according-to"), h)
        if i == 0 or toks[i - 1].text not in (",",) or \
                len(text[s0:cs].split()) <= 3 and text[after:after + 1] == "," and \
                not any(t.text.lower() in FINITE for t in toks[:i]):
            s, e = _trim(text, after, s1)
        else:
            s, e = _trim(text, s0, cs)
        return _content(doc, s, e, h, "according-to")
    return None


#: Words that end the source phrase after "according to" (what follows is a new clause).
_SOURCE_END = frozenset({"that", "who", "which", "when", "while", "after", "before", "because", "but", "and"})


def _according_source(toks: list, k: int):
    """The source after ``according to`` when the speaker-phrase reader finds none because it
    has no name, pronoun or determiner (``according to law enforcement officials``,
    ``according to poll``, ``according to media trackers``): ``according to`` always takes a
    noun phrase, so its words up to punctuation or a clause word (at most 12) are the
    source.

    >>> from quotecheck import words as wd
    >>> t = "according to media trackers, the ad ran twice."
    >>> [x.text for x in _according_source(wd.tokens(t, 0, len(t)), 2)]
    ['media', 'trackers']
    """
    out = bare_phrase(toks, k, ("'s", "’s", "-", "&"), _SOURCE_END)
    if not out or out[0].text.lower() in NOT_SOURCE_START or any(t.text.lower() in FINITE for t in out):
        return None
    return out


#: Words that cannot open the phrase after "according to".
NOT_SOURCE_START = frozenset({"it", "in", "on", "at", "to", "of", "this", "that", "as", "with", "for", "by"})


_DOC_ADJUNCT = regex.compile(r"(?i)(?:in|on|at|during)\s++(?:a|an|the|his|her|their|its)\s++(?:\S++\s++){0,2}?"
                             r"(?:statement|interview|email|letter|tweet|post|speech|call|release|conference|"
                             r"appearance|op-ed|column|memo)\b")


def _continued_quote(text: str, at: int) -> bool:
    """Whether a quotation right after ``, `` at ``at`` opens in lower case (it goes on with
    the sentence before the attribution)."""
    j = at
    while j < len(text) and j < at + 4 and text[j] in ' ,':
        j += 1
    if text.startswith("that ", j):
        j += 5  # "It's a reminder, she said, that “what matters ...”"
    q = j
    while j < len(text) and j < q + 2 and text[j] in '"“\'‘':
        j += 1
    return j < len(text) and j > q and text[j].islower()


#: What may stand before ``, X said, "Quote ..."`` and still be reported with it: a
#: connective that links the quotation to what came before (``But, she added, "..."``,
#: ``Of course, Lee said, "..."``), the topic the quotation answers (``As for the
#: polls, he said, "..."``, ``Of the governor, she said, "..."``) or the question it
#: answers (``Asked about the plan, he said, "..."``); a time, a place or an occasion
#: (``On Tuesday, he said, "..."``) is the reporter's, not the speaker's.
_LEAD_IN = regex.compile(r"(?:But|Of course|After all|Instead|Still|Yet|(?:As for|Of|Instead of|Asked)\s[^,;:]++)")


def _quote_after(text: str, at: int) -> bool:
    """Whether a quotation opens right after ``, `` at ``at`` (any case)."""
    j = at
    while j < len(text) and j < at + 4 and text[j] in ' ,':
        j += 1
    return j < len(text) and text[j] in '"“\'‘'


def both_sides(doc: DocIndex, s0: int, np_start: int, after, h: Hit):
    """``A, X said, B``: the content is in two pieces, and the first (``Many of the
    closures``, ``Back then``) is reported too, however short."""
    s, e = _trim(doc.text, s0, np_start)
    if after is None:
        # "Instead, Axelrod said, “she started as ...”": a quotation that goes on with the
        # sentence (lower case) leaves the words before the attribution reported; "In
        # February, Mr. Trump said, ''...''": a new sentence quoted, nothing reported
        if not (_continued_quote(doc.text, h.cue_end) or _quote_after(doc.text, h.cue_end) and
                _LEAD_IN.fullmatch(doc.text, s, e)) or \
                _DOC_ADJUNCT.match(doc.text, s, e):
            return None
        return _content(doc, s, e, h, "parenthetical-cue", short=True) if e > s else None
    if _DOC_ADJUNCT.match(doc.text, s, e):
        return after  # "In a statement Thursday, X said, ...": where it was said, not what
    before = _content(doc, s, e, h, "parenthetical-cue", short=True) if e > s else None
    if before is None:
        return after
    if after is None:
        return before
    return before[0] + after[0], h, after[2]


#: Words that, after ``A, according to X,``, open a clause of the reporter's own (``..., but
#: his pathway ...``, ``..., compared with ...``) rather than the rest of the attributed one.
_NOT_GOING_ON = frozenset("and but or so yet while whereas although though as because since if when where which "
                          "who whose with without compared including despite after before than up down even".split())


#: Words that may open the adjunct between a verb of saying and the comma that closes an
#: attribution set in commas (``A, she said in an interview, B``).
_ASIDE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "last", "this", "earlier", "later"})
#: Objects of ``tell`` that may stand there (``A, he told reporters, B``) besides a name.
_TOLD = frozenset({"reporters", "them", "him", "her", "us", "me", "the", "a", "an", "his", "her", "their", "its",
                   "supporters", "voters", "students", "members", "donors", "listeners", "viewers", "readers"})


def aside_comma(toks: list, k: int, lemma: str):
    """``A, X said in a telephone interview, B``, ``A, X told reporters, B``, ``A, X told
    The Washington Post, B``: the index of the comma that closes the attribution when the
    verb of saying at ``k - 1`` has an adjunct of occasion or (``tell``) its hearer before
    it (at most six words, none a verb or ``that``), else None.

    >>> from quotecheck import words as wd
    >>> t = "Sooner or later, the governor told reporters, it pays off."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> toks[aside_comma(toks, 7, "tell")].start
    44
    >>> t = "The plan, he said in Iowa and then left, was new."
    >>> aside_comma(wd.tokens(t, 0, len(t)), 5, "say") is None
    True
    """
    if k >= len(toks):
        return None
    first = toks[k].text
    if not (first.lower() in _ASIDE_PREPS or lemma == "tell" and (first.lower() in _TOLD or first[:1].isupper())):
        return None
    for m in range(k, min(len(toks), k + 7)):
        t = toks[m]
        if t.text == ",":
            # (not the comma inside a number: "told a crowd of 2,500")
            return m if m > k and (m + 1 >= len(toks) or toks[m + 1].start > t.end) else None
        w = t.text.lower()
        if not t.word or w in FINITE or w in ("that", "and", "or", "but", "who", "which") or \
                t.text.islower() and w.endswith("ed"):
            return None
    return None


def _goes_on(toks: list, i: int, np) -> bool:
    """``A, according to X, B`` (the cue at ``i``, ``np`` the source): ``B`` is the rest of the
    attributed clause, not a clause of the reporter's own, a relative, an adjunct or an
    appositive of the source (``according to Andy Smith, director of ...``).  Either ``B``
    starts with the verb whose subject is ``A`` (``Other major cleavages, according to the
    poll, include ...``), or ``A`` ends with a subordinator (``after, according to him,
    ...``), or ``A`` is a short phrase without a verb (``Since last November``) and ``B`` holds
    a finite verb before its next comma."""
    a = toks[:i - 1]
    if " ".join(t.text.lower() for t in a) in _CONNECTIVES:
        return False  # "In addition, according to X, ...": a link to the last sentence, not content
    k = token_index(toks, np[-1].end) + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k + 1 >= len(toks) or not toks[k].word:
        return False
    w = toks[k].text
    if w.lower() in _NOT_GOING_ON or w.islower() and w.endswith(("ing", "ed")):
        return False
    if w.islower() and w not in _CLAUSE_DETERMINERS and w not in sl.lexicon().pronouns:
        # a verb, not the head of an appositive ("director of", "an analyst at")
        return toks[k + 1].text not in ("of", "at", "for", "with", "in", "and", ",")
    if a and a[-1].text.lower() in ("after", "before", "that", "because", "since", "when", "while"):
        return True
    if not a or len(a) > 6 or any(t.text.lower() in FINITE for t in a):
        return False
    for t in toks[k + 1:k + 12]:
        if not t.word:
            return False
        if t.text.lower() in FINITE or t.text.islower() and t.text.endswith("ed"):
            return True
    return False


_CONNECTIVES = frozenset({"in addition", "in fact", "however", "meanwhile", "still", "also", "instead", "moreover",
                          "furthermore", "yet", "indeed", "but", "and", "so", "now", "then", "again", "overall",
                          "separately", "similarly", "likewise", "nonetheless", "nevertheless", "besides", "thus",
                          "therefore", "in turn", "at the same time"})
_CLAUSE_DETERMINERS = (gw.DETERMINERS - {"your"}) | {"some", "many", "most", "all"}
