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
:class:`quotecheck.discourse.Resolver`.

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
from . import grammar_words as gw
from . import mentions as mn
from . import speaker_lexicon as sl
from .clauses import PARTICIPLES, DocIndex, Hit, cue_at, hits_in, iter_hits, np_left, np_right
from .model import NO_ATTRIBUTION, REPORTED, SPEECH_KINDS, Attribution, Quote
from .phrases import RELATIVES
from .appositives import name_before_office as _name_before_office, named_appositive as _named_appositive
from .reported_speaker import document_sender, possessive_owner, relative_antecedent, reported_subject
from .own_sentence import (ISSUING_VERBS, blank, in_fronted_clause, post_hit, post_limit, pre_hit, sentence_end,
                           sentence_start, stray_phrase)
from .subjects import BE_FORMS, CONNECTIVES, FINITE, STOP, clause_subject, initial_subject, opening_subject, token_index


def _subject(doc: DocIndex, q: Quote, lo: int) -> Optional[Hit]:
    """No cue word, but the sentence has a named or pronoun subject and the quote is in its
    predicate (``Cruz blamed the law on “knuckleheaded politicians.”``): the subject."""
    start = sentence_start(doc.text, lo, q.start, doc)
    toks = doc.toks(start, q.start)
    found = clause_subject(doc.text, toks)
    rule = "sentence-subject"
    if found is None:
        found = _subordinate_subject(doc, toks)
        rule = "subordinate-subject"
    if found is None:
        return None
    np, v = found
    if _passive(doc, toks, np):
        return None  # "Gigante was nicknamed “The Oddfather”": the words are about him
    return _relative_holds(doc, toks, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                          rule=rule))


#: Subordinators whose clause may hold a quote in its predicate ("While Lee ... laid out “...”"):
#: the shared class less "as" (also a preposition: "as a “...”"), "if" and "once" (conditions,
#: not occasions someone spoke on).
_SUBORDINATORS = gw.SUBORDINATORS - {"as", "if", "once"}


def _subordinate_subject(doc: DocIndex, toks: list):
    """``While Mr. Lee, the party's leader, laid out a vision for “...”, others ...``, ``such
    as when Lee knocked Roe on trade and called him a “...”``: where the sentence has no
    subject the clause reader finds, the subject of the last subordinate clause before the
    quote (after ``when``, ``while``, ``after``, ...), when the quote is still in that clause
    (no comma, semicolon, colon or dash between its verb and the quote), as ``(subject
    tokens, verb token)``; else None."""
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].text.lower() in _SUBORDINATORS and not doc.in_quote(toks[k].start):
            found = initial_subject(doc.text, toks[k + 1:])
            if found is None:
                return None
            v = token_index(toks, found[1].start)
            if any(t.text in (",", ";", ":", "—", "–") for t in toks[v:]):
                return None
            return found
    return None


def _relative_holds(doc: DocIndex, toks: list, h: Hit) -> Hit:
    """``Ann Lee, who has in the past called the plan “...”``, ``..., a blow to Ann Lee, who
    could be celebrating being dubbed the “...”``: when the quote stands in a ``who`` clause
    (the nearest ``who`` before it, with no comma, semicolon, colon or dash after it outside
    quotations), the words hang on ``who``, as the cue rules read ``X, who said``: the hit
    with ``who`` as its phrase and the noun phrase before it as its antecedent; else the hit
    itself."""
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        if t.text in (",", ";", ":", "—", "–", "--", "(", ")") and not doc.in_quote(t.start):
            return h
        if t.text != "who" or doc.in_quote(t.start):
            continue
        if toks[k - 1].text != ",":
            # "rebuked critics who say he should condemn terrorists as “...”", "a passage from
            # the memoirs of a spymaster who wrote about the “...” use of forgeries": a
            # restrictive clause whose verb holds the quote; ``who`` is the source and the
            # noun before it its antecedent (a restrictive ``that`` or ``which`` clause is
            # left alone: PolNeAR gives most of them to the sentence's subject)
            if not _restrictive_relative(toks, k):
                return h
            left = np_left(toks, k - 1, 0)
            if not left or not left[0] or not any(x.word for x in left[0]):
                return h
            return attrs.evolve(h, np=(t,), titles=tuple(left[0]))
        left = np_left(toks, k - 2, 0) if k >= 2 else None
        if not left or not left[0] or not any(x.word for x in left[0]):
            return h
        return attrs.evolve(h, np=(t,), titles=tuple(left[0]))
    return h


def _restrictive_relative(toks: list, k: int) -> bool:
    """Whether ``who`` at ``k``, with no comma before it, opens a restrictive relative clause
    with a verb of its own: a name or noun before it (no auxiliary, cue verb, lower-case past
    form or closed-class word) and a verb right after it (an auxiliary or modal, a cue, or a
    lower-case word ending in ``-ed`` or ``-s``; the modals are in ``FINITE``)."""
    if k < 1 or k + 1 >= len(toks):
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    p = prev.text.lower()
    if not prev.word or p in FINITE or p in STOP or prev.text.islower() and p.endswith("ed") or cue_at(toks, k - 1):
        return False
    n = nxt.text
    return nxt.word and n.islower() and (n in FINITE or n.endswith(("ed", "s")) or bool(cue_at(toks, k + 1)))


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
    if j >= len(words) or words[j] not in BE_FORMS:
        return False
    j += 1
    if j < len(words) and words[j] == "been":
        j += 1
    for _ in range(2):
        if j < len(words) and (words[j].endswith("ly") or words[j] in ("also", "later", "often", "once", "still")):
            j += 1
    # the quote follows the participle closely ("nicknamed “...”", "identified as “...”"); a
    # clause of its own between ("was suspended after slamming ... “refugees”") has its agent
    if not (j < len(words) and (words[j].endswith("ed") and len(words[j]) > 4 or words[j] in PARTICIPLES)):
        return False
    between = [t for t in toks[k + j + 1:] if not doc.in_quote(t.start)]
    return len(between) <= 2


@attrs.define
class _State:
    """What the pass through a document remembers: the resolver and the last attribution
    (for split quotes, follow-on paragraphs and pronouns)."""
    resolver: _discourse.Resolver
    last_entity: Optional[_discourse.Entity] = None
    last_att: Optional[Attribution] = None
    last_para: int = -1
    last_end: int = 0


def _attribution(doc: DocIndex, st: _State, h: Hit, rule: str):
    """Resolve the hit's speaker phrase and build the Attribution, with the confidence
    :data:`RULE_CONFIDENCE` gives the rule and the way its phrase was found (see
    :func:`confidence`)."""
    conf = rule_confidence(rule, h.rule)
    text = doc.text
    relative = None
    if len(h.np) == 1 and h.np[0].text in RELATIVES and h.titles:
        relative, h = h.np[0], attrs.evolve(h, np=h.titles, titles=())
    if h.rule == "nominal" and len(h.np) == 1:
        # "she escalated her attacks on": the possessive stands for the verb's subject
        owner = possessive_owner(doc, h.np[0].start, h.np[0].text)
        if owner is not None:
            h = attrs.evolve(h, np=owner)
    m = mn.read_mention(text, list(h.np))
    if m is not None and m.kind in ("description", "anonymous") and m.entity == "person":
        named = _named_appositive(doc, h, closed=h.rule != "cue-subject")
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
        owned = mn.read_mention(text, list(owner)) if owner is not None else None
        if owned is not None:
            relative, h = h.np[0], attrs.evolve(h, np=owner)
            m = owned
    if h.titles and m.kind == "name":
        appos = text[h.titles[0].start:h.titles[-1].end]
        m = attrs.evolve(m, titles=m.titles + (appos,))
    # (an unsure resolution is a guess at who "he" or "the official" is: see discourse.py)
    e, how, sure = st.resolver.resolution(m, m.start, prefer=st.last_entity)
    name = None
    sid = None
    if e is not None:
        st.resolver.add_mention(e, m)
        name, sid = e.name, e.id
    elif m.kind in ("group", "description") and m.entity in ("group", "organisation"):
        name = None
    conf = confidence(conf, how, name, sure or e is None)
    if relative is not None:
        # the words the attribution rests on are "who" or "which"; the speaker is its antecedent
        return Attribution(name, sid, relative.text, relative.start, relative.end, h.cue, h.cue_start, h.cue_end,
                           sys.intern(f"{rule}/{h.rule}/relative-{how}"), conf), e
    # (a rule string is one of a few dozen: one copy of each, not one per quote)
    return Attribution(name, sid, m.text, m.start, m.end, h.cue, h.cue_start, h.cue_end,
                       sys.intern(f"{rule}/{h.rule}/{how}"), conf), e


#: How sure an attribution is: the one table of every figure that makes an attribution's
#: confidence (the contract :mod:`quotecheck.findings` reads; see :func:`confidence`).
#: By where the speaker phrase was found (the rule's first part, or ``rule/how-found``
#: where one way of finding it is less sure than the rule's usual one): a cue with its
#: subject in the quote's sentence is sure; a speaker carried over from another sentence
#: or read from a sentence with no cue is a guess.  Then by how the phrase was resolved:
#: ``resolved`` multiplies a speaker reached through a pronoun, a description or an
#: organisation's noun (the resolver's reading, not words on the page: below the 0.8 that
#: means "named here"); ``guess`` caps one the discourse model was unsure of (another
#: person agrees too); ``abstained`` caps an attribution that names nobody.  Measured on
#: the first 640 articles of PolNeAR-train (speaker right, by rule): post and pre with a
#: name 0.96-0.98, split 0.99, colon-paragraph 0.88, subject 0.80, previous-sentence 0.79,
#: follow-on 0.74, previous-paragraph 0.61; measured again after the sentence's loosely read
#: subject became the last resort: subject/sentence-subject 0.85, subject/opening-subject 0.69,
#: follow-on 0.73, previous-paragraph 0.57.
RULE_CONFIDENCE = {
    # where the speaker phrase was found
    "post": 0.95, "post/dash-line": 0.8, "pre": 0.9, "split": 0.9,
    "colon-paragraph": 0.85, "colon-paragraph/colon-subject": 0.7, "reported": 0.85,
    "subject": 0.65, "subject/opening-subject": 0.6, "previous-sentence": 0.6, "previous-sentence/previous-subject": 0.55,
    "follow-on": 0.7, "previous-paragraph": 0.55,
    # how it was resolved
    "resolved": 0.75, "guess": 0.6, "abstained": 0.3,
}


def rule_confidence(rule: str, found: str = "") -> float:
    """The base confidence of a rule (``rule/found`` where the table has it, else ``rule``).

    >>> rule_confidence("post"), rule_confidence("post", "dash-line"), rule_confidence("pre", "colon")
    (0.95, 0.8, 0.9)
    """
    return RULE_CONFIDENCE.get(f"{rule}/{found}", RULE_CONFIDENCE[rule])


def confidence(base: float, how: str, speaker, sure: bool = True) -> float:
    """The confidence of an attribution (the contract the cross-source check reads):
    >= 0.8 when the speaker is a name in the quote's own sentence, next to its cue (or
    a split quote's other half); below that a guess (a resolved pronoun or description,
    capped at ``guess`` when the discourse model was not ``sure``, a speaker from another
    sentence); at most ``abstained`` when nobody is named (all from :data:`RULE_CONFIDENCE`).

    >>> confidence(0.95, "name", "Ann Lee"), confidence(0.95, "pronoun-previous-speaker", "Ann Lee")
    (0.95, 0.71)
    >>> confidence(0.95, "pronoun-latest-person", "Ann Lee", sure=False)
    0.45
    >>> confidence(0.9, "description-title", None)
    0.3
    """
    if speaker is None:
        c = round(min(base, RULE_CONFIDENCE["abstained"]), 2)
    else:
        if not sure:
            base = min(base, RULE_CONFIDENCE["guess"])
        c = round(base, 2) if how == "name" else round(base * RULE_CONFIDENCE["resolved"], 2)
    # a few dozen values: one float object each, not one per quote (24 bytes a quote)
    return _CONFIDENCES.setdefault(c, c)


_CONFIDENCES: dict = {}


#: How many tokens of a sentence :func:`_organisation_subject` reads: a subject opens within
#: a few dozen (after connectives, a dateline and two adverbials of at most 25 tokens each).
_OPENING_TOKENS = 256


def _opening_toks(doc: DocIndex, a: int, b: int) -> list:
    """The tokens of ``text[a:b]``, or at least its first :data:`_OPENING_TOKENS` when the
    stretch is longer: one long line read whole before each quote was a list of every
    token on it per quote (the memory and time of the line, per quote).  The window of
    characters doubles until it holds enough tokens, so it costs tokens, not characters."""
    width = 8 * _OPENING_TOKENS
    while a + width < b:
        toks = doc.toks(a, a + width)
        if len(toks) >= _OPENING_TOKENS:
            return toks
        width *= 2
    return doc.toks(a, b)


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
        toks = _opening_toks(doc, a, b)
        found = initial_subject(doc.text, toks)
        if found is None:
            continue
        m = mn.read_mention(doc.text, list(found[0]))
        if m is not None and m.kind in ("name", "description", "group") and m.entity in ("organisation", "group"):
            return tuple(found[0])
    return None


def _attribute_quote(doc: DocIndex, st: _State, idx: int, q: Quote):
    text = doc.text
    pi = doc.para(q.start)
    ps, pe = doc.para_span(pi)
    limit = post_limit(doc, q, ps, pe)
    # (a quote in a fronted clause with a speaker of its own: the cue after it is the main clause's)
    h = _quoted_after(doc, q, limit) or (None if in_fronted_clause(doc, q, ps) else post_hit(doc, q, limit))
    if h and not stray_phrase(h.np):
        return _attribution(doc, st, h, "post")
    # the quote ends its paragraph and the next line is a byline: "“...” / - President Obama"
    if blank(text, q.end, pe, " \u00a0.") and pi + 1 < len(doc.para_starts):
        ns, ne = doc.para_span(pi + 1)
        line = text[ns:ne]
        if len(line) < 80 and line[:1] in "―—–-":
            toks = doc.toks(ns, ne)
            if len(toks) > 1 and toks[1].cap:
                np = np_right(toks, 1, len(toks))
                if np:
                    return _attribution(doc, st, Hit(toks[0].start, toks[0].end, toks[0].text, "dash", "speech",
                                                      tuple(np), rule="dash-line"), "post")
    h = pre_hit(doc, q, ps)
    if h and not stray_phrase(h.np):
        return _clause_pronoun(doc, q, *_attribution(doc, st, h, "pre"))
    # the paragraph before ends "X said:" and this quote opens the paragraph
    if q.start - ps <= 1 and pi > 0:
        pps, ppe = doc.para_span(pi - 1)
        if text[pps:ppe].rstrip().endswith(":"):
            s0 = sentence_start(text, pps, ppe - 1)
            toks = doc.toks(s0, ppe)
            hits = [h for h in hits_in(doc, toks, 0, len(toks), outside=True) if not doc.in_quote(h.cue_start)]
            if hits:
                return _attribution(doc, st, hits[-1], "colon-paragraph")
            # "Mayor Lee released the following statement:", "19-year-old Ann Okafor agreed:":
            # a sentence that hands over to a quote paragraph with a colon introduces its
            # subject's words, whatever its verb
            found = initial_subject(text, toks) or _loose_subject(text, toks)
            # "Full text as follows:" is a heading, not a subject with its verb
            if found is not None and "as follows" not in text[s0:ppe].lower():
                np, v = found
                return _attribution(doc, st, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                                  rule="colon-subject"), "colon-paragraph")
    sent0 = sentence_start(text, ps, q.start, doc)
    lead = text[sent0:q.start].strip()
    # (a connective before the quote, "Instead, “...”", still leaves the quote the sentence)
    opens_sentence = not lead or lead in ("But", "And", "Still", "Yet", "So", "Then") or \
        lead.endswith(",") and lead[:-1] in CONNECTIVES
    h = _subject(doc, q, ps) if not opens_sentence else None
    if h:
        return _clause_pronoun(doc, q, *_attribution(doc, st, h, "subject"))
    # the rest of a split quote, or a later quote in the same paragraph as an attributed one
    if st.last_att is not None and st.last_para == pi and st.last_att.mention and \
            (opens_sentence or q.kind != "nested" and _opening_subject(doc, q, sent0) is None) and \
            not _speaker_between(doc, st.last_end, q.start):
        # (a quote inside a sentence that names nobody, "That makes her “...”", continues too;
        # not a quotation nested in another: the words someone else said, quoted by the speaker)
        # (as sure as the attribution it continues, never more: a guessed "he" stays a guess)
        return attrs.evolve(st.last_att, rule="split/" + st.last_att.rule.split("/")[-1],
                            confidence=min(st.last_att.confidence, RULE_CONFIDENCE["split"])), st.last_entity
    # "Ghazala Khan says she received a call. “She called me, ...”": the quote continues the
    # speaker of the sentence before it, in the same paragraph
    if opens_sentence and sent0 > ps:
        p0 = sentence_start(text, ps, sent0 - 1, doc)
        toks = doc.toks(p0, sent0)
        hits = [h for h in hits_in(doc, toks, 0, len(toks), outside=True)
                if not doc.in_quote(h.cue_start) and h.cls in ("speech", "according", "label")]
        if hits:
            return _attribution(doc, st, _main_hit(toks, hits), "previous-sentence")
        # "Sen. Bernie Sanders identified young voters' exhaustion as one reason. “The younger
        # people are ...”": no cue, but the sentence before has a subject, and the quote
        # opening the next one gives that person's words
        found = initial_subject(text, toks)
        if found is not None:
            np, v = found
            return _attribution(doc, st, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                              rule="previous-subject"), "previous-sentence")
    # follow-on: a quote paragraph continues the previous speaker unless someone else speaks between
    if st.last_att is not None and st.last_att.mention and pi - st.last_para <= 2 and \
            blank(text, ps, q.start) and \
            not _speaker_between(doc, st.last_end, q.start):
        return attrs.evolve(st.last_att, rule="follow-on",
                            confidence=min(st.last_att.confidence, RULE_CONFIDENCE["follow-on"])), st.last_entity
    h = _previous_paragraph(doc, q, pi, ps)
    if h:
        return _attribution(doc, st, h, "previous-paragraph")
    h = _opening_subject(doc, q, sent0) if not opens_sentence else None
    if h:
        return _clause_pronoun(doc, q, *_attribution(doc, st, h, "subject"))
    return NO_ATTRIBUTION, None  # the one record of "no attribution", not one per quote


def _quoted_after(doc: DocIndex, q: Quote, hi: int) -> Optional[Hit]:
    """``“...,” the paper quoted a witness as saying``: the sentence the quote opens hands it
    to the one a report quotes (rule ``quoted-as``, the object of "quoted"), not to the
    outlet; None when the quote ends its sentence or no such cue follows."""
    text = doc.text
    if not text[q.inner_end - 1:q.inner_end] in ",?!" and not text[q.end:q.end + 2].lstrip().startswith(","):
        return None
    end = sentence_end(text, q.end, hi, doc)
    seg = text[q.end:end]
    if "quot" not in seg and "cit" not in seg:
        return None  # (the usual case: no report of a report, no clause reading)
    toks = doc.toks(q.end, end)
    for h in iter_hits(doc, toks, 0, len(toks), outside=True):
        if h.rule == "quoted-as":
            return h
    return None


def _opening_subject(doc: DocIndex, q: Quote, sent0: int) -> Optional[Hit]:
    """The last resort for a quote inside a sentence that no rule attributes: the subject
    that opens the sentence, read loosely (:func:`subjects.opening_subject`: ``A group of
    writers this week published a letter about the “...”``), whose predicate holds the
    quote (rule ``opening-subject``); its verb stands for the cue."""
    toks = doc.toks(sent0, q.start)
    found = _loose_subject(doc.text, toks)
    if found is None or _passive(doc, toks, found[0]):
        return None  # (the subject of "is charged with “...”" did not say it)
    np, v = found
    return _relative_holds(doc, toks, Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np),
                                          rule="opening-subject"))


def _loose_subject(text: str, toks: list):
    """``(subject tokens, verb token)``: the subject :func:`subjects.opening_subject` reads
    loosely, and its verb (a finite or past form after it, else the first lower-case word,
    one that is no function word if there is one); None without either."""
    np = opening_subject(text, toks)
    if not np:
        return None
    k = token_index(toks, np[-1].start) + 1
    words = [t for t in toks[k:] if t.word and not t.cap]
    v = next((t for t in words if t.text in FINITE or t.text.endswith("ed")), None) or \
        next((t for t in words if t.text not in STOP), words[0] if words else None)
    return (np, v) if v is not None else None


#: The subject pronouns that can stand for a person named earlier in the sentence, by gender.
_CLAUSE_PRONOUNS = {"he": "m", "she": "f"}
#: Words that open a clause of its own inside a sentence (``..., but he gave``, ``even
#: though he found``): a pronoun after one is that clause's subject, not a reported one.
_CLAUSE_OPENERS = frozenset(("but", "and", "though", "although", "while", "when", "whereas", "yet", "as"))


def _clause_pronoun(doc: DocIndex, q: Quote, att: Attribution, ent):
    """``Lee said the talks had failed, but she called the offer “...”``, ``Lee said that
    was natural, no different, she said, from “...”``: the person named earlier in the
    sentence is the speaker, but the quote stands in a later clause of the sentence whose
    subject is ``he`` or ``she`` standing for that person (after a word that opens a clause,
    or in a parenthetical ``, she said,``): that pronoun is the mention the words rest on
    (PolNeAR marks the source in the quote's own clause), the speaker stays the resolved
    person (rule ``.../clause-pronoun``); else ``(att, ent)`` as given.  A pronoun in what a
    cue reports (``said that when he ...``) is not the clause's subject."""
    if ent is None or ent.kind != "person" or att.mention_end is None or att.mention_end > q.start or \
            not att.mention or att.mention.lower() in _CLAUSE_PRONOUNS or att.mention in RELATIVES:
        return att, ent
    toks = doc.toks(att.mention_end, q.start)
    outside = [t for t in toks if not doc.in_quote(t.start)]
    k = next((n for n in range(len(outside) - 1, -1, -1) if outside[n].text in _CLAUSE_PRONOUNS), None)
    if k is None:
        return att, ent
    t = outside[k]
    if ent.gender and ent.gender != _CLAUSE_PRONOUNS[t.text]:
        return att, ent
    if sum(x.word for x in outside[k + 1:]) > 12:
        return att, ent
    cue = cue_at(outside, k + 1) if k + 1 < len(outside) else None
    aside = k > 0 and outside[k - 1].text in (",", "”", '"') and cue is not None and \
        k + 1 + cue[0] < len(outside) and outside[k + 1 + cue[0]].text == ","
    # the opener begins the pronoun's clause: no comma and no cue between ("and says he voted
    # “...”": that "he" is the subject of what is said, the speaker's mention is the name)
    opened = False
    for j in range(k - 1, max(-1, k - 9), -1):
        x = outside[j]
        if x.text.lower() in _CLAUSE_OPENERS:
            opened = True
            break
        if not x.word or cue_at(outside, j) is not None:
            break
    if not (aside or opened and not any(x.text.lower() == "that" for x in outside[:k])):
        return att, ent
    return attrs.evolve(att, mention=t.text, mention_start=t.start, mention_end=t.end,
                        rule=sys.intern(att.rule + "-clause-pronoun")), ent


def _previous_paragraph(doc: DocIndex, q: Quote, pi: int, ps: int) -> Optional[Hit]:
    """A quote paragraph with no cue of its own, after a paragraph whose last sentence has
    someone speak (``Valastro praised Christie's leadership.`` / ``“We need someone ...”``):
    that speaker, the classic way news introduces a quote by paraphrase first."""
    text = doc.text
    if pi == 0 or not blank(text, ps, q.start):
        return None
    pps, ppe = doc.para_span(pi - 1)
    body = text[pps:ppe].rstrip()
    if not body or doc.in_quote(pps + len(body) - 1):
        return None  # the paragraph before ends in a quotation: its speaker is the follow-on's business
    s0 = sentence_start(text, pps, pps + len(body) - 1, doc)
    toks = doc.toks(s0, pps + len(body))
    hits = (h for h in iter_hits(doc, toks, 0, len(toks), outside=True)
            if not doc.in_quote(h.cue_start) and h.cls in ("speech", "according", "label"))
    first = next(hits, None)
    if first is not None:
        # (the rest of the sentence is read only when it may close with ", NP said.")
        return _main_hit(toks, [first, *hits]) if _ends_with_cue(toks) else first
    # "Jackson released a statement through the team on Tuesday." / "“Yesterday I was ...”":
    # no cue, but the sentence that hands over to the quote paragraph has its subject issue
    # something said or written, whose words these are (rule previous-paragraph-subject)
    found = initial_subject(text, toks) if _issues_text(toks) else None
    if found is not None:
        np, v = found
        return Hit(v.start, v.end, v.text, v.text.lower(), "subject", tuple(np), rule="previous-paragraph-subject")
    return None


def _ends_with_cue(toks: list) -> bool:
    """Whether the last word of ``toks`` (before a full stop) is a cue (``..., the ministry said.``)."""
    k = len(toks) - 1
    while k >= 0 and not toks[k].word:
        k -= 1
    return k > 0 and cue_at(toks, k) is not None


def _main_hit(toks: list, hits: list) -> Hit:
    """The cue of the sentence's main clause among ``hits``: a sentence closed by ``, NP
    said.`` is all the words of NP ("... received a call from the ship saying boats were
    firing, a ministry statement said"), whatever cue stands inside it; else the first.

    >>> from quotecheck.clauses import DocIndex
    >>> t = "The ship radioed the base saying it was hit, the ministry said."
    >>> d = DocIndex(t, ()); tk = d.toks(0, len(t))
    >>> _main_hit(tk, hits_in(d, tk, 0, len(tk))).np[-1].text
    'ministry'
    """
    last = hits[-1]
    if len(hits) > 1 and last.rule == "subject-cue" and last.cls == "speech":
        k = token_index(toks, last.np[0].start)
        e = token_index(toks, last.cue_start)
        tail = [t for t in toks[e + 1:] if t.word]
        if k > 0 and toks[k - 1].text == "," and not tail:
            return last
    return hits[0]


#: Things a speaker issues ("released a statement"), shared with the cue readers' "a
#: statement saying"; the verbs that issue them are own_sentence's ISSUING_VERBS.
_HANDED_OVER = lexicon.exact("attribution_documents.txt")


def _issues_text(toks: list) -> bool:
    """Whether a sentence has someone put out a text: an issuing verb with a document noun
    at most three words after it (``released a statement``, ``penned a letter``)."""
    for k, t in enumerate(toks):
        if t.text.lower() in ISSUING_VERBS and any(x.text in _HANDED_OVER for x in toks[k + 1:k + 4]):
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
    st = _State(_discourse.Resolver(text, ((q.start, q.end) for q in quotes)))
    # imported here: reported.py builds on this module's phrase readers
    from .reported import find_reported
    reported = find_reported(doc) if text else []
    # attribute speech quotes and reported speech in one pass in text order, so that pronouns
    # resolve against what came before
    events = _in_order(((q.start, 0, i) for i, q in enumerate(quotes)),
                       sorted((r[0][0][0], 1, j) for j, r in enumerate(reported)),
                       _ordered(q.start for q in quotes))
    out = list(quotes)
    extra: list = []
    # start * (len(text) + 1) + end -> index in extra: one reported item per stretch of
    # text (an int key, not a tuple of two: about 90 bytes less an item)
    at_span: dict = {}
    width = len(text) + 1
    reasons: dict = {}  # cue -> the reason of its reported items: one string per cue, not per item
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
                st.last_end = max(q.end, att.cue_end or 0, att.mention_end or 0)
                # the paragraph where the quote and its attribution end: a quotation run over
                # paragraphs ("“... / ...,” he said. “...”") is continued from its last one
                st.last_para = doc.para(st.last_end - 1)
        else:
            pieces, h, rule = reported[i]
            # (each item is read once: dropping it here frees its tokens and phrase before the
            # document's speakers are built, the peak of an organisation-heavy text)
            reported[i] = None
            owner = reported_subject(doc, h.np, h.cue_start, h.cue, pieces)
            if owner is not None:
                # ("Lee fired his chief, Bob Roe, acknowledging ...": the main clause's subject)
                # (a lone "who" read instead rests on its antecedent, as the cue rules' do)
                h = attrs.evolve(h, np=owner[0], titles=relative_antecedent(doc, owner[0]))
            att, ent = _attribution(doc, st, h, "reported")
            if owner is not None:
                # the rule names the reading that moved the phrase ("reported/main-clause-subject/name")
                att = attrs.evolve(att, rule=_reading_rule(att.rule, owner[1]))
            sender = document_sender(doc, h.np, h.cue_start, h.cue) if att.speaker is None else None
            if sender is not None:
                # ("The council approved a resolution condemning ...": a text whose author the
                # resolver does not find speaks for the subject that put it out, if that is
                # someone the resolver names)
                att2, ent2 = _attribution(doc, st, attrs.evolve(h, np=sender, titles=()), "reported")
                if att2.speaker is not None:
                    att, ent = attrs.evolve(att2, rule=_reading_rule(att2.rule, "document-sender")), ent2
            if ent is not None and ent.kind == "person" and ent.sure:
                st.last_entity = ent
            reason = reasons.get(h.cue)
            if reason is None:
                reason = reasons[h.cue] = f"reported speech: '{h.cue}' introduces a paraphrase"
            for a, b in pieces:
                item = Quote(a, b, text[a:b], a, b, REPORTED, marks="", rule=rule,
                             reason=reason, attribution=att)
                key = a * width + b
                k = at_span.get(key)
                if k is None:
                    at_span[key] = len(extra)
                    extra.append(item)
                elif extra[k].attribution.speaker is None and att.speaker is not None:
                    # two cues on one clause ("says he believes ..."): keep the first cue
                    # that names someone
                    extra[k] = item
    # the speakers first, then the resolver, the document index and the reported clauses
    # let go before the merged tuple is made (all of them alive at once was the peak of
    # extract on text naming someone every few words)
    speakers = st.resolver.speakers()
    del st, doc, reported, events, at_span
    return _merge(out, extra), speakers, ()


def _reading_rule(rule: str, reading: str) -> str:
    """``rule`` with its middle part (how the speaker phrase was found) replaced by the
    reading of :mod:`quotecheck.reported_speaker` that found it instead.

    >>> _reading_rule("reported/subject-cue/name", "main-clause-subject")
    'reported/main-clause-subject/name'
    """
    parts = rule.split("/")
    if len(parts) < 3:
        return rule
    return sys.intern("/".join([parts[0], reading] + parts[2:]))


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
