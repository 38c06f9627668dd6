"""What differs between the utterances of one cluster: the findings, graded by what the
difference does to the meaning.  Part of the cross-source check (see
:mod:`quotecheck.crosssource`).
"""
from __future__ import annotations

import bisect
import collections
import functools
import hashlib
import os
from typing import Iterable, Optional

import attrs
import regex

from . import lexicon
from . import align as _align
from .grouping import Match, _units, cluster_id, compare
from .model import Finding
from .utterances import Item, _op_words, _surname


#: A quote this short, however capitalised and punctuated, is a phrase or a slogan rather
#: than a sentence presented whole.
SLOGAN_WORDS = 4
#: A paraphrase's figures are checked against a quote's only when the paraphrase shares
#: this many content words (besides the unit) with the quote's sentence.
PARAPHRASE_FIGURE_TOPIC = 2
#: A paraphrase is checked for negation only when it follows the other side this closely.
PARAPHRASE_NEGATION_COVERAGE = 0.8
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

#: Between a negation and the words it would govern: a clause or sentence break.
_CLAUSE_BREAK = regex.compile(r"[,.;:!?—–”’»\"()\n]")
#: Between two words: a sentence end, a line break or a closing quotation mark.
_BOUNDARY = regex.compile(r"[.!?\n”»\"]")


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
