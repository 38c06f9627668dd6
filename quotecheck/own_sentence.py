"""Own sentence: the cue and speaker phrase of a quote in the sentence that holds it.

One job: find where a quote's own sentence names who said it, the first two places a reader
looks, for :mod:`quotecheck.attribution` (which owns the order of the rules, the resolution
of the phrase and the confidence): after the quote (:func:`post_hit`: ``“...,” he said``,
``“...,” said Ann Lee, 32``, a title run or a long subject between the quote and its cue, a
``― Name`` byline) and before it (:func:`pre_hit`: the sentence's first speech cue past an
opening clause, a pronoun that speaks again in a clause of its own, ``his comment that``,
``Name: “...”``, ``More from Name:``, then the named readers of :mod:`quotecheck.pre_readers`),
within the sentence's bounds (:func:`sentence_start`,
:func:`sentence_end`, :func:`post_limit`); a phrase that names nobody (:func:`stray_phrase`)
is left to the later rules.
"""
from __future__ import annotations

from typing import Optional

import attrs

from . import lexicon
from . import grammar_words as gw
from . import pre_readers
from . import text as _text
from .clauses import DQ_OPEN, REACH, DocIndex, Hit, clause_words, cue_at, cue_firsts, hits_in, iter_hits, np_left, \
    np_right
from .model import Quote
from .pre_readers import ISSUING_VERBS  # noqa: F401  (attribution reads it here)
from .phrases import RELATIVES, _can_speak as can_speak
from .speaker_lexicon import _DETERMINERS, _NOT_NAME, lexicon as speaker_lexicon
from .subjects import (_ADVERBS, _DOCUMENTS, CONNECTIVES, FINITE, OPENERS, STOP, clause_subject, initial_subject, opening_subject,
                       token_index)


def sentence_start(text: str, lo: int, pos: int, doc=None) -> int:
    """Start of the sentence holding ``pos``, looking no further back than ``lo`` nor than
    ``REACH`` characters (and, given ``doc``, never stopping at a full stop inside a
    quotation)."""
    lo = max(lo, pos - REACH)
    start = lo
    # the rule looks at the first character of the next sentence, so scan a little past pos
    # (given doc, the breaks found once for the document are looked up)
    hi = min(len(text), pos + 3)
    for _, nxt in (doc.breaks.within(lo, hi) if doc is not None else _text.sentence_breaks(text, lo, hi)):
        if nxt > pos:
            break
        if doc is None or not doc.in_quote(nxt - 1):
            start = nxt
    return start


def sentence_end(text: str, pos: int, hi: int, doc=None) -> int:
    """End of the sentence holding ``pos`` (after its final mark), no further than ``hi`` nor
    than ``REACH`` characters (given ``doc``, from its breaks found once)."""
    hi = min(hi, pos + REACH)
    if doc is not None:
        found = doc.breaks.within(pos, hi)
        return found[0][0] if found else hi
    return next((end for end, _ in _text.sentence_breaks(text, pos, hi)), hi)


def blank(text: str, a: int, b: int, chars: str = "") -> bool:
    """Whether ``text[a:b]`` holds only white space (and ``chars``), read from ``a`` only as
    far as the first other character: a paragraph can be a whole article on one line, and
    slicing it for every quote on it would be quadratic.

    >>> blank("ab  .  c", 2, 7, "."), blank("ab  .  c", 2, 8)
    (True, False)
    """
    i = a
    while i < b and (text[i].isspace() or text[i] in chars):
        i += 1
    return i >= b


# --- attributing quotes --------------------------------------------------------------------

def post_hit(doc: DocIndex, q: Quote, hi: int) -> Optional[Hit]:
    """The attribution after a quote in its sentence (``“...,” he said``)."""
    text = doc.text
    ends_sentence = q.inner_end > q.inner_start and text[q.inner_end - 1] in ".!?…" and \
        not text[q.end:q.end + 3].lstrip(" ").startswith(",")
    after = q.end
    while after < len(text) and after - q.end < 2 and text[after] in "'’" and text[after - 1] in "'’":
        after += 1  # (''I would use the word 'old-school,''' said Lee: the close of a nested quote)
    end = sentence_end(text, after, hi, doc)
    toks = doc.toks(after, end)
    if not toks:
        return None
    if ends_sentence and toks[0].cap:
        # a new sentence: only a bare attribution clause (“...?” Trump asked.) belongs to the quote,
        # and none to a quote its own sentence introduces ("..., saying, “...” The crowd cheers")
        if _introduced(doc, q):
            return None
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
    first = True
    for h in iter_hits(doc, toks, 0, len(toks), outside=True):
        if h.cls == "thought" or doc.in_quote(h.cue_start):
            continue
        k = token_index(toks, h.np[0].start) if h.rule == "subject-cue" else token_index(toks, h.cue_start)
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
        if k == 0 or toks[k - 1].text in (",", "—", "–", "--", ";") or (h.rule == "according-to") or \
                _after_closed_quote(toks, k):
            return h  # right after the quote, a comma, or a later quote of the sentence
        if first and h.rule == "subject-cue" and h.cls == "speech" and text[q.inner_end - 1:q.inner_end] in ",?!" \
                and _opens_sentence(doc, q):
            # the phrase read leftwards from the cue stops inside a subject too long for it
            long_np = _long_post_subject(text, toks, token_index(toks, h.cue_start))
            if long_np is not None:
                return attrs.evolve(h, np=long_np, titles=())
        first = False
    if first and text[q.inner_end - 1:q.inner_end] in ",?!" and _opens_sentence(doc, q):
        # no phrase read leftwards from the cue names anyone: the subject may still be one
        # too long for that reader (a name with a relative clause, two names with a place)
        return _long_subject_hit(doc, toks)
    return None


def _after_closed_quote(toks: list, k: int) -> bool:
    """Whether ``toks[k]`` follows a later quote of the sentence closed by a comma, ``?`` or
    ``!`` (``“...” are “not out to bash gays,” he said``), its close one mark or the doubled
    apostrophes some outlets print for one (``''...,'' he said``)."""
    j = k - 1
    while j >= 0 and k - j <= 2 and toks[j].text in ("”", '"', "’", "'", "''"):
        j -= 1
    return j < k - 1 and j >= 0 and toks[j].text in (",", "?", "!")


def _long_subject_hit(doc: DocIndex, toks: list) -> Optional[Hit]:
    """``“...,” Ann Lee, the pollster who founded the site, tweeted``, ``“...,” experts Ann
    Lee and Tom Ash of the Acme Institute wrote``: the first speech cue after the quote whose
    subject, opening right after the quote, :func:`_long_post_subject` reads; else None."""
    for i, t in enumerate(toks[:40]):
        if t.text in (".", ";", ":") or doc.in_quote(t.start):
            return None
        c = cue_at(toks, i) if t.text in cue_firsts() else None
        if not c or c[2] != "speech":
            continue
        long_np = _long_post_subject(doc.text, toks, i)
        if long_np is None:
            return None
        n, lemma, cls = c
        return Hit(t.start, toks[i + n - 1].end, doc.text[t.start:toks[i + n - 1].end], lemma, cls, long_np,
                   rule="subject-cue")
    return None


def _introduced(doc: DocIndex, q: Quote) -> bool:
    """Whether a speech cue and a comma or colon stand right before the quote in its
    sentence (``Trump appears in a clip, saying, “...”``, ``Lee said: “...”``), or with a
    few words between (``a White House official said Wednesday, “...”``): the quote's
    sentence then has its speaker, and a capitalised sentence after the quote is a new one
    (``The aide declined to specify ...``), not its attribution."""
    text = doc.text
    lead = text[max(0, q.start - 40):q.start].rstrip()
    if not lead.endswith((",", ":")):
        return False
    toks = doc.toks(max(0, q.start - 40), q.start)
    if len(toks) < 2 or toks[-1].text not in (",", ":"):
        return False
    c = cue_at(toks, len(toks) - 2)
    if c is not None and c[2] in ("speech", "post"):
        return True
    # "said Wednesday, “...”", "said in a statement: “...”", "told reporters, “...”": a
    # speech cue with an adjunct or object of at most four words before the comma or colon
    for k in range(len(toks) - 3, max(0, len(toks) - 7), -1):
        if not toks[k + 1].word or doc.in_quote(toks[k + 1].start):
            return False
        c = cue_at(toks, k) if toks[k].text in cue_firsts() else None
        if c is not None:
            return c[2] == "speech" and k + c[0] < len(toks) - 1
    return False


#: Words that never end a speaker phrase: a preposition or conjunction left dangling, a
#: time word after a number ("two weeks ago").
_DANGLING = frozenset({"ago", "for", "of", "to", "in", "on", "at", "with", "and", "or", "but", "that"})


def stray_phrase(np: tuple) -> bool:
    """Whether a speaker phrase is a stretch of words no speaker is named by: one that opens
    with a preposition (``in the past``) or ends on a word that leaves it unfinished (``Signs
    of``, ``two weeks ago``).  Such a phrase is a misreading of the words before the cue;
    the quote is left to the rules that come after (its sentence's subject, the speaker
    before).

    >>> from quotecheck.words import tokens
    >>> stray_phrase(tuple(tokens("in the past"))), stray_phrase(tuple(tokens("the ad")))
    (True, False)
    """
    if not np or len(np) == 1 and np[0].text in RELATIVES:
        return False  # ("bottles that said": the relative pronoun stands for its antecedent)
    first, last = np[0].text, np[-1].text.lower()
    return first in _OPENING_PREPS or last in _DANGLING


#: Prepositions that open an adverbial, never a speaker phrase (lower case as written).
_OPENING_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "since", "for", "with", "given",
                            "about", "from", "into", "over", "under"})


def _opens_sentence(doc: DocIndex, q: Quote) -> bool:
    """Whether nothing but a colon's lead-in stands before the quote in its sentence (so a
    comma closing it closes the quotation, not a subordinate clause holding it)."""
    lead = doc.text[sentence_start(doc.text, 0, q.start, doc):q.start].strip()
    return not lead or lead.endswith(":")


def _long_post_subject(text: str, toks: list, ci: int):
    """``“...,” Ann Lee, a professor of law at the state university who studies courts,
    said``: a subject too long for the phrase read leftwards from the cue, that opens right
    after the quote and runs to the cue at ``ci`` with no verb of its own outside a relative
    clause; its tokens (read as :func:`subjects.opening_subject` reads), else None."""
    k = 1 if toks and toks[0].text == "," else 0
    np = opening_subject(text, toks[k:ci])
    if not np or np[0].start != toks[k].start:
        return None
    rest = toks[token_index(toks, np[-1].end):ci]
    relative = False
    for t in rest:
        low = t.text.lower()
        if low in ("who", "which", "that"):
            relative = True
        elif not relative and (low in FINITE or cue_at(toks, token_index(toks, t.start))):
            return None
    return tuple(np)


def post_limit(doc: DocIndex, q: Quote, ps: int, pe: int) -> int:
    """How far the attribution after a quote may reach: the end of its paragraph, or, for a
    quotation that opens its sentence and runs over several (news copy with a line per
    sentence), the end of the paragraph where it closes: ``“Mission accomplished. / That's
    all I can say,” Arians said.``  (rule ``multi-paragraph``; a quote that opens mid-sentence
    and closes paragraphs later is more often two quotes paired wrongly.)"""
    if q.end - 1 <= pe or doc.text[sentence_start(doc.text, ps, q.start, doc):q.start].strip():
        return pe
    return doc.para_span(doc.para(q.end - 1))[1]


def _lowercase_title_run(toks: list, h: Hit) -> bool:
    """Whether the words between the quote (and an optional comma) and the first capital of
    the hit's speaker phrase are lower-case words describing the name, ending in a title or
    an organisation noun (rule ``title-run``)."""
    lex = speaker_lexicon()
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


def _governing_clause(toks: list, first: Hit, h: Hit) -> bool:
    """Whether ``h``, a cue between the sentence's first speech cue and the one nearest the
    quote, opens a clause of its own whose speaker governs what follows (``Lee said voters
    worry after Ash told her he thinks it is “...”``: Ash).  All of: a speech or label cue
    with its subject read before it; the sentence's first cue no ``according to`` (a source
    for the whole sentence); a named or described subject, not a relative ``who`` or
    ``which``; a coordinating or adverbial word right before that subject (a comma,
    semicolon or dash there is no clause word of its own); a subject in a clause of its own
    (:func:`_own_clause`); and no comma, semicolon or dash after its cue (which closes a
    fronted clause: ``when X said ..., Y yelled``).  Cases: ``tests/cases/clauses.tsv``."""
    if h.cls not in ("speech", "label") or h.rule != "subject-cue" or first.rule == "according-to":
        return False
    if h.np[0].text in RELATIVES:
        return False
    before = _before(toks, h.np[0].start)
    if before not in _OWN_CLAUSE or before in (",", ";", "—", "–") or not _own_clause(toks, first, h):
        return False
    return not any(t.text in (",", ";", "—", "–") for t in toks[token_index(toks, h.cue_start):])


def pre_hit(doc: DocIndex, q: Quote, lo: int) -> Optional[Hit]:
    """The attribution before a quote in its sentence (``Putin said: “...”``), as the
    readers of :mod:`quotecheck.pre_readers` may correct it (a text someone puts out speaks
    for its sender; a poll that opens the sentence speaks for the share it counts)."""
    h = _pre_hit(doc, q, lo)
    if h is None or h.rule != "subject-cue" or not h.np:
        return h
    toks = doc.toks(sentence_start(doc.text, lo, q.start, doc), q.start)
    for _name, reader in pre_readers.READERS:
        found = reader(doc, toks, h)
        if found is not None:
            return found
    return h


def _pre_hit(doc: DocIndex, q: Quote, lo: int) -> Optional[Hit]:
    start = sentence_start(doc.text, lo, q.start, doc)
    toks = doc.toks(start, q.start)
    hits = hits_in(doc, toks, 0, len(toks), loose=False, outside=True)
    # the speaker's own clause, nearest the quote; a cue inside a reported clause of someone
    # else's is still the nearest speaker, which is what journalists mean
    # a post-only verb ("chanted", "sings", "reads") counts here only right before the quote
    hits = [h for h in hits if not doc.in_quote(h.cue_start) and (
        h.cls != "post" or not doc.text[h.cue_end:q.start].strip(" \u00a0:,"))]
    lead = 1 if len(toks) > 1 and toks[0].text in CONNECTIVES else 0
    if len(toks) > lead and (toks[lead].text in OPENERS or toks[lead].text.lower() in ("when", "after", "as",
                                                                                       "while", "if")):
        comma = next((t.start for t in toks if t.text == ","), None)
        if comma is not None and any(h.cue_start > comma for h in hits):
            hits = [h for h in hits if h.cue_start > comma]
        elif comma is not None and hits and toks[lead].text != "As" and initial_subject(doc.text, toks) is not None:
            # "With Democratic leaders increasingly worried about ..., President Obama is rolling
            # out a new message: “...”": the cue is the opener's; the main clause has a subject
            # ("As The Post's Ruth Marcus puts it, ..." is a source, like "according to")
            hits = []
        elif hits:
            hits = hits[-1:]  # no comma closes the opener: the cue nearest the quote
    inverted = _inverted_aside(toks)
    if inverted is not None:
        return inverted
    owned = _possessive_noun(toks)
    if owned is not None and not any(h.cue_start > owned.cue_start for h in hits):
        return owned  # "Trump stood by his comment that “...”": nearer the quote than any cue
    if not hits:
        return _colon(doc, toks) or _fronted_participle(doc, q, toks)
    if len(toks) >= 3 and toks[-1].text == ":" and any(t.text in ("-", "–", "—") for t in toks[-6:-2]):
        # "Pollsters agree - Carl Bialik: “...”": a headline, a spaced dash and the source
        dashed = _colon(doc, toks)
        if dashed is not None and dashed.np[0].start > max(h.cue_end for h in hits):
            return dashed
    main = _relative_pronoun_subject(doc, toks, hits[-1])
    if main is not None and all(h.np[0].start == main.np[0].start for h in hits[:-1]):
        return main  # the other cues, if any, are the main clause's own ("denounced what he called")
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
    # "X is assuring voters ... after a woman in Akron told him she worries he's “...”": the
    # nearest cue sits in the reported clause of an earlier one that opens a clause of its own
    # (after a subordinator or coordinator): that clause's speaker governs what follows
    k = len(hits) - 2
    while k >= 0 and hits[k] is not first:
        if _governing_clause(toks, first, hits[k]):
            return hits[k]
        k -= 1
    return first


#: Pronouns that speak inside a relative clause on the main clause's object ("what he called").
_RELATIVE_SPEAKERS = gw.SPEAKER_PRONOUNS


def _relative_pronoun_subject(doc: DocIndex, toks: list, h: Hit) -> Optional[Hit]:
    """``The president denounced what he called the “...” vision``, ``Abbas delivered a plea
    to stop the operation, which he described as a “catastrophe”``, ``supporters planning
    protests against what they call the “...” nomination``: the only cue before the quote has
    a bare pronoun subject in a ``what`` or ``which`` clause (a label cue: ``called``,
    ``described as``; not ``in which he says``, ``which she said``), and the sentence's own subject
    (a name or a description that can speak, not a document or a thing) is who that pronoun
    is; the hit with that subject as its phrase (rule ``relative-pronoun``), else None.
    PolNeAR and ECB+ mark the sentence's subject, not the pronoun, as the source."""
    if h.cls != "label" or h.rule != "subject-cue" or len(h.np) != 1 or \
            h.np[0].text.lower() not in _RELATIVE_SPEAKERS:
        return None
    k = token_index(toks, h.np[0].start)
    if k < 2 or toks[k - 1].text.lower() not in ("what", "which") or toks[k - 2].text.islower() and \
            toks[k - 2].text.isalpha() and toks[k - 1].text.lower() == "which":
        return None  # ("an ad, in which he says": the ad's words; "which she said": a report)
    found = clause_subject(doc.text, toks[:k - 1])
    if found is None:
        return None
    np = tuple(found[0])
    words = [t for t in np if t.word]
    if not words or words[0].text.lower() in _RELATIVE_SPEAKERS or words[-1].text.lower() in _DETERMINERS:
        return None
    head = words[-1].text
    if head.islower() and (not can_speak(head.lower()) or head.lower() in _DOCUMENTS):
        return None
    return attrs.evolve(h, np=np, rule="relative-pronoun")


#: Subordinators that open a fronted clause ("When X shouted “...”, Y joked").
_SUBORDINATORS = gw.SUBORDINATORS


def in_fronted_clause(doc: DocIndex, q: Quote, lo: int) -> bool:
    """Whether the quote stands in a subordinate clause that opens its sentence and has a
    speaker of its own before the quote (``When someone in the audience shouted, “...,” Lee
    joked``, ``After Ash said that students might do better at “...,” Lee said``, ``Though he
    said it brought in a “...” of newcomers, Lee said``): the cue after the quote belongs to
    the main clause, not to the quote, whose source is the clause's own speaker
    (:func:`pre_hit`).  The clause is open at the quote: no comma, semicolon or colon outside
    quotations between its first word and the quote."""
    start = sentence_start(doc.text, lo, q.start, doc)
    toks = doc.toks(start, q.start)
    k = 0
    while k < len(toks) and toks[k].text in CONNECTIVES:
        k += 1
    if k + 2 >= len(toks) or toks[k].text.lower() not in _SUBORDINATORS:
        return False
    inner = [t for t in toks[k + 1:] if not doc.in_quote(t.start)]
    if any(t.text in (";", ":") or t.text == "," and t is not inner[-1] for t in inner):
        return False  # (a comma right before the quote only introduces it: "shouted, “...”")
    return any(h.cls == "speech" and h.rule == "subject-cue" and not doc.in_quote(h.cue_start)
               for h in hits_in(doc, toks, k + 1, len(toks), loose=False, outside=True))


def _inverted_aside(toks: list) -> Optional[Hit]:
    """``For now, says Ann Lee, “...”``, ``..., explained Rosenberg, “...”``: an inverted cue
    in commas (or before a colon) right before the quote, its speaker a capitalised name of at
    most four words (rule ``inverted-aside``); not ``told`` or ``asked``, whose object is the
    hearer; else None.

    >>> from quotecheck.words import tokens
    >>> [t.text for t in _inverted_aside(tokens("For now, says Ann Lee,")).np]
    ['Ann', 'Lee']
    """
    n = len(toks)
    if n < 4 or toks[-1].text not in (",", ":"):
        return None
    k = n - 2
    while k > 0 and toks[k].cap and n - 2 - k < 4:
        k -= 1
    if k < 1 or k == n - 2 or toks[k - 1].text != "," or not toks[k].text.islower():
        return None
    c = cue_at(toks, k)
    if not c or c[0] != 1 or c[2] != "speech" or c[1] in ("tell", "ask"):
        return None
    np = np_right(toks, k + 1, n - 1)
    if not np or np[-1].end != toks[n - 2].end:
        return None
    return Hit(toks[k].start, toks[k].end, toks[k].text, c[1], c[2], tuple(np), rule="inverted-aside")


#: Words that open a participle's clause at the head of a sentence ("While denouncing ...,",
#: "In declaring ...,", "After calling ...,").
_FRONTING = frozenset({"while", "after", "before", "in", "by", "since", "when", "despite", "upon", "on"})


def _fronted_participle(doc: DocIndex, q: Quote, toks: list) -> Optional[Hit]:
    """``After calling the plan “a disaster,” Lee voted for it``, ``But while denouncing the
    “perversion” of ..., she has not``: a quote inside a participle's clause that opens the
    sentence (``toks``, from the sentence start to the quote) is said by the subject of the
    main clause after that clause closes (a participle has no subject of its own; rule
    ``fronted-participle``).  The clause closes with the quote's own comma or the first comma
    after it; None when no cue participle opens the sentence or no subject follows."""
    k = 0
    while k < len(toks) and toks[k].text in CONNECTIVES:
        k += 1
    if k + 1 >= len(toks) or toks[k].text.lower() not in _FRONTING:
        return None
    k += 1
    if toks[k].text.endswith("ly") and toks[k].text.islower() and k + 1 < len(toks):
        k += 1  # "After repeatedly calling"
    if not (toks[k].text.endswith("ing") and toks[k].text.islower()):
        return None
    # the cue is the participle or one inside its clause ("After spending the week
    # bickering over whether ... “...”")
    k = next((n for n in range(len(toks) - 1, k - 1, -1) if not doc.in_quote(toks[n].start) and
              toks[n].text.endswith("ing") and cue_at(toks, n)), -1)
    c = cue_at(toks, k) if k >= 0 else None
    if not c or any(t.text in (",", ";", ":") for t in toks[k + 1:] if not doc.in_quote(t.start)):
        return None
    text = doc.text
    end = sentence_end(text, q.end, min(len(text), q.end + 600), doc)
    rest = doc.toks(q.end, end)
    if text[q.inner_end - 1:q.inner_end] != ",":
        comma = next((n for n, t in enumerate(rest) if t.text == "," and not doc.in_quote(t.start)), None)
        if comma is None:
            return None
        rest = rest[comma + 1:]
    np = list(opening_subject(text, rest) or ())
    while np and (np[-1].text in _ADVERBS or np[-1].text.endswith("ly") and np[-1].text.islower()):
        np.pop()  # "the pope again demonstrated"
    if not np:
        return None
    n, lemma, cls = c
    cue = toks[k:k + n]
    return Hit(cue[0].start, cue[-1].end, text[cue[0].start:cue[-1].end], lemma, cls, tuple(np),
               rule="fronted-participle")


#: Nouns for words someone said, whose possessor is their source ("his comment that",
#: "Clinton's response was:", "in Forbes' words,").
_SAID_NOUNS = lexicon.words("attribution_said_nouns.txt")
_POSSESSIVE_PRONOUNS = gw.POSSESSIVES - {"its", "your"}  # a person's words, in the reporter's voice


#: Prepositions that open an adjunct between a noun for something said and its content ("her
#: assertion during the debate that", "his remarks before the committee that").
_ADJUNCT_PREPS = frozenset({"during", "before", "at", "on", "in", "to", "from", "after", "about"})


def _adjunct_then_content(rest: list) -> bool:
    """Whether the words after a said-noun (lower-cased, up to the quote) are a short
    prepositional adjunct of at most six words, then ``that`` or a colon right before the
    quote: ``her assertion during the debate that “...”``.

    >>> _adjunct_then_content(["during", "the", "debate", "that"]), _adjunct_then_content(["about", "it", "and"])
    (True, False)
    """
    return 3 <= len(rest) <= 8 and rest[0] in _ADJUNCT_PREPS and rest[-1] in ("that", ":") and \
        all(w.isalnum() or "-" in w or w in ("'s", "’s") for w in rest[1:-1])


def _possessive_noun(toks: list) -> Optional[Hit]:
    """A noun for something said, with its possessor, right before the quote, which is its
    content: ``his comment Monday that “...”``, ``Donald Trump’s claim that Obama “founded
    ISIS,”``, ``Clinton’s response was: “...”``, ``in Forbes’ words, “...”``.  Between the noun
    and the quote at most a few words, and the content opens with ``that``, a colon, a comma,
    a dash, an infinitive (``his promise to “...”``, ``his calls to end the “...”``) or the
    quote itself (``Trump's comments about the judge were “...”`` is a description of them,
    not them)."""
    n = len(toks)
    for k in range(n - 1, max(-1, n - 12), -1):
        if toks[k].text.lower() not in _SAID_NOUNS or toks[k].cap:
            continue
        rest = [t.text.lower() for t in toks[k + 1:]]
        opens = ("that", ":", ",", "—", "–", "to")
        # the content opens right after the noun, or after one adjunct word ("his comment
        # Monday that") or a copula ("Clinton's response was:"); a noun the quote only
        # describes ("said Trump's comments “are ...”") has no such opening
        if not (rest and len(rest) <= 7 and (rest[0] in opens or rest[1:2] and rest[1] in opens or
                                             rest[0] in ("was", "is") and rest[1:2] and rest[1] in (":", "that")) or
                _adjunct_then_content(rest)) or \
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
                while q - 1 >= 0 and p - q < 5 and toks[q - 1].cap and toks[q - 1].text not in _NOT_NAME:
                    q -= 1
                return Hit(toks[k].start, toks[k].end, toks[k].text, low, "speech", tuple(toks[q:p + 1]),
                            rule="possessive-noun")
            if not t.word or t.text.lower() in STOP or t.text.lower() in _DETERMINERS:
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
    if left and k > 0 and toks[k - 1].text.lower() == "from" and _heading_from(toks, k - 1):
        # "More from Ann Lee: “...”", "From the report: “...”": a heading that hands over to
        # someone's or some document's words names their source after "from"
        return Hit(c.start, c.end, ":", ":", "speech", tuple(left[0]), rule="colon-from")
    if left and k > 0 and toks[k - 1].text in _PREPOSITIONS:
        # "McConnell delivered a blunt message to Trump:", "ended her speech by quoting da
        # Vinci in Italian:": the phrase before the colon is an object; the clause's subject
        # introduces the quote
        found = clause_subject(doc.text, toks[:k])
        if found is None:
            return None
        return Hit(c.start, c.end, ":", ":", "speech", tuple(found[0]), rule="colon-subject")
    if not left or not any(t.cap for t in left[0]) and left[0][0].text.lower() not in speaker_lexicon().pronouns:
        return None
    return Hit(c.start, c.end, ":", ":", "speech", tuple(left[0]), tuple(left[1]), rule="colon")


def _heading_from(toks: list, k: int) -> bool:
    """Whether the ``from`` at ``k`` opens a verbless heading: at most two words (``More``,
    ``And more``) between it and the start of the stretch, a dash or a colon.

    >>> from quotecheck.words import tokens
    >>> _heading_from(tokens("More from Lee"), 1), _heading_from(tokens("He took it from Lee"), 3)
    (True, False)
    """
    n = 0
    for t in toks[:k][::-1]:  # (not reversed(): mypyc 2.4 fails on reversed() of a list of Any)
        if t.text in ("-", "—", "–", "--", ":", ".", "•"):
            break
        if n >= 2 or t.text.lower() in FINITE or t.text.lower() in speaker_lexicon().pronouns:
            return False
        n += 1
    return True
