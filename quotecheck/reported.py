"""Reported (indirect) speech: where a text paraphrases what someone said, thought or found.

One job: find the stretches of reported speech in a document and the cue and subject phrase
each rests on (:func:`find_reported`); :func:`quotecheck.attribution.attribute` resolves the
speaker phrases and merges these items with the quotes.

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

import bisect
import functools
import re as _re

import regex

from . import lexicon
from . import speakers as sp
from .clauses import (DQ_OPEN, FINITE, OPENERS, REACH, WEEKDAYS, DocIndex, Hit, cue_at, cues, hits_in,
                      initial_subject, noun_use, np_left, np_right, skip_adverbs_left, token_index)


# --- reported speech -----------------------------------------------------------------------


#: Words after a cue that show it does not introduce a clause ("said in a statement.").
_NOT_CLAUSE = lexicon.exact("grammar_not_clause.txt")


@functools.lru_cache(maxsize=1)
def _next_words() -> dict:
    """Cue word -> the words one of its readings needs right after it, for the words that
    only start longer cues (``was`` only in ``was quoted as saying``, ``fire`` only in
    ``fire back``): a word not followed by one of them has no reading, which a look at the
    next few characters tells before any tokenising."""
    out = {}
    for w in _cue_words():
        need = set()
        for words, _, _ in cues().get("according" if w == "According" else w, ()):
            need.add(words[1] if len(words) > 1 else None)
        for rest, _, _, _ in verbs().get(w, ()):
            need.add(rest[0] if rest else None)
        if w in nouns():
            need.add(None)
        if need and None not in need:
            out[w] = tuple(sorted(need))
    return out


def _followed_by(text: str, end: int, words: tuple) -> bool:
    """Whether the next word after ``end`` may be one of ``words`` (lower case): the first
    characters after the white space, lowered, start with it.  Never false when a token
    reading would find it (tokens split at a subset of the spaces ``str.lstrip`` skips)."""
    nxt = text[end:end + 40].lstrip()[:16].lower()
    return nxt.startswith(words)


@functools.lru_cache(maxsize=1)
def _cue_words() -> frozenset:
    """Every word that may start a cue in either table: the scan's first, cheapest test."""
    return frozenset(cues()) | frozenset(verbs()) | frozenset(nouns()) | {"According"}


def _trie(words: list) -> str:
    """A pattern matching exactly ``words``, as a trie of alternatives (``sa(?:id|ys?)``):
    each position costs at most one step per letter of the longest word, however many
    words there are, where a flat alternation tries them all.

    >>> _trie(["said", "say", "says"])
    'sa(?:id|y(?:s)?)'
    """
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [_re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


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
    out = []
    broad = verbs()
    taken: list = []  # spans already reported: a broad reading never doubles one
    # (cue words inside quotations are the quoted speaker's: not even looked for)
    for ms, w in _cue_positions(text, doc.outside_quotes()):
        me = ms + len(w)
        entries = _reporting_entries(w)
        if entries is None:
            if w not in broad and w not in nouns():
                continue
            # the broad reading refuses a verb after a determiner, "to", a copula or a
            # possessive: tell it from the word before, without tokenising the sentence
            before = text[max(0, ms - 16):ms].split()
            if before and w not in _states() and w not in nouns() and (before[-1].lower() in _NOT_SUBJECT_END or
                                                before[-1].endswith(("'s", "’s"))) and \
                    not _group_hint(before, w):
                continue
        need = _next_words().get(w)
        if need is not None and not _followed_by(text, me, need):
            continue
        if doc.in_quote(ms):
            continue
        # “...,” he said. / “...,” said Putin, -- the attribution of a direct quote, with no
        # clause of its own: nothing to paraphrase
        if _QUOTE_CLOSED.search(text, max(0, ms - 45), ms) and _AFTER_QUOTE.search(text, max(0, ms - 45), ms) and \
                _NOTHING_AFTER.match(text, me, min(len(text), me + 60)):
            continue
        s0, s1 = doc.sentence(ms)
        s0, s1 = max(s0, ms - REACH), min(s1, me + REACH)
        # the sentence's tokens, made once for all its cue words (a very long "sentence" is
        # cut to a window around the cue: enough for the speaker phrase and the clause start)
        if s1 - s0 <= 600:
            w0, w1 = s0, s1
            toks = doc.toks(s0, s1)
        else:
            w0, w1 = max(s0, ms - 180), min(s1, me + 100)
            toks = sp.tokens(text, w0, w1)
        i = token_index(toks, ms)
        if i >= len(toks) or toks[i].start != ms:
            continue
        item = None
        if w.endswith("ing") and (any(t.text.lower() in _DETERMINERS for t in toks[max(0, i - 2):i]) or
                                  i > 0 and toks[i - 1].text.lower() in _GERUND_PREPS and not _by_manner(toks, i)):
            continue  # "the new thinking", "a ban on admitting": a noun, not a cue
        c = cue_at(toks, i) if entries else None
        if c and not (c[2] == "post" or c[2] == "label" and c[1] not in _REPORTED_LABELS):
            n, lemma, cls = c
            item = _reported_at(doc, toks, i, n, lemma, cls, s0, s1, w0 > s0, out)
            if item and w in homographs() and not _verb_reading(toks, item[1].np, w,
                                                                  toks[i + 1].text if i + 1 < len(toks) else ""):
                item = None  # "buses from three states.": a noun, whatever stands before it
        if item is None and w in nouns():
            item = _nominal_at(doc, toks, i, s1)
        if item is None and w in broad:
            item = _broad_at(doc, toks, i, s0, s1, out)
            if item and any(a < te and ts < b for a, b in item[0] for ts, te in taken[-8:]):
                item = None
        if item:
            out.append(item)
            taken.extend(item[0])
    out.extend(_colon_labels(doc))
    out.extend(_in_sources(doc))
    return out


#: "Poll: Trump leads in Ohio", "Matthews: Well, speculation is bad": a paragraph that opens
#: with a short capitalised label and a colon; words that only start a label of the page.
_LABEL_WORD = regex.compile(r"[\p{Lu}][\p{L}.'’\-]*+")
_NOT_LABELS = lexicon.exact("reported_not_labels.txt")
#: One-word labels that are sources though no speaker phrase ("Poll: ...", "Study: ...").
_EVIDENCE_LABELS = frozenset(w.capitalize() for w in lexicon.exact("reported_in_sources.txt"))


def _colon_labels(doc: DocIndex) -> list:
    """``Kasich: We will go all the way to Cleveland.`` -- a headline, or a transcript turn
    (``WALLACE: ...``), whose speaker is the short label before the colon that opens the
    paragraph (the first paragraph; later ones only with a label in capitals); the content
    runs to the end of the paragraph (at most 600 characters).  One ``str.find`` per
    paragraph."""
    text = doc.text
    out = []
    for ps, pe in zip(doc.para_starts, doc.para_ends):
        c = text.find(": ", ps, min(pe, ps + 40))
        if c < 0 or pe - c < 14:
            continue
        words = text[ps:c].split()
        if not 1 <= len(words) <= 5 or any(not _LABEL_WORD.fullmatch(w) for w in words) or \
                words[0] in _NOT_LABELS or words[-1] in _NOT_LABELS:
            continue
        if len(words[0]) < 2:
            continue  # "Q:", "A:": interview turns, the page's own questions and answers
        if ps > 0 and not all(w.isupper() for w in words):
            continue  # in the body only a transcript's speaker ("WALLACE:"); "Kasich: Now or never." is a list
        toks = sp.tokens(text, ps, c)
        found = np_left(toks, len(toks) - 1, 0) if toks else None
        if not (found and found[0][0].start == ps or len(toks) == 1 and toks[0].text in _EVIDENCE_LABELS):
            continue  # "The Latest:", "Bombshell:": a rubric of the page, not a speaker
        h = Hit(c, c + 1, ":", ":", "speech", tuple(toks), rule="colon-label")
        item = _content(doc, c + 1, min(pe, c + REACH), h, "colon-label")
        if item:
            out.append(item)
    return out


_IN_SOURCE = lexicon.exact("reported_in_sources.txt")
_IN_OPENING = _re.compile(r"In\s+(?:a|an|the|its|their|his|her|this|that)\s+"
                          r"(?:[^\s,.;:]+\s+){0,8}?(" + _trie(sorted(_IN_SOURCE)) + r")\b([^,.;:]{0,60}),\s")


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
        np = sp.tokens(text, m.start() + 3, m.end(1))
        if not np:
            continue
        h = Hit(m.start(), m.start() + 2, "In", "in", "according", tuple(np), rule="in-source")
        s, e = _trim(text, m.end(), min(s1, m.end() + REACH))
        item = _content(doc, s, e, h, "in-source")
        if item:
            out.append(item)
    return out


def _trim(text: str, s: int, e: int):
    """Strip spaces, a leading "that"/"and" and final punctuation from a content span."""
    while s < e and text[s] in " \t\u00a0,:;—–-":
        s += 1
    while e > s and text[e - 1] in " \t\u00a0.,;:—–-)":
        e -= 1
    return s, e


def _carried(out, s0: int, ms: int):
    """The subject of the latest reported item (``out`` holds the items so far) when its cue
    stands earlier in the same sentence: a cue after ``and``/``but`` shares it (``X said A,
    and urged that B``) when the opening of the sentence defeats the subject reader."""
    if out and s0 <= out[-1][1].cue_start < ms:
        return out[-1][1].np, None
    return None


def _reported_at(doc: DocIndex, toks, i, n, lemma, cls, s0, s1, cut_left=False, items=()):
    text = doc.text
    cs, ce = toks[i].start, toks[i + n - 1].end
    cue_text = text[cs:ce]
    if cls == "according":
        np = np_right(toks, i + n, len(toks))
        if not np:
            return None
        h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="according-to")
        after = np[-1].end
        if i == 0 or text[cs - 2:cs].strip() in ("", ",", ":"):
            # "According to X, CONTENT." or "CONTENT, according to X."; after a short opener
            # ("In addition, according to X, CONTENT") or a colon the content follows
            if i == 0 or toks[i - 1].text not in (",",) or \
                    len(text[s0:cs].split()) <= 3 and text[after:after + 1] == ",":
                s, e = _trim(text, after, s1)
            else:
                s, e = _trim(text, s0, cs)
            return _content(doc, s, e, h, "according-to")
        return None
    group = _group_left(toks, i) if _may_group(toks, i) else None
    j = skip_adverbs_left(toks, i - 1 if group is None else group, 0)
    left = np_left(toks, j, 0) if j >= 0 else None
    if left and noun_use(toks, i, left[0]):
        return None
    k = i + n
    if left:
        np, appos = left
        if lemma == "call" and _not_a_label(toks, np, k):
            return None
        h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), tuple(appos), rule="subject-cue")
        if lemma == "call" and token_index(toks, np[0].start) > 0 and toks[token_index(toks, np[0].start) - 1].text in _WH:
            rel = toks[token_index(toks, np[0].start) - 1]  # "what he calls corruption": the relative word
            return [(rel.start, rel.end)], h, f"{cls}-relative-object"
        npi = token_index(toks, np[0].start)
        before = toks[npi - 1].text if npi > 0 else None
        rest = toks[k:]
        head = _relative_head(toks, npi, k)
        if head:
            # "a probe the agency said was ongoing": the content is the phrase the relative
            # clause hangs on
            return [head], h, f"{cls}-relative-head"
        if before == "," and rest and rest[0].text == "," and cls == "speech":
            # "The permit, his campaign said, had been hard to get": the attribution in commas
            s, e = _trim(text, rest[0].end, s1)
            # the second piece may be short when the first is not ("This campaign, he says, is
            # different"); alone it must be a clause
            after = _content(doc, s, e, h, "parenthetical-cue",
                             short=len(text[s0:np[0].start].split()) >= 2 and e - s >= 8)
            return _both_sides(doc, s0, np[0].start, after, h)
        # "CONTENT, X said." -- the cue ends the sentence
        if before == "," and (not rest or rest[0].text in (".", "!", "?", ",") or _adjunct_only(rest) or
                              (lemma in _TELL and len(rest) <= 10 and
                               not any(t.text.lower() == "that" or t.text in DQ_OPEN or
                                       t.text.lower() in sp.lexicon().pronouns for t in rest))):
            s, e = _trim(text, s0, np[0].start)
            words = text[s:e].split()
            if len(words) < 4 or (words[0] in OPENERS and len(words) < 8):
                return None
            return _content(doc, s, e, h, "content-subject-cue")
        # "X said (that) CONTENT" -- skip an object of tell ("told reporters") and adjuncts
        k = _skip_object(toks, k, lemma)
        if k >= len(toks):
            return None
        if toks[k].text.endswith("ing") and toks[k].text.islower():
            return None  # ", pointing out that ...": the participle introduces its own clause
        if lemma in _TELL and toks[k].text.lower() != "that" and toks[k].text.lower() not in sp.lexicon().pronouns:
            return None
        if toks[k].text.lower() == "it" and (k + 1 >= len(toks) or not toks[k + 1].word or
                                              toks[k + 1].text.lower() in _NOT_CLAUSE or toks[k + 1].cap):
            return None  # "said it on Tuesday": an object, not a clause
        if toks[k].text.lower() in _NOT_CLAUSE or not (toks[k].word or toks[k].text in DQ_OPEN or toks[k].text == "‘"):
            return None
        if lemma in _WEAK and toks[k].text.lower() not in _CLAUSE_START and not (
                toks[k].cap and toks[k].text not in sp._NOT_NAME and k + 1 < len(toks) and
                (toks[k + 1].cap or toks[k + 1].text.islower())) and not _finite_soon(toks, k):
            return None  # "wrote a dissent", "posted the story": an object, not a clause
        if cls == "thought" and toks[k].text.lower() != "that":
            # belief verbs take many objects ("believe in", "know him"); demand a that-clause
            # or a pronoun/name subject right after
            if not (toks[k].text.lower() in sp.lexicon().pronouns or toks[k].cap or _finite_soon(toks, k, 5)):
                return None
        s, e = _trim(text, toks[k].start, s1)
        if text[s:s + 5].lower() == "that ":
            s += 5
        return _content(doc, s, e, h, "subject-cue-clause")
    if j >= 0 and toks[j].text in ("and", "but", "to") and cls in ("speech", "thought") and \
            (toks[j].text != "to" or lemma in _TO_CUES):
        # "Clinton celebrated in Florida ... and said it was another step": the subject of the
        # sentence speaks; so with "stood at a Bush event to say ..."
        found = initial_subject(text, sp.tokens(text, s0, toks[j].start) if cut_left else toks[:j])
        if found is None and toks[j].text != "to":
            found = _carried(items, s0, toks[i].start)
        if found is not None:
            k = _skip_object(toks, i + n, lemma)
            if k < len(toks) and toks[k].word and toks[k].text.lower() not in _NOT_CLAUSE and \
                    not (toks[k].text.endswith("ing") and toks[k].text.islower()) and \
                    (lemma not in _TELL or toks[k].text.lower() == "that") and \
                    (lemma not in _WEAK or toks[k].text.lower() in _CLAUSE_START):
                h = Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="coordinated")
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
        if np and (np[-1].end >= s1 - 1 or text[np[-1].end:np[-1].end + 1] in ".,"):
            h = Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="cue-subject")
            s, e = _trim(text, s0, toks[i - 1].start)
            return _content(doc, s, e, h, "content-cue-subject")
    return None


_DOC_ADJUNCT = regex.compile(r"(?i)(?:in|on|at|during)\s++(?:a|an|the|his|her|their|its)\s++(?:\S++\s++){0,2}?"
                             r"(?:statement|interview|email|letter|tweet|post|speech|call|release|conference|"
                             r"appearance|op-ed|column|memo)\b")


def _both_sides(doc: DocIndex, s0: int, np_start: int, after, h: Hit):
    """``A, X said, B``: the content is in two pieces, and the first (``Many of the
    closures``, ``Back then``) is reported too, however short."""
    if after is None:
        return None  # "In February, Mr. Trump said, ''...'': no second piece, nothing reported
    s, e = _trim(doc.text, s0, np_start)
    if _DOC_ADJUNCT.match(doc.text, s, e):
        return after  # "In a statement Thursday, X said, ...": where it was said, not what
    before = _content(doc, s, e, h, "parenthetical-cue", short=True) if e > s else None
    if before is None:
        return after
    if after is None:
        return before
    return before[0] + after[0], h, after[2]


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
_CLAUSE_START = frozenset({"that", "he", "she", "they", "it", "we", "i", "there", "you"})
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
#: Verbs and adjectives that hand their subject to the infinitive after them ("seems to
#: believe", "is likely to endorse").
_CHAIN = lexicon.exact("reported_chain_words.txt")
_BE = frozenset("is are was were am be been being".split())
_NEGATIONS = frozenset({"not", "never"})
_DEGREE = frozenset({"more", "less", "most", "very", "so", "too", "quite", "all", "also", "now"})
#: The words before a cue that may end a verb group (with their capitalised forms).
_GROUP_PREV = frozenset(w for x in _BE | _NEGATIONS | {"to"} for w in (x, x.capitalize()))


_NEG_ENDS = frozenset({"n't", "n’t"})


def _negative(word: str) -> bool:
    """A contracted negative auxiliary (``didn't``, ``won’t``), one token as cut."""
    return word[-3:] in _NEG_ENDS


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


def _may_group(toks: list, i: int) -> bool:
    """The quick test before :func:`_group_left`, from the word before the cue alone (most
    cues have none of these before them)."""
    return i > 1 and (toks[i - 1].text in _GROUP_PREV or toks[i - 1].text[-3:] in _NEG_ENDS)


def _group_left(toks: list, i: int):
    """Where the subject of the cue at ``i`` ends when a verb group stands between them that
    the refusal of a word before would misread: a chain word (``seems to believe``, ``is
    likely to endorse``), a negation after an auxiliary (``did not endorse``, ``didn't
    mention``), a progressive (``is expecting``).  The index of the last token before the
    group (auxiliaries and adverbs left of it are skipped by the caller), or None."""
    if i < 2:
        return None
    prev = toks[i - 1].text.lower()
    ing = toks[i].text.endswith("ing")
    if prev == "to" and toks[i - 2].text.lower() in _CHAIN:
        k = i - 3
        while k >= 0 and toks[k].text.lower() in _DEGREE:
            k -= 1  # "were more likely to say"
    elif prev in _NEGATIONS and (toks[i - 2].text.lower() in FINITE and
                                 (ing or toks[i - 2].text.lower() not in _BE) or _negative(toks[i - 2].text)):
        k = i - 3  # "did not endorse", "is not expecting"; "was not told" is a passive
    elif prev in _BE and ing:
        k = i - 2  # "is expecting to", "are taking"
    elif _negative(prev):
        k = i - 2  # "didn't mention"
    else:
        return None
    if k >= 0 and _negative(toks[k].text):
        k -= 1  # "didn't seem to"
    return k if k >= 0 else None


_HEAD_OPEN = lexicon.exact("grammar_head_openers.txt")


def _relative_head(toks: list, npi: int, k: int):
    """``a probe the agency said was ongoing``, ``the only regret he acknowledged was``,
    ``moves that he said improved``: the cue's subject (at ``npi``) opens a relative clause
    whose gap is what was said, so the content is the noun phrase it hangs on (to its
    determiner, at most six words).  Only when the cue takes no complement of its own: a
    finite verb or the end of the clause follows it (``k``), and before the subject stands
    ``that`` or a noun.  The ``(start, end)`` of that phrase, or None."""
    if npi < 2 or k >= len(toks):
        return None
    nxt = toks[k]
    if not (nxt.text.lower() in FINITE or nxt.text in (".", ",", ";", ":", "—", "–")):
        return None
    m = npi - 1
    if toks[m].text == "that":
        m -= 1
    w = toks[m]
    if not w.word or w.text.lower() in _HEAD_OPEN or w.text.lower() in _SUBJECT_STOP or \
            w.text.lower() in FINITE or w.text in _cue_words() or w.text.endswith("ly") or not w.text.islower():
        return None
    end = w.end
    while m >= 0 and npi - m <= 7 and toks[m].word and toks[m].text.lower() not in _SUBJECT_STOP and \
            toks[m].text.lower() not in FINITE:
        if toks[m].text.lower() in _HEAD_OPEN:
            return toks[m].start, end
        m -= 1
    return None


def _by_manner(toks: list, i: int) -> bool:
    """``rallied thousands by promising to ...``: a gerund after ``by`` inside the clause
    tells how its subject acted, and speaks for that subject (not at the sentence start,
    where the subject comes after: ``By refusing to ..., Trump ...``)."""
    return i > 1 and toks[i - 1].text.lower() == "by" and toks[i - 2].word



def _finite_soon(toks, k, span: int = 8) -> bool:
    """Whether a finite auxiliary follows within a few words, before any punctuation: the
    words after the cue are a clause ("promised her program would be paid for")."""
    for t in toks[k + 1:k + 1 + span]:
        if not t.word or t.text in _past_cues():
            return False  # "claimed vast wealth and said it was": a second predicate, not a clause
        if t.text.lower() in FINITE:
            return True
    return False


_TIME_WORDS = frozenset("last earlier this week month year night morning afternoon evening".split())


def _skip_object(toks, k, lemma) -> int:
    """Step over what stands between a cue and its clause: the hearer of *tell* and similar
    (``told reporters``, ``told CNN on Sunday``) and time adjuncts."""
    n = len(toks)
    if lemma in ("tell", "inform", "assure", "reassure", "warn", "remind", "advise", "urge") and k < n:
        j = k
        while j < n and j - k < 6 and toks[j].text.lower() != "that" and (
                toks[j].cap or toks[j].text.lower() in ("reporters", "the", "a", "an", "his", "her", "their",
                                                           "him", "them", "me", "us", "audience", "crowd",
                                                           "supporters", "journalists", "'s", "’s")):
            j += 1
        k = j
    while k < n and (toks[k].text in WEEKDAYS or toks[k].text.lower() in _TIME_WORDS or (
            # "on" only before a day ("said on Tuesday that"), not "said on a call with reporters"
            toks[k].text == "on" and k + 1 < n and toks[k + 1].text in WEEKDAYS) or (
            # a manner adverb ("said flatly that", "testified voluntarily in 1998")
            toks[k].text.endswith("ly") and toks[k].text.islower() and len(toks[k].text) > 4 and
            k + 1 < n and (toks[k + 1].text in _ADJUNCT_PREPS or toks[k + 1].text == "that"))):
        k += 1
    return k


_ING_CLAUSE = regex.compile(r",\s++\p{Ll}*ing\b")


def _clause_end(text: str, s: int, e: int) -> int:
    """A participial content ends at the next ``, -ing`` clause (``..., posing a threat``)."""
    m = _ING_CLAUSE.search(text[s:e])
    return s + m.start() if m else e


def _latest_subject(doc, toks, i):
    """For ``..., pointing out that``: the speaker phrase of the clause before."""
    hits = hits_in(doc, toks, 0, i)
    if hits:
        return hits[-1].np
    return None


_TAIL_SOURCE = regex.compile(r",\s++(?:according\s++to|citing|as\s++reported\s++by)\b")
_TAIL_CUE = regex.compile(r",\s++(?:(?:[\p{Lu}][\p{L}.'’\-]*+\s++){1,4}|(?:he|she|they|officials|aides)\s++)"
                          r"(?:said|says|told|added|argued|noted|wrote|explained|contended)\b")
_NEW_CLAUSE = regex.compile(r"\s[—–]\s++and\s++(?=the\b|\p{Lu})|,\s++with\s++(?=\S++\s++\S*+ing\b|the\b|\p{Lu})|"
                            # ", which forced the resignation ...": the reporter's comment on it
                            r",\s++which\s++(?!\p{Lu}|he\b|she\b|they\b|we\b|I\b)|"
                            r",\s++(?:while|whereas|although|though|but|as)\s++(?=\p{Lu}|he\b|she\b|they\b|it\b|we\b|"
                            r"I\b|the\b|a\b|an\b|nine\b|some\b|many\b)|\s++[—–]\s++(?=which\b|who\b)")


def _has_dash(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds an em or en dash (every ``_NEW_CLAUSE`` without a comma
    has one)."""
    return text.find("—", s, e) >= 0 or text.find("–", s, e) >= 0


# matched only where str.find puts one of its opening literals (see _second_predicate); the
# words it captures are checked against the tables in Python
_CLAUSE_STOP = _re.compile(r";|, (?:whose|where|given that)\b|, (?P<ing>[a-z]+ing)\b|"
                           r",? (?:and|but) (?:then |also |later )?(?P<verb>[a-z]+)\b")


def _second_predicate(text: str, s: int, e: int) -> int:
    """The content ends where the sentence goes on past it: at a semicolon, a relative or
    conditional aside (``, where he trails ...``, ``, given that ...``), or a second
    predicate of the source (``said the party was not in crisis, and urged that ...``,
    ``rejected the idea ... and said that ...``): ``and``/``but`` and a cue verb in the
    past tense, whose subject is the source, not the content's.

    >>> t = "the party was not in crisis, and urged calm; others disagreed"
    >>> t[:_second_predicate(t, 0, len(t))]
    'the party was not in crisis'
    """
    # each stop opens with one of a few literals: find those (C speed), read only there
    for lit in (";", ", ", " and ", " but "):
        p = text.find(lit, s + 8, e)
        while p >= 0:
            m = _CLAUSE_STOP.match(text, p, e)
            if m and _stops(m):
                e = p
                break
            p = text.find(lit, p + 1, e)
    return e


def _stops(m) -> bool:
    """Whether a match of ``_CLAUSE_STOP`` ends the content: a participle or a verb after
    ``and``/``but`` only when the tables know it as a cue."""
    verb, ing = m.group("verb"), m.group("ing")
    if ing is not None:
        return ing in _cue_words()  # ", explaining that ...": a participle with its own content
    return verb is None or verb in _past_cues()


@functools.lru_cache(maxsize=1)
def _past_cues() -> frozenset:
    """Past-tense forms of the cue and attribution verbs (``said``, ``urged``, ``wrote``):
    after ``and`` they open a second predicate of the source."""
    forms = set()
    for w, entries in cues().items():
        if any(e[2] == "speech" for e in entries):
            forms.add(w)
    return frozenset(f for f in forms if " " not in f and (f.endswith("ed") or f in _IRREGULAR_PAST))


_IRREGULAR_PAST = frozenset("said told wrote saw thought knew felt found sought held took gave made spoke".split())


def _content(doc: DocIndex, s: int, e: int, h: Hit, rule: str, short: bool = False):
    """The paraphrased stretches of ``text[s:e]``: the clause minus any quotation inside it
    (a mixed quote keeps its quoted part as a quote and the rest as reported speech)."""
    text = doc.text
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
    if comma >= 0 or _has_dash(text, s, e):
        # ", and Ms. Brainard is ...", ", while nine in 10 said ...": a new clause with its
        # own subject is the reporter's again
        m = _NEW_CLAUSE.search(text, s, e)
        if m and m.start() - s >= 20:
            e = m.start()
    e = _second_predicate(text, s, e)
    if e - s < (2 if short else 12):
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


# --- the broad attribution lexicon (data/reported_verbs.tsv) ---------------------------------

def _forms(lemma: str, irregular: str = "") -> tuple:
    """The inflected forms of a verb: listed irregular ones, else the regular ones.

    >>> _forms("argue")
    ('argue', 'argues', 'argued', 'arguing')
    >>> _forms("worry")
    ('worry', 'worries', 'worried', 'worrying')
    >>> _forms("say", "said,said,says,saying")
    ('say', 'said', 'said', 'says', 'saying')
    """
    if irregular == "adj":
        return (lemma,)  # an adjective is not inflected
    if irregular:
        return (lemma,) + tuple(f.strip() for f in irregular.split(","))
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    s = lemma + "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else lemma + "s"
    return lemma, s, lemma + "ed", lemma + "ing"


@functools.lru_cache(maxsize=1)
def _states() -> frozenset:
    """The adjective cues (class ``state``): they follow a copula, which the quick test of
    the word before would refuse."""
    return frozenset(w for w, entries in verbs().items() if any(e[2] == "state" for e in entries))


@functools.lru_cache(maxsize=1)
def verbs() -> dict:
    """``form -> [(particle words, lemma, class, frames)]`` from ``data/reported_verbs.tsv``,
    longest particle first; loaded once."""
    table: dict = {}
    for row in lexicon.rows("reported_verbs.tsv"):
        cols = list(row) + ["", "", ""]
        words = cols[0].split()
        frames = frozenset(x for x in cols[2].split(",") if x)
        for form in set(_forms(words[0], cols[3])):
            table.setdefault(form, []).append((tuple(words[1:]), cols[0], cols[1], frames))
    for v in table.values():
        v.sort(key=lambda r: -len(r[0]))
    return table


#: Words that open a wh-complement ("asked whether", "explained how").
_WH = frozenset("what whether if how why when where who which".split())
#: Words before a verb form that make it a noun or an attribute, not a cue ("the report
#: found" is a cue, "a report" is not; "to say" is read by the cue before it).
_NOT_SUBJECT_END = lexicon.exact("grammar_not_subject_end.txt")
_GERUND_PREPS = frozenset("on of for about in by from against without after before".split())
_DETERMINERS = frozenset("a an the his her their its my our your this that these those".split())
#: Words that end a subject read leftwards when no noun phrase was recognised.
_SUBJECT_STOP = lexicon.exact("grammar_subject_stop_words.txt")
#: Particles that take the content after a verb ("warned of", "complained about").
_PARTICLES = frozenset({"of", "about", "against", "for", "with", "on"})
#: Words that cannot open an object: prepositions and conjunctions (object pronouns and
#: possessives can: "endorsed him", "touts her record").
_NOT_OBJECT = (_NOT_CLAUSE - {"them", "him", "her", "me", "us", "this", "nothing", "something", "anything"}) | {
    "and", "but", "or", "in", "at", "after", "before"}
_COPULAS = frozenset("is are was were am be been remain remains remained seems seemed appears appeared "
                     "feel feels felt 's 're ’s ’re".split())
_SUBJ_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "there"})


def _verb_at(toks: list, i: int):
    """``(n_tokens, lemma, class, frames)`` when a broad attribution verb starts at ``i``."""
    entries = verbs().get(toks[i].text)
    if not entries:
        return None
    for rest, lemma, cls, frames in entries:
        n = 1 + len(rest)
        if i + n <= len(toks) and all(toks[i + 1 + k].text.lower() == rest[k] for k in range(len(rest))):
            return n, lemma, cls, frames
    return None


def _before_relative(toks: list, j: int):
    """``The company, which has endorsed the bill, warned``: the subject before a relative
    clause in commas (``j`` is the closing comma)."""
    k = j - 1
    while k > 0 and j - k < 25 and toks[k].text not in (",", ";", ".", "(", ")"):
        k -= 1
    if k <= 0 or toks[k].text != "," or toks[k + 1].text not in ("who", "which", "whose"):
        return None
    return np_left(toks, k - 1, 0)


def _opening_name(toks: list, j: int):
    """``Lance Beebe, 49, a Navy veteran who ..., said``: when the phrase reader gives up on
    a long appositive, the name that opens the sentence, up to its first comma, is the
    subject (``j`` is the comma before the verb)."""
    c = next((m for m in range(min(j, 8)) if toks[m].text == ","), None)
    if not c or c == j or not toks[0].cap or any(not t.word or t.text.lower() in _SUBJECT_STOP
                                                  for t in toks[:c]):
        return None
    found = np_left(toks, c - 1, 0)
    if found and token_index(toks, found[0][0].start) == 0 and any(t.cap for t in found[0]):
        return found[0], tuple(toks[c + 1:j])
    return None


def _object_then_to(toks: list, k: int) -> bool:
    """Whether a short object phrase and an infinitive follow (``urged Congress to act``)."""
    for m in range(k, min(len(toks) - 1, k + 6)):
        t = toks[m]
        if t.text == "to":
            return m > k and toks[m + 1].word and toks[m + 1].text.islower()
        digits = t.text[:1].isdigit() or t.text == "," and toks[m - 1].text[-1:].isdigit() and \
            toks[m + 1].text[:1].isdigit()  # "5,000" is three tokens
        if not (t.word or digits) or t.text.lower() in FINITE or \
                t.text.lower() in ("that", "and", "or", "but"):
            return False
    return False


def _verb_reading(toks: list, np, cue: str = "s", nxt: str = "") -> bool:
    """Whether a noun-homograph cue (``reports``, ``states``, ``plans``) reads as a verb: its
    subject is a name, a pronoun or a person's role (``the governor plans to``), and not a
    capital that only opens the sentence (``New reports show``); or a plural noun that the
    form agrees with only as a verb (``public records show``, ``many voters fear``: a noun
    compound would need the plural last, ``news reports``)."""
    if not np:
        return False
    last = np[-1]
    if last.text.islower() and last.text.endswith("s") and not last.text.endswith(("ss", "'s", "’s")) and \
            not cue.endswith("s") and last.text.lower() not in sp.lexicon().pronouns:
        return True
    if last.text.islower() and not last.text.endswith("s") and cue.endswith("s") and nxt in ("to", "that") and \
            len(np) > 1 and np[0].text.lower() in ("the", "a", "an", "this", "that", "his", "her", "their", "its"):
        return True  # "the campaign plans to", "the company hopes that": a singular subject and its verb
    if len(np) == 1 and token_index(toks, last.start) == 0 and last.text.lower() not in sp.lexicon().pronouns and \
            not last.text.endswith("s"):
        return False  # a capital that opens the sentence; a plural ("Republicans") acts
    return bool(last.text.lower() in sp.lexicon().pronouns or sp.lexicon().title(last.text) or
                (last.cap and not last.text.endswith(("'s", "’s"))))


#: Verbs whose hearer stands between them and the that-clause ("told reporters that").
_HEARER_VERBS = frozenset("tell inform assure reassure remind warn advise urge convince persuade notify".split())
_ADJUNCT_PREPS = frozenset("on in at during to from after before with via over for".split())


def _skip_adjunct(toks: list, k: int) -> int:
    """``said in an interview that ...``, ``said on CNN, where he is a contributor, that
    ...``: step over a prepositional adjunct to the *that* it holds back (within a dozen
    words of the same sentence)."""
    if k < len(toks) and toks[k].text in _ADJUNCT_PREPS:
        for m in range(k + 1, min(len(toks), k + 16)):
            w = toks[m].text
            if w == "that":
                return m
            if w in (".", ";", ":", "“", '"', "”") or (w == "that" and m == k + 1):
                break
    return k


def _skip_hearer(toks: list, k: int) -> int:
    """``complained to CBS News' Charlie Rose that ...``: step over ``to`` + the hearer when a
    *that* follows within a few words."""
    if k < len(toks) and toks[k].text == "to":
        for m in range(k + 1, min(len(toks), k + 9)):
            if toks[m].text == "that":
                return m
            if not (toks[m].word or toks[m].text in ("'s", "’s", "'", "’", ".")):
                break
    return k


_SHARE_HEADS = frozenset("""them those us these the ten one two three four five six seven eight nine""".split())


def _loose_subject(toks: list, j: int):
    """A subject with no name, pronoun or description the phrase reader knows (``most of
    them``, ``more than 4 in 10``, ``voters``): the words back to a clause boundary, at
    most five, when the stretch starts a clause."""
    k = j
    while k >= 0 and j - k < 6 and toks[k].word and (
            toks[k].text.lower() not in _SUBJECT_STOP or
            # "4 in 10", "most of them", "half of the voters": a share is one subject
            toks[k].text in ("in", "of") and k < j and (toks[k + 1].text[:1].isdigit() or
                                                       toks[k + 1].text.lower() in _SHARE_HEADS)):
        k -= 1
    if k == j:
        return None
    if k >= 0 and toks[k].word and toks[k].text.lower() not in _SUBJECT_STOP:
        return None  # more than five words: not a subject we can delimit
    if k >= 0 and toks[k].text not in _CLAUSE_OPENERS:
        return None  # "in five states": a prepositional phrase, not a subject
    return toks[k + 1:j + 1]


#: What may stand before a loose subject: the start of a clause.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "—", "–", "that", "and", "but", "while", "because", "when",
                             "if", "although", "though", "since", "whereas"})


@functools.lru_cache(maxsize=1)
def homographs() -> frozenset:
    """Verb forms that are as often nouns, from ``data/reported_homographs.txt``."""
    return lexicon.exact("reported_homographs.txt")


def _broad_at(doc: DocIndex, toks: list, i: int, s0: int, s1: int, items=()):
    """Reported content of a verb from the broad lexicon at token ``i``: its subject is the
    source, what its frame takes after it (a that-clause, an infinitive, a wh-clause, an
    object) is the content, to the end of the clause."""
    v = _verb_at(toks, i)
    if v is None:
        return None
    n, lemma, cls, frames = v
    text = doc.text
    prev = toks[i - 1].text.lower() if i > 0 else ""
    group = _group_left(toks, i) if cls != "state" and _may_group(toks, i) else None
    if cls == "state":
        # "X is confident that ...": the adjective counts after a copula, whose subject speaks
        c = i - 1
        while c >= 0 and (toks[c].text.lower() in ("very", "so", "quite", "more", "less", "not", "n't", "too",
                                                    "also", "still", "now", "all") or
                          toks[c].text.endswith("ly") and toks[c].text.islower()):
            c -= 1
        if c < 1 or toks[c].text.lower() not in _COPULAS:
            return None
        i_subject_end = c - 1
    elif group is None and toks[i].text.endswith("ing"):
        # a gerund or participle is as often a noun or an attribute ("the thinking"); after a
        # comma it continues the sentence's subject ("Trump spoke, vowing to ..."), and so
        # after "by" ("rallied crowds by promising to ...")
        return _participle_at(doc, toks, i, n, lemma, cls, frames, s1) if prev == "," or \
            _by_manner(toks, i) else None
    if cls != "state" and group is None and prev in _NOT_SUBJECT_END:
        return None  # a noun ("the report"), an infinitive or a passive ("was told")
    j = skip_adverbs_left(toks, i_subject_end if cls == "state" else i - 1 if group is None else group, 0)
    if j < 0:
        return None
    rule = "subject"
    if toks[j].text.lower() in ("both", "all", "each") and j > 0:
        j -= 1  # "Clinton and Sanders both sought to": the floating quantifier is not the subject
    if toks[j].text in ("and", "but"):
        # "has given to many candidates, but plans to narrow ...": the sentence's subject
        found = initial_subject(text, toks[:j]) or _carried(items, s0, toks[i].start)
        left, rule = ((found[0], ()), "coordinated") if found else (None, rule)
    else:
        left = np_left(toks, j, 0)
    if left and noun_use(toks, i, left[0]):
        return None
    if toks[i].text in homographs() and not _verb_reading(toks, left[0] if left else None, toks[i].text,
                                                          toks[i + 1].text if i + 1 < len(toks) else ""):
        return None
    if left and left[0][-1].text.endswith(("'s", "’s")) or prev in ("'s", "’s"):
        return None  # "Lopez's show was cancelled": the word is a noun after a possessive
    if not left and toks[j].text == ",":
        left = _before_relative(toks, j) or _opening_name(toks, j)
    if left:
        np, appos = left
    elif toks[j].text in ("who", "which", "that") and j > 0 and toks[j - 1].text == "," or \
            toks[j].text == "who" and j > 0 and toks[j - 1].text in ("and", "but"):
        # ", which endorsed Clinton": the relative pronoun is the mention; the phrase
        # before the comma is whom it stands for
        found = np_left(toks, j - 2, 0) if j >= 2 else None
        np, appos, rule = [toks[j]], tuple(found[0]) if found else (), "relative"
    elif toks[j].text == "who" and j > 0 and (toks[j - 1].word or toks[j - 1].text == "%"):
        # "business leaders who say the law ...", "18 percent who say ...": a restrictive
        # relative; the mention is "who", the phrase before it whom it stands for
        found = np_left(toks, j - 1, 0) or ((_loose_subject(toks, j - 1), ()) if toks[j - 1].word else None)
        np, appos, rule = [toks[j]], tuple(found[0] or ()) if found else (), "restrictive"
    else:
        np, appos, rule = _loose_subject(toks, j), (), "loose-subject"
        if not np:
            return None
    npi = token_index(toks, np[0].start)
    if npi > 0 and toks[npi - 1].text.lower() in ("what", "which") and rule != "relative" and \
            cls in ("speech", "thought"):
        # "what he calls corruption", "which he said": the content is the relative word,
        # standing for what the clause before names
        rel = toks[npi - 1]
        h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
                 tuple(np), tuple(appos), rule=f"broad-{rule}")
        return [(rel.start, rel.end)], h, f"{cls}-relative-object"
    head = _relative_head(toks, npi, i + n)
    if head:
        h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
                 tuple(np), tuple(appos), rule=f"broad-{rule}")
        return [head], h, f"{cls}-relative-head"
    k = _skip_hearer(toks, _skip_object(toks, i + n, lemma))
    if "that" in frames:
        k = _skip_adjunct(toks, k)
    if lemma in _HEARER_VERBS and k < len(toks) and toks[k].text != "that":
        # "told a Wall Street Journal lunch group that ...": any short hearer before "that"
        for m in range(k, min(len(toks), k + 8)):
            if toks[m].text == "that":
                k = m
                break
            if not (toks[m].word or toks[m].text in ("'s", "’s")) or toks[m].text.lower() in FINITE or \
                    toks[m].text == "to":
                break  # "warned North Korea to refrain from actions that ...": the infinitive is the content
    if k >= len(toks) or not toks[k].word:
        return None
    nxt = toks[k].text.lower()
    if nxt == "that" and ("that" in frames):
        frame = "that"
    elif nxt == "to" and "to" in frames and k + 1 < len(toks) and toks[k + 1].word and \
            toks[k + 1].text.islower():
        frame = "to"
        inner = _verb_at(toks, k + 1)
        obj = k + 1 + inner[0] if inner else len(toks)
        if inner and inner[2] == "stance" and obj < len(toks) and toks[obj].word and \
                toks[obj].text.lower() not in _NOT_OBJECT:
            # "refused to endorse Ryan": the two verbs are one cue, whose content is the object
            frame, k = "np", obj
    elif nxt in _WH and "wh" in frames:
        frame = "wh"
    elif nxt in _PARTICLES and nxt in frames:
        frame, k = nxt, k + 1
    elif "that" in frames and (nxt in _SUBJ_PRONOUNS or _finite_soon(toks, k, 9)) and \
            nxt not in _NOT_CLAUSE:
        frame = "clause"
    elif "bare" in frames and nxt in _POSSESSIVE_PRONOUNS and \
            k + 1 < len(toks) and toks[k + 1].word:
        # "said her suite of proposals addresses ...": after a verb that takes a bare clause
        # freely, a possessive starts the clause's subject
        frame = "clause"
    elif "ing" in frames and nxt.endswith("ing"):
        frame = "ing"
    elif "to" in frames and cls != "evidence" and _object_then_to(toks, k):
        frame = "np-to"  # "expect the central bank to hold rates": the object and its infinitive
    elif "np" in frames and nxt not in _NOT_OBJECT:
        frame = "np"
        if k + 2 < len(toks) and toks[k].text in nouns() and toks[k + 1].text in ("that", "about", "over", "for"):
            # "expressed concern that ...", "voiced support for ...": the noun names the
            # attitude, what follows it is the content
            frame, k = "that" if toks[k + 1].text == "that" else "np", k + 1 + (toks[k + 1].text != "that")
    else:
        return None
    if k >= len(toks) or rule == "restrictive" and frame not in ("that", "clause"):
        return None  # "senators who wanted to attend ... could be faced": the phrase is the subject's
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
             tuple(np), tuple(appos), rule=f"broad-{rule}")
    s, e = _trim(text, toks[k].start, s1)
    if frame not in ("that", "clause", "np-to"):
        e = _phrase_end(text, s, e)
    if frame == "np":
        # "endorsed Mr. Trump at a news conference": the object, not where it happened
        m = _NP_ADJUNCT.search(text, s, e)
        e = m.start() if m else e
    return _content(doc, s, e, h, f"{cls}-{frame}", short=frame not in ("that", "clause"))


_NP_ADJUNCT = regex.compile(r"\s(?:at|during|last|this|after|before|when|while|yesterday|today|through|"
                            r"on\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s|"
                            r"\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                            r"\sin\s(?:early\s|late\s|mid-)?(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December|\d{4})\b")
_PHRASE_END = regex.compile(r"[,;:(—–]|\s--\s|\s(?:but|while|because|although|though|so|unless|whereas)\s")


def _phrase_end(text: str, s: int, e: int) -> int:
    """An object, infinitive or wh-content ends with its phrase: at the next comma, dash or
    conjunction (``endorsed Trump, calling him ...``, ``pledged to shut it, after ...``).

    >>> t = "to shut down private prisons, but he introduced a bill"
    >>> t[:_phrase_end(t, 0, len(t))]
    'to shut down private prisons'
    """
    m = _PHRASE_END.search(text, s, e)
    while m and text[m.start()] == "," and _LIST_GOES_ON.match(text, m.end(), e):
        m = _PHRASE_END.search(text, m.end(), e)  # "older, rural and working-class voters"
    return m.start() if m else e


# after a comma, the phrase goes on: a list ("older, rural and white", "jobs, safety from
# terrorism") closed by "and"/"or" within three words, or its examples ("including ...")
_LIST_GOES_ON = regex.compile(r"\s++(?:including\b|such\s++as\b|(?:[\p{L}\-]++\s++){1,3}?(?:and|or)\s)")


def _clause_start(toks: list, i: int) -> int:
    """The first token of the clause a participle at ``i`` hangs on: after the last ``, and``,
    ``, but`` or ``;`` before it (``Protest groups say ..., and the ACLU has sued, saying
    ...``: the ACLU says it), else the sentence start."""
    for m in range(i - 2, 1, -1):
        w = toks[m].text
        if w == ";" or w in ("and", "but") and toks[m - 1].text == ",":
            return m + 1
    return 0


def _subject_before_finite(toks: list, b: int, i: int):
    """``The Russians have used ..., saying``: the phrase before the first finite auxiliary
    of the clause, when the phrase reader takes it from the clause start."""
    for m in range(b + 1, min(i, b + 12)):
        if toks[m].text.lower() in FINITE:
            found = np_left(toks, skip_adverbs_left(toks, m - 1, b), b)
            if found and token_index(toks, found[0][0].start) == b:
                return found[0], None
            return None
        if not toks[m].word:
            return None
    return None


def _participle_at(doc: DocIndex, toks: list, i: int, n: int, lemma: str, cls: str, frames, s1: int):
    """``X did something, saying/vowing/calling for ...``: the content is what the participle
    takes, the speaker the subject of the sentence (of its last clause, after ``, and``)."""
    b = _clause_start(toks, i)
    found = initial_subject(doc.text, toks[b:i]) or _subject_before_finite(toks, b, i)
    if found is None:
        # '“...,” he vowed, adding he intended to ...': the speaker of the clause before
        subj = _latest_subject(doc, toks, i)
        if subj is None:
            return None
        found = (subj, None)
    text = doc.text
    k = _skip_object(toks, i + n, lemma)
    if k >= len(toks) or not toks[k].word:
        return None
    nxt = toks[k].text.lower()
    if nxt == "that" and "that" in frames or nxt == "to" and "to" in frames or nxt in _WH and "wh" in frames:
        frame = "clause" if nxt == "that" else "phrase"
    elif nxt in _PARTICLES and nxt in frames:
        frame, k = "phrase", k + 1
    elif "that" in frames and (nxt in _SUBJ_PRONOUNS or _finite_soon(toks, k, 6)) and nxt not in _NOT_CLAUSE:
        frame = "clause"
    elif "np" in frames and nxt not in _NOT_CLAUSE and nxt not in ("and", "but", "or", "as", "in", "at"):
        frame = "phrase"
    else:
        return None
    if k >= len(toks):
        return None
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
             tuple(found[0]), rule="broad-participle")
    s, e = _trim(text, toks[k].start, s1)
    if frame == "phrase":
        e = _phrase_end(text, s, e)
    else:
        e = _clause_end(text, s, e)
    return _content(doc, s, e, h, f"{cls}-participle", short=frame == "phrase")


# --- nominal attributions (data/reported_nouns.tsv) ---------------------------------------------

@functools.lru_cache(maxsize=1)
def nouns() -> dict:
    """``noun -> frames`` from ``data/reported_nouns.tsv``; loaded once."""
    return {row[0]: frozenset(row[1].split(",")) for row in lexicon.rows("reported_nouns.tsv")}


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our"})


def _nominal_at(doc: DocIndex, toks: list, i: int, s1: int):
    """``Trump's criticism of the judge``, ``his claim that ...``, ``her call for ...``: a
    possessive before the noun is the source; the frame word after it opens the content,
    which ends with its phrase (a that-clause with its clause)."""
    frames = nouns().get(toks[i].text)
    if not frames or i == 0 or i + 2 >= len(toks):
        return None
    text = doc.text
    prev = toks[i - 1]
    if i >= 2 and prev.word and prev.text.islower() and prev.text not in nouns() and (
            toks[i - 2].text.lower() in _POSSESSIVE_PRONOUNS or toks[i - 2].text.endswith(("'s", "’s"))):
        i_adj = i - 1  # "his harsh attacks on": one adjective between
        prev = toks[i_adj - 1]
    else:
        i_adj = i
    if prev.text.lower() in _POSSESSIVE_PRONOUNS:
        np = [prev]
    elif prev.text.endswith(("'s", "’s")) and prev.cap:
        found = np_left(toks, i_adj - 1, 0)
        np = list(found[0]) if found else [prev]
    elif prev.text in ("'", "’") and i >= 2 and toks[i - 2].cap and toks[i - 2].text.endswith("s"):
        np = [toks[i - 2]]  # "Sanders’ support for"
    else:
        return None
    k = i + 1
    nxt = toks[k].text.lower()
    if nxt not in frames:
        return None
    if nxt == "to" and not (toks[k + 1].word and toks[k + 1].text.islower()):
        return None  # "his opposition to the war" is read as an object below only if listed
    start = toks[k].start if nxt in ("that", "to") else toks[k + 1].start
    h = Hit(toks[i].start, toks[i].end, toks[i].text, toks[i].text, "nominal", tuple(np), rule="nominal")
    # the noun phrase is often the sentence's subject: its content ends where the main verb
    # comes (the first finite word; for a that-clause, the one after the clause's own)
    finite_seen = 0
    end = s1
    for t in toks[k + 1:]:
        if t.text.lower() in FINITE:
            finite_seen += 1
            if finite_seen == (2 if nxt == "that" else 1):
                end = t.start
                break
    s, e = _trim(text, start, end)
    if nxt != "that":
        e = _phrase_end(text, s, e)
    return _content(doc, s, e, h, f"nominal-{nxt}", short=nxt != "that")
