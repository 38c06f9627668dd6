"""What differs between two utterances of one cluster: the findings of a pair
(:func:`compare_pair`), graded by what the difference does to the meaning.  Part of the
cross-source check (see :mod:`quotecheck.crosssource`); :mod:`quotecheck.cluster_findings`
compares the pairs of a whole cluster and merges their findings.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import os
from typing import Iterable, Optional

import attrs
import regex

from . import lexicon
from . import align as _align
from . import text as _text
from .grouping import Match, _units
from .model import Finding
from .utterances import Item, _op_words, _surname, name_variant, occasion_date, occasion_weekday
from .wording import expanded, is_abbreviation, is_minor_word, minor_change, spelling_key


#: A quote this short, however capitalised and punctuated, is a phrase or a slogan rather
#: than a sentence presented whole.
SLOGAN_WORDS = 4
#: A paraphrase's figures are checked against a quote's only when the paraphrase shares
#: this many content words (besides the unit) with the quote's sentence.
PARAPHRASE_FIGURE_TOPIC = 2
#: A paraphrase is checked for negation only when it follows the other side this closely.
PARAPHRASE_NEGATION_COVERAGE = 0.8
#: Edits longer than this many words (on either side) are rewording or an added passage,
#: not a changed figure or a flipped statement: they are reported as wording.
SHORT_EDIT = 4
#: How much of a finding's confidence is left when the two sources date the words to
#: different days of the week (perhaps two occasions: :func:`_on_other_days`).
OTHER_DAYS_CONFIDENCE = 0.5
#: How much is left when one source was published before the day the other dates the
#: words to: it cannot report them, so the two are two occasions (:func:`_published_before`).
PUBLISHED_BEFORE_CONFIDENCE = 0.25
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

def _short(source: str) -> str:
    return os.path.basename(source) or source


def _fingerprint(kind: str, speaker: Optional[str], items: Iterable) -> str:
    """Kind, speakers' surnames and the normalised words of the sides: no offsets, no
    document order, so a finding keeps its fingerprint when an article is edited elsewhere
    or the corpus is read in another order (for baselines)."""
    items = list(items)
    texts = sorted(" ".join(it.tokens.norms) for it in items)
    names = sorted({_surname(it.speaker) or "" for it in items})
    raw = "\x1f".join([kind, *names, "\x1e"] + texts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _finding(kind, severity, a, b, explanation, diff, rule, cid, speaker=None,
             confidence: float = 1.0) -> Finding:
    speaker = speaker if speaker is not None else (a.speaker or b.speaker)
    return Finding(kind, severity, speaker, (a.side, b.side), explanation, diff, rule, cid,
                   _fingerprint(kind, speaker, (a, b)), round(confidence, 2))


def _alignment_confidence(al: _align.Alignment) -> float:
    """How sure the alignment is that the two sides are one utterance lined up right: the
    share of the shorter side's words that align, and a long shared run."""
    return min(1.0, 0.5 + 0.5 * al.coverage) if al.longest >= 4 else 0.5 * al.coverage


def _quoted(words: list, limit: int = 3, width: int = 6) -> str:
    """Changed words for an explanation: at most ``limit`` runs of at most ``width`` words
    each, so a long quotation still gets a one-sentence explanation.

    >>> _quoted(["a b c d e f g h", "x", "y", "z"])
    '“a b c d e f …”, “x”, “y” and 1 more'
    """
    shown = []
    for w in words[:limit]:
        ws = w.split()
        shown.append("“" + " ".join(ws[:width]) + (" …" if len(ws) > width else "") + "”")
    more = len(words) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _in_figures(item: Item, i1: int, i2: int) -> bool:
    """Whether every token ``i1:i2`` lies inside one of the item's quantities."""
    toks = item.tokens
    return all(any(q.start <= s and e <= q.end for q in item.quantities)
               for s, e in ((toks.starts[i], toks.end(i)) for i in range(len(toks))[i1:i2]))


def _checked(al: _align.Alignment, side: str, max_insert: int = SHORT_EDIT) -> set:
    """Token indices of one side where a changed figure or negation counts: the shared
    stretch, less words cut at an ellipsis or bracket, long rewordings (see
    :data:`SHORT_EDIT`) and words only one side has beyond ``max_insert`` of them (for a
    negation :data:`NEGATION_INSERT`: "did not sign" against "did sign" flips the statement,
    "is just not true" added to it is another clause)."""
    out: set = set()
    for o in al.ops:
        if o.where != "middle":
            continue
        if o.tag != "equal":
            width = max(o.i2 - o.i1, o.j2 - o.j1)
            if o.gap or width > SHORT_EDIT or (o.tag in ("insert", "delete") and width > max_insert):
                continue
        out.update(range(o.i1, o.i2) if side == "a" else range(o.j1, o.j2))
    return out


def _figures(item: Item, checked: set) -> list:
    """The item's quantities whose figure lies on a checked token."""
    if not checked:
        return []
    starts = item.tokens.starts
    out = []
    for q in item.quantities:
        i = bisect.bisect_right(starts, q.value_start) - 1
        if i in checked and item.tokens.end(i) > q.value_start:
            out.append(q)
    return out


#: A share ("one in three") and a percentage ("33 percent") say the same when they are
#: this many points apart or less: a percentage is a rounded share.
SHARE_PERCENT_POINTS = 1.0


def _same_figure(x, y) -> bool:
    """Two quantities say the same value: qualifier class and bounds agree ("three of our
    citizens" = "three people": a changed noun is the wording check's business), or a share
    and a percentage agree within :data:`SHARE_PERCENT_POINTS`.

    >>> from quotecheck.numbers import quantities
    >>> q = lambda t: quantities(t)[0]
    >>> _same_figure(q("1-in-3 voters"), q("one in three")), _same_figure(q("one in three"), q("33%"))
    (True, True)
    >>> _same_figure(q("one-in-three"), q("two-in-three")), _same_figure(q("under 5 minutes"), q("5 minutes"))
    (False, False)
    """
    if x.qualifier != y.qualifier:
        return False
    if (x.low, x.high) == (y.low, y.high):
        return True
    pct = {"share": 100.0, "percent": 1.0}
    if x.unit in pct and y.unit in pct and x.unit != y.unit and None not in (x.low, y.low):
        return (abs(x.low * pct[x.unit] - y.low * pct[y.unit]) <= SHARE_PERCENT_POINTS
                and abs(x.high * pct[x.unit] - y.high * pct[y.unit]) <= SHARE_PERCENT_POINTS)
    return False


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
    ua, ub = [q for q in ua if not q.vague], [q for q in ub if not q.vague]
    if not ua or not ub:
        return []  # a number finding needs two different values; a dropped figure is wording

    def inside(item, q, checked):
        toks = [item.tokens.token(i) for i in checked]
        return toks and min(t.start for t in toks) <= q.start and q.end <= max(t.end for t in toks)

    whole = all(inside(a, q, ca) for q in ua) and all(inside(b, q, cb) for q in ub)
    severity = "error" if whole else "warning"
    da, db = [q.describe() for q in qa], [q.describe() for q in qb]
    expl = (f"{_short(a.source)} quotes {', '.join(q.text for q in ua)} where "
            f"{_short(b.source)} quotes {', '.join(q.text for q in ub)} in the same words.")
    diff = {"a": {"source": a.source, "numbers": da, "text": [q.text for q in qa]},
            "b": {"source": b.source, "numbers": db, "text": [q.text for q in qb]}}
    diff["a"]["differ"] = [q.describe() for q in ua]
    diff["b"]["differ"] = [q.describe() for q in ub]
    conf = _alignment_confidence(al) * (1.0 if whole else 0.6)
    return [_finding("number", severity, a, b, expl, diff, "number-in-shared-words", cid, confidence=conf)]


def _negation_beside(item: Item, i1: int, i2: int, where: str) -> int:
    """Negations among the cut words ``i1:i2`` that stand right beside the shared words, in
    the same clause: "I will not | support the bill", not "No, | I meant ..." nor
    "... great idea. | Nobody ...".  Within :data:`NEGATION_REACH` words, with no
    punctuation between."""
    toks = item.tokens
    if i2 <= i1:
        return 0
    near = range(max(i1, i2 - NEGATION_REACH), i2) if where == "head" else range(i1, min(i2, i1 + NEGATION_REACH))
    n = 0
    for i in near:
        if not _align.is_negation(toks.norms[i]):
            continue
        lo, hi = (toks.end(i), toks.starts[i2]) if where == "head" and i2 < len(toks) else \
                 (toks.end(i1 - 1), toks.starts[i]) if where != "head" and i1 > 0 else (0, 0)
        if hi > lo and _CLAUSE_BREAK.search(item.text, lo - item.start, hi - item.start):
            continue
        n += 1
    return n


def _negation_findings(a, b, al, cid, severity="error") -> list:
    """One side negates what the other asserts.  Only negations inside the shared stretch
    of both sides count (an error); a negation just beyond the other side's cut ("I will not
    | support the bill") counts only when the cutting outlet's own words before the quote do
    not negate it either, and then the finding says the outlet's framing flips it (a
    warning)."""
    ca, cb = _checked(al, "a", NEGATION_INSERT), _checked(al, "b", NEGATION_INSERT)
    wa = [a.tokens.raws[i] for i in sorted(ca) if _align.is_negation(a.tokens.norms[i])]
    wb = [b.tokens.raws[i] for i in sorted(cb) if _align.is_negation(b.tokens.norms[i])]
    rule = "negation-in-shared-words"
    if len(wa) != len(wb):
        neg, pos = (a, b) if len(wa) > len(wb) else (b, a)
        words = wa if neg is a else wb
        expl = (f"{_short(neg.source)} has {_quoted(words)} where {_short(pos.source)} quotes the "
                f"same words without it.")
        conf = _alignment_confidence(al)
    else:
        # A truncation that stops just short of a negation, in an outlet whose own words do
        # not carry the negation over, flips the quoted words.
        na = nb = 0
        for o in al.edges:
            na += _negation_beside(a, o.i1, o.i2, o.where)
            nb += _negation_beside(b, o.j1, o.j2, o.where)
        if na == nb:
            return []
        neg, pos = (a, b) if na > nb else (b, a)
        if pos.lead_negated:
            return []  # "he would not “support the bill”": the outlet says the negation itself
        severity, rule = "warning", "negation-beside-truncation"
        words = [r for n, r in zip(neg.tokens.norms, neg.tokens.raws) if _align.is_negation(n)]
        expl = (f"{_short(pos.source)} quotes the words without the {_quoted(words[:1])} beside them in "
                f"{_short(neg.source)}, and its own framing does not negate them: the outlet's framing flips them.")
        conf = 0.5 * _alignment_confidence(al)
    diff = {"a": {"source": a.source, "negations": _negations(a)}, "b": {"source": b.source, "negations": _negations(b)}}
    return [_finding("negation", severity, a, b, expl, diff, rule, cid, confidence=conf)]


def _negations(it: Item) -> list:
    """The negation words of an item, as written."""
    return [r for n, r in zip(it.tokens.norms, it.tokens.raws) if _align.is_negation(n)]


def _beyond_sentence(whole: Item, other: Item, al, whole_side: str) -> list:
    """Edge words of ``other`` inside the sentence that ``whole`` quotes as complete (a
    capital and a full stop, ``!`` or ``?``): ``(where, i1, i2, cut_mid_phrase)``.  The cut
    runs through a phrase when the other source's next word after the shared words is a
    content word with no punctuation between ("no community." against "no community
    center."): that changes what the words say; a cut before a new clause or phrase ("for
    ourselves", ", but ...") or a lead-in ("Of course, ...") is an ordinary partial quote."""
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
        toks = other.tokens
        if o.where == "head":
            first_shared = toks.token(i2) if i2 < len(toks) else None
            if first_shared is None or first_shared.raw[:1].isupper():
                continue  # the other source capitalises it too: no evidence of a cut
            between = other.text[toks.token(i2 - 1).end - other.start: first_shared.start - other.start]
            mid = False
        else:
            last_shared = toks.token(i1 - 1) if i1 > 0 else None
            between = other.text[last_shared.end - other.start: toks.starts[i1] - other.start] if last_shared else "."
            mid = not _CLAUSE_BREAK.search(between) and not is_minor_word(toks.norms[i1])
        if _BOUNDARY.search(between):
            continue  # the other source's sentence (or quotation) ends there too
        out.append((o.where, i1, i2, mid))
    return out


def _wording_findings(a, b, al, cid) -> list:
    """Words that differ inside the shared stretch, graded by what they do to the meaning: a
    different content word, content words added or dropped, or an ellipsis that cuts content
    words out of the middle is a warning; the same words printed differently (spelling,
    inflection, abbreviation, contraction) or only minor words (function words,
    interjections) is information, with ``diff["reason"] = "minor"``."""
    changes: dict = {"added": [], "removed": [], "substituted": [], "cut": [], "beyond_sentence": []}
    major = False
    for o in al.middle:
        xs, ys = _op_words(a, b, o)
        if o.gap == "bracket":
            continue  # the reporter's [words] in place of the speaker's: editorial, marked
        if _in_figures(a, o.i1, o.i2) and _in_figures(b, o.j1, o.j2):
            continue  # a figure written another way, or changed: the number check's business
        if o.tag == "replace" and len(xs) == len(ys) == 1 and _ORDINAL.fullmatch(xs[0]) and _ORDINAL.fullmatch(ys[0]):
            continue  # an ordinal changed: the number check's business
        if all(_align.is_negation(w) for w in xs + ys):
            continue  # reported as a negation finding
        if _other_sentence(a, b, al, o):
            continue  # "I am sorry. I just want" against "And I just wanted": another sentence, a cut
        raw_x = a.tokens.raws[o.i1:o.i2]
        raw_y = b.tokens.raws[o.j1:o.j2]
        if o.tag == "replace" and _printed_otherwise(xs, ys):
            continue  # the same words: "data center"/"datacenter", "I'm"/"I am", "fibre"/"fiber"
        minor = _censored(a, o.i1, o.i2, b, o.j1, o.j2) or minor_change(xs, ys, raw_x, raw_y)
        wa, wb = _align.words(a.tokens, o.i1, o.i2), _align.words(b.tokens, o.j1, o.j2)
        if o.gap == "ellipsis":
            entry = dict(wb if o.tag == "insert" else wa, source=(b if o.tag == "insert" else a).source)
            changes["cut"].append(dict(entry, minor=minor))
        elif o.tag == "insert":
            changes["added"].append(dict(wb, source=b.source, minor=minor))
        elif o.tag == "delete":
            changes["removed"].append(dict(wa, source=a.source, minor=minor))
        else:
            changes["substituted"].append({"a": wa, "b": wb, "minor": minor})
        major = major or not minor
    for whole, other, side in ((a, b, "a"), (b, a, "b")):
        for where, i1, i2, mid in _beyond_sentence(whole, other, al, side):
            w = _align.words(other.tokens, i1, i2)
            changes["beyond_sentence"].append(dict(w, source=other.source, where=where,
                                                   whole=whole.source, mid_phrase=mid))
            major = major or mid
    if not any(changes.values()):
        return []
    # The explanation names what changes the meaning; minor differences only when that is all.
    shown = lambda key: [x for x in changes[key] if not (major and x["minor"])]
    parts = []
    if shown("substituted"):
        parts.append("has " + _quoted([f"{x['b']['text']}” for “{x['a']['text']}" for x in shown("substituted")]))
    if shown("added"):
        parts.append("adds " + _quoted([x["text"] for x in shown("added")]))
    if shown("removed"):
        parts.append("drops " + _quoted([x["text"] for x in shown("removed")]))
    if shown("cut"):
        parts.append("marks with an ellipsis the cut of " + _quoted([x["text"] for x in shown("cut")]))
    hidden = sum(len(changes[k]) - len(shown(k)) for k in ("substituted", "added", "removed", "cut"))
    if hidden and parts:
        parts.append(f"and differs in {hidden} minor word{'s' if hidden > 1 else ''}")
    sentence = ""
    whole_cut = [e for e in changes["beyond_sentence"] if not major or e["mid_phrase"]]
    if whole_cut:
        x = whole_cut
        before = [e["text"] for e in x if e["where"] == "head"]
        after = [e["text"] for e in x if e["where"] == "tail"]
        more = " and ".join(([f"{_quoted(before[:1])} before it"] if before else [])
                            + ([f"{_quoted(after[:1])} after it"] if after else []))
        sentence = (f"{_short(x[0]['whole'])} quotes as a whole sentence what "
                    f"{_short(x[0]['source'])} quotes with {more}")
    expl = ""
    if parts:
        expl = f"{_short(b.source)} quotes the words of {_short(a.source)} but " + ", ".join(parts)
    expl = "; ".join(p for p in (expl, sentence) if p) + "."
    diff = {"a": a.source, "b": b.source, **{k: v for k, v in changes.items() if v},
            "reason": "content" if major else "minor"}
    rule = "words-differ-in-shared-stretch" if any(changes[k] for k in ("added", "removed", "substituted")) \
        else ("ellipsis-cut" if changes["cut"] else "quoted-as-whole-sentence")
    return [_finding("wording", "warning" if major else "info", a, b, expl, diff, rule, cid,
                     confidence=_alignment_confidence(al))]


def _other_sentence(a, b, al, o) -> bool:
    """Whether an edit at the very start (or end) of both quotes is, on one side, a sentence
    of its own before (after) the shared words: then the sides quote different stretches of
    the speech, which is truncation, not an edit."""
    def apart(item, i1, i2, head):
        toks = item.tokens
        if i2 <= i1:
            return False
        lo, hi = (i2 - 1, i2) if head else (i1 - 1, i1)
        if lo < 0 or hi >= len(toks):
            return False
        if is_abbreviation(toks.norms[lo]):
            return False  # "Sen. Warren"
        x, y = toks.end(lo) - item.start, toks.starts[hi] - item.start
        # a sentence break by the pipeline's rule (not after "Sen." or "Dr."), or a line break
        return "\n" in item.text[x:y] or any(True for _ in _text.sentence_breaks(item.text, x, min(len(item.text), y + 3)))

    if o.i1 == 0 and o.j1 == 0:
        return apart(a, o.i1, o.i2, True) or apart(b, o.j1, o.j2, True)
    if o.i2 == al.n_a and o.j2 == al.n_b:
        return apart(a, o.i1, o.i2, False) or apart(b, o.j1, o.j2, False)
    return False


def _printed_otherwise(xs: tuple, ys: tuple) -> bool:
    """The same words spaced, contracted or spelt (British/American) otherwise: no finding
    at all, as nothing an editor could read differs."""
    ex, ey = expanded(xs), expanded(ys)
    if "".join(ex) == "".join(ey):
        return True
    return len(ex) == len(ey) and all(spelling_key(x) == spelling_key(y) for x, y in zip(ex, ey))


def _censored(a, i1, i2, b, j1, j2) -> bool:
    """One word against the same word censored ("f***", "s---"): the same word."""
    if i2 - i1 != 1 or j2 - j1 != 1:
        return False
    ta, tb = a.tokens.token(i1), b.tokens.token(j1)

    def starred(item, t):
        after = item.text[t.end - item.start: t.end - item.start + 1]
        return after in ("*", "-", "_") and item.text[t.end - item.start: t.end - item.start + 2] not in ("- ",)

    return (ta.norm[:1] == tb.norm[:1]
            and ((starred(a, ta) and len(ta.norm) < len(tb.norm)) or (starred(b, tb) and len(tb.norm) < len(ta.norm))))


def _truncation_findings(a, b, al, cid, claimed: bool) -> list:
    """One source quotes part of what the other quotes: information."""
    extra_a = [o for o in al.edges if o.tag in ("delete", "replace") and o.gap != "bracket"]
    extra_b = [o for o in al.edges if o.tag in ("insert", "replace") and o.gap != "bracket"]
    if claimed or not (extra_a or extra_b):
        return []  # nothing cut, or already reported as a wording difference
    longer, shorter = (b, a) if extra_b else (a, b)
    expl = f"{_short(shorter.source)} quotes part of what {_short(longer.source)} quotes."
    if extra_a and extra_b:
        expl = f"{_short(a.source)} and {_short(b.source)} quote overlapping parts of the same words."
    diff = {"longer": longer.source, "shorter": shorter.source,
            "a_only": [_align.words(a.tokens, o.i1, o.i2) for o in extra_a],
            "b_only": [_align.words(b.tokens, o.j1, o.j2) for o in extra_b]}
    return [_finding("truncation", "info", a, b, expl, diff, "part-of-quote", cid,
                     confidence=_alignment_confidence(al))]


#: An attribution this sure (and naming the speaker at the quote) is one a speaker finding
#: can rest a warning on: today the attribution gives 0.8 or more to a cue with the name in
#: the quote's sentence ("post", "pre", "colon-paragraph" rules).
SPEAKER_CONFIDENT = 0.8


def _confident(it: Item) -> bool:
    return it.confidence >= SPEAKER_CONFIDENT and it.explicit


def _speaks_for(it: Item) -> bool:
    """The speaker is an organisation, a group, or a news outlet that carried the words: a
    person speaking for it (or quoted by it) is no conflict."""
    return it.speaker_kind in ("organisation", "group")


def _speaker_findings(a, b, cid) -> list:
    """The same words given to different people.  A warning only when both attributions are
    confident (:data:`SPEAKER_CONFIDENT`, the name at the quote), both speakers are people
    and the names are not variants of one name; otherwise information with both
    attributions shown, as most such disagreements are our misreading, not the sources'.
    A speaker known only by a role ("a spokesman for the mayor") is nobody's name: the
    other source may name the same person, or the principal they speak for."""
    why = ""
    if name_variant(a.speaker, b.speaker) or _surname(a.speaker) == _surname(b.speaker):
        why = "the names may be one person's"
    elif _names_the_other(a, b) or _names_the_other(b, a):
        # "Greek prime minister George Papandreou condemned ..., saying: “...”" read as
        # "Greek": the sentence around one quote names the other source's speaker
        why = "the sentence around one quote names the other speaker"
    elif _speaks_for(a) or _speaks_for(b):
        why = "a person and the organisation they speak for are no conflict"
    elif a.speaker_principal or b.speaker_principal:
        # "a Pelosi aide" in one outlet, "Pelosi" or the aide's own name in the other
        why = "one source names the speaker only by a role, which the other may name or speak for"
    elif not (_confident(a) and _confident(b)):
        why = "at least one attribution is not sure"
    sev = "info" if why else "warning"
    conf = min(a.confidence, b.confidence)
    expl = (f"The same words are attributed to {a.speaker} in {_short(a.source)} "
            f"and to {b.speaker} in {_short(b.source)}" + (f" ({why})." if why else "."))
    diff = {"a": {"source": a.source, "speaker": a.speaker, "confidence": a.confidence, "named": a.explicit},
            "b": {"source": b.source, "speaker": b.speaker, "confidence": b.confidence, "named": b.explicit},
            "reason": why or "both attributions confident"}
    return [_finding("speaker", sev, a, b, expl, diff, "same-words-other-speaker", cid, speaker=a.speaker,
                     confidence=conf)]


def _names_the_other(a: Item, b: Item) -> bool:
    """Whether the sentence around ``a`` names ``b``'s speaker (by surname)."""
    who = _surname(b.speaker)
    return bool(who) and _align.stem(who) in a.context


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


#: Figures a paraphrase and a quote disagree on are one quantity stated two ways when they
#: are within this factor of each other ("under five minutes" against "7-10 minutes"); an
#: order of magnitude apart ("more than 200 injured" against "24 dead") they count
#: different things, and the finding is information only.
PARAPHRASE_FIGURE_FACTOR = 3.0


@functools.lru_cache(maxsize=1)
def _date_units() -> frozenset:
    return lexicon.words("numbers_date_words.txt")


def _magnitude(q) -> float:
    finite = [v for v in (q.low, q.high) if v not in (None, float("inf"), float("-inf"))]
    return max(abs(v) for v in finite) if finite else 0.0


def _near(xs: list, ys: list) -> bool:
    """Whether some figure of ``xs`` is within :data:`PARAPHRASE_FIGURE_FACTOR` of one of
    ``ys``."""
    for x in xs:
        for y in ys:
            mx, my = _magnitude(x), _magnitude(y)
            if mx and my and max(mx, my) / min(mx, my) <= PARAPHRASE_FIGURE_FACTOR:
                return True
    return False


def _paraphrase_number_findings(a, b, cid) -> list:
    """Reported speech against a quote (or other reported speech) of the same speaker:
    figures of a shared unit that the other side's figures do not allow ("under five
    minutes" against "7-10 minutes").  A warning when the disagreeing figures are of one
    magnitude (:data:`PARAPHRASE_FIGURE_FACTOR`), else information: a paraphrase may be
    about another part of the speech.  Dates are not compared."""
    out = []
    para, quote = (a, b) if a.kind == "paraphrase" else (b, a)
    for unit in sorted(_units(a) & _units(b)):
        if unit in _date_units():
            continue  # "on 14 October" against "[8 October]": most often another event
        about = frozenset(para.own).intersection(quote.context) - {_align.stem(unit)}
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
        near = _near(ua or qa, ub or qb)
        say = lambda it: "quotes" if it.kind == "quote" else "reports"
        expl = (f"{_short(a.source)} {say(a)} {' and '.join(q.text for q in qa)} where "
                f"{_short(b.source)} {say(b)} {' and '.join(q.text for q in qb)}"
                + ("." if near else " (figures an order of magnitude apart may count different things)."))
        diff = {"unit": unit,
                "a": {"source": a.source, "kind": a.kind, "numbers": [q.describe() for q in qa],
                      "text": [q.text for q in qa], "differ": [q.describe() for q in ua]},
                "b": {"source": b.source, "kind": b.kind, "numbers": [q.describe() for q in qb],
                      "text": [q.text for q in qb], "differ": [q.describe() for q in ub]}}
        out.append(_finding("number", "warning" if near else "info", a, b, expl, diff,
                            "paraphrase-figures-differ", cid, confidence=0.6 if near else 0.3))
    return out


def compare_pair(a: Item, b: Item, m: Match, cid: Optional[str] = None) -> list:
    """The findings between two matching items of different documents."""
    if b.key < a.key:
        a, b = b, a
    found = _compare(a, b, m, cid)
    return _published_before(a, b, found) or _on_other_days(a, b, found)


def _published_before(a: Item, b: Item, found: list) -> list:
    """The findings as info, when one source was published before the day the other dates
    the words to (the input gives both articles' dates: ``Document.meta``): an article of
    Thursday cannot report what the speaker said on the Monday after, so the two quotes are
    two utterances, and what differs between them is no inconsistency of the outlets (a
    stump line given again, in other words, the week after).  Empty when that is not so
    (:func:`compare_pair` then keeps the findings)."""
    if not found:
        return []
    for early, late in ((a, b), (b, a)):
        said = occasion_date(late.occasion, late.published)
        out = early.published
        if said is None or out is None or out >= said:
            continue
        note = (f" {_short(early.source)} was published on {out.isoformat()}, before the day"
                f" {_short(late.source)} dates the words to ({said.strftime('%A')} {said.isoformat()}):"
                f" two occasions.")
        dates = {"source": early.source, "published": out.isoformat(),
                 "dated_by": late.source, "said": said.isoformat()}
        return [attrs.evolve(f, severity="info", explanation=f.explanation + note,
                             diff={**f.diff, "published_before": dates},
                             confidence=round(f.confidence * PUBLISHED_BEFORE_CONFIDENCE, 2)) for f in found]
    return []


def _on_other_days(a: Item, b: Item, found: list) -> list:
    """The findings of two sources that date the words to different days of the week, with
    that said and half the confidence: a speaker who gives a stump line on a Monday and
    again on a Wednesday said it twice, and two reports of two occasions are no
    inconsistency.  The severity stays: outlets also date one remark differently (the day
    an earlier sentence gave is carried to later quotes of the speaker,
    :func:`quotecheck.utterances._occasion`, and may be another remark's), and the seeds'
    "under five minutes" against "7-10 minutes" is such a pair.  Relative days
    ("yesterday", "today") are not compared: they depend on each article's date."""
    da, db = occasion_weekday(a.occasion), occasion_weekday(b.occasion)
    if not found or not (da and db) or da == db:
        return found
    note = (f" The sources date the words to different days ({da.capitalize()}, {db.capitalize()}):"
            f" perhaps two occasions.")
    return [attrs.evolve(f, explanation=f.explanation + note, diff={**f.diff, "other_days": [da, db]},
                         confidence=round(f.confidence * OTHER_DAYS_CONFIDENCE, 2)) for f in found]


def _compare(a: Item, b: Item, m: Match, cid: Optional[str]) -> list:
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
    out += _ordinal_findings(a, b, al, cid)
    out += _negation_findings(a, b, al, cid)
    wording = _wording_findings(a, b, al, cid)
    out += wording
    claimed = any("beyond_sentence" in f.diff for f in wording)
    out += _truncation_findings(a, b, al, cid, claimed)
    return out


_ORDINAL = regex.compile(r"[0-9]++(?:st|nd|rd|th)")


def _ordinal_findings(a, b, al, cid) -> list:
    """An ordinal changed in place inside the shared words ("the 3rd time" / "the fourth
    time"; ordinal words and numerals are one token form, so "eleventh" = "11th"): a number
    error, as the wording check leaves figures to the number check."""
    out = []
    for o in al.middle:
        if o.tag != "replace" or o.i2 - o.i1 != 1 or o.j2 - o.j1 != 1:
            continue
        x, y = a.tokens.norms[o.i1], b.tokens.norms[o.j1]
        if _ORDINAL.fullmatch(x) and _ORDINAL.fullmatch(y) and x != y:
            ta, tb = a.tokens.token(o.i1), b.tokens.token(o.j1)
            expl = (f"{_short(a.source)} quotes “{ta.raw}” where {_short(b.source)} quotes “{tb.raw}” "
                    f"in the same words.")
            diff = {"a": {"source": a.source, "numbers": [x], "text": [ta.raw], "differ": [x]},
                    "b": {"source": b.source, "numbers": [y], "text": [tb.raw], "differ": [y]}}
            out.append(_finding("number", "error", a, b, expl, diff, "ordinal-in-shared-words", cid,
                                confidence=_alignment_confidence(al)))
    return out
