"""Broad reported-speech cues taken only where measured: attitude, stance, action and wanting
verbs the reporting lexicon lacks (``voted for``, ``focused on``, ``assailed``, ``would like
to``), each in one frame, from ``data/reported_broad_cues.tsv``.

One job: say which of those cue/frame rows are read, and refuse the items of a read row whose
subject is not a person or an organisation.  Read everywhere, these verbs name what people do
as often as what they said or thought (``voted for the bill`` is a vote; PolNeAR marks some
votes as the voter's stance and leaves others), so each row carries what reading it gave on
the first 640 articles of polnear-train: its new items, how many lay inside a gold relation,
the relations it recalled and in how many articles.  A row is read when its measured
precision (inside / items) reaches :data:`THRESHOLD` and its instances inside gold lie in at
least :data:`MIN_ARTICLES` articles; :func:`quotecheck.reported_lexicon.verbs` adds the read
rows to the lexicon (so :mod:`quotecheck.reported_frames` reads them like its own verbs), and
:func:`keep` (called by :func:`quotecheck.reported.find_reported` on every item) drops an item
of such a cue whose subject is ``it``, a thing or nothing known, a passive reading (``was
signed by X``) unless the row ``passive`` is read, and an object without ``as`` of a cue read
only in the frame ``np-as`` (``cast herself as the heir``).  The table's nouns (class
``role``) are read after a copula by :func:`role_items` (``is an outspoken supporter of``).
"""
from __future__ import annotations

import functools
import os
from typing import NamedTuple, Optional

import regex

from . import lexicon
from . import speaker_lexicon as sl

#: The dial of this module: the least measured precision (items inside gold / items on
#: train-640) of a row that is read.  Lower reads more rows: more relations found, at a lower
#: precision.  The curve (threshold -> dev / train-640 / blind reported recall and precision)
#: is in docs/accuracy.md; ``tools/broad_curve.py`` measures it again.  The environment
#: variable ``QUOTECHECK_BROAD_THRESHOLD`` overrides it (for that tool; unset, the constant).
THRESHOLD = float(os.environ.get("QUOTECHECK_BROAD_THRESHOLD") or 0.70)

#: The fewest train-640 articles a read row's items inside gold must lie in (three real
#: instances before a rule, as the project asks).
MIN_ARTICLES = 3

#: The subjects a broad cue speaks through: a person or an organisation, named, described or
#: as a pronoun (:func:`subject_kind`).
PERSON_KINDS = frozenset({"name", "pronoun", "role"})

_TABLE = "reported_broad_cues.tsv"


class Row(NamedTuple):
    """One cue in one frame, with what reading it everywhere gave on train-640."""
    lemma: str
    cls: str
    frame: str
    forms: str
    items: int
    inside: int
    gained: int
    articles: int
    dropped: str = ""  # why a row is never read, whatever its figures (tuned, conflict: the header says)
    subjects: str = ""  # the subject kinds the row is read with (comma-separated; blank: PERSON_KINDS)

    @property
    def kinds(self) -> frozenset:
        """The subject kinds this row reads (:func:`subject_kind`)."""
        return frozenset(k for k in self.subjects.split(",") if k) or PERSON_KINDS

    @property
    def precision(self) -> float:
        """Items inside gold over items (0 for a row that made none)."""
        return self.inside / self.items if self.items else 0.0


@functools.lru_cache(maxsize=1)
def rows() -> tuple:
    """Every row of ``data/reported_broad_cues.tsv``, in table order."""
    out = []
    for r in lexicon.rows(_TABLE):
        cols = list(r) + [""] * (10 - len(r))
        n = [int(c or 0) for c in cols[4:8]]
        out.append(Row(cols[0], cols[1], cols[2], cols[3], n[0], n[1], n[2], n[3], cols[8].strip(), cols[9].strip()))
    return tuple(out)


def read(row: Row, threshold: Optional[float] = None, min_articles: Optional[int] = None) -> bool:
    """Whether a row is read: its measured precision and spread clear the thresholds (the
    module's constants unless given).

    >>> read(Row("vote", "stance", "for", "", 10, 8, 6, 4)), read(Row("vote", "stance", "to", "", 10, 5, 3, 4))
    (True, False)
    >>> read(Row("sign", "stance", "np", "", 4, 4, 4, 2)), read(Row("vote", "stance", "for", "", 10, 8, 6, 4, "tuned"))
    (False, False)
    """
    threshold = THRESHOLD if threshold is None else threshold
    min_articles = MIN_ARTICLES if min_articles is None else min_articles
    if threshold < 0:
        return True  # every row (tools/measure_broad_cues.py measures them all at once)
    return not row.dropped and row.items > 0 and row.precision >= threshold and row.articles >= min_articles


@functools.lru_cache(maxsize=1)
def entries() -> dict:
    """``lemma -> (class, frames read, irregular forms)`` for the lemmas with a row read
    (``passive`` among the frames when its passive is read; ``np-as`` for an object followed
    by ``as``: :func:`lexicon_frames`)."""
    out: dict = {}
    for row in rows():
        if read(row):
            cls, frames, forms = out.get(row.lemma, (row.cls, frozenset(), row.forms))
            out[row.lemma] = (cls, frames | {row.frame}, forms)
    return out


@functools.lru_cache(maxsize=1)
def _kinds_read() -> dict:
    """``lemma -> {frame: subject kinds}`` over the rows read (a row with a ``subjects``
    column reads only those kinds: ``I'd like to`` but not ``the plan would like to``)."""
    out: dict = {}
    for row in rows():
        if read(row):
            frames = out.setdefault(row.lemma, {})
            frames[row.frame] = frames.get(row.frame, frozenset()) | row.kinds
    return out


#: Rule endings that name a frame of the table otherwise (``speech-clause`` is a that-clause).
_RULE_FRAMES = {"clause": "that", "np-to": "to", "np-as": "np-as"}


def allowed_kinds(lemma: str, rule: str) -> frozenset:
    """The subject kinds an item of ``lemma`` read by ``rule`` may have: those of its frame's
    read rows when the rule names the frame (``intent-to``, ``stance-for``), else those of
    every read row of the lemma.

    >>> sorted(allowed_kinds("rail", "stance-against"))
    ['name', 'pronoun', 'role']
    """
    frames = _kinds_read().get(lemma, {})
    tail = rule.split("-", 1)[1] if "-" in rule else rule
    frame = _RULE_FRAMES.get(tail, tail)
    if frame in frames:
        return frames[frame]
    return frozenset().union(*frames.values()) if frames else PERSON_KINDS


def lexicon_frames(frames: frozenset) -> frozenset:
    """The frames of :func:`entries` as the lexicon reads them: ``np-as`` is an object
    (:func:`keep` then asks for its ``as``), ``passive`` is no frame there.

    >>> sorted(lexicon_frames(frozenset({"np-as", "passive", "for"})))
    ['for', 'np']
    """
    return frozenset("np" if f == "np-as" else f for f in frames if f != "passive")


#: Pronouns that stand for a person or a group of people.
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who", "whom"})
#: Words that stand for a thing or a fact, never a source.
_THING_WORDS = frozenset({"it", "this", "that", "which", "these", "those", "what", "there"})


def subject_kind(np, appos=()) -> str:
    """What the subject phrase of a cue names, told by its head (its last word before a
    preposition, a relative word or a participle; after a possessive): ``pronoun`` (a
    personal pronoun, or ``who``), ``name`` (a capitalised head), ``role`` (a head that is a
    person noun, a title, an organisation word or their plural), ``thing`` (``it``,
    ``which``, a demonstrative) or ``other``.  A relative pronoun that opens the phrase
    stands for ``appos``.

    >>> from quotecheck import words as wd
    >>> k = lambda s: subject_kind(wd.tokens(s, 0, len(s)))
    >>> k("he"), k("Sen. Ted Cruz"), k("the senators"), k("it"), k("the bill")
    ('pronoun', 'name', 'role', 'thing', 'other')
    >>> k("The controversy surrounding Benghazi"), k("Pew's research"), k("a spokesman for the Clinton campaign")
    ('other', 'other', 'role')
    >>> k("The report"), k("Republicans in the House"), k("the union")
    ('other', 'name', 'role')
    """
    toks = [t for t in np if t.word or t.text in ("'s", "’s")]
    if not toks:
        return "other"
    first = toks[0].text.lower()
    if first in ("which", "that") and appos:
        return subject_kind(appos)
    if len(toks) == 1 and first in _PERSON_PRONOUNS:
        return "pronoun"
    if len(toks) == 1 and first in _THING_WORDS:
        return "thing"
    head = None
    for m, t in enumerate(toks):
        w = t.text
        if m > 0 and (w in _HEAD_ENDS or w.islower() and w.endswith(("ing", "ed")) and len(w) > 4 and
                      toks[m - 1].text.lower() not in _LEADS):
            break
        if w in ("'s", "’s"):
            head = None  # "Pew's research": the head comes after the possessive
            continue
        head = t
    if head is None:
        return "other"
    w = head.text
    if w[:1].isupper() and w.lower() not in _LEADS:
        return "name"
    w = w.lower()
    if _person_word(w) or w.endswith("s") and _person_word(w[:-1]) or w.endswith("ies") and _person_word(w[:-3] + "y"):
        return "role"
    return "other"


#: Words that end the head of a subject phrase: prepositions and relative words.
_HEAD_ENDS = frozenset({"of", "in", "for", "at", "from", "with", "on", "to", "by", "about", "who", "which", "that",
                        "whose", "like", "near", "inside", "outside", "behind", "among", ",", "(", "—"})


#: Capitalised words that open a phrase without naming anyone.
_LEADS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "some", "many", "most", "both", "all",
                    "other", "these", "those", "several", "few"})


def _person_word(w: str) -> bool:
    """A person noun, a title, or an organisation or group word of the speaker lexicon, not a
    document (``report``, ``poll``: the speaker lexicon's organisation words hold them)."""
    return w not in _DOCUMENTS and (sl.person_noun(w) or w in sl.lexicon().orgs or w in _GROUPS)


#: Documents and data, which the speaker lexicon's organisation words hold but which are things.
_DOCUMENTS = lexicon.words("speakers_document_heads.txt") | frozenset(
    r[0] for r in lexicon.rows("speakers_document_kinds.tsv")) | frozenset(
    {"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "documents", "records", "data",
     "figures", "numbers", "results", "statement"})


#: Lower-case heads of a phrase naming people that neither table holds.
_GROUPS = frozenset({"voter", "supporter", "critic", "opponent", "member", "leader", "lawmaker", "legislator",
                     "activist", "advocate", "conservative", "liberal", "progressive", "moderate", "delegate",
                     "donor", "resident", "citizen", "american", "worker", "student", "parent", "people",
                     "group", "organization", "organisation", "campaign", "administration", "government",
                     "party", "committee", "council", "court", "union", "board", "agency", "state",
                     "country", "nation", "senate", "house", "congress", "legislature", "panel", "jury",
                     "coalition", "movement", "team", "staff", "majority", "minority", "public", "electorate",
                     "evangelical", "republican", "democrat", "independent"})


def keep(item, text: str = ""):
    """``item`` unless it rests on a broad cue of the table (not one of the lexicon's own
    verbs) and its subject is not a person or an organisation, or it is a passive reading
    the table does not take, or its lemma is read only in the frame ``np-as`` (``cast
    herself as the heir``, ``painted him as weak``) and its content (in ``text``) has no
    ``as``; None then.  Items of every other cue pass unchanged."""
    if not item:
        return item
    h = item[1]
    e = entries().get(h.lemma)
    if e is None or h.lemma in _lexicon_lemmas() and h.cls != "role":
        return item
    if item[2].endswith("passive") and "passive" not in e[1]:
        return None
    if "np-as" in e[1] and "np" not in e[1] and not item[2].endswith("passive") and \
            not any(_AS.search(text, a, b) for a, b in item[0]):
        return None
    kind = subject_kind(h.np, h.titles)
    return item if kind in PERSON_KINDS and kind in allowed_kinds(h.lemma, item[2]) else None


#: ``as`` inside an object (``X as Y``).
_AS = regex.compile(r"\sas\s")


@functools.lru_cache(maxsize=1)
def _lexicon_lemmas() -> frozenset:
    """The lemmas of the lexicon's own tables (``reported_verbs.tsv``, ``reported_verbnet.tsv``):
    a broad row never changes how they are read."""
    return frozenset(r[0] for name in ("reported_verbs.tsv", "reported_verbnet.tsv") for r in lexicon.rows(name))


#: A copula and a noun naming someone by what they back or fight, before ``of``/``for`` and
#: its object (``is a fervent supporter of``, ``has been an outspoken critic of``, ``remains a
#: proponent of``): up to three words between (a determiner, adjectives, a possessive).  The
#: nouns are the table's rows of class ``role``.
_ROLE_COPULA = (r"\b(?:is|are|was|were|has\s++been|have\s++been|had\s++been|remains|remained|became|becomes|"
                r"become|been|be)\s++")


@functools.lru_cache(maxsize=4)
def _role_pattern(nouns: tuple):
    """The pattern of a copula, up to three words and one of ``nouns`` (or its plural) with
    its preposition (named groups ``noun`` and ``prep``)."""
    alts = "|".join(regex.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # the first word between is no participle ("is thanking his supporters for", "has been
    # rebuked by opponents for": a verb phrase, not a description of the subject); at most
    # five words, tried fewest first (a bounded search: each word is matched possessively)
    return regex.compile(_ROLE_COPULA + r"(?:(?![\w’'\-]*+(?<=ing|ed)\s)[\w’'\-]++\s++(?:[\w’'\-]++\s++){0,4}?)??"
                         r"(?P<noun>" + alts + r")s?+\s++(?P<prep>of|for)\s++(?=\w)")


@functools.lru_cache(maxsize=1)
def _role_frames() -> dict:
    """``noun -> prepositions read`` for the table's rows of class ``role``: gathered once,
    not per document (the table has every read lemma)."""
    return {lemma: fr for lemma, (cls, fr, _) in entries().items() if cls == "role"}


def role_items(doc, taken=()) -> list:
    """``Sen. Jane Doe is a longtime supporter of the bill``, ``He has been an outspoken critic
    of the deal``: the subject of the copula backs or fights what follows the preposition, as
    PolNeAR annotates it (content: the object, to the end of its phrase).  Only the nouns and
    prepositions whose table rows are read, only outside quotations and never over a stretch
    already reported (``taken``: the spans of the items so far); each item passes
    :func:`keep` (a person's or an organisation's subject).

    >>> from quotecheck.clauses import DocIndex
    >>> t = "Sen. Jane Doe is a longtime supporter of the trade bill."
    >>> [(t[a:b], " ".join(x.text for x in it[1].np)) for it in role_items(DocIndex(t, ())) for a, b in it[0]]
    [('the trade bill', 'Sen. Jane Doe')]
    """
    from . import reported_light
    out = _role_items(doc, taken)
    # nouns of speech after a light verb ("offered a defense of"): measured rows of their own
    # table, read at this module's THRESHOLD (the hook reported.py calls for both)
    out.extend(reported_light.items(doc, list(taken) + [sp for it in out for sp in it[0]]))
    return out


def tokens_at(doc, start: int, end: int):
    """``(tokens, index, window end)`` of the sentence around a match at ``start``-``end``
    (cut to 300 characters each side), the index of the token that starts at ``start``;
    None when no token starts there or it is the sentence's first."""
    from .subjects import token_index
    from . import words as wd
    s0, s1 = doc.sentence(start)
    s0, s1 = max(s0, start - 300), min(s1, end + 300)
    toks = wd.tokens(doc.text, s0, s1)
    j = token_index(toks, start)
    if j <= 0 or j >= len(toks) or toks[j].start != start:
        return None
    return toks, j, s1


def _role_items(doc, taken=()) -> list:
    """:func:`role_items` without the light-verb nouns."""
    frames = _role_frames()
    text = doc.text
    if not any(noun in text for noun in frames):
        return []  # (the pattern needs one of the nouns: most documents have none)
    from .clauses import Hit, np_left, skip_adverbs_left
    from .reported_content import _content, _trim
    from .reported_lexicon import _phrase_end
    pattern = _role_pattern(tuple(sorted(frames)))
    out: list = []
    spans = list(taken)
    for lo, hi in doc.outside_quotes():
        for m in pattern.finditer(text, lo, hi):
            noun, prep = m.group("noun"), m.group("prep")
            if prep not in frames[noun] or doc.in_quote(m.start()):
                continue
            at = tokens_at(doc, m.start(), m.end())
            if at is None:
                continue
            toks, j, s1 = at
            found = np_left(toks, skip_adverbs_left(toks, j - 1, 0), 0)
            if not found:
                continue
            np, appos = found
            h = Hit(m.start(), m.end("prep"), text[m.start():m.end("prep")], noun, "role", tuple(np),
                    tuple(appos), rule="broad-role")
            s, e = _trim(text, m.end(), s1)
            e = _phrase_end(text, s, e)
            if e <= s:
                continue
            item = keep(_content(doc, s, e, h, f"role-{prep}", short=True), text)
            if item and not any(a < y and x < b for a, b in item[0] for x, y in spans):
                out.append(item)
                spans.extend(item[0])
    return out
