"""The utterances of one document, ready to compare across documents.

:func:`utterances` ``(document, index) -> list[Item]``: one :class:`Item` per speech quote
(direct, partial, nested; the halves of a quotation split around its attribution are one
item) or reported-speech paraphrase, with its normalised tokens, speaker and how sure the
attribution is, quantities, the content words of its sentence and the occasion the
sentence gives ("on Sunday").  Part of the cross-source check (see
:mod:`quotecheck.crosssource`).
"""
from __future__ import annotations

import bisect
import collections
import datetime
import functools
import operator
import sys
import unicodedata
from array import array
from typing import Collection, Iterable, Iterator, Optional

import attrs
from mypy_extensions import mypyc_attr
import regex

from . import lexicon
from . import align as _align
from . import numbers as _numbers
from . import text as _text
from . import wording as _wording
from .speaker_lexicon import SUFFIXES as _SUFFIXES
from .model import REPORTED, SPEECH_KINDS, Quote, Side


#: A quote ending in a comma continued by a lower-case quote this close after it is
#: one sentence split around its attribution.
SPLIT_QUOTE_GAP = 80
#: Words of one quotation that are compared; alignment is quadratic in the worst case, and
#: no real quotation is this long (a longer "quote" is a finder error or hostile input).
MAX_TOKENS = 600


@functools.lru_cache(maxsize=1)
def _context_stop() -> frozenset:
    return lexicon.words("crosssource_context_stop.txt")


@functools.lru_cache(maxsize=1)
def _occasion_words() -> dict:
    """``phrase -> day|period`` from ``crosssource_occasion.txt``."""
    out = {}
    for line in lexicon.words("crosssource_occasion.txt"):
        word, _, kind = line.partition("\t")
        out[word] = kind or "day"
    return out


def _names_a_day(occasion: str) -> bool:
    words = _occasion_words()
    return any(words.get(w) in ("day", "weekday") for w in occasion.lower().split())


def occasion_weekday(occasion: Optional[str]) -> Optional[str]:
    """The day of the week an occasion names, lower-cased, if any.

    >>> occasion_weekday("on Monday morning (earlier in the article)"), occasion_weekday("yesterday")
    ('monday', None)
    """
    if not occasion:
        return None
    words = _occasion_words()
    return next((w for w in occasion.lower().split() if words.get(w) == "weekday"), None)


#: A date as ISO 8601 writes it, at the start of a ``date`` field ("2016-02-08",
#: "2016-02-08T10:15:00Z"): other spellings are not guessed at (is 02/04 April or February?).
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d])")


def published(meta) -> Optional[datetime.date]:
    """The publication day ``Document.meta``'s ``date`` gives in ISO form, else None.

    >>> published((("date", "2016-02-08T10:15:00Z"), ("outlet", "AP")))
    datetime.date(2016, 2, 8)
    >>> published((("date", "Feb. 8, 2016"),)), published((("date", "2016-02-30"),)), published(())
    (None, None, None)
    """
    value = dict(meta).get("date")
    m = _ISO_DATE.match(value.strip()) if isinstance(value, str) else None
    if m is None:
        return None
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def occasion_date(occasion: Optional[str], day: Optional[datetime.date]) -> Optional[datetime.date]:
    """The calendar day an occasion names, read from the article's publication ``day``: a
    weekday is the last such day on or before it (news reports what was said, so "said
    Monday" in an article of Wednesday 10 February 2016 is Monday the 8th), ``yesterday`` the
    day before, ``today`` and ``tonight`` the day itself.  None when either is unknown.

    >>> occasion_date("on Monday morning", datetime.date(2016, 2, 10))
    datetime.date(2016, 2, 8)
    >>> occasion_date("Wednesday", datetime.date(2016, 2, 10)), occasion_date("yesterday", datetime.date(2016, 3, 1))
    (datetime.date(2016, 2, 10), datetime.date(2016, 2, 29))
    >>> occasion_date("last week", datetime.date(2016, 2, 10)), occasion_date("Monday", None)
    (None, None)
    """
    if not occasion or day is None:
        return None
    weekday = occasion_weekday(occasion)
    if weekday is not None:
        return day - datetime.timedelta(days=(day.weekday() - _WEEKDAYS.index(weekday)) % 7)
    words = occasion.lower().split()
    if "yesterday" in words:
        return day - datetime.timedelta(days=1)
    if "today" in words or "tonight" in words:
        return day
    return None


@functools.lru_cache(maxsize=1)
def _occasion_re():
    """"on Sunday", "Tuesday at the Russian Defense Ministry", "last week": when (and
    where) a source says the words were spoken.  Bounded repetitions only."""
    words = sorted(_occasion_words(), key=len, reverse=True)
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    name = r"\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*+"  # "U.S", "Defense": a dot only inside a name
    return regex.compile(
        rf"(?i:\b(?:(?:on|last|this|next|early|late|earlier)\s+)?(?:{alt})\b"
        rf"(?:\s+(?:morning|afternoon|evening|night))?)"
        rf"(?:,?\s+(?i:at|in|to)\s+(?:(?i:the|a)\s+)?{name}(?:\s+(?:of\s+)?{name}){{0,5}})?")


# --- 1. items ------------------------------------------------------------------------

#: Bits of :attr:`Item.flags`.
OPENS, CLOSES, EXPLICIT, LEAD_NEGATED = 1, 2, 4, 8
#: ``Item.speaker_info`` of a speaker the document says nothing more of.
_NO_INFO: tuple = (None, None)


@mypyc_attr(native_class=False)  # an attrs record: a Python class in the compiled build too
@attrs.frozen(weakref_slot=False)  # nothing refers to an item weakly: 8 bytes an item less
class Item:
    """One utterance of one document, ready to compare (picklable, no document inside).

    ``start``/``end``/``text`` are the quote as found (marks included); ``tokens`` are the
    words inside the marks with document offsets; ``quantities`` have document offsets;
    ``own`` and ``context`` are content-word stems of the item and of its sentence, each a
    sorted tuple (a frozenset of ten stems is 700 bytes, the tuple 120: on text with a
    quote every few words they were most of the check's memory; see :func:`stem_set`);
    ``opens``/``closes`` say whether the quote starts with a capital and ends with
    sentence punctuation (presents itself as a whole sentence).
    """

    #: ``(index, source, group, published)`` of the document: one tuple for all its items
    #: (``doc``, ``source``, ``group`` and ``published`` read it; a field each was 16 bytes
    #: more an item).  ``published`` is the day number (:meth:`datetime.date.toordinal`) of
    #: the date its input gives (:func:`published`), or None.
    origin: tuple
    start: int
    end: int
    text: str
    quote_kind: str
    speaker: Optional[str]
    confidence: float
    tokens: _align.Tokens
    quantities: tuple
    own: tuple
    context: tuple
    occasion: Optional[str] = None
    #: :data:`OPENS` | :data:`CLOSES` | :data:`EXPLICIT` | :data:`LEAD_NEGATED` (read as
    #: the properties of those names: four bool fields were 24 bytes more an item).
    flags: int = 0
    #: ``(speaker_kind, speaker_principal)``, one tuple per speaker of a document.
    speaker_info: tuple = (None, None)
    #: Document offsets of quotations nested inside this one: the speaker quoting someone.
    nested: tuple = ()

    @property
    def doc(self) -> int:
        return self.origin[0]

    @property
    def source(self) -> str:
        return self.origin[1]

    @property
    def group(self) -> Optional[str]:
        return self.origin[2]

    @property
    def published(self) -> Optional[datetime.date]:
        """The day the document was published, when its input says (``Document.meta``)."""
        day = self.origin[3] if len(self.origin) > 3 else None
        return None if day is None else datetime.date.fromordinal(day)

    @property
    def kind(self) -> str:
        """``quote`` or ``paraphrase`` (reported speech)."""
        return "paraphrase" if self.quote_kind == REPORTED else "quote"

    @property
    def opens(self) -> bool:
        """The quote starts with a capital (presents itself as a whole sentence)."""
        return bool(self.flags & OPENS)

    @property
    def closes(self) -> bool:
        """The quote ends with sentence punctuation."""
        return bool(self.flags & CLOSES)

    @property
    def explicit(self) -> bool:
        """The attribution names the speaker at the quote ("A.J. Smith said"), rather than
        resolving a pronoun or a description to them."""
        return bool(self.flags & EXPLICIT)

    @property
    def lead_negated(self) -> bool:
        """The outlet's own words just before the quote negate it ("he would not “support
        the bill”"): a negation the other source has inside its quotation is carried over."""
        return bool(self.flags & LEAD_NEGATED)

    @property
    def speaker_kind(self) -> Optional[str]:
        """``person``/``organisation``/``group`` as the document's speakers say, when known."""
        return self.speaker_info[0]

    @property
    def speaker_principal(self) -> Optional[str]:
        """Whom the speaker speaks for, when the document names them only by a role ("a
        spokesman for the mayor": the mayor); None for a named speaker."""
        return self.speaker_info[1]

    @property
    def key(self) -> tuple:
        """``(doc, source, start, end, kind)``, read from the fields (not through the
        properties: every comparison reads it)."""
        o = self.origin
        return (o[0], o[1], self.start, self.end, "paraphrase" if self.quote_kind == REPORTED else "quote")

    @property
    def document(self) -> tuple:
        """Which document the item is from: its index and source (a distributed run that
        gives every document index 0 still tells documents apart by source)."""
        o = self.origin
        return (o[0], o[1])

    @property
    def side(self) -> Side:
        return Side(self.source, self.start, self.end, self.text, self.kind, self.quote_kind,
                    self.speaker, self.occasion)


def content_stems(tokens: Iterable, exclude: Collection = frozenset()) -> frozenset:
    """Stems of the content words among normalised tokens (no function words, numbers,
    reporting verbs or ``exclude``d words such as the speaker's name).

    >>> sorted(content_stems(["the", "missiles", "said", "in", "ukraine", "5"]))
    ['missil', 'ukrain']
    """
    stop = _context_stop()
    numeric = _numbers.number_words()
    return frozenset(_align.stem(t) for t in tokens
                     if not _align.is_function(t) and not _align.is_number(t) and t not in stop
                     and t not in numeric
                     and t not in exclude and len(t) > 1)


def stem_tuple(stems: Collection) -> tuple:
    """Stems as a sorted tuple, the compact form an :class:`Item` keeps them in.

    >>> stem_tuple(frozenset({"ukrain", "missil"}))
    ('missil', 'ukrain')
    """
    return tuple(sorted(stems))


def stem_set(stems: tuple) -> frozenset:
    """The set of an item's ``own`` or ``context`` stems, for set operations."""
    return frozenset(stems)


_SPACES = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")
_STOP = regex.compile(r"[.!?]")
#: Between a negation and the words it would govern: a clause or sentence break.
_CLAUSE_BREAK = regex.compile(r"[,.;:!?—–”’»\"()\n]")
#: Between two words: a sentence end, a line break or a closing quotation mark.
_BOUNDARY = regex.compile(r"[.!?\n”»\"]")
#: How far from a quote its sentence is looked for (characters each way).
SENTENCE_REACH = 400


def sentence_bounds(text: str, start: int, end: int) -> tuple:
    """``(start, end)`` of the sentence(s) around ``text[start:end]``, never crossing a line
    break and never further than :data:`SENTENCE_REACH` characters: a local scan for
    sentence punctuation, so the cost follows the quote, not the document.  An
    abbreviation ("U.S.") may cut a context short; the context only feeds word overlap
    and the occasion.

    >>> t = "First one. Putin said on Sunday “we stay.” He left. Next"
    >>> a, b = sentence_bounds(t, t.index("“"), t.index("”") + 1)
    >>> t[a:b]
    'Putin said on Sunday “we stay.” He left.'
    """
    # a line break further than the reach cannot move a bound: look no further (on one long
    # line a search of the whole line per quote would be quadratic)
    line_start = text.rfind("\n", max(0, start - SENTENCE_REACH), start) + 1
    line_end = text.find("\n", end, end + SENTENCE_REACH)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, start - SENTENCE_REACH)
    # the pipeline's one sentence rule; the looks run a few characters past each bound, where
    # the rule wants to see the capital that opens the next sentence
    starts = [b for _, b in _text.sentence_breaks(text, lo, min(len(text), start + 3)) if b <= start]
    s = starts[-1] if starts else lo
    while s < start and text[s].isspace():
        s += 1
    hi = min(line_end, end + SENTENCE_REACH)
    e = next((a for a, _ in _text.sentence_breaks(text, end, min(len(text), hi + 3)) if a <= hi), hi)
    return s, max(e, end)


def _occasion(doc_text: str, s_start: int, s_end: int, inner: tuple, earlier: list,
              speaker: Optional[str]) -> Optional[str]:
    """The occasion the sentence around a quote gives, outside the quoted words; else the
    last one an earlier sentence naming the speaker gave (journalists name the occasion
    once, in the lede: "Putin on Sunday said ...")."""
    for m in _occasion_re().finditer(doc_text, s_start, s_end):
        if not (m.start() < inner[1] and m.end() > inner[0]):
            return _clean_occasion(m.group())
    who = _surname(speaker)
    before = [m for m in earlier if m[1] <= s_start and who and who in m[3] and _names_a_day(m[2])]
    if before:
        return f"{before[-1][2]} (earlier in the article)"
    return None


def _clean_occasion(s: str) -> str:
    return _SPACES.sub(" ", s).rstrip(".,")


def _outside_quotes(matches: list, starts: array, ends: array) -> list:
    """Occasion mentions that are not inside any quotation (a speaker's "on Monday" is
    their words, not the occasion); the quotations' spans are ``starts[i]:ends[i]``,
    sorted."""
    out = []
    for m in matches:
        i = bisect.bisect_right(starts, m[0]) - 1
        if i >= 0 and starts[i] <= m[0] < ends[i]:
            continue
        out.append(m)
    return out


def _utterance_pieces(quotes: list, text: str = "") -> Iterator[list]:
    """The quotes of a document grouped into utterances: a split quotation ("“Whatever the
    motives of the arsonist,” Mr. McAllister said, “the governor has faith ...”") is one
    sentence cut by its attribution, so its halves are compared as one; everything else
    stands alone.  The attribution between the halves ends in a comma; two partial quotes
    joined by the reporter's words ("called it “a betrayal,” and said it “hurts families”")
    stay two.  A piece list is in text order."""
    speech = sorted((q for q in quotes if q.kind != REPORTED), key=lambda q: q.start)
    follows = {}
    for q, nxt in zip(speech, speech[1:]):
        between = text[q.end:nxt.start].rstrip() if text else ","
        if q.inner.rstrip().endswith(",") and 0 <= nxt.start - q.end <= SPLIT_QUOTE_GAP and between.endswith(","):
            first = _LETTER.search(nxt.inner)
            if first and first.group().islower() and nxt.parent is None and q.parent is None:
                follows[q.start] = nxt
    continued = {id(n) for n in follows.values()}
    # one piece at a time: a list of every piece (a list per quote) was held through the
    # caller's loop
    for q in quotes:
        if id(q) in continued:
            continue
        piece = [q]
        while q.kind != REPORTED and q.start in follows:
            q = follows[q.start]
            piece.append(q)
        yield piece


#: How many of the outlet's words before a quote can negate it ("did not “support ...”").
LEAD_NEGATION_WORDS = 3


def _lead_negated(text: str, s_start: int, q_start: int) -> bool:
    """Whether one of the last :data:`LEAD_NEGATION_WORDS` words before the quote, in its
    sentence, is a negation.

    >>> t = "He said he would not “support the bill.”"
    >>> _lead_negated(t, 0, t.index("“")), _lead_negated("He said “no.”", 0, 8)
    (True, False)
    """
    words = _align.words_of(text[max(s_start, q_start - 60):q_start])[-LEAD_NEGATION_WORDS:]
    return any(_align.is_negation(w) for w in words)


def _title_case(toks: _align.Tokens) -> bool:
    """Three or more words, every one capitalised (not shouted in capitals), function words
    too: a title."""
    words = [w for w in toks.raws if w[:1].isalpha()]
    return len(words) >= 3 and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words) and any(
        _align.is_function(n) for n in toks.norms)


def _join_tokens(parts: list) -> _align.Tokens:
    if len(parts) == 1:
        return parts[0]
    gaps: dict = {}
    n = 0
    for t in parts:
        gaps.update({n + i: g for i, g in t.gaps.items()})
        n += len(t)
    return _align.joined(parts, gaps)


def _names_speaker(att, s_start: int, s_end: int) -> bool:
    """Whether the attribution writes the speaker's name at the quote, in its sentence
    ("A.J. Smith said"), rather than resolving a pronoun or carrying a speaker over from
    an earlier quote: only then is a disagreement about who spoke the sources', not ours."""
    who = _surname(att.speaker)
    # (a "he" or "she" of the quote's own clause rests on the name written before it in the
    # sentence: attribution._clause_pronoun)
    if not (who and att.mention and (who in _align.normalise_word(att.mention).split() or
                                     att.rule.endswith("/name-clause-pronoun"))):
        return False
    return att.mention_start is not None and s_start <= att.mention_start < s_end


def utterances(document, index: int = 0, shared: Optional[dict] = None) -> list:
    """The items of one document, in text order (see the module docstring).

    ``shared``: a dict kept by the caller over several documents (one check), in which
    equal tuples of words and stems become one tuple (each item's tuples are equal to what
    they would be without it; only their identity is shared).

    >>> from quotecheck.model import Document, Quote, Attribution
    >>> t = "Putin on Sunday said: “We have nowhere to retreat.”"
    >>> q = Quote(21, 51, t[21:51], 22, 50, "direct", attribution=Attribution(speaker="Vladimir Putin"))
    >>> [it] = utterances(Document("a.txt", t, quotes=(q,)))
    >>> it.tokens.norms, it.speaker, it.occasion, it.opens, it.closes
    (('we', 'have', 'nowhere', 'to', 'retreat'), 'Vladimir Putin', 'on Sunday', True, True)
    """
    quotes = [q for q in document.quotes if q.kind in SPEECH_KINDS or q.kind == REPORTED]
    if not quotes or document.status != "ok":
        return []
    text = document.text
    # the quotations' spans as two arrays (a tuple per quote was held through the loop)
    spans = sorted((q.inner_start, q.inner_end) for q in quotes if q.kind != REPORTED)
    span_starts, span_ends = array("q", [a for a, _ in spans]), array("q", [b for _, b in spans])
    spans = []
    occasions = []
    for m in _occasion_re().finditer(text):
        a, b = sentence_bounds(text, m.start(), m.end())
        occasions.append((m.start(), m.end(), _clean_occasion(m.group()),
                          frozenset(_align.words_of(text[a:b]))))
    occasions = _outside_quotes(occasions, span_starts, span_ends)
    kinds = {sp.name: sp.kind for sp in document.speakers}
    principals = {sp.name: sp.principal for sp in document.speakers if sp.principal}
    children = collections.defaultdict(list)
    for q in document.quotes:
        if q.parent is not None and 0 <= q.parent < len(document.quotes):
            children[id(document.quotes[q.parent])].append((q.inner_start, q.inner_end))
    out = []
    if shared is None:
        shared = {}
    day = published(document.meta)
    origin = (index, document.source, document.group, None if day is None else day.toordinal())
    infos: dict = {}
    for piece in _utterance_pieces(quotes, text):
        first, last = piece[0], piece[-1]
        toks = _join_tokens([_align.tokenize(q.inner, base=q.inner_start) for q in piece])
        if not len(toks):
            continue
        if first.kind != REPORTED and _title_case(toks):
            continue  # "Not Fit To Serve As President": a headline or a slogan, nobody's words
        if len(toks) > MAX_TOKENS:
            toks = _align.sliced(toks, MAX_TOKENS, {i: g for i, g in toks.gaps.items() if i <= MAX_TOKENS})
        # equal word tuples are one tuple ("“no,” she said" recurs; a check holds every item)
        _align.share_words(toks, shared)
        # the figures' texts interned: "5 percent" recurs, and a check holds every item at once
        qs = tuple(attrs.evolve(x, start=x.start + q.inner_start, end=x.end + q.inner_start, text=sys.intern(x.text),
                                value_start=x.value_start + q.inner_start, value_end=x.value_end + q.inner_start)
                   for q in piece for x in _numbers.quantities(q.inner))
        said = next((q for q in piece if q.speaker), first)
        s_start, s_end = sentence_bounds(text, first.start, last.end)
        exclude = _name_words(said.speaker)
        own_set = content_stems(toks.norms, exclude)
        # equal stem tuples are one tuple per document, or per check when the caller shares
        # ``shared`` (short quotes repeat their words; a check holds every item at once)
        own = stem_tuple(own_set)
        own = shared.setdefault(own, own)
        context = stem_tuple(own_set | content_stems(_align.words_of(text[s_start:s_end]), exclude))
        context = shared.setdefault(context, context)
        opening = first.inner.lstrip(" \t\n\"'“”‘’«»„")
        closing = last.inner.rstrip(" \t\n\"'“”‘’«»„")
        letter = _LETTER.search(opening)
        info = (kinds.get(said.speaker), principals.get(said.speaker))
        info = _NO_INFO if info == _NO_INFO else infos.setdefault(info, info)
        flags = ((OPENS if letter and letter.group().isupper() else 0)
                 # "...,” he said.": the comma stands for the full stop of a sentence quoted whole
                 | (CLOSES if closing[-1:] in (".", "!", "?", ",", "…", ";") else 0)
                 | (EXPLICIT if _names_speaker(said.attribution, min(s_start, first.start), max(s_end, last.end)) else 0)
                 | (LEAD_NEGATED if _lead_negated(text, s_start, first.start) else 0))
        out.append(Item(
            origin=origin, start=first.start, end=last.end, text=_same_text(first, last, text),
            quote_kind=first.kind, speaker=said.speaker, confidence=said.attribution.confidence,
            tokens=toks, quantities=qs, own=own, context=context,
            occasion=_occasion(text, s_start, s_end, (first.inner_start, last.inner_end), occasions, said.speaker),
            flags=flags, speaker_info=info,
            nested=tuple(sorted(sp for q in piece for sp in children.get(id(q), ()))),
        ))
    # in key order: the document (index and source) is one, so by start, end and kind; three
    # stable sorts on one field each make no key tuple per item (a check holds every item)
    out.sort(key=_KIND)
    out.sort(key=_END)
    out.sort(key=_START)
    return out


_KIND = operator.attrgetter("kind")
_END = operator.attrgetter("end")
_START = operator.attrgetter("start")


def _same_text(first: Quote, last: Quote, text: str) -> str:
    """``text[first.start:last.end]``; for one quote its record's own string when that is
    the same (one string held, not two: a check holds every item of every document)."""
    span = text[first.start:last.end]
    return first.text if first is last and first.text == span else span


def _surname(name: Optional[str]) -> Optional[str]:
    words = (plain_name(name) or "").split()
    return _align.normalise_word(words[-1]) if words else None



@functools.lru_cache(maxsize=1 << 14)
def plain_name(name: Optional[str]) -> Optional[str]:
    """A name without diacritics: outlets print "Calderón" and "Calderon" for one man.

    >>> plain_name("Felipe Calderón")
    'Felipe Calderon'
    """
    if not name:
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))



def _op_words(a: Item, b: Item, o) -> tuple:
    return a.tokens.norms[o.i1:o.i2], b.tokens.norms[o.j1:o.j2]


#: Pairs of names :func:`name_variant` remembers: a pair comes back within a cluster, and
#: 1024 keep 82 % of the hits of 16 384 in the check of 640 PolNeAR articles (7 224 / 8 813;
#: ECB+ never holds more than 502), while a text naming thousands of organisations filled
#: 16 000 entries (8 bytes per character of its check, at the peak; issue 14).
NAME_VARIANT_MEMO = 1024


@functools.lru_cache(maxsize=NAME_VARIANT_MEMO)
def name_variant(x: Optional[str], y: Optional[str]) -> bool:
    """Two forms of one name: every word of the shorter is a word of the longer, spelt the
    same or as a variant, or its initial ("Charlie"/"Charlie Kafoury", "Interior Ken
    Salazar"/"Ken Salazar", "A.J. Butler"/"AJ Butler", "Heffner"/"Hugh Hefner", "J. Smith"/
    "John Smith"); with two words or more the surnames must agree ("Joe Biden" is not
    "Hunter Biden").  Nicknames ("Bibi") need a table the project does not have yet.

    >>> name_variant("Charlie", "Charlie Kafoury"), name_variant("A.J. Butler", "AJ Butler")
    (True, True)
    >>> name_variant("Joe Biden", "Hunter Biden"), name_variant("A.J. Smith", "A.J. Butler")
    (False, False)
    """
    if not x or not y:
        return False
    wx, wy = _name_words(x), _name_words(y)
    if not wx or not wy:
        return False
    short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)

    def same(u, v):
        return u == v or _wording.spelling_variant(u, v) or (len(u) == 1 and v[:1] == u) or (len(v) == 1 and u[:1] == v)

    if len(short) >= 2 and not same(short[-1], long_[-1]):
        return False
    # a middle initial one form leaves out ("Dirk A. Kempthorne"/"Dirk Kempthorne")
    return all(any(same(u, v) for v in long_) or (len(u) == 1 and 0 < k < len(short) - 1)
               for k, u in enumerate(short))


# generational suffixes as words_of spells them ("Jr." -> "jr")
_SUFFIX_WORDS = frozenset(s.lower().rstrip(".") for s in _SUFFIXES)


def _name_words(name: Optional[str]) -> tuple:
    """A name's words, lower-cased, without generational suffixes, runs of initials joined
    ("A. J." and "A.J." -> "aj")."""
    words = [w for w in _align.words_of(plain_name(name) or "") if w not in _SUFFIX_WORDS]
    out: list = []
    initials = False
    for w in words:
        if len(w) == 1 and initials:
            out[-1] += w
        else:
            out.append(w)
            initials = len(w) == 1
    return tuple(out)
