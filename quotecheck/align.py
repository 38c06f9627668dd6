"""Word-level normalisation and alignment of two quotations.

Two sources quoting one sentence differ in ways that mean nothing (curly or straight marks,
case, apostrophe style, hyphens and dashes, white space) and in ways that do (a word added,
dropped or changed).  :func:`tokenize` keeps only what means something: lower-cased words
with one apostrophe style, numerals as written (``3.5`` stays ``3.5``), hyphenated words
split ("military-technical" = "military technical"), and no punctuation.  Two editorial
marks become *gaps* between tokens instead of words: an ellipsis (``…``, ``...``) says
words were left out there, and a ``[bracketed]`` (or short parenthesised) insertion says
the reporter put words of their own in place of, or beside, the speaker's: speech has no
parentheses, so "(Tara Reid)" inside a quote is the reporter's.

:func:`align` lines two token sequences up (``difflib.SequenceMatcher`` on the normalised
words, no junk heuristic) and says how they relate: ``identical``, one ``contained`` in the
other (contiguously, or with the gaps at the other's ellipses), or ``overlap`` with edits.
Every operation keeps token indices, and tokens keep their offsets in the document, so a
difference can be shown where it is.

>>> a = tokenize("“We have nowhere to retreat,”")
>>> b = tokenize('"must understand that we have nowhere to retreat further"')
>>> al = align(a, b)
>>> al.relation, al.matched, [(o.tag, o.where) for o in al.ops if o.tag != "equal"]
('contained', 5, [('insert', 'head'), ('insert', 'tail')])
"""
from __future__ import annotations

import difflib
import functools
import sys
from array import array
from typing import NamedTuple, Optional

import attrs
from mypy_extensions import mypyc_attr
import regex

from . import lexicon


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset:
    """Closed-class words (``data/function_words.txt``): changing one is a minor edit."""
    return lexicon.words("function_words.txt")


@functools.lru_cache(maxsize=1)
def negations() -> frozenset:
    """Negating words (``data/negation.txt``); tokens ending in ``n't`` also negate."""
    return lexicon.words("negation.txt")


def is_negation(norm: str) -> bool:
    """Whether a normalised token negates.

    >>> is_negation("can't"), is_negation("never"), is_negation("known")
    (True, True, False)
    """
    return norm in negations() or norm.endswith("n't")


@functools.lru_cache(maxsize=1)
def _plain_function_words() -> frozenset:
    return frozenset(w for w in function_words() if not is_negation(w))


def is_function(norm: str) -> bool:
    """Whether a normalised token is a function word (not a negation: those always count)."""
    return norm in _plain_function_words()


def is_number(norm: str) -> bool:
    return norm[:1].isdigit()


@functools.lru_cache(maxsize=1 << 16)
def stem(norm: str) -> str:
    """A crude stem, enough to tell an inflection ("measure"/"measures", "say"/"said" is
    beyond it) from a different word.

    >>> stem("measures"), stem("retreated"), stem("talking"), stem("Russia's")
    ('measur', 'retreat', 'talk', 'russia')
    """
    w = norm.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


@functools.lru_cache(maxsize=1)
def _ordinals() -> dict:
    """Ordinal words as numerals ("eleventh" -> "11th", ``data/numbers_ordinals.tsv``), so
    "11th-hour" and "eleventh-hour" are one wording."""
    return dict(lexicon.rows("numbers_ordinals.tsv"))


class Token(NamedTuple):
    """One word: ``norm`` is what is compared, ``start``/``end`` where it is in the
    document, ``raw`` as written."""

    norm: str
    start: int
    end: int
    raw: str


class Tokens:
    """The tokens of one text and its gaps: ``gaps`` maps a token index ``i`` (the gap lies
    just before token ``i``; ``len(tokens)`` for the end) to ``"ellipsis"`` or ``"bracket"``.

    Kept as columns, not as one :class:`Token` record per word: ``norms`` (the compared
    words), ``starts`` (an array of document offsets, 8 bytes a word) and ``raws`` (the
    words as written, where a word is written as it is normalised the ``norms`` string
    itself).  A word's end is its start plus the length of its raw text, so ``ends`` is
    kept only for tokens made otherwise (:meth:`end` and :attr:`ends` read it either way):
    a check holds the tokens of every quote of every document, and on text with a quote
    every few words the array of ends (64 bytes and more a quote) was 2-4 bytes per input
    character.  A record per word was about 200 bytes with its two offsets and its own
    copy of the word; the columns are about 30.  :attr:`tokens` and :meth:`token` make the
    records when asked.

    A plain class (equal and hashed by its tokens alone, never changed after it is made)
    rather than an attrs record: the compiled build makes it a native class, and mypyc
    takes no attrs field with a factory.

    >>> Tokens((Token("a", 0, 1, "A"),), {1: "ellipsis"}) == Tokens((Token("a", 0, 1, "A"),))
    True
    >>> t = Tokens((Token("a", 0, 1, "A"), Token("b", 2, 3, "b")))
    >>> t.token(1), t.raws, t.tokens == (Token("a", 0, 1, "A"), Token("b", 2, 3, "b"))
    (Token(norm='b', start=2, end=3, raw='b'), ('A', 'b'), True)
    """

    __slots__ = ("norms", "starts", "_ends", "raws", "gaps")

    def __init__(self, tokens: tuple = (), gaps: Optional[dict] = None) -> None:
        self.gaps: dict = {} if gaps is None else gaps
        #: The normalised words, kept once (they are compared many times).
        self.norms: tuple = tuple(t.norm for t in tokens)
        self.starts: array = array("q", [t.start for t in tokens])
        self.raws: tuple = tuple(t.norm if t.raw == t.norm else t.raw for t in tokens)
        #: None where every word ends at its start plus the length of its raw text.
        self._ends: Optional[array] = _own_ends(self.starts, array("q", [t.end for t in tokens]), self.raws)

    @property
    def ends(self) -> array:
        """The document offsets where the words end (an array made anew on each call where
        they are not kept: bind it once, or read :meth:`end`)."""
        if self._ends is not None:
            return self._ends
        return array("q", [s + len(r) for s, r in zip(self.starts, self.raws)])

    def end(self, i: int) -> int:
        """The document offset where word ``i`` ends."""
        if self._ends is not None:
            return self._ends[i]
        return self.starts[i] + len(self.raws[i])

    @property
    def tokens(self) -> tuple:
        """The :class:`Token` records, made anew on each call (bind them once in a loop)."""
        return tuple(map(Token, self.norms, self.starts, self.ends, self.raws))

    def token(self, i: int) -> Token:
        """The :class:`Token` record of word ``i``."""
        return Token(self.norms[i], self.starts[i], self.end(i), self.raws[i])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (self.norms == other.norms and self.starts == other.starts and self.raws == other.raws
                and (self._ends is None and other._ends is None or self.ends == other.ends))

    def __hash__(self) -> int:
        return hash((self.tokens,))

    def __repr__(self) -> str:
        return f"Tokens(tokens={self.tokens!r}, gaps={self.gaps!r})"

    def __len__(self) -> int:
        return len(self.norms)

    def __reduce__(self) -> tuple:
        return (Tokens, (self.tokens, self.gaps))


#: The ``gaps`` of every :class:`Tokens` without one: one shared dict (never changed,
#: like the records that hold it), not an empty dict per quote.
_NO_GAPS: dict = {}


def _own_ends(starts: array, ends: array, raws: tuple) -> Optional[array]:
    """``ends``, or None where each is its word's start plus the length of its raw text
    (as :func:`tokenize` makes them: then they are not kept)."""
    if len(ends) == len(starts) == len(raws) and all(e == s + len(r) for s, e, r in zip(starts, ends, raws)):
        return None
    return ends


def columns(norms: tuple, starts: array, ends: Optional[array], raws: tuple, gaps: Optional[dict] = None) -> Tokens:
    """A :class:`Tokens` from its columns (``raws[i]`` is ``norms[i]`` itself where the
    word is written as normalised), without making a record per word.  Where every word
    is written as normalised, ``raws`` is the ``norms`` tuple itself; no gaps share one
    empty dict (a check holds a :class:`Tokens` for every quote of every document, and
    short quotes are many).  ``ends`` None: each word ends at its start plus the length
    of its raw text."""
    out = Tokens((), gaps or _NO_GAPS)
    if raws == norms:
        raws = norms
    out.norms, out.starts, out.raws = norms, starts, raws
    out._ends = None if ends is None else _own_ends(starts, ends, raws)
    return out


def share_words(tokens: Tokens, shared: dict) -> None:
    """Make ``tokens`` keep the tuple of ``shared`` equal to its ``norms`` (and ``raws``),
    adding its own where there is none: equal words, one tuple.  Only the identity of
    the tuples changes, never their contents (a :class:`Tokens` is not changed otherwise
    after it is made)."""
    same = tokens.raws is tokens.norms
    tokens.norms = shared.setdefault(tokens.norms, tokens.norms)
    tokens.raws = tokens.norms if same else shared.setdefault(tokens.raws, tokens.raws)


def sliced(tokens: Tokens, n: int, gaps: dict) -> Tokens:
    """The first ``n`` words of ``tokens`` with the ``gaps`` given."""
    ends = tokens._ends
    return columns(tokens.norms[:n], tokens.starts[:n], None if ends is None else ends[:n], tokens.raws[:n], gaps)


def joined(parts: list, gaps: dict) -> Tokens:
    """The words of several :class:`Tokens` one after the other, with the ``gaps`` given."""
    starts, ends = array("q"), array("q")
    norms: list = []
    raws: list = []
    derived = True
    for t in parts:
        norms.extend(t.norms)
        raws.extend(t.raws)
        starts.extend(t.starts)
        ends.extend(t.ends)
        derived = derived and t._ends is None
    return columns(tuple(norms), starts, None if derived else ends, tuple(raws), gaps)


# One pass over the text.  Brackets are bounded and cannot nest, ellipses are fixed forms,
# a word is a run of letters/digits with inner apostrophes: no pattern can backtrack.
_TOKEN_RE = regex.compile(
    r"(?P<bracket>\[[^\[\]\n]{0,200}+\]|\([^()\n]{0,80}+\))"
    r"|(?P<ellipsis>…|\.(?:[ \u00a0]?\.){2,}+)"
    r"|(?P<number>\d++(?:[.,]\d++)*+(?:st|nd|rd|th)?+)"
    r"|(?P<word>[\p{L}\p{M}\d]++(?:['’ʼ‘][\p{L}\p{M}]++)*+)"
)


@functools.lru_cache(maxsize=1 << 16)
def normalise_word(raw: str) -> str:
    """Case-folded, one apostrophe style.

    >>> normalise_word("Can’t"), normalise_word("NATO")
    ("can't", 'nato')
    """
    return raw.casefold().replace("’", "'").replace("ʼ", "'").replace("‘", "'")


_WORD_RE = regex.compile(r"[\p{L}\p{M}\d]++(?:['’ʼ‘][\p{L}\p{M}]++)*+")


def words_of(text: str) -> list:
    """The normalised words of ``text``, without offsets (for word overlap only).

    >>> words_of("Putin’s [aides] said: “No.”")
    ["putin's", 'aides', 'said', 'no']
    """
    return [normalise_word(w) for w in _WORD_RE.findall(text)]


def tokenize(text: str, base: int = 0) -> Tokens:
    """The comparable tokens of ``text``; offsets are ``base`` + the index in ``text``.

    >>> t = tokenize("“Military-technical [response] measures … now, 3,500 of them.”", base=100)
    >>> t.norms, t.gaps
    (('military', 'technical', 'measures', 'now', '3500', 'of', 'them'), {2: 'bracket', 3: 'ellipsis'})
    >>> t.tokens[0]
    Token(norm='military', start=101, end=109, raw='Military')
    """
    norms: list = []
    raws: list = []
    starts = array("q")
    gaps: dict = {}
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind in ("bracket", "ellipsis"):
            gaps[len(norms)] = kind
            continue
        raw = m.group()
        norm = raw.replace(",", "").lower() if kind == "number" else _ordinals().get(normalise_word(raw)) or normalise_word(raw)
        norms.append(norm)
        # a word written otherwise than normalised ("Trump") is one string however often
        # it is quoted (every item of a check keeps its words)
        raws.append(norm if raw == norm else sys.intern(raw))
        starts.append(base + m.start())
    # a copy of the array without the room an append leaves for more (4 slots for one
    # word); no ends: each word ends at its start plus the length of its raw text
    return columns(tuple(norms), array("q", starts), None, tuple(raws), gaps)


class Op(NamedTuple):
    """One aligned operation, as ``difflib`` gives it (``equal``, ``replace``, ``insert``:
    words only in b, ``delete``: words only in a), with token index ranges, ``where`` it
    lies (``head``/``tail``: outside the shared stretch, ``middle``: inside it) and ``gap``
    (``ellipsis``/``bracket``) when the side lacking the words marks the place with one."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int
    where: str = "middle"
    gap: Optional[str] = None


@mypyc_attr(native_class=False)  # an attrs record: a Python class in the compiled build too
@attrs.frozen
class Alignment:
    """How two token sequences line up.

    ``matched`` counts aligned equal tokens, ``longest`` the longest run of them;
    ``relation`` is ``identical``, ``contained`` (the shorter is a part of the longer,
    ellipsis gaps allowed), ``overlap`` (edits inside the shared stretch) or ``none``.
    ``shorter`` is ``"a"`` or ``"b"`` (which side is contained), or None.
    """

    ops: tuple
    n_a: int
    n_b: int
    matched: int
    longest: int
    relation: str
    shorter: Optional[str] = None

    @property
    def coverage(self) -> float:
        """Share of the shorter side's tokens that align."""
        n = min(self.n_a, self.n_b)
        return self.matched / n if n else 0.0

    @property
    def middle(self) -> tuple:
        """The non-equal operations inside the shared stretch."""
        return tuple(o for o in self.ops if o.where == "middle" and o.tag != "equal")

    @property
    def edges(self) -> tuple:
        """The words one side has beyond the shared stretch (truncation)."""
        return tuple(o for o in self.ops if o.where != "middle")


def align(a: Tokens, b: Tokens) -> Alignment:
    """Align two token sequences (see the module docstring).

    >>> al = align(tokenize("military-technical measures"),
    ...            tokenize("take adequate military-technical response measures"))
    >>> al.relation, [(o.tag, o.where, o.j1, o.j2) for o in al.ops if o.tag != "equal"]
    ('overlap', [('insert', 'head', 0, 2), ('insert', 'middle', 4, 5)])
    >>> align(tokenize("We did it … for peace"), tokenize("we did it only for peace")).relation
    'contained'
    """
    na, nb = a.norms, b.norms
    sm = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    raw = _pair_repeats(sm.get_opcodes(), na, nb)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in raw if tag == "equal")
    longest = max((i2 - i1 for tag, i1, i2, _, _ in raw if tag == "equal"), default=0)
    if not matched:
        ops = tuple(Op(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in raw)
        return Alignment(ops, len(na), len(nb), 0, 0, "none")
    # The shared stretch runs from the first to the last op that both sides take part in:
    # a run of equal words that is not a stray (see _anchored), or words replaced right
    # beside one ("Nearly 40 percent" / "More than 40 percent"); words one side has before
    # or after it are truncation, not edits.
    anchored = _anchored(raw, len(na), len(nb))
    near = set(anchored) | {k for k, op in enumerate(raw) if op[0] == "replace"
                            and (k - 1 in anchored or k + 1 in anchored)}
    first, last = min(near), max(near)
    op_list = []
    for k, (tag, i1, i2, j1, j2) in enumerate(raw):
        where = "head" if k < first else "tail" if k > last else "middle"
        gap = None
        if tag == "insert":
            gap = a.gaps.get(i1)
        elif tag == "delete":
            gap = b.gaps.get(j1)
        op_list.append(Op(tag, i1, i2, j1, j2, where, gap))
    ops = tuple(op_list)
    middle_edits = [o for o in ops if o.where == "middle" and o.tag != "equal"]
    if not middle_edits and len(na) == len(nb) == matched:
        relation, shorter = "identical", None
    elif matched == len(na) and all(o.tag == "insert" and o.gap == "ellipsis" for o in middle_edits):
        relation, shorter = "contained", "a"
    elif matched == len(nb) and all(o.tag == "delete" and o.gap == "ellipsis" for o in middle_edits):
        relation, shorter = "contained", "b"
    else:
        relation, shorter = "overlap", None
    return Alignment(ops, len(na), len(nb), matched, longest, relation, shorter)


def _pair_repeats(raw: list, na: tuple, nb: tuple) -> list:
    """The opcodes with a repeated word paired by position: difflib pairs words that
    repeat with their first copy, so "the voters ran voters" against "the voter run
    voters" reads as "voter run" added and "ran voters" cut; where words one side adds,
    equal words and words the other side cuts follow each other and the cut ends with
    those equal words again, the equal words pair with that later copy and the edits
    around them become one replacement.

    >>> _pair_repeats([("equal", 0, 1, 0, 1), ("insert", 1, 1, 1, 3), ("equal", 1, 2, 3, 4),
    ...                ("delete", 2, 4, 4, 4)], ("the", "voters", "ran", "voters"),
    ...               ("the", "voter", "run", "voters"))
    [('equal', 0, 1, 0, 1), ('replace', 1, 3, 1, 3), ('equal', 3, 4, 3, 4)]
    """
    out: list = []
    k = 0
    while k < len(raw):
        if k + 2 < len(raw) and raw[k + 1][0] == "equal" and {raw[k][0], raw[k + 2][0]} == {"insert", "delete"}:
            (_, i0, _, j0, _), (_, i1, i2, j1, j2), (_, _, i3, _, j3) = raw[k:k + 3]
            n = i2 - i1
            if raw[k][0] == "insert" and i3 - i2 >= n and na[i3 - n:i3] == na[i1:i2]:
                out += [("replace", i1, i3 - n, j0, j1), ("equal", i3 - n, i3, j1, j2)]
                k += 3
                continue
            if raw[k][0] == "delete" and j3 - j2 >= n and nb[j3 - n:j3] == nb[j1:j2]:
                out += [("replace", i0, i1, j1, j3 - n), ("equal", i1, i2, j3 - n, j3)]
                k += 3
                continue
        out.append(raw[k])
        k += 1
    merged: list = []
    for op in out:  # the moved equal words may now run on into the next equal opcode
        if merged and op[0] == merged[-1][0] == "equal":
            merged[-1] = ("equal", merged[-1][1], op[2], merged[-1][3], op[4])
        else:
            merged.append(op)
    return merged


#: A single equal word further than this from a longer equal run is a coincidence ("at" in
#: "same breath at Tyler" against "... with Tyler. When I look at how hard ...").
STRAY_GAP = 2


def _anchored(raw: list, n_a: int, n_b: int) -> list:
    """Indices of the equal opcodes that are real shared wording: runs of two or more words,
    a word both sides start (or end) with, and single words at most :data:`STRAY_GAP` words
    (on both sides) from such a run or from another anchored single word.  When nothing is
    anchored (short quotes), every equal opcode counts."""
    eq = [k for k, op in enumerate(raw) if op[0] == "equal"]
    ok = {k for k in eq if raw[k][2] - raw[k][1] >= 2
          or (raw[k][1] == 0 and raw[k][3] == 0) or (raw[k][2] == n_a and raw[k][4] == n_b)}
    if not ok:
        return eq
    for _ in range(2):
        for x, k in enumerate(eq):
            if k in ok:
                continue
            for n in (x - 1, x + 1):
                if 0 <= n < len(eq) and eq[n] in ok:
                    a, b = raw[min(k, eq[n])], raw[max(k, eq[n])]
                    if b[1] - a[2] <= STRAY_GAP and b[3] - a[4] <= STRAY_GAP:
                        ok.add(k)
    return sorted(ok)


def words(tokens: Tokens, i1: int, i2: int) -> dict:
    """The words ``tokens[i1:i2]`` as a dict with their text and document offsets."""
    idx = range(len(tokens.norms))[i1:i2]
    if not idx:
        return {"text": "", "start": None, "end": None}
    return {"text": " ".join(tokens.raws[i1:i2]), "start": tokens.starts[idx[0]], "end": tokens.end(idx[-1])}
