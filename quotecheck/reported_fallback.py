"""The last readers of a cue verb, asked where every phrase reader found no subject: one job,
read a verb of saying, believing or showing as a cue whatever stands before it, when what
follows it is plainly a clause.  :func:`that_fallback` takes ``that`` and a clause
(``Records from the hearing show that ...``); :func:`bare_fallback` a clause with no
``that`` after a verb that takes one freely (``Aides said more than a million donors had
given``, ``business leaders who say the law targets them``).  The subject is the stretch
before the verb back to the start of its clause (:func:`stretch_subject`).  Also the small
tests of a clause start the frame readers share (:func:`contracted_subject`,
:func:`_finite_soon`).  :func:`quotecheck.reported.find_reported` asks these through
:mod:`quotecheck.reported_frames`.
"""
from __future__ import annotations

from typing import Optional

import regex

from . import grammar_words as gw, lexicon
from .clauses import DocIndex, Hit
from .subjects import FINITE, WEEKDAYS, token_index
from .reported_content import _content, _past_cues, _trim
from .reported_gap_that import gap_that
from .reported_lexicon import (_ADJUNCT_PREPS, _NOT_CLAUSE, _NOT_SUBJECT_END, _SUBJ_PRONOUNS, _verb_at, homographs,
                               short_answer)


def _finite_soon(toks, k, span: int = 8) -> bool:
    """Whether a finite auxiliary follows within a few words, before any punctuation: the
    words after the cue are a clause ("promised her program would be paid for")."""
    for t in toks[k + 1:k + 1 + span]:
        if not t.word or t.text in _past_cues():
            return False  # "claimed vast wealth and said it was": a second predicate, not a clause
        if t.text.lower() in FINITE:
            return True
    return False


#: Irregular past forms that are not also present forms or common nouns (``made``, ``found``,
#: ``won``; not ``put``, ``set``, ``cut``, ``read``, ``left``): a lexical verb of a clause.
_IRREGULAR_PAST = lexicon.exact("reported_irregular_past.txt")

#: ``-ed`` words that are no past forms (``hundred``) or mostly adjectives before a noun.
_NOT_PAST_ED = frozenset("hundred indeed red bed shed greed speed seed need feed creed breed naked wicked sacred "
                         "beloved alleged so-called armed retired limited united related elected registered "
                         "unnamed unidentified undocumented qualified skilled detailed".split())

#: Words a subject does not end in before its verb: a determiner, a preposition, a conjunction.
_NOT_SUBJECT_LAST = gw.DETERMINERS | frozenset(
    "of in on at to for from by with about than and or but as over under into after before more most less very "
    "so too been being now".split())

#: First words after a cue that open no clause with a past verb: reflexives, auxiliaries.
_NO_SUBJECT_START = FINITE | frozenset("now himself herself themselves itself myself ourselves yourself".split())


_PAST_STOP = frozenset({"and", "or", "but", "who", "which", "that"})


def _past_soon(toks, k, span: int = 6) -> bool:
    """Whether a lexical past form follows a short subject within a few words, before any
    punctuation: the words after the cue are a clause with no auxiliary (``Aides said more
    than 1 million donors made ...``, ``unions who said NCLB punished them``).  The past form
    must follow a word a subject ends in (not ``the alleged``), and not be a participle of a
    reduced relative or passive (``the money raised by donors``: ``by`` after it)."""
    if k >= len(toks) or toks[k].text.endswith("ly") and toks[k].text.islower() or \
            toks[k].text.lower() in _NO_SUBJECT_START:
        return False  # "said happily on MSNBC as returns came in", "found himself embroiled": no subject
    for m in range(k + 1, min(len(toks), k + 1 + span)):
        t = toks[m]
        w = t.text
        if not t.word or w in _past_cues() or w.lower() in _PAST_STOP or w.lower() in gw.SUBORDINATORS:
            return False  # "said ... as returns came in": the past form is another clause's
        if w.lower() in FINITE:
            return False  # the auxiliaries are _finite_soon's
        if not w.islower() or not (w in _IRREGULAR_PAST or len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED):
            continue
        prev = toks[m - 1].text
        if prev.lower() in _NOT_SUBJECT_LAST or prev.lower() in FINITE or prev.endswith("ed"):
            continue
        nxt = toks[m + 1].text if m + 1 < len(toks) else ""
        return nxt != "by"
    return False


def clause_soon(toks, k, span: int = 8) -> bool:
    """:func:`_finite_soon`, or a lexical past form after a short subject (:func:`_past_soon`)."""
    return _finite_soon(toks, k, span) or _past_soon(toks, k, min(span, 6))


#: Possessive determiners that may open the subject of a reported clause (``told the AP her
#: group never worked``, ``telling MSNBC his involvement would depend``).
_POSSESSIVE_OPENERS = frozenset({"his", "her", "their", "its", "our", "my"})


def possessive_clause(toks, k: int) -> bool:
    """Whether a possessive at ``k`` opens the subject of a clause rather than an object
    (``told the AP her group never worked with``, ``told the AP his firm worked closely``,
    ``telling MSNBC his involvement would depend``): one or two lower-case words after it,
    then, past an adverb, a finite auxiliary or a lower-case past form in ``-ed``."""
    if k + 2 >= len(toks) or toks[k].text.lower() not in _POSSESSIVE_OPENERS:
        return False
    m = k + 1
    while m < min(len(toks), k + 3) and toks[m].word and toks[m].text.islower() and \
            toks[m].text not in FINITE and not toks[m].text.endswith("ed"):
        m += 1
    if m == k + 1:
        return False
    while m < len(toks) and toks[m].text in ("never", "also", "not", "already", "still") or \
            m < len(toks) and toks[m].text.endswith("ly") and toks[m].text.islower():
        m += 1
    if m >= len(toks):
        return False
    w = toks[m].text
    return w in FINITE or w.islower() and len(w) > 4 and w.endswith("ed")


_TIME_WORDS = frozenset("last earlier this week month year night morning afternoon evening".split())


#: The auxiliaries a subject pronoun carries in one token (``he’s``, ``they’re``, ``I’d``).
_CONTRACTED_AUX = frozenset({"s", "re", "ve", "ll", "d", "m"})


def contracted_subject(word: str) -> bool:
    """Whether ``word`` is a subject pronoun with its auxiliary in one token (``he’s``,
    ``they're``, ``it’s``, ``I’d``): such a word opens a clause, as the bare pronoun does
    (``told the Post he’s already received ...``, ``I think it’s good``).

    >>> [contracted_subject(w) for w in ("he’s", "They're", "it's", "Trump's", "let's", "he")]
    [True, True, True, False, False, False]
    """
    for mark in ("’", "'"):
        head, sep, tail = word.partition(mark)
        if sep:
            return tail.lower() in _CONTRACTED_AUX and head.lower() in _SUBJ_PRONOUNS and head.lower() != "there"
    return False


#: Words between a subject and its verb that the fallback steps over: auxiliaries and adverbs
#: of time or frequency (``He has since insisted that``, ``aides have repeatedly said that``).
_FALLBACK_SKIP = frozenset({"has", "have", "had", "also", "since", "now", "still", "already", "long", "often",
                            "repeatedly", "again", "later", "previously", "then", "recently", "once"})
#: Words that close the stretch read back from the verb as its subject.
_FALLBACK_STOP = frozenset({"and", "but", "or", "that", "which", "who", "whom", "because", "as", "when", "if",
                            "while", "although", "though", "since", "where", "so", "than", "why", "how", "what"})
_FALLBACK_CLASSES = frozenset({"speech", "thought", "evidence"})
#: The classes whose verbs take a bare clause in the fallback (``said much of it was``).
_BARE_CLASSES = frozenset({"speech", "thought"})


def _plain_verb(toks: list, i: int, classes: frozenset, frame: str):
    """The table entry of the word at ``i`` when it is a one-word verb of one of ``classes``
    taking ``frame``, written in lower case, not an ``-ing`` form nor a homograph (the
    fallbacks read only such a verb), else None."""
    v = _verb_at(toks, i)
    if v is None or v[0] != 1 or v[2] not in classes or frame not in v[3] or toks[i].text in homographs() or \
            toks[i].text.endswith("ing") or not toks[i].text.islower():
        return None
    return v


def stretch_subject(toks: list, i: int) -> Optional[list]:
    """The subject of the verb at ``i`` read back from it: past auxiliaries and adverbs, the
    words back to the start of its clause, at most eight; None when there are none or the
    stretch ends in a word no subject ends in (``the report``, ``was``)."""
    j = i - 1
    while j >= 0 and (toks[j].text.lower() in _FALLBACK_SKIP or _adverb_after_subject(toks, j)):
        j -= 1
    m = j
    while m >= 0 and j - m < 8 and toks[m].word and toks[m].text.lower() not in _FALLBACK_STOP:
        m -= 1
    if m == j or toks[j].text.lower() in _NOT_SUBJECT_END or toks[j].text.lower() in FINITE:
        return None
    return toks[m + 1:j + 1]


def that_fallback(doc: DocIndex, toks: list, i: int, s1: int):
    """``Records from the hearing show that ...``, ``Some have argued that ...``, ``He has
    since insisted that ...``: a one-word verb of speech, belief or evidence with ``that`` and
    a clause after it is a cue whatever its subject, when the phrase readers found none: the
    subject is the stretch before the verb (past auxiliaries and adverbs) back to the start of
    its clause, at most eight words.  Not before a finite verb (``a report that shows``: a
    relative) nor a time word (``said that day``).  With no ``that``, :func:`bare_fallback`.

    >>> from quotecheck import words as wd
    >>> t = "Records from the hearing show that the agency knew of the leak."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = that_fallback(DocIndex(t, ()), toks, 4, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans], rule
    (['Records', 'from', 'the', 'hearing'], ['the agency knew of the leak'], 'evidence-that-fallback')
    """
    k = i + 1
    if k + 2 >= len(toks):
        return None
    rule = "that-fallback"
    v = _plain_verb(toks, i, _FALLBACK_CLASSES, "that")
    if toks[k].text != "that":
        # "testified, for example, that", "told a crowded hall in Baltimore that": a gap
        # before the "that" (reported_gap_that)
        g = gap_that(toks, i, v[1]) if v else None
        if g is None:
            return bare_fallback(doc, toks, i, s1)
        k, rule = g, "that-gap-fallback"
    if v is None:
        return None
    nxt = toks[k + 1].text.lower()
    if nxt in FINITE or not toks[k + 1].word or nxt in _TIME_WORDS or nxt in ("day", "way", "time"):
        return None  # "a report that shows": a relative, not a clause
    np = stretch_subject(toks, i)
    if np is None:
        return None
    text = doc.text
    h = Hit(toks[i].start, toks[i].end, toks[i].text, v[1], v[2], tuple(np), rule=rule)
    s, e = _trim(text, toks[k + 1].start, s1)
    return _content(doc, s, e, h, f"{v[2]}-{rule}")


#: Subject pronouns that open a clause after a verb of saying whatever follows them (``it``
#: and ``there`` are as often objects or adverbs: they need a finite verb after them).
_CLAUSE_PRONOUNS = gw.SUBJECT_PRONOUNS - {"it"}
#: Words of the not-a-clause table that may still open a clause's subject when a finite verb
#: follows (``said much of the money was spent``, ``said more voters had registered``).
_QUANTITY_OPENERS = frozenset({"more", "much", "this", "no"})


#: Relative words that stand for the subject of a verb of saying (``critics who say``): the
#: relative pronouns less the object and possessive forms.
_RELATIVE_WORDS = gw.RELATIVE_PRONOUNS - {"whom", "whose"}


def _bare_clause(toks: list, k: int) -> bool:
    """Whether the words from ``k`` are plainly a clause: a subject pronoun (alone or with its
    auxiliary), ``it``/``there`` before a finite verb, or a phrase (a quantity word or a
    gerund among them: ``much of it was``, ``seeking help was``) with a finite verb within
    eight words before any punctuation."""
    w = toks[k].text
    lw = w.lower()
    if lw in _CLAUSE_PRONOUNS or contracted_subject(w):
        return True
    if lw in ("it", "there"):
        return k + 1 < len(toks) and toks[k + 1].text.lower() in FINITE
    if not toks[k].word or lw in FINITE or lw in _TIME_WORDS or w in WEEKDAYS or lw in _ADJUNCT_PREPS or \
            lw in _NOT_CLAUSE and lw not in _QUANTITY_OPENERS or lw == "like":
        return False  # "said Monday that", "suggested over the summer that", "feel like": no clause first
    return clause_soon(toks, k, 8)


def bare_fallback(doc: DocIndex, toks: list, i: int, s1: int):
    """``Aides said more than a million donors had given``, ``business leaders who say the law
    would hurt them``, ``unions who feared the bill would ...``: a one-word verb of speech or
    belief that takes a bare clause freely (the ``bare`` frame) with a plain clause right after it
    (:func:`_bare_clause`) is a cue whatever its subject, when the phrase readers found none:
    the subject is the stretch before the verb (:func:`stretch_subject`), or the relative
    word right before it (``who say``).  After a relative word, a short answer is the whole
    content (``the 30 percent who say the same about Trump``: ``short_answer``).

    >>> from quotecheck import words as wd
    >>> t = "Officials in the district said much of the money was never spent."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = bare_fallback(DocIndex(t, ()), toks, 4, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans], rule
    (['Officials', 'in', 'the', 'district'], ['much of the money was never spent'], 'speech-bare-fallback')
    """
    k = i + 1
    v = _plain_verb(toks, i, _BARE_CLASSES, "bare")
    if v is None:
        return None
    if not _bare_clause(toks, k):
        answer = short_answer(toks, k, v[1]) if i > 0 and toks[i - 1].text.lower() in _RELATIVE_WORDS else k
        if answer == k:
            return None
        # "the 30 percent who say the same of Trump": a poll's answer after a relative word
        h = Hit(toks[i].start, toks[i].end, toks[i].text, v[1], v[2], (toks[i - 1],), rule="bare-fallback")
        return _content(doc, toks[k].start, toks[answer - 1].end, h, f"{v[2]}-answer", short=True)
    if i > 0 and toks[i - 1].text.lower() in _RELATIVE_WORDS:
        np = [toks[i - 1]]  # "unions who said ...": the relative word is the mention
    else:
        stretch = stretch_subject(toks, i)
        if not stretch:
            return None
        np = stretch
        m = token_index(toks, np[0].start) - 1
        if len(np) > 1 and np[-1].text.lower() in _CLAUSE_PRONOUNS:
            np = np[-1:]  # "strategists say they believe ...": the pronoun is the subject
        first = np[0].text
        if m > 0 and toks[m].text.lower() in _RELATIVE_WORDS and (first in FINITE or first.endswith("ed")):
            # "people who have battled such threats say ...": the stretch is a relative
            # clause, whose word stands for the subject
            np = [toks[m]]
    text = doc.text
    h = Hit(toks[i].start, toks[i].end, toks[i].text, v[1], v[2], tuple(np), rule="bare-fallback")
    s, e = _trim(text, toks[k].start, s1)
    return _content(doc, s, e, h, f"{v[2]}-bare-fallback")


def _adverb_after_subject(toks: list, j: int) -> bool:
    """Whether the ``-ly`` word at ``j`` is an adverb between a subject and its verb: after a
    pronoun, a capitalised word or an auxiliary (``He repeatedly said``, ``aides have
    publicly said``), not the end of a noun (``the rally``, ``the family``)."""
    w = toks[j].text
    if not (w.islower() and w.endswith("ly")) or j == 0:
        return False
    prev = toks[j - 1].text
    return prev.lower() in _FALLBACK_SKIP or prev.lower() in _SUBJ_PRONOUNS or toks[j - 1].cap


#: Documents and evidence that speak for themselves (``a poll shows``, ``a study found``):
#: the table of sources read after an opening "In" (``data/reported_in_sources.txt``).
_DOCUMENT_HEADS = lexicon.exact("reported_in_sources.txt")
#: What opens a document's subject phrase: an article or a demonstrative.
_DOCUMENT_DETS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
#: Words that start the tail of a document phrase between its head and its verb: a
#: preposition (``A study by Media Matters``, ``An analysis by Politifact of ...``) or a
#: participle of publication (``A poll ... released Wednesday``).
_DOCUMENT_TAIL = frozenset("by from of on in for with released published conducted taken issued".split())
#: Words that open a clause before a document's subject (``But a POLITICO survey ...``).
_DOCUMENT_BEFORE = frozenset({"but", "yet", "and", "still", "meanwhile", "now"})
#: Words no document phrase holds before its verb: relatives, subordinators.
_DOCUMENT_STOP = frozenset({"that", "which", "who", "whom", "whose", "when", "while", "as", "because", "if"})
_DOCUMENT_CLASSES = frozenset({"thought", "evidence", "speech"})
#: ", and" before a name, a pronoun or "as": a new clause of the reporter's after the finding.
_AND_CLAUSE = regex.compile(r",\s++and\s++(?=\p{Lu}|as\b|he\b|she\b|they\b|it\b)")


def document_subject(toks: list, i: int) -> Optional[list]:
    """The subject of the verb at ``i`` when it is a document phrase with a tail between its
    head and the verb (``A study by Media Matters found``, ``An analysis by Politifact of
    presidential races showed``, ``A poll from Marquette Law School released Wednesday
    found``): the whole phrase from its article, which must open the clause (the sentence
    start, a colon or dash, or ``But``); at most three tokens between the article and the head
    (``a new poll``, ``A CNN/ORC poll``), at most fifteen tokens in all, no punctuation but a
    slash, no finite verb, relative or subordinator.  None otherwise."""
    m = i - 1
    lo = max(0, i - 15)
    head = -1
    past = _past_cues()
    while m >= lo:
        t = toks[m]
        lw = t.text.lower()
        if not (t.word or t.text == "/") or lw in FINITE or lw in _DOCUMENT_STOP or lw in past:
            break
        if lw in _DOCUMENT_HEADS and t.text.islower() and m < i - 1 and toks[m + 1].text.lower() in _DOCUMENT_TAIL:
            head = m
        if lw in _DOCUMENT_DETS and 0 < head - m <= 4:
            prev = toks[m - 1].text.lower() if m > 0 else "."
            if prev in _DOCUMENT_BEFORE or prev in (".", ":", "—", "–", "\n") or m == 0:
                return toks[m:i]
        m -= 1
    return None


def document_fallback(doc: DocIndex, toks: list, i: int, s1: int):
    """``A poll from Marquette Law School released Wednesday found Clinton leading``: a
    one-word verb of belief, evidence or speech whose subject is a document phrase with a
    tail (:func:`document_subject`) is a cue, the whole phrase its source and the rest of the
    clause its content, when the phrase readers found no subject.

    >>> from quotecheck import words as wd
    >>> t = "A study by the county auditor found the agency spent twice its budget."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = document_fallback(DocIndex(t, ()), toks, 6, len(t))
    >>> " ".join(x.text for x in h.np), [t[a:b] for a, b in spans], rule
    ('A study by the county auditor', ['the agency spent twice its budget'], 'evidence-document-subject')
    """
    w = toks[i].text
    v = _verb_at(toks, i)
    if v is None or v[0] != 1 or v[2] not in _DOCUMENT_CLASSES or not w.islower() or w.endswith("ing") or \
            i + 1 >= len(toks) or not toks[i + 1].word:
        return None
    np = document_subject(toks, i)
    if np is None:
        return None
    h = Hit(toks[i].start, toks[i].end, w, v[1], v[2], tuple(np), rule="document-fallback")
    k = i + 1 + (toks[i + 1].text.lower() == "that")
    if k >= len(toks):
        return None
    s, e = _trim(doc.text, toks[k].start, s1)
    cut = _AND_CLAUSE.search(doc.text, s, e)
    if cut:
        e = cut.start()  # "found 40% of voters unsure, and Republican Donald Trump has ...": the reporter's
    return _content(doc, s, e, h, f"{v[2]}-document-subject")
