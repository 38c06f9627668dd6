"""Which utterances are the same: the index that proposes pairs, the comparison that
accepts them and the clusters they form.  Part of the cross-source check (see
:mod:`quotecheck.crosssource`).
"""
from __future__ import annotations

import bisect
import collections
import functools
import hashlib
from array import array
from typing import Iterable, Iterator, Optional

import attrs
from mypy_extensions import mypyc_attr

from . import align as _align
from .model import Cluster
from .names import same_person
from .utterances import Item, _op_words, _surname, name_variant, plain_name, stem_set


#: Same speaker: share of the shorter quote's words that must align.
SAME_SPEAKER_COVERAGE = 0.75
#: Same speaker: aligned content words needed (unless the quotes are identical).
SAME_SPEAKER_CONTENT = 2
#: A quote this short (in words) matches another only when all of its words are there:
#: one word changed makes another phrase ("make America whole/great again").
SHORT_QUOTE = 6
#: A single aligned word further than this from a longer aligned run is a coincidence.
STRAY_GAP = 2
#: Unknown speaker on one side: the words must agree more.
UNKNOWN_SPEAKER_COVERAGE = 0.8
UNKNOWN_SPEAKER_CONTENT = 3
UNKNOWN_SPEAKER_RUN = 4
#: A shared run of this many words is one utterance whoever it is given to.
LONG_RUN = 8
LONG_RUN_COVERAGE = 0.8
#: A sentence of at least :data:`LONG_RUN` shared words with this share of the shorter
#: side aligned, in runs of at least this many words, is one utterance too.
NEAR_COPY_COVERAGE = 0.9
NEAR_COPY_RUN = 4
#: A short quote (:data:`SHORT_QUOTE` words or fewer) of at least this many words can still
#: match with exactly one word replaced by another, in place, when everything else aligns.
SHORT_ONE_CHANGE = 5
#: Reported speech: content words its sentence must share with the other item's sentence,
#: with a number of the same unit on both sides, and without one.
PARAPHRASE_SHARED_WITH_UNIT = 3
PARAPHRASE_SHARED = 5
PARAPHRASE_JACCARD = 0.2
#: Index buckets larger than this are walked with a window instead of paired in full.
BUCKET_CAP = 24
BUCKET_WINDOW = 4


# --- 2. index --------------------------------------------------------------------------


def candidate_keys(item: Item) -> list:
    """The index keys of an item (see the module docstring); sorted, no duplicates.

    ``s|`` keys (quotes only) are pairs of consecutive content words (function words
    skipped), or the content word of a quote that has one; ``u|`` keys are speaker + unit of a number; ``p|`` keys are speaker + content word
    and only pair an item with reported speech.

    >>> from quotecheck.model import Document, Quote, Attribution
    >>> from quotecheck.utterances import utterances
    >>> t = "“Five minutes” he said."
    >>> q = Quote(0, 14, t[0:14], 1, 13, "direct", attribution=Attribution(speaker="Putin"))
    >>> candidate_keys(utterances(Document("a", t, group="g1", quotes=(q,)))[0])
    ['p|g1|putin|minut', 's|g1|five minutes', 's|g1|putin|minut', 'u|g1|putin|minute']
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
        # ... and every other one, so a quote with one word changed ("injuries sustained
        # when" / "injuries suffered when") still shares a key with the original
        for x, y in zip(content, content[2:]):
            keys.add(f"s|{g}|{x} {y}")
        if len(content) == 1:
            keys.add(f"s|{g}|{content[0]}")
    who = _surname(item.speaker)
    if who and item.kind == "quote" and len(norms) <= SHORT_QUOTE + 2:
        # a short quote of a known speaker, by each content word: two content words are
        # all it has, and a changed one leaves no pair ("ensconced in the bosom of")
        for s in item.own:
            keys.add(f"s|{g}|{who}|{s}")
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
    return list(iter_candidate_pairs(items))


def iter_candidate_pairs(items: list) -> Iterator[tuple]:
    """:func:`candidate_pairs` one pair at a time, in the same order, never holding them
    all: the buckets hold item indices, and the partners of item ``i`` (the members after
    it in each of its buckets, as :func:`bucket_pairs` pairs them) are gathered when ``i``
    comes.  On near-copies of a text with a quote every few words the set of all pairs
    was the largest thing the check held (60 bytes per input character).  ``items`` are
    in key order, keys unique (as :func:`utterances` gives them)."""
    ids: dict = {}  # index key -> bucket number, while the index is built
    # a bucket: the indices of its items, ascending (4 bytes an item, not a list's 8 and
    # an int object)
    buckets: list = []
    # every item's bucket numbers in one array, its ``p|`` buckets last: item ``i``'s run
    # is ``mine[first[i]:first[i + 1]]``, the first ``n_plain[i]`` of it not ``p|`` (a
    # tuple of bucket lists per item was 150 bytes and more an item, held to the end)
    mine = array("i")
    first = array("i")
    n_plain = array("i")
    for i, it in enumerate(items):
        first.append(len(mine))
        para: list = []
        for k in candidate_keys(it):
            b = ids.get(k)
            if b is None:
                b = ids[k] = len(buckets)
                buckets.append(array("i"))
            buckets[b].append(i)
            if k.startswith("p|"):
                para.append(b)
            else:
                mine.append(b)
        n_plain.append(len(mine) - first[i])
        mine.extend(array("i", para))
    first.append(len(mine))
    del ids
    for i in range(len(items)):
        split = first[i] + n_plain[i]
        partners: set = set()
        for x in range(first[i], split):
            partners.update(_after(buckets[mine[x]], i))
        if split < first[i + 1]:
            para_i = items[i].kind == "paraphrase"
            for x in range(split, first[i + 1]):
                partners.update(j for j in _after(buckets[mine[x]], i) if para_i or items[j].kind == "paraphrase")
        for j in sorted(partners):
            yield (i, j)


def _after(members: array, i: int) -> array:
    """The members of a bucket (item indices, ascending) :func:`bucket_pairs` pairs with
    item ``i``, ahead of it: every one in a bucket of at most :data:`BUCKET_CAP`, else the
    next :data:`BUCKET_WINDOW`."""
    if len(members) < 2:
        return members[:0]
    reach = len(members) if len(members) <= BUCKET_CAP else BUCKET_WINDOW
    x = bisect.bisect_left(members, i)
    return members[x + 1 : x + 1 + reach]


# --- 3. compare ------------------------------------------------------------------------

@mypyc_attr(native_class=False)  # an attrs record: a Python class in the compiled build too
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



def _speaker_relation(a: Item, b: Item) -> str:
    if not a.speaker or not b.speaker:
        return "unknown"
    if same_person(plain_name(a.speaker), plain_name(b.speaker)) or name_variant(a.speaker, b.speaker):
        return "same"
    return "different"


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
    if min(len(a.tokens), len(b.tokens)) <= SHORT_QUOTE and not _all_words_in(a, b) \
            and not _one_word_changed(a, b):
        return None  # "make America whole again" is not "make America great again"
    al = _align.align(a.tokens, b.tokens)
    if not al.matched:
        return None
    if _quoting_someone(a, al, "a") or _quoting_someone(b, al, "b"):
        # The shared words are a quotation inside the other quotation (a memo quoting a
        # witness, a tweet quoting a rival): the containing text is another utterance.
        return None
    content = _content_matched(al, a)
    loose = _inflected(al, a, b)
    stray = _stray_matches(al)
    shorter = min(al.n_a, al.n_b)
    coverage = (al.matched - stray + loose) / shorter
    relation = al.relation
    if al.longest >= LONG_RUN and coverage >= LONG_RUN_COVERAGE:
        return Match(a.key, b.key, relation, speakers, coverage, f"shared run of {al.longest} words")
    if al.matched - stray >= LONG_RUN and coverage >= NEAR_COPY_COVERAGE and al.longest >= NEAR_COPY_RUN:
        # a sentence reproduced but for a word or two ("She was [not] an essential point of
        # our lives"): one utterance whoever it is given to, like a long run
        return Match(a.key, b.key, relation, speakers, coverage,
                     f"{al.matched - stray} of {shorter} words align in runs of up to {al.longest}")
    if speakers != "different" and _one_word_changed(a, b, al):
        return Match(a.key, b.key, relation, speakers, coverage,
                     f"{al.matched} of {shorter} words align, one replaced in place")
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


def _one_word_changed(a: Item, b: Item, al: Optional[_align.Alignment] = None) -> bool:
    """The shorter quote, at least :data:`SHORT_ONE_CHANGE` words, is in the other but for
    one word replaced in place ("The man is an emotional wreck" / "The boy is an emotional
    wreck"): one utterance misquoted, not two.  Four words with one changed are another
    phrase ("make America whole again")."""
    al = al or _align.align(a.tokens, b.tokens)
    shorter = min(al.n_a, al.n_b)
    if shorter < SHORT_ONE_CHANGE:
        return False
    middle = al.middle
    return (len(middle) == 1 and middle[0].tag == "replace" and middle[0].i2 - middle[0].i1 == 1
            and middle[0].j2 - middle[0].j1 == 1 and al.matched == shorter - 1)


def _all_words_in(a: Item, b: Item) -> bool:
    """Whether every word of the shorter item (up to inflection) is in the longer one;
    numerals aside, as a changed figure is the number check's business."""
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    need = _stem_counts(short.tokens.norms, True)
    have = _stem_counts(long_.tokens.norms, False)
    return not (need - have)


@functools.lru_cache(maxsize=1 << 10)
def _stem_counts(norms: tuple, skip_numbers: bool) -> collections.Counter:
    """The stems of ``norms`` with their counts (numerals left out on request); kept, as
    one item is compared with many others.  Callers must not change the Counter.

    The last 1024 only: the pairs come item by item, each with its partners, so recent
    entries are the ones asked for again (on three copies of 100 000 characters of
    ``unclosed_marks`` 27 000 misses in 280 000 calls against 3 900 with 16 384 entries);
    at 16 384 the memo held about 400 bytes a quote, 5 bytes per input character there."""
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
    starts, ends = item.tokens.starts, item.tokens.ends
    shared = [i for o in al.ops if o.tag == "equal"
              for i in (range(o.i1, o.i2) if side == "a" else range(o.j1, o.j2))]
    inside = sum(1 for i in shared if any(s <= starts[i] and ends[i] <= e for s, e in item.nested))
    return bool(shared) and inside >= 0.8 * len(shared)


def _units(item: Item) -> set:
    return {q.unit for q in item.quantities if q.unit}


def _compare_reported(a: Item, b: Item, speakers: str) -> Optional[Match]:
    if speakers != "same":
        return None
    a_context, b_context = stem_set(a.context), stem_set(b.context)
    shared = a_context & b_context
    # Each side's own words must be about what the other's sentence is about.
    if a_context.isdisjoint(b.own) or b_context.isdisjoint(a.own):
        return None
    units = _units(a) & _units(b)
    if units and len(shared) >= PARAPHRASE_SHARED_WITH_UNIT:
        return Match(a.key, b.key, "paraphrase", speakers, 0.0,
                     f"same speaker, {len(shared)} shared content words and figures in {sorted(units)[0]}")
    union = a_context | b_context
    if len(shared) >= PARAPHRASE_SHARED and len(shared) / len(union) >= PARAPHRASE_JACCARD:
        return Match(a.key, b.key, "paraphrase", speakers, len(shared) / len(union),
                     f"same speaker, {len(shared)} shared content words")
    return None


# --- 4. clusters -----------------------------------------------------------------------

def clusters_from_matches(items: list, matches: Iterable) -> list:
    """:func:`clusters_from_index_pairs` for matches that name items by key (the Dask
    path, :func:`quotecheck.dask.check`, whose matches come back as keys): a thin wrapper
    that maps the keys to positions in the items sorted by key and calls that one
    union-find, so its clusters are the local check's.  Items need not be in key order and
    may share a key (a document that gives one span twice): the items of a key that a
    match names are all in its cluster.

    >>> from quotecheck.model import Document, Quote
    >>> from quotecheck.utterances import utterances
    >>> t = "“We stay here,” he said."
    >>> q = Quote(0, 15, t[0:15], 1, 14, "direct")
    >>> items = [it for i in range(3) for it in utterances(Document(f"d{i}", t, quotes=(q,)), i)]
    >>> m = Match(items[1].key, items[2].key, "identical", "unknown", 1.0, "made up")
    >>> [[it.source for it in c] for c in clusters_from_matches(items[::-1], [m])]
    [['d1', 'd2']]
    """
    ordered: list = sorted(items, key=lambda it: it.key)
    at: dict = {}  # key -> the first position of its items
    for p, it in enumerate(ordered):
        at.setdefault(it.key, p)
    shared = len(at) < len(ordered)  # some items share a key
    pairs = []
    matched = set()
    for m in matches:
        for k in (m.a, m.b):
            if k not in at:  # a key no item has still links the items of the others
                at[k] = len(ordered)
                ordered.append(None)
            if shared:
                matched.add(k)
        pairs.append((at[m.a], at[m.b]))
    # the other items of a matched key join its first: they were one node of the
    # union-find over keys
    pairs.extend((at[it.key], p) for p, it in enumerate(ordered)
                 if it is not None and it.key in matched and at[it.key] != p)
    return clusters_from_index_pairs(ordered, pairs)


def clusters_from_index_pairs(items: list, pairs: Iterable) -> list:
    """The clusters of ``items`` (in key order, as :func:`crosssource.check_documents`
    holds them) linked by ``pairs`` of positions ``(i, j)``: tuples of two or more items,
    in position order, ordered by their first item.  The union-find is over an array of
    positions (4 bytes an item), not a dict of key tuples.  A ``None`` in ``items`` is a
    position that links others and is in no cluster (:func:`clusters_from_matches`).

    >>> from quotecheck.model import Document, Quote
    >>> from quotecheck.utterances import utterances
    >>> t = "“We stay here,” he said."
    >>> q = Quote(0, 15, t[0:15], 1, 14, "direct")
    >>> items = [it for i in range(3) for it in utterances(Document(f"d{i}", t, quotes=(q,)), i)]
    >>> [[it.source for it in c] for c in clusters_from_index_pairs(items, [(1, 2)])]
    [['d1', 'd2']]
    """
    parent = array("i", range(len(items)))
    linked = bytearray(len(items))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in pairs:
        linked[i] = linked[j] = 1
        ri, rj = find(i), find(j)
        if ri != rj:
            # the smaller position is the root: a cluster's root is its first position
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict = {}
    for k in range(len(items)):
        if linked[k] and items[k] is not None:
            groups.setdefault(find(k), []).append(items[k])
    # items are in key order, so each group is too, and groups come in order of their
    # first members
    return [tuple(g) for g in groups.values() if len(g) > 1]


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
