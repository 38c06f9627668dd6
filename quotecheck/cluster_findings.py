"""The findings of one cluster: every two of its items from different documents compared
once per variant (:func:`quotecheck.findings.compare_pair`), a quote that another
document only paraphrases, and the findings merged by fingerprint and, for the speaker,
by the pair of names.  Part of the cross-source check (see :mod:`quotecheck.crosssource`):
the clusters come from :mod:`quotecheck.grouping`, the findings of a pair from
:mod:`quotecheck.findings`.
"""
from __future__ import annotations

import collections
import hashlib

import attrs

from . import align as _align
from .findings import _finding, _short, compare_pair
from .grouping import cluster_id, compare
from .utterances import Item, _surname


#: Clusters larger than this compare each member with the next :data:`CLUSTER_WINDOW` in key
#: order instead of with every other: a sentence quoted by hundreds of documents (or a
#: flood of near-identical quotes) must not cost the square of its size.
CLUSTER_CAP = 40
CLUSTER_WINDOW = 12

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _severity_rank(severity: str) -> int:
    return _SEVERITY_RANK[severity]


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
            # a paraphrase joins a quote on shared content words, not on aligned wording
            m = matched[(p.key, q.key)]
            out.append(_finding("paraphrase", "info", a, b, expl,
                                {"quote": q.source, "paraphrase": p.source}, "quote-vs-paraphrase", cid,
                                confidence=min(0.5, 0.5 * m.coverage + 0.25)))
    return out


def _merge(findings: list) -> list:
    """One finding per fingerprint, with every side that shows it."""
    merged: dict = {}
    for f in findings:
        old = merged.get(f.fingerprint)
        if old is None:
            merged[f.fingerprint] = f
            continue
        seen = {(s.source, s.start, s.end) for s in old.sides}
        extra = tuple(s for s in f.sides if (s.source, s.start, s.end) not in seen)
        worst = max(old.severity, f.severity, key=_severity_rank)
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
        worst = max((f.severity for f in fs), key=_severity_rank)
        counts = collections.Counter(sp for sp, _src in {(sd.speaker, sd.source) for sd in sides})
        why = sorted({f.diff.get("reason") for f in fs if f.severity == worst and f.diff.get("reason")})
        expl = "The same words are attributed to " + " and to ".join(
            f"{name} ({n} source{'s' if n > 1 else ''})" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) \
            + (f" ({'; '.join(why)})." if worst == "info" and why else ".")
        texts = sorted({_align.tokenize(sd.text).norms for sd in sides})
        raw = "\x1f".join(["speaker", *names] + [" ".join(t) for t in texts])
        fp = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
        rest.append(attrs.evolve(fs[0], sides=tuple(sides), severity=worst, explanation=expl, fingerprint=fp,
                                 confidence=min(f.confidence for f in fs if f.severity == worst),
                                 diff={"speakers": dict(counts), "pairs": [f.diff for f in fs]}))
    return rest


def _variant(it: Item) -> tuple:
    """Everything about an item that its findings depend on, except where it is."""
    return (it.kind, it.tokens.norms, tuple(sorted(it.tokens.gaps.items())), it.speaker,
            it.explicit, it.speaker_kind, it.opens, it.closes, it.confidence, it.lead_negated, it.text,
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
