"""Where a reported clause ends: the content-end readers that PolNeAR's annotation follows
and :mod:`quotecheck.reported_content` had no cut for.  One job: say where the reporter's
words start again after a content, by four cuts, one split and two drops, each a named rule:

- ``concessive-aside`` (:func:`concessive_end`): ``... even as he criticized the agency``,
  ``... – even though the auditors found a gap``, ``... — though economists dispute that``: a
  concessive or contrastive clause after the content (``even as``/``even though`` with no
  comma, or any concessive word after a dash) is the reporter's comment on what was said.
  (``even if`` with no comma is left: ``able to work even if they entered ...`` is a
  condition of the content.)
- ``summary-appositive`` (:func:`appositive_end`): ``..., a move that rivals the layoffs of 2009``,
  ``..., a 20-point increase from January``, ``..., an approach two rivals have
  embraced``: a noun phrase with ``a``/``an`` after a comma that runs to the
  end of the sentence sums the reported clause up in the reporter's words.  It is not one when a
  comma closes it (``Smith, a veteran of three seasons, will start``: an aside inside the content)
  or a finite verb follows it before any relative word (``..., a strong showing would ...``:
  the subject of a clause).
- ``medium`` (:func:`medium_end`): ``claimed victory in a tweet``, ``repeated the charge
  on a conservative radio show``: after a noun-phrase object, the medium it was said in (a
  tweet, a letter, a show, a column, an article) is the verb's adjunct, like the occasions
  of :func:`quotecheck.reported_content._occasion_end`.
- ``dash-clause`` (:func:`dash_clause_end`): ``... had won nine straight games — the players
  were not surprised``, ``... calls to committee members - there are two from each district``:
  the content's first dash, not closed by a second one, before a clause with a subject and a
  finite verb of its own opens the reporter's next clause.
- ``second-predicate`` (:func:`split_predicate`): ``The governor said the state would appeal and
  criticized the judge for his ruling``, ``the senator complained the ads had attacked him and
  questioned why ...``: ``and`` and a verb of the reported-speech table in the past (an
  auxiliary or adverb may stand between) after a content is the source's second predicate,
  with a content of its own.  The first content ends before ``and``; the second is read
  after the verb (and its particle) as an item of its own, with the first's speaker.  Only
  ``and`` (after ``but`` the verb is as often the content's own: ``she wanted change, but
  found the plan too costly``), not after ``according to`` (its content is a clause with a
  subject of its own), and not after a cue in the present: a verb in the past then goes on
  with the content's subject (``Ames says the mayor spoke to him and asked him to wait``),
  as :func:`quotecheck.reported_content._second_predicate` reads it.

A content that is no clause at all is dropped by ``quote-tail-adjunct``
(:func:`tail_adjunct`): ``“...,” she said over breakfast near the statehouse``, ``“...,” he
said two days after the vote``: after a quotation closed by its tail attribution, the
words after the cue are where and when it was said, not a second content; and by
``quote-tail-manner``: ``“...,” she said onstage Tuesday night``, ``“...,” he said and
hung up``, ``“...,” she said, wiping her brow``: after the quotation's own ``said``/``says``/
``added``, words with no verb (or a participle that takes no content) say how it was said.

Each reader looks at the content's own span once (a bounded regex search): linear in it.
"""
from __future__ import annotations

import bisect
import functools

import regex

from . import lexicon
from . import words as wd
from .clauses import DocIndex, Hit
from .subjects import FINITE

#: ``even as``/``even though`` with no comma before, or a dash and a concessive word.
_CONCESSIVE = regex.compile(r"(?<!,)\s++even\s++(?:as|though)\s|"
                            r"\s(?:[—–]|--?)\s++(?:even\s++(?:as|though|if)|though|although|while|whereas|but)\s")


def concessive_end(text: str, s: int, e: int) -> int:
    """The end of a content at ``text[s:e]`` before a concessive aside, else ``e``.

    >>> t = "sympathy for the families even as he criticized the agency"
    >>> t[:concessive_end(t, 0, len(t))]
    'sympathy for the families'
    >>> t = "the economy had hit bottom - though economists dispute that"
    >>> t[:concessive_end(t, 0, len(t))]
    'the economy had hit bottom'
    >>> t = "women would be able to work even if they entered on a spouse's visa"
    >>> concessive_end(t, 0, len(t)) == len(t)
    True
    """
    if text.find("even", s + 8, e) < 0 and _dashless(text, s + 8, e):
        return e  # (each alternative holds "even" or a dash: most contents have neither)
    m = _CONCESSIVE.search(text, s + 8, e)
    return m.start() if m else e


def _dashless(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds no hyphen, en or em dash (three ``str.find`` calls, C
    speed: cheaper than a pattern that starts with a space class at every position)."""
    return text.find("-", s, e) < 0 and text.find("—", s, e) < 0 and text.find("–", s, e) < 0


_APPOSITIVE = regex.compile(r",\s++(?:a|an)\s")
_RELATIVE = regex.compile(r"\b(?:that|who|which|whom|whose)\b")
_FINITE_WORD = regex.compile(r"\b(?:" + "|".join(sorted((regex.escape(w) for w in FINITE if " " not in w),
                                                        key=len, reverse=True)) +
                             r"|will|would|won't|wouldn't)\b")


def appositive_end(text: str, s: int, e: int) -> int:
    """The end of a content at ``text[s:e]`` before a summary appositive that runs to its
    end, else ``e``.

    >>> t = "he could win the general election, a 20-point increase"
    >>> t[:appositive_end(t, 0, len(t))]
    'he could win the general election'
    >>> t = "the company would cut 3,000 jobs, a move that rivals the layoffs of 2009"
    >>> t[:appositive_end(t, 0, len(t))]
    'the company would cut 3,000 jobs'
    >>> t = "the race is open, an early win would settle it"
    >>> appositive_end(t, 0, len(t)) == len(t)
    True
    >>> t = "that Smith, a veteran of three seasons, will start on Sunday"
    >>> appositive_end(t, 0, len(t)) == len(t)
    True
    """
    m = _APPOSITIVE.search(text, s + 8, e)
    while m:
        rest_start = m.end()
        if text.find(",", rest_start, e) < 0:
            f = _FINITE_WORD.search(text, rest_start, e)
            r = _RELATIVE.search(text, rest_start, e)
            if f is None or r is not None and r.start() < f.start():
                return m.start()
        m = _APPOSITIVE.search(text, m.end(), e)
    return e


#: `` in a tweet``, `` on a conservative radio show``, `` in a June letter to members``, `` in
#: a commercial running on local TV``, `` for this article``: the medium a noun-phrase object was
#: said in (a preposition, up to four words, the medium's noun) is the verb's adjunct.
_MEDIUM = regex.compile(r"\s(?:on|in|at|during|from|for|by)\s++(?:(?:a|an|the|his|her|their|its|this|that|several|"
                        r"multiple|two|three)\s++)?(?:(?!(?:on|in|at|during|from|for|by)\s)[\p{L}’'.-]++\s++){0,4}?"
                        r"(?:tweets?|letters?|commercials?|op-eds?|columns?|show|program|broadcast|memo|stage|story|"
                        r"article|occasions?|radio|television|video|podcast|briefing|blog\s++post|Facebook\s++post|"
                        r"email)\b")


def medium_end(text: str, s: int, e: int) -> int:
    """The end of a noun-phrase object content before the medium it was said in, else
    ``e`` (the callers read it for an object frame only: an infinitive's medium may be its
    own, ``to comment on the data program``).

    >>> t = "his record on taxes in a commercial running on local TV"
    >>> t[:medium_end(t, 0, len(t))]
    'his record on taxes'
    >>> t = "the charge on a conservative radio show"
    >>> t[:medium_end(t, 0, len(t))]
    'the charge'
    """
    m = _MEDIUM.search(text, s + 1, e)
    return m.start() if m else e


#: Words that open an adjunct of where, when or how something was said.
_ADJUNCT_OPENERS = frozenset("at on in over during after before from with while when two three several".split())
_VERB_LIKE = regex.compile(r"\b(?:" + "|".join(sorted((regex.escape(w) for w in FINITE if " " not in w), key=len,
                                                      reverse=True)) + r"|will|would|could|can|\p{Ll}{3,}ed)\b")
#: A quotation closed by a comma, a full stop or a dash inside its marks: a whole quotation,
#: whose tail attribution follows.
_CLOSED_QUOTE = regex.compile(r"[,.!?—–-][’'”\"]{1,2}$")


def tail_adjunct(doc: DocIndex, s: int, e: int, h: Hit) -> bool:
    """Whether the content ``text[s:e]`` of the cue of ``h`` is only an adjunct of the
    attribution of the quotation before it (see the module's ``quote-tail-adjunct``): a
    whole quotation ends at most 50 characters before the cue, in the same sentence, and
    the content opens with a word of ``_ADJUNCT_OPENERS`` and has no verb; or
    (``quote-tail-manner``) the cue is the quotation's own tail (``said``, ``says``,
    ``added`` right after the quotation, closed by a comma inside its marks, and its
    speaker phrase) and the content is the manner or time of saying: no verb, no participle
    and no clause's subject (``onstage Tuesday night``, ``and quickly hung up``), or a
    participle that takes no content (``wiping his brow``; not ``adding that ...``).

    >>> from quotecheck.quotes import find_quotes
    >>> t = "“We will win,” she said over breakfast near the statehouse."
    >>> doc = DocIndex(t, tuple(find_quotes(t)[0]))
    >>> tail_adjunct(doc, 24, len(t) - 1, Hit(19, 23, "said", "say", "speech", ()))
    True
    >>> t = "“We will win,” she said after the vote that the count was wrong."
    >>> doc = DocIndex(t, tuple(find_quotes(t)[0]))
    >>> tail_adjunct(doc, 24, len(t) - 1, Hit(19, 23, "said", "say", "speech", ()))
    False
    >>> t = "“We will win,” she said and quickly hung up."
    >>> doc = DocIndex(t, tuple(find_quotes(t)[0]))
    >>> tail_adjunct(doc, 24, len(t) - 1, Hit(19, 23, "said", "say", "speech", ()))
    True
    """
    text = doc.text
    # the quotation first (a bisect and a subtraction): most contents follow none, and then
    # the searches of the content below are not made at all
    i = bisect.bisect_right(doc.qstarts, h.cue_start) - 1
    if i < 0:
        return False
    q = doc.quotes[i]
    if not 0 <= h.cue_start - q.end <= 50:
        return False
    first = text[s:min(e, s + 24)].split(None, 1)
    if not first:
        return False
    verb = _VERB_LIKE.search(text, s, e) is not None
    opener = first[0] in _ADJUNCT_OPENERS and not verb
    w = first[0].rstrip(",.;:")
    if w.endswith("ing"):
        manner = w.islower() and w not in _cue_words_lower()  # "wiping his brow", not "adding that"
    else:
        # "onstage Tuesday night", "the day after": no verb, no participle, no clause's subject
        manner = not verb and _ING.search(text, s, e) is None and w.lower() not in _NOT_MANNER
    manner = manner and h.cue.split(None, 1)[0].lower() in _TAIL_VERBS
    if not (opener or manner) or _SENTENCE_END.search(text, q.end, h.cue_start):
        return False
    if not opener:
        if not _TAIL_SPEAKER.fullmatch(text, q.end, h.cue_start):
            return False  # (a verb of its own between: "..., he said, referring to")
        # closed by a comma, not a full stop: the cue is the quotation's own tail, in its sentence
        return _CLOSED_INSIDE.search(text, max(q.start, q.end - 3), q.end) is not None
    return _CLOSED_QUOTE.search(text, max(q.start, q.end - 3), q.end) is not None


#: Verbs of a quotation's tail attribution (``“...,” she said``) after which a content with
#: no verb, or a participle that takes no content (``said, wiping his brow``), is the manner
#: of saying (``quote-tail-manner``).
_TAIL_VERBS = frozenset("said says added adds".split())
#: A quotation closed by a comma (or ``!``, ``?``, a dash) inside its marks: its sentence goes on.
_CLOSED_INSIDE = regex.compile(r"[,!?—–-][’'”\"]{1,2}$")
_ING = regex.compile(r"\b\p{Ll}{2,}ing\b")
#: First words of a content that is a clause or an answer, not a manner of saying.
#: (``said of the ruling``, ``said about the vote``: what it was said of is annotated as a content.)
_NOT_MANNER = frozenset("he she they we i it you there that yes no of about".split())
#: The speaker phrase between a quotation and its tail cue: a few words, no verb, no
#: second comma-clause (``, Ms. Lee``, `` one aide``, ``, the former governor of Vermont,``).
_TAIL_SPEAKER = regex.compile(r"[\s,]*+(?:[\p{L}\p{N}.’'()-]++,?\s++){1,9}")


@functools.lru_cache(maxsize=1)
def _cue_words_lower() -> frozenset:
    """The words of the cue tables, lower-cased (``adding``, ``referring``: a participle with
    a content of its own after a tail attribution)."""
    from .reported_lexicon import _cue_words
    return frozenset(w.lower() for w in _cue_words())


_SENTENCE_END = regex.compile(r"[.!?]\s|\n")


_DASH = regex.compile(r"\s(?:—|–|--?)\s")
_DASH_CLAUSE = regex.compile(r"\s(?:—|–|--?)\s++(?:and\s++)?(?:he|she|they|we|I|it|there|no\s++one|"
                             r"(?:the|his|her|their|its)\s++(?:\p{Ll}++\s++){0,2}?\p{Ll}++|"
                             r"\p{Lu}[\p{L}’'.-]*+(?:\s++\p{Lu}[\p{L}’'.-]*+){0,2})\s++"
                             r"(?:(?:also|still|now|never|not|only|\p{Ll}++ly)\s++)?(?P<verb>\p{Ll}++)\b")


def dash_clause_end(text: str, s: int, e: int) -> int:
    """The end of a content before a dash that opens a clause of its own (see the module's
    ``dash-clause``), else ``e``.

    >>> t = "the chair had begun calling members - there are two from each district"
    >>> t[:dash_clause_end(t, 0, len(t))]
    'the chair had begun calling members'
    >>> t = "that – in her view – the city is ready"
    >>> dash_clause_end(t, 0, len(t)) == len(t)
    True
    """
    if _dashless(text, max(0, s - 4), e):
        return e
    d = _DASH.search(text, max(0, s - 4), e)
    if d is None or d.start() < s + 8:
        return e  # (a dash at the content's opening starts or ends an aside the next one closes)
    m = _DASH_CLAUSE.match(text, d.start(), e)
    if m is None or _DASH.search(text, m.end(), e):
        return e
    v = m.group("verb")
    if v in FINITE or v in _MODALS or v.endswith("ed") and len(v) > 4 or v in _IRREGULAR_PAST:
        return d.start()
    return e


_MODALS = frozenset({"will", "would", "could", "can"})


def end_cuts(text: str, s: int, e: int, np_object: bool = False) -> int:
    """The end readers above on a content after its cue (``np_object``: a noun-phrase
    object, read by :func:`medium_end` too): the earliest end wins."""
    e = dash_clause_end(text, s, appositive_end(text, s, concessive_end(text, s, e)))
    return medium_end(text, s, e) if np_object else e


#: ``and`` with up to two adverbs or a perfect auxiliary, then a lower-case word: a verb of
#: the reported-speech table here opens a second predicate of the source.
_AND_VERB = regex.compile(r",?\s++and\s++(?:(?:then|also|later|even|still|repeatedly|quickly|immediately|"
                          r"has|have|had|\p{Ll}++ly)\s++){0,2}(?P<verb>\p{Ll}++)\b")

#: Irregular past forms (the shared table), with the pasts that are also present forms or
#: nouns (``forecast``, ``put``, ``set``): after ``and`` a second predicate's past is read anyway.
_IRREGULAR_PAST = lexicon.exact("reported_irregular_past.txt") | {"forecast", "put", "set"}


def _cue_of(text: str, vs: int, e: int):
    """``(cue end, lemma, class, frames)`` of a past form of the reported-speech table at
    ``vs`` with its particle (``called on``, ``pointed to``), or None."""
    from .reported_lexicon import verbs
    toks = wd.tokens(text, vs, min(e, vs + 40))
    if not toks:
        return None
    w = toks[0].text
    if not (w.endswith("ed") or w in _IRREGULAR_PAST):
        return None
    for rest, lemma, cls, frames in verbs().get(w, ()):
        n = len(rest)
        if n + 1 <= len(toks) and all(toks[k + 1].text.lower() == rest[k] for k in range(n)):
            return toks[n].end, lemma, cls, frames
    return None


@functools.lru_cache(maxsize=1)
def _nouns_and_verbs() -> frozenset:
    """Every noun and verb of ``data/lemmas.tsv``, lemmas and forms (the table has no other
    parts of speech)."""
    out = set()
    for lemma, forms in lexicon.rows("lemmas.tsv"):
        out.add(lemma.lower())
        out.update(forms.split())
    return frozenset(out)


_DETERMINER_BEFORE = regex.compile(r"\b(?:a|an|the|his|her|its|their|our|this|that)\s++(?P<word>\p{Ll}++)\s*+$")
_WHO_WHICH = regex.compile(r"\b(?:who|whom|which)\b")


def _inside_phrase(text: str, a: int, p: int) -> bool:
    """Whether ``and`` at ``p`` joins two modifiers of one noun (``an able and determined
    opponent``: a determiner and a word that is no noun or verb before it) or two verbs of a
    relative clause (``an official who was briefed and spoke anonymously``) rather than the
    source's predicates."""
    m = _DETERMINER_BEFORE.search(text, max(a, p - 40), p)
    if m and m.group("word") not in _nouns_and_verbs():
        return True
    return _WHO_WHICH.search(text, a, p) is not None


def split_predicate(doc: DocIndex, item) -> list:
    """``[item]``, or ``[first, second]`` when the last piece of ``item`` goes on with a
    second predicate of its source (see the module's ``second-predicate``): the first cut
    before ``and``, the second read by :func:`quotecheck.reported_content._content` after
    the second verb, with a cue of its own and the first's speaker phrase.

    >>> from quotecheck.reported import find_reported
    >>> t = "The senator complained that the ads had attacked him and questioned why the party was silent."
    >>> [t[a:b] for it in find_reported(DocIndex(t, ())) for a, b in it[0]]
    ['the ads had attacked him', 'why the party was silent']
    """
    pieces, h, rule = item
    if not pieces or rule == "according-to" or h.cue_start >= pieces[0][0]:
        return [item]
    from .reported_content import _content, _trim, cue_tense
    if cue_tense(h)[0]:
        return [item]  # "Ames says the mayor spoke to him and asked ...": the content's subject's verb
    text = doc.text
    a, b = pieces[-1]
    if text.find("and", a + 8, b) < 0:
        return [item]  # (no "and" in the last piece: nothing the pattern below could find)
    for m in _AND_VERB.finditer(text, a + 8, b):
        cue = _cue_of(text, m.start("verb"), b)
        if cue is None or _inside_phrase(text, a, m.start()):
            continue
        ce, lemma, cls, frames = cue
        h2 = Hit(m.start("verb"), ce, text[m.start("verb"):ce], lemma, cls, h.np, h.titles, rule="second-predicate")
        rule2 = "second-predicate-np" if frames == frozenset({"np"}) else "second-predicate"
        second = _content(doc, ce, b, h2, rule2)
        if second is None:
            return [item]
        s1, e1 = _trim(text, a, m.start())
        first = (list(pieces[:-1]) + [(s1, e1)], h, rule) if e1 - s1 >= 2 else None
        return [first, second] if first else [item]
    return [item]
