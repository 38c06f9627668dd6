#!/usr/bin/env python3
"""Titles and scare quotes called speech, and real partial quotes lost, by the quote's role.

Reads the case file ``tests/cases/quote_roles.json`` (paraphrases of real sentences, each
shape with three instances) and prints, per shape, how many non-speech quotes are called
speech and how many real partial quotes are not.  With ``--train`` it also prints the same
two counts on the short quotes (under six words, or title-case) of the first 640 articles of
``polnear-train`` against its gold: a quote is speech there when it lies mostly inside an
annotated attribution's content (which also holds titles quoted inside reported speech, so
that figure is a guide, not a truth).  The blind split is never read here.

    python benchmarks/quote_roles.py [--train]
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
sys.path.insert(0, PROJECT)

from quotecheck.quote_kinds import _title_case  # noqa: E402
from quotecheck.quotes import find_quotes  # noqa: E402

SPEECH = ("direct", "partial")
#: The readable part of polnear-train (the last 200 articles are the blind split).
READABLE = 640


def cases() -> dict:
    """``{shape: (non-speech called speech, non-speech cases, speech lost, speech cases)}``."""
    with open(os.path.join(PROJECT, "tests", "cases", "quote_roles.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = collections.OrderedDict()
    for c in data:
        quotes = [q for q in find_quotes(c["text"])[0] if q.text == c["quote"]]
        said = bool(quotes) and quotes[0].kind in SPEECH
        row = out.setdefault(c["shape"], [0, 0, 0, 0])
        if c["speech"]:
            row[2] += not said
            row[3] += 1
        else:
            row[0] += said
            row[1] += 1
    return out


def train(path: str) -> tuple:
    """``(short quotes called speech outside gold, short quotes, gold short quotes not speech)``."""
    called = lost = n = 0
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()][:READABLE]
    for d in docs:
        for q in find_quotes(d["text"])[0]:
            if q.parent is not None or (len(q.inner.split()) >= 6 and not _title_case(q.inner)):
                continue
            n += 1
            gold = any(max(0, min(q.end, g["end"]) - max(q.start, g["start"])) >= 0.5 * max(1, q.end - q.start)
                       for g in d["quotes"])
            called += q.kind in SPEECH and not gold
            lost += q.kind not in SPEECH and gold
    return called, n, lost


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", action="store_true", help="also the gold-based counts on train-640")
    ap.add_argument("--data", default=os.path.join(PROJECT, "..", "shared", "data"))
    a = ap.parse_args(argv)
    rows = cases()
    width = max(len(s) for s in rows)
    print(f"{'shape':{width}}  called speech  speech lost")
    for shape, (fp, nn, fn, ns) in rows.items():
        print(f"{shape:{width}}  {f'{fp}/{nn}' if nn else '-':>13}  {f'{fn}/{ns}' if ns else '-':>11}")
    tot = [sum(r[i] for r in rows.values()) for i in range(4)]
    print(f"{'all cases':{width}}  {f'{tot[0]}/{tot[1]}':>13}  {f'{tot[2]}/{tot[3]}':>11}")
    if a.train:
        called, n, lost = train(os.path.join(a.data, "polnear-train.jsonl"))
        print(f"train-640 short quotes: {n}; speech outside any gold content: {called}; "
              f"inside gold content but not speech: {lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
