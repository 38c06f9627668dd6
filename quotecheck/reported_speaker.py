"""The speaker of a reported item whose cue's own phrase is not who speaks.  One job, three
readers: :func:`possessive_owner`, for a nominal cue after a possessive pronoun that a verb of
the sentence governs (``The mayor renewed her call for a recount``): the pronoun stands for
the subject of that verb, and that subject is the source the reader (and PolNeAR) names;
:func:`reported_subject`, for a phrase read leftwards from the cue that is not its subject (a
noun of the main clause before a participle, a clause fragment, a relative clause's
predicate, a fronted adverbial, a piece of the predicate); :func:`document_sender`, for a participle after a text the
clause's subject puts out.  ``attribution.attribute`` calls the last two for every reported
item; on the first 640 articles of PolNeAR-train they turn 20 wrong speakers right and no
right one wrong.

Counted on the first 640 articles of PolNeAR-train: of the reported items whose speaker is
a possessive right after a verb, none had the possessive as the annotated source; the
subject of the verb was (``he escalated his attacks on``, ``Latino Republicans have been
unsparing in their criticism of``), where a possessive that opens its phrase (``His plan
for ...``, ``on her support for``) is the source as written.
"""
from __future__ import annotations

import functools

from typing import NamedTuple, Optional

from . import grammar_words as gw
from . import lexicon
from . import mentions as mn
from .clauses import DocIndex, hits_in
from .phrases import np_left
from .titles_said import us_states
from .subjects import (_DOCUMENTS, CONNECTIVES, FINITE, OPENERS, clause_subject, initial_subject, opening_subject,
                       token_index)

#: A possessive pronoun and the subject pronouns it may stand for.
_AGREES = {"his": ("he",), "her": ("she",), "their": ("they", "we"), "its": ("it",)}
#: Words that may stand between the verb and the possessive (``laid out his plan``,
#: ``expanded upon his calls``, ``unsparing in their criticism``).
_BETWEEN = frozenset({"out", "up", "down", "off", "back", "on", "upon", "in", "to", "about", "over", "for",
                      "again", "also", "still", "once", "never", "not", "openly", "publicly", "repeatedly"})
#: Irregular past forms that take a possessive object (``made his case``, ``laid out her plan``).
_IRREGULAR = frozenset({"made", "laid", "took", "gave", "held", "set", "put", "kept", "stood", "threw", "led",
                        "met", "won", "lost", "began", "sent", "renewed"})


_BE = gw.FORMS_OF_BE - {"am", "be", "been", "being"}  # a finite copula of the third person
#: Words that open another clause or phrase: a possessive after them is not the verb's.
_STOPS = frozenset({"and", "but", "or", "than", "of", "with", "by", "from", "that", "which", "who", "when",
                    "while", "because", "if", "as"}) | gw.ARTICLES


def _verb_like(word: str) -> bool:
    """A lower-case verb form that may govern an object: a past (``-ed``), a third person
    (``-s``, not ``-ss``/``-us``/``-is``), a progressive or an irregular past."""
    return word.islower() and (word.endswith(("ed", "ing")) and len(word) > 4 or
                               word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 or
                               word in _IRREGULAR)


def possessive_owner(doc: DocIndex, pos: int, pronoun: str) -> Optional[tuple]:
    """The subject tokens a possessive pronoun at ``pos`` stands for, when a verb of its
    sentence governs the phrase it opens: the sentence opens with that subject, the verb
    comes at most five words before the possessive with only particles, prepositions and
    adverbs (or an adjective after a copula) between, and the subject agrees with it (a
    pronoun of its person and number; ``their`` a plural, ``its`` no person); else None.

    >>> from quotecheck.clauses import DocIndex
    >>> t = "Later in the day, she escalated her attacks on his record."
    >>> d = DocIndex(t, ())
    >>> [x.text for x in possessive_owner(d, t.index("her"), "her")]
    ['she']
    >>> possessive_owner(d, t.index("his"), "his") is None
    True
    """
    agree = _AGREES.get(pronoun.lower())
    if agree is None:
        return None
    s0, _ = doc.sentence(pos)
    if pos - s0 > 400:
        return None
    toks = doc.toks(s0, pos)
    found = initial_subject(doc.text, toks)
    if found is None or not found[0]:
        return None
    subject, verb = found
    v = token_index(toks, verb.start)
    between = toks[v + 1:]
    if len(between) > 5 or any(not t.word for t in between):
        return None
    if not (_verb_like(verb.text) or verb.text.lower() in ("has", "have", "had") or verb.text.lower() in _BE):
        return None
    copula = verb.text.lower() in _BE or any(t.text.lower() == "been" for t in between)
    if any(t.text.lower() in _STOPS or t.text.lower() not in _BETWEEN and not _verb_like(t.text) and
           not (copula and t.text.islower()) for t in between):
        return None  # a word of another phrase between: the possessive is not the verb's object
    first = subject[0].text.lower()
    if len(subject) == 1 and first in ("he", "she", "they", "we", "it", "i", "you"):
        return tuple(subject) if first in agree else None
    m = mn.read_mention(doc.text, list(subject))
    if m is None:
        return None
    person = m.entity == "person"
    plural = m.kind == "group" or m.entity == "group" or subject[-1].text.endswith("s") and not person
    if pronoun.lower() == "their" and not plural or pronoun.lower() == "its" and (person or plural) or \
            pronoun.lower() in ("his", "her") and (not person or plural):
        return None
    return tuple(subject)


#: Words that open a relative clause on a subject (``officials who spoke with X said``).
_RELATIVE_OPENERS = frozenset({"who", "that", "which"})
#: Lower-case words a speaker phrase may open with: determiners, quantifiers, pronouns.
_PHRASE_OPENERS = frozenset(gw.ARTICLES | gw.DEMONSTRATIVES | gw.POSSESSIVES | gw.DETERMINERS |
                            gw.SUBJECT_PRONOUNS | gw.RELATIVE_PRONOUNS) - {"that"}


#: Forms of the verbs of saying a tail attribution closes with (``X said, adding that``).
_SAID = lexicon.exact("reported_tail_said.txt")
#: Subordinators whose clause a participle after it may hang on.
_SUBORDINATE = (gw.SUBORDINATORS - {"once", "whereas"}) | gw.RELATIVE_PRONOUNS | {"where", "whether"}
#: Words no subject begins or ends with: articles and prepositions of an opening adverbial.
_NO_END = gw.ARTICLES | frozenset({"through", "of", "in", "on", "at", "over", "inside", "under", "with", "by",
                                   "for", "from", "to", "during", "after", "before", "throughout", "across"})


#: Irregular pasts that open a relative clause on a speaker (``aides who spoke with``).
_SPOKE = lexicon.exact("reported_relative_pasts.txt")


#: Words that open a sentence's fronted adverbial, never its subject (with the clause
#: openers of ``data/grammar_clause_openers.txt``; ``data/grammar_adverbial_openers.txt``).
_ADVERBIAL_OPENERS = OPENERS | lexicon.exact("grammar_adverbial_openers.txt")


def _adverbial_opening(toks: list, np: tuple) -> bool:
    """Whether the phrase ``np`` opens the sentence (after a connective) with a word that
    opens an adverbial: ``Among Democrats``, ``Throughout the``, ``Having``, ``Especially``."""
    k = token_index(toks, np[0].start)
    if k < 0 or any(t.text not in CONNECTIVES for t in toks[:k]):
        return False
    return np[0].text in _ADVERBIAL_OPENERS


#: Texts that report findings speak for themselves (``The council released a report
#: detailing the cost``: the report is the source, as tests/cases/reported.tsv has it).
_EVIDENCE = frozenset({"report", "reports", "transcript", "video", "filing", "lawsuit", "complaint", "interview"})
#: Texts someone puts out (``data/attribution_documents.txt``, and what a body passes or a
#: campaign sends that is not there).
_DOCUMENT_WORDS = (_DOCUMENTS | frozenset({"resolution", "robocall", "robocalls", "speech", "petition", "mailer",
                                           "flier", "flyer", "notes", "ruling", "order"})) - _EVIDENCE


#: Adverbs a phrase read leftwards may open with when it is a piece of the predicate.
_PREDICATE_ADVERBS = frozenset({"seldom", "never", "often", "rarely", "also", "still", "back", "more", "less",
                                "again", "once", "always", "already"})


def _predicate_piece(np: tuple) -> bool:
    """Whether a phrase read leftwards from a cue is a piece of a predicate, not a noun
    phrase: it opens with a lower-case adverb (``seldom``, ``back in an article``) or is a
    lone ``-ly`` word, or it opens with a verb form followed by an object and a preposition (``run ads with both
    outlets``)."""
    w = np[0].text
    if not w.islower():
        return False
    if w in _PREDICATE_ADVERBS or w.endswith("ly") and len(w) > 4 and len(np) == 1:
        return True  # ("politically crucial Rust Belt": an adverb of an adjective, a noun phrase)
    return (_verb_like(w) or w in FINITE or w in _SPOKE or w in ("run", "bar")) and len(np) > 2 and \
        any(t.text in ("with", "from", "in", "on", "to", "for", "at") for t in np[2:])


def _in_relative(toks: list, k: int) -> Optional[int]:
    """The index of ``who`` when token ``k`` lies inside a ``, who`` clause of the sentence
    that no verb of saying and no second ``who`` stands in, else None."""
    for n in range(k - 1, max(0, k - 40), -1):
        t = toks[n].text
        if t in ("who", "which") and toks[n - 1].text == ",":
            return n
        if t in _SAID or t in ("who", "which", ";", ":"):
            return None
    return None


def _worth_reading(text: str, np: tuple, cue_start: int) -> bool:
    """Whether any reading of :func:`reported_subject` may apply, told from the phrase's
    first word and the word before the cue alone (most items are a subject right before its
    verb: no sentence is tokenised for them): a phrase opening with a lower-case word or an
    adverbial's (not an article, a determiner or a pronoun), or a comma, ``and`` or ``but`` before the cue (past ``-ly`` adverbs)."""
    w = np[0].text
    if w[:1].islower() and w not in _PHRASE_OPENERS or w in _ADVERBIAL_OPENERS or len(w) > 1 and w.isupper():
        return True
    words = text[max(0, cue_start - 60):cue_start].split()
    while words and words[-1].endswith("ly") and words[-1].islower():
        words.pop()
    last = words[-1] if words else ""
    before = text[max(0, np[0].start - 9):np[0].start].split()
    if before and before[-1] in _TAIL_PREPS and cue_start - np[0].start < 80:
        return True  # ("a note on the story saying": the phrase may be a text's tail)
    return last.endswith(",") or last in ("and", "but", "by")


def _first_comma(toks: list, j: int) -> int:
    """The offset of the first comma among ``toks[:j]``, or -1."""
    return next((t.start for t in toks[:j] if t.text == ","), -1)


def _inside(np: tuple, pieces) -> bool:
    """Whether a token of ``np`` lies inside one of the content ``pieces``."""
    return any(a <= t.start < b for t in np for a, b in pieces)


def _fragment(np: tuple) -> bool:
    """A speaker phrase that is a piece of a clause, not a noun phrase: it opens with
    ``that`` or a lower-case word no phrase opens with and holds a conjunction or a verb
    form (``that he personally was more focused on ... and``, ``spoke with The Post``)."""
    first = np[0].text
    if not first.islower() or first in _PHRASE_OPENERS and first != "that":
        return False
    return first == "that" or np[-1].text in ("and", "but", "or") or _verb_like(first)


class _Phrase(NamedTuple):
    """What the readings of :func:`reported_subject` look at: the document, the phrase read
    leftwards from the cue (``np``), the cue, the sentence's tokens up to the cue (``toks``),
    the last of them that is no ``-ly`` adverb (``j``), the phrase's first token (``k``) and
    the sentence's span."""
    doc: DocIndex
    np: tuple
    cue_start: int
    cue: str
    toks: list
    j: int
    k: int
    s0: int
    s1: int


def _after_fronted_adverbial(p: _Phrase):
    """``Among Democrats, about two-thirds of caucus goers described ...``, ``Having
    announced that ..., Judge Lee proceeded``: the phrase read is the sentence's fronted
    adverbial; the subject is the one after its comma."""
    doc, np, toks, j = p.doc, p.np, p.toks, p.j
    c = _first_comma(toks, j)
    if c >= 0 and c > np[0].start:
        c = token_index(toks, c) + 1
        e = j - 1 if toks[j].text == "," else j
        loose = opening_subject(doc.text, toks[c:e + 1]) if c <= e else None
        if loose and any(not t.word for t in toks[token_index(toks, loose[-1].start) + 1:e + 1]):
            loose = None  # ("Sanders and Clinton share some views: ... both advocate"): not the cue's
        head = (loose, None) if loose else np_left(toks, e, c) if c <= e else None
        return (head[0], None) if head and head[0][0].start >= toks[c].start else None
    if c < 0 and p.s1 - p.cue_start < 600:
        rest = doc.toks(p.cue_start, p.s1)
        c = next((n for n, t in enumerate(rest) if t.text == ","), -1)
        return initial_subject(doc.text, rest[c + 1:]) if c >= 0 else None
    return None


def _main_clause_subject(p: _Phrase):
    """``Emanuel fired his police chief, Garry McCarthy, acknowledging that ...``: a
    participle after a comma speaks for its main clause's subject, not for a noun of the main
    clause's object or adjunct."""
    doc, np, toks, j = p.doc, p.np, p.toks, p.j
    found = clause_subject(doc.text, toks[:j])
    if found is None:
        return None
    k, v = p.k, token_index(toks, found[1].start)
    if found[0][0].start <= np[0].start <= found[1].start:
        return None  # the phrase read is the main clause's subject (or before its verb)
    after = token_index(toks, np[-1].start) + 1
    if k > v and after < j and toks[after].text.islower() and (_verb_like(toks[after].text) or toks[after].text in _SAID):
        return None  # "..., a Chinese official said, adding that": the phrase has its own verb
    if k > v and any(t.text.lower() in _SUBORDINATE for t in toks[v + 1:k]):
        return None  # "bristled when aides ..., playing X,": the participle may be the subordinate clause's
    return found


def _relative_head(p: _Phrase):
    """``officials who spoke with The Post said``: the noun the relative clause is on."""
    head = np_left(p.toks, p.k - 2, 0)
    return (head[0], None) if head else None


def _first_clause_subject(p: _Phrase):
    """``He said that he was focused on X and noted that ...``: the first clause's subject."""
    first = next(iter(hits_in(p.doc, p.toks, 0, p.k)), None)
    return (first.np, None) if first is not None and first.np and first.np[-1].end <= p.np[0].start else None


def _coordinated_subject(p: _Phrase):
    """``Lee signed an order, while Ann Ruiz proposed a ban and said ...``: a verb after
    ``and`` shares the subject of the nearest clause that has one."""
    later = clause_subject(p.doc.text, p.toks[:p.j])
    return later if later is not None and later[0][0].start > p.np[-1].end else None


def _predicate_subject(p: _Phrase):
    """``Forbes shot back in an article stating``, ``Mr. Trump, whose appeal ..., seldom
    speaks of``: the phrase read is a piece of the predicate; the clause's subject speaks."""
    later = clause_subject(p.doc.text, p.doc.toks(p.s0, min(p.s1, p.cue_start + len(p.cue))))
    return later if later is not None and later[0][-1].end <= p.np[0].start else None


def _before_relative(p: _Phrase):
    """``Ann Lee, who lost her son in Aurora, Colorado, in 2012, said``: the phrase read is
    inside the relative clause on the subject; the subject is before ``who``."""
    w = _in_relative(p.toks, p.k)
    head = np_left(p.toks, w - 2, 0) if w is not None and w >= 2 else None
    return (head[0], None) if head else None


def _after_that(p: _Phrase):
    """``... and noted that Sanders himself acknowledged``: the subject after the last
    ``that`` of the fragment."""
    np = p.np
    last = max(n for n, t in enumerate(np) if t.text == "that")
    tail = np[last + 1:]
    return (tail, None) if 0 < len(tail) <= 5 and (tail[0].cap or tail[0].text in gw.SUBJECT_PRONOUNS) else None


def _after_fronted_participle(p: _Phrase):
    """``Making her way around the diner, Lee thanked ...``: the subject after the fronted
    participle's phrase."""
    toks, j = p.toks, p.j
    c = token_index(toks, _first_comma(toks, j)) + 1
    e = j - 1 if toks[j].text == "," else j
    head = np_left(toks, e, c) if c <= e else None
    return (head[0], None) if head and head[0][0].start >= toks[c].start else None


def _relative_opens(p: _Phrase) -> bool:
    toks, np, k = p.toks, p.np, p.k
    return k > 1 and toks[k - 1].text.lower() in _RELATIVE_OPENERS and np[0].text.islower() and \
        (_verb_like(np[0].text) or np[0].text in FINITE or np[0].text in _SPOKE)


def _participle_after_comma(p: _Phrase) -> bool:
    return p.cue.endswith("ing") and p.cue.islower() and p.toks[p.j].text == ","


def _fronted_participle(p: _Phrase) -> bool:
    toks = p.toks
    return toks[0].text.endswith("ing") and toks[0].cap and len(toks) > 1 and toks[1].text.islower() and \
        p.np[-1].end <= _first_comma(toks, p.j)


#: Words that open the clause a ``by``-gerund may hang on: a subordinator or a relative.
_CLAUSE_OPENERS = _SUBORDINATE | frozenset({";"})


def _by_gerund_subject(p: _Phrase):
    """``Lee won the primary by promising ...``, ``Roe, who a week ago surprised the board by
    declaring ...``, ``as she did last spring by announcing ...``: a gerund after ``by`` tells
    how the nearest clause's subject did what its verb says, so that subject speaks (``who`` of
    a relative clause, as written), not a noun of an earlier clause or of the fronted adverbial.
    Read leftwards from ``by``: at each comma, subordinator or relative, the words up to ``by``
    are tried as a clause that opens with its subject."""
    doc, toks, b = p.doc, p.toks, p.j
    for n in range(b - 1, max(-1, b - 40), -1):
        t = toks[n].text
        if t.lower() in ("who", "which") and n > 0:
            return ((toks[n],), None)
        if t == "," or t.lower() in _CLAUSE_OPENERS:
            found = initial_subject(doc.text, toks[n + 1:b])
            if found is not None and found[0] and found[0][0].start > toks[n].start:
                return found
            if t != ",":
                return None
    return clause_subject(doc.text, toks[:b])


_DASHES = frozenset({"-", "—", "–", "--"})


@functools.lru_cache(maxsize=1)
def _state_names() -> frozenset:
    return frozenset(us_states().values())


def _opening_place(p: _Phrase) -> int:
    """Where the sentence proper starts when the phrase read is a place before it: a dateline
    (``SPRINGFIELD, Ill. - With a blizzard closing in, the candidates ...``: the phrase is in the
    capitals before the dash) or the state after a town in an opening adverbial (``At a rally
    in Dayton, Ohio, Ann Lee ...``); 0 otherwise."""
    toks, np = p.toks, p.np
    first = toks[0].text
    if len(first) > 1 and first.isalpha() and first.isupper():
        n = next((n for n in range(1, min(len(toks), 12)) if toks[n].text in _DASHES), 0)
        return n + 1 if n and np[-1].end <= toks[n].start and n + 1 < len(toks) else 0
    if first in _ADVERBIAL_OPENERS and len(np) == 1 and np[0].cap:
        c = token_index(toks, _first_comma(toks, p.j))
        states = us_states()
        if 0 < c < 25 and c + 3 < len(toks) and toks[c + 1].start == np[0].start and toks[c + 2].text == "," and \
                (np[0].text in states or np[0].text.lower() in _state_names()):
            return c + 3
    return 0


def _after_opening_place(p: _Phrase):
    """``DAYTON, Ohio - Sen. Ann Lee pressed her case on Saturday, casting ...``,
    ``At a rally in Dayton, Ohio, Ann Lee railed against ..., and explained ...``: a place
    read as the speaker is the dateline or the end of an opening adverbial; the subject is
    the one that opens the sentence after it (its verb a lower-case word)."""
    start = _opening_place(p)
    rest = p.toks[start:p.j + 1]
    found = initial_subject(p.doc.text, rest)
    if found is None or not found[0] or not found[1].text.isalpha() or not found[1].text.islower():
        # ("With a blizzard closing in, the candidates hurried ...": the loose reading)
        loose = opening_subject(p.doc.text, rest)
        found = (tuple(loose), None) if loose else None
    return found if found is not None and found[0][0].start >= rest[0].start else None


#: What a subject puts out or makes that a participle after its tail may describe: the texts
#: of :data:`_DOCUMENT_WORDS` and a pitch, an appeal or a piece of research.
_PUT_OUT = _DOCUMENT_WORDS | frozenset({"pitch", "appeal", "research"})
#: Prepositions of a text's tail (``a note on the story``, ``a pitch to voters``).
_TAIL_PREPS = frozenset({"on", "to", "about", "during", "at", "in", "for", "with"})


def _text_tail(p: _Phrase) -> int:
    """The index of the text a subject puts out when the phrase read lies in its
    prepositional tail (``a note on the report saying``, ``a pitch to rural
    voters saying``, ``published research during the summit showing``); else -1."""
    toks, k = p.toks, p.k
    if k < 2 or toks[k - 1].text.lower() not in _TAIL_PREPS:
        return -1
    for m in range(k - 2, max(0, k - 11), -1):
        t = toks[m].text.lower()
        if t in _PUT_OUT and m + 1 < k and toks[m + 1].text.lower() in _TAIL_PREPS:
            return m
        if not toks[m].word or t in _SAID:
            return -1
    return -1


def _text_sender(p: _Phrase):
    """``The paper responded with a note on the report saying that ...``, ``Lee is
    making a pitch to rural voters saying ...``: a participle right after the tail of a
    text the clause's subject puts out speaks for that subject, not for the noun of the
    tail."""
    m = _text_tail(p)
    o = 1 if p.toks[0].text == "(" else 0  # ("(The paper responded ... saying ...)")
    found = clause_subject(p.doc.text, p.toks[o:m])
    if found is None or not found[0] or found[1].start >= p.toks[m].start or found[0][-1].end > found[1].start:
        return None
    return found


#: Subordinators that open a fronted clause before the main clause's subject (the class of
#: ``data/grammar_words.tsv``; it held these words and ``whereas``).
_FRONTED = gw.SUBORDINATORS


def _fronted_clause(p: _Phrase) -> int:
    """The index of the comma that closes a fronted subordinate clause the phrase read is the
    subject of (``When Lee launched her campaign ..., her critics ...``, ``But when Ms. Park
    asked the publisher ..., it declined, citing``), when the cue comes after that comma; else -1."""
    toks, np, k = p.toks, p.np, p.k
    first = np[0].text.lower()
    if first in _FRONTED and len(np) > 1:
        at = k
    elif k > 0 and toks[k - 1].text.lower() in _FRONTED:
        at = k - 1
    else:
        return -1
    if any(t.text not in CONNECTIVES for t in toks[:at]):
        return -1  # (the subordinator opens the sentence, after "But" or "And" at most)
    end = token_index(toks, np[-1].start)
    return next((n for n in range(end + 1, p.j) if toks[n].text == ","), -1)


def _after_fronted_clause(p: _Phrase):
    """The subject that opens the main clause after a fronted subordinate clause."""
    c = _fronted_clause(p)
    rest = p.toks[c + 1:p.j + 1]
    found = initial_subject(p.doc.text, rest)
    if found is None and len(rest) > 1 and rest[0].text.lower() in gw.SUBJECT_PRONOUNS and rest[1].text.islower():
        found = ((rest[0],), rest[1])  # ("..., it declined, citing")
    if found is None:
        loose = list(opening_subject(p.doc.text, rest) or ())  # ("..., her critics loudly denounced her")
        while len(loose) > 1 and loose[-1].text.endswith("ly") and loose[-1].text.islower():
            loose.pop()
        found = (tuple(loose), None) if loose else None
    return found if found is not None and found[0] and found[0][0].start >= rest[0].start else None


#: The readings of :func:`reported_subject`, in order: ``(name, when it applies, reader)``.
#: The first that applies decides (its reader may still find nothing: then ``np`` stays).
READINGS = (
    ("after-fronted-clause", lambda p: _fronted_clause(p) > 0, _after_fronted_clause),
    ("text-sender", lambda p: p.cue.endswith("ing") and p.cue.islower() and p.toks[p.j].text != "," and
     _text_tail(p) > 0, _text_sender),
    ("after-opening-place", lambda p: _opening_place(p) > 0, _after_opening_place),
    ("by-gerund-subject", lambda p: p.toks[p.j].text == "by" and p.cue[:1].islower() and
     p.cue.split()[0].endswith("ing"), _by_gerund_subject),
    ("after-fronted-adverbial", lambda p: _adverbial_opening(p.toks, p.np), _after_fronted_adverbial),
    ("main-clause-subject", _participle_after_comma, _main_clause_subject),
    ("relative-head", _relative_opens, _relative_head),
    ("first-clause-subject", lambda p: _fragment(p.np) and (p.toks[p.j].text in ("and", "but") or
                                                          p.np[-1].text in ("and", "but")), _first_clause_subject),
    ("coordinated-subject", lambda p: p.toks[p.j].text in ("and", "but") and p.k < p.j and not _fragment(p.np),
     _coordinated_subject),
    ("predicate-subject", lambda p: _predicate_piece(p.np), _predicate_subject),
    ("before-relative", lambda p: p.toks[p.j].text == "," and _in_relative(p.toks, p.k) is not None,
     _before_relative),
    ("after-that", lambda p: p.np[0].text == "that" and len(p.np) > 2, _after_that),
    ("after-fronted-participle", _fronted_participle, _after_fronted_participle),
)


def reported_subject(doc: DocIndex, np: tuple, cue_start: int, cue: str, pieces) -> Optional[tuple]:
    """``(subject tokens, reading)`` for a reported item whose speaker phrase ``np`` is not
    its cue's subject, or None to keep ``np``.  The first of :data:`READINGS` that applies
    reads the subject; its name (``main-clause-subject``, ``relative-head``, ...) becomes
    the middle part of the item's attribution rule.  A subject found inside the content
    (``pieces``) is never taken.

    >>> from quotecheck.clauses import DocIndex
    >>> t = "Ann Lee fired his chief, Bob Roe, acknowledging that trust was lost."
    >>> d = DocIndex(t, ())
    >>> roe = d.toks(t.index("Bob"), t.index(","  , t.index("Bob")))
    >>> owner, how = reported_subject(d, tuple(roe), t.index("ack"), "acknowledging",
    ...                               [(t.index("trust"), len(t) - 1)])
    >>> [x.text for x in owner], how
    (['Ann', 'Lee'], 'main-clause-subject')
    """
    if not np or pos_ok(np, cue_start) is False or not _worth_reading(doc.text, np, cue_start):
        return None
    s0, s1 = doc.sentence(cue_start)
    if cue_start - s0 > 600:
        return None
    toks = doc.toks(s0, cue_start)
    if not toks:
        return None
    j = len(toks) - 1
    while j > 0 and toks[j].text.endswith("ly") and toks[j].text.islower():
        j -= 1
    p = _Phrase(doc, np, cue_start, cue, toks, j, token_index(toks, np[0].start), s0, s1)
    how, found = next(((name, read(p)) for name, applies, read in READINGS if applies(p)), ("", None))
    if found is None or not found[0] or _inside(tuple(found[0]), pieces) or \
            found[0][-1].text.lower() in _NO_END or found[0][0].text.lower() in _NO_END - gw.ARTICLES:
        # ("Over the past two weeks, ...": no subject read, only the opening adverbial)
        return None
    if tuple(found[0]) == tuple(np):
        return None
    return tuple(found[0]), how


def relative_antecedent(doc: DocIndex, np: tuple) -> tuple:
    """The noun phrase a lone ``who`` or ``which`` read as the speaker stands for (``the
    senator, who last week surprised his party by declaring ...``: ``the senator``), so that
    the attribution rests on ``who`` and names its antecedent; ``()`` for any other phrase."""
    if len(np) != 1 or np[0].text.lower() not in ("who", "which"):
        return ()
    s0, _ = doc.sentence(np[0].start)
    if np[0].start - s0 > 600:
        return ()
    toks = doc.toks(s0, np[0].start)
    e = len(toks) - 2 if toks and toks[-1].text == "," else len(toks) - 1
    head = np_left(toks, e, 0) if e >= 0 else None
    return tuple(head[0]) if head and head[0] and any(t.word for t in head[0]) else ()


def document_sender(doc: DocIndex, np: tuple, cue_start: int, cue: str) -> Optional[tuple]:
    """The subject that puts out the text ``np`` a participle cue follows (``The council
    approved a resolution condemning ...``, ``he blasted out a robocall touting ...``), when the
    text is the object of that subject's verb and not one from or by someone named after it;
    else None.  For a text whose author the resolver does not find (``a statement`` of a
    named sender stays the mention, resolved to its author).

    >>> from quotecheck.clauses import DocIndex
    >>> t = "The city council approved a resolution condemning the plan."
    >>> d = DocIndex(t, ())
    >>> np = tuple(d.toks(t.index("a res"), t.index(" condemning")))
    >>> [x.text for x in document_sender(d, np, t.index("condemning"), "condemning")]
    ['The', 'city', 'council']
    """
    if not np or not (cue.endswith("ing") and cue.islower() and np[-1].text.lower() in _DOCUMENT_WORDS) or \
            np[-1].end > cue_start:
        return None
    s0, _ = doc.sentence(cue_start)
    if cue_start - s0 > 600:
        return None
    toks = doc.toks(s0, cue_start)
    k = token_index(toks, np[0].start)
    found = clause_subject(doc.text, toks[:k]) if k > 1 else None
    after = token_index(toks, np[-1].start) + 1
    if found is None or found[1].start >= np[0].start or any(t.text in ("from", "by", "of") for t in toks[after:]):
        return None  # ("discrediting an earlier report from Bloomberg saying": Bloomberg's)
    return tuple(found[0])


def pos_ok(np: tuple, cue_start: int) -> bool:
    """Whether the phrase stands before the cue (a phrase after it is read otherwise)."""
    return np[-1].end <= cue_start
