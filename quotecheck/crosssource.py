"""Cross-source check: find the quotations that are the same utterance in different
documents, and report what differs between them.

The check is a pipeline of pure top-level functions over small picklable records, so a
distributed run (one task per document, then per index key, then per cluster) gives the
same output as :func:`check_documents`, which only composes them:

1. :func:`utterances` ``(document, index) -> list[Item]``: one :class:`Item` per speech
   quote (direct, partial, nested; the two halves of a quotation split around its
   attribution are one item) or reported-speech paraphrase, with its normalised
   tokens, speaker, quantities, the content words of its sentence and the occasion the
   sentence gives ("on Sunday").  Items are keyed by ``(document index, source, start, end,
   kind)``; pass each document's index in the input (the order of the output follows it),
   or sources that are unique.
2. :func:`candidate_keys` ``(item) -> list[str]``: the index keys an item is filed under:
   for quotes, pairs of consecutive content words (function words skipped: rare enough to
   index, and "nowhere to retreat" shares "nowhere retreat" with a longer quote of it);
   for items with a known speaker, the speaker's surname with each unit of its numbers and
   with each content word (those only pair reported speech with something).  Every key
   starts with the item's group (``Document.group``, ``*`` without one), so only documents
   of one group are ever compared.  :func:`bucket_pairs` ``(key, items) -> [(key_a,
   key_b)]`` turns one bucket into pairs, never all pairs: a bucket larger than
   :data:`BUCKET_CAP` is walked with a sliding window, so the cost grows linearly with the
   corpus (:func:`candidate_pairs` does it for a list of items).
3. :func:`compare` ``(a, b) -> Match | None``: whether two items are the same utterance.
   Pure and symmetric (the pair is put in key order first).
4. :func:`clusters_from_matches` ``(items, matches) -> list[tuple[Item]]``: union-find over
   the matches; clusters of two or more items, members in key order, clusters ordered by
   their first member.  :func:`cluster_id` is a hash of the members' sources and offsets, so
   the same cluster keeps its id whatever else is in the run.
5. :func:`findings_for_cluster` ``(items) -> list[Finding]``: compares the matching pairs
   from *different* documents and returns the findings, merged by fingerprint, in a stable
   order.

Kinds of finding (see :class:`quotecheck.model.Finding`): ``number`` (the figures in the
shared words differ, with both normalised in the diff: an error when a quoted figure was
changed, a warning when a cut runs through a figure or a paraphrase gives figures the quote
does not allow),
``negation`` (one side negates what the other asserts: an error inside the shared words, a
warning when a cut stops right beside a negation), ``speaker`` (the same words given to
different people: an error only when both sources write the name at the quote, info when
the names share a surname), ``wording`` (words added, removed or substituted inside the shared
words; warning for content words, info for function words, inflections and ellipsis cuts;
also a quote presented as a whole sentence when the other source has more words of that
sentence), ``truncation`` (info: one source quotes a part of what the other quotes) and
``paraphrase`` (info: one source quotes, the other only paraphrases).
"""
from __future__ import annotations

import bisect
import collections
import functools
import hashlib
import os
import unicodedata
from typing import Iterable, Optional

import attrs
import regex

from . import lexicon
from . import align as _align
from . import numbers as _numbers
from . import speakers as _speakers
from . import text as _text
from .model import REPORTED, SPEECH_KINDS, Cluster, Finding, Side


#: Same speaker: share of the shorter quote's words that must align.
SAME_SPEAKER_COVERAGE = 0.75
#: Same speaker: aligned content words needed (unless the quotes are identical).
SAME_SPEAKER_CONTENT = 2
#: A quote this short (in words) matches another only when all of its words are there:
#: one word changed makes another phrase ("make America whole/great again").
SHORT_QUOTE = 6
#: A quote this short, however capitalised and punctuated, is a phrase or a slogan rather
#: than a sentence presented whole.
SLOGAN_WORDS = 4
#: A single aligned word further than this from a longer aligned run is a coincidence.
STRAY_GAP = 2
#: Unknown speaker on one side: the words must agree more.
UNKNOWN_SPEAKER_COVERAGE = 0.8
UNKNOWN_SPEAKER_CONTENT = 3
UNKNOWN_SPEAKER_RUN = 4
#: A shared run of this many words is one utterance whoever it is given to.
LONG_RUN = 8
LONG_RUN_COVERAGE = 0.8
#: Reported speech: content words its sentence must share with the other item's sentence,
#: with a number of the same unit on both sides, and without one.
PARAPHRASE_SHARED_WITH_UNIT = 3
PARAPHRASE_SHARED = 5
PARAPHRASE_JACCARD = 0.2
#: A paraphrase's figures are checked against a quote's only when the paraphrase shares
#: this many content words (besides the unit) with the quote's sentence.
PARAPHRASE_FIGURE_TOPIC = 2
#: A paraphrase is checked for negation only when it follows the other side this closely.
PARAPHRASE_NEGATION_COVERAGE = 0.8
#: A quote ending in a comma continued by a lower-case quote this close after it is
#: one sentence split around its attribution.
SPLIT_QUOTE_GAP = 80
#: Words of one quotation that are compared; alignment is quadratic in the worst case, and
#: no real quotation is this long (a longer "quote" is a finder error or hostile input).
MAX_TOKENS = 600
#: Index buckets larger than this are walked with a window instead of paired in full.
BUCKET_CAP = 24
BUCKET_WINDOW = 4
#: Clusters larger than this compare each member with the next :data:`CLUSTER_WINDOW` in key
#: order instead of with every other: a sentence quoted by hundreds of documents (or a
#: flood of near-identical quotes) must not cost the square of its size.
CLUSTER_CAP = 40
CLUSTER_WINDOW = 12
#: Edits longer than this many words (on either side) are rewording or an added passage,
#: not a changed figure or a flipped statement: they are reported as wording.
SHORT_EDIT = 4
#: Words added on one side that can flip a statement with a negation ("not", "did not").
NEGATION_INSERT = 2
#: Words at the edge of a truncation this close to the shared words can carry a negation
#: that flips them ("I will not | support the bill").
NEGATION_REACH = 1


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
    return any(words.get(w) == "day" for w in occasion.lower().split())


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

@attrs.frozen
class Item:
    """One utterance of one document, ready to compare (picklable, no document inside).

    ``start``/``end``/``text`` are the quote as found (marks included); ``tokens`` are the
    words inside the marks with document offsets; ``quantities`` have document offsets;
    ``own`` and ``context`` are content-word stems of the item and of its sentence;
    ``opens``/``closes`` say whether the quote starts with a capital and ends with
    sentence punctuation (presents itself as a whole sentence).
    """

    doc: int
    source: str
    group: Optional[str]
    start: int
    end: int
    text: str
    kind: str  # "quote" or "paraphrase"
    quote_kind: str
    speaker: Optional[str]
    confidence: float
    tokens: _align.Tokens
    quantities: tuple
    own: frozenset
    context: frozenset
    occasion: Optional[str] = None
    opens: bool = False
    closes: bool = False
    #: ``person``/``organisation``/``group`` as the document's speakers say, when known.
    speaker_kind: Optional[str] = None
    #: The attribution names the speaker at the quote ("A.J. Smith said"), rather than
    #: resolving a pronoun or a description to them.
    explicit: bool = False
    #: Document offsets of quotations nested inside this one: the speaker quoting someone.
    nested: tuple = ()

    @property
    def key(self) -> tuple:
        return (self.doc, self.source, self.start, self.end, self.kind)

    @property
    def document(self) -> tuple:
        """Which document the item is from: its index and source (a distributed run that
        gives every document index 0 still tells documents apart by source)."""
        return (self.doc, self.source)

    @property
    def side(self) -> Side:
        return Side(self.source, self.start, self.end, self.text, self.kind, self.quote_kind,
                    self.speaker, self.occasion)


def content_stems(tokens: Iterable, exclude: frozenset = frozenset()) -> frozenset:
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


def _name_words(name: Optional[str]) -> frozenset:
    return frozenset(_align.normalise_word(w) for w in (name or "").split())


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
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
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


def _outside_quotes(matches: list, spans: list) -> list:
    """Occasion mentions that are not inside any quotation (a speaker's "on Monday" is
    their words, not the occasion)."""
    starts = [s for s, _ in spans]
    out = []
    for m in matches:
        i = bisect.bisect_right(starts, m[0]) - 1
        if i >= 0 and spans[i][0] <= m[0] < spans[i][1]:
            continue
        out.append(m)
    return out


def _utterance_pieces(quotes: list) -> list:
    """The quotes of a document grouped into utterances: a split quotation ("“Whatever the
    motives of the arsonist,” Mr. McAllister said, “the governor has faith ...”") is one
    sentence cut by its attribution, so its halves are compared as one; everything else
    stands alone.  A piece list is in text order."""
    speech = sorted((q for q in quotes if q.kind != REPORTED), key=lambda q: q.start)
    follows = {}
    for q, nxt in zip(speech, speech[1:]):
        if q.inner.rstrip().endswith(",") and 0 <= nxt.start - q.end <= SPLIT_QUOTE_GAP:
            first = _LETTER.search(nxt.inner)
            if first and first.group().islower() and nxt.parent is None and q.parent is None:
                follows[q.start] = nxt
    continued = {id(n) for n in follows.values()}
    out = []
    for q in quotes:
        if id(q) in continued:
            continue
        piece = [q]
        while q.kind != REPORTED and q.start in follows:
            q = follows[q.start]
            piece.append(q)
        out.append(piece)
    return out


def _title_case(toks: _align.Tokens) -> bool:
    """Three or more words, every one capitalised (not shouted in capitals), function words
    too: a title."""
    words = [t.raw for t in toks.tokens if t.raw[:1].isalpha()]
    return len(words) >= 3 and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words) and any(
        _align.is_function(t.norm) for t in toks.tokens)


def _join_tokens(parts: list) -> _align.Tokens:
    tokens, gaps = [], {}
    for t in parts:
        gaps.update({len(tokens) + i: g for i, g in t.gaps.items()})
        tokens.extend(t.tokens)
    return _align.Tokens(tuple(tokens), gaps)


def _names_speaker(att, s_start: int, s_end: int) -> bool:
    """Whether the attribution writes the speaker's name at the quote, in its sentence
    ("A.J. Smith said"), rather than resolving a pronoun or carrying a speaker over from
    an earlier quote: only then is a disagreement about who spoke the sources', not ours."""
    who = _surname(att.speaker)
    if not (who and att.mention and who in _align.normalise_word(att.mention).split()):
        return False
    return att.mention_start is not None and s_start <= att.mention_start < s_end


def utterances(document, index: int = 0) -> list:
    """The items of one document, in text order (see the module docstring).

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
    spans = sorted((q.inner_start, q.inner_end) for q in quotes if q.kind != REPORTED)
    occasions = []
    for m in _occasion_re().finditer(text):
        a, b = sentence_bounds(text, m.start(), m.end())
        occasions.append((m.start(), m.end(), _clean_occasion(m.group()),
                          frozenset(_align.words_of(text[a:b]))))
    occasions = _outside_quotes(occasions, spans)
    kinds = {sp.name: sp.kind for sp in document.speakers}
    children = collections.defaultdict(list)
    for q in document.quotes:
        if q.parent is not None and 0 <= q.parent < len(document.quotes):
            children[id(document.quotes[q.parent])].append((q.inner_start, q.inner_end))
    out = []
    for piece in _utterance_pieces(quotes):
        first, last = piece[0], piece[-1]
        toks = _join_tokens([_align.tokenize(q.inner, base=q.inner_start) for q in piece])
        if not len(toks):
            continue
        if first.kind != REPORTED and _title_case(toks):
            continue  # "Not Fit To Serve As President": a headline or a slogan, nobody's words
        if len(toks) > MAX_TOKENS:
            toks = _align.Tokens(toks.tokens[:MAX_TOKENS], {i: g for i, g in toks.gaps.items() if i <= MAX_TOKENS})
        qs = tuple(attrs.evolve(x, start=x.start + q.inner_start, end=x.end + q.inner_start,
                                value_start=x.value_start + q.inner_start, value_end=x.value_end + q.inner_start)
                   for q in piece for x in _numbers.quantities(q.inner))
        said = next((q for q in piece if q.speaker), first)
        s_start, s_end = sentence_bounds(text, first.start, last.end)
        exclude = _name_words(said.speaker)
        own = content_stems(toks.norms, exclude)
        context = own | content_stems(_align.words_of(text[s_start:s_end]), exclude)
        opening = first.inner.lstrip(" \t\n\"'“”‘’«»„")
        closing = last.inner.rstrip(" \t\n\"'“”‘’«»„")
        letter = _LETTER.search(opening)
        out.append(Item(
            doc=index, source=document.source, group=document.group,
            start=first.start, end=last.end, text=text[first.start:last.end],
            kind="paraphrase" if first.kind == REPORTED else "quote", quote_kind=first.kind,
            speaker=said.speaker, confidence=said.attribution.confidence,
            tokens=toks, quantities=qs, own=own, context=context,
            occasion=_occasion(text, s_start, s_end, (first.inner_start, last.inner_end), occasions, said.speaker),
            opens=bool(letter) and letter.group().isupper(),
            closes=closing[-1:] in (".", "!", "?", ",", "…", ";"),
            speaker_kind=kinds.get(said.speaker),
            explicit=_names_speaker(said.attribution, min(s_start, first.start), max(s_end, last.end)),
            nested=tuple(sorted(sp for q in piece for sp in children.get(id(q), ()))),
        ))
    out.sort(key=lambda it: it.key)
    return out


# --- 2. index --------------------------------------------------------------------------

def _surname(name: Optional[str]) -> Optional[str]:
    words = (plain_name(name) or "").split()
    return _align.normalise_word(words[-1]) if words else None


def candidate_keys(item: Item) -> list:
    """The index keys of an item (see the module docstring); sorted, no duplicates.

    ``s|`` keys (quotes only) are pairs of consecutive content words (function words
    skipped), or the content word of a quote that has one; ``u|`` keys are speaker + unit of a number; ``p|`` keys are speaker + content word
    and only pair an item with reported speech.

    >>> from quotecheck.model import Document, Quote, Attribution
    >>> t = "“Five minutes” he said."
    >>> q = Quote(0, 14, t[0:14], 1, 13, "direct", attribution=Attribution(speaker="Putin"))
    >>> candidate_keys(utterances(Document("a", t, group="g1", quotes=(q,)))[0])
    ['p|g1|putin|minut', 's|g1|five minutes', 'u|g1|putin|minute']
    """
    g = item.group if item.group is not None else "*"
    norms = item.tokens.norms
    keys = set()
    if item.kind == "quote":
        # Consecutive content words, function words skipped: "we have nowhere to retreat"
        # and "must understand that we have nowhere to retreat further" share
        # "nowhere retreat", while "going to" or "the building" index nothing.
        content = [w for w in norms if not _align.is_function(w)]
        for x, y in zip(content, content[1:]):
            keys.add(f"s|{g}|{x} {y}")
        if len(content) == 1:
            keys.add(f"s|{g}|{content[0]}")
    who = _surname(item.speaker)
    if who:
        for q in item.quantities:
            if q.unit:
                keys.add(f"u|{g}|{who}|{q.unit}")
        for s in item.own:
            keys.add(f"p|{g}|{who}|{s}")
    return sorted(keys)


def bucket_pairs(key: str, members: list) -> list:
    """The candidate pairs of one index bucket: ``members`` are the items filed under
    ``key``, in key order; returns ``(a.key, b.key)`` pairs with ``a.key < b.key``.

    A bucket of at most :data:`BUCKET_CAP` items is paired in full; a larger one (a common
    phrase, a much-quoted sentence) pairs each item with the next :data:`BUCKET_WINDOW`,
    which still links a much-quoted sentence into one cluster through the chain.  ``p|``
    buckets only pair reported speech with something."""
    if len(members) < 2:
        return []
    members = sorted(members, key=lambda it: it.key)
    para_only = key.startswith("p|")
    reach = len(members) if len(members) <= BUCKET_CAP else BUCKET_WINDOW
    out = []
    for x, a in enumerate(members):
        for b in members[x + 1 : x + 1 + reach]:
            if para_only and a.kind != "paraphrase" and b.kind != "paraphrase":
                continue
            out.append((a.key, b.key))
    return out


def candidate_pairs(items: list) -> list:
    """Index pairs ``(i, j)``, ``i < j``, into ``items`` (in key order) of items that share
    an index key, sorted: :func:`candidate_keys` then :func:`bucket_pairs` per bucket."""
    buckets = collections.defaultdict(list)
    for it in items:
        for k in candidate_keys(it):
            buckets[k].append(it)
    index = {it.key: i for i, it in enumerate(items)}
    pairs = set()
    for key, members in buckets.items():
        for ka, kb in bucket_pairs(key, members):
            i, j = index[ka], index[kb]
            pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


# --- 3. compare ------------------------------------------------------------------------

@attrs.frozen
class Match:
    """Two items that are the same utterance: ``a`` and ``b`` are item keys in key order,
    ``relation`` how their words relate (``identical``, ``contained``, ``overlap``,
    ``paraphrase``), ``speakers`` ``same``, ``different`` or ``unknown``, ``rule`` the
    criterion that accepted the pair."""

    a: tuple
    b: tuple
    relation: str
    speakers: str
    coverage: float
    rule: str


@functools.lru_cache(maxsize=1 << 14)
def plain_name(name: Optional[str]) -> Optional[str]:
    """A name without diacritics: outlets print "Calderón" and "Calderon" for one man.

    >>> plain_name("Felipe Calderón")
    'Felipe Calderon'
    """
    if not name:
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _speaker_relation(a: Item, b: Item) -> str:
    if not a.speaker or not b.speaker:
        return "unknown"
    return "same" if _speakers.same_person(plain_name(a.speaker), plain_name(b.speaker)) else "different"


def _content_matched(al: _align.Alignment, a: Item) -> int:
    norms = a.tokens.norms
    return sum(1 for o in al.ops if o.tag == "equal"
               for t in norms[o.i1:o.i2] if not _align.is_function(t))


def _inflected(al: _align.Alignment, a: Item, b: Item) -> int:
    """Substituted words that are inflections of each other ("measure"/"measures", and
    "this"/"these"): they count towards the words two quotes share."""
    n = 0
    for o in al.middle:
        if o.tag == "replace" and o.i2 - o.i1 == o.j2 - o.j1:
            xs, ys = _op_words(a, b, o)
            n += sum(1 for x, y in zip(xs, ys)
                     if _align.stem(x) == _align.stem(y) or (_align.is_function(x) and _align.is_function(y)))
    return n


def compare(a: Item, b: Item) -> Optional[Match]:
    """Whether two items are the same utterance (see the module docstring).

    Quotes: with the same speaker, most of the shorter quote's words align (including
    content words); whoever the speakers, a long shared run of words.  Reported speech:
    the same speaker, and the sentences share content words (fewer needed when both give a
    number of the same unit).  Two items of one document can match (a sentence quoted
    twice); findings only come from different documents.
    """
    if b.key < a.key:
        a, b = b, a
    if a.key == b.key:
        return None
    speakers = _speaker_relation(a, b)
    if a.kind == "paraphrase" or b.kind == "paraphrase":
        return _compare_reported(a, b, speakers)
    if min(len(a.tokens), len(b.tokens)) <= SHORT_QUOTE and not _all_words_in(a, b):
        return None  # "make America whole again" is not "make America great again"
    al = _align.align(a.tokens, b.tokens)
    if not al.matched:
        return None
    if speakers == "different" and (_quoting_someone(a, al, "a") or _quoting_someone(b, al, "b")):
        speakers = "unknown"  # the shared words are a quotation inside the quotation
    content = _content_matched(al, a)
    loose = _inflected(al, a, b)
    stray = _stray_matches(al)
    shorter = min(al.n_a, al.n_b)
    coverage = (al.matched - stray + loose) / shorter
    relation = al.relation
    if al.longest >= LONG_RUN and coverage >= LONG_RUN_COVERAGE:
        return Match(a.key, b.key, relation, speakers, coverage, f"shared run of {al.longest} words")
    if speakers == "same":
        if relation == "identical" and content >= 1:
            return Match(a.key, b.key, relation, speakers, 1.0, "same speaker, identical words")
        if coverage >= SAME_SPEAKER_COVERAGE and content >= SAME_SPEAKER_CONTENT and al.longest >= 2:
            return Match(a.key, b.key, relation, speakers, coverage,
                         f"same speaker, {al.matched} of {min(al.n_a, al.n_b)} words align")
    elif speakers == "unknown":
        if (coverage >= UNKNOWN_SPEAKER_COVERAGE and content >= UNKNOWN_SPEAKER_CONTENT
                and al.longest >= UNKNOWN_SPEAKER_RUN):
            return Match(a.key, b.key, relation, speakers, coverage,
                         f"speaker unknown, {al.matched} of {min(al.n_a, al.n_b)} words align")
    return None


def _all_words_in(a: Item, b: Item) -> bool:
    """Whether every word of the shorter item (up to inflection) is in the longer one;
    numerals aside, as a changed figure is the number check's business."""
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    need = _stem_counts(short.tokens.norms, True)
    have = _stem_counts(long_.tokens.norms, False)
    return not (need - have)


@functools.lru_cache(maxsize=1 << 14)
def _stem_counts(norms: tuple, skip_numbers: bool) -> collections.Counter:
    """The stems of ``norms`` with their counts (numerals left out on request); kept, as
    one item is compared with many others.  Callers must not change the Counter."""
    return collections.Counter(_align.stem(w) for w in norms if not (skip_numbers and _align.is_number(w)))


def _stray_matches(al: _align.Alignment) -> int:
    """Single aligned words far from any other aligned run ("and" in "And let's make
    America great again" against "... And frankly, I'm ... make America great again"):
    coincidences, not shared wording.  A single word counts when it is at most
    :data:`STRAY_GAP` words from a run of two or more on both sides."""
    blocks = [(o.i1, o.i2, o.j1, o.j2) for o in al.ops if o.tag == "equal"]
    anchored = [i2 - i1 >= 2 for i1, i2, _, _ in blocks]
    for _ in range(2):  # a single word next to an anchored single word is anchored too
        for k, (i1, i2, j1, j2) in enumerate(blocks):
            if anchored[k]:
                continue
            for n in (k - 1, k + 1):
                if 0 <= n < len(blocks) and anchored[n]:
                    p1, p2, q1, q2 = blocks[n]
                    gap_i = i1 - p2 if n < k else p1 - i2
                    gap_j = j1 - q2 if n < k else q1 - j2
                    if gap_i <= STRAY_GAP and gap_j <= STRAY_GAP:
                        anchored[k] = True
    if len(blocks) == 1:
        return 0
    return sum(i2 - i1 for (i1, i2, _, _), ok in zip(blocks, anchored) if not ok)


def _quoting_someone(item: Item, al: _align.Alignment, side: str) -> bool:
    """Whether most of the words an item shares lie inside a quotation nested in it
    (Trump's tweet quoting Comey's "extremely careless ..."): then the item's speaker is
    quoting, not saying, them."""
    if not item.nested:
        return False
    toks = item.tokens.tokens
    shared = [toks[i] for o in al.ops if o.tag == "equal"
              for i in (range(o.i1, o.i2) if side == "a" else range(o.j1, o.j2))]
    inside = sum(1 for t in shared if any(s <= t.start and t.end <= e for s, e in item.nested))
    return bool(shared) and inside >= 0.8 * len(shared)


def _units(item: Item) -> set:
    return {q.unit for q in item.quantities if q.unit}


def _compare_reported(a: Item, b: Item, speakers: str) -> Optional[Match]:
    if speakers != "same":
        return None
    shared = a.context & b.context
    # Each side's own words must be about what the other's sentence is about.
    if not (a.own & b.context) or not (b.own & a.context):
        return None
    units = _units(a) & _units(b)
    if units and len(shared) >= PARAPHRASE_SHARED_WITH_UNIT:
        return Match(a.key, b.key, "paraphrase", speakers, 0.0,
                     f"same speaker, {len(shared)} shared content words and figures in {sorted(units)[0]}")
    union = a.context | b.context
    if len(shared) >= PARAPHRASE_SHARED and len(shared) / len(union) >= PARAPHRASE_JACCARD:
        return Match(a.key, b.key, "paraphrase", speakers, len(shared) / len(union),
                     f"same speaker, {len(shared)} shared content words")
    return None


# --- 4. clusters -----------------------------------------------------------------------

def clusters_from_matches(items: list, matches: Iterable) -> list:
    """Union-find over matches: tuples of two or more items, each in key order, ordered
    by their first item."""
    parent = {it.key: it.key for it in items}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for m in matches:
        ra, rb = find(m.a), find(m.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = collections.defaultdict(list)
    for it in items:
        groups[find(it.key)].append(it)
    out = [tuple(sorted(g, key=lambda it: it.key)) for g in groups.values() if len(g) > 1]
    return sorted(out, key=lambda c: c[0].key)


def cluster_id(items: Iterable) -> str:
    """A stable id from the members' sources and offsets."""
    members = sorted(f"{it.source}:{it.start}:{it.end}" for it in items)  # input order must not matter
    h = hashlib.sha1("|".join(members).encode("utf-8"))
    return "c" + h.hexdigest()[:10]


def cluster_speaker(items: Iterable) -> Optional[str]:
    """The speaker most members give (the longest form of the name on a tie)."""
    names = collections.Counter(it.speaker for it in items if it.speaker)
    if not names:
        return None
    return sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def cluster_record(items: tuple) -> Cluster:
    kinds = sorted({it.kind for it in items})
    return Cluster(cluster_id(items), cluster_speaker(items), tuple(it.side for it in items),
                   reason=f"{len(items)} {'/'.join(kinds)}s of one utterance in "
                          f"{len({it.document for it in items})} documents")


# --- 5. findings -----------------------------------------------------------------------

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _short(source: str) -> str:
    return os.path.basename(source) or source


def _qkey(q) -> tuple:
    return ("vague", q.unit) if q.vague else q.key


def _fingerprint(kind: str, speaker: Optional[str], items: Iterable) -> str:
    """Kind, speakers' surnames and the normalised words of the sides: no offsets, no
    document order, so a finding keeps its fingerprint when an article is edited elsewhere
    or the corpus is read in another order (for baselines)."""
    items = list(items)
    texts = sorted(" ".join(it.tokens.norms) for it in items)
    names = sorted({_surname(it.speaker) or "" for it in items})
    raw = "\x1f".join([kind, *names, "\x1e"] + texts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _finding(kind, severity, a, b, explanation, diff, rule, cid, speaker=None) -> Finding:
    speaker = speaker if speaker is not None else (a.speaker or b.speaker)
    return Finding(kind, severity, speaker, (a.side, b.side), explanation, diff, rule, cid,
                   _fingerprint(kind, speaker, (a, b)))


def _op_words(a: Item, b: Item, o) -> tuple:
    return a.tokens.norms[o.i1:o.i2], b.tokens.norms[o.j1:o.j2]


def _in_figures(item: Item, i1: int, i2: int) -> bool:
    """Whether every token ``i1:i2`` lies inside one of the item's quantities."""
    return all(any(q.start <= t.start and t.end <= q.end for q in item.quantities)
               for t in item.tokens.tokens[i1:i2])


@functools.lru_cache(maxsize=1)
def _spelling_rules() -> tuple:
    return tuple((regex.compile(pat), rep) for pat, rep in lexicon.rows("crosssource_spelling.tsv"))


def _spelling_key(word: str) -> str:
    for pat, rep in _spelling_rules():
        word = pat.sub(rep, word)
    return word


@functools.lru_cache(maxsize=1)
def _contractions() -> tuple:
    """``(whole words, suffixes)`` from ``crosssource_contractions.tsv``."""
    whole, suffixes = {}, {}
    for key, full in lexicon.rows("crosssource_contractions.tsv"):
        (suffixes if key.startswith(("'", "n'")) else whole)[key] = full
    return whole, tuple(sorted(suffixes.items(), key=lambda kv: -len(kv[0])))


def _expanded(words: tuple) -> tuple:
    """Words with contractions written out: ("i'm", "sorry") -> ("i", "am", "sorry")."""
    whole, suffixes = _contractions()
    out = []
    for w in words:
        if w in whole:
            out.extend(whole[w].split())
            continue
        for suffix, full in suffixes:
            if w.endswith(suffix) and len(w) > len(suffix):
                out.extend((w[: -len(suffix)] + full).split())
                break
        else:
            out.append(w)
    return tuple(out)


def _same_words_spelt_differently(xs: tuple, ys: tuple) -> bool:
    """"fibre"/"fiber", "data center"/"datacenter", "e-mail"/"email": one wording.

    >>> _same_words_spelt_differently(("fibre",), ("fiber",)), _same_words_spelt_differently(("data", "center"), ("datacenter",))
    (True, True)
    >>> _same_words_spelt_differently(("i'm",), ("i", "am")), _same_words_spelt_differently(("tremor",), ("temblor",))
    (True, False)
    """
    if "".join(xs) == "".join(ys):
        return True
    xs, ys = _expanded(xs), _expanded(ys)
    if "".join(xs) == "".join(ys):
        return True
    return len(xs) == len(ys) and all(_spelling_key(x) == _spelling_key(y) for x, y in zip(xs, ys))


def _is_inflection(xs: tuple, ys: tuple) -> bool:
    return len(xs) == len(ys) and all(_align.stem(x) == _align.stem(y) for x, y in zip(xs, ys))


def _minor(words: tuple) -> bool:
    return all(_align.is_function(w) for w in words)


def _negation_checked(al: _align.Alignment, side: str) -> set:
    """Like :func:`_checked`, but words only one side has count only up to
    :data:`NEGATION_INSERT` of them: "did not sign" against "did sign" flips the statement,
    "is just not true" added to it is another clause."""
    out = set()
    for o in al.ops:
        if o.where != "middle":
            continue
        if o.tag != "equal":
            if o.gap or max(o.i2 - o.i1, o.j2 - o.j1) > SHORT_EDIT:
                continue
            if o.tag in ("insert", "delete") and max(o.i2 - o.i1, o.j2 - o.j1) > NEGATION_INSERT:
                continue
        out.update(range(o.i1, o.i2) if side == "a" else range(o.j1, o.j2))
    return out


def _checked(al: _align.Alignment, side: str) -> set:
    """Token indices of one side where a changed figure or negation counts: the shared
    stretch, less words cut at an ellipsis or bracket and long rewordings (see
    :data:`SHORT_EDIT`)."""
    out = set()
    for o in al.ops:
        if o.where != "middle":
            continue
        if o.tag != "equal" and (o.gap or max(o.i2 - o.i1, o.j2 - o.j1) > SHORT_EDIT):
            continue
        out.update(range(o.i1, o.i2) if side == "a" else range(o.j1, o.j2))
    return out


def _figures(item: Item, checked: set) -> list:
    """The item's quantities whose figure lies on a checked token."""
    if not checked:
        return []
    starts = [t.start for t in item.tokens.tokens]
    out = []
    for q in item.quantities:
        i = bisect.bisect_right(starts, q.value_start) - 1
        if i in checked and item.tokens.tokens[i].end > q.value_start:
            out.append(q)
    return out


def _same_figure(x, y) -> bool:
    """Two quantities say the same: qualifier class and bounds agree, and the units do
    where both sides give one ("three of our citizens" = "three people")."""
    return (x.qualifier, x.low, x.high) == (y.qualifier, y.low, y.high) and (
        x.unit == y.unit or x.unit is None or y.unit is None)


def _unpaired(xs: list, ys: list, same) -> tuple:
    """The quantities of each list that ``same`` pairs with none of the other (greedy)."""
    left, right = list(xs), list(ys)
    for x in xs:
        for y in right:
            if same(x, y):
                left.remove(x)
                right.remove(y)
                break
    return left, right


def _number_findings(a, b, al, cid) -> list:
    """Figures in the shared words that differ: changed, added or dropped numbers and
    qualifiers.  An error when the figures lie wholly inside the shared words; a warning
    when one runs over its edge ("under" cut off "under five minutes")."""
    ca, cb = _checked(al, "a"), _checked(al, "b")
    qa, qb = _figures(a, ca), _figures(b, cb)
    ua, ub = _unpaired(qa, qb, _same_figure)
    if not ua and not ub:
        return []

    def inside(item, q, checked):
        toks = [item.tokens.tokens[i] for i in checked]
        return toks and min(t.start for t in toks) <= q.start and q.end <= max(t.end for t in toks)

    severity = "error" if all(inside(a, q, ca) for q in ua) and all(inside(b, q, cb) for q in ub) else "warning"
    da, db = [q.describe() for q in qa], [q.describe() for q in qb]
    expl = (f"{_short(a.source)} quotes {', '.join(q.text for q in qa) or 'no figure'} where "
            f"{_short(b.source)} quotes {', '.join(q.text for q in qb) or 'no figure'} in the same words.")
    diff = {"a": {"source": a.source, "numbers": da, "text": [q.text for q in qa]},
            "b": {"source": b.source, "numbers": db, "text": [q.text for q in qb]}}
    diff["a"]["differ"] = [q.describe() for q in ua]
    diff["b"]["differ"] = [q.describe() for q in ub]
    return [_finding("number", severity, a, b, expl, diff, "number-in-shared-words", cid)]


def _negations(item: Item, i1: int, i2: int) -> int:
    return sum(1 for t in item.tokens.norms[i1:i2] if _align.is_negation(t))


def _negation_beside(item: Item, i1: int, i2: int, where: str) -> int:
    """Negations among the cut words ``i1:i2`` that stand right beside the shared words, in
    the same clause: "I will not | support the bill", not "No, | I meant ..." nor
    "... great idea. | Nobody ...".  Within :data:`NEGATION_REACH` words, with no
    punctuation between."""
    toks = item.tokens.tokens
    if i2 <= i1:
        return 0
    near = range(max(i1, i2 - NEGATION_REACH), i2) if where == "head" else range(i1, min(i2, i1 + NEGATION_REACH))
    n = 0
    for i in near:
        if not _align.is_negation(toks[i].norm):
            continue
        lo, hi = (toks[i].end, toks[i2].start) if where == "head" and i2 < len(toks) else \
                 (toks[i1 - 1].end, toks[i].start) if where != "head" and i1 > 0 else (0, 0)
        if hi > lo and _CLAUSE_BREAK.search(item.text, lo - item.start, hi - item.start):
            continue
        n += 1
    return n


def _negation_findings(a, b, al, cid, severity="error") -> list:
    na = sum(1 for i in _negation_checked(al, "a") if _align.is_negation(a.tokens.norms[i]))
    nb = sum(1 for i in _negation_checked(al, "b") if _align.is_negation(b.tokens.norms[i]))
    rule = "negation-in-shared-words"
    if na == nb:
        # A truncation that stops just short of a negation can flip the quoted words.
        na = nb = 0
        for o in al.edges:
            na += _negation_beside(a, o.i1, o.i2, o.where)
            nb += _negation_beside(b, o.j1, o.j2, o.where)
        if na == nb:
            return []
        severity, rule = "warning", "negation-beside-truncation"
    neg, pos = (a, b) if na > nb else (b, a)
    expl = (f"{_short(neg.source)} has a negation that {_short(pos.source)} does not "
            f"in the same quoted words.")
    words = lambda it: [t.raw for t in it.tokens.tokens if _align.is_negation(t.norm)]
    diff = {"a": {"source": a.source, "negations": words(a)}, "b": {"source": b.source, "negations": words(b)}}
    return [_finding("negation", severity, a, b, expl, diff, rule, cid)]


def _beyond_sentence(whole: Item, other: Item, al, whole_side: str) -> list:
    """Edge words of ``other`` inside the sentence that ``whole`` quotes as complete: the
    quote claims to be the whole sentence, so words the other source has before its capital
    or after its closing punctuation (in the same sentence) are a wording difference."""
    if not (whole.opens and whole.closes) or whole.kind != "quote" or other.kind != "quote":
        return []
    if len(whole.tokens) <= SLOGAN_WORDS:
        return []  # "Make America Great Again." is a slogan or a title, not a sentence cut
    out = []
    for o in al.edges:
        if whole_side == "a" and o.tag != "insert" or whole_side == "b" and o.tag != "delete":
            continue
        if o.gap == "bracket":
            continue  # the reporter's [words] stand in for these
        i1, i2 = (o.j1, o.j2) if whole_side == "a" else (o.i1, o.i2)
        toks = other.tokens.tokens
        if o.where == "head":
            first_shared = toks[i2] if i2 < len(toks) else None
            if first_shared is None or first_shared.raw[:1].isupper():
                continue  # the other source capitalises it too: no evidence of a cut
            between = other.text[toks[i2 - 1].end - other.start: first_shared.start - other.start]
        else:
            last_shared = toks[i1 - 1] if i1 > 0 else None
            between = other.text[last_shared.end - other.start: toks[i1].start - other.start] if last_shared else "."
        if _BOUNDARY.search(between):
            continue  # the other source's sentence (or quotation) ends there too
        out.append((o.where, i1, i2))
    return out


def _wording_findings(a, b, al, cid) -> list:
    changes = {"added": [], "removed": [], "substituted": [], "cut": [], "beyond_sentence": []}
    severity = "info"
    for o in al.middle:
        xs, ys = _op_words(a, b, o)
        if o.gap == "bracket":
            continue  # the reporter's [words] in place of the speaker's: editorial, marked
        if _in_figures(a, o.i1, o.i2) and _in_figures(b, o.j1, o.j2):
            continue  # a figure written another way, or changed: the number check's business
        if all(_align.is_negation(w) for w in xs + ys):
            continue  # reported as a negation finding
        if o.tag == "replace" and _same_words_spelt_differently(xs, ys):
            continue  # spelling, not wording
        wa, wb = _align.words(a.tokens, o.i1, o.i2), _align.words(b.tokens, o.j1, o.j2)
        if o.gap == "ellipsis":
            entry = dict(wb if o.tag == "insert" else wa, source=(b if o.tag == "insert" else a).source)
            changes["cut"].append(entry)
            continue
        major = not _minor(xs + ys) and not (o.tag == "replace" and _is_inflection(xs, ys))
        if major:
            severity = "warning"
        if o.tag == "insert":
            changes["added"].append(dict(wb, source=b.source))
        elif o.tag == "delete":
            changes["removed"].append(dict(wa, source=a.source))
        else:
            changes["substituted"].append({"a": wa, "b": wb, "minor": not major})
    for whole, other, side in ((a, b, "a"), (b, a, "b")):
        for where, i1, i2 in _beyond_sentence(whole, other, al, side):
            w = _align.words(other.tokens, i1, i2)
            changes["beyond_sentence"].append(dict(w, source=other.source, where=where,
                                                   whole=whole.source))
            if not _minor(other.tokens.norms[i1:i2]):
                severity = "warning"
    if not any(changes.values()):
        return []
    parts = []
    if changes["substituted"]:
        parts.append("substitutes " + "; ".join(f"“{s['b']['text']}” for “{s['a']['text']}”" for s in changes["substituted"]))
    if changes["added"]:
        parts.append("has “" + "”, “".join(x["text"] for x in changes["added"]) + f"” that {_short(a.source)} lacks")
    if changes["removed"]:
        parts.append("lacks “" + "”, “".join(x["text"] for x in changes["removed"]) + f"” that {_short(a.source)} has")
    if changes["cut"]:
        parts.append("an ellipsis leaves out “" + "”, “".join(x["text"] for x in changes["cut"]) + "”")
    sentence = ""
    if changes["beyond_sentence"]:
        x = changes["beyond_sentence"]
        before = [e["text"] for e in x if e["where"] == "head"]
        after = [e["text"] for e in x if e["where"] == "tail"]
        more = " and ".join(([f"“{before[0]}” before it"] if before else [])
                            + ([f"“{after[0]}” after it"] if after else []))
        sentence = (f"{_short(x[0]['whole'])} quotes a whole sentence, but "
                    f"{_short(x[0]['source'])} quotes the same sentence with {more}")
    expl = ""
    if parts:
        expl = f"The quoted words differ: {_short(b.source)} " + ", and ".join(parts)
    expl = "; ".join(p for p in (expl, sentence) if p) + "."
    diff = {"a": a.source, "b": b.source, **{k: v for k, v in changes.items() if v}}
    rule = "words-differ-in-shared-stretch" if any(changes[k] for k in ("added", "removed", "substituted")) \
        else ("ellipsis-cut" if changes["cut"] else "quoted-as-whole-sentence")
    return [_finding("wording", severity, a, b, expl, diff, rule, cid)]


def _truncation_findings(a, b, al, cid, claimed: bool) -> list:
    extra_a = [o for o in al.edges if o.tag == "delete" and o.gap != "bracket"]
    extra_b = [o for o in al.edges if o.tag == "insert" and o.gap != "bracket"]
    if claimed or not (extra_a or extra_b):
        return []  # nothing cut, or already reported as a wording difference
    longer, shorter = (b, a) if extra_b else (a, b)
    expl = f"{_short(shorter.source)} quotes part of what {_short(longer.source)} quotes."
    if extra_a and extra_b:
        expl = f"{_short(a.source)} and {_short(b.source)} quote overlapping parts of the same words."
    diff = {"longer": longer.source, "shorter": shorter.source,
            "a_only": [_align.words(a.tokens, o.i1, o.i2) for o in extra_a],
            "b_only": [_align.words(b.tokens, o.j1, o.j2) for o in extra_b]}
    return [_finding("truncation", "info", a, b, expl, diff, "part-of-quote", cid)]


def _names_the_other(a: Item, b: Item) -> bool:
    """Whether the sentence around ``a`` names ``b``'s speaker (by surname)."""
    who = _surname(b.speaker)
    return bool(who) and _align.stem(who) in a.context


def _speaker_findings(a, b, cid) -> list:
    """The same words given to different people.  An error only when both sources name
    the person at the quote and both are people: a pronoun resolved to the wrong person,
    or a news agency the quote was given to, is more likely a misreading than a
    misattribution by the source."""
    named = a.explicit and b.explicit and a.speaker_kind in (None, "person") and b.speaker_kind in (None, "person")
    if _surname(a.speaker) == _surname(b.speaker):
        # "Constable Tim Fanning" / "Tim Fanning": most often one person the name matcher
        # could not join; kept (it can be "Joe" / "Hunter Biden") but only as information.
        sev = "info"
    elif _names_the_other(a, b) or _names_the_other(b, a):
        # "Greek prime minister George Papandreou condemned ..., saying: “...”" read as
        # "Greek": the sentence around the quote names the other source's speaker, so the
        # disagreement is most likely a misreading of that sentence.
        sev = "warning"
    else:
        sev = "error" if named else "warning"
    expl = (f"The same words are attributed to {a.speaker} in {_short(a.source)} "
            f"and to {b.speaker} in {_short(b.source)}.")
    diff = {"a": {"source": a.source, "speaker": a.speaker}, "b": {"source": b.source, "speaker": b.speaker}}
    return [_finding("speaker", sev, a, b, expl, diff, "same-words-other-speaker", cid, speaker=a.speaker)]


def _interval(q) -> tuple:
    """The values a figure allows: "under 5" allows anything up to 5, "about 40" 34-46."""
    inf = float("inf")
    if q.qualifier == "max":
        return (-inf, q.high)
    if q.qualifier == "min":
        return (q.low, inf)
    if q.qualifier == "approx":
        return (q.low * 0.85, q.high * 1.15)
    return (q.low, q.high)


def _compatible(x, y) -> bool:
    ix, iy = _interval(x), _interval(y)
    return ix[0] <= iy[1] and iy[0] <= ix[1]


def _paraphrase_number_findings(a, b, cid) -> list:
    """Reported speech against a quote (or other reported speech) of the same speaker:
    a figure of a shared unit that the other side's figures do not allow ("under five
    minutes" against "7-10 minutes").  Always a warning: a paraphrase may be about
    another part of the speech."""
    out = []
    para, quote = (a, b) if a.kind == "paraphrase" else (b, a)
    for unit in sorted(_units(a) & _units(b)):
        about = (para.own & quote.context) - {_align.stem(unit)}
        if len(about) < PARAPHRASE_FIGURE_TOPIC:
            continue  # the figures may count different things ("24 dead", "200 injured")
        qa = [q for q in a.quantities if q.unit == unit and not q.vague]
        qb = [q for q in b.quantities if q.unit == unit and not q.vague]
        if not qa or not qb:
            continue
        ua = [x for x in qa if not any(_compatible(x, y) for y in qb)]
        ub = [y for y in qb if not any(_compatible(x, y) for x in qa)]
        if not ua and not ub:
            continue
        say = lambda it: "quotes" if it.kind == "quote" else "reports"
        expl = (f"{_short(a.source)} {say(a)} {' and '.join(q.text for q in qa)} where "
                f"{_short(b.source)} {say(b)} {' and '.join(q.text for q in qb)}.")
        diff = {"unit": unit,
                "a": {"source": a.source, "kind": a.kind, "numbers": [q.describe() for q in qa],
                      "text": [q.text for q in qa], "differ": [q.describe() for q in ua]},
                "b": {"source": b.source, "kind": b.kind, "numbers": [q.describe() for q in qb],
                      "text": [q.text for q in qb], "differ": [q.describe() for q in ub]}}
        out.append(_finding("number", "warning", a, b, expl, diff, "paraphrase-figures-differ", cid))
    return out


def compare_pair(a: Item, b: Item, m: Match, cid: Optional[str] = None) -> list:
    """The findings between two matching items of different documents."""
    if b.key < a.key:
        a, b = b, a
    out = []
    if m.speakers == "different":
        out += _speaker_findings(a, b, cid)
    if m.relation == "paraphrase":
        if a.kind != b.kind:
            # Two paraphrases are both the reporters' words, often about other parts of a
            # statement: only a paraphrase against the quoted words is checked for figures.
            out += _paraphrase_number_findings(a, b, cid)
        al = _align.align(a.tokens, b.tokens)
        if al.matched >= 4 and al.coverage >= PARAPHRASE_NEGATION_COVERAGE:
            out += _negation_findings(a, b, al, cid, severity="warning")
        return out
    al = _align.align(a.tokens, b.tokens)
    out += _number_findings(a, b, al, cid)
    out += _negation_findings(a, b, al, cid)
    wording = _wording_findings(a, b, al, cid)
    out += wording
    claimed = any("beyond_sentence" in f.diff for f in wording)
    out += _truncation_findings(a, b, al, cid, claimed)
    return out


def _paraphrase_findings(items: tuple, matched: dict, cid: str) -> list:
    """A quote in one document matched only by reported speech in another."""
    by_key = {it.key: it for it in items}
    neighbours = collections.defaultdict(list)
    for ka, kb in matched:  # holds both directions
        neighbours[ka].append(by_key[kb])
    out = []
    for p in items:
        if p.kind != "paraphrase":
            continue
        for q in sorted(neighbours[p.key], key=lambda it: it.key):
            if q.kind != "quote" or q.document == p.document:
                continue
            # The paraphrasing document also quotes the words: not only a paraphrase there.
            if any(o.kind == "quote" and o.document == p.document for o in neighbours[q.key]):
                continue
            expl = (f"{_short(q.source)} quotes {q.speaker or 'the speaker'} directly; "
                    f"{_short(p.source)} only paraphrases the words.")
            a, b = (p, q) if p.key < q.key else (q, p)
            out.append(_finding("paraphrase", "info", a, b, expl,
                                {"quote": q.source, "paraphrase": p.source}, "quote-vs-paraphrase", cid))
    return out


def _merge(findings: list) -> list:
    """One finding per fingerprint, with every side that shows it."""
    merged = {}
    for f in findings:
        old = merged.get(f.fingerprint)
        if old is None:
            merged[f.fingerprint] = f
            continue
        seen = {(s.source, s.start, s.end) for s in old.sides}
        extra = tuple(s for s in f.sides if (s.source, s.start, s.end) not in seen)
        worst = max(old.severity, f.severity, key=_SEVERITY_RANK.get)
        merged[f.fingerprint] = attrs.evolve(old, sides=old.sides + extra, severity=worst)
    return list(merged.values())


def _merge_speakers(findings: list) -> list:
    """One speaker finding per pair of names in a cluster, with every side that gives
    either name: "five sources say DeGeneres, one says Meron" is one finding, not five."""
    groups = collections.defaultdict(list)
    rest = []
    for f in findings:
        if f.kind != "speaker":
            rest.append(f)
            continue
        names = tuple(sorted({_surname(s.speaker) or "" for s in f.sides}))
        groups[names].append(f)
    for names, fs in groups.items():
        sides, seen = [], set()
        for f in fs:
            for sd in f.sides:
                if (sd.source, sd.start, sd.end) not in seen:
                    seen.add((sd.source, sd.start, sd.end))
                    sides.append(sd)
        worst = max((f.severity for f in fs), key=_SEVERITY_RANK.get)
        counts = collections.Counter(sp for sp, _src in {(sd.speaker, sd.source) for sd in sides})
        expl = "The same words are attributed to " + " and to ".join(
            f"{name} ({n} source{'s' if n > 1 else ''})" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) + "."
        texts = sorted({_align.tokenize(sd.text).norms for sd in sides})
        raw = "\x1f".join(["speaker", *names] + [" ".join(t) for t in texts])
        fp = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
        rest.append(attrs.evolve(fs[0], sides=tuple(sides), severity=worst, explanation=expl, fingerprint=fp,
                                 diff={"speakers": dict(counts), "pairs": [f.diff for f in fs]}))
    return rest


def _variant(it: Item) -> tuple:
    """Everything about an item that its findings depend on, except where it is."""
    return (it.kind, it.tokens.norms, tuple(sorted(it.tokens.gaps.items())), it.speaker,
            it.explicit, it.speaker_kind, it.opens, it.closes,
            tuple(q.key for q in it.quantities), it.context,
            tuple((x - it.start, y - it.start) for x, y in it.nested))


def findings_for_cluster(items: tuple) -> list:
    """Every finding among the items of one cluster (pairs from different documents that
    match directly), merged by fingerprint, ordered by first side then kind."""
    items = tuple(sorted(items, key=lambda it: it.key))
    cid = cluster_id(items)
    matched = {}
    out = []
    # A sentence quoted alike by many outlets is one variant: compare each pair of
    # variants once and give the result the sides of every pair that shows it.
    seen = {}
    reach = len(items) if len(items) <= CLUSTER_CAP else CLUSTER_WINDOW
    for x, a in enumerate(items):
        for b in items[x + 1 : x + 1 + reach]:
            if a.document == b.document:
                continue
            pair = (_variant(a), _variant(b))
            if pair not in seen:
                m = compare(a, b)
                seen[pair] = (m, compare_pair(a, b, m, cid) if m is not None else [])
                found = seen[pair][1]
            else:
                m, found = seen[pair]
                found = [attrs.evolve(f, sides=(a.side, b.side)) for f in found]
            if m is None:
                continue
            matched[(a.key, b.key)] = matched[(b.key, a.key)] = m
            out += found
    out += _paraphrase_findings(items, matched, cid)
    out = _merge_speakers(out) if any(f.kind == "speaker" for f in out) else out
    out = _merge(out)
    kinds = ("number", "negation", "speaker", "wording", "paraphrase", "truncation")
    return sorted(out, key=lambda f: (kinds.index(f.kind) if f.kind in kinds else 99,
                                      f.sides[0].source, f.sides[0].start, f.fingerprint))


# --- composition ------------------------------------------------------------------------

def check_documents(documents) -> tuple:
    """Return ``(clusters, findings)`` for extracted documents (see the module docstring)."""
    items = [it for i, d in enumerate(documents) for it in utterances(d, i)]
    items.sort(key=lambda it: it.key)
    matches = []
    for i, j in candidate_pairs(items):
        m = compare(items[i], items[j])
        if m is not None:
            matches.append(m)
    groups = clusters_from_matches(items, matches)
    clusters = tuple(cluster_record(g) for g in groups)
    findings = tuple(f for g in groups for f in findings_for_cluster(g))
    return clusters, findings
