"""Attribution: who said each quote, and reported speech.

For every speech quote the attributor looks at the words around it, as a reader does, and
the first rule that finds a speaker phrase wins (the rule is recorded in ``Attribution.rule``
as ``rule/how-the-phrase-was-found/how-it-was-resolved``):

1. ``post``: after the quote, in its sentence: ``“...,” he said`` / ``“...,” said Putin`` /
   ``some parts are “unacceptable,” Karen Donfried told reporters`` / ``“...” to its
   proposals, Putin said`` / ``“...?” Trump asked.`` / ``“...” ― Ariana Huichapa``.
2. ``pre``: before the quote, in its sentence (the first speech cue, past an opening
   subordinate clause): ``Putin said: “...”`` / ``Putin said they “could be diverse,”`` /
   ``according to the newspaper, “...”`` / ``Michael McDonald: “...”``.
3. ``colon-paragraph``: a paragraph ending ``X said:`` introduces the quote paragraph.
4. ``subject``: no cue word the tables know, but the sentence has a named, pronoun or
   described subject and the quote is in its predicate (``Cruz blamed the law on “...”``).
5. ``split``: a quote opening a sentence after an attributed quote of the same paragraph,
   with no other speaker between (``“...,” he said. “...”``).
6. ``previous-sentence``: a quote opening a sentence takes the speaker of the sentence
   before (``Ghazala Khan says she got a call. “She called me, ...”``).
7. ``follow-on``: a quote paragraph continues the last speaker unless a speech cue with a
   subject stands between.

Speaker phrases: titles and names, appositives (``Vladimir Putin, Russia's president,``,
two of them, brackets, party tags), ``X, who said``, ``X issued a statement saying``, a
participle after a comma (the sentence's subject), cue words used as nouns (``Cruz's
charges``) are not cues.  Mentions are resolved to speakers by
:class:`quotecheck.speakers.Resolver`.

Reported speech (``X said (that) ...``, ``..., X said.``, ``according to X, ...``,
``X, pointing out that ...``, ``X, he said, ...``, ``X ... and said ...``) is found by
scanning the text for cue words (``data/cues.tsv``) outside quotations and reading the
clause the cue introduces; quoted parts are cut out of it (a mixed quote keeps both).
"""
from __future__ import annotations

import heapq
import itertools
import sys
from array import array
from typing import Optional

import attrs

from . import lexicon
from . import discourse as _discourse
from . import speakers as sp
from . import text as _text
from .clauses import (DQ_OPEN, DocIndex, Hit, REACH, clause_words, cue_at, cue_firsts, hits_in, iter_hits, np_left,
                      np_right)
from .subjects import CONNECTIVES, OPENERS, STOP, clause_subject, initial_subject, token_index
from .model import NO_ATTRIBUTION, REPORTED, SPEECH_KINDS, Attribution, Quote


def _sentence_start(text: str, lo: int, pos: int, doc=None) -> int:
    """Start of the sentence holding ``pos``, looking no further back than ``lo`` nor than
    ``REACH`` characters (and, given ``doc``, never stopping at a full stop inside a
    quotation)."""
    lo = max(lo, pos - REACH)
    start = lo
    # the rule looks at the first character of the next sentence, so scan a little past pos
    for _, nxt in _text.sentence_breaks(text, lo, min(len(text), pos + 3)):
        if nxt > pos:
            break
        if doc is None or not doc.in_quote(nxt - 1):
            start = nxt
    return start


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence holding ``pos`` (after its final mark), no further than ``hi`` nor
    than ``REACH`` characters."""
    hi = min(hi, pos + REACH)
    return next((end for end, _ in _text.sentence_breaks(text, pos, hi)), hi)


def _blank(text: str, a: int, b: int, chars: str = "") -> bool:
    """Whether ``text[a:b]`` holds only white space (and ``chars``), read from ``a`` only as
    far as the first other character: a paragraph can be a whole article on one line, and
    slicing it for every quote on it would be quadratic.

    >>> _blank("ab  .  c", 2, 7, "."), _blank("ab  .  c", 2, 8)
    (True, False)
    """
    i = a
    while i < b and (text[i].isspace() or text[i] in chars):
        i += 1
    return i >= b


# --- attributing quotes --------------------------------------------------------------------

def _post(doc: DocIndex, q: Quote, hi: int) -> Optional[Hit]:
    """The attribution after a quote in its sentence (``“...,” he said``)."""
    text = doc.text
    ends_sentence = q.inner_end > q.inner_start and text[q.inner_end - 1] in ".!?…" and \
        not text[q.end:q.end + 3].lstrip(" ").startswith(",")
    end = _sentence_end(text, q.end, hi)
    toks = doc.toks(q.end, end)
    if not toks:
        return None
    if ends_sentence and toks[0].cap:
        # a new sentence: only a bare attribution clause (“...?” Trump asked.) belongs to the quote
        hits = hits_in(doc, toks, 0, min(len(toks), 10))
        asked = text[q.inner_end - 1] in "?!"
        hits = [h for h in hits if h.np and h.np[0].start == toks[0].start and h.cls != "thought" and
                (_bare(toks, h) or asked and h.rule == "subject-cue")]
        return hits[0] if hits else None
    if toks[0].text in ("―", "—", "–", "--") and len(toks) > 1 and toks[1].cap:
        # a byline-style attribution: “...” ― Ariana Huichapa
        np = np_right(toks, 1, len(toks))
        if np:
            return Hit(toks[0].start, toks[0].end, toks[0].text, "dash", "speech", tuple(np), rule="dash-name")
    for h in iter_hits(doc, toks, 0, len(toks), outside=True):
        if h.cls == "thought" or doc.in_quote(h.cue_start):
            continue
        k = token_index(toks, h.np[0].start) if h.rule == "subject-cue" else token_index(toks, h.cue_start)
        if h.titles and h.rule == "subject-cue":
            pass
        if h.rule == "subject-cue" and 0 < k <= 3 and all(t.word and t.cap for t in toks[:k]):
            # “...,” CBS This Morning co-anchor DeMarco Morgan said: a name broken by a word
            # that is never a name alone ("This", "May") still starts right after the quote
            return attrs.evolve(h, np=tuple(toks[:k]) + tuple(h.np))
        if h.rule == "subject-cue" and h.cls != "thought" and _lowercase_title_run(toks, h):
            # "“...,” team president and general manager Ed Stefanski said", "“...,” trade
            # magazine The Hollywood Reporter wrote": a lower-case title before the name
            return h
        if h.cls == "speech" and h.rule == "subject-cue" and (
                k == 1 and toks[0].text == "as" and text[q.inner_end - 1:q.inner_end] == "," or
                k == 2 and toks[0].text == "," and toks[1].text == "as"):
            return h  # “...,” as a Homeland Security memo put it.
        if k == 0 or toks[k - 1].text in (",", "—", "–", "--", ";") or (h.rule == "according-to") or (
                toks[k - 1].text in ("”", '"', "’", "'") and k >= 2 and toks[k - 2].text in (",", "?", "!")):
            return h  # right after the quote, a comma, or a later quote of the sentence
    return None


def _post_limit(doc: DocIndex, q: Quote, ps: int, pe: int) -> int:
    """How far the attribution after a quote may reach: the end of its paragraph, or, for a
    quotation that opens its sentence and runs over several (news copy with a line per
    sentence), the end of the paragraph where it closes: ``“Mission accomplished. / That's
    all I can say,” Arians said.``  (rule ``multi-paragraph``; a quote that opens mid-sentence
    and closes paragraphs later is more often two quotes paired wrongly.)"""
    if q.end - 1 <= pe or doc.text[_sentence_start(doc.text, ps, q.start, doc):q.start].strip():
        return pe
    return doc.para_span(doc.para(q.end - 1))[1]


def _lowercase_title_run(toks: list, h: Hit) -> bool:
    """Whether the words between the quote (and an optional comma) and the first capital of
    the hit's speaker phrase are lower-case words describing the name, ending in a title or
    an organisation noun (rule ``title-run``)."""
    lex = sp.lexicon()
    first = next((t for t in h.np if t.cap), None)
    if first is None:
        return False
    k = token_index(toks, first.start)
    run = toks[1:k] if k and toks[0].text == "," else toks[:k]
    if not run or len(run) > 6 or not all(t.word and not t.cap for t in run):
        return False
    if any(t.text in STOP and t.text != "and" for t in run):
        return False
    last = run[-1].text
    return bool(lex.titles.get(last)) or lex.orgs.get(last) == "organisation"


def _bare(toks, h) -> bool:
    """The cue of a short attribution sentence is followed by its end or an adjunct, not a
    clause of its own."""
    k = token_index(toks, h.cue_end - 1) + 1 if h.rule == "subject-cue" else token_index(toks, h.np[-1].start) + 1
    rest = [t.text.lower() for t in toks[k:k + 9]]
    if rest[:1] in ([","], [":"]) and rest[1:2] and rest[1] in DQ_OPEN or rest[:1] and rest[0] in DQ_OPEN:
        return False  # “...” He added, “...”: the cue introduces the next quote
    if not rest or rest[0] in (".", ",", "!", "?", ";", "—"):
        return True
    end = next((j for j, w in enumerate(rest) if w in (".", "!", "?", ";")), None)
    return end is not None and end <= 6 and "that" not in rest[:end] and not any(
        w in DQ_OPEN for w in rest[:end])


#: Words before a pronoun that open a clause of its own (", though he said", "which he
#: called", "but she cautions"), not the complement of the cue before ("said she recalls").
_CLAUSE_OPENERS = frozenset({",", ";", "—", "–", "but", "though", "although", "and", "which", "what", "as",
                             "where", "when", "while", "after", "whom", "who"})


#: Words before a named or described subject that open a coordinated or adverbial clause of
#: its own ("..., while Trump refers to the governor as “...”", "Cruz said as the heckler
#: yelled: “...”"); a relative clause ("what some call “...”") stays in the first speaker's.
_OWN_CLAUSE = clause_words("own-clause")


def _own_clause(toks: list, first: Hit, last: Hit) -> bool:
    """Whether the cue nearest the quote has a subject of its own in a clause of its own, so
    that it, not the sentence's first speaker, is the quote's source: a pronoun after any
    clause opener, a name or description after a coordinating or adverbial one, or ``who``
    after an inverted cue (``said Beck, who said there were “...”``)."""
    before = _before(toks, last.np[0].start)
    if len(last.np) == 1 and last.np[0].text.lower() in ("he", "she", "they"):
        return before in _CLAUSE_OPENERS
    if last.np[0].text == "who":
        return first.rule == "cue-subject" and bool(last.titles) and last.titles[-1].end == first.np[-1].end
    k = token_index(toks, last.np[0].start)
    # "..., to which O'Malley interjected: “...”": the reply is the responder's
    return before in _OWN_CLAUSE or before == "which" and k >= 2 and toks[k - 2].text == "to"


def _before(toks: list, start: int) -> Optional[str]:
    """The lowercased token right before the one starting at ``start``."""
    k = token_index(toks, start)
    return toks[k - 1].text.lower() if k > 0 else None


def _pre(doc: DocIndex, q: Quote, lo: int) -> Optional[Hit]:
    """The attribution before a quote in its sentence (``Putin said: “...”``)."""
    start = _sentence_start(doc.text, lo, q.start, doc)
    toks = doc.toks(start, q.start)
    hits = hits_in(doc, toks, 0, len(toks), loose=False, outside=True)
    # the speaker's own clause, nearest the quote; a cue inside a reported clause of someone
    # else's is still the nearest speaker, which is what journalists mean
    # a post-only verb ("chanted", "sings", "reads") counts here only right before the quote
    hits = [h for h in hits if not doc.in_quote(h.cue_start) and (
        h.cls != "post" or not doc.text[h.cue_end:q.start].strip(" \u00a0:,"))]
    first = 1 if len(toks) > 1 and toks[0].text in CONNECTIVES else 0
    if len(toks) > first and (toks[first].text in OPENERS or toks[first].text.lower() in ("when", "after", "as",
                                                                                          "while", "if")):
        comma = next((t.start for t in toks if t.text == ","), None)
        if comma is not None and any(h.cue_start > comma for h in hits):
            hits = [h for h in hits if h.cue_start > comma]
        elif comma is not None and hits and toks[first].text != "As" and initial_subject(doc.text, toks) is not None:
            # "With Democratic leaders increasingly worried about ..., President Obama is rolling
            # out a new message: “...”": the cue is the opener's; the main clause has a subject
            # ("As The Post's Ruth Marcus puts it, ..." is a source, like "according to")
            hits = []
        elif hits:
            hits = hits[-1:]  # no comma closes the opener: the cue nearest the quote
    owned = _possessive_noun(toks)
    if owned is not None and not any(h.cue_start > owned.cue_start for h in hits):
        return owned  # "Trump stood by his comment that “...”": nearer the quote than any cue
    if not hits:
        return _colon(doc, toks)
    speech = [h for h in hits if h.cls in ("speech", "according")]
    # the first speaker of the sentence governs what follows ("Cruz said he's certain Rubio
    # will continue to be “...”"): later cues sit inside the reported clause
    first = speech[0] if speech else hits[0]
    last = hits[-1]
    if last is not first and (last.cls in ("speech", "label", "post") or last.np[0].text == "who") and \
            last.rule == "subject-cue" and first.rule != "according-to" and _own_clause(toks, first, last):
        # "Ryan said last week on CNN, though he said, “...”", "DeSantis said he has backed
        # a bill against what he called “a cartel”": a pronoun that speaks again nearer the
        # quote is its source, and it resolves to the same person when it is the same
        return last
    return first


#: Nouns for words someone said, whose possessor is their source ("his comment that",
#: "Clinton's response was:", "in Forbes' words,").
_SAID_NOUNS = lexicon.words("attribution_said_nouns.txt")
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our"})


def _possessive_noun(toks: list) -> Optional[Hit]:
    """A noun for something said, with its possessor, right before the quote, which is its
    content: ``his comment Monday that “...”``, ``Donald Trump’s claim that Obama “founded
    ISIS,”``, ``Clinton’s response was: “...”``, ``in Forbes’ words, “...”``.  Between the noun
    and the quote at most a few words, and the content opens with ``that``, a colon, a comma,
    a dash or the quote itself (``Trump's comments about the judge were “...”`` is a description
    of them, not them)."""
    n = len(toks)
    for k in range(n - 1, max(-1, n - 12), -1):
        if toks[k].text.lower() not in _SAID_NOUNS or toks[k].cap:
            continue
        rest = [t.text.lower() for t in toks[k + 1:]]
        opens = ("that", ":", ",", "—", "–")
        # the content opens right after the noun, or after one adjunct word ("his comment
        # Monday that") or a copula ("Clinton's response was:"); a noun the quote only
        # describes ("said Trump's comments “are ...”") has no such opening
        if not (rest and len(rest) <= 7 and (rest[0] in opens or rest[1:2] and rest[1] in opens or
                                             rest[0] in ("was", "is") and rest[1:2] and rest[1] in (":", "that"))) or \
                any(t.text in cue_firsts() and cue_at(toks, j) for j, t in enumerate(toks[k + 1:], k + 1)):
            return None  # "downplay Ryan's comments, saying they were “...”": the cue speaks
        # the possessor, with at most two modifiers between ("her March comment", "his
        # catch phrase")
        for p in range(k - 1, max(-1, k - 4), -1):
            t = toks[p]
            low = t.text.lower()
            if (low in _POSSESSIVE_PRONOUNS or t.text.endswith(("'s", "’s", "s'", "s’"))) and any(
                    x.text in cue_firsts() and cue_at(toks, n) for n, x in enumerate(toks[max(0, p - 2):p],
                                                                                      max(0, p - 2))):
                return None  # "saying in his statement that": the cue before it speaks
            if low in _POSSESSIVE_PRONOUNS:
                return Hit(toks[k].start, toks[k].end, toks[k].text, low, "speech", (t,), rule="possessive-noun")
            if t.text.endswith(("'s", "’s", "s'", "s’")) and t.cap:
                q = p
                while q - 1 >= 0 and p - q < 5 and toks[q - 1].cap and toks[q - 1].text not in sp._NOT_NAME:
                    q -= 1
                return Hit(toks[k].start, toks[k].end, toks[k].text, low, "speech", tuple(toks[q:p + 1]),
                            rule="possessive-noun")
            if not t.word or t.text.lower() in STOP or t.text.lower() in sp._DETERMINERS:
                return None
        return None
    return None


#: Prepositions whose object stands before a colon ("a blunt message to Trump:").
_PREPOSITIONS = clause_words("colon-prep")


def _colon(doc: DocIndex, toks: list) -> Optional[Hit]:
    """``Michael P. McDonald: “...”``: a name and a colon right before the quote."""
    if len(toks) < 2 or toks[-1].text != ":":
        return None
    left = np_left(toks, len(toks) - 2, 0)
    c = toks[-1]
    if left and any(t.text == "-" for t in left[0]):
        # "Media shares blame in Iowa poll overhype - HuffPollster:": a spaced dash ends a
        # headline; the name after it is the source
        cut = max(n for n, t in enumerate(left[0]) if t.text == "-")
        left = (left[0][cut + 1:], left[1]) if cut + 1 < len(left[0]) else None
    k = token_index(toks, left[0][0].start) if left else 0
    if left and k > 0 and toks[k - 1].text in _PREPOSITIONS:
        # "McConnell delivered a blunt message to Trump:", "ended her speech by quoting da
        # Vinci in Italian:": the phrase before the colon is an object; the clause's subject
        # introduces the quote
        found = clause_subject(doc.text, toks[:k])
        if found is None:
            return None
        return Hit(c.start, c.end, ":", ":", "speech", tuple(found[0]), rule="colon-subject")
    if not left or not any(t.cap for t in left[0]) and left[0][0].text.lower() not in sp.lexicon().pronouns:
        return None
    return Hit(c.start, c.end, ":", ":", "speech", tuple(left[0]), tuple(left[1]), rule="colon")


def _subject(doc: DocIndex, q: Quote, lo: int) -> Optional[Hit]:
    """No cue word, but the sentence has a named or pronoun subject and the quote is in its
    predicate (``Cruz blamed the law on “knuckleheaded politicians.”``): the subject."""
    start = _sentence_start(doc.text, lo, q.start, doc)
    toks = doc.toks(start, q.start)
    found = clause_subject(doc.text, toks)
    if found is None:
        return None
    np, v = found
    if _passive(doc, toks, np):
        return None  # "Gigante was nicknamed “The Oddfather”": the words are about him
    return Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np), rule="sentence-subject")


#: Forms of "be" that make a passive with a past participle after them.
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be"})
#: Past participles that do not end in -ed ("known", "charged" does).
_PARTICIPLES = lexicon.words("attribution_passive_participles.txt")


def _passive(doc: DocIndex, toks: list, np: list) -> bool:
    """Whether the subject ``np`` has a passive verb (rule ``passive-subject``): a form of
    "be" (after "has", "had", "will" or a modal), at most two adverbs, then a past participle
    and at most two words before the quote: ``LaRue was occasionally identified as “...”``,
    ``Oler is charged with “...”``."""
    k = token_index(toks, np[-1].start) + 1
    if k < len(toks) and toks[k].text == ",":
        # past an appositive: "Oler, accused of having two wives, is charged with"
        close = next((n for n in range(k + 1, min(len(toks), k + 12)) if toks[n].text == ","), None)
        if close is None:
            return False
        k = close + 1
    words = [t.text.lower() for t in toks[k:k + 6]]
    j = 0
    while j < len(words) and words[j] in ("has", "have", "had", "will", "would", "could", "may", "might"):
        j += 1
    if j >= len(words) or words[j] not in _BE:
        return False
    j += 1
    if j < len(words) and words[j] == "been":
        j += 1
    for _ in range(2):
        if j < len(words) and (words[j].endswith("ly") or words[j] in ("also", "later", "often", "once", "still")):
            j += 1
    # the quote follows the participle closely ("nicknamed “...”", "identified as “...”"); a
    # clause of its own between ("was suspended after slamming ... “refugees”") has its agent
    if not (j < len(words) and (words[j].endswith("ed") and len(words[j]) > 4 or words[j] in _PARTICIPLES)):
        return False
    between = [t for t in toks[k + j + 1:] if not doc.in_quote(t.start)]
    return len(between) <= 2


@attrs.define
class _State:
    """What the pass through a document remembers: the resolver and the last attribution
    (for split quotes, follow-on paragraphs and pronouns)."""
    resolver: _discourse.Resolver
    last_entity: object = None
    last_att: Optional[Attribution] = None
    last_para: int = -1
    last_end: int = 0


def _attribution(doc: DocIndex, st: _State, h: Hit, rule: str, conf: Optional[float] = None):
    """Resolve the hit's speaker phrase and build the Attribution; ``conf`` is the
    rule's confidence when not :data:`RULE_CONFIDENCE`'s (see :func:`confidence`)."""
    if conf is None:
        conf = RULE_CONFIDENCE[rule]
    text = doc.text
    relative = None
    if len(h.np) == 1 and h.np[0].text == "who" and h.titles:
        relative, h = h.np[0], attrs.evolve(h, np=h.titles, titles=())
    m = sp.read_mention(text, list(h.np))
    if m is not None and m.kind in ("description", "anonymous") and m.entity == "person" and h.rule == "cue-subject":
        named = _named_appositive(doc, h)
        if named is not None:
            h, m = attrs.evolve(h, np=named[0]), named[1]
    if m is not None and m.kind == "name" and m.entity == "person" and h.rule == "subject-cue":
        named = _name_before_office(doc, h, m)
        if named is not None:
            h, m = attrs.evolve(h, np=named[0], titles=tuple(h.np)), named[1]
    if m is None:
        return Attribution(cue=h.cue, cue_start=h.cue_start, cue_end=h.cue_end, rule=rule,
                           confidence=confidence(conf, "", None)), None
    if m.kind == "pronoun" and m.head in ("it", "they"):
        # "The Security Council ... condemned what it called ...", "Trump's campaign is
        # defending his tweets. It's denouncing ...": an organisation or group that is the
        # subject of this sentence or the one before
        owner = _organisation_subject(doc, m.start)
        if owner is not None:
            relative, h = h.np[0], attrs.evolve(h, np=owner)
            m = sp.read_mention(text, list(owner))
    if h.titles and m.kind == "name":
        appos = text[h.titles[0].start:h.titles[-1].end]
        m = attrs.evolve(m, titles=m.titles + (appos,))
    e, how, sure = st.resolver.resolution(m, m.start, prefer=st.last_entity)
    if e is not None and not sure:
        conf = min(conf, 0.6)  # a guess at who "he" or "the senator" is (see discourse.py)
    name = None
    sid = None
    if e is not None:
        st.resolver.add_mention(e, m)
        name, sid = e.name, e.id
    elif m.kind in ("group", "description") and m.entity in ("group", "organisation"):
        name = None
    conf = confidence(conf, how, name)
    if relative is not None:
        # the words the attribution rests on are "who"; the speaker is its antecedent
        return Attribution(name, sid, relative.text, relative.start, relative.end, h.cue, h.cue_start, h.cue_end,
                           sys.intern(f"{rule}/{h.rule}/relative-{how}"), conf), e
    # (a rule string is one of a few dozen: one copy of each, not one per quote)
    return Attribution(name, sid, m.text, m.start, m.end, h.cue, h.cue_start, h.cue_end,
                       sys.intern(f"{rule}/{h.rule}/{how}"), conf), e


#: How sure an attribution is, by where its speaker phrase was found (the rule's first
#: part): a cue with its subject in the quote's sentence is sure; a speaker carried over
#: from another sentence or read from a sentence with no cue is a guess.  Measured on the
#: first 640 articles of PolNeAR-train (speaker right, by rule): post and pre with a name
#: 0.96-0.98, split 0.99, colon-paragraph 0.88, subject 0.80, previous-sentence 0.79,
#: follow-on 0.74, previous-paragraph 0.61.
RULE_CONFIDENCE = {"post": 0.95, "pre": 0.9, "split": 0.9, "colon-paragraph": 0.85, "reported": 0.85,
                   "subject": 0.65, "previous-sentence": 0.6, "follow-on": 0.7, "previous-paragraph": 0.55}
#: A speaker reached through a pronoun, a description or an organisation's noun is the
#: resolver's reading, not words on the page: below the 0.8 that means "named here".
RESOLVED = 0.75
#: An attribution that names nobody (a cue without a resolvable subject) is an abstention.
ABSTAINED = 0.3


def confidence(base: float, how: str, speaker) -> float:
    """The confidence of an attribution (the contract the cross-source check reads):
    >= 0.8 when the speaker is a name in the quote's own sentence, next to its cue (or
    a split quote's other half); below that a guess (a resolved pronoun or description,
    a speaker from another sentence); at most :data:`ABSTAINED` when nobody is named.

    >>> confidence(0.95, "name", "Ann Lee"), confidence(0.95, "pronoun-previous-speaker", "Ann Lee")
    (0.95, 0.71)
    >>> confidence(0.9, "description-title", None)
    0.3
    """
    if speaker is None:
        return round(min(base, ABSTAINED), 2)
    if how == "name":
        return round(base, 2)
    return round(base * RESOLVED, 2)


def _named_appositive(doc: DocIndex, h: Hit):
    """``said her nephew, Ravi Singh, 32, of Coney Island``: the person name in commas right
    after an inverted cue's description is who speaks (rule ``named-appositive``), as a
    reader takes it; ``(tokens, Mention)`` or None."""
    end = h.np[-1].end
    toks = doc.toks(end, min(len(doc.text), end + 80))
    if len(toks) < 3 or toks[0].text != "," or not toks[1].cap:
        return None
    np = np_right(toks, 1, len(toks))
    if not np or not all(t.cap or not t.word for t in np):
        return None
    after = token_index(toks, np[-1].start) + 1
    if after < len(toks) and toks[after].text not in (",", ".", ";", "—", "–"):
        return None  # "said his brother, John went home": a clause, not an appositive
    m = sp.read_mention(doc.text, list(np))
    if m is None or m.kind != "name" or m.entity != "person":
        return None
    return tuple(np), m


def _name_before_office(doc: DocIndex, h: Hit, m):
    """``Captain Manohar Nambiar, Chief Public Relations Officer, Defence, said``: when the
    phrase before the cue is a capitalised office ("Chief Public Relations Officer", its last
    word a title), the person name in the commas before it is who speaks (rule
    ``name-before-office``); ``(tokens, Mention)`` or None."""
    words = m.text.split()
    if not words or not sp.lexicon().titles.get(words[-1].lower()):
        return None
    start = h.np[0].start
    toks = doc.toks(max(0, start - 100), start)
    if len(toks) < 3 or toks[-1].text != ",":
        return None
    left = np_left(toks, len(toks) - 2, 0)
    if not left or not left[0]:
        return None
    named = sp.read_mention(doc.text, list(left[0]))
    last = named.text.split()[-1] if named is not None else ""
    if named is None or named.kind != "name" or named.entity != "person" or sp.lexicon().titles.get(last.lower()):
        return None
    return tuple(left[0]), named


def _organisation_subject(doc: DocIndex, pos: int):
    """The tokens of an organisation or group that opens the sentence holding ``pos`` (before
    it) or the sentence before that, else None."""
    s0, _ = doc.sentence(pos)
    spans = [(s0, pos)]
    if s0 > 0:
        p0, _ = doc.sentence(s0 - 1)
        if doc.para(p0) == doc.para(s0) or s0 - p0 < 400:
            spans.append((p0, s0))
    for a, b in spans:
        toks = doc.toks(a, b)
        found = initial_subject(doc.text, toks)
        if found is None:
            continue
        m = sp.read_mention(doc.text, list(found[0]))
        if m is not None and m.kind in ("name", "description", "group") and m.entity in ("organisation", "group"):
            return tuple(found[0])
    return None


def _attribute_quote(doc: DocIndex, st: _State, idx: int, q: Quote):
    text = doc.text
    pi = doc.para(q.start)
    ps, pe = doc.para_span(pi)
    h = _post(doc, q, _post_limit(doc, q, ps, pe))
    if h:
        return _attribution(doc, st, h, "post")
    # the quote ends its paragraph and the next line is a byline: "“...” / - President Obama"
    if _blank(text, q.end, pe, " \u00a0.") and pi + 1 < len(doc.para_starts):
        ns, ne = doc.para_span(pi + 1)
        line = text[ns:ne]
        if len(line) < 80 and line[:1] in "―—–-":
            toks = doc.toks(ns, ne)
            if len(toks) > 1 and toks[1].cap:
                np = np_right(toks, 1, len(toks))
                if np:
                    return _attribution(doc, st, Hit(toks[0].start, toks[0].end, toks[0].text, "dash", "speech",
                                                      tuple(np), rule="dash-line"), "post", 0.8)
    h = _pre(doc, q, ps)
    if h:
        return _attribution(doc, st, h, "pre")
    # the paragraph before ends "X said:" and this quote opens the paragraph
    if q.start - ps <= 1 and pi > 0:
        pps, ppe = doc.para_span(pi - 1)
        if text[pps:ppe].rstrip().endswith(":"):
            s0 = _sentence_start(text, pps, ppe - 1)
            toks = doc.toks(s0, ppe)
            hits = [h for h in hits_in(doc, toks, 0, len(toks), outside=True) if not doc.in_quote(h.cue_start)]
            if hits:
                return _attribution(doc, st, hits[-1], "colon-paragraph")
            # "President Clinton released the following statement:", "Jared Potts echoed:":
            # a sentence that hands over to a quote paragraph with a colon introduces its
            # subject's words, whatever its verb
            found = initial_subject(text, toks)
            # "Partial transcript as follows:" is a heading, not a subject with its verb
            if found is not None and "as follows" not in text[s0:ppe].lower():
                np, v = found
                return _attribution(doc, st, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                                  rule="colon-subject"), "colon-paragraph", 0.7)
    sent0 = _sentence_start(text, ps, q.start, doc)
    lead = text[sent0:q.start].strip()
    # (a connective before the quote, "Instead, “...”", still leaves the quote the sentence)
    opens_sentence = not lead or lead in ("But", "And", "Still", "Yet", "So", "Then") or \
        lead.endswith(",") and lead[:-1] in CONNECTIVES
    h = _subject(doc, q, ps) if not opens_sentence else None
    if h:
        return _attribution(doc, st, h, "subject")
    # the rest of a split quote, or a later quote in the same paragraph as an attributed one
    if st.last_att is not None and st.last_para == pi and st.last_att.mention and opens_sentence and \
            not _speaker_between(doc, st.last_end, q.start):
        # (as sure as the attribution it continues, never more: a guessed "he" stays a guess)
        return attrs.evolve(st.last_att, rule="split/" + st.last_att.rule.split("/")[-1],
                            confidence=min(st.last_att.confidence, RULE_CONFIDENCE["split"])), st.last_entity
    # "Ghazala Khan says she received a call. “She called me, ...”": the quote continues the
    # speaker of the sentence before it, in the same paragraph
    if opens_sentence and sent0 > ps:
        p0 = _sentence_start(text, ps, sent0 - 1, doc)
        toks = doc.toks(p0, sent0)
        hits = [h for h in hits_in(doc, toks, 0, len(toks), outside=True)
                if not doc.in_quote(h.cue_start) and h.cls in ("speech", "according", "label")]
        if hits:
            return _attribution(doc, st, hits[0], "previous-sentence")
        # "Sen. Bernie Sanders identified young voters' exhaustion as one reason. “The younger
        # people are ...”": no cue, but the sentence before has a subject, and the quote
        # opening the next one gives that person's words
        found = initial_subject(text, toks)
        if found is not None:
            np, v = found
            return _attribution(doc, st, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                              rule="previous-subject"), "previous-sentence", 0.55)
    # follow-on: a quote paragraph continues the previous speaker unless someone else speaks between
    if st.last_att is not None and st.last_att.mention and pi - st.last_para <= 2 and \
            _blank(text, ps, q.start) and \
            not _speaker_between(doc, st.last_end, q.start):
        return attrs.evolve(st.last_att, rule="follow-on",
                            confidence=min(st.last_att.confidence, RULE_CONFIDENCE["follow-on"])), st.last_entity
    h = _previous_paragraph(doc, q, pi, ps)
    if h:
        return _attribution(doc, st, h, "previous-paragraph")
    return NO_ATTRIBUTION, None  # the one record of "no attribution", not one per quote


def _previous_paragraph(doc: DocIndex, q: Quote, pi: int, ps: int) -> Optional[Hit]:
    """A quote paragraph with no cue of its own, after a paragraph whose last sentence has
    someone speak (``Valastro praised Christie's leadership.`` / ``“We need someone ...”``):
    that speaker, the classic way news introduces a quote by paraphrase first."""
    text = doc.text
    if pi == 0 or not _blank(text, ps, q.start):
        return None
    pps, ppe = doc.para_span(pi - 1)
    body = text[pps:ppe].rstrip()
    if not body or doc.in_quote(pps + len(body) - 1):
        return None  # the paragraph before ends in a quotation: its speaker is the follow-on's business
    s0 = _sentence_start(text, pps, pps + len(body) - 1, doc)
    toks = doc.toks(s0, pps + len(body))
    for h in iter_hits(doc, toks, 0, len(toks), outside=True):
        if not doc.in_quote(h.cue_start) and h.cls in ("speech", "according", "label"):
            return h
    # "Jackson released a statement through the team on Tuesday." / "“Yesterday I was ...”":
    # no cue, but the sentence that hands over to the quote paragraph has its subject issue
    # something said or written, whose words these are (rule previous-paragraph-subject)
    found = initial_subject(text, toks) if _issues_text(toks) else None
    if found is not None:
        np, v = found
        return Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np), rule="previous-paragraph-subject")
    return None


#: Things a speaker issues ("released a statement"), shared with the cue readers' "a
#: statement saying", and the verbs that issue them.
_HANDED_OVER = lexicon.exact("attribution_documents.txt")
_ISSUING = lexicon.words("attribution_issuing_verbs.txt")


def _issues_text(toks: list) -> bool:
    """Whether a sentence has someone put out a text: an issuing verb with a document noun
    at most three words after it (``released a statement``, ``penned a letter``)."""
    for k, t in enumerate(toks):
        if t.text.lower() in _ISSUING and any(x.text in _HANDED_OVER for x in toks[k + 1:k + 4]):
            return True
    return False


def _speaker_between(doc: DocIndex, lo: int, hi: int) -> bool:
    """Whether the text between two quotes introduces another speaker (a cue with a subject
    outside any quote): then a following quote does not simply continue the last one."""
    if hi - lo > 3000:
        return True
    toks = doc.toks(lo, hi)
    return any(not doc.in_quote(h.cue_start) and h.cls in ("speech", "according", "label")
               for h in iter_hits(doc, toks, 0, len(toks), outside=True))


# --- the whole document ----------------------------------------------------------------------

def attribute(text: str, quotes: tuple) -> tuple:
    """Return ``(quotes, speakers, warnings)``: the quotes with their attribution
    filled in, plus reported-speech quotes, in text order; the document's speakers.

    >>> from quotecheck.quotes import find_quotes
    >>> t = "Vladimir Putin spoke on Sunday.\\n“We have nowhere to retreat,” he said."
    >>> qs, people, _ = attribute(t, find_quotes(t)[0])
    >>> [(q.speaker, q.attribution.mention, q.attribution.cue) for q in qs]
    [('Vladimir Putin', 'he', 'said')]
    """
    quotes = tuple(quotes)
    doc = DocIndex(text, quotes)
    st = _State(_discourse.Resolver(text, tuple((q.start, q.end) for q in quotes)))
    # imported here: reported.py builds on this module's phrase readers
    from .reported import find_reported
    reported = find_reported(doc) if text else []
    # attribute speech quotes and reported speech in one pass in text order, so that pronouns
    # resolve against what came before
    events = _in_order(((q.start, 0, i) for i, q in enumerate(quotes)),
                       sorted((r[0][0][0], 1, j) for j, r in enumerate(reported)),
                       _ordered(q.start for q in quotes))
    out = list(quotes)
    extra = []
    at_span = {}  # (start, end) -> index in extra: one reported item per stretch of text
    for _, typ, i in events:
        if typ == 0:
            q = quotes[i]
            if q.kind not in SPEECH_KINDS:
                continue
            att, ent = _attribute_quote(doc, st, i, q)
            if att is not q.attribution:
                out[i] = attrs.evolve(q, attribution=att)
            if att.speaker_id or att.mention:
                st.last_att, st.last_entity = att, ent
                st.last_para = doc.para(q.start)
                st.last_end = max(q.end, att.cue_end or 0, att.mention_end or 0)
        else:
            pieces, h, rule = reported[i]
            att, ent = _attribution(doc, st, h, "reported")
            if ent is not None and ent.kind == "person" and ent.sure:
                st.last_entity = ent
            for a, b in pieces:
                item = Quote(a, b, text[a:b], a, b, REPORTED, marks="", rule=rule,
                             reason=f"reported speech: '{h.cue}' introduces a paraphrase", attribution=att)
                k = at_span.get((a, b))
                if k is None:
                    at_span[(a, b)] = len(extra)
                    extra.append(item)
                elif extra[k].attribution.speaker is None and att.speaker is not None:
                    # two cues on one clause ("says he believes ..."): keep the first cue
                    # that names someone
                    extra[k] = item
    return _merge(out, extra), st.resolver.speakers(), ()


def _ordered(keys) -> bool:
    """Whether ``keys`` never go down (the finder gives its quotes in text order)."""
    return all(a <= b for a, b in itertools.pairwise(keys))


def _in_order(first, second: list, first_sorted: bool):
    """The tuples of both in sorted order: merged lazily when ``first`` (an iterator) is
    sorted already, so no list of a tuple per quote is built (memory, issue 14)."""
    if first_sorted:
        return heapq.merge(first, second)
    return sorted(itertools.chain(first, second))


def _merge(quotes: list, extra: list) -> tuple:
    """The quotes and the reported speech in text order, with ``parent`` indices renumbered
    to the merged tuple."""
    def tagged():
        return _in_order(((q.start, -q.end, 0, i) for i, q in enumerate(quotes)),
                         sorted((q.start, -q.end, 1, j) for j, q in enumerate(extra)),
                         _ordered((q.start, -q.end) for q in quotes))
    new_index = array("q", bytes(8 * len(quotes)))
    for k, (_, _, typ, i) in enumerate(tagged()):
        if typ == 0:
            new_index[i] = k
    out = []
    for _, _, typ, i in tagged():
        q = quotes[i] if typ == 0 else extra[i]
        if typ == 0 and q.parent is not None and 0 <= q.parent < len(quotes):
            q = attrs.evolve(q, parent=new_index[q.parent])
        out.append(q)
    return tuple(out)
