"""The content span of a reported-speech item, shaped as PolNeAR annotates it: a clause to
the end of its sentence less a tail attribution (``..., according to X``, ``..., X said``),
a new clause with its own subject, a relative or adverbial aside, a second predicate of the
source, or the main clause after a fronted adverbial; quoted parts cut out (a mixed quote
keeps both).  One job: :func:`_content` and the cuts it makes, :func:`gap_rest` for a
relative word that is the reported clause's subject.  The readers of
:mod:`quotecheck.reported`, :mod:`quotecheck.reported_frames`,
:mod:`quotecheck.reported_according` and :mod:`quotecheck.reported_passive` find a cue and
where its content starts; this module says where it ends.
"""
from __future__ import annotations

import bisect
import functools
import re as _re

import regex

from . import grammar_words as gw
from .clauses import DocIndex, Hit, cues
from .subjects import FINITE, token_index
from .reported_lexicon import _cue_words
from .reported_end import end_cuts, tail_adjunct
from .reported_bounds import extend_end, time_inside


def _trim(text: str, s: int, e: int):
    """Strip spaces, a leading "that"/"and" and final punctuation from a content span."""
    while s < e and text[s] in " \t\u00a0,:;—–-":
        s += 1
    while e > s and text[e - 1] in " \t\u00a0.,;:—–-)":
        e -= 1
    return s, e


_ING_CLAUSE = regex.compile(r",\s++\p{Ll}*ing\b")


def _clause_end(text: str, s: int, e: int) -> int:
    """A participial content ends at the next ``, -ing`` clause (``..., posing a threat``)."""
    m = _ING_CLAUSE.search(text[s:e])
    return s + m.start() if m else e


_TAIL_SOURCE = regex.compile(r",\s++(?:according\s++to|citing|as\s++reported\s++by)\b")


_TAIL_CUE = regex.compile(r",\s++(?:(?:[\p{Lu}][\p{L}.'’\-]*+\s++){1,4}|(?:he|she|they|officials|aides)\s++)"
                          r"(?:said|says|told|added|argued|noted|wrote|explained|contended)\b")


#: ``,” the Post reported``, ``,'' Ms. Tempel said``, ``,” said Ann Lee, the editor``, ``,” according to
#: the report``: after a quotation closed by a comma (or ``!``/``?``) inside its marks, a
#: speaker phrase and a verb of saying (or the verb and then the speaker, or ``according
#: to``) are the quotation's tail attribution: the reporter's words, not more of the
#: content (``quote-tail``; the comma inside the marks hid it from ``_TAIL_CUE``).
_QUOTE_TAIL = regex.compile(r"[,!?][’'”\"]{1,2}+\s++(?:(?:(?:the|a|an|one|his|her|their)\s++(?:[\p{L}.’'-]++\s++){0,4}?|"
                            r"(?:\p{Lu}[\p{L}.’'-]*+\s++){1,4}|(?:he|she|they|we|I)\s++)(?:(?:also|later|then)\s++)?"
                            r"(?:said|says|told|added|argued|noted|wrote|explained|contended|recalled|reported|"
                            r"insisted|continued|tweeted|declared|remarked|stated|observed|replied|responded)\b|"
                            r"(?:said|says|added|wrote|recalled)\s++(?=\p{Lu}|the\s|an?\s|his\s|her\s)|"
                            r"according\s++to\b)")


_NEW_CLAUSE = regex.compile(r"\s[—–]\s++and\s++(?=the\b|\p{Lu})|,\s++with\s++(?=\S++\s++\S*+ing\b|the\b|\p{Lu})|"
                            # ", which forced the resignation ...": the reporter's comment on it
                            r",\s++which\s++(?!\p{Lu}|he\b|she\b|they\b|we\b|I\b)|"
                            r",\s++(?:while|whereas|although|though|but|as)\s++(?=\p{Lu}|he\b|she\b|they\b|it\b|we\b|"
                            r"I\b|the\b|a\b|an\b|nine\b|some\b|many\b)|\s++[—–]\s++(?=which\b|who\b)")


#: ", who has a delegate lead", ", compared with 25 percent", ", even as he understands":
#: a relative aside or an adverbial after the content is the reporter's comment on it, not
#: part of what was said (counted on train-640: each cut turns more items into gold ones
#: than it loses gold relations; ", when", ", but", ", including" lose more than they gain)
_ASIDE = regex.compile(r",\s++(?:who|whom|which|while|whereas|compared|even\s++(?:as|though)|despite|"
                       r"as\s++well\s++as|after|before|as)\s")


_CLOSED_ASIDE = regex.compile(r",\s++(\p{Ll}++)")


def _aside_end(text: str, m, e: int) -> int:
    """Where a relative aside at ``m`` (``, which ...``, ``, who ...``) is closed by a comma
    and the content's own verb follows (``the special entities, which include trusts
    abroad, are still under his control``, ``her aide, who knew of it, was aware``): the
    aside sits inside the content's subject, and the content goes on after it; -1 when the
    aside is not one or is not closed so.

    >>> t = "the entities, which include trusts abroad, are still his"
    >>> m = _ASIDE.search(t)
    >>> t[_aside_end(t, m, len(t)):]
    ', are still his'
    """
    if m.group().split()[-1] not in ("which", "who", "whom"):
        return _closed_adverbial(text, m, e)
    c = text.find(",", m.end(), e)
    if c < 0:
        return -1
    w = _CLOSED_ASIDE.match(text, c, e)
    return c if w and w.group(1) in FINITE else -1


def _closed_adverbial(text: str, m, e: int) -> int:
    """Where an adverbial aside at ``m`` (``, even as a candidate,``, ``, despite the
    delay,``) is closed by a comma within 90 characters and a finite verb follows
    (``Mr. Lee, even as a candidate, had raised the danger``): it sits inside the content's
    subject; -1 when the aside holds a verb or pronoun of its own, or is not closed so."""
    c = text.find(",", m.end(), min(e, m.end() + 90))
    if c < 0:
        return -1
    w = _CLOSED_ASIDE.match(text, c, e)
    if not (w and w.group(1) in FINITE):
        return -1
    inner = text[m.end():c].split()
    return -1 if any(x in FINITE or x in ("he", "she", "it", "they", "we", "I") for x in inner) else c


#: Cues of a finding (``a poll found``, ``surveys show``): a contrast after ``, while`` is
#: more of the finding (``Clinton led among women, while Trump led among men``).
_FINDING = frozenset({"find", "show"})


def _resume(text: str, m, e: int, h: Hit) -> int:
    """Where to look again for a cut when the one matched at ``m`` does not end the
    content (see :func:`_aside_end`; ``, while`` after a finding), else -1."""
    last = m.group().split()[-1]
    if last in ("while", "whereas") and h.lemma in _FINDING:
        return m.end()
    return _aside_end(text, m, e)


def _has_dash(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds an em or en dash (every ``_NEW_CLAUSE`` without a comma
    has one)."""
    return text.find("—", s, e) >= 0 or text.find("–", s, e) >= 0


# matched only where str.find puts one of its opening literals (see _second_predicate); the
# words it captures are checked against the tables in Python
_CLAUSE_STOP = _re.compile(r";|, (?:whose|where|given that)\b|, (?P<ing>[a-z]+ing)\b|"
                           r",? (?:and|but) (?:then |also |later )?(?P<verb>[a-z]+)\b")


def _second_predicate(text: str, s: int, e: int, present: bool = False, participle: bool = False,
                      obj: bool = False) -> int:
    """The content ends where the sentence goes on past it: at a semicolon, a relative or
    conditional aside (``, where he trails ...``, ``, given that ...``), or a second
    predicate of the source (``said the party was not in crisis, and urged that ...``,
    ``rejected the idea ... and said that ...``): ``and``/``but`` and a cue verb in the
    past tense, whose subject is the source, not the content's.  A source's second predicate
    agrees with its cue: after a cue in the present (``present``: ``McConnell says he spoke
    to Trump and asked him ...``) a past form goes on with the content's subject, and a
    participle after ``and`` is the source's only after a participle cue (``participle``:
    ``..., calling them ... and vowing ...``; ``says Obama is acting unlawfully and showing
    disregard ...``: the content's).  After an object or an infinitive (``obj``) any verb in
    the past after ``and`` is the source's (an object has no predicate, an infinitive no past
    form: ``questioned the science and criticized the agreement``, ``declined to answer and
    left``), unless a relative clause before it may own it (``Rubio, who memorized lines and
    lacked ...``).

    >>> t = "the party was not in crisis, and urged calm; others disagreed"
    >>> t[:_second_predicate(t, 0, len(t))]
    'the party was not in crisis'
    >>> t = "the science of climate change and criticized the Paris agreement"
    >>> t[:_second_predicate(t, 0, len(t), obj=True)], t[:_second_predicate(t, 0, len(t))] == t
    ('the science of climate change', True)
    """
    # each stop opens with one of a few literals: find those (C speed), read only there
    for lit in (";", ", ", " and ", " but "):
        p = text.find(lit, s + (1 if obj else 8), e)
        while p >= 0:
            m = _CLAUSE_STOP.match(text, p, e)
            if m and (_stops(m, present, participle) or obj and _past_after_object(text, s, p, m)):
                e = p
                break
            p = text.find(lit, p + 1, e)
    return e


def _stops(m, present: bool = False, participle: bool = False) -> bool:
    """Whether a match of ``_CLAUSE_STOP`` ends the content: a participle or a verb after
    ``and``/``but`` only when the tables know it as a cue (and it agrees with the source's
    cue: see :func:`_second_predicate`)."""
    verb, ing = m.group("verb"), m.group("ing")
    if ing is not None:
        return ing in _cue_words()  # ", explaining that ...": a participle with its own content
    if verb is None:
        return True
    if verb.endswith("ing"):
        # "and accusing him of ...": a second participle of the source with its own content
        return participle and verb in _cue_words()
    return not present and verb in _past_cues()


#: ``, and he added ...``, ``, but her allies fear ...``, ``, while Sen. Collins suggested
#: ...``, `` — they say ...``: a new clause whose subject (a pronoun, or up to five words
#: opening with a determiner, a capital or a number) reports something of its own.
_NEXT_REPORT = regex.compile(r"(?:,\s++(?:and|but|while|whereas)|\s[—–]|\s--)\s++"
                             r"(?P<subject>(?:he|she|they|we|I|it)|(?:the|a|an|his|her|their|its|our|some|many|most|"
                             r"other|others|\p{Lu}[\p{L}.’'-]*+|\d[\d.,%]*+)(?:\s++[\p{L}\d.,%’'-]++){0,4}?)\s++"
                             r"(?:(?:also|still|now|later|then|have|has|had|\p{Ll}++ly)\s++){0,2}(?P<verb>\p{Ll}++)\b")


def _next_report(text: str, s: int, e: int) -> int:
    """Where a second clause with a subject and a cue of its own begins after a content
    (``he said the party was united, and he added that ...``, ``she warned it was running out
    of cash, and Ms. Acosta said ...``): that clause is its own report and the first content
    ends before it; ``e`` when there is none.  The cue is a finite form of a word of the
    tables (``-ed``, ``-s`` or an irregular past), not a verb of the subject's phrase.

    >>> t = "the party was united, and he added that it would win"
    >>> t[:_next_report(t, 0, len(t))]
    'the party was united'
    >>> t = "the plan, and the cost of it, worried voters"
    >>> _next_report(t, 0, len(t)) == len(t)
    True
    >>> t = "the word — a term used by several observers — he chose was apt"
    >>> _next_report(t, 0, len(t)) == len(t)
    True
    """
    # each opening of the pattern is one of a few literals: find those (C speed), match there
    for lit in (",", " —", " –", " --"):
        p = text.find(lit, s + 8, e)
        while p >= 0:
            m = _NEXT_REPORT.match(text, p, e)
            if m and _reports(text, s, m):
                e = p
                break
            p = text.find(lit, p + 1, e)
    return e


def _reports(text: str, s: int, m) -> bool:
    """Whether a match of ``_NEXT_REPORT`` opens a clause with a cue of its own (see
    :func:`_next_report`)."""
    verb = m.group("verb")
    if verb not in _cue_words() or verb in FINITE or not (verb.endswith(("ed", "s")) or verb in _IRREGULAR_PAST):
        return False
    if any(w in FINITE for w in m.group("subject").split()):
        return False
    # the closing dash of an aside inside the content ("the word — a term ... — he used")
    return text[m.start()] == "," or not _has_dash(text, s, m.start())


#: ``, will not apply``, ``, said he ...``: a comma and the verb of a main clause (an adverb
#: may stand before it).
_MAIN_VERB = regex.compile(r",\s++(?:\p{Ll}++ly\s++)?(\p{Ll}++)\b")


def _relative_end(text: str, s: int, e: int, h: Hit, rule: str) -> int:
    """The end of a content reported inside a relative clause (its cue's subject ``who`` or
    ``which``, or a relative reading: ``The changes, which officials said will start in May,
    will not apply ...``, ``Barkley, who said he votes for Democrats, said ...``): the first
    comma of the content when the main clause's verb follows it (a finite verb or a verb of
    saying in the past), else ``e``.

    >>> t = "The changes, which officials said will start in May, will not apply to all."
    >>> h = Hit(29, 33, "said", "say", "speech", ())
    >>> t[34:_relative_end(t, 34, len(t) - 1, h, "gap")]
    'will start in May'
    """
    if "relative" not in rule and rule != "gap" and not (h.np and h.np[-1].text.lower() in ("who", "which")):
        return e
    c = text.find(",", s, e)
    if c < 0:
        return e
    m = _MAIN_VERB.match(text, c, e)
    return c if m and (m.group(1) in FINITE or m.group(1) in _past_cues()) else e


#: A relative word before ``and`` + a verb: the verb may be the relative clause's second one.
_RELATIVE = regex.compile(r"\b(?:who|whom|whose|which|that|where|when)\b")


def _past_after_object(text: str, s: int, p: int, m) -> bool:
    """Whether ``and``/``but`` + a verb in the past (``-ed`` or an irregular past) at ``p``
    opens a second predicate of the source after an object or infinitive content that
    starts at ``s`` (see :func:`_second_predicate`)."""
    verb = m.group("verb")
    if verb is None or not (verb.endswith("ed") or verb in _IRREGULAR_PAST):
        return False
    return _RELATIVE.search(text, s, p) is None


#: The frames whose content is an object, a prepositional object or an infinitive (the
#: rule names of reported_frames: ``speech-np``, ``intent-to``, ``speech-np-to``,
#: ``nominal-for``, ...), never a clause with a subject of its own.
_OBJECT_FRAMES = ("-np", "-to", "-about", "-for", "-of", "-on", "-with", "-against")


#: `` on Twitter``, `` in a statement``, `` at a rally in Iowa``, `` during the debate``, `` on
#: Monday``: a phrase of the occasion after a noun-phrase object is the verb's adjunct (where
#: and when it was said), not part of what was said.
_OCCASION = regex.compile(r"\s(?:on|in|at|during|over|before|after)\s++(?:(?:a|an|the|his|her|their|its)\s++)?"
                          r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                          r"March|April|May|June|July|August|September|October|November|December)\b"
                          # not a modifier of a noun ("the March states", "the Tuesday primaries")
                          r"(?!\s++(?!night|morning|afternoon|evening|at\b|in\b|on\b|to\b|and\b|after\b|"
                          r"before\b|that\b|when\b|as\b|for\b|with\b)\p{Ll})|"
                          r"(?:Twitter|Facebook|statements?|interviews?)\b|(?:\S++\s++)?(?:rally|debate|speech|"
                          r"town hall|news conference|press conference|appearance|event|hearing|campaign stop)s?\b)")


def _occasion_end(text: str, s: int, e: int, rule: str) -> int:
    """Where a noun-phrase object content (a verb's ``-np`` frame, a noun's prepositional
    object) ends before a phrase of the occasion (``mocked Trump on Twitter``, ``praised
    Boyle during the press conference``, ``support for the governor on Thursday night``);
    ``e`` for other frames (an infinitive's or a clause's time is its own: ``to remain in the
    race through June``).

    >>> t = "Trump on Twitter after the debate"
    >>> t[:_occasion_end(t, 0, len(t), "speech-np")], _occasion_end(t, 0, len(t), "intent-to") == len(t)
    ('Trump', True)
    >>> t = "the breadth of the operation in the March states"
    >>> _occasion_end(t, 0, len(t), "speech-np") == len(t)
    True
    """
    if not (rule.endswith("-np") or rule.startswith("nominal-") and not rule.endswith("-to")):
        return e
    m = _OCCASION.search(text, s + 1, e)
    while m and time_inside(text, m.start(), e):
        # "his suggestion on Monday that ...": the time sits inside the object (reported_bounds)
        m = _OCCASION.search(text, m.end(), e)
    return m.start() if m else e


def object_frame(rule: str) -> bool:
    """Whether a content read by ``rule`` is an object or an infinitive.

    >>> object_frame("speech-np"), object_frame("nominal-to"), object_frame("subject-cue-clause")
    (True, True, False)
    >>> object_frame("according-to")  # a clause: "according to X, the guards assembled and left"
    False
    """
    return rule.endswith(_OBJECT_FRAMES) and rule != "according-to"


def cue_tense(h: Hit) -> tuple:
    """``(present, participle)``: whether the cue of ``h`` is a verb in the simple present
    (``says``, ``argue``: its first word is the lemma or the lemma with ``-s``) or a
    participle (``calling``).

    >>> cue_tense(Hit(0, 4, "says", "say", "speech", ()))
    (True, False)
    >>> cue_tense(Hit(0, 4, "said", "say", "speech", ())), cue_tense(Hit(0, 7, "calling", "call", "speech", ()))
    ((False, False), (False, True))
    """
    return _tense(h.cue, h.lemma)


@functools.lru_cache(maxsize=4096)
def _tense(cue: str, lemma: str) -> tuple:
    """:func:`cue_tense` of a cue and its lemma, worked out once per pair (a few hundred
    pairs make every cue of a corpus)."""
    first = cue.split(None, 1)[0].lower() if cue else ""
    lemma = lemma.split(None, 1)[0].lower() if lemma else ""
    if not first or first in FINITE:  # an auxiliary or modal opens it: no simple present
        return False, False
    present = first == lemma or first in (lemma + "s", lemma + "es", lemma[:-1] + "ies")
    return present, first.endswith("ing") and not present


@functools.lru_cache(maxsize=1)
def _past_cues() -> frozenset:
    """Past-tense forms of the cue and attribution verbs (``said``, ``urged``, ``wrote``):
    after ``and`` they open a second predicate of the source."""
    forms = set()
    for w, entries in cues().items():
        if any(e[2] == "speech" for e in entries):
            forms.add(w)
    return frozenset(f for f in forms if " " not in f and (f.endswith("ed") or f in _IRREGULAR_PAST))


#: The irregular pasts of the verbs of saying and thinking (not the shared table of
#: ``data/reported_irregular_past.txt``: its other verbs, read here, lost relations).
_IRREGULAR_PAST = frozenset("said told wrote saw thought knew felt found sought held took gave made spoke".split())


#: Words that open a fronted adverbial clause ("Although he said ..., he ..."): its content
#: ends where the main clause starts, at the comma before that clause's subject.
_FRONTED = frozenset(gw.SUBORDINATORS) | {"unless"}
#: Words that may stand before that subordinator at the start of the sentence: a conjunction
#: or a focus adverb (``But if Carson implied ...``, ``Even though ...``, ``Just as ...``) or
#: a measure of time (``A few weeks after Obama announced ...``, ``Years after ...``,
#: ``Shortly before ...``).
_BEFORE_SUBORDINATOR = frozenset("and but yet so even only just right long shortly soon not a few several "
                                 "two three four five six ten days weeks months years hours minutes "
                                 "moments decades".split())
#: ", he ...", ", the judge ...", ", there’s ...", ", then we ...": the comma before a main
#: clause's subject.
_MAIN_AFTER = regex.compile(r",\s++(?=(?:he|she|they|it|we|I|you|there|the|a|an|this|his|her|their)[\s'’]|"
                            r"then\s|\p{Lu})")


def _opens_fronted(text: str, s0: int, cue: int) -> bool:
    """Whether the sentence at ``s0`` opens with a subordinate clause that holds the cue at
    ``cue``: a subordinator (``Having`` as well) is its first word, or follows only words of
    ``_BEFORE_SUBORDINATOR``.

    >>> t = "A few weeks after Obama announced that"
    >>> _opens_fronted(t, 0, 24), _opens_fronted("The day after he said", 0, 16)
    (True, False)
    """
    words = text[s0:cue].split(None, 6)[:6]
    if words and words[0] == "Having":
        return True
    for w in words:
        low = w.lower()
        if low in _FRONTED:
            return True
        if low not in _BEFORE_SUBORDINATOR:
            return False
    return False


def _fronted_end(text: str, s0: int, cue: int, s: int, e: int) -> int:
    """The end of a content inside a fronted adverbial clause: the comma before the main
    clause, when the sentence at ``s0`` opens with a subordinate clause
    (:func:`_opens_fronted`) and no comma stands between it and the cue at ``cue``; else
    ``e``.

    >>> t = "Although he said that taxes would rise, the senator voted for the bill."
    >>> t[22:_fronted_end(t, 0, 12, 22, len(t) - 1)]
    'taxes would rise'
    >>> t = "But if he implied that he would stay, he’s since changed his mind."
    >>> t[23:_fronted_end(t, 0, 10, 23, len(t) - 1)]
    'he would stay'
    >>> t = "He said that taxes would rise, the senator added."
    >>> _fronted_end(t, 0, 3, 13, len(t) - 1) == len(t) - 1
    True
    """
    if not _opens_fronted(text, s0, cue) or text.find(",", s0, s) >= 0:
        return e
    m = _MAIN_AFTER.search(text, s, e)
    return m.start() if m else e


#: A content span ending in one of these words was cut inside the relative clause it opens.
_RELATIVE_OPENERS = _re.compile(r"\s(who|whom|whose|that|which)\s*$")


def _relative_open_end(doc: DocIndex, s: int, e: int) -> int:
    """``cited the case of a citizen born abroad who in 2010 tried to ...``, ``support for
    stem cell research that could ...``: when the stretch a reader gives ends in a relative
    word after its noun (``that`` and ``which`` only before a finite auxiliary, else they
    are demonstratives: ``enjoy that``), the cut before it (a phrase of time, a comma of an aside inside
    the clause) fell inside the relative clause, which belongs to the object; the content
    then goes on to the end of the sentence, and the cuts below end it there."""
    text = doc.text
    m = _RELATIVE_OPENERS.search(text, max(s, e - 8), e) if e - s <= 80 else None
    if m is None:
        return e
    after = _NEXT_WORD.match(text, e)
    if after is None or m.group(1) in ("that", "which") and after.group(1).lower() not in FINITE:
        return e  # "enjoy that,", "for that, so": a demonstrative; "that could": a relative
    return max(e, _clause_end(text, e, doc.sentence(s)[1]))


_NEXT_WORD = _re.compile(r"\s+([A-Za-z0-9][\w’'-]*)")


def _content(doc: DocIndex, s: int, e: int, h: Hit, rule: str, short: bool = False):
    """The paraphrased stretches of ``text[s:e]``: the clause minus any quotation inside it
    (a mixed quote keeps its quoted part as a quote and the rest as reported speech)."""
    text = doc.text
    e = _relative_open_end(doc, s, e)
    if h.cue_start < s and text[e:e + 1] in (",", ":", " ") and not rule.startswith("headline"):
        # "questioned his tactics, his judgment and his record": the list a comma opens, the
        # examples after ", like", the phrase after a colon (reported_bounds); not in a
        # title-case headline, whose commas join clauses ("Blasts X, Quotes Y")
        e = extend_end(text, s, e, doc.sentence(s)[1], rule)
    # each of the three cuts below opens with a comma or has a dash: a clause with neither
    # is not searched at all, and the searches for a comma start at the first one
    comma = text.find(",", s, e)
    if comma >= 0:
        # "..., according to the latest poll" at the end belongs to another attribution
        m = _TAIL_SOURCE.search(text, comma, e)
        if m:
            e = m.start()
        # "..., Mr. Verdery said." closing the clause: that attribution is another one's
        m = _TAIL_CUE.search(text, comma, e)
        if m and m.start() > s:
            e = m.start()
    if comma >= 0 and h.cue_end <= s:
        # '... “very comfortable with it,” the Post reported': the quotation's tail attribution
        m = _QUOTE_TAIL.search(text, max(s - 4, h.cue_end), e)
        if m:
            e = max(s, m.start())
    # "X, but Y, according to Z" / "X, while Y, Z said": an attribution after the content
    # takes the whole sentence before it, asides, second clauses and predicates too
    before = h.cue_start >= e
    if not before and (comma >= 0 or _has_dash(text, s, e)):
        # ", and Ms. Brainard is ...", ", while nine in 10 said ...": a new clause with its
        # own subject is the reporter's again
        m = _NEW_CLAUSE.search(text, s, e)
        while m and _resume(text, m, e, h) >= 0:
            m = _NEW_CLAUSE.search(text, _resume(text, m, e, h), e)
        if m and m.start() - s >= 20:
            e = m.start()
    if comma >= 0 and not before:
        m = _ASIDE.search(text, max(comma, s + 8), e)
        while m:
            past = _resume(text, m, e, h)
            if past < 0:
                e = m.start()
                break
            m = _ASIDE.search(text, past, e)
    if not before:
        e = _occasion_end(text, s, _relative_end(text, s, _next_report(text, s, e), h, rule), rule)
        present, participle = cue_tense(h)
        e = _second_predicate(text, s, e, present, participle, object_frame(rule))
        if h.cue_start < s:
            np_object = rule.endswith("-np") or rule.startswith("nominal-") and not rule.endswith("-to")
            e = end_cuts(text, s, e, np_object)  # an aside, an appositive, a medium (reported_end)
    if h.cue_start < s and text.find(",", s, e) >= 0:
        e = _fronted_end(text, doc.sentence(h.cue_start)[0], h.cue_start, s, e)
    if e - s < (2 if short else 12) or h.cue_start < s and tail_adjunct(doc, s, e, h):
        return None
    pieces = []
    cur = s
    i = bisect.bisect_left(doc.qstarts, s)
    # a quote that covers the whole clause is direct speech, nothing paraphrased
    while i < len(doc.quotes) and doc.quotes[i].start < e:
        qq = doc.quotes[i]
        if qq.start > cur:
            pieces.append((cur, qq.start))
        cur = max(cur, qq.end)
        i += 1
    if cur < e:
        pieces.append((cur, e))
    out = []
    for a, b in pieces:
        a, b = _trim(text, a, b)
        for lead in ("and ", "but ", "that ", "or "):
            if text[a:a + len(lead)].lower() == lead:
                a += len(lead)
        # an object may be one name ("endorsed Clinton"); a clause is at least a few words
        if (b - a >= 12 and len(text[a:b].split()) >= 3) or (short and b - a >= 2):
            out.append((a, b))
    if not out:
        return None
    return out, h, rule


def gap_rest(doc: DocIndex, toks: list, k: int, s1: int, h: Hit, first: int) -> list:
    """``a provision that most lawmakers believe is necessary``, ``what I thought was a
    gift``: when the relative word is the subject of the clause the cue introduces, that
    clause's verb comes right after the cue, and the content goes on from it (to the end of
    its clause) as a second piece beside the relative word or head.  ``[]`` when the cue is
    not followed by an auxiliary or copula, or when the phrase (at ``first``) opens the
    sentence: then that verb is the sentence's own (``The only concession she made was a
    delay``, ``What he wanted was a truck``)."""
    if k >= len(toks) or toks[k].text.lower() not in FINITE or token_index(toks, first) == 0:
        return []
    s, e = _trim(doc.text, toks[k].start, s1)
    item = _content(doc, s, e, h, "gap", short=True)
    return item[0] if item else []
