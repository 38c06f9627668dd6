"""The subject of a clause that a participle continues, when it stands far from the
participle: after an opening adverbial (``On Sunday morning Mr. Smith wrote ..., saying``,
``At a rally in Dover, N.H., on Tuesday, the senator endorsed ..., calling``), with an
aside in commas (``Sen. Jane Roe, R-Ohio, who faces a tough race, withdrew her support,
saying``), as a common-noun phrase the name readers do not take (``Republican lawmakers and
their allies speak with one voice, arguing``), or before a participle that stands between
it and its verb (``The Journal, citing internal documents, reported``).

One job: :func:`far_subject` finds the phrase; :func:`quotecheck.reported_frames._participle_at`
asks for it only when its own readers found no subject, so it changes no speaker they find.
The look is bounded by the clause (its tokens), so it stays linear.
"""
from __future__ import annotations

from typing import Optional

from . import grammar_words as gw
from . import lexicon
from .reported_lexicon import verbs
from .subjects import FINITE, OPENERS, WEEKDAYS, _after_dateline, _group_head

#: Past forms of irregular verbs that end a subject phrase as its verb (``made``, ``sent``).
_IRREGULAR_PAST = lexicon.exact("reported_irregular_past.txt")

#: Words that may open the subject phrase in lower case: determiners and quantifiers.
_LOWER_OPENING = gw.ARTICLES | gw.POSSESSIVES | frozenset(
    {"both", "other", "some", "many", "most", "several", "few", "all", "these", "those", "two", "three", "four",
     "five", "dozens", "hundreds", "thousands"})

#: Lower-case words that may stand inside the subject phrase although no noun: prepositions
#: and conjunctions of a noun phrase (``allies of the senator``, ``Smith and his wife``).
_PHRASE_WORDS = frozenset({"of", "in", "at", "for", "from", "with", "on", "and", "&", "the", "a", "an"})

#: Words after which a lower-case ``-ed`` word is an attribute, not the verb (``the embattled``).
_ATTRIBUTE_BEFORE = gw.ARTICLES | gw.POSSESSIVES | frozenset({"and", "most", "more", "very", "newly", "recently"})

#: Time words of an opening phrase written without its comma (``On Sunday morning``).
_TIME = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "the", "a", "this",
                   "last", "that", "same", "early", "late", "weekend"}) | WEEKDAYS

#: The words of such a phrase that name a time (not its articles).
_TIME_NOUNS = _TIME - {"the", "a", "this", "last", "that", "same", "early", "late"}

#: Connectives before a subject (``And``, ``But``, ``Meanwhile,``).
_CONNECTIVES = frozenset({"And", "But", "So", "Yet", "Still", "Meanwhile", "Also", "Now", "Then", "Instead"})

#: Question words, which open no subject.
_WH = frozenset({"how", "what", "why", "who", "which", "where", "when", "whether"})

#: The longest subject phrase read (its asides not counted), and the longest aside.
_LONGEST, _LONGEST_ASIDE = 14, 16
#: The longest aside in dashes or parentheses before a finite verb: the marks close it
#: unambiguously, and journalists fit a whole clause there (``Sen. Roe (a Democrat so young
#: he has been taken for an intern) says``, ``The justice -- who has been in a feud with
#: the nominee over the past few days -- said``).
_LONGEST_MARKED = 30


def _agency_dateline(toks: list, i: int) -> int:
    """The index after a wire dateline with its agency closed by a single hyphen (``PARIS,
    Aug 31 (Reuters) - ...``), else ``i``."""
    for k in range(i + 1, min(len(toks) - 1, i + 10)):
        if toks[k].text == "-" and toks[k - 1].text == ")" and toks[k + 1].text != "-":
            return k + 1
        if toks[k].text in (".", ";", ":", "“", '"') or toks[k].word and toks[k].text.islower():
            break
    return i


def _is_verb(toks: list, m: int) -> bool:
    """Whether the lower-case word at ``m`` is the finite verb that ends a subject phrase: an
    auxiliary, a regular past form (not after an article: ``the embattled``) or an irregular
    one."""
    w = toks[m].text
    if not w.islower():
        return False
    if w in FINITE or w in _IRREGULAR_PAST or w in verbs() and not (m > 0 and toks[m - 1].text.lower() in
                                                                     _ATTRIBUTE_BEFORE):
        return True
    return len(w) > 4 and w.endswith("ed") and not (m > 0 and toks[m - 1].text.lower() in _ATTRIBUTE_BEFORE)


def _opening_end(toks: list, start: int, i: int) -> int:
    """The index after an opening adverbial at ``start`` (``On Tuesday,``, ``At a rally in
    Dover, N.H., on Tuesday,``, ``Ever since she endorsed him,``, ``On Sunday morning``),
    or ``start`` when the clause opens with its subject."""
    t0 = toks[start]
    if not (t0.text in OPENERS or t0.text in ("Ever", "Later", "Earlier", "Last", "Since") or
            t0.text.endswith("ly") and t0.cap and start + 1 < i and toks[start + 1].text == ","):
        return start
    # "On Sunday morning Mr. Trump made ...": a phrase of time with no comma ends at the
    # first word that is no time word
    m = start + 1
    while m < i and (toks[m].text in _TIME or toks[m].text[:1].isdigit()):
        m += 1
    if start + 1 < m < i and toks[m].cap and toks[m].text not in _TIME and \
            any(t.text in _TIME_NOUNS or t.text[:1].isdigit() for t in toks[start + 1:m]):
        return m  # (not "On the Democratic side, ...": no time word, the comma ends it)
    c = next((m for m in range(start + 1, min(i, start + 25)) if toks[m].text == ","), None)
    if c is None:
        return start
    # "At a rally in Dover, N.H., on Tuesday,": a state and a second adjunct continue it
    while c + 2 < i and (toks[c + 1].text in ("on", "in", "at", "during", "after") or
                         toks[c + 1].text.endswith(".") and toks[c + 1].cap and len(toks[c + 1].text) <= 6 and
                         toks[c + 2].text == ","):
        nxt = next((m for m in range(c + 1, min(i, c + 10)) if toks[m].text == ","), None)
        if nxt is None:
            break
        c = nxt
    return c + 1


#: Marks that open an aside closed by the same mark (``The justice -- who has ... -- said``).
_DASHES = frozenset({"—", "―", "–", "--"})

#: Words of a verb group between a subject and its verb (``have also said``).
_GROUP = frozenset({"also", "not", "never", "been", "since", "already", "still", "now", "just", "both", "all"})


def _dash_at(toks: list, m: int) -> int:
    """How many tokens the dash at ``m`` takes (``—`` one, ``--`` written as two hyphens
    two), 0 when no dash stands there."""
    t = toks[m].text
    if t in _DASHES:
        return 1
    return 2 if t == "-" and m + 1 < len(toks) and toks[m + 1].text == "-" else 0


def _aside_end(toks: list, m: int, i: int, verb: bool = False) -> Optional[int]:
    """The index of the mark that closes an aside opened at ``m`` (a comma: an appositive, a
    party and state, a relative clause; a dash: anything up to the next dash), or None when
    the mark opens no aside (a clause, or the participle itself).  Before a finite verb
    (``verb``) the aside may close right before it, and a participle or ``like`` may open
    it (``Mr. Roe, citing "the magic of it," said``, ``hawks, like Roe and Lee, say``)."""
    dash = _dash_at(toks, m)
    if m + 1 + dash >= i:
        return None
    first = toks[m + max(1, dash)]
    low = first.text.lower()
    if not (dash or first.cap or low in gw.ARTICLES or low in ("who", "which", "whose") or first.text[:1].isdigit() or
            verb and (low == "like" or low.endswith("ing") and first.text.islower())):
        return None
    for c in range(m + 2, min(i, m + 2 + (_LONGEST_MARKED if dash and verb else _LONGEST_ASIDE))):
        if _dash_at(toks, c) if dash else toks[c].text == "," or verb and _dash_at(toks, c):
            # (before a finite verb, a dash may close an aside in commas and open the next:
            # ", like Roe and Lee ― two former aides ― said")
            return c if c + 1 < i or verb else None
        if toks[c].text in (";", ":") or not verb and not dash and toks[c].text in ("“", '"', "—", "–"):
            return None
    return None


def far_subject(toks: list, b: int, i: int, verb: bool = False):
    """``(subject tokens, appositive tokens)`` of the clause from ``b`` that the participle
    at ``i`` continues, else None: the phrase after connectives, a dateline and an opening
    adverbial, up to the clause's verb (an auxiliary or a past form), past asides in commas;
    or the whole phrase before the comma of a participle that stands before the verb.  With
    ``verb``, ``i`` is the clause's own verb (``The justice -- who has ... -- said``): the
    phrase runs up to it, past asides and a verb group (``have also said``).

    >>> from quotecheck import words as wd
    >>> t = "Sen. Jane Roe, R-Ohio, who faces a tough race, withdrew her support, saying he lacks it."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> np, appos = far_subject(toks, 0, 16)
    >>> " ".join(x.text for x in np), " ".join(x.text for x in appos)
    ('Sen. Jane Roe', 'R-Ohio')
    >>> t = "On Sunday morning Mr. Smith made a third attempt, writing that the issue was jobs."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> " ".join(x.text for x in far_subject(toks, 0, 10)[0])
    'Mr. Smith'
    >>> t = "The Journal, citing internal documents, reported that costs rose."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> " ".join(x.text for x in far_subject(toks, 0, 3)[0])
    'The Journal'
    >>> t = "When it rained, the crowd left, saying it was cold."
    >>> far_subject(wd.tokens(t, 0, len(t)), 0, 8) is None
    True
    >>> t = "The justice -- who has been in a feud with him for days -- said she regretted it."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> " ".join(x.text for x in far_subject(toks, 0, 16, verb=True)[0])
    'The justice'
    """
    start = b
    while start < i and (toks[start].text in _CONNECTIVES or toks[start].text in ("and", "but")):
        start += 1
        if start < i and toks[start].text == ",":
            start += 1
    start = _after_dateline(toks, _agency_dateline(toks, start))
    if start >= i:
        return None
    start = _opening_end(toks, start, i)
    if start >= i - (0 if verb else 1):
        return None
    t0 = toks[start]
    if not (t0.cap and t0.word or t0.text.lower() in _LOWER_OPENING or start == b and t0.word and t0.text.islower()):
        return None
    if t0.text in OPENERS or t0.text.lower() in gw.RELATIVE_PRONOUNS:
        return None  # "When it rained, ...": a clause of its own opens here
    np_end, appos = None, ()
    m = start
    words = 0
    while m < i:
        t = toks[m]
        if t.text == "," and m + 1 == i:
            if verb:
                np_end = m if np_end is None else np_end
                break
            # "The Journal, citing ..., reported": the participle stands before the verb,
            # after a name (capitalised words, with an article)
            if appos or not all(x.cap or x.text.lower() in _LOWER_OPENING for x in toks[start:m]) or m - start > 6:
                return None
            np_end = m
            break
        if t.text == "," or _dash_at(toks, m):
            c = _aside_end(toks, m, i, verb)
            if c is None:
                return None
            if not appos:
                appos = tuple(toks[m + max(1, _dash_at(toks, m)):c])
                np_end = m
            # a second aside may open at the mark that closes the first (", R-Ohio, who ...,")
            nxt = c + max(1, _dash_at(toks, c))
            m = c if nxt < i and _aside_end(toks, c, i, verb) is not None and \
                (toks[c].text == "," or _dash_at(toks, m) == 0) else nxt
            continue
        if t.text == "(":
            close = next((c for c in range(m + 1, min(i, m + (_LONGEST_MARKED if verb else 10)))
                          if toks[c].text == ")"), None)
            if close is None:
                return None
            if verb and np_end is None and close + 1 == i:
                np_end = m  # "Sen. Roe (a Democrat ...) says": the aside ends the phrase
            m = close + 1
            continue
        if _is_verb(toks, m) or t.text.islower() and t.text.endswith("ly") and m + 1 < i and _is_verb(toks, m + 1):
            if verb and not all(x.text in FINITE or x.text in _GROUP or x.text.endswith("ly") for x in toks[m:i]):
                return None  # a verb of the subject's own: a clause, not a phrase
            if np_end is None:
                np_end = m
            break
        if not (t.word or t.text in ("'s", "’s", "-", "&")) or t.text.lower() in gw.RELATIVE_PRONOUNS or \
                t.text.lower() in ("to", "not", "never"):
            return None  # a quotation, a relative clause or a verb group: not one phrase
        words += 1
        if words > _LONGEST:
            return None
        m += 1
    else:
        if not verb:
            return None
        np_end = i if np_end is None else np_end
    np = toks[start:np_end]
    if not np or not np[-1].word or np[-1].text.lower() in _PHRASE_WORDS or not _can_speak(np):
        return None
    return np, appos


def _can_speak(np: list) -> bool:
    """Whether the head of ``np`` (its last word before a preposition or ``and``) may name
    a speaker: a name or a capitalised word, a pronoun, a quantifier standing alone
    (``Some``, ``Many``) or a noun of people, an office or an organisation
    (``politicians``, ``the campaign``); not ``the overall sense of a lull``."""
    if np[0].text.lower() in _WH:
        return False  # "How many can be added by ...": a question, not a subject
    head = np[0]
    for t in np:
        if t.text.lower() in _PHRASE_WORDS and t is not np[0]:
            break
        head = t
    low = head.text.lower()
    if head is np[0] and low in _LOWER_OPENING or low in gw.SUBJECT_PRONOUNS:
        return True
    return head.cap and not (head is np[0] and low in _LOWER_OPENING) or _group_head(low)


#: Closing quotation marks, as tokens.
_CLOSING = frozenset({"”", '"', "''", "’’"})
#: Verbs of a tail attribution after a quotation (``," she said,``, ``," said Roe,``).
_TAIL_VERBS = frozenset({"said", "says", "added", "adds", "told", "wrote", "writes", "explained", "noted", "asked",
                         "argued", "insisted", "continued", "recalled", "declared", "tweeted"})


def tail_speaker(toks: list, b: int, i: int):
    """``"...," the former president said, referring to ...``, ``"...," said spokesman Roe,
    adding ...``: when a quotation closes in the clause before the participle at ``i`` and a
    tail attribution follows it up to the participle's comma, the attribution's subject
    (``(tokens, None)``), not a phrase inside the quotation; else None.

    >>> from quotecheck import words as wd
    >>> t = '"The issues have our attention," said spokesman John Roe, referring to the report.'
    >>> toks = wd.tokens(t, 0, len(t))
    >>> " ".join(x.text for x in tail_speaker(toks, 0, [x.text for x in toks].index("referring"))[0])
    'spokesman John Roe'
    >>> t = '"It will be the delegates," Cruz said at a town hall Thursday, hinting at his plan.'
    >>> toks = wd.tokens(t, 0, len(t))
    >>> " ".join(x.text for x in tail_speaker(toks, 0, [x.text for x in toks].index("hinting"))[0])
    'Cruz'
    """
    if i < 3 or toks[i - 1].text != ",":
        return None
    q = next((m for m in range(i - 2, max(b, i - 16) - 1, -1) if toks[m].text in _CLOSING or
              toks[m].text in ("'", "’") and toks[m - 1].text == toks[m].text), None)
    if q is None or q <= b:
        return None
    mark = q - 1 if toks[q].text in ("'", "’") else q  # "''" is two tokens
    if toks[mark - 1].text not in (",", "?", "!"):
        return None
    tail = toks[q + 1:i - 1]
    v = next((m for m, t in enumerate(tail) if t.text in _TAIL_VERBS), None)
    if v is None or len(tail) < 2:
        return None
    if v == 0:
        np = tail[1:]  # "said spokesman John Roe"
        if not np or not all(t.word or t.text in ("'s", "’s", ".") for t in np) or len(np) > 8:
            return None
    else:
        np = tail[:v]  # "the former president said at a town hall Thursday"
        if len(np) > 6 or not all(t.word or t.text in ("'s", "’s") for t in np):
            return None
    return (np, None) if np and (v == 0 or np[0].cap or np[0].text.lower() in _LOWER_OPENING or
                                 np[0].text.lower() in gw.SUBJECT_PRONOUNS) else None
