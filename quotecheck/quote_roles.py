"""Roles that make a quote a value, a class or a term mentioned, not anyone's words (a step
of :mod:`quotecheck.quote_kinds`).

One job: read the few words right around a pair of marks for a role that a cue elsewhere in
the sentence does not turn into speech, because the reporter's own phrase uses the quoted
words as a thing:

* ``rating-value``: the quote is a step on a scale, right before the noun for the scale
  (an 85 percent “fresh” rating, none reached the “top secret” level);
* ``category-as``: the quote is the class a verb puts its subject in, after that verb and
  ``as`` (voters who register as “undeclared”, whether it counts as a “real quote”),
  unless a word of saying before the verb has it in its clause (``concluded that the centre
  qualified as a “foreign principal”``: the conclusion's wording, as PolNeAR marks it);
* ``glossed-term``: the quote is a term the sentence defines, followed by its gloss (“high
  seas”: international waters; “non-paper” is a diplomatic term for ...; “...” as defined in
  Article 298);
* ``title-by-author``: the quote is a work's title, its comma followed by a byline, where a
  title stands (``NOW OPEN—“...,” by DNAinfo's Eddie Small:``).

Each reader looks at a bounded stretch of text next to the marks (the cost per quote is
constant) and returns the word that gives the role, or None; each decision's reason carries
the rule's measured confidence (:data:`CONFIDENCE`, docs/accuracy.md, session 19).
"""
from __future__ import annotations

import functools
from typing import Optional

import regex

from . import grammar_words as gw
from . import lexicon
from .quote_context import Context
from .quote_saying import _saying_before

_WORD_RE = regex.compile(r"[^\W\d_][\w'’-]*+")

#: At most this many words in a rating's value (“top secret”, “sector perform”).
RATING_WORDS = 3
#: At most this many words in a class after ``as`` or in a glossed term.
TERM_WORDS = 4
#: The confidence each rule's decision carries, measured on train-640, ECB+ and the
#: extractors' cases: (right + 1) / (changed + 2) over the quotes whose kind it changed (right:
#: no gold content holds it, or labelled not speech), which keeps a rule of few instances from
#: claiming certainty (see docs/accuracy.md, session 19): rating-value 2 of 3, category-as 4 of
#: 4, glossed-term 3 of 3, title-by-author 12 of 12.
CONFIDENCE = {"rating-value": 0.60, "category-as": 0.83, "glossed-term": 0.80, "title-by-author": 0.93}


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    """``word -> class`` of ``quotes_roles.tsv`` (rating, category, thing)."""
    return {row[0].strip().lower(): row[1].strip() for row in lexicon.rows("quotes_roles.tsv")}


def rating_value(ctx: Context) -> Optional[str]:
    """The noun for a rating, grade, level or status right after a short quote, with one
    space between (``an 85 percent “fresh” rating``, ``the “top secret” level``): the quote
    is a step on that scale, whatever cue the sentence has.  A quote that ends in sentence
    punctuation is not a modifier.

    >>> rating_value(Context("He will argue it got an 85 percent ", " rating.", "fresh", 1))
    'rating'
    >>> rating_value(Context("They called it ", " rating.", "unfair,", 1)) is None
    True
    >>> rating_value(Context("the ", " levels", "top secret", 2)) is None
    True
    """
    if ctx.words > RATING_WORDS or not ctx.inner.strip() or ctx.inner.rstrip()[-1:] in ".,!?;:…" \
            or not ctx.after.startswith(" "):
        return None
    m = _WORD_RE.match(ctx.after, 1)
    if m is None:
        return None
    noun = m.group()
    return noun if noun.islower() and _table().get(noun) == "rating" else None


#: ``as`` and an article at the end of the text before a quote, after at most one adverb in -ly.
_AS_END_RE = regex.compile(r"(?:\s++[a-z]++(?<=ly))?+\s++as(?:\s++(?:an?+|the))?+\s*+$")


def category_as(before: str) -> Optional[str]:
    """The verb that puts its subject in a class, right before ``as`` and the quote (``who
    register as “undeclared,”``, ``vacations disguised as “fact-finding trips”``, ``counts as
    a “real quote”``): the quote is the class, not words someone used for it.  ``introduced``
    and ``presented`` only with nothing but a thing before them (``a police box introduced as
    a “special guest”``); after a subject or a relative (``she introduced him as ...``,
    ``whom Bush introduced as ...``) they are someone's words.  Only the last 60 characters of
    ``before`` are read.

    >>> category_as("But those voters, who officially register as ")
    'register'
    >>> category_as("It is not clear if this counts as a ")
    'counts'
    >>> category_as("Mrs. Lee introduced him as ") is None
    True
    >>> category_as("A floating police box introduced as a ")
    'introduced'
    >>> category_as("He slammed the plan as ") is None
    True
    """
    tail = before[-60:]
    m = _AS_END_RE.search(tail)
    if m is None:
        return None
    words = list(_WORD_RE.finditer(tail, 0, m.start()))
    if not words or words[-1].end() != m.start():
        return None
    verb = words[-1].group()
    cls = _table().get(verb.lower()) if verb.islower() else None
    if cls == "category":
        return verb
    if cls == "thing" and len(words) > 1:
        prev = words[-2].group()
        low = prev.lower()
        if prev[:1].isupper() or low in gw.SUBJECT_PRONOUNS or low in gw.RELATIVE_PRONOUNS or low in _OBJECT_PRONOUNS:
            return None
        return verb
    return None


_OBJECT_PRONOUNS = frozenset("him her them us me it you himself herself themselves".split())

#: A definition after a quote: ``as defined in`` (any length), or for a short quote a colon and
#: a lower-case gloss, or a verb of meaning whose subject the quote is (``“X” means``, ``“X”
#: stands for``, ``“X” is a diplomatic term for``).
_DEFINED_RE = regex.compile(r"\s*+,?+\s*+as\s++(?:defined|used)\s++(?:in|by|under)\b")
_GLOSS_COLON_RE = regex.compile(r":\s++(?!(?:i|he|she|we|they|it|you|this|that)\b)[a-z]")
_GLOSS_VERB_RE = regex.compile(
    r"\s++(?:means|meant|refers\s++to|stands\s++for|stood\s++for|is\s++short\s++for|is\s++slang\s++for"
    r"|(?:is|was)\s++(?:an?+|the)\s++(?:[\w-]++\s++){0,2}?"
    r"(?:term|word|phrase|euphemism|acronym|abbreviation|expression|shorthand|slang|coinage|neologism)s?+)\b")


def glossed_term(inner: str, after: str, words: int) -> Optional[str]:
    """What glosses the quote right after it: ``as defined in`` (any length: ``“compulsory
    binding procedures ...” as defined in Part XV``), or for a quote of at most
    :data:`TERM_WORDS` words without sentence punctuation a colon and a lower-case gloss
    (``through “high seas”: international waters``) or a verb of meaning (``“non-paper” is a
    diplomatic term for``, ``“woke” means``): the quote is a term mentioned, not anyone's
    words.  A term is cited bare: a short quote that opens with an article or a possessive
    (``promised “a new deal”: lower taxes ...``) is someone's noun phrase.  Only the first 60
    characters of ``after`` are read.

    >>> glossed_term("high seas", ": international waters", 2)
    ':'
    >>> glossed_term("Non-paper", " is a diplomatic term for a draft", 1)
    'is a diplomatic term'
    >>> glossed_term("a b c d e f g", " as defined in Part XV", 7)
    'as defined in'
    >>> glossed_term("three things", ": he listed them", 2) is None
    True
    >>> glossed_term("a new deal", ": lower taxes and more jobs", 3) is None
    True
    >>> glossed_term("We won.", " means nothing", 2) is None
    True
    """
    head = after[:60]
    m = _DEFINED_RE.match(head)
    if m is not None:
        return " ".join(m.group().replace(",", " ").split())
    if words > TERM_WORDS or not inner.strip() or inner.rstrip()[-1:] in ".,!?;:…":
        return None
    first = _WORD_RE.match(inner.lstrip())
    if first is not None and (first.group().lower() in gw.ARTICLES or first.group().lower() in gw.POSSESSIVES):
        return None  # a term is cited bare; a noun phrase with its article is someone's wording
    if _GLOSS_COLON_RE.match(head):
        return ":"
    m = _GLOSS_VERB_RE.match(head)
    return " ".join(m.group().split()) if m is not None else None


#: A comma (the quote's own, inside or right after its closing mark), ``by`` and a capitalised
#: name or outlet's name: the byline of the work the quote is the title of.
_BYLINE_RE = regex.compile(r",?+\s++by\s++(?:the\s++)?+[A-Z][\w.'’-]*+")


#: What may stand right before a title with a byline: nothing (it opens its line or
#: sentence), a dash, colon, bullet or bracket (a digest's entries: ``NOW OPEN—“...,” by``),
#: or an appositive's comma (``One of his recent reads, “...,” by``).
_BYLINE_LEADS = frozenset(("", ".", "!", "?", ":", "—", "–", "-", "(", ",", "•", "*", "·"))


def title_by_author(inner: str, after: str, lead: str = "") -> Optional[str]:
    """The byline right after a quote that ends in a comma (``“This Kind of War,” by T.R.
    Fehrenbach``, ``“Met accused of whitewashing,” by Post's Kathianne Boniello:``): the
    quote is the title of a book or an article, however long and whatever its case.  Without
    the comma ``by`` gives the agent of a passive (``“arbitrarily detained” by Britain``,
    ``called “strategic ambiguity” by a professor``), whose quote may be someone's words.
    The quote must stand where a title does, not as a verb's complement: ``lead`` (the last
    visible character before the opening mark) is one of :data:`_BYLINE_LEADS`; after a word
    (``was described as “reckless,” by critics``) ``by`` gives a passive's agent again.
    Only the first 60 characters of ``after`` are read.

    >>> title_by_author("This Kind of War,", " by T.R. Fehrenbach, about the war", ",")
    'by T.R.'
    >>> title_by_author("reckless,", " by Democrats", "s") is None
    True
    >>> title_by_author("This Kind of War,", " by T.R. Fehrenbach, about the war")
    'by T.R.'
    >>> title_by_author("arbitrarily detained", " by Britain and Sweden") is None
    True
    >>> title_by_author("We won,", " by all accounts") is None
    True
    """
    if lead not in _BYLINE_LEADS or not (inner.rstrip().endswith(",") or after.startswith(",")):
        return None
    m = _BYLINE_RE.match(after[:60])
    return " ".join(m.group().strip(", ").split()) if m is not None else None


def role(ctx: Context, lead: str = "") -> Optional[tuple]:
    """``(kind, rule, reason)`` when the words around a short quote make it a title, a term, a
    value or a class (:func:`long_role`, :func:`rating_value`, :func:`category_as`), else None.
    ``lead`` is the last visible character before the opening mark.  A class after ``as``
    yields to a word of saying before its verb, whose clause holds it (``concluded that the
    centre qualified as a “foreign principal”``: PolNeAR marks the conclusion's wording,
    train-640 471); the other roles are decisive whatever cue the sentence has."""
    got = long_role(ctx.inner, ctx.after, ctx.words, lead)
    if got:
        return got
    w = rating_value(ctx)
    if w:
        return "scare", "rating-value", f"right before '{w}': a step on that scale (the “fresh” rating), not " \
            f"anyone's words (confidence {CONFIDENCE['rating-value']:.2f})"
    w = category_as(ctx.before) if ctx.words <= TERM_WORDS else None
    if w and _saying_before(ctx.before[:ctx.before.rfind(w)]) is not None:
        w = None  # a cue before, whose clause holds it, gives its words (concluded that it qualified as “...”)
    if w:
        return "scare", "category-as", f"after '{w} as': the class it puts its subject in (register as " \
            f"“undeclared”), not words someone used (confidence {CONFIDENCE['category-as']:.2f})"
    return None


def long_role(inner: str, after: str, words: int, lead: str = "") -> Optional[tuple]:
    """``(kind, rule, reason)`` for a quote of any length that a byline or a definition
    follows (``“...,” by Times' Jane Roe``, ``“...” as defined in``)."""
    w = title_by_author(inner, after, lead)
    if w:
        return "title", "title-by-author", f"a comma and '{w}' right after: the title of a work and its " \
            f"byline, not anyone's words (confidence {CONFIDENCE['title-by-author']:.2f})"
    w = glossed_term(inner, after, words)
    if w:
        return "scare", "glossed-term", f"'{w}' right after: a term the sentence defines, not anyone's words " \
            f"(confidence {CONFIDENCE['glossed-term']:.2f})"
    return None
