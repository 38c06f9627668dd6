"""Reported speech in the passive with its agent: ``Cruz was endorsed by Carly Fiorina``,
``the proposal was rejected by 64 percent of voters``, ``Gruenberg, who was nominated by
President Obama``, ``Clinton's attacks were echoed by her campaign``.

One job: read a participle of the reporting lexicon after a form of *be* and before ``by``
+ agent.  The agent is the source (the speaker phrase after ``by``), the passive's subject
is the content (the phrase before *be*, or the relative word standing for it), as PolNeAR
annotates such relations.  The active readers refuse a participle after *be*; this one
takes only those with an agent, so ``was endorsed`` alone (who endorsed is not said) is
still nothing.  Verbs whose subject would be the hearer (``was told by``, ``was asked
by``) are left out: what was said is not the subject there.
"""
from __future__ import annotations

import regex

from . import grammar_words as gw
from .clauses import DocIndex, Hit, cue_at, np_left, np_right
from .reported_content import _content, _trim
from .reported_lexicon import _verb_at, bare_phrase
from .subjects import BE_FORMS, token_index


#: Adverbs between *be* and the participle (``was first reported``, ``is widely seen``).
_BETWEEN = frozenset({"also", "first", "not", "never", "often", "then", "now", "later", "since", "already",
                      "long", "once", "still", "both", "all"})

#: Lemmas whose passive subject is the hearer or the one asked, not what was said.
_HEARER = frozenset({"tell", "ask", "inform", "urge", "warn", "remind", "advise", "assure", "reassure",
                     "notify", "press", "call on", "call", "quote", "interview", "question", "brief",
                     "invite", "pressure", "encourage", "persuade", "convince", "lead", "elect",
                     "choose", "name", "vote", "back down",
                     # a passive of these names a fact, not what someone said: "was decided by
                     # 5-to-4 votes", "known by the acronym", "identified only by letters"
                     "decide", "know", "identify", "suppose", "add", "stress", "maintain"})

#: ``by`` within five words after the participle, no punctuation between
#: (``endorsed in New Hampshire by``, ``was appointed to the Supreme Court by``).
_BY_SOON = regex.compile(r"(?:\s++[\w’'-]++){0,5}?\s++by\s++(?=[\w“\"])")

_MONTHS = frozenset("January February March April May June July August September October November December "
                    "Jan. Feb. Aug. Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday "
                    "Sunday".split())
_BODY = frozenset("throat arm hand neck collar hair shoulder".split())

#: Words that end the agent phrase when the speaker-phrase reader finds none.
_AGENT_END = frozenset({"that", "who", "which", "when", "while", "after", "before", "because", "but", "and",
                        "as", "in", "on", "at", "for", "to", "with", "during", "since"})

#: Relative words that stand for the passive's subject (``, who was nominated by``).
_RELATIVES = gw.RELATIVE_PRONOUNS - {"whom", "whose"}


#: What :func:`passive_hint` returns for a participle right after its noun phrase, with no
#: *be* (``a measure opposed by unions``, ``The bill, first reported by the Post,``).
REDUCED = -1

#: ``by`` right after the participle, then the agent (the reduced form takes no words between).
_BY_NEXT = regex.compile(r"\s++by\s++(?=[\w“\"])")

#: Words before a participle that do not end a noun phrase (so no reduced passive follows):
#: function words, pronouns, auxiliaries and sentence openers.  The closed classes come
#: from :mod:`quotecheck.grammar_words`: determiners, subject pronouns, the relative words
#: (not ``whose``, which takes a noun after it) and the subordinators, less ``although once
#: since though until whereas``, which this set never held (kept out: adding them is a
#: change of behaviour, to be measured on its own).  Named here, the words no class there
#: holds: conjunctions and prepositions, the perfect and modal auxiliaries with ``been``
#: and ``being``, negation, and adverbs and openers.
_NOT_HEAD = (gw.DETERMINERS | gw.SUBJECT_PRONOUNS | (gw.RELATIVE_PRONOUNS - {"whose"})
             | (gw.SUBORDINATORS - {"although", "once", "since", "though", "until", "whereas"})
             | frozenset({"and", "or", "but", "than",
                          "to", "of", "in", "on", "for", "with", "at", "by", "from",
                          "has", "have", "had", "will", "would", "could", "should", "may", "might", "can",
                          "must", "been", "being",
                          "not", "never",
                          "there", "then", "also", "just", "only", "still", "so", "very", "more", "most"}))


def passive_hint(before: list, text: str, end: int) -> int:
    """Whether the word at ``text[...:end]`` (``before``: the words before it) may be a
    passive with an agent, told without tokenising: *be* (or *be* + one adverb) before it
    and ``by`` soon after it, or (:data:`REDUCED`) a noun phrase, a comma after one, or one
    of them and an adverb before it and ``by`` right after it (``a measure strongly opposed
    by``).  How many words back the form of *be* stands (1 or 2), which :func:`passive_at`
    takes as read; ``REDUCED``; 0 when it is no passive.

    >>> t = "The plan was quietly endorsed by the mayor"
    >>> passive_hint(t[:21].split(), t, 29), passive_hint(["The", "plan"], t, 29)
    (2, -1)
    >>> passive_hint(["he", "quietly"], t, 29), passive_hint(["The", "plan"], "The plan endorsed in May", 17)
    (0, 0)
    """
    if not before:
        return 0
    last = before[-1].lower()
    if last in BE_FORMS:
        back = 1
    elif len(before) > 1 and before[-2].lower() in BE_FORMS and (last in _BETWEEN or last.endswith("ly")):
        back = 2
    else:
        if text[end + 1:end + 3] != "by":
            return 0  # (the reduced form needs "by" right after: one slice tells most words)
        head = before[-2].lower() if (last in _BETWEEN or last.endswith("ly") and len(last) > 4) and \
            len(before) > 1 else last
        head = head[:-1] if head.endswith(",") else head
        if not head.isalpha() or head in _NOT_HEAD or head in BE_FORMS or \
                _BY_NEXT.match(text, end, min(len(text), end + 40)) is None:
            return 0
        return REDUCED
    return back if _BY_SOON.match(text, end, min(len(text), end + 80)) is not None else 0


def passive_at(doc: DocIndex, toks: list, i: int, s0: int, s1: int, back: int = 0):
    """The item of a passive with an agent whose participle is at token ``i``, or None.
    ``back``: how many tokens before ``i`` the form of *be* stands, as :func:`passive_hint`
    read it from the words (the test is not made twice); 0 to look here."""
    v = _verb_at(toks, i)
    if v is not None:
        n, lemma, cls = v[0], v[1], v[2]
    else:
        c = cue_at(toks, i)
        if not c:
            return None
        n, lemma, cls = c
    if lemma in _HEARER or cls in ("state", "according"):
        return None
    if back == REDUCED:
        # only a verb that takes an object ("opposed", "endorsed", "reported"): "responded
        # by ...", "said by telephone", "worried by" name a manner or a cause, not an agent
        return _reduced_at(doc, toks, i, n, lemma, cls) if v is not None and "np" in v[3] else None
    if back:
        b = i - back  # where the hint's words put it (one look confirms the tokens agree)
    else:
        b = i - 1
        if b >= 0 and toks[b].text.lower() not in BE_FORMS:
            b -= 1  # one adverb: "was first reported by"
    if b < 1 or toks[b].text.lower() not in BE_FORMS:
        return None
    # "by" within five words, all words (no punctuation)
    k = i + n
    while k < len(toks) and k - (i + n) <= 5 and toks[k].text != "by":
        if not toks[k].word:
            return None
        k += 1
    if k + 1 >= len(toks) or toks[k].text != "by" or toks[k + 1].text.endswith("ing") or \
            toks[k + 1].text in _MONTHS or toks[k + 1].text.lower() == "the" and k + 2 < len(toks) and \
            toks[k + 2].text.lower() in _BODY:
        return None  # "by threatening to ...", "by Jan. 29", "by the throat": not an agent
    agent = np_right(toks, k + 1, len(toks)) or _agent(toks, k + 1)
    if not agent:
        return None
    # the subject: the auxiliaries before "be" ("has been", "will be") are skipped
    j = b - 1
    while j >= 0 and toks[j].text.lower() in ("has", "have", "had", "will", "would", "could", "can", "may",
                                              "might", "should", "must", "not", "also", "already"):
        j -= 1
    if j < 0:
        return None
    text = doc.text
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
            tuple(agent), rule="passive-agent")
    if toks[j].text.lower() in _RELATIVES and j > 0 and toks[j - 1].text == ",":
        # "Gruenberg, who was nominated by President Obama": the relative word
        return [(toks[j].start, toks[j].end)], h, f"{cls}-passive"
    left = np_left(toks, j, 0)
    if not left:
        return None
    np = left[0]
    s, e = _trim(text, np[0].start, np[-1].end)
    return _content(doc, s, e, h, f"{cls}-passive", short=True)


def _reduced_at(doc: DocIndex, toks: list, i: int, n: int, lemma: str, cls: str):
    """``a measure strongly opposed by unions``, ``Starr's remarks, first reported by the
    Times, ...``, ``an allegation rejected by two inquiries``: a participle right after its
    noun phrase (a comma or one adverb between) with ``by`` and an agent right after it is a
    relative clause cut short (``a measure that unions opposed``); the agent is the source,
    the noun phrase the content, as with *be*.  Not at the start of a sentence (``Asked by
    the host, ...``: a participle of the main clause's subject) nor after a name alone, which
    may be the subject of a verb in the past (``Cruz opposed by ...`` is rare in news)."""
    k = i + n
    if k + 1 >= len(toks) or toks[k].text != "by" or toks[k + 1].text.endswith("ing") or \
            toks[k + 1].text in _MONTHS:
        return None
    j = i - 1
    if j >= 0 and (toks[j].text in _BETWEEN or toks[j].text.endswith("ly") and toks[j].text.islower()):
        j -= 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 1 or not toks[j].word:
        return None  # "“...,” Mr. Lee said by telephone": a quotation's speaker, no phrase
    left = np_left(toks, j, 0)
    if not left:
        return None
    np = left[0]
    if all(t.cap for t in np) and token_index(toks, np[0].start) == 0:
        return None  # "Cruz opposed by ...": a name opening the sentence is a subject
    agent = np_right(toks, k + 1, len(toks)) or _agent(toks, k + 1)
    if not agent:
        return None
    text = doc.text
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
            tuple(agent), rule="reduced-passive-agent")
    s, e = _trim(text, np[0].start, np[-1].end)
    return _content(doc, s, e, h, f"{cls}-reduced-passive", short=True)


def _agent(toks: list, k: int):
    """The agent after ``by`` when the speaker-phrase reader finds none (``by overwhelming
    majorities of both men and women``, ``by 64 percent of the electorate``): its words up
    to punctuation or a clause word, at most 12."""
    return bare_phrase(toks, k, ("'s", "’s", "%", "-"), _AGENT_END) or None
