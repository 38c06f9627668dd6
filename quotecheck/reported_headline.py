"""Headlines in title case: ``Conservative Icon Morton Blackwell Endorses Ted Cruz``,
``Senator Reveals Plan To Cut Taxes``, ``Mayor Calls For Recount``.  Split off
:mod:`quotecheck.reported` (one reader, one job).

A headline capitalises every word, so the sentence readers cannot tell a verb from a name
there; the cue scan reads only a closed list of headline verbs of saying
(``data/clauses_headline_cues.txt``).  This reader takes the first line of a document when
it is written in title case, finds the first verb of the reported-speech tables after a run
of capitalised words that opens the line (the source), and reports the rest of the line up
to the first clause break (a comma, a full stop, ``And``/``While``/``After`` + more) as what
the source said, backed or asked for.  One tokenisation of one line per document.

A first line in sentence case is the sentence readers' business, except for a second verb
of its subject after a comma (``Sanders wins R.I., vows to press on``), which they do not
tie to the subject that opens the line.
"""
from __future__ import annotations

from . import words as wd
from .clauses import DocIndex, Hit
from .reported_content import _content, _trim
from .reported_lexicon import verbs


#: A headline is the first line, when it is short and most of its longer words are capitalised.
_MAX_LINE = 220

#: Adverbs a headline puts between its subject and its verb (``Trump Finally Endorses Ryan``).
_ADVERBS = frozenset("Finally Just Now Also Again Still Publicly Quietly Officially Formally Fully".split())

#: Words that end the headline's content: a second clause or an adjunct of time or reason
#: (``... Calls For Action While Republicans Tweet Prayers``, ``... Calls for Special
#: Prosecutor after Report Reveals ...``).
_CLAUSE_BREAKS = frozenset("while after before but because when as and if".split())

#: Words a subject of a headline never ends with: function words and possessives are no
#: speaker (``Hillary Clinton’s Claim That ...``, ``Why Does Israel Refuse ...``).
_NOT_SUBJECT = frozenset("the a an of to for in on at by with and or but as why how what who when where once not "
                         "does do did is are was were will would can could should may might have has had".split())

#: A question word that opens a headline before its subject (``How Paul Ryan Thinks About ...``).
_WH_OPENERS = frozenset("How Why What".split())


def _title_case(toks: list) -> bool:
    long = [t.text for t in toks if t.word and len(t.text) > 3]
    return len(long) >= 3 and sum(1 for w in long if w[:1].isupper()) >= 0.8 * len(long)


def _plural(w: str) -> bool:
    """A plural noun in title case (``Democrats``, ``Leaders``), which takes a base-form verb
    (``2016 Democrats Call For Action``)."""
    return w.endswith("s") and not w.endswith("ss") and w[1:].islower()


def _attribute(w: str) -> bool:
    """A past participle before a noun (``Give Calculated Answers``): the ``-s`` word after
    it is that noun, not the verb of the headline."""
    return len(w) > 4 and w.endswith("ed") and w[1:].islower()


def _verb_at(toks: list, i: int, plural: bool = False, lower: bool = False):
    """``(n_tokens, lemma, class)`` when a title-case verb form of the tables (with its
    particles: ``Calls For``) starts at ``i``, else None.  Only a finite present (``-s``)
    form, or a past (``-ed``) one after an adverb (``Just Dismissed``): a base form, ``-ing``
    or a bare ``-ed`` in a headline is mostly a noun, an attribute or a passive (``FDIC
    Accused Of ...``, ``Candidates Give Calculated Predictions``)."""
    w = toks[i].text
    if not (w.islower() if lower else w[:1].isupper() and w[1:].islower()):
        return None
    low = w.lower()
    if not (low.endswith("s") and not low.endswith("ss") or
            low.endswith("ed") and i > 0 and toks[i - 1].text in _ADVERBS or plural and not low.endswith("ed")):
        return None
    for parts, lemma, cls, _frames in verbs().get(low, ()):
        n = len(parts)
        if i + n < len(toks) and all(toks[i + 1 + k].text.lower() == parts[k] for k in range(n)):
            return n + 1, lemma, cls
    return None


def headline_items(doc: DocIndex, taken: list) -> list:
    """The reported item of a title-case headline, or ``[]``; ``taken`` holds the spans
    other readers reported already (a headline they read is left to them)."""
    text = doc.text
    end = text.find("\n", 0, _MAX_LINE)
    if end < 0:
        return []
    toks = wd.tokens(text, 0, end)
    if len(toks) < 3:
        return []
    if not _title_case(toks):
        return _second_verb(doc, toks, end, taken)
    i = 0
    while i < len(toks) and (toks[i].cap or toks[i].text.isdigit()) and toks[i].word and \
            toks[i].text not in _ADVERBS and _verb_at(toks, i, i > 0 and _plural(toks[i - 1].text)) is None:
        i += 1
    subj = toks[1:i] if toks[0].text in _WH_OPENERS else toks[:i]
    while i < len(toks) and toks[i].text in _ADVERBS:
        i += 1
    if not subj or i >= len(toks) or any(t.text.lower() in _NOT_SUBJECT for t in subj) or \
            subj[-1].text.endswith(("'s", "’s", "'", "’")) or _attribute(subj[-1].text):
        return []
    out: list = []
    plural = _plural(subj[-1].text)
    while i < len(toks):
        v = _verb_at(toks, i, plural)
        if v is None:
            break
        n, lemma, cls = v
        k = i + n
        if k >= len(toks) or not (toks[k].cap and toks[k].word or toks[k].text in ("“", "‘", '"', "'")):
            break
        j = _clause_break(toks, k + 1)
        s, e = _trim(text, toks[k].start, toks[j].start if j < len(toks) else end)
        if e - s < 2 or any(a < e and s < b for a, b in taken):
            break
        h = Hit(toks[i].start, toks[k - 1].end, text[toks[i].start:toks[k - 1].end], lemma, cls, tuple(subj),
                rule="headline-title-case")
        # a quotation among the headline's words is part of what it reports, not a piece
        # apart (``Sanders Told A Female Reporter Not To ‘Moan’ About Hillary Clinton``)
        quoted = any(s <= q.start < e for q in doc.quotes[:8])
        item = ([(s, e)], h, "headline-title-case") if quoted else \
            _content(doc, s, e, h, "headline-title-case", short=True)
        if not item:
            break
        out.append(item)
        # "Le Pen Backs Trump And Denounces Clinton", "Beck Blasts Drudge ..., Quotes Bible
        # to Encourage ...": a second verb of the same subject after "And" or a comma
        i = j + 1 + (j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].text == "And")
        if j >= len(toks) or toks[j].text not in (",", "And"):
            break
    return out


#: Words that may join a headline's second verb to its first after the comma.
_LINKS = frozenset("then but and".split())


def _second_verb(doc: DocIndex, toks: list, end: int, taken: list) -> list:
    """A sentence-case headline with a second verb of the same subject after a comma
    (``Sanders wins R.I., vows to press on``, ``Rep. Graham slams Trump, praises Clinton``):
    the first clause is left to the sentence readers; this reports the second, with the
    capitalised subject that opens the line."""
    i = b = 0
    while i < len(toks) and toks[i].cap and toks[i].word:
        i += 1
    if 0 < i < len(toks) and toks[i].text in (":", "–", "—"):
        # a label before the headline (``The Latest: Sanders declares ...``)
        i = b = i + 1
        while i < len(toks) and toks[i].cap and toks[i].word:
            i += 1
    if i == b or i >= len(toks) or any(t.text.lower() in _NOT_SUBJECT for t in toks[b:i]) or \
            _verb_at(toks, i, lower=True) is None:
        return []
    subj = tuple(toks[b:i])
    j = i + 1
    while j < len(toks) and toks[j].text != ",":
        if toks[j].text in (".", ";", ":", "?", "!", "—", "–") or toks[j].text.lower() in _CLAUSE_BREAKS:
            return []
        j += 1
    k = j + 1
    while k < len(toks) and (toks[k].text in ("’", "'", "”", '"') or toks[k].text in _LINKS):
        k += 1
    second = _clause(doc, toks, k, end, taken, subj, "headline-second-verb")
    return [second] if second else []


#: Punctuation that ends a headline's clause.
_BREAK_MARKS = frozenset((",", ".", ";", "?", "!", "—", "–", ":"))


def _clause_break(toks: list, j: int) -> int:
    """The index of the token that ends the clause going on at ``toks[j]``: the first
    punctuation mark or clause word (``while``, ``after``, ``and``) from there, else
    ``len(toks)``."""
    while j < len(toks) and toks[j].text not in _BREAK_MARKS and toks[j].text.lower() not in _CLAUSE_BREAKS:
        j += 1
    return j


def _clause(doc: DocIndex, toks: list, k: int, end: int, taken: list, subj: tuple, rule: str):
    """The item of the lower-case verb of the tables at ``k`` with its content up to the
    next clause break, or None."""
    v = _verb_at(toks, k, lower=True) if k < len(toks) else None
    if v is None:
        return None
    n, lemma, cls = v
    c = k + n
    if c >= len(toks):
        return None
    m = _clause_break(toks, c + 1)
    s, e = _trim(doc.text, toks[c].start, toks[m].start if m < len(toks) else end)
    if e - s < 2 or any(x < e and s < y for x, y in taken):
        return None
    h = Hit(toks[k].start, toks[c - 1].end, doc.text[toks[k].start:toks[c - 1].end], lemma, cls, subj, rule=rule)
    return _content(doc, s, e, h, rule, short=True) or None
