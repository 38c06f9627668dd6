#!/usr/bin/env python3
"""Tally the speaker errors on the readable part of PolNeAR-train, by class.

    python tools/speaker_errors.py                    # the tally
    python tools/speaker_errors.py --show none:cue-less --limit 20   # examples of one class

Reads only the first 640 articles of ``../shared/data/polnear-train.jsonl`` (the last 200 are
the blind split, whose errors nobody reads).  Each recalled quoted gold relation with a source is
judged as the shared scorer judges it (``../shared/eval/score_quotes.py``: the speaker mention
overlaps the gold source, or the speaker name shares a capitalised word with it) and put in a
class ``outcome:kind`` where the outcome is ``ok``, ``wrong`` or ``none`` (no speaker) and the
kind says where the attribution came from (its rule's first part) or, for ``none``, whether the
gold cue is near the quote.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from quotecheck import api  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "shared", "data", "polnear-train.jsonl")
READABLE = 640
DQ = '"\u201c\u201d'
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her"}


def caps(s):
    return {w.lower() for w in re.findall(r"\b[A-Z][\w'’.-]+", s or "")}


def inside(ps, pe, gs, ge):
    return max(0, min(pe, ge) - max(ps, gs)) >= 0.5 * max(1, pe - ps)


def speaker_ok(a, g):
    ss, se = a.mention_start, a.mention_end
    if ss is not None and se is not None and min(se, g["speaker_end"]) > max(ss, g["speaker_start"]):
        return True
    return bool(caps(a.speaker) & caps(g["speaker"]))


def gold_kind(g) -> str:
    """name / pronoun / description, by the gold source's words."""
    s = g["speaker"].strip()
    if s.lower() in PRONOUNS:
        return "pronoun"
    return "name" if caps(s) else "description"


def where(g, q) -> str:
    """Where the gold cue stands relative to the quote: in it / near after / near before /
    far (another sentence or paragraph) / no cue."""
    cs = g.get("cue_start")
    if cs is None:
        return "nocue"
    if q.start <= cs < q.end:
        return "cue-inside"
    if 0 <= cs - q.end <= 60:
        return "cue-after"
    if 0 <= q.start - cs <= 120:
        return "cue-before"
    return "cue-far"


def classify(d, doc):
    speech = [q for q in doc.quotes if q.kind in ("direct", "partial")]
    for g in d["quotes"]:
        if not (any(c in g["text"] for c in DQ) or "''" in g["text"]):
            continue
        if not g.get("has_source", True) or g.get("speaker") is None:
            continue
        mine = [q for q in speech if inside(q.start, q.end, g["start"], g["end"])]
        if not mine:
            continue
        q = mine[0]
        a = q.attribution
        rule = (a.rule or "none").split("/")
        if a.speaker is None and a.mention is None:
            cls = f"none:{where(g, q)}"
        elif speaker_ok(a, g):
            cls = f"ok:{rule[0]}"
        else:
            cls = f"wrong:{rule[0]}"
        yield cls, g, q


def context(text, g, q, width=220):
    lo = max(0, min(q.start, g["speaker_start"] if g["speaker_start"] is not None else q.start) - width)
    hi = min(len(text), q.end + 80)
    return text[lo:hi].replace("\n", " ¶ ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--show", help="print the examples of classes starting with this")
    ap.add_argument("--limit", type=int, default=15)
    ap.add_argument("--by", choices=["class", "rule", "gold"], default="class")
    a = ap.parse_args(argv)
    with open(a.data, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()][:READABLE]
    tally = collections.Counter()
    shown = 0
    for n, d in enumerate(docs):
        doc = api.extract(d["text"])
        for cls, g, q in classify(d, doc):
            if a.by == "rule":
                key = f"{cls.split(':')[0]}:{q.attribution.rule}"
            elif a.by == "gold":
                key = f"{cls}:{gold_kind(g)}"
            else:
                key = cls
            tally[key] += 1
            if a.show and key.startswith(a.show) and shown < a.limit:
                shown += 1
                at = q.attribution
                print(f"--- doc {n} [{key}] gold={g['speaker']!r} cue={g.get('cue')!r} "
                      f"got={at.speaker!r} via {at.mention!r} rule={at.rule} conf={at.confidence}")
                print(context(d["text"], g, q))
    if not a.show:
        total = sum(tally.values())
        for key, c in sorted(tally.items(), key=lambda kv: -kv[1]):
            print(f"{c:6d} {c / total:6.1%}  {key}")
        print(f"{total:6d} total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
