"""Clauses: reading the sentence around a cue word, for attribution and reported speech.

One job: given a document's text, find its paragraphs, sentences and tokens once
(:class:`DocIndex`), and every cue with the subject of the clause it belongs to in a stretch
of tokens (:func:`hits_in`: a participle's or an infinitive's main clause, a passive's
agent, past appositives).  The cue words are looked up by :mod:`quotecheck.cues`
(:func:`cue_at`), the phrases a cue rests on read by :mod:`quotecheck.phrases`
(:func:`np_left`, :func:`np_right`), and the subject that opens a clause by
:mod:`quotecheck.subjects`; this module re-exports the first two's readers for its callers.
:mod:`quotecheck.attribution` uses these readings around quotations and
:mod:`quotecheck.reported` around reported speech; neither reads a phrase any other way.
"""
from __future__ import annotations

import bisect
import itertools
import operator
import sys
from array import array
from typing import Optional

import attrs
from mypy_extensions import mypyc_attr
import regex

from . import lexicon
from . import grammar_words as gw
from . import mentions as mn
from . import speaker_lexicon as sl
from . import words as wd
from . import text as _text
from .cues import _NOUNS, cue_at, cue_firsts, cues  # noqa: F401  (cues: read here by reported.py)
from .phrases import _can_speak, inscribed_antecedent, np_left, np_right, quote_near, skip_adverbs_left
from .subjects import _ADVERBS, _DOCUMENTS, BE_FORMS, FINITE, STOP, WEEKDAYS, _cap_run_end, _speaking_head, \
    clause_subject, initial_subject, token_index

_new_token = tuple.__new__


DQ_OPEN = "“\"«„"


@mypyc_attr(native_class=False)  # an attrs record: a Python class in the compiled build too
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
_START = operator.itemgetter(0)  # a Token's start
_END = operator.itemgetter(1)  # a Token's end


#: A long paragraph is tokenised this many characters at a time (cut at white space, where
#: no token goes on): the token records of a whole 200 000-character line at once were a
#: passing 70 bytes per character of it; the offsets kept are 16 bytes per token.
_TOKEN_CHUNK = 1 << 12
_TOKEN_GAP = regex.compile("[" + wd._WS + "]")  # what words.tokens never puts in a token


def token_offsets(text: str, a: int, b: int, chunk: int = _TOKEN_CHUNK) -> tuple:
    """``(starts, ends)``: arrays of the offsets of :func:`words.tokens` over
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
        ts, te = wd.token_spans(text, a, cut)
        starts.fromlist(ts)
        ends.fromlist(te)
        a = cut
    return starts, ends


#: What DocIndex keeps per paragraph (tokens, sentence bounds) is kept for at most this many
#: paragraphs, and for paragraphs of at most :data:`_KEEP_CHARS` characters in all (the
#: latest one always), the oldest let go first: the stages read the text in order and never
#: look further back than a few thousand characters (REACH, the 3000 of a speaker between
#: two quotes), and a paragraph is at least two characters with its line break, so a
#: paragraph let go is read again only when a second stage reads the text from its start
#: (and is then read again, never read wrong).  Kept for every paragraph it was about 250
#: bytes a paragraph: 60 bytes per character of text made of short lines; kept for 2048
#: paragraphs of any length, 7 bytes per character of a text of thousands of short
#: paragraphs, at the peak of extraction (issue 14).
_KEEP_PARAGRAPHS = 2048
_KEEP_CHARS = 1 << 15


#: The Token records of whole paragraphs (:meth:`DocIndex.sentence_toks`) weigh about ten
#: times their offsets: they are kept for fewer paragraphs, enough for the cue words of the
#: sentence being read and the readers that look a few paragraphs back (kept under the
#: offsets' bounds they added 10 bytes per character of a text of short lines).
_KEEP_RECORD_PARAGRAPHS = 64
_KEEP_RECORD_CHARS = 1 << 14

#: The paragraphs whose token offsets :meth:`DocIndex.sentence_toks` keeps for attribution:
#: those of at least this many characters (a text of thousands of short lines kept them at
#: 5 bytes per character, where making them again costs little).
_KEEP_OFFSETS_FROM = 64


class _Kept:
    """A dict of what is kept per paragraph, bounded by ``paragraphs`` entries and
    ``chars`` characters of the paragraphs they are about (by default
    :data:`_KEEP_PARAGRAPHS` and :data:`_KEEP_CHARS`)."""

    def __init__(self, paragraphs: int = _KEEP_PARAGRAPHS, chars: int = _KEEP_CHARS) -> None:
        self.values: dict = {}
        self.sizes: dict = {}
        self.chars = 0
        self.max_paragraphs = paragraphs
        self.max_chars = chars

    def get(self, key):
        return self.values.get(key)

    def remember(self, key, value, chars: int):
        """``value`` kept under ``key`` (about ``chars`` characters of text), letting the
        oldest entries go while the bounds are passed; returns ``value``."""
        values, sizes = self.values, self.sizes
        while values and (len(values) >= self.max_paragraphs or self.chars + chars > self.max_chars):
            old = next(iter(values))
            del values[old]
            self.chars -= sizes.pop(old)
        values[key] = value
        sizes[key] = chars
        self.chars += chars
        return value


#: Token records of the last few slices are kept to be reused (:meth:`DocIndex._records`):
#: this many slices, each of at most this many tokens (a few kB; a slice of a whole
#: megabyte sentence is not kept past its use).
_RECENT_SLICES = 4
_RECENT_TOKENS = 4096


#: A capitalised word after a lower-case letter or a comma and a space: a name mid-sentence
#: (:meth:`DocIndex.named_mid_sentence`); letters, digits, apostrophes, hyphens and inner dots.
_NAMED_MID = regex.compile(r"(?<=[\p{Ll},] )\p{Lu}[\p{L}\p{N}'’.\-]*+")


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
        self._bounds = _Kept()  # paragraph -> (sentence starts, sentence ends)
        self._breaks: Optional[_text.BreakIndex] = None
        self._stoks = _Kept()  # ("p", paragraph) -> (token starts, token ends)
        self._recent: list = []  # (key, i, j, Token records of tokens i:j), newest last
        # ("p", paragraph) -> (its Token records, their starts): sentence_toks
        self._ptoks = _Kept(_KEEP_RECORD_PARAGRAPHS, _KEEP_RECORD_CHARS)
        self._named: Optional[frozenset] = None  # the words named_mid_sentence finds, once gathered

    @property
    def breaks(self) -> _text.BreakIndex:
        """The document's sentence breaks (:class:`text.BreakIndex`), found the first time a
        stage asks for the sentence around a position: one scan of the text, then a lookup
        per window however many quotes and cues ask."""
        b = self._breaks
        if b is None:
            b = self._breaks = _text.BreakIndex(self.text)
        return b

    def named_mid_sentence(self, word: str) -> bool:
        """Whether ``word`` stands capitalised somewhere after a lower-case letter or a comma
        and a space (``Dwayne Roloson``, ``said Roloson``): a name, not only a capital that
        opens a sentence.  The words standing so are gathered in one scan of the text, the
        first time any is asked (a scan per word asked was quadratic on a text of many
        sentences each opened by another name)."""
        named = self._named
        if named is None:
            found = set()
            for m in _NAMED_MID.finditer(self.text):
                w = m.group()
                found.add(w)
                found.add(w.rstrip("."))  # "said Roloson." and "the U.S.,"
            named = self._named = frozenset(found)
        return word in named

    def sentence(self, pos: int):
        """``(start, end)`` of the sentence holding ``pos`` (full stops inside quotations
        count), from boundaries found once per paragraph."""
        pi = self.para(pos)
        ps, pe = self.para_span(pi)
        b = self._bounds.get(pi)
        if b is None:
            starts, ends = [ps], []
            for end, nxt in self.breaks.within(ps, pe):
                ends.append(end)
                starts.append(nxt)
            ends.append(pe)
            b = self._bounds.remember(pi, (starts, ends), pe - ps)
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

    def sentence_toks(self, lo: int, hi: int) -> Optional[list]:
        """The tokens :func:`words.tokens` makes of ``text[lo:hi]`` (a sentence, for the cue
        words of :func:`reported.find_reported`), sliced from its paragraph's, which are made
        once for all its sentences and kept (as the offsets are, for at most
        :data:`_KEEP_CHARS` characters of paragraphs): the stages after slice them too
        (:meth:`toks`), and tokenise nothing again.  None for a paragraph over :data:`_TOKEN_CHUNK` characters, a
        stretch not within one paragraph, or one with a token of the paragraph across one of
        its ends (a break inside a token), where the two could differ: with no token across
        its ends, the paragraph's tokens between them are what tokenising the stretch alone
        gives (no token reads past its own end)."""
        if hi <= lo:
            return []
        pi = self.para(lo)
        ps, pe = self.para_span(pi)
        if lo < ps or hi > pe or pe - ps > _TOKEN_CHUNK:
            return None
        key = ("p", pi)
        cur = self._ptoks.get(key)
        if cur is None:
            toks = wd.tokens(self.text, ps, pe)
            starts = list(map(_START, toks))
            if pe - ps >= _KEEP_OFFSETS_FROM and self._stoks.get(key) is None:
                # (kept for attribution; a short line's are cheaper made again than kept)
                self._stoks.remember(key, (array("q", starts), array("q", map(_END, toks))), pe - ps)
            cur = self._ptoks.remember(key, (toks, starts), pe - ps)
        toks, starts = cur
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi)
        if i and toks[i - 1].end > lo or j > i and toks[j - 1].end > hi:
            return None
        return toks[i:j]

    def _slice(self, key, a: int, b: int, lo: int, hi: int) -> list:
        # A paragraph's tokens are kept as two arrays of offsets (16 bytes a token) and the
        # Token records of a slice made when asked for: kept as records, with their words,
        # they were about 180 bytes a token, over 30 bytes per character of the document.
        got = self._stoks.get(key)
        if got is None:
            got = self._stoks.remember(key, token_offsets(self.text, a, b), b - a)
        starts, ends = got
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi)
        while j > i and ends[j - 1] > hi:
            j -= 1
        made = self._ptoks.get(key)
        if made is not None:
            return made[0][i:j]  # (the records sentence_toks made of the paragraph: the same tokens)
        return self._records(key, starts, ends, i, j)

    def _records(self, key, starts, ends, i: int, j: int) -> list:
        """The Token records of tokens ``i:j`` of paragraph ``key``, reusing those of the
        last slices made: the stages around one quote ask for the same stretch several
        times and the next quote's window overlaps this one's, so only the tokens not in
        a recent slice are made (a few per quote instead of hundreds in a long sentence)."""
        best = None
        for ent in self._recent:
            if ent[0] == key and ent[1] < j and i < ent[2] and (best is None or
                                                                 min(j, ent[2]) - max(i, ent[1]) >
                                                                 min(j, best[2]) - max(i, best[1])):
                best = ent
        if best is None:
            out = self._make(starts, ends, i, j)
        else:
            _, bi, bj, recs = best
            out = recs[max(i, bi) - bi:min(j, bj) - bi]
            if i < bi:
                out[:0] = self._make(starts, ends, i, bi)
            if j > bj:
                out.extend(self._make(starts, ends, bj, j))
        if j - i <= _RECENT_TOKENS:
            if len(self._recent) >= _RECENT_SLICES:
                self._recent.pop(0)
            self._recent.append((key, i, j, out))
            return out[:]  # callers get their own list: the kept one must not change
        return out

    def _make(self, starts, ends, i: int, j: int) -> list:
        s, e = starts[i:j], ends[i:j]
        return list(map(_new_token, itertools.repeat(wd.Token),
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


_POSSESSIVES = gw.DETERMINERS - {"the"}  # a "the" phrase may be the cue's subject: decided below
#: Possessive determiners: a phrase that ends in one is never the subject of the word after it.
_DETERMINER_PRONOUNS = gw.POSSESSIVES


def clause_words(cls: str) -> frozenset:
    """The words of one class of ``data/attribution_clause_words.tsv``."""
    return frozenset(w for w, c in lexicon.rows("attribution_clause_words.tsv") if c == cls)


#: Prepositions whose object is never the subject of the verb after it.
_OBJECT_PREPS = clause_words("object-prep")


#: Documents that speak for themselves (``a poll shows``, ``a study finds``): the table of
#: sources read after an opening "In" (``data/reported_in_sources.txt``).
_EVIDENCE_HEADS = lexicon.exact("reported_in_sources.txt")


def noun_use(toks: list, i: int, np) -> bool:
    """Whether the cue word at ``i`` is a noun here: after a possessive (``Cruz's charges``,
    ``his remarks``) or an article (``a subsequent tweet``)."""
    if toks[i].text.lower() not in _NOUNS:
        return False
    prev = toks[i - 1].text.lower() if i > 0 else ""
    if np[-1].text in _EVIDENCE_HEADS and np[0].text.lower() in ("a", "an") and toks[i].text.endswith("s"):
        return False  # "A poll shows", "a new survey finds": no article goes with a plural noun
    if prev in ("'s", "’s") or np[-1].text.endswith(("'s", "’s")) or np[0].text.lower() in _POSSESSIVES:
        return True
    # "the most incoming attacks", "one of the biggest challenges", "Podliska's most explosive
    # claim": a phrase whose last word cannot head a subject (no title, organisation or agent
    # noun) is the cue word's modifier, and the cue word its noun
    last = np[-1].text
    lex = sl.lexicon()
    return last.islower() and not (_speaking_head(last) or lex.orgs.get(last) or last in lex.titles or
                                   last.endswith(("er", "ers", "or", "ors", "ist", "ists", "man", "men", "s"))) and \
        any(x.text.lower() in sl._DETERMINERS or x.text.lower() == "most" for x in np)


def _next_char(text: str, pos: int) -> str:
    """The first character after ``pos`` past spaces on its line ("" at the end).

    >>> _next_char('Clinton Says “We Will Win”', 12)
    '“'
    """
    n = len(text)
    while pos < n and text[pos] in " \u00a0":
        pos += 1
    return text[pos] if pos < n else ""


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
        c = cue_at(toks, i, _next_char(doc.text, toks[i].end) if i + 1 == len(toks) else "")
        if not c:
            continue
        n, lemma, cls = c
        cs, ce = toks[i].start, toks[i + n - 1].end
        # one string per cue word, not one per hit: it is kept as every attribution's cue
        cue_text = sys.intern(doc.text[cs:ce])
        if cls == "according":
            np = np_right(toks, i + n, hi)
            if np:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(np), rule="according-to")
            nxt = i + n
            continue
        j = skip_adverbs_left(toks, i - 1, lo)
        if toks[i].text.endswith("ing") and j > lo and toks[j].text == "as":
            quoted = _quoted_as(doc.text, toks, lo, j)
            if quoted is not None:
                # "the paper quoted a witness as saying", "Lee was quoted as saying": the
                # one quoted said it, not the outlet that quotes them
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(quoted), rule="quoted-as")
                nxt = i + n
                continue
        if toks[i].text.endswith("ing") and j > lo and toks[j].text in ("by", "before", "after", "while", "when"):
            # "he began by saying, “...”", "Lee responded by tweeting", "the singer waves to Lee
            # before asking her, “...”": the manner or time of the main verb, whose subject said it
            found = clause_subject(doc.text, toks[lo:j]) or _pronoun_subject(doc, toks, lo, j)
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="by-participle-subject")
            nxt = i + n
            continue
        if toks[i].text.endswith("ing") and j >= lo and toks[j].text == ",":
            # "Ann Lee spoke about ... in Akron, Ohio, arguing that": the
            # participle's subject is the sentence's, whatever names stand before the comma
            found = clause_subject(doc.text, toks[lo:j]) or _pronoun_subject(doc, toks, lo, j)
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="participle-subject")
            nxt = i + n
            continue
        if j > lo and toks[j].text in ("and", "but") and lo == 0:
            # "I shrugged and said, “...”": the subject of the sentence said it
            found = initial_subject(doc.text, toks[lo:j])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="coordinated")
                nxt = i + n
                continue
        if _passive(toks, i, lo) or _reduced_passive(toks, i, n, hi):
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
        if left and not left[1] and left[0][0].text.lower() in sl._DETERMINERS and \
                token_index(toks, left[0][0].start) - 1 >= lo and \
                toks[token_index(toks, left[0][0].start) - 1].text in _OBJECT_PREPS:
            # "Fans lining the route cheered": the phrase is the object of a
            # preposition; the subject is the clause's
            found = clause_subject(doc.text, toks[lo:token_index(toks, left[0][0].start)])
            left = (found[0], []) if found is not None else None
        if left and not left[1]:
            left = _agent_of_participle(doc.text, toks, lo, left)
        if left and left[0][-1].text.endswith(("'s", "’s")) and i + n < hi and toks[i + n].text.lower() in _NOUNS:
            nxt = i + n  # "Trump's repeated calls to ban": a modifier of a noun for words said
            continue
        if left and left[0][-1].text.lower() in _DETERMINER_PRONOUNS:
            # "in his first term", "played up his believed strength": a possessive is never a
            # subject; the cue word is a noun or the adjective of one
            nxt = i + n
            continue
        if left and noun_use(toks, i, left[0]) or (
                toks[i].text.lower() in _NOUNS and i + n < hi and cue_at(toks, i + n)):
            nxt = i + n  # "the audit report stated": the first word is a noun
            continue
        if left and toks[i].text.endswith("ing") and left[0][-1].text.lower() in _DOCUMENTS and \
                left[0][0].text.lower() in ("a", "an", "the", "its", "his", "her", "their"):
            # "Trump issued a statement saying ...": the statement speaks for the subject
            found = clause_subject(doc.text, toks[lo:token_index(toks, left[0][0].start)])
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="document-participle")
            nxt = i + n
            continue
        k0 = token_index(toks, left[0][0].start) if left and not left[1] and toks[i].text.endswith("ing") else -1
        if left and k0 >= 0 and _thing(left[0]) and not any(t.text in _DOCUMENTS for t in toks[max(lo, k0 - 12):i]):
            # "Sanders started out their ninth debate saying “...”", "tried to defend his
            # remarks calling it “...”": a participle after the object of the clause's verb, a
            # thing that cannot speak; the clause's subject is the participle's (after a text
            # someone puts out, pre_readers' issued-participle reads the sender instead)
            found = clause_subject(doc.text, toks[lo:k0]) or _pronoun_subject(doc, toks, lo, k0)
            if found is not None:
                yield Hit(cs, ce, cue_text, lemma, cls, tuple(found[0]), rule="object-participle")
            nxt = i + n
            continue
        if left is None and j > lo and toks[j].text in ("that", "which") and quote_near(doc.text, ce):
            # "water bottles that said, “...”", "letters that called him an “...”": a thing
            # that carries words says them through the relative pronoun (only for a quote:
            # "a message that characterizes the economy as broken" reports nobody's words)
            thing = inscribed_antecedent(toks, j, lo)
            if thing is not None:
                left = ([toks[j]], thing)
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


def _thing(np) -> bool:
    """Whether a phrase is a thing that cannot speak: lower-case words only, its head no
    speaker (:func:`phrases._can_speak`), no document (which speaks for its author) and no
    pronoun."""
    head = np[-1].text
    return all(t.word and not t.cap for t in np) and head.isalpha() and not _can_speak(head) and \
        head not in _DOCUMENTS and head.lower() not in sl.lexicon().pronouns


#: Subject pronouns a participle's clause may take its subject from when no subject is read.
_SUBJECT_PRONOUNS = gw.SPEAKER_PRONOUNS


def _pronoun_subject(doc: DocIndex, toks: list, lo: int, j: int):
    """``In 2006 he finally broke cover, admitting: “...”``, ``It was years before he broke
    cover, admitting``, ``When he returned he began by saying``, ``..., when protesters
    interrupted her, shouting``: where the clause reader finds no subject before a participle
    cue (an opener with no comma, an expletive ``it``), the nearest subject pronoun before
    ``toks[j]`` outside quotations, followed by a lower-case word (its verb), as
    ``([pronoun], verb)``, or the subject of the nearest subordinate clause (``when``,
    ``as``, ...) that opens with one; else None.  A subject pronoun is a subject
    wherever it stands, and the nearest is the clause the participle hangs on."""
    for k in range(j - 1, max(lo, j - 30) - 1, -1):
        t = toks[k]
        if t.text in (";", ":") or t.text in DQ_OPEN:
            return None
        if t.text.lower() in _SUBJECT_PRONOUNS and k + 1 < j and toks[k + 1].text.islower() and \
                toks[k + 1].text.isalpha() and not doc.in_quote(t.start):
            return [t], toks[k + 1]
        if t.text in _SUBORDINATE and k + 2 < j:
            # "..., when Sanders protesters interrupted her speech, shouting “...”": the
            # participle hangs on the subordinate clause right before it
            return initial_subject(doc.text, toks[k + 1:j])
    return None


#: Subordinators whose clause, right before a participle cue, is the one it hangs on.
_SUBORDINATE = frozenset({"when", "as", "after", "while", "because", "before", "until"})


#: Verbs of a report that gives another person's words: "quoted X as saying", "cited X as".
_QUOTING = frozenset({"quoted", "quotes", "quote", "quoting", "cited", "cites", "citing"})


def _quoted_as(text: str, toks: list, lo: int, j: int):
    """The person a report quotes, when the participle cue after ``as`` at ``j`` hangs on a
    verb of quoting: the object in ``Reuters quoted a police officer as saying`` (an outlet
    quoting someone is not the speaker), the subject in ``Lee was quoted as saying``; else
    None.  The verb is looked for a few words back, with no clause boundary between.

    >>> t = "the Daily News quoted witness Ann Lee as saying"
    >>> tk = wd.tokens(t)
    >>> [x.text for x in _quoted_as(t, tk, 0, len(tk) - 2)]
    ['witness', 'Ann', 'Lee']
    >>> t = "Ann Lee was quoted as saying"
    >>> tk = wd.tokens(t)
    >>> [x.text for x in _quoted_as(t, tk, 0, len(tk) - 2)]
    ['Ann', 'Lee']
    """
    k = j - 1
    while k >= lo and j - k <= 12 and toks[k].text.lower() not in _QUOTING:
        if toks[k].text in (",", ";", ":", "“", "”", '"', "(", ")") or toks[k].text.lower() in STOP:
            return None
        k -= 1
    if k < lo or j - k > 12:
        return None
    if k + 1 < j:
        return toks[k + 1:j]  # the object of "quoted"
    b = k - 1
    if b < lo or toks[b].text.lower() not in BE_FORMS:
        return None
    found = clause_subject(text, toks[lo:j])
    return list(found[0]) if found is not None else None


#: Passive cues whose subject is still the speaker: a report of a report ("Smith was
#: quoted in the paper") or of a recording ("the cleric is shown lecturing", "was heard").
_SPEAKER_PASSIVES = frozenset({"quoted", "shown", "heard", "seen", "recorded", "filmed", "caught"})
#: Past participles that do not end in -ed (attribution reads the same table).
PARTICIPLES = lexicon.words("attribution_passive_participles.txt")
#: Where the agent phrase after "by" ends ("asked by the host whether ...").
_AGENT_ENDS = STOP | {"whether"}


def _passive(toks: list, i: int, lo: int) -> bool:
    """Whether the cue at ``i`` is a past participle after a form of "be" (adverbs
    between): ``was asked``, ``were told``, ``has been repeatedly urged``.

    >>> t = wd.tokens("Rubio was later asked by the host")
    >>> _passive(t, 3, 0), _passive(wd.tokens("Rubio asked"), 1, 0), _passive(wd.tokens("all she did was shout"), 4, 0)
    (True, False, False)
    """
    w = toks[i].text.lower()
    if not (w.endswith("ed") or w in PARTICIPLES) or w in _SPEAKER_PASSIVES:
        return False
    if i + 1 < len(toks) and toks[i + 1].text in ("to", "as"):
        return False  # "is reported to have called", "was quoted as saying": the subject speaks
    j = i - 1
    while j >= lo and toks[j].word and not toks[j].cap and (
            toks[j].text.endswith("ly") or toks[j].text in ("also", "not", "never", "later", "again", "then")):
        j -= 1
    return j >= lo and toks[j].text.lower() in BE_FORMS


def _reduced_passive(toks: list, i: int, n: int, hi: int) -> bool:
    """Whether the cue at ``i`` (``n`` tokens) is a participle with its agent and ``as``
    after it, with no form of "be" before it: ``the man described by the magazine as
    “...”``, ``a plan labeled by critics as “...”`` (the agent gives the words)."""
    w = toks[i].text
    if n != 1 or not w.islower() or not (w.endswith("ed") or w in PARTICIPLES) or i + 1 >= hi or \
            toks[i + 1].text != "by":
        return False
    agent = _by_agent(toks, i + 1, hi)
    k = token_index(toks, agent[-1].start) + 1 if agent else hi
    return k < hi and toks[k].text == "as"


def _by_agent(toks: list, k: int, hi: int):
    """The agent of a passive cue: ``by`` and a phrase right after the participle (a
    time word or a short adverb between), else None."""
    for _ in range(3):
        if k < hi and toks[k].text == "by":
            np = np_right(toks, k + 1, hi)
            if np is None and k + 1 < hi and toks[k + 1].text.isalpha() and toks[k + 1].text.islower() and \
                    _can_speak(toks[k + 1].text) and toks[k + 1].text.endswith("s"):
                np = [toks[k + 1]]  # "described by officials as": a plural that can speak
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
    m = mn.read_mention(text, toks[lo:end])
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
    >>> toks = wd.tokens(t)
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
        if first.cap and low not in sl._DETERMINERS or low in _CLAUSE_OPENING or low in sl.lexicon().pronouns or \
                low.endswith("ing"):
            return None  # a name, a clause or a participle's clause of its own, not an appositive
        passive = low.endswith("ed") or low in PARTICIPLES  # ", asked about the vote,"
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
            m = mn.read_mention(text, list(left[0]))
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
    >>> [x.text for x in _infinitive_subject(t, wd.tokens(t), 0, 5)[0]]
    ['Mr.', 'Lee']
    """
    k = j - 1
    steps = 0
    while k >= lo and steps < 4 and toks[k].word and not toks[k].cap and (
            toks[k].text.lower() in FINITE or toks[k].text in _ADVERBS or toks[k].text.endswith(("ed", "ly")) or
            toks[k].text in ("on", "up", "forward")):
        k -= 1
        steps += 1
    if steps == 0:
        # "with Lee taking to Twitter to call": the subject of the verb that takes a medium
        v = _vehicle_verb(toks, lo, j)
        if v is None:
            return None
        k = v
    if k < lo:
        return None
    left = np_left(toks, k, lo)
    if not left or not left[0]:
        return None
    m = mn.read_mention(text, list(left[0]))
    if m is None or m.kind not in ("name", "pronoun", "description", "group"):
        return None
    return left


def _agent_of_participle(text: str, toks: list, lo: int, left: tuple):
    """The subject of a cue whose phrase read leftwards is the agent of a participle before
    it (``A letter from the league obtained by The Associated Press warns``, ``a memo seen by
    Reuters said``, ``a man arrested by police said``): a reduced relative clause, whose agent
    is never the subject of the verb after it; the phrase the participle hangs on, read
    leftwards from before it, speaks (a document, then its issuer when it names one).
    ``left`` unchanged when no ``<participle> by`` stands before the phrase or nothing is
    found."""
    k = token_index(toks, left[0][0].start)
    if k - 2 < lo or toks[k - 1].text != "by":
        return left
    p = toks[k - 2].text
    if not (p.islower() and (p.endswith("ed") or p in PARTICIPLES or p in ("seen", "written", "given"))):
        return left
    outer = np_left(toks, k - 3, lo) if k - 3 >= lo else None
    if not outer or not outer[0]:
        return left
    return outer


#: Verbs a speaker takes to a medium or an occasion before the cue of their purpose ("took to
#: Twitter to call", "went on Facebook to say", "used the speech to warn").
_VEHICLE_VERBS = frozenset({"took", "take", "takes", "taking", "went", "go", "goes", "going", "used", "use",
                            "uses", "using", "turned", "turns", "turning"})


def _vehicle_verb(toks: list, lo: int, j: int):
    """The token before the subject of ``V-ing/V-ed ... to <cue>`` when ``to`` at ``j``
    follows a verb of :data:`_VEHICLE_VERBS` and at most three words of its object (``with
    Lee taking to Twitter to call``, ``Lee took the opportunity to comment``); else None.

    >>> t = "with Lee taking to Twitter to call"
    >>> _vehicle_verb(wd.tokens(t), 0, 5)
    1
    """
    for k in range(j - 1, max(lo, j - 4) - 1, -1):
        if not toks[k].word:
            return None
        if toks[k].text in _VEHICLE_VERBS and k < j - 1:
            return k - 1
    return None


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
