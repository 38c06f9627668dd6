"""A finite verb of saying or believing whose subject stands far off or whose clause opens
in a way the frame readers do not take: ``The justice -- who has been in a feud with him
for days -- said she regretted it``, ``Mr. Roe, citing "the magic of it," said the race
was close``, ``Even the party's hawks, like Roe and Lee, say the troops should be local``,
``The agency said its $4.5 billion estimate was being cut``.

One job: :func:`far_said` is the last reader :func:`quotecheck.reported.find_reported` asks
for a cue word, when every other reader found nothing.  The subject is the phrase from the
clause start to the verb group, past asides in commas or dashes
(:func:`quotecheck.reported_far_subject.far_subject`); the content is the clause after the
verb (past ``that`` and the hearer of *tell*), which must plainly be a clause
(:func:`plain_clause`).  Every look is bounded by the sentence's tokens, so it stays linear.
"""
from __future__ import annotations

from . import grammar_words as gw
from .clauses import DocIndex, Hit
from .reported_content import _clause_end, _content, _trim
from .reported_according import both_sides
from .reported_far_subject import _GROUP, _IRREGULAR_PAST, _can_speak, _is_verb, far_subject
from .reported_fallback import contracted_subject
from .reported_hearer import _hearer_end
from .reported_lexicon import _HEARER_VERBS, _NOT_SUBJECT_END, _clause_start, _verb_at, homographs
from .subjects import FINITE

#: Lower-case words that may open the subject of a reported clause besides the articles and
#: possessives (``said about half of the cuts were``, ``say most voters want``).
_OPENING = frozenset({"about", "more", "most", "much", "many", "some", "all", "half", "nearly", "almost", "only",
                      "several", "few", "both", "each", "every", "this", "these", "those", "its", "no"})

#: Tokens that may stand inside the subject of the clause besides words.
_INSIDE = frozenset({"'s", "’s", "$", "%", "-", "&", "'", "’"})

#: Words after which an ``-ed`` word is an attribute, not a verb (``into advanced age``).
_ATTRIBUTIVE = gw.ARTICLES | gw.POSSESSIVES | frozenset({"into", "of", "in", "on", "at", "for", "with", "by", "from",
                                                           "to", "and", "most", "more", "very"})

#: The classes read, and the frames one of which the verb must take.
_CLASSES = frozenset({"speech", "thought"})
_FRAMES = frozenset({"that", "bare"})


def plain_clause(toks: list, k: int) -> bool:
    """Whether a clause plainly opens at ``k``: a subject pronoun (alone or with its
    auxiliary), or a phrase opened by a capitalised word, a number, a sign of money, a
    determiner or a quantity word, with a finite auxiliary or a lower-case past form within
    fourteen tokens and nothing but words, possessives, ``$`` and ``%`` before it.

    >>> from quotecheck import words as wd
    >>> t = "her $4.5 billion net worth in 2015 was being marked down"
    >>> plain_clause(wd.tokens(t, 0, len(t)), 0)
    True
    >>> t = "a prayer for the victims."
    >>> plain_clause(wd.tokens(t, 0, len(t)), 0)
    False
    """
    if k >= len(toks):
        return False
    t0 = toks[k]
    low = t0.text.lower()
    if low in gw.SUBJECT_PRONOUNS and low != "it" or contracted_subject(t0.text):
        return True
    if not (t0.cap and t0.word or t0.text[:1].isdigit() or t0.text == "$" or low in gw.ARTICLES or
            low in gw.POSSESSIVES or low in _OPENING or low in ("it", "there")):
        return False
    for m in range(k + 1, min(len(toks), k + 15)):
        t = toks[m]
        w = t.text.lower()
        if w in FINITE or w in _IRREGULAR_PAST and m > k + 1 or \
                t.text.islower() and len(w) > 4 and w.endswith("ed") and toks[m - 1].text.lower() not in _ATTRIBUTIVE:
            return True
        if not (t.word or t.text in _INSIDE) or w in ("that", "who", "which", "and", "or", "but", "to"):
            return False
    return False


def far_said(doc: DocIndex, toks: list, i: int, s1: int):
    """``(spans, hit, rule)`` for a one-word verb of saying or believing at ``i`` whose
    subject :func:`far_subject` reads and whose clause :func:`plain_clause` sees, else None.

    >>> from quotecheck import words as wd
    >>> t = "The justice -- who has been in a feud with him for days -- said she regretted it."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = far_said(DocIndex(t, ()), toks, 16, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans], rule
    (['The', 'justice'], ['she regretted it'], 'speech-far-said')
    """
    v = _verb_at(toks, i)
    if v is None or v[0] != 1 or v[2] not in _CLASSES or not (v[3] & _FRAMES):
        return None
    _, lemma, cls, _ = v
    w = toks[i].text
    if not w.islower() or w.endswith("ing") or w in homographs():
        return None
    if lemma in ("say", "tell", "add", "argue", "note", "write") and i + 1 < len(toks) and toks[i + 1].text == ",":
        return _bare_aside(doc, toks, i, lemma, cls, s1)
    k = i + 1
    if k < len(toks) and lemma in _HEARER_VERBS:
        k = _hearer_end(toks, k)  # "tell pollsters they have ..."
    if lemma in ("tell", "write") and (k >= len(toks) or toks[k].text != "that"):
        k = _long_hearer(toks, i + 1, k)
    if k < len(toks) and toks[k].text == "that":
        k += 1
    if not plain_clause(toks, k):
        return None
    g = i  # the verb group: "have also said"
    while g > 0 and (toks[g - 1].text in FINITE or toks[g - 1].text in _GROUP or
                     toks[g - 1].text.islower() and toks[g - 1].text.endswith("ly")):
        g -= 1
    if g > 1 and toks[g - 1].text == "and":
        return _coordinated(doc, toks, i, g - 1, k, lemma, cls, s1)
    if g == 0 or toks[g - 1].text.lower() in _NOT_SUBJECT_END and toks[g - 1].text not in (",", "-"):
        return None  # "to say", "the said": no subject of its own before the verb
    if any(t.text.lower() in gw.FORMS_OF_BE for t in toks[g:i]):
        return None  # "was asked", "is worried": a passive or an adjective, whose subject is not the source
    found = far_subject(toks, _clause_start(toks, i), g, verb=True)
    if found is None:
        return None
    np, appos = found
    text = doc.text
    h = Hit(toks[i].start, toks[i].end, w, lemma, cls, tuple(np), tuple(appos), rule="far-said")
    s, e = _trim(text, toks[k].start, s1)
    e = _clause_end(text, s, e)
    return _content(doc, s, e, h, f"{cls}-far-said")


#: Tokens that, between the first verb of a clause and the ``and`` before a verb of saying,
#: show that the ``and`` does not join two predicates of one subject: a relative clause, a
#: complement clause, a dash or a quotation.
_NOT_PREDICATE = frozenset({"who", "which", "whose", "whom", "that", "because", "when", "while", "if", "as", ";",
                            ":", "—", "–", "--", "-", "“", "”", '"', "'", "(", ")"})


def _coordinated(doc: DocIndex, toks: list, i: int, a: int, k: int, lemma: str, cls: str, s1: int):
    """``The firm runs two mines in the north and says it will open a third``, ``Officials
    reversed themselves, rushed everyone inside and said they will ...``: a verb of saying
    joined by ``and`` (at ``a``) to the predicate of a clause whose subject the initial-subject
    reader does not take (a long common-noun phrase): the subject is the phrase before the
    clause's first verb (:func:`far_subject`), when nothing between that verb and ``and``
    opens a clause of its own.

    >>> from quotecheck import words as wd
    >>> t = "The state-owned mining company runs two mines in the north and says it will open a third."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = far_said(DocIndex(t, ()), toks, 11, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans], rule
    (['The', 'state-owned', 'mining', 'company'], ['it will open a third'], 'speech-coordinated-far')
    """
    b = _clause_start(toks, a)
    v = next((m for m in range(b + 1, a) if _is_verb(toks, m) or _present_verb(toks, m)), None)
    if v is None or a - v > 25 or any(t.text in _NOT_PREDICATE for t in toks[v:a]):
        return None
    found = far_subject(toks, b, v, verb=True)
    if found is None:
        return None
    np, appos = found
    if np[0].text.lower() in gw.SUBJECT_PRONOUNS or any(t.text.lower() in gw.SUBJECT_PRONOUNS for t in np[1:]):
        return None  # a pronoun subject is the initial-subject reader's
    text = doc.text
    h = Hit(toks[i].start, toks[i].end, toks[i].text, lemma, cls, tuple(np), tuple(appos), rule="far-said")
    s, e = _trim(text, toks[k].start, s1)
    e = _clause_end(text, s, e)
    return _content(doc, s, e, h, f"{cls}-coordinated-far")


#: Words after which a present ``-s`` form is read as the clause's verb: its object or an
#: adjunct opens there (``runs two bakeries``, ``holds two seats``, ``lives in Ohio``).
_OBJECT_OPENING = gw.ARTICLES | gw.POSSESSIVES | frozenset({"in", "on", "at", "to", "for", "with", "two", "three",
                                                              "four", "five", "several", "many", "more", "no"})


def _present_verb(toks: list, m: int) -> bool:
    """Whether the lower-case ``-s`` word at ``m`` is a present verb: a word before it and an
    object or adjunct opening after it (``The firm runs two bakeries``; not ``mining firms``
    before ``and``)."""
    w = toks[m].text
    return m > 0 and m + 1 < len(toks) and w.islower() and len(w) > 3 and w.endswith("s") and \
        not w.endswith(("ss", "us", "is")) and toks[m - 1].word and toks[m - 1].text.lower() not in _ATTRIBUTIVE and \
        (toks[m + 1].text.lower() in _OBJECT_OPENING or toks[m + 1].text[:1].isdigit())


def _long_hearer(toks: list, a: int, k: int) -> int:
    """``told a packed ballroom at a hotel in downtown Dayton that ...``, ``wrote the
    local weekly, The Valley Courier, that ...``: a hearer longer than the hearer reader takes
    (a prepositional tail, an appositive in commas), up to a ``that`` at most 16 tokens on
    with only words, commas and possessives before it and no verb; the index of that ``that``,
    else ``k``.

    >>> from quotecheck import words as wd
    >>> t = "told a packed hall at a hotel in Baltimore that he is staying"
    >>> toks = wd.tokens(t, 0, len(t))
    >>> toks[_long_hearer(toks, 1, 1)].text
    'that'
    """
    if a >= len(toks) or not (toks[a].cap or toks[a].text.lower() in gw.ARTICLES or
                              toks[a].text.lower() in gw.POSSESSIVES):
        return k
    for m in range(a + 1, min(len(toks), a + 16)):
        t = toks[m]
        w = t.text.lower()
        if w == "that":
            return m if toks[m - 1].word or toks[m - 1].text == "," else k
        if not (t.word or t.text in (",", "'s", "’s")) or w in FINITE or w in ("who", "which", "to", "and", "or") or \
                t.text.islower() and w.endswith("ed") and toks[m - 1].text.lower() not in _ATTRIBUTIVE:
            return k  # (not "a packed hall": an attribute)
    return k


def _bare_aside(doc: DocIndex, toks: list, i: int, lemma: str, cls: str, s1: int):
    """``The plan, aides say, is dead``, ``The source of his appeal, union members and leaders
    say, is manifold``: an attribution in commas whose source is a bare plural of people (no
    determiner, which the phrase readers need), one to five lower-case words; the content is
    on both sides (:func:`quotecheck.reported_according.both_sides`).

    >>> from quotecheck import words as wd
    >>> t = "The plan, aides say, is dead for this session."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> spans, h, rule = far_said(DocIndex(t, ()), toks, 4, len(t))
    >>> [x.text for x in h.np], [t[a:b] for a, b in spans]
    (['aides'], ['The plan', 'is dead for this session'])
    """
    c = next((m for m in range(i - 1, max(-1, i - 7), -1) if not toks[m].word), None)
    if c is None or c < 1 or toks[c].text != "," or c + 1 >= i:
        return None
    np = toks[c + 1:i]
    if not all(t.text.islower() and t.word for t in np) or np[0].text in gw.ARTICLES or \
            not np[-1].text.endswith("s") or np[0].text in ("and", "or", "but", "which", "who", "that") or \
            not _can_speak(np):
        return None
    text = doc.text
    h = Hit(toks[i].start, toks[i].end, toks[i].text, lemma, cls, tuple(np), rule="far-said")
    s, e = _trim(text, toks[i + 1].end, s1)
    after = _content(doc, s, e, h, "parenthetical-cue", short=e - s >= 8) if e > s else None
    return both_sides(doc, toks[0].start, np[0].start, after, h)
