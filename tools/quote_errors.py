#!/usr/bin/env python3
"""Tally the quote-side errors on the readable part of PolNeAR-train, by class.

    python tools/quote_errors.py                          # the tally
    python tools/quote_errors.py --show fp:speech-context --limit 20   # examples of one class

Reads only the first 640 articles of ``../shared/data/polnear-train.jsonl`` (the last 200 are
the blind split, whose errors nobody reads).  Quotes are judged as the shared scorer judges them
(``../shared/eval/score_quotes.py``): a speech quote (``direct`` or ``partial``) is right when it
lies mostly (half its length) inside the content of some gold relation; a quoted gold relation
is found when some speech quote lies mostly inside it.  Two kinds of error, each put in a class:

* ``fp:<rule>``: a speech quote inside no gold relation (a title, scare quote, label or nickname
  called speech, a span paired wrongly, a quote in a headline or caption), by the rule that
  called it speech; ``fp-head:<rule>`` when it stands in the first two lines (a headline);
* ``fn:<kind>:<rule>``: a quoted gold relation no speech quote lies in: ``fn:title:...``,
  ``fn:scare:...`` when quotecheck found the span but called it something else,
  ``fn:span:...`` when a speech quote overlaps it but lies mostly outside (merged or paired
  wrongly), ``fn:none`` when no quote of quotecheck touches it.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from quotecheck import api  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "shared", "data", "polnear-train.jsonl")
READABLE = 640
DQ = '"\u201c\u201d'
DQ_PAIRS = ("''", "\u2019\u2019", "\u2018\u2018")
SPEECH = ("direct", "partial")


def is_quoted(text: str) -> bool:
    return any(c in text for c in DQ) or any(p in text for p in DQ_PAIRS)


def inside(ps, pe, gs, ge):
    return max(0, min(pe, ge) - max(ps, gs)) >= 0.5 * max(1, pe - ps)


def overlaps(ps, pe, gs, ge):
    return min(pe, ge) > max(ps, gs)


def in_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` is in the first two non-empty lines (a headline, a dateline)."""
    lines = [i for i, line in enumerate(text.split("\n")) if line.strip()][:2]
    line = text.count("\n", 0, pos)
    return bool(lines) and line <= lines[-1]


def classify(d, doc):
    """``(class, span_start, span_end, quote or None)`` for each quote-side error."""
    gq = d["quotes"]
    speech = [q for q in doc.quotes if q.kind in SPEECH]
    for q in speech:
        if not any(inside(q.start, q.end, g["start"], g["end"]) for g in gq):
            head = "fp-head" if in_headline(d["text"], q.start) else "fp"
            yield f"{head}:{q.rule}", q.start, q.end, q
    for g in gq:
        if not is_quoted(g["text"]):
            continue
        if any(inside(q.start, q.end, g["start"], g["end"]) for q in speech):
            continue
        near = [q for q in doc.quotes if overlaps(q.start, q.end, g["start"], g["end"])]
        other = [q for q in near if q.kind not in SPEECH and q.kind != "reported"]
        if other:
            q = other[0]
            yield f"fn:{q.kind}:{q.rule}", g["start"], g["end"], q
        elif any(q.kind in SPEECH for q in near):
            q = next(q for q in near if q.kind in SPEECH)
            yield f"fn:span:{q.rule}", g["start"], g["end"], q
        else:
            yield "fn:none", g["start"], g["end"], None


def context(text, s, e, width=160):
    lo, hi = max(0, s - width), min(len(text), e + 80)
    return (text[lo:s] + "⟦" + text[s:e][:300] + "⟧" + text[e:hi]).replace("\n", " ¶ ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--show", help="print the examples of classes starting with this")
    ap.add_argument("--limit", type=int, default=15)
    ap.add_argument("--coarse", action="store_true", help="tally by the class's first two parts")
    a = ap.parse_args(argv)
    with open(a.data, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()][:READABLE]
    tally: collections.Counter = collections.Counter()
    shown = 0
    for n, d in enumerate(docs):
        doc = api.extract(d["text"])
        for cls, s, e, q in classify(d, doc):
            key = ":".join(cls.split(":")[:2]) if a.coarse else cls
            tally[key] += 1
            if a.show and key.startswith(a.show) and shown < a.limit:
                shown += 1
                got = f"{q.kind} {q.rule} ({q.reason}) {q.text[:60]!r}" if q is not None else "-"
                print(f"--- doc {n} [{key}] got={got}")
                print(context(d["text"], s, e))
    if not a.show:
        total = sum(tally.values())
        for key, c in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{c:6d} {c / max(1, total):6.1%}  {key}")
        print(f"{total:6d} total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
