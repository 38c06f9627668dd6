"""Where a reported content ends, by the shape of the sentence after the stretch a reader
gives: the boundaries that :mod:`quotecheck.reported_content` and
:mod:`quotecheck.reported_end` had no reader for.  One job: move a content's end to where
the reporter's own words start again.  Each reader is a named rule:

- ``coordinate-list`` (:func:`list_end`): ``questioned the governor's tactics, his
  judgment and his record``, ``thanked his parents, his sisters, his wife and his
  children``, ``touted plans to repair roads, expand pensions and cut fees``, ``shown Lee,
  Roe, Park and Diaz in a jumble``: a reader of a noun-phrase object (or an
  infinitive, a ``wh``-clause) ends it at its first comma, but when the rest of the sentence
  after that comma is a list -- members of a few words each, separated by commas, the last
  one opened by ``and``/``or`` -- the members are coordinated with the first and are as much
  what was said.  A member may not hold a verb, a subject pronoun, a relative word or a
  conjunction, nor open with a preposition (``, despite ...``, ``, according to ...``), a
  verb in ``-ed`` or a participle (unless the content itself opens with one: ``eliminating
  caucuses, limiting ... and binding ...``); ``, a former senator ...`` and a name's ``, the
  ...`` are appositives, not a second member.

- ``example-phrase`` (:func:`example_end`): ``dwelt on the chances missed, like the lack of
  a public option``, ``criticized the aides, particularly her chief of staff``: an object ended
  at a comma before ``like``, ``such as``, ``including``, ``especially``, ``particularly`` or
  ``notably`` runs on through the examples, to the next comma or the sentence's end.
- ``colon-elaboration`` (:func:`colon_end`): ``talked about the issues that matter: the economy
  and national security``, ``promotes a variety of fringe ideas: alleged conspiracies ...``: an
  object ended at a colon that opens a lower-case phrase (not a quotation, not a sentence of
  its own) runs on through it to the sentence's end: it spells the object out.

- ``subject-aside`` (:func:`subject_aside_end`): ``asked whether the defense minister, Ursula
  Lang, could keep her pledge``, ``cited studies that project a transaction tax, aimed at
  speculation, would raise revenue``, ``said Mr. Lee, even as a candidate, had raised the
  danger``: an object ended at a comma that opens an aside closed by a second comma, with a
  finite verb (an auxiliary, copula, modal or a past in ``-ed`` that is no cue) right after
  it, ended inside the clause's subject: the clause goes on after the aside, to the
  sentence's end.  Not when the aside has a verb or subject pronoun of its own, opens with a
  relative word or a conjunction (``, but Republicans, concerned ..., have``: a new clause),
  or the content ends in a relative word (``a war that, for the first time, has ...``: the
  relative clause is read elsewhere).

- ``time-inside`` (:func:`time_inside_end`): ``apologized for his campaign's suggestion on
  Monday that a rival was dropping out``, ``welcomed India's announcement last year that it
  would invest in solar power``, ``recalled Mrs. Lee's account in 2008 of coming under
  fire``: a reader (or the occasion cut) ends an object at a phrase of time (a preposition
  or ``last``/``this``/``earlier`` and a weekday, month, year or ``week``, ``year`` ...), but when
  the noun's complement follows the time (``that``, ``of``, ``for``, ``to``, ``about``,
  ``over``), the time sits inside the object: the content runs on to the next comma or the
  sentence's end.

- ``name-appositive`` (:func:`name_appositive_end`): ``discussed his remarks about his
  rival, Jane Roe, saying ...``, ``criticized a federal judge, Ann
  Park, for ...``, ``refused to hold hearings for the governor's court pick, Tom
  Diaz, because ...``: an object ending in a common noun that a reader ended at a comma
  before a name (capitalised words closed by a second comma) runs on over the name: the
  name says who the noun is.  Only for an object or infinitive (``object``): after a clause,
  ``..., Rep. Chris Collins, ...`` is as often the next clause's subject.

- ``unless-condition`` (:func:`unless_end`): ``vowed to impose a tariff on imports of Fords
  unless the company cancels its plant``, ``threatened not to show up unless he is paid``:
  an object or infinitive ended before ``unless`` with no comma runs on over the condition
  (to the next comma or the sentence's end): the condition is part of what was promised or
  threatened (as ``even if`` with no comma stays in, ``reported_end.concessive_end``).

Each reader looks at the rest of the content's own sentence once (a split at its commas and
a few bounded matches): linear in the sentence.
"""
from __future__ import annotations

import functools

import regex

from . import grammar_words as gw
from . import lexicon
from .subjects import FINITE

_WORD = regex.compile(r"[\p{L}\d’'$%-]++")
_LAST = regex.compile(r"\s*+(?:and|or)\s++")
_INNER_AND = regex.compile(r"\s(?:and|or)\s")
_INDEFINITE = regex.compile(r"\s*+(?:a|an)\s")
_DEFINITE = regex.compile(r"\s*+the\s")
_NAME_END = regex.compile(r"\p{Lu}[\p{L}.’'-]*+\s*+$")

#: The most words a list member may have.
_MEMBER_WORDS = 10

#: Words a list member may not hold: a relative word, a conjunction or a subject pronoun
#: opens a clause, not a noun phrase.
_NOT_IN_MEMBER = frozenset("who whom whose which that where when while because if as although though "
                           "but".split()) | gw.SUBJECT_PRONOUNS

#: Words a list member may not open with: a preposition or an adverbial (``, despite ...``,
#: ``, according to ...``, ``, like ...``) makes an adjunct, not a member.
_NOT_FIRST = frozenset("according despite before after like along with without including especially "
                       "particularly such unlike than from to for in on at by as of about over under during among "
                       "since until while even not only".split())


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset:
    """Finite verbs a member may not hold: auxiliaries and copulas, modals, the irregular
    pasts of the shared table, ``said``/``says``/``told``."""
    return FINITE | frozenset("will would could can should may might must said says told".split()) | \
        lexicon.exact("reported_irregular_past.txt")


def _member(seg: str, ing_ok: bool) -> bool:
    """Whether ``seg`` (the words between two commas) may be a member of a list of noun
    phrases (``ing_ok``: the content opens with a participle, so may its members)."""
    ws = _WORD.findall(seg)
    if not ws or len(ws) > _MEMBER_WORDS:
        return False
    f = ws[0]
    if f.lower() in _NOT_FIRST or f.islower() and (f.endswith("ed") or f.endswith("ing") and not ing_ok):
        return False
    verbs = _verbs()
    return not any(w.lower() in verbs or w.lower() in _NOT_IN_MEMBER for w in ws)


def list_end(text: str, s: int, e: int, se: int) -> int:
    """The end of a content ``text[s:e]`` that a reader ended at a comma, moved to the end of
    the list that comma opens (the module's ``coordinate-list``), within the sentence that
    ends at ``se``; else ``e``.

    >>> t = "questioned Mr. Lee's tactics, his judgment and his record."
    >>> t[11:list_end(t, 11, 28, len(t) - 1)]
    "Mr. Lee's tactics, his judgment and his record"
    >>> t = "thanked his parents, his sisters, his wife, and his children."
    >>> t[8:list_end(t, 8, 19, len(t) - 1)]
    'his parents, his sisters, his wife, and his children'
    >>> t = "cited Jeffrey Feltman, a State Department official overseeing Lebanon and the region."
    >>> list_end(t, 6, 21, len(t) - 1)
    21
    >>> t = "backed the wall, despite critics and cost overruns."
    >>> list_end(t, 7, 15, len(t) - 1)
    15
    """
    if not text.startswith(",", e) or se <= e:
        return e
    first = _WORD.search(text, s, e)
    ing_ok = first is not None and first.group().endswith("ing")
    pos, n = e, 0
    for part in text[e:se].split(",")[1:]:
        last = _LAST.match(part)
        if last:  # ", and D": the last member, after one or more
            return pos + 1 + len(part.rstrip()) if n and _member(part[last.end():], ing_ok) else e
        if n == 0 and (_INDEFINITE.match(part) or _DEFINITE.match(part) and _NAME_END.search(text, s, e)):
            return e  # ", a former senator", "Jim Brady, the founder": an appositive
        inner = _INNER_AND.search(part)
        if inner:  # ", C and D": the last two members
            ok = _member(part[:inner.start()], ing_ok) and _member(part[inner.end():], ing_ok)
            return pos + 1 + len(part.rstrip()) if ok else e
        if not _member(part, ing_ok):
            return e
        n += 1
        pos += 1 + len(part)
    return e


_EXAMPLE = regex.compile(r",?\s++(?:like|such\s++as|including|especially|particularly|notably)\s")


def _to_comma(pattern, text: str, e: int, se: int) -> int:
    """Where a content ended at ``e`` goes on to when ``pattern`` matches at ``e``: the next
    comma after the match, or ``se`` (the sentence's end); ``e`` when it does not match."""
    m = pattern.match(text, e, se)
    if m is None:
        return e
    c = text.find(",", m.end(), se)
    return c if c >= 0 else se


def example_end(text: str, e: int, se: int) -> int:
    """The end of a content ended at ``e`` before ``, like ...`` and the like, moved over the
    examples to the next comma (or ``se``, the sentence's end); else ``e`` (the module's
    ``example-phrase``).

    >>> t = "dwelt on the chances missed, like the lack of a public option, in the speech."
    >>> t[9:example_end(t, 27, len(t) - 1)]
    'the chances missed, like the lack of a public option'
    """
    return _to_comma(_EXAMPLE, text, e, se)


_COLON_PHRASE = regex.compile(r"\s*+:\s++(?=\p{Ll})")


def colon_end(text: str, e: int, se: int) -> int:
    """The end of a content ended at a colon that opens a lower-case phrase, moved to
    ``se`` (the sentence's end); else ``e`` (the module's ``colon-elaboration``).

    >>> t = "talked about the issues that matter: the economy and national security."
    >>> t[13:colon_end(t, 35, len(t) - 1)]
    'the issues that matter: the economy and national security'
    >>> t = "gave the reason: “We lost.”"
    >>> colon_end(t, 15, len(t)) == 15
    True
    """
    m = _COLON_PHRASE.match(text, e, se)
    return se if m and m.end() < se else e


#: ``, ... , would``: the comma closing an aside, an adverb, the next word.
_AFTER_ASIDE = regex.compile(r",\s++(?:\p{Ll}++ly\s++)?(\p{Ll}[\p{Ll}’']*+)\b")
#: The longest aside stepped over, in characters.
_ASIDE_REACH = 90
_AUX = FINITE | frozenset("will would could can should may might must".split())
_NOT_ASIDE_OPENER = frozenset("who whom whose which that but and or so yet well".split())
_RELATIVE_LAST = frozenset("that which who whom when where".split())


def subject_aside_end(text: str, s: int, e: int, se: int) -> int:
    """The sentence's end ``se`` when the content ``text[s:e]``, ended at a comma, is the
    subject of a clause that goes on after an aside (the module's ``subject-aside``); else
    ``e``.

    >>> t = "asked whether the minister, Ursula Lang, could keep her pledge."
    >>> t[6:subject_aside_end(t, 6, 26, len(t) - 1)]
    'whether the minister, Ursula Lang, could keep her pledge'
    >>> t = "hoped to carry the state, the race will be tight, he said."
    >>> subject_aside_end(t, 6, 24, len(t) - 1)
    24
    """
    from .reported_content import _past_cues
    c = text.find(",", e + 1, min(se, e + _ASIDE_REACH))
    if c < 0:
        return e
    m = _AFTER_ASIDE.match(text, c, se)
    if m is None:
        return e
    w = m.group(1)
    if not (w in _AUX or w.endswith("ed") and len(w) > 4 and w not in _past_cues()):
        return e
    aside = _WORD.findall(text, e + 1, c)
    last = _WORD.findall(text, max(s, e - 30), e)
    if not aside or not last or last[-1].lower() in _RELATIVE_LAST or aside[0].lower() in _NOT_ASIDE_OPENER:
        return e
    if any(x.lower() in _AUX or x.lower() in gw.SUBJECT_PRONOUNS for x in aside):
        return e
    return se


_TIME_INSIDE = regex.compile(
    r"\s++(?:in|on|at|during|last|this|earlier|late|early)\s++(?:(?:the|a|an)\s++)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\d{4}|year|week|month|summer|fall|spring|winter|night|morning|weekend)"
    r"(?:\s++(?:night|morning|afternoon|evening|\d{1,2}|\d{4}))?\s++(?=(?:that|of|for|to|about|over)\b)")


def time_inside(text: str, e: int, se: int) -> bool:
    """Whether a phrase of time at ``e`` is followed by the complement of the noun before
    it (see the module's ``time-inside``).

    >>> t = "India's announcement last year that it would invest"
    >>> time_inside(t, 20, len(t)), time_inside("the plan on Monday in a speech", 8, 30)
    (True, False)
    """
    return _TIME_INSIDE.match(text, e, se) is not None


def time_inside_end(text: str, e: int, se: int) -> int:
    """The end of a content ended at a phrase of time inside its object, moved to the next
    comma after it (or ``se``); else ``e`` (the module's ``time-inside``).

    >>> t = "welcomed India's announcement last year that it would invest in solar power."
    >>> t[9:time_inside_end(t, 29, len(t) - 1)]
    "India's announcement last year that it would invest in solar power"
    """
    return _to_comma(_TIME_INSIDE, text, e, se)


_NAME = regex.compile(r",\s++(?:\p{Lu}[\p{L}.’'-]*+\s++){0,3}\p{Lu}[\p{L}.’'-]*+(?=\s*+,)")
_LAST_WORD = regex.compile(r"(\p{L}[\p{L}’'-]*+)\s*+$")


def name_appositive_end(text: str, s: int, e: int, se: int) -> int:
    """The end of an object ``text[s:e]`` ending in a common noun, moved over the name that
    follows it between commas (the module's ``name-appositive``); else ``e``.

    >>> t = "criticized a federal judge, Ann Park, for her ruling."
    >>> t[11:name_appositive_end(t, 11, 26, len(t) - 1)]
    'a federal judge, Ann Park'
    >>> t = "praised Ms. Lee, Mr. Diaz, and the mayor."
    >>> name_appositive_end(t, 8, 15, len(t) - 1)
    15
    """
    last = _LAST_WORD.search(text, max(s, e - 30), e)
    if last is None or not last.group(1).islower():
        return e
    m = _NAME.match(text, e, se)
    return m.end() if m else e


_UNLESS = regex.compile(r"\s++unless\s")


def unless_end(text: str, e: int, se: int) -> int:
    """The end of a content ended before ``unless`` (no comma), moved over the condition to
    the next comma (or ``se``); else ``e`` (the module's ``unless-condition``).

    >>> t = "vowed to raise tariffs unless the company cancels its plant, he said."
    >>> t[6:unless_end(t, 22, len(t) - 1)]
    'to raise tariffs unless the company cancels its plant'
    """
    return _to_comma(_UNLESS, text, e, se)


def extend_end(text: str, s: int, e: int, se: int, rule: str = "") -> int:
    """The readers above that move the end of a content ``text[s:e]`` (its cue before it)
    past a comma or colon at ``e``, within its sentence ending at ``se``: a list, examples,
    an elaboration after a colon; the first that applies."""
    if e >= se:
        return e
    c = text[e]
    if c == ",":
        e2 = list_end(text, s, e, se)
        e2 = e2 if e2 > e else example_end(text, e, se)
        e2 = e2 if e2 > e else subject_aside_end(text, s, e, se)
        if e2 > e:
            return e2
        return name_appositive_end(text, s, e, se) if _object(rule) else e
    if c == ":" or text.startswith(" :", e):
        return colon_end(text, e, se)
    if c == " ":
        for after in (example_end, time_inside_end, unless_end):
            e2 = after(text, e, se)
            if e2 > e:
                return e2
    return e


def _object(rule: str) -> bool:
    """Whether ``rule`` reads an object, an infinitive or a participle's object (not a
    clause)."""
    return rule.endswith(("-np", "-to", "-about", "-for", "-of", "-on", "-with", "-participle", "-ing")) \
        and rule != "according-to"
