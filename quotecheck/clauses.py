"""Clauses: reading the sentence around a cue word, for attribution and reported speech.

One job: given a document's text, find its paragraphs, sentences and tokens once
(:class:`DocIndex`), the cue words of ``data/cues.tsv`` in them (:func:`cue_at`), and the
phrases a cue rests on: the subject read leftwards (:func:`np_left`, titles, appositives,
pronouns, ``X, who``), the phrase after an inverted cue (:func:`np_right`), and every cue
with the subject of the clause it belongs to in a stretch of tokens (:func:`hits_in`: a
participle's or an infinitive's main clause, a passive's agent, past appositives).  The
subject that opens a clause is read by :mod:`quotecheck.subjects`.
:mod:`quotecheck.attribution` uses these readings around quotations and
:mod:`quotecheck.reported` around reported speech; neither reads a phrase any other way.
"""
from __future__ import annotations

import bisect
import functools
import itertools
from array import array

import attrs
import regex

from . import lexicon
from . import speakers as sp
from . import text as _text
from .subjects import (_ADVERBS, _DOCUMENTS, _FUNCTION_WORDS, FINITE, STOP, WEEKDAYS, _cap_run_end, _speaking_head,
                       clause_subject, initial_subject, token_index)

_new_token = tuple.__new__


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """``first word -> [(words, lemma, class)]`` from ``data/cues.tsv``, longest first."""
    table: dict = {}
    for row in lexicon.rows("cues.tsv"):
        words = tuple(row[0].split())
        table.setdefault(words[0], []).append((words, row[1], row[2]))
    for v in table.values():
        v.sort(key=lambda r: -len(r[0]))
    return table








DQ_OPEN = "“\"«„"


@attrs.frozen
class Hit:
    """A cue with the subject it rests on."""
    cue_start: int
    cue_end: int
    cue: str
    lemma: str
    cls: str
    np: tuple  # tokens of the speaker phrase
    titles: tuple = ()  # tokens of an appositive
    rule: str = ""


_LINE = regex.compile(r"[^\r\n]++")


#: A long paragraph is tokenised this many characters at a time (cut at white space, where
#: no token goes on): the token records of a whole 200 000-character line at once were a
#: passing 70 bytes per character of it; the offsets kept are 16 bytes per token.
_TOKEN_CHUNK = 1 << 12
_TOKEN_GAP = regex.compile("[" + sp._WS + "]")  # what speakers.tokens never puts in a token


def token_offsets(text: str, a: int, b: int, chunk: int = _TOKEN_CHUNK) -> tuple:
    """``(starts, ends)``: arrays of the offsets of :func:`speakers.tokens` over
    ``text[a:b]``, read a bounded chunk at a time.

    >>> [list(x) for x in token_offsets("Sen. J. Smith said.", 0, 19)]
    [[0, 5, 8, 14, 18], [4, 7, 13, 18, 19]]
    """
    starts, ends = array("q"), array("q")
    while a < b:
        cut = b
        if b - a > chunk:
            m = _TOKEN_GAP.search(text, a + chunk, b)
            cut = m.start() if m is not None else b
        t = sp.tokens(text, a, cut)
        starts.extend(x.start for x in t)
        ends.extend(x.end for x in t)
        a = cut
    return starts, ends


#: What DocIndex keeps per paragraph (tokens, sentence bounds) is kept for this many
#: paragraphs, the oldest let go first: the stages read the text in order and never look
#: further back than a few thousand characters (REACH, the 3000 of a speaker between two
#: quotes), and a paragraph is at least two characters with its line break, so a paragraph
#: let go is never read again in practice (and would only be read again, not read wrong).
#: Kept for every paragraph it was about 250 bytes a paragraph: 60 bytes per character of
#: text made of short lines.
_KEEP_PARAGRAPHS = 2048


def _remember(cache: dict, key, value):
    """``cache[key] = value``, letting the oldest entry go past :data:`_KEEP_PARAGRAPHS`."""
    if len(cache) >= _KEEP_PARAGRAPHS:
        del cache[next(iter(cache))]
    cache[key] = value
    return value


class DocIndex:
    """A document's paragraphs and quotes, for local lookups."""

    def __init__(self, text: str, quotes: tuple):
        self.text = text
        self.quotes = quotes
        # arrays of offsets: 16 bytes a paragraph (a list of ints was about 72, and text of
        # short lines has a paragraph every few characters)
        starts, ends = array("q"), array("q")
        for m in _LINE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        self.para_starts, self.para_ends = starts, ends
        self.qstarts = [q.start for q in quotes]
        self._bounds: dict = {}
        self._stoks: dict = {}  # ("p", paragraph) -> (token starts, token ends)

    def sentence(self, pos: int):
        """``(start, end)`` of the sentence holding ``pos`` (full stops inside quotations
        count), from boundaries found once per paragraph."""
        pi = self.para(pos)
        ps, pe = self.para_span(pi)
        b = self._bounds.get(pi)
        if b is None:
            starts, ends = [ps], []
            for end, nxt in _text.sentence_breaks(self.text, ps, pe):
                ends.append(end)
                starts.append(nxt)
            ends.append(pe)
            b = _remember(self._bounds, pi, (starts, ends))
        starts, ends = b
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        return starts[k], ends[k]

    def toks(self, lo: int, hi: int) -> list:
        """The tokens of ``text[lo:hi]`` (those wholly inside it), sliced from the tokens of
        its paragraphs, each tokenised once however many quotes and cues look at it (so
        dense or unpunctuated text stays linear, and no sentence is tokenised twice).  A
        sentence's tokens are the same read alone or sliced from its paragraph: sentences
        start after white space and end after a full stop, where tokens end anyway."""
        if hi <= lo:
            return []
        pi, pj = self.para(lo), self.para(hi - 1)
        if pi == pj:
            ps, pe = self.para_span(pi)
            return self._slice(("p", pi), ps, pe, lo, hi)
        out = []
        for k in range(pi, pj + 1):
            ps, pe = self.para_span(k)
            out.extend(self._slice(("p", k), ps, pe, lo, hi))
        return out

    def _slice(self, key, a: int, b: int, lo: int, hi: int) -> list:
        # A paragraph's tokens are kept as two arrays of offsets (16 bytes a token) and the
        # Token records of a slice made when asked for: kept as records, with their words,
        # they were about 180 bytes a token, over 30 bytes per character of the document.
        got = self._stoks.get(key)
        if got is None:
            got = _remember(self._stoks, key, token_offsets(self.text, a, b))
        starts, ends = got
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi)
        while j > i and ends[j - 1] > hi:
            j -= 1
        s, e = starts[i:j], ends[i:j]
        return list(map(_new_token, itertools.repeat(sp.Token),
                        zip(s, e, map(self.text.__getitem__, map(slice, s, e)))))

    def para(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def para_span(self, i: int):
        return (self.para_starts[i], self.para_ends[i]) if self.para_starts else (0, len(self.text))

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.qstarts, pos) - 1
        return i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end

    def outside_quotes(self) -> list:
        """``(start, end)`` of the stretches where :meth:`in_quote` is false, in text order,
        so a scan can skip what would be thrown away: a position belongs to the quote that
        starts last at or before it, so each quote covers its text up to its end or to the
        next quote's start, whichever comes first.

        >>> from types import SimpleNamespace as Q
        >>> DocIndex("x" * 30, (Q(start=2, end=20), Q(start=5, end=8), Q(start=25, end=28))).outside_quotes()
        [(0, 2), (8, 25), (28, 30)]
        """
        out, cur = [], 0
        starts = self.qstarts[1:] + [len(self.text)]
        for q, nxt in zip(self.quotes, starts):
            end = min(q.end, nxt)
            if q.start < end:
                if q.start > cur:
                    out.append((cur, q.start))
                cur = end
        if cur < len(self.text):
            out.append((cur, len(self.text)))
        return out


#: How far around a quote or cue the attributor looks (characters).  Real sentences are
#: shorter; the bound keeps text without full stops (one huge "sentence") linear.
REACH = 600


def cue_at(toks: list, i: int):
    """``(n_tokens, lemma, class)`` when a cue starts at token ``i``."""
    t = toks[i]
    w = t.text
    if not w[:1].isalpha():
        return None
    entries = cues().get(w) or (cues().get(w.lower()) if w == "According" or (
        w[:1].isupper() and (i == 0 or toks[i - 1].text in (".", "!", "?", "“", '"')) and
        i + 1 < len(toks) and toks[i + 1].cap) or _headline_cue(toks, i) else None)
    if not entries:
        return None
    for words, lemma, cls in entries:
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].text.lower() == words[k] for k in range(1, n)):
            return n, lemma, cls
    return None


#: What may follow a cue in a headline: the next capitalised word, an opening quotation
#: mark or a colon (not an apostrophe: "the United States' allies").
_HEADLINE_NEXT = frozenset("“‘\":")
_HEADLINE_CUES = lexicon.words("clauses_headline_cues.txt")


def _headline_cue(toks: list, i: int) -> bool:
    """Whether the capitalised word at ``i`` is read in a headline's title case (``Clinton
    Says Trump Is Wrong``, ``Mayor Tells Council: ...``, ``Senator Calls It “...”``): a
    capitalised word before it, and after it a capitalised word, a quotation mark or a colon.
    A surname that is a cue word (``Edward Said, the critic``) is followed by neither."""
    w = toks[i].text
    if w.lower() not in _HEADLINE_CUES or i == 0 or not w[1:].islower():
        return False
    prev = toks[i - 1]
    low = prev.text.lower()
    if not (prev.cap and prev.word) or low in sp.lexicon().pronouns or low in _FUNCTION_WORDS:
        return False  # "... If I Would Have Told Her": not a headline's subject before it
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return nxt.text in _HEADLINE_NEXT or nxt.cap and nxt.word


def np_left(toks: list, j: int, lo_tok: int = 0):
    """The subject noun phrase ending at token ``j`` (inclusive), read leftwards:
    ``(np_tokens, appositive_tokens)`` or None.  Adverbs and time words between the
    subject and the cue are skipped by the caller."""
    found = _np_left1(toks, j, lo_tok)
    if found and found[1] and found[0][0].text != "who":
        np = found[0]
        k = token_index(toks, np[0].start)
        # the phrase found is itself an appositive ("the foreign minister of France," in
        # "Jean-Marc Ayrault, the foreign minister of France, a member of ..., said")
        if k - 1 > lo_tok and toks[k - 1].text == "," and (np[0].text.lower() in sp._DETERMINERS or
                                                           not np[0].cap):
            outer = _np_left1(toks, k - 1, lo_tok)
            if not outer and k - 2 >= lo_tok and toks[k - 2].cap:
                outer = _np_left1(toks, k - 2, lo_tok)  # the name opens the sentence
            if outer and any(t.cap for t in outer[0]):
                return outer[0], tuple(outer[1]) + tuple(np)
    return found


def _np_left1(toks: list, j: int, lo_tok: int = 0):
    lex = sp.lexicon()
    if j < lo_tok:
        return None
    t = toks[j]
    if t.text == ")":
        # a party tag or aside in brackets between the name and the cue
        k = j - 1
        while k >= lo_tok and toks[k].text != "(" and j - k < 12:
            k -= 1
        if k <= lo_tok or toks[k].text != "(":
            return None
        j = k - 1
        t = toks[j]
    base = sp._before_apostrophe(t.text).lower()
    if base in lex.pronouns and base not in ("her", "him"):
        return [t], []
    if t.text == "who" and j - 1 > lo_tok and toks[j - 1].text == ",":
        # "McConnell, now the Senate majority leader, who said": the mention is "who", the
        # person it stands for is before the comma (carried in the appositive slot)
        found = np_left(toks, j - 1, lo_tok) or np_left(toks, j - 2, lo_tok)
        return ([t], tuple(found[0])) if found else None
    appos = []
    if t.text == "," and j - 1 >= lo_tok and toks[j - 1].text == ")":
        return np_left(toks, j - 1, lo_tok)
    if t.text in ("—", "–", "--"):
        # "Gingrich — mentioned by Newsmax as a running mate — told": the aside in dashes
        k = j - 1
        while k >= lo_tok and toks[k].text not in ("—", "–", "--", ".", ";") and j - k < 30:
            k -= 1
        if k - 1 >= lo_tok and toks[k].text == t.text:
            found = _np_left1(toks, k - 1, lo_tok)
            if found and any(x.cap for x in found[0]):
                return found[0], tuple(toks[k + 1:j])
        return None
    if t.text == ",":
        # "Vladimir Putin, Russia's president, said": skip back over the appositive
        k = j - 1
        while k >= lo_tok and toks[k].text not in (",", ";", ":", "(", ")", ".", "!", "?") and j - k < 25:
            k -= 1
        if k < lo_tok or toks[k].text != "," or k == j - 1:
            return None
        appos = toks[k + 1:j]
        j = k - 1
        if j >= lo_tok and toks[j].text == ")":
            # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
            while j >= lo_tok and toks[j].text != "(":
                j -= 1
            j -= 1
        if j < lo_tok:
            return None
        # the appositive must read like one: a determiner, possessive, title or a relative clause
        first = appos[0].text
        if first.lower() in ("now", "then", "also", "formerly", "currently", "once") and len(appos) > 1:
            first = appos[1].text
        if first.endswith("ing") and first.islower() or first in ("in", "on", "at", "during", "after", "before",
                                                                  "himself", "herself", "themselves"):
            first = "who"  # "An Israeli official, speaking on condition of anonymity, said",
            #                "Lewandowski, in a statement released Thursday, said"
        if not (first.lower() in sp._DETERMINERS or first.lower() in ("who", "whose", "which") or
                any(x.text in ("'s", "’s") or x.text.endswith(("'s", "’s")) for x in appos) or
                lex.title(first) or first[:1].isdigit() or
                any(x.text in lex.titles or x.text.lower() in lex.titles for x in appos[:4]) or
                (appos[0].cap and len(appos) <= 8)):
            return None
        if toks[j].text.lower() in lex.pronouns or not toks[j].cap:
            if appos and all(x.cap or x.text in sp._PARTICLES for x in appos if x.word) and \
                    toks[j].word and toks[j].text.lower() not in lex.pronouns:
                return list(appos), []  # the description comes first, the name in the commas
            if not (appos[0].text.lower() in ("who", "whose") and toks[j].word and
                    toks[j].text.lower() not in lex.pronouns):
                return None
            # "The lawmaker, who represents a district in Albay, said": a description before
            # a relative clause about a person is read like a name before one
    out = []
    k = j
    saw_cap = False
    while k >= lo_tok and len(out) < 10:
        t = toks[k]
        w = t.text
        lw = w.lower()
        if w == "10" and not out and k - 2 >= lo_tok and toks[k - 1].text == "in" and (
                toks[k - 2].text.isdigit() or sp._NUMBER_WORD.fullmatch(toks[k - 2].text)):
            out.extend((t, toks[k - 1], toks[k - 2]))  # "About four in 10 said"
            saw_cap = True
            break
        if (w in ("percent", "%") and k - 1 >= lo_tok and toks[k - 1].text[:1].isdigit() and
                toks[k - 1].text.replace(".", "").replace(",", "").isdigit()):
            # "63 percent said", "49% of voters say": a share of those polled speaks (but in
            # "rated 32% of Republican claims as" the cue word is the phrase's noun)
            if j + 1 < len(toks) and toks[j + 1].text.lower() in _NOUNS:
                return None
            out.extend((t, toks[k - 1]))
            saw_cap = True
            break
        if not t.word:
            if w in ("'s", "’s", "-", "&", "'", "’") and out:
                out.append(t)
                k -= 1
                continue
            break
        if w in ("of", "and", "for", "de", "van", "von", "at") and out and out[-1].word and k > lo_tok and \
                (out[-1].cap or w in ("of", "for", "at")) and \
                (toks[k - 1].cap or (w == "and" and toks[k - 1].word) or
                 (w in ("of", "for", "at") and toks[k - 1].text.lower() in lex.titles) or
                 w == "of" and toks[k - 1].text.lower() in ("percent", "%")):
            out.append(t)
            k -= 1
            continue
        if t.cap and w not in sp._NOT_NAME:
            out.append(t)
            saw_cap = True
            k -= 1
            continue
        if lw == "that" and out and out[-1].cap:
            break  # "saying that rival Hillary Clinton had": a conjunction, not a determiner
        if lw in sp._DETERMINERS or w in ("The", "A", "An", "His", "Her", "Their", "Its", "One", "Some", "Many",
                                           "Other", "Both", "Several", "Another"):
            out.append(t)
            k -= 1
            # "a Democratic staffer in the room", "Mr. Morgan of the Sierra Club": a prepositional
            # phrase hangs on the noun before it
            if k - 1 >= lo_tok and toks[k].text in ("in", "at", "of", "for", "from", "with") and \
                    toks[k - 1].word and toks[k - 1].text.lower() not in STOP and \
                    toks[k - 1].text.lower() not in sp.lexicon().pronouns and not cue_at(toks, k - 1) and \
                    len(out) < 7:
                out.append(toks[k])
                k -= 1
                continue
            break
        if lw in STOP or lw in lex.pronouns or (cue_at(toks, k) and lw not in _NOUNS) or lw in FINITE or \
                lw.endswith(("n't", "n’t")) or \
                w[:1].isdigit() and not (not out and _AGE.fullmatch(w)):
            break  # (but "the 43-year-old asked": an age is how news names a person again)
        if t.cap:  # a capitalised function word at the start of a sentence ends the phrase
            break
        out.append(t)
        k -= 1
    if not out:
        return None
    out.reverse()
    if appos and out[0].text.lower() in sp._DETERMINERS and len(appos) >= 2 and \
            all(x.cap or x.text in sp._PARTICLES for x in appos if x.word):
        # "His former business partner at Lenox, Lawrence B. Cummings, called": the name is in
        # the commas, the description before it
        return list(appos), out
    # a bare lower-case phrase needs a head that can speak: a title word, a group or organisation,
    # or a plural agent noun ("forecasters say", "economists warn")
    if not saw_cap and not any(x.text.lower() in sp._DETERMINERS for x in out):
        # the head is before a prepositional phrase ("former secretary of state")
        head = next((out[n - 1] for n in range(1, len(out)) if out[n].text in ("of", "for", "at")),
                    out[-1]).text.lower()
        if not (head in lex.titles or lex.orgs.get(head) or (head.endswith("s") and head[:-1] in lex.titles)
                or head.endswith(("ers", "ors", "ists", "ants", "ents", "ians", "men", "women"))):
            return None
    if len(out) == 1 and out[0].text.lower() in sp._DETERMINERS and \
            out[0].text.lower() not in ("another", "one", "some", "many", "both", "several", "most", "two", "three"):
        return None
    words = [x for x in out if x.word]
    for n, x in enumerate(words):
        if n and x.text in ("in", "at", "of", "for", "from", "with"):
            words = words[:n]  # "a Democratic staffer in the room": the head is before the phrase
            break
    # after a name, lower-case words belong to the phrase only as its head noun ("the Trump
    # campaign", "Obama's former campaign strategist"); "Clinton restricted" is a verb
    last_cap = max((n for n, x in enumerate(words) if x.cap), default=None)
    if last_cap is not None and last_cap < len(words) - 1 and words[0].cap and \
            words[0].text.lower() not in sp._DETERMINERS:
        head = words[-1].text.lower()
        # (a document after a name only where the resolver reads it as its owner's: "Trump's
        # new book says", not "Trump's early-morning tweets accusing ...")
        if not (head in lex.titles or lex.orgs.get(head) or (head.endswith("s") and head[:-1] in lex.titles)
                or _speaking_head(head) and (head not in _DOCUMENTS or head in sp._DOCUMENT_HEADS)
                or head.endswith(("man", "woman", "men", "women", "er", "ers", "or", "ors", "ist", "ists",
                                  "ent", "ents", "ant", "ants", "ian", "ians"))):
            return None
    # "Republican claims": a descriptor alone names nobody
    if all((lex.title(x.text) or ("", ""))[0] == "descriptor" for x in words):
        return None
    return out, appos


#: An age used as a noun ("the 43-year-old said").
_AGE = regex.compile(r"\d{1,3}+-year-old")




_PREPS = frozenset({"at", "on", "in", "during", "over", "via", "for", "after", "before"})


#: Asides in commas between a speaker and the cue ("Ayotte's campaign, for example, said").
_ASIDES = frozenset({"for example", "for instance", "however", "though", "meanwhile", "in turn", "too",
                     "in fact", "in response", "in contrast", "on the other hand", "likewise", "similarly",
                     "once again", "again", "also", "for his part", "for her part", "for their part"})


def skip_adverbs_left(toks: list, j: int, lo: int) -> int:
    """Step left over adverbs and time phrases between a subject and its cue (``also``,
    ``on Sunday``, ``at the time``, ``, once again,``)."""
    lex = sp.lexicon()
    while j >= lo:
        w = toks[j].text
        # a capitalised word is an adverb only as listed ("Sunday") or after another capital:
        # "Will wrote" is George Will ("Theresa May said" still leaves "Theresa", who is her)
        if w in _ADVERBS or w.lower() in _ADVERBS and (not w[:1].isupper() or j > lo and toks[j - 1].cap) or \
                (w.endswith("ly") and w.islower() and len(w) > 4):
            j -= 1
            continue
        # "P (the) X" between a name or pronoun and the cue: "Trump at the time said"
        for n in (2, 3):
            k = j - n + 1
            if k - 1 >= lo and toks[k].text in _PREPS and all(t.word for t in toks[k:j + 1]) and \
                    toks[j].text.lower() not in STOP and \
                    (toks[k - 1].cap or toks[k - 1].text.lower() in lex.pronouns or toks[k - 1].text == "who") and \
                    not any(t.cap for t in toks[k + 1:j + 1] if t.text not in WEEKDAYS):
                j = k - 1
                break
        else:
            # ", once again," -- a short lower-case aside in commas
            if w == ",":
                k = j - 1
                while k >= lo and j - k <= 4 and toks[k].word and not toks[k].cap:
                    k -= 1
                if k >= lo and j - k >= 2 and toks[k].text == "," and k - 1 >= lo and (
                        toks[k - 1].text.lower() in lex.pronouns or
                        " ".join(t.text.lower() for t in toks[k + 1:j]) in _ASIDES):
                    j = k - 1
                    continue
            break
    return j


#: Time words that may follow an inverted cue's speaker ("said Lawrence yesterday").
_TIME_AFTER = frozenset({"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "afterward",
                         "afterwards", "recently"})


def np_right(toks: list, i: int, hi: int):
    """The speaker phrase after an inverted cue (``said Putin``, ``said one adviser to
    Bill Clinton``, ``says Melissa Roloson, 32, of Sodus``), up to punctuation."""
    lex = sp.lexicon()
    while i < hi and (toks[i].text in WEEKDAYS or toks[i].text in ("on", "in", "at", "Tuesday's")) and \
            i + 1 < hi and toks[i + 1].cap and toks[i + 1].text in WEEKDAYS:
        i += 1
    if i < hi and toks[i].text in WEEKDAYS:
        i += 1
    out = []
    k = i
    while k < hi and len(out) < 12:
        t = toks[k]
        if not t.word and t.text not in ("'s", "’s", "-", "&") and not (
                t.text == "/" and out and k + 1 < hi and toks[k + 1].word):  # "9/11 widow Terry Strada"
            break
        lw = t.text.lower()
        if not out and (lw in ("that", "it", "in", "on", "at", "to", "of", "after", "before", "during",
                               "while", "when", "later", "earlier", "last", "this", "so", "as", "there",
                               "with", "without", "from", "for", "by", "about", "if", "and", "but")):
            return None
        if out and lw in ("that", "who", "which", "in", "on", "at", "during", "while", "when", "after",
                          "before", "as", "because", "referring", "adding", "noting", "saying"):
            break
        if out and (t.text in _TIME_AFTER or t.text in WEEKDAYS) and all(x.cap for x in out if x.word):
            break  # "said Lawrence yesterday", "said Tom Jones Monday": when, not who
        out.append(t)
        k += 1
    if not out:
        return None
    if len(out) > 1 and out[0].text.lower() in ("he", "she", "they", "we", "i", "it") or \
            any(x.text.lower() in FINITE for x in out):
        return None  # "said he hadn't given up hope": a clause, not a speaker
    if [x.text for x in out] == ["another"]:
        return out  # "“...,” tweeted another.": one more of the people just quoted
    if not any(x.cap or x.text.lower() in lex.pronouns or (x.word and x.text.lower() not in sp._DETERMINERS)
               for x in out) or all(x.text.lower() in sp._DETERMINERS for x in out if x.word):
        return None
    if not any(x.cap or x.text.lower() in lex.pronouns for x in out) and not any(
            x.text.lower() in sp._DETERMINERS for x in out):
        return None
    return out


#: Cue forms that are also nouns ("Trump's remarks", "a subsequent tweet", "the report").
_NOUNS = lexicon.exact("attribution_cue_nouns.txt")




_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your", "a", "an", "this", "that",
                          "these", "those"})


def clause_words(cls: str) -> frozenset:
    """The words of one class of ``data/attribution_clause_words.tsv``."""
    return frozenset(w for w, c in lexicon.rows("attribution_clause_words.tsv") if c == cls)


#: Prepositions whose object is never the subject of the verb after it.
_OBJECT_PREPS = clause_words("object-prep")


def noun_use(toks: list, i: int, np) -> bool:
    """Whether the cue word at ``i`` is a noun here: after a possessive (``Cruz's charges``,
    ``his remarks``) or an article (``a subsequent tweet``)."""
    if toks[i].text.lower() not in _NOUNS:
        return False
    prev = toks[i - 1].text.lower() if i > 0 else ""
    if prev in ("'s", "’s") or np[-1].text.endswith(("'s", "’s")) or np[0].text.lower() in _POSSESSIVES:
        return True
    # "the most incoming attacks", "one of the biggest challenges", "Podliska's most explosive
    # claim": a phrase whose last word cannot head a subject (no title, organisation or agent
    # noun) is the cue word's modifier, and the cue word its noun
    last = np[-1].text
    lex = sp.lexicon()
    return last.islower() and not (_speaking_head(last) or lex.orgs.get(last) or last in lex.titles or
                                   last.endswith(("er", "ers", "or", "ors", "ist", "ists", "man", "men", "s"))) and \
        any(x.text.lower() in sp._DETERMINERS or x.text.lower() == "most" for x in np)


def hits_in(doc: DocIndex, toks: list, lo: int, hi: int, loose: bool = True, outside: bool = False) -> list:
    """Every cue with a speaker among ``toks[lo:hi]``.  ``loose`` lets an inverted cue follow
    any comma (``“...” to its proposals, said Putin``); otherwise only a quote.  ``outside``
    leaves out cues inside quotations (words a quoted speaker says are not attributions)."""
    return list(iter_hits(doc, toks, lo, hi, loose, outside))


def iter_hits(doc: DocIndex, toks: list, lo: int, hi: int, loose: bool = True, outside: bool = False):
    """The cues of :func:`hits_in` one at a time, so a caller that wants the first good one
    stops reading there (text dense with cues costs what it needs)."""
    nxt = lo
    for i in _cue_candidates(doc, toks, lo, hi, outside):
        if i < nxt:
            continue  # inside the cue before
        c = cue_at(toks, i)
        if not c:
            continue
        n, lemma, cls = c
        cs, ce = toks[i].start, toks[i + n - 1].end
        cue_text = doc.text[cs:ce]
        if cls == "according":
            np = np_right(toks, i + n, hi)
            if np:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="according-to")
            nxt = i + n
            continue
        j = skip_adverbs_left(toks, i - 1, lo)
        if toks[i].text.endswith("ing") and j > lo and toks[j].text in ("by", "before", "after", "while", "when"):
            # "he began by saying, “...”", "Trump responded by tweeting", "Blige sings to Clinton
            # before asking her, “...”": the manner or time of the main verb, whose subject said it
            found = clause_subject(doc.text, toks[lo:j])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="by-participle-subject")
            nxt = i + n
            continue
        if toks[i].text.endswith("ing") and j >= lo and toks[j].text == ",":
            # "Hillary Clinton spoke out about ... in Tulsa, Oklahoma, arguing that": the
            # participle's subject is the sentence's, whatever names stand before the comma
            found = clause_subject(doc.text, toks[lo:j])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="participle-subject")
            nxt = i + n
            continue
        if j > lo and toks[j].text in ("and", "but") and lo == 0:
            # "I laughed and said, “...”": the subject of the sentence said it
            found = initial_subject(doc.text, toks[lo:j])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="coordinated")
                nxt = i + n
                continue
        if _passive(toks, i, lo):
            # "Rubio was asked by the moderator whether ...": the passive's subject is who
            # was addressed; the speaker is the agent after "by", or nobody the clause names
            agent = _by_agent(toks, i + n, hi)
            if agent:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(agent), rule="passive-agent")
            nxt = i + n
            continue
        left = np_left(toks, j, lo) if j >= lo else None
        if left is None and j > lo and toks[j].text == "," and not toks[i].text.endswith("ing"):
            # "Cory James, 22, of Flint, Mich., said", "Rich Heffley, a top GOP operative who
            # ... in the state, said": appositives too long or too many for the phrase reader;
            # the name that opens the sentence, before its first comma, is the subject
            left = _opening_name(doc.text, toks, lo, j) or _past_appositives(doc.text, toks, lo, j)
        if left is None and j > lo and toks[j].text == "to":
            # "Lee was prompted to say", "Lee rose to announce": the infinitive's subject is
            # the subject of the verb it hangs on
            left = _infinitive_subject(doc.text, toks, lo, j)
        if left and not left[1] and left[0][0].text.lower() in sp._DETERMINERS and \
                token_index(toks, left[0][0].start) - 1 >= lo and \
                toks[token_index(toks, left[0][0].start) - 1].text in _OBJECT_PREPS:
            # "Protesters marching through the streets chanted": the phrase is the object of a
            # preposition; the subject is the clause's
            found = clause_subject(doc.text, toks[lo:token_index(toks, left[0][0].start)])
            left = (found[0], []) if found is not None else None
        if left and noun_use(toks, i, left[0]) or (
                toks[i].text.lower() in _NOUNS and i + n < hi and cue_at(toks, i + n)):
            nxt = i + n  # "the IMF report stated": the first word is a noun
            continue
        if left and toks[i].text.endswith("ing") and left[0][-1].text.lower() in _DOCUMENTS and \
                left[0][0].text.lower() in ("a", "an", "the", "its", "his", "her", "their"):
            # "Trump issued a statement saying ...": the statement speaks for the subject
            found = clause_subject(doc.text, toks[lo:token_index(toks, left[0][0].start)])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="document-participle")
            nxt = i + n
            continue
        if left:
            np, appos = left
            yield Hit(cs, ce, cue_text, lemma, cls, tuple(np), tuple(appos), rule="subject-cue")
        else:
            prev = toks[i - 1].text if i > lo else None
            after_quote = prev in ("”", '"', "’", "'") or (prev == "," and (
                loose or i - 1 == lo or i - 2 >= lo and toks[i - 2].text in ("”", '"', "’", "'")))
            if (prev is None or after_quote) and not toks[i].text.endswith("ing"):
                np = np_right(toks, i + n, hi)
                if np:
                    yield Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="cue-subject")
        nxt = i + n


#: Forms of "be" that make a passive with the participle after them.
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
#: Passive cues whose subject is still the speaker: a report of a report ("Smith was
#: quoted in the paper") or of a recording ("the cleric is shown lecturing", "was heard").
_SPEAKER_PASSIVES = frozenset({"quoted", "shown", "heard", "seen", "recorded", "filmed", "caught"})
#: Past participles that do not end in -ed.
_PARTICIPLES = lexicon.words("attribution_passive_participles.txt")
#: Where the agent phrase after "by" ends ("asked by the host whether ...").
_AGENT_ENDS = STOP | {"whether"}


def _passive(toks: list, i: int, lo: int) -> bool:
    """Whether the cue at ``i`` is a past participle after a form of "be" (adverbs
    between): ``was asked``, ``were told``, ``has been repeatedly urged``.

    >>> t = sp.tokens("Rubio was later asked by the host")
    >>> _passive(t, 3, 0), _passive(sp.tokens("Rubio asked"), 1, 0), _passive(sp.tokens("all she did was shout"), 4, 0)
    (True, False, False)
    """
    w = toks[i].text.lower()
    if not (w.endswith("ed") or w in _PARTICIPLES) or w in _SPEAKER_PASSIVES:
        return False
    if i + 1 < len(toks) and toks[i + 1].text in ("to", "as"):
        return False  # "is reported to have called", "was quoted as saying": the subject speaks
    j = i - 1
    while j >= lo and toks[j].word and not toks[j].cap and (
            toks[j].text.endswith("ly") or toks[j].text in ("also", "not", "never", "later", "again", "then")):
        j -= 1
    return j >= lo and toks[j].text.lower() in _BE


def _by_agent(toks: list, k: int, hi: int):
    """The agent of a passive cue: ``by`` and a phrase right after the participle (a
    time word or a short adverb between), else None."""
    for _ in range(3):
        if k < hi and toks[k].text == "by":
            np = np_right(toks, k + 1, hi)
            end = next((n for n, t in enumerate(np or ()) if n and t.text.lower() in _AGENT_ENDS), None)
            return np[:end] if np and end is not None else np
        if k < hi and toks[k].word and not toks[k].cap and toks[k].text not in STOP:
            k += 1  # "asked repeatedly by", "told Tuesday by"
            continue
        if k < hi and toks[k].text in WEEKDAYS:
            k += 1
            continue
        break
    return None


def _opening_name(text: str, toks: list, lo: int, j: int):
    """``(name tokens, [])`` when ``toks[lo:j]`` opens with a person's name (titles allowed)
    followed by a comma, and what follows up to ``j`` (the comma before a cue) holds no cue of
    its own and stays within 45 tokens: the subject of a cue after a run of appositives."""
    if j - lo > 45:
        return None
    end = _cap_run_end(toks, lo, lo)
    name_end = end
    if lo < end < j and toks[end].text == "(":
        # "Rep. Ann Lee (D-Ore.), chair of the committee, said": a party tag after the name
        close = next((n for n in range(end + 1, min(j, end + 8)) if toks[n].text == ")"), None)
        end = close + 1 if close is not None else end
    if end == lo or end >= j or toks[end].text != ",":
        return None
    if any(t.text in cue_firsts() and cue_at(toks, n) for n, t in enumerate(toks[end:j], end)):
        return None
    end = name_end
    m = sp.read_mention(text, toks[lo:end])
    if m is None or m.kind != "name" or m.entity != "person":
        return None
    return toks[lo:end], []


#: Words that open a clause of its own after a comma, never an appositive.
_CLAUSE_OPENING = frozenset("who which that whose whom and but or nor so yet while when where as because if "
                            "although though since until after before unless whereas".split())


def _past_appositives(text: str, toks: list, lo: int, j: int):
    """``(subject tokens, [])`` for a cue after up to three appositives in commas, read
    leftwards from the comma ``j`` before it: each stretch between commas opens with a
    word that cannot start a clause of its own (a lower-case word, a determiner, a
    number: ``Mr. Lee, asked about the vote, had said``, ``Ann Lee, 76, founder of the
    institute, a member since 1960, said``), and before the first one stands the subject.

    >>> t = "after Mr. Lee, asked about the vote, had said"
    >>> toks = sp.tokens(t)
    >>> [x.text for x in _past_appositives(t, toks, 0, 8)[0]]
    ['Mr.', 'Lee']
    """
    k = j
    for _ in range(3):
        c = k - 1
        while c > lo and k - c < 20 and toks[c].text not in (",", ".", ";", ":", "“", "”", '"'):
            c -= 1
        if c <= lo or toks[c].text != "," or c + 1 >= k:
            return None
        first = toks[c + 1]
        low = first.text.lower()
        if first.cap and low not in sp._DETERMINERS or low in _CLAUSE_OPENING or low in sp.lexicon().pronouns or \
                low.endswith("ing"):
            return None  # a name, a clause or a participle's clause of its own, not an appositive
        passive = low.endswith("ed") or low in _PARTICIPLES  # ", asked about the vote,"
        if any(t.text in cue_firsts() and cue_at(toks, n) for n, t in enumerate(toks[c + 1:k], c + 1)
               if not (passive and n == c + 1)):
            return None
        if toks[c - 1].text in ("”", '"', "’", "'", ")"):
            return None  # "“...,” forcing her to ..., said Kim": an inverted cue after a quote
        left = np_left(toks, c - 1, lo)
        before = token_index(toks, left[0][0].start) - 1 if left and left[0] else lo - 1
        if before >= lo and toks[before].text.lower() in STOP and toks[before].text.lower() not in _CLAUSE_OPENING:
            return None  # "for Clinton leading up to the convention,": a preposition's object
        if left and left[0] and left[0][0].text.lower() not in STOP:
            m = sp.read_mention(text, list(left[0]))
            if m is not None and m.kind in ("name", "pronoun", "description") and \
                    not (m.kind == "pronoun" and m.head in ("it", "i", "we")):
                return left[0], []
        k = c
    return None


def _infinitive_subject(text: str, toks: list, lo: int, j: int):
    """``(subject tokens, [])`` for a cue after ``to`` (``j``): the subject before the
    verb group the infinitive completes (``Mr. Lee was prompted to say``, ``Lee went on to
    call it``), read over at most four lower-case verb, auxiliary and adverb words.

    >>> t = "Mr. Lee was later prompted to say"
    >>> [x.text for x in _infinitive_subject(t, sp.tokens(t), 0, 5)[0]]
    ['Mr.', 'Lee']
    """
    k = j - 1
    steps = 0
    while k >= lo and steps < 4 and toks[k].word and not toks[k].cap and (
            toks[k].text.lower() in FINITE or toks[k].text in _ADVERBS or toks[k].text.endswith(("ed", "ly")) or
            toks[k].text in ("on", "up", "forward")):
        k -= 1
        steps += 1
    if steps == 0 or k < lo:
        return None
    left = np_left(toks, k, lo)
    if not left or not left[0]:
        return None
    m = sp.read_mention(text, list(left[0]))
    if m is None or m.kind not in ("name", "pronoun", "description", "group"):
        return None
    return left


def _cue_candidates(doc: DocIndex, toks: list, lo: int, hi: int, outside: bool = False) -> list:
    """The indices in ``toks[lo:hi]`` of the words that can open a cue (the cue table's
    first words, in any case), in order: a set look-up per word, so that the full check
    runs on few words.  ``outside`` drops those inside quotations before anything else is
    read (text full of quoted cue words stays cheap)."""
    firsts = cue_firsts()
    if outside:
        in_quote = doc.in_quote
        return [i for i in range(lo, hi) if toks[i].text in firsts and not in_quote(toks[i].start)]
    return [i for i in range(lo, hi) if toks[i].text in firsts]


@functools.lru_cache(maxsize=1)
def cue_firsts() -> frozenset:
    """The first words of the cue table as they are written in text: lower case, at the
    start of a sentence, or in a headline in capitals ("said", "Said", "SAID")."""
    return frozenset(f for w in cues() for f in (w, w[:1].upper() + w[1:], w.upper()))
