"""Reported (indirect) speech: where a text paraphrases what someone said, thought or found.

One job: find the stretches of reported speech in a document and the cue and subject phrase
each rests on (:func:`find_reported`); :func:`quotecheck.attribution.attribute` resolves the
speaker phrases and merges these items with the quotes.  This module scans for cue words and
reads the cue table's frames; :mod:`quotecheck.reported_frames` reads the reporting
lexicon's frames and shapes every content span; :mod:`quotecheck.reported_lexicon` holds the
lexicon and the token readers around a verb; :mod:`quotecheck.reported_according` reads
``according to`` and the content on both sides of an attribution in commas.

Every cue word outside quotations is read where it stands, first as the cue table
(``data/cues.tsv``) reads it (``X said (that) ...``, ``..., X said.``, ``according to X,
...``, ``X, pointing out that ...``, ``A, X said, B``, ``X ... and said ...``), then through
the attribution lexicon in the PARC sense:

- ``data/reported_verbs.tsv``: speech, belief, intention, stance and evidence verbs with the
  complement frames each takes (``believes that``, ``wants to``, ``has called for``,
  ``endorsed Clinton``, ``polls show``), and adjectives of belief after a copula (``is
  confident that``);
- ``data/reported_nouns.tsv``: nouns after a possessive (``Trump's criticism of``);
- ``data/reported_homographs.txt``: verb forms that are as often nouns, which need a name,
  pronoun or role as subject.

The content is what the frame takes, shaped as PolNeAR annotates it (a clause to the end of
its sentence less a tail attribution or a new clause; an object to the end of its phrase);
quoted parts are cut out of it (a mixed quote keeps both).  Every look is bounded by the
sentence (600 characters), so the scan stays linear.
"""
from __future__ import annotations

import functools
import re as _re

import attrs
import regex

from . import lexicon
from .lexicon import trie_pattern as _trie
from . import reported_broad
from . import grammar_words as gw
from . import speaker_lexicon as sl
from . import words as wd
from .clauses import DQ_OPEN, REACH, DocIndex, Hit, cue_at, cues, noun_use, np_left, np_right
from .subjects import FINITE, OPENERS, WEEKDAYS, initial_subject, token_index
from .reported_lexicon import (_cue_words, headline_caps, _loose_subject, left_of, _DETERMINERS, _GERUND_PREPS,
                               _NOT_CLAUSE, _NOT_SUBJECT_END, _object_then_to, _states, _verb_reading, gerund_clause,
                               homographs, nouns, short_answer, skip_left, skip_said_adjunct, verbs)
from .reported_content import _clause_end, _content, _trim, gap_rest
from .reported_frames import (_BE, _CHAIN, _GROUP_PREV, _NEG_ENDS, _NEGATIONS, _broad_at, _by_manner, _carried,
                              _finite_soon, group_at, _latest_subject, group_adverb, _nominal_at,
                              _relative_head, _skip_object, reduced_hint, that_fallback, relative_before)
from .reported_according import according_at, aside_comma, both_sides
from .reported_passive import passive_at, passive_hint
from .reported_labels import colon_labels
from .reported_headline import headline_items
from .reported_tail import tail_end, tail_subject
from .reported_end import split_predicate
from .reported_fallback import clause_soon, document_fallback, document_subject, possessive_clause
from .reported_hearer import MANNER_PREPS
from .reported_far_said import far_said
from .reported_nested import nested_item
from .reported_gerund import prep_gerund_at
from .reported_refusals import refusal, without_title
from .reported_relative import relative_after, relative_piece
from .reported_segments import view_items

#: Endings of a past participle (``endorsed``, ``seen``, ``known``, ``backed``): only these
#: are looked at as a passive.
_PARTICIPLE_ENDS = frozenset({"ed", "en", "wn", "id", "ld", "ht", "de", "ne", "un", "ok", "lt"})


@functools.lru_cache(maxsize=1)
def _next_words() -> dict:
    """Cue word -> the words one of its readings needs right after it, for the words that
    only start longer cues (``was`` only in ``was quoted as saying``, ``fire`` only in
    ``fire back``) or are only nouns of the reporting lexicon (``statement`` only in
    ``statement that``, ``on``, ...: :func:`_nominal_at` reads nothing else): a word not
    followed by one of them has no reading, which a look at the next few characters tells
    before any tokenising."""
    out: dict = {}
    for w in _cue_words():
        need: set = set()
        for words, _, _ in cues().get("according" if w == "According" else w, ()):
            need.add(words[1] if len(words) > 1 else None)
        for rest, _, _, _ in verbs().get(w, ()):
            need.add(rest[0] if rest else None)
        # a noun is read only with one of its frame words right after it (``his claim that``)
        need.update(nouns().get(w, ()))
        if "that" in nouns().get(w, ()):
            need.update(_COPULA_STARTS)  # "his argument is that ..." (reported_frames._nominal_at)
        if need and None not in need:
            out[w] = tuple(sorted(need))
    return out


#: The words a copula after a noun may start with (``is``, ``has long been``).
_COPULA_STARTS = ("is", "was", "has", "had", "have", "long", "always", "remains", "remained", "still", "now",
                  "simply")


def _followed_by(text: str, end: int, words: tuple) -> bool:
    """Whether the next word after ``end`` may be one of ``words`` (lower case): the first
    characters after the white space, lowered, start with it.  Never false when a token
    reading would find it (tokens split at a subset of the spaces ``str.lstrip`` skips)."""
    nxt = text[end:end + 40].lstrip()[:16].lower()
    if nxt.startswith(words):
        return True
    # "spoke highly of", "talked at length about": a manner adverb before the particle
    # (reported_lexicon._verb_at reads it); the next word tells, before any further split
    first = nxt.split(None, 1)[0] if nxt else ""
    if not (first.endswith("ly") or first == "at"):
        return False
    w = text[end:end + 60].split(None, 3)
    if len(w) > 1 and w[0].endswith("ly") and w[0].islower():
        return w[1].lower().startswith(words)
    return len(w) > 2 and w[0] == "at" and w[1] == "length" and w[2].lower().startswith(words)


@functools.lru_cache(maxsize=1)
def _cue_scanner():
    """Every cue word as a whole word, in one standard-library pattern (its C loop is the
    fastest scan there is for this).  A look at the first letter comes before the trie: at a
    word that starts with no cue's letter one set test fails, not each branch in turn."""
    words = sorted(_cue_words())
    firsts = "".join(sorted({w[0] for w in words}))
    return _re.compile(r"\b(?=[" + _re.escape(firsts) + "])" + _trie(words) + r"\b")


def _cue_positions(text: str, spans=None) -> list:
    """``(start, word)`` of every cue word in ``text`` (whole words only), in text order;
    given ``spans``, only the cue words that start inside one of them (what the whole scan
    would find there: each stretch is scanned a little past its end, so a word at the edge
    is matched as in the whole text).

    >>> _cue_positions("He said so; they say it, as he said. tweet_id")
    [(3, 'said'), (17, 'say'), (31, 'said')]
    >>> _cue_positions("He said so; they say it, as he said. tweet_id", [(0, 4), (20, 46)])
    [(3, 'said'), (31, 'said')]
    """
    scan = _cue_scanner().finditer
    if spans is None:
        return [(m.start(), m.group()) for m in scan(text)]
    out = []
    reach = _longest_cue_word() + 1
    for lo, hi in spans:
        out.extend([(m.start(), m.group()) for m in scan(text, lo, min(len(text), hi + reach)) if m.start() < hi])
    return out


@functools.lru_cache(maxsize=1)
def _longest_cue_word() -> int:
    """The length of the longest word the cue scanner looks for."""
    return max(map(len, _cue_words()))


@functools.lru_cache(maxsize=None)
def _reporting_entries(w: str):
    """The cue table's entries for a word the cue scanner found, or None when it has none
    that can introduce reported speech (only ``post`` cues and labels that report nothing):
    the same answer for every occurrence, so worked out once per word."""
    entries = cues().get(w) if w != "According" else cues().get("according")
    if not entries or all(e[2] == "post" or e[2] == "label" and e[1] not in _REPORTED_LABELS for e in entries):
        return None
    return entries


def find_reported(doc: DocIndex) -> list:
    """``(start, end, hit, rule)`` for every stretch of reported speech."""
    text = doc.text
    out: list = []
    broad = verbs()
    taken: list = []  # spans already reported: a broad reading never doubles one
    window, window_toks = (-1, -1), []  # the last sentence tokenised, and its tokens
    sent = (0, 0)  # the last sentence looked up: the next cue word is most often in it too
    # (the lexicons, looked up once: each is a cached call, made per cue word before)
    caps, noun_words, states, homs, nexts = headline_caps(), nouns(), _states(), homographs(), _next_words()
    # (cue words inside quotations are the quoted speaker's: not even looked for, so no cue
    # word below is in a quotation: DocIndex.outside_quotes is where in_quote is false)
    for ms, w in _cue_positions(text, doc.outside_quotes()):
        me = ms + len(w)
        if w in caps:
            w = w.lower()  # "Clinton Says ...": the cue table's entries; cue_at checks the headline
        entries = _reporting_entries(w)
        # "was endorsed by X", "were echoed by her campaign": a participle after "be" with
        # an agent (reported_passive), told before tokenising
        passive = passive_hint(text[max(0, ms - 24):ms].split(), text, me) \
            if w[-2:] in _PARTICIPLE_ENDS and w.islower() else 0
        if entries is None:
            if w not in broad and w not in noun_words:
                continue
            # the broad reading refuses a verb after a determiner, "to", a copula or a
            # possessive: tell it from the word before, without tokenising the sentence
            before = text[max(0, ms - 16):ms].split()
            # a gerund after "by", "in" (reported_hearer.MANNER_PREPS) or a second participle
            # after "and" (", calling them ... and vowing") continues the clause's subject
            second = w.endswith("ing") and bool(before) and (before[-1] in MANNER_PREPS or before[-1] == "and" and
                                                               bool(_ING_BEFORE.search(text, max(0, ms - 90), ms)))
            if before and w not in states and w not in noun_words and (before[-1].lower() in _NOT_SUBJECT_END or
                                                before[-1].endswith(("'s", "’s"))) and \
                    not _group_hint(before, w) and passive <= 0 and not second:
                continue
            if w.endswith("ing") and w not in noun_words and w not in states and not _participle_hint(before) and \
                    not reduced_hint(before, text, me) and not second:
                continue  # (after "and", only a second participle: ", calling them ... and vowing")  # a broad -ing form reads only as a participle or in a verb group
        need = nexts.get(w)
        if need is not None and not _followed_by(text, me, need):
            continue
        # “...,” he said. / “...,” said Putin, -- the attribution of a direct quote, with no
        # clause of its own: nothing to paraphrase
        if _QUOTE_CLOSED.search(text, max(0, ms - 45), ms) and _AFTER_QUOTE.search(text, max(0, ms - 45), ms) and \
                _NOTHING_AFTER.match(text, me, min(len(text), me + 60)):
            continue
        if not sent[0] <= ms < sent[1]:
            sent = doc.sentence(ms)  # (a sentence holds every position from its start to its end)
        s0, s1 = sent
        s0, s1 = max(s0, ms - REACH), min(s1, me + REACH)
        # the sentence's tokens, made once for all its cue words (a very long "sentence" is
        # cut to a window around the cue: enough for the speaker phrase and the clause start).
        # A window of at most 600 characters is a whole sentence (a cut one is longer), whose
        # tokens are those of its paragraph sliced there (DocIndex.sentence_toks: a paragraph
        # is tokenised once for all its cue words and for the attribution after them), and the
        # cue words of one sentence (consecutive here) share the list, which no reader changes.
        if s1 - s0 <= 600:
            w0, w1 = s0, s1
            if s0 != window[0] or s1 != window[1]:
                got = doc.sentence_toks(s0, s1)
                window, window_toks = (s0, s1), wd.tokens(text, s0, s1) if got is None else got
            toks = window_toks
        else:
            w0, w1 = max(s0, ms - 180), min(s1, me + 100)
            toks = wd.tokens(text, w0, w1)
        i = token_index(toks, ms)
        if i >= len(toks) or toks[i].start != ms:
            continue
        p = _contraction_before(toks, i)
        if p >= 0:
            toks, i = _split_contraction(toks, p), i + 1
        if passive:
            item = reported_broad.keep(passive_at(doc, toks, i, s0, s1, passive), text)
            if item:
                out.append(item)
                taken.extend(item[0])
                continue
            if passive > 0:
                continue  # after "be", no active reading: "was told" is not a cue of its subject
        item = None
        lefts: dict = {}  # the subjects read before this cue word (its toks are final here)
        if w.endswith("ing") and w != "according" and (any(t.text.lower() in _DETERMINERS for t in toks[max(0, i - 2):i])
                                                       and not reduced_hint([toks[i - 1].text], text, me) or
                                  i > 0 and toks[i - 1].text.lower() in _GERUND_PREPS and not _by_manner(toks, i)):
            item = prep_gerund_at(doc, toks, i, s1)  # "after saying he ...": reported_gerund
            if item:
                out.append(item)
                taken.extend(item[0])
            continue  # "the new thinking", "a ban on admitting": a noun, not a cue
        c = cue_at(toks, i) if entries else None
        if c and not (c[2] == "post" or c[2] == "label" and c[1] not in _REPORTED_LABELS):
            n, lemma, cls = c
            item = _reported_at(doc, toks, i, n, lemma, cls, s0, s1, w0 > s0, out, lefts)
            if item and w in homs and not _verb_reading(toks, item[1].np, w,
                                                                  toks[i + 1].text if i + 1 < len(toks) else "",
                                                                  doc.named_mid_sentence):
                item = None  # "buses from three states.": a noun, whatever stands before it
        if item is None and w in noun_words:
            item = _nominal_at(doc, toks, i, s1)
        if item is None and w in broad:
            item = _broad_at(doc, toks, i, s0, s1, out, lefts)
            if item and any(a < te and ts < b for a, b in item[0] for ts, te in taken[-8:]):
                item = nested_item(item, ms, taken[-8:])  # None unless a clause inside what was said
        if item is None and w in broad:
            item = that_fallback(doc, toks, i, s1)
        if item is None and c:
            item = document_fallback(doc, toks, i, s1)  # "A poll from X released Wednesday found ..."
        if item is None and w in broad:
            item = far_said(doc, toks, i, s1)  # "The justice -- who has ... -- said she ..."
        if item is None and w.endswith("ing") and i > 0:
            item = prep_gerund_at(doc, toks, i, s1)  # "won the race by saying the city ..."
        if item and item[1].np and i > 0 and item[1].np[-1].end <= toks[i].start and w.islower():
            item = _document_np(toks, i, item)  # "A study by Media Matters found": the study speaks
        item = reported_broad.keep(item, text) if item else None  # a broad cue of the measured table: a person's only
        if item and refusal(text, toks, i, item):
            item = None  # "their states that": the left context makes the cue a noun (reported_refusals)
        item = without_title(text, toks, i, item) if item else None  # '“...,” the spokesman, X, said'
        for item in split_predicate(doc, item) if item else ():  # "... and praised X": two items
            out.append(item)
            taken.extend(item[0])
    out.extend(reported_broad.role_items(doc, taken))  # "X is a longtime supporter of Y"
    out.extend(colon_labels(doc))
    out.extend(_in_sources(doc))
    out.extend(view_items(doc, [span for item in out for span in item[0]]))  # "in X's view, CLAUSE"
    out.extend(headline_items(doc, [span for item in out for span in item[0]]))
    return out


#: "He’s predicted", "She's not saying", "they’re urging": a subject pronoun with its auxiliary
#: in one token; the auxiliary each ending stands for.
_CONTRACTED = regex.compile(r"(?i)(he|she|it|they|we|i|you)['’](s|re|ve|ll|d|m)")
_AUXILIARY = {"s": "is", "re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"}


def _contraction_before(toks: list, i: int) -> int:
    """The index of a pronoun contraction that is the subject of the cue at ``i`` (up to two
    adverbs or ``not`` between them), else -1."""
    p = i - 1
    while p >= max(0, i - 3) and (toks[p].text.lower() in ("not", "also", "still", "now", "just", "already") or
                                   toks[p].text.islower() and toks[p].text.endswith("ly")):
        p -= 1
    # (an apostrophe first: nearly every word before a cue has none)
    return p if p >= 0 and ("'" in toks[p].text or "’" in toks[p].text) and _CONTRACTED.fullmatch(toks[p].text) \
        else -1


def _split_contraction(toks: list, p: int) -> list:
    """A copy of ``toks`` with the contraction at ``p`` read as its pronoun and auxiliary
    (``He’s predicted`` as ``He has predicted``, ``He’s praising`` as ``He is praising``),
    with the offsets of the text, so the phrase readers see a subject and a verb group."""
    t = toks[p]
    m = _CONTRACTED.fullmatch(t.text)
    cut = t.start + len(m.group(1))
    aux = _AUXILIARY[m.group(2).lower()]
    if aux == "is" and p + 1 < len(toks) and toks[p + 1].text.endswith("ed"):
        aux = "has"
    return toks[:p] + [wd.Token(t.start, cut, m.group(1)), wd.Token(cut, t.end, aux)] + toks[p + 1:]


_IN_SOURCE = lexicon.exact("reported_in_sources.txt")


_IN_OPENING = _re.compile(r"In\s+(?:a|an|the|its|their|his|her|this|that)\s+"
                          r"(?:[^\s,.;:]+\s+){0,8}?(" + _trie(sorted(_IN_SOURCE | {w.capitalize() for w in _IN_SOURCE})) +
                          r")\b([^,.;:]{0,60}),\s")  # (a pollster's name takes a capital: "a Lakeside College Poll")


def _in_sources(doc: DocIndex) -> list:
    """``In a new Quinnipiac poll released Tuesday, 45 percent of voters ...``: a document
    that opens the sentence is the source of the clause after the comma (to the end of the
    sentence).  One pattern over the text, each match bounded by its sentence."""
    text = doc.text
    out = []
    for m in _IN_OPENING.finditer(text):
        if doc.in_quote(m.start()):
            continue
        s0, s1 = doc.sentence(m.start())
        if s0 != m.start() or m.end() >= s1:
            continue  # "In" opens the sentence
        np = wd.tokens(text, m.start() + 3, m.end(1))
        if not np:
            continue
        h = Hit(m.start(), m.start() + 2, "In", "in", "according", tuple(np), rule="in-source")
        s, e = _trim(text, m.end(), min(s1, m.end() + REACH))
        item = _content(doc, s, e, h, "in-source")
        if item:
            out.append(item)
    return out


def _reported_at(doc: DocIndex, toks, i, n, lemma, cls, s0, s1, cut_left=False, items=(), lefts=None):
    text = doc.text
    cs, ce = toks[i].start, toks[i + n - 1].end
    cue_text = text[cs:ce]
    if cls == "according":
        return according_at(doc, toks, i, n, lemma, cls, s0, s1)
    group = group_at(toks, i, lefts)
    j = skip_left(toks, i - 1 if group is None else group, lefts)
    left = left_of(toks, j, lefts) if j >= 0 else None
    if left is None and cls in ("speech", "thought") and not cut_left:
        left = _long_subject(toks, j)
    if left is None and cls in ("speech", "thought") and j >= 1 and toks[j].word:
        # "..., and one in five say it's not an improvement": a share or a bare plural
        # opening a clause of its own
        loose = _loose_subject(toks, j)
        if loose and any(t.text[:1].isdigit() or t.text.lower() in _SHARES for t in loose) and \
                loose[0].text.lower() not in sl.lexicon().pronouns:
            left = (loose, ())
    if lemma in _TAIL_VERBS and not cut_left and j >= 2 and \
            (left is None or toks[max(0, token_index(toks, left[0][0].start) - 1)].text != ",") and \
            (tail_end(toks, i + n, lemma == "tell") or i + n < len(toks) and toks[i + n].text == ","):
        # "..., a source close to him said.": a source the phrase reader left undelimited
        tail = tail_subject(toks, j)
        if tail:
            left = (tail, ())
    if left and noun_use(toks, i, left[0]):
        return None
    k = i + n
    if left:
        np, appos = left
        if lemma == "call" and _not_a_label(toks, np, k):
            return None
        h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), tuple(appos), rule="subject-cue")
        if lemma == "call" and token_index(toks, np[0].start) > 0 and \
                toks[token_index(toks, np[0].start) - 1].text.lower() in ("what", "which", "who", "whom"):
            # "what he calls corruption": the relative word (not "when Trump called ...", a
            # clause of time whose "when" stands for nothing that was said)
            rel = toks[token_index(toks, np[0].start) - 1]
            rel_item = relative_after(doc, toks, token_index(toks, rel.start), k, s1, h, cls)
            if rel_item is not None:  # "what he calls a rigged system": the label (reported_relative)
                return rel_item
            return [(rel.start, rel.end)], h, f"{cls}-relative-object"
        npi = token_index(toks, np[0].start)
        before = toks[npi - 1].text if npi > 0 else None
        if before in ("as", "As") and lemma in _ASIDE:
            aside = _as_cue(doc, toks, npi - 1, k, h, s0, s1)
            if aside:
                return aside
        rest = toks[k:]
        head = _relative_head(toks, npi, k)
        if head:
            # "a probe the agency said was ongoing": the content is the phrase the relative
            # clause hangs on
            return [head] + gap_rest(doc, toks, k, s1, h, head[0]), h, f"{cls}-relative-head"
        if before and before.lower() in _GAP_RELATIVES and npi > 1:
            # "applicants, which he said were evenly split": the relative word is the subject
            # of what was said, and the content is that word and the rest of its clause
            rel = toks[npi - 1]
            rest_of = gap_rest(doc, toks, k, s1, h, rel.start)
            if rest_of:
                return [(rel.start, rel.end)] + rest_of, h, f"{cls}-relative-object"
        comma = (k if rest[0].text == "," else aside_comma(toks, k, lemma)) if before == "," and rest else None
        if comma is not None and cls == "speech":
            # "The permit, his campaign said, had been hard to get": the attribution in commas
            # (after an adjunct or a hearer: "..., he told reporters, ...": reported_according)
            s, e = _trim(text, toks[comma].end, s1)
            # the second piece may be short when the first is not ("This campaign, he says, is
            # different"); alone it must be a clause
            after = _content(doc, s, e, h, "parenthetical-cue",
                             short=len(text[s0:np[0].start].split()) >= 2 and e - s >= 8)
            return both_sides(doc, s0, np[0].start, after, h)
        # "CONTENT, X said." -- the cue ends the sentence
        if before == "," and (not rest or rest[0].text in (".", "!", "?", ",") or _adjunct_only(rest) or
                              (lemma in _TELL and len(rest) <= 10 and
                               not any(t.text.lower() == "that" or t.text in DQ_OPEN or
                                       t.text.lower() in sl.lexicon().pronouns for t in rest)) or
                              lemma in _TAIL_VERBS and np[0].text.lower() not in _GAP_RELATIVES and
                              tail_end(toks, k, lemma == "tell")):
            s, e = _trim(text, s0, np[0].start)
            words = text[s:e].split()
            if len(words) < 4 or (words[0] in OPENERS and len(words) < 8):
                return None
            return _content(doc, s, e, h, "content-subject-cue")
        # "X said (that) CONTENT" -- skip an object of tell ("told reporters") and adjuncts
        k = _skip_object(toks, k, lemma)
        if lemma in _TAIL_VERBS:
            k = skip_said_adjunct(toks, k)  # "said in a statement Thursday they ...", "said, twice, that"
        if k >= len(toks):
            return None
        if toks[k].text.endswith("ing") and toks[k].text.islower() and not (lemma == "say" and gerund_clause(toks, k)):
            return None  # ", pointing out that ...": the participle introduces its own clause
        own = possessive_clause(toks, k)  # "told the AP her group never worked"
        if lemma in _TELL and toks[k].text.lower() != "that" and toks[k].text.lower() not in sl.lexicon().pronouns \
                and not own:
            return None
        if toks[k].text.lower() == "it" and (k + 1 >= len(toks) or not toks[k + 1].word or
                                              toks[k + 1].text.lower() in _NOT_CLAUSE or toks[k + 1].cap):
            return None  # "said it on Tuesday": an object, not a clause
        answer = short_answer(toks, k, lemma)
        if answer > k:
            # "64 percent said yes", "he said no when asked", "half said so", "26 percent said
            # the same of Sanders": the answer is the whole of what was said
            return _content(doc, toks[k].start, toks[answer - 1].end, h, "speech-answer", short=True)
        if toks[k].text.lower() in _NOT_CLAUSE and not own or not (toks[k].word or toks[k].text in DQ_OPEN or toks[k].text == "‘"):
            return None
        if lemma in _WEAK and toks[k].text.lower() not in _CLAUSE_START and not (
                toks[k].cap and toks[k].text not in sl._NOT_NAME and k + 1 < len(toks) and
                (toks[k + 1].cap or toks[k + 1].text.islower())) and not _finite_soon(toks, k) and not (
                not toks[i].text.endswith("ing") and clause_soon(toks, k)):  # not "a gunman claiming ..."
            return None  # "wrote a dissent", "posted the story": an object, not a clause
        if cls == "thought" and toks[k].text.lower() != "that":
            # belief verbs take many objects ("believe in", "know him"); demand a that-clause
            # or a pronoun/name subject right after
            if not (toks[k].text.lower() in sl.lexicon().pronouns or toks[k].cap or clause_soon(toks, k, 5)):
                return None
        s, e = _trim(text, toks[k].start, s1)
        if text[s:s + 5].lower() == "that ":
            s += 5
        return relative_piece(toks, npi, _content(doc, s, e, h, "subject-cue-clause"))
    if j >= 0 and toks[j].text in ("and", "but", "to") and cls in ("speech", "thought") and \
            (toks[j].text != "to" or lemma in _TO_CUES):
        # "Clinton celebrated in Florida ... and said it was another step": the subject of the
        # sentence speaks; so with "stood at a Bush event to say ..."
        rel = relative_before(toks, j) if toks[j].text != "to" else None
        found = (rel[0], None) if rel else \
            initial_subject(text, wd.tokens(text, s0, toks[j].start) if cut_left else toks[:j])
        if found is None and toks[j].text != "to":
            found = _carried(items, s0, toks[i].start)
        if found is not None:
            k = _skip_object(toks, i + n, lemma)
            if k < len(toks) and toks[k].word and toks[k].text.lower() not in _NOT_CLAUSE and \
                    not (toks[k].text.endswith("ing") and toks[k].text.islower()) and \
                    (lemma not in _TELL or toks[k].text.lower() == "that") and \
                    (lemma not in _WEAK or toks[k].text.lower() in _CLAUSE_START):
                h = Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rel[1] if rel else (), rule="coordinated")
                s, e = _trim(text, toks[k].start, s1)
                if text[s:s + 5].lower() == "that ":
                    s += 5
                return _content(doc, s, e, h, "coordinated-cue-clause")
    # "X, pointing out that ...": a participle continues the subject of the clause before
    if toks[i].text.endswith("ing") and i > 0 and toks[i - 1].text == ",":
        k = _skip_object(toks, k, lemma)
        if k < len(toks) and toks[k].text.lower() == "that":
            subj = _latest_subject(doc, toks, i)
            if subj is None:
                return None
            h = Hit(cs, ce, cue_text, lemma, cls, subj, rule="participle")
            s, e = _trim(text, toks[k].end, s1)
            e = _clause_end(text, s, e)
            return _content(doc, s, e, h, "participle-that")
    # "CONTENT, said X."
    if i > 0 and toks[i - 1].text == "," and lemma in ("say", "add", "tell", "write", "explain", "note") and \
            not toks[i].text.endswith("ing"):
        np = np_right(toks, k, len(toks))
        after = token_index(toks, np[-1].start) + 1 if np else 0
        # (", said a handful of Democrats who point to ...": a relative clause on the source)
        if np and (np[-1].end >= s1 - 1 or text[np[-1].end:np[-1].end + 1] in ".," or tail_end(toks, after) or
                   after < len(toks) and toks[after].text == "who"):
            h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="cue-subject")
            s, e = _trim(text, s0, toks[i - 1].start)
            return _content(doc, s, e, h, "content-cue-subject")
    return None


#: Verbs of saying whose tail attribution may close with more than a full stop (a semicolon,
#: a colon, a dash, an adjunct: :mod:`quotecheck.reported_tail`) or have a source the phrase
#: reader leaves undelimited (``a source close to him said``), and after which an adjunct may
#: stand before the clause (``said in a statement Thursday they ...``).
_TAIL_VERBS = frozenset({"say", "tell", "write", "add", "note", "explain", "argue", "insist", "warn", "acknowledge",
                         "predict", "report"})


#: Words of a share or a count, one of which a bare subject at a clause start must hold to be
#: read as a source ("one in five", "a third", "most of them", "60 percent").
_SHARES = frozenset({"percent", "%", "half", "third", "thirds", "quarter", "quarters", "majority", "minority",
                     "most", "many", "some", "few", "several", "one", "two", "three", "four", "five", "six",
                     "seven", "eight", "nine", "ten"})


#: Relative words that may stand for the subject of the clause a cue introduces.
_GAP_RELATIVES = frozenset({"which", "that", "who", "whom", "what"})


#: Words that open a relative clause inside a subject ("people who have battled ...").
_RELATIVES = gw.RELATIVE_PRONOUNS


#: Sentence openers that are not part of a subject ("And", "Indeed,").
_LEADS = frozenset({"and", "but", "so", "yet", "still", "indeed", "now", "instead", "meanwhile", "also"})


#: Forms of "say" that open a clause inside the stretch before a cue.
_SAY_FORMS = frozenset({"say", "says", "said"})


#: A pronoun with a contracted verb ("He's", "They've") opens a clause, not a long subject.
_PRONOUN_CONTRACTIONS = ("he'", "he’", "she'", "she’", "they'", "they’", "we'", "we’", "i'", "i’", "it'", "it’")


#: An aside inside a long subject, skipped up to its closing mark: ``Just over a quarter,
#: 26 percent, say``, ``insiders in two states — Nevada and Ohio — said``, ``Sen. Murphy (a
#: Connecticut Democrat) says``.
_ASIDE_CLOSE = {",": ",", "(": ")", "—": "—", "–": "–", "--": "--"}
#: Words that open a fronted adverbial phrase or clause, not a subject.
_OPENERS = frozenset("After Although As At Because Before By During Even For From If In Inside Like On Once Since "
                     "Though Under Unless Until When Whereas While With Without".split())
_QUOTE_MARKS = frozenset('"“”‘’\'')


def _long_subject(toks: list, j: int):
    """The subject of a speech verb that opens its sentence, when the phrase reader cannot
    delimit it: a common noun with its modifiers (``Iowa biofuels advocates``), a
    prepositional tail (``proponents of more controls on hate speech here``, ``A person
    familiar with the planning``) or a relative clause (``people who have battled other
    online threats``).  Journalists put such a source first and the verb right after it, so
    the words from the start of the sentence (after a connective such as ``And`` or
    ``Indeed,``) to the cue are the subject: at most 20 words, no comma or quotation mark
    among them, and outside a relative clause no auxiliary, past form or conjunction (which
    would make it a clause of its own).  ``(np, ())`` or None.

    >>> from quotecheck import words as wd
    >>> t = "Indeed, proponents of stricter rules here say the law failed."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> [x.text for x in _long_subject(toks, 6)[0]]
    ['proponents', 'of', 'stricter', 'rules', 'here']
    >>> t = "The board met on Monday and officials say the plan failed."
    >>> toks = wd.tokens(t, 0, len(t))
    >>> _long_subject(toks, 6) is None
    True
    """
    if j < 1:
        return None
    k = 0
    while k < j and toks[k].text.lower() in _LEADS:
        k += 1
        if toks[k].text == ",":
            k += 1
    for m in range(j - 1, k, -1):
        if toks[m].text in _SAY_FORMS:
            k = m + 1  # "Bloomberg says its deeper reporting found ...": the inner clause's subject
            break
    if j - k < 1 or j - k >= 20 or not (toks[k].cap or k > 0 or toks[k].text.lower() in _DETERMINERS):
        return None
    relative = False
    aside = ""  # the closing mark of an aside being skipped: ", 26 percent,", "(a Democrat)"
    for t in toks[k:j + 1]:
        w = t.text.lower()
        if aside:
            if w == aside:
                aside = ""
            elif w in _RELATIVES:
                relative = True
            elif w in _QUOTE_MARKS or not relative and (w in FINITE or t.text.islower() and w.endswith("ed") or
                                                        aside == "," and w in _LEADS):
                return None  # "In Iowa, Trump took ...": a clause, not an aside
            continue
        if w in _ASIDE_CLOSE and t is not toks[k]:
            if w == "," and toks[k].text in _OPENERS:
                return None  # "Before the attacks, Trump took ...": an adverbial, then a clause
            aside = _ASIDE_CLOSE[w]
            continue
        if w in _RELATIVES:
            relative = True
        elif not (t.word or t.text in ("'s", "’s", "%", "-")) or w in sl.lexicon().pronouns and t is toks[k] or \
                not relative and (w in FINITE or w in _LEADS or w == "or" or t.text.islower() and w.endswith("ed")):
            return None  # a finite verb or a second clause: the stretch is not one phrase
    if aside:
        return None
    end = j + 1
    if toks[j].text in _ASIDE_CLOSE.values() and j - 1 > k:
        end = j  # "..., 26 percent, say": the aside closes right before the cue
        j -= 1
    if toks[j].text.lower() in _RELATIVES or toks[j].text.lower() in _NOT_SUBJECT_END or not toks[j].word or \
            toks[end].text.endswith("ing") or toks[k].text.lower().startswith(_PRONOUN_CONTRACTIONS):
        return None  # "came to recognize", "no denying", "He's careful not to mention": not a subject
    if any(t.text.lower() in ("not", "never") for t in toks[k:j + 1]):
        return None  # a negation belongs to a verb phrase
    return toks[k:end], ()


#: Verbs of reporting that make an aside after "as" ("as Smith noted", "as the Times
#: reported", "as polls show"); others after "as" are more often a clause of time ("as the
#: crowd applauded") or name something ("as it is called").
_ASIDE = frozenset({"say", "note", "report", "write", "point out", "observe", "explain", "suggest", "predict",
                    "argue", "add", "acknowledge", "claim", "state", "indicate", "show", "find", "reveal",
                    "confirm", "announce", "tell", "remark", "recall", "warn", "put out", "concede"})

#: What may stand between the cue of an aside and its comma: when and how it was said.
_ASIDE_ADJUNCT = frozenset({"on", "in", "at", "last", "this", "week", "month", "year", "earlier", "first", "once",
                            "night", "morning", "the", "time", "a", "an", "statement", "interview", "speech",
                            "recent", "days", "weeks", "months", "ago", "before", "then", "here"})


def _as_cue(doc: DocIndex, toks: list, a: int, k: int, h: Hit, s0: int, s1: int):
    """``As Smith noted last week, the plan will cost more``, ``The plan, as Smith said, will
    cost more``, ``The plan will cost more, as Smith said.``: ``as`` makes the attribution
    an aside, and the content is the rest of the sentence around it (after the aside when
    it opens the sentence, on both sides of it in commas, before it at the end).  The cue
    may be followed by a short adjunct (``last week``, ``on Tuesday``) before its comma.

    >>> from quotecheck.clauses import DocIndex
    >>> from quotecheck.reported import find_reported
    >>> t = "As the mayor noted on Tuesday, the bridge has been closed for two years."
    >>> [t[a:b] for a, b in find_reported(DocIndex(t, ()))[0][0]]
    ['the bridge has been closed for two years']
    """
    text = doc.text
    c = k
    while c < len(toks) and c - k < 5 and toks[c].word:
        c += 1
    if c >= len(toks) or toks[c].text not in (",", ".") or not all(
            t.text.lower() in _ASIDE_ADJUNCT or t.text in WEEKDAYS or t.text.endswith("ly") and t.text.islower()
            for t in toks[k:c]):
        return None  # "as he said that ...", "as he said he would": not an aside
    lead = all(t.text.lower() in ("and", "but", "so", "yet", ",") for t in toks[:a])
    if toks[c].text == "," and lead:
        s, e = _trim(text, toks[c].end, s1)
        return _content(doc, s, e, h, "as-cue")
    if a > 0 and toks[a - 1].text == ",":
        s, e = _trim(text, toks[c].end, s1) if toks[c].text == "," else (toks[c].end, toks[c].end)
        after = _content(doc, s, e, h, "as-cue", short=True) if e > s else None
        b0, b1 = _trim(text, s0, toks[a - 1].start)
        before = _content(doc, b0, b1, h, "as-cue", short=True) if b1 > b0 else None
        if before and after:
            return before[0] + after[0], h, "as-cue"
        return before or after
    return None


_CALL_NOT_LABEL = lexicon.exact("reported_call_not_label.txt")


def _not_a_label(toks: list, np, k: int) -> bool:
    """``call`` names or judges something only as ``X called Y Z``; not in ``a firm called
    Cambridge Analytica``, ``one PAC called ...`` (a name), ``roll call``, ``called an
    emergency session``, ``called for``/``on``/``over her shoulder`` (an act or a particle),
    ``called Sanders to congratulate him`` (a telephone call)."""
    if np[0].text.lower() in ("a", "an", "one", "another") or np[-1].text.lower() == "roll":
        return True
    return k >= len(toks) or toks[k].text.lower() in _CALL_NOT_LABEL or _object_then_to(toks, k)


def _adjunct_only(rest) -> bool:
    """After a sentence-final cue: only an adjunct (``on Tuesday``, ``in a statement``)."""
    words = [t.text.lower() for t in rest]
    return len(words) <= 9 and "that" not in words and words[0] in (
        "on", "in", "at", "during", "after", "before", "tuesday", "monday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "last", "this", "earlier", "later", "recently", "yesterday",
        "today", "told", "reporters")


_TELL = lexicon.exact("reported_tell_verbs.txt")


#: Label verbs whose object is what someone said of something ("accused Trump of ...",
#: "blamed the law for ..."); the others ("called", "attacked") as often name no content.
_REPORTED_LABELS = lexicon.exact("reported_label_verbs.txt")


#: Cues that as often take a plain object ("wrote a dissent", "added 1 million jobs") as a
#: clause: they introduce reported speech only with "that" or a subject pronoun after them.
_WEAK = lexicon.exact("reported_weak_verbs.txt")


def _document_np(toks: list, i: int, item):
    """``item`` with its subject widened to the document phrase it is the tail of (``A study
    by Media Matters found``: the study, not Media Matters, found; ``A poll from X released
    Wednesday found``), when :func:`document_subject` reads one that holds the subject."""
    np = item[1].np
    phrase = document_subject(toks, i)
    if phrase is None or phrase[0].start >= np[0].start:
        return item
    return item[0], attrs.evolve(item[1], np=tuple(phrase)), item[2]


_CLAUSE_START = gw.SUBJECT_PRONOUNS | {"there", "that"}


# A closing quote (after a comma, ? or !) and at most four words before a cue ...
_AFTER_QUOTE = regex.compile(r"[,?!…]['’\"”]\s++(?:[\p{L}.'’\-]++\s++){0,4}$")


# What _AFTER_QUOTE opens with, found by the standard library's C loop first: most cue words
# have no closing quote just before them, and then the pattern is not tried.
_QUOTE_CLOSED = _re.compile("[,?!…]['’\"”]")


# ... and the cue followed only by an adjunct and the end of the clause.
_NOTHING_AFTER = regex.compile(r"(?:\s++(?:on|in|at|to|during|after|before|last|this|Monday|Tuesday|"
                               r"Wednesday|Thursday|Friday|Saturday|Sunday|[\p{Lu}][\p{L}.'’\-]*+|the|a|an|"
                               r"reporters|[\p{Ll}]++day))*+\s*+[.,;]")


#: Cues that may follow "to" ("stood at an event to say ...").
_TO_CUES = lexicon.exact("reported_to_cues.txt")


#: ", calling them ...": a participle after a comma, before an "and" that may join a second one
_ING_BEFORE = regex.compile(r",\s\p{Ll}++(?<=ing)\s")


def _participle_hint(before: list) -> bool:
    """Whether the word before a broad ``-ing`` form lets :func:`_broad_at` read it: a
    comma or ``by`` (a participle), or the end of a verb group (``is``, ``not``,
    ``didn't``); any other word makes it a noun or an attribute, told without tokenising.

    >>> _participle_hint(["Trump", "spoke,"]), _participle_hint(["is"]), _participle_hint(["the"])
    (True, True, False)
    >>> _participle_hint(["is", "now"]), _participle_hint(["been", "quietly"]), _participle_hint(["the", "new"])
    (True, True, False)
    """
    last = before[-1] if before else ""
    if len(before) > 1 and group_adverb(last) and before[-2] in _GROUP_PREV:
        last = before[-2]  # "is now calling", "has been quietly pushing"
    return last.endswith(",") or last.lower() in MANNER_PREPS or last in _GROUP_PREV or last[-3:] in _NEG_ENDS or \
        last in ("–", "—", "-", "--") or len(before) > 1 and before[-2].endswith(",") and last.endswith("ly")


def _group_hint(before: list, w: str) -> bool:
    """The quick test of :func:`_group_left` on the words before a cue word: whether the
    word the quick refusal looks at may belong to a verb group rather than make the cue a
    noun, an infinitive or a passive.

    >>> _group_hint(["He", "seems", "to"], "believe"), _group_hint(["to"], "believe")
    (True, False)
    >>> _group_hint(["is"], "expecting"), _group_hint(["was"], "told")
    (True, False)
    """
    last = before[-1].lower()
    if last == "to":
        return len(before) > 1 and before[-2].lower() in _CHAIN
    return last in _NEGATIONS or last in _BE and w.endswith("ing")
